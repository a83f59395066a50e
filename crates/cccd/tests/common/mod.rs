// Shared by the integration tests of this crate (included with `mod common;`).
#![allow(dead_code)]

use sotay_cccd::Date;

/// The day the tests pretend it is.
pub fn today() -> Date {
    date(2025, 11, 22)
}

pub fn date(year: i32, month: u32, day: u32) -> Date {
    Date::new(year, month, day).expect("valid test date")
}

const WINDOWS_1252_80_TO_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// What a faulty scanner does: UTF-8 bytes decoded as Windows-1252.
pub fn mangle(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            0x80..=0x9F => WINDOWS_1252_80_TO_9F[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

// Invented people; any likeness to a real card is chance.

/// Chip CCCD, man born 1990 in Hà Nội, with an old CMND number.
pub const CCCD_AN: &str = "001090012345|013456789|Nguyễn Văn An|15031990|Nam|Số 12 ngõ 34 phố Hào Nam, Phường Ô Chợ Dừa, Quận Đống Đa, Hà Nội|20042021";

/// Chip CCCD, woman born 1985 in Thanh Hóa, no old number, renewal at 40 overdue on [`today`].
pub const CCCD_HOA: &str = "038185004321||Lê Thị Hoa|02081985|Nữ|Thôn Đông, Xã Quảng Tân, Huyện Quảng Xương, Thanh Hóa|10062022";

/// Căn cước, girl born 29 Feb 2012 in Đà Nẵng, issued at 12 (within 2 years of 14),
/// with extra fields: a name, a 12-digit id, a name, a 12-digit id.
pub const CAN_CUOC_BAO_ANH: &str = "048312007788||Trần Ngọc Bảo Anh|29022012|Nữ|Tổ 5, Phường Hòa Khánh Bắc, Quận Liên Chiểu, Đà Nẵng|15082024|Trần Văn Bình|048080001122|Phạm Thị Cúc|048182003344";

/// Căn cước, man born 1958 in TP. Hồ Chí Minh, renewed at 66: valid for life.
pub const CAN_CUOC_TAM: &str = "079058006655|020123456|Võ Minh Tâm|01011958|Nam|123/4 Đường Nguyễn Trãi, Phường 2, Quận 5, TP. Hồ Chí Minh|03092024|Võ Minh Tâm|079058006655|230517|05012020";
