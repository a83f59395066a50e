//! The handout ([`Layout::Handout`](super::Layout::Handout)): a guide on A4 in large type,
//! every step with its text, the help point and a QR code, for a resident without a
//! smartphone (a relative's phone scans the code). One page, or two for a long guide.
//!
//! A child of `layout` so it draws with the same SVG writer, colours and help-point lines
//! as the posters. Its words are the app's own (`assets/ui/vi/handout.toml`), so the page
//! printed from a guide in the browser and this one say the same.

use sotay_text::{Lang, ui::handout as words};

use super::{
    ACCENT, Anchor, BRAND_VI, INK, PosterError, PosterSpec, RenderedPage, Svg, check_module_size,
    help_lines,
};
use crate::link::display_link;
use crate::profile::CommuneProfile;
use crate::qr::{EcLevel, QrMatrix, qr_matrix};
use crate::text::wrap;

/// One step as the handout prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoutStep {
    pub title: String,
    /// Plain text; a blank line separates paragraphs.
    pub text: String,
    /// Printed in bold after "Chú ý:".
    pub warning: Option<String>,
}

/// Everything on a handout.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoutSpec {
    pub title: String,
    pub steps: Vec<HandoutStep>,
    /// The guide's link, e.g. from [`crate::guide_url`], for the QR code.
    pub url: String,
    pub profile: Option<CommuneProfile>,
}

impl HandoutSpec {
    /// A handout of a poster's steps (titles only), for [`super::render`].
    pub fn from_poster(spec: &PosterSpec) -> HandoutSpec {
        HandoutSpec {
            title: spec.title.clone(),
            steps: spec
                .key_steps
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(|title| HandoutStep {
                    title: title.to_owned(),
                    text: String::new(),
                    warning: None,
                })
                .collect(),
            url: spec.url.clone(),
            profile: spec.profile.clone(),
        }
    }
}

/// A rendered handout: one SVG document per A4 page, the QR code on the first.
#[derive(Debug, Clone, PartialEq)]
pub struct Handout {
    pub pages: Vec<String>,
    /// Body text size in mm (5 mm is about 14 pt).
    pub body_mm: f64,
    /// Printed width of the QR code (quiet zone excluded), in mm.
    pub qr_width_mm: f64,
}

const WIDTH: f64 = 210.0;
const HEIGHT: f64 = 297.0;
const MARGIN: f64 = 14.0;
const CONTENT: f64 = WIDTH - 2.0 * MARGIN;
/// The QR code's box, quiet zone included: read from a phone held 30–40 cm away.
const QR_BOX: f64 = 44.0;
const LINE_HEIGHT: f64 = 1.3;
/// Body sizes tried in turn (mm; 5.4 ≈ 15 pt, 4.6 ≈ 13 pt): the largest that puts the
/// guide on one page, else the largest that puts it on two.
const BODY_SIZES: [f64; 3] = [5.4, 5.0, 4.6];
/// A guide too long for two pages at 13 pt flows on at this size.
const SMALLEST_BODY: f64 = 4.2;
const BRAND_SIZE: f64 = 4.0;
const FOOTER: f64 = 7.0;

/// Renders the handout: one page when the guide fits at 13 pt or larger, else two (a
/// guide longer than that flows on at 12 pt).
pub fn render_handout(spec: &HandoutSpec) -> Result<Handout, PosterError> {
    let matrix = qr_matrix(&spec.url, EcLevel::Q)?;
    check_module_size(spec.profile.as_ref(), &matrix, QR_BOX)?;
    let laid_out: Vec<(f64, Vec<Vec<Placed>>)> = BODY_SIZES
        .iter()
        .map(|&size| (size, lay_out(spec, size)))
        .collect();
    let (body, pages) = laid_out
        .iter()
        .find(|(_, pages)| pages.len() == 1)
        .or_else(|| laid_out.iter().find(|(_, pages)| pages.len() <= 2))
        .cloned()
        .unwrap_or_else(|| (SMALLEST_BODY, lay_out(spec, SMALLEST_BODY)));
    let total = pages.len();
    let svgs = pages
        .iter()
        .enumerate()
        .map(|(index, rows)| draw_page(spec, &matrix, index, total, rows))
        .collect();
    Ok(Handout {
        pages: svgs,
        body_mm: body,
        qr_width_mm: QR_BOX * matrix.code_size() as f64 / matrix.size() as f64,
    })
}

/// The first page of a poster spec's handout (see [`HandoutSpec::from_poster`]).
pub(super) fn first_page(spec: &PosterSpec) -> Result<RenderedPage, PosterError> {
    let handout = render_handout(&HandoutSpec::from_poster(spec))?;
    Ok(RenderedPage {
        svg: handout.pages.into_iter().next().unwrap_or_default(),
        qr_width_mm: handout.qr_width_mm,
    })
}

/// One line of text to draw.
#[derive(Debug, Clone)]
struct Row {
    indent: f64,
    size: f64,
    bold: bool,
    fill: &'static str,
    text: String,
    gap_before: f64,
    /// The step number drawn in a circle beside this (first) line of a step.
    number: Option<usize>,
    /// Inside the help point's frame.
    framed: bool,
}

impl Row {
    fn height(&self) -> f64 {
        self.gap_before + self.size * LINE_HEIGHT
    }
}

/// A row and the top of its line box on the page.
#[derive(Debug, Clone)]
struct Placed {
    top: f64,
    row: Row,
}

fn step_rows(number: usize, step: &HandoutStep, body: f64) -> Vec<Row> {
    let title_size = body * 1.12;
    let indent = title_size * 2.0;
    let width = CONTENT - indent;
    let row = |text: String, size: f64, bold: bool, gap_before: f64| Row {
        indent,
        size,
        bold,
        fill: INK,
        text,
        gap_before,
        number: None,
        framed: false,
    };
    let mut rows: Vec<Row> = wrap(&step.title, width, title_size, true, 0)
        .into_iter()
        .map(|line| row(line, title_size, true, 0.0))
        .collect();
    if let Some(first) = rows.first_mut() {
        first.number = Some(number);
        first.gap_before = body * 0.9;
    }
    let paragraphs = step
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty());
    for paragraph in paragraphs {
        for (index, line) in wrap(paragraph, width, body, false, 0)
            .into_iter()
            .enumerate()
        {
            let gap = if index == 0 { body * 0.3 } else { 0.0 };
            rows.push(row(line, body, false, gap));
        }
    }
    if let Some(warning) = step.warning.as_deref().map(str::trim)
        && !warning.is_empty()
    {
        let text = format!("{} {warning}", words::WARNING_LABEL.get(Lang::Vi));
        for (index, line) in wrap(&text, width, body, true, 0).into_iter().enumerate() {
            let gap = if index == 0 { body * 0.3 } else { 0.0 };
            rows.push(row(line, body, true, gap));
        }
    }
    rows
}

fn help_rows(profile: &CommuneProfile, body: f64) -> Vec<Row> {
    let pad = 4.0;
    let width = CONTENT - 2.0 * pad;
    let row = |text: String, bold: bool, fill: &'static str, gap_before: f64| Row {
        indent: pad,
        size: body,
        bold,
        fill,
        text,
        gap_before,
        number: None,
        framed: true,
    };
    let mut rows = vec![row(
        words::HELP_HEADING.get(Lang::Vi).to_owned(),
        true,
        ACCENT,
        body * 1.2 + pad,
    )];
    for (line, bold) in help_lines(profile) {
        rows.extend(
            wrap(&line, width, body, bold, 3)
                .into_iter()
                .map(|text| row(text, bold, INK, 0.0)),
        );
    }
    rows
}

/// Height of the first page's head: brand, then the title, the intro and the QR code's
/// caption beside the QR code.
fn head_height(spec: &HandoutSpec) -> f64 {
    let (title, intro, caption, link) = head_text(spec);
    let left = title.len() as f64 * TITLE_SIZE * LINE_HEIGHT
        + 2.0
        + intro.len() as f64 * INTRO_SIZE * LINE_HEIGHT
        + 2.0
        + caption.len() as f64 * CAPTION_SIZE * LINE_HEIGHT
        + link.len() as f64 * LINK_SIZE * LINE_HEIGHT;
    BRAND_SIZE * 1.8 + left.max(QR_BOX) + 2.0
}

const TITLE_SIZE: f64 = 8.5;
const INTRO_SIZE: f64 = 4.6;
const CAPTION_SIZE: f64 = 4.2;
const LINK_SIZE: f64 = 4.0;
const HEAD_GAP: f64 = 5.0;

/// Title, intro, the QR code's caption and the short link, wrapped beside the code.
fn head_text(spec: &HandoutSpec) -> (Vec<String>, Vec<String>, Vec<String>, Vec<String>) {
    let width = CONTENT - QR_BOX - HEAD_GAP;
    (
        wrap(&spec.title, width, TITLE_SIZE, true, 4),
        wrap(words::INTRO.get(Lang::Vi), width, INTRO_SIZE, false, 3),
        wrap(
            words::QR_CAPTION.get(Lang::Vi),
            width,
            CAPTION_SIZE,
            true,
            3,
        ),
        wrap(display_link(&spec.url), width, LINK_SIZE, false, 2),
    )
}

fn continued_title(spec: &HandoutSpec) -> Vec<String> {
    wrap(
        &words::continued(Lang::Vi, &spec.title),
        CONTENT,
        5.4,
        true,
        2,
    )
}

/// The rows of every step and the help point, on as many pages as they need. Steps are
/// kept whole on a page (unless one is longer than a page); the help point too.
fn lay_out(spec: &HandoutSpec, body: f64) -> Vec<Vec<Placed>> {
    let mut blocks: Vec<Vec<Row>> = spec
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| step_rows(index + 1, step, body))
        .collect();
    if let Some(profile) = &spec.profile {
        blocks.push(help_rows(profile, body));
    }
    let first_top = MARGIN + head_height(spec);
    let next_top = MARGIN + BRAND_SIZE * 1.8 + continued_title(spec).len() as f64 * 5.4 * 1.25;
    let bottom = HEIGHT - MARGIN - FOOTER;
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = first_top;
    for block in blocks {
        let height: f64 = block.iter().map(Row::height).sum();
        let started = pages.last().is_some_and(|page| !page.is_empty());
        if started && y + height > bottom && height <= bottom - next_top {
            pages.push(Vec::new());
            y = next_top;
        }
        for row in block {
            if y + row.height() > bottom && pages.last().is_some_and(|page| !page.is_empty()) {
                pages.push(Vec::new());
                y = next_top;
            }
            let top = y + row.gap_before;
            y += row.height();
            if let Some(page) = pages.last_mut() {
                page.push(Placed { top, row });
            }
        }
    }
    pages
}

fn draw_page(
    spec: &HandoutSpec,
    matrix: &QrMatrix,
    index: usize,
    total: usize,
    rows: &[Placed],
) -> String {
    let mut svg = Svg::new(WIDTH, HEIGHT, &spec.title);
    let mut y = MARGIN + BRAND_SIZE;
    svg.text(MARGIN, y, BRAND_SIZE, Anchor::Start, true, ACCENT, BRAND_VI);
    y += BRAND_SIZE * 0.6;
    svg.line(MARGIN, y, WIDTH - MARGIN, y, ACCENT, 0.5);
    let head_top = MARGIN + BRAND_SIZE * 1.8;
    if index == 0 {
        let (title, intro, caption, link) = head_text(spec);
        let mut y = svg.lines(
            MARGIN,
            head_top,
            TITLE_SIZE,
            LINE_HEIGHT,
            Anchor::Start,
            true,
            INK,
            &title,
        );
        y = svg.lines(
            MARGIN,
            y + 2.0,
            INTRO_SIZE,
            LINE_HEIGHT,
            Anchor::Start,
            false,
            INK,
            &intro,
        );
        y = svg.lines(
            MARGIN,
            y + 2.0,
            CAPTION_SIZE,
            LINE_HEIGHT,
            Anchor::Start,
            true,
            ACCENT,
            &caption,
        );
        svg.lines(
            MARGIN,
            y,
            LINK_SIZE,
            LINE_HEIGHT,
            Anchor::Start,
            false,
            ACCENT,
            &link,
        );
        svg.qr(matrix, WIDTH - MARGIN - QR_BOX, head_top, QR_BOX);
    } else {
        svg.lines(
            MARGIN,
            head_top,
            5.4,
            1.25,
            Anchor::Start,
            true,
            INK,
            &continued_title(spec),
        );
    }

    for placed in rows {
        let row = &placed.row;
        if let Some(number) = row.number {
            let r = row.size * 0.75;
            svg.circle(MARGIN + r, placed.top + r * 0.9, r, ACCENT);
            svg.text(
                MARGIN + r,
                placed.top + r * 0.9 + row.size * 0.35,
                row.size,
                Anchor::Middle,
                true,
                "#fff",
                &number.to_string(),
            );
        }
        svg.lines(
            MARGIN + row.indent,
            placed.top,
            row.size,
            LINE_HEIGHT,
            Anchor::Start,
            row.bold,
            row.fill,
            std::slice::from_ref(&row.text),
        );
    }
    // The help point's frame around its rows (always on one page).
    let framed: Vec<&Placed> = rows.iter().filter(|p| p.row.framed).collect();
    if let (Some(first), Some(last)) = (framed.first(), framed.last()) {
        let top = first.top - 3.0;
        let bottom = last.top + last.row.size * LINE_HEIGHT + 2.0;
        svg.rect(MARGIN, top, CONTENT, bottom - top, 2.0, ACCENT, 0.6);
    }
    if total > 1 {
        svg.text(
            WIDTH - MARGIN,
            HEIGHT - MARGIN,
            3.6,
            Anchor::End,
            false,
            INK,
            &words::page_of(Lang::Vi, index + 1, total),
        );
    }
    svg.finish()
}
