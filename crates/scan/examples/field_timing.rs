//! Native time per frame on the field corpus's tune part, with the camera's
//! work budget and an optional time limit (native ms; a 4× slowed browser
//! is about 5× slower): where to look before changing the decoder
//! (`cargo run --release -p sotay-scan --features corpus --example field_timing [per-condition] [repeats] [limit-ms]`).
//! Numbers only; the timing goals live in `cargo xtask bench scan`.

use std::time::Instant;

use sotay_scan::corpus::field::{self, Condition, Part};
use sotay_scan::frame::CAMERA_BUDGET_PER_PIXEL;

fn main() {
    let mut args = std::env::args().skip(1);
    let per_condition: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let repeats: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let limit_ms: Option<f64> = args.next().and_then(|s| s.parse().ok());
    let mut all = Vec::new();
    let mut all_read = 0;
    for condition in Condition::ALL {
        let mut times = Vec::new();
        let mut read = 0;
        let frames: Vec<_> = (0..per_condition)
            .map(|index| field::render(Part::Tune, condition, index))
            .collect();
        for frame in &frames {
            let options = sotay_scan::Options {
                work_budget: frame.width * frame.height * CAMERA_BUDGET_PER_PIXEL as usize,
                ..sotay_scan::Options::default()
            };
            let mut best = f64::MAX;
            let mut ok = false;
            for _ in 0..repeats {
                let started = Instant::now();
                let now_ms = || started.elapsed().as_secs_f64() * 1000.0;
                let time = limit_ms.map(|limit_ms| sotay_scan::TimeLimit {
                    now_ms: &now_ms,
                    limit_ms,
                });
                let found = sotay_scan::scan_frame_within(
                    &frame.luma,
                    frame.width,
                    frame.height,
                    &options,
                    time,
                )
                .map(|report| report.decoded)
                .unwrap_or_default();
                best = best.min(started.elapsed().as_secs_f64() * 1000.0);
                ok = found.iter().any(|d| d.text == frame.truth);
            }
            read += usize::from(ok);
            times.push(best);
        }
        all_read += read;
        all.extend(&times);
        report(condition.name(), read, per_condition, &mut times);
    }
    report(
        "ALL",
        all_read,
        per_condition * Condition::ALL.len() as u64,
        &mut all,
    );
}

fn report(name: &str, read: usize, of: u64, times: &mut [f64]) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<14} read {read:>3}/{of:<3} ms median {:>6.2} p95 {:>6.2} max {:>6.2}",
        at(0.5),
        at(0.95),
        at(1.0)
    );
}
