//! Writing behind: the files a rebuild changed are served from memory at once, while a thread
//! of their own puts them in the server's folder.
//!
//! Replacing a file on disk can take long: ext4 writes a file renamed over another out at
//! once, and on a busy disk that took 2–3 ms a page, 30 ms for one edit's dozen pages, all
//! before the edit showed. Now a rebuild hands its files to [`Behind::publish`], which makes
//! them [`Fresh`] (what requests are answered with first) and queues them for the writer. Once
//! a file is in the folder, the writer lets go of it in memory, so memory holds only what the
//! disk has not caught up with. A request that finds a file neither fresh nor not yet written
//! reads the folder, which by then has that version or a newer one: the writer forgets a file
//! only after it is in place, and only if no newer version came in the meantime.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, PoisonError, RwLock};
use std::thread::JoinHandle;

use crate::diagnostic::Diagnostic;
use crate::ground::output::Output;

/// Bytes of a file, shared by the map of fresh files and the writer's queue.
pub(crate) type Bytes = Arc<Vec<u8>>;

/// Files that are newer than their copy in the folder, by the key the site is served under.
#[derive(Default)]
pub(crate) struct Fresh(RwLock<HashMap<String, Bytes>>);

impl Fresh {
    /// The file served under `key`, when the folder does not have it yet.
    pub(crate) fn get(&self, key: &str) -> Option<Bytes> {
        let files = self.0.read().unwrap_or_else(PoisonError::into_inner);
        files.get(key).cloned()
    }

    /// Whether `bytes` is still the version of `key` to serve and write.
    fn holds(&self, key: &str, bytes: &Bytes) -> bool {
        let files = self.0.read().unwrap_or_else(PoisonError::into_inner);
        files.get(key).is_some_and(|b| Arc::ptr_eq(b, bytes))
    }

    /// Let go of `key` now that the folder has `bytes`, unless a newer version came since.
    fn written(&self, key: &str, bytes: &Bytes) {
        let mut files = self.0.write().unwrap_or_else(PoisonError::into_inner);
        if files.get(key).is_some_and(|b| Arc::ptr_eq(b, bytes)) {
            files.remove(key);
        }
    }

    /// How many files wait for the writer.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.0.read().unwrap_or_else(PoisonError::into_inner).len()
    }
}

/// Where the writer puts files: the server's folder, or in tests a stand-in.
pub(super) trait Store: Send + Sync + 'static {
    /// Put `bytes` in place of the file at `rel`, at once for any reader.
    fn replace(&self, rel: &std::path::Path, bytes: &[u8]) -> Result<(), Diagnostic>;
    fn remove(&self, rel: &std::path::Path);
}

/// One change to the folder, in the order the rebuilds made them.
enum Change {
    Put {
        key: String,
        path: PathBuf,
        bytes: Bytes,
    },
    Remove(PathBuf),
}

/// The fresh files and the thread that writes them.
pub(super) struct Behind {
    fresh: Arc<Fresh>,
    queue: Option<Sender<Vec<Change>>>,
    writer: Option<JoinHandle<()>>,
}

impl Behind {
    /// Start the writer, which puts files in `store`, lets go of them in `fresh` and says
    /// what failed with `failed`.
    pub(super) fn start(
        store: Arc<dyn Store>,
        fresh: Arc<Fresh>,
        failed: impl Fn(&Diagnostic) + Send + 'static,
    ) -> std::io::Result<Behind> {
        let (queue, changes) = channel::<Vec<Change>>();
        let known = Arc::clone(&fresh);
        let writer = std::thread::Builder::new()
            .name("plein-serve-writer".into())
            .spawn(move || {
                for change in changes.into_iter().flatten() {
                    match change {
                        // A version that a newer one replaced, or that the site no longer
                        // has, is not written: what came after it takes care of the file.
                        Change::Put { key, bytes, .. } if !known.holds(&key, &bytes) => {}
                        Change::Put { key, path, bytes } => match store.replace(&path, &bytes) {
                            Ok(()) => known.written(&key, &bytes),
                            // The file stays fresh: it is still served, from memory.
                            Err(e) => failed(&e),
                        },
                        Change::Remove(path) => store.remove(&path),
                    }
                }
            })?;
        Ok(Behind {
            fresh,
            queue: Some(queue),
            writer: Some(writer),
        })
    }

    /// Serve `files` from now on and the files at `gone` no longer, and have the folder
    /// follow. `key` gives the key a file is served under.
    pub(super) fn publish(
        &self,
        files: Vec<Output>,
        gone: &[PathBuf],
        key: impl Fn(&std::path::Path) -> String,
    ) {
        let mut changes = Vec::with_capacity(files.len() + gone.len());
        {
            let mut fresh = self.fresh.0.write().unwrap_or_else(PoisonError::into_inner);
            for path in gone {
                fresh.remove(&key(path));
                changes.push(Change::Remove(path.clone()));
            }
            for file in files {
                let (key, bytes) = (key(&file.path), Arc::new(file.bytes));
                fresh.insert(key.clone(), Arc::clone(&bytes));
                changes.push(Change::Put {
                    key,
                    path: file.path,
                    bytes,
                });
            }
        }
        if let Some(queue) = &self.queue {
            // Only a writer that panicked is gone; its files stay fresh, and served.
            let _ = queue.send(changes);
        }
    }
}

impl Drop for Behind {
    /// Let the writer finish what is queued, so the folder is complete when it goes.
    fn drop(&mut self) {
        drop(self.queue.take());
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Mutex;
    use std::sync::mpsc::Receiver;

    /// A folder in memory whose writes wait until the test lets each one through.
    struct Gate {
        files: Mutex<HashMap<PathBuf, Vec<u8>>>,
        open: Mutex<Receiver<()>>,
        fail: bool,
    }

    impl Store for Gate {
        fn replace(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
            self.open
                .lock()
                .expect("test")
                .recv()
                .expect("the test lets it through");
            if self.fail {
                let e = std::io::Error::other("disk full");
                return Err(Diagnostic::general(crate::diagnostic::Problem::unwritable(
                    rel, &e,
                )));
            }
            self.files
                .lock()
                .expect("test")
                .insert(rel.to_path_buf(), bytes.to_vec());
            Ok(())
        }

        fn remove(&self, rel: &Path) {
            self.files.lock().expect("test").remove(rel);
        }
    }

    fn gate(fail: bool) -> (Arc<Gate>, Sender<()>) {
        let (open, waits) = channel();
        let gate = Gate {
            files: Mutex::default(),
            open: Mutex::new(waits),
            fail,
        };
        (Arc::new(gate), open)
    }

    fn page(path: &str, text: &str) -> Output {
        Output {
            path: PathBuf::from(path),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn key(path: &Path) -> String {
        path.to_string_lossy().into_owned()
    }

    /// Wait until `done` holds, for at most a few seconds.
    fn eventually(done: impl Fn() -> bool) {
        for _ in 0..500 {
            if done() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("not done in time");
    }

    #[test]
    fn a_page_is_served_before_the_disk_has_it_and_let_go_after() {
        let (store, open) = gate(false);
        let fresh = Arc::new(Fresh::default());
        let behind =
            Behind::start(store.clone(), fresh.clone(), |e| panic!("{e:?}")).expect("a thread");
        behind.publish(vec![page("a/index.html", "new")], &[], key);
        // The writer is held up; the page is served all the same.
        assert_eq!(fresh.get("a/index.html").as_deref(), Some(&b"new".to_vec()));
        assert!(store.files.lock().expect("test").is_empty());
        open.send(()).expect("the writer waits");
        eventually(|| fresh.len() == 0);
        assert_eq!(
            store
                .files
                .lock()
                .expect("test")
                .get(Path::new("a/index.html")),
            Some(&b"new".to_vec())
        );
        assert_eq!(
            fresh.get("a/index.html"),
            None,
            "served from the folder again"
        );
    }

    #[test]
    fn only_the_newest_version_is_written_and_gone_files_go() {
        let (store, open) = gate(false);
        let fresh = Arc::new(Fresh::default());
        let behind =
            Behind::start(store.clone(), fresh.clone(), |e| panic!("{e:?}")).expect("a thread");
        behind.publish(vec![page("a", "1"), page("b", "1")], &[], key);
        behind.publish(vec![page("a", "2")], &[PathBuf::from("b")], key);
        assert_eq!(fresh.get("a").as_deref(), Some(&b"2".to_vec()));
        assert_eq!(
            fresh.get("b"),
            None,
            "a file the site no longer has is not served"
        );
        // One write: "a" as it is now; the first "a" and "b" are passed over.
        open.send(()).expect("the writer waits");
        drop(behind);
        let files = store.files.lock().expect("test");
        assert_eq!(files.len(), 1);
        assert_eq!(files.get(Path::new("a")), Some(&b"2".to_vec()));
        assert_eq!(fresh.len(), 0);
    }

    #[test]
    fn a_page_the_folder_refuses_is_still_served_and_the_failure_told() {
        let (store, open) = gate(true);
        let told = Arc::new(Mutex::new(Vec::new()));
        let tell = Arc::clone(&told);
        let fresh = Arc::new(Fresh::default());
        let behind = Behind::start(store, fresh.clone(), move |e: &Diagnostic| {
            tell.lock().expect("test").push(format!("{:?}", e.problem));
        })
        .expect("a thread");
        behind.publish(vec![page("a", "new")], &[], key);
        open.send(()).expect("the writer waits");
        drop(behind);
        assert_eq!(told.lock().expect("test").len(), 1);
        assert_eq!(fresh.get("a").as_deref(), Some(&b"new".to_vec()));
    }
}
