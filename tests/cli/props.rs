//! Property tests: arbitrary front matter and Markdown never panic, every problem has a
//! position, and rendered HTML is always properly nested.

use std::path::PathBuf;

use plein::config::RawHtml;
use plein::diagnostic::Diagnostics;
use plein::load::SourceFile;
use plein::parse::markdown::{self, LinkTarget};
use proptest::prelude::*;

/// Pieces Markdown is made of, raw HTML (hostile and broken) included.
const PIECES: &[&str] = &[
    "woord",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "# ",
    "## ",
    "### ",
    "> ",
    ">",
    "- ",
    "* ",
    "1. ",
    "2) ",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "`",
    "```",
    "~~~",
    "    ",
    "[",
    "]",
    "(",
    ")",
    "](a.md)",
    "](https://x.nl)",
    "](javascript:alert(1))",
    "![",
    "[^1]",
    "[^1]: voet",
    "|",
    "| a | b |",
    "|---|---|",
    "---",
    "***",
    "===",
    "\\",
    "&amp;",
    "&",
    "&#",
    "<",
    ">",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<em>",
    "</em>",
    "<a href=\"x\">",
    "</a>",
    "<span>",
    "</span>",
    "<br>",
    "<br/>",
    "<img src=x onerror=alert(1)>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<table>",
    "<tr><td>",
    "</td></tr>",
    "</table>",
    "<ul><li>",
    "</li></ul>",
    "<pre>",
    "</pre>",
    "<svg>",
    "</svg>",
    "<iframe>",
    "<h2>",
    "</h2>",
    " {#id}",
    " {.k onclick=x}",
    "<details><summary>",
    "</summary>",
    "</details>",
    "é",
    "ĳ",
    "日本",
    "\u{200b}",
    "\u{feff}",
];

fn markdown() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn resolve(dest: &str) -> LinkTarget {
    if dest.ends_with(".md") {
        LinkTarget::Url("/verhalen/a/".into())
    } else {
        LinkTarget::External
    }
}

const VOID: &[&str] = &["br", "hr", "img", "input", "wbr", "col", "source"];
/// Elements a `<p>` may not hold (the parser would close the paragraph before them).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "dl",
    "figure",
    "section",
    "details",
    "address",
    "article",
    "aside",
];

/// Whether every tag of `html` is closed in order, no block sits in a `<p>`, no link in a link.
fn nesting_problem(html: &str) -> Option<String> {
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = &after[after.find("-->")? + 3..];
            continue;
        }
        let end = rest.find('>')?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(top) if top == name => {}
                other => return Some(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            return Some(format!("a raw `<` before `{tag}`"));
        }
        if BLOCKS.contains(&name.as_str()) && open.iter().any(|o| o == "p") {
            return Some(format!("<{name}> inside <p>"));
        }
        if name == "a" && open.iter().any(|o| o == "a") {
            return Some("<a> inside <a>".into());
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            open.push(name);
        }
    }
    (!open.is_empty()).then(|| format!("left open: {open:?}"))
}

/// The inside of every tag of `html` (comments left out).
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        if !rest.starts_with("!--") {
            out.push(&rest[..end]);
        }
        rest = &rest[end..];
    }
    out
}

#[test]
fn the_nesting_checker_finds_bad_nesting() {
    assert_eq!(nesting_problem("<p>a<em>b</em><br></p>"), None);
    assert!(nesting_problem("<p><em>a</p></em>").is_some());
    assert!(nesting_problem("<p><div></div></p>").is_some());
    assert!(nesting_problem("<div>").is_some());
    assert!(nesting_problem("<a><a></a></a>").is_some());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn markdown_never_panics_and_nests_properly(body in markdown()) {
        let out = markdown::render(&body, &resolve);
        if let Some(problem) = nesting_problem(&out.html) {
            prop_assert!(false, "{problem}\nmarkdown: {body:?}\nhtml: {}", out.html);
        }
        for bad in ["<script", "<iframe", "<svg", "<style"] {
            prop_assert!(!out.html.contains(bad), "{bad} in {}", out.html);
        }
        for tag in tags(&out.html) {
            let lower = tag.to_ascii_lowercase();
            let mut quoted = false;
            let names: String = lower
                .chars()
                .filter(|&c| {
                    quoted ^= c == '"';
                    !quoted && c != '"'
                })
                .collect();
            prop_assert!(
                !names.contains(" on") && !lower.contains("=\"javascript:"),
                "<{tag}> in {}", out.html
            );
        }
    }

    #[test]
    fn trusted_markdown_never_panics(body in markdown()) {
        let _ = markdown::render_with(&body, &resolve, RawHtml::Trusted, plein::config::Lang::Nl);
    }

    #[test]
    fn arbitrary_text_never_panics(body in any::<String>()) {
        let out = markdown::render(&body, &resolve);
        prop_assert!(nesting_problem(&out.html).is_none(), "{body:?}\n{}", out.html);
    }

    #[test]
    fn front_matter_never_panics_and_errors_have_a_place(front in front_matter(), body in markdown()) {
        let file = SourceFile {
            path: PathBuf::from("content/stories/x.md"),
            text: format!("---\n{front}\n---\n{body}").into(),
        };
        let mut errs = Diagnostics::default();
        let _ = plein::parse::documents(
            &[file],
            &Default::default(),
            plein::config::Lang::Nl,
            &mut errs,
        );
        for d in &errs.0 {
            let at = d.at.as_ref();
            prop_assert!(at.is_some_and(|l| l.line >= 1 && l.column >= 1), "{d:?}");
        }
    }
}

/// YAML-ish front matter: known and unknown keys with odd values.
fn front_matter() -> impl Strategy<Value = String> {
    let key = prop::sample::select(
        &[
            "title",
            "subtitle",
            "date",
            "updated",
            "authors",
            "neighbourhoods",
            "kind",
            "tags",
            "image",
            "image_alt",
            "summary",
            "events",
            "source",
            "draft",
            "slug",
            "titel",
            "",
            "- ",
            "? ",
            "&a ",
            "*a",
            "<<",
        ][..],
    );
    let value = prop::sample::select(
        &[
            "",
            "x",
            "\"<script>\"",
            "2024-05-03",
            "2024-13-45",
            "2024-05-03T10:00:00+02:00",
            "[a, b]",
            "[",
            "{",
            "{a: 1}",
            "&a [x]",
            "*a",
            "*b",
            "!!binary aGk=",
            "!tag x",
            "|",
            ">-",
            "~",
            "null",
            "true",
            "-1",
            "1e999",
            "'",
            "\"",
            "\\u0000",
            "é",
            "[[[[[[[[",
            "- x",
            "@",
            "`",
            "%YAML 1.2",
            "---",
            "...",
            "#",
            ": :",
            "\t",
        ][..],
    );
    prop::collection::vec(
        (key, prop::sample::select(&["", " ", "  "][..]), value),
        0..12,
    )
    .prop_map(|lines| {
        lines
            .into_iter()
            .map(|(k, indent, v)| format!("{indent}{k}: {v}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}
