//! Content hints for `plein check`: advice on writing, not errors of the build.
//!
//! Works on parsed documents (front matter read, body still Markdown) and reports warnings with
//! file, line and column: a photo without credit, a story without neighbourhood, a summary too
//! long for a card, long sentences and paragraphs (Dutch public texts aim at language level
//! B1), headings that skip a level, link texts such as "klik hier", images without a
//! description, and names of neighbourhoods, people and tags that look like a typo of another.
//! It knows nothing of rendering or of the site model.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::diagnostic::{Diagnostic, Hint, Problem};
use crate::ground::slug::slugify;
use crate::parse::{ContentType, Document, Front, key_position};

/// A summary longer than this does not fit on a card.
pub(crate) const SUMMARY_CHARS: usize = 300;
/// Plain-language writing (B1) keeps sentences to about this many words.
pub(crate) const SENTENCE_WORDS: usize = 25;
/// ... and paragraphs to about this many.
pub(crate) const PARAGRAPH_WORDS: usize = 150;

/// Which hints to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Likely mistakes only (names one letter off, lists without brackets): cheap, for `build`.
    Mistakes,
    /// Also advice on writing (photo credit, long sentences, headings, link texts, ...), which
    /// reads every text once more: for `check`.
    All,
}

/// The hints of `scope` for `docs`, as warnings; documents are looked at in parallel.
pub(crate) fn content(docs: &[&Document], scope: Scope) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut out: Vec<Diagnostic> = docs
        .par_iter()
        .flat_map_iter(|doc| {
            let mut out = Vec::new();
            list_hints(doc, &mut out);
            hash_hints(doc, &mut out);
            if scope == Scope::All {
                front_hints(doc, &mut out);
                body_hints(doc, &mut out);
            }
            out
        })
        .collect();
    similar_names(docs, &mut out);
    similar_tags(docs, &mut out);
    out.into_iter().map(Diagnostic::warning).collect()
}

/// Lists of names written without square brackets, such as `authors: Ria Bosman, Henk
/// Verhoeven`: YAML reads that as one name with a comma in it. A quoted value is taken to be
/// one name on purpose.
fn list_hints(doc: &Document, out: &mut Vec<Diagnostic>) {
    let lists: &[(&str, &crate::parse::front_matter::Names)] = match &doc.front {
        Front::Story(s) => &[
            ("authors", &s.authors),
            ("neighbourhoods", &s.neighbourhoods),
            ("tags", &s.tags),
            ("events", &s.events),
        ],
        Front::Event(e) => &[("neighbourhoods", &e.neighbourhoods)],
        Front::Neighbourhood(n) => &[("anchors", &n.anchors)],
        Front::Person(p) => &[("neighbourhoods", &p.neighbourhoods)],
        Front::Page(_) => &[],
    };
    for (key, names) in lists {
        let [name] = names.0.as_slice() else { continue };
        if !name.contains(',') {
            continue;
        }
        let (line, column) = key_position(&doc.text, key);
        let written = doc.text.lines().nth(line as usize - 1).unwrap_or_default();
        let value = written.get(column as usize - 1..).unwrap_or_default();
        // A quoted name, a list in brackets, or a list of `- ` lines under the key.
        if value.is_empty() || value.starts_with(['"', '\'', '[']) {
            continue;
        }
        let problem = Problem::ListWithoutBrackets {
            key: key.to_string(),
            value: name.clone(),
        };
        out.push(Diagnostic::at(&doc.path, &doc.text, line, column, problem));
    }
}

/// The keys whose values are sentences, where a ` #` is meant as text and not as a comment.
const TEXT_KEYS: [&str; 8] = [
    "title",
    "subtitle",
    "summary",
    "image_alt",
    "image_caption",
    "image_credit",
    "role",
    "city",
];

/// A ` #` in an unquoted sentence (`title: Wij zijn #1`): YAML reads the rest of the line
/// as a comment, so the value silently loses it.
fn hash_hints(doc: &Document, out: &mut Vec<Diagnostic>) {
    let front = &doc.text[..doc.body_offset.min(doc.text.len())];
    for (i, line) in front.lines().enumerate().skip(1) {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let written = value.trim();
        if !TEXT_KEYS.contains(&key) || written.starts_with(['"', '\'', '|', '>']) {
            continue;
        }
        let Some(at) = written.find(" #") else {
            continue;
        };
        let column = line.len() - value.len() + (value.len() - value.trim_start().len()) + at + 2;
        let problem = Problem::HashInValue {
            key: key.to_string(),
            kept: written[..at].trim_end().to_string(),
            written: written.to_string(),
        };
        let column = line[..column.min(line.len())].chars().count() as u32;
        out.push(Diagnostic::at(
            &doc.path,
            &doc.text,
            i as u32 + 1,
            column,
            problem,
        ));
    }
}

fn front_hints(doc: &Document, out: &mut Vec<Diagnostic>) {
    let summary = match &doc.front {
        Front::Story(s) => {
            if has_text(&s.image) && !has_text(&s.image_credit) {
                out.push(at_key(doc, "image", Problem::MissingImageCredit));
            }
            if s.neighbourhoods.0.is_empty() {
                out.push(at_key(doc, "title", Problem::NoNeighbourhood));
            }
            &s.summary
        }
        Front::Event(e) => &e.summary,
        Front::Neighbourhood(n) => &n.summary,
        Front::Page(p) => &p.summary,
        Front::Person(_) => &None,
    };
    if let Some(summary) = summary {
        let chars = summary.trim().chars().count();
        if chars > SUMMARY_CHARS {
            let problem = Problem::LongSummary {
                chars,
                max: SUMMARY_CHARS,
            };
            out.push(at_key(doc, "summary", problem));
        }
    }
}

fn has_text(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.trim().is_empty())
}

fn at_key(doc: &Document, key: &str, problem: Problem) -> Diagnostic {
    let (line, column) = key_position(&doc.text, key);
    Diagnostic::at(&doc.path, &doc.text, line, column, problem)
}

/// Markdown options as the build uses them, less smart punctuation, so that text offsets
/// stay offsets into the file.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Walks one body and collects its hints; offsets are into the body.
#[derive(Default)]
struct BodyWalk {
    problems: Vec<(usize, Problem)>,
    /// Open block-level tags, to know whether text is running text.
    blocks: Vec<Block>,
    /// Running text of the current paragraph or list item, in pieces with their offsets.
    text: String,
    pieces: Vec<(usize, usize)>,
    block_start: usize,
    heading_level: u8,
    link: Option<(usize, String)>,
    image: Option<(usize, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Running,
    Other,
}

fn body_hints(doc: &Document, out: &mut Vec<Diagnostic>) {
    let body = doc.body();
    let mut walk = BodyWalk {
        heading_level: 1,
        ..BodyWalk::default()
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        walk.event(event, range);
    }
    walk.flush();
    for (offset, problem) in walk.problems {
        out.push(Diagnostic::at_offset(
            &doc.path,
            &doc.text,
            doc.body_offset + offset,
            problem,
        ));
    }
}

impl BodyWalk {
    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range.start),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => self.text(&t, range.start),
            Event::SoftBreak | Event::HardBreak => self.text(" ", range.start),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag, offset: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                self.open(Block::Other, offset);
                self.heading(level as u8, offset);
            }
            Tag::Paragraph | Tag::Item => self.open(Block::Running, offset),
            Tag::Link { .. } => self.link = Some((offset, String::new())),
            Tag::Image { .. } => self.image = Some((offset, String::new())),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {}
            _ => self.open(Block::Other, offset),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Link => {
                if let Some((offset, text)) = self.link.take() {
                    self.link_text(offset, &text);
                }
            }
            TagEnd::Image => {
                if let Some((offset, alt)) = self.image.take()
                    && alt.trim().is_empty()
                {
                    self.problems.push((offset, Problem::ImageWithoutAlt));
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
            _ => {
                self.flush();
                self.blocks.pop();
            }
        }
    }

    /// A block opens: the running text so far is complete.
    fn open(&mut self, block: Block, offset: usize) {
        self.flush();
        self.blocks.push(block);
        self.block_start = offset;
    }

    fn heading(&mut self, level: u8, offset: usize) {
        if level == 1 {
            self.problems.push((offset, Problem::TitleHeading));
        } else if level > self.heading_level + 1 {
            let from = self.heading_level;
            self.problems
                .push((offset, Problem::SkippedHeading { from, to: level }));
        }
        self.heading_level = level;
    }

    fn text(&mut self, text: &str, offset: usize) {
        if let Some((_, alt)) = &mut self.image {
            alt.push_str(text);
            return;
        }
        if let Some((_, link)) = &mut self.link {
            link.push_str(text);
        }
        if self.blocks.last() == Some(&Block::Running) {
            if self.text.is_empty() {
                self.block_start = self.block_start.min(offset);
            }
            self.pieces.push((self.text.len(), offset));
            self.text.push_str(text);
        }
    }

    fn link_text(&mut self, offset: usize, text: &str) {
        let normal = text
            .trim()
            .trim_end_matches(['.', '!', ':', '…', '→', '»', ' '])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        // In every language: a Dutch site may quote an English "click here", and the
        // hints do not know the site's language.
        let vague = crate::words::Lang::ALL
            .iter()
            .any(|lang| lang.words().vague_links.contains(&normal.as_str()));
        if vague {
            self.problems.push((
                offset,
                Problem::VagueLinkText {
                    text: text.trim().to_string(),
                },
            ));
        }
    }

    /// Check the running text collected so far, then start afresh.
    fn flush(&mut self) {
        if self.text.trim().is_empty() {
            self.text.clear();
            self.pieces.clear();
            return;
        }
        let words = count_words(&self.text);
        if words > PARAGRAPH_WORDS {
            let problem = Problem::LongParagraph {
                words,
                max: PARAGRAPH_WORDS,
            };
            self.problems.push((self.block_start, problem));
        }
        for (start, sentence) in sentences(&self.text) {
            let words = count_words(sentence);
            if words > SENTENCE_WORDS {
                let problem = Problem::LongSentence {
                    words,
                    max: SENTENCE_WORDS,
                };
                self.problems.push((self.source_offset(start), problem));
            }
        }
        self.text.clear();
        self.pieces.clear();
    }

    /// Where byte `at` of the collected text stands in the body.
    fn source_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|(start, _)| *start <= at);
        let (start, source) = self.pieces[i.saturating_sub(1)];
        source + (at - start)
    }
}

/// Words are runs of characters between spaces that hold a letter or digit.
fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The sentences of `text` with their byte offsets: a sentence ends at `.`, `!`, `?` or `…`
/// (and closing quotes or brackets) followed by a space and a word that does not start with
/// a lower-case letter, so "bijv. de" and "10.30 uur" do not end one.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')' | '»') {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            if k > j && k < chars.len() && !chars[k].1.is_lowercase() {
                let end = chars[j].0;
                out.push((start, &text[start..end]));
                start = chars[k].0;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// One use of a name in a file's front matter.
struct Mention<'a> {
    doc: &'a Document,
    key: &'static str,
    name: &'a str,
}

/// What is known of one name (by slug): how it is written, whether it has a file of its own,
/// and where it is used.
#[derive(Default)]
struct Known<'a> {
    name: &'a str,
    has_file: bool,
    mentions: Vec<Mention<'a>>,
}

/// The neighbourhood names that `docs` use, each once, as first written.
pub(crate) fn neighbourhood_names(docs: &[&Document]) -> Vec<String> {
    collect_names(docs)
        .into_iter()
        .filter(|((kind, _), _)| *kind == ContentType::Neighbourhood)
        .map(|(_, known)| known.name.to_string())
        .collect()
}

fn collect_names<'a>(docs: &[&'a Document]) -> BTreeMap<(ContentType, String), Known<'a>> {
    let mut known: BTreeMap<(ContentType, String), Known<'a>> = BTreeMap::new();
    let mut add = |kind, name: &'a str, mention: Option<Mention<'a>>| {
        let slug = slugify(name);
        if slug.is_empty() {
            return;
        }
        let entry = known.entry((kind, slug)).or_default();
        if entry.name.is_empty() || mention.is_none() {
            entry.name = name;
        }
        match mention {
            Some(m) => entry.mentions.push(m),
            None => entry.has_file = true,
        }
    };
    for &doc in docs {
        let (hoods, authors, own) = match &doc.front {
            Front::Story(s) => (&s.neighbourhoods.0[..], &s.authors.0[..], None),
            Front::Event(e) => (&e.neighbourhoods.0[..], &[][..], None),
            Front::Person(p) => (
                &p.neighbourhoods.0[..],
                &[][..],
                p.title.as_deref().map(|t| (ContentType::Person, t)),
            ),
            Front::Neighbourhood(n) => (
                &[][..],
                &[][..],
                n.title.as_deref().map(|t| (ContentType::Neighbourhood, t)),
            ),
            Front::Page(_) => (&[][..], &[][..], None),
        };
        if let Some((kind, title)) = own {
            add(kind, title, None);
        }
        for name in hoods {
            let key = "neighbourhoods";
            add(
                ContentType::Neighbourhood,
                name,
                Some(Mention { doc, key, name }),
            );
        }
        for name in authors {
            let key = "authors";
            add(ContentType::Person, name, Some(Mention { doc, key, name }));
        }
    }
    known
}

/// A name without a file of its own that is close to another name, which has a file or is
/// used more often, is likely a typo: a warning at each place it is used.
fn similar_names(docs: &[&Document], out: &mut Vec<Diagnostic>) {
    let known = collect_names(docs);
    for ((kind, slug), this) in &known {
        if this.has_file {
            continue;
        }
        let others = known
            .iter()
            .filter(|((k, s), other)| {
                k == kind
                    && s != slug
                    && (other.has_file || other.mentions.len() >= this.mentions.len())
            })
            .map(|(_, other)| other.name);
        let hint = closest_name(this.name, others);
        if hint.0.is_none() {
            continue;
        }
        warn_each_mention(this, kind.name(), &hint, out);
    }
}

/// A tag that is close to a tag used more often is likely a typo of it: a warning at each
/// place it is used, as for names.
fn similar_tags(docs: &[&Document], out: &mut Vec<Diagnostic>) {
    let mut tags: BTreeMap<String, Known<'_>> = BTreeMap::new();
    for doc in docs {
        let Front::Story(story) = &doc.front else {
            continue;
        };
        for name in &story.tags.0 {
            let slug = slugify(name);
            if slug.is_empty() {
                continue;
            }
            let entry = tags.entry(slug).or_default();
            if entry.name.is_empty() {
                entry.name = name;
            }
            let key = "tags";
            entry.mentions.push(Mention { doc, key, name });
        }
    }
    for (slug, this) in &tags {
        let others = tags
            .iter()
            .filter(|(s, other)| *s != slug && other.mentions.len() > this.mentions.len())
            .map(|(_, other)| other.name);
        let hint = closest_name(this.name, others);
        if hint.0.is_none() {
            continue;
        }
        warn_each_mention(this, "tag", &hint, out);
    }
}

/// A "new name, did you mean" warning at every place `this` is written.
fn warn_each_mention(this: &Known<'_>, what: &'static str, hint: &Hint, out: &mut Vec<Diagnostic>) {
    for m in &this.mentions {
        let problem = Problem::SimilarName {
            what,
            name: m.name.to_string(),
            hint: hint.clone(),
        };
        let offset = name_offset(m.doc, m.key, m.name);
        out.push(Diagnostic::at_offset(
            &m.doc.path,
            &m.doc.text,
            offset,
            problem,
        ));
    }
}

/// Where `name` is written under `key` in the front matter of `doc`.
fn name_offset(doc: &Document, key: &str, name: &str) -> usize {
    let front = &doc.text[..doc.body_offset.min(doc.text.len())];
    let key_start = front
        .match_indices(&format!("\n{key}:"))
        .next()
        .map_or(0, |(i, _)| i + 1);
    front[key_start..]
        .find(name)
        .map_or(key_start, |i| key_start + i)
}

/// The closest existing name to `name`, when `name` itself is new.
pub(crate) fn similar(name: &str, existing: &[String]) -> Hint {
    let slug = slugify(name);
    if existing.iter().any(|e| slugify(e) == slug) {
        return Hint::default();
    }
    closest_name(name, existing.iter().map(String::as_str))
}

/// The digits of `name`, in order.
fn digits(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().filter(char::is_ascii_digit)
}

/// How often the letters of a name occur, in 64 buckets: one edit (a letter typed wrong, left
/// out, added or swapped) changes the counts by at most two, so half their difference is a
/// lower bound on the edits between two names.
struct Letters([u8; 64]);

impl Letters {
    fn of(name: &str) -> Letters {
        let mut counts = [0u8; 64];
        for c in name.chars() {
            let bucket = &mut counts[c as usize % 64];
            *bucket = bucket.saturating_add(1);
        }
        Letters(counts)
    }

    fn edits_at_least(&self, other: &Letters) -> usize {
        let differ: usize = (self.0.iter().zip(&other.0))
            .map(|(a, b)| a.abs_diff(*b) as usize)
            .sum();
        differ.div_ceil(2)
    }
}

/// Like [`Hint::closest`], but stricter: neighbourhood names share endings (-buurt, -wijk),
/// so Lindenbuurt and Muntenbuurt are three letters apart and still different places. A typo
/// is one letter off, or two in a long name.
fn closest_name<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Hint {
    let name = name.to_lowercase();
    let letters = Letters::of(&name);
    let best = candidates
        .into_iter()
        .filter_map(|c| {
            // Names that differ in their numbers ("fase 1", "fase 2") differ on purpose.
            if !digits(&name).eq(digits(c)) {
                return None;
            }
            let most = (c.chars().count() / 6).clamp(1, 2);
            let lower = c.to_lowercase();
            // Every build compares every pair of names: a cheap lower bound on the distance
            // rules out most pairs before the distance itself is computed.
            if letters.edits_at_least(&Letters::of(&lower)) > most {
                return None;
            }
            let d = strsim::osa_distance(&name, &lower);
            (d > 0 && d <= most).then_some((d, c))
        })
        .min_by_key(|(d, _)| *d);
    Hint(best.map(|(_, c)| c.to_string()))
}

#[cfg(test)]
mod letters_tests {
    use super::Letters;

    #[test]
    fn names_that_differ_in_their_numbers_are_no_typos() {
        let hint =
            |name: &str, others: &[&str]| super::closest_name(name, others.iter().copied()).0;
        assert_eq!(hint("onderwerp 12", &["onderwerp 1", "onderwerp 13"]), None);
        assert_eq!(hint("Jaar 2023", &["Jaar 2024"]), None);
        assert_eq!(hint("fase 1", &["fase 1"]), None);
        assert_eq!(
            hint("Lindebuurt", &["Lindenbuurt"]).as_deref(),
            Some("Lindenbuurt")
        );
        assert_eq!(
            hint("onderwerp 12", &["onderwrep 12"]).as_deref(),
            Some("onderwrep 12")
        );
    }

    #[test]
    fn the_letter_bound_never_exceeds_the_distance() {
        let names = [
            "lindenbuurt",
            "lindebuurt",
            "Lindenbuurt",
            "muntenbuurt",
            "zuilenstein",
            "zuilensteen",
            "irma vroegop",
            "irma vroegoop",
            "ab",
            "ba",
            "cafe",
            "café",
            "",
        ];
        for a in names {
            for b in names {
                let bound = Letters::of(a).edits_at_least(&Letters::of(b));
                assert!(bound <= strsim::osa_distance(a, b), "{a} {b}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str, text: &str) -> Document {
        let file = crate::load::SourceFile {
            path: path.into(),
            text: text.into(),
        };
        let mut errs = crate::diagnostic::Diagnostics::default();
        let (docs, _) = crate::parse::documents(
            &[file],
            &Default::default(),
            crate::config::Lang::Nl,
            &mut errs,
        );
        assert!(errs.is_empty(), "{errs:?}");
        Document::clone(&docs[0])
    }

    fn codes(text: &str) -> Vec<(u32, u32, &'static str)> {
        let d = doc("content/stories/a.md", text);
        let mut found: Vec<_> = content(&[&d], Scope::All)
            .iter()
            .map(|d| {
                let at = d.at.as_ref().unwrap();
                (at.line, at.column, d.problem.code())
            })
            .collect();
        found.sort();
        found
    }

    const FRONT: &str = "---\ntitle: A\ndate: 2024-01-01\nneighbourhoods: [Zuilenstein]\n---\n";

    #[test]
    fn a_plain_story_has_no_hints() {
        let text = format!(
            "{FRONT}Korte zin. Nog een zin.\n\n## Kop\n\n### Onder\n\nZie [de agenda](https://example.org).\n"
        );
        assert_eq!(codes(&text), []);
    }

    #[test]
    fn front_matter_hints() {
        let long = "woord ".repeat(70);
        let text = format!(
            "---\ntitle: A\ndate: 2024-01-01\nimage: /a.jpg\nimage_alt: A\nsummary: {long}\n---\nTekst.\n"
        );
        assert_eq!(
            codes(&text),
            [
                (2, 8, "no-neighbourhood"),
                (4, 8, "missing-image-credit"),
                (6, 10, "long-summary")
            ]
        );
    }

    #[test]
    fn long_sentences_are_found_where_they_start() {
        let long = "en dan ".repeat(13);
        let text = format!("{FRONT}Kort. Hier begint het {long}einde.\n");
        assert_eq!(codes(&text), [(6, 7, "long-sentence")]);
    }

    #[test]
    fn abbreviations_and_times_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Om 10.30 uur, bijv. de tuin. Dan koffie.").len(),
            2
        );
        assert_eq!(sentences("\"Kom!\" Zei ze. Ja").len(), 3);
    }

    #[test]
    fn long_paragraphs() {
        let text = format!("{FRONT}{}\n", "Een zin van vijf woorden. ".repeat(31));
        assert_eq!(codes(&text), [(6, 1, "long-paragraph")]);
    }

    #[test]
    fn headings_that_skip_a_level_or_repeat_the_title() {
        let text = format!("{FRONT}# Titel\n\n## Kop\n\n#### Diep\n");
        assert_eq!(
            codes(&text),
            [(6, 1, "title-heading"), (10, 1, "skipped-heading")]
        );
    }

    #[test]
    fn vague_link_texts_and_images_without_description() {
        let text = format!(
            "{FRONT}Meer weten? [Klik hier](https://x.org). Of [lees meer…](b.md).\n\n![](foto.jpg)\n"
        );
        assert_eq!(
            codes(&text),
            [
                (6, 13, "vague-link-text"),
                (6, 44, "vague-link-text"),
                (8, 1, "image-without-alt")
            ]
        );
    }

    #[test]
    fn names_close_to_another_are_flagged_where_written() {
        let hood = doc(
            "content/neighbourhoods/m.md",
            "---\ntitle: Muntenbuurt\n---\n",
        );
        let a = doc(
            "content/stories/a.md",
            "---\ntitle: A\ndate: 2024-01-01\nneighbourhoods:\n  - Zuilenstein\n  - Muntebuurt\nauthors: [Henk Verhoeven]\n---\n",
        );
        let b = doc(
            "content/stories/b.md",
            "---\ntitle: B\ndate: 2024-01-01\nneighbourhoods: [Muntenbuurt]\nauthors: [Henk Verhoeve]\n---\n",
        );
        let c = doc(
            "content/stories/c.md",
            "---\ntitle: C\ndate: 2024-01-01\nneighbourhoods: [Zuilenstein]\nauthors: [Henk Verhoeven]\n---\n",
        );
        let found: Vec<String> = content(&[&hood, &a, &b, &c], Scope::All)
            .iter()
            .filter(|d| d.problem.code() == "similar-name")
            .map(|d| {
                let at = d.at.as_ref().unwrap();
                format!(
                    "{}:{}:{} {}",
                    at.path.display(),
                    at.line,
                    at.column,
                    d.problem
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                "content/stories/a.md:6:5 new neighbourhood `Muntebuurt` (did you mean `Muntenbuurt`?)",
                "content/stories/b.md:5:11 new person `Henk Verhoeve` (did you mean `Henk Verhoeven`?)",
            ]
        );
    }

    #[test]
    fn similar_to_existing_names() {
        let existing = vec!["Muntenbuurt".to_string(), "Zuilenstein".to_string()];
        assert_eq!(
            similar("Muntebuurt", &existing).0.as_deref(),
            Some("Muntenbuurt")
        );
        assert_eq!(similar("muntenbuurt", &existing).0, None);
        assert_eq!(similar("Lindenbuurt", &existing).0, None);
        assert_eq!(similar("Zuilestijn", &existing).0, None);
        assert_eq!(
            similar("Zuilestein", &existing).0.as_deref(),
            Some("Zuilenstein")
        );
    }
}
