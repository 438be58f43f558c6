//! How the database layer fails, each failure with what a person can do about it.

use std::path::PathBuf;

use super::site_index::SiteIndexError;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database {path}: {source}. Run `memorial-atlas build` to create it")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "the database {path} is not a Memorial Atlas database or is damaged ({detail}). Delete it and run `memorial-atlas build`"
    )]
    Invalid { path: PathBuf, detail: String },
    #[error("cannot write the database {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0} (the file changed or vanished during the build: run it again)")]
    Reread(Box<crate::content::ContentError>),
    #[error("the search index stopped taking entries before the build was done")]
    IndexStopped,
    #[error("cannot read {what} from the database: {source}")]
    Query {
        /// What was being read: "the site", "the list of sites".
        what: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error(transparent)]
    SiteIndex(#[from] SiteIndexError),
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

/// Names what a query was reading when it failed.
pub(crate) trait Reading<T> {
    fn reading(self, what: &'static str) -> Result<T, DbError>;
}

impl<T> Reading<T> for rusqlite::Result<T> {
    fn reading(self, what: &'static str) -> Result<T, DbError> {
        self.map_err(|source| DbError::Query { what, source })
    }
}

/// A failure while the build writes entries: SQLite's, which is one of writing the file, or
/// another that the build reports as it is (a file that changed, the index thread stopping).
#[derive(Debug)]
pub(crate) enum WriteFailure {
    Sql(rusqlite::Error),
    Other(DbError),
}

impl From<rusqlite::Error> for WriteFailure {
    fn from(e: rusqlite::Error) -> Self {
        WriteFailure::Sql(e)
    }
}

impl From<DbError> for WriteFailure {
    fn from(e: DbError) -> Self {
        WriteFailure::Other(e)
    }
}

impl WriteFailure {
    /// The failure as the build reports it, SQLite's as one of writing the file at `path`.
    pub(crate) fn in_file(self, path: &std::path::Path) -> DbError {
        match self {
            WriteFailure::Sql(source) => DbError::writing(path)(source),
            WriteFailure::Other(e) => e,
        }
    }
}
