//! The glue between the command line and the pipeline: one module per subcommand.

pub mod build;
pub mod check;
pub mod deploy;
pub mod init;
pub mod new;
pub mod schema;

use std::process::ExitCode;

use crate::cli::SiteArgs;
use crate::diagnostic::Diagnostics;
use crate::pipeline::Options;

/// Exit status 1: the site has errors.
pub fn site_errors(root: &std::path::Path, errs: &Diagnostics) -> ExitCode {
    eprintln!("{}\n", errs.render_plain(root));
    let n = errs.len();
    eprintln!(
        "plein: {n} {} found; nothing was written",
        if n == 1 { "error" } else { "errors" }
    );
    ExitCode::from(1)
}

/// The pipeline options for `site`.
pub fn options(site: &SiteArgs, base_url: Option<String>) -> Options {
    let now = site.now.unwrap_or_else(jiff::Timestamp::now);
    Options {
        root: site.root.clone(),
        drafts: site.drafts,
        base_url,
        now: now.to_zoned_datetime(jiff::tz::TimeZone::UTC),
        resize: true,
        defer_search: false,
    }
}
