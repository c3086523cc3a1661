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
mod links;
mod load;
mod markdown;
mod mistakes;
mod paper;
mod pipes;
mod props;
mod security;
mod serve;
mod support;
mod walls;
