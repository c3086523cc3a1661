//! The share row of a story or event page: the page's own address, and WhatsApp and e-mail
//! links that carry its title and address. Plain links, no script from another host.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

/// Where the share row's links go.
#[derive(Serialize, Hash)]
pub(crate) struct ShareView {
    /// The page's absolute address, to copy.
    pub url: String,
    /// `https://wa.me/?text=`: WhatsApp's own link to share a text.
    pub whatsapp: String,
    /// `mailto:?subject=…&body=…`: a new e-mail with the title and the address.
    pub email: String,
}

impl ShareView {
    pub(crate) fn of(title: &str, url: String) -> ShareView {
        let text = format!("{title} {url}");
        ShareView {
            whatsapp: format!("https://wa.me/?text={}", encode(&text)),
            email: format!("mailto:?subject={}&body={}", encode(title), encode(&url)),
            url,
        }
    }
}

/// What a query value must encode: all but RFC 3986's unreserved characters.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `text` percent-encoded as a query value.
fn encode(text: &str) -> String {
    utf8_percent_encode(text, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_address_are_encoded() {
        let s = ShareView::of("Koffie & taart?", "https://wijk.nl/a/".into());
        assert_eq!(
            s.whatsapp,
            "https://wa.me/?text=Koffie%20%26%20taart%3F%20https%3A%2F%2Fwijk.nl%2Fa%2F"
        );
        assert_eq!(
            s.email,
            "mailto:?subject=Koffie%20%26%20taart%3F&body=https%3A%2F%2Fwijk.nl%2Fa%2F"
        );
    }
}
