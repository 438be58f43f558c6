//! Indexing, during a build: each entry's text is stored in `search_docs` by the thread that
//! writes the tables, and indexed by FTS5 on a thread of its own. FTS5's tokenising is
//! about half of the work of writing the database, and SQLite lets only one connection write to
//! a file at a time; so the index is written into a second file beside the new database while
//! the main thread writes the tables, and its tables are copied in at the end (a copy of
//! finished pages, far cheaper than indexing).

use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use rusqlite::{OptionalExtension, Transaction, params};

use super::terms::index_text;
use crate::db::build_file::{beside, open_for_build};
use crate::db::entry_kind::EntryKind;
use crate::db::error::{DbError, WriteFailure};
use crate::lang::Lang;

/// How many documents may wait for the index thread: enough to keep it busy, few enough that a
/// build of 100,000 sites never holds much text.
const QUEUE: usize = 256;

/// One document's text for the index; `id` is its row in `search_docs`.
#[derive(Debug)]
pub struct IndexRow {
    pub id: i64,
    pub title: String,
    pub names: String,
    pub place: String,
    pub honours: String,
    pub body: String,
}

/// One document to index.
pub struct SearchDoc<'a> {
    pub kind: EntryKind,
    /// The language of the text: an original's, or a translation's.
    pub lang: Lang,
    pub key: &'a str,
    pub title: &'a str,
    pub names: String,
    pub place: String,
    pub honours: &'a str,
    pub body: &'a str,
    pub draft: bool,
    pub site_kind: Option<&'a str>,
    pub site_status: Option<&'a str>,
    pub country_name: Option<&'a str>,
}

impl<'a> SearchDoc<'a> {
    /// An entry's document with its title and body; the other fields are empty.
    pub fn new(kind: EntryKind, key: &'a str, title: &'a str, body: &'a str) -> Self {
        SearchDoc {
            kind,
            lang: Lang::En,
            key,
            title,
            body,
            names: String::new(),
            place: String::new(),
            honours: "",
            draft: false,
            site_kind: None,
            site_status: None,
            country_name: None,
        }
    }
}

/// Where an indexer sends each document's text: to the index's own thread during a build, or
/// straight into the index tables when a database is updated in place.
enum Sink<'t> {
    Thread(SyncSender<IndexRow>),
    Direct {
        fts: rusqlite::Statement<'t>,
        titles: rusqlite::Statement<'t>,
    },
}

/// Writes documents into the stored table and their text into the index: during a build (the
/// text indexed on a thread of its own) or an update in place (see `db::update`).
pub struct Indexer<'t> {
    tx: &'t rusqlite::Connection,
    doc: rusqlite::Statement<'t>,
    sink: Sink<'t>,
    next_id: i64,
    /// The document of each original, by entry: its translations' documents are numbered
    /// after it (see [`doc_id`]). An update also notes here the documents it removes, so that
    /// an entry written again keeps its number.
    originals: std::collections::HashMap<(EntryKind, String), i64>,
    /// Whether entries not noted in `originals` may already have documents (an update): a new
    /// database's have none, and asking the table for each would cost a query per document.
    look_up: bool,
}

/// Where a document's language is written in its id: an original's document is numbered from 1;
/// a translation's is its original's number with the language above these bits. So the
/// documents of one entry are known from their ids alone, and a search ranks each entry once
/// without reading the documents it leaves out.
const LANG_SHIFT: u32 = 40;

/// The id of an entry's document in `lang`, from its original's.
pub fn doc_id(original: i64, lang: Lang) -> i64 {
    original | ((lang as i64) << LANG_SHIFT)
}

/// The entry a document belongs to (its original's document id), and the document's language.
pub fn entry_of(id: i64) -> (i64, i64) {
    (id & ((1 << LANG_SHIFT) - 1), id >> LANG_SHIFT)
}

const INSERT_DOC: &str = "INSERT INTO search_docs (id, kind, key, title, names, place, honours, body, draft, site_kind, site_status, country_name, lang)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
const INSERT_FTS: &str = "INSERT INTO search (rowid, title, names, place, honours, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
const INSERT_TITLES: &str = "INSERT INTO search_titles (rowid, title, names) VALUES (?1, ?2, ?3)";
/// The same rows told to FTS5 as ones to forget.
const DELETE_FTS: &str = "INSERT INTO search (search, rowid, title, names, place, honours, body)
     VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)";
const DELETE_TITLES: &str =
    "INSERT INTO search_titles (search_titles, rowid, title, names) VALUES ('delete', ?1, ?2, ?3)";

impl<'t> Indexer<'t> {
    /// An indexer for a new database, whose text `index` receives.
    pub fn new(tx: &'t Transaction, index: SyncSender<IndexRow>) -> rusqlite::Result<Self> {
        Ok(Indexer {
            tx,
            doc: tx.prepare(INSERT_DOC)?,
            sink: Sink::Thread(index),
            next_id: 0,
            originals: std::collections::HashMap::new(),
            look_up: false,
        })
    }

    /// An indexer that updates a built database's index in place: new entries are numbered
    /// after the last one.
    pub fn in_place(tx: &'t Transaction) -> rusqlite::Result<Self> {
        // The originals' numbers are below the first translation's: a look at the end of the
        // table's key, not a scan of its rows.
        let next_id = tx.query_row(
            "SELECT coalesce(max(id), 0) FROM search_docs WHERE id < ?1",
            [1i64 << LANG_SHIFT],
            |r| r.get(0),
        )?;
        Ok(Indexer {
            tx,
            doc: tx.prepare(INSERT_DOC)?,
            sink: Sink::Direct {
                fts: tx.prepare(INSERT_FTS)?,
                titles: tx.prepare(INSERT_TITLES)?,
            },
            next_id,
            originals: std::collections::HashMap::new(),
            look_up: true,
        })
    }

    /// The document id of the original of `kind`/`key`: noted, or else already in the table.
    fn original_id(
        &mut self,
        kind: EntryKind,
        key: &str,
        lang: Lang,
    ) -> rusqlite::Result<Option<i64>> {
        // A new database writes each original once, before its translations.
        if lang == Lang::En && !self.look_up {
            return Ok(None);
        }
        if let Some(&id) = self.originals.get(&(kind, key.to_string())) {
            return Ok(Some(id));
        }
        if !self.look_up {
            return Ok(None);
        }
        let found: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM search_docs WHERE kind = ?1 AND key = ?2 AND lang = 'en'",
                params![kind.as_str(), key],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = found {
            self.originals.insert((kind, key.to_string()), id);
        }
        Ok(found)
    }

    pub fn add(&mut self, d: &SearchDoc) -> Result<(), WriteFailure> {
        let id = match (d.lang, self.original_id(d.kind, d.key, d.lang)?) {
            (Lang::En, Some(id)) => id,
            (lang, Some(original)) => doc_id(original, lang),
            (lang, None) => {
                self.next_id += 1;
                if lang == Lang::En {
                    self.originals
                        .insert((d.kind, d.key.to_string()), self.next_id);
                }
                self.next_id
            }
        };
        self.doc.execute(params![
            id,
            d.kind.as_str(),
            d.key,
            d.title,
            d.names,
            d.place,
            d.honours,
            d.body,
            d.draft,
            d.site_kind,
            d.site_status,
            d.country_name,
            d.lang.code()
        ])?;
        let row = IndexRow {
            id,
            title: d.title.to_string(),
            names: d.names.clone(),
            place: d.place.clone(),
            honours: d.honours.to_string(),
            body: d.body.to_string(),
        };
        match &mut self.sink {
            Sink::Thread(index) => index
                .send(row)
                .map_err(|_| WriteFailure::Other(DbError::IndexStopped)),
            Sink::Direct { fts, titles } => Ok(index_row(fts, titles, &row)?),
        }
    }

    /// Removes the documents of an entry from the index: its original's and every translation's
    /// (`lang` `None`), or one language's. The original's number is kept for the entry's
    /// documents written again in the same update.
    pub fn remove(
        &mut self,
        kind: EntryKind,
        key: &str,
        lang: Option<Lang>,
    ) -> Result<(), WriteFailure> {
        let docs: Vec<IndexRow> = self
            .tx
            .prepare_cached(
                "SELECT id, title, names, place, honours, body FROM search_docs
                 WHERE kind = ?1 AND key = ?2 AND (?3 IS NULL OR lang = ?3)",
            )?
            .query_map(params![kind.as_str(), key, lang.map(Lang::code)], |r| {
                Ok(IndexRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    names: r.get(2)?,
                    place: r.get(3)?,
                    honours: r.get(4)?,
                    body: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for d in &docs {
            if entry_of(d.id).1 == 0 {
                self.originals.insert((kind, key.to_string()), d.id);
            }
            // A contentless FTS5 table forgets a row only when told the text it indexed.
            let (mut fts, mut titles) = (
                self.tx.prepare_cached(DELETE_FTS)?,
                self.tx.prepare_cached(DELETE_TITLES)?,
            );
            index_row(&mut fts, &mut titles, d)?;
            self.tx
                .prepare_cached("DELETE FROM search_docs WHERE id = ?1")?
                .execute([d.id])?;
        }
        Ok(())
    }
}

/// Indexes one document's text in both indexes (or, with the `DELETE_` statements, removes it).
fn index_row(
    fts: &mut rusqlite::Statement,
    titles: &mut rusqlite::Statement,
    row: &IndexRow,
) -> rusqlite::Result<()> {
    let (title, names) = (index_text(&row.title), index_text(&row.names));
    fts.execute(params![
        row.id,
        title,
        names,
        index_text(&row.place),
        index_text(&row.honours),
        index_text(&row.body)
    ])?;
    titles.execute(params![row.id, title, names])?;
    Ok(())
}

/// Runs `tables`, which writes the database at `db` (its tables, with `search_schema.sql`) and
/// sends each document's text, while another thread indexes that text into a file beside it;
/// then copies the index into `db`. The side file is removed whatever happens.
pub fn build_with_index<T>(
    db: &Path,
    tables: impl FnOnce(SyncSender<IndexRow>) -> Result<T, DbError>,
) -> Result<T, DbError> {
    let side = beside(db, ".search");
    let _ = std::fs::remove_file(&side);
    let result = std::thread::scope(|scope| {
        let (rows, received) = sync_channel(QUEUE);
        let index = scope.spawn(|| write_index(&side, received));
        let tables = tables(rows);
        let index = index
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        // The index's own error explains a table writer that found the queue closed.
        match (tables, index) {
            (_, Err(e)) => Err(e),
            (tables, Ok(())) => tables,
        }
    })
    .and_then(|t| copy_into(db, &side).map(|()| t));
    let _ = std::fs::remove_file(&side);
    result
}

/// Indexes every row received until the sender hangs up.
fn write_index(path: &Path, rows: Receiver<IndexRow>) -> Result<(), DbError> {
    let werr = DbError::writing(path);
    let mut conn = open_for_build(path)?;
    conn.execute_batch(include_str!("../search_schema.sql"))
        .map_err(werr)?;
    // FTS5 gathers new terms in memory and writes them as a segment when this fills (1 MB by
    // default); a larger buffer means fewer segments to merge while building.
    conn.execute_batch(
        "INSERT INTO search (search, rank) VALUES ('hashsize', 33554432);
         INSERT INTO search_titles (search_titles, rank) VALUES ('hashsize', 8388608);",
    )
    .map_err(werr)?;
    let tx = conn.transaction().map_err(werr)?;
    {
        let mut fts = tx.prepare(INSERT_FTS).map_err(werr)?;
        let mut titles = tx.prepare(INSERT_TITLES).map_err(werr)?;
        for row in rows {
            index_row(&mut fts, &mut titles, &row).map_err(werr)?;
        }
    }
    tx.commit().map_err(werr)?;
    conn.close().map_err(|(_, e)| werr(e))
}

/// Copies the finished index at `side` into the database at `db`, whose `search` tables were
/// created by the same schema and are still empty. A fresh connection, so that no FTS5 state
/// cached from creating the tables outlives the copy.
fn copy_into(db: &Path, side: &Path) -> Result<(), DbError> {
    let werr = DbError::writing(db);
    let Some(side_name) = side.to_str() else {
        return Err(DbError::Io {
            action: "use a database path that is not valid UTF-8:",
            path: side.to_path_buf(),
            source: std::io::Error::from(std::io::ErrorKind::InvalidFilename),
        });
    };
    let mut conn = open_for_build(db)?;
    conn.execute("ATTACH DATABASE ?1 AS side", [side_name])
        .map_err(werr)?;
    let tx = conn.transaction().map_err(werr)?;
    // Every ordinary table of the side file: the shadow tables that hold the FTS5 indexes.
    let tables: Vec<String> = tx
        .prepare(
            "SELECT name FROM side.sqlite_schema
             WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'",
        )
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(werr)?;
    for table in tables {
        tx.execute_batch(&format!(
            "DELETE FROM main.\"{table}\"; INSERT INTO main.\"{table}\" SELECT * FROM side.\"{table}\";"
        ))
        .map_err(werr)?;
    }
    tx.commit().map_err(werr)?;
    conn.execute_batch("DETACH DATABASE side").map_err(werr)?;
    conn.close().map_err(|(_, e)| werr(e))
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn the_copied_index_is_whole_and_finds_what_was_sent() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("db");
        build_with_index(&path, |index| {
            let werr = DbError::writing(&path);
            let conn = Connection::open(&path).map_err(werr)?;
            conn.execute_batch(include_str!("../search_schema.sql"))
                .map_err(werr)?;
            for (id, title) in [(1, "Liberation Monument"), (2, "해방탑")] {
                index
                    .send(IndexRow {
                        id,
                        title: title.into(),
                        names: String::new(),
                        place: "Pyongyang".into(),
                        honours: String::new(),
                        body: "A memorial.".into(),
                    })
                    .map_err(|_| DbError::IndexStopped)?;
            }
            Ok(())
        })
        .expect("build");
        let conn = Connection::open(&path).expect("open");
        for table in ["search", "search_titles"] {
            conn.execute(
                &format!("INSERT INTO {table} ({table}) VALUES ('integrity-check')"),
                [],
            )
            .expect("FTS5 finds its index consistent");
        }
        let found = |q: &str| -> Vec<i64> {
            let mut st = conn
                .prepare("SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid")
                .expect("query");
            st.query_map([q], |r| r.get(0))
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("ids")
        };
        assert_eq!(found("pyongyang"), [1, 2]);
        assert_eq!(found("\"해방\""), [2]);
        assert!(!dir.path().join("db.search").exists());
    }
}
