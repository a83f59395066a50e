//! `sotay decode FILE...`: find and decode QR codes in PNG / JPEG files.
//!
//! Prints one JSON line per file, in the order given:
//! `{"file": "...", "text": "..." | null, "ms": 12.3}`, where `ms` is the
//! time the decoder took on the decoded image (not reading or
//! unpacking the file), and `text` is the first code read (`null` when none).
//! A file that cannot be read gets `"error"` with a Vietnamese message.
//! The EXIF orientation is applied; the decoder gets a budget for every
//! pass on the whole photo (`sotay_scan::Options::for_photo`); image bombs
//! are refused (see `sotay_scan::files`).
//!
//! Only regular files up to [`MAX_FILE_BYTES`] are read: a device
//! (`/dev/zero`), a FIFO (which would wait for a writer for ever) or a larger
//! file is refused from its metadata, before anything is read.
//!
//! Exit status 0 when every file was read (even when some have no code or are
//! not images), 1 when a file was refused or missing; usage errors are
//! reported by the argument parser.

use std::io::{self, Read as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;
use sotay_scan::files::load_luma;

#[derive(clap::Args)]
pub struct Args {
    /// Tệp ảnh PNG hoặc JPEG cần đọc mã QR.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Largest file read. A phone photo is under 20 MB; the app refuses over 30 MB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(args: Args) -> ExitCode {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut all_read = true;
    for file in &args.files {
        let (line, read) = decode_file(file);
        all_read &= read;
        let line = serde_json::to_string(&line).unwrap_or_default();
        // A closed pipe (`sotay decode … | head`) just ends the output.
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    if all_read {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// One output line, fields in the documented order.
#[derive(Serialize)]
struct Line {
    file: String,
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// The result for one file, and whether the file could be read at all.
fn decode_file(file: &Path) -> (Line, bool) {
    let name = file.display().to_string();
    let bytes = match read_capped(file) {
        Ok(bytes) => bytes,
        Err(message) => return (failure(name, &message), false),
    };
    let image = match load_luma(&bytes) {
        Ok(image) => image,
        Err(err) => return (failure(name, &err.message_vi()), true),
    };
    let started = Instant::now();
    // A file is read once: every pass may run, however large the photo.
    let options = sotay_scan::Options::for_photo(image.width, image.height);
    let found = sotay_scan::decode_with(&image.luma, image.width, image.height, &options)
        .unwrap_or_default();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let line = Line {
        file: name,
        text: found.into_iter().next().map(|code| code.text),
        ms: Some((ms * 10.0).round() / 10.0),
        error: None,
    };
    (line, true)
}

/// A regular file's bytes, checked from its metadata before it is opened
/// (opening a FIFO would already wait), and read no further than the cap in
/// case it grows meanwhile.
fn read_capped(file: &Path) -> Result<Vec<u8>, String> {
    let metadata = std::fs::metadata(file).map_err(|err| read_error_vi(&err).to_owned())?;
    if metadata.is_dir() {
        return Err("Đây là thư mục, không phải tệp ảnh.".to_owned());
    }
    if !metadata.is_file() {
        return Err(
            "Đây không phải tệp thường (thiết bị, ống dẫn hoặc socket), nên không đọc. Hãy chọn tệp ảnh."
                .to_owned(),
        );
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|handle| handle.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|err| read_error_vi(&err).to_owned())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> String {
    format!(
        "Tệp quá lớn (trên {} MB), không phải ảnh chụp mã QR bình thường.",
        MAX_FILE_BYTES / 1024 / 1024
    )
}

fn failure(file: String, message: &str) -> Line {
    Line {
        file,
        text: None,
        ms: None,
        error: Some(message.to_owned()),
    }
}

fn read_error_vi(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::NotFound => "Không tìm thấy tệp.",
        io::ErrorKind::PermissionDenied => "Không có quyền đọc tệp.",
        io::ErrorKind::IsADirectory => "Đây là thư mục, không phải tệp ảnh.",
        _ => "Không đọc được tệp.",
    }
}
