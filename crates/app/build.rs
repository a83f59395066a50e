//! Validates every guide under `assets/guides/` and embeds the catalog as JSON.
//! A broken guide file stops the build with messages that name the file and field.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/guides");
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=../../assets/illustrations");
    println!("cargo:rerun-if-env-changed=SOTAY_BASE_PATH");
    let report = sotay_guides::check_dir(&root, today());
    for warning in &report.warnings {
        println!("cargo:warning={warning}");
    }
    if !report.errors.is_empty() {
        for error in &report.errors {
            eprintln!("{error}");
        }
        panic!(
            "{} lỗi trong nội dung hướng dẫn (guide content errors), xem ở trên",
            report.errors.len()
        );
    }
    let json = serde_json::to_string(&report.catalog).expect("the catalog serialises");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("guides.json");
    std::fs::write(out, json).expect("OUT_DIR is writable");
}

/// Today's civil date (UTC) from the system clock, for the "reviewed not in the future" rule.
fn today() -> sotay_guides::Date {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    sotay_guides::Date::new(year, month, day).expect("a valid civil date")
}
