//! Guide content, validated at build time by `build.rs`.
//!
//! Every bundle embeds the *outline* of every guide (titles, summaries,
//! keywords: what lists, search and the questionnaire need; ~18 KB). A guide's
//! steps come from the page itself — each pre-rendered guide page carries its
//! Vietnamese guide in a `<script type="application/json">` data block — or from the whole
//! catalog, one file fetched the first time another guide is opened (the
//! service worker keeps it for offline use). Native builds (the pre-renderer,
//! tests) embed the whole catalog.

use std::sync::OnceLock;

use sotay_guides::Catalog;
#[cfg(any(feature = "resident", feature = "team"))]
use sotay_guides::Guide;
use yew::prelude::*;

#[cfg(any(feature = "resident", feature = "team"))]
use crate::i18n::Lang;

/// Id of the data block in a pre-rendered guide page (`cargo xtask dist` writes it).
#[cfg(any(feature = "resident", feature = "team"))]
use sotay_routes::PAGE_DATA_ID;
/// `<meta name=…>` holding the URL of the whole catalog.
#[cfg(target_arch = "wasm32")]
const CATALOG_META: &str = "sotay-guides";

#[cfg(any(feature = "resident", feature = "team", not(target_arch = "wasm32")))]
fn parse(json: &str) -> Catalog {
    // Written by build.rs / the pre-renderer from the same types; an empty
    // catalog is the safe answer should it ever not parse.
    serde_json::from_str(json).unwrap_or_default()
}

/// Titles, summaries and keywords of every guide in every language (no steps).
#[cfg(any(feature = "resident", feature = "team"))]
pub fn outline() -> &'static Catalog {
    static OUTLINE: OnceLock<Catalog> = OnceLock::new();
    OUTLINE.get_or_init(|| parse(include_str!(concat!(env!("OUT_DIR"), "/outline.json"))))
}

/// The essential public services by life event (`assets/services.toml`, each with its official
/// link resolved at build time; about 6 KB; in the resident bundle, and the team's for its tally).
#[cfg(any(feature = "resident", feature = "team"))]
pub fn services() -> &'static sotay_guides::Services {
    static SERVICES: OnceLock<sotay_guides::Services> = OnceLock::new();
    SERVICES.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/services.json")))
            .unwrap_or_default()
    })
}

/// A guide's outline in the reader's language, falling back to Vietnamese.
#[cfg(any(feature = "resident", feature = "team"))]
pub fn entry(lang: Lang, id: &str) -> Option<&'static Guide> {
    outline().get(lang, id)
}

/// The whole catalog, once it is here.
#[cfg(not(target_arch = "wasm32"))]
pub fn whole() -> Option<&'static Catalog> {
    static WHOLE: OnceLock<Catalog> = OnceLock::new();
    Some(WHOLE.get_or_init(|| parse(include_str!(concat!(env!("OUT_DIR"), "/guides.json")))))
}

#[cfg(target_arch = "wasm32")]
static WHOLE: OnceLock<Catalog> = OnceLock::new();

/// The whole catalog, once it is here.
#[cfg(target_arch = "wasm32")]
pub fn whole() -> Option<&'static Catalog> {
    WHOLE.get()
}

/// The guides this page came with (its data block), if any.
#[cfg(any(feature = "resident", feature = "team"))]
fn on_this_page() -> &'static Catalog {
    static PAGE: OnceLock<Catalog> = OnceLock::new();
    PAGE.get_or_init(|| {
        crate::browser::element_text(PAGE_DATA_ID)
            .map(|json| parse(&json))
            .unwrap_or_default()
    })
}

/// A whole guide (with its steps) in the reader's language, falling back to
/// Vietnamese; None when it does not exist or its text has not arrived yet
/// (see [`use_guides`]).
#[cfg(any(feature = "resident", feature = "team"))]
pub fn guide(lang: Lang, id: &str) -> Option<&'static Guide> {
    if let Some(catalog) = whole() {
        return catalog.get(lang, id);
    }
    // The page carries one language; it answers only if that is the version
    // this reader sees (the same fallback as `Catalog::get`).
    let shown = entry(lang, id)?.lang;
    on_this_page().get_exact(shown, id)
}

/// Every guide id (each has a Vietnamese version).
#[cfg(feature = "ssr")]
pub fn guide_ids() -> Vec<&'static str> {
    let mut ids: Vec<&str> = outline().ids().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Whether the whole catalog is here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogState {
    /// Not asked for yet.
    Idle,
    Loading,
    Ready,
    /// The fetch failed (offline before the app was ever saved for offline use).
    Failed,
}

#[derive(Clone, PartialEq)]
pub struct GuidesContext {
    pub state: CatalogState,
    /// Starts fetching the whole catalog unless it is here or on its way.
    pub load: Callback<()>,
}

impl CatalogState {
    fn at_start() -> CatalogState {
        if whole().is_some() {
            CatalogState::Ready
        } else {
            CatalogState::Idle
        }
    }
}

#[hook]
pub fn use_guides() -> GuidesContext {
    use_context::<GuidesContext>().unwrap_or_else(|| GuidesContext {
        state: CatalogState::at_start(),
        load: Callback::noop(),
    })
}

/// The catalog's state, asking for the whole catalog once `needed` is true.
#[hook]
pub fn use_whole_catalog(needed: bool) -> GuidesContext {
    let guides = use_guides();
    let load = guides.load.clone();
    use_effect_with(needed, move |needed| {
        if *needed {
            load.emit(());
        }
    });
    guides
}

#[derive(Properties, PartialEq)]
pub struct GuidesProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Owns the one fetch of the whole catalog and tells every screen when it lands.
#[function_component]
pub fn GuidesProvider(props: &GuidesProviderProps) -> Html {
    let state = use_state(CatalogState::at_start);
    let load = {
        let state = state.clone();
        Callback::from(move |()| {
            if matches!(*state, CatalogState::Loading | CatalogState::Ready) {
                return;
            }
            state.set(CatalogState::Loading);
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                state.set(if fetch_whole().await {
                    CatalogState::Ready
                } else {
                    CatalogState::Failed
                });
            });
        })
    };
    let context = GuidesContext {
        state: *state,
        load,
    };
    html! {
        <ContextProvider<GuidesContext> {context}>{ props.children.clone() }</ContextProvider<GuidesContext>>
    }
}

/// Fetches and keeps the whole catalog; true when it is here. (Native builds
/// embed it, so this is only ever a fetch in the browser.)
async fn fetch_whole() -> bool {
    #[cfg(target_arch = "wasm32")]
    if WHOLE.get().is_none() {
        let url = crate::browser::meta_content(CATALOG_META);
        let json = match url {
            Some(url) => crate::browser::fetch_text(&url).await,
            None => None,
        };
        if let Some(catalog) = json.and_then(|json| serde_json::from_str::<Catalog>(&json).ok()) {
            let _ = WHOLE.set(catalog);
        }
    }
    whole().is_some()
}
