//! The one way from the content files to the database the server reads, used by `build`, by
//! `serve` (at start-up and in the background) and by `serve --watch`: load and check every
//! file, write a new database beside the old one and rename it into place (so that a reader never
//! sees half a file; [`db::build`] does both), then tell the running server. The server is told
//! through a callback given by the caller, so that the pipeline knows nothing of serving.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::content::{self, ErrorReport};
use crate::db::{self, BuildStats, DbError};
use crate::logging::Chain;

#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    /// The content has errors; nothing was written.
    #[error("{0}")]
    Content(ErrorReport),
    #[error("{0}")]
    Db(#[from] DbError),
}

/// What a running server is told after each rebuild: `Ok` when a new database is in place, or
/// the errors for which the last good one goes on serving (the banner of `--watch`).
pub type Outcome = Result<(), String>;

/// Where a rebuild reads its content and writes its database.
#[derive(Debug, Clone)]
pub struct Pipeline {
    pub content_dir: PathBuf,
    pub db_path: PathBuf,
}

impl Pipeline {
    pub fn new(content_dir: &Path, db_path: &Path) -> Self {
        Pipeline {
            content_dir: content_dir.to_path_buf(),
            db_path: db_path.to_path_buf(),
        }
    }

    /// Loads and checks the content, then replaces the database with one built from it. When
    /// anything is wrong the old database stays as it was.
    pub fn build(&self) -> Result<BuildStats, RebuildError> {
        // Warnings are `check`'s to show: a build skips them.
        let content = content::load_with(&self.content_dir, content::Warnings::Skip)
            .map_err(RebuildError::Content)?;
        Ok(db::build(&content, &self.db_path)?)
    }

    /// [`Pipeline::build`] under a running server, with the outcome logged and passed to
    /// `tell_server`. On success every worker opens the new database at its next request; on
    /// failure the last good one goes on serving.
    pub fn rebuild_served(&self, tell_server: impl Fn(Outcome)) {
        match self.build() {
            Ok(stats) => {
                tell_server(Ok(()));
                tracing::info!(
                    "rebuilt {}: {} sites, {} countries, {} dates, {} pages in {:.2} s",
                    self.db_path.display(),
                    stats.sites,
                    stats.countries,
                    stats.dates,
                    stats.pages,
                    stats.elapsed.as_secs_f64()
                );
            }
            Err(e) => {
                match &e {
                    RebuildError::Content(report) => tracing::warn!(
                        "{report}\nThe content has errors: still serving the last good database."
                    ),
                    RebuildError::Db(cause) => tracing::error!(
                        "the rebuild failed, still serving the last good database: {}",
                        Chain(cause)
                    ),
                }
                tell_server(Err(e.to_string()));
            }
        }
    }

    /// Rebuilds under a running server if the content changed since the database was built.
    pub fn rebuild_served_if_stale(&self, tell_server: impl Fn(Outcome)) {
        if !self.is_stale() {
            return;
        }
        tracing::info!(
            "The content changed since {} was built: rebuilding it, serving the previous build meanwhile.",
            self.db_path.display()
        );
        self.rebuild_served(tell_server);
    }

    /// Whether the database is missing or older than any content file or folder.
    pub fn is_stale(&self) -> bool {
        let Some(built) = modified(&self.db_path) else {
            return true;
        };
        let folders =
            ["", "sites", "countries", "dates", "pages"].map(|f| self.content_dir.join(f));
        folders
            .iter()
            .chain(content::files(&self.content_dir).iter())
            .any(|p| modified(p).is_some_and(|m| m > built))
    }
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}
