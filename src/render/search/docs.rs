//! What a result shows: each document's view in `d/<n>.json`, its texts by weight for the
//! index, and the filter files of neighbourhoods and kinds.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Event, Idx, Person, Site, Story, dates};

use super::index::{LEDE, TERMS, TITLE};
use super::{DOCS_PER_CHUNK, Made, json};

/// Plain-text characters kept per document for its snippet.
pub(super) const EXCERPT: usize = 700;

/// What a result shows of one document, written as the array `[u, t, d, k, n, x]`: names
/// of fields would be a tenth of its bytes. Its type follows from its number and the
/// manifest's `types`.
pub(super) struct DocView {
    /// URL.
    u: String,
    /// Title.
    t: String,
    /// Date as people write it.
    d: String,
    /// Kind label.
    k: String,
    /// Neighbourhood names.
    n: Vec<String>,
    /// Plain text the snippet is cut from.
    pub(super) x: String,
}

impl Serialize for DocView {
    fn serialize<S: serde::Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
        (&self.u, &self.t, &self.d, &self.k, &self.n, &self.x).serialize(to)
    }
}

/// One searchable document: its view, and its texts by weight.
pub(super) struct Doc<'s> {
    /// The view, its snippet `x` still empty.
    pub(super) view: DocView,
    pub(super) fields: Vec<(u32, String)>,
    /// The body as plain text, kept from the Markdown pass.
    pub(super) body: &'s str,
    /// What the snippet starts with.
    pub(super) summary: &'s str,
}

/// The `d/<n>.json` files of the documents `made`, the first of which is document `start`.
pub(super) fn view_files(start: usize, made: &[Made]) -> Vec<(String, Vec<u8>)> {
    made.chunks(DOCS_PER_CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            let size: usize = chunk.iter().map(|doc| doc.view.len() + 1).sum();
            let mut bytes = Vec::with_capacity(size + 1);
            bytes.push(b'[');
            for (j, doc) in chunk.iter().enumerate() {
                if j > 0 {
                    bytes.push(b',');
                }
                bytes.extend_from_slice(&doc.view);
            }
            bytes.push(b']');
            (format!("d/{}.json", start / DOCS_PER_CHUNK + i), bytes)
        })
        .collect()
}

/// How many stories, events, neighbourhoods and people; documents are numbered in that order.
pub(super) fn doc_types(site: &Site) -> [usize; 4] {
    [
        site.stories.len(),
        site.events.len(),
        site.neighbourhoods.len(),
        site.people.len(),
    ]
}

/// Document `id` of the site.
pub(super) fn document(site: &Site, id: usize) -> Doc<'_> {
    let [stories, events, hoods, _] = doc_types(site);
    if id < stories {
        story(site, &site.stories[id])
    } else if id < stories + events {
        event(site, &site.events[id - stories])
    } else if id < stories + events + hoods {
        neighbourhood(site, id - stories - events)
    } else {
        person(site, &site.people[id - stories - events - hoods])
    }
}

fn hood_names(site: &Site, ids: &[Idx]) -> Vec<String> {
    ids.iter()
        .map(|&h| site.neighbourhoods[h].name.clone())
        .collect()
}

fn story<'s>(site: &'s Site, s: &'s Story) -> Doc<'s> {
    let mut terms: Vec<&str> = s.tags.iter().map(|&t| site.tags[t].name.as_str()).collect();
    terms.extend(
        s.neighbourhoods
            .iter()
            .map(|&h| site.neighbourhoods[h].name.as_str()),
    );
    terms.extend(s.authors.iter().map(|&a| site.people[a].name.as_str()));
    let kind = s.kind.map_or("", |k| site.kinds[k].label.as_str());
    terms.push(kind);
    let lede = format!("{} {}", s.subtitle.as_deref().unwrap_or(""), s.summary);
    Doc {
        view: DocView {
            u: s.url.clone(),
            t: s.title.clone(),
            d: dates::day(site.config.lang, s.date.date()),
            k: kind.to_string(),
            n: hood_names(site, &s.neighbourhoods),
            x: String::new(),
        },
        fields: vec![
            (TITLE, s.title.clone()),
            (TERMS, terms.join(" ")),
            (LEDE, lede),
        ],
        body: &s.body_text,
        summary: &s.summary,
    }
}

fn event<'s>(site: &'s Site, e: &'s Event) -> Doc<'s> {
    let place = e
        .location
        .as_ref()
        .map(|p| format!("{} {}", p.name, p.address.as_deref().unwrap_or("")))
        .unwrap_or_default();
    let names = hood_names(site, &e.neighbourhoods);
    Doc {
        fields: vec![
            (TITLE, e.title.clone()),
            (TERMS, names.join(" ")),
            (LEDE, format!("{} {place}", e.summary)),
        ],
        view: DocView {
            u: e.url.clone(),
            t: e.title.clone(),
            d: dates::day(site.config.lang, e.start.date()),
            k: String::new(),
            n: names,
            x: String::new(),
        },
        body: &e.body_text,
        summary: &e.summary,
    }
}

fn neighbourhood(site: &Site, i: Idx) -> Doc<'_> {
    let h = &site.neighbourhoods[i];
    let anchors: Vec<&str> = h.anchors.iter().map(|a| a.text.as_str()).collect();
    let city = h.city.clone().unwrap_or_default();
    Doc {
        view: DocView {
            u: h.url.clone(),
            t: h.name.clone(),
            d: String::new(),
            k: city.clone(),
            n: Vec::new(),
            x: String::new(),
        },
        fields: vec![
            (TITLE, h.name.clone()),
            (TERMS, city),
            (LEDE, format!("{} {}", h.summary, anchors.join(" "))),
        ],
        body: &h.body_text,
        summary: &h.summary,
    }
}

fn person<'s>(site: &'s Site, p: &'s Person) -> Doc<'s> {
    let role = [p.role.as_deref(), p.organisation.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    Doc {
        view: DocView {
            u: p.url.clone(),
            t: p.name.clone(),
            d: String::new(),
            k: role.clone(),
            n: hood_names(site, &p.neighbourhoods),
            x: String::new(),
        },
        fields: vec![(TITLE, p.name.clone()), (TERMS, role)],
        body: &p.bio_text,
        summary: "",
    }
}

/// Filter files: the documents of each neighbourhood and kind. Returns (slug, name) pairs.
type Names = Vec<(String, String)>;

pub(super) fn filters(site: &Site, files: &mut Vec<(String, Vec<u8>)>) -> (Names, Names) {
    let mut by_hood: BTreeMap<Idx, Vec<usize>> = BTreeMap::new();
    let mut by_kind: BTreeMap<Idx, Vec<usize>> = BTreeMap::new();
    let mut id = 0;
    let mut add = |hoods: &[Idx], kind: Option<Idx>| {
        for &h in hoods {
            by_hood.entry(h).or_default().push(id);
        }
        if let Some(k) = kind {
            by_kind.entry(k).or_default().push(id);
        }
        id += 1;
    };
    site.stories
        .iter()
        .for_each(|s| add(&s.neighbourhoods, s.kind));
    site.events
        .iter()
        .for_each(|e| add(&e.neighbourhoods, None));
    (0..site.neighbourhoods.len()).for_each(|h| add(&[h], None));
    site.people
        .iter()
        .for_each(|p| add(&p.neighbourhoods, None));
    let mut hoods = Vec::new();
    for (h, ids) in by_hood {
        let hood = &site.neighbourhoods[h];
        files.push((format!("f/n-{}.json", hood.slug), json(&ids)));
        hoods.push((hood.slug.clone(), hood.name.clone()));
    }
    hoods.sort_by_cached_key(|(slug, _)| slug.clone());
    let mut kinds = Vec::new();
    for (k, ids) in by_kind {
        let kind = &site.kinds[k];
        files.push((format!("f/k-{}.json", kind.slug), json(&ids)));
        kinds.push((kind.slug.clone(), kind.label.clone()));
    }
    (hoods, kinds)
}

/// The summary, then as much of the body as fits in [`EXCERPT`], cut at a word.
pub(super) fn excerpt(summary: &str, body: &str) -> String {
    let mut text = summary.trim().to_string();
    let body = body.trim();
    if !body.starts_with(text.as_str()) || text.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(body);
    } else {
        text = body.to_string();
    }
    if text.len() <= EXCERPT {
        return text;
    }
    let mut cut = EXCERPT;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = text[..cut].rfind(' ').unwrap_or(cut);
    text.truncate(cut);
    text.push('…');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_cut_at_a_word() {
        let body = "woord ".repeat(200);
        let x = excerpt("", &body);
        assert!(x.len() <= EXCERPT + 4 && x.ends_with("woord…"), "{x}");
    }
}
