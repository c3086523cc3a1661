//! The dev server's own folder for rendered pages, in the system's temporary folder.
//!
//! Each server has one, named after its process (id and start time) and holding a marker
//! file; a server stopped with Ctrl-C or SIGTERM removes its own, and folders that killed
//! servers left behind are removed at the next start. Only folders with plein's name and
//! marker are ever removed. Files are replaced by rename, so a request never reads half a page.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError, RwLock};

use crate::diagnostic::{Diagnostic, Problem};
use crate::write::put_file;

const PREFIX: &str = "plein-serve-";
/// The file that says plein made the folder.
const MARKER: &str = ".plein-serve";

/// Whether the server is stopping. Writers hold it for reading while they write, so
/// [`stop`] waits for a write under way and no write comes after: otherwise a search index
/// written in the background could make the folder again after Ctrl-C removed it.
static STOPPING: RwLock<bool> = RwLock::new(false);

/// Stop all writing and remove the server's folder `dir`.
pub(super) fn stop(dir: &Path) {
    let mut stopping = STOPPING.write().unwrap_or_else(PoisonError::into_inner);
    *stopping = true;
    let _ = std::fs::remove_dir_all(dir);
}

pub(super) struct Folder {
    dir: PathBuf,
    made: Mutex<HashSet<PathBuf>>,
    counter: AtomicU64,
}

impl Folder {
    pub(super) fn create() -> std::io::Result<Folder> {
        let base = std::env::temp_dir();
        remove_stale(&base);
        let me = Process::current();
        let dir = base.join(me.folder_name());
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(MARKER), "plein serve\n")?;
        Ok(Folder {
            dir,
            made: Mutex::new(HashSet::from([PathBuf::new()])),
            counter: AtomicU64::new(0),
        })
    }

    pub(super) fn path(&self) -> &Path {
        &self.dir
    }

    /// Write a page that is not served yet (the first build).
    pub(super) fn put(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        let stopping = STOPPING.read().unwrap_or_else(PoisonError::into_inner);
        if *stopping {
            return Ok(());
        }
        put_file(&self.dir, &self.made, rel, bytes)
    }

    /// Replace a page that may be being served, atomically.
    pub(super) fn replace(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        let stopping = STOPPING.read().unwrap_or_else(PoisonError::into_inner);
        if *stopping {
            return Ok(());
        }
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let temp = PathBuf::from(format!(".replacing-{n}"));
        put_file(&self.dir, &self.made, &temp, bytes)?;
        let target = self.dir.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| error(parent, e))?;
        }
        std::fs::rename(self.dir.join(&temp), &target).map_err(|e| error(&target, e))
    }

    pub(super) fn remove(&self, rel: &Path) {
        let _ = std::fs::remove_file(self.dir.join(rel));
    }
}

impl super::behind::Store for Folder {
    fn replace(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        Folder::replace(self, rel, bytes)
    }

    fn remove(&self, rel: &Path) {
        Folder::remove(self, rel);
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn error(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::general(Problem::unwritable(path, &e))
}

/// A process, told apart from a later one that got the same id by when it started.
#[derive(Debug, PartialEq, Eq)]
struct Process {
    pid: u32,
    /// Clock ticks from boot to the start (`/proc/<pid>/stat`, field 22); 0 where unknown.
    started: u64,
}

impl Process {
    fn current() -> Process {
        let pid = std::process::id();
        Process {
            pid,
            started: start_time(pid).unwrap_or(0),
        }
    }

    fn folder_name(&self) -> String {
        format!("{PREFIX}{}-{}", self.pid, self.started)
    }

    /// The process a folder of ours was named after.
    fn of_folder(name: &str) -> Option<Process> {
        let (pid, started) = name.strip_prefix(PREFIX)?.split_once('-')?;
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        (digits(pid) && digits(started)).then_some(())?;
        Some(Process {
            pid: pid.parse().ok()?,
            started: started.parse().ok()?,
        })
    }

    /// Whether this process is known to have ended: no process has its id, or the one that
    /// has it started at another time. Without `/proc` nothing is known.
    fn ended(&self) -> bool {
        if !Path::new("/proc/self/stat").exists() {
            return false;
        }
        start_time(self.pid) != Some(self.started)
    }
}

/// When process `pid` started, from `/proc/<pid>/stat` (Linux).
fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().nth(19)?.parse().ok()
}

/// Remove the folders of servers that no longer run: named as plein names them, holding
/// plein's marker, and of a process that has ended. Nothing else is touched.
fn remove_stale(base: &Path) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(owner) = Process::of_folder(&name) else {
            continue;
        };
        let ours =
            entry.file_type().is_ok_and(|t| t.is_dir()) && entry.path().join(MARKER).is_file();
        if ours && owner != Process::current() && owner.ended() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_carry_the_process() {
        let me = Process::current();
        assert!(me.started > 0, "start time from /proc");
        assert_eq!(Process::of_folder(&me.folder_name()), Some(me));
        for other in [
            "plein-serve-12",
            "plein-serve-12-",
            "plein-serve--5",
            "plein-serve-1-2-3",
            "plein-serve-a-1",
            "tmp-12-5",
        ] {
            assert_eq!(Process::of_folder(other), None, "{other}");
        }
    }

    #[test]
    fn a_process_has_ended_when_its_id_went_to_another() {
        let me = Process::current();
        assert!(!me.ended());
        let earlier = Process {
            pid: me.pid,
            started: me.started - 1,
        };
        assert!(earlier.ended(), "same id, other start: another process");
    }
}
