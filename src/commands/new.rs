//! `plein new story|event`: write a content file with its front matter filled in.
//!
//! The file name is the slug of the title; the date is today's in the site's time zone; the
//! author comes from `author` in plein.yaml. An existing file is never overwritten.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{NewCommand, NewEventArgs, NewStoryArgs, RootArgs};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, Palette, Problem};
use crate::ground::slug::slugify;
use crate::ground::values::DateValue;
use crate::words::Lang;

pub(crate) fn run(what: &NewCommand) -> ExitCode {
    let result = match what {
        NewCommand::Story(args) => story(args),
        NewCommand::Event(args) => event(args),
    };
    result.unwrap_or_else(|code| code)
}

fn story(args: &NewStoryArgs) -> Result<ExitCode, ExitCode> {
    let config = site_config(&args.site)?;
    let slug = slug_of(&args.title, config.lang)?;
    if let Some(kind) = &args.kind {
        check_kind(&config, kind)?;
    }
    warn_if_similar(&args.site.root, &args.neighbourhoods, config.lang);
    let today = today(&args.site, &config);
    let words = &config.lang.words().scaffold;
    let mut front = format!("---\ntitle: {}\ndate: {today}\n", yaml_scalar(&args.title));
    if let Some(author) = &config.author {
        front.push_str(&format!("authors: [{}]\n", yaml_scalar(author)));
    }
    front.push_str(&format!(
        "neighbourhoods: {}\n",
        flow_list(&args.neighbourhoods)
    ));
    match &args.kind {
        Some(kind) => front.push_str(&format!("kind: {}\n", yaml_scalar(kind))),
        None => {
            let keys: Vec<&str> = config.kinds.iter().map(|k| k.key.as_str()).collect();
            front.push_str(&format!("kind:  # {} {}\n", words.one_of, keys.join(", ")));
        }
    }
    front.push_str(&format!(
        "tags: []\nsummary:  # {}\n---\n{}\n",
        words.summary, words.story_body
    ));
    write_new(&args.site.root, "stories", &slug, &front, config.lang)
}

fn event(args: &NewEventArgs) -> Result<ExitCode, ExitCode> {
    let config = site_config(&args.site)?;
    let slug = slug_of(&args.title, config.lang)?;
    if let Some(end) = &args.end {
        check_order(&config, &args.start, end)?;
    }
    warn_if_similar(&args.site.root, &args.neighbourhoods, config.lang);
    let words = &config.lang.words().scaffold;
    let mut front = format!(
        "---\ntitle: {}\nstart: {}\n",
        yaml_scalar(&args.title),
        args.start
    );
    if let Some(end) = &args.end {
        front.push_str(&format!("end: {end}\n"));
    }
    front.push_str(words.location);
    front.push_str(&format!(
        "online: false\nregistration: []\nneighbourhoods: {}\nsummary:  # {}\n---\n{}\n",
        flow_list(&args.neighbourhoods),
        words.summary,
        words.event_body
    ));
    write_new(&args.site.root, "events", &slug, &front, config.lang)
}

/// The site's settings; a broken plein.yaml is reported as in a build.
fn site_config(site: &RootArgs) -> Result<Config, ExitCode> {
    super::require_site(&site.root)?;
    let mut errs = Diagnostics::default();
    let config = Config::load(&site.root, None, &mut errs);
    if errs.is_empty() {
        Ok(config)
    } else {
        Err(super::site_errors(&site.root, &errs.sorted()))
    }
}

fn slug_of(title: &str, lang: Lang) -> Result<String, ExitCode> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(fail(
            2,
            Problem::told("new-no-slug", &[("title", &title)]),
            lang,
        ));
    }
    Ok(slug)
}

fn check_kind(config: &Config, kind: &str) -> Result<(), ExitCode> {
    let known = config.kinds.iter().any(|k| {
        k.key == kind
            || [&k.key, &k.label]
                .map(|w| slugify(w))
                .contains(&slugify(kind))
    });
    if known {
        return Ok(());
    }
    let problem = Problem::UnknownKind {
        kind: kind.to_string(),
        allowed: crate::config::kinds_shown(config),
        hint: crate::config::kind_hint(config, kind),
    };
    Err(fail(2, problem, config.lang))
}

fn check_order(config: &Config, start: &str, end: &str) -> Result<(), ExitCode> {
    let moment = |s: &str| DateValue::parse(s).map(|d| d.in_zone(&config.timezone));
    if moment(end) < moment(start) {
        let args: [(_, &dyn std::fmt::Display); 2] = [("start", &start), ("end", &end)];
        return Err(fail(
            2,
            Problem::told("new-end-before-start", &args),
            config.lang,
        ));
    }
    Ok(())
}

fn today(site: &RootArgs, config: &Config) -> jiff::civil::Date {
    site.now
        .unwrap_or_else(jiff::Timestamp::now)
        .to_zoned_datetime(config.timezone.clone())
        .date()
}

/// A warning for each neighbourhood name that looks like a typo of one the site has.
fn warn_if_similar(root: &Path, names: &[String], lang: Lang) {
    if names.is_empty() {
        return;
    }
    let docs = super::check::documents(root);
    let docs: Vec<_> = docs.iter().map(|d| &**d).collect();
    let known = crate::hints::neighbourhood_names(&docs);
    let palette = Palette::for_stderr();
    for name in names {
        let hint = crate::hints::similar(name, &known);
        if hint.0.is_some() {
            let problem = Problem::SimilarName {
                what: crate::content_type::ContentType::Neighbourhood.name(),
                name: name.clone(),
                hint,
            };
            let d = Diagnostic::general(problem).warning();
            eprintln!("{}", d.render(root, &palette, lang));
        }
    }
}

/// Write `text` to content/<folder>/<slug>.md unless that or a bundle of that name exists.
fn write_new(
    root: &Path,
    folder: &str,
    slug: &str,
    text: &str,
    lang: Lang,
) -> Result<ExitCode, ExitCode> {
    let rel = PathBuf::from("content")
        .join(folder)
        .join(format!("{slug}.md"));
    let bundle = PathBuf::from("content")
        .join(folder)
        .join(slug)
        .join("index.md");
    for existing in [&rel, &bundle] {
        if root.join(existing).exists() {
            return Err(exists(root, existing, lang));
        }
    }
    let path = root.join(&rel);
    let written = std::fs::create_dir_all(path.parent().expect("under content/")).and_then(|_| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        file.write_all(text.as_bytes())
    });
    match written {
        Ok(()) => {
            super::stdout::line(&shown(&path).display().to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists(root, &rel, lang)),
        Err(e) => {
            let args: [(_, &dyn std::fmt::Display); 2] =
                [("path", &shown(&path).display()), ("reason", &e)];
            Err(fail(1, Problem::told("file-unwritable", &args), lang))
        }
    }
}

fn exists(root: &Path, rel: &Path, lang: Lang) -> ExitCode {
    let path = root.join(rel);
    let problem = Problem::told("new-exists", &[("path", &shown(&path).display())]);
    fail(1, problem, lang)
}

/// `path` without a leading `./`.
fn shown(path: &Path) -> &Path {
    path.strip_prefix(".").unwrap_or(path)
}

/// Say `problem` and end with exit status `code`: 2 when the command line asks for something
/// that cannot be, 1 when the files are in the way.
fn fail(code: u8, problem: Problem, lang: Lang) -> ExitCode {
    super::say(problem, lang);
    ExitCode::from(code)
}

/// `[A, B]` with each name quoted where YAML needs it.
pub(crate) fn flow_list(names: &[String]) -> String {
    let items: Vec<String> = names.iter().map(|n| yaml_scalar(n)).collect();
    format!("[{}]", items.join(", "))
}

/// `text` as a YAML value: as it is when that reads back as the same text, else in quotes.
pub(crate) fn yaml_scalar(text: &str) -> String {
    if is_plain(text) {
        return text.to_string();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `text` can stand unquoted, also inside `[...]`: no YAML sign at its start, no
/// `: ` or ` #` inside, nothing that reads as a number, a date or a yes/no.
fn is_plain(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let typed = matches!(
        text.to_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
    );
    !typed
        && !first.is_ascii_digit()
        && !"-?:,[]{}#&*!|>'\"%@`.+ ".contains(first)
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains([',', '[', ']', '{', '}', '"', '\\'])
        && !text.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct One {
        v: String,
        l: Vec<String>,
    }

    #[test]
    fn scalars_read_back_as_written() {
        for text in [
            "De Florijnflat krijgt kleur",
            "Buurtkamer: open op dinsdag",
            "Creëer ruimte",
            "#1 in de buurt",
            "2026",
            "ja, nee",
            "yes",
            "Zo'n ankerpunt",
            "\"Samen\" sterk",
            "- streepje",
            "kop #hashtag",
            "a\\b",
            "'t Hoekje",
        ] {
            let yaml = format!(
                "v: {}\nl: {}\n",
                yaml_scalar(text),
                flow_list(&[text.to_string(), "B".into()])
            );
            let one: One = crate::ground::yaml::from_str(&yaml)
                .unwrap_or_else(|e| panic!("{text}: {}\n{yaml}", e.message));
            assert_eq!(one.v, text, "{yaml}");
            assert_eq!(one.l, [text, "B"], "{yaml}");
        }
        assert_eq!(yaml_scalar("Muntenbuurt"), "Muntenbuurt");
    }
}
