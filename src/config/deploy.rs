//! The `deploy:` targets of plein.yaml, checked: where a site is published.
//!
//! A target names a bucket on S3-compatible storage and a folder in it; it never holds
//! credentials (those come from the environment or the AWS shared files, see `credentials`).

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Hint, Problem};

/// One place to publish to, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub name: String,
    pub bucket: String,
    /// The folder in the bucket: empty, or ending in `/`.
    pub prefix: String,
    /// The storage's address, such as `https://s3.nl-ams.scw.cloud`; none for Amazon S3.
    pub endpoint: Option<String>,
    pub region: Option<String>,
    /// A profile of the AWS shared files to take credentials from.
    pub profile: Option<String>,
    /// Store text files gzip-compressed (`compress: gzip`).
    pub gzip: bool,
    /// Patterns of files in the bucket that plein leaves alone (managed elsewhere).
    pub keep: Vec<String>,
}

impl Target {
    /// `s3://bucket/prefix` as written in plein.yaml.
    pub fn url(&self) -> String {
        format!("s3://{}/{}", self.bucket, self.prefix)
    }
}

/// A target as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTarget {
    name: Option<String>,
    url: Option<String>,
    endpoint: Option<String>,
    region: Option<String>,
    profile: Option<String>,
    compress: Option<String>,
    keep: Option<Vec<String>>,
}

/// An unknown key inside a target, from serde's message (`deploy[0]: unknown field ...`).
pub(crate) fn unknown_key(message: &str) -> Option<Problem> {
    let rest = message.strip_prefix("deploy[")?;
    let (_, rest) = rest.split_once("]: ")?;
    rest.starts_with("unknown field").then(|| {
        crate::ground::yaml::problem_from_yaml(rest, crate::ground::fields::of::<RawTarget>())
    })
}

/// The targets checked; each problem goes to `errs` at the value in `text`.
pub(crate) fn all(raw: Vec<RawTarget>, text: &str, errs: &mut Diagnostics) -> Vec<Target> {
    let mut targets: Vec<Target> = Vec::new();
    for raw in raw {
        let Some(target) = check(raw, text, errs) else {
            continue;
        };
        if targets.iter().any(|t| t.name == target.name) {
            let problem = Problem::told("deploy-same-name", &[("name", &target.name)]);
            errs.push(at_value(text, "name", &target.name, problem));
            continue;
        }
        targets.push(target);
    }
    targets
}

fn check(raw: RawTarget, text: &str, errs: &mut Diagnostics) -> Option<Target> {
    let before = errs.len();
    let name = match raw.name {
        Some(n) if !n.trim().is_empty() => n.trim().to_string(),
        _ => {
            let problem = Problem::told("deploy-no-name", &[]);
            errs.push(at_value(text, "deploy", "", problem));
            String::new()
        }
    };
    let (bucket, prefix) = match raw.url.as_deref().map(split_url) {
        Some(Ok(parts)) => parts,
        Some(Err(why)) => {
            let url = raw.url.as_deref().unwrap_or_default();
            errs.push(at_value(text, "url", url, why));
            (String::new(), String::new())
        }
        None => {
            let problem = Problem::told("deploy-no-url", &[("name", &name)]);
            errs.push(at_value(text, "name", &name, problem));
            (String::new(), String::new())
        }
    };
    let endpoint = raw
        .endpoint
        .map(|e| e.trim().trim_end_matches('/').to_string());
    if let Some(e) = &endpoint
        && let Err(why) = check_endpoint(e, "endpoint")
    {
        errs.push(at_value(text, "endpoint", e, why));
    }
    if let Some(r) = &raw.region
        && (r.is_empty() || !r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        let problem = Problem::told("deploy-region", &[("region", r)]);
        errs.push(at_value(text, "region", r, problem));
    }
    let gzip = match raw.compress.as_deref() {
        None | Some("none") => false,
        Some("gzip") => true,
        Some("brotli" | "br") => {
            let problem = Problem::told("deploy-brotli", &[]);
            errs.push(at_value(text, "compress", "brotli", problem));
            false
        }
        Some(other) => {
            let problem = Problem::told("deploy-compress", &[("value", &other)]);
            errs.push(at_value(text, "compress", other, problem));
            false
        }
    };
    let keep = raw.keep.unwrap_or_default();
    for pattern in &keep {
        if pattern.trim().is_empty() || pattern.starts_with('/') {
            let problem = Problem::told("deploy-keep", &[("pattern", pattern)]);
            errs.push(at_value(text, "keep", pattern, problem));
        }
    }
    (errs.len() == before).then_some(Target {
        name,
        bucket,
        prefix,
        endpoint,
        region: raw.region,
        profile: raw.profile,
        gzip,
        keep,
    })
}

/// `s3://bucket/prefix` split into the bucket and the prefix (empty, or ending in `/`).
fn split_url(url: &str) -> Result<(String, String), Problem> {
    let Some(rest) = url.trim().strip_prefix("s3://") else {
        return Err(Problem::told("deploy-not-s3", &[("url", &url)]));
    };
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    let valid_bucket = (3..=63).contains(&bucket.len())
        && bucket
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && bucket.starts_with(|c: char| c.is_ascii_alphanumeric())
        && bucket.ends_with(|c: char| c.is_ascii_alphanumeric());
    if !valid_bucket {
        return Err(Problem::told("deploy-bucket", &[("bucket", &bucket)]));
    }
    let prefix = prefix.trim_end_matches('/');
    if prefix
        .split('/')
        .any(|seg| seg == "." || seg == ".." || (seg.is_empty() && !prefix.is_empty()))
    {
        return Err(Problem::told("deploy-prefix", &[("prefix", &prefix)]));
    }
    let prefix = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix}/")
    };
    Ok((bucket.to_string(), prefix))
}

/// `endpoint`, read from `origin` (the key in plein.yaml or a variable of the environment),
/// if it is the address of a storage service: http or https and a host, nothing more.
fn check_endpoint(endpoint: &str, origin: &str) -> Result<(), Problem> {
    let wrong = |id| Problem::told(id, &[("endpoint", &endpoint), ("origin", &origin)]);
    let rest = endpoint
        .strip_prefix("https://")
        .or_else(|| endpoint.strip_prefix("http://"))
        .ok_or_else(|| wrong("deploy-endpoint-scheme"))?;
    let host_ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'));
    if !host_ok {
        return Err(wrong("deploy-endpoint-path"));
    }
    Ok(())
}

/// `problem` at the value `value` of `key` in the `deploy:` part of plein.yaml.
fn at_value(text: &str, key: &str, value: &str, problem: Problem) -> Diagnostic {
    let rel = Path::new("plein.yaml");
    match locate(text, key, value) {
        Some((line, column)) => Diagnostic::at(rel, text, line, column, problem),
        None => Diagnostic::in_file(rel, problem),
    }
}

/// Line and column (1-based) of `key: value` after the top-level `deploy:` key.
fn locate(text: &str, key: &str, value: &str) -> Option<(u32, u32)> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| l.starts_with("deploy:"))?;
    if key == "deploy" {
        return Some((start as u32 + 1, 1));
    }
    let needle = format!("{key}:");
    for (i, line) in lines.iter().enumerate().skip(start) {
        if i > start && !line.is_empty() && !line.starts_with([' ', '-', '#']) {
            break; // the next top-level key
        }
        let mut from = 0;
        while let Some(found) = line[from..].find(&needle) {
            let after = from + found + needle.len();
            let rest = &line[after..];
            let value_at = after + rest.len() - rest.trim_start().len();
            let unquoted = line[value_at..].trim_start_matches(['"', '\'', '[']);
            if unquoted.starts_with(value) {
                let column = line[..value_at].chars().count() + 1;
                return Some((i as u32 + 1, column as u32));
            }
            from = after;
        }
    }
    Some((start as u32 + 1, 1))
}

/// A target given on the command line as `s3://bucket/folder`, with its endpoint from the
/// environment as the AWS tools read it (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL); without
/// one, Amazon S3. The region comes from the environment or the AWS files, as for any target.
pub(crate) fn from_url(url: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Target, Problem> {
    let (bucket, prefix) = split_url(url)?;
    let endpoint = ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"]
        .into_iter()
        .find_map(|name| {
            env(name)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (name, v))
        });
    if let Some((name, e)) = &endpoint {
        check_endpoint(e.trim().trim_end_matches('/'), name)?;
    }
    Ok(Target {
        name: url.to_string(),
        bucket,
        prefix,
        endpoint: endpoint.map(|(_, e)| e.trim().trim_end_matches('/').to_string()),
        region: None,
        profile: None,
        gzip: false,
        keep: Vec::new(),
    })
}

/// The target called `name`, or the first one; `Err` lists the names there are.
pub(crate) fn choose<'a>(targets: &'a [Target], name: Option<&str>) -> Result<&'a Target, Hint> {
    match name {
        None => targets.first().ok_or(Hint(None)),
        Some(n) => targets
            .iter()
            .find(|t| t.name == n)
            .ok_or_else(|| Hint::closest(n, targets.iter().map(|t| t.name.as_str()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn load(yaml: &str) -> (Config, Diagnostics) {
        let dir = tempfile::tempdir().expect("a temp folder");
        std::fs::write(dir.path().join("plein.yaml"), yaml).expect("written");
        let mut errs = Diagnostics::default();
        let config = Config::load(dir.path(), None, &mut errs);
        (config, errs)
    }

    #[test]
    fn a_target_is_read_with_its_folder() {
        let (c, errs) = load(
            "title: x\ndeploy:\n  - name: productie\n    url: s3://buurt-site/www/\n    endpoint: https://s3.nl-ams.scw.cloud/\n    region: nl-ams\n    compress: gzip\n    keep: [archief/**]\n",
        );
        assert!(errs.is_empty(), "{errs:?}");
        let t = &c.deploy[0];
        assert_eq!(
            (t.bucket.as_str(), t.prefix.as_str()),
            ("buurt-site", "www/")
        );
        assert_eq!(t.endpoint.as_deref(), Some("https://s3.nl-ams.scw.cloud"));
        assert!(t.gzip);
        assert_eq!(t.url(), "s3://buurt-site/www/");
    }

    #[test]
    fn bad_targets_are_positioned_errors() {
        let yaml = "title: x\ndeploy:\n  - name: a\n    url: s3://Buurt_Site\n    endpoint: ftp://example.org\n  - name: b\n    url: https://example.org\n    compress: brotli\n";
        let (_, errs) = load(yaml);
        let at: Vec<(u32, u32, String)> = errs
            .0
            .iter()
            .map(|d| {
                let a = d.at.as_ref().expect("a position");
                (a.line, a.column, d.problem.to_string())
            })
            .collect();
        assert_eq!(at.len(), 4, "{at:?}");
        assert_eq!((at[0].0, at[0].1), (4, 10), "{at:?}");
        assert!(at[0].2.contains("not a bucket name"), "{at:?}");
        assert_eq!((at[1].0, at[1].1), (5, 15), "{at:?}");
        assert_eq!((at[2].0, at[2].1), (7, 10), "{at:?}");
        assert_eq!((at[3].0, at[3].1), (8, 15), "{at:?}");
        assert!(at[3].2.contains("brotli"), "{at:?}");
        let help = errs.0[3].problem.help(crate::words::Lang::Nl);
        assert!(help.is_some_and(|h| h.contains("`compress: gzip`")));
    }

    #[test]
    fn a_misspelled_key_in_a_target_gets_a_hint() {
        let (_, errs) = load("deploy:\n  - name: a\n    url: s3://bucket\n    endpiont: x\n");
        let d = &errs.0[0];
        assert_eq!(d.at.as_ref().map(|a| a.line), Some(4));
        assert!(
            d.problem.to_string().contains("did you mean `endpoint`"),
            "{}",
            d.problem
        );
    }

    #[test]
    fn names_are_unique_and_chosen() {
        let (c, errs) = load(
            "deploy:\n  - {name: a, url: s3://one}\n  - {name: b, url: s3://two/x}\n  - {name: a, url: s3://three}\n",
        );
        assert_eq!(errs.len(), 1);
        assert_eq!(c.deploy.len(), 2);
        assert_eq!(
            choose(&c.deploy, None).map(|t| t.bucket.as_str()),
            Ok("one")
        );
        assert_eq!(
            choose(&c.deploy, Some("b")).map(|t| t.prefix.as_str()),
            Ok("x/")
        );
        assert_eq!(
            choose(&c.deploy, Some("bb")).unwrap_err(),
            Hint(Some("b".into()))
        );
    }

    #[test]
    fn the_examples_in_the_init_settings_are_valid_targets() {
        for text in [
            include_str!("../commands/init/nl/plein.yaml"),
            include_str!("../commands/init/en/plein.yaml"),
        ] {
            let start = text.find("# deploy:").expect("a deploy example");
            let example: String = text[start..]
                .lines()
                .map(|l| l.strip_prefix("# ").unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n");
            let (c, errs) = load(&format!("{}{example}\n", &text[..start]));
            assert!(errs.is_empty(), "{errs:?}");
            assert_eq!(c.deploy.len(), 1);
            assert!(c.deploy[0].gzip);
        }
    }

    #[test]
    fn a_bucket_on_the_command_line_takes_its_endpoint_from_the_environment() {
        let env =
            |k: &str| (k == "AWS_ENDPOINT_URL").then(|| "https://s3.fr-par.scw.cloud/".into());
        let t = from_url("s3://buurt-site/www", &env).expect("a target");
        assert_eq!(t.endpoint.as_deref(), Some("https://s3.fr-par.scw.cloud"));
        assert_eq!(
            (t.bucket.as_str(), t.prefix.as_str()),
            ("buurt-site", "www/")
        );
        let none = |_: &str| None;
        assert_eq!(
            from_url("s3://buurt-site", &none).map(|t| t.endpoint),
            Ok(None)
        );
        let bad = |k: &str| (k == "AWS_ENDPOINT_URL_S3").then(|| "s3.example.org".into());
        let err = from_url("s3://buurt-site", &bad).unwrap_err().to_string();
        assert!(err.contains("in `AWS_ENDPOINT_URL_S3`"), "{err}");
        assert!(from_url("s3://Buurt", &none).is_err());
    }
}
