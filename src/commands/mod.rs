//! The glue between the command line and the pipeline: one module per subcommand.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod deploy;
pub(crate) mod init;
pub(crate) mod new;
pub(crate) mod schema;
pub(crate) mod stdout;

use std::process::ExitCode;

use crate::cli::SiteArgs;
use crate::diagnostic::Diagnostics;
use crate::pipeline::Options;
use crate::words::Lang;
use crate::words::messages::{self, Args};

/// Exit status 1: the site has errors (and maybe warnings, which are shown too).
pub(crate) fn site_errors(root: &std::path::Path, errs: &Diagnostics) -> ExitCode {
    let lang = site_lang(root);
    eprintln!("{}\n", errs.render_plain(root, lang));
    let (errors, warnings) = errs.counts();
    eprintln!("{}", nothing_written(lang, errors, warnings));
    ExitCode::from(1)
}

/// The language of the site at `root`, for what plein says about it; Dutch when plein.yaml
/// cannot say.
pub(crate) fn site_lang(root: &std::path::Path) -> Lang {
    crate::config::Config::load(root, None, &mut Diagnostics::default()).lang
}

/// "plein: 2 errors found; nothing was written", in `lang`.
pub(crate) fn nothing_written(lang: Lang, errors: usize, warnings: usize) -> String {
    let tally = tally(lang, errors, warnings);
    messages::text(lang, "nothing-written", &Args::new().text("tally", tally))
}

/// "2 errors", "1 warning", or "1 error and 3 warnings", in `lang`.
pub(crate) fn tally(lang: Lang, errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (e, 0) => count(lang, "errors", e),
        (0, w) => count(lang, "warnings", w),
        (e, w) => {
            let args = Args::new()
                .text("errors", count(lang, "errors", e))
                .text("warnings", count(lang, "warnings", w));
            messages::text(lang, "errors-and-warnings", &args)
        }
    }
}

/// `n` things in `lang`: the message `id` ("stories", "errors", ...) for the number `n`.
pub(crate) fn count(lang: Lang, id: &str, n: usize) -> String {
    messages::text(lang, id, &Args::new().number("n", n))
}

/// Say `problem`, which belongs to no file, on stderr in `lang`, as plein says every problem.
pub(crate) fn say(problem: crate::diagnostic::Problem, lang: Lang) {
    let d = crate::diagnostic::Diagnostic::general(problem);
    let palette = crate::diagnostic::Palette::for_stderr();
    eprintln!("{}", d.render(std::path::Path::new(""), &palette, lang));
}

/// Say a problem whose words are already in `lang` (`message`, and `help` when there is one).
pub(crate) fn say_words(message: String, help: Option<&str>, lang: Lang) {
    use crate::diagnostic::Problem;
    let problem = match help {
        Some(help) => Problem::told("said", &[("message", &message), ("help", &help)]),
        None => Problem::told("said-alone", &[("message", &message)]),
    };
    say(problem, lang);
}

/// `Err(1)`, with a message that says what to do, when `root` is not a site: a folder with
/// a plein.yaml. Without this, a command run in the wrong folder would build an empty site.
pub(crate) fn require_site(root: &std::path::Path) -> Result<(), ExitCode> {
    if root.join("plein.yaml").is_file() {
        return Ok(());
    }
    let shown = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let shown = shown.display();
    if root.is_dir() {
        eprintln!("plein: {shown} is not a plein site: there is no plein.yaml in it");
        eprintln!(
            "  = help: start a new site there with `plein init {shown}`, or give the folder of your site with --root FOLDER"
        );
    } else {
        eprintln!("plein: there is no folder {shown}");
        eprintln!(
            "  = help: give the folder of your site with --root FOLDER, or start a new site with `plein init {shown}`"
        );
    }
    Err(ExitCode::from(1))
}

/// The pipeline options for `site`.
pub(crate) fn options(site: &SiteArgs, base_url: Option<String>) -> Options {
    let now = site.now.unwrap_or_else(jiff::Timestamp::now);
    Options {
        root: site.root.clone(),
        drafts: site.drafts,
        base_url,
        now: now.to_zoned_datetime(jiff::tz::TimeZone::UTC),
        resize: true,
        hints: None,
        defer_search: false,
    }
}
