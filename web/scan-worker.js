// The QR decoder's Web Worker. The scan screen starts it only when the camera
// starts or a photo is chosen, so the decoder (its own WASM module) is never
// part of the app's first download. A classic worker (importScripts) works on
// every browser that has workers; no eval or blob: URLs, for the CSP.
//
// Messages are sotay_scan::protocol bytes, transferred: a request is two
// ArrayBuffers (its header, the frame's RGBA), a reply one. This file only
// hands them to the WASM and back; anything else gets the protocol's
// bad-frame reply. A failure
// (the WASM not loading, a crash) is thrown out of the worker, so the page
// hears the Worker's `error` event: the one way a failed worker shows.
// The decoded text goes back to the page only; this file never logs it.
importScripts("{{GLUE}}");

const ready = wasm_bindgen({ module_or_path: "{{WASM}}" });
const fail = (error) => setTimeout(() => { throw error; });
ready.catch(fail);

self.onmessage = (event) => {
  ready.then(() => {
    const [header, rgba] = Array.isArray(event.data) ? event.data : [];
    const reply = wasm_bindgen.answer(new Uint8Array(header || 0), new Uint8Array(rgba || 0));
    self.postMessage(reply.buffer, [reply.buffer]);
  }).catch(fail);
};
