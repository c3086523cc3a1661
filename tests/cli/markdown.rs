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
