//! Section 4 of the poster builder: the preview, the links, download and print.

use sotay_poster::{Layout, display_link, max_scan_distance_cm};
use yew::prelude::*;

use super::spec::Built;
use crate::browser;
use crate::context::use_app;
use crate::i18n::{Lang, ui};

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// None before the page has loaded.
    pub built: Option<std::rc::Rc<Result<Built, String>>>,
    /// The SVG's `blob:` URL, once drawn.
    pub url: Option<String>,
    /// The image has loaded (or failed) its URL: the URLs it replaced can go.
    pub on_shown: Callback<Event>,
    pub layout: Layout,
}

/// "12,5" in Vietnamese, "12.5" in English: one decimal.
fn decimal(value: f64, lang: Lang) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

#[function_component]
pub fn PosterPreview(props: &PreviewProps) -> Html {
    let lang = use_app().lang();
    let body = match props.built.as_deref() {
        None => html! { <p class="hint">{ ui::poster::PREVIEW_NEEDS_JS.get(lang) }</p> },
        Some(Err(message)) => html! {
            <p class="banner error poster-problem">{ message.clone() }</p>
        },
        Some(Ok(built)) => html! {
            <>
                <p class="poster-link">
                    { ui::poster::SHORT_LINK.get(lang) }
                    <strong class="poster-short-link">{ display_link(&built.url) }</strong>
                </p>
                <details class="poster-full-link no-print">
                    <summary>{ ui::poster::FULL_LINK.get(lang) }</summary>
                    <p><code>{ built.url.as_str() }</code></p>
                </details>
                { page_view(built, props.url.as_deref(), &props.on_shown, props.layout, lang) }
            </>
        },
    };
    html! {
        <section class="poster-result" aria-labelledby="poster-preview-heading">
            <h2 id="poster-preview-heading" class="no-print">{ ui::poster::PREVIEW_HEADING.get(lang) }</h2>
            <div class="poster-status" aria-live="polite">{ body }</div>
        </section>
    }
}

fn page_view(
    built: &Built,
    url: Option<&str>,
    on_shown: &Callback<Event>,
    layout: Layout,
    lang: Lang,
) -> Html {
    let page = match (&built.page, url) {
        (Err(message), _) => {
            return html! { <p class="banner error poster-problem">{ message.clone() }</p> };
        }
        (Ok(_), None) => return html! { <p class="hint">{ ui::poster::DRAWING.get(lang) }</p> },
        (Ok(page), Some(_)) => page,
    };
    let url = url.unwrap_or_default().to_owned();
    let width_cm = page.qr_width_mm / 10.0;
    let distance_m = max_scan_distance_cm(page.qr_width_mm) / 100.0;
    let note = ui::poster::scan_note(lang, decimal(width_cm, lang), decimal(distance_m, lang));
    let sheet_class = classes!(
        "poster-preview",
        "poster-sheet",
        format!("layout-{}", layout.slug())
    );
    let print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <>
            <figure class={sheet_class}>
                <img class="poster-image" src={url.clone()} alt={ui::poster::PREVIEW_ALT.get(lang)}
                    onload={on_shown.clone()} onerror={on_shown.clone()} />
            </figure>
            <p class="poster-scan-note">{ note }</p>
            <div class="actions no-print">
                <a class="button poster-download" href={url} download={built.file_name.clone()}>
                    { ui::poster::DOWNLOAD.get(lang) }
                </a>
                <button type="button" class="secondary poster-print" onclick={print}>
                    { ui::poster::PRINT.get(lang) }
                </button>
            </div>
            <p class="hint no-print">{ ui::poster::PRINT_HINT.get(lang) }</p>
        </>
    }
}
