//! The handout layout in `sotay poster`: every step of the guide, on one A4 page or two
//! (`<name>.svg`, then `<name>-2.svg`), from `sotay_poster::render_handout`.

use sotay_guides::Guide;
use sotay_poster::{HandoutSpec, HandoutStep, Layout, PosterError, PosterSpec, render_svg};

/// Every step of a guide as the handout prints it.
pub fn every_step(guide: &Guide) -> Vec<HandoutStep> {
    guide
        .steps
        .iter()
        .map(|step| HandoutStep {
            title: step.title.clone(),
            text: step.text.clone(),
            warning: step.warning.clone(),
        })
        .collect()
}

/// The page(s) of one sheet: one SVG for a poster layout; for the handout one per page,
/// with every step (`steps`; the key steps when a guide's steps are unknown).
pub fn render_sheets(spec: &PosterSpec, steps: &[HandoutStep]) -> Result<Vec<String>, PosterError> {
    if spec.layout != Layout::Handout {
        return render_svg(spec).map(|svg| vec![svg]);
    }
    let mut handout = HandoutSpec::from_poster(spec);
    if !steps.is_empty() {
        handout.steps = steps.to_vec();
    }
    sotay_poster::render_handout(&handout).map(|handout| handout.pages)
}

/// `name` for the first page, `name` with `-N` before `.svg` for page N.
pub fn page_file_name(name: &str, page: usize) -> String {
    if page <= 1 {
        return name.to_owned();
    }
    match name.strip_suffix(".svg") {
        Some(stem) => format!("{stem}-{page}.svg"),
        None => format!("{name}-{page}"),
    }
}

#[cfg(test)]
mod tests {
    use super::page_file_name;

    #[test]
    fn later_pages_are_numbered() {
        assert_eq!(page_file_name("a_handout.svg", 1), "a_handout.svg");
        assert_eq!(page_file_name("a_handout.svg", 2), "a_handout-2.svg");
    }
}
