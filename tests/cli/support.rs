//! Helpers: copy a fixture site to a temp folder, run plein, read and hash its output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixture copied into a fresh temporary folder.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// A copy of `tests/sites/<name>`.
    pub fn copy(name: &str) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(&fixture(name), dir.path());
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Make this an English site: plein then speaks English to its editors.
    pub fn english(&self) {
        let path = self.root().join("plein.yaml");
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        text.push_str("\nlanguage: en\n");
        std::fs::write(path, text).unwrap();
    }

    /// Lay the files of another fixture over this one.
    pub fn overlay(&self, name: &str) {
        copy_tree(&fixture(name), self.root());
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Replace `from` with `to` in the file `rel`, as an editor would.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.root().join(rel)).unwrap();
        assert!(text.contains(from), "{rel} has no `{from}`");
        self.write(rel, &text.replace(from, to));
    }

    /// Run plein with `args`, `--root` pointing here, in this folder.
    pub fn plein(&self, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--root", self.root().to_str().unwrap()]);
        plein_in(self.root(), &all)
    }

    /// The text of an output file, such as `verhalen/x/index.html`.
    pub fn page(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sites")
        .join(name)
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// What one run of plein did.
pub struct Run {
    pub code: Option<i32>,
    pub stderr: String,
}

pub fn plein_in(dir: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(args)
        .current_dir(dir)
        .env("PLEIN_NOW", "2026-11-25T12:00:00Z")
        .env_remove("NO_COLOR")
        .output()
        .expect("run plein");
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    }
}

impl Run {
    #[track_caller]
    pub fn ok(&self) -> &Self {
        assert_eq!(self.code, Some(0), "plein failed:\n{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn fails(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit {code}, stderr:\n{}",
            self.stderr
        );
        self
    }
}

/// Every file under `dir` with its bytes, for comparing whole trees.
pub fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The `<main>` element of a page, for snapshots that do not change with the header.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("page has <main>");
    let end = html.rfind("</main>").expect("page has </main>") + "</main>".len();
    &html[start..end]
}

/// Every `href` and `src` value in `html`.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            out.push(rest[..end].replace("&amp;", "&"));
        }
    }
    out
}
