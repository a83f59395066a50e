//! The home page: what the app is for, three big actions, the most used guides and a scam warning.

use yew::prelude::*;

use crate::commune::SCAM_GUIDE_ID as SCAM_GUIDE;
use crate::components::commune_help::CommuneHelp;
use crate::components::guide_list::guide_item;
use crate::content;
use crate::context::use_app;
use crate::i18n::ui;
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
            <h1>{ ui::home::DIGITAL_CITIZEN_HANDBOOK.get(lang) }</h1>
            <p class="lead">{ ui::home::PLAIN_STEP_BY_STEP_HELP.get(lang) }</p>
            <ul class="big-actions">
                <li><Link to={Route::Questionnaire} class="button big">{ ui::home::WHAT_DO_I_NEED_TO_DO.get(lang) }</Link></li>
                <li><Link to={Route::Guides} class="button big secondary">{ ui::home::SEE_ALL_GUIDES.get(lang) }</Link></li>
                <li><Link to={Route::Services} class="button big secondary">{ ui::home::ESSENTIAL_PUBLIC_SERVICES.get(lang) }</Link></li>
                <li><Link to={Route::Scan} class="button big secondary">{ ui::home::SCAN_QR_ON_ID_CARD.get(lang) }</Link></li>
                <li><Link to={Route::Practice} class="button big secondary">{ ui::home::PRACTISE_BEFORE_REAL_THING.get(lang) }</Link></li>
            </ul>
            <p class="banner warning scam-warning">
                <strong>{ ui::home::BEWARE.get(lang) }</strong>
                { ui::home::POLICE_NEVER_PHONE_YOU.get(lang) }
                <Link to={Route::Guide { id: SCAM_GUIDE.to_string(), step: None }}>
                    { ui::home::HOW_TO_SPOT_SCAM.get(lang) }
                </Link>
            </p>
            <section class="popular" aria-labelledby="hay-dung">
                <h2 id="hay-dung">{ ui::home::MOST_USED_GUIDES.get(lang) }</h2>
                <ul class="guide-list">{ for popular }</ul>
            </section>
            <CommuneHelp />
        </article>
    }
}
