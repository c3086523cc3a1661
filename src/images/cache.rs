//! The picture cache: every resized copy plein makes, kept in `<site>/.plein-cache/images/`,
//! outside the output folder, so that a build into a fresh output (a new checkout, a CI job
//! that restores the folder) resizes nothing it has made before.
//!
//! A copy's file name is its fingerprint in hexadecimal with the extension of its format:
//! the fingerprint covers the source's bytes, the width, the format, the encoder's quality
//! and the recipe ([`super::RECIPE`]), so a changed photo or setting never finds an old
//! copy. Files are written under a temporary name and renamed into place, so a killed build
//! leaves no half copy behind. After a build, [`Cache::prune`] removes the copies that no
//! picture of the site needs any more, so the cache never holds more than one site's worth.
//! The cache is an optimisation only: a folder that cannot be read or written costs time,
//! never a failed build. Knows nothing of pages or of the output folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where the cache lives, relative to the site root.
pub(crate) const FOLDER: &str = ".plein-cache/images";

/// The picture cache of one site, and what a build took from it.
pub(crate) struct Cache {
    dir: PathBuf,
    /// False when `.plein-cache` or its `images` is a symbolic link (or not a folder): then
    /// the cache is not used, so plein never writes or removes files outside the site through it.
    usable: bool,
    /// Copies taken from the cache.
    pub(crate) hits: AtomicUsize,
}

impl Cache {
    /// The cache of the site at `root`.
    pub(crate) fn of(root: &Path) -> Cache {
        let dir = root.join(FOLDER);
        let parts = [dir.parent().unwrap_or(&dir), dir.as_path()];
        // A part that is not there yet is made as a real folder by `put`.
        let usable = parts
            .iter()
            .all(|part| match std::fs::symlink_metadata(part) {
                Ok(meta) => meta.file_type().is_dir(),
                Err(_) => true,
            });
        Cache {
            dir,
            usable,
            hits: AtomicUsize::new(0),
        }
    }

    /// The file of the copy with fingerprint `print` in format `ext`.
    fn file(&self, print: u64, ext: &str) -> PathBuf {
        self.dir.join(name(print, ext))
    }

    /// The copy made before, if the cache has it.
    pub(crate) fn get(&self, print: u64, ext: &str) -> Option<Vec<u8>> {
        if !self.usable {
            return None;
        }
        let bytes = std::fs::read(self.file(print, ext)).ok()?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(bytes)
    }

    /// Keep a copy for next time; a cache that cannot be written is passed over.
    pub(crate) fn put(&self, print: u64, ext: &str, bytes: &[u8]) {
        if self.usable {
            write_whole(&self.file(print, ext), bytes);
        }
    }

    /// The cache's folder, when it may be used.
    pub(crate) fn folder(&self) -> Option<&Path> {
        self.usable.then_some(self.dir.as_path())
    }

    /// Remove every copy (and every temporary file a killed build left) whose name is not
    /// in `keep`. Only files of the cache's own naming are touched.
    pub(crate) fn prune(&self, keep: &HashSet<String>) {
        if !self.usable {
            return;
        }
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(file) = file_name.to_str() else {
                continue;
            };
            let own = is_copy_name(file) || is_temporary(file);
            if own && !keep.contains(file) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Write `file` in the cache folder under a temporary name and rename it into place, so a
/// killed build leaves no half file behind; a file that cannot be written is passed over.
pub(crate) fn write_whole(file: &Path, bytes: &[u8]) {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else {
        return;
    };
    let thread = format!("{:?}", std::thread::current().id());
    let digits: String = thread.chars().filter(char::is_ascii_digit).collect();
    let temporary = dir.join(format!(
        ".{}.{}-{digits}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::create_dir_all(dir)
        .and_then(|_| std::fs::write(&temporary, bytes))
        .and_then(|_| std::fs::rename(&temporary, file));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
}

/// The cache file name of a copy.
pub(crate) fn name(print: u64, ext: &str) -> String {
    format!("{print:016x}.{ext}")
}

/// Whether `file` is named as a copy: sixteen hexadecimal digits and a picture extension.
fn is_copy_name(file: &str) -> bool {
    let Some((print, ext)) = file.split_once('.') else {
        return false;
    };
    print.len() == 16
        && print.bytes().all(|b| b.is_ascii_hexdigit())
        && matches!(ext, "jpg" | "png" | "webp")
}

/// Whether `file` is a temporary file of [`write_whole`], for a copy or the list of pictures.
fn is_temporary(file: &str) -> bool {
    file.strip_prefix('.')
        .and_then(|rest| rest.rsplit_once('.'))
        .is_some_and(|(copy, _)| is_copy_name(copy) || copy == super::known::FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_folder_that_is_a_link_elsewhere_is_not_used() {
        let site = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let copy = name(0xab, "jpg");
        std::fs::write(elsewhere.path().join(&copy), "not plein's").unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), site.path().join(".plein-cache")).unwrap();
        let cache = Cache::of(site.path());
        cache.put(0xcd, "jpg", b"copy");
        cache.prune(&HashSet::new());
        assert_eq!(cache.get(0xab, "jpg"), None);
        let mut left: Vec<_> = std::fs::read_dir(elsewhere.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [std::ffi::OsString::from(copy)],
            "nothing written or removed there"
        );
    }

    #[test]
    fn only_the_caches_own_files_are_pruned() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let cache = Cache::of(dir.path());
        cache.put(1, "jpg", b"one");
        cache.put(2, "webp", b"two");
        std::fs::write(dir.path().join(FOLDER).join("notes.txt"), "mine").expect("write");
        let leftover = format!(".{}.12-3", name(3, "jpg"));
        std::fs::write(dir.path().join(FOLDER).join(&leftover), "half").expect("write");
        cache.prune(&HashSet::from([name(1, "jpg")]));
        let mut left: Vec<String> = std::fs::read_dir(dir.path().join(FOLDER))
            .expect("the cache folder")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [name(1, "jpg"), "notes.txt".to_string()]);
        assert_eq!(cache.get(1, "jpg").as_deref(), Some(&b"one"[..]));
        assert_eq!(cache.get(2, "webp"), None);
    }
}
