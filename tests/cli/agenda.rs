//! The agenda (issue 6) on tests/sites/agenda: order around a fixed `--now`, the archive by
//! year, event pages in Dutch, recurring meetings across daylight saving, calendar files read
//! by Python's icalendar package (tests/calendar_check.py), and the agenda's errors.

use std::path::PathBuf;
use std::process::Command;

use crate::errors::fails_with;
use crate::support::*;

fn agenda_at(now: &str) -> Site {
    let site = Site::copy("agenda");
    site.plein(&["build", "--now", now]).ok();
    site
}

/// The slugs of the event cards under the heading with id `heading`, in order.
fn cards_under(html: &str, heading: &str) -> Vec<String> {
    let start = html
        .find(&format!("id=\"{heading}\""))
        .unwrap_or_else(|| panic!("no heading {heading}"));
    let section = &html[start..];
    let section = &section[..section.find("</section>").expect("section ends")];
    section
        .split("class=\"event-card__title\"><a class=\"event-card__link\" href=\"/agenda/")
        .skip(1)
        .map(|rest| rest.split('/').next().unwrap().to_string())
        .collect()
}

/// The schema.org data of an event page.
fn json_ld(html: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).expect("JSON-LD on the page") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

#[test]
fn upcoming_soonest_first_then_past_most_recent_first() {
    let site = agenda_at("2026-11-25T12:00:00Z");
    let agenda = site.page("agenda/index.html");
    assert_eq!(
        cards_under(&agenda, "p-agenda-upcoming"),
        [
            "lange-avond",
            "kerstmarkt",
            "online-spreekuur",
            "buurtoverleg"
        ]
    );
    assert_eq!(
        cards_under(&agenda, "p-agenda-past"),
        ["najaarsdag", "voorjaarsdag", "schilderdag"]
    );
    assert!(
        agenda.contains(
            "href=\"/agenda/2025/\">2025 <span class=\"term__count\">2 activiteiten</span>"
        ),
        "archive link"
    );
    assert!(
        agenda.contains("href=\"/agenda.ics\""),
        "the calendar of every event"
    );
    let y2025 = site.page("agenda/2025/index.html");
    assert_eq!(
        cards_under(&y2025, "p-agenda-year"),
        ["najaarsdag", "voorjaarsdag"]
    );
    assert!(y2025.contains("<h1>Geweest in 2025</h1>"));
    assert!(y2025.contains("href=\"/agenda/2025/\" aria-current=\"page\""));
    assert_eq!(
        cards_under(&site.page("agenda/2024/index.html"), "p-agenda-year"),
        ["schilderdag"]
    );
    assert!(
        !site.public().join("agenda/2026").exists(),
        "no past events in 2026 yet"
    );
    let home = site.page("index.html");
    assert_eq!(
        cards_under(&home, "p-upcoming"),
        ["lange-avond", "kerstmarkt", "online-spreekuur"],
        "the home page shows the next three"
    );
}

#[test]
fn a_series_moves_along_with_now_and_ends_in_the_past() {
    let site = agenda_at("2027-03-20T12:00:00Z");
    let agenda = site.page("agenda/index.html");
    assert_eq!(cards_under(&agenda, "p-agenda-upcoming"), ["buurtoverleg"]);
    assert!(
        agenda.contains("dinsdag 23 maart 2027, 19.30–21.00 uur"),
        "the next meeting"
    );
    assert_eq!(
        cards_under(&agenda, "p-agenda-past"),
        [
            "online-spreekuur",
            "kerstmarkt",
            "lange-avond",
            "najaarsdag",
            "voorjaarsdag",
            "schilderdag"
        ],
        "a finished series is past, by its last meeting"
    );
    assert!(
        agenda.contains("zaterdag 13 maart 2027, 10.00–11.00 uur"),
        "the last meeting"
    );
    assert_eq!(
        cards_under(&site.page("agenda/2026/index.html"), "p-agenda-year"),
        ["kerstmarkt", "lange-avond"]
    );
    // An event going on is still upcoming: 21.00 local, during the long evening.
    let during = agenda_at("2026-11-25T20:00:00Z");
    let agenda = during.page("agenda/index.html");
    assert_eq!(cards_under(&agenda, "p-agenda-upcoming")[0], "lange-avond");
}

/// A weekly Tuesday 19.30 meeting stays at 19.30 in Amsterdam over both clock changes of 2027
/// (28 March and 31 October); only its UTC offset changes.
#[test]
fn recurring_meetings_keep_their_local_time_across_daylight_saving() {
    for (now, day, iso) in [
        (
            "2027-03-24T12:00:00Z",
            "dinsdag 30 maart 2027",
            "2027-03-30T19:30:00+02:00",
        ),
        (
            "2027-10-20T12:00:00Z",
            "dinsdag 26 oktober 2027",
            "2027-10-26T19:30:00+02:00",
        ),
        (
            "2027-10-27T12:00:00Z",
            "dinsdag 2 november 2027",
            "2027-11-02T19:30:00+01:00",
        ),
    ] {
        let site = agenda_at(now);
        let page = site.page("agenda/buurtoverleg/index.html");
        let expected = format!("<time datetime=\"{iso}\">{day}, 19.30–21.00 uur</time>");
        assert!(page.contains(&expected), "{now}: expected {expected}");
    }
    let site = agenda_at("2026-11-25T12:00:00Z");
    let page = site.page("agenda/buurtoverleg/index.html");
    for (iso, day) in [
        ("2027-03-23T19:30:00+01:00", "dinsdag 23 maart 2027"),
        ("2027-03-30T19:30:00+02:00", "dinsdag 30 maart 2027"),
        ("2027-04-20T19:30:00+02:00", "dinsdag 20 april 2027"),
    ] {
        let meeting = format!("<li><time datetime=\"{iso}\">{day}, 19.30–21.00 uur</time></li>");
        assert!(page.contains(&meeting), "next meetings list {meeting}");
    }
}

/// `except: [2027-04-27]` (Koningsdag): the series skips that Tuesday in the agenda, on its
/// page, in its schema.org data and, as EXDATE, in its calendar file.
#[test]
fn a_series_skips_its_except_dates() {
    let site = agenda_at("2027-04-21T12:00:00Z");
    let agenda = site.page("agenda/index.html");
    assert!(
        agenda.contains("dinsdag 4 mei 2027, 19.30–21.00 uur"),
        "the next meeting after 20 April is 4 May"
    );
    let page = site.page("agenda/buurtoverleg/index.html");
    assert!(!page.contains("27 april 2027"), "no meeting on Koningsdag");
    assert!(page.contains("dinsdag 11 mei 2027, 19.30–21.00 uur"));
    assert_eq!(
        json_ld(&page)["eventSchedule"]["exceptDate"],
        serde_json::json!(["2027-04-27"])
    );
    let ics = site.page("agenda/buurtoverleg.ics");
    assert!(
        ics.contains("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20271109T225959Z\r\nEXDATE;TZID=Europe/Amsterdam:20270427T193000\r\n"),
        "{ics}"
    );
}

#[test]
fn event_pages_in_dutch_with_calendar_link_stories_and_schema_org() {
    let site = agenda_at("2026-11-25T12:00:00Z");
    let page = site.page("agenda/buurtoverleg/index.html");
    for expected in [
        "<dt>Volgende keer</dt>",
        "dinsdag 16 maart 2027, 19.30–21.00 uur",
        "<dt>Hoe vaak</dt>",
        "<dd>Elke dinsdag, 19.30 uur, tot en met 9 november 2027</dd>",
        "Het Buurthuis<br>Marktplein 1, Nieuwegein",
        "<a href=\"/agenda/buurtoverleg.ics\">Zet in je agenda</a>",
        "href=\"/verhalen/over-het-overleg/\"",
    ] {
        assert!(page.contains(expected), "buurtoverleg: {expected}");
    }
    let data = json_ld(&page);
    assert_eq!(data["@type"], "Event");
    assert_eq!(data["name"], "Buurtoverleg op dinsdag");
    assert_eq!(data["startDate"], "2027-03-16T19:30:00+01:00");
    assert_eq!(data["endDate"], "2027-03-16T21:00:00+01:00");
    assert_eq!(data["location"]["address"], "Marktplein 1, Nieuwegein");
    assert_eq!(data["eventSchedule"]["repeatFrequency"], "P1W");
    assert_eq!(
        data["eventSchedule"]["byDay"][0],
        "https://schema.org/Tuesday"
    );
    assert_eq!(data["eventSchedule"]["endDate"], "2027-11-09");
    assert_eq!(data["url"], "https://wijk.example.nl/agenda/buurtoverleg/");

    let evening = site.page("agenda/lange-avond/index.html");
    assert!(evening.contains("woensdag 25 november 2026, 18.00–22.30 uur"));
    assert!(evening.contains("Op locatie en online"));
    assert!(evening.contains(
        "<a class=\"button\" href=\"https://example.org/aanmelden?avond=lang&amp;taal=nl\">Aanmelden, ook voor online</a>"
    ));
    let data = json_ld(&evening);
    assert_eq!(
        data["eventAttendanceMode"],
        "https://schema.org/MixedEventAttendanceMode"
    );
    assert_eq!(data["location"][1]["@type"], "VirtualLocation");

    let cancelled = site.page("agenda/kerstmarkt/index.html");
    assert!(cancelled.contains("Deze activiteit gaat niet door."));
    assert_eq!(
        json_ld(&cancelled)["eventStatus"],
        "https://schema.org/EventCancelled"
    );
    let online = site.page("agenda/online-spreekuur/index.html");
    assert!(
        online.contains(">Aanmelden</a>"),
        "a link without a label gets the theme's word"
    );
    assert!(
        online.contains("Elke tweede zaterdag van de maand, 10.00 uur, tot en met 13 maart 2027")
    );
}

/// tests/calendar_check.py reads the calendar files with the `icalendar` package and checks
/// every field, the folding and the escaping; see there.
#[test]
fn calendar_files_pass_an_independent_parser() {
    let site = agenda_at("2026-11-25T12:00:00Z");
    let python = python();
    let out = Command::new(&python)
        .arg(repo().join("tests/calendar_check.py"))
        .arg(site.public())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}; {FIX}", python.display()));
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "calendar_check.py failed:\n{log}");
    assert!(log.contains("7 events checked"), "{log}");
}

const FIX: &str = "run scripts/test, which installs Python's icalendar into target/python";

/// The Python with icalendar: PLEIN_PYTHON, else the virtual environment scripts/test makes.
fn python() -> PathBuf {
    let python = std::env::var_os("PLEIN_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/python/bin/python3"));
    let ok = Command::new(&python)
        .args(["-c", "import icalendar, dateutil"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "{} cannot import icalendar; {FIX}", python.display());
    python
}

#[test]
fn calendar_files_are_the_same_bytes_for_the_same_content() {
    let calendars = |site: &Site| -> Vec<(PathBuf, Vec<u8>)> {
        tree(&site.public())
            .into_iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "ics"))
            .collect()
    };
    let first = calendars(&agenda_at("2026-11-25T12:00:00Z"));
    assert_eq!(first.len(), 8, "agenda.ics and one per event");
    let later = calendars(&agenda_at("2027-06-01T08:00:00Z"));
    assert_eq!(
        first, later,
        "the moment of the build is not in the calendars"
    );
    let text = String::from_utf8(first[0].1.clone()).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
}

#[test]
fn english_sites_use_the_events_route() {
    let site = Site::copy("agenda");
    site.write(
        "plein.yaml",
        "title: Events\nbase_url: https://wijk.example.nl/\nlanguage: en\n",
    );
    site.plein(&["build", "--now", "2026-11-25T12:00:00Z"]).ok();
    let calendar = site.page("events.ics");
    assert!(calendar.contains("UID:events-buurtoverleg@wijk.example.nl\r\n"));
    assert!(calendar.contains("PRODID:-//plein//NONSGML plein//EN\r\n"));
    assert!(site.public().join("events/buurtoverleg.ics").is_file());
    let page = site.page("events/buurtoverleg/index.html");
    assert!(page.contains("Every Tuesday, 19:30, until 9 November 2027"));
    assert!(page.contains("Tuesday 16 March 2027, 19:30–21:00"));
    assert!(page.contains("href=\"/events/buurtoverleg.ics\""));
    assert!(site.public().join("events/2025/index.html").is_file());
}

#[test]
fn an_unparsable_repeat_rule() {
    fails_with(
        "bad_repeat",
        &[
            "content/events/elke-week.md:6:7: fout: `dinsdga` is geen dag van de week (bedoel je `dinsdag`?)",
        ],
    );
}

#[test]
fn a_series_that_starts_off_its_rule() {
    fails_with(
        "repeat_off_rule",
        &[
            "content/events/verkeerde-dag.md:3:8: fout: de activiteit begint op woensdag 5 juni 2024, maar dat is geen dag van de herhaling (elke dinsdag, 19.30 uur)",
        ],
    );
}

/// A skipped day that the series would not meet on is a mistake (a wrong day or month), told
/// at the `repeat` key; a skipped day that is no date is told at its line.
#[test]
fn except_dates_must_be_days_of_the_series() {
    fails_with(
        "except_off_rule",
        &[
            "content/events/koningsdag.md:4:8: fout: 2027-04-28 bij `except` is geen dag van de herhaling (elke dinsdag, 19.30 uur)",
        ],
    );
    fails_with(
        "bad_except",
        &[
            "content/events/zomer.md:6:",
            "zomer.md:6:11: fout: `zomervakantie` bij `except` is geen datum",
        ],
    );
}

#[test]
fn a_registration_link_without_a_url() {
    fails_with(
        "registration_without_url",
        &["content/events/zonder-adres.md:5:3: fout: de aanmeldlink `Aanmelden` heeft geen `url`"],
    );
}

#[test]
fn an_unknown_time_zone() {
    fails_with(
        "unknown_timezone",
        &["plein.yaml:2:11: fout: onbekende tijdzone `Europe/Amsterdm`"],
    );
}

#[test]
fn an_event_slug_that_is_a_year() {
    fails_with(
        "year_slug",
        &[
            "content/events/2024.md:1:1: fout: het adres `2024` van de activiteit is een getal, maar /agenda/2024/ is de agenda van dat jaar",
        ],
    );
}
