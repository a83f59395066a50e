//! Bad input for every `sotay` subcommand: odd files for `decode` (empty, 50 MB,
//! not an image, cut short, a PNG compression bomb), odd text and dates for `cccd`,
//! broken CSV and arguments for `poster`, a missing folder and a busy port for
//! `serve`. Each gets a Vietnamese message and a documented exit status, never a
//! panic. The table in `docs/bad-input.md` points here.

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use sotay_scan::corpus::{self, CardKind, Condition, hostile};

fn sotay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("sotay runs")
}

fn sotay_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sotay starts");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(stdin)
        .expect("stdin accepts input");
    child.wait_with_output().expect("sotay finishes")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_no_panic(output: &Output) {
    let text = stderr(output);
    assert!(
        !text.contains("panicked") && !text.contains("RUST_BACKTRACE"),
        "{text}"
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bad-input-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// `sotay decode FILE` → the one JSON line it prints.
fn decode_one(file: &Path) -> Value {
    let output = sotay(&["decode", file.to_str().expect("UTF-8 path")]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert_eq!(text.lines().count(), 1, "{text}");
    serde_json::from_str(&text).expect("a JSON line")
}

/// `sotay decode FILE` for a file it will not read: exit 1, one JSON line.
fn refused_one(file: &Path) -> Value {
    let output = sotay(&["decode", file.to_str().expect("UTF-8 path")]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    serde_json::from_str(text.trim()).expect("a JSON line")
}

#[test]
fn decode_refuses_devices_fifos_and_huge_files_before_reading() {
    let dir = scratch("decode-refused");
    // /dev/zero would be read until memory runs out.
    let line = refused_one(Path::new("/dev/zero"));
    assert_eq!(
        line["error"],
        "Đây không phải tệp thường (thiết bị, ống dẫn hoặc socket), nên không đọc. Hãy chọn tệp ảnh.",
        "{line}"
    );
    // A FIFO nobody writes to would wait for ever.
    let fifo = dir.join("pipe.jpg");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let line = refused_one(&fifo);
    assert!(
        line["error"]
            .as_str()
            .is_some_and(|e| e.contains("không phải tệp thường")),
        "{line}"
    );
    // 65 MB (sparse, so the test writes nothing): refused from its size alone.
    let huge = dir.join("huge.jpg");
    std::fs::File::create(&huge)
        .and_then(|file| file.set_len(65 * 1024 * 1024))
        .expect("sparse file");
    let line = refused_one(&huge);
    assert_eq!(
        line["error"], "Tệp quá lớn (trên 64 MB), không phải ảnh chụp mã QR bình thường.",
        "{line}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cccd_reads_at_most_64_kb_of_standard_input() {
    for source in [PathBuf::from("/dev/zero"), {
        let dir = scratch("cccd-cap");
        let file = dir.join("long.txt");
        std::fs::write(&file, "xin chào ".repeat(10_000)).expect("write");
        file
    }] {
        let output = Command::new(env!("CARGO_BIN_EXE_sotay"))
            .args(["cccd", "--today", "2026-01-01"])
            .stdin(std::fs::File::open(&source).expect("open"))
            .output()
            .expect("sotay runs");
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(1), "{}", source.display());
        assert!(output.stdout.is_empty());
        assert!(
            stderr(&output).contains("nội dung quá dài (trên 64 KB)"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn decode_answers_every_odd_file_with_a_vietnamese_message() {
    let dir = scratch("decode");
    let card = corpus::render(Condition::Clean, 0, CardKind::Cccd);
    let jpeg = dir.join("the.jpg");
    corpus::write_jpeg(&card, &jpeg, 85).expect("a card photo");
    let jpeg_bytes = std::fs::read(&jpeg).expect("the photo");

    let empty = dir.join("empty.jpg");
    std::fs::write(&empty, b"").expect("write");
    let line = decode_one(&empty);
    assert_eq!(line["text"], Value::Null);
    assert_eq!(
        line["error"], "Không phải ảnh PNG hoặc JPEG.",
        "empty: {line}"
    );

    // 50 MB that is no image at all (a renamed video, say).
    let zeros = dir.join("video.jpg");
    std::fs::write(&zeros, vec![0u8; 50 * 1024 * 1024]).expect("write");
    let line = decode_one(&zeros);
    assert_eq!(
        line["error"], "Không phải ảnh PNG hoặc JPEG.",
        "50 MB of zeros: {line}"
    );

    // 50 MB that starts as a JPEG and then is noise.
    let noisy = dir.join("noisy.jpg");
    let mut bytes = jpeg_bytes[..jpeg_bytes.len() / 4].to_vec();
    let mut state = 0x2545_F491_u32;
    while bytes.len() < 50 * 1024 * 1024 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        bytes.extend(state.to_le_bytes());
    }
    std::fs::write(&noisy, &bytes).expect("write");
    let line = decode_one(&noisy);
    assert_eq!(line["text"], Value::Null, "50 MB of noise: {line}");

    // A real photo with 50 MB of padding after its end still reads.
    let padded = dir.join("padded.jpg");
    let mut bytes = jpeg_bytes.clone();
    bytes.resize(50 * 1024 * 1024, 0);
    std::fs::write(&padded, &bytes).expect("write");
    let line = decode_one(&padded);
    assert_eq!(
        line["text"],
        card.truth.as_str(),
        "50 MB padded photo: {line}"
    );

    // A photo cut off half way (an interrupted download): no text, no crash.
    let cut = dir.join("cut.jpg");
    std::fs::write(&cut, &jpeg_bytes[..jpeg_bytes.len() / 2]).expect("write");
    let line = decode_one(&cut);
    assert_eq!(line["text"], Value::Null, "truncated JPEG: {line}");
    if let Some(error) = line["error"].as_str() {
        assert_eq!(error, "Tệp ảnh bị hỏng hoặc không đầy đủ.", "{line}");
    }
    // Only the first bytes of a JPEG.
    let stub = dir.join("stub.jpg");
    std::fs::write(&stub, &jpeg_bytes[..64]).expect("write");
    let line = decode_one(&stub);
    assert_eq!(
        line["error"], "Tệp ảnh bị hỏng hoặc không đầy đủ.",
        "a JPEG stub: {line}"
    );

    // A PNG bomb: a few MB that unpack to 16 000 × 16 000 RGBA (1 GB). Today it
    // is decoded in full (see `png_bomb_is_refused_by_the_memory_limit`); at
    // least it must answer, without a panic.
    let bomb = dir.join("bomb.png");
    let bomb_bytes = hostile::png_of_zeros(16_000, 16_000, 6);
    assert!(
        bomb_bytes.len() < 8 * 1024 * 1024,
        "{} bytes",
        bomb_bytes.len()
    );
    std::fs::write(&bomb, &bomb_bytes).expect("write");
    let line = decode_one(&bomb);
    assert_eq!(line["text"], Value::Null, "PNG bomb: {line}");

    // A milder one (3 000 × 3 000 grey, 9 MB unpacked) is within the limits: read, no code.
    let mild = dir.join("mild.png");
    std::fs::write(&mild, hostile::png_of_zeros(3_000, 3_000, 0)).expect("write");
    let line = decode_one(&mild);
    assert_eq!(line["text"], Value::Null, "{line}");
    assert!(line.get("error").is_none(), "{line}");

    // A folder given as a file: answered, and the exit status says a file was not read.
    let line = refused_one(&dir);
    assert_eq!(
        line["error"], "Đây là thư mục, không phải tệp ảnh.",
        "{line}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn png_bomb_is_refused_by_the_memory_limit() {
    let dir = scratch("bomb");
    let bomb = dir.join("bomb.png");
    std::fs::write(&bomb, hostile::png_of_zeros(16_000, 16_000, 6)).expect("write");
    let line = decode_one(&bomb);
    assert_eq!(
        line["error"], "Ảnh quá lớn, không mở được.",
        "PNG bomb: {line}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cccd_answers_odd_text_and_dates_without_a_panic() {
    // A long paste of something else (under the 64 KB cap): not a card (exit 2).
    let long = "xin chào ".repeat(5_000);
    let output = sotay_with_stdin(&["cccd", "--today", "2026-01-01"], long.as_bytes());
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(2));
    // Only separators, or a card with every field empty.
    for text in [
        "||||||",
        "|",
        "\u{0}\u{0}|\u{7f}",
        "001090012345|\u{0}|\u{202e}|31021990|Nam|x|99999999",
    ] {
        let output = sotay_with_stdin(&["cccd", "--today", "2026-01-01"], text.as_bytes());
        assert_no_panic(&output);
        assert!(
            matches!(output.status.code(), Some(0 | 2)),
            "{text:?}: {output:?}"
        );
    }
    // Dates that do not exist.
    for today in ["2025-02-30", "0000-00-00", "ngày mai", ""] {
        let output = sotay(&["cccd", "--today", today, "x"]);
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(1), "{today:?}");
        assert!(
            stderr(&output).contains("không hợp lệ"),
            "{today:?}: {}",
            stderr(&output)
        );
    }
    // An argument that is not UTF-8.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let output = Command::new(env!("CARGO_BIN_EXE_sotay"))
            .arg("cccd")
            .arg(std::ffi::OsStr::from_bytes(b"001090012345|\xff|x"))
            .output()
            .expect("sotay runs");
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("không phải là chữ (UTF-8)"),
            "{}",
            stderr(&output)
        );
    }
    // An unknown option is a usage error with status 1 (2 means “not a card”).
    let output = sotay(&["cccd", "--hom-nay", "2026-01-01"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn poster_reports_broken_csv_and_arguments_and_keeps_the_good_rows() {
    let dir = scratch("poster");
    let out = dir.join("out");
    let out_arg = out.to_str().expect("UTF-8 path").to_owned();
    let guides = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/guides");
    let base = ["poster", "--base-url", "https://sotay.example.vn"];
    let run = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend(extra);
        args.extend(["--guides-dir", guides, "--out", &out_arg]);
        let output = sotay(&args);
        assert_no_panic(&output);
        output
    };

    // A CSV saved by Excel in the old code page (not UTF-8).
    let latin = dir.join("latin.csv");
    std::fs::write(&latin, b"commune,phone\nX\xe3 T\xe2n Ph\xfa,\n").expect("write");
    let output = run(&["--communes", latin.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("CSV UTF-8"), "{}", stderr(&output));

    // A CSV that does not exist.
    let output = run(&[
        "--communes",
        dir.join("khong-co.csv").to_str().expect("path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("không đọc được tệp"),
        "{}",
        stderr(&output)
    );

    // An empty CSV.
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, "").expect("write");
    let output = run(&["--communes", empty.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));

    // Good rows next to a bad phone, markup and a blank commune: the good ones are made.
    let mixed = dir.join("mixed.csv");
    std::fs::write(
        &mixed,
        "commune,help_point,address,hours,phone,zalo\n\
         Xã Tân Phú,Công an xã <script>alert(1)</script>,,,12345,\n\
         ,Công an xã không tên,,,,\n\
         Phường Đông Hòa,Công an phường,,,0912 345 678,\n",
    )
    .expect("write");
    let output = run(&[
        "--communes",
        mixed.to_str().expect("path"),
        "--guide",
        "khong-co-huong-dan",
        "--guide",
        "kich-hoat-vneid",
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{message}");
    assert!(
        message.contains("dòng 2") && message.contains("không đúng dạng số Việt Nam"),
        "{message}"
    );
    assert!(
        message.contains("dòng 3"),
        "the blank commune is named: {message}"
    );
    assert!(
        message.contains("bỏ qua --guide khong-co-huong-dan"),
        "{message}"
    );
    let made: Vec<String> = std::fs::read_dir(&out)
        .expect("out folder")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(made.len(), 2, "{made:?}");
    for name in &made {
        let svg = std::fs::read_to_string(out.join(name)).expect("svg");
        assert!(
            !svg.contains("<script"),
            "markup from the CSV stays text in {name}"
        );
    }

    // Arguments: a base URL that is not http(s), a layout that does not exist.
    let output = sotay(&[
        "poster",
        "--base-url",
        "javascript:alert(1)",
        "--out",
        &out_arg,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("https://"), "{}", stderr(&output));
    let output = sotay(&[
        "poster",
        "--base-url",
        "https://sotay.example.vn/?a=1",
        "--out",
        &out_arg,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("dấu ? hoặc #"),
        "{}",
        stderr(&output)
    );
    let output = sotay(&[
        "poster",
        "--base-url",
        "https://sotay.example.vn",
        "--layout",
        "a3",
        "--out",
        &out_arg,
    ]);
    assert_eq!(output.status.code(), Some(1));
    // An output path that is a file.
    let file = dir.join("a-file");
    std::fs::write(&file, "x").expect("write");
    let output = sotay(&[
        "poster",
        "--base-url",
        "https://sotay.example.vn",
        "--out",
        file.to_str().expect("path"),
    ]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("không tạo được thư mục"),
        "{}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn serve_reports_a_missing_folder_a_busy_port_and_a_bad_address() {
    let dir = scratch("serve");
    let output = sotay(&["serve", dir.join("khong-co").to_str().expect("path")]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("Hãy chạy `cargo xtask dist` trước"),
        "{}",
        stderr(&output)
    );

    std::fs::write(dir.join("index.html"), "<!doctype html><title>x</title>").expect("write");
    let busy = TcpListener::bind("127.0.0.1:0").expect("a port");
    let addr = busy.local_addr().expect("its address").to_string();
    let output = sotay(&["serve", dir.to_str().expect("path"), "--addr", &addr]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("đang được chương trình khác dùng"),
        "{}",
        stderr(&output)
    );
    drop(busy);

    let output = sotay(&[
        "serve",
        dir.to_str().expect("path"),
        "--addr",
        "localhost:abc",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
