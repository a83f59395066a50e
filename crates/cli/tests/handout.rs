//! `sotay poster --layout handout` over every guide: one A4 page, or two for a long guide,
//! with every step's title and text and the commune's help point.

use std::path::{Path, PathBuf};
use std::process::Command;

fn guides_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/guides")
}

/// The text of every `<text>` element, entities undone, whitespace folded.
fn svg_text(svg: &str) -> String {
    let mut words = Vec::new();
    for element in svg.split("<text").skip(1) {
        let Some((_, rest)) = element.split_once('>') else {
            continue;
        };
        let text = rest.split("</text>").next().unwrap_or_default();
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        words.extend(text.split_whitespace().map(str::to_owned));
    }
    words.join(" ")
}

fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_guide_prints_on_one_or_two_pages_with_every_step() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("handout-all");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("communes.csv");
    std::fs::write(
        &csv,
        "commune,help_point,address,hours,phone\n\
         Xã Tân Phú,Công an xã Tân Phú,\"Thôn Đông, xã Tân Phú\",7:30–17:00,0912 345 678\n",
    )
    .unwrap();
    let report = sotay_guides::check_dir(
        &guides_dir(),
        sotay_guides::Date::new(2026, 11, 30).unwrap(),
    );
    let guides = report.catalog.list(sotay_guides::Lang::Vi);
    assert!(guides.len() >= 20);
    let out = dir.join("out");
    let mut command = Command::new(env!("CARGO_BIN_EXE_sotay"));
    command.args([
        "poster",
        "--base-url",
        "https://sotay.example.vn",
        "--layout",
        "handout",
    ]);
    command.arg("--communes").arg(&csv);
    command.arg("--guides-dir").arg(guides_dir());
    command.arg("--out").arg(&out);
    for guide in &guides {
        command.args(["--guide", &guide.id]);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let mut two_pages = Vec::new();
    for guide in &guides {
        let first = out.join(format!("xa-tan-phu_{}_handout.svg", guide.id));
        let second = out.join(format!("xa-tan-phu_{}_handout-2.svg", guide.id));
        assert!(
            !out.join(format!("xa-tan-phu_{}_handout-3.svg", guide.id))
                .exists(),
            "{}: three pages",
            guide.id
        );
        let mut pages = vec![std::fs::read_to_string(&first).unwrap()];
        if let Ok(page) = std::fs::read_to_string(&second) {
            pages.push(page);
            two_pages.push(guide.id.as_str());
        }
        assert!(pages[0].contains(r#"width="210mm" height="297mm""#));
        let text = pages
            .iter()
            .map(|p| svg_text(p))
            .collect::<Vec<_>>()
            .join(" ");
        for step in &guide.steps {
            assert!(
                text.contains(&folded(&step.title)),
                "{}: {:?}",
                guide.id,
                step.title
            );
            for paragraph in step.paragraphs() {
                assert!(
                    text.contains(&folded(paragraph)),
                    "{}: {paragraph:?}",
                    guide.id
                );
            }
        }
        assert!(
            text.contains("Cần giúp? Đến:") && text.contains("Công an xã Tân Phú"),
            "{}",
            guide.id
        );
        assert!(
            text.contains(&format!("sotay.example.vn/g/{}/", guide.id)),
            "{}",
            guide.id
        );
    }
    println!(
        "handouts: {} guides, {} on one page, {} on two: {}",
        guides.len(),
        guides.len() - two_pages.len(),
        two_pages.len(),
        two_pages.join(", ")
    );
}
