//! The app icons, drawn here so that no binary image needs to live in the repo:
//! a white ID card with a QR corner mark on the app's blue.

use std::path::Path;

use crate::Result;

const BLUE: [u8; 4] = [0x0b, 0x4f, 0x8a, 0xff];
const WHITE: [u8; 4] = [0xff, 0xff, 0xff, 0xff];
const RED: [u8; 4] = [0xda, 0x25, 0x1d, 0xff];
const YELLOW: [u8; 4] = [0xff, 0xcd, 0x00, 0xff];

pub fn write_icons(dir: &Path) -> Result {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // Maskable icons keep everything inside the central 80 % safe zone.
    for (name, size, safe_zone) in [
        ("icon-192.png", 192, 0.9),
        ("icon-512.png", 512, 0.9),
        ("maskable-512.png", 512, 0.7),
        ("apple-touch-icon.png", 180, 0.8),
    ] {
        let pixels = draw(size, safe_zone);
        let file = std::fs::File::create(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        let mut encoder =
            png::Encoder::new(std::io::BufWriter::new(file), size as u32, size as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| format!("{name}: {e}"))?;
        writer
            .write_image_data(&pixels)
            .map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

fn draw(size: usize, safe_zone: f32) -> Vec<u8> {
    let mut pixels = vec![0u8; size * size * 4];
    let s = size as f32;
    let card_w = s * safe_zone * 0.92;
    let card_h = card_w * 0.63;
    let (cx, cy) = (s / 2.0, s / 2.0);
    let (left, top) = (cx - card_w / 2.0, cy - card_h / 2.0);
    let radius = card_w * 0.07;
    let module = card_h / 11.0;
    for y in 0..size {
        for x in 0..size {
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            let mut colour = BLUE;
            if inside_rounded(fx, fy, left, top, card_w, card_h, radius) {
                colour = WHITE;
                // A red band with a yellow star-like dot: the card's header.
                if fy < top + card_h * 0.22 {
                    colour = RED;
                    let (sx, sy) = (left + card_w * 0.12, top + card_h * 0.11);
                    if (fx - sx).powi(2) + (fy - sy).powi(2) < (card_h * 0.07).powi(2) {
                        colour = YELLOW;
                    }
                }
                // A QR finder pattern in the lower right: 7 × 7 modules.
                let qx = (fx - (left + card_w - module * 9.0)) / module;
                let qy = (fy - (top + card_h - module * 8.5)) / module;
                if (0.0..7.0).contains(&qx) && (0.0..7.0).contains(&qy) {
                    let ring = qx.min(qy).min(7.0 - qx).min(7.0 - qy);
                    if !(1.0..2.0).contains(&ring) {
                        colour = BLUE;
                    }
                }
                // Two text lines on the left.
                for (line, length) in [(0.45, 0.42), (0.62, 0.32), (0.79, 0.38)] {
                    let ly = top + card_h * line;
                    if (fy - ly).abs() < module * 0.45
                        && fx > left + card_w * 0.08
                        && fx < left + card_w * (0.08 + length)
                    {
                        colour = BLUE;
                    }
                }
            }
            let i = (y * size + x) * 4;
            pixels[i..i + 4].copy_from_slice(&colour);
        }
    }
    pixels
}

fn inside_rounded(x: f32, y: f32, left: f32, top: f32, w: f32, h: f32, r: f32) -> bool {
    if x < left || y < top || x > left + w || y > top + h {
        return false;
    }
    let nx = x.clamp(left + r, left + w - r);
    let ny = y.clamp(top + r, top + h - r);
    (x - nx).powi(2) + (y - ny).powi(2) <= r * r
}
