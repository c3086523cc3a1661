//! One context struct per template: what a template sees and what its page's fingerprint is
//! made of are one value, so the two cannot drift apart. Each struct derives `Serialize` (for
//! Tera) and `Hash` (for the fingerprint). What is big or shared by many pages is wrapped in a
//! newtype that hashes a fingerprint made once ([`Printed`], [`Cards`],
//! [`super::context::Html`]) or the few values a text is made from (`feeds::Absolute`,
//! `feeds::Rfc3339`), so a page whose context is unchanged costs a hash, not a serialisation.
//!
//! docs/themes.md lists each template's variables; `tests.rs` holds the two together.

mod feeds;
mod reach;
mod share;
mod shared;
#[cfg(test)]
mod tests;

use serde::Serialize;
use tera::Value;

use super::agenda::{self, AgendaView, MeetingView, YearLink, YearView};
use super::calendar;
use super::context::*;
use super::jobs::Job;
use super::share::ShareView;
use crate::model::{Idx, Site, dates};
pub(crate) use feeds::{FeedView, SitemapEntry};
use feeds::{absolute, feed, sitemap_entries};
pub(crate) use reach::Reach;
pub(crate) use shared::{Cards, Printed, Shared};

/// The buurtkrant holds the newest stories and the next events that fit on two A4 pages.
const PAPER_STORIES: usize = 6;
const PAPER_EVENTS: usize = 5;

/// What the `<head>` of every page needs: the template sees it as `page`.
#[derive(Serialize, Hash)]
pub(crate) struct PageInfo<'a> {
    title: &'a str,
    description: &'a str,
    url: String,
    permalink: String,
    /// The section the page belongs to, for marking the current navigation item.
    section: &'static str,
    /// The language of the page's own text: a story's, or the site's.
    lang: &'static str,
    /// What link previews show of the page.
    share: share::ShareView<'a>,
}

/// Everything one page's template sees besides the globals.
#[derive(Serialize, Hash)]
pub(crate) struct Page<'a> {
    page: PageInfo<'a>,
    #[serde(flatten)]
    vars: Vars<'a>,
}

/// What each template sees besides `page`: one variant per kind of page.
#[derive(Serialize, Hash)]
#[serde(untagged)]
pub(crate) enum Vars<'a> {
    Home(HomePage<'a>),
    Stories(StoriesPage<'a>),
    Story(StoryPage<'a>),
    Neighbourhoods(NeighbourhoodsPage<'a>),
    Neighbourhood(NeighbourhoodPage<'a>),
    Kind(KindPage<'a>),
    Tags(TagsPage<'a>),
    Tag(TagPage<'a>),
    People(PeoplePage<'a>),
    Person(PersonPage<'a>),
    Agenda(AgendaView<'a>),
    AgendaYear(AgendaYearPage<'a>),
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
pub(crate) struct HomePage<'a> {
    stories: Cards<'a>,
    pagination: Pagination,
    upcoming_events: Printed<'a, [EventCard<'a>]>,
    neighbourhoods: Printed<'a, [NeighbourhoodView<'a>]>,
}

/// `stories.html`.
#[derive(Serialize, Hash)]
pub(crate) struct StoriesPage<'a> {
    stories: Cards<'a>,
    pagination: Pagination,
}

/// `story.html`.
#[derive(Serialize, Hash)]
pub(crate) struct StoryPage<'a> {
    story: FullStory<'a>,
    events: Vec<EventCard<'a>>,
    related: Cards<'a>,
    share: ShareView<'a>,
}

/// A story's card, made once per build, with what only its own page shows: one `story`.
#[derive(Serialize, Hash)]
pub(crate) struct FullStory<'a> {
    #[serde(flatten)]
    card: Printed<'a, Value>,
    #[serde(flatten)]
    rest: StoryView<'a>,
}

/// `neighbourhoods.html`.
#[derive(Serialize, Hash)]
pub(crate) struct NeighbourhoodsPage<'a> {
    neighbourhoods: Vec<NeighbourhoodView<'a>>,
}

/// `neighbourhood.html`.
#[derive(Serialize, Hash)]
pub(crate) struct NeighbourhoodPage<'a> {
    neighbourhood: Printed<'a, NeighbourhoodView<'a>>,
    stories: Cards<'a>,
    pagination: Pagination,
    upcoming_events: Vec<EventCard<'a>>,
}

/// `kind.html`.
#[derive(Serialize, Hash)]
pub(crate) struct KindPage<'a> {
    kind: TermView<'a>,
    stories: Cards<'a>,
    pagination: Pagination,
}

/// `tags.html`.
#[derive(Serialize, Hash)]
pub(crate) struct TagsPage<'a> {
    tags: Vec<TermView<'a>>,
    kinds: Vec<TermView<'a>>,
}

/// `tag.html`.
#[derive(Serialize, Hash)]
pub(crate) struct TagPage<'a> {
    tag: TermView<'a>,
    stories: Cards<'a>,
    pagination: Pagination,
}

/// `people.html`.
#[derive(Serialize, Hash)]
pub(crate) struct PeoplePage<'a> {
    people: Vec<PersonView<'a>>,
}

/// `person.html`.
#[derive(Serialize, Hash)]
pub(crate) struct PersonPage<'a> {
    person: PersonView<'a>,
    stories: Cards<'a>,
    pagination: Pagination,
}

/// `agenda-year.html`: the archive of one year.
#[derive(Serialize, Hash)]
pub(crate) struct AgendaYearPage<'a> {
    year: i16,
    past_events: Vec<EventCard<'a>>,
    archive_years: Vec<YearLink>,
    calendar_url: String,
}

/// `event.html`.
#[derive(Serialize, Hash)]
pub(crate) struct EventPage<'a> {
    event: EventCard<'a>,
    next_meetings: Vec<MeetingView>,
    json_ld: String,
    body: &'a str,
    stories: Cards<'a>,
    share: ShareView<'a>,
}

/// `page.html`: a free page.
#[derive(Serialize, Hash)]
pub(crate) struct FreePage<'a> {
    body: &'a str,
}

/// `search.html`.
#[derive(Serialize, Hash)]
pub(crate) struct SearchPage<'a> {
    neighbourhoods: Vec<TermView<'a>>,
    kinds: Vec<TermView<'a>>,
    tags: Vec<TermView<'a>>,
}

/// `buurtkrant.html`.
#[derive(Serialize, Hash)]
pub(crate) struct PaperPage<'a> {
    stories: Cards<'a>,
    story_links: Vec<String>,
    /// A QR code (inline SVG) of each story's absolute URL, in the same order.
    story_qr: Vec<Qr<'a>>,
    upcoming_events: Vec<EventCard<'a>>,
    /// The absolute URL of each upcoming event, and its QR code, in the same order.
    event_links: Vec<String>,
    event_qr: Vec<Qr<'a>>,
    date: String,
    date_iso: String,
}
/// The QR code of an address, labelled with `word`: drawn only when serialised, as drawing
/// it costs more than the rest of the buurtkrant's context, which every rebuild makes.
pub(crate) struct Qr<'a> {
    url: String,
    word: &'a str,
}

impl Serialize for Qr<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let label = format!("{}: {}", self.word, self.url);
        s.serialize_str(&super::qr::svg(&self.url, &label).unwrap_or_default())
    }
}

impl std::hash::Hash for Qr<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (&self.url, self.word).hash(h);
    }
}

/// `feed.xml`: the site's Atom feed or a neighbourhood's.
#[derive(Serialize, Hash)]
pub(crate) struct FeedPage<'a> {
    feed: FeedView<'a>,
}

/// `sitemap.xml`.
#[derive(Serialize, Hash)]
pub(crate) struct SitemapPage<'a> {
    entries: Vec<SitemapEntry<'a>>,
}

/// `calendar.ics`: the iCalendar text, written whole by [`calendar`].
#[derive(Serialize, Hash)]
pub(crate) struct CalendarFile {
    calendar: String,
}

/// `404.html`, `robots.txt`: nothing besides the globals and `page`.
#[derive(Serialize, Hash)]
pub(crate) struct Nothing {}

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
            Job::NeighbourhoodFeed(idx) => neighbourhood_feed(shared, idx),
            Job::Kind { idx, page } => kind(shared, idx, page),
            Job::Tags => tags(site),
            Job::Tag { idx, page } => tag(shared, idx, page),
            Job::People => people(site),
            Job::Person { idx, page } => person(shared, idx, page),
            Job::Agenda => (
                Vars::Agenda(agenda::agenda_view(site, shared.now)),
                ("", "", "events"),
            ),
            Job::AgendaYear(year) => agenda_year(shared, year),
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
        let lang = match job {
            Job::Story(i) => site.stories[i].lang,
            _ => site.config.lang,
        };
        let page = PageInfo {
            title,
            description,
            share: share::ShareView::of(site, job, &url, lang),
            url,
            permalink,
            section,
            lang: lang.code(),
        };
        Page { page, vars }
    }
}

/// A page's variables with its title, description and section.
type Made<'a> = (Vars<'a>, (&'a str, &'a str, &'static str));

fn home<'a>(shared: &'a Shared<'a>, n: usize) -> Made<'a> {
    let site = shared.site;
    // Page 1 of the story list, whose later pages are the home page's too.
    let u = &site.urls;
    let (stories, pagination) = list(shared, &shared.all, n, u.section(&u.routes.stories));
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
    let vars = Vars::Stories(StoriesPage {
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
        share: ShareView::of(&s.title, absolute(site, &s.url)),
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

fn neighbourhood_feed<'a>(shared: &'a Shared<'a>, idx: Idx) -> Made<'a> {
    let site = shared.site;
    let hood = &site.neighbourhoods[idx];
    let title = format!("{} – {}", site.config.title, hood.name);
    let feed = feed(shared, &hood.stories, title, &hood.feed_url, &hood.url);
    (Vars::Feed(FeedPage { feed }), (&hood.name, "", "feed"))
}

fn site_feed<'a>(shared: &'a Shared<'a>) -> Made<'a> {
    let site = shared.site;
    let (home, own) = (site.urls.root(""), site.urls.root("feed.xml"));
    let feed = feed(shared, &shared.all, site.config.title.clone(), &own, &home);
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

fn person<'a>(shared: &'a Shared<'a>, idx: Idx, n: usize) -> Made<'a> {
    let p = &shared.site.people[idx];
    let (stories, pagination) = list(shared, &p.stories, n, p.url.clone());
    let vars = Vars::Person(PersonPage {
        person: PersonView::of(shared.site, p),
        stories,
        pagination,
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

fn agenda_year<'a>(shared: &'a Shared<'a>, year: i16) -> Made<'a> {
    let YearView {
        year,
        events,
        archive_years,
        calendar_url,
    } = agenda::year_view(shared.site, shared.now, year);
    let vars = Vars::AgendaYear(AgendaYearPage {
        year,
        past_events: events,
        archive_years,
        calendar_url,
    });
    (vars, ("", "", "events"))
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
        share: ShareView::of(&e.title, absolute(site, &e.url)),
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
    let story_links: Vec<String> = latest
        .iter()
        .map(|&i| absolute(site, &site.stories[i].url))
        .collect();
    let upcoming_events = agenda::upcoming(site, site.events.iter(), now, PAPER_EVENTS);
    let event_links: Vec<String> = upcoming_events
        .iter()
        .map(|ev| absolute(site, ev.url))
        .collect();
    let word = site.config.lang.words().qr_code;
    let codes = |links: &[String]| -> Vec<Qr> {
        links
            .iter()
            .map(|url| Qr {
                url: url.clone(),
                word,
            })
            .collect()
    };
    let vars = Vars::Paper(PaperPage {
        stories: shared.cards(latest),
        story_qr: codes(&story_links),
        story_links,
        event_qr: codes(&event_links),
        event_links,
        upcoming_events,
        date: dates::day(site.config.lang, now.date()),
        date_iso: now.date().to_string(),
    });
    (vars, ("", "", "paper"))
}

fn sorted_by_name<T>(items: &[T], name: impl Fn(&T) -> &str) -> impl Iterator<Item = &T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by_cached_key(|t| crate::ground::slug::slugify(name(t)));
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
fn sitemap<'a>(site: &'a Site, jobs: &[Job]) -> Made<'a> {
    let entries = sitemap_entries(site, jobs);
    (Vars::Sitemap(SitemapPage { entries }), ("", "", "sitemap"))
}
