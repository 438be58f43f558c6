//! What the server knows: its settings, shared by all workers, and each worker's own read-only
//! database connection.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime};

use chrono::NaiveDate;

use super::page_cache::PageCache;
use crate::db::{Database, DbError};

/// Settings of a running site.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// The public address of the site, without a trailing slash, for absolute URLs.
    pub base_url: String,
    /// Base URL of the repository's web editor; an entry's file path is appended to it.
    pub edit_url: Option<String>,
    pub db_path: PathBuf,
    pub static_dir: PathBuf,
    /// A fixed "today", for tests and previews of another day; `None` is the real date.
    pub today: Option<NaiveDate>,
    /// Show drafts, marked as such (preview only).
    pub drafts: bool,
    /// Live preview (`serve --watch`): build errors show as a banner on every page, and the
    /// stylesheet is read from disk so that changes to it show at once.
    pub watch: bool,
}

/// State shared by every worker.
#[derive(Debug)]
pub struct SharedState {
    pub config: SiteConfig,
    /// Bumped whenever a new database is swapped in; workers reopen their connection then.
    generation: AtomicU64,
    /// The errors of the last failed rebuild under `--watch`, shown on every page until fixed.
    build_errors: RwLock<Option<String>>,
}

impl SharedState {
    pub fn new(config: SiteConfig) -> Self {
        SharedState {
            config,
            generation: AtomicU64::new(1),
            build_errors: RwLock::new(None),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.config
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Takes in the outcome of a rebuild: after a new database, every worker reopens its
    /// connection; after a failure, the errors are kept for the banner until the next success.
    pub fn rebuilt(&self, outcome: Result<(), String>) {
        let replaced = outcome.is_ok();
        if let Ok(mut e) = self.build_errors.write() {
            *e = outcome.err();
        }
        if replaced {
            self.generation.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// The banner text, in live preview only.
    pub fn build_errors(&self) -> Option<String> {
        if !self.config.watch {
            return None;
        }
        self.build_errors.read().ok().and_then(|e| e.clone())
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }
}

/// How often a worker looks at the database file to see whether `build` replaced it.
const FILE_CHECK: Duration = Duration::from_secs(1);

/// What identifies one version of the database file: a rename by `build` changes it.
fn file_stamp(path: &std::path::Path) -> Option<(SystemTime, u64, u64)> {
    let m = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Some((m.modified().ok()?, m.len(), inode))
}

struct Open {
    generation: u64,
    stamp: Option<(SystemTime, u64, u64)>,
    checked: Instant,
    db: Rc<Database>,
}

/// One worker's connection, opened on first use and reopened when the database is replaced:
/// by `--watch` (told at once) or by `memorial-atlas build` run beside the server (seen within
/// a second). Requests under way keep the connection they started with.
pub struct WorkerDb {
    shared: Arc<SharedState>,
    current: RefCell<Option<Open>>,
    cache: RefCell<PageCache>,
}

impl WorkerDb {
    pub fn new(shared: Arc<SharedState>) -> Self {
        WorkerDb {
            shared,
            current: RefCell::new(None),
            cache: RefCell::new(PageCache::default()),
        }
    }

    pub fn get(&self) -> Result<Rc<Database>, DbError> {
        let generation = self.shared.generation();
        let path = &self.shared.config.db_path;
        if let Some(open) = self.current.borrow_mut().as_mut()
            && open.generation == generation
        {
            if open.checked.elapsed() < FILE_CHECK {
                return Ok(open.db.clone());
            }
            open.checked = Instant::now();
            if file_stamp(path) == open.stamp {
                return Ok(open.db.clone());
            }
        }
        let stamp = file_stamp(path);
        let db = Rc::new(Database::open(path, self.shared.config.drafts)?);
        *self.current.borrow_mut() = Some(Open {
            generation,
            stamp,
            checked: Instant::now(),
            db: db.clone(),
        });
        // Pages made from the old database are no longer true.
        self.cache.borrow_mut().clear();
        Ok(db)
    }

    /// This worker's cache of finished pages.
    pub fn cache(&self) -> &RefCell<PageCache> {
        &self.cache
    }
}

#[cfg(test)]
mod tests {
    use super::{SharedState, SiteConfig};

    fn watching() -> SharedState {
        SharedState::new(SiteConfig {
            base_url: "http://localhost".into(),
            edit_url: None,
            db_path: "unused.db".into(),
            static_dir: "static".into(),
            today: None,
            drafts: false,
            watch: true,
        })
    }

    #[test]
    fn a_failed_rebuild_keeps_the_database_and_shows_its_errors_until_one_succeeds() {
        let state = watching();
        let first = state.generation();
        state.rebuilt(Err("sites/x.md: no title".into()));
        assert_eq!(state.generation(), first);
        assert_eq!(
            state.build_errors().as_deref(),
            Some("sites/x.md: no title")
        );
        state.rebuilt(Ok(()));
        assert_eq!(state.generation(), first + 1);
        assert_eq!(state.build_errors(), None);
    }
}
