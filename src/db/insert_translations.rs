//! Writing the translations, within the build's transaction: each one's words, its rendered
//! body, whether it is older than its original, and its text in the search index, where it
//! finds the entry from a search in any language.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;
use rusqlite::{Transaction, params};

use super::entry_kind::EntryKind;
use super::error::{DbError, WriteFailure};
use super::search::index::{Indexer, SearchDoc};
use crate::content::{
    self,
    model::{Content, Kind, Translation},
};
use crate::text::truncate_words;

/// What a translation is compared with: its original's file, `updated`, draft state and the
/// search fields it shares (a site's kind, status and country).
struct Original<'c> {
    file: &'c Path,
    updated: Option<NaiveDate>,
    draft: bool,
    site_kind: Option<&'static str>,
    site_status: Option<&'static str>,
    country: Option<&'c str>,
}

/// The originals of `wanted`, by kind and key.
fn originals<'c>(
    content: &'c Content,
    wanted: &[&Translation],
) -> HashMap<(Kind, &'c str), Original<'c>> {
    let mut out = HashMap::new();
    // Looked up for every site: a quick hash (live preview writes a few translations at a time).
    let wanted: rustc_hash::FxHashSet<(Kind, &str)> =
        wanted.iter().map(|t| (t.kind, t.key.as_str())).collect();
    if wanted.is_empty() {
        return out;
    }
    for s in content
        .sites
        .iter()
        .filter(|s| wanted.contains(&(Kind::Site, s.slug.as_str())))
    {
        out.insert(
            (Kind::Site, s.slug.as_str()),
            Original {
                file: &s.file,
                updated: s.updated,
                draft: s.draft,
                site_kind: Some(s.kind),
                site_status: Some(s.status),
                country: Some(s.country.value.as_str()),
            },
        );
    }
    fn plain(file: &Path, draft: bool) -> Original<'_> {
        Original {
            file,
            updated: None,
            draft,
            site_kind: None,
            site_status: None,
            country: None,
        }
    }
    for c in &content.countries {
        out.insert((Kind::Country, c.code.as_str()), plain(&c.file, false));
    }
    for d in &content.dates {
        out.insert((Kind::Date, d.slug.as_str()), plain(&d.file, false));
    }
    for p in &content.pages {
        out.insert((Kind::Page, p.slug.as_str()), plain(&p.file, p.draft));
    }
    out
}

/// How many translations' bodies are rendered at once, on every core.
const BATCH: usize = 256;

pub fn insert_translations(
    tx: &Transaction,
    content: &Content,
    translations: &[&Translation],
    search: &mut Indexer,
) -> Result<(), WriteFailure> {
    if translations.is_empty() {
        return Ok(());
    }
    let originals = originals(content, translations);
    let country_names: HashMap<(&str, &str), &str> = content
        .translations
        .iter()
        .filter(|t| t.kind == Kind::Country)
        .map(|t| ((t.key.as_str(), t.lang.code()), t.title.as_str()))
        .collect();
    let mut row = tx.prepare(
        "INSERT INTO translations (kind, key, lang, title, words, description, body_html, updated, stale_since, draft, file, lastmod, locality)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for batch in translations.chunks(BATCH) {
        let rendered: Vec<_> = batch.par_iter().map(|t| content::render(&t.body)).collect();
        for (t, body) in batch.iter().zip(rendered) {
            let body = body.map_err(DbError::Reread)?;
            // An original is there for every translation: `check` refuses any without one.
            let Some(o) = originals.get(&(t.kind, t.key.as_str())) else {
                continue;
            };
            let description = match &t.words.summary {
                Some(s) => s.clone(),
                None if !body.text.is_empty() => truncate_words(&body.text, 200),
                None => t.title.clone(),
            };
            let stale = content::translation::stale_since(content, t, o.file, o.updated)
                .map(|d| d.to_string());
            let lastmod = content.lastmod(&t.file, t.updated).map(|d| d.to_string());
            row.execute(params![
                t.kind.as_str(),
                t.key,
                t.lang.code(),
                t.title,
                t.words,
                description,
                // A body of comments only (as `new --lang` starts one) translates nothing yet.
                if t.has_body && !body.text.trim().is_empty() {
                    body.html.as_str()
                } else {
                    ""
                },
                t.updated.map(|d| d.to_string()),
                stale,
                t.draft,
                t.file.to_string_lossy(),
                lastmod,
                t.words.locality,
            ])?;
            let country = o
                .country
                .map(|c| *country_names.get(&(c, t.lang.code())).unwrap_or(&c));
            search.add(&search_doc(t, o, country, &body.text))?;
        }
    }
    Ok(())
}

/// A translation's document in the search index: its words, with the facts it shares with
/// its original, and the country named in its language where that is translated.
fn search_doc<'a>(
    t: &'a Translation,
    o: &Original<'a>,
    country: Option<&'a str>,
    text: &'a str,
) -> SearchDoc<'a> {
    let place = [
        t.words.locality.as_deref(),
        t.words.region.as_deref(),
        country,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    SearchDoc {
        lang: t.lang,
        place,
        honours: t.words.honours.as_deref().unwrap_or(""),
        draft: t.draft || o.draft,
        site_kind: o.site_kind,
        site_status: o.site_status,
        country_name: country,
        names: t.words.official_name.clone().unwrap_or_default(),
        ..SearchDoc::new(EntryKind::from(t.kind), &t.key, &t.title, text)
    }
}
