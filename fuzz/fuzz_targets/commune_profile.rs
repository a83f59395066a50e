//! Fuzzes the `?c=` commune-profile decoder with arbitrary link text.
//!
//! Decoding must never panic; whatever it accepts must pass validation and
//! survive an encode → decode round trip unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sotay_poster::{decode_profile, encode_profile, profile_from_query};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = profile_from_query(text);
    if let Ok(profile) = decode_profile(text) {
        assert!(profile.validate().is_ok(), "decoded profiles are valid");
        let code = encode_profile(&profile).expect("a decoded profile encodes");
        let again = decode_profile(code.as_str()).expect("its own code decodes");
        assert_eq!(again, profile);
    }
});
