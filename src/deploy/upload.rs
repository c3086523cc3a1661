//! Carrying a plan out: uploads phase by phase, a bounded number at once, then deletions.
//!
//! A phase starts when the one before has finished, so a page is never online before its
//! pictures, nor a feed before its pages. A failure stops the uploads not yet started; what
//! was uploaded stays, and the next deploy sends only the rest (it compares by content).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::files::{LocalFile, Phase};
use super::plan::Plan;
use super::s3::{Client, Error};
use super::words;
use crate::ground::progress::Progress;
use crate::words::Lang;

/// Uploads at once: enough to hide the round trips, few enough for a small uplink.
pub(crate) const PARALLEL: usize = 8;

/// What was done, and the error that stopped it, if one did.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub uploaded: usize,
    pub bytes: u64,
    pub deleted: usize,
    pub error: Option<Error>,
}

/// Upload and delete as `plan` says, below `prefix` in the bucket.
pub(crate) fn carry_out(
    client: &Client,
    prefix: &str,
    local: &[LocalFile],
    plan: &Plan,
    lang: Lang,
) -> Outcome {
    let progress = Progress::new(plan.uploads.len(), true, |done, total, bytes| {
        words::progress(lang, done, total, bytes)
    });
    let mut outcome = Outcome::default();
    for phase in Phase::ALL {
        let batch: Vec<usize> = plan.phase(local, phase).collect();
        if let Err(e) = upload_all(client, prefix, local, &batch, &progress) {
            outcome.error = Some(e);
            break;
        }
    }
    progress.finish();
    outcome.uploaded = progress.done();
    outcome.bytes = progress.bytes();
    if outcome.error.is_none() && !plan.deletes.is_empty() {
        let keys: Vec<String> = plan
            .deletes
            .iter()
            .map(|(k, _)| format!("{prefix}{k}"))
            .collect();
        match client.delete(&keys) {
            Ok(()) => outcome.deleted = keys.len(),
            Err(e) => outcome.error = Some(e),
        }
    }
    outcome
}

/// Upload the files at `batch`, [`PARALLEL`] at once; the first error stops the rest.
fn upload_all(
    client: &Client,
    prefix: &str,
    local: &[LocalFile],
    batch: &[usize],
    progress: &Progress<impl Fn(usize, usize, u64) -> String + Sync>,
) -> Result<(), Error> {
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let first_error: Mutex<Option<Error>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL.min(batch.len()) {
            scope.spawn(|| {
                while !failed.load(Ordering::Relaxed) {
                    let Some(&i) = batch.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        break;
                    };
                    let file = &local[i];
                    match client.put(&format!("{prefix}{}", file.key), file) {
                        Ok(()) => progress.tick(file.size),
                        Err(e) => {
                            failed.store(true, Ordering::Relaxed);
                            let mut slot = first_error.lock().expect("no upload thread panics");
                            slot.get_or_insert(e);
                        }
                    }
                }
            });
        }
    });
    match first_error.into_inner().expect("no upload thread panics") {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
