//! “Quét CCCD” (`/quet/`): read the QR code of an identity card on this phone and
//! show what it says.
//!
//! Every reader (camera, photo, text box) hands the decoded text to one
//! `Callback<String>`; the page parses it with `sotay_cccd::parse` and shows the
//! result. Privacy: the text and the reading live only in this component's state.
//! “Xóa” drops them, and so does leaving the screen (the state is dropped with the
//! component) or the page (`pagehide`, before the back-forward cache can keep
//! it). Nothing here writes to storage, the URL, history or the console.

use sotay_cccd::{Date, Reading};
use yew::prelude::*;

use crate::browser;
use crate::components::camera_reader::CameraReader;
use crate::components::card_result::{CardResult, RESULT_HEADING_ID};
use crate::components::photo_reader::PhotoReader;
use crate::components::text_input_reader::TextInputReader;
use crate::context::use_app;
use crate::i18n::ui;

const HEADING_ID: &str = "quet-tieu-de";

/// Today's local date, for the age and the renewal date. The browser's clock always
/// gives a real date; a clock set beyond year 9999 falls back to the build's year.
fn today() -> Option<Date> {
    let (year, month, day) = browser::today();
    Date::new(year, month, day).or_else(|| Date::new(2026, 1, 1))
}

/// How many times the readers were replaced by fresh, empty ones.
#[derive(Default, PartialEq)]
struct Generation(u32);

impl Reducible for Generation {
    type Action = ();
    fn reduce(self: std::rc::Rc<Self>, _: ()) -> std::rc::Rc<Self> {
        std::rc::Rc::new(Generation(self.0 + 1))
    }
}

#[function_component]
pub fn ScanPage() -> Html {
    let app = use_app();
    let lang = app.lang();
    let reading = use_state(|| None::<Reading>);
    // Bumped by “Xóa” and on leaving the page: readers are mounted with this as
    // their key, so a new, empty reader replaces the old one and nothing typed survives.
    let generation = use_reducer(Generation::default);
    // Bumped by each reading, to move the focus to the result once it is on screen.
    let readings = use_state(|| 0u32);
    let cleared = use_state(|| false);

    {
        // Leaving for another page: the browser may keep this one frozen in its
        // back-forward cache and show it again on Back. Drop the card (and stop
        // the camera) before that, and again should a kept page come back.
        let (reading, generation, cleared) = (reading.clone(), generation.clone(), cleared.clone());
        use_effect_with((), move |_| {
            let forget = move || {
                reading.set(None);
                generation.dispatch(());
                cleared.set(false);
            };
            let on_hide = browser::on_window_event("pagehide", forget.clone());
            let on_show = browser::on_page_restored(forget);
            move || drop((on_hide, on_show))
        });
    }

    use_effect_with(*readings, |readings| {
        if *readings > 0 {
            browser::focus(RESULT_HEADING_ID);
        }
    });

    // Any reader — camera, photo or text box — emits the decoded text here.
    let on_text = {
        let reading = reading.clone();
        let readings = readings.clone();
        let cleared = cleared.clone();
        Callback::from(move |text: String| {
            let Some(today) = today() else { return };
            reading.set(Some(sotay_cccd::parse(&text, today)));
            cleared.set(false);
            readings.set(*readings + 1);
        })
    };
    let clear = {
        let reading = reading.clone();
        let generation = generation.clone();
        let cleared = cleared.clone();
        Callback::from(move |_: MouseEvent| {
            reading.set(None);
            generation.dispatch(());
            cleared.set(true);
            browser::focus(HEADING_ID);
        })
    };

    let result = match &*reading {
        Some(reading) => html! {
            <>
                <CardResult reading={reading.clone()} />
                <div class="actions">
                    <button type="button" class="button danger big" onclick={clear.clone()}>
                        { ui::scan::CLEAR.get(lang) }
                        <span class="visually-hidden">{ ui::scan::RESULT_AND_TEXT_READ.get(lang) }</span>
                    </button>
                </div>
            </>
        },
        None => Html::default(),
    };
    let status = if *cleared {
        ui::scan::RESULT_AND_CODES_TEXT_WERE.get(lang)
    } else {
        ""
    };

    html! {
        <article class="page scan-page">
            <h1 id={HEADING_ID} tabindex="-1">{ ui::scan::SCAN_QR_CODE_ON_ID.get(lang) }</h1>
            <p class="lead">{ ui::scan::CODE_IS_READ.get(lang) }</p>
            if app.prerendered {
                <p class="hint no-js">{ ui::scan::LOADING_APP_READING_CODE_NEEDS.get(lang) }</p>
            }
            <p class="visually-hidden" aria-live="polite">{ status }</p>
            { result }
            if reading.is_none() {
                // Left out while a result is shown, so the camera stops.
                <div class="scan-readers">
                    <CameraReader on_text={on_text.clone()} key={format!("camera-{}", generation.0)} />
                    <PhotoReader on_text={on_text.clone()} key={format!("photo-{}", generation.0)} />
                </div>
            }
            <section class="paste-reader" aria-labelledby="doc-bang-chu">
                <h2 id="doc-bang-chu">{ ui::scan::PASTE_OR_TYPE_CODES_TEXT.get(lang) }</h2>
                <TextInputReader key={generation.0} on_text={on_text} />
            </section>
        </article>
    }
}
