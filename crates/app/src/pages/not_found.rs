use yew::prelude::*;

use crate::i18n::Pick;

use crate::app::use_app;
use crate::route::{Link, Route};

#[function_component]
pub fn NotFound() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ lang.pick("Không tìm thấy trang này", "Page not found") }</h1>
            <p>{ lang.pick(
                "Đường dẫn có thể bị gõ nhầm hoặc hướng dẫn đã được đổi chỗ. Đừng lo, mọi hướng dẫn vẫn ở đây.",
                "The link may be mistyped or the guide has moved. Don't worry, every guide is still here.",
            ) }</p>
            <p class="actions">
                <Link to={Route::Guides} class="button">{ lang.pick("Xem danh sách hướng dẫn", "See all guides") }</Link>
                <Link to={Route::Home} class="button secondary">{ lang.pick("Về trang chủ", "Go to home page") }</Link>
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
            <h1>{ lang.pick("Mở trang này", "Open this page") }</h1>
            <p class="actions">
                <a href={props.route.path()} class="button">{ lang.pick("Mở", "Open") }</a>
                <Link to={Route::Home} class="button secondary">{ lang.pick("Về trang chủ", "Go to home page") }</Link>
            </p>
        </article>
    }
}
