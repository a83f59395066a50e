//! “Tôi cần làm gì?” (`/can-lam-gi/`): the plain questions of `sotay_guides::QUESTIONS` on one
//! page, then the guides to follow, in order, with the reason for each.

use sotay_guides::{Answers, QUESTIONS, QuestionId, recommend};
use yew::prelude::*;

use crate::browser;
use crate::components::guide_list::guide_item;
use crate::content;
use crate::context::use_app;
use crate::i18n::ui;

const RESULT_HEADING_ID: &str = "goi-y";

fn field_name(question: QuestionId) -> &'static str {
    match question {
        QuestionId::ChipCard => "the-chip",
        QuestionId::Smartphone => "dien-thoai",
        QuestionId::PhoneInOwnName => "so-chinh-chu",
        QuestionId::Account => "tai-khoan",
        QuestionId::Goal => "muc-dich",
    }
}

#[function_component]
pub fn Questionnaire() -> Html {
    let lang = use_app().lang();
    // (question, chosen option value), in the order answered.
    let chosen = use_state(Vec::<(QuestionId, &'static str)>::new);
    // How many times “Xem gợi ý” was pressed: 0 = no suggestions shown yet.
    let asked = use_state(|| 0u32);

    use_effect_with(*asked, |asked| {
        if *asked > 0 {
            browser::focus(RESULT_HEADING_ID);
        }
    });

    let answers = chosen
        .iter()
        .fold(Answers::default(), |mut answers, (question, value)| {
            answers.set(*question, value);
            answers
        });

    let questions = QUESTIONS.iter().enumerate().map(|(number, question)| {
        let name = field_name(question.id);
        let help_id = format!("{name}-goi-y");
        let options = question.options.iter().map(|option| {
            let checked = chosen.iter().any(|(q, v)| *q == question.id && *v == option.value);
            let onchange = {
                let chosen = chosen.clone();
                let (question, value) = (question.id, option.value);
                Callback::from(move |_: Event| {
                    let mut next: Vec<_> = chosen.iter().copied().filter(|(q, _)| *q != question).collect();
                    next.push((question, value));
                    chosen.set(next);
                })
            };
            html! {
                <label class="choice" key={option.value}>
                    <input type="radio" {name} value={option.value} {checked} {onchange} />
                    <span>{ option.label.get(lang) }</span>
                </label>
            }
        });
        html! {
            <fieldset class="question" key={name} aria-describedby={help_id.clone()}>
                <legend>
                    <span class="question-number">{ format!("{}/{} ", number + 1, QUESTIONS.len()) }</span>
                    { question.text.get(lang) }
                </legend>
                <p class="hint" id={help_id}>{ question.help.get(lang) }</p>
                { for options }
            </fieldset>
        }
    });

    let show = {
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| asked.set(*asked + 1))
    };
    let clear = {
        let chosen = chosen.clone();
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| {
            chosen.set(Vec::new());
            asked.set(0);
        })
    };

    let result = if *asked == 0 {
        Html::default()
    } else {
        let recommendations = recommend(&answers);
        if recommendations.is_empty() {
            html! {
                <>
                    <h2 id={RESULT_HEADING_ID} tabindex="-1">{ ui::questionnaire::NO_SUGGESTION_YET.get(lang) }</h2>
                    <p class="banner">{ ui::questionnaire::PLEASE_ANSWER_AT_LEAST_ONE.get(lang) }</p>
                </>
            }
        } else {
            let items = recommendations.iter().filter_map(|recommendation| {
                let guide = content::entry(lang, recommendation.guide_id)?;
                let reason = recommendation.reason.get(lang);
                Some(guide_item(guide, lang, None, Some(reason)))
            });
            html! {
                <>
                    <h2 id={RESULT_HEADING_ID} tabindex="-1">{ ui::questionnaire::DO_THESE_IN_THIS_ORDER.get(lang) }</h2>
                    <ol class="guide-list recommendations">{ for items }</ol>
                </>
            }
        }
    };

    html! {
        <article class="page questionnaire">
            <h1>{ ui::questionnaire::WHAT_DO_I_NEED_TO_DO.get(lang) }</h1>
            <p class="lead">{ ui::questionnaire::ANSWER_FEW_SIMPLE_QUESTIONS.get(lang) }</p>
            <form class="questions" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                { for questions }
                <div class="actions">
                    <button type="button" class="big" onclick={show}>{ ui::questionnaire::SEE_SUGGESTIONS.get(lang) }</button>
                    <button type="button" class="secondary" onclick={clear}>{ ui::questionnaire::CLEAR_MY_ANSWERS.get(lang) }</button>
                </div>
            </form>
            <section class="suggestions" aria-live="polite">{ result }</section>
        </article>
    }
}
