//! QR posters for Sổ tay Công dân số: deep links that carry a commune's
//! help point, QR codes, and printable posters, flyers, sticker sheets and
//! table tents as SVG.
//!
//! Used by the app's offline poster builder (compiled to WebAssembly) and by
//! `sotay poster` for bulk printing, so both make the same pages. No I/O,
//! no clock, no web dependencies.
//!
//! ```
//! use sotay_poster::{BaseUrl, CommuneProfile, HelpPlace, Layout, PosterSpec, guide_url, render_svg};
//!
//! let base = BaseUrl::parse("https://sotay.example.vn").unwrap();
//! let mut profile = CommuneProfile::new("Xã Tân Phú");
//! profile.places.push(HelpPlace::named("Công an xã Tân Phú"));
//! let code = profile.encode().unwrap();
//! let url = guide_url(&base, Some("kich-hoat-vneid"), Some(&code));
//! let svg = render_svg(&PosterSpec {
//!     layout: Layout::A4Poster,
//!     title: "Kích hoạt tài khoản định danh điện tử".into(),
//!     key_steps: vec!["Mở ứng dụng VNeID".into()],
//!     url,
//!     profile: Some(profile),
//!     caption_vi: None,
//! })
//! .unwrap();
//! assert!(svg.contains(r#"width="210mm""#));
//! ```

mod layout;
mod link;
mod phone;
mod profile;
mod qr;
mod text;
mod verified;

pub use layout::handout::{Handout, HandoutSpec, HandoutStep, render_handout};
pub use layout::{
    HOME_STEPS_VI, HOME_TITLE_VI, Layout, MIN_MODULE_MM, PosterError, PosterSpec, RenderedPage,
    SCAN_CAPTION_VI, STICKER_CAPTION_VI, poster_file_name, render, render_svg,
};
pub use link::{
    BaseUrl, Link, LinkError, display_link, guide_url, parse_link, profile_code_in_query,
    profile_from_query, slug, verified_guide_url,
};
pub use phone::phone_link;
pub use profile::{
    CommuneProfile, FieldSpot, HelpPlace, MAX_ENCODED_LEN, MAX_HELP_PLACES, PROFILE_FORMAT_VERSION,
    ProfileCode, ProfileError, ProfileField, decode_profile, encode_profile,
};
pub use qr::{
    EcLevel, QUIET_ZONE_MODULES, QrMatrix, QrTooLong, max_scan_distance_cm, min_print_size_mm,
    qr_matrix, qr_svg_path,
};
pub use sotay_date::Date;
pub use text::{wrap, xml_escape};
pub use verified::{
    MAX_COMMUNE_ID_LEN, VERIFIED_LIST_FILE, VerifiedError, VerifiedList, is_commune_id,
    verified_id_in_query,
};
