//! Canonical composition (NFC) for Vietnamese letters only.
//!
//! Scanners and phones sometimes deliver Vietnamese in decomposed form (NFD:
//! `e` + U+0302 + U+0303 instead of `ễ`). The general-purpose
//! `unicode-normalization` crate fixes that, but its tables add about 125 KB
//! (63 KB gzipped) to the WebAssembly bundle, measured with `opt-level = "z"`
//! and LTO; this module does the same for the vowels a, e, i, o, u, y with the
//! eight marks Vietnamese uses, in about 2 KB. A test checks it against
//! `unicode-normalization` on every Vietnamese letter and on random text.
//!
//! Anything outside that set (other scripts, other combining marks) is left as
//! it is: the result is always canonically equivalent to the input, and equal
//! to NFC for Vietnamese text.

/// (first, combining mark, composed), sorted by (first, mark): every canonical
/// pair decomposition of a precomposed Latin vowel with one of the eight marks.
/// Generated from the Unicode Character Database.
const PAIRS: [(char, char, char); 168] = [
    ('\u{0041}', '\u{0300}', '\u{00C0}'), // À
    ('\u{0041}', '\u{0301}', '\u{00C1}'), // Á
    ('\u{0041}', '\u{0302}', '\u{00C2}'), // Â
    ('\u{0041}', '\u{0303}', '\u{00C3}'), // Ã
    ('\u{0041}', '\u{0306}', '\u{0102}'), // Ă
    ('\u{0041}', '\u{0309}', '\u{1EA2}'), // Ả
    ('\u{0041}', '\u{0323}', '\u{1EA0}'), // Ạ
    ('\u{0045}', '\u{0300}', '\u{00C8}'), // È
    ('\u{0045}', '\u{0301}', '\u{00C9}'), // É
    ('\u{0045}', '\u{0302}', '\u{00CA}'), // Ê
    ('\u{0045}', '\u{0303}', '\u{1EBC}'), // Ẽ
    ('\u{0045}', '\u{0306}', '\u{0114}'), // Ĕ
    ('\u{0045}', '\u{0309}', '\u{1EBA}'), // Ẻ
    ('\u{0045}', '\u{0323}', '\u{1EB8}'), // Ẹ
    ('\u{0049}', '\u{0300}', '\u{00CC}'), // Ì
    ('\u{0049}', '\u{0301}', '\u{00CD}'), // Í
    ('\u{0049}', '\u{0302}', '\u{00CE}'), // Î
    ('\u{0049}', '\u{0303}', '\u{0128}'), // Ĩ
    ('\u{0049}', '\u{0306}', '\u{012C}'), // Ĭ
    ('\u{0049}', '\u{0309}', '\u{1EC8}'), // Ỉ
    ('\u{0049}', '\u{0323}', '\u{1ECA}'), // Ị
    ('\u{004F}', '\u{0300}', '\u{00D2}'), // Ò
    ('\u{004F}', '\u{0301}', '\u{00D3}'), // Ó
    ('\u{004F}', '\u{0302}', '\u{00D4}'), // Ô
    ('\u{004F}', '\u{0303}', '\u{00D5}'), // Õ
    ('\u{004F}', '\u{0306}', '\u{014E}'), // Ŏ
    ('\u{004F}', '\u{0309}', '\u{1ECE}'), // Ỏ
    ('\u{004F}', '\u{031B}', '\u{01A0}'), // Ơ
    ('\u{004F}', '\u{0323}', '\u{1ECC}'), // Ọ
    ('\u{0055}', '\u{0300}', '\u{00D9}'), // Ù
    ('\u{0055}', '\u{0301}', '\u{00DA}'), // Ú
    ('\u{0055}', '\u{0302}', '\u{00DB}'), // Û
    ('\u{0055}', '\u{0303}', '\u{0168}'), // Ũ
    ('\u{0055}', '\u{0306}', '\u{016C}'), // Ŭ
    ('\u{0055}', '\u{0309}', '\u{1EE6}'), // Ủ
    ('\u{0055}', '\u{031B}', '\u{01AF}'), // Ư
    ('\u{0055}', '\u{0323}', '\u{1EE4}'), // Ụ
    ('\u{0059}', '\u{0300}', '\u{1EF2}'), // Ỳ
    ('\u{0059}', '\u{0301}', '\u{00DD}'), // Ý
    ('\u{0059}', '\u{0302}', '\u{0176}'), // Ŷ
    ('\u{0059}', '\u{0303}', '\u{1EF8}'), // Ỹ
    ('\u{0059}', '\u{0309}', '\u{1EF6}'), // Ỷ
    ('\u{0059}', '\u{0323}', '\u{1EF4}'), // Ỵ
    ('\u{0061}', '\u{0300}', '\u{00E0}'), // à
    ('\u{0061}', '\u{0301}', '\u{00E1}'), // á
    ('\u{0061}', '\u{0302}', '\u{00E2}'), // â
    ('\u{0061}', '\u{0303}', '\u{00E3}'), // ã
    ('\u{0061}', '\u{0306}', '\u{0103}'), // ă
    ('\u{0061}', '\u{0309}', '\u{1EA3}'), // ả
    ('\u{0061}', '\u{0323}', '\u{1EA1}'), // ạ
    ('\u{0065}', '\u{0300}', '\u{00E8}'), // è
    ('\u{0065}', '\u{0301}', '\u{00E9}'), // é
    ('\u{0065}', '\u{0302}', '\u{00EA}'), // ê
    ('\u{0065}', '\u{0303}', '\u{1EBD}'), // ẽ
    ('\u{0065}', '\u{0306}', '\u{0115}'), // ĕ
    ('\u{0065}', '\u{0309}', '\u{1EBB}'), // ẻ
    ('\u{0065}', '\u{0323}', '\u{1EB9}'), // ẹ
    ('\u{0069}', '\u{0300}', '\u{00EC}'), // ì
    ('\u{0069}', '\u{0301}', '\u{00ED}'), // í
    ('\u{0069}', '\u{0302}', '\u{00EE}'), // î
    ('\u{0069}', '\u{0303}', '\u{0129}'), // ĩ
    ('\u{0069}', '\u{0306}', '\u{012D}'), // ĭ
    ('\u{0069}', '\u{0309}', '\u{1EC9}'), // ỉ
    ('\u{0069}', '\u{0323}', '\u{1ECB}'), // ị
    ('\u{006F}', '\u{0300}', '\u{00F2}'), // ò
    ('\u{006F}', '\u{0301}', '\u{00F3}'), // ó
    ('\u{006F}', '\u{0302}', '\u{00F4}'), // ô
    ('\u{006F}', '\u{0303}', '\u{00F5}'), // õ
    ('\u{006F}', '\u{0306}', '\u{014F}'), // ŏ
    ('\u{006F}', '\u{0309}', '\u{1ECF}'), // ỏ
    ('\u{006F}', '\u{031B}', '\u{01A1}'), // ơ
    ('\u{006F}', '\u{0323}', '\u{1ECD}'), // ọ
    ('\u{0075}', '\u{0300}', '\u{00F9}'), // ù
    ('\u{0075}', '\u{0301}', '\u{00FA}'), // ú
    ('\u{0075}', '\u{0302}', '\u{00FB}'), // û
    ('\u{0075}', '\u{0303}', '\u{0169}'), // ũ
    ('\u{0075}', '\u{0306}', '\u{016D}'), // ŭ
    ('\u{0075}', '\u{0309}', '\u{1EE7}'), // ủ
    ('\u{0075}', '\u{031B}', '\u{01B0}'), // ư
    ('\u{0075}', '\u{0323}', '\u{1EE5}'), // ụ
    ('\u{0079}', '\u{0300}', '\u{1EF3}'), // ỳ
    ('\u{0079}', '\u{0301}', '\u{00FD}'), // ý
    ('\u{0079}', '\u{0302}', '\u{0177}'), // ŷ
    ('\u{0079}', '\u{0303}', '\u{1EF9}'), // ỹ
    ('\u{0079}', '\u{0309}', '\u{1EF7}'), // ỷ
    ('\u{0079}', '\u{0323}', '\u{1EF5}'), // ỵ
    ('\u{00C2}', '\u{0300}', '\u{1EA6}'), // Ầ
    ('\u{00C2}', '\u{0301}', '\u{1EA4}'), // Ấ
    ('\u{00C2}', '\u{0303}', '\u{1EAA}'), // Ẫ
    ('\u{00C2}', '\u{0309}', '\u{1EA8}'), // Ẩ
    ('\u{00C5}', '\u{0301}', '\u{01FA}'), // Ǻ
    ('\u{00CA}', '\u{0300}', '\u{1EC0}'), // Ề
    ('\u{00CA}', '\u{0301}', '\u{1EBE}'), // Ế
    ('\u{00CA}', '\u{0303}', '\u{1EC4}'), // Ễ
    ('\u{00CA}', '\u{0309}', '\u{1EC2}'), // Ể
    ('\u{00CF}', '\u{0301}', '\u{1E2E}'), // Ḯ
    ('\u{00D4}', '\u{0300}', '\u{1ED2}'), // Ồ
    ('\u{00D4}', '\u{0301}', '\u{1ED0}'), // Ố
    ('\u{00D4}', '\u{0303}', '\u{1ED6}'), // Ỗ
    ('\u{00D4}', '\u{0309}', '\u{1ED4}'), // Ổ
    ('\u{00D5}', '\u{0301}', '\u{1E4C}'), // Ṍ
    ('\u{00DC}', '\u{0300}', '\u{01DB}'), // Ǜ
    ('\u{00DC}', '\u{0301}', '\u{01D7}'), // Ǘ
    ('\u{00E2}', '\u{0300}', '\u{1EA7}'), // ầ
    ('\u{00E2}', '\u{0301}', '\u{1EA5}'), // ấ
    ('\u{00E2}', '\u{0303}', '\u{1EAB}'), // ẫ
    ('\u{00E2}', '\u{0309}', '\u{1EA9}'), // ẩ
    ('\u{00E5}', '\u{0301}', '\u{01FB}'), // ǻ
    ('\u{00EA}', '\u{0300}', '\u{1EC1}'), // ề
    ('\u{00EA}', '\u{0301}', '\u{1EBF}'), // ế
    ('\u{00EA}', '\u{0303}', '\u{1EC5}'), // ễ
    ('\u{00EA}', '\u{0309}', '\u{1EC3}'), // ể
    ('\u{00EF}', '\u{0301}', '\u{1E2F}'), // ḯ
    ('\u{00F4}', '\u{0300}', '\u{1ED3}'), // ồ
    ('\u{00F4}', '\u{0301}', '\u{1ED1}'), // ố
    ('\u{00F4}', '\u{0303}', '\u{1ED7}'), // ỗ
    ('\u{00F4}', '\u{0309}', '\u{1ED5}'), // ổ
    ('\u{00F5}', '\u{0301}', '\u{1E4D}'), // ṍ
    ('\u{00FC}', '\u{0300}', '\u{01DC}'), // ǜ
    ('\u{00FC}', '\u{0301}', '\u{01D8}'), // ǘ
    ('\u{0102}', '\u{0300}', '\u{1EB0}'), // Ằ
    ('\u{0102}', '\u{0301}', '\u{1EAE}'), // Ắ
    ('\u{0102}', '\u{0303}', '\u{1EB4}'), // Ẵ
    ('\u{0102}', '\u{0309}', '\u{1EB2}'), // Ẳ
    ('\u{0103}', '\u{0300}', '\u{1EB1}'), // ằ
    ('\u{0103}', '\u{0301}', '\u{1EAF}'), // ắ
    ('\u{0103}', '\u{0303}', '\u{1EB5}'), // ẵ
    ('\u{0103}', '\u{0309}', '\u{1EB3}'), // ẳ
    ('\u{0112}', '\u{0300}', '\u{1E14}'), // Ḕ
    ('\u{0112}', '\u{0301}', '\u{1E16}'), // Ḗ
    ('\u{0113}', '\u{0300}', '\u{1E15}'), // ḕ
    ('\u{0113}', '\u{0301}', '\u{1E17}'), // ḗ
    ('\u{014C}', '\u{0300}', '\u{1E50}'), // Ṑ
    ('\u{014C}', '\u{0301}', '\u{1E52}'), // Ṓ
    ('\u{014D}', '\u{0300}', '\u{1E51}'), // ṑ
    ('\u{014D}', '\u{0301}', '\u{1E53}'), // ṓ
    ('\u{0168}', '\u{0301}', '\u{1E78}'), // Ṹ
    ('\u{0169}', '\u{0301}', '\u{1E79}'), // ṹ
    ('\u{01A0}', '\u{0300}', '\u{1EDC}'), // Ờ
    ('\u{01A0}', '\u{0301}', '\u{1EDA}'), // Ớ
    ('\u{01A0}', '\u{0303}', '\u{1EE0}'), // Ỡ
    ('\u{01A0}', '\u{0309}', '\u{1EDE}'), // Ở
    ('\u{01A0}', '\u{0323}', '\u{1EE2}'), // Ợ
    ('\u{01A1}', '\u{0300}', '\u{1EDD}'), // ờ
    ('\u{01A1}', '\u{0301}', '\u{1EDB}'), // ớ
    ('\u{01A1}', '\u{0303}', '\u{1EE1}'), // ỡ
    ('\u{01A1}', '\u{0309}', '\u{1EDF}'), // ở
    ('\u{01A1}', '\u{0323}', '\u{1EE3}'), // ợ
    ('\u{01AF}', '\u{0300}', '\u{1EEA}'), // Ừ
    ('\u{01AF}', '\u{0301}', '\u{1EE8}'), // Ứ
    ('\u{01AF}', '\u{0303}', '\u{1EEE}'), // Ữ
    ('\u{01AF}', '\u{0309}', '\u{1EEC}'), // Ử
    ('\u{01AF}', '\u{0323}', '\u{1EF0}'), // Ự
    ('\u{01B0}', '\u{0300}', '\u{1EEB}'), // ừ
    ('\u{01B0}', '\u{0301}', '\u{1EE9}'), // ứ
    ('\u{01B0}', '\u{0303}', '\u{1EEF}'), // ữ
    ('\u{01B0}', '\u{0309}', '\u{1EED}'), // ử
    ('\u{01B0}', '\u{0323}', '\u{1EF1}'), // ự
    ('\u{0228}', '\u{0306}', '\u{1E1C}'), // Ḝ
    ('\u{0229}', '\u{0306}', '\u{1E1D}'), // ḝ
    ('\u{1EA0}', '\u{0302}', '\u{1EAC}'), // Ậ
    ('\u{1EA0}', '\u{0306}', '\u{1EB6}'), // Ặ
    ('\u{1EA1}', '\u{0302}', '\u{1EAD}'), // ậ
    ('\u{1EA1}', '\u{0306}', '\u{1EB7}'), // ặ
    ('\u{1EB8}', '\u{0302}', '\u{1EC6}'), // Ệ
    ('\u{1EB9}', '\u{0302}', '\u{1EC7}'), // ệ
    ('\u{1ECC}', '\u{0302}', '\u{1ED8}'), // Ộ
    ('\u{1ECD}', '\u{0302}', '\u{1ED9}'), // ộ
];

/// Canonical combining class of the marks Vietnamese uses; `None` for anything else.
fn combining_class(c: char) -> Option<u8> {
    match c {
        '\u{31B}' => Some(216),
        '\u{323}' => Some(220),
        '\u{300}' | '\u{301}' | '\u{302}' | '\u{303}' | '\u{306}' | '\u{309}' => Some(230),
        _ => None,
    }
}

fn compose_pair(first: char, mark: char) -> Option<char> {
    let index = PAIRS
        .binary_search_by(|&(f, m, _)| (f, m).cmp(&(first, mark)))
        .ok()?;
    PAIRS.get(index).map(|&(_, _, composed)| composed)
}

/// `text` with Vietnamese letters composed as NFC would compose them.
pub(crate) fn compose_vietnamese(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(first) = chars.next() {
        let mut marks = Vec::new();
        if combining_class(first).is_none() {
            while let Some(&mark) = chars.peek() {
                if combining_class(mark).is_none() {
                    break;
                }
                marks.push(mark);
                chars.next();
            }
        }
        if marks.is_empty() {
            out.push(first);
            continue;
        }
        // Like NFC, start from the full decomposition of the letter: `Ô` + horn
        // must become `Ơ` + circumflex, not stay `Ô` + horn.
        let (first, mut marks) = {
            let mut base = first;
            let mut all = Vec::new();
            while let Some(&(inner, mark, _)) =
                PAIRS.iter().find(|&&(_, _, composed)| composed == base)
            {
                all.push(mark);
                base = inner;
            }
            all.reverse();
            all.extend(marks);
            (base, all)
        };
        // Canonical ordering (a stable sort by combining class), then the
        // canonical composition algorithm: a mark composes unless an uncomposed
        // mark of the same or higher class stands between it and the letter.
        marks.sort_by_key(|&mark| combining_class(mark));
        let mut composed = first;
        let mut kept: Vec<char> = Vec::new();
        let mut last_kept_class = 0;
        for mark in marks {
            let class = combining_class(mark).unwrap_or(0);
            let blocked = !kept.is_empty() && last_kept_class >= class;
            match compose_pair(composed, mark).filter(|_| !blocked) {
                Some(next) => composed = next,
                None => {
                    kept.push(mark);
                    last_kept_class = class;
                }
            }
        }
        out.push(composed);
        out.extend(kept);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Every lower-case Vietnamese letter, plain and marked, from the one table.
    fn vietnamese_letters() -> String {
        sotay_chars::VIETNAMESE_LETTERS
            .iter()
            .flat_map(|(plain, marked)| std::iter::once(*plain).chain(marked.chars()))
            .collect()
    }

    #[test]
    fn table_is_sorted_for_binary_search() {
        for pair in PAIRS.windows(2) {
            if let [a, b] = pair {
                assert!((a.0, a.1) < (b.0, b.1));
            }
        }
    }

    #[test]
    fn every_vietnamese_letter_matches_nfc() {
        let lower = vietnamese_letters();
        let letters: String = format!("{lower}{}", lower.to_uppercase());
        for letter in letters.chars() {
            let nfd: String = letter.to_string().nfd().collect();
            assert_eq!(compose_vietnamese(&nfd), letter.to_string(), "{letter}");
            assert_eq!(compose_vietnamese(&letter.to_string()), letter.to_string());
            // Marks typed in a non-canonical order, as some keyboards do.
            let marks: Vec<char> = nfd.chars().skip(1).collect();
            let reversed: String = nfd.chars().take(1).chain(marks.into_iter().rev()).collect();
            let expected: String = reversed.nfc().collect();
            assert_eq!(compose_vietnamese(&reversed), expected, "{letter} reversed");
        }
    }

    #[test]
    fn leaves_other_text_alone() {
        for text in [
            "Hà Nội",
            "plain",
            "日本語",
            "n\u{303}",
            "x\u{304}y",
            "\u{301}leading mark",
            "a\u{301}\u{304}",
        ] {
            let got = compose_vietnamese(text);
            // Never changes meaning: same canonical decomposition as the input.
            assert_eq!(
                got.nfd().collect::<String>(),
                text.nfd().collect::<String>(),
                "{text}"
            );
        }
        assert_eq!(compose_vietnamese("Hà Nội"), "Hà Nội");
        assert_eq!(compose_vietnamese("n\u{303}"), "n\u{303}");
    }

    proptest::proptest! {
        #[test]
        fn matches_nfc_on_vietnamese_text(
            text in "[ aeiouyAEIOUY\u{300}\u{301}\u{302}\u{303}\u{306}\u{309}\u{31B}\u{323}đĐăâêôơưĂÂÊÔƠƯ]{0,40}"
        ) {
            // Marks after a letter, in any order and combination.
            let text = format!("a{text}");
            let expected: String = text.nfc().collect();
            proptest::prop_assert_eq!(compose_vietnamese(&text), expected);
        }
    }
}
