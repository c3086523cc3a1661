//! Server-sent events to open pages: reload, swap stylesheets, show or hide the error overlay.

use std::io::Write;
use std::sync::Mutex;

/// What open pages are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Reload,
    Css,
    Errors(String),
    Ok,
}

impl Message {
    fn encode(&self) -> String {
        let (name, data) = match self {
            Message::Reload => ("reload", ""),
            Message::Css => ("css", ""),
            Message::Errors(html) => ("errors", html.as_str()),
            Message::Ok => ("ok", ""),
        };
        let mut out = format!("event: {name}\n");
        for line in data.split('\n') {
            out.push_str("data: ");
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
        out
    }
}

/// The open event streams, and the state a new one is told first.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Box<dyn Write + Send>>>,
    state: Mutex<Option<String>>,
}

impl Hub {
    /// Take a new connection: answer with the stream headers and the current state.
    pub fn join(&self, mut writer: Box<dyn Write + Send>) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
        let state = self.state.lock().expect("hub lock").clone();
        let first = match state {
            Some(html) => Message::Errors(html).encode(),
            None => Message::Ok.encode(),
        };
        if writer
            .write_all(head.as_bytes())
            .and_then(|_| writer.write_all(first.as_bytes()))
            .and_then(|_| writer.flush())
            .is_ok()
        {
            self.clients.lock().expect("hub lock").push(writer);
        }
    }

    /// Tell every open page; connections that fail are dropped.
    pub fn send(&self, message: &Message) {
        match message {
            Message::Errors(html) => *self.state.lock().expect("hub lock") = Some(html.clone()),
            _ => *self.state.lock().expect("hub lock") = None,
        }
        self.write_all(message.encode().as_bytes());
    }

    /// A comment line, so dead connections are noticed and closed.
    pub fn heartbeat(&self) {
        self.write_all(b": ping\n\n");
    }

    fn write_all(&self, bytes: &[u8]) {
        let mut clients = self.clients.lock().expect("hub lock");
        clients.retain_mut(|w| w.write_all(bytes).and_then(|_| w.flush()).is_ok());
    }

    pub fn clients(&self) -> usize {
        self.clients.lock().expect("hub lock").len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_data_is_split() {
        assert_eq!(
            Message::Errors("a\nb".into()).encode(),
            "event: errors\ndata: a\ndata: b\n\n"
        );
    }
}
