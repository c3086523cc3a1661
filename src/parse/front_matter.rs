//! Front matter: the YAML block at the top of a content file, read into one raw struct per
//! content type. Raw structs mirror what editors write (`deny_unknown_fields`, so a typo is an
//! error, not a silently lost value); the model turns them into typed, defaulted data.

use std::path::Path;

use serde::{Deserialize, Deserializer};

use crate::content_type::ContentType;
#[cfg(test)]
use crate::diagnostic::YamlCause;
use crate::diagnostic::{Diagnostic, Problem};
use crate::ground::fields;
use crate::ground::url::image_url;
use crate::ground::values::{DateValue, Place, Registration, Source};
use crate::ground::yaml::{self, yaml_mistake};
use crate::words::Lang;

/// A file split into its YAML and its Markdown body.
#[derive(Debug)]
pub(crate) struct Split<'a> {
    pub yaml: &'a str,
    /// Byte offset of the body in the whole text.
    pub body_offset: usize,
}

/// Split `text` at its `---` fences.
pub(crate) fn split(text: &str) -> Result<Split<'_>, (u32, Problem)> {
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err((1, Problem::NoFrontMatter));
    };
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &text[4..offset];
            let body_offset = offset + line.len();
            return Ok(Split { yaml, body_offset });
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
pub(crate) fn read<T: for<'de> Deserialize<'de>>(
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
                let (problem, line, column) =
                    match crate::ground::url::refused_url(&e.message, lang) {
                        Some(problem) => (problem, e.line, e.column),
                        None => yaml_mistake(&e, yaml_text, fields::of::<T>()),
                    };
                // The YAML starts on line 2, after the opening `---`.
                Diagnostic::at(path, text, line + 1, column, problem)
            })
            .collect()),
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
    /// The language the story is written in, when it is not the site's: `nl` or `en`.
    pub language: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub slug: Option<String>,
}

impl RawStory {
    /// The language of the story: its own `language:` when plein knows it, else `site`'s.
    pub fn lang(&self, site: Lang) -> Lang {
        self.language
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(site)
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
    /// No places left: the event stays in the agenda, marked full, without sign-up buttons.
    #[serde(default)]
    pub full: bool,
    /// The rule of a recurring meeting; `start` is its first meeting.
    pub repeat: Option<crate::ground::repeat::Repeat>,
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
pub(crate) fn keys(t: ContentType) -> &'static [&'static str] {
    match t {
        ContentType::Story => fields::of::<RawStory>(),
        ContentType::Event => fields::of::<RawEvent>(),
        ContentType::Neighbourhood => fields::of::<RawNeighbourhood>(),
        ContentType::Person => fields::of::<RawPerson>(),
        ContentType::Page => fields::of::<RawPage>(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_yaml_and_body() {
        let text = "---\ntitle: A\n---\nBody\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(&text[s.body_offset..], "Body\n");
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
