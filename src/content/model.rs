//! The entries of the content folder, as checked and typed values.

use std::fmt;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value with the line and column in its file where it was written, so that checks across files
/// can point at it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Positioned<T> {
    pub value: T,
    pub line: usize,
    pub column: usize,
}

/// The kinds of memorial site, as written in `kind`.
pub const SITE_KINDS: &[&str] = &[
    "monument",
    "cemetery",
    "grave",
    "memorial-complex",
    "museum",
    "plaque",
    "street",
    "park",
];

/// The states a site can be in, as written in `status`.
pub const SITE_STATUSES: &[&str] = &[
    "extant",
    "destroyed",
    "dismantled",
    "planned",
    "under-construction",
    "restoration-planned",
    "unknown",
];

/// What can happen to a site, as written in an event's `what`.
pub const EVENT_KINDS: &[&str] = &[
    "built",
    "unveiled",
    "opened",
    "announced",
    "groundbreaking",
    "moved",
    "damaged",
    "restored",
    "renamed",
    "reburial",
    "dismantled",
    "destroyed",
    "other",
];

/// The events that mark when a site was established, where `established` is not given.
pub const ESTABLISHING_EVENTS: &[&str] = &["built", "unveiled", "opened"];

/// How exactly `coordinates` place a site.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The site's own position.
    #[default]
    Exact,
    /// The centre of the town or district in `locality`, from a gazetteer.
    Locality,
}

impl Precision {
    pub const NAMES: &[&str] = &["exact", "locality"];

    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Locality => "locality",
        }
    }

    pub fn from_stored(s: &str) -> Precision {
        if s == "locality" {
            Precision::Locality
        } else {
            Precision::Exact
        }
    }

    pub fn is_approximate(self) -> bool {
        self == Precision::Locality
    }
}

/// One `[[events]]` entry: a dated step in a site's history, with the source it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteEvent {
    pub date: PartialDate,
    /// One of [`EVENT_KINDS`].
    pub what: String,
    pub note: Option<String>,
    /// The `id` of one of the site's sources.
    pub source: String,
}

/// A human label for a kind or status value.
pub fn label(value: &str) -> String {
    let spaced = value.replace('-', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A date known to the year, the month or the day: `1947`, `1947-08`, `1947-08-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month, 1-based.
pub fn month_name(month: u32) -> &'static str {
    MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

impl PartialDate {
    pub fn parse(s: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.chars().all(|c| c.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let year = num(parts.first()?, 4)? as i32;
        match parts.len() {
            1 => Some(PartialDate {
                year,
                month: None,
                day: None,
            }),
            2 => {
                let m = num(parts[1], 2)?;
                (1..=12).contains(&m).then_some(PartialDate {
                    year,
                    month: Some(m),
                    day: None,
                })
            }
            3 => {
                let m = num(parts[1], 2)?;
                let d = num(parts[2], 2)?;
                NaiveDate::from_ymd_opt(year, m, d)?;
                Some(PartialDate {
                    year,
                    month: Some(m),
                    day: Some(d),
                })
            }
            _ => None,
        }
    }

    /// Reads back a value stored with `Display`.
    pub fn from_stored(s: &str) -> Option<PartialDate> {
        Self::parse(s)
    }

    /// "15 August 1945", "August 1945" or "1945".
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Stored and exported as it is written: `"1947"`, `"1947-08"`, `"1947-08-15"`.
impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        PartialDate::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a date such as 1947-08-15"))
        })
    }
}

/// Where an entry's Markdown body is. Every body is read again and rendered when the database is
/// written (by `content::render`), so that a build of 100,000 sites never holds all their text at
/// once and every kind of entry takes the same way.
#[derive(Debug, Clone)]
pub struct MarkdownFile {
    /// The file's path on disk.
    pub path: PathBuf,
    /// The path shown in error messages.
    pub display_path: PathBuf,
    /// The ids of the entry's sources, in the order of its list of sources: `[^id]` in the body
    /// cites one of them (only sites have sources).
    pub source_ids: Vec<Option<String>>,
}

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// Sanitised HTML.
    pub html: String,
    /// Plain text, for search and for descriptions.
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Burials {
    pub total: Option<i64>,
    pub known: Option<i64>,
    pub unknown: Option<i64>,
    pub military: Option<i64>,
}

impl Burials {
    pub fn is_empty(&self) -> bool {
        *self == Burials::default()
    }
}

/// One `[[sources]]` entry: where what the entry says comes from.
#[derive(Debug, Clone)]
pub struct Source {
    /// What the body, events and `coordinates_source` cite it by.
    pub id: Option<String>,
    /// The title of the article, book or document.
    pub title: String,
    pub publisher: Option<String>,
    /// An http:// or https:// address.
    pub url: Option<String>,
    /// When it was published.
    pub date: Option<PartialDate>,
}

/// One `[[images]]` entry.
#[derive(Debug, Clone)]
pub struct Image {
    /// A path under `static/`, checked to exist.
    pub file: String,
    /// What the image shows, for people who cannot see it.
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub license: Option<String>,
    /// The size in pixels, read from the file (none where it cannot be read).
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// What a site's page tells of it beyond the fields that lists filter, sort or search on.
///
/// The database keeps these as one JSON value per site and the open-data exports write them as
/// they serialize, so a new fact is written here, in `parse.rs`, in the `new` scaffold and in the
/// page template, and nowhere else. A field that a query must filter, sort or index on belongs
/// in [`Site`] instead, with a column of its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteFacts {
    /// Whom the site commemorates; also indexed for search, from this model, when building.
    pub honours: Option<String>,
    pub removed: Option<PartialDate>,
    pub burials: Burials,
    pub caretaker: Option<String>,
    pub visiting: Option<String>,
    /// A Wikidata item, `Q` and digits.
    pub wikidata: Option<String>,
    /// An OpenStreetMap object: `node/N`, `way/N` or `relation/N`.
    pub osm: Option<String>,
    /// The editor's own summary; the description falls back to the body without it.
    pub summary: Option<String>,
    /// The `id` of the source that gives `coordinates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates_source: Option<String>,
    /// The site's dated history, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<SiteEvent>,
}

/// A memorial site: one file in `content/sites/`.
#[derive(Debug, Clone)]
pub struct Site {
    /// The file's name without `.md`, and the last part of its address.
    pub slug: String,
    /// The file, relative to the content folder's parent.
    pub file: PathBuf,
    pub title: String,
    pub country: Positioned<String>,
    pub locality: String,
    pub region: Option<String>,
    pub kind: &'static str,
    pub status: &'static str,
    pub conflicts: Vec<String>,
    pub established: Option<PartialDate>,
    pub coordinates: Option<(f64, f64)>,
    pub precision: Precision,
    pub commemorations: Vec<Positioned<String>>,
    pub names: Vec<(String, String)>,
    pub facts: SiteFacts,
    pub updated: Option<NaiveDate>,
    pub draft: bool,
    pub aliases: Vec<Positioned<String>>,
    pub sources: Vec<Source>,
    pub images: Vec<Image>,
    /// What `check` reports about the file without refusing it.
    pub warnings: Vec<super::error::ContentError>,
    pub body: MarkdownFile,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub file: PathBuf,
    pub name: String,
    pub official_name: Option<String>,
    pub names: Vec<(String, String)>,
    pub body: MarkdownFile,
}

#[derive(Debug, Clone)]
pub struct CommemorationDate {
    pub slug: String,
    pub file: PathBuf,
    pub title: String,
    pub month: u32,
    pub day: u32,
    pub countries: Vec<Positioned<String>>,
    pub names: Vec<(String, String)>,
    pub since: Option<i32>,
    pub body: MarkdownFile,
}

impl CommemorationDate {
    /// "15 August".
    pub fn day_label(&self) -> String {
        format!("{} {}", self.day, month_name(self.month))
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub file: PathBuf,
    pub title: String,
    pub summary: Option<String>,
    pub draft: bool,
    pub body: MarkdownFile,
}

/// Everything in a content folder, checked.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub sites: Vec<Site>,
    pub countries: Vec<Country>,
    pub dates: Vec<CommemorationDate>,
    pub pages: Vec<Page>,
    /// Every translation, in the order of their files.
    pub translations: Vec<Translation>,
    /// What `check` reports without refusing the content, such as a source that nothing cites.
    pub warnings: Vec<super::error::ContentError>,
    /// The day of the last commit that changed each file, where the content is in git.
    pub last_commit: std::collections::HashMap<PathBuf, NaiveDate>,
}

impl Content {
    /// When an entry last changed: its `updated` date, else its file's last commit.
    pub fn lastmod(&self, file: &std::path::Path, updated: Option<NaiveDate>) -> Option<NaiveDate> {
        updated.or_else(|| self.last_commit.get(file).copied())
    }
}

/// The next day on or after `today` that falls on `month`/`day`; 29 February falls only in leap
/// years.
pub fn next_occurrence(month: u32, day: u32, today: NaiveDate) -> NaiveDate {
    // Nine years always contain a 29 February (century gaps last eight years).
    for year in today.year()..today.year() + 9 {
        if let Some(d) = NaiveDate::from_ymd_opt(year, month, day)
            && d >= today
        {
            return d;
        }
    }
    today
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates() {
        assert_eq!(
            PartialDate::parse("1945").map(|d| d.human()),
            Some("1945".into())
        );
        assert_eq!(
            PartialDate::parse("1945-08").map(|d| d.human()),
            Some("August 1945".into())
        );
        assert_eq!(
            PartialDate::parse("1945-08-15").map(|d| d.to_string()),
            Some("1945-08-15".into())
        );
        assert!(PartialDate::parse("1945-02-30").is_none());
        assert!(PartialDate::parse("1945-13").is_none());
        assert!(PartialDate::parse("45").is_none());
        assert!(PartialDate::parse("1945-8-1").is_none());
    }

    #[test]
    fn next_occurrences() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).expect("valid test date");
        assert_eq!(next_occurrence(5, 9, d(2026, 11, 23)), d(2027, 5, 9));
        assert_eq!(next_occurrence(11, 23, d(2026, 11, 23)), d(2026, 11, 23));
        assert_eq!(next_occurrence(2, 29, d(2026, 3, 1)), d(2028, 2, 29));
    }
}

/// The four kinds of entry, each with its folder under `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Site,
    Country,
    Date,
    Page,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Site, Kind::Country, Kind::Date, Kind::Page];

    pub fn folder(self) -> &'static str {
        match self {
            Kind::Site => "sites",
            Kind::Country => "countries",
            Kind::Date => "dates",
            Kind::Page => "pages",
        }
    }

    /// The name the database and the exports store: `site`, `country`, `date`, `page`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Site => "site",
            Kind::Country => "country",
            Kind::Date => "date",
            Kind::Page => "page",
        }
    }
}

/// A translated image's words, in the order of the original's `[[images]]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImageWords {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
}

/// The words of a translation besides its title; which ones a kind may have is the format's
/// Translations table. The database keeps them as one JSON value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Words {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caretaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visiting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<ImageWords>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_notes: Vec<String>,
}

/// A translation: `<slug>.<lang>.md` beside its original, holding the words only.
#[derive(Debug, Clone)]
pub struct Translation {
    pub lang: crate::lang::Lang,
    pub kind: Kind,
    /// The original's slug (a country's code).
    pub key: String,
    pub file: PathBuf,
    /// The original's file, which holds the facts.
    pub original: PathBuf,
    /// The title (a country's name).
    pub title: String,
    pub words: Words,
    /// The day the translation was last checked against its original.
    pub updated: Option<NaiveDate>,
    pub draft: bool,
    /// Whether the body has any text: an empty body shows the original's, marked.
    pub has_body: bool,
    /// The sources the body cites by `[^id]` without defining them, with where: each must be
    /// one of the original's.
    pub cites: Vec<Positioned<String>>,
    /// How many `event_notes` and `images` were given, with where, for the check against the
    /// original.
    pub event_notes_at: Option<(usize, usize)>,
    pub images_at: Option<(usize, usize)>,
    pub body: MarkdownFile,
}
