//! Content → SQLite. The database is written to a temporary file beside the target and renamed
//! into place only when complete, so a failed build never damages the database that was there.

use std::path::Path;
use std::sync::mpsc::SyncSender;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use rusqlite::params;

use super::build_file::{open_for_build, temp_path};
use super::search::index::{self, IndexRow, Indexer, SearchDoc};
use super::{DbError, SCHEMA_VERSION};
use crate::content::model::{Body, Content};
use crate::text::truncate_words;
use crate::urls;

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
    let tmp = temp_path(target);
    let _ = std::fs::remove_file(&tmp);

    let result = write(content, &tmp);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, target).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        DbError::Io {
            action: "move the new database into place at",
            path: target.to_path_buf(),
            source,
        }
    })?;
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

/// The text for a page's description: the summary, else the body's first sentences.
pub fn description(summary: Option<&str>, body: &Body, fallback: &str) -> String {
    if let Some(s) = summary {
        return s.to_string();
    }
    if body.text.is_empty() {
        return fallback.to_string();
    }
    truncate_words(&body.text, 200)
}

fn write(content: &Content, path: &Path) -> Result<(), DbError> {
    index::build_with_index(path, |index| write_tables(content, path, index))
}

/// Everything but the full-text index, which `index` receives.
fn write_tables(
    content: &Content,
    path: &Path,
    index: SyncSender<IndexRow>,
) -> Result<(), DbError> {
    let werr = DbError::writing(path);
    let mut conn = open_for_build(path)?;
    conn.execute_batch(include_str!("schema.sql"))
        .map_err(werr)?;
    conn.execute_batch(include_str!("search_schema.sql"))
        .map_err(werr)?;
    // A query error here is one of writing this file; other errors keep their own kind.
    let in_file = |e: DbError| match e {
        DbError::Query(source) => werr(source),
        e => e,
    };
    let tx = conn.transaction().map_err(werr)?;
    insert_all(&tx, content, index).map_err(in_file)?;
    tx.commit().map_err(werr)?;
    // The home page's figures, counted once here rather than on every request.
    conn.execute_batch(
        "INSERT INTO meta (key, value)
           SELECT 'count_countries', count(*) FROM countries
           UNION ALL SELECT 'count_dates', count(*) FROM dates
           UNION ALL SELECT 'count_sources_public', count(DISTINCT coalesce(sources.url, sources.title))
             FROM sources JOIN sites ON sites.slug = sources.site WHERE sites.draft = 0
           UNION ALL SELECT 'count_sources_all', count(DISTINCT coalesce(url, title)) FROM sources;",
    )
    .map_err(werr)?;
    super::site_index::SiteIndex::store(&conn).map_err(in_file)?;
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

fn insert_all(
    tx: &rusqlite::Transaction,
    content: &Content,
    index: SyncSender<IndexRow>,
) -> Result<(), DbError> {
    let mut meta = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
    meta.execute(params!["schema_version", SCHEMA_VERSION])?;
    meta.execute(params!["built_at", chrono::Utc::now().to_rfc3339()])?;

    let mut search = Indexer::new(tx, index)?;

    let mut country = tx.prepare("INSERT INTO countries (code, name, official_name, body_html, body_text, file, lastmod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    let mut country_name = tx.prepare(
        "INSERT INTO country_names (code, position, lang, name) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for c in &content.countries {
        country.execute(params![
            c.code,
            c.name,
            c.official_name,
            c.body.html,
            c.body.text,
            c.file.to_string_lossy(),
            content.lastmod(&c.file, None).map(|d| d.to_string())
        ])?;
        for (i, (lang, name)) in c.names.iter().enumerate() {
            country_name.execute(params![c.code, i as i64, lang, name])?;
        }
        search.add(&SearchDoc {
            kind: "country",
            key: &c.code,
            url: urls::country(&c.code),
            title: &c.name,
            names: join_names(&c.names, c.official_name.as_deref()),
            body: &c.body.text,
            ..SearchDoc::default()
        })?;
    }

    let mut date = tx.prepare("INSERT INTO dates (slug, title, month, day, since, body_html, body_text, file, lastmod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    let mut date_country = tx.prepare(
        "INSERT OR IGNORE INTO date_countries (date_slug, position, code) VALUES (?1, ?2, ?3)",
    )?;
    let mut date_name = tx.prepare(
        "INSERT INTO date_names (date_slug, position, lang, name) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for d in &content.dates {
        date.execute(params![
            d.slug,
            d.title,
            d.month,
            d.day,
            d.since,
            d.body.html,
            d.body.text,
            d.file.to_string_lossy(),
            content.lastmod(&d.file, None).map(|d| d.to_string())
        ])?;
        for (i, c) in d.countries.iter().enumerate() {
            date_country.execute(params![d.slug, i as i64, c.value])?;
        }
        for (i, (lang, name)) in d.names.iter().enumerate() {
            date_name.execute(params![d.slug, i as i64, lang, name])?;
        }
        search.add(&SearchDoc {
            kind: "date",
            key: &d.slug,
            url: urls::date(&d.slug),
            title: &d.title,
            names: join_names(&d.names, None),
            body: &d.body.text,
            ..SearchDoc::default()
        })?;
    }

    let mut site = tx.prepare(
        "INSERT INTO sites (slug, title, country, locality, region, kind, status, honours, established, removed,
            latitude, longitude, burials_total, burials_known, burials_unknown, burials_military, caretaker,
            visiting, wikidata, osm, summary, description, updated, draft, file, lastmod)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
            ?21, ?22, ?23, ?24, ?25, ?26)",
    )?;
    let mut site_body = tx.prepare("INSERT INTO site_bodies (id, body_html) VALUES (?1, ?2)")?;
    let mut site_name =
        tx.prepare("INSERT INTO site_names (site, position, lang, name) VALUES (?1, ?2, ?3, ?4)")?;
    let mut conflict = tx.prepare(
        "INSERT OR IGNORE INTO site_conflicts (site, position, conflict) VALUES (?1, ?2, ?3)",
    )?;
    let mut commemoration = tx.prepare(
        "INSERT OR IGNORE INTO site_commemorations (site, position, date_slug) VALUES (?1, ?2, ?3)",
    )?;
    let mut source = tx.prepare("INSERT INTO sources (site, position, title, publisher, url, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    let mut image = tx.prepare("INSERT INTO images (site, position, file, alt, caption, credit, license, width, height) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    let mut location = tx.prepare("INSERT INTO site_locations (id, min_lat, max_lat, min_lon, max_lon) VALUES (?1, ?2, ?2, ?3, ?3)")?;
    let mut alias = tx.prepare("INSERT INTO aliases (path, target, site) VALUES (?1, ?2, ?3)")?;
    let country_names: std::collections::HashMap<&str, &str> = content
        .countries
        .iter()
        .map(|c| (c.code.as_str(), c.name.as_str()))
        .collect();
    // Bodies are rendered a batch at a time on every core, the next batch while this one is
    // written, and never all held at once.
    let batches: Vec<&[crate::content::model::Site]> = content.sites.chunks(256).collect();
    let (tx_bodies, rx_bodies) = std::sync::mpsc::sync_channel(2);
    let render_all = move || {
        for batch in batches {
            let bodies: Vec<_> = batch.par_iter().map(|s| s.body.render()).collect();
            if tx_bodies.send((batch, bodies)).is_err() {
                break;
            }
        }
    };
    std::thread::scope(|scope| -> Result<(), DbError> {
        scope.spawn(render_all);
        for (batch, bodies) in rx_bodies {
            for (s, body) in batch.iter().zip(bodies) {
                let body = body.map_err(DbError::Reread)?;
                let description = description(
                    s.summary.as_deref(),
                    &body,
                    &format!("{}, {}", s.title, s.locality),
                );
                let rowid = site.insert(params![
                    s.slug,
                    s.title,
                    s.country.value,
                    s.locality,
                    s.region,
                    s.kind,
                    s.status,
                    s.honours,
                    s.established.map(|d| d.to_string()),
                    s.removed.map(|d| d.to_string()),
                    s.coordinates.map(|c| c.0),
                    s.coordinates.map(|c| c.1),
                    s.burials.total,
                    s.burials.known,
                    s.burials.unknown,
                    s.burials.military,
                    s.caretaker,
                    s.visiting,
                    s.wikidata,
                    s.osm,
                    s.summary,
                    description,
                    s.updated.map(|d| d.to_string()),
                    s.draft,
                    s.file.to_string_lossy(),
                    content.lastmod(&s.file, s.updated).map(|d| d.to_string()),
                ])?;
                site_body.execute(params![rowid, body.html])?;
                if let Some((lat, lon)) = s.coordinates {
                    location.execute(params![rowid, lat, lon])?;
                }
                for (i, (lang, name)) in s.names.iter().enumerate() {
                    site_name.execute(params![s.slug, i as i64, lang, name])?;
                }
                for (i, c) in s.conflicts.iter().enumerate() {
                    conflict.execute(params![s.slug, i as i64, c])?;
                }
                for (i, d) in s.commemorations.iter().enumerate() {
                    commemoration.execute(params![s.slug, i as i64, d.value])?;
                }
                for (i, src) in s.sources.iter().enumerate() {
                    source.execute(params![
                        s.slug,
                        i as i64 + 1,
                        src.title,
                        src.publisher,
                        src.url,
                        src.date.map(|d| d.to_string())
                    ])?;
                }
                for (i, im) in s.images.iter().enumerate() {
                    image.execute(params![
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
                    alias.execute(params![a.value, urls::site(&s.slug), s.slug])?;
                }
                let country_name = country_names.get(s.country.value.as_str()).copied();
                search.add(&SearchDoc {
                    kind: "site",
                    key: &s.slug,
                    url: urls::site(&s.slug),
                    title: &s.title,
                    names: join_names(&s.names, None),
                    place: [Some(s.locality.as_str()), s.region.as_deref(), country_name]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", "),
                    honours: s.honours.as_deref().unwrap_or(""),
                    body: &body.text,
                    draft: s.draft,
                    site_kind: Some(s.kind),
                    site_status: Some(s.status),
                    country_name,
                })?;
            }
        }
        Ok(())
    })?;

    let mut page = tx.prepare("INSERT INTO pages (slug, title, summary, description, draft, body_html, body_text, file, lastmod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    for p in &content.pages {
        let description = description(p.summary.as_deref(), &p.body, &p.title);
        page.execute(params![
            p.slug,
            p.title,
            p.summary,
            description,
            p.draft,
            p.body.html,
            p.body.text,
            p.file.to_string_lossy(),
            content.lastmod(&p.file, None).map(|d| d.to_string())
        ])?;
        search.add(&SearchDoc {
            kind: "page",
            key: &p.slug,
            url: urls::page(&p.slug),
            title: &p.title,
            body: &p.body.text,
            draft: p.draft,
            ..SearchDoc::default()
        })?;
    }
    Ok(())
}

fn join_names(names: &[(String, String)], extra: Option<&str>) -> String {
    let mut out: Vec<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
    out.extend(extra);
    out.join(" ")
}
