//! Write: the rendered site into a staging folder beside the output, then swapped in.
//!
//! The previous output stays byte-identical until the swap, which on Linux is one atomic
//! `renameat2(RENAME_EXCHANGE)`. The guard refuses output folders that would put the site's
//! own files at risk. Nothing here knows of templates or Markdown.

use std::collections::HashSet;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

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
/// replaces the output at once. Dropped without [`Staging::swap_in`], it is left as it is and
/// the output stays exactly as it was.
///
/// After a swap the staging folder holds the output before, and the next build writes into it
/// again instead of removing it and making every folder anew: on the disk, creating and
/// removing tens of thousands of folders per build was most of a build's system time (ext4
/// without a journal searches past every inode freed in the last minutes on each new one).
/// Its files are only trusted for what they are, never for what they hold: a page written
/// again replaces a file the output shares, every file and folder this build does not make is
/// removed before the swap, and a link or other special file in it is removed, never followed.
pub(crate) struct Staging {
    output: PathBuf,
    dir: PathBuf,
    _lock: Lock,
    /// What the staging folder held when this build first wrote to it.
    found: OnceLock<Found>,
    /// Folders made or found to hold this build's files.
    made: Mutex<HashSet<PathBuf>>,
    /// Files written, copied or kept by this build, relative to the folder.
    placed: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    bytes: AtomicU64,
}

/// The files and folders in a reused staging folder, relative to it.
#[derive(Default)]
struct Found {
    dirs: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
}

impl Staging {
    /// Take the lock for `output` (already guarded) and make the staging folder, or keep the
    /// one the build before left.
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
        match fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => fs::remove_file(&dir).map_err(|e| write_error(&dir, e))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(write_error(&dir, e)),
        }
        match fs::create_dir(&dir) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                return Err(write_error(&dir, e));
            }
            _ => {}
        }
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            _lock: lock,
            found: OnceLock::new(),
            made: Mutex::new(HashSet::from([PathBuf::new()])),
            placed: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        })
    }

    /// What the staging folder held, read once, when this build first needs it: a build that
    /// finds nothing changed never reads it.
    fn found(&self) -> &Found {
        self.found.get_or_init(|| survey(&self.dir))
    }

    /// Write one rendered file; safe to call from many threads at once.
    pub(crate) fn put(&self, o: Output) -> Result<(), Diagnostic> {
        self.place(&o.path, |to| fs::write(to, &o.bytes))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes
            .fetch_add(o.bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Copy static and content files, sources relative to `root`.
    pub(crate) fn copy(&self, root: &Path, copies: &[Asset]) -> Result<usize, Diagnostic> {
        copies.par_iter().try_for_each(|c| {
            let from = root.join(&c.source);
            self.place(&c.target, |to| fs::copy(&from, to).map(|_| ()))
        })?;
        Ok(copies.len())
    }

    /// Make the file `rel` with `make`, given its full path. A file already there is written
    /// over only when nothing else shares it (it may be the output's own file, linked); a
    /// folder in its place is removed.
    fn place(
        &self,
        rel: &Path,
        make: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> Result<(), Diagnostic> {
        self.make_parent(rel)?;
        let to = self.dir.join(rel);
        let found = self.found();
        if found.files.contains(rel) {
            match fs::symlink_metadata(&to) {
                Ok(m) if m.is_file() && !shared(&m) => {}
                Ok(m) if m.is_dir() => remove_if_there(&to)?,
                Ok(_) => remove_file_if_there(&to)?,
                Err(_) => {}
            }
        } else if found.dirs.contains(rel) {
            remove_if_there(&to)?;
        }
        make(&to).map_err(|e| write_error(&to, e))?;
        self.placed
            .lock()
            .expect("no panics while holding the lock")
            .insert(rel.to_path_buf());
        Ok(())
    }

    /// Make the folder `rel` goes in, unless this build or the one before made it; a file
    /// where a folder must be is removed.
    fn make_parent(&self, rel: &Path) -> Result<(), Diagnostic> {
        let Some(parent) = rel.parent() else {
            return Ok(());
        };
        let made = || self.made.lock().expect("no panics while holding the lock");
        if made().contains(parent) {
            return Ok(());
        }
        let found = self.found();
        if !found.dirs.contains(parent) {
            for above in parent.ancestors().filter(|a| found.files.contains(*a)) {
                remove_file_if_there(&self.dir.join(above))?;
            }
            let full = self.dir.join(parent);
            fs::create_dir_all(&full).map_err(|e| write_error(&full, e))?;
        }
        made().insert(parent.to_path_buf());
        Ok(())
    }

    /// Mark the folder as plein's and put it in place of the output, atomically.
    pub(crate) fn swap_in(self, pages: &Prints) -> Result<Written, Diagnostic> {
        self.place(Path::new(MARKER), |to| fs::write(to, marker_text(pages)))?;
        self.remove_the_rest()?;
        if self.output.exists() {
            exchange(&self.dir, &self.output)?;
        } else {
            fs::rename(&self.dir, &self.output).map_err(|e| write_error(&self.output, e))?;
        }
        Ok(Written {
            pages: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }

    /// Remove every file and folder of the reused staging folder this build did not make.
    fn remove_the_rest(&self) -> Result<(), Diagnostic> {
        let found = self.found();
        let placed = self
            .placed
            .lock()
            .expect("no panics while holding the lock");
        let mut needed: HashSet<&Path> = HashSet::new();
        for rel in placed.iter() {
            for above in rel.ancestors().skip(1) {
                if !needed.insert(above) {
                    break;
                }
            }
        }
        let gone: Vec<&PathBuf> = found
            .dirs
            .iter()
            .filter(|d| !needed.contains(d.as_path()) && !placed.contains(*d))
            .collect();
        // Only the top of each removed branch: what is under it goes with it.
        let tops: Vec<&&PathBuf> = gone
            .iter()
            .filter(|d| d.parent().is_none_or(|p| needed.contains(p)))
            .collect();
        tops.par_iter()
            .try_for_each(|d| remove_if_there(&self.dir.join(d)))?;
        let stale: Vec<&PathBuf> = found
            .files
            .iter()
            .filter(|f| !placed.contains(*f) && !needed.contains(f.as_path()))
            .filter(|f| f.parent().is_none_or(|p| needed.contains(p)))
            .collect();
        stale
            .par_iter()
            .try_for_each(|f| remove_file_if_there(&self.dir.join(f)))
    }

    /// Bring the pages of `pages` that were not rendered (unchanged since the previous build)
    /// over from the current output, as hard links where the file system allows.
    pub(crate) fn keep_unchanged(&self, pages: &Prints) -> Result<usize, Diagnostic> {
        let kept: Vec<&Path> = {
            let placed = self
                .placed
                .lock()
                .expect("no panics while holding the lock");
            pages
                .keys()
                .map(Path::new)
                .filter(|p| !placed.contains(*p))
                .collect()
        };
        kept.par_iter().try_for_each(|rel| {
            let from = self.output.join(rel);
            if self.found().files.contains(*rel) && same_file(&from, &self.dir.join(rel)) {
                self.make_parent(rel)?;
                self.placed
                    .lock()
                    .expect("no panics while holding the lock")
                    .insert(rel.to_path_buf());
                return Ok(());
            }
            self.place(rel, |to| {
                match fs::remove_file(to) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                    _ => {}
                }
                fs::hard_link(&from, to).or_else(|_| fs::copy(&from, to).map(|_| ()))
            })
        })?;
        Ok(kept.len())
    }
}

/// The files and folders of a reused staging folder. Links and other special files are
/// removed at once; when any part of it cannot be read, all of it is removed and the build
/// starts from an empty folder.
fn survey(dir: &Path) -> Found {
    let mut found = Found::default();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let Ok(entry) = entry else {
            let _ = fs::remove_dir_all(dir);
            let _ = fs::create_dir(dir);
            return Found::default();
        };
        let rel = entry
            .path()
            .strip_prefix(dir)
            .expect("walked from dir")
            .to_path_buf();
        let kind = entry.file_type();
        if kind.is_dir() {
            found.dirs.insert(rel);
        } else if kind.is_file() {
            found.files.insert(rel);
        } else {
            let _ = fs::remove_file(entry.path());
        }
    }
    found
}

/// Whether a file has other names, such as the output's page it was linked from.
#[cfg(unix)]
fn shared(m: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    m.nlink() > 1
}

#[cfg(not(unix))]
fn shared(_: &fs::Metadata) -> bool {
    true
}

/// Whether two paths name the same file (one linked from the other).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.is_file() && b.is_file() && (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
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

fn remove_file_if_there(path: &Path) -> Result<(), Diagnostic> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(write_error(path, e)),
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
        // The output before stays beside it, for the next build to write into.
        let staging = site.path().join(".public.plein-staging");
        assert_eq!(fs::read_to_string(staging.join("old.html")).unwrap(), "x");
        assert!(!site.path().join(".public.plein-lock").exists());
    }

    /// Every file and folder under `dir`, relative, folders ending in `/`.
    fn listing(dir: &Path) -> Vec<String> {
        let mut all: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
                if e.file_type().is_dir() {
                    rel + "/"
                } else {
                    rel
                }
            })
            .collect();
        all.sort();
        all
    }

    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt as _;
        fs::symlink_metadata(path).unwrap().ino()
    }

    #[test]
    fn a_build_reuses_the_folders_of_the_output_before_the_last() {
        // Creating and deleting every folder of a big site on each build is what made builds
        // on the disk slow: ext4 without a journal searches past every recently freed inode.
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let pages = [("a/b/index.html", "een"), ("c/index.html", "twee")];
        build_into(&out, &pages);
        // Held open, a folder's inode cannot be given to another one, even once removed.
        let held = fs::File::open(out.join("a/b")).unwrap();
        build_into(&out, &pages);
        build_into(&out, &pages);
        use std::os::unix::fs::MetadataExt as _;
        let first = held.metadata().unwrap();
        assert!(first.nlink() > 0, "the folder was removed");
        assert_eq!(inode(&out.join("a/b")), first.ino());
        assert_eq!(
            fs::read_to_string(out.join("a/b/index.html")).unwrap(),
            "een"
        );
    }

    #[test]
    fn a_reused_staging_folder_keeps_nothing_of_the_older_build() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        build_into(
            &out,
            &[("a/index.html", "1"), ("old/x/index.html", "1"), ("f", "1")],
        );
        build_into(&out, &[("a/index.html", "2")]);
        // `f` was a file and is a folder now; `a/index.html` was a file under a folder.
        build_into(&out, &[("f/index.html", "3"), ("a", "3")]);
        assert_eq!(listing(&out), [".plein-output", "a", "f/", "f/index.html"]);
        assert_eq!(fs::read_to_string(out.join("a")).unwrap(), "3");
        build_into(&out, &[("a/index.html", "4")]);
        assert_eq!(listing(&out), [".plein-output", "a/", "a/index.html"]);
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "4");
    }

    #[test]
    fn writing_into_a_reused_folder_never_changes_the_output() {
        // The staging folder holds the output before the last, whose unchanged pages share
        // their files with the output: a page written again gets a file of its own.
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        build_into(&out, &[("a/index.html", "een"), ("b.html", "een")]);
        let staging = Staging::create(&out).unwrap();
        let prints =
            Prints::from_iter([("a/index.html".to_string(), 1), ("b.html".to_string(), 1)]);
        staging.keep_unchanged(&prints).unwrap();
        staging.swap_in(&prints).unwrap();
        let staging = Staging::create(&out).unwrap();
        for (p, b) in [("a/index.html", "twee"), ("b.html", "twee")] {
            staging
                .put(Output {
                    path: PathBuf::from(p),
                    bytes: b.as_bytes().to_vec(),
                })
                .unwrap();
        }
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "een");
        assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "een");
        staging.swap_in(&Prints::new()).unwrap();
        assert_eq!(
            fs::read_to_string(out.join("a/index.html")).unwrap(),
            "twee"
        );
    }

    #[test]
    fn a_link_left_in_the_staging_folder_is_not_followed() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let elsewhere = site.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        build_into(&out, &[("a/index.html", "een")]);
        build_into(&out, &[("a/index.html", "twee")]);
        let staging = site.path().join(".public.plein-staging");
        fs::remove_dir_all(staging.join("a")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, staging.join("a")).unwrap();
        build_into(&out, &[("a/index.html", "drie")]);
        assert_eq!(listing(&elsewhere), Vec::<String>::new());
        assert_eq!(
            fs::read_to_string(out.join("a/index.html")).unwrap(),
            "drie"
        );
        // The staging folder itself as a link is removed, not followed, too.
        fs::remove_dir_all(&staging).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &staging).unwrap();
        build_into(&out, &[("a/index.html", "vier")]);
        assert_eq!(listing(&elsewhere), Vec::<String>::new());
        assert_eq!(
            fs::read_to_string(out.join("a/index.html")).unwrap(),
            "vier"
        );
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
        assert!(!site.path().join(".public.plein-lock").exists());
        // What the dropped build left is written over by the next one.
        build_into(&out, &[("other.html", "next")]);
        assert_eq!(listing(&out), [".plein-output", "other.html"]);
    }
}
