//! What a story carries when it is shared or read on a phone (issue 17): Open Graph and
//! Twitter card tags, Article data, its own language, soft hyphens in long words of titles
//! only where they are shown, a contents list, and the words residents use.

use crate::support::*;

/// The value of `<meta property|name="key" content="...">` in `html`, if there is one.
fn meta<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    let head = &html[..html.find("</head>").expect("a head")];
    ["property", "name"].iter().find_map(|attr| {
        let at = head.find(&format!("<meta {attr}=\"{key}\" content=\""))?;
        let rest = &head[at..];
        let start = rest.find("content=\"")? + "content=\"".len();
        let end = start + rest[start..].find('"')?;
        Some(&rest[start..end])
    })
}

/// The JSON of every `<script type="application/ld+json">` of `html`, parsed.
fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(at, _)| {
            let rest = &html[at + open.len()..];
            let text = &rest[..rest.find("</script>").expect("script end")];
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
        })
        .collect()
}

#[test]
fn a_story_with_a_picture_travels_with_its_preview() {
    let site = Site::copy("images");
    site.edit(
        "content/stories/de-tuin/index.md",
        "date: 2024-05-01\n",
        "date: 2024-05-01\nupdated: 2024-06-02\nauthors: [Ria </script><Jansen>]\nsummary: De tuin \"bloeit\" & groeit </script>.\n",
    );
    site.plein(&["build"]).ok();
    let html = site.page("verhalen/de-tuin/index.html");
    let at = |k| meta(&html, k).unwrap_or_else(|| panic!("no {k} in {html}"));
    assert_eq!(at("og:title"), "De tuin");
    assert_eq!(
        at("og:description"),
        "De tuin &quot;bloeit&quot; &amp; groeit &lt;/script&gt;."
    );
    assert_eq!(at("og:url"), "https://wijk.example.org/verhalen/de-tuin/");
    assert_eq!(at("og:type"), "article");
    assert_eq!(at("og:locale"), "nl_NL");
    assert_eq!(at("og:site_name"), "Buurtverhalen");
    assert_eq!(
        at("og:image"),
        "https://wijk.example.org/verhalen/de-tuin/tuin.jpg"
    );
    assert_eq!(
        (at("og:image:width"), at("og:image:height")),
        ("1000", "625")
    );
    assert_eq!(at("og:image:alt"), "Een moestuin met een rij koolplanten");
    assert_eq!(at("twitter:card"), "summary_large_image");
    assert!(at("article:published_time").starts_with("2024-05-01T00:00:00"));
    assert!(at("article:modified_time").starts_with("2024-06-02T00:00:00"));

    let data = json_ld(&html);
    assert_eq!(data.len(), 1, "{html}");
    let article = &data[0];
    assert_eq!(article["@type"], "Article");
    assert_eq!(article["headline"], "De tuin");
    // The summary is in the description and og:description above; the Article data leaves
    // it out (optional for schema.org, and link previews read the other two).
    assert!(article.get("description").is_none(), "{article}");
    assert_eq!(article["inLanguage"], "nl");
    assert_eq!(article["author"][0]["name"], "Ria </script><Jansen>");
    assert_eq!(
        article["image"][0],
        "https://wijk.example.org/verhalen/de-tuin/tuin.jpg"
    );
    assert_eq!(article["publisher"]["name"], "Buurtverhalen");
    assert!(
        article["datePublished"]
            .as_str()
            .is_some_and(|d| d.starts_with("2024-05-01"))
    );
    // JSON inside <script> cannot end it or start a comment.
    let script = &html[html.find("application/ld+json").unwrap()..];
    let script = &script[..script.find("</script>").unwrap()];
    assert!(
        !script.contains("</") && !script.contains("<!--"),
        "{script}"
    );
}

#[test]
fn every_page_has_open_graph_tags() {
    let site = Site::copy("minimal");
    site.plein(&["build"]).ok();
    for page in [
        "index.html",
        "verhalen/index.html",
        "verhalen/eerste-verhaal/index.html",
        "agenda/index.html",
        "tags/index.html",
        "404.html",
    ] {
        let html = site.page(page);
        for key in [
            "og:title",
            "og:description",
            "og:site_name",
            "og:locale",
            "og:type",
        ] {
            assert!(
                meta(&html, key).is_some_and(|v| !v.is_empty()),
                "{page}: {key}"
            );
        }
        assert_eq!(meta(&html, "twitter:card"), Some("summary"), "{page}");
        assert!(meta(&html, "og:image").is_none(), "{page}: no picture");
    }
    let story = site.page("verhalen/eerste-verhaal/index.html");
    assert_eq!(meta(&story, "og:type"), Some("article"));
    let home = site.page("index.html");
    assert_eq!(meta(&home, "og:type"), Some("website"));
    assert_eq!(meta(&home, "og:url"), Some("https://wijk.example.org/"));
    assert!(json_ld(&home).is_empty());
}

#[test]
fn without_base_url_no_address_is_shared_that_points_at_the_preview() {
    let site = Site::copy("images");
    site.write("plein.yaml", "title: Proef\n");
    site.plein(&["build"]).ok();
    let html = site.page("verhalen/de-tuin/index.html");
    assert!(meta(&html, "og:url").is_none(), "{html}");
    assert!(meta(&html, "og:image").is_none(), "{html}");
    assert!(meta(&html, "og:title").is_some());
    let article = &json_ld(&html)[0];
    assert!(article.get("image").is_none() && article.get("url").is_none());
}

#[test]
fn a_story_in_english_on_a_dutch_site_says_so() {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/english.md",
        "---\ntitle: Neighbourhoodparticipationevaluation\ndate: 2024-05-03\nlanguage: en\n---\nIn English.\n",
    );
    site.plein(&["build"]).ok();
    let html = site.page("verhalen/english/index.html");
    assert!(html.contains("<html lang=\"nl\""), "the site stays Dutch");
    // Its own words are English; the theme's around them stay Dutch.
    assert!(
        html.contains("<h1 class=\"story__title\" lang=\"en\">"),
        "{html}"
    );
    assert!(html.contains("<div class=\"story__body prose wrap wrap--text\" lang=\"en\">"));
    assert_eq!(meta(&html, "og:locale"), Some("en_GB"));
    assert_eq!(json_ld(&html)[0]["inLanguage"], "en");
    // Its card in a list of the Dutch site says so too.
    let list = site.page("verhalen/index.html");
    let card = &list[..list.find("verhalen/english/").expect("its card")];
    let card = &card[card.rfind("<article").expect("a card")..];
    assert!(card.contains("lang=\"en\""), "{card}");
}

#[test]
fn an_unknown_story_language_is_an_error_at_its_place() {
    let site = Site::copy("minimal");
    site.write(
        "content/stories/frans.md",
        "---\ntitle: Frans\ndate: 2024-05-03\nlanguage: fr\n---\nBonjour.\n",
    );
    let run = site.plein(&["build"]);
    run.fails(1);
    let err = &run.stderr;
    assert!(
        err.contains("content/stories/frans.md:4:11:") && err.contains("`fr`"),
        "{err}"
    );
}

#[test]
fn long_words_of_titles_get_soft_hyphens_only_where_they_are_shown() {
    let site = Site::copy("minimal");
    let title = "Bewonersparticipatietrajectevaluatiebijeenkomst";
    site.write(
        "content/stories/lang.md",
        &format!("---\ntitle: {title}\ndate: 2024-05-03\n---\n## Buurtbewonersvertegenwoordiging\n\nTekst.\n"),
    );
    site.plein(&["build"]).ok();
    let html = site.page("verhalen/lang/index.html");
    let shy = '\u{AD}';
    let h1 = &html[html.find("<h1").unwrap()..];
    let h1 = &h1[..h1.find("</h1>").unwrap()];
    assert!(h1.matches(shy).count() >= 8, "{h1}");
    assert_eq!(h1.replace(shy, "").matches(title).count(), 1);
    let h2 = &html[html
        .find("<h2 id=\"buurtbewonersvertegenwoordiging\">")
        .expect("its id")..];
    assert!(h2[..h2.find("</h2>").unwrap()].contains(shy), "{h2}");
    let head = &html[..html.find("</head>").unwrap()];
    assert!(!head.contains(shy), "{head}");
    assert!(html.contains(&format!("<title>{title} – ")));
    for file in ["feed.xml", "sitemap.xml", "verhalen/index.html"] {
        let text = site.page(file);
        if file.ends_with(".xml") {
            assert!(!text.contains(shy), "{file}");
        } else {
            assert!(text.contains(shy), "{file}: the card's title");
        }
    }
    for entry in walkdir_files(&site.public().join("zoeken")) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(shy),
            "{}",
            entry.display()
        );
    }
}

/// Every file under `dir`.
fn walkdir_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    tree(dir).into_keys().map(|p| dir.join(p)).collect()
}

#[test]
fn long_stories_get_a_contents_list() {
    let site = Site::copy("minimal");
    let headings: String = ["Eerst", "Dan", "Daarna", "Tot slot"]
        .iter()
        .map(|h| format!("## {h}\n\nTekst.\n\n"))
        .collect();
    site.write(
        "content/stories/lang.md",
        &format!("---\ntitle: Lang\ndate: 2024-05-03\n---\n{headings}### Nog een\n\nTekst.\n"),
    );
    let words = "woord ".repeat(1600);
    site.write(
        "content/stories/veel.md",
        &format!(
            "---\ntitle: Veel\ndate: 2024-05-03\n---\n## Begin\n\n{words}\n\n## Eind\n\nKlaar.\n"
        ),
    );
    site.plein(&["build"]).ok();
    let html = site.page("verhalen/lang/index.html");
    let nav = &html[html
        .find("<nav class=\"contents\"")
        .expect("a contents list")..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    assert!(nav.contains(">Inhoud<"), "{nav}");
    for (id, text) in [
        ("eerst", "Eerst"),
        ("tot-slot", "Tot slot"),
        ("nog-een", "Nog een"),
    ] {
        assert!(
            nav.contains(&format!("<a href=\"#{id}\">{text}</a>")),
            "{nav}"
        );
        assert!(html.contains(&format!("id=\"{id}\"")));
    }
    assert!(
        site.page("verhalen/veel/index.html")
            .contains("<nav class=\"contents\"")
    );
    let short = site.page("verhalen/eerste-verhaal/index.html");
    assert!(!short.contains("class=\"contents\""));
}

#[test]
fn kinds_have_dutch_route_words_on_a_dutch_site() {
    let site = Site::copy("minimal");
    site.plein(&["build"]).ok();
    assert!(site.public().join("thema/tuin/index.html").exists());
    assert!(!site.public().join("thema/garden").exists());
    let story = site.page("verhalen/eerste-verhaal/index.html");
    assert!(story.contains("href=\"/thema/tuin/\""), "{story}");
    let english = Site::copy("minimal");
    english.english();
    english.plein(&["build"]).ok();
    assert!(english.public().join("themes/garden/index.html").exists());
}

#[test]
fn residents_words_for_tags_and_feeds() {
    let site = Site::copy("minimal");
    site.plein(&["build"]).ok();
    let html = site.page("index.html");
    let body = &html[html.find("<body").unwrap()..];
    for word in ["Tags<", "Atom", "iCalendar"] {
        assert!(!body.contains(word), "`{word}` on a Dutch page");
    }
    assert!(html.contains(">Onderwerpen</a>"), "{html}");
    assert!(html.contains("Volg het nieuws (feed)"));
    let agenda = site.page("agenda/index.html");
    assert!(!main_of(&agenda).contains("iCalendar"), "{agenda}");
    assert!(agenda.contains("Zet alle activiteiten in je agenda"));
    let english = Site::copy("minimal");
    english.english();
    english.plein(&["build"]).ok();
    let html = english.page("index.html");
    let body = &html[html.find("<body").unwrap()..];
    assert!(!body.contains("Atom") && !body.contains(">Tags<"), "{body}");
}

#[test]
fn the_copy_link_script_is_one_file_not_a_copy_in_every_page() {
    let site = Site::copy("minimal");
    site.plein(&["build"]).ok();
    let story = site.page("verhalen/eerste-verhaal/index.html");
    assert!(
        story.contains("<script src=\"/share.js\" defer></script>"),
        "{story}"
    );
    assert!(!story.contains("navigator.clipboard"), "{story}");
    assert!(site.page("share.js").contains("navigator.clipboard"));
}
