//! The built site as the bucket should hold it: every file with its key, content type,
//! cache policy, upload phase and the MD5 of the bytes that are stored.
//!
//! Knows nothing of the network; reads the output folder only.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// What a file is, by its name: decides its content type, cache policy and upload phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Html,
    Css,
    Js,
    /// Search index parts and other JSON.
    Json,
    /// The search index's manifest, which names the parts: written after them.
    SearchManifest,
    Atom,
    Xml,
    Calendar,
    Text,
    Svg,
    Jpeg,
    Png,
    Webp,
    Avif,
    Gif,
    Icon,
    Woff2,
    Woff,
    Pdf,
    Other,
}

/// The order of uploads, so a reader never meets a page whose parts are not there yet:
/// pictures and assets, then pages that use them, then the lists that point at pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Phase {
    Assets,
    Pages,
    SearchParts,
    Lists,
}

impl Phase {
    pub(crate) const ALL: [Phase; 4] = [
        Phase::Assets,
        Phase::Pages,
        Phase::SearchParts,
        Phase::Lists,
    ];
}

impl Kind {
    /// The kind of the file at `key` (a `/`-separated path), whose bytes start with `head`.
    pub(crate) fn of(key: &str, head: &[u8]) -> Kind {
        let name = key.rsplit('/').next().unwrap_or(key);
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" => Kind::Html,
            "css" => Kind::Css,
            "js" | "mjs" => Kind::Js,
            "json" if name == "manifest.json" => Kind::SearchManifest,
            "json" => Kind::Json,
            "xml" if is_atom(head) => Kind::Atom,
            "xml" => Kind::Xml,
            "ics" => Kind::Calendar,
            "txt" => Kind::Text,
            "svg" => Kind::Svg,
            "jpg" | "jpeg" => Kind::Jpeg,
            "png" => Kind::Png,
            "webp" => Kind::Webp,
            "avif" => Kind::Avif,
            "gif" => Kind::Gif,
            "ico" => Kind::Icon,
            "woff2" => Kind::Woff2,
            "woff" => Kind::Woff,
            "pdf" => Kind::Pdf,
            _ => Kind::Other,
        }
    }

    /// The `Content-Type`, with the character set for text.
    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Kind::Html => "text/html; charset=utf-8",
            Kind::Css => "text/css; charset=utf-8",
            Kind::Js => "text/javascript; charset=utf-8",
            Kind::Json | Kind::SearchManifest => "application/json; charset=utf-8",
            Kind::Atom => "application/atom+xml; charset=utf-8",
            Kind::Xml => "application/xml; charset=utf-8",
            Kind::Calendar => "text/calendar; charset=utf-8",
            Kind::Text => "text/plain; charset=utf-8",
            Kind::Svg => "image/svg+xml; charset=utf-8",
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::Webp => "image/webp",
            Kind::Avif => "image/avif",
            Kind::Gif => "image/gif",
            Kind::Icon => "image/x-icon",
            Kind::Woff2 => "font/woff2",
            Kind::Woff => "font/woff",
            Kind::Pdf => "application/pdf",
            Kind::Other => "application/octet-stream",
        }
    }

    /// Text compresses well; pictures and fonts are compressed already.
    pub(crate) fn is_text(self) -> bool {
        self.content_type().contains("charset")
    }

    pub(crate) fn phase(self) -> Phase {
        match self {
            Kind::Html => Phase::Pages,
            Kind::Json => Phase::SearchParts,
            Kind::SearchManifest | Kind::Atom | Kind::Xml | Kind::Calendar | Kind::Text => {
                Phase::Lists
            }
            _ => Phase::Assets,
        }
    }

    /// The `Cache-Control`: a year and `immutable` only where the name changes with the
    /// content; five minutes for what changes under the same name with every new story
    /// (pages, feeds, the search index, the theme's style sheet and script); an hour for
    /// pictures and other files.
    pub(crate) fn cache_control(self, key: &str) -> &'static str {
        const YEAR: &str = "public, max-age=31536000, immutable";
        const SHORT: &str = "public, max-age=300";
        const HOUR: &str = "public, max-age=3600";
        match self {
            Kind::Html | Kind::Json | Kind::SearchManifest | Kind::Atom | Kind::Xml => SHORT,
            Kind::Calendar | Kind::Text => SHORT,
            _ if is_fingerprinted(key) => YEAR,
            Kind::Css | Kind::Js => SHORT,
            _ => HOUR,
        }
    }
}

fn is_atom(head: &[u8]) -> bool {
    let head = &head[..head.len().min(512)];
    head.windows(5).any(|w| w == b"<feed")
}

/// Whether the file name carries a hash of its content, such as `style.3f2a9c1d.css` or
/// `tafel-800w-3f2a9c1d7e.jpg`: a part of at least 8 hex digits with both a letter and a
/// digit, between `.` or `-` and the extension. plein's own theme writes no such names
/// today, so its files are never cached as immutable; a theme or picture pipeline that adds
/// hashes gets the long cache without a change here.
pub(crate) fn is_fingerprinted(key: &str) -> bool {
    let name = key.rsplit('/').next().unwrap_or(key);
    let Some((stem, _ext)) = name.rsplit_once('.') else {
        return false;
    };
    let part = stem.rsplit(['.', '-']).next().unwrap_or("");
    part.len() >= 8
        && part.len() < stem.len()
        && part.chars().all(|c| c.is_ascii_hexdigit())
        && part.chars().any(|c| c.is_ascii_digit())
        && part.chars().any(|c| c.is_ascii_alphabetic())
}

/// One file of the built site.
#[derive(Debug, Clone)]
pub(crate) struct LocalFile {
    /// The path below the output folder, with `/`: the key below the target's prefix.
    pub key: String,
    pub path: PathBuf,
    pub kind: Kind,
    /// Stored gzip-compressed (`Content-Encoding: gzip`).
    pub gzip: bool,
    /// The size of the stored bytes.
    pub size: u64,
    /// The MD5 of the stored bytes, which S3 gives as the ETag.
    pub md5: [u8; 16],
}

impl LocalFile {
    /// The bytes to store: the file, gzip-compressed when asked.
    pub(crate) fn body(&self) -> std::io::Result<Vec<u8>> {
        let bytes = std::fs::read(&self.path)?;
        if self.gzip { gzip(&bytes) } else { Ok(bytes) }
    }
}

/// The marker plein build leaves in its output; not part of the site.
const MARKER: &str = ".plein-output";

/// Every file under `dir`, hashed in parallel; `gzip` compresses text files.
pub(crate) fn read(dir: &Path, gzip_text: bool) -> std::io::Result<Vec<LocalFile>> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_file() {
            paths.push(entry.into_path());
        }
    }
    let mut files: Vec<LocalFile> = paths
        .into_par_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(dir).ok()?;
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (key != MARKER).then_some((key, path))
        })
        .map(|(key, path)| hash(key, path, gzip_text))
        .collect::<std::io::Result<_>>()?;
    files.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(files)
}

fn hash(key: String, path: PathBuf, gzip_text: bool) -> std::io::Result<LocalFile> {
    let bytes = std::fs::read(&path)?;
    let kind = Kind::of(&key, &bytes);
    let gzip_it = gzip_text && kind.is_text();
    let stored = if gzip_it { gzip(&bytes)? } else { bytes };
    Ok(LocalFile {
        md5: md5::compute(&stored).0,
        size: stored.len() as u64,
        key,
        path,
        kind,
        gzip: gzip_it,
    })
}

/// `bytes` gzip-compressed, the same bytes every time (no name, no time in the header), so
/// an unchanged file keeps its MD5 and is not uploaded again.
fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes)?;
    enc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_caches() {
        let html = Kind::of("verhalen/tafel/index.html", b"<!doctype html>");
        assert_eq!(html.content_type(), "text/html; charset=utf-8");
        assert_eq!(html.cache_control("index.html"), "public, max-age=300");
        assert_eq!(html.phase(), Phase::Pages);
        let feed = Kind::of("feed.xml", b"<?xml version=\"1.0\"?>\n<feed xmlns=");
        assert_eq!(feed, Kind::Atom);
        assert_eq!(Kind::of("sitemap.xml", b"<?xml?><urlset"), Kind::Xml);
        assert_eq!(
            Kind::of("zoeken/index/manifest.json", b"{"),
            Kind::SearchManifest
        );
        assert_eq!(
            Kind::of("zoeken/index/c/ta.json", b"{").phase(),
            Phase::SearchParts
        );
        let jpg = Kind::of("verhalen/tafel/tafel-480w.jpg", b"");
        assert_eq!(
            jpg.cache_control("verhalen/tafel/tafel-480w.jpg"),
            "public, max-age=3600"
        );
        assert!(!jpg.is_text());
        assert_eq!(Kind::Css.cache_control("style.css"), "public, max-age=300");
        assert_eq!(
            Kind::Css.cache_control("style.3f2a9c1d.css"),
            "public, max-age=31536000, immutable"
        );
    }

    #[test]
    fn fingerprints_are_hashes_in_names() {
        assert!(is_fingerprinted("assets/app.3f2a9c1d.js"));
        assert!(is_fingerprinted("verhalen/x/tafel-800w-0a1b2c3d4e.jpg"));
        assert!(!is_fingerprinted("style.css"));
        assert!(!is_fingerprinted("verhalen/x/tafel-1200w.jpg"));
        assert!(!is_fingerprinted("2022-07-18.jpg"), "digits only: a date");
        assert!(
            !is_fingerprinted("deadbeefcafe.png"),
            "the whole name is no hash"
        );
        assert!(!is_fingerprinted("agenda/20221018.ics"));
    }

    #[test]
    fn gzip_is_the_same_every_time() {
        let text = "<p>Buurtverhalen</p>".repeat(100);
        let a = gzip(text.as_bytes()).expect("gzip");
        let b = gzip(text.as_bytes()).expect("gzip");
        assert_eq!(a, b);
        assert!(a.len() < text.len() / 4);
    }
}
