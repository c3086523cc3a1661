//! The agenda at the build's "now": upcoming events soonest first, past events most recent
//! first, the archive of past events by year, and what an event page adds (its next meetings
//! and schema.org Event data).
//!
//! A series counts once, by the meeting shown for it: the next one while the series goes on,
//! else its last. `/agenda/` shows the upcoming events and the most recent [`RECENT_PAST`]
//! past ones; every year with past events gets an archive page, so no page grows without end.

use serde::Serialize;
use serde_json::{Value as Json, json};

use super::calendar;
use super::context::EventCard;
use crate::ground::repeat::{End, Every, On};
use crate::model::recurrence::Occurrence;
use crate::model::{Event, Site, dates};

/// How many past events `/agenda/` itself shows; older ones are in the year archives.
pub(crate) const RECENT_PAST: usize = 6;

/// How many meetings after the next one an event page of a series lists.
const NEXT_DATES: usize = 5;

/// Events, each with the meeting shown for it.
pub(crate) type Shown<'a> = Vec<(Occurrence, &'a Event)>;

/// Events with the meeting shown for each: upcoming soonest first, past most recent first.
pub(crate) fn timeline<'a>(
    events: impl Iterator<Item = &'a Event>,
    now: &jiff::ZonedDateTime,
) -> (Shown<'a>, Shown<'a>) {
    let mut upcoming = Vec::new();
    let mut past = Vec::new();
    for e in events {
        match e.occurrence_at(now) {
            (o, true) => upcoming.push((o, e)),
            (o, false) => past.push((o, e)),
        }
    }
    upcoming.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(a.1.slug.cmp(&b.1.slug)));
    past.sort_by(|a, b| b.0.start.cmp(&a.0.start).then(a.1.slug.cmp(&b.1.slug)));
    (upcoming, past)
}

fn cards<'a>(
    site: &'a Site,
    list: &[(Occurrence, &'a Event)],
    upcoming: bool,
) -> Vec<EventCard<'a>> {
    list.iter()
        .map(|(o, e)| EventCard::at(site, e, o, upcoming))
        .collect()
}

/// The cards of the upcoming events among `events`, soonest first, at most `limit`.
pub(crate) fn upcoming<'a>(
    site: &'a Site,
    events: impl Iterator<Item = &'a Event>,
    now: &jiff::ZonedDateTime,
    limit: usize,
) -> Vec<EventCard<'a>> {
    let (mut upcoming, _) = timeline(events, now);
    upcoming.truncate(limit);
    cards(site, &upcoming, true)
}

/// A year of the archive, as a link.
#[derive(Serialize, Hash)]
pub(crate) struct YearLink {
    pub year: i16,
    pub url: String,
    /// How many past events it lists.
    pub count: usize,
    /// Whether this is the year of the page it is shown on.
    pub current: bool,
}

/// The years that have past events at `now`, most recent first.
pub(crate) fn archive_years(site: &Site, now: &jiff::ZonedDateTime) -> Vec<i16> {
    let (_, past) = timeline(site.events.iter(), now);
    let mut years: Vec<i16> = past.iter().map(|(o, _)| o.start.year()).collect();
    years.dedup();
    years
}

fn year_links(site: &Site, past: &[(Occurrence, &Event)], current: Option<i16>) -> Vec<YearLink> {
    let mut links: Vec<YearLink> = Vec::new();
    for (o, _) in past {
        let year = o.start.year();
        match links.last_mut() {
            Some(link) if link.year == year => link.count += 1,
            _ => links.push(YearLink {
                year,
                url: year_url(site, year),
                count: 1,
                current: current == Some(year),
            }),
        }
    }
    links
}

/// `/agenda/2025/`.
pub(crate) fn year_url(site: &Site, year: i16) -> String {
    site.urls.item(&site.urls.routes.events, &year.to_string())
}

/// What `/agenda/` shows.
#[derive(Serialize, Hash)]
pub(crate) struct AgendaView<'a> {
    pub upcoming_events: Vec<EventCard<'a>>,
    /// The most recent past events, at most [`RECENT_PAST`].
    pub past_events: Vec<EventCard<'a>>,
    /// Whether there are more past events than `past_events` shows.
    pub more_past: bool,
    pub archive_years: Vec<YearLink>,
    /// The iCalendar file of every event.
    pub calendar_url: String,
}

pub(crate) fn agenda_view<'a>(site: &'a Site, now: &jiff::ZonedDateTime) -> AgendaView<'a> {
    let (upcoming, past) = timeline(site.events.iter(), now);
    let recent = &past[..past.len().min(RECENT_PAST)];
    AgendaView {
        upcoming_events: cards(site, &upcoming, true),
        past_events: cards(site, recent, false),
        more_past: past.len() > recent.len(),
        archive_years: year_links(site, &past, None),
        calendar_url: calendar::site_url(site),
    }
}

/// What the archive page of one year shows.
#[derive(Serialize, Hash)]
pub(crate) struct YearView<'a> {
    pub year: i16,
    /// The past events of that year, most recent first.
    pub events: Vec<EventCard<'a>>,
    pub archive_years: Vec<YearLink>,
    pub calendar_url: String,
}

pub(crate) fn year_view<'a>(site: &'a Site, now: &jiff::ZonedDateTime, year: i16) -> YearView<'a> {
    let (_, past) = timeline(site.events.iter(), now);
    let of_year: Vec<(Occurrence, &Event)> = past
        .iter()
        .filter(|(o, _)| o.start.year() == year)
        .cloned()
        .collect();
    YearView {
        year,
        events: cards(site, &of_year, false),
        archive_years: year_links(site, &past, Some(year)),
        calendar_url: calendar::site_url(site),
    }
}

/// One meeting of a series, for the list on its page.
#[derive(Serialize, Hash)]
pub(crate) struct MeetingView {
    pub when: String,
    pub start_iso: String,
}

/// The meetings of a series after the one shown, at most [`NEXT_DATES`]; none for one event.
pub(crate) fn next_meetings(site: &Site, e: &Event, now: &jiff::ZonedDateTime) -> Vec<MeetingView> {
    if e.repeat.is_none() || e.cancelled {
        return Vec::new();
    }
    let lang = site.config.lang;
    e.upcoming(now, NEXT_DATES + 1)
        .into_iter()
        .skip(1)
        .map(|o| MeetingView {
            when: dates::event_span(lang, &o.start, o.end.as_ref()),
            start_iso: dates::rfc3339(&o.start),
        })
        .collect()
}

/// schema.org Event data for the page of `e`, as JSON safe to put in a `<script>` element.
pub(crate) fn json_ld(site: &Site, e: &Event, now: &jiff::ZonedDateTime) -> String {
    let (shown, _) = e.occurrence_at(now);
    let url = calendar::absolute(site, &e.url);
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "url": url,
        "startDate": dates::rfc3339(&shown.start),
        "eventStatus": if e.cancelled {
            "https://schema.org/EventCancelled"
        } else {
            "https://schema.org/EventScheduled"
        },
        "eventAttendanceMode": match (e.location.is_some(), e.online) {
            (true, true) => "https://schema.org/MixedEventAttendanceMode",
            (false, true) => "https://schema.org/OnlineEventAttendanceMode",
            _ => "https://schema.org/OfflineEventAttendanceMode",
        },
    });
    let fields = data.as_object_mut().expect("built as an object");
    if let Some(end) = &shown.end {
        fields.insert("endDate".into(), dates::rfc3339(end).into());
    }
    if !e.summary.is_empty() {
        fields.insert("description".into(), e.summary.clone().into());
    }
    let mut places = Vec::new();
    if let Some(place) = &e.location {
        let mut p = json!({ "@type": "Place", "name": place.name });
        if let Some(address) = &place.address {
            p["address"] = address.clone().into();
        }
        places.push(p);
    }
    if e.online {
        places.push(json!({ "@type": "VirtualLocation", "url": url }));
    }
    match places.len() {
        0 => {}
        1 => {
            fields.insert("location".into(), places.remove(0));
        }
        _ => {
            fields.insert("location".into(), places.into());
        }
    }
    if !e.registration.is_empty() {
        let offers: Vec<Json> = e
            .registration
            .iter()
            .map(|r| {
                let mut offer = json!({ "@type": "Offer", "url": r.url });
                if e.full {
                    offer["availability"] = "https://schema.org/SoldOut".into();
                }
                if !r.label.is_empty() {
                    offer["name"] = r.label.clone().into();
                }
                offer
            })
            .collect();
        fields.insert("offers".into(), offers.into());
    }
    if let Some(schedule) = schedule(site, e) {
        fields.insert("eventSchedule".into(), schedule);
    }
    script_safe(&data.to_string())
}

/// The rule of a series as a schema.org Schedule.
fn schedule(site: &Site, e: &Event) -> Option<Json> {
    let rule = e.repeat.as_ref()?;
    let unit = match rule.every {
        Every::Week => 'W',
        Every::Month => 'M',
    };
    let day_url = |d: jiff::civil::Weekday| {
        format!(
            "https://schema.org/{}",
            dates::weekday(crate::words::Lang::En, d)
        )
    };
    let mut s = json!({
        "@type": "Schedule",
        "repeatFrequency": format!("P{}{unit}", rule.interval),
        "startDate": e.start.date().to_string(),
        "startTime": e.start.time().strftime("%H:%M").to_string(),
        "scheduleTimezone": site.config.timezone_name,
    });
    if let Some(end) = &e.end {
        s["endTime"] = end.time().strftime("%H:%M").to_string().into();
    }
    match (&rule.every, &rule.on) {
        (Every::Week, Some(On::Weekdays(days))) => {
            s["byDay"] = days.iter().map(|&d| day_url(d)).collect::<Vec<_>>().into();
        }
        (Every::Week, _) => s["byDay"] = day_url(e.start.weekday()).into(),
        (Every::Month, Some(On::NthWeekday(n, day))) => {
            s["byDay"] = day_url(*day).into();
            s["byMonthWeek"] = (*n).into();
        }
        (Every::Month, Some(On::MonthDay(d))) => s["byMonthDay"] = (*d).into(),
        (Every::Month, _) => s["byMonthDay"] = e.start.day().into(),
    }
    match rule.end {
        End::Count(n) => s["repeatCount"] = n.into(),
        End::Until(_) | End::Never => {}
    }
    if let Some(last) = e.last_day() {
        s["endDate"] = last.to_string().into();
    }
    if !rule.except.is_empty() {
        let days: Vec<String> = rule.except.iter().map(ToString::to_string).collect();
        s["exceptDate"] = days.into();
    }
    Some(s)
}

/// JSON that cannot end or confuse the `<script>` element it sits in; the line and paragraph
/// separators, which JSON allows in strings and older JavaScript does not, escaped too.
pub(crate) fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        assert_eq!(
            script_safe("{\"name\":\"</script><b>&\u{2028}\u{2029}\"}"),
            r#"{"name":"\u003c/script\u003e\u003cb\u003e\u0026\u2028\u2029"}"#
        );
    }
}
