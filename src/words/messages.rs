//! plein's messages to editors (errors, warnings, help lines, summaries, the serve overlay)
//! in Project Fluent files, one per language beside this module: `messages/<code>.ftl`.
//! A translator edits those files without touching Rust; plural rules ("1 fout", "3 fouten")
//! come from Fluent. Knows nothing of what the messages are about.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// The Fluent source of a language's messages.
pub(crate) fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => include_str!("messages/nl.ftl"),
        Lang::En => include_str!("messages/en.ftl"),
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of every language, made once; the files are part of the program, so a syntax
/// error in them is a bug that the tests catch.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| Lang::ALL.into_iter().map(make).collect());
    let index = Lang::ALL
        .iter()
        .position(|l| *l == lang)
        .expect("every language is in Lang::ALL");
    &all[index]
}

fn make(lang: Lang) -> Bundle {
    let resource = FluentResource::try_new(source(lang).to_string())
        .unwrap_or_else(|(_, errors)| panic!("messages/{}.ftl: {errors:?}", lang.code()));
    let id = lang
        .code()
        .parse()
        .expect("a language code is a language id");
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeables: terminals would show them.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("messages/{}.ftl: {errors:?}", lang.code()));
    bundle
}

/// Arguments of a message: text and numbers by name.
#[derive(Default)]
pub(crate) struct Args(FluentArgs<'static>);

impl Args {
    pub(crate) fn new() -> Args {
        Args::default()
    }

    /// The argument `name` as text.
    pub(crate) fn text(mut self, name: &'static str, value: impl Into<String>) -> Args {
        self.0.set(name, FluentValue::from(value.into()));
        self
    }

    /// The argument `name`, made at run time, as text.
    pub(crate) fn named(mut self, name: String, value: impl Into<String>) -> Args {
        self.0.set(name, FluentValue::from(value.into()));
        self
    }

    /// The argument `name`: `value` with `places` decimals, as `lang` writes them (2,35 in
    /// Dutch, 2.35 in English).
    pub(crate) fn decimal(self, name: &'static str, value: f64, places: usize, lang: Lang) -> Args {
        let written = format!("{value:.places$}");
        let written = match lang {
            Lang::Nl => written.replace('.', ","),
            Lang::En => written,
        };
        self.text(name, written)
    }

    /// The argument `name` as a number, which plural rules can select on.
    pub(crate) fn number(mut self, name: &'static str, value: usize) -> Args {
        self.0.set(name, FluentValue::from(value));
        self
    }
}

/// The message `id` in `lang`, with `args`.
pub(crate) fn text(lang: Lang, id: &str, args: &Args) -> String {
    let bundle = bundle(lang);
    let message = bundle.get_message(id);
    let Some(pattern) = message.as_ref().and_then(|m| m.value()) else {
        panic!("no message `{id}` in messages/{}.ftl", lang.code())
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args.0), &mut errors);
    debug_assert!(errors.is_empty(), "{id}: {errors:?}");
    text.into_owned()
}

/// The attribute `attribute` (such as `help`) of message `id` in `lang`, if it has one.
pub(crate) fn attribute(lang: Lang, id: &str, attribute: &str, args: &Args) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.get_attribute(attribute)?.value();
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args.0), &mut errors);
    debug_assert!(errors.is_empty(), "{id}.{attribute}: {errors:?}");
    Some(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every message and attribute name in a language's file.
    fn names(lang: Lang) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source(lang).to_string())
            .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", lang.code()));
        let mut names = BTreeSet::new();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                names.insert(m.id.name.to_string());
                for a in &m.attributes {
                    names.insert(format!("{}.{}", m.id.name, a.id.name));
                }
            }
        }
        names
    }

    #[test]
    fn every_language_has_every_message() {
        let english = names(Lang::En);
        assert!(english.len() > 50, "{}", english.len());
        for lang in Lang::ALL {
            let these = names(lang);
            let missing: Vec<_> = english.difference(&these).collect();
            let extra: Vec<_> = these.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "messages/{}.ftl lacks {missing:?} and has only there {extra:?}",
                lang.code()
            );
        }
    }

    /// The message names the code passes to `Problem::told`, to a rule's `fault` or to
    /// serve's `say`, read from the source: each must be in the files, or showing it panics.
    #[test]
    fn every_message_the_code_names_is_in_the_files() {
        let english = names(Lang::En);
        let mut named = 0;
        let mut folders = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let code = std::fs::read_to_string(&path).unwrap();
                for call in ["told(", "fault(", "say("] {
                    for (at, _) in code.match_indices(call) {
                        let rest = code[at + call.len()..].trim_start();
                        let Some(literal) = rest.strip_prefix('"') else {
                            continue;
                        };
                        let id = &literal[..literal.find('"').unwrap()];
                        if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                        {
                            continue;
                        }
                        named += 1;
                        assert!(
                            english.contains(id),
                            "{}: no message `{id}`",
                            path.display()
                        );
                    }
                }
            }
        }
        assert!(named > 40, "only {named} names found: the search is broken");
    }

    #[test]
    fn decimals_are_written_as_the_language_writes_them() {
        let say = |lang| {
            let args = Args::new()
                .decimal("seconds", 2.345, 2, lang)
                .text("output", "public");
            text(lang, "up-to-date", &args)
        };
        assert!(say(Lang::Nl).contains("2,35"), "{}", say(Lang::Nl));
        assert!(say(Lang::En).contains("2.35"), "{}", say(Lang::En));
    }

    #[test]
    fn plurals_follow_the_language() {
        let n = |lang, n| text(lang, "errors", &Args::new().number("n", n));
        assert_eq!(n(Lang::Nl, 1), "1 fout");
        assert_eq!(n(Lang::Nl, 3), "3 fouten");
        assert_eq!(n(Lang::En, 1), "1 error");
        assert_eq!(n(Lang::En, 0), "0 errors");
    }

    #[test]
    fn summaries_count_in_the_language() {
        let args = Args::new()
            .text("names", "a.md")
            .number("pages", 1)
            .text("milliseconds", "12");
        assert_eq!(
            text(Lang::Nl, "serve-changed", &args),
            "plein: a.md veranderd; 1 pagina bijgewerkt in 12 ms"
        );
        let args = Args::new()
            .text("stories", "3 verhalen")
            .number("pages", 40)
            .text("seconds", "0.10");
        assert_eq!(
            text(Lang::Nl, "serve-built", &args),
            "plein: 3 verhalen en 40 pagina's gemaakt in 0.10 s"
        );
    }

    #[test]
    fn no_isolation_marks() {
        let shown = text(Lang::Nl, "did-you-mean", &Args::new().text("name", "title"));
        assert_eq!(shown, " (bedoel je `title`?)");
    }
}
