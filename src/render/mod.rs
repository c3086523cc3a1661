//! Render: one template render per output file, in parallel. Render knows nothing of files:
//! it hands back bytes and the path each goes to inside the output folder.

pub mod context;
pub mod jobs;
pub mod templates;

use std::path::PathBuf;
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use crate::diagnostic::Diagnostics;
use crate::load::SiteFiles;
use crate::model::{Idx, Site, dates};
use context::*;
pub use jobs::Job;
pub use templates::Theme;

/// One rendered file, relative to the output folder.
#[derive(Debug, Clone)]
pub struct Output {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// What every page may need, made once per build.
struct Shared<'a> {
    site: &'a Site,
    now: &'a jiff::ZonedDateTime,
    cards: Vec<Value>,
    /// What every home page shows besides its stories, made once.
    home_events: Value,
    home_neighbourhoods: Value,
    /// Every story, newest first.
    all: Vec<Idx>,
}

/// Render every page of `site` with `theme`; `now` decides which events are upcoming.
pub fn all(
    site: &Site,
    theme: &mut Theme,
    files: &SiteFiles,
    now: &jiff::ZonedDateTime,
    errs: &mut Diagnostics,
) -> Vec<Output> {
    set_globals(site, theme);
    let cards = site
        .stories
        .par_iter()
        .map(|s| Value::from_serializable(&StoryCard::of(site, s)))
        .collect();
    let now_events: Vec<EventCard> = site.events.iter().map(|e| EventCard::of(site, e, now)).filter(|e| e.upcoming).take(3).collect();
    let hoods: Vec<NeighbourhoodView> = site.neighbourhoods.iter().map(|n| NeighbourhoodView::of(site, n)).collect();
    let shared = Shared {
        site,
        now,
        cards,
        all: (0..site.stories.len()).collect(),
        home_events: Value::from_serializable(&now_events),
        home_neighbourhoods: Value::from_serializable(&hoods),
    };
    let theme = &*theme;
    let failures = Mutex::new(Vec::new());
    let jobs = jobs::all(site);
    let outputs = jobs
        .par_iter()
        .filter_map(|&job| match render_job(&shared, theme, job, &jobs) {
            Ok(bytes) => Some(Output {
                path: output_path(site, &job.url(site)),
                bytes,
            }),
            Err(e) => {
                failures
                    .lock()
                    .expect("no panics while holding the lock")
                    .push(theme.render_diagnostic(&e, files));
                None
            }
        })
        .collect();
    errs.extend(
        failures
            .into_inner()
            .expect("no panics while holding the lock"),
    );
    outputs
}

/// `/verhalen/x/` -> `verhalen/x/index.html`, the site prefix taken off.
pub fn output_path(site: &Site, url: &str) -> PathBuf {
    let rel = url
        .strip_prefix(&site.urls.prefix)
        .unwrap_or(url)
        .trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        PathBuf::from(format!("{rel}index.html"))
    } else {
        PathBuf::from(rel)
    }
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    lang: &'a str,
    home_url: String,
    feed_url: String,
}

#[derive(Serialize)]
struct SectionUrls {
    stories: String,
    neighbourhoods: String,
    tags: String,
    people: String,
    events: String,
    search: String,
}

fn set_globals(site: &Site, theme: &mut Theme) {
    let u = &site.urls;
    let r = &u.routes;
    let view = SiteView {
        title: &site.config.title,
        description: &site.config.description,
        base_url: &site.config.base_url,
        lang: site.config.lang.code(),
        home_url: u.root(""),
        feed_url: u.root("feed.xml"),
    };
    let urls = SectionUrls {
        stories: u.section(&r.stories),
        neighbourhoods: u.section(&r.neighbourhoods),
        tags: u.section(&r.tags),
        people: u.section(&r.people),
        events: u.section(&r.events),
        search: u.section(&r.search),
    };
    let global = theme.tera.global_context();
    global.insert("site", &view);
    global.insert("urls", &urls);
    global.insert("t", &theme.words);
    let pages: Vec<Link> = site
        .pages
        .iter()
        .map(|p| Link {
            name: &p.title,
            url: &p.url,
        })
        .collect();
    theme.tera.global_context().insert("pages", &pages);
}

fn render_job(
    shared: &Shared,
    theme: &Theme,
    job: Job,
    all_jobs: &[Job],
) -> tera::TeraResult<Vec<u8>> {
    let ctx = context_for(shared, job, all_jobs);
    let mut bytes = Vec::with_capacity(16 * 1024);
    theme.tera.render_to(job.template(), &ctx, &mut bytes)?;
    Ok(bytes)
}

/// What the `<head>` of every page needs.
#[derive(Serialize)]
struct PageInfo {
    title: String,
    description: String,
    url: String,
    permalink: String,
    /// The section the page belongs to, for marking the current navigation item.
    section: &'static str,
}

fn absolute(site: &Site, url: &str) -> String {
    let path = url.strip_prefix(&site.urls.prefix).unwrap_or(url);
    format!("{}{}", site.config.origin_and_prefix(), path)
}

fn context_for(shared: &Shared, job: Job, all_jobs: &[Job]) -> Context {
    let site = shared.site;
    let mut ctx = Context::new();
    let (title, description, section) = match job {
        Job::Home { page } => {
            list(shared, &mut ctx, &shared.all, page, &site.urls.root(""));
            ctx.insert_value("upcoming_events", shared.home_events.clone());
            ctx.insert_value("neighbourhoods", shared.home_neighbourhoods.clone());
            (String::new(), site.config.description.clone(), "home")
        }
        Job::Stories { page } => {
            list(
                shared,
                &mut ctx,
                &shared.all,
                page,
                &site.urls.section(&site.urls.routes.stories),
            );
            (String::new(), String::new(), "stories")
        }
        Job::Story(i) => story(shared, &mut ctx, i),
        Job::Neighbourhoods => {
            let hoods: Vec<NeighbourhoodView> = sorted_by_name(&site.neighbourhoods, |n| &n.name)
                .map(|n| NeighbourhoodView::of(site, n))
                .collect();
            ctx.insert("neighbourhoods", &hoods);
            (String::new(), String::new(), "neighbourhoods")
        }
        Job::Neighbourhood { idx, page } => {
            let n = &site.neighbourhoods[idx];
            list(shared, &mut ctx, &n.stories, page, &n.url);
            ctx.insert("neighbourhood", &NeighbourhoodView::of(site, n));
            let events: Vec<EventCard> = n
                .events
                .iter()
                .map(|&e| EventCard::of(site, &site.events[e], shared.now))
                .filter(|e| e.upcoming)
                .collect();
            ctx.insert("upcoming_events", &events);
            (n.name.clone(), n.summary.clone(), "neighbourhoods")
        }
        Job::NeighbourhoodFeed(idx) => {
            let n = &site.neighbourhoods[idx];
            feed(
                shared,
                &mut ctx,
                &n.stories,
                &format!("{} – {}", site.config.title, n.name),
                &n.feed_url,
                &n.url,
            );
            (n.name.clone(), String::new(), "feed")
        }
        Job::Kind { idx, page } => {
            let k = &site.kinds[idx];
            list(shared, &mut ctx, &k.stories, page, &k.url);
            ctx.insert("kind", &TermView::kind(k));
            (k.label.clone(), String::new(), "stories")
        }
        Job::Tags => {
            let tags: Vec<TermView> = sorted_by_name(&site.tags, |t| &t.name)
                .map(TermView::tag)
                .collect();
            ctx.insert("tags", &tags);
            let kinds: Vec<TermView> = site.kinds.iter().map(TermView::kind).collect();
            ctx.insert("kinds", &kinds);
            (String::new(), String::new(), "tags")
        }
        Job::Tag { idx, page } => {
            let t = &site.tags[idx];
            list(shared, &mut ctx, &t.stories, page, &t.url);
            ctx.insert("tag", &TermView::tag(t));
            (t.name.clone(), String::new(), "tags")
        }
        Job::People => {
            let people: Vec<PersonView> = sorted_by_name(&site.people, |p| &p.name)
                .map(|p| PersonView::of(site, p))
                .collect();
            ctx.insert("people", &people);
            (String::new(), String::new(), "people")
        }
        Job::Person(i) => {
            let p = &site.people[i];
            ctx.insert("person", &PersonView::of(site, p));
            insert_cards(shared, &mut ctx, "stories", &p.stories);
            (p.name.clone(), p.role.clone().unwrap_or_default(), "people")
        }
        Job::Agenda => {
            let cards: Vec<EventCard> = site
                .events
                .iter()
                .map(|e| EventCard::of(site, e, shared.now))
                .collect();
            let (upcoming, mut past): (Vec<EventCard>, Vec<EventCard>) =
                cards.into_iter().partition(|e| e.upcoming);
            past.reverse();
            ctx.insert("upcoming_events", &upcoming);
            ctx.insert("past_events", &past);
            (String::new(), String::new(), "events")
        }
        Job::Event(i) => {
            let e = &site.events[i];
            ctx.insert("event", &EventCard::of(site, e, shared.now));
            ctx.insert("body", &e.body_html);
            insert_cards(shared, &mut ctx, "stories", &e.stories);
            (e.title.clone(), e.summary.clone(), "events")
        }
        Job::Page(i) => {
            let p = &site.pages[i];
            ctx.insert("body", &p.body_html);
            (p.title.clone(), p.summary.clone(), "page")
        }
        Job::Search => {
            let hoods: Vec<TermView> = sorted_by_name(&site.neighbourhoods, |n| &n.name)
                .map(TermView::neighbourhood)
                .collect();
            ctx.insert("neighbourhoods", &hoods);
            let kinds: Vec<TermView> = site.kinds.iter().map(TermView::kind).collect();
            ctx.insert("kinds", &kinds);
            let tags: Vec<TermView> = sorted_by_name(&site.tags, |t| &t.name)
                .map(TermView::tag)
                .collect();
            ctx.insert("tags", &tags);
            (String::new(), String::new(), "search")
        }
        Job::NotFound => (String::new(), String::new(), "404"),
        Job::Feed => {
            feed(
                shared,
                &mut ctx,
                &shared.all,
                &site.config.title,
                &site.urls.root("feed.xml"),
                &site.urls.root(""),
            );
            (String::new(), String::new(), "feed")
        }
        Job::Sitemap => {
            sitemap(shared, &mut ctx, all_jobs);
            (String::new(), String::new(), "sitemap")
        }
        Job::Robots => (String::new(), String::new(), "robots"),
    };
    let url = job.url(site);
    let permalink = absolute(site, &url);
    ctx.insert(
        "page",
        &PageInfo {
            title,
            description,
            url,
            permalink,
            section,
        },
    );
    ctx
}

fn sorted_by_name<T>(items: &[T], name: impl Fn(&T) -> &str) -> impl Iterator<Item = &T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by_cached_key(|t| crate::model::slug::slugify(name(t)));
    sorted.into_iter()
}

fn insert_cards(shared: &Shared, ctx: &mut Context, key: &'static str, stories: &[Idx]) {
    let cards: Vec<Value> = stories.iter().map(|&i| shared.cards[i].clone()).collect();
    ctx.insert_value(key, Value::from(cards));
}

/// One page of a story list: `stories` and `pagination`.
fn list(shared: &Shared, ctx: &mut Context, stories: &[Idx], page: usize, first_url: &str) {
    let per = shared.site.config.per_page;
    let total = stories.len().div_ceil(per).max(1);
    let from = ((page - 1) * per).min(stories.len());
    let to = (from + per).min(stories.len());
    insert_cards(shared, ctx, "stories", &stories[from..to]);
    let urls = &shared.site.urls;
    let at = |n: usize| urls.paginated(first_url, n);
    let pagination = Pagination {
        current: page,
        total,
        prev_url: (page > 1).then(|| at(page - 1)),
        next_url: (page < total).then(|| at(page + 1)),
        pages: page_window(page, total)
            .into_iter()
            .map(|(number, gap_before)| PageLink {
                number,
                url: at(number),
                gap_before,
            })
            .collect(),
    };
    ctx.insert("pagination", &pagination);
}

fn story(shared: &Shared, ctx: &mut Context, i: Idx) -> (String, String, &'static str) {
    let site = shared.site;
    let s = &site.stories[i];
    ctx.insert("story", &StoryView::of(site, s));
    let events: Vec<EventCard> = s
        .events
        .iter()
        .map(|&e| EventCard::of(site, &site.events[e], shared.now))
        .collect();
    ctx.insert("events", &events);
    insert_cards(shared, ctx, "related", &s.related);
    (s.title.clone(), s.summary.clone(), "stories")
}

#[derive(Serialize)]
struct FeedView<'a> {
    title: &'a str,
    self_url: String,
    site_url: String,
    updated: String,
    entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize)]
struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    published: String,
    updated: String,
    authors: Vec<&'a str>,
    categories: Vec<&'a str>,
    summary: &'a str,
    content: &'a str,
}

fn feed(
    shared: &Shared,
    ctx: &mut Context,
    stories: &[Idx],
    title: &str,
    self_url: &str,
    site_url: &str,
) {
    let site = shared.site;
    let entries: Vec<FeedEntry> = stories
        .iter()
        .take(site.config.feed_limit)
        .map(|&i| {
            let s = &site.stories[i];
            FeedEntry {
                title: &s.title,
                url: absolute(site, &s.url),
                published: dates::rfc3339(&s.date),
                updated: dates::rfc3339(s.updated.as_ref().unwrap_or(&s.date)),
                authors: s
                    .authors
                    .iter()
                    .map(|&a| site.people[a].name.as_str())
                    .collect(),
                categories: s.tags.iter().map(|&t| site.tags[t].name.as_str()).collect(),
                summary: &s.summary,
                content: &s.body_html,
            }
        })
        .collect();
    let newest = stories
        .iter()
        .map(|&i| &site.stories[i])
        .map(|s| s.updated.as_ref().unwrap_or(&s.date))
        .max();
    let updated = newest
        .or(site.updated.as_ref())
        .map_or_else(|| "1970-01-01T00:00:00+00:00".to_string(), dates::rfc3339);
    let view = FeedView {
        title,
        self_url: absolute(site, self_url),
        site_url: absolute(site, site_url),
        updated,
        entries,
    };
    ctx.insert("feed", &view);
}

#[derive(Serialize)]
struct SitemapEntry {
    loc: String,
    lastmod: Option<String>,
}

fn sitemap(shared: &Shared, ctx: &mut Context, jobs: &[Job]) {
    let site = shared.site;
    let entries: Vec<SitemapEntry> = jobs
        .iter()
        .filter(|j| j.is_listed_page())
        .map(|&j| {
            let lastmod = match j {
                Job::Story(i) => {
                    let s = &site.stories[i];
                    Some(dates::rfc3339(s.updated.as_ref().unwrap_or(&s.date)))
                }
                _ => None,
            };
            SitemapEntry {
                loc: absolute(site, &j.url(site)),
                lastmod,
            }
        })
        .collect();
    ctx.insert("entries", &entries);
}
