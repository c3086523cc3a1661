//! Front matter: the YAML block at the top of a content file, read into one raw struct per
//! content type. Raw structs mirror what editors write (`deny_unknown_fields`, so a typo is an
//! error, not a silently lost value); the model turns them into typed, defaulted data.

use std::path::Path;

use serde::{Deserialize, Deserializer};

use crate::config::Lang;
use crate::diagnostic::{Diagnostic, Hint, Problem, YamlCause};
use crate::parse::sanitize::{IMAGE_SCHEMES, SCHEMES, UrlFault, check_url};
use crate::parse::{ContentType, fields, yaml};

/// A file split into its YAML and its Markdown body.
#[derive(Debug)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    /// Byte offset of the body in the whole text.
    pub body_offset: usize,
}

/// Split `text` at its `---` fences.
pub fn split(text: &str) -> Result<Split<'_>, (u32, Problem)> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err((1, Problem::NoFrontMatter));
    };
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &text[4..offset];
            let body_offset = offset + line.len();
            return Ok(Split {
                yaml,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err((closing_line(rest), Problem::UnclosedFrontMatter))
}

/// Where the missing closing `---` goes: the line after the keys at the top (1-based, in
/// the whole file), the first line that is not a key, a list item or an indented value.
fn closing_line(after_opening: &str) -> u32 {
    let keys = after_opening
        .lines()
        .take_while(|l| {
            let t = l.trim_start();
            !t.is_empty() && (l.starts_with([' ', '\t', '-', '#']) || t.contains(':'))
        })
        .count();
    keys as u32 + 2
}

/// Read the YAML of `split` into `T`, reporting every problem at its place in `text`; an
/// unknown key is told with the keys of `T`. A file with a problem is not handed on, so a
/// key left out for its wrong value is not reported again as missing.
pub fn read<T: for<'de> Deserialize<'de>>(
    path: &Path,
    text: &str,
    yaml_text: &str,
    lang: Lang,
) -> Result<T, Vec<Diagnostic>> {
    match yaml::from_str_all::<T>(yaml_text) {
        (Some(value), problems) if problems.is_empty() => Ok(value),
        (_, problems) => Err(problems
            .into_iter()
            .map(|e| {
                let (problem, line, column) = match refused_url(&e.message, lang) {
                    Some(problem) => (problem, e.line, e.column),
                    None => yaml_mistake(&e, yaml_text, fields::of::<T>()),
                };
                // The YAML starts on line 2, after the opening `---`.
                Diagnostic::at(path, text, line + 1, column, problem)
            })
            .collect()),
    }
}

/// The [`Problem`] behind a YAML error in `yaml_text`, and the line and column (1-based, in
/// `yaml_text`) where the fix goes: for the mistakes volunteers make (a tab, curly quotes, a
/// colon in a title, an unclosed quote or list) the line as it should read.
pub fn yaml_mistake(e: &yaml::YamlError, yaml_text: &str, allowed: &[&str]) -> (Problem, u32, u32) {
    let lines: Vec<&str> = yaml_text.lines().collect();
    let line_of = |n: u32| {
        lines
            .get(n.saturating_sub(1) as usize)
            .copied()
            .unwrap_or("")
    };
    let m = e.message.as_str();
    let found =
        |cause, n: u32, column: u32, fixed: String| (Problem::YamlLine { cause, fixed }, n, column);
    let here = line_of(e.line);
    if m.contains("cannot start any token")
        && let Some(i) = here.find('\t')
    {
        let fixed = here.replace('\t', "  ");
        let column = here[..i].chars().count() as u32 + 1;
        return found(YamlCause::Tab, e.line, column, fixed);
    }
    let syntax = m.contains("mapping values are not allowed")
        || m.contains("did not find expected")
        || m.contains("end of stream")
        || m.contains("while scanning");
    if syntax {
        // Curly quotes anywhere up to here: the likeliest cause of what follows.
        for n in 1..=e.line {
            let line = line_of(n);
            if let Some(i) = line.find(['“', '”', '‘', '’', '„']) {
                let fixed = line.replace(['“', '”', '„'], "\"").replace(['‘', '’'], "'");
                let column = line[..i].chars().count() as u32 + 1;
                return found(YamlCause::CurlyQuotes, n, column, fixed);
            }
        }
    }
    if m.contains("mapping values are not allowed") && here.starts_with(' ') {
        let fixed = here.trim_start().to_string();
        return found(YamlCause::Indent, e.line, 1, fixed);
    }
    if m.contains("mapping values are not allowed")
        && let Some((key, value)) = here.split_once(": ")
    {
        let value = value.trim().replace('"', "\\\"");
        return found(
            YamlCause::Colon,
            e.line,
            e.column,
            format!("{key}: \"{value}\""),
        );
    }
    if m.contains("end of stream") || m.contains("quoted scalar") {
        // The first line with a quote that does not close on it.
        for n in 1..=e.line.min(lines.len() as u32) {
            let line = line_of(n);
            for quote in ['"', '\''] {
                if line.matches(quote).count() % 2 == 1 {
                    let column = line
                        .find(quote)
                        .map_or(1, |i| line[..i].chars().count() + 1);
                    let fixed = format!("{}{quote}", line.trim_end());
                    return found(YamlCause::UnclosedQuote, n, column as u32, fixed);
                }
            }
        }
    }
    if m.contains("did not find expected ',' or ']'") {
        // The list that is not closed: the last line up to here with `[` and no `]`.
        for n in (1..=e.line.min(lines.len() as u32)).rev() {
            let line = line_of(n);
            if line.contains('[') && !line.contains(']') {
                let column = line.find('[').map_or(1, |i| line[..i].chars().count() + 1);
                let fixed = format!("{}]", line.trim_end());
                return found(YamlCause::UnclosedList, n, column as u32, fixed);
            }
        }
    }
    (problem_from_yaml(m, allowed), e.line, e.column)
}

/// Turn serde's message into a [`Problem`]; unknown keys get the allowed keys and a suggestion.
pub fn problem_from_yaml(message: &str, allowed: &[&str]) -> Problem {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default().to_string();
        let hint = Hint::closest(&key, allowed.iter().copied());
        return Problem::UnknownKey {
            key,
            allowed: allowed.join(", "),
            hint,
        };
    }
    Problem::Yaml(message.to_string())
}

/// How serde's message of a URL refused by [`checked_url`] begins; the rest is what
/// [`refused_url`] needs to say why in the site's language.
const URL_REFUSED: &str = "refused URL ";

/// A URL as written, if it keeps to the rules for a link (`image: false`) or a picture;
/// else the message for serde that [`refused_url`] turns into a [`Problem`].
fn checked_url(url: &str, image: bool) -> Result<(), String> {
    let schemes = if image { IMAGE_SCHEMES } else { SCHEMES };
    check_url(url, schemes).map_err(|fault| {
        let fault = match fault {
            UrlFault::Scheme => 's',
            UrlFault::Control => 'c',
        };
        format!("{URL_REFUSED}{}{fault}{url}", if image { 'i' } else { 'l' })
    })
}

/// The [`Problem::UnsafeUrl`] that serde's `message` stands for, if it is one.
pub fn refused_url(message: &str, lang: Lang) -> Option<Problem> {
    // serde_yaml puts the path of the key first: `registration[0].url: `.
    let (key, rest) = message.split_once(URL_REFUSED)?;
    let mut chars = rest.chars();
    let image = chars.next()? == 'i';
    let fault = match chars.next()? {
        'c' => UrlFault::Control,
        _ => UrlFault::Scheme,
    };
    Some(Problem::UnsafeUrl {
        key: key.to_string(),
        url: chars.as_str().to_string(),
        fault,
        image,
        lang,
    })
}

/// A web address for an `href`, checked when the front matter is read: the only way to make
/// one, so no unchecked address from front matter reaches a page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct WebUrl(String);

impl WebUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for WebUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for WebUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Checked::<false>(url) = Checked::deserialize(d)?;
        Ok(WebUrl(url))
    }
}

/// `image:`: a picture beside the file, a site path or a web address, checked as it is read.
fn image_url<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Checked<true>>::deserialize(d)?.map(|c| c.0))
}

/// A URL checked as a link, or with `IMAGE` as a picture. Checked inside the visitor, so
/// that serde_yaml gives the error the position of the value itself.
struct Checked<const IMAGE: bool>(String);

impl<'de, const IMAGE: bool> Deserialize<'de> for Checked<IMAGE> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<const IMAGE: bool>;
        impl<const IMAGE: bool> serde::de::Visitor<'_> for Visitor<IMAGE> {
            type Value = Checked<IMAGE>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a web address such as https://www.buurtwijs.nl/")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Checked<IMAGE>, E> {
                // Checked as written (a tab at the start) and as used: trimming takes Unicode
                // spaces too, and `\u{a0}javascript:` is relative only until it is trimmed.
                let trimmed = s.trim();
                checked_url(s, IMAGE)
                    .and_then(|()| checked_url(trimmed, IMAGE))
                    .map_err(E::custom)?;
                Ok(Checked(trimmed.to_string()))
            }
        }
        d.deserialize_str(Visitor::<IMAGE>)
    }
}

/// A date as written: a day, a local date and time, or an instant with an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    Day(jiff::civil::Date),
    Local(jiff::civil::DateTime),
    Instant(jiff::Timestamp),
}

const DATE_FORMS: &str = "a date such as 2022-07-18, or a date and time such as 2022-07-18T19:30 or 2022-07-18T19:30:00+02:00";

impl DateValue {
    pub fn parse(s: &str) -> Option<DateValue> {
        let s = s.trim();
        if let Ok(day) = s.parse::<jiff::civil::Date>()
            && s.len() <= 10
        {
            return Some(DateValue::Day(day));
        }
        if let Ok(ts) = s.parse::<jiff::Timestamp>() {
            return Some(DateValue::Instant(ts));
        }
        s.replacen(' ', "T", 1)
            .parse::<jiff::civil::DateTime>()
            .ok()
            .map(DateValue::Local)
    }

    /// The moment this date stands for in `tz`; a day means its start.
    pub fn in_zone(self, tz: &jiff::tz::TimeZone) -> jiff::ZonedDateTime {
        match self {
            DateValue::Day(d) => d.to_zoned_datetime(tz.clone()),
            DateValue::Local(dt) => dt.to_zoned_datetime(tz.clone()),
            DateValue::Instant(ts) => Ok(ts.to_zoned_datetime(tz.clone())),
        }
        .unwrap_or_else(|_| jiff::Timestamp::UNIX_EPOCH.to_zoned_datetime(tz.clone()))
    }

    pub fn has_time(self) -> bool {
        !matches!(self, DateValue::Day(_))
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DateValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(DATE_FORMS)
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<DateValue, E> {
                DateValue::parse(s)
                    .ok_or_else(|| E::custom(format!("`{s}` is not a date: expected {DATE_FORMS}")))
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// A list of names, also accepted as one bare name (`authors: Irma Vroegop`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names(pub Vec<String>);

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Names;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a name or a list of names such as [Muntenbuurt, Rijtuigenbuurt]")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Names, E> {
                Ok(Names(vec![s.trim().to_string()]))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Names, E> {
                Ok(Names::default())
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Names, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<NameItem>()? {
                    let name = name.0.trim().to_string();
                    if !name.is_empty() && !names.contains(&name) {
                        names.push(name);
                    }
                }
                Ok(Names(names))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// One name in a list; numbers are read as text (`tags: [2022]`).
struct NameItem(String);

impl<'de> Deserialize<'de> for NameItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = NameItem;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a name")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<NameItem, E> {
                Ok(NameItem(s.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<NameItem, E> {
                Ok(NameItem(n.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<NameItem, E> {
                Ok(NameItem(n.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<NameItem, E> {
                Ok(NameItem(n.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<NameItem, E> {
                Ok(NameItem(b.to_string()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// "First appeared on": the original publication of a story.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub name: String,
    pub url: Option<WebUrl>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStory {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub date: Option<DateValue>,
    pub updated: Option<DateValue>,
    #[serde(default)]
    pub authors: Names,
    #[serde(default)]
    pub neighbourhoods: Names,
    pub kind: Option<String>,
    #[serde(default)]
    pub tags: Names,
    #[serde(default, deserialize_with = "image_url")]
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub image_credit: Option<String>,
    pub image_caption: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub events: Names,
    pub source: Option<Source>,
    #[serde(default)]
    pub draft: bool,
    pub slug: Option<String>,
}

/// Where an event takes place.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: String,
    pub address: Option<String>,
}

/// A way to sign up for an event: a button with `label` (empty: the theme's "Aanmelden").
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq, Hash)]
#[serde(try_from = "RawRegistration")]
pub struct Registration {
    pub label: String,
    pub url: WebUrl,
}

/// A registration link as written, so that a missing `url` gets a message of its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegistration {
    #[serde(default)]
    label: String,
    url: Option<WebUrl>,
}

impl TryFrom<RawRegistration> for Registration {
    type Error = String;
    fn try_from(raw: RawRegistration) -> Result<Registration, String> {
        match raw.url.filter(|u| !u.0.is_empty()) {
            Some(url) => Ok(Registration {
                label: raw.label,
                url,
            }),
            None => Err(format!(
                "the registration link `{}` has no `url`: write it as `{{ label: Aanmelden, url: https://… }}`",
                raw.label
            )),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub title: Option<String>,
    pub start: Option<DateValue>,
    pub end: Option<DateValue>,
    pub location: Option<Place>,
    #[serde(default)]
    pub online: bool,
    #[serde(default)]
    pub registration: Vec<Registration>,
    pub summary: Option<String>,
    #[serde(default)]
    pub neighbourhoods: Names,
    #[serde(default)]
    pub cancelled: bool,
    /// The rule of a recurring meeting; `start` is its first meeting.
    pub repeat: Option<crate::parse::repeat::Repeat>,
    #[serde(default)]
    pub draft: bool,
    pub slug: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNeighbourhood {
    pub title: Option<String>,
    pub city: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub anchors: Names,
    #[serde(default, deserialize_with = "image_url")]
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub slug: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub title: Option<String>,
    pub role: Option<String>,
    pub organisation: Option<String>,
    #[serde(default)]
    pub neighbourhoods: Names,
    #[serde(default, deserialize_with = "image_url")]
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub slug: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    pub title: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub slug: Option<String>,
}

/// The keys the front matter of `t` may have, from its raw struct.
pub fn keys(t: ContentType) -> &'static [&'static str] {
    match t {
        ContentType::Story => fields::of::<RawStory>(),
        ContentType::Event => fields::of::<RawEvent>(),
        ContentType::Neighbourhood => fields::of::<RawNeighbourhood>(),
        ContentType::Person => fields::of::<RawPerson>(),
        ContentType::Page => fields::of::<RawPage>(),
    }
}

/// The keys of a `registration:` link.
pub fn registration_keys() -> &'static [&'static str] {
    fields::of::<RawRegistration>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_yaml_and_body() {
        let s = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_offset, 17);
    }

    #[test]
    fn split_reports_missing_fences() {
        assert!(matches!(
            split("title: A\n"),
            Err((1, Problem::NoFrontMatter))
        ));
        assert!(matches!(
            split("---\ntitle: A\n"),
            Err((3, Problem::UnclosedFrontMatter))
        ));
    }

    #[test]
    fn dates_in_three_forms() {
        assert!(matches!(
            DateValue::parse("2022-07-18"),
            Some(DateValue::Day(_))
        ));
        assert!(matches!(
            DateValue::parse("2022-10-06T13:00"),
            Some(DateValue::Local(_))
        ));
        assert!(matches!(
            DateValue::parse("2022-10-06 13:00"),
            Some(DateValue::Local(_))
        ));
        assert!(matches!(
            DateValue::parse("2022-10-06T13:00:00+02:00"),
            Some(DateValue::Instant(_))
        ));
        assert_eq!(DateValue::parse("18 juli 2022"), None);
        assert_eq!(DateValue::parse("2022-02-30"), None);
    }

    #[test]
    fn names_accept_one_or_many() {
        #[derive(Deserialize)]
        struct T {
            n: Names,
        }
        let one: T = yaml::from_str("n: Irma").unwrap();
        let many: T = yaml::from_str("n: [Irma, Sally, Irma, 2022]").unwrap();
        assert_eq!(one.n.0, ["Irma"]);
        assert_eq!(many.n.0, ["Irma", "Sally", "2022"]);
    }

    #[test]
    fn a_registration_link_needs_a_url() {
        let text = "---\ntitle: A\nstart: 2026-12-01T19:30\nregistration:\n  - label: Aanmelden\n  - label: Online\n    url: https://example.org/\n---\n";
        let yaml_text = split(text).unwrap().yaml;
        let err = read::<RawEvent>(Path::new("e.md"), text, yaml_text, Lang::En).unwrap_err();
        let err = &err[0];
        let shown = err.problem.to_string();
        assert!(shown.contains("`Aanmelden` has no `url`"), "{shown}");
        assert_eq!(err.at.as_ref().unwrap().line, 5, "{shown}");
        let ok = "title: A\nregistration:\n  - url: https://example.org/\n";
        let event: RawEvent = yaml::from_str(ok).unwrap();
        assert_eq!(event.registration[0].label, "");
    }

    /// The cause, line, column and fixed line `yaml_mistake` finds in `yaml`.
    fn mistake(yaml: &str) -> (Option<YamlCause>, u32, u32, String) {
        let e = yaml::from_str::<RawStory>(yaml).unwrap_err();
        match yaml_mistake(&e, yaml, &[]) {
            (Problem::YamlLine { cause, fixed }, line, column) => {
                (Some(cause), line, column, fixed)
            }
            (other, line, column) => (None, line, column, other.to_string()),
        }
    }

    #[test]
    fn yaml_mistakes_point_where_the_fix_goes() {
        use YamlCause::*;
        let cases = [
            ("title: a\ntags:\n\t- b\n", (Some(Tab), 3, 1, "  - b")),
            (
                "title: Buurt: open\n",
                (Some(Colon), 1, 13, "title: \"Buurt: open\""),
            ),
            (
                "title: “Buurt: open”\n",
                (Some(CurlyQuotes), 1, 8, "title: \"Buurt: open\""),
            ),
            (
                "title: \"Open\ndate: 2025-03-12\n",
                (Some(UnclosedQuote), 1, 8, "title: \"Open\""),
            ),
            (
                "tags: [a, b\ndate: 2025-03-12\n",
                (Some(UnclosedList), 1, 7, "tags: [a, b]"),
            ),
            (
                "title: a\n  date: 2025-03-12\n",
                (Some(Indent), 2, 1, "date: 2025-03-12"),
            ),
        ];
        for (yaml, (cause, line, column, fixed)) in cases {
            assert_eq!(
                mistake(yaml),
                (cause, line, column, fixed.to_string()),
                "{yaml}"
            );
        }
    }

    #[test]
    fn a_missing_closing_line_is_told_where_it_goes() {
        let text = "---\ntitle: A\ndate: 2025-03-12\ntags:\n  - b\n\nTekst.\n";
        assert_eq!(split(text).unwrap_err().0, 6);
    }

    #[test]
    fn unknown_key_names_the_allowed_ones() {
        let err = read::<RawPage>(
            Path::new("p.md"),
            "---\ntitle: A\ntitel: B\n---\n",
            "title: A\ntitel: B\n",
            Lang::En,
        )
        .unwrap_err();
        let err = &err[0];
        assert_eq!(err.at.as_ref().unwrap().line, 3);
        let shown = err.problem.to_string();
        assert!(
            shown.contains("unknown key `titel` (did you mean `title`?)"),
            "{shown}"
        );
        assert!(shown.contains("title, summary, draft, slug"), "{shown}");
    }
}
