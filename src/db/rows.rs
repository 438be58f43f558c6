//! The read model: what the queries return, each type with its column list and the one
//! function that reads it from a row. Values come back typed (dates as the content's dates);
//! links, labels and wording are the web layer's.

use chrono::NaiveDate;
use rusqlite::Row;

use super::columns::{Day, col, from_row};
use super::entry_kind::EntryKind;
use crate::content::model::{Image, PartialDate, Precision, SiteFacts, Source};
use crate::lang::Lang;

/// A name in another language, with its BCP 47 tag.
#[derive(Debug, Clone)]
pub struct Name {
    pub lang: String,
    pub name: String,
}

/// What a list of sites shows of each.
#[derive(Debug, Clone)]
pub struct SiteSummary {
    pub slug: String,
    pub title: String,
    pub country: String,
    pub country_name: String,
    pub locality: String,
    pub region: Option<String>,
    pub kind: String,
    pub status: String,
    pub established: Option<PartialDate>,
    /// When an editor last checked the entry against its sources.
    pub updated: Option<NaiveDate>,
    pub description: String,
    pub draft: bool,
    /// The entry's `updated` date, else its file's last commit.
    pub lastmod: Option<NaiveDate>,
    /// The language of the words shown: the page's where translated, else English.
    pub lang: Lang,
    /// The language of `country_name`.
    pub country_lang: Lang,
}

/// A commemoration date as linked from elsewhere.
#[derive(Debug, Clone)]
pub struct DateRef {
    pub slug: String,
    pub title: String,
    pub month: u32,
    pub day: u32,
    /// The language of `title`.
    pub lang: Lang,
}

/// Everything a site page shows.
#[derive(Debug, Clone)]
pub struct SiteDetail {
    pub summary: SiteSummary,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub precision: Precision,
    /// Everything else the entry tells, as the content model has it.
    pub facts: SiteFacts,
    pub body_html: String,
    pub file: String,
    pub names: Vec<Name>,
    pub conflicts: Vec<String>,
    pub commemorations: Vec<DateRef>,
    /// In the order the entry lists them; a source's number is its place in the list.
    pub sources: Vec<Source>,
    pub images: Vec<Image>,
    /// The language of the body.
    pub body_lang: Lang,
    /// The words that are shown in English on a translated page, the translation lacking them:
    /// `caretaker`, `event_notes[0]`, …
    pub english: Vec<String>,
    /// The title and summary of each translation (read for the open-data exports only).
    pub translations: Vec<TranslatedWords>,
}

/// A translation's title and summary, as the open data carries them.
#[derive(Debug, Clone)]
pub struct TranslatedWords {
    /// `ru`, `ko` or `zh`.
    pub lang: String,
    pub title: String,
    pub summary: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CountryRow {
    pub code: String,
    pub name: String,
    pub official_name: Option<String>,
    pub body_html: String,
    pub body_text: String,
    pub file: String,
    pub site_count: i64,
    pub names: Vec<Name>,
    /// The language of the name and, separately, of the body.
    pub lang: Lang,
    pub body_lang: Lang,
}

#[derive(Debug, Clone)]
pub struct DateRow {
    pub date: DateRef,
    pub since: Option<i64>,
    pub body_html: String,
    pub body_text: String,
    pub file: String,
    pub site_count: i64,
    pub names: Vec<Name>,
    /// Code and name of each country where the date is observed.
    pub countries: Vec<(String, String)>,
    pub body_lang: Lang,
}

#[derive(Debug, Clone)]
pub struct PageRow {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub body_html: String,
    pub file: String,
    pub draft: bool,
    pub lang: Lang,
    pub body_lang: Lang,
}

/// An entry's page, as the sitemap lists it.
#[derive(Debug, Clone)]
pub struct SitemapEntry {
    pub kind: EntryKind,
    /// The slug or country code.
    pub key: String,
    pub lastmod: Option<NaiveDate>,
    /// The languages it can be read in: English, and its translations'.
    pub langs: Vec<Lang>,
}

#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub sites: i64,
    pub countries: i64,
    pub dates: i64,
    pub sources: i64,
}

/// The columns of a `SiteSummary`, from `sites s JOIN countries c`: a macro, so that the
/// queries that read more than these can extend the list with `concat!`.
macro_rules! site_summary_columns {
    () => {
        "s.slug, s.title, s.country, c.name, s.locality, s.region, s.kind, s.status,
        s.established, s.updated, s.description, s.draft, s.lastmod"
    };
}
pub(super) use site_summary_columns;

pub(super) const SITE_SUMMARY_COLUMNS: &str = site_summary_columns!();

/// A `SiteSummary` from a row whose columns begin with `SITE_SUMMARY_COLUMNS`.
pub(super) fn site_summary(r: &Row) -> rusqlite::Result<SiteSummary> {
    const C: &str = SITE_SUMMARY_COLUMNS;
    Ok(from_row! { r, C, "s.", SiteSummary {
        slug, title, country, country_name = "c.name", locality, region, kind, status,
        established, description, draft,
    } {
        updated: day(r, col!(C, "s.updated"))?,
        lastmod: day(r, col!(C, "s.lastmod"))?,
        lang: Lang::En,
        country_lang: Lang::En,
    } })
}

/// A stored precision of coordinates; exact where none is stored.
pub(super) fn precision(r: &Row, column: usize) -> rusqlite::Result<Precision> {
    let stored: Option<String> = r.get(column)?;
    Ok(stored.map_or(Precision::Exact, |p| Precision::from_stored(&p)))
}

/// A stored day, where there is one.
pub(super) fn day(r: &Row, column: usize) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(r.get::<_, Option<Day>>(column)?.map(|d| d.0))
}

pub(super) const SITE_DETAIL_COLUMNS: &str = concat!(
    site_summary_columns!(),
    ", s.latitude, s.longitude, s.coordinates_precision, s.facts, b.body_html, s.file"
);
/// The columns of a site's `Source` and `Image`, after the site's slug.
pub(super) const SOURCE_COLUMNS: &str = "site, title, publisher, url, date, id";
pub(super) const IMAGE_COLUMNS: &str = "site, file, alt, caption, credit, license, width, height";

pub(super) fn site_detail(r: &Row) -> rusqlite::Result<SiteDetail> {
    const C: &str = SITE_DETAIL_COLUMNS;
    Ok(from_row! { r, C, "s.", SiteDetail {
        latitude, longitude, facts, body_html = "b.body_html", file,
    } {
        summary: site_summary(r)?,
        precision: precision(r, col!(C, "s.coordinates_precision"))?,
        names: Vec::new(),
        conflicts: Vec::new(),
        commemorations: Vec::new(),
        sources: Vec::new(),
        images: Vec::new(),
        body_lang: Lang::En,
        english: Vec::new(),
        translations: Vec::new(),
    } })
}

pub(super) fn source_row(r: &Row) -> rusqlite::Result<Source> {
    Ok(from_row! { r, SOURCE_COLUMNS, "", Source { id, title, publisher, url, date } })
}

pub(super) fn image_row(r: &Row) -> rusqlite::Result<Image> {
    Ok(from_row! { r, IMAGE_COLUMNS, "", Image {
        file, alt, caption, credit, license, width, height,
    } })
}

/// The columns of a `DateRef`, and after them the rest of a `DateRow`.
pub(super) const DATE_REF_COLUMNS: &str = "d.slug, d.title, d.month, d.day";
pub(super) const DATE_COLUMNS: &str =
    "d.slug, d.title, d.month, d.day, d.since, d.body_html, d.body_text, d.file";

/// A `DateRef` from a row whose columns begin with `DATE_REF_COLUMNS`, after `skip` others.
pub(super) fn date_ref_after(r: &Row, skip: usize) -> rusqlite::Result<DateRef> {
    const C: &str = DATE_REF_COLUMNS;
    Ok(DateRef {
        slug: r.get(skip + col!(C, "d.slug"))?,
        title: r.get(skip + col!(C, "d.title"))?,
        month: r.get(skip + col!(C, "d.month"))?,
        day: r.get(skip + col!(C, "d.day"))?,
        lang: Lang::En,
    })
}

pub(super) fn date_ref(r: &Row) -> rusqlite::Result<DateRef> {
    date_ref_after(r, 0)
}

pub(super) fn date_row(r: &Row) -> rusqlite::Result<DateRow> {
    Ok(
        from_row! { r, DATE_COLUMNS, "d.", DateRow { since, body_html, body_text, file } {
            date: date_ref(r)?,
            // Counted from the site index by the caller.
            site_count: 0,
            names: Vec::new(),
            countries: Vec::new(),
            body_lang: Lang::En,
        } },
    )
}

pub(super) const COUNTRY_COLUMNS: &str =
    "c.code, c.name, c.official_name, c.body_html, c.body_text, c.file";

pub(super) const PAGE_COLUMNS: &str = "slug, title, description, body_html, file, draft";

pub(super) fn page_row(r: &Row) -> rusqlite::Result<PageRow> {
    Ok(
        from_row! { r, PAGE_COLUMNS, "", PageRow { slug, title, description, body_html, file, draft } {
            lang: Lang::En,
            body_lang: Lang::En,
        } },
    )
}

/// A name in another language from a row of `lang, name`, after `skip` other columns.
pub(super) fn name_after(r: &Row, skip: usize) -> rusqlite::Result<Name> {
    Ok(Name {
        lang: r.get(skip)?,
        name: r.get(skip + 1)?,
    })
}

pub(super) fn name(r: &Row) -> rusqlite::Result<Name> {
    name_after(r, 0)
}

pub(super) fn country_row(r: &Row) -> rusqlite::Result<CountryRow> {
    Ok(from_row! { r, COUNTRY_COLUMNS, "c.", CountryRow {
        code, name, official_name, body_html, body_text, file,
    } {
        // Counted from the site index by the caller.
        site_count: 0,
        names: Vec::new(),
        lang: Lang::En,
        body_lang: Lang::En,
    } })
}
