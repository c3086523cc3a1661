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
    fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What went wrong, in words an editor understands.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum Problem {
    #[error("cannot read the file: {0}")]
    Read(String),
    #[error("cannot write `{path}`: {reason}")]
    Write { path: String, reason: String },
    #[error("the file is not valid UTF-8 text; save it as UTF-8")]
    NotUtf8,
    #[error("expected front matter: a line `---`, YAML keys such as `title:`, and a closing `---`")]
    NoFrontMatter,
    #[error("the front matter is not closed: expected a line `---` after the YAML keys")]
    UnclosedFrontMatter,
    #[error("{0}")]
    Yaml(String),
    #[error("unknown key `{key}`{hint}, expected one of {allowed}")]
    UnknownKey {
        key: String,
        allowed: String,
        hint: Hint,
    },
    #[error("missing key `{0}`, which every {1} needs")]
    MissingKey(&'static str, &'static str),
    #[error("`{value}` is not a date: expected {expected}")]
    BadDate {
        value: String,
        expected: &'static str,
    },
    #[error("unknown kind `{kind}`{hint}, expected one of {allowed} (kinds are set in plein.yaml)")]
    UnknownKind {
        kind: String,
        allowed: String,
        hint: Hint,
    },
    #[error(
        "`image` is set but `image_alt` is missing: describe the image for readers who cannot see it"
    )]
    MissingImageAlt,
    #[error("the {what} slug `{slug}` is already used by {first}")]
    DuplicateSlug {
        what: &'static str,
        slug: String,
        first: String,
    },
    #[error("the web address of `{0}` would be empty: give a `slug:` with letters or digits")]
    EmptySlug(String),
    #[error(
        "the page slug `{slug}` clashes with the site's own `/{slug}/` section; choose another `slug:`"
    )]
    ReservedSlug { slug: String },
    #[error("link to `{target}`, but no such content file{hint}")]
    MissingLink { target: String, hint: Hint },
    #[error("link to `{target}`, which is a draft and left out of this build")]
    LinkToDraft { target: String },
    #[error("unknown event `{slug}`{hint}; events are the file names in content/events/")]
    UnknownEvent { slug: String, hint: Hint },
    #[error("the event ends ({end}) before it starts ({start})")]
    EndBeforeStart { start: String, end: String },
    #[error(
        "the event starts on {start}, which is not a day of its `repeat` rule ({rule}): make `start` the first meeting of the series"
    )]
    StartNotInRepeat { start: String, rule: String },
    #[error(
        "the event slug `{slug}` is a number, but /{section}/{slug}/ is kept for the agenda's archive of a year; choose another `slug:`"
    )]
    YearSlug { slug: String, section: String },
    #[error("unknown time zone `{0}`: expected a name such as Europe/Amsterdam")]
    UnknownTimeZone(String),
    #[error("unknown language `{code}`: expected {known}")]
    UnknownLanguage { code: String, known: String },
    #[error("`{value}` is not a web address for the site: {reason}")]
    BadBaseUrl { value: String, reason: &'static str },
    #[error("{key}{}", unsafe_url(url, *fault, *image, *lang))]
    UnsafeUrl {
        /// Where serde_yaml found it, such as `source.url: `; empty in plein.yaml.
        key: String,
        url: String,
        fault: crate::ground::url::UrlFault,
        /// Whether the address is that of a picture, which only http and https may have.
        image: bool,
        lang: crate::words::Lang,
    },
    #[error("in template `{template}`: {message}")]
    Template { template: String, message: String },
    #[error("{0}")]
    Output(String),
    #[error("deploy target: {0}")]
    DeployTarget(String),

    // Content hints from `plein check`: warnings, or errors with `--strict`.
    #[error("`image` is set but `image_credit` is missing: name who made the photo")]
    MissingImageCredit,
    #[error("this story has no `neighbourhoods`, so no neighbourhood page lists it")]
    NoNeighbourhood,
    #[error("the `summary` has {chars} characters; a card shows about {max}")]
    LongSummary { chars: usize, max: usize },
    #[error("this sentence has {words} words; aim for at most {max}")]
    LongSentence { words: usize, max: usize },
    #[error("this paragraph has {words} words; aim for at most {max}")]
    LongParagraph { words: usize, max: usize },
    #[error("the heading jumps from `{}` to `{}`; use `{}` here", marks(*from), marks(*to), marks(from + 1))]
    SkippedHeading { from: u8, to: u8 },
    #[error("a `#` heading in the text: the title is already the page's main heading")]
    TitleHeading,
    #[error("the link text `{text}` does not say where the link goes")]
    VagueLinkText { text: String },
    #[error("an image without a description between the square brackets")]
    ImageWithoutAlt,
    #[error("`{key}` reads as one name, `{value}`: without square brackets a list is one name")]
    ListWithoutBrackets { key: String, value: String },
    #[error(
        "plein.yaml has no `base_url`, so the links in feeds, the sitemap and calendar files point at the preview address http://127.0.0.1:1111/ and not at the site"
    )]
    MissingBaseUrl,
    #[error("new {what} `{name}`{hint}")]
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
    /// A stable name for the kind of problem, for tools reading `--format json`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Read(_) => "read",
            Problem::Write { .. } => "write",
            Problem::NotUtf8 => "not-utf8",
            Problem::NoFrontMatter => "no-front-matter",
            Problem::UnclosedFrontMatter => "unclosed-front-matter",
            Problem::Yaml(_) => "yaml",
            Problem::UnknownKey { .. } => "unknown-key",
            Problem::MissingKey(..) => "missing-key",
            Problem::BadDate { .. } => "bad-date",
            Problem::UnknownKind { .. } => "unknown-kind",
            Problem::MissingImageAlt => "missing-image-alt",
            Problem::DuplicateSlug { .. } => "duplicate-slug",
            Problem::EmptySlug(_) => "empty-slug",
            Problem::ReservedSlug { .. } => "reserved-slug",
            Problem::MissingLink { .. } => "missing-link",
            Problem::LinkToDraft { .. } => "link-to-draft",
            Problem::UnknownEvent { .. } => "unknown-event",
            Problem::EndBeforeStart { .. } => "end-before-start",
            Problem::StartNotInRepeat { .. } => "start-not-in-repeat",
            Problem::YearSlug { .. } => "year-slug",
            Problem::UnknownTimeZone(_) => "unknown-time-zone",
            Problem::UnknownLanguage { .. } => "unknown-language",
            Problem::BadBaseUrl { .. } => "bad-base-url",
            Problem::UnsafeUrl { .. } => "unsafe-url",
            Problem::Template { .. } => "template",
            Problem::Output(_) => "output",
            Problem::DeployTarget(_) => "deploy-target",
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

    /// A short explanation of how to fix it, where the message alone may not be enough.
    pub fn help(&self) -> Option<String> {
        let text = match self {
            Problem::NotUtf8 => "in your editor, choose \"Save as\" and the encoding UTF-8",
            Problem::Yaml(message) => return yaml_help(message).map(str::to_string),
            Problem::MissingKey(key, _) => {
                return Some(format!(
                    "add a line `{key}: ...` between the two `---` lines at the top"
                ));
            }
            Problem::MissingImageAlt => {
                "add a line such as `image_alt: Buren planten bollen langs het pad`"
            }
            Problem::ReservedSlug { .. } => {
                "add a line such as `slug: over-de-verhalen` to give the page an address of its own"
            }
            Problem::DuplicateSlug { .. } => {
                "two files would get the same web address: rename one, or give it a `slug:` of its own"
            }
            Problem::MissingLink { .. } => {
                "link to another file by its path from this file, such as ../people/henk-verhoeven.md"
            }
            Problem::LinkToDraft { .. } => {
                "publish the linked story (remove `draft: true`), preview with --drafts, or remove the link"
            }
            Problem::UnsafeUrl { image, lang, .. } => return Some(unsafe_url_help(*image, *lang)),
            Problem::EndBeforeStart { .. } => {
                "check the date and the time of `end`; write times as 2026-10-06T19:30"
            }
            Problem::MissingImageCredit => {
                "add a line such as `image_credit: Sevgi Demir`, with the maker's permission"
            }
            Problem::NoNeighbourhood => "add a line such as `neighbourhoods: [Muntenbuurt]`",
            Problem::LongSummary { .. } => {
                "keep the summary to one or two short sentences; the story itself tells the rest"
            }
            Problem::LongSentence { .. } => {
                "split it in two: short sentences are easier to read for everyone (language level B1)"
            }
            Problem::LongParagraph { .. } => {
                "start a new paragraph, with an empty line, where the text turns to something new"
            }
            Problem::SkippedHeading { .. } => {
                "readers who use a screen reader find their way by the heading levels"
            }
            Problem::TitleHeading => "use `##` for the sections of the text",
            Problem::VagueLinkText { .. } => {
                "use words that say where the link leads, such as [de agenda van De Stuiver](...)"
            }
            Problem::ImageWithoutAlt => {
                "write what the image shows, such as ![Kinderen zaaien zonnebloemen](zaaien.jpg)"
            }
            Problem::BadBaseUrl { .. } | Problem::MissingBaseUrl => {
                "write the address where the site will be online, such as `base_url: https://www.lindenbuurt.nl/`"
            }
            Problem::ListWithoutBrackets { key, value } => {
                let items: Vec<&str> = value.split(',').map(str::trim).collect();
                return Some(format!(
                    "write `{key}: [{}]` for more than one; keep it as it is only if it is one name",
                    items.join(", ")
                ));
            }
            Problem::SimilarName { what, .. } => {
                return Some(format!(
                    "a name written differently gets a page of its own; if this is the same {what}, write it the same way"
                ));
            }
            _ => return None,
        };
        Some(text.to_string())
    }
}

/// Why a URL from front matter or plein.yaml is refused, in the site's language.
fn unsafe_url(
    url: &str,
    fault: crate::ground::url::UrlFault,
    image: bool,
    lang: crate::words::Lang,
) -> String {
    use crate::ground::url::UrlFault;
    use crate::words::Lang;
    // Tabs and other control characters are shown as \t and \u{..}, not sent to the terminal.
    let shown = url.escape_debug();
    match (fault, image, lang) {
        (UrlFault::Control, _, Lang::Nl) => format!(
            "het webadres `{shown}` bevat een onzichtbaar teken (zoals een tab of een regeleinde): typ het adres opnieuw op één regel"
        ),
        (UrlFault::Control, _, Lang::En) => format!(
            "the web address `{shown}` holds an invisible character (such as a tab or a line break): type the address again on one line"
        ),
        (UrlFault::Scheme, false, Lang::Nl) => format!(
            "`{shown}` is geen webadres waar een link naartoe mag: schrijf een adres dat begint met https://, http://, mailto: of tel:, of een pad op deze site zoals /agenda/"
        ),
        (UrlFault::Scheme, false, Lang::En) => format!(
            "`{shown}` is not a web address a link may go to: write one that starts with https://, http://, mailto: or tel:, or a path on this site such as /events/"
        ),
        (UrlFault::Scheme, true, Lang::Nl) => format!(
            "`{shown}` is geen plek voor een foto: schrijf de naam van een foto naast dit bestand (foto.jpg), een pad op deze site (/images/foto.jpg) of een adres dat begint met https://"
        ),
        (UrlFault::Scheme, true, Lang::En) => format!(
            "`{shown}` is not a place for a picture: write the name of a picture beside this file (photo.jpg), a path on this site (/images/photo.jpg) or an address that starts with https://"
        ),
    }
}

/// An example of a good address, in the site's language.
fn unsafe_url_help(image: bool, lang: crate::words::Lang) -> String {
    use crate::words::Lang;
    match (image, lang) {
        (false, Lang::Nl) => {
            "adressen als javascript: of data: kunnen code uitvoeren bij wie klikt; een goed adres is bijvoorbeeld url: https://www.buurtwijs.nl/artikel"
        }
        (false, Lang::En) => {
            "addresses such as javascript: or data: can run code for whoever clicks; a good one is, for example, url: https://www.example.org/article"
        }
        (true, Lang::Nl) => "bijvoorbeeld image: muur.jpg",
        (true, Lang::En) => "for example image: mural.jpg",
    }
    .to_string()
}

/// Plain words for the YAML messages that are hardest to read.
fn yaml_help(message: &str) -> Option<&'static str> {
    let m = message;
    if m.contains("mapping values are not allowed") {
        Some(
            "a value with a colon and a space in it needs quotes, such as title: \"Buurtkamer: open op dinsdag\"",
        )
    } else if m.contains("did not find expected ',' or ']'") {
        Some("a list in square brackets needs its closing `]` on the same line")
    } else if m.contains("did not find expected") || m.contains("block mapping") {
        Some(
            "check the indentation: keys start at the beginning of the line, list items under a key with the same number of spaces",
        )
    } else if m.contains("found character that cannot start any token") {
        Some("a value that starts with @, `, % or a tab needs quotes; indent with spaces, not tabs")
    } else if m.contains("found unexpected end of stream") || m.contains("unknown escape") {
        Some("check the quotes: every value that opens with \" must close with \" on the same line")
    } else if m.contains("expected a sequence") || m.contains("a list of names") {
        Some("write a list as [Muntenbuurt, Zuilenstein], or as lines that start with `- `")
    } else if m.contains("duplicate entry") {
        Some("each key may appear once in the front matter; remove or merge the second one")
    } else {
        None
    }
}

/// An optional " (did you mean `x`?)" after a misspelled name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hint(pub Option<String>);

impl std::fmt::Display for Hint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(name) => write!(f, " (did you mean `{name}`?)"),
            None => Ok(()),
        }
    }
}

impl Hint {
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
    pub fn render_plain(&self, root: &Path) -> String {
        self.render(root, &Palette::PLAIN)
    }

    /// The terminal form in the colours of `palette`.
    pub fn render(&self, root: &Path, palette: &Palette) -> String {
        self.render_block(root, palette, true)
    }

    /// The terminal form, with the help line or without.
    fn render_block(&self, root: &Path, palette: &Palette, with_help: bool) -> String {
        let mut out = String::new();
        let label = paint(
            palette.severity(self.severity),
            &format!("{}:", self.severity.word()),
        );
        let mut pad = String::from(" ");
        match (&self.at, self.shown_path(root)) {
            (Some(at), Some(shown)) => {
                let place = format!("{}:{}:{}:", shown.display(), at.line, at.column);
                let _ = write!(
                    out,
                    "{} {label} {}",
                    paint(palette.path, &place),
                    self.problem
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
                let _ = write!(out, "{label} {}", self.problem);
            }
        }
        if let Some(help) = self.problem.help().filter(|_| with_help) {
            let _ = write!(
                out,
                "\n{pad} {} {}",
                paint(palette.gutter, "="),
                paint(palette.help, "help:")
            );
            let _ = write!(out, " {help}");
        }
        out
    }

    /// The diagnostic as a JSON object for other tools.
    pub fn to_json(&self, root: &Path) -> serde_json::Value {
        let shown = self.shown_path(root).map(|p| p.display().to_string());
        serde_json::json!({
            "file": shown,
            "line": self.at.as_ref().map(|a| a.line),
            "column": self.at.as_ref().map(|a| a.column),
            "severity": self.severity,
            "code": self.problem.code(),
            "message": self.problem.to_string(),
            "help": self.problem.help(),
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
    pub fn render_plain(&self, root: &Path) -> String {
        self.render(root, &Palette::PLAIN)
    }

    /// All diagnostics in the colours of `palette`; with colour, each file gets a heading.
    /// A help line is shown once per file, not under every diagnostic it would repeat for.
    pub fn render(&self, root: &Path, palette: &Palette) -> String {
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
            let help = d.problem.help();
            let with_help = help.as_ref().is_some_and(|h| !helped.contains(h));
            helped.extend(help);
            block.push_str(&d.render_block(root, palette, with_help));
            blocks.push(block);
        }
        blocks.join("\n\n")
    }

    /// Every diagnostic as one JSON array.
    pub fn to_json(&self, root: &Path) -> serde_json::Value {
        serde_json::Value::Array(self.0.iter().map(|d| d.to_json(root)).collect())
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
        let shown = d.render_plain(Path::new(""));
        assert!(shown.starts_with("a.md:2:1: error: expected front matter"));
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
        let shown = d.render_plain(Path::new(""));
        assert!(
            shown.ends_with("1 | ---\n  | ^\n  = help: add a line `date: ...` between the two `---` lines at the top"),
            "{shown}"
        );
    }

    #[test]
    fn warnings_say_so() {
        let d = Diagnostic::at(Path::new("a.md"), "x\n", 1, 1, Problem::NoNeighbourhood).warning();
        assert!(
            d.render_plain(Path::new(""))
                .starts_with("a.md:1:1: warning: ")
        );
        assert_eq!(d.to_json(Path::new(""))["severity"], "warning");
    }

    #[test]
    fn colour_output_has_escapes_and_file_headings() {
        let text = "---\nkind: x\n---\n";
        let errs = Diagnostics(vec![
            Diagnostic::at(Path::new("a.md"), text, 2, 7, Problem::NoFrontMatter),
            Diagnostic::at(Path::new("a.md"), text, 2, 1, Problem::NoFrontMatter).warning(),
            Diagnostic::at(Path::new("b.md"), text, 1, 1, Problem::NoFrontMatter),
        ]);
        let coloured = errs.render(Path::new(""), &Palette::COLOUR);
        assert!(coloured.contains("\x1b["), "{coloured}");
        assert_eq!(coloured.matches("── a.md ──").count(), 1, "{coloured}");
        assert_eq!(coloured.matches("── b.md ──").count(), 1, "{coloured}");
        let plain = errs.render_plain(Path::new(""));
        assert!(!plain.contains('\x1b') && !plain.contains("──"));
    }

    #[test]
    fn json_has_every_field() {
        let d = Diagnostic::at(Path::new("a.md"), "x\ny\n", 2, 1, Problem::TitleHeading);
        let json = d.to_json(Path::new("site"));
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
}
