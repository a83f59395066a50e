//! `sotay serve` against odd and slow clients, on loopback with a tiny site:
//! headers on every file type (`Vary`, COOP, CSP `form-action`), redirects that
//! stay on this origin, 404 for over-long names, dotfiles and symlinks out of
//! the folder, and slow or greedy clients that cannot hold the server.
//! Counts and waits are small and bounded; nothing asserts a duration.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The longest any read in these tests may block before the test fails.
const READ_LIMIT: Duration = Duration::from_secs(30);

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

fn serve(dir: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .arg("serve")
        .arg(dir)
        .args(["--addr", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("sotay serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("first line");
    let port = line
        .rsplit("http://127.0.0.1:")
        .next()
        .and_then(|rest| rest.split('/').next())
        .and_then(|port| port.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {line}"));
    Server { child, port }
}

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(READ_LIMIT)).expect("timeout");
    stream
}

/// Sends `request` as is and returns everything until the server closes.
fn raw(port: u16, request: &str) -> String {
    let mut stream = connect(port);
    stream.write_all(request.as_bytes()).expect("send");
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .expect("the server answers and closes");
    String::from_utf8_lossy(&response).into_owned()
}

/// Status and lower-cased head of `GET path`.
fn get(port: u16, path: &str, accept_encoding: &str) -> (u16, String) {
    let text = raw(
        port,
        &format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: {accept_encoding}\r\nConnection: close\r\n\r\n"
        ),
    );
    let head = text
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head)
}

/// A site shaped like `dist/`, plus the odd files a careless deploy may hold.
fn site(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("serve-{name}"));
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("site");
    for folder in ["quet", "assets", "icons", ".git"] {
        std::fs::create_dir_all(dir.join(folder)).expect("folder");
    }
    let files: [(&str, &[u8]); 12] = [
        ("index.html", b"<!doctype html><title>home</title>"),
        ("index.html.br", b"br-home"),
        ("404.html", b"<!doctype html><title>not found</title>"),
        ("quet/index.html", b"<!doctype html><title>quet</title>"),
        ("assets/app-0123abcd.js", b"console.log(1)"),
        ("assets/app-0123abcd.js.br", b"br-js"),
        ("assets/app-0123abcd.wasm", b"\0asm"),
        ("assets/style-0123abcd.css", b"body{}"),
        ("sw.js", b"self"),
        ("icons/icon-192.png", b"\x89PNG"),
        (".env", b"SECRET=1"),
        (".git/config", b"[core]"),
    ];
    for (path, bytes) in files {
        std::fs::write(dir.join(path), bytes).expect("file");
    }
    std::fs::write(root.join("outside.txt"), "outside the folder").expect("outside");
    std::os::unix::fs::symlink(root.join("outside.txt"), dir.join("out.txt")).expect("symlink");
    std::os::unix::fs::symlink(&root, dir.join("up")).expect("symlink");
    std::os::unix::fs::symlink(dir.join("sw.js"), dir.join("in.js")).expect("symlink");
    dir
}

#[test]
fn every_file_type_varies_on_accept_encoding_and_carries_the_policies() {
    let dir = site("headers");
    let server = serve(&dir, &[]);
    for path in [
        "/",
        "/quet/",
        "/assets/app-0123abcd.js",
        "/assets/app-0123abcd.wasm",
        "/assets/style-0123abcd.css",
        "/sw.js",
        "/icons/icon-192.png",
    ] {
        for encoding in ["br, gzip", "identity"] {
            let (status, head) = get(server.port, path, encoding);
            assert_eq!(status, 200, "{path}\n{head}");
            for needle in [
                "vary: accept-encoding",
                "cross-origin-opener-policy: same-origin",
                "form-action 'self'",
                "frame-ancestors 'none'",
            ] {
                assert!(
                    head.contains(needle),
                    "{path} ({encoding}): no {needle}\n{head}"
                );
            }
        }
    }
    let (_, head) = get(server.port, "/assets/app-0123abcd.js", "br");
    assert!(head.contains("content-encoding: br"), "{head}");
    let (status, head) = get(server.port, "/khong-co/", "identity");
    assert_eq!(status, 404);
    assert!(head.contains("vary: accept-encoding"), "{head}");
}

#[test]
fn redirects_never_leave_this_origin() {
    let dir = site("redirects");
    let server = serve(&dir, &[]);
    let location = |request: &str| {
        let text = raw(server.port, request).to_ascii_lowercase();
        text.lines()
            .find_map(|line| line.strip_prefix("location: ").map(str::to_owned))
            .unwrap_or_else(|| panic!("no redirect for {request:?}\n{text}"))
    };
    let host = "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";
    assert_eq!(location(&format!("GET /quet HTTP/1.1\r\n{host}")), "/quet/");
    assert_eq!(
        location(&format!("GET //quet HTTP/1.1\r\n{host}")),
        "/quet/"
    );
    assert_eq!(
        location(&format!("GET ///quet?c=AQ HTTP/1.1\r\n{host}")),
        "/quet/?c=aq"
    );
    assert_eq!(
        location(&format!("GET http://evil.example/quet HTTP/1.1\r\n{host}")),
        "/quet/"
    );
}

#[test]
fn long_names_dotfiles_and_symlinks_out_are_not_found() {
    let dir = site("paths");
    let server = serve(&dir, &[]);
    let long = "a".repeat(300);
    let long_encoded = "%61".repeat(100);
    for path in [
        format!("/{long}"),
        format!("/quet/{long}/"),
        format!("/{long_encoded}x{long_encoded}"),
        "/.env".to_owned(),
        "/%2Eenv".to_owned(),
        "/.git/config".to_owned(),
        "/out.txt".to_owned(),
        "/up/outside.txt".to_owned(),
    ] {
        let (status, head) = get(server.port, &path, "identity");
        assert_eq!(status, 404, "{path}\n{head}");
        assert!(head.contains("content-security-policy"), "{path}\n{head}");
    }
    let (status, _) = get(server.port, "/in.js", "identity");
    assert_eq!(status, 200, "a symlink inside the folder is fine");
}

#[test]
fn slow_clients_cannot_hold_the_server() {
    let dir = site("slow");
    let server = serve(&dir, &["--header-timeout", "2", "--max-connections", "4"]);
    // Twice as many half-sent requests as there are connection slots.
    let mut slow: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut stream = connect(server.port);
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .expect("half a request");
            stream
        })
        .collect();
    // A normal request still gets its answer once the slow ones are cut off.
    let (status, _) = get(server.port, "/", "identity");
    assert_eq!(status, 200);
    for stream in &mut slow {
        let mut rest = Vec::new();
        // The server closes the half-sent request (perhaps after a 408); a hang
        // would hit READ_LIMIT and fail here.
        let _ = stream.read_to_end(&mut rest).expect("closed by the server");
    }

    // An idle keep-alive connection is closed too.
    let mut idle = connect(server.port);
    idle.write_all(b"GET /sw.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("send");
    let mut all = Vec::new();
    idle.read_to_end(&mut all)
        .expect("answered, then closed when idle");
    assert!(String::from_utf8_lossy(&all).starts_with("HTTP/1.1 200"));

    // One connection serves at most 100 requests, the last says so, then it closes.
    let greedy = connect(server.port);
    let mut writer = greedy.try_clone().expect("clone");
    let mut reader = BufReader::new(greedy);
    let mut answered = 0;
    let mut last_head = String::new();
    for _ in 0..150 {
        if writer
            .write_all(b"GET /sw.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .is_err()
        {
            break;
        }
        let Some(head) = read_response(&mut reader) else {
            break;
        };
        answered += 1;
        last_head = head;
    }
    assert_eq!(answered, 100);
    assert!(last_head.contains("connection: close"), "{last_head}");
}

/// One response's lower-cased head (its body read and dropped); `None` once closed.
fn read_response(reader: &mut BufReader<TcpStream>) -> Option<String> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line == "\r\n" {
            break;
        }
        head.push_str(&line.to_ascii_lowercase());
    }
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(head)
}
