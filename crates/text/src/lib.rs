//! The interface language and every string the interface shows, in one catalogue per
//! language: `assets/ui/vi/<section>.toml` and `assets/ui/en/<section>.toml` (plain TOML,
//! editable without Rust; a section is one screen or component).
//!
//! The build turns the catalogue into constants, one module per section: a string is
//! [`Text`], and a string with `{placeholders}` is a function taking them in order, so a
//! missing key or argument is a compile error. A key with no English string shows in
//! Vietnamese; [`ui::MISSING_ENGLISH`] lists them and a test fails while it is not empty.
//!
//! # Example
//!
//! ```
//! use sotay_text::{Lang, ui};
//!
//! assert_eq!(ui::common::NEXT.get(Lang::Vi), "Tiếp");
//! assert_eq!(ui::common::NEXT.get(Lang::En), "Next");
//! assert_eq!(ui::common::step_of(Lang::En, 2, 5), "Step 2/5");
//! ```

use serde::{Deserialize, Serialize};

/// Language of the interface and of a guide file (and of its folder: `assets/guides/vi`,
/// `assets/guides/en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The code used in files, folders and URLs: `"vi"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One interface string in both languages. English may be missing; it then shows in
/// Vietnamese (listed in [`ui::MISSING_ENGLISH`], which a test keeps empty).
/// Serialized as `{"vi": …, "en": …}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Text {
    vi: &'static str,
    en: Option<&'static str>,
}

impl Text {
    pub const fn new(vi: &'static str, en: Option<&'static str>) -> Text {
        Text { vi, en }
    }

    /// The string in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match (lang, self.en) {
            (Lang::En, Some(en)) => en,
            _ => self.vi,
        }
    }
}

/// The build script's checks and code generation (tested here; see `build.rs`).
#[cfg(test)]
mod catalogue;

/// The catalogue: `ui::<section>::<KEY>` constants and `ui::<section>::<key>(lang, …)`
/// functions, generated from `assets/ui/{vi,en}/<section>.toml`.
pub mod ui {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_has_english() {
        assert!(
            ui::MISSING_ENGLISH.is_empty(),
            "UI strings with no English in assets/ui/en/ (they show in Vietnamese): {:?}",
            ui::MISSING_ENGLISH
        );
    }

    #[test]
    fn generated_functions_take_placeholders_in_order() {
        assert_eq!(ui::common::step_of(Lang::Vi, 2, 5), "Bước 2/5");
        assert_eq!(ui::common::step_of(Lang::En, 2, 5), "Step 2/5");
    }
}
