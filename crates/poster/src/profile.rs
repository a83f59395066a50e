//! The commune profile that rides along in a link as `?c=…`: the commune's
//! name, up to [`MAX_HELP_PLACES`] help places (công an xã, Trung tâm phục vụ
//! hành chính công, bưu điện, a thôn's support point…) and a commune Zalo.
//!
//! Wire format, version 1 (one help place; still made for 0 or 1 place, so
//! an app cached before version 2 reads new single-place posters too):
//!
//! ```text
//! version: u8 = 1
//! flags:   u8      bit 0 help point, 1 address, 2 hours, 3 phone, 4 zalo; other bits 0
//! commune, then each present field in the order above:
//!   length: LEB128, at most 2 bytes, minimal
//!   bytes:  UTF-8, where a byte 0x01..=0x1F stands for a phrase of `PHRASES_V1`
//! ```
//!
//! Version 2 (two to four help places):
//!
//! ```text
//! version: u8 = 2
//! head:    u8      bits 0-2 number of places (0..=4), bit 3 zalo; other bits 0
//! commune, then zalo if present (length + bytes as in version 1)
//! each place:
//!   flags: u8      bit 0 name, 1 address, 2 hours, 3 phone; other bits 0; never 0
//!   each present field: length + bytes; length 0 = the previous place's value
//! bytes: as in version 1, with `PHRASES_V2`
//! ```
//!
//! Vietnamese letters take two or three bytes in UTF-8, so a typical profile
//! is about 180 bytes raw (240 characters in base64). The fields never hold
//! control characters, which frees the bytes 0x01..=0x1F to stand for the
//! phrases every commune profile repeats ("Trung tâm phục vụ hành chính
//! công ", "phường ", "thứ Hai"…). That halves a typical profile without a
//! compression library in the WebAssembly bundle. Places of one commune often
//! share their hours (or address): version 2 sends a repeated value as one
//! byte.
//!
//! The phrase tables are part of their version: never change them; add a version.

use core::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Version byte of the newest wire format (used for two or more places).
pub const PROFILE_FORMAT_VERSION: u8 = 2;

/// Most help places a profile holds.
pub const MAX_HELP_PLACES: usize = 4;

/// Longest `?c=` value accepted, in characters. Checked before decoding.
pub const MAX_ENCODED_LEN: usize = 512;

/// Phrases that a byte `0x01 + index` stands for (version 1, frozen).
const PHRASES_V1: [&str; 31] = [
    "Trung tâm phục vụ hành chính công ",
    "Ủy ban nhân dân ",
    "Công an ",
    "phường ",
    "Phường ",
    "xã ",
    "Xã ",
    "thị trấn ",
    "đặc khu ",
    "thành phố ",
    "Thành phố ",
    "tỉnh ",
    "Hà Nội",
    "Hồ Chí Minh",
    "thứ Hai",
    "thứ Ba",
    "thứ Tư",
    "thứ Năm",
    "thứ Sáu",
    "thứ Bảy",
    "Chủ nhật",
    "đường ",
    "phố ",
    "Số ",
    "số ",
    "thôn ",
    "tổ dân phố ",
    "sáng ",
    "chiều ",
    "Bộ phận một cửa ",
    "Tổ công nghệ số ",
];

/// Version 2's phrases (frozen): version 1's, with four rare ones (one
/// special zone, one city, two weekdays seldom written alone) traded for
/// the names of the other help places and the usual working week.
const PHRASES_V2: [&str; 31] = [
    "Trung tâm phục vụ hành chính công ",
    "Ủy ban nhân dân ",
    "Công an ",
    "phường ",
    "Phường ",
    "xã ",
    "Xã ",
    "thị trấn ",
    "Bưu điện ",
    "thành phố ",
    "Thành phố ",
    "tỉnh ",
    "Hà Nội",
    "Điểm hỗ trợ ",
    "thứ Hai",
    "thứ Ba",
    "thứ Hai – thứ Sáu",
    "Nhà văn hóa ",
    "thứ Sáu",
    "thứ Bảy",
    "Chủ nhật",
    "đường ",
    "phố ",
    "Số ",
    "số ",
    "thôn ",
    "tổ dân phố ",
    "sáng ",
    "chiều ",
    "Bộ phận một cửa ",
    "Tổ công nghệ số ",
];

/// One place to go for help, e.g. "Công an xã Tân Phú". Plain text only:
/// the app renders it as text. A place may leave out any field but not all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HelpPlace {
    /// Where to go, e.g. "Công an xã …" ([`ProfileField::HelpPoint`]).
    pub name: Option<String>,
    pub address: Option<String>,
    /// Opening hours as written by the commune, e.g. "7:30–17:00, thứ Hai – thứ Sáu".
    pub hours: Option<String>,
    /// Phone number as written; see [`crate::phone_link`] for the `tel:` link.
    pub phone: Option<String>,
}

/// A commune's (or ward's) help places, shown as "Cần giúp? Đến …" on every
/// guide opened from a poster.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommuneProfile {
    /// Commune / ward name, e.g. "Phường Long Biên". Required.
    pub commune: String,
    /// At most [`MAX_HELP_PLACES`], the main one first.
    pub places: Vec<HelpPlace>,
    /// The commune's Zalo official account name or number.
    pub zalo: Option<String>,
}

/// A field of [`CommuneProfile`] or of a [`HelpPlace`], for error messages,
/// form labels and CSV columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProfileField {
    Commune,
    /// A help place's name.
    HelpPoint,
    Address,
    Hours,
    Phone,
    Zalo,
}

impl ProfileField {
    /// All fields, in version 1's wire order.
    pub const ALL: [ProfileField; 6] = [
        ProfileField::Commune,
        ProfileField::HelpPoint,
        ProfileField::Address,
        ProfileField::Hours,
        ProfileField::Phone,
        ProfileField::Zalo,
    ];

    /// A help place's fields, in wire order.
    pub const PLACE: [ProfileField; 4] = [
        ProfileField::HelpPoint,
        ProfileField::Address,
        ProfileField::Hours,
        ProfileField::Phone,
    ];

    /// Whether the field belongs to a help place (not to the commune).
    pub fn is_place_field(self) -> bool {
        ProfileField::PLACE.contains(&self)
    }

    /// Longest accepted value, in characters.
    pub fn max_chars(self) -> usize {
        match self {
            ProfileField::Commune => 80,
            ProfileField::HelpPoint => 120,
            ProfileField::Address => 160,
            ProfileField::Hours => 100,
            ProfileField::Phone => 24,
            ProfileField::Zalo => 64,
        }
    }

    /// Vietnamese label, as on the poster builder's form.
    pub fn label_vi(self) -> &'static str {
        match self {
            ProfileField::Commune => "Tên xã/phường",
            ProfileField::HelpPoint => "Nơi hỗ trợ",
            ProfileField::Address => "Địa chỉ",
            ProfileField::Hours => "Giờ làm việc",
            ProfileField::Phone => "Số điện thoại",
            ProfileField::Zalo => "Zalo",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            ProfileField::Commune => "Commune/ward name",
            ProfileField::HelpPoint => "Help point",
            ProfileField::Address => "Address",
            ProfileField::Hours => "Opening hours",
            ProfileField::Phone => "Phone",
            ProfileField::Zalo => "Zalo",
        }
    }

    /// The field whose [`ProfileField::key`] is `key` (case and spaces ignored),
    /// for CSV header rows.
    pub fn from_key(key: &str) -> Option<ProfileField> {
        let key = key.trim().to_ascii_lowercase();
        ProfileField::ALL
            .into_iter()
            .find(|field| field.key() == key)
    }

    /// The CSV column / form field name.
    pub fn key(self) -> &'static str {
        match self {
            ProfileField::Commune => "commune",
            ProfileField::HelpPoint => "help_point",
            ProfileField::Address => "address",
            ProfileField::Hours => "hours",
            ProfileField::Phone => "phone",
            ProfileField::Zalo => "zalo",
        }
    }
}

/// Which field an error is about: a commune field (`place: None`) or a
/// field of the help place numbered `place` (0 = the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldSpot {
    pub field: ProfileField,
    pub place: Option<usize>,
}

impl FieldSpot {
    /// A field of help place `place` (0-based).
    pub fn place(place: usize, field: ProfileField) -> FieldSpot {
        FieldSpot {
            field,
            place: Some(place),
        }
    }

    /// `Mục "Địa chỉ" của nơi hỗ trợ 2`.
    pub fn name_vi(self) -> String {
        match self.place {
            // "Mục "Tên" của nơi hỗ trợ 2", not "Mục "Nơi hỗ trợ" của nơi hỗ trợ 2".
            Some(place) if self.field == ProfileField::HelpPoint => {
                format!("Mục \"Tên\" của nơi hỗ trợ {}", place + 1)
            }
            Some(place) => format!(
                "Mục \"{}\" của nơi hỗ trợ {}",
                self.field.label_vi(),
                place + 1
            ),
            None => format!("Mục \"{}\"", self.field.label_vi()),
        }
    }

    /// `Address of help point 2`.
    pub fn name_en(self) -> String {
        match self.place {
            Some(place) if self.field == ProfileField::HelpPoint => {
                format!("Name of help point {}", place + 1)
            }
            Some(place) => format!("{} of help point {}", self.field.label_en(), place + 1),
            None => self.field.label_en().to_owned(),
        }
    }
}

impl From<ProfileField> for FieldSpot {
    fn from(field: ProfileField) -> FieldSpot {
        FieldSpot { field, place: None }
    }
}

/// Why a profile could not be encoded or a `?c=` value was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// The `?c=` value is empty.
    Empty,
    /// The `?c=` value (or the encoded profile) is longer than [`MAX_ENCODED_LEN`].
    /// When encoding, `shorten` names the longest field.
    TooLarge {
        len: usize,
        shorten: Option<FieldSpot>,
    },
    /// More than [`MAX_HELP_PLACES`] help places.
    TooManyPlaces,
    /// Not base64url without padding.
    NotBase64,
    /// Made by a newer (or unknown) version of the app.
    UnknownVersion(u8),
    /// The data stops in the middle of a field.
    Truncated,
    /// Bytes left over after the last field.
    TrailingBytes,
    /// Unknown flag bits, an over-long length prefix, an empty place or a
    /// "same as before" with nothing before.
    Malformed,
    InvalidUtf8(FieldSpot),
    /// A control or invisible formatting character (line breaks, bidi overrides, …).
    ControlCharacter(FieldSpot),
    FieldTooLong(FieldSpot),
    /// The field is present but empty.
    EmptyField(FieldSpot),
    /// Spaces at the start or end (encoding trims them; a decoded value must not have them).
    UntrimmedField(FieldSpot),
}

impl ProfileError {
    /// The field the error is about, for the form to show it beside.
    pub fn spot(&self) -> Option<FieldSpot> {
        match self {
            ProfileError::InvalidUtf8(spot)
            | ProfileError::ControlCharacter(spot)
            | ProfileError::FieldTooLong(spot)
            | ProfileError::EmptyField(spot)
            | ProfileError::UntrimmedField(spot) => Some(*spot),
            ProfileError::TooLarge { shorten, .. } => *shorten,
            _ => None,
        }
    }

    /// The same error about the field itself, not a numbered place: for a
    /// table whose row is one place (a CSV line names the row instead).
    pub fn without_place(&self) -> ProfileError {
        self.map_spot(|spot| spot.field.into())
    }

    /// The same error about another field: a form whose places are numbered
    /// differently (blank ones included) moves it to its own numbering.
    pub fn map_spot(&self, to: impl Fn(FieldSpot) -> FieldSpot) -> ProfileError {
        match self {
            ProfileError::InvalidUtf8(spot) => ProfileError::InvalidUtf8(to(*spot)),
            ProfileError::ControlCharacter(spot) => ProfileError::ControlCharacter(to(*spot)),
            ProfileError::FieldTooLong(spot) => ProfileError::FieldTooLong(to(*spot)),
            ProfileError::EmptyField(spot) => ProfileError::EmptyField(to(*spot)),
            ProfileError::UntrimmedField(spot) => ProfileError::UntrimmedField(to(*spot)),
            ProfileError::TooLarge { len, shorten } => ProfileError::TooLarge {
                len: *len,
                shorten: shorten.map(to),
            },
            other => other.clone(),
        }
    }

    /// A short, friendly Vietnamese message for the resident or the officer.
    pub fn message_vi(&self) -> String {
        match self {
            ProfileError::Empty => "Đường link không có thông tin nơi hỗ trợ.".into(),
            ProfileError::TooLarge { shorten, .. } => {
                let what = shorten.map_or_else(
                    || "Hãy viết ngắn lại.".to_owned(),
                    |spot| format!("Hãy viết ngắn lại {}.", lower_first(&spot.name_vi())),
                );
                format!(
                    "Thông tin nơi hỗ trợ quá dài (tối đa {MAX_ENCODED_LEN} ký tự sau khi mã hóa). {what}"
                )
            }
            ProfileError::TooManyPlaces => {
                format!("Chỉ ghi được tối đa {MAX_HELP_PLACES} nơi hỗ trợ.")
            }
            ProfileError::NotBase64
            | ProfileError::Truncated
            | ProfileError::TrailingBytes
            | ProfileError::Malformed
            | ProfileError::InvalidUtf8(_) => {
                "Thông tin nơi hỗ trợ trong đường link bị hỏng hoặc bị cắt mất. Hãy quét lại mã QR trên áp phích.".into()
            }
            ProfileError::UnknownVersion(_) => {
                "Đường link này được tạo bởi phiên bản mới hơn của ứng dụng. Hãy tải lại trang để cập nhật.".into()
            }
            ProfileError::ControlCharacter(spot) => format!(
                "{} có ký tự không hợp lệ (xuống dòng hoặc ký tự ẩn).",
                spot.name_vi()
            ),
            ProfileError::FieldTooLong(spot) => format!(
                "{} quá dài (tối đa {} ký tự).",
                spot.name_vi(),
                spot.field.max_chars()
            ),
            ProfileError::EmptyField(spot) => format!("{} đang để trống.", spot.name_vi()),
            ProfileError::UntrimmedField(spot) => {
                format!("{} có khoảng trắng thừa ở đầu hoặc cuối.", spot.name_vi())
            }
        }
    }

    /// The same in English.
    pub fn message_en(&self) -> String {
        match self {
            ProfileError::Empty => "The link carries no help point.".into(),
            ProfileError::TooLarge { len, shorten } => {
                let what = shorten.map_or_else(String::new, |spot| {
                    format!(" Shorten the {}.", lower_first(&spot.name_en()))
                });
                format!(
                    "The help point is too long ({len} characters encoded, at most {MAX_ENCODED_LEN}).{what}"
                )
            }
            ProfileError::TooManyPlaces => {
                format!("At most {MAX_HELP_PLACES} help points fit.")
            }
            ProfileError::NotBase64 => "The help point in the link is not valid base64url.".into(),
            ProfileError::UnknownVersion(v) => format!("Unknown help point format version {v}."),
            ProfileError::Truncated => "The help point in the link is cut short.".into(),
            ProfileError::TrailingBytes => {
                "The help point in the link has extra data at the end.".into()
            }
            ProfileError::Malformed => "The help point in the link is malformed.".into(),
            ProfileError::InvalidUtf8(spot) => format!("{} is not valid UTF-8.", spot.name_en()),
            ProfileError::ControlCharacter(spot) => format!(
                "{} contains a control or invisible character.",
                spot.name_en()
            ),
            ProfileError::FieldTooLong(spot) => format!(
                "{} is too long (at most {} characters).",
                spot.name_en(),
                spot.field.max_chars()
            ),
            ProfileError::EmptyField(spot) => format!("{} is empty.", spot.name_en()),
            ProfileError::UntrimmedField(spot) => {
                format!("{} has spaces at the start or end.", spot.name_en())
            }
        }
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_vi())
    }
}

impl std::error::Error for ProfileError {}

/// A valid, encoded profile: the text after `?c=`. Only made by
/// [`CommuneProfile::encode`], so a link built from it is always decodable.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProfileCode(String);

impl ProfileCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProfileCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl HelpPlace {
    /// A place with only its name.
    pub fn named(name: impl Into<String>) -> HelpPlace {
        HelpPlace {
            name: Some(name.into()),
            ..HelpPlace::default()
        }
    }

    /// The value of a place field ([`ProfileField::PLACE`]); None for the others.
    pub fn get(&self, field: ProfileField) -> Option<&str> {
        match field {
            ProfileField::HelpPoint => self.name.as_deref(),
            ProfileField::Address => self.address.as_deref(),
            ProfileField::Hours => self.hours.as_deref(),
            ProfileField::Phone => self.phone.as_deref(),
            ProfileField::Commune | ProfileField::Zalo => None,
        }
    }

    /// Sets a place field; an empty or blank value clears it. Other fields are ignored.
    pub fn set(&mut self, field: ProfileField, value: &str) {
        let value = value.trim();
        let value = (!value.is_empty()).then(|| value.to_owned());
        match field {
            ProfileField::HelpPoint => self.name = value,
            ProfileField::Address => self.address = value,
            ProfileField::Hours => self.hours = value,
            ProfileField::Phone => self.phone = value,
            ProfileField::Commune | ProfileField::Zalo => {}
        }
    }

    /// No field filled in.
    pub fn is_empty(&self) -> bool {
        ProfileField::PLACE
            .iter()
            .all(|field| self.get(*field).is_none())
    }

    /// The place's name, or `commune` when it has none (a place with only a
    /// phone number is the commune's own).
    pub fn title<'a>(&'a self, commune: &'a str) -> &'a str {
        self.name.as_deref().unwrap_or(commune)
    }

    /// Whether the place's name leaves out the commune ("Bộ phận một cửa"
    /// does, "Công an xã Tân Phú" does not): then the commune is written too.
    pub fn needs_commune_line(&self, commune: &str) -> bool {
        self.name.as_deref().is_some_and(|name| {
            !sotay_chars::lowercase(name).contains(&sotay_chars::lowercase(commune))
        })
    }

    fn normalized(&self) -> HelpPlace {
        let mut out = HelpPlace::default();
        for field in ProfileField::PLACE {
            out.set(field, self.get(field).unwrap_or(""));
        }
        out
    }
}

impl CommuneProfile {
    /// A profile with only the commune name.
    pub fn new(commune: impl Into<String>) -> Self {
        CommuneProfile {
            commune: commune.into(),
            ..CommuneProfile::default()
        }
    }

    /// The first (main) help place, if any.
    pub fn first_place(&self) -> Option<&HelpPlace> {
        self.places.first()
    }

    /// Sets the commune name or the Zalo (a blank Zalo clears it); place
    /// fields go through [`HelpPlace::set`].
    pub fn set(&mut self, field: ProfileField, value: &str) {
        let value = value.trim();
        match field {
            ProfileField::Commune => self.commune = value.to_owned(),
            ProfileField::Zalo => self.zalo = (!value.is_empty()).then(|| value.to_owned()),
            _ => {}
        }
    }

    /// Adds one row of a table (a CSV line, the command line): the commune
    /// and Zalo fill in when still empty, the place fields make one more
    /// help place, checked on its own (errors name the field, not the place).
    /// Several rows of one commune thus give several places.
    pub fn add_row<'a>(
        &mut self,
        cells: impl IntoIterator<Item = (ProfileField, &'a str)>,
    ) -> Result<(), ProfileError> {
        let mut place = HelpPlace::default();
        for (field, value) in cells {
            match field {
                ProfileField::Commune | ProfileField::Zalo => {
                    let current = if field == ProfileField::Commune {
                        Some(self.commune.as_str()).filter(|c| !c.trim().is_empty())
                    } else {
                        self.zalo.as_deref()
                    };
                    if current.is_none() {
                        self.set(field, value);
                    }
                }
                _ => place.set(field, value),
            }
        }
        if !place.is_empty() {
            if self.places.len() >= MAX_HELP_PLACES {
                return Err(ProfileError::TooManyPlaces);
            }
            for field in ProfileField::PLACE {
                if let Some(value) = place.get(field) {
                    validate_field(field.into(), value)?;
                }
            }
            self.places.push(place);
        }
        Ok(())
    }

    /// Trims every field, drops blank optional fields and empty places: the
    /// form in which profiles are encoded and decoded.
    pub fn normalized(&self) -> CommuneProfile {
        let mut out = CommuneProfile::new(self.commune.trim());
        out.set(ProfileField::Zalo, self.zalo.as_deref().unwrap_or(""));
        out.places = self
            .places
            .iter()
            .map(HelpPlace::normalized)
            .filter(|place| !place.is_empty())
            .collect();
        out
    }

    /// Every present value with the field it is in, commune first.
    fn values(&self) -> impl Iterator<Item = (FieldSpot, &str)> {
        let commune = [
            (ProfileField::Commune.into(), Some(self.commune.as_str())),
            (ProfileField::Zalo.into(), self.zalo.as_deref()),
        ];
        let places = self.places.iter().enumerate().flat_map(|(index, place)| {
            ProfileField::PLACE
                .into_iter()
                .map(move |field| (FieldSpot::place(index, field), place.get(field)))
        });
        commune
            .into_iter()
            .chain(places)
            .filter_map(|(spot, value)| value.map(|value| (spot, value)))
    }

    /// Checks a (normalized) profile: commune present, at most
    /// [`MAX_HELP_PLACES`] places, no control or invisible characters,
    /// lengths within [`ProfileField::max_chars`].
    pub fn validate(&self) -> Result<(), ProfileError> {
        for (spot, value) in self.values() {
            validate_field(spot, value)?;
        }
        if self.places.len() > MAX_HELP_PLACES {
            return Err(ProfileError::TooManyPlaces);
        }
        Ok(())
    }

    /// The field with the most characters: the one to shorten first.
    pub fn longest_field(&self) -> Option<FieldSpot> {
        self.values()
            .max_by_key(|(_, value)| value.len())
            .map(|(spot, _)| spot)
    }

    /// Normalizes, validates and encodes the profile for `?c=`: version 1
    /// for up to one place, version 2 for more.
    pub fn encode(&self) -> Result<ProfileCode, ProfileError> {
        let profile = self.normalized();
        profile.validate()?;
        let bytes = if profile.places.len() <= 1 {
            encode_v1(&profile)
        } else {
            encode_v2(&profile)
        };
        let text = URL_SAFE_NO_PAD.encode(&bytes);
        if text.len() > MAX_ENCODED_LEN {
            return Err(ProfileError::TooLarge {
                len: text.len(),
                shorten: profile.longest_field(),
            });
        }
        Ok(ProfileCode(text))
    }
}

fn encode_v1(profile: &CommuneProfile) -> Vec<u8> {
    let place = profile.places.first().cloned().unwrap_or_default();
    let mut bytes = vec![1, 0];
    let mut flags = 0u8;
    let fields = [
        Some(profile.commune.as_str()),
        place.name.as_deref(),
        place.address.as_deref(),
        place.hours.as_deref(),
        place.phone.as_deref(),
        profile.zalo.as_deref(),
    ];
    for (bit, value) in fields.into_iter().enumerate() {
        let Some(value) = value else {
            continue;
        };
        if bit > 0 {
            flags |= 1 << (bit - 1);
        }
        push_field(&mut bytes, &pack_phrases(value, &PHRASES_V1));
    }
    if let Some(slot) = bytes.get_mut(1) {
        *slot = flags;
    }
    bytes
}

fn encode_v2(profile: &CommuneProfile) -> Vec<u8> {
    // validate() has checked places.len() <= MAX_HELP_PLACES.
    let mut head = profile.places.len() as u8 & 0b111;
    if profile.zalo.is_some() {
        head |= 0b1000;
    }
    let mut bytes = vec![2, head];
    push_field(&mut bytes, &pack_phrases(&profile.commune, &PHRASES_V2));
    if let Some(zalo) = &profile.zalo {
        push_field(&mut bytes, &pack_phrases(zalo, &PHRASES_V2));
    }
    let mut previous: Option<&HelpPlace> = None;
    for place in &profile.places {
        let flags = ProfileField::PLACE
            .iter()
            .enumerate()
            .filter(|(_, field)| place.get(**field).is_some())
            .fold(0u8, |flags, (bit, _)| flags | 1 << bit);
        bytes.push(flags);
        for field in ProfileField::PLACE {
            let Some(value) = place.get(field) else {
                continue;
            };
            if previous.and_then(|p| p.get(field)) == Some(value) {
                push_length(&mut bytes, 0);
            } else {
                push_field(&mut bytes, &pack_phrases(value, &PHRASES_V2));
            }
        }
        previous = Some(place);
    }
    bytes
}

fn push_field(bytes: &mut Vec<u8>, packed: &[u8]) {
    push_length(bytes, packed.len());
    bytes.extend_from_slice(packed);
}

/// Encodes a profile for `?c=`; see [`CommuneProfile::encode`].
pub fn encode_profile(profile: &CommuneProfile) -> Result<ProfileCode, ProfileError> {
    profile.encode()
}

/// Decodes and strictly validates a `?c=` value (already percent-decoded;
/// base64url never needs percent-encoding). Reads both versions.
///
/// # Example
///
/// ```
/// use sotay_poster::{CommuneProfile, HelpPlace, ProfileError, decode_profile};
///
/// let mut profile = CommuneProfile::new("Phường Long Biên");
/// profile.places.push(HelpPlace {
///     phone: Some("024 3872 1234".into()),
///     ..HelpPlace::default()
/// });
/// let code = profile.encode().unwrap();
/// assert_eq!(decode_profile(code.as_str()), Ok(profile));
/// assert_eq!(decode_profile(""), Err(ProfileError::Empty));
/// ```
pub fn decode_profile(text: &str) -> Result<CommuneProfile, ProfileError> {
    // Size first: never spend work on an oversized value.
    if text.len() > MAX_ENCODED_LEN {
        return Err(ProfileError::TooLarge {
            len: text.len(),
            shorten: None,
        });
    }
    if text.is_empty() {
        return Err(ProfileError::Empty);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| ProfileError::NotBase64)?;
    let mut reader = Reader { rest: &bytes };
    let profile = match reader.byte()? {
        1 => decode_v1(&mut reader)?,
        2 => decode_v2(&mut reader)?,
        version => return Err(ProfileError::UnknownVersion(version)),
    };
    if !reader.rest.is_empty() {
        return Err(ProfileError::TrailingBytes);
    }
    Ok(profile)
}

fn decode_v1(reader: &mut Reader) -> Result<CommuneProfile, ProfileError> {
    let flags = reader.byte()?;
    if flags & !0b1_1111 != 0 {
        return Err(ProfileError::Malformed);
    }
    let mut profile = CommuneProfile::default();
    let mut place = HelpPlace::default();
    for (bit, field) in ProfileField::ALL.iter().enumerate() {
        if bit > 0 && flags & (1 << (bit - 1)) == 0 {
            continue;
        }
        let spot = if field.is_place_field() {
            FieldSpot::place(0, *field)
        } else {
            FieldSpot::from(*field)
        };
        let value = reader.field(spot, &PHRASES_V1)?;
        match field {
            ProfileField::Commune => profile.commune = value,
            ProfileField::Zalo => profile.zalo = Some(value),
            _ => place.set(*field, &value),
        }
    }
    if !place.is_empty() {
        profile.places.push(place);
    }
    Ok(profile)
}

fn decode_v2(reader: &mut Reader) -> Result<CommuneProfile, ProfileError> {
    let head = reader.byte()?;
    let count = usize::from(head & 0b111);
    if head & !0b1111 != 0 || count > MAX_HELP_PLACES {
        return Err(ProfileError::Malformed);
    }
    let mut profile = CommuneProfile {
        commune: reader.field(ProfileField::Commune.into(), &PHRASES_V2)?,
        ..CommuneProfile::default()
    };
    if head & 0b1000 != 0 {
        profile.zalo = Some(reader.field(ProfileField::Zalo.into(), &PHRASES_V2)?);
    }
    for index in 0..count {
        let flags = reader.byte()?;
        if flags == 0 || flags & !0b1111 != 0 {
            return Err(ProfileError::Malformed);
        }
        let mut place = HelpPlace::default();
        for (bit, field) in ProfileField::PLACE.into_iter().enumerate() {
            if flags & (1 << bit) == 0 {
                continue;
            }
            let value = if reader.rest.first() == Some(&0) {
                reader.byte()?;
                // "The same as the place before", which must have it.
                let before = index.checked_sub(1).and_then(|i| profile.places.get(i));
                before
                    .and_then(|p| p.get(field))
                    .ok_or(ProfileError::Malformed)?
                    .to_owned()
            } else {
                reader.field(FieldSpot::place(index, field), &PHRASES_V2)?
            };
            place.set(field, &value);
        }
        profile.places.push(place);
    }
    Ok(profile)
}

fn validate_field(spot: FieldSpot, value: &str) -> Result<(), ProfileError> {
    if value.is_empty() {
        return Err(ProfileError::EmptyField(spot));
    }
    if sotay_chars::first_hidden(value).is_some() {
        return Err(ProfileError::ControlCharacter(spot));
    }
    if value.trim() != value {
        return Err(ProfileError::UntrimmedField(spot));
    }
    if value.chars().count() > spot.field.max_chars() {
        return Err(ProfileError::FieldTooLong(spot));
    }
    Ok(())
}

fn pack_phrases(value: &str, phrases: &[&str; 31]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut rest = value;
    while let Some(c) = rest.chars().next() {
        let best = phrases
            .iter()
            .enumerate()
            .filter(|(_, phrase)| rest.starts_with(*phrase))
            .max_by_key(|(_, phrase)| phrase.len());
        if let Some((index, phrase)) = best {
            // index < 31, so the code is 0x01..=0x1F.
            out.push(index as u8 + 1);
            rest = &rest[phrase.len()..];
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn unpack_phrases(packed: &[u8], phrases: &[&str; 31]) -> Option<String> {
    let mut out = Vec::with_capacity(packed.len() * 2);
    for &byte in packed {
        match byte {
            0x01..=0x1F => out.extend_from_slice(phrases.get(usize::from(byte - 1))?.as_bytes()),
            _ => out.push(byte),
        }
    }
    // Phrases start with a non-continuation byte, so a broken sequence
    // around a phrase is still caught here.
    String::from_utf8(out).ok()
}

fn push_length(bytes: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        bytes.push(len as u8);
    } else {
        bytes.push((len & 0x7F) as u8 | 0x80);
        bytes.push((len >> 7) as u8);
    }
}

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, ProfileError> {
        let (&first, rest) = self.rest.split_first().ok_or(ProfileError::Truncated)?;
        self.rest = rest;
        Ok(first)
    }

    /// LEB128, at most two bytes, minimal.
    fn length(&mut self) -> Result<usize, ProfileError> {
        let low = self.byte()?;
        if low < 0x80 {
            return Ok(usize::from(low));
        }
        let high = self.byte()?;
        if high == 0 || high >= 0x80 {
            return Err(ProfileError::Malformed);
        }
        Ok(usize::from(low & 0x7F) | (usize::from(high) << 7))
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], ProfileError> {
        if len > self.rest.len() {
            return Err(ProfileError::Truncated);
        }
        let (taken, rest) = self.rest.split_at(len);
        self.rest = rest;
        Ok(taken)
    }

    /// A length-prefixed, phrase-packed, validated value.
    fn field(&mut self, spot: FieldSpot, phrases: &[&str; 31]) -> Result<String, ProfileError> {
        let len = self.length()?;
        let packed = self.take(len)?;
        let value = unpack_phrases(packed, phrases).ok_or(ProfileError::InvalidUtf8(spot))?;
        validate_field(spot, &value)?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, address: &str, hours: &str, phone: &str) -> HelpPlace {
        let mut place = HelpPlace::default();
        for (field, value) in ProfileField::PLACE
            .into_iter()
            .zip([name, address, hours, phone])
        {
            place.set(field, value);
        }
        place
    }

    pub(crate) fn long_bien() -> CommuneProfile {
        CommuneProfile {
            commune: "Phường Long Biên".into(),
            places: vec![place(
                "Trung tâm phục vụ hành chính công phường Long Biên",
                "Số 1 phố Ngọc Lâm, Hà Nội",
                "7:30–17:00, thứ Hai – thứ Sáu",
                "024 3872 1234",
            )],
            zalo: Some("0243872123".into()),
        }
    }

    /// A commune with the four kinds of help place the plans name.
    pub(crate) fn tan_phu_four() -> CommuneProfile {
        CommuneProfile {
            commune: "Xã Tân Phú".into(),
            places: vec![
                place(
                    "Công an xã Tân Phú",
                    "Thôn Đông, xã Tân Phú",
                    "7:30–17:00, thứ Hai – thứ Sáu",
                    "0912 345 678",
                ),
                place(
                    "Trung tâm phục vụ hành chính công xã Tân Phú",
                    "Số 5 đường Lê Lợi",
                    "7:30–17:00, thứ Hai – thứ Sáu",
                    "0273 3851 234",
                ),
                place(
                    "Bưu điện xã Tân Phú",
                    "Số 12 đường Lê Lợi",
                    "sáng 7:00–11:00",
                    "0273 3851 555",
                ),
                place(
                    "Điểm hỗ trợ thôn Tây",
                    "Nhà văn hóa thôn Tây",
                    "chiều thứ Bảy",
                    "0987 654 321",
                ),
            ],
            zalo: Some("UBND xã Tân Phú".into()),
        }
    }

    #[test]
    fn typical_profile_round_trips_within_200_characters() {
        let profile = long_bien();
        let code = profile.encode().unwrap();
        assert!(code.as_str().len() <= 200, "{} chars", code.as_str().len());
        assert_eq!(decode_profile(code.as_str()).unwrap(), profile);
        // One place is still version 1, which every cached app reads.
        assert_eq!(URL_SAFE_NO_PAD.decode(code.as_str()).unwrap()[0], 1);
    }

    #[test]
    fn four_places_round_trip_as_version_2_within_the_limit() {
        let profile = tan_phu_four();
        let code = profile.encode().unwrap();
        assert_eq!(URL_SAFE_NO_PAD.decode(code.as_str()).unwrap()[0], 2);
        assert!(code.as_str().len() <= 400, "{} chars", code.as_str().len());
        assert_eq!(decode_profile(code.as_str()).unwrap(), profile);
        // Two places, the second only a phone: the repeated hours cost one byte.
        let mut two = CommuneProfile::new("Xã A");
        two.places = vec![
            place("", "", "7:30–17:00", "0912 345 678"),
            place("", "", "7:30–17:00", ""),
        ];
        assert_eq!(decode_profile(two.encode().unwrap().as_str()).unwrap(), two);
    }

    #[test]
    fn phrases_are_distinct_and_start_with_a_character_boundary() {
        for table in [&PHRASES_V1, &PHRASES_V2] {
            for (i, a) in table.iter().enumerate() {
                assert!(!a.is_empty() && !a.starts_with(' '));
                for b in &table[i + 1..] {
                    assert_ne!(a, b);
                }
            }
        }
    }

    #[test]
    fn normalizes_before_encoding() {
        let mut profile = CommuneProfile::new("  Xã Tân Phú ");
        profile.places = vec![
            HelpPlace {
                address: Some("   ".into()),
                ..HelpPlace::default()
            },
            HelpPlace {
                phone: Some(" 0912 345 678 ".into()),
                ..HelpPlace::default()
            },
        ];
        let decoded = decode_profile(profile.encode().unwrap().as_str()).unwrap();
        assert_eq!(decoded.commune, "Xã Tân Phú");
        // The blank place is dropped; the other one is the first.
        assert_eq!(decoded.places.len(), 1);
        assert_eq!(decoded.places[0].address, None);
        assert_eq!(decoded.places[0].phone.as_deref(), Some("0912 345 678"));
    }

    #[test]
    fn rows_add_places() {
        let mut profile = CommuneProfile::default();
        let row = |name: &'static str, phone: &'static str| {
            [
                (ProfileField::Commune, "Xã Tân Phú"),
                (ProfileField::HelpPoint, name),
                (ProfileField::Phone, phone),
                (ProfileField::Zalo, ""),
            ]
        };
        profile
            .add_row(row("Công an xã Tân Phú", "0912 345 678"))
            .unwrap();
        profile.add_row(row("Bưu điện xã Tân Phú", "")).unwrap();
        profile.add_row(row("", "")).unwrap();
        assert_eq!(profile.commune, "Xã Tân Phú");
        assert_eq!(profile.places.len(), 2);
        profile.add_row(row("C", "")).unwrap();
        profile.add_row(row("D", "")).unwrap();
        assert_eq!(
            profile.add_row(row("E", "")),
            Err(ProfileError::TooManyPlaces)
        );
    }

    #[test]
    fn rejects_bad_input_with_typed_errors() {
        let good = long_bien().encode().unwrap();
        let bytes = URL_SAFE_NO_PAD.decode(good.as_str()).unwrap();
        let enc = |b: &[u8]| URL_SAFE_NO_PAD.encode(b);
        let commune = FieldSpot::from(ProfileField::Commune);

        assert_eq!(decode_profile(""), Err(ProfileError::Empty));
        assert_eq!(
            decode_profile(&"A".repeat(MAX_ENCODED_LEN + 1)),
            Err(ProfileError::TooLarge {
                len: MAX_ENCODED_LEN + 1,
                shorten: None
            })
        );
        assert_eq!(
            decode_profile("<script>alert(1)</script>"),
            Err(ProfileError::NotBase64)
        );
        assert_eq!(
            decode_profile(&format!("{good}=")),
            Err(ProfileError::NotBase64)
        );

        let mut v3 = bytes.clone();
        v3[0] = 3;
        assert_eq!(
            decode_profile(&enc(&v3)),
            Err(ProfileError::UnknownVersion(3))
        );

        assert_eq!(
            decode_profile(&enc(&bytes[..bytes.len() - 3])),
            Err(ProfileError::Truncated)
        );
        assert_eq!(
            decode_profile(&enc(&bytes[..1])),
            Err(ProfileError::Truncated)
        );

        let mut trailing = bytes.clone();
        trailing.push(b'x');
        assert_eq!(
            decode_profile(&enc(&trailing)),
            Err(ProfileError::TrailingBytes)
        );

        let mut flags = bytes.clone();
        flags[1] |= 0x80;
        assert_eq!(decode_profile(&enc(&flags)), Err(ProfileError::Malformed));

        // version, flags = 0, commune of 2 bytes: a lone continuation byte.
        assert_eq!(
            decode_profile(&enc(&[1, 0, 2, b'a', 0x80])),
            Err(ProfileError::InvalidUtf8(commune))
        );
        // A DEL and a bidi override are rejected even though they are valid UTF-8.
        assert_eq!(
            decode_profile(&enc(&[1, 0, 2, b'a', 0x7F])),
            Err(ProfileError::ControlCharacter(commune))
        );
        let rlo = "a\u{202E}b".as_bytes();
        let mut bidi = vec![1, 0, rlo.len() as u8];
        bidi.extend_from_slice(rlo);
        assert_eq!(
            decode_profile(&enc(&bidi)),
            Err(ProfileError::ControlCharacter(commune))
        );
        assert_eq!(
            decode_profile(&enc(&[1, 0, 0])),
            Err(ProfileError::EmptyField(commune))
        );
        assert_eq!(
            decode_profile(&enc(&[1, 0, 2, b' ', b'a'])),
            Err(ProfileError::UntrimmedField(commune))
        );
        // Every invisible character of the security review, in links and in the form.
        for hidden in [
            '\u{061C}',
            '\u{00AD}',
            '\u{180E}',
            '\u{FFF9}',
            '\u{FFFB}',
            '\u{E0001}',
            '\u{E0041}',
        ] {
            let value = format!("0912{hidden}345678");
            let mut raw = vec![1, 0b1000, 1, b'a', value.len() as u8];
            raw.extend_from_slice(value.as_bytes());
            assert_eq!(
                decode_profile(&enc(&raw)),
                Err(ProfileError::ControlCharacter(FieldSpot::place(
                    0,
                    ProfileField::Phone
                ))),
                "U+{:04X}",
                u32::from(hidden)
            );
            let mut raw = vec![2, 2, 1, b'a', 0b1000, 1, b'1', 0b1000, value.len() as u8];
            raw.extend_from_slice(value.as_bytes());
            assert_eq!(
                decode_profile(&enc(&raw)),
                Err(ProfileError::ControlCharacter(FieldSpot::place(
                    1,
                    ProfileField::Phone
                ))),
            );
            let mut profile = CommuneProfile::new("Xã A");
            profile.places = vec![
                HelpPlace::named("A"),
                HelpPlace {
                    phone: Some(format!("{hidden}0912 345 678")),
                    ..HelpPlace::default()
                },
            ];
            assert_eq!(
                profile.encode(),
                Err(ProfileError::ControlCharacter(FieldSpot::place(
                    1,
                    ProfileField::Phone
                )))
            );
        }
        // Non-minimal length prefix.
        assert_eq!(
            decode_profile(&enc(&[1, 0, 0x81, 0x00, b'a'])),
            Err(ProfileError::Malformed)
        );
        // Version 2: too many places, an empty place, unknown bits, a
        // repeat with nothing before, a repeat of a field the place before lacks.
        for raw in [
            &[2, 5, 1, b'a'][..],
            &[2, 1, 1, b'a', 0],
            &[2, 1, 1, b'a', 0b1_0001, 1, b'b'],
            &[2, 0b1_0000, 1, b'a'],
            &[2, 1, 1, b'a', 0b0001, 0],
            &[2, 2, 1, b'a', 0b0001, 1, b'b', 0b0010, 0],
        ] {
            assert_eq!(
                decode_profile(&enc(raw)),
                Err(ProfileError::Malformed),
                "{raw:?}"
            );
        }
        assert_eq!(
            decode_profile(&enc(&[2, 2, 1, b'a', 0b0001, 1, b'b'])),
            Err(ProfileError::Truncated)
        );

        let mut long = vec![1, 0];
        push_length(&mut long, 81);
        long.extend(std::iter::repeat_n(b'a', 81));
        assert_eq!(
            decode_profile(&enc(&long)),
            Err(ProfileError::FieldTooLong(commune))
        );
    }

    #[test]
    fn encoding_reports_what_is_wrong() {
        assert_eq!(
            CommuneProfile::new(" ").encode(),
            Err(ProfileError::EmptyField(ProfileField::Commune.into()))
        );
        let mut p = CommuneProfile::new("Xã A");
        p.places = vec![HelpPlace {
            hours: Some("8:00\n17:00".into()),
            ..HelpPlace::default()
        }];
        let hours = FieldSpot::place(0, ProfileField::Hours);
        assert_eq!(p.encode(), Err(ProfileError::ControlCharacter(hours)));
        p.places[0].hours = Some("x".repeat(101));
        assert_eq!(p.encode(), Err(ProfileError::FieldTooLong(hours)));
        assert_eq!(
            ProfileError::FieldTooLong(FieldSpot::place(2, ProfileField::Address)).message_vi(),
            "Mục \"Địa chỉ\" của nơi hỗ trợ 3 quá dài (tối đa 160 ký tự)."
        );
        p.places = vec![HelpPlace::named("A"); MAX_HELP_PLACES + 1];
        assert_eq!(p.encode(), Err(ProfileError::TooManyPlaces));
        // Four places, each field near its limit, do not fit: the error names
        // the longest field, so the form can show it there.
        let mut huge = CommuneProfile::new("Xã A");
        huge.places = (0..MAX_HELP_PLACES)
            .map(|i| HelpPlace {
                name: Some(format!("Nơi {i} ").repeat(10).trim().to_owned()),
                address: Some("đ".repeat(if i == 2 { 150 } else { 100 })),
                hours: Some("7:30–17:00".into()),
                phone: Some("0912 345 678".into()),
            })
            .collect();
        let error = huge.encode().unwrap_err();
        assert!(matches!(error, ProfileError::TooLarge { .. }), "{error:?}");
        assert_eq!(
            error.spot(),
            Some(FieldSpot::place(2, ProfileField::Address))
        );
        assert!(
            error
                .message_vi()
                .ends_with("Hãy viết ngắn lại mục \"Địa chỉ\" của nơi hỗ trợ 3."),
            "{}",
            error.message_vi()
        );
        for e in [
            ProfileError::Malformed,
            ProfileError::FieldTooLong(ProfileField::Zalo.into()),
        ] {
            assert!(!e.message_vi().is_empty() && !e.message_en().is_empty());
        }
    }

    /// The numbers in the report and ARCHITECTURE.md: `?c=` length with one
    /// and with four places. Run with `--nocapture` to see them.
    #[test]
    fn code_lengths_with_one_and_four_places() {
        let one = long_bien().encode().unwrap().as_str().len();
        let four = tan_phu_four().encode().unwrap().as_str().len();
        let mut first_only = tan_phu_four();
        first_only.places.truncate(1);
        let one_short = first_only.encode().unwrap().as_str().len();
        println!("?c= length: 1 place {one} / {one_short} characters, 4 places {four}");
        assert!(one <= 200 && one_short <= 150 && four <= 400);
    }
}
