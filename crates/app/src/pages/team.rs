//! The community digital team's screen (`/to-cong-nghe/`): counting residents helped (service
//! and outcome), the report for a month, quarter or year (close, print, CSV), team totals
//! (a closed month as a QR code or a file; the lead reads them), the outreach log, helper mode,
//! the outreach checklist, quick links and the commune's help point kept on this phone.

use std::collections::BTreeSet;
use std::rc::Rc;

use sotay_tally::{Month, Period, Tally};
use yew::prelude::*;

use crate::browser;
use crate::commune::use_commune;
use crate::components::commune_help::CommuneHelp;
use crate::components::tally::{
    TallyCounter, TallyProps, load_tally, random_device, save_tally, today,
};
use crate::components::tally_outreach::TallyOutreach;
use crate::components::tally_report::{TallyReport, TallyReportProps};
use crate::components::tally_share::{TallyMerge, TallyShareMonth};
use crate::components::tally_store::HELPER_MODE_KEY;
use crate::content;
use crate::context::use_app;
use crate::i18n::{Lang, ui};
use crate::route::{Link, Route};
use sotay_text::Text;

/// Ticked checklist items, kept on the device (item keys only).
const CHECKLIST_KEY: &str = "sotay.checklist";

/// Guides a team reaches for first, until the tally says otherwise.
const FAVOURITE_GUIDES: [&str; 6] = [
    "kich-hoat-vneid",
    "dang-ky-tai-khoan-muc-2",
    "cai-dat-vneid",
    "quen-mat-khau-vneid",
    "dang-nhap-dich-vu-cong-bang-vneid",
    "lua-dao-gia-danh-cong-an",
];

/// What to bring and do on an outreach drive: (stable key kept in storage, its text).
const CHECKLIST: [(&str, Text); 9] = [
    ("posters", ui::team::CHECK_POSTERS),
    ("phones", ui::team::CHECK_PHONES),
    ("power-bank", ui::team::CHECK_POWER_BANK),
    ("offline", ui::team::CHECK_OFFLINE),
    ("wifi", ui::team::CHECK_WIFI),
    ("scam", ui::team::CHECK_SCAM),
    ("teach", ui::team::CHECK_TEACH),
    ("privacy", ui::team::CHECK_PRIVACY),
    ("tally", ui::team::CHECK_TALLY),
];

fn load_checked() -> BTreeSet<String> {
    let known = |key: &String| CHECKLIST.iter().any(|(k, _)| k == key);
    browser::local_get(CHECKLIST_KEY)
        .and_then(|json| serde_json::from_str::<Vec<String>>(&json).ok())
        .map(|keys| keys.into_iter().filter(known).collect())
        .unwrap_or_default()
}

fn save_checked(checked: &BTreeSet<String>) {
    if checked.is_empty() {
        browser::local_remove(CHECKLIST_KEY);
    } else if let Ok(json) = serde_json::to_string(checked) {
        browser::local_set(CHECKLIST_KEY, &json);
    }
}

/// Up to six guides: the most counted ones first, then the usual favourites.
fn quick_guides(totals: &[(String, u64)]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut ranked: Vec<&(String, u64)> = totals.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let candidates = ranked
        .into_iter()
        .map(|(id, _)| id.as_str())
        .chain(FAVOURITE_GUIDES);
    for id in candidates {
        if ids.len() == 6 {
            break;
        }
        if !ids.iter().any(|known| known == id) && content::entry(Lang::Vi, id).is_some() {
            ids.push(id.to_owned());
        }
    }
    ids
}

/// The store and the chosen period, shared by the tally's parts. The phone gets its random id
/// here, once, so a month shown as a QR code always carries the same one.
#[function_component]
fn TeamTally() -> Html {
    let tally = use_state(|| {
        let mut stored = load_tally();
        if stored.device().is_none() {
            stored.ensure_device(random_device);
            save_tally(&stored);
        }
        Rc::new(stored)
    });
    let period = use_state(|| today().map_or(Period::Year(2026), |d| Period::Month(Month::of(d))));
    let on_change = {
        let tally = tally.clone();
        Callback::from(move |next: Tally| {
            save_tally(&next);
            tally.set(Rc::new(next));
        })
    };
    let on_period = {
        let period = period.clone();
        Callback::from(move |next: Period| period.set(next))
    };
    let props = TallyProps {
        tally: (*tally).clone(),
        on_change,
        period: *period,
    };
    html! {
        <>
            <TallyCounter ..props.clone() />
            <TallyReport ..TallyReportProps { tally: props.clone(), on_period } />
            <TallyShareMonth ..props.clone() />
            <TallyMerge ..props.clone() />
            <TallyOutreach ..props />
        </>
    }
}

/// "Chế độ hỗ trợ" for this phone's guides.
#[function_component]
fn HelperModeSwitch() -> Html {
    let lang = use_app().lang();
    let on = use_state(|| browser::local_get(HELPER_MODE_KEY).as_deref() == Some("1"));
    let onchange = {
        let on = on.clone();
        Callback::from(move |_: Event| {
            if *on {
                browser::local_remove(HELPER_MODE_KEY);
            } else {
                browser::local_set(HELPER_MODE_KEY, "1");
            }
            on.set(!*on);
        })
    };
    html! {
        <section class="no-print" aria-labelledby="helper-heading">
            <h2 id="helper-heading">{ ui::team::HELPER_HEADING.get(lang) }</h2>
            <label class="choice" for="helper-mode">
                <input type="checkbox" id="helper-mode" checked={*on} {onchange} />
                <span>{ ui::team::HELPER_SWITCH.get(lang) }</span>
            </label>
            <p class="hint">{ ui::team::HELPER_HINT.get(lang) }</p>
        </section>
    }
}

#[function_component]
fn OutreachChecklist() -> Html {
    let lang = use_app().lang();
    let checked = use_state(load_checked);
    let items = CHECKLIST.iter().map(|(key, text)| {
        let id = format!("check-{key}");
        let is_checked = checked.contains(*key);
        let onchange = {
            let checked = checked.clone();
            let key = (*key).to_owned();
            Callback::from(move |_: Event| {
                let mut next = (*checked).clone();
                if !next.remove(&key) {
                    next.insert(key.clone());
                }
                save_checked(&next);
                checked.set(next);
            })
        };
        html! {
            <li>
                <label class="choice" for={id.clone()}>
                    <input type="checkbox" id={id} checked={is_checked} {onchange} />
                    <span>{ text.get(lang) }</span>
                </label>
            </li>
        }
    });
    let clear = {
        let checked = checked.clone();
        Callback::from(move |_: MouseEvent| {
            let empty = BTreeSet::new();
            save_checked(&empty);
            checked.set(empty);
        })
    };
    html! {
        <section class="no-print" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">{ ui::team::CHECKLIST_HEADING.get(lang) }</h2>
            <p class="hint">{ ui::team::checklist_done(lang, checked.len(), CHECKLIST.len()) }</p>
            <ul class="checklist team-checklist">{ for items }</ul>
            <button type="button" class="secondary" onclick={clear}>{ ui::team::CHECKLIST_CLEAR.get(lang) }</button>
        </section>
    }
}

#[function_component]
fn QuickGuides() -> Html {
    let lang = use_app().lang();
    let totals = use_memo((), |_| {
        let year = today().map_or(Period::Year(2026), |d| Period::Year(d.year()));
        load_tally()
            .own_counts(year)
            .into_iter()
            .map(|(id, counts)| (id.to_owned(), counts.iter().map(|c| u64::from(*c)).sum()))
            .collect::<Vec<_>>()
    });
    let quick = quick_guides(&totals).into_iter().filter_map(|id| {
        let guide = content::entry(lang, &id)?;
        Some(html! {
            <li>
                <Link to={Route::Guide { id: guide.id.clone(), step: None }}>
                    <span class="title">{ guide.title.as_str() }</span>
                </Link>
            </li>
        })
    });
    html! {
        <section class="no-print" aria-labelledby="quick-heading">
            <h2 id="quick-heading">{ ui::team::QUICK_HEADING.get(lang) }</h2>
            <ul class="guide-list">{ for quick }</ul>
            <p><Link to={Route::Guides}>{ ui::team::ALL_GUIDES.get(lang) }</Link></p>
            <p class="hint">{ ui::team::HANDOFF_HINT.get(lang) }</p>
            <p><Link to={Route::Handoff { guide: None }} class="button secondary handoff-open">{ ui::team::SHOW_QR.get(lang) }</Link></p>
            <p><Link to={Route::Poster { guide: None }} class="button">{ ui::team::MAKE_POSTERS.get(lang) }</Link></p>
        </section>
    }
}

#[function_component]
pub fn TeamTools() -> Html {
    let lang = use_app().lang();
    let commune = use_commune();
    html! {
        <article class="page team-tools">
            <h1 class="no-print">{ ui::team::HEADING.get(lang) }</h1>
            <p class="lead no-print">{ ui::team::LEAD.get(lang) }</p>
            <TeamTally />
            <HelperModeSwitch />
            <OutreachChecklist />
            <QuickGuides />
            <div class="no-print"><crate::components::hall_choice::HallChoice /></div>
            <section class="no-print" aria-labelledby="commune-heading">
                <h2 id="commune-heading">{ ui::team::COMMUNE_HEADING.get(lang) }</h2>
                if commune.profile.is_some() {
                    <CommuneHelp />
                } else {
                    <p>{ ui::team::NO_COMMUNE.get(lang) }</p>
                }
            </section>
            // Saves the scanner and the team's tools too, saying how much first.
            <div class="no-print"><crate::components::save_offline::SaveOffline /></div>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_links_put_the_most_counted_first() {
        let ids = quick_guides(&[
            ("dang-ky-tam-tru".into(), 5),
            ("khong-co".into(), 50),
            ("kich-hoat-vneid".into(), 2),
        ]);
        assert_eq!(ids.len(), 6);
        assert_eq!(ids[0], "dang-ky-tam-tru");
        assert_eq!(ids[1], "kich-hoat-vneid");
        assert!(!ids.iter().any(|id| id == "khong-co"));
        assert_eq!(quick_guides(&[])[0], "kich-hoat-vneid");
    }
}
