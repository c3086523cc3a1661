//! What a page is made from, fingerprinted without making its context: its reach. A page
//! whose reach the previous build had is the page that build made, so a rebuild after one
//! edit makes the contexts of only the pages that edit can reach, not of every page.
//!
//! A reach must change whenever the page's context can: it hashes the settings and theme
//! (every page), and for a story page the story's own fields (taken apart field by field, so
//! a field added to the model must be thought about here), its card, its related stories'
//! cards, its authors, tags and events; for a list page its term (a person's list: their
//! whole profile), its length and the cards of its slice; for a calendar every event (its
//! fingerprint, made by the model) and the names of the neighbourhoods. Pages not listed here
//! have no reach and are planned as before.
//!
//! Reaches hash many small values, where ahash (with its fixed keys: a reach only needs to
//! be the same within one process) costs a fraction of xxh3's streaming state.

use std::hash::{Hash, Hasher};

use ahash::AHasher;

use super::Shared;
use crate::model::{Idx, Story};
use crate::render::agenda;
use crate::render::context::{AuthorView, EventCard, ImageView, PersonView};
use crate::render::fingerprint;
use crate::render::jobs::Job;

/// What the reaches of one build are made from, made once per build.
pub(crate) struct Reach<'a> {
    shared: &'a Shared<'a>,
    /// The settings, words and templates every page sees.
    settings: u64,
    /// Per person: what a story page shows of an author.
    people: Vec<u64>,
    /// Per neighbourhood: its upcoming events, which its pages list.
    hood_events: Vec<u64>,
    /// Every event, and the names of the neighbourhoods: all that a calendar shows.
    calendars: u64,
}

impl<'a> Reach<'a> {
    /// Reaches under `globals`, the fingerprint of what every template sees.
    pub(in crate::render) fn new(shared: &'a Shared<'a>, globals: u64) -> Reach<'a> {
        let site = shared.site;
        // Every setting, whether or not the globals show it (`per_page`, `base_url_given`,
        // routes): a change of plein.yaml reaches every page.
        let settings = fingerprint(&(globals, format!("{:?}", site.config)));
        let people = site
            .people
            .iter()
            .map(|p| fingerprint(&AuthorView::of(p)))
            .collect();
        let hood_events = site
            .neighbourhoods
            .iter()
            .map(|n| {
                let events = n.events.iter().map(|&e| &site.events[e]);
                fingerprint(&agenda::upcoming(site, events, shared.now, usize::MAX))
            })
            .collect();
        let mut h = AHasher::default();
        for e in &site.events {
            h.write_u64(e.print);
        }
        for n in &site.neighbourhoods {
            n.name.hash(&mut h);
        }
        Reach {
            shared,
            settings,
            people,
            hood_events,
            calendars: h.finish(),
        }
    }

    /// The reach of `job`, for the pages that have one: stories and story lists.
    pub(in crate::render) fn of(&self, job: Job) -> Option<u64> {
        let (shared, site) = (self.shared, self.shared.site);
        let mut h = AHasher::default();
        (self.settings, job.template()).hash(&mut h);
        match job {
            Job::Story(i) => self.story(&site.stories[i], i, &mut h),
            Job::Home { page } => {
                (shared.home_events.1, shared.hoods_print).hash(&mut h);
                self.list(&shared.all, page, &mut h);
            }
            Job::Stories { page } => self.list(&shared.all, page, &mut h),
            Job::Tag { idx, page } => {
                let t = &site.tags[idx];
                (&t.slug, &t.url, &t.name).hash(&mut h);
                self.list(&t.stories, page, &mut h);
            }
            Job::Kind { idx, page } => {
                let k = &site.kinds[idx];
                (&k.key, &k.slug, &k.url, &k.label).hash(&mut h);
                self.list(&k.stories, page, &mut h);
            }
            Job::Neighbourhood { idx, page } => {
                let n = &site.neighbourhoods[idx];
                (&n.url, shared.hood_prints[idx], self.hood_events[idx]).hash(&mut h);
                self.list(&n.stories, page, &mut h);
            }
            Job::Person { idx, page } => {
                // The profile on every page: name, role, picture, bio, neighbourhoods and how
                // many stories (which the pagination shows too).
                PersonView::of(site, &site.people[idx]).hash(&mut h);
                self.list(&site.people[idx].stories, page, &mut h);
            }
            // More than an event's own calendar shows, and far less than making it costs.
            Job::Calendar => (self.calendars, "site").hash(&mut h),
            Job::EventCalendar(i) => (self.calendars, i).hash(&mut h),
            _ => return None,
        }
        Some(h.finish())
    }

    /// Page `page` of a list of `stories`: its number, the list's length (which the
    /// pagination shows) and the cards of its slice.
    fn list(&self, stories: &[Idx], page: usize, h: &mut AHasher) {
        let per = self.shared.site.config.per_page;
        let from = (page.saturating_sub(1) * per).min(stories.len());
        let to = (from + per).min(stories.len());
        (page, stories.len()).hash(h);
        for &i in &stories[from..to] {
            h.write_u64(self.shared.card_prints[i]);
        }
    }

    /// Story `s` (at `i`): every field of its own, its card, and what it shows of others.
    fn story(&self, s: &Story, i: Idx, h: &mut AHasher) {
        let (shared, site) = (self.shared, self.shared.site);
        let Story {
            // In `print`, which the model made of every field of the story's own.
            source_path: _,
            slug: _,
            url: _,
            title: _,
            subtitle: _,
            date: _,
            updated: _,
            summary: _,
            body_print: _,
            words: _,
            headings: _,
            lang: _,
            source: _,
            draft: _,
            // Shown through the card: its links are in the card's fingerprint.
            neighbourhoods: _,
            kind: _,
            // Fingerprinted when it was rendered (`body_print`); the plain text (for the
            // search index) is made from the same Markdown.
            body_html: _,
            body_text: _,
            print,
            image,
            authors,
            tags,
            events,
            related,
        } = s;
        h.write_u64(*print);
        ImageView::of(image).hash(h);
        h.write_u64(shared.card_prints[i]);
        h.write_usize(authors.len());
        for &p in authors {
            h.write_u64(self.people[p]);
        }
        h.write_usize(tags.len());
        for &t in tags {
            h.write_u64(shared.terms.tags[t]);
        }
        h.write_usize(events.len());
        for &e in events {
            EventCard::of(site, &site.events[e], shared.now).hash(h);
        }
        h.write_usize(related.len());
        for &r in related {
            h.write_u64(shared.card_prints[r]);
        }
    }
}
