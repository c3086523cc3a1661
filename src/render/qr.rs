//! QR codes for the printed buurtkrant: an address as an inline SVG a phone camera can read.
//!
//! Encoded by the `qrcode` crate; drawn here as one `<path>`, so the page needs no image file
//! and no script, and the code prints sharp at any size.

use std::fmt::Write;

use qrcode::{Color, EcLevel, QrCode};

use crate::ground::text::escape;

/// The quiet zone around the code, in modules, as the QR standard asks.
const QUIET: usize = 4;

/// An inline `<svg>` of the QR code for `url`, labelled with `label` (already text, escaped
/// here); `None` when the address is too long for a QR code.
pub(crate) fn svg(url: &str, label: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let size = width + 2 * QUIET;
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            let _ = write!(path, "M{x} {y}h1v1h-1z");
        }
    }
    Some(format!(
        "<svg class=\"qr\" viewBox=\"0 0 {size} {size}\" width=\"{size}\" height=\"{size}\" role=\"img\" aria-label=\"{}\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
        escape(label)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_becomes_a_square_svg_with_a_quiet_zone() {
        let url = "https://wijk.example.nl/verhalen/kom-koken/";
        let svg = svg(url, "QR-code: \"x\" & y").expect("a QR code");
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).unwrap();
        let size = code.width() + 8;
        assert!(svg.starts_with(&format!("<svg class=\"qr\" viewBox=\"0 0 {size} {size}\"")));
        assert!(svg.contains("aria-label=\"QR-code: &quot;x&quot; &amp; y\""));
        let dark = code
            .to_colors()
            .iter()
            .filter(|&&c| c == Color::Dark)
            .count();
        assert_eq!(svg.matches("h1v1h-1z").count(), dark);
        // The finder pattern's top-left module sits just inside the quiet zone.
        assert!(svg.contains("d=\"M4 4h1v1h-1z"));
    }
}
