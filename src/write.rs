//! Write: the rendered site into a staging folder beside the output, then swapped in.
//!
//! The previous output stays byte-identical until the swap, which on Linux is one atomic
//! `renameat2(RENAME_EXCHANGE)`. The guard refuses output folders that would put the site's
//! own files at risk. Nothing here knows of templates or Markdown.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Problem};
use crate::load::Asset;
use crate::render::Output;

/// The file that marks a folder as plein's output, so plein never replaces anything else.
pub const MARKER: &str = ".plein-output";

/// What a write did.
#[derive(Debug, Default)]
pub struct Written {
    pub pages: usize,
    pub copied: usize,
    pub bytes: u64,
}

/// The site folders an output folder must never be, contain or sit inside.
const SITE_FOLDERS: [&str; 5] = ["content", "themes", "templates", "static", "i18n"];

/// Check that `output` is a safe place to build into; returns it as an absolute path.
pub fn guard(root: &Path, output: &Path) -> Result<PathBuf, Diagnostic> {
    let refuse = |why: String| {
        Err(Diagnostic::general(Problem::Output(format!(
            "refusing to build into {}: {why}",
            output.display()
        ))))
    };
    let root = fs::canonicalize(root).map_err(|e| {
        Diagnostic::general(Problem::Output(format!(
            "cannot open the site folder {}: {e}",
            root.display()
        )))
    })?;
    let absolute = absolute(output);
    let Some(name) = absolute.file_name() else {
        return refuse("it is the root of the file system".into());
    };
    let parent = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
    let resolved = fs::canonicalize(&parent)
        .map(|p| p.join(name))
        .unwrap_or_else(|_| absolute.clone());
    if resolved == root {
        return refuse("it is the site folder itself".into());
    }
    if root.starts_with(&resolved) {
        return refuse("it holds the site folder".into());
    }
    for folder in SITE_FOLDERS {
        if resolved.starts_with(root.join(folder)) {
            return refuse(format!("it is inside the site's {folder}/ folder"));
        }
    }
    if resolved.is_file() {
        return refuse("it is a file".into());
    }
    if resolved.is_dir()
        && !resolved.join(MARKER).is_file()
        && fs::read_dir(&resolved).is_ok_and(|mut d| d.next().is_some())
    {
        return refuse(
            "it holds files plein did not write; empty it or choose another folder with --output"
                .into(),
        );
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

/// Write `outputs` and copy `copies` (source relative to `root`) into `output`, atomically.
pub fn swap_in(
    root: &Path,
    output: &Path,
    outputs: &[Output],
    copies: &[Asset],
) -> Result<Written, Diagnostic> {
    let name = output
        .file_name()
        .expect("guarded: has a name")
        .to_string_lossy()
        .into_owned();
    let parent = output.parent().expect("guarded: has a parent");
    fs::create_dir_all(parent).map_err(|e| write_error(parent, e))?;
    let _lock = Lock::take(&parent.join(format!(".{name}.plein-lock")))?;
    let staging = parent.join(format!(".{name}.plein-staging"));
    remove_if_there(&staging)?;
    fs::create_dir(&staging).map_err(|e| write_error(&staging, e))?;
    let written = fill(root, &staging, outputs, copies);
    let written = match written {
        Ok(w) => w,
        Err(d) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(d);
        }
    };
    if output.exists() {
        exchange(&staging, output)?;
        fs::remove_dir_all(&staging).map_err(|e| write_error(&staging, e))?;
    } else {
        fs::rename(&staging, output).map_err(|e| write_error(output, e))?;
    }
    Ok(written)
}

fn fill(
    root: &Path,
    staging: &Path,
    outputs: &[Output],
    copies: &[Asset],
) -> Result<Written, Diagnostic> {
    let mut dirs: Vec<PathBuf> = outputs
        .iter()
        .map(|o| &o.path)
        .chain(copies.iter().map(|c| &c.target))
        .filter_map(|p| p.parent())
        .map(Path::to_path_buf)
        .collect();
    dirs.sort();
    dirs.dedup();
    for dir in &dirs {
        let dir = staging.join(dir);
        fs::create_dir_all(&dir).map_err(|e| write_error(&dir, e))?;
    }
    outputs.par_iter().try_for_each(|o| {
        let path = staging.join(&o.path);
        fs::write(&path, &o.bytes).map_err(|e| write_error(&path, e))
    })?;
    copies.par_iter().try_for_each(|c| {
        let to = staging.join(&c.target);
        fs::copy(root.join(&c.source), &to)
            .map(|_| ())
            .map_err(|e| write_error(&to, e))
    })?;
    let marker = staging.join(MARKER);
    fs::write(
        &marker,
        "This folder is written by plein build; it is replaced whole on every build.\n",
    )
    .map_err(|e| write_error(&marker, e))?;
    let bytes = outputs.iter().map(|o| o.bytes.len() as u64).sum();
    Ok(Written {
        pages: outputs.len(),
        copied: copies.len(),
        bytes,
    })
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
    Diagnostic::general(Problem::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// A lock file beside the output, so two builds never write the same folder at once.
struct Lock(PathBuf);

impl Lock {
    fn take(path: &Path) -> Result<Lock, Diagnostic> {
        for _ in 0..2 {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
            {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock(path.to_path_buf()));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if holder_alive(path) {
                        let message = format!(
                            "another plein build is writing this output folder now (lock file {}); wait for it to finish",
                            path.display()
                        );
                        return Err(Diagnostic::general(Problem::Output(message)));
                    }
                    let _ = fs::remove_file(path);
                }
                Err(e) => return Err(write_error(path, e)),
            }
        }
        Err(Diagnostic::general(Problem::Output(format!(
            "cannot take the lock file {}",
            path.display()
        ))))
    }
}

/// Whether the process named in a lock file still runs; a lock from a killed build is stale.
fn holder_alive(path: &Path) -> bool {
    let Ok(text) = fs::read_to_string(path) else {
        return false;
    };
    match text.trim().parse::<u32>() {
        Ok(pid) => Path::new(&format!("/proc/{pid}")).exists() || !Path::new("/proc/self").exists(),
        Err(_) => false,
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
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

    #[test]
    fn swap_replaces_the_whole_folder() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let page = |p: &str, b: &str| Output {
            path: PathBuf::from(p),
            bytes: b.as_bytes().to_vec(),
        };
        swap_in(
            site.path(),
            &out,
            &[page("a/index.html", "one"), page("old.html", "x")],
            &[],
        )
        .unwrap();
        swap_in(site.path(), &out, &[page("a/index.html", "two")], &[]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("old.html").exists());
        assert!(!site.path().join(".public.plein-staging").exists());
        assert!(!site.path().join(".public.plein-lock").exists());
    }
}
