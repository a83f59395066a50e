//! `sotay serve DIR`: a small static file server for the built app.
//!
//! It exists so that a commune team (and our end-to-end tests) can run the
//! exact bundle that goes to a static host, with the headers that host should
//! send (the table in `crates/headers`, which also writes the nginx, Caddy and
//! `_headers` configurations): a strict Content-Security-Policy, long caching
//! for content-hashed files, no caching for the entry points, and precompressed
//! brotli / gzip.
//!
//! It also holds up against slow and odd clients: a request's headers must
//! arrive within [`Args::header_timeout`] (which also ends idle keep-alive
//! connections), at most [`Args::max_connections`] are served at once (more
//! wait in the kernel's queue, costing no file handles), a connection serves at
//! most [`MAX_REQUESTS_PER_CONNECTION`] requests, redirects never leave the
//! origin, and only regular files inside the folder are served (no dotfiles,
//! no symlinks out, over-long names are 404).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, Request, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tower::ServiceExt as _;
use tower_http::services::{ServeDir, ServeFile};

/// After this many requests a keep-alive connection is closed (`Connection: close`),
/// so one client cannot hold a connection slot for ever.
pub const MAX_REQUESTS_PER_CONNECTION: usize = 100;

/// The longest file or folder name Linux and most file systems allow, in bytes.
const MAX_NAME_BYTES: usize = 255;

#[derive(clap::Args)]
pub struct Args {
    /// The folder to serve (the output of `cargo xtask dist`).
    dir: PathBuf,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Seconds a client has to send a request's headers (also how long an idle
    /// keep-alive connection stays open).
    #[arg(long = "header-timeout", value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    header_timeout: u64,
    /// Connections served at the same time; more wait until one ends.
    #[arg(long = "max-connections", value_name = "N", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=65536))]
    max_connections: u64,
}

pub fn run(args: Args) -> ExitCode {
    if !args.dir.join("index.html").is_file() {
        eprintln!(
            "Không thấy {}/index.html. Hãy chạy `cargo xtask dist` trước. (No index.html in {}: build the site first.)",
            args.dir.display(),
            args.dir.display()
        );
        return ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("Không khởi động được máy chủ: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(args))
}

async fn serve(args: Args) -> ExitCode {
    let listener = match tokio::net::TcpListener::bind(args.addr).await {
        Ok(listener) => listener,
        Err(error) if error.kind() == std::io::ErrorKind::AddrInUse => {
            eprintln!(
                "Cổng {} đang được chương trình khác dùng. Hãy tắt chương trình đó hoặc chọn cổng khác, ví dụ --addr 127.0.0.1:8081. (Port in use.)",
                args.addr
            );
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!("Không mở được địa chỉ {}: {error}", args.addr);
            return ExitCode::FAILURE;
        }
    };
    let bound = listener.local_addr().unwrap_or(args.addr);
    // Tests read this line to learn the port; keep its shape.
    println!(
        "Đang phục vụ {} tại http://{bound}/ (Ctrl-C để dừng)",
        args.dir.display()
    );

    let app = router(&args.dir);
    let limits = Limits {
        header_timeout: Duration::from_secs(args.header_timeout),
        max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
    };
    tokio::select! {
        () = accept_loop(listener, app, limits) => ExitCode::FAILURE,
        _ = tokio::signal::ctrl_c() => {
            println!("Đã dừng máy chủ.");
            ExitCode::SUCCESS
        }
    }
}

/// What one client may hold of the server.
#[derive(Clone, Copy)]
struct Limits {
    header_timeout: Duration,
    max_connections: usize,
}

/// Accepts connections only while fewer than `max_connections` are open, and
/// serves each with hyper's HTTP/1 settings for slow clients.
async fn accept_loop(listener: tokio::net::TcpListener, app: Router, limits: Limits) {
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file handles or a reset before accept: wait a moment, go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let app = app.clone();
        tokio::spawn(async move {
            let served = Arc::new(AtomicUsize::new(0));
            let service =
                hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
                    let count = served.fetch_add(1, Ordering::Relaxed) + 1;
                    let app = app.clone();
                    async move {
                        let mut response = app.oneshot(request.map(Body::new)).await?;
                        if count >= MAX_REQUESTS_PER_CONNECTION {
                            response
                                .headers_mut()
                                .insert(header::CONNECTION, HeaderValue::from_static("close"));
                        }
                        Ok::<_, std::convert::Infallible>(response)
                    }
                });
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

/// The whole site: static files with precompressed variants, a 404 page, and headers.
pub fn router(dir: &Path) -> Router {
    let not_found = ServeFile::new(dir.join("404.html"));
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .not_found_service(not_found.clone());
    let guard = Arc::new(Guard {
        root: std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned()),
        not_found,
    });
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(guard, guard_paths))
        .layer(middleware::from_fn(add_headers))
}

/// What [`guard_paths`] needs: the folder and its 404 page.
struct Guard {
    root: PathBuf,
    not_found: ServeFile,
}

/// Answers 404 for names no file of the site has (dotfiles, over-long names)
/// and for anything that resolves outside the folder (a symlink out), and
/// keeps the directory redirect on this origin.
async fn guard_paths(
    State(guard): State<Arc<Guard>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let query = request.uri().query().map(str::to_owned);
    let Some(segments) = decoded_segments(&path) else {
        return not_found(&guard, request).await;
    };
    if segments
        .iter()
        .any(|segment| segment.starts_with('.') || segment.len() > MAX_NAME_BYTES)
    {
        return not_found(&guard, request).await;
    }
    let candidate = segments
        .iter()
        .fold(guard.root.clone(), |path, s| path.join(s));
    if escapes(&guard.root, &candidate).await {
        return not_found(&guard, request).await;
    }
    let mut response = next.run(request).await;
    if response.headers().contains_key(header::LOCATION) {
        // The only redirect is "folder → folder/": rebuild it from the path
        // alone, so neither `//host` nor an absolute-form request line can
        // send the reader to another site.
        let location = same_origin_folder(&path, query.as_deref());
        match HeaderValue::try_from(location) {
            Ok(value) => {
                response.headers_mut().insert(header::LOCATION, value);
            }
            Err(_) => response
                .headers_mut()
                .remove(header::LOCATION)
                .map_or((), drop),
        }
    }
    response
}

/// The path's segments, percent-decoded; `None` when they are not UTF-8 or
/// hold a separator or NUL (no file of the site does).
fn decoded_segments(path: &str) -> Option<Vec<String>> {
    path.split('/')
        .filter(|segment| !segment.is_empty())
        .map(|segment| {
            let bytes = percent_decode(segment)?;
            let text = String::from_utf8(bytes).ok()?;
            (!text.contains(['/', '\\', '\0'])).then_some(text)
        })
        .collect()
}

fn percent_decode(segment: &str) -> Option<Vec<u8>> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let hex = std::str::from_utf8(bytes.get(index + 1..index + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(byte);
            index += 1;
        }
    }
    Some(out)
}

/// Whether `candidate` (or the variant ServeDir would pick for it) exists and
/// resolves outside `root`.
async fn escapes(root: &Path, candidate: &Path) -> bool {
    let mut paths = vec![candidate.to_owned(), candidate.join("index.html")];
    for base in paths.clone() {
        for extension in ["br", "gz"] {
            let mut name = base.clone().into_os_string();
            name.push(".");
            name.push(extension);
            paths.push(PathBuf::from(name));
        }
    }
    for path in paths {
        if let Ok(resolved) = tokio::fs::canonicalize(&path).await
            && !resolved.starts_with(root)
        {
            return true;
        }
    }
    false
}

/// `/a/b` → `/a/b/` (plus the query), with leading slashes collapsed to one.
fn same_origin_folder(path: &str, query: Option<&str>) -> String {
    let trimmed = path.trim_start_matches('/');
    let mut location = format!("/{trimmed}");
    if !location.ends_with('/') {
        location.push('/');
    }
    if let Some(query) = query {
        location.push('?');
        location.push_str(query);
    }
    location
}

async fn not_found(guard: &Guard, request: Request<Body>) -> Response {
    let mut response = match guard.not_found.clone().oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

async fn add_headers(request: Request<axum::body::Body>, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    let cache = sotay_headers::cache_control(&path, response.status().is_success());
    let headers = response.headers_mut();
    let rows = sotay_headers::EVERY_RESPONSE
        .into_iter()
        .chain([("Cache-Control", cache), sotay_headers::VARY]);
    for (name, value) in rows {
        // The table's names are valid header names (tested below); `from_bytes` lowercases them.
        if let Ok(name) = HeaderName::from_bytes(name.as_bytes()) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_stay_on_this_origin() {
        assert_eq!(same_origin_folder("//quet", None), "/quet/");
        assert_eq!(
            same_origin_folder("///evil.example/x", Some("c=1")),
            "/evil.example/x/?c=1"
        );
        assert_eq!(same_origin_folder("/quet", None), "/quet/");
    }

    #[test]
    fn segments_are_decoded_and_odd_ones_refused() {
        assert_eq!(
            decoded_segments("/g/%71uet//x"),
            Some(vec!["g".to_owned(), "quet".to_owned(), "x".to_owned()])
        );
        assert_eq!(decoded_segments("/a%2Fb"), None);
        assert_eq!(decoded_segments("/a%00"), None);
        assert_eq!(decoded_segments("/%ff"), None);
        assert_eq!(decoded_segments("/%4"), None);
    }

    #[test]
    fn every_row_of_the_table_is_a_valid_header() {
        let rows = sotay_headers::EVERY_RESPONSE
            .into_iter()
            .chain([sotay_headers::VARY]);
        for (name, value) in rows {
            assert!(
                axum::http::HeaderName::from_bytes(name.as_bytes()).is_ok(),
                "{name}"
            );
            assert!(axum::http::HeaderValue::from_str(value).is_ok(), "{value}");
        }
    }
}
