//! Trust: accessibility on every route and main state (axe-core, keyboard only,
//! focus, names, headings, reflow at 320 px × 200 %, touch targets), the privacy
//! proof for a card read on the phone (requests, storage, console, media), the
//! privacy page, and the browser's answers to bad input (URL parameters, files).
//! Every person here is made up.

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::{Value, json};
use sotay_e2e::{Browser, Options, Server, site};

use crate::scanner;

/// A chip CCCD of a made-up woman born 07/06/1988, registered in Thanh Hóa (038).
const CARD: &str =
    "038188007777||Trần Thị Riêng Tư|07061988|Nữ|Thôn Bí Mật, xã Kín Đáo, Thanh Hóa|12052022";

/// A page, or a state of a page a person reaches by a few taps.
#[derive(Clone, Copy, Debug)]
enum State {
    Plain,
    /// The questionnaire's answer.
    Recommendations,
    /// A card read from the text box.
    CardResult,
    /// The poster builder with its live preview.
    PosterPreview,
}

/// Every route and main state: (label, path, state).
const PAGES: [(&str, &str, State); 16] = [
    ("home", "/", State::Plain),
    ("guide list", "/huong-dan/", State::Plain),
    ("essential services", "/dich-vu-cong/", State::Plain),
    ("guide, step 1", "/g/kich-hoat-vneid/", State::Plain),
    ("guide, step 3", "/g/kich-hoat-vneid/?buoc=3", State::Plain),
    ("questionnaire", "/can-lam-gi/", State::Plain),
    (
        "questionnaire answer",
        "/can-lam-gi/",
        State::Recommendations,
    ),
    ("scanner", "/quet/", State::Plain),
    ("card result", "/quet/", State::CardResult),
    (
        "poster preview",
        "/ap-phich/?g=kich-hoat-vneid",
        State::PosterPreview,
    ),
    ("digital team", "/to-cong-nghe/", State::Plain),
    ("hand-off QR", "/ma-qr/?g=kich-hoat-vneid", State::Plain),
    ("about & privacy", "/gioi-thieu/", State::Plain),
    ("practice list", "/tap-thu/", State::Plain),
    ("practice phone", "/tap-thu/kich-hoat-vneid/", State::Plain),
    ("not found", "/khong-co-trang-nay/", State::Plain),
];

/// Opens `path` and brings the page into `state`.
async fn open(browser: &Browser, server: &Server, path: &str, state: State) {
    browser.goto(&server.url(path)).await;
    browser.wait_for_app().await;
    browser.heading().await;
    match state {
        State::Plain => {}
        State::Recommendations => {
            browser.click("input[name='the-chip'][value='yes']").await;
            browser.click("input[name='tai-khoan'][value='none']").await;
            browser.click_text("Xem gợi ý").await;
            browser
                .wait_until(
                    "suggestions",
                    "return document.querySelector('.recommendations li a')",
                )
                .await;
        }
        State::CardResult => {
            scanner::paste(browser, CARD).await;
            browser.click(scanner::READ_BUTTON).await;
            scanner::result_text(browser).await;
        }
        State::PosterPreview => {
            browser
                .wait_until(
                    "the poster preview",
                    "const i = document.querySelector('img.poster-image'); return i && i.complete && i.naturalWidth > 0",
                )
                .await;
        }
    }
}

/// Turns high contrast on or off with the footer button, as a reader would.
pub(crate) async fn set_high_contrast(browser: &Browser, on: bool) {
    let now = browser
        .eval("return document.documentElement.classList.contains('contrast-high')")
        .await;
    if now != json!(on) {
        browser.click_text("Tương phản cao").await;
        browser
            .wait_until(
                "the contrast mode",
                &format!(
                    "return document.documentElement.classList.contains('contrast-high') === {on}"
                ),
            )
            .await;
    }
}

/// axe-core on the current page: the number of violated nodes per impact, and the
/// serious and critical ones in words.
async fn axe_report(browser: &Browser) -> (Value, Vec<String>) {
    let serious = browser.axe_serious().await;
    // axe is loaded now; count every impact for the report.
    let counts = browser
        .eval_async(
            "axe.run(document, { resultTypes: ['violations'] }).then(r => {
                const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
                for (const v of r.violations) counts[v.impact] = (counts[v.impact] || 0) + v.nodes.length;
                done(counts);
             }).catch(e => done({ failed: String(e) }))",
        )
        .await;
    (counts, serious)
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn axe_finds_nothing_serious_on_any_route_or_state_in_either_contrast_mode() {
    let server = site();
    let browser = Browser::start().await;
    let mut failures = Vec::new();
    for high_contrast in [false, true] {
        for (label, path, state) in PAGES {
            open(&browser, &server, path, state).await;
            set_high_contrast(&browser, high_contrast).await;
            let (counts, serious) = axe_report(&browser).await;
            let mode = if high_contrast {
                "high contrast"
            } else {
                "normal"
            };
            println!("axe {label} ({path}, {mode}): {counts}");
            if !serious.is_empty() {
                failures.push(format!("{label} ({path}, {mode}): {serious:#?}"));
            }
        }
    }
    set_high_contrast(&browser, false).await;
    assert!(
        failures.is_empty(),
        "serious or critical axe violations:\n{}",
        failures.join("\n")
    );
    browser.close().await;
}

/// Controls with no accessible name, from Chromium's own accessibility tree.
async fn unnamed_controls(browser: &Browser) -> Vec<String> {
    let tree = browser.cdp("Accessibility.getFullAXTree", json!({})).await;
    let controls = [
        "button",
        "link",
        "textbox",
        "searchbox",
        "checkbox",
        "radio",
        "combobox",
        "listbox",
        "switch",
        "slider",
        "spinbutton",
        "menuitem",
        "tab",
    ];
    tree["nodes"]
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .filter(|node| node["ignored"] != json!(true))
                .filter(|node| {
                    node["role"]["value"]
                        .as_str()
                        .is_some_and(|role| controls.contains(&role))
                })
                .filter(|node| {
                    node["name"]["value"]
                        .as_str()
                        .is_none_or(|name| name.trim().is_empty())
                })
                .map(|node| {
                    format!(
                        "{} (backend node {})",
                        node["role"]["value"], node["backendDOMNodeId"]
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Heading levels in document order, of headings a reader can reach (not hidden).
const HEADINGS: &str = "return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.getClientRects().length > 0 || h.classList.contains('visually-hidden'))
    .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)]);";

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn every_page_has_lang_one_h1_headings_in_order_and_named_controls() {
    let server = site();
    let browser = Browser::start().await;
    let mut failures = Vec::new();
    for (label, path, state) in PAGES {
        open(&browser, &server, path, state).await;
        let lang = browser.eval("return document.documentElement.lang").await;
        if lang != json!("vi") {
            failures.push(format!("{label}: lang is {lang}"));
        }
        let headings = browser.eval(HEADINGS).await;
        let levels: Vec<u64> = headings
            .as_array()
            .map(|items| items.iter().filter_map(|item| item[0].as_u64()).collect())
            .unwrap_or_default();
        let h1s = levels.iter().filter(|level| **level == 1).count();
        if h1s != 1 {
            failures.push(format!("{label}: {h1s} visible h1 elements: {headings}"));
        }
        if levels.first() != Some(&1) {
            failures.push(format!(
                "{label}: the first heading is not the h1: {headings}"
            ));
        }
        for pair in levels.windows(2) {
            if let [before, after] = pair
                && *after > *before + 1
            {
                failures.push(format!(
                    "{label}: heading level jumps from h{before} to h{after}: {headings}"
                ));
            }
        }
        let unnamed = unnamed_controls(&browser).await;
        if !unnamed.is_empty() {
            failures.push(format!("{label}: controls without a name: {unnamed:?}"));
        }
        // Every form control has a label element, an aria-label or aria-labelledby.
        let unlabelled = browser
            .eval(
                "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
                   .filter(e => e.getClientRects().length > 0)
                   .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                     && !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
                   .map(e => e.outerHTML.slice(0, 120))",
            )
            .await;
        if unlabelled != json!([]) {
            failures.push(format!("{label}: unlabelled controls: {unlabelled}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    browser.close().await;
}

/// The focused element, and whether its focus can be seen (an outline or a ring).
const FOCUS: &str = "const e = document.activeElement;
  if (!e || e === document.body) return { tag: 'body', visible: false };
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const ring = s.boxShadow && s.boxShadow !== 'none';
  const r = e.getBoundingClientRect();
  return { tag: e.tagName.toLowerCase(), id: e.id, cls: e.className, text: (e.textContent || e.value || '').trim().slice(0, 40),
           visible: outline || ring, onscreen: r.width > 0 && r.height > 0 };";

/// Presses one key on the keyboard (WebDriver actions: wherever the focus is).
pub(crate) async fn press(browser: &Browser, key: Key) {
    let key = char::from(key);
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    browser
        .client
        .perform_actions(actions)
        .await
        .expect("key press");
}

async fn press_text(browser: &Browser, text: &str) {
    let focused = browser
        .client
        .active_element()
        .await
        .expect("a focused element");
    focused.send_keys(text).await.expect("key press");
}

/// Tabs forward until `selector` has the focus, checking that every stop shows its
/// focus; gives up after 80 stops.
pub(crate) async fn tab_to(browser: &Browser, selector: &str, failures: &mut Vec<String>) {
    let is_there = format!(
        "return document.activeElement?.matches({})",
        json!(selector)
    );
    for _ in 0..80 {
        press(browser, Key::Tab).await;
        let focus = browser.eval(FOCUS).await;
        // Past the last stop the focus leaves the page for the browser's own controls.
        if focus["tag"] == json!("body") {
            continue;
        }
        if focus["visible"] != json!(true) || focus["onscreen"] != json!(true) {
            failures.push(format!("focus cannot be seen on {focus}"));
        }
        if browser.eval(&is_there).await == json!(true) {
            return;
        }
    }
    panic!("Tab never reached {selector}");
}

async fn wait_for_step(browser: &Browser, n: usize) {
    browser
        .wait_until(
            &format!("step {n}"),
            &format!("return location.hash === '#buoc-{n}' && document.querySelector('.player > .step:not(.step-off) .progress')?.textContent.startsWith('Bước {n}/')"),
        )
        .await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn keyboard_alone_walks_a_guide_and_reads_a_typed_card_with_visible_focus() {
    let server = site();
    let browser = Browser::start().await;
    let mut failures = Vec::new();

    // A guide: Tab to “Tiếp”, Enter and Space advance, “Quay lại” goes back.
    browser.goto(&server.url("/g/kich-hoat-vneid/")).await;
    browser.wait_for_app().await;
    wait_for_step(&browser, 1).await;
    // The first Tab stop is the skip link, and it shows itself.
    press(&browser, Key::Tab).await;
    let first = browser.eval(FOCUS).await;
    assert_eq!(
        first["cls"],
        json!("skip-link"),
        "the skip link comes first: {first}"
    );
    assert_eq!(
        first["onscreen"],
        json!(true),
        "the focused skip link is on screen: {first}"
    );
    // “Tiếp” and “Quay lại” are links (they work before the app runs): Enter follows them.
    tab_to(&browser, ".step-nav a.next", &mut failures).await;
    press(&browser, Key::Enter).await;
    wait_for_step(&browser, 2).await;
    tab_to(&browser, ".step-nav a.next", &mut failures).await;
    press(&browser, Key::Enter).await;
    wait_for_step(&browser, 3).await;
    tab_to(&browser, ".step-nav a.prev", &mut failures).await;
    press(&browser, Key::Enter).await;
    wait_for_step(&browser, 2).await;
    // Arrow keys from the step heading (where the focus lands after a move).
    browser
        .eval("document.querySelector('#buoc-2-ten')?.focus()")
        .await;
    press(&browser, Key::Right).await;
    wait_for_step(&browser, 3).await;

    // The questionnaire: radios by Space and the arrow keys.
    browser.goto(&server.url("/can-lam-gi/")).await;
    browser.wait_for_app().await;
    tab_to(&browser, "input[type=radio]", &mut failures).await;
    press_text(&browser, " ").await;
    let first_name = browser.eval("return document.activeElement.name").await;
    let checked = browser.eval("return document.activeElement.checked").await;
    assert_eq!(checked, json!(true), "Space checks the radio");
    press(&browser, Key::Down).await;
    let moved = browser
        .eval("const e = document.activeElement; return [e.type, e.name, e.checked]")
        .await;
    assert_eq!(
        moved,
        json!(["radio", first_name, true]),
        "an arrow moves within the group and checks"
    );

    // The scanner's text path: Tab to the box, type like a wedge scanner, Enter.
    browser.goto(&server.url("/quet/")).await;
    browser.wait_for_app().await;
    tab_to(&browser, "#qr-text", &mut failures).await;
    press_text(&browser, &format!("{CARD}\u{E007}")).await;
    scanner::result_text(&browser).await;
    let focused = browser
        .eval("return document.activeElement?.closest('.card-result') !== null")
        .await;
    assert_eq!(focused, json!(true), "the focus moves to the result");
    assert!(
        browser
            .text(".card-result")
            .await
            .contains("Trần Thị Riêng Tư")
    );
    tab_to(&browser, "button.danger", &mut failures).await;
    press(&browser, Key::Enter).await;
    browser
        .wait_until(
            "the result to go",
            "return !document.querySelector('.card-result')",
        )
        .await;
    let focus = browser.eval("return document.activeElement?.tagName").await;
    assert_eq!(
        focus,
        json!("H1"),
        "after Xóa the focus returns to the page heading"
    );

    // Focus stays visible in high contrast too.
    set_high_contrast(&browser, true).await;
    browser.eval("document.activeElement?.blur()").await;
    tab_to(&browser, "#qr-text", &mut failures).await;
    set_high_contrast(&browser, false).await;

    failures.dedup();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    browser.assert_console_clean().await;
    browser.close().await;
}

/// Elements wider than the viewport, to name the culprit when a page scrolls sideways.
const OVERFLOW: &str = "const w = 160;
  return { scroll: document.documentElement.scrollWidth, width: innerWidth,
    wide: [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > w + 1 && getComputedStyle(e).position !== 'fixed'; })
      .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
      .slice(0, 6).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')
        + ' right=' + Math.round(e.getBoundingClientRect().right)) };";

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn at_320_px_and_200_percent_zoom_no_page_scrolls_sideways() {
    let server = site();
    let browser = Browser::start().await;
    // 320 device pixels at 200 %: a 160 CSS-pixel-wide viewport.
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 160, "height": 400, "deviceScaleFactor": 2, "mobile": true }),
        )
        .await;
    let mut failures = Vec::new();
    for high_contrast in [false, true] {
        for (label, path, state) in PAGES {
            open(&browser, &server, path, state).await;
            set_high_contrast(&browser, high_contrast).await;
            let measured = browser.eval(OVERFLOW).await;
            let scroll = measured["scroll"].as_f64().unwrap_or(f64::MAX);
            let width = measured["width"].as_f64().unwrap_or(0.0);
            if width != 160.0 || scroll > width {
                failures.push(format!(
                    "{label} ({path}, high contrast {high_contrast}): {measured}"
                ));
            }
        }
    }
    set_high_contrast(&browser, false).await;
    assert!(
        failures.is_empty(),
        "pages scroll sideways at 320 px × 200 %:\n{}",
        failures.join("\n")
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn buttons_and_nav_links_are_at_least_44_px() {
    let server = site();
    let browser = Browser::start().await;
    let mut failures = Vec::new();
    for (label, path, state) in PAGES {
        open(&browser, &server, path, state).await;
        let small = browser
            .eval(
                "return [...document.querySelectorAll('button, .button, .site-nav a, .step-nav a, input[type=submit]')]
                   .filter(e => e.getClientRects().length > 0 && !e.closest('.visually-hidden'))
                   .map(e => [e, e.getBoundingClientRect()])
                   .filter(([e, r]) => r.width < 44 || r.height < 44)
                   .map(([e, r]) => e.tagName.toLowerCase() + '.' + String(e.className).replace(/ /g, '.')
                     + ' “' + e.textContent.trim().slice(0, 30) + '” ' + Math.round(r.width) + '×' + Math.round(r.height))",
            )
            .await;
        if small != json!([]) {
            failures.push(format!("{label} ({path}): {small}"));
        }
    }
    assert!(
        failures.is_empty(),
        "touch targets under 44 px:\n{}",
        failures.join("\n")
    );
    browser.close().await;
}

/// The pieces of `payload` that would identify the person, raw and URL-encoded.
/// No request (URL, headers or body) carried the card, nothing after the first
/// load left the app's origin, and the console never printed the card.
async fn assert_no_card_data_sent_or_printed(
    browser: &Browser,
    origin: &str,
    all: &[(String, String)],
    after_first_load: &[(String, String)],
) {
    for (url, rest) in all {
        for needle in needles(CARD) {
            assert!(
                !url.contains(&needle) && !rest.contains(&needle),
                "a request carries {needle:?}: {url} {rest}"
            );
        }
    }
    let foreign: Vec<_> = after_first_load
        .iter()
        .map(|(url, _)| url)
        .filter(|url| {
            !url.starts_with(origin) && !url.starts_with("data:") && !url.starts_with("blob:")
        })
        .collect();
    assert!(
        foreign.is_empty(),
        "requests left the app's origin: {foreign:?}"
    );
    let console: Vec<String> = browser
        .console()
        .await
        .into_iter()
        .map(|(_, message)| message)
        .collect();
    for needle in needles(CARD) {
        assert!(
            !console.join("\n").contains(&needle),
            "the console printed {needle:?}"
        );
    }
}

fn needles(payload: &str) -> Vec<String> {
    let mut needles = Vec::new();
    for field in payload
        .split('|')
        .filter(|field| field.chars().count() >= 6)
    {
        let encoded: String = url::form_urlencoded::byte_serialize(field.as_bytes()).collect();
        needles.push(encoded.replace('+', "%20"));
        needles.push(encoded);
        needles.push(field.to_string());
    }
    needles.push(payload.replace('|', "%7C"));
    needles.sort();
    needles.dedup();
    needles
}

/// Everything the origin keeps: web storage, IndexedDB rows, every Cache Storage
/// entry's URL and body, cookies, `window.name`, the URL and the history state.
/// Returns where any needle was found, and what was inspected.
const INSPECT: &str = r#"const needles = arguments[0];
(async () => {
  const found = [];
  const seen = { local: 0, session: 0, idb: [], caches: 0, cacheBytes: 0 };
  const look = (place, text) => { if (text == null) return; text = String(text);
    for (const n of needles) if (text.includes(n)) found.push(place + ': ' + n); };
  look('url', location.href); look('cookie', document.cookie); look('window.name', window.name);
  look('history.state', JSON.stringify(history.state)); look('title', document.title);
  for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
    for (let i = 0; i < storage.length; i++) { const key = storage.key(i);
      look(name + ' key', key); look(name + '[' + key + ']', storage.getItem(key));
      if (name === 'localStorage') seen.local++; else seen.session++; }
  }
  for (const info of await indexedDB.databases()) {
    seen.idb.push(info.name); look('indexedDB name', info.name);
    const db = await new Promise((ok, fail) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    for (const store of db.objectStoreNames) {
      const rows = await new Promise((ok, fail) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      look('indexedDB ' + info.name + '/' + store, JSON.stringify(rows));
    }
    db.close();
  }
  for (const name of await caches.keys()) {
    look('cache name', name);
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      look('cache url', request.url);
      const response = await cache.match(request);
      const body = new TextDecoder().decode(await response.arrayBuffer());
      seen.caches++; seen.cacheBytes += body.length;
      look('cache body ' + request.url, body);
      for (const [k, v] of response.headers) look('cache header ' + request.url, k + ': ' + v);
    }
  }
  return { found, seen };
})().then(done, e => done({ failed: String(e) }));"#;

pub(crate) async fn inspect_storage(browser: &Browser, payload: &str) -> Value {
    let wrapped = format!("const done = arguments[arguments.length - 1]; {INSPECT}");
    let result = browser
        .client
        .execute_async(&wrapped, vec![json!(needles(payload))])
        .await
        .expect("the storage inspection runs");
    assert!(
        result.get("failed").is_none(),
        "inspection failed: {result}"
    );
    result
}

/// Every request's URL, headers and body seen in the performance log.
pub(crate) fn requests_of(events: &[Value]) -> Vec<(String, String)> {
    events
        .iter()
        .filter(|event| event["method"] == "Network.requestWillBeSent")
        .map(|event| {
            let request = &event["params"]["request"];
            let url = request["url"].as_str().unwrap_or_default().to_string();
            let rest = format!(
                "{} {} {}",
                request["headers"], request["postData"], request["postDataEntries"]
            );
            (url, rest)
        })
        .collect()
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn card_data_never_leaves_memory_from_load_to_leaving() {
    let server = site();
    let origin = server.origin();
    let browser = Browser::start().await;
    browser.cdp("Network.enable", json!({})).await;

    // First load, and wait for the offline copy so later loads could come from it.
    browser.goto(&server.url("/")).await;
    browser.wait_for_app().await;
    browser
        .wait_until_for(
            "the service worker",
            "return navigator.serviceWorker && navigator.serviceWorker.controller !== undefined",
            Duration::from_secs(20),
        )
        .await;
    let mut events = browser.performance_events().await;

    // To the scanner by the menu, read a card, look at it, copy nothing, leave by the menu.
    browser.click_nav("/quet/").await;
    browser
        .wait_until("the scanner", "return !!document.querySelector('#qr-text')")
        .await;
    let history_before = browser.eval("return history.length").await;
    scanner::paste(&browser, CARD).await;
    browser.click(scanner::READ_BUTTON).await;
    scanner::result_text(&browser).await;
    assert!(
        browser
            .text(".card-result")
            .await
            .contains("Trần Thị Riêng Tư")
    );
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
    let while_shown = inspect_storage(&browser, CARD).await;
    assert_eq!(
        while_shown["found"],
        json!([]),
        "while the result shows: {while_shown}"
    );

    browser.click_nav("/huong-dan/").await;
    browser
        .wait_until(
            "the guide list",
            "return location.pathname === '/huong-dan/'",
        )
        .await;
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
    for needle in needles(CARD) {
        assert!(
            !page.as_str().unwrap_or_default().contains(&needle),
            "the page still holds {needle:?}"
        );
    }
    // Back into the scanner: nothing of the reading comes back.
    scanner::back_finds_nothing(&browser).await;

    // Cookies, from the browser itself rather than document.cookie.
    let cookies = browser.cdp("Network.getAllCookies", json!({})).await;
    for needle in needles(CARD) {
        assert!(
            !cookies.to_string().contains(&needle),
            "a cookie holds {needle:?}"
        );
    }

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
    assert_no_card_data_sent_or_printed(&browser, &origin, &all, &after_first_load).await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn the_privacy_page_says_what_is_kept_and_what_never_is() {
    let server = site();
    let browser = Browser::start().await;
    browser.goto(&server.url("/gioi-thieu/")).await;
    browser.wait_for_app().await;
    assert!(browser.heading().await.contains("quyền riêng tư"));
    let text = browser
        .wait_until("the whole page", "const t = document.querySelector('main article')?.innerText; return t && t.includes('xóa dữ liệu trang web này') && t")
        .await;
    let text = text.as_str().unwrap_or_default();
    for sentence in [
        // What never is.
        "Không có thông tin nào được gửi qua mạng",
        "Bấm “Xóa” hoặc rời màn hình là mất hẳn",
        "không bao giờ lưu thông tin thẻ vào máy, không ghi vào đường dẫn (URL), lịch sử trình duyệt hay nhật ký",
        "Ảnh chụp thẻ bạn chọn để đọc mã cũng không được lưu hay gửi đi",
        "không dùng cookie, không có quảng cáo, không theo dõi",
        // What is kept.
        "Những gì được lưu trên máy này",
        "Cỡ chữ, chế độ tương phản cao và ngôn ngữ bạn chọn",
        "Bạn đang ở bước nào của mỗi hướng dẫn",
        "Thông tin nơi hỗ trợ của xã/phường",
        "số lượt đã hỗ trợ theo ngày và theo hướng dẫn (chỉ là con số)",
        // And how to remove it.
        "xóa dữ liệu trang web này",
    ] {
        assert!(
            text.contains(sentence),
            "the privacy page lacks “{sentence}”:\n{text}"
        );
    }
    browser.close().await;
}

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
        browser.goto(&server.url(path)).await;
        browser.wait_for_app().await;
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
        let panicked: Vec<_> = browser
            .console()
            .await
            .into_iter()
            .filter(|(_, message)| message.contains("panicked") || message.contains("RuntimeError"))
            .collect();
        assert!(panicked.is_empty(), "{path}: {panicked:?}");
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
    browser.goto(&server.url("/quet/")).await;
    browser.wait_for_app().await;
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
    let panics: Vec<_> = browser
        .console()
        .await
        .into_iter()
        .filter(|(_, message)| message.contains("panicked") || message.contains("RuntimeError"))
        .collect();
    assert!(panics.is_empty(), "{panics:?}");
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
    browser.goto(&server.url("/")).await;
    browser.wait_for_app().await;
    let first_load = requests_of(&browser.performance_events().await);

    // The camera.
    browser.click_nav("/quet/").await;
    browser
        .wait_until(
            "the scanner",
            "return !!document.querySelector('.camera-start')",
        )
        .await;
    browser.click(".camera-start").await;
    browser
        .wait_until_for(
            "the card from the camera",
            "return document.querySelector('.card-result')?.textContent.includes('Trần Thị Riêng Tư')",
            Duration::from_secs(10),
        )
        .await;
    let states = browser
        .eval("return window.sotayCameraTrackStates ? window.sotayCameraTrackStates() : null")
        .await;
    assert!(
        states
            .as_array()
            .is_some_and(|s| !s.is_empty() && s.iter().all(|s| s == "ended")),
        "camera tracks once the card is read: {states}"
    );
    browser.click_text("Xóa").await;
    browser
        .wait_until(
            "the result to go",
            "return !document.querySelector('.card-result')",
        )
        .await;

    // A photo.
    browser
        .type_into("#qr-photo", &photo.to_string_lossy())
        .await;
    browser
        .wait_until_for(
            "the card from the photo",
            "return document.querySelector('.card-result')?.textContent.includes('Trần Thị Riêng Tư')",
            Duration::from_secs(20),
        )
        .await;
    let while_shown = inspect_storage(&browser, CARD).await;
    assert_eq!(while_shown["found"], json!([]), "{while_shown}");

    // Leave.
    browser.click_nav("/huong-dan/").await;
    browser
        .wait_until(
            "the guide list",
            "return location.pathname === '/huong-dan/'",
        )
        .await;
    let states = browser
        .eval("return window.sotayCameraTrackStates ? window.sotayCameraTrackStates() : null")
        .await;
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
    assert_no_card_data_sent_or_printed(&browser, &origin, &all, &later).await;
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
    browser.goto(&server.url("/quet/")).await;
    browser.wait_for_app().await;
    let message = choose_photo(&browser, &damaged, "").await;
    assert!(message.contains("Không mở được ảnh"), "{message}");
    browser
        .type_into("#qr-photo", &photo.to_string_lossy())
        .await;
    browser
        .wait_until_for(
            "the card from the photo",
            "return document.querySelector('.card-result')?.textContent.includes('Trần Thị Riêng Tư')",
            Duration::from_secs(30),
        )
        .await;
    browser.close().await;
}
