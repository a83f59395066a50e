//! Validates every guide under `assets/guides/` and writes the catalog and its outline as JSON.
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
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // The whole catalog (the pre-renderer and native builds embed it; `cargo
    // xtask dist` publishes it as a file) and the outline every bundle embeds.
    for (name, catalog) in [
        ("guides.json", report.catalog.clone()),
        ("outline.json", report.catalog.outline()),
    ] {
        let json = serde_json::to_string(&catalog).expect("the catalog serialises");
        std::fs::write(Path::new(&out_dir).join(name), json).expect("OUT_DIR is writable");
    }
}
