//! Text folding and stems: the words of a text as the index and the browser both read them.
//!
//! Words are folded (café -> cafe, ĳ -> ij), lowercased and stemmed with the site language's
//! Snowball stemmer; themes/buurt/static/search.js folds and stems query words the same way.

use std::collections::HashSet;

use rust_stemmers::{Algorithm, Stemmer};

use crate::words::Lang;

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
pub(super) fn each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
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
    pub(super) stemmer: Stemmer,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::search::fixture;

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
}
