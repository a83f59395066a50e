//! Interface language and strings. Every string comes from the catalogue in
//! `assets/ui/{vi,en}/<section>.toml` (`ui::<section>::<KEY>.get(lang)`, or
//! `ui::<section>::<key>(lang, …)` for strings with placeholders); see `sotay-text`.

pub use sotay_text::{Lang, ui};
