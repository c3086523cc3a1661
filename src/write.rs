//! Write: the rendered site into a staging folder beside the output, then swapped in.
//!
//! The previous output stays byte-identical until the swap, which on Linux is one atomic
//! `renameat2(RENAME_EXCHANGE)`. The guard refuses output folders that would put the site's
//! own files at risk. Nothing here knows of templates or Markdown.

use std::collections::HashSet;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Problem};
use crate::ground::output::{Output, Prints, key};
use crate::load::Asset;

/// The file that marks a folder as plein's output, so plein never replaces anything else.
pub(crate) const MARKER: &str = ".plein-output";

/// What a write did.
#[derive(Debug, Default)]
pub(crate) struct Written {
    pub pages: usize,
    pub bytes: u64,
}

/// The site folders an output folder must never be, contain or sit inside.
const SITE_FOLDERS: [&str; 5] = ["content", "themes", "templates", "static", "i18n"];

/// Check that `output` is a safe place to build into; returns it as an absolute path.
pub(crate) fn guard(root: &Path, output: &Path) -> Result<PathBuf, Diagnostic> {
    let shown = output.display();
    let refuse = |why: &str, folder: &str| {
        let args: [(_, &dyn std::fmt::Display); 3] =
            [("output", &shown), ("why", &why), ("folder", &folder)];
        Err(Diagnostic::general(Problem::told("output-refused", &args)))
    };
    let root = fs::canonicalize(root).map_err(|e| {
        let args: [(_, &dyn std::fmt::Display); 2] = [("folder", &root.display()), ("reason", &e)];
        Diagnostic::general(Problem::told("site-folder-unreadable", &args))
    })?;
    let absolute = absolute(output);
    let Some(name) = absolute.file_name() else {
        return refuse("root", "");
    };
    let parent = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
    let resolved = fs::canonicalize(&parent)
        .map(|p| p.join(name))
        .unwrap_or_else(|_| absolute.clone());
    if resolved == root {
        return refuse("site", "");
    }
    if root.starts_with(&resolved) {
        return refuse("holds-site", "");
    }
    for folder in SITE_FOLDERS {
        if resolved.starts_with(root.join(folder)) {
            return refuse("inside-site", folder);
        }
    }
    if resolved.is_file() {
        return refuse("file", "");
    }
    if resolved.is_dir()
        && !resolved.join(MARKER).is_file()
        && fs::read_dir(&resolved).is_ok_and(|mut d| d.next().is_some())
    {
        return refuse("foreign", "");
    }
    Ok(resolved)
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A staging folder beside the output: pages go in as they are rendered, and the whole folder
/// replaces the output at once. Dropped without [`Staging::swap_in`], it is removed and the
/// output stays exactly as it was.
pub(crate) struct Staging {
    output: PathBuf,
    dir: PathBuf,
    _lock: Lock,
    made: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    bytes: AtomicU64,
    done: bool,
}

impl Staging {
    /// Take the lock for `output` (already guarded) and make an empty staging folder.
    pub(crate) fn create(output: &Path) -> Result<Staging, Diagnostic> {
        let name = output
            .file_name()
            .expect("guarded: has a name")
            .to_string_lossy()
            .into_owned();
        let parent = output.parent().expect("guarded: has a parent");
        fs::create_dir_all(parent).map_err(|e| write_error(parent, e))?;
        let lock = Lock::take(&parent.join(format!(".{name}.plein-lock")))?;
        let dir = parent.join(format!(".{name}.plein-staging"));
        remove_if_there(&dir)?;
        fs::create_dir(&dir).map_err(|e| write_error(&dir, e))?;
        let made = Mutex::new(HashSet::from([PathBuf::new()]));
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            _lock: lock,
            made,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            done: false,
        })
    }

    /// Write one rendered file; safe to call from many threads at once.
    pub(crate) fn put(&self, o: Output) -> Result<(), Diagnostic> {
        put_file(&self.dir, &self.made, &o.path, &o.bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes
            .fetch_add(o.bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Copy static and content files, sources relative to `root`.
    pub(crate) fn copy(&self, root: &Path, copies: &[Asset]) -> Result<usize, Diagnostic> {
        copies.par_iter().try_for_each(|c| {
            make_parent(&self.dir, &self.made, &c.target)?;
            let to = self.dir.join(&c.target);
            fs::copy(root.join(&c.source), &to)
                .map(|_| ())
                .map_err(|e| write_error(&to, e))
        })?;
        Ok(copies.len())
    }

    /// Mark the folder as plein's and put it in place of the output, atomically.
    pub(crate) fn swap_in(mut self, pages: &Prints) -> Result<Written, Diagnostic> {
        let marker = self.dir.join(MARKER);
        fs::write(&marker, marker_text(pages)).map_err(|e| write_error(&marker, e))?;
        if self.output.exists() {
            exchange(&self.dir, &self.output)?;
            self.done = true;
            fs::remove_dir_all(&self.dir).map_err(|e| write_error(&self.dir, e))?;
        } else {
            fs::rename(&self.dir, &self.output).map_err(|e| write_error(&self.output, e))?;
            self.done = true;
        }
        Ok(Written {
            pages: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }

    /// Bring the pages of `pages` that were not rendered (unchanged since the previous build)
    /// over from the current output, as hard links where the file system allows.
    pub(crate) fn keep_unchanged(&self, pages: &Prints) -> Result<usize, Diagnostic> {
        let kept: Vec<&Path> = pages
            .keys()
            .map(Path::new)
            .filter(|p| !self.dir.join(p).exists())
            .collect();
        kept.par_iter().try_for_each(|rel| {
            make_parent(&self.dir, &self.made, rel)?;
            let (from, to) = (self.output.join(rel), self.dir.join(rel));
            fs::hard_link(&from, &to)
                .or_else(|_| fs::copy(&from, &to).map(|_| ()))
                .map_err(|e| write_error(&from, e))
        })?;
        Ok(kept.len())
    }
}

/// Whether `output` already holds exactly this build: the same pages with the same
/// fingerprints, the same copied files byte for byte, and nothing else.
pub(crate) fn is_current(
    output: &Path,
    previous: &Prints,
    pages: &Prints,
    root: &Path,
    copies: &[Asset],
) -> bool {
    if previous.is_empty() || previous != pages {
        return false;
    }
    let same_copies = copies.par_iter().all(|c| {
        match (
            fs::read(root.join(&c.source)),
            fs::read(output.join(&c.target)),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    });
    if !same_copies {
        return false;
    }
    let targets: HashSet<&Path> = copies.iter().map(|c| c.target.as_path()).collect();
    walkdir::WalkDir::new(output)
        .into_iter()
        .all(|entry| match entry {
            Ok(e) if e.file_type().is_dir() => true,
            Ok(e) => {
                let rel = e.path().strip_prefix(output).unwrap_or(e.path());
                // Page keys have `/` between their parts, whatever the system's separator.
                let page = || {
                    rel.to_str().is_some_and(|r| {
                        pages.contains_key(&r.replace(std::path::MAIN_SEPARATOR, "/"))
                    })
                };
                rel == Path::new(MARKER) || page() || targets.contains(rel)
            }
            Err(_) => false,
        })
}

/// The marker file: a line for people, then the fingerprint of every page, so the next build
/// can leave unchanged pages alone.
fn marker_text(pages: &Prints) -> String {
    let mut lines: Vec<String> = pages
        .iter()
        .map(|(p, print)| format!("{print:016x}\t{p}"))
        .collect();
    lines.sort_unstable();
    format!(
        "This folder is written by plein build; it is replaced whole on every build.\n{}\n{}\n",
        marker_version(),
        lines.join("\n")
    )
}

/// The version and build id: pages written by another build of plein, even one with the same
/// version number, are not reused (see build.rs).
fn marker_version() -> String {
    format!(
        "plein {} (build {})",
        env!("CARGO_PKG_VERSION"),
        env!("PLEIN_BUILD_ID")
    )
}

/// The page fingerprints of the build that wrote `output`, for pages still there as written.
/// Another build of plein, or a marker without fingerprints, gives none.
pub(crate) fn previous_pages(output: &Path) -> Prints {
    let Ok(text) = fs::read_to_string(output.join(MARKER)) else {
        return Prints::new();
    };
    let mut lines = text.lines().skip(1);
    if lines.next() != Some(marker_version().as_str()) {
        return Prints::new();
    }
    lines
        .filter_map(|line| {
            let (print, path) = line.split_once('\t')?;
            let path = PathBuf::from(path);
            let safe = path
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
            (safe && output.join(&path).is_file())
                .then_some((key(path), u64::from_str_radix(print, 16).ok()?))
        })
        .collect()
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Write `bytes` to `dir/rel`, making its folder first; `made` remembers folders made.
pub(crate) fn put_file(
    dir: &Path,
    made: &Mutex<HashSet<PathBuf>>,
    rel: &Path,
    bytes: &[u8],
) -> Result<(), Diagnostic> {
    make_parent(dir, made, rel)?;
    let path = dir.join(rel);
    fs::write(&path, bytes).map_err(|e| write_error(&path, e))
}

fn make_parent(dir: &Path, made: &Mutex<HashSet<PathBuf>>, rel: &Path) -> Result<(), Diagnostic> {
    let Some(parent) = rel.parent() else {
        return Ok(());
    };
    if made
        .lock()
        .expect("no panics while holding the lock")
        .contains(parent)
    {
        return Ok(());
    }
    let full = dir.join(parent);
    fs::create_dir_all(&full).map_err(|e| write_error(&full, e))?;
    made.lock()
        .expect("no panics while holding the lock")
        .insert(parent.to_path_buf());
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Result<(), Diagnostic> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(|e| write_error(b, e.into()))
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> Result<(), Diagnostic> {
    let old = b.with_extension("plein-old");
    remove_if_there(&old)?;
    fs::rename(b, &old).map_err(|e| write_error(b, e))?;
    fs::rename(a, b).map_err(|e| write_error(b, e))?;
    fs::rename(&old, a).map_err(|e| write_error(a, e))
}

fn remove_if_there(dir: &Path) -> Result<(), Diagnostic> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(write_error(dir, e)),
        _ => Ok(()),
    }
}

fn write_error(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::general(Problem::unwritable(path, &e))
}

/// A lock file beside the output, so two builds never write the same folder at once.
///
/// On Linux it is held with `flock`, which the kernel lets go when the process ends however it
/// ends, so a build killed with `kill -9` leaves no stale lock; the file it leaves is reused.
/// Elsewhere the file holds the builder's pid, and a lock whose process is gone is taken over.
struct Lock {
    path: PathBuf,
    _file: Option<fs::File>,
}

fn busy(path: &Path) -> Diagnostic {
    Diagnostic::general(Problem::told("output-busy", &[("lock", &path.display())]))
}

fn no_lock(path: &Path) -> Diagnostic {
    Diagnostic::general(Problem::told("output-lock", &[("lock", &path.display())]))
}

impl Lock {
    #[cfg(target_os = "linux")]
    fn take(path: &Path) -> Result<Lock, Diagnostic> {
        use rustix::fs::{FlockOperation, flock, fstat, stat};
        for _ in 0..10 {
            let mut file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .map_err(|e| write_error(path, e))?;
            match flock(&file, FlockOperation::NonBlockingLockExclusive) {
                Ok(()) => {}
                Err(rustix::io::Errno::WOULDBLOCK) => return Err(busy(path)),
                Err(e) => return Err(write_error(path, e.into())),
            }
            // The build before may have removed the file between our open and our lock: only
            // a lock on the file that is there now counts.
            let same = match (fstat(&file), stat(path)) {
                (Ok(a), Ok(b)) => (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino),
                _ => false,
            };
            if same {
                let _ = file.set_len(0);
                let _ = writeln!(file, "{}", std::process::id());
                return Ok(Lock {
                    path: path.to_path_buf(),
                    _file: Some(file),
                });
            }
        }
        Err(no_lock(path))
    }

    #[cfg(not(target_os = "linux"))]
    fn take(path: &Path) -> Result<Lock, Diagnostic> {
        for _ in 0..2 {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
            {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock {
                        path: path.to_path_buf(),
                        _file: None,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if holder_alive(path) {
                        return Err(busy(path));
                    }
                    let _ = fs::remove_file(path);
                }
                Err(e) => return Err(write_error(path, e)),
            }
        }
        Err(no_lock(path))
    }
}

/// Whether the process named in a lock file still runs; a lock from a killed build is stale.
#[cfg(not(target_os = "linux"))]
fn holder_alive(path: &Path) -> bool {
    let Ok(text) = fs::read_to_string(path) else {
        return false;
    };
    text.trim().parse::<u32>().is_ok()
}

impl Drop for Lock {
    /// The file goes while it is still locked; the lock itself goes with the open file after.
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_refuses_dangerous_folders() {
        let site = tempfile::tempdir().unwrap();
        fs::create_dir(site.path().join("content")).unwrap();
        let root = site.path();
        assert!(guard(root, root).is_err());
        assert!(guard(root, &root.join("content")).is_err());
        assert!(guard(root, &root.join("content/x")).is_err());
        assert!(guard(root, root.parent().unwrap()).is_err());
        assert!(guard(root, Path::new("/")).is_err());
        assert!(guard(root, &root.join("public")).is_ok());
    }

    #[test]
    fn guard_refuses_a_folder_plein_did_not_write() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("docs");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(guard(site.path(), &out).is_err());
        fs::write(out.join(MARKER), "").unwrap();
        assert!(guard(site.path(), &out).is_ok());
    }

    fn build_into(out: &Path, pages: &[(&str, &str)]) {
        let staging = Staging::create(out).unwrap();
        for (p, b) in pages {
            staging
                .put(Output {
                    path: PathBuf::from(p),
                    bytes: b.as_bytes().to_vec(),
                })
                .unwrap();
        }
        staging.swap_in(&Prints::new()).unwrap();
    }

    #[test]
    fn swap_replaces_the_whole_folder() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        build_into(&out, &[("a/index.html", "one"), ("old.html", "x")]);
        build_into(&out, &[("a/index.html", "two")]);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("old.html").exists());
        assert!(!site.path().join(".public.plein-staging").exists());
        assert!(!site.path().join(".public.plein-lock").exists());
    }

    #[test]
    fn a_dropped_staging_folder_leaves_the_output_alone() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        build_into(&out, &[("index.html", "good")]);
        let staging = Staging::create(&out).unwrap();
        staging
            .put(Output {
                path: PathBuf::from("index.html"),
                bytes: b"half".to_vec(),
            })
            .unwrap();
        drop(staging);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "good");
        assert!(!site.path().join(".public.plein-staging").exists());
    }
}
