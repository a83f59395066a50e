//! “Tập thử trước”: from a guide (at its start, or at the step a scenario
//! rehearses) to the practice scenario. The resident bundle embeds only the
//! compact scenario → guide table; the scenarios live in the practice bundle.

use std::sync::OnceLock;

use sotay_practice::ScenarioLink;
use yew::prelude::*;

use crate::context::use_app;
use crate::i18n::ui;
use crate::route::{Link, Route};

fn links() -> &'static [ScenarioLink] {
    static LINKS: OnceLock<Vec<ScenarioLink>> = OnceLock::new();
    LINKS.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(
            env!("OUT_DIR"),
            "/practice-links.json"
        )))
        .unwrap_or_default()
    })
}

/// The scenarios that rehearse `guide` (at `step`, 1-based, when given).
pub fn for_guide(guide: &str, step: Option<usize>) -> impl Iterator<Item = &'static ScenarioLink> {
    links()
        .iter()
        .filter(move |link| link.guide == guide && (step.is_none() || link.step == step))
}

#[derive(Properties, PartialEq)]
pub struct PracticeLinkProps {
    pub guide_id: AttrValue,
    /// 1-based; without it, every scenario of the guide (its start).
    #[prop_or_default]
    pub step: Option<usize>,
}

#[function_component]
pub fn PracticeLink(props: &PracticeLinkProps) -> Html {
    let lang = use_app().lang();
    let items = for_guide(&props.guide_id, props.step).map(|link| {
        html! {
            <p class="practice-link no-print" key={link.id.clone()}>
                <Link to={Route::PracticeScenario { id: link.id.clone() }} class="button secondary">
                    <span>
                        { ui::practice_link::PRACTISE_FIRST.get(lang) }
                        // A space, so the title on its own line is never read as one word.
                        { " " }
                        <span class="practice-link-title" lang="vi">{ link.title.clone() }</span>
                    </span>
                </Link>
            </p>
        }
    });
    html! { <>{ for items }</> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guides_find_their_scenarios_at_the_start_and_at_the_step() {
        assert_eq!(for_guide("kich-hoat-vneid", None).count(), 1);
        let step = for_guide("kich-hoat-vneid", None)
            .next()
            .and_then(|link| link.step);
        assert_eq!(for_guide("kich-hoat-vneid", step).count(), 1);
        assert_eq!(for_guide("kich-hoat-vneid", Some(99)).count(), 0);
        assert_eq!(for_guide("khong-co", None).count(), 0);
    }
}
