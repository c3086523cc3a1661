//! Text as plein reads it, the same for content files, plein.yaml and the theme.

/// Text without a byte order mark and with `\n` line ends.
pub(crate) fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// The name under which built-in theme files appear in messages.
/// `text` safe in HTML text and inside a double-quoted attribute.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub(crate) const BUILT_IN: &str = "(built-in theme buurt)";
