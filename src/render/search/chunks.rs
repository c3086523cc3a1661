//! The chunks of the index: each stem's postings encoded as JSON, and stems grouped into
//! `c/<key>.json` files by their first letters.

use super::index::unpack;

/// A postings chunk bigger than this is split by one more letter of its stems.
pub(super) const CHUNK_BUDGET: usize = 16 * 1024;

/// Shortest chunk key: stems are grouped by at least their first two letters.
pub(super) const MIN_KEY: usize = 2;

/// `[doc, weight, doc delta, weight, ...]` of [`pack`]ed postings in doc order: deltas keep
/// lists short.
pub(super) fn encode(postings: &[u32]) -> String {
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
pub(super) fn encodes(json: &str, postings: &[u32]) -> bool {
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
pub(super) fn chunks<S: AsRef<str>, L: AsRef<str>>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::search::index::pack;

    fn entries(stems: &[(&str, usize)]) -> Vec<(String, String)> {
        stems
            .iter()
            .map(|&(s, n)| (s.to_string(), "x".repeat(n)))
            .collect()
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
}
