//! A calendar date for the `reviewed` / `accessed` fields: parse and print `YYYY-MM-DD`, compare,
//! step back a year. Small on purpose (no chrono in the WASM bundle); "today" always comes from the
//! caller.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid proleptic Gregorian date. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the shape `YYYY-MM-DD`.
    Format,
    /// Shaped right but no such day (e.g. `2026-02-30`).
    NoSuchDay,
}

impl DateError {
    pub fn message_vi(&self) -> &'static str {
        match self {
            DateError::Format => "ngày phải viết dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-20",
            DateError::NoSuchDay => "không có ngày này trong lịch",
        }
    }

    pub fn message_en(&self) -> &'static str {
        match self {
            DateError::Format => "a date must be written YYYY-MM-DD, e.g. 2026-11-20",
            DateError::NoSuchDay => "no such day in the calendar",
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_vi())
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The earliest date, 0001-01-01 (a placeholder for a date that could not be read).
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };

    /// `None` when the day does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        (year >= 1 && day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            year,
            month,
            day,
        })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, zero-padded).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DateError::Format);
        }
        let number = |range: std::ops::Range<usize>| {
            text.get(range)
                .and_then(|s| s.parse::<u16>().ok())
                .ok_or(DateError::Format)
        };
        let year = number(0..4)?;
        let month = u8::try_from(number(5..7)?).map_err(|_| DateError::NoSuchDay)?;
        let day = u8::try_from(number(8..10)?).map_err(|_| DateError::NoSuchDay)?;
        Date::new(year, month, day).ok_or(DateError::NoSuchDay)
    }

    /// The same day `years` years earlier (29 February becomes 28 February).
    pub fn years_before(self, years: u16) -> Date {
        let year = self.year.saturating_sub(years).max(1);
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }

    /// Today's date (UTC) from the system clock. Only with the `load` feature: the library
    /// itself never reads a clock, but build scripts, tools and tests need "today" for the
    /// review-date rules.
    #[cfg(feature = "load")]
    pub fn today_utc() -> Date {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
        Date::from_unix_days(i64::try_from(days).unwrap_or(0)).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    /// The civil date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_unix_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// `dd/mm/yyyy`, the way dates are written for Vietnamese readers.
    pub fn format_vi(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl fmt::Display for Date {
    /// ISO `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso() {
        let d = Date::parse("2026-11-22").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2026, 11, 22));
        assert_eq!(d.to_string(), "2026-11-22");
        assert_eq!(d.format_vi(), "22/11/2026");
    }

    #[test]
    fn civil_dates_from_unix_days() {
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_unix_days(20_414), Date::new(2025, 11, 22));
        assert_eq!(Date::from_unix_days(19_782), Date::new(2024, 2, 29));
        assert_eq!(Date::from_unix_days(-1), Date::new(1969, 12, 31));
    }

    #[test]
    fn refuses_bad_shapes_and_days() {
        for bad in [
            "",
            "2026-1-05",
            "2026/11/22",
            "26-11-22",
            "2026-11-22T00:00",
            "２026-11-22",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad}");
        }
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "0000-01-01",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::NoSuchDay), "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn orders_chronologically_and_steps_back() {
        let a = Date::parse("2025-12-31").unwrap();
        let b = Date::parse("2026-01-01").unwrap();
        assert!(a < b);
        assert_eq!(
            Date::parse("2024-02-29")
                .unwrap()
                .years_before(1)
                .to_string(),
            "2023-02-28"
        );
        assert_eq!(b.years_before(1).to_string(), "2025-01-01");
    }

    #[test]
    fn serde_round_trip_as_string() {
        let d = Date::parse("2026-11-20").unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"2026-11-20\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }
}
