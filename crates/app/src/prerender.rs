//! Build-time rendering of every page (feature `ssr`).

use serde::Serialize;

use crate::app::{App, AppProps};
use crate::i18n::Lang;
use crate::route::Route;

/// What `sotay-prerender` hands to `cargo xtask dist`.
#[derive(Serialize)]
pub struct Prerendered {
    pub pages: Vec<PrerenderedPage>,
    /// The whole guide catalog as JSON, published as one hashed file that the
    /// app fetches when a guide is opened in-app (see `content`).
    pub catalog: String,
}

#[derive(Serialize)]
pub struct PrerenderedPage {
    /// Folder under the base path (`g/kich-hoat-vneid/`, `` for home), or a file name (`404.html`).
    pub file: String,
    pub title: String,
    pub description: String,
    pub body: String,
    /// The WASM bundle this page loads (`resident`, `scanner` or `team`).
    pub bundle: &'static str,
    /// A guide page's own guide (Vietnamese) as JSON for its data block,
    /// with `<` escaped so it can never close the `<script>` element.
    pub data: Option<String>,
}

pub fn render_all() -> Prerendered {
    let empty = sotay_guides::Catalog::default();
    let catalog = crate::content::whole().unwrap_or(&empty);
    Prerendered {
        pages: render_pages(catalog),
        catalog: serde_json::to_string(catalog).unwrap_or_default(),
    }
}

fn render_pages(catalog: &sotay_guides::Catalog) -> Vec<PrerenderedPage> {
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
    for scenario in crate::practice::scenarios() {
        let route = Route::PracticeScenario {
            id: scenario.id.clone(),
        };
        let folder = format!("tap-thu/{}/", scenario.id);
        routes.push((route, folder));
    }
    routes.push((Route::NotFound, "404.html".to_string()));
    routes
        .into_iter()
        .map(|(route, file)| {
            let (title, description) = crate::pages::meta(&route);
            let bundle = route.bundle().name();
            let data = match &route {
                // Pre-rendered pages are Vietnamese; an English reader's guide comes with the catalog.
                Route::Guide { id, .. } => serde_json::to_string(&catalog.only(Lang::Vi, id))
                    .ok()
                    .map(|json| json.replace('<', "\\u003c")),
                _ => None,
            };
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
                bundle,
                data,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_services_page_lists_every_service_with_its_guides() {
        let rendered = render_all();
        let page = rendered
            .pages
            .iter()
            .find(|page| page.file == "dich-vu-cong/")
            .expect("the services page is pre-rendered");
        assert_eq!(page.bundle, "resident");
        let services = crate::content::services();
        assert!(services.services.len() >= 20);
        for service in &services.services {
            assert!(
                page.body
                    .contains(&format!("data-service=\"{}\"", service.id)),
                "{}",
                service.id
            );
            for guide in &service.guides {
                assert!(
                    page.body.contains(&format!("href=\"/g/{guide}/\"")),
                    "{guide}"
                );
            }
        }
        let home = rendered.pages.iter().find(|page| page.file.is_empty());
        assert!(
            home.is_some_and(|home| home.body.contains("href=\"/dich-vu-cong/\"")),
            "home links to the services page"
        );
    }

    #[test]
    fn every_page_names_its_bundle_and_guide_pages_carry_their_guide() {
        let rendered = render_all();
        let catalog: sotay_guides::Catalog =
            serde_json::from_str(&rendered.catalog).expect("the catalog is JSON");
        assert!(catalog.guides.len() >= 20);
        let practice = rendered
            .pages
            .iter()
            .filter(|page| page.bundle == "practice")
            .count();
        assert_eq!(practice, 1 + crate::practice::scenarios().len());
        for page in &rendered.pages {
            let expected = match page.file.as_str() {
                "quet/" => "scanner",
                "ap-phich/" | "to-cong-nghe/" | "ma-qr/" | "trinh-chieu/" => "team",
                file if file.starts_with("tap-thu/") => "practice",
                _ => "resident",
            };
            assert_eq!(page.bundle, expected, "{}", page.file);
            match page.file.strip_prefix("g/") {
                Some(folder) => {
                    let id = folder.trim_end_matches('/');
                    let data = page
                        .data
                        .as_deref()
                        .expect("a guide page carries its guide");
                    // Safe inside <script>: nothing can close the element.
                    assert!(!data.contains('<'), "{id}");
                    let carried: sotay_guides::Catalog =
                        serde_json::from_str(data).expect("the data block is JSON");
                    assert_eq!(carried.guides.len(), 1, "{id}");
                    assert_eq!(carried.guides[0], *catalog.get_exact(Lang::Vi, id).unwrap());
                    assert!(!carried.guides[0].steps.is_empty());
                }
                None => assert!(page.data.is_none(), "{}", page.file),
            }
        }
    }

    #[test]
    fn a_guide_page_is_a_step_player_of_links_before_the_app() {
        let rendered = render_all();
        let page = rendered
            .pages
            .iter()
            .find(|page| page.file == "g/kich-hoat-vneid/")
            .expect("the guide page");
        let total = crate::content::whole()
            .and_then(|catalog| catalog.get_exact(Lang::Vi, "kich-hoat-vneid"))
            .map(|guide| guide.steps.len())
            .unwrap_or_default();
        assert!(total >= 3);
        let body = &page.body;
        for n in 1..=total {
            assert!(
                body.contains(&format!("id=\"buoc-{n}\"")),
                "step {n} is a fragment"
            );
            assert!(
                body.contains(&format!("Bước {n}/{total}")),
                "step {n} says where it is"
            );
        }
        for target in ["#buoc-2", "#buoc-1", "#sau-khi-xong"] {
            assert!(
                body.contains(&format!("href=\"{target}\"")),
                "a link to {target}"
            );
        }
        // The stylesheet picks the step until the app runs: no step is hidden by the markup.
        assert!(body.contains("class=\"player\""));
        assert!(!body.contains("step-off"));
    }
}
