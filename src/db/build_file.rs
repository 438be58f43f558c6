//! The files a build writes: the new database beside its target, and the search index's side
//! file beside that.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::error::DbError;

/// A file in the same folder as `path`, named after it with `suffix` added.
pub fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Where a build writes the database before renaming it to `target`.
pub fn temp_path(target: &Path) -> PathBuf {
    beside(target, &format!(".tmp-{}", std::process::id()))
}

/// Removes what builds killed before they finished (SIGKILL, a power cut) left beside `target`:
/// their temporary database and search index (`<name>.tmp-<pid>`, `<name>.tmp-<pid>.search`),
/// hundreds of megabytes at scale. A file whose process still runs is another build's, and stays.
/// Returns how many files were removed.
pub fn remove_leftovers(target: &Path) -> usize {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{}.tmp-", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.strip_suffix(".search").unwrap_or(rest);
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid != std::process::id()
            && !process_runs(pid)
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Whether process `pid` is running. Where the system has no `/proc` to ask, every process is
/// taken to run: a leftover then stays, which is better than removing a running build's file.
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// A connection to a database file that this build is writing.
pub fn open_for_build(path: &Path) -> Result<Connection, DbError> {
    let werr = DbError::writing(path);
    let conn = Connection::open(path).map_err(werr)?;
    // A temporary file that is renamed only when complete needs no journal.
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        .map_err(werr)?;
    Ok(conn)
}

/// Settles a database whose last writer was killed in the middle of an update: SQLite rolls
/// back the transaction it left in its journal when the file is first opened for writing, and
/// a reader (opened read-only) could not. Nothing happens when there is no journal.
pub fn recover(target: &Path) -> Result<(), DbError> {
    let journal = beside(target, "-journal");
    if !journal.exists() || !target.is_file() {
        return Ok(());
    }
    let werr = DbError::writing(target);
    let conn = Connection::open(target).map_err(werr)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(werr)?;
    // Taking the write lock rolls back a hot journal. One killed before it wrote its header is
    // not hot (SQLite ignores it) but stays: under the lock no writer can be using it.
    conn.execute_batch("BEGIN IMMEDIATE").map_err(werr)?;
    let _ = std::fs::remove_file(&journal);
    conn.execute_batch("COMMIT").map_err(werr)?;
    conn.close().map_err(|(_, e)| werr(e))?;
    tracing::info!(
        "rolled back the update an interrupted preview left in {}",
        journal.display()
    );
    Ok(())
}
