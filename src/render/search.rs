//! The search index: stories, events, neighbourhoods and people as small JSON files under
//! `/<search>/index/`, so that the browser loads only what a query needs.
//!
//! Words are folded (café -> cafe), lowercased and stemmed with the site language's Snowball
//! stemmer; themes/buurt/static/search.js stems query words with the same algorithm. The files:
//! - `manifest.json`: the chunk keys, stop words, document count and the filters;
//! - `c/<key>.json`: stem -> postings `[doc, weight, doc delta, weight, ...]` for every stem
//!   whose longest chunk-key prefix is `key` (keys grow a letter while a chunk is too big);
//! - `d/<n>.json`: what a result shows of documents `n*DOCS_PER_CHUNK..`, fetched for the
//!   ten results on show;
//! - `f/n-<slug>.json`, `f/k-<slug>.json`: the documents of a neighbourhood or kind.
//!
//! Everything is ordered, so the same site gives the same bytes and unchanged files are skipped.
//!
//! Stems are numbered in a dictionary, so documents and postings hold numbers, not strings;
//! documents are made in batches, so only a batch's plain texts are in memory at once. An
//! [`IndexCache`] keeps each document's stems by a fingerprint of its texts and each stem's
//! encoded postings, so `serve` redoes only what an edit touched: at 10,000 synthetic stories
//! the index after a title edit takes about 60 ms on one thread, a whole index 0.5 s.
//!
//! Why not the pagefind crate: 1.6.0 with `default-features = false` still pulls in ~180 crates
//! (tokio, lol_html, regex, clap, wax, ...), does not compile without also enabling tokio's
//! `io-util`, and took about 15 minutes of compile time on two cores; it indexes built HTML
//! through an async runtime. This index plus rust-stemmers (whose other dependency, serde, plein
//! already has) measured at 10,000 synthetic stories (`examples/search_index.rs`): 14 MB in
//! 2,899 files, about 0.3 s to make on two threads, 40 to 160 KB fetched per query.
//! This module knows the model and nothing of templates or files.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use ahash::{AHashMap, AHashSet};
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use crate::config::Lang;
use crate::diagnostic::Diagnostics;
use crate::model::{Event, Idx, Person, Site, Story, dates};

use super::{Output, PageCache, Rendered, Sink, output_path};

/// Documents per `d/<n>.json`: a query fetches one such file per result shown.
pub const DOCS_PER_CHUNK: usize = 4;
/// A postings chunk bigger than this is split by one more letter of its stems.
const CHUNK_BUDGET: usize = 16 * 1024;
/// Shortest chunk key: stems are grouped by at least their first two letters.
const MIN_KEY: usize = 2;
/// Plain-text characters kept per document for its snippet.
const EXCERPT: usize = 700;
/// Most documents made at once: only their plain texts are held at a time. The first batches
/// are smaller, so that the dictionary knows the common words before many documents meet them.
const BATCH: usize = 512;
const FIRST_BATCH: usize = 4 * DOCS_PER_CHUNK;

/// How much a word counts in each part of a document: once in the title, tags, neighbourhoods,
/// authors and kind, or lede; up to [`BODY_REPEATS`] times in the body, so that a long story
/// that repeats a word does not outweigh one with the word in its title.
const TITLE: u32 = 20;
const TERMS: u32 = 8;
const LEDE: u32 = 3;
const BODY: u32 = 1;
const BODY_REPEATS: u32 = 5;

const STOP_NL: &[&str] = &[
    "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de",
    "der", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge",
    "geen", "geweest", "haar", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe",
    "hun", "iemand", "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen", "maar", "me",
    "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets", "nog", "nu", "of",
    "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen",
    "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "werd", "wezen",
    "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo", "zonder",
    "zou",
];

const STOP_EN: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of",
    "on", "or", "our", "she", "so", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "to", "up", "us", "was", "we", "were", "what", "when", "which", "who",
    "will", "with", "would", "you", "your",
];

/// Words that are not worth an entry: they occur everywhere.
pub fn stop_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Nl => STOP_NL,
        Lang::En => STOP_EN,
    }
}

/// Lowercase ASCII words of `text`, diacritics folded, at least two characters long.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            let folded = if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                deunicode::deunicode(w).to_lowercase()
            };
            folded
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|p| p.len() >= 2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
}

/// Calls `f` with each of [`words`] of `text`, without making a string of each plain word.
fn each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_ascii() {
            let folded = deunicode::deunicode(w).to_lowercase();
            folded
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|p| p.len() >= 2)
                .for_each(&mut f);
        } else if w.len() >= 2 && w.bytes().any(|b| b.is_ascii_uppercase()) {
            buf.clear();
            buf.push_str(w);
            buf.make_ascii_lowercase();
            f(buf);
        } else if w.len() >= 2 {
            f(w);
        }
    }
}

/// Turns text into the stems the index is keyed by.
pub struct Analyzer {
    stemmer: Stemmer,
    stop: HashSet<&'static str>,
}

impl Analyzer {
    pub fn new(lang: Lang) -> Analyzer {
        let algorithm = match lang {
            Lang::Nl => Algorithm::Dutch,
            Lang::En => Algorithm::English,
        };
        Analyzer {
            stemmer: Stemmer::create(algorithm),
            stop: stop_words(lang).iter().copied().collect(),
        }
    }

    /// The stem of one folded word.
    pub fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }

    /// The stems of `text`, stop words left out.
    pub fn stems<'t>(&'t self, text: &'t str) -> impl Iterator<Item = String> + 't {
        words(text)
            .filter(|w| !self.stop.contains(w.as_str()))
            .map(|w| self.stem(&w))
    }
}

/// What a result shows of one document.
#[derive(Serialize)]
struct DocView {
    /// URL.
    u: String,
    /// Title.
    t: String,
    /// Document type: 0 story, 1 event, 2 neighbourhood, 3 person.
    y: usize,
    /// Date as people write it.
    #[serde(skip_serializing_if = "String::is_empty")]
    d: String,
    /// Kind label.
    #[serde(skip_serializing_if = "String::is_empty")]
    k: String,
    /// Neighbourhood names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    n: Vec<String>,
    /// Plain text the snippet is cut from.
    x: String,
}

/// One searchable document: its view, and its texts by weight.
struct Doc<'s> {
    /// The view, its snippet `x` still empty.
    view: DocView,
    fields: Vec<(u32, String)>,
    /// The body as plain text, kept from the Markdown pass.
    body: &'s str,
    /// What the snippet starts with.
    summary: &'s str,
}

#[derive(Serialize)]
struct Manifest<'a> {
    v: u32,
    lang: &'a str,
    docs: usize,
    per: usize,
    types: [usize; 4],
    keys: Vec<String>,
    stop: &'static [&'static str],
    hoods: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
}

/// A document's stems and a stem's postings are `u32`s of an id and a weight, the weight in
/// the low bits: at 10,000 stories that halves the index's biggest tables.
const WEIGHT_BITS: u32 = 6;
const _: () = assert!(TITLE + TERMS + LEDE + BODY * BODY_REPEATS < 1 << WEIGHT_BITS);
/// Stems and documents are numbered below this.
const MAX_ID: u32 = 1 << (32 - WEIGHT_BITS);

fn pack(id: u32, weight: u32) -> u32 {
    debug_assert!(id < MAX_ID && weight < 1 << WEIGHT_BITS);
    id << WEIGHT_BITS | weight
}

fn unpack(pair: u32) -> (u32, u32) {
    (pair >> WEIGHT_BITS, pair & ((1 << WEIGHT_BITS) - 1))
}

/// The id of stop words in [`Dictionary::words`]: they get no postings.
const STOP: u32 = u32::MAX;
/// Marks the id of a stem new to the dictionary in [`Fresh`]: the rest is its place in
/// `Fresh::new_stems`.
const NEW: u32 = 1 << 31;

/// What [`index_with`] keeps from one index to the next, so that after an edit it redoes only
/// the documents and postings lists the edit touched: each document's stems by a fingerprint of
/// its texts, and each stem's encoded postings. Numbers, not texts, apart from the dictionary
/// of words and stems and the encoded lists.
#[derive(Default)]
pub struct IndexCache {
    lang: Option<Lang>,
    dict: Dictionary,
    /// A fingerprint of a document's texts -> its stems with their weights ([`pack`]ed), by id.
    docs: AHashMap<u128, Box<[u32]>>,
    /// By stem id: its postings list as JSON, empty when no document has the stem.
    lists: Vec<String>,
    /// Documents tokenised and lists encoded by the last index.
    redone: (usize, usize),
}

/// Words and stems by number.
#[derive(Default)]
struct Dictionary {
    /// Folded word -> the id of its stem, or [`STOP`].
    words: AHashMap<Box<str>, u32>,
    /// Stem -> id.
    ids: AHashMap<Box<str>, u32>,
    /// Id -> stem.
    stems: Vec<Box<str>>,
}

impl Dictionary {
    fn new(lang: Lang) -> Dictionary {
        let words = stop_words(lang).iter().map(|&w| (w.into(), STOP)).collect();
        Dictionary {
            words,
            ..Dictionary::default()
        }
    }

    /// The id of `stem`, numbering it when it is new.
    fn intern(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = u32::try_from(self.stems.len()).expect("fewer than 2^26 stems");
        assert!(id < MAX_ID, "fewer than 2^26 stems");
        self.stems.push(stem.into());
        self.ids.insert(stem.into(), id);
        id
    }
}

/// The stems of a document the cache did not have, with the words and stems it met that the
/// dictionary does not know yet: those have ids `NEW | n` until [`IndexCache::adopt`].
#[derive(Default)]
struct Fresh {
    stems: Vec<(u32, u32)>,
    new_stems: Vec<Box<str>>,
    new_words: AHashMap<Box<str>, u32>,
    /// New stem -> its `NEW | n` id.
    new_ids: AHashMap<Box<str>, u32>,
}

impl Fresh {
    /// The id of a word the dictionary does not know.
    fn id(&mut self, word: &str, analyzer: &Analyzer, dict: &Dictionary) -> u32 {
        if let Some(&id) = self.new_words.get(word) {
            return id;
        }
        let stem = analyzer.stemmer.stem(word);
        let id = match (dict.ids.get(stem.as_ref()), self.new_ids.get(stem.as_ref())) {
            (Some(&id), _) | (None, Some(&id)) => id,
            (None, None) => {
                let id = NEW | self.new_stems.len() as u32;
                self.new_stems.push(stem.as_ref().into());
                self.new_ids.insert(stem.as_ref().into(), id);
                id
            }
        };
        self.new_words.insert(word.into(), id);
        id
    }
}

/// One document as a batch makes it.
struct Made {
    print: u128,
    /// Its view as JSON, for `d/<n>.json`.
    view: Vec<u8>,
    /// Its stems, when the cache did not have them.
    fresh: Option<Fresh>,
}

/// All postings, by stem id: those of stem `s` are `pairs[starts[s]..starts[s + 1]]`, each a
/// [`pack`]ed document id and weight, in document order.
struct Postings {
    starts: Vec<usize>,
    pairs: Vec<u32>,
}

impl Postings {
    /// The postings of each stem, from the stems of each document.
    fn gather(docs: &[&[u32]], stems: usize) -> Postings {
        let mut starts = vec![0; stems + 1];
        for &pair in docs.iter().flat_map(|d| d.iter()) {
            starts[unpack(pair).0 as usize + 1] += 1;
        }
        for s in 0..stems {
            starts[s + 1] += starts[s];
        }
        let mut next = starts.clone();
        let mut pairs = vec![0; starts[stems]];
        for (id, doc) in docs.iter().enumerate() {
            for &pair in doc.iter() {
                let (stem, weight) = unpack(pair);
                pairs[next[stem as usize]] = pack(id as u32, weight);
                next[stem as usize] += 1;
            }
        }
        Postings { starts, pairs }
    }

    fn of(&self, stem: usize) -> &[u32] {
        &self.pairs[self.starts[stem]..self.starts[stem + 1]]
    }
}

impl IndexCache {
    /// Documents tokenised and postings lists encoded by the last [`index_with`]: what the
    /// cache could not reuse.
    pub fn redone(&self) -> (usize, usize) {
        self.redone
    }

    /// Start over when the site's language changed: words stem differently.
    fn prepare(&mut self, lang: Lang) {
        if self.lang != Some(lang) {
            *self = IndexCache {
                lang: Some(lang),
                dict: Dictionary::new(lang),
                ..IndexCache::default()
            };
        }
        self.redone = (0, 0);
    }

    /// Number the new words and stems of a fresh document and keep its stems.
    fn adopt(&mut self, print: u128, fresh: Fresh) {
        if self.docs.contains_key(&print) {
            return;
        }
        let ids: Vec<u32> = fresh
            .new_stems
            .iter()
            .map(|s| self.dict.intern(s))
            .collect();
        let known = |id: u32| {
            if id & NEW == 0 {
                id
            } else {
                ids[(id & !NEW) as usize]
            }
        };
        for (word, id) in fresh.new_words {
            self.dict.words.entry(word).or_insert(known(id));
        }
        let stems = fresh
            .stems
            .iter()
            .map(|&(s, w)| pack(known(s), w))
            .collect();
        self.docs.insert(print, stems);
        self.redone.0 += 1;
    }

    /// Keep only the documents of this index.
    fn forget_all_but(&mut self, prints: &[u128]) {
        let keep: AHashSet<u128> = prints.iter().copied().collect();
        self.docs.retain(|print, _| keep.contains(print));
    }

    /// Bring every stem's list up to date with `postings`, encoding only those that changed.
    fn encode_lists(&mut self, postings: &Postings) {
        self.lists.resize_with(self.dict.stems.len(), String::new);
        let redone: usize = self
            .lists
            .par_iter_mut()
            .enumerate()
            .map(|(stem, json)| {
                let now = postings.of(stem);
                if encodes(json, now) {
                    return 0;
                }
                *json = if now.is_empty() {
                    String::new()
                } else {
                    encode(now)
                };
                usize::from(!now.is_empty())
            })
            .sum();
        self.redone.1 = redone;
    }

    /// The `c/<key>.json` files and their keys, in key order.
    fn chunk_files(&self) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
        let mut live: Vec<usize> = (0..self.lists.len())
            .filter(|&s| !self.lists[s].is_empty())
            .collect();
        let stems = &self.dict.stems;
        live.par_sort_unstable_by(|&a, &b| stems[a].cmp(&stems[b]));
        let entries: Vec<(&str, &str)> = live
            .iter()
            .map(|&s| (&*stems[s], self.lists[s].as_str()))
            .collect();
        let mut files = Vec::new();
        let mut keys = Vec::new();
        for (key, range) in chunks(&entries, MIN_KEY) {
            let entries = &entries[range];
            let size: usize = entries.iter().map(|(s, l)| s.len() + l.len() + 4).sum();
            let mut json = String::with_capacity(size + 2);
            json.push('{');
            for (i, (stem, list)) in entries.iter().enumerate() {
                if i > 0 {
                    json.push(',');
                }
                json.push('"');
                json.push_str(stem);
                json.push_str("\":");
                json.push_str(list);
            }
            json.push('}');
            files.push((format!("c/{key}.json"), json.into_bytes()));
            keys.push(key);
        }
        (files, keys)
    }

    /// Renumber the stems when most of the dictionary is stems no document has any more, so
    /// that a long `serve` session does not keep every word it ever saw.
    fn compact_if_sparse(&mut self) {
        let live = self.lists.iter().filter(|l| !l.is_empty()).count();
        if self.dict.stems.len() > 2 * live + 1024 {
            self.compact();
        }
    }

    /// Drop the stems without postings and the words of those stems, renumbering the rest.
    fn compact(&mut self) {
        let old = std::mem::take(&mut self.dict);
        let mut renumber: Vec<Option<u32>> = vec![None; old.stems.len()];
        let mut lists = Vec::new();
        for (stem, list) in std::mem::take(&mut self.lists).into_iter().enumerate() {
            if !list.is_empty() {
                renumber[stem] = Some(self.dict.intern(&old.stems[stem]));
                lists.push(list);
            }
        }
        self.lists = lists;
        self.dict.words = old
            .words
            .into_iter()
            .filter_map(|(word, id)| match id {
                STOP => Some((word, STOP)),
                _ => renumber[id as usize].map(|id| (word, id)),
            })
            .collect();
        for stems in self.docs.values_mut() {
            for pair in stems.iter_mut() {
                let (stem, weight) = unpack(*pair);
                let stem =
                    renumber[stem as usize].expect("the stems of kept documents have postings");
                *pair = pack(stem, weight);
            }
        }
    }
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
    assert!(total < MAX_ID as usize, "fewer than 2^26 documents");
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
    cache.forget_all_but(&prints);
    let docs: Vec<&[u32]> = prints.iter().map(|p| &*cache.docs[p]).collect();
    let postings = Postings::gather(&docs, cache.dict.stems.len());
    drop(docs);
    cache.encode_lists(&postings);
    drop(postings);
    let (mut files, keys) = cache.chunk_files();
    files.extend(views);
    let (hoods, kinds) = filters(site, &mut files);
    let manifest = Manifest {
        v: 1,
        lang: lang.code(),
        docs: total,
        per: DOCS_PER_CHUNK,
        types,
        keys,
        stop: stop_words(lang),
        hoods,
        kinds,
    };
    files.push(("manifest.json".to_string(), json(&manifest)));
    cache.compact_if_sparse();
    files
}

fn json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("index views serialise")
}

/// Document `id`: its fingerprint, its view, and its stems when `cache` does not have them.
fn make(site: &Site, id: usize, analyzer: &Analyzer, cache: &IndexCache) -> Made {
    let mut doc = document(site, id);
    let print = fingerprint(&doc);
    doc.view.x = excerpt(doc.summary, doc.body);
    let fresh = (!cache.docs.contains_key(&print))
        .then(|| weigh(analyzer, &cache.dict, &doc.fields, doc.body));
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

/// The `d/<n>.json` files of the documents `made`, the first of which is document `start`.
fn view_files(start: usize, made: &[Made]) -> Vec<(String, Vec<u8>)> {
    made.chunks(DOCS_PER_CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            let size: usize = chunk.iter().map(|doc| doc.view.len() + 1).sum();
            let mut bytes = Vec::with_capacity(size + 1);
            bytes.push(b'[');
            for (j, doc) in chunk.iter().enumerate() {
                if j > 0 {
                    bytes.push(b',');
                }
                bytes.extend_from_slice(&doc.view);
            }
            bytes.push(b']');
            (format!("d/{}.json", start / DOCS_PER_CHUNK + i), bytes)
        })
        .collect()
}

/// The stems of one document with their weights: each field's weight once per stem, the
/// body's up to [`BODY_REPEATS`] times. Stems the dictionary does not have get `NEW` ids.
fn weigh(analyzer: &Analyzer, dict: &Dictionary, fields: &[(u32, String)], body: &str) -> Fresh {
    let mut fresh = Fresh::default();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut buf = String::new();
    let fields = fields.iter().map(|(w, t)| (*w, t.as_str()));
    for (weight, text) in fields.chain([(BODY, body)]) {
        ids.clear();
        each_word(text, &mut buf, |word| {
            let id = match dict.words.get(word) {
                Some(&id) => id,
                None => fresh.id(word, analyzer, dict),
            };
            if id != STOP {
                ids.push(id);
            }
        });
        ids.sort_unstable();
        let repeats = if weight == BODY { BODY_REPEATS } else { 1 };
        for same in ids.chunk_by(|a, b| a == b) {
            pairs.push((same[0], weight * (same.len() as u32).min(repeats)));
        }
    }
    pairs.sort_unstable();
    for (stem, weight) in pairs {
        match fresh.stems.last_mut() {
            Some(last) if last.0 == stem => last.1 += weight,
            _ => fresh.stems.push((stem, weight)),
        }
    }
    fresh
}

/// `[doc, weight, doc delta, weight, ...]` of [`pack`]ed postings in doc order: deltas keep
/// lists short.
fn encode(postings: &[u32]) -> String {
    let mut out = Vec::with_capacity(2 + postings.len() * 8);
    out.push(b'[');
    let mut digits = [0; 10];
    for (i, n) in numbers(postings).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(decimal(&mut digits, n).as_bytes());
    }
    out.push(b']');
    // A copy of the exact size: the cache keeps thousands of these.
    std::str::from_utf8(&out)
        .expect("digits and commas")
        .to_string()
}

/// The numbers [`encode`] writes: document delta and weight of each posting.
fn numbers(postings: &[u32]) -> impl Iterator<Item = u32> + '_ {
    postings
        .iter()
        .scan(0, |last, &pair| {
            let (doc, weight) = unpack(pair);
            let delta = doc - *last;
            *last = doc;
            Some([delta, weight])
        })
        .flatten()
}

/// Whether `json` is what [`encode`] makes of `postings` (or empty, and so are they): reading
/// the list kept is cheaper than making it again.
fn encodes(json: &str, postings: &[u32]) -> bool {
    let [b'[', inner @ .., b']'] = json.as_bytes() else {
        return json.is_empty() && postings.is_empty();
    };
    let mut expected = numbers(postings);
    let mut n: u64 = 0;
    for &b in inner {
        if b == b',' {
            if expected.next().map(u64::from) != Some(n) {
                return false;
            }
            n = 0;
        } else {
            n = n * 10 + u64::from(b - b'0');
        }
    }
    expected.next().map(u64::from) == Some(n) && expected.next().is_none()
}

/// `n` in decimal, written into the end of `buf`: lists hold millions of numbers at 10,000
/// stories, too many to go through `write!` one by one.
fn decimal(buf: &mut [u8; 10], mut n: u32) -> &str {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).expect("ASCII digits")
}

/// Group sorted `(stem, postings)` into chunks keyed by a prefix of at least `depth` letters,
/// one letter longer where a group exceeds [`CHUNK_BUDGET`]. A stem goes to the chunk with the
/// longest key it starts with; stems no longer than a split key stay in that key's chunk.
fn chunks<S: AsRef<str>, L: AsRef<str>>(
    entries: &[(S, L)],
    depth: usize,
) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let key = prefix(entries[start].0.as_ref(), depth);
        let end =
            start + entries[start..].partition_point(|(s, _)| prefix(s.as_ref(), depth) == key);
        split(entries, start..end, key.to_string(), depth, &mut out);
        start = end;
    }
    out
}

fn split<S: AsRef<str>, L: AsRef<str>>(
    entries: &[(S, L)],
    range: std::ops::Range<usize>,
    key: String,
    depth: usize,
    out: &mut Vec<(String, std::ops::Range<usize>)>,
) {
    let size: usize = entries[range.clone()]
        .iter()
        .map(|(s, l)| s.as_ref().len() + l.as_ref().len() + 4)
        .sum();
    let short = entries[range.clone()]
        .iter()
        .take_while(|(s, _)| s.as_ref().len() <= depth)
        .count();
    if size <= CHUNK_BUDGET || short == range.len() {
        out.push((key, range));
        return;
    }
    if short > 0 {
        out.push((key, range.start..range.start + short));
    }
    let rest = range.start + short..range.end;
    let mut start = rest.start;
    while start < rest.end {
        let sub = prefix(entries[start].0.as_ref(), depth + 1);
        let end = start
            + entries[start..rest.end]
                .partition_point(|(s, _)| prefix(s.as_ref(), depth + 1) == sub);
        split(entries, start..end, sub.to_string(), depth + 1, out);
        start = end;
    }
}

/// The first `n` bytes of an ASCII stem (the whole stem when shorter).
fn prefix(stem: &str, n: usize) -> &str {
    &stem[..stem.len().min(n)]
}

/// How many stories, events, neighbourhoods and people; documents are numbered in that order.
fn doc_types(site: &Site) -> [usize; 4] {
    [
        site.stories.len(),
        site.events.len(),
        site.neighbourhoods.len(),
        site.people.len(),
    ]
}

/// Document `id` of the site.
fn document(site: &Site, id: usize) -> Doc<'_> {
    let [stories, events, hoods, _] = doc_types(site);
    if id < stories {
        story(site, &site.stories[id])
    } else if id < stories + events {
        event(site, &site.events[id - stories])
    } else if id < stories + events + hoods {
        neighbourhood(site, id - stories - events)
    } else {
        person(site, &site.people[id - stories - events - hoods])
    }
}

fn hood_names(site: &Site, ids: &[Idx]) -> Vec<String> {
    ids.iter()
        .map(|&h| site.neighbourhoods[h].name.clone())
        .collect()
}

fn story<'s>(site: &'s Site, s: &'s Story) -> Doc<'s> {
    let mut terms: Vec<&str> = s.tags.iter().map(|&t| site.tags[t].name.as_str()).collect();
    terms.extend(
        s.neighbourhoods
            .iter()
            .map(|&h| site.neighbourhoods[h].name.as_str()),
    );
    terms.extend(s.authors.iter().map(|&a| site.people[a].name.as_str()));
    let kind = s.kind.map_or("", |k| site.kinds[k].label.as_str());
    terms.push(kind);
    let lede = format!("{} {}", s.subtitle.as_deref().unwrap_or(""), s.summary);
    Doc {
        view: DocView {
            u: s.url.clone(),
            t: s.title.clone(),
            y: 0,
            d: dates::day(site.config.lang, s.date.date()),
            k: kind.to_string(),
            n: hood_names(site, &s.neighbourhoods),
            x: String::new(),
        },
        fields: vec![
            (TITLE, s.title.clone()),
            (TERMS, terms.join(" ")),
            (LEDE, lede),
        ],
        body: &s.body_text,
        summary: &s.summary,
    }
}

fn event<'s>(site: &'s Site, e: &'s Event) -> Doc<'s> {
    let place = e
        .location
        .as_ref()
        .map(|p| format!("{} {}", p.name, p.address.as_deref().unwrap_or("")))
        .unwrap_or_default();
    let names = hood_names(site, &e.neighbourhoods);
    Doc {
        fields: vec![
            (TITLE, e.title.clone()),
            (TERMS, names.join(" ")),
            (LEDE, format!("{} {place}", e.summary)),
        ],
        view: DocView {
            u: e.url.clone(),
            t: e.title.clone(),
            y: 1,
            d: dates::day(site.config.lang, e.start.date()),
            k: String::new(),
            n: names,
            x: String::new(),
        },
        body: &e.body_text,
        summary: &e.summary,
    }
}

fn neighbourhood(site: &Site, i: Idx) -> Doc<'_> {
    let h = &site.neighbourhoods[i];
    let anchors: Vec<&str> = h.anchors.iter().map(|a| a.text.as_str()).collect();
    let city = h.city.clone().unwrap_or_default();
    Doc {
        view: DocView {
            u: h.url.clone(),
            t: h.name.clone(),
            y: 2,
            d: String::new(),
            k: city.clone(),
            n: Vec::new(),
            x: String::new(),
        },
        fields: vec![
            (TITLE, h.name.clone()),
            (TERMS, city),
            (LEDE, format!("{} {}", h.summary, anchors.join(" "))),
        ],
        body: &h.body_text,
        summary: &h.summary,
    }
}

fn person<'s>(site: &'s Site, p: &'s Person) -> Doc<'s> {
    let role = [p.role.as_deref(), p.organisation.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    Doc {
        view: DocView {
            u: p.url.clone(),
            t: p.name.clone(),
            y: 3,
            d: String::new(),
            k: role.clone(),
            n: hood_names(site, &p.neighbourhoods),
            x: String::new(),
        },
        fields: vec![(TITLE, p.name.clone()), (TERMS, role)],
        body: &p.bio_text,
        summary: "",
    }
}

/// Filter files: the documents of each neighbourhood and kind. Returns (slug, name) pairs.
type Names = Vec<(String, String)>;

fn filters(site: &Site, files: &mut Vec<(String, Vec<u8>)>) -> (Names, Names) {
    let mut by_hood: BTreeMap<Idx, Vec<usize>> = BTreeMap::new();
    let mut by_kind: BTreeMap<Idx, Vec<usize>> = BTreeMap::new();
    let mut id = 0;
    let mut add = |hoods: &[Idx], kind: Option<Idx>| {
        for &h in hoods {
            by_hood.entry(h).or_default().push(id);
        }
        if let Some(k) = kind {
            by_kind.entry(k).or_default().push(id);
        }
        id += 1;
    };
    site.stories
        .iter()
        .for_each(|s| add(&s.neighbourhoods, s.kind));
    site.events
        .iter()
        .for_each(|e| add(&e.neighbourhoods, None));
    (0..site.neighbourhoods.len()).for_each(|h| add(&[h], None));
    site.people
        .iter()
        .for_each(|p| add(&p.neighbourhoods, None));
    let mut hoods = Vec::new();
    for (h, ids) in by_hood {
        let hood = &site.neighbourhoods[h];
        files.push((format!("f/n-{}.json", hood.slug), json(&ids)));
        hoods.push((hood.slug.clone(), hood.name.clone()));
    }
    hoods.sort_by_cached_key(|(slug, _)| slug.clone());
    let mut kinds = Vec::new();
    for (k, ids) in by_kind {
        let kind = &site.kinds[k];
        files.push((format!("f/k-{}.json", kind.slug), json(&ids)));
        kinds.push((kind.slug.clone(), kind.label.clone()));
    }
    (hoods, kinds)
}

/// The summary, then as much of the body as fits in [`EXCERPT`], cut at a word.
fn excerpt(summary: &str, body: &str) -> String {
    let mut text = summary.trim().to_string();
    let body = body.trim();
    if !body.starts_with(text.as_str()) || text.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(body);
    } else {
        text = body.to_string();
    }
    if text.len() <= EXCERPT {
        return text;
    }
    let mut cut = EXCERPT;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = text[..cut].rfind(' ').unwrap_or(cut);
    text.truncate(cut);
    text.push('…');
    text
}

/// The folder of the search index inside the output.
pub fn index_dir(site: &Site) -> PathBuf {
    PathBuf::from(&site.urls.routes.search).join("index")
}

/// Hand the index files that changed since `previous` to `sink`, recording every one in
/// `rendered.cache` so the next build can skip them too.
pub fn emit(
    site: &Site,
    previous: &PageCache,
    rendered: &mut Rendered,
    sink: &Sink,
    errs: &mut Diagnostics,
) {
    emit_files(site, index(site), previous, rendered, sink, errs);
}

/// Hand the index `files` (made by [`index`]) that changed since `previous` to `sink`.
pub fn emit_files(
    site: &Site,
    files: Vec<(String, Vec<u8>)>,
    previous: &PageCache,
    rendered: &mut Rendered,
    sink: &Sink,
    errs: &mut Diagnostics,
) {
    let base = format!("{}index/", site.urls.section(&site.urls.routes.search));
    for (rel, bytes) in files {
        let path: PathBuf = output_path(site, &format!("{base}{rel}"));
        let print = xxhash_rust::xxh3::xxh3_64(&bytes);
        rendered.cache.pages.insert(path.clone(), print);
        if previous.pages.get(&path) == Some(&print) {
            rendered.unchanged += 1;
            continue;
        }
        match sink(Output { path, bytes }) {
            Ok(()) => rendered.written += 1,
            Err(d) => errs.push(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small real sites, written to a temporary folder and built through the pipeline.
    mod fixture {
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
        pub fn text(seed: usize, count: usize) -> String {
            let mut out = Vec::new();
            for i in 0..count {
                out.push(WORDS[(seed * 7 + i * i * 13 + i) % WORDS.len()]);
            }
            out.join(" ")
        }

        pub fn story(n: usize, title: &str) -> String {
            let hood = ["Muntenbuurt", "Rijtuigenbuurt"][n % 2];
            let kind = ["meeting", "mural", "garden"]
                .get(n % 4)
                .map_or(String::new(), |k| format!("kind: {k}\n"));
            let summary = if n.is_multiple_of(3) {
                format!("summary: {}\n", text(n + 100, 12))
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

        pub fn write(dir: &Path, rel: &str, text: &str) {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("make folder");
            std::fs::write(path, text).expect("write fixture");
        }

        /// A site of `stories` stories, an event, two neighbourhoods and a person.
        pub fn site(dir: &Path, lang: &str, stories: usize) {
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
        pub fn build(root: &Path) -> Site {
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
                Err(errs) => panic!("{}", errs.render(root, &crate::diagnostic::Palette::PLAIN)),
            }
        }

        /// One fingerprint per index file, with its name.
        pub fn digest(files: &[(String, Vec<u8>)]) -> Vec<(String, u64)> {
            files
                .iter()
                .map(|(name, bytes)| (name.clone(), xxhash_rust::xxh3::xxh3_64(bytes)))
                .collect()
        }
    }

    /// Fingerprints of the postings and manifest of the fixture sites, as the index made them
    /// before stems were numbered and documents cached: the files must not change.
    #[test]
    fn postings_are_the_same_as_before_interning() {
        for (lang, stories, expected) in [
            ("nl", 9, 0x88726c41820b2965_u64),
            ("en", 5, 0x1f8a9d90708ca960),
        ] {
            let dir = tempfile::TempDir::new().expect("temp dir");
            fixture::site(dir.path(), lang, stories);
            let files = index(&fixture::build(dir.path()));
            if lang == "nl" {
                let tu = files.iter().find(|(name, _)| name == "c/tu.json");
                assert_eq!(
                    String::from_utf8_lossy(&tu.expect("a chunk c/tu").1),
                    "{\"tuin\":[0,8,1,8,1,13,1,4,1,8,1,25,1,16,1,7,1,25,1,4,1,5,1,6],\"tuindag\":[9,20]}"
                );
            }
            let mut hash = xxhash_rust::xxh3::Xxh3Default::new();
            let kept = files
                .iter()
                .filter(|(n, _)| n.starts_with("c/") || n == "manifest.json");
            for (name, bytes) in kept {
                hash.update(name.as_bytes());
                hash.update(bytes);
            }
            assert_eq!(hash.digest(), expected, "{lang}");
        }
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

    #[test]
    fn each_word_gives_the_words() {
        let texts = [
            "Het Café, de muurschilderingen! Creëer: a 2022",
            "ÉÉN Straße naïef “thee” x ab CD e-mail 3D ﬁets Ærø",
            "",
            "  ",
        ];
        for text in texts.into_iter().chain([fixture::text(3, 200).as_str()]) {
            let mut got = Vec::new();
            each_word(text, &mut String::new(), |w| got.push(w.to_string()));
            assert_eq!(got, words(text).collect::<Vec<_>>(), "{text}");
        }
    }

    fn entries(stems: &[(&str, usize)]) -> Vec<(String, String)> {
        stems
            .iter()
            .map(|&(s, n)| (s.to_string(), "x".repeat(n)))
            .collect()
    }

    #[test]
    fn words_are_folded_and_split() {
        let got: Vec<String> = words("Het Café, de muurschilderingen! Creëer: a 2022").collect();
        assert_eq!(
            got,
            ["het", "cafe", "de", "muurschilderingen", "creeer", "2022"]
        );
    }

    #[test]
    fn dutch_stems_meet_their_base_forms() {
        let nl = Analyzer::new(Lang::Nl);
        assert_eq!(nl.stem("tuinen"), nl.stem("tuin"));
        assert_eq!(nl.stem("schilderingen"), nl.stem("schildering"));
        assert_eq!(nl.stem("cafe"), "caf");
        let stems: Vec<String> = nl.stems("De tuinen van het Café").collect();
        assert_eq!(stems, ["tuin", "caf"]);
    }

    #[test]
    fn english_sites_stem_english() {
        let en = Analyzer::new(Lang::En);
        assert_eq!(en.stem("gardens"), "garden");
        assert_eq!(en.stem("meetings"), "meet");
        let stems: Vec<String> = en.stems("The murals of the neighbourhood").collect();
        assert_eq!(stems, ["mural", "neighbourhood"]);
    }

    /// Pairs the query side (search.js) must stem the same way; tests/browser/search.mjs
    /// checks the JavaScript stemmer against this same list.
    #[test]
    fn stems_the_javascript_stemmer_must_match() {
        let nl = Analyzer::new(Lang::Nl);
        let en = Analyzer::new(Lang::En);
        let list = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/stems.txt"),
        )
        .expect("tests/browser/stems.txt");
        for line in list.lines().filter(|l| !l.trim().is_empty()) {
            let parts: Vec<&str> = line.split_whitespace().collect();
            let [lang, word, stem] = parts[..] else {
                panic!("bad line {line:?}");
            };
            let analyzer = if lang == "nl" { &nl } else { &en };
            assert_eq!(analyzer.stem(word), stem, "{lang} {word}");
        }
    }

    #[test]
    fn small_groups_share_a_two_letter_chunk() {
        let e = entries(&[("tuin", 10), ("tuinier", 10), ("tul", 10), ("zon", 10)]);
        let got: Vec<(String, usize)> = chunks(&e, 2)
            .into_iter()
            .map(|(k, r)| (k, r.len()))
            .collect();
        assert_eq!(got, [("tu".to_string(), 3), ("zo".to_string(), 1)]);
    }

    #[test]
    fn big_groups_split_by_one_more_letter() {
        let big = CHUNK_BUDGET / 2;
        let e = entries(&[
            ("ge", 10),
            ("gebouw", big),
            ("gemeente", big),
            ("gezin", 10),
        ]);
        let got: Vec<(String, usize)> = chunks(&e, 2)
            .into_iter()
            .map(|(k, r)| (k, r.len()))
            .collect();
        assert_eq!(
            got,
            [
                ("ge".to_string(), 1),
                ("geb".to_string(), 1),
                ("gem".to_string(), 1),
                ("gez".to_string(), 1)
            ]
        );
    }

    #[test]
    fn postings_are_delta_encoded() {
        let postings = [pack(3, 8), pack(4, 1), pack(10, 2)];
        assert_eq!(encode(&postings), "[3,8,1,1,6,2]");
        assert!(encodes("[3,8,1,1,6,2]", &postings));
        assert!(encodes("", &[]));
        for other in [
            "",
            "[]",
            "[3,8,1,1,6]",
            "[3,8,1,1,6,2,1,1]",
            "[3,8,1,1,6,3]",
            "[13,8,1,1,6,2]",
        ] {
            assert!(!encodes(other, &postings), "{other}");
        }
        assert!(!encodes("[3,8]", &[]));
    }

    #[test]
    fn excerpts_are_cut_at_a_word() {
        let body = "woord ".repeat(200);
        let x = excerpt("", &body);
        assert!(x.len() <= EXCERPT + 4 && x.ends_with("woord…"), "{x}");
    }
}
