//! `sotay guides report` end to end: a small assets folder in, the Vietnamese report out, exit 1
//! when a service residents file has no guide.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A valid guide dated 10/01/2026 (9 to 12 months before the report's day), step 1
/// without a source; shared with the guides crate's tests.
const GUIDE: &str = include_str!("../../guides/tests/fixtures/dang-ky-tam-tru.toml");

const SERVICES: &str = r#"
[[events]]
id = "cu-tru"
title = "Cư trú"

[[services]]
id = "dang-ky-tam-tru"
name = "Đăng ký tạm trú"
event = "cu-tru"
filed_by = "resident"
guides = ["dang-ky-tam-tru"]
"#;

const MOTORBIKE: &str = r#"
[[services]]
id = "dang-ky-xe-may"
name = "Đăng ký xe máy"
event = "cu-tru"
filed_by = "resident"
guides = ["dang-ky-xe-may"]
"#;

/// An assets folder under Cargo's scratch space with one guide and `services`.
fn assets(name: &str, services: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("guides-report-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("guides/vi")).unwrap();
    std::fs::write(dir.join("guides/vi/dang-ky-tam-tru.toml"), GUIDE).unwrap();
    std::fs::write(dir.join("services.toml"), services).unwrap();
    dir
}

fn report(assets: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(["guides", "report", "--today", "2026-11-29", "--assets"])
        .arg(assets)
        .output()
        .expect("run sotay")
}

#[test]
fn the_report_answers_each_question() {
    let output = report(&assets("valid", SERVICES));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    for line in [
        "BÁO CÁO NỘI DUNG HƯỚNG DẪN — ngày 29/11/2026",
        "   Tiếng Việt   1",
        "   Tiếng Anh    0",
        "2. Dịch vụ công thiết yếu: 1 dịch vụ — có hướng dẫn 1, hướng dẫn chưa đủ 0, chưa có hướng dẫn 0, tổ chức làm 0",
        "     [Có hướng dẫn] Đăng ký tạm trú → dang-ky-tam-tru",
        "3. Hướng dẫn chỉ ghi nguồn là trang chủ (không lần ra được bước nào): 0",
        "   Từ 9 đến 12 tháng (cần kiểm tra lại): 1",
        "     assets/guides/vi/dang-ky-tam-tru.toml (ngày 10/01/2026)",
        "5. Bước chưa ghi nguồn (source): 1 trên 2 bước, trong 1 hướng dẫn",
        "   assets/guides/vi/dang-ky-tam-tru.toml: bước 1 (1/2 bước)",
        "6. Lỗi phải sửa trước khi xuất bản: 0",
        "Kết luận: nội dung hợp lệ, có thể xuất bản.",
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "missing line {line:?} in:\n{stdout}"
        );
    }
}

#[test]
fn a_resident_service_without_a_guide_fails() {
    let output = report(&assets("missing", &format!("{SERVICES}{MOTORBIKE}")));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("     [CHƯA CÓ hướng dẫn] Đăng ký xe máy → dang-ky-xe-may"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "   LỖI  assets/services.toml: services[1].guides[0]: không có hướng dẫn assets/guides/vi/dang-ky-xe-may.toml"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("Kết luận: còn 1 lỗi"), "{stdout}");
}

#[test]
fn a_missing_assets_folder_is_explained() {
    let output = report(Path::new("khong-co-thu-muc-nay"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.contains("--assets"), "{stderr}");
}

/// The project's own content, the way `cargo xtask test` runs it (from the repository root).
#[test]
fn the_real_content_report_runs_from_the_repository_root() {
    let output = Command::new(env!("CARGO_BIN_EXE_sotay"))
        .args(["guides", "report"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("run sotay");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("1. Số hướng dẫn theo ngôn ngữ"), "{stdout}");
}
