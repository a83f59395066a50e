//! The poster builder (`/ap-phich/`, `?g=<id>` picks a guide): a guide or the
//! home page, the base URL, the commune's help places, a layout; a live
//! preview, an SVG download and printing. Works fully offline: the pages are
//! drawn by `sotay_poster`, the same code as `sotay poster`.
//!
//! The form and its storage are in `form`, the page it makes in `spec`, the
//! state in `hooks`; each section of the page is its own component.

mod form;
mod hooks;
mod places;
mod preview;
mod spec;
mod target;

use std::rc::Rc;

use yew::prelude::*;

use crate::commune::{Provenance, use_commune};
use crate::content::use_whole_catalog;
use crate::context::use_app;
use crate::i18n::ui;
use crate::route::{Link, Route};
use hooks::{use_poster_form, use_preview_url};
use places::PosterPlaces;
use preview::PosterPreview;
use spec::{Built, VerifiedPoint, build};
use target::{LayoutChoice, PosterTarget};

#[derive(Properties, PartialEq)]
pub struct PosterBuilderProps {
    #[prop_or_default]
    pub guide: Option<String>,
}

#[function_component]
pub fn PosterBuilder(props: &PosterBuilderProps) -> Html {
    let lang = use_app().lang();
    let commune = use_commune();
    let (state, edit) = use_poster_form(props.guide.clone());
    // The key steps a poster prints come with the whole catalog.
    let guides = use_whole_catalog(true);
    let verified: VerifiedPoint = commune
        .help
        .as_ref()
        .and_then(|help| match &help.provenance {
            Provenance::Verified { id, .. } => Some((id.clone(), help.profile.clone())),
            _ => None,
        });
    let built = use_memo(
        (
            state.form.clone(),
            lang,
            state.loaded,
            guides.state,
            verified.clone(),
        ),
        |(form, lang, loaded, catalog, verified)| {
            loaded.then(|| Rc::new(build(form, *lang, *catalog, verified)))
        },
    );
    let svg: Option<Rc<str>> = match built.as_ref().as_deref() {
        Some(Ok(Built { page: Ok(page), .. })) => Some(Rc::from(page.svg.as_str())),
        _ => None,
    };
    let (preview_url, preview_shown) = use_preview_url(svg);
    let form = &state.form;
    html! {
        <article class="page poster-builder">
            <h1>{ ui::poster::TITLE.get(lang) }</h1>
            <p class="lead no-print">{ ui::poster::LEAD.get(lang) }</p>
            <PosterTarget guide={form.guide.clone()} base_url={form.base_url.clone()}
                loaded={state.loaded} edit={edit.clone()} />
            <PosterPlaces form={form.clone()} {verified} edit={edit.clone()} />
            <LayoutChoice current={form.layout()} {edit} />
            <PosterPreview built={(*built).clone()} url={preview_url} on_shown={preview_shown} layout={form.layout()} />
            <p class="no-print">
                <Link to={Route::Team}>{ ui::poster::TEAM_LINK.get(lang) }</Link>
            </p>
        </article>
    }
}
