//! Live preview's writes: the entries a save changed, written into the served database in place,
//! in one transaction, so that a save costs in proportion to what it changed and not to the size
//! of the atlas. Every named entry's rows (and its documents in the search index) are removed,
//! those the content still has are written again as a build writes them, and what is made from
//! every site (the home page's figures, the site list's facets and sort orders) is made again.
//! A reader sees the database before the transaction or after it, never between; a process
//! killed during it leaves a journal that SQLite rolls back when the file is next opened for
//! writing (`build_file::recover`).

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use rustc_hash::FxHashSet;

use super::SCHEMA_VERSION;
use super::entry_kind::EntryKind;
use super::error::{DbError, WriteFailure};
use super::insert::{Selection, insert_entries};
use super::search::index::Indexer;
use super::site_index::{SiteIndex, SortKeys};
use crate::content::live::Changes;
use crate::content::model::{Content, Kind};
use crate::lang::Lang;

/// What an update wrote (the caller times the whole save, reading included).
#[derive(Debug, Clone, Default)]
pub struct UpdateStats {
    /// Entries written again whole, and translations alone.
    pub entries: usize,
    pub translations: usize,
}

/// Writes the `changes` of `content` into the database at `target`, which a build of the
/// content as it was made. Fails, leaving the database as it was, when it is missing or of
/// another version: a full build is then the way. `made` keeps collation keys from one update
/// to the next.
pub fn update(
    content: &Content,
    changes: &Changes,
    target: &Path,
    made: &mut SortKeys,
) -> Result<UpdateStats, DbError> {
    let werr = DbError::writing(target);
    if !target.is_file() {
        return Err(DbError::Open {
            path: target.to_path_buf(),
            source: rusqlite::Error::InvalidPath(target.to_path_buf()),
        });
    }
    let mut conn = Connection::open(target).map_err(werr)?;
    // A rollback journal, not WAL: a build renames a new file over this one, and a WAL file
    // left beside it would then belong to the wrong database.
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA cache_size = -65536;",
    )
    .map_err(werr)?;
    conn.busy_timeout(Duration::from_secs(10)).map_err(werr)?;
    let version: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(werr)?;
    if version.as_deref() != Some(SCHEMA_VERSION) {
        return Err(DbError::Invalid {
            path: target.to_path_buf(),
            detail: format!("schema version {version:?}, expected {SCHEMA_VERSION}"),
        });
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(werr)?;
    // A country is written again after its sites still name it: the references are checked
    // when the transaction commits, whole.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON;")
        .map_err(werr)?;
    write_changes(&tx, content, changes).map_err(|e| e.in_file(target))?;
    tx.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'built_at'",
        [chrono::Utc::now().to_rfc3339()],
    )
    .map_err(werr)?;
    // What is made from every entry is made again only when what it is made of changed.
    if changes.figures {
        tx.execute("DELETE FROM meta WHERE key LIKE 'count_%'", [])
            .map_err(werr)?;
        super::build::count_figures(&tx).map_err(werr)?;
    }
    if changes.site_list {
        let moved = match sites_only(changes) {
            Some(slugs) => SiteIndex::store_moved(&tx, made, &slugs)?,
            None => false,
        };
        if !moved {
            SiteIndex::store_with(&tx, made)?;
        }
    }
    tx.commit().map_err(werr)?;
    conn.close().map_err(|(_, e)| werr(e))?;
    Ok(UpdateStats {
        entries: changes.entries.len(),
        translations: changes.translations.len(),
    })
}

/// The sites a change names, when it names no country or date: the site index can then move
/// these sites alone. A country's or date's change relabels or reorders many sites.
fn sites_only(changes: &Changes) -> Option<BTreeSet<&str>> {
    let mut slugs = BTreeSet::new();
    for (kind, key) in changes.keys() {
        match kind {
            Kind::Site => {
                slugs.insert(key);
            }
            Kind::Page => {}
            Kind::Country | Kind::Date => return None,
        }
    }
    Some(slugs)
}

/// Removes every named entry, then writes those `content` has.
fn write_changes(
    tx: &rusqlite::Transaction,
    content: &Content,
    changes: &Changes,
) -> Result<(), WriteFailure> {
    let mut search = Indexer::in_place(tx)?;
    let mut rowids = HashMap::new();
    for (kind, key) in &changes.entries {
        if *kind == Kind::Site
            && let Some(rowid) = tx
                .query_row("SELECT rowid FROM sites WHERE slug = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?
        {
            rowids.insert(key.clone(), rowid);
        }
        remove_entry(tx, *kind, key)?;
        tx.execute(
            "DELETE FROM translations WHERE kind = ?1 AND key = ?2",
            params![kind.as_str(), key],
        )?;
        search.remove(EntryKind::from(*kind), key, None)?;
    }
    for (kind, key, lang) in &changes.translations {
        tx.execute(
            "DELETE FROM translations WHERE kind = ?1 AND key = ?2 AND lang = ?3",
            params![kind.as_str(), key, lang.code()],
        )?;
        search.remove(EntryKind::from(*kind), key, Some(*lang))?;
    }
    // Looked up for every entry of the atlas: hashed quickly, and without copying keys.
    let whole: FxHashSet<(Kind, &str)> = changes
        .entries
        .iter()
        .map(|(k, key)| (*k, key.as_str()))
        .collect();
    let alone: FxHashSet<(Kind, &str, Lang)> = changes
        .translations
        .iter()
        .map(|(k, key, lang)| (*k, key.as_str(), *lang))
        .collect();
    let named = |kind: Kind, key: &str| whole.contains(&(kind, key));
    let selected = Selection {
        rowids,
        ..Selection::matching(content, named, |t| {
            named(t.kind, &t.key) || alone.contains(&(t.kind, t.key.as_str(), t.lang))
        })
    };
    insert_entries(tx, content, &selected, &mut search)
}

/// Deletes the rows of one original entry (not its documents in the search index).
fn remove_entry(tx: &rusqlite::Transaction, kind: Kind, key: &str) -> rusqlite::Result<()> {
    let statements: &[&str] = match kind {
        Kind::Site => &[
            "DELETE FROM site_bodies WHERE id = (SELECT rowid FROM sites WHERE slug = ?1)",
            "DELETE FROM site_locations WHERE id = (SELECT rowid FROM sites WHERE slug = ?1)",
            "DELETE FROM site_names WHERE site = ?1",
            "DELETE FROM site_conflicts WHERE site = ?1",
            "DELETE FROM site_commemorations WHERE site = ?1",
            "DELETE FROM sources WHERE site = ?1",
            "DELETE FROM images WHERE site = ?1",
            "DELETE FROM aliases WHERE site = ?1",
            "DELETE FROM site_event_days WHERE site = ?1",
            "DELETE FROM sites WHERE slug = ?1",
        ],
        Kind::Country => &[
            "DELETE FROM country_names WHERE code = ?1",
            "DELETE FROM countries WHERE code = ?1",
        ],
        Kind::Date => &[
            "DELETE FROM date_countries WHERE date_slug = ?1",
            "DELETE FROM date_names WHERE date_slug = ?1",
            "DELETE FROM dates WHERE slug = ?1",
        ],
        Kind::Page => &["DELETE FROM pages WHERE slug = ?1"],
    };
    for sql in statements {
        tx.prepare_cached(sql)?.execute([key])?;
    }
    Ok(())
}
