//! Cleaning scanner text before parsing: byte order marks, UTF-8 that a
//! scanner decoded as Latin-1 / Windows-1252, and decomposed (NFD) Vietnamese.

const BOM: char = '\u{feff}';

/// The text a scanner produced, cleaned up, and what cleaning did.
pub(crate) struct Cleaned {
    pub text: String,
    /// Mojibake was found and repaired.
    pub repaired: bool,
    /// Mojibake-like sequences remain that could not be repaired safely.
    pub garbled: bool,
}

pub(crate) fn clean(input: &str) -> Cleaned {
    let text = input.trim_start_matches(BOM).trim();
    let (text, repaired) = match repair_mojibake(text) {
        Some(fixed) => (fixed, true),
        None => (text.to_owned(), false),
    };
    // A BOM that went through the same mis-decoding shows up only after repair.
    let text = crate::nfc::compose_vietnamese(text.trim_start_matches(BOM).trim());
    let garbled = !repaired && looks_like_mojibake(&text);
    Cleaned {
        text,
        repaired,
        garbled,
    }
}

/// Undoes "UTF-8 bytes decoded as Windows-1252 (or Latin-1)", e.g. `Nguyá»…n` → `Nguyễn`,
/// or with a Latin-1 decoder's C1 control, `Nguyá»\u{85}n` → `Nguyễn`.
///
/// Word by word (words end at ASCII spaces and `|`, which are the same byte
/// either way), so a mangled name is repaired even when the address next to
/// it came through correctly. A word is repaired only when the repair
/// round-trips cleanly: every character maps back to one byte, those bytes
/// are valid UTF-8, and the result differs. Real Vietnamese text never
/// qualifies (letters such as `ễ` or `ơ` have no single-byte form), and
/// Latin-1 text that is not mojibake almost never forms valid multi-byte
/// UTF-8, so correct text is left alone.
pub fn repair_mojibake(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    loop {
        let end = rest.find([' ', '|']).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        match repair_word(word) {
            Some(fixed) => {
                changed = true;
                out.push_str(&fixed);
            }
            None => out.push_str(word),
        }
        let Some(separator) = tail.chars().next() else {
            break;
        };
        out.push(separator);
        rest = tail.get(separator.len_utf8()..).unwrap_or_default();
    }
    changed.then_some(out)
}

/// One word's repair; see [`repair_mojibake`].
fn repair_word(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let bytes: Vec<u8> = word.chars().map(windows_1252_byte).collect::<Option<_>>()?;
    let repaired = String::from_utf8(bytes).ok()?;
    (repaired != word).then_some(repaired)
}

/// What Windows-1252 decodes bytes 0x80–0x9F to; the five bytes it leaves
/// undefined pass through as the C1 controls Latin-1 decoders produce.
const WINDOWS_1252_80_TO_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The byte that Windows-1252 (or Latin-1) decodes to `c`.
fn windows_1252_byte(c: char) -> Option<u8> {
    if let Ok(byte) = u8::try_from(u32::from(c)) {
        // ASCII, Latin-1 letters, and C1 controls from Latin-1 decoders.
        return Some(byte);
    }
    let index = WINDOWS_1252_80_TO_9F.iter().position(|&known| known == c)?;
    u8::try_from(index + 0x80).ok()
}

/// Sequences that mis-decoded Vietnamese UTF-8 typically leaves behind
/// (lead bytes 0xC3, 0xC4, 0xC6, 0xE1 0xBA / 0xE1 0xBB as Windows-1252).
fn looks_like_mojibake(text: &str) -> bool {
    ["Ã", "Ä‘", "Ä\u{90}", "Æ°", "Æ¡", "áº", "á»"]
        .iter()
        .any(|marker| text.contains(marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes `text` as UTF-8 and decodes the bytes as Windows-1252, as a faulty scanner does.
    fn mangle(text: &str) -> String {
        text.bytes()
            .map(|byte| match byte {
                0x80..=0x9F => WINDOWS_1252_80_TO_9F[usize::from(byte - 0x80)],
                _ => char::from(byte),
            })
            .collect()
    }

    #[test]
    fn repairs_vietnamese_mojibake() {
        assert_eq!(repair_mojibake("Nguyá»…n"), Some("Nguyễn".to_owned()));
        for text in [
            "Nguyễn Thị Thu Hương",
            "Đặng Văn Lâm",
            "Thôn Phú Lộc, Xã Ea Kao, TP. Buôn Ma Thuột, Đắk Lắk",
            "Lưu Hữu Phước",
        ] {
            assert_eq!(
                repair_mojibake(&mangle(text)).as_deref(),
                Some(text),
                "{text}"
            );
        }
    }

    #[test]
    fn leaves_correct_text_alone() {
        for text in [
            "Nguyễn Văn An",
            "Hà Nam",
            "Café au lait",
            "plain ascii",
            "Lê Thị Ánh",
        ] {
            assert_eq!(repair_mojibake(text), None, "{text}");
        }
    }

    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn cleans_bom_whitespace_and_nfd() {
        let nfd: String = "Nguyễn".nfd().collect();
        assert_ne!(nfd, "Nguyễn");
        let cleaned = clean(&format!("\u{feff}  {nfd}\r\n"));
        assert_eq!(cleaned.text, "Nguyễn");
        assert!(!cleaned.repaired && !cleaned.garbled);
        let mangled_bom = clean(&mangle("\u{feff}Nguyễn"));
        assert_eq!(mangled_bom.text, "Nguyễn");
        assert!(mangled_bom.repaired);
    }

    /// Encodes `text` as UTF-8 and decodes the bytes as Latin-1 (C1 controls for 0x80–0x9F).
    fn mangle_latin1(text: &str) -> String {
        text.bytes().map(char::from).collect()
    }

    #[test]
    fn repairs_mangled_words_next_to_correct_ones() {
        assert_eq!(repair_mojibake("Nguyá»\u{85}n"), Some("Nguyễn".to_owned()));
        let half = format!("Nguyễn {}", mangle("Thị Hồng"));
        let cleaned = clean(&half);
        assert_eq!(cleaned.text, "Nguyễn Thị Hồng");
        assert!(cleaned.repaired && !cleaned.garbled);
        let fields = format!("{}|Hà Nội", mangle_latin1("Nguyễn Văn Ánh"));
        assert_eq!(
            repair_mojibake(&fields).as_deref(),
            Some("Nguyễn Văn Ánh|Hà Nội")
        );
    }

    #[test]
    fn flags_mojibake_whose_bytes_are_lost() {
        // The C1 control shown as a space (the byte is gone): cannot be repaired, so flagged.
        let cleaned = clean("Nguyá» n Văn An");
        assert!(!cleaned.repaired);
        assert!(cleaned.garbled);
    }
}
