//! The app shell: the root component provides the router, the shared state (`context`),
//! the guide catalogue and the help point, and mounts the page of the route in the layout.
//! It imports the pages; pages import `context`, never this module.

use yew::prelude::*;

use crate::components::layout::Layout;
use crate::context::AppContext;
use crate::pages;
use crate::route::{Route, RouterContext, use_router_state};
use crate::settings::Settings;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Location path and query at start-up (from the browser, or from the pre-renderer).
    pub path: String,
    pub query: String,
    pub settings: Settings,
    /// True while rendering static HTML at build time: pages then show everything
    /// a reader needs without JavaScript (a guide shows all its steps).
    pub prerendered: bool,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let router: RouterContext = use_router_state(Route::parse(&props.path, &props.query));
    let settings = use_state(|| props.settings);
    let set_settings = {
        let settings = settings.clone();
        Callback::from(move |next: Settings| {
            next.save();
            next.apply_to_document();
            settings.set(next);
        })
    };
    let context = AppContext {
        settings: *settings,
        set_settings,
        prerendered: props.prerendered,
    };
    let page = pages::view(&router.route);
    html! {
        <ContextProvider<RouterContext> context={router}>
            <ContextProvider<AppContext> {context}>
                <crate::content::GuidesProvider>
                    <crate::commune::CommuneProvider path={props.path.clone()} query={props.query.clone()}>
                        <Layout>{ page }</Layout>
                    </crate::commune::CommuneProvider>
                </crate::content::GuidesProvider>
            </ContextProvider<AppContext>>
        </ContextProvider<RouterContext>>
    }
}
