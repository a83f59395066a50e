//! The guide player as the guide tests drive it: `guides.rs` in Chromium,
//! `engines.rs` in every engine.

use serde_json::Value;
use sotay_e2e::Browser;

/// The guide the player tests walk.
pub const GUIDE: &str = "kich-hoat-vneid";

/// The one step (or finish screen) that is showing: `[its progress line, its id]`.
pub const SHOWING: &str = "const shown = [...document.querySelectorAll('.player > section')]
    .filter(s => getComputedStyle(s).display !== 'none');
  return shown.length === 1 ? [shown[0].querySelector('.progress')?.textContent ?? '', shown[0].id]
    : ['', 'showing ' + shown.length];";

const SHOWING_FN: &str = "const showing = () => { const shown = [...document.querySelectorAll('.player > section')]
    .filter(s => getComputedStyle(s).display !== 'none');
  return shown.length === 1 ? [shown[0].querySelector('.progress')?.textContent ?? '', shown[0].id] : ['', ''] };";

/// Waits until step `n` of `total` shows, alone, with its fragment in the address.
pub async fn wait_for_step(browser: &Browser, n: usize, total: usize) {
    let script = format!(
        "{SHOWING_FN} const [progress, id] = showing();
         return progress === 'Bước {n}/{total}' && id === 'buoc-{n}' && location.hash === '#buoc-{n}';"
    );
    browser
        .wait_until(&format!("step {n}/{total}"), &script)
        .await;
}

/// The “Tiếp” (or “Quay lại”) of the step that is showing.
pub const NEXT: &str = ".player > section:not(.step-off) .step-nav a.next";
pub const BACK: &str = ".player > section:not(.step-off) .step-nav a.prev";

/// What the player keeps on the device for [`GUIDE`]: only the step and the
/// ticked checklist items, never anything personal.
pub async fn saved_progress(browser: &Browser) -> Value {
    browser
        .eval(&format!(
            "return localStorage.getItem('sotay.progress.{GUIDE}')"
        ))
        .await
}
