//! A guide (`/g/<id>/`; `#buoc-N`, or `?buoc=N` once the app runs, opens step N).
//!
//! The first screen is the task: a short title, “Cỡ chữ” and “Đọc to”, then step 1 with
//! “Bước 1/N” and a big “Tiếp”; what to have ready, who it is for and the time needed are
//! one tap away (collapsed). It is a step player before the app runs too: every step is a
//! fragment and “Tiếp” / “Quay lại” are links to them (see `guide_step`), so a reader can go
//! through the guide with JavaScript off. The app renders the same markup on the same step
//! (the one in the address), so nothing moves when it takes over; it then keeps the step and
//! the ticked checklist items on the device (no personal data). In the volunteers' overview
//! and in print, every step shows at once.

use std::collections::BTreeSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use sotay_guides::Guide;
use yew::prelude::*;

use crate::browser;
use crate::commune::{HelpPoint, use_commune};
use crate::components::commune_help::CommuneHelp;
use crate::components::guide_list::{fallback_note, guide_item};
use crate::components::guide_step::{
    FINISH_ID, StepCard, StepNav, fragment_of, paragraphs, spoken_parts, step_from_fragment,
    step_heading_id, step_id,
};
use crate::components::layout::TextSizeButton;
use crate::components::practice_link::PracticeLink;
use crate::components::read_aloud::{ReadAloudButton, Speech, use_speech};
use crate::components::stale_notice::StaleNotice;
use crate::content::{self, CatalogState, use_guides, use_whole_catalog};
use crate::context::use_app;
use crate::i18n::{Lang, ui};
use crate::route::{Link, Route};

const FINISH_HEADING_ID: &str = "sau-khi-xong-ten";

#[derive(Properties, PartialEq)]
pub struct GuidePageProps {
    #[prop_or_default]
    pub id: AttrValue,
    /// 1-based step from `?buoc=N`.
    #[prop_or_default]
    pub step: Option<usize>,
    /// Shown near the top, under the reading tools (e.g. a “Tập thử trước” link).
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn GuidePage(props: &GuidePageProps) -> Html {
    let lang = use_app().lang();
    let known = content::entry(lang, &props.id).is_some();
    let guide = content::guide(lang, &props.id);
    // Opened inside the app: this guide's steps are in the whole catalog.
    let guides = use_whole_catalog(known && guide.is_none());
    let Some(guide) = guide else {
        return if known {
            html! { <GuideLoading id={props.id.clone()} failed={guides.state == CatalogState::Failed} /> }
        } else {
            html! { <GuideNotFound /> }
        };
    };
    // A fresh player for another guide or another deep link; a language switch keeps the step.
    let key = format!("{}?{:?}", props.id, props.step);
    html! {
        <GuideView {key} {guide} route_step={props.step}>{ props.children.clone() }</GuideView>
    }
}

#[derive(Properties, PartialEq)]
struct GuideLoadingProps {
    id: AttrValue,
    failed: bool,
}

/// The guide's title while its steps arrive (a moment online; they come from
/// the device once the app has been opened with a connection).
#[function_component]
fn GuideLoading(props: &GuideLoadingProps) -> Html {
    let lang = use_app().lang();
    let guides = use_guides();
    let title = content::entry(lang, &props.id).map(|guide| guide.title.clone());
    let retry = guides.load.reform(|_: MouseEvent| ());
    html! {
        <article class="page">
            <h1>{ title }</h1>
            if props.failed {
                <div class="banner warning" role="alert">
                    <p>{ ui::guide::COULD_NOT_LOAD.get(lang) }</p>
                    <button type="button" class="big" onclick={retry}>{ ui::guide::TRY_AGAIN.get(lang) }</button>
                </div>
            } else {
                <p role="status">{ ui::guide::OPENING_GUIDE.get(lang) }</p>
            }
        </article>
    }
}

#[function_component]
fn GuideNotFound() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ ui::guide::GUIDE_NOT_FOUND.get(lang) }</h1>
            <p>{ ui::guide::NOT_FOUND_HELP.get(lang) }</p>
            <p class="actions">
                <Link to={Route::Guides} class="button">{ ui::guide::SEE_ALL_GUIDES.get(lang) }</Link>
                <Link to={Route::Questionnaire} class="button secondary">{ ui::guide::WHAT_DO_I_NEED_TO_DO.get(lang) }</Link>
            </p>
        </article>
    }
}

/// What the device remembers about one guide.
#[derive(Serialize, Deserialize, Default)]
struct SavedProgress {
    /// 0-based; the number of steps means the finish screen.
    step: usize,
    /// Indices of ticked “before you start” items.
    checked: Vec<usize>,
}

fn storage_key(id: &str) -> String {
    format!("sotay.progress.{id}")
}

fn load_progress(id: &str) -> SavedProgress {
    browser::local_get(&storage_key(id))
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn save_progress(id: &str, step: usize, checked: &BTreeSet<usize>) {
    let key = storage_key(id);
    if step == 0 && checked.is_empty() {
        browser::local_remove(&key);
        return;
    }
    let progress = SavedProgress {
        step,
        checked: checked.iter().copied().collect(),
    };
    if let Ok(json) = serde_json::to_string(&progress) {
        browser::local_set(&key, &json);
    }
}

/// The player's state.
#[derive(Clone, PartialEq)]
struct Player {
    /// 0-based; `total` is the finish screen.
    step: usize,
    total: usize,
    checked: BTreeSet<usize>,
    /// Every step on one page (for volunteers).
    overview: bool,
    /// The reader moved (so focus follows the step); false right after loading.
    moved: bool,
}

enum PlayerAction {
    Next,
    Back,
    /// The step the address names (0-based), after Back or Forward.
    Go(usize),
    Restart,
    Toggle(usize),
    ToggleOverview,
}

impl Reducible for Player {
    type Action = PlayerAction;

    fn reduce(self: Rc<Self>, action: PlayerAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            // Arrow keys do nothing while every step is showing.
            PlayerAction::Next if !self.overview => next.step = (self.step + 1).min(self.total),
            PlayerAction::Back if !self.overview => next.step = self.step.saturating_sub(1),
            PlayerAction::Next | PlayerAction::Back => return self,
            PlayerAction::Go(step) if step != self.step => next.step = step.min(self.total),
            PlayerAction::Go(_) => return self,
            PlayerAction::Restart => {
                next.step = 0;
                next.checked.clear();
                next.overview = false;
            }
            PlayerAction::Toggle(item) => {
                if !next.checked.remove(&item) {
                    next.checked.insert(item);
                }
            }
            PlayerAction::ToggleOverview => next.overview = !self.overview,
        }
        next.moved = true;
        Rc::new(next)
    }
}

/// Where the app starts: the step in the address (what the reader sees, even if they moved
/// before the app ran), else `?buoc=N`, else where they stopped last time.
fn starting_step(fragment: &str, route_step: Option<usize>, saved: usize, total: usize) -> usize {
    step_from_fragment(fragment, total)
        .or(route_step.map(|n| n.saturating_sub(1).min(total.saturating_sub(1))))
        .unwrap_or(saved.min(total))
}

#[hook]
fn use_player(guide: &'static Guide, route_step: Option<usize>) -> UseReducerHandle<Player> {
    let total = guide.steps.len();
    // Address and storage through `browser` are empty while pre-rendering: step 1.
    use_reducer(move || {
        let saved = load_progress(&guide.id);
        Player {
            step: starting_step(&browser::location_hash(), route_step, saved.step, total),
            total,
            checked: saved.checked.into_iter().collect(),
            overview: false,
            moved: false,
        }
    })
}

/// Remembers the step and ticks; keeps the address on the step (`#buoc-N`, so a reload
/// shows it even before the app runs) without adding history entries, and follows the
/// address when it changes (Back or Forward over step links followed before the app ran).
#[hook]
fn use_saved_progress(guide: &'static Guide, player: &UseReducerHandle<Player>) {
    let total = player.total;
    use_effect_with(
        (player.step, player.checked.clone()),
        move |(step, checked)| {
            save_progress(&guide.id, *step, checked);
            let path = Route::Guide {
                id: guide.id.clone(),
                step: None,
            }
            .path();
            browser::replace_history(&format!("{path}#{}", fragment_of(*step, total)));
        },
    );
    let dispatcher = player.dispatcher();
    use_effect_with((), move |_| {
        let listener = browser::on_hash_change(move |fragment| {
            if let Some(step) = step_from_fragment(&fragment, total) {
                dispatcher.dispatch(PlayerAction::Go(step));
            }
        });
        move || drop(listener)
    });
}

/// → and ← move between steps.
#[hook]
fn use_arrow_keys(player: &UseReducerHandle<Player>) {
    let dispatcher = player.dispatcher();
    use_effect_with((), move |_| {
        let listener = browser::on_arrow_keys(move |forward| {
            dispatcher.dispatch(if forward {
                PlayerAction::Next
            } else {
                PlayerAction::Back
            })
        });
        move || drop(listener)
    });
}

/// Focus follows the step, so screen readers read it; reading aloud stops on a new step.
#[hook]
fn use_step_focus(player: &UseReducerHandle<Player>, speech: &Speech) {
    let (moved, total) = (player.moved, player.total);
    let speech = speech.clone();
    use_effect_with(player.step, move |step| {
        if moved {
            if *step < total {
                browser::focus_in_view(&step_heading_id(step + 1), &step_id(step + 1));
            } else {
                browser::focus_in_view(FINISH_HEADING_ID, FINISH_ID);
            }
        }
        move || speech.stop()
    });
}

/// “Cần giúp? <help point> — <phone>”: one small line under “Tiếp” when the page has a help
/// point (the whole help point is at the end). Only a number the deployer verified is shown
/// this early: anyone can print a link with a scammer's number.
fn help_line(help: Option<&HelpPoint>, lang: Lang) -> Html {
    let Some(help) = help else {
        return Html::default();
    };
    let place = help.first_screen_title();
    let phone = help.first_screen_phone().map(|phone| format!(" — {phone}"));
    html! {
        <p class="help-line">{ ui::guide::NEED_HELP.get(lang) }{ place }{ phone }</p>
    }
}

#[derive(Properties, PartialEq)]
struct GuideViewProps {
    guide: &'static Guide,
    route_step: Option<usize>,
    #[prop_or_default]
    children: Html,
}

#[function_component]
fn GuideView(props: &GuideViewProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let guide = props.guide;
    let total = guide.steps.len();
    let player = use_player(guide, props.route_step);
    let speech = use_speech(guide.lang.code());
    use_saved_progress(guide, &player);
    use_arrow_keys(&player);
    use_step_focus(&player, &speech);
    let commune = use_commune();

    // Before the app the stylesheet picks the step from the address; the app marks it.
    let live = !app.prerendered;
    let playing = live && !player.overview;
    let step = player.step;
    let on_move = live.then(|| {
        let player = player.clone();
        Callback::from(move |(event, forward): (MouseEvent, bool)| {
            event.prevent_default();
            player.dispatch(if forward {
                PlayerAction::Next
            } else {
                PlayerAction::Back
            });
        })
    });
    let parts = guide
        .steps
        .get(step)
        .map(|current| spoken_parts(current, guide.lang))
        .unwrap_or_default();
    let help = help_line(commune.help.as_ref(), lang);
    let content_lang = guide.lang.code();
    let steps = guide.steps.iter().enumerate().map(|(index, item)| {
        let current = index == step;
        html! {
            <StepCard key={index} step={item} number={index + 1} {total} {lang}
                off={playing && !current} reading={speech.reading.filter(|_| current)}
                on_move={on_move.clone()} help={help.clone()}>
                <PracticeLink guide_id={guide.id.clone()} step={index + 1} />
            </StepCard>
        }
    });

    html! {
        <article class={classes!("page", "guide", player.overview.then_some("overview"))}>
            <h1 lang={content_lang}>{ guide.title.clone() }</h1>
            { fallback_note(guide, lang) }
            <div class="reading-tools no-print">
                <TextSizeButton />
                <ReadAloudButton speech={speech.clone()} {parts} />
            </div>
            { props.children.clone() }
            <StaleNotice {guide} />
            <GuideAbout {guide} player={player.clone()} />
            <div class={classes!("player", live.then_some("live"))} lang={content_lang}>
                { for steps }
                <FinishScreen {guide} off={playing && step < total} on_move={on_move.clone()} />
            </div>
            <crate::components::helper_mode::HelperMode {guide} {step} />
            // Right under the step player: on the first screen of a phone, yet never
            // pushing step 1 and “Tiếp” down.
            <PracticeLink guide_id={guide.id.clone()} />
            <GuideTools {guide} player={player.clone()} />
            <crate::components::handout::HandoutPrint {guide} />
            <GuideHelp {guide} />
            <p class="no-print">
                <Link to={Route::Guides}>{ ui::guide::ALL_GUIDES.get(lang) }</Link>
            </p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct GuidePartProps {
    guide: &'static Guide,
    player: UseReducerHandle<Player>,
}

/// Who it is for, the time, the review date and what to have ready: collapsed under one line,
/// so they never push step 1 down (open in print).
#[function_component]
fn GuideAbout(props: &GuidePartProps) -> Html {
    let lang = use_app().lang();
    let guide = props.guide;
    let content_lang = guide.lang.code();
    let needed = guide.before_you_start.len();
    let what = match needed {
        0 => ui::guide::WHO_IT_IS_FOR.get(lang).to_string(),
        n => ui::guide::have_ready_items(lang, n),
    };
    let summary = match &guide.time_needed {
        Some(time) => format!("{what} · {time}"),
        None => what,
    };
    let checklist = guide
        .before_you_start
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let onchange = {
                let player = props.player.clone();
                Callback::from(move |_: Event| player.dispatch(PlayerAction::Toggle(index)))
            };
            let checked = props.player.checked.contains(&index);
            html! {
                <li key={index}>
                    <label class="choice">
                        <input type="checkbox" {checked} {onchange} />
                        <span lang={content_lang}>{ item.clone() }</span>
                    </label>
                </li>
            }
        });
    html! {
        <details class="guide-about">
            <summary>{ summary }</summary>
            <p class="lead" lang={content_lang}>{ guide.summary.clone() }</p>
            <dl class="guide-facts">
                <div>
                    <dt>{ ui::guide::FOR_WHOM.get(lang) }</dt>
                    <dd lang={content_lang}>{ guide.for_whom.clone() }</dd>
                </div>
                if let Some(time) = &guide.time_needed {
                    <div>
                        <dt>{ ui::guide::TIME_NEEDED.get(lang) }</dt>
                        <dd lang={content_lang}>{ time.clone() }</dd>
                    </div>
                }
            </dl>
            <p class="guide-meta">{ ui::guide::updated_on(lang, guide.reviewed.format_vi()) }</p>
            if needed > 0 {
                <section class="card checklist-box" aria-labelledby="truoc-khi-bat-dau">
                    <h2 id="truoc-khi-bat-dau">{ ui::guide::BEFORE_YOU_START_HAVE_READY.get(lang) }</h2>
                    <ul class="checklist">{ for checklist }</ul>
                    <p class="hint no-print">{ ui::guide::TICK_WHAT_YOU_HAVE.get(lang) }</p>
                </section>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct FinishScreenProps {
    guide: &'static Guide,
    off: bool,
    on_move: Option<Callback<(MouseEvent, bool)>>,
}

/// After the last step: what happens next, the next guide, related guides, local help.
#[function_component]
fn FinishScreen(props: &FinishScreenProps) -> Html {
    let lang = use_app().lang();
    let guide = props.guide;
    let total = guide.steps.len();
    let next_guide = guide
        .next
        .as_deref()
        .and_then(|id| content::entry(lang, id))
        .map(|next| {
            html! {
                <p class="next-guide no-print">
                    <Link to={Route::Guide { id: next.id.clone(), step: None }} class="button big">
                        <span>
                            { ui::guide::NEXT_GUIDE.get(lang) }
                            <span lang={next.lang.code()}>{ next.title.clone() }</span>
                            { fallback_note(next, lang) }
                        </span>
                    </Link>
                </p>
            }
        });
    let related: Vec<Html> = guide
        .related
        .iter()
        .filter_map(|id| content::entry(lang, id))
        .map(|related| guide_item(related, lang, None, None))
        .collect();
    html! {
        <section id={FINISH_ID} class={classes!("finish", props.off.then_some("step-off"))}
            aria-labelledby={FINISH_HEADING_ID}>
            <p class="banner ok">{ ui::guide::done_all_steps(lang, total) }</p>
            <h2 id={FINISH_HEADING_ID} tabindex="-1">{ ui::guide::AFTER_YOU_FINISH.get(lang) }</h2>
            <div lang={guide.lang.code()}>{ paragraphs(&guide.after) }</div>
            { next_guide }
            <CommuneHelp />
            if !related.is_empty() {
                <div class="no-print">
                    <h3>{ ui::guide::RELATED_GUIDES.get(lang) }</h3>
                    <ul class="guide-list">{ for related }</ul>
                </div>
            }
            <StepNav number={total + 1} {total} {lang} on_move={props.on_move.clone()} />
        </section>
    }
}

/// The overview, print, “Bắt đầu lại” (asks first) and the hand-off QR code. The buttons
/// are in the pre-rendered page too (they work once the app runs), so nothing moves then.
#[function_component]
fn GuideTools(props: &GuidePartProps) -> Html {
    let lang = use_app().lang();
    let player = &props.player;
    let toggle_overview = {
        let player = player.clone();
        Callback::from(move |_: MouseEvent| player.dispatch(PlayerAction::ToggleOverview))
    };
    let restart = {
        let player = player.clone();
        Callback::from(move |()| player.dispatch(PlayerAction::Restart))
    };
    html! {
        <div class="actions guide-tools no-print">
            <button type="button" class="secondary" onclick={toggle_overview}>
                if player.overview {
                    { ui::guide::ONE_STEP_AT_TIME.get(lang) }
                } else {
                    { ui::guide::SEE_ALL_STEPS.get(lang) }
                }
            </button>
            <button type="button" class="secondary" onclick={Callback::from(|_: MouseEvent| browser::print())}>
                { ui::guide::PRINT_GUIDE.get(lang) }
            </button>
            <Link to={Route::Handoff { guide: Some(props.guide.id.clone()) }} class="button secondary handoff-open">
                { ui::guide::SHOW_QR_CODE.get(lang) }
            </Link>
            <RestartControl on_restart={restart} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RestartControlProps {
    on_restart: Callback<()>,
}

/// “Bắt đầu lại”: a small secondary control that asks before wiping the step and the ticks.
#[function_component]
fn RestartControl(props: &RestartControlProps) -> Html {
    let lang = use_app().lang();
    let asking = use_state(|| false);
    let set = |value: bool| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(value))
    };
    let confirm = {
        let (asking, on_restart) = (asking.clone(), props.on_restart.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            on_restart.emit(());
        })
    };
    if !*asking {
        return html! {
            <button type="button" class="secondary restart" onclick={set(true)}>
                { ui::guide::START_AGAIN.get(lang) }
            </button>
        };
    }
    html! {
        <div class="banner warning restart-confirm" role="alertdialog" aria-labelledby="hoi-bat-dau-lai">
            <p id="hoi-bat-dau-lai">{ ui::guide::START_AGAIN_FROM_STEP_1.get(lang) }</p>
            <div class="actions">
                <button type="button" class="danger" onclick={confirm}>{ ui::guide::CLEAR_AND_START_AGAIN.get(lang) }</button>
                <button type="button" class="secondary" onclick={set(false)}>{ ui::guide::NO_KEEP_IT.get(lang) }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct GuideHelpProps {
    guide: &'static Guide,
}

/// “Gặp trục trặc?” with the commune's help point beside it, who to ask, and the sources.
#[function_component]
fn GuideHelp(props: &GuideHelpProps) -> Html {
    let lang = use_app().lang();
    let guide = props.guide;
    let content_lang = guide.lang.code();
    let problems = guide.problems.iter().map(|problem| {
        html! {
            <>
                <dt>{ problem.symptom.clone() }</dt>
                <dd>{ problem.fix.clone() }</dd>
            </>
        }
    });
    let sources = guide.sources.iter().map(|source| {
        html! {
            <li>
                <a href={source.url.clone()} target="_blank" rel="noopener noreferrer">{ source.title.clone() }</a>
                { " — " }{ ui::guide::accessed_on(lang, source.accessed.format_vi()) }
            </li>
        }
    });
    let legal_basis = guide
        .legal_basis
        .iter()
        .map(|law| html! { <li>{ law.clone() }</li> });
    html! {
        <>
            if !guide.problems.is_empty() {
                <section class="guide-problems" aria-labelledby="truc-trac">
                    <h2 id="truc-trac">{ ui::guide::HAVING_TROUBLE.get(lang) }</h2>
                    <dl class="problems" lang={content_lang}>{ for problems }</dl>
                </section>
            }
            <section class="help-box" aria-labelledby="hoi-ai">
                <h2 id="hoi-ai">{ ui::guide::WHERE_TO_GET_HELP.get(lang) }</h2>
                // The commune's own help point, when the link carried one.
                <CommuneHelp />
                <p lang={content_lang}>{ guide.help.clone() }</p>
            </section>
            <section class="sources" aria-labelledby="nguon">
                <h2 id="nguon">{ ui::guide::SOURCES.get(lang) }</h2>
                <ul lang={content_lang}>{ for sources }</ul>
                if !guide.legal_basis.is_empty() {
                    <h3>{ ui::guide::LEGAL_BASIS.get(lang) }</h3>
                    <ul lang={content_lang}>{ for legal_basis }</ul>
                }
            </section>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn player(step: usize, total: usize) -> Rc<Player> {
        Rc::new(Player {
            step,
            total,
            checked: BTreeSet::new(),
            overview: false,
            moved: false,
        })
    }

    #[test]
    fn steps_stay_between_the_first_and_the_finish_screen() {
        let last = player(2, 3).reduce(PlayerAction::Next);
        assert_eq!(last.step, 3, "after the last step comes the finish screen");
        assert!(last.moved);
        assert_eq!(last.reduce(PlayerAction::Next).step, 3);
        assert_eq!(player(0, 3).reduce(PlayerAction::Back).step, 0);
    }

    #[test]
    fn arrows_do_nothing_in_the_overview() {
        let overview = player(1, 3).reduce(PlayerAction::ToggleOverview);
        assert!(overview.overview);
        assert_eq!(overview.clone().reduce(PlayerAction::Next).step, 1);
        assert_eq!(overview.reduce(PlayerAction::Back).step, 1);
    }

    #[test]
    fn restart_clears_ticks_and_step() {
        let ticked = player(2, 3)
            .reduce(PlayerAction::Toggle(0))
            .reduce(PlayerAction::Toggle(4))
            .reduce(PlayerAction::Toggle(0));
        assert_eq!(ticked.checked.iter().copied().collect::<Vec<_>>(), [4]);
        let fresh = ticked.reduce(PlayerAction::Restart);
        assert_eq!(
            (fresh.step, fresh.checked.len(), fresh.overview),
            (0, 0, false)
        );
    }

    #[test]
    fn the_address_wins_then_the_link_then_the_saved_step() {
        assert_eq!(starting_step("buoc-2", Some(5), 3, 8), 1);
        assert_eq!(starting_step("sau-khi-xong", None, 3, 8), 8);
        assert_eq!(starting_step("main", Some(5), 3, 8), 4);
        assert_eq!(starting_step("", Some(999), 3, 8), 7);
        assert_eq!(starting_step("", None, 3, 8), 3);
        assert_eq!(starting_step("", None, 99, 8), 8);
    }

    #[test]
    fn the_address_moves_the_player_only_when_it_names_another_step() {
        let moved = player(1, 3).reduce(PlayerAction::Go(3));
        assert_eq!((moved.step, moved.moved), (3, true));
        assert!(!player(1, 3).reduce(PlayerAction::Go(1)).moved);
    }

    use crate::commune::Provenance;

    #[test]
    fn the_first_screen_shows_only_a_verified_number() {
        let profile = sotay_poster::CommuneProfile {
            commune: "Xã Tân Phú".into(),
            places: vec![sotay_poster::HelpPlace {
                phone: Some("0987654321".into()),
                ..Default::default()
            }],
            ..Default::default()
        };
        let line = |provenance| {
            let help = HelpPoint {
                profile: profile.clone(),
                provenance,
            };
            help.first_screen_phone().map(str::to_owned)
        };
        assert_eq!(line(Provenance::FromLink), None);
        assert_eq!(line(Provenance::Saved), None);
        let verified = Provenance::Verified {
            id: "tan-phu".into(),
            deployer: "Sở KH&CN".into(),
        };
        assert_eq!(line(verified).as_deref(), Some("0987654321"));
    }

    #[test]
    fn saved_progress_is_small_json_without_personal_data() {
        let saved = SavedProgress {
            step: 2,
            checked: vec![0, 3],
        };
        let json = serde_json::to_string(&saved).unwrap_or_default();
        assert_eq!(json, r#"{"step":2,"checked":[0,3]}"#);
        let back: SavedProgress = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!((back.step, back.checked), (2, vec![0, 3]));
    }
}
