//! CLI tests: the built `plein` binary run on fixture sites under tests/sites/.

mod build;
mod errors;
mod serve;
mod support;
