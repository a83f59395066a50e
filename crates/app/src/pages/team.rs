use yew::prelude::*;

use crate::i18n::Pick;

use crate::app::use_app;


#[function_component]
pub fn TeamTools() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ lang.pick("Tổ công nghệ số cộng đồng", "Community digital team") }</h1>
        </article>
    }
}
