//! The home page: what the app is for, three big actions, the most used guides and a scam warning.

use yew::prelude::*;

use crate::commune::SCAM_GUIDE_ID as SCAM_GUIDE;
use crate::components::commune_help::CommuneHelp;
use crate::components::guide_list::guide_item;
use crate::content;
use crate::context::use_app;
use crate::i18n::Pick;
use crate::route::{Link, Route};

/// The guides most residents need, in the order they usually need them.
const POPULAR_GUIDES: [&str; 6] = [
    "kich-hoat-vneid",
    "dang-ky-tai-khoan-muc-2",
    "tich-hop-giay-to-vneid",
    "dang-ky-tam-tru",
    "cap-doi-the-can-cuoc",
    "lua-dao-gia-danh-cong-an",
];

#[function_component]
pub fn Home() -> Html {
    let lang = use_app().lang();
    let popular = POPULAR_GUIDES
        .iter()
        .filter_map(|id| content::entry(lang, id))
        .map(|guide| guide_item(guide, lang, None, None));
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
                <li><Link to={Route::Services} class="button big secondary">{ lang.pick("Dịch vụ công thiết yếu", "Essential public services") }</Link></li>
                <li><Link to={Route::Scan} class="button big secondary">{ lang.pick("Quét mã QR trên thẻ CCCD", "Scan the QR on an ID card") }</Link></li>
                <li><Link to={Route::Practice} class="button big secondary">{ lang.pick("Tập thử trước khi làm thật", "Practise before the real thing") }</Link></li>
            </ul>
            <p class="banner warning scam-warning">
                <strong>{ lang.pick("Cảnh giác: ", "Beware: ") }</strong>
                { lang.pick(
                    "công an không bao giờ gọi điện bảo bạn đọc mã OTP, cài ứng dụng lạ hay chuyển tiền. ",
                    "the police never phone you to ask for an OTP code, to install an app or to send money. ",
                ) }
                <Link to={Route::Guide { id: SCAM_GUIDE.to_string(), step: None }}>
                    { lang.pick("Cách nhận biết lừa đảo", "How to spot the scam") }
                </Link>
            </p>
            <section class="popular" aria-labelledby="hay-dung">
                <h2 id="hay-dung">{ lang.pick("Hướng dẫn hay dùng", "Most used guides") }</h2>
                <ul class="guide-list">{ for popular }</ul>
            </section>
            <CommuneHelp />
        </article>
    }
}
