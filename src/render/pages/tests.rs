//! docs/themes.md against the context structs: what it promises theme authors is what they get.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::*;
use crate::pipeline::{self, Cache, Options};
use crate::render::{Globals, PageCache, jobs};

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
