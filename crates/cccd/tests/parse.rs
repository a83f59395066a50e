//! Behaviour of `parse` on real-looking payloads of both card generations.

mod common;

use common::{CAN_CUOC_BAO_ANH, CAN_CUOC_TAM, CCCD_AN, CCCD_HOA, date, mangle, today};
use sotay_cccd::{
    CardKind, ExtraLabel, Lang, OtherContent, Reading, Sex, Warning, next_renewal, parse,
};
use unicode_normalization_free_nfd::to_nfd;

fn card(text: &str) -> sotay_cccd::Card {
    match parse(text, today()) {
        Reading::Card(card) => card,
        other => panic!("expected a card, got {other:?}"),
    }
}

fn warnings(text: &str) -> Vec<Warning> {
    card(text).warnings
}

/// `CCCD_AN` with field `index` replaced.
fn an_with(index: usize, value: &str) -> String {
    let mut fields: Vec<&str> = CCCD_AN.split('|').collect();
    fields[index] = value;
    fields.join("|")
}

mod unicode_normalization_free_nfd {
    /// Decomposes the few letters the tests use, so the tests do not depend on the
    /// crate under test for the NFD input they feed it.
    pub fn to_nfd(text: &str) -> String {
        text.chars()
            .flat_map(|c| match c {
                'ễ' => vec!['e', '\u{302}', '\u{303}'],
                'ă' => vec!['a', '\u{306}'],
                'ọ' => vec!['o', '\u{323}'],
                'ố' => vec!['o', '\u{302}', '\u{301}'],
                'ữ' => vec!['u', '\u{31b}', '\u{303}'],
                'ị' => vec!['i', '\u{323}'],
                'à' => vec!['a', '\u{300}'],
                'ộ' => vec!['o', '\u{323}', '\u{302}'],
                _ => vec![c],
            })
            .collect()
    }
}

#[test]
fn reads_a_chip_cccd() {
    let card = card(CCCD_AN);
    assert_eq!(card.kind, CardKind::Cccd);
    assert_eq!(card.id_number, "001090012345");
    assert_eq!(card.old_id_number.as_deref(), Some("013456789"));
    assert_eq!(card.full_name.as_deref(), Some("Nguyễn Văn An"));
    assert_eq!(card.date_of_birth, Some(date(1990, 3, 15)));
    assert_eq!(card.sex, Some(Sex::Male));
    assert_eq!(
        card.address.as_deref(),
        Some("Số 12 ngõ 34 phố Hào Nam, Phường Ô Chợ Dừa, Quận Đống Đa, Hà Nội")
    );
    assert_eq!(card.date_of_issue, Some(date(2021, 4, 20)));
    assert_eq!(card.province_code.as_deref(), Some("001"));
    assert_eq!(card.province.map(|p| p.name), Some("Hà Nội"));
    assert_eq!(card.age, Some(35));
    // Issued at 31 under the 2014 law: next renewal at 40.
    assert_eq!(card.next_renewal, Some(date(2030, 3, 15)));
    assert!(!card.renewal_overdue);
    assert!(card.extra.is_empty());
    assert_eq!(card.warnings, vec![]);
    assert_eq!(card.raw, CCCD_AN);
}

#[test]
fn reads_a_can_cuoc_and_keeps_every_extra_field() {
    let card = card(CAN_CUOC_BAO_ANH);
    assert_eq!(card.kind, CardKind::CanCuoc);
    assert_eq!(card.old_id_number, None);
    assert_eq!(card.full_name.as_deref(), Some("Trần Ngọc Bảo Anh"));
    assert_eq!(card.date_of_birth, Some(date(2012, 2, 29)));
    assert_eq!(card.sex, Some(Sex::Female));
    assert_eq!(card.province.map(|p| p.name), Some("Đà Nẵng"));
    assert_eq!(card.age, Some(13));
    let extra: Vec<_> = card
        .extra
        .iter()
        .map(|f| (f.position, f.label, f.value.as_str()))
        .collect();
    assert_eq!(
        extra,
        vec![
            (8, None, "Trần Văn Bình"),
            (9, Some(ExtraLabel::PersonalIdNumber), "048080001122"),
            (10, None, "Phạm Thị Cúc"),
            (11, Some(ExtraLabel::PersonalIdNumber), "048182003344"),
        ]
    );
    // Issued at 12, within two years before 14: valid until 25; 29 Feb → 28 Feb.
    assert_eq!(card.next_renewal, Some(date(2037, 2, 28)));
    assert_eq!(card.warnings, vec![]);
}

#[test]
fn labels_extra_fields_only_by_shape() {
    let card = card(CAN_CUOC_TAM);
    let labels: Vec<_> = card.extra.iter().map(|f| f.label).collect();
    assert_eq!(
        labels,
        vec![
            None,
            Some(ExtraLabel::PersonalIdNumber),
            None,
            Some(ExtraLabel::Date)
        ]
    );
    // Renewed at 66: no renewal age left.
    assert_eq!(card.next_renewal, None);
    assert_eq!(card.warnings, vec![]);
}

#[test]
fn a_seven_field_payload_issued_since_july_2024_is_a_can_cuoc() {
    assert_eq!(card(&an_with(6, "30062024")).kind, CardKind::Cccd);
    assert_eq!(card(&an_with(6, "01072024")).kind, CardKind::CanCuoc);
}

#[test]
fn tolerates_scanner_noise() {
    let expected = card(CCCD_AN);
    let same = |text: &str| {
        let got = card(text);
        assert_eq!(
            (
                &got.id_number,
                &got.full_name,
                got.date_of_birth,
                &got.address,
                got.date_of_issue
            ),
            (
                &expected.id_number,
                &expected.full_name,
                expected.date_of_birth,
                &expected.address,
                expected.date_of_issue
            ),
            "{text:?}"
        );
        assert_eq!(got.kind, CardKind::Cccd, "{text:?}");
        assert_eq!(got.warnings, vec![], "{text:?}");
        assert_eq!(got.raw, text, "raw keeps the text as given");
    };
    same(&format!("\u{feff}{CCCD_AN}"));
    same(&format!("  \t{CCCD_AN}  "));
    same(&format!("{CCCD_AN}\r\n"));
    same(&format!("{CCCD_AN}\n"));
    same(&format!("{CCCD_AN}|"));
    same(&format!("{CCCD_AN}||\r\n"));
    same(&CCCD_AN.replace('|', " | "));
    same(&to_nfd(CCCD_AN));
    same(&an_with(3, "15/03/1990").replace("20042021", "20-04-2021"));
    same(&an_with(3, "15.03.1990").replace("20042021", "20/4/2021"));
    same(&an_with(3, "1990-03-15"));
    same(&an_with(2, "Nguyễn   Văn  An"));
    same(&an_with(4, "NAM"));
}

#[test]
fn nfd_input_comes_out_nfc() {
    let nfd = to_nfd(CCCD_HOA);
    assert_ne!(nfd, CCCD_HOA);
    let card = card(&nfd);
    assert_eq!(card.full_name.as_deref(), Some("Lê Thị Hoa"));
    assert_eq!(card.sex, Some(Sex::Female));
}

#[test]
fn empty_old_id_is_fine() {
    let card = card(CCCD_HOA);
    assert_eq!(card.old_id_number, None);
    assert!(!card.warnings.contains(&Warning::OldIdInvalid));
    // 12-digit old numbers exist too (people who had a 12-digit CMND).
    assert!(!warnings(&an_with(1, "001090000111")).contains(&Warning::OldIdInvalid));
}

#[test]
fn repairs_mojibake_and_says_so() {
    for payload in [CCCD_AN, CAN_CUOC_BAO_ANH] {
        let mangled = mangle(payload);
        assert_ne!(mangled, payload);
        let card = card(&mangled);
        let clean = self::card(payload);
        assert_eq!(card.full_name, clean.full_name);
        assert_eq!(card.address, clean.address);
        assert_eq!(card.extra, clean.extra);
        assert_eq!(card.warnings, vec![Warning::TextRepaired]);
        assert_eq!(card.raw, mangled);
    }
    // A mis-decoded BOM as well.
    let card = card(&mangle(&format!("\u{feff}{CCCD_AN}")));
    assert_eq!(card.full_name.as_deref(), Some("Nguyễn Văn An"));
}

#[test]
fn repairs_a_mangled_field_next_to_correct_ones() {
    // Name mangled, address correct: the name is repaired, the address left alone.
    let half = an_with(2, &mangle("Nguyễn Văn An"));
    let card = card(&half);
    assert_eq!(card.full_name.as_deref(), Some("Nguyễn Văn An"));
    assert_eq!(card.address, self::card(CCCD_AN).address);
    assert_eq!(card.warnings, vec![Warning::TextRepaired]);
    // A Latin-1 decoder's C1 control (U+0085 for the byte 0x85 of "ễ").
    let card = self::card(&an_with(2, "Nguyá»\u{85}n Văn An"));
    assert_eq!(card.full_name.as_deref(), Some("Nguyễn Văn An"));
    assert_eq!(card.warnings, vec![Warning::TextRepaired]);
}

#[test]
fn flags_mojibake_it_cannot_repair() {
    // The byte behind the C1 control is lost (shown as a space): flagged, never shown silently.
    let lost = an_with(2, "Nguyá» n Văn An");
    assert_eq!(warnings(&lost), vec![Warning::TextGarbled]);
}

#[test]
fn every_warning_is_reported() {
    let cases: Vec<(String, Warning)> = vec![
        (an_with(0, "00109001234"), Warning::IdNotTwelveDigits),
        (an_with(0, "0010900123456"), Warning::IdNotTwelveDigits),
        (an_with(0, "003090012345"), Warning::UnknownProvinceCode),
        (an_with(4, "Nữ"), Warning::SexDigitMismatch),
        (an_with(0, "001290012345"), Warning::CenturyDigitMismatch),
        (an_with(0, "001091012345"), Warning::BirthYearDigitsMismatch),
        (an_with(4, "Khác"), Warning::SexUnreadable),
        (an_with(4, ""), Warning::SexUnreadable),
        (an_with(3, "31021990"), Warning::BirthDateInvalid),
        (an_with(3, "1503199"), Warning::BirthDateInvalid),
        (an_with(6, "31042021"), Warning::IssueDateInvalid),
        (
            CCCD_AN
                .rsplit_once('|')
                .map(|(head, _)| head.to_owned())
                .unwrap_or_default(),
            Warning::IssueDateInvalid,
        ),
        (
            an_with(0, "001230012345").replace("15031990", "15032030"),
            Warning::BirthDateInFuture,
        ),
        (an_with(6, "14031990"), Warning::IssuedBeforeBirth),
        (an_with(6, "01012026"), Warning::IssueDateInFuture),
        (an_with(1, "12345"), Warning::OldIdInvalid),
        (an_with(1, "01345678A"), Warning::OldIdInvalid),
        (an_with(2, ""), Warning::NameMissing),
        (an_with(5, " "), Warning::AddressMissing),
        (CCCD_HOA.to_owned(), Warning::RenewalOverdue),
        (
            // Turns 40 on 20/12/2025, four weeks after `today`.
            an_with(0, "001085012345").replace("15031990", "20121985"),
            Warning::RenewalDueSoon,
        ),
        (mangle(CCCD_AN), Warning::TextRepaired),
        (an_with(2, "Nguyá» n Văn An"), Warning::TextGarbled),
    ];
    let mut seen = std::collections::HashSet::new();
    for (payload, expected) in &cases {
        let found = warnings(payload);
        assert!(
            found.contains(expected),
            "{payload:?}: expected {expected:?}, got {found:?}"
        );
        seen.insert(*expected);
    }
    for warning in Warning::ALL {
        assert!(seen.contains(&warning), "no test payload for {warning:?}");
    }
}

#[test]
fn single_warnings_stay_single() {
    // Each defect reports itself and nothing else.
    assert_eq!(warnings(&an_with(4, "Nữ")), vec![Warning::SexDigitMismatch]);
    assert_eq!(
        warnings(&an_with(0, "001290012345")),
        vec![Warning::CenturyDigitMismatch]
    );
    assert_eq!(
        warnings(&an_with(0, "001091012345")),
        vec![Warning::BirthYearDigitsMismatch]
    );
    assert_eq!(
        warnings(&an_with(0, "003090012345")),
        vec![Warning::UnknownProvinceCode]
    );
    assert_eq!(warnings(&an_with(1, "12345")), vec![Warning::OldIdInvalid]);
    assert_eq!(
        warnings(&an_with(6, "01012026")),
        vec![Warning::IssueDateInFuture]
    );
}

#[test]
fn renewal_overdue_is_derived() {
    let card = card(CCCD_HOA);
    assert_eq!(card.age, Some(40));
    // Issued at 36 (before the 2-year window of 40): due on the 40th birthday.
    assert_eq!(card.next_renewal, Some(date(2025, 8, 2)));
    assert!(card.renewal_overdue);
    assert_eq!(card.warnings, vec![Warning::RenewalOverdue]);
}

#[test]
fn renewal_due_within_sixty_days_is_flagged() {
    // CCCD_HOA is due on 2025-08-02: 60 days before is due soon, 61 is not, the day itself is.
    let on = |today| match parse(CCCD_HOA, today) {
        Reading::Card(card) => card,
        other => panic!("{other:?}"),
    };
    let soon = on(date(2025, 6, 3));
    assert!(soon.renewal_due_soon && !soon.renewal_overdue);
    assert_eq!(soon.warnings, vec![Warning::RenewalDueSoon]);
    assert!(on(date(2025, 8, 2)).renewal_due_soon);
    let early = on(date(2025, 6, 2));
    assert!(!early.renewal_due_soon);
    assert!(early.warnings.is_empty());
    assert!(!on(date(2025, 8, 3)).renewal_due_soon);
}

#[test]
fn renewal_rule() {
    let birth = date(2000, 6, 15);
    let can_cuoc = |issued| next_renewal(CardKind::CanCuoc, birth, issued);
    let cccd = |issued| next_renewal(CardKind::Cccd, birth, issued);
    // Căn cước issued to a child of 6: renew at 14.
    assert_eq!(can_cuoc(date(2006, 7, 1)), Some(date(2014, 6, 15)));
    // Issued one day before the 2-year window of 14 opens: still due at 14.
    assert_eq!(can_cuoc(date(2012, 6, 14)), Some(date(2014, 6, 15)));
    // Issued on the first day of the window: valid until 25.
    assert_eq!(can_cuoc(date(2012, 6, 15)), Some(date(2025, 6, 15)));
    assert_eq!(can_cuoc(date(2014, 6, 14)), Some(date(2025, 6, 15)));
    // Issued on the 14th birthday: the next age is 25.
    assert_eq!(can_cuoc(date(2014, 6, 15)), Some(date(2025, 6, 15)));
    assert_eq!(can_cuoc(date(2030, 1, 1)), Some(date(2040, 6, 15)));
    assert_eq!(can_cuoc(date(2045, 1, 1)), Some(date(2060, 6, 15)));
    // From 58 on: valid for life.
    assert_eq!(can_cuoc(date(2058, 6, 15)), None);
    assert_eq!(can_cuoc(date(2061, 1, 1)), None);
    // Chip CCCD cards had no renewal at 14.
    assert_eq!(cccd(date(2014, 7, 1)), Some(date(2025, 6, 15)));
    assert_eq!(cccd(date(2023, 6, 15)), Some(date(2040, 6, 15)));
}

#[test]
fn not_a_card() {
    let cases = [
        (
            "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
            OtherContent::WebLink,
        ),
        ("  HTTPS://VNEID.GOV.VN  ", OtherContent::WebLink),
        ("www.example.vn|a|b|c|d|e|f", OtherContent::WebLink),
        ("WWW.vneid.gov.vn", OtherContent::WebLink),
        ("javascript:alert(1)", OtherContent::OtherLink),
        ("DATA:text/html,x", OtherContent::OtherLink),
        ("tel:0912345678", OtherContent::OtherLink),
        (
            "intent://scan/#Intent;scheme=zxing;end",
            OtherContent::OtherLink,
        ),
        ("mailto:a@b.vn", OtherContent::OtherLink),
        ("Lưu ý: mang theo thẻ", OtherContent::Text),
        ("Note: bring the card", OtherContent::Text),
        (":abc", OtherContent::Text),
        ("1abc:def", OtherContent::Text),
        (
            "00020101021138540010A00000072701240006970436011012345678900208QRIBFTTA53037045802VN6304ABCD",
            OtherContent::BankTransfer,
        ),
        ("Xin chào bà con", OtherContent::Text),
        ("", OtherContent::Text),
        ("   \r\n", OtherContent::Text),
        ("|||||||", OtherContent::Text),
        ("001090012345", OtherContent::Text),
        ("001090012345|013456789|Nguyễn Văn An", OtherContent::Text),
        ("abc|def|ghi|15031990|Nam|x|y", OtherContent::Text),
    ];
    for (text, expected) in cases {
        match parse(text, today()) {
            Reading::NotCard { raw, content } => {
                assert_eq!(raw, text);
                assert_eq!(content, expected, "{text:?}");
            }
            other => panic!("{text:?} read as a card: {other:?}"),
        }
    }
}

#[test]
fn json_shape_for_a_card() {
    let value = serde_json::to_value(parse(CCCD_HOA, today())).expect("serializes");
    let expected = serde_json::json!({
        "kind": "cccd",
        "id_number": "038185004321",
        "old_id_number": null,
        "full_name": "Lê Thị Hoa",
        "date_of_birth": "1985-08-02",
        "sex": "Nữ",
        "address": "Thôn Đông, Xã Quảng Tân, Huyện Quảng Xương, Thanh Hóa",
        "date_of_issue": "2022-06-10",
        "province_code": "038",
        "province_name": "Thanh Hóa",
        "extra": [],
        "warnings": [{"code": "renewal_overdue", "message": Warning::RenewalOverdue.message(Lang::Vi)}],
        "next_renewal": "2025-08-02",
        "raw": CCCD_HOA,
    });
    assert_eq!(value, expected);
}

#[test]
fn json_shape_for_extras_and_not_card() {
    let value = serde_json::to_value(parse(CAN_CUOC_BAO_ANH, today())).expect("serializes");
    assert_eq!(value["kind"], "can_cuoc");
    assert_eq!(
        value["extra"][1],
        serde_json::json!({"position": 9, "label": "personal_id_number", "value": "048080001122"})
    );
    assert_eq!(value["extra"][0]["label"], serde_json::Value::Null);

    let value = serde_json::to_value(parse("https://example.vn", today())).expect("serializes");
    let expected = serde_json::json!({
        "kind": "not_card", "id_number": null, "old_id_number": null, "full_name": null,
        "date_of_birth": null, "sex": null, "address": null, "date_of_issue": null,
        "province_code": null, "province_name": null, "extra": [], "warnings": [],
        "next_renewal": null, "raw": "https://example.vn",
    });
    assert_eq!(value, expected);
}

#[test]
fn reads_sex_in_any_common_spelling() {
    for spelling in ["Nữ", "NỮ", "nữ", "Nu", "NU", " nu "] {
        assert_eq!(
            card(&CCCD_HOA.replace("|Nữ|", &format!("|{spelling}|"))).sex,
            Some(Sex::Female),
            "{spelling}"
        );
    }
    for spelling in ["Nam", "NAM", "nam"] {
        assert_eq!(
            card(&an_with(4, spelling)).sex,
            Some(Sex::Male),
            "{spelling}"
        );
    }
}
