//! `plein serve`: build, watch, serve from memory with live reload and an error overlay.
//!
//! It reuses the pipeline exactly as `build` does; it never writes the site's output folder.
//! The last good build is kept in an `Arc` that request workers read and rebuilds replace.

pub mod http;
pub mod overlay;
pub mod reload;
pub mod watch;

use std::io::Read;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use notify::Watcher;

use crate::cli::ServeArgs;
use crate::pipeline::{self, Options};
use http::{Body, Lookup, Snapshot};
use reload::{Hub, Message};

/// Request workers; SSE connections do not hold one, so a few are plenty.
const WORKERS: usize = 8;
/// The largest request plein reads; a dev server gets no uploads.
const MAX_REQUEST_BYTES: usize = 64 * 1024;

struct State {
    site: RwLock<Arc<Snapshot>>,
    hub: Hub,
}

pub fn run(args: &ServeArgs) -> ExitCode {
    let Some((server, addr)) = bind(args.bind, args.port) else {
        eprintln!(
            "plein: cannot listen on {}:{} or the ports after it; choose another with --port",
            args.bind, args.port
        );
        return ExitCode::from(1);
    };
    if !args.bind.is_loopback() {
        eprintln!(
            "plein: warning: serving on {} makes the preview reachable from other machines",
            args.bind
        );
    }
    let base_url = format!("http://{addr}/");
    let mut opts = super::commands::options(&args.site, Some(base_url.clone()));
    let root = opts.root.clone();
    let started = Instant::now();
    let first = match pipeline::build(&opts) {
        Ok(built) => {
            eprintln!(
                "plein: built {} stories in {:.2} s",
                built.site.stories.len(),
                started.elapsed().as_secs_f64()
            );
            Snapshot::of(&built, &root)
        }
        Err(errs) => {
            eprintln!("{}\n", errs.render_plain(&root));
            eprintln!("plein: the site has errors; fix them and the page reloads by itself");
            let hub_state = overlay::html(&errs, &root);
            let state = Arc::new(State {
                site: RwLock::new(Arc::new(Snapshot::default())),
                hub: Hub::default(),
            });
            state.hub.send(&Message::Errors(hub_state));
            return serve_and_watch(server, state, &mut opts, &base_url);
        }
    };
    let state = Arc::new(State {
        site: RwLock::new(Arc::new(first)),
        hub: Hub::default(),
    });
    serve_and_watch(server, state, &mut opts, &base_url)
}

fn serve_and_watch(
    server: tiny_http::Server,
    state: Arc<State>,
    opts: &mut Options,
    base_url: &str,
) -> ExitCode {
    let server = Arc::new(server);
    for _ in 0..WORKERS {
        let (server, state) = (Arc::clone(&server), Arc::clone(&state));
        std::thread::spawn(move || {
            while let Ok(request) = server.recv() {
                respond(request, &state);
            }
        });
    }
    let beat = Arc::clone(&state);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(10));
            beat.hub.heartbeat();
        }
    });
    eprintln!("plein: serving at {base_url} (Ctrl-C to stop)");
    watch_loop(&state, opts)
}

/// Bind `port`, or the first free one of the next twenty, saying which.
fn bind(ip: IpAddr, port: u16) -> Option<(tiny_http::Server, SocketAddr)> {
    for p in port..port.saturating_add(20) {
        let addr = SocketAddr::new(ip, p);
        if let Ok(server) = tiny_http::Server::http(addr) {
            let actual = server.server_addr().to_ip().unwrap_or(addr);
            if p != port {
                eprintln!(
                    "plein: port {port} is taken; using {} instead",
                    actual.port()
                );
            }
            return Some((server, actual));
        }
    }
    None
}

fn watch_loop(state: &State, opts: &Options) -> ExitCode {
    let root = match std::fs::canonicalize(&opts.root) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("plein: cannot open {}: {e}", opts.root.display());
            return ExitCode::from(1);
        }
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("plein: cannot watch {}: {e}", root.display());
            return ExitCode::from(1);
        }
    };
    if let Err(e) = watcher.watch(&root, notify::RecursiveMode::Recursive) {
        eprintln!("plein: cannot watch {}: {e}", root.display());
        return ExitCode::from(1);
    }
    let ignored = vec![root.join("public"), root.join("target"), root.join(".git")];
    while let Some(changed) = watch::next_batch(&rx, &root, &ignored) {
        rebuild(state, opts, &changed);
    }
    ExitCode::SUCCESS
}

fn rebuild(state: &State, opts: &Options, changed: &std::collections::BTreeSet<PathBuf>) {
    let started = Instant::now();
    let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
    match pipeline::build(opts) {
        Ok(built) => {
            let snapshot = Snapshot::of(&built, &opts.root);
            *state.site.write().expect("site lock") = Arc::new(snapshot);
            let message = if watch::only_css(changed) {
                Message::Css
            } else {
                Message::Reload
            };
            state.hub.send(&message);
            eprintln!(
                "plein: {} changed; rebuilt in {} ms",
                names.join(", "),
                started.elapsed().as_millis()
            );
        }
        Err(errs) => {
            eprintln!("{}\n", errs.render_plain(&opts.root));
            eprintln!(
                "plein: {} changed; {} errors, still serving the last good site",
                names.join(", "),
                errs.len()
            );
            state
                .hub
                .send(&Message::Errors(overlay::html(&errs, &opts.root)));
        }
    }
}

fn respond(mut request: tiny_http::Request, state: &State) {
    let too_big = request.body_length().is_some_and(|n| n > MAX_REQUEST_BYTES)
        || request.url().len() > 8 * 1024;
    if too_big {
        let _ = request.respond(tiny_http::Response::empty(413));
        return;
    }
    let _ = request
        .as_reader()
        .take(MAX_REQUEST_BYTES as u64)
        .read_to_end(&mut Vec::new());
    let method = request.method().clone();
    if !matches!(method, tiny_http::Method::Get | tiny_http::Method::Head) {
        let _ = request
            .respond(tiny_http::Response::empty(405).with_header(header("Allow", "GET, HEAD")));
        return;
    }
    match request.url() {
        "/__plein/events" => {
            state.hub.join(request.into_writer());
            return;
        }
        "/__plein/reload.js" => {
            let response = tiny_http::Response::from_string(http::RELOAD_JS)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8"));
            let _ = request.respond(response);
            return;
        }
        _ => {}
    }
    let site = Arc::clone(&state.site.read().expect("site lock"));
    let response = match site.lookup(request.url()) {
        Lookup::Found(path, body) => body_response(&path, &body, 200),
        Lookup::Redirect(to) => tiny_http::Response::from_data(Vec::new())
            .with_status_code(301)
            .with_header(header("Location", &to)),
        Lookup::NotFound(Some(body)) => body_response("404.html", &body, 404),
        Lookup::NotFound(None) => {
            tiny_http::Response::from_data(b"Not found".to_vec()).with_status_code(404)
        }
        Lookup::BadRequest => {
            tiny_http::Response::from_data(b"Bad request".to_vec()).with_status_code(400)
        }
    };
    let _ = request.respond(response);
}

fn body_response(
    path: &str,
    body: &Body,
    status: u16,
) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let bytes = match body {
        Body::Bytes(b) => b.as_ref().clone(),
        Body::File(p) => match std::fs::read(p) {
            Ok(b) => b,
            Err(_) => {
                return tiny_http::Response::from_data(b"Not found".to_vec()).with_status_code(404);
            }
        },
    };
    tiny_http::Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", http::content_type(path)))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}
