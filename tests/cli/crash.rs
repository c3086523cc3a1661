//! Interrupted and concurrent builds: `kill -9` at any moment leaves the previous output
//! whole, the next build cleans up after the dead one, and two builds at once never mix.
//! Also: the same content gives the same bytes, whatever folder it is built in.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// A site of `stories` generated stories, big enough for a build to take a while.
fn generated(stories: usize, edition: &str) -> Site {
    let site = Site::copy("minimal");
    let buurten = ["Zuilenstein", "Muntenbuurt", "Rijtuigenbuurt", "De Drecht"];
    let para = "Bewoners komen samen in het buurthuis en praten over de moestuin en de muur. ";
    for i in 0..stories {
        let text = format!(
            "---\ntitle: Verhaal {i} {edition}\ndate: 2024-{:02}-{:02}\nneighbourhoods: [{}]\ntags: [tag{}, tag{}]\n---\n{}\n\n## Kop\n\n{}\n",
            i % 12 + 1,
            i % 28 + 1,
            buurten[i % 4],
            i % 37,
            i % 11,
            para.repeat(10),
            para.repeat(10),
        );
        site.write(&format!("content/stories/verhaal-{i}.md"), &text);
    }
    site
}

fn build_in(site: &Site) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(["build", "--root", site.root().to_str().unwrap()])
        .env("PLEIN_NOW", "2026-11-25T12:00:00Z")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start plein")
}

/// What plein left beside the output apart from the staging folder, which after a build holds
/// the output before it, for the next build to write into.
fn leftovers(site: &Site) -> Vec<String> {
    std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("plein-") && n != ".public.plein-staging")
        .collect()
}

/// The paths whose bytes differ between two trees.
fn differences(a: &Tree, b: &Tree) -> Vec<String> {
    let mut paths: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|p| a.get(*p) != b.get(*p))
        .map(|p| p.display().to_string())
        .collect();
    paths.dedup();
    paths
}

type Tree = std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>;

/// A small pseudo-random sequence, seeded by the clock and printed, so a failure can be replayed.
fn moments(count: usize, span: Duration) -> Vec<Duration> {
    let mut x = std::env::var("PLEIN_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            now.map_or(1, |d| d.as_nanos() as u64) ^ u64::from(std::process::id())
        });
    eprintln!("kill moments seed: {x}");
    (0..count)
        .map(|i| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let frac = ((x >> 33) % 1000) as u32;
            // spread over the whole build, plus a few right at the start and at the end
            let base = span * (i as u32) / count as u32;
            base + span * frac / (1000 * count as u32)
        })
        .collect()
}

#[test]
fn kill_9_at_any_moment_leaves_the_previous_output_whole() {
    let t0 = Instant::now();
    let site = generated(600, "een");
    eprintln!("generated in {:?}", t0.elapsed());
    let started = Instant::now();
    site.plein(&["build"]).ok();
    let span = started.elapsed();
    let old = tree(&site.public());
    // What the new content gives, built elsewhere.
    let other = generated(600, "twee");
    other.plein(&["build"]).ok();
    let new = tree(&other.public());
    assert_ne!(old, new);
    let site_v2 = generated(600, "twee");
    crate::support::copy_tree(
        &site_v2.root().join("content"),
        &site.root().join("content"),
    );

    eprintln!("prepared in {:?}", t0.elapsed());
    let mut swapped = false;
    for at in moments(6, span + span / 4) {
        let mut child = build_in(&site);
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let now = tree(&site.public());
        if now == new {
            swapped = true;
        } else {
            assert!(
                !swapped && now == old,
                "after a kill at {at:?} ({status}), public/ is neither the old nor the new site"
            );
        }
    }
    let run = site.plein(&["build"]);
    run.ok();
    assert_eq!(
        differences(&tree(&site.public()), &new),
        Vec::<String>::new()
    );
    assert_eq!(leftovers(&site), Vec::<String>::new(), "lock cleaned up");
    // The staging folder holds the output before, whole, whatever the killed builds left.
    let staging = tree(&site.root().join(".public.plein-staging"));
    assert_eq!(differences(&staging, &old), Vec::<String>::new());
}

#[test]
fn a_killed_build_leaves_nothing_in_the_way() {
    let site = generated(300, "een");
    site.plein(&["build"]).ok();
    let old = tree(&site.public());
    // A new edition of every story, so the killed build has every page to write.
    let next = generated(300, "twee");
    crate::support::copy_tree(&next.root().join("content"), &site.root().join("content"));
    let mut child = build_in(&site);
    // Kill as soon as the staging folder is there: the build is writing into it.
    let staging = site.root().join(".public.plein-staging");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !staging.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = child.kill();
    child.wait().unwrap();
    assert_eq!(tree(&site.public()), old);
    assert!(staging.exists(), "the dead build left its staging folder");
    site.plein(&["build"]).ok();
    assert_ne!(tree(&site.public()), old);
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn two_builds_at_once_do_not_mix() {
    let site = generated(300, "een");
    site.plein(&["build"]).ok();
    let mut refused = 0;
    for round in 0..4 {
        // Something to write, or both builds find nothing changed and write nothing.
        let story = format!("---\ntitle: Ronde {round}\ndate: 2024-05-03\n---\nTekst {round}.\n");
        site.write("content/stories/ronde.md", &story);
        let children = [build_in(&site), build_in(&site)];
        for child in children {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{stderr}");
            match out.status.code() {
                Some(0) => {}
                Some(1) => {
                    assert!(
                        stderr.contains("een andere plein schrijft nu in deze map")
                            && stderr.contains(".public.plein-lock"),
                        "{stderr}"
                    );
                    refused += 1;
                }
                other => panic!("exit {other:?}: {stderr}"),
            }
        }
        let fresh = site.root().join("fresh");
        site.plein(&["build", "--output", fresh.to_str().unwrap()])
            .ok();
        let good = tree(&fresh);
        assert_eq!(
            differences(&tree(&site.public()), &good),
            Vec::<String>::new(),
            "the output is whole"
        );
        std::fs::remove_dir_all(&fresh).unwrap();
    }
    eprintln!("{refused} of 8 builds were refused by the lock");
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn a_held_lock_refuses_a_second_build() {
    let site = Site::copy("minimal");
    site.plein(&["build"]).ok();
    let lock = site.root().join(".public.plein-lock");
    let file = std::fs::File::create(&lock).unwrap();
    let held = unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(&file), libc::LOCK_EX) };
    assert_eq!(held, 0);
    let run = site.plein(&["build"]);
    run.fails(1);
    assert!(
        run.stderr
            .contains("een andere plein schrijft nu in deze map")
    );
    drop(file);
    site.plein(&["build"]).ok();
}

/// Every file's mtime set to `secs` after the epoch.
fn touch_all(dir: &Path, secs: u64) {
    let time = std::time::UNIX_EPOCH + Duration::from_secs(secs);
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let f = std::fs::File::options().write(true).open(e.path()).unwrap();
            f.set_modified(time).unwrap();
        }
    }
}

#[test]
fn the_example_site_builds_to_the_same_bytes_anywhere() {
    let copy = |to: &Path| {
        for part in ["content", "themes", "plein.yaml"] {
            let from = repo().join(part);
            if from.is_dir() {
                copy_tree(&from, &to.join(part));
            } else if from.exists() {
                std::fs::copy(&from, to.join(part)).unwrap();
            }
        }
    };
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let b_root = b.path().join("een/andere/map");
    std::fs::create_dir_all(&b_root).unwrap();
    copy(a.path());
    copy(&b_root);
    touch_all(a.path(), 1_000_000_000);
    touch_all(&b_root, 1_700_000_000);
    plein_in(a.path(), &["build", "--root", a.path().to_str().unwrap()]).ok();
    plein_in(&b_root, &["build", "--root", b_root.to_str().unwrap()]).ok();
    let (ta, tb) = (tree(&a.path().join("public")), tree(&b_root.join("public")));
    assert!(ta.len() > 20);
    for (path, bytes) in &ta {
        assert!(tb.get(path) == Some(bytes), "{} differs", path.display());
    }
    assert_eq!(ta.len(), tb.len());
}
