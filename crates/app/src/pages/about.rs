use yew::prelude::*;

use crate::i18n::Pick;

use crate::app::use_app;

#[function_component]
pub fn About() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ lang.pick("Giới thiệu & quyền riêng tư", "About & privacy") }</h1>
        </article>
    }
}
