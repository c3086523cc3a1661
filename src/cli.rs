//! The command line, with clap derive: one Args struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use crate::content_type::ContentType;

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
    /// Check the site for every error a build would find, and give writing hints; writes nothing
    Check(CheckArgs),
    /// Build the site and preview it with live reload while you edit
    Serve(ServeArgs),
    /// Write a new story or event, ready to fill in
    #[command(subcommand)]
    New(NewCommand),
    /// Make a new site in a folder: settings, an example story, neighbourhood, person and event
    Init(InitArgs),
    /// Print a JSON Schema of the front matter of a content type, for editors that check as you type
    Schema(SchemaArgs),
    /// Build the site and publish it to S3-compatible storage (a bucket, behind a CDN)
    Deploy(DeployArgs),
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
    #[arg(long, value_parser = parse_base_url)]
    pub base_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Treat writing hints (photo credit, long sentences, ...) as errors: exit 1 when there are any
    #[arg(long)]
    pub strict: bool,
    /// How to print problems: text for people, json for other tools (on stdout)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The output form of `plein check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// What `plein new` writes.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Write content/stories/<slug>.md with today's date
    Story(NewStoryArgs),
    /// Write content/events/<slug>.md for the agenda
    Event(NewEventArgs),
}

/// Where the site is, for commands that write into it.
#[derive(Debug, Args)]
pub struct RootArgs {
    /// The site folder, holding plein.yaml and content/
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The moment taken as now (RFC 3339), for reproducible files; default: now
    #[arg(long, env = "PLEIN_NOW", value_parser = parse_now, hide = true)]
    pub now: Option<jiff::Timestamp>,
}

#[derive(Debug, Args)]
pub struct NewStoryArgs {
    /// The story's title, in quotes: "De buurttuin is open"
    pub title: String,
    /// A neighbourhood the story is about; repeat for more than one
    #[arg(long = "neighbourhood", value_name = "NAME")]
    pub neighbourhoods: Vec<String>,
    /// The kind of story, one of the kinds in plein.yaml (meeting, mural, garden by default)
    #[arg(long)]
    pub kind: Option<String>,
    #[command(flatten)]
    pub site: RootArgs,
}

#[derive(Debug, Args)]
pub struct NewEventArgs {
    /// The event's title, in quotes: "Moestuindag in De Zuil"
    pub title: String,
    /// When it starts: 2026-10-06T13:00 (local time of the site) or 2026-10-06
    #[arg(long, value_parser = parse_date)]
    pub start: String,
    /// When it ends, in the same form
    #[arg(long, value_parser = parse_date)]
    pub end: Option<String>,
    /// A neighbourhood the event is in; repeat for more than one
    #[arg(long = "neighbourhood", value_name = "NAME")]
    pub neighbourhoods: Vec<String>,
    #[command(flatten)]
    pub site: RootArgs,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder for the new site; made when it does not exist
    pub dir: PathBuf,
    /// The language of the site and of its example texts
    #[arg(long, value_enum, default_value_t = crate::words::Lang::Nl)]
    pub lang: crate::words::Lang,
    /// Also write into a folder that is not empty; files that exist are kept as they are
    #[arg(long)]
    pub force: bool,
    /// The moment taken as now (RFC 3339), for reproducible files; default: now
    #[arg(long, env = "PLEIN_NOW", value_parser = parse_now, hide = true)]
    pub now: Option<jiff::Timestamp>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The content type; without one, all five in one schema document (under `$defs`)
    #[arg(value_enum)]
    pub content_type: Option<ContentType>,
    /// Write story.schema.json, event.schema.json, ... into this folder instead of printing
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The site folder: its plein.yaml gives the kinds a story may have
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct DeployArgs {
    #[command(flatten)]
    pub site: RootArgs,
    /// The target in plein.yaml's `deploy:` to publish to, or a bucket as s3://bucket/folder
    /// (endpoint from AWS_ENDPOINT_URL); default: the first target in plein.yaml
    #[arg(long, value_name = "NAME")]
    pub target: Option<String>,
    /// Show what would be uploaded and deleted, file by file, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Go on when the deploy would delete more than a quarter of the files in the bucket
    #[arg(long)]
    pub yes: bool,
    /// Publish this folder of a build already made, instead of building the site first
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Leave files in the bucket that match this pattern alone (`archief/**`); may be repeated
    #[arg(long, value_name = "PATTERN")]
    pub keep: Vec<String>,
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
    /// Open the preview in the web browser once it is ready
    #[arg(long)]
    pub open: bool,
}

fn parse_base_url(s: &str) -> Result<String, String> {
    crate::config::check_base_url(s.trim())
        .map_err(|reason| format!("{reason}; write it as https://www.lindenbuurt.nl/"))
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

/// A date as front matter takes it; kept as written.
fn parse_date(s: &str) -> Result<String, String> {
    let s = s.trim();
    crate::ground::values::DateValue::parse(s)
        .map(|_| s.replacen(' ', "T", 1))
        .ok_or_else(|| {
            format!(
                "`{s}` is not a date: expected 2026-10-06T13:00 (a date and a time) or 2026-10-06"
            )
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
