//! Web addresses written by editors: the schemes a link or picture may have, the check that
//! front matter, plein.yaml and raw HTML share, and [`WebUrl`], an address that passed it.
//! Character references are decoded as a browser decodes them before the check.

use serde::{Deserialize, Deserializer};

use crate::diagnostic::Problem;
use crate::words::Lang;

/// The schemes a link may have; any other (`javascript:`, `data:`, `vbscript:`, `file:`) is
/// refused, in raw HTML, Markdown and front matter alike.
pub(crate) const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The schemes a picture may have.
pub(crate) const IMAGE_SCHEMES: &[&str] = &["http", "https"];

/// Why a URL from front matter was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UrlFault {
    /// A scheme not on the list, such as `javascript:`.
    Scheme,
    /// A control character (tab, line break, NUL...), which browsers skip or choke on.
    Control,
}

/// Whether a Markdown link or image destination is safe to put in `href` or `src`:
/// relative, or with an allowed scheme.
pub(crate) fn safe_url(url: &str) -> bool {
    scheme(url).is_none_or(|s| SCHEMES.contains(&s.as_str()))
}

/// Check a URL written in front matter or plein.yaml, which goes into `href` or `src` as it
/// is: no control characters, character references read as a browser would read them, and
/// relative or with one of `schemes` ([`SCHEMES`] for links, [`IMAGE_SCHEMES`] for pictures).
pub(crate) fn check_url(url: &str, schemes: &[&str]) -> Result<(), UrlFault> {
    let decoded = decode(url);
    if url.chars().chain(decoded.chars()).any(char::is_control) {
        return Err(UrlFault::Control);
    }
    for form in [url, decoded.as_str()] {
        if scheme(form).is_some_and(|s| !schemes.contains(&s.as_str())) {
            return Err(UrlFault::Scheme);
        }
    }
    Ok(())
}

/// The scheme a browser would find in `url`, lower-cased, or `None` for a relative URL.
///
/// Browsers skip leading spaces and control characters and drop tabs and line breaks
/// anywhere; this drops every ASCII space and control character anywhere, so it finds a
/// scheme wherever a browser would (`" java\tscript:"`). A scheme is a letter, then letters,
/// digits, `+`, `-` or `.`, then `:`; anything else before the first `:` (`foo):`) makes the
/// URL relative, as it does for the browser.
fn scheme(url: &str) -> Option<String> {
    let mut name = String::new();
    for c in url.chars() {
        if c.is_ascii_whitespace() || c.is_ascii_control() {
            continue;
        }
        match c {
            ':' if !name.is_empty() => return Some(name),
            c if c.is_ascii_alphabetic() => name.push(c.to_ascii_lowercase()),
            c if !name.is_empty() && (c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) => {
                name.push(c)
            }
            _ => return None,
        }
    }
    None
}

/// Character references decoded as a browser decodes them in an attribute: numeric ones and
/// every named one of HTML (`&euml;`, `&colon;`). The value is escaped again on output, so
/// the browser sees exactly the value that was checked. A `&` that starts no reference stays.
pub(crate) fn decode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest.find(';').filter(|&i| i <= 40);
        let decoded = semi.and_then(|i| reference(&rest[1..i]).map(|c| (c, i + 1)));
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What `&name;` stands for.
fn reference(name: &str) -> Option<String> {
    let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(dec) = name.strip_prefix('#') {
        dec.parse().ok()?
    } else {
        return named_reference(name);
    };
    // As browsers do: NUL, surrogates and numbers past Unicode become U+FFFD.
    Some(
        char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}')
            .to_string(),
    )
}

/// A named character reference, looked up in pulldown-cmark's table of the HTML ones
/// (CommonMark reads entities in text as HTML does): `&name;` alone is a paragraph of text.
fn named_reference(name: &str) -> Option<String> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let written = format!("&{name};");
    let text: String = pulldown_cmark::Parser::new(&written)
        .filter_map(|event| match event {
            pulldown_cmark::Event::Text(t) => Some(t.into_string()),
            _ => None,
        })
        .collect();
    (text != written).then_some(text)
}

/// How serde's message of a URL refused by [`checked_url`] begins; the rest is what
/// [`refused_url`] needs to say why in the site's language.
const URL_REFUSED: &str = "refused URL ";

/// A URL as written, if it keeps to the rules for a link (`image: false`) or a picture;
/// else the message for serde that [`refused_url`] turns into a [`Problem`].
fn checked_url(url: &str, image: bool) -> Result<(), String> {
    let schemes = if image { IMAGE_SCHEMES } else { SCHEMES };
    check_url(url, schemes).map_err(|fault| {
        let fault = match fault {
            UrlFault::Scheme => 's',
            UrlFault::Control => 'c',
        };
        format!("{URL_REFUSED}{}{fault}{url}", if image { 'i' } else { 'l' })
    })
}

/// The [`Problem::UnsafeUrl`] that serde's `message` stands for, if it is one.
pub(crate) fn refused_url(message: &str, lang: Lang) -> Option<Problem> {
    // serde_yaml puts the path of the key first: `registration[0].url: `.
    let (key, rest) = message.split_once(URL_REFUSED)?;
    let mut chars = rest.chars();
    let image = chars.next()? == 'i';
    let fault = match chars.next()? {
        'c' => UrlFault::Control,
        _ => UrlFault::Scheme,
    };
    Some(Problem::UnsafeUrl {
        key: key.to_string(),
        url: chars.as_str().to_string(),
        fault,
        image,
        lang,
    })
}

/// A web address for an `href`, checked when the front matter is read: the only way to make
/// one, so no unchecked address from front matter reaches a page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct WebUrl(String);

impl WebUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for WebUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for WebUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Checked::<false>(url) = Checked::deserialize(d)?;
        Ok(WebUrl(url))
    }
}

/// `image:`: a picture beside the file, a site path or a web address, checked as it is read.
pub(crate) fn image_url<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Checked<true>>::deserialize(d)?.map(|c| c.0))
}

/// A URL checked as a link, or with `IMAGE` as a picture. Checked inside the visitor, so
/// that serde_yaml gives the error the position of the value itself.
struct Checked<const IMAGE: bool>(String);

impl<'de, const IMAGE: bool> Deserialize<'de> for Checked<IMAGE> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<const IMAGE: bool>;
        impl<const IMAGE: bool> serde::de::Visitor<'_> for Visitor<IMAGE> {
            type Value = Checked<IMAGE>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a web address such as https://www.buurtwijs.nl/")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Checked<IMAGE>, E> {
                // Checked as written (a tab at the start) and as used: trimming takes Unicode
                // spaces too, and `\u{a0}javascript:` is relative only until it is trimmed.
                let trimmed = s.trim();
                checked_url(s, IMAGE)
                    .and_then(|()| checked_url(trimmed, IMAGE))
                    .map_err(E::custom)?;
                Ok(Checked(trimmed.to_string()))
            }
        }
        d.deserialize_str(Visitor::<IMAGE>)
    }
}
