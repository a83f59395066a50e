//! Dịch vụ công thiết yếu (`/dich-vu-cong/`): the essential public services by life event, each
//! with the guides that walk a resident through it; a service only organisations file shows a
//! one-line note and its official page instead. The list is `assets/services.toml`.

use sotay_guides::{FiledBy, Service};
use yew::prelude::*;

use crate::components::guide_list::guide_item;
use crate::content;
use crate::context::use_app;
use crate::i18n::{Lang, Pick};
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
            <h1>{ lang.pick("Dịch vụ công thiết yếu", "Essential public services") }</h1>
            <p class="lead">{ lang.pick(
                "Những thủ tục người dân hay phải làm, xếp theo việc trong đời sống. Chọn tên hướng dẫn để xem cách làm từng bước trên điện thoại.",
                "The procedures residents most often need, grouped by life event. Choose a guide to see how to do it step by step on a phone.",
            ) }</p>
            { for groups }
            <p class="muted">{ lang.pick(
                "Không thấy việc bạn cần? ",
                "Not what you need? ",
            ) }<Link to={Route::Guides}>{ lang.pick("Xem tất cả hướng dẫn", "See all guides") }</Link></p>
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
        lang.pick(
            "Xem thủ tục trên trang chính thức",
            "See the procedure on the official site",
        )
    } else {
        lang.pick("Trang thủ tục chính thức", "Official procedure page")
    };
    html! {
        <li class="service" key={service.id.clone()} data-service={service.id.clone()}>
            <h3 lang="vi">{ service.name.clone() }</h3>
            if service.filed_by == FiledBy::Organisation {
                <p class="service-who">{ lang.pick("Chỉ cơ quan, tổ chức làm.", "Only organisations file this.") }</p>
            }
            if let Some(note) = &service.note {
                <p class="service-note" lang="vi">{ note.clone() }</p>
            }
            if !guides.is_empty() {
                <ul class="guide-list">{ for guides }</ul>
            }
            if let Some(missing) = &service.partial {
                <p class="hint service-partial">
                    { lang.pick("Hướng dẫn chưa có phần: ", "Not covered yet: ") }
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
