//! The example site in a real browser and through the Nu HTML Checker (issue 4), and live reload
//! of `plein serve` seen from a browser.
//!
//! These tests need Debian's Chromium (/usr/bin/chromium), Java and the npm packages of
//! tests/browser (playwright-core, axe-core, vnu-jar). `scripts/test` installs all of them; when
//! one is missing the tests fail and say so, they never skip. Screenshots of home, story, agenda
//! and a recurring event at 360 and 1280 px land in target/screenshots/.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A fixed "now", so upcoming and past events do not change with the day the tests run.
const NOW: &str = "2026-11-25T12:00:00Z";
/// The story the live-reload test edits.
const STORY: &str = "content/stories/florijnflat-krijgt-kleur/index.md";
const STORY_URL: &str = "/verhalen/florijnflat-krijgt-kleur/";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn browser_dir() -> PathBuf {
    repo().join("tests/browser")
}

fn chromium() -> PathBuf {
    std::env::var_os("PLEIN_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

fn vnu_jar() -> PathBuf {
    browser_dir().join("node_modules/vnu-jar/build/dist/vnu.jar")
}

/// Fail, loudly and with the fix, when a tool these tests need is not installed.
#[track_caller]
fn require(tools: &[&str]) {
    let fix =
        "run scripts/test, which installs Chromium, Java and the npm packages of tests/browser";
    for &tool in tools {
        match tool {
            "node" => {
                let ok = Command::new("node")
                    .arg("--version")
                    .output()
                    .is_ok_and(|o| o.status.success());
                assert!(ok, "node is not installed; {fix}");
                for package in ["playwright-core", "axe-core"] {
                    let dir = browser_dir().join("node_modules").join(package);
                    assert!(
                        dir.join("package.json").is_file(),
                        "{} is missing; {fix} (or `npm ci` in tests/browser)",
                        dir.display()
                    );
                }
            }
            "chromium" => assert!(
                chromium().is_file(),
                "{} is missing; {fix}",
                chromium().display()
            ),
            "java" => {
                let ok = Command::new("java")
                    .arg("-version")
                    .output()
                    .is_ok_and(|o| o.status.success());
                assert!(ok, "java is not installed; {fix}");
                assert!(
                    vnu_jar().is_file(),
                    "{} is missing; {fix} (or `npm ci` in tests/browser)",
                    vnu_jar().display()
                );
            }
            other => unreachable!("unknown tool {other}"),
        }
    }
}

/// The example site (the repository's own content, themes and plein.yaml), built into a temp dir.
fn build_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let run = Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(["build", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(&out)
        .args(["--now", NOW])
        .output()
        .expect("run plein build");
    assert!(
        run.status.success(),
        "plein build of the example site failed:\n{}",
        text(&run)
    );
    assert!(
        out.join("index.html").is_file(),
        "the build wrote no index.html"
    );
    (dir, out)
}

/// Run tests/browser/`script` in Node from the repository with `args`; print what it said and
/// give whether it passed, with its log.
fn node(script: &str, args: impl IntoIterator<Item = OsString>) -> (bool, String) {
    let run = Command::new("node")
        .arg(browser_dir().join(script))
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap_or_else(|e| panic!("run node tests/browser/{script}: {e}"));
    let log = text(&run);
    println!("{log}");
    (run.status.success(), log)
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn screenshots() -> PathBuf {
    let dir = repo().join("target/screenshots");
    fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

/// Search (issue 7): typed queries find the right stories in order with marked words, inflected
/// forms find base forms, filters narrow, nothing leaves the local server: tests/browser/search.mjs.
#[test]
fn search_finds_stories_in_the_browser() {
    require(&["node", "chromium"]);
    let (_dir, out) = build_example();
    let (passed, log) = node(
        "search.mjs",
        [
            OsString::from(out.as_os_str()),
            OsString::from(screenshots()),
        ],
    );
    assert!(passed, "search checks failed:\n{log}");
}

/// The search fixture (tests/sites/zoeken) built into a temp dir.
fn build_search_fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let run = Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(["build", "--root"])
        .arg(repo().join("tests/sites/zoeken"))
        .arg("--output")
        .arg(&out)
        .args(["--now", NOW])
        .output()
        .expect("run plein build");
    assert!(
        run.status.success(),
        "plein build of tests/sites/zoeken failed:\n{}",
        text(&run)
    );
    (dir, out)
}

/// Issue 18: a query set of compounds, linking letters, diminutives, spacing, inflections,
/// typos and English words finds its stories among the first ten (recall at 10), searched by
/// themes/buurt/static/search.js in Node against the built index: tests/browser/queries.mjs.
#[test]
fn the_query_set_finds_its_stories() {
    let installed = Command::new("node").arg("--version").output();
    assert!(
        installed.is_ok_and(|o| o.status.success()),
        "node is not installed; run scripts/test, which installs it"
    );
    let (_dir, out) = build_search_fixture();
    let (passed, log) = node("queries.mjs", [OsString::from(out.as_os_str())]);
    assert!(passed, "the query set failed:\n{log}");
}

/// Issue 18, the search page of tests/sites/zoeken in Chromium at 360x780: compounds marked,
/// "Bedoelde je …?" followed with the keyboard, words written apart found together, filters,
/// titles never read as HTML, and the page with JavaScript off: tests/browser/zoeken.mjs.
#[test]
fn the_search_page_marks_suggests_filters_and_works_without_javascript() {
    require(&["node", "chromium"]);
    let (_dir, out) = build_search_fixture();
    let (passed, log) = node(
        "zoeken.mjs",
        [
            OsString::from(out.as_os_str()),
            OsString::from(screenshots()),
        ],
    );
    assert!(passed, "the search page failed:\n{log}");
}

/// axe-core (WCAG 2.2 AA tags), reflow at 320 and 360 px, no foreign requests, one h1, lang,
/// dark-scheme contrast, and screenshots, on every page type: see tests/browser/check.mjs.
#[test]
fn example_site_passes_the_browser_checks() {
    require(&["node", "chromium"]);
    let (_dir, out) = build_example();
    let started = Instant::now();
    let (passed, log) = node(
        "check.mjs",
        [
            OsString::from(out.as_os_str()),
            OsString::from(screenshots()),
        ],
    );
    assert!(
        passed,
        "browser checks failed ({:.0} s):\n{log}",
        started.elapsed().as_secs_f64()
    );
}

/// Phone first (issue 17): at 360x780 and 1280x900 the first story title is in the first
/// screen of the front page and the story lists, every agenda card says whether to sign up
/// and opens with a tap anywhere on it, an event page's sign-up button and a story's photo are
/// in the first screen. See tests/browser/phone.mjs; it prints each page's height.
#[test]
fn example_site_shows_a_story_and_sign_up_in_the_first_screen() {
    require(&["node", "chromium"]);
    let (_dir, out) = build_example();
    let (passed, log) = node("phone.mjs", [OsString::from(out.as_os_str())]);
    assert!(passed, "phone-first checks failed:\n{log}");
}

/// The Nu HTML Checker finds no error in any page of the example site.
#[test]
fn example_site_is_valid_html() {
    require(&["java"]);
    let (_dir, out) = build_example();
    let pages = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(pages > 20, "only {pages} HTML pages were built");
    let run = Command::new("java")
        .arg("-jar")
        .arg(vnu_jar())
        .args(["--errors-only", "--skip-non-html"])
        .arg(&out)
        .output()
        .expect("run java -jar vnu.jar");
    // Errors read as `"file:/tmp/.../public/agenda/index.html":12.3-12.40: error: ...`.
    let prefix = format!("file:{}/", out.display());
    let log = text(&run).replace(&prefix, "");
    assert!(
        run.status.success() && log.trim().is_empty(),
        "the Nu HTML Checker found errors in the example site ({pages} pages checked):\n{log}"
    );
}

struct Serve {
    child: Child,
    log: PathBuf,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn log(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Start `plein serve` on a free port and wait for the address it says it serves at.
    fn start(root: &Path, log: PathBuf) -> (Serve, String) {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_plein"))
            .args(["serve", "--root"])
            .arg(root)
            .args(["--port", &port.to_string(), "--now", NOW])
            .stdout(Stdio::null())
            .stderr(fs::File::create(&log).expect("serve log"))
            .spawn()
            .expect("start plein serve");
        let serve = Serve { child, log };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let log = serve.log();
            // "serving at http://…" or, on a Dutch site, "staat op http://…".
            if let Some(at) = log.find("http://") {
                let url = log[at..].split_whitespace().next().unwrap_or_default();
                return (serve, url.trim_end_matches('/').to_string());
            }
            assert!(
                Instant::now() < deadline,
                "plein serve did not start within a minute:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Copy what makes the example site (not target/, public/ or .git) into `to`.
fn copy_example(to: &Path) {
    for part in ["plein.yaml", "content", "themes"] {
        let from = repo().join(part);
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.expect("walk the example site");
            let rel = entry.path().strip_prefix(&from).unwrap();
            let target = if rel.as_os_str().is_empty() {
                to.join(part)
            } else {
                to.join(part).join(rel)
            };
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).unwrap();
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
}

/// An open story page follows edits by itself: a new title, the error overlay naming the file
/// when the front matter breaks, and the overlay gone when it is fixed. See tests/browser/reload.mjs.
#[test]
fn live_reload_follows_edits_and_shows_errors_in_the_browser() {
    require(&["node", "chromium"]);
    let site = tempfile::tempdir().expect("temp dir");
    copy_example(site.path());
    let logs = tempfile::tempdir().expect("temp dir");
    let (serve, base) = Serve::start(site.path(), logs.path().join("serve.log"));
    let (passed, log) = node(
        "reload.mjs",
        [
            OsString::from(format!("{base}{STORY_URL}")),
            OsString::from(site.path().join(STORY)),
            OsString::from(screenshots()),
        ],
    );
    assert!(
        passed,
        "live reload in the browser failed:\n{log}\nplein serve said:\n{}",
        serve.log()
    );
}

/// A site broken from the start: the page shows the errors and the overlay from the first
/// build, follows a new error, and shows the site by itself once the story is fixed. See
/// tests/browser/broken-start.mjs.
#[test]
fn a_site_broken_from_the_start_comes_up_by_itself_in_the_browser() {
    require(&["node", "chromium"]);
    let site = tempfile::tempdir().expect("temp dir");
    copy_example(site.path());
    let story = site.path().join(STORY);
    let good = fs::read_to_string(&story).expect("read the story");
    let logs = tempfile::tempdir().expect("temp dir");
    let good_copy = logs.path().join("good.md");
    fs::write(&good_copy, &good).expect("keep the good text");
    // An unterminated quoted string: YAML that does not parse.
    let broken = good.replacen("title: ", "title: \"", 1);
    assert_ne!(broken, good, "{STORY} has a title line");
    fs::write(&story, broken).expect("break the story");
    let (serve, base) = Serve::start(site.path(), logs.path().join("serve.log"));
    let (passed, log) = node(
        "broken-start.mjs",
        [
            OsString::from(format!("{base}{STORY_URL}")),
            OsString::from(story.as_os_str()),
            OsString::from(good_copy.as_os_str()),
            OsString::from(screenshots()),
        ],
    );
    assert!(
        passed,
        "a site broken from the start in the browser failed:\n{log}\nplein serve said:\n{}",
        serve.log()
    );
}

/// A rebuild between a page's load and its live-reload stream is not missed: the page reloads
/// when its stream opens (tests/browser/late-listen.mjs). A page whose stream the server dropped
/// catches up the same way when it connects anew.
#[test]
fn a_page_that_listens_late_still_reloads() {
    require(&["node", "chromium"]);
    let site = tempfile::tempdir().expect("temp dir");
    copy_example(site.path());
    let logs = tempfile::tempdir().expect("temp dir");
    let (serve, base) = Serve::start(site.path(), logs.path().join("serve.log"));
    let (passed, log) = node(
        "late-listen.mjs",
        [
            OsString::from(format!("{base}{STORY_URL}")),
            OsString::from(site.path().join(STORY)),
        ],
    );
    assert!(
        passed,
        "a page that listens late in the browser failed:\n{log}\nplein serve said:\n{}",
        serve.log()
    );
}

/// Copy the fixture site `tests/sites/<name>` into `to`.
fn copy_fixture(name: &str, to: &Path) {
    let from = repo().join("tests/sites").join(name);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.expect("walk the fixture");
        let target = to.join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn plein(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--now", NOW])
        .output()
        .expect("run plein")
}

/// Front matter URLs that look like script but pass the check (the browser reads each as
/// a relative URL or a web address), as YAML double-quoted strings.
const PASSING_URLS: &[&str] = &[
    r#""https://example.org/aanmelden""#,
    r#""mailto:ria@koetshuis.nl""#,
    r#""tel:+31301234567""#,
    r#""\u200Bjavascript:alert(1)""#,
    r#""\uFEFFjavascript:alert(1)""#,
    r#""ｊavascript:alert(1)""#,
    r#""javascrıpt:alert(1)""#,
    r#""javascript%3Aalert(1)""#,
    r#""/javascript:alert(1)""#,
    r#""https:javascript:alert(1)""#,
];

/// Raw HTML and Markdown links with script URLs, which the cleaner empties.
const BODY_LINKS: &str = r#"<a href="javascript:alert(1)">a</a> <a href="JaVaScRiPt:alert(1)">b</a>
<a href=" javascript:alert(1)">c</a> <a href="&#x09;javascript:alert(1)">d</a>
<a href="java&#x09;script:alert(1)">e</a> <a href="java&#x0A;script:alert(1)">f</a>
<a href="&#x01;javascript:alert(1)">g</a> <a href="javascript&colon;alert(1)">h</a>
<a href="jav&#x61;script:alert(1)">i</a> <a href='javascript&#58;alert(1)'>j</a>
<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">k</a> <a href="vbscript:alert(1)">l</a>

[m](JaVaScRiPt:alert(1)) [n](<java&#9;script:alert(1)>) [o](javascript&#58;alert(1))
[p](&#x01;javascript:alert(1)) <javascript:alert(1)> [q](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
"#;

/// Issue 14, S1: a `javascript:` URL in front matter is an error now, so no page has one;
/// the links that pass, in a story's `source`, an event's registration buttons (on the event
/// page and on the story that repeats them) and in Markdown and raw HTML, are clicked in
/// Chromium, and no script runs. A control page shows that the spellings that did run still
/// would, unchecked. See tests/browser/links.mjs.
#[test]
fn links_from_editors_run_no_script_in_the_browser() {
    require(&["node", "chromium"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    copy_fixture("minimal", &site);
    let write = |rel: &str, text: &str| {
        let path = site.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };

    write(
        "content/stories/script.md",
        "---\ntitle: Script\ndate: 2024-05-03\nsource: { name: X, url: \"JaVaScRiPt:alert(1)\" }\n---\nx\n",
    );
    let refused = plein(&site, &["build"]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(
        text(&refused).contains("script.md:4:"),
        "{}",
        text(&refused)
    );
    fs::remove_file(site.join("content/stories/script.md")).unwrap();

    let registration: String = PASSING_URLS
        .iter()
        .enumerate()
        .map(|(i, url)| format!("  - {{ label: \"Knop {i}\", url: {url} }}\n"))
        .collect();
    write(
        "content/events/maaltijd.md",
        &format!(
            "---\ntitle: Buurtmaaltijd\nstart: 2027-06-08T18:00\nregistration:\n{registration}---\nSamen eten.\n"
        ),
    );
    let mut pages = vec!["/agenda/maaltijd/".to_string()];
    for (i, url) in PASSING_URLS.iter().enumerate() {
        // The first story repeats the event's buttons.
        let events = if i == 0 { "events: [maaltijd]\n" } else { "" };
        write(
            &format!("content/stories/bron-{i}.md"),
            &format!(
                "---\ntitle: Bron {i}\ndate: 2024-05-03\nsource: {{ name: Buurtwijs, url: {url} }}\n{events}---\nTekst.\n"
            ),
        );
        pages.push(format!("/verhalen/bron-{i}/"));
    }
    write(
        "content/stories/in-de-tekst.md",
        &format!("---\ntitle: In de tekst\ndate: 2024-05-03\n---\n{BODY_LINKS}"),
    );
    pages.push("/verhalen/in-de-tekst/".to_string());
    let out = dir.path().join("public");
    let built = plein(&site, &["build", "--output", out.to_str().unwrap()]);
    assert!(built.status.success(), "{}", text(&built));

    let mut args = vec![OsString::from(out.as_os_str())];
    args.extend(pages.iter().map(OsString::from));
    let (passed, log) = node("links.mjs", args);
    assert!(passed, "script ran from a link:\n{log}");
}

/// Words a generated site's stories are made of: Dutch words of the neighbourhood, and
/// words with the letters query folding must treat as the index does (the Dutch `ĳ`,
/// diacritics, ligatures, letters of other Latin alphabets, digits and signs).
const GENERATED_WORDS: &[&str] = &[
    "buurt",
    "bewoners",
    "samen",
    "koffie",
    "tuinen",
    "moestuin",
    "muurschilderingen",
    "galerij",
    "speeltuin",
    "vrijwilligers",
    "ontmoetingen",
    "gesprekken",
    "vertrouwde",
    "gezichten",
    "bibliotheek",
    "opbouwwerker",
    "huismeester",
    "kinderen",
    "jongeren",
    "ouderen",
    "zaterdag",
    "gezelligheid",
    "ĳsbaan",
    "Ĳssel",
    "ĲZER",
    "bĳ",
    "wĳk",
    "café",
    "Cafés",
    "naïef",
    "coöperatie",
    "reünie",
    "één",
    "creëer",
    "façade",
    "überall",
    "ﬁets",
    "ﬂat",
    "Straße",
    "ẞ",
    "Ærø",
    "Øresund",
    "œuvre",
    "Łódź",
    "Þór",
    "İstanbul",
    "Đakovo",
    "smørrebrød",
    "m²",
    "½",
    "e-mail",
    "3D",
    "“thee”",
    "’s-Hertogenbosch",
    "d’r",
    "zo’n",
    "A.S.",
    "10:00",
    "€5,-",
    "2024",
    "°C",
    "№1",
    "x",
    "ab",
    "gardens",
    "meetings",
    "running",
    "happily",
    "generously",
    "murals",
];

/// A site of `stories` stories made of [`GENERATED_WORDS`], with an event, a neighbourhood
/// and a person, written to `root`.
fn generate_site(root: &Path, stories: usize) {
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().expect("a folder")).expect("make a folder");
        fs::write(path, text).expect("write the generated site");
    };
    let text = |seed: usize, count: usize| {
        (0..count)
            .map(|i| GENERATED_WORDS[(seed * 7 + i * i * 13 + i) % GENERATED_WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    write(
        "plein.yaml",
        "title: Wĳkverhalen\nbase_url: https://wijk.example.nl/\nlanguage: nl\n",
    );
    for n in 0..stories {
        write(
            &format!("content/stories/verhaal-{n}.md"),
            &format!(
                "---\ntitle: \"{}\"\ndate: 2024-03-{:02}\nauthors: [Ĳsbrand de Vries]\n\
                 neighbourhoods: [Ĳsselbuurt]\ntags: [\"{}\"]\n---\n{}\n\n*{}*, **{}**.\n",
                text(n, 4),
                n % 28 + 1,
                GENERATED_WORDS[n % GENERATED_WORDS.len()],
                text(n + 50, 60),
                text(n + 7, 3),
                text(n + 9, 2)
            ),
        );
    }
    write(
        "content/events/ijsbaan.md",
        "---\ntitle: De ĳsbaan gaat open\nstart: 2026-12-12T14:00\nneighbourhoods: [Ĳsselbuurt]\n\
         location: { name: Het Ĳsclubhuis, address: \"Ĳsweg 1\" }\n---\nSchaatsen op de ĳsbaan.\n",
    );
    write(
        "content/neighbourhoods/ijsselbuurt.md",
        "---\ntitle: Ĳsselbuurt\ncity: Nieuwegein\nanchors: [Ĳsbrand de Vries]\n---\nDe wĳk aan de Ĳssel.\n",
    );
    write(
        "content/people/ijsbrand-de-vries.md",
        "---\ntitle: Ĳsbrand de Vries\nrole: opbouwwerker\n---\nĲsbrand woont in de wĳk.\n",
    );
}

/// Every word of the site at `root` as written, with the words the index folds it into and
/// their Dutch and English stems: the lines tests/browser/fold.mjs reads.
fn vocabulary_table(root: &Path) -> String {
    use plein::pipeline::{self, Cache, Options};
    use plein::render::search::vocabulary;
    let opts = Options {
        root: root.to_path_buf(),
        drafts: false,
        base_url: None,
        now: "2026-11-25T12:00:00Z[UTC]".parse().expect("a time"),
        resize: false,
        hints: None,
        defer_search: true,
    };
    let site = match pipeline::build(&opts, &mut Cache::default(), None, &|_| Ok(())) {
        Ok(built) => built.site,
        Err(errs) => panic!(
            "{} has errors:\n{}",
            root.display(),
            errs.render_plain(root, plein::config::Lang::En)
        ),
    };
    table_of(vocabulary(&site))
}

/// The lines of tests/browser/fold.mjs for `written` words: each word as written, its folded
/// words, their Dutch and English stems and the compound parts of those stems, cut with every
/// stem of `written` as the known words (the first two lines give those known stems).
fn table_of(written: impl IntoIterator<Item = String>) -> String {
    use plein::config::Lang;
    use plein::render::search::{Analyzer, compound, words};
    use std::collections::BTreeSet;
    let (nl, en) = (Analyzer::new(Lang::Nl), Analyzer::new(Lang::En));
    let written: Vec<String> = written.into_iter().collect();
    let stems_of = |a: &Analyzer| -> BTreeSet<String> {
        written
            .iter()
            .flat_map(|w| words(w).map(|f| a.stem(&f)).collect::<Vec<_>>())
            .collect()
    };
    let (known_nl, known_en) = (stems_of(&nl), stems_of(&en));
    let mut table = String::new();
    for (lang, known) in [("nl", &known_nl), ("en", &known_en)] {
        let all: Vec<&str> = known.iter().map(String::as_str).collect();
        table.push_str(&format!("#known-{lang}\t{}\n", all.join(" ")));
    }
    let cut = |lang: Lang, stem: &str, known: &BTreeSet<String>| {
        let is_known = |s: &str| known.contains(s).then_some(());
        let parts: Vec<String> = compound::parts(lang, stem, &is_known)
            .into_iter()
            .map(|(p, ())| p)
            .collect();
        if parts.is_empty() {
            ".".to_string()
        } else {
            parts.join("+")
        }
    };
    for written in written.iter() {
        let folded: Vec<String> = words(written).collect();
        let stems = |a: &Analyzer| folded.iter().map(|w| a.stem(w)).collect::<Vec<_>>();
        let (stems_nl, stems_en) = (stems(&nl), stems(&en));
        let parts_nl = stems_nl
            .iter()
            .map(|s| cut(Lang::Nl, s, &known_nl))
            .collect();
        let parts_en = stems_en
            .iter()
            .map(|s| cut(Lang::En, s, &known_en))
            .collect();
        let fields = [
            vec![written.clone()],
            folded.clone(),
            stems_nl,
            stems_en,
            parts_nl,
            parts_en,
        ];
        let fields: Vec<String> = fields.iter().map(|f| f.join(" ")).collect();
        table.push_str(&fields.join("\t"));
        table.push('\n');
    }
    table
}

/// Every character of Latin-1, Latin Extended-A, Latin Extended Additional, the Latin
/// ligatures and General Punctuation, each inside a word: the letters of European languages.
fn latin_letters() -> impl Iterator<Item = String> {
    let ranges = [0xa0..0x180, 0x1e00..0x1f00, 0xfb00..0xfb07, 0x2000..0x2070];
    ranges
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .map(|c| format!("ab{c}cd"))
}

/// The browser folds, stems and cuts compounds in every word of the example site and of a
/// generated site as the index does (issues 15 and 18), and every Latin letter: themes/buurt/static/search.js in Node,
/// tests/browser/fold.mjs. `PLEIN_VOCABULARY_SITES` (a path list) adds more sites, such as a generated 1,000-story one.
#[test]
fn the_browser_folds_and_stems_every_word_as_the_index_does() {
    let installed = Command::new("node").arg("--version").output();
    assert!(
        installed.is_ok_and(|o| o.status.success()),
        "node is not installed; run scripts/test, which installs it"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let generated = dir.path().join("site");
    generate_site(&generated, 60);
    let mut roots = vec![repo(), generated];
    if let Some(more) = std::env::var_os("PLEIN_VOCABULARY_SITES") {
        roots.extend(std::env::split_paths(&more));
    }
    let mut tables = Vec::new();
    for (n, root) in roots.iter().enumerate() {
        let table = dir.path().join(format!("vocabulary-{n}.tsv"));
        fs::write(&table, vocabulary_table(root)).expect("write the vocabulary");
        tables.push(table);
    }
    let letters = dir.path().join("letters.tsv");
    fs::write(&letters, table_of(latin_letters())).expect("write the letters");
    tables.push(letters);
    let (passed, log) = node("fold.mjs", tables.iter().map(OsString::from));
    assert!(passed, "query folding differs:\n{log}");
}

/// The story tests/browser/sharing.mjs reads: a long compound in its title, a wide table, pasted
/// addresses (and a hostile one), and five headings.
const LONG_STORY: &str = "---
title: Bewonersparticipatietrajectevaluatiebijeenkomst in de Muntenbuurt
date: 2026-11-02
authors: [Fatima El Amrani]
neighbourhoods: [Muntenbuurt]
kind: meeting
tags: [samen beslissen]
image: tafel.jpg
image_alt: Bewoners aan een lange tafel in de buurtkamer
summary: Wat vonden bewoners van het traject? Twaalf buren kwamen praten over wat goed ging en wat beter kan.
---
Twaalf buren kwamen op een dinsdagavond in de buurtkamer bij elkaar. Kijk de film terug op
https://www.youtube.com/watch?v=dQw4w9WgXcQ, of lees het verslag op www.nieuwegein.nl/participatie.
Wie javascript:alert(1) typt, krijgt gewoon tekst.

## Wat ging goed

De avonden waren gezellig en iedereen kwam aan het woord.

## Wat kan beter

| Onderwerp | Wat bewoners zeiden | Wat de gemeente doet | Wanneer | Wie is het aanspreekpunt |
|---|---|---|---|---|
| Speeltuin | Meer schaduw en bankjes voor ouders | Twee bomen en drie bankjes erbij | Voorjaar 2027 | Buurtbeheerder Zuilenstein |
| Verlichting | Het pad langs de sloot is 's avonds donker | Nieuwe lantaarnpalen langs het hele pad | Najaar 2027 | Afdeling openbare ruimte |

## Buurtbewonersvertegenwoordiging

Een vaste groep van vijf bewoners praat voortaan mee.

### Hoe meld je je aan

Stuur een berichtje naar de buurtkamer.

## Tot slot

Volgend jaar doen we het weer.
";

/// Issue 17: a long story on a phone and in a chat app. In a copy of the example site, the story
/// above: at 360x780 its title breaks at a soft hyphen and nothing scrolls sideways, its table
/// scrolls in a focusable region, axe finds nothing, its Open Graph tags are absolute with the
/// picture's real size and its Article data parses (tests/browser/sharing.mjs); the Nu HTML
/// Checker finds no error in the page. Screenshots land in target/screenshots/long-story-*.png.
#[test]
fn a_long_story_reads_well_on_a_phone_and_travels_with_a_preview() {
    require(&["node", "chromium", "java"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    fs::create_dir_all(&root).expect("a site folder");
    copy_example(&root);
    let story = root.join("content/stories/evaluatie");
    fs::create_dir_all(&story).expect("a story folder");
    fs::write(story.join("index.md"), LONG_STORY).expect("write the story");
    fs::copy(
        repo().join("content/stories/drie-buurten-aan-een-tafel/tafel.jpg"),
        story.join("tafel.jpg"),
    )
    .expect("copy a picture");
    let out = dir.path().join("public");
    let build = plein(&root, &["build", "--output", out.to_str().expect("a path")]);
    assert!(
        build.status.success(),
        "plein build failed:\n{}",
        text(&build)
    );
    let (passed, log) = node(
        "sharing.mjs",
        [
            OsString::from(out.as_os_str()),
            OsString::from("/verhalen/evaluatie/"),
            OsString::from(screenshots()),
        ],
    );
    assert!(passed, "the long story's checks failed:\n{log}");
    let page = out.join("verhalen/evaluatie/index.html");
    let nu = Command::new("java")
        .arg("-jar")
        .arg(vnu_jar())
        .args(["--errors-only"])
        .arg(&page)
        .output()
        .expect("run java -jar vnu.jar");
    assert!(
        nu.status.success() && text(&nu).trim().is_empty(),
        "the Nu HTML Checker found errors in the long story:\n{}",
        text(&nu)
    );
}
