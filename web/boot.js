// Starts the app and looks after the service worker. Kept tiny and free of
// inline code so the Content-Security-Policy can forbid inline scripts.
// The app (Rust) and this file talk through window events:
//   sotay-update-ready  → a new version is installed and waiting
//   sotay-apply-update  ← the user tapped "Cập nhật"
//   sotay-install-ready → the browser offers installation
//   sotay-install       ← the user tapped "Cài đặt ứng dụng"
import init from "{{GLUE}}";

// Which build this is (also in <meta name="sotay-build">); tests tell builds apart by it.
window.sotayBuild = "{{LABEL}}";

const root = document.documentElement;
// Apply saved reading settings before the WASM arrives, so pre-rendered text
// already has the right size and contrast.
try {
  const saved = JSON.parse(localStorage.getItem("sotay.settings") || "{}");
  const sizes = { Normal: "text-normal", Large: "text-large", Larger: "text-larger" };
  if (sizes[saved.text_size]) root.classList.add(sizes[saved.text_size]);
  if (saved.high_contrast) root.classList.add("contrast-high");
} catch (_) { /* settings are a convenience */ }

const started = init({ module_or_path: "{{WASM}}" }).catch((error) => {
  // The pre-rendered page stays readable; say so quietly.
  root.classList.add("no-wasm");
  console.warn("Sổ tay: ứng dụng không chạy được trên trình duyệt này, vẫn đọc được hướng dẫn.", error);
});

let waitingWorker = null;
const announceUpdate = (worker) => {
  waitingWorker = worker;
  window.sotayUpdateReady = true;
  window.dispatchEvent(new Event("sotay-update-ready"));
};

if ("serviceWorker" in navigator) {
  // Only once the app runs: on a first visit over 3G the page's own files go
  // first, and the worker's precache then takes them from the HTTP cache.
  started.then(() => navigator.serviceWorker.register("{{BASE}}sw.js", { scope: "{{BASE}}" })).then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) announceUpdate(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      // Only a worker found while another one controls the page is an update. (A
      // first install is not: WebKit lets it claim the page before this page hears
      // "installed", so asking for the controller then would offer an update.)
      if (!worker || !navigator.serviceWorker.controller) return;
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed") announceUpdate(worker);
      });
    });
    // Look for a new version whenever the app comes back to the foreground.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => {});
    });
  }).catch(() => { /* offline use is a bonus, not a requirement */ });

  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading || !window.sotayApplyingUpdate) return;
    reloading = true;
    location.reload();
  });
}

window.addEventListener("sotay-apply-update", () => {
  if (!waitingWorker) return;
  window.sotayApplyingUpdate = true;
  waitingWorker.postMessage({ type: "SKIP_WAITING" });
});

let installPrompt = null;
window.addEventListener("beforeinstallprompt", (event) => {
  event.preventDefault();
  installPrompt = event;
  window.sotayInstallReady = true;
  window.dispatchEvent(new Event("sotay-install-ready"));
});
window.addEventListener("sotay-install", () => {
  if (!installPrompt) return;
  installPrompt.prompt();
  installPrompt = null;
  window.sotayInstallReady = false;
});
