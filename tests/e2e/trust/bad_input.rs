//! The browser's answers to bad input: odd URL parameters and paths, and
//! files the photo reader cannot use (empty, huge, not a picture, cut short,
//! a decompression bomb) — a gentle message, the typed text kept, no panic.

use std::time::Duration;

use serde_json::json;
use sotay_e2e::{Browser, Server, site};

use super::{CARD, NAME};
use crate::scanner;

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn bad_url_parameters_and_paths_get_a_page_not_a_crash() {
    let server = site();
    let browser = Browser::start().await;
    // (path, what the page must say)
    let cases = [
        // No usable step number: the saved step (none yet, so step 1).
        ("/g/kich-hoat-vneid/?buoc=0", "Bước 1/"),
        ("/g/kich-hoat-vneid/?buoc=abc", "Bước 1/"),
        ("/g/kich-hoat-vneid/?buoc=-1", "Bước 1/"),
        ("/g/kich-hoat-vneid/?buoc=1e3", "Bước 1/"),
        // Past the end: the last step.
        ("/g/kich-hoat-vneid/?buoc=999", "Bước 8/8"),
        ("/g/khong-co-huong-dan-nay/", "Không tìm thấy"),
        ("/g/%3Cscript%3E/", "Không tìm thấy"),
        ("/ap-phich/?g=khong-co", "mã QR"),
        ("/ap-phich/?g=%3Cimg%20src%3Dx%3E", "mã QR"),
        ("/khong-co-trang-nay/?c=abc", "Không tìm thấy"),
        ("/quet/?c=%3Cb%3Ex%3C%2Fb%3E", "Quét"),
    ];
    for (path, expected) in cases {
        browser.open(&server.url(path)).await;
        browser.heading().await;
        let text = browser
            .eval("return document.querySelector('main').innerText")
            .await;
        let text = text.as_str().unwrap_or_default();
        assert!(
            text.contains(expected),
            "{path}: the page lacks {expected:?}:\n{text}"
        );
        let injected = browser
            .eval("return document.querySelectorAll('main script, main img[src=x], main b').length")
            .await;
        assert_eq!(injected, json!(0), "{path}: URL text became markup");
        browser.assert_no_panic(path).await;
    }
    browser.close().await;
}

/// A clean JPEG photo of `CARD`'s QR code, written into `dir`.
fn card_photo(dir: &std::path::Path) -> std::path::PathBuf {
    let card = sotay_scan::corpus::render_text(
        sotay_scan::corpus::Condition::Clean,
        3,
        sotay_scan::corpus::CardKind::Cccd,
        CARD,
    );
    let photo = dir.join("the.jpg");
    sotay_scan::corpus::write_jpeg(&card, &photo, 85).expect("a card photo");
    photo
}

/// Opens the scanner with "đang gõ dở" typed in the text box (it must survive
/// every bad file) and records what the browser hands over for each chosen
/// file (name, type, size) for failure messages. The server is returned to be
/// kept for the whole test: the worker's files load later than the page.
async fn open_photo_reader_with_typed_text(browser: &Browser) -> Server {
    let server = site();
    browser.open(&server.url("/quet/")).await;
    browser
        .eval("window.__files = []; document.addEventListener('change', e => { const f = e.target.files?.[0]; if (f) window.__files.push([f.name, f.type, f.size]); }, true);")
        .await;
    browser.type_into("#qr-text", "đang gõ dở").await;
    server
}

/// Chooses `file` in the photo reader and waits for its message.
async fn choose_photo(browser: &Browser, file: &std::path::Path, previous: &str) -> String {
    browser
        .type_into("#qr-photo", &file.to_string_lossy())
        .await;
    let script = format!(
        "const p = document.querySelector('.photo-problem');
         return p && p.textContent.trim() && p.textContent !== {} && !p.textContent.includes('Đang đọc') && p.textContent",
        json!(previous)
    );
    // Generous: Chromium unpacks a whole picture before the reader can answer.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let message = loop {
        let value = browser.eval(&script).await;
        if value.as_str().is_some_and(|text| !text.is_empty()) {
            break value;
        }
        if std::time::Instant::now() > deadline {
            let files = browser.eval("return window.__files").await;
            let shown = browser.text(".photo-reader").await;
            panic!(
                "no answer for {}: files handed over {files}; the reader shows {shown:?}",
                file.display()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    message.as_str().unwrap_or_default().to_string()
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_photo_reader_answers_odd_files_gently_and_keeps_the_typed_text() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let photo = card_photo(dir.path());
    let jpeg = std::fs::read(&photo).expect("the photo");
    let big = vec![0u8; 50 * 1024 * 1024];
    // Neighbours give different answers, so each answer is seen to change.
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.jpg", Vec::new(), "Tệp ảnh trống (0 byte)."),
        ("big.jpg", big.clone(), "Ảnh quá lớn (trên 30 MB)"),
        (
            "notes.txt",
            "không phải ảnh".as_bytes().to_vec(),
            "Tệp này không phải ảnh.",
        ),
        ("renamed.jpg", vec![7u8; 4096], "Không mở được ảnh"),
        ("big.jpg", big.clone(), "Ảnh quá lớn (trên 30 MB)"),
        ("half.jpg", jpeg[..jpeg.len() / 2].to_vec(), "Không"),
        ("big.jpg", big.clone(), "Ảnh quá lớn (trên 30 MB)"),
        ("stub.jpg", jpeg[..64].to_vec(), "Không mở được ảnh"),
        ("big.jpg", big, "Ảnh quá lớn (trên 30 MB)"),
    ];
    let browser = Browser::start().await;
    let _server = open_photo_reader_with_typed_text(&browser).await;
    let mut previous = String::new();
    for (name, bytes, expected) in &files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write the file");
        let message = choose_photo(&browser, &path, &previous).await;
        previous = message.clone();
        println!("photo {name} ({} bytes): {message}", bytes.len());
        assert!(message.contains(expected), "{name}: {message}");
        let typed = scanner::typed(&browser).await;
        assert_eq!(typed, json!("đang gõ dở"), "{name}: the typed text is kept");
        assert!(!scanner::shows_result(&browser).await, "{name}");
    }
    // That a good photo still reads afterwards: `after_a_damaged_photo_a_good_one_still_reads`.
    browser.assert_no_panic("after the odd files").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn a_png_bomb_photo_gets_a_gentle_answer_and_keeps_the_typed_text() {
    // 6 MB that unpack to 16 000 × 16 000 RGBA (1 GB): a phone must not try.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bomb = dir.path().join("bomb.png");
    // 16 000² transparent RGBA pixels packed into a few megabytes.
    std::fs::write(
        &bomb,
        sotay_scan::corpus::hostile::png_of_zeros(16_000, 16_000, 6),
    )
    .expect("write the file");
    let browser = Browser::start().await;
    let _server = open_photo_reader_with_typed_text(&browser).await;
    let message = choose_photo(&browser, &bomb, "").await;
    println!("photo bomb.png: {message}");
    assert!(
        // Any gentle answer with a way forward; today it is “no code found” or
        // “this browser cannot run the reader”, depending on memory.
        message.contains("Ảnh quá lớn")
            || message.contains("Không")
            || message.contains("ô bên dưới"),
        "{message}"
    );
    let typed = scanner::typed(&browser).await;
    assert_eq!(typed, json!("đang gõ dở"), "the typed text is kept");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn after_a_damaged_photo_a_good_one_still_reads() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let photo = card_photo(dir.path());
    let damaged = dir.path().join("renamed.jpg");
    std::fs::write(&damaged, vec![7u8; 4096]).expect("write the file");
    let browser = Browser::start().await;
    // Kept for the whole test: the worker's files load later than the page.
    let server = site();
    browser.open(&server.url("/quet/")).await;
    let message = choose_photo(&browser, &damaged, "").await;
    assert!(message.contains("Không mở được ảnh"), "{message}");
    browser
        .type_into("#qr-photo", &photo.to_string_lossy())
        .await;
    scanner::wait_for_name(&browser, NAME, Duration::from_secs(30)).await;
    browser.close().await;
}
