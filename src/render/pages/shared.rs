//! What many pages show, made once per build, and the newtypes that let a page hold it:
//! hashed by the fingerprint made with it, handed to Tera without a copy of its text.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde::{Serialize, Serializer};
use tera::Value;

use crate::ground::output::PageCache;
use crate::model::{Idx, Site, Story};
use crate::render::agenda;
use crate::render::context::{EventCard, ImageView, NeighbourhoodView, StoryCard};
use crate::render::fingerprint;

/// What every page may need, made once per build.
pub(crate) struct Shared<'a> {
    pub(super) site: &'a Site,
    pub(super) now: &'a jiff::ZonedDateTime,
    /// Every story's card as Tera sees it, reused from the previous build where unchanged.
    pub(super) cards: Vec<Value>,
    pub(super) card_prints: Vec<u64>,
    /// Every story's [`card_key`], which finds its card in the next build.
    card_keys: Vec<u64>,
    /// What every home page shows besides its stories, made and fingerprinted once.
    pub(super) home_events: (Vec<EventCard<'a>>, u64),
    /// Every neighbourhood's view, in site order, with its fingerprint and theirs together.
    pub(super) hoods: Vec<NeighbourhoodView<'a>>,
    pub(super) hood_prints: Vec<u64>,
    pub(super) hoods_print: u64,
    /// Every story, newest first.
    pub(super) all: Vec<Idx>,
    /// What a card could show of each term, fingerprinted once.
    pub(super) terms: TermPrints,
    /// Every story's last change (its `updated`, or its date), side by side: a feed finds
    /// the newest of thousands without visiting each story.
    pub(super) latest: Vec<jiff::Timestamp>,
}

/// Fingerprints of all that a story's card could show of each kind, neighbourhood, person
/// and tag, made once per build instead of once per story that names them.
pub(crate) struct TermPrints {
    kinds: Vec<u64>,
    neighbourhoods: Vec<u64>,
    people: Vec<u64>,
    pub(super) tags: Vec<u64>,
}

impl TermPrints {
    fn of(site: &Site) -> TermPrints {
        let print = |value: &dyn Fn(&mut ahash::AHasher)| {
            let mut h = ahash::AHasher::default();
            value(&mut h);
            h.finish()
        };
        TermPrints {
            kinds: (site.kinds.iter())
                .map(|k| print(&|h| (&k.key, &k.slug, &k.url, &k.label).hash(h)))
                .collect(),
            neighbourhoods: (site.neighbourhoods.iter())
                .map(|n| {
                    print(&|h| {
                        (&n.slug, &n.name, &n.url, &n.feed_url, &n.city, &n.summary).hash(h);
                        ImageView::of(&n.image).hash(h);
                    })
                })
                .collect(),
            people: (site.people.iter())
                .map(|p| {
                    print(&|h| {
                        (&p.slug, &p.url, &p.name, &p.role, &p.organisation).hash(h);
                        ImageView::of(&p.image).hash(h);
                    })
                })
                .collect(),
            tags: (site.tags.iter())
                .map(|t| print(&|h| (&t.slug, &t.url, &t.name).hash(h)))
                .collect(),
        }
    }
}

impl<'a> Shared<'a> {
    /// Story cards (reused from `previous` where unchanged) and the home page's extras.
    pub(in crate::render) fn new(
        site: &'a Site,
        now: &'a jiff::ZonedDateTime,
        previous: &PageCache,
    ) -> Shared<'a> {
        let terms = TermPrints::of(site);
        let made: Vec<((Value, u64, u64), jiff::Timestamp)> = site
            .stories
            .par_iter()
            .map(|s| {
                let latest = s.updated.as_ref().unwrap_or(&s.date).timestamp();
                (card(site, &terms, s, previous), latest)
            })
            .collect();
        let mut cards = Vec::with_capacity(made.len());
        let mut card_prints = Vec::with_capacity(made.len());
        let mut card_keys = Vec::with_capacity(made.len());
        let mut latest = Vec::with_capacity(made.len());
        for ((value, print, key), last) in made {
            cards.push(value);
            card_prints.push(print);
            card_keys.push(key);
            latest.push(last);
        }
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
            card_keys,
            all: (0..site.stories.len()).collect(),
            home_events: (home_events, home_print),
            hoods,
            hood_prints,
            hoods_print,
            terms,
            latest,
        }
    }

    /// The story cards by fingerprint, for the next build to reuse.
    pub(in crate::render) fn cards_by_print(&self) -> HashMap<u64, Value> {
        self.card_prints
            .iter()
            .copied()
            .zip(self.cards.iter().cloned())
            .collect()
    }

    /// The fingerprints of the story cards by [`card_key`], for the next build to reuse.
    pub(in crate::render) fn card_prints_by_key(&self) -> ahash::AHashMap<u64, u64> {
        self.card_keys
            .iter()
            .copied()
            .zip(self.card_prints.iter().copied())
            .collect()
    }

    pub(super) fn cards(&'a self, stories: &'a [Idx]) -> Cards<'a> {
        Cards {
            shared: self,
            stories,
        }
    }
}

/// The card of `s` as Tera sees it, its fingerprint and its [`card_key`]: the previous
/// build's where it had the same key, or the same card.
fn card(site: &Site, terms: &TermPrints, s: &Story, previous: &PageCache) -> (Value, u64, u64) {
    let key = card_key(site, terms, s);
    let known = previous.card_keys.get(&key);
    if let Some((print, value)) =
        known.and_then(|&print| Some((print, previous.cards.get(&print)?)))
    {
        return (value.clone(), print, key);
    }
    let card = StoryCard::of(site, s);
    let print = fingerprint(&card);
    let value = previous
        .cards
        .get(&print)
        .cloned()
        .unwrap_or_else(|| Value::from_serializable(&card));
    (value, print, key)
}

/// A value made once for many pages, hashed by the fingerprint made with it.
pub(crate) struct Printed<'a, T: ?Sized> {
    pub(super) value: &'a T,
    pub(super) print: u64,
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
pub(crate) struct Cards<'a> {
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

/// A fingerprint of everything [`StoryCard::of`] can make the card of `s` from, made
/// without writing out its dates: a card whose key the previous build had is that build's
/// card. It takes the story apart field by field, as a reach does (its own texts through the
/// fingerprint the model made of them), and hashes all that a card could show of its kind,
/// neighbourhoods, authors and tags ([`TermPrints`]): a card that shows more of them than
/// this must add it there.
fn card_key(site: &Site, terms: &TermPrints, s: &Story) -> u64 {
    let Story {
        // In `print`, with the rest of the story's own fields.
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
        lang: _,
        events: _,
        source: _,
        draft: _,
        // A card shows no body.
        body_html: _,
        body_text: _,
        headings: _,
        // Other stories' cards: a card does not show them.
        related: _,
        print,
        authors,
        neighbourhoods,
        kind,
        tags,
        image,
    } = s;
    let mut h = ahash::AHasher::default();
    (site.config.lang.code(), print).hash(&mut h);
    ImageView::of(image).hash(&mut h);
    kind.map(|k| terms.kinds[k]).hash(&mut h);
    h.write_usize(neighbourhoods.len());
    for &n in neighbourhoods {
        h.write_u64(terms.neighbourhoods[n]);
    }
    h.write_usize(authors.len());
    for &p in authors {
        h.write_u64(terms.people[p]);
    }
    h.write_usize(tags.len());
    for &t in tags {
        h.write_u64(terms.tags[t]);
    }
    h.finish()
}
