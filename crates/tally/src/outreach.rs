//! The outreach log: a day at a village or residential group, and how many residents were
//! helped there. A place, a date and a number; nothing about any person.

use sotay_date::Date;
use sotay_text::{Lang, ui};

pub const MAX_PLACE_CHARS: usize = 60;
pub const MAX_RESIDENTS: u32 = 5000;

/// Digits in a row that look like a phone or an id number rather than "Thôn 12".
const MAX_DIGIT_RUN: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutreachEntry {
    pub date: Date,
    /// "Thôn 3", "Tổ dân phố 5" (checked by [`check_place`]).
    pub place: String,
    pub residents: u32,
}

/// The place as it will be kept (trimmed, spaces collapsed), or why it cannot be.
pub fn check_place(place: &str, lang: Lang) -> Result<String, String> {
    let place = place.split_whitespace().collect::<Vec<_>>().join(" ");
    if place.is_empty() {
        return Err(ui::tally::ERROR_PLACE_EMPTY.get(lang).to_owned());
    }
    if sotay_chars::first_hidden(&place).is_some() {
        return Err(ui::tally::ERROR_PLACE_HIDDEN.get(lang).to_owned());
    }
    if place.chars().count() > MAX_PLACE_CHARS {
        return Err(ui::tally::error_place_long(lang, MAX_PLACE_CHARS));
    }
    let longest_digit_run = place
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    if longest_digit_run > MAX_DIGIT_RUN || place.contains('@') {
        return Err(ui::tally::ERROR_PLACE_NUMBER.get(lang).to_owned());
    }
    Ok(place)
}

/// The residents count as typed, or why it cannot be.
pub(crate) fn check_residents(residents: u32, lang: Lang) -> Result<u32, String> {
    if (1..=MAX_RESIDENTS).contains(&residents) {
        Ok(residents)
    } else {
        Err(ui::tally::error_residents(lang, MAX_RESIDENTS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_places() {
        assert_eq!(
            check_place("  Thôn   3 ", Lang::Vi).as_deref(),
            Ok("Thôn 3")
        );
        assert_eq!(
            check_place("Tổ dân phố 12, phường Long Biên", Lang::Vi).as_deref(),
            Ok("Tổ dân phố 12, phường Long Biên")
        );
        assert!(check_place("   ", Lang::Vi).is_err());
        assert!(check_place("Thôn 3 chị Lan 0912345678", Lang::Vi).is_err());
        assert!(check_place("001234567890", Lang::Vi).is_err());
        assert!(check_place("a@b.vn", Lang::Vi).is_err());
        assert!(check_place("Thôn\u{202e}3", Lang::Vi).is_err());
        assert!(check_place(&"x".repeat(61), Lang::Vi).is_err());
        assert!(check_residents(0, Lang::Vi).is_err());
        assert_eq!(check_residents(12, Lang::Vi), Ok(12));
    }
}
