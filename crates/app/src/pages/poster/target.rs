//! Sections 1 and 3 of the poster builder: what the code opens (a guide
//! or the home page, on which site) and the layout.

use sotay_poster::{BaseUrl, Layout};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::hooks::{FormEdit, default_base_url};
use crate::content;
use crate::context::use_app;
use crate::i18n::{Lang, ui};

#[derive(Properties, PartialEq)]
pub struct TargetProps {
    pub guide: String,
    pub base_url: String,
    /// False before the saved form is read: no error for an address not yet filled in.
    pub loaded: bool,
    pub edit: Callback<FormEdit>,
}

/// "1. Mã QR mở trang nào": the guide and the site's address.
#[function_component]
pub fn PosterTarget(props: &TargetProps) -> Html {
    let lang = use_app().lang();
    let edit = props.edit.clone();
    let on_guide = edit.reform(|event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        FormEdit::new(move |form| form.guide = value.clone())
    });
    let on_base = edit.reform(|event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        FormEdit::new(move |form| form.base_url = value.clone())
    });
    let reset_base =
        edit.reform(|_: MouseEvent| FormEdit::new(|form| form.base_url = default_base_url()));
    let base_error = props
        .loaded
        .then(|| BaseUrl::parse(&props.base_url).err())
        .flatten();
    let guide_options = content::outline().list(lang).into_iter().map(|guide| {
        html! {
            <option value={guide.id.clone()} selected={props.guide == guide.id}>{ guide.title.as_str() }</option>
        }
    });
    html! {
        <section class="no-print" aria-labelledby="poster-what">
            <h2 id="poster-what">{ ui::poster::WHAT_HEADING.get(lang) }</h2>
            <label for="poster-guide">{ ui::poster::GUIDE.get(lang) }</label>
            <select id="poster-guide" onchange={on_guide}>
                <option value="" selected={props.guide.is_empty()}>{ ui::poster::HOME_PAGE.get(lang) }</option>
                { for guide_options }
            </select>
            <label for="poster-base">
                { ui::poster::SITE_ADDRESS.get(lang) }
                <span class="hint">{ ui::poster::SITE_ADDRESS_HINT.get(lang) }</span>
            </label>
            <input type="url" id="poster-base" value={props.base_url.clone()} oninput={on_base}
                inputmode="url" autocomplete="off" spellcheck="false"
                aria-invalid={base_error.is_some().then_some("true")}
                aria-describedby={base_error.is_some().then_some("poster-base-error")} />
            if let Some(error) = base_error {
                <p class="field-error" id="poster-base-error">{ match lang {
                    Lang::Vi => error.message_vi(),
                    Lang::En => error.message_en(),
                } }</p>
            }
            <div class="actions">
                <button type="button" class="secondary" onclick={reset_base}>
                    { ui::poster::USE_THIS_SITE.get(lang) }
                </button>
            </div>
        </section>
    }
}

pub fn layout_label(layout: Layout, lang: Lang) -> &'static str {
    layout.label(lang)
}

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub current: Layout,
    pub edit: Callback<FormEdit>,
}

/// "3. Mẫu in".
#[function_component]
pub fn LayoutChoice(props: &LayoutProps) -> Html {
    let lang = use_app().lang();
    let choices = Layout::ALL.into_iter().map(|layout| {
        let onchange = props.edit.reform(move |_: Event| {
            FormEdit::new(move |form| form.layout = layout.slug().to_owned())
        });
        html! {
            <label class="choice">
                <input type="radio" name="poster-layout" value={layout.slug()}
                    checked={layout == props.current} {onchange} />
                { layout_label(layout, lang) }
            </label>
        }
    });
    html! {
        <section class="no-print" aria-labelledby="poster-layout">
            <h2 id="poster-layout">{ ui::poster::LAYOUT_HEADING.get(lang) }</h2>
            <fieldset>
                <legend>{ ui::poster::LAYOUT_LEGEND.get(lang) }</legend>
                { for choices }
            </fieldset>
        </section>
    }
}
