// Test builds only (`cargo xtask dist --test-capture`, used by `cargo xtask test`):
// keeps what only Chromium's WebDriver can read otherwise, so the e2e suite checks
// the same things in every engine. Never part of a published site.
//   window.sotayConsole: console errors and warnings, uncaught errors, failed
//     loads and Content-Security-Policy violations, as [level, text];
//   window.sotayBlobs: every Blob the page made a URL for (downloads), by URL.
(() => {
  const kept = (window.sotayConsole = []);
  const text = (value) =>
    value instanceof Error ? `${value.name}: ${value.message}` : String(value);
  for (const level of ["error", "warn"]) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      kept.push([level, args.map(text).join(" ")]);
      original(...args);
    };
  }
  // Capture phase: a script, image or style that fails to load fires on its element.
  addEventListener(
    "error",
    (event) => {
      const target = event.target;
      if (target instanceof Element) {
        kept.push(["error", `Failed to load ${target.src || target.href || target.tagName}`]);
      } else {
        kept.push(["error", `Uncaught ${text(event.error ?? event.message)}`]);
      }
    },
    true,
  );
  addEventListener("unhandledrejection", (event) =>
    kept.push(["error", `Unhandled rejection: ${text(event.reason)}`]),
  );
  document.addEventListener("securitypolicyviolation", (event) =>
    kept.push(["error", `Content-Security-Policy blocked ${event.blockedURI} (${event.violatedDirective})`]),
  );
  const blobs = (window.sotayBlobs = {});
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => {
    const url = createObjectURL(blob);
    blobs[url] = blob;
    return url;
  };
})();
