//! The camera reader of “Quét CCCD”: a viewfinder with a target box and live
//! hints, decoding frames in the scan worker (and with the browser's own
//! `BarcodeDetector` where there is one, whichever reads first).
//!
//! The camera starts only when the resident taps “Bật camera”, and every
//! track is stopped when a code is read, when the tab is hidden and when the
//! screen goes away. At most one frame is with the worker at a time, so the
//! page never queues work and never freezes. Privacy: frames and the decoded
//! text stay in memory; the text goes to `on_text` and nowhere else.
//!
//! Tests see `data-camera="on|off"` on the reader and, on `window`,
//! `sotayCameraTrackStates()`: the `readyState` of the last camera's tracks
//! (“live” / “ended”), nothing else.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{HtmlVideoElement, MediaStream, MediaStreamConstraints, MediaStreamTrack};
use yew::prelude::*;

use crate::app::use_app;
use crate::components::scan_worker::{FrameGrabber, Reply, ScanWorker, set};
use crate::i18n::{Lang, Pick};

/// Frames are at most this wide when sent to the decoder.
const MAX_FRAME_WIDTH: u32 = 1280;
/// After this long without a code, say what else to try (the camera keeps going).
const SLOW_AFTER_MS: f64 = 20_000.0;
/// Between two looks at the video; the worker's answer gates the real pace.
const TICK_MS: u32 = 60;
/// Mean brightness below which the picture is too dark to read a card.
const DARK_MEAN: f64 = 45.0;
/// Mean absolute change of a 32 × 18 thumbnail between frames that means shaking.
const SHAKE_DIFF: f64 = 18.0;

#[derive(Properties, PartialEq)]
pub struct CameraReaderProps {
    /// Gets the text of the first code read.
    pub on_text: Callback<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Problem {
    Denied,
    NoCamera,
    NotSecure,
    Busy,
    NoDecoder,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    Idle,
    Starting,
    Live,
    /// Stopped because the tab was hidden.
    Paused,
    Failed(Problem),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Hint {
    Aim,
    Closer,
    Dark,
    Steady,
}

/// Handles to the parts of the screen the camera loop updates.
#[derive(Clone)]
struct Ui {
    phase: UseStateHandle<Phase>,
    hint: UseStateHandle<Hint>,
    slow: UseStateHandle<bool>,
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
    detector: Option<JsValue>,
    timer: Option<Timeout>,
    /// Bumped by every start and stop: late answers from an older session are dropped.
    generation: u32,
    frame_id: u32,
    worker_busy: bool,
    native_busy: bool,
    started_at: f64,
    thumbnail: Vec<u8>,
    devices: Vec<String>,
    device_index: usize,
}

type Shared = Rc<RefCell<Session>>;

thread_local! {
    /// The last camera's tracks, for `window.sotayCameraTrackStates()` (tests).
    static LAST_TRACKS: RefCell<Vec<MediaStreamTrack>> = const { RefCell::new(Vec::new()) };
}

fn now() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Installs `window.sotayCameraTrackStates` once: track states only, never frames.
fn expose_track_states() {
    let window = gloo::utils::window();
    if Reflect::has(&window, &JsValue::from_str("sotayCameraTrackStates")).unwrap_or(false) {
        return;
    }
    let getter = Closure::<dyn Fn() -> Array>::new(|| {
        LAST_TRACKS.with(|tracks| {
            tracks
                .borrow()
                .iter()
                .map(|track| {
                    JsValue::from_str(
                        if track.ready_state() == web_sys::MediaStreamTrackState::Live {
                            "live"
                        } else {
                            "ended"
                        },
                    )
                })
                .collect()
        })
    });
    let _ = Reflect::set(
        &window,
        &JsValue::from_str("sotayCameraTrackStates"),
        getter.as_ref(),
    );
    // Lives as long as the page, like the property that holds it.
    getter.forget();
}

fn tracks_of(stream: &MediaStream) -> Vec<MediaStreamTrack> {
    stream
        .get_tracks()
        .iter()
        .filter_map(|t| t.dyn_into::<MediaStreamTrack>().ok())
        .collect()
}

/// Calls `object.name(...args)`, `None` when there is no such method or it throws.
fn call(object: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let method: Function = Reflect::get(object, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    let args: Array = args.iter().collect();
    method.apply(object, &args).ok()
}

/// Stops every track and the loop; the worker ends too. Safe to call twice.
fn stop(session: &Shared, ui: &Ui) {
    let (stream, worker) = {
        let Ok(mut s) = session.try_borrow_mut() else {
            return;
        };
        s.generation += 1;
        s.timer = None;
        s.worker_busy = false;
        s.native_busy = false;
        (s.stream.take(), s.worker.take())
    };
    if let Some(stream) = stream {
        for track in tracks_of(&stream) {
            track.stop();
        }
    }
    if let Some(video) = ui.video.cast::<HtmlVideoElement>() {
        video.set_src_object(None);
    }
    // Dropped later: this may run inside the worker's own message handler.
    if let Some(worker) = worker {
        spawn_local(async move { drop(worker) });
    }
}

fn video_constraints(device: Option<&str>) -> JsValue {
    let video = Object::new();
    let ideal = |value: JsValue| {
        let o = Object::new();
        set(&o, "ideal", &value);
        o
    };
    match device {
        Some(id) => {
            let exact = Object::new();
            set(&exact, "exact", &JsValue::from_str(id));
            set(&video, "deviceId", &exact);
        }
        None => set(
            &video,
            "facingMode",
            &ideal(JsValue::from_str("environment")),
        ),
    }
    set(&video, "width", &ideal(JsValue::from(1280)));
    set(&video, "height", &ideal(JsValue::from(720)));
    video.into()
}

fn problem_of(error: &JsValue) -> Problem {
    let name = Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "PermissionDeniedError" | "SecurityError" => Problem::Denied,
        "NotFoundError" | "DevicesNotFoundError" | "OverconstrainedError" => Problem::NoCamera,
        _ => Problem::Busy,
    }
}

/// Asks for the camera and starts the loop.
fn start(session: Shared, ui: Ui, device: Option<String>) {
    stop(&session, &ui);
    let window = gloo::utils::window();
    if !window.is_secure_context() {
        ui.phase.set(Phase::Failed(Problem::NotSecure));
        return;
    }
    let Ok(devices) = window.navigator().media_devices() else {
        ui.phase.set(Phase::Failed(Problem::NoCamera));
        return;
    };
    let generation = session.borrow().generation;
    ui.phase.set(Phase::Starting);
    ui.slow.set(false);
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&video_constraints(device.as_deref()));
    constraints.set_audio(&JsValue::FALSE);
    let Ok(promise) = devices.get_user_media_with_constraints(&constraints) else {
        ui.phase.set(Phase::Failed(Problem::NoCamera));
        return;
    };
    spawn_local(async move {
        let stream = match JsFuture::from(promise).await {
            Ok(stream) => stream.unchecked_into::<MediaStream>(),
            Err(error) => {
                ui.phase.set(Phase::Failed(problem_of(&error)));
                return;
            }
        };
        if session.borrow().generation != generation {
            // Left the screen while the browser was asking: give the camera back.
            for track in tracks_of(&stream) {
                track.stop();
            }
            return;
        }
        let tracks = tracks_of(&stream);
        expose_track_states();
        LAST_TRACKS.with(|last| *last.borrow_mut() = tracks.clone());
        let torch = tracks
            .first()
            .and_then(|track| call(track, "getCapabilities", &[]))
            .and_then(|caps| Reflect::get(&caps, &JsValue::from_str("torch")).ok())
            .is_some_and(|torch| torch.is_truthy());
        ui.torch.set(torch.then_some(false));
        if let Some(video) = ui.video.cast::<HtmlVideoElement>() {
            video.set_src_object(Some(&stream));
            // Autoplay of a muted inline video is allowed; the promise only says when it runs.
            let _ = video.play();
        }
        let worker = {
            let session = session.clone();
            let ui = ui.clone();
            ScanWorker::start(move |reply| on_worker_reply(&session, &ui, generation, reply))
        };
        {
            let mut s = session.borrow_mut();
            if worker.is_none() && s.detector.is_none() {
                s.detector = native_detector();
            }
            if worker.is_none() && s.detector.is_none() {
                drop(s);
                for track in tracks {
                    track.stop();
                }
                ui.phase.set(Phase::Failed(Problem::NoDecoder));
                return;
            }
            s.stream = Some(stream);
            s.worker = worker;
            if s.grabber.is_none() {
                s.grabber = FrameGrabber::new();
            }
            if s.detector.is_none() {
                s.detector = native_detector();
            }
            s.started_at = now();
            s.thumbnail.clear();
        }
        ui.phase.set(Phase::Live);
        ui.hint.set(Hint::Aim);
        list_cameras(session.clone(), ui.clone());
        schedule(&session, &ui, generation);
    });
}

/// The browser's own QR reader, where there is one.
fn native_detector() -> Option<JsValue> {
    let window = gloo::utils::window();
    let class: Function = Reflect::get(&window, &JsValue::from_str("BarcodeDetector"))
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    set(
        &options,
        "formats",
        &Array::of1(&JsValue::from_str("qr_code")),
    );
    Reflect::construct(&class, &Array::of1(&options)).ok()
}

/// Counts the cameras (their ids are only listed once permission is given).
fn list_cameras(session: Shared, ui: Ui) {
    let Ok(devices) = gloo::utils::window().navigator().media_devices() else {
        return;
    };
    let Ok(promise) = devices.enumerate_devices() else {
        return;
    };
    spawn_local(async move {
        let Ok(list) = JsFuture::from(promise).await else {
            return;
        };
        let ids: Vec<String> = Array::from(&list)
            .iter()
            .filter(|d| {
                Reflect::get(d, &JsValue::from_str("kind"))
                    .ok()
                    .and_then(|k| k.as_string())
                    .as_deref()
                    == Some("videoinput")
            })
            .filter_map(|d| {
                Reflect::get(&d, &JsValue::from_str("deviceId"))
                    .ok()?
                    .as_string()
            })
            .collect();
        ui.can_switch.set(ids.len() >= 2);
        if let Ok(mut s) = session.try_borrow_mut() {
            s.devices = ids;
        }
    });
}

fn schedule(session: &Shared, ui: &Ui, generation: u32) {
    let timer = {
        let session = session.clone();
        let ui = ui.clone();
        Timeout::new(TICK_MS, move || tick(&session, &ui, generation))
    };
    if let Ok(mut s) = session.try_borrow_mut()
        && s.generation == generation
    {
        s.timer = Some(timer);
    }
}

/// One look at the video: hand a frame to each idle reader.
fn tick(session: &Shared, ui: &Ui, generation: u32) {
    let Some(video) = ui.video.cast::<HtmlVideoElement>() else {
        return;
    };
    {
        let Ok(mut s) = session.try_borrow_mut() else {
            return;
        };
        if s.generation != generation {
            return;
        }
        if now() - s.started_at > SLOW_AFTER_MS && !*ui.slow {
            ui.slow.set(true);
        }
        // HAVE_CURRENT_DATA: a frame is there to draw.
        if video.ready_state() >= 2 && video.video_width() > 0 {
            if !s.worker_busy && s.worker.is_some() {
                send_frame(&mut s, ui, &video);
            }
            if !s.native_busy
                && let Some(detector) = s.detector.clone()
            {
                s.native_busy = true;
                detect_natively(
                    session.clone(),
                    ui.clone(),
                    generation,
                    detector,
                    video.clone(),
                );
            }
        }
    }
    schedule(session, ui, generation);
}

fn send_frame(s: &mut Session, ui: &Ui, video: &HtmlVideoElement) {
    let (mut width, mut height) = (video.video_width(), video.video_height());
    if width > MAX_FRAME_WIDTH {
        height = (u64::from(height) * u64::from(MAX_FRAME_WIDTH) / u64::from(width)) as u32;
        width = MAX_FRAME_WIDTH;
    }
    let Some(grabber) = &s.grabber else { return };
    let Some((luma, mean)) = grabber.grab(width, height, |context| {
        context.draw_image_with_html_video_element_and_dw_and_dh(
            video,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
    }) else {
        return;
    };
    let thumbnail = thumbnail(&luma, width as usize, height as usize);
    let shaking = !s.thumbnail.is_empty() && mean_difference(&s.thumbnail, &thumbnail) > SHAKE_DIFF;
    s.thumbnail = thumbnail;
    if mean < DARK_MEAN {
        ui.hint.set(Hint::Dark);
    } else if shaking {
        ui.hint.set(Hint::Steady);
    }
    s.frame_id = s.frame_id.wrapping_add(1);
    // Two whole-frame passes and a zoomed look: a few tens of ms, then the next frame.
    let budget = width.saturating_mul(height).saturating_mul(6);
    if let Some(worker) = &s.worker {
        s.worker_busy = worker.post(s.frame_id, width, height, &luma, budget);
    }
}

fn on_worker_reply(session: &Shared, ui: &Ui, generation: u32, reply: Reply) {
    let text = {
        let Ok(mut s) = session.try_borrow_mut() else {
            return;
        };
        if s.generation != generation {
            return;
        }
        s.worker_busy = false;
        if reply.failed && reply.id == 0 {
            // The worker itself failed to load: carry on with the native reader, if any.
            s.worker = None;
            if s.detector.is_none() {
                drop(s);
                stop(session, ui);
                ui.phase.set(Phase::Failed(Problem::NoDecoder));
                return;
            }
        }
        reply.found.into_iter().next().map(|found| found.text)
    };
    match text {
        Some(text) => finish(session, ui, "wasm", text),
        None if reply.unread > 0 => ui.hint.set(Hint::Closer),
        None => {
            if matches!(*ui.hint, Hint::Closer) {
                ui.hint.set(Hint::Aim);
            }
        }
    }
}

fn detect_natively(
    session: Shared,
    ui: Ui,
    generation: u32,
    detector: JsValue,
    video: HtmlVideoElement,
) {
    let Some(promise) =
        call(&detector, "detect", &[video.into()]).and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        if let Ok(mut s) = session.try_borrow_mut() {
            s.detector = None;
        }
        return;
    };
    spawn_local(async move {
        let result = JsFuture::from(promise).await;
        let text = {
            let Ok(mut s) = session.try_borrow_mut() else {
                return;
            };
            if s.generation != generation {
                return;
            }
            s.native_busy = false;
            match &result {
                Ok(codes) => Array::from(codes)
                    .iter()
                    .find_map(|code| {
                        Reflect::get(&code, &JsValue::from_str("rawValue"))
                            .ok()?
                            .as_string()
                    })
                    .filter(|text| !text.is_empty()),
                Err(_) => {
                    // This browser has the class but cannot read QR codes: use the worker only.
                    s.detector = None;
                    None
                }
            }
        };
        if let Some(text) = text {
            finish(&session, &ui, "native", text);
        }
    });
}

/// A code was read: stop the camera first, then hand the text on.
fn finish(session: &Shared, ui: &Ui, reader: &str, text: String) {
    stop(session, ui);
    if let Some(video) = ui.video.cast::<web_sys::Element>() {
        // Which reader won, for comparison in tests; never the text.
        let _ = video.set_attribute("data-read-by", reader);
    }
    ui.phase.set(Phase::Idle);
    ui.on_text.emit(text);
}

/// A 32 × 18 average-pooled copy, to notice a shaking hand.
fn thumbnail(luma: &[u8], width: usize, height: usize) -> Vec<u8> {
    const W: usize = 32;
    const H: usize = 18;
    let mut out = Vec::with_capacity(W * H);
    for ty in 0..H {
        for tx in 0..W {
            let y = (ty * height / H + height / (2 * H)).min(height.saturating_sub(1));
            let x = (tx * width / W + width / (2 * W)).min(width.saturating_sub(1));
            out.push(luma.get(y * width + x).copied().unwrap_or(0));
        }
    }
    out
}

fn mean_difference(a: &[u8], b: &[u8]) -> f64 {
    let n = a.len().min(b.len()).max(1);
    let sum: u64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    sum as f64 / n as f64
}

fn hint_text(hint: Hint, torch: Option<bool>, lang: Lang) -> &'static str {
    match hint {
        Hint::Aim => lang.pick(
            "Đưa mã QR trên thẻ vào giữa khung",
            "Put the card's QR code inside the box",
        ),
        Hint::Closer => lang.pick("Đưa thẻ lại gần hơn", "Bring the card closer"),
        Hint::Dark if torch.is_some() => {
            lang.pick("Thiếu sáng — bật đèn", "Too dark — turn on the light")
        }
        Hint::Dark => lang.pick(
            "Thiếu sáng — ra chỗ sáng hơn",
            "Too dark — move to a brighter place",
        ),
        Hint::Steady => lang.pick("Giữ yên máy", "Hold the phone still"),
    }
}

fn problem_view(problem: Problem, lang: Lang) -> Html {
    let (title, steps): (&str, Vec<&str>) = match problem {
        Problem::Denied => (
            lang.pick("Trang chưa được phép dùng camera.", "This page may not use the camera."),
            vec![
                lang.pick(
                    "Chạm biểu tượng ổ khóa cạnh địa chỉ trang → Quyền → Camera → Cho phép, rồi bấm “Bật camera” lần nữa.",
                    "Tap the lock icon next to the address → Permissions → Camera → Allow, then tap “Turn on camera” again.",
                ),
                lang.pick("Hoặc chụp ảnh mã QR rồi chọn ảnh ở phần “Chọn ảnh” bên dưới.", "Or take a photo of the code and choose it under “Choose a photo” below."),
            ],
        ),
        Problem::NoCamera => (
            lang.pick("Không tìm thấy camera trên máy này.", "No camera was found on this device."),
            vec![lang.pick("Hãy chọn ảnh chụp mã QR, hoặc gõ nội dung mã ở ô bên dưới.", "Choose a photo of the code, or type the code's text below.")],
        ),
        Problem::NotSecure => (
            lang.pick("Camera chỉ dùng được khi trang mở bằng địa chỉ https://.", "The camera only works when the page is opened over https://."),
            vec![lang.pick("Hãy mở trang bằng địa chỉ bắt đầu bằng https://, hoặc chọn ảnh chụp mã QR bên dưới.", "Open the page with an address starting with https://, or choose a photo of the code below.")],
        ),
        Problem::Busy => (
            lang.pick("Không mở được camera.", "The camera could not be opened."),
            vec![lang.pick("Hãy đóng các ứng dụng khác đang dùng camera rồi thử lại, hoặc chọn ảnh chụp mã QR bên dưới.", "Close other apps using the camera and try again, or choose a photo of the code below.")],
        ),
        Problem::NoDecoder => (
            lang.pick("Trình duyệt này không chạy được bộ đọc mã.", "This browser cannot run the code reader."),
            vec![lang.pick("Hãy gõ nội dung mã ở ô bên dưới, hoặc dùng trình duyệt Chrome mới hơn.", "Type the code's text below, or use a newer Chrome.")],
        ),
    };
    html! {
        <div class="banner error camera-problem" role="alert">
            <p><strong>{ title }</strong></p>
            <ul>{ for steps.into_iter().map(|step| html! { <li>{ step }</li> }) }</ul>
        </div>
    }
}

#[function_component]
pub fn CameraReader(props: &CameraReaderProps) -> Html {
    let lang = use_app().lang();
    let ui = Ui {
        phase: use_state(|| Phase::Idle),
        hint: use_state(|| Hint::Aim),
        slow: use_state(|| false),
        torch: use_state(|| None),
        can_switch: use_state(|| false),
        on_text: props.on_text.clone(),
        video: use_node_ref(),
    };
    let session: Shared = use_mut_ref(Session::default);

    // Stop the camera when the screen goes away, and when the tab is hidden.
    {
        let session = session.clone();
        let ui = ui.clone();
        use_effect_with((), move |_| {
            let listener = {
                let session = session.clone();
                let ui = ui.clone();
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() && session.borrow().stream.is_some() {
                        stop(&session, &ui);
                        ui.phase.set(Phase::Paused);
                    }
                })
            };
            move || {
                drop(listener);
                stop(&session, &ui);
            }
        });
    }

    let on_start = {
        let session = session.clone();
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| start(session.clone(), ui.clone(), None))
    };
    let on_stop = {
        let session = session.clone();
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| {
            stop(&session, &ui);
            ui.phase.set(Phase::Idle);
        })
    };
    let on_switch = {
        let session = session.clone();
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| {
            let next = {
                let mut s = session.borrow_mut();
                if s.devices.is_empty() {
                    return;
                }
                s.device_index = (s.device_index + 1) % s.devices.len();
                s.devices.get(s.device_index).cloned()
            };
            start(session.clone(), ui.clone(), next);
        })
    };
    let on_torch = {
        let session = session.clone();
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(on) = *ui.torch else { return };
            let Some(track) = session
                .borrow()
                .stream
                .as_ref()
                .and_then(|s| tracks_of(s).into_iter().next())
            else {
                return;
            };
            let torch = Object::new();
            set(&torch, "torch", &JsValue::from_bool(!on));
            let constraints = Object::new();
            set(&constraints, "advanced", &Array::of1(&torch));
            if call(&track, "applyConstraints", &[constraints.into()]).is_some() {
                ui.torch.set(Some(!on));
            }
        })
    };

    let phase = *ui.phase;
    let live = matches!(phase, Phase::Live | Phase::Starting);
    let status = match phase {
        Phase::Starting => lang.pick("Đang mở camera…", "Opening the camera…"),
        Phase::Live => hint_text(*ui.hint, *ui.torch, lang),
        Phase::Paused => lang.pick(
            "Camera đã tắt khi bạn rời trang.",
            "The camera was turned off when you left the page.",
        ),
        _ => "",
    };
    html! {
        <section class="camera-reader" aria-labelledby="quet-camera" data-camera={if live { "on" } else { "off" }}>
            <h2 id="quet-camera">{ lang.pick("Quét bằng camera", "Scan with the camera") }</h2>
            <div class={classes!("viewfinder", (!live).then_some("off"))}>
                <video ref={ui.video.clone()} muted=true autoplay=true playsinline=true aria-hidden="true"></video>
                <div class="target"></div>
                <p class="live-hint" aria-live="polite">{ status }</p>
            </div>
            if !live {
                <p class="visually-hidden" aria-live="polite">{ status }</p>
            }
            if let Phase::Failed(problem) = phase {
                { problem_view(problem, lang) }
            }
            if live && *ui.slow {
                <div class="banner warning camera-slow" role="status">
                    <p><strong>{ lang.pick("Chưa đọc được mã.", "No code read yet.") }</strong></p>
                    <ul>
                        <li>{ lang.pick("Để thẻ phẳng, mã QR nằm trọn trong khung, cách camera khoảng 10–15 cm.", "Hold the card flat, the QR code inside the box, about 10–15 cm from the camera.") }</li>
                        <li>{ lang.pick("Tránh bóng đèn phản chiếu trên thẻ; ra chỗ sáng hơn.", "Avoid reflections on the card; find more light.") }</li>
                        <li>{ lang.pick("Hoặc chụp ảnh mã rồi chọn ảnh bên dưới, hay gõ nội dung mã.", "Or take a photo of the code and choose it below, or type the code's text.") }</li>
                    </ul>
                </div>
            }
            <div class="actions camera-actions">
                if live {
                    <button type="button" class="button secondary" onclick={on_stop}>{ lang.pick("Tắt camera", "Turn off camera") }</button>
                    if ui.torch.is_some() {
                        <button type="button" class="button secondary" aria-pressed={if *ui.torch == Some(true) { "true" } else { "false" }} onclick={on_torch}>
                            { lang.pick("Đèn", "Light") }
                        </button>
                    }
                    if *ui.can_switch {
                        <button type="button" class="button secondary" onclick={on_switch}>{ lang.pick("Đổi camera", "Switch camera") }</button>
                    }
                } else {
                    <button type="button" class="button big camera-start" onclick={on_start}>
                        { if phase == Phase::Paused { lang.pick("Bật lại camera", "Turn the camera back on") } else { lang.pick("Bật camera", "Turn on camera") } }
                    </button>
                }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thumbnails_notice_change() {
        let dark = vec![0u8; 64 * 36];
        let light = vec![200u8; 64 * 36];
        let a = thumbnail(&dark, 64, 36);
        assert_eq!(a.len(), 32 * 18);
        assert_eq!(mean_difference(&a, &thumbnail(&dark, 64, 36)), 0.0);
        assert!(mean_difference(&a, &thumbnail(&light, 64, 36)) > SHAKE_DIFF);
        // A short buffer reads as black rather than panicking.
        assert_eq!(thumbnail(&[], 64, 36).len(), 32 * 18);
    }
}
