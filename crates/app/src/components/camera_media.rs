//! The browser's camera API as the camera reader uses it: constraints,
//! tracks, the torch, the list of cameras and what a refusal means. No
//! frames pass through here.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{MediaStream, MediaStreamTrack};

use crate::components::camera_view::Problem;
use crate::components::scan_worker::set;

thread_local! {
    /// The last camera's tracks, for `window.sotayCameraTrackStates()` (tests).
    pub static LAST_TRACKS: RefCell<Vec<MediaStreamTrack>> = const { RefCell::new(Vec::new()) };
}

pub fn js(key: &str) -> JsValue {
    JsValue::from_str(key)
}

/// Installs `window.sotayCameraTrackStates` once: track states only, never frames.
pub fn expose_track_states() {
    let window = gloo::utils::window();
    if Reflect::has(&window, &js("sotayCameraTrackStates")).unwrap_or(false) {
        return;
    }
    let getter = Closure::<dyn Fn() -> Array>::new(|| {
        LAST_TRACKS.with(|tracks| {
            let live =
                |t: &MediaStreamTrack| t.ready_state() == web_sys::MediaStreamTrackState::Live;
            let state = |t| js(if live(t) { "live" } else { "ended" });
            tracks.borrow().iter().map(state).collect()
        })
    });
    let _ = Reflect::set(&window, &js("sotayCameraTrackStates"), getter.as_ref());
    // Lives as long as the page, like the property that holds it.
    getter.forget();
}

pub fn tracks_of(stream: &MediaStream) -> Vec<MediaStreamTrack> {
    let tracks = stream.get_tracks();
    tracks.iter().filter_map(|t| t.dyn_into().ok()).collect()
}

/// Calls `object.name(...args)`, `None` when there is no such method or it throws.
pub fn call(object: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let method: Function = Reflect::get(object, &js(name)).ok()?.dyn_into().ok()?;
    method.apply(object, &args.iter().collect()).ok()
}

pub fn video_constraints(device: Option<&str>) -> JsValue {
    let (video, wrap) = (Object::new(), |key: &str, value: JsValue| {
        let o = Object::new();
        set(&o, key, &value);
        JsValue::from(o)
    });
    match device {
        Some(id) => set(&video, "deviceId", &wrap("exact", js(id))),
        None => set(&video, "facingMode", &wrap("ideal", js("environment"))),
    }
    set(&video, "width", &wrap("ideal", 1280.into()));
    set(&video, "height", &wrap("ideal", 720.into()));
    video.into()
}

pub fn problem_of(error: &JsValue) -> Problem {
    let name = Reflect::get(error, &js("name"))
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref().unwrap_or_default() {
        "NotAllowedError" | "PermissionDeniedError" | "SecurityError" => Problem::Denied,
        "NotFoundError" | "DevicesNotFoundError" | "OverconstrainedError" => Problem::NoCamera,
        _ => Problem::Busy,
    }
}

/// Whether the track's camera has a torch (a flash it can keep on).
pub fn has_torch(track: Option<&MediaStreamTrack>) -> bool {
    track
        .and_then(|track| call(track, "getCapabilities", &[]))
        .and_then(|caps| Reflect::get(&caps, &js("torch")).ok())
        .is_some_and(|torch| torch.is_truthy())
}

/// Turns the torch on or off; false when the camera refused.
pub fn set_torch(track: &MediaStreamTrack, on: bool) -> bool {
    let (torch, constraints) = (Object::new(), Object::new());
    set(&torch, "torch", &JsValue::from_bool(on));
    set(&constraints, "advanced", &Array::of1(&torch));
    call(track, "applyConstraints", &[constraints.into()]).is_some()
}

/// The ids of the cameras, to `found` (they are only listed once permission
/// is given).
pub fn list_cameras(found: impl FnOnce(Vec<String>) + 'static) {
    let media = gloo::utils::window().navigator().media_devices().ok();
    let Some(promise) = media.and_then(|m| m.enumerate_devices().ok()) else {
        return;
    };
    spawn_local(async move {
        let Ok(list) = JsFuture::from(promise).await else {
            return;
        };
        let field = |d: &JsValue, key| Reflect::get(d, &js(key)).ok()?.as_string();
        let ids: Vec<String> = Array::from(&list)
            .iter()
            .filter(|d| field(d, "kind").as_deref() == Some("videoinput"))
            .filter_map(|d| field(&d, "deviceId"))
            .collect();
        found(ids);
    });
}
