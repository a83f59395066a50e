//! Reading preferences, kept on the device: text size, contrast, language.

use serde::{Deserialize, Serialize};

use crate::browser;
use crate::i18n::Lang;

const STORAGE_KEY: &str = "sotay.settings";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Larger];

    pub fn class(self) -> &'static str {
        match self {
            TextSize::Normal => "text-normal",
            TextSize::Large => "text-large",
            TextSize::Larger => "text-larger",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub text_size: TextSize,
    pub high_contrast: bool,
    pub lang: Lang,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            text_size: TextSize::default(),
            high_contrast: false,
            lang: Lang::Vi,
        }
    }
}

impl Settings {
    pub fn load() -> Settings {
        browser::local_get(STORAGE_KEY)
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }

    pub fn save(&self) {
        if let Ok(json) = serde_json::to_string(self) {
            browser::local_set(STORAGE_KEY, &json);
        }
    }

    /// Text size, contrast and `lang` live on `<html>` so that every page, and
    /// the print view, follow them.
    #[cfg(target_arch = "wasm32")]
    pub fn apply_to_document(&self) {
        let Some(html) = gloo::utils::document().document_element() else {
            return;
        };
        let mut classes = vec![self.text_size.class()];
        if self.high_contrast {
            classes.push("contrast-high");
        }
        let _ = html.set_attribute("class", &classes.join(" "));
        let _ = html.set_attribute("lang", self.lang.code());
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn apply_to_document(&self) {}
}
