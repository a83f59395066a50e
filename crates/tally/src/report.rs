//! The report for a period: totals per subject and outcome, the share filed online
//! successfully, accounts activated, the linked services, outreach, and which phones' counts
//! are in it. As text (`sotay tally merge`), as CSV, and as data for the app's printed page.

use std::collections::BTreeMap;

use sotay_text::{Lang, ui};

use crate::period::Period;
use crate::share::DeviceId;
use crate::store::Tally;
use crate::subjects::{ACTIVATION_GUIDES, LINKED_SERVICES, Subjects};
use crate::{Counts, Outcome, add_counts, total};

/// The header line of [`Report::to_csv`].
pub const REPORT_CSV_HEADER: &str = "Kỳ báo cáo,Từ ngày,Đến ngày,Mã dịch vụ,Dịch vụ,Đã hướng dẫn,Đã nộp trực tuyến thành công,Chưa xong — hẹn lại,Tổng lượt,Tỷ lệ nộp trực tuyến thành công (%)";

/// The header line of [`Report::outreach_csv`].
pub const OUTREACH_CSV_HEADER: &str = "Ngày,Nơi (thôn, tổ dân phố),Số người được hỗ trợ";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub id: String,
    pub title: String,
    pub counts: Counts,
}

impl ReportRow {
    pub fn total(&self) -> u64 {
        total(&self.counts)
    }

    /// Percent filed online successfully, rounded; `None` when nobody was helped.
    pub fn online_share(&self) -> Option<u64> {
        let all = self.total();
        (all > 0)
            .then(|| (u64::from(self.counts[Outcome::FiledOnline.index()]) * 100 + all / 2) / all)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub period: Period,
    /// Every subject with a count, in the team page's order; the activation guide and the
    /// linked services always (the plans ask for them even when zero).
    pub rows: Vec<ReportRow>,
    /// All subjects together.
    pub all: ReportRow,
    /// Accounts activated (filed online successfully) and residents helped to activate.
    pub activation: (u64, u64),
    /// Rows of [`LINKED_SERVICES`].
    pub linked: Vec<ReportRow>,
    /// Outreach sessions and residents helped at them (this phone's log and merged phones').
    pub outreach: (u64, u64),
    pub devices: Vec<DeviceId>,
    /// This phone's outreach log in the period: date `dd/mm/yyyy`, place, residents.
    pub outreach_log: Vec<(String, String, u32)>,
}

impl Report {
    /// `tally`'s report for `period`: this phone's counts and every merged phone's.
    pub fn new(tally: &Tally, period: Period, subjects: &Subjects, lang: Lang) -> Report {
        let mut by_subject: BTreeMap<String, Counts> = BTreeMap::new();
        let mut activation = (0, 0);
        let mut outreach = (0, 0);
        let mut add = |id: &str, counts: &Counts| {
            if ACTIVATION_GUIDES.contains(&id) {
                activation.0 += u64::from(counts[Outcome::FiledOnline.index()]);
                activation.1 += total(counts);
            }
            add_counts(
                by_subject
                    .entry(subjects.canonical(id).to_owned())
                    .or_default(),
                counts,
            );
        };
        for (id, counts) in tally.own_counts(period) {
            add(id, &counts);
        }
        for (_, month) in tally.team_in(period) {
            for (id, counts) in &month.counts {
                add(id, counts);
            }
            outreach.0 += u64::from(month.outreach[0]);
            outreach.1 += u64::from(month.outreach[1]);
        }
        let outreach_log: Vec<(String, String, u32)> = tally
            .outreach_in(period)
            .map(|e| (e.date.format_vi(), e.place.clone(), e.residents))
            .collect();
        outreach.0 += outreach_log.len() as u64;
        outreach.1 += outreach_log.iter().map(|e| u64::from(e.2)).sum::<u64>();

        for always in [ACTIVATION_GUIDES[0]].into_iter().chain(LINKED_SERVICES) {
            by_subject
                .entry(subjects.canonical(always).to_owned())
                .or_default();
        }
        let row = |(id, counts): (String, Counts)| ReportRow {
            title: subjects.title(&id).unwrap_or(&id).to_owned(),
            id,
            counts,
        };
        let mut rows: Vec<ReportRow> = by_subject.into_iter().map(row).collect();
        rows.sort_by_key(|r| subjects.position(&r.id));
        let mut all = [0; 3];
        for r in &rows {
            add_counts(&mut all, &r.counts);
        }
        let linked = LINKED_SERVICES
            .iter()
            .filter_map(|id| rows.iter().find(|r| r.id == *id).cloned())
            .collect();
        Report {
            period,
            rows,
            all: ReportRow {
                id: String::new(),
                title: ui::tally::REPORT_ALL.get(lang).to_owned(),
                counts: all,
            },
            activation,
            linked,
            outreach,
            devices: tally.devices_in(period),
            outreach_log,
        }
    }

    /// "Kỳ báo cáo: Tháng 11/2026 (từ 01/11/2026 đến 30/11/2026)".
    pub fn period_line(&self, lang: Lang) -> String {
        ui::tally::report_period(
            lang,
            self.period.label(lang),
            self.period.first_day().format_vi(),
            self.period.last_day().format_vi(),
        )
    }

    pub fn devices_line(&self, lang: Lang) -> String {
        let devices: Vec<String> = self.devices.iter().map(|d| d.display()).collect();
        ui::tally::report_devices(lang, devices.len(), devices.join(", "))
    }

    pub fn activation_line(&self, lang: Lang) -> String {
        ui::tally::report_activation(lang, self.activation.0, self.activation.1)
    }

    pub fn outreach_line(&self, lang: Lang) -> String {
        ui::tally::report_outreach(lang, self.outreach.0, self.outreach.1)
    }

    /// The report as plain text (what `sotay tally merge` prints).
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = format!(
            "{}\n{}\n{}\n\n",
            ui::tally::REPORT_TITLE.get(lang),
            self.period_line(lang),
            self.devices_line(lang)
        );
        let line = |r: &ReportRow| {
            let outcomes: Vec<String> = Outcome::ALL
                .iter()
                .map(|o| format!("{} {}", o.label(lang), r.counts[o.index()]))
                .collect();
            let share = r
                .online_share()
                .map_or("—".to_owned(), |s| format!("{s} %"));
            format!(
                "{}: {}; {} {}; {} {share}\n",
                r.title,
                outcomes.join(", "),
                ui::tally::REPORT_TOTAL.get(lang),
                r.total(),
                ui::tally::REPORT_ONLINE_SHARE.get(lang),
            )
        };
        for r in &self.rows {
            out.push_str(&line(r));
        }
        out.push_str(&line(&self.all));
        out.push('\n');
        out.push_str(&format!("{}:\n", ui::tally::REPORT_LINKED.get(lang)));
        for r in &self.linked {
            out.push_str(&format!("- {}", line(r)));
        }
        out.push_str(&format!(
            "{}\n{}\n",
            self.activation_line(lang),
            self.outreach_line(lang)
        ));
        out
    }

    /// The report as CSV for the commune's spreadsheet: a UTF-8 byte-order mark (so Excel
    /// reads Vietnamese right), [`REPORT_CSV_HEADER`], a row per subject, then the total;
    /// dates `dd/mm/yyyy`, CRLF line ends (RFC 4180).
    pub fn to_csv(&self) -> String {
        let period = self.period.label(Lang::Vi);
        let (from, to) = (
            self.period.first_day().format_vi(),
            self.period.last_day().format_vi(),
        );
        let mut out = format!("\u{feff}{REPORT_CSV_HEADER}\r\n");
        for r in self.rows.iter().chain([&self.all]) {
            let [guided, online, later] = r.counts;
            let share = r.online_share().map(|s| s.to_string()).unwrap_or_default();
            out.push_str(&format!(
                "{},{from},{to},{},{},{guided},{online},{later},{},{share}\r\n",
                csv_field(&period),
                csv_field(&r.id),
                csv_field(&r.title),
                r.total()
            ));
        }
        out
    }

    /// This phone's outreach log in the period as CSV (BOM, [`OUTREACH_CSV_HEADER`], CRLF).
    pub fn outreach_csv(&self) -> String {
        let mut out = format!("\u{feff}{OUTREACH_CSV_HEADER}\r\n");
        for (date, place, residents) in &self.outreach_log {
            out.push_str(&format!("{date},{},{residents}\r\n", csv_field(place)));
        }
        out
    }
}

// The header is written out in one piece above so tests and readers see it whole; this
// keeps it in step with the outcome labels it repeats.
#[cfg(test)]
fn composed_header() -> String {
    const CSV_COLUMNS_BEFORE: &str = "Kỳ báo cáo,Từ ngày,Đến ngày,Mã dịch vụ,Dịch vụ";
    const CSV_COLUMNS_AFTER: &str = "Tổng lượt,Tỷ lệ nộp trực tuyến thành công (%)";
    let outcomes: Vec<&str> = Outcome::ALL.iter().map(|o| o.label(Lang::Vi)).collect();
    format!(
        "{CSV_COLUMNS_BEFORE},{},{CSV_COLUMNS_AFTER}",
        outcomes.join(",")
    )
}

/// One CSV field: quoted when it holds a comma, quote or line break, and kept from starting
/// like a spreadsheet formula.
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

    #[test]
    fn header_repeats_the_outcome_labels() {
        assert_eq!(composed_header(), REPORT_CSV_HEADER);
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_field("Thôn 3, xã A"), "\"Thôn 3, xã A\"");
    }
}
