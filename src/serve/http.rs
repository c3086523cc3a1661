//! The dev server's HTTP side: answering requests with the files of the last good build.
//!
//! A request path is decoded and looked up in the built site's file table; nothing is ever
//! joined onto a folder on disk, so `..`, encoded dots or slashes and backslashes cannot reach
//! anything else. Only requests for this machine by address or as `localhost` are answered,
//! so a web page cannot read the preview through a name it points here (DNS rebinding).

use std::collections::HashMap;
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::behind::Fresh;
use super::{SEND_TIMEOUT, State, overlay};
use crate::pipeline::Built;

/// The script every HTML page gets in serve mode, with the number of the build it shows.
pub(crate) fn reload_script(build: u64) -> String {
    format!("<script src=\"/__plein/reload.js\" data-build=\"{build}\"></script>")
}
pub(crate) const RELOAD_JS: &str = include_str!("reload.js");

/// One served file: a rendered page in the server's folder, or a file of the site copied as is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Body(pub PathBuf);

/// The site as served: URL path (no leading slash) to file. Only these files are ever read.
#[derive(Clone, Default)]
pub(crate) struct Snapshot {
    pub files: HashMap<String, Body>,
    /// The build's copied files and how many pages it had, to tell whether the next build
    /// serves the same set of files.
    copies: Vec<crate::load::Asset>,
    pages: usize,
}

impl Snapshot {
    /// The served form of a build: its pages in `dir`, its copies read from the site at `root`.
    pub(crate) fn of(
        pages: impl ExactSizeIterator<Item = PathBuf>,
        dir: &std::path::Path,
        built: &Built,
        root: &std::path::Path,
    ) -> Snapshot {
        let mut files = HashMap::with_capacity(pages.len() + built.copies.len());
        for c in &built.copies {
            files.insert(url_key(&c.target), Body(root.join(&c.source)));
        }
        let count = pages.len();
        for page in pages {
            files.insert(url_key(&page), Body(dir.join(&page)));
        }
        Snapshot {
            files,
            copies: built.copies.clone(),
            pages: count,
        }
    }

    /// Whether a build of `pages` pages that wrote `written` and removed `gone` serves the same
    /// files as this snapshot, which can then stay: pages are replaced in place on disk.
    pub(crate) fn still_serves(
        &self,
        pages: usize,
        written: &[crate::ground::output::Output],
        gone: &[PathBuf],
        built: &Built,
    ) -> bool {
        gone.is_empty()
            && self.pages == pages
            && self.copies == built.copies
            && written
                .iter()
                .all(|f| self.files.contains_key(&url_key(&f.path)))
    }

    /// The file for a request path, and whether it is the 404 page standing in.
    pub(crate) fn lookup(&self, raw_url: &str) -> Lookup {
        let Some(path) = clean_path(raw_url) else {
            return Lookup::BadRequest;
        };
        if let Some(body) = self.files.get(&path) {
            return Lookup::Found(path, body.clone());
        }
        let index = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            format!("{path}/index.html")
        };
        match self.files.get(&index) {
            Some(body) if path.is_empty() || path.ends_with('/') => {
                Lookup::Found(index, body.clone())
            }
            Some(_) => Lookup::Redirect(format!("/{path}/")),
            None => Lookup::NotFound(self.files.get("404.html").cloned()),
        }
    }
}

pub(crate) enum Lookup {
    Found(String, Body),
    Redirect(String),
    NotFound(Option<Body>),
    BadRequest,
}

/// The key a file of the site at `path` is served under: its URL path without the leading `/`.
pub(crate) fn url_key(path: &std::path::Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// An HTML page of build `build` with the live reload script before `</body>`.
pub(crate) fn inject(html: &[u8], build: u64) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let script = reload_script(build);
    match text.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

/// Whether a request may be answered, by the host it names.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Host {
    /// An address of this machine or `localhost`, or no name at all from an HTTP/1.0 client.
    Local,
    /// A name that anyone's DNS could point here: refused (403), as webpack's and Vite's
    /// dev servers do.
    Foreign,
    /// No `Host` on HTTP/1.1, or two of them: a bad request (400).
    Malformed,
}

/// Check the `Host` header values of a request and the authority of an absolute URL.
///
/// Browsers always send `Host`; a page that DNS rebinding brought here sends its own name.
/// IP literals and `localhost` cannot be rebound, so they are all the preview needs, also
/// when it listens on every address (`--bind 0.0.0.0`) and is reached by the machine's IP.
pub(crate) fn check_host(hosts: &[&str], url: &str, http_1_0: bool) -> Host {
    let named = match hosts {
        [] if http_1_0 => true,
        [host] => is_local(host.trim()),
        _ => return Host::Malformed,
    };
    let absolute = ["http://", "https://"].iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| url[scheme.len()..].split(['/', '?', '#']).next())
            .flatten()
    });
    if hosts.is_empty() && !http_1_0 {
        Host::Malformed
    } else if named && absolute.is_none_or(is_local) {
        Host::Local
    } else {
        Host::Foreign
    }
}

/// Whether `authority` (`host` or `host:port`) is an IP address or `localhost`.
fn is_local(authority: &str) -> bool {
    let port_ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = authority.strip_prefix('[') {
        return rest.split_once(']').is_some_and(|(ip, after)| {
            ip.parse::<Ipv6Addr>().is_ok()
                && (after.is_empty() || after.strip_prefix(':').is_some_and(port_ok))
        });
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if port_ok(port) => host,
        Some(_) => return false,
        None => authority,
    };
    host.eq_ignore_ascii_case("localhost") || host.parse::<Ipv4Addr>().is_ok()
}

/// The decoded path of a request URL without its leading slash, or `None` when it tries to
/// leave the site: `..` segments, backslashes, NUL bytes, or text that is not UTF-8.
pub(crate) fn clean_path(raw_url: &str) -> Option<String> {
    let mut url = raw_url;
    if let Some(rest) = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
    {
        url = rest.find('/').map_or("/", |i| &rest[i..]);
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let trimmed = decoded.trim_start_matches('/');
    if trimmed.split('/').any(|seg| seg == ".." || seg == ".") {
        return None;
    }
    Some(trimmed.to_string())
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file name.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Request workers; SSE connections do not hold one, so a few are plenty.
const WORKERS: usize = 8;
/// The largest request plein reads; a dev server gets no uploads.
const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// Answer requests on `server` with the site in `state`, on a few threads of their own.
pub(super) fn start_workers(server: tiny_http::Server, state: &Arc<State>) {
    let server = Arc::new(server);
    for _ in 0..WORKERS {
        let (server, state) = (Arc::clone(&server), Arc::clone(state));
        std::thread::spawn(move || {
            while let Ok(request) = server.recv() {
                respond(request, &state);
            }
        });
    }
    let beat = Arc::clone(state);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(10));
            beat.hub.heartbeat();
        }
    });
}

/// Bind `port`, or the first free one of the next twenty, saying which.
pub(super) fn bind(
    ip: IpAddr,
    port: u16,
    lang: crate::words::Lang,
) -> Option<(tiny_http::Server, SocketAddr)> {
    use crate::words::messages::{self, Args};
    for p in port..port.saturating_add(20) {
        let addr = SocketAddr::new(ip, p);
        let Ok(listener) = std::net::TcpListener::bind(addr) else {
            continue;
        };
        limit_sends(&listener, lang);
        if let Ok(server) = tiny_http::Server::from_listener(listener, None) {
            let actual = server.server_addr().to_ip().unwrap_or(addr);
            if p != port {
                let args = Args::new()
                    .text("port", port.to_string())
                    .text("actual", actual.port().to_string());
                eprintln!("{}", messages::text(lang, "serve-port-taken", &args));
            }
            return Some((server, actual));
        }
    }
    None
}

/// Make writes to every connection `listener` accepts give up after [`SEND_TIMEOUT`] without
/// progress. tiny_http accepts the connections itself; on Linux they take the timeout over
/// from the listening socket.
fn limit_sends(listener: &std::net::TcpListener, lang: crate::words::Lang) {
    #[cfg(target_os = "linux")]
    {
        use rustix::net::sockopt::{Timeout, set_socket_timeout};
        if let Err(e) = set_socket_timeout(listener, Timeout::Send, Some(SEND_TIMEOUT)) {
            let args = crate::words::messages::Args::new().text("reason", e.to_string());
            let said = crate::words::messages::text(lang, "serve-no-send-limit", &args);
            eprintln!("{said}");
        }
    }
}

/// Refuse a request for a name that is not this machine's; the request when it is not refused.
fn refuse_other_hosts(request: tiny_http::Request, state: &State) -> Option<tiny_http::Request> {
    let hosts: Vec<&str> = request
        .headers()
        .iter()
        .filter(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str())
        .collect();
    let http_1_0 = *request.http_version() == tiny_http::HTTPVersion(1, 0);
    let status = match check_host(&hosts, request.url(), http_1_0) {
        Host::Local => return Some(request),
        Host::Foreign => 403,
        Host::Malformed => 400,
    };
    let lang = *state.lang.read().expect("lang lock");
    let text = overlay::other_host(lang, &state.base_url);
    let response = tiny_http::Response::from_string(text)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Connection", "close"));
    let _ = request.respond(response);
    None
}

fn respond(request: tiny_http::Request, state: &State) {
    let Some(mut request) = refuse_other_hosts(request, state) else {
        return;
    };
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len() + 4)
        .sum();
    let refused = if request.url().len() > 8 * 1024 {
        Some(414)
    } else if header_bytes > 32 * 1024 {
        Some(431)
    } else if request.body_length().is_some_and(|n| n > MAX_REQUEST_BYTES) {
        Some(413)
    } else {
        None
    };
    if let Some(status) = refused {
        let response =
            tiny_http::Response::empty(status).with_header(header("Connection", "close"));
        let _ = request.respond(response);
        return;
    }
    let _ = request
        .as_reader()
        .take(MAX_REQUEST_BYTES as u64)
        .read_to_end(&mut Vec::new());
    if !matches!(
        request.method(),
        tiny_http::Method::Get | tiny_http::Method::Head
    ) {
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
            let response = tiny_http::Response::from_string(RELOAD_JS)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8"));
            let _ = request.respond(response);
            return;
        }
        _ => {}
    }
    let broken = state.broken.read().expect("broken lock").clone();
    if let Some(page) = broken {
        let response = errors_response(request.url(), &page);
        let _ = request.respond(response);
        return;
    }
    // Taken before the page is read: a page is never older than the number it carries, as
    // the number goes up only after a rebuild's pages are in place.
    let build = state.hub.build();
    let site = Arc::clone(&state.site.read().expect("site lock"));
    let response = match site.lookup(request.url()) {
        Lookup::Found(path, body) => file_response(&path, &body, 200, build, &state.fresh),
        Lookup::Redirect(to) => tiny_http::Response::from_data(Vec::new())
            .with_status_code(301)
            .with_header(header("Location", &to)),
        Lookup::NotFound(Some(body)) => file_response("404.html", &body, 404, build, &state.fresh),
        Lookup::NotFound(None) => {
            tiny_http::Response::from_data(b"Not found".to_vec()).with_status_code(404)
        }
        Lookup::BadRequest => {
            tiny_http::Response::from_data(b"Bad request".to_vec()).with_status_code(400)
        }
    };
    let _ = request.respond(response);
}

/// While the site has never built: the errors page for a page request (500: there is no page
/// to give), "Not found" for anything else.
fn errors_response(url: &str, page: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let is_page = clean_path(url).is_some_and(|path| {
        let last = path.rsplit('/').next().unwrap_or_default();
        last.is_empty() || last.ends_with(".html") || !last.contains('.')
    });
    if !is_page {
        return tiny_http::Response::from_data(b"Not found".to_vec()).with_status_code(404);
    }
    tiny_http::Response::from_data(page.as_bytes().to_vec())
        .with_status_code(500)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn file_response(
    path: &str,
    body: &Body,
    status: u16,
    build: u64,
    fresh: &Fresh,
) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    // A file a rebuild just made may not be in the folder yet.
    let bytes = match fresh.get(path) {
        Some(bytes) if path.ends_with(".html") => inject(&bytes, build),
        Some(bytes) => bytes.to_vec(),
        None => match std::fs::read(&body.0) {
            Ok(bytes) if path.ends_with(".html") => inject(&bytes, build),
            Ok(bytes) => bytes,
            Err(_) => {
                return tiny_http::Response::from_data(b"Not found".to_vec()).with_status_code(404);
            }
        },
    };
    tiny_http::Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type(path)))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_paths_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/..%2f..%2fetc",
            "/a\\..\\b",
            "/%00",
            "/%ff",
            "relative",
            "/%2",
        ] {
            assert_eq!(clean_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn ordinary_paths_are_decoded() {
        assert_eq!(
            clean_path("/verhalen/caf%C3%A9/?q=1").as_deref(),
            Some("verhalen/café/")
        );
        assert_eq!(
            clean_path("http://127.0.0.1:1111/style.css").as_deref(),
            Some("style.css")
        );
        assert_eq!(clean_path("/").as_deref(), Some(""));
    }

    #[test]
    fn lookup_finds_index_pages_and_redirects() {
        let mut snap = Snapshot::default();
        snap.files
            .insert("index.html".into(), Body(PathBuf::from("/d/index.html")));
        snap.files.insert(
            "verhalen/index.html".into(),
            Body(PathBuf::from("/d/verhalen/index.html")),
        );
        assert!(matches!(snap.lookup("/"), Lookup::Found(p, _) if p == "index.html"));
        assert!(matches!(snap.lookup("/verhalen"), Lookup::Redirect(u) if u == "/verhalen/"));
        assert!(matches!(snap.lookup("/nergens/"), Lookup::NotFound(None)));
    }

    #[test]
    fn only_local_hosts_pass() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:1111",
            "localhost",
            "LOCALHOST:1111",
            "[::1]",
            "[::1]:1111",
            "192.168.1.20",
            "0.0.0.0:1111",
            "[fe80::1]:80",
        ] {
            assert_eq!(check_host(&[host], "/", false), Host::Local, "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "127.0.0.1.",
            "127.0.0.1@evil.example",
            "::1",
            "[::1",
            "[::1]x",
            "[evil.example]",
            "localhost:http",
            "",
        ] {
            assert_eq!(check_host(&[host], "/", false), Host::Foreign, "{host}");
        }
    }

    #[test]
    fn missing_doubled_and_absolute_hosts() {
        assert_eq!(check_host(&[], "/", true), Host::Local);
        assert_eq!(check_host(&[], "/", false), Host::Malformed);
        assert_eq!(
            check_host(&["127.0.0.1", "evil.example"], "/", false),
            Host::Malformed
        );
        assert_eq!(
            check_host(&["127.0.0.1"], "http://evil.example/x", false),
            Host::Foreign
        );
        assert_eq!(check_host(&[], "HTTP://evil.example", true), Host::Foreign);
        assert_eq!(
            check_host(&["localhost"], "http://127.0.0.1:1111/x", false),
            Host::Local
        );
    }

    #[test]
    fn reload_script_goes_before_body_end() {
        assert_eq!(
            inject(b"<body>x</body>", 7),
            b"<body>x<script src=\"/__plein/reload.js\" data-build=\"7\"></script></body>"
        );
    }
}
