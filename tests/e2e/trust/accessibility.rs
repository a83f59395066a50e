//! Accessibility on every page and main state: axe-core in both contrast modes,
//! keyboard only with visible focus, names, headings and `lang`, reflow at
//! 320 px × 200 %, touch targets.

use fantoccini::key::Key;
use serde_json::{Value, json};
use sotay_e2e::pages::PAGES;
use sotay_e2e::{Browser, Server, site};

use super::{CARD, NAME};
use crate::scanner;

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

/// The states a person reaches by a few taps, beyond every page's first view.
const STATES: [(&str, &str, State); 4] = [
    ("guide, step 3", "/g/kich-hoat-vneid/?buoc=3", State::Plain),
    (
        "questionnaire answer",
        "/can-lam-gi/",
        State::Recommendations,
    ),
    ("card result", "/quet/", State::CardResult),
    (
        "poster preview",
        "/ap-phich/?g=kich-hoat-vneid",
        State::PosterPreview,
    ),
];

/// Every page (the one list, [`PAGES`]) and main state: (label, path, state).
fn pages_and_states() -> Vec<(&'static str, &'static str, State)> {
    PAGES
        .iter()
        .map(|page| (page.label, page.path, State::Plain))
        .chain(STATES)
        .collect()
}

/// Opens `path` and brings the page into `state`.
async fn open(browser: &Browser, server: &Server, path: &str, state: State) {
    browser.open(&server.url(path)).await;
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
pub async fn set_high_contrast(browser: &Browser, on: bool) {
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
        for (label, path, state) in pages_and_states() {
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
    for (label, path, state) in pages_and_states() {
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

/// Tabs forward until `selector` has the focus, checking that every stop shows its
/// focus; gives up after 80 stops.
pub async fn tab_to(browser: &Browser, selector: &str, failures: &mut Vec<String>) {
    let is_there = format!(
        "return document.activeElement?.matches({})",
        json!(selector)
    );
    for _ in 0..80 {
        browser.press(Key::Tab).await;
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
    browser.open(&server.url("/g/kich-hoat-vneid/")).await;
    wait_for_step(&browser, 1).await;
    // The first Tab stop is the skip link, and it shows itself.
    browser.press(Key::Tab).await;
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
    browser.press(Key::Enter).await;
    wait_for_step(&browser, 2).await;
    tab_to(&browser, ".step-nav a.next", &mut failures).await;
    browser.press(Key::Enter).await;
    wait_for_step(&browser, 3).await;
    tab_to(&browser, ".step-nav a.prev", &mut failures).await;
    browser.press(Key::Enter).await;
    wait_for_step(&browser, 2).await;
    // Arrow keys from the step heading (where the focus lands after a move).
    browser
        .eval("document.querySelector('#buoc-2-ten')?.focus()")
        .await;
    browser.press(Key::Right).await;
    wait_for_step(&browser, 3).await;

    // The questionnaire: radios by Space and the arrow keys.
    browser.open(&server.url("/can-lam-gi/")).await;
    tab_to(&browser, "input[type=radio]", &mut failures).await;
    browser.type_in_focus(" ").await;
    let first_name = browser.eval("return document.activeElement.name").await;
    let checked = browser.eval("return document.activeElement.checked").await;
    assert_eq!(checked, json!(true), "Space checks the radio");
    browser.press(Key::Down).await;
    let moved = browser
        .eval("const e = document.activeElement; return [e.type, e.name, e.checked]")
        .await;
    assert_eq!(
        moved,
        json!(["radio", first_name, true]),
        "an arrow moves within the group and checks"
    );

    // The scanner's text path: Tab to the box, type like a wedge scanner, Enter.
    browser.open(&server.url("/quet/")).await;
    tab_to(&browser, "#qr-text", &mut failures).await;
    browser.type_in_focus(&format!("{CARD}\u{E007}")).await;
    let result = scanner::result_text(&browser).await;
    let focused = browser
        .eval("return document.activeElement?.closest('.card-result') !== null")
        .await;
    assert_eq!(focused, json!(true), "the focus moves to the result");
    assert!(result.contains(NAME), "{result}");
    tab_to(&browser, "button.danger", &mut failures).await;
    browser.press(Key::Enter).await;
    scanner::wait_for_no_result(&browser).await;
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
    browser.emulate_screen(160, 400, 2).await;
    let mut failures = Vec::new();
    for high_contrast in [false, true] {
        for (label, path, state) in pages_and_states() {
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
    for (label, path, state) in pages_and_states() {
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
