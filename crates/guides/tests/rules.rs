//! One test per content rule: a guide broken in one way gives the expected message, naming the
//! file and the field.

use sotay_guides::{Catalog, Date, Lang, parse_guide, validate};

const FILE: &str = "assets/guides/vi/vi-du.toml";

const VALID: &str = r#"
id = "vi-du"
lang = "vi"
title = "Ví dụ"
summary = "Một dòng."
category = "vneid"
for_whom = "Mọi người"
reviewed = 2026-11-20
related = ["khac"]
next = "khac"
before_you_start = ["Điện thoại"]
after = "Xong."
help = "Công an xã/phường."
legal_basis = ["Luật Căn cước 2023"]

[[steps]]
title = "Mở ứng dụng"
text = "Chạm vào biểu tượng."
key = true
[steps.link]
label = "Trang VNeID"
url = "https://vneid.gov.vn/"

[[steps]]
title = "Đăng nhập"
text = "Nhập mật khẩu."
source = "vneid-huong-dan"

[[problems]]
symptom = "Không nhận được mã"
fix = "Chờ rồi gửi lại."

[[sources]]
title = "VNeID"
url = "https://vneid.gov.vn/"
accessed = 2026-11-20

[[sources]]
id = "vneid-huong-dan"
title = "Hướng dẫn sử dụng VNeID"
url = "https://vneid.gov.vn/huong-dan"
accessed = 2026-11-20
"#;

fn other(id: &str) -> String {
    VALID
        .replace("id = \"vi-du\"", &format!("id = \"{id}\""))
        .replace("related = [\"khac\"]\nnext = \"khac\"\n", "")
}

fn today() -> Date {
    Date::parse("2026-11-22").unwrap()
}

/// Errors of a file that fails to parse, as `field: message` lines.
fn parse_errors(text: &str) -> Vec<String> {
    match parse_guide(FILE, text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| {
                let line = e.to_string();
                assert!(line.starts_with(FILE), "{line}");
                line.trim_start_matches(FILE)
                    .trim_start_matches(": ")
                    .to_owned()
            })
            .collect(),
    }
}

/// Errors of the whole catalog made of `text` plus a valid guide `khac`.
fn rule_errors(text: &str) -> Vec<String> {
    let guide = parse_guide(FILE, text).expect("parses");
    let khac = parse_guide("khac", &other("khac")).expect("parses");
    let (errors, _) = validate(&Catalog::new(vec![guide, khac]), today());
    errors
        .into_iter()
        .filter(|e| e.file == FILE)
        .map(|e| format!("{}: {}", e.field, e.message))
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
fn the_valid_example_passes() {
    assert_eq!(parse_errors(VALID), Vec::<String>::new());
    assert_eq!(rule_errors(VALID), Vec::<String>::new());
}

#[test]
fn toml_syntax_error_names_the_file() {
    let errors = parse_errors("id = \"vi-du\nlang = \"vi\"");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains("sai cú pháp TOML"), "{errors:?}");
}

#[test]
fn empty_step_text() {
    let text = VALID.replace("text = \"Nhập mật khẩu.\"", "text = \"  \"");
    assert_has(&parse_errors(&text), "steps[1].text", "trống");
}

#[test]
fn missing_step_title_and_other_problems_are_all_reported() {
    let text = VALID
        .replace("title = \"Đăng nhập\"\n", "")
        .replace("help = \"Công an xã/phường.\"\n", "")
        .replace(
            "url = \"https://vneid.gov.vn/\"\naccessed",
            "url = \"http://vneid.gov.vn/\"\naccessed",
        );
    let errors = parse_errors(&text);
    assert_has(&errors, "steps[1].title", "thiếu");
    assert_has(&errors, "help", "thiếu");
    assert_has(&errors, "sources[0].url", "https://");
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn fewer_than_two_steps() {
    let start = VALID.find("[[steps]]\ntitle = \"Đăng nhập\"").unwrap();
    let end = VALID.find("[[problems]]").unwrap();
    let text = format!("{}{}", &VALID[..start], &VALID[end..]);
    assert_has(&parse_errors(&text), "steps", "ít nhất 2 bước");
}

#[test]
fn links_must_be_https_and_official() {
    let text = VALID.replace(
        "url = \"https://vneid.gov.vn/\"\n\n[[steps]]",
        "url = \"https://vneid-gov.vn/\"\n\n[[steps]]",
    );
    assert_has(
        &parse_errors(&text),
        "steps[0].link.url",
        "không phải trang chính thức",
    );
    let text = VALID.replace(
        "url = \"https://vneid.gov.vn/\"\naccessed",
        "url = \"https://thuvienphapluat.vn/x\"\naccessed",
    );
    assert_has(&parse_errors(&text), "sources[0].url", "thuvienphapluat.vn");
}

#[test]
fn at_most_three_key_steps() {
    let extra = "\n[[steps]]\ntitle = \"B\"\ntext = \"C\"\nkey = true\n";
    let start = VALID.find("[[problems]]").unwrap();
    let text = format!(
        "{}{}{}{}{}",
        &VALID[..start],
        extra,
        extra,
        extra,
        &VALID[start..]
    );
    assert_has(&parse_errors(&text), "steps", "tối đa 3");
}

#[test]
fn unknown_field_is_reported() {
    let text = VALID.replace("key = true", "key = true\ntips = \"x\"");
    assert_has(&parse_errors(&text), "steps[0].tips", "không có trong mẫu");
}

#[test]
fn wrong_types_and_bad_values() {
    let text = VALID
        .replace("key = true", "key = \"có\"")
        .replace("lang = \"vi\"", "lang = \"fr\"")
        .replace("category = \"vneid\"", "category = \"khac\"")
        .replace("id = \"vi-du\"", "id = \"Ví dụ\"");
    let errors = parse_errors(&text);
    assert_has(&errors, "steps[0].key", "true hoặc false");
    assert_has(&errors, "lang", "“fr”");
    assert_has(&errors, "category", "dich-vu-cong");
    assert_has(&errors, "id", "chữ thường");
}

#[test]
fn reviewed_missing_invalid_or_in_the_future() {
    let errors = parse_errors(&VALID.replace("reviewed = 2026-11-20\n", ""));
    assert_has(&errors, "reviewed", "thiếu");
    let errors = parse_errors(&VALID.replace("reviewed = 2026-11-20", "reviewed = \"20/11/2026\""));
    assert_has(&errors, "reviewed", "NĂM-THÁNG-NGÀY");
    let errors = rule_errors(&VALID.replace("reviewed = 2026-11-20", "reviewed = 2026-12-01"));
    assert_has(&errors, "reviewed", "tương lai");
}

#[test]
fn old_review_is_only_a_warning() {
    let guide = parse_guide(
        FILE,
        &VALID.replace("reviewed = 2026-11-20", "reviewed = 2025-11-21"),
    )
    .unwrap();
    let khac = parse_guide("khac", &other("khac")).unwrap();
    let (errors, warnings) = validate(&Catalog::new(vec![guide, khac]), today());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].field, "reviewed");
    assert!(warnings[0].to_string().contains("12 tháng"));
}

#[test]
fn a_review_older_than_nine_months_is_listed() {
    let guide = parse_guide(
        FILE,
        &VALID.replace("reviewed = 2026-11-20", "reviewed = 2026-02-01"),
    )
    .unwrap();
    let khac = parse_guide("khac", &other("khac")).unwrap();
    let (errors, warnings) = validate(&Catalog::new(vec![guide, khac]), today());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].field, "reviewed");
    assert!(warnings[0].message.contains("9 tháng"), "{warnings:?}");
}

#[test]
fn references_must_exist_in_the_same_language() {
    let text = VALID.replace("related = [\"khac\"]", "related = [\"khac\", \"khong-co\"]");
    assert_has(&rule_errors(&text), "related[1]", "“khong-co”");
    let text = VALID.replace("next = \"khac\"", "next = \"khong-co\"");
    assert_has(&rule_errors(&text), "next", "“khong-co”");
}

#[test]
fn duplicate_ids_and_translations_without_original() {
    let a = parse_guide(FILE, &other("trung")).unwrap();
    let b = parse_guide("assets/guides/vi/trung-2.toml", &other("trung")).unwrap();
    let (errors, _) = validate(&Catalog::new(vec![a, b]), today());
    assert!(
        errors
            .iter()
            .any(|e| e.field == "id" && e.message.contains("đã dùng")),
        "{errors:?}"
    );

    let en = parse_guide(
        "assets/guides/en/chi-tieng-anh.toml",
        &other("chi-tieng-anh").replace("lang = \"vi\"", "lang = \"en\""),
    )
    .unwrap();
    assert_eq!(en.lang, Lang::En);
    let (errors, _) = validate(&Catalog::new(vec![en]), today());
    assert!(
        errors.iter().any(|e| e.message.contains("bản tiếng Việt")),
        "{errors:?}"
    );
}

#[test]
fn messages_name_file_field_and_problem() {
    let text = VALID.replace("text = \"Nhập mật khẩu.\"", "text = \"\"");
    let errors = parse_guide(FILE, &text).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "assets/guides/vi/vi-du.toml: steps[1].text: trống"
    );
}

#[test]
fn a_step_source_must_name_a_source_id_of_the_guide() {
    let text = VALID.replace("source = \"vneid-huong-dan\"", "source = \"khong-co\"");
    let errors = parse_errors(&text);
    assert_has(&errors, "steps[1].source", "“khong-co”");
    assert_has(&errors, "steps[1].source", "vneid-huong-dan");
    let parsed = parse_guide(FILE, VALID).unwrap();
    assert_eq!(parsed.steps[1].source.as_deref(), Some("vneid-huong-dan"));
    assert_eq!(parsed.sources[1].id.as_deref(), Some("vneid-huong-dan"));
}

#[test]
fn source_ids_are_unique_and_well_formed() {
    let text = VALID.replace(
        "title = \"VNeID\"\nurl",
        "id = \"vneid-huong-dan\"\ntitle = \"VNeID\"\nurl",
    );
    assert_has(
        &parse_errors(&text),
        "sources[1].id",
        "đã dùng cho sources[0]",
    );
    let text = VALID.replace(
        "title = \"VNeID\"\nurl",
        "id = \"Trang chủ\"\ntitle = \"VNeID\"\nurl",
    );
    assert_has(&parse_errors(&text), "sources[0].id", "không hợp lệ");
}

#[test]
fn homepage_only_sources_fail() {
    let text = VALID
        .replace(
            "url = \"https://vneid.gov.vn/huong-dan\"",
            "url = \"https://dichvucong.gov.vn\"",
        )
        .replace("source = \"vneid-huong-dan\"\n", "");
    assert_has(&parse_errors(&text), "sources", "trang chủ");
    assert!(
        !parse_errors(VALID).iter().any(|e| e.contains("trang chủ")),
        "one deep source is enough"
    );
}

#[test]
fn homepage_urls() {
    use sotay_guides::is_homepage_url;
    for home in [
        "https://vneid.gov.vn",
        "https://vneid.gov.vn/",
        "https://dichvucong.gov.vn/#top",
        "https://BOCONGAN.gov.vn:443/",
    ] {
        assert!(is_homepage_url(home), "{home}");
    }
    for deep in [
        "https://dean06.hanam.gov.vn/tailieu/thutuc_t7.html",
        "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001",
        "https://vneid.gov.vn/?tab=huong-dan",
    ] {
        assert!(!is_homepage_url(deep), "{deep}");
    }
}
