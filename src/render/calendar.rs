//! iCalendar files (RFC 5545): `/agenda.ics` with every event and `/agenda/<slug>.ics` per event.
//!
//! Written by hand: the `icalendar` crate needs chrono, makes random UIDs and stamps DTSTAMP
//! with the clock, and plein wants jiff time zones and the same bytes for the same content.
//! What it writes: PRODID and VERSION; a VTIMEZONE for the site's time zone, its daylight-saving
//! rules as yearly RRULEs where the zone follows one (else each change listed); per event a UID
//! made from its URL, a DTSTAMP from the latest date written in it (never the clock),
//! DTSTART/DTEND in local time with TZID, RRULE for a series, SUMMARY, DESCRIPTION, LOCATION,
//! CATEGORIES, URL and STATUS. Lines end in CRLF, are folded at 75 octets without splitting a
//! character, and text is escaped. This module knows nothing of templates or files.

use std::collections::BTreeMap;

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};
use jiff::{Span, Timestamp};

use crate::ground::repeat::{End, Every, On, Repeat, weekday_code};
use crate::model::{Event, Site};

/// The root-relative URL of the calendar of every event: `/agenda.ics`.
pub(crate) fn site_url(site: &Site) -> String {
    site.urls.root(&format!("{}.ics", site.urls.routes.events))
}

/// The root-relative URL of one event's calendar file: `/agenda/<slug>.ics`.
pub(crate) fn event_url(site: &Site, e: &Event) -> String {
    site.urls
        .root(&format!("{}/{}.ics", site.urls.routes.events, e.slug))
}

/// The calendar of every event of the site.
pub(crate) fn site_calendar(site: &Site) -> String {
    let events: Vec<&Event> = site.events.iter().collect();
    calendar(site, &events, Some(&site.config.title))
}

/// The calendar of one event.
pub(crate) fn event_calendar(site: &Site, e: &Event) -> String {
    calendar(site, &[e], None)
}

fn calendar(site: &Site, events: &[&Event], name: Option<&str>) -> String {
    let mut w = Lines::default();
    w.prop("BEGIN", "VCALENDAR");
    w.prop("VERSION", "2.0");
    let lang = site.config.lang.code().to_uppercase();
    w.prop("PRODID", &format!("-//plein//NONSGML plein//{lang}"));
    w.prop("CALSCALE", "GREGORIAN");
    w.prop("METHOD", "PUBLISH");
    if let Some(name) = name {
        w.text("NAME", name);
        w.text("X-WR-CALNAME", name);
        w.prop("REFRESH-INTERVAL;VALUE=DURATION", "P1D");
        w.prop("X-PUBLISHED-TTL", "P1D");
    }
    let tz_name = &site.config.timezone_name;
    if let Some((from, to)) = span(events) {
        if name.is_some() {
            w.text("X-WR-TIMEZONE", tz_name);
        }
        vtimezone(&mut w, &site.config.timezone, tz_name, from, to);
    }
    for e in events {
        vevent(&mut w, site, e);
    }
    w.prop("END", "VCALENDAR");
    w.out
}

/// The first and last year any meeting of `events` falls in; an endless series counts 20 years,
/// and no span is longer than 50 (where the zone follows yearly rules they hold for ever).
fn span(events: &[&Event]) -> Option<(i16, i16)> {
    let first = events.iter().map(|e| e.start.year()).min()?;
    let last = events
        .iter()
        .map(|e| {
            e.last_day()
                .map_or(e.start.year().saturating_add(20), |d| d.year())
        })
        .max()?;
    Some((first, last.clamp(first, first.saturating_add(50))))
}

/// Content lines, each ended with CRLF and folded at 75 octets.
#[derive(Default)]
struct Lines {
    out: String,
}

impl Lines {
    /// `NAME:value` with `value` written as it is (already escaped where it is text).
    fn prop(&mut self, name: &str, value: &str) {
        fold(&format!("{name}:{value}"), &mut self.out);
    }

    /// A TEXT property: `value` escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.prop(name, &escape(value));
    }
}

/// Escape TEXT (RFC 5545 3.3.11): backslash, semicolon, comma and newline.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Append `line` to `out`, folded (RFC 5545 3.1): at most 75 octets a line, continuation
/// lines starting with one space, never splitting a UTF-8 character; every line ends in CRLF.
pub(crate) fn fold(line: &str, out: &mut String) {
    let mut room = 75;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > room {
            out.push_str("\r\n ");
            room = 74;
            used = 0;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// `20270311T183000Z`.
fn utc(ts: Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// `20270311T193000`, a local date and time.
fn local(dt: DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

/// `+0100`, with seconds only when there are any.
fn utc_offset(offset: Offset) -> String {
    let total = offset.seconds();
    let sign = if total < 0 { '-' } else { '+' };
    let s = total.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// What makes a change of the clock the same every year: month, nth weekday (-1: the last),
/// weekday, local time, offsets from and to, daylight saving or not, and the zone's abbreviation.
type YearlyKey = (i8, i8, &'static str, String, i32, i32, bool, String);

/// One change of the clock, as a VTIMEZONE observance needs it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Change {
    /// The wall-clock time just before the change, in the offset it changes from.
    onset: DateTime,
    from: i32,
    to: i32,
    dst: bool,
    name: String,
}

impl Change {
    /// What makes this change the same every year.
    fn yearly_key(&self) -> Option<YearlyKey> {
        let day = self.onset.date();
        let nth = if day.day() + 7 > day.days_in_month() {
            -1
        } else {
            (day.day() - 1) / 7 + 1
        };
        Some((
            day.month(),
            nth,
            weekday_code(day.weekday()),
            local(self.onset).get(8..)?.to_string(),
            self.from,
            self.to,
            self.dst,
            self.name.clone(),
        ))
    }
}

/// The changes of `tz` from the start of `from_year` - 1 to the end of `to_year` + 1.
fn changes(tz: &TimeZone, from_year: i16, to_year: i16) -> Vec<Change> {
    let year_start = |y: i16| {
        jiff::civil::date(y.clamp(1, 9998), 1, 1)
            .to_zoned_datetime(TimeZone::UTC)
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH)
    };
    let begin = year_start(from_year - 1);
    let stop = year_start(to_year + 2);
    tz.following(begin.checked_sub(Span::new().seconds(1)).unwrap_or(begin))
        .take_while(|t| t.timestamp() < stop)
        .map(|t| {
            let before = tz.to_offset(
                t.timestamp()
                    .checked_sub(Span::new().seconds(1))
                    .unwrap_or(t.timestamp()),
            );
            Change {
                onset: before.to_datetime(t.timestamp()),
                from: before.seconds(),
                to: t.offset().seconds(),
                dst: t.dst().is_dst(),
                name: t.abbreviation().to_string(),
            }
        })
        .collect()
}

/// The VTIMEZONE of `tz`, covering the years `from` to `to`.
fn vtimezone(w: &mut Lines, tz: &TimeZone, name: &str, from: i16, to: i16) {
    w.prop("BEGIN", "VTIMEZONE");
    w.text("TZID", name);
    let all = changes(tz, from, to);
    if all.is_empty() {
        let info = tz.to_offset_info(Timestamp::UNIX_EPOCH);
        let offset = utc_offset(info.offset());
        observance(
            w,
            "STANDARD",
            "19700101T000000",
            &offset,
            &offset,
            info.abbreviation(),
            None,
        );
    } else if let Some(rules) = yearly_rules(&all, from, to) {
        for (change, rrule) in rules {
            let kind = if change.dst { "DAYLIGHT" } else { "STANDARD" };
            let (f, t) = (offset_of(change.from), offset_of(change.to));
            observance(
                w,
                kind,
                &local(change.onset),
                &f,
                &t,
                &change.name,
                Some(&rrule),
            );
        }
    } else {
        for change in &all {
            let kind = if change.dst { "DAYLIGHT" } else { "STANDARD" };
            let (f, t) = (offset_of(change.from), offset_of(change.to));
            observance(w, kind, &local(change.onset), &f, &t, &change.name, None);
        }
    }
    w.prop("END", "VTIMEZONE");
}

fn offset_of(seconds: i32) -> String {
    utc_offset(Offset::from_seconds(seconds).unwrap_or(Offset::UTC))
}

fn observance(
    w: &mut Lines,
    kind: &str,
    onset: &str,
    from: &str,
    to: &str,
    name: &str,
    rrule: Option<&str>,
) {
    w.prop("BEGIN", kind);
    w.prop("DTSTART", onset);
    if let Some(rrule) = rrule {
        w.prop("RRULE", rrule);
    }
    w.prop("TZOFFSETFROM", from);
    w.prop("TZOFFSETTO", to);
    w.text("TZNAME", name);
    w.prop("END", kind);
}

/// The changes as yearly rules (the first change of each with its RRULE), when every year from
/// `from` - 1 to `to` + 1 has the same changes on the same nth weekday; `None` otherwise.
fn yearly_rules(all: &[Change], from: i16, to: i16) -> Option<Vec<(Change, String)>> {
    let mut by_year: BTreeMap<i16, Vec<YearlyKey>> =
        (from - 1..=to + 1).map(|y| (y, Vec::new())).collect();
    let mut first: BTreeMap<YearlyKey, &Change> = BTreeMap::new();
    for change in all {
        let key = change.yearly_key()?;
        by_year.get_mut(&change.onset.year())?.push(key.clone());
        first.entry(key).or_insert(change);
    }
    let mut years = by_year.into_values().map(|mut keys| {
        keys.sort();
        keys
    });
    let pattern = years.next()?;
    if pattern.is_empty() || pattern.len() != first.len() || years.any(|keys| keys != pattern) {
        return None;
    }
    Some(
        first
            .into_iter()
            .map(|(key, change)| {
                let (month, nth, day, ..) = key;
                (
                    change.clone(),
                    format!("FREQ=YEARLY;BYMONTH={month};BYDAY={nth}{day}"),
                )
            })
            .collect(),
    )
}

/// `FREQ=WEEKLY;BYDAY=TU;UNTIL=20270629T215959Z` for a series whose first meeting is `e.start`.
fn rrule(rule: &Repeat, e: &Event) -> String {
    let mut parts = vec![match rule.every {
        Every::Week => "FREQ=WEEKLY".to_string(),
        Every::Month => "FREQ=MONTHLY".to_string(),
    }];
    if rule.interval > 1 {
        parts.push(format!("INTERVAL={}", rule.interval));
    }
    let first = e.start.date();
    parts.push(match (rule.every, &rule.on) {
        (Every::Week, Some(On::Weekdays(days))) => {
            let mut days = days.clone();
            days.sort_by_key(|d| d.to_monday_zero_offset());
            let codes: Vec<&str> = days.into_iter().map(weekday_code).collect();
            format!("BYDAY={}", codes.join(","))
        }
        (Every::Week, _) => format!("BYDAY={}", weekday_code(first.weekday())),
        (Every::Month, Some(On::NthWeekday(n, day))) => format!("BYDAY={n}{}", weekday_code(*day)),
        (Every::Month, Some(On::MonthDay(d))) => format!("BYMONTHDAY={d}"),
        (Every::Month, _) => format!("BYMONTHDAY={}", first.day()),
    });
    match rule.end {
        End::Never => {}
        End::Count(n) => parts.push(format!("COUNT={n}")),
        End::Until(day) => parts.push(format!("UNTIL={}", utc(end_of_day(e, day)))),
    }
    parts.join(";")
}

/// `20270427T193000,20271228T193000`: the skipped days at the series' local start time.
fn exdate(rule: &Repeat, e: &Event) -> Option<String> {
    let time = e.start.time();
    let days: Vec<String> = rule
        .except
        .iter()
        .map(|day| local(day.to_datetime(time)))
        .collect();
    (!days.is_empty()).then(|| days.join(","))
}

/// The last second of `day` in the event's time zone: UNTIL is inclusive and in UTC.
fn end_of_day(e: &Event, day: jiff::civil::Date) -> Timestamp {
    day.tomorrow()
        .ok()
        .and_then(|d| d.to_zoned_datetime(e.start.time_zone().clone()).ok())
        .and_then(|z| z.timestamp().checked_sub(Span::new().seconds(1)).ok())
        .unwrap_or_else(|| e.start.timestamp())
}

/// The latest moment written in the event: its DTSTAMP, the same for the same content.
fn stamp(e: &Event) -> Timestamp {
    let mut latest = e.start.timestamp();
    if let Some(end) = &e.end {
        latest = latest.max(end.timestamp());
    }
    if let Some(Repeat {
        end: End::Until(day),
        ..
    }) = &e.repeat
    {
        latest = latest.max(end_of_day(e, *day));
    }
    latest
}

/// `agenda-koffieochtend@buurtverhalen-nieuwegein.nl`: the event's address, as a stable UID.
fn uid(site: &Site, e: &Event) -> String {
    let base = &site.config.base_url;
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let host = base[after_scheme..].split('/').next().unwrap_or("plein");
    let path = e.url.trim_matches('/').replace('/', "-");
    format!("{path}@{host}")
}

/// `url` with the scheme, host and path prefix of `base_url`.
pub(crate) fn absolute(site: &Site, url: &str) -> String {
    let path = url.strip_prefix(&site.urls.prefix).unwrap_or(url);
    format!("{}{}", site.config.origin_and_prefix(), path)
}

/// What the event says in words: its summary, the registration links and its page.
fn description(site: &Site, e: &Event) -> String {
    let mut parts = Vec::new();
    if !e.summary.trim().is_empty() {
        parts.push(e.summary.trim().to_string());
    }
    let links: Vec<String> = e
        .registration
        .iter()
        .map(|r| match r.label.trim() {
            "" => r.url.to_string(),
            label => format!("{label}: {}", r.url),
        })
        .collect();
    if !links.is_empty() {
        parts.push(links.join("\n"));
    }
    parts.push(absolute(site, &e.url));
    parts.join("\n\n")
}

fn vevent(w: &mut Lines, site: &Site, e: &Event) {
    let tz = escape_param(&site.config.timezone_name);
    w.prop("BEGIN", "VEVENT");
    w.text("UID", &uid(site, e));
    w.prop("DTSTAMP", &utc(stamp(e)));
    w.prop(&format!("DTSTART;TZID={tz}"), &local(e.start.datetime()));
    if let Some(end) = &e.end {
        let end = end.with_time_zone(e.start.time_zone().clone());
        w.prop(&format!("DTEND;TZID={tz}"), &local(end.datetime()));
    }
    if let Some(rule) = &e.repeat {
        w.prop("RRULE", &rrule(rule, e));
        if let Some(skipped) = exdate(rule, e) {
            w.prop(&format!("EXDATE;TZID={tz}"), &skipped);
        }
    }
    w.text("SUMMARY", &e.title);
    w.text("DESCRIPTION", &description(site, e));
    let location = match (&e.location, e.online) {
        (Some(place), _) => Some(match &place.address {
            Some(address) => format!("{}, {address}", place.name),
            None => place.name.clone(),
        }),
        (None, true) => Some(site.config.lang.words().online.to_string()),
        (None, false) => None,
    };
    if let Some(location) = location {
        w.text("LOCATION", &location);
    }
    if !e.neighbourhoods.is_empty() {
        let names: Vec<String> = e
            .neighbourhoods
            .iter()
            .map(|&h| escape(&site.neighbourhoods[h].name))
            .collect();
        w.prop("CATEGORIES", &names.join(","));
    }
    w.prop("URL", &absolute(site, &e.url));
    w.prop(
        "STATUS",
        if e.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        },
    );
    w.prop("END", "VEVENT");
}

/// A parameter value: quoted when it holds a character that would end it.
fn escape_param(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|&c| c != '"' && !c.is_control())
        .collect();
    if clean.contains([';', ':', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold(line, &mut out);
        out
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("Koffie, thee; en\\of\nkoek"),
            "Koffie\\, thee\\; en\\\\of\\nkoek"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("DESCRIPTION:{}", "één café – ".repeat(20));
        let out = folded(&line);
        assert!(out.ends_with("\r\n"));
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 3);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= 75, "line {i} has {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '));
            }
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
    }

    #[test]
    fn amsterdam_follows_yearly_rules() {
        let tz = TimeZone::get("Europe/Amsterdam").unwrap();
        let mut w = Lines::default();
        vtimezone(&mut w, &tz, "Europe/Amsterdam", 2026, 2027);
        let text = w.out;
        assert!(text.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n"
        ), "{text}");
        assert!(text.contains(
            "BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n"
        ), "{text}");
    }

    #[test]
    fn zones_without_daylight_saving_have_one_observance() {
        let tz = TimeZone::get("Asia/Tokyo").unwrap();
        let mut w = Lines::default();
        vtimezone(&mut w, &tz, "Asia/Tokyo", 2026, 2027);
        assert_eq!(w.out.matches("BEGIN:STANDARD").count(), 1, "{}", w.out);
        assert!(w.out.contains("TZOFFSETTO:+0900"), "{}", w.out);
        assert!(!w.out.contains("RRULE"));
    }

    #[test]
    fn offsets_are_written_with_sign() {
        assert_eq!(offset_of(3600), "+0100");
        assert_eq!(offset_of(-9000), "-0230");
        assert_eq!(offset_of(1172), "+001932");
    }
}
