//! plein: a static site generator for neighbourhood story collections.
//!
//! Modules in pipeline order: load the files, parse front matter and Markdown, assemble the
//! site model, render pages through the theme, write them atomically. `commands` glues the
//! command line to `pipeline`; `hints` gives `plein check` its writing advice. `words` holds
//! everything plein writes in the site's language, one file per language. `ground` holds the
//! value types and small readers the stages share, so no stage reaches into another for them;
//! no module uses a later stage (tests/cli/walls.rs holds that).

pub mod cli;
pub(crate) mod commands;
pub mod config;
pub(crate) mod content_type;
pub(crate) mod deploy;
pub mod diagnostic;
pub mod ground;
pub(crate) mod hints;
pub(crate) mod images;
pub mod load;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod render;
pub(crate) mod serve;
pub(crate) mod timings;
pub(crate) mod words;
pub(crate) mod write;

use std::process::ExitCode;

use cli::{Cli, Command};

/// Run one command; the exit status is 0 when done, 1 when the site has errors.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        Command::Build(args) => commands::build::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Serve(args) => serve::run(args),
        Command::New(what) => commands::new::run(what),
        Command::Init(args) => commands::init::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Deploy(args) => commands::deploy::run(args),
    }
}
