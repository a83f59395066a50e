//! The engine-neutral journeys, in Firefox ESR and WebKitGTK as well as in
//! Chromium's fuller tests elsewhere: residents open the app in Chromium
//! (Android Chrome, Samsung Internet, Zalo) and WebKit (every iPhone browser).
//! Every journey runs in a 360 × 740 viewport. Test names end with the engine
//! (`…::firefox`), which is how `cargo xtask test` counts per engine.
//! Chromium-only checks (DevTools protocol, fake camera, print to PDF,
//! installability) stay in the other files and say so in their names.

use std::time::Duration;

use serde_json::{Value, json};
use sotay_e2e::{Browser, Engine, Options, PHONE, is_console_error, site};
use sotay_scan::corpus::{self, CardKind, Condition};

use crate::player::{GUIDE, NEXT, saved_progress, wait_for_step};
use crate::scanner;

/// Runs `journey` as one test per engine named `journey::firefox`, `journey::webkit`
/// (and `journey::chromium` when asked: Chromium has its own fuller test otherwise).
macro_rules! in_engines {
    ($journey:ident: $($engine:ident => $variant:ident),+) => {
        mod $journey {
            $(
                #[tokio::test]
                #[ignore = "needs the built site and the three browsers: run `cargo xtask test`"]
                async fn $engine() {
                    super::$journey(sotay_e2e::Engine::$variant).await;
                }
            )+
        }
    };
    ($journey:ident) => {
        in_engines!($journey: firefox => Firefox, webkit => Webkit);
    };
}

/// A chip CCCD card of a made-up man.
const CARD: &str = "001095012345||Nguyễn Văn Mẫu|15031995|Nam|Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội|20042021";
const NAME: &str = "Nguyễn Văn Mẫu";

in_engines!(the_console_check_sees_errors_and_refuses_pages_it_cannot_read:
    chromium => Chromium, firefox => Firefox, webkit => Webkit);
async fn the_console_check_sees_errors_and_refuses_pages_it_cannot_read(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser.open(&server.url("/")).await;
    browser.assert_console_clean().await;
    // A logged error, and a script the page cannot load.
    browser
        .eval(
            "console.error('made-up logged error');
             const script = document.createElement('script');
             script.src = '/assets/made-up-missing.js';
             document.head.append(script);
             return true",
        )
        .await;
    browser
        .wait_until_console("both errors", |entries| {
            let errors = format!(
                "{:?}",
                entries
                    .iter()
                    .filter(|(level, message)| is_console_error(level, message))
                    .collect::<Vec<_>>()
            );
            errors.contains("made-up logged error") && errors.contains("made-up-missing.js")
        })
        .await;
    if engine != Engine::Chromium {
        // A page without the capture script cannot be called clean.
        browser.goto("about:blank").await;
        let unavailable = browser.try_console().await;
        assert!(
            unavailable.is_err(),
            "a page without capture read as {unavailable:?}"
        );
    }
    browser.close().await;
}

in_engines!(the_viewport_is_a_360_by_740_phone: chromium => Chromium, firefox => Firefox, webkit => Webkit);
async fn the_viewport_is_a_360_by_740_phone(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser.open(&server.url("/")).await;
    let size = browser
        .eval("return [document.documentElement.clientWidth, innerHeight]")
        .await;
    assert_eq!(size, json!([PHONE.0, PHONE.1]), "{engine:?}");
    browser.close().await;
}

in_engines!(a_guide_opens_by_deep_link_walks_and_resumes_after_reload);
async fn a_guide_opens_by_deep_link_walks_and_resumes_after_reload(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser
        .open(&server.url(&format!("/g/{GUIDE}/#buoc-1")))
        .await;
    assert!(browser.heading().await.contains("Kích hoạt"));
    let total = browser
        .eval("return document.querySelectorAll('.player > section.step').length")
        .await
        .as_u64()
        .unwrap_or(0) as usize;
    assert!(total >= 3, "the guide has {total} steps");
    wait_for_step(&browser, 1, total).await;
    // What to prepare sits in a collapsed line above step 1.
    browser
        .eval("document.querySelector('details.guide-about').open = true; return true")
        .await;
    browser.click(".checklist input[type='checkbox']").await;
    for n in 2..=3 {
        browser.click(NEXT).await;
        wait_for_step(&browser, n, total).await;
    }
    browser.reload().await;
    browser.wait_for_app().await;
    wait_for_step(&browser, 3, total).await;
    browser.open(&server.url(&format!("/g/{GUIDE}/"))).await;
    wait_for_step(&browser, 3, total).await;
    assert_eq!(
        saved_progress(&browser).await,
        json!("{\"step\":2,\"checked\":[0]}")
    );
    browser.assert_console_clean().await;
    browser.close().await;
}

in_engines!(search_ignores_diacritics_and_case);
async fn search_ignores_diacritics_and_case(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser.open(&server.url("/huong-dan/")).await;
    browser.type_into("#tim-huong-dan", "KICH hoat").await;
    browser
        .wait_until(
            "the activation guide first",
            "return document.querySelector('.search-results a')?.getAttribute('href') === '/g/kich-hoat-vneid/'",
        )
        .await;
    assert!(browser.text(".search-status").await.starts_with("Tìm thấy"));
    browser.assert_console_clean().await;
    browser.close().await;
}

in_engines!(the_questionnaire_recommends_level_2);
async fn the_questionnaire_recommends_level_2(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser.open(&server.url("/can-lam-gi/")).await;
    browser.click("input[name='the-chip'][value='yes']").await;
    browser.click("input[name='tai-khoan'][value='none']").await;
    browser.click_text("Xem gợi ý").await;
    browser
        .wait_until(
            "the level-2 guide first",
            "return document.querySelector('.recommendations li a')?.getAttribute('href') === '/g/dang-ky-tai-khoan-muc-2/'",
        )
        .await;
    assert_eq!(
        browser.eval("return document.activeElement.id").await,
        json!("goi-y")
    );
    browser.assert_console_clean().await;
    browser.close().await;
}

in_engines!(typed_card_text_reads_and_xoa_clears_it);
async fn typed_card_text_reads_and_xoa_clears_it(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser.open(&server.url("/quet/")).await;
    browser.type_into("#qr-text", CARD).await;
    browser.click(".text-reader button").await;
    scanner::wait_for_name(&browser, NAME, Duration::from_secs(20)).await;
    browser.click_text("Xóa").await;
    browser
        .wait_until(
            "the result and the box to be empty",
            "return !document.querySelector('.card-result') && document.querySelector('#qr-text')?.value === ''",
        )
        .await;
    browser.assert_console_clean().await;
    browser.close().await;
}

in_engines!(a_photo_of_a_card_is_decoded_by_the_worker);
async fn a_photo_of_a_card_is_decoded_by_the_worker(engine: Engine) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let photo = dir.path().join("the.jpg");
    let frame = corpus::render_text(Condition::Clean, 7, CardKind::Cccd, CARD);
    corpus::write_jpeg(&frame, &photo, 85).expect("write the photo");
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser.open(&server.url("/quet/")).await;
    browser
        .type_into("#qr-photo", &photo.to_string_lossy())
        .await;
    scanner::wait_for_name(&browser, NAME, Duration::from_secs(20)).await;
    browser.assert_console_clean().await;
    browser.close().await;
}

in_engines!(after_one_visit_the_app_works_offline);
async fn after_one_visit_the_app_works_offline(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    let origin = server.origin();
    sotay_e2e::assert_works_offline_after_one_visit(
        &browser,
        &origin,
        || server.stop(),
        &[
            ("/g/kich-hoat-vneid/", "Kích hoạt"),
            ("/huong-dan/", "hướng dẫn"),
            ("/quet/", "Quét"),
        ],
    )
    .await;
    browser.close().await;
}

in_engines!(the_poster_builder_previews_and_downloads_an_svg);
async fn the_poster_builder_previews_and_downloads_an_svg(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser
        .open(&server.url("/ap-phich/?g=kich-hoat-vneid"))
        .await;
    browser
        .type_into("#poster-commune", "Phường Long Biên")
        .await;
    browser
        .wait_until(
            "the preview with the commune",
            "const i = document.querySelector('img.poster-image');
             return i && i.complete && i.naturalWidth > 0
               && document.querySelector('a.poster-download')?.download.startsWith('phuong-long-bien')",
        )
        .await;
    // The preview fits the phone: no scrollbar or border narrows it out of the screen.
    let fits = browser
        .eval("const r = document.querySelector('img.poster-image').getBoundingClientRect(); return r.left >= 0 && r.right <= document.documentElement.clientWidth && r.width > 200")
        .await;
    assert_eq!(fits, json!(true), "the preview fits the screen");
    // The link downloads the very picture the preview shows (read through the
    // test build's blob record: the CSP keeps `fetch` away from blob: URLs).
    let download = browser
        .eval_async(
            "const a = document.querySelector('a.poster-download');
             if (a.href !== document.querySelector('img.poster-image').src) return done('the link and the preview differ');
             window.sotayBlobs[a.href].text().then(t => done({ name: a.getAttribute('download'), svg: t }))
               .catch(e => done(String(e)));",
        )
        .await;
    assert_eq!(
        download["name"],
        json!("phuong-long-bien_kich-hoat-vneid_a4.svg")
    );
    let svg = download["svg"].as_str().unwrap_or_default();
    assert!(
        svg.starts_with("<?xml") && svg.contains("Phường Long Biên"),
        "{svg:.200}"
    );
    browser.assert_console_clean().await;
    browser.close().await;
}

in_engines!(the_tally_counts_and_survives_reload);
async fn the_tally_counts_and_survives_reload(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser.open(&server.url("/to-cong-nghe/")).await;
    // Two taps a resident: the service, then the outcome.
    for id in ["kich-hoat-vneid", "kich-hoat-vneid", "dang-ky-tam-tru"] {
        let row = format!(".tally-row[data-subject='{id}']");
        browser.click(&format!("{row} .tally-subject")).await;
        browser
            .click(&format!("{row} .tally-outcome[data-outcome='huong-dan']"))
            .await;
    }
    browser
        .wait_until(
            "three today",
            "return document.querySelector('.tally-today')?.textContent === '3'",
        )
        .await;
    browser.reload().await;
    browser.wait_for_app().await;
    browser
        .wait_until(
            "the counts after reload",
            "return document.querySelector('.tally-today')?.textContent === '3'",
        )
        .await;
    browser.assert_console_clean().await;
    browser.close().await;
}

in_engines!(the_hand_off_page_shows_the_guide_code);
async fn the_hand_off_page_shows_the_guide_code(engine: Engine) {
    let server = site();
    let browser = Browser::start_engine(engine).await;
    browser.open(&server.url("/ma-qr/?g=kich-hoat-vneid")).await;
    let link = browser
        .wait_until(
            "the hand-off code",
            "return document.querySelector('.handoff svg.qr-svg path')?.getAttribute('d')?.length > 100
               && document.querySelector('.handoff-link')?.textContent",
        )
        .await;
    assert!(
        link.as_str()
            .unwrap_or_default()
            .contains("/g/kich-hoat-vneid/"),
        "{link}"
    );
    browser.assert_console_clean().await;
    browser.close().await;
}

/// Routes a resident or a team member opens, each checked at 320 px.
const NARROW_PAGES: [&str; 9] = [
    "/",
    "/huong-dan/",
    "/g/kich-hoat-vneid/?buoc=3",
    "/can-lam-gi/",
    "/quet/",
    "/ap-phich/?g=kich-hoat-vneid",
    "/to-cong-nghe/",
    "/ma-qr/?g=kich-hoat-vneid",
    "/gioi-thieu/",
];

in_engines!(at_320_px_no_page_scrolls_sideways);
async fn at_320_px_no_page_scrolls_sideways(engine: Engine) {
    let server = site();
    let browser = Browser::start_with(Options {
        window: Some((320, PHONE.1)),
        ..Options::phone(engine)
    })
    .await;
    let mut failures = Vec::new();
    for path in NARROW_PAGES {
        browser.open(&server.url(path)).await;
        let measured: Value = browser
            .eval(
                "const w = document.documentElement.clientWidth;
                 return { width: w, scroll: document.documentElement.scrollWidth,
                   wide: [...document.querySelectorAll('body *')]
                     .filter(e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed')
                     .slice(0, 4).map(e => e.tagName.toLowerCase() + '.' + String(e.className)) };",
            )
            .await;
        if measured["width"] != json!(320) || measured["scroll"] != json!(320) {
            failures.push(format!("{path}: {measured}"));
        }
    }
    assert!(
        failures.is_empty(),
        "pages scroll sideways at 320 px:\n{}",
        failures.join("\n")
    );
    browser.assert_console_clean().await;
    browser.close().await;
}
