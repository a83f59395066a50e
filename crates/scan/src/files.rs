//! Reading PNG / JPEG files into luma frames (feature `files`).
//!
//! The EXIF orientation a phone writes is applied, so corners are reported
//! as the photo is shown. Image bombs are refused before decoding: at most
//! [`MAX_SIDE`] pixels a side and [`MAX_ALLOC`] bytes of decoder memory.

use std::fmt;
use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

/// Longest side accepted, in pixels (a 200 MP photo is 16 k wide).
pub const MAX_SIDE: u32 = 16_384;
/// Most memory the image decoder may hold at once.
pub const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// A decoded, orientation-corrected 8-bit grayscale image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LumaImage {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Row-major luma, `width * height` bytes.
    pub luma: Vec<u8>,
}

/// Why a file could not be turned into a frame.
#[derive(Debug)]
pub enum FileError {
    /// Not a PNG or JPEG (or not an image at all).
    Unsupported,
    /// Larger than [`MAX_SIDE`] or would need more than [`MAX_ALLOC`].
    TooLarge,
    /// A PNG / JPEG that is damaged or cut short.
    Corrupt(String),
}

impl FileError {
    /// The message to show, in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            FileError::Unsupported => "Không phải ảnh PNG hoặc JPEG.".to_owned(),
            FileError::TooLarge => "Ảnh quá lớn, không mở được.".to_owned(),
            FileError::Corrupt(_) => "Tệp ảnh bị hỏng hoặc không đầy đủ.".to_owned(),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Unsupported => f.write_str("not a PNG or JPEG image"),
            FileError::TooLarge => f.write_str("the image is too large"),
            FileError::Corrupt(why) => write!(f, "the image is damaged: {why}"),
        }
    }
}

impl std::error::Error for FileError {}

impl From<image::ImageError> for FileError {
    fn from(err: image::ImageError) -> Self {
        match err {
            image::ImageError::Limits(_) => FileError::TooLarge,
            image::ImageError::Unsupported(_) => FileError::Unsupported,
            other => FileError::Corrupt(other.to_string()),
        }
    }
}

/// Decode a PNG or JPEG held in memory into luma, upright.
pub fn load_luma(bytes: &[u8]) -> Result<LumaImage, FileError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| FileError::Corrupt(e.to_string()))?;
    match reader.format() {
        Some(image::ImageFormat::Png | image::ImageFormat::Jpeg) => {}
        _ => return Err(FileError::Unsupported),
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder()?;
    // The decoders check dimensions but not the buffer the whole picture needs:
    // a small "PNG bomb" can claim gigabytes. Refuse it before allocating.
    if decoder.total_bytes() > MAX_ALLOC {
        return Err(FileError::TooLarge);
    }
    // A missing or unreadable EXIF block just means "as stored".
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder)?;
    img.apply_orientation(orientation);
    let luma = img.into_luma8();
    Ok(LumaImage {
        width: luma.width() as usize,
        height: luma.height() as usize,
        luma: luma.into_raw(),
    })
}
