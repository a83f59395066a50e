//! The commune's help point that came with a poster's link (`?c=…`),
//! remembered on the device until another link or the poster builder
//! replaces it, and shared with every screen through [`use_commune`].
//!
//! The profile is decoded and strictly validated by `sotay-poster`; it is
//! only ever shown as text. A damaged link is ignored with a gentle notice.

use sotay_poster::{CommuneProfile, decode_profile, profile_code_in_query};
use yew::prelude::*;

use crate::app::use_app;
use crate::browser;
use crate::i18n::Pick;

/// Where the profile is kept on the device: its `?c=` code, so that loading
/// it goes through the same strict decoder as a link.
const STORAGE_KEY: &str = "sotay.commune";

/// What every screen can read and do with the commune profile.
#[derive(Clone, PartialEq)]
pub struct CommuneContext {
    pub profile: Option<CommuneProfile>,
    /// Replaces (Some, the profile's `?c=` code) or forgets (None) the profile
    /// on this device. Codes, not profiles: only the poster builder encodes,
    /// so a resident's bundle never carries the encoder.
    pub set_profile: Callback<Option<String>>,
}

#[hook]
pub fn use_commune() -> CommuneContext {
    use_context::<CommuneContext>().unwrap_or_else(|| CommuneContext {
        profile: None,
        set_profile: Callback::noop(),
    })
}

/// Where the profile comes from at start-up.
#[derive(Debug, PartialEq)]
enum Startup {
    /// A valid `?c=` in the link: shown and remembered (by its code).
    FromLink(CommuneProfile, String),
    /// A damaged `?c=`: ignored (the remembered one, if any, stays).
    BadLink(Option<CommuneProfile>),
    /// No `?c=`: the remembered one, if any.
    Remembered(Option<CommuneProfile>),
}

fn startup(query: &str, stored: Option<&str>) -> Startup {
    let remembered = || stored.and_then(|code| decode_profile(code).ok());
    match profile_code_in_query(query) {
        Some(code) => match decode_profile(code) {
            Ok(profile) => Startup::FromLink(profile, code.to_owned()),
            Err(_) => Startup::BadLink(remembered()),
        },
        None => Startup::Remembered(remembered()),
    }
}

/// Keeps a code that has just decoded (so it decodes again), or forgets.
fn remember(code: Option<&str>) {
    match code {
        Some(code) => browser::local_set(STORAGE_KEY, code),
        None => browser::local_remove(STORAGE_KEY),
    }
}

#[derive(Properties, PartialEq)]
pub struct CommuneProviderProps {
    /// The query string the app started with (`location.search`).
    pub query: String,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn CommuneProvider(props: &CommuneProviderProps) -> Html {
    let lang = use_app().lang();
    let profile = use_state(|| None::<CommuneProfile>);
    let bad_link = use_state(|| false);
    {
        // Storage is read after the first render: never during server-side rendering.
        let (profile, bad_link) = (profile.clone(), bad_link.clone());
        use_effect_with(props.query.clone(), move |query| {
            match startup(query, browser::local_get(STORAGE_KEY).as_deref()) {
                Startup::FromLink(from_link, code) => {
                    remember(Some(&code));
                    profile.set(Some(from_link));
                }
                Startup::BadLink(remembered) => {
                    bad_link.set(true);
                    profile.set(remembered);
                }
                Startup::Remembered(remembered) => profile.set(remembered),
            }
        });
    }
    let set_profile = {
        let profile = profile.clone();
        Callback::from(move |code: Option<String>| match code {
            Some(code) => {
                // Always a code the poster builder just made; never kept unless it decodes.
                if let Ok(next) = decode_profile(&code) {
                    remember(Some(&code));
                    profile.set(Some(next));
                }
            }
            None => {
                remember(None);
                profile.set(None);
            }
        })
    };
    let context = CommuneContext {
        profile: (*profile).clone(),
        set_profile,
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
                        <p>{ lang.pick(
                            "Đường dẫn có thông tin nơi hỗ trợ bị lỗi nên đã bỏ qua",
                            "The help point in this link was damaged, so it was ignored",
                        ) }</p>
                        <button type="button" class="secondary" onclick={dismiss}>
                            { lang.pick("Đóng thông báo", "Dismiss") }
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

    fn long_bien() -> CommuneProfile {
        let mut profile = CommuneProfile::new("Phường Long Biên");
        profile.help_point = Some("Công an phường Long Biên".into());
        profile
    }

    #[test]
    fn a_link_profile_replaces_the_remembered_one() {
        let stored = CommuneProfile::new("Xã Tân Phú").encode().unwrap();
        let code = long_bien().encode().unwrap();
        assert_eq!(
            startup(&format!("?c={code}"), Some(stored.as_str())),
            Startup::FromLink(long_bien(), code.as_str().to_owned())
        );
        assert_eq!(
            startup("", Some(stored.as_str())),
            Startup::Remembered(Some(CommuneProfile::new("Xã Tân Phú")))
        );
        assert_eq!(startup("?buoc=2", None), Startup::Remembered(None));
    }

    #[test]
    fn bad_links_and_bad_storage_are_ignored() {
        let stored = CommuneProfile::new("Xã Tân Phú").encode().unwrap();
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
            assert_eq!(
                startup(&query, Some(stored.as_str())),
                Startup::BadLink(Some(CommuneProfile::new("Xã Tân Phú"))),
                "{query}"
            );
        }
        assert_eq!(startup("", Some("<b>damaged")), Startup::Remembered(None));
    }
}
