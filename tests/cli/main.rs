//! CLI tests: the built `plein` binary run on fixture sites under tests/sites/.

// A test binary: `pub` here only lets one test file use another's helpers.
#![allow(unreachable_pub)]

mod agenda;
mod build;
mod crash;
mod deploy;
mod editors;
mod errors;
mod hostile;
mod images;
mod incremental;
mod links;
mod load;
mod markdown;
mod mistakes;
mod paper;
mod pipes;
mod props;
mod security;
mod serve;
mod sharing;
mod signup;
mod support;
mod walls;
