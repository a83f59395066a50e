//! `sotay poster` end to end: CSV in, SVG files out.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sotay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sotay"))
        .arg("poster")
        .args(args)
        .output()
        .expect("run sotay")
}

/// A fresh folder under Cargo's scratch space for integration tests.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("poster-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn svg_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".svg"))
        .collect();
    names.sort();
    names
}

/// `sotay poster` for the communes in the CSV file `csv`, into `out`.
fn posters_for_communes(csv: &Path, out: &Path) -> Output {
    sotay(&[
        "--base-url",
        "https://sotay.example.vn",
        "--communes",
        csv.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

fn guides_dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/guides").to_owned()
}

#[test]
fn three_row_csv_with_one_malformed_row_makes_two_posters() {
    let dir = scratch("csv");
    let csv = dir.join("communes.csv");
    // BOM, columns in another order, an extra column, and a row whose
    // unquoted comma in the address shifts every column.
    std::fs::write(
        &csv,
        "\u{FEFF}ghi_chu,commune,phone,help_point,address,hours,zalo\n\
         a,Phường Long Biên,024 3872 1234,Trung tâm phục vụ hành chính công phường Long Biên,\"Số 1 phố Ngọc Lâm, Hà Nội\",\"7:30–17:00, thứ Hai – thứ Sáu\",0243872123\n\
         b,Xã Tân Phú,0912 345 678,Công an xã Tân Phú,Số 5, thôn Đông,7:30–17:00,\n\
         c,Xã Đông Hòa,,Công an xã Đông Hòa,,,\n",
    )
    .unwrap();
    let out = dir.join("out");
    let output = posters_for_communes(&csv, &out);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("dòng 3"), "{stderr}");
    assert!(
        !stderr.contains("dòng 2") && !stderr.contains("dòng 4"),
        "{stderr}"
    );
    assert_eq!(
        svg_files(&out),
        [
            "phuong-long-bien_trang-chu_a4.svg",
            "xa-dong-hoa_trang-chu_a4.svg"
        ]
    );
    let svg = std::fs::read_to_string(out.join("phuong-long-bien_trang-chu_a4.svg")).unwrap();
    assert!(svg.starts_with("<?xml"));
    assert!(svg.contains("Trung tâm phục vụ hành chính công phường Long Biên"));
    assert!(svg.contains("Số 1 phố Ngọc Lâm, Hà Nội"));
    assert!(svg.contains(r#"width="210mm""#));
}

#[test]
fn without_communes_one_poster_per_guide_and_layout_with_real_titles() {
    let dir = scratch("guides");
    let out = dir.join("out");
    let guides = guides_dir();
    let output = sotay(&[
        "--base-url",
        "https://sotay.example.vn/app",
        "--guide",
        "dang-ky-tam-tru",
        "--layout",
        "a5",
        "--layout",
        "stickers24",
        "--guides-dir",
        &guides,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        svg_files(&out),
        ["dang-ky-tam-tru_a5.svg", "dang-ky-tam-tru_stickers24.svg"]
    );
    let svg = std::fs::read_to_string(out.join("dang-ky-tam-tru_a5.svg")).unwrap();
    let catalog = sotay_guides::check_dir(
        Path::new(&guides),
        sotay_guides::Date::new(2026, 11, 22).unwrap(),
    )
    .catalog;
    let guide = catalog
        .get_exact(sotay_guides::Lang::Vi, "dang-ky-tam-tru")
        .unwrap();
    assert!(svg.contains(&guide.title), "title from the guide file");
    assert!(svg.contains("sotay.example.vn/app/g/dang-ky-tam-tru/"));
    assert!(!svg.contains("Cần giúp?"), "no help point without a CSV");
}

#[test]
fn nothing_made_exits_1_with_a_reason() {
    let dir = scratch("bad");
    let csv = dir.join("communes.csv");
    std::fs::write(&csv, "commune,phone\n,0912 345 678\n").unwrap();
    let out = dir.join("out");
    let output = posters_for_communes(&csv, &out);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("dòng 2") && stderr.contains("Tên xã/phường"),
        "{stderr}"
    );

    let output = sotay(&["--base-url", "ftp://x", "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("https://"));

    std::fs::write(&csv, "ten,phone\nXã A,\n").unwrap();
    let output = posters_for_communes(&csv, &out);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("commune"));
}

#[test]
fn same_named_communes_get_their_own_files_and_nothing_is_overwritten() {
    let dir = scratch("same-names");
    let csv = dir.join("communes.csv");
    std::fs::write(
        &csv,
        "commune,help_point\nXã A,Công an xã A (1)\nXã A,Công an xã A (2)\nXã A 2,Công an xã A 2\n",
    )
    .unwrap();
    let out = dir.join("out");
    let output = posters_for_communes(&csv, &out);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("Đã tạo 3 tệp SVG"), "{stderr}");
    let files = svg_files(&out);
    assert_eq!(files.len(), 3, "{files:?}");
    for help in ["Công an xã A (1)", "Công an xã A (2)", "Công an xã A 2"] {
        let holding = files
            .iter()
            .filter(|name| {
                std::fs::read_to_string(out.join(name))
                    .unwrap()
                    .contains(help)
            })
            .count();
        assert_eq!(holding, 1, "{help}: {files:?}");
    }
    // A second run into the same folder overwrites nothing and says so.
    let before: Vec<String> = files
        .iter()
        .map(|name| std::fs::read_to_string(out.join(name)).unwrap())
        .collect();
    std::fs::write(out.join(&files[0]), "đã sửa tay").unwrap();
    let output = posters_for_communes(&csv, &out);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("không ghi đè"), "{stderr}");
    assert!(stderr.contains("Đã tạo 0 tệp SVG"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join(&files[0])).unwrap(),
        "đã sửa tay"
    );
    assert_eq!(
        std::fs::read_to_string(out.join(&files[1])).unwrap(),
        before[1]
    );
}

#[test]
fn csv_rows_with_invisible_characters_are_skipped_with_the_field_named() {
    let dir = scratch("hidden");
    let csv = dir.join("communes.csv");
    std::fs::write(
        &csv,
        "commune,help_point,phone\n\
         Xã A,Công an xã A,\u{061C}0912 345 678\n\
         Xã B\u{00AD},Công an xã B,\n\
         Xã C,Công an\u{E0041} xã C,\n\
         Xã D,Công an xã D\u{FFF9},\n\
         Xã E,Công an xã E,0912 345 678\n",
    )
    .unwrap();
    let out = dir.join("out");
    let output = posters_for_communes(&csv, &out);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    for line in [
        "dòng 2: bỏ qua — Mục \"Số điện thoại\" có ký tự không hợp lệ",
        "dòng 3: bỏ qua — Mục \"Tên xã/phường\" có ký tự không hợp lệ",
        "dòng 4: bỏ qua — Mục \"Nơi hỗ trợ\" có ký tự không hợp lệ",
        "dòng 5: bỏ qua — Mục \"Nơi hỗ trợ\" có ký tự không hợp lệ",
    ] {
        assert!(stderr.contains(line), "{line}\n{stderr}");
    }
    assert_eq!(svg_files(&out), ["xa-e_trang-chu_a4.svg"]);
}
