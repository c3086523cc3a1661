use std::process::ExitCode;

use clap::Parser;

/// Builds allocate and free millions of small strings and vectors; mimalloc does that
/// markedly faster than the system allocator. Chosen here, not in the library, so that a
/// program using the library keeps the allocator it chooses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // clap exits with status 2 itself when the command line is wrong.
    plein::run(plein::cli::Cli::parse())
}
