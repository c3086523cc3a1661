//! The theme: Tera templates compiled once, the site's own overriding the theme's, and the
//! UI words of the site language. Template errors become diagnostics at their file and line.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, Problem};
use crate::ground::yaml;
use crate::load::SiteFiles;

/// Templates every site has, which a theme or site may still override.
const BUILTIN: [(&str, &str); 4] = [
    ("feed.xml", include_str!("builtin/feed.xml")),
    ("sitemap.xml", include_str!("builtin/sitemap.xml")),
    ("robots.txt", include_str!("builtin/robots.txt")),
    // The iCalendar files are written whole by render::calendar (CRLF lines, folding, escaping
    // are no work for a template); this only hands the text through.
    ("calendar.ics", "{{ calendar | safe }}"),
];

/// Compiled templates and what every page sees.
pub struct Theme {
    pub tera: tera::Tera,
    /// Template name -> the file it came from, for error messages.
    paths: HashMap<String, PathBuf>,
    pub words: BTreeMap<String, String>,
    /// A fingerprint of every template's name and source, so a template edit re-renders all.
    pub fingerprint: u64,
}

impl Theme {
    /// Compile the templates in `files`; `None` when they cannot be used at all.
    pub fn load(files: &SiteFiles, config: &Config, errs: &mut Diagnostics) -> Option<Theme> {
        let mut sources: BTreeMap<String, (String, Option<PathBuf>)> = BUILTIN
            .iter()
            .map(|(n, t)| (n.to_string(), (t.to_string(), None)))
            .collect();
        for (name, file) in &files.templates {
            sources.insert(
                name.clone(),
                (file.text.to_string(), Some(file.path.clone())),
            );
        }
        let paths = sources
            .iter()
            .filter_map(|(n, (_, p))| Some((n.clone(), p.clone()?)))
            .collect();
        let words = words(files, config, errs);
        let fingerprint = {
            use std::hash::{Hash, Hasher};
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            sources
                .iter()
                .for_each(|(name, (text, _))| (name, text).hash(&mut h));
            h.finish()
        };
        let mut theme = Theme {
            tera: tera::Tera::new(),
            paths,
            words,
            fingerprint,
        };
        theme.compile(sources, errs).then_some(theme)
    }

    /// Add all templates; a broken one is reported and left out so the others are checked too.
    fn compile(
        &mut self,
        mut sources: BTreeMap<String, (String, Option<PathBuf>)>,
        errs: &mut Diagnostics,
    ) -> bool {
        let mut ok = true;
        loop {
            let batch: Vec<(&String, &String)> = sources.iter().map(|(n, (t, _))| (n, t)).collect();
            let Err(e) = self.tera.add_raw_templates(batch) else {
                return ok;
            };
            ok = false;
            let culprit = match e.kind() {
                tera::ErrorKind::SyntaxError(r) => Some(r.filename().to_string()),
                tera::ErrorKind::MissingParent { current, .. } => Some(current.clone()),
                _ => None,
            };
            errs.push(self.diagnostic(&e, &sources));
            match culprit.and_then(|c| sources.remove(&c)) {
                Some(_) => continue,
                None => return false,
            }
        }
    }

    /// A Tera error as a diagnostic at the template file and line.
    pub fn diagnostic(
        &self,
        e: &tera::Error,
        sources: &BTreeMap<String, (String, Option<PathBuf>)>,
    ) -> Diagnostic {
        let report = match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
            _ => None,
        };
        let Some(r) = report else {
            return Diagnostic::general(Problem::Template {
                template: String::new(),
                message: e.to_string(),
            });
        };
        let name = r.filename().to_string();
        let problem = Problem::Template {
            template: name.clone(),
            message: r.message().to_string(),
        };
        let (line, column) = (r.span().start_line as u32, r.span().start_col as u32 + 1);
        match (self.paths.get(&name), sources.get(&name)) {
            (Some(path), Some((text, _))) => Diagnostic::at(path, text, line, column, problem),
            _ => Diagnostic::general(problem),
        }
    }

    /// A render error, found with the template sources the theme was compiled from.
    pub fn render_diagnostic(&self, e: &tera::Error, files: &SiteFiles) -> Diagnostic {
        let sources = files
            .templates
            .iter()
            .map(|(n, f)| (n.clone(), (f.text.to_string(), Some(f.path.clone()))))
            .collect();
        self.diagnostic(e, &sources)
    }
}

/// The theme's words for the site language, with the site's own on top.
fn words(files: &SiteFiles, config: &Config, errs: &mut Diagnostics) -> BTreeMap<String, String> {
    let mut words = BTreeMap::new();
    if files.words.is_empty() {
        let lang = config.lang.code();
        let args: [(_, &dyn std::fmt::Display); 2] = [("lang", &lang), ("theme", &config.theme)];
        errs.push(Diagnostic::general(Problem::told("theme-words", &args)));
    }
    for file in &files.words {
        match yaml::from_str::<BTreeMap<String, String>>(&file.text) {
            Ok(more) => words.extend(more),
            Err(e) => errs.push(Diagnostic::at(
                &file.path,
                &file.text,
                e.line,
                e.column,
                Problem::Yaml(e.message),
            )),
        }
    }
    words
}
