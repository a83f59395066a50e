// The browser half of `cargo xtask bench scan` (tests/bench/scan.rs copies it
// next to the corpus). Decodes every corpus frame with our worker WASM,
// jsQR and zxing-wasm (reader build, its .wasm served by us, not a CDN) and
// leaves per-frame results in window.benchResult.
"use strict";

window.startBench = (workerUrl) => {
  window.benchDone = false;
  run(workerUrl).then(
    (rows) => { window.benchResult = rows; window.benchDone = true; },
    (error) => { window.benchResult = { error: String(error && error.stack || error) }; window.benchDone = true; },
  );
};

async function run(workerUrl) {
  ZXingWASM.prepareZXingModule({
    overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? "/zxing/" + path : prefix + path) },
    fireImmediately: true,
  });
  const zxingOptions = { formats: ["QRCode"], tryHarder: true, maxNumberOfSymbols: 1 };
  const worker = new Worker(workerUrl);
  let pending = null;
  worker.onmessage = (event) => pending(event.data);
  const ours = (luma, width, height) => new Promise((resolve) => {
    pending = resolve;
    // budget 0: the decoder's default options, as `sotay decode` uses them.
    worker.postMessage({ id: 1, width, height, luma: luma.buffer, budget: 0 }, [luma.buffer]);
  });

  const manifest = await (await fetch("/corpus/manifest.json")).json();
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  // Warm up every decoder (compile the WASM, JIT) on the first frame.
  let warmed = false;
  const rows = [];
  for (const entry of manifest) {
    const blob = await (await fetch("/corpus/" + entry.file)).blob();
    const bitmap = await createImageBitmap(blob);
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    context.drawImage(bitmap, 0, 0);
    const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const { width, height, data } = image;
    const luma = () => {
      const out = new Uint8Array(width * height);
      for (let i = 0, j = 0; i < out.length; i++, j += 4) out[i] = (77 * data[j] + 150 * data[j + 1] + 29 * data[j + 2]) >> 8;
      return out;
    };
    if (!warmed) {
      await ours(luma(), width, height);
      jsQR(data, width, height);
      await ZXingWASM.readBarcodes(image, zxingOptions);
      warmed = true;
    }
    const row = { condition: entry.condition, file: entry.file };
    {
      const reply = await ours(luma(), width, height);
      row.ours_ok = reply.results.some((r) => r.text === entry.text);
      row.ours_ms = reply.ms;
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
  worker.terminate();
  return rows;
}
