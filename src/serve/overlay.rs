//! Build errors as HTML, in the site's language: the overlay that open pages show over the
//! last good site, and the page every request gets while the site has never built.

use std::path::Path;

use crate::config::Lang;
use crate::diagnostic::Diagnostics;
use crate::ground::text::escape;
use crate::words::messages::{self, Args};

/// The overlay box, styled as reload.js styles the one it makes.
const BOX_STYLE: &str = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 ui-monospace,monospace;padding:2rem";

/// The answer to a request for a host name that is not this machine's, in `lang`.
pub(crate) fn other_host(lang: Lang, address: &str) -> String {
    messages::text(
        lang,
        "overlay-other-host",
        &Args::new().text("address", address),
    )
}

/// The overlay's inner HTML: a heading and one block per problem, in the same words as the
/// terminal, with paths from the site folder. `served` says whether a last good version of
/// the site is being served.
pub(crate) fn html(errs: &Diagnostics, lang: Lang, served: bool) -> String {
    let mut files: Vec<_> = errs
        .0
        .iter()
        .filter_map(|d| d.at.as_ref())
        .map(|a| &a.path)
        .collect();
    files.sort();
    files.dedup();
    let heading = messages::text(
        lang,
        "overlay-heading",
        &Args::new().number("n", files.len().max(1)),
    );
    let state = if served {
        "overlay-still-served"
    } else {
        "overlay-not-built"
    };
    let mut out = format!(
        "<h2 style=\"margin-top:0;color:#ff8a80\">{}; {}</h2>",
        escape(&heading),
        escape(&messages::text(lang, state, &Args::new()))
    );
    for d in &errs.0 {
        out.push_str(
            "<pre style=\"white-space:pre-wrap;border-left:4px solid #ff8a80;padding-left:1rem\">",
        );
        out.push_str(&escape(&d.render_plain(Path::new(""), lang)));
        out.push_str("</pre>");
    }
    out
}

/// A whole page showing `overlay` (from [`html`]), for every page request while the site has
/// never built. It carries the live reload script (`build`: the hub's build number), which
/// reloads it once the site builds.
pub(crate) fn page(overlay: &str, lang: Lang, build: u64) -> String {
    let title = messages::text(lang, "overlay-title", &Args::new());
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — plein</title>\n</head>\n<body data-plein-errors>\n\
         <div id=\"plein-error-overlay\" role=\"alertdialog\" aria-label=\"{}\" style=\"{BOX_STYLE}\">\
         {overlay}</div>\n{}\n</body>\n</html>\n",
        lang.code(),
        escape(&title),
        escape(&title),
        super::http::reload_script(build),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Problem};

    fn one_error() -> Diagnostics {
        Diagnostics(vec![Diagnostic::at(
            Path::new("content/stories/a.md"),
            "---\n<b>x\n",
            2,
            1,
            Problem::NoFrontMatter,
        )])
    }

    #[test]
    fn overlay_escapes_and_names_the_place() {
        let html = html(&one_error(), Lang::En, true);
        assert!(
            html.contains(">content/stories/a.md:2:1: error: "),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;x"));
        assert!(html.contains("Something is wrong in 1 file; the last good version stays visible"));
    }

    #[test]
    fn the_errors_page_speaks_the_site_language_and_reloads() {
        let overlay = html(&one_error(), Lang::Nl, false);
        assert!(
            overlay.contains("Er is iets mis in 1 bestand; de site kan nog niet gemaakt worden")
        );
        assert!(overlay.contains(":2:1: fout: het bestand begint niet met een regel `---`"));
        let page = page(&overlay, Lang::Nl, 0);
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assert!(page.contains("<title>Problemen in de site — plein</title>"));
        assert!(page.contains("<body data-plein-errors>"));
        assert!(page.contains(&overlay));
        assert!(page.contains(&crate::serve::http::reload_script(0)));
    }
}
