//! Render: one template render per output file, in parallel. Render knows nothing of files:
//! it hands each rendered page to a sink with the path it goes to inside the output folder.
//!
//! Every page's context is fingerprinted before it is serialised for Tera: a page whose
//! fingerprint matches the previous build's is not rendered again, so a rebuild after one
//! edit renders only the pages that show something of it.

pub mod agenda;
pub mod calendar;
pub mod context;
pub mod jobs;
pub mod search;
pub mod templates;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};
use xxhash_rust::xxh3::Xxh3;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::SiteFiles;
use crate::model::{Idx, Site, dates};
use context::*;

/// The buurtkrant holds the newest stories and the next events that fit on two A4 pages.
const PAPER_STORIES: usize = 6;
const PAPER_EVENTS: usize = 5;
pub use jobs::Job;
pub use templates::Theme;

/// One rendered file, relative to the output folder.
#[derive(Debug, Clone)]
pub struct Output {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Where rendered pages go: a staging folder, a dev server's folder, or nowhere.
pub type Sink<'s> = dyn Fn(Output) -> Result<(), Diagnostic> + Sync + 's;

/// Output path -> fingerprint of a file's content or of everything its template saw.
pub type Prints = ahash::AHashMap<PathBuf, u64>;

/// Fingerprints of the last good render, so the next one can skip unchanged pages.
#[derive(Debug, Default, Clone)]
pub struct PageCache {
    /// Output path -> fingerprint of everything its template saw.
    pub pages: Prints,
    /// Story card fingerprint -> the card as Tera sees it.
    cards: HashMap<u64, Value>,
}

impl PageCache {
    /// Let go of the story cards, which only a next render would reuse.
    pub fn forget_cards(&mut self) {
        self.cards = HashMap::new();
    }
}

/// What one render did.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Every output path of this build with its fingerprint: the next build's cache.
    pub cache: PageCache,
    /// Pages rendered and handed to the sink.
    pub written: usize,
    /// Pages left alone because nothing they show changed.
    pub unchanged: usize,
}

/// What every page may need, made once per build.
struct Shared<'a> {
    site: &'a Site,
    now: &'a jiff::ZonedDateTime,
    cards: Vec<Value>,
    card_prints: Vec<u64>,
    /// What every home page shows besides its stories, made and fingerprinted once.
    home_events: (Vec<EventCard<'a>>, u64),
    /// Every neighbourhood's view, in site order, with its fingerprint and theirs together.
    hoods: Vec<NeighbourhoodView<'a>>,
    hood_prints: Vec<u64>,
    hoods_print: u64,
    /// Every story, newest first.
    all: Vec<Idx>,
}

/// Render every page of `site` whose fingerprint is not in `previous`, handing it to `sink`.
pub fn all(
    site: &Site,
    theme: &mut Theme,
    files: &SiteFiles,
    now: &jiff::ZonedDateTime,
    previous: &PageCache,
    sink: &Sink,
    errs: &mut Diagnostics,
) -> Rendered {
    let globals = set_globals(site, theme);
    let shared = shared(site, now, previous);
    let theme = &*theme;
    let failures = Mutex::new(Vec::new());
    let jobs = jobs::all(site, now);
    let outcomes: Vec<(PathBuf, u64, bool)> = jobs
        .par_iter()
        .filter_map(|&job| {
            let path = output_path(site, &job.url(site));
            let page = page_for(&shared, job, &jobs);
            let print = page.fingerprint(globals, job.template());
            if previous.pages.get(&path) == Some(&print) {
                return Some((path, print, false));
            }
            let result = render_page(theme, job, page)
                .map_err(|e| theme.render_diagnostic(&e, files))
                .and_then(|bytes| {
                    sink(Output {
                        path: path.clone(),
                        bytes,
                    })
                });
            match result {
                Ok(()) => Some((path, print, true)),
                Err(d) => {
                    failures
                        .lock()
                        .expect("no panics while holding the lock")
                        .push(d);
                    None
                }
            }
        })
        .collect();
    errs.extend(
        failures
            .into_inner()
            .expect("no panics while holding the lock"),
    );
    let written = outcomes.iter().filter(|o| o.2).count();
    let unchanged = outcomes.len() - written;
    let pages = outcomes
        .into_iter()
        .map(|(path, print, _)| (path, print))
        .collect();
    let cards = shared
        .card_prints
        .iter()
        .copied()
        .zip(shared.cards.iter().cloned())
        .collect();
    Rendered {
        cache: PageCache { pages, cards },
        written,
        unchanged,
    }
}

/// Story cards (reused from the previous build where unchanged) and the home page's extras.
fn shared<'a>(site: &'a Site, now: &'a jiff::ZonedDateTime, previous: &PageCache) -> Shared<'a> {
    let (cards, card_prints): (Vec<Value>, Vec<u64>) = site
        .stories
        .par_iter()
        .map(|s| {
            let card = StoryCard::of(site, s);
            let print = fingerprint(&card);
            let value = previous
                .cards
                .get(&print)
                .cloned()
                .unwrap_or_else(|| Value::from_serializable(&card));
            (value, print)
        })
        .unzip();
    let home_events = agenda::upcoming(site, site.events.iter(), now, 3);
    let home_print = fingerprint(&home_events);
    let hoods: Vec<NeighbourhoodView> = site
        .neighbourhoods
        .iter()
        .map(|n| NeighbourhoodView::of(site, n))
        .collect();
    let hood_prints: Vec<u64> = hoods.iter().map(fingerprint).collect();
    let hoods_print = fingerprint(&hood_prints);
    Shared {
        site,
        now,
        cards,
        card_prints,
        all: (0..site.stories.len()).collect(),
        home_events: (home_events, home_print),
        hoods,
        hood_prints,
        hoods_print,
    }
}

fn fingerprint<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = Xxh3::new();
    value.hash(&mut h);
    h.finish()
}

/// A page's context, fingerprinted now and handed to Tera only if the page must be rendered.
struct Page<'a> {
    print: Xxh3,
    fills: Vec<Fill<'a>>,
}

/// One deferred insertion into a page's Tera context.
type Fill<'a> = Box<dyn FnOnce(&mut Context) + 'a>;

impl<'a> Page<'a> {
    fn new() -> Page<'a> {
        Page {
            print: Xxh3::new(),
            fills: Vec::new(),
        }
    }

    /// Put `value` in the context under `key`.
    fn set<T: Serialize + Hash + 'a>(&mut self, key: &'static str, value: T) {
        key.hash(&mut self.print);
        value.hash(&mut self.print);
        self.fills
            .push(Box::new(move |ctx| ctx.insert(key, &value)));
    }

    /// Put `value`, made once for many pages and fingerprinted as `print`, under `key`.
    fn set_printed<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &'a T, print: u64) {
        self.set_lazy(key, print, move || value);
    }

    /// Put the value `make` makes under `key`, made only if the page is rendered; `print` is
    /// a fingerprint of everything it is made from.
    fn set_lazy<T: Serialize>(
        &mut self,
        key: &'static str,
        print: u64,
        make: impl FnOnce() -> T + 'a,
    ) {
        key.hash(&mut self.print);
        self.print.write_u64(print);
        self.fills
            .push(Box::new(move |ctx| ctx.insert(key, &make())));
    }

    /// Put the cards of `stories` in the context under `key`.
    fn cards(&mut self, shared: &'a Shared, key: &'static str, stories: &'a [Idx]) {
        key.hash(&mut self.print);
        for &i in stories {
            self.print.write_u64(shared.card_prints[i]);
        }
        self.fills.push(Box::new(move |ctx| {
            let cards: Vec<Value> = stories.iter().map(|&i| shared.cards[i].clone()).collect();
            ctx.insert_value(key, Value::from(cards));
        }));
    }

    /// Put a story page's view under `story`: the story's card, made once per build, with
    /// what only its own page shows.
    fn story(&mut self, shared: &'a Shared, i: Idx, rest: StoryView<'a>) {
        "story".hash(&mut self.print);
        self.print.write_u64(shared.card_prints[i]);
        rest.hash(&mut self.print);
        self.fills.push(Box::new(move |ctx| {
            let mut story = shared.cards[i].clone().into_map().unwrap_or_default();
            if let Some(rest) = Value::from_serializable(&rest).into_map() {
                story.extend(rest);
            }
            ctx.insert_value("story", Value::from(story));
        }));
    }

    fn fingerprint(&self, theme: u64, template: &str) -> u64 {
        let mut h = self.print.clone();
        h.write_u64(theme);
        template.hash(&mut h);
        h.finish()
    }
}

fn render_page(theme: &Theme, job: Job, page: Page) -> tera::TeraResult<Vec<u8>> {
    let mut ctx = Context::new();
    for fill in page.fills {
        fill(&mut ctx);
    }
    let mut bytes = Vec::with_capacity(16 * 1024);
    theme.tera.render_to(job.template(), &ctx, &mut bytes)?;
    Ok(bytes)
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

#[derive(Serialize, Hash)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    lang: &'a str,
    home_url: String,
    feed_url: String,
}

#[derive(Serialize, Hash)]
struct SectionUrls {
    stories: String,
    neighbourhoods: String,
    tags: String,
    people: String,
    events: String,
    search: String,
    paper: String,
}

/// What every template sees besides its page's own context; returns its fingerprint.
fn set_globals(site: &Site, theme: &mut Theme) -> u64 {
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
        paper: u.section(&r.paper),
    };
    let pages: Vec<Link> = site
        .pages
        .iter()
        .map(|p| Link {
            name: &p.title,
            url: &p.url,
        })
        .collect();
    let print = fingerprint(&(&view, &urls, &theme.words, &pages, theme.fingerprint));
    let global = theme.tera.global_context();
    global.insert("site", &view);
    global.insert("urls", &urls);
    global.insert("t", &theme.words);
    global.insert("pages", &pages);
    print
}

/// What the `<head>` of every page needs.
#[derive(Serialize, Hash)]
struct PageInfo<'a> {
    title: &'a str,
    description: &'a str,
    url: String,
    permalink: String,
    /// The section the page belongs to, for marking the current navigation item.
    section: &'static str,
}

fn absolute(site: &Site, url: &str) -> String {
    let path = url.strip_prefix(&site.urls.prefix).unwrap_or(url);
    format!("{}{}", site.config.origin_and_prefix(), path)
}

fn page_for<'a>(shared: &'a Shared<'a>, job: Job, all_jobs: &'a [Job]) -> Page<'a> {
    let site = shared.site;
    let mut page = Page::new();
    let (title, description, section): (&str, &str, &str) = match job {
        Job::Home { page: n } => {
            list(shared, &mut page, &shared.all, n, site.urls.root(""));
            let (events, print) = &shared.home_events;
            page.set_printed("upcoming_events", events, *print);
            page.set_printed("neighbourhoods", &shared.hoods, shared.hoods_print);
            ("", &site.config.description, "home")
        }
        Job::Stories { page: n } => {
            list(
                shared,
                &mut page,
                &shared.all,
                n,
                site.urls.section(&site.urls.routes.stories),
            );
            ("", "", "stories")
        }
        Job::Story(i) => {
            let s = &site.stories[i];
            page.story(shared, i, StoryView::of(site, s));
            let events: Vec<EventCard> = s
                .events
                .iter()
                .map(|&e| EventCard::of(site, &site.events[e], shared.now))
                .collect();
            page.set("events", events);
            page.cards(shared, "related", &s.related);
            (&s.title, &s.summary, "stories")
        }
        Job::Neighbourhoods => {
            let hoods: Vec<NeighbourhoodView> = sorted_by_name(&site.neighbourhoods, |n| &n.name)
                .map(|n| NeighbourhoodView::of(site, n))
                .collect();
            page.set("neighbourhoods", hoods);
            ("", "", "neighbourhoods")
        }
        Job::Neighbourhood { idx, page: n } => {
            let hood = &site.neighbourhoods[idx];
            list(shared, &mut page, &hood.stories, n, hood.url.clone());
            let (view, print) = (&shared.hoods[idx], shared.hood_prints[idx]);
            page.set_printed("neighbourhood", view, print);
            let events = agenda::upcoming(
                site,
                hood.events.iter().map(|&e| &site.events[e]),
                shared.now,
                usize::MAX,
            );
            page.set("upcoming_events", events);
            (&hood.name, &hood.summary, "neighbourhoods")
        }
        Job::NeighbourhoodFeed(idx) => {
            let hood = &site.neighbourhoods[idx];
            let title = format!("{} – {}", site.config.title, hood.name);
            page.set(
                "feed",
                feed(site, &hood.stories, title, &hood.feed_url, &hood.url),
            );
            (&hood.name, "", "feed")
        }
        Job::Kind { idx, page: n } => {
            let k = &site.kinds[idx];
            list(shared, &mut page, &k.stories, n, k.url.clone());
            page.set("kind", TermView::kind(k));
            (&k.label, "", "stories")
        }
        Job::Tags => {
            page.set(
                "tags",
                sorted_by_name(&site.tags, |t| &t.name)
                    .map(TermView::tag)
                    .collect::<Vec<_>>(),
            );
            page.set(
                "kinds",
                site.kinds.iter().map(TermView::kind).collect::<Vec<_>>(),
            );
            ("", "", "tags")
        }
        Job::Tag { idx, page: n } => {
            let t = &site.tags[idx];
            list(shared, &mut page, &t.stories, n, t.url.clone());
            page.set("tag", TermView::tag(t));
            (&t.name, "", "tags")
        }
        Job::People => {
            let people: Vec<PersonView> = sorted_by_name(&site.people, |p| &p.name)
                .map(|p| PersonView::of(site, p))
                .collect();
            page.set("people", people);
            ("", "", "people")
        }
        Job::Person(i) => {
            let p = &site.people[i];
            page.set("person", PersonView::of(site, p));
            page.cards(shared, "stories", &p.stories);
            (&p.name, p.role.as_deref().unwrap_or_default(), "people")
        }
        Job::Agenda => {
            let view = agenda::agenda_view(site, shared.now);
            page.set("upcoming_events", view.upcoming_events);
            page.set("past_events", view.past_events);
            page.set("more_past", view.more_past);
            page.set("archive_years", view.archive_years);
            page.set("calendar_url", view.calendar_url);
            ("", "", "events")
        }
        Job::AgendaYear(year) => {
            let view = agenda::year_view(site, shared.now, year);
            page.set("year", view.year);
            page.set("past_events", view.events);
            page.set("archive_years", view.archive_years);
            page.set("calendar_url", view.calendar_url);
            ("", "", "events")
        }
        Job::Calendar => {
            page.set("calendar", calendar::site_calendar(site));
            ("", "", "calendar")
        }
        Job::EventCalendar(i) => {
            page.set("calendar", calendar::event_calendar(site, &site.events[i]));
            ("", "", "calendar")
        }
        Job::Event(i) => {
            let e = &site.events[i];
            page.set("event", EventCard::of(site, e, shared.now));
            page.set("next_meetings", agenda::next_meetings(site, e, shared.now));
            page.set("json_ld", agenda::json_ld(site, e, shared.now));
            page.set("body", &*e.body_html);
            page.cards(shared, "stories", &e.stories);
            (&e.title, &e.summary, "events")
        }
        Job::Page(i) => {
            let p = &site.pages[i];
            page.set("body", &*p.body_html);
            (&p.title, &p.summary, "page")
        }
        Job::Search => {
            page.set(
                "neighbourhoods",
                sorted_by_name(&site.neighbourhoods, |n| &n.name)
                    .map(TermView::neighbourhood)
                    .collect::<Vec<_>>(),
            );
            page.set(
                "kinds",
                site.kinds.iter().map(TermView::kind).collect::<Vec<_>>(),
            );
            page.set(
                "tags",
                sorted_by_name(&site.tags, |t| &t.name)
                    .map(TermView::tag)
                    .collect::<Vec<_>>(),
            );
            ("", "", "search")
        }
        Job::Paper => {
            let latest = &shared.all[..shared.all.len().min(PAPER_STORIES)];
            page.cards(shared, "stories", latest);
            let links: Vec<String> = latest
                .iter()
                .map(|&i| absolute(site, &site.stories[i].url))
                .collect();
            page.set("story_links", links);
            let events = agenda::upcoming(site, site.events.iter(), shared.now, PAPER_EVENTS);
            page.set("upcoming_events", events);
            page.set("date", dates::day(site.config.lang, shared.now.date()));
            page.set("date_iso", shared.now.date().to_string());
            ("", "", "paper")
        }
        Job::NotFound => ("", "", "404"),
        Job::Feed => {
            let home = site.urls.root("");
            page.set(
                "feed",
                feed(
                    site,
                    &shared.all,
                    site.config.title.clone(),
                    &site.urls.root("feed.xml"),
                    &home,
                ),
            );
            ("", "", "feed")
        }
        Job::Sitemap => {
            page.set_lazy("entries", sitemap_print(site, all_jobs), move || {
                sitemap(site, all_jobs)
            });
            ("", "", "sitemap")
        }
        Job::Robots => ("", "", "robots"),
    };
    let url = job.url(site);
    let permalink = absolute(site, &url);
    page.set(
        "page",
        PageInfo {
            title,
            description,
            url,
            permalink,
            section,
        },
    );
    page
}

fn sorted_by_name<T>(items: &[T], name: impl Fn(&T) -> &str) -> impl Iterator<Item = &T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by_cached_key(|t| crate::model::slug::slugify(name(t)));
    sorted.into_iter()
}

/// One page of a story list: `stories` and `pagination`.
fn list<'a>(
    shared: &'a Shared<'a>,
    page: &mut Page<'a>,
    stories: &'a [Idx],
    n: usize,
    first_url: String,
) {
    let per = shared.site.config.per_page;
    let total = stories.len().div_ceil(per).max(1);
    let from = ((n - 1) * per).min(stories.len());
    let to = (from + per).min(stories.len());
    page.cards(shared, "stories", &stories[from..to]);
    let urls = &shared.site.urls;
    let at = |k: usize| urls.paginated(&first_url, k);
    let pagination = Pagination {
        current: n,
        total,
        prev_url: (n > 1).then(|| at(n - 1)),
        next_url: (n < total).then(|| at(n + 1)),
        pages: page_window(n, total)
            .into_iter()
            .map(|(number, gap_before)| PageLink {
                number,
                url: at(number),
                gap_before,
            })
            .collect(),
    };
    page.set("pagination", pagination);
}

#[derive(Serialize, Hash)]
struct FeedView<'a> {
    title: String,
    self_url: String,
    site_url: String,
    updated: String,
    entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize, Hash)]
struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    published: String,
    updated: String,
    authors: Vec<&'a str>,
    categories: Vec<&'a str>,
    summary: &'a str,
    content: Html<'a>,
}

fn feed<'a>(
    site: &'a Site,
    stories: &[Idx],
    title: String,
    self_url: &str,
    site_url: &str,
) -> FeedView<'a> {
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
                content: Html::of_story(s),
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
    FeedView {
        title,
        self_url: absolute(site, self_url),
        site_url: absolute(site, site_url),
        updated,
        entries,
    }
}

#[derive(Serialize, Hash)]
struct SitemapEntry {
    loc: String,
    lastmod: Option<String>,
}

/// A fingerprint of what [`sitemap`] makes, without making it: the addresses and dates.
fn sitemap_print(site: &Site, jobs: &[Job]) -> u64 {
    let mut h = Xxh3::new();
    site.config.origin_and_prefix().hash(&mut h);
    for &job in jobs.iter().filter(|j| j.is_listed_page()) {
        match job {
            Job::Story(i) => {
                let s = &site.stories[i];
                let lastmod = s.updated.as_ref().unwrap_or(&s.date);
                s.url.hash(&mut h);
                lastmod.timestamp().as_second().hash(&mut h);
                lastmod.offset().seconds().hash(&mut h);
            }
            _ => job.url(site).hash(&mut h),
        }
    }
    h.finish()
}

fn sitemap(site: &Site, jobs: &[Job]) -> Vec<SitemapEntry> {
    jobs.iter()
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
        .collect()
}
