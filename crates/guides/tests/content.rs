//! Loads the real `assets/guides/` tree and fails, naming every broken file, when a guide breaks a
//! rule. This is how `cargo xtask test` validates the content.

use std::path::PathBuf;

use sotay_guides::{
    Answers, Catalog, Coverage, Date, GOALS, Lang, QuestionId, check_dir, check_services, load_dir,
    recommend, search,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/guides")
}

fn today() -> Date {
    Date::today_utc()
}

fn catalog() -> Catalog {
    match load_dir(&root(), today()) {
        Ok(catalog) => catalog,
        Err(errors) => panic!("\n{errors}"),
    }
}

#[test]
fn every_guide_file_is_valid() {
    let report = check_dir(&root(), today());
    for warning in &report.warnings {
        eprintln!("CHÚ Ý  {warning}");
    }
    let listing: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert!(
        report.errors.is_empty(),
        "{} lỗi trong assets/guides:\n{}",
        report.errors.len(),
        listing.join("\n")
    );
    assert!(
        !report.catalog.guides.is_empty(),
        "no guides found under {}",
        root().display()
    );
}

const VNEID_GUIDES: [&str; 7] = [
    "cai-dat-vneid",
    "dang-ky-tai-khoan-muc-1",
    "dang-ky-tai-khoan-muc-2",
    "kich-hoat-vneid",
    "quen-mat-khau-vneid",
    "tich-hop-giay-to-vneid",
    "dang-nhap-dich-vu-cong-bang-vneid",
];

#[test]
fn vneid_guides_are_present_and_chained() {
    let catalog = catalog();
    for id in VNEID_GUIDES {
        let guide = catalog
            .get_exact(Lang::Vi, id)
            .unwrap_or_else(|| panic!("missing assets/guides/vi/{id}.toml"));
        assert!(
            (4..=9).contains(&guide.steps.len()),
            "{id}: {} steps",
            guide.steps.len()
        );
        assert!((2..=4).contains(&guide.problems.len()), "{id}: problems");
        assert!(
            guide.next.is_some() || !guide.related.is_empty(),
            "{id}: not chained"
        );
    }
    let next = |id: &str| catalog.get_exact(Lang::Vi, id).and_then(|g| g.next.clone());
    assert_eq!(
        next("cai-dat-vneid").as_deref(),
        Some("dang-ky-tai-khoan-muc-2")
    );
    assert_eq!(
        next("dang-ky-tai-khoan-muc-2").as_deref(),
        Some("kich-hoat-vneid")
    );
    let activation = catalog
        .get_exact(Lang::Vi, "kich-hoat-vneid")
        .expect("activation");
    assert_eq!(activation.steps.iter().filter(|s| s.key).count(), 3);
}

#[test]
fn questionnaire_points_only_to_existing_guides() {
    let catalog = catalog();
    for goal in GOALS {
        assert!(
            catalog.get_exact(Lang::Vi, goal.guide_id).is_some(),
            "goal {} points to missing guide {}",
            goal.value,
            goal.guide_id
        );
    }
    let mut answers = Answers::default();
    for (q, v) in [
        (QuestionId::ChipCard, "no"),
        (QuestionId::Smartphone, "yes"),
        (QuestionId::PhoneInOwnName, "no"),
        (QuestionId::Account, "none"),
    ] {
        assert!(answers.set(q, v));
    }
    for rec in recommend(&answers) {
        assert!(
            catalog.get_exact(Lang::Vi, rec.guide_id).is_some(),
            "{}",
            rec.guide_id
        );
    }
}

#[test]
fn search_finds_real_guides() {
    let catalog = catalog();
    let first = |q: &str| search(&catalog, Lang::Vi, q).first().map(|h| h.id.clone());
    assert_eq!(first("kich hoat").as_deref(), Some("kich-hoat-vneid"));
    assert_eq!(
        first("Kích hoạt tài khoản").as_deref(),
        Some("kich-hoat-vneid")
    );
    assert_eq!(
        first("quen mat khau").as_deref(),
        Some("quen-mat-khau-vneid")
    );
    assert_eq!(
        first("tich hop bang lai").as_deref(),
        Some("tich-hop-giay-to-vneid")
    );
    assert_eq!(
        first("dang ky muc 2").as_deref(),
        Some("dang-ky-tai-khoan-muc-2")
    );
    assert_eq!(first("cai VNeID").as_deref(), Some("cai-dat-vneid"));
    if catalog.get_exact(Lang::Vi, "dang-ky-tam-tru").is_some() {
        assert_eq!(first("tam tru").as_deref(), Some("dang-ky-tam-tru"));
    }
}

#[test]
fn catalog_round_trips_through_json() {
    let catalog = catalog();
    let json = serde_json::to_string(&catalog).expect("serialize");
    eprintln!(
        "catalog: {} guide files, {} bytes of JSON",
        catalog.guides.len(),
        json.len()
    );
    let back: Catalog = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, catalog);
    // English readers get the Vietnamese original when a guide is not translated.
    let id = &catalog.guides[0].id;
    assert!(catalog.get(Lang::En, id).is_some());
}

#[test]
fn broken_files_on_disk_are_named() {
    let dir = std::env::temp_dir().join(format!("sotay-guides-test-{}", std::process::id()));
    let guides = dir.join("assets/guides");
    std::fs::create_dir_all(guides.join("vi")).expect("temp dir");
    std::fs::create_dir_all(guides.join("en")).expect("temp dir");
    let good = std::fs::read_to_string(root().join("vi/cai-dat-vneid.toml")).expect("read");
    // Copied under another name: the id no longer matches the file name.
    std::fs::write(guides.join("vi/ten-khac.toml"), &good).expect("write");
    // An English file that says it is Vietnamese.
    std::fs::write(guides.join("en/cai-dat-vneid.toml"), &good).expect("write");
    // A step pointing to a drawing that does not exist.
    let with_picture = good.replacen(
        "title = \"Tìm “VNeID”\"",
        "title = \"Tìm “VNeID”\"\nillustration = \"khong-co-hinh\"",
        1,
    );
    std::fs::write(guides.join("vi/cai-dat-vneid.toml"), with_picture).expect("write");
    std::fs::write(guides.join("vi/hong.toml"), "id = \"hong\"\ntitle = ").expect("write");

    let report = check_dir(&guides, today());
    std::fs::remove_dir_all(&dir).ok();
    let lines: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
    assert!(
        has("assets/guides/vi/ten-khac.toml: id: “cai-dat-vneid” phải trùng tên tệp"),
        "{lines:#?}"
    );
    assert!(
        has("assets/guides/en/cai-dat-vneid.toml: lang:"),
        "{lines:#?}"
    );
    assert!(
        has("assets/guides/vi/cai-dat-vneid.toml: steps[1].illustration: không có hình"),
        "{lines:#?}"
    );
    assert!(
        has("assets/guides/vi/hong.toml: sai cú pháp TOML"),
        "{lines:#?}"
    );
    assert!(load_dir(&guides, today()).is_err());
}

/// The app embeds only the outline (lists and search before the bodies arrive): it must stay
/// small, keep what lists show, and still find guides by title and keywords.
#[test]
fn outline_is_small_and_still_finds_guides() {
    let catalog = catalog();
    let outline = catalog.outline();
    let full_json = serde_json::to_string(&catalog).expect("serialize");
    let outline_json = serde_json::to_string(&outline).expect("serialize");
    eprintln!(
        "outline: {} bytes of JSON (full catalog {})",
        outline_json.len(),
        full_json.len()
    );
    assert!(outline_json.len() * 4 < full_json.len());
    assert_eq!(outline.guides.len(), catalog.guides.len());
    for (short, whole) in outline.guides.iter().zip(&catalog.guides) {
        assert_eq!(
            (&short.id, short.lang, &short.title, &short.summary),
            (&whole.id, whole.lang, &whole.title, &whole.summary)
        );
        assert!(short.steps.is_empty() && short.sources.is_empty());
    }
    let first = |q: &str| search(&outline, Lang::Vi, q).first().map(|h| h.id.clone());
    assert_eq!(first("kich hoat").as_deref(), Some("kich-hoat-vneid"));
    assert_eq!(
        first("quen mat khau").as_deref(),
        Some("quen-mat-khau-vneid")
    );
    assert_eq!(first("tam tru").as_deref(), Some("dang-ky-tam-tru"));
}

#[test]
fn a_guide_page_carries_only_its_own_guide() {
    let catalog = catalog();
    let page = catalog.only(Lang::Vi, "kich-hoat-vneid");
    assert_eq!(page.guides.len(), 1);
    assert_eq!(
        page.get_exact(Lang::Vi, "kich-hoat-vneid"),
        catalog.get_exact(Lang::Vi, "kich-hoat-vneid")
    );
    // A guide not translated yet: its Vietnamese original.
    let untranslated = catalog
        .ids()
        .find(|id| catalog.get_exact(Lang::En, id).is_none())
        .expect("some guide is Vietnamese only");
    assert_eq!(
        catalog.only(Lang::En, untranslated).guides[0].lang,
        Lang::Vi
    );
    assert!(catalog.only(Lang::Vi, "khong-co").guides.is_empty());
}

/// `assets/services.toml` is valid and every service a resident files has a guide that exists.
#[test]
fn every_resident_service_has_a_guide() {
    let report = check_dir(&root(), today());
    let (services, errors) = check_services(&root().join("../services.toml"), &report.catalog);
    let listing: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        errors.is_empty(),
        "{} lỗi trong assets/services.toml:\n{}",
        errors.len(),
        listing.join("\n")
    );
    assert_eq!(services.events.len(), 6);
    for service in &services.services {
        assert_ne!(
            service.coverage(&report.catalog),
            Coverage::Missing,
            "{}",
            service.id
        );
        let url = service
            .official_url(&report.catalog)
            .unwrap_or_else(|| panic!("{}: no official link", service.id));
        assert!(sotay_guides::is_official_url(url), "{}: {url}", service.id);
    }
}
