use yew::prelude::*;

use crate::i18n::Pick;

use crate::app::use_app;

#[derive(Properties, PartialEq)]
pub struct PosterBuilderProps {
    #[prop_or_default]
    pub guide: Option<String>,
}

#[function_component]
pub fn PosterBuilder(_props: &PosterBuilderProps) -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ lang.pick("Tạo mã QR và áp phích", "QR codes and posters") }</h1>
        </article>
    }
}
