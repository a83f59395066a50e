//! Tập thử: the list of practice scenarios (`/tap-thu/`) and the practice phone
//! (`/tap-thu/<id>/`).
//!
//! The phone is plainly not the real app: grey, no logos, and every screen
//! carries the practice banner and announces itself as practice. What the
//! resident types lives only in this component's state: it is never sent,
//! never stored, and is dropped on every new screen, on “Tập lại” and when
//! the page comes back from the back-forward cache. The device keeps only
//! which scenarios were finished, with how many hints (`crate::practice`).

use sotay_practice::{Hint, Mistake, Outcome, Practice, Rule, Scenario, Screen, Target, Typed};
use std::rc::Rc;
use yew::prelude::*;

use crate::browser;
use crate::context::use_app;
use crate::i18n::{Lang, ui};
use crate::practice::{Progress, load_progress, save_finished, scenario, scenarios};
use crate::route::{Link, Route};

const SCREEN_TITLE_ID: &str = "tap-man-hinh";
const FINISH_HEADING_ID: &str = "tap-xong";

fn field_dom_id(field: &str) -> String {
    format!("tap-o-{field}")
}

fn button_dom_id(index: usize) -> String {
    format!("tap-nut-{index}")
}

#[function_component]
pub fn PracticeList() -> Html {
    let lang = use_app().lang();
    let progress = use_state(Progress::default);
    {
        // Local storage through `browser` is a no-op while pre-rendering.
        let progress = progress.clone();
        use_effect_with((), move |_| progress.set(load_progress()));
    }
    let items = scenarios().iter().map(|scenario| {
        let status = progress.get(&scenario.id).map(|hints| {
            html! {
                <span class="tag done">{ ui::practice::done_with_hints(lang, hints) }</span>
            }
        });
        html! {
            <li key={scenario.id.clone()}>
                <Link to={Route::PracticeScenario { id: scenario.id.clone() }}>
                    <span class="title" lang="vi">{ scenario.title.clone() }</span>
                    <span class="summary" lang="vi">{ scenario.summary.clone() }</span>
                    { status }
                </Link>
            </li>
        }
    });
    html! {
        <article class="page practice-list">
            <h1>{ ui::practice::TITLE.get(lang) }</h1>
            <p class="lead">{ ui::practice::INTRO.get(lang) }</p>
            <p class="banner">{ ui::practice::MADE_UP_DATA_ONLY.get(lang) }</p>
            <ul class="guide-list">{ for items }</ul>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct PracticePageProps {
    pub id: AttrValue,
}

#[function_component]
pub fn PracticePage(props: &PracticePageProps) -> Html {
    let lang = use_app().lang();
    match scenario(&props.id) {
        Some(scenario) => html! { <Player key={scenario.id.clone()} {scenario} /> },
        None => html! {
            <article class="page">
                <h1>{ ui::practice::EXERCISE_NOT_FOUND.get(lang) }</h1>
                <p class="actions">
                    <Link to={Route::Practice} class="button">{ ui::practice::SEE_ALL_EXERCISES.get(lang) }</Link>
                </p>
            </article>
        },
    }
}

/// The practice phone's state. `typed` is the only place typed text exists.
#[derive(Clone, PartialEq)]
struct PlayerState {
    scenario: &'static Scenario,
    practice: Practice,
    typed: Typed,
    mistakes: Vec<Mistake>,
    hint: Option<Hint>,
    /// The resident acted (so focus follows the screen); false right after loading.
    moved: bool,
}

enum PlayerAction {
    Type(String, String),
    Press(usize),
    Hint,
    Retry,
    Restart,
}

impl PlayerState {
    fn new(scenario: &'static Scenario) -> PlayerState {
        PlayerState {
            scenario,
            practice: Practice::start(scenario),
            typed: Typed::new(),
            mistakes: Vec::new(),
            hint: None,
            moved: false,
        }
    }
}

impl Reducible for PlayerState {
    type Action = PlayerAction;

    fn reduce(self: Rc<Self>, action: PlayerAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PlayerAction::Type(field, value) => {
                next.typed.insert(field, value);
            }
            PlayerAction::Press(button) => {
                next.hint = None;
                next.moved = true;
                match next.practice.press(self.scenario, button, &self.typed) {
                    Outcome::Moved(_) => {
                        next.typed.clear();
                        next.mistakes.clear();
                    }
                    Outcome::Feedback(mistakes) => next.mistakes = mistakes,
                }
            }
            PlayerAction::Hint => {
                next.hint = next.practice.hint(self.scenario, &self.typed);
            }
            PlayerAction::Retry => next.mistakes.clear(),
            PlayerAction::Restart => {
                next = PlayerState::new(self.scenario);
                next.moved = true;
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
struct PlayerProps {
    scenario: &'static Scenario,
}

#[function_component]
fn Player(props: &PlayerProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let scenario = props.scenario;
    let state = use_reducer(|| PlayerState::new(scenario));
    let finished = state.practice.is_finished(scenario);
    {
        // A page restored from the back-forward cache starts over, typed text gone.
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener =
                browser::on_page_restored(move || dispatcher.dispatch(PlayerAction::Restart));
            move || drop(listener)
        });
    }
    {
        // Focus follows the screen, so a screen reader announces the new practice screen.
        let (moved, id, hints) = (state.moved, scenario.id.clone(), state.practice.hints_used);
        use_effect_with((state.practice.screen, finished), move |(_, finished)| {
            if *finished {
                save_finished(&id, hints);
            }
            if moved {
                browser::focus(if *finished {
                    FINISH_HEADING_ID
                } else {
                    SCREEN_TITLE_ID
                });
            }
        });
    }
    {
        // The hint moves focus to the control it points at.
        use_effect_with(state.hint.clone(), move |hint| {
            match hint.as_ref().map(|hint| &hint.target) {
                Some(Target::Field(field)) => browser::focus(&field_dom_id(field)),
                Some(Target::Button(index)) => browser::focus(&button_dom_id(*index)),
                None => {}
            }
        });
    }
    let Some(screen) = state.practice.current(scenario) else {
        return Html::default();
    };

    let on_hint = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(PlayerAction::Hint))
    };
    let task = if finished {
        Html::default()
    } else {
        html! {
            <section class="practice-task" aria-labelledby="tap-viec">
                <h2 id="tap-viec">{ ui::practice::WHAT_TO_DO.get(lang) }</h2>
                <p class="practice-instruction" lang="vi">{ screen.instruction.clone() }</p>
                <div class="actions">
                    <ReadAloud text={screen.instruction.clone()} />
                    <button type="button" class="secondary practice-hint-button" onclick={on_hint}>
                        <span aria-hidden="true">{ "💡 " }</span>{ ui::practice::HINT.get(lang) }
                    </button>
                </div>
                <p class="practice-hint" role="status" lang="vi">
                    { state.hint.as_ref().map(|hint| hint.text.clone()) }
                </p>
            </section>
        }
    };

    let retry = {
        let state = state.clone();
        let first_wrong = state
            .mistakes
            .iter()
            .find_map(|mistake| mistake.field.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(PlayerAction::Retry);
            match &first_wrong {
                Some(field) => browser::focus(&field_dom_id(field)),
                None => browser::focus(SCREEN_TITLE_ID),
            }
        })
    };
    let feedback = if state.mistakes.is_empty() {
        Html::default()
    } else {
        let lines = state
            .mistakes
            .iter()
            .map(|mistake| html! { <li>{ mistake.message.clone() }</li> });
        html! {
            <div class="banner error practice-feedback">
                <p><strong>{ ui::practice::NOT_QUITE.get(lang) }</strong></p>
                <ul lang="vi">{ for lines }</ul>
                <button type="button" class="secondary" onclick={retry}>{ ui::practice::TRY_AGAIN.get(lang) }</button>
            </div>
        }
    };

    let finish = if finished {
        let restart = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(PlayerAction::Restart))
        };
        let guide = Route::Guide {
            id: scenario.guide.clone(),
            step: scenario.guide_step,
        };
        html! {
            <section class="practice-finish banner ok" aria-labelledby={FINISH_HEADING_ID}>
                <h2 id={FINISH_HEADING_ID} tabindex="-1">{ ui::practice::YOU_HAVE_FINISHED.get(lang) }</h2>
                <p>{ ui::practice::finish_counts(lang, state.practice.hints_used, state.practice.mistakes) }</p>
                <p class="actions">
                    <button type="button" class="secondary" onclick={restart}>{ ui::practice::PRACTISE_AGAIN.get(lang) }</button>
                    <Link to={guide} class="button">{ ui::practice::DO_IT_FOR_REAL.get(lang) }</Link>
                </p>
            </section>
        }
    } else {
        Html::default()
    };

    html! {
        <article class="page practice">
            <h1 lang="vi">{ scenario.title.clone() }</h1>
            if app.prerendered {
                <p class="banner warning">{ ui::practice::STILL_LOADING.get(lang) }</p>
            }
            { task }
            <PhoneScreen key={screen.id.clone()} {screen} state={state.clone()} />
            <div class="practice-feedback-area" role="alert">{ feedback }</div>
            { finish }
            <p class="hint">{ ui::practice::TYPED_STAYS_HERE.get(lang) }</p>
            <p>
                <Link to={Route::Practice}>{ ui::practice::ALL_EXERCISES.get(lang) }</Link>
            </p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct PhoneScreenProps {
    screen: &'static Screen,
    state: UseReducerHandle<PlayerState>,
}

/// The grey practice phone: banner, title, message, text, fields, buttons.
#[function_component]
fn PhoneScreen(props: &PhoneScreenProps) -> Html {
    let lang = use_app().lang();
    let screen = props.screen;
    let state = &props.state;
    let hinted = |target: Target| {
        state
            .hint
            .as_ref()
            .is_some_and(|hint| hint.target == target)
            .then_some("hinted")
    };
    let message = screen.message.as_ref().map(|message| {
        let from = &message.from;
        let from = match message.kind.as_str() {
            "cuoc-goi" => ui::practice::call_from(lang, from),
            "thong-bao" => ui::practice::notification_from(lang, from),
            _ => ui::practice::text_message_from(lang, from),
        };
        html! {
            <div class={classes!("phone-message", message.kind.clone())}>
                <p class="message-from">{ from }</p>
                <p>{ message.text.clone() }</p>
            </div>
        }
    });
    let fields = screen.fields.iter().map(|field| {
        let id = field_dom_id(&field.id);
        let error = state
            .mistakes
            .iter()
            .find(|mistake| mistake.field.as_ref() == Some(&field.id))
            .map(|mistake| mistake.message.clone());
        let error_id = format!("{id}-loi");
        let described = error.is_some().then(|| error_id.clone());
        let invalid = error.is_some().then_some("true");
        let value = state.typed.get(&field.id).cloned().unwrap_or_default();
        let rule = Rule::parse(&field.rule, field.length);
        let field_id = field.id.clone();
        let control = match rule {
            Some(Rule::Choice) => {
                let onchange = {
                    let state = state.clone();
                    Callback::from(move |event: Event| {
                        let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
                        state.dispatch(PlayerAction::Type(field_id.clone(), select.value()));
                    })
                };
                let options = field.options.iter().map(|option| {
                    html! { <option value={option.clone()} selected={*option == value}>{ option.clone() }</option> }
                });
                html! {
                    <>
                        <label for={id.clone()}>{ field.label.clone() }</label>
                        <select id={id.clone()} {onchange} aria-invalid={invalid} aria-describedby={described}>
                            <option value="" selected={value.is_empty()}>{ ui::practice::CHOOSE.get(lang) }</option>
                            { for options }
                        </select>
                    </>
                }
            }
            Some(Rule::Tick) => {
                let onchange = {
                    let state = state.clone();
                    Callback::from(move |event: Event| {
                        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                        let value = if input.checked() { "co" } else { "" };
                        state.dispatch(PlayerAction::Type(field_id.clone(), value.to_string()));
                    })
                };
                html! {
                    <label class="choice">
                        <input type="checkbox" id={id.clone()} checked={value == "co"} {onchange}
                            aria-invalid={invalid} aria-describedby={described} />
                        <span>{ field.label.clone() }</span>
                    </label>
                }
            }
            _ => {
                let oninput = {
                    let state = state.clone();
                    Callback::from(move |event: InputEvent| {
                        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                        state.dispatch(PlayerAction::Type(field_id.clone(), input.value()));
                    })
                };
                let mode = rule.map_or("text", Rule::input_mode);
                // Secrets are masked with CSS, not type=password, so no browser
                // offers to save a practice password.
                let secret = rule.is_some_and(Rule::is_secret).then_some("secret");
                html! {
                    <>
                        <label for={id.clone()}>{ field.label.clone() }</label>
                        <input type="text" id={id.clone()} class={classes!(secret)} inputmode={mode}
                            autocomplete="off" spellcheck="false" autocapitalize="off"
                            value={value} {oninput} aria-invalid={invalid} aria-describedby={described} />
                    </>
                }
            }
        };
        html! {
            <div class={classes!("phone-field", hinted(Target::Field(field.id.clone())))}>
                { control }
                if let Some(error) = error {
                    <p class="field-error" id={error_id}>{ error }</p>
                }
            </div>
        }
    });
    let buttons = screen.buttons.iter().enumerate().map(|(index, button)| {
        let onclick = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(PlayerAction::Press(index)))
        };
        html! {
            <button type="button" id={button_dom_id(index)}
                class={classes!("phone-button", hinted(Target::Button(index)))} {onclick}>
                { button.label.clone() }
            </button>
        }
    });
    let paragraphs = screen
        .text
        .iter()
        .map(|text| html! { <p>{ text.clone() }</p> });
    html! {
        <section class="practice-phone" aria-labelledby={SCREEN_TITLE_ID} lang="vi" data-screen={screen.id.clone()}>
            <p class="practice-banner">{ screen.banner.clone() }</p>
            <h2 id={SCREEN_TITLE_ID} class="phone-title" tabindex="-1">
                <span class="visually-hidden">{ ui::practice::PHONE_SCREEN.get(Lang::Vi) }</span>{ screen.title.clone() }
            </h2>
            <div class="phone-body">
                { for message }
                { for paragraphs }
                { for fields }
                if !screen.buttons.is_empty() {
                    <div class="phone-buttons">{ for buttons }</div>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReadAloudProps {
    text: String,
}

/// “Đọc to”: the screen's instruction through the phone's Vietnamese voice (when it has one).
#[function_component]
fn ReadAloud(props: &ReadAloudProps) -> Html {
    let lang = use_app().lang();
    let available = use_state(|| false);
    let speaking = use_state(|| false);
    {
        let available = available.clone();
        use_effect_with((), move |_| {
            available.set(browser::has_voice("vi"));
            let listener =
                browser::on_voices_changed(move || available.set(browser::has_voice("vi")));
            move || drop(listener)
        });
    }
    {
        // Stop reading when the screen changes or the page is left.
        let speaking = speaking.clone();
        use_effect_with(props.text.clone(), move |_| {
            move || {
                browser::stop_speaking();
                speaking.set(false);
            }
        });
    }
    if !*available {
        return Html::default();
    }
    let onclick = {
        let speaking = speaking.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            if *speaking {
                browser::stop_speaking();
                speaking.set(false);
                return;
            }
            let done = {
                let speaking = speaking.clone();
                move || speaking.set(false)
            };
            if browser::speak(&text, "vi", done) {
                speaking.set(true);
            }
        })
    };
    html! {
        <button type="button" class="secondary read-aloud" {onclick}>
            <span aria-hidden="true">{ "🔊 " }</span>
            if *speaking {
                { ui::practice::STOP_READING.get(lang) }
            } else {
                { ui::practice::READ_ALOUD.get(lang) }
            }
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<PlayerState> {
        Rc::new(PlayerState::new(
            scenario("kich-hoat-vneid").expect("the activation scenario"),
        ))
    }

    #[test]
    fn typed_text_is_dropped_on_every_new_screen_and_on_restart() {
        let first = state();
        let typed = first.reduce(PlayerAction::Type("x".into(), "bí mật".into()));
        assert_eq!(typed.typed.len(), 1);
        let wrong = typed.scenario.screens[0]
            .buttons
            .iter()
            .position(|b| b.feedback.is_some())
            .unwrap_or_default();
        let after_wrong = typed.reduce(PlayerAction::Press(wrong));
        assert_eq!(after_wrong.mistakes.len(), 1);
        assert_eq!(after_wrong.practice.mistakes, 1);
        let retried = after_wrong.reduce(PlayerAction::Retry);
        assert!(retried.mistakes.is_empty());
        let right = retried.scenario.screens[0]
            .buttons
            .iter()
            .position(|b| b.go.is_some())
            .unwrap_or_default();
        let moved = retried.reduce(PlayerAction::Press(right));
        assert_ne!(moved.practice.screen, 0);
        assert!(moved.typed.is_empty());
        let restarted = moved
            .reduce(PlayerAction::Hint)
            .reduce(PlayerAction::Restart);
        assert_eq!(restarted.practice.screen, 0);
        assert_eq!(restarted.practice.hints_used, 0);
    }
}
