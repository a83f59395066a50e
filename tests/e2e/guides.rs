//! The guides: the player (deep links, walking the steps, resuming after a reload), search,
//! “Tôi cần làm gì?”, and reading settings that persist.

use fantoccini::key::Key;
use serde_json::{Value, json};
use sotay_e2e::{Browser, Options, site};

use crate::player::{BACK, GUIDE, NEXT, SHOWING, saved_progress, wait_for_step};

async fn showing(browser: &Browser) -> Value {
    browser.eval(SHOWING).await
}

async fn step_count(browser: &Browser) -> usize {
    let count = browser
        .eval("return document.querySelectorAll('.player .step').length")
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
    browser.open(&server.url(&format!("/g/{GUIDE}/"))).await;
    assert!(browser.heading().await.contains("Kích hoạt"));
    let total = step_count(&browser).await;
    assert!(total >= 3, "the guide has {total} steps");
    wait_for_step(&browser, 1, total).await;
    // The facts are one tap away.
    browser.click(".guide-about summary").await;
    assert!(
        browser.text(".guide-about").await.contains("Cập nhật ngày"),
        "the review date shows"
    );

    // Forward through every step; focus follows the step heading.
    for n in 2..=total {
        browser.click(NEXT).await;
        wait_for_step(&browser, n, total).await;
        let focused = browser.eval("return document.activeElement.id").await;
        assert_eq!(
            focused,
            json!(format!("buoc-{n}-ten")),
            "focus moves to the step heading"
        );
    }
    // The last “Tiếp” says “Xong” and opens the finish screen with what happens next.
    assert!(browser.text(NEXT).await.contains("Xong"));
    browser.click(NEXT).await;
    browser
        .wait_until(
            "the finish screen",
            "const f = document.querySelector('.finish');
             return f && getComputedStyle(f).display !== 'none' && document.activeElement.id === 'sau-khi-xong-ten'
               && location.hash === '#sau-khi-xong'
               && [...document.querySelectorAll('.player .step')].every(s => getComputedStyle(s).display === 'none');",
        )
        .await;
    let finish = browser.text(".finish").await;
    assert!(finish.contains("Sau khi làm xong"), "{finish}");
    assert!(
        finish.contains("Việc tiếp theo"),
        "the next guide is offered: {finish}"
    );

    // And back again, to the first step.
    browser.click(BACK).await;
    wait_for_step(&browser, total, total).await;
    for n in (1..total).rev() {
        browser.click(BACK).await;
        wait_for_step(&browser, n, total).await;
    }
    assert_eq!(
        browser
            .eval(&format!("return document.querySelector('{BACK}')"))
            .await,
        Value::Null,
        "no “Quay lại” on step 1"
    );

    // Arrow keys move too (focus is on the heading, not in a text field).
    browser.press(Key::Right).await;
    wait_for_step(&browser, 2, total).await;
    browser.press(Key::Left).await;
    wait_for_step(&browser, 1, total).await;

    // Tick the first checklist item, go to step 3, reload: same step, tick kept.
    browser.click(".checklist input[type='checkbox']").await;
    browser.click(NEXT).await;
    wait_for_step(&browser, 2, total).await;
    browser.click(NEXT).await;
    wait_for_step(&browser, 3, total).await;
    let ticks = checklist_ticks(&browser).await;
    assert_eq!(ticks.get(0), Some(&json!(true)), "{ticks}");
    browser.client.refresh().await.expect("reload");
    browser.wait_for_app().await;
    wait_for_step(&browser, 3, total).await;
    let after_reload = checklist_ticks(&browser).await;
    assert_eq!(after_reload, ticks, "ticks are remembered");

    // The plain guide link (no step) also resumes where the reader left off.
    browser.open(&server.url(&format!("/g/{GUIDE}/"))).await;
    wait_for_step(&browser, 3, total).await;
    // Nothing personal is stored: only the step and the ticked item numbers.
    assert_eq!(
        saved_progress(&browser).await,
        json!("{\"step\":2,\"checked\":[0]}")
    );

    // “Bắt đầu lại” asks first; “Không” keeps everything.
    browser.click(".guide-tools .restart").await;
    let question = browser.text(".restart-confirm").await;
    assert!(question.contains("Bắt đầu lại từ bước 1?"), "{question}");
    browser.click_text("Không, giữ lại").await;
    wait_for_step(&browser, 3, total).await;
    assert_eq!(checklist_ticks(&browser).await, ticks);
    // Saying yes clears both.
    browser.click(".guide-tools .restart").await;
    browser.click_text("Xóa và bắt đầu lại").await;
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
        .open(&server.url("/g/dang-ky-tam-tru/?buoc=3"))
        .await;
    let total = step_count(&browser).await;
    wait_for_step(&browser, 3, total).await;
    assert_eq!(showing(&browser).await[1], json!("buoc-3"));

    browser.click_text("Xem tất cả các bước").await;
    browser
        .wait_until(
            "every step on one page",
            "return [...document.querySelectorAll('.player .step')].every(s => getComputedStyle(s).display !== 'none')
               && [...document.querySelectorAll('.step-nav')].every(n => getComputedStyle(n).display === 'none');",
        )
        .await;
    browser.click_text("Xem từng bước").await;
    wait_for_step(&browser, 3, total).await;

    // Official links open in a new tab without handing over the page.
    let links = browser
        .eval("return [...document.querySelectorAll('.step-link a, .sources a')].every(a => a.target === '_blank' && a.rel === 'noopener noreferrer' && a.href.startsWith('https://'))")
        .await;
    assert_eq!(links, json!(true));

    // A fragment link opens its step before and after the app starts.
    browser
        .open(&server.url("/g/dang-ky-tam-tru/#buoc-2"))
        .await;
    wait_for_step(&browser, 2, total).await;

    // An unknown guide gets a friendly page with the way back to the list.
    browser
        .open(&server.url("/g/khong-co-huong-dan-nay/"))
        .await;
    assert!(browser.heading().await.contains("Không tìm thấy hướng dẫn"));
    browser.click_text("Xem danh sách hướng dẫn").await;
    browser
        .wait_until("the list", "return location.pathname === '/huong-dan/'")
        .await;
    browser.close().await;
}

/// Sets the viewport to a phone's size in CSS pixels.
async fn screen(browser: &Browser, (width, height): (u32, u32)) {
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
}

/// A text size as the app sets it (a class on `<html>`), then back to the top.
async fn text_size(browser: &Browser, class: &str) {
    browser
        .eval(&format!(
            "document.documentElement.className = '{class}'; scrollTo(0, 0);"
        ))
        .await;
}

/// Where the showing step's title and its “Tiếp” are, in screens from the top of the
/// page, and the header's height: `[title bottom, Tiếp bottom, header px]`.
const FIRST_SCREEN: &str = "const step = [...document.querySelectorAll('.player > .step')]
    .find(s => getComputedStyle(s).display !== 'none');
  const bottom = (el) => (el.getBoundingClientRect().bottom + scrollY) / innerHeight;
  return [bottom(step.querySelector('h2')), step.querySelector('a.next').getBoundingClientRect().bottom / innerHeight,
          document.querySelector('.site-header').getBoundingClientRect().height];";

/// Buttons and headings (and the menu) whose text wraps inside a word: two letters
/// side by side in the text on different lines. Addresses may break after `/` or `.`.
const BROKEN_WORDS: &str = "const broken = [];
  for (const el of document.querySelectorAll('button, .button, summary, h1, h2, h3, .site-nav a')) {
    if (!el.getClientRects().length) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let prev = null;
    for (let node; (node = walker.nextNode());) {
      if (node.parentElement.closest('.visually-hidden')) { prev = null; continue; }
      const text = node.textContent;
      for (let i = 0; i < text.length; i++) {
        if (/\\s/.test(text[i])) { prev = null; continue; }
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (prev && rect.top >= prev.bottom - 1 && !'/.'.includes(prev.ch))
          broken.push(el.textContent.trim().slice(0, 40) + ' (' + prev.ch + '|' + text[i] + ')');
        prev = { bottom: rect.bottom, ch: text[i] };
      }
    }
  }
  return broken;";

/// Checks the first screen at every phone size and text size: at 360 × 740 with the
/// default text, step 1's title and “Tiếp” are on the first screen; at 320 × 640 with the
/// largest text, step 1's title is within 1.5 screens and “Tiếp” on screen; the header is
/// at most 64 px; no button or heading breaks inside a word.
async fn check_first_screens(browser: &Browser, when: &str) {
    let mut failures = Vec::new();
    for (size, class, title_within) in [
        ((360, 740), "text-normal", 1.0),
        ((360, 740), "text-large", 1.5),
        ((360, 740), "text-larger", 1.5),
        ((320, 640), "text-normal", 1.0),
        ((320, 640), "text-large", 1.5),
        ((320, 640), "text-larger", 1.5),
    ] {
        screen(browser, size).await;
        text_size(browser, class).await;
        let found = browser.eval(FIRST_SCREEN).await;
        let number = |i: usize| found[i].as_f64().unwrap_or(f64::NAN);
        // False for NaN (nothing found) too.
        let within = |value: f64, limit: f64| value <= limit;
        let label = format!("{when}, {}×{} {class}", size.0, size.1);
        if !within(number(0), title_within) {
            failures.push(format!(
                "{label}: step 1's title ends {:.2} screens down",
                number(0)
            ));
        }
        if !within(number(1), 1.0) {
            failures.push(format!(
                "{label}: “Tiếp” ends {:.2} screens down",
                number(1)
            ));
        }
        if !within(number(2), 64.0) {
            failures.push(format!("{label}: the header is {} px", number(2)));
        }
        let broken = browser.eval(BROKEN_WORDS).await;
        if broken != json!([]) {
            failures.push(format!("{label}: words broken: {broken}"));
        }
    }
    text_size(browser, "text-normal").await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_guide_is_a_step_player_without_javascript() {
    let server = site();
    let browser = Browser::start().await;
    browser.goto("about:blank").await;
    browser
        .cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await;
    browser.goto(&server.url(&format!("/g/{GUIDE}/"))).await;
    assert_eq!(
        browser
            .eval("return document.getElementById('app').dataset.app ?? ''")
            .await,
        json!(""),
        "the app must not run"
    );
    check_first_screens(&browser, "without JavaScript").await;
    let total = step_count(&browser).await;
    assert_eq!(
        showing(&browser).await,
        json!([format!("Bước 1/{total}"), "buoc-1"])
    );

    // “Tiếp” walks to the finish screen, “Quay lại” all the way back.
    for n in 1..=total {
        browser.click(&format!("#buoc-{n} a.next")).await;
        let expected = if n == total {
            json!(["", "sau-khi-xong"])
        } else {
            json!([format!("Bước {}/{total}", n + 1), format!("buoc-{}", n + 1)])
        };
        assert_eq!(
            showing(&browser).await,
            expected,
            "after “Tiếp” on step {n}"
        );
    }
    browser.click("#sau-khi-xong a.prev").await;
    for n in (1..=total).rev() {
        assert_eq!(
            showing(&browser).await,
            json!([format!("Bước {n}/{total}"), format!("buoc-{n}")]),
            "back to step {n}"
        );
        if n > 1 {
            browser.click(&format!("#buoc-{n} a.prev")).await;
        }
    }

    // A link to a step opens that step; printing prints them all.
    browser
        .goto(&server.url(&format!("/g/{GUIDE}/#buoc-4")))
        .await;
    assert_eq!(showing(&browser).await[1], json!("buoc-4"));
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let printed = browser
        .eval("return [...document.querySelectorAll('.player > section')].filter(s => getComputedStyle(s).display !== 'none').length")
        .await;
    assert_eq!(
        printed,
        json!(total + 1),
        "print shows every step and the finish"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_app_takes_over_the_step_the_reader_is_on_without_a_jump() {
    let server = site();
    let browser = Browser::start_with(Options {
        eager: true,
        ..Options::default()
    })
    .await;
    screen(&browser, (360, 740)).await;
    browser.goto("about:blank").await;
    // Layout shifts from the very start of the page (input-driven ones excluded).
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.sotayShift = 0;
                new PerformanceObserver((list) => { for (const e of list.getEntries())
                  if (!e.hadRecentInput) window.sotayShift += e.value; })
                .observe({ type: 'layout-shift', buffered: true });" }),
        )
        .await;
    // A slow network, so the reader moves before the WASM arrives.
    browser.cdp("Network.enable", json!({})).await;
    let network = |down: f64| json!({ "offline": false, "latency": 20, "downloadThroughput": down, "uploadThroughput": -1 });
    browser
        .cdp("Network.emulateNetworkConditions", network(40_000.0))
        .await;
    browser.goto(&server.url(&format!("/g/{GUIDE}/"))).await;
    browser
        .wait_until("step 1", "return document.querySelector('#buoc-1 a.next')")
        .await;
    let total = step_count(&browser).await;
    browser.click("#buoc-1 a.next").await;
    browser.eval("scrollBy(0, 60)").await;
    let before = browser.eval(POSITIONS).await;
    assert_eq!(
        browser
            .eval("return document.getElementById('app').dataset.app ?? ''")
            .await,
        json!(""),
        "the reader moved before the app started"
    );
    browser
        .cdp("Network.emulateNetworkConditions", network(-1.0))
        .await;
    browser.wait_for_app().await;
    wait_for_step(&browser, 2, total).await;
    let after = browser.eval(POSITIONS).await;
    assert_eq!(after, before, "nothing moved when the app took over");
    let shift = browser.eval("return window.sotayShift").await;
    assert!(
        shift.as_f64().is_some_and(|shift| shift <= 0.02),
        "layout shift {shift}"
    );
    // After the app starts, the first screen is the same.
    browser
        .open(&server.url(&format!("/g/{GUIDE}/#buoc-1")))
        .await;
    wait_for_step(&browser, 1, total).await;
    check_first_screens(&browser, "with the app").await;
    browser.assert_console_clean().await;
    browser.close().await;
}

/// The scroll position, the step showing and where its parts are on the screen.
const POSITIONS: &str = "const step = [...document.querySelectorAll('.player > .step')]
    .find(s => getComputedStyle(s).display !== 'none');
  const at = (el) => el ? Math.round(el.getBoundingClientRect().top) : null;
  return [Math.round(scrollY), step.id, at(step), at(step.querySelector('h2')), at(step.querySelector('a.next')),
          at(document.querySelector('h1')), at(document.querySelector('.guide-tools'))];";

/// A speech voice that records what it is asked to say; `sotayEnd()` finishes the
/// current part. Without `voice`, the browser has no voice at all.
fn speech_stub(voice: bool) -> String {
    let voices = if voice { "[new Voice('vi-VN')]" } else { "[]" };
    format!(
        "class Voice {{ constructor(lang) {{ this.lang = lang; this.name = 'Thử'; this.voiceURI = 'thu'; this.default = true; this.localService = true; }} }}
         class Utterance {{ constructor(text) {{ this.text = text; }} }}
         window.SpeechSynthesisVoice = Voice;
         window.SpeechSynthesisUtterance = Utterance;
         const spoken = window.sotaySpoken = [];
         let current = null;
         window.sotayEnd = () => {{ const u = current; current = null; if (u && u.onend) u.onend(new Event('end')); }};
         const synth = {{
           getVoices: () => {voices},
           speak(u) {{ spoken.push(u.text); current = u; }},
           cancel() {{ const u = current; current = null; if (u && u.onerror) u.onerror(new Event('error')); }},
           addEventListener() {{}}, removeEventListener() {{}},
         }};
         Object.defineProperty(window, 'speechSynthesis', {{ get: () => synth, configurable: true }});"
    )
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn read_aloud_says_addresses_as_domains_highlights_and_stops_on_a_new_step() {
    let server = site();
    let browser = Browser::start().await;
    browser.goto("about:blank").await;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": speech_stub(true) }),
        )
        .await;
    browser.open(&server.url(&format!("/g/{GUIDE}/"))).await;
    // Step 1 of this guide shows https://vneid.gov.vn.
    assert!(
        browser
            .text("#buoc-1")
            .await
            .contains("https://vneid.gov.vn")
    );
    browser.click_text("Đọc to").await;
    browser
        .wait_until(
            "the title highlighted",
            "return document.querySelector('#buoc-1 h2.reading')",
        )
        .await;
    for _ in 0..10 {
        browser.eval("window.sotayEnd()").await;
    }
    browser
        .wait_until(
            "the reading to end",
            "return !document.querySelector('.reading') && window.sotaySpoken.length > 2",
        )
        .await;
    let spoken = browser.eval("return window.sotaySpoken").await;
    let spoken: Vec<String> = serde_json::from_value(spoken).unwrap_or_default();
    assert!(
        spoken
            .iter()
            .all(|part| !part.contains("http") && !part.contains("://")),
        "{spoken:?}"
    );
    assert!(
        spoken
            .iter()
            .any(|part| part.contains("vneid chấm gov chấm vn")),
        "{spoken:?}"
    );
    // A new step stops the reading and its highlight.
    browser.click_text("Đọc to").await;
    browser
        .wait_until(
            "reading again",
            "return document.querySelector('#buoc-1 .reading')",
        )
        .await;
    browser.click(NEXT).await;
    browser
        .wait_until(
            "the reading to stop",
            "return !document.querySelector('.reading') && document.querySelector('.read-aloud').textContent.includes('Đọc to')",
        )
        .await;
    browser.close().await;

    // Without a voice the button stays and says how to add one.
    let browser = Browser::start().await;
    browser.goto("about:blank").await;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": speech_stub(false) }),
        )
        .await;
    browser.open(&server.url(&format!("/g/{GUIDE}/"))).await;
    browser.click_text("Đọc to").await;
    let help = browser.text(".voice-help").await;
    assert!(
        help.contains("Android") && help.contains("iPhone"),
        "{help}"
    );
    assert!(
        browser.axe_serious().await.is_empty(),
        "{:?}",
        browser.axe_serious().await
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_menu_reaches_every_page_and_the_help_point_is_on_the_first_screen() {
    let server = site();
    let browser = Browser::start().await;
    screen(&browser, (360, 740)).await;
    // Opened from a commune's poster link: its help point under “Tiếp”, without the
    // phone number (a link anyone can make is not verified).
    browser
        .open(&server.url(&format!(
            "/g/{GUIDE}/?c={}",
            sotay_poster::encode_profile(&sotay_poster::CommuneProfile {
                commune: "Xã Tân Phú".into(),
                places: vec![sotay_poster::HelpPlace {
                    phone: Some("0987654321".into()),
                    ..sotay_poster::HelpPlace::named("Công an xã Tân Phú")
                }],
                ..Default::default()
            })
            .expect("a valid profile")
        )))
        .await;
    let line = browser
        .wait_until(
            "the help line",
            "const line = document.querySelector('.player > .step:not(.step-off) .help-line');
             return line && line.getBoundingClientRect().bottom <= innerHeight && line.textContent;",
        )
        .await;
    assert_eq!(line, json!("Cần giúp? Công an xã Tân Phú"));
    // The whole help point, with the number, at the end.
    let help = browser
        .eval("return document.querySelector('section[aria-labelledby=hoi-ai]').textContent")
        .await;
    assert!(
        help.as_str()
            .is_some_and(|help| help.contains("0987654321")),
        "{help}"
    );

    // One “Menu” control holds every destination.
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.site-header a, .site-header summary').length")
            .await,
        json!(8),
        "the brand, the menu and its six links"
    );
    browser.click(".menu-button").await;
    let links = browser
        .eval("return [...document.querySelectorAll('.site-nav a')].filter(a => a.getClientRects().length).map(a => a.textContent)")
        .await;
    assert_eq!(
        links,
        json!([
            "Trang chủ",
            "Hướng dẫn",
            "Quét CCCD",
            "Tạo mã QR",
            "Tổ công nghệ số",
            "Giới thiệu"
        ])
    );
    browser.click(".site-nav a[href='/huong-dan/']").await;
    browser
        .wait_until(
            "the list, with the menu closed",
            "return location.pathname === '/huong-dan/' && !document.querySelector('.site-menu').open",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn search_ignores_diacritics_and_case() {
    let server = site();
    let browser = Browser::start().await;
    browser.open(&server.url("/huong-dan/")).await;
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
    browser.open(&server.url("/can-lam-gi/")).await;
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
    browser.open(&server.url(&format!("/g/{GUIDE}/"))).await;
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
    browser.open(&server.url("/")).await;
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
    browser.click_nav("/huong-dan/").await;
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
    browser
        .wait_until(
            "the guide",
            "return document.querySelector('#buoc-1 .progress')?.textContent.startsWith('Step 1/')",
        )
        .await;
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
    browser.open(&server.url(&format!("/g/{GUIDE}/"))).await;
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
            "return document.querySelectorAll('.player .step').length > 0",
        )
        .await;
    assert!(browser.eval(catalog_requests).await.as_u64() >= Some(1));

    // Once here, every other guide opens without another download.
    let before = browser.eval(catalog_requests).await;
    browser.click_nav("/huong-dan/").await;
    browser.click("a[href='/g/dang-ky-tam-tru/']").await;
    browser
        .wait_until(
            "another guide's steps",
            "return location.pathname === '/g/dang-ky-tam-tru/'
                && document.querySelectorAll('.player .step').length > 0",
        )
        .await;
    assert_eq!(browser.eval(catalog_requests).await, before);
    // The blocked request is the browser's own console line; nothing else.
    browser
        .assert_console_clean_except(|message| message.contains("ERR_BLOCKED_BY_CLIENT"))
        .await;
    browser.close().await;
}
