//! Time the rebuild `plein serve` makes after a one-line edit of one story, in process, with
//! no watcher, debounce or HTTP around it: the figure to profile when serve feels slow.
//!
//! ```sh
//! cargo run --release --example bench -- 10000 --generate-only   # makes target/bench/site-10000
//! cargo run --release --example rebuild -- target/bench/site-10000 [EDITS] [date]
//! ```
//! Each edit rewrites the title of `content/stories/story-1.md` (with `date`, its date, which
//! moves it among the others), rebuilds with a cache kept from the build before, and prints
//! the rebuild's time and pages; the file is put back after. `PLEIN_TIMINGS=1` adds the time
//! of every stage.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use plein::pipeline::{self, Cache, Options};

/// The allocator the plein binary uses, so the figures are the ones `plein serve` gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(args.first().expect("usage: rebuild SITE [EDITS]"));
    let edits: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10);
    let dates = args.get(2).is_some_and(|a| a == "date");
    let opts = Options {
        root: root.clone(),
        drafts: false,
        base_url: Some("http://127.0.0.1:1111/".into()),
        now: "2026-11-25T12:00:00Z[UTC]".parse().expect("a time"),
        resize: false,
        hints: None,
        defer_search: true,
    };
    let rel = PathBuf::from("content/stories/story-1.md");
    let file = root.join(&rel);
    let original = std::fs::read_to_string(&file).expect("the site has story-1");
    let mut cache = Cache::default();
    let written = AtomicUsize::new(0);
    let sink = |_| {
        written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    };
    let started = Instant::now();
    if let Err(errs) = pipeline::build(&opts, &mut cache, None, &sink) {
        panic!("the site has {} errors", errs.len());
    }
    println!(
        "first build: {:.0} ms, {} files",
        started.elapsed().as_secs_f64() * 1000.0,
        written.swap(0, Ordering::Relaxed)
    );
    let changed = BTreeSet::from([rel]);
    let mut times = Vec::new();
    for n in 0..edits {
        let edited = if dates {
            let day = format!("date: 2019-{:02}-15", 1 + n % 12);
            let lines = original.lines().map(|l| match l.starts_with("date: ") {
                true => day.as_str(),
                false => l,
            });
            lines.collect::<Vec<_>>().join("\n") + "\n"
        } else {
            original.replacen("title: ", &format!("title: Gewijzigd {n} "), 1)
        };
        std::fs::write(&file, edited).expect("write the story");
        let (started, cpu) = (Instant::now(), cpu_ms());
        let built = pipeline::build(&opts, &mut cache, Some(&changed), &sink);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let cpu = cpu_ms() - cpu;
        drop(built);
        println!(
            "edit {n}: {ms:.1} ms ({cpu:.0} ms of processor time), {} files",
            written.swap(0, Ordering::Relaxed)
        );
        times.push((ms, cpu));
    }
    std::fs::write(&file, original).expect("put the story back");
    if times.is_empty() {
        return;
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "median rebuild: {:.1} ms, {:.0} ms of processor time",
        median(times.iter().map(|t| t.0).collect()),
        median(times.iter().map(|t| t.1).collect())
    );
}

/// Processor time used by this process so far, all threads: less disturbed than wall time
/// by whatever else the machine runs.
fn cpu_ms() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_SELF is always valid.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}
