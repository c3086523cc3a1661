//! The one module that uses serde_yaml, so that swapping in a maintained fork is a one-file change.

use serde::de::DeserializeOwned;

use crate::diagnostic::{Hint, Problem};

/// A YAML problem with its 1-based position inside the YAML text, when known.
#[derive(Debug)]
pub(crate) struct YamlError {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

/// Deserialize `text` into `T`; an empty document is read as an empty mapping.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as u32, l.column() as u32));
        YamlError {
            message: tidy(&e.to_string()),
            line,
            column,
        }
    })
}

/// serde_yaml appends " at line L column C" to its messages; the position is shown separately.
fn tidy(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Turn serde's message into a [`Problem`]; unknown keys get the allowed keys and a suggestion.
pub(crate) fn problem_from_yaml(message: &str, allowed: &[&str]) -> Problem {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default().to_string();
        let hint = Hint::closest(&key, allowed.iter().copied());
        return Problem::UnknownKey {
            key,
            allowed: allowed.join(", "),
            hint,
        };
    }
    Problem::Yaml(message.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Small {
        title: String,
    }

    #[test]
    fn unknown_key_has_its_position() {
        let err = from_str::<Small>("title: a\ntitel: b\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(
            err.message.starts_with("unknown field `titel`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            bomb.push_str(&format!("b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        bomb.push_str("c: *b11\n");
        let result = from_str::<std::collections::BTreeMap<String, serde_json::Value>>(&bomb);
        assert!(result.is_err());
    }
}
