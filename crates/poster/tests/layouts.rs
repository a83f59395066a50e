//! Every layout's SVG is valid XML at real paper size, escapes user text,
//! and every QR code in it, rasterised from the SVG path itself, decodes to
//! exactly the intended URL with `sotay-scan`, the app's own decoder.

use sotay_poster::{
    BaseUrl, CommuneProfile, FieldSpot, HelpPlace, Layout, MIN_MODULE_MM, PosterError, PosterSpec,
    ProfileField, guide_url, parse_link, qr_matrix, render, render_svg,
};

fn place(name: &str, address: &str, hours: &str, phone: &str) -> HelpPlace {
    let some = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    HelpPlace {
        name: some(name),
        address: some(address),
        hours: some(hours),
        phone: some(phone),
    }
}

fn long_bien() -> CommuneProfile {
    CommuneProfile {
        commune: "Phường Long Biên".into(),
        places: vec![place(
            "Trung tâm phục vụ hành chính công phường Long Biên",
            "Số 1 phố Ngọc Lâm, Hà Nội",
            "7:30–17:00, thứ Hai – thứ Sáu",
            "024 3872 1234",
        )],
        zalo: Some("0243872123".into()),
    }
}

/// Four help places, as the commune plans ask (police, the service centre,
/// the post office, a village point): the longest `?c=` a commune typically makes.
fn tan_phu_four() -> CommuneProfile {
    CommuneProfile {
        commune: "Xã Tân Phú".into(),
        places: vec![
            place(
                "Công an xã Tân Phú",
                "Thôn Đông, xã Tân Phú",
                "7:30–17:00, thứ Hai – thứ Sáu",
                "0912 345 678",
            ),
            place(
                "Trung tâm phục vụ hành chính công xã Tân Phú",
                "Số 5 đường Lê Lợi",
                "7:30–17:00, thứ Hai – thứ Sáu",
                "0273 3851 234",
            ),
            place(
                "Bưu điện xã Tân Phú",
                "Số 12 đường Lê Lợi",
                "sáng 7:00–11:00",
                "0273 3851 555",
            ),
            place(
                "Điểm hỗ trợ thôn Tây",
                "Nhà văn hóa thôn Tây",
                "chiều thứ Bảy",
                "0987 654 321",
            ),
        ],
        zalo: Some("UBND xã Tân Phú".into()),
    }
}

fn base() -> BaseUrl {
    BaseUrl::parse("https://sotay.example.vn/").unwrap()
}

fn spec(layout: Layout, profile: Option<CommuneProfile>) -> PosterSpec {
    let code = profile.as_ref().map(|p| p.encode().unwrap());
    PosterSpec {
        layout,
        title: "Kích hoạt tài khoản định danh điện tử mức độ 2 trên ứng dụng VNeID".into(),
        key_steps: vec![
            "Mở ứng dụng VNeID, chọn \"Kích hoạt tài khoản định danh điện tử\"".into(),
            "Nhập số định danh cá nhân và số điện thoại, rồi nhập mã OTP gửi qua tin nhắn".into(),
            "Đặt mật khẩu và mật mã (passcode) gồm 6 chữ số".into(),
        ],
        url: guide_url(&base(), Some("kich-hoat-tai-khoan"), code.as_ref()),
        profile,
        caption_vi: None,
    }
}

/// One QR code found in the SVG: its path in module units and its printed
/// module size in mm (from the enclosing `scale(…)`).
struct FoundQr {
    modules: usize,
    module_mm: f64,
    rects: Vec<(usize, usize, usize)>,
}

fn find_qr_codes(doc: &roxmltree::Document) -> Vec<FoundQr> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("qr-code"))
        .map(|group| {
            let transform = group.attribute("transform").unwrap();
            let scale: f64 = transform
                .split("scale(")
                .nth(1)
                .unwrap()
                .trim_end_matches(')')
                .parse()
                .unwrap();
            let mut children = group.children().filter(|n| n.is_element());
            let background = children.next().unwrap();
            assert_eq!(background.attribute("fill"), Some("#fff"));
            let modules: usize = background.attribute("width").unwrap().parse().unwrap();
            let shape = children.next().unwrap();
            // A sticker sheet shares one path through <use href="#id">.
            let path = if shape.has_tag_name("use") {
                let id = shape.attribute("href").unwrap().strip_prefix('#').unwrap();
                doc.descendants()
                    .find(|n| n.attribute("id") == Some(id))
                    .unwrap()
            } else {
                shape
            };
            assert!(path.has_tag_name("path") && path.attribute("class") == Some("qr"));
            let rects = path
                .attribute("d")
                .unwrap()
                .split('M')
                .filter(|s| !s.is_empty())
                .map(|rect| {
                    // "x yhNv1h-Nz"
                    let (x, rest) = rect.split_once(' ').unwrap();
                    let (y, rest) = rest.split_once('h').unwrap();
                    let (run, rest) = rest.split_once('v').unwrap();
                    assert_eq!(rest, format!("1h-{run}z"));
                    (x.parse().unwrap(), y.parse().unwrap(), run.parse().unwrap())
                })
                .collect();
            FoundQr {
                modules,
                module_mm: scale,
                rects,
            }
        })
        .collect()
}

/// Rasterises at 4 px per module, as a phone camera would see a flat print.
fn rasterise(qr: &FoundQr) -> (Vec<u8>, usize) {
    rasterise_at(qr, qr.module_mm / 4.0)
}

/// Rasterises at the printed size, `px_mm` millimetres per pixel, sampling
/// each pixel's centre: modules land on fractional pixels as in a photo.
fn rasterise_at(qr: &FoundQr, px_mm: f64) -> (Vec<u8>, usize) {
    let side = (qr.modules as f64 * qr.module_mm / px_mm).floor() as usize;
    let mut dark = vec![false; qr.modules * qr.modules];
    for &(x, y, run) in &qr.rects {
        for x in x..x + run {
            dark[y * qr.modules + x] = true;
        }
    }
    let module_at =
        |p: usize| (((p as f64 + 0.5) * px_mm / qr.module_mm) as usize).min(qr.modules - 1);
    let mut pixels = vec![255u8; side * side];
    for py in 0..side {
        for px in 0..side {
            if dark[module_at(py) * qr.modules + module_at(px)] {
                pixels[py * side + px] = 0;
            }
        }
    }
    (pixels, side)
}

fn decode(pixels: &[u8], side: usize) -> Vec<String> {
    sotay_scan::decode(pixels, side, side)
        .into_iter()
        .map(|d| d.text)
        .collect()
}

fn check_layout(layout: Layout, profile: Option<CommuneProfile>) {
    let spec = spec(layout, profile);
    let svg = render_svg(&spec).unwrap_or_else(|e| panic!("{layout}: {}", e.message_en()));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{layout}: not XML: {e}"));
    let root = doc.root_element();
    let (w, h) = layout.page_size_mm();
    assert_eq!(root.attribute("width"), Some(format!("{w}mm").as_str()));
    assert_eq!(root.attribute("height"), Some(format!("{h}mm").as_str()));
    assert_eq!(
        root.attribute("viewBox"),
        Some(format!("0 0 {w} {h}").as_str())
    );

    let codes = find_qr_codes(&doc);
    let expected_count = match layout {
        Layout::Stickers12 => 12,
        Layout::Stickers24 => 24,
        Layout::TableTent => 2,
        _ => 1,
    };
    assert_eq!(codes.len(), expected_count, "{layout}");
    // The printed width reported for the scanning-distance note is the code's own.
    let reported = render(&spec).unwrap().qr_width_mm;
    for qr in &codes {
        let width = qr.module_mm * (qr.modules - 8) as f64;
        assert!(
            (width - reported).abs() < 0.01,
            "{layout}: {width} vs {reported}"
        );
    }
    for qr in &codes {
        assert!(
            qr.module_mm >= MIN_MODULE_MM,
            "{layout}: module {} mm",
            qr.module_mm
        );
        let (pixels, side) = rasterise(qr);
        assert_eq!(decode(&pixels, side), vec![spec.url.clone()], "{layout}");
        // And as printed at 150 dpi and photographed flat.
        let (pixels, side) = rasterise_at(qr, 25.4 / 150.0);
        assert_eq!(
            decode(&pixels, side),
            vec![spec.url.clone()],
            "{layout} at 150 dpi"
        );
    }
    // The decoded link carries the profile, diacritics intact.
    let link = parse_link(&base(), &spec.url).unwrap();
    assert_eq!(link.guide_id.as_deref(), Some("kich-hoat-tai-khoan"));
    assert_eq!(link.profile.map(Result::unwrap), spec.profile);

    let text: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    if layout == Layout::A4Poster || layout == Layout::A5Flyer {
        assert!(
            text.contains("Quét mã để xem hướng dẫn từng bước"),
            "{layout}"
        );
        assert!(
            text.contains("sotay.example.vn/g/kich-hoat-tai-khoan/"),
            "{layout}"
        );
        assert!(text.contains("Mở ứng dụng VNeID"), "{layout}");
    }
    if let Some(profile) = spec
        .profile
        .as_ref()
        .filter(|_| layout != Layout::Stickers12 && layout != Layout::Stickers24)
    {
        assert!(text.contains("Cần giúp? Đến:"), "{layout}");
        for place in &profile.places {
            let name = place.name.as_deref().unwrap();
            assert!(text.contains(name), "{layout}: {name}");
        }
    }
}

#[test]
fn every_layout_round_trips_with_a_vietnamese_profile() {
    for layout in Layout::ALL {
        check_layout(layout, Some(long_bien()));
    }
}

/// Four help places: every layout but the 24-sticker sheet prints a code
/// our own decoder reads from the rasterised SVG, with modules of at least
/// `MIN_MODULE_MM`; the 24-sticker sheet refuses, naming the field to shorten.
#[test]
fn four_help_places_fit_every_layout_but_the_small_stickers() {
    for layout in [
        Layout::A4Poster,
        Layout::A5Flyer,
        Layout::Stickers12,
        Layout::TableTent,
    ] {
        check_layout(layout, Some(tan_phu_four()));
    }
    let error = render(&spec(Layout::Stickers24, Some(tan_phu_four()))).unwrap_err();
    assert!(
        matches!(
            error,
            PosterError::ModulesTooSmall {
                shorten: Some(FieldSpot {
                    field: ProfileField::HelpPoint,
                    place: Some(1)
                }),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error
            .message_vi()
            .ends_with("rút gọn mục \"Tên\" của nơi hỗ trợ 2."),
        "{}",
        error.message_vi()
    );
    // The sizes for the report (`--nocapture` shows them): one place and four.
    for profile in [long_bien(), tan_phu_four()] {
        for layout in Layout::ALL {
            let spec = spec(layout, Some(profile.clone()));
            let matrix = qr_matrix(&spec.url, layout.ec_level()).unwrap();
            match render(&spec) {
                Ok(page) => println!(
                    "{} place(s), {layout}: link {} chars, QR version {}, {:.1} mm wide, module {:.2} mm",
                    profile.places.len(),
                    spec.url.len(),
                    (matrix.code_size() - 17) / 4,
                    page.qr_width_mm,
                    page.qr_width_mm / matrix.code_size() as f64
                ),
                Err(error) => println!(
                    "{} place(s), {layout}: {}",
                    profile.places.len(),
                    error.message_en()
                ),
            }
        }
    }
}

#[test]
fn every_layout_round_trips_without_a_profile() {
    for layout in Layout::ALL {
        check_layout(layout, None);
    }
}

#[test]
fn home_page_poster() {
    let spec = PosterSpec {
        layout: Layout::A4Poster,
        title: "Sổ tay Công dân số".into(),
        key_steps: vec![],
        url: guide_url(&base(), None, None),
        profile: None,
        caption_vi: None,
    };
    let svg = render_svg(&spec).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let qr = find_qr_codes(&doc);
    let (pixels, side) = rasterise(&qr[0]);
    assert_eq!(
        decode(&pixels, side),
        vec!["https://sotay.example.vn/".to_owned()]
    );
}

#[test]
fn user_text_is_escaped_and_cannot_inject_markup() {
    let mut profile = long_bien();
    profile.places[0].name = Some("<script>alert(1)</script> & \"Công an\" 'xã'".into());
    let mut spec = spec(Layout::A4Poster, Some(profile));
    spec.title = "</text><image href=\"x\" onerror=\"alert(1)\"/>".into();
    spec.key_steps = vec!["a < b > c & d".into()];
    spec.caption_vi = Some("]]><!-- ".into());
    let svg = render_svg(&spec).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(
        doc.descendants()
            .all(|n| !n.has_tag_name("script") && !n.has_tag_name("image"))
    );
    assert!(doc.descendants().all(|n| n.attribute("onerror").is_none()));
    let text: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(text.contains("<script>alert(1)</script> & \"Công an\" 'xã'"));
    assert!(text.contains("</text><image href=\"x\""));
}

#[test]
fn long_text_is_wrapped_inside_the_page() {
    let mut spec = spec(Layout::A5Flyer, Some(long_bien()));
    spec.title = "Đăng ký thường trú trực tuyến trên Cổng dịch vụ công quốc gia ".repeat(5);
    let svg = render_svg(&spec).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let title_lines: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("text")
                && n.text()
                    .is_some_and(|t| t.contains("thường trú") || t.ends_with('…'))
        })
        .collect();
    assert!(title_lines.len() <= 3);
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let y: f64 = node.attribute("y").unwrap().parse().unwrap();
        assert!((0.0..=210.0).contains(&y), "text outside the page at y={y}");
    }
}

#[test]
fn an_over_long_link_is_a_typed_error() {
    let mut spec = spec(Layout::Stickers24, None);
    spec.url = format!("https://sotay.example.vn/?c={}", "A".repeat(500));
    assert!(matches!(
        render_svg(&spec),
        Err(PosterError::ModulesTooSmall { .. })
    ));
    spec.url = "x".repeat(5000);
    assert_eq!(render_svg(&spec), Err(PosterError::LinkTooLong));
    assert!(!PosterError::LinkTooLong.message_vi().is_empty());
}
