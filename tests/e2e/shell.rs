//! The app shell: routes, navigation, console, network, headers.

use serde_json::json;
use sotay_e2e::pages::PAGES;
use sotay_e2e::{Browser, get_headers, site};

/// Records CSP violations from the very start of every document.
pub async fn watch_csp(browser: &Browser) {
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));" }),
        )
        .await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn every_route_renders_its_heading_without_errors() {
    let server = &site();
    let browser = Browser::start().await;
    watch_csp(&browser).await;
    for page in PAGES {
        let path = page.path;
        browser.open(&server.url(path)).await;
        let h1 = browser.heading().await;
        assert!(
            h1.contains(page.heading),
            "{path}: heading {h1:?} lacks {:?}",
            page.heading
        );
        let lang = browser.eval("return document.documentElement.lang").await;
        assert_eq!(lang, "vi", "{path}");
        let violations = browser.eval("return window.__csp").await;
        assert_eq!(violations, json!([]), "{path}: CSP violations");
        // The friendly not-found page: the only console line is the browser's own 404 note.
        let url = server.url(path);
        browser
            .assert_console_clean_except(|message| {
                page.is_not_found() && message.starts_with(&url) && message.contains("404")
            })
            .await;
    }
    let foreign: Vec<String> = browser
        .requested_urls()
        .await
        .into_iter()
        // chrome:// is the browser's own new-tab page before the first visit, not the app.
        .filter(|url| {
            !url.starts_with(&server.origin())
                && !url.starts_with("data:")
                && !url.starts_with("blob:")
                && !url.starts_with("chrome://")
        })
        .collect();
    assert!(
        foreign.is_empty(),
        "requests left the test server: {foreign:?}"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn navigation_works_by_clicking_and_back() {
    let server = &site();
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    // A mark on the window survives only as long as the document does.
    let mark = "window.__sameDocument = true; return true";
    let same_document = "return window.__sameDocument === true";
    let bundle = "return performance.getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .find((p) => p.endsWith('.wasm') && !p.includes('scan_worker'))";
    browser.eval(mark).await;
    assert!(
        browser
            .eval(bundle)
            .await
            .as_str()
            .unwrap_or_default()
            .contains("sotay_app-"),
        "a resident's page loads the resident bundle"
    );

    // Within the resident bundle: the app changes screens without a page load.
    browser.click_nav("/huong-dan/").await;
    assert!(browser.heading().await.contains("Hướng dẫn"));
    assert_eq!(browser.eval(same_document).await, json!(true));

    // To another bundle: a normal page load of the scanner's own page.
    let ready = "return document.querySelector('#app')?.dataset.app === 'ready'";
    browser.click_nav("/quet/").await;
    browser.wait_until("the scanner's app", ready).await;
    assert!(browser.heading().await.contains("Quét"));
    assert_eq!(browser.eval(same_document).await, json!(false));
    let loaded = browser.eval(bundle).await;
    assert!(
        loaded
            .as_str()
            .unwrap_or_default()
            .contains("sotay_scanner-"),
        "the scanner's page loads the scanner bundle: {loaded}"
    );
    // The team's tools are a third bundle.
    browser.click_nav("/to-cong-nghe/").await;
    browser.wait_until("the team's app", ready).await;
    let loaded = browser.eval(bundle).await;
    assert!(
        loaded.as_str().unwrap_or_default().contains("sotay_team-"),
        "{loaded}"
    );
    browser.eval(mark).await;
    // Within the team bundle: no page load.
    browser.click_nav("/ap-phich/").await;
    assert_eq!(browser.eval(same_document).await, json!(true));

    // Back, and Back again across the bundles.
    browser.client.back().await.expect("back");
    browser
        .wait_until(
            "back to the team page",
            "return location.pathname === '/to-cong-nghe/'",
        )
        .await;
    assert_eq!(browser.eval(same_document).await, json!(true));
    browser.client.back().await.expect("back");
    browser
        .wait_until("back to the scanner", "return location.pathname === '/quet/' && document.querySelector('h1')?.textContent.includes('Quét')")
        .await;
    browser.client.back().await.expect("back");
    browser.wait_until("back to the list", "return location.pathname === '/huong-dan/' && document.querySelector('h1').textContent.includes('Hướng dẫn')").await;
    browser.click_text("Giới thiệu").await;
    browser
        .wait_until(
            "the about page",
            "return location.pathname === '/gioi-thieu/'",
        )
        .await;
    browser.assert_console_clean().await;
    browser.close().await;
}

#[test]
#[ignore = "needs the built site: run `cargo xtask test`"]
fn every_response_type_carries_the_security_headers() {
    let server = &site();
    let dist = &sotay_e2e::Env::get().dist;
    let asset = |extension: &str| {
        std::fs::read_dir(dist.join("assets"))
            .expect("dist/assets")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|name| name.ends_with(extension))
            .unwrap_or_else(|| panic!("no {extension} asset"))
    };
    let cases = [
        ("/".to_string(), "text/html", "no-cache"),
        ("/g/kich-hoat-vneid/".to_string(), "text/html", "no-cache"),
        (
            format!("/assets/{}", asset(".wasm")),
            "application/wasm",
            "immutable",
        ),
        (
            format!("/assets/{}", asset(".js")),
            "javascript",
            "immutable",
        ),
        (
            format!("/assets/{}", asset(".css")),
            "text/css",
            "immutable",
        ),
        (
            "/manifest.webmanifest".to_string(),
            "application/manifest+json",
            "no-cache",
        ),
        ("/sw.js".to_string(), "javascript", "no-cache"),
        ("/icons/icon-192.png".to_string(), "image/png", "no-cache"),
    ];
    for (path, content_type, cache) in &cases {
        let (status, head) = get_headers(server.port, path, "br");
        assert_eq!(status, 200, "{path}");
        for needle in [
            "content-security-policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';",
            "frame-ancestors 'none'",
            "x-content-type-options: nosniff",
            "referrer-policy: no-referrer",
            "permissions-policy: camera=(self), microphone=(), geolocation=()",
            "form-action 'self'",
            "cross-origin-opener-policy: same-origin",
            // Served brotli, gzip or plain by Accept-Encoding: shared caches must know.
            "vary: accept-encoding",
        ] {
            assert!(head.contains(needle), "{path}: missing {needle}\n{head}");
        }
        assert!(
            head.contains(&format!("content-type: {content_type}")) || head.contains(content_type),
            "{path}: type\n{head}"
        );
        assert!(head.contains(cache), "{path}: cache-control\n{head}");
    }
    let (_, head) = get_headers(
        server.port,
        &format!("/assets/{}", asset(".wasm")),
        "br, gzip",
    );
    assert!(
        head.contains("content-encoding: br"),
        "wasm is served with brotli\n{head}"
    );
    let (status, head) = get_headers(server.port, "/khong-co/", "identity");
    assert_eq!(status, 404, "unknown paths are 404\n{head}");
    assert!(
        head.contains("content-security-policy"),
        "404 carries the headers too"
    );
}
