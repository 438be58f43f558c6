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

/// A connection to a database file that this build is writing.
pub fn open_for_build(path: &Path) -> Result<Connection, DbError> {
    let werr = DbError::writing(path);
    let conn = Connection::open(path).map_err(werr)?;
    // A temporary file that is renamed only when complete needs no journal.
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        .map_err(werr)?;
    Ok(conn)
}
