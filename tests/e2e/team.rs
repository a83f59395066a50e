//! The team's tally (`/to-cong-nghe/`): counting with outcomes across two months (the page's
//! clock set by a script before the app starts), closing a month, printing its report (one A4
//! page), the CSV (BOM, Vietnamese headers); a second phone (another browser profile) shows its
//! closed month as a QR code, the first reads a screenshot of it through the photo input, the
//! totals add up, and reading it again changes nothing. Helper mode on a guide counts too.

use serde_json::{Value, json};
use sotay_e2e::{Browser, Server, site};

use crate::poster::{page_size, pdf_pages, print_to_pdf};

const TEAM: &str = "/to-cong-nghe/";

/// Makes the page's clock read `iso` (UTC) from the next page load on, replacing an earlier
/// setting; returns the script's id.
async fn set_clock(browser: &Browser, iso: &str, previous: Option<Value>) -> Value {
    if let Some(identifier) = previous {
        browser
            .cdp(
                "Page.removeScriptToEvaluateOnNewDocument",
                json!({ "identifier": identifier }),
            )
            .await;
    }
    let source = format!(
        "(() => {{ const Real = Date; const offset = Real.parse('{iso}') - Real.now();
           class FakeDate extends Real {{
             constructor(...args) {{ if (args.length === 0) super(Real.now() + offset); else super(...args); }}
             static now() {{ return Real.now() + offset; }}
           }}
           globalThis.Date = FakeDate; }})();"
    );
    let added = browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await;
    added["identifier"].clone()
}

async fn open_team(browser: &Browser, server: &Server) {
    browser.goto(&server.url(TEAM)).await;
    browser.wait_for_app().await;
}

/// Counts one resident: the subject's row, then its outcome (two taps).
async fn count(browser: &Browser, subject: &str, outcome: &str) {
    let before = browser.text(".tally-today").await;
    browser
        .click(&format!(
            ".tally-row[data-subject='{subject}'] .tally-subject"
        ))
        .await;
    browser
        .click(&format!(
            ".tally-row[data-subject='{subject}'] .tally-outcome[data-outcome='{outcome}']"
        ))
        .await;
    browser
        .wait_until(
            "the count",
            &format!("return document.querySelector('.tally-today')?.textContent !== '{before}'"),
        )
        .await;
}

async fn choose_period(browser: &Browser, value: &str) {
    browser
        .eval(&format!(
            "const s = document.querySelector('#report-period'); s.value = '{value}';
             s.dispatchEvent(new Event('change', {{ bubbles: true }}));"
        ))
        .await;
    browser
        .wait_until(
            "the period's report",
            &format!("return document.querySelector('#report-period').value === '{value}'"),
        )
        .await;
}

/// A row of the report table: [guided, filed online, later, total, share].
async fn report_row(browser: &Browser, css: &str) -> Vec<String> {
    let cells = browser
        .eval(&format!(
            "return [...(document.querySelector(\".report-table {css}\")?.querySelectorAll('td') ?? [])].map(td => td.textContent)"
        ))
        .await;
    serde_json::from_value(cells).unwrap_or_default()
}

/// The second phone: counts in October, closes it in November, shows its QR code; returns a
/// screenshot of the screen with the code.
async fn second_phone_month_qr(server: &Server) -> Vec<u8> {
    let phone = Browser::start().await;
    let clock = set_clock(&phone, "2026-10-21T03:00:00Z", None).await;
    open_team(&phone, server).await;
    count(&phone, "lien-thong-khai-sinh", "thanh-cong").await;
    count(&phone, "dich-vu-khac", "huong-dan").await;
    set_clock(&phone, "2026-11-05T03:00:00Z", Some(clock)).await;
    open_team(&phone, server).await;
    choose_period(&phone, "m2026-10").await;
    phone.click(".close-month").await;
    phone.click(".show-month-qr").await;
    phone
        .wait_until(
            "the month's QR code",
            "return document.querySelector('.month-qr svg')",
        )
        .await;
    let length = phone
        .eval("const f = document.querySelector('.month-qr'); f.scrollIntoView({ block: 'center' }); return Number(f.dataset.payloadLength)")
        .await;
    assert!(length.as_u64().is_some_and(|n| n < 200), "payload {length}");
    let png = phone.client.screenshot().await.expect("a screenshot");
    phone.assert_console_clean().await;
    phone.close().await;
    png
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn team_counts_closes_prints_and_adds_up_a_second_phone() {
    let server = site();
    let lead = Browser::start().await;
    // October: two activations filed online, one residence registration guided.
    let clock = set_clock(&lead, "2026-10-20T03:00:00Z", None).await;
    open_team(&lead, &server).await;
    count(&lead, "kich-hoat-vneid", "thanh-cong").await;
    count(&lead, "kich-hoat-vneid", "thanh-cong").await;
    count(&lead, "dang-ky-tam-tru", "huong-dan").await;
    assert_eq!(lead.text(".tally-today").await, "3");
    // November: one activation to finish later.
    set_clock(&lead, "2026-11-05T03:00:00Z", Some(clock)).await;
    open_team(&lead, &server).await;
    assert_eq!(lead.text(".tally-today").await, "0");
    count(&lead, "kich-hoat-vneid", "hen-lai").await;

    // The reminder: five days before the 10th.
    let reminder = lead.text(".tally-reminder").await;
    assert!(
        reminder.contains("10/2026") && reminder.contains("10/11/2026"),
        "{reminder}"
    );
    assert_eq!(
        report_row(&lead, "tr[data-subject='kich-hoat-vneid']").await,
        ["0", "0", "1", "1", "0 %"]
    );

    // October's report, closed.
    choose_period(&lead, "m2026-10").await;
    assert_eq!(
        report_row(&lead, "tr[data-subject='kich-hoat-vneid']").await,
        ["0", "2", "0", "2", "100 %"]
    );
    assert_eq!(
        report_row(&lead, "tr[data-subject='dang-ky-tam-tru']").await,
        ["1", "0", "0", "1", "0 %"]
    );
    assert_eq!(
        report_row(&lead, "tfoot tr").await,
        ["1", "2", "0", "3", "67 %"]
    );
    lead.click(".close-month").await;
    lead.wait_until(
        "the month closed",
        "return document.querySelector('.reopen-month')",
    )
    .await;
    let quarter = lead
        .eval("return [...document.querySelectorAll('#report-period option')].some(o => o.value === 'q2026-4')")
        .await;
    assert_eq!(quarter, json!(true));

    // Printed: the report alone, on one A4 page.
    lead.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let shown = lead
        .eval("const visible = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
               return [visible('.tally-report'), visible('.tally'), visible('.tally-merge'), visible('.report-actions'),
                       document.querySelector('.tally-report').innerText]")
        .await;
    let shown = shown.as_array().cloned().unwrap_or_default();
    assert_eq!(
        shown[0..4],
        [json!(true), json!(false), json!(false), json!(false)]
    );
    let printed = shown[4].as_str().unwrap_or_default();
    assert!(
        printed.contains("Kỳ báo cáo: Tháng 10/2026 (từ 01/10/2026 đến 31/10/2026)"),
        "{printed}"
    );
    assert!(
        printed.contains("Tài khoản định danh điện tử kích hoạt thành công: 2"),
        "{printed}"
    );
    lead.cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await;
    let pdf = print_to_pdf(&lead).await;
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let (pages, media_box) = pdf_pages(&pdf);
    assert_eq!(pages, 1, "the report prints on one page");
    let (width, height) = page_size(&media_box);
    assert!(
        (width - 595).abs() < 2 && (height - 842).abs() < 2,
        "A4: {media_box:?}"
    );

    // The CSV: byte-order mark, Vietnamese headers, dd/mm/yyyy.
    lead.click(".report-csv").await;
    let csv = lead
        .eval_async(
            "const urls = Object.keys(window.sotayBlobs); window.sotayBlobs[urls[urls.length - 1]].arrayBuffer()
               .then(b => done([...new Uint8Array(b)]))",
        )
        .await;
    let csv: Vec<u8> = serde_json::from_value(csv).expect("the CSV's bytes");
    assert!(
        csv.starts_with(&[0xEF, 0xBB, 0xBF]),
        "a UTF-8 byte-order mark"
    );
    let csv = String::from_utf8(csv[3..].to_vec()).expect("UTF-8");
    assert!(csv.starts_with("Kỳ báo cáo,Từ ngày,Đến ngày,Mã dịch vụ,Dịch vụ,Đã hướng dẫn,Đã nộp trực tuyến thành công,Chưa xong — hẹn lại,Tổng lượt,"), "{csv}");
    assert!(
        csv.contains("Tháng 10/2026,01/10/2026,31/10/2026,kich-hoat-vneid,"),
        "{csv}"
    );

    // A second phone's October, read from a screenshot of its QR code.
    let screenshot = second_phone_month_qr(&server).await;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let photo = dir.path().join("ma-thang.png");
    std::fs::write(&photo, screenshot).expect("write the screenshot");
    lead.type_into("#qr-photo", &photo.to_string_lossy()).await;
    lead.wait_until(
        "the merge",
        "return document.querySelector('.merge-message')?.textContent.includes('Đã cộng số tháng 10/2026')",
    )
    .await;
    assert_eq!(
        report_row(&lead, "tfoot tr").await,
        ["2", "3", "0", "5", "60 %"]
    );
    assert_eq!(
        report_row(&lead, "tr[data-subject='lien-thong-khai-sinh']").await,
        ["0", "1", "0", "1", "100 %"]
    );
    let devices = lead
        .eval("return document.querySelectorAll('.merged-device').length")
        .await;
    assert_eq!(devices, json!(2));

    // The same code again: counted once.
    lead.wait_until(
        "a fresh photo reader",
        "return document.querySelector('#qr-photo') && !document.querySelector('#qr-photo').value",
    )
    .await;
    lead.type_into("#qr-photo", &photo.to_string_lossy()).await;
    lead.wait_until(
        "the second reading",
        "return document.querySelector('.merge-message')?.textContent.includes('đã có, không cộng thêm')",
    )
    .await;
    assert_eq!(
        report_row(&lead, "tfoot tr").await,
        ["2", "3", "0", "5", "60 %"]
    );
    // Counts only in storage: no card data, nothing typed about anyone.
    let stored = lead
        .eval("return localStorage.getItem('sotay.tally')")
        .await;
    let stored = stored.as_str().unwrap_or_default();
    assert!(
        stored.contains(
            r#""team":[{"counts":{"dich-vu-khac":[1,0,0],"lien-thong-khai-sinh":[0,1,0]}"#
        ),
        "{stored}"
    );
    lead.assert_console_clean().await;
    lead.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn team_helper_mode_prompts_and_counts_at_the_end_of_a_guide() {
    let server = site();
    let browser = Browser::start().await;
    let guide = "/g/kich-hoat-vneid/?tro-giup=1";
    for (step, prompt) in [
        ("#buoc-2", "Để người dân tự bấm"),
        ("#buoc-4", "không đọc mã OTP"),
    ] {
        browser.goto(&server.url(&format!("{guide}{step}"))).await;
        browser.wait_for_app().await;
        let shown = browser.text(".helper-mode").await;
        assert!(shown.contains(prompt), "{step}: {shown}");
    }
    // The finish screen: "Đếm lượt hỗ trợ", the outcome in one tap.
    browser
        .goto(&server.url(&format!("{guide}#sau-khi-xong")))
        .await;
    browser.wait_for_app().await;
    browser
        .click(".helper-count .tally-outcome[data-outcome='thanh-cong']")
        .await;
    browser
        .wait_until("the count", "return document.querySelector('.helper-count .tally-status')?.textContent.includes('Đã đếm')")
        .await;
    // Kept apart as a line (the residents' bundle has no tally code), added in on the team page.
    let pending = browser
        .eval("return localStorage.getItem('sotay.tally.helper')")
        .await;
    assert!(
        pending
            .as_str()
            .unwrap_or_default()
            .ends_with(" kich-hoat-vneid thanh-cong\n"),
        "{pending}"
    );
    open_team(&browser, &server).await;
    assert_eq!(
        report_row(&browser, "tr[data-subject='kich-hoat-vneid']").await,
        ["0", "1", "0", "1", "100 %"]
    );
    browser.reload().await;
    browser.wait_for_app().await;
    assert_eq!(
        report_row(&browser, "tr[data-subject='kich-hoat-vneid']").await,
        ["0", "1", "0", "1", "100 %"],
        "added once"
    );
    let pending = browser
        .eval("return localStorage.getItem('sotay.tally.helper')")
        .await;
    assert_eq!(pending, Value::Null);
    browser.assert_console_clean().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and Chromium: run `cargo xtask test`"]
async fn team_counts_survive_reload_and_the_update_from_old_counts() {
    let server = site();
    let browser = Browser::start().await;
    set_clock(&browser, "2026-11-20T03:00:00Z", None).await;
    open_team(&browser, &server).await;
    count(&browser, "dang-ky-tam-tru", "huong-dan").await;
    count(&browser, "dang-ky-tam-tru", "huong-dan").await;
    // A mistaken tap is taken back.
    browser.click(".tally-undo").await;
    browser
        .wait_until(
            "one left",
            "return document.querySelector('.tally-today')?.textContent === '1'",
        )
        .await;
    browser.reload().await;
    browser.wait_for_app().await;
    assert_eq!(browser.text(".tally-today").await, "1");
    // The most counted this month come first once the screen opens again.
    let first = browser
        .eval("return document.querySelector('.tally-row')?.dataset.subject")
        .await;
    assert_eq!(first, json!("dang-ky-tam-tru"));

    // Counts a phone kept before outcomes (format 1, by guide; some damaged) are still there,
    // as "Đã hướng dẫn", on their service.
    browser
        .eval(r#"localStorage.setItem('sotay.tally', '{"v":1,"days":{"2026-11-20":{"kich-hoat-vneid":4,"ly-lich-tu-phap-vneid":1,"<b>":2,"cai-dat-vneid":-1},"2026-02-30":{"a":1}}}'); return true"#)
        .await;
    browser.reload().await;
    browser.wait_for_app().await;
    assert_eq!(browser.text(".tally-today").await, "5");
    assert_eq!(
        report_row(&browser, "tr[data-subject='kich-hoat-vneid']").await,
        ["4", "0", "0", "4", "0 %"]
    );
    assert_eq!(
        report_row(&browser, "tr[data-subject='ly-lich-tu-phap']").await,
        ["1", "0", "0", "1", "0 %"]
    );
    // Written back in the new format with a random phone id.
    let stored = browser
        .eval("return localStorage.getItem('sotay.tally')")
        .await;
    assert!(
        stored.as_str().unwrap_or_default().contains(r#""v":2"#),
        "{stored}"
    );
    browser
        .eval("localStorage.setItem('sotay.tally', '{not json'); return true")
        .await;
    browser.reload().await;
    browser.wait_for_app().await;
    assert_eq!(browser.text(".tally-today").await, "0");

    // The outreach log refuses personal data and keeps what was typed to correct it.
    browser
        .type_into("#outreach-place", "Thôn 3 chị Lan 0912345678")
        .await;
    browser.type_into("#outreach-residents", "12").await;
    browser.click(".outreach-form button[type='submit']").await;
    browser
        .wait_until("the refusal", "return document.querySelector('.tally-outreach .tally-status')?.textContent.includes('Không ghi số điện thoại')")
        .await;
    let kept = browser
        .eval("return document.querySelector('#outreach-place').value")
        .await;
    assert_eq!(kept, json!("Thôn 3 chị Lan 0912345678"));
    browser
        .eval("document.querySelector('#outreach-place').value = ''; return true")
        .await;
    browser.type_into("#outreach-place", "Thôn 3").await;
    browser.click(".outreach-form button[type='submit']").await;
    browser
        .wait_until(
            "the entry",
            "return document.querySelector('.outreach-entry')?.textContent.includes('Thôn 3 · 12')",
        )
        .await;
    let outreach = browser.text(".report-outreach").await;
    assert!(outreach.contains("1 buổi, 12 người"), "{outreach}");

    // The outreach checklist is remembered too.
    browser.click("#check-offline").await;
    browser.reload().await;
    browser.wait_for_app().await;
    browser
        .wait_until(
            "the ticked item",
            "return document.getElementById('check-offline')?.checked",
        )
        .await;
    let violations = browser.axe_serious().await;
    assert!(violations.is_empty(), "axe: {violations:#?}");
    browser.assert_console_clean().await;
    browser.close().await;
}
