//! A set of open-data files on disk: its manifest (each file's hash, sizes and the day its data
//! last changed), how a set is read, and how one is written and moved into place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::{Export, ExportError, FileFacts};
use super::write;
use crate::db::Database;

const MANIFEST: &str = "manifest.json";
/// Sets kept per address: the newest, and the one before for workers still on the old database.
const KEEP: usize = 2;

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    built_at: String,
    files: BTreeMap<String, FileFacts>,
}

/// A complete set of files, ready to serve.
#[derive(Debug)]
pub struct ExportSet {
    pub dir: PathBuf,
    manifest: Manifest,
}

impl ExportSet {
    /// The set in `dir`, if one is there (a set is only ever there complete).
    pub fn read(dir: &Path) -> Option<ExportSet> {
        let text = std::fs::read(dir.join(MANIFEST)).ok()?;
        let manifest = serde_json::from_slice(&text).ok()?;
        Some(ExportSet {
            dir: dir.to_path_buf(),
            manifest,
        })
    }

    pub fn facts(&self, export: Export) -> Option<&FileFacts> {
        self.manifest.files.get(export.file_name())
    }

    /// When the database the files come from was built (RFC 3339).
    pub fn built_at(&self) -> &str {
        &self.manifest.built_at
    }
}

/// Writes every export of `db` (open at `db_path`) into `dir`, by way of a temporary folder.
pub(super) fn write(
    db_path: &Path,
    db: &Database,
    base_url: &str,
    dir: &Path,
) -> Result<ExportSet, ExportError> {
    let io = |action, path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io {
            action,
            path,
            source,
        }
    };
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.with_file_name(format!(".writing-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(io("create the folder", &tmp))?;
    let written =
        write_files(db_path, db.built_at(), db.drafts(), base_url, &tmp).and_then(|files| {
            let manifest = Manifest {
                built_at: db.built_at().to_string(),
                files: carry_over_dates(dir, files, db.built_at()),
            };
            let text = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
            let path = tmp.join(MANIFEST);
            std::fs::write(&path, text).map_err(io("write", &path))?;
            Ok(manifest)
        });
    let manifest = match written {
        Ok(m) => m,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    if let Err(e) = std::fs::rename(&tmp, dir) {
        let _ = std::fs::remove_dir_all(&tmp);
        // Another process (a `build` beside the server) may have put the same set in place.
        return ExportSet::read(dir).ok_or_else(|| io("move the new files into place at", dir)(e));
    }
    remove_old_sets(dir);
    Ok(ExportSet {
        dir: dir.to_path_buf(),
        manifest,
    })
}

/// Each export written on a thread of its own, with a connection of its own.
fn write_files(
    db_path: &Path,
    built_at: &str,
    drafts: bool,
    base_url: &str,
    tmp: &Path,
) -> Result<BTreeMap<String, FileFacts>, ExportError> {
    let results: Vec<Result<(Export, FileFacts), ExportError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = Export::ALL
            .into_iter()
            .map(|export| {
                scope.spawn(move || {
                    let conn = Database::open(db_path, drafts)?;
                    if conn.built_at() != built_at {
                        return Err(ExportError::Replaced);
                    }
                    let facts = write::one(export, &conn, base_url, tmp)?;
                    Ok((export, facts))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(ExportError::Record {
                        file: "the open-data files",
                        detail: "a writer stopped unexpectedly".into(),
                    })
                })
            })
            .collect()
    });
    results
        .into_iter()
        .map(|r| r.map(|(e, f)| (e.file_name().to_string(), f)))
        .collect()
}

/// A file whose bytes are those of the previous set keeps that set's date, so that its
/// `Last-Modified` changes only when its data does.
fn carry_over_dates(
    dir: &Path,
    mut files: BTreeMap<String, FileFacts>,
    built_at: &str,
) -> BTreeMap<String, FileFacts> {
    let previous = sibling_sets(dir)
        .into_iter()
        .find_map(|(_, p)| ExportSet::read(&p));
    for (name, facts) in files.iter_mut() {
        facts.modified = previous
            .as_ref()
            .and_then(|p| p.manifest.files.get(name))
            .filter(|old| old.hash == facts.hash)
            .map_or_else(|| built_at.to_string(), |old| old.modified.clone());
    }
    files
}

/// The other complete sets for the same address and audience as `dir`, newest first.
fn sibling_sets(dir: &Path) -> Vec<(std::time::SystemTime, PathBuf)> {
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let Some((_, suffix)) = name.split_once('-') else {
        return Vec::new();
    };
    let suffix = format!("-{suffix}");
    let parent = dir.parent().unwrap_or(Path::new("."));
    let mut sets: Vec<_> = std::fs::read_dir(parent)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p != dir)
        .filter(|p| {
            let n = p.file_name().unwrap_or_default().to_string_lossy();
            !n.starts_with('.') && n.ends_with(&suffix)
        })
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    sets.sort_by_key(|s| std::cmp::Reverse(s.0));
    sets
}

/// Removes all but the newest sets for this address. A worker still sending an old file keeps
/// it open: removing it does not cut the download short.
fn remove_old_sets(dir: &Path) {
    for (_, old) in sibling_sets(dir).into_iter().skip(KEEP - 1) {
        if let Err(e) = std::fs::remove_dir_all(&old) {
            tracing::warn!(
                "cannot remove the old open-data files {}: {e}",
                old.display()
            );
        }
    }
}
