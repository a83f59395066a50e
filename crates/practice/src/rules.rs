//! The real apps' format rules for what is typed, with plain-Vietnamese feedback.

use sotay_date::Date;
use sotay_text::Lang;
pub(crate) use sotay_text::ui::practice_feedback as text;

/// Practice screens copy the real apps, which are in Vietnamese: so is their feedback
/// (`assets/ui/vi/practice_feedback.toml`).
pub(crate) const VI: Lang = Lang::Vi;

use crate::{Field, person};

/// A field's format rule, named in scenario files by [`Rule::NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// `so-dinh-danh`: the 12-digit personal id number.
    IdNumber,
    /// `so-dien-thoai`: a 10-digit mobile number starting with 0 (+84 accepted).
    Phone,
    /// `otp`: a 6-digit one-time code.
    Otp,
    /// `mat-khau`: 8–20 characters with upper and lower case, a digit and a special character.
    Password,
    /// `passcode`: 6 digits.
    Passcode,
    /// `chu-so`: exactly `length` digits (e.g. a health-insurance number).
    Digits(usize),
    /// `van-ban`: any text, not empty.
    Text,
    /// `ngay`: a date, day/month/year.
    Date,
    /// `lua-chon`: one of the field's `options`.
    Choice,
    /// `cam-doan`: a box that must be ticked (the value is `"co"` when ticked).
    Tick,
}

impl Rule {
    /// Every rule name a scenario file may use.
    pub const NAMES: [&'static str; 10] = [
        "so-dinh-danh",
        "so-dien-thoai",
        "otp",
        "mat-khau",
        "passcode",
        "chu-so",
        "van-ban",
        "ngay",
        "lua-chon",
        "cam-doan",
    ];

    /// The rule named `name`; `length` is needed by `chu-so` only.
    pub fn parse(name: &str, length: Option<usize>) -> Option<Rule> {
        Some(match name {
            "so-dinh-danh" => Rule::IdNumber,
            "so-dien-thoai" => Rule::Phone,
            "otp" => Rule::Otp,
            "mat-khau" => Rule::Password,
            "passcode" => Rule::Passcode,
            "chu-so" => Rule::Digits(length.filter(|n| (1..=30).contains(n))?),
            "van-ban" => Rule::Text,
            "ngay" => Rule::Date,
            "lua-chon" => Rule::Choice,
            "cam-doan" => Rule::Tick,
            _ => return None,
        })
    }

    /// The HTML input the practice screen shows for this rule.
    pub fn input_mode(self) -> &'static str {
        match self {
            Rule::IdNumber | Rule::Otp | Rule::Passcode | Rule::Digits(_) => "numeric",
            Rule::Phone => "tel",
            _ => "text",
        }
    }

    /// Whether the screen hides what is typed (passwords, passcodes).
    pub fn is_secret(self) -> bool {
        matches!(self, Rule::Password | Rule::Passcode)
    }
}

/// The value with the spaces people put between groups of digits removed.
fn squeeze(value: &str) -> String {
    value.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `what gồm N chữ số. Bạn vừa nhập M số.` — or what else is wrong.
fn digits(what: &str, value: &str, count: usize) -> Result<(), String> {
    let digits = squeeze(value);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(text::digits_only(VI, what));
    }
    let typed = digits.chars().count();
    if typed != count {
        return Err(text::digits_count(VI, what, count, typed));
    }
    Ok(())
}

fn phone(value: &str) -> Result<(), String> {
    let number = normal(Rule::Phone, value);
    if !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(text::PHONE_DIGITS_ONLY.get(VI).to_string());
    }
    let typed = number.chars().count();
    if typed != 10 || !number.starts_with('0') {
        return Err(text::phone_length(VI, typed));
    }
    Ok(())
}

fn password(value: &str) -> Result<(), String> {
    let length = value.chars().count();
    if !(8..=20).contains(&length) {
        return Err(text::password_length(VI, length));
    }
    let mut missing = Vec::new();
    if !value.chars().any(|c| c.is_uppercase()) {
        missing.push(text::PASSWORD_UPPER.get(VI));
    }
    if !value.chars().any(|c| c.is_lowercase()) {
        missing.push(text::PASSWORD_LOWER.get(VI));
    }
    if !value.chars().any(|c| c.is_ascii_digit()) {
        missing.push(text::PASSWORD_DIGIT.get(VI));
    }
    if !value
        .chars()
        .any(|c| !c.is_alphanumeric() && !c.is_whitespace())
    {
        missing.push(text::PASSWORD_SPECIAL.get(VI));
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(text::password_missing(VI, missing.join(", ")))
    }
}

/// A value as the rule compares it: digits without spaces (a phone's +84 as 0), text trimmed.
fn normal(rule: Rule, value: &str) -> String {
    match rule {
        Rule::Password | Rule::Text | Rule::Choice | Rule::Tick | Rule::Date => {
            value.trim().to_string()
        }
        Rule::Phone => {
            let digits = squeeze(value);
            match digits.strip_prefix("+84") {
                Some(rest) => format!("0{rest}"),
                None => digits,
            }
        }
        _ => squeeze(value),
    }
}

/// Whether two values are the same for the rule (dates as dates: 5/9/1990 is 05/09/1990).
fn same(rule: Rule, a: &str, b: &str) -> bool {
    match rule {
        Rule::Date => {
            Date::parse_loose(a).is_some() && Date::parse_loose(a) == Date::parse_loose(b)
        }
        _ => normal(rule, a) == normal(rule, b),
    }
}

/// Checks one field: Ok, or the feedback to show. `value_of` / `label_of`
/// give the other fields of the screen (for `same_as` and `differs_from`).
pub(crate) fn check_field<'a>(
    field: &Field,
    value: &str,
    value_of: &dyn Fn(&str) -> &'a str,
    label_of: &dyn Fn(&str) -> String,
) -> Result<(), String> {
    let Some(rule) = Rule::parse(&field.rule, field.length) else {
        // Validation rules this out; an unknown rule never blocks a resident.
        return Ok(());
    };
    let label = field.label.as_str();
    match rule {
        Rule::Choice if value.is_empty() || !field.options.iter().any(|o| o == value) => {
            return Err(text::not_chosen(VI, label));
        }
        Rule::Tick if value != "co" => {
            return Err(text::not_ticked(VI, label));
        }
        Rule::Choice | Rule::Tick => {}
        _ if value.trim().is_empty() => return Err(text::empty(VI, label)),
        Rule::IdNumber => digits(text::ID_NUMBER.get(VI), value, 12)?,
        Rule::Phone => phone(value)?,
        Rule::Otp => digits(text::OTP.get(VI), value, 6)?,
        Rule::Passcode => digits(text::PASSCODE.get(VI), value, 6)?,
        Rule::Digits(count) => digits(label, value, count)?,
        Rule::Password => password(value)?,
        Rule::Date if Date::parse_loose(value).is_none() => {
            return Err(text::date_format(VI, label));
        }
        Rule::Date | Rule::Text => {}
    }
    if let Some(other) = &field.same_as
        && !same(rule, value, value_of(other))
    {
        return Err(text::not_same(VI, label, label_of(other)));
    }
    if let Some(other) = &field.differs_from
        && same(rule, value, value_of(other))
    {
        return Err(text::must_differ(VI, label, label_of(other)));
    }
    if let Some(expected) = field.expect.as_deref().and_then(person)
        && !same(rule, value, expected)
    {
        return Err(field
            .wrong
            .clone()
            .unwrap_or_else(|| text::not_expected(VI, label, expected)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(rule: &str) -> Field {
        Field {
            id: "f".into(),
            label: "Ô thử".into(),
            rule: rule.into(),
            length: None,
            options: Vec::new(),
            expect: None,
            wrong: None,
            same_as: None,
            differs_from: None,
        }
    }

    fn check(field: &Field, value: &str) -> Result<(), String> {
        check_field(field, value, &|_| "", &|id| id.to_string())
    }

    #[test]
    fn digit_rules_say_how_many_were_typed() {
        assert_eq!(
            check(&field("otp"), "12345"),
            Err("Mã OTP gồm 6 chữ số. Bạn vừa nhập 5 số.".into())
        );
        assert_eq!(check(&field("otp"), "123 456"), Ok(()));
        assert_eq!(
            check(&field("so-dinh-danh"), "09909000123"),
            Err("Số định danh cá nhân gồm 12 chữ số. Bạn vừa nhập 11 số.".into())
        );
        assert!(
            check(&field("passcode"), "12a456")
                .unwrap_err()
                .contains("chỉ gồm chữ số")
        );
        let mut insurance = field("chu-so");
        insurance.length = Some(10);
        assert_eq!(
            check(&insurance, "123"),
            Err("Ô thử gồm 10 chữ số. Bạn vừa nhập 3 số.".into())
        );
        assert_eq!(
            check(&field("otp"), " "),
            Err("Ô “Ô thử” còn trống.".into())
        );
    }

    #[test]
    fn phones_are_ten_digits_from_zero_or_plus_84() {
        assert_eq!(check(&field("so-dien-thoai"), "0900 000 999"), Ok(()));
        assert_eq!(check(&field("so-dien-thoai"), "+84900000999"), Ok(()));
        assert!(
            check(&field("so-dien-thoai"), "900000999")
                .unwrap_err()
                .contains("Bạn vừa nhập 9 số")
        );
    }

    #[test]
    fn passwords_name_what_is_missing() {
        assert_eq!(check(&field("mat-khau"), "Tap@2026"), Ok(()));
        assert_eq!(
            check(&field("mat-khau"), "tap2026"),
            Err("Mật khẩu phải dài từ 8 đến 20 ký tự. Bạn vừa nhập 7 ký tự.".into())
        );
        assert_eq!(
            check(&field("mat-khau"), "tapthu2026"),
            Err("Mật khẩu còn thiếu: chữ hoa, ký tự đặc biệt (ví dụ @ hoặc #).".into())
        );
        assert!(check(&field("mat-khau"), &"Aa1@".repeat(6)).is_err());
    }

    #[test]
    fn repeated_and_different_fields() {
        let mut again = field("passcode");
        again.same_as = Some("dau".into());
        let first = |_: &str| "135790";
        assert_eq!(
            check_field(&again, "135790", &first, &|_| "Passcode".to_string()),
            Ok(())
        );
        assert_eq!(
            check_field(&again, "135791", &first, &|_| "Passcode".to_string()),
            Err("“Ô thử” chưa giống ô “Passcode”. Hãy nhập lại cho giống hệt.".into())
        );
        let mut second = field("lua-chon");
        second.options = vec!["A".into(), "B".into()];
        second.differs_from = Some("q1".into());
        assert!(check_field(&second, "A", &|_| "A", &|_| "Câu hỏi 1".to_string()).is_err());
        assert_eq!(
            check_field(&second, "B", &|_| "A", &|_| "Câu hỏi 1".to_string()),
            Ok(())
        );
        assert_eq!(check(&second, ""), Err("Bạn chưa chọn “Ô thử”.".into()));
        assert!(check(&field("cam-doan"), "").is_err());
        assert_eq!(check(&field("cam-doan"), "co"), Ok(()));
    }

    #[test]
    fn expected_values_and_dates() {
        let mut id = field("so-dinh-danh");
        id.expect = Some("so_dinh_danh".into());
        assert_eq!(check(&id, "099 090 001 234"), Ok(()));
        assert_eq!(
            check(&id, "001090001234"),
            Err("“Ô thử” chưa đúng. Của người tập là: 099090001234.".into())
        );
        let mut born = field("ngay");
        born.expect = Some("ngay_sinh".into());
        assert_eq!(check(&born, "5/9/1990"), Ok(()));
        assert!(
            check(&born, "31/02/1990")
                .unwrap_err()
                .contains("ngày/tháng/năm")
        );
        assert!(check(&born, "06/09/1990").is_err());
    }
}
