use yew::prelude::*;

use crate::context::use_app;
use crate::i18n::ui;
use crate::route::{Link, Route};

#[function_component]
pub fn NotFound() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ ui::not_found::TITLE.get(lang) }</h1>
            <p>{ ui::not_found::EXPLANATION.get(lang) }</p>
            <p class="actions">
                <Link to={Route::Guides} class="button">{ ui::not_found::ALL_GUIDES.get(lang) }</Link>
                <Link to={Route::Home} class="button secondary">{ ui::not_found::HOME.get(lang) }</Link>
            </p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct OtherBundleProps {
    pub route: Route,
}

/// A screen that lives in the app's other bundle (see `Bundle`): a plain link
/// loads its own page. Never an automatic reload, which could loop offline.
#[function_component]
pub fn OtherBundle(props: &OtherBundleProps) -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ ui::not_found::OTHER_BUNDLE_TITLE.get(lang) }</h1>
            <p class="actions">
                <a href={props.route.path()} class="button">{ ui::not_found::OPEN.get(lang) }</a>
                <Link to={Route::Home} class="button secondary">{ ui::not_found::HOME.get(lang) }</Link>
            </p>
        </article>
    }
}
