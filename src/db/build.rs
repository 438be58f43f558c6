//! Content → SQLite. The database is written to a temporary file beside the target and renamed
//! into place only when complete, so a failed build never damages the database that was there.

use std::path::Path;
use std::sync::mpsc::SyncSender;
use std::time::{Duration, Instant};

use super::build_file::{open_for_build, remove_leftovers, temp_path};
use super::error::DbError;
use super::insert::insert_all;
use super::search::index::{self, IndexRow};
use super::site_index::SortKeys;
use crate::content::model::Content;

/// How many entries of each kind a build wrote, and how long it took.
#[derive(Debug, Clone, Default)]
pub struct BuildStats {
    pub sites: usize,
    pub countries: usize,
    pub dates: usize,
    pub pages: usize,
    pub drafts: usize,
    pub elapsed: Duration,
}

/// Writes `content` into a new database at `target`, replacing any database there atomically.
pub fn build(content: &Content, target: &Path) -> Result<BuildStats, DbError> {
    build_keeping(content, target, &mut SortKeys::default())
}

/// [`build`], keeping the site list's collation keys in `made` for the updates that follow
/// (live preview).
pub fn build_keeping(
    content: &Content,
    target: &Path,
    made: &mut SortKeys,
) -> Result<BuildStats, DbError> {
    let started = Instant::now();
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|source| DbError::Io {
        action: "create the folder",
        path: dir.to_path_buf(),
        source,
    })?;
    let left = remove_leftovers(target);
    if left > 0 {
        tracing::info!(
            files = left,
            "removed what an interrupted build left beside the database"
        );
    }
    let tmp = temp_path(target);
    let _ = std::fs::remove_file(&tmp);

    // On disk before it takes the old one's name: renamed before its pages reach the disk, a
    // power cut could leave the name on a half-written file, and the first save of live preview
    // would wait for the whole file to be written out.
    let result = write(content, &tmp, made).and_then(|()| sync(&tmp));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // A journal that an interrupted live preview left would be taken for the new file's: it is
    // rolled back into the old file, or, where that cannot be read, removed with it.
    if super::build_file::recover(target).is_err() {
        let _ = std::fs::remove_file(super::build_file::beside(target, "-journal"));
    }
    std::fs::rename(&tmp, target).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        DbError::Io {
            action: "move the new database into place at",
            path: target.to_path_buf(),
            source,
        }
    })?;
    // The rename itself, on disk: after a power cut the new file is served, not the old. Some
    // systems cannot open a folder to sync it; the old file is then served after a power cut.
    let _ = sync(dir);
    Ok(BuildStats {
        sites: content.sites.len(),
        countries: content.countries.len(),
        dates: content.dates.len(),
        pages: content.pages.len(),
        drafts: content.sites.iter().filter(|s| s.draft).count()
            + content.pages.iter().filter(|p| p.draft).count(),
        elapsed: started.elapsed(),
    })
}

/// Waits until a file's (or a folder's) data is on disk.
fn sync(path: &Path) -> Result<(), DbError> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|source| DbError::Io {
            action: "write to disk",
            path: path.to_path_buf(),
            source,
        })
}

fn write(content: &Content, path: &Path, made: &mut SortKeys) -> Result<(), DbError> {
    index::build_with_index(path, |index| write_tables(content, path, index, made))
}

/// Everything but the full-text index, which `index` receives.
fn write_tables(
    content: &Content,
    path: &Path,
    index: SyncSender<IndexRow>,
    made: &mut SortKeys,
) -> Result<(), DbError> {
    let werr = DbError::writing(path);
    let mut conn = open_for_build(path)?;
    conn.execute_batch(include_str!("schema.sql"))
        .map_err(werr)?;
    conn.execute_batch(include_str!("search_schema.sql"))
        .map_err(werr)?;
    let tx = conn.transaction().map_err(werr)?;
    insert_all(&tx, content, index).map_err(|e| e.in_file(path))?;
    tx.commit().map_err(werr)?;
    count_figures(&conn).map_err(werr)?;
    super::site_index::SiteIndex::store_with(&conn, made)?;
    // Exact statistics for the query planner, for each table that has an index (the full-text
    // index's tables have none). The others (bodies) offer no choice of plan, and counting
    // their rows would read most of the file: seconds at 100,000 sites. (Sampled statistics
    // were tried; they turned the home page's "recently checked" from an index walk into a
    // sort of every site, 170 ms instead of under 20.)
    let indexed: Vec<String> = conn
        .prepare("SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'index'")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(werr)?;
    for table in indexed {
        conn.execute_batch(&format!("ANALYZE \"{table}\";"))
            .map_err(werr)?;
    }
    conn.close().map_err(|(_, e)| werr(e))?;
    Ok(())
}

/// The home page's figures, counted once when the database is written rather than on every
/// request.
pub(super) fn count_figures(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "INSERT INTO meta (key, value)
           SELECT 'count_countries', count(*) FROM countries
           UNION ALL SELECT 'count_dates', count(*) FROM dates
           UNION ALL SELECT 'count_sources_public', count(DISTINCT coalesce(sources.url, sources.title))
             FROM sources JOIN sites ON sites.slug = sources.site WHERE sites.draft = 0
           UNION ALL SELECT 'count_sources_all', count(DISTINCT coalesce(url, title)) FROM sources;",
    )
}
