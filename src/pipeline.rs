//! The stages in a row: load, parse, model, render. `check` stops here, `build` adds
//! `write::swap_in`, `serve` keeps the result.

use std::path::PathBuf;

use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::load::{self, Asset, SiteFiles};
use crate::model::{self, Site};
use crate::parse;
use crate::render::{self, Output, Theme};

/// What a build needs to know, resolved once from the command line.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// The moment that decides which events are upcoming.
    pub now: jiff::ZonedDateTime,
}

/// A site built in memory, ready to write or serve.
pub struct Built {
    pub site: Site,
    pub outputs: Vec<Output>,
    /// Static and content files copied as they are.
    pub copies: Vec<Asset>,
}

/// Run every stage; all problems of the site come back at once.
pub fn build(opts: &Options) -> Result<Built, Diagnostics> {
    let mut errs = Diagnostics::default();
    let mut config = Config::load(&opts.root, None, &mut errs);
    if let Some(url) = &opts.base_url {
        config.base_url = if url.ends_with('/') { url.clone() } else { format!("{url}/") };
    }
    let mut files = load::site_files(&opts.root, &config.theme, config.lang.code(), &mut errs);
    let docs = parse::documents(std::mem::take(&mut files.content), &mut errs);
    let theme = Theme::load(&files, &config, &mut errs);
    let site = model::assemble(docs, std::mem::take(&mut files.content_assets), config, opts.drafts, &mut errs);
    let outputs = match theme {
        Some(mut theme) if errs.is_empty() => render::all(&site, &mut theme, &files, &opts.now, &mut errs),
        _ => Vec::new(),
    };
    let copies = copies(&files, &site);
    errs.into_result(Built { site, outputs, copies })
}

/// Static files (the site's own over the theme's) and files beside content.
fn copies(files: &SiteFiles, site: &Site) -> Vec<Asset> {
    let mut by_target = std::collections::BTreeMap::new();
    for asset in files.statics.iter().chain(&site.assets) {
        by_target.insert(asset.target.clone(), asset.clone());
    }
    by_target.into_values().collect()
}
