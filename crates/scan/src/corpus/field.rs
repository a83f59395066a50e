//! The field corpus: harder card photos, made after the decoder and kept
//! apart from the corpus it was developed against (issue 16).
//!
//! Another generator than [`super::render`], with other seeds and settings:
//! 640 × 480 frames (a cheap phone's camera stream), QR codes of every
//! version 1–10 (EC level M), the card turned to any angle in most frames,
//! and nine conditions seen at a commune desk: blur, heavy JPEG, a dim
//! hall, tilt, a bent and glossy card, a code photographed off a screen, a
//! finger over the code, tiny modules and a whole card turned in the frame.
//!
//! It comes in two parts made by the same generator from different seeds:
//! [`Part::Tune`] is what decoder work may look at; [`Part::HeldOut`] is
//! only for final numbers, so they say how the decoder does on pictures it
//! was not fitted to.

use std::fmt;
use std::fs;
use std::io;
use std::path::Path;

use qrcode::{Color, EcLevel, QrCode, Version};

use super::{
    CARD_H_MM, CARD_W_MM, CardKind, Rng, Shot, apply3, encode_jpeg, gaussian_blur, invert3,
    jpeg_round_trip, mul3, payload,
};

/// Width of every field frame.
pub const WIDTH: usize = 640;
/// Height of every field frame.
pub const HEIGHT: usize = 480;

/// How a field frame was "photographed".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Condition {
    /// Any angle 0–360° and out of focus (σ up to half a module).
    RotatedBlur,
    /// JPEG quality 20–40, as cheap phones and chat apps save.
    Jpeg,
    /// 10–25 % of the light, with the sensor noise that comes with it.
    Dim,
    /// Tilted 10–20° away from the camera.
    Perspective,
    /// A bent card with a glossy highlight across it.
    CurvedGlossy,
    /// The code shown on a phone screen: the pixel grid beats with the camera's.
    Moire,
    /// A finger over one edge of the code.
    Finger,
    /// 1.5–2 px per module.
    Tiny,
    /// A whole card photographed turned (±15–35°, 90°, 180° or 200°),
    /// slightly out of focus, its code small among the card's text: modelled
    /// on the real card photos that turned cards failed on (issue 16).
    TurnedCard,
}

impl Condition {
    /// Every condition, in a stable order.
    pub const ALL: [Condition; 9] = [
        Condition::RotatedBlur,
        Condition::Jpeg,
        Condition::Dim,
        Condition::Perspective,
        Condition::CurvedGlossy,
        Condition::Moire,
        Condition::Finger,
        Condition::Tiny,
        Condition::TurnedCard,
    ];

    /// A short lowercase name, for file names and reports.
    pub fn name(self) -> &'static str {
        match self {
            Condition::RotatedBlur => "rotated-blur",
            Condition::Jpeg => "jpeg-20-40",
            Condition::Dim => "dim-noise",
            Condition::Perspective => "perspective",
            Condition::CurvedGlossy => "curved-glossy",
            Condition::Moire => "screen-moire",
            Condition::Finger => "finger",
            Condition::Tiny => "tiny-modules",
            Condition::TurnedCard => "turned-card",
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which part of the field corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// For decoder work.
    Tune,
    /// Only for final numbers.
    HeldOut,
}

impl Part {
    /// Both parts.
    pub const ALL: [Part; 2] = [Part::Tune, Part::HeldOut];

    /// A short lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Part::Tune => "tune",
            Part::HeldOut => "held-out",
        }
    }

    fn seed_base(self) -> u64 {
        match self {
            Part::Tune => 0x7E57_A11C_E000_0000,
            Part::HeldOut => 0x4E1D_0B57_C0DE_0000,
        }
    }

    /// The seed of frame `index` of the condition numbered `condition`
    /// (field conditions 1–9, phone photos from 17).
    pub(super) fn seed(self, condition: u64, index: u64) -> u64 {
        self.seed_base()
            .wrapping_add(condition << 20)
            .wrapping_add(index)
    }
}

/// One field frame and what it should decode to.
#[derive(Clone, Debug)]
pub struct Frame {
    /// Row-major 8-bit luma, `width * height` bytes.
    pub luma: Vec<u8>,
    /// Frame width ([`WIDTH`]).
    pub width: usize,
    /// Frame height ([`HEIGHT`]).
    pub height: usize,
    /// The exact text encoded.
    pub truth: String,
    /// How it was photographed.
    pub condition: Condition,
    /// Which part it belongs to.
    pub part: Part,
    /// Its number within its condition and part.
    pub index: u64,
    /// QR version, 1–10.
    pub version: i16,
    /// Pixels per module at the code's centre (before blur).
    pub module_px: f64,
    /// The card's turn in the image plane, degrees.
    pub rotation_deg: f64,
}

impl Frame {
    /// A file stem such as `held-out-finger-03`.
    pub fn stem(&self) -> String {
        format!(
            "{}-{}-{:02}",
            self.part.name(),
            self.condition.name(),
            self.index
        )
    }
}

/// Every condition × `per_condition` frames of one part, rendered lazily.
pub fn corpus(part: Part, per_condition: u64) -> impl Iterator<Item = Frame> {
    Condition::ALL.into_iter().flat_map(move |condition| {
        (0..per_condition).map(move |index| render(part, condition, index))
    })
}

/// The text for a version-`version` code at EC level M: a card payload cut
/// to what the version holds in byte mode (on a character boundary).
fn text_for_version(kind: CardKind, seed: u64, version: i16) -> (String, Vec<bool>, usize) {
    // Byte-mode capacity at EC level M, versions 1–10 (ISO/IEC 18004 table 7).
    const CAPACITY: [usize; 10] = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];
    let full = payload(kind, seed);
    let cap = CAPACITY[usize::try_from(version - 1).unwrap_or(0).min(9)];
    let mut end = full.len().min(cap);
    loop {
        while !full.is_char_boundary(end) {
            end -= 1;
        }
        let text = &full[..end];
        if let Ok(code) =
            QrCode::with_version(text.as_bytes(), Version::Normal(version), EcLevel::M)
        {
            let dark = code.to_colors().into_iter().map(|c| c == Color::Dark);
            return (text.to_owned(), dark.collect(), code.width());
        }
        if end == 0 {
            return (String::new(), vec![false; 21 * 21], 21);
        }
        end -= 1;
    }
}

/// The knobs of one frame.
pub(super) struct Look {
    pub(super) module_px: f64,
    pub(super) rotation_deg: f64,
    pub(super) tilt_deg: f64,
    pub(super) tilt_dir: f64,
    pub(super) blur_px: f64,
    pub(super) noise_sigma: f64,
    pub(super) gain: f64,
    pub(super) offset: f64,
    pub(super) jpeg_quality: Option<u8>,
    /// Bow of the card's rows across the code, in modules, and where the
    /// glossy band runs (angle, offset in code sizes, strength).
    pub(super) bend: Option<(f64, (f64, f64, f64))>,
    /// Screen pixel pitch in frame pixels.
    pub(super) screen_pitch: Option<f64>,
    /// Finger: which edge (0 right, 1 bottom), where along it (0–1), how
    /// deep into the code and how wide (in code sizes: a finger is wider
    /// than a card's code).
    pub(super) finger: Option<(u8, f64, f64, f64)>,
    /// Aim between the card's centre and its code (not at the code), so the
    /// card's text lies around the code in the frame.
    pub(super) whole_card: bool,
    /// How far (in frame sizes) the aim may stray from the frame's centre.
    pub(super) spread: f64,
    /// Light falling off across the code: the direction (radians), where
    /// the edge crosses (code sizes from its centre), the share of light
    /// lost beyond it and the width of the fall (code sizes: small for a
    /// shadow's edge, large for a gradient).
    pub(super) light: Option<(f64, f64, f64, f64)>,
    /// Contrast of a fine printed pattern on the card around the code
    /// (0: the plain card).
    pub(super) texture: f64,
}

/// A card photo's usual knobs, drawn in a fixed order.
pub(super) fn base_look(rng: &mut Rng) -> Look {
    // Half the frames at any angle, half within ±30°: cards are held every way.
    let rotation_deg = if rng.below(2) == 0 {
        rng.range(0.0, 360.0)
    } else {
        rng.range(-30.0, 30.0)
    };
    Look {
        module_px: rng.range(2.3, 4.0),
        rotation_deg,
        tilt_deg: rng.range(0.0, 8.0),
        tilt_dir: rng.range(0.0, std::f64::consts::TAU),
        blur_px: rng.range(0.4, 0.7),
        noise_sigma: rng.range(2.0, 4.0),
        gain: rng.range(0.85, 1.05),
        offset: 0.0,
        jpeg_quality: None,
        bend: None,
        screen_pitch: None,
        finger: None,
        whole_card: false,
        spread: 0.12,
        light: None,
        texture: 0.0,
    }
}

fn look(condition: Condition, rng: &mut Rng) -> Look {
    let mut l = base_look(rng);
    match condition {
        Condition::RotatedBlur => {
            l.rotation_deg = rng.range(0.0, 360.0);
            l.blur_px = l.module_px * rng.range(0.25, 0.5);
        }
        Condition::Jpeg => {
            l.jpeg_quality = Some(20 + rng.below(21) as u8);
            l.noise_sigma = rng.range(3.0, 6.0);
        }
        Condition::Dim => {
            l.gain = rng.range(0.10, 0.25);
            l.offset = rng.range(2.0, 10.0);
            l.noise_sigma = rng.range(3.0, 8.0);
            l.blur_px = rng.range(0.6, 1.0);
        }
        Condition::Perspective => {
            l.tilt_deg = rng.range(10.0, 20.0);
            l.module_px = rng.range(2.6, 4.0);
        }
        Condition::CurvedGlossy => {
            let bow = rng.range(0.5, 1.2) * if rng.below(2) == 0 { 1.0 } else { -1.0 };
            l.bend = Some((
                bow,
                (
                    rng.range(0.0, std::f64::consts::PI),
                    rng.range(-0.4, 0.4),
                    rng.range(50.0, 110.0),
                ),
            ));
        }
        Condition::Moire => {
            l.screen_pitch = Some(rng.range(0.7, 1.5));
            l.module_px = rng.range(2.8, 4.5);
            l.blur_px = rng.range(0.3, 0.6);
        }
        Condition::Finger => {
            l.finger = Some((
                rng.below(2) as u8,
                rng.range(0.4, 0.7),
                rng.range(0.05, 0.12),
                rng.range(1.0, 1.4),
            ));
        }
        Condition::Tiny => {
            l.module_px = rng.range(1.5, 2.0);
            l.blur_px = rng.range(0.4, 0.6);
        }
        Condition::TurnedCard => {
            // The turns a hand gives a card on a desk, give or take 2°.
            let turn = match rng.below(4) {
                0 => rng.range(15.0, 35.0) * if rng.below(2) == 0 { 1.0 } else { -1.0 },
                1 => 90.0,
                2 => 180.0,
                _ => 200.0,
            };
            l.rotation_deg = turn + rng.range(-2.0, 2.0);
            l.module_px = rng.range(2.0, 3.0);
            l.blur_px = rng.range(0.5, 0.9);
            l.whole_card = true;
        }
    }
    l
}

/// Render frame `index` of `condition` in `part`. Deterministic.
pub fn render(part: Part, condition: Condition, index: u64) -> Frame {
    let seed = part.seed(condition as u64 + 1, index);
    let picture = shoot(seed, index, (WIDTH, HEIGHT), true, |rng| {
        look(condition, rng)
    });
    Frame {
        luma: picture.luma,
        width: WIDTH,
        height: HEIGHT,
        truth: picture.truth,
        condition,
        part,
        index,
        version: picture.version,
        module_px: picture.module_px,
        rotation_deg: picture.rotation_deg,
    }
}

/// What [`shoot`] made.
pub(super) struct Picture {
    pub(super) luma: Vec<u8>,
    pub(super) truth: String,
    pub(super) version: i16,
    pub(super) module_px: f64,
    pub(super) rotation_deg: f64,
}

/// Photograph a card whose code is QR version `1 + index % 10`, as
/// `look_of` says, into a `width × height` frame. Each pixel averages four
/// samples when `supersample`, else one (large frames, blurred anyway).
pub(super) fn shoot(
    seed: u64,
    index: u64,
    (width, height): (usize, usize),
    supersample: bool,
    look_of: impl FnOnce(&mut Rng) -> Look,
) -> Picture {
    let mut rng = Rng::new(seed);
    let kind = if rng.below(2) == 0 {
        CardKind::Cccd
    } else {
        CardKind::CanCuoc
    };
    let version = 1 + (index % 10) as i16;
    let (truth, modules, qr_n) = text_for_version(kind, seed, version);
    let look = look_of(&mut rng);

    let qr_mm = rng.range(11.0, 15.0);
    let qr_module = qr_mm / qr_n as f64;
    let (qr_x, qr_y) = (CARD_W_MM - 5.0 - qr_mm, 5.0);
    let px_per_mm = look.module_px / qr_module;
    let (w, h) = (width as f64, height as f64);
    // A whole card is framed closer to the middle, so its code stays in.
    let jitter = if look.whole_card { 0.4 } else { 1.0 };
    let spread = look.spread;
    let (cx, cy) = (
        w / 2.0 + rng.range(-spread, spread) * w * jitter,
        h / 2.0 + rng.range(-spread, spread) * h * jitter,
    );
    let (qc_u, qc_v) = (qr_x + qr_mm / 2.0, qr_y + qr_mm / 2.0);
    // The card point at the frame's aim (cx, cy).
    let (aim_u, aim_v) = if look.whole_card {
        (
            qc_u + 0.3 * (CARD_W_MM / 2.0 - qc_u),
            qc_v + 0.3 * (CARD_H_MM / 2.0 - qc_v),
        )
    } else {
        (qc_u, qc_v)
    };

    // A phone's field of view: 620 px for a 640 px wide frame.
    let focal = 620.0 * w / 640.0;
    let rz = look.rotation_deg.to_radians();
    let tilt = look.tilt_deg.to_radians();
    let (rx, ry) = (tilt * look.tilt_dir.cos(), tilt * look.tilt_dir.sin());
    let rot_z = [
        [rz.cos(), -rz.sin(), 0.0],
        [rz.sin(), rz.cos(), 0.0],
        [0.0, 0.0, 1.0],
    ];
    let rot_x = [
        [1.0, 0.0, 0.0],
        [0.0, rx.cos(), -rx.sin()],
        [0.0, rx.sin(), rx.cos()],
    ];
    let rot_y = [
        [ry.cos(), 0.0, ry.sin()],
        [0.0, 1.0, 0.0],
        [-ry.sin(), 0.0, ry.cos()],
    ];
    let r = mul3(&rot_y, &mul3(&rot_x, &rot_z));
    let projection = [
        [
            focal * r[0][0] + cx * r[2][0],
            focal * r[0][1] + cx * r[2][1],
            cx * focal,
        ],
        [
            focal * r[1][0] + cy * r[2][0],
            focal * r[1][1] + cy * r[2][1],
            cy * focal,
        ],
        [r[2][0], r[2][1], focal],
    ];
    let card_to_plane = [
        [px_per_mm, 0.0, -aim_u * px_per_mm],
        [0.0, px_per_mm, -aim_v * px_per_mm],
        [0.0, 0.0, 1.0],
    ];
    let card_to_frame = mul3(&projection, &card_to_plane);
    let frame_to_card = invert3(&card_to_frame);
    let shot = Shot {
        frame_to_card,
        qr_x,
        qr_y,
        qr_module,
        qr_n,
        modules,
        card_seed: seed,
    };

    let sample = |x: f64, y: f64| -> f64 {
        let (u, mut v) = apply3(&frame_to_card, x, y);
        if !u.is_finite() || !v.is_finite() {
            return 60.0;
        }
        // Position in code sizes from the code's centre.
        let (su, sv) = ((u - qc_u) / qr_mm, (v - qc_v) / qr_mm);
        let mut gloss = 0.0;
        if let Some((bow, (angle, at, strength))) = look.bend {
            // The card bends like a cylinder: its rows sag by a parabola
            // across the card (a shear, so nothing folds over), sized so rows
            // bow by `bow` modules across the code.
            let half_card = CARD_W_MM / 2.0;
            let sag = bow * qr_module * (half_card / (qr_mm / 2.0)).powi(2);
            let across = ((u - half_card) / half_card).clamp(-1.0, 1.0);
            v += sag * across * across;
            let d = su * angle.cos() + sv * angle.sin() - at;
            gloss = strength * (-(d * d) / (2.0 * 0.12 * 0.12)).exp();
        }
        let mut value = match look.screen_pitch {
            Some(pitch) => screen_at(&shot, u, v, px_per_mm, pitch),
            None => shot.card_at(u, v),
        };
        if let Some((edge, along, depth, width)) = look.finger {
            let (qu, qv) = (su + 0.5, sv + 0.5);
            // Coordinates across (a) and into (b) the code from the edge.
            let (a, b) = if edge == 0 {
                (qv - along, 1.0 - qu)
            } else {
                (qu - along, 1.0 - qv)
            };
            let r = width / 2.0;
            // A capsule from far outside to `depth` inside.
            let inside = if b > depth - r {
                ((a * a) + (b - (depth - r)).powi(2)).sqrt() / r
            } else {
                a.abs() / r
            };
            if inside < 1.0 {
                value = 185.0 - 70.0 * inside * inside;
            } else if inside < 1.35 {
                value *= 0.6 + 0.4 * (inside - 1.0) / 0.35;
            }
        }
        if look.texture > 0.0 {
            // Outside the code and its two-module quiet zone: fine wavy
            // lines printed over the card, as on the real cards.
            let quiet = 0.5 + 2.0 / qr_n as f64;
            let on_card = (0.0..CARD_W_MM).contains(&u) && (0.0..CARD_H_MM).contains(&v);
            if on_card && (su.abs() > quiet || sv.abs() > quiet) {
                let wave = (u * 4.1 + 1.5 * (v * 1.7).sin()).sin()
                    * (v * 3.3 + 1.2 * (u * 0.9).cos()).cos();
                value -= look.texture * (0.5 + 0.5 * wave);
            }
        }
        if let Some((angle, at, depth, fall)) = look.light {
            let d = (su * angle.cos() + sv * angle.sin() - at) / fall;
            let shade = 1.0 / (1.0 + (-4.0 * d).exp());
            value *= 1.0 - depth * shade;
        }
        value + gloss
    };

    let mut img = vec![0f32; width * height];
    for (y, row) in img.chunks_mut(width).enumerate() {
        for (x, px) in row.iter_mut().enumerate() {
            let (fx, fy) = (x as f64, y as f64);
            let s = if supersample {
                (sample(fx + 0.25, fy + 0.25)
                    + sample(fx + 0.75, fy + 0.25)
                    + sample(fx + 0.25, fy + 0.75)
                    + sample(fx + 0.75, fy + 0.75))
                    / 4.0
            } else {
                sample(fx + 0.5, fy + 0.5)
            };
            let dx = (fx - w / 2.0) / w;
            let dy = (fy - h / 2.0) / w;
            let vignette = 1.0 - 0.4 * (dx * dx + dy * dy);
            *px = (s * look.gain * vignette + look.offset) as f32;
        }
    }
    gaussian_blur(&mut img, width, height, look.blur_px);
    let mut luma: Vec<u8> = img
        .iter()
        .map(|&v| (f64::from(v) + look.noise_sigma * rng.gauss()).clamp(0.0, 255.0) as u8)
        .collect();
    if let Some(quality) = look.jpeg_quality {
        luma = jpeg_round_trip(&luma, width, height, quality);
    }
    Picture {
        luma,
        truth,
        version,
        module_px: look.module_px,
        rotation_deg: look.rotation_deg.rem_euclid(360.0),
    }
}

/// A phone screen showing the code: a bright display with a dark bezel,
/// every screen pixel a lit square with dark gaps, `pitch` frame pixels apart.
fn screen_at(shot: &Shot, u: f64, v: f64, px_per_mm: f64, pitch: f64) -> f64 {
    let n = shot.qr_n as f64;
    let qu = (u - shot.qr_x) / shot.qr_module;
    let qv = (v - shot.qr_y) / shot.qr_module;
    let margin = 9.0;
    if qu < -margin || qv < -margin || qu >= n + margin || qv >= n + margin * 3.0 {
        return 18.0;
    }
    let content = if (0.0..n).contains(&qu) && (0.0..n).contains(&qv) {
        let idx = qv as usize * shot.qr_n + qu as usize;
        if shot.modules.get(idx).copied().unwrap_or(false) {
            22.0
        } else {
            240.0
        }
    } else if qv > n + margin && qv < n + margin + 3.0 {
        // A button under the code.
        120.0
    } else {
        240.0
    };
    let pitch_mm = pitch / px_per_mm;
    let (gu, gv) = (
        (std::f64::consts::PI * u / pitch_mm).cos().powi(2),
        (std::f64::consts::PI * v / pitch_mm).cos().powi(2),
    );
    content * (0.45 + 0.55 * gu * gv) + 8.0
}

/// Write one part as PNG files plus `manifest.json`: `[{"file", "part",
/// "condition", "index", "version", "module_px", "text"}]`. For the browser
/// benchmark.
pub fn write_corpus(dir: &Path, part: Part, per_condition: u64) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut entries = Vec::new();
    for frame in corpus(part, per_condition) {
        let file = format!("{}.png", frame.stem());
        image::save_buffer_with_format(
            dir.join(&file),
            &frame.luma,
            frame.width as u32,
            frame.height as u32,
            image::ExtendedColorType::L8,
            image::ImageFormat::Png,
        )
        .map_err(io::Error::other)?;
        entries.push(serde_json::json!({
            "file": file,
            "part": part.name(),
            "condition": frame.condition.name(),
            "index": frame.index,
            "version": frame.version,
            "module_px": frame.module_px,
            "text": frame.truth,
        }));
    }
    let manifest = serde_json::to_string_pretty(&entries).map_err(io::Error::other)?;
    fs::write(dir.join("manifest.json"), manifest)
}

/// A JPEG of a field frame, for looking at it.
pub fn jpeg(frame: &Frame, quality: u8) -> Vec<u8> {
    encode_jpeg(&frame.luma, frame.width, frame.height, quality)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_one_to_ten_is_made() {
        for index in 0..10 {
            let frame = render(Part::Tune, Condition::Tiny, index);
            let code = QrCode::with_version(
                frame.truth.as_bytes(),
                Version::Normal(frame.version),
                EcLevel::M,
            );
            assert!(code.is_ok(), "{}", frame.stem());
            assert_eq!(frame.version, 1 + index as i16);
            assert!(!frame.truth.is_empty());
        }
    }

    #[test]
    fn parts_differ_and_are_deterministic() {
        let a = render(Part::Tune, Condition::Finger, 3);
        let b = render(Part::Tune, Condition::Finger, 3);
        let c = render(Part::HeldOut, Condition::Finger, 3);
        assert_eq!(a.luma, b.luma);
        assert_ne!(a.luma, c.luma);
        assert_eq!(a.luma.len(), WIDTH * HEIGHT);
    }
}
