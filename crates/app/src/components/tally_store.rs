//! The team's counts as kept on this phone: shared by the team page and helper mode on a
//! guide (which counts a resident helped in one tap). Counts only, never anything about a person.

use sotay_tally::{Date, Tally};

use crate::browser;

/// Where the counts are kept on the device.
pub const TALLY_STORAGE_KEY: &str = "sotay.tally";

/// "1" while helper mode is on for this phone's guides (the team page's switch).
pub const HELPER_MODE_KEY: &str = "sotay.helper-mode";

pub fn today() -> Option<Date> {
    let (year, month, day) = browser::today();
    Date::new(year, month, day)
}

/// The tally as stored on the device (an empty one when missing or damaged).
pub fn load_tally() -> Tally {
    browser::local_get(TALLY_STORAGE_KEY)
        .map(|json| Tally::from_json(&json))
        .unwrap_or_default()
}

pub fn save_tally(tally: &Tally) {
    if tally.is_empty() && tally.device().is_none() {
        browser::local_remove(TALLY_STORAGE_KEY);
    } else {
        browser::local_set(TALLY_STORAGE_KEY, &tally.to_json());
    }
}

/// A random phone id (48 bits): it only tells phones apart when the team lead adds them up.
#[cfg(target_arch = "wasm32")]
pub fn random_device() -> u64 {
    let part = || (js_sys::Math::random() * f64::from(1u32 << 24)) as u64;
    (part() << 24) | part()
}

/// Pre-rendering keeps nothing, so any id will do.
#[cfg(not(target_arch = "wasm32"))]
pub fn random_device() -> u64 {
    0
}
