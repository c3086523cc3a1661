//! `plein.yaml` read into [`Config`]; every key has a default, so a missing file is a valid site.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Hint, Problem};
use crate::ground::yaml;

pub use crate::words::Lang;

pub(crate) mod deploy;

/// What happens to raw HTML in a body: cleaned with an allow-list, or kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RawHtml {
    #[default]
    Clean,
    Trusted,
}

/// The first path segment of each section; the defaults come from the site language.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Routes {
    pub stories: String,
    pub neighbourhoods: String,
    pub kinds: String,
    pub tags: String,
    pub people: String,
    pub events: String,
    pub search: String,
    pub page: String,
    /// The printable neighbourhood paper; optional in `routes:`, defaulted by language.
    #[serde(default)]
    pub paper: String,
}

impl Routes {
    fn for_lang(lang: Lang) -> Routes {
        let w = &lang.words().routes;
        Routes {
            stories: w.stories.to_string(),
            neighbourhoods: w.neighbourhoods.to_string(),
            kinds: w.kinds.to_string(),
            tags: w.tags.to_string(),
            people: w.people.to_string(),
            events: w.events.to_string(),
            search: w.search.to_string(),
            page: w.page.to_string(),
            paper: w.paper.to_string(),
        }
    }

    /// `routes:` as written, with the words it leaves out taken from the language.
    fn filled(mut self, lang: Lang) -> Routes {
        if self.paper.is_empty() {
            self.paper = lang.words().routes.paper.to_string();
        }
        self
    }

    /// Every section word, for checking that free pages do not take one.
    pub fn all(&self) -> [&str; 9] {
        [
            &self.stories,
            &self.neighbourhoods,
            &self.kinds,
            &self.tags,
            &self.people,
            &self.events,
            &self.search,
            &self.page,
            &self.paper,
        ]
    }
}

/// One kind of story: its key in front matter and the label readers see.
#[derive(Debug, Clone, serde::Serialize)]
pub struct KindSetting {
    pub key: String,
    pub label: String,
}

/// Site settings, defaults filled in.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    pub base_url: String,
    /// Whether plein.yaml gives a `base_url`; without one, absolute links point at the preview.
    pub base_url_given: bool,
    pub lang: Lang,
    pub theme: String,
    pub timezone: jiff::tz::TimeZone,
    pub timezone_name: String,
    pub kinds: Vec<KindSetting>,
    pub per_page: usize,
    pub feed_limit: usize,
    pub author: Option<String>,
    pub routes: Routes,
    /// Raw HTML in Markdown kept as written (`trusted_html: true`) instead of cleaned.
    pub trusted_html: bool,
    /// The widest picture published, in pixels; wider ones are scaled down.
    pub image_max_width: u32,
    /// Where `plein deploy` publishes the site, in the order written.
    pub deploy: Vec<crate::config::deploy::Target>,
    /// Where residents send their story: an e-mail address or a web address.
    pub contact: Option<Contact>,
}

/// The editors' address from `contact:`, as a link and as readers see it.
#[derive(Debug, Clone, serde::Serialize, Hash)]
pub struct Contact {
    pub href: String,
    pub text: String,
}

impl Contact {
    /// `redactie@buurt.nl` becomes a `mailto:` link; a web address stays as it is.
    fn of(url: &crate::ground::url::WebUrl) -> Contact {
        let written = url.as_str();
        let lower = written.to_ascii_lowercase();
        let has_scheme = ["http:", "https:", "mailto:", "tel:"]
            .iter()
            .any(|s| lower.starts_with(s));
        if has_scheme {
            let text = written
                .split_once(':')
                .filter(|_| !lower.starts_with("http"))
                .map_or(written, |(_, rest)| rest);
            Contact {
                href: written.to_string(),
                text: text.split('?').next().unwrap_or(text).to_string(),
            }
        } else if written.contains('@') && !written.contains('/') {
            Contact {
                href: format!("mailto:{written}"),
                text: written.to_string(),
            }
        } else {
            Contact {
                href: written.to_string(),
                text: written.to_string(),
            }
        }
    }
}

/// `plein.yaml` as written; `None` where the key is absent.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    language: Option<String>,
    theme: Option<String>,
    timezone: Option<String>,
    kinds: Option<Vec<RawKind>>,
    per_page: Option<usize>,
    feed_limit: Option<usize>,
    author: Option<String>,
    routes: Option<Routes>,
    trusted_html: Option<bool>,
    image_max_width: Option<u32>,
    deploy: Option<Vec<crate::config::deploy::RawTarget>>,
    contact: Option<crate::ground::url::WebUrl>,
}

/// A kind as `key: Label` or as a bare `key`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawKind {
    Labelled(std::collections::BTreeMap<String, String>),
    Bare(String),
}

/// The address absolute links get when plein.yaml gives no `base_url`: the preview's.
pub const PREVIEW_BASE_URL: &str = "http://127.0.0.1:1111/";

/// `url` as a site address (an absolute http or https URL with a host, and no query,
/// fragment, user name, spaces or control characters), ending in `/`; or what is wrong.
pub fn check_base_url(url: &str) -> Result<String, &'static str> {
    let lower = url.to_ascii_lowercase();
    let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https://", &url[url.len() - rest.len()..])
    } else if let Some(rest) = lower.strip_prefix("http://") {
        ("http://", &url[url.len() - rest.len()..])
    } else if lower.contains("://") || lower.starts_with("//") {
        return Err("it must start with https:// or http://");
    } else {
        return Err("it has no https:// at the start");
    };
    if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("it has a space or an invisible character in it");
    }
    if rest.contains('?') || rest.contains('#') {
        return Err("a site address has no `?` or `#` part");
    }
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if host.contains('@') {
        return Err("a site address has no user name or password in it");
    }
    if !valid_host(host) {
        return Err("it has no valid host name after the //");
    }
    if path.contains('\\') || path.split('/').any(|s| s == "." || s == "..") {
        return Err("its path has `\\`, `.` or `..` in it");
    }
    let mut checked = format!("{scheme}{}{path}", host.to_ascii_lowercase());
    if !checked.ends_with('/') {
        checked.push('/');
    }
    Ok(checked)
}

/// A host name (letters, digits, `-` and `.`), an IPv4 or bracketed IPv6 address, with an
/// optional `:port`.
fn valid_host(host: &str) -> bool {
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !name.starts_with('[') || name.ends_with(']') => (name, Some(port)),
        _ => (host, None),
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    let name_ok = if let Some(v6) = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        v6.parse::<std::net::Ipv6Addr>().is_ok()
    } else {
        !name.is_empty()
            && name.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
    };
    port_ok && name_ok
}

/// Every key of plein.yaml, from the struct it is read into.
pub fn config_keys() -> &'static [&'static str] {
    crate::ground::fields::of::<RawConfig>()
}

impl Config {
    /// The settings of the site at `root`; problems go to `errs` and defaults stand in.
    pub fn load(root: &Path, lang_override: Option<Lang>, errs: &mut Diagnostics) -> Config {
        let rel = Path::new("plein.yaml");
        let mut text = String::new();
        let raw = match std::fs::read(root.join(rel)) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(read) => {
                    text = crate::ground::text::normalise(&read);
                    parse_raw(rel, &text, errs)
                }
                Err(e) => {
                    let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                    let valid = std::str::from_utf8(valid).expect("the valid prefix");
                    let (line, column) = crate::diagnostic::line_column(valid, valid.len());
                    errs.push(Diagnostic::at(rel, valid, line, column, Problem::NotUtf8));
                    RawConfig::default()
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => RawConfig::default(),
            Err(e) => {
                errs.push(Diagnostic::in_file(rel, Problem::unreadable(&e)));
                RawConfig::default()
            }
        };
        Config::from_raw(raw, &text, lang_override, errs)
    }

    /// The settings from `raw`, read from `text`, where problems are pointed at.
    fn from_raw(
        raw: RawConfig,
        text: &str,
        lang_override: Option<Lang>,
        errs: &mut Diagnostics,
    ) -> Config {
        let lang = match (lang_override, raw.language.as_deref()) {
            (Some(lang), _) => lang,
            (None, None) => Lang::Nl,
            (None, Some(code)) => Lang::parse(code).unwrap_or_else(|| {
                let problem = Problem::UnknownLanguage {
                    code: code.to_string(),
                    known: known_languages(),
                };
                errs.push(at_key(text, "language", problem));
                Lang::Nl
            }),
        };
        let timezone_name = raw
            .timezone
            .unwrap_or_else(|| "Europe/Amsterdam".to_string());
        let timezone = jiff::tz::TimeZone::get(&timezone_name).unwrap_or_else(|_| {
            let problem = Problem::UnknownTimeZone(timezone_name.clone());
            errs.push(at_key(text, "timezone", problem));
            jiff::tz::TimeZone::UTC
        });
        let base_url_given = raw.base_url.is_some();
        let base_url = match raw.base_url.as_deref().map(str::trim).map(check_base_url) {
            None => PREVIEW_BASE_URL.to_string(),
            Some(Ok(url)) => url,
            Some(Err(reason)) => {
                let value = raw.base_url.clone().unwrap_or_default();
                errs.push(at_key(
                    text,
                    "base_url",
                    Problem::BadBaseUrl { value, reason },
                ));
                PREVIEW_BASE_URL.to_string()
            }
        };
        Config {
            base_url_given,
            title: raw
                .title
                .unwrap_or_else(|| lang.words().default_title.to_string()),
            description: raw.description.unwrap_or_default(),
            base_url,
            lang,
            theme: raw.theme.unwrap_or_else(|| "buurt".to_string()),
            timezone,
            timezone_name,
            kinds: raw.kinds.map_or_else(|| default_kinds(lang), flatten_kinds),
            per_page: raw.per_page.unwrap_or(24).max(1),
            feed_limit: raw.feed_limit.unwrap_or(20).max(1),
            author: raw.author,
            routes: raw
                .routes
                .map_or_else(|| Routes::for_lang(lang), |r| r.filled(lang)),
            trusted_html: raw.trusted_html.unwrap_or(false),
            image_max_width: raw.image_max_width.unwrap_or(2400).max(1),
            deploy: crate::config::deploy::all(raw.deploy.unwrap_or_default(), text, errs),
            contact: raw.contact.as_ref().map(Contact::of),
        }
    }

    /// The path part of `base_url` without its final slash: "" for a site at the domain root.
    pub fn path_prefix(&self) -> &str {
        let after_scheme = self.base_url.find("://").map_or(0, |i| i + 3);
        let path_start = self.base_url[after_scheme..]
            .find('/')
            .map_or(self.base_url.len(), |i| i + after_scheme);
        self.base_url[path_start..].trim_end_matches('/')
    }

    /// What raw HTML in Markdown becomes.
    pub fn raw_html(&self) -> RawHtml {
        if self.trusted_html {
            RawHtml::Trusted
        } else {
            RawHtml::Clean
        }
    }

    /// `base_url` without its final slash, for joining to root-relative URLs.
    pub fn origin_and_prefix(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}

/// The codes of the languages plein knows: "nl or en".
pub(crate) fn known_languages() -> String {
    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    match codes.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// `problem` at the value of the top-level `key` of plein.yaml, or at its first line.
fn at_key(text: &str, key: &str, problem: Problem) -> Diagnostic {
    let rel = Path::new("plein.yaml");
    let prefix = format!("{key}:");
    let found = text.lines().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix(&prefix)?;
        let column = prefix.len() + rest.len() - rest.trim_start().len() + 1;
        Some((i as u32 + 1, column as u32))
    });
    match found {
        Some((line, column)) => Diagnostic::at(rel, text, line, column, problem),
        None => Diagnostic::in_file(rel, problem),
    }
}

fn parse_raw(rel: &Path, text: &str, errs: &mut Diagnostics) -> RawConfig {
    // Every problem is told; the settings that could be read are kept, such as the language.
    let (raw, problems) = yaml::from_str_all::<RawConfig>(text);
    for e in problems {
        // A key inside a deploy target is checked against the keys a target has.
        let problem = match crate::config::deploy::unknown_key(&e.message) {
            Some(problem) => problem,
            None => {
                let (problem, line, column) =
                    crate::ground::yaml::yaml_mistake(&e, text, config_keys());
                errs.push(Diagnostic::at(rel, text, line, column, problem));
                continue;
            }
        };
        errs.push(Diagnostic::at(rel, text, e.line, e.column, problem));
    }
    raw.unwrap_or_default()
}

fn flatten_kinds(raw: Vec<RawKind>) -> Vec<KindSetting> {
    let mut kinds = Vec::new();
    for kind in raw {
        match kind {
            RawKind::Bare(key) => kinds.push(KindSetting {
                label: key.clone(),
                key,
            }),
            RawKind::Labelled(map) => kinds.extend(
                map.into_iter()
                    .map(|(key, label)| KindSetting { key, label }),
            ),
        }
    }
    kinds
}

fn default_kinds(lang: Lang) -> Vec<KindSetting> {
    crate::words::DEFAULT_KIND_KEYS
        .into_iter()
        .zip(lang.words().kind_labels)
        .map(|(key, label)| KindSetting {
            key: key.to_string(),
            label: label.to_string(),
        })
        .collect()
}

/// The closest kind key or label to a misspelled one.
pub fn kind_hint(config: &Config, kind: &str) -> Hint {
    let words = config.kinds.iter().flat_map(|k| {
        let label = (k.label.to_lowercase() != k.key.to_lowercase()).then_some(k.label.as_str());
        std::iter::once(k.key.as_str()).chain(label)
    });
    Hint::closest(kind, words)
}

/// The site's kinds for a message: each key, with the word the site shows for it where that
/// differs, as "meeting (Ontmoeting), mural (Muurschildering)".
pub fn kinds_shown(config: &Config) -> String {
    let shown: Vec<String> = config
        .kinds
        .iter()
        .map(|k| {
            if k.label.to_lowercase() == k.key.to_lowercase() {
                k.key.clone()
            } else {
                format!("{} ({})", k.key, k.label)
            }
        })
        .collect();
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml_text: &str) -> (Config, Diagnostics) {
        let mut errs = Diagnostics::default();
        let raw = parse_raw(Path::new("plein.yaml"), yaml_text, &mut errs);
        (Config::from_raw(raw, yaml_text, None, &mut errs), errs)
    }

    #[test]
    fn empty_config_is_all_defaults() {
        let (c, errs) = config("");
        assert!(errs.is_empty());
        assert_eq!(c.lang, Lang::Nl);
        assert_eq!(c.routes.stories, "verhalen");
        assert_eq!(c.kinds.len(), 3);
        assert_eq!(c.path_prefix(), "");
        assert_eq!(c.per_page, 24);
    }

    #[test]
    fn base_url_path_becomes_prefix() {
        let (c, _) = config("base_url: https://example.org/buurt\n");
        assert_eq!(c.path_prefix(), "/buurt");
        assert_eq!(c.base_url, "https://example.org/buurt/");
    }

    #[test]
    fn base_urls_are_absolute_web_addresses() {
        for (url, checked) in [
            ("https://a.nl", "https://a.nl/"),
            ("HTTP://A.nl:8080/Buurt", "http://a.nl:8080/Buurt/"),
            ("https://[2001:db8::1]/", "https://[2001:db8::1]/"),
            (
                "https://xn--bcher-kva.example/",
                "https://xn--bcher-kva.example/",
            ),
        ] {
            assert_eq!(check_base_url(url).as_deref(), Ok(checked), "{url}");
        }
        for url in [
            "a.nl",
            "mailto:ria@a.nl",
            "https:/a.nl",
            "https://a..nl/",
            "https://-a.nl/",
            "https://a.nl:/",
            "https://a.nl:123456/",
            "https://[::1/",
            "https://a.nl/x?y",
            "https://a.nl/../x/",
            "https://a.nl/\\x",
            "https://a.nl/\u{7}",
            "https://bücher.example/",
        ] {
            assert!(check_base_url(url).is_err(), "{url}");
        }
    }

    #[test]
    fn a_bad_base_url_is_an_error_and_the_preview_stands_in() {
        let (c, errs) = config("base_url: lindenbuurt.nl\n");
        assert_eq!(errs.len(), 1);
        assert_eq!(c.base_url, PREVIEW_BASE_URL);
        assert!(c.base_url_given);
        let (c, _) = config("title: x\n");
        assert!(!c.base_url_given);
    }

    #[test]
    fn english_routes_and_labelled_kinds() {
        let (c, errs) = config("language: en\nkinds:\n  - meeting: Gathering\n  - repair\n");
        assert!(errs.is_empty());
        assert_eq!(c.routes.neighbourhoods, "neighbourhoods");
        assert_eq!(c.kinds[0].label, "Gathering");
        assert_eq!(c.kinds[1].key, "repair");
    }

    #[test]
    fn bad_timezone_and_language_are_errors() {
        let (_, errs) = config("timezone: Mars/Base\nlanguage: fr\n");
        assert_eq!(errs.len(), 2);
        let at = |i: usize| errs.0[i].at.as_ref().map(|a| (a.line, a.column));
        assert_eq!(at(0), Some((2, 11)), "the language, at its value");
        assert_eq!(at(1), Some((1, 11)), "the time zone, at its value");
        let shown = errs.0[0].problem.to_string();
        assert_eq!(shown, "unknown language `fr`: expected one of nl, en");
        for lang in Lang::ALL {
            assert!(shown.contains(lang.code()), "{shown}");
        }
    }
}
