//! A corpus of bad and odd input: every case either fails with exit 1, the file and line
//! in the message and the previous output untouched, or builds clean because the input is
//! odd but valid. No case may panic or overflow the stack. The big and hostile files are
//! made here, not committed.

use std::path::Path;

use crate::support::*;

/// The minimal fixture, built once, so each case can check that its output stays whole.
struct Built {
    site: Site,
    before: std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>,
}

fn built() -> Built {
    let site = Site::copy("minimal");
    site.plein(&["build"]).ok();
    let before = tree(&site.public());
    Built { site, before }
}

impl Built {
    fn bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let path = self.site.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    fn text(&self, rel: &str, text: &str) -> &Self {
        self.bytes(rel, text.as_bytes())
    }

    fn story(&self, name: &str, front: &str, body: &str) -> &Self {
        self.text(
            &format!("content/stories/{name}"),
            &format!("---\n{front}---\n{body}"),
        )
    }

    /// Build: exit 1, every fragment in stderr, no panic, the old output byte for byte.
    #[track_caller]
    fn fails(&self, fragments: &[&str]) -> String {
        let run = self.site.plein(&["build"]);
        no_panic(&run.stderr);
        run.fails(1);
        for fragment in fragments {
            assert!(
                run.stderr.contains(fragment),
                "expected `{fragment}` in:\n{}",
                run.stderr
            );
        }
        assert!(
            self.before == tree(&self.site.public()),
            "the previous output changed"
        );
        run.stderr
    }

    /// Build: exit 0 and no panic.
    #[track_caller]
    fn builds(&self) -> &Self {
        let run = self.site.plein(&["build"]);
        no_panic(&run.stderr);
        run.ok();
        self
    }

    fn page(&self, rel: &str) -> String {
        self.site.page(rel)
    }
}

#[track_caller]
fn no_panic(stderr: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("overflow"),
        "{stderr}"
    );
}

const FRONT: &str = "title: Raar\ndate: 2024-05-03\n";

// YAML

#[test]
fn alias_bomb_in_front_matter() {
    let mut yaml = String::from(
        "title: Bom\ndate: 2024-05-03\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        let p = i - 1;
        yaml.push_str(&format!(
            "x{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    built()
        .story("bom.md", &yaml, "Tekst.\n")
        .fails(&["content/stories/bom.md:"]);
}

#[test]
fn alias_bomb_in_config() {
    let mut yaml = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let p = i - 1;
        yaml.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    built().text("plein.yaml", &yaml).fails(&["plein.yaml:"]);
}

#[test]
fn ten_thousand_nested_brackets_in_front_matter() {
    let front = format!("{FRONT}tags: {}\n", "[".repeat(10_000));
    built()
        .story("diep.md", &front, "Tekst.\n")
        .fails(&["content/stories/diep.md:4:"]);
}

#[test]
fn ten_thousand_nested_braces_in_config() {
    let yaml = format!("title: {}\n", "{a: ".repeat(10_000));
    built().text("plein.yaml", &yaml).fails(&["plein.yaml:1:"]);
}

#[test]
fn deeply_indented_mappings() {
    let mut front = FRONT.to_string();
    for depth in 0..2_000 {
        front.push_str(&format!("{}k{depth}:\n", " ".repeat(depth)));
    }
    built()
        .story("trap.md", &front, "Tekst.\n")
        .fails(&["content/stories/trap.md:4:1: fout: onbekende sleutel `k0`"]);
}

#[test]
fn duplicate_keys() {
    built()
        .story(
            "dubbel.md",
            "title: Een\ntitle: Twee\ndate: 2024-05-03\n",
            "x\n",
        )
        .fails(&["content/stories/dubbel.md:"]);
}

#[test]
fn front_matter_that_is_a_list() {
    built()
        .story("lijst.md", "- title\n- date\n", "x\n")
        .fails(&["content/stories/lijst.md:"]);
}

#[test]
fn yaml_tags_in_odd_places_are_read_as_plain_values() {
    built()
        .story(
            "tag.md",
            "title: !!binary aGFsbG8=\ndate: !wat 2024-05-03\n",
            "x\n",
        )
        .builds();
}

#[test]
fn config_that_is_not_a_mapping() {
    built()
        .text("plein.yaml", "[1, 2, 3]\n")
        .fails(&["plein.yaml:1:"]);
}

#[test]
fn config_with_a_negative_number() {
    built()
        .text("plein.yaml", "title: T\nper_page: -3\n")
        .fails(&["plein.yaml:2:"]);
}

#[test]
fn binary_config() {
    built()
        .bytes("plein.yaml", b"title: x\n\xff\xfe\x00\x01")
        .fails(&["plein.yaml:2:1: fout: het bestand is niet als UTF-8-tekst opgeslagen"]);
}

// Files and encodings

#[test]
fn fifty_megabyte_story() {
    let para = "De buurt komt samen in het buurthuis en praat over de tuin. ".repeat(8);
    let mut body = String::with_capacity(51 << 20);
    let mut n = 0;
    while body.len() < 50 << 20 {
        n += 1;
        if n % 50 == 0 {
            body.push_str(&format!("## Deel {n}\n\n"));
        }
        body.push_str(&para);
        body.push_str("\n\n");
    }
    let b = built();
    b.story("groot.md", FRONT, &body).builds();
    let page = b.page("verhalen/groot/index.html");
    assert!(page.len() > 50 << 20, "the whole story is on its page");
}

#[test]
fn binary_file_with_an_md_name() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(bytes);
    built().bytes("content/stories/foto.md", &png).fails(&[
        "content/stories/foto.md:1:1: fout: het bestand is niet als UTF-8-tekst opgeslagen",
    ]);
}

#[test]
fn valid_utf8_with_nul_and_control_bytes() {
    built()
        .bytes(
            "content/stories/nul.md",
            b"\0\0\0\x01\x02---\ntitle: x\n---\n",
        )
        .fails(&["content/stories/nul.md:1:1: fout:"]);
}

#[test]
fn utf16_little_endian() {
    let text = "---\ntitle: Zestien\ndate: 2024-05-03\n---\nHallo.\n";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    built().bytes("content/stories/utf16.md", &bytes).fails(&[
        "content/stories/utf16.md:1:1: fout: het bestand is niet als UTF-8-tekst opgeslagen",
    ]);
}

#[test]
fn utf16_big_endian() {
    let text = "---\ntitle: Zestien\ndate: 2024-05-03\n---\nHallo.\n";
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    built().bytes("content/stories/utf16be.md", &bytes).fails(&[
        "content/stories/utf16be.md:1:1: fout: het bestand is niet als UTF-8-tekst opgeslagen",
    ]);
}

#[test]
fn latin1_in_the_title() {
    built()
        .bytes(
            "content/stories/latijn.md",
            b"---\ntitle: Caf\xe9 de Zuil\ndate: 2024-05-03\n---\nx\n",
        )
        .fails(&[
            "content/stories/latijn.md:2:11: fout: het bestand is niet als UTF-8-tekst opgeslagen",
        ]);
}

#[test]
fn bom_and_windows_line_ends_build() {
    let b = built();
    b.bytes(
        "content/stories/windows.md",
        b"\xef\xbb\xbf---\r\ntitle: Windows\r\ndate: 2024-05-03\r\n---\r\nRegel.\r\n",
    )
    .builds();
    assert!(b.page("verhalen/windows/index.html").contains("Regel."));
}

#[test]
fn empty_story_file() {
    built()
        .text("content/stories/leeg.md", "")
        .fails(&["content/stories/leeg.md:1:1: fout: het bestand begint niet met een regel `---`"]);
}

#[test]
fn a_folder_named_like_a_story() {
    let b = built();
    std::fs::create_dir_all(b.site.root().join("content/stories/map.md")).unwrap();
    b.builds();
}

// Markdown

#[test]
fn unclosed_code_fence_builds() {
    let b = built();
    b.story(
        "hek.md",
        FRONT,
        "Begin.\n\n```rust\nfn main() {\n\nnooit dicht\n",
    )
    .builds();
    assert!(b.page("verhalen/hek/index.html").contains("nooit dicht"));
}

#[test]
fn ten_thousand_nested_blockquotes() {
    built()
        .story(
            "citaat.md",
            FRONT,
            &format!("{} diep\n", ">".repeat(10_000)),
        )
        .builds();
}

#[test]
fn ten_thousand_nested_lists() {
    let body: String = (0..10_000)
        .map(|i| format!("{}- punt {i}\n", "  ".repeat(i)))
        .collect();
    built().story("lijst.md", FRONT, &body).builds();
}

#[test]
fn ten_thousand_nested_emphasis_and_links() {
    let body = format!(
        "{}x{}\n\n{}y{}\n\n{}\n",
        "*".repeat(10_000),
        "*".repeat(10_000),
        "[".repeat(10_000),
        "](eerste-verhaal.md)".repeat(10_000),
        "<div>".repeat(10_000)
    );
    built().story("nest.md", FRONT, &body).builds();
}

#[test]
fn many_headings_with_the_same_text() {
    let body = "## Zelfde kop\n\ntekst\n\n".repeat(20_000);
    let started = std::time::Instant::now();
    let b = built();
    b.story("koppen.md", FRONT, &body).builds();
    let page = b.page("verhalen/koppen/index.html");
    assert!(page.contains(r#"id="zelfde-kop-20000""#));
    assert!(
        started.elapsed().as_secs() < 20,
        "heading ids take {:?}",
        started.elapsed()
    );
}

#[test]
fn a_megabyte_on_one_line() {
    let body = "woord ".repeat(200_000);
    built().story("regel.md", FRONT, &body).builds();
}

// Links, folders and names

#[test]
fn link_cycle_between_stories_builds() {
    let b = built();
    b.story(
        "a.md",
        "title: A\ndate: 2024-05-03\n",
        "Zie [B](b.md) en [mij](a.md).\n",
    )
    .story(
        "b.md",
        "title: B\ndate: 2024-05-04\n",
        "Terug naar [A](a.md).\n",
    )
    .builds();
    assert!(
        b.page("verhalen/a/index.html")
            .contains(r#"href="/verhalen/b/""#)
    );
    assert!(
        b.page("verhalen/b/index.html")
            .contains(r#"href="/verhalen/a/""#)
    );
}

#[test]
fn symlink_loop_in_content() {
    let b = built();
    let dir = b.site.root().join("content/stories/lus");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("..", dir.join("terug")).unwrap();
    b.fails(&[
        "content/stories/lus/terug",
        "(symbolische link) wijst terug naar",
    ]);
}

#[test]
fn dangling_symlink_in_content() {
    let b = built();
    std::os::unix::fs::symlink(
        "/nergens/niet.md",
        b.site.root().join("content/stories/weg.md"),
    )
    .unwrap();
    b.fails(&["content/stories/weg.md"]);
}

#[test]
fn names_with_spaces_and_non_ascii_build() {
    let b = built();
    b.story(
        "Mijn verhaal.md",
        "title: Mijn verhaal\ndate: 2024-05-03\n",
        "x\n",
    )
    .story(
        "Creëer café ĳs.md",
        "title: Café\ndate: 2024-05-03\n",
        "y\n",
    )
    .story("日本.md", "title: Japans\ndate: 2024-05-03\n", "z\n")
    .builds();
    assert!(
        b.page("verhalen/mijn-verhaal/index.html")
            .contains("Mijn verhaal")
    );
    assert!(
        b.page("verhalen/creeer-cafe-ijs/index.html")
            .contains("Café")
    );
}

#[test]
fn slugs_that_differ_only_in_case_clash() {
    built()
        .story("Verhaal.md", FRONT, "een\n")
        .story("verhaal.md", "title: Ander\ndate: 2024-05-03\n", "twee\n")
        .fails(&["fout: het webadres `verhaal` (verhaal) wordt al gebruikt door content/stories/"]);
}

#[test]
fn a_path_in_a_slug_stays_inside_the_output() {
    let b = built();
    let outside = tree(&b.site.root().join("content"));
    b.story("pad.md", &format!("{FRONT}slug: ../../../etc/x\n"), "x\n")
        .builds();
    assert!(b.page("verhalen/etc-x/index.html").contains("Raar"));
    let mut after = tree(&b.site.root().join("content"));
    after.remove(Path::new("stories/pad.md"));
    assert_eq!(outside, after);
    // Beside them only the staging folder, which holds the output before this one.
    let names: Vec<_> = std::fs::read_dir(b.site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != ".public.plein-staging")
        .collect();
    assert_eq!(
        names.len(),
        3,
        "only plein.yaml, content/ and public/: {names:?}"
    );
}

// Templates

#[test]
fn template_that_includes_itself() {
    let b = built();
    b.text(
        "templates/story.html",
        "{% extends \"base.html\" %}{% block content %}{% include \"story.html\" %}{% endblock %}",
    );
    b.fails(&["story.html"]);
}

#[test]
fn template_with_an_unknown_filter() {
    built()
        .text(
            "templates/story.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title | nietbestaand }}\n{% endblock %}\n",
        )
        .fails(&["story.html:3:17", "Unknown filter `nietbestaand`"]);
}

#[test]
fn titles_are_escaped_by_the_templates() {
    let b = built();
    b.story(
        "xss.md",
        "title: \"<script>alert(1)</script>\"\nsubtitle: \"<img src=x onerror=alert(1)>\"\ndate: 2024-05-03\ntags: [\"<b>vet</b>\"]\n",
        "x\n",
    )
    .text(
        "content/events/xss.md",
        "---\ntitle: \"</script><script>alert(1)</script>\"\nstart: 2024-06-02T10:00\n---\nx\n",
    )
    .builds();
    for page in [
        "verhalen/xss/index.html",
        "index.html",
        "feed.xml",
        "agenda/xss/index.html",
        "agenda/index.html",
    ] {
        let html = b.page(page);
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(!html.contains("<img src=x"), "{page}");
        assert!(!html.contains("<b>vet"), "{page}");
    }
    assert!(
        b.page("verhalen/xss/index.html")
            .contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || b.page("verhalen/xss/index.html")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
}

// Raw HTML

const HOSTILE_BODY: &str = r#"Hallo <script>alert(1)</script> daar.

<script>
document.cookie
</script>

<div onclick="alert(2)" class="kader"><a href="javascript:alert(3)">klik</a>
<iframe src="https://example.org/"></iframe>
<img src="x.jpg" onerror="alert(4)" alt="foto">
</div>

[link](javascript:alert(5)) en ![beeld](javascript:alert(6))

## Kop {onclick=alert(7)}

<em>nadruk</em> en <span style="color:red">rood</span>.
"#;

fn assert_clean(html: &str) {
    for bad in [
        "<script>alert",
        "document.cookie",
        "onclick",
        "onerror",
        "javascript:",
        "<iframe",
        "style=",
    ] {
        assert!(!html.contains(bad), "`{bad}` in:\n{html}");
    }
}

#[test]
fn raw_html_is_cleaned_by_default() {
    let b = built();
    b.story("html.md", FRONT, HOSTILE_BODY).builds();
    let page = b.page("verhalen/html/index.html");
    let main = main_of(&page);
    assert_clean(main);
    for kept in [
        "<div class=\"kader\">",
        "<a>klik</a>",
        "<img src=\"x.jpg\" alt=\"foto\">",
        "<em>nadruk</em>",
        "<span>rood</span>",
    ] {
        assert!(main.contains(kept), "`{kept}` in:\n{main}");
    }
}

#[test]
fn trusted_html_keeps_raw_html() {
    let b = built();
    b.text("plein.yaml", "trusted_html: true\n")
        .story("html.md", FRONT, HOSTILE_BODY)
        .builds();
    let page = b.page("verhalen/html/index.html");
    assert!(main_of(&page).contains("<iframe src=\"https://example.org/\"></iframe>"));
}

#[test]
fn the_corpus_has_enough_cases() {
    let source = include_str!("hostile.rs");
    let here = source.matches("#[test]").count() - 1;
    let fixtures =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/errors"))
            .unwrap()
            .count();
    assert!(here + fixtures >= 30, "{here} + {fixtures}");
}
