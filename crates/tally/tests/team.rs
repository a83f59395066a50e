//! Team totals and reports with the real services list: merging phones' months, refusals,
//! the QR code's round trip and size, the CSV.

use std::path::Path;

use sotay_date::Date;
use sotay_guides::{Catalog, Lang as GuideLang, Services, check_dir, check_services};
use sotay_tally::{
    ACTIVATION_GUIDES, CommuneKey, LINKED_SERVICES, MergeOutcome, Month, MonthShare, OTHER_SERVICE,
    Outcome, Period, REPORT_CSV_HEADER, Report, ShareError, Subjects, Tally,
};
use sotay_text::Lang;

fn content() -> (Services, Catalog) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets");
    let report = check_dir(&root.join("guides"), Date::new(2026, 11, 30).unwrap());
    let (services, errors) = check_services(&root.join("services.toml"), &report.catalog);
    assert!(errors.is_empty(), "{errors:?}");
    (services, report.catalog)
}

fn subjects() -> Subjects {
    let (services, catalog) = content();
    Subjects::new(&services, &catalog, Lang::Vi)
}

fn date(m: u32, d: u32) -> Date {
    Date::new(2026, m, d).unwrap()
}

fn november() -> Month {
    Month::new(2026, 11).unwrap()
}

/// A volunteer's phone with a closed November.
fn volunteer(seed: u64, counts: &[(&str, Outcome, u32)]) -> Tally {
    let mut tally = Tally::new();
    tally.ensure_device(|| seed);
    for (subject, outcome, times) in counts {
        for _ in 0..*times {
            tally.add(date(11, 12), subject, *outcome).unwrap();
        }
    }
    tally.close_month(november(), date(12, 1)).unwrap();
    tally
}

fn commune() -> Option<CommuneKey> {
    Some(CommuneKey::of_commune("Xã Tân Phú"))
}

#[test]
fn the_data_has_the_subjects_the_report_names() {
    let (services, catalog) = content();
    for id in LINKED_SERVICES {
        assert!(services.services.iter().any(|s| s.id == id), "{id}");
    }
    for id in ACTIVATION_GUIDES {
        assert!(catalog.get_exact(GuideLang::Vi, id).is_some(), "{id}");
    }
    let subjects = subjects();
    assert_eq!(subjects.list().last().unwrap().id, OTHER_SERVICE);
    assert_eq!(subjects.title(OTHER_SERVICE), Some("Dịch vụ khác"));
    // A guide of a service counts for the service (format 1 counted by guide).
    assert_eq!(
        subjects.canonical("ly-lich-tu-phap-vneid"),
        "ly-lich-tu-phap"
    );
    assert_eq!(subjects.canonical("kich-hoat-vneid"), "kich-hoat-vneid");
    assert_eq!(
        CommuneKey::of_commune(" xã  TÂN Phú "),
        CommuneKey::of_commune("Xã Tân Phú")
    );
    assert_ne!(
        CommuneKey::of_commune("Xã Tân Phong"),
        CommuneKey::of_commune("Xã Tân Phú")
    );
}

#[test]
fn merging_the_same_phone_and_month_twice_counts_once() {
    let mut lead = volunteer(1, &[("kich-hoat-vneid", Outcome::FiledOnline, 2)]);
    let mut second = volunteer(
        2,
        &[
            ("kich-hoat-vneid", Outcome::FiledOnline, 3),
            ("lien-thong-khai-sinh", Outcome::Later, 1),
        ],
    );
    let share = second.share(november(), commune(), || 0).unwrap();
    let qr = share.to_qr_text();
    let read = MonthShare::from_qr_text(&qr).unwrap();
    assert_eq!(read, share);

    assert_eq!(
        lead.merge(read.clone(), commune(), date(12, 1)),
        Ok(MergeOutcome::Added)
    );
    assert_eq!(
        lead.merge(read, commune(), date(12, 2)),
        Ok(MergeOutcome::Unchanged)
    );
    let report = Report::new(&lead, Period::Month(november()), &subjects(), Lang::Vi);
    let activation = report
        .rows
        .iter()
        .find(|r| r.id == "kich-hoat-vneid")
        .unwrap();
    assert_eq!(activation.counts, [0, 5, 0]);
    assert_eq!(report.activation, (5, 5));
    assert_eq!(report.devices.len(), 2);

    // Reopened, corrected and closed again: the new counts replace the old ones.
    second.reopen_month(november());
    second
        .add(date(11, 30), "dang-ky-tam-tru", Outcome::Guided)
        .unwrap();
    second.close_month(november(), date(12, 3)).unwrap();
    let corrected = second.share(november(), commune(), || 0).unwrap();
    assert_eq!(
        lead.merge(corrected, commune(), date(12, 3)),
        Ok(MergeOutcome::Updated)
    );
    let report = Report::new(&lead, Period::Month(november()), &subjects(), Lang::Vi);
    assert_eq!(report.all.counts, [1, 5, 1]);
    assert_eq!(report.devices.len(), 2);
    // The merged month survives storage.
    assert_eq!(Tally::from_json(&lead.to_json()), lead);
    // And rolls up into the quarter and the year.
    let year = Report::new(&lead, Period::Year(2026), &subjects(), Lang::Vi);
    assert_eq!(year.all.counts, [1, 5, 1]);
}

#[test]
fn refuses_other_communes_future_months_and_its_own_code() {
    let mut lead = volunteer(1, &[]);
    let mut other = volunteer(2, &[("dang-ky-tam-tru", Outcome::Guided, 1)]);
    let share = other
        .share(
            november(),
            Some(CommuneKey::of_commune("Xã Tân Phong")),
            || 0,
        )
        .unwrap();
    let refused = lead.merge(share, commune(), date(12, 1)).unwrap_err();
    assert_eq!(refused, ShareError::ForeignCommune);
    assert!(refused.message(Lang::Vi).contains("xã/phường khác"));
    // A phone without a kept profile is another commune too.
    let share = other.share(november(), None, || 0).unwrap();
    assert_eq!(
        lead.merge(share, commune(), date(12, 1)),
        Err(ShareError::ForeignCommune)
    );

    // A phone whose clock ran ahead closed a month that has not come.
    let mut ahead = Tally::new();
    let december = Month::new(2026, 12).unwrap();
    ahead.close_month(december, date(12, 5)).unwrap();
    let share = ahead.share(december, commune(), || 3).unwrap();
    let refused = lead.merge(share, commune(), date(11, 30)).unwrap_err();
    assert_eq!(refused, ShareError::FutureMonth(december));
    assert!(refused.message(Lang::Vi).contains("12/2026"));

    let own = lead.share(november(), commune(), || 0).unwrap();
    assert_eq!(
        lead.merge(own, commune(), date(12, 1)),
        Err(ShareError::OwnDevice)
    );

    // An open month is not shared.
    let mut open = Tally::new();
    assert!(open.share(november(), commune(), || 4).is_err());
}

#[test]
fn damaged_codes_say_where() {
    let mut phone = volunteer(9, &[("dang-ky-tam-tru", Outcome::Guided, 1)]);
    let share = phone.share(november(), commune(), || 0).unwrap();
    let qr = share.to_qr_text();
    assert_eq!(
        MonthShare::from_qr_text("079200001234|||Nguyễn Văn A"),
        Err(ShareError::NotOurs)
    );
    assert_eq!(
        MonthShare::from_qr_text("https://example.vn/"),
        Err(ShareError::NotOurs)
    );
    assert_eq!(
        MonthShare::from_qr_text(&qr.replace("SOTAY-KQ-1", "SOTAY-KQ-2")),
        Err(ShareError::Newer)
    );
    assert!(matches!(
        MonthShare::from_qr_text(&qr.replace("T2026-11", "T2026-13")),
        Err(ShareError::Damaged { field: 4, .. })
    ));
    assert!(matches!(
        MonthShare::from_qr_text(&qr.replace(":1.0.0", ":1.0")),
        Err(ShareError::Damaged { field: 6, .. })
    ));
    // In a file, the field is the line number.
    let file = share.to_file_text();
    let broken = file
        .replacen("\r\n", "\r\n\r\n", 1)
        .replace("t2026-11", "t2026-11-01");
    match MonthShare::from_file_text(&broken) {
        Err(ShareError::Damaged { field, part }) => {
            assert_eq!((field, part), (5, "tháng"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        MonthShare::from_file_text(&format!("\u{feff}{file}")),
        Ok(share)
    );
}

#[test]
fn a_busy_month_fits_a_small_qr_code() {
    // Every subject the team page offers, each with all three outcomes in the hundreds.
    let subjects = subjects();
    let mut tally = Tally::new();
    tally.ensure_device(|| u64::MAX);
    for (n, subject) in subjects.list().iter().enumerate() {
        for outcome in Outcome::ALL {
            for _ in 0..(100 + n) {
                tally.add(date(11, 3), &subject.id, outcome).unwrap();
            }
        }
    }
    tally
        .add_outreach(date(11, 4), "Thôn 3", 120, Lang::Vi)
        .unwrap();
    tally.close_month(november(), date(12, 1)).unwrap();
    let share = tally.share(november(), commune(), || 0).unwrap();
    let qr = share.to_qr_text();
    assert_eq!(MonthShare::from_qr_text(&qr), Ok(share.clone()));
    let code =
        qrcode::QrCode::with_error_correction_level(qr.as_bytes(), qrcode::EcLevel::L).unwrap();
    let version = match code.version() {
        qrcode::Version::Normal(v) => v,
        qrcode::Version::Micro(v) => v,
    };
    println!(
        "every subject ({}): {} characters, QR version {version}",
        subjects.list().len(),
        qr.len()
    );
    assert!(version <= 25, "version {version}");

    // A typical month: a dozen subjects.
    let mut typical = Tally::new();
    for subject in subjects.list().iter().take(12) {
        for (outcome, times) in [
            (Outcome::Guided, 14),
            (Outcome::FiledOnline, 9),
            (Outcome::Later, 2),
        ] {
            for _ in 0..times {
                typical.add(date(11, 3), &subject.id, outcome).unwrap();
            }
        }
    }
    typical.close_month(november(), date(12, 1)).unwrap();
    let qr = typical
        .share(november(), commune(), || 0xFFFF_FFFF_FFFF)
        .unwrap()
        .to_qr_text();
    let code =
        qrcode::QrCode::with_error_correction_level(qr.as_bytes(), qrcode::EcLevel::M).unwrap();
    let version = match code.version() {
        qrcode::Version::Normal(v) => v,
        qrcode::Version::Micro(v) => v,
    };
    println!(
        "a dozen subjects: {} characters, QR version {version} (error correction M)",
        qr.len()
    );
    assert!(version <= 13, "version {version}");
    assert!(
        qr.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b" $%*+-./:".contains(&b))
    );
}

#[test]
fn the_csv_has_a_bom_vietnamese_headers_and_dates() {
    let mut tally = volunteer(
        5,
        &[
            ("kich-hoat-vneid", Outcome::FiledOnline, 3),
            ("kich-hoat-vneid", Outcome::Guided, 1),
            ("ly-lich-tu-phap-vneid", Outcome::Later, 1),
            (OTHER_SERVICE, Outcome::Guided, 2),
        ],
    );
    tally.reopen_month(november());
    tally
        .add_outreach(date(11, 20), "Thôn 3, xã Tân Phú", 12, Lang::Vi)
        .unwrap();
    let report = Report::new(&tally, Period::Month(november()), &subjects(), Lang::Vi);
    let csv = report.to_csv();
    assert!(csv.starts_with(&format!("\u{feff}{REPORT_CSV_HEADER}\r\n")));
    assert!(REPORT_CSV_HEADER.starts_with("Kỳ báo cáo,Từ ngày,Đến ngày"));
    assert!(
        csv.contains(&format!(
            "\r\nTháng 11/2026,01/11/2026,30/11/2026,kich-hoat-vneid,{},1,3,0,4,75\r\n",
            subjects().title("kich-hoat-vneid").unwrap()
        )),
        "{csv}"
    );
    assert!(
        csv.contains(",ly-lich-tu-phap,Cấp phiếu lý lịch tư pháp,0,0,1,1,0\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",dich-vu-khac,Dịch vụ khác,2,0,0,2,0\r\n"),
        "{csv}"
    );
    // The linked services are always there, even at zero.
    assert!(csv.contains(",lien-thong-khai-sinh,"), "{csv}");
    assert!(csv.contains(",lien-thong-khai-tu,"), "{csv}");
    assert!(csv.ends_with(",Tổng cộng,3,3,1,7,43\r\n"), "{csv}");
    assert_eq!(report.linked.len(), 2);
    assert_eq!(report.outreach, (1, 12));
    assert_eq!(
        report.outreach_csv(),
        "\u{feff}Ngày,Nơi (thôn, tổ dân phố),Số người được hỗ trợ\r\n20/11/2026,\"Thôn 3, xã Tân Phú\",12\r\n"
    );
    let text = report.to_text(Lang::Vi);
    assert!(
        text.contains("Kỳ báo cáo: Tháng 11/2026 (từ 01/11/2026 đến 30/11/2026)"),
        "{text}"
    );
    assert!(
        text.contains("Tài khoản định danh điện tử kích hoạt thành công: 3"),
        "{text}"
    );
}
