//! What a deploy does: the built files against the bucket's objects, compared by MD5.
//!
//! Pure: lists in, a plan out. The uploads come in [`Phase`] order, deletions last.

use super::files::{LocalFile, Phase};

/// An object in the bucket, with its key below the target's prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Remote {
    pub key: String,
    pub size: u64,
    /// The MD5 of its bytes, when the ETag (or plein's metadata) tells it.
    pub md5: Option<[u8; 16]>,
}

/// Why a file is uploaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    New,
    Changed,
}

/// The work of one deploy.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// Indexes into the local files, in upload order.
    pub uploads: Vec<(usize, Change)>,
    /// Keys to delete, with their sizes.
    pub deletes: Vec<(String, u64)>,
    pub unchanged: usize,
    /// Objects not in the site that `keep` patterns protect.
    pub kept: usize,
    /// Objects in the bucket (below the prefix), kept ones left out.
    pub remote_count: usize,
}

impl Plan {
    /// Files and bytes of the uploads of one kind.
    pub(crate) fn upload_totals(&self, local: &[LocalFile], change: Change) -> (usize, u64) {
        self.uploads
            .iter()
            .filter(|(_, c)| *c == change)
            .fold((0, 0), |(n, b), (i, _)| (n + 1, b + local[*i].size))
    }

    pub(crate) fn delete_bytes(&self) -> u64 {
        self.deletes.iter().map(|(_, s)| s).sum()
    }

    /// Whether the plan deletes more than `share` of what the bucket holds.
    pub(crate) fn deletes_more_than(&self, share: f64) -> bool {
        !self.deletes.is_empty()
            && self.deletes.len() as f64 > share * self.remote_count.max(1) as f64
    }

    /// The uploads of one phase.
    pub(crate) fn phase<'a>(
        &'a self,
        local: &'a [LocalFile],
        phase: Phase,
    ) -> impl Iterator<Item = usize> + 'a {
        self.uploads
            .iter()
            .map(|(i, _)| *i)
            .filter(move |i| local[*i].kind.phase() == phase)
    }
}

/// The plan that makes the bucket equal to `local`; `keep` protects objects from deletion.
pub(crate) fn make(local: &[LocalFile], remote: &[Remote], keep: &[String]) -> Plan {
    let by_key: std::collections::HashMap<&str, &Remote> =
        remote.iter().map(|r| (r.key.as_str(), r)).collect();
    let mut plan = Plan::default();
    for (i, file) in local.iter().enumerate() {
        match by_key.get(file.key.as_str()) {
            None => plan.uploads.push((i, Change::New)),
            Some(r) if r.md5 == Some(file.md5) => plan.unchanged += 1,
            Some(_) => plan.uploads.push((i, Change::Changed)),
        }
    }
    plan.uploads.sort_by(|(a, _), (b, _)| {
        (local[*a].kind.phase(), &local[*a].key).cmp(&(local[*b].kind.phase(), &local[*b].key))
    });
    let local_keys: std::collections::HashSet<&str> =
        local.iter().map(|f| f.key.as_str()).collect();
    for r in remote {
        if keep.iter().any(|p| matches(p, &r.key)) {
            if !local_keys.contains(r.key.as_str()) {
                plan.kept += 1;
            }
            continue;
        }
        plan.remote_count += 1;
        if !local_keys.contains(r.key.as_str()) {
            plan.deletes.push((r.key.clone(), r.size));
        }
    }
    plan
}

/// Whether `key` matches the pattern: `*` stands for any characters but `/`, `**` for any
/// characters, `?` for one character; a pattern ending in `/` stands for everything under it.
pub(crate) fn matches(pattern: &str, key: &str) -> bool {
    let pattern = pattern.trim().trim_start_matches("./");
    if let Some(folder) = pattern.strip_suffix('/') {
        return key.starts_with(&format!("{folder}/"));
    }
    glob(pattern.as_bytes(), key.as_bytes())
}

fn glob(p: &[u8], s: &[u8]) -> bool {
    match p {
        [] => s.is_empty(),
        [b'*', b'*', b'/', rest @ ..] => {
            glob(rest, s) || (0..s.len()).any(|i| s[i] == b'/' && glob(rest, &s[i + 1..]))
        }
        [b'*', b'*', rest @ ..] => (0..=s.len()).any(|i| glob(rest, &s[i..])),
        [b'*', rest @ ..] => (0..=s.len())
            .take_while(|i| *i == 0 || s[i - 1] != b'/')
            .any(|i| glob(rest, &s[i..])),
        [b'?', rest @ ..] => matches!(s, [c, tail @ ..] if *c != b'/' && glob(rest, tail)),
        [c, rest @ ..] => matches!(s, [d, tail @ ..] if c == d && glob(rest, tail)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::files::Kind;
    use super::*;

    fn file(key: &str, md5: u8) -> LocalFile {
        LocalFile {
            key: key.into(),
            path: key.into(),
            kind: Kind::of(key, b""),
            gzip: false,
            size: 10,
            md5: [md5; 16],
        }
    }

    fn remote(key: &str, md5: u8) -> Remote {
        Remote {
            key: key.into(),
            size: 7,
            md5: Some([md5; 16]),
        }
    }

    #[test]
    fn new_changed_unchanged_and_gone() {
        let local = [
            file("feed.xml", 1),
            file("index.html", 2),
            file("style.css", 3),
            file("verhalen/a/index.html", 4),
        ];
        let remote = [
            remote("index.html", 2),
            remote("style.css", 9),
            remote("oud/index.html", 5),
            remote("archief/2019.pdf", 6),
        ];
        let plan = make(&local, &remote, &["archief/**".to_string()]);
        let order: Vec<(&str, Change)> = plan
            .uploads
            .iter()
            .map(|(i, c)| (local[*i].key.as_str(), *c))
            .collect();
        assert_eq!(
            order,
            [
                ("style.css", Change::Changed),
                ("verhalen/a/index.html", Change::New),
                ("feed.xml", Change::New),
            ],
            "assets, then pages, then feeds"
        );
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.deletes, [("oud/index.html".to_string(), 7)]);
        assert_eq!((plan.kept, plan.remote_count), (1, 3));
        assert!(plan.deletes_more_than(0.25));
        assert!(!plan.deletes_more_than(0.5));
    }

    #[test]
    fn keep_patterns() {
        assert!(matches("archief/**", "archief/2019/a.pdf"));
        assert!(matches("archief/", "archief/a.pdf"));
        assert!(matches("*.pdf", "a.pdf"));
        assert!(!matches("*.pdf", "docs/a.pdf"));
        assert!(matches("**/*.pdf", "docs/a.pdf"));
        assert!(matches("**/*.pdf", "a.pdf"));
        assert!(matches(
            "downloads/jaarverslag-20??.pdf",
            "downloads/jaarverslag-2024.pdf"
        ));
        assert!(!matches("archief/**", "archief2/a"));
        assert!(matches(".well-known/**", ".well-known/security.txt"));
    }
}
