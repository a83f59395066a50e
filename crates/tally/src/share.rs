//! A closed month of one phone, as it travels to the team lead: a QR code or a file.
//!
//! Format 1 is a list of fields, joined by `/` in the QR code and by line breaks in a file,
//! and read without regard to case:
//!
//! ```text
//! SOTAY-KQ-1                 magic and version
//! X1A2B3C4D                  the commune profile's key (X- when the phone keeps none)
//! MA1B2C3D4E5F6              the phone's random id (48 bits, hex)
//! T2026-11                   the month
//! R2.35                      outreach: sessions, residents helped
//! KICH-HOAT-VNEID:3.1.0      one per subject: counts per outcome (guided, filed online, later)
//! ```
//!
//! In the QR code everything is upper case, so it fits the QR alphanumeric mode
//! (0–9, A–Z, space, `$%*+-./:`), 5.5 bits a character instead of 8: a month with a dozen
//! services stays a small code that a phone camera reads off another phone's screen.

use std::collections::BTreeMap;
use std::fmt;

use sotay_text::{Lang, ui};

use crate::period::Month;
use crate::{Counts, is_subject_id};

pub const SHARE_MAGIC: &str = "SOTAY-KQ";
pub const SHARE_FORMAT_VERSION: u32 = 1;

/// Subjects in one share, at most (a month has far fewer).
const MAX_SUBJECTS: usize = 200;

/// Which commune profile a phone keeps: a hash of the commune's name (case and spacing
/// ignored), so two phones of the same commune agree and a code from another is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CommuneKey(u32);

impl CommuneKey {
    pub fn of_commune(name: &str) -> CommuneKey {
        let normal = name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        // FNV-1a: tiny, stable across versions and platforms.
        let mut hash: u32 = 0x811c_9dc5;
        for byte in normal.bytes() {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
        CommuneKey(hash)
    }
}

/// A phone's random id: 48 bits, written as 12 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeviceId(u64);

impl DeviceId {
    pub fn new(random: u64) -> DeviceId {
        DeviceId(random & 0xFFFF_FFFF_FFFF)
    }

    pub fn parse(text: &str) -> Option<DeviceId> {
        (text.len() == 12 && text.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u64::from_str_radix(text, 16).ok().map(DeviceId))
            .flatten()
    }

    /// `A1B2-C3D4-E5F6`, as shown to people matching phones.
    pub fn display(self) -> String {
        let hex = self.to_string();
        format!("{}-{}-{}", &hex[0..4], &hex[4..8], &hex[8..12])
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:012X}", self.0)
    }
}

/// One phone's closed month: counts only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthShare {
    pub commune: Option<CommuneKey>,
    pub device: DeviceId,
    pub month: Month,
    pub counts: BTreeMap<String, Counts>,
    /// Outreach sessions and residents helped at them.
    pub outreach: [u32; 2],
}

/// What merging a share did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeOutcome {
    Added,
    /// The same phone and month, with changed counts (reopened and corrected): replaced.
    Updated,
    /// The same phone and month again: nothing changed.
    Unchanged,
}

impl MergeOutcome {
    pub fn message(self, lang: Lang, month: Month, device: DeviceId) -> String {
        let (month, device) = (month.format_vi(), device.display());
        match self {
            MergeOutcome::Added => ui::tally::merged_added(lang, month, device),
            MergeOutcome::Updated => ui::tally::merged_updated(lang, month, device),
            MergeOutcome::Unchanged => ui::tally::merged_unchanged(lang, month, device),
        }
    }
}

/// Why a QR code or a file was not merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Not a count code at all (e.g. a card's QR or a link).
    NotOurs,
    /// Made by a newer app version.
    Newer,
    /// Field `field` (1-based: a file's line among its non-empty lines) is damaged.
    Damaged {
        field: usize,
        part: &'static str,
    },
    ForeignCommune,
    FutureMonth(Month),
    OwnDevice,
}

impl ShareError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ShareError::NotOurs => ui::tally::SHARE_NOT_OURS.get(lang).to_owned(),
            ShareError::Newer => ui::tally::SHARE_NEWER.get(lang).to_owned(),
            ShareError::Damaged { part, .. } => ui::tally::share_damaged(lang, part),
            ShareError::ForeignCommune => ui::tally::SHARE_FOREIGN_COMMUNE.get(lang).to_owned(),
            ShareError::FutureMonth(m) => ui::tally::share_future(lang, m.format_vi()),
            ShareError::OwnDevice => ui::tally::SHARE_OWN_DEVICE.get(lang).to_owned(),
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl std::error::Error for ShareError {}

impl MonthShare {
    fn fields(&self) -> Vec<String> {
        let mut fields = vec![
            format!("{SHARE_MAGIC}-{SHARE_FORMAT_VERSION}"),
            match self.commune {
                Some(CommuneKey(key)) => format!("X{key:08X}"),
                None => "X-".to_owned(),
            },
            format!("M{}", self.device),
            format!("T{}", self.month),
            format!("R{}.{}", self.outreach[0], self.outreach[1]),
        ];
        for (id, [guided, online, later]) in &self.counts {
            fields.push(format!("{id}:{guided}.{online}.{later}"));
        }
        fields
    }

    /// The text of the QR code: upper case, fields joined by `/`.
    pub fn to_qr_text(&self) -> String {
        self.fields().join("/").to_uppercase()
    }

    /// The text of an exported file: one field a line.
    pub fn to_file_text(&self) -> String {
        let mut text = self.fields().join("\r\n").to_lowercase();
        text.push_str("\r\n");
        text
    }

    /// Reads a QR code's text.
    pub fn from_qr_text(text: &str) -> Result<MonthShare, ShareError> {
        MonthShare::from_fields(text.trim().split('/').map(str::to_owned).collect())
    }

    /// Reads a file. An error's `field` is then the line number (blank lines are skipped
    /// but counted, so it is the line a text editor shows).
    pub fn from_file_text(text: &str) -> Result<MonthShare, ShareError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = Vec::new();
        let mut numbers = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if !line.is_empty() {
                lines.push(line.to_owned());
                numbers.push(index + 1);
            }
        }
        MonthShare::from_fields(lines).map_err(|error| match error {
            ShareError::Damaged { field, part } => ShareError::Damaged {
                field: numbers.get(field - 1).copied().unwrap_or(field),
                part,
            },
            other => other,
        })
    }

    fn from_fields(fields: Vec<String>) -> Result<MonthShare, ShareError> {
        let magic = fields.first().map(|f| f.to_uppercase()).unwrap_or_default();
        let Some(version) = magic
            .strip_prefix(SHARE_MAGIC)
            .and_then(|rest| rest.strip_prefix('-'))
        else {
            return Err(ShareError::NotOurs);
        };
        match version.parse::<u32>() {
            Ok(SHARE_FORMAT_VERSION) => {}
            Ok(v) if v > SHARE_FORMAT_VERSION => return Err(ShareError::Newer),
            _ => return Err(ShareError::NotOurs),
        }
        let damaged = |field: usize, part: &'static str| ShareError::Damaged { field, part };
        let field = |index: usize, tag: char, part: &'static str| {
            let text = fields.get(index).ok_or(damaged(index + 1, part))?;
            let mut chars = text.chars();
            match chars.next() {
                Some(c) if c.eq_ignore_ascii_case(&tag) => Ok(chars.as_str().to_lowercase()),
                _ => Err(damaged(index + 1, part)),
            }
        };
        let commune = match field(1, 'X', "xã/phường")?.as_str() {
            "-" => None,
            hex if hex.len() == 8 => Some(CommuneKey(
                u32::from_str_radix(hex, 16).map_err(|_| damaged(2, "xã/phường"))?,
            )),
            _ => return Err(damaged(2, "xã/phường")),
        };
        let device = DeviceId::parse(&field(2, 'M', "mã máy")?).ok_or(damaged(3, "mã máy"))?;
        let month = Month::parse(&field(3, 'T', "tháng")?).ok_or(damaged(4, "tháng"))?;
        let outreach = field(4, 'R', "buổi hỗ trợ")?;
        let outreach = numbers::<2>(&outreach).ok_or(damaged(5, "buổi hỗ trợ"))?;
        if fields.len() - 5 > MAX_SUBJECTS {
            return Err(damaged(MAX_SUBJECTS + 6, "số dịch vụ"));
        }
        let mut counts = BTreeMap::new();
        for (index, text) in fields.iter().enumerate().skip(5) {
            let text = text.to_lowercase();
            let bad = damaged(index + 1, "số lượt");
            let (id, values) = text.split_once(':').ok_or(bad.clone())?;
            let values = numbers::<3>(values).ok_or(bad.clone())?;
            if !is_subject_id(id) || counts.insert(id.to_owned(), values).is_some() {
                return Err(bad);
            }
        }
        Ok(MonthShare {
            commune,
            device,
            month,
            counts,
            outreach,
        })
    }
}

/// `N` counts joined by `.`: plain decimal digits, no sign, each fitting a u32.
fn numbers<const N: usize>(text: &str) -> Option<[u32; N]> {
    let mut out = [0; N];
    let mut parts = text.split('.');
    for slot in &mut out {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 9 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *slot = part.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}
