//! Build-time rendering of every page (feature `ssr`): for each page of the declaration
//! (`sotay_routes::Page`), the files its `Prerender` names.

use sotay_routes::{Page, Prerender};
pub use sotay_routes::{Prerendered, PrerenderedPage};

use crate::app::{App, AppProps};
use crate::i18n::Lang;
use crate::route::Route;

pub fn render_all() -> Prerendered {
    let empty = sotay_guides::Catalog::default();
    let catalog = crate::content::whole().unwrap_or(&empty);
    Prerendered {
        pages: render_pages(catalog),
        catalog: serde_json::to_string(catalog).unwrap_or_default(),
    }
}

/// Every route that gets its own file, with the file's name under the base path.
fn prerendered_routes() -> Vec<(Route, String)> {
    let mut routes = Vec::new();
    for page in Page::ALL.iter().copied() {
        let ids: Vec<String> = match page.prerender() {
            Prerender::Once => {
                routes.extend(page.route().map(|route| {
                    let folder = route.path_under("");
                    (route, folder)
                }));
                continue;
            }
            Prerender::NotFoundFile => {
                routes.push((Route::NotFound, PrerenderedPage::NOT_FOUND_FILE.to_string()));
                continue;
            }
            Prerender::EachGuide => crate::content::guide_ids()
                .into_iter()
                .map(str::to_string)
                .collect(),
            Prerender::EachScenario => crate::practice::scenarios()
                .iter()
                .map(|scenario| scenario.id.clone())
                .collect(),
        };
        for id in ids {
            if let Some(route) = Route::of(page, Some(&id), "") {
                let folder = route.path_under("");
                routes.push((route, folder));
            }
        }
    }
    routes
}

fn render_pages(catalog: &sotay_guides::Catalog) -> Vec<PrerenderedPage> {
    prerendered_routes()
        .into_iter()
        .map(|(route, file)| {
            let (title, description) = crate::pages::meta(&route);
            let bundle = route.bundle();
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
        assert_eq!(page.bundle, sotay_routes::Bundle::Resident);
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

    /// Adding a page to the declaration without a screen, a pre-rendered file or the right
    /// bundle fails here; the manifest (xtask) and the e2e page list (tests) read the same
    /// declaration and check it there.
    #[test]
    fn every_declared_page_is_prerendered_in_its_bundle() {
        let rendered = render_all();
        for page in Page::ALL.iter().copied() {
            let files: Vec<&PrerenderedPage> = rendered
                .pages
                .iter()
                .filter(|file| {
                    let route = if file.file == PrerenderedPage::NOT_FOUND_FILE {
                        Route::NotFound
                    } else {
                        Route::parse(&format!("/{}", file.file), "")
                    };
                    route.page() == page
                })
                .collect();
            assert!(!files.is_empty(), "{page:?} has no pre-rendered file");
            for file in files {
                assert_eq!(file.bundle, page.bundle(), "{}", file.file);
                // `pages::view` mounts its screen (the SSR build has every bundle).
                let other_bundle = crate::i18n::ui::not_found::OTHER_BUNDLE_TITLE.get(Lang::Vi);
                assert!(
                    !file.body.contains(other_bundle),
                    "{}: no screen",
                    file.file
                );
                let not_found = crate::i18n::ui::not_found::TITLE.get(Lang::Vi);
                assert_eq!(
                    file.body.contains(not_found),
                    page == Page::NotFound,
                    "{}",
                    file.file
                );
                assert!(!file.title.is_empty(), "{}", file.file);
                assert!(file.body.contains("<h1"), "{} has a heading", file.file);
            }
        }
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
            .filter(|page| page.bundle == sotay_routes::Bundle::Practice)
            .count();
        assert_eq!(practice, 1 + crate::practice::scenarios().len());
        for page in &rendered.pages {
            let expected = match page.file.as_str() {
                "quet/" => "scanner",
                "ap-phich/" | "to-cong-nghe/" | "ma-qr/" | "trinh-chieu/" => "team",
                file if file.starts_with("tap-thu/") => "practice",
                _ => "resident",
            };
            assert_eq!(page.bundle.name(), expected, "{}", page.file);
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
