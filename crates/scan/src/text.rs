//! Turning a QR payload's bytes into text.
//!
//! Card QR codes carry Vietnamese names in byte mode as UTF-8, usually
//! without an ECI header. We honour an ECI the code declares; without one
//! (or with one we do not implement) valid UTF-8 wins, and anything else is
//! read as ISO-8859-1, the QR standard's default byte-mode charset.

/// ECI 1 and 3 are ISO-8859-1, 26 is UTF-8 (ISO/IEC 18004, AIM ECI).
const ECI_LATIN1: [u32; 2] = [1, 3];
const ECI_UTF8: u32 = 26;

pub(crate) fn payload_to_string(bytes: &[u8], eci: Option<u32>) -> String {
    match eci {
        Some(e) if ECI_LATIN1.contains(&e) => latin1(bytes),
        Some(ECI_UTF8) => String::from_utf8_lossy(bytes).into_owned(),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => latin1(bytes),
        },
    }
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_without_eci_is_utf8() {
        let s = "Nguyễn Thị Ánh";
        assert_eq!(payload_to_string(s.as_bytes(), None), s);
    }

    #[test]
    fn invalid_utf8_falls_back_to_latin1() {
        assert_eq!(payload_to_string(&[0x43, 0xE0, 0x66, 0xE9], None), "Càfé");
    }

    #[test]
    fn declared_latin1_is_honoured() {
        // Valid UTF-8 bytes ("é"), but the code says ISO-8859-1.
        assert_eq!(payload_to_string("é".as_bytes(), Some(3)), "Ã©");
    }

    #[test]
    fn declared_utf8_is_lossy_not_latin1() {
        assert_eq!(payload_to_string(&[0x41, 0xFF], Some(26)), "A\u{FFFD}");
    }
}
