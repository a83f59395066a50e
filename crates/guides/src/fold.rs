//! Diacritic and case folding for Vietnamese search: "Kích hoạt" and "kich hoat" fold to the same
//! text, as do "Đăng ký" and "dang ky".
//!
//! The letters come from the one table in `sotay-chars` ([`sotay_chars::VIETNAMESE_LETTERS`]):
//! every precomposed (NFC) vowel with its tone mark and hat/breve/horn, and đ/Đ. Decomposed (NFD)
//! input works too: the combining marks U+0300–U+036F are dropped, which removes tones, hats,
//! breves and horns.
//! Letters of other languages are left as they are (upper case too: see [`sotay_chars::to_lower`]).

use sotay_chars::{fold_letter, is_letter_or_digit, to_lower};

fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Lower-cases and strips Vietnamese diacritics.
///
/// # Example
///
/// ```
/// use sotay_guides::fold::fold;
///
/// assert_eq!(fold("Tạm Trú"), "tam tru");
/// assert_eq!(fold("Đăng ký"), "dang ky");
/// ```
pub fn fold(text: &str) -> String {
    text.chars()
        .map(to_lower)
        .filter(|c| !is_combining_mark(*c))
        .map(|c| fold_letter(c).unwrap_or(c))
        .collect()
}

/// Folds, then splits into words on anything that is not a letter or digit
/// ([`sotay_chars::is_letter_or_digit`]: letters of other scripts split words too).
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sotay_chars::VIETNAMESE_LETTERS;

    #[test]
    fn folds_nfc_vietnamese() {
        assert_eq!(fold("Kích hoạt"), "kich hoat");
        assert_eq!(fold("TẠM TRÚ"), "tam tru");
        assert_eq!(fold("Đăng ký định danh"), "dang ky dinh danh");
        assert_eq!(fold("Hướng dẫn Ưu tiên Ơn Ỷ"), "huong dan uu tien on y");
        assert_eq!(fold("Giấy phép lái xe"), "giay phep lai xe");
    }

    #[test]
    fn folds_nfd_vietnamese() {
        // "Kích hoạt" decomposed: i + U+0301, o + U+0323 (dot below) + a.
        let nfd = "Ki\u{0301}ch hoa\u{0323}t";
        assert_eq!(fold(nfd), "kich hoat");
        // "ướ": u + horn U+031B, o + horn + acute.
        assert_eq!(fold("hu\u{031B}o\u{031B}\u{0301}ng"), "huong");
        // "Ấ" decomposed: A + circumflex U+0302 + acute U+0301.
        assert_eq!(fold("A\u{0302}\u{0301}p"), "ap");
    }

    #[test]
    fn covers_every_vietnamese_vowel_in_both_cases() {
        for (plain, variants) in VIETNAMESE_LETTERS {
            for c in variants.chars() {
                assert_eq!(fold(&c.to_string()), plain.to_string(), "{c}");
                let upper: String = c.to_uppercase().collect();
                assert_eq!(fold(&upper), plain.to_string(), "{upper}");
            }
        }
    }

    #[test]
    fn splits_words() {
        assert_eq!(
            words("CCCD/căn cước, VNeID!"),
            ["cccd", "can", "cuoc", "vneid"]
        );
        assert!(words("  ,. ").is_empty());
    }
}
