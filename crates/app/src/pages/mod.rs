//! One module per screen; `view` picks the screen for a route.

use yew::prelude::*;

use crate::route::Route;

#[cfg(feature = "resident")]
mod about;
#[cfg(feature = "resident")]
mod guide;
#[cfg(feature = "resident")]
mod guides;
#[cfg(feature = "team")]
mod hall;
#[cfg(feature = "team")]
mod handoff;
#[cfg(feature = "resident")]
mod home;
mod not_found;
#[cfg(feature = "team")]
mod poster;
#[cfg(feature = "practice")]
mod practice;
#[cfg(feature = "resident")]
mod questionnaire;
#[cfg(feature = "scanner")]
mod scan;
#[cfg(feature = "resident")]
mod services;
#[cfg(feature = "team")]
mod team;

pub fn view(route: &Route) -> Html {
    // With both bundles built in, the last arm is never reached.
    #[allow(unreachable_patterns)]
    match route {
        #[cfg(feature = "resident")]
        Route::Home => html! { <home::Home /> },
        #[cfg(feature = "resident")]
        Route::Guides => html! { <guides::GuideList /> },
        #[cfg(feature = "resident")]
        Route::Guide { id, step } => html! { <guide::GuidePage id={id.clone()} step={*step} /> },
        #[cfg(feature = "resident")]
        Route::Questionnaire => html! { <questionnaire::Questionnaire /> },
        #[cfg(feature = "resident")]
        Route::Services => html! { <services::ServicesPage /> },
        #[cfg(feature = "scanner")]
        Route::Scan => html! { <scan::ScanPage /> },
        #[cfg(feature = "team")]
        Route::Poster { guide } => html! { <poster::PosterBuilder guide={guide.clone()} /> },
        #[cfg(feature = "team")]
        Route::Team => html! { <team::TeamTools /> },
        #[cfg(feature = "team")]
        Route::Handoff { guide } => html! { <handoff::HandoffPage guide={guide.clone()} /> },
        #[cfg(feature = "team")]
        Route::Hall => html! { <hall::HallScreen /> },
        #[cfg(feature = "resident")]
        Route::About => html! { <about::About /> },
        #[cfg(feature = "practice")]
        Route::Practice => html! { <practice::PracticeList /> },
        #[cfg(feature = "practice")]
        Route::PracticeScenario { id } => html! { <practice::PracticePage id={id.clone()} /> },
        Route::NotFound => html! { <not_found::NotFound /> },
        // A screen of the other bundle (only reachable through an odd history
        // entry): its own page has it.
        other => html! { <not_found::OtherBundle route={other.clone()} /> },
    }
}

/// Title and description of a page, for `<title>` and search engines (pre-rendered pages
/// are Vietnamese): a guide's or a scenario's own, else its page's in the declaration.
#[cfg(feature = "ssr")]
pub fn meta(route: &Route) -> (String, String) {
    use crate::i18n::{Lang, ui};
    let lang = Lang::Vi;
    let page = route.page();
    let declared = || {
        let description = page.description().map_or("", |text| text.get(lang));
        (page.title().get(lang).to_string(), description.to_string())
    };
    let (title, description) = match route {
        Route::Guide { id, .. } => crate::content::entry(lang, id)
            .map(|guide| (guide.title.clone(), guide.summary.clone()))
            .unwrap_or_else(declared),
        Route::PracticeScenario { id } => crate::practice::scenario(id)
            .map(|scenario| (scenario.title.clone(), scenario.summary.clone()))
            .unwrap_or_else(declared),
        _ => declared(),
    };
    let site = ui::pages::SITE_NAME.get(lang);
    if title == site {
        (title, description)
    } else {
        (ui::pages::title_on_site(lang, title, site), description)
    }
}
