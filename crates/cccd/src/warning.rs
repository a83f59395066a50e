//! What can be wrong with a card payload, in words for the resident.
//!
//! Messages never repeat the card's data, so a warning can be shown or
//! counted anywhere without leaking personal details.

use std::fmt;

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

    /// Plain Vietnamese, for the resident.
    pub fn message_vi(self) -> &'static str {
        match self {
            Warning::IdNotTwelveDigits => {
                "Số định danh cá nhân không đủ 12 chữ số. Hãy so với số in trên thẻ."
            }
            Warning::UnknownProvinceCode => {
                "3 số đầu của số định danh không phải mã tỉnh, thành phố nào trong danh mục. \
                 Hãy so với số in trên thẻ."
            }
            Warning::SexDigitMismatch => {
                "Số thứ 4 của số định danh không khớp với giới tính ghi trên thẻ. \
                 Hãy so với thẻ thật."
            }
            Warning::CenturyDigitMismatch => {
                "Số thứ 4 của số định danh không khớp với thế kỷ của năm sinh. \
                 Hãy so với thẻ thật."
            }
            Warning::BirthYearDigitsMismatch => {
                "Số thứ 5 và thứ 6 của số định danh không khớp với năm sinh. \
                 Hãy so với thẻ thật."
            }
            Warning::SexUnreadable => "Không đọc được giới tính (Nam hoặc Nữ).",
            Warning::BirthDateInvalid => "Không đọc được ngày sinh, hoặc ngày sinh không có thật.",
            Warning::IssueDateInvalid => {
                "Không đọc được ngày cấp thẻ, hoặc ngày cấp không có thật."
            }
            Warning::BirthDateInFuture => "Ngày sinh lại sau ngày hôm nay. Mã này có thể bị sai.",
            Warning::IssuedBeforeBirth => "Ngày cấp thẻ lại trước ngày sinh. Mã này có thể bị sai.",
            Warning::IssueDateInFuture => {
                "Ngày cấp thẻ lại sau ngày hôm nay. Hãy xem lại ngày giờ trên điện thoại, \
                 hoặc mã này có thể bị sai."
            }
            Warning::OldIdInvalid => "Số chứng minh nhân dân cũ phải có 9 hoặc 12 chữ số.",
            Warning::NameMissing => "Mã không có họ và tên.",
            Warning::AddressMissing => "Mã không có nơi thường trú.",
            Warning::RenewalOverdue => {
                "Thẻ đã quá hạn phải đổi theo độ tuổi. Hãy đến công an xã, phường để làm thủ tục \
                 cấp đổi thẻ căn cước."
            }
            Warning::RenewalDueSoon => {
                "Sắp đến hạn đổi thẻ theo độ tuổi (còn dưới 2 tháng). Hãy đến công an xã, phường \
                 làm thủ tục cấp đổi thẻ căn cước ngay từ bây giờ."
            }
            Warning::TextRepaired => {
                "Máy quét làm hỏng dấu tiếng Việt; chúng tôi đã sửa lại. Hãy so với thẻ thật."
            }
            Warning::TextGarbled => {
                "Một số chữ có dấu bị lỗi và không sửa được. Hãy quét lại hoặc so với thẻ thật."
            }
        }
    }

    /// Plain English.
    pub fn message_en(self) -> &'static str {
        match self {
            Warning::IdNotTwelveDigits => "The personal id number is not 12 digits long.",
            Warning::UnknownProvinceCode => {
                "The first 3 digits of the id are not a province code of the official table."
            }
            Warning::SexDigitMismatch => {
                "The 4th digit of the id does not match the sex on the card."
            }
            Warning::CenturyDigitMismatch => {
                "The 4th digit of the id does not match the century of the birth year."
            }
            Warning::BirthYearDigitsMismatch => {
                "The 5th and 6th digits of the id do not match the birth year."
            }
            Warning::SexUnreadable => "The sex field is neither Nam nor Nữ.",
            Warning::BirthDateInvalid => "The birth date is missing, unreadable or does not exist.",
            Warning::IssueDateInvalid => "The issue date is missing, unreadable or does not exist.",
            Warning::BirthDateInFuture => "The birth date is after today.",
            Warning::IssuedBeforeBirth => "The issue date is before the birth date.",
            Warning::IssueDateInFuture => "The issue date is after today.",
            Warning::OldIdInvalid => "The old id (CMND) number must be 9 or 12 digits.",
            Warning::NameMissing => "The full name is missing.",
            Warning::AddressMissing => "The permanent address is missing.",
            Warning::RenewalOverdue => "The card is past the age at which it had to be renewed.",
            Warning::RenewalDueSoon => {
                "The card must be renewed within two months: apply at the commune police now."
            }
            Warning::TextRepaired => {
                "The scanner had garbled the Vietnamese letters (UTF-8 read as Latin-1); they were repaired."
            }
            Warning::TextGarbled => {
                "Some accented letters are garbled and could not be repaired safely."
            }
        }
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
        f.write_str(self.message_vi())
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
            assert!(!warning.message_vi().is_empty() && !warning.message_en().is_empty());
        }
    }
}
