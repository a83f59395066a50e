//! Issue 15 in the browser: the hall screen (`/trinh-chieu/`) shows the guides chosen on the
//! team page in their order, moves on with → and on its own, pauses with the space bar, and
//! shows a QR code that decodes to the guide's link with the help point; and a guide's
//! “In tờ hướng dẫn” prints every step on one or two A4 pages.

use std::path::Path;
use std::time::Duration;

use fantoccini::key::Key;
use serde_json::{Value, json};
use sotay_e2e::{Browser, Options, site};
use sotay_poster::{CommuneProfile, HelpPlace};

use crate::poster::{page_size, pdf_pages, print_to_pdf, qr_on_screen};

/// Picks `value` in the `<select>` `css` as a person would (the change event included).
async fn choose(browser: &Browser, css: &str, value: &str) {
    browser
        .eval(&format!(
            "const s = document.querySelector({css:?}); s.value = {value:?};
             s.dispatchEvent(new Event('change', {{ bubbles: true }})); return true;"
        ))
        .await;
}

async fn slide_title(browser: &Browser) -> String {
    browser.text(".hall-title").await
}

async fn wait_for_title(browser: &Browser, title: &str, within: Duration) {
    browser
        .wait_until_for(
            &format!("the slide {title:?}"),
            &format!("return document.querySelector('.hall-title')?.textContent === {title:?}"),
            within,
        )
        .await;
}

fn tan_phu() -> CommuneProfile {
    CommuneProfile {
        commune: "Xã Tân Phú".into(),
        places: vec![HelpPlace {
            name: Some("Công an xã Tân Phú".into()),
            address: None,
            hours: Some("7:30–17:00, thứ Hai – thứ Sáu".into()),
            phone: Some("0912 345 678".into()),
        }],
        zalo: None,
    }
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_hall_screen_shows_the_chosen_guides_moves_on_pauses_and_reads_from_afar() {
    let server = site();
    let browser = Browser::start_with(Options {
        window: Some((1920, 1080)),
        ..Options::default()
    })
    .await;
    // Exactly the screen's 1920 × 1080 (a headless window keeps some height for itself).
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;

    // The team page: choose two guides, then put the second first.
    browser.goto(&server.url("/to-cong-nghe/")).await;
    browser.wait_for_app().await;
    for id in ["dang-ky-tam-tru", "kich-hoat-vneid"] {
        choose(&browser, "#hall-add", id).await;
        browser
            .wait_until(
                "the add button",
                "return !document.querySelector('.hall-add').disabled",
            )
            .await;
        browser.click(".hall-add").await;
    }
    browser
        .wait_until(
            "two chosen guides",
            "return document.querySelectorAll('.hall-chosen li').length === 2",
        )
        .await;
    browser
        .click(".hall-chosen li:nth-child(2) .hall-choice-actions button:first-child")
        .await;
    let chosen = || async {
        browser
            .eval("return [...document.querySelectorAll('.hall-choice-title')].map(e => e.textContent)")
            .await
    };
    browser
        .wait_until(
            "the new order",
            "return document.querySelector('.hall-choice-title')?.textContent.includes('Kích hoạt')",
        )
        .await;
    let titles = chosen().await;
    let (first, second) = (
        titles[0].as_str().unwrap_or_default().to_owned(),
        titles[1].as_str().unwrap_or_default().to_owned(),
    );
    assert!(second.contains("tạm trú"), "{titles}");
    assert_eq!(
        browser
            .eval("return JSON.parse(localStorage.getItem('sotay.hall'))")
            .await,
        json!({ "guides": ["kich-hoat-vneid", "dang-ky-tam-tru"], "seconds": 20 })
    );
    // Remembered on this device.
    browser.reload().await;
    browser.wait_for_app().await;
    browser
        .wait_until(
            "the kept choice",
            "return document.querySelectorAll('.hall-chosen li').length === 2",
        )
        .await;
    assert_eq!(chosen().await, titles);

    // The hall screen, in that order.
    browser.click(".hall-open").await;
    wait_for_title(&browser, &first, Duration::from_secs(10)).await;
    assert!(browser.text(".hall-state").await.contains("Trang 1/2"));
    let measured: Value = browser
        .eval(
            "const px = s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize);
             const hall = document.querySelector('.hall');
             const qr = document.querySelector('.hall-qr svg').getBoundingClientRect();
             return { title: px('.hall-title'), steps: px('.hall-steps'), help: px('.hall-help'),
               count: document.querySelectorAll('.hall-steps li').length,
               fits: hall.scrollHeight <= hall.clientHeight && hall.scrollWidth <= hall.clientWidth,
               qr: qr.width };",
        )
        .await;
    println!("hall screen at 1920 × 1080: {measured}");
    // From 3 m a 43-inch screen's 1080 lines need text of about 60 px and up.
    assert!(
        measured["title"].as_f64().unwrap_or(0.0) >= 80.0,
        "{measured}"
    );
    assert!(
        measured["steps"].as_f64().unwrap_or(0.0) >= 56.0,
        "{measured}"
    );
    assert!(
        measured["help"].as_f64().unwrap_or(0.0) >= 32.0,
        "{measured}"
    );
    assert!(
        (1..=5).contains(&measured["count"].as_u64().unwrap_or(0)),
        "{measured}"
    );
    assert_eq!(
        measured["fits"],
        json!(true),
        "the slide fits the screen: {measured}"
    );
    assert!(
        measured["qr"].as_f64().unwrap_or(0.0) >= 400.0,
        "{measured}"
    );
    assert_eq!(
        qr_on_screen(&browser, ".hall-qr svg").await,
        vec![server.url("/g/kich-hoat-vneid/")]
    );

    // → moves on and comes round again.
    browser.press(Key::Right).await;
    wait_for_title(&browser, &second, Duration::from_secs(3)).await;
    assert!(browser.text(".hall-state").await.contains("Trang 2/2"));
    browser.press(Key::Right).await;
    wait_for_title(&browser, &first, Duration::from_secs(3)).await;
    browser.press(Key::Left).await;
    wait_for_title(&browser, &second, Duration::from_secs(3)).await;

    // On its own, at the pace set on the page (and kept).
    choose(&browser, "#hall-seconds", "5").await;
    assert!(browser.text(".hall-state").await.contains("5 giây"));
    wait_for_title(&browser, &first, Duration::from_secs(8)).await;
    assert_eq!(
        browser
            .eval("return JSON.parse(localStorage.getItem('sotay.hall')).seconds")
            .await,
        json!(5)
    );

    // The space bar pauses: the slide stays well past its time, and the state says so.
    browser.press(Key::Space).await;
    browser
        .wait_until(
            "the paused state",
            "return document.querySelector('.hall.paused')",
        )
        .await;
    assert!(browser.text(".hall-state").await.contains("Đang dừng"));
    assert_eq!(
        browser
            .eval("return document.querySelector('.hall-pause').getAttribute('aria-pressed')")
            .await,
        json!("true")
    );
    let paused_on = slide_title(&browser).await;
    tokio::time::sleep(Duration::from_secs(7)).await;
    assert_eq!(
        slide_title(&browser).await,
        paused_on,
        "a paused slide stays"
    );
    browser.press(Key::Space).await;
    browser
        .wait_until(
            "the show to run again",
            "return !document.querySelector('.hall.paused')",
        )
        .await;

    // With a help point, the code carries it and the slide shows it.
    let code = tan_phu().encode().expect("a profile code");
    browser
        .goto(&server.url(&format!("/trinh-chieu/?c={code}")))
        .await;
    browser.wait_for_app().await;
    wait_for_title(&browser, &first, Duration::from_secs(10)).await;
    assert!(
        browser
            .text(".hall-help")
            .await
            .contains("Công an xã Tân Phú")
    );
    // Title, steps and help, the code and the controls each have their own place on the screen.
    let overlaps = browser
        .eval(
            "const box = s => document.querySelector(s).getBoundingClientRect();
             const parts = ['.hall-title', '.hall-text', '.hall-qr', '.hall-bar'].map(s => [s, box(s)]);
             const clash = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
             const out = parts.filter(([, r]) => r.bottom > innerHeight || r.right > innerWidth).map(([s]) => s);
             for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++)
               if (clash(parts[i][1], parts[j][1])) out.push(parts[i][0] + ' × ' + parts[j][0]);
             return out;",
        )
        .await;
    assert_eq!(
        overlaps,
        json!([]),
        "the slide's parts overlap or leave the screen"
    );
    assert_eq!(
        qr_on_screen(&browser, ".hall-qr svg").await,
        vec![server.url(&format!("/g/kich-hoat-vneid/?c={code}"))]
    );
    assert!(
        browser
            .eval("return !!document.querySelector('.hall-fullscreen')")
            .await
            == json!(true),
        "the full-screen button where the browser can"
    );
    browser.assert_console_clean().await;
    browser.close().await;
}

/// Every step's title of a guide, from its file.
fn step_titles(id: &str) -> Vec<String> {
    let guides = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/guides");
    let report = sotay_guides::check_dir(&guides, sotay_guides::Date::today_utc());
    let guide = report
        .catalog
        .get_exact(sotay_guides::Lang::Vi, id)
        .expect("the guide");
    guide.steps.iter().map(|step| step.title.clone()).collect()
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_handout_prints_every_step_on_one_or_two_a4_pages() {
    let server = site();
    let browser = Browser::start().await;
    // The print dialog is the browser's; the test counts the calls and prints to PDF itself.
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.__prints = 0; \
                Window.prototype.print = function () { window.__prints++; \
                  const qr = document.querySelector('.handout-qr img'); \
                  window.__qrLoaded = !!qr && qr.complete && qr.naturalWidth > 0; }; \
                window.print = Window.prototype.print;" }),
        )
        .await;
    let code = tan_phu().encode().expect("a profile code");
    browser
        .goto(&server.url(&format!("/g/kich-hoat-vneid/?c={code}")))
        .await;
    browser.wait_for_app().await;
    assert_eq!(
        browser
            .eval("return !!document.querySelector('.handout')")
            .await,
        json!(false),
        "no sheet until it is asked for"
    );
    browser.click(".handout-print").await;
    browser
        .wait_until(
            "the sheet and the print call",
            "return document.querySelector('.handout') && window.__prints === 1",
        )
        .await;

    assert_eq!(
        browser.eval("return window.__qrLoaded").await,
        json!(true),
        "the print waits for the code's image"
    );

    // What prints: the sheet alone, every step, the help point, the code.
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let printed: Value = browser
        .eval(
            "const shown = e => e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
             return { sheet: shown(document.querySelector('.handout')),
               player: shown(document.querySelector('.player')),
               text: document.querySelector('.handout').innerText,
               steps: [...document.querySelectorAll('.handout-step h3')].filter(shown).map(h => h.textContent) };",
        )
        .await;
    assert_eq!(printed["sheet"], json!(true), "{printed}");
    assert_eq!(printed["player"], json!(false), "only the sheet prints");
    let titles = step_titles("kich-hoat-vneid");
    assert_eq!(printed["steps"], json!(titles));
    let text = printed["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("Công an xã Tân Phú") && text.contains("0912 345 678"),
        "{text}"
    );
    assert!(
        text.contains("Người thân có điện thoại thông minh quét mã này"),
        "{text}"
    );
    // The code is drawn at build time with the build's SOTAY_BASE_URL (this
    // server's port is another): the guide's plain link, without the profile.
    let codes = qr_on_screen(&browser, ".handout-qr img").await;
    assert!(
        codes.len() == 1
            && codes[0].starts_with("http")
            && codes[0].ends_with("/g/kich-hoat-vneid/"),
        "{codes:?}"
    );
    let size: Value = browser
        .eval("return parseFloat(getComputedStyle(document.querySelector('.handout-step p')).fontSize)")
        .await;
    // 14 pt is 18.7 CSS px: large type.
    assert!(size.as_f64().unwrap_or(0.0) >= 18.0, "{size}");
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await;

    let pdf = print_to_pdf(&browser).await;
    let (pages, media_box) = pdf_pages(&pdf);
    println!(
        "handout of kich-hoat-vneid: {pages} A4 page(s), {} steps",
        titles.len()
    );
    assert!((1..=2).contains(&pages), "one or two pages, not {pages}");
    assert_eq!(page_size(&media_box), (595, 842), "A4: {media_box}");

    // After printing the sheet goes, and the guide prints as before.
    browser
        .eval("window.dispatchEvent(new Event('afterprint')); return true")
        .await;
    browser
        .wait_until(
            "the sheet to go",
            "return !document.querySelector('.handout')",
        )
        .await;
    browser.assert_console_clean().await;
    browser.close().await;
}
