//! The counts kept on one phone, as JSON in its storage.
//!
//! Format 2: `{"v":2,"device":"…","reporting_day":15,"days":{"2026-11-22":{"kich-hoat-vneid":[3,1,0]}},
//! "closed":["2026-10"],"outreach":[{"date":"2026-11-20","place":"Thôn 3","residents":12}],
//! "team":[{"device":"…","month":"2026-10","counts":{…},"outreach":[2,35]}]}`, counts in
//! [`Outcome::ALL`] order. Format 1 (`{"v":1,"days":{"2026-11-22":{"kich-hoat-vneid":3}}}`, the
//! tally before outcomes) is still read: each count becomes "Đã hướng dẫn", so the counts on
//! volunteers' phones survive the update. Reading never fails: whatever is damaged is dropped
//! and the rest is kept.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{Map, Value, json};
use sotay_date::Date;
use sotay_text::{Lang, ui};

use crate::outreach::{OutreachEntry, check_place, check_residents};
use crate::period::{Month, Period, REPORTING_DAYS};
use crate::share::{CommuneKey, DeviceId, MergeOutcome, MonthShare, ShareError};
use crate::{Counts, Outcome, add_counts, is_subject_id, total};

const FORMAT_VERSION: u64 = 2;
const DEFAULT_REPORTING_DAY: u32 = 10;

/// Why a tap or a change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TallyError {
    /// Not a guide or service id.
    BadSubject,
    /// The month is closed ("Chốt tháng"); reopen it to correct it.
    MonthClosed(Month),
    /// Closing a month that has not come yet.
    FutureMonth(Month),
    /// Sharing a month that is not closed.
    NotClosed(Month),
}

impl TallyError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TallyError::BadSubject => ui::tally::ERROR_BAD_SUBJECT.get(lang).to_owned(),
            TallyError::MonthClosed(m) => ui::tally::error_month_closed(lang, m.format_vi()),
            TallyError::FutureMonth(m) => ui::tally::error_future_month(lang, m.format_vi()),
            TallyError::NotClosed(m) => ui::tally::error_not_closed(lang, m.format_vi()),
        }
    }
}

impl fmt::Display for TallyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl std::error::Error for TallyError {}

/// A month of another phone, merged in by the team lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TeamMonth {
    pub counts: BTreeMap<String, Counts>,
    /// Outreach sessions and residents helped at them.
    pub outreach: [u32; 2],
}

/// One phone's counts, its closed months and outreach log, and the team's merged months.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    device: Option<DeviceId>,
    reporting_day: Option<u32>,
    days: BTreeMap<Date, BTreeMap<String, Counts>>,
    closed: BTreeSet<Month>,
    outreach: Vec<OutreachEntry>,
    team: BTreeMap<(Month, DeviceId), TeamMonth>,
}

fn counts_from_json(value: &Value) -> Option<Counts> {
    let count = |v: &Value| v.as_u64().and_then(|c| u32::try_from(c).ok());
    let counts = match value {
        // Format 1: one number, residents guided.
        Value::Number(_) => [count(value)?, 0, 0],
        Value::Array(items) if items.len() == 3 => {
            [count(&items[0])?, count(&items[1])?, count(&items[2])?]
        }
        _ => return None,
    };
    (total(&counts) > 0).then_some(counts)
}

fn counts_map_from_json(value: Option<&Value>) -> BTreeMap<String, Counts> {
    let Some(Value::Object(subjects)) = value else {
        return BTreeMap::new();
    };
    subjects
        .iter()
        .filter(|(id, _)| is_subject_id(id))
        .filter_map(|(id, counts)| Some((id.clone(), counts_from_json(counts)?)))
        .collect()
}

fn counts_map_to_json(counts: &BTreeMap<String, Counts>) -> Value {
    Value::Object(
        counts
            .iter()
            .map(|(id, c)| (id.clone(), json!(c)))
            .collect(),
    )
}

impl Tally {
    pub fn new() -> Tally {
        Tally::default()
    }

    /// Reads the stored JSON (format 1 or 2), keeping every well-formed part. Text that is
    /// not JSON, or a newer format, gives an empty tally.
    pub fn from_json(text: &str) -> Tally {
        let mut tally = Tally::new();
        let Ok(Value::Object(root)) = serde_json::from_str::<Value>(text) else {
            return tally;
        };
        if root
            .get("v")
            .and_then(Value::as_u64)
            .is_some_and(|v| v > FORMAT_VERSION)
        {
            return tally;
        }
        tally.device = root
            .get("device")
            .and_then(Value::as_str)
            .and_then(DeviceId::parse);
        tally.reporting_day = root
            .get("reporting_day")
            .and_then(Value::as_u64)
            .and_then(|d| u32::try_from(d).ok())
            .filter(|d| REPORTING_DAYS.contains(d));
        if let Some(Value::Object(days)) = root.get("days") {
            for (date, subjects) in days {
                let Ok(date) = Date::parse(date) else {
                    continue;
                };
                let counts = counts_map_from_json(Some(subjects));
                if !counts.is_empty() {
                    tally.days.insert(date, counts);
                }
            }
        }
        if let Some(Value::Array(closed)) = root.get("closed") {
            tally.closed = closed
                .iter()
                .filter_map(|m| Month::parse(m.as_str()?))
                .collect();
        }
        if let Some(Value::Array(entries)) = root.get("outreach") {
            tally.outreach = entries.iter().filter_map(outreach_from_json).collect();
        }
        if let Some(Value::Array(team)) = root.get("team") {
            for entry in team {
                let month = entry
                    .get("month")
                    .and_then(Value::as_str)
                    .and_then(Month::parse);
                let device = entry
                    .get("device")
                    .and_then(Value::as_str)
                    .and_then(DeviceId::parse);
                let (Some(month), Some(device)) = (month, device) else {
                    continue;
                };
                let outreach = entry
                    .get("outreach")
                    .and_then(|o| serde_json::from_value::<[u32; 2]>(o.clone()).ok())
                    .unwrap_or_default();
                let counts = counts_map_from_json(entry.get("counts"));
                tally
                    .team
                    .insert((month, device), TeamMonth { counts, outreach });
            }
        }
        tally
    }

    /// The JSON kept on the device (format 2).
    pub fn to_json(&self) -> String {
        let days: Map<String, Value> = self
            .days
            .iter()
            .map(|(date, counts)| (date.to_string(), counts_map_to_json(counts)))
            .collect();
        let team: Vec<Value> = self
            .team
            .iter()
            .map(|((month, device), entry)| {
                json!({
                    "device": device.to_string(),
                    "month": month.to_string(),
                    "counts": counts_map_to_json(&entry.counts),
                    "outreach": entry.outreach,
                })
            })
            .collect();
        let outreach: Vec<Value> = self
            .outreach
            .iter()
            .map(
                |e| json!({"date": e.date.to_string(), "place": e.place, "residents": e.residents}),
            )
            .collect();
        let mut root = Map::new();
        root.insert("v".into(), json!(FORMAT_VERSION));
        if let Some(device) = self.device {
            root.insert("device".into(), json!(device.to_string()));
        }
        if let Some(day) = self.reporting_day {
            root.insert("reporting_day".into(), json!(day));
        }
        root.insert("days".into(), Value::Object(days));
        let closed: Vec<String> = self.closed.iter().map(Month::to_string).collect();
        root.insert("closed".into(), json!(closed));
        root.insert("outreach".into(), Value::Array(outreach));
        root.insert("team".into(), Value::Array(team));
        Value::Object(root).to_string()
    }

    /// This phone's random id, made from `random` the first time it is needed.
    pub fn ensure_device(&mut self, random: impl FnOnce() -> u64) -> DeviceId {
        *self.device.get_or_insert_with(|| DeviceId::new(random()))
    }

    pub fn device(&self) -> Option<DeviceId> {
        self.device
    }

    /// The commune's reporting day (10, 15, 20 or 22; 10 until set).
    pub fn reporting_day(&self) -> u32 {
        self.reporting_day.unwrap_or(DEFAULT_REPORTING_DAY)
    }

    /// Sets the reporting day; a day not in [`REPORTING_DAYS`] is ignored.
    pub fn set_reporting_day(&mut self, day: u32) {
        if REPORTING_DAYS.contains(&day) {
            self.reporting_day = Some(day);
        }
    }

    fn check_open(&self, date: Date) -> Result<(), TallyError> {
        let month = Month::of(date);
        if self.closed.contains(&month) {
            Err(TallyError::MonthClosed(month))
        } else {
            Ok(())
        }
    }

    /// Counts one resident helped with `subject` on `date`; returns the day's count for it
    /// and that outcome.
    pub fn add(&mut self, date: Date, subject: &str, outcome: Outcome) -> Result<u32, TallyError> {
        if !is_subject_id(subject) {
            return Err(TallyError::BadSubject);
        }
        self.check_open(date)?;
        let counts = self
            .days
            .entry(date)
            .or_default()
            .entry(subject.to_owned())
            .or_default();
        let count = &mut counts[outcome.index()];
        *count = count.saturating_add(1);
        Ok(*count)
    }

    /// Takes back one count (a mistaken tap); returns what is left.
    pub fn remove_one(
        &mut self,
        date: Date,
        subject: &str,
        outcome: Outcome,
    ) -> Result<u32, TallyError> {
        self.check_open(date)?;
        let Some(subjects) = self.days.get_mut(&date) else {
            return Ok(0);
        };
        let Some(counts) = subjects.get_mut(subject) else {
            return Ok(0);
        };
        let count = &mut counts[outcome.index()];
        *count = count.saturating_sub(1);
        let left = *count;
        if total(counts) == 0 {
            subjects.remove(subject);
        }
        if subjects.is_empty() {
            self.days.remove(&date);
        }
        Ok(left)
    }

    pub fn count(&self, date: Date, subject: &str) -> Counts {
        self.days
            .get(&date)
            .and_then(|s| s.get(subject))
            .copied()
            .unwrap_or_default()
    }

    /// What this phone counted on `date`, per subject as counted.
    pub fn day_counts(&self, date: Date) -> impl Iterator<Item = (&str, Counts)> {
        self.days
            .get(&date)
            .into_iter()
            .flat_map(|subjects| subjects.iter().map(|(id, c)| (id.as_str(), *c)))
    }

    /// Residents helped on `date` on this phone, every subject and outcome.
    pub fn day_total(&self, date: Date) -> u64 {
        self.days
            .get(&date)
            .map_or(0, |s| s.values().map(total).sum())
    }

    pub fn is_closed(&self, month: Month) -> bool {
        self.closed.contains(&month)
    }

    pub fn closed_months(&self) -> impl Iterator<Item = Month> + '_ {
        self.closed.iter().copied()
    }

    /// "Chốt tháng": the month becomes read-only. A month that has not come yet cannot be closed.
    pub fn close_month(&mut self, month: Month, today: Date) -> Result<(), TallyError> {
        if month > Month::of(today) {
            return Err(TallyError::FutureMonth(month));
        }
        self.closed.insert(month);
        Ok(())
    }

    /// "Mở lại tháng": makes a closed month correctable again.
    pub fn reopen_month(&mut self, month: Month) {
        self.closed.remove(&month);
    }

    /// Logs an outreach session. `place` is checked by [`check_place`].
    pub fn add_outreach(
        &mut self,
        date: Date,
        place: &str,
        residents: u32,
        lang: Lang,
    ) -> Result<(), String> {
        self.check_open(date).map_err(|e| e.message(lang))?;
        let place = check_place(place, lang)?;
        let residents = check_residents(residents, lang)?;
        self.outreach.push(OutreachEntry {
            date,
            place,
            residents,
        });
        self.outreach.sort_by_key(|e| e.date);
        Ok(())
    }

    /// Removes the `index`th entry of [`Tally::outreach`] (a mistake), unless its month is closed.
    pub fn remove_outreach(&mut self, index: usize) -> Result<(), TallyError> {
        if let Some(entry) = self.outreach.get(index) {
            self.check_open(entry.date)?;
            self.outreach.remove(index);
        }
        Ok(())
    }

    /// The outreach log, oldest first.
    pub fn outreach(&self) -> &[OutreachEntry] {
        &self.outreach
    }

    /// This phone's counts in `period`, per subject as counted.
    pub fn own_counts(&self, period: Period) -> BTreeMap<&str, Counts> {
        let mut out: BTreeMap<&str, Counts> = BTreeMap::new();
        let range = period.first_day()..=period.last_day();
        for (_, subjects) in self.days.range(range) {
            for (id, counts) in subjects {
                add_counts(out.entry(id.as_str()).or_default(), counts);
            }
        }
        out
    }

    /// Merged months of other phones in `period`.
    pub(crate) fn team_in(
        &self,
        period: Period,
    ) -> impl Iterator<Item = (&(Month, DeviceId), &TeamMonth)> {
        let months = period.months();
        self.team
            .iter()
            .filter(move |((month, _), _)| months.contains(month))
    }

    /// Devices whose counts are in `period`'s totals: this phone (when it counted anything or
    /// merged nothing) and every merged one, sorted.
    pub fn devices_in(&self, period: Period) -> Vec<DeviceId> {
        let mut devices: BTreeSet<DeviceId> = self
            .team_in(period)
            .map(|((_, device), _)| *device)
            .collect();
        if let Some(own) = self.device
            && !self.own_counts(period).is_empty()
        {
            devices.insert(own);
        }
        devices.into_iter().collect()
    }

    /// This phone's closed `month`, to show as a QR code or save as a file. Makes the phone's
    /// random id from `random` if it has none yet.
    pub fn share(
        &mut self,
        month: Month,
        commune: Option<CommuneKey>,
        random: impl FnOnce() -> u64,
    ) -> Result<MonthShare, TallyError> {
        if !self.is_closed(month) {
            return Err(TallyError::NotClosed(month));
        }
        let device = self.ensure_device(random);
        let period = Period::Month(month);
        let counts = self
            .own_counts(period)
            .into_iter()
            .map(|(id, c)| (id.to_owned(), c))
            .collect();
        let sessions = self.outreach_in(period).count();
        let residents = self.outreach_in(period).map(|e| e.residents).sum::<u32>();
        Ok(MonthShare {
            commune,
            device,
            month,
            counts,
            outreach: [u32::try_from(sessions).unwrap_or(u32::MAX), residents],
        })
    }

    pub(crate) fn outreach_in(&self, period: Period) -> impl Iterator<Item = &OutreachEntry> {
        self.outreach
            .iter()
            .filter(move |e| period.contains(e.date))
    }

    /// Adds another phone's closed month to the team totals. The same phone and month again
    /// counts once (newer counts replace older). Refuses another commune's code (this phone's
    /// commune is `commune`), a month after `today`'s, and this phone's own code.
    pub fn merge(
        &mut self,
        share: MonthShare,
        commune: Option<CommuneKey>,
        today: Date,
    ) -> Result<MergeOutcome, ShareError> {
        if share.commune != commune {
            return Err(ShareError::ForeignCommune);
        }
        if share.month > Month::of(today) {
            return Err(ShareError::FutureMonth(share.month));
        }
        if Some(share.device) == self.device {
            return Err(ShareError::OwnDevice);
        }
        let entry = TeamMonth {
            counts: share.counts,
            outreach: share.outreach,
        };
        let key = (share.month, share.device);
        Ok(match self.team.insert(key, entry.clone()) {
            None => MergeOutcome::Added,
            Some(old) if old == entry => MergeOutcome::Unchanged,
            Some(_) => MergeOutcome::Updated,
        })
    }

    /// Adds the counts helper mode kept apart (lines of [`pending_line`]). Returns how many
    /// were added and the lines still waiting: those of a month closed since (they are added
    /// once it is reopened). Damaged lines are dropped.
    pub fn absorb_pending(&mut self, text: &str) -> (usize, String) {
        let mut added = 0;
        let mut waiting = String::new();
        for line in text.lines() {
            let mut parts = line.split_whitespace();
            let (Some(date), Some(subject), Some(outcome), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let (Ok(date), Some(outcome)) = (Date::parse(date), Outcome::from_code(outcome)) else {
                continue;
            };
            match self.add(date, subject, outcome) {
                Ok(_) => added += 1,
                Err(TallyError::MonthClosed(_)) => {
                    waiting.push_str(line);
                    waiting.push('\n');
                }
                Err(_) => {}
            }
        }
        (added, waiting)
    }

    /// Months with counts, outreach or merged phones, in order.
    pub fn active_months(&self) -> Vec<Month> {
        let mut months: BTreeSet<Month> = self.days.keys().map(|d| Month::of(*d)).collect();
        months.extend(self.outreach.iter().map(|e| Month::of(e.date)));
        months.extend(self.team.keys().map(|(m, _)| *m));
        months.extend(self.closed.iter().copied());
        months.into_iter().collect()
    }

    /// Whether nothing at all is kept (no counts, outreach or merged months).
    pub fn is_empty(&self) -> bool {
        self.days.is_empty() && self.outreach.is_empty() && self.team.is_empty()
    }
}

/// One count made in helper mode on a guide, as a line of its own storage entry: helper
/// mode lives in the residents' bundle, which then needs no JSON tally code; the team page
/// adds the lines in with [`Tally::absorb_pending`].
pub fn pending_line(date: Date, subject: &str, outcome: Outcome) -> String {
    format!("{date} {subject} {}\n", outcome.code())
}

fn outreach_from_json(value: &Value) -> Option<OutreachEntry> {
    let date = Date::parse(value.get("date")?.as_str()?).ok()?;
    // Checked again on reading: storage is not trusted to hold only what the app wrote.
    let place = check_place(value.get("place")?.as_str()?, Lang::Vi).ok()?;
    let residents = u32::try_from(value.get("residents")?.as_u64()?).ok()?;
    let residents = check_residents(residents, Lang::Vi).ok()?;
    Some(OutreachEntry {
        date,
        place,
        residents,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> Date {
        Date::new(2026, m, d).unwrap()
    }

    fn month(m: u32) -> Month {
        Month::new(2026, m).unwrap()
    }

    #[test]
    fn counts_per_outcome_and_rolls_up() {
        let mut tally = Tally::new();
        assert_eq!(
            tally.add(date(10, 5), "kich-hoat-vneid", Outcome::FiledOnline),
            Ok(1)
        );
        assert_eq!(
            tally.add(date(10, 5), "kich-hoat-vneid", Outcome::FiledOnline),
            Ok(2)
        );
        assert_eq!(
            tally.add(date(10, 5), "kich-hoat-vneid", Outcome::Later),
            Ok(1)
        );
        tally
            .add(date(11, 20), "dang-ky-tam-tru", Outcome::Guided)
            .unwrap();
        tally
            .add(date(12, 1), "dang-ky-tam-tru", Outcome::Guided)
            .unwrap();
        tally
            .add(date(1, 3), "dang-ky-tam-tru", Outcome::Guided)
            .unwrap();
        assert_eq!(
            tally.add(date(1, 3), "<b>", Outcome::Guided),
            Err(TallyError::BadSubject)
        );
        assert_eq!(tally.count(date(10, 5), "kich-hoat-vneid"), [0, 2, 1]);
        assert_eq!(tally.day_total(date(10, 5)), 3);

        let october = tally.own_counts(Period::Month(month(10)));
        assert_eq!(october.len(), 1);
        let q4 = tally.own_counts(Period::Quarter {
            year: 2026,
            quarter: 4,
        });
        assert_eq!(q4["dang-ky-tam-tru"], [2, 0, 0]);
        assert_eq!(q4["kich-hoat-vneid"], [0, 2, 1]);
        let year = tally.own_counts(Period::Year(2026));
        assert_eq!(year["dang-ky-tam-tru"], [3, 0, 0]);
        assert!(tally.own_counts(Period::Year(2025)).is_empty());

        assert_eq!(
            tally.remove_one(date(10, 5), "kich-hoat-vneid", Outcome::Later),
            Ok(0)
        );
        assert_eq!(
            tally.remove_one(date(10, 5), "kich-hoat-vneid", Outcome::Later),
            Ok(0)
        );
        assert_eq!(tally.count(date(10, 5), "kich-hoat-vneid"), [0, 2, 0]);
    }

    #[test]
    fn closing_makes_a_month_read_only_until_reopened() {
        let mut tally = Tally::new();
        tally
            .add(date(10, 5), "kich-hoat-vneid", Outcome::Guided)
            .unwrap();
        assert_eq!(
            tally.close_month(month(12), date(11, 30)),
            Err(TallyError::FutureMonth(month(12)))
        );
        tally.close_month(month(10), date(11, 2)).unwrap();
        assert!(tally.is_closed(month(10)));
        let closed = Err(TallyError::MonthClosed(month(10)));
        assert_eq!(
            tally.add(date(10, 31), "kich-hoat-vneid", Outcome::Guided),
            closed
        );
        assert_eq!(
            tally.remove_one(date(10, 5), "kich-hoat-vneid", Outcome::Guided),
            closed
        );
        assert!(
            tally
                .add_outreach(date(10, 7), "Thôn 3", 4, Lang::Vi)
                .is_err()
        );
        // November is still open.
        tally
            .add(date(11, 1), "kich-hoat-vneid", Outcome::Guided)
            .unwrap();
        assert!(tally.message_of(closed).contains("Mở lại tháng"));

        tally.reopen_month(month(10));
        assert_eq!(
            tally.remove_one(date(10, 5), "kich-hoat-vneid", Outcome::Guided),
            Ok(0)
        );
        assert!(!tally.is_closed(month(10)));
    }

    impl Tally {
        fn message_of(&self, result: Result<u32, TallyError>) -> String {
            result.unwrap_err().message(Lang::Vi)
        }
    }

    #[test]
    fn json_round_trips() {
        let mut tally = Tally::new();
        tally.ensure_device(|| 0xA1B2_C3D4_E5F6);
        tally.set_reporting_day(15);
        tally.set_reporting_day(11);
        tally
            .add(date(10, 5), "kich-hoat-vneid", Outcome::FiledOnline)
            .unwrap();
        tally
            .add(date(10, 5), "kich-hoat-vneid", Outcome::Guided)
            .unwrap();
        tally
            .add_outreach(date(10, 6), "Thôn 3", 12, Lang::Vi)
            .unwrap();
        tally.close_month(month(10), date(11, 2)).unwrap();
        let share = MonthShare {
            commune: None,
            device: DeviceId::new(7),
            month: month(10),
            counts: [("dich-vu-khac".to_owned(), [1, 0, 0])].into(),
            outreach: [1, 5],
        };
        tally.merge(share, None, date(11, 2)).unwrap();
        let json = tally.to_json();
        for part in [
            r#""v":2"#,
            r#""device":"A1B2C3D4E5F6""#,
            r#""reporting_day":15"#,
            r#""days":{"2026-10-05":{"kich-hoat-vneid":[1,1,0]}}"#,
            r#""closed":["2026-10"]"#,
            r#"{"date":"2026-10-06","place":"Thôn 3","residents":12}"#,
            r#""counts":{"dich-vu-khac":[1,0,0]}"#,
        ] {
            assert!(json.contains(part), "{part} in {json}");
        }
        assert_eq!(Tally::from_json(&json), tally);
    }

    #[test]
    fn old_format_counts_survive_as_guided() {
        // What the tally stored before outcomes (format 1), with some damage.
        let old = r#"{"v":1,"days":{
            "2026-11-22":{"kich-hoat-vneid":4,"<script>":3,"dang-ky-tam-tru":-1,"cai-dat-vneid":1.5},
            "2026-02-30":{"kich-hoat-vneid":9},
            "2026-11-21":{"dang-ky-tam-tru":2}
        }}"#;
        let tally = Tally::from_json(old);
        assert_eq!(tally.count(date(11, 22), "kich-hoat-vneid"), [4, 0, 0]);
        assert_eq!(tally.count(date(11, 21), "dang-ky-tam-tru"), [2, 0, 0]);
        assert_eq!(tally.day_total(date(11, 22)), 4);
        assert_eq!(tally.own_counts(Period::Year(2026)).len(), 2);
        assert_eq!(tally.device(), None);
        // Written back as format 2.
        assert!(tally.to_json().contains(r#""v":2"#));
        for broken in [
            "",
            "null",
            "[]",
            "{",
            r#"{"days":5}"#,
            r#"{"v":3,"days":{"2026-11-22":{"a":1}}}"#,
        ] {
            assert!(Tally::from_json(broken).is_empty(), "{broken}");
        }
    }

    #[test]
    fn helper_mode_counts_are_added_once_and_wait_for_a_reopened_month() {
        let mut tally = Tally::new();
        tally.close_month(month(10), date(11, 2)).unwrap();
        let pending = [
            pending_line(date(11, 20), "kich-hoat-vneid", Outcome::FiledOnline),
            pending_line(date(10, 31), "kich-hoat-vneid", Outcome::Guided),
            "2026-11-20 <b> thanh-cong\n".to_owned(),
            "hỏng\n".to_owned(),
        ]
        .concat();
        let (added, waiting) = tally.absorb_pending(&pending);
        assert_eq!(added, 1);
        assert_eq!(waiting, "2026-10-31 kich-hoat-vneid huong-dan\n");
        assert_eq!(tally.count(date(11, 20), "kich-hoat-vneid"), [0, 1, 0]);
        tally.reopen_month(month(10));
        assert_eq!(tally.absorb_pending(&waiting), (1, String::new()));
    }

    #[test]
    fn stored_outreach_is_checked_again() {
        let json = r#"{"v":2,"outreach":[{"date":"2026-11-20","place":"Thôn 3","residents":12},
            {"date":"2026-11-21","place":"Chị Lan 0912345678","residents":1},
            {"date":"2026-11-22","place":"Thôn 4","residents":0}]}"#;
        assert_eq!(Tally::from_json(json).outreach().len(), 1);
    }
}
