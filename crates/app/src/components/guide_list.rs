//! A guide as an entry of a list (guide list, search results, home, recommendations, related).

use sotay_guides::Guide;
use yew::prelude::*;

use crate::i18n::{Lang, ui};
use crate::route::{Link, Route};

/// “(bản tiếng Việt)” after a title shown in Vietnamese to an English reader.
pub fn fallback_note(guide: &Guide, lang: Lang) -> Html {
    if guide.lang == lang {
        return Html::default();
    }
    html! { <span class="fallback-note">{ " " }{ ui::guide_list::VIETNAMESE_VERSION.get(lang) }</span> }
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
                { ui::guide_list::words_in_step(lang, n, step_title) }
                { ui::guide_list::OPENS_AT_THAT_STEP.get(lang) }
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
