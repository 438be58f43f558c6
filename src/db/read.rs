//! Read-only queries for the pages. The server opens the database read-only; every function here
//! answers one page's need in as few queries as the page requires.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Params, Row, params};

use super::SCHEMA_VERSION;
use super::columns::col;
pub use super::entry_kind::EntryKind;
use super::error::{DbError, Reading};
use super::facets::{Facet, SiteQuery, Sort};
use super::rows::{
    COUNTRY_COLUMNS, DATE_COLUMNS, DATE_REF_COLUMNS, IMAGE_COLUMNS, PAGE_COLUMNS,
    SITE_DETAIL_COLUMNS, SITE_SUMMARY_COLUMNS, SOURCE_COLUMNS, country_row, date_ref,
    date_ref_after, date_row, day, image_row, name, name_after, page_row, site_detail,
    site_summary, site_summary_columns, source_row,
};
pub use super::rows::{
    CountryRow, Counts, DateRef, DateRow, Name, PageRow, SiteDetail, SiteSummary, SitemapEntry,
    TranslatedWords,
};
use super::site_index::SiteIndex;
use crate::content::model::{SiteEvent, SiteFacts};
use crate::lang::Lang;

/// Every published entry for the sitemap (`kind, key, lastmod`): sites, then countries, dates and
/// pages. One text, so that a count, the whole list and a part of it agree.
const SITEMAP_ENTRIES: &str = "SELECT kind, key, lastmod FROM (
   SELECT 'site' AS kind, slug AS key, lastmod FROM sites WHERE draft = 0 OR ?1
   UNION ALL SELECT 'country', code, lastmod FROM countries
   UNION ALL SELECT 'date', slug, lastmod FROM dates
   UNION ALL SELECT 'page', slug, lastmod FROM pages WHERE draft = 0 OR ?1)";

/// The languages an entry is translated into, for the sitemap's alternates.
const ENTRY_LANGS: &str = "SELECT group_concat(lang) FROM translations
   WHERE kind = ?1 AND key = ?2 AND (draft = 0 OR ?3)";

/// The names of countries and dates in every language: few, read once per connection.
#[derive(Default)]
pub(super) struct NameCache(pub(super) OnceCell<HashMap<(EntryKind, String, Lang), String>>);

/// A read-only connection to a built database.
pub struct Database {
    conn: Connection,
    /// Facets and sort orders of every site, read on first use (see `site_index.rs`).
    site_index: OnceCell<SiteIndex>,
    /// The search documents of drafts, left out of results unless drafts are shown.
    draft_docs: OnceCell<HashSet<i64>>,
    built_at: String,
    /// The names of countries and dates in every language.
    pub(super) names: NameCache,
    /// Whether drafts are shown (preview), or hidden as on the public site.
    drafts: bool,
}

impl Database {
    /// Opens a database read-only and checks that it is one this program built.
    pub fn open(path: &Path, drafts: bool) -> Result<Database, DbError> {
        if !path.is_file() {
            return Err(DbError::Open {
                path: path.to_path_buf(),
                source: rusqlite::Error::InvalidPath(path.to_path_buf()),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|source| DbError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        // Live preview writes into the file in place: a read waits out its commit.
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|source| DbError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        let invalid = |detail: String| DbError::Invalid {
            path: path.to_path_buf(),
            detail,
        };
        let version: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| invalid(e.to_string()))?;
        match version {
            Some(v) if v == SCHEMA_VERSION => {}
            Some(v) => {
                return Err(invalid(format!(
                    "schema version {v}, expected {SCHEMA_VERSION}"
                )));
            }
            None => return Err(invalid("no schema version".into())),
        }
        // A truncated file can pass the first read; check that every page is there. (An
        // integrity check reads the whole file: seconds for a large site at every start.)
        let (pages, page_size): (i64, i64) = conn
            .query_row(
                "SELECT page_count, page_size FROM pragma_page_count(), pragma_page_size()",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| invalid(e.to_string()))?;
        let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let (pages, page_size) = (pages.max(0) as u64, page_size.max(0) as u64);
        if len < pages * page_size {
            return Err(invalid(format!(
                "the file has {len} bytes of the {} it should have",
                pages * page_size
            )));
        }
        let built_at: String = conn
            .query_row("SELECT value FROM meta WHERE key = 'built_at'", [], |r| {
                r.get(0)
            })
            .map_err(|e| invalid(e.to_string()))?;
        Ok(Database {
            conn,
            site_index: OnceCell::new(),
            draft_docs: OnceCell::new(),
            built_at,
            names: Default::default(),
            drafts,
        })
    }

    pub fn drafts(&self) -> bool {
        self.drafts
    }

    /// Every site's facets and sort orders, read from the database the first time they are
    /// needed.
    pub(super) fn site_index(&self) -> Result<&SiteIndex, DbError> {
        if let Some(index) = self.site_index.get() {
            return Ok(index);
        }
        let index = SiteIndex::read(&self.conn)?;
        Ok(self.site_index.get_or_init(|| index))
    }

    /// The ids of the drafts' search documents (a partial index makes this a short read).
    pub(super) fn draft_docs(&self) -> Result<&HashSet<i64>, DbError> {
        if let Some(ids) = self.draft_docs.get() {
            return Ok(ids);
        }
        let ids = self
            .conn
            .prepare("SELECT id FROM search_docs WHERE draft = 1")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
            .reading("the drafts' search documents")?;
        Ok(self.draft_docs.get_or_init(|| ids))
    }

    /// The connection, for the query modules beside this one.
    pub(super) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The rows of a query whose statement is kept prepared.
    pub(super) fn rows<T>(
        &self,
        sql: &str,
        params: impl Params,
        row: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Vec<T>> {
        self.conn
            .prepare_cached(sql)?
            .query_map(params, row)?
            .collect()
    }

    /// The one row of a query that finds at most one (by a key), if there is one.
    pub(super) fn row<T>(
        &self,
        sql: &str,
        params: impl Params,
        row: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Option<T>> {
        Ok(self.rows(sql, params, row)?.into_iter().next())
    }

    /// The home page's figures: sites from the site index, the rest counted once when the
    /// database was built.
    pub fn counts(&self) -> Result<Counts, DbError> {
        let v = if self.drafts { "all" } else { "public" };
        let get = |key: String| -> Result<i64, DbError> {
            let sql = "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?1";
            let n = self.row(sql, [key], |r| r.get(0)).reading("the counts")?;
            Ok(n.unwrap_or(0))
        };
        Ok(Counts {
            sites: self.site_index()?.total(self.drafts),
            countries: get("count_countries".into())?,
            dates: get("count_dates".into())?,
            sources: get(format!("count_sources_{v}"))?,
        })
    }

    /// Every published site, by country, locality and title.
    pub fn sites(&self) -> Result<Vec<SiteSummary>, DbError> {
        let sql = format!(
            "SELECT {SITE_SUMMARY_COLUMNS} FROM sites s JOIN countries c ON c.code = s.country
             WHERE s.draft = 0 OR ?1 ORDER BY c.name, s.locality, s.title"
        );
        self.rows(&sql, params![self.drafts], site_summary)
            .reading("the list of sites")
    }

    /// The sites most recently checked (`updated`), newest first.
    pub fn recently_checked(&self, limit: u32) -> Result<Vec<SiteSummary>, DbError> {
        let sql = format!(
            "SELECT {SITE_SUMMARY_COLUMNS} FROM sites s JOIN countries c ON c.code = s.country
             WHERE (s.draft = 0 OR ?1) AND s.updated IS NOT NULL ORDER BY s.updated DESC, s.title LIMIT ?2"
        );
        self.rows(&sql, params![self.drafts, limit], site_summary)
            .reading("the sites most recently checked")
    }

    pub fn site(&self, slug: &str) -> Result<Option<SiteDetail>, DbError> {
        let sql = format!(
            "SELECT {SITE_DETAIL_COLUMNS} FROM sites s JOIN countries c ON c.code = s.country
             JOIN site_bodies b ON b.id = s.rowid WHERE s.slug = ?1 AND (s.draft = 0 OR ?2)"
        );
        let Some(mut d) = self
            .row(&sql, params![slug, self.drafts], site_detail)
            .reading("a site")?
        else {
            return Ok(None);
        };
        self.site_lists(slug, &mut d).reading("a site's lists")?;
        Ok(Some(d))
    }

    /// A site's names, conflicts, commemorations, sources and images.
    fn site_lists(&self, slug: &str, d: &mut SiteDetail) -> rusqlite::Result<()> {
        d.names = self.rows(
            "SELECT lang, name FROM site_names WHERE site = ?1 ORDER BY position",
            [slug],
            name,
        )?;
        d.conflicts = self.rows(
            "SELECT conflict FROM site_conflicts WHERE site = ?1 ORDER BY position",
            [slug],
            |r| r.get(0),
        )?;
        d.commemorations = self.rows(
            &format!(
                "SELECT {DATE_REF_COLUMNS} FROM site_commemorations sc JOIN dates d ON d.slug = sc.date_slug
                 WHERE sc.site = ?1 ORDER BY d.month, d.day"
            ),
            [slug],
            date_ref,
        )?;
        d.sources = self.rows(
            &format!("SELECT {SOURCE_COLUMNS} FROM sources WHERE site = ?1 ORDER BY position"),
            [slug],
            source_row,
        )?;
        d.images = self.rows(
            &format!("SELECT {IMAGE_COLUMNS} FROM images WHERE site = ?1 ORDER BY position"),
            [slug],
            image_row,
        )?;
        Ok(())
    }

    /// Every published site with every field, for the open-data exports: one query per table,
    /// not one per site.
    pub fn all_sites(&self) -> Result<Vec<SiteDetail>, DbError> {
        self.sites_after("", u32::MAX)
    }

    /// At most `limit` published sites with every field, in slug order, from the first slug after
    /// `after` (`""` for the first): the exports read the atlas in such batches so that their
    /// memory does not grow with it.
    pub fn sites_after(&self, after: &str, limit: u32) -> Result<Vec<SiteDetail>, DbError> {
        let sql = format!(
            "SELECT {SITE_DETAIL_COLUMNS} FROM sites s JOIN countries c ON c.code = s.country
             JOIN site_bodies b ON b.id = s.rowid WHERE (s.draft = 0 OR ?1) AND s.slug > ?2
             ORDER BY s.slug LIMIT ?3"
        );
        let mut sites: Vec<SiteDetail> = self
            .rows(&sql, params![self.drafts, after, limit], site_detail)
            .reading("every site")?;
        self.all_site_lists(&mut sites)
            .reading("every site's lists")?;
        Ok(sites)
    }

    /// How many sites the exports hold.
    pub fn published_sites(&self) -> Result<u64, DbError> {
        self.row(
            "SELECT count(*) FROM sites WHERE draft = 0 OR ?1",
            [self.drafts],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n.unwrap_or_default().max(0) as u64)
        .reading("the number of sites")
    }

    /// The lists of every site in `sites` (consecutive in slug order), one query per list over
    /// the range of their slugs.
    fn all_site_lists(&self, sites: &mut [SiteDetail]) -> rusqlite::Result<()> {
        let (Some(first), Some(last)) = (sites.first(), sites.last()) else {
            return Ok(());
        };
        let range = (first.summary.slug.clone(), last.summary.slug.clone());
        let index: HashMap<String, usize> = sites
            .iter()
            .enumerate()
            .map(|(i, s)| (s.summary.slug.clone(), i))
            .collect();
        let fill = |sql: &str| Fill {
            conn: &self.conn,
            sql: sql.to_string(),
            index: &index,
            range: &range,
        };
        fill("SELECT site, lang, name FROM site_names WHERE site BETWEEN ?1 AND ?2 ORDER BY site, position").read_into(
            sites,
            |r| name_after(r, 1),
            |s| &mut s.names,
        )?;
        fill("SELECT site, conflict FROM site_conflicts WHERE site BETWEEN ?1 AND ?2 ORDER BY site, position").read_into(
            sites,
            |r| r.get(1),
            |s| &mut s.conflicts,
        )?;
        fill(&format!(
            "SELECT sc.site, {DATE_REF_COLUMNS} FROM site_commemorations sc
             JOIN dates d ON d.slug = sc.date_slug WHERE sc.site BETWEEN ?1 AND ?2
             ORDER BY sc.site, d.month, d.day"
        ))
        .read_into(sites, |r| date_ref_after(r, 1), |s| &mut s.commemorations)?;
        fill(&format!(
            "SELECT {SOURCE_COLUMNS} FROM sources WHERE site BETWEEN ?1 AND ?2 ORDER BY site, position"
        ))
        .read_into(sites, source_row, |s| &mut s.sources)?;
        fill(&format!(
            "SELECT {IMAGE_COLUMNS} FROM images WHERE site BETWEEN ?1 AND ?2 ORDER BY site, position"
        ))
        .read_into(sites, image_row, |s| &mut s.images)?;
        let drafts = if self.drafts { "" } else { "AND draft = 0" };
        fill(&format!(
            "SELECT key, lang, title, json_extract(words, '$.summary') FROM translations
             WHERE kind = 'site' AND key BETWEEN ?1 AND ?2 {drafts} ORDER BY key, lang"
        ))
        .read_into(
            sites,
            |r| {
                Ok(TranslatedWords {
                    lang: r.get(1)?,
                    title: r.get(2)?,
                    summary: r.get(3)?,
                })
            },
            |s| &mut s.translations,
        )
    }

    /// The sites most recently changed (checked, or edited), newest first, for the feed.
    pub fn recently_changed(&self, limit: u32) -> Result<Vec<SiteSummary>, DbError> {
        let sql = format!(
            "SELECT {SITE_SUMMARY_COLUMNS} FROM sites s JOIN countries c ON c.code = s.country
             WHERE s.draft = 0 OR ?1 ORDER BY s.lastmod IS NULL, s.lastmod DESC, s.title LIMIT ?2"
        );
        self.rows(&sql, params![self.drafts, limit], site_summary)
            .reading("the sites most recently changed")
    }

    pub fn countries(&self) -> Result<Vec<CountryRow>, DbError> {
        let sql = format!("SELECT {COUNTRY_COLUMNS} FROM countries c ORDER BY c.name");
        let mut rows = self.rows(&sql, [], country_row).reading("the countries")?;
        let index = self.site_index()?;
        for c in &mut rows {
            c.site_count = index.count(Facet::Country, &c.code, self.drafts);
        }
        Ok(rows)
    }

    pub fn country(&self, code: &str) -> Result<Option<CountryRow>, DbError> {
        let sql = format!("SELECT {COUNTRY_COLUMNS} FROM countries c WHERE c.code = ?1");
        let Some(mut c) = self.row(&sql, [code], country_row).reading("a country")? else {
            return Ok(None);
        };
        c.site_count = self.site_count(Facet::Country, code)?;
        c.names = self.names_of(
            "SELECT lang, name FROM country_names WHERE code = ?1 ORDER BY position",
            code,
        )?;
        Ok(Some(c))
    }

    /// A country's first `limit` sites, by locality and title.
    pub fn country_sites(&self, code: &str, limit: u32) -> Result<Vec<SiteSummary>, DbError> {
        let sql = format!(
            "SELECT {SITE_SUMMARY_COLUMNS} FROM sites s JOIN countries c ON c.code = s.country
             WHERE s.country = ?1 AND (s.draft = 0 OR ?2) ORDER BY s.locality, s.title LIMIT ?3"
        );
        self.rows(&sql, params![code, self.drafts, limit], site_summary)
            .reading("a country's sites")
    }

    /// Sites by their rowids, in the order given: one query for the page.
    pub(super) fn sites_by_rowid(&self, rowids: &[i64]) -> Result<Vec<SiteSummary>, DbError> {
        const C: &str = concat!(site_summary_columns!(), ", s.rowid");
        let sql = format!(
            "SELECT {C} FROM sites s JOIN countries c ON c.code = s.country
             WHERE s.rowid IN (SELECT value FROM json_each(?1))"
        );
        let rows = self
            .rows(&sql, [json_ids(rowids)], |r| {
                Ok((r.get(col!(C, "s.rowid"))?, site_summary(r)?))
            })
            .reading("a page of sites")?;
        Ok(in_order(rowids, rows))
    }

    /// Every date in calendar order.
    pub fn dates(&self) -> Result<Vec<DateRow>, DbError> {
        let sql = format!("SELECT {DATE_COLUMNS} FROM dates d ORDER BY d.month, d.day, d.title");
        let mut rows = self.rows(&sql, [], date_row).reading("the dates")?;
        let index = self.site_index()?;
        for d in &mut rows {
            d.site_count = index.count(Facet::Date, &d.date.slug, self.drafts);
            d.countries = self.date_countries(&d.date.slug)?;
        }
        Ok(rows)
    }

    fn date_countries(&self, slug: &str) -> Result<Vec<(String, String)>, DbError> {
        self.rows(
            "SELECT c.code, c.name FROM date_countries dc JOIN countries c ON c.code = dc.code
             WHERE dc.date_slug = ?1 ORDER BY dc.position",
            [slug],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .reading("a date's countries")
    }

    pub fn date(&self, slug: &str) -> Result<Option<DateRow>, DbError> {
        let sql = format!("SELECT {DATE_COLUMNS} FROM dates d WHERE d.slug = ?1");
        let found = self.row(&sql, [slug], date_row).reading("a date")?;
        found.map(|d| self.with_lists(d)).transpose()
    }

    /// A date with what its page lists besides its own row: its count of sites, its names in
    /// other languages and the countries that observe it.
    fn with_lists(&self, mut d: DateRow) -> Result<DateRow, DbError> {
        let slug = &d.date.slug;
        d.site_count = self.site_count(Facet::Date, slug)?;
        d.names = self.names_of(
            "SELECT lang, name FROM date_names WHERE date_slug = ?1 ORDER BY position",
            slug,
        )?;
        d.countries = self.date_countries(slug)?;
        Ok(d)
    }

    /// How many sites list `key` under `facet`, as this visitor may see them.
    fn site_count(&self, facet: Facet, key: &str) -> Result<i64, DbError> {
        Ok(self.site_index()?.count(facet, key, self.drafts))
    }

    /// An entry's names in other languages (`sql` selects `lang, name` by its key), in the
    /// entry's order.
    fn names_of(&self, sql: &str, key: &str) -> Result<Vec<Name>, DbError> {
        self.rows(sql, [key], name).reading("an entry's names")
    }

    /// The first `limit` sites where ceremonies are held on a date, by country, locality and
    /// title in `lang`'s order.
    pub fn date_sites(
        &self,
        slug: &str,
        limit: u32,
        lang: Lang,
    ) -> Result<Vec<SiteSummary>, DbError> {
        let query = SiteQuery {
            filters: vec![(Facet::Date, slug.to_string())],
            sort: Sort::Country,
            page: 1,
            per_page: limit,
            lang,
        };
        let rowids = self.site_index()?.page(&query, self.drafts);
        self.sites_by_rowid(&rowids)
    }

    /// The events of sites' histories that fell on a day of the year (dated to the day), oldest
    /// first, at most `limit`.
    pub fn anniversaries(
        &self,
        month: u32,
        day: u32,
        limit: u32,
    ) -> Result<Vec<(SiteSummary, SiteEvent)>, DbError> {
        const C: &str = concat!(site_summary_columns!(), ", s.facts, e.position");
        let sql = format!(
            "SELECT {C} FROM site_event_days e JOIN sites s ON s.slug = e.site
             JOIN countries c ON c.code = s.country
             WHERE e.month = ?1 AND e.day = ?2 AND (s.draft = 0 OR ?3) LIMIT ?4"
        );
        let rows = self
            .rows(&sql, params![month, day, self.drafts, limit], |r| {
                let facts: SiteFacts = r.get(col!(C, "s.facts"))?;
                let position: i64 = r.get(col!(C, "e.position"))?;
                let event = usize::try_from(position)
                    .ok()
                    .and_then(|p| facts.events.get(p).cloned());
                Ok((site_summary(r)?, event))
            })
            .reading("the anniversaries of a day")?;
        let mut out: Vec<(SiteSummary, SiteEvent)> = rows
            .into_iter()
            .filter_map(|(s, e)| Some((s, e?)))
            .collect();
        out.sort_by(|a, b| {
            a.1.date
                .cmp(&b.1.date)
                .then_with(|| a.0.title.cmp(&b.0.title))
        });
        Ok(out)
    }

    pub fn page(&self, slug: &str) -> Result<Option<PageRow>, DbError> {
        self.row(
            &format!("SELECT {PAGE_COLUMNS} FROM pages WHERE slug = ?1 AND (draft = 0 OR ?2)"),
            params![slug, self.drafts],
            page_row,
        )
        .reading("a page")
    }

    /// Every published entry with its last modification day, for the sitemap: sites, then
    /// countries, dates and pages.
    pub fn sitemap_entries(&self) -> Result<Vec<SitemapEntry>, DbError> {
        let mut out = Vec::new();
        self.each_sitemap_entry(|e| {
            out.push(e);
            true
        })?;
        Ok(out)
    }

    /// How many entries [`Database::sitemap_entries`] lists.
    pub fn sitemap_count(&self) -> Result<usize, DbError> {
        // Counted table by table: the entries' own query would look up every entry's
        // translations only to count them.
        let sql = "SELECT (SELECT count(*) FROM sites WHERE draft = 0 OR ?1)
            + (SELECT count(*) FROM countries) + (SELECT count(*) FROM dates)
            + (SELECT count(*) FROM pages WHERE draft = 0 OR ?1)";
        self.row(sql, [self.drafts], |r| r.get::<_, i64>(0))
            .map(|n| n.unwrap_or_default().max(0) as usize)
            .reading("the sitemap's entries")
    }

    /// The entries of [`Database::sitemap_entries`], in its order, one at a time until `each`
    /// returns false.
    pub fn each_sitemap_entry(
        &self,
        each: impl FnMut(SitemapEntry) -> bool,
    ) -> Result<(), DbError> {
        self.sitemap_range(0, i64::MAX, true, each)
    }

    /// At most `limit` of the sitemap's entries from the `offset`th: a sitemap split in parts
    /// reads one part's rows, not the whole atlas. With `langs`, each entry's translations are
    /// looked up (one lookup by key each); without, it has English only (the index of parts
    /// needs only the days).
    pub fn sitemap_range(
        &self,
        offset: i64,
        limit: i64,
        langs: bool,
        mut each: impl FnMut(SitemapEntry) -> bool,
    ) -> Result<(), DbError> {
        const C: &str = "kind, key, lastmod";
        let sql = format!("{SITEMAP_ENTRIES} LIMIT ?2 OFFSET ?3");
        let mut read = || -> rusqlite::Result<()> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut lookup = self.conn.prepare_cached(ENTRY_LANGS)?;
            let mut rows = stmt.query(params![self.drafts, limit, offset])?;
            while let Some(r) = rows.next()? {
                let kind: EntryKind = r.get(col!(C, "kind"))?;
                let key: String = r.get(col!(C, "key"))?;
                let translated: Option<String> = match langs {
                    true => {
                        lookup.query_row(params![kind.as_str(), key, self.drafts], |r| r.get(0))?
                    }
                    false => None,
                };
                let translated = translated.unwrap_or_default();
                let entry = SitemapEntry {
                    lastmod: day(r, col!(C, "lastmod"))?,
                    langs: Lang::ALL
                        .into_iter()
                        .filter(|l| l.is_english() || translated.split(',').any(|c| c == l.code()))
                        .collect(),
                    kind,
                    key,
                };
                if !each(entry) {
                    break;
                }
            }
            Ok(())
        };
        read().reading("the sitemap's entries")
    }

    /// When the database was built (RFC 3339).
    pub fn built_at(&self) -> &str {
        &self.built_at
    }

    /// The slug of the site an old address (alias) leads to, if any.
    pub fn alias_site(&self, path: &str) -> Result<Option<String>, DbError> {
        self.row(
            "SELECT a.site FROM aliases a JOIN sites s ON s.slug = a.site WHERE a.path = ?1 AND (s.draft = 0 OR ?2)",
            params![path, self.drafts],
            |r| r.get(0),
        )
        .reading("an old address")
    }
}

/// One list of every site (names, sources…), read in one query whose rows begin with the
/// site's slug.
struct Fill<'a> {
    conn: &'a Connection,
    sql: String,
    /// Each site's position in the sites being filled, by slug.
    index: &'a HashMap<String, usize>,
    /// The first and last slug of those sites.
    range: &'a (String, String),
}

impl Fill<'_> {
    fn read_into<T>(
        self,
        sites: &mut [SiteDetail],
        read: impl Fn(&Row) -> rusqlite::Result<T>,
        list: impl Fn(&mut SiteDetail) -> &mut Vec<T>,
    ) -> rusqlite::Result<()> {
        let mut stmt = self.conn.prepare_cached(&self.sql)?;
        let mut rows = stmt.query(params![self.range.0, self.range.1])?;
        while let Some(row) = rows.next()? {
            let slug: String = row.get(0)?;
            if let Some(&i) = self.index.get(&slug) {
                list(&mut sites[i]).push(read(row)?);
            }
        }
        Ok(())
    }
}

/// Ids as a JSON array, for `IN (SELECT value FROM json_each(?))`.
pub(super) fn json_ids(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", list.join(","))
}

/// Rows keyed by id, put in the order of `ids` (an `IN` list comes back in any order).
pub(super) fn in_order<T>(ids: &[i64], rows: Vec<(i64, T)>) -> Vec<T> {
    let mut by_id: std::collections::HashMap<i64, T> = rows.into_iter().collect();
    ids.iter().filter_map(|id| by_id.remove(id)).collect()
}
