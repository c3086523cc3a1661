//! `plein build`: the pipeline rendering into a staging folder, swapped in when all is well.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::diagnostic::{Diagnostics, Palette};
use crate::hints;
use crate::pipeline::{self, Built, Cache};
use crate::words::messages::{self, Args};
use crate::write::{self, Staging};

pub(crate) fn run(args: &BuildArgs) -> ExitCode {
    let started = Instant::now();
    if let Err(code) = super::require_site(&args.site.root) {
        return code;
    }
    let opts = pipeline::Options {
        hints: Some(hints::Scope::Mistakes),
        ..super::options(&args.site, args.base_url.clone())
    };
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    let one = |d| super::site_errors(&opts.root, &Diagnostics(vec![d]));
    let output = match write::guard(&opts.root, &output) {
        Ok(o) => o,
        Err(d) => return one(d),
    };
    let staging = match Staging::create(&output) {
        Ok(s) => s,
        Err(d) => return one(d),
    };
    // Pages whose fingerprint matches the previous build are not rendered again but kept.
    let mut cache = Cache::for_one_build();
    let previous = write::previous_pages(&output);
    cache.pages.pages = previous.clone();
    let built = match pipeline::build(&opts, &mut cache, None, &|page| staging.put(page)) {
        Ok(b) => b,
        // Dropping the staging folder leaves the previous output exactly as it was.
        Err(errs) => return super::site_errors(&opts.root, &errs),
    };
    let lang = built.site.config.lang;
    let warned = show_warnings(&built, &opts.root);
    if built.written == 0
        && write::is_current(
            &output,
            &previous,
            &cache.pages.pages,
            &opts.root,
            &built.copies,
        )
    {
        drop(staging);
        let args = Args::new()
            .text("output", output.display().to_string())
            .decimal("seconds", started.elapsed().as_secs_f64(), 2, lang);
        eprintln!("{}{warned}", messages::text(lang, "up-to-date", &args));
        return ExitCode::SUCCESS;
    }
    match swap_in(staging, &cache, &opts.root, &built) {
        Ok((written, copied)) => {
            eprintln!(
                "{}{}",
                summary(
                    &built,
                    &written,
                    copied,
                    &output,
                    started.elapsed().as_secs_f64()
                ),
                warned
            );
            ExitCode::SUCCESS
        }
        Err(d) => one(d),
    }
}

/// Print the build's warnings; the line the summary ends with when there are any.
fn show_warnings(built: &Built, root: &std::path::Path) -> String {
    let lang = built.site.config.lang;
    let warnings = &built.warnings;
    if !warnings.is_empty() {
        let shown = warnings.render(root, &Palette::for_stderr(), lang);
        eprintln!("{shown}\n");
    }
    match warnings.len() {
        0 => String::new(),
        n => {
            let args = Args::new().text("warnings", super::count(lang, "warnings", n));
            format!("\n       {}", messages::text(lang, "warnings-above", &args))
        }
    }
}

/// Complete the staging folder (unchanged pages, copied files) and swap it in; what was
/// written, and how many files were copied.
fn swap_in(
    staging: Staging,
    cache: &Cache,
    root: &std::path::Path,
    built: &Built,
) -> Result<(write::Written, usize), crate::diagnostic::Diagnostic> {
    let writing = Instant::now();
    let result = staging
        .keep_unchanged(&cache.pages.pages)
        .and_then(|_| staging.copy(root, &built.copies))
        .and_then(|copied| staging.swap_in(&cache.pages.pages).map(|w| (w, copied)));
    if crate::timings::wanted() {
        eprintln!(
            "plein: swap       {:>8.1} ms",
            writing.elapsed().as_secs_f64() * 1000.0
        );
    }
    result
}

fn summary(
    built: &Built,
    w: &write::Written,
    copied: usize,
    output: &std::path::Path,
    seconds: f64,
) -> String {
    let s = &built.site;
    let lang = s.config.lang;
    let kept = if built.unchanged > 0 {
        messages::text(
            lang,
            "kept-unchanged",
            &Args::new().number("n", built.unchanged),
        )
    } else {
        String::new()
    };
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| output.strip_prefix(cwd).ok().map(|p| p.to_path_buf()))
        .unwrap_or_else(|| output.to_path_buf());
    let n = |id, n| super::count(lang, id, n);
    let built = Args::new()
        .text("stories", n("stories", s.stories.len()))
        .text("events", n("events", s.events.len()))
        .text(
            "neighbourhoods",
            n("neighbourhoods", s.neighbourhoods.len()),
        )
        .text("people", n("people", s.people.len()))
        .text("tags", n("tags", s.tags.len()))
        .text("pages", n("pages", s.pages.len()));
    let wrote = Args::new()
        .number("files", w.pages)
        .decimal("megabytes", w.bytes as f64 / 1_000_000.0, 1, lang)
        .text("kept", kept)
        .number("copied", copied)
        .text("output", shown.display().to_string())
        .decimal("seconds", seconds, 2, lang);
    format!(
        "{}\n       {}",
        messages::text(lang, "built", &built),
        messages::text(lang, "wrote", &wrote)
    )
}
