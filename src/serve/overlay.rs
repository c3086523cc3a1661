//! Build errors as HTML for the overlay that open pages show while the last good site stays served.

use std::path::Path;

use crate::diagnostic::Diagnostics;

/// The overlay's inner HTML: a heading and one block per error, as in the terminal.
pub fn html(errs: &Diagnostics, root: &Path) -> String {
    let mut out = format!(
        "<h2 style=\"margin-top:0;color:#ff8a80\">plein: {} {} — the last good version is still served</h2>",
        errs.len(),
        if errs.len() == 1 { "error" } else { "errors" }
    );
    for d in &errs.0 {
        out.push_str(
            "<pre style=\"white-space:pre-wrap;border-left:4px solid #ff8a80;padding-left:1rem\">",
        );
        out.push_str(&escape(&d.render_plain(root)));
        out.push_str("</pre>");
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Problem};

    #[test]
    fn overlay_escapes_and_names_the_place() {
        let d = Diagnostic::at(
            Path::new("content/stories/a.md"),
            "---\n<b>x\n",
            2,
            1,
            Problem::NoFrontMatter,
        );
        let html = html(&Diagnostics(vec![d]), Path::new(""));
        assert!(html.contains("content/stories/a.md:2:1"));
        assert!(html.contains("&lt;b&gt;x"));
    }
}
