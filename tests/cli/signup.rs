//! Issue 17: whether to sign up, on every agenda card, event page, story and buurtkrant entry;
//! the share row and the invitation to tell a story; QR codes in the buurtkrant.

use crate::support::*;

const NOW: &str = "2026-11-25T12:00:00Z";

/// The agenda fixture with a full event and a story that announces an upcoming one.
fn agenda_with_full_event() -> Site {
    let site = Site::copy("agenda");
    site.write(
        "content/events/repair-cafe.md",
        "---\ntitle: Repair Café\nstart: 2026-12-05T10:00\nend: 2026-12-05T13:00\nfull: true\n\
         location: { name: Het Buurthuis }\nregistration:\n  - { label: Aanmelden, url: https://example.org/repair }\n---\nSamen repareren.\n",
    );
    site.write(
        "content/stories/kom-koken.md",
        "---\ntitle: Kom koken\ndate: 2026-11-01\nevents: [lange-avond]\n---\nWe koken samen.\n\nEn daarna praten we.\n",
    );
    site.write(
        "plein.yaml",
        "title: Wijkagenda\nbase_url: https://wijk.example.nl/\nlanguage: nl\ntimezone: Europe/Amsterdam\ncontact: redactie@wijk.example.nl\n",
    );
    site.plein(&["build", "--now", NOW]).ok();
    site
}

/// The event cards of a page, each as its HTML.
fn cards(html: &str) -> Vec<&str> {
    html.split("<article class=\"event-card")
        .skip(1)
        .map(|rest| &rest[..rest.find("</article>").expect("a card ends")])
        .collect()
}

#[test]
fn every_agenda_card_says_whether_to_sign_up() {
    let site = agenda_with_full_event();
    let agenda = site.page("agenda/index.html");
    let all = cards(&agenda);
    assert!(all.len() >= 8, "{} cards", all.len());
    for card in &all {
        assert!(
            card.contains("class=\"signup signup--"),
            "no sign-up state: {card}"
        );
        // One link to the event covers the whole card; the chips are links beside it.
        assert_eq!(
            card.matches("class=\"event-card__link\"").count(),
            1,
            "{card}"
        );
    }
    let state = |slug: &str| -> String {
        let card = all
            .iter()
            .find(|c| c.contains(&format!("href=\"/agenda/{slug}/\"")))
            .unwrap_or_else(|| panic!("no card for {slug}"));
        let at = card.find("class=\"signup ").expect("a state");
        let text = &card[at..];
        let text = &text[text.find('>').unwrap() + 1..];
        text[..text.find('<').unwrap()].to_string()
    };
    assert_eq!(state("lange-avond"), "Aanmelden nodig");
    assert_eq!(state("buurtoverleg"), "Vrije inloop");
    assert_eq!(state("kerstmarkt"), "Gaat niet door");
    assert_eq!(state("repair-cafe"), "Vol");
    assert_eq!(state("schilderdag"), "Geweest");
}

#[test]
fn a_full_event_says_so_and_offers_no_sign_up() {
    let site = agenda_with_full_event();
    let page = site.page("agenda/repair-cafe/index.html");
    assert!(
        page.contains("Vol: je kunt je niet meer aanmelden."),
        "{}",
        main_of(&page)
    );
    assert!(
        !page.contains("class=\"button\" href=\"https://example.org/repair\""),
        "no sign-up button when full"
    );
    assert!(
        page.contains("https://schema.org/SoldOut"),
        "full in the schema.org offer"
    );
}

#[test]
fn a_cancelled_event_offers_no_calendar() {
    let site = agenda_with_full_event();
    let page = site.page("agenda/kerstmarkt/index.html");
    assert!(page.contains("Deze activiteit gaat niet door."));
    assert!(
        !page.contains("Zet in je eigen agenda")
            && !page.contains("href=\"/agenda/kerstmarkt.ics\""),
        "{}",
        main_of(&page)
    );
    let open = site.page("agenda/lange-avond/index.html");
    assert!(open.contains("href=\"/agenda/lange-avond.ics\""));
}

#[test]
fn the_sign_up_button_comes_before_the_event_text() {
    let site = agenda_with_full_event();
    let page = site.page("agenda/lange-avond/index.html");
    let button = page
        .find("href=\"https://example.org/aanmelden?avond=lang&amp;taal=nl\"")
        .expect("the button");
    let lede = page.find("class=\"lede\"").expect("the summary");
    assert!(button < lede, "the button comes before the summary");
}

#[test]
fn a_story_announces_its_upcoming_event_near_the_top() {
    let site = agenda_with_full_event();
    let page = site.page("verhalen/kom-koken/index.html");
    let page = main_of(&page);
    let top = page
        .find("class=\"cta cta--top")
        .expect("a Doe mee box at the top");
    let body = page.find("We koken samen.").expect("the body");
    assert!(top < body, "the box comes before the story text");
    assert!(page[top..body].contains("Aanmelden nodig"));
}

#[test]
fn stories_and_events_have_a_share_row_without_other_hosts_scripts() {
    let site = agenda_with_full_event();
    for (rel, url, title) in [
        (
            "verhalen/kom-koken/index.html",
            "https://wijk.example.nl/verhalen/kom-koken/",
            "Kom koken",
        ),
        (
            "agenda/lange-avond/index.html",
            "https://wijk.example.nl/agenda/lange-avond/",
            "Lange avond",
        ),
    ] {
        let page = site.page(rel);
        let share = &page[page
            .find("class=\"share\"")
            .unwrap_or_else(|| panic!("{rel}: no share row"))..];
        let share = &share[..share.find("</section>").expect("the share row ends")];
        assert!(
            share.contains(&format!("href=\"{url}\"")),
            "{rel}: copy link is a plain link: {share}"
        );
        let encoded = url.replace(':', "%3A").replace('/', "%2F");
        assert!(
            share.contains("href=\"https://wa.me/?text="),
            "{rel}: WhatsApp: {share}"
        );
        assert!(share.contains(&encoded), "{rel}: the URL encoded: {share}");
        assert!(
            share.contains("href=\"mailto:?subject="),
            "{rel}: e-mail: {share}"
        );
        assert!(
            share.contains(&title.replace(' ', "%20")),
            "{rel}: the title"
        );
        for line in page.lines().filter(|l| l.contains("<script")) {
            assert!(
                !line.contains("src=\"http"),
                "{rel}: a script from another host: {line}"
            );
        }
    }
    let story = site.page("verhalen/kom-koken/index.html");
    assert!(
        story.contains("href=\"mailto:redactie@wijk.example.nl\""),
        "the invitation to tell a story"
    );
    assert!(story.contains("Vertel jouw verhaal"));
}

#[test]
fn a_contact_address_is_checked() {
    let site = Site::copy("minimal");
    site.write("plein.yaml", "title: X\ncontact: \"javascript:alert(1)\"\n");
    let run = site.plein(&["check"]);
    run.fails(1);
    assert!(run.stderr.contains("plein.yaml:2:"), "{}", run.stderr);
    assert!(run.stderr.contains("javascript:alert(1)"), "{}", run.stderr);
    site.write(
        "plein.yaml",
        "title: X\ncontact: redactie@wijk.example.nl\n",
    );
    site.plein(&["check"]).ok();
}

#[test]
fn the_buurtkrant_prints_qr_codes_and_sign_up_states() {
    let site = agenda_with_full_event();
    let paper = site.page("buurtkrant/index.html");
    let stories = paper.matches("class=\"paper-story\"").count();
    let events = paper.matches("class=\"paper-event\"").count();
    assert!(stories > 0 && events > 0);
    assert_eq!(
        paper.matches("<svg class=\"qr\"").count(),
        stories + events,
        "a QR code for every story and event"
    );
    assert!(paper.contains("aria-label=\"QR-code: https://wijk.example.nl/agenda/lange-avond/\""));
    assert!(paper.contains("aria-label=\"QR-code: https://wijk.example.nl/verhalen/kom-koken/\""));
    let evening = &paper[paper.find("href=\"/agenda/lange-avond/\"").unwrap()..];
    assert!(evening[..evening.find("</article>").unwrap()].contains("Aanmelden nodig"));
}

/// Eight writers do not push a story's photo down: their names are one line under the title,
/// their cards come at the end.
#[test]
fn many_authors_come_after_the_photo() {
    let site = Site::copy("minimal");
    let names: Vec<String> = (1..=8).map(|i| format!("Schrijver {i}")).collect();
    site.write(
        "content/stories/samen.md",
        &format!(
            "---\ntitle: Samen geschreven\ndate: 2026-05-01\nauthors: [{}]\nimage: https://example.org/foto.jpg\nimage_alt: Een foto\n---\nTekst.\n",
            names.join(", ")
        ),
    );
    site.plein(&["build"]).ok();
    let page = site.page("verhalen/samen/index.html");
    let main = main_of(&page);
    let figure = main.find("<figure").expect("the photo");
    let first_card = main.find("class=\"person\"").expect("the writers' cards");
    assert!(
        figure < first_card,
        "the photo comes before the writers' cards"
    );
    let byline = &main[main.find("class=\"byline\"").expect("a byline")..];
    let byline = &byline[..byline.find("</p>").unwrap()];
    assert!(main.find("class=\"byline\"").unwrap() < figure);
    for name in &names {
        assert!(
            byline.contains(&format!(">{name}</a>")),
            "{name} in {byline}"
        );
    }
    assert!(byline.contains("</a> en <a"), "{byline}");
}
