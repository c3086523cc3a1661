//! The command line, with clap derive: one Args struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "plein",
    version,
    about = "A static site generator for neighbourhood story collections"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder
    Build(BuildArgs),
    /// Check the site for every error a build would find, writing nothing
    Check(CheckArgs),
    /// Build the site and preview it with live reload while you edit
    Serve(ServeArgs),
}

/// Where the site is.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder, holding plein.yaml and content/
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Include stories, events and pages marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
    /// The moment that decides which events are upcoming (RFC 3339); default: now.
    /// Also read from the PLEIN_NOW environment variable, for reproducible builds.
    #[arg(long, env = "PLEIN_NOW", value_parser = parse_now)]
    pub now: Option<jiff::Timestamp>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The output folder; default: public/ in the site folder
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// The site's address, overriding base_url in plein.yaml
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The address to listen on; anything but loopback makes the preview public
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// The port to listen on; when taken, the next free one is used
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
}

fn parse_now(s: &str) -> Result<jiff::Timestamp, String> {
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Ok(ts);
    }
    s.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok())
        .map(|z| z.timestamp())
        .ok_or_else(|| {
            format!("`{s}` is not a moment: expected 2026-10-06T13:00:00+02:00 or 2026-10-06")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
