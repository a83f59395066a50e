//! Property tests for the `?c=` codec.

use proptest::prelude::*;
use sotay_poster::{
    CommuneProfile, HelpPlace, MAX_ENCODED_LEN, MAX_HELP_PLACES, ProfileError, ProfileField,
    decode_profile,
};

/// Text a commune might type: Vietnamese letters, digits, punctuation,
/// the occasional emoji, and the phrases the codec shortens.
fn field(max_chars: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9 ,.:/–-]{1,6}",
        "[àáảãạăằắẳẵặâầấẩẫậđêềếểễệôồốổỗộơờớởỡợưừứửữựĐƠƯ]{1,3}",
        Just("phường ".to_owned()),
        Just("Trung tâm phục vụ hành chính công ".to_owned()),
        Just("thứ Hai".to_owned()),
        Just("😀".to_owned()),
    ];
    prop::collection::vec(piece, 1..12).prop_map(move |pieces| {
        let text: String = pieces.concat();
        let text: String = text.trim().chars().take(max_chars).collect();
        let text = text.trim().to_owned();
        if text.is_empty() {
            "x".to_owned()
        } else {
            text
        }
    })
}

fn place() -> impl Strategy<Value = HelpPlace> {
    let opt = |f: ProfileField| prop::option::of(field(f.max_chars()));
    (
        opt(ProfileField::HelpPoint),
        opt(ProfileField::Address),
        opt(ProfileField::Hours),
        opt(ProfileField::Phone),
    )
        .prop_map(|(name, address, hours, phone)| HelpPlace {
            name,
            address,
            hours,
            phone,
        })
        // Places with nothing in them are dropped by the encoder.
        .prop_filter("a place has a field", |place| !place.is_empty())
}

fn profile() -> impl Strategy<Value = CommuneProfile> {
    (
        field(ProfileField::Commune.max_chars()),
        prop::collection::vec(place(), 0..=MAX_HELP_PLACES),
        prop::option::of(field(ProfileField::Zalo.max_chars())),
    )
        .prop_map(|(commune, places, zalo)| CommuneProfile {
            commune,
            places,
            zalo,
        })
}

proptest! {
    #[test]
    fn encode_then_decode_is_identity(p in profile()) {
        match p.encode() {
            Ok(code) => {
                prop_assert!(code.as_str().len() <= MAX_ENCODED_LEN);
                prop_assert!(code.as_str().bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
                prop_assert_eq!(decode_profile(code.as_str()), Ok(p));
            }
            // Only a profile too big for a link may fail to encode.
            Err(e) => prop_assert!(matches!(e, ProfileError::TooLarge { .. }), "{:?}", e),
        }
    }

    #[test]
    fn decode_never_panics_on_arbitrary_text(s in "\\PC{0,600}") {
        let _ = decode_profile(&s);
    }

    #[test]
    fn decode_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        use base64::Engine as _;
        let text = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        if let Ok(p) = decode_profile(&text) {
            // Whatever decodes is a valid profile that encodes again.
            prop_assert!(p.validate().is_ok());
            prop_assert_eq!(decode_profile(p.encode().unwrap().as_str()), Ok(p));
        }
    }

    #[test]
    fn decode_never_panics_on_mutated_codes(p in profile(), flip in any::<prop::sample::Index>(), byte in any::<u8>()) {
        use base64::Engine as _;
        let Ok(code) = p.encode() else { return Ok(()) };
        let mut bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(code.as_str()).unwrap();
        let i = flip.index(bytes.len());
        bytes[i] = byte;
        let _ = decode_profile(&base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes));
        let cut = flip.index(bytes.len());
        let _ = decode_profile(&base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes[..cut]));
    }
}
