//! Values written in front matter that several stages hold: dates, a place, a registration
//! link and a story's source. Read here, shown by render, kept as they are by the model.

use serde::{Deserialize, Deserializer};

use crate::ground::url::WebUrl;

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

/// "First appeared on": the original publication of a story.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub name: String,
    pub url: Option<WebUrl>,
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
        match raw.url.filter(|u| !u.as_str().is_empty()) {
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

/// The keys of a `registration:` link.
#[cfg(test)]
pub(crate) fn registration_keys() -> &'static [&'static str] {
    crate::ground::fields::of::<RawRegistration>()
}
