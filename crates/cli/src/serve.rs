//! `sotay serve DIR`: a small static file server for the built app.
//!
//! It exists so that a commune team (and our end-to-end tests) can run the
//! exact bundle that goes to a static host, with the headers that host should
//! send (the table in `crates/headers`, which also writes the nginx, Caddy and
//! `_headers` configurations): a strict Content-Security-Policy, long caching
//! for content-hashed files, no caching for the entry points, and precompressed
//! brotli / gzip.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Request};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower_http::services::{ServeDir, ServeFile};

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
