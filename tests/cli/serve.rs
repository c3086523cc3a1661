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
    start_in(site, &std::env::temp_dir(), 200)
}

/// Start `plein serve` with `tmp` as its temporary folder; wait until `/` answers `status`.
fn start_in(site: &Site, tmp: &std::path::Path, status: u16) -> Server {
    start_told(site, tmp, status, Stdio::null())
}

/// [`start_in`], with what the server says going to `stderr`.
fn start_told(site: &Site, tmp: &std::path::Path, status: u16, stderr: Stdio) -> Server {
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
        .env("TMPDIR", tmp)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if try_get(port, "/").is_some_and(|(s, _)| s == status) {
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
    let stream = Stream::open(server.port);
    assert!(stream.next("ok", 10), "the stream opened");
    site.write(
        "content/stories/eerste-verhaal.md",
        "---\ntitle: [kapot\n---\n",
    );
    assert!(stream.next("errors", 20), "the broken edit was built");
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

/// A served page without the live reload script that serve adds.
fn without_reload_script(page: &str) -> String {
    let start = page
        .find("<script src=\"/__plein/reload.js\"")
        .expect("reload script");
    let end = start + page[start..].find("</script>").expect("script end") + "</script>".len();
    format!("{}{}", &page[..start], &page[end..])
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
            without_reload_script(&String::from_utf8_lossy(&served)).into_bytes()
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

// Host names (DNS rebinding): a page on another site must not read the preview.

#[test]
fn only_requests_for_this_machine_are_answered() {
    let site = Site::copy("minimal");
    let server = start(&site);
    let port = server.port;
    let page = "/verhalen/eerste-verhaal/";
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        "localhost.evil.example".into(),
        "notlocalhost".into(),
        "127.0.0.1.".into(),
        "[::1".into(),
        String::new(),
    ] {
        for path in [page, "/", "/__plein/events", "/__plein/reload.js"] {
            let (status, answer) = raw(
                port,
                &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
            )
            .unwrap();
            assert!(
                status == 403 || status == 400,
                "Host: {host}, {path}: {status}"
            );
            assert!(!answer.contains("Het eerste verhaal"), "Host: {host}");
            assert!(!answer.contains("EventSource"), "Host: {host}");
        }
    }
    let (_, answer) = raw(port, "GET / HTTP/1.0\r\nHost: evil.example\r\n\r\n").unwrap();
    assert!(
        answer.contains(&format!("bijvoorbeeld http://127.0.0.1:{port}/")),
        "the refusal says where the preview is: {answer}"
    );
    // A foreign host in an absolute URL, and two Host headers.
    for request in [
        "GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            .to_string(),
        format!(
            "GET {page} HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
        ),
        format!("GET {page} HTTP/1.1\r\nConnection: close\r\n\r\n"),
    ] {
        let (status, answer) = raw(port, &request).unwrap();
        assert!(status == 403 || status == 400, "{request:?}: {status}");
        assert!(!answer.contains("Het eerste verhaal"), "{request:?}");
    }
    // The machine's own names: the address, localhost, IP literals, with or without port,
    // and HTTP/1.0 without a Host header (no browser sends that).
    for host in [
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{port}"),
        "localhost".into(),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
        "[::1]".into(),
        "192.168.1.20:8080".into(),
    ] {
        let (status, answer) = raw(
            port,
            &format!("GET {page} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        )
        .unwrap();
        assert_eq!(status, 200, "Host: {host}");
        assert!(answer.contains("Het eerste verhaal"), "Host: {host}");
    }
    let (status, _) = raw(port, &format!("GET {page} HTTP/1.0\r\n\r\n")).unwrap();
    assert_eq!(status, 200, "HTTP/1.0 without Host");
}

// Live-reload streams.

/// An open event stream: its socket, and the event names read so far on another thread.
struct Stream {
    events: std::sync::mpsc::Receiver<String>,
}

impl Stream {
    fn open(port: u16) -> Stream {
        let mut socket = TcpStream::connect(("127.0.0.1", port)).unwrap();
        socket
            .write_all(b"GET /__plein/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .unwrap();
        let (tx, events) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = std::io::BufReader::new(socket);
            let mut line = String::new();
            while std::io::BufRead::read_line(&mut reader, &mut line).is_ok_and(|n| n > 0) {
                if let Some(name) = line.strip_prefix("event: ")
                    && tx.send(name.trim().to_string()).is_err()
                {
                    return;
                }
                line.clear();
            }
        });
        Stream { events }
    }

    /// Wait for the event `name`, skipping others; false after `secs` seconds.
    fn next(&self, name: &str, secs: u64) -> bool {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.events.recv_timeout(left) {
                Ok(got) if got == name => return true,
                Ok(_) => {}
                Err(_) => return false,
            }
        }
        false
    }
}

/// A connection to `port` with a receive buffer of a few kB, set before connecting so the
/// kernel does not grow it: what such a client does not read fills up soon.
fn connect_with_small_buffer(port: u16) -> TcpStream {
    use std::os::fd::FromRawFd;
    // SAFETY: plain socket calls on a descriptor made here and handed to TcpStream once
    // connected; the address is a valid sockaddr_in of the size given.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        assert!(fd >= 0, "socket(2)");
        let size: libc::c_int = 4096;
        let set = libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
            (&size as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
        assert_eq!(set, 0, "setsockopt(SO_RCVBUF)");
        let addr = libc::sockaddr_in {
            sin_family: libc::AF_INET as libc::sa_family_t,
            sin_port: port.to_be(),
            sin_addr: libc::in_addr {
                s_addr: u32::from(std::net::Ipv4Addr::LOCALHOST).to_be(),
            },
            sin_zero: [0; 8],
        };
        let connected = libc::connect(
            fd,
            (&addr as *const libc::sockaddr_in).cast(),
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
        );
        assert_eq!(connected, 0, "connect(2)");
        TcpStream::from_raw_fd(fd)
    }
}

#[test]
fn a_stream_that_stops_reading_does_not_hold_up_the_others() {
    let site = Site::copy("minimal");
    let server = start(&site);
    let port = server.port;
    // A client that opens the stream and then never reads a byte.
    let mut stuck = connect_with_small_buffer(port);
    stuck
        .write_all(b"GET /__plein/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    let good = Stream::open(port);
    assert!(good.next("ok", 10), "the stream opened");
    // Each broken save sends an overlay of about a megabyte; a dozen of them are more than
    // the kernel buffers of the stuck client's connection hold (at most 4 MB for the server's
    // side here).
    let story = "content/stories/eerste-verhaal.md";
    for i in 0..12 {
        let line = format!("{i}{}", "x".repeat(1 << 20));
        site.write(story, &format!("---\ntitle: [kapot {line}\n---\n"));
        assert!(
            good.next("errors", 15),
            "broken save {i}: the reading client got no errors event"
        );
    }
    site.write(
        story,
        "---\ntitle: Weer heel\ndate: 2024-05-02\n---\nTekst.\n",
    );
    assert!(good.next("reload", 15), "no reload after the fix");
    // The stuck client was dropped when a message to it took over three seconds: once it
    // reads what it was sent, nothing more comes.
    std::thread::sleep(Duration::from_secs(7));
    stuck
        .set_read_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    let mut sink = vec![0u8; 1 << 16];
    let mut drained = 0usize;
    while let Ok(n @ 1..) = stuck.read(&mut sink) {
        drained += n;
    }
    site.write(
        story,
        "---\ntitle: Nog eens anders\ndate: 2024-05-02\n---\nTekst.\n",
    );
    assert!(good.next("reload", 15), "no reload after the next save");
    let after = stuck.read(&mut sink);
    assert!(
        !matches!(after, Ok(1..)),
        "the stuck client still gets events ({drained} bytes before)"
    );
    wait_for(port, "/verhalen/eerste-verhaal/", "Nog eens anders");
}

// The server's temporary folder.

/// The folders in `tmp` whose names start with `plein-serve-`.
fn serve_folders(tmp: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("plein-serve-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_killed_server_s_folder_goes_at_the_next_start() {
    let site = Site::copy("minimal");
    let tmp = tempfile::tempdir().unwrap();
    let first = start_in(&site, tmp.path(), 200);
    let left = serve_folders(tmp.path());
    assert_eq!(left.len(), 1, "one folder while serving: {left:?}");
    drop(first); // SIGKILL: no chance to clean up
    assert_eq!(
        serve_folders(tmp.path()),
        left,
        "a killed server leaves its folder"
    );
    // Look-alikes plein did not make, and a file, stay; so does anything else in the folder.
    let decoys = [
        "plein-serve-999999999",
        "plein-serve-999999998-5",
        "plein-serve-x",
    ];
    for name in decoys {
        std::fs::create_dir(tmp.path().join(name)).unwrap();
        std::fs::write(tmp.path().join(name).join("mine.txt"), "van iemand anders").unwrap();
    }
    std::fs::write(tmp.path().join("plein-serve-1"), "a file").unwrap();
    std::fs::create_dir(tmp.path().join("other")).unwrap();

    let second = start_in(&site, tmp.path(), 200);
    let now = serve_folders(tmp.path());
    assert!(
        !now.contains(&left[0]),
        "the killed server's folder stayed: {now:?}"
    );
    for name in decoys.iter().chain(&["plein-serve-1"]) {
        assert!(now.iter().any(|n| n == name), "{name} was removed: {now:?}");
    }
    assert!(tmp.path().join("other").is_dir());
    assert_eq!(now.len(), decoys.len() + 2, "{now:?}");
    // Stopped the usual way (SIGTERM), the server removes its own folder.
    // SAFETY: kill(2) on the pid of a child this test started and has not reaped.
    assert_eq!(
        unsafe { libc::kill(second.child.id() as i32, libc::SIGTERM) },
        0
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while serve_folders(tmp.path()).len() > decoys.len() + 1 {
        assert!(Instant::now() < deadline, "{:?}", serve_folders(tmp.path()));
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn an_edit_is_served_before_the_folder_has_it_even_when_the_folder_refuses_it() {
    let site = Site::copy("minimal");
    let tmp = tempfile::tempdir().unwrap();
    let log = tmp.path().join("stderr.txt");
    let told = Stdio::from(std::fs::File::create(&log).unwrap());
    let server = start_told(&site, tmp.path(), 200, told);
    // Something else takes the page's place in the server's folder: a file where the page's
    // folder was, so the new page cannot be written there.
    let folder = tmp.path().join(&serve_folders(tmp.path())[0]);
    let page = folder.join("verhalen/eerste-verhaal");
    std::fs::remove_dir_all(&page).unwrap();
    std::fs::write(&page, "in de weg").unwrap();
    site.write(
        "content/stories/eerste-verhaal.md",
        "---\ntitle: Het vernieuwde verhaal\ndate: 2024-05-02\n---\nNieuw.\n",
    );
    wait_for(
        server.port,
        "/verhalen/eerste-verhaal/",
        "Het vernieuwde verhaal",
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    let said = "schrijven in de map van de voorbeeldsite lukt niet";
    while !std::fs::read_to_string(&log).unwrap().contains(said) {
        assert!(Instant::now() < deadline, "the failed write was not told");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(std::fs::read_to_string(&page).unwrap() == "in de weg");
}

// Errors in the first build.

#[test]
fn a_site_broken_from_the_start_shows_its_errors_and_then_itself() {
    let site = Site::copy("minimal");
    let story = "content/stories/eerste-verhaal.md";
    site.write(story, "---\ntitle: [kapot\ndate: 2024-05-02\n---\nTekst.\n");
    let server = start_in(&site, &std::env::temp_dir(), 500);
    let port = server.port;
    for path in ["/", "/verhalen/eerste-verhaal/", "/nergens/", "/index.html"] {
        let (status, page) = get(port, path);
        assert_eq!(status, 500, "{path}");
        assert!(page.contains("Content-Type: text/html"), "{path}: {page}");
        assert!(
            page.contains("/__plein/reload.js"),
            "{path}: no reload script"
        );
        assert!(page.contains(story), "{path}: the page names the file");
        assert!(page.contains("<html lang=\"nl\""), "{path}: {page}");
        assert!(page.contains("fout"), "{path}: in Dutch: {page}");
    }
    let stream = Stream::open(port);
    assert!(stream.next("errors", 10), "a new page is told the errors");
    site.write(
        story,
        "---\ntitle: Nu wel goed\ndate: 2024-05-02\n---\nTekst.\n",
    );
    assert!(stream.next("reload", 15), "open pages are told to reload");
    let (status, page) = get(port, "/verhalen/eerste-verhaal/");
    assert_eq!(status, 200);
    assert!(page.contains("Nu wel goed"));
}

#[test]
fn an_english_site_broken_from_the_start_says_so_in_english() {
    let site = Site::copy("minimal");
    site.write("plein.yaml", "language: en\n");
    site.write(
        "content/stories/eerste-verhaal.md",
        "---\ntitle: [broken\n---\n",
    );
    let server = start_in(&site, &std::env::temp_dir(), 500);
    let (status, page) = get(server.port, "/");
    assert_eq!(status, 500);
    assert!(page.contains("<html lang=\"en\""), "{page}");
    assert!(page.contains("error"), "{page}");
    assert!(!page.contains("fout"), "{page}");
}

#[test]
fn on_ipv6_loopback_the_bracketed_address_is_answered() {
    let site = Site::copy("minimal");
    let port = std::net::TcpListener::bind("[::1]:0")
        .expect("IPv6 loopback (::1) on this machine")
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_plein"))
        .args(["serve", "--bind", "::1", "--port", &port.to_string()])
        .args(["--root", site.root().to_str().unwrap()])
        .env("PLEIN_NOW", "2026-11-25T12:00:00Z")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server { child, port };
    let ask = |host: &str| -> Option<u16> {
        let mut stream = TcpStream::connect(("::1", port)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        let request = format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        response.split(' ').nth(1)?.parse().ok()
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    let own = format!("[::1]:{port}");
    while ask(&own) != Some(200) {
        assert!(
            Instant::now() < deadline,
            "plein serve --bind ::1 did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(ask(&format!("localhost:{port}")), Some(200));
    assert_eq!(ask(&format!("evil.example:{port}")), Some(403));
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

/// What serve says at its start, in the site's language: a taken port and where the preview is.
#[test]
fn serve_speaks_the_site_language_from_the_start() {
    for (lang, taken, serving) in [
        (
            "nl",
            "is bezet; plein gebruikt",
            "de voorbeeldsite staat op http://127.0.0.1:",
        ),
        ("en", "is taken; using", "serving at http://127.0.0.1:"),
    ] {
        let site = Site::copy("minimal");
        site.write(
            "plein.yaml",
            &format!("base_url: https://wijk.example.org/\nlanguage: {lang}\n"),
        );
        let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = busy.local_addr().unwrap().port();
        let log = site.root().join("serve.log");
        let child = Command::new(env!("CARGO_BIN_EXE_plein"))
            .args(["serve", "--root", site.root().to_str().unwrap()])
            .args(["--port", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let _server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut said = String::new();
        while Instant::now() < deadline && !said.contains(serving) {
            std::thread::sleep(Duration::from_millis(50));
            said = std::fs::read_to_string(&log).unwrap_or_default();
        }
        assert!(said.contains(serving), "{lang}: {said}");
        assert!(said.contains(&format!("{port} {taken}")), "{lang}: {said}");
    }
}
