//! One step of a guide as a card, with where the reader is (“Bước 2/8”) and its own
//! “Quay lại” / “Tiếp” links. The pre-rendered page, the app, the volunteers' overview and
//! print all use this same markup, so nothing moves when the app takes over.
//!
//! Each step is a fragment (`#buoc-2`): before the app runs (or with JavaScript off) the
//! stylesheet shows the step named in the address (`:target`) or step 1, and the links move
//! between steps by themselves. The app keeps the links and only takes over their clicks.

use sotay_chars::is_letter_or_digit;
use sotay_guides::Step;
use yew::prelude::*;

use crate::i18n::{Lang, ui};
use crate::route::base_path;

/// The id of the finish screen (“Sau khi xong”), the fragment after the last step.
pub const FINISH_ID: &str = "sau-khi-xong";

/// Plain text split on blank lines, one `<p>` per paragraph; `reading` marks one
/// paragraph (0-based) as the one being read aloud.
pub fn paragraphs(text: &str) -> Html {
    paragraphs_reading(text, None)
}

fn paragraphs_reading(text: &str, reading: Option<usize>) -> Html {
    text.split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .enumerate()
        .map(|(index, paragraph)| {
            let class = (reading == Some(index)).then_some("reading");
            html! { <p {class}>{ breakable(paragraph) }</p> }
        })
        .collect()
}

/// Text whose web addresses may break only after a `/` or a `.` (never inside a
/// word: the stylesheet does not break words anywhere else).
pub fn breakable(text: &str) -> Html {
    let mut pieces: Vec<Html> = Vec::new();
    for (index, word) in text.split(' ').enumerate() {
        if index > 0 {
            pieces.push(html! { { " " } });
        }
        if !looks_like_address(word) {
            pieces.push(html! { { word.to_string() } });
            continue;
        }
        let mut rest = word;
        while let Some(at) = rest.find(['/', '.']) {
            let (piece, tail) = rest.split_at(at + 1);
            pieces.push(html! { <>{ piece.to_string() }<wbr /></> });
            rest = tail;
        }
        pieces.push(html! { { rest.to_string() } });
    }
    pieces.into_iter().collect()
}

/// The fragment of a step (1-based): its section's id and its address (`#buoc-2`).
pub fn step_id(number: usize) -> String {
    format!("buoc-{number}")
}

/// The id of a step's heading, the target of focus when the step changes.
pub fn step_heading_id(number: usize) -> String {
    format!("buoc-{number}-ten")
}

/// The step (0-based; `total` is the finish screen) a fragment names, if any.
pub fn step_from_fragment(fragment: &str, total: usize) -> Option<usize> {
    let fragment = fragment.trim_start_matches('#');
    if fragment == FINISH_ID {
        return Some(total);
    }
    let number: usize = fragment.strip_prefix("buoc-")?.parse().ok()?;
    (1..=total).contains(&number).then(|| number - 1)
}

/// The fragment of a step (0-based; `total` is the finish screen).
pub fn fragment_of(step: usize, total: usize) -> String {
    if step >= total {
        FINISH_ID.to_string()
    } else {
        step_id(step + 1)
    }
}

/// A web address as a resident would say it: “vneid chấm gov chấm vn”.
fn spoken_address(word: &str, lang: Lang) -> String {
    let host = word
        .split_once("://")
        .map_or(word, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.split('.')
        .filter(|label| !label.is_empty())
        .collect::<Vec<_>>()
        .join(ui::guide_step::DOT.get(lang))
}

/// True for `https://…`, `www.…` and bare domains such as `vneid.gov.vn` (the last
/// label made of letters, so numbers like 1.000.000 and “v.v.” stay as they are).
fn looks_like_address(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !is_letter_or_digit(c) && c != '/');
    if word.contains("://") || word.starts_with("www.") {
        return true;
    }
    let host = word.split('/').next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|last| last.len() >= 2 && last.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Text ready for a speech voice: every web address said as its domain.
pub fn speakable(text: &str, lang: Lang) -> String {
    text.split(' ')
        .map(|word| {
            if !looks_like_address(word) {
                return word.to_string();
            }
            // Keep the punctuation around the address (“(vneid.gov.vn).”).
            let start = word.find(is_letter_or_digit).unwrap_or_default();
            let end = word
                .rfind(|c: char| is_letter_or_digit(c) || c == '/')
                .map_or(word.len(), |at| at + 1);
            let trailing = word[end..].trim_start_matches('/');
            format!(
                "{}{}{}",
                &word[..start],
                spoken_address(&word[start..end], lang),
                trailing
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What read-aloud says for a step, one part at a time so the part being read can be
/// highlighted: the title, each paragraph, the tip, the warning (in this order,
/// the order of [`StepCard`]'s `reading`).
pub fn spoken_parts(step: &Step, lang: Lang) -> Vec<String> {
    let mut parts = vec![step.title.clone()];
    parts.extend(step.paragraphs().map(str::to_string));
    if let Some(tip) = &step.tip {
        parts.push(format!("{}{tip}", ui::guide_step::TIP.get(lang)));
    }
    if let Some(warning) = &step.warning {
        parts.push(format!("{}{warning}", ui::guide_step::CAREFUL.get(lang)));
    }
    parts.iter().map(|part| speakable(part, lang)).collect()
}

#[derive(Properties, PartialEq)]
pub struct StepCardProps {
    pub step: &'static Step,
    /// 1-based.
    pub number: usize,
    pub total: usize,
    /// Interface language (labels such as “Mẹo”); the step text is in the guide's language.
    pub lang: Lang,
    /// Hidden on screen (another step is showing) but still printed. Only the app sets
    /// it; before the app the stylesheet picks the step from the address.
    #[prop_or_default]
    pub off: bool,
    /// The part being read aloud (see [`spoken_parts`]).
    #[prop_or_default]
    pub reading: Option<usize>,
    /// The app's handler for “Quay lại” (false) and “Tiếp” (true); the links work without it.
    #[prop_or_default]
    pub on_move: Option<Callback<(MouseEvent, bool)>>,
    /// A line under the buttons (the commune's help point).
    #[prop_or_default]
    pub help: Html,
    /// Shown after the step's text and link (the "Tập thử trước" link of a step a practice
    /// scenario rehearses).
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn StepCard(props: &StepCardProps) -> Html {
    let StepCardProps {
        step,
        number,
        total,
        lang,
        off,
        reading,
        ..
    } = props;
    let (lang, number, total, reading) = (*lang, *number, *total, *reading);
    let heading_id = step_heading_id(number);
    let paragraph_count = step.paragraphs().count();
    let tip_part = 1 + paragraph_count;
    let warning_part = tip_part + usize::from(step.tip.is_some());
    let reading_class = |part: usize| (reading == Some(part)).then_some("reading");
    let illustration = step.illustration.as_ref().map(|name| {
        let src = format!("{}illustrations/{name}.svg", base_path());
        let alt = ui::guide_step::illustration_of(lang, &step.title);
        // Width and height reserve the space before the picture arrives.
        html! { <img class="illustration" {src} {alt} width="160" height="120" loading="lazy" /> }
    });
    let tip = step.tip.as_ref().map(|tip| {
        html! { <p class={classes!("tip", reading_class(tip_part))}><strong>{ ui::guide_step::TIP.get(lang) }</strong>{ breakable(tip) }</p> }
    });
    let warning = step.warning.as_ref().map(|warning| {
        html! { <p class={classes!("warning", reading_class(warning_part))}><strong>{ ui::guide_step::CAREFUL.get(lang) }</strong>{ breakable(warning) }</p> }
    });
    let link = step.link.as_ref().map(|link| {
        html! {
            <p class="step-link">
                <a class="button secondary" href={link.url.clone()} target="_blank" rel="noopener noreferrer">
                    <span>{ breakable(&link.label) }</span>
                    <span class="visually-hidden">{ ui::guide_step::OPENS_IN_NEW_TAB.get(lang) }</span>
                </a>
            </p>
        }
    });
    html! {
        <section id={step_id(number)} class={classes!("step", off.then_some("step-off"))} aria-labelledby={heading_id.clone()}>
            <p class="progress">{ ui::common::step_of(lang, number, total) }</p>
            <h2 id={heading_id} tabindex="-1" class={reading_class(0)}>
                <span class="step-number" aria-hidden="true">{ number }</span>
                <span class="visually-hidden">{ ui::guide_step::step_number(lang, number) }</span>
                { step.title.clone() }
            </h2>
            { illustration }
            { paragraphs_reading(&step.text, reading.and_then(|part| part.checked_sub(1))) }
            { tip }
            { warning }
            { link }
            { props.children.clone() }
            <StepNav {number} {total} {lang} on_move={props.on_move.clone()}>{ props.help.clone() }</StepNav>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct StepNavProps {
    /// 1-based; `total + 1` is the finish screen.
    pub number: usize,
    pub total: usize,
    pub lang: Lang,
    #[prop_or_default]
    pub on_move: Option<Callback<(MouseEvent, bool)>>,
    #[prop_or_default]
    pub children: Html,
}

/// “Quay lại” and “Tiếp” (“Xong” on the last step) as links to the neighbouring fragments.
#[function_component]
pub fn StepNav(props: &StepNavProps) -> Html {
    let StepNavProps {
        number,
        total,
        lang,
        ..
    } = props;
    let (number, total, lang) = (*number, *total, *lang);
    let handler = |forward: bool| {
        props
            .on_move
            .clone()
            .map(|on_move| Callback::from(move |event: MouseEvent| on_move.emit((event, forward))))
    };
    let back = (number > 1).then(|| {
        html! {
            <a class="button secondary big prev" href={format!("#{}", fragment_of(number - 2, total))}
                onclick={handler(false)}>
                <span aria-hidden="true">{ "← " }</span>{ ui::guide_step::BACK.get(lang) }
            </a>
        }
    });
    let next = (number <= total).then(|| {
        html! {
            <a class="button big next" href={format!("#{}", fragment_of(number, total))}
                onclick={handler(true)}>
                if number == total {
                    { ui::guide_step::DONE.get(lang) }<span aria-hidden="true">{ " ✓" }</span>
                } else {
                    { ui::common::NEXT.get(lang) }<span aria-hidden="true">{ " →" }</span>
                }
            </a>
        }
    });
    html! {
        <nav class="step-nav no-print" aria-label={ui::guide_step::STEPS.get(lang)}>
            { back }
            { next }
            { props.children.clone() }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step() -> Step {
        Step {
            title: "Nhập mã OTP".into(),
            text: "Vào https://vneid.gov.vn/ để kích hoạt.\n\nChạm “Xác nhận” (www.dichvucong.gov.vn).".into(),
            tip: Some("Mã dùng được vài phút.".into()),
            warning: Some("Không đọc mã cho ai.".into()),
            illustration: None,
            key: false,
            link: None,
            source: None,
        }
    }

    #[test]
    fn read_aloud_says_title_text_tip_and_warning_and_addresses_as_domains() {
        assert_eq!(
            spoken_parts(&step(), Lang::Vi),
            [
                "Nhập mã OTP",
                "Vào vneid chấm gov chấm vn để kích hoạt.",
                "Chạm “Xác nhận” (dichvucong chấm gov chấm vn).",
                "Mẹo: Mã dùng được vài phút.",
                "Cẩn thận: Không đọc mã cho ai.",
            ]
        );
    }

    #[test]
    fn numbers_and_abbreviations_are_not_addresses() {
        for word in ["1.000.000", "v.v.", "8–20", "(ví", "OTP."] {
            assert!(!looks_like_address(word), "{word}");
        }
        for word in ["vneid.gov.vn", "https://a.b/c", "(dichvucong.gov.vn)."] {
            assert!(looks_like_address(word), "{word}");
        }
        assert_eq!(
            speakable("Gọi 1.000 lần, vào vneid.gov.vn.", Lang::Vi),
            "Gọi 1.000 lần, vào vneid chấm gov chấm vn."
        );
        assert_eq!(speakable("see http://x.org/a?b", Lang::En), "see x dot org");
    }

    #[test]
    fn fragments_name_steps_and_the_finish_screen() {
        assert_eq!(step_from_fragment("#buoc-2", 8), Some(1));
        assert_eq!(step_from_fragment("buoc-8", 8), Some(7));
        assert_eq!(step_from_fragment("#sau-khi-xong", 8), Some(8));
        for other in ["#buoc-0", "#buoc-9", "#main", "", "#buoc-x"] {
            assert_eq!(step_from_fragment(other, 8), None, "{other}");
        }
        assert_eq!(fragment_of(0, 8), "buoc-1");
        assert_eq!(fragment_of(8, 8), FINISH_ID);
    }
}
