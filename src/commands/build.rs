//! `plein build`: the pipeline, then the output swapped in, then a summary.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::pipeline::{self, Built};
use crate::write;

pub fn run(args: &BuildArgs) -> ExitCode {
    let started = Instant::now();
    let opts = super::options(&args.site, args.base_url.clone());
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    let output = match write::guard(&opts.root, &output) {
        Ok(o) => o,
        Err(d) => return super::site_errors(&opts.root, &crate::diagnostic::Diagnostics(vec![d])),
    };
    let built = match pipeline::build(&opts) {
        Ok(b) => b,
        Err(errs) => return super::site_errors(&opts.root, &errs),
    };
    let writing = Instant::now();
    let result = write::swap_in(&opts.root, &output, &built.outputs, &built.copies);
    if std::env::var_os("PLEIN_TIMINGS").is_some() {
        eprintln!(
            "plein: write      {:>8.1} ms",
            writing.elapsed().as_secs_f64() * 1000.0
        );
    }
    match result {
        Ok(written) => {
            eprintln!(
                "{}",
                summary(&built, &written, &output, started.elapsed().as_secs_f64())
            );
            ExitCode::SUCCESS
        }
        Err(d) => super::site_errors(&opts.root, &crate::diagnostic::Diagnostics(vec![d])),
    }
}

fn summary(built: &Built, w: &write::Written, output: &std::path::Path, seconds: f64) -> String {
    let s = &built.site;
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| output.strip_prefix(cwd).ok().map(|p| p.to_path_buf()))
        .unwrap_or_else(|| output.to_path_buf());
    format!(
        "plein: built {} stories, {} events, {} neighbourhoods, {} people, {} tags, {} pages\n       wrote {} files ({:.1} MB) and copied {} into {} in {:.2} s",
        s.stories.len(),
        s.events.len(),
        s.neighbourhoods.len(),
        s.people.len(),
        s.tags.len(),
        s.pages.len(),
        w.pages,
        w.bytes as f64 / 1_000_000.0,
        w.copied,
        shown.display(),
        seconds
    )
}
