//! One context struct per template: what a template sees and what its page's fingerprint is
//! made of are one value, so the two cannot drift apart. Each struct derives `Serialize` (for
//! Tera) and `Hash` (for the fingerprint); what is big or shared by many pages is wrapped in a
//! newtype that hashes a fingerprint made once ([`Printed`], [`Cards`], [`super::context::Html`])
//! or the few values a text is made from ([`Absolute`], [`Rfc3339`]), so a page whose context is
//! unchanged costs a hash, not a serialisation.
//!
//! docs/themes.md lists each template's variables; a test below holds the two together.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use jiff::ZonedDateTime as Zoned;
use rayon::prelude::*;
use serde::{Serialize, Serializer};
use tera::Value;

use super::agenda::{self, AgendaView, MeetingView, YearView};
use super::context::*;
use super::{Job, PageCache, calendar, fingerprint};
use crate::model::{Idx, Site, dates};

/// The buurtkrant holds the newest stories and the next events that fit on two A4 pages.
const PAPER_STORIES: usize = 6;
const PAPER_EVENTS: usize = 5;

/// What every page may need, made once per build.
pub(super) struct Shared<'a> {
    site: &'a Site,
    now: &'a jiff::ZonedDateTime,
    /// Every story's card as Tera sees it, reused from the previous build where unchanged.
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

impl<'a> Shared<'a> {
    /// Story cards (reused from `previous` where unchanged) and the home page's extras.
    pub(super) fn new(
        site: &'a Site,
        now: &'a jiff::ZonedDateTime,
        previous: &PageCache,
    ) -> Shared<'a> {
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

    /// The story cards by fingerprint, for the next build to reuse.
    pub(super) fn cards_by_print(&self) -> HashMap<u64, Value> {
        self.card_prints
            .iter()
            .copied()
            .zip(self.cards.iter().cloned())
            .collect()
    }

    fn cards(&'a self, stories: &'a [Idx]) -> Cards<'a> {
        Cards {
            shared: self,
            stories,
        }
    }
}

/// A value made once for many pages, hashed by the fingerprint made with it.
pub struct Printed<'a, T: ?Sized> {
    value: &'a T,
    print: u64,
}

impl<T: Serialize + ?Sized> Serialize for Printed<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: ?Sized> Hash for Printed<'_, T> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u64(self.print);
    }
}

/// Story cards out of [`Shared`]: Tera gets the cards made once per build (no copy of their
/// text), the fingerprint their fingerprints.
pub struct Cards<'a> {
    shared: &'a Shared<'a>,
    stories: &'a [Idx],
}

impl Serialize for Cards<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.stories.iter().map(|&i| &self.shared.cards[i]))
    }
}

impl Hash for Cards<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_usize(self.stories.len());
        for &i in self.stories {
            h.write_u64(self.shared.card_prints[i]);
        }
    }
}

/// A root-relative URL, written out absolute only when serialised.
#[derive(Hash)]
pub struct Absolute<'a> {
    origin: &'a str,
    prefix: &'a str,
    url: Cow<'a, str>,
}

impl<'a> Absolute<'a> {
    fn of(site: &'a Site, url: impl Into<Cow<'a, str>>) -> Absolute<'a> {
        Absolute {
            origin: site.config.origin_and_prefix(),
            prefix: &site.urls.prefix,
            url: url.into(),
        }
    }
}

impl Serialize for Absolute<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let path = self.url.strip_prefix(self.prefix).unwrap_or(&self.url);
        s.collect_str(&format_args!("{}{}", self.origin, path))
    }
}

/// `url` as an absolute URL, for feeds and printing.
pub fn absolute(site: &Site, url: &str) -> String {
    let path = url.strip_prefix(&site.urls.prefix).unwrap_or(url);
    format!("{}{}", site.config.origin_and_prefix(), path)
}

/// A moment, written out as RFC 3339 only when serialised.
pub struct Rfc3339<'a>(&'a Zoned);

impl Serialize for Rfc3339<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&dates::rfc3339(self.0))
    }
}

impl Hash for Rfc3339<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.0.timestamp().as_nanosecond().hash(h);
        self.0.offset().seconds().hash(h);
    }
}

/// What the `<head>` of every page needs: the template sees it as `page`.
#[derive(Serialize, Hash)]
pub struct PageInfo<'a> {
    title: &'a str,
    description: &'a str,
    url: String,
    permalink: String,
    /// The section the page belongs to, for marking the current navigation item.
    section: &'static str,
}

/// Everything one page's template sees besides the globals.
#[derive(Serialize, Hash)]
pub struct Page<'a> {
    page: PageInfo<'a>,
    #[serde(flatten)]
    vars: Vars<'a>,
}

/// What each template sees besides `page`: one variant per kind of page.
#[derive(Serialize, Hash)]
#[serde(untagged)]
pub enum Vars<'a> {
    Home(HomePage<'a>),
    List(ListPage<'a>),
    Story(StoryPage<'a>),
    Neighbourhoods(NeighbourhoodsPage<'a>),
    Neighbourhood(NeighbourhoodPage<'a>),
    Kind(KindPage<'a>),
    Tags(TagsPage<'a>),
    Tag(TagPage<'a>),
    People(PeoplePage<'a>),
    Person(PersonPage<'a>),
    Agenda(AgendaView<'a>),
    AgendaYear(YearView<'a>),
    Event(EventPage<'a>),
    Free(FreePage<'a>),
    Search(SearchPage<'a>),
    Paper(PaperPage<'a>),
    Feed(FeedPage<'a>),
    Sitemap(SitemapPage<'a>),
    Calendar(CalendarFile),
    Nothing(Nothing),
}

/// `index.html`.
#[derive(Serialize, Hash)]
pub struct HomePage<'a> {
    stories: Cards<'a>,
    pagination: Pagination,
    upcoming_events: Printed<'a, [EventCard<'a>]>,
    neighbourhoods: Printed<'a, [NeighbourhoodView<'a>]>,
}

/// `stories.html`.
#[derive(Serialize, Hash)]
pub struct ListPage<'a> {
    stories: Cards<'a>,
    pagination: Pagination,
}

/// `story.html`.
#[derive(Serialize, Hash)]
pub struct StoryPage<'a> {
    story: FullStory<'a>,
    events: Vec<EventCard<'a>>,
    related: Cards<'a>,
}

/// A story's card, made once per build, with what only its own page shows: one `story`.
#[derive(Serialize, Hash)]
pub struct FullStory<'a> {
    #[serde(flatten)]
    card: Printed<'a, Value>,
    #[serde(flatten)]
    rest: StoryView<'a>,
}

/// `neighbourhoods.html`.
#[derive(Serialize, Hash)]
pub struct NeighbourhoodsPage<'a> {
    neighbourhoods: Vec<NeighbourhoodView<'a>>,
}

/// `neighbourhood.html`.
#[derive(Serialize, Hash)]
pub struct NeighbourhoodPage<'a> {
    neighbourhood: Printed<'a, NeighbourhoodView<'a>>,
    stories: Cards<'a>,
    pagination: Pagination,
    upcoming_events: Vec<EventCard<'a>>,
}

/// `kind.html`.
#[derive(Serialize, Hash)]
pub struct KindPage<'a> {
    kind: TermView<'a>,
    stories: Cards<'a>,
    pagination: Pagination,
}

/// `tags.html`.
#[derive(Serialize, Hash)]
pub struct TagsPage<'a> {
    tags: Vec<TermView<'a>>,
    kinds: Vec<TermView<'a>>,
}

/// `tag.html`.
#[derive(Serialize, Hash)]
pub struct TagPage<'a> {
    tag: TermView<'a>,
    stories: Cards<'a>,
    pagination: Pagination,
}

/// `people.html`.
#[derive(Serialize, Hash)]
pub struct PeoplePage<'a> {
    people: Vec<PersonView<'a>>,
}

/// `person.html`.
#[derive(Serialize, Hash)]
pub struct PersonPage<'a> {
    person: PersonView<'a>,
    stories: Cards<'a>,
}

/// `event.html`.
#[derive(Serialize, Hash)]
pub struct EventPage<'a> {
    event: EventCard<'a>,
    next_meetings: Vec<MeetingView>,
    json_ld: String,
    body: &'a str,
    stories: Cards<'a>,
}

/// `page.html`: a free page.
#[derive(Serialize, Hash)]
pub struct FreePage<'a> {
    body: &'a str,
}

/// `search.html`.
#[derive(Serialize, Hash)]
pub struct SearchPage<'a> {
    neighbourhoods: Vec<TermView<'a>>,
    kinds: Vec<TermView<'a>>,
    tags: Vec<TermView<'a>>,
}

/// `buurtkrant.html`.
#[derive(Serialize, Hash)]
pub struct PaperPage<'a> {
    stories: Cards<'a>,
    story_links: Vec<String>,
    upcoming_events: Vec<EventCard<'a>>,
    date: String,
    date_iso: String,
}

/// `feed.xml`: the site's Atom feed or a neighbourhood's.
#[derive(Serialize, Hash)]
pub struct FeedPage<'a> {
    feed: FeedView<'a>,
}

#[derive(Serialize, Hash)]
pub struct FeedView<'a> {
    title: String,
    self_url: String,
    site_url: String,
    updated: String,
    entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize, Hash)]
pub struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    published: String,
    updated: String,
    authors: Vec<&'a str>,
    categories: Vec<&'a str>,
    summary: &'a str,
    content: Html<'a>,
}

/// `sitemap.xml`.
#[derive(Serialize, Hash)]
pub struct SitemapPage<'a> {
    entries: Vec<SitemapEntry<'a>>,
}

#[derive(Serialize, Hash)]
pub struct SitemapEntry<'a> {
    loc: Absolute<'a>,
    lastmod: Option<Rfc3339<'a>>,
}

/// `calendar.ics`: the iCalendar text, written whole by [`calendar`].
#[derive(Serialize, Hash)]
pub struct CalendarFile {
    calendar: String,
}

/// `404.html`, `robots.txt`: nothing besides the globals and `page`.
#[derive(Serialize, Hash)]
pub struct Nothing {}

impl<'a> Page<'a> {
    /// The context of `job`; `jobs` are all of the build, which the sitemap lists.
    pub(super) fn of(shared: &'a Shared<'a>, job: Job, jobs: &'a [Job]) -> Page<'a> {
        let site = shared.site;
        let (vars, (title, description, section)) = match job {
            Job::Home { page } => home(shared, page),
            Job::Stories { page } => stories(shared, page),
            Job::Story(i) => story(shared, i),
            Job::Neighbourhoods => neighbourhoods(site),
            Job::Neighbourhood { idx, page } => neighbourhood(shared, idx, page),
            Job::NeighbourhoodFeed(idx) => neighbourhood_feed(site, idx),
            Job::Kind { idx, page } => kind(shared, idx, page),
            Job::Tags => tags(site),
            Job::Tag { idx, page } => tag(shared, idx, page),
            Job::People => people(site),
            Job::Person(i) => person(shared, i),
            Job::Agenda => (
                Vars::Agenda(agenda::agenda_view(site, shared.now)),
                ("", "", "events"),
            ),
            Job::AgendaYear(year) => (
                Vars::AgendaYear(agenda::year_view(site, shared.now, year)),
                ("", "", "events"),
            ),
            Job::Calendar => calendar_file(calendar::site_calendar(site)),
            Job::EventCalendar(i) => calendar_file(calendar::event_calendar(site, &site.events[i])),
            Job::Event(i) => event(shared, i),
            Job::Page(i) => free_page(site, i),
            Job::Search => search(site),
            Job::Paper => paper(shared),
            Job::NotFound => (Vars::Nothing(Nothing {}), ("", "", "404")),
            Job::Feed => site_feed(shared),
            Job::Sitemap => sitemap(site, jobs),
            Job::Robots => (Vars::Nothing(Nothing {}), ("", "", "robots")),
        };
        let url = job.url(site);
        let permalink = absolute(site, &url);
        let page = PageInfo {
            title,
            description,
            url,
            permalink,
            section,
        };
        Page { page, vars }
    }
}

/// A page's variables with its title, description and section.
type Made<'a> = (Vars<'a>, (&'a str, &'a str, &'static str));

fn home<'a>(shared: &'a Shared<'a>, n: usize) -> Made<'a> {
    let site = shared.site;
    let (stories, pagination) = list(shared, &shared.all, n, site.urls.root(""));
    let (events, print) = &shared.home_events;
    let vars = Vars::Home(HomePage {
        stories,
        pagination,
        upcoming_events: Printed {
            value: events,
            print: *print,
        },
        neighbourhoods: Printed {
            value: &shared.hoods,
            print: shared.hoods_print,
        },
    });
    (vars, ("", &site.config.description, "home"))
}

fn stories<'a>(shared: &'a Shared<'a>, n: usize) -> Made<'a> {
    let u = &shared.site.urls;
    let (stories, pagination) = list(shared, &shared.all, n, u.section(&u.routes.stories));
    let vars = Vars::List(ListPage {
        stories,
        pagination,
    });
    (vars, ("", "", "stories"))
}

fn story<'a>(shared: &'a Shared<'a>, i: Idx) -> Made<'a> {
    let site = shared.site;
    let s = &site.stories[i];
    let vars = Vars::Story(StoryPage {
        story: FullStory {
            card: Printed {
                value: &shared.cards[i],
                print: shared.card_prints[i],
            },
            rest: StoryView::of(site, s),
        },
        events: s
            .events
            .iter()
            .map(|&e| EventCard::of(site, &site.events[e], shared.now))
            .collect(),
        related: shared.cards(&s.related),
    });
    (vars, (&s.title, &s.summary, "stories"))
}

fn neighbourhoods(site: &Site) -> Made<'_> {
    let neighbourhoods = sorted_by_name(&site.neighbourhoods, |n| &n.name)
        .map(|n| NeighbourhoodView::of(site, n))
        .collect();
    let vars = Vars::Neighbourhoods(NeighbourhoodsPage { neighbourhoods });
    (vars, ("", "", "neighbourhoods"))
}

fn neighbourhood<'a>(shared: &'a Shared<'a>, idx: Idx, n: usize) -> Made<'a> {
    let site = shared.site;
    let hood = &site.neighbourhoods[idx];
    let (stories, pagination) = list(shared, &hood.stories, n, hood.url.clone());
    let events = hood.events.iter().map(|&e| &site.events[e]);
    let vars = Vars::Neighbourhood(NeighbourhoodPage {
        neighbourhood: Printed {
            value: &shared.hoods[idx],
            print: shared.hood_prints[idx],
        },
        stories,
        pagination,
        upcoming_events: agenda::upcoming(site, events, shared.now, usize::MAX),
    });
    (vars, (&hood.name, &hood.summary, "neighbourhoods"))
}

fn neighbourhood_feed(site: &Site, idx: Idx) -> Made<'_> {
    let hood = &site.neighbourhoods[idx];
    let title = format!("{} – {}", site.config.title, hood.name);
    let feed = feed(site, &hood.stories, title, &hood.feed_url, &hood.url);
    (Vars::Feed(FeedPage { feed }), (&hood.name, "", "feed"))
}

fn site_feed<'a>(shared: &'a Shared<'a>) -> Made<'a> {
    let site = shared.site;
    let (home, own) = (site.urls.root(""), site.urls.root("feed.xml"));
    let feed = feed(site, &shared.all, site.config.title.clone(), &own, &home);
    (Vars::Feed(FeedPage { feed }), ("", "", "feed"))
}

fn kind<'a>(shared: &'a Shared<'a>, idx: Idx, n: usize) -> Made<'a> {
    let k = &shared.site.kinds[idx];
    let (stories, pagination) = list(shared, &k.stories, n, k.url.clone());
    let vars = Vars::Kind(KindPage {
        kind: TermView::kind(k),
        stories,
        pagination,
    });
    (vars, (&k.label, "", "stories"))
}

fn tags(site: &Site) -> Made<'_> {
    let vars = Vars::Tags(TagsPage {
        tags: sorted_by_name(&site.tags, |t| &t.name)
            .map(TermView::tag)
            .collect(),
        kinds: site.kinds.iter().map(TermView::kind).collect(),
    });
    (vars, ("", "", "tags"))
}

fn tag<'a>(shared: &'a Shared<'a>, idx: Idx, n: usize) -> Made<'a> {
    let t = &shared.site.tags[idx];
    let (stories, pagination) = list(shared, &t.stories, n, t.url.clone());
    let vars = Vars::Tag(TagPage {
        tag: TermView::tag(t),
        stories,
        pagination,
    });
    (vars, (&t.name, "", "tags"))
}

fn people(site: &Site) -> Made<'_> {
    let people = sorted_by_name(&site.people, |p| &p.name)
        .map(|p| PersonView::of(site, p))
        .collect();
    (Vars::People(PeoplePage { people }), ("", "", "people"))
}

fn person<'a>(shared: &'a Shared<'a>, i: Idx) -> Made<'a> {
    let p = &shared.site.people[i];
    let vars = Vars::Person(PersonPage {
        person: PersonView::of(shared.site, p),
        stories: shared.cards(&p.stories),
    });
    (
        vars,
        (&p.name, p.role.as_deref().unwrap_or_default(), "people"),
    )
}

fn calendar_file<'a>(calendar: String) -> Made<'a> {
    (
        Vars::Calendar(CalendarFile { calendar }),
        ("", "", "calendar"),
    )
}

fn event<'a>(shared: &'a Shared<'a>, i: Idx) -> Made<'a> {
    let (site, now) = (shared.site, shared.now);
    let e = &site.events[i];
    let vars = Vars::Event(EventPage {
        event: EventCard::of(site, e, now),
        next_meetings: agenda::next_meetings(site, e, now),
        json_ld: agenda::json_ld(site, e, now),
        body: &e.body_html,
        stories: shared.cards(&e.stories),
    });
    (vars, (&e.title, &e.summary, "events"))
}

fn free_page(site: &Site, i: Idx) -> Made<'_> {
    let p = &site.pages[i];
    let vars = Vars::Free(FreePage { body: &p.body_html });
    (vars, (&p.title, &p.summary, "page"))
}

fn search(site: &Site) -> Made<'_> {
    let vars = Vars::Search(SearchPage {
        neighbourhoods: sorted_by_name(&site.neighbourhoods, |n| &n.name)
            .map(TermView::neighbourhood)
            .collect(),
        kinds: site.kinds.iter().map(TermView::kind).collect(),
        tags: sorted_by_name(&site.tags, |t| &t.name)
            .map(TermView::tag)
            .collect(),
    });
    (vars, ("", "", "search"))
}

fn paper<'a>(shared: &'a Shared<'a>) -> Made<'a> {
    let (site, now) = (shared.site, shared.now);
    let latest = &shared.all[..shared.all.len().min(PAPER_STORIES)];
    let vars = Vars::Paper(PaperPage {
        stories: shared.cards(latest),
        story_links: latest
            .iter()
            .map(|&i| absolute(site, &site.stories[i].url))
            .collect(),
        upcoming_events: agenda::upcoming(site, site.events.iter(), now, PAPER_EVENTS),
        date: dates::day(site.config.lang, now.date()),
        date_iso: now.date().to_string(),
    });
    (vars, ("", "", "paper"))
}

fn sorted_by_name<T>(items: &[T], name: impl Fn(&T) -> &str) -> impl Iterator<Item = &T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by_cached_key(|t| crate::model::slug::slugify(name(t)));
    sorted.into_iter()
}

/// Page `n` of a story list whose first page is at `first_url`: its cards and pagination.
fn list<'a>(
    shared: &'a Shared<'a>,
    stories: &'a [Idx],
    n: usize,
    first_url: String,
) -> (Cards<'a>, Pagination) {
    let per = shared.site.config.per_page;
    let total = stories.len().div_ceil(per).max(1);
    let from = ((n - 1) * per).min(stories.len());
    let to = (from + per).min(stories.len());
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
    (shared.cards(&stories[from..to]), pagination)
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

/// Every page a reader can land on, with a story's last change.
fn sitemap<'a>(site: &'a Site, jobs: &[Job]) -> Made<'a> {
    let entries = jobs
        .iter()
        .filter(|j| j.is_listed_page())
        .map(|&j| match j {
            Job::Story(i) => {
                let s = &site.stories[i];
                SitemapEntry {
                    loc: Absolute::of(site, s.url.as_str()),
                    lastmod: Some(Rfc3339(s.updated.as_ref().unwrap_or(&s.date))),
                }
            }
            _ => SitemapEntry {
                loc: Absolute::of(site, j.url(site)),
                lastmod: None,
            },
        })
        .collect();
    (Vars::Sitemap(SitemapPage { entries }), ("", "", "sitemap"))
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::PathBuf;

    use super::*;
    use crate::pipeline::{self, Cache, Options};
    use crate::render::{Globals, jobs};

    /// What docs/themes.md promises theme authors.
    const THEMES_MD: &str = include_str!("../../docs/themes.md");

    fn now() -> jiff::ZonedDateTime {
        "2026-11-25T12:00:00Z[UTC]".parse().expect("a time")
    }

    /// The repository's example site, which has a page of every template.
    fn example_site() -> Site {
        let opts = Options {
            root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            drafts: false,
            base_url: None,
            now: now(),
            resize: false,
            hints: None,
            defer_search: true,
        };
        let built = pipeline::build(&opts, &mut Cache::for_one_build(), None, &|_| Ok(()));
        match built {
            Ok(built) => built.site,
            Err(errs) => panic!("the example site has {} errors", errs.len()),
        }
    }

    /// The names of a JSON object's fields.
    fn keys(value: &serde_json::Value) -> BTreeSet<String> {
        let object = value.as_object().expect("a context is an object");
        object.keys().cloned().collect()
    }

    /// The cells of the table that follows `heading`, header and rule left out.
    fn table(heading: &str) -> Vec<Vec<String>> {
        let (_, section) = THEMES_MD.split_once(heading).expect("the heading is there");
        let rows = section.lines().skip_while(|l| !l.starts_with('|'));
        rows.take_while(|l| l.starts_with('|'))
            .skip(2)
            .map(|line| {
                // `\|` is a `|` inside a cell.
                let line = line.trim().trim_matches('|').replace("\\|", "\u{0}");
                let cells = line.split('|').map(|c| c.trim().replace('\u{0}', "|"));
                cells.collect()
            })
            .collect()
    }

    /// The names in backticks in `text` that are not inside parentheses and are plain names
    /// (`stories`, not `page.title` or `{{ json_ld }}`).
    fn names(text: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        let (mut depth, mut code) = (0usize, None::<String>);
        for c in text.chars() {
            match (&mut code, c) {
                (Some(name), '`') => {
                    let plain = name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                    if depth == 0 && plain && !name.is_empty() {
                        found.insert(name.clone());
                    }
                    code = None;
                }
                (Some(name), c) => name.push(c),
                (None, '`') => code = Some(String::new()),
                (None, '(') => depth += 1,
                (None, ')') => depth = depth.saturating_sub(1),
                (None, _) => {}
            }
        }
        found
    }

    /// Every template's variables, from the context of every page of the example site.
    fn variables_by_template(site: &Site) -> BTreeMap<&'static str, BTreeSet<String>> {
        let now = now();
        let shared = Shared::new(site, &now, &PageCache::default());
        let jobs = jobs::all(site, &now);
        let mut found: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for &job in &jobs {
            let page = serde_json::to_value(Page::of(&shared, job, &jobs)).expect("serialises");
            let mut names = keys(&page);
            assert!(names.remove("page"), "{job:?} has `page`");
            let seen = found.entry(job.template()).or_insert_with(|| names.clone());
            assert_eq!(*seen, names, "{job:?}: one template, one set of variables");
        }
        found
    }

    #[test]
    fn themes_md_lists_each_templates_variables() {
        let site = example_site();
        let code = variables_by_template(&site);
        let mut documented: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for row in table("## Templates and what each receives") {
            let template = row[0].trim_matches('`').to_string();
            if template != "base.html" {
                documented.insert(template, names(&row[3]));
            }
        }
        for (template, variables) in &code {
            let doc = documented.get(*template);
            assert_eq!(
                doc,
                Some(variables),
                "docs/themes.md: the variables of `{template}`"
            );
        }
        let rendered: BTreeSet<&str> = code.keys().copied().collect();
        let listed: BTreeSet<&str> = documented.keys().map(String::as_str).collect();
        assert_eq!(
            listed, rendered,
            "docs/themes.md lists the templates plein renders"
        );
    }

    #[test]
    fn themes_md_lists_the_globals_and_their_fields() {
        let site = example_site();
        let words = BTreeMap::new();
        let mut globals = serde_json::to_value(Globals::of(&site, &words)).expect("serialises");
        let now = now();
        let shared = Shared::new(&site, &now, &PageCache::default());
        let page = serde_json::to_value(Page::of(&shared, Job::NotFound, &[])).expect("page");
        globals["page"] = page["page"].clone();
        let rows = table("## Globals: on every page");
        let listed: BTreeSet<String> = rows.iter().map(|r| r[0].trim_matches('`').into()).collect();
        assert_eq!(listed, keys(&globals), "docs/themes.md: the globals");
        for row in &rows {
            let name = row[0].trim_matches('`');
            // `t` holds the theme's words, listed in a table of their own.
            if name != "t" && globals[name].is_object() {
                let fields = keys(&globals[name]);
                assert_eq!(
                    names(&row[1]),
                    fields,
                    "docs/themes.md: the fields of `{name}`"
                );
            }
        }
    }
}
