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
//! Why not the pagefind crate: 1.6.0 with `default-features = false` still pulls in ~180 crates
//! (tokio, lol_html, regex, clap, wax, ...), does not compile without also enabling tokio's
//! `io-util`, and took about 15 minutes of compile time on two cores; it indexes built HTML
//! through an async runtime. This index plus rust-stemmers (whose other dependency, serde, plein
//! already has) measured at 10,000 synthetic stories (`examples/search_index.rs`): 14 MB in
//! 2,901 files, about 2 s to make, 40 to 160 KB fetched per query.
//! This module knows the model and nothing of templates or files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use crate::config::Lang;
use crate::diagnostic::Diagnostics;
use crate::model::{Idx, Site, dates};

use super::{Output, PageCache, Rendered, Sink, output_path};

/// Documents per `d/<n>.json`: a query fetches one such file per result shown.
pub const DOCS_PER_CHUNK: usize = 4;
/// A postings chunk bigger than this is split by one more letter of its stems.
const CHUNK_BUDGET: usize = 16 * 1024;
/// Shortest chunk key: stems are grouped by at least their first two letters.
const MIN_KEY: usize = 2;
/// Plain-text characters kept per document for its snippet.
const EXCERPT: usize = 700;

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

/// One searchable document: its view and its text by weight.
struct Doc {
    view: DocView,
    fields: Vec<(u32, String)>,
    hoods: Vec<Idx>,
    kind: Option<Idx>,
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

/// Every file of the search index, in a fixed order.
pub fn index(site: &Site) -> Vec<(String, Vec<u8>)> {
    let lang = site.config.lang;
    let analyzer = Analyzer::new(lang);
    let (docs, types) = documents(site);
    let weighted: Vec<Vec<(String, u32)>> = docs
        .par_iter()
        .map_init(HashMap::new, |cache, doc| weigh(&analyzer, cache, doc))
        .collect();
    let mut postings: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
    for (id, stems) in weighted.into_iter().enumerate() {
        for (stem, w) in stems {
            postings.entry(stem).or_default().push((id as u32, w));
        }
    }
    let mut entries: Vec<(String, String)> = postings
        .into_par_iter()
        .map(|(stem, docs)| {
            let list = encode(&docs);
            (stem, list)
        })
        .collect();
    entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut files = Vec::new();
    let mut keys = Vec::new();
    for (key, range) in chunks(&entries, MIN_KEY) {
        let mut json = String::from("{");
        for (i, (stem, list)) in entries[range].iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            let _ = write!(json, "\"{stem}\":{list}");
        }
        json.push('}');
        files.push((format!("c/{key}.json"), json.into_bytes()));
        keys.push(key);
    }
    for (n, chunk) in docs.chunks(DOCS_PER_CHUNK).enumerate() {
        let views: Vec<&DocView> = chunk.iter().map(|d| &d.view).collect();
        files.push((format!("d/{n}.json"), json(&views)));
    }
    let (hoods, kinds) = filters(site, &docs, &mut files);
    let manifest = Manifest {
        v: 1,
        lang: lang.code(),
        docs: docs.len(),
        per: DOCS_PER_CHUNK,
        types,
        keys,
        stop: stop_words(lang),
        hoods,
        kinds,
    };
    files.push(("manifest.json".to_string(), json(&manifest)));
    files
}

fn json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("index views serialise")
}

/// The stems of one document with their weights: each field's weight once per stem, the
/// body's up to [`BODY_REPEATS`] times. `cache` remembers stems of words seen before.
fn weigh(
    analyzer: &Analyzer,
    cache: &mut HashMap<String, String>,
    doc: &Doc,
) -> Vec<(String, u32)> {
    let mut weights: HashMap<String, u32> = HashMap::new();
    for (weight, text) in &doc.fields {
        let words: Vec<String> = words(text)
            .filter(|w| !analyzer.stop.contains(w.as_str()))
            .collect();
        for word in &words {
            if !cache.contains_key(word) {
                let stem = analyzer.stem(word);
                cache.insert(word.clone(), stem);
            }
        }
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for word in &words {
            *counts.entry(cache[word].as_str()).or_default() += 1;
        }
        let repeats = if *weight == BODY { BODY_REPEATS } else { 1 };
        for (stem, n) in counts {
            *weights.entry(stem.to_string()).or_default() += weight * n.min(repeats);
        }
    }
    weights.into_iter().collect()
}

/// `[doc, weight, doc delta, weight, ...]` of postings in doc order: deltas keep lists short.
fn encode(docs: &[(u32, u32)]) -> String {
    let mut out = String::from("[");
    let mut last = 0;
    for (i, &(doc, w)) in docs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{},{w}", doc - last);
        last = doc;
    }
    out.push(']');
    out
}

/// Group sorted `(stem, postings)` into chunks keyed by a prefix of at least `depth` letters,
/// one letter longer where a group exceeds [`CHUNK_BUDGET`]. A stem goes to the chunk with the
/// longest key it starts with; stems no longer than a split key stay in that key's chunk.
fn chunks(entries: &[(String, String)], depth: usize) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let key = prefix(&entries[start].0, depth);
        let end = start + entries[start..].partition_point(|(s, _)| prefix(s, depth) == key);
        split(entries, start..end, key, depth, &mut out);
        start = end;
    }
    out
}

fn split(
    entries: &[(String, String)],
    range: std::ops::Range<usize>,
    key: String,
    depth: usize,
    out: &mut Vec<(String, std::ops::Range<usize>)>,
) {
    let size: usize = entries[range.clone()]
        .iter()
        .map(|(s, l)| s.len() + l.len() + 4)
        .sum();
    let short = entries[range.clone()]
        .iter()
        .take_while(|(s, _)| s.len() <= depth)
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
        let sub = prefix(&entries[start].0, depth + 1);
        let end =
            start + entries[start..rest.end].partition_point(|(s, _)| prefix(s, depth + 1) == sub);
        split(entries, start..end, sub, depth + 1, out);
        start = end;
    }
}

/// The first `n` bytes of an ASCII stem (the whole stem when shorter).
fn prefix(stem: &str, n: usize) -> String {
    stem[..stem.len().min(n)].to_string()
}

/// The documents in id order (stories, events, neighbourhoods, people) and how many of each.
fn documents(site: &Site) -> (Vec<Doc>, [usize; 4]) {
    let lang = site.config.lang;
    let hood_names = |ids: &[Idx]| -> Vec<String> {
        ids.iter()
            .map(|&h| site.neighbourhoods[h].name.clone())
            .collect()
    };
    let mut docs = Vec::new();
    for s in &site.stories {
        let mut terms: Vec<&str> = s.tags.iter().map(|&t| site.tags[t].name.as_str()).collect();
        terms.extend(
            s.neighbourhoods
                .iter()
                .map(|&h| site.neighbourhoods[h].name.as_str()),
        );
        terms.extend(s.authors.iter().map(|&a| site.people[a].name.as_str()));
        let kind = s
            .kind
            .map(|k| site.kinds[k].label.clone())
            .unwrap_or_default();
        terms.push(&kind);
        let body = plain_text(&s.body_html);
        let lede = format!("{} {}", s.subtitle.as_deref().unwrap_or(""), s.summary);
        docs.push(Doc {
            view: DocView {
                u: s.url.clone(),
                t: s.title.clone(),
                y: 0,
                d: dates::day(lang, s.date.date()),
                k: kind.clone(),
                n: hood_names(&s.neighbourhoods),
                x: excerpt(&s.summary, &body),
            },
            fields: vec![
                (TITLE, s.title.clone()),
                (TERMS, terms.join(" ")),
                (LEDE, lede),
                (BODY, body),
            ],
            hoods: s.neighbourhoods.clone(),
            kind: s.kind,
        });
    }
    for e in &site.events {
        let body = plain_text(&e.body_html);
        let place = e
            .location
            .as_ref()
            .map(|p| format!("{} {}", p.name, p.address.as_deref().unwrap_or("")))
            .unwrap_or_default();
        let names = hood_names(&e.neighbourhoods);
        docs.push(Doc {
            view: DocView {
                u: e.url.clone(),
                t: e.title.clone(),
                y: 1,
                d: dates::day(lang, e.start.date()),
                k: String::new(),
                n: names.clone(),
                x: excerpt(&e.summary, &body),
            },
            fields: vec![
                (TITLE, e.title.clone()),
                (TERMS, names.join(" ")),
                (LEDE, format!("{} {place}", e.summary)),
                (BODY, body),
            ],
            hoods: e.neighbourhoods.clone(),
            kind: None,
        });
    }
    for (i, h) in site.neighbourhoods.iter().enumerate() {
        let body = plain_text(&h.body_html);
        let anchors: Vec<&str> = h.anchors.iter().map(|a| a.text.as_str()).collect();
        docs.push(Doc {
            view: DocView {
                u: h.url.clone(),
                t: h.name.clone(),
                y: 2,
                d: String::new(),
                k: h.city.clone().unwrap_or_default(),
                n: Vec::new(),
                x: excerpt(&h.summary, &body),
            },
            fields: vec![
                (TITLE, h.name.clone()),
                (TERMS, h.city.clone().unwrap_or_default()),
                (LEDE, format!("{} {}", h.summary, anchors.join(" "))),
                (BODY, body),
            ],
            hoods: vec![i],
            kind: None,
        });
    }
    for p in &site.people {
        let bio = plain_text(&p.bio_html);
        let role = [p.role.as_deref(), p.organisation.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        docs.push(Doc {
            view: DocView {
                u: p.url.clone(),
                t: p.name.clone(),
                y: 3,
                d: String::new(),
                k: role.clone(),
                n: hood_names(&p.neighbourhoods),
                x: excerpt("", &bio),
            },
            fields: vec![(TITLE, p.name.clone()), (TERMS, role), (BODY, bio)],
            hoods: p.neighbourhoods.clone(),
            kind: None,
        });
    }
    let types = [
        site.stories.len(),
        site.events.len(),
        site.neighbourhoods.len(),
        site.people.len(),
    ];
    (docs, types)
}

/// Filter files: the documents of each neighbourhood and kind. Returns (slug, name) pairs.
type Names = Vec<(String, String)>;

fn filters(site: &Site, docs: &[Doc], files: &mut Vec<(String, Vec<u8>)>) -> (Names, Names) {
    let mut by_hood: BTreeMap<Idx, Vec<usize>> = BTreeMap::new();
    let mut by_kind: BTreeMap<Idx, Vec<usize>> = BTreeMap::new();
    for (id, doc) in docs.iter().enumerate() {
        for &h in &doc.hoods {
            by_hood.entry(h).or_default().push(id);
        }
        if let Some(k) = doc.kind {
            by_kind.entry(k).or_default().push(id);
        }
    }
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

/// Rendered HTML as plain text: tags dropped, the common entities decoded, spaces squeezed.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = rest[open..]
            .find('>')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Hand the index files that changed since `previous` to `sink`, recording every one in
/// `rendered.cache` so the next build can skip them too.
/// The folder of the search index inside the output.
pub fn index_dir(site: &Site) -> PathBuf {
    PathBuf::from(&site.urls.routes.search).join("index")
}

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
        assert_eq!(encode(&[(3, 8), (4, 1), (10, 2)]), "[3,8,1,1,6,2]");
    }

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            plain_text("<p>Koffie &amp; thee<br>in het <em>café</em>&#33;</p>"),
            "Koffie & thee in het café !"
        );
    }

    #[test]
    fn excerpts_are_cut_at_a_word() {
        let body = "woord ".repeat(200);
        let x = excerpt("", &body);
        assert!(x.len() <= EXCERPT + 4 && x.ends_with("woord…"), "{x}");
    }
}
