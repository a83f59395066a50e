//! QR module matrices (from the `qrcode` crate) and their SVG path.

use core::fmt;

/// Light modules around the code, as the QR standard asks.
pub const QUIET_ZONE_MODULES: usize = 4;

/// Error correction. No `L`: a printed code gets dirty and creased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EcLevel {
    /// ~15 % recovery: small stickers, screens.
    M,
    /// ~25 % recovery: posters and flyers.
    Q,
    /// ~30 % recovery.
    H,
}

impl EcLevel {
    fn to_qrcode(self) -> qrcode::EcLevel {
        match self {
            EcLevel::M => qrcode::EcLevel::M,
            EcLevel::Q => qrcode::EcLevel::Q,
            EcLevel::H => qrcode::EcLevel::H,
        }
    }
}

/// The text does not fit in any QR code at this error correction level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QrTooLong;

impl QrTooLong {
    pub fn message_vi(&self) -> &'static str {
        "Đường link quá dài để tạo mã QR. Hãy rút gọn thông tin nơi hỗ trợ."
    }
    pub fn message_en(&self) -> &'static str {
        "The link is too long for a QR code. Shorten the help point details."
    }
}

impl fmt::Display for QrTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_vi())
    }
}

impl std::error::Error for QrTooLong {}

/// A QR code's modules, quiet zone included: `size × size`, row-major.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    size: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Modules per side, quiet zone included.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Modules per side of the code itself (without the quiet zone).
    pub fn code_size(&self) -> usize {
        self.size - 2 * QUIET_ZONE_MODULES
    }

    /// Whether the module at column `x`, row `y` is dark (outside: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        let index = y.checked_mul(self.size).and_then(|row| row.checked_add(x));
        x < self.size
            && index
                .and_then(|i| self.dark.get(i))
                .copied()
                .unwrap_or(false)
    }

    /// Greyscale pixels (0 dark, 255 light), `px_per_module` pixels per
    /// module; returns `(pixels, side)`. For a screen or a decoder test.
    pub fn to_luma(&self, px_per_module: usize) -> (Vec<u8>, usize) {
        let side = self.size * px_per_module;
        let mut pixels = vec![255u8; side * side];
        for (index, pixel) in pixels.iter_mut().enumerate() {
            let (x, y) = (index % side / px_per_module, index / side / px_per_module);
            if self.is_dark(x, y) {
                *pixel = 0;
            }
        }
        (pixels, side)
    }
}

/// Encodes `text` (byte mode, smallest version that fits) with a
/// [`QUIET_ZONE_MODULES`] quiet zone.
///
/// # Example
///
/// ```
/// use sotay_poster::{EcLevel, QUIET_ZONE_MODULES, qr_matrix};
///
/// let matrix = qr_matrix("https://sotay.example.vn/", EcLevel::M).unwrap();
/// // Version 2: 25 modules a side, plus the quiet zone on both sides.
/// assert_eq!(matrix.code_size(), 25);
/// assert_eq!(matrix.size(), 25 + 2 * QUIET_ZONE_MODULES);
/// assert!(matrix.is_dark(QUIET_ZONE_MODULES, QUIET_ZONE_MODULES)); // a finder pattern's corner
/// assert!(qr_matrix(&"x".repeat(5000), EcLevel::M).is_err());
/// ```
pub fn qr_matrix(text: &str, ec_level: EcLevel) -> Result<QrMatrix, QrTooLong> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), ec_level.to_qrcode())
        .map_err(|_| QrTooLong)?;
    let inner = code.width();
    let colors = code.to_colors();
    let size = inner + 2 * QUIET_ZONE_MODULES;
    let mut dark = vec![false; size * size];
    for (index, color) in colors.iter().enumerate() {
        let (x, y) = (
            index % inner + QUIET_ZONE_MODULES,
            index / inner + QUIET_ZONE_MODULES,
        );
        if let Some(slot) = dark.get_mut(y * size + x) {
            *slot = *color == qrcode::Color::Dark;
        }
    }
    Ok(QrMatrix { size, dark })
}

/// SVG path data for the dark modules, one unit per module, origin at the
/// outer corner of the quiet zone: one rectangle per horizontal run
/// (`M x y h n v 1 h -n z`). Scale it with a `transform`.
pub fn qr_svg_path(matrix: &QrMatrix) -> String {
    let mut d = String::new();
    for y in 0..matrix.size {
        let mut x = 0;
        while x < matrix.size {
            if !matrix.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while matrix.is_dark(x, y) {
                x += 1;
            }
            let run = x - start;
            d.push_str(&format!("M{start} {y}h{run}v1h-{run}z"));
        }
    }
    d
}

/// Smallest printed width of the code (quiet zone excluded), in millimetres,
/// to be scanned from `scan_distance_cm` away. Rule of thumb: width ≥
/// distance / 10, so 1 m away needs a 10 cm code.
pub fn min_print_size_mm(scan_distance_cm: f64) -> f64 {
    if scan_distance_cm.is_finite() && scan_distance_cm > 0.0 {
        scan_distance_cm // (cm / 10) in cm is the same number in mm
    } else {
        0.0
    }
}

/// The inverse: how far away (cm) a code `code_width_mm` wide can be scanned.
pub fn max_scan_distance_cm(code_width_mm: f64) -> f64 {
    min_print_size_mm(code_width_mm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_has_quiet_zone_and_finder_patterns() {
        let m = qr_matrix("https://sotay.example.vn/", EcLevel::Q).unwrap();
        assert_eq!(m.size(), m.code_size() + 8);
        assert!((0..m.size()).all(|i| !m.is_dark(i, 0) && !m.is_dark(0, i) && !m.is_dark(3, i)));
        // The top-left finder pattern starts right after the quiet zone.
        assert!((4..11).all(|i| m.is_dark(i, 4) && m.is_dark(4, i)));
        assert!(!m.is_dark(m.size(), 0));
    }

    #[test]
    fn higher_correction_needs_more_modules() {
        let url = "https://sotay.example.vn/g/kich-hoat-tai-khoan-dinh-danh-dien-tu/";
        let m = qr_matrix(url, EcLevel::M).unwrap().size();
        let h = qr_matrix(url, EcLevel::H).unwrap().size();
        assert!(h > m);
    }

    #[test]
    fn too_long_is_an_error() {
        assert_eq!(qr_matrix(&"x".repeat(4000), EcLevel::Q), Err(QrTooLong));
    }

    #[test]
    fn path_covers_exactly_the_dark_modules() {
        let m = qr_matrix("https://sotay.example.vn/g/tam-tru/", EcLevel::Q).unwrap();
        let d = qr_svg_path(&m);
        let mut covered = 0;
        for rect in d.split('M').filter(|s| !s.is_empty()) {
            let (x, rest) = rect.split_once(' ').unwrap();
            let (y, rest) = rest.split_once('h').unwrap();
            let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            assert!((x..x + run).all(|x| m.is_dark(x, y)));
            covered += run;
        }
        let dark = (0..m.size()).flat_map(|y| (0..m.size()).map(move |x| (x, y)));
        assert_eq!(covered, dark.filter(|&(x, y)| m.is_dark(x, y)).count());
    }

    #[test]
    fn print_size_rule_of_thumb() {
        assert_eq!(min_print_size_mm(100.0), 100.0);
        assert_eq!(min_print_size_mm(30.0), 30.0);
        assert_eq!(min_print_size_mm(-1.0), 0.0);
        assert_eq!(max_scan_distance_cm(50.0), 50.0);
    }
}
