//! Full-text search in every script: `index` writes the index during a build (on a thread of its
//! own), `query` runs a visitor's words against it, `terms` holds how both split text into
//! words, and `matches` says where the words stand in a result's text.

pub(crate) mod index;
pub mod matches;
pub mod query;
pub mod terms;

pub use query::{Hit, MAX_MATCHES, MAX_QUERY_CHARS, Results};
pub use terms::query_terms;
