//! Small real sites, written to a temporary folder and built through the pipeline.

use std::path::Path;

use crate::model::Site;
use crate::pipeline::{self, Cache, Options};

const WORDS: &[&str] = &[
    "tuin",
    "tuinen",
    "Café",
    "koffie",
    "buren",
    "muurschildering",
    "muurschilderingen",
    "fiets",
    "straat",
    "zon",
    "regen",
    "soep",
    "creëer",
    "ontmoeting",
    "plein",
    "2024",
    "bibliotheek",
    "&",
    "één",
    "kinderen",
    "lantaarn",
    "Straße",
    "naïef",
    "de",
    "het",
    "een",
    "van",
    "gardens",
    "meetings",
    "\"thee\"",
    "buurthuis",
    "kookclub",
    "<samen>",
    "x",
    "vrijwilligers",
    "jongeren",
    "schuur",
];

/// `count` words picked by `seed`, deterministically.
pub(crate) fn text(seed: usize, count: usize) -> String {
    let mut out = Vec::new();
    for i in 0..count {
        out.push(WORDS[(seed * 7 + i * i * 13 + i) % WORDS.len()]);
    }
    out.join(" ")
}

pub(crate) fn story(n: usize, title: &str) -> String {
    let hood = ["Muntenbuurt", "Rijtuigenbuurt"][n % 2];
    let kind = ["meeting", "mural", "garden"]
        .get(n % 4)
        .map_or(String::new(), |k| format!("kind: {k}\n"));
    let summary = if n.is_multiple_of(3) {
        format!("summary: '{}'\n", text(n + 100, 12))
    } else {
        String::new()
    };
    let paragraphs: Vec<String> = (0..n % 5 + 1)
        .map(|p| format!("{} *{}*.", text(n * 10 + p, 40 + n * 9), text(p, 2)))
        .collect();
    format!(
        "---\ntitle: {title}\ndate: 2024-01-{:02}\nauthors: [Irma Vroegop]\n\
         neighbourhoods: [{hood}]\n{kind}tags: [groen, buren {}]\n{summary}---\n{}\n",
        n % 28 + 1,
        n % 3,
        paragraphs.join("\n\n")
    )
}

pub(crate) fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("make folder");
    std::fs::write(path, text).expect("write fixture");
}

/// A site of `stories` stories, an event, two neighbourhoods and a person.
pub(crate) fn site(dir: &Path, lang: &str, stories: usize) {
    write(
        dir,
        "plein.yaml",
        &format!("title: Testwijk\nbase_url: https://wijk.example.nl/\nlanguage: {lang}\n"),
    );
    for n in 0..stories {
        write(
            dir,
            &format!("content/stories/s{n}.md"),
            &story(
                n,
                &format!(
                    "Verhaal {n} over {}",
                    text(n, 3).replace(['&', '"', '<', '>'], "")
                ),
            ),
        );
    }
    write(
        dir,
        "content/events/tuindag.md",
        "---\ntitle: Tuindag in de Muntenbuurt\nstart: 2024-05-04T10:00\n\
         location: { name: Het Buurthuis, address: \"Marktplein 1\" }\n\
         neighbourhoods: [Muntenbuurt]\n---\nWe werken samen in de tuinen &amp; op het plein.\n",
    );
    for (name, city) in [("Muntenbuurt", "Nieuwegein"), ("Rijtuigenbuurt", "Utrecht")] {
        write(
            dir,
            &format!("content/neighbourhoods/{}.md", name.to_lowercase()),
            &format!(
                "---\ntitle: {name}\ncity: {city}\nanchors: [Irma Vroegop, Het buurthuis]\n---\n{}\n",
                text(name.len(), 30)
            ),
        );
    }
    write(
        dir,
        "content/people/irma-vroegop.md",
        "---\ntitle: Irma Vroegop\nrole: community builder\norganisation: Wijkwerk\n\
         neighbourhoods: [Muntenbuurt]\n---\nIrma brengt bewoners met elkaar in contact.\n",
    );
}

/// The site at `root`, built as `plein build` does.
pub(crate) fn build(root: &Path) -> Site {
    let opts = Options {
        root: root.to_path_buf(),
        drafts: false,
        base_url: None,
        now: "2026-11-25T12:00:00Z[UTC]".parse().expect("a time"),
        resize: false,
        hints: None,
        defer_search: true,
    };
    match pipeline::build(&opts, &mut Cache::default(), None, &|_| Ok(())) {
        Ok(built) => built.site,
        Err(errs) => panic!(
            "{}",
            errs.render(
                root,
                &crate::diagnostic::Palette::PLAIN,
                crate::words::Lang::En
            )
        ),
    }
}

/// One fingerprint per index file, with its name.
pub(crate) fn digest(files: &[(String, Vec<u8>)]) -> Vec<(String, u64)> {
    files
        .iter()
        .map(|(name, bytes)| (name.clone(), xxhash_rust::xxh3::xxh3_64(bytes)))
        .collect()
}
