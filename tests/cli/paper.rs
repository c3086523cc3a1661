//! The buurtkrant: a neighbourhood paper to print, at its own route in each language.

use crate::support::Site;

#[test]
fn the_buurtkrant_has_the_newest_stories_and_what_is_coming() {
    let site = Site::copy("minimal");
    site.plein(&["build", "--now", "2024-01-01T12:00:00+01:00"])
        .ok();
    let paper = site.page("buurtkrant/index.html");
    assert!(
        paper.contains("Editie van <time datetime=\"2024-01-01\">1 januari 2024</time>"),
        "{paper}"
    );
    assert!(paper.contains("paper-story"), "{paper}");
    assert!(paper.contains("paper-event"), "{paper}");
    assert!(site.page("index.html").contains("href=\"/buurtkrant/\""));
    site.write("plein.yaml", "language: en\n");
    site.plein(&["build", "--now", "2024-01-01T12:00:00+01:00"])
        .ok();
    assert!(site.page("newsletter/index.html").contains("Edition of"));
}
