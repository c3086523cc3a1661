//! English.

use super::{Every, InitFiles, RepeatPhrases, RouteWords, Scaffold, Words};

pub(super) const WORDS: Words = Words {
    code: "en",
    locale: "en_GB",
    table: "Table",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    weekdays_plural: [
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ],
    // "1.00 pm" would be odd on a Dutch-made site, so English uses "13:00".
    time_separator: ':',
    hour_suffix: "",
    and: " and ",
    numbers: [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ],
    ordinals: ["first", "second", "third", "fourth", "fifth", "last"],
    day_number: |n| {
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    },
    every: Every {
        week: &["week", "weekly"],
        month: &["month", "monthly"],
    },
    repeat: RepeatPhrases {
        weekly: "every {days}",
        weekly_n: "every {n} weeks on {days}",
        monthly_weekday: "every {which} of the month",
        monthly_weekday_n: "every {n} months on the {which}",
        monthly_day: "on the {day} of every month",
        monthly_day_n: "every {n} months on the {day}",
        until: "until {date}",
    },
    routes: RouteWords {
        stories: "stories",
        neighbourhoods: "neighbourhoods",
        kinds: "themes",
        tags: "tags",
        people: "people",
        events: "events",
        search: "search",
        page: "page",
        paper: "newsletter",
    },
    online: "Online",
    qr_code: "QR code",
    default_title: "Neighbourhood stories",
    kind_labels: ["Meeting", "Mural", "Garden"],
    vague_links: &[
        "click here",
        "click",
        "here",
        "read more",
        "more",
        "more info",
        "this link",
    ],
    scaffold: Scaffold {
        one_of: "one of:",
        summary: "one or two sentences for cards; empty: the first paragraph",
        story_body: "<!-- Write your story here. What happened, who was there, and why does it matter? Use short sentences and headings with ##. Readers do not see this line. -->",
        event_body: "<!-- Write here what there is to do, for whom, and what people should bring. Readers do not see this line. -->",
        location: "# Where? Remove the # before the three lines below and fill them in.\n# location:\n#   name: Buurthuis De Stuiver\n#   address: Dukaatstraat 1, Nieuwegein\n",
    },
    init: InitFiles {
        plein_yaml: include_str!("../commands/init/en/plein.yaml"),
        story: (
            "content/stories/a-bookcase-at-the-bus-stop.md",
            include_str!("../commands/init/en/story.md"),
        ),
        event: (
            "content/events/book-swap-at-the-little-library.md",
            include_str!("../commands/init/en/event.md"),
        ),
        neighbourhood: (
            "content/neighbourhoods/lindenbuurt.md",
            include_str!("../commands/init/en/neighbourhood.md"),
        ),
        person: (
            "content/people/anouk-jansen.md",
            include_str!("../commands/init/en/person.md"),
        ),
    },
};
