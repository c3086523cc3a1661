//! `plein serve`: build, watch, serve with live reload and an error overlay.
//!
//! It runs the same pipeline as `build`, with a cache kept across rebuilds so an edit redoes
//! only what it touches. Pages are written to a private folder of the server's own (never the
//! site's public/); a rebuild's pages are held back until the whole rebuild succeeded, so a
//! broken edit leaves the last good site served, and are then served from memory until they
//! are in the folder ([`behind`]), so no edit waits for the disk. Until the first build
//! succeeds, every page request gets a page that shows the errors and reloads once they are
//! fixed.

mod behind;
pub(crate) mod http;
pub(crate) mod overlay;
pub(crate) mod reload;
pub(crate) mod watch;

mod folder;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use notify::Watcher;

use crate::cli::ServeArgs;
use crate::config::{Config, Lang};
use crate::diagnostic::Diagnostics;
use crate::ground::output::Output;
use crate::pipeline::{self, Cache, Options};
use crate::words::messages::{self, Args};
use behind::{Behind, Fresh};
use folder::Folder;
use http::Snapshot;
use reload::{Hub, Message};

/// How long a write to a client may make no progress before it is given up, and how long one
/// live-reload message may take: a client that does not read holds nothing up for longer.
const SEND_TIMEOUT: Duration = Duration::from_secs(3);

struct State {
    site: RwLock<Arc<Snapshot>>,
    /// Files of the site newer than their copy in the server's folder, served first.
    fresh: Arc<Fresh>,
    hub: Hub,
    /// While no build has succeeded yet: the page that shows the errors, for every page request.
    broken: RwLock<Option<Arc<str>>>,
    /// The site's language, for what the server itself says.
    lang: RwLock<Lang>,
    /// Where the preview is, as printed.
    base_url: String,
}

pub(crate) fn run(args: &ServeArgs) -> ExitCode {
    if let Err(code) = crate::commands::require_site(&args.site.root) {
        return code;
    }
    // Until the first build, the language comes from plein.yaml alone.
    let lang = crate::commands::site_lang(&args.site.root);
    let say = |id, args: &Args| eprintln!("{}", messages::text(lang, id, args));
    let Some((server, addr)) = http::bind(args.bind, args.port, lang) else {
        let port = args.port.to_string();
        say(
            "serve-no-port",
            &Args::new()
                .text("bind", args.bind.to_string())
                .text("port", port),
        );
        return ExitCode::from(1);
    };
    if !args.bind.is_loopback() {
        say(
            "serve-open-bind",
            &Args::new().text("bind", args.bind.to_string()),
        );
    }
    let reason = |e: &dyn std::fmt::Display| Args::new().text("reason", e.to_string());
    let base_url = format!("http://{addr}/");
    let opts = super::commands::options(&args.site, Some(base_url.clone()));
    let folder = match Folder::create() {
        Ok(f) => f,
        Err(e) => {
            say("serve-no-folder", &reason(&e));
            return ExitCode::from(1);
        }
    };
    let folder = Arc::new(folder);
    let dir = folder.path().to_path_buf();
    let bye = messages::text(lang, "serve-stopped", &Args::new());
    let stopped = ctrlc::set_handler(move || {
        folder::stop(&dir);
        eprintln!("\n{bye}");
        std::process::exit(0);
    });
    if let Err(e) = stopped {
        say("serve-no-ctrlc", &reason(&e));
    }
    let fresh = Arc::new(Fresh::default());
    let state = Arc::new(State {
        site: RwLock::new(Arc::new(Snapshot::default())),
        fresh: Arc::clone(&fresh),
        hub: Hub::default(),
        broken: RwLock::new(None),
        lang: RwLock::new(lang),
        base_url: base_url.clone(),
    });
    let told = Arc::clone(&state);
    let failed = move |e: &crate::diagnostic::Diagnostic| {
        let lang = *told.lang.read().expect("lang lock");
        let args = Args::new().text("reason", e.problem.message(lang));
        eprintln!("{}", messages::text(lang, "serve-folder-unwritable", &args));
    };
    let behind = match Behind::start(folder.clone(), fresh, failed) {
        Ok(behind) => behind,
        Err(e) => {
            say("serve-no-thread", &reason(&e));
            return ExitCode::from(1);
        }
    };
    let mut session = Session {
        opts,
        cache: Cache::default(),
        folder,
        behind,
        last: None,
        generation: Arc::default(),
        index_done: None,
        index_cache: Arc::default(),
        index_pool: match rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .start_handler(|_| yield_to_rebuilds())
            .build()
        {
            Ok(pool) => Arc::new(pool),
            Err(e) => {
                say("serve-no-thread", &reason(&e));
                return ExitCode::from(1);
            }
        },
    };
    let (_watcher, rx, root) = match session.watcher() {
        Ok(w) => w,
        Err(e) => {
            say("serve-no-watch", &reason(&e));
            return ExitCode::from(1);
        }
    };
    session.first_build(&state);
    http::start_workers(server, &state);
    say("serve-serving", &Args::new().text("url", base_url.clone()));
    if args.open {
        open_browser(&base_url, lang);
    }
    session.watch(&state, &rx, &root)
}

/// A search index made on another thread for the rebuild with this generation number: the
/// serve loop's one message besides file events.
struct IndexDone {
    generation: u64,
    files: Vec<(String, Vec<u8>)>,
}

type Receiver = std::sync::mpsc::Receiver<watch::Message<IndexDone>>;

/// What the server keeps between rebuilds.
struct Session {
    opts: Options,
    cache: Cache,
    folder: Arc<Folder>,
    /// Writes what rebuilds change into `folder`, while it is served from memory.
    behind: Behind,
    /// The last good rebuild, whose search index may still be in the making.
    last: Option<Arc<pipeline::Built>>,
    /// Counts rebuilds, so an index made for an older one is dropped; the index thread
    /// reads it too.
    generation: Arc<AtomicU64>,
    /// Where a finished search index is sent, into the serve loop's own queue.
    index_done: Option<std::sync::mpsc::Sender<watch::Message<IndexDone>>>,
    /// What one search index lends the next, so an edit redoes only what it touched.
    index_cache: Arc<Mutex<crate::render::search::IndexCache>>,
    /// One thread for making search indexes beside the rebuilds.
    index_pool: Arc<rayon::ThreadPool>,
}

impl Session {
    fn first_build(&mut self, state: &State) {
        let started = Instant::now();
        let folder = &self.folder;
        // The search index follows on its own thread, as after every rebuild, so the preview
        // is up sooner and the index's cache is warm for the first edit.
        let opts = Options {
            defer_search: true,
            ..self.opts.clone()
        };
        match pipeline::build(&opts, &mut self.cache, None, &|page| {
            folder.put(&page.path, &page.bytes)
        }) {
            Ok(built) => {
                self.publish(state, &built, Vec::new(), Vec::new());
                let args = messages::Args::new()
                    .text(
                        "stories",
                        crate::commands::count(
                            lang_of(&built),
                            "stories",
                            built.site.stories.len(),
                        ),
                    )
                    .number("pages", built.written)
                    .decimal(
                        "seconds",
                        started.elapsed().as_secs_f64(),
                        2,
                        lang_of(&built),
                    );
                eprintln!("{}", messages::text(lang_of(&built), "serve-built", &args));
                self.start_index(built);
            }
            Err(errs) => {
                let lang = self.lang();
                let palette = crate::diagnostic::Palette::for_stderr();
                eprintln!("{}\n", errs.render(&self.opts.root, &palette, lang));
                let args = messages::Args::new().number("n", errs.len());
                eprintln!("{}", messages::text(lang, "serve-has-errors", &args));
                self.show_errors(state, &errs);
            }
        }
    }

    /// Start watching the site folder; done before the first request is answered, so no
    /// edit made after the preview is up can be missed.
    fn watcher(&mut self) -> Result<(notify::RecommendedWatcher, Receiver, PathBuf), String> {
        let root = std::fs::canonicalize(&self.opts.root)
            .map_err(|e| format!("{}: {e}", self.opts.root.display()))?;
        let (tx, rx) = std::sync::mpsc::channel();
        let files = tx.clone();
        self.index_done = Some(tx);
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = files.send(watch::Message::File(event));
        })
        .map_err(|e| format!("{}: {e}", root.display()))?;
        watcher
            .watch(&root, notify::RecursiveMode::Recursive)
            .map_err(|e| format!("{}: {e}", root.display()))?;
        Ok((watcher, rx, root))
    }

    fn watch(&mut self, state: &State, rx: &Receiver, root: &std::path::Path) -> ExitCode {
        let ignored = vec![root.join("public"), root.join("target"), root.join(".git")];
        while let Some(next) = watch::next_batch(rx, root, &ignored) {
            match next {
                watch::Next::Rebuild(changed) => self.rebuild(state, &changed),
                watch::Next::Other(index)
                    if index.generation == self.generation.load(Ordering::Relaxed) =>
                {
                    self.update_search(state, index.files)
                }
                watch::Next::Other(_) => {}
            }
        }
        ExitCode::SUCCESS
    }

    /// Rebuild after `changed`; pages are written only when the whole rebuild succeeded.
    fn rebuild(&mut self, state: &State, changed: &BTreeSet<PathBuf>) {
        let started = Instant::now();
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        let pending = Pending::default();
        let opts = Options {
            defer_search: true,
            ..self.opts.clone()
        };
        match pipeline::build(&opts, &mut self.cache, Some(changed), &|page| {
            pending.hold(page)
        }) {
            Ok(mut built) => {
                let pages = pending.take();
                let written = pages.len();
                let gone = std::mem::take(&mut built.gone);
                let publishing = Instant::now();
                self.publish(state, &built, pages, gone);
                if crate::timings::wanted() {
                    let ms = publishing.elapsed().as_secs_f64() * 1000.0;
                    eprintln!("plein: {:<10} {ms:>8.1} ms", "publish");
                }
                // Pages that show errors reload whole, whatever changed.
                let message = if watch::only_css(changed) && !state.hub.shows_errors() {
                    Message::Css
                } else {
                    Message::Reload
                };
                state.hub.send(&message);
                let args = messages::Args::new()
                    .text("names", names.join(", "))
                    .number("pages", written)
                    .text("milliseconds", started.elapsed().as_millis().to_string());
                eprintln!(
                    "{}",
                    messages::text(lang_of(&built), "serve-changed", &args)
                );
                self.start_index(built);
            }
            Err(errs) => {
                let lang = self.lang();
                let palette = crate::diagnostic::Palette::for_stderr();
                eprintln!("{}\n", errs.render(&self.opts.root, &palette, lang));
                let args = messages::Args::new()
                    .text("names", names.join(", "))
                    .text("errors", crate::commands::count(lang, "errors", errs.len()))
                    .text("served", if self.last.is_some() { "yes" } else { "no" });
                eprintln!("{}", messages::text(lang, "serve-changed-errors", &args));
                self.show_errors(state, &errs);
            }
        }
    }

    /// The site's language as plein.yaml now says, for what serve tells the editor.
    fn lang(&self) -> Lang {
        Config::load(&self.opts.root, None, &mut Diagnostics::default()).lang
    }

    /// Show `errs` on open pages, and on every page while the site has never built.
    fn show_errors(&self, state: &State, errs: &Diagnostics) {
        let lang = self.lang();
        *state.lang.write().expect("lang lock") = lang;
        let served = self.last.is_some();
        let html = overlay::html(errs, lang, served);
        if !served {
            let page = overlay::page(&html, lang, state.hub.build());
            *state.broken.write().expect("broken lock") = Some(Arc::from(page));
        }
        state.hub.send(&Message::Errors(html));
    }

    /// Make the search index for `built` on another thread, so the next edit does not wait
    /// for it; the serve loop applies it when it is done, if no newer rebuild came first.
    fn start_index(&mut self, built: pipeline::Built) {
        let generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        let built = Arc::new(built);
        self.last = Some(Arc::clone(&built));
        let Some(done) = self.index_done.clone() else {
            return;
        };
        // On a pool of its own: sharing rayon's global pool, the index's many tasks would
        // queue ahead of the next rebuild's and hold it back for as long as the index takes.
        let pool = Arc::clone(&self.index_pool);
        let cache = Arc::clone(&self.index_cache);
        let latest = Arc::clone(&self.generation);
        pool.spawn(move || {
            // An index for a newer rebuild waits here until this one is done with the cache;
            // one that a newer rebuild overtook while it waited is not made at all.
            let mut cache = cache.lock().expect("no panics while holding the lock");
            if latest.load(Ordering::Relaxed) != generation {
                return;
            }
            let files = crate::render::search::index_with(&built.site, &mut cache);
            drop(cache);
            let _ = done.send(watch::Message::Other(IndexDone { generation, files }));
        });
    }

    /// Write the search index files that changed and serve them.
    fn update_search(&mut self, state: &State, files: Vec<(String, Vec<u8>)>) {
        let Some(built) = self.last.clone() else {
            return;
        };
        let started = Instant::now();
        let pending = Pending::default();
        match pipeline::search_index(&built.site, files, &mut self.cache, &|file| {
            pending.hold(file)
        }) {
            Ok(gone) => {
                let files = pending.take();
                let (written, removed) = (files.len(), gone.len());
                self.publish(state, &built, files, gone);
                if written > 0 || removed > 0 {
                    let args = Args::new()
                        .number("n", written + removed)
                        .text("ms", started.elapsed().as_millis().to_string());
                    eprintln!(
                        "{}",
                        messages::text(self.lang(), "serve-search-index", &args)
                    );
                }
            }
            Err(errs) => eprintln!(
                "{}",
                errs.render(
                    &self.opts.root,
                    &crate::diagnostic::Palette::for_stderr(),
                    self.lang()
                )
            ),
        }
    }

    /// Write a good build's changed files, remove the ones the site no longer has, and serve
    /// the result.
    fn publish(
        &self,
        state: &State,
        built: &pipeline::Built,
        files: Vec<Output>,
        gone: Vec<PathBuf>,
    ) {
        let pages = self.cache.pages.pages.len();
        let current = Arc::clone(&state.site.read().expect("site lock"));
        let still_serves = current.still_serves(pages, &files, &gone, built);
        // Served from memory at once; in the folder when the disk has caught up.
        self.behind.publish(files, &gone, http::url_key);
        *state.lang.write().expect("lang lock") = built.site.config.lang;
        *state.broken.write().expect("broken lock") = None;
        if still_serves {
            return;
        }
        let snapshot = Snapshot::of(
            self.cache.pages.pages.keys().map(PathBuf::from),
            self.folder.path(),
            built,
            &self.opts.root,
        );
        *state.site.write().expect("site lock") = Arc::new(snapshot);
    }
}

/// Files a rebuild hands over, held back until the whole rebuild has succeeded.
#[derive(Default)]
struct Pending(Mutex<Vec<Output>>);

impl Pending {
    fn hold(&self, file: Output) -> Result<(), crate::diagnostic::Diagnostic> {
        self.0
            .lock()
            .expect("no panics while holding the lock")
            .push(file);
        Ok(())
    }

    fn take(self) -> Vec<Output> {
        self.0
            .into_inner()
            .expect("no panics while holding the lock")
    }
}

/// Give the calling thread the lowest scheduling priority, so that while it makes a search
/// index, the next rebuild gets the processor as if the index were not running.
fn yield_to_rebuilds() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
    }
}

/// Ask the desktop to open `url`; a machine without one gets a hint instead.
fn open_browser(url: &str, lang: Lang) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        let args = Args::new().text("url", url);
        eprintln!("{}", messages::text(lang, "serve-no-browser", &args));
    }
}
/// The language of a built site, for what serve says about it.
fn lang_of(built: &pipeline::Built) -> Lang {
    built.site.config.lang
}
