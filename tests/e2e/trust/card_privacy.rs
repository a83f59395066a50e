//! The privacy proof for a card read on the phone: from load to leaving, by
//! text, camera and photo, nothing of the card is sent, stored, printed or kept
//! in the page, and every camera track ends.

use std::time::Duration;

use serde_json::json;
use sotay_e2e::privacy::{
    assert_absent, assert_not_sent_or_printed, assert_not_stored, inspect_storage, requests_of,
};
use sotay_e2e::{Browser, Options, site};

use super::{CARD, NAME};
use crate::scanner;

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn card_data_never_leaves_memory_from_load_to_leaving() {
    let server = site();
    let origin = server.origin();
    let browser = Browser::start().await;
    browser.cdp("Network.enable", json!({})).await;

    // First load, and wait for the offline copy so later loads could come from it.
    browser.open(&server.url("/")).await;
    browser.wait_for_service_worker().await;
    let mut events = browser.performance_events().await;

    // To the scanner by the menu, read a card, look at it, copy nothing, leave by the menu.
    browser.click_nav("/quet/").await;
    browser
        .wait_until("the scanner", "return !!document.querySelector('#qr-text')")
        .await;
    let history_before = browser.eval("return history.length").await;
    scanner::paste(&browser, CARD).await;
    browser.click(scanner::READ_BUTTON).await;
    assert!(scanner::result_text(&browser).await.contains(NAME));
    assert_eq!(
        browser.eval("return history.length").await,
        history_before,
        "reading adds no history entry"
    );
    assert_eq!(
        browser.eval("return location.href").await,
        json!(server.url("/quet/")),
        "the URL stays as it was"
    );
    assert_not_stored(&browser, CARD, "while the result shows").await;

    browser.click_nav("/huong-dan/").await;
    // Wait a moment's worth of work (a storage write would happen in an effect or on unload).
    browser
        .wait_until(
            "the page to settle",
            "return document.readyState === 'complete'",
        )
        .await;
    let after = inspect_storage(&browser, CARD).await;
    println!("storage inspected after leaving: {}", after["seen"]);
    assert_eq!(after["found"], json!([]), "after leaving: {after}");
    let page = browser
        .eval("return document.documentElement.outerHTML")
        .await;
    assert_absent(page.as_str().unwrap_or_default(), CARD, "the page");
    // Back into the scanner: nothing of the reading comes back.
    scanner::back_finds_nothing(&browser).await;

    // Cookies, from the browser itself rather than document.cookie.
    let cookies = browser.cdp("Network.getAllCookies", json!({})).await;
    assert_absent(&cookies.to_string(), CARD, "a cookie");

    let later = browser.performance_events().await;
    let first_load = requests_of(&events);
    events.extend(later.iter().cloned());
    let all = requests_of(&events);
    let after_first_load = requests_of(&later);
    println!(
        "requests: {} on first load, {} after (of which {} left the origin)",
        first_load.len(),
        after_first_load.len(),
        after_first_load
            .iter()
            .filter(|(url, _)| !url.starts_with(&origin))
            .count()
    );
    assert_not_sent_or_printed(&browser, &[CARD], &origin, &all, &after_first_load).await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn camera_and_photo_scans_leave_no_trace_and_end_every_track() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let frame = sotay_scan::corpus::render_text(
        sotay_scan::corpus::Condition::Clean,
        5,
        sotay_scan::corpus::CardKind::Cccd,
        CARD,
    );
    let camera = dir.path().join("card.y4m");
    sotay_scan::corpus::write_y4m(&[frame.clone(), frame.clone()], &camera, 10)
        .expect("the fake camera video");
    let photo = dir.path().join("the.jpg");
    sotay_scan::corpus::write_jpeg(&frame, &photo, 85).expect("a card photo");
    let server = site();
    let origin = server.origin();
    let browser = Browser::start_with(Options {
        fake_camera: Some(camera),
        ..Options::default()
    })
    .await;
    browser.open(&server.url("/")).await;
    let first_load = requests_of(&browser.performance_events().await);

    // The camera.
    browser.click_nav("/quet/").await;
    browser.click(".camera-start").await;
    scanner::wait_for_name(&browser, NAME, Duration::from_secs(10)).await;
    let states = browser.eval(scanner::TRACK_STATES).await;
    assert!(
        states
            .as_array()
            .is_some_and(|s| !s.is_empty() && s.iter().all(|s| s == "ended")),
        "camera tracks once the card is read: {states}"
    );
    scanner::clear(&browser).await;

    // A photo.
    browser
        .type_into("#qr-photo", &photo.to_string_lossy())
        .await;
    scanner::wait_for_name(&browser, NAME, Duration::from_secs(20)).await;
    assert_not_stored(&browser, CARD, "while the photo's card shows").await;

    // Leave.
    browser.click_nav("/huong-dan/").await;
    let states = browser.eval(scanner::TRACK_STATES).await;
    assert!(
        states
            .as_array()
            .is_none_or(|s| s.iter().all(|s| s == "ended")),
        "camera tracks after leaving: {states}"
    );
    let after = inspect_storage(&browser, CARD).await;
    println!(
        "camera/photo: storage inspected after leaving: {}",
        after["seen"]
    );
    assert_eq!(after["found"], json!([]), "{after}");
    let later = requests_of(&browser.performance_events().await);
    println!(
        "camera/photo: {} requests on first load, {} after: {:?}",
        first_load.len(),
        later.len(),
        later
            .iter()
            .map(|(url, _)| url.trim_start_matches(&origin))
            .collect::<Vec<_>>()
    );
    let all: Vec<_> = first_load.iter().chain(&later).cloned().collect();
    assert_not_sent_or_printed(&browser, &[CARD], &origin, &all, &later).await;
    browser.close().await;
}
