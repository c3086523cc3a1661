//! The ground floor: value types and small readers that several stages share, so that no
//! stage has to reach into another for them. Nothing here knows a stage: config, load, parse,
//! model, images, render and write build on it, and `diagnostic` and `words` stand beside it.

pub mod fields;
pub mod output;
pub mod repeat;
pub mod slug;
pub mod text;
pub mod url;
pub mod values;
pub mod yaml;
