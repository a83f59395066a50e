//! `cargo xtask bench scan`: QR decoding on the field corpus
//! (`sotay_scan::corpus::field`: 640 × 480 frames, nine conditions,
//! `SOTAY_BENCH_PER_CONDITION` frames each, default 20) in headless Chromium
//! with 4× CPU slowdown, all three on the page's main thread (the slowdown
//! throttles no worker): our scan worker's WASM as the app ships it (with the
//! camera's work budget), jsQR 1.4 and zxing-wasm 3.x (reader build,
//! `tryHarder`); plus `sotay-scan` natively with the same budget and time
//! limit (`sotay_scan::frame`). Every decoder starts from the frame's RGBA
//! (ours through the worker's `protocol::answer`, which turns it into luma),
//! and its time includes that. Prints
//! read rate per condition and median / p95 ms per frame, for the tune part
//! and the held-out part separately.
//! Goals (issue 16): on the held-out part, ours ≥ zxing-wasm overall and in
//! every condition; median ms ≤ zxing-wasm's, p95 ≤ 40 ms.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sotay_e2e::{Browser, Env, Server};
use sotay_scan::corpus::field::{self, Condition, Part};
use sotay_scan::frame::{CAMERA_BUDGET_PER_PIXEL, CAMERA_TIME_LIMIT_MS};
use sotay_scan::protocol::{self, Outcome, Reply, Request};

/// Chromium's CPU slowdown: a cheap phone.
const CPU_SLOWDOWN: f64 = 4.0;

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

/// The `q` quantile (nearest rank) of `values`.
fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    values[((values.len() - 1) as f64 * q).round() as usize]
}

const DECODERS: [&str; 4] = ["ours (wasm)", "zxing-wasm", "jsQR", "ours (native)"];
const KEYS: [&str; 3] = ["ours", "zxing", "jsqr"];

#[derive(Default)]
struct Tally {
    frames: usize,
    read: [usize; 4],
    ms: [Vec<f64>; 4],
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.frames += other.frames;
        for i in 0..4 {
            self.read[i] += other.read[i];
            self.ms[i].extend(&other.ms[i]);
        }
    }
}

fn print_part(part: Part, tallies: &mut BTreeMap<&'static str, Tally>, per_condition: u64) {
    println!(
        "\n{} part: {per_condition} frames per condition, 640 × 480, Chromium headless with {CPU_SLOWDOWN}× CPU slowdown (native: this machine, dev profile; ours with the camera's budget and time limit)",
        part.name()
    );
    // One line of a table: a label and a cell per decoder.
    let line = |label: &str, cells: [&str; 4], tail: &str| {
        println!(
            "{label:<14} {:>11} {:>11} {:>12} {:>13}{tail}",
            cells[0], cells[1], cells[2], cells[3]
        );
    };
    line("read", DECODERS, "");
    let mut all = Tally::default();
    let row = |name: &str, t: &Tally| {
        let cells = t.read.map(|n| format!("{n}/{}", t.frames));
        line(name, cells.each_ref().map(String::as_str), "");
    };
    for condition in Condition::ALL {
        if let Some(t) = tallies.get(condition.name()) {
            row(condition.name(), t);
            all.add(t);
        }
    }
    row("ALL", &all);
    line("time", DECODERS, "   (ms per frame, median / p95)");
    let names = Condition::ALL.map(Condition::name);
    for name in names.into_iter().chain(["ALL"]) {
        let t = match name {
            "ALL" => &mut all,
            _ => match tallies.get_mut(name) {
                Some(t) => t,
                None => continue,
            },
        };
        let cells =
            t.ms.each_mut()
                .map(|v| format!("{:.1}/{:.0}", quantile(v, 0.5), quantile(v, 0.95)));
        line(name, cells.each_ref().map(String::as_str), "");
    }
}

#[tokio::test]
#[ignore = "a benchmark: run `cargo xtask bench scan`"]
async fn scan() {
    let per_condition: u64 = std::env::var("SOTAY_BENCH_PER_CONDITION")
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
    for part in Part::ALL {
        field::write_corpus(&root.join(part.name()), part, per_condition)
            .expect("write the corpus");
    }
    // The scan worker's module and glue, as built (hashed names).
    let asset = |prefix: &str, extension: &str| {
        fs::read_dir(root.join("assets"))
            .expect("assets")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .find(|name| name.starts_with(prefix) && name.ends_with(extension))
            .unwrap_or_else(|| panic!("the dist has {prefix}*{extension}"))
    };
    let (glue, wasm) = (
        asset("sotay_scan_worker-", ".js"),
        asset("sotay_scan_worker-", ".wasm"),
    );

    // Native timing on the same frames, with the camera's budget and time limit as in the browser.
    let mut tallies: BTreeMap<(&'static str, &'static str), Tally> = BTreeMap::new();
    for part in Part::ALL {
        for frame in field::corpus(part, per_condition) {
            // From RGBA through the worker's own entry point, as in the browser.
            let rgba: Vec<u8> = frame.luma.iter().flat_map(|&v| [v, v, v, 255]).collect();
            let started = Instant::now();
            let now_ms = || started.elapsed().as_secs_f64() * 1000.0;
            let request = Request::camera(1, frame.width as u32, frame.height as u32);
            let reply = protocol::answer_with_clock(&request.header(), rgba, &now_ms);
            let read = Reply::decode(&reply)
                .is_some_and(|r| r.outcome == Outcome::Read(frame.truth.clone()));
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let tally = tallies
                .entry((part.name(), frame.condition.name()))
                .or_default();
            tally.read[3] += usize::from(read);
            tally.ms[3].push(ms);
        }
    }

    let server = Server::start(root);
    let browser = Browser::start().await;
    browser.goto(&server.url("/")).await;
    browser
        .cdp(
            "Emulation.setCPUThrottlingRate",
            json!({ "rate": CPU_SLOWDOWN }),
        )
        .await;
    let parts = Part::ALL.map(Part::name);
    browser
        .eval(&format!(
            "window.startBench('/assets/{glue}', '/assets/{wasm}', {}, {}, {}); return true",
            json!(parts),
            CAMERA_BUDGET_PER_PIXEL,
            CAMERA_TIME_LIMIT_MS
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
        let part = parts
            .into_iter()
            .find(|p| row["part"] == *p)
            .expect("a known part");
        let condition = Condition::ALL
            .into_iter()
            .map(Condition::name)
            .find(|name| row["condition"] == *name)
            .expect("a known condition");
        let tally = tallies.entry((part, condition)).or_default();
        tally.frames += 1;
        for (i, key) in KEYS.into_iter().enumerate() {
            tally.read[i] += usize::from(row[format!("{key}_ok")] == Value::Bool(true));
            tally.ms[i].push(row[format!("{key}_ms")].as_f64().unwrap_or(f64::NAN));
        }
    }
    browser.close().await;

    for part in Part::ALL {
        let mut of_part: BTreeMap<&'static str, Tally> = tallies
            .iter_mut()
            .filter(|((p, _), _)| *p == part.name())
            .map(|((_, c), t)| (*c, std::mem::take(t)))
            .collect();
        print_part(part, &mut of_part, per_condition);
    }
}
