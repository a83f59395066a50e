//! What every screen may read: the app's shared state and its hook (`use_app`). Pages and
//! components import this module; only the app shell (`app.rs`) provides it, so the shell
//! imports the pages and never the other way round.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::settings::Settings;

/// State every screen may read.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    pub settings: Settings,
    pub set_settings: Callback<Settings>,
    /// True while rendering static HTML at build time: pages then show everything
    /// a reader needs without JavaScript (a guide shows all its steps).
    pub prerendered: bool,
}

impl AppContext {
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }
}

#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().unwrap_or_else(|| AppContext {
        settings: Settings::default(),
        set_settings: Callback::noop(),
        prerendered: false,
    })
}
