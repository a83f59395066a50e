//! "Cần giúp? Đến …": the commune's help point, with where it came from
//! (see `crate::commune`). Nothing at all without one.

use sotay_poster::{CommuneProfile, phone_link};
use yew::prelude::*;

use crate::commune::{Provenance, use_commune};
use crate::context::use_app;
use crate::i18n::Pick;
use crate::route::use_router;

/// The help point of this page: verified, from this page's link (with
/// "Lưu nơi hỗ trợ này"), or kept on the device (with "Xóa").
#[function_component]
pub fn CommuneHelp() -> Html {
    let lang = use_app().lang();
    let commune = use_commune();
    let route = use_router().route;
    let Some(help) = commune.help.clone() else {
        return Html::default();
    };
    let show_phone = help.phone_shown_on(&route);
    let (note, action) = match &help.provenance {
        Provenance::Verified { deployer, .. } => (
            html! {
                <p class="commune-source verified">
                    { lang.pick("Thông tin của ", "Information from ") }{ deployer.as_str() }
                </p>
            },
            forget_button(lang, commune.set_profile.clone()),
        ),
        Provenance::FromLink => {
            let save = commune.save_from_link.clone();
            (
                html! {
                    <p class="commune-source unverified">{ lang.pick(
                        "Thông tin in trên áp phích — hãy kiểm tra",
                        "Printed on the poster — please check it",
                    ) }</p>
                },
                html! {
                    <button type="button" class="secondary commune-save" onclick={Callback::from(move |_: MouseEvent| save.emit(()))}>
                        { lang.pick("Lưu nơi hỗ trợ này", "Keep this help point") }
                    </button>
                },
            )
        }
        Provenance::Saved => (
            html! {
                <p class="commune-source unverified">{ lang.pick(
                    "Nơi hỗ trợ bạn đã lưu từ áp phích — hãy kiểm tra",
                    "A help point you kept from a poster — please check it",
                ) }</p>
            },
            forget_button(lang, commune.set_profile.clone()),
        ),
    };
    html! {
        <div class={classes!("commune-help-wrap", (!help.is_verified()).then_some("unverified"))}>
            <CommuneHelpBox profile={help.profile.clone()} {show_phone} />
            { note }
            if !show_phone {
                <p class="hint commune-no-phone">{ lang.pick(
                    "Số điện thoại trên áp phích không hiện ở đây. Chỉ gọi số công an bạn tự tra được, hoặc đến trực tiếp.",
                    "The poster's phone number is not shown here. Only call a police number you looked up yourself, or go in person.",
                ) }</p>
            }
            { action }
        </div>
    }
}

/// "Xóa nơi hỗ trợ này": one tap forgets the kept help point.
fn forget_button(lang: crate::i18n::Lang, set_profile: Callback<Option<String>>) -> Html {
    let onclick = Callback::from(move |_: MouseEvent| set_profile.emit(None));
    html! {
        <button type="button" class="secondary commune-forget" {onclick}>
            { lang.pick("Xóa nơi hỗ trợ này", "Remove this help point") }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct CommuneHelpBoxProps {
    pub profile: CommuneProfile,
    /// False hides the phone number (an unchecked one on the scam guide).
    #[prop_or(true)]
    pub show_phone: bool,
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
    let phone =
        profile
            .phone
            .as_deref()
            .filter(|_| props.show_phone)
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
                if let Some(zalo) = profile.zalo.as_ref().filter(|_| props.show_phone) {
                    { row("Zalo", html! { { zalo.as_str() } }) }
                }
            </ul>
        </section>
    }
}
