//! Vietnamese phone numbers: a `tel:` link only for a number that can be one.

/// A `tel:` URI for a valid Vietnamese phone number, `None` otherwise.
///
/// Accepted (spaces, dots, dashes and parentheses allowed between digits):
/// - mobile: `0` + `3|5|7|8|9` + 8 digits (10 digits), or `+84` / `0084` instead of the `0`;
/// - landline: `02` + 9 digits (11 digits), or the same after `+84`;
/// - hotlines `1900` / `1800` + 4 or 6 digits (domestic only, so no `+84`).
///
/// Mobile and landline numbers become E.164 (`tel:+84…`), which works from
/// any SIM; hotlines stay as dialled.
///
/// # Example
///
/// ```
/// use sotay_poster::phone_link;
///
/// assert_eq!(phone_link("0912 345 678").as_deref(), Some("tel:+84912345678"));
/// assert_eq!(phone_link("024.3872.1234").as_deref(), Some("tel:+842438721234"));
/// assert_eq!(phone_link("1900 1234").as_deref(), Some("tel:19001234"));
/// assert_eq!(phone_link("gọi công an xã"), None);
/// ```
pub fn phone_link(text: &str) -> Option<String> {
    let text = text.trim();
    let (international, rest) = if let Some(rest) = text.strip_prefix("+84") {
        (true, rest)
    } else if let Some(rest) = text.strip_prefix("0084") {
        (true, rest)
    } else {
        (false, text)
    };
    let mut digits = String::with_capacity(rest.len() + 1);
    if international {
        digits.push('0');
    }
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            _ => return None,
        }
    }
    let bytes = digits.as_bytes();
    let is_mobile = bytes.len() == 10
        && bytes[0] == b'0'
        && matches!(bytes[1], b'3' | b'5' | b'7' | b'8' | b'9');
    let is_landline = bytes.len() == 11 && bytes.starts_with(b"02");
    let is_hotline = !international
        && (bytes.starts_with(b"1900") || bytes.starts_with(b"1800"))
        && matches!(bytes.len(), 8 | 10);
    if is_mobile || is_landline {
        Some(format!("tel:+84{}", &digits[1..]))
    } else if is_hotline {
        Some(format!("tel:{digits}"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::phone_link;

    #[test]
    fn accepts_vietnamese_numbers() {
        let cases = [
            ("0912 345 678", "tel:+84912345678"),
            ("0912.345.678", "tel:+84912345678"),
            ("0386-123-456", "tel:+84386123456"),
            ("+84 912 345 678", "tel:+84912345678"),
            ("0084912345678", "tel:+84912345678"),
            ("024 3872 1234", "tel:+842438721234"),
            ("(024) 3872 1234", "tel:+842438721234"),
            ("+84 24 3872 1234", "tel:+842438721234"),
            ("0236 3821 234", "tel:+842363821234"),
            ("1900 0368", "tel:19000368"),
            ("1800.1234", "tel:18001234"),
            ("1900 123 456", "tel:1900123456"),
        ];
        for (input, expected) in cases {
            assert_eq!(phone_link(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for input in [
            "",
            "113",
            "0123 456 789", // old 11-digit mobile prefix is gone; 10 digits starting 01 invalid
            "0412345678",   // 04 is not a mobile prefix
            "091234567",    // too short
            "09123456789",  // too long
            "024 3872 123", // landline one digit short
            "+84 1900 1234", // hotlines are domestic
            "1900 12345",   // 9 digits
            "0912 345 678 ext 2",
            "javascript:alert(1)",
            "٠٩١٢٣٤٥٦٧٨", // non-ASCII digits
            "+1 650 253 0000",
        ] {
            assert_eq!(phone_link(input), None, "{input}");
        }
    }
}
