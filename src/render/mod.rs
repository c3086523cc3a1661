//! Render: one template render per output file, in parallel. Render knows nothing of files:
//! it hands each rendered page to a sink with the path it goes to inside the output folder.
//!
//! Every page's context is one struct of [`pages`], hashed for its fingerprint before it is
//! serialised for Tera: a page whose fingerprint matches the previous build's is not rendered
//! again, so a rebuild after one edit renders only the pages that show something of it.

pub(crate) mod agenda;
pub(crate) mod calendar;
pub(crate) mod context;
pub(crate) mod indent;
pub(crate) mod jobs;
pub(crate) mod pages;
pub(crate) mod qr;
pub mod search;
pub(crate) mod share;
pub(crate) mod templates;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use serde::Serialize;
use tera::Context;
use xxhash_rust::xxh3::Xxh3;

use crate::ground::output::Outputs;
use crate::load::SiteFiles;
use crate::model::Site;
use context::Link;
pub use jobs::Job;
use pages::{Page, Reach, Shared};
pub use templates::Theme;

/// Render every page of `site` whose fingerprint is not in the previous build, handing it to
/// the sink of `out`.
pub fn all(
    site: &Site,
    theme: &mut Theme,
    files: &SiteFiles,
    now: &jiff::ZonedDateTime,
    out: &mut Outputs,
) {
    let globals = set_globals(site, theme);
    let shared = Shared::new(site, now, out.previous());
    let theme = &*theme;
    let jobs = jobs::all(site, now);
    let reach = Reach::new(&shared, globals);
    out.put_all(
        &jobs,
        |&job| reach.of(job),
        |&job| {
            let path = output_path(site, &job.url(site));
            let page = Page::of(&shared, job, &jobs);
            let print = fingerprint(&(&page, globals, job.template()));
            (path, print, (job, page))
        },
        |(job, page)| render_page(theme, job, page).map_err(|e| theme.render_diagnostic(&e, files)),
    );
    out.keep_cards(shared.cards_by_print(), shared.card_prints_by_key());
}

fn fingerprint<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = Xxh3::new();
    value.hash(&mut h);
    h.finish()
}

fn render_page(theme: &Theme, job: Job, page: Page) -> tera::TeraResult<Vec<u8>> {
    let ctx = Context::from_serialize(&page)?;
    let mut bytes = Vec::with_capacity(16 * 1024);
    theme.tera.render_to(job.template(), &ctx, &mut bytes)?;
    if job.template().ends_with(".html") {
        indent::strip(&mut bytes);
    }
    Ok(bytes)
}

/// `/verhalen/x/` -> `verhalen/x/index.html`, the site prefix taken off.
pub fn output_path(site: &Site, url: &str) -> PathBuf {
    let rel = url
        .strip_prefix(&site.urls.prefix)
        .unwrap_or(url)
        .trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        PathBuf::from(format!("{rel}index.html"))
    } else {
        PathBuf::from(rel)
    }
}

#[derive(Serialize, Hash)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    lang: &'a str,
    home_url: String,
    feed_url: String,
    /// Where residents send their story (`contact:` in plein.yaml): `href` and `text`.
    contact: Option<&'a crate::config::Contact>,
}

#[derive(Serialize, Hash)]
struct SectionUrls {
    stories: String,
    neighbourhoods: String,
    tags: String,
    people: String,
    events: String,
    search: String,
    paper: String,
}

/// What every template sees besides its page's own context.
#[derive(Serialize, Hash)]
pub struct Globals<'a> {
    site: SiteView<'a>,
    urls: SectionUrls,
    t: &'a BTreeMap<String, String>,
    pages: Vec<Link<'a>>,
}

impl<'a> Globals<'a> {
    fn of(site: &'a Site, words: &'a BTreeMap<String, String>) -> Globals<'a> {
        let u = &site.urls;
        let r = &u.routes;
        Globals {
            site: SiteView {
                title: &site.config.title,
                description: &site.config.description,
                base_url: &site.config.base_url,
                lang: site.config.lang.code(),
                home_url: u.root(""),
                feed_url: u.root("feed.xml"),
                contact: site.config.contact.as_ref(),
            },
            urls: SectionUrls {
                stories: u.section(&r.stories),
                neighbourhoods: u.section(&r.neighbourhoods),
                tags: u.section(&r.tags),
                people: u.section(&r.people),
                events: u.section(&r.events),
                search: u.section(&r.search),
                paper: u.section(&r.paper),
            },
            t: words,
            pages: site
                .pages
                .iter()
                .map(|p| Link {
                    name: &p.title,
                    url: &p.url,
                })
                .collect(),
        }
    }
}

/// Give every template the globals; returns their fingerprint with the templates'.
fn set_globals(site: &Site, theme: &mut Theme) -> u64 {
    let globals = Globals::of(site, &theme.words);
    let print = fingerprint(&(&globals, theme.fingerprint));
    let context = Context::from_serialize(&globals).expect("the globals are a struct");
    *theme.tera.global_context() = context;
    print
}
