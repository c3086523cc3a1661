use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // clap exits with status 2 itself when the command line is wrong.
    plein::run(plein::cli::Cli::parse())
}
