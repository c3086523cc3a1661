//! The dev server's own folder for rendered pages, in the system's temporary folder.
//!
//! Each server has one, named after its process; folders left by servers that were killed are
//! removed at the next start. Files are replaced by rename, so a request never reads half a page.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::diagnostic::{Diagnostic, Problem};
use crate::write::put_file;

const PREFIX: &str = "plein-serve-";

pub struct Folder {
    dir: PathBuf,
    made: Mutex<HashSet<PathBuf>>,
    counter: AtomicU64,
}

impl Folder {
    pub fn create() -> std::io::Result<Folder> {
        let base = std::env::temp_dir();
        remove_stale(&base);
        let dir = base.join(format!("{PREFIX}{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Folder {
            dir,
            made: Mutex::new(HashSet::from([PathBuf::new()])),
            counter: AtomicU64::new(0),
        })
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Write a page that is not served yet (the first build).
    pub fn put(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        put_file(&self.dir, &self.made, rel, bytes)
    }

    /// Replace a page that may be being served, atomically.
    pub fn replace(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let temp = PathBuf::from(format!(".replacing-{n}"));
        put_file(&self.dir, &self.made, &temp, bytes)?;
        let target = self.dir.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| error(parent, e))?;
        }
        std::fs::rename(self.dir.join(&temp), &target).map_err(|e| error(&target, e))
    }

    pub fn remove(&self, rel: &Path) {
        let _ = std::fs::remove_file(self.dir.join(rel));
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn error(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::general(Problem::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// Remove the folders of servers that no longer run.
fn remove_stale(base: &Path) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(PREFIX)
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id()
            && !Path::new(&format!("/proc/{pid}")).exists()
            && Path::new("/proc/self").exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}
