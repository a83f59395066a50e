//! The guide list (`/huong-dan/`): a search box that ignores diacritics and case, then every
//! guide grouped by category.

use std::cell::RefCell;

use sotay_guides::{Category, search};
use yew::prelude::*;

use crate::components::guide_list::guide_item;
use crate::content::{self, use_whole_catalog};
use crate::context::use_app;
use crate::i18n::ui;
use crate::route::{Link, Route};

thread_local! {
    /// The last search, kept in memory only, so coming back to the list shows it again.
    static LAST_QUERY: RefCell<String> = const { RefCell::new(String::new()) };
}

#[function_component]
pub fn GuideList() -> Html {
    let lang = use_app().lang();
    let query = use_state(|| LAST_QUERY.with(|last| last.borrow().clone()));
    // Titles, summaries and keywords are always here; searching the steps
    // too needs the whole catalog, fetched once someone searches.
    use_whole_catalog(!query.trim().is_empty());
    let oninput = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let value = input.value();
            LAST_QUERY.with(|last| last.replace(value.clone()));
            query.set(value);
        })
    };
    // Results update while typing; Enter only closes the phone keyboard.
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let catalog = content::whole().unwrap_or_else(content::outline);
    let typed = query.trim();

    let (status, body) = if typed.is_empty() {
        let groups = Category::ALL.into_iter().filter_map(|category| {
            let guides: Vec<Html> = catalog
                .list(lang)
                .into_iter()
                .filter(|guide| guide.category == category)
                .map(|guide| guide_item(guide, lang, None, None))
                .collect();
            if guides.is_empty() {
                return None;
            }
            let label = category.label(lang);
            Some(html! {
                <section class="guide-group" aria-label={label}>
                    <h2>{ label }</h2>
                    <ul class="guide-list">{ for guides }</ul>
                </section>
            })
        });
        (String::new(), groups.collect::<Html>())
    } else {
        let hits = search(catalog, lang, typed);
        if hits.is_empty() {
            let status = ui::guides::no_guide_found(lang, typed);
            // The status line above already says nothing was found; the box only helps onward.
            let body = html! {
                <div class="banner no-results">
                    <p>{ ui::guides::TRY_OTHER_WORDS_BEFORE_LINK.get(lang) }
                    <Link to={Route::Questionnaire}>{ ui::guides::ANSWER_QUESTIONS_LINK.get(lang) }</Link>
                    </p>
                </div>
            };
            (status, body)
        } else {
            let status = match hits.len() {
                1 => ui::guides::found_one(lang, 1),
                n => ui::guides::found_many(lang, n),
            };
            let items = hits.iter().filter_map(|hit| {
                let guide = catalog.get(lang, &hit.id)?;
                Some(guide_item(
                    guide,
                    lang,
                    hit.step.map(|index| index + 1),
                    None,
                ))
            });
            (
                status,
                html! { <ul class="guide-list search-results">{ for items }</ul> },
            )
        }
    };

    html! {
        <article class="page guides">
            <h1>{ ui::guides::STEP_BY_STEP_GUIDES.get(lang) }</h1>
            <form class="guide-search" role="search" {onsubmit}>
                <label for="tim-huong-dan">
                    { ui::guides::SEARCH_GUIDES.get(lang) }
                    <span class="hint">{ ui::guides::SEARCH_HINT.get(lang) }</span>
                </label>
                <input id="tim-huong-dan" type="search" value={(*query).clone()} {oninput}
                    autocomplete="off" enterkeyhint="search" />
            </form>
            <p class="questionnaire-link">
                <Link to={Route::Questionnaire}>{ ui::guides::NOT_SURE_WHERE_TO_START.get(lang) }</Link>
            </p>
            <p class="search-status" aria-live="polite">{ status }</p>
            { body }
        </article>
    }
}
