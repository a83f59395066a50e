//! The QR decoder of `sotay-scan`, exported to JavaScript for `web/scan-worker.js`.
//!
//! It is its own WebAssembly module so the app's main bundle stays small: the
//! scan screen starts a Web Worker that loads it only when the camera starts or
//! a photo is chosen, and decoding never blocks the page. Privacy: the decoded
//! text goes back to the page and nowhere else; nothing here logs it, and
//! nothing is kept between frames.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The worker's clock, for the request's time limit (WebAssembly has
    /// none of its own).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Answers one `sotay_scan::protocol` request (its header and the frame's
/// RGBA) with an encoded reply, keeping its time limit on the worker's
/// clock. The page and this module share the protocol's code, so the worker
/// script only moves bytes. The pixels are taken by value: their copy in
/// this module's memory is turned into luma in place.
#[wasm_bindgen]
pub fn answer(header: &[u8], rgba: Vec<u8>) -> Vec<u8> {
    sotay_scan::protocol::answer_with_clock(header, rgba, &performance_now)
}
