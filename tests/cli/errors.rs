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
        .filter(|block| !block.contains(": waarschuwing: ") && !block.starts_with("plein: "))
        .collect()
}

#[test]
fn malformed_yaml() {
    fails_with(
        "malformed_yaml",
        &["content/stories/kapot.md:4:7: fout: de lijst op deze regel is niet gesloten met `]`"],
    );
}

#[test]
fn missing_title() {
    fails_with(
        "missing_title",
        &["content/stories/zonder-titel.md:1:1: fout: de sleutel `title` ontbreekt"],
    );
}

#[test]
fn bad_date() {
    fails_with(
        "bad_date",
        &[
            "content/stories/rare-datum.md:3:7: fout: `3 mei 2024` is geen datum",
            "`date: 2024-05-03`",
        ],
    );
}

#[test]
fn unknown_key_names_the_allowed_keys() {
    fails_with(
        "unknown_key",
        &[
            "content/stories/tikfout.md:4:1: fout: onbekende sleutel `neighbourhods` (bedoel je `neighbourhoods`?)",
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
            "fout: het webadres `eerste-verhaal` (verhaal) wordt al gebruikt door content/stories/eerste-verhaal",
        ],
    );
}

#[test]
fn missing_link_target() {
    let stderr = fails_with(
        "missing_link",
        &[
            "content/stories/dode-link.md:5:10: fout: link naar `tweede-verhaal.md`, maar dat bestand bestaat niet",
            "link naar `../neighbourhoods/nergens.md`",
        ],
    );
    assert_eq!(
        stderr.matches(": fout:").count(),
        2,
        "both links reported at once:\n{stderr}"
    );
}

#[test]
fn non_utf8_file() {
    fails_with(
        "not_utf8",
        &["content/stories/latin1.md:5:4: fout: het bestand is niet als UTF-8-tekst opgeslagen"],
    );
}

#[test]
fn template_syntax_error() {
    fails_with(
        "template_syntax",
        &["templates/story.html:3:", "fout: in sjabloon `story.html`"],
    );
}

#[test]
fn unknown_kind() {
    fails_with(
        "unknown_kind",
        &[
            "content/stories/muur.md:4:7: fout: onbekend thema `murall` (bedoel je `mural`?)",
            "meeting (Ontmoeting), mural (Muurschildering), garden (Tuin)",
        ],
    );
}

#[test]
fn image_without_alt_text() {
    fails_with(
        "missing_image_alt",
        &["content/stories/foto.md:4:8: fout: er staat een `image`, maar `image_alt` ontbreekt"],
    );
}

#[test]
fn unknown_event() {
    fails_with(
        "unknown_event",
        &[
            "content/stories/oproep.md:4:9: fout: onbekende activiteit `tuindagg` (bedoel je `tuindag`?)",
        ],
    );
}

#[test]
fn event_ending_before_it_starts() {
    fails_with(
        "end_before_start",
        &["content/events/omgekeerd.md:4:6: fout: de activiteit eindigt"],
    );
}

#[test]
fn file_without_front_matter() {
    fails_with(
        "no_front_matter",
        &["content/stories/kaal.md:1:1: fout: het bestand begint niet met een regel `---`"],
    );
}

#[test]
fn bad_config() {
    fails_with(
        "bad_config",
        &["plein.yaml:3:1: fout: onbekende sleutel `lnaguage` (bedoel je `language`?)"],
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
    assert_eq!(run.stderr.matches(": fout:").count(), 5, "{}", run.stderr);
    assert!(run.stderr.contains("5 fouten gevonden"), "{}", run.stderr);
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

#[test]
fn every_problem_of_every_file_in_one_run() {
    let site = Site::copy("minimal");
    let story = |name: &str, front: &str| {
        site.write(
            &format!("content/stories/{name}.md"),
            &format!("---\n{front}---\nTekst.\n"),
        );
    };
    // Two mistakes in each: the first must not hide the second.
    story(
        "een",
        "title: Buurtkamer open\ndate: 12-03-2025\nneighbourhods: [Zuilenstein]\n",
    );
    story(
        "twee",
        "title: Buurtkamer: open op dinsdag\ndate: 2025-03-12\ndraft: ja\n",
    );
    story(
        "drie",
        "titel: De moestuin\ndate: 2025-03-12\nneighbourhoods:\n\t- Zuilenstein\n",
    );
    let run = site.plein(&["check"]);
    run.fails(1);
    for place in [
        "content/stories/een.md:3:7: fout: `12-03-2025` is geen datum",
        "content/stories/een.md:4:1: fout: onbekende sleutel `neighbourhods`",
        "content/stories/twee.md:2:18: fout: een dubbele punt",
        "content/stories/twee.md:4:8: fout: `draft` moet true of false zijn, niet `ja`",
        "content/stories/drie.md:2:1: fout: onbekende sleutel `titel` (bedoel je `title`?)",
        "content/stories/drie.md:5:1: fout: op deze regel staat een tab",
    ] {
        assert!(
            run.stderr.contains(place),
            "expected `{place}` in:\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("plein: 6 fouten gevonden"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_kind_may_be_given_by_the_word_the_site_shows() {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/ontmoeting.md",
        "---\ntitle: Koffie in de buurtkamer\ndate: 2025-03-12\nkind: Ontmoeting\n---\nTekst.\n",
    );
    site.write(
        "content/stories/muur.md",
        "---\ntitle: De muur\ndate: 2025-03-13\nkind: muurschildering\n---\nTekst.\n",
    );
    site.plein(&["build"]).ok();
    // The kind's page has the word the site shows in its address too.
    let page = site.page("thema/ontmoeting/index.html");
    assert!(page.contains("Koffie in de buurtkamer"), "{page}");
    let page = site.page("thema/muurschildering/index.html");
    assert!(page.contains("De muur"), "{page}");
}

#[test]
fn a_missing_picture_is_told_as_a_picture() {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/foto.md",
        "---\ntitle: Foto\ndate: 2025-03-12\nimage: tuin.jpg\nimage_alt: De tuin\n---\nTekst.\n",
    );
    let run = site.plein(&["build"]);
    run.fails(1);
    let told = "content/stories/foto.md:4:8: fout: de foto `tuin.jpg` staat niet naast dit bestand";
    assert!(run.stderr.contains(told), "{}", run.stderr);
    assert!(
        !run.stderr.contains("people/"),
        "no help about linking to a person: {}",
        run.stderr
    );
}

#[test]
fn an_event_may_be_named_by_its_title_and_a_typo_gets_a_suggestion() {
    let site = Site::copy("minimal");
    site.write(
        "content/events/feest-2025.md",
        "---\ntitle: Zomerfeest in de Lindenbuurt\nstart: 2025-06-21T14:00\n---\nFeest.\n",
    );
    let story = |events: &str| {
        site.write(
            "content/stories/oproep.md",
            &format!("---\ntitle: Oproep\ndate: 2025-03-12\nevents: [{events}]\n---\nTekst.\n"),
        );
    };
    story("Zomerfeest in de Lindenbuurt");
    site.plein(&["build"]).ok();
    story("Zomerfeest in de Lindebuurt");
    let run = site.plein(&["build"]);
    run.fails(1);
    let told = "onbekende activiteit `Zomerfeest in de Lindebuurt` (bedoel je `feest-2025`?)";
    assert!(run.stderr.contains(told), "{}", run.stderr);
}
