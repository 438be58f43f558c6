//! Reading translations: an entry's words in a language, laid over the original's row, and
//! which languages an entry is translated into. Facts are never read from here.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::columns::{col, from_row};
use super::entry_kind::EntryKind;
use super::error::{DbError, Reading};
use super::read::Database;
use super::rows::{CountryRow, DateRef, DateRow, PageRow, SiteDetail, SiteSummary, day};
use crate::content::model::Words;
use crate::lang::Lang;

/// One translation as stored.
#[derive(Debug, Clone)]
pub struct TranslationRow {
    pub lang: Lang,
    pub title: String,
    pub words: Words,
    pub description: String,
    /// Empty where only the fields are translated so far.
    pub body_html: String,
    pub updated: Option<NaiveDate>,
    /// The day the original last changed, where the translation is older.
    pub stale_since: Option<NaiveDate>,
    pub lastmod: Option<NaiveDate>,
}

const TRANSLATION_COLUMNS: &str =
    "title, words, description, body_html, updated, stale_since, lastmod, key";

fn translation_row(r: &rusqlite::Row, lang: Lang) -> rusqlite::Result<TranslationRow> {
    const C: &str = TRANSLATION_COLUMNS;
    Ok(
        from_row! { r, C, "", TranslationRow { title, words, description, body_html } {
            lang: lang,
            updated: day(r, col!(C, "updated"))?,
            stale_since: day(r, col!(C, "stale_since"))?,
            lastmod: day(r, col!(C, "lastmod"))?,
        } },
    )
}

impl Database {
    /// The translation of an entry into `lang`; none for English, for an entry not translated,
    /// and for a draft translation on the public site.
    pub fn translation(
        &self,
        kind: EntryKind,
        key: &str,
        lang: Lang,
    ) -> Result<Option<TranslationRow>, DbError> {
        if lang.is_english() {
            return Ok(None);
        }
        let sql = format!(
            "SELECT {TRANSLATION_COLUMNS} FROM translations
             WHERE kind = ?1 AND key = ?2 AND lang = ?3 AND (draft = 0 OR ?4)"
        );
        self.row(
            &sql,
            params![kind.as_str(), key, lang.code(), self.drafts()],
            |r| translation_row(r, lang),
        )
        .reading("a translation")
    }

    /// The titles (a country's name) of entries of one kind in `lang`, by key: the originals'
    /// for English, else the translations' (an entry without one is left out). One query for
    /// all of them, as a page of search results needs.
    pub fn titles(
        &self,
        kind: EntryKind,
        keys: &[&str],
        lang: Lang,
    ) -> Result<HashMap<String, String>, DbError> {
        if keys.is_empty() {
            return Ok(HashMap::new());
        }
        let list = serde_json::Value::from(keys.to_vec()).to_string();
        let keyed = "IN (SELECT value FROM json_each(?1))";
        let sql = match (lang, kind) {
            (Lang::En, EntryKind::Site) => {
                format!("SELECT slug, title FROM sites WHERE slug {keyed}")
            }
            (Lang::En, EntryKind::Country) => {
                format!("SELECT code, name FROM countries WHERE code {keyed}")
            }
            (Lang::En, EntryKind::Date) => {
                format!("SELECT slug, title FROM dates WHERE slug {keyed}")
            }
            (Lang::En, EntryKind::Page) => {
                format!("SELECT slug, title FROM pages WHERE slug {keyed}")
            }
            _ => format!(
                "SELECT key, title FROM translations WHERE key {keyed}
                 AND kind = ?2 AND lang = ?3 AND (draft = 0 OR ?4)"
            ),
        };
        let rows: Vec<(String, String)> = if lang.is_english() {
            self.rows(&sql, [list], |r| Ok((r.get(0)?, r.get(1)?)))
        } else {
            self.rows(
                &sql,
                params![list, kind.as_str(), lang.code(), self.drafts()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
        }
        .reading("entries' titles")?;
        Ok(rows.into_iter().collect())
    }

    /// The languages an entry can be read in, English first: its own and its translations'.
    pub fn languages(&self, kind: EntryKind, key: &str) -> Result<Vec<Lang>, DbError> {
        let codes: Vec<String> = self
            .rows(
                "SELECT lang FROM translations WHERE kind = ?1 AND key = ?2 AND (draft = 0 OR ?3)",
                params![kind.as_str(), key, self.drafts()],
                |r| r.get(0),
            )
            .reading("the languages of an entry")?;
        Ok(Lang::ALL
            .into_iter()
            .filter(|l| l.is_english() || codes.iter().any(|c| c == l.code()))
            .collect())
    }

    /// The translations of many entries of one kind into `lang`, by key.
    fn translations_of(
        &self,
        kind: EntryKind,
        keys: &[&str],
        lang: Lang,
    ) -> Result<HashMap<String, TranslationRow>, DbError> {
        if lang.is_english() || keys.is_empty() {
            return Ok(HashMap::new());
        }
        let list = serde_json::Value::from(keys.to_vec()).to_string();
        let sql = format!(
            "SELECT {TRANSLATION_COLUMNS} FROM translations
             WHERE kind = ?1 AND lang = ?2 AND (draft = 0 OR ?3)
               AND key IN (SELECT value FROM json_each(?4))"
        );
        let rows = self
            .rows(
                &sql,
                params![kind.as_str(), lang.code(), self.drafts(), list],
                |r| {
                    let key: String = r.get(col!(TRANSLATION_COLUMNS, "key"))?;
                    Ok((key, translation_row(r, lang)?))
                },
            )
            .reading("translations")?;
        Ok(rows.into_iter().collect())
    }

    /// A country's or a date's name in `lang`, if translated.
    pub fn name_in(&self, kind: EntryKind, key: &str, lang: Lang) -> Result<Option<&str>, DbError> {
        if lang.is_english() {
            return Ok(None);
        }
        let names = match self.names.0.get() {
            Some(n) => n,
            None => {
                let rows: Vec<(EntryKind, String, String, String)> = self
                    .rows(
                        "SELECT kind, key, lang, title FROM translations
                         WHERE kind IN ('country', 'date') AND (draft = 0 OR ?1)",
                        params![self.drafts()],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                    )
                    .reading("the names of countries and dates")?;
                let map = rows
                    .into_iter()
                    .filter_map(|(k, key, l, title)| Some(((k, key, Lang::from_code(&l)?), title)))
                    .collect();
                self.names.0.get_or_init(|| map)
            }
        };
        Ok(names
            .get(&(kind, key.to_string(), lang))
            .map(String::as_str))
    }

    /// Lays the words of `lang` over sites as lists show them.
    pub fn localize_sites(&self, lang: Lang, sites: &mut [SiteSummary]) -> Result<(), DbError> {
        if lang.is_english() {
            return Ok(());
        }
        let keys: Vec<&str> = sites.iter().map(|s| s.slug.as_str()).collect();
        let mut found = self.translations_of(EntryKind::Site, &keys, lang)?;
        for s in sites.iter_mut() {
            if let Some(name) = self.name_in(EntryKind::Country, &s.country, lang)? {
                s.country_name = name.to_string();
                s.country_lang = lang;
            }
            if let Some(t) = found.remove(&s.slug) {
                lay_over_summary(s, t);
            }
        }
        Ok(())
    }

    /// Lays the words of `lang` over a site's page; the translation, where there is one.
    pub fn localize_site(
        &self,
        lang: Lang,
        site: &mut SiteDetail,
    ) -> Result<Option<TranslationRow>, DbError> {
        self.localize_sites(lang, std::slice::from_mut(&mut site.summary))?;
        self.localize_dates(lang, &mut site.commemorations)?;
        let Some(t) = self.translation(EntryKind::Site, &site.summary.slug, lang)? else {
            return Ok(None);
        };
        lay_over_detail(site, &t);
        Ok(Some(t))
    }

    /// Dates' titles in `lang`.
    pub fn localize_dates(&self, lang: Lang, dates: &mut [DateRef]) -> Result<(), DbError> {
        for d in dates {
            if let Some(name) = self.name_in(EntryKind::Date, &d.slug, lang)? {
                d.title = name.to_string();
                d.lang = lang;
            }
        }
        Ok(())
    }

    /// Every date (as [`Database::dates`]) with its words, and its countries' names, in `lang`.
    pub fn dates_in(&self, lang: Lang) -> Result<Vec<DateRow>, DbError> {
        let mut dates = self.dates()?;
        for d in &mut dates {
            self.localize_date(lang, d)?;
        }
        Ok(dates)
    }

    /// A date's page in `lang` (its countries' names too); the translation, where there is one.
    pub fn localize_date(
        &self,
        lang: Lang,
        date: &mut DateRow,
    ) -> Result<Option<TranslationRow>, DbError> {
        self.localize_dates(lang, std::slice::from_mut(&mut date.date))?;
        for (code, name) in &mut date.countries {
            if let Some(n) = self.name_in(EntryKind::Country, code, lang)? {
                *name = n.to_string();
            }
        }
        let t = self.translation(EntryKind::Date, &date.date.slug, lang)?;
        if let Some(t) = &t
            && !t.body_html.is_empty()
        {
            date.body_html = t.body_html.clone();
            date.body_text = t.description.clone();
            date.body_lang = lang;
        }
        Ok(t)
    }

    /// Countries' names in `lang` (their pages' bodies too, with `body`).
    pub fn localize_countries(
        &self,
        lang: Lang,
        countries: &mut [CountryRow],
        body: bool,
    ) -> Result<Option<TranslationRow>, DbError> {
        let mut last = None;
        for c in countries.iter_mut() {
            if !body {
                if let Some(n) = self.name_in(EntryKind::Country, &c.code, lang)? {
                    c.name = n.to_string();
                    c.lang = lang;
                }
                continue;
            }
            if let Some(t) = self.translation(EntryKind::Country, &c.code, lang)? {
                c.name = t.title.clone();
                c.lang = lang;
                if let Some(o) = &t.words.official_name {
                    c.official_name = Some(o.clone());
                }
                if !t.body_html.is_empty() {
                    c.body_html = t.body_html.clone();
                    c.body_lang = lang;
                }
                last = Some(t);
            }
        }
        Ok(last)
    }

    /// A free page in `lang`; the translation, where there is one.
    pub fn localize_page(
        &self,
        lang: Lang,
        page: &mut PageRow,
    ) -> Result<Option<TranslationRow>, DbError> {
        let t = self.translation(EntryKind::Page, &page.slug, lang)?;
        if let Some(t) = &t {
            page.title = t.title.clone();
            page.description = t.description.clone();
            page.lang = lang;
            if !t.body_html.is_empty() {
                page.body_html = t.body_html.clone();
                page.body_lang = lang;
            }
        }
        Ok(t)
    }
}

fn lay_over_summary(s: &mut SiteSummary, t: TranslationRow) {
    s.title = t.title;
    if let Some(l) = t.words.locality {
        s.locality = l;
    }
    if t.words.region.is_some() {
        s.region = t.words.region;
    }
    s.description = t.description;
    s.lang = t.lang;
}

/// The translated words of a site's page; each word the translation lacks stays English and
/// is named in `english`, so the page can mark it.
fn lay_over_detail(site: &mut SiteDetail, t: &TranslationRow) {
    let w = &t.words;
    let facts = &mut site.facts;
    let mut english = Vec::new();
    for (name, ours, theirs) in [
        ("honours", &mut facts.honours, &w.honours),
        ("caretaker", &mut facts.caretaker, &w.caretaker),
        ("visiting", &mut facts.visiting, &w.visiting),
        ("summary", &mut facts.summary, &w.summary),
    ] {
        match theirs {
            Some(v) => *ours = Some(v.clone()),
            None if ours.is_some() => english.push(name.to_string()),
            None => {}
        }
    }
    if w.locality.is_none() {
        english.push("locality".into());
    }
    if w.region.is_none() && site.summary.region.is_some() {
        english.push("region".into());
    }
    for (i, e) in facts.events.iter_mut().enumerate() {
        match w.event_notes.get(i) {
            Some(n) => e.note = Some(n.clone()),
            None if e.note.is_some() => english.push(format!("event_notes[{i}]")),
            None => {}
        }
    }
    for (i, im) in site.images.iter_mut().enumerate() {
        let words = w.images.get(i);
        match words.and_then(|x| x.alt.clone()) {
            Some(alt) => im.alt = alt,
            None => english.push(format!("images[{i}].alt")),
        }
        match words.and_then(|x| x.caption.clone()) {
            Some(c) => im.caption = Some(c),
            None if im.caption.is_some() => english.push(format!("images[{i}].caption")),
            None => {}
        }
    }
    if !t.body_html.is_empty() {
        site.body_html = t.body_html.clone();
        site.body_lang = t.lang;
    }
    site.english = english;
}
