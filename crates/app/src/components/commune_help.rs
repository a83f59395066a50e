//! "Cần giúp? Đến …": the commune's help point from the poster's link.
//! Nothing at all without a profile.

use sotay_poster::{CommuneProfile, phone_link};
use yew::prelude::*;

use crate::app::use_app;
use crate::commune::use_commune;
use crate::i18n::Pick;

#[function_component]
pub fn CommuneHelp() -> Html {
    let commune = use_commune();
    match &commune.profile {
        Some(profile) => html! { <CommuneHelpBox profile={profile.clone()} /> },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct CommuneHelpBoxProps {
    pub profile: CommuneProfile,
}

/// The help point as text only: every value came from a link anyone can make.
#[function_component]
pub fn CommuneHelpBox(props: &CommuneHelpBoxProps) -> Html {
    let lang = use_app().lang();
    let profile = &props.profile;
    let place = profile.help_point.as_deref().unwrap_or(&profile.commune);
    // "Công an xã Tân Phú" already names the commune; "Bộ phận một cửa" does not.
    let commune_line = profile.help_point.as_deref().is_some_and(|help| {
        !help
            .to_lowercase()
            .contains(&profile.commune.to_lowercase())
    });
    let row = |label: &'static str, value: Html| {
        html! { <li><span class="commune-label">{ label }{ ": " }</span>{ value }</li> }
    };
    let phone = profile
        .phone
        .as_deref()
        .map(|phone| match phone_link(phone) {
            Some(href) => html! { <a href={href}>{ phone }</a> },
            None => html! { { phone } },
        });
    html! {
        <section class="help-box commune-help" aria-label={lang.pick("Nơi hỗ trợ", "Help point")}>
            <p class="commune-help-title">
                <strong>{ lang.pick("Cần giúp? Đến ", "Need help? Go to ") }{ place }</strong>
            </p>
            <ul class="commune-help-details">
                if commune_line {
                    <li>{ profile.commune.as_str() }</li>
                }
                if let Some(address) = &profile.address {
                    { row(lang.pick("Địa chỉ", "Address"), html! { { address.as_str() } }) }
                }
                if let Some(hours) = &profile.hours {
                    { row(lang.pick("Giờ làm việc", "Opening hours"), html! { { hours.as_str() } }) }
                }
                if let Some(phone) = phone {
                    { row(lang.pick("Điện thoại", "Phone"), phone) }
                }
                if let Some(zalo) = &profile.zalo {
                    { row("Zalo", html! { { zalo.as_str() } }) }
                }
            </ul>
        </section>
    }
}
