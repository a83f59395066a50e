//! The deployer's verified help points: a list of communes checked by whoever
//! publishes the app (a province office, say), built into the site by
//! `cargo xtask dist` (`SOTAY_COMMUNES=communes.csv`, `SOTAY_DEPLOYER=…`) as
//! [`VERIFIED_LIST_FILE`]. A poster for one of them carries only a short id,
//! `?x=<id>`, so no one can print a verified-looking poster with another
//! phone number: the app looks the id up in the deployer's own file.

use std::collections::BTreeMap;

use crate::profile::{CommuneProfile, ProfileError, ProfileField, decode_profile};

/// The list's file name at the root of the site.
pub const VERIFIED_LIST_FILE: &str = "communes.txt";

/// Longest id, in characters.
pub const MAX_COMMUNE_ID_LEN: usize = 40;

/// The deployer's name and its communes: id → the profile's `?c=` code (so
/// the app reads them through the same strict decoder as a link).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerifiedList {
    /// Who vouches for these, shown as "Thông tin của <deployer>".
    pub deployer: String,
    pub communes: BTreeMap<String, String>,
}

/// Why a row of the verified list was refused at build time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifiedError {
    BadId(String),
    DuplicateId(String),
    Profile(String, ProfileError),
    BadDeployer,
}

impl VerifiedError {
    pub fn message_en(&self) -> String {
        match self {
            VerifiedError::BadId(id) => format!(
                "id `{id}`: use 1 to {MAX_COMMUNE_ID_LEN} lower-case letters a–z, digits and dashes"
            ),
            VerifiedError::DuplicateId(id) => format!("id `{id}` appears twice"),
            VerifiedError::Profile(id, error) => format!("id `{id}`: {}", error.message_en()),
            VerifiedError::BadDeployer => {
                "the deployer's name (SOTAY_DEPLOYER) is empty, too long or has hidden characters"
                    .to_owned()
            }
        }
    }
}

/// Whether `id` can be a commune id: `[a-z0-9-]`, 1 to [`MAX_COMMUNE_ID_LEN`] long.
pub fn is_commune_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_COMMUNE_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The `x=` value of a query string (with or without the leading `?`).
pub fn verified_id_in_query(query: &str) -> Option<&str> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').find_map(|pair| pair.strip_prefix("x="))
}

impl VerifiedList {
    /// A new list for `deployer`, checked like a profile field.
    pub fn new(deployer: &str) -> Result<VerifiedList, VerifiedError> {
        let deployer = deployer.trim();
        let mut probe = CommuneProfile::new(deployer);
        probe.set(ProfileField::Commune, deployer);
        if probe.validate().is_err() {
            return Err(VerifiedError::BadDeployer);
        }
        Ok(VerifiedList {
            deployer: deployer.to_owned(),
            communes: BTreeMap::new(),
        })
    }

    /// Adds a commune under `id` after the same checks as any profile.
    pub fn add(&mut self, id: &str, profile: &CommuneProfile) -> Result<(), VerifiedError> {
        let id = id.trim();
        if !is_commune_id(id) {
            return Err(VerifiedError::BadId(id.to_owned()));
        }
        if self.communes.contains_key(id) {
            return Err(VerifiedError::DuplicateId(id.to_owned()));
        }
        let code = profile
            .encode()
            .map_err(|error| VerifiedError::Profile(id.to_owned(), error))?;
        self.communes
            .insert(id.to_owned(), code.as_str().to_owned());
        Ok(())
    }

    /// The verified profile for `id`, if the list has it and it decodes.
    pub fn profile(&self, id: &str) -> Option<CommuneProfile> {
        if !is_commune_id(id) {
            return None;
        }
        decode_profile(self.communes.get(id)?).ok()
    }

    /// The id under which `profile` is listed, if it is (the poster builder
    /// prints `?x=<id>` for it).
    pub fn id_of(&self, profile: &CommuneProfile) -> Option<&str> {
        let wanted = profile.normalized();
        self.communes
            .iter()
            .find(|(_, code)| decode_profile(code).ok().as_ref() == Some(&wanted))
            .map(|(id, _)| id.as_str())
    }

    /// The file the site carries: a header line, the deployer, then one
    /// `<id> <code>` per line. Plain lines rather than JSON: parsing them costs
    /// the resident's WebAssembly bundle almost nothing.
    pub fn to_text(&self) -> String {
        let mut text = format!("{LIST_HEADER}\n{}\n", self.deployer);
        for (id, code) in &self.communes {
            text.push_str(&format!("{id} {code}\n"));
        }
        text
    }

    /// Reads [`VerifiedList::to_text`]'s output; `None` for anything else.
    pub fn from_text(text: &str) -> Option<VerifiedList> {
        let mut lines = text.lines();
        if lines.next()? != LIST_HEADER {
            return None;
        }
        // The same checks as at build time: a tampered file is not trusted.
        let mut list = VerifiedList::new(lines.next()?).ok()?;
        for line in lines.filter(|line| !line.is_empty()) {
            let (id, code) = line.split_once(' ')?;
            if !is_commune_id(id) || list.communes.contains_key(id) {
                return None;
            }
            list.communes.insert(id.to_owned(), code.to_owned());
        }
        Some(list)
    }
}

/// First line of [`VERIFIED_LIST_FILE`] (format version 1).
const LIST_HEADER: &str = "sotay-communes 1";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::HelpPlace;

    fn tan_phu() -> CommuneProfile {
        let mut profile = CommuneProfile::new("Xã Tân Phú");
        profile.places.push(HelpPlace {
            phone: Some("0912 345 678".into()),
            ..HelpPlace::named("Công an xã Tân Phú")
        });
        profile
    }

    #[test]
    fn a_list_round_trips_and_looks_up_by_id_and_by_profile() {
        let mut list = VerifiedList::new("Sở Khoa học và Công nghệ tỉnh Đồng Tháp").unwrap();
        list.add("tan-phu", &tan_phu()).unwrap();
        let read = VerifiedList::from_text(&list.to_text()).unwrap();
        assert_eq!(read, list);
        assert_eq!(read.profile("tan-phu"), Some(tan_phu()));
        assert_eq!(read.profile("khac"), None);
        assert_eq!(read.profile("<script>"), None);
        assert_eq!(read.id_of(&tan_phu()), Some("tan-phu"));
        let mut other = tan_phu();
        other.places[0].phone = Some("0999 999 999".into());
        assert_eq!(read.id_of(&other), None);
    }

    #[test]
    fn bad_rows_are_refused() {
        let mut list = VerifiedList::new("UBND tỉnh").unwrap();
        list.add("a", &tan_phu()).unwrap();
        assert_eq!(
            list.add("a", &tan_phu()),
            Err(VerifiedError::DuplicateId("a".into()))
        );
        for id in ["", "Tan-Phu", "tân", "a/b", &"a".repeat(41)] {
            assert_eq!(
                list.add(id, &tan_phu()),
                Err(VerifiedError::BadId(id.into()))
            );
        }
        let mut hidden = tan_phu();
        hidden.places[0].phone = Some("\u{061C}0912 345 678".into());
        assert!(matches!(
            list.add("b", &hidden),
            Err(VerifiedError::Profile(..))
        ));
        assert_eq!(VerifiedList::new(" "), Err(VerifiedError::BadDeployer));
        assert_eq!(
            VerifiedList::new("A\u{202E}B"),
            Err(VerifiedError::BadDeployer)
        );
        assert_eq!(VerifiedList::from_text("{}"), None);
        assert_eq!(
            VerifiedList::from_text("sotay-communes 1\nUBND\nA/B AQ\n"),
            None
        );
        assert_eq!(verified_id_in_query("?buoc=2&x=tan-phu"), Some("tan-phu"));
        assert_eq!(verified_id_in_query("?c=AQ"), None);
    }
}
