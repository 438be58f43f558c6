//! The SQLite database: its schema, how it is built from content, and every query the site runs.
//! All SQL of the project lives in this module.

pub mod browse;
pub mod build;
mod build_file;
mod columns;
pub mod entry_kind;
mod error;
pub mod facets;
mod insert;
mod insert_translations;
pub mod places;
pub mod read;
mod rows;
pub mod search;
mod site_index;
pub mod translated;
mod update;

pub use build::{BuildStats, build, build_keeping};
pub use build_file::recover;
pub use error::DbError;
pub use read::Database;
pub use site_index::{SiteIndexError, SortKeys};
pub use update::{UpdateStats, update};

/// The schema version written into `meta`; a server refuses a database of another version.
pub const SCHEMA_VERSION: &str = "11";
