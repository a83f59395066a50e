//! The photo reader of “Quét CCCD”: choose or take a photo of the card and
//! read its QR code in the scan worker.
//!
//! Phone photos (12 MP and more) are shrunk to at most 1600 px on the longer
//! side before decoding; very large files are refused before they are read,
//! and pictures over 50 megapixels (a “PNG bomb”: a small file that unpacks to
//! gigabytes) are refused from their header, before the browser decodes them.
//! The picture is decoded before the scan worker is started, so a file that is
//! not a readable picture never reaches the worker.
//! Privacy: the photo and the decoded text stay in memory; the text goes to
//! `on_text` and nowhere else.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{Blob, File, HtmlInputElement, ImageBitmap};
use yew::prelude::*;

use crate::context::use_app;
use sotay_scan::frame::{
    HEADER_BYTES, PHOTO_MAX_BYTES, PHOTO_MAX_SIDE, fit_within, header_dimensions, too_many_pixels,
};
use sotay_scan::protocol::{Outcome as Decoded, Reply, Request};

use crate::components::scan_worker::{FrameGrabber, FrameRequest, ScanWorker, WorkerEvent};
use crate::i18n::{Lang, ui};

#[derive(Properties, PartialEq)]
pub struct PhotoReaderProps {
    /// Gets the text of the first code read.
    pub on_text: Callback<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Outcome {
    Idle,
    Reading,
    Empty,
    TooBig,
    NotImage,
    Damaged,
    NoCode,
    NoDecoder,
    /// More than `PHOTO_MAX_PIXELS`: width × height.
    TooManyPixels(u32, u32),
}

fn message(outcome: Outcome, lang: Lang) -> (String, Vec<&'static str>) {
    let retake = ui::photo_reader::TAKE_PHOTO_CLOSER_CARD_FLAT.get(lang);
    let type_in = ui::photo_reader::OR_TYPE_CODES_TEXT_BELOW.get(lang);
    let (title, steps) = match outcome {
        Outcome::TooManyPixels(width, height) => {
            let title = ui::photo_reader::too_many_pixels(lang, width, height);
            return (title, vec![type_in]);
        }
        Outcome::Idle => ("", vec![]),
        Outcome::Reading => (ui::photo_reader::READING_PHOTO.get(lang), vec![]),
        Outcome::Empty => (
            ui::photo_reader::FILE_IS_EMPTY_0_BYTES.get(lang),
            vec![ui::photo_reader::CHOOSE_OR_TAKE_ANOTHER_PHOTO.get(lang)],
        ),
        Outcome::TooBig => (
            ui::photo_reader::PHOTO_IS_TOO_LARGE_OVER.get(lang),
            vec![ui::photo_reader::TAKE_IT_WITH_PHONES_NORMAL.get(lang)],
        ),
        Outcome::NotImage => (
            ui::photo_reader::THIS_FILE_IS_NOT_PICTURE.get(lang),
            vec![ui::photo_reader::CHOOSE_JPG_OR_PNG_PHOTO.get(lang)],
        ),
        Outcome::Damaged => (
            ui::photo_reader::PHOTO_COULD_NOT_BE_OPENED.get(lang),
            vec![
                ui::photo_reader::TAKE_PHOTO_AGAIN_OR_DOWNLOAD.get(lang),
                type_in,
            ],
        ),
        Outcome::NoCode => (
            ui::photo_reader::NO_READABLE_QR_CODE.get(lang),
            vec![retake, type_in],
        ),
        Outcome::NoDecoder => (
            ui::photo_reader::THIS_BROWSER_CANNOT_RUN_CODE.get(lang),
            vec![type_in],
        ),
    };
    (title.to_owned(), steps)
}

/// The first bytes of `file`, for `header_dimensions`; empty if unreadable.
async fn header_bytes(file: &File) -> Vec<u8> {
    let blob: &Blob = file;
    let Ok(head) = blob.slice_with_f64_and_f64(0.0, f64::from(HEADER_BYTES)) else {
        return Vec::new();
    };
    match JsFuture::from(head.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => Vec::new(),
    }
}

/// Decodes the photo into request `id` for the worker, its frame at most
/// `PHOTO_MAX_SIDE` on its longer side, refusing pictures over
/// `PHOTO_MAX_PIXELS` (from the header when it can be read, so the browser
/// never unpacks them).
async fn photo_request(file: &File, id: u32) -> Result<FrameRequest, Outcome> {
    if let Some((width, height)) = header_dimensions(&header_bytes(file).await)
        && too_many_pixels(width, height)
    {
        return Err(Outcome::TooManyPixels(width, height));
    }
    let promise = gloo::utils::window()
        .create_image_bitmap_with_blob(file)
        .map_err(|_| Outcome::Damaged)?;
    let bitmap: ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(|_| Outcome::Damaged)?
        .unchecked_into();
    // Other types (WebP, HEIC, …): checked after decoding, before drawing.
    if too_many_pixels(bitmap.width(), bitmap.height()) {
        let size = Outcome::TooManyPixels(bitmap.width(), bitmap.height());
        bitmap.close();
        return Err(size);
    }
    let (width, height) = fit_within(bitmap.width(), bitmap.height(), PHOTO_MAX_SIDE);
    let Some(grabber) = FrameGrabber::new() else {
        bitmap.close();
        return Err(Outcome::NoDecoder);
    };
    let request = Request::photo(id, width, height);
    let frame = grabber.grab(request, |context| {
        context.set_image_smoothing_enabled(true);
        context.draw_image_with_image_bitmap_and_dw_and_dh(
            &bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
    });
    bitmap.close();
    let (request, _) = frame.ok_or(Outcome::Damaged)?;
    Ok(request)
}

/// The reader's shared bookkeeping, kept across photos and read by the
/// worker's callback (which outlives any one render).
#[derive(Default)]
struct Session {
    /// The worker, started at the first decoded photo.
    worker: RefCell<Option<ScanWorker>>,
    /// Set when the worker reported an error: the next photo starts a fresh one.
    worker_broken: Cell<bool>,
    /// The latest photo's number; older photos' answers are ignored.
    current: Cell<u32>,
    /// The photo number waiting for the worker's answer, 0 for none.
    pending: Cell<u32>,
}

impl Session {
    /// The worker's answer: settles the pending photo, if it is the latest.
    fn on_event(
        &self,
        event: WorkerEvent,
        outcome: &UseStateHandle<Outcome>,
        on_text: &Callback<String>,
    ) {
        let pending = self.pending.get();
        let Reply { id, outcome: read } = match event {
            WorkerEvent::Reply(reply) => reply,
            WorkerEvent::Failed => {
                // Never reuse it, and settle whatever was waiting for it
                // (an image message already shown stays).
                self.worker_broken.set(true);
                if pending != 0 && pending == self.current.get() {
                    self.pending.set(0);
                    outcome.set(Outcome::NoDecoder);
                }
                return;
            }
        };
        if pending == 0 || id != pending || pending != self.current.get() {
            return;
        }
        self.pending.set(0);
        match read {
            Decoded::Read(text) => {
                outcome.set(Outcome::Idle);
                on_text.emit(text);
            }
            Decoded::Unread(_) | Decoded::BadFrame => outcome.set(Outcome::NoCode),
        }
    }
}

/// Sends the decoded photo `id` to the worker, starting a fresh worker if
/// none runs or the last one failed; false if it could not be sent.
fn send_to_worker(
    session: &Rc<Session>,
    id: u32,
    request: FrameRequest,
    outcome: &UseStateHandle<Outcome>,
    on_text: &Callback<String>,
) -> bool {
    if session.worker_broken.get() || session.worker.borrow().is_none() {
        // Dropping the old worker ends it; its late messages are not heard.
        session.worker.borrow_mut().take();
        session.worker_broken.set(false);
        let weak = Rc::downgrade(session);
        let outcome = outcome.clone();
        let on_text = on_text.clone();
        let started = ScanWorker::start(move |event| {
            if let Some(session) = weak.upgrade() {
                session.on_event(event, &outcome, &on_text);
            }
        });
        *session.worker.borrow_mut() = started;
    }
    session.pending.set(id);
    let sent = session
        .worker
        .borrow()
        .as_ref()
        .is_some_and(|worker| worker.post(request));
    if !sent {
        session.pending.set(0);
    }
    sent
}

#[function_component]
pub fn PhotoReader(props: &PhotoReaderProps) -> Html {
    let lang = use_app().lang();
    let outcome = use_state(|| Outcome::Idle);
    let session = use_memo((), |_| Session::default());
    // The file input is remembered by the browser; clearing it lets the same photo be chosen again.
    let input = use_node_ref();

    let on_change = {
        let outcome = outcome.clone();
        let session = Rc::clone(&session);
        let on_text = props.on_text.clone();
        let input = input.clone();
        Callback::from(move |_: Event| {
            let Some(element) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = element.files().and_then(|files| files.get(0)) else {
                return;
            };
            element.set_value("");
            // A new photo supersedes any earlier one still being read.
            let id = session.current.get().wrapping_add(1).max(1);
            session.current.set(id);
            session.pending.set(0);
            let size = file.size();
            if size <= 0.0 {
                outcome.set(Outcome::Empty);
                return;
            }
            if size > PHOTO_MAX_BYTES as f64 {
                outcome.set(Outcome::TooBig);
                return;
            }
            // Some phones give no type; then the picture decoder decides.
            let kind = file.type_();
            let said_image = kind.is_empty() || kind.starts_with("image/");
            if !said_image {
                outcome.set(Outcome::NotImage);
                return;
            }
            outcome.set(Outcome::Reading);
            let outcome = outcome.clone();
            let session = Rc::clone(&session);
            let on_text = on_text.clone();
            spawn_local(async move {
                // Decode first: a file that is not a readable picture never
                // reaches (or starts) the worker.
                let decoded = photo_request(&file, id).await;
                if session.current.get() != id {
                    return;
                }
                match decoded {
                    Ok(request) => {
                        if !send_to_worker(&session, id, request, &outcome, &on_text) {
                            outcome.set(Outcome::NoDecoder);
                        }
                    }
                    Err(problem) => outcome.set(problem),
                }
            });
        })
    };

    let (title, steps) = message(*outcome, lang);
    let is_problem = !matches!(*outcome, Outcome::Idle | Outcome::Reading);
    html! {
        <section class="photo-reader" aria-labelledby="quet-anh">
            <h2 id="quet-anh">{ ui::photo_reader::CHOOSE_PHOTO.get(lang) }</h2>
            <label for="qr-photo" class="photo-label">
                { ui::photo_reader::TAKE_OR_CHOOSE_PHOTO.get(lang) }
            </label>
            <input id="qr-photo" class="photo-input" type="file" accept="image/*" capture="environment" ref={input} onchange={on_change} />
            <div aria-live="polite">
                if is_problem {
                    <div class="banner error photo-problem" role="alert">
                        <p><strong>{ title }</strong></p>
                        <ul>{ for steps.into_iter().map(|step| html! { <li>{ step }</li> }) }</ul>
                    </div>
                } else if *outcome == Outcome::Reading {
                    <p class="hint">{ title }</p>
                }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_too_large_message_names_the_size() {
        let (title, _) = message(Outcome::TooManyPixels(16_000, 16_000), Lang::Vi);
        assert_eq!(
            title,
            "Ảnh quá lớn (16000 × 16000 điểm ảnh). Hãy chụp lại hoặc chọn ảnh nhỏ hơn."
        );
    }
}
