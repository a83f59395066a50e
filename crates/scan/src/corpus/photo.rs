//! Phone photos: large frames of a card, as the project owner's outside
//! corpus has them (issue 16), for native full-budget decoding (`sotay
//! decode`).
//!
//! The field corpus's generator ([`super::field`]) at 1600–3000 px wide,
//! with the card anywhere in the frame at any size, and what real photos
//! add: uneven light across the code, a camera out of focus, the card's
//! printed pattern around the code, a turned card; and the outside
//! corpus's heavy JPEG, dim light and tilt at that size. Like the field corpus it
//! has a tune part for decoder work and a held-out part (other seeds) for
//! final numbers only.

use std::fmt;

use super::Rng;
use super::field::{Look, Part, base_look, shoot};

/// How a phone photo was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Condition {
    /// The card anywhere in the frame, its code 2–12 px a module, saved as
    /// a phone saves JPEG.
    Large,
    /// A shadow's edge or a gradient of light across the code.
    UnevenLight,
    /// Out of focus: blurred by a third to half a module.
    OutOfFocus,
    /// A fine printed pattern on the card right up to the code's quiet zone.
    Pattern,
    /// The card turned ±15–35°, 90°, 180° or 200°, and slightly out of focus.
    Turned,
    /// Saved as JPEG quality 20–40 (a chat app's copy).
    HeavyJpeg,
    /// A dim hall: 25–40 % of the light, with the noise that comes with it.
    Dim,
    /// Tilted 10–25° away from the camera.
    Tilted,
}

impl Condition {
    /// Every condition, in a stable order.
    pub const ALL: [Condition; 8] = [
        Condition::Large,
        Condition::UnevenLight,
        Condition::OutOfFocus,
        Condition::Pattern,
        Condition::Turned,
        Condition::HeavyJpeg,
        Condition::Dim,
        Condition::Tilted,
    ];

    /// A short lowercase name, for reports.
    pub fn name(self) -> &'static str {
        match self {
            Condition::Large => "photo-large",
            Condition::UnevenLight => "photo-shadow",
            Condition::OutOfFocus => "photo-focus",
            Condition::Pattern => "photo-pattern",
            Condition::Turned => "photo-turned",
            Condition::HeavyJpeg => "photo-jpeg",
            Condition::Dim => "photo-dim",
            Condition::Tilted => "photo-tilted",
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One phone photo and what it should decode to.
#[derive(Clone, Debug)]
pub struct Photo {
    /// Row-major 8-bit luma, `width * height` bytes.
    pub luma: Vec<u8>,
    /// 1600–3000.
    pub width: usize,
    /// Three quarters of the width.
    pub height: usize,
    /// The exact text encoded.
    pub truth: String,
    /// How it was taken.
    pub condition: Condition,
    /// Which part it belongs to.
    pub part: Part,
    /// Its number within its condition and part.
    pub index: u64,
    /// QR version, 1–10.
    pub version: i16,
    /// Pixels per module at the code's centre (before blur).
    pub module_px: f64,
}

impl Photo {
    /// A name such as `tune-photo-large-03`.
    pub fn stem(&self) -> String {
        format!(
            "{}-{}-{:02}",
            self.part.name(),
            self.condition.name(),
            self.index
        )
    }
}

fn look(condition: Condition, rng: &mut Rng) -> Look {
    let mut l = base_look(rng);
    l.spread = 0.25;
    l.module_px = rng.range(2.5, 8.0);
    l.blur_px = rng.range(0.6, 1.2);
    l.jpeg_quality = Some(70 + rng.below(21) as u8);
    match condition {
        Condition::Large => {
            l.module_px = rng.range(2.0, 12.0);
        }
        Condition::UnevenLight => {
            let depth = rng.range(0.45, 0.75);
            // Half a shadow's sharp edge, half a gradient over the code.
            let fall = if rng.below(2) == 0 {
                rng.range(0.03, 0.1)
            } else {
                rng.range(0.5, 1.0)
            };
            l.light = Some((
                rng.range(0.0, std::f64::consts::TAU),
                rng.range(-0.3, 0.3),
                depth,
                fall,
            ));
        }
        Condition::OutOfFocus => {
            l.module_px = rng.range(4.0, 10.0);
            l.blur_px = l.module_px * rng.range(0.3, 0.5);
        }
        Condition::Pattern => {
            l.texture = rng.range(60.0, 110.0);
        }
        Condition::Turned => {
            let turn = match rng.below(4) {
                0 => rng.range(15.0, 35.0) * if rng.below(2) == 0 { 1.0 } else { -1.0 },
                1 => 90.0,
                2 => 180.0,
                _ => 200.0,
            };
            l.rotation_deg = turn + rng.range(-2.0, 2.0);
            l.blur_px = l.module_px * rng.range(0.2, 0.35);
            l.whole_card = true;
        }
        Condition::HeavyJpeg => {
            l.jpeg_quality = Some(20 + rng.below(21) as u8);
            l.noise_sigma = rng.range(3.0, 6.0);
        }
        Condition::Dim => {
            l.gain = rng.range(0.25, 0.4);
            l.offset = rng.range(2.0, 10.0);
            l.noise_sigma = rng.range(4.0, 10.0);
        }
        Condition::Tilted => {
            l.tilt_deg = rng.range(10.0, 25.0);
        }
    }
    l
}

/// Render photo `index` of `condition` in `part`. Deterministic.
pub fn render(part: Part, condition: Condition, index: u64) -> Photo {
    let seed = part.seed(condition as u64 + 17, index);
    // The frame's width comes from its own stream, so the scene's draws
    // match whatever the size.
    let width = 1600 + Rng::new(seed ^ 0x5153_4953_4953).below(1401);
    let width = width / 4 * 4;
    let height = width * 3 / 4;
    let picture = shoot(seed, index, (width, height), false, |rng| {
        look(condition, rng)
    });
    Photo {
        luma: picture.luma,
        width,
        height,
        truth: picture.truth,
        condition,
        part,
        index,
        version: picture.version,
        module_px: picture.module_px,
    }
}
