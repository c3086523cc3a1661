//! The Site: plain data made from the parsed documents, every name resolved to an index.
//!
//! Lists are sorted once here (stories newest first, events soonest first, people and
//! neighbourhoods by name), so render only walks them. The model knows nothing of templates
//! or files on disk.

mod assemble;
pub(crate) mod dates;
mod edit;
pub(crate) mod recurrence;
mod related;

use std::path::PathBuf;

use jiff::ZonedDateTime as Zoned;

use crate::config::{Config, Routes};
use crate::ground::values::{Place, Registration, Source};

pub use assemble::assemble;

/// What one assembly lends the next: rendered Markdown bodies, kept while neither a body nor
/// the set of link targets changes, and related stories, kept while what they are chosen
/// from stays the same.
#[derive(Debug, Default)]
pub struct ModelCache {
    links: u64,
    /// Path -> (body fingerprint, rendering, the document it came from). Holding the
    /// document lets a later build know it by address: it cannot be freed and reused. The
    /// path is a string, as in [`crate::parse::ParsedFiles`]: a `Path` is hashed part by part.
    bodies: ahash::AHashMap<String, Body>,
    /// Per story index: a fingerprint of the candidates it was chosen from, and the choice.
    related: Vec<(u64, Vec<Idx>)>,
    /// The last assembly and the site made of it, for an edit that moves nothing: see
    /// [`edit`].
    last: Option<Box<edit::Last>>,
}

impl ModelCache {
    /// Keep `site` as published (its pictures measured), for the next edit to start from.
    pub fn keep(&mut self, site: &Site) {
        if let Some(last) = &mut self.last {
            last.keep(site);
        }
    }
}

/// A rendered body in the cache: the fingerprint of its Markdown, the rendering and the
/// fingerprint of its HTML, and the document it came from.
#[derive(Debug, Clone)]
struct Body {
    source: u64,
    rendered: crate::parse::markdown::Rendered,
    html: u64,
    doc: std::sync::Arc<crate::parse::Document>,
}

/// Index into `Site::stories` and so on.
pub type Idx = usize;

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub urls: Urls,
    pub stories: Vec<std::sync::Arc<Story>>,
    pub events: Vec<Event>,
    pub people: Vec<Person>,
    pub neighbourhoods: Vec<Neighbourhood>,
    pub kinds: Vec<Kind>,
    pub tags: Vec<Tag>,
    pub pages: Vec<Page>,
    /// Files beside content, copied to sit beside their page.
    pub assets: Vec<crate::load::Asset>,
    /// When the newest story or event changed, for feeds.
    pub updated: Option<Zoned>,
}

impl Site {
    /// A copy that shares the stories, which are many and large, and copies the rest.
    fn share(&self) -> Site {
        Site {
            config: self.config.clone(),
            urls: self.urls.clone(),
            stories: self.stories.clone(),
            events: self.events.clone(),
            people: self.people.clone(),
            neighbourhoods: self.neighbourhoods.clone(),
            kinds: self.kinds.clone(),
            tags: self.tags.clone(),
            pages: self.pages.clone(),
            assets: self.assets.clone(),
            updated: self.updated.clone(),
        }
    }
}

/// An image with the words that stand in for it.
#[derive(Debug, Clone)]
pub struct Image {
    pub url: String,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// Set by [`crate::images::measure`] for a picture beside the content.
    pub size: Option<ImageSize>,
}

/// An image's own size and its smaller copies, for `width`, `height` and `srcset`.
#[derive(Debug, Clone, Hash, PartialEq, Eq)]
pub struct ImageSize {
    pub width: u32,
    pub height: u32,
    /// `url 480w, …`, the image itself last.
    pub srcset: String,
    /// The same widths as WebP, for `<source type="image/webp">`; empty when not made.
    pub webp_srcset: String,
}

#[derive(Debug, Clone)]
pub struct Story {
    pub source_path: PathBuf,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub date: Zoned,
    pub updated: Option<Zoned>,
    pub authors: Vec<Idx>,
    pub neighbourhoods: Vec<Idx>,
    pub kind: Option<Idx>,
    pub tags: Vec<Idx>,
    pub image: Option<Image>,
    pub summary: String,
    pub body_html: std::sync::Arc<str>,
    /// A fingerprint of `body_html`, made once when it was rendered.
    pub body_print: u64,
    /// The body as plain text, for the search index.
    pub body_text: std::sync::Arc<str>,
    pub words: usize,
    /// The h2 and h3 headings of the body, for a contents list.
    pub headings: std::sync::Arc<[crate::parse::markdown::Heading]>,
    /// The language it is written in: its own `language:`, or the site's.
    pub lang: crate::words::Lang,
    pub events: Vec<Idx>,
    pub source: Option<Source>,
    pub draft: bool,
    pub related: Vec<Idx>,
    /// [`Story::fingerprint`], made once when the story is made.
    pub print: u64,
}

impl Story {
    /// A fingerprint of every field but the picture (whose size is measured after the model
    /// is made) and the related stories (chosen from the others): what render's card keys
    /// and reaches start from, so they need not hash the story's texts again on every build.
    /// Taken apart field by field, so a field added to the model must be put in or left out
    /// here before this compiles.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let Story {
            source_path,
            slug,
            url,
            title,
            subtitle,
            date,
            updated,
            authors,
            neighbourhoods,
            kind,
            tags,
            // Measured after the model: hashed by whoever shows it.
            image: _,
            summary,
            // Fingerprinted when it was rendered; the plain text and headings come from the
            // same Markdown, and the headings are hashed anyway.
            body_html: _,
            body_print,
            body_text: _,
            words,
            headings,
            lang,
            events,
            source,
            draft,
            // Chosen from the other stories: hashed by whoever shows them.
            related: _,
            print: _,
        } = self;
        let mut h = ahash::AHasher::default();
        (source_path, slug, url, title, subtitle, date, updated).hash(&mut h);
        (authors, neighbourhoods, kind, tags, events).hash(&mut h);
        (
            summary,
            body_print,
            words,
            headings,
            lang.code(),
            source,
            draft,
        )
            .hash(&mut h);
        h.finish()
    }

    /// Minutes to read at 200 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(200).max(1)
    }
}

#[derive(Debug, Clone)]
pub struct Event {
    pub source_path: PathBuf,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub start: Zoned,
    pub end: Option<Zoned>,
    pub location: Option<Place>,
    pub online: bool,
    pub registration: Vec<Registration>,
    pub summary: String,
    pub neighbourhoods: Vec<Idx>,
    pub cancelled: bool,
    /// No places left to sign up for.
    pub full: bool,
    /// The rule of a recurring meeting; `start` and `end` are its first meeting.
    pub repeat: Option<crate::ground::repeat::Repeat>,
    pub body_html: std::sync::Arc<str>,
    /// The body as plain text, for the search index.
    pub body_text: std::sync::Arc<str>,
    /// Stories that name this event.
    pub stories: Vec<Idx>,
    /// [`Event::fingerprint`], made once when the site is made.
    pub print: u64,
}

impl Event {
    /// A fingerprint of every field: what render's reaches of the calendars start from.
    /// Taken apart field by field, so a field added to the model must be put in or left out
    /// here before this compiles.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let Event {
            source_path,
            slug,
            url,
            title,
            start,
            end,
            location,
            online,
            registration,
            summary,
            neighbourhoods,
            cancelled,
            full,
            repeat,
            body_html,
            // Made from the same Markdown as `body_html`.
            body_text: _,
            stories,
            print: _,
        } = self;
        let mut h = ahash::AHasher::default();
        (source_path, slug, url, title, start, end, location).hash(&mut h);
        (
            online,
            registration,
            summary,
            neighbourhoods,
            cancelled,
            full,
        )
            .hash(&mut h);
        (repeat, body_html, stories).hash(&mut h);
        h.finish()
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub source_path: Option<PathBuf>,
    pub slug: String,
    pub url: String,
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub neighbourhoods: Vec<Idx>,
    pub image: Option<Image>,
    pub bio_html: std::sync::Arc<str>,
    /// The bio as plain text, for the search index.
    pub bio_text: std::sync::Arc<str>,
    /// Stories this person wrote, newest first.
    pub stories: Vec<Idx>,
}

/// A trusted face or place residents can turn to.
#[derive(Debug, Clone)]
pub struct Anchor {
    pub text: String,
    pub person: Option<Idx>,
}

#[derive(Debug, Clone)]
pub struct Neighbourhood {
    pub source_path: Option<PathBuf>,
    pub slug: String,
    pub url: String,
    pub feed_url: String,
    pub name: String,
    pub city: Option<String>,
    pub summary: String,
    pub anchors: Vec<Anchor>,
    pub image: Option<Image>,
    pub body_html: std::sync::Arc<str>,
    /// The body as plain text, for the search index.
    pub body_text: std::sync::Arc<str>,
    pub stories: Vec<Idx>,
    pub events: Vec<Idx>,
    pub people: Vec<Idx>,
}

#[derive(Debug, Clone)]
pub struct Kind {
    pub key: String,
    pub slug: String,
    pub url: String,
    pub label: String,
    pub stories: Vec<Idx>,
}

#[derive(Debug, Clone)]
pub struct Tag {
    pub slug: String,
    pub url: String,
    pub name: String,
    pub stories: Vec<Idx>,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub source_path: PathBuf,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub summary: String,
    pub body_html: std::sync::Arc<str>,
}

/// Root-relative URLs of every kind of page, with the site's path prefix.
#[derive(Debug, Clone)]
pub struct Urls {
    pub prefix: String,
    pub routes: Routes,
}

impl Urls {
    pub fn new(config: &Config) -> Urls {
        Urls {
            prefix: config.path_prefix().to_string(),
            routes: config.routes.clone(),
        }
    }

    /// `/` plus `path` under the site prefix.
    pub fn root(&self, path: &str) -> String {
        format!("{}/{}", self.prefix, path.trim_start_matches('/'))
    }

    pub fn section(&self, word: &str) -> String {
        self.root(&format!("{word}/"))
    }

    pub fn item(&self, word: &str, slug: &str) -> String {
        let word = word.trim_start_matches('/');
        if word.is_empty() {
            return self.root(&format!("{word}/{slug}/"));
        }
        // As `root` makes it, in one string: a site makes one per story on every build.
        let mut url = String::with_capacity(self.prefix.len() + word.len() + slug.len() + 3);
        for part in [&*self.prefix, "/", word, "/", slug, "/"] {
            url.push_str(part);
        }
        url
    }

    /// Page `n` (1-based) of a list whose first page is at `first`.
    pub fn paginated(&self, first: &str, n: usize) -> String {
        if n <= 1 {
            first.to_string()
        } else {
            format!("{first}{}/{n}/", self.routes.page)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_url_is_its_path_under_the_root() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let config = Config::load(dir.path(), None, &mut Default::default());
        for prefix in ["", "/wijk"] {
            let urls = Urls {
                prefix: prefix.to_string(),
                ..Urls::new(&config)
            };
            for word in ["verhalen", "/verhalen", ""] {
                assert_eq!(
                    urls.item(word, "de-markt"),
                    urls.root(&format!("{word}/de-markt/")),
                    "{prefix:?} {word:?}"
                );
            }
        }
    }
}
