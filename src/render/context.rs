//! What templates see: `#[derive(Serialize, Hash)]` views of the model, borrowed, never cloned.
//!
//! docs/themes.md lists these for theme authors; render/pages/tests.rs holds the two together.

use serde::Serialize;

use crate::ground::hyphen::soft_hyphens;
use crate::ground::values::{Place, Registration, Source};
use crate::hints::SUMMARY_CHARS;
use crate::model::recurrence::{self, Occurrence};
use crate::model::{Anchor, Event, Image, Kind, Neighbourhood, Person, Site, Story, Tag, dates};
use crate::words::Lang;

/// A name with the page it links to.
#[derive(Serialize, Hash)]
pub(crate) struct Link<'a> {
    pub name: &'a str,
    pub url: &'a str,
}

/// A story's kind: its label, its page and its key in `plein.yaml` (`mural`), which a theme
/// can style by.
#[derive(Serialize, Hash)]
pub(crate) struct KindLink<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub key: &'a str,
}

#[derive(Serialize, Hash)]
pub(crate) struct ImageView<'a> {
    pub url: &'a str,
    pub alt: &'a str,
    pub caption: Option<&'a str>,
    pub credit: Option<&'a str>,
    /// The picture's own size in pixels, when plein could read it.
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// `url 480w, url 800w, …` with the picture itself last; absent when there is no size.
    pub srcset: Option<&'a str>,
    /// The same widths as WebP, offered first in a `<picture>`; absent when not made.
    pub webp_srcset: Option<&'a str>,
}

impl<'a> ImageView<'a> {
    pub(crate) fn of(image: &'a Option<Image>) -> Option<ImageView<'a>> {
        image.as_ref().map(|i| ImageView {
            url: &i.url,
            alt: &i.alt,
            caption: i.caption.as_deref(),
            credit: i.credit.as_deref(),
            width: i.size.as_ref().map(|s| s.width),
            height: i.size.as_ref().map(|s| s.height),
            srcset: i.size.as_ref().map(|s| s.srcset.as_str()),
            webp_srcset: i
                .size
                .as_ref()
                .map(|s| s.webp_srcset.as_str())
                .filter(|s| !s.is_empty()),
        })
    }
}

/// Text that templates get with soft hyphens in its long words, for a heading on a phone.
/// Hyphenating is costly, and a rebuild fingerprints every card and contents list: this
/// hashes the text and its language, and hyphenates only when serialised.
pub(crate) struct Hyphenated<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

impl Serialize for Hyphenated<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&soft_hyphens(self.text, self.lang))
    }
}

impl std::hash::Hash for Hyphenated<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.text, self.lang.code()).hash(h);
    }
}

/// A summary as a card shows it: at most `SUMMARY_CHARS` characters, cut at a word and ended
/// with "…" when it is longer. A card clamps its summary to three lines (two on a phone), which
/// hold about 210 characters at their widest (the cover story on a 700-pixel screen), so the
/// lines a reader sees and the clamp's own "…" stay as they were; the rest was never shown.
/// Serialised once per story, when its card is made.
pub(crate) struct CardSummary<'a> {
    /// The part that is kept.
    pub text: &'a str,
    pub cut: bool,
}

impl<'a> CardSummary<'a> {
    pub(crate) fn of(summary: &'a str) -> CardSummary<'a> {
        let Some((end, _)) = summary.char_indices().nth(SUMMARY_CHARS) else {
            return CardSummary {
                text: summary,
                cut: false,
            };
        };
        let head = &summary[..end];
        let at_word = match summary[end..].starts_with(char::is_whitespace) {
            true => head,
            false => head
                .rsplit_once(char::is_whitespace)
                .map_or(head, |(h, _)| h),
        };
        let text =
            at_word.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
        CardSummary {
            text: if text.is_empty() { head } else { text },
            cut: true,
        }
    }
}

impl Serialize for CardSummary<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.cut {
            true => s.serialize_str(&format!("{}…", self.text)),
            false => s.serialize_str(self.text),
        }
    }
}

impl std::hash::Hash for CardSummary<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.text, self.cut).hash(h);
    }
}

/// A story as a card in a list. A rebuild finds a story's card by `pages::shared::card_key`
/// of what it is made from: a field made from anything that key leaves out must be added there.
#[derive(Serialize, Hash)]
pub(crate) struct StoryCard<'a> {
    /// With soft hyphens in its long words, for a heading on a phone.
    pub title: Hyphenated<'a>,
    /// The story's language, when it is not the site's.
    pub lang: Option<&'static str>,
    pub url: &'a str,
    pub date: String,
    pub date_iso: String,
    pub kind: Option<KindLink<'a>>,
    pub neighbourhoods: Vec<Link<'a>>,
    pub authors: Vec<Link<'a>>,
    pub summary: &'a str,
    /// The summary shortened for a card, where it is clamped to a few lines.
    pub short_summary: CardSummary<'a>,
    pub image: Option<ImageView<'a>>,
    pub reading_minutes: usize,
}

/// A `<time datetime>` for a story's day: the date alone when the story gives no time (it
/// starts at midnight), else the moment with its offset. A card is on about nine list pages,
/// and the time and offset are 15 bytes no reader sees.
fn datetime(z: &jiff::ZonedDateTime) -> String {
    let day = z.date();
    if z.time() == jiff::civil::Time::midnight() && (1..=9999).contains(&day.year()) {
        day.to_string()
    } else {
        dates::rfc3339(z)
    }
}

impl<'a> StoryCard<'a> {
    pub(crate) fn of(site: &'a Site, s: &'a Story) -> StoryCard<'a> {
        let lang = site.config.lang;
        StoryCard {
            title: Hyphenated {
                text: &s.title,
                lang: s.lang,
            },
            lang: (s.lang != lang).then(|| s.lang.code()),
            url: &s.url,
            date: dates::day(lang, s.date.date()),
            date_iso: datetime(&s.date),
            kind: s.kind.map(|k| KindLink {
                name: &site.kinds[k].label,
                url: &site.kinds[k].url,
                key: &site.kinds[k].key,
            }),
            neighbourhoods: s
                .neighbourhoods
                .iter()
                .map(|&h| hood_link(&site.neighbourhoods[h]))
                .collect(),
            authors: s
                .authors
                .iter()
                .map(|&p| person_link(&site.people[p]))
                .collect(),
            summary: &s.summary,
            short_summary: CardSummary::of(&s.summary),
            image: ImageView::of(&s.image),
            reading_minutes: s.reading_minutes(),
        }
    }
}

fn hood_link(n: &Neighbourhood) -> Link<'_> {
    Link {
        name: &n.name,
        url: &n.url,
    }
}

fn person_link(p: &Person) -> Link<'_> {
    Link {
        name: &p.name,
        url: &p.url,
    }
}

/// An author under a story, with what the reader should know of them.
#[derive(Serialize, Hash)]
pub(crate) struct AuthorView<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub role: Option<&'a str>,
    pub organisation: Option<&'a str>,
    pub image: Option<ImageView<'a>>,
}

impl<'a> AuthorView<'a> {
    pub(crate) fn of(p: &'a Person) -> AuthorView<'a> {
        AuthorView {
            name: &p.name,
            url: &p.url,
            role: p.role.as_deref(),
            organisation: p.organisation.as_deref(),
            image: ImageView::of(&p.image),
        }
    }
}

/// Rendered HTML whose fingerprint was made when it was rendered: hashing a page that shows
/// it costs eight bytes, not the whole text.
pub(crate) struct Html<'a> {
    pub text: &'a str,
    pub print: u64,
}

impl Serialize for Html<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text)
    }
}

impl std::hash::Hash for Html<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        h.write_u64(self.print);
    }
}

impl<'a> Html<'a> {
    pub(crate) fn of_story(s: &'a Story) -> Html<'a> {
        Html {
            text: &s.body_html,
            print: s.body_print,
        }
    }
}

/// What a story's page shows besides its card: templates see both as one `story`.
#[derive(Serialize, Hash)]
pub(crate) struct StoryView<'a> {
    pub subtitle: Option<&'a str>,
    pub updated: Option<String>,
    pub updated_iso: Option<String>,
    pub body: Html<'a>,
    pub tags: Vec<Link<'a>>,
    pub author_cards: Vec<AuthorView<'a>>,
    pub source: Option<&'a Source>,
    /// The headings of a long story, for a contents list; empty for a short one.
    pub contents: Vec<ContentsEntry<'a>>,
}

/// A heading in a story's contents list.
#[derive(Serialize, Hash)]
pub(crate) struct ContentsEntry<'a> {
    /// With soft hyphens in its long words, as the heading has them.
    pub text: Hyphenated<'a>,
    /// `#id`: the heading's place in the page.
    pub url: String,
    /// 2 or 3.
    pub level: u8,
}

/// A story gets a contents list from this many headings (h2 and h3) on…
const CONTENTS_HEADINGS: usize = 4;
/// …or from two headings when it is longer than this many words.
const CONTENTS_WORDS: usize = 1500;

/// The contents list of `s`: its headings when it is long enough to need one.
fn contents(s: &Story) -> Vec<ContentsEntry<'_>> {
    let n = s.headings.len();
    if n < CONTENTS_HEADINGS && (n < 2 || s.words <= CONTENTS_WORDS) {
        return Vec::new();
    }
    s.headings
        .iter()
        .map(|h| ContentsEntry {
            text: Hyphenated {
                text: &h.text,
                lang: s.lang,
            },
            url: format!("#{}", h.id),
            level: h.level,
        })
        .collect()
}

impl<'a> StoryView<'a> {
    pub(crate) fn of(site: &'a Site, s: &'a Story) -> StoryView<'a> {
        let lang = site.config.lang;
        StoryView {
            subtitle: s.subtitle.as_deref(),
            updated: s.updated.as_ref().map(|u| dates::day(lang, u.date())),
            updated_iso: s.updated.as_ref().map(datetime),
            body: Html::of_story(s),
            tags: s
                .tags
                .iter()
                .map(|&t| Link {
                    name: &site.tags[t].name,
                    url: &site.tags[t].url,
                })
                .collect(),
            author_cards: s
                .authors
                .iter()
                .map(|&p| AuthorView::of(&site.people[p]))
                .collect(),
            source: s.source.as_ref(),
            contents: contents(s),
        }
    }
}

/// An event as a card or call to action; for a series, its meeting that is next (or last).
#[derive(Serialize, Hash)]
pub(crate) struct EventCard<'a> {
    /// With soft hyphens in its long words, for a heading on a phone.
    pub title: String,
    pub url: &'a str,
    pub when: String,
    pub day: String,
    pub start_iso: String,
    pub end_iso: Option<String>,
    pub location: Option<&'a Place>,
    pub online: bool,
    pub registration: &'a [Registration],
    pub summary: &'a str,
    pub cancelled: bool,
    /// No places left.
    pub full: bool,
    /// How to take part, for a label on every card: `cancelled`, `past`, `full`, `register`
    /// (it has registration links) or `walk_in` (just come).
    pub signup: &'static str,
    pub upcoming: bool,
    pub neighbourhoods: Vec<Link<'a>>,
    /// The rule of a series in words: "Elke dinsdag, 19.30 uur".
    pub repeat: Option<String>,
    /// When a series stops: "tot en met 29 juni 2027"; `None` for one without end.
    pub repeat_end: Option<String>,
    /// The event's iCalendar file.
    pub ics_url: String,
}

impl<'a> EventCard<'a> {
    pub(crate) fn of(site: &'a Site, e: &'a Event, now: &jiff::ZonedDateTime) -> EventCard<'a> {
        let (occurrence, upcoming) = e.occurrence_at(now);
        EventCard::at(site, e, &occurrence, upcoming)
    }

    /// The card of `e` showing the meeting `o`.
    pub(crate) fn at(
        site: &'a Site,
        e: &'a Event,
        o: &Occurrence,
        upcoming: bool,
    ) -> EventCard<'a> {
        let lang: Lang = site.config.lang;
        EventCard {
            title: soft_hyphens(&e.title, lang),
            url: &e.url,
            when: dates::event_span(lang, &o.start, o.end.as_ref()),
            day: dates::day(lang, o.start.date()),
            start_iso: dates::rfc3339(&o.start),
            end_iso: o.end.as_ref().map(dates::rfc3339),
            location: e.location.as_ref(),
            online: e.online,
            registration: &e.registration,
            summary: &e.summary,
            cancelled: e.cancelled,
            full: e.full,
            signup: signup(e, upcoming),
            upcoming,
            neighbourhoods: e
                .neighbourhoods
                .iter()
                .map(|&h| hood_link(&site.neighbourhoods[h]))
                .collect(),
            repeat: e
                .repeat
                .as_ref()
                .map(|r| sentence(&recurrence::describe(lang, r, &e.start))),
            repeat_end: recurrence::describe_end(lang, e),
            ics_url: super::calendar::event_url(site, e),
        }
    }
}

/// How to take part in `e`: cancelled and past first, then full, then by its registration.
fn signup(e: &Event, upcoming: bool) -> &'static str {
    if e.cancelled {
        "cancelled"
    } else if !upcoming {
        "past"
    } else if e.full {
        "full"
    } else if e.registration.is_empty() {
        "walk_in"
    } else {
        "register"
    }
}

/// `text` with a capital first letter, to stand on its own.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Serialize, Hash)]
pub(crate) struct AnchorView<'a> {
    pub text: &'a str,
    pub url: Option<&'a str>,
    pub role: Option<&'a str>,
}

impl<'a> AnchorView<'a> {
    fn of(site: &'a Site, a: &'a Anchor) -> AnchorView<'a> {
        let person = a.person.map(|p| &site.people[p]);
        AnchorView {
            text: &a.text,
            url: person.map(|p| p.url.as_str()),
            role: person.and_then(|p| p.role.as_deref()),
        }
    }
}

/// A neighbourhood, for its own page and for lists.
#[derive(Serialize, Hash)]
pub(crate) struct NeighbourhoodView<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub feed_url: &'a str,
    pub city: Option<&'a str>,
    pub summary: &'a str,
    pub body: &'a str,
    pub image: Option<ImageView<'a>>,
    pub anchors: Vec<AnchorView<'a>>,
    pub people: Vec<AuthorView<'a>>,
    pub story_count: usize,
}

impl<'a> NeighbourhoodView<'a> {
    pub(crate) fn of(site: &'a Site, n: &'a Neighbourhood) -> NeighbourhoodView<'a> {
        NeighbourhoodView {
            name: &n.name,
            url: &n.url,
            feed_url: &n.feed_url,
            city: n.city.as_deref(),
            summary: &n.summary,
            body: &n.body_html,
            image: ImageView::of(&n.image),
            anchors: n.anchors.iter().map(|a| AnchorView::of(site, a)).collect(),
            people: n
                .people
                .iter()
                .map(|&p| AuthorView::of(&site.people[p]))
                .collect(),
            story_count: n.stories.len(),
        }
    }
}

/// A person, for their own page and for lists.
#[derive(Serialize, Hash)]
pub(crate) struct PersonView<'a> {
    #[serde(flatten)]
    pub author: AuthorView<'a>,
    pub bio: &'a str,
    pub neighbourhoods: Vec<Link<'a>>,
    pub story_count: usize,
}

impl<'a> PersonView<'a> {
    pub(crate) fn of(site: &'a Site, p: &'a Person) -> PersonView<'a> {
        PersonView {
            author: AuthorView::of(p),
            bio: &p.bio_html,
            neighbourhoods: p
                .neighbourhoods
                .iter()
                .map(|&h| hood_link(&site.neighbourhoods[h]))
                .collect(),
            story_count: p.stories.len(),
        }
    }
}

/// A tag or kind in an overview, with how many stories it has.
#[derive(Serialize, Hash)]
pub(crate) struct TermView<'a> {
    pub name: &'a str,
    pub url: &'a str,
    pub count: usize,
}

impl<'a> TermView<'a> {
    pub(crate) fn tag(t: &'a Tag) -> TermView<'a> {
        TermView {
            name: &t.name,
            url: &t.url,
            count: t.stories.len(),
        }
    }

    pub(crate) fn kind(k: &'a Kind) -> TermView<'a> {
        TermView {
            name: &k.label,
            url: &k.url,
            count: k.stories.len(),
        }
    }

    pub(crate) fn neighbourhood(n: &'a Neighbourhood) -> TermView<'a> {
        TermView {
            name: &n.name,
            url: &n.url,
            count: n.stories.len(),
        }
    }
}

/// Where a list page stands among its siblings.
#[derive(Serialize, Hash)]
pub(crate) struct Pagination {
    pub current: usize,
    pub total: usize,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Serialize, Hash)]
pub(crate) struct PageLink {
    pub number: usize,
    pub url: String,
    /// Pages are left out before this one (show an ellipsis).
    pub gap_before: bool,
}

/// The page numbers worth linking from page `current` of `total`: the first, the last and
/// two on either side, so a list of 10,000 stories does not link 800 pages from each.
pub(crate) fn page_window(current: usize, total: usize) -> Vec<(usize, bool)> {
    let mut shown: Vec<usize> = [1, total]
        .into_iter()
        .chain(current.saturating_sub(2).max(1)..=(current + 2).min(total))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let mut out = Vec::with_capacity(shown.len());
    let mut previous = 0;
    for n in shown {
        out.push((n, n > previous + 1));
        previous = n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card_summary(text: &str) -> String {
        serde_json::to_value(CardSummary::of(text))
            .expect("a summary serialises")
            .as_str()
            .expect("a string")
            .to_string()
    }

    #[test]
    fn a_day_without_a_time_is_a_date() {
        let at = |h, m| {
            jiff::civil::date(2016, 1, 3)
                .at(h, m, 0, 0)
                .in_tz("Europe/Amsterdam")
                .expect("a moment")
        };
        assert_eq!(datetime(&at(0, 0)), "2016-01-03");
        assert_eq!(datetime(&at(0, 1)), "2016-01-03T00:01:00+01:00");
        assert_eq!(datetime(&at(19, 30)), "2016-01-03T19:30:00+01:00");
    }

    #[test]
    fn card_summary_keeps_a_short_summary_whole() {
        assert_eq!(
            card_summary("Twee zinnen. Meer niet."),
            "Twee zinnen. Meer niet."
        );
        let fits = "a".repeat(SUMMARY_CHARS);
        assert_eq!(card_summary(&fits), fits);
    }

    #[test]
    fn card_summary_cuts_a_long_one_at_a_word() {
        // 60 words of five letters and a space: 360 characters, with an ë in every word.
        let long = "kleëa ".repeat(60);
        let short = card_summary(long.trim());
        assert!(short.ends_with("kleëa…"), "{short}");
        let kept = short.trim_end_matches('…');
        assert!(long.starts_with(kept), "{short}");
        assert!(
            kept.chars().count() <= SUMMARY_CHARS,
            "{}",
            kept.chars().count()
        );
        assert!(
            kept.chars().count() > SUMMARY_CHARS - 6,
            "{}",
            kept.chars().count()
        );
    }

    #[test]
    fn card_summary_cuts_one_long_word_inside_it() {
        let word = "ë".repeat(SUMMARY_CHARS + 50);
        let short = card_summary(&word);
        assert_eq!(short.chars().count(), SUMMARY_CHARS + 1);
        assert!(short.ends_with("ë…"));
    }

    #[test]
    fn card_summary_drops_punctuation_before_the_ellipsis() {
        let long = format!("{}, {}", "woord ".repeat(49).trim(), "x".repeat(20));
        let short = card_summary(&long);
        assert!(short.ends_with("woord…"), "{short}");
    }

    #[test]
    fn page_window_keeps_ends_and_neighbours() {
        let numbers = |c, t| {
            page_window(c, t)
                .into_iter()
                .map(|(n, gap)| if gap { format!("..{n}") } else { n.to_string() })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(numbers(1, 1), "1");
        assert_eq!(numbers(1, 4), "1 2 3 4");
        assert_eq!(numbers(50, 834), "1 ..48 49 50 51 52 ..834");
        assert_eq!(numbers(834, 834), "1 ..832 833 834");
    }
}
