// The QR decoder's Web Worker. The scan screen starts it only when the camera
// starts or a photo is chosen, so the decoder (its own WASM module) is never
// part of the app's first download. A classic worker (importScripts) works on
// every browser that has workers; no eval or blob: URLs, for the CSP.
//
// Messages in:  { id, width, height, luma: ArrayBuffer (transferred), budget? }
// Messages out: { id, results: [{ text, corners: [x0, y0, … x3, y3] }], unread, ms, error? }
// The decoded text goes back to the page only; this file never logs it.
importScripts("{{GLUE}}");

const ready = wasm_bindgen({ module_or_path: "{{WASM}}" });

self.onmessage = async (event) => {
  const { id, width, height, luma, budget } = event.data || {};
  try {
    await ready;
    const started = performance.now();
    const reply = wasm_bindgen.decode_frame(new Uint8Array(luma), width >>> 0, height >>> 0, (budget || 0) >>> 0);
    const ms = performance.now() - started;
    const results = reply.results.map((r) => ({ text: r.text, corners: Array.from(r.corners) }));
    self.postMessage({ id, results, unread: reply.unread, ms, error: reply.error });
  } catch (_) {
    self.postMessage({ id, results: [], unread: 0, ms: 0, error: "Không tải được bộ đọc mã." });
  }
};
