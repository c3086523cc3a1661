//! `plein serve` end to end: start on a free port, fetch pages, edit files, see changes.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(site: &Site) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_plein"))
        .args([
            "serve",
            "--root",
            site.root().to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .env("PLEIN_NOW", "2026-11-25T12:00:00Z")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Some((200, _)) = try_get(port, "/") {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("plein serve did not start");
}

/// A raw HTTP/1.0 request, so paths reach the server exactly as written.
fn raw(port: u16, request: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    Some((status, text))
}

fn try_get(port: u16, path: &str) -> Option<(u16, String)> {
    raw(
        port,
        &format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"),
    )
}

fn get(port: u16, path: &str) -> (u16, String) {
    try_get(port, path).unwrap_or_else(|| panic!("GET {path} failed"))
}

/// Poll until `path` contains `text`, or fail after a while.
fn wait_for(port: u16, path: &str, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if get(port, path).1.contains(text) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{path} never showed `{text}`");
}

#[test]
fn serves_pages_and_follows_edits() {
    let site = Site::copy("minimal");
    let server = start(&site);
    let (status, page) = get(server.port, "/verhalen/eerste-verhaal/");
    assert_eq!(status, 200);
    assert!(page.contains("Het eerste verhaal"));
    assert!(
        page.contains("/__plein/reload.js"),
        "live reload script injected"
    );
    assert!(page.contains("Content-Type: text/html"));
    site.write(
        "content/stories/eerste-verhaal.md",
        "---\ntitle: Het vernieuwde verhaal\ndate: 2024-05-02\n---\nNieuw.\n",
    );
    wait_for(
        server.port,
        "/verhalen/eerste-verhaal/",
        "Het vernieuwde verhaal",
    );
    site.write(
        "content/stories/tweede.md",
        "---\ntitle: Een tweede verhaal\ndate: 2024-05-09\n---\nErbij.\n",
    );
    wait_for(server.port, "/", "Een tweede verhaal");
    std::fs::remove_file(site.root().join("content/stories/tweede.md")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while get(server.port, "/verhalen/tweede/").0 != 404 {
        assert!(Instant::now() < deadline, "deleted story still served");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !site.public().exists(),
        "serve never writes the output folder"
    );
}

#[test]
fn a_broken_edit_keeps_the_last_good_site() {
    let site = Site::copy("minimal");
    let server = start(&site);
    site.write(
        "content/stories/eerste-verhaal.md",
        "---\ntitle: [kapot\n---\n",
    );
    std::thread::sleep(Duration::from_millis(600));
    let (status, page) = get(server.port, "/verhalen/eerste-verhaal/");
    assert_eq!(status, 200);
    assert!(page.contains("Het eerste verhaal"));
}

#[test]
fn only_files_of_the_site_are_served() {
    let site = Site::copy("minimal");
    site.write("geheim.txt", "niet voor lezers");
    let server = start(&site);
    for path in [
        "/../geheim.txt",
        "/%2e%2e/geheim.txt",
        "/verhalen/..%2f..%2fgeheim.txt",
        "/..\\geheim.txt",
        "/content/stories/eerste-verhaal.md",
        "/plein.yaml",
    ] {
        let (status, body) = get(server.port, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains("niet voor lezers"), "{path}");
    }
    let (status, body) = raw(
        server.port,
        "GET http://127.0.0.1/../geheim.txt HTTP/1.0\r\n\r\n",
    )
    .unwrap();
    assert!(status == 400 || status == 404, "absolute form: {status}");
    assert!(!body.contains("niet voor lezers"));
    let (status, _) = get(server.port, "/nergens/");
    assert_eq!(status, 404);
    let (status, head) = get(server.port, "/verhalen");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /verhalen/"));
}

/// A GET whose body is returned without the HTTP head.
fn body_of(port: u16, path: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(format!("GET {path} HTTP/1.0\r\n\r\n").as_bytes())
        .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("HTTP head")
        + 4;
    let status = String::from_utf8_lossy(&response[..12])
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    (status, response[split..].to_vec())
}

/// The files of `expected` (a clean build) that the server answers differently.
fn served_differences(
    port: u16,
    expected: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>,
) -> Vec<String> {
    let mut differ = Vec::new();
    for (path, bytes) in expected {
        let url = format!("/{}", path.display());
        if url == "/.plein-output" {
            continue;
        }
        let (status, served) = body_of(port, &url);
        let served = if url.ends_with(".html") {
            String::from_utf8_lossy(&served)
                .replace("<script src=\"/__plein/reload.js\"></script>", "")
                .into_bytes()
        } else {
            served
        };
        if status != 200 || served != *bytes {
            differ.push(url);
        }
    }
    differ
}

#[test]
fn incremental_rebuilds_match_a_clean_build() {
    let site = Site::copy("article");
    let server = start(&site);
    let port = server.port;
    site.edit(
        "content/stories/creeer-ruimte.md",
        "Creëer ruimte voor ontmoeting",
        "Maak ruimte voor ontmoeting",
    );
    wait_for(
        port,
        "/verhalen/creeer-ruimte/",
        "Maak ruimte voor ontmoeting",
    );
    site.write("content/neighbourhoods/muntenbuurt.md", "---\ntitle: Muntenbuurt\ncity: Nieuwegein\nanchors: [Irma Vroegop, De bankjes bij de vijver]\n---\nVernieuwd.\n");
    wait_for(port, "/buurten/muntenbuurt/", "De bankjes bij de vijver");
    site.write("content/stories/derde.md", "---\ntitle: Een derde verhaal\ndate: 2024-01-09\nneighbourhoods: [Muntenbuurt]\ntags: [vertrouwde gezichten]\nauthors: [Irma Vroegop]\n---\nNieuw, met een [link](creeer-ruimte.md).\n");
    wait_for(port, "/mensen/irma-vroegop/", "Een derde verhaal");
    std::fs::rename(
        site.root().join("content/pages/over.md"),
        site.root().join("content/pages/over-ons.md"),
    )
    .unwrap();
    wait_for(port, "/over-ons/", "Over deze site");
    site.write(
        "content/people/irma-vroegop.md",
        "---\ntitle: Irma Vroegop\nrole: opbouwwerker\n---\nAnders.\n",
    );
    wait_for(port, "/verhalen/kracht-van-samen/", "opbouwwerker");

    let out = tempfile::tempdir().unwrap();
    let clean = out.path().join("clean");
    let base = format!("http://127.0.0.1:{port}/");
    site.plein(&[
        "build",
        "--output",
        clean.to_str().unwrap(),
        "--base-url",
        &base,
    ])
    .ok();
    let expected = tree(&clean);
    // The search index follows the pages by a moment in serve; give it that moment.
    let deadline = Instant::now() + Duration::from_secs(20);
    let differ = loop {
        let differ = served_differences(port, &expected);
        if differ.is_empty() || Instant::now() > deadline {
            break differ;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(
        differ.is_empty(),
        "served pages differ from a clean build: {differ:?}"
    );
    assert_eq!(
        body_of(port, "/over/").0,
        404,
        "the renamed page's old address is gone"
    );
}

#[test]
fn open_event_streams_do_not_starve_page_requests() {
    let site = Site::copy("minimal");
    let server = start(&site);
    let streams: Vec<TcpStream> = (0..24)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            s.write_all(b"GET /__plein/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .unwrap();
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let mut head = [0u8; 64];
            let n = s.read(&mut head).unwrap();
            assert!(
                String::from_utf8_lossy(&head[..n]).starts_with("HTTP/1.1 200"),
                "event stream opened"
            );
            s
        })
        .collect();
    let pages: Vec<std::thread::JoinHandle<u16>> = (0..32)
        .map(|_| {
            let port = server.port;
            std::thread::spawn(move || get(port, "/verhalen/eerste-verhaal/").0)
        })
        .collect();
    for page in pages {
        assert_eq!(page.join().unwrap(), 200);
    }
    drop(streams);
}

#[test]
fn pictures_are_served_as_a_build_publishes_them() {
    let site = Site::copy("images");
    let photo = crate::images::phone::jpeg(1600, 1200, 6);
    std::fs::write(site.root().join("content/stories/de-tuin/tuin.jpg"), &photo).unwrap();
    let server = start(&site);
    let (status, served) = body_of(server.port, "/verhalen/de-tuin/tuin.jpg");
    assert_eq!(status, 200);
    assert!(
        !served
            .windows(crate::images::phone::SECRET.len())
            .any(|w| w == crate::images::phone::SECRET),
        "the preview shows no more than the published site"
    );
    let picture = image::load_from_memory(&served).unwrap();
    assert_eq!((picture.width(), picture.height()), (1200, 1600));
}
