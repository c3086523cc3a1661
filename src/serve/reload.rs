//! Server-sent events to open pages: reload, swap stylesheets, show or hide the error overlay.
//!
//! Every good rebuild has a number, which the reload script of a served page carries and a new
//! stream is told first: a page that missed a rebuild (it loaded just before, or its stream was
//! dropped and it connected anew) sees that the numbers differ and reloads.
//!
//! Every open stream is written by a thread of its own, fed through a queue, so a page that
//! stops reading holds up no other page and no rebuild. It is dropped when one message takes
//! it longer than [`SEND_TIMEOUT`] (the server's sockets have a send timeout, so no write
//! blocks for longer than that), or when it falls a whole queue behind.

use std::io::{ErrorKind, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::SEND_TIMEOUT;

/// Messages a stream may fall behind by before it is dropped; rebuilds come far slower than a
/// page that reads at all takes them.
const QUEUE: usize = 32;
/// The answer that opens a stream, and how soon a page reconnects when it breaks off.
const HEAD: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";

/// What open pages are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Message {
    Reload,
    Css,
    Errors(String),
    Ok,
}

impl Message {
    /// The event for open pages; `build` is the number of the last good rebuild.
    fn encode(&self, build: u64) -> String {
        let number = build.to_string();
        let (name, data) = match self {
            Message::Reload => ("reload", number.as_str()),
            Message::Css => ("css", number.as_str()),
            Message::Errors(html) => ("errors", html.as_str()),
            Message::Ok => ("ok", ""),
        };
        event(name, data)
    }
}

/// One server-sent event.
fn event(name: &str, data: &str) -> String {
    let mut out = format!("event: {name}\n");
    for line in data.split('\n') {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}

/// The open event streams, and the errors a new one is told first.
#[derive(Default)]
pub(crate) struct Hub(Mutex<Streams>);

#[derive(Default)]
struct Streams {
    /// The queue of each open stream's writing thread.
    queues: Vec<SyncSender<Arc<[u8]>>>,
    /// The overlay of the last build, when it failed.
    errors: Option<String>,
    /// How many good rebuilds open pages were told of.
    build: u64,
}

impl Hub {
    /// Take a new connection: answer with the stream headers and the current state.
    pub(crate) fn join(&self, writer: Box<dyn Write + Send>) {
        let mut streams = self.0.lock().expect("hub lock");
        let first = match &streams.errors {
            Some(html) => Message::Errors(html.clone()),
            None => Message::Ok,
        };
        let (queue, pending) = sync_channel(QUEUE);
        let build = event("build", &streams.build.to_string());
        for bytes in [HEAD.to_string(), build, first.encode(streams.build)] {
            queue
                .try_send(Arc::from(bytes.into_bytes()))
                .expect("a new queue has room");
        }
        let writing = std::thread::Builder::new()
            .name("plein-events".into())
            .stack_size(128 * 1024)
            .spawn(move || write_out(writer, &pending));
        if writing.is_ok() {
            streams.queues.push(queue);
        }
    }

    /// Tell every open page; streams that are gone or too far behind are dropped.
    pub(crate) fn send(&self, message: &Message) {
        let mut streams = self.0.lock().expect("hub lock");
        streams.errors = match message {
            Message::Errors(html) => Some(html.clone()),
            _ => None,
        };
        if matches!(message, Message::Reload | Message::Css) {
            streams.build += 1;
        }
        let bytes = message.encode(streams.build).into_bytes();
        streams.broadcast(Arc::from(bytes));
    }

    /// A sign of life: pages that hear nothing for a while connect anew, and connections that
    /// are gone are noticed and closed.
    pub(crate) fn heartbeat(&self) {
        let mut streams = self.0.lock().expect("hub lock");
        streams.broadcast(Arc::from(event("ping", "").into_bytes()));
    }

    /// The number of the last good rebuild open pages were told of, for the pages served now.
    pub(crate) fn build(&self) -> u64 {
        self.0.lock().expect("hub lock").build
    }

    /// Whether open pages show the error overlay now.
    pub(crate) fn shows_errors(&self) -> bool {
        self.0.lock().expect("hub lock").errors.is_some()
    }

    #[cfg(test)]
    pub(crate) fn clients(&self) -> usize {
        self.0.lock().expect("hub lock").queues.len()
    }
}

impl Streams {
    fn broadcast(&mut self, bytes: Arc<[u8]>) {
        self.queues
            .retain(|queue| queue.try_send(Arc::clone(&bytes)).is_ok());
    }
}

/// Write what comes through `pending` to one stream, until either end goes or the stream
/// stops taking what it is sent.
fn write_out(mut writer: Box<dyn Write + Send>, pending: &Receiver<Arc<[u8]>>) {
    for bytes in pending {
        if write_in_time(&mut writer, &bytes).is_err() {
            return;
        }
    }
}

/// Write all of `bytes`, giving up once [`SEND_TIMEOUT`] has passed. Each write returns after
/// at most that long (the socket's send timeout), but one that got a little through starts
/// the kernel's clock anew; this clock does not restart.
fn write_in_time(writer: &mut dyn Write, bytes: &[u8]) -> std::io::Result<()> {
    let started = Instant::now();
    let mut rest = bytes;
    while !rest.is_empty() {
        if started.elapsed() > SEND_TIMEOUT {
            return Err(ErrorKind::TimedOut.into());
        }
        match writer.write(rest) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => rest = &rest[n..],
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn multi_line_data_is_split() {
        assert_eq!(
            Message::Errors("a\nb".into()).encode(0),
            "event: errors\ndata: a\ndata: b\n\n"
        );
    }

    #[test]
    fn a_new_stream_hears_the_build_number_and_the_state_first() {
        let hub = Hub::default();
        hub.send(&Message::Reload);
        hub.send(&Message::Css);
        hub.send(&Message::Errors("kapot".into()));
        assert_eq!(hub.build(), 2, "good rebuilds are counted");
        let page = Reader::default();
        hub.join(Box::new(page.clone()));
        let want = format!("{HEAD}event: build\ndata: 2\n\nevent: errors\ndata: kapot\n\n");
        let deadline = Instant::now() + Duration::from_secs(10);
        while String::from_utf8_lossy(&page.0.lock().unwrap()) != want {
            assert!(
                Instant::now() < deadline,
                "the stream opened with something else"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        hub.send(&Message::Css);
        assert_eq!(hub.build(), 3);
    }

    /// A page that takes the first `room` bytes and then never reads again.
    struct Stuck {
        room: usize,
    }

    impl Write for Stuck {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                loop {
                    std::thread::park();
                }
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// A page that reads everything.
    #[derive(Clone, Default)]
    struct Reader(Arc<Mutex<Vec<u8>>>);

    impl Write for Reader {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_page_that_stops_reading_is_dropped_and_holds_up_no_one() {
        let hub = Arc::new(Hub::default());
        let reader = Reader::default();
        let (done, finished) = std::sync::mpsc::channel();
        let sending = Arc::clone(&hub);
        let page = reader.clone();
        std::thread::spawn(move || {
            sending.join(Box::new(Stuck { room: 200 }));
            sending.join(Box::new(page));
            for _ in 0..50 {
                sending.send(&Message::Errors("x".repeat(1000)));
                std::thread::sleep(Duration::from_millis(2));
            }
            sending.send(&Message::Reload);
            let _ = done.send(());
        });
        assert!(
            finished.recv_timeout(Duration::from_secs(10)).is_ok(),
            "sending stalled on the page that does not read"
        );
        assert_eq!(hub.clients(), 1, "the stuck page was dropped");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = String::from_utf8_lossy(&reader.0.lock().unwrap()).into_owned();
            if text.ends_with("event: reload\ndata: 1\n\n") {
                assert_eq!(text.matches("event: errors").count(), 50);
                break;
            }
            assert!(Instant::now() < deadline, "the reading page missed events");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}
