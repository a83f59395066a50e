use yew::prelude::*;

use crate::i18n::Pick;

use crate::app::use_app;

#[derive(Properties, PartialEq)]
pub struct GuidePageProps {
    #[prop_or_default]
    pub id: AttrValue,
    #[prop_or_default]
    pub step: Option<usize>,
}

#[function_component]
pub fn GuidePage(_props: &GuidePageProps) -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ lang.pick("Hướng dẫn", "Guide") }</h1>
        </article>
    }
}
