//! A small civil (proleptic Gregorian) date for Sổ tay Công dân số: birth,
//! issue and renewal dates on ID cards, the `reviewed` dates of guides, the
//! days of the volunteer tally. Enough calendar for those, without a date-time
//! library in the WASM bundle. No clock is ever read here except by
//! [`Date::today_utc`], for native tools and build scripts; "today" is always
//! a parameter of the logic that needs it.
//!
//! # Example
//!
//! ```
//! use sotay_date::Date;
//!
//! // Cards print dates as `ddmmyyyy`; guides write ISO dates.
//! let birth = Date::parse_loose("29021992").unwrap();
//! let reviewed: Date = "2026-11-29".parse().unwrap();
//! assert_eq!(birth.format_vi(), "29/02/1992");
//! assert_eq!(birth.whole_years_until(reviewed), Some(34));
//! // A 29 February birthday falls on 28 February in a common year.
//! assert_eq!(birth.add_years(33), Date::new(2025, 2, 28));
//! assert!(Date::new(2026, 2, 29).is_none());
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date with no time zone, years 1–9999. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order matters: the derived ordering compares year, then month, then day.
    year: i32,
    month: u8,
    day: u8,
}

/// Days in `month` of `year`; 0 for a month outside 1–12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Gregorian leap year rule.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
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

impl Date {
    /// The earliest date, 0001-01-01 (a placeholder for a date that could not be read).
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };

    /// The date, or `None` when it does not exist (31 April, 29 Feb 2023, month 13, …).
    /// Years are limited to 1–9999 so that every date has a four-digit form.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The same day `years` later (or earlier, when negative).
    ///
    /// 29 February in a year without one becomes **28 February**: for a
    /// renewal deadline the earlier day is the safe answer (the card is
    /// renewed in time either way). `None` only outside years 1–9999.
    pub fn add_years(self, years: i32) -> Option<Date> {
        let year = self.year.checked_add(years)?;
        let day = self.day().min(days_in_month(year, self.month()));
        Date::new(year, self.month(), day)
    }

    /// The same day `months` later (or earlier, when negative); a day the target month lacks
    /// becomes its last day (31 March minus one month is 28 or 29 February). `None` only outside
    /// years 1–9999.
    pub fn add_months(self, months: i32) -> Option<Date> {
        let index = (self.year * 12 + i32::from(self.month) - 1).checked_add(months)?;
        let year = index.div_euclid(12);
        let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
        let day = self.day().min(days_in_month(year, month));
        Date::new(year, month, day)
    }

    /// Whole years from `self` to `later` (an age on `later` for a birth date);
    /// `None` when `later` is before `self`.
    pub fn whole_years_until(self, later: Date) -> Option<u32> {
        if later < self {
            return None;
        }
        let mut years = later.year - self.year;
        if (later.month, later.day) < (self.month, self.day) {
            years -= 1;
        }
        u32::try_from(years).ok()
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_unix_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside years 1–9999.
    /// Lets native callers turn a clock reading into "today" (the library never reads a clock).
    pub fn from_days_since_unix_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// Vietnamese display form, `dd/mm/yyyy` (e.g. `05/09/1990`).
    pub fn format_vi(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// Reads a date as written on cards and by scanners: `ddmmyyyy`, or day, month and
    /// year separated by `/`, `-` or `.` (`5/9/1990`, `05-09-1990`), or ISO `yyyy-mm-dd`.
    /// `None` when it is not one of these forms or the date does not exist.
    pub fn parse_loose(text: &str) -> Option<Date> {
        let text = text.trim();
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if text.len() == 8 && all_digits(text) {
            let day = text.get(0..2)?.parse().ok()?;
            let month = text.get(2..4)?.parse().ok()?;
            let year = text.get(4..8)?.parse().ok()?;
            return Date::new(year, month, day);
        }
        let separator = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
        let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
        let [a, b, c] = parts.as_slice() else {
            return None;
        };
        if ![a, b, c].iter().all(|p| all_digits(p)) {
            return None;
        }
        let (year, month, day) = match (a.len(), b.len(), c.len()) {
            (4, 1..=2, 1..=2) => (*a, *b, *c),
            (1..=2, 1..=2, 4) => (*c, *b, *a),
            _ => return None,
        };
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
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
                .and_then(|s| s.parse::<u32>().ok())
                .ok_or(DateError::Format)
        };
        let year = i32::try_from(number(0..4)?).map_err(|_| DateError::Format)?;
        Date::new(year, number(5..7)?, number(8..10)?).ok_or(DateError::NoSuchDay)
    }

    /// Today's date (UTC) from the system clock, for native tools, build
    /// scripts and tests. (Not in the browser build: there the page's own
    /// clock is read by the app.)
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_utc() -> Date {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
        Date::from_days_since_unix_epoch(i64::try_from(days).unwrap_or(0)).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }
}

/// ISO 8601 `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Exactly `YYYY-MM-DD` (see [`Date::parse`]).
impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

/// As its ISO string.
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// From an ISO string, strictly.
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).expect("valid test date")
    }

    #[test]
    fn validity() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2021, 4, 31).is_none());
        assert!(Date::new(2021, 13, 1).is_none());
        assert!(Date::new(2021, 0, 1).is_none());
        assert!(Date::new(2021, 1, 0).is_none());
        assert!(Date::new(0, 1, 1).is_none());
        assert!(Date::new(10_000, 1, 1).is_none());
    }

    #[test]
    fn ordering_is_chronological() {
        assert!(d(1990, 12, 31) < d(1991, 1, 1));
        assert!(d(1991, 1, 31) < d(1991, 2, 1));
        assert!(d(1991, 2, 1) < d(1991, 2, 2));
    }

    #[test]
    fn add_months_clamps_to_the_end_of_the_month() {
        assert_eq!(d(2026, 11, 29).add_months(-9), Some(d(2026, 2, 28)));
        assert_eq!(d(2026, 11, 29).add_months(-12), Some(d(2025, 11, 29)));
        assert_eq!(d(2024, 3, 31).add_months(-1), Some(d(2024, 2, 29)));
        assert_eq!(d(2026, 1, 15).add_months(-1), Some(d(2025, 12, 15)));
        assert_eq!(d(2026, 12, 15).add_months(1), Some(d(2027, 1, 15)));
        assert_eq!(d(2026, 5, 5).add_months(0), Some(d(2026, 5, 5)));
        assert_eq!(d(1, 1, 1).add_months(-1), None);
        assert_eq!(d(9999, 12, 1).add_months(1), None);
    }

    #[test]
    fn add_years_moves_29_february_to_28() {
        assert_eq!(d(2004, 2, 29).add_years(25), Some(d(2029, 2, 28)));
        assert_eq!(d(2004, 2, 29).add_years(4), Some(d(2008, 2, 29)));
        assert_eq!(d(1990, 5, 9).add_years(-2), Some(d(1988, 5, 9)));
        assert_eq!(d(9990, 1, 1).add_years(25), None);
    }

    #[test]
    fn whole_years() {
        assert_eq!(d(1990, 5, 9).whole_years_until(d(2025, 5, 8)), Some(34));
        assert_eq!(d(1990, 5, 9).whole_years_until(d(2025, 5, 9)), Some(35));
        assert_eq!(d(1990, 5, 9).whole_years_until(d(1990, 5, 8)), None);
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(d(1970, 1, 1).days_since_unix_epoch(), 0);
        assert_eq!(d(2000, 3, 1).days_since_unix_epoch(), 11_017);
        assert_eq!(Date::from_days_since_unix_epoch(-1), Some(d(1969, 12, 31)));
        for days in (-719_000..2_900_000).step_by(997) {
            let date = Date::from_days_since_unix_epoch(days).expect("in range");
            assert_eq!(date.days_since_unix_epoch(), days);
        }
    }

    #[test]
    fn display_forms() {
        assert_eq!(d(1990, 9, 5).to_string(), "1990-09-05");
        assert_eq!(d(1990, 9, 5).format_vi(), "05/09/1990");
    }

    #[test]
    fn loose_parsing() {
        let expected = Some(d(1990, 9, 5));
        for text in [
            "05091990",
            "05/09/1990",
            "5/9/1990",
            "05-09-1990",
            "05.09.1990",
            " 1990-09-05 ",
        ] {
            assert_eq!(Date::parse_loose(text), expected, "{text}");
        }
        for text in [
            "",
            "5091990",
            "31042021",
            "05/09/90",
            "05/09-1990",
            "a5/09/1990",
            "05//1990",
            "1990",
        ] {
            assert_eq!(Date::parse_loose(text), None, "{text}");
        }
    }

    #[test]
    fn parses_and_prints_iso() {
        let d = Date::parse("2026-11-22").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2026, 11, 22));
        assert_eq!(d.to_string(), "2026-11-22");
        assert_eq!(d.format_vi(), "22/11/2026");
    }

    #[test]
    fn civil_dates_from_unix_days() {
        assert_eq!(Date::from_days_since_unix_epoch(0), Date::new(1970, 1, 1));
        assert_eq!(
            Date::from_days_since_unix_epoch(20_414),
            Date::new(2025, 11, 22)
        );
        assert_eq!(
            Date::from_days_since_unix_epoch(19_782),
            Date::new(2024, 2, 29)
        );
        assert_eq!(
            Date::from_days_since_unix_epoch(-1),
            Date::new(1969, 12, 31)
        );
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
            Date::parse("2024-02-29").unwrap().add_years(-1),
            Date::new(2023, 2, 28)
        );
        assert_eq!(b.add_years(-1), Date::new(2025, 1, 1));
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
