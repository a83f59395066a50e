//! "Cần giúp? Đến …": the commune's help places, with where they came from
//! (see `crate::commune`). Nothing at all without them.

use sotay_poster::{CommuneProfile, HelpPlace, phone_link};
use yew::prelude::*;

use crate::commune::{Provenance, use_commune};
use crate::context::use_app;
use crate::i18n::{Lang, ui};
use crate::route::use_router;

/// The help places of this page: verified, from this page's link (with
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
                <p class="commune-source verified">{ ui::commune_help::from_deployer(lang, deployer) }</p>
            },
            forget_button(lang, commune.set_profile.clone()),
        ),
        Provenance::FromLink => {
            let save = commune.save_from_link.clone();
            (
                html! {
                    <p class="commune-source unverified">{ ui::commune_help::FROM_POSTER.get(lang) }</p>
                },
                html! {
                    <button type="button" class="secondary commune-save" onclick={Callback::from(move |_: MouseEvent| save.emit(()))}>
                        { ui::commune_help::SAVE.get(lang) }
                    </button>
                },
            )
        }
        Provenance::Saved => (
            html! {
                <p class="commune-source unverified">{ ui::commune_help::SAVED_FROM_POSTER.get(lang) }</p>
            },
            forget_button(lang, commune.set_profile.clone()),
        ),
    };
    html! {
        <div class={classes!("commune-help-wrap", (!help.is_verified()).then_some("unverified"))}>
            <CommuneHelpBox profile={help.profile.clone()} {show_phone} />
            { note }
            if !show_phone {
                <p class="hint commune-no-phone">{ ui::commune_help::NO_PHONE_HERE.get(lang) }</p>
            }
            { action }
        </div>
    }
}

/// "Xóa nơi hỗ trợ này": one tap forgets the kept help point.
fn forget_button(lang: Lang, set_profile: Callback<Option<String>>) -> Html {
    let onclick = Callback::from(move |_: MouseEvent| set_profile.emit(None));
    html! {
        <button type="button" class="secondary commune-forget" {onclick}>
            { ui::commune_help::FORGET.get(lang) }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct CommuneHelpBoxProps {
    pub profile: CommuneProfile,
    /// False hides the phone numbers and the Zalo (unchecked ones on the scam guide).
    #[prop_or(true)]
    pub show_phone: bool,
}

/// The help places as text only: every value came from a link anyone can make.
/// One place reads "Cần giúp? Đến <place>"; several are listed one by one.
#[function_component]
pub fn CommuneHelpBox(props: &CommuneHelpBoxProps) -> Html {
    let lang = use_app().lang();
    let profile = &props.profile;
    let commune = profile.commune.as_str();
    let zalo = profile
        .zalo
        .as_ref()
        .filter(|_| props.show_phone)
        .map(|zalo| {
            row(
                ui::commune_help::ZALO.get(lang),
                html! { { zalo.as_str() } },
            )
        });
    let body = match profile.places.as_slice() {
        [] | [_] => {
            let place = profile.places.first();
            let title = place.map_or(commune, |p| p.title(commune));
            html! {
                <>
                    <p class="commune-help-title">
                        <strong>{ ui::commune_help::go_to(lang, title) }</strong>
                    </p>
                    <ul class="commune-help-details">
                        if place.is_some_and(|p| p.needs_commune_line(commune)) {
                            <li>{ commune }</li>
                        }
                        if let Some(place) = place {
                            { place_rows(place, props.show_phone, lang) }
                        }
                        { zalo }
                    </ul>
                </>
            }
        }
        places => html! {
            <>
                <p class="commune-help-title">
                    <strong>{ ui::commune_help::GO_TO_ONE_OF.get(lang) }</strong>
                </p>
                <ol class="commune-help-places">
                    { for places.iter().map(|place| html! {
                        <li class="commune-help-place">
                            <strong class="commune-place-name">{ place.title(commune) }</strong>
                            if place.needs_commune_line(commune) {
                                { ", " }{ commune }
                            }
                            <ul class="commune-help-details">
                                { place_rows(place, props.show_phone, lang) }
                            </ul>
                        </li>
                    }) }
                </ol>
                if let Some(zalo) = zalo {
                    <ul class="commune-help-details">{ zalo }</ul>
                }
            </>
        },
    };
    html! {
        <section class="help-box commune-help" aria-label={ui::commune_help::REGION.get(lang)}>
            { body }
        </section>
    }
}

fn row(label: &'static str, value: Html) -> Html {
    html! { <li><span class="commune-label">{ label }{ ": " }</span>{ value }</li> }
}

/// A place's address, hours and (when allowed) phone as list rows.
fn place_rows(place: &HelpPlace, show_phone: bool, lang: Lang) -> Html {
    let phone =
        place
            .phone
            .as_deref()
            .filter(|_| show_phone)
            .map(|phone| match phone_link(phone) {
                Some(href) => html! { <a href={href}>{ phone }</a> },
                None => html! { { phone } },
            });
    html! {
        <>
            if let Some(address) = &place.address {
                { row(ui::commune_help::ADDRESS.get(lang), html! { { address.as_str() } }) }
            }
            if let Some(hours) = &place.hours {
                { row(ui::commune_help::HOURS.get(lang), html! { { hours.as_str() } }) }
            }
            if let Some(phone) = phone {
                { row(ui::commune_help::PHONE.get(lang), phone) }
            }
        </>
    }
}
