//! Takes the indentation out of a rendered HTML page: the spaces and tabs after each line
//! break, and empty lines. A browser shows a run of white space with a line break in it as one
//! space, as it shows the line break alone, so the page looks and reads the same; only the
//! text of `<pre>`, `<textarea>`, `<script>` and `<style>`, where white space can count, is
//! kept as it was. Templates stay indented for the people who read them.

/// Elements whose text is kept byte for byte.
const RAW: [&[u8]; 4] = [b"pre", b"textarea", b"script", b"style"];

/// `html` without indentation and empty lines outside the [`RAW`] elements.
pub(crate) fn strip(html: &mut Vec<u8>) {
    let mut w = 0;
    let mut r = 0;
    while r < html.len() {
        let b = html[r];
        html[w] = b;
        w += 1;
        r += 1;
        if b == b'\n' {
            while r < html.len() && matches!(html[r], b' ' | b'\t' | b'\n' | b'\r') {
                r += 1;
            }
        } else if b == b'<'
            && let Some(name) = raw_element(&html[r..])
        {
            let end = closing_tag(&html[r..], name).map_or(html.len(), |at| r + at);
            html.copy_within(r..end, w);
            w += end - r;
            r = end;
        }
    }
    html.truncate(w);
}

/// The [`RAW`] element whose start tag `rest` (the text after a `<`) begins with.
fn raw_element(rest: &[u8]) -> Option<&'static [u8]> {
    RAW.into_iter().find(|name| {
        rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name)
            && matches!(rest[name.len()], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    })
}

/// Where `</name` starts in `text`, whatever its case.
fn closing_tag(text: &[u8], name: &[u8]) -> Option<usize> {
    text.windows(name.len() + 2)
        .position(|w| w[..2] == *b"</" && w[2..].eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(html: &str) -> String {
        let mut bytes = html.as_bytes().to_vec();
        strip(&mut bytes);
        String::from_utf8(bytes).expect("still UTF-8")
    }

    #[test]
    fn indentation_and_empty_lines_go() {
        assert_eq!(
            stripped("<ul>\n  <li>a</li>\n\n\t<li>b</li>\n</ul>\n"),
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        );
    }

    #[test]
    fn spaces_without_a_line_break_stay() {
        assert_eq!(stripped("<p>a  <b>b</b> c</p>"), "<p>a  <b>b</b> c</p>");
        assert_eq!(stripped("<p>a  \n  b</p>"), "<p>a  \nb</p>");
    }

    #[test]
    fn preformatted_text_scripts_and_styles_keep_their_spaces() {
        for html in [
            "<pre>\n  x\n\n    y\n</pre>",
            "<PRE class=\"c\">\n  x</PRE>",
            "<textarea>\n  x\n</textarea>",
            "<script>\n  var s = `\n  x`;\n</script>",
            "<style>\n  p { }\n</style>",
        ] {
            assert_eq!(stripped(html), html);
        }
        assert_eq!(
            stripped("<div>\n  <pre>\n  x\n</pre>\n  <p>y</p>\n</div>"),
            "<div>\n<pre>\n  x\n</pre>\n<p>y</p>\n</div>"
        );
    }

    #[test]
    fn a_name_that_only_begins_like_a_raw_element_is_not_one() {
        assert_eq!(stripped("<prefix>\n  x</prefix>"), "<prefix>\nx</prefix>");
        assert_eq!(stripped("<p>\n  x</p>"), "<p>\nx</p>");
    }

    #[test]
    fn an_unclosed_raw_element_keeps_the_rest() {
        assert_eq!(stripped("<pre>\n  x\n  y"), "<pre>\n  x\n  y");
    }

    #[test]
    fn multibyte_text_survives() {
        assert_eq!(
            stripped("<p>\n  Zuilenstein – één</p>"),
            "<p>\nZuilenstein – één</p>"
        );
    }
}
