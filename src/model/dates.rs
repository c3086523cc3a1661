//! Dates as people write them: "18 juli 2022", "donderdag 6 oktober 2022, 13.00–16.30 uur".

use jiff::ZonedDateTime as Zoned;
use jiff::civil::Weekday;

use crate::words::Lang;

/// The weekday's name; Dutch weekdays are lowercase, as Dutch writes them.
pub(crate) fn weekday(lang: Lang, day: Weekday) -> &'static str {
    lang.words().weekday(day)
}

/// "18 juli 2022" / "18 July 2022".
pub(crate) fn day(lang: Lang, date: jiff::civil::Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        lang.words().month(date.month()),
        date.year()
    )
}

/// "13.00" in Dutch, "13:00" in English.
pub(crate) fn time(lang: Lang, t: jiff::civil::Time) -> String {
    let sep = lang.words().time_separator;
    format!("{}{sep}{:02}", t.hour(), t.minute())
}

/// "donderdag 6 oktober 2022, 13.00–16.30 uur", the end left out when there is none.
pub(crate) fn event_span(lang: Lang, start: &Zoned, end: Option<&Zoned>) -> String {
    let mut out = format!(
        "{} {}",
        weekday(lang, start.weekday()),
        day(lang, start.date())
    );
    let suffix = lang.words().hour_suffix;
    match end {
        Some(end) if end.date() == start.date() => {
            out += &format!(
                ", {}–{}{suffix}",
                time(lang, start.time()),
                time(lang, end.time())
            );
        }
        Some(end) => {
            out += &format!(
                ", {}{suffix} – {} {}, {}{suffix}",
                time(lang, start.time()),
                weekday(lang, end.weekday()),
                day(lang, end.date()),
                time(lang, end.time())
            );
        }
        None => out += &format!(", {}{suffix}", time(lang, start.time())),
    }
    out
}

/// RFC 3339 with offset, for `<time datetime>`, feeds and sitemaps.
pub(crate) fn rfc3339(z: &Zoned) -> String {
    let (d, t) = (z.date(), z.time());
    if !(0..=9999).contains(&d.year()) {
        return z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    }
    // By hand: strftime parses its format on every call, and feeds and cards ask for
    // thousands of these per build.
    let offset = z.offset().seconds();
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs() / 60;
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        d.year(),
        d.month(),
        d.day(),
        t.hour(),
        t.minute(),
        t.second(),
        minutes / 60,
        minutes % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn zoned(y: i16, m: i8, d: i8, h: i8, min: i8) -> Zoned {
        date(y, m, d)
            .at(h, min, 0, 0)
            .in_tz("Europe/Amsterdam")
            .unwrap()
    }

    #[test]
    fn dutch_and_english_days() {
        assert_eq!(day(Lang::Nl, date(2022, 7, 18)), "18 juli 2022");
        assert_eq!(day(Lang::En, date(2022, 7, 18)), "18 July 2022");
    }

    #[test]
    fn dutch_event_span() {
        let start = zoned(2022, 10, 6, 13, 0);
        let end = zoned(2022, 10, 6, 16, 30);
        assert_eq!(
            event_span(Lang::Nl, &start, Some(&end)),
            "donderdag 6 oktober 2022, 13.00–16.30 uur"
        );
        assert_eq!(
            event_span(Lang::En, &start, None),
            "Thursday 6 October 2022, 13:00"
        );
    }

    #[test]
    fn rfc3339_has_the_offset() {
        assert_eq!(
            rfc3339(&zoned(2022, 7, 18, 0, 0)),
            "2022-07-18T00:00:00+02:00"
        );
        assert_eq!(
            rfc3339(&zoned(2022, 1, 3, 9, 5)),
            "2022-01-03T09:05:00+01:00"
        );
        let west = date(2024, 3, 1).at(23, 59, 7, 0).in_tz("America/St_Johns");
        let west = west.expect("a known zone");
        assert_eq!(
            rfc3339(&west),
            west.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
        );
        assert_eq!(rfc3339(&west), "2024-03-01T23:59:07-03:30");
    }
}
