//! Markdown bodies as readers get them: raw HTML cleaned and balanced, links resolved, each
//! case the smallest story that shows it (issue 14).

use crate::support::*;

/// The rendered body of a story whose Markdown is `body`, as the story page shows it.
fn body_of(body: &str) -> String {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/proef.md",
        &format!("---\ntitle: Proef\ndate: 2024-05-03\n---\n{body}"),
    );
    site.plein(&["build"]).ok();
    let page = site.page("verhalen/proef/index.html");
    let start = page.find("<div class=\"story__body").expect("story body");
    let start = start + page[start..].find('>').expect("end of tag") + 1;
    let end = start
        + page[start..]
            .find("</div>\n<footer class=\"story__foot")
            .expect("end of body");
    page[start..end].trim().to_string()
}

#[test]
fn email_autolinks_are_mailto_links() {
    // CommonMark examples 604 and 605.
    assert_eq!(
        body_of("<foo@bar.example.com>\n"),
        r#"<p><a href="mailto:foo@bar.example.com">foo@bar.example.com</a></p>"#
    );
    assert_eq!(
        body_of("Mail <foo+special@Bar.baz-bar0.com> of <ria@koetshuis.nl>.\n"),
        r#"<p>Mail <a href="mailto:foo+special@Bar.baz-bar0.com">foo+special@Bar.baz-bar0.com</a> of <a href="mailto:ria@koetshuis.nl">ria@koetshuis.nl</a>.</p>"#
    );
}

#[test]
fn named_references_in_raw_html_attributes_are_read_once() {
    assert_eq!(
        body_of("<abbr title=\"Belgi&euml; &amp; Nederland\">BNL</abbr>\n"),
        "<p><abbr title=\"België &amp; Nederland\">BNL</abbr></p>"
    );
}

#[test]
fn headings_get_their_ids_from_plein() {
    // Ids and classes written after a heading would clash with the theme's (`search-q`,
    // `main`) or dress a heading as its chrome; raw HTML may not set ids either.
    assert_eq!(
        body_of("## Kop {#search-q}\n\n## Zoek {.skip-link data-x=y}\n"),
        "<h2 id=\"kop\">Kop</h2>\n<h2 id=\"zoek\">Zoek</h2>"
    );
}

#[test]
fn escaped_link_destinations_stay_links() {
    // `foo):` has no scheme: a `)` cannot be part of one, so the browser reads a relative URL.
    assert_eq!(
        body_of("[x](foo\\)\\:)\n"),
        "<p><a href=\"foo):\">x</a></p>"
    );
}

/// CommonMark spec examples whose HTML blocks are separated by blank lines, with the
/// output the spec expects, cleaned: tags are balanced across HTML blocks.
#[test]
fn raw_html_blocks_balance_across_blank_lines() {
    let cases = [
        // Example 152 (the id and upper case are what cleaning changes).
        (
            "<DIV CLASS=\"foo\">\n\n*Markdown*\n\n</DIV>\n",
            "<div class=\"foo\">\n<p><em>Markdown</em></p>\n</div>",
        ),
        // Example 167.
        (
            "<del>\n\n*foo*\n\n</del>\n",
            "<del>\n<p><em>foo</em></p>\n</del>",
        ),
        // Example 188.
        (
            "<div>\n\n*Emphasized* text.\n\n</div>\n",
            "<div>\n<p><em>Emphasized</em> text.</p>\n</div>",
        ),
        // Example 190.
        (
            "<table>\n\n<tr>\n\n<td>\nHi\n</td>\n\n</tr>\n\n</table>\n",
            "<table>\n<tr>\n<td>\nHi\n</td>\n</tr>\n</table>",
        ),
        // Example 148: the spec's output puts a paragraph in a <pre> and closes the <pre>
        // inside it; cleaned, the <pre> ends where Markdown starts a block, and the stray
        // </pre> is dropped.
        (
            "<table><tr><td>\n<pre>\n**Hello**,\n\n_world_.\n</pre>\n</td></tr></table>\n",
            "<table><tr><td>\n<pre>\n**Hello**,\n</pre>\n<p><em>world</em>.\n</p>\n</td></tr></table>",
        ),
        // A box that opens and closes: the Markdown stays inside it.
        (
            "<details><summary>Meer lezen</summary>\n\nHet **verhaal** gaat door.\n\n</details>\n\nDaarna.\n",
            "<details><summary>Meer lezen</summary>\n<p>Het <strong>verhaal</strong> gaat door.</p>\n</details>\n<p>Daarna.</p>",
        ),
        // A box left open is closed at the end of the story.
        (
            "<div class=\"kader\">\n\nTekst.\n",
            "<div class=\"kader\">\n<p>Tekst.</p>\n</div>",
        ),
        // An end tag closes what was left open inside its element, as browsers do.
        (
            "<table><tr><td>a\n\n</table>\n\nNa.\n",
            "<table><tr><td>a\n</td></tr></table>\n<p>Na.</p>",
        ),
    ];
    for (markdown, expected) in cases {
        assert_eq!(body_of(markdown), expected, "{markdown:?}");
    }
}

#[test]
fn a_thematic_break_ends_a_raw_paragraph() {
    // Found by props::markdown_never_panics_and_nests_properly.
    assert_eq!(
        body_of("woord\n<div><p>\n\n---\n"),
        "<p>woord</p>\n<div><p>\n</p>\n<hr />\n</div>"
    );
}

/// Bodies of several paragraphs rendered in one build: each case's Markdown with the HTML
/// expected of it.
fn bodies_match(cases: &[(&str, &str)]) {
    let markdown: Vec<&str> = cases.iter().map(|(m, _)| *m).collect();
    let html: Vec<&str> = cases.iter().map(|(_, h)| *h).collect();
    assert_eq!(body_of(&markdown.join("\n\n")), html.join("\n"));
}

#[test]
fn bare_urls_become_links_as_in_gfm() {
    // The GFM spec's extended autolinks (examples 621 to 631), with `https://` for a `www.`
    // address where GFM writes `http://`: a resident's link should not be sent in the clear.
    bodies_match(&[
        (
            "www.commonmark.org",
            r#"<p><a href="https://www.commonmark.org">www.commonmark.org</a></p>"#,
        ),
        (
            "Visit www.commonmark.org/help for more information.",
            r#"<p>Visit <a href="https://www.commonmark.org/help">www.commonmark.org/help</a> for more information.</p>"#,
        ),
        (
            "Visit www.commonmark.org.",
            r#"<p>Visit <a href="https://www.commonmark.org">www.commonmark.org</a>.</p>"#,
        ),
        (
            "Visit www.commonmark.org/a.b.",
            r#"<p>Visit <a href="https://www.commonmark.org/a.b">www.commonmark.org/a.b</a>.</p>"#,
        ),
        (
            "www.google.com/search?q=Markup+(business)",
            r#"<p><a href="https://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a></p>"#,
        ),
        (
            "www.google.com/search?q=Markup+(business)))",
            r#"<p><a href="https://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a>))</p>"#,
        ),
        (
            "(www.google.com/search?q=Markup+(business))",
            r#"<p>(<a href="https://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a>)</p>"#,
        ),
        (
            "(www.google.com/search?q=Markup+(business)",
            r#"<p>(<a href="https://www.google.com/search?q=Markup+(business)">www.google.com/search?q=Markup+(business)</a></p>"#,
        ),
        (
            "www.google.com/search?q=(business))+ok",
            r#"<p><a href="https://www.google.com/search?q=(business))+ok">www.google.com/search?q=(business))+ok</a></p>"#,
        ),
        (
            "www.google.com/search?q=commonmark&hl=en",
            r#"<p><a href="https://www.google.com/search?q=commonmark&amp;hl=en">www.google.com/search?q=commonmark&amp;hl=en</a></p>"#,
        ),
        (
            "www.google.com/search?q=commonmark&hl;",
            r#"<p><a href="https://www.google.com/search?q=commonmark">www.google.com/search?q=commonmark</a>&amp;hl;</p>"#,
        ),
        (
            "www.commonmark.org/he<lp",
            r#"<p><a href="https://www.commonmark.org/he">www.commonmark.org/he</a>&lt;lp</p>"#,
        ),
        (
            "http://commonmark.org",
            r#"<p><a href="http://commonmark.org">http://commonmark.org</a></p>"#,
        ),
        (
            "(Visit https://encrypted.google.com/search?q=Markup+(business))",
            r#"<p>(Visit <a href="https://encrypted.google.com/search?q=Markup+(business)">https://encrypted.google.com/search?q=Markup+(business)</a>)</p>"#,
        ),
        // ftp is no scheme a link may have on a plein site.
        (
            "Anonymous FTP is available at ftp://foo.bar.baz.",
            "<p>Anonymous FTP is available at ftp://foo.bar.baz.</p>",
        ),
    ]);
}

#[test]
fn pasted_links_of_residents_become_links() {
    bodies_match(&[
        (
            "Kijk de film op https://www.youtube.com/watch?v=dQw4w9WgXcQ!",
            r#"<p>Kijk de film op <a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a>!</p>"#,
        ),
        (
            "Meer op www.amsterdam.nl/wonen-leefomgeving/ (de gemeente); of: HTTPS://Nieuwegein.nl/a--b...",
            r#"<p>Meer op <a href="https://www.amsterdam.nl/wonen-leefomgeving/">www.amsterdam.nl/wonen-leefomgeving/</a> (de gemeente); of: <a href="HTTPS://Nieuwegein.nl/a--b">HTTPS://Nieuwegein.nl/a--b</a>…</p>"#,
        ),
        (
            "Een *nadruk www.x.nl*, ~~weg www.y.nl~~ en _www.z.nl_.",
            r#"<p>Een <em>nadruk <a href="https://www.x.nl">www.x.nl</a></em>, <del>weg <a href="https://www.y.nl">www.y.nl</a></del> en <em><a href="https://www.z.nl">www.z.nl</a></em>.</p>"#,
        ),
    ]);
}

#[test]
fn bare_urls_stay_text_in_code_links_and_raw_html() {
    bodies_match(&[
        ("Typ `www.x.nl` in.", "<p>Typ <code>www.x.nl</code> in.</p>"),
        (
            "```\nhttps://x.nl/\n```",
            "<pre><code>https://x.nl/\n</code></pre>",
        ),
        (
            "[www.x.nl](https://y.nl/) en <https://z.nl/>",
            r#"<p><a href="https://y.nl/">www.x.nl</a> en <a href="https://z.nl/">https://z.nl/</a></p>"#,
        ),
        (
            "<a href=\"https://y.nl/\">zie www.x.nl</a>",
            r#"<p><a href="https://y.nl/">zie www.x.nl</a></p>"#,
        ),
        (
            "Niet in eenwoord: foowww.x.nl of xhttps://x.nl",
            "<p>Niet in eenwoord: foowww.x.nl of xhttps://x.nl</p>",
        ),
        (
            "www. alleen, of https:// alleen",
            "<p>www. alleen, of https:// alleen</p>",
        ),
    ]);
}

#[test]
fn hostile_bare_urls_are_no_script() {
    let html = body_of(concat!(
        "javascript:alert(1) en JAVASCRIPT://www.x.nl/%0aalert(1)\n\n",
        "www.x.nl/<script>alert(1)</script>\n\n",
        "https://x.nl/\"onmouseover=\"alert(1)\n\n",
        "https://x.nl/&#x6a;avascript:alert(1)\n",
    ));
    assert!(!html.contains("href=\"javascript"), "{html}");
    assert!(!html.contains("href=\"JAVASCRIPT"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    // The quote is part of the address, escaped in the attribute, shown in the text.
    assert!(
        html.contains(r#"<a href="https://x.nl/%22onmouseover=%22alert(1)">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<a href="https://www.x.nl/">www.x.nl/</a>"#),
        "{html}"
    );
    assert_eq!(html.matches("<a ").count(), 3, "{html}");
}

#[test]
fn tables_scroll_in_their_own_region() {
    let html = body_of(
        "| Dag | Tijd |\n|---|---|\n| maandag | 10.00 |\n\n| Dag | Tijd |\n|---|---|\n| dinsdag | 11.00 |\n",
    );
    assert!(
        html.starts_with(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel: Dag, Tijd\"><table>"
        ),
        "{html}"
    );
    // Two regions with one name would be one landmark to a screen reader.
    assert!(
        html.contains("aria-label=\"Tabel 2: Dag, Tijd\"><table>"),
        "{html}"
    );
    assert_eq!(html.matches("</table>\n</div>").count(), 2, "{html}");
}
