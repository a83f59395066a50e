//! The guides: the player (deep links, walking the steps, resuming after a reload), search,
//! “Tôi cần làm gì?”, and reading settings that persist.

use fantoccini::key::Key;
use serde_json::{Value, json};
use sotay_e2e::{Browser, site};

const GUIDE: &str = "kich-hoat-vneid";

/// The progress line (“Bước 2/8”) and the one step card that is showing, as `[text, heading id]`.
const SHOWING: &str = "const shown = [...document.querySelectorAll('.guide-steps .step')]
    .filter(s => getComputedStyle(s).display !== 'none');
  return [document.querySelector('.player-head .progress')?.textContent ?? '',
          shown.length === 1 ? shown[0].querySelector('h2').id : 'showing ' + shown.length];";

async fn showing(browser: &Browser) -> Value {
    browser.eval(SHOWING).await
}

/// Waits until step `n` of `total` shows, alone, with its number in the address.
async fn wait_for_step(browser: &Browser, n: usize, total: usize) {
    let script = format!(
        "const shown = [...document.querySelectorAll('.guide-steps .step')]
           .filter(s => getComputedStyle(s).display !== 'none');
         return document.querySelector('.player-head .progress')?.textContent === 'Bước {n}/{total}'
           && shown.length === 1 && shown[0].querySelector('h2').id === 'buoc-{n}'
           && location.search === '?buoc={n}';"
    );
    browser
        .wait_until(&format!("step {n}/{total}"), &script)
        .await;
}

/// Presses a key in whatever has the focus.
async fn press(browser: &Browser, key: Key) {
    let focused = browser
        .client
        .active_element()
        .await
        .expect("a focused element");
    focused
        .send_keys(&String::from(char::from(key)))
        .await
        .expect("key press");
}

async fn step_count(browser: &Browser) -> usize {
    let count = browser
        .eval("return document.querySelectorAll('.guide-steps .step').length")
        .await;
    count.as_u64().unwrap_or(0) as usize
}

async fn checklist_ticks(browser: &Browser) -> Value {
    browser
        .eval("return [...document.querySelectorAll('.checklist input')].map(i => i.checked)")
        .await
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn a_guide_opens_by_deep_link_walks_every_step_and_resumes_after_reload() {
    let server = site();
    let browser = Browser::start().await;
    browser.goto(&server.url(&format!("/g/{GUIDE}/"))).await;
    browser.wait_for_app().await;
    assert!(browser.heading().await.contains("Kích hoạt"));
    let total = step_count(&browser).await;
    assert!(total >= 3, "the guide has {total} steps");
    wait_for_step(&browser, 1, total).await;
    assert!(
        browser.text("body").await.contains("Cập nhật ngày"),
        "the review date shows"
    );

    // Forward through every step; focus follows the step heading.
    for n in 2..=total {
        browser.click(".step-nav button.next").await;
        wait_for_step(&browser, n, total).await;
        let focused = browser.eval("return document.activeElement.id").await;
        assert_eq!(
            focused,
            json!(format!("buoc-{n}")),
            "focus moves to the step heading"
        );
    }
    // The last “Tiếp” says “Xong” and opens the finish screen with what happens next.
    assert!(browser.text(".step-nav button.next").await.contains("Xong"));
    browser.click(".step-nav button.next").await;
    browser
        .wait_until(
            "the finish screen",
            "const f = document.querySelector('.finish');
             return f && getComputedStyle(f).display !== 'none' && document.activeElement.id === 'sau-khi-xong'
               && location.search === ''
               && [...document.querySelectorAll('.guide-steps .step')].every(s => getComputedStyle(s).display === 'none');",
        )
        .await;
    let finish = browser.text(".finish").await;
    assert!(finish.contains("Điều gì xảy ra tiếp theo"), "{finish}");
    assert!(
        finish.contains("Việc tiếp theo"),
        "the next guide is offered: {finish}"
    );

    // And back again, to the first step.
    browser.click(".finish button.prev").await;
    wait_for_step(&browser, total, total).await;
    for n in (1..total).rev() {
        browser.click(".step-nav button.prev").await;
        wait_for_step(&browser, n, total).await;
    }
    assert_eq!(
        browser
            .eval("return document.querySelector('.step-nav button.prev')")
            .await,
        Value::Null,
        "no “Quay lại” on step 1"
    );

    // Arrow keys move too (focus is on the heading, not in a text field).
    press(&browser, Key::Right).await;
    wait_for_step(&browser, 2, total).await;
    press(&browser, Key::Left).await;
    wait_for_step(&browser, 1, total).await;

    // Tick the first checklist item, go to step 3, reload: same step, tick kept.
    browser.click(".checklist input[type='checkbox']").await;
    browser.click(".step-nav button.next").await;
    wait_for_step(&browser, 2, total).await;
    browser.click(".step-nav button.next").await;
    wait_for_step(&browser, 3, total).await;
    let ticks = checklist_ticks(&browser).await;
    assert_eq!(ticks.get(0), Some(&json!(true)), "{ticks}");
    browser.client.refresh().await.expect("reload");
    browser.wait_for_app().await;
    wait_for_step(&browser, 3, total).await;
    let after_reload = checklist_ticks(&browser).await;
    assert_eq!(after_reload, ticks, "ticks are remembered");

    // The plain guide link (no ?buoc) also resumes where the reader left off.
    browser.goto(&server.url(&format!("/g/{GUIDE}/"))).await;
    browser.wait_for_app().await;
    wait_for_step(&browser, 3, total).await;
    // Nothing personal is stored: only the step and the ticked item numbers.
    let saved = browser
        .eval(&format!(
            "return localStorage.getItem('sotay.progress.{GUIDE}')"
        ))
        .await;
    assert_eq!(saved, json!("{\"step\":2,\"checked\":[0]}"));

    // “Bắt đầu lại” clears both.
    browser.click_text("Bắt đầu lại").await;
    wait_for_step(&browser, 1, total).await;
    assert!(
        checklist_ticks(&browser)
            .await
            .as_array()
            .is_some_and(|t| t.iter().all(|v| v == &json!(false)))
    );
    browser.client.refresh().await.expect("reload");
    browser.wait_for_app().await;
    wait_for_step(&browser, 1, total).await;
    assert!(
        browser.axe_serious().await.is_empty(),
        "{:?}",
        browser.axe_serious().await
    );
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn a_step_link_opens_that_step_and_the_overview_shows_all() {
    let server = site();
    let browser = Browser::start().await;
    browser
        .goto(&server.url("/g/dang-ky-tam-tru/?buoc=3"))
        .await;
    browser.wait_for_app().await;
    let total = step_count(&browser).await;
    wait_for_step(&browser, 3, total).await;
    assert_eq!(showing(&browser).await[1], json!("buoc-3"));

    browser.click_text("Xem tất cả các bước").await;
    browser
        .wait_until(
            "every step on one page",
            "return [...document.querySelectorAll('.guide-steps .step')].every(s => getComputedStyle(s).display !== 'none')
               && !document.querySelector('.step-nav');",
        )
        .await;
    browser.click_text("Xem từng bước").await;
    wait_for_step(&browser, 3, total).await;

    // Official links open in a new tab without handing over the page.
    let links = browser
        .eval("return [...document.querySelectorAll('.step-link a, .sources a')].every(a => a.target === '_blank' && a.rel === 'noopener noreferrer' && a.href.startsWith('https://'))")
        .await;
    assert_eq!(links, json!(true));

    // An unknown guide gets a friendly page with the way back to the list.
    browser
        .goto(&server.url("/g/khong-co-huong-dan-nay/"))
        .await;
    browser.wait_for_app().await;
    assert!(browser.heading().await.contains("Không tìm thấy hướng dẫn"));
    browser.click_text("Xem danh sách hướng dẫn").await;
    browser
        .wait_until("the list", "return location.pathname === '/huong-dan/'")
        .await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn search_ignores_diacritics_and_case() {
    let server = site();
    let browser = Browser::start().await;
    browser.goto(&server.url("/huong-dan/")).await;
    browser.wait_for_app().await;
    // Before searching: every guide, grouped by category.
    let groups = browser
        .eval("return document.querySelectorAll('.guide-group').length")
        .await;
    assert!(groups.as_u64().unwrap_or(0) >= 3, "{groups}");

    browser.type_into("#tim-huong-dan", "kich hoat").await;
    browser
        .wait_until(
            "the activation guide in the results",
            "return document.querySelector(\".search-results a[href^='/g/kich-hoat-vneid/']\")",
        )
        .await;
    let first = browser
        .eval("return document.querySelector('.search-results a').getAttribute('href')")
        .await;
    assert_eq!(
        first,
        json!("/g/kich-hoat-vneid/"),
        "the activation guide comes first"
    );
    assert!(browser.text(".search-status").await.starts_with("Tìm thấy"));

    let clear = String::from(char::from(Key::Backspace)).repeat(12);
    browser.type_into("#tim-huong-dan", &clear).await;
    browser.type_into("#tim-huong-dan", "TAM TRU").await;
    browser
        .wait_until(
            "the temporary residence guide",
            "return document.querySelector(\".search-results a[href^='/g/dang-ky-tam-tru/']\")",
        )
        .await;

    // Nothing found: a friendly message, the way to the questionnaire, and the text stays.
    browser.type_into("#tim-huong-dan", &clear).await;
    browser.type_into("#tim-huong-dan", "qwxz").await;
    browser
        .wait_until(
            "the no-result message",
            "return document.querySelector('.no-results')",
        )
        .await;
    let value = browser
        .eval("return document.getElementById('tim-huong-dan').value")
        .await;
    assert_eq!(value, json!("qwxz"));
    let said = browser
        .eval("return document.body.innerText.split('Không tìm thấy hướng dẫn nào').length - 1")
        .await;
    assert_eq!(said, json!(1), "the no-result message is said once");
    browser.click(".no-results a[href='/can-lam-gi/']").await;
    browser
        .wait_until(
            "the questionnaire",
            "return location.pathname === '/can-lam-gi/'",
        )
        .await;
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_questionnaire_recommends_level_2_for_a_chip_card_without_account() {
    let server = site();
    let browser = Browser::start().await;
    browser.goto(&server.url("/can-lam-gi/")).await;
    browser.wait_for_app().await;
    browser.click("input[name='the-chip'][value='yes']").await;
    browser.click("input[name='tai-khoan'][value='none']").await;
    browser.click_text("Xem gợi ý").await;
    browser
        .wait_until(
            "suggestions",
            "return document.querySelector('.recommendations li a')",
        )
        .await;
    let first = browser
        .eval("return document.querySelector('.recommendations li a').getAttribute('href')")
        .await;
    assert_eq!(
        first,
        json!("/g/dang-ky-tai-khoan-muc-2/"),
        "the level-2 guide comes first"
    );
    let reason = browser.text(".recommendations li").await;
    assert!(
        reason.contains("công an xã/phường"),
        "the reason is given: {reason}"
    );
    assert_eq!(
        browser.eval("return document.activeElement.id").await,
        json!("goi-y")
    );
    assert!(
        browser.axe_serious().await.is_empty(),
        "{:?}",
        browser.axe_serious().await
    );

    browser.click(".recommendations li a").await;
    browser
        .wait_until(
            "the guide",
            "return location.pathname === '/g/dang-ky-tai-khoan-muc-2/'",
        )
        .await;
    assert!(browser.heading().await.contains("mức 2"));
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn text_size_persists_across_reload() {
    let server = site();
    let browser = Browser::start().await;
    browser.goto(&server.url(&format!("/g/{GUIDE}/"))).await;
    browser.wait_for_app().await;
    let normal = browser
        .eval("return parseFloat(getComputedStyle(document.querySelector('.step h2')).fontSize)")
        .await;
    browser.click("button[aria-label='Chữ to']").await;
    browser
        .wait_until(
            "large text",
            "return document.documentElement.classList.contains('text-large')",
        )
        .await;
    browser.client.refresh().await.expect("reload");
    browser.wait_for_app().await;
    let html_class = browser
        .eval("return document.documentElement.className")
        .await;
    assert!(
        html_class.as_str().unwrap_or("").contains("text-large"),
        "{html_class}"
    );
    let pressed = browser.eval("return document.querySelector(\"button[aria-label='Chữ to']\").getAttribute('aria-pressed')").await;
    assert_eq!(pressed, json!("true"));
    let large = browser
        .eval("return parseFloat(getComputedStyle(document.querySelector('.step h2')).fontSize)")
        .await;
    assert!(large.as_f64() > normal.as_f64(), "{large} > {normal}");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn home_lists_the_most_used_guides_and_english_falls_back_to_vietnamese() {
    let server = site();
    let browser = Browser::start().await;
    browser.goto(&server.url("/")).await;
    browser.wait_for_app().await;
    let popular = browser
        .eval(
            "return [...document.querySelectorAll('.popular a')].map(a => a.getAttribute('href'))",
        )
        .await;
    assert_eq!(popular.as_array().map(Vec::len), Some(6), "{popular}");
    assert!(browser.eval("return document.querySelector(\".scam-warning a[href='/g/lua-dao-gia-danh-cong-an/']\")").await.is_object());

    browser.click_text("English").await;
    browser
        .wait_until("English", "return document.documentElement.lang === 'en'")
        .await;
    browser.click(".site-nav a[href='/huong-dan/']").await;
    browser
        .wait_until(
            "the list in English",
            "return document.querySelector('h1').textContent.includes('Step-by-step')",
        )
        .await;
    let body = browser.text("main").await;
    assert!(
        body.contains("Activating your VNeID"),
        "translated guides show in English"
    );
    assert!(
        body.contains("(Vietnamese version)"),
        "untranslated ones say so"
    );
    browser.click("a[href='/g/dang-ky-tam-tru/']").await;
    browser.wait_until("the guide", "return document.querySelector('.player-head .progress')?.textContent.startsWith('Step 1/')").await;
    assert!(browser.text("main").await.contains("(Vietnamese version)"));
    browser.assert_console_clean().await;
    browser.close().await;
}

/// A guide page carries its own guide; another guide opened inside the app
/// comes from the catalog file, fetched once. When that fetch fails (no
/// connection yet, no offline copy) the reader gets a plain message and a
/// "Thử lại" that works once the connection is back.
#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn guides_opened_inside_the_app_load_their_steps_or_say_why_not() {
    let server = site();
    let browser = Browser::start().await;
    browser.cdp("Network.enable", json!({})).await;
    // This test is about the network path, not the offline copy.
    browser
        .cdp("Network.setBypassServiceWorker", json!({ "bypass": true }))
        .await;
    browser.goto(&server.url(&format!("/g/{GUIDE}/"))).await;
    browser.wait_for_app().await;
    // The page's own guide needs nothing more.
    let catalog_requests = "return performance.getEntriesByType('resource')
        .filter((e) => /\\/assets\\/guides-[0-9a-f]+\\.json$/.test(new URL(e.name).pathname)).length";
    assert_eq!(browser.eval(catalog_requests).await, json!(0));
    assert!(step_count(&browser).await >= 5);

    // Offline before anything was saved: the catalog cannot come.
    browser
        .cdp(
            "Network.setBlockedURLs",
            json!({ "urls": ["*/assets/guides-*.json"] }),
        )
        .await;
    // The "next guide" link sits on the finish screen; a script click is the same click.
    browser
        .eval("document.querySelector('.next-guide a').click(); return true")
        .await;
    browser
        .wait_until(
            "the friendly failure",
            "return document.querySelector('[role=alert]')?.textContent.includes('Chưa tải được nội dung')",
        )
        .await;
    // The title is there (from the outline), and the way forward.
    let heading = browser.heading().await;
    assert!(
        !heading.is_empty(),
        "the guide's title shows while it cannot load"
    );
    let serious = browser.axe_serious().await;
    assert!(
        serious.is_empty(),
        "accessibility of the message: {serious:#?}"
    );
    browser
        .cdp("Network.setBlockedURLs", json!({ "urls": [] }))
        .await;
    browser.click_text("Thử lại").await;
    browser
        .wait_until(
            "the steps after retrying",
            "return document.querySelectorAll('.guide-steps .step').length > 0",
        )
        .await;
    assert!(browser.eval(catalog_requests).await.as_u64() >= Some(1));

    // Once here, every other guide opens without another download.
    let before = browser.eval(catalog_requests).await;
    browser.click(".site-nav a[href='/huong-dan/']").await;
    browser
        .wait_until("the list", "return location.pathname === '/huong-dan/'")
        .await;
    browser.click("a[href='/g/dang-ky-tam-tru/']").await;
    browser
        .wait_until(
            "another guide's steps",
            "return location.pathname === '/g/dang-ky-tam-tru/'
                && document.querySelectorAll('.guide-steps .step').length > 0",
        )
        .await;
    assert_eq!(browser.eval(catalog_requests).await, before);
    // The blocked request is the browser's own console line; nothing else.
    let unexpected: Vec<_> = browser
        .console()
        .await
        .into_iter()
        .filter(|(level, message)| {
            (level == "SEVERE" && !message.contains("ERR_BLOCKED_BY_CLIENT"))
                || message.contains("panicked")
        })
        .collect();
    assert!(unexpected.is_empty(), "console: {unexpected:#?}");
    browser.close().await;
}
