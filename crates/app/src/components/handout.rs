//! “In tờ hướng dẫn” on a guide: prints the guide for a resident without a smartphone, on
//! A4 in large type (one page, two for a long guide): every step with its text, the help
//! points and a QR code a relative's phone can scan. The sheet is drawn only when asked
//! for and the print rules (`web/style.css`, “Handout”) then print it alone; after
//! printing it goes away, so the guide's own “In hướng dẫn” prints the guide as before.
//!
//! The code is the guide's plain link, drawn at build time (`xtask/src/guide_qr.rs`,
//! `<base>/qr/<id>.svg`) so the resident's bundle carries no QR generator; the help
//! point is printed on the sheet as text. The sheet prints once the image has loaded or
//! failed (offline: it is not precached); without it the short link is still written out.

use sotay_guides::Guide;
use sotay_poster::{BaseUrl, display_link, guide_url};
use yew::prelude::*;

use crate::browser;
use crate::commune::use_commune;
use crate::components::guide_step::paragraphs;
use crate::components::help_points::{HelpPointList, help_points};
use crate::context::use_app;
use crate::i18n::ui;
use crate::route::{base_path, use_router};

/// Where the build wrote the guide's QR code (`xtask/src/guide_qr.rs`).
fn qr_image_path(base_path: &str, guide_id: &str) -> String {
    format!("{base_path}qr/{guide_id}.svg")
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
    // The QR image has loaded or failed: only then is the sheet complete.
    let qr_settled = use_state(|| false);
    let qr_failed = use_state(|| false);
    let base = BaseUrl::parse(&format!("{}{}", browser::origin(), base_path())).ok();
    let link = base.map(|base| guide_url(&base, Some(&guide.id), None));
    {
        let shown = shown.clone();
        // Without a link there is no image to wait for.
        let complete = *qr_settled || link.is_none();
        use_effect_with((*requests, complete), move |(requests, complete)| {
            let ready = *requests > 0 && *complete;
            let listener =
                ready.then(|| browser::on_window_event("afterprint", move || shown.set(false)));
            if ready {
                browser::print();
            }
            move || drop(listener)
        });
    }
    let onclick = {
        let (requests, shown) = (requests.clone(), shown.clone());
        let (qr_settled, qr_failed) = (qr_settled.clone(), qr_failed.clone());
        Callback::from(move |_: MouseEvent| {
            qr_settled.set(false);
            qr_failed.set(false);
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
    let onload = {
        let qr_settled = qr_settled.clone();
        Callback::from(move |_: Event| qr_settled.set(true))
    };
    let onerror = {
        let (qr_settled, qr_failed) = (qr_settled.clone(), qr_failed.clone());
        Callback::from(move |_: Event| {
            qr_failed.set(true);
            qr_settled.set(true);
        })
    };
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
                            if !*qr_failed {
                                <img class="qr-svg" src={qr_image_path(base_path(), &guide.id)}
                                    alt={ui::handout::QR_LABEL.get(lang)} {onload} {onerror} />
                                <figcaption>{ ui::handout::QR_CAPTION.get(lang) }</figcaption>
                            }
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

    #[test]
    fn the_code_is_the_file_the_build_writes() {
        assert_eq!(
            qr_image_path("/sotay/", "kich-hoat-vneid"),
            "/sotay/qr/kich-hoat-vneid.svg"
        );
    }
}
