//! CLI tests: the built `plein` binary run on fixture sites under tests/sites/.

mod agenda;
mod build;
mod crash;
mod deploy;
mod editors;
mod errors;
mod hostile;
mod images;
mod incremental;
mod load;
mod paper;
mod props;
mod serve;
mod support;
