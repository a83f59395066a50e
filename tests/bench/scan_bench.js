// The browser half of `cargo xtask bench scan` (tests/bench/scan.rs copies it
// next to the corpus). Decodes every field-corpus frame with our decoder WASM,
// jsQR and zxing-wasm (reader build, its .wasm served by us, not a CDN) and
// leaves per-frame results in window.benchResult. Each decoder gets the same
// frame; times are per frame, wall clock on the page. All three run on the
// page's main thread: Chromium's CPU slowdown throttles that thread only, not
// a worker's, so our worker's round trip would time us on an unthrottled CPU
// against the others on a throttled one. Ours is the worker's own module and
// entry point (`answer`: request bytes in, reply bytes out), called directly.
// Each decoder starts from the canvas's RGBA, as in the app (ours turns it
// into luma in the worker), and its timed part includes that conversion.
"use strict";

window.startBench = (glueUrl, wasmUrl, parts, budgetPerPixel, timeLimitMs) => {
  window.benchDone = false;
  run(glueUrl, wasmUrl, parts, budgetPerPixel, timeLimitMs).then(
    (rows) => { window.benchResult = rows; window.benchDone = true; },
    (error) => { window.benchResult = { error: String(error && error.stack || error) }; window.benchDone = true; },
  );
};

// sotay_scan::protocol, as bytes: a request's header is tag 3, id, width,
// height, budget, time limit in ms (u32 little endian), sent beside the RGBA;
// a reply is id (u32), outcome (0 = read), guidance, then the text as UTF-8.
function header(width, height, budget, timeLimitMs) {
  const bytes = new Uint8Array(21);
  const view = new DataView(bytes.buffer);
  bytes[0] = 3;
  [1, width, height, budget, timeLimitMs].forEach((v, i) => view.setUint32(1 + 4 * i, v, true));
  return bytes;
}

function replyText(buffer) {
  const bytes = new Uint8Array(buffer);
  return bytes[4] === 0 ? new TextDecoder().decode(bytes.subarray(6)) : null;
}

// The worker's glue (a classic script defining `wasm_bindgen`), on the page.
function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = resolve;
    script.onerror = () => reject(new Error("cannot load " + url));
    document.head.appendChild(script);
  });
}

async function run(glueUrl, wasmUrl, parts, budgetPerPixel, timeLimitMs) {
  ZXingWASM.prepareZXingModule({
    overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? "/zxing/" + path : prefix + path) },
    fireImmediately: true,
  });
  const zxingOptions = { formats: ["QRCode"], tryHarder: true, maxNumberOfSymbols: 1 };
  await loadScript(glueUrl);
  await wasm_bindgen({ module_or_path: wasmUrl });
  // The camera's budget and time limit (sotay_scan::frame), kept on this
  // thread's clock as the worker keeps it on its own.
  const ours = (rgba, width, height) =>
    wasm_bindgen.answer(header(width, height, width * height * budgetPerPixel, timeLimitMs), rgba).buffer;

  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const rows = [];
  let warmed = false;
  for (const part of parts) {
    const manifest = await (await fetch("/" + part + "/manifest.json")).json();
    for (const entry of manifest) {
      const blob = await (await fetch("/" + part + "/" + entry.file)).blob();
      const bitmap = await createImageBitmap(blob);
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      context.drawImage(bitmap, 0, 0);
      const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const { width, height, data } = image;
      if (!warmed) {
        // Compile the WASM and warm the JIT of every decoder on the first frame.
        ours(data, width, height);
        jsQR(data, width, height);
        await ZXingWASM.readBarcodes(image, zxingOptions);
        warmed = true;
      }
      const row = { part: entry.part, condition: entry.condition, file: entry.file };
      {
        const started = performance.now();
        const text = replyText(ours(data, width, height));
        row.ours_ms = performance.now() - started;
        row.ours_ok = text === entry.text;
      }
      {
        const started = performance.now();
        const code = jsQR(data, width, height);
        row.jsqr_ms = performance.now() - started;
        row.jsqr_ok = !!code && code.data === entry.text;
      }
      {
        const started = performance.now();
        const results = await ZXingWASM.readBarcodes(image, zxingOptions);
        row.zxing_ms = performance.now() - started;
        row.zxing_ok = results.some((r) => r.isValid && r.text === entry.text);
      }
      rows.push(row);
    }
  }
  return rows;
}
