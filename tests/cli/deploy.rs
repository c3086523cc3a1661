//! `plein deploy` against a real S3 server: moto in server mode, which checks every request's
//! Signature V4, started once for this test binary by tests/deploy/s3server.py. The bucket
//! is read back with boto3, a client independent of plein's, and the server counts the
//! requests it got, so "uploads nothing" is what reached the server, not what plein says.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Mutex, OnceLock};

use serde_json::{Value, json};

use crate::support::{Site, copy_tree, repo};

/// The running server and its keys.
struct Server {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    _child: Child,
    endpoint: String,
    region: String,
    key_id: String,
    secret: String,
}

fn server() -> &'static Mutex<Server> {
    static SERVER: OnceLock<Mutex<Server>> = OnceLock::new();
    SERVER.get_or_init(|| Mutex::new(start_server()))
}

/// The Python with moto and boto3: scripts/test puts them in target/python.
fn python() -> PathBuf {
    let venv = repo().join("target/python/bin/python3");
    for candidate in [venv, PathBuf::from("python3")] {
        let ok = Command::new(&candidate)
            .args(["-c", "import moto.server, boto3"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return candidate;
        }
    }
    panic!("no Python with moto's server and boto3: run scripts/test, which installs them");
}

fn start_server() -> Server {
    // The server stops when its standard input closes: when this test process ends.
    let mut child = Command::new(python())
        .arg(repo().join("tests/deploy/s3server.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the S3 server");
    let stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout
        .read_line(&mut line)
        .expect("the server's first line");
    let hello: Value = serde_json::from_str(&line).expect("the server's keys as JSON");
    let s = |k: &str| hello[k].as_str().expect("a string").to_string();
    Server {
        endpoint: s("endpoint"),
        region: s("region"),
        key_id: s("access_key_id"),
        secret: s("secret_access_key"),
        stdin,
        stdout,
        _child: child,
    }
}

/// Send one command to the server, get its answer.
fn ask(command: Value) -> Value {
    let mut server = server().lock().unwrap_or_else(|e| e.into_inner());
    writeln!(server.stdin, "{command}").expect("send to the S3 server");
    server.stdin.flush().expect("flush");
    let mut line = String::new();
    server
        .stdout
        .read_line(&mut line)
        .expect("the server's answer");
    let answer: Value = serde_json::from_str(&line).expect("an answer as JSON");
    assert!(answer.get("error").is_none(), "{command}: {answer}");
    answer
}

fn keys() -> (String, String, String, String) {
    let s = server().lock().unwrap_or_else(|e| e.into_inner());
    (
        s.endpoint.clone(),
        s.region.clone(),
        s.key_id.clone(),
        s.secret.clone(),
    )
}

/// The example site of this repository in a temp folder, with a target at a new bucket.
fn example_site(bucket: &str, extra: &str) -> Site {
    let (endpoint, region, _, _) = keys();
    ask(json!({"cmd": "bucket", "name": bucket}));
    requests(bucket); // not the making of the bucket
    let site = Site {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    copy_tree(&repo().join("content"), &site.root().join("content"));
    let settings = std::fs::read_to_string(repo().join("plein.yaml")).expect("plein.yaml");
    site.write(
        "plein.yaml",
        &format!(
            "{settings}\ndeploy:\n  - name: test\n    url: s3://{bucket}/site\n    endpoint: {endpoint}\n    region: {region}\n{extra}"
        ),
    );
    site
}

/// Run `plein deploy` with the server's keys (or `secret` instead of the right one).
fn deploy_with(site: &Site, args: &[&str], secret: Option<&str>) -> (Option<i32>, String) {
    let (_, _, key_id, right) = keys();
    let out = deploy_command(site, args, &key_id, secret.unwrap_or(&right))
        .output()
        .expect("run plein");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

fn deploy_command(site: &Site, args: &[&str], key_id: &str, secret: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plein"));
    cmd.arg("deploy")
        .args(args)
        .args(["--root", site.root().to_str().expect("utf-8")])
        .current_dir(site.root())
        .env("PLEIN_NOW", "2026-11-25T12:00:00Z")
        .env("HOME", site.root()) // no ~/.aws of the machine
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_REGION")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_ENDPOINT_URL_S3")
        .env_remove("AWS_CONFIG_FILE")
        .env_remove("AWS_SHARED_CREDENTIALS_FILE")
        .env_remove("AWS_DEFAULT_REGION")
        .env("AWS_ACCESS_KEY_ID", key_id)
        .env("AWS_SECRET_ACCESS_KEY", secret)
        .stdin(Stdio::null());
    cmd
}

#[track_caller]
fn deploy(site: &Site, args: &[&str]) -> String {
    let (code, text) = deploy_with(site, args, None);
    assert_eq!(code, Some(0), "plein deploy failed:\n{text}");
    text
}

/// The writing requests the bucket got since last asked: `PUT site/x`, `POST ?delete`.
fn requests(bucket: &str) -> Vec<String> {
    let answer = ask(json!({"cmd": "requests", "bucket": bucket}));
    answer["requests"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| r.as_str().expect("a string").to_string())
        .collect()
}

fn uploaded(bucket: &str) -> BTreeSet<String> {
    requests(bucket)
        .iter()
        .filter_map(|r| r.strip_prefix("PUT site/").map(str::to_string))
        .collect()
}

/// The bucket as boto3 reads it: key below `site/` -> object.
fn bucket(bucket: &str) -> BTreeMap<String, Value> {
    let answer = ask(json!({"cmd": "list", "bucket": bucket}));
    answer["objects"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|o| {
            let key = o["key"].as_str().expect("a key");
            let key = key.strip_prefix("site/").expect("below the prefix");
            (key.to_string(), o.clone())
        })
        .collect()
}

/// Every file of the build: key -> MD5 of its bytes.
fn built(public: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name() != ".plein-output")
        .map(|e| {
            let key = e.path().strip_prefix(public).expect("inside");
            let bytes = std::fs::read(e.path()).expect("read");
            (
                key.to_string_lossy().replace('\\', "/"),
                format!("{:x}", md5::compute(bytes)),
            )
        })
        .collect()
}

/// The Content-Type a browser needs for a file, by its name (an independent table).
fn expected_type(key: &str) -> &'static str {
    match key.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" if key.contains("sitemap") => "application/xml; charset=utf-8",
        "xml" => "application/atom+xml; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "jpg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        other => panic!("a file type the test does not know: {other} ({key})"),
    }
}

/// The bucket holds exactly the build: same keys, same bytes, right headers.
#[track_caller]
fn assert_equal(bucket_name: &str, public: &Path) {
    let files = built(public);
    let objects = bucket(bucket_name);
    let keys_b: BTreeSet<&String> = objects.keys().collect();
    let keys_f: BTreeSet<&String> = files.keys().collect();
    assert_eq!(keys_b, keys_f, "the bucket's keys are the build's files");
    for (key, md5) in &files {
        let o = &objects[key];
        assert_eq!(o["md5"].as_str(), Some(md5.as_str()), "{key}: same bytes");
        assert_eq!(
            o["content_type"].as_str(),
            Some(expected_type(key)),
            "{key}"
        );
        let cache = o["cache_control"].as_str().unwrap_or_default();
        let short = key.ends_with(".html")
            || key.ends_with(".xml")
            || key.ends_with(".json")
            || key.ends_with(".css")
            || key.ends_with(".js");
        if short {
            assert_eq!(cache, "public, max-age=300", "{key}: short cache");
        } else {
            assert!(cache.starts_with("public, max-age="), "{key}: {cache}");
            assert!(
                !cache.contains("immutable"),
                "{key}: plein names no file by hash"
            );
        }
    }
}

#[test]
fn deploys_the_example_site_and_again_uploads_nothing() {
    let site = example_site("deploy-first", "");
    let text = deploy(&site, &[]);
    assert!(text.contains("publiceren naar test"), "{text}");
    assert_equal("deploy-first", &site.public());
    let first = uploaded("deploy-first");
    assert_eq!(first.len(), built(&site.public()).len(), "every file once");

    let text = deploy(&site, &[]);
    assert!(text.contains("niets te doen"), "{text}");
    assert_eq!(
        requests("deploy-first"),
        Vec::<String>::new(),
        "nothing written"
    );
}

#[test]
fn one_edited_story_uploads_only_the_files_that_changed() {
    let site = example_site("deploy-edit", "");
    deploy(&site, &[]);
    requests("deploy-edit");
    let before = built(&site.public());
    let story = "content/stories/koffieochtend-op-dinsdag.md";
    let text = std::fs::read_to_string(site.root().join(story)).expect("the story");
    site.write(
        story,
        &format!("{text}\nEen nieuwe alinea over de koffie.\n"),
    );
    let out = deploy(&site, &[]);
    let after = built(&site.public());
    let changed: BTreeSet<String> = after
        .iter()
        .filter(|(k, md5)| before.get(*k) != Some(md5))
        .map(|(k, _)| k.clone())
        .collect();
    assert!(
        changed.contains("verhalen/koffieochtend-op-dinsdag/index.html"),
        "{changed:?}"
    );
    assert!(
        changed.len() < after.len() / 4,
        "an edit changes few files: {changed:?}"
    );
    assert_eq!(
        uploaded("deploy-edit"),
        changed,
        "exactly the changed files\n{out}"
    );
    assert_equal("deploy-edit", &site.public());
}

#[test]
fn a_removed_story_is_deleted_from_the_bucket() {
    let site = example_site("deploy-remove", "");
    deploy(&site, &[]);
    let before = built(&site.public());
    requests("deploy-remove");
    std::fs::remove_file(
        site.root()
            .join("content/stories/jongeren-koken-voor-de-buren.md"),
    )
    .expect("removed");
    let out = deploy(&site, &[]);
    assert!(
        !site
            .public()
            .join("verhalen/jongeren-koken-voor-de-buren")
            .exists(),
        "the build no longer has the story"
    );
    let writes = requests("deploy-remove");
    assert_eq!(
        writes.last().map(String::as_str),
        Some("POST ?delete="),
        "deletions come last: {writes:?}"
    );
    let now = built(&site.public());
    let gone = before.keys().filter(|k| !now.contains_key(*k)).count();
    assert!(gone >= 1);
    assert!(out.contains(&format!("{gone} verwijderd")), "{out}");
    assert_equal("deploy-remove", &site.public());
}

#[test]
fn uploads_come_in_an_order_that_never_shows_a_broken_page() {
    let site = example_site("deploy-order", "");
    deploy(&site, &[]);
    let order: Vec<String> = requests("deploy-order")
        .into_iter()
        .filter_map(|r| r.strip_prefix("PUT site/").map(str::to_string))
        .collect();
    let rank = |k: &str| {
        if k.ends_with(".html") {
            1
        } else if k.ends_with("manifest.json")
            || k.ends_with(".xml")
            || k.ends_with(".ics")
            || k.ends_with(".txt")
        {
            3
        } else if k.ends_with(".json") {
            2
        } else {
            0
        }
    };
    let ranks: Vec<u8> = order.iter().map(|k| rank(k)).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] <= w[1]),
        "assets, pages, search parts, then feeds and sitemap: {order:?}"
    );
}

#[test]
fn an_interrupted_deploy_finishes_on_the_next_run() {
    let site = example_site("deploy-killed", "");
    let (_, _, key_id, secret) = keys();
    site.plein(&["build"]).ok();
    let total = built(&site.public()).len();
    requests("deploy-killed");
    let mut child = deploy_command(&site, &["--output", "public"], &key_id, &secret)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start plein deploy");
    ask(json!({"cmd": "wait", "bucket": "deploy-killed", "puts": 60}));
    child.kill().expect("SIGKILL");
    child.wait().expect("ended");
    // Uploads under way when it was killed may still be stored by the server: wait until the
    // bucket stops changing.
    let mut stored = bucket("deploy-killed");
    for _ in 0..25 {
        std::thread::sleep(std::time::Duration::from_millis(200));
        let again = bucket("deploy-killed");
        if again.keys().eq(stored.keys()) {
            break;
        }
        stored = again;
    }
    assert!(
        stored.len() > 40 && stored.len() < total,
        "killed halfway: {} of {total} files stored",
        stored.len()
    );
    requests("deploy-killed");
    let out = deploy(&site, &["--output", "public"]);
    let missing: BTreeSet<String> = built(&site.public())
        .into_keys()
        .filter(|k| !stored.contains_key(k))
        .collect();
    assert_eq!(
        uploaded("deploy-killed"),
        missing,
        "only what was missing\n{out}"
    );
    assert_equal("deploy-killed", &site.public());
}

#[test]
fn the_example_site_goes_online_with_a_bucket_two_keys_and_one_command() {
    let (endpoint, region, key_id, secret) = keys();
    ask(json!({"cmd": "bucket", "name": "deploy-adhoc"}));
    requests("deploy-adhoc");
    let site = Site {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    copy_tree(&repo().join("content"), &site.root().join("content"));
    std::fs::copy(repo().join("plein.yaml"), site.root().join("plein.yaml")).expect("copied");
    let without = deploy_command(&site, &[], &key_id, &secret)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&without.stderr);
    assert_eq!(without.status.code(), Some(1), "{text}");
    assert!(
        text.contains("plein deploy --target s3://mijn-bucket"),
        "{text}"
    );
    let out = deploy_command(
        &site,
        &["--target", "s3://deploy-adhoc/site"],
        &key_id,
        &secret,
    )
    .env("AWS_ENDPOINT_URL", &endpoint)
    .env("AWS_REGION", &region)
    .output()
    .expect("run");
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_equal("deploy-adhoc", &site.public());
}

#[test]
fn objects_whose_etag_is_no_md5_are_compared_by_plein_metadata() {
    let site = example_site("deploy-multipart", "");
    deploy(&site, &[]);
    let css = std::fs::read_to_string(site.public().join("style.css")).expect("style.css");
    let svg = std::fs::read_to_string(site.public().join("favicon.svg")).expect("favicon");
    let md5 = format!("{:x}", md5::compute(&css));
    // The same style sheet, stored in parts by a tool that sets plein's checksum...
    let same = ask(json!({"cmd": "multipart", "bucket": "deploy-multipart",
        "key": "site/style.css", "body": css, "plein_md5": md5,
        "content_type": "text/css; charset=utf-8", "cache_control": "public, max-age=300"}));
    assert!(
        same["etag"].as_str().is_some_and(|e| e.contains('-')),
        "{same}"
    );
    // ...and the same picture without it: it cannot be known to be equal.
    ask(json!({"cmd": "multipart", "bucket": "deploy-multipart",
        "key": "site/favicon.svg", "body": svg}));
    requests("deploy-multipart");
    deploy(&site, &[]);
    assert_eq!(
        uploaded("deploy-multipart"),
        BTreeSet::from(["favicon.svg".to_string()]),
        "style.css is known equal by its metadata"
    );
    assert_equal("deploy-multipart", &site.public());
}

#[test]
fn a_busy_server_is_tried_again() {
    let site = example_site("deploy-busy", "");
    ask(json!({"cmd": "fail", "bucket": "deploy-busy", "puts": 12}));
    deploy(&site, &[]);
    let puts = requests("deploy-busy")
        .iter()
        .filter(|r| r.starts_with("PUT "))
        .count();
    assert_eq!(
        puts,
        built(&site.public()).len() + 12,
        "12 uploads sent twice"
    );
    assert_equal("deploy-busy", &site.public());
}

#[test]
fn wrong_keys_fail_with_exit_1_and_show_no_secret() {
    let site = example_site("deploy-keys", "");
    let wrong = "Wr0ngSecretThatMustNotBeShown/abcdefghijklmnopqrst";
    let (code, text) = deploy_with(&site, &[], Some(wrong));
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("AWS_SECRET_ACCESS_KEY"), "{text}");
    assert!(!text.contains(wrong) && !text.contains("Wr0ng"), "{text}");
    let (_, _, _, right) = keys();
    assert!(!text.contains(&right), "{text}");
    assert!(!text.to_lowercase().contains("signature="), "{text}");
    assert_eq!(
        requests("deploy-keys"),
        Vec::<String>::new(),
        "nothing written"
    );

    let out = deploy_command(&site, &[], "AKIANOSUCHKEY0000000", wrong)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("toegangssleutel (AWS_ACCESS_KEY_ID)"),
        "{text}"
    );
    assert!(!text.contains("Wr0ng"), "{text}");

    let out = deploy_command(&site, &[], "", "").output().expect("run");
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("geen sleutels"), "{text}");
}

#[test]
fn a_missing_bucket_and_an_unreachable_storage_are_clear_errors() {
    let site = example_site("deploy-missing", "");
    site.edit(
        "plein.yaml",
        "url: s3://deploy-missing/site",
        "url: s3://no-such-bucket/site",
    );
    let (code, text) = deploy_with(&site, &[], None);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("de bucket `no-such-bucket` bestaat niet"),
        "{text}"
    );

    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let (endpoint, ..) = keys();
    site.edit("plein.yaml", &endpoint, &format!("http://127.0.0.1:{port}"));
    let (code, text) = deploy_with(&site, &[], None);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("is niet te bereiken"), "{text}");
}

#[test]
fn deleting_much_asks_for_yes_and_keep_protects() {
    let site = example_site("deploy-share", "");
    for i in 0..150 {
        let key = format!("site/oud/{i}.html");
        ask(json!({"cmd": "put", "bucket": "deploy-share", "key": key, "body": "oud"}));
    }
    ask(
        json!({"cmd": "put", "bucket": "deploy-share", "key": "site/archief/2019.pdf", "body": "%PDF"}),
    );
    requests("deploy-share");
    let (code, text) = deploy_with(&site, &["--keep", "archief/**"], None);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("--yes"), "{text}");
    assert_eq!(
        requests("deploy-share"),
        Vec::<String>::new(),
        "nothing written"
    );

    let text = deploy(&site, &["--keep", "oud/**", "--keep", "archief/**"]);
    assert!(text.contains("bewaard (keep)  151 bestanden"), "{text}");
    let text = deploy(&site, &["--keep", "archief/**", "--yes"]);
    assert!(text.contains("150 verwijderd"), "{text}");
    let left = bucket("deploy-share");
    assert!(left.contains_key("archief/2019.pdf"));
    assert!(!left.keys().any(|k| k.starts_with("oud/")));
}

#[test]
fn a_dry_run_lists_every_file_and_changes_nothing() {
    let site = example_site("deploy-dry", "");
    let text = deploy(&site, &["--dry-run"]);
    assert!(
        text.contains("  + verhalen/koffieochtend-op-dinsdag/index.html ("),
        "{text}"
    );
    assert!(text.contains("proefrit"), "{text}");
    assert_eq!(requests("deploy-dry"), Vec::<String>::new());
    assert!(bucket("deploy-dry").is_empty());
}

#[test]
fn gzip_targets_store_text_compressed_and_stay_unchanged() {
    let site = example_site("deploy-gzip", "    compress: gzip\n");
    deploy(&site, &[]);
    let objects = bucket("deploy-gzip");
    let page = &objects["index.html"];
    assert_eq!(page["encoding"].as_str(), Some("gzip"));
    assert!(
        page["size"].as_u64()
            < std::fs::metadata(site.public().join("index.html"))
                .map(|m| m.len())
                .ok()
    );
    let picture = objects
        .keys()
        .find(|k| k.ends_with(".jpg"))
        .expect("a picture");
    assert_eq!(
        objects[picture]["encoding"],
        Value::Null,
        "pictures are not compressed again"
    );
    assert_equal("deploy-gzip", &site.public());
    requests("deploy-gzip");
    deploy(&site, &[]);
    assert_eq!(
        requests("deploy-gzip"),
        Vec::<String>::new(),
        "the same gzip bytes"
    );
}

#[test]
fn a_build_already_made_is_published_as_it_is() {
    let site = example_site("deploy-output", "");
    let (code, text) = deploy_with(&site, &["--output", "nergens"], None);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("geen map die plein build heeft gemaakt"),
        "{text}"
    );
    site.plein(&["build"]).ok();
    let text = deploy(&site, &["--output", "public"]);
    assert!(text.contains("niet opnieuw gebouwd"), "{text}");
    assert!(!text.contains("plein: built"), "{text}");
    assert_equal("deploy-output", &site.public());
}

#[test]
fn an_english_site_is_told_in_english() {
    let site = example_site("deploy-english", "");
    site.edit("plein.yaml", "language: nl", "language: en");
    let text = deploy(&site, &[]);
    assert!(text.contains("deploying to test"), "{text}");
    assert!(text.contains("plein: uploaded"), "{text}");
    let (code, text) = deploy_with(&site, &["--target", "tset"], None);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("no target `tset` (did you mean `test`?)"),
        "{text}"
    );
}
