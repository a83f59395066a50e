//! The QR decoder of `sotay-scan`, exported to JavaScript for `web/scan-worker.js`.
//!
//! It is its own WebAssembly module so the app's main bundle stays small: the
//! scan screen starts a Web Worker that loads it only when the camera starts or
//! a photo is chosen, and decoding never blocks the page. Privacy: the decoded
//! text goes back to the page and nowhere else; nothing here logs it.

use js_sys::{Array, Float32Array, Object, Reflect};
use sotay_scan::{Options, scan_frame};
use wasm_bindgen::prelude::*;

/// Decodes one 8-bit luma frame (`width × height` bytes).
///
/// `work_budget` caps the pixels the decoder's passes may process (0 = the
/// default, every pass on a 720p frame); a camera loop passes less and relies
/// on the next frame. Returns `{ results: [{ text, corners: Float32Array(8) }],
/// unread: number, error?: string }`, where `unread` counts codes seen but
/// not read and `error` is a Vietnamese message for a malformed frame.
#[wasm_bindgen]
pub fn decode_frame(luma: &[u8], width: u32, height: u32, work_budget: u32) -> JsValue {
    let mut options = Options::default();
    if work_budget > 0 {
        options.work_budget = work_budget as usize;
    }
    let reply = Object::new();
    let results = Array::new();
    let mut unread = 0;
    match scan_frame(luma, width as usize, height as usize, &options) {
        Ok(report) => {
            for decoded in report.decoded {
                let item = Object::new();
                let corners: Vec<f32> = decoded.corners.iter().flat_map(|&(x, y)| [x, y]).collect();
                set(&item, "text", &JsValue::from_str(&decoded.text));
                set(&item, "corners", &Float32Array::from(corners.as_slice()));
                results.push(&item);
            }
            unread = report.unread.len();
        }
        Err(error) => set(&reply, "error", &JsValue::from_str(&error.message_vi())),
    }
    set(&reply, "results", &results);
    set(&reply, "unread", &JsValue::from_f64(unread as f64));
    reply.into()
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a plain property on a fresh object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}
