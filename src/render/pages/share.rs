//! What a page says about itself when it is shared: the Open Graph and Twitter card values of
//! `page.share`, and a story's Article data (schema.org JSON-LD).
//!
//! Link previews need absolute addresses. Without `base_url` in plein.yaml every absolute
//! address would point at the preview (`http://127.0.0.1:1111/`), so the page's and the
//! picture's address are left out then, rather than shared wrong.

use serde::Serialize;
use serde_json::json;

use super::feeds::absolute;
use crate::model::{Image, Site, Story, dates};
use crate::render::agenda::script_safe;
use crate::render::jobs::Job;
use crate::words::Lang;

/// `page.share`: what link previews show of a page.
#[derive(Serialize, Hash)]
pub(crate) struct ShareView<'a> {
    /// `og:type`: `article` for a story, `website` for every other page.
    #[serde(rename = "type")]
    kind: &'static str,
    /// `og:locale`: `nl_NL` or `en_GB`, the language of the page's own text.
    locale: &'static str,
    /// The page's absolute address; absent without `base_url`.
    url: Option<String>,
    /// The picture of a story, neighbourhood or person; absent without one.
    image: Option<ShareImage>,
    /// A story's first publication and last change, RFC 3339.
    published: Option<String>,
    modified: Option<String>,
    /// A story's Article data, safe to put inside `<script type="application/ld+json">`.
    json_ld: Option<Article<'a>>,
}

/// A picture for link previews.
#[derive(Serialize, Hash)]
struct ShareImage {
    /// Absolute: `https://…`.
    url: String,
    /// The published picture's size in pixels, when plein made it.
    width: Option<u32>,
    height: Option<u32>,
    alt: String,
}

impl<'a> ShareView<'a> {
    /// What `job`'s page, at root-relative `url` and in `lang`, shares.
    pub(super) fn of(site: &'a Site, job: Job, url: &str, lang: Lang) -> ShareView<'a> {
        let given = site.config.base_url_given;
        let image = match job {
            Job::Story(i) => site.stories[i].image.as_ref(),
            Job::Neighbourhood { idx, .. } => site.neighbourhoods[idx].image.as_ref(),
            Job::Person { idx, .. } => site.people[idx].image.as_ref(),
            _ => None,
        };
        let mut view = ShareView {
            kind: "website",
            locale: lang.words().locale,
            url: given.then(|| absolute(site, url)),
            image: image.and_then(|i| share_image(site, i)),
            published: None,
            modified: None,
            json_ld: None,
        };
        if let Job::Story(i) = job {
            let s = &site.stories[i];
            view.kind = "article";
            view.published = Some(dates::rfc3339(&s.date));
            view.modified = s.updated.as_ref().map(dates::rfc3339);
            view.json_ld = Some(Article::of(site, s, &view));
        }
        view
    }
}

/// `image` with an absolute address, if it can have one.
fn share_image(site: &Site, image: &Image) -> Option<ShareImage> {
    let url = if image.url.starts_with("https://") || image.url.starts_with("http://") {
        image.url.clone()
    } else if image.url.starts_with('/') && site.config.base_url_given {
        absolute(site, &image.url)
    } else {
        return None;
    };
    Some(ShareImage {
        url,
        width: image.size.as_ref().map(|s| s.width),
        height: image.size.as_ref().map(|s| s.height),
        alt: image.alt.clone(),
    })
}

/// The schema.org Article of a story: the values it is made of, written out as JSON-LD only
/// when serialised. Its fingerprint hashes those values, so a page left unrendered costs no
/// JSON.
#[derive(Hash)]
struct Article<'a> {
    headline: &'a str,
    published: Option<String>,
    modified: Option<String>,
    lang: &'static str,
    publisher: &'a str,
    /// Name and, with a `base_url`, absolute address of each author.
    authors: Vec<(&'a str, Option<String>)>,
    image: Option<String>,
    url: Option<String>,
    /// The publisher's address, given with the page's.
    base_url: &'a str,
}

impl Serialize for Article<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.json())
    }
}

impl<'a> Article<'a> {
    /// The Article of story `s`, whose page shares `view`.
    fn of(site: &'a Site, s: &'a Story, view: &ShareView<'_>) -> Article<'a> {
        let given = site.config.base_url_given;
        Article {
            headline: &s.title,
            published: view.published.clone(),
            modified: view.modified.clone(),
            lang: s.lang.code(),
            publisher: &site.config.title,
            authors: s
                .authors
                .iter()
                .map(|&p| {
                    let person = &site.people[p];
                    let url = given.then(|| absolute(site, &person.url));
                    (person.name.as_str(), url)
                })
                .collect(),
            image: view.image.as_ref().map(|i| i.url.clone()),
            url: view.url.clone(),
            base_url: &site.config.base_url,
        }
    }

    /// The JSON-LD, safe to put inside `<script type="application/ld+json">`.
    fn json(&self) -> String {
        let authors: Vec<serde_json::Value> = self
            .authors
            .iter()
            .map(|(name, url)| {
                let mut author = json!({ "@type": "Person", "name": name });
                if let Some(url) = url {
                    author["url"] = url.clone().into();
                }
                author
            })
            .collect();
        let mut data = json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.headline,
            "datePublished": self.published,
            "inLanguage": self.lang,
            "publisher": { "@type": "Organization", "name": self.publisher },
        });
        let fields = data.as_object_mut().expect("built as an object");
        if let Some(modified) = &self.modified {
            fields.insert("dateModified".into(), modified.clone().into());
        }
        if !authors.is_empty() {
            fields.insert("author".into(), authors.into());
        }
        if let Some(image) = &self.image {
            fields.insert("image".into(), json!([image]));
        }
        if let Some(url) = &self.url {
            fields.insert("url".into(), url.clone().into());
            fields.insert("mainEntityOfPage".into(), url.clone().into());
            data["publisher"]["url"] = self.base_url.into();
        }
        script_safe(&data.to_string())
    }
}
