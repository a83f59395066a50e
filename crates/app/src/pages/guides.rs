use yew::prelude::*;

use crate::i18n::Pick;

use crate::app::use_app;


#[function_component]
pub fn GuideList() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ lang.pick("Hướng dẫn từng bước", "Step-by-step guides") }</h1>
        </article>
    }
}
