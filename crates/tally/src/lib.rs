//! The community digital team's counts (Sổ tay Công dân số): residents helped per day, per
//! service or guide, per outcome; months closed for the report and rolled up by quarter and
//! year; the report and its CSV; and team totals, where each volunteer's closed month travels
//! to the team lead as a QR code or a file and is merged once.
//!
//! Counts only: no name, id number, phone or free text about a person, ever. The one text a
//! volunteer types, an outreach place, is checked to be a place (no hidden characters, no long
//! numbers). No I/O, no clock ("today" is a parameter), no web dependencies.
//!
//! ```
//! use sotay_date::Date;
//! use sotay_tally::{Month, Outcome, Tally};
//!
//! let mut tally = Tally::new();
//! let day = Date::new(2026, 11, 20).unwrap();
//! tally.add(day, "kich-hoat-vneid", Outcome::FiledOnline).unwrap();
//! let november = Month::new(2026, 11).unwrap();
//! tally.close_month(november, Date::new(2026, 12, 2).unwrap()).unwrap();
//! assert!(tally.add(day, "kich-hoat-vneid", Outcome::Guided).is_err());
//! ```

mod outreach;
mod period;
mod report;
mod share;
mod store;
mod subjects;

pub use outreach::{MAX_PLACE_CHARS, MAX_RESIDENTS, OutreachEntry, check_place};
pub use period::{Month, Period, REMINDER_DAYS, REPORTING_DAYS, Reminder, reminder};
pub use report::{OUTREACH_CSV_HEADER, REPORT_CSV_HEADER, Report, ReportRow};
pub use share::{
    CommuneKey, DeviceId, MergeOutcome, MonthShare, SHARE_FORMAT_VERSION, SHARE_MAGIC, ShareError,
};
pub use sotay_date::Date;
pub use store::{Tally, TallyError, pending_line};
pub use subjects::{
    ACTIVATION_GUIDES, LINKED_SERVICES, OTHER_SERVICE, Subject, Subjects, is_subject_id,
};

use sotay_text::{Lang, ui};

/// How a resident's visit ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// "Đã hướng dẫn": shown how; they will file it themselves.
    Guided,
    /// "Đã nộp trực tuyến thành công" (for activation: the account works).
    FiledOnline,
    /// "Chưa xong — hẹn lại".
    Later,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Guided, Outcome::FiledOnline, Outcome::Later];

    /// Its place in [`Counts`].
    pub fn index(self) -> usize {
        match self {
            Outcome::Guided => 0,
            Outcome::FiledOnline => 1,
            Outcome::Later => 2,
        }
    }

    /// The key used in storage and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Guided => "huong-dan",
            Outcome::FiledOnline => "thanh-cong",
            Outcome::Later => "hen-lai",
        }
    }

    pub fn from_code(code: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Outcome::Guided => ui::tally::OUTCOME_GUIDED.get(lang),
            Outcome::FiledOnline => ui::tally::OUTCOME_ONLINE.get(lang),
            Outcome::Later => ui::tally::OUTCOME_LATER.get(lang),
        }
    }
}

/// Residents helped, per outcome in [`Outcome::ALL`] order.
pub type Counts = [u32; 3];

/// Adds `more` into `into`, saturating.
pub(crate) fn add_counts(into: &mut Counts, more: &Counts) {
    for (a, b) in into.iter_mut().zip(more) {
        *a = a.saturating_add(*b);
    }
}

pub(crate) fn total(counts: &Counts) -> u64 {
    counts.iter().map(|c| u64::from(*c)).sum()
}
