//! `plein deploy`: make a bucket on S3-compatible storage equal to the built site.
//!
//! `target` reads the `deploy:` targets of plein.yaml, `credentials` finds the keys, `files`
//! hashes the build, `s3` lists and changes the bucket (signed by `sigv4`), `plan` compares
//! the two by MD5, `upload` carries the plan out in order, and `words` says it all in the
//! site's language. Nothing here renders or writes the site: the build is done before.

pub(crate) mod credentials;
pub(crate) mod files;
pub(crate) mod plan;
pub(crate) mod s3;
pub(crate) mod sigv4;
pub(crate) mod upload;
pub(crate) mod words;
