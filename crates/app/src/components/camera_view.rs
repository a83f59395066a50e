//! What the camera reader shows: the viewfinder, the live guidance line, its
//! buttons and the messages when the camera cannot be used. No browser calls;
//! `camera_reader` decides what state it is in.

use sotay_scan::Guidance;
use yew::prelude::*;

use crate::i18n::{Lang, Pick};

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
            Phase::Starting => lang.pick("Đang mở camera…", "Opening the camera…"),
            Phase::Live => hint_text(self.guidance, self.torch, lang),
            Phase::Paused => lang.pick(
                "Camera đã tắt khi bạn rời trang.",
                "The camera was turned off when you left the page.",
            ),
            _ => "",
        };
        let torch_on = if self.torch == Some(true) {
            "true"
        } else {
            "false"
        };
        html! {
            <section class="camera-reader" aria-labelledby="quet-camera" data-camera={if live { "on" } else { "off" }}>
                <h2 id="quet-camera">{ lang.pick("Quét bằng camera", "Scan with the camera") }</h2>
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
                        <button type="button" class="button secondary" onclick={actions.stop}>{ lang.pick("Tắt camera", "Turn off camera") }</button>
                        if self.torch.is_some() {
                            <button type="button" class="button secondary torch" aria-pressed={torch_on} onclick={actions.torch}>
                                { lang.pick("Đèn", "Light") }
                            </button>
                        }
                        if self.can_switch {
                            <button type="button" class="button secondary" onclick={actions.switch}>{ lang.pick("Đổi camera", "Switch camera") }</button>
                        }
                    } else {
                        <button type="button" class="button big camera-start" onclick={actions.start}>
                            { if phase == Phase::Paused { lang.pick("Bật lại camera", "Turn the camera back on") } else { lang.pick("Bật camera", "Turn on camera") } }
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
        None => lang.pick(
            "Đưa mã QR trên thẻ vào giữa khung",
            "Put the card's QR code inside the box",
        ),
        Some(Guidance::Centre) => lang.pick(
            "Đưa mã vào giữa khung",
            "Move the code to the middle of the box",
        ),
        Some(Guidance::Closer) => lang.pick("Lại gần hơn", "Come closer"),
        Some(Guidance::Steady) => lang.pick("Giữ yên", "Hold still"),
        Some(Guidance::Light) if torch.is_some() => lang.pick("Bật đèn", "Turn on the light"),
        Some(Guidance::Light) => lang.pick("Ra chỗ sáng hơn", "Move to a brighter place"),
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

/// Tips after a while without a code; the camera keeps going.
fn slow_tips(lang: Lang) -> Html {
    html! {
        <div class="banner warning camera-slow" role="status">
            <p><strong>{ lang.pick("Chưa đọc được mã.", "No code read yet.") }</strong></p>
            <ul>
                <li>{ lang.pick("Để thẻ phẳng, mã QR nằm trọn trong khung, cách camera khoảng 10–15 cm.", "Hold the card flat, the QR code inside the box, about 10–15 cm from the camera.") }</li>
                <li>{ lang.pick("Tránh bóng đèn phản chiếu trên thẻ; ra chỗ sáng hơn.", "Avoid reflections on the card; find more light.") }</li>
                <li>{ lang.pick("Hoặc chụp ảnh mã rồi chọn ảnh bên dưới, hay gõ nội dung mã.", "Or take a photo of the code and choose it below, or type the code's text.") }</li>
            </ul>
        </div>
    }
}
