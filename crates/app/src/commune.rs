//! The commune's help points a resident sees (up to four places: công an xã,
//! the public-administration service centre, the post office…), and where
//! they came from. Other screens read the places with [`HelpPoint::places`].
//!
//! Anyone can print a poster, so a help point is one of three kinds:
//!
//! - **Verified**: `?x=<id>` looked up in the deployer's own list
//!   (`communes.txt`, built by `cargo xtask dist` from `SOTAY_COMMUNES`),
//!   shown as "Thông tin của <deployer>" and remembered on the device.
//! - **From the link**: a `?c=` profile, shown only on the page that link
//!   opened, marked "Thông tin in trên áp phích — hãy kiểm tra", and kept
//!   only when the resident taps "Lưu nơi hỗ trợ này".
//! - **Saved**: a `?c=` profile the resident (or a volunteer, in the poster
//!   builder) chose to keep: still marked as unchecked, removable in one tap.
//!
//! Rules for the unchecked kinds ([`HelpPoint::is_verified`] is false): no
//! tap-to-call number (of any place) on the scam guide
//! ([`HelpPoint::phone_shown_on`]), and no phone on a guide's first screen
//! ([`HelpPoint::first_screen_phone`]).
//! Every value is decoded and validated by `sotay-poster` and shown as text.

use sotay_poster::{
    CommuneProfile, VERIFIED_LIST_FILE, VerifiedList, decode_profile, profile_code_in_query,
    verified_id_in_query,
};
use yew::prelude::*;

use crate::browser;
use crate::context::use_app;
use crate::i18n::ui;
use crate::route::Route;

/// Where the kept help point is stored: `x:<id>` for a verified one, else its
/// `?c=` code (so loading it goes through the same strict decoder as a link).
const STORAGE_KEY: &str = "sotay.help-point";
/// Before the provenance rules every link was kept here without asking:
/// such a help point is forgotten, never shown as if the resident had saved it.
const UNASKED_STORAGE_KEY: &str = "sotay.commune";
const VERIFIED_PREFIX: &str = "x:";

/// The guide about scammers posing as the police: never a number from an
/// unchecked link to call there.
#[cfg(any(feature = "resident", feature = "team"))]
pub const SCAM_GUIDE_ID: &str = "lua-dao-gia-danh-cong-an";

/// Where a help point came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Provenance {
    /// On the deployer's list under `id`.
    Verified { id: String, deployer: String },
    /// In the link of the page that opened (`?c=`), on this page only.
    FromLink,
    /// Kept by the person on this device; not checked by anyone.
    Saved,
}

/// A commune's help places and where they came from.
#[derive(Clone, Debug, PartialEq)]
pub struct HelpPoint {
    pub profile: CommuneProfile,
    pub provenance: Provenance,
}

impl HelpPoint {
    /// Every help place, the main one first (none when the link named only
    /// the commune). Screens that show a place's phone ask
    /// [`HelpPoint::phone_shown_on`] first.
    #[cfg(feature = "resident")]
    pub fn places(&self) -> &[sotay_poster::HelpPlace] {
        &self.profile.places
    }

    /// What a guide's first screen names: the main place, or the commune.
    #[cfg(feature = "resident")]
    pub fn first_screen_title(&self) -> &str {
        self.places()
            .first()
            .map_or(&self.profile.commune, |place| {
                place.title(&self.profile.commune)
            })
    }

    /// Checked by the deployer (the guide page asks this before showing a
    /// phone number on its first screen).
    #[cfg(any(feature = "resident", feature = "team"))]
    pub fn is_verified(&self) -> bool {
        matches!(self.provenance, Provenance::Verified { .. })
    }

    /// The phone number a guide may show on its first screen: only a
    /// verified one, of the main place.
    #[cfg(feature = "resident")]
    pub fn first_screen_phone(&self) -> Option<&str> {
        self.places()
            .first()
            .and_then(|place| place.phone.as_deref())
            .filter(|_| self.is_verified())
    }

    /// Whether the phone numbers (and the Zalo) may be shown (and called) on
    /// `route`: unchecked ones never on the scam guide.
    #[cfg(any(feature = "resident", feature = "team"))]
    pub fn phone_shown_on(&self, route: &Route) -> bool {
        self.is_verified() || !is_scam_guide(route)
    }
}

#[cfg(any(feature = "resident", feature = "team"))]
fn is_scam_guide(route: &Route) -> bool {
    matches!(route, Route::Guide { id, .. } if id == SCAM_GUIDE_ID)
}

/// Whether two routes are the same page (a guide's steps are one page).
fn same_page(a: &Route, b: &Route) -> bool {
    match (a, b) {
        (Route::Guide { id: a, .. }, Route::Guide { id: b, .. }) => a == b,
        _ => a == b,
    }
}

/// What every screen can read and do with the help point.
#[derive(Clone, PartialEq)]
pub struct CommuneContext {
    /// The help point this page shows: a link's own only on the page it opened.
    pub help: Option<HelpPoint>,
    /// Its profile (for the poster builder's form and the hand-off QR).
    pub profile: Option<CommuneProfile>,
    /// Keeps (Some, a `?c=` code, as an unchecked help point the person chose)
    /// or forgets (None) the help point on this device. Codes, not profiles:
    /// only the poster builder encodes, so a resident's bundle has no encoder.
    pub set_profile: Callback<Option<String>>,
    /// "Lưu nơi hỗ trợ này": keeps the link's help point.
    pub save_from_link: Callback<()>,
}

#[hook]
pub fn use_commune() -> CommuneContext {
    use_context::<CommuneContext>().unwrap_or_else(|| CommuneContext {
        help: None,
        profile: None,
        set_profile: Callback::noop(),
        save_from_link: Callback::noop(),
    })
}

/// What the address and the device say at start-up.
#[derive(Debug, PartialEq)]
enum Startup {
    /// `?x=<id>`: look it up in the deployer's list.
    VerifiedLink(String),
    /// A valid `?c=`: shown on this page, not kept.
    FromLink(CommuneProfile, String),
    /// A damaged `?c=`: ignored.
    BadLink,
    /// No help point in the link.
    Nothing,
}

/// What is kept on the device.
#[derive(Debug, PartialEq)]
enum Kept {
    Verified(String),
    Saved(CommuneProfile),
    Nothing,
}

fn startup(query: &str) -> Startup {
    if let Some(id) = verified_id_in_query(query) {
        return Startup::VerifiedLink(id.to_owned());
    }
    match profile_code_in_query(query) {
        Some(code) => match decode_profile(code) {
            Ok(profile) => Startup::FromLink(profile, code.to_owned()),
            Err(_) => Startup::BadLink,
        },
        None => Startup::Nothing,
    }
}

fn kept(stored: Option<&str>) -> Kept {
    match stored {
        Some(value) => match value.strip_prefix(VERIFIED_PREFIX) {
            Some(id) => Kept::Verified(id.to_owned()),
            None => decode_profile(value).map_or(Kept::Nothing, Kept::Saved),
        },
        None => Kept::Nothing,
    }
}

/// The deployer's list, fetched once; None when the site has none or it
/// cannot be read (offline before the app was saved).
async fn verified_list() -> Option<VerifiedList> {
    #[cfg(target_arch = "wasm32")]
    {
        let url = format!("{}{VERIFIED_LIST_FILE}", crate::route::base_path());
        let text = browser::fetch_text(&url).await?;
        VerifiedList::from_text(&text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = VERIFIED_LIST_FILE;
        None
    }
}

fn verified(list: &VerifiedList, id: &str) -> Option<HelpPoint> {
    Some(HelpPoint {
        profile: list.profile(id)?,
        provenance: Provenance::Verified {
            id: id.to_owned(),
            deployer: list.deployer.clone(),
        },
    })
}

#[derive(Properties, PartialEq)]
pub struct CommuneProviderProps {
    /// The path and query the app started with (`location`).
    pub path: String,
    pub query: String,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn CommuneProvider(props: &CommuneProviderProps) -> Html {
    let lang = use_app().lang();
    let route = crate::route::use_router().route;
    // The link's own help point and the page it belongs to.
    let from_link = use_state(|| None::<(HelpPoint, Route, String)>);
    let kept_point = use_state(|| None::<HelpPoint>);
    let bad_link = use_state(|| false);
    {
        // Storage is read after the first render: never during server-side rendering.
        let (from_link, kept_point, bad_link) =
            (from_link.clone(), kept_point.clone(), bad_link.clone());
        use_effect_with(
            (props.path.clone(), props.query.clone()),
            move |(path, query)| {
                browser::local_remove(UNASKED_STORAGE_KEY);
                let start = startup(query);
                let opened = Route::parse(path, query);
                let kept_now = kept(browser::local_get(STORAGE_KEY).as_deref());
                if let Kept::Saved(profile) = &kept_now {
                    kept_point.set(Some(HelpPoint {
                        profile: profile.clone(),
                        provenance: Provenance::Saved,
                    }));
                }
                let wanted = match (&start, &kept_now) {
                    (Startup::VerifiedLink(id), _) => Some((id.clone(), true)),
                    (_, Kept::Verified(id)) => Some((id.clone(), false)),
                    _ => None,
                };
                match start {
                    Startup::FromLink(profile, code) => {
                        let help = HelpPoint {
                            profile,
                            provenance: Provenance::FromLink,
                        };
                        from_link.set(Some((help, opened, code)));
                    }
                    Startup::BadLink => bad_link.set(true),
                    Startup::Nothing | Startup::VerifiedLink(_) => {}
                }
                if let Some((id, from_this_link)) = wanted {
                    wasm_bindgen_futures::spawn_local(async move {
                        let found = verified_list().await.and_then(|list| verified(&list, &id));
                        match found {
                            Some(help) => {
                                // Verified: kept without asking.
                                browser::local_set(STORAGE_KEY, &format!("{VERIFIED_PREFIX}{id}"));
                                kept_point.set(Some(help));
                            }
                            // An id the list does not have (any more): the link is
                            // ignored gently; a kept one stays kept for when the
                            // list can be read again.
                            None if from_this_link => bad_link.set(true),
                            None => {}
                        }
                    });
                }
            },
        );
    }
    let set_profile = {
        let kept_point = kept_point.clone();
        Callback::from(move |code: Option<String>| match code {
            Some(code) => {
                // Always a code that was just made or read; never kept unless it decodes.
                if let Ok(profile) = decode_profile(&code) {
                    browser::local_set(STORAGE_KEY, &code);
                    kept_point.set(Some(HelpPoint {
                        profile,
                        provenance: Provenance::Saved,
                    }));
                }
            }
            None => {
                browser::local_remove(STORAGE_KEY);
                kept_point.set(None);
            }
        })
    };
    let save_from_link = {
        let (from_link, set_profile) = (from_link.clone(), set_profile.clone());
        Callback::from(move |()| {
            if let Some((_, _, code)) = &*from_link {
                set_profile.emit(Some(code.clone()));
                from_link.set(None);
            }
        })
    };
    let help = match &*from_link {
        Some((help, opened, _)) if same_page(opened, &route) => Some(help.clone()),
        _ => (*kept_point).clone(),
    };
    let context = CommuneContext {
        profile: help.as_ref().map(|help| help.profile.clone()),
        help,
        set_profile,
        save_from_link,
    };
    let dismiss = {
        let bad_link = bad_link.clone();
        Callback::from(move |_: MouseEvent| bad_link.set(false))
    };
    html! {
        <ContextProvider<CommuneContext> {context}>
            <div class="commune-notice no-print" role="status" aria-live="polite">
                if *bad_link {
                    <div class="banner warning commune-link-error">
                        <p>{ ui::commune_help::BAD_LINK.get(lang) }</p>
                        <button type="button" class="secondary" onclick={dismiss}>
                            { ui::commune_help::DISMISS.get(lang) }
                        </button>
                    </div>
                }
            </div>
            { props.children.clone() }
        </ContextProvider<CommuneContext>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sotay_poster::HelpPlace;

    fn long_bien() -> CommuneProfile {
        let mut profile = CommuneProfile::new("Phường Long Biên");
        profile.places = vec![
            HelpPlace {
                phone: Some("024 3872 1234".into()),
                ..HelpPlace::named("Công an phường Long Biên")
            },
            HelpPlace {
                phone: Some("024 3872 5555".into()),
                ..HelpPlace::named("Bưu điện phường Long Biên")
            },
        ];
        profile
    }

    /// A version 1 code printed before several places existed.
    const PRINTED_V1: &str = "AQkKB1TDom4gUGjDugsDBlTDom4gUGjDugwwOTEyIDM0NSA2Nzg";

    #[test]
    fn a_link_profile_is_for_its_page_and_verified_ids_are_looked_up() {
        let code = long_bien().encode().unwrap();
        assert_eq!(
            startup(&format!("?c={code}")),
            Startup::FromLink(long_bien(), code.as_str().to_owned())
        );
        assert_eq!(
            startup("?buoc=2&x=tan-phu"),
            Startup::VerifiedLink("tan-phu".into())
        );
        assert_eq!(startup("?buoc=2"), Startup::Nothing);
        assert_eq!(kept(Some("x:tan-phu")), Kept::Verified("tan-phu".into()));
        assert_eq!(kept(Some(code.as_str())), Kept::Saved(long_bien()));
        assert_eq!(kept(None), Kept::Nothing);
        // A poster printed before version 2 still opens with its one place.
        let Startup::FromLink(old, _) = startup(&format!("?c={PRINTED_V1}")) else {
            panic!("a printed version 1 code is read");
        };
        let help = HelpPoint {
            profile: old,
            provenance: Provenance::FromLink,
        };
        assert_eq!(help.places().len(), 1);
        assert_eq!(help.first_screen_title(), "Công an xã Tân Phú");
    }

    #[test]
    fn bad_links_and_bad_storage_are_ignored() {
        let code = long_bien().encode().unwrap();
        let truncated = &code.as_str()[..code.as_str().len() - 5];
        let oversized = "A".repeat(5000);
        for query in [
            format!("?c={truncated}"),
            format!("?c={oversized}"),
            "?c=%3Cscript%3Ealert(1)%3C/script%3E".to_owned(),
            "?c=<script>alert(1)</script>".to_owned(),
            "?c=".to_owned(),
        ] {
            assert_eq!(startup(&query), Startup::BadLink, "{query}");
        }
        assert_eq!(kept(Some("<b>damaged")), Kept::Nothing);
    }

    #[test]
    fn unchecked_phones_stay_off_first_screens_and_the_scam_guide() {
        let scam = Route::Guide {
            id: SCAM_GUIDE_ID.into(),
            step: None,
        };
        let other = Route::Guide {
            id: "kich-hoat-vneid".into(),
            step: Some(2),
        };
        for provenance in [Provenance::FromLink, Provenance::Saved] {
            let help = HelpPoint {
                profile: long_bien(),
                provenance,
            };
            assert!(!help.is_verified());
            assert_eq!(help.first_screen_phone(), None);
            assert!(!help.phone_shown_on(&scam));
            assert!(help.phone_shown_on(&other));
        }
        let verified = HelpPoint {
            profile: long_bien(),
            provenance: Provenance::Verified {
                id: "long-bien".into(),
                deployer: "UBND".into(),
            },
        };
        assert_eq!(verified.first_screen_phone(), Some("024 3872 1234"));
        assert_eq!(verified.places().len(), 2);
        assert_eq!(verified.first_screen_title(), "Công an phường Long Biên");
        assert!(verified.phone_shown_on(&scam));
        assert!(same_page(
            &other,
            &Route::Guide {
                id: "kich-hoat-vneid".into(),
                step: None
            }
        ));
        assert!(!same_page(&other, &scam));
    }
}
