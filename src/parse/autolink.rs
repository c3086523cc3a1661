//! Bare web addresses in text (`https://www.youtube.com/watch?v=x`, `www.amsterdam.nl/...`),
//! found as GFM's extended autolinks are: https://github.github.com/gfm/#autolinks-extension-
//!
//! An address starts at the start of a text or after white space or one of `*_~(`; it is
//! `www.` or `http://` / `https://` and a domain, then anything up to white space or `<`.
//! Trailing punctuation (`?!.,:*_~'"` and a `;`, or an `&name;` that looks like a character
//! reference) is not part of it, nor is a closing `)` without its opening one. pulldown-cmark
//! has made `--`, `...` and quotes typographic already: they are read back as written.
//!
//! Knows only text: whether an address may become a link is the URL check's to say.

/// The longest domain name DNS allows, in characters.
const MAX_DOMAIN: usize = 253;

/// One address found in a text: its byte range there, and the URL it links to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    /// The address as written, typographic punctuation read back, with `https://` before a
    /// bare `www.`: a resident's link should not be sent in the clear.
    pub url: String,
    /// The address as the link shows it: as written, punctuation read back.
    pub text: String,
}

/// Every address in `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((start, end)) = next(text, from) {
        let written = readable(&text[start..end]);
        let url = if written
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
        {
            format!("https://{written}")
        } else {
            written.clone()
        };
        found.push(Found {
            start,
            end,
            url,
            text: written,
        });
        from = end;
    }
    found
}

/// The range of the first address at or after byte `from`.
fn next(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while at < text.len() {
        let rest = &text[at..];
        let offset = rest.find(['w', 'W', 'h', 'H'])?;
        let start = at + offset;
        let may_start = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '*' | '_' | '~' | '('));
        if may_start && let Some(end) = address_at(text, start) {
            return Some((start, end));
        }
        at = start + 1;
    }
    None
}

/// The end of an address that starts at `start`, if one does.
fn address_at(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let domain_at = if starts_with_ignore_case(rest, "www.") {
        0
    } else if starts_with_ignore_case(rest, "https://") {
        8
    } else if starts_with_ignore_case(rest, "http://") {
        7
    } else {
        return None;
    };
    let after_domain = domain_at + domain_len(&rest[domain_at..], domain_at == 0)?;
    let raw_end = rest[after_domain..]
        .find(|c: char| c.is_whitespace() || c == '<')
        .map_or(rest.len(), |i| after_domain + i);
    let end = trim_end(&rest[..raw_end], after_domain);
    Some(start + end)
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(prefix))
}

/// The length of the valid domain at the start of `text`: segments of letters, digits, `_`
/// and `-` between periods, no `_` in the last two; a `www.` domain needs a period after it.
fn domain_len(text: &str, www: bool) -> Option<usize> {
    // No domain is longer than DNS allows: a text of a million domain letters is read in
    // steps of this size, not each time to its end.
    let len = text
        .char_indices()
        .take(MAX_DOMAIN + 1)
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-')))
        .map_or(text.len(), |(i, _)| i);
    if len > MAX_DOMAIN {
        return None;
    }
    // A final period is punctuation, not part of the domain.
    let domain = text[..len].trim_end_matches('.');
    let segments: Vec<&str> = domain.split('.').collect();
    let periods = segments.len() - 1;
    let enough = if www { periods >= 2 } else { periods >= 1 };
    let last_two_clean = segments.iter().rev().take(2).all(|s| !s.contains('_'));
    let filled = segments.iter().all(|s| !s.is_empty());
    (enough && last_two_clean && filled).then_some(domain.len())
}

/// The end of `address` once trailing punctuation and unbalanced `)` are taken off, never
/// into its domain (which ends at byte `domain_end`).
fn trim_end(address: &str, domain_end: usize) -> usize {
    let mut end = address.len();
    // Counted once: a path of a million `)` is trimmed in one pass.
    let opening = address.matches('(').count();
    let mut closing = address.matches(')').count();
    while end > domain_end {
        let kept = &address[..end];
        let Some(last) = kept.chars().next_back() else {
            break;
        };
        let trailing = matches!(
            last,
            '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~' | '\'' | '"'
        ) || matches!(last, '…' | '‘' | '’' | '“' | '”');
        if trailing {
            end -= last.len_utf8();
        } else if last == ';' {
            // A reference is letters and digits: no parenthesis leaves with it.
            end = reference_start(kept).unwrap_or(end - 1);
        } else if last == ')' && closing > opening {
            end -= 1;
            closing -= 1;
        } else {
            break;
        }
    }
    end.max(domain_end)
}

/// Where `&name;` at the end of `text` starts, when it ends so.
fn reference_start(text: &str) -> Option<usize> {
    let body = text.strip_suffix(';')?;
    let name = body.len()
        - body
            .chars()
            .rev()
            .take_while(char::is_ascii_alphanumeric)
            .count();
    (name < body.len() && body[..name].ends_with('&')).then(|| name - 1)
}

/// `text` with the typography pulldown-cmark added read back as it was typed.
fn readable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '–' => out.push_str("--"),
            '—' => out.push_str("---"),
            '…' => out.push_str("..."),
            '‘' | '’' => out.push('\''),
            '“' | '”' => out.push('"'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(&str, String)> {
        find(text)
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.url))
            .collect()
    }

    #[test]
    fn addresses_end_before_punctuation() {
        assert_eq!(
            links("Zie www.x.nl/a.b. En (http://y.nl/z_(1)))!"),
            vec![
                ("www.x.nl/a.b", "https://www.x.nl/a.b".to_string()),
                ("http://y.nl/z_(1)", "http://y.nl/z_(1)".to_string())
            ]
        );
        assert_eq!(
            links("https://x.nl/?a&amp;")[0].0,
            "https://x.nl/?a",
            "a reference at the end is left out"
        );
    }

    #[test]
    fn only_at_a_word_start_and_with_a_domain() {
        assert!(links("foowww.x.nl xhttps://x.nl www.x https://").is_empty());
        assert!(links("https://_x.y_z www.a.b_c").is_empty());
        assert_eq!(
            links("https://localhost.nl:8080/x")[0].0,
            "https://localhost.nl:8080/x"
        );
    }

    /// The hostile texts at `n` units each; what they find is checked every time.
    fn hostile(n: usize) -> std::time::Duration {
        let started = std::time::Instant::now();
        let parens = format!("www.x.nl/{}", ")".repeat(4 * n));
        assert_eq!(links(&parens)[0].0, "www.x.nl/");
        let underscores = "www.a_".repeat(n);
        assert!(links(&underscores).is_empty());
        let long = format!("https://{}.nl", "a".repeat(2 * n));
        assert!(links(&long).is_empty());
        started.elapsed()
    }

    /// Eight times the text takes about eight times as long, not sixty-four: a ratio measured
    /// in one run, in turns and as medians, so a busy machine slows both sides alike (a fixed
    /// time limit failed on a loaded machine while the code was linear).
    #[test]
    fn hostile_texts_take_linear_time() {
        let (mut small, mut large) = (Vec::new(), Vec::new());
        for _ in 0..5 {
            small.push(hostile(6_250));
            large.push(hostile(50_000));
        }
        small.sort();
        large.sort();
        let ratio = large[2].as_secs_f64() / small[2].as_secs_f64().max(1e-6);
        assert!(
            ratio < 24.0,
            "8 times the text took {ratio:.1} times as long"
        );
    }

    #[test]
    fn typography_is_read_back() {
        let f = &find("https://x.nl/a–b…")[0];
        assert_eq!(f.url, "https://x.nl/a--b");
        assert_eq!(f.end, "https://x.nl/a–b".len());
    }
}
