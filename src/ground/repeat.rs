//! `repeat:` in event front matter: the rule of a recurring meeting, read into [`Repeat`].
//!
//! ```yaml
//! repeat: { every: week, on: tuesday, until: 2027-06-29 }
//! repeat: { every: month, on: first saturday, count: 10 }
//! repeat: { every: week, interval: 2, on: [monday, thursday] }
//! repeat: { every: week, on: tuesday, except: [2027-04-27, 2027-12-28] }
//! ```
//! Weekday and ordinal names are accepted in English and Dutch (`dinsdag`, `eerste zaterdag`).
//! Every mistake is a serde error, so it is reported at its line and column in the file. This
//! module reads the rule; `model::recurrence` expands it into dates.

use jiff::civil::{Date, Weekday};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Hint;
use crate::ground::values::DateValue;
use crate::ground::yaml;
use crate::words::{Lang, ORDINAL_VALUES};

/// How often a meeting comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Every {
    Week,
    Month,
}

/// Which day of its week or month a meeting falls on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum On {
    /// These weekdays of every week (weekly rules).
    Weekdays(Vec<Weekday>),
    /// This day number of the month, 1 to 31 (monthly rules).
    MonthDay(i8),
    /// The nth weekday of the month: 1 to 5, or -1 for the last (monthly rules).
    NthWeekday(i8, Weekday),
}

/// When a series stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum End {
    Never,
    /// The last day a meeting may fall on.
    Until(Date),
    /// How many meetings there are, the first included.
    Count(u32),
}

/// A recurrence rule, checked for sense but not yet against the event's start.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Repeat {
    pub every: Every,
    /// Every `interval` weeks or months; 1 is every one.
    pub interval: u32,
    /// `None`: the weekday (weekly) or day number (monthly) of the start.
    pub on: Option<On>,
    pub end: End,
    /// Days the series skips (a holiday, the summer break), as RFC 5545's EXDATE.
    pub except: Vec<Date>,
}

/// The keys of a rule. `Repeat` reads its map by hand (so that each mistake gets its own
/// message), so serde cannot list them: a test holds this list to what the reader takes.
pub(crate) const REPEAT_KEYS: &str = "every, interval, on, until, count, except";

/// Monday to Sunday, as jiff numbers them from Monday.
const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// `tuesday`, `Dinsdag`, `tuesdays`, `dinsdagen`: in any language plein knows.
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let word = word.trim().to_lowercase();
    Lang::ALL.iter().find_map(|lang| {
        let words = lang.words();
        let singular = words.weekdays.iter().map(|w| w.to_lowercase());
        let i = singular
            .zip(words.weekdays_plural)
            .position(|(one, many)| word == one || word == many)?;
        Some(WEEK[i])
    })
}

/// The weekday names editors may write, for suggesting one: every language's, lower case.
fn weekday_names() -> Vec<String> {
    Lang::ALL
        .iter()
        .flat_map(|lang| lang.words().weekdays.iter().map(|w| w.to_lowercase()))
        .collect()
}

/// The nth weekday of the month `word` names: `first` or `eerste` is 1, `last` is -1.
fn ordinal(word: &str) -> Option<i8> {
    let word = word.to_lowercase();
    Lang::ALL.iter().find_map(|lang| {
        let i = lang.words().ordinals.iter().position(|o| *o == word)?;
        Some(ORDINAL_VALUES[i])
    })
}

/// A mistake in a rule for serde to carry: the name of its message in the Fluent files and
/// the message's arguments, said in the site's language when the problem is shown.
fn fault<E: de::Error>(id: &str, args: &[(&str, &str)]) -> E {
    E::custom(yaml::coded(id, args))
}

fn weekday_or_error<E: de::Error>(word: &str) -> Result<Weekday, E> {
    weekday(word).ok_or_else(|| {
        let names = weekday_names();
        let hint = Hint::closest(word.trim(), names.iter().map(String::as_str));
        let hint = hint.0.unwrap_or_default();
        fault("repeat-weekday", &[("word", word), ("hint", &hint)])
    })
}

/// The forms of a day of the month, for serde's own "expected" messages (which the site's
/// language replaces when the problem is shown).
const MONTH_DAY_FORMS: &str = "a day number such as 15, or first, second, third, fourth, fifth or last with a weekday, such as `first saturday` or `laatste vrijdag`";

/// `first saturday`, `eerste zaterdag`, `last friday`, `15`, `15th`, `15e`; or one weekday.
fn on_from_str<E: de::Error>(text: &str) -> Result<On, E> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [one] if one.contains(',') => on_from_list(one.split(',')),
        [one] => {
            let digits = one.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
            match digits.parse::<i64>() {
                Ok(n) => month_day(n),
                Err(_) => weekday_or_error(one).map(|day| On::Weekdays(vec![day])),
            }
        }
        [nth, day] => {
            let Some(n) = ordinal(nth) else {
                return Err(fault("repeat-month-day", &[("text", text)]));
            };
            Ok(On::NthWeekday(n, weekday_or_error(day)?))
        }
        _ if text.contains(',') => on_from_list(text.split(',')),
        _ => Err(fault("repeat-on", &[("text", text)])),
    }
}

fn on_from_list<'a, E: de::Error>(words: impl Iterator<Item = &'a str>) -> Result<On, E> {
    let mut days = Vec::new();
    for word in words.map(str::trim).filter(|w| !w.is_empty()) {
        let day = weekday_or_error(word)?;
        if !days.contains(&day) {
            days.push(day);
        }
    }
    if days.is_empty() {
        return Err(fault("repeat-no-weekday", &[]));
    }
    Ok(On::Weekdays(days))
}

fn month_day<E: de::Error>(n: i64) -> Result<On, E> {
    if (1..=31).contains(&n) {
        Ok(On::MonthDay(n as i8))
    } else {
        Err(fault("repeat-day-number", &[("n", &n.to_string())]))
    }
}

/// `on:` as written: a weekday, a list of weekdays, a day number or "first saturday".
struct OnValue(On);

impl<'de> Deserialize<'de> for OnValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OnValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(
                    f,
                    "a weekday such as `tuesday`, a list such as [tuesday, thursday], or {MONTH_DAY_FORMS}"
                )
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<OnValue, E> {
                on_from_str(s).map(OnValue)
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<OnValue, E> {
                month_day(n).map(OnValue)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<OnValue, E> {
                month_day(i64::try_from(n).unwrap_or(i64::MAX)).map(OnValue)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<OnValue, A::Error> {
                let mut words = Vec::new();
                while let Some(word) = seq.next_element::<String>()? {
                    words.push(word);
                }
                on_from_list(words.iter().map(String::as_str)).map(OnValue)
            }
        }
        d.deserialize_any(V)
    }
}

/// The words for how often a meeting comes back, in every language plein knows, each once.
pub(crate) fn every_words(every: Every) -> Vec<&'static str> {
    let mut all: Vec<&'static str> = Vec::new();
    for lang in Lang::ALL {
        let words = &lang.words().every;
        let list = match every {
            Every::Week => words.week,
            Every::Month => words.month,
        };
        for &word in list {
            if !all.contains(&word) {
                all.push(word);
            }
        }
    }
    all
}

/// `every:` as written: week or month, in any language plein knows.
struct EveryValue(Every);

impl<'de> Deserialize<'de> for EveryValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let word = String::deserialize(d)?;
        let lower = word.trim().to_lowercase();
        let every = [Every::Week, Every::Month]
            .into_iter()
            .find(|&e| every_words(e).contains(&lower.as_str()));
        match every {
            Some(every) => Ok(EveryValue(every)),
            None => Err(fault("repeat-every", &[("word", &word)])),
        }
    }
}

/// The count (`COUNT`) or interval: a whole number from 1 to 1000 (a weekly series of 1000
/// meetings runs for nineteen years; more is a typo, and would make every build slower).
struct Times<const COUNT: bool>(u32);

impl<'de, const COUNT: bool> Deserialize<'de> for Times<COUNT> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<const COUNT: bool>;
        impl<const COUNT: bool> V<COUNT> {
            fn wrong<E: de::Error>(value: &str) -> E {
                let key = if COUNT { "count" } else { "interval" };
                fault("repeat-times", &[("key", key), ("value", value)])
            }
        }
        impl<'de, const COUNT: bool> Visitor<'de> for V<COUNT> {
            type Value = Times<COUNT>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number from 1 to 1000")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Times<COUNT>, E> {
                match u32::try_from(n) {
                    Ok(n) if (1..=1000).contains(&n) => Ok(Times(n)),
                    _ => Err(Self::wrong(&n.to_string())),
                }
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Times<COUNT>, E> {
                match u64::try_from(n) {
                    Ok(n) => self.visit_u64(n),
                    Err(_) => Err(Self::wrong(&n.to_string())),
                }
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Times<COUNT>, E> {
                Err(Self::wrong(&n.to_string()))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Times<COUNT>, E> {
                Err(Self::wrong(s))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Times<COUNT>, E> {
                Err(Self::wrong(&b.to_string()))
            }
        }
        d.deserialize_any(V::<COUNT>)
    }
}

/// The last day of a series: a date without a time.
struct UntilValue(Date);

impl<'de> Deserialize<'de> for UntilValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match DateValue::deserialize(d)? {
            DateValue::Day(day) => Ok(UntilValue(day)),
            DateValue::Local(dt) => Ok(UntilValue(dt.date())),
            DateValue::Instant(_) => Err(fault("repeat-until-time", &[])),
        }
    }
}

impl<'de> Deserialize<'de> for Repeat {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RepeatVisitor)
    }
}

struct RepeatVisitor;

impl<'de> Visitor<'de> for RepeatVisitor {
    type Value = Repeat;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(
            "the rule as keys, such as `{ every: week, on: tuesday }` or `{ every: month, on: first saturday, until: 2027-06-30 }`",
        )
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Repeat, E> {
        Err(fault("repeat-not-rule", &[("text", s)]))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Repeat, A::Error> {
        let mut every = None;
        let mut interval = None;
        let mut on = None;
        let mut until = None;
        let mut count = None;
        let mut except = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "every" => every = Some(map.next_value::<EveryValue>()?.0),
                "interval" => interval = Some(map.next_value::<Times<false>>()?.0),
                "on" => on = Some(map.next_value::<OnValue>()?.0),
                "until" => until = Some(map.next_value::<UntilValue>()?.0),
                "count" => count = Some(map.next_value::<Times<true>>()?.0),
                "except" => except = map.next_value::<ExceptValue>()?.0,
                other => {
                    let hint = Hint::closest(other, REPEAT_KEYS.split(", "));
                    let hint = hint.0.unwrap_or_default();
                    let args = [("key", other), ("hint", &hint), ("allowed", REPEAT_KEYS)];
                    return Err(fault("repeat-unknown-key", &args));
                }
            }
        }
        let every = every.ok_or_else(|| fault("repeat-no-every", &[]))?;
        let on = match (every, on) {
            (Every::Week, Some(On::MonthDay(n))) => {
                return Err(fault("repeat-weekly-day-number", &[("n", &n.to_string())]));
            }
            (Every::Week, Some(On::NthWeekday(..))) => {
                return Err(fault("repeat-weekly-nth", &[]));
            }
            (Every::Month, Some(On::Weekdays(days))) if days.len() == 1 => {
                // Told in the site's language from the English name.
                let day = Lang::En.words().weekday(days[0]).to_lowercase();
                return Err(fault("repeat-monthly-weekday", &[("weekday", &day)]));
            }
            (Every::Month, Some(On::Weekdays(_))) => {
                return Err(fault("repeat-monthly-weekdays", &[]));
            }
            (_, on) => on,
        };
        let end = match (until, count) {
            (Some(_), Some(_)) => {
                return Err(fault("repeat-until-and-count", &[]));
            }
            (Some(day), None) => End::Until(day),
            (None, Some(n)) => End::Count(n),
            (None, None) => End::Never,
        };
        Ok(Repeat {
            every,
            interval: interval.unwrap_or(1),
            on,
            end,
            except,
        })
    }
}

/// `except:` as written: one date or a list of dates the series skips.
struct ExceptValue(Vec<Date>);

/// The forms of `except`, for serde's own "expected" messages.
const EXCEPT_FORMS: &str = "a date such as 2027-04-27, or a list such as [2027-04-27, 2027-12-28]";

/// One day of `except`, or the message that says how to write it.
fn except_day<E: de::Error>(text: &str) -> Result<Date, E> {
    match DateValue::parse(text) {
        Some(DateValue::Day(day)) => Ok(day),
        Some(DateValue::Local(dt)) => Ok(dt.date()),
        _ => Err(fault("repeat-except", &[("text", text)])),
    }
}

impl<'de> Deserialize<'de> for ExceptValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ExceptValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "the dates the series skips: {EXCEPT_FORMS}")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ExceptValue, E> {
                except_day(s).map(|day| ExceptValue(vec![day]))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<ExceptValue, A::Error> {
                let mut days = Vec::new();
                while let Some(text) = seq.next_element::<String>()? {
                    let day = except_day(&text)?;
                    if !days.contains(&day) {
                        days.push(day);
                    }
                }
                days.sort();
                Ok(ExceptValue(days))
            }
        }
        d.deserialize_any(V)
    }
}

/// The RFC 5545 two-letter code of a weekday, as in `BYDAY=TU`.
pub(crate) fn weekday_code(day: Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.to_monday_zero_offset() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ground::yaml;

    #[derive(Deserialize, Debug)]
    struct T {
        repeat: Repeat,
    }

    fn read(text: &str) -> Result<Repeat, yaml::YamlError> {
        yaml::from_str::<T>(text).map(|t| t.repeat)
    }

    #[test]
    fn weekly_rules_in_english_and_dutch() {
        let r = read("repeat: { every: week, on: tuesday, until: 2027-06-29 }").unwrap();
        assert_eq!(r.every, Every::Week);
        assert_eq!(r.on, Some(On::Weekdays(vec![Weekday::Tuesday])));
        assert_eq!(r.end, End::Until(jiff::civil::date(2027, 6, 29)));
        let r = read("repeat:\n  every: wekelijks\n  interval: 2\n  on: [Maandag, donderdagen]\n")
            .unwrap();
        assert_eq!(r.interval, 2);
        assert_eq!(
            r.on,
            Some(On::Weekdays(vec![Weekday::Monday, Weekday::Thursday]))
        );
        assert_eq!(r.end, End::Never);
    }

    #[test]
    fn monthly_rules() {
        let r = read("repeat: { every: month, on: first saturday, count: 10 }").unwrap();
        assert_eq!(r.on, Some(On::NthWeekday(1, Weekday::Saturday)));
        assert_eq!(r.end, End::Count(10));
        let r = read("repeat: { every: maand, on: laatste vrijdag }").unwrap();
        assert_eq!(r.on, Some(On::NthWeekday(-1, Weekday::Friday)));
        let r = read("repeat: { every: month, on: 15 }").unwrap();
        assert_eq!(r.on, Some(On::MonthDay(15)));
        let r = read("repeat: { every: month }").unwrap();
        assert_eq!(r.on, None);
    }

    /// The problem of a rule as an English site tells it: message and help line.
    fn told(text: &str, lang: Lang) -> String {
        let err = read(text).unwrap_err();
        let problem = crate::diagnostic::Problem::Yaml(err.message);
        let help = problem.help(lang).unwrap_or_default();
        format!("{} / {help}", problem.message(lang))
    }

    #[test]
    fn except_lists_dates_to_skip() {
        let r = read("repeat:\n  every: week\n  except: [2027-04-27, 2027-12-28]\n").unwrap();
        assert_eq!(
            r.except,
            [
                jiff::civil::date(2027, 4, 27),
                jiff::civil::date(2027, 12, 28)
            ]
        );
        let r = read("repeat: { every: week, except: 2027-04-27 }").unwrap();
        assert_eq!(r.except, [jiff::civil::date(2027, 4, 27)]);
        assert!(read("repeat: { every: week }").unwrap().except.is_empty());
        let text = "repeat:\n  every: week\n  except: [2027-04-27, 2027-02-30]\n";
        assert_eq!(read(text).unwrap_err().line, 3);
        let said = told(text, Lang::En);
        assert!(said.contains("`2027-02-30` in `except`"), "{said}");
        let said = told("repeat: { every: week, except: 27-04-2027 }", Lang::Nl);
        assert!(said.contains("`except: [2027-04-27]`"), "{said}");
        let text = "repeat:\n  every: week\n  except: [koningsdag]\n";
        assert_eq!(read(text).unwrap_err().line, 3);
        let said = told(text, Lang::Nl);
        assert!(
            said.contains("`except: [2027-04-27, 2027-12-28]`"),
            "{said}"
        );
    }

    #[test]
    fn repeat_keys_are_the_keys_the_rule_reads() {
        for key in REPEAT_KEYS.split(", ") {
            let message = match read(&format!("repeat: {{ every: week, {key}: [] }}")) {
                Ok(_) => String::new(),
                Err(e) => e.message,
            };
            assert!(!message.contains("repeat-unknown-key"), "{key}: {message}");
        }
        let told = told("repeat: { every: week, often: 2 }", Lang::En);
        assert!(told.contains("no key `often`"), "{told}");
    }

    #[test]
    fn mistakes_are_errors_at_their_place() {
        let err = read("repeat:\n  every: week\n  on: tusday\n").unwrap_err();
        assert_eq!(err.line, 3, "{}", err.message);
        let err = read("repeat:\n  every: fortnight\n").unwrap_err();
        assert_eq!(err.line, 2);
        let en = |text| told(text, Lang::En);
        let cases = [
            (
                "repeat:\n  every: week\n  on: tusday\n",
                "`tusday` is not a day of the week (did you mean `tuesday`?)",
            ),
            ("repeat:\n  every: fortnight\n", "`fortnight`"),
            (
                "repeat:\n  every: month\n  on: firts saturday\n",
                "`on: first saturday`",
            ),
            (
                "repeat: { every: week, until: 2027-01-01, count: 3 }",
                "both `until` and `count`",
            ),
            (
                "repeat: { every: month, on: saturday }",
                "`on: first saturday`",
            ),
            ("repeat: { every: week, on: 3 }", "every week"),
            ("repeat: { every: week, interval: 0 }", "from 1 to 1000"),
            (
                "repeat: { every: week, count: veel }",
                "`veel` cannot be the `count`",
            ),
            ("repeat: { every: month, on: 32 }", "1 to 31"),
            ("repeat: elke dinsdag", "write the rule as keys"),
            (
                "repeat: { every: week, untill: 2027-01-01 }",
                "(did you mean `until`?)",
            ),
        ];
        for (text, expected) in cases {
            let told = en(text);
            assert!(told.contains(expected), "{text}: {told}");
        }
    }

    #[test]
    fn a_dutch_site_hears_its_own_words() {
        let told = told("repeat: { every: month, on: saturday }", Lang::Nl);
        assert_eq!(
            told,
            "bij een activiteit die elke maand terugkomt, staat niet welke zaterdag van de maand \
             / schrijf `on: eerste zaterdag` of `on: laatste zaterdag`"
        );
    }
}
