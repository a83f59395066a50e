//! What can be wrong with a card payload, in words for the resident.
//!
//! Messages never repeat the card's data, so a warning can be shown or
//! counted anywhere without leaking personal details.

use std::fmt;

use crate::Lang;
use sotay_text::ui;

/// One finding about a card payload. Parsing never fails on a card-like
/// payload: every problem ends up here instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Warning {
    /// The personal id number is not exactly 12 digits.
    IdNotTwelveDigits,
    /// Digits 1–3 of the id are not a province code of the official table.
    UnknownProvinceCode,
    /// Digit 4 of the id says one sex, the sex field says the other.
    SexDigitMismatch,
    /// Digit 4 of the id says another century than the birth year.
    CenturyDigitMismatch,
    /// Digits 5–6 of the id are not the last two digits of the birth year.
    BirthYearDigitsMismatch,
    /// The sex field is neither "Nam" nor "Nữ".
    SexUnreadable,
    /// The birth date is missing, unreadable or does not exist.
    BirthDateInvalid,
    /// The issue date is missing, unreadable or does not exist.
    IssueDateInvalid,
    /// The birth date is after today.
    BirthDateInFuture,
    /// The issue date is before the birth date.
    IssuedBeforeBirth,
    /// The issue date is after today.
    IssueDateInFuture,
    /// The old id (CMND) number is present but neither 9 nor 12 digits.
    OldIdInvalid,
    /// The full name is empty.
    NameMissing,
    /// The permanent address is empty.
    AddressMissing,
    /// The card has passed the age at which it had to be renewed.
    RenewalOverdue,
    /// The card must be renewed within [`crate::RENEWAL_SOON_DAYS`] days.
    RenewalDueSoon,
    /// The scanner had mangled the Vietnamese letters; they were put back.
    TextRepaired,
    /// The text has mangled Vietnamese letters that could not be put back safely.
    TextGarbled,
}

/// How much a warning matters to the person reading the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Worth knowing; nothing is wrong with the card.
    Info,
    /// The data looks wrong or the card needs attention.
    Problem,
}

impl Warning {
    /// Every warning, for tests and for documentation tables.
    pub const ALL: [Warning; 18] = [
        Warning::IdNotTwelveDigits,
        Warning::UnknownProvinceCode,
        Warning::SexDigitMismatch,
        Warning::CenturyDigitMismatch,
        Warning::BirthYearDigitsMismatch,
        Warning::SexUnreadable,
        Warning::BirthDateInvalid,
        Warning::IssueDateInvalid,
        Warning::BirthDateInFuture,
        Warning::IssuedBeforeBirth,
        Warning::IssueDateInFuture,
        Warning::OldIdInvalid,
        Warning::NameMissing,
        Warning::AddressMissing,
        Warning::RenewalOverdue,
        Warning::RenewalDueSoon,
        Warning::TextRepaired,
        Warning::TextGarbled,
    ];

    /// A stable snake_case identifier (used in JSON and tests; never changes meaning).
    pub fn code(self) -> &'static str {
        match self {
            Warning::IdNotTwelveDigits => "id_not_12_digits",
            Warning::UnknownProvinceCode => "unknown_province_code",
            Warning::SexDigitMismatch => "sex_digit_mismatch",
            Warning::CenturyDigitMismatch => "century_digit_mismatch",
            Warning::BirthYearDigitsMismatch => "birth_year_digits_mismatch",
            Warning::SexUnreadable => "sex_unreadable",
            Warning::BirthDateInvalid => "birth_date_invalid",
            Warning::IssueDateInvalid => "issue_date_invalid",
            Warning::BirthDateInFuture => "birth_date_in_future",
            Warning::IssuedBeforeBirth => "issued_before_birth",
            Warning::IssueDateInFuture => "issue_date_in_future",
            Warning::OldIdInvalid => "old_id_invalid",
            Warning::NameMissing => "name_missing",
            Warning::AddressMissing => "address_missing",
            Warning::RenewalOverdue => "renewal_overdue",
            Warning::RenewalDueSoon => "renewal_due_soon",
            Warning::TextRepaired => "text_repaired",
            Warning::TextGarbled => "text_garbled",
        }
    }

    /// What the resident reads, in `lang` (Vietnamese is plain Vietnamese; the strings are
    /// in `assets/ui/{vi,en}/card_warnings.toml`, keyed by [`Warning::code`]).
    pub fn message(self, lang: Lang) -> &'static str {
        use ui::card_warnings as text;
        match self {
            Warning::IdNotTwelveDigits => text::ID_NOT_12_DIGITS,
            Warning::UnknownProvinceCode => text::UNKNOWN_PROVINCE_CODE,
            Warning::SexDigitMismatch => text::SEX_DIGIT_MISMATCH,
            Warning::CenturyDigitMismatch => text::CENTURY_DIGIT_MISMATCH,
            Warning::BirthYearDigitsMismatch => text::BIRTH_YEAR_DIGITS_MISMATCH,
            Warning::SexUnreadable => text::SEX_UNREADABLE,
            Warning::BirthDateInvalid => text::BIRTH_DATE_INVALID,
            Warning::IssueDateInvalid => text::ISSUE_DATE_INVALID,
            Warning::BirthDateInFuture => text::BIRTH_DATE_IN_FUTURE,
            Warning::IssuedBeforeBirth => text::ISSUED_BEFORE_BIRTH,
            Warning::IssueDateInFuture => text::ISSUE_DATE_IN_FUTURE,
            Warning::OldIdInvalid => text::OLD_ID_INVALID,
            Warning::NameMissing => text::NAME_MISSING,
            Warning::AddressMissing => text::ADDRESS_MISSING,
            Warning::RenewalOverdue => text::RENEWAL_OVERDUE,
            Warning::RenewalDueSoon => text::RENEWAL_DUE_SOON,
            Warning::TextRepaired => text::TEXT_REPAIRED,
            Warning::TextGarbled => text::TEXT_GARBLED,
        }
        .get(lang)
    }

    pub fn severity(self) -> Severity {
        match self {
            Warning::TextRepaired => Severity::Info,
            _ => Severity::Problem,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::Vi))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_snake_case() {
        let codes: HashSet<_> = Warning::ALL.iter().map(|w| w.code()).collect();
        assert_eq!(codes.len(), Warning::ALL.len());
        for code in codes {
            assert!(
                code.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            );
        }
        for warning in Warning::ALL {
            assert!(
                Lang::ALL
                    .iter()
                    .all(|&lang| !warning.message(lang).is_empty())
            );
        }
    }
}
