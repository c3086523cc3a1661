//! `plein check`: every validation of a build, writing nothing.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::CheckArgs;
use crate::pipeline;

pub fn run(args: &CheckArgs) -> ExitCode {
    let started = Instant::now();
    let opts = super::options(&args.site, None);
    match pipeline::build(&opts) {
        Ok(built) => {
            let s = &built.site;
            eprintln!(
                "plein: no problems in {} stories, {} events, {} pages ({:.2} s)",
                s.stories.len(),
                s.events.len(),
                s.pages.len(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(errs) => super::site_errors(&opts.root, &errs),
    }
}
