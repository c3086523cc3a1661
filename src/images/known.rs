//! What plein knows of each picture from the build before: its stored size, how it must be
//! turned and the hash of its bytes, kept in `<site>/.plein-cache/images/pictures` beside the
//! resized copies.
//!
//! Planning a picture needs those three, and finding them means reading the whole file: a
//! phone photo is 3–6 MB, so a site of a thousand photos read 5 GB on every build and on
//! every edit in `plein serve`. A picture whose file is as it was (same length, modification
//! and change time, and inode, as the file system tells them) is not read again. The change
//! time cannot be set by a program, so a photo replaced by another, even one given the old
//! modification time, is read again. Like the cache, this is an optimisation only: a file
//! that cannot be read or written, or a line that does not make sense, costs a read, never
//! a wrong build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use image::metadata::Orientation;

use super::cache;

/// The file's name in the cache folder.
pub(super) const FILE: &str = "pictures";

/// The first line of the file: a file of another layout is not read.
const HEADER: &str = "plein pictures 1";

/// How the file system describes a file: equal stamps, unchanged file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: i128,
    changed: i128,
    inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path`, if the system gives one.
    pub(crate) fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        stamp(&meta)
    }
}

#[cfg(unix)]
fn stamp(meta: &std::fs::Metadata) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let nanos = |s: i64, ns: i64| i128::from(s) * 1_000_000_000 + i128::from(ns);
    Some(Stamp {
        len: meta.len(),
        modified: nanos(meta.mtime(), meta.mtime_nsec()),
        changed: nanos(meta.ctime(), meta.ctime_nsec()),
        inode: meta.ino(),
    })
}

#[cfg(not(unix))]
fn stamp(_meta: &std::fs::Metadata) -> Option<Stamp> {
    // Without a change time a replaced file could look the same: always read.
    None
}

/// What planning a picture learns from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Facts {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) turn: Orientation,
    pub(crate) hash: u64,
}

/// The pictures known from the build before, by source path relative to the site root.
#[derive(Default)]
pub(crate) struct Known {
    file: Option<PathBuf>,
    pictures: HashMap<PathBuf, (Stamp, Facts)>,
}

impl Known {
    /// What the site at `root` knew after its last build; nothing when the cache folder is
    /// not usable or the file is missing or of another layout.
    pub(crate) fn of(root: &Path) -> Known {
        let cache = cache::Cache::of(root);
        let Some(dir) = cache.folder() else {
            return Known::default();
        };
        let file = dir.join(FILE);
        let pictures = std::fs::read_to_string(&file)
            .ok()
            .filter(|text| text.lines().next() == Some(HEADER))
            .map(|text| text.lines().skip(1).filter_map(line).collect())
            .unwrap_or_default();
        Known {
            file: Some(file),
            pictures,
        }
    }

    /// The facts of `source` if its file is as it was.
    pub(crate) fn get(&self, source: &Path, now: Option<Stamp>) -> Option<Facts> {
        let (was, facts) = self.pictures.get(source)?;
        (Some(*was) == now).then_some(*facts)
    }

    /// Keep exactly `pictures` for the next build, if anything changed.
    pub(crate) fn save(self, pictures: HashMap<PathBuf, (Stamp, Facts)>) {
        let Some(file) = self.file else {
            return;
        };
        if pictures == self.pictures {
            return;
        }
        let mut lines: Vec<String> = pictures
            .iter()
            .filter_map(|(source, (s, f))| {
                let source = source
                    .to_str()
                    .filter(|p| !p.contains(['\t', '\n', '\r']))?;
                Some(format!(
                    "{source}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:016x}",
                    s.len,
                    s.modified,
                    s.changed,
                    s.inode,
                    f.width,
                    f.height,
                    f.turn.to_exif(),
                    f.hash
                ))
            })
            .collect();
        lines.sort();
        let text = format!("{HEADER}\n{}\n", lines.join("\n"));
        cache::write_whole(&file, text.as_bytes());
    }
}

/// One picture from a line of the file; `None` for a line that does not make sense.
fn line(text: &str) -> Option<(PathBuf, (Stamp, Facts))> {
    let mut parts = text.split('\t');
    let source = PathBuf::from(parts.next()?);
    let mut next = || parts.next();
    let stamp = Stamp {
        len: next()?.parse().ok()?,
        modified: next()?.parse().ok()?,
        changed: next()?.parse().ok()?,
        inode: next()?.parse().ok()?,
    };
    let facts = Facts {
        width: next()?.parse().ok()?,
        height: next()?.parse().ok()?,
        turn: Orientation::from_exif(next()?.parse().ok()?)?,
        hash: u64::from_str_radix(next()?, 16).ok()?,
    };
    if next().is_some() || source.is_absolute() || source.as_os_str().is_empty() {
        return None;
    }
    Some((source, (stamp, facts)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(hash: u64) -> Facts {
        Facts {
            width: 4000,
            height: 3000,
            turn: Orientation::Rotate90,
            hash,
        }
    }

    #[test]
    fn what_is_saved_is_known_while_the_file_stays_the_same() {
        let site = tempfile::tempdir().unwrap();
        let photo = site.path().join("foto.jpg");
        std::fs::write(&photo, b"first").unwrap();
        let stamp = Stamp::of(&photo).unwrap();
        let source = PathBuf::from("foto.jpg");
        Known::of(site.path()).save(HashMap::from([(source.clone(), (stamp, facts(7)))]));
        let known = Known::of(site.path());
        assert_eq!(known.get(&source, Stamp::of(&photo)), Some(facts(7)));
        // Rewritten in place with bytes of the same length: the change time moves.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&photo, b"other").unwrap();
        assert_eq!(known.get(&source, Stamp::of(&photo)), None);
    }

    #[test]
    fn lines_that_make_no_sense_are_passed_over() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join(cache::FOLDER);
        std::fs::create_dir_all(&dir).unwrap();
        let good = "a.jpg\t5\t1\t2\t3\t40\t30\t6\t00000000000000ff";
        let text = format!(
            "{HEADER}\n{good}\nb.jpg\t5\t1\n/etc/c.jpg\t5\t1\t2\t3\t40\t30\t6\tff\nd.jpg\t5\t1\t2\t3\t40\t30\t9\tff\n{good}\textra\n"
        );
        std::fs::write(dir.join(FILE), text).unwrap();
        let known = Known::of(site.path());
        assert_eq!(known.pictures.len(), 1);
        let (stamp, facts) = known.pictures[Path::new("a.jpg")];
        assert_eq!(
            (stamp.len, facts.turn, facts.hash),
            (5, Orientation::Rotate90, 255)
        );
    }

    #[test]
    fn a_file_of_another_layout_is_not_read() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join(cache::FOLDER);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(FILE),
            "plein pictures 0\na.jpg\t5\t1\t2\t3\t40\t30\t6\tff\n",
        )
        .unwrap();
        assert!(Known::of(site.path()).pictures.is_empty());
    }
}
