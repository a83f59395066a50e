//! The deployment a commune really uses: `dist/` behind Debian's nginx with the
//! server block `cargo xtask dist` writes, checked against the same header table
//! (crates/headers) as `sotay serve`, and working offline after one visit.

use sotay_e2e::{Browser, Env, Nginx, get_headers, site};

/// A file in `dist/assets/` with this ending (names carry a hash).
fn asset(ending: &str) -> String {
    std::fs::read_dir(Env::get().dist.join("assets"))
        .expect("dist/assets")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        // Files under 512 bytes are not compressed: check one that is.
        .find(|name| {
            name.ends_with(ending)
                && Env::get()
                    .dist
                    .join("assets")
                    .join(format!("{name}.br"))
                    .exists()
        })
        .unwrap_or_else(|| panic!("no compressed {ending} asset"))
}

/// Every response type carries every row of the table, the right caching and
/// type, and compressed files come brotli-compressed with `Vary`.
fn assert_serves_the_header_table(server: &str, port: u16) {
    let cases = [
        ("/".to_string(), "text/html", true),
        ("/g/kich-hoat-vneid/".to_string(), "text/html", true),
        (
            format!("/assets/{}", asset(".wasm")),
            "application/wasm",
            true,
        ),
        (format!("/assets/{}", asset(".js")), "javascript", true),
        (format!("/assets/{}", asset(".css")), "text/css", true),
        (
            "/manifest.webmanifest".to_string(),
            "application/manifest+json",
            false,
        ),
        ("/sw.js".to_string(), "javascript", true),
        ("/icons/icon-192.png".to_string(), "image/png", false),
    ];
    let mut failures = Vec::new();
    for (path, content_type, compressed) in &cases {
        let (status, head) = get_headers(port, path, "br, gzip");
        let mut wanted: Vec<(String, String)> = sotay_headers::EVERY_RESPONSE
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        wanted.push((
            "Cache-Control".into(),
            sotay_headers::cache_control(path, true).into(),
        ));
        wanted.push(("Content-Type".into(), content_type.to_string()));
        if *compressed {
            wanted.push(("Content-Encoding".into(), "br".into()));
            wanted.push((sotay_headers::VARY.0.into(), sotay_headers::VARY.1.into()));
        }
        if status != 200 {
            failures.push(format!("{path}: status {status}"));
        }
        for (name, value) in wanted {
            let line = head
                .lines()
                .find(|line| line.starts_with(&format!("{}:", name.to_ascii_lowercase())));
            if !line.is_some_and(|line| line.contains(&value.to_ascii_lowercase())) {
                failures.push(format!("{path}: {name} should have {value}, got {line:?}"));
            }
        }
    }
    let (status, head) = get_headers(port, "/khong-co-trang-nay/", "identity");
    if status != 404 {
        failures.push(format!("an unknown path answered {status}"));
    }
    for (name, value) in sotay_headers::EVERY_RESPONSE.into_iter().chain([(
        "Cache-Control",
        sotay_headers::cache_control("/khong-co-trang-nay/", false),
    )]) {
        if !head.contains(&format!("{}: {}", name, value).to_ascii_lowercase()) {
            failures.push(format!("404: no {name}: {value}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{server} does not serve the header table:\n{}",
        failures.join("\n")
    );
}

#[test]
#[ignore = "needs the built site: run `cargo xtask test`"]
fn sotay_serve_sends_the_header_table() {
    let server = site();
    assert_serves_the_header_table("sotay serve", server.port);
}

#[test]
#[ignore = "needs the built site and nginx: run `cargo xtask test`"]
fn nginx_with_the_generated_config_sends_the_header_table() {
    let nginx = Nginx::start(&Env::get().dist);
    assert_serves_the_header_table("nginx", nginx.port);
}

#[tokio::test]
#[ignore = "needs the built site, nginx and Chromium: run `cargo xtask test`"]
async fn nginx_serves_a_site_that_works_offline_after_one_visit() {
    let nginx = Nginx::start(&Env::get().dist);
    let browser = Browser::start().await;
    let origin = nginx.origin();
    sotay_e2e::assert_works_offline_after_one_visit(
        &browser,
        &origin,
        || nginx.stop(),
        &[("/g/kich-hoat-vneid/", "Kích hoạt"), ("/quet/", "Quét")],
    )
    .await;
    browser.close().await;
}
