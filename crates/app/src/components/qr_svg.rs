//! A QR code drawn as SVG elements by Yew (no HTML string is parsed): the
//! module path comes from our own generator (`sotay_poster::qr_svg_path`),
//! and its only input is the link being encoded.

use sotay_poster::{EcLevel, qr_matrix, qr_svg_path};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrSvgProps {
    /// The text to encode (a link).
    pub text: AttrValue,
    /// What the code is, for screen readers.
    pub label: AttrValue,
    #[prop_or(EcLevel::M)]
    pub ec_level: EcLevel,
}

#[function_component]
pub fn QrSvg(props: &QrSvgProps) -> Html {
    let drawn = use_memo((props.text.clone(), props.ec_level), |(text, ec_level)| {
        qr_matrix(text, *ec_level)
            .ok()
            .map(|matrix| (matrix.size(), qr_svg_path(&matrix)))
    });
    let Some((size, path)) = (*drawn).clone() else {
        return Html::default();
    };
    let view_box = format!("0 0 {size} {size}");
    // Safe to inline: Yew sets `d` as an attribute; it is digits and path
    // letters written by our generator, never markup.
    html! {
        <svg class="qr-svg" viewBox={view_box} role="img" aria-label={props.label.clone()}
            xmlns="http://www.w3.org/2000/svg">
            <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
            <path d={path} fill="#000" shape-rendering="crispEdges" />
        </svg>
    }
}
