//! Page frame: skip link, a compact header (the brand and one “Menu” control, ≤ 64 px on a
//! phone at every text size), footer with reading settings.

use yew::prelude::*;

use crate::components::app_status::AppStatus;
use crate::context::use_app;
use crate::i18n::{Lang, ui};
use crate::route::{Link, Route, use_router};
use crate::settings::{Settings, TextSize};

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn Layout(props: &LayoutProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    html! {
        <>
            <a class="skip-link" href="#main">{ ui::layout::SKIP_TO_CONTENT.get(lang) }</a>
            <header class="site-header">
                <Link to={Route::Home} class="brand">
                    <span class="brand-mark" aria-hidden="true">{ "06" }</span>
                    <span class="brand-name">{ ui::pages::SITE_NAME.get(lang) }</span>
                </Link>
                <SiteMenu />
            </header>
            <main id="main" tabindex="-1">
                { props.children.clone() }
                // After the page, not above it: a banner that appears once the app runs
                // (install, update, offline) must not push the page down (no layout shift).
                <AppStatus />
            </main>
            <footer class="site-footer">
                <ReadingSettings />
                <p>
                    <Link to={Route::About}>{ ui::layout::ABOUT_LINK.get(lang) }</Link>
                </p>
                <BuildLabel />
                <p class="footnote">{ ui::layout::FOOTNOTE.get(lang) }</p>
            </footer>
        </>
    }
}

/// Every destination behind one “Menu” control: a `<details>`, so it opens without
/// JavaScript, is a button for keyboards and screen readers, and lies over the page
/// instead of pushing it down. It closes when the app moves to another screen.
#[function_component]
fn SiteMenu() -> Html {
    let lang = use_app().lang();
    let route = use_router().route;
    let menu = use_node_ref();
    {
        let menu = menu.clone();
        use_effect_with(route, move |_| {
            if let Some(menu) = menu.cast::<web_sys::Element>() {
                let _ = menu.remove_attribute("open");
            }
        });
    }
    let destinations = [
        (Route::Home, ui::layout::MENU_HOME.get(lang)),
        (Route::Guides, ui::layout::MENU_GUIDES.get(lang)),
        (Route::Scan, ui::layout::MENU_SCAN.get(lang)),
        (
            Route::Poster { guide: None },
            ui::layout::MENU_POSTER.get(lang),
        ),
        (Route::Team, ui::layout::MENU_TEAM.get(lang)),
        (Route::About, ui::layout::MENU_ABOUT.get(lang)),
    ];
    html! {
        <details class="site-menu" ref={menu}>
            <summary class="menu-button">
                <span class="menu-icon" aria-hidden="true">{ "☰" }</span>{ ui::layout::MENU.get(lang) }
            </summary>
            <nav class="site-nav" aria-label={ui::layout::MAIN_SECTIONS.get(lang)}>
                <ul>
                    { for destinations.into_iter().map(|(route, label)| html! {
                        <li><Link to={route}>{ label }</Link></li>
                    }) }
                </ul>
            </nav>
        </details>
    }
}

/// “Cỡ chữ”: one labelled button near a page's title that steps through the three text
/// sizes (the footer has all three). Its visible label never changes, so it looks the
/// same before and after the app starts.
#[function_component]
pub fn TextSizeButton() -> Html {
    let app = use_app();
    let lang = app.lang();
    let settings = app.settings;
    let onclick = {
        let set = app.set_settings.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = settings;
            next.text_size = match settings.text_size {
                TextSize::Normal => TextSize::Large,
                TextSize::Large => TextSize::Larger,
                TextSize::Larger => TextSize::Normal,
            };
            set.emit(next);
        })
    };
    html! {
        <button type="button" class="chip text-size-button" {onclick}>
            <span aria-hidden="true">{ "Aa " }</span>{ ui::layout::TEXT_SIZE.get(lang) }
            <span class="visually-hidden">{ ": " }{ size_label(settings.text_size, lang) }</span>
        </button>
    }
}

fn size_label(size: TextSize, lang: Lang) -> &'static str {
    match size {
        TextSize::Normal => ui::layout::SIZE_NORMAL.get(lang),
        TextSize::Large => ui::layout::SIZE_LARGE.get(lang),
        TextSize::Larger => ui::layout::SIZE_LARGER.get(lang),
    }
}

/// Text size, contrast and language: three choices an older reader needs first.
#[function_component]
fn ReadingSettings() -> Html {
    let app = use_app();
    let lang = app.lang();
    let settings = app.settings;
    let update = |change: fn(&mut Settings)| {
        let set = app.set_settings.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = settings;
            change(&mut next);
            set.emit(next);
        })
    };
    let size_label = |size: TextSize| size_label(size, lang);
    let size_buttons = TextSize::ALL.into_iter().map(|size| {
        let set = app.set_settings.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut next = settings;
            next.text_size = size;
            set.emit(next);
        });
        let pressed = if settings.text_size == size { "true" } else { "false" };
        let glyph_class = classes!("size-glyph", size.class());
        html! {
            <button type="button" class="chip" aria-pressed={pressed} {onclick} aria-label={size_label(size)}>
                <span class={glyph_class} aria-hidden="true">{ "A" }</span>
            </button>
        }
    });
    let contrast_pressed = if settings.high_contrast {
        "true"
    } else {
        "false"
    };
    html! {
        <section class="reading-settings" aria-label={ui::layout::DISPLAY.get(lang)}>
            <div class="chip-row" role="group" aria-label={ui::layout::TEXT_SIZE.get(lang)}>
                { for size_buttons }
            </div>
            <div class="chip-row">
                <button type="button" class="chip" aria-pressed={contrast_pressed}
                    onclick={update(|s| s.high_contrast = !s.high_contrast)}>
                    { ui::layout::HIGH_CONTRAST.get(lang) }
                </button>
                <button type="button" class="chip" lang={if lang == Lang::Vi { "en" } else { "vi" }}
                    onclick={update(|s| s.lang = if s.lang == Lang::Vi { Lang::En } else { Lang::Vi })}>
                    { ui::layout::OTHER_LANGUAGE.get(lang) }
                </button>
            </div>
        </section>
    }
}

/// Which build is running (from `<meta name="sotay-build">`), so a volunteer can
/// tell whether a phone has the latest version.
#[function_component]
fn BuildLabel() -> Html {
    let lang = use_app().lang();
    let label = use_state(String::new);
    {
        let label = label.clone();
        use_effect_with((), move |_| {
            label.set(crate::browser::meta_content("sotay-build").unwrap_or_default());
        });
    }
    if label.is_empty() {
        return Html::default();
    }
    // Two text nodes, not a `{label}` placeholder: the label follows the word in both
    // languages, and no bundle then needs the catalogue's fill code for this one line.
    html! {
        <p class="build-label" data-build={(*label).clone()}>
            { ui::layout::BUILD.get(lang) }{ " " }{ (*label).clone() }
        </p>
    }
}
