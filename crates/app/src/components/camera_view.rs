//! What the camera reader shows: the viewfinder, the live guidance line, its
//! buttons and the messages when the camera cannot be used. No browser calls;
//! `camera_reader` decides what state it is in.

use sotay_scan::Guidance;
use yew::prelude::*;

use crate::i18n::{Lang, ui};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Phase {
    Idle,
    Starting,
    Live,
    /// Stopped because the tab was hidden.
    Paused,
    Failed(Problem),
}

/// What the screen shows of a camera session.
pub struct CameraView {
    pub phase: Phase,
    /// `None`: the plain “aim at the box” line.
    pub guidance: Option<Guidance>,
    /// No code for a while: show tips.
    pub slow: bool,
    /// `Some(on)` when the camera has a torch.
    pub torch: Option<bool>,
    pub can_switch: bool,
}

/// The buttons' handlers.
pub struct Actions {
    pub start: Callback<MouseEvent>,
    pub stop: Callback<MouseEvent>,
    pub torch: Callback<MouseEvent>,
    pub switch: Callback<MouseEvent>,
}

impl CameraView {
    pub fn render(&self, lang: Lang, video: NodeRef, actions: Actions) -> Html {
        let phase = self.phase;
        let live = matches!(phase, Phase::Live | Phase::Starting);
        let status = match phase {
            Phase::Starting => ui::camera_view::OPENING_CAMERA.get(lang),
            Phase::Live => hint_text(self.guidance, self.torch, lang),
            Phase::Paused => ui::camera_view::CAMERA_OFF_AFTER_LEAVING.get(lang),
            _ => "",
        };
        let torch_on = if self.torch == Some(true) {
            "true"
        } else {
            "false"
        };
        html! {
            <section class="camera-reader" aria-labelledby="quet-camera" data-camera={if live { "on" } else { "off" }}>
                <h2 id="quet-camera">{ ui::camera_view::SCAN_WITH_CAMERA.get(lang) }</h2>
                <div class={classes!("viewfinder", (!live).then_some("off"))}>
                    <video ref={video} muted=true autoplay=true playsinline=true aria-hidden="true"></video>
                    <div class="target"></div>
                    <p class="live-hint" aria-live="polite">{ status }</p>
                </div>
                if !live {
                    <p class="visually-hidden" aria-live="polite">{ status }</p>
                }
                if let Phase::Failed(problem) = phase {
                    { problem_view(problem, lang) }
                }
                if live && self.slow {
                    { slow_tips(lang) }
                }
                <div class="actions camera-actions">
                    if live {
                        <button type="button" class="button secondary" onclick={actions.stop}>{ ui::camera_view::TURN_OFF_CAMERA.get(lang) }</button>
                        if self.torch.is_some() {
                            <button type="button" class="button secondary torch" aria-pressed={torch_on} onclick={actions.torch}>
                                { ui::camera_view::LIGHT.get(lang) }
                            </button>
                        }
                        if self.can_switch {
                            <button type="button" class="button secondary" onclick={actions.switch}>{ ui::camera_view::SWITCH_CAMERA.get(lang) }</button>
                        }
                    } else {
                        <button type="button" class="button big camera-start" onclick={actions.start}>
                            { if phase == Phase::Paused { ui::camera_view::TURN_CAMERA_BACK_ON.get(lang) } else { ui::camera_view::TURN_ON_CAMERA.get(lang) } }
                        </button>
                    }
                </div>
            </section>
        }
    }
}

/// Why the camera cannot be used.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Problem {
    Denied,
    NoCamera,
    NotSecure,
    Busy,
    NoDecoder,
}

/// The line over the viewfinder: `None` asks for the card; guidance says
/// what to do when a code is seen but not read. “Bật đèn” only where the
/// camera has a torch (its button is there too).
fn hint_text(guidance: Option<Guidance>, torch: Option<bool>, lang: Lang) -> &'static str {
    match guidance {
        None => ui::camera_view::PUT_CODE_IN_BOX.get(lang),
        Some(Guidance::Centre) => ui::camera_view::MOVE_CODE_TO_MIDDLE.get(lang),
        Some(Guidance::Closer) => ui::camera_view::COME_CLOSER.get(lang),
        Some(Guidance::Steady) => ui::camera_view::HOLD_STILL.get(lang),
        Some(Guidance::Light) if torch.is_some() => ui::camera_view::TURN_ON_LIGHT.get(lang),
        Some(Guidance::Light) => ui::camera_view::MOVE_TO_BRIGHTER_PLACE.get(lang),
    }
}

fn problem_view(problem: Problem, lang: Lang) -> Html {
    let (title, steps): (&str, Vec<&str>) = match problem {
        Problem::Denied => (
            ui::camera_view::NO_PERMISSION.get(lang),
            vec![
                ui::camera_view::ALLOW_CAMERA_STEPS.get(lang),
                ui::camera_view::OR_TAKE_PHOTO_OF_CODE.get(lang),
            ],
        ),
        Problem::NoCamera => (
            ui::camera_view::NO_CAMERA_WAS_FOUND.get(lang),
            vec![ui::camera_view::CHOOSE_PHOTO_OF_CODE.get(lang)],
        ),
        Problem::NotSecure => (
            ui::camera_view::NEEDS_HTTPS.get(lang),
            vec![ui::camera_view::OPEN_WITH_HTTPS.get(lang)],
        ),
        Problem::Busy => (
            ui::camera_view::CAMERA_COULD_NOT_BE_OPENED.get(lang),
            vec![ui::camera_view::CLOSE_OTHER_APPS_USING_CAMERA.get(lang)],
        ),
        Problem::NoDecoder => (
            ui::camera_view::THIS_BROWSER_CANNOT_RUN_CODE.get(lang),
            vec![ui::camera_view::TYPE_CODES_TEXT_BELOW.get(lang)],
        ),
    };
    html! {
        <div class="banner error camera-problem" role="alert">
            <p><strong>{ title }</strong></p>
            <ul>{ for steps.into_iter().map(|step| html! { <li>{ step }</li> }) }</ul>
        </div>
    }
}

/// Tips after a while without a code; the camera keeps going.
fn slow_tips(lang: Lang) -> Html {
    html! {
        <div class="banner warning camera-slow" role="status">
            <p><strong>{ ui::camera_view::NO_CODE_READ_YET.get(lang) }</strong></p>
            <ul>
                <li>{ ui::camera_view::HOLD_CARD_FLAT_QR_CODE.get(lang) }</li>
                <li>{ ui::camera_view::AVOID_REFLECTIONS.get(lang) }</li>
                <li>{ ui::camera_view::OR_PHOTO_OR_TYPE.get(lang) }</li>
            </ul>
        </div>
    }
}
