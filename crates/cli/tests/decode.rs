//! `sotay decode` end to end: corpus frames written as files, read back.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use sotay_scan::corpus::{self, CardKind, Condition};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sotay-decode-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn run(files: &[&Path]) -> (std::process::ExitStatus, Vec<Value>) {
    let output = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .arg("decode")
        .args(files)
        .output()
        .expect("sotay runs");
    let lines = String::from_utf8(output.stdout)
        .expect("utf-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    (output.status, lines)
}

#[test]
fn decodes_files_and_reports_each_one() {
    let dir = temp_dir("files");
    let cccd = corpus::render(Condition::Clean, 0, CardKind::Cccd);
    let can_cuoc = corpus::render(Condition::Perspective, 1, CardKind::CanCuoc);
    let blank = corpus::Frame {
        luma: vec![200; 64 * 48],
        width: 64,
        height: 48,
        ..cccd.clone()
    };
    let png = dir.join("cccd.png");
    let jpeg = dir.join("can cuoc.jpg");
    let empty = dir.join("blank.png");
    let text = dir.join("notes.txt");
    let bomb = dir.join("bomb.png");
    let missing = dir.join("missing.png");
    corpus::write_png(&cccd, &png).expect("png");
    corpus::write_jpeg(&can_cuoc, &jpeg, 85).expect("jpeg");
    corpus::write_png(&blank, &empty).expect("blank png");
    std::fs::write(&text, "không phải ảnh").expect("text file");
    std::fs::write(
        &bomb,
        corpus::hostile::png_header_claiming(100_000, 100_000),
    )
    .expect("bomb");

    let (status, lines) = run(&[&png, &jpeg, &empty, &text, &bomb, &missing]);
    // Every file is answered; the missing one makes the exit status 1.
    assert_eq!(status.code(), Some(1), "exit status {status:?}");
    assert_eq!(lines.len(), 6, "{lines:?}");

    assert_eq!(lines[0]["file"], png.display().to_string());
    assert_eq!(lines[0]["text"], cccd.truth.as_str());
    assert!(lines[0]["ms"].as_f64().is_some_and(|ms| ms >= 0.0));
    assert_eq!(lines[1]["text"], can_cuoc.truth.as_str());

    assert!(lines[2]["text"].is_null());
    assert!(lines[2].get("error").is_none());
    for line in &lines[3..] {
        assert!(line["text"].is_null(), "{line}");
        assert!(
            line["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{line}"
        );
    }
    assert_eq!(lines[3]["error"], "Không phải ảnh PNG hoặc JPEG.");
    assert_eq!(lines[4]["error"], "Ảnh quá lớn, không mở được.");
    assert_eq!(lines[5]["error"], "Không tìm thấy tệp.");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_files_is_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .arg("decode")
        .output()
        .expect("sotay runs");
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
}
