//! The index: stems numbered in a dictionary, each document's stems with their weights, and
//! the postings of each stem, kept in an [`IndexCache`] from one index to the next.

use ahash::{AHashMap, AHashSet};
use rayon::prelude::*;

use crate::words::Lang;

use super::chunks::{POSTINGS, WORD_LISTS, chunks, encode, encodes};
use super::compound::{self, MIN_PART};
use super::words::{Analyzer, each_word, stop_words};

/// How much a word counts in each part of a document: once in the title, tags, neighbourhoods,
/// authors and kind, or lede; up to [`BODY_REPEATS`] times in the body, so that a long story
/// that repeats a word does not outweigh one with the word in its title.
pub(super) const TITLE: u32 = 20;
pub(super) const TERMS: u32 = 8;
pub(super) const LEDE: u32 = 3;
pub(super) const BODY: u32 = 1;
const BODY_REPEATS: u32 = 5;

/// A document's stems and a stem's postings are `u32`s of an id and a weight, the weight in
/// the low bits: at 10,000 stories that halves the index's biggest tables.
const WEIGHT_BITS: u32 = 7;
/// In a document's stems: the document has the stem as a word of its own ("tuin", not only
/// "tuinen"), so the stem can be offered as a suggestion as it is.
const AS_WORD: u32 = 1 << (WEIGHT_BITS - 1);
/// The most a stem can weigh in one document.
pub(super) const MAX_WEIGHT: u32 = TITLE + TERMS + LEDE + BODY * BODY_REPEATS;
const _: () = assert!(MAX_WEIGHT < AS_WORD);
/// Stems and documents are numbered below this.
pub(super) const MAX_ID: u32 = 1 << (32 - WEIGHT_BITS);

pub(super) fn pack(id: u32, weight: u32) -> u32 {
    debug_assert!(id < MAX_ID && weight < 1 << WEIGHT_BITS);
    id << WEIGHT_BITS | weight
}

pub(super) fn unpack(pair: u32) -> (u32, u32) {
    (pair >> WEIGHT_BITS, pair & ((1 << WEIGHT_BITS) - 1))
}

/// The id of stop words in [`Dictionary::words`]: they get no postings.
const STOP: u32 = u32::MAX;
/// Marks the id of a stem new to the dictionary in [`Fresh`]: the rest is its place in
/// `Fresh::new_stems`.
const NEW: u32 = 1 << 31;

/// What [`index_with`](super::index_with) keeps from one index to the next, so that after an edit it redoes only
/// the documents and postings lists the edit touched: each document's stems by a fingerprint of
/// its texts, and each stem's encoded postings. Numbers, not texts, apart from the dictionary
/// of words and stems and the encoded lists.
#[derive(Default)]
pub struct IndexCache {
    lang: Option<Lang>,
    pub(super) dict: Dictionary,
    /// A fingerprint of a document's texts -> its stems with their weights ([`pack`]ed), by id.
    docs: AHashMap<u128, Box<[u32]>>,
    /// The stems of [`compound::common_parts`]: parts of compounds on every site.
    common: AHashSet<Box<str>>,
    /// By stem id: its postings list as a JSON string, empty when no document has the stem.
    lists: Vec<String>,
    /// Documents tokenised and lists encoded by the last index.
    redone: (usize, usize),
}

/// Words and stems by number.
#[derive(Default)]
pub(super) struct Dictionary {
    /// Folded word -> the id of its stem, or [`STOP`].
    words: AHashMap<Box<str>, u32>,
    /// Stem -> id.
    ids: AHashMap<Box<str>, u32>,
    /// Id -> stem.
    pub(super) stems: Vec<Box<str>>,
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
        let id = u32::try_from(self.stems.len()).expect("fewer than 2^25 stems");
        assert!(id < MAX_ID, "fewer than 2^25 stems");
        self.stems.push(stem.into());
        self.ids.insert(stem.into(), id);
        id
    }
}

/// The stems of a document the cache did not have, with the words and stems it met that the
/// dictionary does not know yet: those have ids `NEW | n` until [`IndexCache::adopt`].
#[derive(Default)]
pub(super) struct Fresh {
    /// Words, stop words left out: the document's length.
    length: u32,
    /// Stem ids with weights, [`AS_WORD`] set where the stem is also a word of the document.
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

type Files = Vec<(String, Vec<u8>)>;

/// What [`IndexCache::postings_of`] makes: index files, the keys of the postings chunks and
/// of the word lists, and the length of each document.
pub(super) struct Gathered {
    pub(super) files: Files,
    pub(super) keys: Vec<String>,
    pub(super) lists: Vec<String>,
    pub(super) lengths: Vec<u32>,
}

/// All postings, by stem id: those of stem `s` are `pairs[starts[s]..starts[s + 1]]`, each a
/// [`pack`]ed document id and weight, in document order.
struct Postings {
    starts: Vec<usize>,
    pairs: Vec<u32>,
}

impl Postings {
    /// The postings of each stem, from the stems of each document (after its length), and
    /// which stems are words of their own.
    fn gather(docs: &[&[u32]], stems: usize) -> (Postings, Vec<bool>) {
        let mut starts = vec![0; stems + 1];
        let mut as_word = vec![false; stems];
        for &pair in docs.iter().flat_map(|d| &d[1..]) {
            let (stem, weight) = unpack(pair);
            starts[stem as usize + 1] += 1;
            as_word[stem as usize] |= weight & AS_WORD != 0;
        }
        for s in 0..stems {
            starts[s + 1] += starts[s];
        }
        let mut next = starts.clone();
        let mut pairs = vec![0; starts[stems]];
        for (id, doc) in docs.iter().enumerate() {
            for &pair in &doc[1..] {
                let (stem, weight) = unpack(pair);
                pairs[next[stem as usize]] = pack(id as u32, weight & !AS_WORD);
                next[stem as usize] += 1;
            }
        }
        (Postings { starts, pairs }, as_word)
    }

    fn of(&self, stem: usize) -> &[u32] {
        &self.pairs[self.starts[stem]..self.starts[stem + 1]]
    }
}

impl IndexCache {
    /// Whether the cache has the stems of the document with fingerprint `print`.
    pub(super) fn has(&self, print: u128) -> bool {
        self.docs.contains_key(&print)
    }

    /// The stems of a document the cache does not have: see [`weigh`].
    pub(super) fn weigh(&self, analyzer: &Analyzer, fields: &[(u32, String)], body: &str) -> Fresh {
        weigh(analyzer, &self.dict, fields, body)
    }

    /// After every document was adopted: the postings of the documents `prints`, in that
    /// order, as the `c/<key>.json` files and their keys, the `s/<key>.json` files of
    /// [`words_files`](Self::words_files) and their keys, and each document's length. The cache forgets other documents.
    pub(super) fn postings_of(&mut self, prints: &[u128]) -> Gathered {
        self.forget_all_but(prints);
        let mut common: Vec<&str> = self.common.iter().map(|s| &**s).collect();
        common.sort_unstable();
        for stem in common {
            self.dict.intern(stem);
        }
        let docs: Vec<&[u32]> = prints.iter().map(|p| &*self.docs[p]).collect();
        let lengths = docs.iter().map(|d| d[0]).collect();
        let (postings, as_word) = Postings::gather(&docs, self.dict.stems.len());
        drop(docs);
        let postings = self.with_parts(postings);
        let (mut files, lists) = self.words_files(&postings, &as_word);
        self.encode_lists(&postings);
        drop(postings);
        let (chunks, keys) = self.chunk_files();
        files.extend(chunks);
        Gathered {
            files,
            keys,
            lists,
            lengths,
        }
    }

    /// `s/<key>.json`: every stem that has postings with the number of documents that have
    /// it, grouped by first letters ([`WORD_LISTS`]), what a query word that finds nothing is
    /// compared with ("Bedoelde je …?") and cut into ([`compound::parts`]). A stem that no
    /// document has as a word of its own ("caf" of "café", "bewoner" of "bewoners") has its
    /// count negated. Returns the files and their keys.
    fn words_files(&self, postings: &Postings, as_word: &[bool]) -> (Files, Vec<String>) {
        let stems = &self.dict.stems;
        let mut live: Vec<usize> = (0..stems.len())
            .filter(|&s| !postings.of(s).is_empty())
            .collect();
        live.sort_unstable_by(|&a, &b| stems[a].cmp(&stems[b]));
        let entries: Vec<(&str, String)> = live
            .iter()
            .map(|&s| {
                let df = postings.of(s).len() as i64;
                (&*stems[s], (if as_word[s] { df } else { -df }).to_string())
            })
            .collect();
        let mut files = Vec::new();
        let mut keys = Vec::new();
        for (key, range) in chunks(&entries, &WORD_LISTS) {
            let mut json = String::from("{");
            for (i, (stem, df)) in entries[range].iter().enumerate() {
                if i > 0 {
                    json.push(',');
                }
                json.push_str(&format!("\"{stem}\":{df}"));
            }
            json.push('}');
            files.push((format!("s/{key}.json"), json.into_bytes()));
            keys.push(key);
        }
        (files, keys)
    }

    /// `postings` with each compound's documents added to the postings of its parts (at half
    /// their weight, so that the compound itself ranks first): see [`compound::parts`].
    fn with_parts(&self, postings: Postings) -> Postings {
        let lang = self.lang.expect("prepared for a language");
        let stems = &self.dict.stems;
        let known = |s: &str| {
            let &id = self.dict.ids.get(s)?;
            (!postings.of(id as usize).is_empty() || self.common.contains(s)).then_some(id)
        };
        let cuts: Vec<(usize, Vec<u32>)> = (0..stems.len())
            .into_par_iter()
            .filter(|&s| !postings.of(s).is_empty() && stems[s].len() > MIN_PART)
            .filter_map(|s| {
                let parts = compound::parts(lang, &stems[s], &known);
                (!parts.is_empty()).then(|| (s, parts.into_iter().map(|(_, id)| id).collect()))
            })
            .collect();
        if cuts.is_empty() {
            return postings;
        }
        let mut wholes: Vec<Vec<usize>> = vec![Vec::new(); stems.len()];
        for (whole, parts) in &cuts {
            for &part in parts {
                wholes[part as usize].push(*whole);
            }
        }
        let lists: Vec<Vec<u32>> = (0..stems.len())
            .into_par_iter()
            .map(|s| merged(postings.of(s), wholes[s].iter().map(|&w| postings.of(w))))
            .collect();
        let mut starts = Vec::with_capacity(lists.len() + 1);
        let mut pairs = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        starts.push(0);
        for list in lists {
            pairs.extend(list);
            starts.push(pairs.len());
        }
        Postings { starts, pairs }
    }

    /// Documents tokenised and postings lists encoded by the last [`index_with`](super::index_with): what the
    /// cache could not reuse.
    pub fn redone(&self) -> (usize, usize) {
        self.redone
    }

    /// Start over when the site's language changed: words stem differently.
    pub(super) fn prepare(&mut self, lang: Lang) {
        if self.lang != Some(lang) {
            let analyzer = Analyzer::new(lang);
            let common = compound::common_parts(lang)
                .iter()
                .map(|w| analyzer.stem(w).into())
                .collect();
            *self = IndexCache {
                lang: Some(lang),
                dict: Dictionary::new(lang),
                common,
                ..IndexCache::default()
            };
        }
        self.redone = (0, 0);
    }

    /// Number the new words and stems of a fresh document and keep its stems.
    pub(super) fn adopt(&mut self, print: u128, fresh: Fresh) {
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
        let stems = std::iter::once(fresh.length)
            .chain(fresh.stems.iter().map(|&(s, w)| pack(known(s), w)))
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
        for (key, range) in chunks(&entries, &POSTINGS) {
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
    pub(super) fn compact_if_sparse(&mut self) {
        let live = self.lists.iter().filter(|l| !l.is_empty()).count();
        if self.dict.stems.len() > 2 * live + 1024 {
            self.compact();
        }
    }

    /// Drop the stems without postings and the words of those stems, renumbering the rest.
    pub(super) fn compact(&mut self) {
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
            for pair in stems.iter_mut().skip(1) {
                let (stem, weight) = unpack(*pair);
                let stem =
                    renumber[stem as usize].expect("the stems of kept documents have postings");
                *pair = pack(stem, weight);
            }
        }
    }
}

/// `own` postings with those of the compounds `wholes` at half their weight (at least 1), in
/// document order; a document keeps its highest weight.
fn merged<'p>(own: &[u32], wholes: impl Iterator<Item = &'p [u32]>) -> Vec<u32> {
    let mut all: Vec<u32> = own.to_vec();
    let before = all.len();
    for list in wholes {
        all.extend(list.iter().map(|&pair| {
            let (doc, weight) = unpack(pair);
            pack(doc, (weight / 2).max(1))
        }));
    }
    if all.len() == before {
        return all;
    }
    // Packed pairs sort by document, then weight: keep the last of each document.
    all.sort_unstable();
    let mut out: Vec<u32> = Vec::with_capacity(all.len());
    for pair in all {
        match out.last_mut() {
            Some(last) if unpack(*last).0 == unpack(pair).0 => *last = pair,
            _ => out.push(pair),
        }
    }
    out
}

/// The stems of one document with their weights: each field's weight once per stem, the
/// body's up to [`BODY_REPEATS`] times. Stems the dictionary does not have get `NEW` ids.
fn weigh(analyzer: &Analyzer, dict: &Dictionary, fields: &[(u32, String)], body: &str) -> Fresh {
    let mut fresh = Fresh::default();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut as_word: Vec<u32> = Vec::new();
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
                let stem = if id & NEW == 0 {
                    &*dict.stems[id as usize]
                } else {
                    &*fresh.new_stems[(id & !NEW) as usize]
                };
                if stem == word {
                    as_word.push(id);
                }
            }
        });
        fresh.length += ids.len() as u32;
        ids.sort_unstable();
        let repeats = if weight == BODY { BODY_REPEATS } else { 1 };
        for same in ids.chunk_by(|a, b| a == b) {
            pairs.push((same[0], weight * (same.len() as u32).min(repeats)));
        }
    }
    pairs.sort_unstable();
    as_word.sort_unstable();
    for (stem, weight) in pairs {
        match fresh.stems.last_mut() {
            Some(last) if last.0 == stem => last.1 += weight,
            _ => fresh.stems.push((stem, weight)),
        }
    }
    for (stem, weight) in &mut fresh.stems {
        if as_word.binary_search(stem).is_ok() {
            *weight |= AS_WORD;
        }
    }
    fresh
}
