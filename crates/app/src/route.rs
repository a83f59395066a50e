//! The router: a tiny context over [`Route`] and the `<Link>` component.
//!
//! Routes are real paths with a trailing slash (`/g/kich-hoat-vneid/`), not
//! `#/` fragments: `cargo xtask dist` writes a pre-rendered `index.html` for
//! each one, so every link works on any static host without rewrite rules,
//! shows its text before the WASM arrives, and even works with JavaScript off.
//! Every page is declared once, in `sotay-routes` (address, bundle, pre-rendering,
//! title); `pages::view` mounts its screen.

use yew::prelude::*;

pub use sotay_routes::{Bundle, Page, Route, base_path, query_param};

use crate::browser;

/// Whether this build has the screens of `bundle` (its cargo feature is on).
pub fn is_built_in(bundle: Bundle) -> bool {
    match bundle {
        Bundle::Resident => cfg!(feature = "resident"),
        Bundle::Scanner => cfg!(feature = "scanner"),
        Bundle::Team => cfg!(feature = "team"),
        Bundle::Practice => cfg!(feature = "practice"),
    }
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
            if !is_built_in(next.bundle()) {
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
                || !is_built_in(to.bundle())
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
    fn every_bundle_is_a_cargo_feature_and_the_default_build_has_them_all() {
        let manifest = include_str!("../Cargo.toml");
        let features = &manifest[manifest.find("[features]").expect("a [features] table")..];
        for bundle in Bundle::ALL {
            assert!(
                features.contains(&format!("\n{} = ", bundle.name())),
                "crates/app/Cargo.toml has no feature `{}`",
                bundle.name()
            );
            assert!(is_built_in(bundle), "{bundle:?}");
        }
        // And the default build (every bundle) is exactly the declared ones.
        let default = features
            .lines()
            .find_map(|line| line.strip_prefix("default = "))
            .expect("a default feature list");
        let names: Vec<String> = Bundle::ALL
            .iter()
            .map(|bundle| format!("\"{}\"", bundle.name()))
            .collect();
        assert_eq!(default, format!("[{}]", names.join(", ")));
    }
}
