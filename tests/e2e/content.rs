//! Content pages: the essential-services index (every service of `assets/services.toml`, each
//! opening its guide) and the “may be out of date” notice on a guide under a clock years ahead.

use std::path::Path;

use serde_json::{Value, json};
use sotay_e2e::{Browser, site};
use sotay_guides::{Catalog, FiledBy, Services, check_dir, check_services};

fn content() -> (Catalog, Services) {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets");
    let report = check_dir(&assets.join("guides"), sotay_guides::Date::today_utc());
    let (services, errors) = check_services(&assets.join("services.toml"), &report.catalog);
    assert!(errors.is_empty(), "{errors:?}");
    (report.catalog, services)
}

/// What the page shows for one service: name, guide paths, note and official link.
async fn shown(browser: &Browser, id: &str) -> Value {
    browser
        .eval(&format!(
            "const li = document.querySelector('[data-service=\"{id}\"]');
             if (!li) return null;
             return {{
               name: li.querySelector('h3').textContent,
               guides: [...li.querySelectorAll('.guide-list a')].map(a => new URL(a.href).pathname),
               note: li.querySelector('.service-note')?.textContent ?? null,
               official: li.querySelector('.service-official a')?.getAttribute('href') ?? null,
               group: li.closest('section').querySelector('h2').textContent,
             }};"
        ))
        .await
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn services_index_lists_every_service_and_opens_its_guide() {
    let (catalog, services) = content();
    let server = &site();
    let browser = Browser::start().await;
    // Linked from home.
    browser.open(&server.url("/")).await;
    browser.click("main a[href='/dich-vu-cong/']").await;
    browser
        .wait_until(
            "the services index",
            "return location.pathname === '/dich-vu-cong/' && document.querySelector('[data-service]')",
        )
        .await;
    assert!(browser.heading().await.contains("Dịch vụ công thiết yếu"));
    // The pre-rendered page (what a reader without JavaScript gets) lists them too.
    let prerendered = browser
        .eval_async("fetch('/dich-vu-cong/').then(r => r.text()).then(done)")
        .await;
    let prerendered = prerendered.as_str().unwrap_or_default();

    for service in &services.services {
        let event = services
            .events
            .iter()
            .find(|e| e.id == service.event)
            .expect("the event exists");
        let seen = shown(&browser, &service.id).await;
        assert_ne!(seen, Value::Null, "{} is not listed", service.id);
        assert_eq!(seen["name"], json!(service.name), "{}", service.id);
        assert_eq!(seen["group"], json!(event.title), "{}", service.id);
        let paths: Vec<String> = service.guides.iter().map(|g| format!("/g/{g}/")).collect();
        assert_eq!(seen["guides"], json!(paths), "{}", service.id);
        let official = service.official_url(&catalog).expect("an official link");
        assert_eq!(seen["official"], json!(official), "{}", service.id);
        if service.filed_by == FiledBy::Organisation {
            assert_eq!(seen["note"], json!(service.note), "{}", service.id);
        }
        assert!(
            prerendered.contains(&format!("data-service=\"{}\"", service.id)),
            "{} is not in the pre-rendered page",
            service.id
        );
    }

    // A service opens its guide inside the app.
    let service = services
        .services
        .iter()
        .find(|s| s.filed_by == FiledBy::Resident)
        .expect("a resident service");
    let guide = &service.guides[0];
    browser
        .click(&format!(
            "[data-service='{}'] a[href='/g/{guide}/']",
            service.id
        ))
        .await;
    browser
        .wait_until(
            "the guide",
            &format!("return location.pathname === '/g/{guide}/' && document.querySelector('h1')"),
        )
        .await;
    let title = &catalog
        .get_exact(sotay_guides::Lang::Vi, guide)
        .expect("the guide")
        .title;
    assert_eq!(&browser.heading().await, title);
    browser.assert_console_clean().await;
    browser.close().await;
}

/// Moves the page's clock `years` ahead from the very start of every document.
async fn clock_ahead(browser: &Browser, years: u32) {
    let script = format!(
        "(() => {{
           const Real = Date;
           const shift = {years} * 366 * 24 * 3600 * 1000;
           class Later extends Real {{
             constructor(...args) {{ if (args.length === 0) super(Real.now() + shift); else super(...args); }}
             static now() {{ return Real.now() + shift; }}
           }}
           window.Date = Later;
         }})();"
    );
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        )
        .await;
}

const NOTICE: &str = "Hướng dẫn này có thể đã cũ — kiểm tra tại";

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn a_guide_shows_the_stale_notice_only_when_its_review_is_over_a_year_old() {
    let server = &site();
    let path = server.url("/g/kich-hoat-vneid/");
    let wait_for_guide = "return document.getElementById('app')?.dataset.app === 'ready' && document.querySelector('h1')";

    // Today: the guide was reviewed recently, no notice.
    let browser = Browser::start().await;
    browser.goto(&path).await;
    browser.wait_until("the guide", wait_for_guide).await;
    assert_eq!(
        browser
            .eval("return document.querySelector('.stale-notice')")
            .await,
        Value::Null
    );
    browser.close().await;

    // Two years later, on the same published page: the reader is told and sent to the source.
    let browser = Browser::start().await;
    clock_ahead(&browser, 2).await;
    browser.goto(&path).await;
    browser.wait_until("the guide", wait_for_guide).await;
    let notice = browser
        .wait_until(
            "the notice",
            "const p = document.querySelector('.stale-notice'); return p && { text: p.textContent, href: p.querySelector('a')?.href }",
        )
        .await;
    let text = notice["text"].as_str().unwrap_or_default();
    assert!(text.starts_with(NOTICE), "{text}");
    let href = notice["href"].as_str().unwrap_or_default();
    assert!(sotay_guides::is_official_url(href), "{href}");
    browser.assert_console_clean().await;
    browser.close().await;
}
