//! A small civil (proleptic Gregorian) date: enough for birth, issue and
//! renewal dates, without pulling a date-time library into the WASM bundle.

use std::fmt;

use serde::{Serialize, Serializer};

/// A calendar date with no time zone. Ordering is chronological.
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

impl Date {
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
}

/// ISO 8601 `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
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
}
