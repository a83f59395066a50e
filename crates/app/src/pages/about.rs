//! Giới thiệu & quyền riêng tư: what the app is, and exactly what it keeps.

use yew::prelude::*;

use crate::context::use_app;
use crate::i18n::{Lang, ui};

#[function_component]
pub fn About() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page about">
            <h1>{ ui::about::ABOUT_PRIVACY.get(lang) }</h1>
            <p class="lead">{ ui::about::INTRO.get(lang) }</p>
            <div class="banner warning">
                <p>{ ui::about::NOT_A_GOVERNMENT_APP.get(lang) }</p>
            </div>

            <h2>{ ui::about::DATA_ON_YOUR_ID_CARD.get(lang) }</h2>
            <ul>
                <li>{ ui::about::QR_CODE_ON_CARD.get(lang) }</li>
                <li>{ ui::about::CARD_DATA_STAYS_ONLY.get(lang) }</li>
                <li>{ ui::about::APP_NEVER_SAVES_CARD_DATA.get(lang) }</li>
                <li>{ ui::about::PHOTO_OF_CARD_YOU_CHOOSE.get(lang) }</li>
            </ul>

            <h2>{ ui::about::WHAT_IS_KEPT.get(lang) }</h2>
            <p>{ ui::about::ONLY_WHAT_MAKES_APP_EASIER.get(lang) }</p>
            <ul>
                <li>{ ui::about::YOUR_TEXT_SIZE_HIGH_CONTRAST.get(lang) }</li>
                <li>{ ui::about::WHICH_STEP_OF_EACH_GUIDE.get(lang) }</li>
                <li>{ ui::about::YOUR_COMMUNES_PUBLIC_HELP_POINT.get(lang) }</li>
                <li>{ ui::about::WHICH_PRACTICE_EXERCISES_YOU_FINISHED.get(lang) }</li>
                <li>{ ui::about::FOR_DIGITAL_TEAMS_COUNT.get(lang) }</li>
                <li>{ ui::about::APPS_OWN_FILES_SO.get(lang) }</li>
            </ul>
            <p>{ ui::about::TO_DELETE_EVERYTHING_CLEAR.get(lang) }</p>

            <h2>{ ui::about::CARDS_QR_CODE_IS_NOT.get(lang) }</h2>
            <p>{ ui::about::QR_CODE_ON_CARD_CARRIES.get(lang) }</p>

            <h2>{ ui::about::ABOUT_GUIDES.get(lang) }</h2>
            <p>{ ui::about::EVERY_GUIDE_SHOWS_ITS_REVIEW.get(lang) }</p>

            <h2>{ ui::about::INSTALL_ON_YOUR_PHONE.get(lang) }</h2>
            <ul>
                <li>{ ui::about::INSTALL_ANDROID.get(lang) }</li>
                <li>{ ui::about::INSTALL_IPHONE.get(lang) }</li>
                <li>{ ui::about::INSTALL_FROM_ZALO.get(lang) }</li>
            </ul>
            if lang == Lang::En {
                <p class="muted">{ ui::about::MOST_GUIDES_IN_VIETNAMESE.get(lang) }</p>
            }
            // Saves the scanner and the team's tools too, saying how much first.
            <crate::components::save_offline::SaveOffline />
        </article>
    }
}
