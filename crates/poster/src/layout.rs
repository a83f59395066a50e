//! Printable layouts as SVG in real millimetres (`viewBox` in mm), with a
//! system font stack (no font files: the poster must print offline).

use core::fmt;
use core::fmt::Write as _;
use core::str::FromStr;

use crate::link::{display_link, slug};
use crate::profile::{CommuneProfile, FieldSpot};
use crate::qr::{EcLevel, QrMatrix, QrTooLong, qr_matrix, qr_svg_path};
use crate::text::{wrap, xml_escape};
use sotay_text::{Lang, ui};

#[path = "handout.rs"]
pub(crate) mod handout;

/// The line under a poster's QR code.
pub const SCAN_CAPTION_VI: &str = "Quét mã để xem hướng dẫn từng bước";

/// Title of the home page's poster.
pub const HOME_TITLE_VI: &str = "Sổ tay Công dân số: hướng dẫn VNeID và dịch vụ công trực tuyến";

/// Key steps on the home page's poster.
pub const HOME_STEPS_VI: [&str; 3] = [
    "Mở camera điện thoại và quét mã QR",
    "Chọn việc bạn cần làm, ví dụ kích hoạt VNeID",
    "Làm theo từng bước; cần giúp thì đến nơi hỗ trợ ghi bên dưới",
];

/// The shorter line on stickers.
pub const STICKER_CAPTION_VI: &str = "Quét mã để xem hướng dẫn";

/// Smallest printed module: below this, office printers smear and cheap
/// phone cameras miss the code.
pub const MIN_MODULE_MM: f64 = 0.4;

const FONT_STACK: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
const INK: &str = "#111";
const ACCENT: &str = "#0b4f8a";
const BRAND_VI: &str = "SỔ TAY CÔNG DÂN SỐ";
/// Element id of the shared QR path on sticker sheets.
const QR_ID: &str = "sotay-qr";

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// A4 poster: title, big QR, three key steps, the short link, the help point.
    A4Poster,
    /// A5 flyer: the poster, smaller.
    A5Flyer,
    /// A4 sheet of 12 stickers (3 × 4, about 67 × 72 mm), each a QR and a caption.
    Stickers12,
    /// A4 sheet of 24 stickers (3 × 8, about 67 × 36 mm).
    Stickers24,
    /// A4 folded across the middle; the back half is upside down on the
    /// sheet so both faces read upright on the table.
    TableTent,
    /// A4 handout in large type with every step, for a resident without a smartphone
    /// (one page, or two for a long guide): [`handout::render_handout`]. Not in [`Layout::ALL`].
    Handout,
}

impl Layout {
    /// The sheets made from a [`PosterSpec`] alone (what the poster builder offers).
    pub const ALL: [Layout; 5] = [
        Layout::A4Poster,
        Layout::A5Flyer,
        Layout::Stickers12,
        Layout::Stickers24,
        Layout::TableTent,
    ];

    /// Short ASCII name for command lines and file names.
    pub fn slug(self) -> &'static str {
        match self {
            Layout::A4Poster => "a4",
            Layout::A5Flyer => "a5",
            Layout::Stickers12 => "stickers12",
            Layout::Stickers24 => "stickers24",
            Layout::TableTent => "tent",
            Layout::Handout => "handout",
        }
    }

    /// The layout's name as the poster builder shows it: from the UI catalogue
    /// (`assets/ui/*/poster.toml`), so it is written once.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Layout::A4Poster => ui::poster::LAYOUT_A4,
            Layout::A5Flyer => ui::poster::LAYOUT_A5,
            Layout::Stickers12 => ui::poster::LAYOUT_STICKERS12,
            Layout::Stickers24 => ui::poster::LAYOUT_STICKERS24,
            Layout::TableTent => ui::poster::LAYOUT_TENT,
            Layout::Handout => ui::poster::LAYOUT_HANDOUT,
        }
        .get(lang)
    }

    /// Paper size (width, height) in mm, portrait. For `@page { size: … }`.
    pub fn page_size_mm(self) -> (f64, f64) {
        match self {
            Layout::A5Flyer => (148.0, 210.0),
            _ => (210.0, 297.0),
        }
    }

    /// Q where there is room for it; M on stickers, where bigger modules
    /// matter more than extra correction.
    pub fn ec_level(self) -> EcLevel {
        match self {
            Layout::Stickers12 | Layout::Stickers24 => EcLevel::M,
            _ => EcLevel::Q,
        }
    }

    pub fn from_slug(slug: &str) -> Option<Layout> {
        Layout::ALL
            .into_iter()
            .chain([Layout::Handout])
            .find(|l| l.slug().eq_ignore_ascii_case(slug.trim()))
    }
}

impl FromStr for Layout {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Layout::from_slug(s).ok_or_else(|| {
            let names: Vec<&str> = Layout::ALL
                .iter()
                .chain(&[Layout::Handout])
                .map(|l| l.slug())
                .collect();
            format!(
                "Mẫu in không có: {s} (chọn một trong: {})",
                names.join(", ")
            )
        })
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// Everything on one printed page.
#[derive(Debug, Clone, PartialEq)]
pub struct PosterSpec {
    pub layout: Layout,
    /// Guide title, or the app's name for the home page.
    pub title: String,
    /// Up to three short steps (more are ignored).
    pub key_steps: Vec<String>,
    /// The link the QR code carries, e.g. from [`crate::guide_url`].
    pub url: String,
    pub profile: Option<CommuneProfile>,
    /// Replaces [`SCAN_CAPTION_VI`] (or [`STICKER_CAPTION_VI`] on stickers).
    pub caption_vi: Option<String>,
}

/// Why a page could not be made.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PosterError {
    /// The link does not fit in a QR code at all.
    LinkTooLong,
    /// The link fits, but the modules would print too small on this layout;
    /// `shorten` names the longest field of the profile, if there is one.
    ModulesTooSmall {
        module_mm: f64,
        shorten: Option<FieldSpot>,
    },
}

impl PosterError {
    pub fn message_vi(&self) -> String {
        match self {
            PosterError::LinkTooLong => QrTooLong.message_vi().to_owned(),
            PosterError::ModulesTooSmall { module_mm, shorten } => format!(
                "Mã QR sẽ in quá nhỏ trên mẫu này (mỗi ô {module_mm:.2} mm, cần ít nhất {MIN_MODULE_MM} mm). Hãy chọn mẫu lớn hơn hoặc rút gọn {}.",
                shorten.map_or_else(
                    || "thông tin nơi hỗ trợ".to_owned(),
                    |spot| spot.name_vi().replacen("Mục", "mục", 1)
                )
            ),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            PosterError::LinkTooLong => QrTooLong.message_en().to_owned(),
            PosterError::ModulesTooSmall { module_mm, shorten } => format!(
                "The QR code would print too small on this layout ({module_mm:.2} mm modules, at least {MIN_MODULE_MM} mm). Pick a larger layout or shorten the {}.",
                shorten.map_or_else(
                    || "help point".to_owned(),
                    |spot| spot.name_en().to_lowercase()
                )
            ),
        }
    }
}

impl fmt::Display for PosterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_vi())
    }
}

impl std::error::Error for PosterError {}

impl From<QrTooLong> for PosterError {
    fn from(_: QrTooLong) -> Self {
        PosterError::LinkTooLong
    }
}

/// Renders the page as a standalone SVG document.
pub fn render_svg(spec: &PosterSpec) -> Result<String, PosterError> {
    render(spec).map(|page| page.svg)
}

/// A rendered page and the printed size of its QR code.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedPage {
    /// The standalone SVG document.
    pub svg: String,
    /// Printed width of the QR code itself (quiet zone excluded), in mm: with
    /// [`crate::max_scan_distance_cm`], how far away it can be scanned.
    pub qr_width_mm: f64,
}

/// Renders the page; see [`render_svg`].
pub fn render(spec: &PosterSpec) -> Result<RenderedPage, PosterError> {
    let matrix = qr_matrix(&spec.url, spec.layout.ec_level())?;
    let (width, height) = spec.layout.page_size_mm();
    let mut svg = Svg::new(width, height, &spec.title);
    let qr_box = match spec.layout {
        Layout::A4Poster => column_page(&mut svg, spec, &matrix, 1.0)?,
        Layout::A5Flyer => column_page(&mut svg, spec, &matrix, 148.0 / 210.0)?,
        Layout::Stickers12 => stickers(&mut svg, spec, &matrix, 3, 4)?,
        Layout::Stickers24 => stickers(&mut svg, spec, &matrix, 3, 8)?,
        Layout::TableTent => table_tent(&mut svg, spec, &matrix)?,
        Layout::Handout => return handout::first_page(spec),
    };
    Ok(RenderedPage {
        svg: svg.finish(),
        qr_width_mm: qr_box * matrix.code_size() as f64 / matrix.size() as f64,
    })
}

fn caption<'a>(spec: &'a PosterSpec, default: &'a str) -> &'a str {
    spec.caption_vi
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .unwrap_or(default)
}

fn key_steps(spec: &PosterSpec) -> impl Iterator<Item = &str> {
    spec.key_steps
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .take(3)
}

/// The help places as (text, bold) lines before wrapping: one place as
/// before version 2 (name, commune, address, hours, phone · Zalo); several
/// as a name line and one detail line each, then the Zalo.
fn help_lines(profile: &CommuneProfile) -> Vec<(String, bool)> {
    let commune = profile.commune.as_str();
    let mut lines = Vec::new();
    let zalo = profile.zalo.as_ref().map(|z| format!("Zalo: {z}"));
    match profile.places.as_slice() {
        [] => {
            lines.push((commune.to_owned(), true));
            lines.extend(zalo.map(|z| (z, false)));
        }
        [place] => {
            lines.push((place.title(commune).to_owned(), true));
            if place.needs_commune_line(commune) {
                lines.push((commune.to_owned(), false));
            }
            if let Some(address) = &place.address {
                lines.push((format!("Địa chỉ: {address}"), false));
            }
            if let Some(hours) = &place.hours {
                lines.push((format!("Giờ làm việc: {hours}"), false));
            }
            let contact: Vec<String> = [
                place.phone.as_ref().map(|p| format!("Điện thoại: {p}")),
                zalo,
            ]
            .into_iter()
            .flatten()
            .collect();
            if !contact.is_empty() {
                lines.push((contact.join("  ·  "), false));
            }
        }
        places => {
            if places
                .iter()
                .all(|p| p.needs_commune_line(commune) || p.name.is_none())
            {
                lines.push((commune.to_owned(), false));
            }
            for place in places {
                lines.push((place.title(commune).to_owned(), true));
                let details: Vec<String> = [
                    place.address.clone(),
                    place.hours.clone(),
                    place.phone.as_ref().map(|p| format!("ĐT: {p}")),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !details.is_empty() {
                    lines.push((details.join("  ·  "), false));
                }
            }
            lines.extend(zalo.map(|z| (z, false)));
        }
    }
    lines
}

fn check_module_size(
    profile: Option<&CommuneProfile>,
    matrix: &QrMatrix,
    box_mm: f64,
) -> Result<(), PosterError> {
    let module_mm = box_mm / matrix.size() as f64;
    if module_mm + 1e-9 < MIN_MODULE_MM {
        return Err(PosterError::ModulesTooSmall {
            module_mm,
            shorten: profile.and_then(CommuneProfile::longest_field),
        });
    }
    Ok(())
}

/// The SVG's file name, ASCII only: `<commune>_<page>_<layout>.svg`, where
/// the page is the guide's id (or `trang-chu`) and the commune part, a
/// [`crate::slug`], is left out without a commune. The app's download and
/// `sotay poster` both name files this way.
pub fn poster_file_name(
    commune_slug: Option<&str>,
    guide_id: Option<&str>,
    layout: Layout,
) -> String {
    let page = guide_id.map_or_else(|| "trang-chu".to_owned(), slug);
    match commune_slug {
        Some(commune) => format!("{commune}_{page}_{layout}.svg"),
        None => format!("{page}_{layout}.svg"),
    }
}

/// The A4 poster and the A5 flyer: one centred column, the QR code takes
/// the height the text leaves. `k` scales A4 measures to the page.
fn column_page(
    svg: &mut Svg,
    spec: &PosterSpec,
    matrix: &QrMatrix,
    k: f64,
) -> Result<f64, PosterError> {
    let (width, height) = spec.layout.page_size_mm();
    let margin = 14.0 * k;
    let content = width - 2.0 * margin;
    let center = width / 2.0;

    let brand_size = 4.2 * k;
    let title_size = 10.0 * k;
    let caption_size = 6.2 * k;
    let link_size = 4.6 * k;
    let step_size = 5.2 * k;
    let help_size = 4.4 * k;

    let title = wrap(&spec.title, content, title_size, true, 3);
    let caption_lines = wrap(
        caption(spec, SCAN_CAPTION_VI),
        content,
        caption_size,
        true,
        2,
    );
    let link = wrap(display_link(&spec.url), content, link_size, false, 2);
    let step_indent = step_size * 2.0;
    let steps: Vec<Vec<String>> = key_steps(spec)
        .map(|s| wrap(s, content - step_indent, step_size, false, 2))
        .collect();
    let help_pad = 4.0 * k;
    let help: Vec<(Vec<String>, bool)> = spec
        .profile
        .as_ref()
        .map(help_lines)
        .unwrap_or_default()
        .into_iter()
        .map(|(line, bold)| {
            (
                wrap(&line, content - 2.0 * help_pad, help_size, bold, 2),
                bold,
            )
        })
        .collect();

    let lh = 1.25;
    let gap = 5.0 * k;
    let title_h = title.len() as f64 * title_size * lh;
    let caption_h = caption_lines.len() as f64 * caption_size * lh;
    let link_h = link.len() as f64 * link_size * lh;
    let step_gap = 2.0 * k;
    let steps_h: f64 = steps
        .iter()
        .map(|l| l.len() as f64 * step_size * lh + step_gap)
        .sum();
    let help_count: usize = help.iter().map(|(l, _)| l.len()).sum();
    let help_h = if help.is_empty() {
        0.0
    } else {
        (help_count + 1) as f64 * help_size * lh + 1.4 * help_pad
    };
    // Everything but the QR code, top to bottom, as drawn below.
    let fixed = brand_size * 1.6
        + gap
        + title_h
        + gap * 0.4
        + gap * 0.2
        + caption_h
        + link_h
        + gap * 0.6
        + steps_h
        + if help.is_empty() {
            0.0
        } else {
            gap * 0.6 + help_h
        };
    let qr_box = (height - 2.0 * margin - fixed)
        .clamp(60.0 * k, 130.0 * k)
        .min(content);
    check_module_size(spec.profile.as_ref(), matrix, qr_box)?;
    // Height left over once the QR code is at its largest: shared out
    // between the blocks so the page does not end in a blank band.
    let slack = ((height - 2.0 * margin - fixed - qr_box) / 3.0).max(0.0);

    // Brand line and rule.
    let mut y = margin + brand_size;
    svg.text(
        center,
        y,
        brand_size,
        Anchor::Middle,
        true,
        ACCENT,
        BRAND_VI,
    );
    y += brand_size * 0.6;
    svg.line(margin, y, width - margin, y, ACCENT, 0.5 * k);
    y += gap;

    y = svg.lines(center, y, title_size, lh, Anchor::Middle, true, INK, &title);
    y += gap * 0.4 + slack;
    svg.qr(matrix, center - qr_box / 2.0, y, qr_box);
    y += qr_box + gap * 0.2;
    y = svg.lines(
        center,
        y,
        caption_size,
        lh,
        Anchor::Middle,
        true,
        INK,
        &caption_lines,
    );
    y = svg.lines(
        center,
        y,
        link_size,
        lh,
        Anchor::Middle,
        false,
        ACCENT,
        &link,
    );
    y += gap * 0.6 + slack;

    for (number, lines) in steps.iter().enumerate() {
        let r = step_size * 0.75;
        svg.circle(margin + r, y + r * 0.9, r, ACCENT);
        let label = (number + 1).to_string();
        svg.text(
            margin + r,
            y + r * 0.9 + step_size * 0.35,
            step_size,
            Anchor::Middle,
            true,
            "#fff",
            &label,
        );
        y = svg.lines(
            margin + step_indent,
            y,
            step_size,
            lh,
            Anchor::Start,
            false,
            INK,
            lines,
        );
        y += step_gap;
    }

    if !help.is_empty() {
        // When the QR code has reached its largest size, the help point
        // sits at the foot of the page rather than floating mid-page.
        let y = (y + gap * 0.6).max(height - margin - help_h);
        svg.rect(margin, y, content, help_h, 2.0 * k, ACCENT, 0.6 * k);
        let x = margin + help_pad;
        let mut ty = y + help_pad * 0.7;
        ty = svg.lines(
            x,
            ty,
            help_size,
            lh,
            Anchor::Start,
            true,
            ACCENT,
            &["Cần giúp? Đến:".to_owned()],
        );
        for (lines, bold) in &help {
            ty = svg.lines(x, ty, help_size, lh, Anchor::Start, *bold, INK, lines);
        }
    }
    Ok(qr_box)
}

/// A sheet of `cols × rows` stickers on an A4 page, with light cut lines.
/// A 5 mm sheet margin keeps every code clear of the unprintable edge.
fn stickers(
    svg: &mut Svg,
    spec: &PosterSpec,
    matrix: &QrMatrix,
    cols: usize,
    rows: usize,
) -> Result<f64, PosterError> {
    let (width, height) = spec.layout.page_size_mm();
    let sheet_margin = 5.0;
    let cell_w = (width - 2.0 * sheet_margin) / cols as f64;
    let cell_h = (height - 2.0 * sheet_margin) / rows as f64;
    let wide = cell_h < cell_w * 0.7;
    let pad = 2.5;
    let lh = 1.2;
    let (title_size, small_size) = if wide { (3.4, 2.8) } else { (3.8, 3.0) };
    // Short cells: QR left, text right. Tall cells: QR on top, text under it.
    let text_w = if wide {
        cell_w - (cell_h - 2.0 * pad) - 2.0 * pad - 1.5
    } else {
        cell_w - 2.0 * pad
    };
    let title_lines = wrap(
        &spec.title,
        text_w,
        title_size,
        true,
        if wide { 3 } else { 2 },
    );
    let mut small_lines = wrap(
        caption(spec, STICKER_CAPTION_VI),
        text_w,
        small_size,
        false,
        2,
    );
    if let Some(profile) = &spec.profile {
        small_lines.extend(wrap(&profile.commune, text_w, small_size, false, 1));
    }
    let text_h =
        (title_lines.len() as f64 * title_size + small_lines.len() as f64 * small_size) * lh;
    let qr_box = if wide {
        cell_h - 2.0 * pad
    } else {
        (cell_h - 2.0 * pad - text_h - 1.0).min(cell_w - 2.0 * pad)
    };
    check_module_size(spec.profile.as_ref(), matrix, qr_box)?;

    svg.qr_definition(&qr_svg_path(matrix));
    for row in 0..rows {
        for col in 0..cols {
            let x0 = sheet_margin + col as f64 * cell_w;
            let y0 = sheet_margin + row as f64 * cell_h;
            svg.cut_rect(x0, y0, cell_w, cell_h);
            let (anchor, text_x, mut y) = if wide {
                svg.qr_use(matrix.size(), x0 + pad, y0 + pad, qr_box);
                (
                    Anchor::Start,
                    x0 + pad + qr_box + 1.5,
                    y0 + (cell_h - text_h) / 2.0,
                )
            } else {
                svg.qr_use(
                    matrix.size(),
                    x0 + (cell_w - qr_box) / 2.0,
                    y0 + pad,
                    qr_box,
                );
                (Anchor::Middle, x0 + cell_w / 2.0, y0 + pad + qr_box + 1.0)
            };
            y = svg.lines(text_x, y, title_size, lh, anchor, true, INK, &title_lines);
            svg.lines(text_x, y, small_size, lh, anchor, false, INK, &small_lines);
        }
    }
    Ok(qr_box)
}

/// A4 portrait folded across the middle into a tent: the same panel on
/// both halves, the top one turned 180° so it reads upright once folded.
fn table_tent(svg: &mut Svg, spec: &PosterSpec, matrix: &QrMatrix) -> Result<f64, PosterError> {
    let (width, height) = spec.layout.page_size_mm();
    let half = height / 2.0;
    let mut panel = Svg::fragment();
    let qr_box = tent_panel(&mut panel, spec, matrix, width, half)?;
    let panel = panel.out;
    let _ = write!(
        svg.out,
        r#"<g transform="rotate(180 {} {})">{panel}</g><g transform="translate(0 {})">{panel}</g>"#,
        n(width / 2.0),
        n(half / 2.0),
        n(half)
    );
    svg.dashed_line(0.0, half, width, half);
    svg.text(
        width - 4.0,
        half - 1.5,
        2.6,
        Anchor::End,
        false,
        "#888",
        "Gấp theo đường này",
    );
    Ok(qr_box)
}

fn tent_panel(
    svg: &mut Svg,
    spec: &PosterSpec,
    matrix: &QrMatrix,
    width: f64,
    height: f64,
) -> Result<f64, PosterError> {
    let margin = 10.0;
    let help: Vec<(String, bool)> = spec.profile.as_ref().map(help_lines).unwrap_or_default();
    let qr_box: f64 = if help.is_empty() { 100.0 } else { 88.0 };
    check_module_size(spec.profile.as_ref(), matrix, qr_box)?;
    let top = margin + 4.0;
    svg.qr(matrix, margin, top, qr_box);

    let x = margin + qr_box + 6.0;
    let col = width - x - margin;
    let lh = 1.25;
    let mut y = top;
    y = svg.lines(
        x,
        y,
        3.6,
        lh,
        Anchor::Start,
        true,
        ACCENT,
        &[BRAND_VI.to_owned()],
    );
    y += 1.5;
    y = svg.lines(
        x,
        y,
        7.0,
        lh,
        Anchor::Start,
        true,
        INK,
        &wrap(&spec.title, col, 7.0, true, 3),
    );
    y += 2.0;
    y = svg.lines(
        x,
        y,
        4.6,
        lh,
        Anchor::Start,
        true,
        INK,
        &wrap(caption(spec, SCAN_CAPTION_VI), col, 4.6, true, 2),
    );
    y += 2.0;
    for (number, step) in key_steps(spec).enumerate() {
        let lines = wrap(&format!("{}. {step}", number + 1), col, 4.0, false, 2);
        y = svg.lines(x, y, 4.0, lh, Anchor::Start, false, INK, &lines);
        y += 1.0;
    }
    svg.lines(
        x,
        y + 1.0,
        3.8,
        lh,
        Anchor::Start,
        false,
        ACCENT,
        &wrap(display_link(&spec.url), col, 3.8, false, 2),
    );

    if !help.is_empty() {
        let y0 = top + qr_box + 3.0;
        let size = 3.8;
        let mut lines: Vec<(Vec<String>, bool)> = vec![(vec!["Cần giúp? Đến:".to_owned()], true)];
        let inner = width - 2.0 * margin;
        // One line per item keeps the panel within its half page.
        lines.extend(
            help.into_iter()
                .map(|(l, bold)| (wrap(&l, inner, size, bold, 1), bold)),
        );
        // Several places: smaller type, so every one fits above the fold.
        let size = size
            .min((height - 3.0 - y0) / (lines.len() as f64 * lh))
            .max(2.6);
        let mut ty = y0;
        for (l, bold) in &lines {
            if ty + size * lh > height - 3.0 {
                break;
            }
            ty = svg.lines(margin, ty, size, lh, Anchor::Start, *bold, INK, l);
        }
    }
    Ok(qr_box)
}

#[derive(Clone, Copy)]
enum Anchor {
    Start,
    Middle,
    End,
}

/// Numbers for SVG: at most two decimals, no trailing zeros.
fn n(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

struct Svg {
    out: String,
}

impl Svg {
    fn new(width: f64, height: f64, title: &str) -> Svg {
        let mut out = String::with_capacity(16 * 1024);
        let _ = write!(
            out,
            r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}" xml:lang="vi" font-family="{FONT_STACK}"><title>{title}</title><rect width="{w}" height="{h}" fill="#fff"/>"##,
            w = n(width),
            h = n(height),
            title = xml_escape(title),
        );
        Svg { out }
    }

    fn fragment() -> Svg {
        Svg { out: String::new() }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f64,
        baseline: f64,
        size: f64,
        anchor: Anchor,
        bold: bool,
        fill: &str,
        text: &str,
    ) {
        let anchor = match anchor {
            Anchor::Start => "",
            Anchor::Middle => r#" text-anchor="middle""#,
            Anchor::End => r#" text-anchor="end""#,
        };
        let weight = if bold { r#" font-weight="700""# } else { "" };
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{fill}"{anchor}{weight}>{}</text>"#,
            n(x),
            n(baseline),
            n(size),
            xml_escape(text)
        );
    }

    /// Writes `lines` whose first line's box starts at `top`; returns the
    /// bottom of the last line.
    #[allow(clippy::too_many_arguments)]
    fn lines(
        &mut self,
        x: f64,
        top: f64,
        size: f64,
        line_height: f64,
        anchor: Anchor,
        bold: bool,
        fill: &str,
        lines: &[String],
    ) -> f64 {
        let mut y = top;
        for line in lines {
            // Baseline about 0.9 em below the top of a line box.
            self.text(x, y + size * 0.95, size, anchor, bold, fill, line);
            y += size * line_height;
        }
        y
    }

    fn qr(&mut self, matrix: &QrMatrix, x: f64, y: f64, box_mm: f64) {
        self.qr_with_path(&qr_svg_path(matrix), matrix.size(), x, y, box_mm);
    }

    /// The QR code in module units, scaled to `box_mm` (quiet zone included).
    fn qr_with_path(&mut self, path: &str, modules: usize, x: f64, y: f64, box_mm: f64) {
        let body =
            format!(r##"<path class="qr" fill="#000" shape-rendering="crispEdges" d="{path}"/>"##);
        self.qr_group(&body, modules, x, y, box_mm);
    }

    /// Defines the QR path once, for [`Svg::qr_use`] (a sheet of stickers
    /// stays small enough for a live preview on a cheap phone).
    fn qr_definition(&mut self, path: &str) {
        let _ = write!(
            self.out,
            r##"<defs><path id="{QR_ID}" class="qr" fill="#000" shape-rendering="crispEdges" d="{path}"/></defs>"##
        );
    }

    fn qr_use(&mut self, modules: usize, x: f64, y: f64, box_mm: f64) {
        // Both spellings of href: SVG 2 and the older renderers in Inkscape / librsvg.
        let body = format!(r##"<use href="#{QR_ID}" xlink:href="#{QR_ID}"/>"##);
        self.qr_group(&body, modules, x, y, box_mm);
    }

    fn qr_group(&mut self, body: &str, modules: usize, x: f64, y: f64, box_mm: f64) {
        let scale = box_mm / modules as f64;
        let _ = write!(
            self.out,
            r##"<g class="qr-code" transform="translate({} {}) scale({})"><rect width="{modules}" height="{modules}" fill="#fff"/>{body}</g>"##,
            n(x),
            n(y),
            scale
        );
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, width: f64) {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"/>"#,
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            n(width)
        );
    }

    fn dashed_line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64) {
        let _ = write!(
            self.out,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#999" stroke-width="0.3" stroke-dasharray="3 2"/>"##,
            n(x1),
            n(y1),
            n(x2),
            n(y2)
        );
    }

    fn cut_rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        let _ = write!(
            self.out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#ccc" stroke-width="0.2" stroke-dasharray="1.5 1.5"/>"##,
            n(x),
            n(y),
            n(w),
            n(h)
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, radius: f64, stroke: &str, width: f64) {
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="none" stroke="{stroke}" stroke-width="{}"/>"#,
            n(x),
            n(y),
            n(w),
            n(h),
            n(radius),
            n(width)
        );
    }

    fn circle(&mut self, cx: f64, cy: f64, r: f64, fill: &str) {
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"/>"#,
            n(cx),
            n(cy),
            n(r)
        );
    }
}
