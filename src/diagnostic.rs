//! Problems found while building a site, with the place they were found.
//!
//! Every stage reports into [`Diagnostics`] and carries on, so one run shows every error.
//! This module knows how to show a diagnostic: for a terminal (`path:line:column: message`,
//! the offending line with a caret, and a short help line where one helps; coloured and
//! grouped by file when stderr is a terminal), as JSON for other tools, and as the plain text
//! the serve overlay escapes into HTML. It knows nothing of how the problems were found.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};

use crate::words::Lang;
use crate::words::messages::{self, Args};

/// A position in a file; line and column are 1-based, columns count characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: u32,
    pub column: u32,
}

/// How serious a diagnostic is: errors stop a build, warnings are advice from `plein check`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

impl Severity {
    fn word(self, lang: Lang) -> String {
        let id = match self {
            Severity::Error => "severity-error",
            Severity::Warning => "severity-warning",
        };
        messages::text(lang, id, &Args::new())
    }
}

/// What went wrong, in words an editor understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotUtf8,
    NoFrontMatter,
    UnclosedFrontMatter,
    Yaml(String),
    /// A YAML mistake recognised from its line (`cause` names it, as `tab` or `colon`), with
    /// the line as it should read.
    YamlLine {
        cause: YamlCause,
        fixed: String,
    },
    /// A key plein does not know; `inside` names the key whose value it is in (as
    /// `location`), empty for a key at the top.
    UnknownKey {
        key: String,
        allowed: String,
        hint: Hint,
        inside: String,
    },
    MissingKey(&'static str, &'static str),
    BadDate {
        value: String,
        expected: &'static str,
    },
    UnknownKind {
        kind: String,
        allowed: String,
        hint: Hint,
    },
    MissingImageAlt,
    DuplicateSlug {
        what: &'static str,
        slug: String,
        first: String,
    },
    EmptySlug(String),
    ReservedSlug {
        slug: String,
    },
    MissingLink {
        target: String,
        hint: Hint,
    },
    /// A Markdown file that is in none of the content folders.
    OutsideContent {
        folders: String,
    },
    /// ` #` in an unquoted value: YAML reads the rest of the line as a comment.
    HashInValue {
        key: String,
        kept: String,
        written: String,
    },
    /// A picture (`image:` or `![...](...)`) that is not where the path says.
    MissingPicture {
        target: String,
        hint: Hint,
    },
    LinkToDraft {
        target: String,
    },
    UnknownEvent {
        slug: String,
        hint: Hint,
    },
    EndBeforeStart {
        start: String,
        end: String,
    },
    StartNotInRepeat {
        start: String,
        rule: String,
    },
    ExceptNotInRepeat {
        date: String,
        rule: String,
    },
    YearSlug {
        slug: String,
        section: String,
    },
    UnknownTimeZone(String),
    UnknownLanguage {
        code: String,
        known: String,
    },
    BadBaseUrl {
        value: String,
        reason: &'static str,
    },
    UnsafeUrl {
        /// Where serde_yaml found it, such as `source.url: `; empty in plein.yaml.
        key: String,
        url: String,
        fault: crate::ground::url::UrlFault,
        /// Whether the address is that of a picture, which only http and https may have.
        image: bool,
        lang: crate::words::Lang,
    },
    Template {
        template: String,
        message: String,
    },
    /// A problem whose words are all in the Fluent files: the message `id`, which is also its
    /// code for `--format json`, with its arguments. Made with [`Problem::told`].
    Told {
        id: &'static str,
        args: Vec<(&'static str, String)>,
    },

    // Content hints from `plein check`: warnings, or errors with `--strict`.
    MissingImageCredit,
    NoNeighbourhood,
    LongSummary {
        chars: usize,
        max: usize,
    },
    LongSentence {
        words: usize,
        max: usize,
    },
    LongParagraph {
        words: usize,
        max: usize,
    },
    SkippedHeading {
        from: u8,
        to: u8,
    },
    TitleHeading,
    VagueLinkText {
        text: String,
    },
    ImageWithoutAlt,
    ListWithoutBrackets {
        key: String,
        value: String,
    },
    MissingBaseUrl,
    SimilarName {
        what: &'static str,
        name: String,
        hint: Hint,
    },
}

fn marks(level: u8) -> String {
    "#".repeat(level as usize)
}

impl Problem {
    /// The problem that the Fluent message `id` tells, with `args`.
    pub(crate) fn told(
        id: &'static str,
        args: &[(&'static str, &dyn std::fmt::Display)],
    ) -> Problem {
        let args = args.iter().map(|(name, value)| (*name, value.to_string()));
        Problem::Told {
            id,
            args: args.collect(),
        }
    }

    /// A file or folder that cannot be read, for the reason `e`.
    pub(crate) fn unreadable(e: &std::io::Error) -> Problem {
        Problem::told("read", &[("kind", &io_kind(e)), ("reason", e)])
    }

    /// `path`, which cannot be written, for the reason `e`.
    pub(crate) fn unwritable(path: &Path, e: &std::io::Error) -> Problem {
        let args: [(_, &dyn std::fmt::Display); 3] = [
            ("path", &path.display()),
            ("kind", &io_kind(e)),
            ("reason", e),
        ];
        Problem::told("write", &args)
    }

    /// A stable name for the kind of problem, for tools reading `--format json`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::NotUtf8 => "not-utf8",
            Problem::NoFrontMatter => "no-front-matter",
            Problem::UnclosedFrontMatter => "unclosed-front-matter",
            Problem::Yaml(m)
                if crate::ground::yaml::decoded(m)
                    .is_some_and(|(id, _)| id.starts_with("repeat-")) =>
            {
                "repeat"
            }
            Problem::Yaml(_) | Problem::YamlLine { .. } => "yaml",
            Problem::UnknownKey { .. } => "unknown-key",
            Problem::MissingKey(..) => "missing-key",
            Problem::BadDate { .. } => "bad-date",
            Problem::UnknownKind { .. } => "unknown-kind",
            Problem::MissingImageAlt => "missing-image-alt",
            Problem::DuplicateSlug { .. } => "duplicate-slug",
            Problem::EmptySlug(_) => "empty-slug",
            Problem::ReservedSlug { .. } => "reserved-slug",
            Problem::MissingLink { .. } => "missing-link",
            Problem::MissingPicture { .. } => "missing-picture",
            Problem::HashInValue { .. } => "hash-in-value",
            Problem::OutsideContent { .. } => "outside-content",
            Problem::LinkToDraft { .. } => "link-to-draft",
            Problem::UnknownEvent { .. } => "unknown-event",
            Problem::EndBeforeStart { .. } => "end-before-start",
            Problem::StartNotInRepeat { .. } => "start-not-in-repeat",
            Problem::ExceptNotInRepeat { .. } => "except-not-in-repeat",
            Problem::YearSlug { .. } => "year-slug",
            Problem::UnknownTimeZone(_) => "unknown-time-zone",
            Problem::UnknownLanguage { .. } => "unknown-language",
            Problem::BadBaseUrl { .. } => "bad-base-url",
            Problem::UnsafeUrl { .. } => "unsafe-url",
            Problem::Template { .. } => "template",
            Problem::Told { id, .. } => id,
            Problem::MissingImageCredit => "missing-image-credit",
            Problem::NoNeighbourhood => "no-neighbourhood",
            Problem::LongSummary { .. } => "long-summary",
            Problem::LongSentence { .. } => "long-sentence",
            Problem::LongParagraph { .. } => "long-paragraph",
            Problem::SkippedHeading { .. } => "skipped-heading",
            Problem::TitleHeading => "title-heading",
            Problem::VagueLinkText { .. } => "vague-link-text",
            Problem::ImageWithoutAlt => "image-without-alt",
            Problem::ListWithoutBrackets { .. } => "list-without-brackets",
            Problem::MissingBaseUrl => "missing-base-url",
            Problem::SimilarName { .. } => "similar-name",
        }
    }

    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (id, args) = self.fluent(lang);
        messages::text(lang, id, &args)
    }

    /// A short explanation of how to fix it, with an example line, in `lang`.
    pub fn help(&self, lang: Lang) -> Option<String> {
        let (id, args) = self.fluent(lang);
        messages::attribute(lang, id, "help", &args)
    }

    /// The name of this problem's message in the Fluent files, and its arguments.
    fn fluent(&self, lang: Lang) -> (&str, Args) {
        let a = Args::new();
        let hint = |h: &Hint| h.shown(lang);
        let args = match self {
            Problem::Yaml(message) => return yaml_cause(message, lang),
            Problem::Told { id, args } => {
                let args = args.iter();
                return (
                    id,
                    args.fold(a, |a, (name, value)| a.text(name, value.clone())),
                );
            }
            Problem::YamlLine { cause, fixed } => return (cause.id(), a.text("fixed", fixed)),
            Problem::UnknownKey {
                key,
                allowed,
                hint: h,
                inside,
            } => {
                let a = a.text("allowed", allowed).text("hint", hint(h));
                if !inside.is_empty() {
                    let a = example_args(a.text("field", key), inside, lang);
                    return ("unknown-inner-key", a);
                }
                a.text("key", key)
            }
            Problem::MissingKey(key, what) => a.text("key", *key).text("what", *what),
            Problem::BadDate { value, .. } => date_args(a.text("key", "date"), value),
            Problem::UnknownKind {
                kind,
                allowed,
                hint: h,
            } => {
                let first = allowed.split([',', ' ']).next().unwrap_or_default();
                let a = a.text("kind", kind).text("allowed", allowed);
                a.text("hint", hint(h)).text("first", first.to_string())
            }
            Problem::DuplicateSlug { what, slug, first } => a
                .text("what", *what)
                .text("slug", slug)
                .text("first", first),
            Problem::EmptySlug(title) => a.text("title", title),
            Problem::OutsideContent { folders } => a.text("folders", folders),
            Problem::HashInValue { key, kept, written } => {
                let fixed = format!("{key}: \"{}\"", written.replace('"', "\\\""));
                a.text("key", key).text("kept", kept).text("fixed", fixed)
            }
            Problem::ReservedSlug { slug } => a.text("slug", slug),
            Problem::MissingLink { target, hint: h }
            | Problem::MissingPicture { target, hint: h } => {
                a.text("target", target).text("hint", hint(h))
            }
            Problem::LinkToDraft { target } => a.text("target", target),
            Problem::UnknownEvent { slug, hint: h } => a.text("slug", slug).text("hint", hint(h)),
            Problem::EndBeforeStart { start, end } => a.text("start", start).text("end", end),
            Problem::StartNotInRepeat { start, rule } => a.text("start", start).text("rule", rule),
            Problem::ExceptNotInRepeat { date, rule } => a.text("date", date).text("rule", rule),
            Problem::YearSlug { slug, section } => a.text("slug", slug).text("section", section),
            setting @ (Problem::UnknownTimeZone(_)
            | Problem::UnknownLanguage { .. }
            | Problem::BadBaseUrl { .. }
            | Problem::UnsafeUrl { .. }
            | Problem::Template { .. }) => setting.setting_args(a),
            hint @ (Problem::LongSummary { .. }
            | Problem::LongSentence { .. }
            | Problem::LongParagraph { .. }
            | Problem::SkippedHeading { .. }
            | Problem::VagueLinkText { .. }
            | Problem::ListWithoutBrackets { .. }
            | Problem::SimilarName { .. }) => hint.hint_args(a, lang),
            Problem::NotUtf8
            | Problem::NoFrontMatter
            | Problem::UnclosedFrontMatter
            | Problem::MissingImageAlt
            | Problem::MissingImageCredit
            | Problem::NoNeighbourhood
            | Problem::TitleHeading
            | Problem::ImageWithoutAlt
            | Problem::MissingBaseUrl => a,
        };
        (self.code(), args)
    }

    /// The Fluent arguments of a problem with a setting, an address or the output.
    fn setting_args(&self, a: Args) -> Args {
        match self {
            Problem::UnknownTimeZone(zone) => a.text("zone", zone),
            Problem::UnknownLanguage { code, known } => {
                // `known` reads "nl or en"; the message has its own words around the codes.
                a.text("code", code)
                    .text("known", known.replace(" or ", ", "))
            }
            Problem::BadBaseUrl { value, reason } => a
                .text("value", value)
                .text("reason", base_url_reason(reason))
                .text("detail", *reason),
            Problem::UnsafeUrl {
                key,
                url,
                fault,
                image,
                ..
            } => unsafe_url_args(a, key, url, *fault, *image),
            Problem::Template { template, message } => {
                a.text("template", template).text("detail", message)
            }
            _ => a,
        }
    }

    /// The Fluent arguments of a writing hint.
    fn hint_args(&self, a: Args, lang: Lang) -> Args {
        match self {
            Problem::LongSummary { chars, max } => a.number("chars", *chars).number("max", *max),
            Problem::LongSentence { words, max } | Problem::LongParagraph { words, max } => {
                a.number("words", *words).number("max", *max)
            }
            Problem::SkippedHeading { from, to } => a
                .text("from", marks(*from))
                .text("to", marks(*to))
                .text("next", marks(from + 1)),
            Problem::VagueLinkText { text } => a.text("text", text),
            Problem::ListWithoutBrackets { key, value } => {
                let items: Vec<&str> = value.split(',').map(str::trim).collect();
                a.text("key", key)
                    .text("value", value)
                    .text("items", items.join(", "))
            }
            Problem::SimilarName { what, name, hint } => a
                .text("what", *what)
                .text("name", name)
                .text("hint", hint.shown(lang)),
            _ => a,
        }
    }
}

/// The Fluent arguments of a refused URL. Tabs and other control characters are shown as
/// \t and \u{..}, not sent to the terminal.
fn unsafe_url_args(
    a: Args,
    key: &str,
    url: &str,
    fault: crate::ground::url::UrlFault,
    image: bool,
) -> Args {
    use crate::ground::url::UrlFault;
    let fault = match (fault, image) {
        (UrlFault::Control, _) => "control",
        (UrlFault::Scheme, true) => "image",
        (UrlFault::Scheme, false) => "link",
    };
    a.text("key", key)
        .text("url", url.escape_debug().to_string())
        .text("fault", fault)
        .text("image", if image { "yes" } else { "no" })
}

/// The message in English, for logs and tests; editors see [`Problem::message`] in their
/// site's language.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Problem {}

/// The mistakes behind a YAML parser's message that plein recognises from the line itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlCause {
    /// A tab where YAML wants spaces.
    Tab,
    /// Curly quotes (“ ”), which YAML does not take as quotes.
    CurlyQuotes,
    /// `: ` inside an unquoted value.
    Colon,
    /// A quote opened and not closed on its line.
    UnclosedQuote,
    /// A `[` list without its `]`.
    UnclosedList,
    /// A key that starts further in than the keys above it.
    Indent,
}

impl YamlCause {
    /// The name of its message in the Fluent files.
    fn id(self) -> &'static str {
        match self {
            YamlCause::Tab => "yaml-line-tab",
            YamlCause::CurlyQuotes => "yaml-line-curly",
            YamlCause::Colon => "yaml-line-colon",
            YamlCause::UnclosedQuote => "yaml-line-quote",
            YamlCause::UnclosedList => "yaml-line-list",
            YamlCause::Indent => "yaml-line-indent",
        }
    }
}

/// The name in the Fluent files of why a base URL is refused (see
/// [`crate::config::check_base_url`]); `other` shows the reason as it is.
fn base_url_reason(reason: &str) -> &'static str {
    match reason {
        "it must start with https:// or http://" => "scheme",
        "it has no https:// at the start" => "no-scheme",
        "it has a space or an invisible character in it" => "space",
        "a site address has no `?` or `#` part" => "query",
        "a site address has no user name or password in it" => "user",
        "it has no valid host name after the //" => "host",
        "its path has `\\`, `.` or `..` in it" => "path",
        _ => "other",
    }
}

/// What kind of input or output error `e` is, for the message files to say in their own
/// words: not-found, no-permission, full, read-only or other (then the system's words).
fn io_kind(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "not-found",
        ErrorKind::PermissionDenied => "no-permission",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "full",
        ErrorKind::ReadOnlyFilesystem => "read-only",
        _ => "other",
    }
}

/// The cause behind a YAML parser's message, as a message of its own in volunteer words.
fn yaml_cause(message: &str, lang: Lang) -> (&str, Args) {
    let m = message;
    if let Some((id, args)) = crate::ground::yaml::decoded(m) {
        let text = args
            .iter()
            .find(|(name, _)| *name == "text")
            .map(|(_, v)| *v);
        let a = coded_args(args, lang);
        // A day to skip written the way people write dates gets its ISO form.
        return match text {
            Some(text) if id == "repeat-except" => (id, date_args(a, text)),
            _ => (id, a),
        };
    }
    let a = Args::new();
    // serde_yaml names the key first, as `draft: invalid type ...`.
    let key = m
        .split_once(": ")
        .map(|(k, _)| k)
        .filter(|k| !k.contains(' '))
        .unwrap_or_default();
    let id = if m.contains("mapping values are not allowed") {
        "yaml-colon"
    } else if m.contains("did not find expected ',' or ']'") {
        "yaml-bracket"
    } else if m.contains("found character that cannot start any token") {
        "yaml-token"
    } else if m.contains("found unexpected end of stream")
        || m.contains("unknown escape")
        || m.contains("while scanning a quoted scalar")
    {
        "yaml-quotes"
    } else if m.contains("did not find expected") || m.contains("block mapping") {
        "yaml-indent"
    } else if m.contains("expected a boolean") {
        let value = between(m, "type: ", ", expected").map_or("", found_value);
        let suggest = match value.to_lowercase().as_str() {
            "ja" | "j" | "waar" | "wel" | "aan" | "1" => "true",
            "nee" | "n" | "onwaar" | "niet" | "uit" | "0" => "false",
            _ => "other",
        };
        let args = a.text("key", key).text("value", value);
        return ("yaml-boolean", args.text("suggest", suggest));
    } else if let Some(value) = between(m, "`", "` is not a date") {
        return ("yaml-date", date_args(a.text("key", key), value));
    } else if m.contains("expected a sequence") || m.contains("a list of names") {
        return ("yaml-list", example_args(a, key, lang));
    } else if let Some(label) = between(m, "the registration link `", "` has no `url`") {
        return ("yaml-registration-url", a.text("label", label));
    } else if m.contains("duplicate entry") {
        let key = between(m, "with key \"", "\"").unwrap_or(key);
        return ("yaml-duplicate", a.text("key", key));
    } else if let Some(field) = between(m, "duplicate field `", "`") {
        return ("yaml-duplicate", a.text("key", field));
    } else if let Some(field) = between(m, "missing field `", "`") {
        return (
            "yaml-missing",
            example_args(a.text("field", field), key, lang),
        );
    } else if let Some(rest) = m
        .split_once("invalid type: ")
        .or(m.split_once("invalid value: "))
    {
        let (found, expected) = rest.1.split_once(", expected ").unwrap_or((rest.1, ""));
        let a = a
            .text("found", found_kind(found))
            .text("value", found_value(found))
            .text("expected", expected_kind(expected));
        return ("yaml-type", example_args(a, key, lang));
    } else {
        return ("yaml", a.text("detail", m));
    };
    (id, a)
}

/// The arguments of a message made by `ground::yaml::coded`, in `lang`: a suggested name
/// becomes " (bedoel je `x`?)", an English weekday the language's own.
fn coded_args(args: Vec<(&str, &str)>, lang: Lang) -> Args {
    args.into_iter().fold(Args::new(), |a, (name, value)| {
        let value = match name {
            "hint" if !value.is_empty() => Hint(Some(value.to_string())).shown(lang),
            "weekday" => crate::ground::repeat::weekday(value).map_or(value.to_string(), |day| {
                lang.words().weekday(day).to_lowercase()
            }),
            _ => value.to_string(),
        };
        a.named(name.to_string(), value)
    })
}

/// `key` and a line that shows a right value for it (`example`, or `none` when plein has
/// no example for that key).
fn example_args(a: Args, key: &str, lang: Lang) -> Args {
    // `registration[0].url` has the example of `registration-url`.
    let mut name = String::new();
    let mut in_index = false;
    for c in key.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            '.' => name.push('-'),
            _ if !in_index => name.push(c),
            _ => {}
        }
    }
    let known = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let example = if known && !name.is_empty() {
        messages::text(lang, "field-example", &Args::new().text("key", name))
    } else {
        String::new()
    };
    let example = if example.is_empty() {
        "none".into()
    } else {
        example
    };
    a.text("key", key).text("example", example)
}

/// What kind of value serde found, from its words for it (`string "x"`, `integer `5``,
/// `sequence`): text, number, yesno, list, keys, empty or other.
fn found_kind(found: &str) -> &'static str {
    if found.starts_with("string") || found.starts_with("char") {
        "text"
    } else if found.starts_with("integer") || found.starts_with("floating point") {
        "number"
    } else if found.starts_with("boolean") {
        "yesno"
    } else if found.starts_with("sequence") {
        "list"
    } else if found.starts_with("map") {
        "keys"
    } else if found.starts_with("unit") {
        "empty"
    } else {
        "other"
    }
}

/// The value in serde's words for what it found: `x` in `string "x"` or `5` in `integer `5``.
fn found_value(found: &str) -> &str {
    between(found, "\"", "\"")
        .or_else(|| between(found, "`", "`"))
        .unwrap_or_default()
}

/// What kind of value serde expected, from its words for it: text, number, list, keys,
/// rule (of `repeat`) or other.
fn expected_kind(expected: &str) -> &'static str {
    let numbers = [
        "i64",
        "u64",
        "i32",
        "u32",
        "u8",
        "usize",
        "whole number",
        "integer",
    ];
    if expected == "a string" || expected == "string" {
        "text"
    } else if numbers.iter().any(|n| expected.contains(n)) {
        "number"
    } else if expected.contains("the rule as keys") {
        "rule"
    } else if expected.starts_with("struct") || expected.starts_with("a map") {
        "keys"
    } else if expected.contains("sequence") || expected.contains("list") {
        "list"
    } else {
        "other"
    }
}

/// `value` and, when it reads as a date written the way people write them (12-03-2025,
/// 12 maart 2025, 12 March 2025), that date as plein wants it in `iso`.
fn date_args(args: Args, value: &str) -> Args {
    let iso = written_date(value);
    args.text("value", value)
        .text("known", if iso.is_some() { "yes" } else { "no" })
        .text("iso", iso.unwrap_or_else(|| "2025-03-12".to_string()))
}

/// A day-month-year date as 2025-03-12: digits with `-`, `/` or `.` between, or a month name
/// (or its first three letters) in any language plein knows.
fn written_date(value: &str) -> Option<String> {
    let parts: Vec<&str> = value
        .split(['-', '/', '.', ' ', ','])
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts[..] else {
        return None;
    };
    let day: i8 = day.parse().ok()?;
    let year: i16 = year.parse().ok()?;
    let month: i8 = match month.parse() {
        Ok(n) => n,
        Err(_) => month_number(month)?,
    };
    let date = jiff::civil::Date::new(year, month, day).ok()?;
    (year >= 1000).then(|| date.to_string())
}

/// The number of the month named `name`, in full or by its first three letters.
fn month_number(name: &str) -> Option<i8> {
    let name = name.to_lowercase();
    Lang::ALL.iter().find_map(|lang| {
        let months = lang.words().months;
        let found = months.iter().position(|m| {
            let m = m.to_lowercase();
            m == name || (name.chars().count() >= 3 && m.starts_with(&name))
        })?;
        Some(found as i8 + 1)
    })
}

/// The text between the first `open` and the next `close` in `text`.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let rest = &text[text.find(open)? + open.len()..];
    Some(&rest[..rest.find(close)?])
}
/// An optional " (did you mean `x`?)" after a misspelled name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hint(pub Option<String>);

/// In English, for messages that are not yet in the Fluent files.
impl std::fmt::Display for Hint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown(Lang::En))
    }
}

impl Hint {
    /// " (did you mean `x`?)" in `lang`, or nothing.
    pub fn shown(&self, lang: Lang) -> String {
        match &self.0 {
            Some(name) => messages::text(lang, "did-you-mean", &Args::new().text("name", name)),
            None => String::new(),
        }
    }

    /// The closest of `candidates` to `word`, if it is close enough to be a likely typo; of
    /// equally close ones the first in alphabetical order, so the hint does not depend on
    /// the order they come in.
    pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Hint {
        let word = word.to_lowercase();
        let best = candidates
            .into_iter()
            .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
            .filter(|(d, c)| *d > 0 && *d <= (c.chars().count() / 3).max(1))
            .min();
        Hint(best.map(|(_, c)| c.to_string()))
    }
}

/// One problem, where it is, and the lines around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub problem: Box<Problem>,
    pub at: Option<Location>,
    /// The offending line as it stands in the file, when there is one.
    pub snippet: Option<String>,
    pub severity: Severity,
}

/// The colours of terminal output; `Palette::PLAIN` has none.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    path: Style,
    error: Style,
    warning: Style,
    gutter: Style,
    help: Style,
    /// Whether each file gets a heading line before its diagnostics.
    headings: bool,
}

impl Palette {
    /// No colour, no file headings: the form tests, pipes and the serve overlay see.
    pub const PLAIN: Palette = Palette {
        path: Style::new(),
        error: Style::new(),
        warning: Style::new(),
        gutter: Style::new(),
        help: Style::new(),
        headings: false,
    };

    /// Colour and a heading per file, for a terminal.
    pub const COLOUR: Palette = Palette {
        path: Style::new().bold(),
        error: Style::new()
            .bold()
            .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red))),
        warning: Style::new()
            .bold()
            .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow))),
        gutter: Style::new()
            .bold()
            .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue))),
        help: Style::new()
            .bold()
            .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan))),
        headings: true,
    };

    /// Colour when stderr is a terminal and NO_COLOR is unset (CLICOLOR_FORCE forces it).
    pub fn for_stderr() -> Palette {
        match anstream::AutoStream::choice(&std::io::stderr()) {
            anstream::ColorChoice::Never => Palette::PLAIN,
            _ => Palette::COLOUR,
        }
    }

    fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
        }
    }
}

/// `text` in `style`; nothing added for the plain style, so plain output stays byte for byte.
fn paint(style: Style, text: &str) -> String {
    if style == Style::new() {
        text.to_string()
    } else {
        format!("{style}{text}{style:#}")
    }
}

impl Diagnostic {
    /// A problem with no position, such as a folder that cannot be written.
    pub fn general(problem: Problem) -> Self {
        Diagnostic {
            problem: Box::new(problem),
            at: None,
            snippet: None,
            severity: Severity::Error,
        }
    }

    /// A problem in a whole file, reported at its first line.
    pub fn in_file(path: &Path, problem: Problem) -> Self {
        Diagnostic {
            problem: Box::new(problem),
            at: Some(Location {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
            }),
            snippet: None,
            severity: Severity::Error,
        }
    }

    /// A problem at `line` and `column` (1-based) of `text`, the contents of `path`.
    pub fn at(path: &Path, text: &str, line: u32, column: u32, problem: Problem) -> Self {
        let snippet = text
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .map(str::to_string);
        Diagnostic {
            problem: Box::new(problem),
            at: Some(Location {
                path: path.to_path_buf(),
                line: line.max(1),
                column: column.max(1),
            }),
            snippet,
            severity: Severity::Error,
        }
    }

    /// A problem at byte `offset` of `text`.
    pub fn at_offset(path: &Path, text: &str, offset: usize, problem: Problem) -> Self {
        let (line, column) = line_column(text, offset);
        Self::at(path, text, line, column, problem)
    }

    /// The same diagnostic as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// The path as shown: under the site root (without `./` for the current folder), or as it
    /// is for the built-in theme.
    fn shown_path(&self, root: &Path) -> Option<PathBuf> {
        let at = self.at.as_ref()?;
        Some(
            if at.path.starts_with(crate::ground::text::BUILT_IN) || root == Path::new(".") {
                at.path.clone()
            } else {
                root.join(&at.path)
            },
        )
    }

    /// The terminal form: `path:line:column: message`, then the line with a caret under the column.
    pub fn render_plain(&self, root: &Path, lang: Lang) -> String {
        self.render(root, &Palette::PLAIN, lang)
    }

    /// The terminal form in the colours of `palette`, in `lang`.
    pub fn render(&self, root: &Path, palette: &Palette, lang: Lang) -> String {
        let help = self.problem.help(lang);
        self.render_block(root, palette, lang, help.as_deref())
    }

    /// The terminal form, with the help line `help` or without.
    fn render_block(
        &self,
        root: &Path,
        palette: &Palette,
        lang: Lang,
        help: Option<&str>,
    ) -> String {
        let mut out = String::new();
        let label = paint(
            palette.severity(self.severity),
            &format!("{}:", self.severity.word(lang)),
        );
        let mut pad = String::from(" ");
        match (&self.at, self.shown_path(root)) {
            (Some(at), Some(shown)) => {
                let place = format!("{}:{}:{}:", shown.display(), at.line, at.column);
                let _ = write!(
                    out,
                    "{} {label} {}",
                    paint(palette.path, &place),
                    self.problem.message(lang)
                );
                if let Some(line) = &self.snippet {
                    let gutter = at.line.to_string();
                    pad = " ".repeat(gutter.len());
                    let caret_pad: String = line
                        .chars()
                        .take(at.column.saturating_sub(1) as usize)
                        .map(|c| if c == '\t' { '\t' } else { ' ' })
                        .collect();
                    let bar = paint(palette.gutter, "|");
                    let number = paint(palette.gutter, &gutter);
                    let caret = paint(palette.severity(self.severity), "^");
                    let _ = write!(
                        out,
                        "\n{pad} {bar}\n{number} {bar} {line}\n{pad} {bar} {caret_pad}{caret}"
                    );
                }
            }
            _ => {
                let _ = write!(out, "{label} {}", self.problem.message(lang));
            }
        }
        if let Some(help) = help {
            let label = format!("{}:", messages::text(lang, "help-label", &Args::new()));
            let _ = write!(
                out,
                "\n{pad} {} {}",
                paint(palette.gutter, "="),
                paint(palette.help, &label)
            );
            let _ = write!(out, " {help}");
        }
        out
    }

    /// The diagnostic as a JSON object for other tools; `code` is stable, the words are in
    /// `lang`.
    pub fn to_json(&self, root: &Path, lang: Lang) -> serde_json::Value {
        let shown = self.shown_path(root).map(|p| p.display().to_string());
        serde_json::json!({
            "file": shown,
            "line": self.at.as_ref().map(|a| a.line),
            "column": self.at.as_ref().map(|a| a.column),
            "severity": self.severity,
            "code": self.problem.code(),
            "message": self.problem.message(lang),
            "help": self.problem.help(lang),
            "snippet": self.snippet,
        })
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line as u32, column as u32)
}

/// Every problem of one run, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// How many are errors and how many warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.0.len() - errors)
    }

    /// Sorted by file and position, so output is stable whatever the thread order.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            let key = |d: &Diagnostic| d.at.as_ref().map(|l| (l.path.clone(), l.line, l.column));
            key(a).cmp(&key(b))
        });
        self.0.dedup();
        self
    }

    /// `Ok(value)` when nothing went wrong, else every problem.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self.sorted())
        }
    }

    /// All diagnostics for a terminal, one block each, separated by blank lines.
    pub fn render_plain(&self, root: &Path, lang: Lang) -> String {
        self.render(root, &Palette::PLAIN, lang)
    }

    /// All diagnostics in the colours of `palette`, in `lang`; with colour, each file gets a
    /// heading. A help line is shown once per file, not under every diagnostic it would repeat
    /// for.
    pub fn render(&self, root: &Path, palette: &Palette, lang: Lang) -> String {
        let mut blocks: Vec<String> = Vec::with_capacity(self.0.len());
        let mut last_file: Option<&Path> = None;
        let mut helped: Vec<String> = Vec::new();
        for d in &self.0 {
            let file = d.at.as_ref().map(|a| a.path.as_path());
            let mut block = String::new();
            if file != last_file {
                helped.clear();
                if palette.headings
                    && let Some(shown) = d.shown_path(root)
                {
                    let heading = format!("── {} ──", shown.display());
                    block.push_str(&paint(palette.path, &heading));
                    block.push('\n');
                }
            }
            last_file = file;
            let help = d.problem.help(lang).filter(|h| !helped.contains(h));
            block.push_str(&d.render_block(root, palette, lang, help.as_deref()));
            helped.extend(help);
            blocks.push(block);
        }
        blocks.join("\n\n")
    }

    /// Every diagnostic as one JSON array.
    pub fn to_json(&self, root: &Path, lang: Lang) -> serde_json::Value {
        serde_json::Value::Array(self.0.iter().map(|d| d.to_json(root, lang)).collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let text = "ab\ncé d\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 6), (2, 3));
    }

    #[test]
    fn hint_finds_close_names_only() {
        let keys = ["title", "subtitle", "date"];
        assert_eq!(Hint::closest("titel", keys).0.as_deref(), Some("title"));
        assert_eq!(Hint::closest("colour", keys).0, None);
    }

    #[test]
    fn plain_rendering_points_at_the_column() {
        let d = Diagnostic::at(
            Path::new("a.md"),
            "x\ntitel: Hoi\n",
            2,
            1,
            Problem::NoFrontMatter,
        );
        let shown = d.render_plain(Path::new(""), Lang::En);
        assert!(shown.starts_with("a.md:2:1: error: the file does not start with a line `---`"));
        assert!(shown.contains("2 | titel: Hoi\n  | ^"));
        assert!(!shown.contains('\x1b'));
    }

    #[test]
    fn help_line_follows_the_caret() {
        let d = Diagnostic::at(
            Path::new("a.md"),
            "---\ntitle: Hoi\n---\n",
            1,
            1,
            Problem::MissingKey("date", "story"),
        );
        let shown = d.render_plain(Path::new(""), Lang::En);
        assert!(
            shown.ends_with("1 | ---\n  | ^\n  = help: add a line `date: ...` between the two `---` lines at the top"),
            "{shown}"
        );
    }

    #[test]
    fn warnings_say_so() {
        let d = Diagnostic::at(Path::new("a.md"), "x\n", 1, 1, Problem::NoNeighbourhood).warning();
        assert!(
            d.render_plain(Path::new(""), Lang::En)
                .starts_with("a.md:1:1: warning: ")
        );
        assert_eq!(d.to_json(Path::new(""), Lang::En)["severity"], "warning");
    }

    #[test]
    fn colour_output_has_escapes_and_file_headings() {
        let text = "---\nkind: x\n---\n";
        let errs = Diagnostics(vec![
            Diagnostic::at(Path::new("a.md"), text, 2, 7, Problem::NoFrontMatter),
            Diagnostic::at(Path::new("a.md"), text, 2, 1, Problem::NoFrontMatter).warning(),
            Diagnostic::at(Path::new("b.md"), text, 1, 1, Problem::NoFrontMatter),
        ]);
        let coloured = errs.render(Path::new(""), &Palette::COLOUR, Lang::En);
        assert!(coloured.contains("\x1b["), "{coloured}");
        assert_eq!(coloured.matches("── a.md ──").count(), 1, "{coloured}");
        assert_eq!(coloured.matches("── b.md ──").count(), 1, "{coloured}");
        let plain = errs.render_plain(Path::new(""), Lang::En);
        assert!(!plain.contains('\x1b') && !plain.contains("──"));
    }

    #[test]
    fn json_has_every_field() {
        let d = Diagnostic::at(Path::new("a.md"), "x\ny\n", 2, 1, Problem::TitleHeading);
        let json = d.to_json(Path::new("site"), Lang::En);
        assert_eq!(json["file"], "site/a.md");
        assert_eq!(json["line"], 2);
        assert_eq!(json["column"], 1);
        assert_eq!(json["severity"], "error");
        assert_eq!(json["code"], "title-heading");
        assert_eq!(json["snippet"], "y");
        assert!(json["message"].as_str().unwrap().contains("heading"));
    }

    #[test]
    fn heading_marks_in_messages() {
        let p = Problem::SkippedHeading { from: 2, to: 4 };
        assert_eq!(
            p.to_string(),
            "the heading jumps from `##` to `####`; use `###` here"
        );
    }

    /// One problem of every kind, with the fields a real one has.
    fn every_problem() -> Vec<Problem> {
        let hint = || Hint(Some("title".to_string()));
        let mut all = vec![
            Problem::unreadable(&std::io::Error::from(std::io::ErrorKind::PermissionDenied)),
            Problem::unwritable(
                Path::new("public"),
                &std::io::Error::from(std::io::ErrorKind::StorageFull),
            ),
            Problem::told("picture-unreadable", &[("reason", &"HEIC")]),
            Problem::told("link-loop", &[("folder", &"content")]),
            Problem::NotUtf8,
            Problem::NoFrontMatter,
            Problem::UnclosedFrontMatter,
            Problem::UnknownKey {
                key: "titel".into(),
                allowed: "title, date".into(),
                hint: hint(),
                inside: String::new(),
            },
            Problem::UnknownKey {
                key: "naam".into(),
                allowed: "name, address".into(),
                hint: hint(),
                inside: "location".into(),
            },
            Problem::BadDate {
                value: "12-03-2025".into(),
                expected: "a date",
            },
            Problem::UnknownKind {
                kind: "muurschildering".into(),
                allowed: "meeting, mural".into(),
                hint: hint(),
            },
            Problem::MissingImageAlt,
            Problem::EmptySlug("!!!".into()),
            Problem::ReservedSlug {
                slug: "verhalen".into(),
            },
            Problem::MissingLink {
                target: "x.md".into(),
                hint: hint(),
            },
            Problem::MissingPicture {
                target: "x.jpg".into(),
                hint: hint(),
            },
            Problem::OutsideContent {
                folders: "content/stories/".into(),
            },
            Problem::HashInValue {
                key: "title".into(),
                kept: "Wij zijn".into(),
                written: "Wij zijn #1".into(),
            },
            Problem::LinkToDraft {
                target: "x.md".into(),
            },
            Problem::UnknownEvent {
                slug: "x".into(),
                hint: hint(),
            },
            Problem::EndBeforeStart {
                start: "a".into(),
                end: "b".into(),
            },
            Problem::StartNotInRepeat {
                start: "a".into(),
                rule: "b".into(),
            },
            Problem::ExceptNotInRepeat {
                date: "a".into(),
                rule: "b".into(),
            },
            Problem::YearSlug {
                slug: "2025".into(),
                section: "agenda".into(),
            },
        ];
        all.extend(every_setting_problem());
        all.extend(every_hint());
        all.extend(every_yaml_problem());
        all.extend(every_named_problem());
        all
    }

    /// The problems that name a content type, for every content type.
    fn every_named_problem() -> Vec<Problem> {
        let mut all = Vec::new();
        for what in ["story", "event", "neighbourhood", "person", "page"] {
            all.push(Problem::MissingKey("title", what));
            all.push(Problem::DuplicateSlug {
                what,
                slug: "x".into(),
                first: "y.md".into(),
            });
            all.push(Problem::SimilarName {
                what,
                name: "x".into(),
                hint: Hint(Some("title".to_string())),
            });
        }
        all
    }

    /// One problem of every kind with a setting, an address or the output.
    fn every_setting_problem() -> Vec<Problem> {
        use crate::ground::url::UrlFault;
        let url = |fault, image| Problem::UnsafeUrl {
            key: "source.url: ".to_string(),
            url: "javascript:alert(1)".to_string(),
            fault,
            image,
            lang: Lang::Nl,
        };
        vec![
            Problem::UnknownTimeZone("Mars".into()),
            Problem::UnknownLanguage {
                code: "fr".into(),
                known: "nl, en".into(),
            },
            Problem::BadBaseUrl {
                value: "x".into(),
                reason: "it has no https:// at the start",
            },
            Problem::BadBaseUrl {
                value: "x".into(),
                reason: "something new",
            },
            url(UrlFault::Scheme, false),
            url(UrlFault::Scheme, true),
            url(UrlFault::Control, false),
            Problem::Template {
                template: "page.html".into(),
                message: "x".into(),
            },
            Problem::told("output-refused", &[("output", &"public"), ("why", &"file")]),
            Problem::told(
                "unknown-theme",
                &[("theme", &"bur"), ("folder", &"themes/bur")],
            ),
            Problem::told("deploy-bucket", &[("bucket", &"X")]),
        ]
    }

    /// One writing hint of every kind.
    fn every_hint() -> Vec<Problem> {
        vec![
            Problem::MissingImageCredit,
            Problem::NoNeighbourhood,
            Problem::LongSummary {
                chars: 300,
                max: 200,
            },
            Problem::LongSentence { words: 30, max: 25 },
            Problem::LongParagraph {
                words: 130,
                max: 120,
            },
            Problem::SkippedHeading { from: 2, to: 4 },
            Problem::TitleHeading,
            Problem::VagueLinkText {
                text: "hier".into(),
            },
            Problem::ImageWithoutAlt,
            Problem::ListWithoutBrackets {
                key: "tags".into(),
                value: "a, b".into(),
            },
            Problem::MissingBaseUrl,
        ]
    }

    /// One YAML problem of every cause and message plein tells apart.
    fn every_yaml_problem() -> Vec<Problem> {
        let mut all = Vec::new();
        for cause in [
            YamlCause::Tab,
            YamlCause::CurlyQuotes,
            YamlCause::Colon,
            YamlCause::UnclosedQuote,
            YamlCause::UnclosedList,
            YamlCause::Indent,
        ] {
            let fixed = "title: \"Open\"".to_string();
            all.push(Problem::YamlLine { cause, fixed });
        }
        for yaml in [
            "mapping values are not allowed in this context",
            "did not find expected ',' or ']'",
            "found character that cannot start any token",
            "found unexpected end of stream",
            "did not find expected key",
            "draft: invalid type: string \"ja\", expected a boolean",
            "date: `12-03-2025` is not a date: expected a date",
            "authors: expected a sequence",
            "duplicate entry with key \"title\"",
            "registration: the registration link `Aanmelden` has no `url`: write it as ...",
            "something else entirely",
        ] {
            all.push(Problem::Yaml(yaml.into()));
        }
        all
    }

    #[test]
    fn every_problem_has_words_in_every_language() {
        for problem in every_problem() {
            let english = problem.message(Lang::En);
            for lang in Lang::ALL {
                // A missing message panics; a missing argument fails a debug assertion.
                let message = problem.message(lang);
                let help = problem.help(lang);
                assert!(!message.trim().is_empty(), "{problem:?}");
                assert!(help.is_none_or(|h| !h.trim().is_empty()), "{problem:?}");
                if lang != Lang::En {
                    assert_ne!(message, english, "{problem:?} is not translated");
                }
            }
        }
    }

    #[test]
    fn dates_as_people_write_them_get_their_iso_form() {
        for (written, iso) in [
            ("12-03-2025", Some("2025-03-12")),
            ("12/3/2025", Some("2025-03-12")),
            ("12 maart 2025", Some("2025-03-12")),
            ("12 March 2025", Some("2025-03-12")),
            ("1 okt 2025", Some("2025-10-01")),
            ("31-02-2025", None),
            ("morgen", None),
        ] {
            assert_eq!(written_date(written).as_deref(), iso, "{written}");
        }
        let p = Problem::Yaml("date: `12 maart 2025` is not a date: expected a date".into());
        assert_eq!(
            p.help(Lang::Nl).as_deref(),
            Some(
                "schrijf de datum als jaar-maand-dag: `date: 2025-03-12`; met een tijd: `2025-03-12T19:30`"
            )
        );
    }

    #[test]
    fn booleans_in_words_get_true_or_false() {
        let p = |v: &str| {
            Problem::Yaml(format!(
                "draft: invalid type: string \"{v}\", expected a boolean"
            ))
        };
        assert_eq!(
            p("nee").message(Lang::Nl),
            "`draft` moet true of false zijn, niet `nee`"
        );
        assert_eq!(
            p("nee").help(Lang::Nl).as_deref(),
            Some("schrijf `draft: false` (dat is: nee)")
        );
        assert_eq!(
            p("waar").help(Lang::Nl).as_deref(),
            Some("schrijf `draft: true` (dat is: ja)")
        );
    }

    #[test]
    fn dutch_sites_get_dutch_words() {
        let d = Diagnostic::at(
            Path::new("a.md"),
            "---\ntitle: Hoi\n---\n",
            1,
            1,
            Problem::MissingKey("date", "story"),
        );
        let shown = d.render_plain(Path::new(""), Lang::Nl);
        assert!(
            shown.starts_with(
                "a.md:1:1: fout: de sleutel `date` ontbreekt; elk verhaal heeft die nodig"
            ),
            "{shown}"
        );
        assert!(
            shown
                .ends_with("= tip: zet een regel `date: ...` tussen de twee regels `---` bovenaan"),
            "{shown}"
        );
        let json = d.to_json(Path::new(""), Lang::Nl);
        assert_eq!(json["code"], "missing-key");
        assert!(json["message"].as_str().unwrap().contains("ontbreekt"));
    }
}
