//! Hostile files for the bad-input tests of `sotay decode` and the photo
//! reader: PNGs that claim or unpack to far more pixels than they weigh.

/// A real PNG of `width` × `height` zero pixels (colour type 6 = RGBA, 0 = grey)
/// whose compressed data is tiny next to what it unpacks to: a PNG bomb.
pub fn png_of_zeros(width: u32, height: u32, colour_type: u8) -> Vec<u8> {
    let channels: u64 = if colour_type == 6 { 4 } else { 1 };
    let raw = u64::from(height) * (1 + u64::from(width) * channels);
    let mut png = PNG_SIGNATURE.to_vec();
    chunk(&mut png, b"IHDR", &header(width, height, colour_type));
    chunk(&mut png, b"IDAT", &zlib_zeros(raw));
    chunk(&mut png, b"IEND", &[]);
    png
}

/// Only a PNG's signature and header, claiming a `width` × `height` grey image.
pub fn png_header_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = PNG_SIGNATURE.to_vec();
    chunk(&mut png, b"IHDR", &header(width, height, 0));
    png
}

const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

fn header(width: u32, height: u32, colour_type: u8) -> Vec<u8> {
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, colour_type, 0, 0, 0]);
    header
}

/// CRC-32 (IEEE) for PNG chunks.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend((data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend(data);
    png.extend(&body);
    png.extend(crc32(&body).to_be_bytes());
}

/// Bits written least significant first, as DEFLATE wants them.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    fn push(&mut self, value: u32, count: u32) {
        for i in 0..count {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1
                && let Some(last) = self.bytes.last_mut()
            {
                *last |= 1 << (self.used % 8);
            }
            self.used += 1;
        }
    }

    /// A Huffman code: most significant bit first.
    fn push_code(&mut self, code: u32, length: u32) {
        for i in (0..length).rev() {
            self.push((code >> i) & 1, 1);
        }
    }
}

/// A zlib stream of `count` zero bytes: one fixed-Huffman block of
/// back-references, so a gigabyte packs into a few megabytes.
fn zlib_zeros(count: u64) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.push(1, 1); // the final block
    bits.push(1, 2); // fixed Huffman codes
    bits.push_code(0x30, 8); // literal 0
    let runs = (count - 1) / 258;
    for _ in 0..runs {
        bits.push_code(0xC5, 8); // length 258 (symbol 285)
        bits.push_code(0, 5); // distance 1
    }
    for _ in 0..(count - 1 - runs * 258) {
        bits.push_code(0x30, 8);
    }
    bits.push_code(0, 7); // end of block
    let mut zlib = vec![0x78, 0x01];
    zlib.extend(bits.bytes);
    // Adler-32 of zeros: a stays 1, b adds 1 per byte.
    let adler = ((count % 65_521) << 16) | 1;
    zlib.extend((adler as u32).to_be_bytes());
    zlib
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bomb_is_a_png_that_decodes_to_the_promised_size() {
        let image = crate::files::load_luma(&png_of_zeros(300, 200, 0)).expect("a valid PNG");
        assert_eq!((image.width, image.height), (300, 200));
        assert!(image.luma.iter().all(|&v| v == 0));
        let image = crate::files::load_luma(&png_of_zeros(40, 30, 6)).expect("a valid RGBA PNG");
        assert_eq!((image.width, image.height), (40, 30));
    }

    #[test]
    fn a_header_alone_claims_its_size() {
        let png = png_header_claiming(100_000, 100_000);
        assert_eq!(png.len(), 8 + 4 + 4 + 13 + 4);
        assert_eq!(&png[16..20], &100_000u32.to_be_bytes());
    }
}
