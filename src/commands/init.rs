//! `plein init DIR`: a new site that builds and serves at once.
//!
//! Writes plein.yaml with every setting explained, and one story, event, neighbourhood and
//! person in the chosen language (texts in `init/<lang>/`, named in `words`). The theme is built into plein,
//! so no themes/ folder is needed. A folder that is not empty is refused unless `--force`,
//! and even then no file that exists is overwritten.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::ToSpan;

use crate::cli::InitArgs;
use crate::diagnostic::Problem;
use crate::words::Lang;
use crate::words::messages::{self, Args};

/// One file of a new site: where it goes and its text with `{{...}}` still to fill.
struct Template {
    path: &'static str,
    text: &'static str,
}

fn templates(lang: Lang) -> [Template; 6] {
    let init = &lang.words().init;
    let file = |(path, text): crate::words::InitFile| Template { path, text };
    [
        Template {
            path: "plein.yaml",
            text: init.plein_yaml,
        },
        file(init.story),
        file(init.event),
        file(init.neighbourhood),
        file(init.person),
        Template {
            path: ".gitignore",
            text: "# The built site: plein build makes it again from content/.\n/public/\n# Resized pictures, kept between builds; plein makes them again when they are gone.\n/.plein-cache/\n# The site before the last build, kept to write the next one in quickly.\n/.public.plein-staging/\n",
        },
    ]
}

pub(crate) fn run(args: &InitArgs) -> ExitCode {
    let dir = &args.dir;
    if dir.exists() && !dir.is_dir() {
        return fail(
            Problem::told("init-file", &[("path", &dir.display())]),
            args.lang,
        );
    }
    if !args.force && !is_empty(dir) {
        return fail(
            Problem::told("init-not-empty", &[("path", &dir.display())]),
            args.lang,
        );
    }
    let today = args
        .now
        .unwrap_or_else(jiff::Timestamp::now)
        .to_zoned_datetime(
            jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .date();
    let files = files(args.lang, today);
    let mut made = Vec::new();
    let mut kept = Vec::new();
    for (rel, text) in &files {
        let path = dir.join(rel);
        if path.exists() {
            kept.push(rel.clone());
            continue;
        }
        let written = std::fs::create_dir_all(path.parent().expect("a file in a folder"))
            .and_then(|_| std::fs::write(&path, text));
        if let Err(e) = written {
            let args_: [(_, &dyn std::fmt::Display); 2] =
                [("path", &path.display()), ("reason", &e)];
            return fail(Problem::told("file-unwritable", &args_), args.lang);
        }
        made.push(rel.clone());
    }
    eprintln!("{}", report(dir, &made, &kept, args.lang));
    ExitCode::SUCCESS
}

/// Every file of a new site in `lang`, its date fields filled in from `today`.
fn files(lang: Lang, today: jiff::civil::Date) -> Vec<(PathBuf, String)> {
    let event_day = next_saturday(today.saturating_add(3.weeks()));
    let event_slug = templates(lang)
        .iter()
        .find_map(|t| t.path.strip_prefix("content/events/"))
        .and_then(|name| name.strip_suffix(".md"))
        .expect("an event template")
        .to_string();
    templates(lang)
        .iter()
        .map(|t| {
            let text = t
                .text
                .replace("{{today}}", &today.to_string())
                .replace("{{start}}", &format!("{event_day}T14:00"))
                .replace("{{end}}", &format!("{event_day}T16:00"))
                .replace("{{event}}", &event_slug);
            (PathBuf::from(t.path), text)
        })
        .collect()
}

/// `day` itself when it is a Saturday, else the Saturday after it.
fn next_saturday(day: jiff::civil::Date) -> jiff::civil::Date {
    let ahead = (5 - day.weekday().to_monday_zero_offset() + 7) % 7;
    day.saturating_add(i64::from(ahead).days())
}

fn is_empty(dir: &Path) -> bool {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(_) => true,
    }
}

fn report(dir: &Path, made: &[PathBuf], kept: &[PathBuf], lang: Lang) -> String {
    let say = |id, name, value: String| messages::text(lang, id, &Args::new().text(name, value));
    let mut out = say("init-site", "dir", dir.display().to_string());
    for path in made {
        out.push('\n');
        out.push_str(&say("init-made", "path", path.display().to_string()));
    }
    for path in kept {
        out.push('\n');
        out.push_str(&say("init-kept", "path", path.display().to_string()));
    }
    let cd = dir.display().to_string();
    let cd = if cd.contains(' ') {
        format!("\"{cd}\"")
    } else {
        cd
    };
    out.push('\n');
    out.push_str(&say("init-next", "dir", cd));
    out
}

fn fail(problem: Problem, lang: Lang) -> ExitCode {
    super::say(problem, lang);
    ExitCode::from(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_event_falls_on_a_saturday_three_weeks_ahead() {
        let day = jiff::civil::date(2026, 11, 25);
        let files = files(Lang::Nl, day);
        let event = &files
            .iter()
            .find(|(p, _)| p.starts_with("content/events"))
            .unwrap()
            .1;
        assert!(event.contains("start: 2026-12-19T14:00"), "{event}");
        let story = &files
            .iter()
            .find(|(p, _)| p.starts_with("content/stories"))
            .unwrap()
            .1;
        assert!(story.contains("date: 2026-11-25"));
        assert!(story.contains("events: [boekenruilmiddag-bij-de-minibieb]"));
    }

    #[test]
    fn plein_yaml_explains_every_setting() {
        for lang in [Lang::Nl, Lang::En] {
            let yaml = templates(lang)[0].text;
            for key in crate::config::config_keys() {
                assert!(
                    yaml.contains(&format!("\n{key}:")) || yaml.contains(&format!("\n# {key}:")),
                    "{lang:?}: `{key}` missing"
                );
            }
        }
    }

    #[test]
    fn file_names_are_the_slugs_of_the_titles() {
        for lang in [Lang::Nl, Lang::En] {
            for t in templates(lang)
                .iter()
                .filter(|t| t.path.starts_with("content/"))
            {
                let title = t
                    .text
                    .lines()
                    .find_map(|l| l.strip_prefix("title: "))
                    .unwrap();
                let stem = Path::new(t.path).file_stem().unwrap().to_str().unwrap();
                assert_eq!(crate::ground::slug::slugify(title), stem);
            }
        }
    }
}
