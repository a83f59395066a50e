//! `sotay serve DIR`: a small static file server for the built app.
//!
//! It exists so that a commune team (and our end-to-end tests) can run the
//! exact bundle that goes to a static host, with the headers that host should
//! send: a strict Content-Security-Policy, long caching for content-hashed
//! files, no caching for the entry points, and precompressed brotli / gzip.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Request, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower_http::services::{ServeDir, ServeFile};

/// The policy every response carries. No inline scripts or styles exist in the
/// bundle, so none are allowed; `wasm-unsafe-eval` is what compiling the WASM needs.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; \
object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const PERMISSIONS_POLICY: &str = "camera=(self), microphone=(), geolocation=()";

/// Files under this prefix carry a content hash in their name, so they never change.
const HASHED_PREFIX: &str = "/assets/";

#[derive(clap::Args)]
pub struct Args {
    /// The folder to serve (the output of `cargo xtask dist`).
    dir: PathBuf,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
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
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
        println!("Đã dừng máy chủ.");
    };
    match axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Máy chủ gặp lỗi: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The whole site: static files with precompressed variants, a 404 page, and headers.
pub fn router(dir: &std::path::Path) -> Router {
    let not_found = ServeFile::new(dir.join("404.html"));
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .not_found_service(not_found);
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(add_headers))
}

async fn add_headers(request: Request<axum::body::Body>, next: Next) -> Response {
    let hashed = request.uri().path().starts_with(HASHED_PREFIX);
    let mut response = next.run(request).await;
    let cache = if hashed && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let fixed: [(HeaderName, &'static str); 5] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ),
        (header::CACHE_CONTROL, cache),
    ];
    let headers = response.headers_mut();
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}
