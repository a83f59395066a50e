//! “Hướng dẫn này có thể đã cũ”: shown on a guide reviewed more than 12 months before the
//! reader's day. The day comes from the browser's clock, because a published page lives on long
//! after its build; while pre-rendering it is the build's day.

use sotay_guides::{Date, Guide, ReviewAge};
use yew::prelude::*;

use crate::browser;
use crate::context::use_app;
use crate::i18n::ui;

#[derive(Properties, PartialEq)]
pub struct StaleNoticeProps {
    pub guide: &'static Guide,
}

#[function_component]
pub fn StaleNotice(props: &StaleNoticeProps) -> Html {
    let lang = use_app().lang();
    let guide = props.guide;
    let (year, month, day) = browser::today();
    let stale = Date::new(year, month, day)
        .is_some_and(|today| guide.review_age(today) == ReviewAge::Stale);
    if !stale {
        return Html::default();
    }
    let link = guide.check_source().map(|source| {
        html! {
            <a href={source.url.clone()} target="_blank" rel="noopener noreferrer" lang={guide.lang.code()}>
                { source.title.clone() }
            </a>
        }
    });
    html! {
        <p class="banner warning stale-notice">
            { ui::stale_notice::MAY_BE_OUT_OF_DATE_BEFORE_LINK.get(lang) }
            { link }
            { ui::stale_notice::last_checked_after_link(lang, guide.reviewed.format_vi()) }
        </p>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn render(reviewed: Date) -> String {
        let mut guide = crate::content::whole()
            .and_then(|catalog| catalog.get_exact(sotay_guides::Lang::Vi, "kich-hoat-vneid"))
            .expect("the guide")
            .clone();
        guide.reviewed = reviewed;
        let guide: &'static Guide = Box::leak(Box::new(guide));
        futures::executor::block_on(
            yew::ServerRenderer::<StaleNotice>::with_props(move || StaleNoticeProps { guide })
                .hydratable(false)
                .render(),
        )
    }

    #[test]
    fn a_guide_reviewed_over_a_year_ago_says_so_and_links_its_procedure_page() {
        let old = render(Date::new(2020, 1, 1).unwrap());
        assert!(
            old.contains("Hướng dẫn này có thể đã cũ — kiểm tra tại <a href=\"https://"),
            "{old}"
        );
        assert!(old.contains("01/01/2020"), "{old}");
        let (year, month, day) = browser::today();
        let fresh = render(Date::new(year, month, day).unwrap());
        assert!(!fresh.contains("có thể đã cũ"), "{fresh}");
    }
}
