//! Soft hyphens (U+00AD) in the long words of a title, so a browser without a hyphenation
//! dictionary for the language (Chromium on Linux, most in-app browsers) can still break
//! "Bewonersparticipatietrajectevaluatiebijeenkomst" with a hyphen instead of mid-word or
//! past the edge of a phone. The patterns are hypher's (TeX's), embedded for Dutch and English.
//!
//! Only for text shown in HTML: titles in `<title>`, meta tags, feeds, JSON-LD, the search
//! index and slugs keep the words as written.

use crate::words::Lang;

/// The soft hyphen: invisible unless the browser breaks the line there.
pub(crate) const SOFT_HYPHEN: char = '\u{AD}';

/// Words of fewer letters than this are left whole: they fit on a line of any screen.
const LONG_WORD: usize = 12;

/// `text` with soft hyphens at the hyphenation points of each word of [`LONG_WORD`] letters
/// or more; a text without such words comes back as it is.
pub(crate) fn soft_hyphens(text: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while !rest.is_empty() {
        let letters = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(i, _)| i);
        let (word, after) = rest.split_at(letters);
        push_word(&mut out, word, lang);
        let other = after
            .char_indices()
            .find(|(_, c)| c.is_alphabetic())
            .map_or(after.len(), |(i, _)| i);
        out.push_str(&after[..other]);
        rest = &after[other..];
    }
    out
}

/// `word` (letters only), hyphenated when it is long.
fn push_word(out: &mut String, word: &str, lang: Lang) {
    if word.chars().count() < LONG_WORD {
        out.push_str(word);
        return;
    }
    let patterns = match lang {
        Lang::Nl => hypher::Lang::Dutch,
        Lang::En => hypher::Lang::English,
    };
    for (i, syllable) in hypher::hyphenate(word, patterns).enumerate() {
        if i > 0 {
            out.push(SOFT_HYPHEN);
        }
        out.push_str(syllable);
    }
}

/// `text` without soft hyphens: for everything that is not displayed HTML.
pub(crate) fn without_soft_hyphens(text: &str) -> String {
    text.replace(SOFT_HYPHEN, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, lang: Lang) -> String {
        soft_hyphens(text, lang).replace(SOFT_HYPHEN, "-")
    }

    #[test]
    fn long_dutch_compounds_get_break_points() {
        let out = shown(
            "Bewonersparticipatietrajectevaluatiebijeenkomst in de wijk",
            Lang::Nl,
        );
        assert!(out.starts_with("Be"), "{out}");
        assert!(out.matches('-').count() >= 8, "{out}");
        assert!(out.ends_with(" in de wijk"), "{out}");
        assert_eq!(without_soft_hyphens(&soft_hyphens(&out, Lang::Nl)), out);
    }

    #[test]
    fn short_words_and_punctuation_stay_as_written() {
        let title = "Samen de muur van de Muntenbuurt beschilderd, 2022!";
        assert_eq!(soft_hyphens(title, Lang::Nl), title);
        assert_eq!(soft_hyphens("", Lang::En), "");
    }

    #[test]
    fn english_words_use_english_patterns() {
        let out = shown("Neighbourhoodparticipation", Lang::En);
        assert!(out.contains('-'), "{out}");
        assert_eq!(out.replace('-', ""), "Neighbourhoodparticipation");
    }

    #[test]
    fn words_joined_by_a_hyphen_are_hyphenated_apart() {
        let out = shown("Noord-Zuidverbindingstraject", Lang::Nl);
        assert!(out.starts_with("Noord-Zuid"), "{out}");
        assert_eq!(out.replace('-', ""), "NoordZuidverbindingstraject");
    }
}
