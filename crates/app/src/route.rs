//! Path routes, a tiny router context and the `<Link>` component.
//!
//! Routes are real paths with a trailing slash (`/g/kich-hoat-vneid/`), not
//! `#/` fragments: `cargo xtask dist` writes a pre-rendered `index.html` for
//! each one, so every link works on any static host without rewrite rules,
//! shows its text before the WASM arrives, and even works with JavaScript off.

use yew::prelude::*;

use crate::browser;

/// Where the site lives on its host, e.g. `/` or `/sotay/` (from `SOTAY_BASE_PATH` at build time).
pub fn base_path() -> &'static str {
    option_env!("SOTAY_BASE_PATH").unwrap_or("/")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Guides,
    Guide {
        id: String,
        step: Option<usize>,
    },
    Questionnaire,
    /// Dịch vụ công thiết yếu: the essential services by life event, each with its guide.
    Services,
    Scan,
    Poster {
        guide: Option<String>,
    },
    Team,
    /// A full-screen QR code of a guide's link (or the app's, without a guide)
    /// for a resident to scan from a volunteer's screen.
    Handoff {
        guide: Option<String>,
    },
    /// Màn hình trình chiếu: the slideshow for the screen at the one-stop desk.
    Hall,
    About,
    /// Tập thử: the practice scenarios.
    Practice,
    /// One practice scenario on the practice phone.
    PracticeScenario {
        id: String,
    },
    NotFound,
}

/// The WASM bundles the app ships as (cargo features of this crate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// What residents open from a poster: home, guides, questionnaire, about.
    Resident,
    /// Quét CCCD.
    Scanner,
    /// The digital team's toolkit: poster builder, team tools, hand-off QR.
    Team,
    /// Tập thử: the practice phone and its scenarios.
    Practice,
}

impl Bundle {
    /// Whether this build has the screens of `self`.
    pub fn is_built_in(self) -> bool {
        match self {
            Bundle::Resident => cfg!(feature = "resident"),
            Bundle::Scanner => cfg!(feature = "scanner"),
            Bundle::Team => cfg!(feature = "team"),
            Bundle::Practice => cfg!(feature = "practice"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Bundle::Resident => "resident",
            Bundle::Scanner => "scanner",
            Bundle::Team => "team",
            Bundle::Practice => "practice",
        }
    }
}

impl Route {
    /// Reads a route from a location's path and query (`?buoc=3` picks a guide step).
    pub fn parse(path: &str, query: &str) -> Route {
        let base = base_path();
        let Some(rest) = path.strip_prefix(base.trim_end_matches('/')) else {
            return Route::NotFound;
        };
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["huong-dan"] => Route::Guides,
            ["g", id] if is_valid_id(id) => Route::Guide {
                id: (*id).to_string(),
                step: query_param(query, "buoc")
                    .and_then(|s| s.parse::<usize>().ok())
                    .filter(|n| *n >= 1),
            },
            ["can-lam-gi"] => Route::Questionnaire,
            ["dich-vu-cong"] => Route::Services,
            ["quet"] => Route::Scan,
            ["ap-phich"] => Route::Poster {
                guide: query_param(query, "g").filter(|id| is_valid_id(id)),
            },
            ["to-cong-nghe"] => Route::Team,
            ["ma-qr"] => Route::Handoff {
                guide: query_param(query, "g").filter(|id| is_valid_id(id)),
            },
            ["trinh-chieu"] => Route::Hall,
            ["gioi-thieu"] => Route::About,
            ["tap-thu"] => Route::Practice,
            ["tap-thu", id] if is_valid_id(id) => Route::PracticeScenario {
                id: (*id).to_string(),
            },
            _ => Route::NotFound,
        }
    }

    /// The path of this route under the base path, always with a trailing slash.
    pub fn path(&self) -> String {
        let base = base_path();
        match self {
            Route::Home => base.to_string(),
            Route::Guides => format!("{base}huong-dan/"),
            Route::Guide { id, step: None } => format!("{base}g/{id}/"),
            Route::Guide { id, step: Some(n) } => format!("{base}g/{id}/?buoc={n}"),
            Route::Questionnaire => format!("{base}can-lam-gi/"),
            Route::Services => format!("{base}dich-vu-cong/"),
            Route::Scan => format!("{base}quet/"),
            Route::Poster { guide: None } => format!("{base}ap-phich/"),
            Route::Poster { guide: Some(id) } => format!("{base}ap-phich/?g={id}"),
            Route::Team => format!("{base}to-cong-nghe/"),
            Route::Handoff { guide: None } => format!("{base}ma-qr/"),
            Route::Handoff { guide: Some(id) } => format!("{base}ma-qr/?g={id}"),
            Route::Hall => format!("{base}trinh-chieu/"),
            Route::About => format!("{base}gioi-thieu/"),
            Route::Practice => format!("{base}tap-thu/"),
            Route::PracticeScenario { id } => format!("{base}tap-thu/{id}/"),
            Route::NotFound => format!("{base}404"),
        }
    }

    /// Routes without parameters, each pre-rendered to its own `index.html`.
    pub fn static_routes() -> Vec<Route> {
        vec![
            Route::Home,
            Route::Guides,
            Route::Questionnaire,
            Route::Services,
            Route::Scan,
            Route::Poster { guide: None },
            Route::Team,
            Route::Handoff { guide: None },
            Route::Hall,
            Route::About,
            Route::Practice,
        ]
    }

    /// Which bundle has this route's screen.
    pub fn bundle(&self) -> Bundle {
        match self {
            Route::Scan => Bundle::Scanner,
            Route::Poster { .. } | Route::Team | Route::Handoff { .. } | Route::Hall => {
                Bundle::Team
            }
            Route::Practice | Route::PracticeScenario { .. } => Bundle::Practice,
            Route::Home
            | Route::Guides
            | Route::Guide { .. }
            | Route::Questionnaire
            | Route::Services
            | Route::About
            | Route::NotFound => Bundle::Resident,
        }
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The value of `name` in a `?a=b&c=d` query, percent-decoded.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| percent_decode(value))
}

fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What every page can read and do with the current location.
#[derive(Clone, PartialEq)]
pub struct RouterContext {
    pub route: Route,
    pub navigate: Callback<Route>,
}

#[hook]
pub fn use_router() -> RouterContext {
    use_context::<RouterContext>().unwrap_or_else(|| RouterContext {
        route: Route::Home,
        navigate: Callback::noop(),
    })
}

/// Keeps the route in step with the address bar: pushes on navigate, follows Back/Forward.
#[hook]
pub fn use_router_state(initial: Route) -> RouterContext {
    let route = use_state(|| initial);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                    let (path, query) = browser::current_path_and_query();
                    route.set(Route::parse(&path, &query));
                });
            move || drop(listener)
        });
    }
    let navigate = {
        let route = route.clone();
        Callback::from(move |next: Route| {
            // The other bundle's screens are a normal page load (their own pre-rendered page).
            if !next.bundle().is_built_in() {
                browser::load_page(&next.path());
                return;
            }
            browser::push_history(&next.path());
            browser::scroll_to_top();
            route.set(next);
        })
    };
    RouterContext {
        route: (*route).clone(),
        navigate,
    }
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// An ordinary `<a href>` (so it works before the WASM runs and opens in a new tab)
/// that navigates inside the app on a plain click.
#[function_component]
pub fn Link(props: &LinkProps) -> Html {
    let router = use_router();
    let onclick = {
        let to = props.to.clone();
        let navigate = router.navigate.clone();
        Callback::from(move |event: MouseEvent| {
            if event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.button() != 0
                || !to.bundle().is_built_in()
            {
                return;
            }
            event.prevent_default();
            navigate.emit(to.clone());
        })
    };
    let current = (router.route == props.to).then_some("page");
    html! {
        <a href={props.to.path()} class={props.class.clone()} {onclick} aria-current={current}>
            { props.children.clone() }
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residents_screens_are_in_the_resident_bundle() {
        for route in [
            Route::Home,
            Route::Guides,
            Route::Guide {
                id: "kich-hoat-vneid".into(),
                step: Some(2),
            },
            Route::Questionnaire,
            Route::Services,
            Route::About,
            Route::NotFound,
        ] {
            assert_eq!(route.bundle(), Bundle::Resident, "{route:?}");
        }
        assert_eq!(Route::Scan.bundle(), Bundle::Scanner);
        for route in [
            Route::Poster { guide: None },
            Route::Team,
            Route::Handoff { guide: None },
            Route::Hall,
        ] {
            assert_eq!(route.bundle(), Bundle::Team, "{route:?}");
        }
        for route in [
            Route::Practice,
            Route::PracticeScenario {
                id: "kich-hoat-vneid".into(),
            },
        ] {
            assert_eq!(route.bundle(), Bundle::Practice, "{route:?}");
        }
        // The default (native, test) build has them all.
        assert!(
            [
                Bundle::Resident,
                Bundle::Scanner,
                Bundle::Team,
                Bundle::Practice
            ]
            .iter()
            .all(|bundle| bundle.is_built_in())
        );
    }

    #[test]
    fn paths_round_trip() {
        let routes = [
            Route::Home,
            Route::Guides,
            Route::Guide {
                id: "kich-hoat-vneid".into(),
                step: None,
            },
            Route::Guide {
                id: "kich-hoat-vneid".into(),
                step: Some(3),
            },
            Route::Questionnaire,
            Route::Services,
            Route::Scan,
            Route::Poster { guide: None },
            Route::Poster {
                guide: Some("dang-ky-tam-tru".into()),
            },
            Route::Team,
            Route::Handoff { guide: None },
            Route::Handoff {
                guide: Some("kich-hoat-vneid".into()),
            },
            Route::Hall,
            Route::About,
            Route::Practice,
            Route::PracticeScenario {
                id: "kich-hoat-vneid".into(),
            },
        ];
        for route in routes {
            let path = route.path();
            let (p, q) = path
                .split_once('?')
                .map_or((path.as_str(), ""), |(p, q)| (p, q));
            assert_eq!(Route::parse(p, q), route, "{path}");
        }
    }

    #[test]
    fn odd_paths_are_not_found_or_tolerated() {
        assert_eq!(
            Route::parse("/g/kich-hoat-vneid", ""),
            Route::Guide {
                id: "kich-hoat-vneid".into(),
                step: None
            }
        );
        assert_eq!(Route::parse("/g/<script>/", ""), Route::NotFound);
        assert_eq!(Route::parse("/khong-co/", ""), Route::NotFound);
        assert_eq!(
            Route::parse("/g/a/", "?buoc=0"),
            Route::Guide {
                id: "a".into(),
                step: None
            }
        );
        assert_eq!(
            Route::parse("/g/a/", "?buoc=abc"),
            Route::Guide {
                id: "a".into(),
                step: None
            }
        );
    }

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(
            query_param("?c=abc&x=%E1%BA%A1+b", "x").as_deref(),
            Some("ạ b")
        );
        assert_eq!(query_param("?x=%E1%", "x").as_deref(), Some("\u{fffd}%"));
        assert_eq!(query_param("", "x"), None);
    }
}
