//! Which guides the hall screen (`/trinh-chieu/`) shows, in which order, and for how long:
//! chosen on the team page, kept on this device (guide ids and a number only).

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::browser;
use crate::content;
use crate::context::use_app;
use crate::i18n::{Lang, ui};
use crate::route::{Link, Route};

const STORAGE_KEY: &str = "sotay.hall";

/// Seconds a slide may show; read from 3 m, a slide needs time.
pub const SLIDE_SECONDS: [u32; 6] = [5, 10, 15, 20, 30, 60];
pub const DEFAULT_SECONDS: u32 = 20;
/// More would take too long to come round again.
pub const MAX_GUIDES: usize = 12;

/// What the hall shows when nothing has been chosen: getting an account, logging in to the
/// portal, and the scam every desk warns about.
const DEFAULT_GUIDES: [&str; 4] = [
    "kich-hoat-vneid",
    "dang-ky-tai-khoan-muc-2",
    "dang-nhap-dich-vu-cong-bang-vneid",
    "lua-dao-gia-danh-cong-an",
];

/// The hall screen's settings as kept on the device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallSettings {
    /// Guide ids in the order shown.
    pub guides: Vec<String>,
    pub seconds: u32,
}

impl Default for HallSettings {
    fn default() -> Self {
        HallSettings {
            guides: Vec::new(),
            seconds: DEFAULT_SECONDS,
        }
    }
}

pub fn is_known(id: &str) -> bool {
    content::entry(Lang::Vi, id).is_some()
}

impl HallSettings {
    /// Reads kept settings: unknown or repeated guides dropped, an odd interval reset.
    pub fn from_json(json: &str, known: impl Fn(&str) -> bool) -> HallSettings {
        let Ok(read) = serde_json::from_str::<HallSettings>(json) else {
            return HallSettings::default();
        };
        let mut settings = HallSettings {
            guides: Vec::new(),
            seconds: if SLIDE_SECONDS.contains(&read.seconds) {
                read.seconds
            } else {
                DEFAULT_SECONDS
            },
        };
        for id in read.guides {
            settings.add(&id, &known);
        }
        settings
    }

    pub fn load() -> HallSettings {
        browser::local_get(STORAGE_KEY)
            .map(|json| HallSettings::from_json(&json, is_known))
            .unwrap_or_default()
    }

    pub fn save(&self) {
        if *self == HallSettings::default() {
            browser::local_remove(STORAGE_KEY);
        } else if let Ok(json) = serde_json::to_string(self) {
            browser::local_set(STORAGE_KEY, &json);
        }
    }

    /// Adds a guide at the end, once, if it exists and there is room.
    pub fn add(&mut self, id: &str, known: impl Fn(&str) -> bool) {
        if self.guides.len() < MAX_GUIDES && known(id) && !self.guides.iter().any(|g| g == id) {
            self.guides.push(id.to_owned());
        }
    }

    pub fn remove(&mut self, index: usize) {
        if index < self.guides.len() {
            self.guides.remove(index);
        }
    }

    /// Moves the guide at `index` one place earlier (`earlier`) or later.
    pub fn shift(&mut self, index: usize, earlier: bool) {
        let other = if earlier {
            index.checked_sub(1)
        } else {
            Some(index + 1)
        };
        if let Some(other) = other.filter(|other| *other < self.guides.len())
            && index < self.guides.len()
        {
            self.guides.swap(index, other);
        }
    }

    /// The guides to show: the chosen ones, or the usual ones when none are.
    pub fn shown(&self, known: impl Fn(&str) -> bool) -> Vec<String> {
        if !self.guides.is_empty() {
            return self.guides.clone();
        }
        DEFAULT_GUIDES
            .iter()
            .filter(|id| known(id))
            .map(|id| (*id).to_owned())
            .collect()
    }
}

/// One change made on the team page.
enum Edit {
    Add(String),
    Shift(usize, bool),
    Remove(usize),
}

/// “Màn hình ở nơi một cửa” on the team page: add, order and remove the hall's guides.
#[function_component]
pub fn HallChoice() -> Html {
    let lang = use_app().lang();
    let settings = use_state(HallSettings::default);
    let picked = use_state(String::new);
    {
        // Storage is read after the first render: never while pre-rendering.
        let settings = settings.clone();
        use_effect_with((), move |_| settings.set(HallSettings::load()));
    }
    let change = {
        let settings = settings.clone();
        Callback::from(move |edit: Edit| {
            let mut next = (*settings).clone();
            match edit {
                Edit::Add(id) => next.add(&id, is_known),
                Edit::Shift(index, earlier) => next.shift(index, earlier),
                Edit::Remove(index) => next.remove(index),
            }
            next.save();
            settings.set(next);
        })
    };
    let button = |text: &'static str,
                  label: String,
                  disabled: bool,
                  edit: fn(usize) -> Edit,
                  index: usize| {
        let onclick = change.reform(move |_: MouseEvent| edit(index));
        html! {
            <button type="button" class="secondary small" aria-label={label} {disabled} {onclick}>{ text }</button>
        }
    };
    let count = settings.guides.len();
    let chosen = settings.guides.iter().enumerate().filter_map(|(index, id)| {
        let title = content::entry(lang, id)?.title.clone();
        Some(html! {
            <li key={id.clone()}>
                <span class="hall-choice-title">{ title.clone() }</span>
                <span class="hall-choice-actions">
                    { button(ui::hall::CHOICE_UP.get(lang), ui::hall::choice_up_label(lang, &title),
                        index == 0, |i| Edit::Shift(i, true), index) }
                    { button(ui::hall::CHOICE_DOWN.get(lang), ui::hall::choice_down_label(lang, &title),
                        index + 1 == count, |i| Edit::Shift(i, false), index) }
                    { button(ui::hall::CHOICE_REMOVE.get(lang), ui::hall::choice_remove_label(lang, &title),
                        false, Edit::Remove, index) }
                </span>
            </li>
        })
    });
    let mut options: Vec<(String, String)> = content::outline()
        .list(Lang::Vi)
        .into_iter()
        .filter(|guide| !settings.guides.contains(&guide.id))
        .filter_map(|guide| {
            let shown = content::entry(lang, &guide.id)?;
            Some((guide.id.clone(), shown.title.clone()))
        })
        .collect();
    options.sort_by(|a, b| a.1.cmp(&b.1));
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            picked.set(select.value());
        })
    };
    let add = {
        let (picked, change) = (picked.clone(), change.clone());
        Callback::from(move |_: MouseEvent| {
            change.emit(Edit::Add((*picked).clone()));
            picked.set(String::new());
        })
    };
    let full = settings.guides.len() >= MAX_GUIDES;
    html! {
        <section class="hall-choice" aria-labelledby="hall-choice-heading">
            <h2 id="hall-choice-heading">{ ui::hall::CHOICE_HEADING.get(lang) }</h2>
            <p class="hint">{ ui::hall::CHOICE_LEAD.get(lang) }</p>
            if settings.guides.is_empty() {
                <p class="hall-choice-empty">{ ui::hall::CHOICE_EMPTY.get(lang) }</p>
            } else {
                <ol class="hall-chosen">{ for chosen }</ol>
            }
            if !full {
                <label for="hall-add">{ ui::hall::CHOICE_ADD_LABEL.get(lang) }</label>
                <div class="hall-add-row">
                    <select id="hall-add" onchange={on_pick}>
                        <option value="" selected={picked.is_empty()}>{ ui::hall::CHOICE_ADD_PLACEHOLDER.get(lang) }</option>
                        { for options.into_iter().map(|(id, title)| {
                            let selected = *picked == id;
                            html! { <option {selected} value={id}>{ title }</option> }
                        }) }
                    </select>
                    <button type="button" class="secondary hall-add" disabled={picked.is_empty()} onclick={add}>
                        { ui::hall::CHOICE_ADD.get(lang) }
                    </button>
                </div>
            }
            <p><Link to={Route::Hall} class="button hall-open">{ ui::hall::CHOICE_OPEN.get(lang) }</Link></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(id: &str) -> bool {
        ["a", "b", "c", "kich-hoat-vneid", "lua-dao-gia-danh-cong-an"].contains(&id)
    }

    #[test]
    fn guides_are_added_once_ordered_and_removed() {
        let mut settings = HallSettings::default();
        for id in ["a", "b", "a", "khong-co", "c"] {
            settings.add(id, known);
        }
        assert_eq!(settings.guides, ["a", "b", "c"]);
        settings.shift(2, true);
        assert_eq!(settings.guides, ["a", "c", "b"]);
        settings.shift(0, true);
        settings.shift(2, false);
        settings.shift(9, false);
        assert_eq!(settings.guides, ["a", "c", "b"]);
        settings.remove(0);
        settings.remove(7);
        assert_eq!(settings.guides, ["c", "b"]);
    }

    #[test]
    fn kept_settings_are_checked_when_read() {
        let json = r#"{"guides":["b","khong-co","b","a"],"seconds":7}"#;
        let settings = HallSettings::from_json(json, known);
        assert_eq!(settings.guides, ["b", "a"]);
        assert_eq!(settings.seconds, DEFAULT_SECONDS);
        assert_eq!(
            HallSettings::from_json("{oops", known),
            HallSettings::default()
        );
        let kept = HallSettings {
            guides: vec!["c".into()],
            seconds: 5,
        };
        let json = serde_json::to_string(&kept).unwrap_or_default();
        assert_eq!(json, r#"{"guides":["c"],"seconds":5}"#);
        assert_eq!(HallSettings::from_json(&json, known), kept);
    }

    #[test]
    fn nothing_chosen_shows_the_usual_guides() {
        let settings = HallSettings::default();
        assert_eq!(
            settings.shown(known),
            ["kich-hoat-vneid", "lua-dao-gia-danh-cong-an"]
        );
        let real = settings.shown(is_known);
        assert_eq!(
            real.len(),
            DEFAULT_GUIDES.len(),
            "every default guide exists"
        );
    }
}
