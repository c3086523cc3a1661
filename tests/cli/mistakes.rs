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
