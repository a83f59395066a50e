//! “Quét CCCD” with a camera and with photos: Chromium's fake camera plays a
//! `.y4m` made from a card QR by the scan corpus; photos are sent to the file
//! input. The QR decoder runs in its own worker WASM. Every person here is made up.

use std::path::Path;
use std::time::Duration;

use sotay_e2e::{Browser, Options, Server, site};
use sotay_scan::corpus::{self, CardKind, Condition, Frame};

use crate::scanner;

/// A chip CCCD card of a made-up man.
const CARD: &str = "001095012345||Nguyễn Văn Mẫu|15031995|Nam|Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội|20042021";
const NAME: &str = "Nguyễn Văn Mẫu";

fn card_frame() -> Frame {
    corpus::render_text(Condition::Clean, 7, CardKind::Cccd, CARD)
}

/// A grey 1280 × 720 picture with no code in it.
fn empty_frame() -> Frame {
    let mut frame = card_frame();
    frame.luma = vec![128; frame.width * frame.height];
    frame
}

fn video(dir: &Path, name: &str, frame: Frame) -> std::path::PathBuf {
    let path = dir.join(name);
    corpus::write_y4m(&[frame.clone(), frame], &path, 10).expect("write the fake camera video");
    path
}

/// Opens the scan screen; the server must outlive the test (the worker loads lazily).
async fn open_scanner(browser: &Browser) -> Server {
    let server = site();
    browser.open(&server.url("/quet/")).await;
    server
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn camera_reads_a_card_and_stops() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (browser, _server) = camera_on(dir.path(), "card.y4m", card_frame()).await;
    browser.click(".camera-start").await;
    // The goal: the name is on screen within 3 s of allowing the camera.
    scanner::wait_for_name(&browser, NAME, Duration::from_secs(3)).await;
    let states = browser.eval(scanner::TRACK_STATES).await;
    let states = states.as_array().expect("the camera's track states");
    assert!(
        !states.is_empty() && states.iter().all(|s| s == "ended"),
        "tracks after reading: {states:?}"
    );
    browser.assert_console_clean().await;
    browser.close().await;
}

/// Starts the fake camera playing `frame` on the scan screen.
async fn camera_on(dir: &Path, name: &str, frame: Frame) -> (Browser, Server) {
    let camera = video(dir, name, frame);
    let browser = Browser::start_with(Options {
        fake_camera: Some(camera),
        ..Options::default()
    })
    .await;
    let server = open_scanner(&browser).await;
    (browser, server)
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn camera_reads_a_card_turned_30_degrees_in_dim_light() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let frame = card_frame().turned(30.0).dimmed(0.25, 3.0);
    let (browser, _server) = camera_on(dir.path(), "turned.y4m", frame).await;
    browser.click(".camera-start").await;
    scanner::wait_for_name(&browser, NAME, Duration::from_secs(5)).await;
    browser.assert_console_clean().await;
    browser.close().await;
}

/// The live line over the viewfinder, once it contains `words`.
async fn wait_for_hint(browser: &Browser, words: &str) {
    browser
        .wait_until_for(
            &format!("the hint “{words}”"),
            &format!(
                "return document.querySelector('.live-hint')?.textContent.includes('{words}')"
            ),
            Duration::from_secs(3),
        )
        .await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn a_code_cut_off_by_the_frame_asks_to_centre_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let frame = card_frame().cut_off_left(0.1);
    let (browser, _server) = camera_on(dir.path(), "cut.y4m", frame).await;
    browser.click(".camera-start").await;
    // Within a second or so of the camera running, not a generic tip.
    wait_for_hint(&browser, "Đưa mã vào giữa khung").await;
    assert!(
        !browser
            .eval("return !!document.querySelector('.card-result')")
            .await
            .as_bool()
            .unwrap_or(true)
    );
    browser.close().await;
}

/// Pretends the camera has a torch (Chromium's fake camera has none).
const STUB_TORCH: &str = "MediaStreamTrack.prototype.getCapabilities = function () {
    return { torch: true };
};
MediaStreamTrack.prototype.applyConstraints = function () { return Promise.resolve(); };
return true";

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_torch_button_is_there_only_when_the_camera_has_one() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A dark room and no code: the hint asks for light.
    let dark = empty_frame().dimmed(0.15, 2.0);
    let (browser, _server) = camera_on(dir.path(), "dark.y4m", dark.clone()).await;
    let camera_runs = "return document.querySelector('.camera-reader')?.dataset.camera === 'on'
        && window.sotayCameraTrackStates?.().every(s => s === 'live')";
    browser.click(".camera-start").await;
    browser.wait_until("the camera to run", camera_runs).await;
    wait_for_hint(&browser, "Ra chỗ sáng hơn").await;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.camera-actions .torch').length")
            .await,
        serde_json::json!(0),
        "no torch, no torch button"
    );
    browser.close().await;

    let (browser, _server) = camera_on(dir.path(), "dark-torch.y4m", dark).await;
    browser.eval(STUB_TORCH).await;
    browser.click(".camera-start").await;
    browser.wait_until("the camera to run", camera_runs).await;
    wait_for_hint(&browser, "Bật đèn").await;
    browser.click(".camera-actions .torch").await;
    browser
        .wait_until(
            "the torch to turn on",
            "return document.querySelector('.camera-actions .torch')?.getAttribute('aria-pressed') === 'true'",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn leaving_the_screen_ends_every_camera_track() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (browser, _server) = camera_on(dir.path(), "empty.y4m", empty_frame()).await;
    browser.click(".camera-start").await;
    browser
        .wait_until(
            "the camera to run",
            "return document.querySelector('.camera-reader')?.dataset.camera === 'on'
                && window.sotayCameraTrackStates?.().every(s => s === 'live')",
        )
        .await;
    // The live hint asks for the card while nothing is read.
    assert!(browser.text(".live-hint").await.contains("giữa khung"));
    // Nothing readable for 20 s: tips, and the other ways (photo, typing).
    browser
        .wait_until_for(
            "the tips after 20 s without a code",
            "return document.querySelector('.camera-reader')?.innerText.includes('Chưa đọc được mã.')",
            std::time::Duration::from_secs(40),
        )
        .await;
    let tips = browser.text(".camera-reader").await;
    assert!(
        tips.contains("chụp ảnh mã")
            && tips.contains("gõ nội dung mã")
            && tips.contains("Tắt camera"),
        "{tips}"
    );
    let camera_runs = "return window.sotayCameraTrackStates?.().length > 0
        && window.sotayCameraTrackStates().every(s => s === 'live')";
    let camera_stopped = "return window.sotayCameraTrackStates().every(s => s === 'ended')";

    // The phone switches to another app (the page becomes hidden): the camera
    // stops and says so. (Headless Chromium never hides a page by itself, so
    // the test plays the browser's part: `document.hidden` and the event.)
    browser
        .eval(
            "Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
             document.dispatchEvent(new Event('visibilitychange'));
             return true",
        )
        .await;
    browser
        .wait_until(
            "the tracks to end when hidden",
            "return window.sotayCameraTrackStates().every(s => s === 'ended')
                && document.querySelector('.camera-reader').innerText.includes('Camera đã tắt khi bạn rời trang')",
        )
        .await;
    browser
        .eval("delete document.hidden; return document.hidden === false")
        .await;

    // Leaving the page says `pagehide` first (even when the browser keeps the
    // page in its back-forward cache): the camera stops then.
    browser.click(".camera-start").await;
    browser
        .wait_until("the camera to run again", camera_runs)
        .await;
    browser
        .eval("window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })); return true")
        .await;
    browser
        .wait_until("the tracks to end on pagehide", camera_stopped)
        .await;

    // And for real: to another page by the menu, then Back. Whether the
    // browser restored the old page or loaded it afresh, no track is live.
    browser.click(".camera-start").await;
    browser
        .wait_until("the camera to run once more", camera_runs)
        .await;
    browser.click_nav("/to-cong-nghe/").await;
    browser.client.back().await.expect("back");
    browser
        .wait_until(
            "the scanner again",
            "return location.pathname === '/quet/' && document.querySelector('#app')?.dataset.app === 'ready'",
        )
        .await;
    let states = browser.eval(scanner::TRACK_STATES).await;
    assert!(
        states.is_null()
            || states
                .as_array()
                .is_some_and(|states| states.iter().all(|s| s == "ended")),
        "tracks after leaving and coming back: {states}"
    );
    assert_ne!(
        browser
            .eval("return document.querySelector('.camera-reader')?.dataset.camera")
            .await,
        serde_json::json!("on")
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn photo_of_a_card_opens_the_result() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let photo = dir.path().join("the.jpg");
    corpus::write_jpeg(&card_frame(), &photo, 85).expect("write the photo");
    let browser = Browser::start().await;
    let _server = open_scanner(&browser).await;
    browser
        .type_into("#qr-photo", &photo.to_string_lossy())
        .await;
    scanner::wait_for_name(&browser, NAME, Duration::from_secs(10)).await;
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn a_file_that_is_not_a_picture_gets_a_friendly_message() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "không phải ảnh").expect("write the file");
    let photo = dir.path().join("blank.jpg");
    corpus::write_jpeg(&empty_frame(), &photo, 85).expect("write the photo");
    let browser = Browser::start().await;
    let _server = open_scanner(&browser).await;
    browser
        .type_into("#qr-photo", &text.to_string_lossy())
        .await;
    browser
        .wait_until("the message", "return document.querySelector('.photo-problem')?.textContent.includes('không phải ảnh')")
        .await;
    // A picture without a code says so, with tips.
    browser
        .type_into("#qr-photo", &photo.to_string_lossy())
        .await;
    browser
        .wait_until("the message", "return document.querySelector('.photo-problem')?.textContent.includes('Không tìm thấy mã QR')")
        .await;
    browser.close().await;
}
