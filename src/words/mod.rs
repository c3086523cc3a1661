//! Every word plein itself writes in the site's language, and the words editors may write in
//! any language plein knows: month and weekday names, how dates and times read, recurrence
//! phrases, the first path segment of each section, the default kinds and site title, and the
//! scaffolds of `plein init` and `plein new`.
//!
//! One file per language ([`nl`], [`en`]) fills in [`Words`]; a new language is such a file,
//! a variant of [`Lang`], and the theme's `i18n/<code>.yaml`. The theme's own words (menus,
//! headings) live in that YAML file, not here; messages to editors are in [`messages`], as
//! Fluent files.
//! Knows nothing of the stages that use these words.

mod en;
pub(crate) mod messages;
mod nl;

/// The languages plein has words and date formats for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// Every language, in the order of the enum.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The ISO 639-1 code, as in plein.yaml's `language:` and the theme's `i18n/<code>.yaml`.
    pub fn code(self) -> &'static str {
        self.words().code
    }

    /// The language whose code is `code`.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The words of this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::Nl => &nl::WORDS,
            Lang::En => &en::WORDS,
        }
    }
}

/// The keys of the kinds a site has when plein.yaml names none; the theme styles them by
/// these keys, so they are the same in every language and only their labels differ.
pub(crate) const DEFAULT_KIND_KEYS: [&str; 3] = ["meeting", "mural", "garden"];

/// The words of one language.
#[derive(Debug)]
pub struct Words {
    /// The ISO 639-1 code.
    pub code: &'static str,
    /// The language and country of `og:locale`: `nl_NL`, `en_GB`.
    pub locale: &'static str,
    /// What a screen reader calls a table of a story, before the words of its head row.
    pub table: &'static str,
    /// January to December, as written in a date.
    pub months: [&'static str; 12],
    /// Monday to Sunday, as written in the middle of a sentence.
    pub weekdays: [&'static str; 7],
    /// Monday to Sunday in the plural, lower case, as editors may write them in `repeat: on:`.
    pub weekdays_plural: [&'static str; 7],
    /// Between hours and minutes: "13.00" or "13:00".
    pub time_separator: char,
    /// After a time of day: " uur" in Dutch, nothing in English.
    pub hour_suffix: &'static str,
    /// Between the last two items of a list: " en ", " and ".
    pub and: &'static str,
    /// Two to twelve, as people write small numbers; larger ones are digits.
    pub numbers: [&'static str; 11],
    /// First to fifth, then last, lower case: the weekday of a month in a `repeat` rule.
    pub ordinals: [&'static str; 6],
    /// A day of the month as an ordinal: "15e", "15th".
    pub day_number: fn(i8) -> String,
    /// The words for `repeat: every:`, lower case: weekly, then monthly.
    pub every: Every,
    /// A recurrence rule in words.
    pub repeat: RepeatPhrases,
    /// The first path segment of each section.
    pub routes: RouteWords,
    /// Where an online-only event is, in calendar files.
    pub online: &'static str,
    /// What a QR code is called, before the address it holds in its label.
    pub qr_code: &'static str,
    /// The site title when plein.yaml gives none.
    pub default_title: &'static str,
    /// The labels of [`DEFAULT_KIND_KEYS`], in that order.
    pub kind_labels: [&'static str; 3],
    /// Link texts that do not say where the link goes, lower case, without final punctuation.
    pub vague_links: &'static [&'static str],
    /// What `plein new` writes into a new story or event.
    pub scaffold: Scaffold,
    /// The example files of `plein init`, after plein.yaml: a story, an event, a neighbourhood
    /// and a person, each its path and its text with `{{...}}` still to fill.
    pub init: InitFiles,
}

/// Words editors write for how often a meeting comes back.
#[derive(Debug)]
pub struct Every {
    pub week: &'static [&'static str],
    pub month: &'static [&'static str],
}

/// A recurrence rule in words. `{days}` is a list of weekdays, `{n}` a number in words,
/// `{which}` an ordinal and a weekday ("eerste zaterdag"), `{day}` a day number ("15e"),
/// `{date}` a date.
#[derive(Debug)]
pub struct RepeatPhrases {
    /// Every week on `{days}`.
    pub weekly: &'static str,
    /// Every `{n}` weeks on `{days}`.
    pub weekly_n: &'static str,
    /// Every month on the `{which}`.
    pub monthly_weekday: &'static str,
    /// Every `{n}` months on the `{which}`.
    pub monthly_weekday_n: &'static str,
    /// Every month on day `{day}`.
    pub monthly_day: &'static str,
    /// Every `{n}` months on day `{day}`.
    pub monthly_day_n: &'static str,
    /// The series ends on `{date}`, that day included.
    pub until: &'static str,
}

/// The first path segment of each section, as `/verhalen/<slug>/`.
#[derive(Debug)]
pub struct RouteWords {
    pub stories: &'static str,
    pub neighbourhoods: &'static str,
    pub kinds: &'static str,
    pub tags: &'static str,
    pub people: &'static str,
    pub events: &'static str,
    pub search: &'static str,
    pub page: &'static str,
    pub paper: &'static str,
}

/// The comments and placeholders `plein new` writes.
#[derive(Debug)]
pub struct Scaffold {
    /// Before the list of kinds: "een van:".
    pub one_of: &'static str,
    /// The comment after `summary:`.
    pub summary: &'static str,
    /// The body of a new story: a comment readers do not see.
    pub story_body: &'static str,
    /// The body of a new event: a comment readers do not see.
    pub event_body: &'static str,
    /// The commented-out `location:` of a new event, each line ending in a newline.
    pub location: &'static str,
}

/// A file of a new site: its path under the site folder and its text.
pub(crate) type InitFile = (&'static str, &'static str);

/// The files `plein init` writes, in the order it writes them.
#[derive(Debug)]
pub struct InitFiles {
    pub plein_yaml: &'static str,
    pub story: InitFile,
    pub event: InitFile,
    pub neighbourhood: InitFile,
    pub person: InitFile,
}

impl Words {
    /// The weekday's name; Dutch weekdays are lowercase, as Dutch writes them.
    pub fn weekday(&self, day: jiff::civil::Weekday) -> &'static str {
        self.weekdays[day.to_monday_zero_offset() as usize]
    }

    /// The month's name, for a month number from 1 to 12.
    pub fn month(&self, month: i8) -> &'static str {
        self.months[(month as usize).clamp(1, 12) - 1]
    }

    /// "twee" for 2 up to twelve; digits after that.
    pub fn number(&self, n: u32) -> String {
        match n.checked_sub(2).and_then(|i| self.numbers.get(i as usize)) {
            Some(word) => word.to_string(),
            None => n.to_string(),
        }
    }

    /// The ordinal of the nth weekday of a month: 1 to 5, anything else is the last.
    pub fn ordinal(&self, n: i8) -> &'static str {
        match n {
            1..=5 => self.ordinals[n as usize - 1],
            _ => self.ordinals[5],
        }
    }
}

/// The nth weekday of a month an ordinal stands for: 1 to 5, or -1 for the last.
pub(crate) const ORDINAL_VALUES: [i8; 6] = [1, 2, 3, 4, 5, -1];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_name_the_languages_both_ways() {
        use clap::ValueEnum;
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
            // `--lang`, serde and plein.yaml name it by the same code.
            let value = lang.to_possible_value().expect("not skipped");
            assert_eq!(value.get_name(), lang.code());
            let json = serde_json::to_string(&lang).expect("a unit variant");
            assert_eq!(json, format!("\"{}\"", lang.code()));
        }
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::value_variants().len(), Lang::ALL.len());
    }

    #[test]
    fn every_language_has_distinct_route_words() {
        for lang in Lang::ALL {
            let r = &lang.words().routes;
            let mut all = vec![
                r.stories,
                r.neighbourhoods,
                r.kinds,
                r.tags,
                r.people,
                r.events,
                r.search,
                r.page,
                r.paper,
            ];
            all.sort_unstable();
            all.dedup();
            assert_eq!(all.len(), 9, "{lang:?}");
        }
    }

    #[test]
    fn the_theme_has_words_for_every_language() {
        for lang in Lang::ALL {
            let path = format!(
                "{}/themes/buurt/i18n/{}.yaml",
                env!("CARGO_MANIFEST_DIR"),
                lang.code()
            );
            assert!(std::path::Path::new(&path).is_file(), "{path}");
        }
    }
}
