//! “Lưu để dùng không cần mạng”: saves the whole app for offline use (the scanner and the
//! team's tools too; a resident's own pages are saved anyway after the first visit), and
//! says first how much it will download (from the build's `build.json`).

use yew::prelude::*;

use crate::browser;
use crate::context::use_app;
use crate::i18n::ui;
use crate::route::base_path;

/// The part of build.json this reads: one number, so the bundle carries neither generic JSON
/// values nor a map's deserializer (about 2 KB brotli).
#[derive(serde::Deserialize)]
struct BuildInfo {
    extra_bytes: u64,
}

/// Bytes the groups that are not saved by default cost (`extra_bytes` in build.json: the sum
/// of its `group_bytes`).
// Only the browser fetches build.json (nothing to say while pre-rendering).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn extra_bytes(build_json: &str) -> Option<u64> {
    let build: BuildInfo = serde_json::from_str(build_json).ok()?;
    Some(build.extra_bytes)
}

#[derive(Clone, Copy, PartialEq)]
enum Saving {
    Ready,
    Busy,
    Saved,
    Failed,
}

#[function_component]
pub fn SaveOffline() -> Html {
    let lang = use_app().lang();
    let size = use_state(|| None::<u64>);
    let saving = use_state(|| Saving::Ready);
    {
        let size = size.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            wasm_bindgen_futures::spawn_local(async move {
                let url = format!("{}build.json", base_path());
                if let Some(bytes) = browser::fetch_text(&url)
                    .await
                    .as_deref()
                    .and_then(extra_bytes)
                {
                    size.set(Some(bytes));
                }
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (size, base_path);
        });
    }
    let onclick = {
        let saving = saving.clone();
        Callback::from(move |_: MouseEvent| {
            saving.set(Saving::Busy);
            let saving = saving.clone();
            browser::save_everything_offline(move |saved| {
                saving.set(if saved { Saving::Saved } else { Saving::Failed })
            });
        })
    };
    let size_note =
        size.map(|bytes| ui::save_offline::downloads_about_kb(lang, bytes.div_ceil(1024)));
    html! {
        <section class="save-offline card" aria-labelledby="luu-ngoai-tuyen">
            <h2 id="luu-ngoai-tuyen">{ ui::save_offline::USE_WITHOUT_CONNECTION.get(lang) }</h2>
            <p>
                { ui::save_offline::GUIDES_WERE_SAVED.get(lang) }
                { size_note }
            </p>
            <button type="button" class="secondary" {onclick} disabled={*saving == Saving::Busy}>
                { ui::save_offline::SAVE_FOR_OFFLINE_USE.get(lang) }
            </button>
            <p class="save-offline-status" role="status">{ match *saving {
                Saving::Ready => "",
                Saving::Busy => ui::save_offline::SAVING.get(lang),
                Saving::Saved => ui::save_offline::SAVED_EVERY_PAGE_WORKS_WITHOUT.get(lang),
                Saving::Failed => ui::save_offline::COULD_NOT_SAVE_TURN.get(lang),
            } }</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extra_download_is_read_from_build_json() {
        assert_eq!(
            extra_bytes(r#"{"group_bytes":{"scanner":1000,"team":2048},"extra_bytes":3048}"#),
            Some(3048)
        );
        assert_eq!(extra_bytes("{}"), None);
        assert_eq!(extra_bytes("not json"), None);
    }
}
