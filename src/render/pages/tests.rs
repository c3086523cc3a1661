//! docs/themes.md against the context structs: what it promises theme authors is what they get.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::*;
use crate::ground::output::PageCache;
use crate::pipeline::{self, Cache, Options};
use crate::render::{Globals, jobs};

/// What docs/themes.md promises theme authors.
const THEMES_MD: &str = include_str!("../../../docs/themes.md");

fn now() -> jiff::ZonedDateTime {
    "2026-11-25T12:00:00Z[UTC]".parse().expect("a time")
}

/// The repository's example site, which has a page of every template.
fn example_site() -> Site {
    let opts = Options {
        root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        drafts: false,
        base_url: None,
        now: now(),
        resize: false,
        hints: None,
        defer_search: true,
    };
    let built = pipeline::build(&opts, &mut Cache::for_one_build(), None, &|_| Ok(()));
    match built {
        Ok(built) => built.site,
        Err(errs) => panic!("the example site has {} errors", errs.len()),
    }
}

/// The names of a JSON object's fields.
fn keys(value: &serde_json::Value) -> BTreeSet<String> {
    let object = value.as_object().expect("a context is an object");
    object.keys().cloned().collect()
}

/// The cells of the table that follows `heading`, header and rule left out.
fn table(heading: &str) -> Vec<Vec<String>> {
    let (_, section) = THEMES_MD.split_once(heading).expect("the heading is there");
    let rows = section.lines().skip_while(|l| !l.starts_with('|'));
    rows.take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|line| {
            // `\|` is a `|` inside a cell.
            let line = line.trim().trim_matches('|').replace("\\|", "\u{0}");
            let cells = line.split('|').map(|c| c.trim().replace('\u{0}', "|"));
            cells.collect()
        })
        .collect()
}

/// The names in backticks in `text` that are not inside parentheses and are plain names
/// (`stories`, not `page.title` or `{{ json_ld }}`).
fn names(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let (mut depth, mut code) = (0usize, None::<String>);
    for c in text.chars() {
        match (&mut code, c) {
            (Some(name), '`') => {
                let plain = name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                if depth == 0 && plain && !name.is_empty() {
                    found.insert(name.clone());
                }
                code = None;
            }
            (Some(name), c) => name.push(c),
            (None, '`') => code = Some(String::new()),
            (None, '(') => depth += 1,
            (None, ')') => depth = depth.saturating_sub(1),
            (None, _) => {}
        }
    }
    found
}

/// Every template's variables, from the context of every page of the example site.
fn variables_by_template(site: &Site) -> BTreeMap<&'static str, BTreeSet<String>> {
    let now = now();
    let shared = Shared::new(site, &now, &PageCache::default());
    let jobs = jobs::all(site, &now);
    let mut found: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for &job in &jobs {
        let page = serde_json::to_value(Page::of(&shared, job, &jobs)).expect("serialises");
        let mut names = keys(&page);
        assert!(names.remove("page"), "{job:?} has `page`");
        let seen = found.entry(job.template()).or_insert_with(|| names.clone());
        assert_eq!(*seen, names, "{job:?}: one template, one set of variables");
    }
    found
}

#[test]
fn themes_md_lists_each_templates_variables() {
    let site = example_site();
    let code = variables_by_template(&site);
    let mut documented: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in table("## Templates and what each receives") {
        let template = row[0].trim_matches('`').to_string();
        if template != "base.html" {
            documented.insert(template, names(&row[3]));
        }
    }
    for (template, variables) in &code {
        let doc = documented.get(*template);
        assert_eq!(
            doc,
            Some(variables),
            "docs/themes.md: the variables of `{template}`"
        );
    }
    let rendered: BTreeSet<&str> = code.keys().copied().collect();
    let listed: BTreeSet<&str> = documented.keys().map(String::as_str).collect();
    assert_eq!(
        listed, rendered,
        "docs/themes.md lists the templates plein renders"
    );
}

#[test]
fn themes_md_lists_the_globals_and_their_fields() {
    let site = example_site();
    let words = BTreeMap::new();
    let mut globals = serde_json::to_value(Globals::of(&site, &words)).expect("serialises");
    let now = now();
    let shared = Shared::new(&site, &now, &PageCache::default());
    let page = serde_json::to_value(Page::of(&shared, Job::NotFound, &[])).expect("page");
    globals["page"] = page["page"].clone();
    let rows = table("## Globals: on every page");
    let listed: BTreeSet<String> = rows.iter().map(|r| r[0].trim_matches('`').into()).collect();
    assert_eq!(listed, keys(&globals), "docs/themes.md: the globals");
    for row in &rows {
        let name = row[0].trim_matches('`');
        // `t` holds the theme's words, listed in a table of their own.
        if name != "t" && globals[name].is_object() {
            let fields = keys(&globals[name]);
            assert_eq!(
                names(&row[1]),
                fields,
                "docs/themes.md: the fields of `{name}`"
            );
        }
    }
}

/// The paragraphs of "The view types": each view's name and the text that lists its fields.
fn documented_views() -> BTreeMap<String, String> {
    let (_, section) = THEMES_MD
        .split_once("## The view types")
        .expect("the heading is there");
    let (section, _) = section.split_once("\n## ").expect("a next heading");
    section
        .split("\n\n")
        .filter_map(|paragraph| paragraph.trim().strip_prefix("**"))
        .filter_map(|rest| rest.split_once("**:"))
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

/// Every view type as the templates see it.
fn views(site: &Site) -> BTreeMap<&'static str, serde_json::Value> {
    use crate::render::agenda::{MeetingView, YearLink};
    let now = now();
    let shared = Shared::new(site, &now, &PageCache::default());
    let story_page = json(&Page::of(&shared, Job::Story(0), &[]));
    BTreeMap::from([
        ("Link", json(&Link { name: "", url: "" })),
        (
            "ImageView",
            json(&ImageView {
                url: "",
                alt: "",
                caption: None,
                credit: None,
                width: None,
                height: None,
                srcset: None,
                webp_srcset: None,
            }),
        ),
        ("StoryCard", json(&StoryCard::of(site, &site.stories[0]))),
        ("StoryView", story_page["story"].clone()),
        ("AuthorView", json(&AuthorView::of(&site.people[0]))),
        ("PersonView", json(&PersonView::of(site, &site.people[0]))),
        (
            "EventCard",
            json(&EventCard::of(site, &site.events[0], &now)),
        ),
        (
            "YearLink",
            json(&YearLink {
                year: 2025,
                url: String::new(),
                count: 1,
                current: false,
            }),
        ),
        (
            "MeetingView",
            json(&MeetingView {
                when: String::new(),
                start_iso: String::new(),
            }),
        ),
        (
            "NeighbourhoodView",
            json(&NeighbourhoodView::of(site, &site.neighbourhoods[0])),
        ),
        (
            "AnchorView",
            json(&AnchorView {
                text: "",
                url: None,
                role: None,
            }),
        ),
        ("TermView", json(&TermView::tag(&site.tags[0]))),
        (
            "ShareView",
            json(&crate::render::share::ShareView::of("", String::new())),
        ),
        (
            "Pagination",
            json(&Pagination {
                current: 1,
                total: 1,
                prev_url: None,
                next_url: None,
                pages: Vec::new(),
            }),
        ),
    ])
}

/// A view as a template sees it.
fn json<T: serde::Serialize>(view: &T) -> serde_json::Value {
    serde_json::to_value(view).expect("a view serialises")
}

#[test]
fn themes_md_lists_each_view_types_fields() {
    let site = example_site();
    let code = views(&site);
    let documented = documented_views();
    let listed: BTreeSet<&str> = documented.keys().map(String::as_str).collect();
    assert_eq!(
        listed,
        code.keys().copied().collect(),
        "docs/themes.md: the view types"
    );
    for (name, text) in &documented {
        let mut fields = names(text);
        // "every field of StoryCard, and also …"
        if let Some((_, rest)) = text.split_once("every field of ") {
            let base: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
            fields.extend(keys(&code[base.as_str()]));
        }
        assert_eq!(
            fields,
            keys(&code[name.as_str()]),
            "docs/themes.md: the fields of {name}"
        );
    }
}

#[test]
fn a_person_page_has_a_reach_that_only_its_own_cards_change() {
    let mut site = example_site();
    site.config.per_page = 1;
    let idx = site
        .people
        .iter()
        .position(|p| p.stories.len() >= 2)
        .expect("the example site has a person with two stories");
    let (first, second) = (site.people[idx].stories[0], site.people[idx].stories[1]);
    let now = now();
    let reaches = |edited: Option<Idx>| {
        let mut shared = Shared::new(&site, &now, &PageCache::default());
        if let Some(i) = edited {
            shared.card_prints[i] ^= 1;
        }
        let reach = Reach::new(&shared, 0);
        [1, 2].map(|page| reach.of(Job::Person { idx, page }).expect("a reach"))
    };
    let before = reaches(None);
    assert_ne!(before[0], before[1], "each page its own reach");
    // A card on page 2 changed: page 1 is left alone, page 2 is made again.
    let after = reaches(Some(second));
    assert_eq!(after[0], before[0]);
    assert_ne!(after[1], before[1]);
    let after = reaches(Some(first));
    assert_ne!(after[0], before[0]);
    assert_eq!(after[1], before[1]);
}
