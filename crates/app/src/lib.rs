//! The Yew single-page app of Sổ tay Công dân số: UI and browser glue only.
//!
//! All logic that can be tested without a browser lives in the pure crates
//! (`sotay-guides`, `sotay-cccd`, `sotay-scan`, `sotay-poster`); this crate
//! turns it into screens. The same components render on the server side at
//! build time (feature `ssr`, see `src/bin/prerender.rs`) so that every page
//! has readable HTML before the WASM arrives.

pub mod app;
mod browser;
mod commune;
mod components;
mod content;
mod context;
mod i18n;
mod pages;
#[cfg(feature = "practice")]
mod practice;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod route;
mod settings;

pub use app::{App, AppProps};

/// Entry point called by the JS glue once the WASM module is instantiated.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let Some(root) = gloo::utils::document().get_element_by_id("app") else {
        return;
    };
    let settings = settings::Settings::load();
    settings.apply_to_document();
    let location = gloo::utils::window().location();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    // The pre-rendered HTML is replaced in the same task as the first render,
    // so the browser never paints an empty page in between. (Only an empty
    // string is ever assigned here: no data reaches innerHTML anywhere.)
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            path,
            query,
            settings,
            prerendered: false,
        },
    )
    .render();
    // Tests and `cargo xtask bench load` watch for these.
    root.set_attribute("data-app", "ready").ok();
    if let Some(performance) = gloo::utils::window().performance() {
        let _ = performance.mark("sotay-ready");
    }
}
