//! Checks on a camera frame or a photo before (and beside) decoding, kept
//! here so the app's components only do browser wiring: RGBA to luma,
//! fitting a picture within a size, noticing a shaking hand or a dark room,
//! and refusing image bombs from their header.

use crate::Guidance;

/// A camera frame darker than this on average (0–255) is too dark to read.
pub const DARK_MEAN: f64 = 45.0;
/// Mean absolute change of the thumbnail between frames that means shaking.
pub const SHAKE_DIFF: f64 = 18.0;
/// Thumbnail size for noticing motion.
const THUMB_W: usize = 32;
const THUMB_H: usize = 18;

/// Camera frames are shrunk to at most this on their longer side before
/// decoding: a card at reading distance still has 2+ px per module, and a
/// cheap phone decodes several frames a second.
pub const CAMERA_MAX_SIDE: u32 = 1280;

/// The decoder's work budget for a camera frame, per pixel of the frame
/// ([`crate::Options::work_budget`]): the whole-frame passes, a zoom and a
/// few grid re-reads, so a cheap phone answers within a few tens of ms and
/// tries again on the next frame. Since re-reads are charged for the
/// samples they take (they had been priced at a fifth of their time), 8
/// reads 505 of the field corpus's 540 tune frames (frames 0–59, natively)
/// with 95 % of frames in 6.4 ms; 10 read 517 in 10.8 ms before.
pub const CAMERA_BUDGET_PER_PIXEL: u32 = 8;

/// Milliseconds a camera frame may take on the phone's own clock
/// ([`crate::TimeLimit`]): a guard against the rare frame that takes far
/// longer than the rest (a pass already running finishes, and a re-read
/// starts no new fit), so even a slow phone tries a few frames a second.
/// Not a speed-up: a limit of 30 ms kept 95 % of frames under 35 ms in
/// Chromium at 4× CPU slowdown (`cargo xtask bench scan`) but read 156
/// of the field corpus's 180 held-out frames against 164, and turned cards
/// fell behind zxing-wasm (16 of 20 against 19): they read late (issue 16).
pub const CAMERA_TIME_LIMIT_MS: u32 = 250;

/// Photos larger than this many bytes are refused before reading (a phone
/// photo is 2–10 MB).
pub const PHOTO_MAX_BYTES: u64 = 30 * 1024 * 1024;
/// The longer side photos are shrunk to before decoding.
pub const PHOTO_MAX_SIDE: u32 = 1600;
/// Pictures with more pixels than this are refused before decoding (a 12 MP
/// phone photo is far below; 50 MP of RGBA is already 200 MB of memory).
pub const PHOTO_MAX_PIXELS: u64 = 50_000_000;
/// How much of a file to read for [`header_dimensions`] (JPEG's EXIF block
/// before the frame header is at most 64 KB).
pub const HEADER_BYTES: u32 = 256 * 1024;

/// The luma (0–255) of one RGB pixel: BT.601 weights in 256ths, like most
/// QR readers.
#[inline]
pub fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((77 * u32::from(r) + 150 * u32::from(g) + 29 * u32::from(b)) >> 8) as u8
}

/// Turns an RGBA image into its luma in place: pixel `i`'s luma goes to byte
/// `i` (each pixel is read before its bytes can be overwritten, since byte
/// `i` lies at or before pixel `i`'s own). Returns the pixel count, so the
/// luma is `buffer[..count]`; trailing bytes short of a pixel are ignored.
///
/// In place because the scan worker gets the camera's RGBA as it is (the
/// page's main thread does no per-pixel work) and keeps no second buffer.
///
/// ```
/// let mut pixels = vec![255, 255, 255, 255, 0, 255, 0, 255];
/// let count = sotay_scan::frame::luma_in_place(&mut pixels);
/// assert_eq!(&pixels[..count], &[255, 149]);
/// ```
pub fn luma_in_place(buffer: &mut [u8]) -> usize {
    let count = buffer.len() / 4;
    for k in 0..count / 2 {
        let at = 8 * k;
        let Some(Ok(word)) = buffer.get(at..at + 8).map(<[u8; 8]>::try_from) else {
            break;
        };
        let (first, second) = luma_of_two(u64::from_le_bytes(word));
        buffer[2 * k] = first;
        buffer[2 * k + 1] = second;
    }
    if count % 2 == 1 {
        let at = 4 * (count - 1);
        buffer[count - 1] = luma(buffer[at], buffer[at + 1], buffer[at + 2]);
    }
    count
}

/// [`luma`] of the two RGBA pixels in `word` (little-endian), with two
/// multiplications instead of six (WebAssembly without SIMD converts a
/// pixel at a time): red and blue of both pixels sit in 16-bit lanes, and
/// one product by `29 + 77 × 2¹⁶` puts `77 r + 29 b` of each in lanes 1
/// and 3 (no lane carries: each sum is under 2¹⁶).
#[inline]
fn luma_of_two(word: u64) -> (u8, u8) {
    let red_blue = (word & 0x00FF_00FF_00FF_00FF).wrapping_mul(0x004D_001D);
    let green = ((word >> 8) & 0x0000_00FF_0000_00FF) * 150;
    let first = (((red_blue >> 16) & 0xFFFF) + (green & 0xFFFF)) >> 8;
    let second = ((red_blue >> 48) + (green >> 32)) >> 8;
    (first as u8, second as u8)
}

/// `(width, height)` shrunk to fit `max_side`, keeping the aspect ratio.
pub fn fit_within(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= max_side || longest == 0 {
        return (width, height);
    }
    let scale = f64::from(max_side) / f64::from(longest);
    (
        ((f64::from(width) * scale).round() as u32).max(1),
        ((f64::from(height) * scale).round() as u32).max(1),
    )
}

/// A 32 × 18 sampled copy of a frame's luma, to notice a shaking hand and
/// a dark room.
pub type Thumbnail = [u8; THUMB_W * THUMB_H];

/// The frame's thumbnail: the luma of 32 × 18 pixels spread evenly over it,
/// each fetched by its index (row-major, 0-based) from `rgb_at`, so the page
/// reads 576 pixels of a camera frame and never copies the rest. A pixel
/// `rgb_at` does not have reads as black, never a panic.
///
/// ```
/// use sotay_scan::frame::thumbnail;
/// let grey = |_pixel| Some([100, 100, 100]);
/// assert_eq!(thumbnail(64, 36, grey), [100; 32 * 18]);
/// ```
pub fn thumbnail(
    width: usize,
    height: usize,
    rgb_at: impl Fn(usize) -> Option<[u8; 3]>,
) -> Thumbnail {
    let mut out = [0; THUMB_W * THUMB_H];
    if width == 0 || height == 0 {
        return out;
    }
    // The middle of cell `t` of `cells` along a side of `n` pixels (u128:
    // no overflow whatever size a request claims).
    let pick = |t: usize, n: usize, cells: usize| {
        let start = (t as u128 * n as u128 / cells as u128) as usize;
        start.saturating_add(n / (2 * cells)).min(n - 1)
    };
    for (i, cell) in out.iter_mut().enumerate() {
        let y = pick(i / THUMB_W, height, THUMB_H);
        let x = pick(i % THUMB_W, width, THUMB_W);
        let index = y.checked_mul(width).and_then(|row| row.checked_add(x));
        *cell = index.and_then(&rgb_at).map_or(0, |[r, g, b]| luma(r, g, b));
    }
    out
}

/// Mean brightness (0–255) of a thumbnail: the frame's, near enough to
/// tell a dark room.
pub fn mean(thumbnail: &Thumbnail) -> f64 {
    let sum: u32 = thumbnail.iter().map(|&v| u32::from(v)).sum();
    f64::from(sum) / thumbnail.len() as f64
}

/// Mean absolute difference of two thumbnails.
pub fn mean_difference(a: &Thumbnail, b: &Thumbnail) -> f64 {
    let sum: u32 = a
        .iter()
        .zip(b)
        .map(|(x, y)| u32::from(x.abs_diff(*y)))
        .sum();
    f64::from(sum) / a.len() as f64
}

/// Watches successive camera frames for a dark room and a shaking hand.
#[derive(Clone, Debug, Default)]
pub struct FrameWatch {
    last: Option<Thumbnail>,
}

impl FrameWatch {
    /// Looks at the next frame's [`thumbnail`]: `Light` when it is too
    /// dark, `Steady` when it moved a lot since the last.
    pub fn look(&mut self, now: Thumbnail) -> Option<Guidance> {
        let shaking = self
            .last
            .is_some_and(|last| mean_difference(&last, &now) > SHAKE_DIFF);
        self.last = Some(now);
        if mean(&now) < DARK_MEAN {
            Some(Guidance::Light)
        } else if shaking {
            Some(Guidance::Steady)
        } else {
            None
        }
    }

    /// Forget the last frame (a new camera session).
    pub fn reset(&mut self) {
        self.last = None;
    }
}

/// Width and height from a PNG (IHDR) or JPEG (SOF0/SOF2) header, without
/// decoding the picture; `None` for other types or a header we cannot read.
pub fn header_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(PNG_SIGNATURE) {
        // The first chunk must be IHDR: length (4), "IHDR", width, height (big endian).
        if bytes.get(12..16)? != b"IHDR" {
            return None;
        }
        let width = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
        let height = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
        return Some((width, height));
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        return jpeg_dimensions(bytes);
    }
    None
}

/// Walks the JPEG markers up to the first frame header (baseline or progressive).
fn jpeg_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // Markers may be padded with extra 0xFF bytes.
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        match marker {
            // Markers without a length: TEM, RSTn.
            0x01 | 0xD0..=0xD7 => {
                at += 2;
                continue;
            }
            // End of image or start of scan before any frame header.
            0xD9 | 0xDA => return None,
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        if matches!(marker, 0xC0 | 0xC2) {
            // Length (2), precision (1), height (2), width (2).
            let height = u16::from_be_bytes([*bytes.get(at + 5)?, *bytes.get(at + 6)?]);
            let width = u16::from_be_bytes([*bytes.get(at + 7)?, *bytes.get(at + 8)?]);
            return Some((u32::from(width), u32::from(height)));
        }
        if length < 2 {
            return None;
        }
        at += 2 + length;
    }
}

/// Whether a picture of `width × height` is too large to decode safely.
pub fn too_many_pixels(width: u32, height: u32) -> bool {
    u64::from(width) * u64::from(height) > PHOTO_MAX_PIXELS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luma_in_place_keeps_every_pixel() {
        let mut buffer = [255, 255, 255, 255, 0, 0, 0, 255, 0, 255, 0, 255, 9, 9];
        // Three whole pixels; the two bytes after them are not one.
        assert_eq!(luma_in_place(&mut buffer), 3);
        assert_eq!(buffer[..3], [255, 0, 149]);
        assert_eq!(luma_in_place(&mut []), 0);
        // Every pixel of a larger frame, against the one-pixel formula.
        let rgba: Vec<u8> = (0..4 * 1000).map(|i| (i * 37 % 251) as u8).collect();
        let mut converted = rgba.clone();
        assert_eq!(luma_in_place(&mut converted), 1000);
        for (i, pixel) in rgba.chunks_exact(4).enumerate() {
            assert_eq!(converted[i], luma(pixel[0], pixel[1], pixel[2]));
        }
    }

    #[test]
    fn fitting() {
        assert_eq!(fit_within(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fit_within(720, 1280, 1280), (720, 1280));
        assert_eq!(fit_within(3000, 4000, 1600), (1200, 1600));
        assert_eq!(fit_within(0, 0, 1600), (0, 0));
        assert_eq!(fit_within(100_000, 1, 1600), (1600, 1));
    }

    /// Pixel `index`'s red, green and blue in an RGBA buffer, for
    /// [`thumbnail`].
    fn rgb_at(rgba: &[u8]) -> impl Fn(usize) -> Option<[u8; 3]> + '_ {
        move |index| {
            let at = index.checked_mul(4)?;
            Some([*rgba.get(at)?, *rgba.get(at + 1)?, *rgba.get(at + 2)?])
        }
    }

    fn rgba(value: u8) -> Vec<u8> {
        [value, value, value, 255].repeat(64 * 36)
    }

    #[test]
    fn thumbnails_notice_change() {
        let (dark, light) = (rgba(0), rgba(200));
        let a = thumbnail(64, 36, rgb_at(&dark));
        assert_eq!(mean_difference(&a, &thumbnail(64, 36, rgb_at(&dark))), 0.0);
        assert!(mean_difference(&a, &thumbnail(64, 36, rgb_at(&light))) > SHAKE_DIFF);
        assert_eq!(mean(&thumbnail(64, 36, rgb_at(&light))), 200.0);
        // A short buffer reads as black rather than panicking.
        assert_eq!(thumbnail(64, 36, rgb_at(&[])), [0; 32 * 18]);
        assert_eq!(thumbnail(0, 0, rgb_at(&light)), [0; 32 * 18]);
        assert_eq!(thumbnail(usize::MAX, 2, rgb_at(&light)), [0; 32 * 18]);
    }

    #[test]
    fn the_watch_says_dark_and_shaking() {
        let mut watch = FrameWatch::default();
        let look =
            |watch: &mut FrameWatch, value| watch.look(thumbnail(64, 36, rgb_at(&rgba(value))));
        assert_eq!(look(&mut watch, 120), None);
        assert_eq!(look(&mut watch, 120), None);
        assert_eq!(look(&mut watch, 250), Some(Guidance::Steady));
        assert_eq!(look(&mut watch, 10), Some(Guidance::Light));
        watch.reset();
        assert_eq!(look(&mut watch, 120), None);
    }

    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend_from_slice(&width.to_be_bytes());
        bytes.extend_from_slice(&height.to_be_bytes());
        bytes.extend_from_slice(&[8, 6, 0, 0, 0]);
        bytes
    }

    fn jpeg_header(sof: u8, width: u16, height: u16) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xD8];
        // An APP1 (EXIF) segment before the frame header, as phones write.
        bytes.extend_from_slice(&[0xFF, 0xE1, 0x00, 0x06, b'E', b'x', b'i', b'f']);
        bytes.extend_from_slice(&[0xFF, sof, 0x00, 0x11, 8]);
        bytes.extend_from_slice(&height.to_be_bytes());
        bytes.extend_from_slice(&width.to_be_bytes());
        bytes.extend_from_slice(&[3, 1, 0x22, 0]);
        bytes
    }

    #[test]
    fn png_size_from_its_header() {
        assert_eq!(
            header_dimensions(&png_header(16_000, 16_000)),
            Some((16_000, 16_000))
        );
        assert_eq!(header_dimensions(&png_header(800, 600)), Some((800, 600)));
        // Cut short before the height.
        assert_eq!(header_dimensions(&png_header(800, 600)[..22]), None);
    }

    #[test]
    fn jpeg_size_from_baseline_and_progressive_headers() {
        assert_eq!(
            header_dimensions(&jpeg_header(0xC0, 4000, 3000)),
            Some((4000, 3000))
        );
        assert_eq!(
            header_dimensions(&jpeg_header(0xC2, 1280, 720)),
            Some((1280, 720))
        );
        let header = jpeg_header(0xC0, 4000, 3000);
        assert_eq!(header_dimensions(&header[..header.len() - 8]), None);
    }

    #[test]
    fn other_or_broken_files_have_no_header_size() {
        assert_eq!(header_dimensions(&[]), None);
        assert_eq!(header_dimensions(&[7; 4096]), None);
        assert_eq!(header_dimensions(b"RIFF\0\0\0\0WEBPVP8 "), None);
        // A zero-length JPEG segment cannot loop forever.
        assert_eq!(header_dimensions(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), None);
        assert_eq!(header_dimensions(&[0xFF, 0xD8, 0xFF, 0xD9]), None);
    }

    #[test]
    fn fifty_megapixels_is_the_limit() {
        assert!(!too_many_pixels(4000, 3000));
        assert!(!too_many_pixels(10_000, 5_000));
        assert!(too_many_pixels(10_000, 5_001));
        assert!(too_many_pixels(16_000, 16_000));
        assert!(too_many_pixels(u32::MAX, u32::MAX));
    }

    #[cfg(feature = "corpus")]
    #[test]
    fn a_png_bomb_is_refused_from_its_header() {
        let bomb = crate::corpus::hostile::png_header_claiming(20_000, 20_000);
        let (width, height) = header_dimensions(&bomb).expect("a PNG header");
        assert!(too_many_pixels(width, height));
    }
}
