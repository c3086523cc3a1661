//! Mistakes that used to pass in silence: a folder that is not a site, a `base_url` that is
//! missing or no web address, lists written without brackets, and warnings only `check` gave.

use crate::support::*;

/// A story in the minimal fixture with `front` as its front matter after title and date.
fn story(site: &Site, name: &str, front: &str) {
    site.write(
        &format!("content/stories/{name}.md"),
        &format!("---\ntitle: Een verhaal\ndate: 2024-05-01\n{front}---\nTekst.\n"),
    );
}

#[test]
fn a_folder_without_plein_yaml_is_not_a_site() {
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir(empty.path().join("content")).unwrap();
    let root = empty.path().to_str().unwrap();
    for args in [
        vec!["build"],
        vec!["check"],
        vec!["serve", "--port", "0"],
        vec!["new", "story", "Een titel"],
        vec!["new", "event", "Een titel", "--start", "2026-10-06T13:00"],
    ] {
        let mut all = args.clone();
        all.extend(["--root", root]);
        let run = plein_in(empty.path(), &all);
        run.fails(1);
        assert!(
            run.stderr.contains(&format!(
                "plein: {root} is not a plein site: there is no plein.yaml"
            )),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("plein init") && run.stderr.contains("--root"));
    }
    let names: Vec<_> = std::fs::read_dir(empty.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing was written beside content/");

    let gone = empty.path().join("nergens");
    let run = plein_in(empty.path(), &["build", "--root", gone.to_str().unwrap()]);
    run.fails(1);
    assert!(run.stderr.contains("there is no folder"), "{}", run.stderr);
}

#[test]
fn build_and_check_warn_without_base_url_and_serve_does_not() {
    let site = Site::copy("minimal");
    site.write("plein.yaml", "title: Wijk\nlanguage: en\n");
    let warning = "plein.yaml:1:1: warning: plein.yaml has no `base_url`";
    for command in ["build", "check"] {
        let run = site.plein(&[command]);
        run.ok();
        assert!(run.stderr.contains(warning), "{command}: {}", run.stderr);
    }
    assert!(site.plein(&["build"]).stderr.contains("1 warning (above)"));
    // With --base-url there is an address, so no warning.
    let run = site.plein(&["build", "--base-url", "https://wijk.example.org/"]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
}

#[test]
fn a_base_url_that_is_no_web_address_is_an_error_at_its_line() {
    let site = Site::copy("minimal");
    site.plein(&["build"]).ok();
    let before = tree(&site.public());
    for (value, reason) in [
        ("www.lindenbuurt.nl", "it has no https:// at the start"),
        ("lindenbuurt.nl/buurt/", "it has no https:// at the start"),
        (
            "ftp://lindenbuurt.nl/",
            "it must start with https:// or http://",
        ),
        ("javascript:alert(1)//", "it has no https:// at the start"),
        (
            "//lindenbuurt.nl/",
            "it must start with https:// or http://",
        ),
        (
            "https://lindenbuurt.nl/?utm=x",
            "a site address has no `?` or `#` part",
        ),
        (
            "https://lindenbuurt.nl/#top",
            "a site address has no `?` or `#` part",
        ),
        ("https://", "it has no valid host name after the //"),
        (
            "https://linden buurt.nl/",
            "it has a space or an invisible character in it",
        ),
        (
            "https://ria:geheim@lindenbuurt.nl/",
            "a site address has no user name or password in it",
        ),
        (
            "https://lindenbuurt.nl:80a/",
            "it has no valid host name after the //",
        ),
    ] {
        site.write(
            "plein.yaml",
            &format!("title: Wijk\nbase_url: \"{value}\"\nlanguage: en\n"),
        );
        let run = site.plein(&["build"]);
        run.fails(1);
        let expected = format!(
            "plein.yaml:2:11: error: `{value}` is not a web address for the site: {reason}"
        );
        assert!(run.stderr.contains(&expected), "{value}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("= help: write the address where the site will be online"),
            "{}",
            run.stderr
        );
        assert_eq!(before, tree(&site.public()), "{value}: the output changed");
    }
}

#[test]
fn good_base_urls_are_taken_as_written() {
    let site = Site::copy("minimal");
    for (value, origin) in [
        ("https://www.lindenbuurt.nl", "https://www.lindenbuurt.nl/"),
        (
            "HTTPS://Lindenbuurt.NL/Verhalen",
            "https://lindenbuurt.nl/Verhalen/",
        ),
        (
            "http://localhost:8080/buurt/",
            "http://localhost:8080/buurt/",
        ),
        ("http://[::1]:8080/", "http://[::1]:8080/"),
    ] {
        site.write("plein.yaml", &format!("base_url: {value}\n"));
        site.plein(&["build"]).ok();
        let sitemap = site.page("sitemap.xml");
        assert!(
            sitemap.contains(&format!("<loc>{origin}")),
            "{value}: {sitemap}"
        );
    }
}

#[test]
fn a_bad_base_url_on_the_command_line_is_a_usage_error() {
    let site = Site::copy("minimal");
    let run = site.plein(&["build", "--base-url", "www.lindenbuurt.nl"]);
    run.fails(2);
    assert!(
        run.stderr.contains("it has no https:// at the start"),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists());
}

#[test]
fn lists_without_brackets_are_warned_about() {
    let site = Site::copy("minimal");
    site.english();
    story(
        &site,
        "zonder-haken",
        "authors: Ria Bosman, Henk Verhoeven\ntags: tuin, jongeren\nneighbourhoods: Lindenbuurt, Zuilenstein\n",
    );
    story(
        &site,
        "goed",
        "authors: [Ria Bosman, Henk Verhoeven]\ntags:\n  - \"kunst, cultuur\"\nneighbourhoods: \"Dorp, het oude\"\n",
    );
    let run = site.plein(&["build"]);
    run.ok();
    for (line, column, key, value) in [
        (4, 10, "authors", "Ria Bosman, Henk Verhoeven"),
        (5, 7, "tags", "tuin, jongeren"),
        (6, 17, "neighbourhoods", "Lindenbuurt, Zuilenstein"),
    ] {
        let message = format!(
            "content/stories/zonder-haken.md:{line}:{column}: warning: `{key}` reads as one name, `{value}`: without square brackets a list is one name"
        );
        assert!(run.stderr.contains(&message), "{key}: {}", run.stderr);
        let help = format!("= help: write `{key}: [{value}]` for more than one");
        assert!(run.stderr.contains(&help), "{key}: {}", run.stderr);
    }
    assert!(
        !run.stderr.contains("goed.md"),
        "brackets, quotes and - lines are lists or names on purpose: {}",
        run.stderr
    );
    assert!(run.stderr.contains("3 warnings (above)"), "{}", run.stderr);
    let check = site.plein(&["check", "--format", "json"]);
    check.ok();
}

#[test]
fn build_prints_likely_mistakes_and_leaves_writing_tips_to_check() {
    let site = Site::copy("minimal");
    site.english();
    story(&site, "een", "neighbourhoods: [Lindenbuurt]\n");
    story(
        &site,
        "twee",
        "neighbourhoods: [Lindebuurt]\nimage: foto.jpg\nimage_alt: Een foto\n",
    );
    std::fs::copy(
        fixture("images/content/stories/de-tuin/tuin.jpg"),
        site.root().join("content/stories/foto.jpg"),
    )
    .unwrap();
    let run = site.plein(&["build"]);
    run.ok();
    assert!(
        run.stderr
            .contains("warning: new neighbourhood `Lindebuurt` (did you mean `Lindenbuurt`?)"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("image_credit"),
        "writing tips are left to check: {}",
        run.stderr
    );
    assert!(run.stderr.contains("2 warnings (above)"), "{}", run.stderr);
    let check = site.plein(&["check"]);
    assert!(check.stderr.contains("image_credit"), "{}", check.stderr);
    // A second build that changes nothing says the same.
    let again = site.plein(&["build"]);
    assert!(again.stderr.contains("nothing changed"), "{}", again.stderr);
    assert!(
        again.stderr.contains("2 warnings (above)"),
        "{}",
        again.stderr
    );
}

#[test]
fn a_hash_in_an_unquoted_title_is_warned_about() {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/nummer-een.md",
        "---\ntitle: Wij zijn #1 in de buurt\ndate: 2024-05-01\nneighbourhoods: [Zuilenstein] # een opmerking\nsubtitle: \"Met #hashtag\"\n---\nTekst.\n",
    );
    let run = site.plein(&["build"]);
    run.ok();
    let told = "content/stories/nummer-een.md:2:17: waarschuwing: na ` #` leest plein de rest van de regel als opmerking, dus `title` wordt alleen `Wij zijn`";
    assert!(run.stderr.contains(told), "{}", run.stderr);
    assert!(
        run.stderr.contains("= tip: zet de hele waarde tussen rechte aanhalingstekens: `title: \"Wij zijn #1 in de buurt\"`"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("waarschuwing:").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn a_tag_one_letter_off_a_tag_used_more_often_is_warned_about() {
    let site = Site::copy("minimal");
    story(
        &site,
        "een",
        "neighbourhoods: [Zuilenstein]\ntags: [vertrouwde gezichten]\n",
    );
    story(
        &site,
        "twee",
        "neighbourhoods: [Zuilenstein]\ntags: [vertrouwde gezichten, tuin]\n",
    );
    story(
        &site,
        "drie",
        "neighbourhoods: [Zuilenstein]\ntags: [tuin, vertrouwde gezigten]\n",
    );
    let run = site.plein(&["build"]);
    run.ok();
    let told = "content/stories/drie.md:5:14: waarschuwing: nieuwe tag `vertrouwde gezigten` (bedoel je `vertrouwde gezichten`?)";
    assert!(run.stderr.contains(told), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("waarschuwing:").count(),
        1,
        "{}",
        run.stderr
    );
}

/// Wrong values in an event's front matter, one per file, as volunteers write them.
const VALUE_MISTAKES: &[&str] = &[
    "repeat: { every: week, on: dinsdg }",
    "repeat: { every: month, on: tweede zaterdag dag }",
    "repeat: { every: month, on: zevende zaterdag }",
    "repeat: { every: week, on: [] }",
    "repeat: { every: month, on: 40 }",
    "repeat: { every: jaar }",
    "repeat: { every: week, count: 5000 }",
    "repeat: { every: week, until: 2025-01-01T10:00Z }",
    "repeat: elke dinsdag",
    "repeat: { every: week, op: dinsdag }",
    "repeat: { on: dinsdag }",
    "repeat: { every: week, on: 15 }",
    "repeat: { every: week, on: eerste zaterdag }",
    "repeat: { every: month, on: zaterdag }",
    "repeat: { every: month, on: [dinsdag, donderdag] }",
    "repeat: { every: week, until: 2025-01-01, count: 3 }",
    "repeat: 5",
    "repeat: { every: week, on: dinsdag, interval: twee }",
    "online: misschien",
    "registration: https://wijk.example.org/aanmelden",
    "location: De Zuil",
    "location: { naam: De Zuil }",
    "location: { address: Zuilenstraat 1 }",
    "cancelled: 1",
    "summary: [Een, twee]",
    "slug: { a: b }",
    "title: Dubbel",
];

#[test]
fn every_wrong_value_is_told_in_the_site_language_with_what_to_type() {
    for (lang, english) in [("nl", false), ("en", true)] {
        let site = Site::copy("minimal");
        site.write(
            "plein.yaml",
            &format!("base_url: https://wijk.example.org/\nlanguage: {lang}\n"),
        );
        for (i, line) in VALUE_MISTAKES.iter().enumerate() {
            site.write(
                &format!("content/events/fout-{i:02}.md"),
                &format!("---\ntitle: Avond {i}\nstart: 2024-06-04T19:30\n{line}\n---\nTekst.\n"),
            );
        }
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_plein"))
            .args(["check", "--format", "json", "--root"])
            .arg(site.root())
            .output()
            .expect("run plein check");
        assert_eq!(run.status.code(), Some(1));
        let all: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
        let all = all.as_array().unwrap();
        for (i, line) in VALUE_MISTAKES.iter().enumerate() {
            let file = format!("fout-{i:02}.md");
            let told: Vec<_> = all
                .iter()
                .filter(|d| d["file"].as_str().unwrap().ends_with(&file))
                .collect();
            assert_eq!(told.len(), 1, "{lang} {line}: {told:?}");
            let (message, help) = (
                told[0]["message"].as_str().unwrap(),
                told[0]["help"].as_str().unwrap_or_default(),
            );
            // Where the fix goes: the line with the mistake (line 4 of the file).
            assert_eq!(told[0]["line"], 4, "{lang} {line}: {message}");
            // Not the parser's own words, and a help line that says what to type.
            for parser in ["invalid type", "expected", "unknown field", "struct", "i64"] {
                assert!(!message.contains(parser), "{lang} {line}: {message}");
            }
            assert!(help.contains('`'), "{lang} {line}: no example in {help:?}");
            if !english {
                for word in [" is not ", " the ", " a ", " must "] {
                    assert!(!message.contains(word), "{line}: English in {message}");
                    assert!(!help.contains(word), "{line}: English in {help}");
                }
            }
        }
    }
}
