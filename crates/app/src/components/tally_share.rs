//! Team totals: a volunteer shows a closed month as a QR code (or saves it as a file); the
//! team lead reads it with the app's own readers (camera, photo) or opens the files, and the
//! counts merge once per phone and month. What is read here is only ever parsed as a month of
//! counts (`MonthShare`), never as card data, and is kept only as counts.

use std::rc::Rc;

use sotay_tally::{MonthShare, Period, Tally};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::commune::use_commune;
use crate::components::camera_reader::CameraReader;
use crate::components::photo_reader::PhotoReader;
use crate::components::qr_svg::QrSvg;
use crate::components::tally::{TallyProps, commune_key, load_tally, random_device, today};
use crate::context::use_app;
use crate::i18n::{Lang, ui};

/// Larger files are not a month of counts.
const MAX_FILE_BYTES: f64 = 64.0 * 1024.0;

/// "Hiện mã QR tháng này" and "Lưu tệp tháng này" for the chosen month once it is closed.
#[function_component]
pub fn TallyShareMonth(props: &TallyProps) -> Html {
    let lang = use_app().lang();
    let commune = use_commune();
    let shown = use_state(|| false);
    let status = use_state(String::new);
    let Period::Month(month) = props.period else {
        return html! {};
    };
    if !props.tally.is_closed(month) {
        return html! {
            <section class="tally-share no-print" aria-labelledby="share-heading">
                <h2 id="share-heading">{ ui::tally_share::SHARE_HEADING.get(lang) }</h2>
                <p class="hint">{ ui::tally_share::CLOSE_FIRST.get(lang) }</p>
            </section>
        };
    }
    let key = commune_key(&commune);
    // The team page gives the phone its id when it opens (`TeamTally`), so this is stable.
    let Ok(share) = (*props.tally).clone().share(month, key, random_device) else {
        return html! {};
    };
    let toggle = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(!*shown))
    };
    let save_file = {
        let (text, status) = (share.to_file_text(), status.clone());
        let name = format!("so-luot-ho-tro-{month}-{}.txt", share.device);
        Callback::from(move |_: MouseEvent| {
            let saved = browser::download_text(&name, "text/plain;charset=utf-8", &text);
            status.set(
                if saved {
                    ui::tally_share::FILE_SAVED.get(lang)
                } else {
                    ui::tally_share::DOWNLOAD_REFUSED.get(lang)
                }
                .to_owned(),
            );
        })
    };
    let qr_text = share.to_qr_text();
    html! {
        <section class="tally-share no-print" aria-labelledby="share-heading">
            <h2 id="share-heading">{ ui::tally_share::SHARE_HEADING.get(lang) }</h2>
            <p class="hint">{ ui::tally_share::SHARE_HINT.get(lang) }</p>
            <div class="actions">
                <button type="button" class="show-month-qr" aria-expanded={shown.to_string()} onclick={toggle}>
                    { ui::tally_share::SHOW_QR.get(lang) }
                </button>
                <button type="button" class="secondary save-month-file" onclick={save_file}>{ ui::tally_share::SAVE_FILE.get(lang) }</button>
            </div>
            if *shown {
                <figure class="month-qr" data-payload-length={qr_text.len().to_string()}>
                    <QrSvg text={qr_text.clone()} label={ui::tally_share::qr_label(lang, month.format_vi())} />
                    <figcaption>{ ui::tally_share::qr_caption(lang, month.format_vi(), share.device.display()) }</figcaption>
                </figure>
            }
            <p class="tally-status" role="status" aria-live="polite">{ (*status).clone() }</p>
        </section>
    }
}

/// Merges one text (a QR code's or a file's) and says what happened.
fn merge_text(
    text: &str,
    from_file: bool,
    props: &TallyProps,
    lang: Lang,
    key: Option<sotay_tally::CommuneKey>,
) -> String {
    let read = if from_file {
        MonthShare::from_file_text(text)
    } else {
        MonthShare::from_qr_text(text)
    };
    let share = match read {
        Ok(share) => share,
        Err(error) => return error.message(lang),
    };
    let Some(day) = today() else {
        return ui::tally_share::NO_DATE.get(lang).to_owned();
    };
    let (month, device) = (share.month, share.device);
    let mut next = load_tally();
    next.ensure_device(random_device);
    match next.merge(share, key, day) {
        Ok(outcome) => {
            props.on_change.emit(next);
            outcome.message(lang, month, device)
        }
        Err(error) => error.message(lang),
    }
}

/// The team lead's side: read a volunteer's QR code (camera or photo) or open exported files.
#[function_component]
pub fn TallyMerge(props: &TallyProps) -> Html {
    let lang = use_app().lang();
    let commune = use_commune();
    let key = commune_key(&commune);
    let messages = use_state(Vec::<String>::new);
    let reading = use_state(|| 0u32);
    let on_text = {
        let (props, messages, reading) = (props.clone(), messages.clone(), reading.clone());
        Callback::from(move |text: String| {
            messages.set(vec![merge_text(&text, false, &props, lang, key)]);
            // A fresh reader for the next phone.
            reading.set(*reading + 1);
        })
    };
    let on_files = {
        let (props, messages) = (props.clone(), messages.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(files) = input.files() else {
                return;
            };
            let files: Vec<web_sys::File> =
                (0..files.length()).filter_map(|i| files.get(i)).collect();
            input.set_value("");
            let (props, messages) = (props.clone(), messages.clone());
            spawn_local(async move {
                let mut said = Vec::new();
                for file in files {
                    let name = file.name();
                    let text = if file.size() > MAX_FILE_BYTES {
                        None
                    } else {
                        JsFuture::from(file.text())
                            .await
                            .ok()
                            .and_then(|v| v.as_string())
                    };
                    let message = match text {
                        Some(text) => merge_text(&text, true, &props, lang, key),
                        None => ui::tally_share::FILE_UNREADABLE.get(lang).to_owned(),
                    };
                    said.push(format!("{name}: {message}"));
                }
                messages.set(said);
            });
        })
    };
    let devices = match props.period {
        period @ Period::Month(_) => Some(props.tally.devices_in(period)),
        _ => None,
    };
    html! {
        <section class="tally-merge no-print" aria-labelledby="merge-heading">
            <h2 id="merge-heading">{ ui::tally_share::MERGE_HEADING.get(lang) }</h2>
            <p class="hint">{ ui::tally_share::MERGE_HINT.get(lang) }</p>
            <div class="merge-messages" role="status" aria-live="polite">
                { for messages.iter().map(|m| html! { <p class="merge-message">{ m.clone() }</p> }) }
            </div>
            <CameraReader on_text={on_text.clone()} key={format!("camera-{}", *reading)} />
            <PhotoReader on_text={on_text} key={format!("photo-{}", *reading)} />
            <label for="tally-files">{ ui::tally_share::FILES_LABEL.get(lang) }</label>
            <input type="file" id="tally-files" accept=".txt,text/plain" multiple=true onchange={on_files} />
            if let Some(devices) = devices {
                <DeviceList {devices} tally={props.tally.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DeviceListProps {
    devices: Vec<sotay_tally::DeviceId>,
    tally: Rc<Tally>,
}

/// Which phones the chosen month's totals include (this one marked).
#[function_component]
fn DeviceList(props: &DeviceListProps) -> Html {
    let lang = use_app().lang();
    let own = props.tally.device();
    let items = props.devices.iter().map(|device| {
        html! {
            <li class="merged-device" data-device={device.to_string()}>
                { device.display() }
                if Some(*device) == own { { " " }{ ui::tally_share::THIS_PHONE.get(lang) } }
            </li>
        }
    });
    html! {
        <>
            <h3>{ ui::tally_share::devices_heading(lang, props.devices.len()) }</h3>
            <ul class="merged-devices">{ for items }</ul>
        </>
    }
}
