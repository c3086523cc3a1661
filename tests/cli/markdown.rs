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
    let end = start + page[start..].find("\n  </div>").expect("end of body");
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
