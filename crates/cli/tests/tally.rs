//! `sotay tally merge` end to end: three volunteers' exported Novembers add up; a damaged,
//! a foreign or a future file is named with its line and the command exits 1 without a total.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sotay_tally::{CommuneKey, Date, Month, Outcome, Tally};
use sotay_text::Lang;

fn date(m: u32, d: u32) -> Date {
    Date::new(2026, m, d).unwrap()
}

fn dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("tally-merge-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A volunteer's exported month, as the team page saves it.
fn export(
    dir: &Path,
    name: &str,
    device: u64,
    commune: &str,
    month: u32,
    counts: &[(&str, Outcome, u32)],
) -> PathBuf {
    let mut tally = Tally::new();
    for (subject, outcome, times) in counts {
        for _ in 0..*times {
            tally.add(date(month, 3), subject, *outcome).unwrap();
        }
    }
    tally
        .add_outreach(date(month, 4), "Thôn 2", 10, Lang::Vi)
        .unwrap();
    let month = Month::new(2026, month).unwrap();
    tally.close_month(month, date(12, 31)).unwrap();
    let share = tally
        .share(month, Some(CommuneKey::of_commune(commune)), || device)
        .unwrap();
    let path = dir.join(name);
    std::fs::write(&path, share.to_file_text()).unwrap();
    path
}

fn merge(files: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(["tally", "merge", "--today", "2026-12-05", "--assets"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets"))
        .args(files)
        .output()
        .expect("run sotay")
}

fn team(dir: &Path) -> Vec<PathBuf> {
    vec![
        export(
            dir,
            "lan.txt",
            0xA1,
            "Xã Tân Phú",
            11,
            &[
                ("kich-hoat-vneid", Outcome::FiledOnline, 4),
                ("dang-ky-tam-tru", Outcome::Guided, 2),
            ],
        ),
        export(
            dir,
            "minh.txt",
            0xB2,
            "xã tân phú",
            11,
            &[
                ("kich-hoat-vneid", Outcome::FiledOnline, 1),
                ("lien-thong-khai-sinh", Outcome::FiledOnline, 3),
            ],
        ),
        export(
            dir,
            "hoa.txt",
            0xC3,
            "Xã Tân Phú",
            11,
            &[
                ("lien-thong-khai-sinh", Outcome::Later, 1),
                ("dich-vu-khac", Outcome::Guided, 2),
            ],
        ),
    ]
}

#[test]
fn three_phones_add_up() {
    let dir = dir("three");
    let mut files = team(&dir);
    // The same file twice counts once.
    files.push(files[0].clone());
    let output = merge(&files);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    for line in [
        "Báo cáo hỗ trợ người dân dùng dịch vụ công trực tuyến",
        "Kỳ báo cáo: Tháng 11/2026 (từ 01/11/2026 đến 30/11/2026)",
        "Số liệu từ 3 máy: 0000-0000-00A1, 0000-0000-00B2, 0000-0000-00C3",
        "Tổng cộng: Đã hướng dẫn 4, Đã nộp trực tuyến thành công 8, Chưa xong — hẹn lại 1; Tổng lượt 13; Tỷ lệ nộp trực tuyến thành công 62 %",
        "Tài khoản định danh điện tử kích hoạt thành công: 5 (đã hướng dẫn tổng cộng 5 lượt)",
        "Buổi hỗ trợ tại thôn, tổ dân phố: 3 buổi, 30 người",
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "missing {line:?} in:\n{stdout}"
        );
    }
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("- Khai sinh, đăng ký thường trú")
                && l.contains("Tổng lượt 4; Tỷ lệ nộp trực tuyến thành công 75 %")),
        "{stdout}"
    );
    assert!(
        stderr.contains("lan.txt: Số tháng 11/2026 của máy 0000-0000-00A1 đã có, không cộng thêm."),
        "{stderr}"
    );
}

#[test]
fn bad_files_are_named_with_their_line() {
    let dir = dir("bad");
    let mut files = team(&dir);
    let damaged = dir.join("hong.txt");
    let good = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&damaged, good.replace("t2026-11", "t2026-1x")).unwrap();
    files.push(damaged);
    files.push(export(
        &dir,
        "xa-khac.txt",
        0xD4,
        "Phường Long Biên",
        11,
        &[("dang-ky-tam-tru", Outcome::Guided, 1)],
    ));
    // December is the current month on 5 December: closed early, it is not refused.
    files.push(export(&dir, "thang-nay.txt", 0xE5, "Xã Tân Phú", 12, &[]));
    let future = dir.join("nam-sau.txt");
    std::fs::write(&future, good.replace("t2026-11", "t2027-01")).unwrap();
    files.push(future);
    let card = dir.join("the.txt");
    std::fs::write(
        &card,
        "079200001234||Nguyễn Văn A|01011990|Nam|Hà Nội|01012021\n",
    )
    .unwrap();
    files.push(card);

    let output = merge(&files);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.is_empty(), "no partial report: {stdout}");
    for expected in [
        "hong.txt, dòng 4: Mã bị hỏng ở phần “tháng”.",
        "xa-khac.txt, dòng 2: Mã này của xã/phường khác nên không cộng.",
        "nam-sau.txt, dòng 4: Mã ghi tháng 01/2027, tháng này chưa tới.",
        "the.txt, dòng 1: Đây không phải mã số lượt hỗ trợ của Sổ tay Công dân số.",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    assert!(!stderr.contains("thang-nay.txt, dòng"), "{stderr}");
}
