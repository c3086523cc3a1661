//! Commands that print on stdout end quietly when the reader has gone away, as in
//! `plein schema | head`: no panic, no message, the command's own exit status.

use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::*;

/// The writing end of a pipe whose reading end is already closed: every write to it fails
/// with "Broken pipe", whatever the timing.
fn pipe_without_reader() -> OwnedFd {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe(2) makes.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0, "pipe(2)");
    // SAFETY: both descriptors were just made and belong to nothing else.
    let (reader, writer) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(reader);
    writer
}

/// Run plein in `dir` with stdout going nowhere; its exit status and stderr.
fn into_closed_pipe(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(args)
        .current_dir(dir)
        .env("PLEIN_NOW", "2026-11-25T12:00:00Z")
        .stdout(Stdio::from(pipe_without_reader()))
        .stderr(Stdio::piped())
        .output()
        .expect("run plein");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn schema_into_a_closed_pipe_ends_quietly() {
    for args in [&["schema"][..], &["schema", "story"]] {
        let (code, stderr) = into_closed_pipe(&repo(), args);
        assert_eq!(code, Some(0), "plein {args:?}: {stderr}");
        assert!(stderr.is_empty(), "plein {args:?} said: {stderr}");
    }
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let (code, stderr) = into_closed_pipe(&repo(), &["schema", "--out", dir]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(
        out.path().join("event.schema.json").is_file(),
        "every schema is written even when no one reads the names"
    );
}

#[test]
fn check_as_json_into_a_closed_pipe_keeps_its_status() {
    let good = Site::copy("minimal");
    let (code, stderr) = into_closed_pipe(good.root(), &["check", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let bad = Site::copy("errors/missing_title");
    let (code, stderr) = into_closed_pipe(bad.root(), &["check", "--format", "json"]);
    assert_eq!(code, Some(1), "a site with errors still exits 1: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn new_story_into_a_closed_pipe_still_writes_it() {
    let site = Site::copy("minimal");
    let (code, stderr) = into_closed_pipe(site.root(), &["new", "story", "Een nieuw verhaal"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(
        site.root()
            .join("content/stories/een-nieuw-verhaal.md")
            .is_file()
    );
}

#[test]
fn help_and_version_into_a_closed_pipe_end_quietly() {
    for args in [&["--help"][..], &["--version"], &["schema", "--help"]] {
        let (code, stderr) = into_closed_pipe(&repo(), args);
        assert_eq!(code, Some(0), "plein {args:?}: {stderr}");
        assert!(stderr.is_empty(), "plein {args:?} said: {stderr}");
    }
}

#[test]
fn a_full_disk_on_stdout_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(["schema"])
        .current_dir(repo())
        .stdout(Stdio::from(full))
        .output()
        .expect("run plein");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("plein cannot write to its output"),
        "{stderr}"
    );
}
