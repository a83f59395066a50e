//! Fuzzes `sotay_cccd::parse` with arbitrary scanner text.
//!
//! The parser must never panic, must hand back the text it was given, and must
//! always serialize to the JSON object `sotay cccd` prints.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sotay_cccd::{Date, Reading, parse};

fuzz_target!(|data: &[u8]| {
    // Scanners hand over text; invalid UTF-8 is rejected before the parser (by `sotay cccd`
    // and the browser's decoder), so only valid UTF-8 reaches it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(today) = Date::new(2025, 11, 22) else {
        return;
    };
    let reading = parse(text, today);
    assert_eq!(reading.raw(), text);
    if let Reading::Card(card) = &reading {
        assert_eq!(card.renewal_overdue, card.next_renewal.is_some_and(|due| today > due));
    }
    let json = serde_json::to_value(&reading).expect("a reading always serializes");
    assert_eq!(json.as_object().map(|object| object.len()), Some(14));
});
