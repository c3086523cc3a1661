//! `plein deploy`: build (or take a build), compare it with the bucket, upload and delete.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::cli::{BuildArgs, DeployArgs, SiteArgs};
use crate::config::deploy::{self as target, Target};
use crate::config::{Config, Lang};
use crate::deploy::credentials;
use crate::deploy::files::{self, LocalFile};
use crate::deploy::plan::{self, Change, Plan};
use crate::deploy::s3::{self, Client};
use crate::deploy::upload;
use crate::deploy::words::{self, PlanLine};
use crate::diagnostic::Diagnostics;

/// A deploy that would delete more than this share of the bucket asks for `--yes`.
const DELETE_SHARE: f64 = 0.25;

pub(crate) fn run(args: &DeployArgs) -> ExitCode {
    let started = Instant::now();
    let ready = match prepare(args) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let (local, plan) = match compare(&ready, args) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let lang = ready.lang;
    show_plan(lang, &plan, &local, args.dry_run);
    if args.dry_run {
        eprintln!("{}", words::dry_run(lang));
        return ExitCode::SUCCESS;
    }
    if plan.uploads.is_empty() && plan.deletes.is_empty() {
        eprintln!("{}", words::nothing_to_do(lang));
        return ExitCode::SUCCESS;
    }
    if plan.deletes_more_than(DELETE_SHARE) && !args.yes {
        let (message, help) = words::too_many_deletes(lang, plan.deletes.len(), plan.remote_count);
        return fail(1, lang, message, Some(&help));
    }
    let outcome = upload::carry_out(&ready.client, &ready.target.prefix, &local, &plan, lang);
    if let Some(e) = &outcome.error {
        let code = fail_with(1, lang, words::error(lang, e));
        if outcome.uploaded > 0 {
            eprintln!("{}", words::partial(lang, outcome.uploaded));
        }
        return code;
    }
    let (n, bytes, deleted) = (outcome.uploaded, outcome.bytes, outcome.deleted);
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{}",
        words::summary(lang, n, bytes, deleted, plan.unchanged, secs)
    );
    ExitCode::SUCCESS
}

/// Everything a deploy needs before it looks at the bucket.
struct Ready {
    lang: Lang,
    target: Target,
    output: PathBuf,
    client: Client,
}

/// Settings, target, keys and the build: each checked before the network is used.
fn prepare(args: &DeployArgs) -> Result<Ready, ExitCode> {
    let root = &args.site.root;
    let mut errs = Diagnostics::default();
    let config = Config::load(root, None, &mut errs);
    if !errs.is_empty() {
        return Err(super::site_errors(root, &errs.sorted()));
    }
    let lang = config.lang;
    let target = choose_target(&config, args)?;
    if let Some(code) = check_base_url(&config) {
        return Err(code);
    }
    let found = credentials::find(target.profile.as_deref(), &|k| std::env::var(k).ok())
        .map_err(|missing| fail_with(1, lang, words::no_credentials(lang, &missing)))?;
    let output = site_output(args, root, lang)?;
    let region = target
        .region
        .clone()
        .or_else(|| found.region.clone())
        .unwrap_or_else(|| "us-east-1".to_string());
    let client = Client::new(&target, &region, found.credentials);
    let heading = words::heading(
        lang,
        &target.name,
        &target.url(),
        client.origin(),
        &found.source,
    );
    eprintln!("{heading}");
    Ok(Ready {
        lang,
        target,
        output,
        client,
    })
}

/// The build's files and the plan that makes the bucket equal to them.
fn compare(ready: &Ready, args: &DeployArgs) -> Result<(Vec<LocalFile>, Plan), ExitCode> {
    let Ready {
        lang,
        target,
        output,
        client,
    } = ready;
    // Listing a big bucket is many round trips, hashing the build is work for the
    // processor: the two at once.
    let (local, remote) = std::thread::scope(|scope| {
        let listing = scope.spawn(|| client.list(&target.prefix));
        let local = files::read(output, target.gzip);
        (local, listing.join().expect("listing does not panic"))
    });
    let local = local.map_err(|e| {
        fail(
            1,
            *lang,
            words::read_failed(*lang, output, &e.to_string()),
            None,
        )
    })?;
    let mut keep = target.keep.clone();
    keep.extend(args.keep.iter().cloned());
    let plan = remote
        .and_then(|r| remote_plan(client, target, &local, r, &keep))
        .map_err(|e| fail_with(1, *lang, words::error(*lang, &e)))?;
    Ok((local, plan))
}

/// The target of `--target` (a name or an s3:// address), or the first; exit 1 without
/// targets, 2 for an unknown name.
fn choose_target(config: &Config, args: &DeployArgs) -> Result<Target, ExitCode> {
    let lang = config.lang;
    if let Some(url) = args.target.as_deref().filter(|t| t.starts_with("s3://")) {
        return target::from_url(url, &|k| std::env::var(k).ok()).map_err(|problem| {
            super::say(problem, lang);
            ExitCode::from(2)
        });
    }
    if config.deploy.is_empty() {
        return Err(fail_with(1, lang, words::no_targets(lang)));
    }
    target::choose(&config.deploy, args.target.as_deref())
        .cloned()
        .map_err(|hint| {
            let names: Vec<&str> = config.deploy.iter().map(|t| t.name.as_str()).collect();
            let name = args.target.as_deref().unwrap_or_default();
            let message = words::unknown_target(lang, name, &hint.shown(lang), &names.join(", "));
            fail(2, lang, message, None)
        })
}

/// A site whose base_url is this computer would publish links that lead nowhere.
fn check_base_url(config: &Config) -> Option<ExitCode> {
    let host = config
        .base_url
        .split_once("://")
        .map_or("", |(_, rest)| rest)
        .split(['/', ':'])
        .next()
        .unwrap_or_default();
    let local = matches!(host, "127.0.0.1" | "localhost" | "[" | "0.0.0.0" | "");
    local.then(|| {
        fail_with(
            1,
            config.lang,
            words::local_base_url(config.lang, &config.base_url),
        )
    })
}

/// The folder to publish: a fresh build into public/, or `--output` as it is.
fn site_output(args: &DeployArgs, root: &Path, lang: Lang) -> Result<PathBuf, ExitCode> {
    if let Some(dir) = &args.output {
        if !dir.join(".plein-output").is_file() {
            return Err(fail_with(1, lang, words::not_a_build(lang, dir)));
        }
        eprintln!("{}", words::using_build(lang, dir));
        return Ok(dir.clone());
    }
    let build = BuildArgs {
        site: SiteArgs {
            root: root.to_path_buf(),
            drafts: false,
            now: args.site.now,
        },
        output: None,
        base_url: None,
    };
    let code = super::build::run(&build);
    if code != ExitCode::SUCCESS {
        return Err(code);
    }
    Ok(root.join("public"))
}

/// Compare with the bucket; objects whose ETag is no MD5 are asked for plein's metadata.
fn remote_plan(
    client: &Client,
    target: &Target,
    local: &[LocalFile],
    mut remote: Vec<plan::Remote>,
    keep: &[String],
) -> Result<Plan, s3::Error> {
    let local_keys: std::collections::HashSet<&str> =
        local.iter().map(|f| f.key.as_str()).collect();
    for r in remote.iter_mut() {
        if r.md5.is_none() && local_keys.contains(r.key.as_str()) {
            r.md5 = client.stored_md5(&format!("{}{}", target.prefix, r.key))?;
        }
    }
    Ok(plan::make(local, &remote, keep))
}

/// Counts and sizes per action; with `--dry-run` also every file.
fn show_plan(lang: Lang, plan: &Plan, local: &[LocalFile], list: bool) {
    let (new, new_bytes) = plan.upload_totals(local, Change::New);
    let (changed, changed_bytes) = plan.upload_totals(local, Change::Changed);
    let mut lines = vec![
        words::plan_line(lang, PlanLine::New, new, Some(new_bytes)),
        words::plan_line(lang, PlanLine::Changed, changed, Some(changed_bytes)),
        words::plan_line(
            lang,
            PlanLine::Delete,
            plan.deletes.len(),
            Some(plan.delete_bytes()),
        ),
        words::plan_line(lang, PlanLine::Unchanged, plan.unchanged, None),
    ];
    if plan.kept > 0 {
        lines.push(words::plan_line(lang, PlanLine::Kept, plan.kept, None));
    }
    eprintln!("{}", lines.join("\n"));
    if !list {
        return;
    }
    for (i, change) in &plan.uploads {
        let mark = if *change == Change::New { '+' } else { '~' };
        let f = &local[*i];
        eprintln!("  {mark} {} ({})", f.key, words::size(lang, f.size));
    }
    for (key, size) in &plan.deletes {
        eprintln!("  - {key} ({})", words::size(lang, *size));
    }
}

fn fail_with(code: u8, lang: Lang, (message, help): (String, String)) -> ExitCode {
    fail(code, lang, message, Some(&help))
}

fn fail(code: u8, lang: Lang, message: String, help: Option<&str>) -> ExitCode {
    super::say_words(message, help, lang);
    ExitCode::from(code)
}
