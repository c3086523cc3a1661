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
pub(crate) struct ShareView {
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
    json_ld: Option<String>,
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

impl ShareView {
    /// What `job`'s page, at root-relative `url` and in `lang`, shares.
    pub(super) fn of(site: &Site, job: Job, url: &str, lang: Lang) -> ShareView {
        let given = site.config.base_url_given;
        let image = match job {
            Job::Story(i) => site.stories[i].image.as_ref(),
            Job::Neighbourhood { idx, .. } => site.neighbourhoods[idx].image.as_ref(),
            Job::Person(i) => site.people[i].image.as_ref(),
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
            view.json_ld = Some(article(site, s, &view));
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

/// The schema.org Article of story `s`, whose page shares `view`.
fn article(site: &Site, s: &Story, view: &ShareView) -> String {
    let given = site.config.base_url_given;
    let authors: Vec<serde_json::Value> = s
        .authors
        .iter()
        .map(|&p| {
            let person = &site.people[p];
            let mut author = json!({ "@type": "Person", "name": person.name });
            if given {
                author["url"] = absolute(site, &person.url).into();
            }
            author
        })
        .collect();
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": s.title,
        "datePublished": view.published,
        "inLanguage": s.lang.code(),
        "publisher": { "@type": "Organization", "name": site.config.title },
    });
    let fields = data.as_object_mut().expect("built as an object");
    if let Some(modified) = &view.modified {
        fields.insert("dateModified".into(), modified.clone().into());
    }
    if !s.summary.is_empty() {
        fields.insert("description".into(), s.summary.clone().into());
    }
    if !authors.is_empty() {
        fields.insert("author".into(), authors.into());
    }
    if let Some(image) = &view.image {
        fields.insert("image".into(), json!([image.url]));
    }
    if let Some(url) = &view.url {
        fields.insert("url".into(), url.clone().into());
        fields.insert("mainEntityOfPage".into(), url.clone().into());
        data["publisher"]["url"] = site.config.base_url.clone().into();
    }
    script_safe(&data.to_string())
}
