//! The camera reader of “Quét CCCD”: a viewfinder with a target box and live
//! guidance, decoding frames in the scan worker. (Not also the browser's
//! `BarcodeDetector`: two decoders on every frame halve a cheap phone's
//! frame rate, and only ours says why a code it sees cannot be read.)
//!
//! The camera starts only when the resident taps “Bật camera”, and every
//! track is stopped when a code is read, when the tab is hidden and when the
//! screen goes away. At most one frame is with the worker at a time, so the
//! page never queues work and never freezes. Frame checks (dark, shaking)
//! and the decoder's guidance live in `sotay_scan`; this file is browser
//! wiring. Privacy: frames and the decoded text stay in memory; the text
//! goes to `on_text` and nowhere else.
//!
//! Tests see `data-camera="on|off"` on the reader and, on `window`,
//! `sotayCameraTrackStates()`: the `readyState` of the last camera's tracks
//! (“live” / “ended”), nothing else.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use sotay_scan::Guidance;
use sotay_scan::frame::{CAMERA_MAX_SIDE, FrameWatch, fit_within};
use sotay_scan::protocol::{Outcome, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{HtmlVideoElement, MediaStream, MediaStreamConstraints, MediaStreamTrack};
use yew::prelude::*;

use crate::components::camera_media::{
    LAST_TRACKS, expose_track_states, has_torch, list_cameras, problem_of, set_torch, tracks_of,
    video_constraints,
};
use crate::components::camera_view::{Actions, CameraView, Phase, Problem};
use crate::components::scan_worker::{FrameGrabber, ScanWorker, WorkerEvent};
use crate::context::use_app;

/// After this long without a code, say what else to try (the camera keeps going).
const SLOW_AFTER_MS: f64 = 20_000.0;
/// Between two looks at the video; the worker's answer gates the real pace.
const TICK_MS: u32 = 40;
/// A piece of guidance stays up this long unless another replaces it.
const GUIDANCE_MS: f64 = 1_500.0;

#[derive(Properties, PartialEq)]
pub struct CameraReaderProps {
    /// Gets the text of the first code read.
    pub on_text: Callback<String>,
}

/// Handles to the parts of the screen the camera loop updates.
#[derive(Clone)]
struct Ui {
    phase: UseStateHandle<Phase>,
    /// `None`: the plain “aim at the box” line.
    guidance: UseStateHandle<Option<Guidance>>,
    slow: UseStateHandle<bool>,
    /// `Some(on)` when the camera has a torch.
    torch: UseStateHandle<Option<bool>>,
    can_switch: UseStateHandle<bool>,
    on_text: Callback<String>,
    video: NodeRef,
}

/// Everything one camera session holds; lives in a `use_mut_ref`.
#[derive(Default)]
struct Session {
    stream: Option<MediaStream>,
    worker: Option<ScanWorker>,
    grabber: Option<FrameGrabber>,
    timer: Option<Timeout>,
    /// Bumped by every start and stop: late answers from an older session are dropped.
    generation: u32,
    frame_id: u32,
    worker_busy: bool,
    started_at: f64,
    guided_at: f64,
    watch: FrameWatch,
    devices: Vec<String>,
    device_index: usize,
}

type Shared = Rc<RefCell<Session>>;

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Stops every track and the loop; the worker ends too. Safe to call twice.
fn stop(session: &Shared, ui: &Ui) {
    let Ok(mut s) = session.try_borrow_mut() else {
        return;
    };
    s.generation += 1;
    (s.timer, s.worker_busy) = (None, false);
    let (stream, worker) = (s.stream.take(), s.worker.take());
    drop(s);
    for track in stream.as_ref().map(tracks_of).unwrap_or_default() {
        track.stop();
    }
    if let Some(video) = ui.video.cast::<HtmlVideoElement>() {
        video.set_src_object(None);
    }
    // Dropped later: this may run inside the worker's own message handler.
    spawn_local(async move { drop(worker) });
}

/// Asks for the camera and starts the loop.
fn start(session: Shared, ui: Ui, device: Option<String>) {
    stop(&session, &ui);
    let window = gloo::utils::window();
    if !window.is_secure_context() {
        return ui.phase.set(Phase::Failed(Problem::NotSecure));
    }
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&video_constraints(device.as_deref()));
    constraints.set_audio(&JsValue::FALSE);
    let media = window.navigator().media_devices().ok();
    let Some(promise) = media.and_then(|m| m.get_user_media_with_constraints(&constraints).ok())
    else {
        return ui.phase.set(Phase::Failed(Problem::NoCamera));
    };
    let generation = session.borrow().generation;
    ui.phase.set(Phase::Starting);
    ui.slow.set(false);
    spawn_local(async move {
        let stream: MediaStream = match JsFuture::from(promise).await {
            Ok(stream) => stream.unchecked_into(),
            Err(error) => return ui.phase.set(Phase::Failed(problem_of(&error))),
        };
        let tracks = tracks_of(&stream);
        if session.borrow().generation != generation {
            // Left the screen while the browser was asking: give the camera back.
            return tracks.iter().for_each(MediaStreamTrack::stop);
        }
        expose_track_states();
        LAST_TRACKS.with(|last| *last.borrow_mut() = tracks.clone());
        ui.torch.set(has_torch(tracks.first()).then_some(false));
        if let Some(video) = ui.video.cast::<HtmlVideoElement>() {
            video.set_src_object(Some(&stream));
            // Autoplay of a muted inline video is allowed; the promise only says when it runs.
            let _ = video.play();
        }
        let worker = {
            let (session, ui) = (session.clone(), ui.clone());
            ScanWorker::start(move |event| on_worker(&session, &ui, generation, event))
        };
        let mut s = session.borrow_mut();
        let Some(worker) = worker else {
            drop(s);
            tracks.iter().for_each(MediaStreamTrack::stop);
            return ui.phase.set(Phase::Failed(Problem::NoDecoder));
        };
        (s.stream, s.worker) = (Some(stream), Some(worker));
        s.grabber = s.grabber.take().or_else(FrameGrabber::new);
        (s.started_at, s.guided_at) = (now(), 0.0);
        s.watch.reset();
        drop(s);
        ui.phase.set(Phase::Live);
        ui.guidance.set(None);
        let (can_switch, listed) = (ui.can_switch.clone(), session.clone());
        list_cameras(move |ids| {
            can_switch.set(ids.len() >= 2);
            if let Ok(mut s) = listed.try_borrow_mut() {
                s.devices = ids;
            }
        });
        schedule(&session, &ui, generation);
    });
}

fn schedule(session: &Shared, ui: &Ui, generation: u32) {
    let (tick_session, ui) = (session.clone(), ui.clone());
    let timer = Timeout::new(TICK_MS, move || tick(&tick_session, &ui, generation));
    if let Ok(mut s) = session.try_borrow_mut()
        && s.generation == generation
    {
        s.timer = Some(timer);
    }
}

/// One look at the video: hand a frame to each idle reader.
fn tick(session: &Shared, ui: &Ui, generation: u32) {
    let (Some(video), Ok(mut s)) = (
        ui.video.cast::<HtmlVideoElement>(),
        session.try_borrow_mut(),
    ) else {
        return;
    };
    if s.generation != generation {
        return;
    }
    let time = now();
    if time - s.started_at > SLOW_AFTER_MS && !*ui.slow {
        ui.slow.set(true);
    }
    if ui.guidance.is_some() && time - s.guided_at > GUIDANCE_MS {
        ui.guidance.set(None);
    }
    // HAVE_CURRENT_DATA: a frame is there to draw.
    if video.ready_state() >= 2 && video.video_width() > 0 && !s.worker_busy {
        send_frame(&mut s, ui, &video);
    }
    drop(s);
    schedule(session, ui, generation);
}

fn send_frame(s: &mut Session, ui: &Ui, video: &HtmlVideoElement) {
    let (width, height) = fit_within(video.video_width(), video.video_height(), CAMERA_MAX_SIDE);
    s.frame_id = s.frame_id.wrapping_add(1);
    let request = Request::camera(s.frame_id, width, height);
    let (w, h) = (f64::from(width), f64::from(height));
    let draw = |c: &web_sys::CanvasRenderingContext2d| {
        c.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w, h)
    };
    let Some((message, thumb)) = s.grabber.as_ref().and_then(|g| g.grab(request, draw)) else {
        return;
    };
    if let Some(guidance) = s.watch.look(thumb) {
        guide(s, ui, guidance);
    }
    s.worker_busy = s.worker.as_ref().is_some_and(|w| w.post(message));
}

fn guide(s: &mut Session, ui: &Ui, guidance: Guidance) {
    s.guided_at = now();
    ui.guidance.set(Some(guidance));
}

fn on_worker(session: &Shared, ui: &Ui, generation: u32, event: WorkerEvent) {
    let Ok(mut s) = session.try_borrow_mut() else {
        return;
    };
    if s.generation != generation {
        return;
    }
    s.worker_busy = false;
    match event {
        WorkerEvent::Reply(reply) => match reply.outcome {
            Outcome::Read(text) => {
                drop(s);
                stop(session, ui);
                ui.phase.set(Phase::Idle);
                ui.on_text.emit(text);
            }
            Outcome::Unread(Some(guidance)) => guide(&mut s, ui, guidance),
            Outcome::Unread(None) | Outcome::BadFrame => {}
        },
        WorkerEvent::Failed => {
            drop(s);
            stop(session, ui);
            ui.phase.set(Phase::Failed(Problem::NoDecoder));
        }
    }
}

/// A click handler that runs `action` with the session and the screen.
fn on_click(session: &Shared, ui: &Ui, action: fn(&Shared, &Ui)) -> Callback<MouseEvent> {
    let (session, ui) = (session.clone(), ui.clone());
    Callback::from(move |_: MouseEvent| action(&session, &ui))
}

fn switch_camera(session: &Shared, ui: &Ui) {
    let next = {
        let mut s = session.borrow_mut();
        let count = s.devices.len().max(1);
        s.device_index = (s.device_index + 1) % count;
        s.devices.get(s.device_index).cloned()
    };
    start(session.clone(), ui.clone(), next);
}

fn toggle_torch(session: &Shared, ui: &Ui) {
    let Some(on) = *ui.torch else { return };
    let stream = session.borrow().stream.clone();
    let track = stream.and_then(|s| tracks_of(&s).into_iter().next());
    if track.is_some_and(|track| set_torch(&track, !on)) {
        ui.torch.set(Some(!on));
    }
}

#[function_component]
pub fn CameraReader(props: &CameraReaderProps) -> Html {
    let lang = use_app().lang();
    let ui = Ui {
        phase: use_state(|| Phase::Idle),
        guidance: use_state(|| None),
        slow: use_state(|| false),
        torch: use_state(|| None),
        can_switch: use_state(|| false),
        on_text: props.on_text.clone(),
        video: use_node_ref(),
    };
    let session: Shared = use_mut_ref(Session::default);

    // Stop the camera when the screen goes away, and when the tab is hidden.
    {
        let (session, ui) = (session.clone(), ui.clone());
        use_effect_with((), move |_| {
            let (hidden_session, hidden_ui) = (session.clone(), ui.clone());
            let listener =
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() && hidden_session.borrow().stream.is_some()
                    {
                        stop(&hidden_session, &hidden_ui);
                        hidden_ui.phase.set(Phase::Paused);
                    }
                });
            move || {
                drop(listener);
                stop(&session, &ui);
            }
        });
    }
    let on_start = on_click(&session, &ui, |session, ui| {
        start(session.clone(), ui.clone(), None)
    });
    let on_stop = on_click(&session, &ui, |session, ui| {
        stop(session, ui);
        ui.phase.set(Phase::Idle);
    });

    let view = CameraView {
        phase: *ui.phase,
        guidance: *ui.guidance,
        slow: *ui.slow,
        torch: *ui.torch,
        can_switch: *ui.can_switch,
    };
    let actions = Actions {
        start: on_start,
        stop: on_stop,
        torch: on_click(&session, &ui, toggle_torch),
        switch: on_click(&session, &ui, switch_camera),
    };
    view.render(lang, ui.video.clone(), actions)
}
