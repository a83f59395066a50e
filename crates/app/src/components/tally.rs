//! The team's counts on the team page: this phone's store (load, save, today) and the counter,
//! where one tap picks the service and a second the outcome. The rules (months closed, outcomes,
//! reports, team totals) live in `sotay_tally`; the report, sharing and outreach log are the
//! sibling components `tally_report`, `tally_share` and `tally_outreach`.

use std::collections::HashMap;
use std::rc::Rc;

use sotay_tally::{CommuneKey, Date, Month, Outcome, Period, Subjects, Tally};
use yew::prelude::*;

use crate::browser;
use crate::commune::CommuneContext;
use crate::components::tally_store::HELPER_COUNTS_KEY;
pub use crate::components::tally_store::today;
use crate::content;
use crate::context::use_app;
use crate::i18n::{Lang, ui};

/// Where the counts are kept on the device.
pub const TALLY_STORAGE_KEY: &str = "sotay.tally";

/// The tally as stored on the device (an empty one when missing or damaged), with the counts
/// helper mode made since added in (and saved at once, so they are added once).
pub fn load_tally() -> Tally {
    let mut tally = browser::local_get(TALLY_STORAGE_KEY)
        .map(|json| Tally::from_json(&json))
        .unwrap_or_default();
    if let Some(pending) = browser::local_get(HELPER_COUNTS_KEY) {
        let (added, waiting) = tally.absorb_pending(&pending);
        if added > 0 {
            save_tally(&tally);
        }
        if waiting.is_empty() {
            browser::local_remove(HELPER_COUNTS_KEY);
        } else if waiting != pending {
            browser::local_set(HELPER_COUNTS_KEY, &waiting);
        }
    }
    tally
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

/// Everything a volunteer can count: services, guides of no service, "dịch vụ khác".
pub fn subjects(lang: Lang) -> Subjects {
    Subjects::new(content::services(), content::outline(), lang)
}

/// The commune profile kept on this phone, as the team totals compare it.
pub fn commune_key(commune: &CommuneContext) -> Option<CommuneKey> {
    commune
        .profile
        .as_ref()
        .map(|profile| CommuneKey::of_commune(&profile.commune))
}

/// What every part of the team's tally gets: the store as last saved, and a way to save a
/// changed one.
#[derive(Properties, PartialEq, Clone)]
pub struct TallyProps {
    pub tally: Rc<Tally>,
    pub on_change: Callback<Tally>,
    /// The period the report shows (and a closed month is shared from).
    pub period: Period,
}

/// The counter: subjects most used this month first, fixed when the screen opens so a row
/// never moves from under a finger. Tap a subject, then its outcome.
#[function_component]
pub fn TallyCounter(props: &TallyProps) -> Html {
    let lang = use_app().lang();
    let subjects = use_memo(lang, |lang| subjects(*lang));
    let open = use_state(|| None::<String>);
    let status = use_state(String::new);
    let last = use_state(|| None::<(Date, String, Outcome)>);
    let order = {
        let tally = props.tally.clone();
        let subjects = subjects.clone();
        use_memo((), move |_| most_used_first(&tally, &subjects))
    };
    let count = |id: String, outcome: Outcome| {
        let (on_change, status, open, last) = (
            props.on_change.clone(),
            status.clone(),
            open.clone(),
            last.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            // The date is read at the tap: a phone left on past midnight counts on the right day.
            let Some(date) = today() else {
                status.set(ui::tally_count::NO_DATE.get(lang).to_owned());
                return;
            };
            // Re-read storage: another tab may have counted too.
            let mut next = load_tally();
            next.ensure_device(random_device);
            match next.add(date, &id, outcome) {
                Ok(_) => {
                    let title = subjects_title(lang, &id);
                    let day = next.day_total(date);
                    status.set(ui::tally_count::counted(
                        lang,
                        title,
                        outcome.label(lang),
                        day,
                    ));
                    last.set(Some((date, id.clone(), outcome)));
                    on_change.emit(next);
                }
                Err(error) => status.set(error.message(lang)),
            }
            open.set(None);
        })
    };
    let undo = {
        let (on_change, status, last) = (props.on_change.clone(), status.clone(), last.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((date, id, outcome)) = (*last).clone() else {
                return;
            };
            let mut next = load_tally();
            match next.remove_one(date, &id, outcome) {
                Ok(_) => {
                    status.set(ui::tally_count::undone(lang, subjects_title(lang, &id)));
                    on_change.emit(next);
                }
                Err(error) => status.set(error.message(lang)),
            }
            last.set(None);
        })
    };
    let day = today();
    let month_closed = day.is_some_and(|d| props.tally.is_closed(Month::of(d)));
    // Today's counts per row: counts kept by guide (helper mode, format 1) show on their service.
    let mut today_counts: HashMap<&str, u32> = HashMap::new();
    if let Some(d) = day {
        for (id, counts) in props.tally.day_counts(d) {
            *today_counts.entry(subjects.canonical(id)).or_default() += counts.iter().sum::<u32>();
        }
    }
    let rows = order.iter().filter_map(|id| {
        let title = subjects.title(id)?.to_owned();
        let today_count = today_counts.get(id.as_str()).copied().unwrap_or(0);
        let is_open = open.as_deref() == Some(id.as_str());
        let toggle = {
            let (open, id) = (open.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                open.set((open.as_deref() != Some(id.as_str())).then(|| id.clone()))
            })
        };
        let outcomes = Outcome::ALL.map(|outcome| {
            html! {
                <button type="button" class={classes!("tally-outcome", format!("outcome-{}", outcome.code()))}
                    data-outcome={outcome.code()} onclick={count(id.clone(), outcome)}>
                    { outcome.label(lang) }
                </button>
            }
        });
        Some(html! {
            <li class="tally-row" data-subject={id.clone()} key={id.clone()}>
                <button type="button" class="tally-subject" aria-expanded={is_open.to_string()}
                    onclick={toggle} disabled={month_closed}>
                    <span class="tally-title">{ title }</span>
                    <span class="tally-count" aria-label={ui::tally_count::today_aria(lang, today_count)}>{ today_count }</span>
                </button>
                if is_open {
                    <div class="tally-outcomes" role="group" aria-label={ui::tally_count::OUTCOME_GROUP.get(lang)}>
                        { for outcomes }
                    </div>
                }
            </li>
        })
    });
    let day_total = day.map_or(0, |d| props.tally.day_total(d));
    html! {
        <section class="tally no-print" aria-labelledby="tally-heading">
            <h2 id="tally-heading">{ ui::tally_count::HEADING.get(lang) }</h2>
            <p class="hint">{ ui::tally_count::HINT.get(lang) }</p>
            <p class="tally-total">
                { ui::tally_count::today_total(lang, day.map(|d| d.format_vi()).unwrap_or_default()) }
                <strong class="tally-today">{ day_total }</strong>
            </p>
            if month_closed {
                <p class="banner warning">{ ui::tally_count::MONTH_CLOSED.get(lang) }</p>
            }
            <p class="tally-status" role="status" aria-live="polite">
                { (*status).clone() }
                if last.is_some() {
                    { " " }<button type="button" class="link-button tally-undo" onclick={undo}>{ ui::tally_count::UNDO.get(lang) }</button>
                }
            </p>
            <ul class="tally-list">{ for rows }</ul>
        </section>
    }
}

fn subjects_title(lang: Lang, id: &str) -> String {
    subjects(lang).title(id).unwrap_or(id).to_owned()
}

/// Subject ids, the most counted this month first; ties keep the list's order (services,
/// guides of no service, then "dịch vụ khác").
fn most_used_first(tally: &Tally, subjects: &Subjects) -> Vec<String> {
    let month = today().map_or(Period::Year(2000), |d| Period::Month(Month::of(d)));
    let counts = tally.own_counts(month);
    let used = |id: &str| -> u32 {
        counts
            .iter()
            .filter(|(counted, _)| subjects.canonical(counted) == id)
            .map(|(_, c)| c.iter().sum::<u32>())
            .sum()
    };
    let mut ids: Vec<String> = subjects.list().iter().map(|s| s.id.clone()).collect();
    ids.sort_by_key(|id| std::cmp::Reverse(used(id)));
    ids
}
