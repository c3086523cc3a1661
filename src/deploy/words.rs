//! Every sentence `plein deploy` says to the person who publishes, in the site's language.

use std::path::Path;

use super::credentials::{NotFound, Source};
use super::s3::Error;
use crate::words::Lang;
use crate::words::messages::{self, Args};

/// A size in bytes as people read it: `830 B`, `12,4 kB`, `3,1 MB` (a point in English).
pub(crate) fn size(lang: Lang, bytes: u64) -> String {
    let (value, unit) = match bytes {
        b if b < 1_000 => return format!("{b} B"),
        b if b < 1_000_000 => (b as f64 / 1e3, "kB"),
        b if b < 1_000_000_000 => (b as f64 / 1e6, "MB"),
        b => (b as f64 / 1e9, "GB"),
    };
    decimal(lang, format!("{value:.1} {unit}"))
}

/// Seconds with one decimal.
pub(crate) fn seconds(lang: Lang, s: f64) -> String {
    decimal(lang, format!("{s:.1} s"))
}

fn decimal(lang: Lang, text: String) -> String {
    match lang {
        Lang::Nl => text.replacen('.', ",", 1),
        Lang::En => text,
    }
}

/// The message `id` in `lang` with `args`.
fn say(lang: Lang, id: &str, args: Args) -> String {
    messages::text(lang, id, &args)
}

/// The message `id` and its help line.
fn say_with_help(lang: Lang, id: &str, args: Args) -> (String, String) {
    let help = messages::attribute(lang, id, "help", &args).unwrap_or_default();
    (messages::text(lang, id, &args), help)
}

/// "1 file", "3 files".
fn files(lang: Lang, n: usize) -> String {
    say(lang, "deploy-files", Args::new().number("n", n))
}

/// The first line: where to, and with which keys.
pub(crate) fn heading(lang: Lang, name: &str, url: &str, origin: &str, source: &Source) -> String {
    let keys = match source {
        Source::Environment => say(lang, "deploy-keys-environment", Args::new()),
        Source::Profile { name, .. } => {
            say(lang, "deploy-keys-profile", Args::new().text("name", name))
        }
    };
    let args = Args::new()
        .text("name", name)
        .text("url", url)
        .text("origin", origin)
        .text("keys", keys);
    say(lang, "deploy-heading", args)
}

/// Saying that an earlier build is published as it is.
pub(crate) fn using_build(lang: Lang, dir: &Path) -> String {
    let args = Args::new().text("dir", dir.display().to_string());
    say(lang, "deploy-using-build", args)
}

/// One line of the plan.
pub(crate) fn plan_line(lang: Lang, what: PlanLine, n: usize, bytes: Option<u64>) -> String {
    let which = match what {
        PlanLine::New => "new",
        PlanLine::Changed => "changed",
        PlanLine::Delete => "delete",
        PlanLine::Unchanged => "unchanged",
        PlanLine::Kept => "kept",
    };
    let label = say(lang, "deploy-plan-label", Args::new().text("what", which));
    let size = bytes
        .map(|b| format!(", {}", self::size(lang, b)))
        .unwrap_or_default();
    format!("  {label:<15} {}{size}", files(lang, n))
}

/// The lines of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlanLine {
    New,
    Changed,
    Delete,
    Unchanged,
    Kept,
}

pub(crate) fn nothing_to_do(lang: Lang) -> String {
    say(lang, "deploy-nothing-to-do", Args::new())
}

pub(crate) fn dry_run(lang: Lang) -> String {
    say(lang, "deploy-dry-run", Args::new())
}

/// Refusing to delete a large share of the bucket without --yes.
pub(crate) fn too_many_deletes(lang: Lang, deletes: usize, total: usize) -> (String, String) {
    let share = deletes * 100 / total.max(1);
    let args = Args::new()
        .text("files", files(lang, deletes))
        .text("total", total.to_string())
        .text("share", share.to_string());
    say_with_help(lang, "deploy-too-many-deletes", args)
}

/// The progress line on a terminal.
pub(crate) fn progress(lang: Lang, done: usize, total: usize, bytes: u64) -> String {
    let args = Args::new()
        .text("done", done.to_string())
        .text("files", files(lang, total))
        .text("size", size(lang, bytes));
    say(lang, "deploy-progress", args)
}

/// The last line.
pub(crate) fn summary(
    lang: Lang,
    uploaded: usize,
    bytes: u64,
    deleted: usize,
    unchanged: usize,
    secs: f64,
) -> String {
    let args = Args::new()
        .text("files", files(lang, uploaded))
        .text("size", size(lang, bytes))
        .text("deleted", deleted.to_string())
        .text("unchanged", unchanged.to_string())
        .text("time", seconds(lang, secs));
    say(lang, "deploy-summary", args)
}

/// After a failure halfway: what is done stays, a new run finishes it.
pub(crate) fn partial(lang: Lang, uploaded: usize) -> String {
    say(lang, "deploy-partial", Args::new().number("n", uploaded))
}

pub(crate) fn no_targets(lang: Lang) -> (String, String) {
    say_with_help(lang, "deploy-no-targets", Args::new())
}

pub(crate) fn unknown_target(lang: Lang, name: &str, hint: &str, names: &str) -> String {
    let args = Args::new()
        .text("name", name)
        .text("hint", hint)
        .text("names", names);
    say(lang, "deploy-unknown-target", args)
}

pub(crate) fn local_base_url(lang: Lang, base_url: &str) -> (String, String) {
    say_with_help(
        lang,
        "deploy-local-base-url",
        Args::new().text("url", base_url),
    )
}

pub(crate) fn not_a_build(lang: Lang, dir: &Path) -> (String, String) {
    let args = Args::new().text("dir", dir.display().to_string());
    say_with_help(lang, "deploy-not-a-build", args)
}

pub(crate) fn read_failed(lang: Lang, dir: &Path, reason: &str) -> String {
    let args = Args::new()
        .text("dir", dir.display().to_string())
        .text("reason", reason);
    say(lang, "deploy-read-failed", args)
}

/// No keys anywhere.
pub(crate) fn no_credentials(lang: Lang, missing: &NotFound) -> (String, String) {
    let files = missing
        .files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let args = Args::new()
        .text("profile", missing.profile.as_str())
        .text("files", files);
    say_with_help(lang, "deploy-no-credentials", args)
}

/// An S3 error as a message and a hint.
pub(crate) fn error(lang: Lang, e: &Error) -> (String, String) {
    let a = Args::new();
    let (id, args) = match e {
        Error::Network { endpoint, detail } => (
            "deploy-network",
            a.text("endpoint", endpoint.as_str())
                .text("detail", detail.as_str()),
        ),
        Error::UnknownKey => ("deploy-unknown-key", a),
        Error::WrongSecret => ("deploy-wrong-secret", a),
        Error::ExpiredToken => ("deploy-expired-token", a),
        Error::AccessDenied { action } => ("deploy-denied", a.text("action", action.to_string())),
        Error::NoSuchBucket { bucket } => ("deploy-no-bucket", a.text("bucket", bucket.as_str())),
        Error::WrongRegion { region: Some(r) } => {
            ("deploy-region-is", a.text("region", r.as_str()))
        }
        Error::WrongRegion { region: None } => ("deploy-region-other", a),
        Error::ClockSkew { minutes } => (
            "deploy-clock",
            a.text("known", if minutes.is_some() { "yes" } else { "no" })
                .text(
                    "minutes",
                    minutes.map(|m| m.to_string()).unwrap_or_default(),
                ),
        ),
        Error::Server {
            status,
            code,
            message,
        } => {
            let said = format!("{status} {code} {message}").trim().to_string();
            ("deploy-server", a.text("said", said))
        }
        Error::Read { path, reason } => (
            "deploy-read",
            a.text("path", path.as_str())
                .text("reason", reason.as_str()),
        ),
    };
    say_with_help(lang, id, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_written_in_the_language() {
        assert_eq!(size(Lang::Nl, 1_234_567), "1,2 MB");
        assert_eq!(size(Lang::En, 1_234_567), "1.2 MB");
        assert_eq!(size(Lang::Nl, 830), "830 B");
        assert_eq!(seconds(Lang::Nl, 2.345), "2,3 s");
    }

    #[test]
    fn the_progress_line_counts_files_and_bytes() {
        assert_eq!(
            progress(Lang::Nl, 3, 40, 1_234_567),
            "  uploaden: 3 van 40 bestanden, 1,2 MB"
        );
        assert_eq!(
            progress(Lang::En, 1, 1, 830),
            "  uploading: 1 of 1 file, 830 B"
        );
    }

    #[test]
    fn the_region_hint_names_the_region() {
        let (m, h) = error(
            Lang::En,
            &Error::WrongRegion {
                region: Some("eu-central-1".into()),
            },
        );
        assert_eq!(
            m,
            "the bucket is in region eu-central-1, not in the one plein signed for"
        );
        assert_eq!(h, "set `region: eu-central-1` for the target in plein.yaml");
    }
}
