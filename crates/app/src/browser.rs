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

    #[cfg(feature = "resident")]
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

    /// A normal page load of a path of this site.
    pub fn load_page(path: &str) {
        let _ = gloo::utils::window().location().assign(path);
    }

    pub fn scroll_to_top() {
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    #[cfg(any(feature = "team", feature = "resident"))]
    pub fn origin() -> String {
        gloo::utils::window()
            .location()
            .origin()
            .unwrap_or_default()
    }

    #[cfg(any(feature = "resident", feature = "scanner", feature = "team"))]
    pub fn today() -> (i32, u32, u32) {
        let now = js_sys::Date::new_0();
        (
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        )
    }

    /// Opens the browser's print dialog (the print CSS lays out the whole guide).
    #[cfg(any(feature = "resident", feature = "team"))]
    pub fn print() {
        let _ = gloo::utils::window().print();
    }

    #[cfg(feature = "team")]
    fn blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
    }

    /// A `blob:` URL holding `text` (e.g. a poster SVG for an `<img>` or a
    /// download link); free it with [`revoke_object_url`].
    #[cfg(feature = "team")]
    pub fn object_url(text: &str, mime: &str) -> Option<String> {
        web_sys::Url::create_object_url_with_blob(&blob(text, mime)?).ok()
    }

    #[cfg(feature = "team")]
    pub fn revoke_object_url(url: &str) {
        let _ = web_sys::Url::revoke_object_url(url);
    }

    /// Saves `text` as a file called `file_name` (a Blob behind a temporary
    /// `<a download>`). False when the browser refused.
    #[cfg(feature = "team")]
    pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
        use wasm_bindgen::JsCast;
        let Some(url) = object_url(text, mime) else {
            return false;
        };
        let anchor = gloo::utils::document()
            .create_element("a")
            .ok()
            .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(anchor) = anchor else {
            revoke_object_url(&url);
            return false;
        };
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
        // The download has started by the next tick; a minute is generous for slow phones.
        gloo::timers::callback::Timeout::new(60_000, move || revoke_object_url(&url)).forget();
        true
    }

    /// Puts `text` on the clipboard (`navigator.clipboard.writeText`); `on_done(true)`
    /// when it worked, `on_done(false)` when the browser refused or has no clipboard
    /// (an insecure page, an old browser). Never logs the text: it may be card data.
    #[cfg(feature = "scanner")]
    pub fn copy_text(text: &str, on_done: impl FnOnce(bool) + 'static) {
        use wasm_bindgen::JsCast;
        let navigator = gloo::utils::window().navigator();
        // `navigator.clipboard` is undefined outside secure contexts; calling into it would throw.
        let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .ok()
            .filter(|value| !value.is_undefined() && !value.is_null())
            .and_then(|value| value.dyn_into::<web_sys::Clipboard>().ok());
        let Some(clipboard) = clipboard else {
            on_done(false);
            return;
        };
        let promise = clipboard.write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            on_done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    }

    /// Moves keyboard focus to the element with this id (give it `tabindex="-1"`
    /// when it is not focusable by itself, e.g. a heading).
    #[cfg(any(feature = "resident", feature = "scanner", feature = "practice"))]
    pub fn focus(id: &str) {
        use wasm_bindgen::JsCast;
        if let Some(element) = gloo::utils::document()
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    }

    /// Calls `on_key(true)` for →, `on_key(false)` for ← — unless a modifier is held
    /// or the focus is in a text field, where arrows move the caret.
    #[cfg(feature = "resident")]
    pub fn on_arrow_keys(
        mut on_key: impl FnMut(bool) + 'static,
    ) -> Option<gloo::events::EventListener> {
        use wasm_bindgen::JsCast;
        let window = web_sys::window()?;
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        Some(gloo::events::EventListener::new_with_options(
            &window,
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() {
                    return;
                }
                let forward = match event.key().as_str() {
                    "ArrowRight" => true,
                    "ArrowLeft" => false,
                    _ => return,
                };
                if let Some(active) = gloo::utils::document().active_element() {
                    let tag = active.tag_name().to_ascii_lowercase();
                    let kind = active
                        .get_attribute("type")
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    let text_input = tag == "input"
                        && !matches!(kind.as_str(), "checkbox" | "radio" | "button" | "submit");
                    let editable = active
                        .dyn_ref::<web_sys::HtmlElement>()
                        .is_some_and(|element| element.is_content_editable());
                    if text_input || tag == "textarea" || tag == "select" || editable {
                        return;
                    }
                }
                event.prevent_default();
                on_key(forward);
            },
        ))
    }

    /// The address's fragment without `#` (`buoc-3`), or empty.
    #[cfg(feature = "resident")]
    pub fn location_hash() -> String {
        gloo::utils::window()
            .location()
            .hash()
            .unwrap_or_default()
            .trim_start_matches('#')
            .to_string()
    }

    /// Calls `handler` with the new fragment (without `#`) when it changes (a step
    /// link followed before the app ran, then Back or Forward).
    #[cfg(feature = "resident")]
    pub fn on_hash_change(
        mut handler: impl FnMut(String) + 'static,
    ) -> Option<gloo::events::EventListener> {
        Some(gloo::events::EventListener::new(
            &gloo::utils::window(),
            "hashchange",
            move |_| handler(location_hash()),
        ))
    }

    /// Moves keyboard focus to the element `focus_id` without scrolling, then brings
    /// the element `section_id` to the top of the screen only if its top is above the
    /// screen (the reader had scrolled down a long step).
    #[cfg(feature = "resident")]
    pub fn focus_in_view(focus_id: &str, section_id: &str) {
        use wasm_bindgen::JsCast;
        let document = gloo::utils::document();
        if let Some(element) = document
            .get_element_by_id(focus_id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
        if let Some(section) = document.get_element_by_id(section_id)
            && section.get_bounding_client_rect().top() < 0.0
        {
            section.scroll_into_view();
        }
    }

    /// Asks the service worker to save every file of the site for offline use;
    /// `on_done(false)` when there is no service worker or saving failed.
    #[cfg(any(feature = "resident", feature = "team"))]
    pub fn save_everything_offline(on_done: impl FnOnce(bool) + 'static) {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let controller = gloo::utils::window()
            .navigator()
            .service_worker()
            .controller();
        let (Some(worker), Ok(channel)) = (controller, web_sys::MessageChannel::new()) else {
            on_done(false);
            return;
        };
        let mut on_done = Some(on_done);
        let reply = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let saved = js_sys::Reflect::get(&event.data(), &"saved".into())
                    .map(|value| value.is_truthy())
                    .unwrap_or(false);
                if let Some(on_done) = on_done.take() {
                    on_done(saved);
                }
            },
        )
        .into_js_value();
        channel.port1().set_onmessage(Some(reply.unchecked_ref()));
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"SAVE_ALL".into());
        let _ =
            worker.post_message_with_transferable(&message, &js_sys::Array::of1(&channel.port2()));
    }

    #[cfg(any(feature = "resident", feature = "practice"))]
    fn speech() -> Option<web_sys::SpeechSynthesis> {
        web_sys::window()?.speech_synthesis().ok()
    }

    /// A speech-synthesis voice whose language starts with `lang_prefix` (`"vi"`, `"en"`).
    #[cfg(any(feature = "resident", feature = "practice"))]
    fn voice_for(lang_prefix: &str) -> Option<web_sys::SpeechSynthesisVoice> {
        use wasm_bindgen::JsCast;
        speech()?
            .get_voices()
            .iter()
            .filter_map(|voice| voice.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
            .find(|voice| {
                voice
                    .lang()
                    .to_ascii_lowercase()
                    .replace('_', "-")
                    .starts_with(lang_prefix)
            })
    }

    #[cfg(any(feature = "resident", feature = "practice"))]
    pub fn has_voice(lang_prefix: &str) -> bool {
        voice_for(lang_prefix).is_some()
    }

    /// Browsers load their voices late; `on_change` runs when the list changes.
    #[cfg(any(feature = "resident", feature = "practice"))]
    pub fn on_voices_changed(
        mut on_change: impl FnMut() + 'static,
    ) -> Option<gloo::events::EventListener> {
        let speech = speech()?;
        Some(gloo::events::EventListener::new(
            &speech,
            "voiceschanged",
            move |_| on_change(),
        ))
    }

    /// Reads `text` aloud with a voice for `lang_prefix`, stopping anything being read;
    /// `on_end` runs when it finishes or is stopped. False when there is no such voice.
    #[cfg(any(feature = "resident", feature = "practice"))]
    pub fn speak(text: &str, lang_prefix: &str, on_end: impl FnMut() + 'static) -> bool {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let (Some(speech), Some(voice)) = (speech(), voice_for(lang_prefix)) else {
            return false;
        };
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
            return false;
        };
        speech.cancel();
        utterance.set_voice(Some(&voice));
        utterance.set_lang(&voice.lang());
        // A little slower than default: many readers are elderly.
        utterance.set_rate(0.9);
        let done = Closure::<dyn FnMut()>::new(on_end).into_js_value();
        utterance.set_onend(Some(done.unchecked_ref()));
        utterance.set_onerror(Some(done.unchecked_ref()));
        speech.speak(&utterance);
        true
    }

    #[cfg(any(feature = "resident", feature = "practice"))]
    pub fn stop_speaking() {
        if let Some(speech) = speech() {
            speech.cancel();
        }
    }
    /// True when `window[name]` is truthy (flags set by web/boot.js before the WASM started).
    pub fn window_flag(name: &str) -> bool {
        js_sys::Reflect::get(
            &gloo::utils::window(),
            &wasm_bindgen::JsValue::from_str(name),
        )
        .map(|value| value.is_truthy())
        .unwrap_or(false)
    }

    /// Sends a plain event to web/boot.js (which owns the service worker and install prompt).
    pub fn dispatch_window_event(name: &str) {
        if let Ok(event) = web_sys::Event::new(name) {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
    }

    pub fn on_window_event(
        name: &'static str,
        mut handler: impl FnMut() + 'static,
    ) -> Option<gloo::events::EventListener> {
        Some(gloo::events::EventListener::new(
            &gloo::utils::window(),
            name,
            move |_| handler(),
        ))
    }

    /// Calls `handler` when the browser shows this page again from its
    /// back-forward cache (`pageshow` with `persisted`), not on a fresh load.
    #[cfg(any(feature = "scanner", feature = "practice"))]
    pub fn on_page_restored(
        mut handler: impl FnMut() + 'static,
    ) -> Option<gloo::events::EventListener> {
        Some(gloo::events::EventListener::new(
            &gloo::utils::window(),
            "pageshow",
            move |event| {
                let persisted = js_sys::Reflect::get(event, &"persisted".into())
                    .map(|value| value.is_truthy())
                    .unwrap_or(false);
                if persisted {
                    handler();
                }
            },
        ))
    }

    pub fn is_online() -> bool {
        gloo::utils::window().navigator().on_line()
    }

    /// The `content` of `<meta name=…>` in the page head.
    pub fn meta_content(name: &str) -> Option<String> {
        let selector = format!("meta[name=\"{name}\"]");
        gloo::utils::document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
    }

    /// The text of the element with this id (a `<script type="application/json">` data block).
    #[cfg(any(feature = "resident", feature = "team"))]
    pub fn element_text(id: &str) -> Option<String> {
        gloo::utils::document()
            .get_element_by_id(id)
            .and_then(|element| element.text_content())
    }

    /// GETs a file of this site as text; None when offline (and not cached) or not 200.
    // Browser only (no twin below): its one caller, `content`, fetches only in the browser.
    pub async fn fetch_text(url: &str) -> Option<String> {
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;
        let response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
            .await
            .ok()?
            .dyn_into::<web_sys::Response>()
            .ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()
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
    #[cfg(feature = "resident")]
    pub fn replace_history(_path: &str) {}
    pub fn current_path_and_query() -> (String, String) {
        ("/".into(), String::new())
    }
    pub fn load_page(_path: &str) {}
    pub fn scroll_to_top() {}
    #[cfg(any(feature = "team", feature = "resident"))]
    pub fn origin() -> String {
        String::new()
    }
    /// Server-side rendering happens at build time: the build's day (UTC), so a guide already
    /// out of date then is pre-rendered with its notice.
    #[cfg(any(feature = "resident", feature = "scanner", feature = "team"))]
    pub fn today() -> (i32, u32, u32) {
        let today = sotay_guides::Date::today_utc();
        (today.year(), today.month(), today.day())
    }
    #[cfg(any(feature = "resident", feature = "team"))]
    pub fn print() {}
    #[cfg(feature = "team")]
    pub fn object_url(_text: &str, _mime: &str) -> Option<String> {
        None
    }
    #[cfg(feature = "team")]
    pub fn revoke_object_url(_url: &str) {}
    #[cfg(feature = "team")]
    pub fn download_text(_file_name: &str, _mime: &str, _text: &str) -> bool {
        false
    }
    #[cfg(feature = "scanner")]
    pub fn copy_text(_text: &str, on_done: impl FnOnce(bool) + 'static) {
        on_done(false);
    }
    #[cfg(any(feature = "resident", feature = "scanner", feature = "practice"))]
    pub fn focus(_id: &str) {}
    #[cfg(feature = "resident")]
    pub fn on_arrow_keys(
        _on_key: impl FnMut(bool) + 'static,
    ) -> Option<gloo::events::EventListener> {
        None
    }
    #[cfg(feature = "resident")]
    pub fn location_hash() -> String {
        String::new()
    }
    #[cfg(feature = "resident")]
    pub fn on_hash_change(
        _handler: impl FnMut(String) + 'static,
    ) -> Option<gloo::events::EventListener> {
        None
    }
    #[cfg(feature = "resident")]
    pub fn focus_in_view(_focus_id: &str, _section_id: &str) {}
    #[cfg(any(feature = "resident", feature = "team"))]
    pub fn save_everything_offline(on_done: impl FnOnce(bool) + 'static) {
        on_done(false);
    }
    #[cfg(any(feature = "resident", feature = "practice"))]
    pub fn has_voice(_lang_prefix: &str) -> bool {
        false
    }
    #[cfg(any(feature = "resident", feature = "practice"))]
    pub fn on_voices_changed(
        _on_change: impl FnMut() + 'static,
    ) -> Option<gloo::events::EventListener> {
        None
    }
    #[cfg(any(feature = "resident", feature = "practice"))]
    pub fn speak(_text: &str, _lang_prefix: &str, _on_end: impl FnMut() + 'static) -> bool {
        false
    }
    #[cfg(any(feature = "resident", feature = "practice"))]
    pub fn stop_speaking() {}
    pub fn window_flag(_name: &str) -> bool {
        false
    }
    pub fn dispatch_window_event(_name: &str) {}
    pub fn on_window_event(
        _name: &'static str,
        _handler: impl FnMut() + 'static,
    ) -> Option<gloo::events::EventListener> {
        None
    }
    #[cfg(any(feature = "scanner", feature = "practice"))]
    pub fn on_page_restored(
        _handler: impl FnMut() + 'static,
    ) -> Option<gloo::events::EventListener> {
        None
    }
    pub fn is_online() -> bool {
        true
    }
    pub fn meta_content(_name: &str) -> Option<String> {
        None
    }
    #[cfg(any(feature = "resident", feature = "team"))]
    pub fn element_text(_id: &str) -> Option<String> {
        None
    }
}

pub use imp::*;
