//! The ground floor: value types and small readers that several stages share, so that no
//! stage has to reach into another for them. Nothing here knows a stage: config, load, parse,
//! model, images, render and write build on it, and `diagnostic` and `words` stand beside it.

pub(crate) mod fields;
pub(crate) mod hyphen;
pub mod output;
pub(crate) mod progress;
pub(crate) mod repeat;
pub(crate) mod slug;
pub(crate) mod text;
pub(crate) mod url;
pub(crate) mod values;
pub(crate) mod yaml;
