//! `plein schema [TYPE]`: a JSON Schema (draft 2020-12) of each content type's front matter.
//!
//! The keys are those of the raw front matter structs (`parse::front_matter`), asked of serde,
//! so the schema never allows a key the build refuses; tests make sure every key is
//! described here, and that the nested objects have the keys of their structs. Run in a site, `kind` lists
//! the kinds of its plein.yaml. Editors use the schema for completion and checking as they
//! type; README.md shows how to wire it up.

use std::path::Path;
use std::process::ExitCode;

use serde_json::{Map, Value, json};

use crate::cli::{ContentType, SchemaArgs};
use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::parse::front_matter as fm;

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A date as the front matter takes it: a day, a local date and time, or one with an offset.
const DATE_PATTERN: &str =
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$";

pub(crate) fn run(args: &SchemaArgs) -> ExitCode {
    let kinds = match site_kinds(&args.root) {
        Ok(kinds) => kinds,
        Err(errs) => return super::site_errors(&args.root, &errs.sorted()),
    };
    let kinds = kinds.as_deref();
    match (&args.out, args.content_type) {
        (Some(dir), only) => {
            let types: Vec<ContentType> = match only {
                Some(t) => vec![t],
                None => ContentType::ALL.to_vec(),
            };
            for t in types {
                let path = dir.join(format!("{}.schema.json", t.name()));
                let written = std::fs::create_dir_all(dir)
                    .and_then(|_| std::fs::write(&path, pretty(&schema(t, kinds)) + "\n"));
                if let Err(e) = written {
                    let args: [(_, &dyn std::fmt::Display); 2] =
                        [("path", &path.display()), ("reason", &e)];
                    let problem = crate::diagnostic::Problem::told("file-unwritable", &args);
                    // The schema is for editors' tools, made outside a site: in English.
                    super::say(problem, crate::words::Lang::En);
                    return ExitCode::from(1);
                }
                if let Err(code) = super::stdout::line(&path.display().to_string()) {
                    return code;
                }
            }
            ExitCode::SUCCESS
        }
        (None, Some(t)) => done(super::stdout::line(&pretty(&schema(t, kinds)))),
        (None, None) => done(super::stdout::line(&pretty(&bundle(kinds)))),
    }
}

fn done(printed: Result<(), ExitCode>) -> ExitCode {
    printed.err().unwrap_or(ExitCode::SUCCESS)
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON of plain data")
}

/// The kind keys of the site at `root`, when it has a plein.yaml.
fn site_kinds(root: &Path) -> Result<Option<Vec<String>>, Diagnostics> {
    if !root.join("plein.yaml").is_file() {
        return Ok(None);
    }
    let mut errs = Diagnostics::default();
    let config = Config::load(root, None, &mut errs);
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(Some(config.kinds.into_iter().map(|k| k.key).collect()))
}

/// All five schemas in one document, under `$defs`.
pub(crate) fn bundle(kinds: Option<&[String]>) -> Value {
    let defs: Map<String, Value> = ContentType::ALL
        .iter()
        .map(|&t| {
            let mut s = schema(t, kinds);
            s.as_object_mut().expect("an object").remove("$schema");
            (t.name().to_string(), s)
        })
        .collect();
    json!({
        "$schema": DRAFT,
        "title": "plein front matter",
        "description": "The front matter of each plein content type, under $defs: story, event, neighbourhood, person, page.",
        "$defs": defs,
    })
}

/// The schema of one content type's front matter.
pub(crate) fn schema(t: ContentType, kinds: Option<&[String]>) -> Value {
    let required = match t {
        ContentType::Story => &["title", "date"][..],
        ContentType::Event => &["title", "start"][..],
        _ => &["title"][..],
    };
    let article = if t == ContentType::Event { "an" } else { "a" };
    let what = format!("{article} {} in content/{}/", t.name(), t.folder());
    let properties: Map<String, Value> = fm::keys(t)
        .iter()
        .map(|&key| {
            (
                key.to_string(),
                property(t, key, kinds).unwrap_or_else(|| json!({})),
            )
        })
        .collect();
    json!({
        "$schema": DRAFT,
        "title": format!("plein {} front matter", t.name()),
        "description": format!("The YAML between the `---` lines at the top of {what}."),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// The schema of `key` in content type `t`; `None` for a key not described here yet.
fn property(t: ContentType, key: &str, kinds: Option<&[String]>) -> Option<Value> {
    let title_of = match t {
        ContentType::Person => "The person's name, as stories name them in `authors`.",
        ContentType::Neighbourhood => "The neighbourhood's name, as stories name it.",
        _ => "The title, shown as the page's main heading.",
    };
    Some(match key {
        "title" => json!({"type": "string", "pattern": "\\S", "description": title_of}),
        "subtitle" => text("A lede under the title."),
        "date" => date("The day the story appeared: 2022-07-18, or with a time 2022-07-18T19:30."),
        "updated" => date("The day the story was last changed."),
        "start" => date("When the event starts: 2026-10-06T13:00, in the site's time zone."),
        "end" => date("When the event ends, in the same form as start."),
        "authors" => {
            names("Who wrote it: names of people; a file content/people/<name>.md makes a profile.")
        }
        "neighbourhoods" => {
            names("Neighbourhoods, by name: [Muntenbuurt, Zuilenstein]. Each gets a page.")
        }
        "anchors" => {
            names("Trusted faces and places residents can turn to: names of people or free text.")
        }
        "tags" => names("Words to find it by: [groen, jongeren]. Each gets a page."),
        "events" => {
            names("Events this story announces, by their file name in content/events/ without .md.")
        }
        "kind" => kind(kinds),
        "image" => {
            text("A photo: a file beside this one (foto.jpg) or a site path (/images/foto.jpg).")
        }
        "image_alt" => {
            text("What the photo shows, for readers who cannot see it. Needed with image.")
        }
        "image_credit" => text("Who made the photo."),
        "image_caption" => text("A caption under the photo."),
        "summary" => {
            text("One or two sentences for cards and feeds; without it, the first paragraph.")
        }
        "city" => text("The town or city: Nieuwegein."),
        "role" => text("What the person does: bewoner en flatcontact."),
        "organisation" => text("The organisation the person works for, if any."),
        "online" => flag("Whether people can take part online."),
        "cancelled" => flag("Whether the event is cancelled; it stays in the agenda, marked so."),
        "full" => flag(
            "Whether the event is full: no more places; it stays in the agenda, marked so, without sign-up buttons.",
        ),
        "draft" => flag("A draft is left out of the site unless built with --drafts."),
        "slug" => text("The last part of the web address, instead of the file name."),
        "language" => json!({
            "type": "string",
            "enum": crate::words::Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>(),
            "description": "The language the story is written in, when it is not the site's: nl or en.",
        }),
        _ => return nested(key),
    })
}

/// The schema of a key that holds an object or a list of them; `None` for any other key.
fn nested(key: &str) -> Option<Value> {
    Some(match key {
        "source" => json!({
            "description": "Where the story first appeared.",
            "type": "object",
            "properties": {
                "name": {"type": "string", "description": "The name of the first publication."},
                "url": text("Its web address."),
            },
            "required": ["name"],
            "additionalProperties": false,
        }),
        "location" => json!({
            "description": "Where the event takes place.",
            "type": "object",
            "properties": {
                "name": {"type": "string", "description": "The place: Buurthuis De Stuiver."},
                "address": text("Street, number and town."),
            },
            "required": ["name"],
            "additionalProperties": false,
        }),
        "registration" => json!({
            "description": "Ways to sign up, each a label and a web address.",
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "label": {"type": "string", "description": "The button text; without it, the theme's Aanmelden."},
                    "url": {"type": "string", "description": "The sign-up address."},
                },
                "required": ["url"],
                "additionalProperties": false,
            },
        }),
        "repeat" => json!({
            "description": "A recurring meeting; start is its first meeting. { every: week, on: tuesday, until: 2027-06-29 } or { every: month, on: first saturday, count: 10 }.",
            "type": "object",
            "properties": {
                "every": {"enum": every_words(), "description": "How often: week or month."},
                "interval": {"type": "integer", "minimum": 1, "maximum": 1000, "description": "Every this many weeks or months: 2 is every other one."},
                "on": {
                    "type": ["string", "integer", "array"],
                    "items": {"type": "string"},
                    "description": "Weekly: a weekday or a list of them (tuesday, dinsdag). Monthly: a day number (15) or first/second/third/fourth/fifth/last with a weekday (first saturday, laatste vrijdag). Default: the day of start.",
                },
                "until": date("The last day a meeting may fall on."),
                "count": {"type": "integer", "minimum": 1, "maximum": 1000, "description": "How many meetings there are, the first included."},
                "except": {
                    "type": ["string", "array"],
                    "items": {"type": "string"},
                    "description": "Days the series skips, such as a holiday: 2027-04-27 or [2027-04-27, 2027-12-28]. They still count towards count.",
                },
            },
            "required": ["every"],
            "additionalProperties": false,
        }),
        _ => return None,
    })
}

/// The words `repeat: every:` takes, weekly then monthly, in every language plein knows.
fn every_words() -> Vec<&'static str> {
    use crate::ground::repeat::{Every, every_words};
    let mut all = every_words(Every::Week);
    all.extend(every_words(Every::Month));
    all
}

fn text(description: &str) -> Value {
    json!({"type": ["string", "null"], "description": description})
}

fn date(description: &str) -> Value {
    json!({"type": "string", "pattern": DATE_PATTERN, "description": description})
}

fn names(description: &str) -> Value {
    json!({
        "type": ["array", "string", "null"],
        "items": {"type": ["string", "number", "boolean"]},
        "description": description,
    })
}

fn flag(description: &str) -> Value {
    json!({"type": "boolean", "description": description})
}

fn kind(kinds: Option<&[String]>) -> Value {
    match kinds {
        Some(keys) => {
            let mut allowed: Vec<Value> = keys.iter().map(|k| json!(k)).collect();
            allowed.push(Value::Null);
            json!({
                "enum": allowed,
                "description": format!("The kind of story, one of the kinds in plein.yaml: {}.", keys.join(", ")),
            })
        }
        None => text(
            "The kind of story, one of the kinds in plein.yaml (meeting, mural, garden by default).",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_described() {
        for t in ContentType::ALL {
            let s = schema(t, None);
            for (key, prop) in s["properties"].as_object().unwrap() {
                assert!(
                    prop.get("description").is_some(),
                    "{}: `{key}` has no schema in commands/schema.rs",
                    t.name()
                );
            }
        }
    }

    /// The keys of the object schema `v`, sorted.
    fn keys_of(v: &Value) -> Vec<String> {
        let mut keys: Vec<String> = v["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("an object schema: {v}"))
            .keys()
            .cloned()
            .collect();
        keys.sort_unstable();
        keys
    }

    fn sorted(fields: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        keys.sort_unstable();
        keys
    }

    #[test]
    fn keys_follow_the_front_matter_structs() {
        // What `plein schema` prints, read back.
        let printed: Value = serde_json::from_str(&pretty(&bundle(None))).unwrap();
        for t in ContentType::ALL {
            let s = &printed["$defs"][t.name()];
            assert_eq!(keys_of(s), sorted(fm::keys(t)), "{}", t.name());
            assert_eq!(s["additionalProperties"], false, "{}", t.name());
            for key in s["required"].as_array().unwrap() {
                let key = key.as_str().unwrap();
                assert!(fm::keys(t).contains(&key), "{}: {key}", t.name());
            }
        }
        assert_eq!(printed["$schema"], DRAFT);
        // The nested objects are described by hand above: held against their structs.
        let story = &printed["$defs"]["story"]["properties"];
        let event = &printed["$defs"]["event"]["properties"];
        let fields = crate::ground::fields::of::<crate::ground::values::Source>();
        assert_eq!(keys_of(&story["source"]), sorted(fields));
        let fields = crate::ground::fields::of::<crate::ground::values::Place>();
        assert_eq!(keys_of(&event["location"]), sorted(fields));
        let fields = crate::ground::values::registration_keys();
        assert_eq!(keys_of(&event["registration"]["items"]), sorted(fields));
        let fields: Vec<&str> = crate::ground::repeat::REPEAT_KEYS.split(", ").collect();
        assert_eq!(keys_of(&event["repeat"]), sorted(&fields));
        let every = event["repeat"]["properties"]["every"]["enum"]
            .as_array()
            .unwrap();
        for word in every {
            let word = word.as_str().unwrap();
            let yaml = format!("repeat: {{ every: {word} }}\n");
            let read: Result<fm::RawEvent, _> = crate::ground::yaml::from_str(&yaml);
            assert!(read.is_ok(), "`every: {word}` is refused");
        }
    }

    #[test]
    fn kinds_of_the_site_become_an_enum() {
        let kinds = vec!["meeting".to_string(), "repair".to_string()];
        let s = schema(ContentType::Story, Some(&kinds));
        assert_eq!(
            s["properties"]["kind"]["enum"],
            json!(["meeting", "repair", null])
        );
    }
}
