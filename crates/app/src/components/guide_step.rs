//! One step of a guide as a card. The player, the volunteers' overview, the print view and the
//! pre-rendered page all use this same markup, so the page does not jump when the app takes over.

use sotay_guides::Step;
use yew::prelude::*;

use crate::i18n::{Lang, Pick};
use crate::route::base_path;

/// Plain text split on blank lines, one `<p>` per paragraph.
pub fn paragraphs(text: &str) -> Html {
    text.split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| html! { <p>{ paragraph.to_string() }</p> })
        .collect()
}

/// The id of a step's heading (1-based), the target of focus when the step changes.
pub fn step_heading_id(number: usize) -> String {
    format!("buoc-{number}")
}

/// What read-aloud says for a step: title, text, tip and warning.
pub fn spoken_text(step: &Step, lang: Lang) -> String {
    let mut text = format!("{}. ", step.title);
    for paragraph in step.paragraphs() {
        text.push_str(paragraph);
        text.push(' ');
    }
    if let Some(tip) = &step.tip {
        text.push_str(lang.pick("Mẹo: ", "Tip: "));
        text.push_str(tip);
        text.push(' ');
    }
    if let Some(warning) = &step.warning {
        text.push_str(lang.pick("Cẩn thận: ", "Careful: "));
        text.push_str(warning);
    }
    text
}

#[derive(Properties, PartialEq)]
pub struct StepCardProps {
    pub step: &'static Step,
    /// 1-based.
    pub number: usize,
    /// Interface language (labels such as “Mẹo”); the step text is in the guide's language.
    pub lang: Lang,
    /// Hidden on screen (another step is showing) but still printed.
    #[prop_or_default]
    pub off: bool,
    /// Controls under the step (read-aloud).
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn StepCard(props: &StepCardProps) -> Html {
    let StepCardProps {
        step,
        number,
        lang,
        off,
        ..
    } = props;
    let lang = *lang;
    let heading_id = step_heading_id(*number);
    let illustration = step.illustration.as_ref().map(|name| {
        let src = format!("{}illustrations/{name}.svg", base_path());
        let alt = format!(
            "{} {}",
            lang.pick("Hình minh họa:", "Illustration:"),
            step.title
        );
        html! { <img class="illustration" {src} {alt} loading="lazy" /> }
    });
    let tip = step.tip.as_ref().map(|tip| {
        html! { <p class="tip"><strong>{ lang.pick("Mẹo: ", "Tip: ") }</strong>{ tip.clone() }</p> }
    });
    let warning = step.warning.as_ref().map(|warning| {
        html! { <p class="warning"><strong>{ lang.pick("Cẩn thận: ", "Careful: ") }</strong>{ warning.clone() }</p> }
    });
    let link = step.link.as_ref().map(|link| {
        html! {
            <p class="step-link">
                <a class="button secondary" href={link.url.clone()} target="_blank" rel="noopener noreferrer">
                    { link.label.clone() }
                    <span class="visually-hidden">{ lang.pick(" (mở trong thẻ mới)", " (opens in a new tab)") }</span>
                </a>
            </p>
        }
    });
    html! {
        <section class={classes!("step", off.then_some("step-off"))} aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} tabindex="-1">
                <span class="step-number" aria-hidden="true">{ number }</span>
                <span class="visually-hidden">{ format!("{} {number}: ", lang.pick("Bước", "Step")) }</span>
                { step.title.clone() }
            </h2>
            { paragraphs(&step.text) }
            { illustration }
            { tip }
            { warning }
            { link }
            { props.children.clone() }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_aloud_says_title_text_tip_and_warning() {
        let step = Step {
            title: "Nhập mã OTP".into(),
            text: "Nhập mã.\n\nChạm “Xác nhận”.".into(),
            tip: Some("Mã dùng được vài phút.".into()),
            warning: Some("Không đọc mã cho ai.".into()),
            illustration: None,
            key: false,
            link: None,
            source: None,
        };
        assert_eq!(
            spoken_text(&step, Lang::Vi),
            "Nhập mã OTP. Nhập mã. Chạm “Xác nhận”. Mẹo: Mã dùng được vài phút. Cẩn thận: Không đọc mã cho ai."
        );
    }
}
