//! Building fixture sites and the example site: pages, links, feeds, drafts, output safety.

use std::path::Path;

use crate::support::*;

/// Every root-relative link and source in every HTML file of `public` resolves to a file.
fn assert_links_resolve(public: &Path) {
    let mut broken = Vec::new();
    for (path, bytes) in tree(public) {
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for link in links(&html) {
            if !link.starts_with('/') || link.starts_with("//") {
                continue;
            }
            let target = link
                .split(['#', '?'])
                .next()
                .unwrap()
                .trim_start_matches('/');
            let file = public.join(target);
            let ok = if target.is_empty() || target.ends_with('/') {
                file.join("index.html").is_file()
            } else {
                file.is_file()
            };
            if !ok {
                broken.push(format!("{}: {link}", path.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn example_site_builds_and_every_link_resolves() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let run = plein_in(&repo(), &["build", "--output", public.to_str().unwrap()]);
    run.ok();
    assert!(run.stderr.contains("verhalen"), "{}", run.stderr);
    assert!(public.join("index.html").is_file());
    assert!(
        public
            .join("verhalen/florijnflat-krijgt-kleur/index.html")
            .is_file()
    );
    assert_links_resolve(&public);
    for xml in ["feed.xml", "sitemap.xml", "buurten/muntenbuurt/feed.xml"] {
        let text = std::fs::read_to_string(public.join(xml)).unwrap();
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{xml}: {e}"));
    }
}

#[test]
fn article_renders_with_dutch_date_quote_author_and_neighbourhoods() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    let story = site.page("verhalen/kracht-van-samen/index.html");
    assert!(story.contains("18 juli 2022"), "Dutch date");
    assert!(story.contains("<blockquote>"), "pull-quote");
    assert!(
        story.contains("href=\"/mensen/irma-vroegop/\""),
        "author link"
    );
    assert!(story.contains("href=\"/buurten/rijtuigenbuurt/\""));
    assert!(story.contains("href=\"/buurten/muntenbuurt/\""));
    assert!(
        story.contains("href=\"/buurten/muntenbuurt/#ankerpunten\""),
        "relative link rewritten with its fragment"
    );
    assert!(
        story.contains("src=\"/verhalen/kracht-van-samen/tafel.png\""),
        "image beside the story"
    );
    assert!(
        site.public()
            .join("verhalen/kracht-van-samen/tafel.png")
            .is_file()
    );
    assert!(
        story.contains("https://example.org/artikel"),
        "source attribution"
    );
    assert!(
        story.contains("/agenda/agenda-sociaal-werk/"),
        "event call to action"
    );
    let person = site.page("mensen/irma-vroegop/index.html");
    assert!(
        person.contains("/verhalen/kracht-van-samen/"),
        "person links back to the story"
    );
    for hood in ["muntenbuurt", "rijtuigenbuurt"] {
        let page = site.page(&format!("buurten/{hood}/index.html"));
        assert!(
            page.contains("/verhalen/kracht-van-samen/"),
            "{hood} links back to the story"
        );
    }
    let muntenbuurt = site.page("buurten/muntenbuurt/index.html");
    assert!(
        muntenbuurt.contains("Het flatcontact in iedere flat"),
        "anchor point"
    );
    assert_links_resolve(&site.public());
}

#[test]
fn slugs_fold_diacritics_and_named_things_get_pages() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    assert!(
        site.public()
            .join("verhalen/creeer-ruimte/index.html")
            .is_file()
    );
    for page in [
        "tags/community-building/index.html",
        "thema/ontmoeting/index.html",
        "thema/tuin/index.html",
        "buurten/index.html",
        "mensen/index.html",
        "tags/index.html",
        "agenda/index.html",
        "over/index.html",
        "404.html",
        "robots.txt",
    ] {
        assert!(site.public().join(page).is_file(), "{page}");
    }
    let relative = site.page("verhalen/creeer-ruimte/index.html");
    assert!(
        relative.contains("href=\"/verhalen/kracht-van-samen/\""),
        "link to index.md becomes the story URL"
    );
}

#[test]
fn bom_and_crlf_files_build_like_any_other() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    assert!(site.page("over/index.html").contains("Over deze site"));
    assert!(
        site.page("buurten/rijtuigenbuurt/index.html")
            .contains("De buurt van het KOEKhuis.")
    );
}

#[test]
fn drafts_only_with_the_flag() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    assert!(!site.public().join("verhalen/nog-niet-af").exists());
    site.plein(&["build", "--drafts"]).ok();
    assert!(
        site.public()
            .join("verhalen/nog-niet-af/index.html")
            .is_file()
    );
}

#[test]
fn feeds_and_sitemap_use_the_base_url() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    let feed = site.page("feed.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let entries = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .count();
    assert_eq!(entries, 2);
    assert!(feed.contains("<id>https://wijk.example.nl/verhalen/kracht-van-samen/</id>"));
    let sitemap = site.page("sitemap.xml");
    roxmltree::Document::parse(&sitemap).unwrap();
    assert!(sitemap.contains("<loc>https://wijk.example.nl/verhalen/creeer-ruimte/</loc>"));
    assert!(!sitemap.contains("404"));
    let hood_feed = site.page("buurten/muntenbuurt/feed.xml");
    roxmltree::Document::parse(&hood_feed).unwrap();
    site.plein(&["build", "--base-url", "https://elders.example.org/wijk"])
        .ok();
    assert!(
        site.page("verhalen/creeer-ruimte/index.html")
            .contains("href=\"/wijk/verhalen/kracht-van-samen/\"")
    );
    assert!(
        site.public()
            .join("verhalen/creeer-ruimte/index.html")
            .is_file(),
        "the prefix is not a folder in the output"
    );
}

#[test]
fn english_sites_use_english_words() {
    let site = Site::copy("minimal");
    site.write("plein.yaml", "language: en\n");
    site.plein(&["build"]).ok();
    let story = site.page("stories/eerste-verhaal/index.html");
    assert!(story.contains("2 May 2024"));
    assert!(story.contains("lang=\"en\""));
    assert!(
        site.public()
            .join("neighbourhoods/zuilenstein/index.html")
            .is_file()
    );
    assert!(site.public().join("events/tuindag/index.html").is_file());
}

#[test]
fn the_summary_counts_what_was_built() {
    let site = Site::copy("article");
    let run = site.plein(&["build"]);
    run.ok();
    assert!(
        run.stderr
            .contains("plein: 2 verhalen, 1 activiteit, 2 buurten, 1 persoon"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(" s"), "{}", run.stderr);
}

#[test]
fn a_site_template_overrides_the_theme() {
    let site = Site::copy("minimal");
    site.write(
        "templates/404.html",
        "<!doctype html><title>Weg</title><main><h1>Deze pagina is verhuisd</h1></main>\n",
    );
    site.plein(&["build"]).ok();
    assert!(site.page("404.html").contains("Deze pagina is verhuisd"));
}

#[test]
fn repeated_builds_give_identical_output() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    let first = tree(&site.public());
    site.plein(&["build"]).ok();
    assert_eq!(first, tree(&site.public()));
}

#[test]
fn dangerous_output_folders_are_refused() {
    let site = Site::copy("minimal");
    let before = tree(site.root());
    for output in [".", "content", "content/stories", "..", "/"] {
        let run = site.plein(&["build", "--output", output]);
        run.fails(1);
        assert!(
            run.stderr.contains("plein bouwt niet in"),
            "{output}: {}",
            run.stderr
        );
    }
    assert_eq!(before, tree(site.root()), "nothing in the site changed");
}

#[test]
fn a_folder_plein_did_not_write_is_not_replaced() {
    let site = Site::copy("minimal");
    site.write("docs/notes.txt", "my own notes");
    site.plein(&["build", "--output", "docs"]).fails(1);
    assert_eq!(
        std::fs::read_to_string(site.root().join("docs/notes.txt")).unwrap(),
        "my own notes"
    );
}

#[test]
fn check_writes_nothing() {
    let site = Site::copy("article");
    let run = site.plein(&["check"]);
    run.ok();
    assert!(!site.public().exists());
    assert!(run.stderr.contains("plein: geen fouten"), "{}", run.stderr);
}

#[test]
fn a_wrong_command_line_exits_2() {
    plein_in(&repo(), &["build", "--no-such-flag"]).fails(2);
    plein_in(&repo(), &["frobnicate"]).fails(2);
}

#[test]
fn pages_snapshot() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    for page in [
        "verhalen/kracht-van-samen/index.html",
        "buurten/muntenbuurt/index.html",
        "mensen/irma-vroegop/index.html",
        "agenda/agenda-sociaal-werk/index.html",
    ] {
        let html = site.page(page);
        insta::assert_snapshot!(page.replace('/', "_"), main_of(&html));
    }
}

#[test]
fn a_repeated_build_keeps_unchanged_pages_and_matches_a_clean_one() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    site.edit(
        "content/stories/creeer-ruimte.md",
        "Creëer ruimte voor ontmoeting",
        "Maak ruimte voor ontmoeting",
    );
    let run = site.plein(&["build"]);
    run.ok();
    assert!(run.stderr.contains("ongewijzigd gelaten"), "{}", run.stderr);
    assert!(
        site.page("verhalen/creeer-ruimte/index.html")
            .contains("Maak ruimte voor ontmoeting")
    );
    let clean = tempfile::tempdir().unwrap();
    let clean_out = clean.path().join("out");
    site.plein(&["build", "--output", clean_out.to_str().unwrap()])
        .ok();
    assert_eq!(
        tree(&site.public()),
        tree(&clean_out),
        "a repeated build equals a clean one"
    );
}

#[test]
fn pages_written_by_another_build_of_plein_are_not_reused() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    let marker = site.public().join(".plein-output");
    let text = std::fs::read_to_string(&marker).unwrap();
    let version = text.lines().nth(1).unwrap();
    assert!(version.contains(" (build "), "{version}");
    // A binary with the same version number but other code, such as a development build.
    let same_number = format!("plein {}", env!("CARGO_PKG_VERSION"));
    std::fs::write(&marker, text.replacen(version, &same_number, 1)).unwrap();
    let run = site.plein(&["build"]);
    run.ok();
    assert!(
        !run.stderr.contains("unchanged") && !run.stderr.contains("nothing changed"),
        "every page is written anew: {}",
        run.stderr
    );
}

#[test]
fn a_build_with_nothing_changed_leaves_the_output_alone() {
    let site = Site::copy("article");
    site.plein(&["build"]).ok();
    let before = tree(&site.public());
    let run = site.plein(&["build"]);
    run.ok();
    assert!(run.stderr.contains("niets veranderd"), "{}", run.stderr);
    assert_eq!(before, tree(&site.public()));
    // A stray file in the output is not part of the site: the next build replaces the folder.
    std::fs::write(site.public().join("stray.html"), "not from plein").unwrap();
    let run = site.plein(&["build"]);
    run.ok();
    assert!(!run.stderr.contains("nothing changed"), "{}", run.stderr);
    assert!(!site.public().join("stray.html").exists());
    assert_eq!(before, tree(&site.public()));
}

/// The `content` of each page's `<meta name="description">`, by page path; `None` when a
/// page has none.
fn descriptions(public: &Path) -> Vec<(std::path::PathBuf, Option<String>)> {
    let tag = "<meta name=\"description\" content=\"";
    tree(public)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .map(|(path, bytes)| {
            let html = String::from_utf8(bytes).unwrap();
            let found = html.find(tag).map(|i| {
                let rest = &html[i + tag.len()..];
                rest[..rest.find('"').unwrap()].to_string()
            });
            (path, found)
        })
        .collect()
}

#[test]
fn every_page_has_a_meta_description() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    plein_in(&repo(), &["build", "--output", public.to_str().unwrap()]).ok();
    let all = descriptions(&public);
    assert!(all.len() > 60, "only {} pages", all.len());
    let site_description = "Verhalen van bewoners, vrijwilligers en buurtwerkers";
    for (path, description) in &all {
        let description = description.as_deref().unwrap_or_default();
        assert!(
            description.trim().len() > 15,
            "{}: meta description `{description}`",
            path.display()
        );
        // Only the home page (and its later pages) say what the whole site is about.
        let home = path.starts_with("index.html") || path.starts_with("pagina");
        assert_eq!(
            description.starts_with(site_description),
            home,
            "{}: {description}",
            path.display()
        );
    }
    let english = Site::copy("minimal");
    english.write("plein.yaml", "title: Neighbours\nlanguage: en\n");
    english.plein(&["build"]).ok();
    let all = descriptions(&english.public());
    for (path, description) in &all {
        assert!(
            description.as_deref().is_some_and(|d| !d.trim().is_empty()),
            "{}: {description:?}",
            path.display()
        );
    }
    let of = |page: &str| {
        all.iter()
            .find(|(p, _)| p == Path::new(page))
            .and_then(|(_, d)| d.clone())
            .unwrap()
    };
    assert_eq!(of("tags/groen/index.html"), "All stories about ‘groen’.");
    assert_eq!(
        of("index.html"),
        "Neighbours",
        "no site description: its title"
    );
}

#[test]
fn cards_show_a_long_summary_shortened_and_the_story_keeps_it_whole() {
    let site = Site::copy("minimal");
    // 70 words, 559 characters: more than a card's three lines can ever show.
    let words: Vec<String> = (0..70).map(|i| format!("woord{i:02}")).collect();
    let summary = words.join(" ");
    site.write(
        "content/stories/lang.md",
        &format!(
            "---\ntitle: Lang\ndate: 2024-05-03\nneighbourhoods: [Zuilenstein]\n---\n{summary}\n"
        ),
    );
    site.plein(&["build"]).ok();
    // Cut after the last whole word within 300 characters (woord36, at 295), with "…".
    let shortened = format!("{}…", words[..37].join(" "));
    let list = site.page("verhalen/index.html");
    assert!(
        list.contains(&format!("<p class=\"card__summary\">{shortened}</p>")),
        "{}",
        main_of(&list)
    );
    assert!(
        !list.contains(&summary),
        "the whole summary is not on a card"
    );
    let story = site.page("verhalen/lang/index.html");
    assert!(story.contains(&format!(
        "<meta name=\"description\" content=\"{summary}\">"
    )));
    let feed = site.page("feed.xml");
    assert!(feed.contains(&summary), "the feed keeps the whole summary");
    let paper = site.page("buurtkrant/index.html");
    assert!(paper.contains(&summary), "the printed paper keeps it whole");
}

#[test]
fn the_home_page_leads_to_the_story_list_and_has_no_pages_of_its_own() {
    let site = Site::copy("minimal");
    site.edit("plein.yaml", "base_url:", "per_page: 2\nbase_url:");
    for i in 1..=4 {
        site.write(
            &format!("content/stories/verhaal-{i}.md"),
            &format!("---\ntitle: Verhaal {i}\ndate: 2024-06-0{i}\n---\nTekst {i}.\n"),
        );
    }
    site.plein(&["build"]).ok();
    // The home page's later pages would show the story list's pages card for card.
    assert!(!site.public().join("pagina").exists(), "no /pagina/N/");
    let home = site.page("index.html");
    assert!(
        home.contains("href=\"/verhalen/pagina/2/\""),
        "{}",
        main_of(&home)
    );
    assert!(!home.contains("href=\"/pagina/"), "{}", main_of(&home));
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("/verhalen/pagina/3/"), "{sitemap}");
    assert!(!sitemap.contains("wijk.example.org/pagina/"), "{sitemap}");
}

#[test]
fn a_list_page_shows_24_stories_unless_the_site_says_otherwise() {
    // minimal has one story and sets no per_page; 48 more make 49: pages of 24, 24 and 1.
    let site = Site::copy("minimal");
    for i in 1..=48 {
        site.write(
            &format!("content/stories/verhaal-{i}.md"),
            &format!(
                "---\ntitle: Verhaal {i}\ndate: 2023-{:02}-{:02}\n---\nTekst {i}.\n",
                1 + i % 12,
                1 + i / 12
            ),
        );
    }
    site.plein(&["build"]).ok();
    let cards = |page: &str| site.page(page).matches("<article class=\"card\"").count();
    assert_eq!(cards("verhalen/index.html"), 24);
    assert_eq!(cards("verhalen/pagina/2/index.html"), 24);
    assert_eq!(cards("verhalen/pagina/3/index.html"), 1);
    assert!(!site.public().join("verhalen/pagina/4").exists());
    let first = site.page("verhalen/index.html");
    assert!(
        first.contains("<a href=\"/verhalen/pagina/2/\" rel=\"next\">"),
        "{first}"
    );
    assert!(
        first.contains("</span>3</a></li>"),
        "three page numbers: {first}"
    );
    assert!(
        !first.contains("</span>4</a></li>"),
        "no fourth page: {first}"
    );
    let second = site.page("verhalen/pagina/2/index.html");
    assert!(
        second.contains("<a href=\"/verhalen/\" rel=\"prev\">"),
        "{second}"
    );
    assert!(
        second.contains("<a href=\"/verhalen/pagina/3/\" rel=\"next\">"),
        "{second}"
    );
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("/verhalen/pagina/3/"), "{sitemap}");
    assert!(!sitemap.contains("/verhalen/pagina/4/"), "{sitemap}");
    // A site that asks for 12 still gets 12.
    site.edit("plein.yaml", "base_url:", "per_page: 12\nbase_url:");
    site.plein(&["build"]).ok();
    assert_eq!(cards("verhalen/index.html"), 12);
    assert_eq!(cards("verhalen/pagina/5/index.html"), 1);
}

#[test]
fn a_person_page_lists_their_stories_a_page_at_a_time_like_a_tag() {
    // Five stories by one person, two a page: pages of 2, 2 and 1 under /mensen/<slug>/.
    let site = Site::copy("minimal");
    site.edit("plein.yaml", "base_url:", "per_page: 2\nbase_url:");
    site.write(
        "content/people/marije-de-vries.md",
        "---\ntitle: Marije de Vries\nrole: buurtverbinder\n---\nMarije woont al twintig jaar in de wijk.\n",
    );
    for i in 1..=5 {
        site.write(
            &format!("content/stories/verhaal-{i}.md"),
            &format!(
                "---\ntitle: Verhaal {i}\ndate: 2024-06-0{i}\nauthors: [Marije de Vries]\n---\nTekst {i}.\n"
            ),
        );
    }
    site.plein(&["build"]).ok();
    let cards = |page: &str| site.page(page).matches("<article class=\"card\"").count();
    let first = site.page("mensen/marije-de-vries/index.html");
    let second = site.page("mensen/marije-de-vries/pagina/2/index.html");
    let third = site.page("mensen/marije-de-vries/pagina/3/index.html");
    assert!(
        !site
            .public()
            .join("mensen/marije-de-vries/pagina/4")
            .exists()
    );
    assert_eq!(cards("mensen/marije-de-vries/index.html"), 2);
    assert_eq!(cards("mensen/marije-de-vries/pagina/2/index.html"), 2);
    assert_eq!(cards("mensen/marije-de-vries/pagina/3/index.html"), 1);
    // The newest first, then on through the pages.
    assert!(first.contains(">Verhaal 5<") && first.contains(">Verhaal 4<"));
    assert!(third.contains(">Verhaal 1<") && !third.contains(">Verhaal 2<"));
    // Every page says whose stories these are; the bio is on the first page only.
    for page in [&first, &second, &third] {
        assert!(main_of(page).contains("<h1>Marije de Vries"), "{page}");
        assert!(page.contains("buurtverbinder"), "{page}");
    }
    assert!(first.contains("twintig jaar"), "{}", main_of(&first));
    assert!(!second.contains("twintig jaar"), "{}", main_of(&second));
    assert!(first.contains("<title>Marije de Vries – "), "{first}");
    assert!(
        second.contains("<title>Marije de Vries (pagina 2) – "),
        "{second}"
    );
    assert!(
        first.contains("<a href=\"/mensen/marije-de-vries/pagina/2/\" rel=\"next\">"),
        "{}",
        main_of(&first)
    );
    assert!(
        second.contains("<a href=\"/mensen/marije-de-vries/\" rel=\"prev\">"),
        "{}",
        main_of(&second)
    );
    assert!(
        second.contains("<a href=\"/mensen/marije-de-vries/pagina/3/\" rel=\"next\">"),
        "{}",
        main_of(&second)
    );
    assert!(
        second.contains(
            "<link rel=\"canonical\" href=\"https://wijk.example.org/mensen/marije-de-vries/pagina/2/\">"
        ),
        "{second}"
    );
    let sitemap = site.page("sitemap.xml");
    assert!(
        sitemap.contains("/mensen/marije-de-vries/pagina/3/"),
        "{sitemap}"
    );
    assert!(
        !sitemap.contains("/mensen/marije-de-vries/pagina/4/"),
        "{sitemap}"
    );
    assert_links_resolve(&site.public());
}

#[test]
fn pages_have_no_indentation_but_code_keeps_its_own() {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/code.md",
        "---\ntitle: Code\ndate: 2024-05-03\n---\nZo:\n\n```\nals regen:\n    paraplu\n```\n",
    );
    site.plein(&["build"]).ok();
    let story = site.page("verhalen/code/index.html");
    assert!(
        story.contains("<pre><code>als regen:\n    paraplu\n</code></pre>"),
        "{story}"
    );
    for page in [
        "index.html",
        "verhalen/index.html",
        "verhalen/eerste-verhaal/index.html",
    ] {
        let html = site.page(page);
        let indented: Vec<&str> = html
            .lines()
            .filter(|l| l.starts_with([' ', '\t']) || l.is_empty())
            .collect();
        assert!(indented.is_empty(), "{page}: {indented:#?}");
    }
}

/// Every class the buurt theme's style sheet styles is written by a template, a script or the
/// Markdown renderer (a rule nobody can reach only costs bytes); a class written in parts, like
/// `signup--{{ ev.signup }}`, counts by its fixed start.
#[test]
fn every_class_in_the_style_sheet_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let css = std::fs::read_to_string(root.join("themes/buurt/static/style.css")).unwrap();
    let mut users = String::new();
    for dir in ["themes/buurt/templates", "themes/buurt/static", "src"] {
        for (path, bytes) in tree(&root.join(dir)) {
            if path.extension().is_some_and(|e| e != "css") {
                users.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
    }
    let mut rules = String::new();
    let mut rest = css.as_str();
    while let Some(start) = rest.find("/*") {
        rules.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    rules.push_str(rest);
    let mut unused = std::collections::BTreeSet::new();
    for (at, _) in rules.match_indices('.') {
        let name: String = rules[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue; // a number such as 0.5rem
        }
        let used = users.contains(&name)
            || name
                .match_indices("--")
                .any(|(i, _)| users.contains(&format!("{}{{{{", &name[..i + 2])))
            || name.ends_with(|c: char| c.is_ascii_digit())
                && users.contains(&format!(
                    "{}{{{{",
                    name.trim_end_matches(|c: char| c.is_ascii_digit())
                ));
        if !used {
            unused.insert(name);
        }
    }
    assert!(unused.is_empty(), "styled but never written: {unused:?}");
}

/// A card and a story page say a story's day as a date when no time is given, and keep the
/// separator between date and reading time out of the markup (the style sheet draws it).
#[test]
fn cards_carry_a_date_without_a_time_and_no_separator_markup() {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/middag.md",
        "---\ntitle: Middag\ndate: 2024-06-04T14:30\nneighbourhoods: []\n---\nTekst.\n",
    );
    site.write(
        "content/stories/dag.md",
        "---\ntitle: Dag\ndate: 2024-06-03\n---\nTekst.\n",
    );
    site.plein(&["build"]).ok();
    let list = site.page("verhalen/index.html");
    assert!(
        list.contains(
            "<p class=\"meta\"><time datetime=\"2024-06-03\">3 juni 2024</time>1 minuut lezen</p>"
        ),
        "{}",
        main_of(&list)
    );
    assert!(
        list.contains("<time datetime=\"2024-06-04T14:30:00+02:00\">4 juni 2024</time>"),
        "{}",
        main_of(&list)
    );
    let story = site.page("verhalen/dag/index.html");
    assert!(
        story.contains("<time datetime=\"2024-06-03\">3 juni 2024</time>1 minuut lezen"),
        "{}",
        main_of(&story)
    );
    for html in [&list, &story] {
        assert!(!html.contains("meta__sep"), "{}", main_of(html));
    }
    let css = site.page("style.css");
    assert!(
        css.contains(".meta > time:first-child::after"),
        "the separator is drawn"
    );
}

/// A card is on about nine list pages: the line breaks between its elements, which show
/// nowhere, are left out; a story page's own chips keep theirs.
#[test]
fn a_card_is_written_without_line_breaks() {
    let site = Site::copy("minimal");
    site.plein(&["build"]).ok();
    let list = site.page("verhalen/index.html");
    let cards: Vec<&str> = list
        .split("<li><article class=\"card\"")
        .skip(1)
        .map(|rest| {
            rest.split_once("</article></li>")
                .map_or(rest, |(card, _)| card)
        })
        .collect();
    assert!(!cards.is_empty(), "{}", main_of(&list));
    for card in cards {
        assert!(!card.contains('\n'), "a line break in a card: {card}");
        assert!(card.contains("</ul></div>"), "{card}");
    }
    let story = site.page("verhalen/eerste-verhaal/index.html");
    assert!(
        story.contains("<ul class=\"chips\" aria-label=\"Buurten\">\n<li>"),
        "{}",
        main_of(&story)
    );
}
