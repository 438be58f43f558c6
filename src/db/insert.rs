//! Writing the content's entries into the tables, within the build's transaction; each entry's
//! text also goes to the search index.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::SyncSender;

use rayon::prelude::*;
use rusqlite::{Statement, Transaction, params};

use super::SCHEMA_VERSION;
use super::entry_kind::EntryKind;
use super::error::{DbError, WriteFailure};
use super::search::index::{IndexRow, Indexer, SearchDoc};
use crate::content::{
    self,
    model::{
        Body, CommemorationDate, Content, Country, Kind, MarkdownFile, Page, Site, Translation,
    },
};
use crate::text::truncate_words;

/// How many sites' bodies are rendered at once, on every core.
const BODY_BATCH: usize = 256;

/// Writes every entry of `content`, sending its text to `index`. SQLite's errors here are
/// ones of writing the file; the caller says which.
pub fn insert_all(
    tx: &Transaction,
    content: &Content,
    index: SyncSender<IndexRow>,
) -> Result<(), WriteFailure> {
    let mut meta = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
    meta.execute(params!["schema_version", SCHEMA_VERSION])?;
    meta.execute(params!["built_at", chrono::Utc::now().to_rfc3339()])?;
    let mut search = Indexer::new(tx, index)?;
    insert_entries(tx, content, &Selection::all(content), &mut search)
}

/// The entries a write covers: every one (a build), or those an update writes again.
#[derive(Default)]
pub struct Selection<'c> {
    pub countries: Vec<&'c Country>,
    pub dates: Vec<&'c CommemorationDate>,
    pub sites: Vec<&'c Site>,
    pub pages: Vec<&'c Page>,
    pub translations: Vec<&'c Translation>,
    /// The rows the sites had, for those written again.
    pub rowids: HashMap<String, i64>,
}

impl<'c> Selection<'c> {
    pub fn all(content: &'c Content) -> Self {
        Selection::matching(content, |_, _| true, |_| true)
    }

    /// The originals for which `original(kind, key)` holds, and the translations for which
    /// `translation` does.
    pub fn matching(
        content: &'c Content,
        original: impl Fn(Kind, &str) -> bool,
        translation: impl Fn(&Translation) -> bool,
    ) -> Self {
        Selection {
            countries: content
                .countries
                .iter()
                .filter(|c| original(Kind::Country, &c.code))
                .collect(),
            dates: content
                .dates
                .iter()
                .filter(|d| original(Kind::Date, &d.slug))
                .collect(),
            sites: content
                .sites
                .iter()
                .filter(|s| original(Kind::Site, &s.slug))
                .collect(),
            pages: content
                .pages
                .iter()
                .filter(|p| original(Kind::Page, &p.slug))
                .collect(),
            translations: content
                .translations
                .iter()
                .filter(|t| translation(t))
                .collect(),
            rowids: HashMap::new(),
        }
    }
}

/// Writes the `selected` entries of `content` (the rest of it is what they refer to: country
/// names, originals), each with its text in `search`.
pub fn insert_entries(
    tx: &Transaction,
    content: &Content,
    selected: &Selection,
    search: &mut Indexer,
) -> Result<(), WriteFailure> {
    let mut to = Tables {
        tx,
        content,
        search,
    };
    insert_countries(&mut to, &selected.countries)?;
    insert_dates(&mut to, &selected.dates)?;
    insert_sites(tx, content, &selected.sites, &selected.rowids, to.search)?;
    insert_pages(&mut to, &selected.pages)?;
    super::insert_translations::insert_translations(tx, content, &selected.translations, to.search)
}

const COUNTRY_NAMES: &str =
    "INSERT INTO country_names (code, position, lang, name) VALUES (?1, ?2, ?3, ?4)";
const DATE_NAMES: &str =
    "INSERT INTO date_names (date_slug, position, lang, name) VALUES (?1, ?2, ?3, ?4)";

/// Where countries, dates and pages are written from: the build's transaction, the content,
/// and the search index.
struct Tables<'a, 't, 's> {
    tx: &'a Transaction<'t>,
    content: &'a Content,
    search: &'a mut Indexer<'s>,
}

impl Tables<'_, '_, '_> {
    /// An entry's names in other languages, stored by `insert` (a cached statement: countries
    /// and dates are few), and its text with those names (and `extra`, an official name) in the
    /// search index.
    fn names_and_text(
        &mut self,
        insert: &str,
        names: &[(String, String)],
        extra: Option<&str>,
        doc: SearchDoc,
    ) -> Result<(), WriteFailure> {
        insert_names(&mut *self.tx.prepare_cached(insert)?, doc.key, names)?;
        self.search.add(&SearchDoc {
            names: join_names(names, extra),
            ..doc
        })
    }
}

/// The text for a page's description: the summary, else the body's first sentences.
fn description(summary: Option<&str>, body: &Body, fallback: &str) -> String {
    if let Some(s) = summary {
        return s.to_string();
    }
    if body.text.is_empty() {
        return fallback.to_string();
    }
    truncate_words(&body.text, 200)
}

/// An entry's names in other languages, each with its position.
fn insert_names(
    stmt: &mut Statement,
    key: &str,
    names: &[(String, String)],
) -> Result<(), WriteFailure> {
    for (i, (lang, name)) in names.iter().enumerate() {
        stmt.execute(params![key, i as i64, lang, name])?;
    }
    Ok(())
}

fn join_names(names: &[(String, String)], extra: Option<&str>) -> String {
    let mut out: Vec<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
    out.extend(extra);
    out.join(" ")
}

/// What countries, dates and pages store alike: the rendered body, the file, and the day the
/// file last changed.
fn stored(
    content: &Content,
    body: &MarkdownFile,
    file: &Path,
) -> Result<(Body, String, Option<String>), WriteFailure> {
    Ok((
        content::render(body).map_err(DbError::Reread)?,
        file.to_string_lossy().into_owned(),
        content.lastmod(file, None).map(|d| d.to_string()),
    ))
}

fn insert_countries(to: &mut Tables, countries: &[&Country]) -> Result<(), WriteFailure> {
    let (tx, content) = (to.tx, to.content);
    let mut country = tx.prepare("INSERT INTO countries (code, name, official_name, body_html, body_text, file, lastmod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    for c in countries {
        let (body, file, lastmod) = stored(content, &c.body, &c.file)?;
        let (code, name, official_name) = (&c.code, &c.name, &c.official_name);
        let (html, text) = (&body.html, &body.text);
        country.execute(params![
            code,
            name,
            official_name,
            html,
            text,
            file,
            lastmod
        ])?;
        let doc = SearchDoc::new(EntryKind::Country, &c.code, &c.name, text);
        to.names_and_text(COUNTRY_NAMES, &c.names, c.official_name.as_deref(), doc)?;
    }
    Ok(())
}

fn insert_dates(to: &mut Tables, dates: &[&CommemorationDate]) -> Result<(), WriteFailure> {
    let (tx, content) = (to.tx, to.content);
    let mut date = tx.prepare("INSERT INTO dates (slug, title, month, day, since, body_html, body_text, file, lastmod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    let mut countries = tx.prepare(
        "INSERT OR IGNORE INTO date_countries (date_slug, position, code) VALUES (?1, ?2, ?3)",
    )?;
    for d in dates {
        let (body, file, lastmod) = stored(content, &d.body, &d.file)?;
        let (html, text) = (&body.html, &body.text);
        date.execute(params![
            d.slug, d.title, d.month, d.day, d.since, html, text, file, lastmod
        ])?;
        for (i, c) in d.countries.iter().enumerate() {
            countries.execute(params![d.slug, i as i64, c.value])?;
        }
        let doc = SearchDoc::new(EntryKind::Date, &d.slug, &d.title, text);
        to.names_and_text(DATE_NAMES, &d.names, None, doc)?;
    }
    Ok(())
}

fn insert_pages(to: &mut Tables, pages: &[&Page]) -> Result<(), WriteFailure> {
    let (tx, content) = (to.tx, to.content);
    let mut page = tx.prepare("INSERT INTO pages (slug, title, summary, description, draft, body_html, body_text, file, lastmod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    for p in pages {
        let (body, file, lastmod) = stored(content, &p.body, &p.file)?;
        let description = description(p.summary.as_deref(), &body, &p.title);
        let (html, text) = (&body.html, &body.text);
        let (summary, draft) = (&p.summary, p.draft);
        page.execute(params![
            p.slug,
            p.title,
            summary,
            description,
            draft,
            html,
            text,
            file,
            lastmod
        ])?;
        to.search.add(&SearchDoc {
            draft: p.draft,
            ..SearchDoc::new(EntryKind::Page, &p.slug, &p.title, text)
        })?;
    }
    Ok(())
}

/// Sites, whose bodies are rendered a batch at a time on every core, the next batch while this
/// one is written, and never all held at once.
fn insert_sites(
    tx: &Transaction,
    content: &Content,
    sites: &[&Site],
    rowids: &HashMap<String, i64>,
    search: &mut Indexer,
) -> Result<(), WriteFailure> {
    let mut writer = SiteWriter::new(tx, content, rowids)?;
    let batches: Vec<&[&Site]> = sites.chunks(BODY_BATCH).collect();
    let (send_bodies, bodies) = std::sync::mpsc::sync_channel(2);
    let render_all = move || {
        for batch in batches {
            let rendered: Vec<_> = batch.par_iter().map(|s| content::render(&s.body)).collect();
            if send_bodies.send((batch, rendered)).is_err() {
                break;
            }
        }
    };
    std::thread::scope(|scope| -> Result<(), WriteFailure> {
        scope.spawn(render_all);
        for (batch, rendered) in bodies {
            for (s, body) in batch.iter().zip(rendered) {
                let body = body.map_err(DbError::Reread)?;
                writer.insert(s, &body, search)?;
            }
        }
        Ok(())
    })
}

/// The prepared statements that write one site into its tables.
struct SiteWriter<'t, 'c> {
    content: &'c Content,
    rowids: &'c HashMap<String, i64>,
    country_names: HashMap<&'c str, &'c str>,
    site: Statement<'t>,
    body: Statement<'t>,
    names: Statement<'t>,
    conflict: Statement<'t>,
    commemoration: Statement<'t>,
    source: Statement<'t>,
    event_day: Statement<'t>,
    image: Statement<'t>,
    location: Statement<'t>,
    alias: Statement<'t>,
}

impl<'t, 'c> SiteWriter<'t, 'c> {
    fn new(
        tx: &'t Transaction,
        content: &'c Content,
        rowids: &'c HashMap<String, i64>,
    ) -> Result<Self, WriteFailure> {
        Ok(SiteWriter {
            content,
            rowids,
            country_names: content
                .countries
                .iter()
                .map(|c| (c.code.as_str(), c.name.as_str()))
                .collect(),
            site: tx.prepare(
                "INSERT INTO sites (slug, title, country, locality, region, kind, status, established,
                    latitude, longitude, facts, description, updated, draft, file, lastmod, coordinates_precision, rowid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?,
            body: tx.prepare("INSERT INTO site_bodies (id, body_html) VALUES (?1, ?2)")?,
            names: tx.prepare(
                "INSERT INTO site_names (site, position, lang, name) VALUES (?1, ?2, ?3, ?4)",
            )?,
            conflict: tx.prepare(
                "INSERT OR IGNORE INTO site_conflicts (site, position, conflict) VALUES (?1, ?2, ?3)",
            )?,
            commemoration: tx.prepare(
                "INSERT OR IGNORE INTO site_commemorations (site, position, date_slug) VALUES (?1, ?2, ?3)",
            )?,
            source: tx.prepare("INSERT INTO sources (site, position, title, publisher, url, date, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?,
            event_day: tx.prepare("INSERT INTO site_event_days (site, position, month, day) VALUES (?1, ?2, ?3, ?4)")?,
            image: tx.prepare("INSERT INTO images (site, position, file, alt, caption, credit, license, width, height) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?,
            location: tx.prepare("INSERT INTO site_locations (id, min_lat, max_lat, min_lon, max_lon) VALUES (?1, ?2, ?2, ?3, ?3)")?,
            alias: tx.prepare("INSERT INTO aliases (path, site) VALUES (?1, ?2)")?,
        })
    }

    /// Writes one site with its rendered body.
    fn insert(&mut self, s: &Site, body: &Body, search: &mut Indexer) -> Result<(), WriteFailure> {
        let rowid = self.insert_row(s, body)?;
        self.body.execute(params![rowid, body.html])?;
        if let Some((lat, lon)) = s.coordinates {
            self.location.execute(params![rowid, lat, lon])?;
        }
        self.insert_lists(s)?;
        let country_name = self.country_names.get(s.country.value.as_str()).copied();
        search.add(&SearchDoc {
            names: join_names(&s.names, None),
            place: [Some(s.locality.as_str()), s.region.as_deref(), country_name]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
            honours: s.facts.honours.as_deref().unwrap_or(""),
            draft: s.draft,
            site_kind: Some(s.kind),
            site_status: Some(s.status),
            country_name,
            ..SearchDoc::new(EntryKind::Site, &s.slug, &s.title, &body.text)
        })
    }

    /// The site's own row; its rowid.
    fn insert_row(&mut self, s: &Site, body: &Body) -> Result<i64, WriteFailure> {
        let description = description(
            s.facts.summary.as_deref(),
            body,
            &format!("{}, {}", s.title, s.locality),
        );
        Ok(self.site.insert(params![
            s.slug,
            s.title,
            s.country.value,
            s.locality,
            s.region,
            s.kind,
            s.status,
            established(s).map(|d| d.to_string()),
            s.coordinates.map(|c| c.0),
            s.coordinates.map(|c| c.1),
            s.facts,
            description,
            s.updated.map(|d| d.to_string()),
            s.draft,
            s.file.to_string_lossy(),
            self.content
                .lastmod(&s.file, s.updated)
                .map(|d| d.to_string()),
            s.coordinates.map(|_| s.precision.as_str()),
            // A site written again keeps its row (the site list's index names sites by row);
            // a new one gets the next.
            self.rowids.get(&s.slug),
        ])?)
    }

    /// The site's names, conflicts, dates, sources, images and old addresses.
    fn insert_lists(&mut self, s: &Site) -> Result<(), WriteFailure> {
        insert_names(&mut self.names, &s.slug, &s.names)?;
        for (i, c) in s.conflicts.iter().enumerate() {
            self.conflict.execute(params![s.slug, i as i64, c])?;
        }
        for (i, d) in s.commemorations.iter().enumerate() {
            self.commemoration
                .execute(params![s.slug, i as i64, d.value])?;
        }
        for (i, src) in s.sources.iter().enumerate() {
            let date = src.date.map(|d| d.to_string());
            self.source.execute(params![
                s.slug,
                i as i64 + 1,
                src.title,
                src.publisher,
                src.url,
                date,
                src.id
            ])?;
        }
        for (i, e) in s.facts.events.iter().enumerate() {
            if let (Some(m), Some(d)) = (e.date.month, e.date.day) {
                self.event_day.execute(params![s.slug, i as i64, m, d])?;
            }
        }
        for (i, im) in s.images.iter().enumerate() {
            self.image.execute(params![
                s.slug,
                i as i64 + 1,
                im.file,
                im.alt,
                im.caption,
                im.credit,
                im.license,
                im.width,
                im.height
            ])?;
        }
        for a in &s.aliases {
            self.alias.execute(params![a.value, s.slug])?;
        }
        Ok(())
    }
}

/// When a site was established: its `established`, else the earliest event that built, unveiled
/// or opened it, so that lists and sorting show what the history gives.
fn established(s: &Site) -> Option<crate::content::model::PartialDate> {
    s.established.or_else(|| {
        s.facts
            .events
            .iter()
            .filter(|e| crate::content::model::ESTABLISHING_EVENTS.contains(&e.what.as_str()))
            .map(|e| e.date)
            .min()
    })
}
