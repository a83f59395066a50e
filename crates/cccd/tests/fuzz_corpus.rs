//! Runs the fuzzer's seed corpus (`fuzz/corpus/cccd_parse/`) as a plain test, so every
//! seed, and every crash input saved there after a fuzz run, is checked on each `cargo test`.
//! A file named `cccd_*`, `can_cuoc_*` or `not_card_*` must read as that kind.

mod common;

use std::path::PathBuf;

use sotay_cccd::{Reading, parse};

fn corpus_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // Canonical first, so that a symlinked checkout still finds the repository root.
    let manifest = std::fs::canonicalize(&manifest).unwrap_or(manifest);
    manifest.join("../../fuzz/corpus/cccd_parse")
}

#[test]
fn seed_corpus_parses_as_named() {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut checked = 0;
    for entry in entries {
        let path = entry.expect("readable directory entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let bytes = std::fs::read(&path).expect("readable corpus file");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue; // the target skips invalid UTF-8 too
        };
        let reading = parse(text, common::today());
        assert_eq!(reading.raw(), text, "{name}");
        let json = serde_json::to_value(&reading).expect("serializes");
        assert_eq!(json.as_object().map(|o| o.len()), Some(14), "{name}");
        if let Reading::Card(card) = &reading {
            assert_eq!(
                card.renewal_overdue,
                card.next_renewal.is_some_and(|due| common::today() > due)
            );
        }
        let expected = ["can_cuoc", "cccd", "not_card"]
            .into_iter()
            .find(|kind| name.starts_with(&format!("{kind}_")));
        if let Some(expected) = expected {
            assert_eq!(reading.kind_code(), expected, "{name}");
        }
        checked += 1;
    }
    assert!(
        checked >= 12,
        "only {checked} seed files in {}",
        dir.display()
    );
}
