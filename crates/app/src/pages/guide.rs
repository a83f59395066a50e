//! A guide (`/g/<id>/`, `?buoc=N` opens step N).
//!
//! With JavaScript it is a player: one step per screen, big “Tiếp” / “Quay lại”, progress, a
//! finish screen with what happens next. The step and the ticked checklist items are kept on the
//! device (local storage, no personal data) so a resident can leave and come back. Pre-rendered
//! (no JavaScript yet, or none at all), in the volunteers' overview and in print, every step shows
//! at once, in the same step cards: the player only hides the others.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use sotay_guides::Guide;
use yew::prelude::*;

use crate::app::use_app;
use crate::browser;
use crate::components::commune_help::CommuneHelp;
use crate::components::guide_list::{fallback_note, guide_item};
use crate::components::guide_step::{StepCard, paragraphs, spoken_text, step_heading_id};
use crate::components::stale_notice::StaleNotice;
use crate::content::{self, CatalogState, use_guides, use_whole_catalog};
use crate::i18n::Pick;
use crate::route::{Link, Route};

const FINISH_HEADING_ID: &str = "sau-khi-xong";

#[derive(Properties, PartialEq)]
pub struct GuidePageProps {
    #[prop_or_default]
    pub id: AttrValue,
    /// 1-based step from `?buoc=N`.
    #[prop_or_default]
    pub step: Option<usize>,
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
    html! { <GuideView {key} {guide} route_step={props.step} /> }
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
                    <p>{ lang.pick(
                        "Chưa tải được nội dung hướng dẫn này. Điện thoại có thể đang mất mạng: hãy bật mạng (Wi-Fi hoặc dữ liệu di động) rồi bấm “Thử lại”.",
                        "The guide could not be loaded. The phone may be offline: turn on Wi-Fi or mobile data, then tap “Try again”.",
                    ) }</p>
                    <button type="button" class="big" onclick={retry}>{ lang.pick("Thử lại", "Try again") }</button>
                </div>
            } else {
                <p role="status">{ lang.pick("Đang mở hướng dẫn…", "Opening the guide…") }</p>
            }
        </article>
    }
}

#[function_component]
fn GuideNotFound() -> Html {
    let lang = use_app().lang();
    html! {
        <article class="page">
            <h1>{ lang.pick("Không tìm thấy hướng dẫn này", "Guide not found") }</h1>
            <p>{ lang.pick(
                "Có thể đường dẫn bị gõ nhầm, hoặc mã QR đã cũ. Bạn hãy chọn hướng dẫn trong danh sách, hoặc tìm theo tên việc cần làm.",
                "The link may be mistyped or the QR code outdated. Pick the guide from the list, or search for what you need to do.",
            ) }</p>
            <p class="actions">
                <Link to={Route::Guides} class="button">{ lang.pick("Xem danh sách hướng dẫn", "See all guides") }</Link>
                <Link to={Route::Questionnaire} class="button secondary">{ lang.pick("Tôi cần làm gì?", "What do I need to do?") }</Link>
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

#[derive(Properties, PartialEq)]
struct GuideViewProps {
    guide: &'static Guide,
    route_step: Option<usize>,
}

#[function_component]
fn GuideView(props: &GuideViewProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let guide = props.guide;
    let total = guide.steps.len();
    let player = {
        let (id, route_step) = (guide.id.clone(), props.route_step);
        // Local storage through `browser` is a no-op while pre-rendering.
        use_reducer(move || {
            let saved = load_progress(&id);
            let step = match route_step {
                Some(n) => n.saturating_sub(1).min(total.saturating_sub(1)),
                None => saved.step.min(total),
            };
            Player {
                step,
                total,
                checked: saved.checked.into_iter().collect(),
                overview: false,
                moved: false,
            }
        })
    };
    let voice_available = use_state(|| false);
    let speaking = use_state(|| false);
    // Which reading is current, so a stopped one does not reset the button of the next.
    let reading = use_mut_ref(|| Rc::new(Cell::new(0u32)));
    let voice_lang = guide.lang.code();

    {
        let voice_available = voice_available.clone();
        use_effect_with(voice_lang, move |voice_lang| {
            let voice_lang = *voice_lang;
            voice_available.set(browser::has_voice(voice_lang));
            let listener = browser::on_voices_changed(move || {
                voice_available.set(browser::has_voice(voice_lang))
            });
            move || drop(listener)
        });
    }
    {
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
    {
        // Remember progress; keep the address shareable (`?buoc=N`) without adding history entries.
        let id = guide.id.clone();
        use_effect_with(
            (player.step, player.checked.clone()),
            move |(step, checked)| {
                save_progress(&id, *step, checked);
                let route_step = (*step < total).then_some(step + 1);
                browser::replace_history(
                    &Route::Guide {
                        id,
                        step: route_step,
                    }
                    .path(),
                );
            },
        );
    }
    {
        // Focus follows the step, so screen readers read it and the page scrolls to it.
        let moved = player.moved;
        let speaking = speaking.clone();
        use_effect_with(player.step, move |step| {
            if moved {
                if *step < total {
                    browser::focus(&step_heading_id(step + 1));
                } else {
                    browser::focus(FINISH_HEADING_ID);
                }
            }
            // Stop reading when the step changes or the page is left.
            move || {
                browser::stop_speaking();
                speaking.set(false);
            }
        });
    }

    let prerendered = app.prerendered;
    let playing = !prerendered && !player.overview;
    let step = player.step;
    let finished = step >= total;
    let content_lang = guide.lang.code();
    let dispatch = |action: fn() -> PlayerAction| {
        let player = player.clone();
        Callback::from(move |_: MouseEvent| player.dispatch(action()))
    };

    let meta = html! {
        <dl class="guide-facts">
            <div>
                <dt>{ lang.pick("Dành cho", "For") }</dt>
                <dd lang={content_lang}>{ guide.for_whom.clone() }</dd>
            </div>
            if let Some(time) = &guide.time_needed {
                <div>
                    <dt>{ lang.pick("Thời gian", "Time needed") }</dt>
                    <dd lang={content_lang}>{ time.clone() }</dd>
                </div>
            }
        </dl>
    };
    let reviewed = format!(
        "{} {}",
        lang.pick("Cập nhật ngày", "Updated"),
        guide.reviewed.format_vi()
    );

    let checklist = guide
        .before_you_start
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let onchange = {
                let player = player.clone();
                Callback::from(move |_: Event| player.dispatch(PlayerAction::Toggle(index)))
            };
            let checked = player.checked.contains(&index);
            html! {
                <li key={index}>
                    <label class="choice">
                        <input type="checkbox" {checked} {onchange} />
                        <span lang={content_lang}>{ item.clone() }</span>
                    </label>
                </li>
            }
        });

    let progress = if !playing {
        html! {
            <p class="progress">{ format!("{} {total} {}", lang.pick("Gồm", "In"), lang.pick("bước", "steps")) }</p>
        }
    } else {
        let shown = (step + 1).min(total);
        let label = if finished {
            format!(
                "{} {total}/{total} {}",
                lang.pick("Đã xong", "Done:"),
                lang.pick("bước", "steps")
            )
        } else {
            format!("{} {shown}/{total}", lang.pick("Bước", "Step"))
        };
        let value = if finished { total } else { shown };
        html! {
            <>
                <p class="progress" id="tien-do">{ label }</p>
                <progress class="progress-bar" max={total.to_string()} value={value.to_string()}
                    aria-labelledby="tien-do"></progress>
            </>
        }
    };

    let read_aloud = |index: usize| -> Html {
        if !playing || !*voice_available || index != step {
            return Html::default();
        }
        let Some(current) = guide.steps.get(index) else {
            return Html::default();
        };
        let onclick = {
            let speaking = speaking.clone();
            let reading = reading.borrow().clone();
            let text = spoken_text(current, guide.lang);
            Callback::from(move |_: MouseEvent| {
                if *speaking {
                    browser::stop_speaking();
                    speaking.set(false);
                    return;
                }
                let this_reading = reading.get().wrapping_add(1);
                reading.set(this_reading);
                let done = {
                    let speaking = speaking.clone();
                    let reading = reading.clone();
                    move || {
                        if reading.get() == this_reading {
                            speaking.set(false);
                        }
                    }
                };
                if browser::speak(&text, voice_lang, done) {
                    speaking.set(true);
                }
            })
        };
        let label = if *speaking {
            lang.pick("Dừng đọc", "Stop reading")
        } else {
            lang.pick("Đọc to bước này", "Read this step aloud")
        };
        html! {
            <p class="read-aloud no-print">
                <button type="button" class="secondary" {onclick}>
                    <span aria-hidden="true">{ "🔊 " }</span>{ label }
                </button>
            </p>
        }
    };

    let steps = guide.steps.iter().enumerate().map(|(index, item)| {
        html! {
            <StepCard key={index} step={item} number={index + 1} {lang} off={playing && index != step}>
                { read_aloud(index) }
                <crate::components::practice_link::PracticeLink guide_id={guide.id.clone()} step={index + 1} />
            </StepCard>
        }
    });

    let step_nav = if playing && !finished {
        let last = step + 1 == total;
        html! {
            <nav class="step-nav no-print" aria-label={lang.pick("Chuyển bước", "Steps")}>
                if step > 0 {
                    <button type="button" class="secondary big prev" onclick={dispatch(|| PlayerAction::Back)}>
                        <span aria-hidden="true">{ "← " }</span>{ lang.pick("Quay lại", "Back") }
                    </button>
                }
                <button type="button" class="big next" onclick={dispatch(|| PlayerAction::Next)}>
                    if last {
                        { lang.pick("Xong", "Done") }<span aria-hidden="true">{ " ✓" }</span>
                    } else {
                        { lang.pick("Tiếp", "Next") }<span aria-hidden="true">{ " →" }</span>
                    }
                </button>
            </nav>
        }
    } else {
        Html::default()
    };

    let tools = if prerendered {
        Html::default()
    } else {
        html! {
            <div class="actions guide-tools no-print">
                <button type="button" class="secondary" onclick={dispatch(|| PlayerAction::ToggleOverview)}>
                    if player.overview {
                        { lang.pick("Xem từng bước", "One step at a time") }
                    } else {
                        { lang.pick("Xem tất cả các bước", "See all steps") }
                    }
                </button>
                <button type="button" class="secondary" onclick={Callback::from(|_: MouseEvent| browser::print())}>
                    { lang.pick("In hướng dẫn", "Print the guide") }
                </button>
                <button type="button" class="secondary" onclick={dispatch(|| PlayerAction::Restart)}>
                    { lang.pick("Bắt đầu lại", "Start again") }
                </button>
            </div>
        }
    };

    let next_guide = guide
        .next
        .as_deref()
        .and_then(|id| content::entry(lang, id))
        .map(|next| {
            html! {
                <p class="next-guide no-print">
                    <Link to={Route::Guide { id: next.id.clone(), step: None }} class="button big">
                        <span>
                            { lang.pick("Việc tiếp theo: ", "Next: ") }
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
    let finish = html! {
        <section class={classes!("finish", (playing && !finished).then_some("step-off"))}
            aria-labelledby={FINISH_HEADING_ID}>
            if playing && finished {
                <p class="banner ok" role="status">{ format!(
                    "{} {total} {}",
                    lang.pick("Bạn đã làm xong cả", "You have done all"),
                    lang.pick("bước. Giỏi lắm!", "steps. Well done!"),
                ) }</p>
            }
            <h2 id={FINISH_HEADING_ID} tabindex="-1">{ lang.pick("Điều gì xảy ra tiếp theo", "What happens next") }</h2>
            <div lang={content_lang}>{ paragraphs(&guide.after) }</div>
            { next_guide }
            if !related.is_empty() {
                <div class="no-print">
                    <h3>{ lang.pick("Hướng dẫn liên quan", "Related guides") }</h3>
                    <ul class="guide-list">{ for related }</ul>
                </div>
            }
            if playing && finished {
                <div class="step-nav no-print">
                    <button type="button" class="secondary big prev" onclick={dispatch(|| PlayerAction::Back)}>
                        <span aria-hidden="true">{ "← " }</span>{ lang.pick("Quay lại", "Back") }
                    </button>
                </div>
            }
        </section>
    };

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
                { format!(" — {} {}", lang.pick("xem ngày", "accessed"), source.accessed.format_vi()) }
            </li>
        }
    });
    let legal_basis = guide
        .legal_basis
        .iter()
        .map(|law| html! { <li>{ law.clone() }</li> });

    html! {
        <article class={classes!("page", "guide", player.overview.then_some("overview"))}>
            <h1 lang={content_lang}>{ guide.title.clone() }</h1>
            { fallback_note(guide, lang) }
            <p class="lead" lang={content_lang}>{ guide.summary.clone() }</p>
            <crate::components::practice_link::PracticeLink guide_id={guide.id.clone()} />
            { meta }
            <p class="guide-meta">{ reviewed }</p>
            <StaleNotice {guide} />

            if !guide.before_you_start.is_empty() {
                <section class="card checklist-box" aria-labelledby="truoc-khi-bat-dau">
                    <h2 id="truoc-khi-bat-dau">{ lang.pick("Trước khi bắt đầu, cần có", "Before you start, have ready") }</h2>
                    <ul class="checklist">{ for checklist }</ul>
                    <p class="hint no-print">{ lang.pick(
                        "Đánh dấu những thứ đã có. Dấu tích chỉ lưu trên máy này.",
                        "Tick what you have. Ticks are kept only on this device.",
                    ) }</p>
                </section>
            }

            <div class="player-head">{ progress }</div>
            <div class="guide-steps" lang={content_lang}>{ for steps }</div>
            { step_nav }
            { finish }
            { tools }
            <p class="no-print handoff-row">
                <Link to={Route::Handoff { guide: Some(guide.id.clone()) }} class="button secondary handoff-open">
                    { lang.pick("Hiện mã QR", "Show QR code") }
                </Link>
            </p>

            if !guide.problems.is_empty() {
                <section class="guide-problems" aria-labelledby="truc-trac">
                    <h2 id="truc-trac">{ lang.pick("Gặp trục trặc?", "Having trouble?") }</h2>
                    <dl class="problems" lang={content_lang}>{ for problems }</dl>
                </section>
            }
            <section class="help-box" aria-labelledby="hoi-ai">
                <h2 id="hoi-ai">{ lang.pick("Hỏi ai khi cần giúp", "Where to get help") }</h2>
                // The commune's own help point, when the link carried one.
                <CommuneHelp />
                <p lang={content_lang}>{ guide.help.clone() }</p>
            </section>
            <section class="sources" aria-labelledby="nguon">
                <h2 id="nguon">{ lang.pick("Nguồn tham khảo", "Sources") }</h2>
                <ul lang={content_lang}>{ for sources }</ul>
                if !guide.legal_basis.is_empty() {
                    <h3>{ lang.pick("Căn cứ pháp lý", "Legal basis") }</h3>
                    <ul lang={content_lang}>{ for legal_basis }</ul>
                }
            </section>
            <p class="no-print">
                <Link to={Route::Guides}>{ lang.pick("← Tất cả hướng dẫn", "← All guides") }</Link>
            </p>
        </article>
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
