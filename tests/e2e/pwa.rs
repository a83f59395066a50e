//! Offline use, safe updates, pages without JavaScript, installability (issue 7).

use std::time::Duration;

use serde_json::{Value, json};
use sotay_e2e::{Browser, Env, Options, Server, free_port, site};

async fn set_offline(browser: &Browser, offline: bool) {
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        )
        .await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn after_one_visit_everything_works_offline() {
    let server = site();
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.wait_for_service_worker().await;
    // A resident's visit saves only what a resident needs; the scanner's and the
    // team's files are saved once one of their pages has been opened.
    for path in ["/quet/", "/to-cong-nghe/"] {
        browser.open(&server.url(path)).await;
    }
    browser
        .wait_until_for(
            "the scanner's and the team's files to be saved",
            "return caches.keys().then(async (keys) => {
               const cache = await caches.open(keys.find((k) => k.startsWith('sotay-')));
               return !!(await cache.match('/sw-group/scanner')) && !!(await cache.match('/sw-group/team'));
             })",
            Duration::from_secs(30),
        )
        .await;
    browser.open(&server.url("/")).await;
    // The network really goes away: DevTools offline mode, and the server stops.
    browser.cdp("Network.enable", json!({})).await;
    set_offline(&browser, true).await;
    let origin = server.origin();
    server.stop();

    browser.client.refresh().await.expect("reload offline");
    browser.wait_for_app().await;
    assert!(browser.heading().await.contains("Sổ tay Công dân số"));
    browser
        .wait_until(
            "the offline indicator",
            "return document.querySelector('[data-status=offline]')",
        )
        .await;
    for (path, words) in [
        ("/g/kich-hoat-vneid/", "Kích hoạt"),
        ("/g/dang-ky-tam-tru/", "tạm trú"),
        ("/g/lua-dao-gia-danh-cong-an/", "lừa đảo"),
    ] {
        browser.open(&format!("{origin}{path}")).await;
        let heading = browser.heading().await;
        assert!(
            heading.to_lowercase().contains(&words.to_lowercase()),
            "{path} offline: {heading}"
        );
        // The steps come from the precached catalog a moment after the title.
        browser
            .wait_until(
                &format!("{path} offline to show a step"),
                "return document.querySelectorAll('.step').length > 0",
            )
            .await;
    }
    // A client-side navigation into a guide also works offline.
    browser.open(&format!("{origin}/huong-dan/")).await;
    browser.click("a[href='/g/cap-doi-the-can-cuoc/']").await;
    browser
        .wait_until(
            "the guide's steps, from the saved catalog",
            "return location.pathname === '/g/cap-doi-the-can-cuoc/'
                && document.querySelectorAll('.player .step').length > 0",
        )
        .await;
    // The scanner's upload path and the poster builder.
    browser.open(&format!("{origin}/quet/")).await;
    browser
        .wait_until(
            "the photo upload input",
            "return document.querySelector('input[type=file]')",
        )
        .await;
    browser.open(&format!("{origin}/ap-phich/")).await;
    browser
        .wait_until(
            "the poster preview",
            "return document.querySelector('.poster-preview img, .poster-preview svg')",
        )
        .await;
    // A guide's poster prints its key steps: they come from the saved catalog.
    browser
        .open(&format!("{origin}/ap-phich/?g=dang-ky-tam-tru"))
        .await;
    browser
        .wait_until(
            "the guide's poster preview",
            "return document.querySelector('select')?.value === 'dang-ky-tam-tru'
                && !!document.querySelector('.poster-preview img, .poster-preview svg')",
        )
        .await;
    set_offline(&browser, false).await;
    browser.assert_console_clean().await;
    browser.close().await;
}

/// The asset URLs of one build, from its build.json.
fn precache_of(dist: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(dist.join("build.json")).expect("build.json");
    let build: Value = serde_json::from_str(&text).expect("build.json is JSON");
    build["precache"]
        .as_array()
        .expect("precache list")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn a_new_version_is_offered_and_never_mixed_with_the_old() {
    let env = Env::get();
    let port = free_port();
    let server_a = Server::start_on(&env.dist, port);
    let browser = Browser::start().await;
    browser.open(&server_a.url("/")).await;
    browser.wait_for_service_worker().await;
    assert_eq!(browser.eval("return window.sotayBuild").await, "e2e-a");
    server_a.stop();

    let server_b = Server::start_on(&env.dist_b, port);
    // Navigating makes the browser look for a new service worker; B installs and waits.
    browser.client.refresh().await.expect("reload");
    browser.wait_for_app().await;
    assert_eq!(
        browser.eval("return window.sotayBuild").await,
        "e2e-a",
        "A keeps running until the user agrees"
    );
    browser
        .wait_until_for(
            "the update prompt",
            "return document.querySelector('.update-banner button')",
            Duration::from_secs(30),
        )
        .await;
    browser.click(".update-banner button").await;
    browser
        .wait_until_for(
            "build B to run",
            "return window.sotayBuild === 'e2e-b'",
            Duration::from_secs(30),
        )
        .await;
    browser.wait_for_app().await;
    let label = browser
        .eval("return document.querySelector('meta[name=sotay-build]').content")
        .await;
    assert_eq!(label, "e2e-b");
    // Every script, style and module the page loaded belongs to B.
    let b_files = precache_of(&env.dist_b);
    let a_only: Vec<String> = precache_of(&env.dist)
        .into_iter()
        .filter(|f| !b_files.contains(f))
        .collect();
    assert!(
        !a_only.is_empty(),
        "the two builds differ in at least one file"
    );
    let loaded = browser
        .eval("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)")
        .await;
    for path in loaded
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(Value::as_str)
    {
        assert!(
            !a_only.iter().any(|a| a == path),
            "B's page loaded A's file {path}"
        );
    }
    // Old caches go once B is active.
    browser
        .wait_until(
            "only B's cache",
            "return caches.keys().then(k => k.length === 1)",
        )
        .await;
    drop(server_b);
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn guides_read_without_javascript() {
    let server = site();
    let browser = Browser::start_with(Options {
        javascript_disabled: true,
        ..Options::default()
    })
    .await;
    let guide_file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../assets/guides/vi/kich-hoat-vneid.toml"
    );
    let toml = std::fs::read_to_string(guide_file).expect("the guide file");
    let steps = toml.matches("[[steps]]").count();
    browser.goto(&server.url("/g/kich-hoat-vneid/")).await;
    let heading = browser.text("h1").await;
    assert!(heading.contains("Kích hoạt"), "{heading}");
    let shown = browser
        .client
        .find_all(fantoccini::Locator::Css(".step"))
        .await
        .expect("steps")
        .len();
    assert_eq!(shown, steps, "every step is on the page without JavaScript");
    let body = browser.text("body").await;
    assert!(
        body.contains("Bước 1") || body.contains("1"),
        "steps are numbered"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_manifest_makes_the_app_installable() {
    let server = site();
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.wait_for_service_worker().await;
    let result = browser.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(result["installabilityErrors"], json!([]), "{result}");
    let manifest = browser.cdp("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    browser.close().await;
}

/// The team page reads volunteers' month QR codes with the scanner's worker: the team's
/// offline group carries the worker too, so a lead who saved only the team's tools can
/// read them without signal.
#[test]
#[ignore = "needs the built site: run `cargo xtask test`"]
fn the_team_group_carries_the_scan_worker() {
    let env = Env::get();
    let text = std::fs::read_to_string(env.dist.join("build.json")).expect("build.json");
    let build: Value = serde_json::from_str(&text).expect("build.json is JSON");
    let group = |name: &str| -> Vec<String> {
        build["groups"][name]
            .as_array()
            .unwrap_or_else(|| panic!("group {name}"))
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let worker: Vec<String> = group("scanner")
        .into_iter()
        .filter(|url| url.contains("scan_worker") || url.contains("scan-worker"))
        .collect();
    assert!(
        worker.len() >= 2,
        "the worker's WASM and script: {worker:?}"
    );
    let team = group("team");
    for url in &worker {
        assert!(team.contains(url), "{url} missing from the team group");
    }
}
