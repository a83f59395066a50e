//! The QR decoder's Web Worker, as the camera and photo readers see it.
//!
//! The decoder is its own WASM module (`crates/scan-worker`), started only when
//! a reader needs it, so it never weighs on the app's first download, and it
//! decodes off the main thread, so the screen never freezes. Its script's URL
//! comes from `<meta name="sotay-scan-worker">`, written by `cargo xtask dist`.
//! Messages are `sotay_scan::protocol` bytes, the same code as the worker's.
//! Privacy: decoded text is handed to the reader's callback and nowhere else.

use js_sys::{Array, Object, Reflect, Uint8Array, Uint8ClampedArray};
use sotay_scan::frame::{Thumbnail, thumbnail};
use sotay_scan::protocol::{Reply, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, MessageEvent, Worker};

use crate::browser;

/// What a reader hears from its worker.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerEvent {
    /// The answer about one frame.
    Reply(Reply),
    /// The worker failed (did not load, crashed, or said something that is
    /// not a reply): it must not be used again, and whatever waits for it
    /// must be settled. The one way a failed worker shows.
    Failed,
}

/// A running decoder worker; dropping it ends the worker.
pub struct ScanWorker {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl ScanWorker {
    /// Starts the worker; `on_event` hears every answer and a failure.
    /// `None` when the page has no worker URL (a pre-rendered page without
    /// the build's meta tag) or the browser refuses to start workers.
    pub fn start(on_event: impl Fn(WorkerEvent) + Clone + 'static) -> Option<ScanWorker> {
        let url = browser::meta_content("sotay-scan-worker").filter(|url| !url.is_empty())?;
        let worker = Worker::new(&url).ok()?;
        let on_message = {
            let on_event = on_event.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let bytes = Uint8Array::new(&event.data()).to_vec();
                on_event(Reply::decode(&bytes).map_or(WorkerEvent::Failed, WorkerEvent::Reply))
            })
        };
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| {
            on_event(WorkerEvent::Failed)
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        Some(ScanWorker {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a request: its buffers move to the worker (transferred, not
    /// copied), so it is taken by value.
    pub fn post(&self, request: FrameRequest) -> bool {
        let header = Uint8Array::from(&request.header[..]).buffer();
        let rgba = request.rgba.buffer();
        self.worker
            .post_message_with_transfer(&Array::of2(&header, &rgba), &Array::of2(&header, &rgba))
            .is_ok()
    }
}

impl Drop for ScanWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.set_onmessageerror(None);
        self.worker.terminate();
    }
}

pub(crate) fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a plain object we made cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// A request for the worker: its header and the frame's RGBA as the canvas
/// gave it (never copied into this WASM: the worker turns it into luma).
pub struct FrameRequest {
    header: [u8; sotay_scan::protocol::REQUEST_HEADER],
    rgba: Uint8ClampedArray,
}

/// A canvas kept off-screen to read pixels from video frames and photos.
pub struct FrameGrabber {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

impl FrameGrabber {
    pub fn new() -> Option<FrameGrabber> {
        let canvas: HtmlCanvasElement = gloo::utils::document()
            .create_element("canvas")
            .ok()?
            .dyn_into()
            .ok()?;
        let options = Object::new();
        // Pixels are read back every frame: keep the canvas in CPU memory.
        set(&options, "willReadFrequently", &JsValue::TRUE);
        let context = canvas
            .get_context_with_context_options("2d", &options)
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(FrameGrabber { canvas, context })
    }

    /// Draws `draw` at the request's size and returns the request for the
    /// worker and the frame's thumbnail.
    pub fn grab(
        &self,
        request: Request,
        draw: impl FnOnce(&CanvasRenderingContext2d) -> Result<(), JsValue>,
    ) -> Option<(FrameRequest, Thumbnail)> {
        if request.width == 0 || request.height == 0 {
            return None;
        }
        self.canvas.set_width(request.width);
        self.canvas.set_height(request.height);
        draw(&self.context).ok()?;
        let image = self
            .context
            .get_image_data(
                0.0,
                0.0,
                f64::from(request.width),
                f64::from(request.height),
            )
            .ok()?;
        // `ImageData::data` would copy every pixel into this module; the
        // JavaScript array is read where it is.
        let rgba: Uint8ClampedArray = Reflect::get(&image, &JsValue::from_str("data"))
            .ok()?
            .dyn_into()
            .ok()?;
        let pixel = |index: usize| {
            let at = u32::try_from(index).ok()?.checked_mul(4)?;
            (at + 2 < rgba.length()).then(|| {
                [
                    rgba.get_index(at),
                    rgba.get_index(at + 1),
                    rgba.get_index(at + 2),
                ]
            })
        };
        let thumb = thumbnail(request.width as usize, request.height as usize, pixel);
        let header = request.header();
        Some((FrameRequest { header, rgba }, thumb))
    }
}
