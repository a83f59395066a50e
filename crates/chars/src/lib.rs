//! Which characters a person may type into a field that other people will
//! read: a commune's profile (the poster builder, a `?c=` link, a row of
//! `sotay poster`'s CSV) and anything printed on a poster.
//!
//! Hidden characters are refused, not stripped: a U+061C (Arabic letter mark)
//! before a phone number makes it display reversed, a soft hyphen or a tag
//! character hides text, so the person who typed it should see the field
//! flagged. The one table below is the union of
//!
//! - `General_Category=Cc` (controls: C0, DEL, C1),
//! - `General_Category=Cf` (format characters, e.g. U+FFF9–FFFB annotations),
//! - `General_Category=Zl` and `Zp` (U+2028, U+2029),
//! - `Bidi_Control=Yes` (PropList.txt),
//! - `Default_Ignorable_Code_Point=Yes` (DerivedCoreProperties.txt),
//!
//! taken from Unicode 16.0. One copy: every crate asks [`is_hidden`].
//!
//! It also holds the one table of Vietnamese letters ([`VIETNAMESE_LETTERS`],
//! [`fold_letter`], [`to_lower`], [`is_letter_or_digit`]): search folding (guides), name comparisons and
//! file-name slugs and text widths (poster) and the NFC tests (cccd) all read it.

/// Inclusive ranges, sorted and disjoint, of the characters [`is_hidden`] refuses.
const HIDDEN: &[(u32, u32)] = &[
    (0x0000, 0x001F),   // Cc: C0 controls
    (0x007F, 0x009F),   // Cc: DEL and C1 controls
    (0x00AD, 0x00AD),   // Cf, DI: soft hyphen
    (0x034F, 0x034F),   // DI: combining grapheme joiner
    (0x0600, 0x0605),   // Cf: Arabic number signs
    (0x061C, 0x061C),   // Cf, Bidi_Control, DI: Arabic letter mark
    (0x06DD, 0x06DD),   // Cf: Arabic end of ayah
    (0x070F, 0x070F),   // Cf: Syriac abbreviation mark
    (0x0890, 0x0891),   // Cf: Arabic pound / piastre mark above
    (0x08E2, 0x08E2),   // Cf: Arabic disputed end of ayah
    (0x115F, 0x1160),   // DI: Hangul choseong / jungseong fillers
    (0x17B4, 0x17B5),   // DI: Khmer inherent vowels
    (0x180B, 0x180F),   // DI (180E also Cf): Mongolian variation selectors, vowel separator
    (0x200B, 0x200F),   // Cf, DI (200E/200F Bidi_Control): zero width space…RLM
    (0x2028, 0x202E),   // Zl, Zp; Cf, Bidi_Control, DI: embeddings and overrides
    (0x2060, 0x206F),   // Cf, DI (2066–2069 Bidi_Control): word joiner…isolates…
    (0x3164, 0x3164),   // DI: Hangul filler
    (0xFE00, 0xFE0F),   // DI: variation selectors
    (0xFEFF, 0xFEFF),   // Cf, DI: byte order mark / zero width no-break space
    (0xFFA0, 0xFFA0),   // DI: halfwidth Hangul filler
    (0xFFF0, 0xFFFB),   // DI (unassigned) and Cf: interlinear annotation
    (0x110BD, 0x110BD), // Cf: Kaithi number sign
    (0x110CD, 0x110CD), // Cf: Kaithi number sign above
    (0x13430, 0x1343F), // Cf: Egyptian hieroglyph format controls
    (0x1BCA0, 0x1BCA3), // Cf, DI: shorthand format controls
    (0x1D173, 0x1D17A), // Cf, DI: musical symbol format controls
    (0xE0000, 0xE0FFF), // DI (E0001, E0020–E007F also Cf): tags, variation selectors supplement
];

/// Whether `c` is a control, a bidi control, a format character or
/// otherwise invisible: never allowed in user-entered text.
pub fn is_hidden(c: char) -> bool {
    let code = u32::from(c);
    // The table is sorted: find the last range starting at or before `code`.
    let index = HIDDEN.partition_point(|&(start, _)| start <= code);
    index
        .checked_sub(1)
        .and_then(|i| HIDDEN.get(i))
        .is_some_and(|&(_, end)| code <= end)
}

/// The first hidden character of `text`, if any.
pub fn first_hidden(text: &str) -> Option<char> {
    text.chars().find(|&c| is_hidden(c))
}

/// Precomposed lower-case Vietnamese letters, grouped by the plain letter they
/// fold to: every vowel with its tone mark and hat, breve or horn, and đ.
///
/// Written by hand instead of pulling in Unicode normalisation tables (they
/// would weigh more than all the guides in the WASM bundle).
pub const VIETNAMESE_LETTERS: [(char, &str); 7] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
    ('d', "đ"),
];

/// The plain letter of a lower-case letter: ASCII as it is, a Vietnamese
/// letter without its marks, `None` for anything else (upper case included:
/// lower-case first).
///
/// # Example
///
/// ```
/// use sotay_chars::fold_letter;
///
/// assert_eq!(fold_letter('ệ'), Some('e'));
/// assert_eq!(fold_letter('đ'), Some('d'));
/// assert_eq!(fold_letter('k'), Some('k'));
/// assert_eq!(fold_letter('ß'), None);
/// let slug: String = "phường".chars().filter_map(fold_letter).collect();
/// assert_eq!(slug, "phuong");
/// ```
pub fn fold_letter(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    VIETNAMESE_LETTERS
        .iter()
        .find(|(_, variants)| variants.contains(c))
        .map(|(plain, _)| *plain)
}

/// The upper-case form of a lower-case letter of [`VIETNAMESE_LETTERS`]: Latin-1 letters
/// (`à`–`ý`) sit 0x20 above theirs, `ư` (U+01B0) just after its `Ư`, every other one
/// (`ă`, `đ`, `ĩ`, `ũ`, `ơ`, the U+1EA0–U+1EF9 block) just after its upper case.
fn vietnamese_upper(lower: char) -> char {
    let code = u32::from(lower);
    let upper = match code {
        0xE0..=0xFE => code - 0x20,
        0x01B0 => 0x01AF,
        _ => code - 1,
    };
    char::from_u32(upper).unwrap_or(lower)
}

/// Lower case for the text this app searches and compares: ASCII and every Vietnamese
/// letter (precomposed, any case); any other character is returned as it is.
///
/// Not `char::to_lowercase`: its Unicode table alone weighs about 6 KB compressed in
/// the residents' WASM bundle, for letters no guide or commune name holds.
///
/// # Example
///
/// ```
/// use sotay_chars::to_lower;
///
/// assert_eq!(to_lower('Ệ'), 'ệ');
/// assert_eq!(to_lower('Đ'), 'đ');
/// assert_eq!(to_lower('Ư'), 'ư');
/// assert_eq!(to_lower('K'), 'k');
/// assert_eq!(to_lower('ß'), 'ß');
/// ```
pub fn to_lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    VIETNAMESE_LETTERS
        .iter()
        .flat_map(|(_, variants)| variants.chars())
        .find(|lower| vietnamese_upper(*lower) == c)
        .unwrap_or(c)
}

/// A letter or digit of the text this app reads: ASCII letters and digits and every
/// Vietnamese letter in either case. Letters of other scripts count as punctuation
/// (no guide, service or commune name holds one), which keeps `char::is_alphanumeric`'s
/// Unicode tables out of the residents' WASM bundle.
///
/// ```
/// use sotay_chars::is_letter_or_digit;
///
/// assert!(is_letter_or_digit('Đ') && is_letter_or_digit('ữ') && is_letter_or_digit('7'));
/// assert!(!is_letter_or_digit('“') && !is_letter_or_digit('–') && !is_letter_or_digit('.'));
/// ```
pub fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && fold_letter(to_lower(c)).is_some())
}

/// `text` with [`to_lower`] applied to every character.
///
/// ```
/// assert_eq!(sotay_chars::lowercase("Công an xã TÂN PHÚ"), "công an xã tân phú");
/// ```
pub fn lowercase(text: &str) -> String {
    text.chars().map(to_lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vietnamese_letter_folds_to_its_plain_letter() {
        let mut count = 0;
        for (plain, variants) in VIETNAMESE_LETTERS {
            for c in variants.chars() {
                assert_eq!(fold_letter(c), Some(plain), "{c}");
                assert!(c.is_lowercase(), "{c}");
                count += 1;
            }
        }
        // 17 marked forms of a and o, 11 of e and u, 5 of i and y, and đ.
        assert_eq!(count, 17 + 11 + 5 + 17 + 11 + 5 + 1);
        assert_eq!(fold_letter('Ệ'), None);
        assert_eq!(fold_letter('日'), None);
    }

    #[test]
    fn lower_case_matches_unicode_for_every_vietnamese_letter() {
        for (plain, variants) in VIETNAMESE_LETTERS {
            for lower in variants.chars().chain([plain]) {
                let mut upper = lower.to_uppercase();
                let (Some(upper), None) = (upper.next(), upper.next()) else {
                    panic!("{lower} has a one-letter upper case");
                };
                assert_eq!(to_lower(upper), lower, "{upper}");
                assert_eq!(to_lower(lower), lower, "{lower}");
            }
        }
    }

    #[test]
    fn lower_case_leaves_other_characters_alone() {
        // Each sits next to a Vietnamese letter in its block, but is not its upper case.
        for c in ['ß', 'ë', 'ñ', 'ÿ', '×', 'Ā', 'Ą', '日', '1', ' '] {
            assert_eq!(to_lower(c), c, "{c}");
        }
        for c in '\u{0}'..='\u{2FFF}' {
            let lower = to_lower(c);
            assert!(
                lower == c || c.to_lowercase().eq([lower]),
                "{c:?} became {lower:?}"
            );
        }
    }

    #[test]
    fn letters_and_digits_are_ascii_and_vietnamese_ones() {
        for c in '\u{0}'..='\u{2FFF}' {
            let vietnamese = fold_letter(to_lower(c)).is_some_and(|_| !c.is_ascii());
            let expected = c.is_ascii_alphanumeric() || vietnamese;
            assert_eq!(is_letter_or_digit(c), expected, "{c:?}");
            if expected {
                assert!(c.is_alphanumeric(), "{c:?}");
            }
        }
        for (plain, variants) in VIETNAMESE_LETTERS {
            for c in variants.chars().chain([plain]) {
                assert!(is_letter_or_digit(c), "{c}");
                assert!(c.to_uppercase().all(is_letter_or_digit), "{c}");
            }
        }
    }

    #[test]
    fn the_table_is_sorted_and_disjoint() {
        for pair in HIDDEN.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:x?}");
        }
    }

    #[test]
    fn every_reported_invisible_character_is_hidden() {
        let reported = [
            '\u{061C}',
            '\u{00AD}',
            '\u{180E}',
            '\u{FFF9}',
            '\u{FFFA}',
            '\u{FFFB}',
            '\u{E0000}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{200B}',
            '\u{200D}',
            '\u{FEFF}',
            '\u{0}',
            '\u{7F}',
            '\u{85}',
            '\u{2028}',
            '\u{2029}',
            '\u{FE0F}',
            '\u{034F}',
            '\u{3164}',
            '\u{1D173}',
        ];
        for c in reported {
            assert!(is_hidden(c), "U+{:04X}", u32::from(c));
        }
        assert_eq!(first_hidden("\u{061C}0912 345 678"), Some('\u{061C}'));
    }

    #[test]
    fn vietnamese_text_and_ordinary_punctuation_are_not_hidden() {
        let text = "Trung tâm phục vụ hành chính công phường Long Biên — Số 1 phố Ngọc Lâm, \
                    7:30–17:00 (thứ Hai – thứ Sáu), ĐT: 024 3872 1234 · Zalo @ubnd “Đắk Lắk” ỹỵữựỗộ";
        assert_eq!(first_hidden(text), None);
        for c in [
            '\u{20}',
            '\u{A0}',
            '\u{2010}',
            '\u{2027}',
            '\u{202F}',
            '\u{2070}',
            '\u{FFFC}',
            '\u{FFFD}',
            '\u{E1000}',
            '\u{10FFFF}',
        ] {
            assert!(!is_hidden(c), "U+{:04X}", u32::from(c));
        }
    }
}
