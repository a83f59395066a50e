//! The commune profile that rides along in a link as `?c=…`.
//!
//! Wire format, version 1 (base64url without padding of):
//!
//! ```text
//! version: u8 = 1
//! flags:   u8      bit 0 help point, 1 address, 2 hours, 3 phone, 4 zalo; other bits 0
//! commune, then each present field in the order above:
//!   length: LEB128, at most 2 bytes, minimal
//!   bytes:  UTF-8, where a byte 0x01..=0x1F stands for a phrase of `PHRASES_V1`
//! ```
//!
//! Vietnamese letters take two or three bytes in UTF-8, so a typical profile
//! is about 180 bytes raw (240 characters in base64). The fields never hold
//! control characters, which frees the bytes 0x01..=0x1F to stand for the
//! phrases every commune profile repeats ("Trung tâm phục vụ hành chính
//! công ", "phường ", "thứ Hai"…). That halves a typical profile without a
//! compression library in the WebAssembly bundle.
//!
//! The phrase table is part of version 1: never change it; add a version 2.

use core::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Version byte of the current wire format.
pub const PROFILE_FORMAT_VERSION: u8 = 1;

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

/// A commune's (or ward's) help point, shown as "Cần giúp? Đến …" on every
/// guide opened from a poster. Plain text only: the app renders it as text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommuneProfile {
    /// Commune / ward name, e.g. "Phường Long Biên". Required.
    pub commune: String,
    /// Where to go for help, e.g. "Công an xã …".
    pub help_point: Option<String>,
    pub address: Option<String>,
    /// Opening hours as written by the commune, e.g. "7:30–17:00, thứ Hai – thứ Sáu".
    pub hours: Option<String>,
    /// Phone number as written; see [`crate::phone_link`] for the `tel:` link.
    pub phone: Option<String>,
    /// Zalo official account name or number.
    pub zalo: Option<String>,
}

/// A field of [`CommuneProfile`], for error messages and form labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProfileField {
    Commune,
    HelpPoint,
    Address,
    Hours,
    Phone,
    Zalo,
}

impl ProfileField {
    /// All fields, in wire order.
    pub const ALL: [ProfileField; 6] = [
        ProfileField::Commune,
        ProfileField::HelpPoint,
        ProfileField::Address,
        ProfileField::Hours,
        ProfileField::Phone,
        ProfileField::Zalo,
    ];

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

/// Why a profile could not be encoded or a `?c=` value was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// The `?c=` value is empty.
    Empty,
    /// The `?c=` value (or the encoded profile) is longer than [`MAX_ENCODED_LEN`].
    TooLarge {
        len: usize,
    },
    /// Not base64url without padding.
    NotBase64,
    /// Made by a newer (or unknown) version of the app.
    UnknownVersion(u8),
    /// The data stops in the middle of a field.
    Truncated,
    /// Bytes left over after the last field.
    TrailingBytes,
    /// Unknown flag bits or an over-long length prefix.
    Malformed,
    InvalidUtf8(ProfileField),
    /// A control or invisible formatting character (line breaks, bidi overrides, …).
    ControlCharacter(ProfileField),
    FieldTooLong(ProfileField),
    /// The field is present but empty.
    EmptyField(ProfileField),
    /// Spaces at the start or end (encoding trims them; a decoded value must not have them).
    UntrimmedField(ProfileField),
}

impl ProfileError {
    /// A short, friendly Vietnamese message for the resident or the officer.
    pub fn message_vi(&self) -> String {
        match self {
            ProfileError::Empty => "Đường link không có thông tin nơi hỗ trợ.".into(),
            ProfileError::TooLarge { .. } => format!(
                "Thông tin nơi hỗ trợ quá dài (tối đa {MAX_ENCODED_LEN} ký tự sau khi mã hóa). Hãy viết ngắn lại."
            ),
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
            ProfileError::ControlCharacter(f) => {
                format!("Mục \"{}\" có ký tự không hợp lệ (xuống dòng hoặc ký tự ẩn).", f.label_vi())
            }
            ProfileError::FieldTooLong(f) => {
                format!("Mục \"{}\" quá dài (tối đa {} ký tự).", f.label_vi(), f.max_chars())
            }
            ProfileError::EmptyField(f) => format!("Mục \"{}\" đang để trống.", f.label_vi()),
            ProfileError::UntrimmedField(f) => {
                format!("Mục \"{}\" có khoảng trắng thừa ở đầu hoặc cuối.", f.label_vi())
            }
        }
    }

    /// The same in English.
    pub fn message_en(&self) -> String {
        match self {
            ProfileError::Empty => "The link carries no help point.".into(),
            ProfileError::TooLarge { len } => {
                format!(
                    "The help point is too long ({len} characters encoded, at most {MAX_ENCODED_LEN})."
                )
            }
            ProfileError::NotBase64 => "The help point in the link is not valid base64url.".into(),
            ProfileError::UnknownVersion(v) => format!("Unknown help point format version {v}."),
            ProfileError::Truncated => "The help point in the link is cut short.".into(),
            ProfileError::TrailingBytes => {
                "The help point in the link has extra data at the end.".into()
            }
            ProfileError::Malformed => "The help point in the link is malformed.".into(),
            ProfileError::InvalidUtf8(f) => format!("{} is not valid UTF-8.", f.label_en()),
            ProfileError::ControlCharacter(f) => {
                format!(
                    "{} contains a control or invisible character.",
                    f.label_en()
                )
            }
            ProfileError::FieldTooLong(f) => {
                format!(
                    "{} is too long (at most {} characters).",
                    f.label_en(),
                    f.max_chars()
                )
            }
            ProfileError::EmptyField(f) => format!("{} is empty.", f.label_en()),
            ProfileError::UntrimmedField(f) => {
                format!("{} has spaces at the start or end.", f.label_en())
            }
        }
    }
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

impl CommuneProfile {
    /// A profile with only the commune name.
    pub fn new(commune: impl Into<String>) -> Self {
        CommuneProfile {
            commune: commune.into(),
            ..CommuneProfile::default()
        }
    }

    /// The value of `field`.
    pub fn get(&self, field: ProfileField) -> Option<&str> {
        match field {
            ProfileField::Commune => Some(self.commune.as_str()),
            ProfileField::HelpPoint => self.help_point.as_deref(),
            ProfileField::Address => self.address.as_deref(),
            ProfileField::Hours => self.hours.as_deref(),
            ProfileField::Phone => self.phone.as_deref(),
            ProfileField::Zalo => self.zalo.as_deref(),
        }
    }

    /// Sets `field`; an empty or blank value clears an optional field.
    pub fn set(&mut self, field: ProfileField, value: &str) {
        let value = value.trim();
        let optional = (!value.is_empty()).then(|| value.to_owned());
        match field {
            ProfileField::Commune => self.commune = value.to_owned(),
            ProfileField::HelpPoint => self.help_point = optional,
            ProfileField::Address => self.address = optional,
            ProfileField::Hours => self.hours = optional,
            ProfileField::Phone => self.phone = optional,
            ProfileField::Zalo => self.zalo = optional,
        }
    }

    /// Trims every field and turns blank optional fields into `None`: the
    /// form in which profiles are encoded and decoded.
    pub fn normalized(&self) -> CommuneProfile {
        let mut out = CommuneProfile::new(self.commune.trim());
        for field in &ProfileField::ALL[1..] {
            out.set(*field, self.get(*field).unwrap_or(""));
        }
        out
    }

    /// Checks a (normalized) profile: commune present, no control or
    /// invisible characters, lengths within [`ProfileField::max_chars`].
    pub fn validate(&self) -> Result<(), ProfileError> {
        for field in ProfileField::ALL {
            if let Some(value) = self.get(field) {
                validate_field(field, value)?;
            }
        }
        Ok(())
    }

    /// Normalizes, validates and encodes the profile for `?c=`.
    pub fn encode(&self) -> Result<ProfileCode, ProfileError> {
        let profile = self.normalized();
        profile.validate()?;
        let mut bytes = vec![PROFILE_FORMAT_VERSION, 0];
        let mut flags = 0u8;
        for (bit, field) in ProfileField::ALL.iter().enumerate() {
            let Some(value) = profile.get(*field) else {
                continue;
            };
            if bit > 0 {
                flags |= 1 << (bit - 1);
            }
            let packed = pack_phrases(value);
            push_length(&mut bytes, packed.len());
            bytes.extend_from_slice(&packed);
        }
        if let Some(slot) = bytes.get_mut(1) {
            *slot = flags;
        }
        let text = URL_SAFE_NO_PAD.encode(&bytes);
        if text.len() > MAX_ENCODED_LEN {
            return Err(ProfileError::TooLarge { len: text.len() });
        }
        Ok(ProfileCode(text))
    }
}

/// Encodes a profile for `?c=`; see [`CommuneProfile::encode`].
pub fn encode_profile(profile: &CommuneProfile) -> Result<ProfileCode, ProfileError> {
    profile.encode()
}

/// Decodes and strictly validates a `?c=` value (already percent-decoded;
/// base64url never needs percent-encoding).
///
/// # Example
///
/// ```
/// use sotay_poster::{CommuneProfile, ProfileError, decode_profile};
///
/// let mut profile = CommuneProfile::new("Phường Long Biên");
/// profile.phone = Some("024 3872 1234".into());
/// let code = profile.encode().unwrap();
/// assert_eq!(decode_profile(code.as_str()), Ok(profile));
/// assert_eq!(decode_profile(""), Err(ProfileError::Empty));
/// ```
pub fn decode_profile(text: &str) -> Result<CommuneProfile, ProfileError> {
    // Size first: never spend work on an oversized value.
    if text.len() > MAX_ENCODED_LEN {
        return Err(ProfileError::TooLarge { len: text.len() });
    }
    if text.is_empty() {
        return Err(ProfileError::Empty);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| ProfileError::NotBase64)?;
    let mut reader = Reader { rest: &bytes };
    let version = reader.byte()?;
    if version != PROFILE_FORMAT_VERSION {
        return Err(ProfileError::UnknownVersion(version));
    }
    let flags = reader.byte()?;
    if flags & !0b1_1111 != 0 {
        return Err(ProfileError::Malformed);
    }
    let mut profile = CommuneProfile::default();
    for (bit, field) in ProfileField::ALL.iter().enumerate() {
        if bit > 0 && flags & (1 << (bit - 1)) == 0 {
            continue;
        }
        let len = reader.length()?;
        let packed = reader.take(len)?;
        let value = unpack_phrases(packed).ok_or(ProfileError::InvalidUtf8(*field))?;
        validate_field(*field, &value)?;
        match field {
            ProfileField::Commune => profile.commune = value,
            ProfileField::HelpPoint => profile.help_point = Some(value),
            ProfileField::Address => profile.address = Some(value),
            ProfileField::Hours => profile.hours = Some(value),
            ProfileField::Phone => profile.phone = Some(value),
            ProfileField::Zalo => profile.zalo = Some(value),
        }
    }
    if !reader.rest.is_empty() {
        return Err(ProfileError::TrailingBytes);
    }
    Ok(profile)
}

fn validate_field(field: ProfileField, value: &str) -> Result<(), ProfileError> {
    if value.is_empty() {
        return Err(ProfileError::EmptyField(field));
    }
    if sotay_chars::first_hidden(value).is_some() {
        return Err(ProfileError::ControlCharacter(field));
    }
    if value.trim() != value {
        return Err(ProfileError::UntrimmedField(field));
    }
    if value.chars().count() > field.max_chars() {
        return Err(ProfileError::FieldTooLong(field));
    }
    Ok(())
}

fn pack_phrases(value: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut rest = value;
    while let Some(c) = rest.chars().next() {
        let best = PHRASES_V1
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

fn unpack_phrases(packed: &[u8]) -> Option<String> {
    let mut out = Vec::with_capacity(packed.len() * 2);
    for &byte in packed {
        match byte {
            0x01..=0x1F => out.extend_from_slice(PHRASES_V1.get(usize::from(byte - 1))?.as_bytes()),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn long_bien() -> CommuneProfile {
        CommuneProfile {
            commune: "Phường Long Biên".into(),
            help_point: Some("Trung tâm phục vụ hành chính công phường Long Biên".into()),
            address: Some("Số 1 phố Ngọc Lâm, Hà Nội".into()),
            hours: Some("7:30–17:00, thứ Hai – thứ Sáu".into()),
            phone: Some("024 3872 1234".into()),
            zalo: Some("0243872123".into()),
        }
    }

    #[test]
    fn typical_profile_round_trips_within_200_characters() {
        let profile = long_bien();
        let code = profile.encode().unwrap();
        assert!(code.as_str().len() <= 200, "{} chars", code.as_str().len());
        assert_eq!(decode_profile(code.as_str()).unwrap(), profile);
    }

    #[test]
    fn phrases_are_distinct_and_start_with_a_character_boundary() {
        for (i, a) in PHRASES_V1.iter().enumerate() {
            assert!(!a.is_empty() && !a.starts_with(' '));
            for b in &PHRASES_V1[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn normalizes_before_encoding() {
        let mut profile = CommuneProfile::new("  Xã Tân Phú ");
        profile.address = Some("   ".into());
        profile.phone = Some(" 0912 345 678 ".into());
        let decoded = decode_profile(profile.encode().unwrap().as_str()).unwrap();
        assert_eq!(decoded.commune, "Xã Tân Phú");
        assert_eq!(decoded.address, None);
        assert_eq!(decoded.phone.as_deref(), Some("0912 345 678"));
    }

    #[test]
    fn rejects_bad_input_with_typed_errors() {
        let good = long_bien().encode().unwrap();
        let bytes = URL_SAFE_NO_PAD.decode(good.as_str()).unwrap();
        let enc = |b: &[u8]| URL_SAFE_NO_PAD.encode(b);

        assert_eq!(decode_profile(""), Err(ProfileError::Empty));
        assert_eq!(
            decode_profile(&"A".repeat(MAX_ENCODED_LEN + 1)),
            Err(ProfileError::TooLarge {
                len: MAX_ENCODED_LEN + 1
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

        let mut v2 = bytes.clone();
        v2[0] = 2;
        assert_eq!(
            decode_profile(&enc(&v2)),
            Err(ProfileError::UnknownVersion(2))
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
            Err(ProfileError::InvalidUtf8(ProfileField::Commune))
        );
        // A DEL and a bidi override are rejected even though they are valid UTF-8.
        assert_eq!(
            decode_profile(&enc(&[1, 0, 2, b'a', 0x7F])),
            Err(ProfileError::ControlCharacter(ProfileField::Commune))
        );
        let rlo = "a\u{202E}b".as_bytes();
        let mut bidi = vec![1, 0, rlo.len() as u8];
        bidi.extend_from_slice(rlo);
        assert_eq!(
            decode_profile(&enc(&bidi)),
            Err(ProfileError::ControlCharacter(ProfileField::Commune))
        );
        assert_eq!(
            decode_profile(&enc(&[1, 0, 0])),
            Err(ProfileError::EmptyField(ProfileField::Commune))
        );
        assert_eq!(
            decode_profile(&enc(&[1, 0, 2, b' ', b'a'])),
            Err(ProfileError::UntrimmedField(ProfileField::Commune))
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
                Err(ProfileError::ControlCharacter(ProfileField::Phone)),
                "U+{:04X}",
                u32::from(hidden)
            );
            let mut profile = CommuneProfile::new("Xã A");
            profile.phone = Some(format!("{hidden}0912 345 678"));
            assert_eq!(
                profile.encode(),
                Err(ProfileError::ControlCharacter(ProfileField::Phone))
            );
        }
        // Non-minimal length prefix.
        assert_eq!(
            decode_profile(&enc(&[1, 0, 0x81, 0x00, b'a'])),
            Err(ProfileError::Malformed)
        );

        let mut long = vec![1, 0];
        push_length(&mut long, 81);
        long.extend(std::iter::repeat_n(b'a', 81));
        assert_eq!(
            decode_profile(&enc(&long)),
            Err(ProfileError::FieldTooLong(ProfileField::Commune))
        );
    }

    #[test]
    fn encoding_reports_what_is_wrong() {
        assert_eq!(
            CommuneProfile::new(" ").encode(),
            Err(ProfileError::EmptyField(ProfileField::Commune))
        );
        let mut p = CommuneProfile::new("Xã A");
        p.hours = Some("8:00\n17:00".into());
        assert_eq!(
            p.encode(),
            Err(ProfileError::ControlCharacter(ProfileField::Hours))
        );
        p.hours = Some("x".repeat(101));
        assert_eq!(
            p.encode(),
            Err(ProfileError::FieldTooLong(ProfileField::Hours))
        );
        // Every field at its limit with 4-byte characters does not fit.
        let mut huge = CommuneProfile::new("😀".repeat(80));
        for f in &ProfileField::ALL[1..] {
            huge.set(*f, &"😀".repeat(f.max_chars()));
        }
        assert!(matches!(huge.encode(), Err(ProfileError::TooLarge { .. })));
        for e in [
            ProfileError::Malformed,
            ProfileError::FieldTooLong(ProfileField::Zalo),
        ] {
            assert!(!e.message_vi().is_empty() && !e.message_en().is_empty());
        }
    }
}
