//! The one module that uses serde_yaml, so that swapping in a maintained fork is a one-file change.

use serde::de::DeserializeOwned;

use crate::diagnostic::{Hint, Problem, YamlCause};

/// A YAML problem with its 1-based position inside the YAML text, when known.
#[derive(Debug)]
pub(crate) struct YamlError {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

/// Deserialize `text` into `T`; an empty document is read as an empty mapping.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as u32, l.column() as u32));
        YamlError {
            message: tidy(&e.to_string()),
            line,
            column,
        }
    })
}

/// At most this many problems are told for one YAML text.
const MAX_PROBLEMS: usize = 20;

/// Deserialize `text` into `T`, telling every problem, not only the first: after a problem
/// in one top-level entry (a wrong value, an unknown key, a colon or a tab in it), that
/// entry is left out and the rest is read again, with the lines where they were. Only a
/// problem that leaves the rest unreadable (an unclosed quote or bracket, indentation that
/// loses the structure) ends the reading. Returns the value read without the entries left
/// out (none when the reading ended early) and the problems in the order found.
pub(crate) fn from_str_all<T: DeserializeOwned>(text: &str) -> (Option<T>, Vec<YamlError>) {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut found: Vec<YamlError> = Vec::new();
    loop {
        let current: String = lines.concat();
        let error = match from_str::<T>(&current) {
            Ok(value) => return (Some(value), found),
            // A key may be missing only because its entry was left out: not told twice.
            Err(e) if !found.is_empty() && e.message.contains("missing field") => {
                return (None, found);
            }
            Err(e) => e,
        };
        let mut error = error;
        if let Some(line) = second_mention(&lines, &error.message) {
            (error.line, error.column) = (line, 1);
        }
        let stops = ends_reading(&error.message);
        let line = error.line as usize;
        found.push(error);
        if stops || found.len() >= MAX_PROBLEMS || !leave_out_entry(&mut lines, line) {
            return (None, found);
        }
    }
}

/// The 1-based line where a key that serde found twice at the top is written the second
/// time: serde tells it at the start of the mapping, but the fix goes there.
fn second_mention(lines: &[&str], message: &str) -> Option<u32> {
    let key = message
        .strip_prefix("duplicate field `")?
        .split('`')
        .next()?;
    let mut mentions = lines.iter().enumerate().filter(|(_, line)| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    });
    mentions.nth(1).map(|(i, _)| i as u32 + 1)
}

/// Whether a parser's message means that what follows cannot be read with any trust.
fn ends_reading(message: &str) -> bool {
    let local = ["mapping values are not allowed", "cannot start any token"];
    let syntax = [
        "did not find expected",
        "found unexpected",
        "while scanning",
        "while parsing",
        "unknown escape",
        "found character",
        "could not find expected",
        "block mapping",
        "found incompatible",
        "control characters",
        "recursion limit",
        "repetition limit",
    ];
    !local.iter().any(|l| message.contains(l)) && syntax.iter().any(|s| message.contains(s))
}

/// Blank the lines of the top-level entry that holds 1-based `line`, keeping the line count
/// so later positions stay true; false when there was nothing left to blank.
fn leave_out_entry(lines: &mut [&str], line: usize) -> bool {
    let at = line.saturating_sub(1).min(lines.len().saturating_sub(1));
    let top = |l: &str| !l.starts_with([' ', '\t', '#', '-', '\n', '\r']) && !l.is_empty();
    let start = (0..=at).rev().find(|&i| top(lines[i])).unwrap_or(at);
    let end = (start + 1..lines.len())
        .find(|&i| top(lines[i]))
        .unwrap_or(lines.len());
    let mut changed = false;
    for l in &mut lines[start..end] {
        if !l.trim().is_empty() {
            *l = "\n";
            changed = true;
        }
    }
    changed
}

/// serde_yaml appends " at line L column C" to its messages; the position is shown separately.
fn tidy(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Where a message for serde names a message of the Fluent files instead of saying it in
/// words, so that `diagnostic` can say it in the site's language: this character, the
/// message's name, then its arguments as `name=value`, each after [`ARG`].
const CODED: char = '\u{1e}';
const ARG: char = '\u{1f}';

/// The message for serde that stands for Fluent message `id` with `args`.
pub(crate) fn coded(id: &str, args: &[(&str, &str)]) -> String {
    let mut message = format!("{CODED}{id}");
    for (name, value) in args {
        message.push(ARG);
        message.push_str(name);
        message.push('=');
        message.push_str(value);
    }
    message
}

/// The Fluent message name and arguments in a message made by [`coded`], wherever serde put
/// it (serde_yaml puts the path of the key first, as `repeat.on: `).
pub(crate) fn decoded(message: &str) -> Option<(&str, Vec<(&str, &str)>)> {
    let (_, rest) = message.split_once(CODED)?;
    let mut parts = rest.split(ARG);
    let id = parts.next()?;
    let args = parts.filter_map(|part| part.split_once('=')).collect();
    Some((id, args))
}

/// Turn serde's message into a [`Problem`]; unknown keys get the allowed keys and a suggestion.
pub(crate) fn problem_from_yaml(message: &str, allowed: &[&str]) -> Problem {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default().to_string();
        let hint = Hint::closest(&key, allowed.iter().copied());
        return Problem::UnknownKey {
            key,
            allowed: allowed.join(", "),
            hint,
            inside: String::new(),
        };
    }
    // A key inside a value such as `location`: serde names the keys it allows.
    if let Some((inside, rest)) = message.split_once(": unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let inner: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = Hint::closest(key, inner.iter().copied());
        return Problem::UnknownKey {
            key: key.to_string(),
            allowed: inner.join(", "),
            hint,
            inside: inside.to_string(),
        };
    }
    Problem::Yaml(message.to_string())
}

/// The [`Problem`] behind a YAML error in `yaml_text`, and the line and column (1-based, in
/// `yaml_text`) where the fix goes: for the mistakes volunteers make (a tab, curly quotes, a
/// colon in a title, an unclosed quote or list) the line as it should read.
pub(crate) fn yaml_mistake(
    e: &YamlError,
    yaml_text: &str,
    allowed: &[&str],
) -> (Problem, u32, u32) {
    let lines: Vec<&str> = yaml_text.lines().collect();
    let line_of = |n: u32| {
        lines
            .get(n.saturating_sub(1) as usize)
            .copied()
            .unwrap_or("")
    };
    let m = e.message.as_str();
    let found =
        |cause, n: u32, column: u32, fixed: String| (Problem::YamlLine { cause, fixed }, n, column);
    let here = line_of(e.line);
    if m.contains("cannot start any token")
        && let Some(i) = here.find('\t')
    {
        let fixed = here.replace('\t', "  ");
        let column = here[..i].chars().count() as u32 + 1;
        return found(YamlCause::Tab, e.line, column, fixed);
    }
    let syntax = m.contains("mapping values are not allowed")
        || m.contains("did not find expected")
        || m.contains("end of stream")
        || m.contains("while scanning");
    if syntax {
        // Curly quotes anywhere up to here: the likeliest cause of what follows.
        for n in 1..=e.line {
            let line = line_of(n);
            if let Some(i) = line.find(['“', '”', '‘', '’', '„']) {
                let fixed = line.replace(['“', '”', '„'], "\"").replace(['‘', '’'], "'");
                let column = line[..i].chars().count() as u32 + 1;
                return found(YamlCause::CurlyQuotes, n, column, fixed);
            }
        }
    }
    if m.contains("mapping values are not allowed") && here.starts_with(' ') {
        let fixed = here.trim_start().to_string();
        return found(YamlCause::Indent, e.line, 1, fixed);
    }
    if m.contains("mapping values are not allowed")
        && let Some((key, value)) = here.split_once(": ")
    {
        let value = value.trim().replace('"', "\\\"");
        return found(
            YamlCause::Colon,
            e.line,
            e.column,
            format!("{key}: \"{value}\""),
        );
    }
    let upto = e.line.min(lines.len() as u32);
    if (m.contains("end of stream") || m.contains("quoted scalar"))
        && let Some((n, column, fixed)) = unclosed_quote(&lines, upto)
    {
        return found(YamlCause::UnclosedQuote, n, column, fixed);
    }
    if m.contains("did not find expected ',' or ']'")
        && let Some((n, column, fixed)) = unclosed_list(&lines, upto)
    {
        return found(YamlCause::UnclosedList, n, column, fixed);
    }
    (problem_from_yaml(m, allowed), e.line, e.column)
}

/// The first of `lines` up to line `upto` (1-based) with a quote that does not close on it:
/// its number, the quote's column and the line closed.
fn unclosed_quote(lines: &[&str], upto: u32) -> Option<(u32, u32, String)> {
    (1..=upto).find_map(|n| {
        let line = lines[n as usize - 1];
        ['"', '\''].into_iter().find_map(|quote| {
            let i = line.find(quote)?;
            (line.matches(quote).count() % 2 == 1).then(|| {
                let column = line[..i].chars().count() as u32 + 1;
                (n, column, format!("{}{quote}", line.trim_end()))
            })
        })
    })
}

/// The last of `lines` up to line `upto` (1-based) with a `[` and no `]`: its number, the
/// `[`'s column and the line closed.
fn unclosed_list(lines: &[&str], upto: u32) -> Option<(u32, u32, String)> {
    (1..=upto).rev().find_map(|n| {
        let line = lines[n as usize - 1];
        let i = line.find('[').filter(|_| !line.contains(']'))?;
        let column = line[..i].chars().count() as u32 + 1;
        Some((n, column, format!("{}]", line.trim_end())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Small {
        title: String,
    }

    #[test]
    fn unknown_key_has_its_position() {
        let err = from_str::<Small>("title: a\ntitel: b\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(
            err.message.starts_with("unknown field `titel`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn every_problem_is_told_at_its_own_line() {
        let text = "titel: a\ntitle: Buurt: open\ntitle2: b\n  more: c\n";
        let (value, errs) = from_str_all::<Small>(text);
        let lines: Vec<u32> = errs.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2, 3], "{errs:?}");
        assert!(value.is_none(), "no `title` was left");
        let (value, errs) = from_str_all::<Small>("titel: a\ntitle: b\n");
        assert_eq!((value.map(|s| s.title), errs.len()), (Some("b".into()), 1));
    }

    #[test]
    fn an_unclosed_quote_ends_the_reading() {
        let (value, errs) = from_str_all::<Small>("titel: a\ntitle: \"open\nx: y\n");
        assert_eq!((value.is_none(), errs.len()), (true, 2), "{errs:?}");
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            bomb.push_str(&format!("b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        bomb.push_str("c: *b11\n");
        let result = from_str::<std::collections::BTreeMap<String, serde_json::Value>>(&bomb);
        assert!(result.is_err());
    }
}
