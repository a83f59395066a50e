//! Months, quarters and years, and the commune's reporting day.

use core::fmt;

use sotay_date::{Date, days_in_month};
use sotay_text::{Lang, ui};

/// A calendar month, the unit counts are closed and shared in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    // Field order matters: the derived ordering is chronological.
    year: i32,
    month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    pub fn of(date: Date) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> Date {
        Date::new(self.year, self.month, 1).expect("a valid month has a first day")
    }

    pub fn last_day(self) -> Date {
        Date::new(self.year, self.month, days_in_month(self.year, self.month))
            .expect("a valid month has a last day")
    }

    pub fn previous(self) -> Option<Month> {
        if self.month == 1 {
            Month::new(self.year - 1, 12)
        } else {
            Month::new(self.year, self.month - 1)
        }
    }

    /// `yyyy-mm`, as stored.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year) || !digits(month) {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// `mm/yyyy`, as Vietnamese forms write a month.
    pub fn format_vi(self) -> String {
        format!("{:02}/{:04}", self.month, self.year)
    }
}

impl fmt::Display for Month {
    /// `yyyy-mm`, as stored.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A reporting period: a month, or a roll-up of a quarter or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Month(Month),
    /// Quarter 1–4.
    Quarter {
        year: i32,
        quarter: u32,
    },
    Year(i32),
}

impl Period {
    /// The quarter holding `month`.
    pub fn quarter_of(month: Month) -> Period {
        Period::Quarter {
            year: month.year,
            quarter: (month.month - 1) / 3 + 1,
        }
    }

    pub fn first_day(self) -> Date {
        self.months()[0].first_day()
    }

    pub fn last_day(self) -> Date {
        self.months()
            .last()
            .expect("a period has months")
            .last_day()
    }

    /// Its months, in order.
    pub fn months(self) -> Vec<Month> {
        let (year, first, count) = match self {
            Period::Month(month) => return vec![month],
            Period::Quarter { year, quarter } => (year, (quarter.clamp(1, 4) - 1) * 3 + 1, 3),
            Period::Year(year) => (year, 1, 12),
        };
        (first..first + count)
            .filter_map(|m| Month::new(year, m))
            .collect()
    }

    pub fn contains(self, date: Date) -> bool {
        self.months().contains(&Month::of(date))
    }

    /// "Tháng 11/2026", "Quý IV/2026", "Năm 2026".
    pub fn label(self, lang: Lang) -> String {
        match self {
            Period::Month(month) => {
                ui::tally::period_month(lang, format!("{:02}", month.month), month.year)
            }
            Period::Quarter { year, quarter } => {
                let roman = ["I", "II", "III", "IV"];
                let quarter = match lang {
                    Lang::Vi => roman[(quarter.clamp(1, 4) - 1) as usize].to_owned(),
                    Lang::En => quarter.to_string(),
                };
                ui::tally::period_quarter(lang, quarter, year)
            }
            Period::Year(year) => ui::tally::period_year(lang, year),
        }
    }
}

/// The days of the month communes report by (set by the commune; plans use these).
pub const REPORTING_DAYS: [u32; 4] = [10, 15, 20, 22];

/// How many days before the reporting day the team page starts reminding.
pub const REMINDER_DAYS: i64 = 5;

/// A report falling due soon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    /// The month being reported (the one before `due`'s).
    pub month: Month,
    pub due: Date,
    /// 0 on the day itself.
    pub days_left: i64,
}

/// The reminder to show on `today`, if the report of last month falls due within
/// [`REMINDER_DAYS`] days (its reporting day included).
pub fn reminder(today: Date, reporting_day: u32) -> Option<Reminder> {
    let this_month = Month::of(today);
    let due = Date::new(this_month.year, this_month.month, reporting_day)?;
    let days_left = due.days_since_unix_epoch() - today.days_since_unix_epoch();
    (0..=REMINDER_DAYS).contains(&days_left).then(|| Reminder {
        month: this_month.previous().unwrap_or(this_month),
        due,
        days_left,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn periods_hold_their_months() {
        let nov = Month::new(2026, 11).unwrap();
        assert_eq!(Month::parse("2026-11"), Some(nov));
        assert_eq!(nov.to_string(), "2026-11");
        for bad in [
            "2026-13", "2026-1", "26-11", "2026/11", "2026-00", "abcd-ef",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(nov.last_day(), date(2026, 11, 30));
        assert_eq!(
            Month::new(2026, 1).unwrap().previous(),
            Month::new(2025, 12)
        );
        let q4 = Period::quarter_of(nov);
        assert_eq!(
            q4,
            Period::Quarter {
                year: 2026,
                quarter: 4
            }
        );
        assert_eq!(q4.first_day(), date(2026, 10, 1));
        assert_eq!(q4.last_day(), date(2026, 12, 31));
        assert!(q4.contains(date(2026, 10, 15)));
        assert!(!q4.contains(date(2026, 9, 30)));
        assert_eq!(Period::Year(2026).months().len(), 12);
        assert_eq!(Period::Year(2024).last_day(), date(2024, 12, 31));
        assert_eq!(q4.label(Lang::Vi), "Quý IV/2026");
        assert_eq!(Period::Month(nov).label(Lang::Vi), "Tháng 11/2026");
        assert_eq!(Period::Year(2026).label(Lang::Vi), "Năm 2026");
    }

    #[test]
    fn reminds_a_few_days_before_the_reporting_day() {
        assert_eq!(reminder(date(2026, 12, 4), 10), None);
        let due = reminder(date(2026, 12, 5), 10).unwrap();
        assert_eq!(due.month, Month::new(2026, 11).unwrap());
        assert_eq!(due.days_left, 5);
        assert_eq!(reminder(date(2026, 12, 10), 10).unwrap().days_left, 0);
        assert_eq!(reminder(date(2026, 12, 11), 10), None);
        assert_eq!(
            reminder(date(2027, 1, 20), 22).unwrap().month,
            Month::new(2026, 12).unwrap()
        );
    }
}
