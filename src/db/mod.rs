//! The SQLite database: its schema, how it is built from content, and every query the site runs.
//! All SQL of the project lives in this module.

pub mod browse;
pub mod build;
mod build_file;
mod columns;
pub mod facets;
mod insert;
pub mod places;
pub mod read;
pub mod search;
mod site_index;

use std::path::PathBuf;

pub use build::{BuildStats, build};
pub use read::Database;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database {path}: {source}. Run `memorial-atlas build` to create it")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "the database {path} is not a Memorial Atlas database or is damaged ({detail}). Delete it and run `memorial-atlas build`"
    )]
    Invalid { path: PathBuf, detail: String },
    #[error("cannot write the database {path}: {source}")]
    Write {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} (the file changed or vanished during the build: run it again)")]
    Reread(Box<crate::content::ContentError>),
    #[error("the search index stopped taking entries before the build was done")]
    IndexStopped,
    #[error("database query failed: {0}")]
    Query(#[from] rusqlite::Error),
}

impl DbError {
    /// Turns an SQLite error met while writing the file at `path` into this error.
    pub(crate) fn writing(
        path: &std::path::Path,
    ) -> impl Fn(rusqlite::Error) -> DbError + Copy + '_ {
        move |source| DbError::Write {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The schema version written into `meta`; a server refuses a database of another version.
pub const SCHEMA_VERSION: &str = "5";
