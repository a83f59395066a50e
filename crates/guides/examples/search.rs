//! Try the search on the real guides:
//! `cargo run -p sotay-guides --features load --example search -- "kich hoat"`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use sotay_guides::{Lang, check_dir, search};

fn main() -> ExitCode {
    let query = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/guides");
    // The date only matters for validation messages, which this example does not print.
    let Some(today) = sotay_guides::Date::new(9999, 12, 31) else {
        return ExitCode::FAILURE;
    };
    let report = check_dir(&root, today);
    let mut out = std::io::stdout().lock();
    for hit in search(&report.catalog, Lang::Vi, &query) {
        let line = format!(
            "{:>4}  {:<40} {:?} {:?}",
            hit.score, hit.id, hit.field, hit.step
        );
        if writeln!(out, "{line}").is_err() {
            break; // e.g. piped into `head`
        }
    }
    ExitCode::SUCCESS
}
