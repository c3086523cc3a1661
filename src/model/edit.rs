//! An edit that changes what stories say but not where they stand: the previous site, with
//! only the changed stories made again.
//!
//! The full assembly sorts, declares, links and finishes every document, which at 50,000
//! stories costs far more than the edit. When the documents are the same files in the same
//! order, the settings, drafts, files beside the content and broken files are the same, the
//! last assembly reported no problem, and every changed document is a story whose place
//! among the others is unchanged (its date, slug, draft, authors, neighbourhoods, kind, tags,
//! events, picture and language: [`place`]), no other document can come out differently: not
//! the order, not an address, not a list a name is on, not related stories. Then the site
//! kept from the last build is taken as it is and only those stories are made again, with
//! the same `Arc` for every other story, so render can know them unchanged. Anything else
//! goes the full way.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use ahash::AHashSet as HashSet;

use super::assemble::{Builder, Own, latest, store_story_body};
use super::{ModelCache, Site, Story};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::parse::front_matter::RawStory;
use crate::parse::{Document, Front};

/// Stories changed at once beyond which the full assembly is made: a save of many files is
/// rare, and the full way is then as cheap.
const MOST: usize = 64;

/// The last assembly: what it was made from and the names and addresses it resolved.
pub(super) struct Last {
    /// The documents as given, in their order.
    docs: Vec<Arc<Document>>,
    /// A fingerprint of the rest of what it was made from: see [`inputs`].
    inputs: u64,
    /// What links in a body resolve against, and the settings.
    builder: Builder,
    /// It reported no problem: an edit that reports none either has a site without any.
    clean: bool,
    /// The site as the last build published it, pictures measured.
    site: Option<Site>,
}

impl std::fmt::Debug for Last {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Last")
            .field("docs", &self.docs.len())
            .field("clean", &self.clean)
            .field("site", &self.site.is_some())
            .finish_non_exhaustive()
    }
}

impl Last {
    pub(super) fn new(
        docs: Vec<Arc<Document>>,
        inputs: u64,
        builder: Builder,
        clean: bool,
    ) -> Last {
        Last {
            docs,
            inputs,
            builder,
            clean,
            site: None,
        }
    }

    pub(super) fn keep(&mut self, site: &Site) {
        self.site = Some(site.share());
    }
}

/// A fingerprint of what an assembly is made from besides the documents.
pub(super) fn inputs(
    config: &Config,
    drafts: bool,
    content_assets: &[PathBuf],
    broken: &HashSet<PathBuf>,
) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    // Every setting: the time zone, routes and kinds all decide where a story stands.
    format!("{config:?}").hash(&mut h);
    (drafts, content_assets).hash(&mut h);
    // In any order: a sum of each path's own fingerprint.
    let print = |p: &PathBuf| xxhash_rust::xxh3::xxh3_64(p.as_os_str().as_encoded_bytes());
    let sum = broken.iter().map(print).fold(0u64, u64::wrapping_add);
    (sum, broken.len()).hash(&mut h);
    h.finish()
}

/// The site after an edit of stories that moves nothing, made from the last one; `None` when
/// the edit needs the full assembly.
pub(super) fn assemble(
    docs: &[Arc<Document>],
    inputs: u64,
    config: &Config,
    cache: &mut ModelCache,
    errs: &mut Diagnostics,
) -> Option<Site> {
    let last = cache.last.as_deref_mut()?;
    if !last.clean || last.inputs != inputs || last.docs.len() != docs.len() {
        return None;
    }
    let site = last.site.as_ref()?;
    let mut changed = Vec::new();
    for (at, (was, now)) in last.docs.iter().zip(docs).enumerate() {
        if Arc::ptr_eq(was, now) {
            continue;
        }
        let (Front::Story(old), Front::Story(new)) = (&was.front, &now.front) else {
            return None;
        };
        if changed.len() == MOST
            || was.path != now.path
            || place(old) != place(new)
            || new.title.as_deref().is_none_or(|t| t.trim().is_empty())
        {
            return None;
        }
        // Where it is in the site; not there when it was left out (a draft), so the full
        // assembly reports what it would.
        let path = now.path.as_os_str();
        let i = site
            .stories
            .iter()
            .position(|s| s.source_path.as_os_str() == path)?;
        changed.push((at, i));
    }
    let mut site = last.site.take()?;
    let before = errs.len();
    for (at, i) in changed {
        let doc = &docs[at];
        let Front::Story(raw) = &doc.front else {
            unreachable!("only stories are changed")
        };
        let body = match last.builder.body(doc, &cache.bodies) {
            Ok(cached) => cached.clone(),
            Err(fresh) => fresh,
        };
        errs.extend(body.rendered.problems.iter().map(|(offset, p)| {
            Diagnostic::at_offset(&doc.path, &doc.text, doc.body_offset + offset, p.clone())
        }));
        let tz = &last.builder.config.timezone;
        site.stories[i] = Arc::new(remade(&site.stories[i], raw, &body, tz));
        cache
            .bodies
            .insert(doc.path.to_string_lossy().into_owned(), body);
        last.docs[at] = Arc::clone(doc);
    }
    last.clean = errs.len() == before;
    site.config = config.clone();
    site.updated = latest(site.stories.iter().map(|s| &**s));
    Some(site)
}

/// What decides where a story stands among the others: its place in every list, its address
/// and the names it links to. Two stories with the same place differ only in what [`remade`]
/// makes again. Taken apart field by field, so a field added to the front matter must be
/// put on one side or the other before this compiles.
fn place(raw: &RawStory) -> impl PartialEq + '_ {
    let RawStory {
        // The story's own, made again by `remade`.
        title: _,
        subtitle: _,
        updated: _,
        summary: _,
        source: _,
        date,
        authors,
        neighbourhoods,
        kind,
        tags,
        image,
        image_alt,
        image_credit,
        image_caption,
        events,
        language,
        draft,
        slug,
    } = raw;
    (
        (date, authors, neighbourhoods, kind, tags, events),
        (image, image_alt, image_credit, image_caption),
        (language, draft, slug),
    )
}

/// Story `old` with what `raw` and its rendered `body` say now, where its place is the same.
/// Every field is named, so a field added to the model must be decided on here.
fn remade(old: &Story, raw: &RawStory, body: &super::Body, tz: &jiff::tz::TimeZone) -> Story {
    let Story {
        source_path,
        slug,
        url,
        date,
        authors,
        neighbourhoods,
        kind,
        tags,
        image,
        lang,
        events,
        draft,
        related,
        // Made again below, from the front matter and the body.
        title: _,
        subtitle: _,
        updated: _,
        summary: _,
        source: _,
        body_html: _,
        body_print: _,
        body_text: _,
        words: _,
        headings: _,
        print: _,
    } = old;
    let Own {
        title,
        subtitle,
        updated,
        summary,
        source,
    } = Own::of(raw, tz);
    let mut story = Story {
        source_path: source_path.clone(),
        slug: slug.clone(),
        url: url.clone(),
        title,
        subtitle,
        date: date.clone(),
        updated,
        authors: authors.clone(),
        neighbourhoods: neighbourhoods.clone(),
        kind: *kind,
        tags: tags.clone(),
        image: image.clone(),
        summary,
        body_html: Arc::from(""),
        body_print: 0,
        body_text: Arc::from(""),
        words: 0,
        headings: Arc::from([]),
        lang: *lang,
        events: events.clone(),
        source,
        draft: *draft,
        related: related.clone(),
        print: 0,
    };
    store_story_body(&mut story, body);
    story.print = story.fingerprint();
    story
}
