//! The dev server under load, from this machine only (loopback): hundreds of parallel
//! requests, clients that send their headers a byte at a time, many live-reload streams and
//! oversized requests. No request starves, memory stays bounded, nothing panics.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::support::*;

struct Server {
    child: Child,
    port: u16,
    log: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(site: &Site) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = site.root().join("serve.log");
        let child = Command::new(env!("CARGO_BIN_EXE_plein"))
            .args(["serve", "--root", site.root().to_str().unwrap()])
            .args(["--port", &port.to_string()])
            .env("PLEIN_NOW", "2026-11-25T12:00:00Z")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let server = Server { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if request(port, "GET / HTTP/1.0\r\n\r\n", 5).is_some_and(|(s, _)| s == 200) {
                return server;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("plein serve did not start");
    }

    /// Resident memory of the server in kB.
    fn rss_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS")
    }

    #[track_caller]
    fn still_fine(&mut self) {
        assert!(self.child.try_wait().unwrap().is_none(), "the server died");
        let log = std::fs::read_to_string(&self.log).unwrap();
        assert!(!log.contains("panicked"), "{log}");
    }
}

/// Send `raw`, read the whole answer; its status and length.
fn request(port: u16, raw: &str, timeout_secs: u64) -> Option<(u16, usize)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(timeout_secs)))
        .ok()?;
    stream.write_all(raw.as_bytes()).ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let text = String::from_utf8_lossy(&response[..response.len().min(64)]).into_owned();
    Some((text.split(' ').nth(1)?.parse().ok()?, response.len()))
}

/// The status of an answer to `raw`, reading only its first line (the server may close early).
fn status_of(port: u16, raw: &[u8]) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let _ = stream.write_all(raw);
    let mut head = [0u8; 32];
    let mut got = 0;
    while got < 12 {
        match stream.read(&mut head[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    String::from_utf8_lossy(&head[..got])
        .split(' ')
        .nth(1)?
        .parse()
        .ok()
}

/// `count` requests for `/` from `threads` threads at once; the slowest answer.
fn burst(port: u16, count: usize, threads: usize) -> Duration {
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            std::thread::spawn(move || {
                let mut slowest = Duration::ZERO;
                for i in (t..count).step_by(threads) {
                    let path = if i % 3 == 0 { "/verhalen/" } else { "/" };
                    let started = Instant::now();
                    let got = request(port, &format!("GET {path} HTTP/1.0\r\n\r\n"), 10);
                    assert!(
                        matches!(got, Some((200, n)) if n > 500),
                        "request {i} starved: {got:?}"
                    );
                    slowest = slowest.max(started.elapsed());
                }
                slowest
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().unwrap())
        .max()
        .unwrap()
}

#[test]
fn busy_slow_and_streaming_clients_do_not_starve_anyone() {
    let site = Site::copy("minimal");
    let mut server = Server::start(&site);
    let port = server.port;
    burst(port, 50, 8);
    let rss_before = server.rss_kb();

    // 100 live-reload streams, held open.
    let streams: Vec<TcpStream> = (0..100)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            s.write_all(b"GET /__plein/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .unwrap();
            s
        })
        .collect();
    // 60 slow clients sending their headers a byte every 50 ms, never finishing.
    let stop = Arc::new(AtomicBool::new(false));
    let slow: Vec<_> = (0..6)
        .map(|_| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut conns: Vec<TcpStream> = (0..10)
                    .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
                    .collect();
                let header = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    for c in &mut conns {
                        let _ = c.write_all(&[header.get(i).copied().unwrap_or(b'a')]);
                    }
                    i += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));

    // 600 requests from 48 threads while all of that goes on.
    let slowest = burst(port, 600, 48);
    assert!(
        slowest < Duration::from_secs(5),
        "slowest answer {slowest:?}"
    );
    let mut first_stream = streams.into_iter().next().unwrap();
    first_stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut head = [0u8; 64];
    let n = first_stream.read(&mut head).unwrap();
    assert!(String::from_utf8_lossy(&head[..n]).contains("200 OK"));

    // Once more, to see memory settle rather than grow with every request.
    let rss_mid = server.rss_kb();
    burst(port, 600, 48);
    let rss_after = server.rss_kb();
    stop.store(true, Ordering::Relaxed);
    for s in slow {
        s.join().unwrap();
    }
    eprintln!("VmRSS: {rss_before} kB idle, {rss_mid} kB under load, {rss_after} kB after more");
    assert!(
        rss_mid < rss_before + 100_000,
        "{rss_before} -> {rss_mid} kB"
    );
    assert!(rss_after < rss_mid + 20_000, "{rss_mid} -> {rss_after} kB");
    server.still_fine();
}

#[test]
fn oversized_requests_get_a_4xx() {
    let site = Site::copy("minimal");
    let mut server = Server::start(&site);
    let port = server.port;
    let long_url = format!("GET /{} HTTP/1.0\r\n\r\n", "a".repeat(100_000));
    let many_headers = format!(
        "GET / HTTP/1.0\r\n{}\r\n",
        (0..2_000)
            .map(|i| format!("X-H{i}: {}\r\n", "b".repeat(100)))
            .collect::<String>()
    );
    let huge_header = format!("GET / HTTP/1.0\r\nX-Big: {}\r\n\r\n", "c".repeat(200_000));
    let big_body = format!(
        "POST / HTTP/1.0\r\nContent-Length: 50000000\r\n\r\n{}",
        "d".repeat(10_000)
    );
    let big_get_body = "GET / HTTP/1.0\r\nContent-Length: 1000000\r\n\r\nxx".to_string();
    for (what, raw) in [
        ("a 100 kB URL", long_url),
        ("200 kB of headers", many_headers),
        ("a 200 kB header", huge_header),
        ("a 50 MB body", big_body),
        ("a 1 MB body on a GET", big_get_body),
    ] {
        let status = status_of(port, raw.as_bytes());
        assert!(
            status.is_some_and(|s| (400..500).contains(&s)),
            "{what}: {status:?}"
        );
    }
    let rss = server.rss_kb();
    assert!(rss < 200_000, "{rss} kB");
    assert_eq!(
        request(port, "GET / HTTP/1.0\r\n\r\n", 5).map(|r| r.0),
        Some(200)
    );
    server.still_fine();
}
