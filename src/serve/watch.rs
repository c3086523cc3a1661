//! Watching the site folder: file events gathered into one batch per save.
//!
//! Editors save in many ways (in place, temp file and rename, delete and recreate, many files
//! at once by git); every way ends in a burst of events, which are collected until the folder
//! has been quiet for a short while and then handed on as one set of changed paths. Once
//! every file of the burst has been closed after writing, renamed into place or removed, the
//! save is over and a much shorter quiet time is enough.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// How long the folder must be quiet before a rebuild starts.
pub(crate) const QUIET: Duration = Duration::from_millis(30);
/// How long it must be quiet when every changed file has been written and closed, renamed
/// into place or removed: only the next file of a burst (git writes them microseconds
/// apart) is waited for.
pub(crate) const SETTLED: Duration = Duration::from_millis(5);

/// Whether a change to `path` (absolute) can change the site.
pub(crate) fn matters(root: &Path, ignored: &[PathBuf], path: &Path) -> bool {
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

/// What the serve loop waits for: file events, or a message `T` of its own (such as work
/// finished on another thread) that wakes it as well.
pub(crate) enum Message<T> {
    File(notify::Result<notify::Event>),
    Other(T),
}

/// What the serve loop does next.
pub(crate) enum Next<T> {
    Rebuild(BTreeSet<PathBuf>),
    Other(T),
}

/// Wait for the next batch of relevant changes or another message; `None` when the watcher
/// has gone. Other messages that come while a save is still being gathered are dropped: the
/// rebuild that follows makes them stale.
pub(crate) fn next_batch<T>(
    events: &Receiver<Message<T>>,
    root: &Path,
    ignored: &[PathBuf],
) -> Option<Next<T>> {
    let mut changed = BTreeSet::new();
    // Changed files still being written: their last event was not a close, rename or removal.
    let mut open = BTreeSet::new();
    loop {
        match events.recv().ok()? {
            Message::File(event) => collect(event, root, ignored, &mut changed, &mut open),
            Message::Other(other) => return Some(Next::Other(other)),
        }
        if !changed.is_empty() {
            break;
        }
    }
    loop {
        let quiet = if open.is_empty() { SETTLED } else { QUIET };
        match events.recv_timeout(quiet) {
            Ok(Message::File(event)) => collect(event, root, ignored, &mut changed, &mut open),
            Ok(Message::Other(_)) => {}
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
    open: &mut BTreeSet<PathBuf>,
) {
    use notify::EventKind::{Access, Create, Modify, Remove};
    use notify::event::{AccessKind, AccessMode, ModifyKind};
    let Ok(event) = event else { return };
    let done = match event.kind {
        Access(AccessKind::Close(AccessMode::Write)) | Remove(_) => true,
        Modify(ModifyKind::Name(_)) => true,
        Access(_) => return,
        Create(_) | Modify(_) | notify::EventKind::Any | notify::EventKind::Other => false,
    };
    for path in event.paths {
        if matters(root, ignored, &path) {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            if done {
                open.remove(&rel);
            } else {
                open.insert(rel.clone());
            }
            changed.insert(rel);
        }
    }
}

/// Whether every change is to a stylesheet, which pages can swap without reloading.
pub(crate) fn only_css(changed: &BTreeSet<PathBuf>) -> bool {
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
        // The picture cache changes during every build that resizes.
        assert!(!matters(
            root,
            &ignored,
            Path::new("/site/.plein-cache/images/0123456789abcdef.jpg")
        ));
    }

    fn event(kind: notify::EventKind, path: &str) -> notify::Result<notify::Event> {
        Ok(notify::Event::new(kind).add_path(PathBuf::from(path)))
    }

    /// The changed files of `events`, and those of them still being written.
    fn gather(events: Vec<notify::Result<notify::Event>>) -> (usize, usize) {
        let (mut changed, mut open) = (BTreeSet::new(), BTreeSet::new());
        for e in events {
            collect(e, Path::new("/site"), &[], &mut changed, &mut open);
        }
        (changed.len(), open.len())
    }

    #[test]
    fn a_closed_file_is_a_finished_save() {
        use notify::EventKind::{Access, Create, Modify, Remove};
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode,
        };
        let written = Modify(ModifyKind::Data(DataChange::Any));
        let closed = Access(AccessKind::Close(AccessMode::Write));
        let a = "/site/content/stories/a.md";
        assert_eq!(gather(vec![event(written, a)]), (1, 1));
        assert_eq!(gather(vec![event(written, a), event(closed, a)]), (1, 0));
        let b = "/site/content/stories/b.md";
        let renamed = Modify(ModifyKind::Name(RenameMode::To));
        let removed = Remove(RemoveKind::File);
        let saves = vec![
            event(Create(CreateKind::File), b),
            event(renamed, b),
            event(removed, "/site/content/stories/c.md"),
        ];
        assert_eq!(gather(saves), (2, 0));
        assert_eq!(gather(vec![event(closed, a), event(written, b)]), (2, 1));
        // Reading a file changes nothing.
        let read = Access(AccessKind::Close(AccessMode::Read));
        assert_eq!(gather(vec![event(read, a)]), (0, 0));
    }

    #[test]
    fn a_batch_holds_every_file_of_a_burst() {
        use notify::event::{AccessKind, AccessMode};
        let closed = notify::EventKind::Access(AccessKind::Close(AccessMode::Write));
        let (tx, rx) = std::sync::mpsc::channel();
        for n in 0..20 {
            let path = format!("/site/content/stories/{n}.md");
            tx.send(Message::<()>::File(event(closed, &path)))
                .expect("open");
        }
        drop(tx);
        match next_batch(&rx, Path::new("/site"), &[]) {
            Some(Next::Rebuild(changed)) => assert_eq!(changed.len(), 20),
            _ => panic!("expected a rebuild"),
        }
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
