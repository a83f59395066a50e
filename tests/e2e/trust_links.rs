//! Trust, round 2 (issue 17): a poster's link cannot plant a lasting help
//! point or a number to call on the scam guide; the deployer's verified
//! communes show as such; the service worker keeps one copy of each page.

use std::path::Path;

use serde_json::{Value, json};
use sotay_e2e::{Browser, Env, Server, free_port, site};
use sotay_poster::{CommuneProfile, VERIFIED_LIST_FILE, VerifiedList, encode_profile};

/// A poster anyone could print: a made-up "police" number.
fn planted() -> CommuneProfile {
    CommuneProfile {
        commune: "Phường Long Biên".into(),
        help_point: Some("Công an phường Long Biên".into()),
        address: None,
        hours: None,
        phone: Some("0912 000 111".into()),
        zalo: None,
    }
}

const UNVERIFIED_NOTE: &str = "Thông tin in trên áp phích — hãy kiểm tra";

async fn help_text(browser: &Browser) -> String {
    browser
        .eval("return document.querySelector('.commune-help-wrap')?.innerText ?? ''")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Waits for the app, then for the commune provider's effects to have run.
async fn settle(browser: &Browser) {
    browser.wait_for_app().await;
    browser
        .eval_async("requestAnimationFrame(() => setTimeout(done, 200));")
        .await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn trust_links_a_poster_help_point_stays_on_its_page_until_saved_and_never_on_the_scam_guide()
{
    let server = site();
    // A phone's screen: "the first screen" is what a resident sees before scrolling.
    let browser = Browser::start_engine(sotay_e2e::Engine::Chromium).await;
    let code = encode_profile(&planted()).expect("the profile encodes");

    // The page the link opened: shown, marked, callable, but not on the first screen.
    browser
        .open(&server.url(&format!("/g/kich-hoat-vneid/?c={code}")))
        .await;
    browser
        .wait_until(
            "the help point from the link",
            &format!(
                "return document.querySelector('.commune-help-wrap')?.innerText.includes('{UNVERIFIED_NOTE}')"
            ),
        )
        .await;
    let help = help_text(&browser).await;
    assert!(help.contains("0912 000 111"), "{help}");
    assert!(help.contains("Lưu nơi hỗ trợ này"), "{help}");
    let first_screen = browser
        .eval(
            "return [...document.querySelectorAll('a[href^=\"tel:\"]')]
                .filter(a => { const r = a.getBoundingClientRect(); return r.height > 0 && r.top < innerHeight; }).length",
        )
        .await;
    assert_eq!(
        first_screen,
        json!(0),
        "no unverified phone on the first screen"
    );
    assert_eq!(
        browser
            .eval("return localStorage.getItem('sotay.help-point')")
            .await,
        Value::Null,
        "not kept without the tap"
    );

    // The next page, in the app and by a fresh load: nothing.
    browser.click_nav("/huong-dan/").await;
    browser.click("a[href='/g/cap-doi-the-can-cuoc/']").await;
    browser
        .wait_until(
            "another guide, opened in the app",
            "return location.pathname === '/g/cap-doi-the-can-cuoc/'
                && !!document.querySelector('#hoi-ai')",
        )
        .await;
    assert_eq!(help_text(&browser).await, "");
    browser.goto(&server.url("/g/dang-ky-tam-tru/")).await;
    settle(&browser).await;
    assert_eq!(help_text(&browser).await, "");

    // The scam guide with the same link: the help point, but no number at all.
    browser
        .open(&server.url(&format!("/g/lua-dao-gia-danh-cong-an/?c={code}")))
        .await;
    browser
        .wait_until(
            "the help point on the scam guide",
            "return !!document.querySelector('.commune-help-wrap')",
        )
        .await;
    let page = browser
        .eval("return { text: document.body.innerText, tel: document.querySelectorAll('a[href^=\"tel:\"]').length }")
        .await;
    let text = page["text"].as_str().unwrap_or_default();
    assert!(
        !text.contains("0912 000 111"),
        "no planted number on the scam guide"
    );
    assert!(text.contains(UNVERIFIED_NOTE));
    let planted_links = browser
        .eval("return [...document.querySelectorAll('a[href^=\"tel:\"]')].filter(a => a.href.includes('912000111')).length")
        .await;
    assert_eq!(planted_links, json!(0), "{page}");

    // Saved by the tap: shown on later pages, still marked, removable in one tap.
    browser
        .open(&server.url(&format!("/g/kich-hoat-vneid/?c={code}")))
        .await;
    browser
        .wait_until(
            "the save button",
            "return !!document.querySelector('.commune-save')",
        )
        .await;
    browser.click(".help-box .commune-save").await;
    browser.open(&server.url("/g/dang-ky-tam-tru/")).await;
    browser
        .wait_until(
            "the kept help point",
            "return document.querySelector('.commune-help-wrap')?.innerText.includes('Nơi hỗ trợ bạn đã lưu từ áp phích — hãy kiểm tra')",
        )
        .await;
    // Kept, and still never a number on the scam guide.
    browser
        .open(&server.url("/g/lua-dao-gia-danh-cong-an/"))
        .await;
    browser
        .wait_until(
            "the kept help point",
            "return !!document.querySelector('.commune-help-wrap')",
        )
        .await;
    assert!(!help_text(&browser).await.contains("0912 000 111"));
    browser.click(".help-box .commune-forget").await;
    browser
        .wait_until(
            "the help point to go",
            "return !document.querySelector('.commune-help-wrap') && localStorage.getItem('sotay.help-point') === null",
        )
        .await;
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn trust_links_a_verified_id_shows_the_deployer_and_is_remembered() {
    let list = std::fs::read_to_string(Env::get().dist.join(VERIFIED_LIST_FILE))
        .ok()
        .and_then(|text| VerifiedList::from_text(&text))
        .expect("the e2e site is built with a verified list");
    let listed = list.profile("tan-phu").expect("tan-phu is listed");
    let phone = listed.phone.clone().expect("with a phone");
    let server = site();
    let browser = Browser::start().await;
    browser
        .open(&server.url("/g/lua-dao-gia-danh-cong-an/?x=tan-phu"))
        .await;
    let note = format!("Thông tin của {}", list.deployer);
    browser
        .wait_until(
            "the verified help point",
            &format!(
                "return document.querySelector('.commune-help-wrap')?.innerText.includes({})",
                json!(note)
            ),
        )
        .await;
    let help = help_text(&browser).await;
    assert!(help.contains(&phone), "a verified number is shown: {help}");
    assert!(!help.contains(UNVERIFIED_NOTE), "{help}");
    // Kept without asking, shown on the next page too.
    browser.open(&server.url("/g/dang-ky-tam-tru/")).await;
    browser
        .wait_until(
            "the verified help point again",
            &format!(
                "return document.querySelector('.commune-help-wrap')?.innerText.includes({})",
                json!(note)
            ),
        )
        .await;
    // An id the list does not have is ignored gently.
    browser
        .open(&server.url("/g/dang-ky-tam-tru/?x=khong-co"))
        .await;
    browser
        .wait_until(
            "the notice",
            "return !!document.querySelector('.commune-link-error')",
        )
        .await;
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn trust_links_the_service_worker_keeps_one_copy_of_each_page() {
    let server = site();
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.wait_for_service_worker().await;
    let keys = "(async () => {
          const names = (await caches.keys()).filter(n => n.startsWith('sotay-'));
          const out = [];
          for (const name of names) for (const r of await (await caches.open(name)).keys()) out.push(r.url);
          done({ names, urls: out });
        })();";
    let before = browser.eval_async(keys).await;
    for path in [
        "/%71uet/",
        "/quet//",
        "/quet/index.html",
        "//quet/",
        "/g/kich-hoat-vneid/index.html",
        "/g/kich%2Dhoat%2Dvneid/",
        "/g//kich-hoat-vneid/",
    ] {
        browser.open(&server.url(path)).await;
    }
    let after = browser.eval_async(keys).await;
    assert_eq!(after["names"].as_array().map(Vec::len), Some(1), "{after}");
    let urls: Vec<&str> = after["urls"]
        .as_array()
        .map(|urls| urls.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let origin = server.origin();
    for url in &urls {
        assert!(url.starts_with(&origin), "only this origin: {url}");
        let path = &url[origin.len()..];
        assert!(
            !path.contains("//") && !path.contains('%') && !path.ends_with("index.html"),
            "one spelling per page: {url}"
        );
    }
    // Each odd spelling lands on its one page: the only new page keys are the two pages
    // those spellings name (the scanner's page comes with its offline group).
    let page_keys = |urls: Vec<&str>| -> Vec<String> {
        urls.into_iter()
            .filter(|url| url.ends_with('/'))
            .map(|url| url[origin.len()..].to_owned())
            .collect()
    };
    let pages_before = page_keys(
        before["urls"]
            .as_array()
            .map(|urls| urls.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default(),
    );
    let new_pages: Vec<String> = page_keys(urls.clone())
        .into_iter()
        .filter(|page| !pages_before.contains(page))
        .collect();
    assert!(
        new_pages
            .iter()
            .all(|page| page == "/quet/" || page == "/g/kich-hoat-vneid/"),
        "only the pages named are new: {new_pages:?}"
    );
    browser.close().await;
}

/// Copies a built site (files only; `dist/` has no links).
fn copy_site(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("site").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_site(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn trust_links_a_failed_update_leaves_no_cache_behind() {
    let env = Env::get();
    let port = free_port();
    let server_a = Server::start_on(&env.dist, port);
    let browser = Browser::start().await;
    browser.open(&server_a.url("/")).await;
    browser.wait_for_service_worker().await;
    let caches =
        "return caches.keys().then(keys => keys.filter(k => k.startsWith('sotay-')).sort())";
    let before = browser.eval(caches).await;
    server_a.stop();

    // Build B with one precached file missing: its install must fail.
    let broken = tempfile::tempdir().expect("temp dir");
    copy_site(&env.dist_b, broken.path());
    for name in ["icon-192.png", "icon-192.png.br", "icon-192.png.gz"] {
        let _ = std::fs::remove_file(broken.path().join("icons").join(name));
    }
    let server_b = Server::start_on(broken.path(), port);
    let outcome = browser
        .eval_async(
            "navigator.serviceWorker.getRegistration().then(async (registration) => {
               try { await registration.update(); } catch (error) {}
               const worker = registration.installing;
               if (!worker) return done('no update found');
               worker.addEventListener('statechange', () => {
                 if (worker.state === 'redundant') done('redundant');
                 if (worker.state === 'installed') done('installed');
               });
             });",
        )
        .await;
    assert_eq!(outcome, json!("redundant"), "B's install fails");
    browser
        .wait_until(
            "only A's cache",
            &format!(
                "return caches.keys().then(keys => JSON.stringify(keys.filter(k => k.startsWith('sotay-')).sort()) === {})",
                json!(before.to_string())
            ),
        )
        .await;
    drop(server_b);
    browser.close().await;
}
