//! Interface language. Strings sit next to the component that shows them
//! (`lang.pick("Tiếp", "Next")`), so a screen reads top to bottom in both languages.

pub use sotay_guides::Lang;

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
