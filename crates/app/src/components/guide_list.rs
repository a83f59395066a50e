//! A guide as an entry of a list (guide list, search results, home, recommendations, related).

use sotay_guides::Guide;
use yew::prelude::*;

use crate::i18n::{Lang, Pick};
use crate::route::{Link, Route};

/// “(bản tiếng Việt)” after a title shown in Vietnamese to an English reader.
pub fn fallback_note(guide: &Guide, lang: Lang) -> Html {
    if guide.lang == lang {
        return Html::default();
    }
    html! { <span class="fallback-note">{ " " }{ lang.pick("(bản tiếng Việt)", "(Vietnamese version)") }</span> }
}

/// `<li>` linking to a guide (at `step`, 1-based, when given) with its title and a line under it
/// (`detail`, or the guide's summary).
pub fn guide_item(guide: &Guide, lang: Lang, step: Option<usize>, detail: Option<&str>) -> Html {
    let to = Route::Guide {
        id: guide.id.clone(),
        step,
    };
    let summary = match detail {
        Some(detail) => html! { <span class="summary">{ detail.to_string() }</span> },
        None => {
            html! { <span class="summary" lang={guide.lang.code()}>{ guide.summary.clone() }</span> }
        }
    };
    // A search hit inside a step opens that step: say which one, and why it is the one.
    let step_hint = step.map(|n| {
        let step_title = guide
            .steps
            .get(n - 1)
            .map(|s| format!(": {}", s.title))
            .unwrap_or_default();
        html! {
            <span class="step-hint">
                { format!("{} {n}{step_title}", lang.pick("Có từ bạn tìm ở bước", "Your words are in step")) }
                { lang.pick(" — mở thẳng bước này", " — opens at that step") }
            </span>
        }
    });
    html! {
        <li key={guide.id.clone()}>
            <Link {to}>
                <span class="title" lang={guide.lang.code()}>{ guide.title.clone() }</span>
                { fallback_note(guide, lang) }
                { summary }
                { step_hint }
            </Link>
        </li>
    }
}
