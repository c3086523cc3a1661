//! Every internal link of a built site leads to a file of that site, whatever path it is
//! published under: a checker that reads every HTML and XML file of an output folder, and the
//! example site (the repository's own `plein.yaml`, `content/` and `themes/`) run through it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::support::*;

/// The host of the example site's `base_url`.
const HOST: &str = "buurtverhalen-nieuwegein.nl";

/// Every link in the output folder `public`, built for `base_url`, that stays on the site but
/// names no file of it: `file: link` per broken link. Links are `href`, `src` and every
/// `srcset` entry of every tag in every HTML and XML file; a link stays on the site when it is
/// relative, root-relative or absolute with the site's host. A root-relative link outside the
/// site's path (`/x` on a site under `/buurt/`) is broken too: it leaves the site, which an
/// absolute link to another path of the same host may do on purpose.
pub fn broken_links(public: &Path, base_url: &str) -> Vec<String> {
    let (host, prefix) = split_base(base_url);
    let files: BTreeSet<PathBuf> = tree(public).into_keys().collect();
    let mut broken = Vec::new();
    for page in &files {
        let is_markup = page.extension().is_some_and(|e| e == "html" || e == "xml");
        if !is_markup {
            continue;
        }
        let text = std::fs::read_to_string(public.join(page)).unwrap();
        for link in link_values(&text) {
            let Some(path) = site_path(&link, page, &host, &prefix) else {
                continue;
            };
            let found = match path {
                Ok(rel) => resolves(&files, &rel),
                Err(()) => false,
            };
            if !found {
                broken.push(format!("{}: {link}", page.display()));
            }
        }
    }
    broken
}

/// `https://host/a/b/` -> (`host`, `/a/b`).
fn split_base(base_url: &str) -> (String, String) {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    (host.to_string(), path.trim_end_matches('/').to_string())
}

/// Whether the output-relative path `rel` (`""` or ending in `/` for a folder) is a file, or a
/// folder with an `index.html`.
fn resolves(files: &BTreeSet<PathBuf>, rel: &str) -> bool {
    if rel.is_empty() || rel.ends_with('/') {
        files.contains(Path::new(&format!("{rel}index.html")))
    } else {
        files.contains(Path::new(rel))
    }
}

/// Where `link` on the output file `page` leads inside the output: `None` for a link off the
/// site (another host, `mailto:`, a fragment), `Err` for a link that leaves the site's path.
fn site_path(link: &str, page: &Path, host: &str, prefix: &str) -> Option<Result<String, ()>> {
    let link = link.trim();
    let path = link.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() {
        return None;
    }
    let absolute = if let Some(rest) = path.strip_prefix("//").or_else(|| {
        path.strip_prefix("https://")
            .or_else(|| path.strip_prefix("http://"))
    }) {
        let (h, p) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let p = if p.is_empty() { "/" } else { p };
        let in_site = p
            .strip_prefix(prefix)
            .is_some_and(|r| r.is_empty() || r.starts_with('/'));
        if !h.eq_ignore_ascii_case(host) || !in_site {
            return None; // another site, perhaps on the same host
        }
        p.to_string()
    } else if path.find(':').is_some_and(|c| !path[..c].contains('/')) {
        return None; // mailto:, tel:, data: and other schemes
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        let dir = page.parent().unwrap_or(Path::new(""));
        let mut joined = format!("{prefix}/{}", dir.to_string_lossy());
        if !joined.ends_with('/') {
            joined.push('/');
        }
        joined.push_str(path);
        joined
    };
    let Some(normal) = normalise(&percent_decode(&absolute)) else {
        return Some(Err(()));
    };
    Some(match normal.strip_prefix(prefix) {
        Some(rest) if prefix.is_empty() || rest.is_empty() || rest.starts_with('/') => {
            Ok(rest.trim_start_matches('/').to_string())
        }
        _ => Err(()),
    })
}

/// `/a/./b/../c/` -> `/a/c/`; `None` when `..` climbs above the root.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "" | "." if i + 1 < segments.len() => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(format!("/{}", parts.join("/")))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The values of every `href`, `src` and `srcset` entry of every tag in `text`, entities
/// decoded. Comments are skipped, and so is the text of `<script>` and `<style>`, which is not
/// markup.
pub fn link_values(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != ':' && c != '-')
            .unwrap_or(rest.len());
        if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        let (attrs, after) = attributes(&rest[name_len..]);
        rest = after;
        for (key, value) in attrs {
            match key.as_str() {
                "href" | "src" => out.push(value),
                "srcset" => out.extend(
                    value
                        .split(',')
                        .filter_map(|entry| entry.split_whitespace().next())
                        .map(str::to_string),
                ),
                _ => {}
            }
        }
        if name == "script" || name == "style" {
            let end = format!("</{name}");
            rest = rest
                .to_ascii_lowercase()
                .find(&end)
                .map_or("", |e| &rest[e..]);
        }
    }
    out
}

/// The attributes of a tag, from just after its name, and the text after the tag.
fn attributes(mut s: &str) -> (Vec<(String, String)>, &str) {
    let mut attrs = Vec::new();
    loop {
        s = s.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if s.is_empty() {
            return (attrs, s);
        }
        if let Some(after) = s.strip_prefix('>') {
            return (attrs, after);
        }
        let key_len = s
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(s.len())
            .max(1);
        let key = s[..key_len].to_ascii_lowercase();
        s = s[key_len..].trim_start();
        let Some(after_eq) = s.strip_prefix('=') else {
            attrs.push((key, String::new()));
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, after) = match after_eq.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after_eq[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after_eq
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(after_eq.len());
                after_eq.split_at(end)
            }
        };
        attrs.push((key, decode_entities(value)));
        s = after;
    }
}

fn decode_entities(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn the_scanner_reads_attributes_as_a_browser_does() {
    let html = r#"<p>a < b</p><!-- <a href="/no"> --><img alt='x > y' src=/a.jpg srcset="/a-480w.jpg 480w, /a.jpg 1000w"><A HREF="/b/?x=1&amp;y=2#c">b</A><script>if (a<b) { x = "<a href='/js'>"; }</script><link rel=stylesheet href='/s.css'/>"#;
    assert_eq!(
        link_values(html),
        ["/a.jpg", "/a-480w.jpg", "/a.jpg", "/b/?x=1&y=2#c", "/s.css"]
    );
}

#[test]
fn the_checker_finds_what_a_browser_would_not() {
    let out = tempfile::tempdir().unwrap();
    let root = out.path();
    std::fs::create_dir_all(root.join("verhalen/x")).unwrap();
    std::fs::write(root.join("verhalen/x/foto.jpg"), "").unwrap();
    std::fs::write(root.join("index.html"), "").unwrap();
    let page = concat!(
        r#"<a href="/buurt/">home</a> <img src="foto.jpg" srcset="foto-480w.jpg 480w, foto.jpg 900w">"#,
        r#"<a href="../../verhalen/x/#top">self</a> <a href="/verhalen/x/">outside the site</a>"#,
        r#"<a href="https://buurtverhalen-nieuwegein.nl/buurt/aanmelden/">own host</a>"#,
        r#"<a href="https://example.org/aanmelden/">elsewhere</a> <a href="mailto:a@b.nl">mail</a>"#,
        r#"<a href="https://buurtverhalen-nieuwegein.nl/elders/">another site on the host</a>"#,
        r#"<a href="/buurt/verhalen/x">no slash</a>"#,
    );
    std::fs::write(root.join("verhalen/x/index.html"), page).unwrap();
    let broken = broken_links(root, "https://buurtverhalen-nieuwegein.nl/buurt/");
    assert_eq!(
        broken,
        [
            "verhalen/x/index.html: foto-480w.jpg",
            "verhalen/x/index.html: /verhalen/x/",
            "verhalen/x/index.html: https://buurtverhalen-nieuwegein.nl/buurt/aanmelden/",
            "verhalen/x/index.html: /buurt/verhalen/x",
        ]
    );
}

/// Build the example site for `base` (a path such as `/buurt/`) into a fresh folder.
fn build_example(base: &str) -> (tempfile::TempDir, PathBuf, String) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let base_url = format!("https://{HOST}{base}");
    let run = plein_in(
        &repo(),
        &[
            "build",
            "--output",
            public.to_str().unwrap(),
            "--base-url",
            &base_url,
        ],
    );
    run.ok();
    (out, public, base_url)
}

#[test]
fn every_internal_link_of_the_example_site_resolves_under_any_base_path() {
    let mut report = Vec::new();
    for base in ["/", "/buurt/", "/verhalen/", "/agenda/", "/a/b/"] {
        let (_out, public, base_url) = build_example(base);
        for link in broken_links(&public, &base_url) {
            report.push(format!("{base}: {link}"));
        }
    }
    assert!(report.is_empty(), "broken links:\n{}", report.join("\n"));
}

#[test]
fn the_example_sites_pictures_keep_their_sizes_under_a_base_path() {
    let (_out, public, _) = build_example("/verhalen/");
    let story =
        std::fs::read_to_string(public.join("verhalen/florijnflat-krijgt-kleur/index.html"))
            .unwrap();
    let body = &story[story.find("<body").expect("a body")..];
    let img = body
        .split("<img")
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or_default())
        .find(|t| t.contains("muurschildering"))
        .expect("the story's picture");
    assert!(
        img.contains(
            "srcset=\"/verhalen/verhalen/florijnflat-krijgt-kleur/muurschildering-480w.jpg 480w"
        ),
        "{img}"
    );
    assert!(img.contains(" width=\""), "{img}");
    let hood = std::fs::read_to_string(public.join("buurten/muntenbuurt/index.html")).unwrap();
    assert!(
        hood.contains("srcset=\"/verhalen/buurten/muntenbuurt-480w.jpg 480w"),
        "{hood}"
    );
}

#[test]
fn root_relative_links_in_markdown_stay_on_a_site_under_a_base_path() {
    let site = Site::copy("images");
    site.write(
        "content/stories/kaart.md",
        "---\ntitle: De kaart\ndate: 2024-06-02\n---\nZie [de tuin](/verhalen/de-tuin/) en de kaart:\n\n![De buurt op de kaart](/kaart.png)\n",
    );
    let kaart = site.root().join("static/kaart.png");
    std::fs::create_dir_all(kaart.parent().unwrap()).unwrap();
    image::RgbImage::new(40, 30).save(&kaart).unwrap();
    let base_url = "https://buurt.example.nl/buurt/";
    site.plein(&["build", "--base-url", base_url]).ok();
    let page = site.page("verhalen/kaart/index.html");
    assert!(
        page.contains(r#"href="/buurt/verhalen/de-tuin/""#),
        "{page}"
    );
    assert!(page.contains(r#"src="/buurt/kaart.png""#), "{page}");
    let broken = broken_links(&site.public(), base_url);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
