//! The one way from the content files to the database the server reads, used by `build`, by
//! `serve` (at start-up and in the background) and by `serve --watch`: load and check every
//! file, write a new database beside the old one and rename it into place (so that a reader never
//! sees half a file; [`db::build`] does both), then tell the running server. The server is told
//! through a callback given by the caller, so that the pipeline knows nothing of serving.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::content::live::{LiveContent, Seen};
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
        let started = std::time::Instant::now();
        self.report(self.build(), started, &tell_server);
    }

    /// Logs the outcome of a whole build and passes it to `tell_server`.
    fn report(
        &self,
        built: Result<BuildStats, RebuildError>,
        started: std::time::Instant,
        tell_server: &impl Fn(Outcome),
    ) {
        match built {
            Ok(stats) => {
                tell_server(Ok(()));
                tracing::info!(
                    "rebuilt {}: {} sites, {} countries, {} dates, {} pages in {:.2} s",
                    self.db_path.display(),
                    stats.sites,
                    stats.countries,
                    stats.dates,
                    stats.pages,
                    started.elapsed().as_secs_f64()
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

/// Live preview's pipeline (`serve --watch`): the first build reads the whole folder and keeps
/// its model; each save then reads only the files that changed and writes only the entries
/// they change into the served database, in place ([`db::update`]). Anything it cannot take in
/// that way (a folder renamed, a database of another version) falls back to a whole build.
pub struct Live {
    pipeline: Pipeline,
    content: Option<LiveContent>,
    /// When the whole folder was last read: while it has errors, only a file changed since
    /// then is worth reading it all again (reading a file is an event too).
    loaded: SystemTime,
    /// The collation keys of the site list's sort orders, kept from one save to the next.
    sort_keys: db::SortKeys,
}

impl Live {
    pub fn new(pipeline: Pipeline) -> Self {
        Live {
            pipeline,
            content: None,
            loaded: SystemTime::UNIX_EPOCH,
            sort_keys: db::SortKeys::kept_between_saves(),
        }
    }

    /// Reads the whole folder and builds the database whole, telling the server.
    pub fn rebuild_all(&mut self, tell_server: &impl Fn(Outcome)) {
        let started = std::time::Instant::now();
        self.loaded = SystemTime::now();
        match LiveContent::load(&self.pipeline.content_dir) {
            Ok(live) => {
                let built =
                    db::build_keeping(live.content(), &self.pipeline.db_path, &mut self.sort_keys);
                self.content = Some(live);
                self.pipeline
                    .report(built.map_err(RebuildError::Db), started, tell_server);
            }
            Err(report) => {
                self.pipeline
                    .report(Err(RebuildError::Content(report)), started, tell_server);
            }
        }
    }

    /// Takes in the paths a watcher reported changed.
    pub fn changed(&mut self, paths: &[PathBuf], tell_server: &impl Fn(Outcome)) {
        let started = std::time::Instant::now();
        let Some(live) = self.content.as_mut() else {
            let since = self.loaded;
            let changed = |p: &PathBuf| match std::fs::metadata(p) {
                Ok(m) => m.is_file() && m.modified().map_or(true, |t| t >= since),
                Err(_) => true,
            };
            if paths.iter().any(changed) {
                self.rebuild_all(tell_server);
            }
            return;
        };
        let changes = match live.update(paths) {
            Ok(Seen::Nothing) => return,
            Ok(Seen::Changes(changes)) => changes,
            Err(report) => {
                return self.pipeline.report(
                    Err(RebuildError::Content(report)),
                    started,
                    tell_server,
                );
            }
        };
        if changes.is_empty() {
            // A static file no entry reads (the stylesheet): only the pages are made again.
            return tell_server(Ok(()));
        }
        match db::update(
            live.content(),
            &changes,
            &self.pipeline.db_path,
            &mut self.sort_keys,
        ) {
            Ok(stats) => {
                tell_server(Ok(()));
                tracing::info!(
                    "updated {}: {} entries and {} translations{} in {:.3} s",
                    self.pipeline.db_path.display(),
                    stats.entries,
                    stats.translations,
                    if changes.site_list {
                        ", the site list sorted again"
                    } else {
                        ""
                    },
                    started.elapsed().as_secs_f64()
                );
            }
            Err(e) => {
                tracing::warn!(
                    "cannot update {} in place ({}): building it whole",
                    self.pipeline.db_path.display(),
                    Chain(&e)
                );
                let built =
                    db::build_keeping(live.content(), &self.pipeline.db_path, &mut self.sort_keys);
                self.pipeline
                    .report(built.map_err(RebuildError::Db), started, tell_server);
            }
        }
    }
}
