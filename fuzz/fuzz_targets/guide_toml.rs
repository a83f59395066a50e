//! Fuzzes the guide content loader with arbitrary file text.
//!
//! A commune officer may save any text into a guide file: parsing and
//! validating it must never panic, and every error must name the file.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sotay_guides::parse_guide;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(errors) = parse_guide("assets/guides/vi/fuzz.toml", text) {
        assert!(!errors.is_empty());
        for error in errors {
            assert!(error.to_string().contains("fuzz.toml"), "{error}");
        }
    }
});
