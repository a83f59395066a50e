//! Validates every guide under `assets/guides/` and embeds the catalog as JSON.
//! A broken guide file stops the build with messages that name the file and field.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/guides");
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=../../assets/illustrations");
    println!("cargo:rerun-if-env-changed=SOTAY_BASE_PATH");
    let report = sotay_guides::check_dir(&root, sotay_guides::Date::today_utc());
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
