//! The few browser calls the app makes outside event handlers, behind
//! functions that are harmless during server-side rendering (where no browser
//! exists and every call is a no-op).
//!
//! Only non-personal data goes through `local_get` / `local_set`: settings,
//! guide progress, tally counts and the commune profile. Card data never does.

#[cfg(target_arch = "wasm32")]
mod imp {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn local_get(key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    pub fn local_set(key: &str, value: &str) {
        if let Some(storage) = storage() {
            // A full or disabled storage (private mode) only loses convenience.
            let _ = storage.set_item(key, value);
        }
    }

    pub fn local_remove(key: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }

    pub fn push_history(path: &str) {
        if let Ok(history) = gloo::utils::window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
        }
    }

    pub fn replace_history(path: &str) {
        if let Ok(history) = gloo::utils::window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
        }
    }

    pub fn current_path_and_query() -> (String, String) {
        let location = gloo::utils::window().location();
        (
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default(),
        )
    }

    pub fn scroll_to_top() {
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    pub fn origin() -> String {
        gloo::utils::window().location().origin().unwrap_or_default()
    }

    pub fn today() -> (i32, u32, u32) {
        let now = js_sys::Date::new_0();
        (
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        )
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn local_get(_key: &str) -> Option<String> {
        None
    }
    pub fn local_set(_key: &str, _value: &str) {}
    pub fn local_remove(_key: &str) {}
    pub fn push_history(_path: &str) {}
    pub fn replace_history(_path: &str) {}
    pub fn current_path_and_query() -> (String, String) {
        ("/".into(), String::new())
    }
    pub fn scroll_to_top() {}
    pub fn origin() -> String {
        String::new()
    }
    /// Server-side rendering happens at build time; nothing it renders depends on the date.
    pub fn today() -> (i32, u32, u32) {
        (2026, 1, 1)
    }
}

pub use imp::*;
