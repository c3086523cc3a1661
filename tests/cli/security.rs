//! Front matter cannot put script on a page: every URL it gives is checked when the file is
//! read, by the rules of the raw-HTML cleaner (issue 14).

use crate::support::*;

/// Spellings of a URL that runs script or loads a document of its own, as YAML double-quoted
/// strings: browsers skip leading spaces and control characters, drop tabs and line breaks,
/// ignore case, and read character references in attributes.
const SCRIPT_URLS: &[&str] = &[
    r#""javascript:alert(1)""#,
    r#""JaVaScRiPt:alert(1)""#,
    r#"" javascript:alert(1)""#,
    r#""\tjavascript:alert(1)""#,
    r#""java\tscript:alert(1)""#,
    r#""java\nscript:alert(1)""#,
    r#""\x01javascript:alert(1)""#,
    r#""\x7Fjavascript:alert(1)""#,
    r#""\u0085javascript:alert(1)""#,
    r#""javascript&colon;alert(1)""#,
    r#""&#106;avascript:alert(1)""#,
    r#""javascript&#x3A;alert(1)""#,
    r#""data:text/html,<script>alert(1)</script>""#,
    r#""vbscript:msgbox(1)""#,
    r#""file:///etc/passwd""#,
    // Relative as written, `javascript:` once trimmed: no-break space, line separator.
    r#""\u00A0javascript:alert(1)""#,
    r#""\u2028javascript:alert(1)""#,
];

/// One content file per front matter URL field, each with `url` in it; the line that holds it.
fn files_with(url: &str) -> Vec<(String, String, u32)> {
    vec![
        (
            "content/stories/bron.md".into(),
            format!(
                "---\ntitle: Bron\ndate: 2024-05-03\nsource:\n  name: Buurtwijs\n  url: {url}\n---\nTekst.\n"
            ),
            6,
        ),
        (
            "content/stories/bron-kort.md".into(),
            format!(
                "---\ntitle: Bron kort\ndate: 2024-05-03\nsource: {{ name: Buurtwijs, url: {url} }}\n---\nTekst.\n"
            ),
            4,
        ),
        (
            "content/events/aanmelden.md".into(),
            format!(
                "---\ntitle: Maaltijd\nstart: 2024-06-08T18:00\nregistration:\n  - label: Online\n    url: https://example.org/\n  - label: Aanmelden\n    url: {url}\n---\nSamen eten.\n"
            ),
            8,
        ),
        (
            "content/stories/foto.md".into(),
            format!(
                "---\ntitle: Foto\ndate: 2024-05-03\nimage: {url}\nimage_alt: Een muur\n---\nTekst.\n"
            ),
            4,
        ),
        (
            "content/people/ria.md".into(),
            format!("---\ntitle: Ria\nimage: {url}\nimage_alt: Ria lacht\n---\nBio.\n"),
            3,
        ),
        (
            "content/neighbourhoods/zuilenstein.md".into(),
            format!("---\ntitle: Zuilenstein\nimage: {url}\nimage_alt: De flat\n---\nWijk.\n"),
            3,
        ),
    ]
}

/// `plein check --format json` of the minimal site with `files` added: (file, line, code, message).
fn problems(site: &Site) -> Vec<(String, u64, String, String)> {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(["check", "--format", "json", "--root"])
        .arg(site.root())
        .output()
        .expect("run plein check");
    let all: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON on stdout");
    let root = format!("{}/", site.root().display());
    all.as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["file"].as_str().unwrap_or("").replace(&root, ""),
                d["line"].as_u64().unwrap_or(0),
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn script_urls_in_front_matter_are_errors_at_their_line() {
    for url in SCRIPT_URLS {
        let site = Site::copy("minimal");
        let files = files_with(url);
        for (path, text, _) in &files {
            site.write(path, text);
        }
        let found = problems(&site);
        for (path, _, line) in &files {
            let here: Vec<_> = found.iter().filter(|p| &p.0 == path).collect();
            assert!(
                here.len() == 1 && here[0].1 == u64::from(*line) && here[0].2 == "unsafe-url",
                "{url} in {path}: expected one unsafe-url at line {line}, got {here:?}"
            );
        }
        site.plein(&["build"]).fails(1);
        assert!(!site.public().exists(), "{url}: a failed build wrote pages");
    }
}

#[test]
fn pictures_take_no_mailto_or_tel() {
    let site = Site::copy("minimal");
    site.write(
        "content/people/ria.md",
        "---\ntitle: Ria\nimage: \"mailto:ria@koetshuis.nl\"\nimage_alt: Ria\n---\nBio.\n",
    );
    let found = problems(&site);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].1, found[0].2.as_str()), (3, "unsafe-url"));
    assert!(found[0].3.contains("geen plek voor een foto"), "{found:?}");
}

#[test]
fn the_message_is_in_the_site_language() {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/bron.md",
        "---\ntitle: Bron\ndate: 2024-05-03\nsource: { name: Buurtwijs, url: \"javascript:alert(1)\" }\n---\nTekst.\n",
    );
    let dutch = site.plein(&["build"]);
    dutch.fails(1);
    assert!(
        dutch.stderr.contains(
            "content/stories/bron.md:4:33: fout: source.url: `javascript:alert(1)` is geen webadres waar een link naartoe mag: schrijf een adres dat begint met https://"
        ),
        "{}",
        dutch.stderr
    );
    site.write("plein.yaml", "language: en\n");
    let english = site.plein(&["build"]);
    english.fails(1);
    assert!(
        english.stderr.contains(
            "content/stories/bron.md:4:33: error: source.url: `javascript:alert(1)` is not a web address a link may go to: write one that starts with https://"
        ),
        "{}",
        english.stderr
    );
}

#[test]
fn ordinary_urls_are_kept() {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/bron.md",
        "---\ntitle: Bron\ndate: 2024-05-03\nsource: { name: Buurtwijs, url: \" https://www.buurtwijs.nl/a?b=1&c=2 \" }\nevents: [maaltijd]\n---\nTekst.\n",
    );
    site.write(
        "content/events/maaltijd.md",
        "---\ntitle: Maaltijd\nstart: 2027-06-08T18:00\nregistration:\n  - { label: Mail, url: \"mailto:ria@koetshuis.nl\" }\n  - { label: Bel, url: \"tel:+31301234567\" }\n  - { label: Hier, url: /aanmelden/ }\n---\nSamen eten.\n",
    );
    site.plein(&["build"]).ok();
    let story = site.page("verhalen/bron/index.html");
    assert!(
        story.contains(r#"href="https://www.buurtwijs.nl/a?b=1&amp;c=2""#),
        "{story}"
    );
    for href in ["mailto:ria@koetshuis.nl", "tel:+31301234567", "/aanmelden/"] {
        assert!(story.contains(&format!("href=\"{href}\"")), "{href}");
        let event = site.page("agenda/maaltijd/index.html");
        assert!(event.contains(&format!("href=\"{href}\"")), "{href}");
    }
}
