// The QR decoder's Web Worker. The scan screen starts it only when the camera
// starts or a photo is chosen, so the decoder (its own WASM module) is never
// part of the app's first download. A classic worker (importScripts) works on
// every browser that has workers; no eval or blob: URLs, for the CSP.
//
// Messages are sotay_scan::protocol bytes (an ArrayBuffer each way,
// transferred): this file only hands them to the WASM and back. A failure
// (the WASM not loading, a crash) is thrown out of the worker, so the page
// hears the Worker's `error` event: the one way a failed worker shows.
// The decoded text goes back to the page only; this file never logs it.
importScripts("{{GLUE}}");

const ready = wasm_bindgen({ module_or_path: "{{WASM}}" });
const fail = (error) => setTimeout(() => { throw error; });
ready.catch(fail);

self.onmessage = (event) => {
  ready.then(() => {
    const reply = wasm_bindgen.answer(new Uint8Array(event.data));
    self.postMessage(reply.buffer, [reply.buffer]);
  }).catch(fail);
};
