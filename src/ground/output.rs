//! What the stages that make files hand on: a file made for the output folder, where it
//! goes, and the fingerprints that let the next build skip what did not change.

use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;
use tera::Value;

use crate::diagnostic::{Diagnostic, Diagnostics};

/// One rendered file, relative to the output folder.
#[derive(Debug, Clone)]
pub struct Output {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Where rendered pages go: a staging folder, a dev server's folder, or nowhere.
pub type Sink<'s> = dyn Fn(Output) -> Result<(), Diagnostic> + Sync + 's;

/// Output path -> fingerprint of a file's content or of everything its template saw. The
/// path is kept as a string with `/` between its parts: hashing and comparing a string is a
/// fraction of what a `Path` costs, and a rebuild looks up every page's.
pub type Prints = ahash::AHashMap<String, u64>;

/// An output path as the key of [`Prints`]. Output paths are made from addresses, which are
/// text; one that is not is kept with its odd bytes replaced.
pub fn key(path: PathBuf) -> String {
    path.into_os_string()
        .into_string()
        .unwrap_or_else(|p| p.to_string_lossy().into_owned())
}

/// Whether the output path `key` lies inside the folder `dir`.
pub fn is_under(key: &str, dir: &std::path::Path) -> bool {
    let dir = dir.to_string_lossy();
    key.strip_prefix(&*dir)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Fingerprints of the last good render, so the next one can skip unchanged pages.
#[derive(Debug, Default, Clone)]
pub struct PageCache {
    /// Output path -> fingerprint of everything its template saw.
    pub pages: Prints,
    /// Story card fingerprint -> the card as Tera sees it.
    pub(crate) cards: HashMap<u64, Value>,
    /// What a story card is made from -> the card's fingerprint.
    pub(crate) card_keys: ahash::AHashMap<u64, u64>,
    /// A fingerprint of everything a page is made from (its reach, made without making its
    /// context) -> its output path and fingerprint: a page whose reach is unchanged is known
    /// unchanged before its context is made.
    pub(crate) reached: ahash::AHashMap<u64, (String, u64)>,
}

impl PageCache {
    /// Let go of the story cards and reaches, which only a next render would use.
    pub fn forget_cards(&mut self) {
        self.cards = HashMap::new();
        self.card_keys = ahash::AHashMap::new();
        self.reached = ahash::AHashMap::new();
    }
}

/// What one render did.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Every output path of this build with its fingerprint: the next build's cache.
    pub cache: PageCache,
    /// Pages rendered and handed to the sink.
    pub written: usize,
    /// Pages left alone because nothing they show changed.
    pub unchanged: usize,
}

/// A file handed to the sink, or why it was not made.
type Sent = Result<(), Diagnostic>;

/// The one output step of every stage that makes files: fingerprint, compare with the previous
/// build, skip or make and hand to the sink, count, and report what could not be made.
pub struct Outputs<'a> {
    previous: &'a PageCache,
    rendered: &'a mut Rendered,
    sink: &'a Sink<'a>,
    errs: &'a mut Diagnostics,
}

impl<'a> Outputs<'a> {
    /// Outputs compared with `previous`, counted in `rendered`, handed to `sink`; what cannot
    /// be made goes to `errs`.
    pub fn new(
        previous: &'a PageCache,
        rendered: &'a mut Rendered,
        sink: &'a Sink<'a>,
        errs: &'a mut Diagnostics,
    ) -> Outputs<'a> {
        Outputs {
            previous,
            rendered,
            sink,
            errs,
        }
    }

    /// The fingerprints of the previous build.
    pub fn previous(&self) -> &'a PageCache {
        self.previous
    }

    /// What this build made so far.
    pub fn rendered(&self) -> &Rendered {
        self.rendered
    }

    /// Keep the files of the previous build that `keep` picks as they are, unmade.
    pub fn keep_previous(&mut self, keep: impl Fn(&str) -> bool) {
        let kept = self.previous.pages.iter().filter(|(p, _)| keep(p));
        let pages = &mut self.rendered.cache.pages;
        pages.extend(kept.map(|(p, f)| (p.clone(), *f)));
    }

    /// Where made files go, for a stage that makes several files from one piece of work.
    pub fn sink(&self) -> &'a Sink<'a> {
        self.sink
    }

    /// The story cards of this render, for the next build.
    pub fn keep_cards(&mut self, cards: HashMap<u64, Value>, keys: ahash::AHashMap<u64, u64>) {
        self.rendered.cache.cards = cards;
        self.rendered.cache.card_keys = keys;
    }

    /// One file: left alone when the previous build made `path` from the same `print`, else
    /// made by `make` and handed to the sink.
    pub fn put(
        &mut self,
        path: PathBuf,
        print: u64,
        make: impl FnOnce() -> Result<Vec<u8>, Diagnostic>,
    ) {
        let path = key(path);
        if self.unchanged(&path, print) {
            return;
        }
        let path = PathBuf::from(path);
        let sent = make().and_then(|bytes| (self.sink)(Output { path, bytes }));
        self.sent(sent);
    }

    /// Many files, in parallel: `reach` gives the fingerprint of what a unit is made from,
    /// where it can be known without planning it; a unit whose reach the previous build had
    /// is left alone unplanned. Else `plan` gives each unit's path, fingerprint and what
    /// `make` makes its bytes from; as [`Outputs::put`] for each.
    pub fn put_all<U: Sync, T>(
        &mut self,
        units: &[U],
        reach: impl Fn(&U) -> Option<u64> + Sync,
        plan: impl Fn(&U) -> (PathBuf, u64, T) + Sync,
        make: impl Fn(T) -> Result<Vec<u8>, Diagnostic> + Sync,
    ) {
        let (previous, sink) = (self.previous, self.sink);
        let outcomes: Vec<(String, u64, Option<u64>, Option<Sent>)> = units
            .par_iter()
            .map(|unit| {
                let reached = reach(unit);
                if let Some((path, print)) = reached.and_then(|r| previous.reached.get(&r)) {
                    return (path.clone(), *print, reached, None);
                }
                let (path, print, made_from) = plan(unit);
                let path = key(path);
                if previous.pages.get(&path) == Some(&print) {
                    return (path, print, reached, None);
                }
                let sent = make(made_from).and_then(|bytes| {
                    sink(Output {
                        path: PathBuf::from(path.clone()),
                        bytes,
                    })
                });
                (path, print, reached, Some(sent))
            })
            .collect();
        // Moved into this build's fingerprints, not copied, and not looked up again: the
        // comparison with the previous build is made.
        self.rendered.cache.pages.reserve(outcomes.len());
        self.rendered.cache.reached.reserve(outcomes.len());
        for (path, print, reached, sent) in outcomes {
            let cache = &mut self.rendered.cache;
            if let Some(reached) = reached {
                cache.reached.insert(reached, (path.clone(), print));
            }
            cache.pages.insert(path, print);
            match sent {
                None => self.rendered.unchanged += 1,
                Some(sent) => self.sent(sent),
            }
        }
    }

    /// Record that this build has `path` made from `print`; whether the previous build made
    /// it from the same, counted as left alone.
    pub fn unchanged(&mut self, path: &str, print: u64) -> bool {
        self.rendered.cache.pages.insert(path.to_string(), print);
        let same = self.previous.pages.get(path) == Some(&print);
        if same {
            self.rendered.unchanged += 1;
        }
        same
    }

    /// Count a file handed to the sink, or report why it was not.
    pub fn sent(&mut self, sent: Result<(), Diagnostic>) {
        match sent {
            Ok(()) => self.rendered.written += 1,
            Err(d) => self.errs.push(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::diagnostic::Problem;

    #[test]
    fn outputs_skip_what_the_previous_build_made_the_same() {
        let mut previous = PageCache::default();
        previous.pages.insert("same.html".into(), 1);
        previous.pages.insert("changed.html".into(), 2);
        let sent = Mutex::new(Vec::new());
        let sink = |o: Output| {
            sent.lock().expect("no panic holding it").push(o.path);
            Ok(())
        };
        let (mut rendered, mut errs) = (Rendered::default(), Diagnostics::default());
        let mut out = Outputs::new(&previous, &mut rendered, &sink, &mut errs);
        out.put("same.html".into(), 1, || panic!("not made again"));
        out.put("changed.html".into(), 3, || Ok(b"new".to_vec()));
        let broken = || Err(Diagnostic::in_file("x.md".as_ref(), Problem::NoFrontMatter));
        out.put("broken.html".into(), 4, broken);
        let units = ["same.html", "new.html"];
        let plan = |u: &&str| (PathBuf::from(u), 1, ());
        out.put_all(&units, |_| None, plan, |()| Ok(Vec::new()));
        assert_eq!(
            (rendered.written, rendered.unchanged, errs.len()),
            (2, 2, 1)
        );
        let mut sent = sent.into_inner().expect("no panic holding it");
        sent.sort();
        assert_eq!(
            sent,
            [PathBuf::from("changed.html"), PathBuf::from("new.html")]
        );
        assert_eq!(rendered.cache.pages.len(), 4);
    }

    #[test]
    fn outputs_leave_a_unit_whose_reach_the_previous_build_had_unplanned() {
        let mut previous = PageCache::default();
        previous.pages.insert("a.html".into(), 1);
        previous.reached.insert(7, ("a.html".into(), 1));
        let sink = |_: Output| Ok(());
        let (mut rendered, mut errs) = (Rendered::default(), Diagnostics::default());
        let mut out = Outputs::new(&previous, &mut rendered, &sink, &mut errs);
        let plan = |&r: &u64| {
            assert_ne!(r, 7, "a known reach is not planned");
            (PathBuf::from("b.html"), 2, ())
        };
        out.put_all(&[7, 8], |&r| Some(r), plan, |()| Ok(Vec::new()));
        assert_eq!((rendered.written, rendered.unchanged), (1, 1));
        assert_eq!(rendered.cache.pages.get("a.html"), Some(&1));
        assert_eq!(
            rendered.cache.reached.get(&8),
            Some(&("b.html".to_string(), 2))
        );
    }
}
