//! The dev server's HTTP side: only files of the last good build are served, from memory.
//!
//! A request path is decoded and looked up in the built site's file table; nothing is ever
//! joined onto a folder on disk, so `..`, encoded dots or slashes and backslashes cannot reach
//! anything else. Only requests for this machine by address or as `localhost` are answered,
//! so a web page cannot read the preview through a name it points here (DNS rebinding).

use std::collections::HashMap;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;

use crate::pipeline::Built;

/// The script every HTML page gets in serve mode, with the number of the build it shows.
pub fn reload_script(build: u64) -> String {
    format!("<script src=\"/__plein/reload.js\" data-build=\"{build}\"></script>")
}
pub const RELOAD_JS: &str = include_str!("reload.js");

/// One served file: a rendered page in the server's folder, or a file of the site copied as is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body(pub PathBuf);

/// The site as served: URL path (no leading slash) to file. Only these files are ever read.
#[derive(Clone, Default)]
pub struct Snapshot {
    pub files: HashMap<String, Body>,
    /// The build's copied files and how many pages it had, to tell whether the next build
    /// serves the same set of files.
    copies: Vec<crate::load::Asset>,
    pages: usize,
}

impl Snapshot {
    /// The served form of a build: its pages in `dir`, its copies read from the site at `root`.
    pub fn of(
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
    pub fn still_serves(
        &self,
        pages: usize,
        written: &[crate::render::Output],
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
    pub fn lookup(&self, raw_url: &str) -> Lookup {
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

pub enum Lookup {
    Found(String, Body),
    Redirect(String),
    NotFound(Option<Body>),
    BadRequest,
}

fn url_key(path: &std::path::Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// An HTML page of build `build` with the live reload script before `</body>`.
pub fn inject(html: &[u8], build: u64) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let script = reload_script(build);
    match text.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

/// Whether a request may be answered, by the host it names.
#[derive(Debug, PartialEq, Eq)]
pub enum Host {
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
pub fn check_host(hosts: &[&str], url: &str, http_1_0: bool) -> Host {
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
pub fn clean_path(raw_url: &str) -> Option<String> {
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
pub fn content_type(path: &str) -> &'static str {
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
