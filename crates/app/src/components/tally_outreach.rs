//! The outreach log ("Nhật ký hỗ trợ tại thôn, tổ dân phố"): a date, a place and how many
//! residents were helped there. The place is checked by `sotay_tally::check_place` (no hidden
//! characters, no phone or id numbers); nothing about any person is asked for.

use sotay_tally::Date;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::tally::{TallyProps, load_tally, today};
use crate::context::use_app;
use crate::i18n::ui;

#[function_component]
pub fn TallyOutreach(props: &TallyProps) -> Html {
    let lang = use_app().lang();
    let date_ref = use_node_ref();
    let place_ref = use_node_ref();
    let residents_ref = use_node_ref();
    let status = use_state(String::new);
    let onsubmit = {
        let (date_ref, place_ref, residents_ref) =
            (date_ref.clone(), place_ref.clone(), residents_ref.clone());
        let (status, on_change) = (status.clone(), props.on_change.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let value = |node: &NodeRef| {
                node.cast::<HtmlInputElement>()
                    .map(|input| input.value())
                    .unwrap_or_default()
            };
            let Some(date) = Date::parse(&value(&date_ref)).ok().or_else(today) else {
                return status.set(ui::tally_outreach::BAD_DATE.get(lang).to_owned());
            };
            if today().is_some_and(|t| date > t) {
                return status.set(ui::tally_outreach::FUTURE_DATE.get(lang).to_owned());
            }
            let residents = value(&residents_ref).trim().parse::<u32>().unwrap_or(0);
            let mut next = load_tally();
            // On a refusal what was typed stays in the form, to correct.
            match next.add_outreach(date, &value(&place_ref), residents, lang) {
                Ok(()) => {
                    status.set(ui::tally_outreach::added(lang, date.format_vi()));
                    if let Some(input) = place_ref.cast::<HtmlInputElement>() {
                        input.set_value("");
                    }
                    if let Some(input) = residents_ref.cast::<HtmlInputElement>() {
                        input.set_value("");
                    }
                    on_change.emit(next);
                }
                Err(message) => status.set(message),
            }
        })
    };
    let entries = props
        .tally
        .outreach()
        .iter()
        .enumerate()
        .filter(|(_, e)| props.period.contains(e.date));
    let rows = entries.map(|(index, entry)| {
        let remove = {
            let (on_change, status) = (props.on_change.clone(), status.clone());
            Callback::from(move |_: MouseEvent| {
                let mut next = load_tally();
                match next.remove_outreach(index) {
                    Ok(()) => on_change.emit(next),
                    Err(error) => status.set(error.message(lang)),
                }
            })
        };
        html! {
            <li class="outreach-entry">
                { ui::tally_outreach::entry(lang, entry.date.format_vi(), entry.place.clone(), entry.residents) }
                { " " }
                <button type="button" class="link-button" onclick={remove}>{ ui::tally_outreach::REMOVE.get(lang) }</button>
            </li>
        }
    });
    let today_value = today().map(|d| d.to_string()).unwrap_or_default();
    html! {
        <section class="tally-outreach no-print" aria-labelledby="outreach-heading">
            <h2 id="outreach-heading">{ ui::tally_outreach::HEADING.get(lang) }</h2>
            <p class="hint">{ ui::tally_outreach::HINT.get(lang) }</p>
            <form class="outreach-form" {onsubmit} novalidate=true>
                <label for="outreach-date">{ ui::tally_outreach::DATE_LABEL.get(lang) }</label>
                <input type="date" id="outreach-date" ref={date_ref} value={today_value.clone()} max={today_value} />
                <label for="outreach-place">{ ui::tally_outreach::PLACE_LABEL.get(lang) }</label>
                <input type="text" id="outreach-place" ref={place_ref} maxlength="60" autocomplete="off" />
                <label for="outreach-residents">{ ui::tally_outreach::RESIDENTS_LABEL.get(lang) }</label>
                <input type="number" id="outreach-residents" ref={residents_ref} min="1" max="5000" inputmode="numeric" />
                <button type="submit">{ ui::tally_outreach::ADD.get(lang) }</button>
            </form>
            <p class="tally-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            <ul class="outreach-list">{ for rows }</ul>
        </section>
    }
}
