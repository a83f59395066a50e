//! The community team's tally: how many residents were helped with each
//! guide, per day. Counts only: no names, no numbers, nothing personal.
//!
//! Kept on the volunteer's phone as JSON (`{"v":1,"days":{"2026-11-22":{"kich-hoat-vneid":3}}}`)
//! and exported as CSV for the monthly Đề án 06 report. Reading the stored
//! JSON never fails: whatever is damaged is dropped and the rest is kept, so
//! a corrupted storage entry costs a few counts, not the whole month.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};
use sotay_date::Date;

/// Version of the stored JSON.
const TALLY_FORMAT_VERSION: u64 = 1;

/// The CSV header, in Vietnamese for the commune's monthly report. The second column keeps
/// the guide's id, which never changes, so a spreadsheet can still join months by it.
pub const TALLY_CSV_HEADER: &str = "Ngày,Mã hướng dẫn,Tên hướng dẫn,Số người";

/// Why a tap was not counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TallyError {
    /// Not a guide id (lower-case letters, digits and dashes, at most 64).
    BadGuideId,
}

impl TallyError {
    pub fn message_vi(&self) -> &'static str {
        match self {
            TallyError::BadGuideId => "Không đếm được: mã hướng dẫn không hợp lệ.",
        }
    }

    pub fn message_en(&self) -> &'static str {
        match self {
            TallyError::BadGuideId => "Not counted: invalid guide id.",
        }
    }
}

impl fmt::Display for TallyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_vi())
    }
}

impl std::error::Error for TallyError {}

/// Residents helped, per day and per guide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    days: BTreeMap<Date, BTreeMap<String, u32>>,
}

/// Guide ids as the app's routes accept them.
pub fn is_guide_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Tally {
    pub fn new() -> Tally {
        Tally::default()
    }

    /// Reads the stored JSON, keeping every well-formed count and dropping
    /// the rest (bad dates, bad ids, negative or fractional counts). Text
    /// that is not JSON at all gives an empty tally.
    pub fn from_json(text: &str) -> Tally {
        let mut tally = Tally::new();
        let Ok(Value::Object(root)) = serde_json::from_str::<Value>(text) else {
            return tally;
        };
        // A newer format is not guessed at: its counts are not read.
        if root
            .get("v")
            .and_then(Value::as_u64)
            .is_some_and(|v| v != TALLY_FORMAT_VERSION)
        {
            return tally;
        }
        let Some(Value::Object(days)) = root.get("days") else {
            return tally;
        };
        for (date, guides) in days {
            let (Some(date), Value::Object(guides)) = (Date::parse(date).ok(), guides) else {
                continue;
            };
            for (id, count) in guides {
                let count = count.as_u64().and_then(|c| u32::try_from(c).ok());
                if let Some(count) = count.filter(|c| *c > 0)
                    && is_guide_id(id)
                {
                    tally
                        .days
                        .entry(date)
                        .or_default()
                        .insert(id.clone(), count);
                }
            }
        }
        tally
    }

    /// The JSON kept on the device.
    pub fn to_json(&self) -> String {
        let mut days = Map::new();
        for (date, guides) in &self.days {
            let guides: Map<String, Value> = guides
                .iter()
                .map(|(id, count)| (id.clone(), Value::from(*count)))
                .collect();
            days.insert(date.to_string(), Value::Object(guides));
        }
        let mut root = Map::new();
        root.insert("v".into(), Value::from(TALLY_FORMAT_VERSION));
        root.insert("days".into(), Value::Object(days));
        Value::Object(root).to_string()
    }

    /// Counts one resident helped with `guide_id` on `date`; returns the new count.
    pub fn add(&mut self, date: Date, guide_id: &str) -> Result<u32, TallyError> {
        if !is_guide_id(guide_id) {
            return Err(TallyError::BadGuideId);
        }
        let count = self
            .days
            .entry(date)
            .or_default()
            .entry(guide_id.to_owned())
            .or_insert(0);
        *count = count.saturating_add(1);
        Ok(*count)
    }

    /// Takes back one count (a mistaken tap); returns the new count.
    pub fn remove_one(&mut self, date: Date, guide_id: &str) -> u32 {
        let Some(guides) = self.days.get_mut(&date) else {
            return 0;
        };
        let left = match guides.get_mut(guide_id) {
            Some(count) if *count > 1 => {
                *count -= 1;
                *count
            }
            _ => {
                guides.remove(guide_id);
                0
            }
        };
        if guides.is_empty() {
            self.days.remove(&date);
        }
        left
    }

    pub fn count(&self, date: Date, guide_id: &str) -> u32 {
        self.days
            .get(&date)
            .and_then(|guides| guides.get(guide_id))
            .copied()
            .unwrap_or(0)
    }

    /// Residents helped on `date`, all guides together.
    pub fn day_total(&self, date: Date) -> u64 {
        self.days
            .get(&date)
            .map_or(0, |guides| guides.values().map(|c| u64::from(*c)).sum())
    }

    /// Every count ever, per guide (for "most used guides").
    pub fn totals_by_guide(&self) -> BTreeMap<&str, u64> {
        let mut totals = BTreeMap::new();
        for guides in self.days.values() {
            for (id, count) in guides {
                *totals.entry(id.as_str()).or_insert(0) += u64::from(*count);
            }
        }
        totals
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    pub fn clear(&mut self) {
        self.days.clear();
    }

    /// The report as CSV: a UTF-8 byte-order mark (so Excel reads the
    /// Vietnamese titles right), [`TALLY_CSV_HEADER`], then one row per day
    /// and guide, oldest first, dates as `dd/mm/yyyy`, CRLF line ends (RFC 4180). `title_of` gives a
    /// guide's title; an unknown guide keeps an empty title.
    pub fn to_csv(&self, title_of: impl Fn(&str) -> Option<String>) -> String {
        let mut out = String::from("\u{feff}");
        out.push_str(TALLY_CSV_HEADER);
        out.push_str("\r\n");
        for (date, guides) in &self.days {
            for (id, count) in guides {
                let title = title_of(id).unwrap_or_default();
                out.push_str(&format!(
                    "{},{},{},{count}\r\n",
                    date.format_vi(),
                    csv_field(id),
                    csv_field(&title)
                ));
            }
        }
        out
    }
}

/// One CSV field: quoted when it holds a comma, quote or line break, and
/// kept from starting like a spreadsheet formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Date {
        Date::new(2026, 11, d).unwrap()
    }

    #[test]
    fn dates_parse_and_print() {
        assert_eq!(Date::parse("2026-11-22"), Ok(day(22)));
        assert_eq!(day(2).to_string(), "2026-11-02");
        assert_eq!(day(2).format_vi(), "02/11/2026");
        assert!(Date::parse("2024-02-29").is_ok());
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-11-31",
            "2026-1-22",
            "22/11/2026",
            "2026-11-2x",
            "+026-11-22",
            "",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn counts_per_day_and_guide() {
        let mut tally = Tally::new();
        assert_eq!(tally.add(day(22), "kich-hoat-vneid"), Ok(1));
        assert_eq!(tally.add(day(22), "kich-hoat-vneid"), Ok(2));
        assert_eq!(tally.add(day(22), "dang-ky-tam-tru"), Ok(1));
        assert_eq!(tally.add(day(21), "kich-hoat-vneid"), Ok(1));
        assert_eq!(tally.add(day(22), "<b>"), Err(TallyError::BadGuideId));
        assert_eq!(tally.count(day(22), "kich-hoat-vneid"), 2);
        assert_eq!(tally.day_total(day(22)), 3);
        assert_eq!(tally.day_total(day(20)), 0);
        assert_eq!(tally.totals_by_guide().get("kich-hoat-vneid"), Some(&3));

        assert_eq!(tally.remove_one(day(22), "kich-hoat-vneid"), 1);
        assert_eq!(tally.remove_one(day(21), "kich-hoat-vneid"), 0);
        assert_eq!(tally.remove_one(day(21), "kich-hoat-vneid"), 0);
        assert_eq!(tally.day_total(day(21)), 0);
        tally.clear();
        assert!(tally.is_empty());
    }

    #[test]
    fn json_round_trips() {
        let mut tally = Tally::new();
        tally.add(day(22), "kich-hoat-vneid").unwrap();
        tally.add(day(22), "kich-hoat-vneid").unwrap();
        tally.add(day(3), "dang-ky-tam-tru").unwrap();
        let json = tally.to_json();
        assert_eq!(
            json,
            r#"{"days":{"2026-11-03":{"dang-ky-tam-tru":1},"2026-11-22":{"kich-hoat-vneid":2}},"v":1}"#
        );
        assert_eq!(Tally::from_json(&json), tally);
    }

    #[test]
    fn damaged_json_keeps_what_it_can() {
        let json = r#"{"v":1,"days":{
            "2026-11-22":{"kich-hoat-vneid":4,"<script>":3,"dang-ky-tam-tru":-1,"cai-dat-vneid":1.5,"lien-thong-khai-sinh":"2"},
            "2026-02-30":{"kich-hoat-vneid":9},
            "2026-11-21":[1,2],
            "2026-11-20":{"quen-mat-khau-vneid":99999999999}
        }}"#;
        let tally = Tally::from_json(json);
        assert_eq!(tally.count(day(22), "kich-hoat-vneid"), 4);
        assert_eq!(tally.day_total(day(22)), 4);
        assert_eq!(tally.day_total(day(20)), 0);
        assert_eq!(tally.totals_by_guide().len(), 1);

        for broken in [
            "",
            "null",
            "[]",
            "{",
            r#"{"days":5}"#,
            r#"{"v":2,"days":{"2026-11-22":{"a":1}}}"#,
        ] {
            assert!(Tally::from_json(broken).is_empty(), "{broken}");
        }
        // Without a version (hand-edited) the counts are still read.
        assert_eq!(
            Tally::from_json(r#"{"days":{"2026-11-22":{"a":1}}}"#).count(day(22), "a"),
            1
        );
    }

    #[test]
    fn csv_for_the_monthly_report() {
        let mut tally = Tally::new();
        tally.add(day(22), "kich-hoat-vneid").unwrap();
        tally.add(day(22), "kich-hoat-vneid").unwrap();
        tally.add(day(2), "dang-ky-tam-tru").unwrap();
        tally.add(day(2), "khong-ro").unwrap();
        let csv = tally.to_csv(|id| match id {
            "kich-hoat-vneid" => Some("Kích hoạt tài khoản định danh điện tử".into()),
            "dang-ky-tam-tru" => Some("Đăng ký tạm trú, \"trực tuyến\"".into()),
            _ => None,
        });
        assert_eq!(
            csv,
            "\u{feff}Ngày,Mã hướng dẫn,Tên hướng dẫn,Số người\r\n\
             02/11/2026,dang-ky-tam-tru,\"Đăng ký tạm trú, \"\"trực tuyến\"\"\",1\r\n\
             02/11/2026,khong-ro,,1\r\n\
             22/11/2026,kich-hoat-vneid,Kích hoạt tài khoản định danh điện tử,2\r\n"
        );
        assert_eq!(
            Tally::new().to_csv(|_| None),
            "\u{feff}Ngày,Mã hướng dẫn,Tên hướng dẫn,Số người\r\n"
        );
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }
}
