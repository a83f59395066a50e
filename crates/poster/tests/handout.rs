//! The handout: every step's title and text on one A4 page (two for a long guide), the
//! help point on the last page, and a QR code that `sotay-scan` reads from the SVG's own
//! modules rasterised as a flat print.

use sotay_poster::{
    BaseUrl, CommuneProfile, HandoutSpec, HandoutStep, HelpPlace, Layout, guide_url,
    render_handout, render_svg,
};

fn base() -> BaseUrl {
    BaseUrl::parse("https://sotay.example.vn/").unwrap()
}

fn tan_phu() -> CommuneProfile {
    CommuneProfile {
        commune: "Xã Tân Phú".into(),
        places: vec![
            HelpPlace {
                name: Some("Công an xã Tân Phú".into()),
                address: Some("Thôn Đông, xã Tân Phú".into()),
                hours: Some("7:30–17:00, thứ Hai – thứ Sáu".into()),
                phone: Some("0912 345 678".into()),
            },
            HelpPlace {
                name: Some("Bưu điện xã Tân Phú".into()),
                address: None,
                hours: Some("7:00–17:00".into()),
                phone: None,
            },
        ],
        zalo: None,
    }
}

fn step(n: usize, paragraphs: usize) -> HandoutStep {
    HandoutStep {
        title: format!("Bước thử số {n}: mở ứng dụng và chạm nút"),
        text: (0..paragraphs)
            .map(|p| format!("Đoạn {p} của bước {n}: đọc kỹ màn hình, chạm vào nút màu xanh rồi chờ điện thoại báo đã xong."))
            .collect::<Vec<_>>()
            .join("\n\n"),
        warning: (n == 2).then(|| "Không đọc mã OTP cho bất kỳ ai.".to_owned()),
    }
}

fn spec(steps: usize, paragraphs: usize) -> HandoutSpec {
    let profile = tan_phu();
    let code = profile.encode().unwrap();
    HandoutSpec {
        title: "Kích hoạt tài khoản định danh điện tử VNeID".into(),
        steps: (1..=steps).map(|n| step(n, paragraphs)).collect(),
        url: guide_url(&base(), Some("kich-hoat-vneid"), Some(&code)),
        profile: Some(profile),
    }
}

/// The document's text, whitespace folded, so wrapped lines read as the sentence.
fn text_of(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("the page is XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("210mm"));
    assert_eq!(root.attribute("height"), Some("297mm"));
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let y: f64 = node.attribute("y").unwrap().parse().unwrap();
        assert!(
            (0.0..=297.0 - 10.0).contains(&y),
            "text off the page at y={y}"
        );
    }
    let words: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .flat_map(str::split_whitespace)
        .collect();
    words.join(" ")
}

/// Every step's title, text and warning is somewhere in `text`.
fn assert_every_step(spec: &HandoutSpec, text: &str) {
    for step in &spec.steps {
        assert!(text.contains(&step.title), "missing title {:?}", step.title);
        for paragraph in step.text.split("\n\n") {
            assert!(text.contains(paragraph), "missing text {paragraph:?}");
        }
        if let Some(warning) = &step.warning {
            assert!(text.contains(&format!("Chú ý: {warning}")));
        }
    }
}

/// The QR code on the page, rasterised at 4 px per module from its path, decoded.
fn decode_qr(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let group = doc
        .descendants()
        .find(|n| n.has_tag_name("g") && n.attribute("class") == Some("qr-code"))
        .expect("a QR code on the page");
    let modules: usize = group
        .children()
        .find(|n| n.has_tag_name("rect"))
        .and_then(|r| r.attribute("width"))
        .and_then(|w| w.parse().ok())
        .unwrap();
    let path = group
        .children()
        .find(|n| n.has_tag_name("path"))
        .and_then(|p| p.attribute("d"))
        .unwrap();
    let px = 4;
    let side = modules * px;
    let mut pixels = vec![255u8; side * side];
    // "Mx yhNv1h-Nz": one run of dark modules per rectangle.
    for rect in path.split('M').filter(|s| !s.is_empty()) {
        let (x, rest) = rect.split_once(' ').unwrap();
        let (y, rest) = rest.split_once('h').unwrap();
        let run = rest.split_once('v').unwrap().0;
        let (x, y, run): (usize, usize, usize) =
            (x.parse().unwrap(), y.parse().unwrap(), run.parse().unwrap());
        for row in y * px..(y + 1) * px {
            pixels[row * side + x * px..row * side + (x + run) * px].fill(0);
        }
    }
    sotay_scan::decode(&pixels, side, side)
        .into_iter()
        .map(|d| d.text)
        .collect()
}

#[test]
fn a_short_guide_is_one_page_with_every_step_the_help_point_and_a_readable_code() {
    let spec = spec(6, 1);
    let handout = render_handout(&spec).unwrap();
    assert_eq!(handout.pages.len(), 1);
    assert!(handout.body_mm >= 4.6, "large type: {} mm", handout.body_mm);
    let text = text_of(&handout.pages[0]);
    assert_every_step(&spec, &text);
    assert!(text.contains(&spec.title));
    assert!(
        text.contains("Cần giúp? Đến:")
            && text.contains("Công an xã Tân Phú")
            && text.contains("Bưu điện xã Tân Phú")
    );
    assert!(text.contains("0912 345 678"), "the first place's phone");
    assert!(!text.contains("Trang 1/"), "one page needs no page number");
    assert_eq!(decode_qr(&handout.pages[0]), vec![spec.url.clone()]);
    // A relative can type the short link too.
    assert!(text.contains("sotay.example.vn/g/kich-hoat-vneid/"));
}

#[test]
fn a_long_guide_is_two_pages_in_large_type_with_every_step() {
    let spec = spec(10, 2);
    let handout = render_handout(&spec).unwrap();
    assert_eq!(handout.pages.len(), 2);
    assert!(handout.body_mm >= 4.6, "large type: {} mm", handout.body_mm);
    let texts: Vec<String> = handout.pages.iter().map(|svg| text_of(svg)).collect();
    assert_every_step(&spec, &texts.join(" "));
    assert!(texts[0].contains("Trang 1/2") && texts[1].contains("Trang 2/2"));
    assert!(texts[1].contains("(tiếp theo)"));
    // The help point closes the handout; the code is on the first page.
    assert!(texts[1].contains("Cần giúp? Đến:"));
    assert_eq!(decode_qr(&handout.pages[0]), vec![spec.url.clone()]);
}

#[test]
fn user_text_stays_text_and_the_layout_is_registered() {
    let mut spec = spec(2, 1);
    spec.steps[0].title = "<script>alert(1)</script> & \"x\"".into();
    let handout = render_handout(&spec).unwrap();
    let text = text_of(&handout.pages[0]);
    assert!(text.contains("<script>alert(1)</script> & \"x\""));
    assert!(!handout.pages[0].contains("<script>"));

    assert_eq!("handout".parse::<Layout>(), Ok(Layout::Handout));
    assert!(!Layout::ALL.contains(&Layout::Handout));
    // From a poster spec: its steps as titles, the first page.
    let poster = sotay_poster::PosterSpec {
        layout: Layout::Handout,
        title: "Đăng ký tạm trú".into(),
        key_steps: vec!["Mở Cổng dịch vụ công".into(), "Chọn thủ tục".into()],
        url: guide_url(&base(), Some("dang-ky-tam-tru"), None),
        profile: None,
        caption_vi: None,
    };
    let svg = render_svg(&poster).unwrap();
    let text = text_of(&svg);
    assert!(text.contains("Mở Cổng dịch vụ công") && text.contains("Chọn thủ tục"));
    assert_eq!(decode_qr(&svg), vec![poster.url]);
}
