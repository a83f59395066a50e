use yew::prelude::*;

use crate::i18n::Pick;

use crate::app::use_app;


#[function_component]
pub fn ScanPage() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ lang.pick("Quét mã QR trên thẻ CCCD", "Scan the QR code on an ID card") }</h1>
        </article>
    }
}
