//! Recurring events: the dates a [`Repeat`] rule gives, the meeting that is next at a moment,
//! and the rule in words ("elke dinsdag, 19.30 uur").
//!
//! Meetings keep their local wall-clock time: a weekly 19.30 meeting in Europe/Amsterdam is at
//! 19.30 in winter and in summer, as RFC 5545 expands a rule whose DTSTART has a TZID. The
//! expansion follows RFC 5545 for the rules plein writes: weeks start on Monday (WKST=MO),
//! months without the wanted day are skipped, and `count` includes the first meeting.

use jiff::civil::{Date, Weekday};
use jiff::{SignedDuration, Span, ZonedDateTime as Zoned};

use super::Event;
use super::dates;
use crate::diagnostic::Problem;
use crate::ground::repeat::{End, Every, On, Repeat};
use crate::words::Lang;

/// One meeting of an event: its start, and its end when the event has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub start: Zoned,
    pub end: Option<Zoned>,
}

impl Occurrence {
    /// The moment it is over: its end, or its start when it has no end.
    pub fn over(&self) -> &Zoned {
        self.end.as_ref().unwrap_or(&self.start)
    }
}

/// The weekdays of a weekly rule, Monday first; the start's weekday when the rule names none.
fn weekdays(rule: &Repeat, first: Date) -> Vec<Weekday> {
    let mut days = match &rule.on {
        Some(On::Weekdays(days)) => days.clone(),
        _ => vec![first.weekday()],
    };
    days.sort_by_key(|d| d.to_monday_zero_offset());
    days
}

/// The day `on` gives in the month of `month` (any day of that month), if it has one.
fn day_in_month(on: Option<&On>, first: Date, month: Date) -> Option<Date> {
    match on {
        Some(On::NthWeekday(n, day)) => month.nth_weekday_of_month(*n, *day).ok(),
        Some(On::MonthDay(n)) => month.with().day(*n).build().ok(),
        _ => month.with().day(first.day()).build().ok(),
    }
}

/// Every date of the series whose first meeting is on `first`, in order, the end applied.
///
/// Endless rules give an endless iterator; it stops only at the end of jiff's calendar.
pub(crate) fn dates(rule: &Repeat, first: Date) -> Box<dyn Iterator<Item = Date> + '_> {
    let step = i64::from(rule.interval);
    let all: Box<dyn Iterator<Item = Date>> = match rule.every {
        Every::Week => {
            let days = weekdays(rule, first);
            let monday = first
                .checked_sub(Span::new().days(first.weekday().to_monday_zero_offset()))
                .unwrap_or(first);
            Box::new(
                (0..)
                    .map(move |k: i64| monday.checked_add(Span::new().weeks(k * step)))
                    .map_while(Result::ok)
                    .flat_map(move |week| {
                        let offsets: Vec<i8> =
                            days.iter().map(|d| d.to_monday_zero_offset()).collect();
                        offsets
                            .into_iter()
                            .filter_map(move |o| week.checked_add(Span::new().days(o)).ok())
                    }),
            )
        }
        Every::Month => {
            let start_month = first.first_of_month();
            Box::new(
                (0..)
                    .map(move |k: i64| start_month.checked_add(Span::new().months(k * step)))
                    .map_while(Result::ok)
                    .filter_map(move |month| day_in_month(rule.on.as_ref(), first, month)),
            )
        }
    };
    let from_first = all.skip_while(move |d| *d < first);
    let ended: Box<dyn Iterator<Item = Date>> = match rule.end {
        End::Never => Box::new(from_first),
        End::Until(last) => Box::new(from_first.take_while(move |d| *d <= last)),
        End::Count(n) => Box::new(from_first.take(n as usize)),
    };
    // As EXDATE in RFC 5545: skipped days still count towards `count`.
    Box::new(ended.filter(move |d| !rule.except.contains(d)))
}

/// Whether `start` is a day the rule falls on, as the first meeting of a series must be.
pub(crate) fn starts_on_rule(rule: &Repeat, start: Date) -> bool {
    let mut probe = rule.clone();
    probe.end = End::Never;
    probe.except.clear();
    dates(&probe, start).next() == Some(start)
}

/// The days in `except` that the series whose first meeting is `first` would not meet on.
fn skipped_off_rule(rule: &Repeat, first: Date) -> Vec<Date> {
    let mut all = rule.clone();
    all.except.clear();
    let last = rule.except.iter().max().copied();
    let days: Vec<Date> = match last {
        Some(last) => dates(&all, first).take_while(|d| *d <= last).collect(),
        None => return Vec::new(),
    };
    rule.except
        .iter()
        .filter(|d| !days.contains(d))
        .copied()
        .collect()
}

/// What is wrong with an event's series or slug, each with the front matter key to point at.
///
/// A series must start on a day of its rule (RFC 5545 leaves other starts undefined), and an
/// event slug must not be a year: `/agenda/2025/` is the agenda's archive of that year.
pub(crate) fn check_event(
    slug: &str,
    start: &Zoned,
    repeat: Option<&Repeat>,
    events_word: &str,
    lang: Lang,
) -> Vec<(&'static str, Problem)> {
    let mut problems = Vec::new();
    if let Some(rule) = repeat
        && !starts_on_rule(rule, start.date())
    {
        problems.push((
            "start",
            Problem::StartNotInRepeat {
                start: format!(
                    "{} {}",
                    dates::weekday(lang, start.weekday()),
                    dates::day(lang, start.date())
                ),
                rule: describe(lang, rule, start),
            },
        ));
    }
    if let Some(rule) = repeat {
        for date in skipped_off_rule(rule, start.date()) {
            problems.push((
                "repeat",
                Problem::ExceptNotInRepeat {
                    date: date.to_string(),
                    rule: describe(lang, rule, start),
                },
            ));
        }
    }
    if !slug.is_empty() && slug.bytes().all(|b| b.is_ascii_digit()) {
        problems.push((
            "slug",
            Problem::YearSlug {
                slug: slug.to_string(),
                section: events_word.to_string(),
            },
        ));
    }
    problems
}

impl Event {
    /// Every meeting, in order: one for a plain event, the whole series for a recurring one.
    pub fn occurrences(&self) -> Box<dyn Iterator<Item = Occurrence> + '_> {
        let Some(rule) = &self.repeat else {
            return Box::new(std::iter::once(Occurrence {
                start: self.start.clone(),
                end: self.end.clone(),
            }));
        };
        let length: Option<SignedDuration> =
            self.end.as_ref().map(|e| self.start.duration_until(e));
        let time = self.start.time();
        let tz = self.start.time_zone().clone();
        Box::new(dates(rule, self.start.date()).filter_map(move |day| {
            let start = day.to_datetime(time).to_zoned_datetime(tz.clone()).ok()?;
            let end = match length {
                Some(length) => Some(start.checked_add(length).ok()?),
                None => None,
            };
            Some(Occurrence { start, end })
        }))
    }

    /// The meeting to show at `now`: the first that is not over, or else the last one; and
    /// whether it is still to come (or going on).
    pub fn occurrence_at(&self, now: &Zoned) -> (Occurrence, bool) {
        let mut last = None;
        for occurrence in self.occurrences() {
            if occurrence.over() >= now {
                return (occurrence, true);
            }
            last = Some(occurrence);
        }
        let last = last.unwrap_or_else(|| Occurrence {
            start: self.start.clone(),
            end: self.end.clone(),
        });
        (last, false)
    }

    /// The meetings still to come (or going on) at `now`, at most `limit` of them.
    pub fn upcoming(&self, now: &Zoned, limit: usize) -> Vec<Occurrence> {
        self.occurrences()
            .skip_while(|o| o.over() < now)
            .take(limit)
            .collect()
    }

    /// The first day of the last meeting of a series that ends; `None` for an endless one.
    pub fn last_day(&self) -> Option<Date> {
        match &self.repeat {
            None => Some(self.start.date()),
            Some(rule) => match rule.end {
                End::Never => None,
                End::Until(_) | End::Count(_) => dates(rule, self.start.date()).last(),
            },
        }
    }
}

/// "dinsdag", "dinsdag en donderdag", "maandag, woensdag en vrijdag".
fn day_list(lang: Lang, days: &[Weekday]) -> String {
    let names: Vec<&str> = days.iter().map(|&d| dates::weekday(lang, d)).collect();
    let and = lang.words().and;
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The rule in words, with the time: "elke dinsdag, 19.30 uur" / "every Tuesday, 19:30".
pub(crate) fn describe(lang: Lang, rule: &Repeat, start: &Zoned) -> String {
    let words = lang.words();
    let phrases = &words.repeat;
    let first = start.date();
    let n = rule.interval;
    let (phrase, fill) = match (rule.every, rule.on.as_ref()) {
        (Every::Week, _) => {
            let days = day_list(lang, &weekdays(rule, first));
            let phrase = if n == 1 {
                phrases.weekly
            } else {
                phrases.weekly_n
            };
            (phrase, ("{days}", days))
        }
        (Every::Month, Some(On::NthWeekday(k, day))) => {
            let which = format!("{} {}", words.ordinal(*k), dates::weekday(lang, *day));
            let phrase = if n == 1 {
                phrases.monthly_weekday
            } else {
                phrases.monthly_weekday_n
            };
            (phrase, ("{which}", which))
        }
        (Every::Month, on) => {
            let day = match on {
                Some(On::MonthDay(d)) => *d,
                _ => first.day(),
            };
            let phrase = if n == 1 {
                phrases.monthly_day
            } else {
                phrases.monthly_day_n
            };
            (phrase, ("{day}", (words.day_number)(day)))
        }
    };
    let pattern = phrase
        .replace("{n}", &words.number(n))
        .replace(fill.0, &fill.1);
    let time = dates::time(lang, start.time());
    format!("{pattern}, {time}{}", words.hour_suffix)
}

/// "tot en met 29 juni 2027" / "until 29 June 2027"; `None` for an endless series.
pub(crate) fn describe_end(lang: Lang, event: &Event) -> Option<String> {
    event.repeat.as_ref()?;
    let last = event.last_day()?;
    let phrase = lang.words().repeat.until;
    Some(phrase.replace("{date}", &dates::day(lang, last)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn rule(text: &str) -> Repeat {
        #[derive(serde::Deserialize)]
        struct T {
            repeat: Repeat,
        }
        crate::ground::yaml::from_str::<T>(text).unwrap().repeat
    }

    fn amsterdam(y: i16, m: i8, d: i8, h: i8, min: i8) -> Zoned {
        date(y, m, d)
            .at(h, min, 0, 0)
            .in_tz("Europe/Amsterdam")
            .unwrap()
    }

    fn event(start: Zoned, end: Option<Zoned>, repeat: Option<Repeat>) -> Event {
        Event {
            source_path: "content/events/x.md".into(),
            slug: "x".into(),
            url: "/agenda/x/".into(),
            title: "X".into(),
            start,
            end,
            location: None,
            online: false,
            registration: Vec::new(),
            summary: String::new(),
            neighbourhoods: Vec::new(),
            cancelled: false,
            full: false,
            repeat,
            body_html: std::sync::Arc::from(""),
            body_text: std::sync::Arc::from(""),
            stories: Vec::new(),
            print: 0,
        }
    }

    fn days(rule: &Repeat, first: Date, n: usize) -> Vec<String> {
        dates(rule, first).take(n).map(|d| d.to_string()).collect()
    }

    #[test]
    fn weekly_on_several_days_every_other_week() {
        let r = rule("repeat: { every: week, interval: 2, on: [thursday, monday] }");
        assert_eq!(
            days(&r, date(2026, 11, 26), 5),
            [
                "2026-11-26",
                "2026-12-07",
                "2026-12-10",
                "2026-12-21",
                "2026-12-24"
            ]
        );
    }

    #[test]
    fn monthly_by_nth_weekday_and_day_number() {
        let first_saturday = rule("repeat: { every: month, on: first saturday, count: 4 }");
        assert_eq!(
            days(&first_saturday, date(2026, 11, 7), 10),
            ["2026-11-07", "2026-12-05", "2027-01-02", "2027-02-06"]
        );
        let last_friday = rule("repeat: { every: month, on: last friday }");
        assert_eq!(
            days(&last_friday, date(2027, 1, 29), 2),
            ["2027-01-29", "2027-02-26"]
        );
        let the_31st = rule("repeat: { every: month, until: 2027-05-31 }");
        assert_eq!(
            days(&the_31st, date(2027, 1, 31), 10),
            ["2027-01-31", "2027-03-31", "2027-05-31"],
            "months without a 31st are skipped, as RFC 5545 does"
        );
    }

    /// Skipped dates leave the series; `count` still counts them, as EXDATE does in RFC 5545.
    #[test]
    fn except_dates_are_skipped() {
        let r = rule(
            "repeat: { every: week, on: tuesday, count: 4, except: [2026-12-08, 2026-12-29] }",
        );
        assert_eq!(
            days(&r, date(2026, 12, 1), 10),
            ["2026-12-01", "2026-12-15", "2026-12-22"]
        );
        let e = event(amsterdam(2026, 12, 1, 19, 30), None, Some(r));
        let (o, upcoming) = e.occurrence_at(&amsterdam(2026, 12, 2, 12, 0));
        assert_eq!((o.start.date(), upcoming), (date(2026, 12, 15), true));
        assert!(starts_on_rule(
            &rule("repeat: { every: week, except: [2026-12-01] }"),
            date(2026, 12, 1)
        ));
    }

    #[test]
    fn the_start_must_be_a_day_of_the_rule() {
        let tuesdays = rule("repeat: { every: week, on: tuesday }");
        assert!(starts_on_rule(&tuesdays, date(2026, 12, 1)));
        assert!(!starts_on_rule(&tuesdays, date(2026, 12, 2)));
        let default_day = rule("repeat: { every: week }");
        assert!(starts_on_rule(&default_day, date(2026, 12, 2)));
    }

    /// A weekly Tuesday 19.30 meeting stays at 19.30 local time over both changes of the clock
    /// in 2027 (28 March and 31 October), so its UTC time moves by an hour.
    #[test]
    fn weekly_meetings_keep_their_local_time_across_daylight_saving() {
        let r = rule("repeat: { every: week, on: tuesday, until: 2027-11-09 }");
        let e = event(
            amsterdam(2027, 3, 16, 19, 30),
            Some(amsterdam(2027, 3, 16, 21, 0)),
            Some(r),
        );
        let all: Vec<Occurrence> = e.occurrences().collect();
        assert_eq!(all.len(), 35);
        for o in &all {
            assert_eq!(o.start.weekday(), Weekday::Tuesday);
            assert_eq!((o.start.hour(), o.start.minute()), (19, 30), "{}", o.start);
            let end = o.end.as_ref().unwrap();
            assert_eq!((end.hour(), end.minute()), (21, 0), "{end}");
        }
        let utc = |o: &Occurrence| o.start.timestamp().to_string();
        assert_eq!(utc(&all[1]), "2027-03-23T18:30:00Z", "winter: UTC+1");
        assert_eq!(utc(&all[2]), "2027-03-30T17:30:00Z", "summer: UTC+2");
        let last_summer = all
            .iter()
            .find(|o| o.start.date() == date(2027, 10, 26))
            .unwrap();
        let first_winter = all
            .iter()
            .find(|o| o.start.date() == date(2027, 11, 2))
            .unwrap();
        assert_eq!(utc(last_summer), "2027-10-26T17:30:00Z");
        assert_eq!(utc(first_winter), "2027-11-02T18:30:00Z");
    }

    #[test]
    fn the_meeting_shown_is_the_next_one_or_the_last() {
        let r = rule("repeat: { every: week, on: tuesday, count: 3 }");
        let e = event(
            amsterdam(2026, 12, 1, 19, 30),
            Some(amsterdam(2026, 12, 1, 21, 0)),
            Some(r),
        );
        let (o, upcoming) = e.occurrence_at(&amsterdam(2026, 11, 25, 12, 0));
        assert_eq!((o.start.date(), upcoming), (date(2026, 12, 1), true));
        let (o, upcoming) = e.occurrence_at(&amsterdam(2026, 12, 8, 20, 0));
        assert_eq!(
            (o.start.date(), upcoming),
            (date(2026, 12, 8), true),
            "a meeting going on is still the one shown"
        );
        let (o, upcoming) = e.occurrence_at(&amsterdam(2026, 12, 9, 12, 0));
        assert_eq!((o.start.date(), upcoming), (date(2026, 12, 15), true));
        let (o, upcoming) = e.occurrence_at(&amsterdam(2027, 1, 1, 0, 0));
        assert_eq!((o.start.date(), upcoming), (date(2026, 12, 15), false));
        assert_eq!(e.last_day(), Some(date(2026, 12, 15)));
    }

    #[test]
    fn rules_in_words() {
        let start = amsterdam(2026, 12, 1, 19, 30);
        let weekly = rule("repeat: { every: week, on: tuesday }");
        assert_eq!(
            describe(Lang::Nl, &weekly, &start),
            "elke dinsdag, 19.30 uur"
        );
        assert_eq!(describe(Lang::En, &weekly, &start), "every Tuesday, 19:30");
        let two = rule("repeat: { every: week, interval: 2, on: [tuesday, thursday] }");
        assert_eq!(
            describe(Lang::Nl, &two, &start),
            "elke twee weken op dinsdag en donderdag, 19.30 uur"
        );
        let saturday = amsterdam(2026, 12, 5, 10, 0);
        let monthly = rule("repeat: { every: month, on: first saturday }");
        assert_eq!(
            describe(Lang::Nl, &monthly, &saturday),
            "elke eerste zaterdag van de maand, 10.00 uur"
        );
        assert_eq!(
            describe(Lang::En, &monthly, &saturday),
            "every first Saturday of the month, 10:00"
        );
        let by_day = rule("repeat: { every: month, on: 22 }");
        assert_eq!(
            describe(Lang::En, &by_day, &amsterdam(2026, 12, 22, 9, 0)),
            "on the 22nd of every month, 9:00"
        );
        assert_eq!(
            describe(Lang::Nl, &by_day, &amsterdam(2026, 12, 22, 9, 0)),
            "elke maand op de 22e, 9.00 uur"
        );
        let e = event(
            start.clone(),
            None,
            Some(rule("repeat: { every: week, count: 4 }")),
        );
        assert_eq!(
            describe_end(Lang::Nl, &e).as_deref(),
            Some("tot en met 22 december 2026")
        );
    }
}
