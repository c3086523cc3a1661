//! What the stages that make files hand on: a file made for the output folder, where it
//! goes, and the fingerprints that let the next build skip what did not change.

use std::collections::HashMap;
use std::path::PathBuf;

use tera::Value;

use crate::diagnostic::Diagnostic;

/// One rendered file, relative to the output folder.
#[derive(Debug, Clone)]
pub struct Output {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Where rendered pages go: a staging folder, a dev server's folder, or nowhere.
pub type Sink<'s> = dyn Fn(Output) -> Result<(), Diagnostic> + Sync + 's;

/// Output path -> fingerprint of a file's content or of everything its template saw.
pub type Prints = ahash::AHashMap<PathBuf, u64>;

/// Fingerprints of the last good render, so the next one can skip unchanged pages.
#[derive(Debug, Default, Clone)]
pub struct PageCache {
    /// Output path -> fingerprint of everything its template saw.
    pub pages: Prints,
    /// Story card fingerprint -> the card as Tera sees it.
    pub(crate) cards: HashMap<u64, Value>,
}

impl PageCache {
    /// Let go of the story cards, which only a next render would reuse.
    pub fn forget_cards(&mut self) {
        self.cards = HashMap::new();
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
