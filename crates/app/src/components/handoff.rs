//! "Hiện mã QR": a full-screen QR code of a guide's link, so a resident scans
//! the volunteer's screen and carries on with the guide on their own phone.

use sotay_poster::{EcLevel, display_link, encode_profile};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::app::use_app;
use crate::browser;
use crate::commune::use_commune;
use crate::components::qr_svg::QrSvg;
use crate::i18n::Pick;

#[derive(Properties, PartialEq)]
pub struct HandoffButtonProps {
    /// The link to hand over: absolute, or a path such as `/g/<id>/`
    /// (completed with the page's origin when the code is shown). The
    /// commune profile in use rides along as `?c=` so the resident's phone
    /// shows the same help point.
    pub url: AttrValue,
    /// What the link opens (the guide's title), shown above the code.
    pub title: AttrValue,
}

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

#[function_component]
pub fn HandoffButton(props: &HandoffButtonProps) -> Html {
    let lang = use_app().lang();
    let commune = use_commune();
    // The link being shown; None while closed.
    let shown = use_state(|| None::<String>);
    let opener = use_node_ref();
    let close_button = use_node_ref();

    let open = {
        let shown = shown.clone();
        let url = props.url.clone();
        let code = commune
            .profile
            .as_ref()
            .and_then(|p| encode_profile(p).ok());
        Callback::from(move |_: MouseEvent| {
            let code = code.as_ref().map(|c| c.as_str());
            shown.set(Some(handoff_link(&url, &browser::origin(), code)));
        })
    };
    let close = {
        let shown = shown.clone();
        Callback::from(move |_: ()| shown.set(None))
    };
    let was_open = use_mut_ref(|| false);
    {
        let (close_button, opener) = (close_button.clone(), opener.clone());
        // After the DOM has changed: into the dialog when it opens, back to the
        // button that opened it when it closes, as a dialog should.
        use_effect_with(shown.is_some(), move |open| {
            let target = if *open {
                Some(close_button)
            } else if *was_open.borrow() {
                Some(opener)
            } else {
                None
            };
            *was_open.borrow_mut() = *open;
            if let Some(button) = target.and_then(|node| node.cast::<HtmlElement>()) {
                let _ = button.focus();
            }
        });
    }
    let onkeydown = {
        let close = close.clone();
        let close_button = close_button.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Escape" => {
                event.prevent_default();
                close.emit(());
            }
            // "Đóng" is the only control inside: Tab stays on it.
            "Tab" => {
                event.prevent_default();
                if let Some(button) = close_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
            _ => {}
        })
    };
    let overlay = shown.as_ref().map(|link| {
        let onclick = close.reform(|_: MouseEvent| ());
        html! {
            <div class="handoff" role="dialog" aria-modal="true" tabindex="-1"
                aria-label={lang.pick("Mã QR để mở trên điện thoại khác", "QR code to open on another phone")}
                {onkeydown}>
                <p class="handoff-title">{ props.title.clone() }</p>
                <QrSvg text={AttrValue::from(link.clone())} ec_level={EcLevel::M}
                    label={lang.pick("Mã QR của đường dẫn bên dưới", "QR code of the link below")} />
                <p class="handoff-hint">{ lang.pick(
                    "Mở camera trên điện thoại của bạn và quét mã này để xem tiếp hướng dẫn.",
                    "Open the camera on your phone and scan this code to continue the guide.",
                ) }</p>
                <p class="handoff-link">{ display_link(link) }</p>
                <button type="button" class="big" ref={close_button} {onclick}>
                    { lang.pick("Đóng", "Close") }
                </button>
            </div>
        }
    });
    html! {
        <>
            <button type="button" class="secondary handoff-open no-print" ref={opener} onclick={open}>
                { lang.pick("Hiện mã QR", "Show QR code") }
            </button>
            { for overlay }
        </>
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
