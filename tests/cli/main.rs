//! CLI tests: the built `plein` binary run on fixture sites under tests/sites/.

mod agenda;
mod build;
mod editors;
mod errors;
mod serve;
mod support;
