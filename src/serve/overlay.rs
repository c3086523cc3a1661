//! Build errors as HTML, in the site's language: the overlay that open pages show over the
//! last good site, and the page every request gets while the site has never built.

use std::path::Path;

use crate::config::Lang;
use crate::diagnostic::Diagnostics;

/// The overlay box, styled as reload.js styles the one it makes.
const BOX_STYLE: &str = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 ui-monospace,monospace;padding:2rem";

/// What the preview says to the editor, in one language.
pub struct Words {
    /// "1 error" or "2 errors".
    count: fn(usize) -> String,
    /// After the count, while the last good site is served.
    still_served: &'static str,
    /// After the count, while no build has succeeded yet.
    not_built: &'static str,
    /// The title of the page that shows the errors.
    title: &'static str,
    /// The answer to a request for another host name; `{}` is the preview's address.
    other_host: &'static str,
}

impl Words {
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Nl => &Words {
                count: |n| format!("{n} {}", if n == 1 { "fout" } else { "fouten" }),
                still_served: "je ziet nog de laatste versie die wel werkte",
                not_built: "de site kan nog niet gemaakt worden. Verbeter de fout; \
                            daarna laadt deze pagina vanzelf opnieuw",
                title: "Fouten in de site",
                other_host: "plein serve laat de site alleen zien via een IP-adres van deze \
                             computer of via localhost, bijvoorbeeld {}",
            },
            Lang::En => &Words {
                count: |n| format!("{n} {}", if n == 1 { "error" } else { "errors" }),
                still_served: "the last good version is still shown",
                not_built: "the site cannot be built yet. Fix the error and this page \
                            reloads by itself",
                title: "Errors in the site",
                other_host: "plein serve shows the site only at an IP address of this \
                             computer or at localhost, such as {}",
            },
        }
    }

    /// The answer to a request for a host name that is not this machine's.
    pub fn other_host(&self, address: &str) -> String {
        self.other_host.replace("{}", address)
    }
}

/// The overlay's inner HTML: a heading and one block per error, as in the terminal.
/// `served` says whether a last good version of the site is being served.
pub fn html(errs: &Diagnostics, root: &Path, lang: Lang, served: bool) -> String {
    let words = Words::of(lang);
    let mut out = format!(
        "<h2 style=\"margin-top:0;color:#ff8a80\">plein: {} — {}</h2>",
        (words.count)(errs.len()),
        if served {
            words.still_served
        } else {
            words.not_built
        }
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

/// A whole page showing `overlay` (from [`html`]), for every page request while the site has
/// never built. It carries the live reload script (`build`: the hub's build number), which
/// reloads it once the site builds.
pub fn page(overlay: &str, lang: Lang, build: u64) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — plein</title>\n</head>\n<body data-plein-errors>\n\
         <div id=\"plein-error-overlay\" role=\"alertdialog\" aria-label=\"{}\" style=\"{BOX_STYLE}\">\
         {overlay}</div>\n{}\n</body>\n</html>\n",
        lang.code(),
        Words::of(lang).title,
        Words::of(lang).title,
        super::http::reload_script(build),
    )
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
        let html = html(&one_error(), Path::new(""), Lang::En, true);
        assert!(html.contains("content/stories/a.md:2:1"));
        assert!(html.contains("&lt;b&gt;x"));
        assert!(html.contains("1 error — the last good version is still shown"));
    }

    #[test]
    fn the_errors_page_speaks_the_site_language_and_reloads() {
        let overlay = html(&one_error(), Path::new(""), Lang::Nl, false);
        assert!(overlay.contains("1 fout — de site kan nog niet gemaakt worden"));
        let page = page(&overlay, Lang::Nl, 0);
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assert!(page.contains("<title>Fouten in de site — plein</title>"));
        assert!(page.contains("<body data-plein-errors>"));
        assert!(page.contains(&overlay));
        assert!(page.contains(&crate::serve::http::reload_script(0)));
    }
}
