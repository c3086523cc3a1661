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
    let mut clock = Stages::new();
    let mut config = Config::load(&opts.root, None, &mut errs);
    if let Some(url) = &opts.base_url {
        config.base_url = if url.ends_with('/') {
            url.clone()
        } else {
            format!("{url}/")
        };
    }
    let mut files = load::site_files(&opts.root, &config.theme, config.lang.code(), &mut errs);
    clock.lap("load");
    let docs = parse::documents(std::mem::take(&mut files.content), &mut errs);
    clock.lap("parse");
    let broken = errs
        .0
        .iter()
        .filter_map(|d| d.at.as_ref())
        .map(|at| at.path.clone())
        .collect();
    let theme = Theme::load(&files, &config, &mut errs);
    clock.lap("templates");
    let site = model::assemble(
        docs,
        std::mem::take(&mut files.content_assets),
        broken,
        config,
        opts.drafts,
        &mut errs,
    );
    clock.lap("model");
    let outputs = match theme {
        Some(mut theme) if errs.is_empty() => {
            render::all(&site, &mut theme, &files, &opts.now, &mut errs)
        }
        _ => Vec::new(),
    };
    clock.lap("render");
    let copies = copies(&files, &site);
    let mut outputs = outputs;
    outputs.extend(embedded_statics(&files, &copies));
    errs.into_result(Built {
        site,
        outputs,
        copies,
    })
}

/// Static files (the site's own over the theme's) and files beside content.
fn copies(files: &SiteFiles, site: &Site) -> Vec<Asset> {
    let mut by_target = std::collections::BTreeMap::new();
    for asset in files.statics.iter().chain(&site.assets) {
        by_target.insert(asset.target.clone(), asset.clone());
    }
    by_target.into_values().collect()
}

/// Built-in theme static files that the site does not replace with its own.
fn embedded_statics(files: &SiteFiles, copies: &[Asset]) -> Vec<Output> {
    let taken: std::collections::HashSet<&std::path::Path> =
        copies.iter().map(|c| c.target.as_path()).collect();
    files
        .embedded_statics
        .iter()
        .filter(|(target, _)| !taken.contains(target.as_path()))
        .map(|(target, bytes)| Output {
            path: target.clone(),
            bytes: bytes.to_vec(),
        })
        .collect()
}

/// Stage timings, printed when PLEIN_TIMINGS is set, for finding where a build spends its time.
struct Stages {
    on: bool,
    last: std::time::Instant,
}

impl Stages {
    fn new() -> Stages {
        Stages {
            on: std::env::var_os("PLEIN_TIMINGS").is_some(),
            last: std::time::Instant::now(),
        }
    }

    fn lap(&mut self, stage: &str) {
        if self.on {
            eprintln!(
                "plein: {stage:<10} {:>8.1} ms",
                self.last.elapsed().as_secs_f64() * 1000.0
            );
        }
        self.last = std::time::Instant::now();
    }
}
