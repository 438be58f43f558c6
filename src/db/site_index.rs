//! Every site's filterable fields and its place in each sort order, held in memory beside a
//! connection. The site list's facet counts and pages, and the number of sites per country and
//! per date, are then one pass over a compact array: counting them in SQL scanned the sites
//! table once per facet, which took a second and more at 100,000 sites.
//!
//! `build` makes the index from the tables it has just written and stores it, packed, in the
//! `site_index` table; a server reads that back in milliseconds rather than sorting 100,000
//! titles three ways on its first request.

mod moves;
mod sorting;

use std::sync::Arc;

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use rusqlite::{Connection, Row};

use super::columns::col;
use super::facets::{Facet, FacetOption, SiteQuery, Sort};
use crate::i18n::collate;
use crate::lang::Lang;
use sorting::{Sorting, Words};

/// Why the site index could not be made, stored or read back.
#[derive(Debug, thiserror::Error)]
pub enum SiteIndexError {
    #[error("cannot read {what}: {source}")]
    Query {
        what: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cannot store the site index in the new database: {0}")]
    Store(#[source] rusqlite::Error),
    #[error(
        "more than {NONE} values of one filter: the site index numbers them in 16 bits; widen its numbers to hold more"
    )]
    TooManyValues,
    #[error("the stored site index is damaged. Delete the database and run `memorial-atlas build`")]
    Damaged,
}

/// A value read from a row while loading: its error is one of reading the tables.
impl From<rusqlite::Error> for SiteIndexError {
    fn from(source: rusqlite::Error) -> Self {
        SiteIndexError::Query {
            what: "the tables the site index is made from",
            source,
        }
    }
}

/// A text read in place from a row while loading.
impl From<rusqlite::types::FromSqlError> for SiteIndexError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        SiteIndexError::from(rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            Box::new(e),
        ))
    }
}

/// One site, as the filters see it. Facet values are numbers into `SiteIndex::values`; a
/// site's conflicts and dates are a range of `SiteIndex::tags`.
struct Entry {
    rowid: i64,
    draft: bool,
    country: u16,
    kind: u16,
    status: u16,
    conflicts: (u32, u32),
    dates: (u32, u32),
}

/// A filter value no site has: it matches nothing.
const NONE: u16 = u16::MAX;

pub struct SiteIndex {
    entries: Vec<Entry>,
    tags: Vec<u16>,
    /// Per facet, in display order: each value with its label.
    values: [Vec<(String, String)>; 5],
    lookup: [FxHashMap<String, u16>; 5],
    /// Positions into `entries`, one list per sort order, for each language (in the order of
    /// [`Lang::ALL`]): names sort in each language's own alphabetical order.
    orders: Vec<[Vec<u32>; 3]>,
    /// Sites per facet value: published only, and with drafts.
    counts: [[Vec<i64>; 5]; 2],
}

const PACK_MAGIC: &[u8] = b"site-index-2\n";

/// Reads packed numbers and strings, `None` past the end.
struct Unpacker<'a>(&'a [u8]);

impl Unpacker<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }

    fn u16(&mut self) -> Option<u16> {
        self.take::<2>().map(u16::from_le_bytes)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take::<4>().map(u32::from_le_bytes)
    }

    fn string(&mut self) -> Option<String> {
        let len = self.u32()? as usize;
        if len > self.0.len() {
            return None;
        }
        let (s, rest) = self.0.split_at(len);
        self.0 = rest;
        String::from_utf8(s.to_vec()).ok()
    }
}

/// What one page of a filtered list needs from the index.
pub struct Selection {
    pub total: i64,
    /// The rowids of the sites on the page, in order.
    pub rowids: Vec<i64>,
    pub facets: Vec<(Facet, Vec<FacetOption>)>,
}

fn facet_slot(f: Facet) -> usize {
    match f {
        Facet::Country => 0,
        Facet::Kind => 1,
        Facet::Status => 2,
        Facet::Conflict => 3,
        Facet::Date => 4,
    }
}

fn sort_slot(s: Sort) -> usize {
    match s {
        Sort::Name => 0,
        Sort::Country => 1,
        Sort::Established => 2,
    }
}

/// Values of a facet seen while loading, numbered in first-seen order until sorted.
#[derive(Default)]
struct Values {
    list: Vec<(String, String)>,
    lookup: FxHashMap<String, u16>,
}

impl Values {
    fn id(&mut self, value: &str, label: &str) -> Result<u16, SiteIndexError> {
        if let Some(&id) = self.lookup.get(value) {
            return Ok(id);
        }
        let id = u16::try_from(self.list.len())
            .ok()
            .filter(|id| *id < NONE)
            .ok_or(SiteIndexError::TooManyValues)?;
        self.list.push((value.to_string(), label.to_string()));
        self.lookup.insert(value.to_string(), id);
        Ok(id)
    }

    /// Sorts the values by `key` and returns the old-to-new renumbering.
    fn sort_by<K: Ord>(&mut self, key: impl Fn(&(String, String)) -> K) -> Vec<u16> {
        let mut numbered: Vec<(usize, (String, String))> = std::mem::take(&mut self.list)
            .into_iter()
            .enumerate()
            .collect();
        numbered.sort_by_key(|(_, v)| key(v));
        let mut renumber = vec![0u16; numbered.len()];
        for (new, (old, _)) in numbered.iter().enumerate() {
            renumber[*old] = new as u16;
        }
        self.list = numbered.into_iter().map(|(_, v)| v).collect();
        self.lookup = self
            .list
            .iter()
            .enumerate()
            .map(|(i, (v, _))| (v.clone(), i as u16))
            .collect();
        renumber
    }
}

/// A site's conflicts and dates, as numbers of their values.
type SiteTags = (Vec<u16>, Vec<u16>);

/// What the sort orders need of a site, held only while loading.
struct Keys {
    slug: String,
    title: String,
    country_code: String,
    country_name: String,
    locality: String,
    established: Option<String>,
}

/// Runs a query and hands each row to `each`.
fn each_row(
    conn: &Connection,
    what: &'static str,
    sql: &str,
    mut each: impl FnMut(&Row) -> Result<(), SiteIndexError>,
) -> Result<(), SiteIndexError> {
    let failed = |source| SiteIndexError::Query { what, source };
    let mut stmt = conn.prepare(sql).map_err(failed)?;
    let mut rows = stmt.query([]).map_err(failed)?;
    while let Some(row) = rows.next().map_err(failed)? {
        each(row)?;
    }
    Ok(())
}

/// Numbers the countries and the dates in their own order (by name; by day of the year).
fn load_countries_and_dates(
    conn: &Connection,
    values: &mut [Values; 5],
) -> Result<(), SiteIndexError> {
    for (slot, sql) in [
        (0, "SELECT code, name FROM countries ORDER BY name, code"),
        (
            4,
            "SELECT slug, title FROM dates ORDER BY month, day, title, slug",
        ),
    ] {
        each_row(
            conn,
            "the countries and dates for the site index",
            sql,
            |r| {
                let (value, label): (String, String) = (r.get(0)?, r.get(1)?);
                values[slot].id(&value, &label).map(drop)
            },
        )?;
    }
    Ok(())
}

/// The columns of a site the index reads, from the sites table (`s`) and its country (`c`).
const SITE_COLUMNS: &str = "s.rowid, s.slug, s.title, s.country, c.name, s.locality, s.kind,
    s.status, s.established, s.draft";

/// One site's row, as the index reads it.
struct SiteRow {
    rowid: i64,
    draft: bool,
    kind: String,
    status: String,
    keys: Keys,
}

fn site_row(r: &Row) -> rusqlite::Result<SiteRow> {
    const C: &str = SITE_COLUMNS;
    Ok(SiteRow {
        rowid: r.get(col!(C, "s.rowid"))?,
        draft: r.get(col!(C, "s.draft"))?,
        kind: r.get(col!(C, "s.kind"))?,
        status: r.get(col!(C, "s.status"))?,
        keys: Keys {
            slug: r.get(col!(C, "s.slug"))?,
            title: r.get(col!(C, "s.title"))?,
            country_code: r.get(col!(C, "s.country"))?,
            country_name: r.get(col!(C, "c.name"))?,
            locality: r.get(col!(C, "s.locality"))?,
            established: r.get(col!(C, "s.established"))?,
        },
    })
}

/// Every site's entry, and the keys of its sort orders, in the same order.
fn load_sites(
    conn: &Connection,
    values: &mut [Values; 5],
) -> Result<(Vec<Entry>, Vec<Keys>), SiteIndexError> {
    let (mut entries, mut keys) = (Vec::new(), Vec::new());
    let sql = format!("SELECT {SITE_COLUMNS} FROM sites s JOIN countries c ON c.code = s.country");
    each_row(conn, "the sites for the site index", &sql, |r| {
        let row = site_row(r)?;
        let k = &row.keys;
        entries.push(Entry {
            rowid: row.rowid,
            draft: row.draft,
            country: values[0].id(&k.country_code, &k.country_name)?,
            kind: values[1].id(&row.kind, &row.kind)?,
            status: values[2].id(&row.status, &row.status)?,
            conflicts: (0, 0),
            dates: (0, 0),
        });
        keys.push(row.keys);
        Ok(())
    })?;
    Ok((entries, keys))
}

/// Each site's conflicts and dates, by the site's position in `keys`.
fn load_tags(
    conn: &Connection,
    values: &mut [Values; 5],
    keys: &[Keys],
) -> Result<Vec<SiteTags>, SiteIndexError> {
    let by_slug: FxHashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.slug.as_str(), i))
        .collect();
    let mut per_site: Vec<SiteTags> = vec![Default::default(); keys.len()];
    let what = "the sites' conflicts and dates for the site index";
    each_row(
        conn,
        what,
        "SELECT site, conflict FROM site_conflicts",
        |r| {
            // Read in place: hundreds of thousands of rows at 100,000 sites.
            let (site, conflict) = (r.get_ref(0)?.as_str()?, r.get_ref(1)?.as_str()?);
            if let Some(&i) = by_slug.get(site) {
                per_site[i].0.push(values[3].id(conflict, conflict)?);
            }
            Ok(())
        },
    )?;
    let sql = "SELECT site, date_slug FROM site_commemorations";
    each_row(conn, what, sql, |r| {
        let (site, date) = (r.get_ref(0)?.as_str()?, r.get_ref(1)?.as_str()?);
        if let (Some(&i), Some(&id)) = (by_slug.get(site), values[4].lookup.get(date)) {
            per_site[i].1.push(id);
        }
        Ok(())
    })?;
    Ok(per_site)
}

/// Puts kinds, statuses and conflicts in order of name (as SQLite's ORDER BY would), and lays
/// out each site's conflicts and dates one site after another; the laid-out tags.
fn lay_out_tags(
    values: &mut [Values; 5],
    entries: &mut [Entry],
    per_site: Vec<SiteTags>,
) -> Vec<u16> {
    let mut renumbered: [Option<Vec<u16>>; 5] = Default::default();
    for slot in [1, 2, 3] {
        renumbered[slot] = Some(values[slot].sort_by(|(v, _)| v.clone()));
    }
    let map = |slot: usize, id: u16| -> u16 {
        renumbered[slot]
            .as_ref()
            .and_then(|r| r.get(usize::from(id)).copied())
            .unwrap_or(id)
    };
    let mut tags = Vec::new();
    for (e, (conflicts, dates)) in entries.iter_mut().zip(per_site) {
        e.kind = map(1, e.kind);
        e.status = map(2, e.status);
        let start = tags.len() as u32;
        tags.extend(conflicts.into_iter().map(|c| map(3, c)));
        e.conflicts = (start, tags.len() as u32);
        let start = tags.len() as u32;
        tags.extend(dates);
        e.dates = (start, tags.len() as u32);
    }
    tags
}

/// What live preview keeps of the site index from one save to the next: the collation keys
/// made, by text, for each translated language (in the order of [`Lang::TRANSLATED`]), and the
/// index last stored with what it was sorted by, so that a save moves only the sites it
/// changed (`moves.rs`).
#[derive(Default)]
pub struct SortKeys {
    /// Whether the index is kept for the saves that follow: a build alone lets it go once it
    /// is stored, rather than hold it to the end.
    keep: bool,
    made: [FxHashMap<String, Arc<[u8]>>; 3],
    kept: Option<Kept>,
}

impl SortKeys {
    /// Collation keys and index kept from one save to the next, for live preview.
    pub fn kept_between_saves() -> Self {
        SortKeys {
            keep: true,
            ..SortKeys::default()
        }
    }
}

/// The index last stored, with what a move needs to put a site back in its orders.
struct Kept {
    index: SiteIndex,
    sorting: Sorting,
    /// Each site's position in the entries, by slug.
    positions: FxHashMap<Box<str>, u32>,
    /// Each translated language's names of the countries, by code.
    countries: Vec<FxHashMap<String, String>>,
}

/// The titles (with localities) of the sites and the names of the countries translated into
/// one language.
#[derive(Default)]
struct Translated {
    titles: FxHashMap<String, (String, Option<String>)>,
    countries: FxHashMap<String, String>,
}

fn translated(conn: &Connection, lang: Lang) -> Result<Translated, SiteIndexError> {
    let what = "the translated names for the site index";
    let mut out = Translated::default();
    each_row(
        conn,
        what,
        &format!(
            "SELECT kind, key, title, locality FROM translations
             WHERE lang = '{}' AND draft = 0 AND kind IN ('site', 'country')",
            lang.code()
        ),
        |r| {
            let (kind, key, title): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if kind == "country" {
                out.countries.insert(key, title);
            } else {
                out.titles.insert(key, (title, r.get(3)?));
            }
            Ok(())
        },
    )?;
    Ok(out)
}

/// What a site sorts by in English: its title folded as SQLite's NOCASE folds it, its
/// country's name and its locality.
fn english_words(k: &Keys) -> Words {
    [
        Arc::from(k.title.as_bytes().to_ascii_lowercase()),
        Arc::from(k.country_name.as_bytes()),
        Arc::from(k.locality.as_bytes()),
    ]
}

/// What a site sorts by in a translated language: the collation keys of its translation's
/// title and locality (the original's where it has no translation, or the translation no
/// locality) and of its country's translated name. Each text is collated once, and its key
/// kept in `made`.
fn localized_words(
    lang: Lang,
    k: &Keys,
    translation: Option<&(String, Option<String>)>,
    countries: &FxHashMap<String, String>,
    made: &mut FxHashMap<String, Arc<[u8]>>,
) -> Words {
    let (title, locality) = match translation {
        Some((t, l)) => (t.as_str(), l.as_deref().unwrap_or(&k.locality)),
        None => (k.title.as_str(), k.locality.as_str()),
    };
    let country = countries
        .get(&k.country_code)
        .map_or(k.country_name.as_str(), String::as_str);
    [title, country, locality].map(|text| match made.get(text) {
        Some(key) => Arc::clone(key),
        None => {
            let key: Arc<[u8]> = collate::sort_key(lang, text).into();
            made.insert(text.to_string(), Arc::clone(&key));
            key
        }
    })
}

impl SiteIndex {
    /// The index stored by `build`.
    pub fn read(conn: &Connection) -> Result<SiteIndex, SiteIndexError> {
        let bytes: Vec<u8> = conn
            .query_row("SELECT data FROM site_index WHERE id = 1", [], |r| r.get(0))
            .map_err(|source| SiteIndexError::Query {
                what: "the stored site index",
                source,
            })?;
        let mut index = SiteIndex::unpack(&bytes).ok_or(SiteIndexError::Damaged)?;
        index.count_all();
        Ok(index)
    }

    /// Makes the index and stores it, during a build or an update, with the collation keys
    /// made before, and keeps it in `cache` for live preview's next save where it asks.
    pub fn store_with(conn: &Connection, cache: &mut SortKeys) -> Result<(), SiteIndexError> {
        cache.kept = None;
        let mut kept = SiteIndex::load(conn, &mut cache.made)?;
        kept.index.store(conn)?;
        if cache.keep {
            kept.number_positions();
            cache.kept = Some(kept);
        }
        Ok(())
    }

    /// Writes the index into the database, in place of the one there.
    fn store(&self, conn: &Connection) -> Result<(), SiteIndexError> {
        conn.execute(
            "INSERT OR REPLACE INTO site_index (id, data) VALUES (1, ?1)",
            rusqlite::params![self.pack()],
        )
        .map_err(SiteIndexError::Store)?;
        Ok(())
    }

    /// Reads every site's facets and sort keys from the tables, and sorts them.
    fn load(
        conn: &Connection,
        made: &mut [FxHashMap<String, Arc<[u8]>>; 3],
    ) -> Result<Kept, SiteIndexError> {
        let mut values: [Values; 5] = Default::default();
        load_countries_and_dates(conn, &mut values)?;
        let (mut entries, keys) = load_sites(conn, &mut values)?;
        let per_site = load_tags(conn, &mut values, &keys)?;
        let tags = lay_out_tags(&mut values, &mut entries, per_site);
        let names = Lang::TRANSLATED
            .into_iter()
            .map(|lang| translated(conn, lang))
            .collect::<Result<Vec<_>, SiteIndexError>>()?;
        // Collation keys, each language on a core of its own.
        let (english, localized) = rayon::join(
            || keys.iter().map(english_words).collect::<Vec<_>>(),
            || {
                Lang::TRANSLATED
                    .into_par_iter()
                    .zip(&names)
                    .zip(made.par_iter_mut())
                    .map(|((lang, names), made)| {
                        keys.iter()
                            .map(|k| {
                                let title = names.titles.get(&k.slug);
                                localized_words(lang, k, title, &names.countries, made)
                            })
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            },
        );
        let mut words = vec![english];
        words.extend(localized);
        let sorting = Sorting {
            established: keys
                .iter()
                .map(|k| k.established.as_deref().map(Box::from))
                .collect(),
            slugs: keys.into_iter().map(|k| k.slug.into_boxed_str()).collect(),
            words,
        };
        let orders = (0..Lang::ALL.len())
            .into_par_iter()
            .map(|lang| sorting.orders(lang))
            .collect();
        let lookup = values.each_ref().map(|v| v.lookup.clone());
        let mut index = SiteIndex {
            entries,
            tags,
            lookup,
            orders,
            counts: Default::default(),
            values: values.map(|v| v.list),
        };
        index.count_all();
        Ok(Kept {
            index,
            sorting,
            positions: FxHashMap::default(),
            countries: names.into_iter().map(|n| n.countries).collect(),
        })
    }

    /// Counts the sites of every facet value once, with and without drafts.
    fn count_all(&mut self) {
        self.counts = [false, true].map(|drafts| self.tally(&[], drafts).1);
    }

    /// The index as bytes: lengths and numbers little-endian, strings as UTF-8 with a length.
    fn pack(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.entries.len() * 32 + self.tags.len() * 2);
        let u32_ = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
        out.extend_from_slice(PACK_MAGIC);
        for list in &self.values {
            u32_(&mut out, list.len());
            for (value, label) in list {
                for s in [value, label] {
                    u32_(&mut out, s.len());
                    out.extend_from_slice(s.as_bytes());
                }
            }
        }
        u32_(&mut out, self.entries.len());
        for e in &self.entries {
            out.extend_from_slice(&e.rowid.to_le_bytes());
            out.push(u8::from(e.draft));
            for n in [e.country, e.kind, e.status] {
                out.extend_from_slice(&n.to_le_bytes());
            }
            for n in [e.conflicts.0, e.conflicts.1, e.dates.0, e.dates.1] {
                out.extend_from_slice(&n.to_le_bytes());
            }
        }
        u32_(&mut out, self.tags.len());
        for t in &self.tags {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for order in self.orders.iter().flatten() {
            for i in order {
                out.extend_from_slice(&i.to_le_bytes());
            }
        }
        out
    }

    /// Reads `pack`'s bytes back; `None` when they are not a whole, consistent index.
    fn unpack(bytes: &[u8]) -> Option<SiteIndex> {
        let mut r = Unpacker(bytes.strip_prefix(PACK_MAGIC)?);
        let mut values: [Vec<(String, String)>; 5] = Default::default();
        for list in &mut values {
            for _ in 0..r.u32()? {
                list.push((r.string()?, r.string()?));
            }
        }
        let n = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n.min(bytes.len() / 27));
        for _ in 0..n {
            entries.push(Entry {
                rowid: i64::from_le_bytes(r.take::<8>()?),
                draft: r.take::<1>()?[0] != 0,
                country: r.u16()?,
                kind: r.u16()?,
                status: r.u16()?,
                conflicts: (r.u32()?, r.u32()?),
                dates: (r.u32()?, r.u32()?),
            });
        }
        let tag_count = r.u32()? as usize;
        let mut tags = Vec::with_capacity(tag_count.min(bytes.len() / 2));
        for _ in 0..tag_count {
            tags.push(r.u16()?);
        }
        let mut orders: Vec<[Vec<u32>; 3]> = Vec::with_capacity(Lang::ALL.len());
        for _ in Lang::ALL {
            let mut lang_orders: [Vec<u32>; 3] = Default::default();
            for order in &mut lang_orders {
                order.reserve(n);
                for _ in 0..n {
                    order.push(r.u32()?);
                }
            }
            orders.push(lang_orders);
        }
        // Every number must point inside what it numbers: a damaged blob is refused here,
        // never met as an out-of-bounds index while serving.
        let fits = |id: u16, slot: usize| usize::from(id) < values[slot].len();
        let consistent = r.0.is_empty()
            && entries.iter().all(|e| {
                fits(e.country, 0)
                    && fits(e.kind, 1)
                    && fits(e.status, 2)
                    && e.conflicts.0 <= e.conflicts.1
                    && e.dates.0 <= e.dates.1
                    && e.conflicts.1 as usize <= tags.len()
                    && e.dates.1 as usize <= tags.len()
                    && tags[e.conflicts.0 as usize..e.conflicts.1 as usize]
                        .iter()
                        .all(|&t| fits(t, 3))
                    && tags[e.dates.0 as usize..e.dates.1 as usize]
                        .iter()
                        .all(|&t| fits(t, 4))
            })
            && orders
                .iter()
                .flatten()
                .all(|o| o.iter().all(|&i| (i as usize) < n));
        if !consistent {
            return None;
        }
        let lookup = values.each_ref().map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, (v, _))| (v.clone(), i as u16))
                .collect()
        });
        Some(SiteIndex {
            entries,
            tags,
            values,
            lookup,
            orders,
            counts: Default::default(),
        })
    }

    /// How many sites have a value of a facet (a country's code, a date's slug).
    pub fn count(&self, facet: Facet, value: &str, drafts: bool) -> i64 {
        let slot = facet_slot(facet);
        self.lookup[slot]
            .get(value)
            .and_then(|&id| self.counts[usize::from(drafts)][slot].get(usize::from(id)))
            .copied()
            .unwrap_or(0)
    }

    /// How many sites there are: each has one country.
    pub fn total(&self, drafts: bool) -> i64 {
        self.counts[usize::from(drafts)][0].iter().sum()
    }

    fn ids<'a>(&'a self, e: &'a Entry, slot: usize) -> &'a [u16] {
        let (a, b) = match slot {
            0 => return std::slice::from_ref(&e.country),
            1 => return std::slice::from_ref(&e.kind),
            2 => return std::slice::from_ref(&e.status),
            3 => e.conflicts,
            _ => e.dates,
        };
        &self.tags[a as usize..b as usize]
    }

    /// The facets a site fails, as bits by slot.
    fn failures(&self, e: &Entry, wanted: &[(usize, u16)]) -> u32 {
        wanted
            .iter()
            .filter(|(slot, id)| !self.ids(e, *slot).contains(id))
            .fold(0, |mask, (slot, _)| mask | 1 << slot)
    }

    /// Each filter as its facet's slot and the number of its value.
    fn wanted(&self, filters: &[(Facet, String)]) -> Vec<(usize, u16)> {
        filters
            .iter()
            .map(|(f, v)| {
                let slot = facet_slot(*f);
                (slot, self.lookup[slot].get(v).copied().unwrap_or(NONE))
            })
            .collect()
    }

    /// How many sites match every filter, and for each facet the count of every value among
    /// the sites matching the other filters: one pass over all sites.
    fn tally(&self, wanted: &[(usize, u16)], drafts: bool) -> (i64, [Vec<i64>; 5]) {
        let mut counts: [Vec<i64>; 5] = self.values.each_ref().map(|v| vec![0; v.len()]);
        let mut total = 0i64;
        for e in &self.entries {
            if e.draft && !drafts {
                continue;
            }
            let counted: u32 = match self.failures(e, wanted) {
                0 => {
                    total += 1;
                    0b11111
                }
                // Failing one filter only: the site counts for that filter's other values.
                f if f.is_power_of_two() => f,
                _ => 0,
            };
            for (slot, slot_counts) in counts.iter_mut().enumerate() {
                if counted & (1 << slot) != 0 {
                    for &id in self.ids(e, slot) {
                        if let Some(c) = slot_counts.get_mut(usize::from(id)) {
                            *c += 1;
                        }
                    }
                }
            }
        }
        (total, counts)
    }

    /// The rowids of the page of sites a query asks for, in its order.
    pub fn page(&self, q: &SiteQuery, drafts: bool) -> Vec<i64> {
        let wanted = self.wanted(&q.filters);
        let offset = u64::from(q.page.saturating_sub(1)) * u64::from(q.per_page);
        let orders = self.orders.get(q.lang as usize).unwrap_or(&self.orders[0]);
        orders[sort_slot(q.sort)]
            .iter()
            .map(|&i| &self.entries[i as usize])
            .filter(|e| (drafts || !e.draft) && self.failures(e, &wanted) == 0)
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(q.per_page).unwrap_or(usize::MAX))
            .map(|e| e.rowid)
            .collect()
    }

    /// The sites matching every filter of a query: how many, the page it asks for, and for
    /// each facet the count of every value among the sites matching the other filters.
    pub fn select(&self, q: &SiteQuery, drafts: bool) -> Selection {
        let (total, counts) = self.tally(&self.wanted(&q.filters), drafts);
        let facets = Facet::ALL
            .iter()
            .map(|&facet| {
                let slot = facet_slot(facet);
                let options = self.values[slot]
                    .iter()
                    .zip(&counts[slot])
                    .filter(|(_, c)| **c > 0)
                    .map(|((value, label), count)| FacetOption {
                        value: value.clone(),
                        label: label.clone(),
                        count: *count,
                    })
                    .collect();
                (facet, options)
            })
            .collect();
        Selection {
            total,
            rowids: self.page(q, drafts),
            facets,
        }
    }

    /// Every value of a facet among the countries, the dates, and the sites' conflicts.
    pub fn values(&self, facet: Facet) -> impl Iterator<Item = &str> {
        self.values[facet_slot(facet)]
            .iter()
            .map(|(v, _)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Connection {
        let conn = Connection::open_in_memory().expect("in-memory database");
        conn.execute_batch(include_str!("schema.sql"))
            .expect("schema");
        conn.execute_batch(
            "INSERT INTO countries (code, name, body_html, body_text, file) VALUES
                ('ru', 'Russia', '', '', 'r'), ('kp', 'North Korea', '', '', 'k');
             INSERT INTO dates (slug, title, month, day, body_html, body_text, file) VALUES
                ('victory-day', 'Victory Day', 5, 9, '', '', 'v');
             INSERT INTO sites (slug, title, country, locality, kind, status, facts, description, draft, file, established) VALUES
                ('b', 'beta', 'ru', 'Moscow', 'plaque', 'extant', '{}', '', 0, 'b', '1960'),
                ('a', 'Alpha', 'kp', 'Pyongyang', 'monument', 'extant', '{}', '', 0, 'a', NULL),
                ('c', 'Gamma', 'ru', 'Kursk', 'monument', 'planned', '{}', '', 1, 'c', '1950');
             INSERT INTO site_conflicts (site, position, conflict) VALUES ('a', 0, 'Korean War');
             INSERT INTO site_commemorations (site, position, date_slug) VALUES ('a', 0, 'victory-day'), ('b', 0, 'victory-day');",
        )
        .expect("rows");
        conn
    }

    fn first_ten(filters: Vec<(Facet, String)>, sort: Sort) -> SiteQuery {
        SiteQuery {
            filters,
            sort,
            page: 1,
            per_page: 10,
            lang: Lang::En,
        }
    }

    #[test]
    fn counts_pages_and_facets_survive_packing() {
        let made = SiteIndex::load(&sample(), &mut Default::default())
            .expect("index")
            .index;
        let read = SiteIndex::unpack(&made.pack()).map(|mut i| {
            i.count_all();
            i
        });
        let read = read.expect("unpacks");
        for index in [&made, &read] {
            assert_eq!(index.count(Facet::Country, "ru", false), 1);
            assert_eq!(index.count(Facet::Country, "ru", true), 2);
            assert_eq!(index.count(Facet::Date, "victory-day", false), 2);
            assert_eq!((index.total(false), index.total(true)), (2, 3));
            let s = index.select(&first_ten(vec![], Sort::Established), true);
            // 1950, 1960, then no date; rowids are the insertion order.
            assert_eq!(s.rowids, [3, 1, 2]);
            let s = index.select(
                &first_ten(vec![(Facet::Kind, "monument".into())], Sort::Name),
                false,
            );
            assert_eq!((s.total, s.rowids.clone()), (1, vec![2]));
            // A filter's own facet still counts its other values.
            let kinds: Vec<(String, i64)> = s.facets[1]
                .1
                .iter()
                .map(|o| (o.value.clone(), o.count))
                .collect();
            assert_eq!(kinds, [("monument".into(), 1), ("plaque".into(), 1)]);
        }
    }

    #[test]
    fn damaged_bytes_are_refused() {
        let bytes = SiteIndex::load(&sample(), &mut Default::default())
            .expect("index")
            .index
            .pack();
        assert!(SiteIndex::unpack(&bytes[..bytes.len() - 1]).is_none());
        assert!(SiteIndex::unpack(&bytes[1..]).is_none());
        let mut wrong = bytes.clone();
        // The last order's last position, pointed past the end.
        let n = wrong.len();
        wrong[n - 4..].copy_from_slice(&99u32.to_le_bytes());
        assert!(SiteIndex::unpack(&wrong).is_none());
    }
}
