//! Markdown to HTML with pulldown-cmark, once per document.
//!
//! Links to other content files (`[het KOEKhuis](koekhuis.md)`) are handed to a resolver
//! that knows the site's URLs; this module knows nothing of the site itself. Headings get
//! ids so they can be linked to; the first paragraph is kept as plain text for summaries, and
//! the whole body as plain text for the search index, taken from the events as they are
//! written out, so nothing reads the HTML back.

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::config::RawHtml;
use crate::diagnostic::Problem;
use crate::ground::hyphen::{SOFT_HYPHEN, soft_hyphens, without_soft_hyphens};
use crate::ground::text::escape;
use crate::ground::url::{SCHEMES, check_url, decode, safe_url};
use crate::parse::autolink;
use crate::parse::sanitize::Cleaner;
use crate::words::Lang;

/// What one Markdown body became.
#[derive(Debug, Default, Clone)]
pub struct Rendered {
    pub html: std::sync::Arc<str>,
    /// The first top-level paragraph as plain text.
    pub first_paragraph: String,
    /// The body as a reader sees it, without markup: each tag a word break, runs of white
    /// space one space, pictures left out (their description is an attribute).
    pub text: std::sync::Arc<str>,
    pub words: usize,
    /// The h2 and h3 headings, in order, for a contents list.
    pub headings: std::sync::Arc<[Heading]>,
    /// Problems with their byte offset in the body.
    pub problems: Vec<(usize, Problem)>,
}

/// A heading of a body: its level (2 or 3), its id and its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The answer for a link target: not a content link, a URL, or a missing file.
pub enum LinkTarget {
    External,
    Url(String),
    Missing(Problem),
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Whether `dest` points at a content file by relative path, such as `../people/irma.md#bio`.
pub fn is_content_link(dest: &str) -> bool {
    let path = dest.split(['#', '?']).next().unwrap_or_default();
    !dest.contains("://")
        && !dest.starts_with('/')
        && !dest.starts_with("mailto:")
        && path.ends_with(".md")
}

/// Render Dutch `body` with raw HTML cleaned, asking `resolve` for each relative link.
pub fn render(body: &str, resolve: &dyn Fn(&str) -> LinkTarget) -> Rendered {
    render_with(body, resolve, RawHtml::Clean, Lang::Nl)
}

/// Render `body`, written in `lang`, asking `resolve` for each relative link; `raw` says what
/// raw HTML becomes.
pub fn render_with(
    body: &str,
    resolve: &dyn Fn(&str) -> LinkTarget,
    raw: RawHtml,
    lang: Lang,
) -> Rendered {
    let mut out = Rendered::default();
    let mut clean = (raw == RawHtml::Clean).then(Clean::default);
    let mut events: Vec<Event> = Vec::new();
    let mut depth = 0usize;
    let mut in_first = None::<bool>;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
            Event::Start(tag) => {
                if depth == 0 && matches!(tag, Tag::Paragraph) && in_first.is_none() {
                    in_first = Some(true);
                }
                depth += 1;
            }
            Event::End(_) => {
                depth -= 1;
                if depth == 0 && in_first == Some(true) {
                    in_first = Some(false);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                out.words += t.split_whitespace().count();
                if in_first == Some(true) {
                    out.first_paragraph.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak if in_first == Some(true) => {
                out.first_paragraph.push(' ')
            }
            _ => {}
        }
        let event = rewrite_link(event, range.start, resolve, &mut out.problems);
        match &mut clean {
            Some(clean) => clean.push(event, depth, &mut events),
            None => events.push(event),
        }
    }
    if let Some(clean) = &mut clean {
        clean.finish(&mut events);
    }
    let mut events = link_addresses(events);
    add_heading_ids(&mut events);
    out.headings = headings(&events).into();
    hyphenate_headings(&mut events, lang);
    let events = wrap_tables(events, lang.words().table);
    let mut html = String::with_capacity(body.len() * 5 / 4);
    let mut text = PlainText::with_capacity(body.len());
    let events = events.into_iter().inspect(|event| text.see(event));
    pulldown_cmark::html::push_html(&mut html, events);
    out.html = html.into();
    out.text = text.out.into();
    out
}

/// The plain text of the HTML that pulldown-cmark writes of the events it is shown, in order:
/// text as it is, a word break for every tag, raw HTML without its tags and with its
/// character references decoded, footnote numbers as the HTML shows them.
#[derive(Default)]
struct PlainText {
    out: String,
    /// White space (or a tag) since the last word: one space before the next.
    space: bool,
    /// Inside a picture: its description is written into the `alt` attribute, not shown.
    in_image: usize,
    /// Footnote labels by name, numbered as pulldown-cmark numbers them.
    footnotes: std::collections::HashMap<String, usize>,
}

impl PlainText {
    fn with_capacity(bytes: usize) -> PlainText {
        PlainText {
            out: String::with_capacity(bytes),
            ..PlainText::default()
        }
    }

    fn see(&mut self, event: &Event) {
        if self.in_image > 0 {
            match event {
                Event::Start(_) => self.in_image += 1,
                Event::End(_) => self.in_image -= 1,
                Event::FootnoteReference(name) => _ = self.footnote(name),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(Tag::Image { .. }) => {
                self.in_image = 1;
                self.space = true;
            }
            Event::Start(Tag::FootnoteDefinition(name)) | Event::FootnoteReference(name) => {
                let number = self.footnote(name).to_string();
                self.space = true;
                self.push(&number);
                self.space = true;
            }
            Event::Text(text) if text.contains(SOFT_HYPHEN) => {
                self.push(&without_soft_hyphens(text))
            }
            Event::Text(text) => self.push(text),
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.space = true;
                self.push(text);
                self.space = true;
            }
            Event::Html(html) | Event::InlineHtml(html) => self.push_html(html),
            _ => self.space = true,
        }
    }

    /// The number of footnote `name`: the next one when it is new.
    fn footnote(&mut self, name: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(name.to_string()).or_insert(next)
    }

    /// Raw HTML (as the cleaner let it through, or trusted): its text between the tags.
    fn push_html(&mut self, html: &str) {
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            self.push(&decode(&rest[..open]));
            self.space = true;
            rest = rest[open..]
                .find('>')
                .map_or("", |close| &rest[open + close + 1..]);
        }
        self.push(&decode(rest));
    }

    /// Words of `text`, one space between them where there was white space.
    fn push(&mut self, text: &str) {
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            self.space |= i > 0;
            if word.is_empty() {
                continue;
            }
            if self.space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push_str(word);
        }
    }
}

/// The raw-HTML cleaner of one body, and the lines of an HTML block waiting to be cleaned.
#[derive(Default)]
struct Clean {
    cleaner: Cleaner,
    block: Option<(String, usize)>,
    /// Inside an HTML block now.
    in_block: bool,
    /// For each open Markdown link: whether it was left out, being inside a raw `<a>`.
    links: Vec<bool>,
}

impl Clean {
    /// Push `event`, seen at Markdown `depth` (counted after it), cleaned.
    fn push<'a>(&mut self, event: Event<'a>, depth: usize, events: &mut Vec<Event<'a>>) {
        if let Event::Html(line) = &event {
            // An HTML block is no element of its own: its tags belong to the level around
            // it, so that a later block at that level can close them.
            let at = depth - usize::from(self.in_block);
            let (text, _) = self.block.get_or_insert_with(|| (String::new(), at));
            text.push_str(line);
            return;
        }
        self.flush(events);
        match event {
            Event::Start(Tag::HtmlBlock) => {
                self.in_block = true;
                events.push(event);
            }
            Event::End(TagEnd::HtmlBlock) => {
                self.in_block = false;
                self.cleaner.block_ends();
                events.push(event);
            }
            Event::InlineHtml(html) => {
                let cleaned = self.cleaner.clean(&html, depth, false);
                events.push(Event::InlineHtml(cleaned.into()));
            }
            // A footnote reference is a link: none inside another one.
            Event::FootnoteReference(_) if self.cleaner.links > 0 || self.cleaner.in_raw_link() => {
            }
            Event::Start(Tag::Link { .. }) if self.cleaner.in_raw_link() => self.links.push(true),
            Event::Start(Tag::Link { .. }) => {
                self.links.push(false);
                self.cleaner.links += 1;
                if let Event::Start(tag) = event {
                    events.push(Event::Start(safe_tag(tag)));
                }
            }
            Event::End(TagEnd::Link) => {
                let closing = self.cleaner.close(depth + 1);
                if !closing.is_empty() {
                    events.push(Event::Html(closing.into()));
                }
                if self.links.pop() == Some(false) {
                    self.cleaner.links -= 1;
                    events.push(event);
                }
            }
            Event::End(_) => {
                let closing = self.cleaner.close(depth + 1);
                if !closing.is_empty() {
                    events.push(Event::Html(closing.into()));
                }
                events.push(event);
            }
            Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
                if self.cleaner.dropping() => {}
            Event::Start(tag) => {
                if is_block(&tag) {
                    self.block_starts(events);
                }
                events.push(Event::Start(safe_tag(tag)))
            }
            Event::Rule => {
                self.block_starts(events);
                events.push(Event::Rule);
            }
            other => events.push(other),
        }
    }

    /// A Markdown block starts: raw `<p>` and its like end first.
    fn block_starts(&mut self, events: &mut Vec<Event<'_>>) {
        let closing = self.cleaner.block_starts();
        if !closing.is_empty() {
            events.push(Event::Html(closing.into()));
        }
    }

    /// Clean the HTML block read so far.
    fn flush(&mut self, events: &mut Vec<Event<'_>>) {
        if let Some((text, at)) = self.block.take() {
            events.push(Event::Html(self.cleaner.clean(&text, at, true).into()));
        }
    }

    /// The document ended: close what raw HTML left open.
    fn finish(&mut self, events: &mut Vec<Event<'_>>) {
        self.flush(events);
        let closing = self.cleaner.close(0);
        if !closing.is_empty() {
            events.push(Event::Html(closing.into()));
        }
    }
}

/// Whether `tag` starts a Markdown block, which no raw `<p>` or `<pre>` may hold (nor may
/// they hold a thematic break, `Event::Rule`).
fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

/// A tag without script: no `javascript:` (or other unknown scheme) destinations, and no
/// heading attributes: like raw HTML, `{#id}` could clash with the theme's ids and `{.class}`
/// dress a heading as its chrome; headings get their ids from plein.
fn safe_tag(tag: Tag<'_>) -> Tag<'_> {
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } if !safe_url(&dest_url) => Tag::Link {
            link_type,
            dest_url: CowStr::from("#"),
            title,
            id,
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } if !safe_url(&dest_url) => Tag::Image {
            link_type,
            dest_url: CowStr::from(""),
            title,
            id,
        },
        Tag::Heading { level, .. } => Tag::Heading {
            level,
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        },
        other => other,
    }
}

/// Links and images get the URL of the file they point at.
fn rewrite_link<'a>(
    event: Event<'a>,
    offset: usize,
    resolve: &dyn Fn(&str) -> LinkTarget,
    problems: &mut Vec<(usize, Problem)>,
) -> Event<'a> {
    let mut resolved = |dest_url: CowStr<'a>| match resolve(&dest_url) {
        LinkTarget::External => dest_url,
        LinkTarget::Url(url) => CowStr::from(url),
        LinkTarget::Missing(problem) => {
            problems.push((offset, problem));
            dest_url
        }
    };
    match event {
        // `<ria@koetshuis.nl>`: an address, not a path (pulldown-cmark adds the `mailto:`).
        Event::Start(Tag::Link {
            link_type: LinkType::Email,
            ..
        }) => event,
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: resolved(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: resolved(dest_url),
            title,
            id,
        }),
        other => other,
    }
}

/// Bare addresses in text become links (see [`autolink`]), unless they are in a code block,
/// a picture's description, a Markdown link or a raw `<a>`; each passes the URL check first.
fn link_addresses(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut inside = 0usize;
    let mut raw_links = 0isize;
    // Text events in a row (pulldown-cmark splits text at `_`, `&`, quotes...), and whether
    // an address may start at their start: not right after code, a link or raw HTML.
    let mut run: Vec<CowStr> = Vec::new();
    let mut may_start = true;
    for event in events {
        if let Event::Text(text) = event {
            if inside == 0 && raw_links <= 0 {
                run.push(text);
            } else {
                out.push(Event::Text(text));
            }
            continue;
        }
        push_linked(&mut out, std::mem::take(&mut run), may_start);
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => inside += 1,
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                inside = inside.saturating_sub(1)
            }
            Event::Html(html) | Event::InlineHtml(html) => raw_links += raw_link_depth(html),
            _ => {}
        }
        may_start = !matches!(
            event,
            Event::Code(_)
                | Event::End(TagEnd::Link)
                | Event::Html(_)
                | Event::InlineHtml(_)
                | Event::FootnoteReference(_)
        );
        out.push(event);
    }
    push_linked(&mut out, run, may_start);
    out
}

/// The text of `run` with its addresses as links.
fn push_linked<'a>(out: &mut Vec<Event<'a>>, run: Vec<CowStr<'a>>, may_start: bool) {
    if run.is_empty() {
        return;
    }
    let joined: String;
    let text: &str = match run.as_slice() {
        [one] => one,
        _ => {
            joined = run.iter().map(|t| &**t).collect();
            &joined
        }
    };
    let found: Vec<autolink::Found> = autolink::find(text)
        .into_iter()
        .filter(|f| (may_start || f.start > 0) && check_url(&f.url, SCHEMES).is_ok())
        .collect();
    if found.is_empty() {
        out.extend(run.into_iter().map(Event::Text));
        return;
    }
    let mut at = 0;
    for f in found {
        if f.start > at {
            out.push(Event::Text(text[at..f.start].to_string().into()));
        }
        out.push(Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: f.url.into(),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        out.push(Event::Text(f.text.into()));
        out.push(Event::End(TagEnd::Link));
        at = f.end;
    }
    if at < text.len() {
        out.push(Event::Text(text[at..].to_string().into()));
    }
}

/// How many raw `<a>` elements `html` opens, less those it closes.
fn raw_link_depth(html: &str) -> isize {
    let lower = html.to_ascii_lowercase();
    let tags = |prefix: &str| {
        lower
            .match_indices(prefix)
            .filter(|(i, _)| {
                lower[i + prefix.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == '>' || c == '/' || c.is_ascii_whitespace())
            })
            .count() as isize
    };
    tags("<a") - tags("</a")
}

/// The text of a heading whose events after its start are `rest`, up to its end.
fn heading_text(rest: &[Event]) -> String {
    let mut text = String::new();
    for e in rest {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// The h2 and h3 headings of `events`, with the ids they were given.
fn headings(events: &[Event]) -> Vec<Heading> {
    let mut found = Vec::new();
    for (i, event) in events.iter().enumerate() {
        let Event::Start(Tag::Heading {
            level,
            id: Some(id),
            ..
        }) = event
        else {
            continue;
        };
        let level = match level {
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
            _ => continue,
        };
        let text = heading_text(&events[i + 1..]);
        found.push(Heading {
            level,
            id: id.to_string(),
            text: text.trim().to_string(),
        });
    }
    found
}

/// Soft hyphens in the long words of headings, so they break well on a phone.
fn hyphenate_headings(events: &mut [Event], lang: Lang) {
    let mut in_heading = false;
    for event in events {
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(text) if in_heading => {
                let hyphenated = soft_hyphens(text, lang);
                if hyphenated.len() != text.len() {
                    *text = hyphenated.into();
                }
            }
            _ => {}
        }
    }
}

/// Each table in a region of its own that scrolls sideways and can take the focus, so a
/// wide table can be read on a phone with the keyboard too; named `word` and its head row.
fn wrap_tables<'a>(events: Vec<Event<'a>>, word: &str) -> Vec<Event<'a>> {
    let heads = table_heads(&events);
    if heads.is_empty() {
        return events;
    }
    let mut heads = heads.into_iter();
    let mut names = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(events.len() + 2 * heads.len());
    let mut n = 0;
    for event in events {
        match event {
            Event::Start(Tag::Table(_)) => {
                n += 1;
                let head = heads.next().unwrap_or_default();
                let mut name = match head.is_empty() {
                    true => word.to_string(),
                    false => format!("{word}: {head}"),
                };
                // Two regions of one name would be one to a screen reader.
                if !names.insert(name.clone()) {
                    name = format!("{word} {n}: {head}");
                }
                out.push(Event::Html(
                    format!(
                        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">",
                        escape(name.trim_end_matches([':', ' ']))
                    )
                    .into(),
                ));
                out.push(event);
            }
            Event::End(TagEnd::Table) => {
                out.push(event);
                out.push(Event::Html("</div>\n".into()));
            }
            other => out.push(other),
        }
    }
    out
}

/// The words of each table's head row, one string per table: "Dag, Tijd".
fn table_heads(events: &[Event]) -> Vec<String> {
    let mut heads = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut in_head = false;
    for event in events {
        match event {
            Event::Start(Tag::TableHead) => {
                in_head = true;
                cells.clear();
            }
            Event::Start(Tag::TableCell) if in_head => cells.push(String::new()),
            Event::Text(t) | Event::Code(t) if in_head => {
                if let Some(cell) = cells.last_mut() {
                    cell.push_str(&without_soft_hyphens(t));
                }
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                let words: Vec<&str> = cells
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect();
                heads.push(words.join(", "));
            }
            _ => {}
        }
    }
    heads
}

/// Give h2-h4 headings without an explicit `{#id}` an id made from their text.
fn add_heading_ids(events: &mut [Event]) {
    // Sets, not lists: a body of 20,000 identical headings must not take cubic time.
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for i in 0..events.len() {
        let Event::Start(Tag::Heading { level, id, .. }) = &events[i] else {
            continue;
        };
        if id.is_some() || *level == HeadingLevel::H1 {
            continue;
        }
        let text = heading_text(&events[i + 1..]);
        let base = crate::ground::slug::slugify(&text);
        let base = if base.is_empty() {
            "kop".to_string()
        } else {
            base
        };
        let mut n = next.get(&base).copied().unwrap_or(1);
        let mut candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        while used.contains(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        next.insert(base, n);
        used.insert(candidate.clone());
        if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
            *id = Some(CowStr::from(candidate));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(body: &str) -> Rendered {
        render(body, &|dest| {
            if !is_content_link(dest) {
                LinkTarget::External
            } else if dest == "koekhuis.md" {
                LinkTarget::Url("/verhalen/koekhuis/".into())
            } else {
                LinkTarget::Missing(Problem::MissingLink {
                    target: dest.into(),
                    hint: Default::default(),
                })
            }
        })
    }

    #[test]
    fn content_links_become_urls() {
        let r = plain("Zie [het KOEKhuis](koekhuis.md) en [elders](https://example.org/a.md).\n");
        assert!(
            r.html
                .contains(r#"<a href="/verhalen/koekhuis/">het KOEKhuis</a>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains("https://example.org/a.md"));
        assert!(r.problems.is_empty());
    }

    #[test]
    fn missing_link_reports_its_offset() {
        let r = plain("Eerst.\n\nDan [weg](weg.md).\n");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].0, 12);
    }

    #[test]
    fn first_paragraph_and_words() {
        let r = plain("## Kop\n\nDe eerste\nalinea.\n\nTweede alinea hier.\n");
        assert_eq!(r.first_paragraph, "De eerste alinea.");
        assert_eq!(r.words, 1 + 3 + 3);
        assert!(r.html.contains(r#"<h2 id="kop">Kop</h2>"#), "{}", r.html);
    }

    #[test]
    fn the_text_is_what_a_reader_sees() {
        let r = plain(concat!(
            "Een voetnoot[^n], nog een[^m] en weer[^n]. ![Een *foto*[^q] van de `tuin`]",
            "(https://x.nl/f.png \"a > b\") na.\n\n",
            "| kop | kop2 |\n|:---|---:|\n| a&amp;b | `c<d>` |\n\n",
            "<div class=\"x\">Ruwe &amp; HTML &eacute;&#33;&nbsp;tekst <script>weg()</script> ",
            "<b>vet</b>t</div>\n\n",
            "Een <span title=\"a>b\">inline</span> stukje, a < b > c.\n\n",
            "```\nfn main() {}\n```\n\n",
            "> **Vet**en ~~door~~halen  \n> breuk\n\n---\n\n",
            "[^n]: De voetnoot *n*.\n[^m]: Voetnoot m.\n",
        ));
        assert_eq!(
            &*r.text,
            "Een voetnoot 1 , nog een 2 en weer 1 . na. kop kop2 a&b c<d> Ruwe & HTML é! tekst \
             vet t Een inline stukje, a < b > c. fn main() {} Vet en door halen breuk \
             1 De voetnoot n . 2 Voetnoot m."
        );
    }

    #[test]
    fn recognises_content_links() {
        assert!(is_content_link("../people/irma.md#bio"));
        assert!(!is_content_link("https://x.org/a.md"));
        assert!(!is_content_link("/verhalen/"));
        assert!(!is_content_link("foto.jpg"));
    }
}
