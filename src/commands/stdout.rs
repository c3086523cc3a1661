//! Printing on stdout for the commands that have output for other programs.
//!
//! A reader that goes away before plein is done (`plein schema | head`) wants no more: that is
//! not an error, and the command ends quietly with its own status, as ripgrep does. `println!`
//! would panic there instead.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

/// Print `text` and a newline on stdout. Any failure but the reader leaving is said on
/// stderr and gives exit status 1.
pub(crate) fn line(text: &str) -> Result<(), ExitCode> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => {
            let problem = crate::diagnostic::Problem::told("stdout-unwritable", &[("reason", &e)]);
            // Output for other programs, whose readers read English.
            super::say(problem, crate::words::Lang::En);
            Err(ExitCode::from(1))
        }
        _ => Ok(()),
    }
}
