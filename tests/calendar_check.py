#!/usr/bin/env python3
"""Checks the iCalendar files plein wrote for tests/sites/agenda with an independent parser.

    python tests/calendar_check.py <public-folder>

Parses /agenda.ics and two per-event files with the `icalendar` package (RFC 5545), expands the
RRULEs with dateutil, and checks every field of every event against what the fixture's front
matter says. Also checks the raw bytes: CRLF line ends only, lines of at most 75 octets, valid
UTF-8 that folding never split. Prints each failure and exits 1 when there is one; 2 when it
cannot run (a package is missing: scripts/test installs them into target/python).
"""

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

try:
    import icalendar
    from dateutil.rrule import rruleset, rrulestr
    from zoneinfo import ZoneInfo
except ImportError as e:  # pragma: no cover
    print(f"calendar_check: {e}; run scripts/test, which installs icalendar into target/python")
    sys.exit(2)

AMS = ZoneInfo("Europe/Amsterdam")
SITE = "https://wijk.example.nl"
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def local(y, mo, d, h, mi):
    return datetime(y, mo, d, h, mi, tzinfo=AMS)


# What each event of tests/sites/agenda must say. DESCRIPTION is the summary (by default the
# first paragraph), the registration links and the page's address, separated by blank lines.
EVENTS = {
    "agenda-buurtoverleg@wijk.example.nl": {
        "SUMMARY": "Buurtoverleg op dinsdag",
        "DTSTART": local(2027, 3, 16, 19, 30),
        "DTEND": local(2027, 3, 16, 21, 0),
        "DESCRIPTION": "Elke week praten we over wat er speelt in de straat.\n\n"
        + f"{SITE}/agenda/buurtoverleg/",
        "LOCATION": "Het Buurthuis, Marktplein 1, Nieuwegein",
        "CATEGORIES": ["Muntenbuurt"],
        "URL": f"{SITE}/agenda/buurtoverleg/",
        "STATUS": "CONFIRMED",
        # The last second of the until day, in UTC.
        "DTSTAMP": datetime(2027, 11, 9, 22, 59, 59, tzinfo=timezone.utc),
        "RRULE": {"FREQ": ["WEEKLY"], "BYDAY": ["TU"], "UNTIL": [datetime(2027, 11, 9, 22, 59, 59, tzinfo=timezone.utc)]},
    },
    "agenda-kerstmarkt@wijk.example.nl": {
        "SUMMARY": "Kerstmarkt op het plein",
        "DTSTART": local(2026, 12, 12, 14, 0),
        "DTEND": local(2026, 12, 12, 16, 0),
        "DESCRIPTION": "De kerstmarkt gaat dit jaar niet door.\n\n" + f"{SITE}/agenda/kerstmarkt/",
        "LOCATION": "Het plein",
        "URL": f"{SITE}/agenda/kerstmarkt/",
        "STATUS": "CANCELLED",
        "DTSTAMP": datetime(2026, 12, 12, 15, 0, tzinfo=timezone.utc),
    },
    "agenda-lange-avond@wijk.example.nl": {
        "SUMMARY": "Lange avond: koken, eten; praten",
        "DTSTART": local(2026, 11, 25, 18, 0),
        "DTEND": local(2026, 11, 25, 22, 30),
        "DESCRIPTION": "Een avond over één ding: samen eten. We koken met z'n allen, ook als je "
        "niet kunt koken; daarna praten we over de buurt, de crèche, het café en de toekomst. "
        "Neem een schort mee, en een backslash \\ voor de test.\n\n"
        "Aanmelden, ook voor online: https://example.org/aanmelden?avond=lang&taal=nl\n\n"
        + f"{SITE}/agenda/lange-avond/",
        "LOCATION": "Café 't Hoekje, achterzaal, Dorpsstraat 3; ingang naast de bakker, Nieuwegein",
        "CATEGORIES": ["Muntenbuurt", "Zuilenstein"],
        "URL": f"{SITE}/agenda/lange-avond/",
        "STATUS": "CONFIRMED",
        "DTSTAMP": datetime(2026, 11, 25, 21, 30, tzinfo=timezone.utc),
    },
    "agenda-online-spreekuur@wijk.example.nl": {
        "SUMMARY": "Online spreekuur",
        "DTSTART": local(2027, 1, 9, 10, 0),
        "DTEND": local(2027, 1, 9, 11, 0),
        "DESCRIPTION": "Stel je vraag.\n\nhttps://example.org/spreekuur\n\n"
        + f"{SITE}/agenda/online-spreekuur/",
        "LOCATION": "Online",
        "URL": f"{SITE}/agenda/online-spreekuur/",
        "STATUS": "CONFIRMED",
        "DTSTAMP": datetime(2027, 1, 9, 10, 0, tzinfo=timezone.utc),
        "RRULE": {"FREQ": ["MONTHLY"], "BYDAY": ["2SA"], "COUNT": [3]},
    },
    "agenda-voorjaarsdag@wijk.example.nl": {
        "SUMMARY": "Voorjaarsdag in de tuin",
        "DTSTART": local(2025, 4, 12, 10, 0),
        "DTEND": local(2025, 4, 12, 15, 0),
        "DESCRIPTION": "Zaaien.\n\n" + f"{SITE}/agenda/voorjaarsdag/",
        "LOCATION": "De Zuil",
        "URL": f"{SITE}/agenda/voorjaarsdag/",
        "STATUS": "CONFIRMED",
        "DTSTAMP": datetime(2025, 4, 12, 13, 0, tzinfo=timezone.utc),
    },
    "agenda-najaarsdag@wijk.example.nl": {
        "SUMMARY": "Najaarsdag in de tuin",
        "DTSTART": local(2025, 10, 11, 10, 0),
        "DTEND": local(2025, 10, 11, 15, 0),
        "DESCRIPTION": "Oogsten.\n\n" + f"{SITE}/agenda/najaarsdag/",
        "LOCATION": "De Zuil",
        "URL": f"{SITE}/agenda/najaarsdag/",
        "STATUS": "CONFIRMED",
        "DTSTAMP": datetime(2025, 10, 11, 13, 0, tzinfo=timezone.utc),
    },
    "agenda-schilderdag@wijk.example.nl": {
        "SUMMARY": "Schilderdag",
        "DTSTART": local(2024, 6, 22, 10, 0),
        "DTEND": local(2024, 6, 22, 16, 0),
        "DESCRIPTION": "Verven.\n\n" + f"{SITE}/agenda/schilderdag/",
        "LOCATION": "Florijnflat",
        "URL": f"{SITE}/agenda/schilderdag/",
        "STATUS": "CONFIRMED",
        "DTSTAMP": datetime(2024, 6, 22, 14, 0, tzinfo=timezone.utc),
    },
}


def check_bytes(path):
    data = path.read_bytes()
    name = path.name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        failures.append(f"{name}: not UTF-8: {e}")
        return
    check(data.endswith(b"\r\n"), f"{name}: does not end with CRLF")
    lines = data.split(b"\r\n")[:-1]
    check(b"\n" not in data.replace(b"\r\n", b""), f"{name}: a line ends in a bare LF")
    check(b"\r" not in data.replace(b"\r\n", b""), f"{name}: a bare CR")
    for i, line in enumerate(lines, 1):
        check(len(line) <= 75, f"{name}:{i}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failures.append(f"{name}:{i}: folding split a UTF-8 character")
    folded = sum(1 for line in lines if line.startswith(b" "))
    return folded


def check_timezone(cal, name, since):
    """The VTIMEZONE gives Amsterdam's offsets for every moment from the year `since` on."""
    zones = cal.walk("VTIMEZONE")
    equal(len(zones), 1, f"{name}: VTIMEZONE count")
    if not zones:
        return
    zone = zones[0]
    equal(str(zone["TZID"]), "Europe/Amsterdam", f"{name}: TZID")
    # The VTIMEZONE alone, not the name, must give Amsterdam's offsets on both sides of each change.
    tz = zone.to_tz(lookup_tzid=False)
    for moment in [
        datetime(2024, 6, 22, 10), datetime(2025, 1, 15, 12), datetime(2025, 4, 12, 10),
        datetime(2025, 10, 11, 10), datetime(2026, 3, 28, 12), datetime(2026, 3, 30, 12),
        datetime(2026, 11, 25, 18), datetime(2027, 3, 27, 12), datetime(2027, 3, 29, 12),
        datetime(2027, 10, 30, 12), datetime(2027, 11, 1, 12), datetime(2031, 7, 1, 12),
    ]:
        if moment.year < since:
            continue
        want = moment.replace(tzinfo=AMS).utcoffset()
        got = moment.replace(tzinfo=tz).utcoffset()
        equal(got, want, f"{name}: VTIMEZONE offset at {moment:%Y-%m-%d %H:%M}")


def check_event(ev, uid, name):
    want = EVENTS[uid]
    where = f"{name} {uid}"
    for key in ["SUMMARY", "DESCRIPTION", "LOCATION", "URL", "STATUS"]:
        equal(str(ev.get(key)), want[key], f"{where}: {key}")
    for key in ["DTSTART", "DTEND"]:
        prop = ev.get(key)
        if prop is None:
            failures.append(f"{where}: no {key}")
            continue
        equal(prop.params.get("TZID"), "Europe/Amsterdam", f"{where}: {key} TZID")
        dt = prop.dt
        check(dt.tzinfo is not None, f"{where}: {key} has no time zone")
        equal(dt.astimezone(timezone.utc), want[key].astimezone(timezone.utc), f"{where}: {key}")
        equal(dt.astimezone(AMS).strftime("%H:%M"), want[key].strftime("%H:%M"), f"{where}: {key} local time")
    equal(ev.decoded("DTSTAMP"), want["DTSTAMP"], f"{where}: DTSTAMP")
    categories = ev.get("CATEGORIES")
    got = [str(c) for c in categories.cats] if categories is not None else []
    equal(got, want.get("CATEGORIES", []), f"{where}: CATEGORIES")
    rule = ev.get("RRULE")
    if "RRULE" in want:
        if rule is None:
            failures.append(f"{where}: no RRULE")
        else:
            for part, value in want["RRULE"].items():
                equal(rule.get(part), value, f"{where}: RRULE {part}")
    else:
        check(rule is None, f"{where}: an RRULE on a single event")


def expand(ev):
    """Every start of the series, as dateutil expands the RRULE from DTSTART, less its EXDATEs."""
    start = ev.decoded("DTSTART")
    rule = ev.get("RRULE").to_ical().decode()
    series = rruleset()
    series.rrule(rrulestr(rule, dtstart=start))
    skipped = ev.get("EXDATE")
    for prop in skipped if isinstance(skipped, list) else [skipped] if skipped else []:
        for day in prop.dts:
            series.exdate(day.dt)
    return list(series)


def check_series(events, name):
    tuesdays = expand(events["agenda-buurtoverleg@wijk.example.nl"])
    # 35 Tuesdays from 16 March to 9 November 2027, less Koningsdag (`except: [2027-04-27]`).
    equal(len(tuesdays), 34, f"{name}: meetings of the Tuesday series")
    check(
        all(t.date().isoformat() != "2027-04-27" for t in tuesdays),
        f"{name}: the series meets on Koningsdag, which it skips",
    )
    exdate = events["agenda-buurtoverleg@wijk.example.nl"].get("EXDATE")
    check(exdate is not None, f"{name}: no EXDATE for the skipped day")
    if exdate is not None and not isinstance(exdate, list):
        equal(exdate.params.get("TZID"), "Europe/Amsterdam", f"{name}: EXDATE TZID")
        equal([d.dt for d in exdate.dts], [local(2027, 4, 27, 19, 30)], f"{name}: EXDATE")
    for t in tuesdays:
        loc = t.astimezone(AMS)
        check(
            (loc.weekday(), loc.hour, loc.minute) == (1, 19, 30),
            f"{name}: a meeting at {loc.isoformat()}, not Tuesday 19:30 local",
        )
    utc_times = {t.date().isoformat(): t.astimezone(timezone.utc).strftime("%H:%M") for t in tuesdays}
    # The clocks change on 28 March and 31 October 2027: UTC time moves, local time stays.
    for day, want in [("2027-03-23", "18:30"), ("2027-03-30", "17:30"), ("2027-10-26", "17:30"), ("2027-11-02", "18:30"), ("2027-11-09", "18:30")]:
        equal(utc_times.get(day), want, f"{name}: UTC time of the meeting on {day}")
    saturdays = expand(events["agenda-online-spreekuur@wijk.example.nl"])
    equal(
        [s.date().isoformat() for s in saturdays],
        ["2027-01-09", "2027-02-13", "2027-03-13"],
        f"{name}: second Saturdays",
    )


def parse(path):
    try:
        return icalendar.Calendar.from_ical(path.read_bytes())
    except Exception as e:  # the parser's own complaint is the finding
        failures.append(f"{path.name}: icalendar cannot parse it: {e}")
        return None


def check_calendar(path, uids):
    name = str(path)
    folded = check_bytes(path)
    cal = parse(path)
    if cal is None:
        return None, folded
    equal(str(cal.get("VERSION")), "2.0", f"{name}: VERSION")
    check(str(cal.get("PRODID", "")).startswith("-//plein//"), f"{name}: PRODID {cal.get('PRODID')!r}")
    first_year = min(ev.decoded("DTSTART").year for ev in cal.walk("VEVENT"))
    check_timezone(cal, name, first_year)
    events = {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}
    equal(len(cal.walk("VEVENT")), len(events), f"{name}: UIDs are not unique")
    equal(sorted(events), sorted(uids), f"{name}: events")
    for uid, ev in events.items():
        if uid in EVENTS:
            check_event(ev, uid, name)
    return events, folded


def main():
    public = Path(sys.argv[1])
    events, folded = check_calendar(public / "agenda.ics", EVENTS.keys())
    check(folded and folded > 0, "agenda.ics: no line was folded; the long description should be")
    if events:
        check_series(events, "agenda.ics")
    for slug in ["buurtoverleg", "lange-avond", "kerstmarkt"]:
        uid = f"agenda-{slug}@wijk.example.nl"
        one, _ = check_calendar(public / "agenda" / f"{slug}.ics", [uid])
        if one and events:
            equal(one[uid].to_ical(), events[uid].to_ical(), f"agenda/{slug}.ics: the same event as in agenda.ics")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"calendar_check: {len(EVENTS)} events checked with icalendar {icalendar.__version__}")


if __name__ == "__main__":
    main()
