//! Issue 6 in the browser: the commune's help point from a poster's link,
//! damaged links, the poster builder (preview, SVG download, print size),
//! the handoff QR. The team's tally is in `team.rs`.

use serde_json::{Value, json};
use sotay_e2e::{Browser, site};
use sotay_poster::{CommuneProfile, HelpPlace, encode_profile};

/// What the QR code drawn on the screen says: a screenshot of the element,
/// decoded by our own decoder, the way a resident's phone would see it.
pub(crate) async fn qr_on_screen(browser: &Browser, css: &str) -> Vec<String> {
    let element = browser
        .client
        .find(fantoccini::Locator::Css(css))
        .await
        .expect("the QR code on the page");
    let png = element
        .screenshot()
        .await
        .expect("a screenshot of the code");
    let image = sotay_scan::files::load_luma(&png).expect("the screenshot is a PNG");
    sotay_scan::decode(&image.luma, image.width, image.height)
        .into_iter()
        .map(|decoded| decoded.text)
        .collect()
}

fn long_bien() -> CommuneProfile {
    CommuneProfile {
        commune: "Phường Long Biên".into(),
        places: vec![HelpPlace {
            name: Some("Công an phường Long Biên".into()),
            address: Some("Số 1 phố Ngọc Lâm, Hà Nội".into()),
            hours: Some("7:30–17:00, thứ Hai – thứ Sáu".into()),
            phone: Some("024 3872 1234".into()),
        }],
        zalo: Some("Công an phường Long Biên".into()),
    }
}

/// Records alerts, `<script>` elements added once the page has been parsed,
/// and every Blob behind a `blob:` URL (the CSP rightly forbids `fetch(blob:)`,
/// so the tests read downloads through this record). `<a download>` clicks
/// are recorded, not followed.
async fn watch_page(browser: &Browser) {
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.__alerts = []; window.alert = m => window.__alerts.push(String(m)); \
                window.__scripts = 0; document.addEventListener('DOMContentLoaded', () => new MutationObserver(records => { \
                for (const r of records) for (const n of r.addedNodes) \
                if (n.nodeName === 'SCRIPT' || (n.querySelectorAll && n.querySelectorAll('script').length)) window.__scripts++; }) \
                .observe(document, { childList: true, subtree: true })); \
                window.__blobs = {}; const create = URL.createObjectURL; \
                URL.createObjectURL = b => { const u = create.call(URL, b); window.__blobs[u] = b; return u; }; \
                window.__downloads = []; \
                HTMLAnchorElement.prototype.click = function () { window.__downloads.push({ href: this.href, name: this.download }); };" }),
        )
        .await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn a_commune_link_shows_the_help_point_and_is_remembered() {
    let server = site();
    let browser = Browser::start().await;
    let code = encode_profile(&long_bien()).expect("the profile encodes");
    assert!(
        code.as_str().len() <= 200,
        "typical profile is {} characters",
        code.as_str().len()
    );
    browser
        .open(&server.url(&format!("/to-cong-nghe/?c={code}")))
        .await;
    let help = browser
        .wait_until(
            "the help point",
            "return document.querySelector('.commune-help')?.innerText",
        )
        .await;
    let help = help.as_str().unwrap_or_default().to_owned();
    assert!(
        help.contains("Cần giúp? Đến Công an phường Long Biên"),
        "{help}"
    );
    for expected in [
        "Số 1 phố Ngọc Lâm, Hà Nội",
        "7:30–17:00, thứ Hai – thứ Sáu",
        "024 3872 1234",
        "Zalo",
    ] {
        assert!(help.contains(expected), "{expected} missing from {help}");
    }
    let tel = browser
        .eval("return document.querySelector('.commune-help a')?.getAttribute('href')")
        .await;
    assert_eq!(tel, json!("tel:+842438721234"));
    assert_eq!(
        browser
            .eval("return document.querySelector('.commune-link-error') === null")
            .await,
        json!(true)
    );

    // Kept on the device only after "Lưu nơi hỗ trợ này"; then a plain link shows it too.
    browser.click(".commune-save").await;
    browser
        .wait_until(
            "the help point kept",
            "return localStorage.getItem('sotay.help-point') !== null",
        )
        .await;
    browser.open(&server.url("/to-cong-nghe/")).await;
    browser
        .wait_until("the remembered help point", "return document.querySelector('.commune-help')?.innerText.includes('Công an phường Long Biên')")
        .await;

    // "Hiện mã QR": a page of the team bundle with the app's link and the help point.
    browser.click(".handoff-open").await;
    browser
        .wait_until(
            "the hand-off code",
            "return location.pathname === '/ma-qr/'
                && document.querySelector('.handoff svg.qr-svg path')?.getAttribute('d')?.length > 100",
        )
        .await;
    let link = browser
        .eval("return document.querySelector('.handoff-link').textContent")
        .await;
    assert_eq!(link, json!(format!("127.0.0.1:{}/", server.port)));
    assert_eq!(
        qr_on_screen(&browser, ".handoff svg.qr-svg").await,
        vec![format!("{}/?c={}", server.origin(), code.as_str())],
        "the code opens the app with the help point"
    );
    browser.click_text("Về trang chủ").await;
    browser
        .wait_until("the home page", "return location.pathname === '/'")
        .await;

    // From a guide: the guide's own link, and the way back to it.
    browser.open(&server.url("/g/dang-ky-tam-tru/")).await;
    browser.click(".handoff-open").await;
    browser
        .wait_until(
            "the guide's hand-off code",
            "return location.search === '?g=dang-ky-tam-tru'
                && !!document.querySelector('.handoff svg.qr-svg path')",
        )
        .await;
    assert_eq!(
        qr_on_screen(&browser, ".handoff svg.qr-svg").await,
        vec![format!(
            "{}/g/dang-ky-tam-tru/?c={}",
            server.origin(),
            code.as_str()
        )],
    );
    assert!(browser.heading().await.contains("tạm trú"));
    browser.click_text("Quay lại hướng dẫn").await;
    browser
        .wait_until(
            "the guide again",
            "return location.pathname === '/g/dang-ky-tam-tru/'",
        )
        .await;
    browser.open(&server.url("/to-cong-nghe/")).await;

    // Forgetting it on the team page removes it everywhere.
    browser.click_text("Xóa nơi hỗ trợ này").await;
    browser
        .wait_until(
            "the help point to go",
            "return document.querySelector('.commune-help') === null",
        )
        .await;
    assert_eq!(
        browser
            .eval("return localStorage.getItem('sotay.help-point')")
            .await,
        Value::Null
    );
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn damaged_commune_links_are_ignored_gently_and_never_rendered() {
    let server = site();
    let browser = Browser::start().await;
    watch_page(&browser).await;
    let code = encode_profile(&long_bien()).expect("the profile encodes");
    let truncated = &code.as_str()[..code.as_str().len() - 7];
    let oversized = "QUFB".repeat(300);
    let values = [
        truncated.to_owned(),
        oversized,
        "<script>alert(1)</script>".to_owned(),
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_owned(),
        "\"><img src=x onerror=alert(1)>".to_owned(),
    ];
    for value in &values {
        browser
            .open(&server.url(&format!("/to-cong-nghe/?c={value}")))
            .await;
        let notice = browser
            .wait_until(
                "the gentle notice",
                "return document.querySelector('.commune-link-error')?.innerText",
            )
            .await;
        assert!(
            notice
                .as_str()
                .unwrap_or_default()
                .contains("Đường dẫn có thông tin nơi hỗ trợ bị lỗi nên đã bỏ qua"),
            "{value}: {notice}"
        );
        let state = browser
            .eval(
                "return { help: document.querySelector('.commune-help') !== null, alerts: window.__alerts, scripts: window.__scripts, \
                  imgs: document.querySelectorAll('img[src=\"x\"]').length, injected: document.body.innerHTML.includes('alert(1)'), \
                  stored: localStorage.getItem('sotay.help-point') }",
            )
            .await;
        assert_eq!(
            state,
            json!({ "help": false, "alerts": [], "scripts": 0, "imgs": 0, "injected": false, "stored": null }),
            "{value}"
        );
    }
    // The notice can be dismissed.
    browser.click_text("Đóng thông báo").await;
    browser
        .wait_until(
            "the notice to go",
            "return document.querySelector('.commune-link-error') === null",
        )
        .await;

    // A damaged link keeps the profile already on the device.
    browser
        .open(&server.url(&format!("/to-cong-nghe/?c={code}")))
        .await;
    browser.click(".commune-save").await;
    browser
        .wait_until(
            "the help point kept",
            "return localStorage.getItem('sotay.help-point') !== null",
        )
        .await;
    browser
        .open(&server.url(&format!("/to-cong-nghe/?c={truncated}")))
        .await;
    browser
        .wait_until(
            "the notice",
            "return document.querySelector('.commune-link-error')",
        )
        .await;
    browser
        .wait_until(
            "the kept help point",
            "return document.querySelector('.commune-help')?.innerText.includes('Long Biên')",
        )
        .await;
    browser.assert_console_clean().await;
    browser.close().await;
}

/// Number of pages and the first page's size in points, from a PDF's text.
pub(crate) fn pdf_pages(pdf: &[u8]) -> (usize, String) {
    let text = String::from_utf8_lossy(pdf);
    let pages = text.matches("/MediaBox").count();
    let media_box = text
        .split("/MediaBox [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_default()
        .to_owned();
    (pages, media_box)
}

/// Width and height in whole points of a `0 0 w h` media box.
pub(crate) fn page_size(media_box: &str) -> (i64, i64) {
    let numbers: Vec<f64> = media_box
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers.as_slice() {
        [_, _, w, h] => (w.round() as i64, h.round() as i64),
        _ => (0, 0),
    }
}

pub(crate) async fn print_to_pdf(browser: &Browser) -> Vec<u8> {
    let result = browser
        .cdp(
            "Page.printToPDF",
            json!({ "preferCSSPageSize": true, "printBackground": true }),
        )
        .await;
    let data = result["data"].as_str().unwrap_or_default();
    base64_decode(data)
}

fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in text.bytes() {
        let Some(value) = ALPHABET.iter().position(|b| *b == byte) else {
            continue;
        };
        buffer = (buffer << 6) | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_poster_builder_previews_downloads_and_prints() {
    let server = site();
    let browser = Browser::start().await;
    watch_page(&browser).await;
    browser
        .open(&server.url("/ap-phich/?g=kich-hoat-vneid"))
        .await;
    browser
        .wait_until("the preview image", "const i = document.querySelector('img.poster-image'); return i && i.complete && i.naturalWidth > 0")
        .await;
    assert_eq!(
        browser
            .eval("return document.getElementById('poster-guide').value")
            .await,
        json!("kich-hoat-vneid")
    );
    assert_eq!(
        browser
            .eval("return document.getElementById('poster-base').value")
            .await,
        json!(format!("{}/", server.origin()))
    );
    let note = browser.text(".poster-scan-note").await;
    assert!(
        note.contains("cm đọc được từ khoảng") && note.contains(" m"),
        "{note}"
    );

    // A help point with diacritics, and markup that must stay text.
    browser
        .type_into("#poster-commune", "Phường Long Biên")
        .await;
    browser
        .type_into(
            "#poster-help_point",
            "Công an phường <b>Long Biên</b> & \"một cửa\"",
        )
        .await;
    browser.type_into("#poster-phone", "024 3872 1234").await;
    let script = "const a = document.querySelector('a.poster-download'); if (!a) return null; \
        window.__blobs[a.href].text().then(t => done({ name: a.getAttribute('download'), svg: t })).catch(e => done(String(e)));";
    browser
        .wait_until("the preview to carry the help point", "return document.querySelector('.poster-short-link') && document.querySelector('a.poster-download')?.download.startsWith('phuong-long-bien')")
        .await;
    let download = browser.eval_async(script).await;
    assert_eq!(
        download["name"],
        json!("phuong-long-bien_kich-hoat-vneid_a4.svg")
    );
    let svg = download["svg"].as_str().unwrap_or_default();
    assert!(
        svg.starts_with("<?xml") && svg.contains("<svg") && svg.contains(r#"width="210mm""#),
        "{svg:.200}"
    );
    assert!(
        svg.contains("Công an phường &lt;b&gt;Long Biên&lt;/b&gt; &amp; &quot;một cửa&quot;"),
        "user text is escaped"
    );
    assert!(svg.contains("Cần giúp? Đến:"));
    // The link in the code carries the profile and opens the guide.
    let full_link = browser
        .eval("return document.querySelector('.poster-full-link code').textContent")
        .await;
    let full_link = full_link.as_str().unwrap_or_default().to_owned();
    assert!(
        full_link.starts_with(&format!("{}/g/kich-hoat-vneid/?c=", server.origin())),
        "{full_link}"
    );
    let help = browser
        .eval("return document.querySelector('.commune-help')?.innerText")
        .await;
    assert!(
        help.as_str()
            .unwrap_or_default()
            .contains("<b>Long Biên</b>"),
        "the form's preview shows it as text: {help}"
    );

    // Layouts: A5 prints on A5, stickers on A4, one page each.
    let pdf = print_to_pdf(&browser).await;
    let (pages, media_box) = pdf_pages(&pdf);
    assert_eq!(pages, 1, "A4 poster prints on one page");
    assert_eq!(page_size(&media_box), (595, 842), "A4: {media_box}");
    browser
        .click("input[name='poster-layout'][value='a5']")
        .await;
    browser
        .wait_until("the A5 preview", "return document.querySelector('a.poster-download')?.download.endsWith('_a5.svg') && document.querySelector('img.poster-image')?.complete")
        .await;
    let (pages, media_box) = pdf_pages(&print_to_pdf(&browser).await);
    assert_eq!(pages, 1, "A5 flyer prints on one page");
    assert_eq!(page_size(&media_box), (420, 595), "A5: {media_box}");
    browser
        .click("input[name='poster-layout'][value='stickers24']")
        .await;
    browser
        .wait_until("the sticker sheet", "return document.querySelector('a.poster-download')?.download.endsWith('_stickers24.svg')")
        .await;
    let stickers = browser.eval_async(script).await;
    assert_eq!(
        stickers["svg"]
            .as_str()
            .unwrap_or_default()
            .matches("class=\"qr-code\"")
            .count(),
        24
    );

    // axe on the live preview.
    let violations = browser.axe_serious().await;
    assert!(violations.is_empty(), "axe: {violations:#?}");

    // Bad input: a friendly message, nothing typed is lost.
    let error = retype_and_read_error(&browser, "base", "sotay.example.vn").await;
    assert!(error.contains("https://"), "{error}");
    let long_name = "Xã ".to_owned() + &"Tân Phú ".repeat(12);
    let error = retype_and_read_error(&browser, "commune", &long_name).await;
    assert!(error.contains("quá dài"), "{error}");

    // The form is kept on the device.
    browser.open(&server.url("/ap-phich/")).await;
    browser
        .wait_until(
            "the kept form",
            "return document.getElementById('poster-commune')?.value.startsWith('Xã Tân Phú')",
        )
        .await;
    assert_eq!(
        browser
            .eval("return document.getElementById('poster-base').value")
            .await,
        json!("sotay.example.vn")
    );
    assert_eq!(
        browser
            .eval("return { alerts: window.__alerts, scripts: window.__scripts }")
            .await,
        json!({ "alerts": [], "scripts": 0 })
    );
    browser.assert_console_clean().await;
    browser.close().await;
}

/// Empties the form's field `#poster-{field}`, types `text` into it as a person
/// would, and returns the message the field then shows; the text must stay.
async fn retype_and_read_error(browser: &Browser, field: &str, text: &str) -> String {
    let id = format!("poster-{field}");
    retype(browser, &format!("#{id}"), text).await;
    let error = browser
        .wait_until(
            &format!("the {field} message"),
            &format!("return document.getElementById('{id}-error')?.textContent"),
        )
        .await;
    assert_eq!(
        browser
            .eval(&format!("return document.getElementById('{id}').value"))
            .await,
        json!(text),
        "the typed {field} is kept"
    );
    error.as_str().unwrap_or_default().to_owned()
}

/// Sets an input's value as a person would clear it, then types `text`.
async fn retype(browser: &Browser, css: &str, text: &str) {
    browser
        .eval(&format!(
            "const i = document.querySelector({}); i.value = ''; i.dispatchEvent(new InputEvent('input', {{ bubbles: true }})); return true",
            json!(css)
        ))
        .await;
    if !text.is_empty() {
        browser.type_into(css, text).await;
    }
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_poster_builder_takes_three_help_points_and_its_link_shows_them_all() {
    let server = site();
    let browser = Browser::start().await;
    browser.goto(&server.url("/ap-phich/")).await;
    browser.wait_for_app().await;
    browser
        .wait_until("the preview image", "const i = document.querySelector('img.poster-image'); return i && i.complete && i.naturalWidth > 0")
        .await;
    browser.type_into("#poster-commune", "Xã Tân Phú").await;
    browser
        .type_into("#poster-help_point", "Công an xã Tân Phú")
        .await;
    browser.type_into("#poster-phone", "0912 345 678").await;
    browser.click(".poster-add-place").await;
    browser
        .wait_until(
            "a second place",
            "return !!document.getElementById('poster-help_point-2')",
        )
        .await;
    browser
        .type_into(
            "#poster-help_point-2",
            "Trung tâm phục vụ hành chính công xã Tân Phú",
        )
        .await;
    browser.type_into("#poster-hours-2", "7:30–17:00").await;
    browser.click(".poster-add-place").await;
    browser
        .wait_until(
            "a third place",
            "return !!document.getElementById('poster-help_point-3')",
        )
        .await;
    browser
        .type_into("#poster-help_point-3", "Bưu điện xã Tân Phú")
        .await;
    // A bad value in the third place: the message is beside it, naming the place.
    browser
        .type_into("#poster-phone-3", "0273 3851 555 hoặc 0273 3851 556")
        .await;
    let error = browser
        .wait_until(
            "the third place's phone message",
            "return document.getElementById('poster-phone-3-error')?.textContent",
        )
        .await;
    let error = error.as_str().unwrap_or_default().to_owned();
    assert!(
        error.contains("nơi hỗ trợ 3") && error.contains("quá dài"),
        "{error}"
    );
    assert_eq!(
        browser
            .eval("return document.getElementById('poster-help_point-2').value")
            .await,
        json!("Trung tâm phục vụ hành chính công xã Tân Phú"),
        "nothing typed is lost"
    );
    retype(&browser, "#poster-phone-3", "0273 3851 555").await;
    let link = browser
        .wait_until(
            "the link with three places",
            "return !document.getElementById('poster-phone-3-error') && document.querySelector('img.poster-image')?.complete && document.querySelector('.poster-full-link code')?.textContent",
        )
        .await;
    let link = link.as_str().unwrap_or_default().to_owned();
    assert!(
        link.starts_with(&format!("{}/?c=", server.origin())),
        "{link}"
    );
    let preview = browser
        .eval("return document.querySelectorAll('.poster-builder .commune-help-place').length")
        .await;
    assert_eq!(preview, json!(3), "the form shows what residents will see");

    // The link a resident scans: all three places, and the post office's number.
    browser.goto(&link).await;
    browser.wait_for_app().await;
    let help = browser
        .wait_until(
            "the three places",
            "return document.querySelectorAll('.commune-help .commune-help-place').length === 3 && document.querySelector('.commune-help').innerText",
        )
        .await;
    let help = help.as_str().unwrap_or_default().to_owned();
    for expected in [
        "Công an xã Tân Phú",
        "Trung tâm phục vụ hành chính công xã Tân Phú",
        "7:30–17:00",
        "Bưu điện xã Tân Phú",
        "0273 3851 555",
    ] {
        assert!(help.contains(expected), "{expected} missing from {help}");
    }
    browser.assert_console_clean().await;
    browser.close().await;
}
