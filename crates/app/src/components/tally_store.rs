//! The team's counts as kept on this phone, shared by the team page and helper mode on a guide.
//! Helper mode (residents' bundle) only appends a line per count to its own entry; the team
//! page adds those lines into the tally when it reads it (`components::tally::load_tally`), so
//! the residents' bundle carries no JSON tally code. Counts only, never anything about a person.

use sotay_tally::Date;

use crate::browser;

/// "1" while helper mode is on for this phone's guides (the team page's switch).
pub const HELPER_MODE_KEY: &str = "sotay.helper-mode";

/// Counts made in helper mode, waiting for the team page (`sotay_tally::pending_line` lines).
pub const HELPER_COUNTS_KEY: &str = "sotay.tally.helper";

pub fn today() -> Option<Date> {
    let (year, month, day) = browser::today();
    Date::new(year, month, day)
}

/// Keeps one count made in helper mode.
#[cfg(feature = "resident")]
pub fn count_in_helper_mode(date: Date, guide_id: &str, outcome: sotay_tally::Outcome) {
    let mut pending = browser::local_get(HELPER_COUNTS_KEY).unwrap_or_default();
    pending.push_str(&sotay_tally::pending_line(date, guide_id, outcome));
    browser::local_set(HELPER_COUNTS_KEY, &pending);
}
