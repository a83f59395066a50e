//! The scanner screen's text box and result, as the card-data tests (cccd,
//! scan, trust) drive and inspect it.

use serde_json::{Value, json};
use sotay_e2e::{Browser, Server};

pub const TEXTAREA: &str = "#qr-text";
pub const READ_BUTTON: &str = ".text-reader button";

pub async fn open(browser: &Browser, server: &Server) {
    browser.goto(&server.url("/quet/")).await;
    browser.wait_for_app().await;
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
