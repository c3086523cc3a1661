//! Walk the site folder and read its files: content, templates, words and static files.
//!
//! Paths are kept relative to the site root, as editors see them. Text is normalised once
//! here (no byte order mark, `\n` line ends) so later stages count lines the same way on
//! every platform. This stage knows nothing of front matter or Markdown.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics, Problem};
use crate::ground::text::{BUILT_IN, normalise};

/// A text file of the site, relative to the root.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Shared, so parsed documents and the serve cache hold the text without copying it.
    pub text: std::sync::Arc<str>,
}

/// A file copied as it is into the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Where it is, relative to the site root.
    pub source: PathBuf,
    /// Where it goes, relative to the output folder.
    pub target: PathBuf,
}

/// Everything read from the site folder.
#[derive(Debug, Default)]
pub struct SiteFiles {
    pub content: Vec<SourceFile>,
    /// Images and other files beside content, copied next to the page they belong to.
    pub content_assets: Vec<PathBuf>,
    /// Templates by name (`story.html`), the site's own overriding the theme's.
    pub templates: Vec<(String, SourceFile)>,
    /// The theme's words for the site language, then the site's own overrides.
    pub words: Vec<SourceFile>,
    /// Theme static files, then the site's own; a later one with the same target wins.
    pub statics: Vec<Asset>,
    /// Static files of the built-in theme, when the site has no theme folder of its own.
    pub embedded_statics: Vec<(PathBuf, &'static [u8])>,
}

/// The built-in "buurt" theme, compiled into the binary.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/theme.rs"));
}

/// Read the site at `root`, using the theme `theme` and words for `lang`.
pub fn site_files(root: &Path, theme: &str, lang: &str, errs: &mut Diagnostics) -> SiteFiles {
    let theme_dir = Path::new("themes").join(theme);
    let mut files = SiteFiles::default();
    let on_disk = root.join(&theme_dir).is_dir();
    if !on_disk && theme == "buurt" {
        files.add_embedded(lang);
    } else if !on_disk {
        errs.push(Diagnostic::in_file(
            Path::new("plein.yaml"),
            Problem::told(
                "unknown-theme",
                &[("theme", &theme), ("folder", &theme_dir.display())],
            ),
        ));
    }
    let (markdown, other) = walk(root, Path::new("content"), errs)
        .into_iter()
        .partition::<Vec<_>, _>(|p| p.extension().is_some_and(|e| e == "md"));
    files.content = read_all(root, markdown, errs);
    files.content_assets = other;
    let own_templates = templates(root, &theme_dir, errs);
    let mut by_name: std::collections::BTreeMap<String, SourceFile> =
        std::mem::take(&mut files.templates).into_iter().collect();
    by_name.extend(own_templates);
    files.templates = by_name.into_iter().collect();
    let word_file = format!("{lang}.yaml");
    let i18n_dirs = if on_disk {
        vec![theme_dir.join("i18n"), PathBuf::from("i18n")]
    } else {
        vec![PathBuf::from("i18n")]
    };
    for dir in i18n_dirs {
        let path = dir.join(&word_file);
        if root.join(&path).is_file() {
            files.words.extend(read_all(root, vec![path], errs));
        }
    }
    for dir in [theme_dir.join("static"), PathBuf::from("static")] {
        for source in walk(root, &dir, errs) {
            let target = source
                .strip_prefix(&dir)
                .expect("walked under dir")
                .to_path_buf();
            files.statics.push(Asset { source, target });
        }
    }
    files
}

impl SiteFiles {
    /// Templates, words and static files of the built-in theme.
    fn add_embedded(&mut self, lang: &str) {
        let words = format!("i18n/{lang}.yaml");
        for (rel, bytes) in embedded::FILES {
            let text = || normalise(&String::from_utf8_lossy(bytes)).into();
            let path = Path::new(BUILT_IN).join(rel);
            if let Some(name) = rel.strip_prefix("templates/") {
                self.templates
                    .push((name.to_string(), SourceFile { path, text: text() }));
            } else if *rel == words {
                self.words.push(SourceFile { path, text: text() });
            } else if let Some(target) = rel.strip_prefix("static/") {
                self.embedded_statics.push((PathBuf::from(target), bytes));
            }
        }
    }
}

fn templates(root: &Path, theme_dir: &Path, errs: &mut Diagnostics) -> Vec<(String, SourceFile)> {
    let mut by_name = std::collections::BTreeMap::new();
    for dir in [theme_dir.join("templates"), PathBuf::from("templates")] {
        let paths = walk(root, &dir, errs);
        for file in read_all(root, paths, errs) {
            let name = file.path.strip_prefix(&dir).expect("walked under dir");
            let name = name.to_string_lossy().replace('\\', "/");
            by_name.insert(name, file);
        }
    }
    by_name.into_iter().collect()
}

/// Files under `root/dir`, relative to `root`, sorted, hidden and editor scratch files left out.
pub fn walk(root: &Path, dir: &Path, errs: &mut Diagnostics) -> Vec<PathBuf> {
    let top = root.join(dir);
    if !top.is_dir() {
        return Vec::new();
    }
    let mut paths = Vec::new();
    let walker = WalkDir::new(&top).follow_links(true).sort_by_file_name();
    for entry in walker
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_scratch(e.file_name()))
    {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(root).expect("walked under root");
                paths.push(rel.to_path_buf());
            }
            Ok(_) => {}
            Err(e) => {
                let at = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .unwrap_or(dir);
                errs.push(Diagnostic::in_file(at, walk_error(&e)));
            }
        }
    }
    paths
}

fn walk_error(e: &walkdir::Error) -> Problem {
    if let Some(ancestor) = e.loop_ancestor() {
        return Problem::told("link-loop", &[("folder", &ancestor.display())]);
    }
    match e.io_error() {
        Some(io) => Problem::unreadable(io),
        None => Problem::told("read", &[("kind", &"other"), ("reason", e)]),
    }
}

/// Hidden files and the scratch files editors leave while saving.
pub fn is_scratch(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

fn read_all(root: &Path, paths: Vec<PathBuf>, errs: &mut Diagnostics) -> Vec<SourceFile> {
    let results: Vec<Result<SourceFile, Diagnostic>> =
        paths.into_par_iter().map(|p| read_text(root, p)).collect();
    let mut files = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(d) => errs.push(d),
        }
    }
    files
}

/// Read one file as normalised UTF-8 text.
pub fn read_text(root: &Path, path: PathBuf) -> Result<SourceFile, Diagnostic> {
    let bytes = std::fs::read(root.join(&path))
        .map_err(|e| Diagnostic::in_file(&path, Problem::unreadable(&e)))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            text: normalised(text).into(),
            path,
        }),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).expect("valid prefix");
            let (line, column) = crate::diagnostic::line_column(valid, valid.len());
            Err(Diagnostic::at(&path, valid, line, column, Problem::NotUtf8))
        }
    }
}

/// `text` without a byte order mark and with `\n` line ends, not copied when it has neither.
fn normalised(text: String) -> String {
    if text.starts_with('\u{feff}') || text.contains('\r') {
        normalise(&text)
    } else {
        text
    }
}

/// Bring `files` up to date with the content paths in `changed` (relative to `root`),
/// reading only those; `problems` are the reading problems of the content files.
/// Returns false when a full load is needed instead: a change outside content/ or a new folder.
pub fn refresh(
    root: &Path,
    files: &mut SiteFiles,
    problems: &mut Vec<Diagnostic>,
    changed: &std::collections::BTreeSet<PathBuf>,
) -> bool {
    if changed
        .iter()
        .any(|p| !p.starts_with("content") || root.join(p).is_dir())
    {
        return false;
    }
    for path in changed {
        files.content.retain(|f| !f.path.starts_with(path));
        files.content_assets.retain(|a| !a.starts_with(path));
        problems.retain(|d| d.at.as_ref().is_none_or(|at| !at.path.starts_with(path)));
        if !root.join(path).is_file() || path.iter().any(is_scratch) {
            continue;
        }
        if path.extension().is_some_and(|e| e == "md") {
            match read_text(root, path.clone()) {
                Ok(file) => files.content.push(file),
                Err(d) => problems.push(d),
            }
        } else {
            files.content_assets.push(path.clone());
        }
    }
    files.content.sort_by(|a, b| a.path.cmp(&b.path));
    files.content_assets.sort();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_strips_bom_and_crlf() {
        assert_eq!(normalise("\u{feff}a\r\nb\r\n"), "a\nb\n");
        assert_eq!(normalised("\u{feff}a\r\nb".to_string()), "a\nb");
        assert_eq!(normalised("a\nb".to_string()), "a\nb");
    }

    #[test]
    fn scratch_files_are_recognised() {
        for name in [".hidden", "story.md~", ".story.md.swp", "#story.md#"] {
            assert!(is_scratch(std::ffi::OsStr::new(name)), "{name}");
        }
        assert!(!is_scratch(std::ffi::OsStr::new("story.md")));
    }
}
