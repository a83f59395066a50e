use yew::prelude::*;

use crate::i18n::Pick;

use crate::app::use_app;
use crate::route::{Link, Route};

#[function_component]
pub fn Home() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page home">
            <h1>{ lang.pick("Sổ tay Công dân số", "Digital Citizen Handbook") }</h1>
            <p class="lead">{ lang.pick(
                "Hướng dẫn từng bước, bằng lời dễ hiểu, để dùng tài khoản định danh điện tử VNeID và làm thủ tục hành chính trên mạng.",
                "Plain step-by-step help for the VNeID e-identity account and online public services.",
            ) }</p>
            <ul class="big-actions">
                <li><Link to={Route::Questionnaire} class="button big">{ lang.pick("Tôi cần làm gì?", "What do I need to do?") }</Link></li>
                <li><Link to={Route::Guides} class="button big secondary">{ lang.pick("Xem tất cả hướng dẫn", "See all guides") }</Link></li>
                <li><Link to={Route::Scan} class="button big secondary">{ lang.pick("Quét mã QR trên thẻ CCCD", "Scan the QR on an ID card") }</Link></li>
            </ul>
        </article>
    }
}
