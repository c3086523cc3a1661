//! The search index: stories, events, neighbourhoods and people as small JSON files under
//! `/<search>/index/`, so that the browser loads only what a query needs.
//!
//! Words are folded (café -> cafe), lowercased and stemmed with the site language's Snowball
//! stemmer ([`words`]); themes/buurt/static/search.js folds and stems query words the same way.
//! The files:
//! - `manifest.json`: the chunk keys, stop words, document count and the filters;
//! - `c/<key>.json`: stem -> postings (document deltas and weights written in letters, see
//!   [`chunks::encode`]) for every stem whose longest chunk-key prefix is `key` (keys grow a
//!   letter while a chunk is too big);
//! - `d/<n>.json`: what a result shows of documents `n*DOCS_PER_CHUNK..`, fetched for the
//!   ten results on show;
//! - `f/n-<slug>.json`, `f/k-<slug>.json`: the documents of a neighbourhood or kind;
//! - `s/<key>.json`: every stem starting with `key` (a letter, or two where one makes too big a
//!   file; the manifest's `lists`) with its document count, for suggestions and for cutting a
//!   query's compound in the browser.
//!
//! Compounds are cut into parts that are words of the site ([`compound`]): a compound's
//! documents are among those of its parts, at half weight. The manifest's `len` gives each
//! document's length, so the browser ranks by BM25.
//!
//! Everything is ordered, so the same site gives the same bytes and unchanged files are skipped.
//!
//! Stems are numbered in a dictionary, so documents and postings hold numbers, not strings;
//! documents are made in batches, so only a batch's fields and views are in memory at once. An
//! [`IndexCache`] keeps each document's stems by a fingerprint of its texts and each stem's
//! encoded postings, so `serve` redoes only what an edit touched: at 10,000 synthetic stories
//! the index after a title edit takes about 60 ms on one thread, a whole index 0.5 s.
//!
//! Why not the pagefind crate: 1.6.0 with `default-features = false` still pulls in ~180 crates
//! (tokio, lol_html, regex, clap, wax, ...), does not compile without also enabling tokio's
//! `io-util`, and took about 15 minutes of compile time on two cores; it indexes built HTML
//! through an async runtime. This index plus rust-stemmers (whose other dependency, serde, plein
//! already has) measured at 10,000 synthetic stories (`examples/search_index.rs`): 11.5 MB in
//! 1,662 files, about 0.3 s to make on two threads, 34 to 137 KB fetched per query (86 KB on
//! average, `examples/search_bytes.mjs`).
//!
//! Its parts: `words` folds and stems text, `index` numbers stems and gathers postings,
//! `chunks` encodes them and groups them into files, `docs` makes what a result shows.
//! The texts come from the model: a body's plain text is kept by the Markdown pass, so no
//! HTML is read back here.
//! This module knows the model and nothing of templates or files.

use std::collections::BTreeSet;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::Site;

use super::output_path;
use crate::ground::output::Outputs;

mod chunks;
pub mod compound;
mod docs;
#[cfg(test)]
mod fixture;
mod index;
mod words;

pub use chunks::decode as postings;
pub use index::IndexCache;
pub use words::{Analyzer, stop_words, words};

use docs::{Doc, doc_types, document, excerpt, filters, view_files};
use index::{BODY, Fresh, MAX_ID};

/// Documents per `d/<n>.json`: a query fetches one such file per result shown.
pub const DOCS_PER_CHUNK: usize = 8;

/// Most documents made at once: only their fields and views are held at a time. The first batches
/// are smaller, so that the dictionary knows the common words before many documents meet them.
const BATCH: usize = 512;
const FIRST_BATCH: usize = 4 * DOCS_PER_CHUNK;

/// The version of the index's format, the manifest's `v`: 2 since postings are letters and
/// results arrays. themes/buurt/static/search.js reads only its own `FORMAT` and loads the
/// page again when they differ: raise both together when the files change.
const FORMAT: u32 = 2;

#[derive(Serialize)]
struct Manifest<'a> {
    /// [`FORMAT`].
    v: u32,
    lang: &'a str,
    docs: usize,
    per: usize,
    types: [usize; 4],
    keys: Vec<String>,
    /// The keys of the word lists `s/<key>.json`.
    lists: Vec<String>,
    /// Each document's length in words, a letter of [`LENGTHS`] each: see [`lengths`].
    len: String,
    stop: &'static [&'static str],
    hoods: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
}

/// One document as a batch makes it.
struct Made {
    print: u128,
    /// Its view as JSON, for `d/<n>.json`.
    view: Vec<u8>,
    /// Its stems, when the cache did not have them.
    fresh: Option<Fresh>,
}

/// Every file of the search index, in a fixed order.
pub fn index(site: &Site) -> Vec<(String, Vec<u8>)> {
    index_with(site, &mut IndexCache::default())
}

/// The same files as [`index`], reusing what `cache` kept of the previous index (of this site,
/// before an edit) and keeping what the next one can reuse.
pub fn index_with(site: &Site, cache: &mut IndexCache) -> Vec<(String, Vec<u8>)> {
    index_in_batches(site, cache, BATCH)
}

fn index_in_batches(site: &Site, cache: &mut IndexCache, batch: usize) -> Vec<(String, Vec<u8>)> {
    debug_assert_eq!(
        batch % DOCS_PER_CHUNK,
        0,
        "batches fill whole d/<n>.json files"
    );
    let lang = site.config.lang;
    cache.prepare(lang);
    let analyzer = Analyzer::new(lang);
    let types = doc_types(site);
    let total: usize = types.iter().sum();
    assert!(total < MAX_ID as usize, "fewer than 2^25 documents");
    let mut prints = Vec::with_capacity(total);
    let mut views = Vec::new();
    let mut start = 0;
    while start < total {
        let end = total.min(start + start.max(FIRST_BATCH).min(batch));
        let made: Vec<Made> = (start..end)
            .into_par_iter()
            .map(|id| make(site, id, &analyzer, cache))
            .collect();
        views.extend(view_files(start, &made));
        for doc in made {
            prints.push(doc.print);
            if let Some(fresh) = doc.fresh {
                cache.adopt(doc.print, fresh);
            }
        }
        start = end;
    }
    let made = cache.postings_of(&prints);
    let (mut files, keys) = (made.files, made.keys);
    files.extend(views);
    let (hoods, kinds) = filters(site, &mut files);
    let manifest = Manifest {
        v: FORMAT,
        lang: lang.code(),
        docs: total,
        per: DOCS_PER_CHUNK,
        types,
        keys,
        lists: made.lists,
        len: lengths(&made.lengths),
        stop: stop_words(lang),
        hoods,
        kinds,
    };
    files.push(("manifest.json".to_string(), json(&manifest)));
    cache.compact_if_sparse();
    files
}

/// The letters of document lengths in the manifest: letter `n` stands for about
/// `2^(n/4) - 1` words, so 64 letters reach 60,000 words within 10% of each length.
pub const LENGTHS: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Document lengths in words as letters of [`LENGTHS`], for the ranking's (BM25) length
/// norm: 10,000 documents make 10 KB, a list of numbers three times that.
fn lengths(words: &[u32]) -> String {
    let letters = LENGTHS.as_bytes();
    words
        .iter()
        .map(|&n| {
            let at = (4.0 * f64::from(n + 1).log2()).round() as usize;
            letters[at.min(letters.len() - 1)] as char
        })
        .collect()
}

fn json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("index views serialise")
}

/// Document `id`: its fingerprint, its view, and its stems when `cache` does not have them.
fn make(site: &Site, id: usize, analyzer: &Analyzer, cache: &IndexCache) -> Made {
    let mut doc = document(site, id);
    let print = fingerprint(&doc);
    doc.view.x = excerpt(doc.summary, doc.body);
    let fresh = (!cache.has(print)).then(|| cache.weigh(analyzer, &doc.fields, doc.body));
    Made {
        print,
        view: json(&doc.view),
        fresh,
    }
}

/// A fingerprint of everything a document's stems are made from.
fn fingerprint(doc: &Doc) -> u128 {
    let mut hash = xxhash_rust::xxh3::Xxh3Default::new();
    let fields = doc.fields.iter().map(|(w, t)| (*w, t.as_str()));
    for (weight, text) in fields.chain([(BODY, doc.body)]) {
        hash.update(&weight.to_le_bytes());
        hash.update(&(text.len() as u64).to_le_bytes());
        hash.update(text.as_bytes());
    }
    hash.digest128()
}

/// Every distinct word of the texts the index reads, as written (split at white space): what
/// the browser's folding and stemming must agree on with [`words`] and [`Analyzer`].
pub fn vocabulary(site: &Site) -> BTreeSet<String> {
    let total: usize = doc_types(site).iter().sum();
    let mut out = BTreeSet::new();
    for id in 0..total {
        let doc = document(site, id);
        for text in doc.fields.iter().map(|(_, t)| t.as_str()).chain([doc.body]) {
            for word in text.split_whitespace() {
                if !out.contains(word) {
                    out.insert(word.to_string());
                }
            }
        }
    }
    out
}

/// The folder of the search index inside the output.
pub fn index_dir(site: &Site) -> PathBuf {
    PathBuf::from(&site.urls.routes.search).join("index")
}

/// Hand the index files that changed since the previous build to the sink of `out`,
/// recording every one so the next build can skip them too.
pub fn emit(site: &Site, out: &mut Outputs) {
    emit_files(site, index(site), out);
}

/// Hand the index `files` (made by [`index`]) that changed since the previous build to the
/// sink of `out`.
pub fn emit_files(site: &Site, files: Vec<(String, Vec<u8>)>, out: &mut Outputs) {
    let base = format!("{}index/", site.urls.section(&site.urls.routes.search));
    for (rel, bytes) in files {
        let path: PathBuf = output_path(site, &format!("{base}{rel}"));
        let print = xxhash_rust::xxh3::xxh3_64(&bytes);
        out.put(path, print, || Ok(bytes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A search.js that reads another format than the index has would show nonsense.
    #[test]
    fn search_js_reads_the_format_the_index_is_written_in() {
        let js = include_str!("../../../themes/buurt/static/search.js");
        assert!(
            js.contains(&format!("\n  const FORMAT = {FORMAT};\n")),
            "search.js's FORMAT is not {FORMAT}"
        );
        let dir = tempfile::TempDir::new().expect("temp dir");
        fixture::site(dir.path(), "nl", 2);
        let files = index(&fixture::build(dir.path()));
        let (_, manifest) = files
            .iter()
            .find(|(path, _)| path == "manifest.json")
            .expect("a manifest");
        let manifest: serde_json::Value = serde_json::from_slice(manifest).expect("JSON");
        assert_eq!(manifest["v"], FORMAT);
    }

    /// Fingerprints of the postings of the fixture sites, as the index made them before stems
    /// were numbered and documents cached: the postings must not change. Since issue 20 they
    /// are written in letters ([`chunks::encode`]); the chunks are hashed as the numbers they
    /// were written in before, `{"stem":[doc, weight, doc delta, weight, ...]}`. The English one is also
    /// as it was before compounds were cut; in the Dutch one the Tuindag event is now among
    /// the documents of "tuin" and "dag", and the muurschilderingen among "schilder".
    #[test]
    fn postings_are_the_same_as_before_interning() {
        for (lang, stories, expected) in [
            // Kinds are filtered by the word the site shows (`f/k-tuin.json`) since issue 17;
            // compounds are cut into their parts since issue 18.
            ("nl", 9, 0x94f6581a6fdc9ab_u64),
            ("en", 5, 0x6c58821aa7473d9b),
        ] {
            let dir = tempfile::TempDir::new().expect("temp dir");
            fixture::site(dir.path(), lang, stories);
            let files = index(&fixture::build(dir.path()));
            if lang == "nl" {
                let tu = files.iter().find(|(name, _)| name == "c/tu.json");
                assert_eq!(
                    String::from_utf8_lossy(&tu.expect("a chunk c/tu").1),
                    "{\"tuin\":\"08181D14181P1G171P1A1516\",\"tuindag\":\"9K\"}"
                );
            }
            let mut hash = xxhash_rust::xxh3::Xxh3Default::new();
            let kept = files.iter().filter(|(n, _)| n.starts_with("c/"));
            for (name, bytes) in kept {
                hash.update(name.as_bytes());
                hash.update(in_numbers(bytes).as_bytes());
            }
            assert_eq!(hash.digest(), expected, "{lang}");
        }
    }

    /// A chunk as it was written before issue 20: each list as `[doc, weight, doc delta,
    /// weight, ...]`.
    fn in_numbers(chunk: &[u8]) -> String {
        let lists: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(chunk).expect("a JSON object");
        let lists: Vec<String> = lists
            .iter()
            .map(|(stem, list)| format!("\"{stem}\":{}", numbers(list)))
            .collect();
        format!("{{{}}}", lists.join(","))
    }

    /// One postings list of a chunk as `[doc, weight, doc delta, weight, ...]`.
    fn numbers(list: &serde_json::Value) -> String {
        let mut last = 0;
        let mut out = Vec::new();
        for (doc, weight) in chunks::decode(list.as_str().expect("a string")) {
            out.extend([(doc - last).to_string(), weight.to_string()]);
            last = doc;
        }
        format!("[{}]", out.join(","))
    }

    /// A compound's documents are among those of its parts, at half the weight; the parts
    /// must be words of the site (issue 18).
    #[test]
    fn compounds_are_found_by_their_parts() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let root = dir.path();
        fixture::write(
            root,
            "plein.yaml",
            "title: T\nbase_url: https://x.nl/\nlanguage: nl\n",
        );
        let story = |date: &str, title: &str, body: &str| {
            format!("---\ntitle: {title}\ndate: {date}\n---\n{body}\n")
        };
        let stories = [
            ("a", "2024-03-01", "Een tuin", "Wij spelen in de tuin."),
            (
                "b",
                "2024-02-01",
                "De speeltuin",
                "Geveltuintjes en een muurschildering bij het schuurtje.",
            ),
            ("c", "2024-01-01", "Verven", "Wij verven samen de muur."),
        ];
        for (name, date, title, body) in stories {
            let path = format!("content/stories/{name}.md");
            fixture::write(root, &path, &story(date, title, body));
        }
        let files = index(&fixture::build(root));
        let file = |name: &str| {
            let bytes = &files.iter().find(|(n, _)| n == name).expect(name).1;
            serde_json::from_slice::<serde_json::Value>(bytes).expect("JSON")
        };
        let tu = file("c/tu.json");
        assert_eq!(numbers(&tu["tuin"]), "[0,24,1,10]", "{tu}");
        let sp = file("c/sp.json");
        assert_eq!(numbers(&sp["speeltuin"]), "[1,20]", "{sp}");
        assert_eq!(numbers(&sp["spel"]), "[0,4,1,10]", "{sp}");
        let sc = file("c/sc.json");
        // "schilderen" is no word of this site either.
        assert_eq!(numbers(&sc["schilder"]), "[1,2]", "{sc}");
        assert_eq!(numbers(&file("c/ge.json")["geveltuintjes"]), "[1,4]");
        // Words of their own count up, stems that are only parts or inflected count down.
        let words = file("s/s.json");
        assert_eq!(words["speeltuin"], 1, "{words}");
        assert_eq!(words["spel"], -2, "{words}");
        assert_eq!(file("s/t.json"), serde_json::json!({"tuin": 2}));
    }

    /// Fewer files (issue 20): the word lists of stems share a file by their first letter
    /// while that file is small, and the manifest names the files.
    #[test]
    fn word_lists_share_a_file_by_first_letter() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        fixture::site(dir.path(), "nl", 9);
        let files = index(&fixture::build(dir.path()));
        let lists: Vec<&str> = files
            .iter()
            .filter_map(|(name, _)| name.strip_prefix("s/")?.strip_suffix(".json"))
            .collect();
        let manifest = &files
            .iter()
            .find(|(n, _)| n == "manifest.json")
            .expect("a manifest")
            .1;
        let manifest: serde_json::Value = serde_json::from_slice(manifest).expect("JSON");
        assert_eq!(manifest["lists"], serde_json::json!(lists));
        assert!(lists.iter().all(|key| key.len() == 1), "{lists:?}");
        let t: serde_json::Value =
            serde_json::from_slice(&files.iter().find(|(n, _)| n == "s/t.json").expect("s/t").1)
                .expect("JSON");
        assert_eq!(t, serde_json::json!({"thee": 9, "tuin": 12, "tuindag": 1}));
    }

    /// Fewer, larger files (issue 20): eight documents a `d/<n>.json`, paid for by the
    /// postings written in letters, so that 10,000 stories make about 1,300 of them, not 2,500.
    #[test]
    fn documents_share_files_eight_at_a_time() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        fixture::site(dir.path(), "nl", 60);
        let files = index(&fixture::build(dir.path()));
        let mut views: Vec<(usize, usize)> = files
            .iter()
            .filter_map(|(name, bytes)| {
                let n = name
                    .strip_prefix("d/")?
                    .strip_suffix(".json")?
                    .parse()
                    .ok()?;
                let docs: Vec<serde_json::Value> = serde_json::from_slice(bytes).ok()?;
                Some((n, docs.len()))
            })
            .collect();
        views.sort_unstable();
        // 60 stories, an event, two neighbourhoods and a person.
        assert_eq!(views, (0..8).map(|n| (n, 8)).collect::<Vec<_>>());
    }

    /// What a result shows is an array without the names of its fields (issue 20: a tenth
    /// of a document's bytes); its type follows from its number.
    #[test]
    fn a_result_is_an_array_of_its_texts() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        fixture::site(dir.path(), "nl", 9);
        let files = index(&fixture::build(dir.path()));
        let file = |name: &str| {
            let bytes = &files.iter().find(|(n, _)| n == name).expect(name).1;
            serde_json::from_slice::<serde_json::Value>(bytes).expect("JSON")
        };
        let head = |doc: &serde_json::Value| {
            let fields = doc.as_array().expect("an array");
            assert_eq!(fields.len(), 6, "{doc}");
            serde_json::Value::Array(fields[..5].to_vec())
        };
        let story = &file("d/0.json")[0];
        let (url, title, date) = (
            "/verhalen/s8/",
            "Verhaal 8 over kinderen x schuur",
            "9 januari 2024",
        );
        let expected = serde_json::json!([url, title, date, "Ontmoeting", ["Muntenbuurt"]]);
        assert_eq!(head(story), expected, "{story}");
        assert!(
            story[5]
                .as_str()
                .is_some_and(|x| x.starts_with("muurschildering")),
            "{story}"
        );
        let person = &file("d/1.json")[4];
        let role = "community builder, Wijkwerk";
        let expected = serde_json::json!([
            "/mensen/irma-vroegop/",
            "Irma Vroegop",
            "",
            role,
            ["Muntenbuurt"]
        ]);
        assert_eq!(head(person), expected, "{person}");
    }

    /// Index `site` with `cache` in batches of each size, checking each against a fresh index.
    fn same_as_fresh(site: &Site, caches: &mut [IndexCache; 2]) -> Vec<(usize, usize)> {
        let fresh = index(site);
        let mut redone = Vec::new();
        for (cache, batch) in caches.iter_mut().zip([BATCH, DOCS_PER_CHUNK]) {
            let files = index_in_batches(site, cache, batch);
            assert_eq!(
                fixture::digest(&files),
                fixture::digest(&fresh),
                "batch {batch}"
            );
            assert!(files == fresh, "batch {batch}");
            redone.push(cache.redone());
        }
        redone
    }

    #[test]
    fn an_index_after_edits_is_the_same_as_a_fresh_one() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let root = dir.path();
        fixture::site(root, "nl", 9);
        let mut caches = [IndexCache::default(), IndexCache::default()];
        let docs = 9 + 1 + 2 + 1;
        let first = same_as_fresh(&fixture::build(root), &mut caches);
        assert_eq!(first, [(docs, first[0].1); 2], "every document is new");

        fixture::write(
            root,
            "content/stories/s3.md",
            &fixture::story(3, "Andere titel"),
        );
        let redone = same_as_fresh(&fixture::build(root), &mut caches);
        assert!(
            redone.iter().all(|r| r.0 == 1 && r.1 < first[0].1 / 4),
            "{redone:?}"
        );

        let body =
            fixture::story(5, "Verhaal 5").replace("tuin", "kas") + "\nNieuw &amp; anders.\n";
        fixture::write(root, "content/stories/s5.md", &body);
        same_as_fresh(&fixture::build(root), &mut caches);

        fixture::write(
            root,
            "content/stories/s20.md",
            &fixture::story(20, "Een nieuw verhaal"),
        );
        same_as_fresh(&fixture::build(root), &mut caches);

        std::fs::remove_file(root.join("content/stories/s0.md")).expect("remove a story");
        same_as_fresh(&fixture::build(root), &mut caches);

        let hood = "---\ntitle: Muntenbuurt\ncity: Vreeswijk\n---\nAndere tekst.\n";
        fixture::write(root, "content/neighbourhoods/muntenbuurt.md", hood);
        same_as_fresh(&fixture::build(root), &mut caches);

        let unchanged = same_as_fresh(&fixture::build(root), &mut caches);
        assert_eq!(unchanged, [(0, 0); 2]);
    }

    #[test]
    fn a_compacted_cache_still_makes_the_same_index() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let root = dir.path();
        fixture::site(root, "nl", 9);
        for n in 2..9 {
            let title = format!("Alleen hier uniek{n}woord en apart{n}");
            fixture::write(
                root,
                &format!("content/stories/s{n}.md"),
                &fixture::story(n, &title),
            );
        }
        let mut caches = [IndexCache::default(), IndexCache::default()];
        same_as_fresh(&fixture::build(root), &mut caches);
        for n in 2..9 {
            std::fs::remove_file(root.join(format!("content/stories/s{n}.md"))).expect("remove");
        }
        same_as_fresh(&fixture::build(root), &mut caches);
        let before = caches[0].dict.stems.len();
        caches.iter_mut().for_each(IndexCache::compact);
        assert!(caches[0].dict.stems.len() < before);
        same_as_fresh(&fixture::build(root), &mut caches);
        fixture::write(
            root,
            "content/stories/s1.md",
            &fixture::story(7, "Weer wat anders"),
        );
        same_as_fresh(&fixture::build(root), &mut caches);
    }

    #[test]
    fn a_cache_follows_a_change_of_language() {
        let (nl, en) = (tempfile::TempDir::new(), tempfile::TempDir::new());
        let (nl, en) = (nl.expect("temp dir"), en.expect("temp dir"));
        fixture::site(nl.path(), "nl", 4);
        fixture::site(en.path(), "en", 4);
        let mut caches = [IndexCache::default(), IndexCache::default()];
        same_as_fresh(&fixture::build(nl.path()), &mut caches);
        same_as_fresh(&fixture::build(en.path()), &mut caches);
        same_as_fresh(&fixture::build(nl.path()), &mut caches);
    }
}
