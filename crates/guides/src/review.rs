//! How old a guide's review is. A guide is checked against its official sources on the date in
//! `reviewed`; procedures change, so after [`REVIEW_DUE_MONTHS`] the build lists it for a new
//! check, and after [`STALE_MONTHS`] readers see that it may be out of date and where to check.

use sotay_date::Date;

use crate::model::{Guide, Source};

/// Months after which the build and the content report list a guide for review.
pub const REVIEW_DUE_MONTHS: i32 = 9;
/// Months after which readers see “Hướng dẫn này có thể đã cũ”.
pub const STALE_MONTHS: i32 = 12;

/// How old a review is on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReviewAge {
    /// Reviewed within the last [`REVIEW_DUE_MONTHS`].
    Current,
    /// Older than [`REVIEW_DUE_MONTHS`]: due for a new check, readers see nothing yet.
    Due,
    /// Older than [`STALE_MONTHS`]: readers are told it may be out of date.
    Stale,
}

/// The age of a review made on `reviewed`, seen on `today` (the reader's or the build's date).
pub fn review_age(reviewed: Date, today: Date) -> ReviewAge {
    let older_than = |months: i32| {
        today
            .add_months(-months)
            .is_some_and(|limit| reviewed < limit)
    };
    if older_than(STALE_MONTHS) {
        ReviewAge::Stale
    } else if older_than(REVIEW_DUE_MONTHS) {
        ReviewAge::Due
    } else {
        ReviewAge::Current
    }
}

impl Guide {
    /// The age of this guide's review on `today`.
    pub fn review_age(&self, today: Date) -> ReviewAge {
        review_age(self.reviewed, today)
    }

    /// Where a reader of an out-of-date guide can check the procedure: the first source that is
    /// the procedure's own page (not a site's front page), otherwise the first source.
    pub fn check_source(&self) -> Option<&Source> {
        self.sources
            .iter()
            .find(|source| !source.is_homepage())
            .or_else(|| self.sources.first())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn ages_at_nine_and_twelve_months() {
        let today = d("2026-11-29");
        assert_eq!(review_age(d("2026-11-29"), today), ReviewAge::Current);
        assert_eq!(review_age(d("2026-02-28"), today), ReviewAge::Current);
        assert_eq!(review_age(d("2026-02-27"), today), ReviewAge::Due);
        assert_eq!(review_age(d("2025-11-29"), today), ReviewAge::Due);
        assert_eq!(review_age(d("2025-11-28"), today), ReviewAge::Stale);
        // A review dated after the reader's clock (a phone set to the past) is never stale.
        assert_eq!(
            review_age(d("2026-11-29"), d("2020-01-01")),
            ReviewAge::Current
        );
    }
}
