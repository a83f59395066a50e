//! Reads the text inside the QR code of a Vietnamese identity card and checks it.
//!
//! Two card generations carry a QR code whose text is a list of fields joined by `|`:
//!
//! * **CCCD chip card** (thẻ Căn cước công dân gắn chip, issued 2021 – 30 June 2024,
//!   QR on the front): `id | old id | full name | ddmmyyyy birth | sex | permanent
//!   address | ddmmyyyy issue` — seven fields, the old 9-digit CMND number empty when
//!   there was none.
//! * **Căn cước card** (thẻ căn cước, issued since 1 July 2024 under the Law on
//!   Identification 2023, QR on the back). Circular 16/2024/TT-BCA lists what its QR
//!   holds: the holder's data plus names and personal id numbers of the household
//!   head, father, mother, spouse and children, the old 9-digit CMND number and
//!   cancelled id numbers. The *order* of those extra fields is not published. This
//!   crate therefore reads the seven leading fields as on the chip card, keeps every
//!   later field as a numbered [`ExtraField`], and labels an extra field only by what
//!   its shape proves (a 12-digit personal id number, a 9-digit CMND number, a date) —
//!   never by a guess at whose number or name it is.
//!
//! [`parse`] never panics and never drops input: anything it cannot read or that
//! looks wrong becomes a typed [`Warning`] with a plain-Vietnamese message, and text
//! that is not a card payload at all (a link, a VietQR bank code, free text) comes
//! back as [`Reading::NotCard`] with the raw text. It tolerates what real scanners
//! do to the text: a UTF-8 byte order mark, surrounding whitespace and CR/LF, a
//! trailing `|`, an empty old-id field, dates with or without separators, UTF-8 that
//! was decoded as Latin-1 / Windows-1252 ("Nguyá»…n"), and decomposed (NFD) letters.
//!
//! It also derives what a resident wants to know: age, the province of birth
//! registration, and the date by which the card must be renewed ([`next_renewal`]).
//!
//! A QR code is **not** proof of identity: it is not signed, and anyone can print
//! one. Show the result as "what the code says", to compare with the printed card.
//!
//! The crate reads no clock, files or network, so it runs the same natively and in
//! WebAssembly; "today" is always a parameter.
//!
//! # Example
//!
//! ```
//! use sotay_cccd::{CardKind, Date, Reading, parse};
//!
//! // An invented person: a chip CCCD card payload as a scanner returns it.
//! let text = "001090012345|013456789|Nguyễn Văn An|15031990|Nam|Thôn 1, Xã Tân Phú, Hà Nội|20042021";
//! let today = Date::new(2026, 11, 29).unwrap();
//! let Reading::Card(card) = parse(text, today) else { panic!("a card") };
//! assert_eq!(card.kind, CardKind::Cccd);
//! assert_eq!(card.full_name.as_deref(), Some("Nguyễn Văn An"));
//! assert_eq!(card.age, Some(36));
//! // Issued at 31, so due on the 40th birthday.
//! assert_eq!(card.next_renewal, Date::new(2030, 3, 15));
//! assert!(card.warnings.is_empty());
//!
//! // Anything else comes back as it was, never as a card.
//! assert!(matches!(parse("https://vneid.gov.vn", today), Reading::NotCard { .. }));
//! ```

mod nfc;
mod province;
mod text;
mod warning;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

pub use province::{PROVINCES, Province, province_by_code};
pub use sotay_date::{Date, days_in_month, is_leap_year};
/// The language of [`Warning::message`] and [`CardKind::name`].
pub use sotay_text::Lang;
use sotay_text::ui;
pub use text::repair_mojibake;
pub use warning::{Severity, Warning};

/// The first day căn cước cards were issued (Law on Identification 2023 took effect);
/// chip CCCD cards were issued until the day before.
pub const CAN_CUOC_START: (i32, u32, u32) = (2024, 7, 1);

/// How many days before [`Card::next_renewal`] a card counts as due soon: long enough to
/// book a visit to the commune police before the card lapses.
pub const RENEWAL_SOON_DAYS: i64 = 60;

/// Which card generation a payload comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardKind {
    /// Thẻ Căn cước công dân gắn chip, 2021 – 30 June 2024.
    Cccd,
    /// Thẻ căn cước, since 1 July 2024.
    CanCuoc,
}

impl CardKind {
    /// `"cccd"` or `"can_cuoc"`, as in the JSON output.
    pub fn code(self) -> &'static str {
        match self {
            CardKind::Cccd => "cccd",
            CardKind::CanCuoc => "can_cuoc",
        }
    }

    /// The card's name (`assets/ui/{vi,en}/card_kind.toml`).
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            CardKind::Cccd => ui::card_kind::CCCD,
            CardKind::CanCuoc => ui::card_kind::CAN_CUOC,
        }
        .get(lang)
    }

    /// The ages at which this generation must be renewed. Chip CCCD cards follow the
    /// Law on Citizen Identification 2014 (25, 40, 60) and stay valid until the expiry
    /// printed under it; căn cước cards follow the Law on Identification 2023, art. 21
    /// (14, 25, 40, 60).
    pub fn renewal_ages(self) -> &'static [i32] {
        match self {
            CardKind::Cccd => &[25, 40, 60],
            CardKind::CanCuoc => &[14, 25, 40, 60],
        }
    }
}

/// Sex as written on the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// `"Nam"` or `"Nữ"`, as printed on the card.
    pub fn label_vi(self) -> &'static str {
        match self {
            Sex::Male => "Nam",
            Sex::Female => "Nữ",
        }
    }

    /// Reads `Nam` / `Nữ` in any case, with or without the accent.
    pub fn parse(text: &str) -> Option<Sex> {
        // Spelled out rather than `to_lowercase`, whose Unicode tables would cost bundle size.
        let text = text.trim();
        if text.eq_ignore_ascii_case("nam") {
            Some(Sex::Male)
        } else if text.eq_ignore_ascii_case("nu") || ["nữ", "Nữ", "NỮ", "nỮ"].contains(&text)
        {
            Some(Sex::Female)
        } else {
            None
        }
    }
}

/// What a field after the seventh is, as far as its shape proves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtraLabel {
    /// Exactly 12 digits: a personal id number (of a relative, or a cancelled one).
    PersonalIdNumber,
    /// Exactly 9 digits: an old CMND number.
    OldIdNumber,
    /// A valid date in one of the forms cards use.
    Date,
}

/// A field after the seventh, kept as it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExtraField {
    /// 1-based position of the field in the payload (the first extra field is 8).
    pub position: usize,
    /// What the value is, when its shape shows it; `None` for names and anything else.
    pub label: Option<ExtraLabel>,
    pub value: String,
}

/// What a non-card QR text looks like, so the app can say something useful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OtherContent {
    /// A web page address (`http://…`, `https://…` or `www.…`): shown, opened only by the
    /// person and only if they trust where the code came from.
    WebLink,
    /// A link of any other scheme (`javascript:`, `data:`, `intent:`, `tel:`, `mailto:`,
    /// `ftp://` …): never opened, never offered for copying.
    OtherLink,
    /// An EMVCo merchant payload (VietQR bank transfer), starting `000201`.
    BankTransfer,
    /// Anything else.
    Text,
}

/// A card payload, read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub kind: CardKind,
    /// Digits as read (spaces removed); see [`Warning::IdNotTwelveDigits`].
    pub id_number: String,
    pub old_id_number: Option<String>,
    pub full_name: Option<String>,
    pub date_of_birth: Option<Date>,
    pub sex: Option<Sex>,
    pub address: Option<String>,
    pub date_of_issue: Option<Date>,
    /// The first three digits of a 12-digit id, known to the table or not.
    pub province_code: Option<String>,
    /// The province for `province_code`, when the official table has it.
    pub province: Option<Province>,
    /// Fields after the seventh, in order.
    pub extra: Vec<ExtraField>,
    /// Every finding, in a stable order; empty for a clean payload.
    pub warnings: Vec<Warning>,
    /// Age in whole years on the `today` given to [`parse`].
    pub age: Option<u32>,
    /// The date the card must be renewed by; `None` when no further renewal is
    /// required (or the dates are unreadable).
    pub next_renewal: Option<Date>,
    /// `today` is after [`Card::next_renewal`].
    pub renewal_overdue: bool,
    /// [`Card::next_renewal`] is at most [`RENEWAL_SOON_DAYS`] days after `today`.
    pub renewal_due_soon: bool,
    /// The text exactly as given to [`parse`].
    pub raw: String,
}

/// The result of reading a QR text.
// One value per scan, so the size difference costs nothing; boxing would only complicate matching.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    Card(Card),
    NotCard { raw: String, content: OtherContent },
}

impl Reading {
    /// The text exactly as given to [`parse`].
    pub fn raw(&self) -> &str {
        match self {
            Reading::Card(card) => &card.raw,
            Reading::NotCard { raw, .. } => raw,
        }
    }

    pub fn card(&self) -> Option<&Card> {
        match self {
            Reading::Card(card) => Some(card),
            Reading::NotCard { .. } => None,
        }
    }

    /// `"cccd"`, `"can_cuoc"` or `"not_card"`.
    pub fn kind_code(&self) -> &'static str {
        match self {
            Reading::Card(card) => card.kind.code(),
            Reading::NotCard { .. } => "not_card",
        }
    }
}

/// Reads the text of a card QR code. `today` is the local date, used for the age,
/// date checks and renewal; the library never reads a clock itself.
///
/// * Not a card ([`Reading::NotCard`]): text starting `000201` (EMVCo / VietQR), a link,
///   or anything with fewer than six `|`-separated fields, a first field that is not
///   all digits, or neither a readable birth date (field 4) nor a sex (field 5).
/// * Generation: more than seven fields (after dropping trailing empty ones), or an
///   issue date on or after 1 July 2024, means [`CardKind::CanCuoc`]; otherwise
///   [`CardKind::Cccd`].
pub fn parse(text: &str, today: Date) -> Reading {
    let cleaned = text::clean(text);
    let not_card = |content| Reading::NotCard {
        raw: text.to_owned(),
        content,
    };
    if let Some(content) = obviously_not_card(&cleaned.text) {
        return not_card(content);
    }
    let mut fields: Vec<&str> = cleaned.text.split('|').map(str::trim).collect();
    while fields.last().is_some_and(|field| field.is_empty()) {
        fields.pop();
    }
    let field = |index: usize| fields.get(index).copied().unwrap_or("");
    let id_number: String = field(0).chars().filter(|c| !c.is_whitespace()).collect();
    let looks_like_card = fields.len() >= 6
        && !id_number.is_empty()
        && id_number.bytes().all(|b| b.is_ascii_digit())
        && (Date::parse_loose(field(3)).is_some() || Sex::parse(field(4)).is_some());
    if !looks_like_card {
        return not_card(OtherContent::Text);
    }

    let date_of_birth = Date::parse_loose(field(3));
    let date_of_issue = Date::parse_loose(field(6));
    let can_cuoc_start = Date::new(CAN_CUOC_START.0, CAN_CUOC_START.1, CAN_CUOC_START.2);
    let kind = if fields.len() > 7 || (date_of_issue.is_some() && date_of_issue >= can_cuoc_start) {
        CardKind::CanCuoc
    } else {
        CardKind::Cccd
    };
    let extra = fields
        .iter()
        .enumerate()
        .skip(7)
        .map(|(index, value)| ExtraField {
            position: index + 1,
            label: extra_label(value),
            value: (*value).to_owned(),
        })
        .collect();
    let province_code = (id_number.len() == 12)
        .then(|| id_number.get(0..3))
        .flatten()
        .map(str::to_owned);
    let province = province_code.as_deref().and_then(province_by_code);
    let mut card = Card {
        kind,
        old_id_number: non_empty(field(1))
            .map(|old| old.chars().filter(|c| !c.is_whitespace()).collect()),
        full_name: non_empty(field(2)).map(collapse_spaces),
        date_of_birth,
        sex: Sex::parse(field(4)),
        address: non_empty(field(5)).map(collapse_spaces),
        date_of_issue,
        province_code,
        province,
        extra,
        warnings: Vec::new(),
        age: date_of_birth.and_then(|birth| birth.whole_years_until(today)),
        next_renewal: None,
        renewal_overdue: false,
        renewal_due_soon: false,
        raw: text.to_owned(),
        id_number,
    };
    card.next_renewal = match (date_of_birth, date_of_issue) {
        (Some(birth), Some(issued)) if birth <= issued => next_renewal(kind, birth, issued),
        _ => None,
    };
    card.renewal_overdue = card.next_renewal.is_some_and(|due| today > due);
    card.renewal_due_soon = card.next_renewal.is_some_and(|due| {
        let days_left = due.days_since_unix_epoch() - today.days_since_unix_epoch();
        (0..=RENEWAL_SOON_DAYS).contains(&days_left)
    });
    card.warnings = check(&card, today, &cleaned);
    Reading::Card(card)
}

/// The date by which a card must be renewed, under the rule for its generation
/// ([`CardKind::renewal_ages`]): the first renewal age reached after the issue date,
/// skipping an age when the card was issued (or renewed) within the two years before
/// it (Law on Identification 2023 art. 21(2); the 2014 law had the same rule).
/// `None` when no renewal age is left: a card issued from age 58 on is valid for life.
/// A birthday on 29 February counts as 28 February in other years (see [`Date::add_years`]).
pub fn next_renewal(kind: CardKind, birth: Date, issued: Date) -> Option<Date> {
    for &age in kind.renewal_ages() {
        let due = birth.add_years(age)?;
        let grace_start = due.add_years(-2)?;
        if issued < grace_start {
            return Some(due);
        }
    }
    None
}

fn obviously_not_card(text: &str) -> Option<OtherContent> {
    if text.starts_with("000201") {
        return Some(OtherContent::BankTransfer);
    }
    let first_word = text.split_whitespace().next().unwrap_or("");
    match uri_scheme(text).as_deref() {
        Some("http" | "https") => Some(OtherContent::WebLink),
        Some(_) => Some(OtherContent::OtherLink),
        None if first_word
            .get(..4)
            .is_some_and(|start| start.eq_ignore_ascii_case("www.")) =>
        {
            Some(OtherContent::WebLink)
        }
        // `my app://…` is no valid scheme, but it is still a link and never a card.
        None if first_word.contains("://") => Some(OtherContent::OtherLink),
        None => None,
    }
}

/// The scheme of a URI at the start of `text` (`"javascript"` for `javascript:…`), in
/// lower case; `None` for text that does not start like a URI. A card payload never
/// does: its first field is digits.
fn uri_scheme(text: &str) -> Option<String> {
    let (scheme, rest) = text.split_once(':')?;
    // “Lưu ý: …” or “Note: …” is a sentence, not a link: a URI has no space after the colon.
    let valid = rest.starts_with(|c: char| !c.is_whitespace())
        && scheme.len() <= 32
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

fn extra_label(value: &str) -> Option<ExtraLabel> {
    let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    match value.len() {
        12 if digits => Some(ExtraLabel::PersonalIdNumber),
        9 if digits => Some(ExtraLabel::OldIdNumber),
        _ => Date::parse_loose(value).map(|_| ExtraLabel::Date),
    }
}

fn non_empty(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check(card: &Card, today: Date, cleaned: &text::Cleaned) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let id = card.id_number.as_bytes();
    let birth = card.date_of_birth;
    if id.len() != 12 {
        warnings.push(Warning::IdNotTwelveDigits);
    } else {
        if card.province.is_none() {
            warnings.push(Warning::UnknownProvinceCode);
        }
        let digit = |index: usize| id.get(index).map(|b| i32::from(b.wrapping_sub(b'0')));
        if let Some(century_sex) = digit(3) {
            let sex_from_id = if century_sex % 2 == 0 {
                Sex::Male
            } else {
                Sex::Female
            };
            if card.sex.is_some_and(|sex| sex != sex_from_id) {
                warnings.push(Warning::SexDigitMismatch);
            }
            let century_from_id = 19 + century_sex / 2;
            if birth.is_some_and(|birth| birth.year() / 100 != century_from_id) {
                warnings.push(Warning::CenturyDigitMismatch);
            }
        }
        if let (Some(tens), Some(units), Some(birth)) = (digit(4), digit(5), birth)
            && tens * 10 + units != birth.year() % 100
        {
            warnings.push(Warning::BirthYearDigitsMismatch);
        }
    }
    if card.sex.is_none() {
        warnings.push(Warning::SexUnreadable);
    }
    match birth {
        None => warnings.push(Warning::BirthDateInvalid),
        Some(birth) if birth > today => warnings.push(Warning::BirthDateInFuture),
        Some(_) => {}
    }
    match card.date_of_issue {
        None => warnings.push(Warning::IssueDateInvalid),
        Some(issued) => {
            if birth.is_some_and(|birth| issued < birth) {
                warnings.push(Warning::IssuedBeforeBirth);
            }
            if issued > today {
                warnings.push(Warning::IssueDateInFuture);
            }
        }
    }
    if let Some(old) = &card.old_id_number {
        let digits = old.bytes().all(|b| b.is_ascii_digit());
        if !(digits && (old.len() == 9 || old.len() == 12)) {
            warnings.push(Warning::OldIdInvalid);
        }
    }
    if card.full_name.is_none() {
        warnings.push(Warning::NameMissing);
    }
    if card.address.is_none() {
        warnings.push(Warning::AddressMissing);
    }
    if card.renewal_overdue {
        warnings.push(Warning::RenewalOverdue);
    }
    if card.renewal_due_soon {
        warnings.push(Warning::RenewalDueSoon);
    }
    if cleaned.repaired {
        warnings.push(Warning::TextRepaired);
    }
    if cleaned.garbled {
        warnings.push(Warning::TextGarbled);
    }
    warnings
}

/// One warning as it appears in the JSON output.
struct WarningJson(Warning);

impl Serialize for WarningJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Warning", 2)?;
        out.serialize_field("code", self.0.code())?;
        out.serialize_field("message", self.0.message(Lang::Vi))?;
        out.end()
    }
}

/// The JSON shape printed by `sotay cccd`:
/// `{"kind", "id_number", "old_id_number", "full_name", "date_of_birth", "sex", "address",
/// "date_of_issue", "province_code", "province_name", "extra", "warnings", "next_renewal", "raw"}`,
/// dates as `YYYY-MM-DD`, absent values as `null`, warnings as `{"code", "message"}`
/// with the Vietnamese message, extra fields as `{"position", "label", "value"}`
/// (`label`: `"personal_id_number"`, `"old_id_number"`, `"date"` or `null`).
impl Serialize for Reading {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let card = self.card();
        let mut out = serializer.serialize_struct("Reading", 14)?;
        out.serialize_field("kind", self.kind_code())?;
        out.serialize_field("id_number", &card.map(|c| &c.id_number))?;
        out.serialize_field(
            "old_id_number",
            &card.and_then(|c| c.old_id_number.as_ref()),
        )?;
        out.serialize_field("full_name", &card.and_then(|c| c.full_name.as_ref()))?;
        out.serialize_field("date_of_birth", &card.and_then(|c| c.date_of_birth))?;
        out.serialize_field("sex", &card.and_then(|c| c.sex).map(Sex::label_vi))?;
        out.serialize_field("address", &card.and_then(|c| c.address.as_ref()))?;
        out.serialize_field("date_of_issue", &card.and_then(|c| c.date_of_issue))?;
        out.serialize_field(
            "province_code",
            &card.and_then(|c| c.province_code.as_ref()),
        )?;
        out.serialize_field(
            "province_name",
            &card.and_then(|c| c.province).map(|p| p.name),
        )?;
        out.serialize_field("extra", card.map_or(&[][..], |c| &c.extra))?;
        let warnings: Vec<WarningJson> = card.map_or(Vec::new(), |c| {
            c.warnings.iter().copied().map(WarningJson).collect()
        });
        out.serialize_field("warnings", &warnings)?;
        out.serialize_field("next_renewal", &card.and_then(|c| c.next_renewal))?;
        out.serialize_field("raw", self.raw())?;
        out.end()
    }
}
