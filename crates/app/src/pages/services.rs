//! Dịch vụ công thiết yếu (`/dich-vu-cong/`): the essential public services by life event, each
//! with the guides that walk a resident through it; a service only organisations file shows a
//! one-line note and its official page instead. The list is `assets/services.toml`.

use sotay_guides::{FiledBy, Service};
use yew::prelude::*;

use crate::components::guide_list::guide_item;
use crate::content;
use crate::context::use_app;
use crate::i18n::{Lang, ui};
use crate::route::{Link, Route};

#[function_component]
pub fn ServicesPage() -> Html {
    let lang = use_app().lang();
    let services = content::services();
    let groups = services.events.iter().map(|event| {
        let heading_id = format!("nhom-{}", event.id);
        let items = services.of_event(&event.id).map(|s| service_item(s, lang));
        html! {
            <section class="service-group" key={event.id.clone()} aria-labelledby={heading_id.clone()}>
                <h2 id={heading_id} lang="vi">{ event.title.clone() }</h2>
                <ul class="service-list">{ for items }</ul>
            </section>
        }
    });
    html! {
        <article class="page services">
            <h1>{ ui::services::ESSENTIAL_PUBLIC_SERVICES.get(lang) }</h1>
            <p class="lead">{ ui::services::PROCEDURES_RESIDENTS_MOST_OFTEN_NEED.get(lang) }</p>
            { for groups }
            <p class="muted">{ ui::services::NOT_WHAT_YOU_NEED_BEFORE_LINK.get(lang) }<Link to={Route::Guides}>{ ui::services::SEE_ALL_GUIDES.get(lang) }</Link></p>
        </article>
    }
}

fn service_item(service: &Service, lang: Lang) -> Html {
    let guides: Vec<Html> = service
        .guides
        .iter()
        .filter_map(|id| content::entry(lang, id))
        .map(|guide| guide_item(guide, lang, None, None))
        .collect();
    let official_label = if service.filed_by == FiledBy::Organisation {
        ui::services::SEE_PROCEDURE_ON_OFFICIAL_SITE.get(lang)
    } else {
        ui::services::OFFICIAL_PROCEDURE_PAGE.get(lang)
    };
    html! {
        <li class="service" key={service.id.clone()} data-service={service.id.clone()}>
            <h3 lang="vi">{ service.name.clone() }</h3>
            if service.filed_by == FiledBy::Organisation {
                <p class="service-who">{ ui::services::ONLY_ORGANISATIONS_FILE_THIS.get(lang) }</p>
            }
            if let Some(note) = &service.note {
                <p class="service-note" lang="vi">{ note.clone() }</p>
            }
            if !guides.is_empty() {
                <ul class="guide-list">{ for guides }</ul>
            }
            if let Some(missing) = &service.partial {
                <p class="hint service-partial">
                    { ui::services::NOT_COVERED_YET.get(lang) }
                    <span lang="vi">{ missing.clone() }</span>
                </p>
            }
            if let Some(url) = &service.url {
                <p class="service-official">
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ official_label }</a>
                </p>
            }
        </li>
    }
}
