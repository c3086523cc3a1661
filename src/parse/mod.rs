//! Parse: front matter into raw typed structs, Markdown into HTML.

mod autolink;
pub(crate) mod front_matter;
pub mod markdown;
pub(crate) mod sanitize;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use crate::content_type::ContentType;
use crate::diagnostic::{Diagnostic, Diagnostics, Problem};
use crate::load::SourceFile;
use crate::words::Lang;
use front_matter::{RawEvent, RawNeighbourhood, RawPage, RawPerson, RawStory};

/// Front matter read into the raw struct of its content type.
#[derive(Debug, Clone)]
pub enum Front {
    Story(RawStory),
    Event(RawEvent),
    Neighbourhood(RawNeighbourhood),
    Person(RawPerson),
    Page(RawPage),
}

impl Front {
    pub fn content_type(&self) -> ContentType {
        match self {
            Front::Story(_) => ContentType::Story,
            Front::Event(_) => ContentType::Event,
            Front::Neighbourhood(_) => ContentType::Neighbourhood,
            Front::Person(_) => ContentType::Person,
            Front::Page(_) => ContentType::Page,
        }
    }

    /// The `title:`, when there is one.
    pub fn title(&self) -> Option<&str> {
        match self {
            Front::Story(s) => s.title.as_deref(),
            Front::Event(e) => e.title.as_deref(),
            Front::Neighbourhood(n) => n.title.as_deref(),
            Front::Person(p) => p.title.as_deref(),
            Front::Page(p) => p.title.as_deref(),
        }
    }
}

/// One content file, its front matter read and its body not yet rendered.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    pub text: std::sync::Arc<str>,
    pub front: Front,
    pub body_offset: usize,
}

impl Document {
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    /// The `slug:` of its front matter, if it has one.
    pub fn explicit_slug(&self) -> Option<&str> {
        match &self.front {
            Front::Story(s) => s.slug.as_deref(),
            Front::Event(e) => e.slug.as_deref(),
            Front::Neighbourhood(n) => n.slug.as_deref(),
            Front::Person(p) => p.slug.as_deref(),
            Front::Page(p) => p.slug.as_deref(),
        }
    }

    /// The name the file gives its page: the file stem, or the folder of an `index.md`.
    pub fn stem(&self) -> String {
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if stem == "index"
            && let Some(dir) = self.path.parent().and_then(Path::file_name)
        {
            return dir.to_string_lossy().into_owned();
        }
        stem
    }

    /// Whether this is the `index.md` of a folder whose other files belong to it.
    pub fn is_bundle(&self) -> bool {
        // The name compared as bytes first: taking a path apart is what costs, and few
        // documents are called index.md.
        self.path
            .as_os_str()
            .as_encoded_bytes()
            .ends_with(b"index.md")
            && self.path.file_name().is_some_and(|n| n == "index.md")
            && self.path.components().count() > 3
    }
}

/// A parse result, shared between builds while the file's text stays the same.
pub type Parsed = Result<std::sync::Arc<Document>, Vec<Diagnostic>>;

/// Parse results by content path, as a string: hashing and comparing a string costs a
/// fraction of what a `Path` costs, which is hashed part by part, and a rebuild looks up
/// every file's. A path that is not text is kept with its odd bytes replaced: the text of
/// the file is compared before a result is reused, so the worst such a clash can do is
/// parse a file again.
pub type ParsedFiles = ahash::AHashMap<String, Parsed>;

/// Read the front matter of every content file, in parallel; files whose text is unchanged
/// since `previous` are not parsed again. Returns the documents and the new cache. Problems
/// plein has words for are told in `lang`, the site's language.
pub fn documents(
    files: &[SourceFile],
    previous: &ParsedFiles,
    lang: Lang,
    errs: &mut Diagnostics,
) -> (Vec<std::sync::Arc<Document>>, ParsedFiles) {
    let results: Vec<(String, Parsed)> = files
        .par_iter()
        .map(|file| {
            let key = file.path.to_string_lossy();
            let reused = previous.get(&*key).filter(|p| same_text(p, &file.text));
            let parsed = reused
                .cloned()
                .unwrap_or_else(|| document(file, lang).map(std::sync::Arc::new));
            (key.into_owned(), parsed)
        })
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    for (_, result) in &results {
        match result {
            Ok(doc) => docs.push(doc.clone()),
            Err(found) => errs.extend(found.iter().cloned()),
        }
    }
    (docs, results.into_iter().collect())
}

fn same_text(parsed: &Parsed, text: &std::sync::Arc<str>) -> bool {
    match parsed {
        Ok(doc) => std::sync::Arc::ptr_eq(&doc.text, text) || *doc.text == **text,
        Err(_) => false,
    }
}

fn document(file: &SourceFile, lang: Lang) -> Result<Document, Vec<Diagnostic>> {
    let SourceFile { path, text } = file.clone();
    let Some(content_type) = ContentType::of(&path) else {
        let folders: Vec<String> = ContentType::ALL
            .iter()
            .map(|t| format!("content/{}/", t.folder()))
            .collect();
        let folders = folders.join(", ");
        return Err(vec![Diagnostic::in_file(
            &path,
            Problem::OutsideContent { folders },
        )]);
    };
    let split = front_matter::split(&text)
        .map_err(|(line, p)| vec![Diagnostic::at(&path, &text, line, 1, p)])?;
    let yaml_text = split.yaml;
    let body_offset = split.body_offset;
    let front = match content_type {
        ContentType::Story => Front::Story(front_matter::read(&path, &text, yaml_text, lang)?),
        ContentType::Event => Front::Event(front_matter::read(&path, &text, yaml_text, lang)?),
        ContentType::Neighbourhood => {
            Front::Neighbourhood(front_matter::read(&path, &text, yaml_text, lang)?)
        }
        ContentType::Person => Front::Person(front_matter::read(&path, &text, yaml_text, lang)?),
        ContentType::Page => Front::Page(front_matter::read(&path, &text, yaml_text, lang)?),
    };
    Ok(Document {
        path,
        text,
        front,
        body_offset,
    })
}

/// Line and column of the value of top-level front matter `key`, for pointing at it.
pub fn key_position(text: &str, key: &str) -> (u32, u32) {
    let prefix = format!("{key}:");
    for (i, line) in text.lines().enumerate().skip(1) {
        if line == "---" {
            break;
        }
        if let Some(rest) = line.strip_prefix(&prefix) {
            let value_col = prefix.len() + rest.len() - rest.trim_start().len();
            return (i as u32 + 1, value_col as u32 + 1);
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_position_points_at_the_value() {
        let text = "---\ntitle: A\nkind:  muur\n---\nkind: body\n";
        assert_eq!(key_position(text, "kind"), (3, 8));
        assert_eq!(key_position(text, "tags"), (1, 1));
    }
}
