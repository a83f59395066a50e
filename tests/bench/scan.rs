//! `cargo xtask bench scan`: QR decoding on the scan corpus (every condition ×
//! `SOTAY_BENCH_SEEDS` seeds, default 20, 1280 × 720 frames) in headless
//! Chromium with our worker WASM (as the app ships it), jsQR 1.4 and
//! zxing-wasm 3.x (reader build, `tryHarder`), plus native timing of
//! `sotay-scan`. Prints read rates and median ms per frame with ratios.
//! Goals (issue 5): read rate ≥ ZXing's on every condition; median time
//! ≤ half of jsQR's.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use sotay_e2e::{Browser, Env, Server};
use sotay_scan::corpus::{self, Condition};

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            copy_dir(&path, &to.join(path.file_name().expect("name")));
        } else {
            fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy file");
        }
    }
}

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

#[derive(Default)]
struct Tally {
    frames: usize,
    read: [usize; 4],
    ms: [Vec<f64>; 4],
}

const DECODERS: [&str; 4] = ["ours (wasm)", "jsQR", "zxing-wasm", "ours (native)"];

#[tokio::test]
#[ignore = "a benchmark: run `cargo xtask bench scan`"]
async fn scan() {
    let seeds: u64 = std::env::var("SOTAY_BENCH_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let node_modules = std::env::var("SOTAY_E2E_NODE_MODULES")
        .expect("SOTAY_E2E_NODE_MODULES (web/node_modules/)");
    let node_modules = Path::new(&node_modules);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();

    // The page: our worker as built, the two npm decoders, the corpus.
    copy_dir(&Env::get().dist.join("assets"), &root.join("assets"));
    fs::copy(node_modules.join("jsqr/dist/jsQR.js"), root.join("jsQR.js")).expect("jsQR from npm");
    fs::create_dir_all(root.join("zxing")).expect("zxing folder");
    fs::copy(
        node_modules.join("zxing-wasm/dist/iife/reader/index.js"),
        root.join("zxing/index.js"),
    )
    .expect("zxing-wasm from npm");
    fs::copy(
        node_modules.join("zxing-wasm/dist/reader/zxing_reader.wasm"),
        root.join("zxing/zxing_reader.wasm"),
    )
    .expect("zxing-wasm's .wasm");
    // `sotay serve` wants an index.html: the benchmark page is it.
    fs::write(root.join("index.html"), include_str!("bench.html")).expect("write page");
    fs::write(root.join("scan_bench.js"), include_str!("scan_bench.js")).expect("write script");
    corpus::write_corpus(&root.join("corpus"), seeds).expect("write the corpus");
    let worker = fs::read_dir(root.join("assets"))
        .expect("assets")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|name| name.starts_with("scan-worker-") && name.ends_with(".js"))
        .expect("the dist has the scan worker");

    // Native timing on the same frames (the dev profile builds sotay-scan at opt-level 2).
    let mut tallies: BTreeMap<&'static str, Tally> = BTreeMap::new();
    for frame in corpus::corpus(seeds) {
        let started = Instant::now();
        let found = sotay_scan::decode(&frame.luma, frame.width, frame.height);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let tally = tallies.entry(frame.condition.name()).or_default();
        tally.read[3] += usize::from(found.iter().any(|d| d.text == frame.truth));
        tally.ms[3].push(ms);
    }

    let server = Server::start(root);
    let browser = Browser::start().await;
    browser.goto(&server.url("/")).await;
    browser
        .eval(&format!(
            "window.startBench('/assets/{worker}'); return true"
        ))
        .await;
    let result = browser
        .wait_until_for(
            "the benchmark",
            "return window.benchDone && window.benchResult",
            Duration::from_secs(3600),
        )
        .await;
    let rows = result
        .as_array()
        .unwrap_or_else(|| panic!("benchmark failed: {result}"));
    for row in rows {
        let condition = Condition::ALL
            .into_iter()
            .map(Condition::name)
            .find(|name| row["condition"] == *name)
            .expect("a known condition");
        let tally = tallies.entry(condition).or_default();
        tally.frames += 1;
        for (i, key) in ["ours", "jsqr", "zxing"].into_iter().enumerate() {
            tally.read[i] += usize::from(row[format!("{key}_ok")] == Value::Bool(true));
            tally.ms[i].push(row[format!("{key}_ms")].as_f64().unwrap_or(f64::NAN));
        }
    }
    browser.close().await;

    println!(
        "\nQR decoding, {seeds} frames per condition, 1280 × 720 (Chromium headless; native = this machine, dev profile opt-level 2)"
    );
    println!("read rate (%):");
    println!(
        "{:<14} {:>11} {:>7} {:>10} {:>13} {:>10} {:>10}",
        "condition", DECODERS[0], DECODERS[1], DECODERS[2], DECODERS[3], "ours−zxing", "ours−jsQR"
    );
    let mut all = Tally::default();
    let order = Condition::ALL.map(Condition::name);
    for name in order {
        let Some(t) = tallies.get_mut(name) else {
            continue;
        };
        let pct = |n: usize| 100.0 * n as f64 / t.frames.max(1) as f64;
        println!(
            "{:<14} {:>11.0} {:>7.0} {:>10.0} {:>13.0} {:>+10.0} {:>+10.0}",
            name,
            pct(t.read[0]),
            pct(t.read[1]),
            pct(t.read[2]),
            pct(t.read[3]),
            pct(t.read[0]) - pct(t.read[2]),
            pct(t.read[0]) - pct(t.read[1])
        );
        all.frames += t.frames;
        for i in 0..4 {
            all.read[i] += t.read[i];
            all.ms[i].extend(t.ms[i].iter().copied());
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / all.frames.max(1) as f64;
    println!(
        "{:<14} {:>11.0} {:>7.0} {:>10.0} {:>13.0} {:>+10.0} {:>+10.0}",
        "ALL",
        pct(all.read[0]),
        pct(all.read[1]),
        pct(all.read[2]),
        pct(all.read[3]),
        pct(all.read[0]) - pct(all.read[2]),
        pct(all.read[0]) - pct(all.read[1])
    );
    println!("median ms per frame:");
    println!(
        "{:<14} {:>11} {:>7} {:>10} {:>13} {:>10} {:>10}",
        "condition", DECODERS[0], DECODERS[1], DECODERS[2], DECODERS[3], "ours/zxing", "ours/jsQR"
    );
    for name in order.into_iter().chain(["ALL"]) {
        let t = if name == "ALL" {
            &mut all
        } else if let Some(t) = tallies.get_mut(name) {
            t
        } else {
            continue;
        };
        let m: Vec<f64> = t.ms.iter_mut().map(|v| median(v)).collect();
        println!(
            "{:<14} {:>11.1} {:>7.1} {:>10.1} {:>13.1} {:>10.2} {:>10.2}",
            name,
            m[0],
            m[1],
            m[2],
            m[3],
            m[0] / m[2],
            m[0] / m[1]
        );
    }
}
