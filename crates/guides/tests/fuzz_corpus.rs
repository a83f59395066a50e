//! Runs the fuzzer's seed corpus (`fuzz/corpus/guide_toml/`) as a plain test: `valid_*`
//! files parse, `broken_*` files give errors that name the file, nothing panics.

#![cfg(feature = "load")]

use sotay_guides::parse_guide;

#[test]
fn seed_corpus_parses_as_named() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/guide_toml");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let Ok(text) = String::from_utf8(std::fs::read(&path).expect("readable")) else {
            continue;
        };
        let shown = format!("assets/guides/vi/{name}");
        match parse_guide(&shown, &text) {
            Ok(_) => assert!(
                name.starts_with("valid_"),
                "{name} should have been refused"
            ),
            Err(errors) => {
                assert!(name.starts_with("broken_"), "{name}: {errors:?}");
                assert!(
                    errors.iter().all(|e| e.to_string().contains(&name)),
                    "{errors:?}"
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 5, "the seed corpus is there ({checked} files)");
}
