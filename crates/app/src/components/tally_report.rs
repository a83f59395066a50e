//! The report for a month, quarter or year: the reminder before the reporting day, the table
//! (per service and outcome, share filed online, accounts activated, linked services,
//! outreach, phones included), "Chốt tháng" / "Mở lại tháng", print (one A4 page) and CSV.

use sotay_tally::{Month, Outcome, Period, REPORTING_DAYS, Report, ReportRow, Tally, reminder};
use yew::prelude::*;

use crate::browser;
use crate::components::tally::{TallyProps, load_tally, subjects, today};
use crate::context::use_app;
use crate::i18n::ui;

/// The periods offered: months with counts or merged phones, this month and the one before,
/// and their quarters and years, newest first.
fn periods(tally: &Tally, today: Option<sotay_tally::Date>) -> Vec<Period> {
    let mut months: Vec<Month> = Vec::new();
    if let Some(day) = today {
        let this = Month::of(day);
        months.push(this);
        months.extend(this.previous());
    }
    months.extend(tally.active_months());
    months.sort();
    months.dedup();
    months.reverse();
    let mut out: Vec<Period> = months.iter().map(|m| Period::Month(*m)).collect();
    for month in &months {
        for period in [Period::quarter_of(*month), Period::Year(month.year())] {
            if !out.contains(&period) {
                out.push(period);
            }
        }
    }
    out
}

fn period_value(period: Period) -> String {
    match period {
        Period::Month(m) => format!("m{m}"),
        Period::Quarter { year, quarter } => format!("q{year}-{quarter}"),
        Period::Year(year) => format!("y{year}"),
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct TallyReportProps {
    pub tally: TallyProps,
    pub on_period: Callback<Period>,
}

/// "Báo cáo hằng tháng": chooser, reminder, the report and its actions.
#[function_component]
pub fn TallyReport(props: &TallyReportProps) -> Html {
    let lang = use_app().lang();
    let TallyProps {
        tally,
        on_change,
        period,
    } = props.tally.clone();
    let status = use_state(String::new);
    let day = today();
    let options = periods(&tally, day);
    let onchange = {
        let (on_period, options) = (props.on_period.clone(), options.clone());
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(period) = options.iter().find(|p| period_value(**p) == value) {
                on_period.emit(*period);
            }
        })
    };
    let report = Report::new(&tally, period, &subjects(lang), lang);
    let choices = options.iter().map(|p| {
        html! { <option value={period_value(*p)} selected={*p == period}>{ p.label(lang) }</option> }
    });
    html! {
        <section class="tally-report-section" aria-labelledby="report-heading">
            <h2 id="report-heading" class="no-print">{ ui::tally_report::HEADING.get(lang) }</h2>
            <ReminderBanner tally={tally.clone()} on_change={on_change.clone()} />
            <div class="no-print report-controls">
                <label for="report-period">{ ui::tally_report::PERIOD_LABEL.get(lang) }</label>
                <select id="report-period" {onchange}>{ for choices }</select>
            </div>
            <ReportSheet report={report.clone()} />
            <p class="tally-status no-print" role="status" aria-live="polite">{ (*status).clone() }</p>
            <ReportActions {report} {period} tally={tally.clone()} {on_change} status={status.setter()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReminderProps {
    tally: std::rc::Rc<Tally>,
    on_change: Callback<Tally>,
}

/// The reporting day (10, 15, 20 or 22) and, in the few days before it, the reminder.
#[function_component]
fn ReminderBanner(props: &ReminderProps) -> Html {
    let lang = use_app().lang();
    let reporting_day = props.tally.reporting_day();
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(day) = value.parse() {
                let mut next = load_tally();
                next.set_reporting_day(day);
                on_change.emit(next);
            }
        })
    };
    let days = REPORTING_DAYS.map(|d| {
        html! { <option value={d.to_string()} selected={d == reporting_day}>{ ui::tally_report::day_option(lang, d) }</option> }
    });
    let due = today().and_then(|d| reminder(d, reporting_day));
    html! {
        <>
            if let Some(due) = due {
                <p class="banner warning tally-reminder" role="status">
                    { ui::tally_report::reminder(lang, due.month.format_vi(), due.due.format_vi(), due.days_left) }
                    if !props.tally.is_closed(due.month) {
                        { " " }{ ui::tally_report::REMINDER_NOT_CLOSED.get(lang) }
                    }
                </p>
            }
            <div class="no-print report-controls">
                <label for="reporting-day">{ ui::tally_report::REPORTING_DAY_LABEL.get(lang) }</label>
                <select id="reporting-day" {onchange}>{ for days }</select>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ReportSheetProps {
    report: Report,
}

fn row_html(row: &ReportRow, class: &'static str) -> Html {
    let share = row
        .online_share()
        .map_or_else(|| "—".to_owned(), |s| format!("{s} %"));
    html! {
        <tr class={class} data-subject={row.id.clone()}>
            <th scope="row">{ row.title.clone() }</th>
            { for row.counts.iter().map(|c| html! { <td>{ c }</td> }) }
            <td class="report-total">{ row.total() }</td>
            <td>{ share }</td>
        </tr>
    }
}

/// The printed page: title, period, phones, the table and the plan's figures.
#[function_component]
fn ReportSheet(props: &ReportSheetProps) -> Html {
    let lang = use_app().lang();
    let report = &props.report;
    let heads = Outcome::ALL.map(|o| html! { <th scope="col">{ o.label(lang) }</th> });
    let linked = report.linked.iter().map(|row| {
        let share = row.online_share().map_or_else(|| "—".to_owned(), |s| format!("{s} %"));
        html! { <li>{ ui::tally_report::linked_line(lang, row.title.clone(), row.total(), share) }</li> }
    });
    html! {
        <div class="tally-report" id="bao-cao">
            <h2 class="report-title">{ sotay_text::ui::tally::REPORT_TITLE.get(lang) }</h2>
            <p class="report-period">{ report.period_line(lang) }</p>
            <p class="report-devices">{ report.devices_line(lang) }</p>
            <table class="report-table">
                <thead>
                    <tr>
                        <th scope="col">{ sotay_text::ui::tally::REPORT_SERVICE.get(lang) }</th>
                        { for heads }
                        <th scope="col">{ sotay_text::ui::tally::REPORT_TOTAL.get(lang) }</th>
                        <th scope="col">{ sotay_text::ui::tally::REPORT_ONLINE_SHARE.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>{ for report.rows.iter().map(|r| row_html(r, "report-row")) }</tbody>
                <tfoot>{ row_html(&report.all, "report-all") }</tfoot>
            </table>
            <p class="report-activation">{ report.activation_line(lang) }</p>
            <p>{ sotay_text::ui::tally::REPORT_LINKED.get(lang) }{ ":" }</p>
            <ul class="report-linked">{ for linked }</ul>
            <p class="report-outreach">{ report.outreach_line(lang) }</p>
            if report.all.total() == 0 {
                <p class="hint">{ sotay_text::ui::tally::REPORT_EMPTY.get(lang) }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ReportActionsProps {
    report: Report,
    period: Period,
    tally: std::rc::Rc<Tally>,
    on_change: Callback<Tally>,
    status: UseStateSetter<String>,
}

fn file_stem(period: Period) -> String {
    match period {
        Period::Month(m) => format!("thang-{m}"),
        Period::Quarter { year, quarter } => format!("quy-{quarter}-{year}"),
        Period::Year(year) => format!("nam-{year}"),
    }
}

/// Print, CSV, and for a month "Chốt tháng" or "Mở lại tháng".
#[function_component]
fn ReportActions(props: &ReportActionsProps) -> Html {
    let lang = use_app().lang();
    let download = |name: String, text: String| {
        let status = props.status.clone();
        Callback::from(move |_: MouseEvent| {
            let saved = browser::download_text(&name, "text/csv;charset=utf-8", &text);
            status.set(
                if saved {
                    ui::tally_report::CSV_SAVED.get(lang)
                } else {
                    ui::tally_report::DOWNLOAD_REFUSED.get(lang)
                }
                .to_owned(),
            );
        })
    };
    let stem = file_stem(props.period);
    let csv = download(format!("bao-cao-{stem}.csv"), props.report.to_csv());
    let outreach_csv = download(
        format!("nhat-ky-ho-tro-{stem}.csv"),
        props.report.outreach_csv(),
    );
    let print = Callback::from(|_: MouseEvent| browser::print());
    let month = match props.period {
        Period::Month(m) => Some(m),
        _ => None,
    };
    let closed = month.is_some_and(|m| props.tally.is_closed(m));
    let set_closed = |close: bool| {
        let (on_change, status) = (props.on_change.clone(), props.status.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(month), Some(day)) = (month, today()) else {
                return;
            };
            let mut next = load_tally();
            if close {
                match next.close_month(month, day) {
                    Ok(()) => status.set(ui::tally_report::closed(lang, month.format_vi())),
                    Err(error) => return status.set(error.message(lang)),
                }
            } else {
                next.reopen_month(month);
                status.set(ui::tally_report::reopened(lang, month.format_vi()));
            }
            on_change.emit(next);
        })
    };
    html! {
        <div class="actions no-print report-actions">
            <button type="button" class="report-print" onclick={print}>{ ui::tally_report::PRINT.get(lang) }</button>
            <button type="button" class="secondary report-csv" onclick={csv}>{ ui::tally_report::CSV.get(lang) }</button>
            <button type="button" class="secondary outreach-csv" onclick={outreach_csv}>{ ui::tally_report::OUTREACH_CSV.get(lang) }</button>
            if month.is_some() && !closed {
                <button type="button" class="close-month" onclick={set_closed(true)}>{ ui::tally_report::CLOSE_MONTH.get(lang) }</button>
            }
            if closed {
                <p class="hint">{ ui::tally_report::CLOSED_HINT.get(lang) }</p>
                <button type="button" class="secondary reopen-month" onclick={set_closed(false)}>{ ui::tally_report::REOPEN_MONTH.get(lang) }</button>
            }
        </div>
    }
}
