//! Guide content, validated and embedded at build time by `build.rs`: reading
//! a guide never needs the network.

use std::sync::OnceLock;

use sotay_guides::{Catalog, Guide};

use crate::i18n::Lang;

static GUIDES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/guides.json"));

pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    // build.rs wrote this JSON from the same types, so it always parses; an
    // empty catalog is the safe answer should it ever not.
    CATALOG.get_or_init(|| {
        serde_json::from_str(GUIDES_JSON).unwrap_or_else(|_| Catalog::new(Vec::new()))
    })
}

/// A guide in the reader's language, falling back to Vietnamese.
pub fn guide(lang: Lang, id: &str) -> Option<&'static Guide> {
    catalog().get(lang, id)
}

/// Every guide id (each has a Vietnamese version).
#[cfg(feature = "ssr")]
pub fn guide_ids() -> Vec<&'static str> {
    let mut ids: Vec<&str> = catalog().ids().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}
