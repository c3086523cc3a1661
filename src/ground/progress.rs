//! A counter of work done by many threads that, on a terminal, shows itself on one line that
//! updates itself: resizing pictures, uploading files. The caller words the line.

use std::io::{IsTerminal as _, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How often the line is redrawn at most; the last step is always drawn.
const EVERY: Duration = Duration::from_millis(100);

/// Counts steps (and the bytes they moved) out of `total`; `line` words the count as
/// `line(done, total, bytes)`.
pub(crate) struct Progress<L> {
    total: usize,
    done: AtomicUsize,
    bytes: AtomicU64,
    line: L,
    /// When the line was last drawn, and where to: only when it is shown.
    shown: Option<Mutex<(Instant, Box<dyn Write + Send>)>>,
}

impl<L: Fn(usize, usize, u64) -> String> Progress<L> {
    /// Progress over `total` steps, shown on standard error when that is a terminal and
    /// `worth_showing` says so.
    pub(crate) fn new(total: usize, worth_showing: bool, line: L) -> Progress<L> {
        let terminal = std::io::stderr().is_terminal() && worth_showing;
        let to = terminal.then(|| Box::new(std::io::stderr()) as Box<dyn Write + Send>);
        Progress::to(total, to, line)
    }

    /// Progress over `total` steps, drawn into `to` if there is one.
    fn to(total: usize, to: Option<Box<dyn Write + Send>>, line: L) -> Progress<L> {
        Progress {
            total,
            done: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            line,
            shown: to.map(|to| Mutex::new((Instant::now(), to))),
        }
    }

    /// One step done, which moved `bytes`. The line is redrawn unless it was shortly before or
    /// another thread is drawing it.
    pub(crate) fn tick(&self, bytes: u64) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let bytes = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let Some(shown) = &self.shown else { return };
        let Ok(mut shown) = shown.try_lock() else {
            return;
        };
        let (last, to) = &mut *shown;
        if last.elapsed() >= EVERY || done == self.total {
            *last = Instant::now();
            let line = (self.line)(done, self.total, bytes);
            let _ = write!(to, "\r{line}\x1b[K");
            let _ = to.flush();
        }
    }

    /// The steps done so far.
    pub(crate) fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// The bytes the steps done so far moved.
    pub(crate) fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Clear the line, if any step was done while it was shown.
    pub(crate) fn finish(&self) {
        let Some(shown) = &self.shown else { return };
        if self.done() == 0 {
            return;
        }
        let mut shown = shown
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let _ = write!(shown.1, "\r\x1b[K");
        let _ = shown.1.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A writer whose bytes a test can read afterwards.
    #[derive(Clone, Default)]
    struct Screen(Arc<Mutex<Vec<u8>>>);

    impl Write for Screen {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("test").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Screen {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().expect("test").clone()).expect("UTF-8")
        }
    }

    fn line(done: usize, total: usize, bytes: u64) -> String {
        format!("{done} of {total}, {bytes} bytes")
    }

    #[test]
    fn the_last_step_is_drawn_and_then_cleared() {
        let screen = Screen::default();
        let progress = Progress::to(3, Some(Box::new(screen.clone())), line);
        progress.tick(10);
        progress.tick(20);
        // Steps shortly after the start are not drawn; the last one is.
        assert_eq!(screen.text(), "");
        progress.tick(5);
        assert_eq!(screen.text(), "\r3 of 3, 35 bytes\x1b[K");
        progress.finish();
        assert_eq!(screen.text(), "\r3 of 3, 35 bytes\x1b[K\r\x1b[K");
        assert_eq!((progress.done(), progress.bytes()), (3, 35));
    }

    #[test]
    fn a_step_after_a_while_is_drawn() {
        let screen = Screen::default();
        let progress = Progress::to(5, Some(Box::new(screen.clone())), line);
        std::thread::sleep(EVERY);
        progress.tick(0);
        assert_eq!(screen.text(), "\r1 of 5, 0 bytes\x1b[K");
    }

    #[test]
    fn nothing_done_or_not_shown_leaves_the_terminal_alone() {
        let screen = Screen::default();
        let progress = Progress::to(4, Some(Box::new(screen.clone())), line);
        progress.finish();
        assert_eq!(screen.text(), "");
        let hidden = Progress::to(1, None, line);
        hidden.tick(7);
        hidden.finish();
        assert_eq!((hidden.done(), hidden.bytes()), (1, 7));
    }
}
