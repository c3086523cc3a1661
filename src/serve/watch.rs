//! Watching the site folder: file events gathered into one batch per save.
//!
//! Editors save in many ways (in place, temp file and rename, delete and recreate, many files
//! at once by git); every way ends in a burst of events, which are collected until the folder
//! has been quiet for a short while and then handed on as one set of changed paths.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// How long the folder must be quiet before a rebuild starts.
pub const QUIET: Duration = Duration::from_millis(30);

/// Whether a change to `path` (absolute) can change the site.
pub fn matters(root: &Path, ignored: &[PathBuf], path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    if ignored.iter().any(|i| path.starts_with(i)) {
        return false;
    }
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    let site_part = matches!(
        first.as_str(),
        "content" | "themes" | "templates" | "static" | "i18n" | "plein.yaml"
    );
    site_part
        && !rel
            .components()
            .any(|c| crate::load::is_scratch(c.as_os_str()))
}

/// Wait for the next batch of relevant changes; `None` when the watcher has gone.
/// What the serve loop waits for: file events, or a search index made on another thread.
pub enum Message {
    File(notify::Result<notify::Event>),
    /// The index files made for the rebuild with this generation number.
    Index(u64, Vec<(String, Vec<u8>)>),
}

/// What the serve loop does next.
pub enum Next {
    Rebuild(BTreeSet<PathBuf>),
    Index(u64, Vec<(String, Vec<u8>)>),
}

/// Wait for the next batch of relevant changes or a finished index; `None` when the watcher
/// has gone.
pub fn next_batch(events: &Receiver<Message>, root: &Path, ignored: &[PathBuf]) -> Option<Next> {
    let mut changed = BTreeSet::new();
    loop {
        match events.recv().ok()? {
            Message::File(event) => collect(event, root, ignored, &mut changed),
            Message::Index(generation, files) => return Some(Next::Index(generation, files)),
        }
        if !changed.is_empty() {
            break;
        }
    }
    loop {
        match events.recv_timeout(QUIET) {
            Ok(Message::File(event)) => collect(event, root, ignored, &mut changed),
            // A stale index for an older rebuild: the next rebuild makes a new one.
            Ok(Message::Index(..)) => {}
            Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                return Some(Next::Rebuild(changed));
            }
        }
    }
}

fn collect(
    event: notify::Result<notify::Event>,
    root: &Path,
    ignored: &[PathBuf],
    changed: &mut BTreeSet<PathBuf>,
) {
    let Ok(event) = event else { return };
    if matches!(event.kind, notify::EventKind::Access(_)) {
        return;
    }
    for path in event.paths {
        if matters(root, ignored, &path) {
            changed.insert(path.strip_prefix(root).unwrap_or(&path).to_path_buf());
        }
    }
}

/// Whether every change is to a stylesheet, which pages can swap without reloading.
pub fn only_css(changed: &BTreeSet<PathBuf>) -> bool {
    !changed.is_empty()
        && changed
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "css"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_files_matter() {
        let root = Path::new("/site");
        let ignored = [PathBuf::from("/site/public")];
        assert!(matters(
            root,
            &ignored,
            Path::new("/site/content/stories/a.md")
        ));
        assert!(matters(root, &ignored, Path::new("/site/plein.yaml")));
        assert!(!matters(
            root,
            &ignored,
            Path::new("/site/public/index.html")
        ));
        assert!(!matters(
            root,
            &ignored,
            Path::new("/site/content/stories/.a.md.swp")
        ));
        assert!(!matters(
            root,
            &ignored,
            Path::new("/site/content/stories/a.md~")
        ));
        assert!(!matters(root, &ignored, Path::new("/site/.git/index")));
    }

    #[test]
    fn css_only_changes() {
        let set = |v: &[&str]| v.iter().map(PathBuf::from).collect::<BTreeSet<_>>();
        assert!(only_css(&set(&["static/style.css"])));
        assert!(!only_css(&set(&[
            "static/style.css",
            "content/stories/a.md"
        ])));
    }
}
