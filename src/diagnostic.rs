//! Problems found while building a site, with the place they were found.
//!
//! Every stage reports into [`Diagnostics`] and carries on, so one run shows every error.
//! This module knows how to print a diagnostic for a terminal (`path:line:column: message`
//! followed by the offending line and a caret) and as HTML for the serve overlay; it knows
//! nothing of how the problems were found.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A position in a file; line and column are 1-based, columns count characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: u32,
    pub column: u32,
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
    #[error("the slug `{0}` is empty: give a title or a `slug:` with letters or digits")]
    EmptySlug(String),
    #[error(
        "the page slug `{slug}` clashes with the site's own `/{slug}/` section; choose another `slug:`"
    )]
    ReservedSlug { slug: String },
    #[error("link to `{target}`, but no such content file{hint}")]
    MissingLink { target: String, hint: Hint },
    #[error("unknown event `{slug}`{hint}; events are the file names in content/events/")]
    UnknownEvent { slug: String, hint: Hint },
    #[error("the event ends ({end}) before it starts ({start})")]
    EndBeforeStart { start: String, end: String },
    #[error("unknown time zone `{0}`: expected a name such as Europe/Amsterdam")]
    UnknownTimeZone(String),
    #[error("unknown language `{0}`: expected nl or en")]
    UnknownLanguage(String),
    #[error("in template `{template}`: {message}")]
    Template { template: String, message: String },
    #[error("{0}")]
    Output(String),
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
    /// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
    pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Hint {
        let word = word.to_lowercase();
        let best = candidates
            .into_iter()
            .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
            .filter(|(d, c)| *d > 0 && *d <= (c.chars().count() / 3).max(1))
            .min_by_key(|(d, _)| *d);
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
}

impl Diagnostic {
    /// A problem with no position, such as a folder that cannot be written.
    pub fn general(problem: Problem) -> Self {
        Diagnostic {
            problem: Box::new(problem),
            at: None,
            snippet: None,
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
        }
    }

    /// A problem at byte `offset` of `text`.
    pub fn at_offset(path: &Path, text: &str, offset: usize, problem: Problem) -> Self {
        let (line, column) = line_column(text, offset);
        Self::at(path, text, line, column, problem)
    }

    /// The terminal form: `path:line:column: message`, then the line with a caret under the column.
    pub fn render_plain(&self, root: &Path) -> String {
        let mut out = String::new();
        match &self.at {
            Some(at) => {
                let shown = if at.path.starts_with(crate::load::BUILT_IN) {
                    at.path.clone()
                } else {
                    root.join(&at.path)
                };
                let _ = write!(
                    out,
                    "{}:{}:{}: error: {}",
                    shown.display(),
                    at.line,
                    at.column,
                    self.problem
                );
                if let Some(line) = &self.snippet {
                    let gutter = at.line.to_string();
                    let pad = " ".repeat(gutter.len());
                    let caret_pad: String = line
                        .chars()
                        .take(at.column.saturating_sub(1) as usize)
                        .map(|c| if c == '\t' { '\t' } else { ' ' })
                        .collect();
                    let _ = write!(out, "\n{pad} |\n{gutter} | {line}\n{pad} | {caret_pad}^");
                }
            }
            None => {
                let _ = write!(out, "error: {}", self.problem);
            }
        }
        out
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
        let blocks: Vec<String> = self.0.iter().map(|d| d.render_plain(root)).collect();
        blocks.join("\n\n")
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
    }
}
