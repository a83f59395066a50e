//! Small image operations for the pre-processing passes. Nothing here can
//! panic: every index is checked or clamped.

use std::borrow::Cow;

/// An 8-bit grayscale image: the caller's frame (borrowed, never copied) or
/// one a pass made.
#[derive(Clone, Debug)]
pub(crate) struct Gray<'a> {
    pub width: usize,
    pub height: usize,
    pub pixels: Cow<'a, [u8]>,
}

impl Gray<'_> {
    pub fn get(&self, x: usize, y: usize) -> u8 {
        self.pixels.get(y * self.width + x).copied().unwrap_or(255)
    }
}

/// An axis-aligned region of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rect {
    pub x: usize,
    pub y: usize,
    pub width: usize,
    pub height: usize,
}

impl Rect {
    /// The bounding box of `corners`, grown by `margin` of its size on every
    /// side and clipped to the frame.
    pub fn around(corners: &[(f32, f32); 4], margin: f32, width: usize, height: usize) -> Rect {
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for &(x, y) in corners {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let grow = margin * (x1 - x0).max(y1 - y0).max(8.0);
        let clip = |v: f32, max: usize| (v.max(0.0) as usize).min(max);
        let x = clip(x0 - grow, width.saturating_sub(1));
        let y = clip(y0 - grow, height.saturating_sub(1));
        let xe = clip(x1 + grow, width).max(x + 1);
        let ye = clip(y1 + grow, height).max(y + 1);
        Rect {
            x,
            y,
            width: xe - x,
            height: ye - y,
        }
    }

    /// A centred region covering `fraction` of each dimension.
    pub fn centre(width: usize, height: usize, fraction: f32) -> Rect {
        let w = ((width as f32 * fraction) as usize).clamp(1, width.max(1));
        let h = ((height as f32 * fraction) as usize).clamp(1, height.max(1));
        Rect {
            x: (width - w) / 2,
            y: (height - h) / 2,
            width: w,
            height: h,
        }
    }
}

/// Dark (0) where a pixel is darker than the mean of its
/// `(2 radius + 1)²` neighbourhood by a small margin, else white (255).
pub(crate) fn adaptive_threshold(img: &Gray, radius: usize) -> Gray<'static> {
    let (w, h) = (img.width, img.height);
    let mut out = vec![255u8; w * h];
    if w == 0 || h == 0 {
        return Gray {
            width: w,
            height: h,
            pixels: out.into(),
        };
    }
    // Box sums from a wrapping u32 summed-area table are exact while a box
    // holds under 2³² / 255 pixels: 4095² does.
    let radius = radius.min(2047);
    // Summed-area table with a zero row and column.
    let stride = w + 1;
    let mut sat = vec![0u32; stride * (h + 1)];
    for (y, row_pixels) in img.pixels.chunks_exact(w).take(h).enumerate() {
        let (above, below) = sat.split_at_mut((y + 1) * stride);
        let mut sum = 0u32;
        for ((&p, cell), &up) in row_pixels
            .iter()
            .zip(&mut below[1..stride])
            .zip(&above[y * stride + 1..])
        {
            sum = sum.wrapping_add(u32::from(p));
            *cell = up.wrapping_add(sum);
        }
    }
    // Margin grows with brightness so sensor noise in flat areas stays
    // white, yet dim low-contrast codes still separate.
    let dark = |p: u8, sum: u32, area: u32| {
        let mean = sum / area.max(1);
        u32::from(p) + 2 + mean / 16 < mean
    };
    // A box's sum from the table at its corners.
    let corner_sum = |top_left: u32, top_right: u32, bottom_left: u32, bottom_right: u32| {
        bottom_right
            .wrapping_add(top_left)
            .wrapping_sub(top_right)
            .wrapping_sub(bottom_left)
    };
    let rows = img.pixels.chunks_exact(w).zip(out.chunks_exact_mut(w));
    for (y, (row_pixels, out_row)) in rows.enumerate() {
        let (y0, y1) = (y.saturating_sub(radius), (y + radius + 1).min(h));
        let top = &sat[y0 * stride..][..stride];
        let bottom = &sat[y1 * stride..][..stride];
        let box_rows = (y1 - y0) as u32;
        // Columns whose box the frame's edge clips, then the rest, whose
        // boxes are all 2 radius + 1 wide: there the table's four columns
        // are walked in step, with no index arithmetic (twice as fast in
        // WebAssembly).
        let (start, end) = (radius.min(w), w.saturating_sub(radius).max(radius.min(w)));
        for x in (0..start).chain(end..w) {
            let (x0, x1) = (x.saturating_sub(radius), (x + radius + 1).min(w));
            let sum = corner_sum(top[x0], top[x1], bottom[x0], bottom[x1]);
            if dark(row_pixels[x], sum, (x1 - x0) as u32 * box_rows) {
                out_row[x] = 0;
            }
        }
        let span = 2 * radius + 1;
        let area = span as u32 * box_rows;
        let lefts = top.iter().zip(bottom);
        let rights = top[span.min(stride)..]
            .iter()
            .zip(&bottom[span.min(stride)..]);
        let interior = row_pixels[start..end].iter().zip(&mut out_row[start..end]);
        for (((&p, cell), (&top_left, &bottom_left)), (&top_right, &bottom_right)) in
            interior.zip(lefts).zip(rights)
        {
            if dark(
                p,
                corner_sum(top_left, top_right, bottom_left, bottom_right),
                area,
            ) {
                *cell = 0;
            }
        }
    }
    Gray {
        width: w,
        height: h,
        pixels: out.into(),
    }
}

pub(crate) fn invert(img: &Gray) -> Gray<'static> {
    Gray {
        width: img.width,
        height: img.height,
        pixels: img
            .pixels
            .iter()
            .map(|p| 255 - p)
            .collect::<Vec<u8>>()
            .into(),
    }
}

/// Cut `rect` out of `img` and enlarge it `scale` times, bilinearly.
/// Weights are in 256ths and each column's two source pixels are worked
/// out once: this runs before every zoom pass, on up to a whole frame's
/// worth of output.
pub(crate) fn crop_upscale(img: &Gray, rect: Rect, scale: usize) -> Gray<'static> {
    let scale = scale.max(1);
    let (w, h) = (rect.width * scale, rect.height * scale);
    if img.width == 0 || img.height == 0 {
        return Gray {
            width: w,
            height: h,
            pixels: vec![255; w * h].into(),
        };
    }
    // Source position of output index `i` along an axis starting at
    // `start` of `len` pixels: the two neighbours and the weight of the
    // second, in 256ths.
    let taps = |start: usize, i: usize, len: usize| {
        let max = (len - 1) as f32;
        let s = (start as f32 + (i as f32 + 0.5) / scale as f32 - 0.5).clamp(0.0, max);
        let first = s as usize;
        let weight = ((s - first as f32) * 256.0 + 0.5) as u32;
        (first, (first + 1).min(len - 1), weight)
    };
    let columns: Vec<(usize, usize, u32)> = (0..w).map(|x| taps(rect.x, x, img.width)).collect();
    let mut pixels = Vec::with_capacity(w * h);
    for y in 0..h {
        let (y0, y1, fy) = taps(rect.y, y, img.height);
        let row = |r: usize| {
            img.pixels
                .get(r * img.width..(r + 1) * img.width)
                .unwrap_or(&[])
        };
        let (top, bottom) = (row(y0), row(y1));
        let at = |line: &[u8], i: usize| u32::from(line.get(i).copied().unwrap_or(255));
        for &(x0, x1, fx) in &columns {
            let upper = at(top, x0) * (256 - fx) + at(top, x1) * fx;
            let lower = at(bottom, x0) * (256 - fx) + at(bottom, x1) * fx;
            pixels.push(((upper * (256 - fy) + lower * fy + (1 << 15)) >> 16) as u8);
        }
    }
    Gray {
        width: w,
        height: h,
        pixels: pixels.into(),
    }
}

/// Shrink by an integer factor, averaging each `factor × factor` block.
pub(crate) fn downscale(img: &Gray, factor: usize) -> Gray<'static> {
    let factor = factor.max(1);
    let (w, h) = (img.width / factor, img.height / factor);
    let mut pixels = Vec::with_capacity(w * h);
    let area = (factor * factor) as u32;
    for by in 0..h {
        for bx in 0..w {
            let mut sum = 0u32;
            for y in by * factor..(by + 1) * factor {
                for x in bx * factor..(bx + 1) * factor {
                    sum += u32::from(img.get(x, y));
                }
            }
            pixels.push((sum / area) as u8);
        }
    }
    Gray {
        width: w,
        height: h,
        pixels: pixels.into(),
    }
}

/// Side of the blocks [`block_threshold`] measures, in pixels.
const BLOCK: usize = 8;

/// A fast local threshold (after ZXing's hybrid binariser): the mean of
/// every 8 × 8 block, smoothed over 5 × 5 blocks, is each pixel's
/// threshold; blocks with almost no contrast take their neighbours' so a
/// flat quiet zone stays light. Two passes over the pixels, no division
/// per pixel: the camera's first look. Writes `dark` or `light` for each
/// pixel into `out` (the finder's own pixel type, so no copy follows).
pub(crate) fn block_threshold<T: Copy>(img: &Gray<'_>, out: &mut Vec<T>, dark: T, light: T) {
    let (w, h) = (img.width, img.height);
    out.clear();
    out.resize(w * h, light);
    let (bw, bh) = (w.div_ceil(BLOCK), h.div_ceil(BLOCK));
    if w == 0 || h == 0 {
        return;
    }
    // Per block: its mean, or FLAT when it has (almost) no contrast.
    const FLAT: u32 = u32::MAX;
    let mut means = vec![0u32; bw * bh];
    for by in 0..bh {
        for bx in 0..bw {
            let (x0, y0) = (bx * BLOCK, by * BLOCK);
            let (x1, y1) = ((x0 + BLOCK).min(w), (y0 + BLOCK).min(h));
            let (mut sum, mut lo, mut hi) = (0u32, 255u8, 0u8);
            for y in y0..y1 {
                let row = &img.pixels[y * w + x0..y * w + x1];
                for &p in row {
                    sum += u32::from(p);
                    lo = lo.min(p);
                    hi = hi.max(p);
                }
            }
            let count = ((x1 - x0) * (y1 - y0)) as u32;
            let mean = sum / count.max(1);
            means[by * bw + bx] = if hi - lo < 12 { FLAT } else { mean };
        }
    }
    // Thresholds: the mean over 5 × 5 blocks, clipped to the image.
    let mut thresholds = vec![0u8; bw * bh];
    for by in 0..bh {
        for bx in 0..bw {
            let (y0, y1) = (by.saturating_sub(2), (by + 3).min(bh));
            let (x0, x1) = (bx.saturating_sub(2), (bx + 3).min(bw));
            let (mut sum, mut count) = (0u32, 0u32);
            for y in y0..y1 {
                for x in x0..x1 {
                    let m = means[y * bw + x];
                    // Flat blocks take their neighbours' threshold.
                    if m != FLAT {
                        sum += m;
                        count += 1;
                    }
                }
            }
            // All flat: nothing here is darker than its surroundings.
            let mean = sum.checked_div(count).unwrap_or(0);
            // A small margin growing with brightness keeps sensor noise light.
            thresholds[by * bw + bx] = mean.saturating_sub(2 + mean / 16).min(255) as u8;
        }
    }
    // Block by block along each row, so the inner loop has one threshold
    // and no index arithmetic (it vectorises).
    for (y, (row, orow)) in img
        .pixels
        .chunks_exact(w)
        .zip(out.chunks_exact_mut(w))
        .enumerate()
    {
        let trow = &thresholds[(y / BLOCK) * bw..(y / BLOCK + 1) * bw];
        for ((pixels, outs), &t) in row.chunks(BLOCK).zip(orow.chunks_mut(BLOCK)).zip(trow) {
            for (&p, o) in pixels.iter().zip(outs.iter_mut()) {
                *o = if p < t { dark } else { light };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The adaptive threshold by its definition: each pixel against the
    /// mean of its box, clipped to the image.
    fn adaptive_by_definition(img: &Gray, radius: usize) -> Vec<u8> {
        let (w, h) = (img.width, img.height);
        let mut out = vec![255; w * h];
        for y in 0..h {
            for x in 0..w {
                let (x0, x1) = (x.saturating_sub(radius), (x + radius + 1).min(w));
                let (y0, y1) = (y.saturating_sub(radius), (y + radius + 1).min(h));
                let mut sum = 0u32;
                for yy in y0..y1 {
                    for xx in x0..x1 {
                        sum += u32::from(img.get(xx, yy));
                    }
                }
                let mean = sum / ((x1 - x0) * (y1 - y0)) as u32;
                if u32::from(img.get(x, y)) + 2 + mean / 16 < mean {
                    out[y * w + x] = 0;
                }
            }
        }
        out
    }

    #[test]
    fn the_adaptive_threshold_matches_its_definition() {
        // Noise, a gradient and hard edges, on sizes narrower and wider
        // than the box, so clipped and whole boxes are both checked.
        let mut seed = 7u32;
        for (w, h, radius) in [
            (40, 30, 6),
            (9, 50, 6),
            (50, 9, 6),
            (13, 13, 20),
            (1, 1, 6),
            (64, 48, 1),
        ] {
            let pixels: Vec<u8> = (0..w * h)
                .map(|i| {
                    seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    let noise = (seed >> 24) as usize % 40;
                    let edge = if (i % w / 5 + i / w / 5) % 2 == 0 {
                        40
                    } else {
                        180
                    };
                    (edge + noise + i % w).min(255) as u8
                })
                .collect();
            let img = Gray {
                width: w,
                height: h,
                pixels: pixels.into(),
            };
            let fast = adaptive_threshold(&img, radius);
            assert_eq!(
                fast.pixels.as_ref(),
                adaptive_by_definition(&img, radius),
                "{w} × {h}, radius {radius}"
            );
        }
        let empty = Gray {
            width: 0,
            height: 5,
            pixels: Vec::new().into(),
        };
        assert!(adaptive_threshold(&empty, 6).pixels.is_empty());
    }
}
