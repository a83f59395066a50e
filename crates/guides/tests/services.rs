//! The rules of `assets/services.toml`, one broken list at a time.

use sotay_guides::{
    Catalog, Coverage, FiledBy, SERVICES_PATH, parse_guide, parse_services, validate_services,
};

/// The guide every service below points to (shared with `sotay guides report`'s tests).
const GUIDE: &str = include_str!("fixtures/dang-ky-tam-tru.toml");

const VALID: &str = r#"
[[events]]
id = "cu-tru"
title = "Cư trú"

[[events]]
id = "giay-to-tuy-than"
title = "Giấy tờ tùy thân"

[[services]]
id = "dang-ky-tam-tru"
name = "Đăng ký tạm trú"
event = "cu-tru"
filed_by = "resident"
guides = ["dang-ky-tam-tru"]

[[services]]
id = "thong-bao-luu-tru"
name = "Thông báo lưu trú"
event = "cu-tru"
filed_by = "both"
guides = ["dang-ky-tam-tru"]
partial = "Chưa có phần cho khách sạn."

[[services]]
id = "con-dau-moi"
name = "Làm con dấu mới"
event = "giay-to-tuy-than"
filed_by = "organisation"
url = "https://dichvucong.bocongan.gov.vn/bocongan/bothutuc/tthc?matt=26340"
note = "Chỉ cơ quan, tổ chức làm."
"#;

fn catalog() -> Catalog {
    Catalog::new(vec![
        parse_guide("assets/guides/vi/dang-ky-tam-tru.toml", GUIDE).expect("the guide parses"),
    ])
}

/// `field: message` lines for `text` (parse errors, or else rule errors).
fn errors(text: &str) -> Vec<String> {
    let list = match parse_services(text) {
        Ok(services) => validate_services(&services, &catalog()),
        Err(errors) => errors,
    };
    list.into_iter()
        .map(|e| {
            assert_eq!(e.file, SERVICES_PATH);
            format!("{}: {}", e.field, e.message)
        })
        .collect()
}

fn assert_has(errors: &[String], field: &str, words: &str) {
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("{field}: ")) && e.contains(words)),
        "expected `{field}: …{words}…` in {errors:#?}"
    );
}

#[test]
fn the_valid_list_passes_and_knows_its_coverage() {
    assert_eq!(errors(VALID), Vec::<String>::new());
    let services = parse_services(VALID).unwrap();
    let catalog = catalog();
    let coverage: Vec<Coverage> = services
        .services
        .iter()
        .map(|s| s.coverage(&catalog))
        .collect();
    assert_eq!(
        coverage,
        [Coverage::Covered, Coverage::Partial, Coverage::Organisation]
    );
    assert_eq!(services.services[1].filed_by, FiledBy::Both);
    assert_eq!(services.of_event("cu-tru").count(), 2);
    // Without its own link, a service points to its guide's procedure page, not a homepage.
    assert_eq!(
        services.services[0].official_url(&catalog),
        Some(
            "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1"
        )
    );
    assert_eq!(
        services.services[2].official_url(&catalog),
        services.services[2].url.as_deref()
    );
}

#[test]
fn a_resident_service_without_a_guide_fails() {
    let text = VALID.replacen("guides = [\"dang-ky-tam-tru\"]\n", "", 1);
    assert_has(
        &errors(&text),
        "services[0].guides",
        "cần ít nhất một hướng dẫn",
    );
    let text = VALID.replacen(
        "guides = [\"dang-ky-tam-tru\"]",
        "guides = [\"dang-ky-tam-tru\", \"khong-co\"]",
        1,
    );
    assert_has(
        &errors(&text),
        "services[0].guides[1]",
        "assets/guides/vi/khong-co.toml",
    );
}

#[test]
fn organisation_services_need_a_note_and_an_official_link() {
    let text = VALID
        .replace("note = \"Chỉ cơ quan, tổ chức làm.\"\n", "")
        .replace(
            "https://dichvucong.bocongan.gov.vn/bocongan/bothutuc/tthc?matt=26340",
            "http://thuvienphapluat.vn/con-dau",
        );
    let errors = errors(&text);
    assert_has(&errors, "services[2].note", "ghi chú");
    assert_has(&errors, "services[2].url", "https://");
}

#[test]
fn events_and_fields_are_checked() {
    let text = VALID
        .replace("event = \"giay-to-tuy-than\"", "event = \"khac\"")
        .replace("filed_by = \"both\"", "filed_by = \"ca-hai\"")
        .replace("name = \"Đăng ký tạm trú\"", "ten = \"Đăng ký tạm trú\"");
    let errors = errors(&text);
    assert_has(&errors, "services[1].filed_by", "“ca-hai”");
    assert_has(&errors, "services[0].name", "thiếu");
    assert_has(&errors, "services[0].ten", "không có trong mẫu");
    let text = VALID.replace("event = \"giay-to-tuy-than\"", "event = \"khac\"");
    let errors = self::errors(&text);
    assert_has(&errors, "services[2].event", "cu-tru, giay-to-tuy-than");
    assert_has(&errors, "events[1]", "chưa có dịch vụ nào");
}

#[test]
fn ids_are_unique() {
    let text = VALID.replace("id = \"thong-bao-luu-tru\"", "id = \"dang-ky-tam-tru\"");
    assert_has(&errors(&text), "services[1].id", "đã dùng cho services[0]");
}
