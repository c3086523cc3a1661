//! The commands for editors: init, new, check with writing hints, schema; and error output
//! as editors see it, snapshotted for every bad-file fixture.

use std::path::Path;
use std::process::Command;

use crate::support::*;

/// What one run printed, stdout included.
struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Run plein in `dir` with `args`, at a fixed moment, without colour unless `env` asks.
fn plein_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plein"));
    cmd.args(args)
        .current_dir(dir)
        .env("PLEIN_NOW", "2026-11-25T12:00:00Z")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let out = cmd.output().expect("run plein");
    Out {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    }
}

fn plein(dir: &Path, args: &[&str]) -> Out {
    plein_env(dir, args, &[])
}

impl Out {
    #[track_caller]
    fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    fn says(&self, fragment: &str) -> &Self {
        assert!(
            self.stderr.contains(fragment),
            "expected `{fragment}` in:\n{}",
            self.stderr
        );
        self
    }
}

fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// plein init

#[test]
fn init_makes_a_dutch_site_that_builds_and_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    plein(tmp.path(), &["init", "buurt"])
        .code(0)
        .says("plein: een nieuwe site in buurt")
        .says("cd buurt && plein serve");
    let site = tmp.path().join("buurt");
    for file in [
        "plein.yaml",
        ".gitignore",
        "content/stories/een-boekenkast-bij-de-bushalte.md",
        "content/events/boekenruilmiddag-bij-de-minibieb.md",
        "content/neighbourhoods/lindenbuurt.md",
        "content/people/anouk-jansen.md",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    assert!(!site.join("themes").exists(), "the theme is built in");
    let yaml = read(site.join("plein.yaml"));
    assert!(yaml.contains("language: nl") && yaml.contains("# author:"));
    let story = read(site.join("content/stories/een-boekenkast-bij-de-bushalte.md"));
    assert!(story.contains("date: 2026-11-25"), "{story}");
    let event = read(site.join("content/events/boekenruilmiddag-bij-de-minibieb.md"));
    assert!(event.contains("start: 2026-12-19T14:00"), "{event}");

    // The one warning: the web address, which only the editor can fill in.
    let check = plein(&site, &["check"]);
    check
        .code(0)
        .says("plein.yaml:1:1: waarschuwing: plein.yaml heeft geen `base_url`")
        .says("plein: geen fouten, 1 waarschuwing in 1 verhaal, 1 activiteit");
    plein(&site, &["build"]).code(0);
    let page = read(site.join("public/verhalen/een-boekenkast-bij-de-bushalte/index.html"));
    assert!(page.contains("Een boekenkast bij de bushalte"));
    assert!(page.contains("25 november 2026"), "Dutch date");
    assert!(
        site.join("public/agenda/boekenruilmiddag-bij-de-minibieb/index.html")
            .is_file()
    );
    assert!(site.join("public/buurten/lindenbuurt/index.html").is_file());
    assert!(site.join("public/mensen/anouk-jansen/index.html").is_file());
}

#[test]
fn init_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    plein(tmp.path(), &["init", "site", "--lang", "en"]).code(0);
    let site = tmp.path().join("site");
    assert!(read(site.join("plein.yaml")).contains("language: en"));
    plein(&site, &["check"])
        .code(0)
        .says("plein: no errors, 1 warning in 1 story, 1 event");
    let yaml = read(site.join("plein.yaml"));
    std::fs::write(
        site.join("plein.yaml"),
        yaml.replace("# base_url:", "base_url:"),
    )
    .unwrap();
    plein(&site, &["check"]).code(0).says("no warnings");
    plein(&site, &["build"]).code(0);
    let page = read(site.join("public/stories/a-bookcase-at-the-bus-stop/index.html"));
    assert!(page.contains("25 November 2026"), "English date");
    assert!(
        site.join("public/events/book-swap-at-the-little-library/index.html")
            .is_file()
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("mijn-site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("plein.yaml"), "title: Mijn eigen titel\n").unwrap();
    plein(tmp.path(), &["init", "mijn-site"])
        .code(1)
        .says("fout: de map `mijn-site` is niet leeg")
        .says("--force");
    assert!(!site.join("content").exists(), "nothing written");

    plein(tmp.path(), &["init", "mijn-site", "--force"])
        .code(0)
        .says("bewaard   plein.yaml")
        .says("gemaakt   content/stories/een-boekenkast-bij-de-bushalte.md");
    assert_eq!(
        read(site.join("plein.yaml")),
        "title: Mijn eigen titel\n",
        "an existing file is never overwritten"
    );
    plein(&site, &["check"]).code(0);
}

#[test]
fn init_refuses_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notities.txt"), "x").unwrap();
    plein(tmp.path(), &["init", "notities.txt"])
        .code(1)
        .says("is een bestand, geen map");
}

// plein new

fn site_with_author() -> Site {
    let site = Site::copy("minimal");
    site.write(
        "plein.yaml",
        "title: Test\nauthor: Irma Vroegop\ntimezone: Europe/Amsterdam\n",
    );
    site
}

#[test]
fn new_story_writes_slug_date_author_and_names() {
    let site = site_with_author();
    let out = plein(
        site.root(),
        &[
            "new",
            "story",
            "Creëer ruimte: samen",
            "--neighbourhood",
            "Zuilenstein",
            "--neighbourhood",
            "De Drecht",
            "--kind",
            "garden",
        ],
    );
    out.code(0);
    assert_eq!(out.stdout, "content/stories/creeer-ruimte-samen.md\n");
    let text = read(site.root().join("content/stories/creeer-ruimte-samen.md"));
    assert!(
        text.starts_with(
            "---\ntitle: \"Creëer ruimte: samen\"\ndate: 2026-11-25\nauthors: [Irma Vroegop]\nneighbourhoods: [Zuilenstein, De Drecht]\nkind: garden\ntags: []\n"
        ),
        "{text}"
    );
    plein(site.root(), &["check"]).code(0);
    plein(site.root(), &["build"]).code(0);
    let page = site.page("verhalen/creeer-ruimte-samen/index.html");
    assert!(page.contains("Creëer ruimte: samen"));
}

#[test]
fn new_story_date_is_today_in_the_site_time_zone() {
    let site = site_with_author();
    // 23:30 UTC on the 25th is already the 26th in Amsterdam.
    let env = [("PLEIN_NOW", "2026-11-25T23:30:00Z")];
    plein_env(site.root(), &["new", "story", "Laat op de avond"], &env).code(0);
    let text = read(site.root().join("content/stories/laat-op-de-avond.md"));
    assert!(text.contains("date: 2026-11-26\n"), "{text}");
    assert!(
        text.contains("kind:  # een van: meeting, mural, garden"),
        "{text}"
    );
}

#[test]
fn new_never_overwrites_a_file() {
    let site = Site::copy("minimal");
    let out = plein(site.root(), &["new", "story", "Eerste verhaal"]);
    out.code(1)
        .says("`content/stories/eerste-verhaal.md` bestaat al; plein schrijft nooit over een bestand heen");
    assert!(out.stdout.is_empty());
    plein(site.root(), &["new", "story", "Iets nieuws"]).code(0);
    let before = read(site.root().join("content/stories/iets-nieuws.md"));
    plein(site.root(), &["new", "story", "Iets  nieuws!"]).code(1);
    assert_eq!(
        read(site.root().join("content/stories/iets-nieuws.md")),
        before
    );
}

#[test]
fn new_story_checks_the_kind() {
    let site = Site::copy("minimal");
    plein(site.root(), &["new", "story", "Muur", "--kind", "murall"])
        .code(2)
        .says("onbekend thema `murall` (bedoel je `mural`?)");
    assert!(!site.root().join("content/stories/muur.md").exists());
    plein(site.root(), &["new", "story", "!!!"])
        .code(2)
        .says("staan geen letters of cijfers");
}

#[test]
fn new_story_warns_about_a_name_close_to_an_existing_one() {
    let site = Site::copy("minimal");
    let args = ["new", "story", "Tuin", "--neighbourhood", "Zuilensteen"];
    plein(site.root(), &args)
        .code(0)
        .says("waarschuwing: nieuwe buurt `Zuilensteen` (bedoel je `Zuilenstein`?)");
    assert!(site.root().join("content/stories/tuin.md").is_file());
}

#[test]
fn new_event_writes_start_and_end() {
    let site = Site::copy("minimal");
    let out = plein(
        site.root(),
        &[
            "new",
            "event",
            "Moestuindag in De Zuil",
            "--start",
            "2026-10-06T13:00",
            "--end",
            "2026-10-06 16:00",
            "--neighbourhood",
            "Zuilenstein",
        ],
    );
    out.code(0);
    assert_eq!(out.stdout, "content/events/moestuindag-in-de-zuil.md\n");
    let text = read(site.root().join("content/events/moestuindag-in-de-zuil.md"));
    assert!(
        text.starts_with(
            "---\ntitle: Moestuindag in De Zuil\nstart: 2026-10-06T13:00\nend: 2026-10-06T16:00\n"
        ),
        "{text}"
    );
    assert!(text.contains("neighbourhoods: [Zuilenstein]\n"), "{text}");
    plein(site.root(), &["build"]).code(0);
    assert!(
        site.public()
            .join("agenda/moestuindag-in-de-zuil/index.html")
            .is_file()
    );
}

#[test]
fn new_event_refuses_bad_times() {
    let site = Site::copy("minimal");
    let root = site.root();
    plein(root, &["new", "event", "Later", "--start", "morgen"])
        .code(2)
        .says("`morgen` is not a date");
    plein(root, &["new", "event", "Later"])
        .code(2)
        .says("--start");
    let args = [
        "new",
        "event",
        "Omgekeerd",
        "--start",
        "2026-10-06T13:00",
        "--end",
        "2026-10-06T12:00",
    ];
    plein(root, &args)
        .code(2)
        .says("de activiteit eindigt (2026-10-06T12:00) voordat hij begint (2026-10-06T13:00)");
    assert!(!root.join("content/events/omgekeerd.md").exists());
}

// plein check and its hints

fn hints_site() -> Site {
    let site = Site::copy("minimal");
    site.overlay("hints");
    site
}

const HINTS: &[&str] = &[
    "content/stories/foto-zonder-maker.md:5:8: waarschuwing: er staat een `image`, maar `image_credit` ontbreekt",
    "content/stories/zonder-buurt.md:2:8: waarschuwing: dit verhaal heeft geen `neighbourhoods`",
    "content/stories/lange-samenvatting.md:5:10: waarschuwing: de `summary` heeft 346 tekens; op een kaart passen er ongeveer 300",
    "content/stories/lange-zin.md:6:14: waarschuwing: deze zin heeft 37 woorden; probeer er niet meer dan 25 te gebruiken",
    "content/stories/lange-alinea.md:8:1: waarschuwing: deze alinea heeft 167 woorden; probeer er niet meer dan 150 te gebruiken",
    "content/stories/koppen.md:6:1: waarschuwing: een kop met `#` in de tekst",
    "content/stories/koppen.md:14:1: waarschuwing: de kop springt van `##` naar `####`; gebruik hier `###`",
    "content/stories/klik-hier.md:6:17: waarschuwing: de linktekst `Klik hier` zegt niet waar de link naartoe gaat",
    "content/stories/klik-hier.md:6:63: waarschuwing: de linktekst `lees meer` zegt niet waar de link naartoe gaat",
    "content/stories/klik-hier.md:8:1: waarschuwing: een afbeelding zonder beschrijving",
    "content/stories/tikfout-in-namen.md:4:11: waarschuwing: nieuwe persoon `Irma Vroegoop` (bedoel je `Irma Vroegop`?)",
    "content/stories/tikfout-in-namen.md:5:18: waarschuwing: nieuwe buurt `Zuilensteen` (bedoel je `Zuilenstein`?)",
];

#[test]
fn check_gives_every_writing_hint_as_a_warning() {
    let site = hints_site();
    let run = site.plein(&["check"]);
    run.ok();
    for hint in HINTS {
        assert!(
            run.stderr.contains(hint),
            "expected `{hint}` in:\n{}",
            run.stderr
        );
    }
    assert_eq!(
        run.stderr.matches(": waarschuwing: ").count(),
        HINTS.len(),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "plein: geen fouten, 12 waarschuwingen in 9 verhalen, 1 activiteit, 0 pagina's"
        ),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists(), "check writes nothing");
    insta::assert_snapshot!(
        "check_hints",
        run.stderr
            .replace(site.root().to_str().unwrap(), "[site]")
            .split(" pagina's (")
            .next()
            .unwrap()
    );
}

#[test]
fn build_shows_likely_mistakes_and_leaves_writing_hints_to_check() {
    let site = hints_site();
    let run = site.plein(&["build"]);
    run.ok();
    assert_eq!(
        run.stderr.matches(": waarschuwing: nieuwe ").count(),
        2,
        "the two names one letter off: {}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches(": waarschuwing: ").count(),
        2,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2 waarschuwingen (hierboven)"),
        "{}",
        run.stderr
    );
}

#[test]
fn strict_check_makes_hints_errors() {
    let site = hints_site();
    let run = site.plein(&["check", "--strict"]);
    run.fails(1);
    assert_eq!(
        run.stderr.matches(": fout: ").count(),
        HINTS.len(),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("plein: 12 fouten gevonden"),
        "{}",
        run.stderr
    );
    let clean = Site::copy("minimal");
    clean.plein(&["check", "--strict"]).ok();
}

#[test]
fn check_as_json_for_other_tools() {
    let site = hints_site();
    site.overlay("errors/unknown_kind");
    let root = site.root().to_str().unwrap();
    let out = plein(site.root(), &["check", "--format", "json", "--root", root]);
    out.code(1);
    let all: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON on stdout");
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), HINTS.len() + 2, "{}", out.stdout);
    let error = all.iter().find(|d| d["code"] == "unknown-kind").unwrap();
    assert_eq!(error["severity"], "error");
    assert_eq!(error["file"], format!("{root}/content/stories/muur.md"));
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(4), Some(7))
    );
    assert_eq!(error["snippet"], "kind: murall");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("bedoel je `mural`?")
    );
    let sentence = all.iter().find(|d| d["code"] == "long-sentence").unwrap();
    assert_eq!(sentence["severity"], "warning");
    assert_eq!(
        (sentence["line"].as_u64(), sentence["column"].as_u64()),
        (Some(6), Some(14))
    );
    assert!(sentence["help"].as_str().unwrap().contains("B1"));
    for d in all {
        for key in [
            "file", "line", "column", "severity", "message", "snippet", "code", "help",
        ] {
            assert!(d.get(key).is_some(), "`{key}` missing in {d}");
        }
    }
    assert!(
        out.stderr
            .contains("plein: 1 fout en 13 waarschuwingen gevonden"),
        "{}",
        out.stderr
    );
}

#[test]
fn colour_only_when_asked_for_or_on_a_terminal() {
    let site = Site::copy("minimal");
    site.overlay("errors/unknown_kind");
    let args = ["check", "--root", site.root().to_str().unwrap()];
    let plain = plein(site.root(), &args);
    assert!(!plain.stderr.contains('\x1b'), "no colour into a pipe");
    let forced = plein_env(site.root(), &args, &[("CLICOLOR_FORCE", "1")]);
    assert!(forced.stderr.contains("\x1b["), "{}", forced.stderr);
    assert!(forced.stderr.contains("── "), "a heading per file");
    let no_color = plein_env(
        site.root(),
        &args,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert_eq!(no_color.stderr, plain.stderr, "NO_COLOR wins");
}

// Error output, as editors see it

#[test]
fn error_output_of_every_bad_file() {
    let already = ["unknown_key", "missing_link", "bad_date", "template_syntax"];
    let dir = fixture("errors");
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|c| !already.contains(&c.as_str()))
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "{cases:?}");
    for case in cases {
        // In Dutch, the language of the test sites, and in English.
        for english in [false, true] {
            let site = Site::copy("minimal");
            site.overlay(&format!("errors/{case}"));
            let name = if english {
                // A site that names its language keeps it; `verhalen` clashes with a section
                // only on a Dutch site.
                let named = read(site.root().join("plein.yaml")).contains("language:");
                if named || case == "reserved_slug" {
                    continue;
                }
                site.english();
                format!("build_{case}_en")
            } else {
                format!("build_{case}")
            };
            let run = site.plein(&["build"]);
            run.fails(1);
            insta::assert_snapshot!(
                name,
                run.stderr.replace(site.root().to_str().unwrap(), "[site]")
            );
        }
    }
}

// plein schema

#[test]
fn schema_prints_json_schema_with_the_site_kinds() {
    let out = plein(&repo(), &["schema", "story"]);
    out.code(0);
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["required"], serde_json::json!(["title", "date"]));
    assert_eq!(
        schema["properties"]["kind"]["enum"],
        serde_json::json!(["meeting", "mural", "garden", null])
    );
    let tmp = tempfile::tempdir().unwrap();
    let bare = plein(tmp.path(), &["schema", "story"]);
    let bare: serde_json::Value = serde_json::from_str(&bare.stdout).unwrap();
    assert!(
        bare["properties"]["kind"].get("enum").is_none(),
        "no plein.yaml, no enum"
    );

    let all = plein(&repo(), &["schema"]);
    let all: serde_json::Value = serde_json::from_str(&all.stdout).unwrap();
    let defs = all["$defs"].as_object().unwrap();
    assert_eq!(defs.len(), 5);
    plein(&repo(), &["schema", "poem"]).code(2);
}

/// Validate with Python's `jsonschema` (scripts/test installs it), a real draft 2020-12
/// validator, every front matter file of the example site; and catch a bad one.
#[test]
fn schema_validates_the_example_site_and_rejects_a_bad_file() {
    let tmp = tempfile::tempdir().unwrap();
    let schemas = tmp.path().join("schemas");
    let out = plein(&repo(), &["schema", "--out", schemas.to_str().unwrap()]);
    out.code(0);
    assert_eq!(out.stdout.lines().count(), 5, "{}", out.stdout);
    let mut files: Vec<String> = walkdir::WalkDir::new(repo().join("content"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().display().to_string())
        .collect();
    files.sort();
    assert!(files.len() > 20);
    let valid = validate(&schemas, &files);
    assert_eq!(valid.0, Some(0), "the example site is valid:\n{}", valid.1);

    let bad = tmp.path().join("content/stories/fout.md");
    std::fs::create_dir_all(bad.parent().unwrap()).unwrap();
    std::fs::write(
        &bad,
        "---\ntitle: Fout\ndate: 18 juli 2022\nneighbourhods: [Muntenbuurt]\nkind: murall\ndraft: misschien\n---\nTekst.\n",
    )
    .unwrap();
    let (code, report) = validate(&schemas, &[bad.display().to_string()]);
    assert_eq!(code, Some(1), "{report}");
    for problem in [
        "date",
        "neighbourhods",
        "kind: 'murall' is not one of",
        "draft",
    ] {
        assert!(report.contains(problem), "`{problem}` in:\n{report}");
    }
}

fn validate(schemas: &Path, files: &[String]) -> (Option<i32>, String) {
    let script = repo().join("tests/schema/validate.py");
    let out = Command::new(python())
        .arg(script)
        .arg(schemas)
        .args(files)
        .output()
        .expect("run tests/schema/validate.py");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), report)
}

/// The Python with jsonschema and PyYAML: PLEIN_PYTHON, else the virtual environment that
/// scripts/test makes in target/python.
fn python() -> std::path::PathBuf {
    let python = std::env::var_os("PLEIN_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo().join("target/python/bin/python3"));
    let ok = Command::new(&python)
        .args(["-c", "import jsonschema, yaml"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "{} cannot import jsonschema and yaml; run scripts/test, which installs them into target/python",
        python.display()
    );
    python
}
