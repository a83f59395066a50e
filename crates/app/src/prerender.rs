//! Build-time rendering of every page (feature `ssr`).

use serde::Serialize;

use crate::app::{App, AppProps};
use crate::route::Route;

#[derive(Serialize)]
pub struct PrerenderedPage {
    /// Folder under the base path (`g/kich-hoat-vneid/`, `` for home), or a file name (`404.html`).
    pub file: String,
    pub title: String,
    pub description: String,
    pub body: String,
}

pub fn render_all() -> Vec<PrerenderedPage> {
    let mut routes: Vec<(Route, String)> = Route::static_routes()
        .into_iter()
        .map(|route| {
            let folder = route
                .path()
                .trim_start_matches(crate::route::base_path())
                .to_string();
            (route, folder)
        })
        .collect();
    for id in crate::content::guide_ids() {
        routes.push((
            Route::Guide {
                id: id.to_string(),
                step: None,
            },
            format!("g/{id}/"),
        ));
    }
    routes.push((Route::NotFound, "404.html".to_string()));
    routes
        .into_iter()
        .map(|(route, file)| {
            let (title, description) = crate::pages::meta(&route);
            let path = route.path();
            let body = futures::executor::block_on(
                yew::ServerRenderer::<App>::with_props(move || AppProps {
                    path,
                    query: String::new(),
                    settings: Default::default(),
                    prerendered: true,
                })
                .hydratable(false)
                .render(),
            );
            PrerenderedPage {
                file,
                title,
                description,
                body,
            }
        })
        .collect()
}
