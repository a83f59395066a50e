//! “Quét CCCD” without a camera: pasted and scanner-typed card payloads, the result
//! screen, and proof that the card data leaves no trace once the screen is gone.
//! Every person here is made up.

use serde_json::{Value, json};
use sotay_e2e::privacy::{
    assert_absent, assert_not_sent_or_printed, assert_not_stored, find_stored, requests_of,
};
use sotay_e2e::{Browser, site};

use crate::scanner::{self, READ_BUTTON, TEXTAREA, open as open_scanner, paste, result_text};

/// A chip CCCD card (2021–2024) of a made-up man born 15/03/1995 in Hà Nội.
const CHIP_CARD: &str = "001095012345||Nguyễn Văn Mẫu|15031995|Nam|Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội|20042021";
/// The same card, but the 4th digit of the id (1 = woman born 1900–1999) disagrees with “Nam”.
const SEX_MISMATCH: &str = "001195012345||Nguyễn Văn Mẫu|15031995|Nam|Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội|20042021";
/// A căn cước card (since 1/7/2024) with relatives' fields after the seventh.
const CAN_CUOC: &str = "079304001234||Lê Hoàng Thử Nghiệm|02092004|Nam|Số 5 đường Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh|10082024|079070009876|Lê Văn Cha Mẫu|079175001122|Phạm Thị Mẹ Mẫu";

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn a_card_due_within_two_months_is_flagged_like_an_overdue_one() {
    let server = site();
    let browser = Browser::start().await;
    open_scanner(&browser, &server).await;
    // A made-up woman who turns 40 thirty days from the browser's today; her card was
    // issued at 35, so it must be renewed on that birthday.
    let birth = browser
        .eval("const d = new Date(); d.setDate(d.getDate() + 30); d.setFullYear(d.getFullYear() - 40); \
               return [d.getDate(), d.getMonth() + 1, d.getFullYear()].map((n, i) => String(n).padStart(i === 2 ? 4 : 2, '0'))")
        .await;
    let part = |i: usize| birth[i].as_str().unwrap_or_default().to_owned();
    let (day, month, year) = (part(0), part(1), part(2));
    let issued_year: i32 = year.parse::<i32>().unwrap_or(1990) + 35;
    let century_and_year = &year[2..];
    let payload = format!(
        "001{}{century_and_year}012345||Trần Thị Sắp Hạn|{day}{month}{year}|Nữ|Thôn 3, xã Tân Phú, Hà Nội|0101{issued_year}",
        if year.starts_with("19") { 1 } else { 3 }
    );
    paste(&browser, &payload).await;
    browser.click(READ_BUTTON).await;
    let text = result_text(&browser).await;
    assert!(
        text.contains(&format!(
            "Sắp đến hạn: thẻ cần đổi trước ngày {day}/{month}/"
        )),
        "{text}"
    );
    let banner = browser
        .eval("return document.querySelector('.renewal').className")
        .await;
    assert!(
        banner.as_str().unwrap_or_default().contains("error"),
        "as prominent as an overdue card: {banner}"
    );
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn pasted_card_shows_name_birth_date_and_renewal() {
    let server = site();
    let browser = Browser::start().await;
    open_scanner(&browser, &server).await;
    paste(&browser, CHIP_CARD).await;
    browser.click(READ_BUTTON).await;
    let text = result_text(&browser).await;
    assert!(text.contains("Thông tin trong mã QR"), "{text}");
    assert!(text.contains("Nguyễn Văn Mẫu"), "{text}");
    assert!(
        text.contains("15/03/1995"),
        "birth date as dd/mm/yyyy: {text}"
    );
    assert!(text.contains("Thẻ cần đổi trước ngày 15/03/2035"), "{text}");
    assert!(
        text.contains("Thẻ Căn cước công dân gắn chip (cấp 2021 – 30/6/2024)"),
        "{text}"
    );
    assert!(
        text.contains("Hà Nội"),
        "province of birth registration: {text}"
    );
    assert!(
        text.contains("không phải bằng chứng danh tính"),
        "the not-proof note: {text}"
    );
    assert!(
        !text.contains("Cần kiểm tra"),
        "a clean card has no warnings: {text}"
    );
    // The focus moves to the result, and the typed text stays in the box.
    let focused = browser.eval("return document.activeElement?.id").await;
    assert_eq!(focused, json!("ket-qua-doc-ma"));
    let kept = scanner::typed(&browser).await;
    assert_eq!(kept, json!(CHIP_CARD));
    // The renewal guide is one tap away.
    let guide_link = browser
        .eval(
            "return !!document.querySelector(\".card-result a[href='/g/cap-doi-the-can-cuoc/']\")",
        )
        .await;
    assert_eq!(guide_link, json!(true));
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn mismatched_sex_digit_is_warned_about() {
    let server = site();
    let browser = Browser::start().await;
    open_scanner(&browser, &server).await;
    paste(&browser, SEX_MISMATCH).await;
    browser.click(READ_BUTTON).await;
    let text = result_text(&browser).await;
    assert!(text.contains("Cần kiểm tra"), "{text}");
    assert!(
        text.contains("Số thứ 4 của số định danh không khớp với giới tính"),
        "the sex-digit warning: {text}"
    );
    // The data is still shown, to compare with the card.
    assert!(text.contains("Nguyễn Văn Mẫu"), "{text}");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn other_text_is_not_a_card_and_links_stay_text() {
    let server = site();
    let browser = Browser::start().await;
    open_scanner(&browser, &server).await;
    let cases = [
        ("https://example.com/khuyen-mai?ma=123", true),
        ("javascript:alert('xin chào')", false),
        ("data:text/html,<script>alert(1)</script>", false),
        ("Chúc mừng năm mới!", true),
    ];
    for (text, copyable) in cases {
        paste(&browser, text).await;
        browser.click(READ_BUTTON).await;
        let shown = result_text(&browser).await;
        assert!(
            shown.contains("Đây không phải mã QR trên thẻ CCCD"),
            "{text}: {shown}"
        );
        assert!(shown.contains(text), "{text} is shown as text: {shown}");
        let links = browser
            .eval("return document.querySelectorAll('.card-result a').length")
            .await;
        assert_eq!(links, json!(0), "{text}: no link is made from a QR text");
        let copy = browser
            .eval("return !!document.querySelector('.card-result button.copy')")
            .await;
        assert_eq!(copy, json!(copyable), "{text}: copy button");
        assert_eq!(
            browser.eval("return location.pathname").await,
            json!("/quet/"),
            "nothing was opened"
        );
        scanner::clear(&browser).await;
    }
    let alerts = browser.eval("return typeof window.alert").await;
    assert_eq!(alerts, json!("function"));
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn scanner_typing_then_enter_reads_and_shift_enter_is_a_new_line() {
    let server = site();
    let browser = Browser::start().await;
    open_scanner(&browser, &server).await;
    // Shift+Enter (\u{E008} Shift, \u{E007} Enter, \u{E000} releases Shift) adds a line, reads nothing.
    browser
        .type_into(TEXTAREA, "dòng một\u{E008}\u{E007}\u{E000}dòng hai")
        .await;
    let value = scanner::typed(&browser).await;
    assert_eq!(value, json!("dòng một\ndòng hai"));
    assert!(!scanner::shows_result(&browser).await);
    // “Xóa” is only offered with a result; empty the box by hand like a person would.
    browser.eval("const box = document.querySelector('#qr-text'); box.value = ''; box.dispatchEvent(new Event('input', {bubbles: true}));").await;
    // A keyboard-wedge scanner types the payload and presses Enter.
    browser
        .type_into(TEXTAREA, &format!("{CAN_CUOC}\u{E007}"))
        .await;
    let text = result_text(&browser).await;
    assert!(text.contains("Lê Hoàng Thử Nghiệm"), "{text}");
    assert!(text.contains("02/09/2004"), "{text}");
    assert!(text.contains("Thẻ căn cước (cấp từ 01/7/2024)"), "{text}");
    assert!(text.contains("Thẻ cần đổi trước ngày 02/09/2029"), "{text}");
    assert!(
        text.contains("Trường 8 (số định danh cá nhân)"),
        "extra fields are labelled: {text}"
    );
    assert!(
        text.contains("Phạm Thị Mẹ Mẫu"),
        "unlabelled extra fields are kept: {text}"
    );
    assert!(text.contains("Trường 11"), "{text}");
    let kept = scanner::typed(&browser).await;
    assert_eq!(kept, json!(CAN_CUOC), "Enter is not added to the text");
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn empty_or_overlong_text_gets_a_friendly_message_and_stays() {
    let server = site();
    let browser = Browser::start().await;
    open_scanner(&browser, &server).await;
    browser.click(READ_BUTTON).await;
    browser
        .wait_until(
            "the empty-box message",
            "return document.querySelector('.text-reader .field-error')?.textContent",
        )
        .await;
    assert!(browser.text(".text-reader").await.contains("Ô đang trống"));
    assert!(!scanner::shows_result(&browser).await);
    // Blank space is empty too, and is left as it was.
    paste(&browser, "   ").await;
    browser.click(READ_BUTTON).await;
    assert_eq!(scanner::typed(&browser).await, json!("   "));
    assert!(!scanner::shows_result(&browser).await);
    // Far more than any QR code holds (a whole document pasted by mistake):
    // a plain message, no result, and every character still in the box.
    browser
        .eval("document.querySelector('#qr-text').value = ''; return true")
        .await;
    let pasted = format!("{CAN_CUOC}\n").repeat(60);
    assert!(pasted.chars().count() > 8_000);
    paste(&browser, &pasted).await;
    browser.click(READ_BUTTON).await;
    browser
        .wait_until(
            "the too-long message",
            "return document.querySelector('.text-reader .field-error')?.textContent.includes('quá dài')",
        )
        .await;
    assert_eq!(scanner::typed(&browser).await, json!(pasted));
    assert!(!scanner::shows_result(&browser).await);
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn copy_button_copies_one_field() {
    let server = site();
    let browser = Browser::start().await;
    browser
        .cdp(
            "Browser.grantPermissions",
            json!({ "origin": server.origin(), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
        )
        .await;
    open_scanner(&browser, &server).await;
    paste(&browser, CHIP_CARD).await;
    browser.click(READ_BUTTON).await;
    result_text(&browser).await;
    browser.click_text("Chép Họ và tên").await;
    browser
        .wait_until(
            "the copied status",
            "return document.querySelector('.copy-ok')?.textContent",
        )
        .await;
    assert_eq!(browser.text(".copy-ok").await, "Đã chép");
    let clipboard = browser
        .eval_async("navigator.clipboard.readText().then(done, e => done('failed: ' + e))")
        .await;
    assert_eq!(clipboard, json!("Nguyễn Văn Mẫu"));
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn card_data_leaves_no_trace() {
    let server = site();
    let browser = Browser::start().await;
    open_scanner(&browser, &server).await;
    browser.console().await;
    browser.requested_urls().await;

    // The inspection sees what a page stores: a canary in each kind of storage is found.
    browser
        .eval_async(
            r#"localStorage.setItem('canary-l', 'CANARY-LOCAL');
               sessionStorage.setItem('canary-s', 'CANARY-SESSION');
               const request = indexedDB.open('canary-db');
               request.onupgradeneeded = () => request.result.createObjectStore('rows', { autoIncrement: true });
               request.onsuccess = () => {
                   const db = request.result;
                   const tx = db.transaction('rows', 'readwrite');
                   tx.objectStore('rows').add({ text: 'CANARY-IDB' });
                   tx.oncomplete = () => { db.close(); done(true); };
               };"#,
        )
        .await;
    let canaries = ["CANARY-LOCAL", "CANARY-SESSION", "CANARY-IDB", "/quet/"];
    let found = find_stored(&browser, &canaries.map(String::from)).await;
    for canary in canaries {
        assert!(
            found["found"]
                .as_array()
                .is_some_and(|places| places.iter().any(|place| place
                    .as_str()
                    .is_some_and(|place| place.ends_with(&format!(": {canary}"))))),
            "the inspection misses {canary}: {found}"
        );
    }
    browser
        .eval_async(
            "localStorage.removeItem('canary-l'); sessionStorage.removeItem('canary-s');
             const request = indexedDB.deleteDatabase('canary-db');
             request.onsuccess = request.onerror = request.onblocked = () => done(true);",
        )
        .await;

    // “Xóa” clears the result and the box.
    paste(&browser, SEX_MISMATCH).await;
    browser.click(READ_BUTTON).await;
    result_text(&browser).await;
    scanner::clear(&browser).await;
    assert_eq!(scanner::typed(&browser).await, json!(""));
    assert_absent(
        &browser.text("main").await,
        SEX_MISMATCH,
        "the page after Xóa",
    );

    // Leaving the screen drops the reading.
    paste(&browser, CAN_CUOC).await;
    browser.click(READ_BUTTON).await;
    result_text(&browser).await;
    browser.click_nav("/huong-dan/").await;
    for payload in [SEX_MISMATCH, CAN_CUOC] {
        assert_not_stored(&browser, payload, "after leaving").await;
        let page = browser
            .eval("return document.documentElement.outerHTML")
            .await;
        assert_absent(page.as_str().unwrap_or_default(), payload, "the page");
    }
    // Back on the scanner, nothing of the earlier reading is there.
    scanner::back_finds_nothing(&browser).await;
    for payload in [SEX_MISMATCH, CAN_CUOC] {
        assert_not_stored(&browser, payload, "back on the scanner").await;
    }
    // Every request since the scanner opened stayed on the origin and carried no card.
    let requests = requests_of(&browser.performance_events().await);
    assert_not_sent_or_printed(
        &browser,
        &[SEX_MISMATCH, CAN_CUOC],
        &server.origin(),
        &requests,
        &requests,
    )
    .await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn result_screens_have_no_serious_accessibility_violations() {
    let server = site();
    let browser = Browser::start().await;
    // The narrowest phone the app supports: nothing may scroll sideways.
    browser.emulate_screen(320, 640, 1).await;
    open_scanner(&browser, &server).await;
    let empty = browser.axe_serious().await;
    assert!(empty.is_empty(), "scanner page: {empty:#?}");
    let long_link = format!("https://example.com/{}", "a".repeat(200));
    for payload in [SEX_MISMATCH, CAN_CUOC, long_link.as_str()] {
        paste(&browser, payload).await;
        browser.click(READ_BUTTON).await;
        result_text(&browser).await;
        let violations = browser.axe_serious().await;
        assert!(violations.is_empty(), "{payload}: {violations:#?}");
        let no_scroll: Value = browser
            .eval("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
            .await;
        assert_eq!(
            no_scroll,
            json!(true),
            "{payload}: no sideways scrolling at 320 px"
        );
        scanner::clear(&browser).await;
    }
    browser.close().await;
}

/// A page the browser shows again from its back-forward cache forgets the
/// card; an ordinary `pageshow` (every fresh load has one) never touches what
/// is being typed.
#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn only_a_page_restored_from_the_cache_forgets_the_card() {
    let server = site();
    let browser = Browser::start().await;
    open_scanner(&browser, &server).await;
    paste(&browser, CHIP_CARD).await;
    browser
        .eval("window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false })); return true")
        .await;
    assert_eq!(scanner::typed(&browser).await, json!(CHIP_CARD));
    browser.click(READ_BUTTON).await;
    result_text(&browser).await;
    browser
        .eval("window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })); return true")
        .await;
    browser
        .wait_until(
            "the card to go",
            "return !document.querySelector('.card-result') && document.querySelector('#qr-text')?.value === ''",
        )
        .await;
    browser.assert_console_clean().await;
    browser.close().await;
}
