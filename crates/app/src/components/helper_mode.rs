//! Helper mode on a guide, for a volunteer sitting beside a resident (`?tro-giup=1`, or the
//! team page's switch remembered on this phone): a short prompt at each step (let them tap,
//! never read out an OTP or a password) and, at the end, "Đếm lượt hỗ trợ" with the outcome in
//! one tap. The prompts are in the catalogue (`assets/ui/{vi,en}/helper.toml`); which one a step
//! gets depends on what the step asks for. Off, it shows nothing.

use sotay_guides::{Guide, Step};
use sotay_tally::Outcome;
use yew::prelude::*;

use crate::browser;
use crate::components::tally_store::{HELPER_MODE_KEY, count_in_helper_mode, today};
use crate::context::use_app;
use crate::i18n::{Lang, ui};

/// The query switch: `?tro-giup=1`.
const HELPER_QUERY: &str = "tro-giup=1";

fn helper_mode_on() -> bool {
    let (_, query) = browser::current_path_and_query();
    query
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == HELPER_QUERY)
        || browser::local_get(HELPER_MODE_KEY).as_deref() == Some("1")
}

/// The prompt for a step: secrets first (an OTP, a password), otherwise "let them tap".
fn prompt(step: &Step, lang: Lang) -> &'static str {
    let text = sotay_chars::lowercase(&format!(
        "{} {} {}",
        step.title,
        step.text,
        step.warning.as_deref().unwrap_or_default()
    ));
    if text.contains("otp") {
        ui::helper::OTP.get(lang)
    } else if ["mật khẩu", "passcode", "password"]
        .iter()
        .any(|w| text.contains(w))
    {
        ui::helper::PASSWORD.get(lang)
    } else {
        ui::helper::LET_THEM_TAP.get(lang)
    }
}

#[derive(Properties, PartialEq)]
pub struct HelperModeProps {
    pub guide: &'static Guide,
    /// 0-based; the number of steps means the finish screen.
    pub step: usize,
}

#[function_component]
pub fn HelperMode(props: &HelperModeProps) -> Html {
    let lang = use_app().lang();
    let on = use_state(helper_mode_on);
    let status = use_state(String::new);
    if !*on {
        return html! {};
    }
    let guide = props.guide;
    let Some(step) = guide.steps.get(props.step) else {
        let count = |outcome: Outcome| {
            let (status, id) = (status.clone(), guide.id.clone());
            Callback::from(move |_: MouseEvent| {
                let Some(date) = today() else {
                    return;
                };
                count_in_helper_mode(date, &id, outcome);
                status.set(ui::helper::counted(lang, outcome.label(lang)));
            })
        };
        let buttons = Outcome::ALL.map(|outcome| {
            html! {
                <button type="button" class="secondary tally-outcome" data-outcome={outcome.code()} onclick={count(outcome)}>
                    { outcome.label(lang) }
                </button>
            }
        });
        return html! {
            <aside class="helper-mode helper-count no-print" aria-labelledby="helper-count-heading">
                <h2 id="helper-count-heading">{ ui::helper::COUNT_HEADING.get(lang) }</h2>
                <p class="hint">{ ui::helper::COUNT_HINT.get(lang) }</p>
                <div class="actions">{ for buttons }</div>
                <p class="tally-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            </aside>
        };
    };
    html! {
        <aside class="helper-mode no-print" aria-label={ui::helper::LABEL.get(lang)}>
            <p><strong>{ ui::helper::LABEL.get(lang) }{ ": " }</strong>{ prompt(step, lang) }</p>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(title: &str, text: &str) -> Step {
        Step {
            title: title.into(),
            text: text.into(),
            tip: None,
            warning: None,
            illustration: None,
            key: false,
            link: None,
            source: None,
        }
    }

    #[test]
    fn secrets_get_their_own_prompt() {
        assert_eq!(
            prompt(&step("Nhập mã OTP", "…"), Lang::Vi),
            ui::helper::OTP.get(Lang::Vi)
        );
        assert_eq!(
            prompt(&step("Đặt mật khẩu", "…"), Lang::Vi),
            ui::helper::PASSWORD.get(Lang::Vi)
        );
        assert_eq!(
            prompt(&step("Mở ứng dụng", "Chạm vào biểu tượng."), Lang::Vi),
            ui::helper::LET_THEM_TAP.get(Lang::Vi)
        );
    }
}
