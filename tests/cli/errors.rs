//! One test per error kind: exit 1, the file and line in the message, the old output untouched.

use crate::support::*;

/// Build the good fixture, lay the bad files over it, build again.
pub fn fails_with(case: &str, expected: &[&str]) -> String {
    let site = Site::copy("minimal");
    site.plein(&["build"]).ok();
    let before = tree(&site.public());
    site.overlay(&format!("errors/{case}"));
    let run = site.plein(&["build"]);
    run.fails(1);
    for fragment in expected {
        assert!(
            run.stderr.contains(fragment),
            "{case}: expected `{fragment}` in:\n{}",
            run.stderr
        );
    }
    assert_eq!(
        before,
        tree(&site.public()),
        "{case}: the previous output changed"
    );
    let check = site.plein(&["check"]);
    check.fails(1);
    assert_eq!(
        error_blocks(&check.stderr),
        error_blocks(&run.stderr),
        "check reports what build reports"
    );
    run.stderr.replace(site.root().to_str().unwrap(), "[site]")
}

/// The error blocks of plein's stderr: without the closing summary and without the writing
/// hints (warnings) that `check` adds.
fn error_blocks(stderr: &str) -> Vec<&str> {
    stderr
        .split("\n\n")
        .filter(|block| !block.contains(": warning: ") && !block.starts_with("plein: "))
        .collect()
}

#[test]
fn malformed_yaml() {
    fails_with("malformed_yaml", &["content/stories/kapot.md:5:1: error:"]);
}

#[test]
fn missing_title() {
    fails_with(
        "missing_title",
        &["content/stories/zonder-titel.md:1:1: error: missing key `title`"],
    );
}

#[test]
fn bad_date() {
    fails_with(
        "bad_date",
        &[
            "content/stories/rare-datum.md:3:7: error: date: `3 mei 2024` is not a date",
            "2022-07-18",
        ],
    );
}

#[test]
fn unknown_key_names_the_allowed_keys() {
    fails_with(
        "unknown_key",
        &[
            "content/stories/tikfout.md:4:1: error: unknown key `neighbourhods` (did you mean `neighbourhoods`?)",
            "title, subtitle, date",
            "4 | neighbourhods: [Zuilenstein]",
            "  | ^",
        ],
    );
}

#[test]
fn duplicate_slug() {
    fails_with(
        "duplicate_slug",
        &[
            "error: the story slug `eerste-verhaal` is already used by content/stories/eerste-verhaal",
        ],
    );
}

#[test]
fn missing_link_target() {
    let stderr = fails_with(
        "missing_link",
        &[
            "content/stories/dode-link.md:5:10: error: link to `tweede-verhaal.md`, but no such content file",
            "link to `../neighbourhoods/nergens.md`",
        ],
    );
    assert_eq!(
        stderr.matches(": error:").count(),
        2,
        "both links reported at once:\n{stderr}"
    );
}

#[test]
fn non_utf8_file() {
    fails_with(
        "not_utf8",
        &["content/stories/latin1.md:5:4: error: the file is not valid UTF-8"],
    );
}

#[test]
fn template_syntax_error() {
    fails_with(
        "template_syntax",
        &["templates/story.html:3:", "error: in template `story.html`"],
    );
}

#[test]
fn unknown_kind() {
    fails_with(
        "unknown_kind",
        &[
            "content/stories/muur.md:4:7: error: unknown kind `murall` (did you mean `mural`?)",
            "meeting, mural, garden",
        ],
    );
}

#[test]
fn image_without_alt_text() {
    fails_with(
        "missing_image_alt",
        &["content/stories/foto.md:4:8: error: `image` is set but `image_alt` is missing"],
    );
}

#[test]
fn unknown_event() {
    fails_with(
        "unknown_event",
        &[
            "content/stories/oproep.md:4:9: error: unknown event `tuindagg` (did you mean `tuindag`?)",
        ],
    );
}

#[test]
fn event_ending_before_it_starts() {
    fails_with(
        "end_before_start",
        &["content/events/omgekeerd.md:4:6: error: the event ends"],
    );
}

#[test]
fn file_without_front_matter() {
    fails_with(
        "no_front_matter",
        &["content/stories/kaal.md:1:1: error: expected front matter"],
    );
}

#[test]
fn bad_config() {
    fails_with(
        "bad_config",
        &["plein.yaml:3:1: error: unknown key `lnaguage` (did you mean `language`?)"],
    );
}

#[test]
fn every_error_of_a_build_at_once() {
    let site = Site::copy("minimal");
    for case in ["missing_title", "bad_date", "unknown_kind", "missing_link"] {
        site.overlay(&format!("errors/{case}"));
    }
    let run = site.plein(&["build"]);
    run.fails(1);
    assert_eq!(run.stderr.matches(": error:").count(), 5, "{}", run.stderr);
    assert!(run.stderr.contains("5 errors found"), "{}", run.stderr);
}

#[test]
fn error_output_snapshots() {
    for case in ["unknown_key", "missing_link", "bad_date", "template_syntax"] {
        let site = Site::copy("minimal");
        site.overlay(&format!("errors/{case}"));
        let run = site.plein(&["check"]);
        insta::assert_snapshot!(
            format!("stderr_{case}"),
            run.stderr.replace(site.root().to_str().unwrap(), "[site]")
        );
    }
}
