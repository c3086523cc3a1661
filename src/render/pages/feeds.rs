//! The Atom feeds and the sitemap: absolute URLs and RFC 3339 moments, of many pages at once.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use jiff::ZonedDateTime as Zoned;
use serde::{Serialize, Serializer};

use crate::ground::hyphen::{SOFT_HYPHEN, without_soft_hyphens};
use crate::model::{Idx, Site, dates};
use crate::render::context::Html;
use crate::render::jobs::Job;

/// A root-relative URL, written out absolute only when serialised.
#[derive(Hash)]
pub(super) struct Absolute<'a> {
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
pub(super) fn absolute(site: &Site, url: &str) -> String {
    let path = url.strip_prefix(&site.urls.prefix).unwrap_or(url);
    format!("{}{}", site.config.origin_and_prefix(), path)
}

/// A moment, written out as RFC 3339 only when serialised.
pub(super) struct Rfc3339<'a>(&'a Zoned);

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
#[derive(Serialize, Hash)]
pub(crate) struct FeedView<'a> {
    title: String,
    self_url: String,
    site_url: String,
    updated: String,
    entries: Vec<FeedEntry<'a>>,
}

#[derive(Serialize, Hash)]
pub(crate) struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    published: String,
    updated: String,
    authors: Vec<&'a str>,
    categories: Vec<&'a str>,
    summary: &'a str,
    content: FeedHtml<'a>,
}

/// A story's body for a feed: without the soft hyphens its headings have on the site, which
/// are for the site's own pages; a feed reader lays text out as it likes.
#[derive(Hash)]
pub(crate) struct FeedHtml<'a>(Html<'a>);

impl Serialize for FeedHtml<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.text.contains(SOFT_HYPHEN) {
            true => s.serialize_str(&without_soft_hyphens(self.0.text)),
            false => self.0.serialize(s),
        }
    }
}

#[derive(Serialize, Hash)]
pub(crate) struct SitemapEntry<'a> {
    loc: Absolute<'a>,
    lastmod: Option<Rfc3339<'a>>,
}
pub(super) fn feed<'a>(
    shared: &super::Shared<'a>,
    stories: &[Idx],
    title: String,
    self_url: &str,
    site_url: &str,
) -> FeedView<'a> {
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
                content: FeedHtml(Html::of_story(s)),
            }
        })
        .collect();
    // The last of the newest, as `max` takes it.
    let newest = stories
        .iter()
        .max_by_key(|&&i| shared.latest[i])
        .map(|&i| &site.stories[i])
        .map(|s| s.updated.as_ref().unwrap_or(&s.date));
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
pub(super) fn sitemap_entries<'a>(site: &'a Site, jobs: &[Job]) -> Vec<SitemapEntry<'a>> {
    jobs.iter()
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
        .collect()
}
