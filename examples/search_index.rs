//! Measure the search index of a site: its files and bytes, and the bytes a query fetches the
//! way themes/buurt/static/search.js does (manifest, the chunks of the query's stems, the
//! document files of the first 10 results).
//!
//! ```sh
//! cargo run --release --example bench -- 10000 --runs 1      # makes target/bench/site-10000
//! cargo run --release --example search_index -- target/bench/site-10000 tuinen muurschildering
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;

use plein::config::Lang;
use plein::pipeline::{self, Cache, Options};
use plein::render::Output;
use plein::render::search::{Analyzer, DOCS_PER_CHUNK, words};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(args.first().expect("usage: search_index SITE [QUERY]..."));
    let queries: Vec<&str> = args[1..].iter().map(String::as_str).collect();
    let files: Mutex<BTreeMap<String, usize>> = Mutex::default();
    let store: Mutex<HashMap<String, Vec<u8>>> = Mutex::default();
    let opts = Options {
        root,
        drafts: false,
        base_url: None,
        now: "2026-11-25T12:00:00Z[UTC]".parse().expect("a time"),
        resize: false,
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
    println!("built in {:.1} s", started.elapsed().as_secs_f64());
    if let Ok(built) = built {
        let started = std::time::Instant::now();
        let files = plein::render::search::index(&built.site);
        println!(
            "index alone: {} files in {:.2} s",
            files.len(),
            started.elapsed().as_secs_f64()
        );
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
            if let Some(list) = chunk[&stem].as_array() {
                let idf = (1.0 + docs / (list.len() / 2) as f64).ln();
                let mut doc = 0;
                for pair in list.chunks(2) {
                    doc += pair[0].as_u64().unwrap();
                    let w = pair[1].as_f64().unwrap();
                    these.insert(doc, (1.0 + w).ln() * idf);
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
