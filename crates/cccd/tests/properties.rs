//! Property tests: the parser never panics, and valid payloads read back exactly.

mod common;

use common::{date, mangle, today};
use proptest::prelude::*;
use sotay_cccd::{CardKind, Date, PROVINCES, Reading, Sex, Warning, parse};

const NAMES: &[&str] = &[
    "Nguyễn Văn An",
    "Trần Thị Bích Ngọc",
    "Lê Hoàng Phúc",
    "Phạm Thị Hằng",
    "Hoàng Đức Thắng",
    "Đặng Thị Thu Hương",
    "Bùi Quốc Việt",
    "Đỗ Thị Ánh Tuyết",
    "Hồ Sỹ Lưu",
    "Ngô Thị Lụa",
    "H'Hen Niê",
    "Lò Văn Pằn",
];

const ADDRESSES: &[&str] = &[
    "Thôn 3, Xã Ea Tu, TP. Buôn Ma Thuột, Đắk Lắk",
    "Số 7 ngách 12/4 phố Kim Mã, Phường Ngọc Khánh, Quận Ba Đình, Hà Nội",
    "Ấp Phú Hữu, Xã Phú Hữu, Huyện Châu Thành, Hậu Giang",
    "Tổ 14, Phường Quyết Thắng, TP. Sơn La, Sơn La",
    "Bản Nà Phặc, Xã Mường Lầm, Huyện Sông Mã, Sơn La",
    "Khóm 2, Phường 8, TP. Cà Mau, Cà Mau",
];

#[derive(Clone, Debug)]
struct Person {
    province: &'static str,
    sex: Sex,
    birth: Date,
    issued: Date,
    old_id: Option<String>,
    name: &'static str,
    address: &'static str,
    serial: u32,
    extra: Vec<String>,
}

impl Person {
    fn id(&self) -> String {
        let century = (self.birth.year() / 100 - 19) * 2 + i32::from(self.sex == Sex::Female);
        format!(
            "{}{}{:02}{:06}",
            self.province,
            century,
            self.birth.year() % 100,
            self.serial
        )
    }

    fn payload(&self) -> String {
        let mut fields = vec![
            self.id(),
            self.old_id.clone().unwrap_or_default(),
            self.name.to_owned(),
            format!(
                "{:02}{:02}{:04}",
                self.birth.day(),
                self.birth.month(),
                self.birth.year()
            ),
            self.sex.label_vi().to_owned(),
            self.address.to_owned(),
            format!(
                "{:02}{:02}{:04}",
                self.issued.day(),
                self.issued.month(),
                self.issued.year()
            ),
        ];
        fields.extend(self.extra.iter().cloned());
        fields.join("|")
    }
}

fn any_date(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = Date> {
    (years, 1u32..=12, 1u32..=31).prop_filter_map("existing date", |(y, m, d)| Date::new(y, m, d))
}

/// A chip CCCD (issued 2021 – 30 Jun 2024) or a căn cước (1 Jul 2024 – today).
fn any_person(kind: CardKind) -> impl Strategy<Value = Person> {
    let issue_range = match kind {
        CardKind::Cccd => (date(2021, 1, 1), date(2024, 6, 30)),
        CardKind::CanCuoc => (date(2024, 7, 1), today()),
    };
    let extra = match kind {
        CardKind::Cccd => proptest::collection::vec("[0-9]{12}", 0..=0).boxed(),
        CardKind::CanCuoc => proptest::collection::vec(
            prop_oneof![
                "[0-9]{12}",
                "[0-9]{9}",
                proptest::sample::select(NAMES).prop_map(str::to_owned)
            ],
            0..6,
        )
        .boxed(),
    };
    (
        proptest::sample::select(PROVINCES.as_slice()),
        any::<bool>(),
        any_date(1925..=2020),
        0u32..1_000,
        proptest::option::of("[0-9]{9}"),
        proptest::sample::select(NAMES),
        proptest::sample::select(ADDRESSES),
        0u32..1_000_000,
        extra,
    )
        .prop_filter_map(
            "issued after birth",
            move |(province, female, birth, issue_offset, old_id, name, address, serial, extra)| {
                let (first, last) = issue_range;
                let start = first.max(birth).days_since_unix_epoch();
                let span = last.days_since_unix_epoch() - start;
                if span < 0 {
                    return None;
                }
                let issued =
                    Date::from_days_since_unix_epoch(start + i64::from(issue_offset) % (span + 1))?;
                Some(Person {
                    province: province.code,
                    sex: if female { Sex::Female } else { Sex::Male },
                    birth,
                    issued,
                    old_id,
                    name,
                    address,
                    serial,
                    extra,
                })
            },
        )
}

fn assert_reads_back(person: &Person, kind: CardKind, text: &str, allowed: &[Warning]) {
    let Reading::Card(card) = parse(text, today()) else {
        panic!("not read as a card: {text:?}");
    };
    assert_eq!(card.kind, kind);
    assert_eq!(card.id_number, person.id());
    assert_eq!(card.old_id_number, person.old_id);
    assert_eq!(card.full_name.as_deref(), Some(person.name));
    assert_eq!(card.date_of_birth, Some(person.birth));
    assert_eq!(card.sex, Some(person.sex));
    assert_eq!(card.address.as_deref(), Some(person.address));
    assert_eq!(card.date_of_issue, Some(person.issued));
    assert_eq!(card.province.map(|p| p.code), Some(person.province));
    let extra: Vec<&str> = card.extra.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(
        extra,
        person.extra.iter().map(String::as_str).collect::<Vec<_>>()
    );
    for warning in &card.warnings {
        assert!(
            allowed.contains(warning)
                || matches!(warning, Warning::RenewalOverdue | Warning::RenewalDueSoon),
            "unexpected {warning:?} for {text:?}"
        );
    }
    assert_eq!(
        card.renewal_overdue,
        card.warnings.contains(&Warning::RenewalOverdue)
    );
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        let reading = parse(&text, today());
        prop_assert_eq!(reading.raw(), text.as_str());
        prop_assert!(serde_json::to_string(&reading).is_ok());
    }

    #[test]
    fn never_panics_on_any_fields(
        fields in proptest::collection::vec(
            prop_oneof![
                any::<String>(),
                "[0-9]{0,14}",
                "[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,5}",
                Just("Nam".to_owned()),
                Just("Nữ".to_owned()),
                Just(String::new()),
            ],
            0..14,
        ),
        today in any_date(1..=9999),
    ) {
        let text = fields.join("|");
        let reading = parse(&text, today);
        prop_assert_eq!(reading.raw(), text.as_str());
        if let Some(card) = reading.card() {
            // Derived facts agree with each other.
            prop_assert_eq!(card.renewal_overdue, card.next_renewal.is_some_and(|due| today > due));
            prop_assert!(!(card.renewal_overdue && card.renewal_due_soon));
            if let (Some(birth), Some(age)) = (card.date_of_birth, card.age) {
                prop_assert!(birth.add_years(i32::try_from(age).unwrap_or(i32::MAX)).is_none_or(|d| d <= today));
            }
        }
    }

    #[test]
    fn valid_chip_cards_read_back(person in any_person(CardKind::Cccd)) {
        assert_reads_back(&person, CardKind::Cccd, &person.payload(), &[]);
    }

    #[test]
    fn valid_can_cuoc_cards_read_back(person in any_person(CardKind::CanCuoc)) {
        assert_reads_back(&person, CardKind::CanCuoc, &person.payload(), &[]);
    }

    #[test]
    fn noisy_and_mangled_payloads_read_back(person in any_person(CardKind::Cccd), noise in 0u8..4) {
        let payload = person.payload();
        let text = match noise {
            0 => format!("\u{feff}{payload}|\r\n"),
            1 => format!("  {} ", payload.replace('|', " | ")),
            2 => mangle(&payload),
            _ => mangle(&format!("\u{feff}{payload}\r\n")),
        };
        assert_reads_back(&person, CardKind::Cccd, &text, &[Warning::TextRepaired]);
    }
}
