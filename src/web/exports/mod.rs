//! The open-data files (`/data/sites.json`, `.geojson`, `.csv`, `.jsonl`), written once for each
//! database and public address, each plain and precompressed (gzip, brotli), then served as files.
//!
//! They hold absolute URLs, and the public address is a setting of `serve`, not of the database;
//! so a set of files belongs to one database *and* one address, in a folder beside the database:
//! `<db>.exports/<built_at>-<public|drafts>-<address hash>/`. `build` writes the set for its
//! `--base-url`; a server writes the set for its own address when it is missing (at start-up, after
//! each rebuild, or at the first request for a file), once, while other requests for it wait. A set
//! is written into a temporary folder that is renamed into place when every file is complete, so
//! a reader sees all of a set or none of it, and always the set of the database it reads.

mod files;
pub mod records;
pub mod serve;
mod set;
mod write;

pub use files::{ENCODINGS, Export, ExportError, FileFacts};
pub use set::ExportSet;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::db::Database;

/// The folder that holds every set of files of the database at `db_path`.
pub fn root_for(db_path: &Path) -> PathBuf {
    let mut name = db_path.file_name().unwrap_or_default().to_os_string();
    name.push(".exports");
    db_path.with_file_name(name)
}

/// Where the files of the database built at `built_at`, served at `base_url`, are kept.
pub fn set_dir(db_path: &Path, built_at: &str, base_url: &str, drafts: bool) -> PathBuf {
    let stamp: String = built_at.chars().filter(char::is_ascii_digit).collect();
    let audience = if drafts { "drafts" } else { "public" };
    let address = crate::web::fingerprint::fnv1a(base_url.as_bytes());
    root_for(db_path).join(format!("{stamp}-{audience}-{:08x}", address as u32))
}

/// One set is written at a time in a process: the others who need it wait for it rather than
/// write it again.
static WRITING: Mutex<()> = Mutex::new(());

/// The set of files of the database now at `db_path` for `base_url`, written first if missing.
pub fn ensure(db_path: &Path, base_url: &str, drafts: bool) -> Result<ExportSet, ExportError> {
    // A database replaced while its files are written is written again from the new one, once.
    for _ in 0..2 {
        let db = Database::open(db_path, drafts)?;
        let dir = set_dir(db_path, db.built_at(), base_url, drafts);
        if let Some(set) = ExportSet::read(&dir) {
            return Ok(set);
        }
        let _one_at_a_time = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(set) = ExportSet::read(&dir) {
            return Ok(set);
        }
        match set::write(db_path, &db, base_url, &dir) {
            Err(ExportError::Replaced) => continue,
            other => return other,
        }
    }
    Err(ExportError::Replaced)
}
