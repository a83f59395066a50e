//! A synthetic, deterministic corpus of "photographs" of card QR codes.
//!
//! Real card photos carry personal data, so we make our own: fake people with
//! Vietnamese names, their CCCD / căn cước payloads rendered as QR codes at
//! card scale (card 85.6 × 54 mm, QR 11–15 mm) on a busy card background,
//! then "photographed" into 1280 × 720 luma frames under a named
//! [`Condition`]. Everything is seeded: the same `(condition, seed)` always
//! gives the same frame and the same ground truth, so frames are generated
//! during tests instead of being committed as binaries.
//!
//! Used by the native tests, `sotay decode`'s tests, the browser benchmark
//! ([`write_corpus`]: PNG files + `manifest.json`) and the camera e2e test
//! ([`write_y4m`]: a video for Chromium's fake camera). [`hostile`] makes the
//! PNG bombs of the bad-input tests.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use qrcode::{Color, EcLevel, QrCode};

pub mod field;
pub mod hostile;
pub mod photo;

/// Width of every corpus frame, as a 720p phone camera delivers it.
pub const FRAME_WIDTH: usize = 1280;
/// Height of every corpus frame.
pub const FRAME_HEIGHT: usize = 720;

const CARD_W_MM: f64 = 85.6;
const CARD_H_MM: f64 = 54.0;

/// How a frame was "photographed".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Condition {
    /// Card flat, facing the camera, good light, about 3–4 px per module.
    Clean,
    /// Card tilted up to ~40° away from the camera.
    Perspective,
    /// Card turned to any angle in the image plane.
    Rotation,
    /// Out of focus (Gaussian blur, σ 0.3–0.45 of a module).
    Blur,
    /// Strong sensor noise.
    Noise,
    /// Heavy JPEG compression (quality 12–30).
    Jpeg,
    /// Dim room: low contrast, amplified noise.
    LowLight,
    /// A lamp's reflection over part of the code plus uneven light.
    Glare,
    /// Card far away: 1.5–2 px per module.
    SmallModules,
    /// Light modules on a dark background (a phone screen in dark mode).
    Inverted,
}

impl Condition {
    /// Every condition, in a stable order.
    pub const ALL: [Condition; 10] = [
        Condition::Clean,
        Condition::Perspective,
        Condition::Rotation,
        Condition::Blur,
        Condition::Noise,
        Condition::Jpeg,
        Condition::LowLight,
        Condition::Glare,
        Condition::SmallModules,
        Condition::Inverted,
    ];

    /// A short lowercase name, used in file names and reports.
    pub fn name(self) -> &'static str {
        match self {
            Condition::Clean => "clean",
            Condition::Perspective => "perspective",
            Condition::Rotation => "rotation",
            Condition::Blur => "blur",
            Condition::Noise => "noise",
            Condition::Jpeg => "jpeg",
            Condition::LowLight => "low-light",
            Condition::Glare => "glare",
            Condition::SmallModules => "small-modules",
            Condition::Inverted => "inverted",
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which card the payload imitates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardKind {
    /// Chip CCCD (2021 – mid 2024): 7 fields, QR on the front.
    Cccd,
    /// Căn cước (since July 2024): more fields incl. relatives, QR 11 mm.
    CanCuoc,
}

impl CardKind {
    /// A short lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            CardKind::Cccd => "cccd",
            CardKind::CanCuoc => "can-cuoc",
        }
    }
}

/// One synthetic photograph and what it should decode to.
#[derive(Clone, Debug)]
pub struct Frame {
    /// Row-major 8-bit luma, `width * height` bytes.
    pub luma: Vec<u8>,
    /// Frame width in pixels.
    pub width: usize,
    /// Frame height in pixels.
    pub height: usize,
    /// The exact text encoded in the QR code.
    pub truth: String,
    /// How it was photographed.
    pub condition: Condition,
    /// The seed that made it.
    pub seed: u64,
    /// Which card it imitates.
    pub kind: CardKind,
    /// Pixels per QR module at the code's centre (before blur).
    pub module_px: f64,
    /// Where the QR code's outer corners landed in the frame
    /// (top-left, top-right, bottom-right, bottom-left of the symbol).
    pub qr_corners: [(f32, f32); 4],
}

impl Frame {
    /// This frame turned by `degrees` (clockwise on screen) about its
    /// centre, bilinearly; what comes in from outside is mid grey. For the
    /// camera e2e tests: a card held at an angle.
    pub fn turned(&self, degrees: f64) -> Frame {
        let (w, h) = (self.width, self.height);
        let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);
        let (sin, cos) = degrees.to_radians().sin_cos();
        let at = |x: f64, y: f64| -> f64 {
            if x < 0.0 || y < 0.0 || x > (w - 1) as f64 || y > (h - 1) as f64 {
                return 110.0;
            }
            let (x0, y0) = (x as usize, y as usize);
            let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
            let (fx, fy) = (x - x0 as f64, y - y0 as f64);
            let p = |x: usize, y: usize| f64::from(self.luma[y * w + x]);
            (p(x0, y0) * (1.0 - fx) + p(x1, y0) * fx) * (1.0 - fy)
                + (p(x0, y1) * (1.0 - fx) + p(x1, y1) * fx) * fy
        };
        let mut luma = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                // Where this output pixel comes from: turn back by `degrees`.
                let (dx, dy) = (x as f64 - cx, y as f64 - cy);
                let (sx, sy) = (cx + dx * cos + dy * sin, cy - dx * sin + dy * cos);
                luma[y * w + x] = at(sx, sy).round() as u8;
            }
        }
        let turn = |(x, y): (f32, f32)| {
            let (dx, dy) = (f64::from(x) - cx, f64::from(y) - cy);
            (
                (cx + dx * cos - dy * sin) as f32,
                (cy + dx * sin + dy * cos) as f32,
            )
        };
        Frame {
            luma,
            qr_corners: self.qr_corners.map(turn),
            ..self.clone()
        }
    }

    /// This frame in a dim room: light times `gain`, plus sensor noise of
    /// standard deviation `noise` (seeded by the frame's seed).
    pub fn dimmed(&self, gain: f64, noise: f64) -> Frame {
        let mut rng = Rng::new(self.seed ^ 0xD1);
        let luma = self
            .luma
            .iter()
            .map(|&p| (f64::from(p) * gain + noise * rng.gauss()).clamp(0.0, 255.0) as u8)
            .collect();
        Frame {
            luma,
            ..self.clone()
        }
    }

    /// This frame moved so the code's centre sits `fraction` of the code's
    /// width past the frame's left edge (negative: inside): a code cut off
    /// by the edge. Uncovered pixels repeat the edge column.
    pub fn cut_off_left(&self, fraction: f32) -> Frame {
        let xs = self.qr_corners.map(|(x, _)| x);
        let (lo, hi) = xs
            .iter()
            .fold((f32::MAX, f32::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        let shift = ((lo + hi) / 2.0 + fraction * (hi - lo)).round() as usize;
        let w = self.width;
        let mut luma = self.luma.clone();
        for row in luma.chunks_mut(w) {
            row.rotate_left(shift.min(w - 1));
            let edge = row[w - 1 - shift.min(w - 1)];
            row[w - shift.min(w - 1)..].fill(edge);
        }
        Frame {
            luma,
            qr_corners: self.qr_corners.map(|(x, y)| (x - shift as f32, y)),
            ..self.clone()
        }
    }

    /// A file stem such as `glare-03-cccd`.
    pub fn stem(&self) -> String {
        format!(
            "{}-{:02}-{}",
            self.condition.name(),
            self.seed,
            self.kind.name()
        )
    }
}

/// SplitMix64: tiny, good enough, and identical on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Pick one element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Approximately standard normal (sum of 4 uniforms, scaled).
    pub fn gauss(&mut self) -> f64 {
        let s: f64 = (0..4).map(|_| self.unit()).sum();
        (s - 2.0) * 1.732_050_8
    }
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE_MALE: &[&str] = &["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân"];
const MIDDLE_FEMALE: &[&str] = &["Thị", "Ngọc", "Thu", "Minh", "Thanh", "Kim", "Diệu", "Hồng"];
const GIVEN_MALE: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quang",
    "Sơn", "Thắng", "Tuấn", "Việt", "Hưng", "Lộc",
];
const GIVEN_FEMALE: &[&str] = &[
    "Anh", "Ánh", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Phương", "Thảo",
    "Trang", "Yến", "Huyền", "Ngân", "Thúy", "Loan",
];
/// (province code, province name, a few communes/wards).
const PLACES: &[(&str, &str, &[&str])] = &[
    (
        "001",
        "Hà Nội",
        &["Phường Hoàn Kiếm", "Xã Đan Phượng", "Phường Cầu Giấy"],
    ),
    ("031", "Hải Phòng", &["Phường Lê Chân", "Xã An Lão"]),
    ("038", "Thanh Hóa", &["Phường Hạc Thành", "Xã Quảng Xương"]),
    ("048", "Đà Nẵng", &["Phường Hải Châu", "Xã Hòa Vang"]),
    ("051", "Quảng Ngãi", &["Phường Cẩm Thành", "Xã Bình Sơn"]),
    ("062", "Kon Tum", &["Phường Kon Tum", "Xã Đăk Hà"]),
    (
        "079",
        "TP. Hồ Chí Minh",
        &["Phường Bến Thành", "Xã Củ Chi", "Phường Thủ Đức"],
    ),
    ("024", "Bắc Giang", &["Phường Bắc Giang", "Xã Lục Ngạn"]),
];
const STREETS: &[&str] = &[
    "Phố Huế",
    "Đường Lê Lợi",
    "Ngõ Văn Chương",
    "Đường Trần Hưng Đạo",
    "Phố Hàng Bạc",
    "Đường Nguyễn Trãi",
];
const HAMLETS: &[&str] = &["Thôn Đông", "Thôn Thượng", "Xóm Mới", "Ấp Bình Lợi", "Tổ 7"];

fn person_name(rng: &mut Rng, female: bool) -> String {
    let surname = rng.pick(SURNAMES);
    let (middle, given) = if female {
        (rng.pick(MIDDLE_FEMALE), rng.pick(GIVEN_FEMALE))
    } else {
        (rng.pick(MIDDLE_MALE), rng.pick(GIVEN_MALE))
    };
    format!("{surname} {middle} {given}")
}

fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.below(10) as u8))
        .collect()
}

fn date(rng: &mut Rng, year: u32) -> String {
    format!("{:02}{:02}{year}", 1 + rng.below(28), 1 + rng.below(12))
}

fn id_number(rng: &mut Rng, province: &str, female: bool, year: u32) -> String {
    let century = if year >= 2000 { 2 } else { 0 };
    format!(
        "{province}{}{:02}{}",
        century + u32::from(female),
        year % 100,
        digits(rng, 6)
    )
}

/// A fake person's card payload, as the card's QR code would carry it.
///
/// CCCD: `id|old id|name|ddmmyyyy|Nam/Nữ|address|ddmmyyyy`. Căn cước: the
/// same seven fields followed by more `|` fields (parents' and spouse's
/// names with id numbers); the real field order is not public, so this only
/// imitates the length and character mix.
pub fn payload(kind: CardKind, seed: u64) -> String {
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(kind as u64));
    let female = rng.below(2) == 1;
    let year = 1945 + rng.below(62) as u32;
    let (code, province, communes) = *rng.pick(PLACES);
    let id = id_number(&mut rng, code, female, year);
    let old_id = if year < 2000 && rng.below(4) != 0 {
        digits(&mut rng, 9)
    } else {
        String::new()
    };
    let name = person_name(&mut rng, female);
    let birth = date(&mut rng, year);
    let sex = if female { "Nữ" } else { "Nam" };
    let commune = rng.pick(communes);
    let address = if commune.starts_with("Xã") {
        format!("{}, {commune}, {province}", rng.pick(HAMLETS))
    } else {
        format!(
            "Số {}, {}, {commune}, {province}",
            1 + rng.below(200),
            rng.pick(STREETS)
        )
    };
    let issued_year = 2021 + rng.below(4) as u32;
    let issued = date(&mut rng, issued_year);
    let mut fields = vec![id, old_id, name, birth, sex.to_string(), address, issued];
    if kind == CardKind::CanCuoc {
        let father = person_name(&mut rng, false);
        let mother = person_name(&mut rng, true);
        let father_id = id_number(&mut rng, code, false, year.saturating_sub(28));
        let mother_id = id_number(&mut rng, code, true, year.saturating_sub(25));
        let married = rng.below(2) == 1;
        let (spouse, spouse_id) = if married {
            let spouse_year = year + rng.below(5) as u32;
            (
                person_name(&mut rng, !female),
                id_number(&mut rng, code, !female, spouse_year),
            )
        } else {
            (String::new(), String::new())
        };
        let expiry_year = 2035 + rng.below(20) as u32;
        let expiry = date(&mut rng, expiry_year);
        fields.extend([
            expiry, father, father_id, mother, mother_id, spouse, spouse_id,
        ]);
    }
    fields.join("|")
}

/// The QR code of a payload as a square of dark (`true`) modules, without
/// the quiet zone.
fn qr_modules(text: &str, ec: EcLevel) -> (Vec<bool>, usize) {
    let code = QrCode::with_error_correction_level(text.as_bytes(), ec)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L));
    match code {
        Ok(code) => {
            let n = code.width();
            let dark = code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            (dark, n)
        }
        // Our payloads are a few hundred bytes at most; QR holds ~2.9 KB.
        Err(_) => (vec![false; 21 * 21], 21),
    }
}

/// Everything the renderer needs to know about one shot.
struct Shot {
    /// Maps frame (x, y, 1) to card millimetres, homogeneous.
    frame_to_card: [[f64; 3]; 3],
    /// QR origin on the card and module size, in mm.
    qr_x: f64,
    qr_y: f64,
    qr_module: f64,
    qr_n: usize,
    modules: Vec<bool>,
    /// Per-card variation of the background print.
    card_seed: u64,
}

fn hash2(a: i64, b: i64, seed: u64) -> u64 {
    let mut r = Rng::new(seed ^ (a as u64).wrapping_mul(0x9E37_79B9) ^ (b as u64) << 32);
    r.next_u64()
}

impl Shot {
    /// Reflectance (0 = black ink, 255 = white) of the card at (u, v) mm.
    fn card_at(&self, u: f64, v: f64) -> f64 {
        if !(0.0..CARD_W_MM).contains(&u) || !(0.0..CARD_H_MM).contains(&v) {
            // The desk: dark wood-ish stripes.
            return 70.0 + 18.0 * ((u * 0.35 + (v * 0.07).sin() * 4.0).sin());
        }
        let qu = (u - self.qr_x) / self.qr_module;
        let qv = (v - self.qr_y) / self.qr_module;
        let n = self.qr_n as f64;
        if qu >= -2.0 && qv >= -2.0 && qu < n + 2.0 && qv < n + 2.0 {
            if qu < 0.0 || qv < 0.0 || qu >= n || qv >= n {
                return 236.0;
            }
            let idx = qv as usize * self.qr_n + qu as usize;
            return if self.modules.get(idx).copied().unwrap_or(false) {
                28.0
            } else {
                236.0
            };
        }
        // Portrait photo.
        if (4.0..24.0).contains(&u) && (14.0..44.0).contains(&v) {
            let dx = (u - 14.0) / 8.0;
            let dy = (v - 24.0) / 7.0;
            let face = if dx * dx + dy * dy < 1.0 {
                175.0
            } else {
                120.0
            };
            return face - (v - 14.0) * 1.5;
        }
        // Lines of "text": glyph-sized ink cells.
        if u > 27.0 && u < 82.0 && v > 22.0 && v < 51.0 {
            let line = ((v - 22.0) / 4.2) as i64;
            let in_line = (v - 22.0) - line as f64 * 4.2;
            let line_len = 20.0 + (hash2(line, -1, self.card_seed) % 30) as f64;
            if in_line > 1.4 && in_line < 3.2 && u < 27.0 + line_len {
                let cell = ((u - 27.0) / 0.9) as i64;
                let sub = ((in_line - 1.4) / 0.6) as i64;
                let h = hash2(cell, line * 8 + sub, self.card_seed);
                if !h.is_multiple_of(3) {
                    return 55.0;
                }
            }
        }
        // Header band and a guilloche pattern.
        if v < 9.0 && u < 62.0 {
            return 150.0 + 20.0 * (u * 0.9).sin();
        }
        let g = (u * 1.3 + 3.0 * (v * 0.45).sin()).sin() * (v * 0.8 + 2.0 * (u * 0.2).cos()).cos();
        205.0 + 14.0 * g
    }

    fn sample(&self, x: f64, y: f64) -> f64 {
        let m = &self.frame_to_card;
        let w = m[2][0] * x + m[2][1] * y + m[2][2];
        if w.abs() < 1e-12 {
            return 70.0;
        }
        let u = (m[0][0] * x + m[0][1] * y + m[0][2]) / w;
        let v = (m[1][0] * x + m[1][1] * y + m[1][2]) / w;
        self.card_at(u, v)
    }
}

fn invert3(m: &[[f64; 3]; 3]) -> [[f64; 3]; 3] {
    let [[a, b, c], [d, e, f], [g, h, i]] = *m;
    let co = [
        [e * i - f * h, c * h - b * i, b * f - c * e],
        [f * g - d * i, a * i - c * g, c * d - a * f],
        [d * h - e * g, b * g - a * h, a * e - b * d],
    ];
    let det = a * co[0][0] + b * co[1][0] + c * co[2][0];
    let s = if det.abs() < 1e-18 { 0.0 } else { 1.0 / det };
    co.map(|row| row.map(|x| x * s))
}

fn apply3(m: &[[f64; 3]; 3], x: f64, y: f64) -> (f64, f64) {
    let w = m[2][0] * x + m[2][1] * y + m[2][2];
    (
        (m[0][0] * x + m[0][1] * y + m[0][2]) / w,
        (m[1][0] * x + m[1][1] * y + m[1][2]) / w,
    )
}

fn mul3(a: &[[f64; 3]; 3], b: &[[f64; 3]; 3]) -> [[f64; 3]; 3] {
    let mut out = [[0.0; 3]; 3];
    for (r, row) in out.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = (0..3).map(|k| a[r][k] * b[k][c]).sum();
        }
    }
    out
}

/// The knobs one condition turns.
struct Look {
    module_px: f64,
    rotation_deg: f64,
    tilt_x_deg: f64,
    tilt_y_deg: f64,
    blur_sigma: f64,
    noise_sigma: f64,
    /// Multiplies reflectance (light level).
    gain: f64,
    offset: f64,
    glare: Option<(f64, f64, f64, f64)>,
    jpeg_quality: Option<u8>,
    inverted: bool,
}

fn look(condition: Condition, rng: &mut Rng) -> Look {
    let mut l = Look {
        module_px: rng.range(3.0, 4.2),
        rotation_deg: rng.range(-6.0, 6.0),
        tilt_x_deg: rng.range(-6.0, 6.0),
        tilt_y_deg: rng.range(-6.0, 6.0),
        blur_sigma: 0.55,
        noise_sigma: 2.5,
        gain: 1.0,
        offset: 0.0,
        glare: None,
        jpeg_quality: None,
        inverted: false,
    };
    match condition {
        Condition::Clean => {}
        Condition::Perspective => {
            let tilt = rng.range(25.0, 40.0);
            let dir = rng.range(0.0, std::f64::consts::TAU);
            l.tilt_x_deg = tilt * dir.cos();
            l.tilt_y_deg = tilt * dir.sin();
            l.module_px = rng.range(3.2, 4.5);
        }
        Condition::Rotation => l.rotation_deg = rng.range(0.0, 360.0),
        Condition::Blur => l.blur_sigma = l.module_px * rng.range(0.3, 0.45),
        Condition::Noise => l.noise_sigma = rng.range(18.0, 28.0),
        Condition::Jpeg => {
            l.jpeg_quality = Some(12 + rng.below(19) as u8);
            l.noise_sigma = 4.0;
        }
        Condition::LowLight => {
            l.gain = rng.range(0.12, 0.2);
            l.offset = rng.range(3.0, 8.0);
            l.noise_sigma = rng.range(3.0, 5.0);
            l.blur_sigma = 0.8;
        }
        Condition::Glare => {
            let ang = rng.range(0.0, std::f64::consts::TAU);
            let dist = rng.range(0.0, 0.5);
            l.glare = Some((
                ang.cos() * dist,
                ang.sin() * dist,
                rng.range(0.35, 0.6),
                rng.range(140.0, 220.0),
            ));
        }
        Condition::SmallModules => {
            l.module_px = rng.range(1.5, 2.0);
            l.blur_sigma = 0.5;
        }
        Condition::Inverted => l.inverted = true,
    }
    l
}

/// Render one frame: the payload of `(kind, seed)` photographed under
/// `condition`. Deterministic.
pub fn render(condition: Condition, seed: u64, kind: CardKind) -> Frame {
    let truth = payload(kind, seed);
    let (modules, qr_n) = qr_modules(&truth, EcLevel::M);
    render_modules(condition, seed, kind, truth, modules, qr_n)
}

/// Render any text as a card's QR code (EC level M), photographed under
/// `condition`.
pub fn render_text(condition: Condition, seed: u64, kind: CardKind, text: &str) -> Frame {
    let (modules, qr_n) = qr_modules(text, EcLevel::M);
    render_modules(condition, seed, kind, text.to_owned(), modules, qr_n)
}

/// Render a ready-made QR code (e.g. one built with an ECI header through
/// [`qrcode::bits::Bits`]); `truth` is what it should decode to.
pub fn render_qr(
    condition: Condition,
    seed: u64,
    kind: CardKind,
    code: &QrCode,
    truth: &str,
) -> Frame {
    let modules = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    render_modules(
        condition,
        seed,
        kind,
        truth.to_owned(),
        modules,
        code.width(),
    )
}

fn render_modules(
    condition: Condition,
    seed: u64,
    kind: CardKind,
    truth: String,
    modules: Vec<bool>,
    qr_n: usize,
) -> Frame {
    let mut rng = Rng::new(seed ^ ((condition as u64 + 1) << 40) ^ ((kind as u64) << 56));
    let look = look(condition, &mut rng);
    // Căn cước codes are 11 mm; CCCD codes a bit larger.
    let qr_mm = match kind {
        CardKind::Cccd => rng.range(13.0, 15.0),
        CardKind::CanCuoc => 11.0,
    };
    let qr_module = qr_mm / qr_n as f64;
    let (qr_x, qr_y) = (CARD_W_MM - 5.0 - qr_mm, 5.0);
    let px_per_mm = look.module_px / qr_module;

    // The QR centre lands near the frame centre (the viewfinder's box).
    let (w, h) = (FRAME_WIDTH as f64, FRAME_HEIGHT as f64);
    let target_x = w / 2.0 + rng.range(-0.15, 0.15) * w;
    let target_y = h / 2.0 + rng.range(-0.15, 0.15) * h;
    let (qc_u, qc_v) = (qr_x + qr_mm / 2.0, qr_y + qr_mm / 2.0);

    // Card millimetres → camera space (px at focal distance) → image.
    let focal = 1100.0;
    let (rz, rx, ry) = (
        look.rotation_deg.to_radians(),
        look.tilt_x_deg.to_radians(),
        look.tilt_y_deg.to_radians(),
    );
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
    let (cx, cy) = (target_x, target_y);
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
        [px_per_mm, 0.0, -qc_u * px_per_mm],
        [0.0, px_per_mm, -qc_v * px_per_mm],
        [0.0, 0.0, 1.0],
    ];
    let card_to_frame = mul3(&projection, &card_to_plane);
    let shot = Shot {
        frame_to_card: invert3(&card_to_frame),
        qr_x,
        qr_y,
        qr_module,
        qr_n,
        modules,
        card_seed: seed,
    };
    let corner = |u: f64, v: f64| {
        let (x, y) = apply3(&card_to_frame, u, v);
        (x as f32, y as f32)
    };
    let qr_corners = [
        corner(qr_x, qr_y),
        corner(qr_x + qr_mm, qr_y),
        corner(qr_x + qr_mm, qr_y + qr_mm),
        corner(qr_x, qr_y + qr_mm),
    ];

    // 2 × 2 supersampling stands in for the lens' area integration.
    let mut img = vec![0f32; FRAME_WIDTH * FRAME_HEIGHT];
    for (y, row) in img.chunks_mut(FRAME_WIDTH).enumerate() {
        for (x, px) in row.iter_mut().enumerate() {
            let (fx, fy) = (x as f64, y as f64);
            let s = shot.sample(fx + 0.25, fy + 0.25)
                + shot.sample(fx + 0.75, fy + 0.25)
                + shot.sample(fx + 0.25, fy + 0.75)
                + shot.sample(fx + 0.75, fy + 0.75);
            let mut v = s / 4.0;
            if look.inverted {
                v = 255.0 - v;
            }
            // Vignetting and light level.
            let dx = (fx - w / 2.0) / w;
            let dy = (fy - h / 2.0) / w;
            let vignette = 1.0 - 0.35 * (dx * dx + dy * dy);
            v = v * look.gain * vignette + look.offset;
            if let Some((gx, gy, radius, strength)) = look.glare {
                // Relative to the QR code, sized by it.
                let qr_px = qr_mm * px_per_mm;
                let ddx = (fx - (target_x + gx * qr_px)) / (radius * qr_px);
                let ddy = (fy - (target_y + gy * qr_px)) / (radius * qr_px);
                v += strength * (-(ddx * ddx + ddy * ddy)).exp();
                // Uneven light across the card.
                v *= 0.75 + 0.4 * (fx / w);
            }
            *px = v as f32;
        }
    }
    gaussian_blur(&mut img, FRAME_WIDTH, FRAME_HEIGHT, look.blur_sigma);
    let mut luma: Vec<u8> = img
        .iter()
        .map(|&v| (f64::from(v) + look.noise_sigma * rng.gauss()).clamp(0.0, 255.0) as u8)
        .collect();
    if let Some(quality) = look.jpeg_quality {
        luma = jpeg_round_trip(&luma, FRAME_WIDTH, FRAME_HEIGHT, quality);
    }
    Frame {
        luma,
        width: FRAME_WIDTH,
        height: FRAME_HEIGHT,
        truth,
        condition,
        seed,
        kind,
        module_px: look.module_px,
        qr_corners,
    }
}

fn gaussian_blur(img: &mut [f32], w: usize, h: usize, sigma: f64) {
    if sigma <= 0.05 {
        return;
    }
    let radius = (sigma * 3.0).ceil() as usize;
    let kernel: Vec<f32> = (0..=2 * radius)
        .map(|i| {
            let d = i as f64 - radius as f64;
            (-(d * d) / (2.0 * sigma * sigma)).exp() as f32
        })
        .collect();
    let sum: f32 = kernel.iter().sum();
    let kernel: Vec<f32> = kernel.iter().map(|k| k / sum).collect();
    let mut tmp = vec![0f32; img.len()];
    for y in 0..h {
        for x in 0..w {
            let mut acc = 0.0;
            for (i, k) in kernel.iter().enumerate() {
                let sx = (x + i).saturating_sub(radius).min(w - 1);
                acc += k * img[y * w + sx];
            }
            tmp[y * w + x] = acc;
        }
    }
    for y in 0..h {
        for x in 0..w {
            let mut acc = 0.0;
            for (i, k) in kernel.iter().enumerate() {
                let sy = (y + i).saturating_sub(radius).min(h - 1);
                acc += k * tmp[sy * w + x];
            }
            img[y * w + x] = acc;
        }
    }
}

fn jpeg_round_trip(luma: &[u8], w: usize, h: usize, quality: u8) -> Vec<u8> {
    let bytes = encode_jpeg(luma, w, h, quality);
    match image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg) {
        Ok(img) => img.to_luma8().into_raw(),
        Err(_) => luma.to_vec(),
    }
}

fn encode_jpeg(luma: &[u8], w: usize, h: usize, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
    let _ = image::ImageEncoder::write_image(
        encoder,
        luma,
        w as u32,
        h as u32,
        image::ExtendedColorType::L8,
    );
    out
}

/// The standard corpus: every condition × `seeds` seeds, alternating card
/// kinds (even seeds CCCD, odd seeds căn cước). Rendered lazily.
pub fn corpus(seeds: u64) -> impl Iterator<Item = Frame> {
    Condition::ALL.into_iter().flat_map(move |condition| {
        (0..seeds).map(move |seed| render(condition, seed, kind_for_seed(seed)))
    })
}

/// The card kind the standard corpus uses for a seed.
pub fn kind_for_seed(seed: u64) -> CardKind {
    if seed.is_multiple_of(2) {
        CardKind::Cccd
    } else {
        CardKind::CanCuoc
    }
}

/// Write a frame as an 8-bit grayscale PNG.
pub fn write_png(frame: &Frame, path: &Path) -> io::Result<()> {
    image::save_buffer_with_format(
        path,
        &frame.luma,
        frame.width as u32,
        frame.height as u32,
        image::ExtendedColorType::L8,
        image::ImageFormat::Png,
    )
    .map_err(io::Error::other)
}

/// Write a frame as a grayscale JPEG (quality 1–100).
pub fn write_jpeg(frame: &Frame, path: &Path, quality: u8) -> io::Result<()> {
    fs::write(
        path,
        encode_jpeg(
            &frame.luma,
            frame.width,
            frame.height,
            quality.clamp(1, 100),
        ),
    )
}

/// Write frames as a YUV4MPEG2 (`.y4m`, 4:2:0, grey chroma) video for
/// Chromium's `--use-file-for-fake-video-capture`. All frames must share the
/// first frame's size (others are skipped); Chromium loops the file.
pub fn write_y4m(frames: &[Frame], path: &Path, fps: u32) -> io::Result<()> {
    let Some(first) = frames.first() else {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "no frames"));
    };
    let (w, h) = (first.width, first.height);
    let mut out = io::BufWriter::new(fs::File::create(path)?);
    writeln!(
        out,
        "YUV4MPEG2 W{w} H{h} F{}:1 Ip A1:1 C420jpeg",
        fps.max(1)
    )?;
    let chroma = vec![128u8; w.div_ceil(2) * h.div_ceil(2)];
    for frame in frames.iter().filter(|f| f.width == w && f.height == h) {
        out.write_all(b"FRAME\n")?;
        out.write_all(&frame.luma)?;
        out.write_all(&chroma)?;
        out.write_all(&chroma)?;
    }
    out.flush()
}

/// Write the standard corpus (`seeds` per condition) into `dir` as PNG files
/// plus `manifest.json`: `[{"file", "condition", "seed", "kind", "module_px",
/// "text"}]`. Returns the PNG paths. For the browser benchmark.
pub fn write_corpus(dir: &Path, seeds: u64) -> io::Result<Vec<PathBuf>> {
    fs::create_dir_all(dir)?;
    let mut entries = Vec::new();
    let mut paths = Vec::new();
    for frame in corpus(seeds) {
        let file = format!("{}.png", frame.stem());
        let path = dir.join(&file);
        write_png(&frame, &path)?;
        entries.push(serde_json::json!({
            "file": file,
            "condition": frame.condition.name(),
            "seed": frame.seed,
            "kind": frame.kind.name(),
            "module_px": frame.module_px,
            "text": frame.truth,
        }));
        paths.push(path);
    }
    let manifest = serde_json::to_string_pretty(&entries).map_err(io::Error::other)?;
    fs::write(dir.join("manifest.json"), manifest)?;
    Ok(paths)
}
