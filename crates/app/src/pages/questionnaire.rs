use yew::prelude::*;

use crate::i18n::Pick;

use crate::app::use_app;


#[function_component]
pub fn Questionnaire() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ lang.pick("Tôi cần làm gì?", "What do I need to do?") }</h1>
        </article>
    }
}
