//! Validates every guide under `assets/guides/` and the services list `assets/services.toml`, and
//! writes the catalog, its outline and the services as JSON.
//! Validates the practice scenarios under `assets/practice/` (and that each names a
//! guide and step that exist) and writes them, and their compact guide-link table, as JSON.
//! A broken guide, service or scenario file stops the build with messages that name the file and field.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/guides");
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=../../assets/illustrations");
    println!("cargo:rerun-if-changed=../../assets/practice");
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
    // The essential services, with each one's official link resolved here (from its guide's
    // procedure source when the list gives none), so the services page needs no guide bodies.
    let services_path = root.join("../services.toml");
    println!("cargo:rerun-if-changed={}", services_path.display());
    let (mut services, service_errors) =
        sotay_guides::check_services(&services_path, &report.catalog);
    if !service_errors.is_empty() {
        for error in &service_errors {
            eprintln!("{error}");
        }
        panic!(
            "{} lỗi trong danh sách dịch vụ (assets/services.toml), xem ở trên",
            service_errors.len()
        );
    }
    for service in &mut services.services {
        service.url = service.official_url(&report.catalog).map(str::to_owned);
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let json = serde_json::to_string(&services).expect("the services serialise");
    std::fs::write(Path::new(&out_dir).join("services.json"), json).expect("OUT_DIR is writable");
    // The whole catalog (the pre-renderer and native builds embed it; `cargo
    // xtask dist` publishes it as a file) and the outline every bundle embeds.
    for (name, catalog) in [
        ("guides.json", report.catalog.clone()),
        ("outline.json", report.catalog.outline()),
    ] {
        let json = serde_json::to_string(&catalog).expect("the catalog serialises");
        std::fs::write(Path::new(&out_dir).join(name), json).expect("OUT_DIR is writable");
    }
    write_practice(&report.catalog, Path::new(&out_dir));
}

/// `practice.json` (every scenario, for the practice bundle) and
/// `practice-links.json` (scenario → guide and step, for the guide pages).
fn write_practice(catalog: &sotay_guides::Catalog, out_dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/practice");
    let scenarios = sotay_practice::load::load_dir(&root).unwrap_or_else(|problems| fail(problems));
    let named: Vec<(String, &sotay_practice::Scenario)> = scenarios
        .iter()
        .map(|scenario| (format!("assets/practice/{}.toml", scenario.id), scenario))
        .collect();
    let problems = sotay_practice::check_links(&named, |guide| {
        catalog
            .get_exact(sotay_guides::Lang::Vi, guide)
            .map(|guide| guide.steps.len())
    });
    if !problems.is_empty() {
        fail(problems);
    }
    for (name, json) in [
        ("practice.json", serde_json::to_string(&scenarios)),
        (
            "practice-links.json",
            serde_json::to_string(&sotay_practice::links(&scenarios)),
        ),
    ] {
        let json = json.expect("scenarios serialise");
        std::fs::write(out_dir.join(name), json).expect("OUT_DIR is writable");
    }
}

fn fail(problems: Vec<sotay_practice::Problem>) -> ! {
    for problem in &problems {
        eprintln!("{problem}");
    }
    panic!(
        "{} lỗi trong bài tập thử (practice scenario errors), xem ở trên",
        problems.len()
    );
}
