//! `cargo xtask bench load`: a first visit over emulated Fast 3G with a 4×
//! slower CPU and a cold cache, then an offline reload, for the home page and
//! one guide. Goals (issue 7): ≤ 200 KB transferred, first text ≤ 1.0 s,
//! interactive ≤ 3 s, offline reload ≤ 300 ms.

use std::time::Duration;

use serde_json::{Value, json};
use sotay_e2e::{Browser, site};

/// Fast 3G as the issue defines it: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.
const DOWN_BYTES_PER_S: f64 = 1_600_000.0 / 8.0;
const UP_BYTES_PER_S: f64 = 750_000.0 / 8.0;
const RTT_MS: f64 = 150.0;
const CPU_SLOWDOWN: f64 = 4.0;

struct Row {
    page: &'static str,
    kilobytes: f64,
    first_text_ms: f64,
    interactive_ms: f64,
    offline_reload_ms: f64,
    offline_first_text_ms: f64,
}

async fn throttle(browser: &Browser, offline: bool) {
    browser.cdp("Network.enable", json!({})).await;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": offline,
                "latency": RTT_MS,
                "downloadThroughput": DOWN_BYTES_PER_S,
                "uploadThroughput": UP_BYTES_PER_S,
            }),
        )
        .await;
    browser
        .cdp(
            "Emulation.setCPUThrottlingRate",
            json!({ "rate": CPU_SLOWDOWN }),
        )
        .await;
}

/// (first contentful paint, app ready mark, bytes over the wire) of the current document.
async fn timings(browser: &Browser) -> (f64, f64, f64) {
    browser
        .wait_until_for(
            "the app to be ready",
            "return performance.getEntriesByName('sotay-ready').length > 0",
            Duration::from_secs(60),
        )
        .await;
    let value = browser
        .eval(
            "const paint = performance.getEntriesByName('first-contentful-paint')[0];
             const ready = performance.getEntriesByName('sotay-ready')[0];
             const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
             return [paint ? paint.startTime : -1, ready.startTime,
                     entries.reduce((sum, e) => sum + (e.transferSize || 0), 0)];",
        )
        .await;
    let number = |i: usize| value.get(i).and_then(Value::as_f64).unwrap_or(f64::NAN);
    (number(0), number(1), number(2))
}

async fn measure(page: &'static str, path: &str) -> Row {
    let server = site();
    let browser = Browser::start().await;
    // A blank page first, so throttling is in place before the visit starts.
    browser.goto("about:blank").await;
    throttle(&browser, false).await;
    browser.goto(&server.url(path)).await;
    let (first_text_ms, interactive_ms, bytes) = timings(&browser).await;
    browser
        .wait_until_for(
            "the service worker",
            "return !!navigator.serviceWorker.controller",
            Duration::from_secs(120),
        )
        .await;
    throttle(&browser, true).await;
    browser.client.refresh().await.expect("offline reload");
    let (offline_first_text_ms, offline_reload_ms, _) = timings(&browser).await;
    browser.close().await;
    Row {
        page,
        kilobytes: bytes / 1024.0,
        first_text_ms,
        interactive_ms,
        offline_reload_ms,
        offline_first_text_ms,
    }
}

#[tokio::test]
#[ignore = "a benchmark: run `cargo xtask bench load`"]
async fn load() {
    let rows = [
        measure("home /", "/").await,
        measure("guide /g/kich-hoat-vneid/", "/g/kich-hoat-vneid/").await,
    ];
    println!();
    println!(
        "Fast 3G (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT), CPU 4× slower, cold cache, release build"
    );
    println!(
        "| page | transferred KB (goal ≤ 200) | first text ms (≤ 1000) | interactive ms (≤ 3000) | offline reload ms (≤ 300) | offline first text ms |"
    );
    println!("|---|---|---|---|---|---|");
    for row in &rows {
        println!(
            "| {} | {:.1} ({:.2}× goal) | {:.0} ({:.2}×) | {:.0} ({:.2}×) | {:.0} ({:.2}×) | {:.0} |",
            row.page,
            row.kilobytes,
            row.kilobytes / 200.0,
            row.first_text_ms,
            row.first_text_ms / 1000.0,
            row.interactive_ms,
            row.interactive_ms / 3000.0,
            row.offline_reload_ms,
            row.offline_reload_ms / 300.0,
            row.offline_first_text_ms,
        );
    }
    println!(
        "(ratios below 1.00× meet the goal; 'interactive' is when the app has taken over the pre-rendered page)"
    );
}
