//! The scanner screen's text box and result, as the card-data tests (cccd,
//! scan, trust) drive and inspect it.

use std::time::Duration;

use serde_json::{Value, json};
use sotay_e2e::{Browser, Server};

pub const TEXTAREA: &str = "#qr-text";
pub const READ_BUTTON: &str = ".text-reader button";

pub async fn open(browser: &Browser, server: &Server) {
    browser.open(&server.url("/quet/")).await;
    assert!(browser.heading().await.contains("Quét mã QR trên thẻ CCCD"));
}

/// Pastes `text` into the box the way a paste does (one text insertion).
pub async fn paste(browser: &Browser, text: &str) {
    browser.click(TEXTAREA).await;
    browser
        .cdp("Input.insertText", json!({ "text": text }))
        .await;
}

/// Waits for a card result and returns its text.
pub async fn result_text(browser: &Browser) -> String {
    browser
        .wait_until(
            "a result",
            "return document.querySelector('.card-result h2')?.textContent",
        )
        .await;
    browser.text(".card-result").await
}

/// What the text box holds.
pub async fn typed(browser: &Browser) -> Value {
    browser
        .eval("return document.querySelector('#qr-text').value")
        .await
}

pub async fn shows_result(browser: &Browser) -> bool {
    browser
        .eval("return !!document.querySelector('.card-result')")
        .await
        == json!(true)
}

/// Back into the scanner after leaving it: nothing of the earlier reading is
/// there (not even from the browser's back-forward cache).
pub async fn back_finds_nothing(browser: &Browser) {
    browser.client.back().await.expect("back");
    browser
        .wait_until(
            "the scanner again",
            "return location.pathname === '/quet/' && !!document.querySelector('#qr-text')",
        )
        .await;
    assert_eq!(typed(browser).await, json!(""), "the box after Back");
    assert!(!shows_result(browser).await, "a result after Back");
}

/// Waits (up to `within`) until the result screen shows `name`: a card read
/// from the camera or a photo, which takes longer than typed text.
pub async fn wait_for_name(browser: &Browser, name: &str, within: Duration) {
    browser
        .wait_until_for(
            "the card's name on the result screen",
            &format!(
                "return document.querySelector('.card-result')?.textContent.includes({})",
                json!(name)
            ),
            within,
        )
        .await;
}

/// Waits until no result shows.
pub async fn wait_for_no_result(browser: &Browser) {
    browser
        .wait_until(
            "the result to go",
            "return !document.querySelector('.card-result')",
        )
        .await;
}

/// Taps “Xóa” and waits until the result is gone.
pub async fn clear(browser: &Browser) {
    browser.click_text("Xóa").await;
    wait_for_no_result(browser).await;
}

/// The states of the camera tracks the scanner opened (`null` before any).
pub const TRACK_STATES: &str =
    "return window.sotayCameraTrackStates ? window.sotayCameraTrackStates() : null";
