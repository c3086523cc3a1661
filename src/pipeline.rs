//! The stages in a row: load, parse, model, render. `check` renders into nothing, `build`
//! into a staging folder that `write` swaps in, `serve` into its own folder.
//!
//! A [`Cache`] carries what one build can lend the next: the files read, their parsed front
//! matter, rendered Markdown bodies and page fingerprints. `serve` keeps one across rebuilds;
//! `build` and `check` start from an empty one, so every path runs the same code.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ground::output::{Outputs, PageCache, Rendered, Sink, is_under};
use crate::images;
use crate::load::{self, Asset, SiteFiles};
use crate::model::{self, ModelCache, Site};
use crate::parse;
use crate::render::{self, Theme};

/// What a build needs to know, resolved once from the command line.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// The moment that decides which events are upcoming.
    pub now: jiff::ZonedDateTime,
    /// Make the smaller copies of pictures; `check` only measures them.
    pub resize: bool,
    /// Also give warnings: a missing `base_url` and the hints of this scope. `check` asks
    /// for all, `build` for likely mistakes, `serve` for none.
    pub hints: Option<crate::hints::Scope>,
    /// Leave the search index as it was; `serve` brings it up to date with [`search_index`]
    /// after the changed pages are served, so an edit shows without waiting for the index.
    pub defer_search: bool,
}

/// A built site: the model, the files to copy as they are, and what render did.
pub struct Built {
    pub site: Site,
    /// Static and content files copied as they are; pictures are not among them, `images`
    /// publishes those.
    pub copies: Vec<Asset>,
    /// Pages rendered and handed to the sink.
    pub written: usize,
    /// Pages left alone because nothing they show changed since the cached build.
    pub unchanged: usize,
    /// Files the cached build had and this one no longer makes.
    pub gone: Vec<PathBuf>,
    /// Warnings, when [`Options::hints`] asks for them; with errors they come in the `Err`.
    pub warnings: Diagnostics,
}

/// What one build lends the next.
#[derive(Default)]
pub struct Cache {
    /// The files of the last load, and the problems reading them.
    files: Option<(SiteFiles, Vec<Diagnostic>)>,
    parsed: parse::ParsedFiles,
    model: ModelCache,
    /// Fingerprints of the last good build's pages.
    pub pages: PageCache,
    /// The compiled theme of the last good build, with the fingerprint of its sources.
    theme: Option<(u64, Theme)>,
    /// No build follows (`build`, `check`): what only a next build would use is let go as
    /// soon as this one is done with it, which lowers the peak of memory.
    one_shot: bool,
}

impl Cache {
    /// A cache for a single build.
    pub fn for_one_build() -> Cache {
        Cache {
            one_shot: true,
            ..Cache::default()
        }
    }

    /// Let go of what the model now holds (texts, parsed documents) when no build follows.
    fn model_made(&mut self, files: &mut SiteFiles) {
        if self.one_shot {
            files.content = Vec::new();
            self.parsed = Default::default();
            self.model = ModelCache::default();
        }
    }
}

/// Run every stage, handing each page that changed since `cache` to `sink`; all problems of
/// the site come back at once. `changed` (paths relative to the root) lets a rebuild re-read
/// only those files; `None` reads everything.
pub fn build(
    opts: &Options,
    cache: &mut Cache,
    changed: Option<&BTreeSet<PathBuf>>,
    sink: &Sink,
) -> Result<Built, Diagnostics> {
    let mut errs = Diagnostics::default();
    let mut clock = Stages::new();
    let config = site_config(opts, &mut errs);
    let (mut files, load_errs) = load_files(opts, &config, cache.files.take(), changed);
    errs.extend(load_errs.iter().cloned());
    clock.lap("load");
    let (docs, parsed) = parse::documents(&files.content, &cache.parsed, config.lang, &mut errs);
    cache.parsed = parsed;
    clock.lap("parse");
    let warnings = match opts.hints {
        Some(scope) => warnings(&config, &docs, scope),
        None => Diagnostics::default(),
    };
    clock.lap("hints");
    let broken = broken_files(&errs);
    let theme_key = theme_key(&files, &config);
    let theme = match cache.theme.take() {
        Some((key, theme)) if key == theme_key => Some(theme),
        _ => Theme::load(&files, &config, &mut errs),
    };
    clock.lap("templates");
    let mut site = model::assemble(
        docs,
        files.content_assets.clone(),
        broken,
        config,
        opts.drafts,
        &mut cache.model,
        &mut errs,
    );
    clock.lap("model");
    cache.model_made(&mut files);
    let (pictures, copies) = published(opts, &files, &mut site, &mut errs);
    if !cache.one_shot {
        cache.model.keep(&site);
    }
    let mut rendered = Rendered::default();
    let mut theme = theme.filter(|_| errs.is_empty());
    if let Some(theme) = &mut theme {
        let mut out = Outputs::new(&cache.pages, &mut rendered, sink, &mut errs);
        render::all(&site, theme, &files, &opts.now, &mut out);
        embedded_statics(&files, &copies, &mut out);
        if cache.one_shot {
            rendered.cache.forget_cards();
        }
        clock.lap("render");
        let mut out = Outputs::new(&cache.pages, &mut rendered, sink, &mut errs);
        search(opts, &site, &mut out);
        clock.lap("search");
        if opts.resize {
            let mut out = Outputs::new(&cache.pages, &mut rendered, sink, &mut errs);
            images::resize(&opts.root, site.config.lang, &pictures, &mut out);
        }
        clock.lap("images");
    }
    let gone = gone(&cache.pages, &rendered.cache);
    let built = Built {
        site,
        copies,
        written: rendered.written,
        unchanged: rendered.unchanged,
        gone,
        warnings: Diagnostics::default(),
    };
    cache.files = Some((files, load_errs));
    let result = with_warnings(errs.into_result(built), warnings);
    if result.is_ok() {
        let previous = std::mem::replace(&mut cache.pages, rendered.cache);
        cache.theme = theme.map(|t| (theme_key, t));
        // The last build's fingerprints and story cards are freed beside the next steps,
        // not before them: at 50,000 stories that is some 150,000 entries.
        if !cache.one_shot {
            std::thread::spawn(move || drop(previous));
        }
    }
    result
}

/// plein.yaml, with the `base_url` of the command line, if given, in its place.
fn site_config(opts: &Options, errs: &mut Diagnostics) -> Config {
    let mut config = Config::load(&opts.root, None, errs);
    if let Some(url) = &opts.base_url {
        config.base_url = if url.ends_with('/') {
            url.clone()
        } else {
            format!("{url}/")
        };
        config.base_url_given = true;
    }
    config
}

/// The files with errors so far, which the model leaves out without more errors.
fn broken_files(errs: &Diagnostics) -> ahash::AHashSet<PathBuf> {
    errs.0
        .iter()
        .filter_map(|d| d.at.as_ref())
        .map(|at| at.path.clone())
        .collect()
}

/// Make the search index, unless it is deferred (`serve`) or cannot have changed: then the
/// previous build's index files are kept as they are.
fn search(opts: &Options, site: &Site, out: &mut Outputs) {
    let dir = render::search::index_dir(site);
    if opts.defer_search || pages_unchanged(out.previous(), out.rendered(), &dir) {
        out.keep_previous(|p| is_under(p, &dir));
    } else {
        render::search::emit(site, out);
    }
}

/// The files of the `previous` build that this one (`now`) no longer makes.
fn gone(previous: &PageCache, now: &PageCache) -> Vec<PathBuf> {
    previous
        .pages
        .keys()
        .filter(|p| !now.pages.contains_key(*p))
        .map(PathBuf::from)
        .collect()
}

/// The build's result with its `warnings`: beside the built site, or after its errors.
fn with_warnings(
    result: Result<Built, Diagnostics>,
    warnings: Diagnostics,
) -> Result<Built, Diagnostics> {
    match result {
        Ok(built) => Ok(Built {
            warnings: warnings.sorted(),
            ..built
        }),
        Err(mut errs) => {
            errs.extend(warnings.0);
            Err(errs.sorted())
        }
    }
}

/// The site's warnings: a `base_url` missing from plein.yaml, and the hints of `scope`.
fn warnings(
    config: &Config,
    docs: &[std::sync::Arc<parse::Document>],
    scope: crate::hints::Scope,
) -> Diagnostics {
    let mut warnings = Diagnostics::default();
    if !config.base_url_given {
        let problem = crate::diagnostic::Problem::MissingBaseUrl;
        warnings.push(Diagnostic::in_file(std::path::Path::new("plein.yaml"), problem).warning());
    }
    let docs: Vec<&parse::Document> = docs.iter().map(|d| &**d).collect();
    warnings.extend(crate::hints::content(&docs, scope));
    warnings
}

/// Bring the search index of a build made with `defer_search` up to date with `files`, made
/// by `render::search::index` (on another thread, as serve does): index files that changed go
/// to `sink`; returns the index files the site no longer has.
pub fn search_index(
    site: &Site,
    files: Vec<(String, Vec<u8>)>,
    cache: &mut Cache,
    sink: &Sink,
) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut errs = Diagnostics::default();
    let dir = render::search::index_dir(site);
    let mut fresh = Rendered::default();
    let mut out = Outputs::new(&cache.pages, &mut fresh, sink, &mut errs);
    render::search::emit_files(site, files, &mut out);
    errs.into_result(()).map(|()| {
        let mut gone = Vec::new();
        cache.pages.pages.retain(|p, _| {
            let kept = !is_under(p, &dir) || fresh.cache.pages.contains_key(p);
            if !kept {
                gone.push(PathBuf::from(p));
            }
            kept
        });
        cache.pages.pages.extend(fresh.cache.pages);
        gone
    })
}

/// The site's files: re-read in full, or only the `changed` content files when the previous
/// load has the rest.
fn load_files(
    opts: &Options,
    config: &Config,
    previous: Option<(SiteFiles, Vec<Diagnostic>)>,
    changed: Option<&BTreeSet<PathBuf>>,
) -> (SiteFiles, Vec<Diagnostic>) {
    if let (Some((mut files, mut problems)), Some(changed)) = (previous, changed)
        && load::refresh(&opts.root, &mut files, &mut problems, changed)
    {
        return (files, problems);
    }
    let mut errs = Diagnostics::default();
    let files = load::site_files(&opts.root, &config.theme, config.lang.code(), &mut errs);
    (files, errs.0)
}

/// Whether this render changed no page and the previous build had the same pages and an
/// index: every word the search index holds is on some page, so the index is the same too.
fn pages_unchanged(previous: &PageCache, rendered: &Rendered, index: &std::path::Path) -> bool {
    let pages = |cache: &PageCache| cache.pages.keys().filter(|p| !is_under(p, index)).count();
    rendered.written == 0
        && previous.pages.keys().any(|p| is_under(p, index))
        && pages(previous) == pages(&rendered.cache)
        && rendered
            .cache
            .pages
            .iter()
            .all(|(p, f)| previous.pages.get(p) == Some(f))
}

/// A fingerprint of everything a compiled theme is made from: templates, words and settings.
fn theme_key(files: &SiteFiles, config: &Config) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for (name, file) in &files.templates {
        (name, &*file.text).hash(&mut h);
    }
    for file in &files.words {
        (&file.path, &*file.text).hash(&mut h);
    }
    (&config.theme, config.lang.code()).hash(&mut h);
    h.finish()
}

/// The files published beside the pages: pictures, measured and planned, through `images`,
/// which takes their metadata out; the other files are copied as they are.
fn published(
    opts: &Options,
    files: &SiteFiles,
    site: &mut Site,
    errs: &mut Diagnostics,
) -> (Vec<images::Variant>, Vec<Asset>) {
    let (pictures, copies): (Vec<Asset>, Vec<Asset>) = copies(files, site)
        .into_iter()
        .partition(|c| images::is_picture(&c.source));
    let pictures = images::measure(&opts.root, site, &pictures, errs);
    (pictures, copies)
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
fn embedded_statics(files: &SiteFiles, copies: &[Asset], out: &mut Outputs) {
    let taken: HashSet<&std::path::Path> = copies.iter().map(|c| c.target.as_path()).collect();
    for (target, bytes) in &files.embedded_statics {
        if taken.contains(target.as_path()) {
            continue;
        }
        let print = xxhash_rust::xxh3::xxh3_64(bytes);
        out.put(target.clone(), print, || Ok(bytes.to_vec()));
    }
}

/// The memory the process holds now, where the system says (Linux).
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// Stage timings, printed when PLEIN_TIMINGS is set, for finding where a build spends its time.
struct Stages {
    on: bool,
    last: std::time::Instant,
}

impl Stages {
    fn new() -> Stages {
        Stages {
            on: crate::timings::wanted(),
            last: std::time::Instant::now(),
        }
    }

    fn lap(&mut self, stage: &str) {
        if self.on {
            eprintln!(
                "plein: {stage:<10} {:>8.1} ms {:>6} MB resident",
                self.last.elapsed().as_secs_f64() * 1000.0,
                resident_mb().map_or("?".to_string(), |mb| mb.to_string())
            );
        }
        self.last = std::time::Instant::now();
    }
}
