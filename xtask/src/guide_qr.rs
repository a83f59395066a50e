//! Each guide's QR code for the printed handout (`components/handout.rs`), drawn
//! here at build time so the resident's WASM bundle carries no QR generator: the
//! sheet shows `<base>/qr/<guide-id>.svg` as an image.
//!
//! The files sit outside `assets/` (not content-hashed, so served `no-cache` like
//! pages, see `crates/headers`) and are written after the offline groups are
//! listed, so the service worker never precaches them: offline, the sheet prints
//! with the short link written out instead of the code.

use std::fs;
use std::path::Path;

use sotay_poster::{BaseUrl, EcLevel, guide_url, qr_matrix, qr_svg_path};

use crate::Result;
use crate::run::root;

/// Folder under the site root; the handout builds the same path.
pub const QR_DIR: &str = "qr";

/// Writes `out/qr/<id>.svg` for every guide, encoding the guide's plain link.
pub fn write_guide_codes(out: &Path, base_url: &str) -> Result {
    let base = BaseUrl::parse(base_url)
        .map_err(|error| format!("SOTAY_BASE_URL `{base_url}`: {error}"))?;
    let catalog = sotay_guides::load_dir(
        &root().join("assets/guides"),
        sotay_guides::Date::today_utc(),
    )
    .map_err(|errors| format!("guides do not load: {errors:?}"))?;
    let dir = out.join(QR_DIR);
    fs::create_dir_all(&dir)
        .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
    let mut ids: Vec<&str> = catalog.ids().collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let link = guide_url(&base, Some(id), None);
        let file = dir.join(format!("{id}.svg"));
        fs::write(&file, qr_svg_document(&link)?)
            .map_err(|error| format!("cannot write {}: {error}", file.display()))?;
    }
    Ok(())
}

/// A standalone SVG of the code at error correction Q (a printed sheet gets
/// creased), drawn like the app's `QrSvg`: white square, black modules.
fn qr_svg_document(link: &str) -> Result<String> {
    let matrix =
        qr_matrix(link, EcLevel::Q).map_err(|_| format!("link too long for a QR code: {link}"))?;
    let size = matrix.size();
    let path = qr_svg_path(&matrix);
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\">\
<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
<path d=\"{path}\" fill=\"#000\" shape-rendering=\"crispEdges\"/></svg>\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_holds_the_codes_modules() {
        let link = "https://sotay.example.vn/g/kich-hoat-vneid/";
        let svg = qr_svg_document(link).unwrap();
        let matrix = qr_matrix(link, EcLevel::Q).unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", matrix.size())));
        assert!(svg.contains(&qr_svg_path(&matrix)));
    }
}
