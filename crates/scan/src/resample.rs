//! A second look at a symbol quircs found but could not read.
//!
//! quircs reads each module as the one binarised pixel under its centre.
//! When modules are 1.5–2 px, blurred, or lit unevenly, that pixel is often
//! wrong. Here we sample the grayscale image bilinearly at every module
//! centre through the symbol's perspective, threshold each sample against
//! the mean of the samples around it (in module space, so glare gradients
//! cancel), and retry with the grid nudged by fractions of a module.

use std::cell::Cell;

use quircs::Code;

use crate::image_ops::Gray;

/// How hard a re-read tries: how many starting fits it refines and reads,
/// the corner fit's first step (in modules) and how many step sizes,
/// halving from it, the fit tries.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Effort {
    starts: usize,
    first_step: f64,
    levels: usize,
}

impl Effort {
    /// For a roomy budget (a photo): six starts, steps from one module down
    /// to a sixteenth.
    pub(crate) const THOROUGH: Effort = Effort {
        starts: 6,
        first_step: 1.0,
        levels: 5,
    };
    /// A camera frame's first re-read. On the field corpus's tune part the
    /// best start gives 86 % of the re-reads that succeed, while a re-read
    /// that fails costs as much as four or five whole-frame passes: fewer
    /// starts and a coarser fit (half a module down to an eighth) leave the
    /// camera's budget to passes that read more. Starting at half a module
    /// rather than one read as many tune frames (519 of 540 against 518,
    /// 871 of 900 on frames 60–159) in 5 % less time.
    pub(crate) const QUICK_FIRST: Effort = Effort {
        starts: 4,
        first_step: 0.5,
        levels: 3,
    };
    /// A camera frame's later re-reads, mostly of a symbol already re-read
    /// once through another threshold.
    pub(crate) const QUICK_LATER: Effort = Effort {
        starts: 2,
        first_step: 0.5,
        levels: 3,
    };
}

/// What a re-read may spend, and what it spent: bilinear samples of the
/// image, the bulk of its time. It refines no new start once the samples
/// reach `limit` or the frame's time is up (the best start is always
/// refined).
pub(crate) struct Work<'a> {
    samples: Cell<usize>,
    limit: usize,
    time_up: &'a dyn Fn() -> bool,
}

impl<'a> Work<'a> {
    pub(crate) fn new(limit: usize, time_up: &'a dyn Fn() -> bool) -> Work<'a> {
        Work {
            samples: Cell::new(0),
            limit,
            time_up,
        }
    }

    /// Samples taken so far.
    pub(crate) fn samples(&self) -> usize {
        self.samples.get()
    }

    fn count(&self, samples: usize) {
        self.samples.set(self.samples.get() + samples);
    }

    fn exhausted(&self) -> bool {
        self.samples.get() >= self.limit || (self.time_up)()
    }
}

/// Grid offsets tried, in modules.
const NUDGES: [(f64, f64); 5] = [(0.0, 0.0), (0.2, 0.0), (-0.2, 0.0), (0.0, 0.2), (0.0, -0.2)];

/// Maps the unit square onto a quadrilateral (Heckbert's closed form).
struct Homography([f64; 8]);

impl Homography {
    fn unit_square_to(q: [(f64, f64); 4]) -> Option<Homography> {
        let [(x0, y0), (x1, y1), (x2, y2), (x3, y3)] = q;
        let sx = x0 - x1 + x2 - x3;
        let sy = y0 - y1 + y2 - y3;
        let (dx1, dx2) = (x1 - x2, x3 - x2);
        let (dy1, dy2) = (y1 - y2, y3 - y2);
        let det = dx1 * dy2 - dx2 * dy1;
        if det.abs() < 1e-9 {
            return None;
        }
        let g = (sx * dy2 - dx2 * sy) / det;
        let h = (dx1 * sy - sx * dy1) / det;
        Some(Homography([
            x1 - x0 + g * x1,
            x3 - x0 + h * x3,
            x0,
            y1 - y0 + g * y1,
            y3 - y0 + h * y3,
            y0,
            g,
            h,
        ]))
    }

    fn map(&self, u: f64, v: f64) -> (f64, f64) {
        let [a, b, c, d, e, f, g, h] = self.0;
        let scale = 1.0 / (g * u + h * v + 1.0);
        ((a * u + b * v + c) * scale, (d * u + e * v + f) * scale)
    }
}

/// `img` at (x, y), interpolated between its four nearest pixels; clamped
/// to the image. The hot loop of a re-read: one bounds check per pixel.
fn bilinear(img: &Gray, x: f64, y: f64) -> f64 {
    let (w, h) = (img.width, img.height);
    let max_x = w.saturating_sub(1) as f64;
    let max_y = h.saturating_sub(1) as f64;
    let (x, y) = (x.clamp(0.0, max_x), y.clamp(0.0, max_y));
    let (x0, y0) = (x as usize, y as usize);
    let right = usize::from(x0 + 1 < w);
    let down = if y0 + 1 < h { w } else { 0 };
    let at = y0 * w + x0;
    let p = |i: usize| f64::from(img.pixels.get(i).copied().unwrap_or(255));
    let (fx, fy) = (x - x0 as f64, y - y0 as f64);
    let top = p(at) * (1.0 - fx) + p(at + right) * fx;
    let bottom = p(at + down) * (1.0 - fx) + p(at + down + right) * fx;
    top * (1.0 - fy) + bottom * fy
}

/// Try to read `code` again from `gray` (same coordinates and polarity as
/// the image it was found in). Returns the decoded data and the fitted
/// corners of the symbol on success. The samples it takes are counted in
/// `work`, and no start after the best is refined once `work` is spent.
///
/// quircs estimates the grid size from the timing patterns, which blur
/// away at small module sizes, and places the fourth corner from an
/// alignment pattern it may miss. Its three finder patterns are placed well
/// even then, so we rebuild the grid from them for the sizes around its
/// estimate, nudge the four corners until the known function patterns
/// (finders, timing, alignment) look their best, and read the best fits.
pub(crate) fn reread(
    code: &Code,
    gray: &Gray,
    effort: Effort,
    work: &Work<'_>,
) -> Option<(quircs::Data, [(f32, f32); 4])> {
    let found = usize::try_from(code.size)
        .ok()
        .filter(|s| (21..=177).contains(s))?;
    let corners = code.corners.map(|p| (f64::from(p.x), f64::from(p.y)));
    let quirc_grid = Homography::unit_square_to(corners)?;
    // Image positions of the finder patterns' outer corners.
    let anchor = |u: f64, v: f64| quirc_grid.map(u / found as f64, v / found as f64);
    let span = (found - 7) as f64;
    let [p0, p1, p3] = [anchor(0.0, 0.0), anchor(span, 0.0), anchor(0.0, span)];
    let p2_perspective = anchor(span, span);
    // Without quircs' fourth point: a parallelogram on the three finders.
    let p2_affine = (p1.0 + p3.0 - p0.0, p1.1 + p3.1 - p0.1);

    let mut sizes = vec![found];
    for step in 1..=6 {
        sizes.push(found + 4 * step);
        if step <= 2 && found >= 21 + 4 * step {
            sizes.push(found - 4 * step);
        }
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    let patterns: Vec<FunctionPattern> = sizes
        .into_iter()
        .filter(|s| *s <= 177)
        .map(FunctionPattern::new)
        .collect();
    for (index, pattern) in patterns.iter().enumerate() {
        let size = pattern.size;
        for p2 in [p2_perspective, p2_affine] {
            // Finder-anchored quad → whole-grid quad.
            let Some(h) = Homography::unit_square_to([p0, p1, p2, p3]) else {
                continue;
            };
            let k = size as f64 / (size - 7) as f64;
            let quad = [h.map(0.0, 0.0), h.map(k, 0.0), h.map(k, k), h.map(0.0, k)];
            candidates.push((pattern.score(quad, gray, work), index, quad));
        }
    }
    // Refine the most promising starts one at a time and read each right
    // away: refining costs ~200 scorings, and the best start usually reads.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut attempt = *code;
    for (tried, &(_, index, quad)) in candidates.iter().take(effort.starts).enumerate() {
        if tried > 0 && work.exhausted() {
            break;
        }
        let pattern = &patterns[index];
        let (_, quad) = refine(pattern, quad, gray, effort, work);
        let size = pattern.size;
        attempt.size = size as i32;
        let Some(fit) = Homography::unit_square_to(quad) else {
            continue;
        };
        for nudge in NUDGES {
            if sample_cells(&mut attempt, size, &fit, nudge, gray, work)
                && let Ok(data) = attempt.decode()
            {
                return Some((data, quad.map(|(x, y)| (x as f32, y as f32))));
            }
        }
    }
    None
}

/// (score, index of its function pattern, the grid's outer corners in the image).
type Candidate = (f64, usize, [(f64, f64); 4]);

/// The modules whose colour every QR code of a size shares.
struct FunctionPattern {
    size: usize,
    /// (u, v, dark): each module's centre on the unit square, computed
    /// once (in the `f32` that [`FunctionPattern::score`] works in) for the
    /// hundreds of scorings of a fit.
    modules: Vec<(f32, f32, bool)>,
}

impl FunctionPattern {
    fn new(size: usize) -> FunctionPattern {
        let mut modules = Vec::new();
        // Finder patterns with their separators.
        for (ox, oy) in [(0i64, 0i64), (size as i64 - 7, 0), (0, size as i64 - 7)] {
            for dy in -1..8i64 {
                for dx in -1..8i64 {
                    let (x, y) = (ox + dx, oy + dy);
                    if x < 0 || y < 0 || x >= size as i64 || y >= size as i64 {
                        continue;
                    }
                    let ring = dx.min(dy).min(6 - dx).min(6 - dy);
                    let dark = ring == 0 || ring >= 2;
                    modules.push((x as usize, y as usize, dark));
                }
            }
        }
        // Timing patterns.
        for i in 8..size.saturating_sub(8) {
            modules.push((i, 6, i % 2 == 0));
            modules.push((6, i, i % 2 == 0));
        }
        // Alignment patterns (version 2 and up), skipping the finders.
        let version = (size - 17) / 4;
        if version >= 2 {
            let count = version / 7 + 2;
            let step = if version == 32 {
                26
            } else {
                (version * 4 + count * 2 + 1) / (2 * count - 2) * 2
            };
            let mut centres = vec![6];
            for k in (0..count - 1).rev() {
                centres.push(size - 7 - step * k);
            }
            for &cy in &centres {
                for &cx in &centres {
                    let near_finder =
                        (cy < 9 && (cx < 9 || cx > size - 10)) || (cx < 9 && cy > size - 10);
                    if near_finder {
                        continue;
                    }
                    for dy in 0..5 {
                        for dx in 0..5 {
                            let ring = dx.min(dy).min(4 - dx).min(4 - dy);
                            modules.push((cx + dx - 2, cy + dy - 2, ring != 1));
                        }
                    }
                }
            }
        }
        let n = size as f64;
        let modules = modules
            .into_iter()
            .map(|(x, y, dark)| {
                let centre = |i: usize| ((i as f64 + 0.5) / n) as f32;
                (centre(x), centre(y), dark)
            })
            .collect();
        FunctionPattern { size, modules }
    }

    /// Light minus dark, summed over the known modules: high when `quad`
    /// (the grid's outer corners in the image) fits.
    ///
    /// The hot loop of a re-read (hundreds of scorings of a few hundred
    /// modules): in `f32`, with the image clamped so that each sample's
    /// four pixels take two bounds checks.
    fn score(&self, quad: [(f64, f64); 4], gray: &Gray, work: &Work<'_>) -> f64 {
        let Some(h) = Homography::unit_square_to(quad) else {
            return f64::MIN;
        };
        let (w, rows) = (gray.width, gray.height);
        if w < 2 || rows < 2 {
            return f64::MIN;
        }
        work.count(self.modules.len());
        let [a, b, c, d, e, f, g, hh] = h.0.map(|k| k as f32);
        let (max_x, max_y) = ((w - 1) as f32, (rows - 1) as f32);
        let pixels: &[u8] = &gray.pixels;
        let mut sum = 0f32;
        for &(u, v, dark) in &self.modules {
            let scale = 1.0 / (g * u + hh * v + 1.0);
            let x = ((a * u + b * v + c) * scale).clamp(0.0, max_x);
            let y = ((d * u + e * v + f) * scale).clamp(0.0, max_y);
            // The pair of columns (rows) ends at the last one, which a
            // sample there weighs in full.
            let (x0, y0) = ((x as usize).min(w - 2), (y as usize).min(rows - 2));
            let (fx, fy) = (x - x0 as f32, y - y0 as f32);
            let at = y0 * w + x0;
            let (Some(top), Some(bottom)) =
                (pixels.get(at..at + 2), pixels.get(at + w..at + w + 2))
            else {
                continue;
            };
            let top = f32::from(top[0]) + (f32::from(top[1]) - f32::from(top[0])) * fx;
            let bottom = f32::from(bottom[0]) + (f32::from(bottom[1]) - f32::from(bottom[0])) * fx;
            let value = top + (bottom - top) * fy;
            sum += if dark { -value } else { value };
        }
        f64::from(sum)
    }
}

/// Hill-climb the four corners to fit the pattern, from the effort's
/// first step, halving it at each of its levels.
fn refine(
    pattern: &FunctionPattern,
    mut quad: [(f64, f64); 4],
    gray: &Gray,
    effort: Effort,
    work: &Work<'_>,
) -> (f64, [(f64, f64); 4]) {
    let module =
        ((quad[1].0 - quad[0].0).hypot(quad[1].1 - quad[0].1) / pattern.size as f64).max(0.5);
    let mut best = pattern.score(quad, gray, work);
    let mut step = module * effort.first_step;
    for _ in 0..effort.levels {
        let mut improved = true;
        let mut rounds = 0;
        while improved && rounds < 6 {
            improved = false;
            rounds += 1;
            for corner in 0..4 {
                for (dx, dy) in [(step, 0.0), (-step, 0.0), (0.0, step), (0.0, -step)] {
                    let mut trial = quad;
                    trial[corner].0 += dx;
                    trial[corner].1 += dy;
                    let score = pattern.score(trial, gray, work);
                    if score > best {
                        best = score;
                        quad = trial;
                        improved = true;
                    }
                }
            }
        }
        step /= 2.0;
    }
    (best, quad)
}

/// Fill `code`'s cell bitmap from `gray`; `fit` maps the unit square to
/// the grid's outer corners in the image.
fn sample_cells(
    code: &mut Code,
    size: usize,
    fit: &Homography,
    (nx, ny): (f64, f64),
    gray: &Gray,
    work: &Work<'_>,
) -> bool {
    let span = size as f64;
    work.count(size * size);
    let mut samples = vec![0f64; size * size];
    for y in 0..size {
        for x in 0..size {
            let u = (x as f64 + 0.5 + nx) / span;
            let v = (y as f64 + 0.5 + ny) / span;
            let (px, py) = fit.map(u, v);
            samples[y * size + x] = bilinear(gray, px, py);
        }
    }
    code.cell_bitmap.fill(0);
    // Threshold each module against the mean of a 7 × 7 module window.
    let table = SummedArea::new(&samples, size);
    for y in 0..size {
        for x in 0..size {
            let mean = table.mean(x.saturating_sub(3), y.saturating_sub(3), x + 4, y + 4);
            if samples[y * size + x] < mean {
                let i = y * size + x;
                match code.cell_bitmap.get_mut(i >> 3) {
                    Some(byte) => *byte |= 1 << (i & 7),
                    None => return false,
                }
            }
        }
    }
    true
}

/// Summed-area table over a square grid of f64.
struct SummedArea {
    size: usize,
    sums: Vec<f64>,
}

impl SummedArea {
    fn new(values: &[f64], size: usize) -> SummedArea {
        let stride = size + 1;
        let mut sums = vec![0.0; stride * stride];
        for y in 0..size {
            let mut row = 0.0;
            for x in 0..size {
                row += values.get(y * size + x).copied().unwrap_or(0.0);
                sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1] + row;
            }
        }
        SummedArea { size, sums }
    }

    /// Mean over `[x0, x1) × [y0, y1)`, clipped to the grid.
    fn mean(&self, x0: usize, y0: usize, x1: usize, y1: usize) -> f64 {
        let (x1, y1) = (x1.min(self.size), y1.min(self.size));
        let stride = self.size + 1;
        let area = ((x1 - x0) * (y1 - y0)).max(1) as f64;
        (self.sums[y1 * stride + x1] + self.sums[y0 * stride + x0]
            - self.sums[y0 * stride + x1]
            - self.sums[y1 * stride + x0])
            / area
    }
}

#[cfg(test)]
mod tests {
    use quircs::Point;

    use super::*;

    /// A version 2 grid's corners on a blank 200 × 200 image: every start
    /// is refined, none reads.
    fn unreadable() -> (Code, Gray<'static>) {
        let mut code = Code {
            size: 25,
            ..Code::default()
        };
        code.corners = [(50, 50), (150, 50), (150, 150), (50, 150)].map(|(x, y)| Point { x, y });
        let gray = Gray {
            width: 200,
            height: 200,
            pixels: vec![200; 200 * 200].into(),
        };
        (code, gray)
    }

    #[test]
    fn a_reread_counts_its_samples_and_stops_at_its_limit() {
        let (code, gray) = unreadable();
        let time_left = || false;
        let roomy = Work::new(usize::MAX, &time_left);
        assert!(reread(&code, &gray, Effort::QUICK_FIRST, &roomy).is_none());
        // Nothing left: the best start alone is refined and read.
        let spent = Work::new(0, &time_left);
        assert!(reread(&code, &gray, Effort::QUICK_FIRST, &spent).is_none());
        assert!(spent.samples() > 0);
        assert!(roomy.samples() > 2 * spent.samples());
        // A limit part-way through the second start stops before the third.
        let part = Work::new(spent.samples() + 1, &time_left);
        assert!(reread(&code, &gray, Effort::QUICK_FIRST, &part).is_none());
        assert!(part.samples() > spent.samples());
        assert!(part.samples() < roomy.samples());
    }

    #[test]
    fn a_reread_starts_no_new_fit_once_the_time_is_up() {
        let (code, gray) = unreadable();
        let looks = Cell::new(0);
        let up = Cell::new(false);
        let time_up = || {
            looks.set(looks.get() + 1);
            up.get()
        };
        // Time left: every start after the first asks, and is refined.
        let work = Work::new(usize::MAX, &time_up);
        assert!(reread(&code, &gray, Effort::QUICK_FIRST, &work).is_none());
        assert_eq!(looks.get(), Effort::QUICK_FIRST.starts - 1);
        // Time up: the best start is still tried, then it stops.
        looks.set(0);
        up.set(true);
        let work = Work::new(usize::MAX, &time_up);
        assert!(reread(&code, &gray, Effort::THOROUGH, &work).is_none());
        assert_eq!(looks.get(), 1);
    }
}
