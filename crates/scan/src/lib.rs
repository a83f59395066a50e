//! Find and decode QR codes — card QR codes first — in grayscale camera
//! frames and photos, in pure Rust that also runs as WebAssembly.
//!
//! [`decode`] takes an 8-bit luma frame (row-major, `width * height` bytes)
//! and returns every QR code it could read, with the symbol's corners. It
//! never panics: a buffer of the wrong length gives an empty result
//! ([`decode_with`] says why, with a Vietnamese message).
//!
//! # How it reads
//!
//! The symbol finding and Reed–Solomon decoding come from [`quircs`], a Rust
//! port of the quirc library; its finder is vendored (module `finder`) so a
//! pass on an image we already thresholded skips quirc's Otsu level, and a
//! grid that fails to read as found gets our re-read (below) before quirc's
//! costly jiggle of its perspective, which comes last and only on a roomy
//! budget (a photo's; a camera tries the next frame instead). Around
//! it we run our own passes, cheapest and likeliest first, until one reads
//! a code, the camera's time limit ([`TimeLimit`], on a clock the caller
//! lends) passes, or the per-frame work budget ([`Options::work_budget`],
//! counted in pixels processed, the same on every machine) runs out:
//!
//! 1. a fast block threshold (8 × 8 block means smoothed over 5 × 5
//!    blocks, after ZXing's hybrid binariser) on the frame, down-scaled by
//!    an integer factor when it is larger than [`Options::max_side`]: reads
//!    most frames, in any light (on a camera's budget its finder looks at
//!    every other row);
//! 2. the cheap locator: the finder patterns pass 1 saw mark where the
//!    code is; that region alone is enlarged (2× bilinearly) and read with
//!    quircs' own (Otsu) threshold and a fine adaptive one;
//! 3. when pass 1 saw no finder pattern at all, most often because the
//!    modules are too small for it: the centre of the frame, where the
//!    viewfinder asks for the card, enlarged 2× (from the full-resolution
//!    frame when pass 1 down-scaled), with both thresholds;
//! 4. a local (adaptive) threshold from a summed-area table on the whole
//!    frame, for uneven light, glare and dim rooms;
//! 5. quircs' global threshold on the whole frame;
//! 6. the same, inverted (light modules on dark);
//! 7. crops around symbols that were found but not read, then the
//!    viewfinder's centre (unless pass 3 looked), enlarged like pass 3: for
//!    small modules;
//! 8. when no pass saw three finder patterns together: a grid guessed from
//!    the finder patterns all passes saw (three at a right angle, or, on a
//!    roomy budget, two and the places the third can be), re-read.
//!
//! One finder state (its pixel buffer too) serves every pass of a frame,
//! and the caller's frame is read in place, never copied. When nothing is
//! read but finder patterns were seen, [`Report::guidance`] says why: a
//! code reaching past the frame's edge, modules under 2 px, too dark, or
//! else blurred.
//!
//! Whenever quircs finds a symbol but cannot read it, we re-read it
//! ourselves: rebuild the grid from its three finder patterns for the
//! likely sizes, fit the corners to the known function patterns, sample
//! the grayscale image bilinearly at each module centre and threshold
//! against the neighbouring modules.
//!
//! Byte-mode payloads become text through the ECI the code declares
//! (UTF-8, ECI 26; ISO-8859-1, ECI 1/3); without one, valid UTF-8 (what
//! card codes carry) is read as UTF-8 and anything else as ISO-8859-1.
//!
//! # Why quircs
//!
//! Measured on this crate's synthetic card-photo corpus (module `corpus`,
//! feature `corpus`: 1280 × 720 frames, seeds 0–19 per condition, half CCCD
//! and half căn cước codes; a read is the exact ground-truth text), each
//! library alone on the raw frame (rxing: `QRCodeReader`, hybrid binariser,
//! try-harder) and quircs with our passes on top:
//!
//! | condition     | rqrr 0.11 | quircs 0.10 | rxing 0.9 | this crate |
//! |---------------|-----------|-------------|-----------|------------|
//! | clean         | 8/20      | 15/20       | 16/20     | 20/20      |
//! | perspective   | 10/20     | 16/20       | 17/20     | 20/20      |
//! | rotation      | 12/20     | 18/20       | 20/20     | 20/20      |
//! | blur          | 5/20      | 9/20        | 11/20     | 20/20      |
//! | noise         | 8/20      | 15/20       | 10/20     | 20/20      |
//! | jpeg          | 9/20      | 11/20       | 20/20     | 20/20      |
//! | low-light     | 3/20      | 9/20        | 17/20     | 20/20      |
//! | glare         | 3/20      | 0/20        | 20/20     | 20/20      |
//! | small-modules | 0/20      | 0/20        | 5/20      | 19/20      |
//! | inverted      | 0/20      | 0/20        | 0/20      | 20/20      |
//!
//! On seeds 0–59 this crate reads 60/60 on every condition but small
//! modules (55/60: there quircs groups the wrong finder patterns).
//!
//! Median native time per frame (release build on a shared 2-core x86
//! machine, so only roughly): quircs 4–13 ms, rqrr 17–45 ms, rxing 2–20
//! ms, this crate 5–25 ms on most conditions, 45–75 ms for small modules,
//! and 30–65 ms on a frame with no code, when every pass runs — lower
//! [`Options::work_budget`] for a live camera on a slow phone.
//!
//! Size of a minimal `wasm32-unknown-unknown` cdylib calling each library
//! (opt-level z, LTO, one codegen unit, strip; raw / gzip -9): quircs 43 KB
//! / 19 KB, rqrr 187 KB / 90 KB, rxing (QR only) 323 KB / 188 KB, this
//! crate 88 KB / 38 KB. quircs (ISC licence, permissive like MIT) reads
//! more than rqrr on every condition at a quarter of the size; rxing (a
//! ZXing port, Apache-2.0) reads more raw frames but alone costs about our
//! whole app's budget, and our passes go past it on every condition.
//!
//! The grid re-read (module `resample`) is what lifts blur and small
//! modules: quircs samples one binarised pixel per module and estimates the
//! grid size from timing patterns that blur away below ~2 px per module.
//!
//! The table above is the corpus the decoder was developed on. The harder
//! `corpus::field` (issue 16: any angle, JPEG 20–40, dim, tilt, bent and
//! glossy cards, screens, fingers, versions 1–10 down to 1.5 px a module)
//! came after it, with a tune part for decoder work and a held-out part for
//! final numbers only; `cargo xtask bench scan` compares us with zxing-wasm
//! and jsQR on both. `corpus::photo` draws its scenes as 1600–3000 px
//! phone photos (uneven light, out of focus, a printed pattern round the
//! code, a turned card, heavy JPEG, dim light, tilt) for `sotay decode`
//! ([`Options::for_photo`]).

#[cfg(feature = "corpus")]
pub mod corpus;
#[cfg(feature = "files")]
pub mod files;
pub mod frame;
pub mod protocol;

mod finder;
mod image_ops;
mod resample;
mod text;

use std::borrow::Cow;
use std::fmt;

use image_ops::{Gray, Rect};

/// One QR code found in a frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The payload as text (see the crate docs for the character set rules).
    pub text: String,
    /// Corners of the symbol in frame pixels: top-left, top-right,
    /// bottom-right, bottom-left as the code is read (not as it lies in the
    /// frame: a code upside down has its top-left at the bottom right).
    pub corners: [(f32, f32); 4],
}

/// How hard to look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Pixels the passes may process per frame, summed over passes (each
    /// pass costs about the pixel count of the image it looks at times its
    /// share of the time, a grid re-read six for each sample it takes). The
    /// default, 48 × 1280 × 720, lets every pass and its re-reads run on a
    /// 720p frame; a camera loop on a slow phone passes less
    /// (`frame::CAMERA_BUDGET_PER_PIXEL`) and relies on the next frame.
    pub work_budget: usize,
    /// Larger frames are shrunk by an integer factor so their longer side
    /// is at most this before the first passes (phone photos are 12 MP).
    /// Up to 3200 px are looked at whole: halving a 2000–3000 px photo
    /// leaves a card's code 1–2 px a module, and modules that large the
    /// passes read anyway.
    pub max_side: usize,
}

impl Options {
    /// The default options with a work budget that lets every pass run on
    /// a `width × height` picture however large: for a photo decoded once
    /// (`sotay decode`), where reading beats time.
    pub fn for_photo(width: usize, height: usize) -> Options {
        let default = Options::default();
        Options {
            work_budget: default.work_budget.max(
                width
                    .saturating_mul(height)
                    .saturating_mul(PHOTO_BUDGET_PER_PIXEL),
            ),
            ..default
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            work_budget: PHOTO_BUDGET_PER_PIXEL * 1280 * 720,
            max_side: 3200,
        }
    }
}

/// Budget pixels per frame pixel under which grid re-reads are quicker
/// and less thorough (a camera's budget), so the budget buys more passes.
const ROOMY_BUDGET_PER_PIXEL: usize = 12;

/// Budget pixels per frame pixel that let every pass and its thorough
/// re-reads run ([`Options`]'s default for a 720p frame, and a photo's):
/// each re-read is charged the samples it takes, up to ~3.6 M budget
/// pixels for a thorough one.
const PHOTO_BUDGET_PER_PIXEL: usize = 48;

/// Why a frame could not be looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanError {
    /// Width or height is zero.
    EmptyFrame,
    /// The buffer's length is not `width * height`.
    BufferSize {
        /// `width * height` (saturating).
        expected: usize,
        /// What was given.
        actual: usize,
    },
}

impl ScanError {
    /// The message to show a resident, in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            ScanError::EmptyFrame => "Ảnh trống, không có gì để đọc.".to_owned(),
            ScanError::BufferSize { .. } => {
                "Dữ liệu ảnh không đúng kích thước, không đọc được.".to_owned()
            }
        }
    }
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanError::EmptyFrame => f.write_str("the frame has no pixels"),
            ScanError::BufferSize { expected, actual } => write!(
                f,
                "the luma buffer has {actual} bytes, width × height is {expected}"
            ),
        }
    }
}

impl std::error::Error for ScanError {}

/// Decode every QR code readable in an 8-bit luma frame, with the default
/// [`Options`]. A malformed buffer gives an empty result.
///
/// # Example
///
/// ```
/// // A synthetic 1280 × 720 photo of a card's QR code (feature `corpus`).
/// use sotay_scan::corpus::{CardKind, Condition, render_text};
///
/// let payload = "001095012345||Nguyễn Văn Mẫu|15031995|Nam|Hà Nội|20042021";
/// let frame = render_text(Condition::Clean, 1, CardKind::Cccd, payload);
/// let found = sotay_scan::decode(&frame.luma, frame.width, frame.height);
/// assert_eq!(found[0].text, payload);
///
/// // Bytes that do not match the size: nothing read, nothing panics.
/// assert!(sotay_scan::decode(&[0; 10], 4, 4).is_empty());
/// ```
pub fn decode(luma: &[u8], width: usize, height: usize) -> Vec<Decoded> {
    decode_with(luma, width, height, &Options::default()).unwrap_or_default()
}

/// [`decode`] with explicit options and a typed error for malformed input.
///
/// # Example
///
/// ```
/// use sotay_scan::{Options, ScanError, decode_with};
///
/// let error = decode_with(&[0; 10], 4, 4, &Options::default()).unwrap_err();
/// assert_eq!(error, ScanError::BufferSize { expected: 16, actual: 10 });
/// assert_eq!(error.message_vi(), "Dữ liệu ảnh không đúng kích thước, không đọc được.");
/// // An empty white frame is looked at, and holds no code.
/// assert_eq!(decode_with(&[255; 64 * 64], 64, 64, &Options::default()), Ok(vec![]));
/// ```
pub fn decode_with(
    luma: &[u8],
    width: usize,
    height: usize,
    options: &Options,
) -> Result<Vec<Decoded>, ScanError> {
    scan_frame(luma, width, height, options).map(|report| report.decoded)
}

/// [`decode_with`], also telling where codes were seen but not read.
pub fn scan_frame(
    luma: &[u8],
    width: usize,
    height: usize,
    options: &Options,
) -> Result<Report, ScanError> {
    scan_frame_within(luma, width, height, options, None)
}

/// A wall-clock limit for one frame, for a camera: no pass starts after
/// `limit_ms` have gone by on `now_ms` (a pass already running finishes),
/// so a slow phone answers in time and reads the next frame instead. The
/// crate cannot read a clock itself (WebAssembly has none portably): the
/// caller lends one, e.g. `performance.now()` in a worker.
#[derive(Clone, Copy)]
pub struct TimeLimit<'a> {
    /// Milliseconds from any fixed start.
    pub now_ms: &'a dyn Fn() -> f64,
    /// How long the frame may take.
    pub limit_ms: f64,
}

/// [`scan_frame`], stopping early when `time` runs out (as well as the
/// work budget).
pub fn scan_frame_within(
    luma: &[u8],
    width: usize,
    height: usize,
    options: &Options,
    time: Option<TimeLimit<'_>>,
) -> Result<Report, ScanError> {
    if width == 0 || height == 0 {
        return Err(ScanError::EmptyFrame);
    }
    let expected = width.saturating_mul(height);
    if expected != luma.len() {
        return Err(ScanError::BufferSize {
            expected,
            actual: luma.len(),
        });
    }
    let full = Gray {
        width,
        height,
        pixels: luma.into(),
    };
    let deadline = time.map(|t| Deadline {
        now_ms: t.now_ms,
        end_ms: (t.now_ms)() + t.limit_ms,
    });
    let quick_rereads = options.work_budget < expected.saturating_mul(ROOMY_BUDGET_PER_PIXEL);
    let mut scan = Scan::new(options.work_budget, quick_rereads, deadline);
    scan.run(&full, options.max_side.max(64));
    let guidance = scan.guidance(&full);
    let unread = if scan.results.is_empty() {
        scan.near_misses.iter().map(|m| m.corners).collect()
    } else {
        Vec::new()
    };
    Ok(Report {
        decoded: scan.results,
        unread,
        guidance,
    })
}

/// What one frame showed: the codes read, and where codes were seen but
/// not read (a camera screen says “bring the card closer” then).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Every code read.
    pub decoded: Vec<Decoded>,
    /// Corners of symbols found but not read; empty when something was read.
    pub unread: Vec<[(f32, f32); 4]>,
    /// When nothing was read but finder patterns were seen: what would help.
    pub guidance: Option<Guidance>,
}

/// What the person holding the card should do when the decoder sees a code
/// (its finder patterns) but cannot read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Guidance {
    /// Part of the code is outside the frame: bring it to the middle.
    Centre,
    /// Modules too small to read: bring the card closer.
    Closer,
    /// Edges smeared (out of focus or moving): hold still.
    Steady,
    /// Too dark or too little contrast: more light.
    Light,
}

impl Guidance {
    /// Every kind, in a stable order.
    pub const ALL: [Guidance; 4] = [
        Guidance::Centre,
        Guidance::Closer,
        Guidance::Steady,
        Guidance::Light,
    ];

    /// A small number for the worker protocol (never 0).
    pub fn code(self) -> u8 {
        match self {
            Guidance::Centre => 1,
            Guidance::Closer => 2,
            Guidance::Steady => 3,
            Guidance::Light => 4,
        }
    }

    /// The kind with this [`Guidance::code`].
    pub fn from_code(code: u8) -> Option<Guidance> {
        Guidance::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// The lent clock and the time on it when no new pass may start.
#[derive(Clone, Copy)]
struct Deadline<'t> {
    now_ms: &'t dyn Fn() -> f64,
    end_ms: f64,
}

impl Deadline<'_> {
    fn passed(self) -> bool {
        (self.now_ms)() >= self.end_ms
    }
}

/// The state of one frame's passes.
struct Scan<'t> {
    budget: usize,
    deadline: Option<Deadline<'t>>,
    results: Vec<Decoded>,
    /// Symbols found but not read.
    near_misses: Vec<NearMiss>,
    /// Finder patterns seen, for guidance.
    sightings: Vec<Sighting>,
    /// One finder state (with its pixel buffer) for every pass of the frame.
    finder: finder::Finder,
    /// A grid re-read has run in this frame.
    reread_done: bool,
    /// The budget is tight (a camera frame): re-reads try less, so it buys
    /// more passes.
    quick_rereads: bool,
}

/// A symbol quircs found but nobody could read.
struct NearMiss {
    /// Its corners in frame coordinates.
    corners: [(f32, f32); 4],
    /// Found in an inverted pass (light modules on dark).
    inverted: bool,
}

/// A finder pattern seen in some pass.
#[derive(Clone, Copy)]
struct Sighting {
    /// Its centre in frame coordinates.
    centre: (f32, f32),
    /// Its module size in frame pixels.
    module: f32,
}

/// What one bilinear sample of a grid re-read costs, in budget pixels:
/// measured natively, a sample takes about as long as pass 1 spends on six
/// pixels. Before re-reads were charged by their samples, a flat 400 000
/// priced a failing one at about a fifth of its time, so a frame that read
/// nothing ran far past its budget.
const SAMPLE_COST: usize = 6;

/// The least budget a frame's later re-reads start on: about one refined
/// start.
const REREAD_START_COST: usize = 80_000 * SAMPLE_COST;

/// Maps a pass image's coordinates back into the frame: frame = offset +
/// p / scale.
#[derive(Clone, Copy)]
struct Placement {
    x: f32,
    y: f32,
    scale: f32,
}

impl Placement {
    /// The frame itself.
    const FRAME: Placement = Placement {
        x: 0.0,
        y: 0.0,
        scale: 1.0,
    };

    fn to_frame(self, (x, y): (f32, f32)) -> (f32, f32) {
        (self.x + x / self.scale, self.y + y / self.scale)
    }
}

impl<'t> Scan<'t> {
    fn new(budget: usize, quick_rereads: bool, deadline: Option<Deadline<'t>>) -> Scan<'t> {
        Scan {
            budget,
            quick_rereads,
            deadline,
            results: Vec::new(),
            near_misses: Vec::new(),
            sightings: Vec::new(),
            finder: finder::Finder::default(),
            reread_done: false,
        }
    }

    /// A look at the frame's time limit that holds no borrow of the scan,
    /// for the re-reads to check between fits.
    fn time_check(&self) -> impl Fn() -> bool + use<'t> {
        let deadline = self.deadline;
        move || deadline.is_some_and(Deadline::passed)
    }

    /// Take `cost` pixels from the budget, or say there is not enough
    /// (of it, or of time).
    fn spend(&mut self, cost: usize) -> bool {
        if cost > self.budget || self.deadline.is_some_and(Deadline::passed) {
            return false;
        }
        self.budget -= cost;
        true
    }

    /// Whether a grid re-read may start. The frame's first may run (its
    /// best start at least) on what little budget is left: a symbol found
    /// but not read is the likeliest read left, worth more than the passes
    /// the rest of the budget would buy. The time limit holds for all.
    fn may_reread(&self) -> bool {
        !self.deadline.is_some_and(Deadline::passed)
            && (!self.reread_done || self.budget >= REREAD_START_COST)
    }

    /// Re-read a grid quircs found in an image placed at `placement` but
    /// could not read, when [`Scan::may_reread`], charging the samples it
    /// takes. Returns the data and the symbol's corners in the frame.
    fn reread(
        &mut self,
        code: &quircs::Code,
        gray: &Gray<'_>,
        placement: Placement,
    ) -> Option<(quircs::Data, [(f32, f32); 4])> {
        if !self.may_reread() {
            return None;
        }
        let effort = match (self.quick_rereads, self.reread_done) {
            (false, _) => resample::Effort::THOROUGH,
            (true, false) => resample::Effort::QUICK_FIRST,
            (true, true) => resample::Effort::QUICK_LATER,
        };
        self.reread_done = true;
        let time_up = self.time_check();
        let work = resample::Work::new(self.budget / SAMPLE_COST, &time_up);
        let read = resample::reread(code, gray, effort, &work);
        self.budget = self
            .budget
            .saturating_sub(work.samples().saturating_mul(SAMPLE_COST));
        read.map(|(data, quad)| (data, quad.map(|p| placement.to_frame(p))))
    }

    fn run(&mut self, full: &Gray<'_>, max_side: usize) {
        let factor = full.width.max(full.height).div_ceil(max_side).max(1);
        let work = if factor > 1 {
            image_ops::downscale(full, factor)
        } else {
            Gray {
                width: full.width,
                height: full.height,
                pixels: Cow::Borrowed(&full.pixels),
            }
        };
        let placement = Placement {
            x: 0.0,
            y: 0.0,
            scale: 1.0 / factor as f32,
        };
        if self.first_pass(&work, placement) {
            return;
        }
        let (zoom, source) = if factor > 1 { (1, full) } else { (2, &work) };
        // The cheap locator: finder patterns the first pass saw mark where
        // the code is; look there closely before the whole frame again.
        let sighted = self.sighted_region(full.width, full.height);
        if let Some(rect) = sighted
            && self.zoom_passes(source, rect, zoom, false)
        {
            return;
        }
        // Pass 3: nothing sighted at all, most often modules too small for
        // pass 1.
        let centre = Rect::centre(full.width, full.height, 0.5);
        let centre_first = self.sightings.is_empty();
        if centre_first && self.zoom_passes(source, centre, zoom, false) {
            return;
        }
        if self.whole_frame_passes(&work, placement) {
            return;
        }
        // Enlarge: near misses first, then the viewfinder's centre.
        let mut regions: Vec<(Rect, bool)> = self
            .near_misses
            .iter()
            .map(|m| {
                let rect = Rect::around(&m.corners, 0.3, full.width, full.height);
                (rect, m.inverted)
            })
            .collect();
        if !centre_first {
            regions.push((centre, false));
        }
        regions.dedup();
        regions.retain(|&(rect, inverted)| inverted || Some(rect) != sighted);
        for (rect, inverted) in regions {
            if self.zoom_passes(source, rect, zoom, inverted) {
                return;
            }
        }
        self.finder_guess_pass(full);
    }

    /// Pass 8: the finder patterns seen across all passes, when no pass
    /// saw three together (one hides in the card's print or blur in each
    /// threshold): three at a right angle with equal arms, or (on a roomy
    /// budget) two and the places the third can be, give the grid to
    /// re-read. On the field corpus's tune part this read 4 more of 400
    /// turned cards on the camera's budget (5 with a full one), and no
    /// fewer elsewhere.
    fn finder_guess_pass(&mut self, full: &Gray<'_>) -> bool {
        let mut seen: Vec<Sighting> = Vec::new();
        for s in &self.sightings {
            let (x, y) = s.centre;
            if !seen
                .iter()
                .any(|d| (d.centre.0 - x).hypot(d.centre.1 - y) < 4.0 * d.module.max(1.0))
            {
                seen.push(*s);
            }
        }
        let (w, h) = (full.width as f32, full.height as f32);
        // Guesses from two alone read no more of the tune part on the
        // camera's budget (393 of 400 turned cards either way), and cost up
        // to six re-reads on a frame nothing reads: photos only.
        let two_alone = self.near_misses.is_empty() && !self.quick_rereads;
        for ([corner, p, q], module) in finder_guesses(&seen, two_alone) {
            let margin = 3.5 * module;
            let inside = |&(x, y): &(f32, f32)| {
                x >= margin && y >= margin && x < w - margin && y < h - margin
            };
            if module < 1.0 || ![corner, p, q].iter().all(inside) {
                continue;
            }
            let grid = grid_from_finders(corner, p, q, module);
            if let Some((data, corners)) = self.reread(&grid, full, Placement::FRAME) {
                self.add_result(&data, corners);
                return true;
            }
        }
        false
    }

    /// The region around the finder patterns seen so far, when they are
    /// few and close together: the code is there.
    fn sighted_region(&self, width: usize, height: usize) -> Option<Rect> {
        if self.sightings.is_empty() || self.sightings.len() > 6 {
            return None;
        }
        let mut modules: Vec<f32> = self.sightings.iter().map(|s| s.module).collect();
        modules.sort_by(f32::total_cmp);
        let module = modules[modules.len() / 2];
        // Finder centres sit 3.5 modules inside a code's corners; with fewer
        // than three seen, the code may reach a version 10's width away.
        let margin = module * if self.sightings.len() >= 3 { 8.0 } else { 30.0 };
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for s in &self.sightings {
            x0 = x0.min(s.centre.0 - margin);
            y0 = y0.min(s.centre.1 - margin);
            x1 = x1.max(s.centre.0 + margin);
            y1 = y1.max(s.centre.1 + margin);
        }
        let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)];
        let rect = Rect::around(&corners, 0.0, width, height);
        (rect.width * rect.height * 2 < width * height).then_some(rect)
    }

    /// The first, fast whole-frame pass. True when something was read.
    fn first_pass(&mut self, work: &Gray<'_>, placement: Placement) -> bool {
        let pixels = work.width * work.height;
        // A fast local threshold: reads most frames, in any light.
        if !self.spend(pixels + pixels / 2) {
            return false;
        }
        // On a camera's budget, finder patterns are looked for on every
        // other row: on the field corpus's tune part (frames 0–159) this
        // read 1,384 of 1,440 frames against 1,390, in 12 % less time at the
        // median; the camera tries again on the next frame. Photos keep
        // every row.
        let row_step = if self.quick_rereads { 2 } else { 1 };
        self.finder
            .identify_thresholded(work.width, work.height, row_step, |binary| {
                image_ops::block_threshold(work, binary, 1, 0)
            });
        self.read_found(work, placement, false)
    }

    /// Passes 4–6, on the whole frame, likeliest first. True when
    /// something was read.
    fn whole_frame_passes(&mut self, work: &Gray<'_>, placement: Placement) -> bool {
        let pixels = work.width * work.height;
        // 4. A finer local threshold, for small modules and uneven light.
        // Before quircs' global one: on the field corpus's tune part it
        // read 507 of 540 frames against 503 on the camera's budget, and
        // quircs' threshold leaves a card's print and noise in many small
        // regions that cost its finder time.
        let radius = (work.width.min(work.height) / 48).max(6);
        if !self.spend(2 * pixels) {
            return false;
        }
        let binary = image_ops::adaptive_threshold(work, radius);
        if self.read(&binary, work, true, placement, false) {
            return true;
        }
        // 5. quircs' own global threshold.
        if self.spend(pixels) && self.read(work, work, false, placement, false) {
            return true;
        }
        if !self.spend(3 * pixels) {
            return false;
        }
        // 6. Light modules on dark. Thresholded afresh: inverting the binary
        // image above would turn flat areas (the dark quiet zone) dark too.
        let inverted = image_ops::invert(work);
        let binary = image_ops::adaptive_threshold(&inverted, radius);
        self.read(&binary, &inverted, true, placement, true)
    }

    /// The enlarged-region passes (2, 3 and 7) on one region. True when
    /// something was read.
    fn zoom_passes(&mut self, source: &Gray<'_>, rect: Rect, zoom: usize, inverted: bool) -> bool {
        let pixels = rect.width * rect.height * zoom * zoom;
        if !self.spend(pixels) {
            return false;
        }
        let mut image = image_ops::crop_upscale(source, rect, zoom);
        if inverted {
            image = image_ops::invert(&image);
        }
        let placement = Placement {
            x: rect.x as f32,
            y: rect.y as f32,
            scale: zoom as f32,
        };
        if self.read(&image, &image, false, placement, inverted) {
            return true;
        }
        if !self.spend(2 * pixels) {
            return false;
        }
        let radius = (image.width.min(image.height) / 24).max(6);
        let binary = image_ops::adaptive_threshold(&image, radius);
        self.read(&binary, &image, true, placement, inverted)
    }

    /// Find symbols in `image` (already black and white when `binary`, else
    /// thresholded at quirc's Otsu level); symbols found but not read get a
    /// second look in `gray` (same geometry and polarity) while the budget
    /// lasts. True when at least one code was read.
    fn read(
        &mut self,
        image: &Gray<'_>,
        gray: &Gray<'_>,
        binary: bool,
        placement: Placement,
        inverted: bool,
    ) -> bool {
        if binary {
            self.finder
                .identify_binary(image.width, image.height, &image.pixels);
        } else {
            self.finder
                .identify(image.width, image.height, &image.pixels);
        }
        self.read_found(gray, placement, inverted)
    }

    /// Read the symbols the finder found in the last image; those found but
    /// not read get a second look in `gray` while the budget lasts. True
    /// when at least one code was read.
    fn read_found(&mut self, gray: &Gray<'_>, placement: Placement, inverted: bool) -> bool {
        for cap in &self.finder.capstones {
            let [a, b, ..] = cap.corners;
            let side = ((a.x - b.x) as f32).hypot((a.y - b.y) as f32);
            self.sightings.push(Sighting {
                centre: placement.to_frame((cap.center.x as f32, cap.center.y as f32)),
                module: side / 7.0 / placement.scale,
            });
        }
        let mut any = false;
        let time_up = self.time_check();
        for index in 0..self.finder.grids.len() {
            let corners_of = |code: &quircs::Code| {
                code.corners
                    .map(|p| placement.to_frame((p.x as f32, p.y as f32)))
            };
            // Most grids read as found. For the others our re-read (from the
            // grid as found) reads more, and sooner, than quirc's jiggle of
            // the grid first: on the field corpus's tune part, 518 of 540
            // frames against 512, in 26 % less time. The jiggle stays as the
            // last try on a roomy budget; on a camera's it read one more of
            // 900 tune frames at ~2 ms (natively) a try, time better spent
            // on the next frame.
            let Some(code) = self.finder.extract(index) else {
                continue;
            };
            let mut read = match code.decode() {
                Ok(data) => Some((data, corners_of(&code))),
                Err(_) => self.reread(&code, gray, placement),
            };
            if read.is_none()
                && !self.quick_rereads
                && !time_up()
                && let Some(jiggled) = self.finder.extract_jiggled(index)
            {
                read = match jiggled.decode() {
                    Ok(data) => Some((data, corners_of(&jiggled))),
                    Err(_) => self.reread(&jiggled, gray, placement),
                };
            }
            match read {
                Some((data, corners)) => {
                    self.add_result(&data, corners);
                    any = true;
                }
                None => self.near_misses.push(NearMiss {
                    corners: corners_of(&code),
                    inverted,
                }),
            }
        }
        any
    }

    /// Keep a code read, once per text.
    fn add_result(&mut self, data: &quircs::Data, corners: [(f32, f32); 4]) {
        let text = text::payload_to_string(&data.payload, data.eci.map(|e| e as u32));
        if !self.results.iter().any(|r| r.text == text) {
            self.results.push(Decoded { text, corners });
        }
    }

    /// Why nothing was read, when finder patterns were seen: cut off by the
    /// frame's edge, too small, too dark, else blurred.
    fn guidance(&self, full: &Gray<'_>) -> Option<Guidance> {
        if !self.results.is_empty() || self.sightings.is_empty() {
            return None;
        }
        let (w, h) = (full.width as f32, full.height as f32);
        let mut modules: Vec<f32> = self.sightings.iter().map(|s| s.module).collect();
        modules.sort_by(f32::total_cmp);
        let module = modules[modules.len() / 2];
        // A code reaching past the frame: a symbol's corner outside it, or
        // finder patterns with no whole symbol and one near an edge (a QR
        // code spans at least 21 modules).
        let outside = |&(x, y): &(f32, f32)| x < 0.0 || y < 0.0 || x >= w || y >= h;
        let reach = 18.0 * module;
        let near_edge = |s: &Sighting| {
            let (x, y) = s.centre;
            x < reach || y < reach || x > w - reach || y > h - reach
        };
        if self
            .near_misses
            .iter()
            .any(|m| m.corners.iter().any(outside))
            || (self.near_misses.is_empty() && self.sightings.iter().any(near_edge))
        {
            return Some(Guidance::Centre);
        }
        // Brightness around what was seen.
        let (mut sum, mut count) = (0u64, 0u64);
        for s in &self.sightings {
            let (cx, cy) = s.centre;
            let r = (10.0 * s.module).max(4.0);
            let (x0, x1) = ((cx - r).max(0.0) as usize, (cx + r).min(w - 1.0) as usize);
            let (y0, y1) = ((cy - r).max(0.0) as usize, (cy + r).min(h - 1.0) as usize);
            for y in (y0..=y1).step_by(2) {
                for x in (x0..=x1).step_by(2) {
                    sum += u64::from(full.get(x, y));
                    count += 1;
                }
            }
        }
        if count > 0 && sum / count < 60 {
            return Some(Guidance::Light);
        }
        if module < 2.0 {
            return Some(Guidance::Closer);
        }
        Some(Guidance::Steady)
    }
}

type Vec2 = (f32, f32);

fn sub(p: Vec2, q: Vec2) -> Vec2 {
    (p.0 - q.0, p.1 - q.1)
}

fn along(p: Vec2, direction: Vec2, k: f32) -> Vec2 {
    (p.0 + direction.0 * k, p.1 + direction.1 * k)
}

/// Where a code's finder patterns may be, from those seen: (corner,
/// neighbour, neighbour) centres and the module size. Three at a right
/// angle with equal arms (within 15 %) are a code; two alone (and no
/// symbol found) leave six places for the third: beside either one, on
/// either side, or across the diagonal they span.
fn finder_guesses(seen: &[Sighting], two_alone: bool) -> Vec<([Vec2; 3], f32)> {
    let mut guesses = Vec::new();
    if !(2..=4).contains(&seen.len()) {
        return guesses;
    }
    let length = |u: Vec2| u.0.hypot(u.1);
    for (i, c) in seen.iter().enumerate() {
        for (j, p) in seen.iter().enumerate().filter(|&(j, _)| j != i) {
            for q in seen
                .iter()
                .enumerate()
                .skip(j + 1)
                .filter(|&(k, _)| k != i)
                .map(|(_, q)| q)
            {
                let (u, v) = (sub(p.centre, c.centre), sub(q.centre, c.centre));
                let (lu, lv) = (length(u), length(v));
                let square = (lu - lv).abs() <= 0.15 * lu.max(lv)
                    && (u.0 * v.0 + u.1 * v.1).abs() <= 0.15 * lu * lv;
                if square {
                    let module = (c.module + p.module + q.module) / 3.0;
                    guesses.push(([c.centre, p.centre, q.centre], module));
                }
            }
        }
    }
    if let [a, b] = seen
        && guesses.is_empty()
        && two_alone
    {
        let module = (a.module + b.module) / 2.0;
        let normal = |u: Vec2| (-u.1, u.0);
        for (corner, other) in [(a.centre, b.centre), (b.centre, a.centre)] {
            for k in [1.0, -1.0] {
                let third = along(corner, normal(sub(other, corner)), k);
                guesses.push(([corner, other, third], module));
            }
        }
        let middle = along(a.centre, sub(b.centre, a.centre), 0.5);
        for k in [1.0, -1.0] {
            let corner = along(middle, normal(sub(b.centre, middle)), k);
            guesses.push(([corner, a.centre, b.centre], module));
        }
    }
    guesses
}

/// A quirc grid (outer corners, size) for finder centres at `corner` and
/// its two neighbours, for the re-read to refine: the size from their
/// spacing, read in QR order (top right, then bottom left, clockwise on
/// screen).
fn grid_from_finders(corner: Vec2, p: Vec2, q: Vec2, module: f32) -> quircs::Code {
    let clockwise = sub(p, corner).0 * sub(q, corner).1 - sub(p, corner).1 * sub(q, corner).0 > 0.0;
    let (right, down) = if clockwise { (p, q) } else { (q, p) };
    let span = sub(right, corner);
    let version = ((span.0.hypot(span.1) / module - 10.0) / 4.0)
        .round()
        .clamp(1.0, 40.0);
    let size = 17.0 + 4.0 * version;
    let step = |to: Vec2| {
        let d = sub(to, corner);
        (d.0 / (size - 7.0), d.1 / (size - 7.0))
    };
    let (ex, ey) = (step(right), step(down));
    let origin = along(along(corner, ex, -3.5), ey, -3.5);
    let at = |u: f32, v: f32| {
        let (x, y) = along(along(origin, ex, u), ey, v);
        quircs::Point {
            x: x.round() as i32,
            y: y.round() as i32,
        }
    };
    quircs::Code {
        corners: [at(0.0, 0.0), at(size, 0.0), at(size, size), at(0.0, size)],
        size: size as i32,
        ..quircs::Code::default()
    }
}
