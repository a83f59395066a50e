//! Runs the fuzzer's seed corpus (`fuzz/corpus/commune_profile/`) as a plain test, so every
//! seed, and every crash input saved there after a fuzz run, is checked on each `cargo test`.
//! A file named `valid_*` / `query_valid*` must decode; `bad_*` must be refused.

use sotay_poster::{decode_profile, encode_profile, profile_from_query};

#[test]
fn seed_corpus_decodes_as_named() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/commune_profile");
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
        let decoded = decode_profile(&text);
        let from_query = profile_from_query(&text);
        if name.starts_with("valid_") {
            let profile = decoded.unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let code = encode_profile(&profile).expect("re-encodes");
            assert_eq!(
                decode_profile(code.as_str()).expect("round trip"),
                profile,
                "{name}"
            );
        } else if name.starts_with("query_valid") {
            assert!(matches!(from_query, Some(Ok(_))), "{name}");
        } else if name.starts_with("bad_") {
            assert!(decoded.is_err(), "{name} must be refused");
            assert!(
                !matches!(from_query, Some(Ok(_))),
                "{name} must be refused as a query"
            );
        }
        checked += 1;
    }
    assert!(checked >= 5, "the seed corpus is there ({checked} files)");
}
