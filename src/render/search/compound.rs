//! Compound words: the parts of a stem, so that "tuin" finds speeltuin, schooltuin and
//! geveltuintjes, and "schilderen" the muurschildering.
//!
//! A dictionary decompounder (as Lucene's `DictionaryCompoundWordTokenFilter`): a stem is cut
//! into a head and a tail where both are stems the site itself uses as words of their own (its
//! `known` stems), the head may end in a linking letter (-s-, -e-, -en-) and the tail in a
//! diminutive (-tje, -pje, -je, with or without -s). Parts are stems already: the index is keyed
//! by stems, and the tail of a stem is the stem of the compound's tail. themes/buurt/static/
//! search.js does the same (`parts`), which tests/browser/fold.mjs checks word by word.
//!
//! Beside the site's own words, a short list of common parts of compounds about neighbourhoods
//! ([`common_parts`]), so that "schuur" finds the schuurtje of a site that never writes "schuur"
//! alone. No full word list: the OpenTaal list (Debian's `wdutch`) would have to ship inside
//! plein, and a site's own words are the words its readers search for.

use crate::words::Lang;

/// Shortest part, as written in the compound (before linking letters are taken off).
pub const MIN_PART: usize = 3;

/// How many times a compound is cut at most: "schooltuinfeest" is three parts.
const DEPTH: usize = 3;

/// What one language's compounds are made of.
struct Rules {
    /// Linking letters between the parts of a compound, longest first.
    links: &'static [&'static str],
    /// Diminutive endings as they are left after stemming, shortest first: the longest base
    /// that is known wins ("plantjes" is a plant, not a plan).
    diminutives: &'static [&'static str],
    /// Stems that are suffixes of derived words, not parts of compounds.
    not_tails: &'static [&'static str],
    /// Stems that are prefixes of derived words, not parts of compounds.
    not_heads: &'static [&'static str],
    /// Endings of the shortest stems that are the ends of longer words, not parts
    /// (lek-ker, let-ter, mid-del).
    short_endings: &'static [&'static str],
    /// Endings the stemmer takes off a long word but leaves on a short one ("koffieochtend" ->
    /// "koffieocht", but "ochtend" stays): a tail may be a known stem with one of them.
    restored: &'static [&'static str],
    /// Whether the Snowball stemmer undoubles a vowel before a last consonant (maan -> man).
    undoubles: bool,
}

const NL: Rules = Rules {
    links: &["en", "s", "e"],
    diminutives: &[
        "j", "je", "tj", "pj", "jes", "etj", "tje", "pje", "tjes", "pjes", "etje", "etjes",
    ],
    not_tails: &[
        "heid", "schap", "dom", "achtig", "lijk", "baar", "loos", "ling", "zaam", "ster", "erij",
        "isch", "tig", "iger",
    ],
    not_heads: &["ver", "ont", "her", "mis", "be", "ge", "er"],
    short_endings: &["er", "en", "el"],
    restored: &["end", "ing", "ig", "lijk", "baar", "heid"],
    undoubles: true,
};

const EN: Rules = Rules {
    links: &[],
    diminutives: &[],
    not_tails: &[
        "ness", "less", "ment", "able", "ship", "ful", "ing", "ism", "ist", "ous", "ive", "ise",
        "ize",
    ],
    not_heads: &["dis", "mis", "non", "pre", "pro", "sub", "out", "un", "re"],
    short_endings: &[],
    restored: &[],
    undoubles: false,
};

/// Common parts of Dutch compounds about neighbourhoods, as written (they are stemmed).
const COMMON_NL: &[&str] = &[
    "avond",
    "bank",
    "bibliotheek",
    "bloem",
    "boek",
    "boom",
    "buurt",
    "cafe",
    "club",
    "dag",
    "deur",
    "dorp",
    "feest",
    "fiets",
    "flat",
    "gebouw",
    "gevel",
    "groente",
    "groep",
    "hal",
    "hoek",
    "huis",
    "jeugd",
    "kamer",
    "kantoor",
    "kast",
    "keuken",
    "kind",
    "kinderen",
    "koffie",
    "kunst",
    "les",
    "licht",
    "maaltijd",
    "markt",
    "middag",
    "muur",
    "muziek",
    "ochtend",
    "ouder",
    "park",
    "plaats",
    "plant",
    "plein",
    "school",
    "schilderen",
    "schuur",
    "soep",
    "speel",
    "sport",
    "stad",
    "straat",
    "verf",
    "tafel",
    "taal",
    "thee",
    "tuin",
    "veld",
    "vrouw",
    "water",
    "week",
    "weg",
    "werk",
    "wijk",
    "winkel",
    "zaal",
    "zorg",
];

/// Common parts of English compounds about neighbourhoods.
const COMMON_EN: &[&str] = &[
    "book", "cafe", "club", "day", "garden", "hall", "house", "kitchen", "night", "park", "play",
    "room", "school", "shop", "street", "table", "wall", "work", "yard",
];

/// Words that count as parts of compounds on every site of `lang`, beside the site's own.
pub fn common_parts(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Nl => COMMON_NL,
        Lang::En => COMMON_EN,
    }
}

fn rules(lang: Lang) -> &'static Rules {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// The parts of `stem`, each a stem that `known` knows (and what `known` says of it), longest
/// cut first; empty when it is no compound. A diminutive stem ("schuurtj") has its base as
/// its one part.
pub fn parts<T>(lang: Lang, stem: &str, known: &impl Fn(&str) -> Option<T>) -> Vec<(String, T)> {
    let rules = rules(lang);
    let mut out = Vec::new();
    if !stem.is_ascii() {
        return out;
    }
    if let Some(cut) = cut(rules, stem, known, 0) {
        for (part, id) in cut {
            let inner = cut_inner(rules, &part, known);
            push(&mut out, part, id);
            for (p, id) in inner {
                push(&mut out, p, id);
            }
        }
    } else if let Some((base, id)) = diminutive(rules, stem, known) {
        push(&mut out, base, id);
    }
    out.retain(|(p, _)| p != stem);
    out
}

/// The parts of a part that is itself a compound or a diminutive.
fn cut_inner<T>(rules: &Rules, part: &str, known: &impl Fn(&str) -> Option<T>) -> Vec<(String, T)> {
    cut(rules, part, known, 1)
        .or_else(|| diminutive(rules, part, known).map(|d| vec![d]))
        .unwrap_or_default()
}

fn push<T>(out: &mut Vec<(String, T)>, part: String, id: T) {
    if !out.iter().any(|(p, _)| *p == part) {
        out.push((part, id));
    }
}

/// `stem` cut into known parts, the longest head first, or `None`.
fn cut<T>(
    rules: &Rules,
    stem: &str,
    known: &impl Fn(&str) -> Option<T>,
    depth: usize,
) -> Option<Vec<(String, T)>> {
    if depth >= DEPTH || stem.len() < 2 * MIN_PART {
        return None;
    }
    for at in (MIN_PART..=stem.len() - MIN_PART).rev() {
        let (head, tail) = stem.split_at(at);
        let Some(head) = head_stem(rules, head, known) else {
            continue;
        };
        if let Some(tail) = tail_stem(rules, tail, known) {
            return Some(vec![head, tail]);
        }
        if let Some(mut rest) = cut(rules, tail, known, depth + 1) {
            rest.insert(0, head);
            return Some(rest);
        }
    }
    None
}

/// The known stem a compound's head stands for: itself, or without its linking letters.
fn head_stem<T>(
    rules: &Rules,
    head: &str,
    known: &impl Fn(&str) -> Option<T>,
) -> Option<(String, T)> {
    if rules.not_heads.contains(&head) {
        return None;
    }
    let bare = rules.links.iter().filter_map(|link| {
        let rest = head.strip_suffix(link)?;
        (rest.len() >= MIN_PART).then_some(rest)
    });
    for candidate in std::iter::once(head).chain(bare) {
        if let Some(found) = lookup(rules, candidate, known) {
            return Some(found);
        }
        // "slakken": the consonant doubled before -en is single in the stem.
        let b = candidate.as_bytes();
        let n = b.len();
        let doubled = rules.undoubles && candidate != head && n > MIN_PART && b[n - 1] == b[n - 2];
        if let Some(found) = doubled
            .then(|| lookup(rules, &candidate[..n - 1], known))
            .flatten()
        {
            return Some(found);
        }
    }
    None
}

/// The known stem a compound's tail stands for: itself, or without a diminutive ending.
fn tail_stem<T>(
    rules: &Rules,
    tail: &str,
    known: &impl Fn(&str) -> Option<T>,
) -> Option<(String, T)> {
    if rules.not_tails.contains(&tail) {
        return None;
    }
    lookup(rules, tail, known)
        .or_else(|| diminutive(rules, tail, known))
        .or_else(|| {
            rules.restored.iter().find_map(|ending| {
                let whole = format!("{tail}{ending}");
                known(&whole).map(|id| (whole, id))
            })
        })
}

/// The known base of a diminutive: "tuintjes" -> "tuin".
fn diminutive<T>(
    rules: &Rules,
    word: &str,
    known: &impl Fn(&str) -> Option<T>,
) -> Option<(String, T)> {
    rules.diminutives.iter().find_map(|ending| {
        let base = word.strip_suffix(ending)?;
        if base.len() < MIN_PART {
            return None;
        }
        lookup(rules, base, known)
    })
}

/// `piece` as a known stem, as it is or with its vowel undoubled as the stemmer does.
fn lookup<T>(
    rules: &Rules,
    piece: &str,
    known: &impl Fn(&str) -> Option<T>,
) -> Option<(String, T)> {
    if piece.len() < MIN_PART
        || (piece.len() == MIN_PART && rules.short_endings.iter().any(|e| piece.ends_with(e)))
    {
        return None;
    }
    if let Some(id) = known(piece) {
        return Some((piece.to_string(), id));
    }
    let single = undouble(rules, piece)?;
    known(&single).map(|id| (single, id))
}

/// Snowball Dutch's last step: a doubled vowel before a last consonant is made single
/// ("speel" -> "spel", "kook" -> "kok"), so a head as written meets its stem.
fn undouble(rules: &Rules, piece: &str) -> Option<String> {
    let b = piece.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiouy".contains(&c);
    let doubled = rules.undoubles
        && n >= 4
        && !vowel(b[n - 1])
        && b[n - 2] == b[n - 3]
        && b"aeou".contains(&b[n - 2])
        && !vowel(b[n - 4]);
    doubled.then(|| format!("{}{}", &piece[..n - 2], &piece[n - 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(lang: Lang, stem: &str, known: &[&str]) -> Vec<String> {
        let known = |s: &str| known.contains(&s).then_some(());
        parts(lang, stem, &known)
            .into_iter()
            .map(|(p, ())| p)
            .collect()
    }

    #[test]
    fn dutch_compounds_split_into_known_stems() {
        let known = [
            "tuin", "spel", "school", "gevel", "pluk", "muur", "schilder", "kok", "avond", "buurt",
            "huis", "boek", "kast", "stad", "plein", "feest", "koffie", "ochtend", "schuur",
            "schuurtj", "dag", "plant", "plan", "slak", "plag", "lek", "ker", "let",
        ];
        let nl = |s| split(Lang::Nl, s, &known);
        assert_eq!(nl("speeltuin"), ["spel", "tuin"]);
        assert_eq!(nl("schooltuin"), ["school", "tuin"]);
        assert_eq!(nl("pluktuin"), ["pluk", "tuin"]);
        assert_eq!(nl("geveltuintjes"), ["gevel", "tuin"]);
        assert_eq!(nl("muurschilder"), ["muur", "schilder"]);
        assert_eq!(nl("kookavond"), ["kok", "avond"]);
        assert_eq!(nl("buurthuis"), ["buurt", "huis"]);
        assert_eq!(nl("boekenkast"), ["boek", "kast"]);
        assert_eq!(nl("stadsplein"), ["stad", "plein"]);
        assert_eq!(nl("schooltuinfeest"), ["school", "tuin", "feest"]);
        assert_eq!(nl("koffieocht"), ["koffie", "ochtend"]);
        assert_eq!(nl("tuindag"), ["tuin", "dag"]);
        assert_eq!(nl("gevelschuurtj"), ["gevel", "schuurtj", "schuur"]);
        assert_eq!(nl("schuurtj"), ["schuur"]);
        assert_eq!(nl("plantjes"), ["plant"]);
        assert_eq!(nl("slakkenplag"), ["slak", "plag"]);
        // Not compounds: unknown parts, prefixes and suffixes of derived words.
        assert!(nl("tuin").is_empty());
        assert!(nl("bewoner").is_empty());
        assert!(nl("vertuin").is_empty());
        assert!(nl("buurtschap").is_empty());
        assert!(nl("lekker").is_empty());
        assert!(nl("letter").is_empty());
    }

    #[test]
    fn english_compounds_split_without_linking_letters() {
        let known = ["neighbour", "hood", "garden", "shed", "repair", "cafe"];
        let en = |s| split(Lang::En, s, &known);
        assert_eq!(en("neighbourhood"), ["neighbour", "hood"]);
        assert_eq!(en("gardenshed"), ["garden", "shed"]);
        assert_eq!(en("repaircafe"), ["repair", "cafe"]);
        assert!(en("gardenss").is_empty());
    }
}
