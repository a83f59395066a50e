//! "Hiện mã QR" (`/ma-qr/?g=<id>`): a full-screen QR code of a guide's link
//! (or of the app, without `g`), so a resident scans the volunteer's screen and
//! carries on with the guide on their own phone. The commune help point in use
//! rides along as `?c=`, so the resident's phone shows the same help point.
//!
//! A page of the team bundle, not a dialog on the guide: QR generation stays
//! out of what a resident downloads on a first visit.

use sotay_poster::{EcLevel, display_link, encode_profile};
use yew::prelude::*;

use crate::browser;
use crate::commune::use_commune;
use crate::components::qr_svg::QrSvg;
use crate::content;
use crate::context::use_app;
use crate::i18n::ui;
use crate::route::{Link, Route};

/// The link as handed over: absolute, with the profile code when there is one
/// and the link carries no query yet.
fn handoff_link(url: &str, origin: &str, profile_code: Option<&str>) -> String {
    let mut link = if url.starts_with('/') {
        format!("{origin}{url}")
    } else {
        url.to_owned()
    };
    if let Some(code) = profile_code
        && !link.contains('?')
    {
        link.push_str("?c=");
        link.push_str(code);
    }
    link
}

#[derive(Properties, PartialEq)]
pub struct HandoffPageProps {
    /// The guide to hand over; None hands over the app's home page.
    pub guide: Option<String>,
}

#[function_component]
pub fn HandoffPage(props: &HandoffPageProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let commune = use_commune();
    let entry = props
        .guide
        .as_deref()
        .and_then(|id| content::entry(lang, id));
    let (target, title) = match entry {
        Some(guide) => (
            Route::Guide {
                id: guide.id.clone(),
                step: None,
            },
            guide.title.clone(),
        ),
        None => (Route::Home, ui::handoff::APP_NAME.get(lang).to_owned()),
    };
    let back_label = if entry.is_some() {
        ui::handoff::BACK_TO_GUIDE.get(lang)
    } else {
        ui::handoff::GO_TO_HOME_PAGE.get(lang)
    };
    let code = commune
        .profile
        .as_ref()
        .and_then(|profile| encode_profile(profile).ok());
    // The origin is only known in the browser: the pre-rendered page shows the
    // title and the way back, and the code appears when the app starts.
    let link = (!app.prerendered).then(|| {
        handoff_link(
            &target.path(),
            &browser::origin(),
            code.as_ref().map(|c| c.as_str()),
        )
    });
    html! {
        <article class="page handoff">
            <h1 class="handoff-title">{ title }</h1>
            if let Some(link) = link {
                <QrSvg text={AttrValue::from(link.clone())} ec_level={EcLevel::M}
                    label={ui::handoff::QR_CODE_OF_LINK_BELOW.get(lang)} />
                <p class="handoff-hint">{ ui::handoff::OPEN_CAMERA_ON_YOUR_PHONE.get(lang) }</p>
                <p class="handoff-link">{ display_link(&link) }</p>
            }
            <Link to={target} class="button big">{ back_label }</Link>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::handoff_link;

    #[test]
    fn links_are_absolute_and_carry_the_profile() {
        assert_eq!(
            handoff_link("/g/kich-hoat-vneid/", "https://sotay.vn", Some("AQE")),
            "https://sotay.vn/g/kich-hoat-vneid/?c=AQE"
        );
        assert_eq!(
            handoff_link("https://x.vn/g/a/", "https://sotay.vn", None),
            "https://x.vn/g/a/"
        );
        assert_eq!(
            handoff_link("https://x.vn/g/a/?c=B", "https://sotay.vn", Some("AQE")),
            "https://x.vn/g/a/?c=B"
        );
    }
}
