//! The walls between the stages, kept by a test: every `crate::` and `super::` path in src/
//! (tests left out) is resolved to the stage it names, and no stage may name a later one.
//!
//! Stages in pipeline order: the ground floor (shared value types, words, diagnostics),
//! config, load, parse, model, images and hints, render, search, write, pipeline, and on top
//! the commands, serve, deploy and the command line. Besides the order, render and search
//! keep out of parse, and write keeps out of render and search: they meet in the ground floor.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The level of a stage; a module may use its own level and those below.
fn level(stage: &str) -> Option<u8> {
    Some(match stage {
        "ground" | "words" | "diagnostic" | "timings" | "content_type" => 0,
        "config" => 1,
        "load" => 2,
        "parse" => 3,
        "model" => 4,
        "images" | "hints" => 5,
        "render" => 6,
        "search" => 7,
        "write" => 8,
        "pipeline" => 9,
        "commands" | "serve" | "deploy" | "cli" | "lib" | "main" => 10,
        _ => return None,
    })
}

/// Pairs (user, used) kept apart although the order would allow them.
const APART: &[(&str, &str)] = &[
    ("render", "parse"),
    ("search", "parse"),
    ("write", "render"),
    ("write", "search"),
];

/// The stage of a module path such as `["render", "search", "index"]`.
fn stage(path: &[String]) -> String {
    match path {
        [] => "lib".to_string(),
        [first, second, ..] if first == "render" && second == "search" => "search".to_string(),
        [first, ..] if level(first).is_some() => first.clone(),
        // An item of lib.rs itself, such as `crate::run`.
        _ => "lib".to_string(),
    }
}

/// The module path of a file under src/: `render/search/index.rs` -> render, search, index.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("src/ is readable").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments and without its inline `#[cfg(test)]` module, and
/// the names of the child modules declared as test-only (`#[cfg(test)] mod fixture;`).
fn code_of(text: &str) -> (String, Vec<String>) {
    let mut code = String::new();
    let mut test_children = Vec::new();
    let mut after_cfg_test = false;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        if after_cfg_test {
            after_cfg_test = false;
            let decl = line
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ");
            if let Some(name) = decl.strip_prefix("mod ") {
                if let Some(name) = name.strip_suffix(';') {
                    test_children.push(name.trim().to_string());
                    continue;
                }
                break;
            }
        }
        if line == "#[cfg(test)]" {
            after_cfg_test = true;
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }
    (code, test_children)
}

/// The module paths that `code` (of the module at `here`) names through `crate::` and
/// `super::`, with grouped imports (`use crate::{config::Lang, model::Site}`) opened.
fn named_paths(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let bytes = code.as_bytes();
    for (at, _) in code.match_indices("crate::") {
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group: split at commas outside nested braces.
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        found.push(vec![ident(group[start..].trim_start())]);
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push(vec![ident(group[start..].trim_start())]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            let first = ident(rest);
            let second = rest[first.len()..]
                .strip_prefix("::")
                .map(ident)
                .unwrap_or_default();
            found.push(vec![first, second]);
        }
    }
    for (at, _) in code.match_indices("super::") {
        if at >= 2 && &code[at - 2..at] == "::" {
            continue; // counted from the first `super`
        }
        let mut rest = &code[at..];
        let mut path = here.to_vec();
        while let Some(r) = rest.strip_prefix("super::") {
            path.pop();
            rest = r;
        }
        let next = ident(rest);
        if !next.is_empty() {
            path.push(next);
        }
        found.push(path);
    }
    found
}

/// Every use of a later stage (or of a stage kept apart) in src/, as `file: stage -> stage`.
fn breaches(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut test_only: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut parsed = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source is readable");
        let rel = file.strip_prefix(src).expect("under src/");
        let here = module_path(rel);
        let (code, children) = code_of(&text);
        for child in children {
            let mut path = here.clone();
            path.push(child);
            test_only.insert(path);
        }
        parsed.push((rel.to_path_buf(), here, code));
    }
    let mut found = Vec::new();
    for (rel, here, code) in parsed {
        if test_only.iter().any(|t| here.starts_with(t)) {
            continue;
        }
        let from = stage(&here);
        let from_level = level(&from).unwrap_or(10);
        let mut seen = BTreeSet::new();
        for path in named_paths(&code, &here) {
            let to = stage(&path);
            let to_level = level(&to).unwrap_or(10);
            let apart = APART.contains(&(from.as_str(), to.as_str()));
            if (to_level > from_level || apart) && seen.insert(to.clone()) {
                found.push(format!("{}: {from} -> {to}", rel.display()));
            }
        }
    }
    found
}

#[test]
fn no_stage_uses_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = breaches(&src);
    assert!(
        found.is_empty(),
        "these modules use a later stage of the pipeline:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_every_form_of_path() {
    let here = vec![
        "render".to_string(),
        "search".to_string(),
        "index".to_string(),
    ];
    let code = "use crate::{config::Lang, model::{Site, Story}};\nlet x = crate::write::put(1);\nuse super::super::Output;\nuse super::chunks;\n";
    let named: Vec<String> = named_paths(code, &here).iter().map(|p| stage(p)).collect();
    assert_eq!(named, ["config", "model", "write", "render", "search"]);
    let (code, children) = code_of(
        "use crate::model::Site; // crate::write\n#[cfg(test)]\nmod fixture;\n#[cfg(test)]\nmod tests {\n    use crate::pipeline::build;\n}\n",
    );
    assert_eq!(code, "use crate::model::Site;\n");
    assert_eq!(children, ["fixture"]);
}
