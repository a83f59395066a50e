//! `sotay decode FILE...`: find and decode QR codes in PNG / JPEG files.
//!
//! Prints one JSON line per file, in the order given:
//! `{"file": "...", "text": "..." | null, "ms": 12.3}`, where `ms` is the
//! time `sotay_scan::decode` took on the decoded image (not reading or
//! unpacking the file), and `text` is the first code read (`null` when none).
//! A file that cannot be read gets `"error"` with a Vietnamese message.
//! The EXIF orientation is applied; large photos are down-scaled by the
//! decoder; image bombs are refused (see `sotay_scan::files`).
//!
//! Exit status 0 even when some files have no code or cannot be read;
//! usage errors are reported by the argument parser.

use std::io::{self, Write};
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

pub fn run(args: Args) -> ExitCode {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for file in &args.files {
        let line = serde_json::to_string(&decode_file(file)).unwrap_or_default();
        // A closed pipe (`sotay decode … | head`) just ends the output.
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
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

/// The result for one file.
fn decode_file(file: &Path) -> Line {
    let name = file.display().to_string();
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => return failure(name, read_error_vi(&err)),
    };
    let image = match load_luma(&bytes) {
        Ok(image) => image,
        Err(err) => return failure(name, &err.message_vi()),
    };
    let started = Instant::now();
    let found = sotay_scan::decode(&image.luma, image.width, image.height);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    Line {
        file: name,
        text: found.into_iter().next().map(|code| code.text),
        ms: Some((ms * 10.0).round() / 10.0),
        error: None,
    }
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
