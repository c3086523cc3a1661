//! Measure the search index of a site: its files and bytes, and the bytes a query fetches for
//! its stems (manifest, the chunks of the query's stems, the document files of the first 10
//! results). examples/search_bytes.mjs measures what search.js itself fetches, with joined
//! words, compound parts and suggestions.
//!
//! ```sh
//! cargo run --release --example bench -- 10000 --runs 1      # makes target/bench/site-10000
//! cargo run --release --example search_index -- target/bench/site-10000 tuinen muurschildering
//! cargo run --release --example search_index -- target/bench/site-10000 --again 10
//! ```
//! `--again N` also times what `plein serve` does after a one-line edit, on one thread as serve
//! does: an index with a fresh `IndexCache`, then N times the title of one story changed and
//! the index made again with that cache; the last is checked against a fresh index.
//! Peak memory (VmHWM) is printed after the build and after the index where Linux tells it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;

use plein::config::Lang;
use plein::ground::output::Output;
use plein::pipeline::{self, Cache, Options};
use plein::render::search::{
    Analyzer, DOCS_PER_CHUNK, IndexCache, index, index_with, postings, words,
};

/// The allocator the plein binary uses, so the figures are the ones `plein serve` gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let again = match args.iter().position(|a| a == "--again") {
        Some(at) => {
            let n = args.get(at + 1).and_then(|n| n.parse().ok());
            args.drain(at..args.len().min(at + 2));
            n.expect("--again takes a number of edits")
        }
        None => 0,
    };
    let root = PathBuf::from(
        args.first()
            .expect("usage: search_index SITE [--again N] [QUERY]..."),
    );
    let queries: Vec<&str> = args[1..].iter().map(String::as_str).collect();
    let files: Mutex<BTreeMap<String, usize>> = Mutex::default();
    let store: Mutex<HashMap<String, Vec<u8>>> = Mutex::default();
    let opts = Options {
        root,
        drafts: false,
        base_url: None,
        now: "2026-11-25T12:00:00Z[UTC]".parse().expect("a time"),
        resize: false,
        hints: None,
        defer_search: false,
    };
    let started = std::time::Instant::now();
    let sink = |o: Output| {
        let path = o.path.to_string_lossy().replace('\\', "/");
        if let Some(at) = path.find("/index/") {
            let rel = path[at + 7..].to_string();
            files.lock().unwrap().insert(rel.clone(), o.bytes.len());
            store.lock().unwrap().insert(rel, o.bytes);
        }
        Ok(())
    };
    let built = pipeline::build(&opts, &mut Cache::default(), None, &sink);
    println!(
        "built in {:.1} s, peak {}",
        started.elapsed().as_secs_f64(),
        peak_memory()
    );
    if let Ok(mut built) = built {
        let started = std::time::Instant::now();
        let files = plein::render::search::index(&built.site);
        println!(
            "index alone: {} files in {:.2} s, peak {}",
            files.len(),
            started.elapsed().as_secs_f64(),
            peak_memory()
        );
        drop(files);
        if again > 0 {
            edits(&mut built.site, again);
        }
    }
    let files = files.into_inner().unwrap();
    let store = store.into_inner().unwrap();
    let sum = |prefix: &str| -> (usize, usize) {
        let sizes: Vec<usize> = files
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(_, &v)| v)
            .collect();
        (sizes.len(), sizes.iter().sum())
    };
    for (what, prefix) in [
        ("all", ""),
        ("postings c/", "c/"),
        ("documents d/", "d/"),
        ("filters f/", "f/"),
        ("word lists s/", "s/"),
    ] {
        let (n, bytes) = sum(prefix);
        println!("{what:<14} {n:>6} files {:>10.1} KB", bytes as f64 / 1024.0);
    }
    let biggest = files
        .iter()
        .filter(|(k, _)| k.starts_with("c/"))
        .max_by_key(|(_, v)| **v);
    println!(
        "manifest       {:>10.1} KB",
        files["manifest.json"] as f64 / 1024.0
    );
    if let Some((k, v)) = biggest {
        println!("largest chunk  {k} {:.1} KB", *v as f64 / 1024.0);
    }
    let manifest: serde_json::Value = serde_json::from_slice(&store["manifest.json"]).unwrap();
    let keys: HashSet<String> = manifest["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    let lang = if manifest["lang"] == "en" {
        Lang::En
    } else {
        Lang::Nl
    };
    let analyzer = Analyzer::new(lang);
    let docs = manifest["docs"].as_f64().unwrap();
    for query in queries {
        let mut fetched: BTreeMap<String, usize> = BTreeMap::new();
        fetched.insert("manifest.json".into(), files["manifest.json"]);
        let mut scores: Option<HashMap<u64, f64>> = None;
        for word in words(query) {
            let stem = analyzer.stem(&word);
            let Some(key) = (2..=stem.len())
                .rev()
                .map(|n| &stem[..n])
                .find(|k| keys.contains(*k))
            else {
                scores = Some(HashMap::new());
                continue;
            };
            let rel = format!("c/{key}.json");
            fetched.insert(rel.clone(), files[&rel]);
            let chunk: serde_json::Value = serde_json::from_slice(&store[&rel]).unwrap();
            let mut these = HashMap::new();
            if let Some(list) = chunk[&stem].as_str() {
                let list = postings(list);
                let idf = (1.0 + docs / list.len() as f64).ln();
                for (doc, w) in list {
                    these.insert(u64::from(doc), (1.0 + f64::from(w)).ln() * idf);
                }
            }
            scores = Some(match scores {
                None => these,
                Some(prev) => prev
                    .into_iter()
                    .filter_map(|(d, s)| these.get(&d).map(|t| (d, s + t)))
                    .collect(),
            });
        }
        let mut ranked: Vec<(u64, f64)> = scores.unwrap_or_default().into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (d, _) in ranked.iter().take(10) {
            let rel = format!("d/{}.json", d / DOCS_PER_CHUNK as u64);
            fetched.insert(rel.clone(), files[&rel]);
        }
        let bytes: usize = fetched.values().sum();
        println!(
            "query {query:?}: {} hits, {} files, {:.1} KB fetched",
            ranked.len(),
            fetched.len(),
            bytes as f64 / 1024.0
        );
    }
}

/// Time the index after `n` one-line edits, as `plein serve` makes it: on a thread of its own,
/// with an `IndexCache` kept from the index before.
fn edits(site: &mut plein::model::Site, n: usize) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread");
    let mut cache = IndexCache::default();
    let started = std::time::Instant::now();
    pool.install(|| index_with(site, &mut cache));
    println!(
        "one thread, empty cache: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let story = site.stories.len() / 2;
    let title = site.stories[story].title.clone();
    let mut times = Vec::new();
    let mut last = Vec::new();
    for edit in 0..n {
        std::sync::Arc::make_mut(&mut site.stories[story]).title =
            format!("Gewijzigd {edit} {title}");
        let started = std::time::Instant::now();
        last = pool.install(|| index_with(site, &mut cache));
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let (docs, lists) = cache.redone();
        println!("edit {edit}: {ms:.0} ms, {docs} documents and {lists} lists redone");
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    println!("median after an edit: {:.0} ms", times[times.len() / 2]);
    let same = last == index(site);
    println!("the same as a fresh index: {same}");
    std::sync::Arc::make_mut(&mut site.stories[story]).title = title;
}

/// The most memory the process had resident, from /proc/self/status.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{:.0} MB", kb / 1024.0))
        })
        .unwrap_or_else(|| "unknown".to_string())
}
