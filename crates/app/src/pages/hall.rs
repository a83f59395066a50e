//! Màn hình trình chiếu (`/trinh-chieu/`): a full-screen slideshow for the TV or LED screen
//! at the one-stop desk. Each slide is a guide: its title, its key steps, a large QR code of
//! its link (with the commune's help point, so a resident's phone shows the same one) and
//! the help points, in type read from 3 m on a 1920 × 1080 screen. A remote or keyboard
//! drives it: ← → change slides, the space bar pauses and resumes, and the state shows.
//! The guides, their order and the time per slide are chosen on the team page
//! (`components::hall_choice`) and kept on this device; nothing personal is shown or kept.

use std::rc::Rc;

use sotay_guides::{Guide, key_steps};
use sotay_poster::{BaseUrl, EcLevel, display_link, encode_profile, guide_url, verified_guide_url};
use yew::prelude::*;

use crate::browser;
use crate::commune::{HelpPoint, Provenance, use_commune};
use crate::components::hall_choice::{HallSettings, SLIDE_SECONDS, is_known};
use crate::components::help_points::{HelpPointList, help_points};
use crate::components::qr_svg::QrSvg;
use crate::content::{self, CatalogState, use_whole_catalog};
use crate::context::use_app;
use crate::i18n::ui;
use crate::route::{Link, Route, base_path, use_router};

/// Which slide shows and whether the show runs.
#[derive(Clone, Debug, Default, PartialEq)]
struct Show {
    /// Counts up and down without bound; the slide is this modulo the number of slides.
    position: isize,
    paused: bool,
}

enum ShowAction {
    Next,
    Previous,
    TogglePause,
}

impl Reducible for Show {
    type Action = ShowAction;

    fn reduce(self: Rc<Self>, action: ShowAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ShowAction::Next => next.position += 1,
            ShowAction::Previous => next.position -= 1,
            ShowAction::TogglePause => next.paused = !self.paused,
        }
        Rc::new(next)
    }
}

impl Show {
    fn slide(&self, count: usize) -> usize {
        if count == 0 {
            return 0;
        }
        self.position.rem_euclid(count as isize) as usize
    }
}

/// The guide's link for the hall's QR code: a verified help point by its short id, else the
/// help point's own code, so the resident's phone shows the help point the hall shows.
fn hall_link(base: &BaseUrl, guide_id: &str, help: Option<&HelpPoint>) -> String {
    match help {
        Some(HelpPoint {
            provenance: Provenance::Verified { id, .. },
            ..
        }) => verified_guide_url(base, Some(guide_id), id),
        Some(help) => {
            let code = encode_profile(&help.profile).ok();
            guide_url(base, Some(guide_id), code.as_ref())
        }
        None => guide_url(base, Some(guide_id), None),
    }
}

/// What a key does on the hall screen (a TV remote sends arrows and media keys).
fn key_action(key: &str) -> Option<ShowAction> {
    match key {
        "ArrowRight" | "PageDown" | "MediaTrackNext" => Some(ShowAction::Next),
        "ArrowLeft" | "PageUp" | "MediaTrackPrevious" => Some(ShowAction::Previous),
        " " | "Spacebar" | "MediaPlayPause" | "Pause" | "Play" => Some(ShowAction::TogglePause),
        _ => None,
    }
}

/// Keys drive the show, except in the interval list (whose arrows pick a value). A space
/// never also presses the focused button.
#[hook]
fn use_remote_keys(show: &UseReducerHandle<Show>) {
    let dispatcher = show.dispatcher();
    use_effect_with((), move |_| {
        use wasm_bindgen::JsCast;
        let in_form_field = || {
            gloo::utils::document()
                .active_element()
                .map(|active| {
                    matches!(
                        active.tag_name().to_ascii_lowercase().as_str(),
                        "select" | "input" | "textarea"
                    )
                })
                .unwrap_or(false)
        };
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let window = gloo::utils::window();
        let down = gloo::events::EventListener::new_with_options(
            &window,
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if event.alt_key() || event.ctrl_key() || event.meta_key() || in_form_field() {
                    return;
                }
                if let Some(action) = key_action(&event.key()) {
                    event.prevent_default();
                    dispatcher.dispatch(action);
                }
            },
        );
        let up = gloo::events::EventListener::new_with_options(
            &window,
            "keyup",
            options,
            move |event| {
                if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>()
                    && event.key() == " "
                    && !in_form_field()
                {
                    event.prevent_default();
                }
            },
        );
        move || drop((down, up))
    });
}

/// Moves on after `seconds` unless paused; any change of slide starts the count again.
#[hook]
fn use_auto_advance(show: &UseReducerHandle<Show>, seconds: u32, count: usize) {
    let dispatcher = show.dispatcher();
    use_effect_with(
        (show.position, show.paused, seconds, count),
        move |(_, paused, seconds, count)| {
            let timer = (!*paused && *count > 1).then(|| {
                gloo::timers::callback::Timeout::new(seconds.saturating_mul(1000), move || {
                    dispatcher.dispatch(ShowAction::Next)
                })
            });
            move || drop(timer)
        },
    );
}

/// Whether the browser can show the hall full screen, and whether it does now.
#[hook]
fn use_fullscreen() -> (bool, bool) {
    let state = use_state(|| (false, false));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let read = move || {
                let document = gloo::utils::document();
                (
                    document.fullscreen_enabled(),
                    document.fullscreen_element().is_some(),
                )
            };
            state.set(read());
            let listener =
                gloo::events::EventListener::new(&document, "fullscreenchange", move |_| {
                    state.set(read())
                });
            move || drop(listener)
        });
    }
    *state
}

fn toggle_fullscreen(hall: &NodeRef) {
    let document = gloo::utils::document();
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(element) = hall.cast::<web_sys::Element>() {
        // Refused (no user gesture, a policy): the show goes on in the window.
        let _ = element.request_fullscreen();
    }
}

#[function_component]
pub fn HallScreen() -> Html {
    let app = use_app();
    let lang = app.lang();
    let commune = use_commune();
    let route = use_router().route;
    let settings = use_state(HallSettings::default);
    {
        // Storage is read after the first render: never while pre-rendering.
        let settings = settings.clone();
        use_effect_with((), move |_| settings.set(HallSettings::load()));
    }
    let catalog = use_whole_catalog(true);
    let show = use_reducer(Show::default);
    let slides: Vec<&'static Guide> = settings
        .shown(is_known)
        .iter()
        .filter_map(|id| content::guide(lang, id))
        .collect();
    let count = slides.len();
    use_remote_keys(&show);
    use_auto_advance(&show, settings.seconds, count);
    let (can_fullscreen, is_fullscreen) = use_fullscreen();
    let hall = use_node_ref();

    // The address is only known in the browser, and the steps arrive with the catalog.
    let guide = slides
        .get(show.slide(count))
        .copied()
        .filter(|_| !app.prerendered);
    let Some(guide) = guide else {
        let failed = catalog.state == CatalogState::Failed;
        let retry = catalog.load.reform(|_: MouseEvent| ());
        return html! {
            <article class="hall hall-waiting">
                <h1 class="hall-title">{ ui::hall::PAGE_TITLE.get(lang) }</h1>
                if failed {
                    <p role="alert">{ ui::hall::FAILED.get(lang) }</p>
                    <button type="button" class="big" onclick={retry}>{ ui::hall::RETRY.get(lang) }</button>
                } else {
                    <p role="status">{ ui::hall::LOADING.get(lang) }</p>
                }
                <p><Link to={Route::Team}>{ ui::hall::CHOOSE.get(lang) }</Link></p>
            </article>
        };
    };

    let base = BaseUrl::parse(&format!("{}{}", browser::origin(), base_path())).ok();
    let link = base.map(|base| hall_link(&base, &guide.id, commune.help.as_ref()));
    let steps = key_steps(guide)
        .into_iter()
        .map(|(_, step)| html! { <li>{ step.title.clone() }</li> });
    let on = |action: fn() -> ShowAction| {
        let dispatcher = show.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action()))
    };
    let on_seconds = {
        let settings = settings.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Ok(seconds) = select.value().parse::<u32>() {
                let next = HallSettings {
                    seconds,
                    ..(*settings).clone()
                };
                next.save();
                settings.set(next);
            }
        })
    };
    let fullscreen = {
        let hall = hall.clone();
        Callback::from(move |_: MouseEvent| toggle_fullscreen(&hall))
    };
    let state = if show.paused {
        ui::hall::PAUSED.get(lang).to_owned()
    } else {
        ui::hall::playing(lang, settings.seconds)
    };
    html! {
        <article class={classes!("hall", show.paused.then_some("paused"))} ref={hall}>
            <section class="hall-slide" lang={guide.lang.code()}
                aria-live={if show.paused { "polite" } else { "off" }}>
                <h1 class="hall-title">{ guide.title.clone() }</h1>
                <div class="hall-main">
                    <div class="hall-text">
                        <h2 class="hall-steps-heading">{ ui::hall::KEY_STEPS.get(lang) }</h2>
                        <ol class="hall-steps">{ for steps }</ol>
                        <div class="hall-help">
                            <HelpPointList points={help_points(&commune, &route)} />
                        </div>
                    </div>
                    if let Some(link) = link {
                        <figure class="hall-qr">
                            <QrSvg text={AttrValue::from(link.clone())} ec_level={EcLevel::M}
                                label={ui::hall::QR_LABEL.get(lang)} />
                            <figcaption>{ ui::hall::SCAN.get(lang) }</figcaption>
                            <p class="hall-link">{ display_link(&link).to_owned() }</p>
                        </figure>
                    }
                </div>
            </section>
            <footer class="hall-bar">
                <p class="hall-state" role="status">
                    <strong>{ ui::hall::slide_of(lang, show.slide(count) + 1, count) }</strong>
                    { " · " }{ state }
                </p>
                <div class="hall-controls">
                    <button type="button" class="secondary hall-prev" onclick={on(|| ShowAction::Previous)}>
                        { "◀ " }{ ui::hall::PREVIOUS.get(lang) }
                    </button>
                    <button type="button" class="hall-pause" aria-pressed={if show.paused { "true" } else { "false" }}
                        onclick={on(|| ShowAction::TogglePause)}>
                        { if show.paused { ui::hall::RESUME.get(lang) } else { ui::hall::PAUSE.get(lang) } }
                    </button>
                    <button type="button" class="secondary hall-next" onclick={on(|| ShowAction::Next)}>
                        { ui::hall::NEXT.get(lang) }{ " ▶" }
                    </button>
                    if can_fullscreen {
                        <button type="button" class="secondary hall-fullscreen" onclick={fullscreen}>
                            { if is_fullscreen { ui::hall::EXIT_FULLSCREEN.get(lang) } else { ui::hall::FULLSCREEN.get(lang) } }
                        </button>
                    }
                    <label class="hall-seconds" for="hall-seconds">{ ui::hall::INTERVAL.get(lang) }</label>
                    <select id="hall-seconds" onchange={on_seconds}>
                        { for SLIDE_SECONDS.iter().map(|&seconds| html! {
                            <option value={seconds.to_string()} selected={seconds == settings.seconds}>
                                { ui::hall::seconds(lang, seconds) }
                            </option>
                        }) }
                    </select>
                    <Link to={Route::Team} class="hall-choose">{ ui::hall::CHOOSE.get(lang) }</Link>
                </div>
                <p class="hall-keys">{ ui::hall::KEYS_HINT.get(lang) }</p>
            </footer>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sotay_poster::CommuneProfile;

    #[test]
    fn slides_wrap_both_ways() {
        let show = Rc::new(Show::default());
        let back = show.clone().reduce(ShowAction::Previous);
        assert_eq!(back.slide(3), 2);
        let on = back.reduce(ShowAction::Next).reduce(ShowAction::Next);
        assert_eq!(on.slide(3), 1);
        assert_eq!(on.slide(0), 0);
        let paused = on.reduce(ShowAction::TogglePause);
        assert!(paused.paused);
        assert!(!paused.reduce(ShowAction::TogglePause).paused);
    }

    #[test]
    fn remote_keys() {
        assert!(matches!(key_action("ArrowRight"), Some(ShowAction::Next)));
        assert!(matches!(key_action("PageUp"), Some(ShowAction::Previous)));
        assert!(matches!(key_action(" "), Some(ShowAction::TogglePause)));
        assert!(key_action("Enter").is_none());
    }

    #[test]
    fn the_code_carries_the_help_point() {
        let base = BaseUrl::parse("https://sotay.example.vn/").unwrap();
        assert_eq!(
            hall_link(&base, "kich-hoat-vneid", None),
            "https://sotay.example.vn/g/kich-hoat-vneid/"
        );
        let profile = CommuneProfile::new("Xã Tân Phú");
        let code = profile.encode().unwrap();
        let saved = HelpPoint {
            profile: profile.clone(),
            provenance: Provenance::Saved,
        };
        assert_eq!(
            hall_link(&base, "kich-hoat-vneid", Some(&saved)),
            format!("https://sotay.example.vn/g/kich-hoat-vneid/?c={code}")
        );
        let verified = HelpPoint {
            profile,
            provenance: Provenance::Verified {
                id: "tan-phu".into(),
                deployer: "Sở KH&CN".into(),
            },
        };
        assert_eq!(
            hall_link(&base, "kich-hoat-vneid", Some(&verified)),
            "https://sotay.example.vn/g/kich-hoat-vneid/?x=tan-phu"
        );
    }
}
