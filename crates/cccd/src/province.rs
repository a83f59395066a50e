//! The province codes that open every 12-digit personal id number.
//!
//! Source: the appendix "Danh mục mã tỉnh, thành phố trực thuộc trung ương nơi
//! công dân đăng ký khai sinh" of Circular 07/2016/TT-BCA, carried over
//! unchanged by Circular 59/2021/TT-BCA art. 4 (checked against published
//! restatements of the table). The codes name the 63 provinces as they were
//! before the 2025 mergers; the 2025 mergers did not renumber them, so a card
//! issued today still shows the old province of birth registration.
//! Births registered abroad use a country code instead; those are not listed
//! here and are reported as an unknown code.

/// A province (or centrally-run city) of birth registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Province {
    /// Three digits, e.g. `"001"`.
    pub code: &'static str,
    /// Vietnamese name as it was before the 2025 mergers, e.g. `"Hà Nội"`.
    pub name: &'static str,
}

/// Every code of the official table, in ascending order.
pub const PROVINCES: [Province; 63] = [
    p("001", "Hà Nội"),
    p("002", "Hà Giang"),
    p("004", "Cao Bằng"),
    p("006", "Bắc Kạn"),
    p("008", "Tuyên Quang"),
    p("010", "Lào Cai"),
    p("011", "Điện Biên"),
    p("012", "Lai Châu"),
    p("014", "Sơn La"),
    p("015", "Yên Bái"),
    p("017", "Hòa Bình"),
    p("019", "Thái Nguyên"),
    p("020", "Lạng Sơn"),
    p("022", "Quảng Ninh"),
    p("024", "Bắc Giang"),
    p("025", "Phú Thọ"),
    p("026", "Vĩnh Phúc"),
    p("027", "Bắc Ninh"),
    p("030", "Hải Dương"),
    p("031", "Hải Phòng"),
    p("033", "Hưng Yên"),
    p("034", "Thái Bình"),
    p("035", "Hà Nam"),
    p("036", "Nam Định"),
    p("037", "Ninh Bình"),
    p("038", "Thanh Hóa"),
    p("040", "Nghệ An"),
    p("042", "Hà Tĩnh"),
    p("044", "Quảng Bình"),
    p("045", "Quảng Trị"),
    p("046", "Thừa Thiên Huế"),
    p("048", "Đà Nẵng"),
    p("049", "Quảng Nam"),
    p("051", "Quảng Ngãi"),
    p("052", "Bình Định"),
    p("054", "Phú Yên"),
    p("056", "Khánh Hòa"),
    p("058", "Ninh Thuận"),
    p("060", "Bình Thuận"),
    p("062", "Kon Tum"),
    p("064", "Gia Lai"),
    p("066", "Đắk Lắk"),
    p("067", "Đắk Nông"),
    p("068", "Lâm Đồng"),
    p("070", "Bình Phước"),
    p("072", "Tây Ninh"),
    p("074", "Bình Dương"),
    p("075", "Đồng Nai"),
    p("077", "Bà Rịa - Vũng Tàu"),
    p("079", "TP. Hồ Chí Minh"),
    p("080", "Long An"),
    p("082", "Tiền Giang"),
    p("083", "Bến Tre"),
    p("084", "Trà Vinh"),
    p("086", "Vĩnh Long"),
    p("087", "Đồng Tháp"),
    p("089", "An Giang"),
    p("091", "Kiên Giang"),
    p("092", "Cần Thơ"),
    p("093", "Hậu Giang"),
    p("094", "Sóc Trăng"),
    p("095", "Bạc Liêu"),
    p("096", "Cà Mau"),
];

const fn p(code: &'static str, name: &'static str) -> Province {
    Province { code, name }
}

/// The province for a three-digit code, if the official table has it.
pub fn province_by_code(code: &str) -> Option<Province> {
    PROVINCES
        .iter()
        .copied()
        .find(|province| province.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_in_range() {
        for pair in PROVINCES.windows(2) {
            if let [a, b] = pair {
                assert!(a.code < b.code, "{} then {}", a.code, b.code);
            }
        }
        for province in PROVINCES {
            assert_eq!(province.code.len(), 3);
            assert!(("001"..="096").contains(&province.code));
        }
    }

    #[test]
    fn known_codes() {
        let name = |code| province_by_code(code).map(|p| p.name);
        assert_eq!(name("001"), Some("Hà Nội"));
        assert_eq!(name("031"), Some("Hải Phòng"));
        assert_eq!(name("038"), Some("Thanh Hóa"));
        assert_eq!(name("048"), Some("Đà Nẵng"));
        assert_eq!(name("051"), Some("Quảng Ngãi"));
        assert_eq!(name("062"), Some("Kon Tum"));
        assert_eq!(name("079"), Some("TP. Hồ Chí Minh"));
        assert_eq!(name("096"), Some("Cà Mau"));
        for gap in ["000", "003", "005", "041", "097", "100", "1"] {
            assert_eq!(name(gap), None, "{gap}");
        }
    }
}
