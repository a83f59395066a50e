//! Every page of the site, declared once (the `pages!` table below): its address, the WASM
//! bundle that has its screen, which files are pre-rendered for it, its title and
//! description, its place among the web app manifest's shortcuts, and the example address
//! the end-to-end tests open. The app (router, pre-renderer, page titles), `cargo xtask dist`
//! (bundles, manifest, offline groups) and the tests all read it, so adding a page is one row
//! here, one arm in `Route`, and the page itself.
//!
//! Also the few types the pre-renderer and `cargo xtask dist` exchange ([`Prerendered`]) and
//! the id of a guide page's data block ([`PAGE_DATA_ID`]). No web dependencies.
//!
//! # Example
//!
//! ```
//! use sotay_routes::{Bundle, Page, Route};
//!
//! let route = Route::parse("/g/kich-hoat-vneid/", "?buoc=2");
//! assert_eq!(route, Route::Guide { id: "kich-hoat-vneid".into(), step: Some(2) });
//! assert_eq!(route.page(), Page::Guide);
//! assert_eq!(route.bundle(), Bundle::Resident);
//! assert_eq!(route.path_under("/sotay/"), "/sotay/g/kich-hoat-vneid/?buoc=2");
//! assert_eq!(Route::parse("/quet/", "").bundle(), Bundle::Scanner);
//! ```

use serde::{Deserialize, Serialize};
pub use sotay_text::Text;
use sotay_text::ui::pages as text;

/// Where the site lives on its host, e.g. `/` or `/sotay/` (from `SOTAY_BASE_PATH` at build time).
pub fn base_path() -> &'static str {
    option_env!("SOTAY_BASE_PATH").unwrap_or("/")
}

/// The `id` of the `<script type="application/json">` block in which a guide page carries
/// its own guide (written by `cargo xtask dist`, read by the app).
pub const PAGE_DATA_ID: &str = "sotay-guide-data";

/// The WASM bundles the app ships as; each is a cargo feature of `sotay-app` of the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bundle {
    /// What residents open from a poster: home, guides, questionnaire, services, about.
    Resident,
    /// Quét CCCD.
    Scanner,
    /// The digital team's toolkit: poster builder, team tools, hand-off QR.
    Team,
    /// Tập thử: the practice phone and its scenarios.
    Practice,
}

impl Bundle {
    pub const ALL: [Bundle; 4] = [
        Bundle::Resident,
        Bundle::Scanner,
        Bundle::Team,
        Bundle::Practice,
    ];

    /// Its cargo feature, its name in pre-rendered pages, and its service-worker group.
    pub const fn name(self) -> &'static str {
        match self {
            Bundle::Resident => "resident",
            Bundle::Scanner => "scanner",
            Bundle::Team => "team",
            Bundle::Practice => "practice",
        }
    }

    /// The file name stem of its WASM module and JS glue in `dist/assets/`.
    pub const fn file_stem(self) -> &'static str {
        match self {
            Bundle::Resident => "sotay_app",
            Bundle::Scanner => "sotay_scanner",
            Bundle::Team => "sotay_team",
            Bundle::Practice => "sotay_practice",
        }
    }

    pub fn from_name(name: &str) -> Option<Bundle> {
        Bundle::ALL.into_iter().find(|bundle| bundle.name() == name)
    }
}

/// How a page's address carries what it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `/<path>/` (a query may add an optional value).
    Plain,
    /// `/<path>/<id>/`, the id made of a–z, 0–9 and `-`.
    Id,
}

/// Which pre-rendered files a page has (`cargo xtask dist` writes each as `index.html`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prerender {
    /// One, in its own folder.
    Once,
    /// One per guide (`g/<id>/`).
    EachGuide,
    /// One per practice scenario (`tap-thu/<id>/`).
    EachScenario,
    /// `404.html`, which hosts serve for any unknown address.
    NotFoundFile,
}

/// A page the end-to-end tests open: an address and part of the heading it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// How test failures name it.
    pub label: &'static str,
    pub path: &'static str,
    pub heading: &'static str,
}

/// An entry of the web app manifest's `shortcuts` (a long press on the home-screen icon).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    /// Its place in the list (1 first).
    pub rank: u8,
    pub name: Text,
    pub short_name: Text,
    /// For a guide page: which guide.
    pub id: Option<&'static str>,
}

/// One row of the table.
struct Spec {
    path: &'static str,
    shape: Shape,
    bundle: Bundle,
    prerender: Prerender,
    title: Text,
    description: Option<Text>,
    example: Example,
    shortcut: Option<Shortcut>,
}

/// Declares `Page` (one variant per row) and `Page::ALL` (every row, in order), so a
/// page cannot exist without its row.
macro_rules! pages {
    ($( $(#[$doc:meta])* $page:ident { $($field:ident: $value:expr),* $(,)? } )*) => {
        /// A kind of page: one row of the declaration.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Page {
            $( $(#[$doc])* $page, )*
        }

        impl Page {
            /// Every page, in declaration order.
            pub const ALL: &'static [Page] = &[$(Page::$page),*];

            // Inlined, so each use keeps only the column it reads (a WASM bundle never
            // carries the test examples or the manifest's names).
            #[inline(always)]
            const fn spec(self) -> Spec {
                match self {
                    $( Page::$page => Spec { $($field: $value),* }, )*
                }
            }
        }
    };
}

pages! {
    /// The home page.
    Home {
        path: "", shape: Shape::Plain, bundle: Bundle::Resident, prerender: Prerender::Once,
        title: text::SITE_NAME, description: Some(text::HOME_DESCRIPTION),
        example: Example { label: "home", path: "/", heading: "Sổ tay Công dân số" },
        shortcut: None,
    }
    /// Every guide, with a search box.
    Guides {
        path: "huong-dan", shape: Shape::Plain, bundle: Bundle::Resident, prerender: Prerender::Once,
        title: text::GUIDES_TITLE, description: Some(text::GUIDES_DESCRIPTION),
        example: Example { label: "guide list", path: "/huong-dan/", heading: "Hướng dẫn" },
        shortcut: None,
    }
    /// Dịch vụ công thiết yếu: the essential services by life event, each with its guide.
    Services {
        path: "dich-vu-cong", shape: Shape::Plain, bundle: Bundle::Resident, prerender: Prerender::Once,
        title: text::SERVICES_TITLE, description: Some(text::SERVICES_DESCRIPTION),
        example: Example { label: "essential services", path: "/dich-vu-cong/", heading: "Dịch vụ công thiết yếu" },
        shortcut: None,
    }
    /// One guide's step player (`?buoc=N` opens step N).
    Guide {
        path: "g", shape: Shape::Id, bundle: Bundle::Resident, prerender: Prerender::EachGuide,
        title: text::GUIDE_MISSING_TITLE, description: None,
        example: Example { label: "guide", path: "/g/kich-hoat-vneid/", heading: "Kích hoạt" },
        shortcut: Some(Shortcut {
            rank: 2,
            name: text::GUIDE_SHORTCUT_NAME, short_name: text::GUIDE_SHORTCUT, id: Some("kich-hoat-vneid"),
        }),
    }
    /// “Tôi cần làm gì?”: the questionnaire.
    Questionnaire {
        path: "can-lam-gi", shape: Shape::Plain, bundle: Bundle::Resident, prerender: Prerender::Once,
        title: text::QUESTIONNAIRE_TITLE, description: Some(text::QUESTIONNAIRE_DESCRIPTION),
        example: Example { label: "questionnaire", path: "/can-lam-gi/", heading: "Tôi cần làm gì" },
        shortcut: Some(Shortcut {
            rank: 3,
            name: text::QUESTIONNAIRE_TITLE, short_name: text::QUESTIONNAIRE_SHORTCUT, id: None,
        }),
    }
    /// Quét CCCD: the card reader.
    Scan {
        path: "quet", shape: Shape::Plain, bundle: Bundle::Scanner, prerender: Prerender::Once,
        title: text::SCAN_TITLE, description: Some(text::SCAN_DESCRIPTION),
        example: Example { label: "scanner", path: "/quet/", heading: "Quét" },
        shortcut: Some(Shortcut {
            rank: 1,
            name: text::SCAN_TITLE, short_name: text::SCAN_SHORTCUT, id: None }),
    }
    /// The poster builder (`?g=<id>` picks a guide).
    Poster {
        path: "ap-phich", shape: Shape::Plain, bundle: Bundle::Team, prerender: Prerender::Once,
        title: text::POSTER_TITLE, description: Some(text::POSTER_DESCRIPTION),
        example: Example { label: "poster builder", path: "/ap-phich/", heading: "mã QR" },
        shortcut: Some(Shortcut {
            rank: 4,
            name: text::POSTER_TITLE, short_name: text::POSTER_SHORTCUT, id: None }),
    }
    /// The community digital team's tools.
    Team {
        path: "to-cong-nghe", shape: Shape::Plain, bundle: Bundle::Team, prerender: Prerender::Once,
        title: text::TEAM_TITLE, description: Some(text::TEAM_DESCRIPTION),
        example: Example { label: "digital team", path: "/to-cong-nghe/", heading: "Tổ công nghệ số" },
        shortcut: None,
    }
    /// A full-screen QR code of a guide's link (`?g=<id>`; the app's without one) for a
    /// resident to scan from a volunteer's screen.
    Handoff {
        path: "ma-qr", shape: Shape::Plain, bundle: Bundle::Team, prerender: Prerender::Once,
        title: text::HANDOFF_TITLE, description: Some(text::HANDOFF_DESCRIPTION),
        example: Example { label: "hand-off QR", path: "/ma-qr/?g=kich-hoat-vneid", heading: "Kích hoạt" },
        shortcut: None,
    }
    /// Màn hình trình chiếu: the slideshow for the TV or LED screen at the one-stop desk
    /// (its guides are chosen on the team page).
    Hall {
        path: "trinh-chieu", shape: Shape::Plain, bundle: Bundle::Team, prerender: Prerender::Once,
        title: text::HALL_TITLE, description: Some(text::HALL_DESCRIPTION),
        example: Example { label: "hall screen", path: "/trinh-chieu/", heading: "Kích hoạt" },
        shortcut: None,
    }
    /// About & privacy.
    About {
        path: "gioi-thieu", shape: Shape::Plain, bundle: Bundle::Resident, prerender: Prerender::Once,
        title: text::ABOUT_TITLE, description: Some(text::ABOUT_DESCRIPTION),
        example: Example { label: "about & privacy", path: "/gioi-thieu/", heading: "quyền riêng tư" },
        shortcut: None,
    }
    /// Tập thử: the practice scenarios.
    Practice {
        path: "tap-thu", shape: Shape::Plain, bundle: Bundle::Practice, prerender: Prerender::Once,
        title: text::PRACTICE_TITLE, description: Some(text::PRACTICE_DESCRIPTION),
        example: Example { label: "practice list", path: "/tap-thu/", heading: "Tập thử" },
        shortcut: None,
    }
    /// One practice scenario on the practice phone.
    PracticeScenario {
        path: "tap-thu", shape: Shape::Id, bundle: Bundle::Practice, prerender: Prerender::EachScenario,
        title: text::PRACTICE_MISSING_TITLE, description: None,
        example: Example { label: "practice phone", path: "/tap-thu/kich-hoat-vneid/", heading: "Tập kích hoạt" },
        shortcut: None,
    }
    /// Any other address.
    NotFound {
        path: "404", shape: Shape::Plain, bundle: Bundle::Resident, prerender: Prerender::NotFoundFile,
        title: text::NOT_FOUND_TITLE, description: None,
        example: Example { label: "not found", path: "/khong-co-trang-nay/", heading: "Không tìm thấy" },
        shortcut: None,
    }
}

impl Page {
    /// Its first path segment under the base path (`""` for home).
    pub const fn path(self) -> &'static str {
        self.spec().path
    }

    pub const fn shape(self) -> Shape {
        self.spec().shape
    }

    /// Which bundle has its screen.
    pub const fn bundle(self) -> Bundle {
        self.spec().bundle
    }

    pub const fn prerender(self) -> Prerender {
        self.spec().prerender
    }

    /// Its title (for a guide or a scenario: the title shown when it does not exist;
    /// the page's own title comes from its content).
    pub const fn title(self) -> Text {
        self.spec().title
    }

    pub const fn description(self) -> Option<Text> {
        self.spec().description
    }

    /// The address the end-to-end tests open for it.
    pub const fn example(self) -> Example {
        self.spec().example
    }

    pub const fn shortcut(self) -> Option<Shortcut> {
        self.spec().shortcut
    }

    /// The route of a page without parameters (`None` for a page that needs an id).
    pub fn route(self) -> Option<Route> {
        Route::of(self, None, "")
    }
}

/// A place in the app: a page and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Guides,
    Guide { id: String, step: Option<usize> },
    Questionnaire,
    Services,
    Scan,
    Poster { guide: Option<String> },
    Team,
    Handoff { guide: Option<String> },
    Hall,
    About,
    Practice,
    PracticeScenario { id: String },
    NotFound,
}

impl Route {
    pub fn page(&self) -> Page {
        match self {
            Route::Home => Page::Home,
            Route::Guides => Page::Guides,
            Route::Guide { .. } => Page::Guide,
            Route::Questionnaire => Page::Questionnaire,
            Route::Services => Page::Services,
            Route::Scan => Page::Scan,
            Route::Poster { .. } => Page::Poster,
            Route::Team => Page::Team,
            Route::Handoff { .. } => Page::Handoff,
            Route::Hall => Page::Hall,
            Route::About => Page::About,
            Route::Practice => Page::Practice,
            Route::PracticeScenario { .. } => Page::PracticeScenario,
            Route::NotFound => Page::NotFound,
        }
    }

    /// The route of `page` with the id from its address (for `Shape::Id`) and the values
    /// of its query; `None` when the page needs an id and has none.
    pub fn of(page: Page, id: Option<&str>, query: &str) -> Option<Route> {
        let id = || id.filter(|id| is_valid_id(id)).map(str::to_string);
        let guide = || query_param(query, "g").filter(|id| is_valid_id(id));
        Some(match page {
            Page::Home => Route::Home,
            Page::Guides => Route::Guides,
            Page::Guide => Route::Guide {
                id: id()?,
                step: query_param(query, "buoc")
                    .and_then(|s| s.parse::<usize>().ok())
                    .filter(|n| *n >= 1),
            },
            Page::Questionnaire => Route::Questionnaire,
            Page::Services => Route::Services,
            Page::Scan => Route::Scan,
            Page::Poster => Route::Poster { guide: guide() },
            Page::Team => Route::Team,
            Page::Handoff => Route::Handoff { guide: guide() },
            Page::Hall => Route::Hall,
            Page::About => Route::About,
            Page::Practice => Route::Practice,
            Page::PracticeScenario => Route::PracticeScenario { id: id()? },
            Page::NotFound => Route::NotFound,
        })
    }

    /// The id in its address (`Shape::Id` pages).
    fn id(&self) -> Option<&str> {
        match self {
            Route::Guide { id, .. } | Route::PracticeScenario { id } => Some(id),
            _ => None,
        }
    }

    /// The one query value its address carries, if any.
    fn query(&self) -> Option<(&'static str, String)> {
        match self {
            Route::Guide { step: Some(n), .. } => Some(("buoc", n.to_string())),
            Route::Poster { guide: Some(id) } | Route::Handoff { guide: Some(id) } => {
                Some(("g", id.clone()))
            }
            _ => None,
        }
    }

    /// Reads a route from a location's path and query (`?buoc=3` picks a guide step).
    pub fn parse(path: &str, query: &str) -> Route {
        let Some(rest) = path.strip_prefix(base_path().trim_end_matches('/')) else {
            return Route::NotFound;
        };
        let mut segments = rest.split('/').filter(|s| !s.is_empty());
        let first = segments.next().unwrap_or("");
        let id = segments.next();
        if segments.next().is_some() {
            return Route::NotFound;
        }
        let shape = if id.is_some() {
            Shape::Id
        } else {
            Shape::Plain
        };
        Page::ALL
            .iter()
            .find(|page| **page != Page::NotFound && page.path() == first && page.shape() == shape)
            .and_then(|page| Route::of(*page, id, query))
            .unwrap_or(Route::NotFound)
    }

    /// The path of this route under the base path, always with a trailing slash.
    pub fn path(&self) -> String {
        self.path_under(base_path())
    }

    /// The path of this route under `base` (`""` gives a pre-rendered page's folder).
    pub fn path_under(&self, base: &str) -> String {
        let mut out = base.to_string();
        let page = self.page().path();
        if !page.is_empty() {
            out.push_str(page);
            out.push('/');
        }
        if let Some(id) = self.id() {
            out.push_str(id);
            out.push('/');
        }
        if let Some((name, value)) = self.query() {
            out.push('?');
            out.push_str(name);
            out.push('=');
            out.push_str(&value);
        }
        out
    }

    /// Which bundle has this route's screen.
    pub fn bundle(&self) -> Bundle {
        self.page().bundle()
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

/// What the pre-renderer (`sotay-prerender`) hands to `cargo xtask dist`, as JSON.
#[derive(Debug, Serialize, Deserialize)]
pub struct Prerendered {
    pub pages: Vec<PrerenderedPage>,
    /// The whole guide catalog as JSON, published as one hashed file that the app
    /// fetches when a guide is opened in-app.
    pub catalog: String,
}

/// One pre-rendered page.
#[derive(Debug, Serialize, Deserialize)]
pub struct PrerenderedPage {
    /// Folder under the base path (`g/kich-hoat-vneid/`, `` for home), or a file name (`404.html`).
    pub file: String,
    pub title: String,
    pub description: String,
    pub body: String,
    /// The bundle this page loads.
    pub bundle: Bundle,
    /// A guide page's own guide (Vietnamese) as JSON for its data block
    /// ([`PAGE_DATA_ID`]), with `<` escaped so it can never close the `<script>` element.
    pub data: Option<String>,
}

impl PrerenderedPage {
    /// `404.html` for the not-found page.
    pub const NOT_FOUND_FILE: &str = "404.html";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_opens_its_own_page() {
        for page in Page::ALL {
            let example = page.example();
            let (path, query) = example.path.split_once('?').unwrap_or((example.path, ""));
            assert_eq!(Route::parse(path, query).page(), *page, "{}", example.path);
            assert!(!example.heading.is_empty(), "{page:?}");
        }
    }

    #[test]
    fn pages_without_an_id_have_a_route_and_addresses_are_distinct() {
        for page in Page::ALL {
            assert_eq!(
                page.route().is_some(),
                page.shape() == Shape::Plain,
                "{page:?}"
            );
            for other in Page::ALL {
                if page != other {
                    assert!(
                        (page.path(), page.shape()) != (other.path(), other.shape()),
                        "{page:?} and {other:?} have the same address"
                    );
                }
            }
        }
        // Only the not-found page has the 404 file; every other page is pre-rendered.
        let not_found: Vec<_> = Page::ALL
            .iter()
            .filter(|page| page.prerender() == Prerender::NotFoundFile)
            .collect();
        assert_eq!(not_found, [&Page::NotFound]);
    }

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
        for bundle in Bundle::ALL {
            assert_eq!(Bundle::from_name(bundle.name()), Some(bundle));
        }
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
        assert_eq!(
            Route::Guide {
                id: "a".into(),
                step: Some(2)
            }
            .path_under("/sotay/"),
            "/sotay/g/a/?buoc=2"
        );
        assert_eq!(Route::Home.path_under(""), "");
        assert_eq!(Route::Team.path_under(""), "to-cong-nghe/");
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
        assert_eq!(Route::parse("/g/", ""), Route::NotFound);
        assert_eq!(Route::parse("/huong-dan/x/", ""), Route::NotFound);
        assert_eq!(Route::parse("/g/a/b/", ""), Route::NotFound);
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
        assert_eq!(
            Route::parse("/ap-phich/", "?g=<x>"),
            Route::Poster { guide: None }
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

    #[test]
    fn prerendered_pages_name_their_bundle_in_json() {
        let page = PrerenderedPage {
            file: "quet/".into(),
            title: String::new(),
            description: String::new(),
            body: String::new(),
            bundle: Bundle::Scanner,
            data: None,
        };
        let json = serde_json::to_string(&page).unwrap();
        assert!(json.contains("\"bundle\":\"scanner\""), "{json}");
        let back: PrerenderedPage = serde_json::from_str(&json).unwrap();
        assert_eq!(back.bundle, Bundle::Scanner);
    }
}
