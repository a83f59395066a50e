//! Practice scenarios (validated by `build.rs`, embedded in the practice bundle
//! only) and the one thing the device remembers about them: which were
//! finished, with how many hints. What a resident types is never kept.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use sotay_practice::Scenario;

use crate::browser;

const PROGRESS_KEY: &str = "sotay.practice";

/// Every scenario, in file-name order.
pub fn scenarios() -> &'static [Scenario] {
    static SCENARIOS: OnceLock<Vec<Scenario>> = OnceLock::new();
    SCENARIOS.get_or_init(|| {
        // Written by build.rs from the same types; empty is the safe answer should it not parse.
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/practice.json")))
            .unwrap_or_default()
    })
}

pub fn scenario(id: &str) -> Option<&'static Scenario> {
    scenarios().iter().find(|scenario| scenario.id == id)
}

/// Finished scenarios: id → hints used the last time.
pub type Progress = BTreeMap<String, u32>;

pub fn load_progress() -> Progress {
    browser::local_get(PROGRESS_KEY)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Remembers that `id` was finished with `hints` hints (ids and counts only).
pub fn save_finished(id: &str, hints: u32) {
    let mut progress = load_progress();
    progress.insert(id.to_string(), hints);
    if let Ok(json) = serde_json::to_string(&progress) {
        browser::local_set(PROGRESS_KEY, &json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scenarios_are_embedded_and_the_progress_is_ids_and_counts() {
        assert!(scenarios().len() >= 5);
        assert!(scenario("kich-hoat-vneid").is_some());
        let progress: Progress = [("kich-hoat-vneid".to_string(), 2)].into();
        assert_eq!(
            serde_json::to_string(&progress).unwrap_or_default(),
            r#"{"kich-hoat-vneid":2}"#
        );
    }
}
