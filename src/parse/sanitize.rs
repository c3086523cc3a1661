//! Raw HTML in Markdown, cleaned with an allow-list unless the site trusts its editors.
//!
//! pulldown-cmark hands raw HTML over as `Event::Html` (lines of an HTML block) and
//! `Event::InlineHtml` (one tag in running text). [`Cleaner`] reads those chunks, keeps the
//! tags and attributes of a small allow-list, drops everything else (scripts, styles, frames,
//! event handlers, `javascript:` URLs, comments) and closes every raw tag it lets through
//! before the Markdown element around it ends, so the page's tags stay balanced. Its stack
//! of open tags spans the whole document: a `<details>` in one HTML block, Markdown after a
//! blank line and `</details>` in a later block make one box, as in a browser.
//! It knows nothing of the site: only HTML text in, HTML text out.

use crate::ground::text::escape;
use crate::ground::url::{decode, safe_url};

/// Tags kept in running text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var", "wbr",
];

/// Tags kept in an HTML block, besides the inline ones.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Block tags that may hold only running text: no block tag is kept inside them.
const PHRASING_ONLY: &[&str] = &["p", "h2", "h3", "h4", "h5", "h6", "summary", "dt", "pre"];

/// Elements without an end tag.
const VOID: &[&str] = &["br", "hr", "img", "wbr"];

/// Elements dropped with everything inside them.
const DROP_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "title",
    "xmp", "noembed", "noframes", "svg", "math", "select", "frameset", "frame", "applet",
];

/// Attributes kept on any allowed tag. Not `id`: raw HTML must not clobber the ids the
/// theme and its scripts rely on (headings get their ids from plein).
const ATTRIBUTES: &[&str] = &[
    "href", "src", "alt", "title", "width", "height", "lang", "dir", "cite", "datetime", "colspan",
    "rowspan", "start", "reversed", "value", "class", "open",
];

/// Attributes holding a URL, whose scheme must be one of [`SCHEMES`](crate::ground::url::SCHEMES).
const URL_ATTRIBUTES: &[&str] = &["href", "src", "cite"];

/// Cleans the raw HTML of one document, chunk by chunk, in order.
#[derive(Default)]
pub(crate) struct Cleaner {
    /// Open raw tags, each with the Markdown depth it was opened at.
    open: Vec<(String, usize)>,
    /// Inside a dropped element: its name, how deep in it, and the Markdown depth it began at.
    dropping: Option<(String, usize, usize)>,
    /// Markdown links open around the raw HTML now: a link may not hold a link.
    pub links: usize,
}

impl Cleaner {
    /// Whether text events are inside a dropped element (such as an inline `<script>`).
    pub(crate) fn dropping(&self) -> bool {
        self.dropping.is_some()
    }

    /// Whether a raw `<a>` is open, so a Markdown link now would be a link in a link.
    pub(crate) fn in_raw_link(&self) -> bool {
        self.open.iter().any(|(n, _)| n == "a")
    }

    /// Whether `name` may open here: not a block in running text, not a link in a link.
    fn fits(&self, name: &str, block: bool) -> bool {
        let in_text = !block
            || self
                .open
                .iter()
                .any(|(n, _)| PHRASING_ONLY.contains(&n.as_str()));
        let link_in_link = name == "a" && (self.links > 0 || self.in_raw_link());
        (INLINE.contains(&name) || (!in_text && BLOCK.contains(&name))) && !link_in_link
    }

    /// Clean one chunk of raw HTML found at Markdown `depth`; `block` for HTML blocks.
    pub(crate) fn clean(&mut self, html: &str, depth: usize, block: bool) -> String {
        let mut out = String::new();
        let mut rest = html;
        while !rest.is_empty() {
            let Some(lt) = rest.find('<') else {
                self.text(rest, &mut out);
                break;
            };
            self.text(&rest[..lt], &mut out);
            rest = &rest[lt..];
            match Token::read(rest) {
                Some((token, len)) => {
                    self.token(token, depth, block, &mut out);
                    rest = &rest[len..];
                }
                None => {
                    if self.dropping.is_none() {
                        out.push_str("&lt;");
                    }
                    rest = &rest[1..];
                }
            }
        }
        out
    }

    /// The end tags of raw tags opened at `depth`, for when the Markdown element there ends.
    pub(crate) fn close(&mut self, depth: usize) -> String {
        let mut out = String::new();
        while self.open.last().is_some_and(|(_, d)| *d >= depth) {
            let (name, _) = self.open.pop().expect("checked");
            out.push_str(&format!("</{name}>"));
        }
        if self.dropping.as_ref().is_some_and(|(_, _, d)| *d >= depth) {
            self.dropping = None;
        }
        out
    }

    /// The end tags for a Markdown block that starts now: raw elements that hold only
    /// running text (`<p>`, `<pre>`, `<summary>`) end before it, as `<p>` ends in a browser.
    pub(crate) fn block_starts(&mut self) -> String {
        let mut out = String::new();
        if let Some(first) = self
            .open
            .iter()
            .position(|(n, _)| PHRASING_ONLY.contains(&n.as_str()))
        {
            for (name, _) in self.open.drain(first..).rev() {
                out.push_str(&format!("</{name}>"));
            }
        }
        out
    }

    /// An HTML block ended: an element dropped with its content (an `<iframe>` left open)
    /// ends with it, while the tags it opened stay open for the blocks that follow.
    pub(crate) fn block_ends(&mut self) {
        self.dropping = None;
    }

    fn text(&self, text: &str, out: &mut String) {
        if self.dropping.is_none() {
            out.push_str(&text.replace('>', "&gt;"));
        }
    }

    fn token(&mut self, token: Token, depth: usize, block: bool, out: &mut String) {
        if let Some((name, level, _)) = &mut self.dropping {
            match token {
                Token::Start { name: n, .. } if n == *name => *level += 1,
                Token::End(n) if n == *name => {
                    *level -= 1;
                    if *level == 0 {
                        self.dropping = None;
                    }
                }
                _ => {}
            }
            return;
        }
        match token {
            Token::Start {
                name,
                attributes,
                self_closing,
            } => {
                if DROP_WITH_CONTENT.contains(&name.as_str()) {
                    if !self_closing {
                        self.dropping = Some((name, 1, depth));
                    }
                    return;
                }
                if !self.fits(&name, block) {
                    return;
                }
                out.push('<');
                out.push_str(&name);
                for (key, value) in attributes {
                    if keep_attribute(&key, &value) {
                        out.push_str(&format!(" {key}=\"{}\"", escape(&value)));
                    }
                }
                out.push('>');
                if !VOID.contains(&name.as_str()) {
                    self.open.push((name, depth));
                }
            }
            Token::End(name) => {
                // As browsers do, an end tag also closes what is still open inside its
                // element; but only raw tags opened at this Markdown depth, so raw HTML never
                // closes an element around the Markdown it sits in.
                let mut here = self.open.iter().rev().take_while(|(_, d)| *d == depth);
                if let Some(inside) = here.position(|(n, _)| *n == name) {
                    for _ in 0..=inside {
                        let (name, _) = self.open.pop().expect("counted");
                        out.push_str(&format!("</{name}>"));
                    }
                }
            }
            Token::Other => {}
        }
    }
}

fn keep_attribute(key: &str, value: &str) -> bool {
    ATTRIBUTES.contains(&key) && (!URL_ATTRIBUTES.contains(&key) || safe_url(value))
}

/// One piece of markup starting with `<`.
enum Token {
    Start {
        name: String,
        attributes: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
    /// A comment, doctype, processing instruction or CDATA section: dropped.
    Other,
}

impl Token {
    /// The token at the start of `s` (which starts with `<`) and its length in bytes, or
    /// `None` when the `<` starts no tag and is text.
    fn read(s: &str) -> Option<(Token, usize)> {
        let after = &s[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            let end = comment.find("-->").map_or(s.len(), |i| 4 + i + 3);
            return Some((Token::Other, end));
        }
        if after.starts_with(['!', '?']) {
            let end = s.find('>').map_or(s.len(), |i| i + 1);
            return Some((Token::Other, end));
        }
        if let Some(end_tag) = after.strip_prefix('/') {
            let name = tag_name(end_tag)?;
            let close = s.find('>')?;
            return Some((Token::End(name), close + 1));
        }
        let name = tag_name(after)?;
        let mut i = 1 + name.len();
        let bytes = s.as_bytes();
        let mut attributes = Vec::new();
        loop {
            while i < s.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= s.len() {
                return None;
            }
            if bytes[i] == b'>' {
                let self_closing = bytes[i - 1] == b'/';
                let token = Token::Start {
                    name,
                    attributes,
                    self_closing,
                };
                return Some((token, i + 1));
            }
            let key_len = s[i..]
                .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
                .unwrap_or(s.len() - i);
            let key = s[i..i + key_len].to_ascii_lowercase();
            i += key_len.max(1);
            while i < s.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if i < s.len() && bytes[i] == b'=' {
                i += 1;
                while i < s.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (raw, len) = attribute_value(&s[i..])?;
                value = decode(raw);
                i += len;
            }
            attributes.push((key, value));
        }
    }
}

/// A lower-case tag name at the start of `s`: a letter, then letters, digits or `-`.
fn tag_name(s: &str) -> Option<String> {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let len = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(s.len());
    Some(s[..len].to_ascii_lowercase())
}

/// An attribute value (quoted or not) at the start of `s`, and the bytes it takes.
fn attribute_value(s: &str) -> Option<(&str, usize)> {
    match s.chars().next()? {
        q @ ('"' | '\'') => {
            let end = s[1..].find(q)?;
            Some((&s[1..1 + end], end + 2))
        }
        _ => {
            let end = s
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(s.len());
            Some((&s[..end], end))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ground::url::{IMAGE_SCHEMES, SCHEMES, UrlFault, check_url};

    fn clean(html: &str) -> String {
        let mut c = Cleaner::default();
        let mut out = c.clean(html, 1, true);
        out.push_str(&c.close(0));
        out
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        assert_eq!(clean("<script>alert(1)</script><p>ja</p>"), "<p>ja</p>");
        assert_eq!(
            clean(r#"<img src="x.jpg" onerror="alert(1)" alt="foto">"#),
            r#"<img src="x.jpg" alt="foto">"#
        );
        assert_eq!(clean("<iframe src=\"https://x\"></iframe>"), "");
        assert_eq!(clean("<svg><script>x</script><a>y</a></svg>z"), "z");
        assert_eq!(clean("<!-- <script> -->ok"), "ok");
    }

    #[test]
    fn javascript_urls_are_removed_however_written() {
        for href in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " java\tscript:alert(1)",
            "jav&#x61;script:alert(1)",
            "jav&#97;script:alert(1)",
            "data:text/html,x",
            "vbscript:x",
        ] {
            let out = clean(&format!("<a href=\"{href}\">x</a>"));
            assert_eq!(out, "<a>x</a>", "{href}");
        }
        assert_eq!(
            clean("<a href='javascript&colon;x'>x</a>"),
            "<a>x</a>",
            "named references are read as the browser reads them"
        );
        assert_eq!(
            clean("<a href='javascript&colonx'>x</a>"),
            "<a href=\"javascript&amp;colonx\">x</a>",
            "a `&` that starts no reference stays text, a relative URL to the browser"
        );
        assert!(safe_url("../a.md#b") && safe_url("https://x.nl/?a=b:c") && safe_url("/x:y"));
        assert!(
            safe_url("foo):") && safe_url("ö:x"),
            "not a scheme: relative"
        );
    }

    #[test]
    fn named_references_in_attributes_are_decoded_once() {
        assert_eq!(
            clean(r#"<abbr title="Belgi&euml; &amp; Nederland">BNL</abbr>"#),
            r#"<abbr title="België &amp; Nederland">BNL</abbr>"#
        );
        assert_eq!(
            clean(r#"<abbr title="&notaname; &#x1F600; &#0;">x</abbr>"#),
            "<abbr title=\"&amp;notaname; \u{1F600} \u{FFFD}\">x</abbr>"
        );
    }

    #[test]
    fn front_matter_urls_keep_to_the_same_rules() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "javascript&colon;alert(1)",
            "&#106;avascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
        ] {
            assert!(check_url(bad, SCHEMES).is_err(), "{bad:?}");
            assert!(!safe_url(bad) || bad.contains('&'), "{bad:?}");
        }
        assert_eq!(check_url("java\tscript:x", SCHEMES), Err(UrlFault::Control));
        assert_eq!(
            check_url("https://x\u{85}", SCHEMES),
            Err(UrlFault::Control)
        );
        for good in [
            "https://www.buurtwijs.nl/artikel?a=1&amp;b=2",
            "http://example.org",
            "mailto:ria@koetshuis.nl",
            "tel:+31301234567",
            "/agenda/",
            "../aanmelden/",
            "//example.org/x",
            "foto van de muur.jpg",
        ] {
            assert_eq!(check_url(good, SCHEMES), Ok(()), "{good:?}");
        }
        assert_eq!(
            check_url("mailto:x@y.nl", IMAGE_SCHEMES),
            Err(UrlFault::Scheme)
        );
        assert_eq!(check_url("muur.jpg", IMAGE_SCHEMES), Ok(()));
    }

    #[test]
    fn tags_are_balanced() {
        assert_eq!(clean("<div><em>a</div>"), "<div><em>a</em></div>");
        assert_eq!(clean("</div>x<p>y"), "x<p>y</p>");
        assert_eq!(clean("a < b > c"), "a &lt; b &gt; c");
        assert_eq!(
            clean("<div class=\"x\" style=\"color:red\">"),
            "<div class=\"x\"></div>"
        );
    }

    #[test]
    fn block_tags_stay_out_of_running_text() {
        let mut c = Cleaner::default();
        assert_eq!(c.clean("<div>", 2, false), "");
        assert_eq!(c.clean("<em>", 2, false), "<em>");
        assert_eq!(c.close(2), "</em>");
    }
}
