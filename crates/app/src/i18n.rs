//! Interface language and strings. Every string comes from the catalogue in
//! `assets/ui/{vi,en}/<section>.toml` (`ui::<section>::<KEY>.get(lang)`, or
//! `ui::<section>::<key>(lang, …)` for strings with placeholders); see `sotay-text`.

pub use sotay_text::{Lang, ui};

/// The old convention (`lang.pick("Tiếp", "Next")`), kept while screens move to the catalogue.
pub trait Pick {
    fn pick(self, vi: &'static str, en: &'static str) -> &'static str;
}

impl Pick for Lang {
    fn pick(self, vi: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
