//! “In tờ hướng dẫn” on a guide: prints the guide for a resident without a smartphone, on
//! A4 in large type (one page, two for a long guide): every step with its text, the help
//! points and a QR code a relative's phone can scan. The sheet is drawn only when asked
//! for and the print rules (`web/style.css`, “Handout”) then print it alone; after
//! printing it goes away, so the guide's own “In hướng dẫn” prints the guide as before.
//!
//! The code leads to the guide, with a verified help point's short id: the resident's
//! bundle has no profile encoder, and the help point is printed on the sheet anyway.

use sotay_guides::Guide;
use sotay_poster::{BaseUrl, EcLevel, display_link, guide_url, verified_guide_url};
use yew::prelude::*;

use crate::browser;
use crate::commune::{HelpPoint, Provenance, use_commune};
use crate::components::guide_step::paragraphs;
use crate::components::help_points::{HelpPointList, help_points};
use crate::components::qr_svg::QrSvg;
use crate::context::use_app;
use crate::i18n::ui;
use crate::route::{base_path, use_router};

/// The guide's link for the sheet's QR code.
fn handout_link(base: &BaseUrl, guide_id: &str, help: Option<&HelpPoint>) -> String {
    match help.map(|help| &help.provenance) {
        Some(Provenance::Verified { id, .. }) => verified_guide_url(base, Some(guide_id), id),
        _ => guide_url(base, Some(guide_id), None),
    }
}

#[derive(Properties, PartialEq)]
pub struct HandoutPrintProps {
    pub guide: &'static Guide,
}

#[function_component]
pub fn HandoutPrint(props: &HandoutPrintProps) -> Html {
    let lang = use_app().lang();
    let guide = props.guide;
    let commune = use_commune();
    let route = use_router().route;
    // Each tap asks for one print, once the sheet is on the page.
    let requests = use_state(|| 0u32);
    let shown = use_state(|| false);
    {
        let shown = shown.clone();
        use_effect_with(*requests, move |requests| {
            let listener = (*requests > 0)
                .then(|| browser::on_window_event("afterprint", move || shown.set(false)));
            if *requests > 0 {
                browser::print();
            }
            move || drop(listener)
        });
    }
    let onclick = {
        let (requests, shown) = (requests.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            shown.set(true);
            requests.set(*requests + 1);
        })
    };
    let button = html! {
        <div class="handout-open no-print">
            <button type="button" class="secondary handout-print" {onclick}>{ ui::handout::OPEN_BUTTON.get(lang) }</button>
            <p class="hint">{ ui::handout::OPEN_HINT.get(lang) }</p>
        </div>
    };
    if !*shown {
        return button;
    }
    let base = BaseUrl::parse(&format!("{}{}", browser::origin(), base_path())).ok();
    let link = base.map(|base| handout_link(&base, &guide.id, commune.help.as_ref()));
    let points = help_points(&commune, &route);
    let steps = guide.steps.iter().map(|step| {
        html! {
            <li class="handout-step">
                <h3>{ step.title.clone() }</h3>
                { paragraphs(&step.text) }
                if let Some(warning) = &step.warning {
                    <p class="handout-warning">
                        <strong>{ ui::handout::WARNING_LABEL.get(lang) }</strong>{ " " }{ warning.clone() }
                    </p>
                }
            </li>
        }
    });
    html! {
        <>
            { button }
            <section class="handout" lang={guide.lang.code()}>
                <header class="handout-head">
                    <div>
                        <h2 class="handout-title">{ guide.title.clone() }</h2>
                        <p class="handout-intro">{ ui::handout::INTRO.get(lang) }</p>
                    </div>
                    if let Some(link) = link {
                        <figure class="handout-qr">
                            <QrSvg text={AttrValue::from(link.clone())} ec_level={EcLevel::Q}
                                label={ui::handout::QR_LABEL.get(lang)} />
                            <figcaption>{ ui::handout::QR_CAPTION.get(lang) }</figcaption>
                            <p class="handout-link">{ display_link(&link).to_owned() }</p>
                        </figure>
                    }
                </header>
                <ol class="handout-steps">{ for steps }</ol>
                <div class="handout-help">
                    if points.is_empty() {
                        <p><strong>{ ui::handout::HELP_HEADING.get(lang) }</strong>{ " " }{ guide.help.clone() }</p>
                    } else {
                        <HelpPointList {points} />
                    }
                </div>
            </section>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sotay_poster::CommuneProfile;

    #[test]
    fn the_code_names_only_a_verified_help_point() {
        let base = BaseUrl::parse("https://sotay.example.vn/").unwrap();
        let help = |provenance| HelpPoint {
            profile: CommuneProfile::new("Xã Tân Phú"),
            provenance,
        };
        assert_eq!(
            handout_link(&base, "kich-hoat-vneid", Some(&help(Provenance::Saved))),
            "https://sotay.example.vn/g/kich-hoat-vneid/"
        );
        let verified = help(Provenance::Verified {
            id: "tan-phu".into(),
            deployer: "Sở KH&CN".into(),
        });
        assert_eq!(
            handout_link(&base, "kich-hoat-vneid", Some(&verified)),
            "https://sotay.example.vn/g/kich-hoat-vneid/?x=tan-phu"
        );
    }
}
