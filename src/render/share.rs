//! The share row of a story or event page: the page's own address, and WhatsApp and e-mail
//! links that carry its title and address. Plain links, no script from another host.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

/// Where the share row's links go: the page's absolute address (`url`, to copy),
/// `whatsapp` (`https://wa.me/?text=`, WhatsApp's own link to share a text) and `email`
/// (`mailto:?subject=…&body=…`, a new e-mail with the title and the address).
///
/// The links are made from the title and the address alone: the fingerprint hashes those
/// two, and the links are encoded only when a page is rendered.
#[derive(Hash)]
pub(crate) struct ShareView<'a> {
    title: &'a str,
    url: String,
}

impl<'a> ShareView<'a> {
    pub(crate) fn of(title: &'a str, url: String) -> ShareView<'a> {
        ShareView { title, url }
    }

    fn whatsapp(&self) -> String {
        let text = format!("{} {}", self.title, self.url);
        format!("https://wa.me/?text={}", encode(&text))
    }

    fn email(&self) -> String {
        format!(
            "mailto:?subject={}&body={}",
            encode(self.title),
            encode(&self.url)
        )
    }
}

impl Serialize for ShareView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut view = s.serialize_struct("ShareView", 3)?;
        view.serialize_field("url", &self.url)?;
        view.serialize_field("whatsapp", &self.whatsapp())?;
        view.serialize_field("email", &self.email())?;
        view.end()
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
            s.whatsapp(),
            "https://wa.me/?text=Koffie%20%26%20taart%3F%20https%3A%2F%2Fwijk.nl%2Fa%2F"
        );
        assert_eq!(
            s.email(),
            "mailto:?subject=Koffie%20%26%20taart%3F&body=https%3A%2F%2Fwijk.nl%2Fa%2F"
        );
    }
}
