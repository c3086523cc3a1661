//! One [`Job`] per output file: the list of everything a site build writes.

use crate::model::{Idx, Site};

/// A page or file to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Home {
        page: usize,
    },
    Stories {
        page: usize,
    },
    Story(Idx),
    Neighbourhoods,
    Neighbourhood {
        idx: Idx,
        page: usize,
    },
    NeighbourhoodFeed(Idx),
    Kind {
        idx: Idx,
        page: usize,
    },
    Tags,
    Tag {
        idx: Idx,
        page: usize,
    },
    People,
    Person {
        idx: Idx,
        page: usize,
    },
    Agenda,
    /// The archive of one year's past events.
    AgendaYear(i16),
    Event(Idx),
    /// The iCalendar file of every event.
    Calendar,
    /// The iCalendar file of one event.
    EventCalendar(Idx),
    Page(Idx),
    Search,
    /// The printable neighbourhood paper: the latest stories and what is coming up.
    Paper,
    NotFound,
    Feed,
    Sitemap,
    Robots,
}

/// Every job of the site, in a stable order; `now` decides which years the agenda archives.
pub(crate) fn all(site: &Site, now: &jiff::ZonedDateTime) -> Vec<Job> {
    let per = site.config.per_page;
    let pages = |n: usize| 1..=n.div_ceil(per).max(1);
    let mut jobs = Vec::with_capacity(site.stories.len() * 2 + 64);
    // One home page: its later pages would repeat the story list's, card for card, so its
    // pagination leads there.
    jobs.push(Job::Home { page: 1 });
    jobs.extend(pages(site.stories.len()).map(|page| Job::Stories { page }));
    jobs.extend((0..site.stories.len()).map(Job::Story));
    jobs.push(Job::Neighbourhoods);
    for (idx, n) in site.neighbourhoods.iter().enumerate() {
        jobs.extend(pages(n.stories.len()).map(|page| Job::Neighbourhood { idx, page }));
        jobs.push(Job::NeighbourhoodFeed(idx));
    }
    for (idx, k) in site.kinds.iter().enumerate() {
        jobs.extend(pages(k.stories.len()).map(|page| Job::Kind { idx, page }));
    }
    jobs.push(Job::Tags);
    for (idx, t) in site.tags.iter().enumerate() {
        jobs.extend(pages(t.stories.len()).map(|page| Job::Tag { idx, page }));
    }
    jobs.push(Job::People);
    for (idx, p) in site.people.iter().enumerate() {
        jobs.extend(pages(p.stories.len()).map(|page| Job::Person { idx, page }));
    }
    jobs.push(Job::Agenda);
    jobs.extend(
        super::agenda::archive_years(site, now)
            .into_iter()
            .map(Job::AgendaYear),
    );
    jobs.extend((0..site.events.len()).map(Job::Event));
    jobs.push(Job::Calendar);
    jobs.extend((0..site.events.len()).map(Job::EventCalendar));
    jobs.extend((0..site.pages.len()).map(Job::Page));
    jobs.push(Job::Search);
    jobs.push(Job::Paper);
    jobs.extend([Job::NotFound, Job::Feed, Job::Sitemap, Job::Robots]);
    jobs
}

impl Job {
    /// The root-relative URL this job is served at.
    pub fn url(self, site: &Site) -> String {
        let u = &site.urls;
        let r = &u.routes;
        match self {
            Job::Home { page } => u.paginated(&u.root(""), page),
            Job::Stories { page } => u.paginated(&u.section(&r.stories), page),
            Job::Story(i) => site.stories[i].url.clone(),
            Job::Neighbourhoods => u.section(&r.neighbourhoods),
            Job::Neighbourhood { idx, page } => u.paginated(&site.neighbourhoods[idx].url, page),
            Job::NeighbourhoodFeed(i) => site.neighbourhoods[i].feed_url.clone(),
            Job::Kind { idx, page } => u.paginated(&site.kinds[idx].url, page),
            Job::Tags => u.section(&r.tags),
            Job::Tag { idx, page } => u.paginated(&site.tags[idx].url, page),
            Job::People => u.section(&r.people),
            Job::Person { idx, page } => u.paginated(&site.people[idx].url, page),
            Job::Agenda => u.section(&r.events),
            Job::AgendaYear(year) => super::agenda::year_url(site, year),
            Job::Event(i) => site.events[i].url.clone(),
            Job::Calendar => super::calendar::site_url(site),
            Job::EventCalendar(i) => super::calendar::event_url(site, &site.events[i]),
            Job::Page(i) => site.pages[i].url.clone(),
            Job::Search => u.section(&r.search),
            Job::Paper => u.section(&r.paper),
            Job::NotFound => u.root("404.html"),
            Job::Feed => u.root("feed.xml"),
            Job::Sitemap => u.root("sitemap.xml"),
            Job::Robots => u.root("robots.txt"),
        }
    }

    /// The template that renders this job.
    pub fn template(self) -> &'static str {
        match self {
            Job::Home { .. } => "index.html",
            Job::Stories { .. } => "stories.html",
            Job::Story(_) => "story.html",
            Job::Neighbourhoods => "neighbourhoods.html",
            Job::Neighbourhood { .. } => "neighbourhood.html",
            Job::NeighbourhoodFeed(_) | Job::Feed => "feed.xml",
            Job::Kind { .. } => "kind.html",
            Job::Tags => "tags.html",
            Job::Tag { .. } => "tag.html",
            Job::People => "people.html",
            Job::Person { .. } => "person.html",
            Job::Agenda => "agenda.html",
            Job::AgendaYear(_) => "agenda-year.html",
            Job::Event(_) => "event.html",
            Job::Calendar | Job::EventCalendar(_) => "calendar.ics",
            Job::Page(_) => "page.html",
            Job::Search => "search.html",
            Job::Paper => "buurtkrant.html",
            Job::NotFound => "404.html",
            Job::Sitemap => "sitemap.xml",
            Job::Robots => "robots.txt",
        }
    }

    /// Whether this is an HTML page a reader can land on (and so belongs in the sitemap).
    pub fn is_listed_page(self) -> bool {
        !matches!(
            self,
            Job::NeighbourhoodFeed(_)
                | Job::Feed
                | Job::Sitemap
                | Job::Robots
                | Job::NotFound
                | Job::Calendar
                | Job::EventCalendar(_)
        )
    }
}
