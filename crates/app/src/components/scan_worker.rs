//! The QR decoder's Web Worker, as the camera and photo readers see it.
//!
//! The decoder is its own WASM module (`crates/scan-worker`), started only when
//! a reader needs it, so it never weighs on the app's first download, and it
//! decodes off the main thread, so the screen never freezes. Its script's URL
//! comes from `<meta name="sotay-scan-worker">`, written by `cargo xtask dist`.
//! Privacy: decoded text is handed to the reader's callback and nowhere else.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, MessageEvent, Worker};

use crate::browser;

/// One code read in a frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub text: String,
}

/// The worker's answer about one frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reply {
    /// The `id` the frame was posted with.
    pub id: u32,
    pub found: Vec<Found>,
    /// Codes seen but not read (too small or blurred).
    pub unread: u32,
    /// Decoding time in the worker.
    pub ms: f64,
    /// The worker could not run (failed to load) or the frame was malformed.
    pub failed: bool,
    /// The worker itself raised an `error` event (not an answer to a frame):
    /// it must not be used again, and whatever waits for it must be settled.
    pub worker_failed: bool,
}

/// A running decoder worker; dropping it ends the worker.
pub struct ScanWorker {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl ScanWorker {
    /// Starts the worker; `on_reply` gets every answer. `None` when the page
    /// has no worker URL (a pre-rendered page without the build's meta tag)
    /// or the browser refuses to start workers.
    pub fn start(on_reply: impl Fn(Reply) + Clone + 'static) -> Option<ScanWorker> {
        let url = browser::meta_content("sotay-scan-worker").filter(|url| !url.is_empty())?;
        let worker = Worker::new(&url).ok()?;
        let on_message = {
            let on_reply = on_reply.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                on_reply(parse_reply(&event.data()))
            })
        };
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| {
            on_reply(Reply {
                failed: true,
                worker_failed: true,
                ..Reply::default()
            })
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(ScanWorker {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a luma frame (moved, not copied, to the worker). `budget` caps the
    /// decoder's work in pixels; 0 = everything it can try (for photos).
    pub fn post(&self, id: u32, width: u32, height: u32, luma: &[u8], budget: u32) -> bool {
        let buffer = Uint8Array::from(luma).buffer();
        let message = Object::new();
        set(&message, "id", &JsValue::from(id));
        set(&message, "width", &JsValue::from(width));
        set(&message, "height", &JsValue::from(height));
        set(&message, "budget", &JsValue::from(budget));
        set(&message, "luma", &buffer);
        let transfer = Array::of1(&buffer);
        self.worker
            .post_message_with_transfer(&message, &transfer)
            .is_ok()
    }
}

impl Drop for ScanWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

fn parse_reply(data: &JsValue) -> Reply {
    let get = |key: &str| Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let found = get("results")
        .dyn_into::<Array>()
        .map(|results| {
            results
                .iter()
                .filter_map(|item| {
                    Reflect::get(&item, &JsValue::from_str("text"))
                        .ok()?
                        .as_string()
                })
                .map(|text| Found { text })
                .collect()
        })
        .unwrap_or_default();
    Reply {
        id: get("id").as_f64().unwrap_or(0.0) as u32,
        found,
        unread: get("unread").as_f64().unwrap_or(0.0) as u32,
        ms: get("ms").as_f64().unwrap_or(0.0),
        failed: get("error").as_string().is_some(),
        worker_failed: false,
    }
}

pub(crate) fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a plain object we made cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// A grayscale copy of an RGBA image, and its mean brightness (0–255).
pub fn luma_of_rgba(rgba: &[u8]) -> (Vec<u8>, f64) {
    let mut sum: u64 = 0;
    let luma: Vec<u8> = rgba
        .chunks_exact(4)
        .map(|p| {
            // BT.601 weights in eighths of 256, like most QR readers.
            let y =
                ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8) as u8;
            sum += u64::from(y);
            y
        })
        .collect();
    let mean = if luma.is_empty() {
        0.0
    } else {
        sum as f64 / luma.len() as f64
    };
    (luma, mean)
}

/// `(width, height)` shrunk to fit `max_side`, keeping the aspect ratio.
pub fn fit_within(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= max_side || longest == 0 {
        return (width, height);
    }
    let scale = f64::from(max_side) / f64::from(longest);
    (
        ((f64::from(width) * scale).round() as u32).max(1),
        ((f64::from(height) * scale).round() as u32).max(1),
    )
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

    /// Draws `draw` at `width × height` and returns (luma, mean brightness).
    pub fn grab(
        &self,
        width: u32,
        height: u32,
        draw: impl FnOnce(&CanvasRenderingContext2d) -> Result<(), JsValue>,
    ) -> Option<(Vec<u8>, f64)> {
        if width == 0 || height == 0 {
            return None;
        }
        self.canvas.set_width(width);
        self.canvas.set_height(height);
        draw(&self.context).ok()?;
        let image = self
            .context
            .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
            .ok()?;
        Some(luma_of_rgba(&image.data()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luma_and_mean() {
        let (luma, mean) = luma_of_rgba(&[255, 255, 255, 255, 0, 0, 0, 255]);
        assert_eq!(luma, vec![255, 0]);
        assert!((mean - 127.5).abs() < 0.01);
        assert_eq!(luma_of_rgba(&[]).1, 0.0);
    }

    #[test]
    fn fitting() {
        assert_eq!(fit_within(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fit_within(720, 1280, 1280), (720, 1280));
        assert_eq!(fit_within(3000, 4000, 1600), (1200, 1600));
        assert_eq!(fit_within(0, 0, 1600), (0, 0));
    }
}
