//! Rebuilds with a cache kept across edits, as `plein serve` makes them, give exactly what a
//! build from nothing gives: the same files with the same bytes, and the same errors.
//!
//! A generated site of forty stories (six a list page, so a person's list has pages too) goes
//! through a sequence of edits of every kind (titles, dates that reorder the stories, tags and
//! neighbourhoods that change which stories are related, new, removed and renamed files, a
//! broken edit and its fix, settings); after each,
//! the files the cached rebuild hands over (and the ones it says are gone) are applied to the
//! previous output and compared with a clean build's, and the fingerprints of what every
//! page's template saw with the clean build's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use plein::ground::output::Output;
use plein::pipeline::{self, Cache, Options};

const HOODS: [&str; 4] = ["Muntenbuurt", "Rijtuigenbuurt", "Zuilenstein", "De Drecht"];
const TAGS: [&str; 6] = ["koffie", "tuin", "muur", "jongeren", "ouderen", "markt"];
const KINDS: [&str; 3] = ["meeting", "mural", "garden"];

fn story(n: usize) -> String {
    let day = 1 + n % 28;
    let month = 1 + n % 12;
    format!(
        "---\ntitle: Verhaal {n}\ndate: 2024-{month:02}-{day:02}\nauthors: [Auteur {}]\nneighbourhoods: [{}]\nkind: {}\ntags: [{}, {}]\n{}---\nDe buurt en verhaal {n}. Lees ook [het vorige](story-{}.md).\n\n> Samen doen we het.\n\nMeer over de {}.\n",
        n % 3,
        HOODS[n % HOODS.len()],
        KINDS[n % KINDS.len()],
        TAGS[n % TAGS.len()],
        TAGS[(n * 7 + 1) % TAGS.len()],
        if n.is_multiple_of(10) {
            "events: [bijeenkomst]\n"
        } else {
            ""
        },
        n.saturating_sub(1),
        TAGS[n % TAGS.len()],
    )
}

fn generate(root: &Path) {
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    // Six a page, so every list, a person's too, has pages that an edit leaves alone.
    write(
        "plein.yaml",
        "title: Buurtverhalen\nbase_url: https://buurt.example.nl/\nlanguage: nl\nper_page: 6\n",
    );
    for n in 0..40 {
        write(&format!("content/stories/story-{n}.md"), &story(n));
    }
    write(
        "content/events/bijeenkomst.md",
        "---\ntitle: Bijeenkomst\nstart: 2026-12-01T19:30\nend: 2026-12-01T21:30\nneighbourhoods: [Muntenbuurt]\n---\nKom ook.\n",
    );
    write(
        "content/neighbourhoods/muntenbuurt.md",
        "---\ntitle: Muntenbuurt\ncity: Nieuwegein\nanchors: [Auteur 1, Het buurthuis]\n---\nEen buurt.\n",
    );
    write(
        "content/people/auteur-1.md",
        "---\ntitle: Auteur 1\nrole: opbouwwerker\n---\nSchrijft.\n",
    );
    write(
        "content/pages/over.md",
        "---\ntitle: Over deze site\n---\nOver ons.\n",
    );
}

fn options(root: &Path) -> Options {
    Options {
        root: root.to_path_buf(),
        drafts: false,
        base_url: None,
        now: "2026-11-25T12:00:00Z[UTC]".parse().unwrap(),
        resize: false,
        hints: None,
        defer_search: false,
    }
}

type Files = BTreeMap<PathBuf, Vec<u8>>;

/// Build with `cache`, returning the files handed over, the files gone, or the errors.
fn build(
    root: &Path,
    cache: &mut Cache,
    changed: Option<&BTreeSet<PathBuf>>,
) -> Result<(Files, Vec<PathBuf>), String> {
    let out = Mutex::new(Files::new());
    let sink = |o: Output| {
        out.lock().unwrap().insert(o.path, o.bytes);
        Ok(())
    };
    match pipeline::build(&options(root), cache, changed, &sink) {
        Ok(built) => Ok((out.into_inner().unwrap(), built.gone)),
        Err(errs) => Err(errs.render_plain(root, plein::config::Lang::En)),
    }
}

/// One edit: the files it touches, relative to the root.
type Edit = fn(&Path) -> Vec<&'static str>;

fn replace(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

const EDITS: &[(&str, Edit)] = &[
    ("a title", |r| {
        replace(
            r,
            "content/stories/story-5.md",
            "title: Verhaal 5",
            "title: Nieuw 5",
        );
        vec!["content/stories/story-5.md"]
    }),
    ("a body", |r| {
        replace(r, "content/stories/story-6.md", "Samen doen", "Samen deden");
        vec!["content/stories/story-6.md"]
    }),
    ("a date that moves a story to the front", |r| {
        replace(
            r,
            "content/stories/story-7.md",
            "date: 2024-08-08",
            "date: 2025-06-01",
        );
        vec!["content/stories/story-7.md"]
    }),
    ("a tag", |r| {
        replace(r, "content/stories/story-8.md", "tags: [", "tags: [nieuw, ");
        vec!["content/stories/story-8.md"]
    }),
    ("a neighbourhood", |r| {
        let rel = "content/stories/story-9.md";
        replace(
            r,
            rel,
            "neighbourhoods: [Rijtuigenbuurt]",
            "neighbourhoods: [Muntenbuurt]",
        );
        vec![rel]
    }),
    ("a new story", |r| {
        std::fs::write(r.join("content/stories/story-40.md"), story(40)).unwrap();
        vec!["content/stories/story-40.md"]
    }),
    ("a removed story that another links to", |r| {
        std::fs::remove_file(r.join("content/stories/story-12.md")).unwrap();
        vec!["content/stories/story-12.md"]
    }),
    ("the link fixed", |r| {
        let rel = "content/stories/story-13.md";
        replace(r, rel, "(story-12.md)", "(story-11.md)");
        vec![rel]
    }),
    ("a renamed story", |r| {
        let (from, to) = ("content/stories/story-20.md", "content/stories/hernoemd.md");
        std::fs::rename(r.join(from), r.join(to)).unwrap();
        replace(
            r,
            "content/stories/story-21.md",
            "(story-20.md)",
            "(hernoemd.md)",
        );
        vec![from, to, "content/stories/story-21.md"]
    }),
    ("an unknown kind", |r| {
        replace(
            r,
            "content/stories/story-3.md",
            "kind: meeting",
            "kind: feest",
        );
        vec!["content/stories/story-3.md"]
    }),
    ("the kind fixed", |r| {
        replace(
            r,
            "content/stories/story-3.md",
            "kind: feest",
            "kind: garden",
        );
        vec!["content/stories/story-3.md"]
    }),
    ("a person's role", |r| {
        replace(
            r,
            "content/people/auteur-1.md",
            "opbouwwerker",
            "buurtwerker",
        );
        vec!["content/people/auteur-1.md"]
    }),
    ("a neighbourhood's anchors", |r| {
        let rel = "content/neighbourhoods/muntenbuurt.md";
        replace(r, rel, "Het buurthuis", "De bibliotheek");
        vec![rel]
    }),
    ("an event's time", |r| {
        replace(r, "content/events/bijeenkomst.md", "T19:30", "T20:00");
        vec!["content/events/bijeenkomst.md"]
    }),
    ("several stories at once", |r| {
        for n in [1, 2, 30] {
            let rel = format!("content/stories/story-{n}.md");
            replace(r, &rel, "De buurt en", "Het plein en");
        }
        vec![
            "content/stories/story-1.md",
            "content/stories/story-2.md",
            "content/stories/story-30.md",
        ]
    }),
    ("a free page removed", |r| {
        std::fs::remove_file(r.join("content/pages/over.md")).unwrap();
        vec!["content/pages/over.md"]
    }),
    (
        "an author's name, which every story page of theirs shows",
        |r| {
            replace(
                r,
                "content/people/auteur-1.md",
                "title: Auteur 1",
                "title: Auteur Eén",
            );
            vec!["content/people/auteur-1.md"]
        },
    ),
    ("a tag renamed in every story that has it", |r| {
        let files = [4, 5, 10, 11, 16, 17, 22, 23, 28, 29, 34, 35].map(|n| {
            let rel = format!("content/stories/story-{n}.md");
            let text = std::fs::read_to_string(r.join(&rel)).unwrap();
            assert!(text.contains("markt"), "{rel} has the tag");
            std::fs::write(r.join(&rel), text.replace("markt", "marktdag")).unwrap();
            &*Box::leak(rel.into_boxed_str())
        });
        files.to_vec()
    }),
    (
        "a summary, which list pages and related stories' pages show on its card",
        |r| {
            let rel = "content/stories/story-14.md";
            replace(
                r,
                rel,
                "title: Verhaal 14\n",
                "title: Verhaal 14\nsummary: Kort.\n",
            );
            vec![rel]
        },
    ),
    ("a subtitle, which only the story's own page shows", |r| {
        let rel = "content/stories/story-15.md";
        replace(
            r,
            rel,
            "title: Verhaal 15\n",
            "title: Verhaal 15\nsubtitle: Onder.\n",
        );
        vec![rel]
    }),
    (
        "a date that moves a story down, shifting every list page's slice",
        |r| {
            let rel = "content/stories/story-7.md";
            replace(r, rel, "date: 2025-06-01", "date: 2023-01-01");
            vec![rel]
        },
    ),
    ("a person's organisation, shown under their stories", |r| {
        let rel = "content/people/auteur-1.md";
        replace(r, rel, "role: ", "organisation: Het buurthuis\nrole: ");
        vec![rel]
    }),
    ("a story that now names the event", |r| {
        let rel = "content/stories/story-16.md";
        replace(
            r,
            rel,
            "title: Verhaal 16\n",
            "title: Verhaal 16\nevents: [bijeenkomst]\n",
        );
        vec![rel]
    }),
    (
        "an event's title, shown on the pages of the stories that name it",
        |r| {
            let rel = "content/events/bijeenkomst.md";
            replace(r, rel, "title: Bijeenkomst", "title: Buurtbijeenkomst");
            vec![rel]
        },
    ),
    (
        "a neighbourhood's city, shown on its pages and the home page",
        |r| {
            let rel = "content/neighbourhoods/muntenbuurt.md";
            replace(r, rel, "city: Nieuwegein", "city: Utrecht");
            vec![rel]
        },
    ),
    (
        "a neighbourhood's name, which the calendars of its events show",
        |r| {
            let rel = "content/neighbourhoods/muntenbuurt.md";
            replace(r, rel, "title: Muntenbuurt", "title: De Muntenbuurt");
            vec![rel]
        },
    ),
    ("a story's kind", |r| {
        let rel = "content/stories/story-17.md";
        replace(r, rel, "kind: garden", "kind: mural");
        vec![rel]
    }),
    ("a story's author", |r| {
        let rel = "content/stories/story-18.md";
        replace(r, rel, "authors: [Auteur 0]", "authors: [Auteur 1]");
        vec![rel]
    }),
    ("a body that now links to another story", |r| {
        let rel = "content/stories/story-19.md";
        replace(r, rel, "(story-18.md)", "(story-2.md)");
        vec![rel]
    }),
    ("a broken date", |r| {
        let rel = "content/stories/story-22.md";
        replace(r, rel, "date: 2024-11-23", "date: 2024-13-45");
        vec![rel]
    }),
    ("the date fixed to another day", |r| {
        let rel = "content/stories/story-22.md";
        replace(r, rel, "date: 2024-13-45", "date: 2022-02-02");
        vec![rel]
    }),
    // An edit of what stories say, not where they stand, takes the previous site and makes
    // only those stories again (src/model/edit.rs): these edits are at its edges.
    ("an updated date, which the feeds show", |r| {
        let rel = "content/stories/story-24.md";
        replace(
            r,
            rel,
            "title: Verhaal 24\n",
            "title: Verhaal 24\nupdated: 2026-01-05\n",
        );
        vec![rel]
    }),
    ("a slug, which moves a story and every link to it", |r| {
        let rel = "content/stories/story-25.md";
        replace(
            r,
            rel,
            "title: Verhaal 25\n",
            "title: Verhaal 25\nslug: eigen-adres\n",
        );
        vec![rel]
    }),
    ("a story now in English", |r| {
        let rel = "content/stories/story-26.md";
        replace(
            r,
            rel,
            "title: Verhaal 26\n",
            "title: Verhaal 26\nlanguage: en\n",
        );
        vec![rel]
    }),
    ("a body that links to a story that is not there", |r| {
        let rel = "content/stories/story-27.md";
        replace(r, rel, "(story-26.md)", "(story-99.md)");
        vec![rel]
    }),
    ("another story's title while that link is broken", |r| {
        let rel = "content/stories/story-28.md";
        replace(r, rel, "title: Verhaal 28", "title: Nieuw 28");
        vec![rel]
    }),
    ("the broken link fixed", |r| {
        let rel = "content/stories/story-27.md";
        replace(r, rel, "(story-99.md)", "(story-26.md)");
        vec![rel]
    }),
    ("an empty title", |r| {
        let rel = "content/stories/story-29.md";
        replace(r, rel, "title: Verhaal 29", "title: ' '");
        vec![rel]
    }),
    ("the title back", |r| {
        let rel = "content/stories/story-29.md";
        replace(r, rel, "title: ' '", "title: Verhaal 29");
        vec![rel]
    }),
    ("a story's own source", |r| {
        let rel = "content/stories/story-31.md";
        replace(
            r,
            rel,
            "title: Verhaal 31\n",
            "title: Verhaal 31\nsource:\n  name: De Buurtkrant\n  url: https://krant.example.nl/\n",
        );
        vec![rel]
    }),
    ("a story made a draft", |r| {
        let rel = "content/stories/story-23.md";
        replace(
            r,
            rel,
            "title: Verhaal 23\n",
            "title: Verhaal 23\ndraft: true\n",
        );
        vec![rel]
    }),
    ("the site's title", |r| {
        replace(
            r,
            "plein.yaml",
            "title: Buurtverhalen",
            "title: Verhalen uit de wijk",
        );
        vec!["plein.yaml"]
    }),
    ("the link to the draft taken out", |r| {
        let rel = "content/stories/story-24.md";
        replace(r, rel, "(story-23.md)", "(story-22.md)");
        vec![rel]
    }),
    ("a draft's title", |r| {
        let rel = "content/stories/story-23.md";
        replace(r, rel, "title: Verhaal 23", "title: Concept 23");
        vec![rel]
    }),
    ("a template of the site's own", |r| {
        std::fs::create_dir_all(r.join("templates")).unwrap();
        std::fs::write(r.join("templates/404.html"), "<p>Niet hier.</p>\n").unwrap();
        vec!["templates/404.html"]
    }),
    ("a title after all that", |r| {
        let rel = "content/stories/story-32.md";
        replace(r, rel, "title: Verhaal 32", "title: Nieuw 32");
        vec![rel]
    }),
];

#[test]
fn cached_rebuilds_match_clean_builds_edit_after_edit() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    generate(root);
    let mut cache = Cache::default();
    let (mut served, _) = build(root, &mut cache, None).expect("the site builds");
    for (what, edit) in EDITS {
        let changed: BTreeSet<PathBuf> = edit(root).into_iter().map(PathBuf::from).collect();
        let mut clean_cache = Cache::default();
        let clean = build(root, &mut clean_cache, None);
        let cached = build(root, &mut cache, Some(&changed));
        match (clean, cached) {
            (Ok((clean, _)), Ok((written, gone))) => {
                for path in gone {
                    served.remove(&path);
                }
                served.extend(written);
                let differ: BTreeSet<&PathBuf> = clean
                    .keys()
                    .chain(served.keys())
                    .filter(|p| clean.get(*p) != served.get(*p))
                    .collect();
                assert!(differ.is_empty(), "after {what}, these differ: {differ:?}");
                // What every page's template saw, not only what this theme shows of it: a
                // page left alone must have been made from what a clean build makes it from.
                let (clean, cached) = (&clean_cache.pages.pages, &cache.pages.pages);
                let mut differ: Vec<&String> = clean
                    .keys()
                    .chain(cached.keys())
                    .filter(|p| clean.get(*p) != cached.get(*p))
                    .collect();
                differ.sort();
                differ.dedup();
                assert!(
                    differ.is_empty(),
                    "after {what}, these were made from other values: {differ:?}"
                );
            }
            (Err(clean), Err(cached)) => assert_eq!(cached, clean, "after {what}"),
            (clean, cached) => panic!(
                "after {what}: a clean build gave {:?}, the cached one {:?}",
                clean.map(|_| "a site"),
                cached.map(|_| "a site")
            ),
        }
    }
}
