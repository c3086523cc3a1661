//! `plein check`: every validation of a build, writing nothing, plus writing hints.
//!
//! Errors come from the same pipeline a build runs; hints (photo credit, long sentences, ...)
//! from `hints` on the parsed documents. Hints are warnings, or errors with `--strict`.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use super::count;
use crate::cli::{CheckArgs, Format};
use crate::diagnostic::{Diagnostics, Palette, Severity};
use crate::parse::Document;
use crate::words::messages::{self, Args};
use crate::{load, parse, pipeline};

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let started = Instant::now();
    if let Err(code) = super::require_site(&args.site.root) {
        return code;
    }
    let opts = pipeline::Options {
        resize: false,
        hints: Some(crate::hints::Scope::All),
        ..super::options(&args.site, None)
    };
    let built = pipeline::build(&opts, &mut pipeline::Cache::for_one_build(), None, &|_| {
        Ok(())
    });
    let (counts, mut all) = match built {
        Ok(built) => {
            let s = &built.site;
            let counts = (s.stories.len(), s.events.len(), s.pages.len());
            (Some(counts), built.warnings)
        }
        Err(errs) => (None, errs),
    };
    if args.strict {
        for hint in &mut all.0 {
            hint.severity = Severity::Error;
        }
    }
    let (errors, warnings) = all.counts();
    let lang = super::site_lang(&opts.root);
    match args.format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&all.to_json(&opts.root, lang))
                .expect("JSON of plain data");
            if let Err(code) = super::stdout::line(&json) {
                return code;
            }
        }
        Format::Text if !all.is_empty() => {
            eprintln!("{}\n", all.render(&opts.root, &Palette::for_stderr(), lang))
        }
        Format::Text => {}
    }
    let seconds = started.elapsed().as_secs_f64();
    match counts {
        Some((stories, events, pages)) if errors == 0 => {
            let what = [
                count(lang, "stories", stories),
                count(lang, "events", events),
                count(lang, "pages", pages),
            ]
            .join(", ");
            let args = Args::new()
                .text("what", what)
                .decimal("seconds", seconds, 2, lang)
                .text("warnings", count(lang, "warnings", warnings));
            let id = if warnings == 0 {
                "check-clean"
            } else {
                "check-warnings"
            };
            eprintln!("{}", messages::text(lang, id, &args));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{}", super::nothing_written(lang, errors, warnings));
            ExitCode::from(1)
        }
    }
}

/// The content files of the site at `root`, read and parsed; files that cannot be read or
/// parsed are left out, as the build has reported them.
pub(crate) fn documents(root: &Path) -> Vec<std::sync::Arc<Document>> {
    let mut ignored = Diagnostics::default();
    let files: Vec<load::SourceFile> = load::walk(root, Path::new("content"), &mut ignored)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter_map(|p| load::read_text(root, p).ok())
        .collect();
    // The problems were told by the build; the language of these unused ones does not matter.
    parse::documents(
        &files,
        &Default::default(),
        crate::words::Lang::Nl,
        &mut ignored,
    )
    .0
}
