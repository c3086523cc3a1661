//! The chunks of the index: each stem's postings encoded as JSON, and stems grouped into
//! `c/<key>.json` files by their first letters.

use super::index::unpack;

/// The letters postings lists are written in, in the order of their values: safe in JSON
/// strings, the same as the manifest's document lengths.
pub(super) const DIGITS: &[u8; 64] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// How stems are grouped into files by their first letters: by at least `shortest` letters,
/// one letter more where a group is bigger than `budget` bytes, up to `longest` letters.
pub(super) struct Keys {
    pub(super) shortest: usize,
    pub(super) longest: usize,
    pub(super) budget: usize,
}

/// The `c/<key>.json` postings chunks: at least two letters, as many as it takes to stay
/// under 16 KB (or to hold one stem).
pub(super) const POSTINGS: Keys = Keys {
    shortest: 2,
    longest: usize::MAX,
    budget: 16 * 1024,
};

/// The `s/<key>.json` word lists, read only for a word that finds nothing: by first letter,
/// or by two where that is more than 16 KB; a query reads the list of a two-letter prefix.
pub(super) const WORD_LISTS: Keys = Keys {
    shortest: 1,
    longest: 2,
    budget: 16 * 1024,
};

/// A stem's postings ([`pack`]ed, in document order) as a JSON string of [`DIGITS`]: each
/// posting is the document's distance from the one before in base 32, low digits first, a
/// digit + 32 while more follow, then its weight as one digit. Two bytes a posting where
/// documents are near, half of what `[doc, weight, doc delta, weight, ...]` took.
///
/// [`pack`]: super::index::pack
pub(super) fn encode(postings: &[u32]) -> String {
    let mut out = Vec::with_capacity(2 + postings.len() * 3);
    out.push(b'"');
    out.extend(letters(postings));
    out.push(b'"');
    // A copy of the exact size: the cache keeps thousands of these.
    String::from_utf8(out).expect("ASCII digits")
}

const _: () = assert!(super::index::MAX_WEIGHT < 64, "a weight is one digit");

/// The digits [`encode`] writes between the quotes.
fn letters(postings: &[u32]) -> impl Iterator<Item = u8> + '_ {
    postings
        .iter()
        .scan(0, |last, &pair| {
            let (doc, weight) = unpack(pair);
            let mut delta = doc - *last;
            *last = doc;
            let mut digits = [0; 8];
            let mut n = 0;
            while delta >= 32 {
                digits[n] = DIGITS[(32 + (delta & 31)) as usize];
                delta >>= 5;
                n += 1;
            }
            digits[n] = DIGITS[delta as usize];
            digits[n + 1] = DIGITS[weight as usize];
            Some(digits.into_iter().take(n + 2))
        })
        .flatten()
}

/// Whether `json` is what [`encode`] makes of `postings` (or empty, and so are they): reading
/// the list kept is cheaper than making it again.
pub(super) fn encodes(json: &str, postings: &[u32]) -> bool {
    if postings.is_empty() {
        return json.is_empty();
    }
    let [b'"', inner @ .., b'"'] = json.as_bytes() else {
        return false;
    };
    inner.iter().copied().eq(letters(postings))
}

/// The postings of a list [`encode`] wrote, as (document, weight) pairs: for tests and
/// `examples/search_index.rs`; themes/buurt/static/search.js reads them the same way.
pub fn decode(list: &str) -> Vec<(u32, u32)> {
    let value = |b: u8| DIGITS.iter().position(|&d| d == b).map_or(0, |v| v as u32);
    let mut letters = list.trim_matches('"').bytes();
    let mut out = Vec::new();
    let mut doc = 0;
    while let Some(first) = letters.next() {
        let (mut delta, mut shift, mut v) = (0, 0, value(first));
        while v >= 32 {
            delta |= (v - 32) << shift;
            shift += 5;
            v = letters.next().map_or(0, value);
        }
        doc += delta | v << shift;
        out.push((doc, letters.next().map_or(0, value)));
    }
    out
}

/// Group sorted `(stem, postings)` into chunks keyed by a prefix as `keys` says. A stem goes
/// to the chunk with the longest key it starts with; stems no longer than a split key stay in
/// that key's chunk.
pub(super) fn chunks<S: AsRef<str>, L: AsRef<str>>(
    entries: &[(S, L)],
    keys: &Keys,
) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    let depth = keys.shortest;
    while start < entries.len() {
        let key = prefix(entries[start].0.as_ref(), depth);
        let end =
            start + entries[start..].partition_point(|(s, _)| prefix(s.as_ref(), depth) == key);
        split(
            entries,
            start..end,
            (key.to_string(), depth),
            keys,
            &mut out,
        );
        start = end;
    }
    out
}

fn split<S: AsRef<str>, L: AsRef<str>>(
    entries: &[(S, L)],
    range: std::ops::Range<usize>,
    (key, depth): (String, usize),
    keys: &Keys,
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
    if size <= keys.budget || short == range.len() || depth >= keys.longest {
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
        split(entries, start..end, (sub.to_string(), depth + 1), keys, out);
        start = end;
    }
}

/// The first `n` bytes of an ASCII stem (the whole stem when shorter).
fn prefix(stem: &str, n: usize) -> &str {
    &stem[..stem.len().min(n)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::search::index::{MAX_ID, pack};

    fn entries(stems: &[(&str, usize)]) -> Vec<(String, String)> {
        stems
            .iter()
            .map(|&(s, n)| (s.to_string(), "x".repeat(n)))
            .collect()
    }

    #[test]
    fn small_groups_share_a_two_letter_chunk() {
        let e = entries(&[("tuin", 10), ("tuinier", 10), ("tul", 10), ("zon", 10)]);
        let got: Vec<(String, usize)> = chunks(&e, &POSTINGS)
            .into_iter()
            .map(|(k, r)| (k, r.len()))
            .collect();
        assert_eq!(got, [("tu".to_string(), 3), ("zo".to_string(), 1)]);
    }

    #[test]
    fn big_groups_split_by_one_more_letter() {
        let big = POSTINGS.budget / 2;
        let e = entries(&[
            ("ge", 10),
            ("gebouw", big),
            ("gemeente", big),
            ("gezin", 10),
        ]);
        let got: Vec<(String, usize)> = chunks(&e, &POSTINGS)
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
    fn word_lists_split_by_two_letters_at_most() {
        let big = WORD_LISTS.budget;
        let e = entries(&[("ga", 10), ("gebouw", big), ("gemeente", big), ("zon", 10)]);
        let got: Vec<(String, usize)> = chunks(&e, &WORD_LISTS)
            .into_iter()
            .map(|(k, r)| (k, r.len()))
            .collect();
        assert_eq!(
            got,
            [
                ("ga".to_string(), 1),
                ("ge".to_string(), 2),
                ("z".to_string(), 1)
            ]
        );
    }

    #[test]
    fn postings_are_written_in_letters() {
        // Document deltas in base 32, low digits first, a letter + 32 while more follow; then
        // the weight as one letter: 3 -> "3", 36 -> "a1" (4 + 32, then 1).
        let postings = [pack(3, 8), pack(4, 1), pack(40, 36)];
        assert_eq!(encode(&postings), "\"3811a1a\"");
        assert_eq!(decode("\"3811a1a\""), [(3, 8), (4, 1), (40, 36)]);
        // A stem in every document costs two letters a document, not "1,8,".
        let every: Vec<u32> = (0..10_000).map(|d| pack(d, 9)).collect();
        assert_eq!(encode(&every).len(), 2 * 10_000 + 2);
        let far = [pack(0, 1), pack(MAX_ID - 1, 35)];
        assert_eq!(decode(&encode(&far)), [(0, 1), (MAX_ID - 1, 35)]);
    }

    #[test]
    fn postings_are_delta_encoded() {
        let postings = [pack(3, 8), pack(4, 1), pack(10, 2)];
        assert_eq!(encode(&postings), "\"381162\"");
        assert!(encodes("\"381162\"", &postings));
        assert!(encodes("", &[]));
        for other in [
            "",
            "\"\"",
            "\"38116\"",
            "\"38116211\"",
            "\"381163\"",
            "\"d81162\"",
            "\"381162",
        ] {
            assert!(!encodes(other, &postings), "{other}");
        }
        assert!(!encodes("\"38\"", &[]));
        assert!(!encodes("\"\"", &[]));
    }
}
