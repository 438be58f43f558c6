//! The open-data records: every site with every field, as JSON, GeoJSON (sites with
//! coordinates), CSV and JSON Lines; `write` puts them into files.
//! The fields are documented in docs/open-data.md.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};
use serde_json::Value;

use chrono::NaiveDate;

use crate::content::model::{Image, PartialDate, SiteEvent, SiteFacts, Source};
use crate::db::read::{DateRef, SiteDetail};
use crate::urls;

pub const LICENCE: &str = "CC BY 4.0";
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";

/// Where the data comes from, under which licence, and when it was built.
#[derive(Serialize)]
pub struct About<'a> {
    documentation: String,
    generated: &'a str,
    licence: &'static str,
    licence_url: &'static str,
    source: String,
}

impl<'a> About<'a> {
    /// For the site at `base`, from the database built at `generated`.
    pub fn new(base: &str, generated: &'a str) -> About<'a> {
        About {
            documentation: format!("{base}/data/"),
            generated,
            licence: LICENCE,
            licence_url: LICENCE_URL,
            source: format!("{base}/"),
        }
    }
}

// The JSON exports have always listed keys in alphabetical order; the structs below declare
// their fields in that order so that the output stays as it is. A site's facts are merged into
// its object, which is then sorted as a whole (see `SiteJson::to_value`).

/// One site with every field; GeoJSON leaves `coordinates` out, since its geometry holds them.
#[derive(Serialize)]
struct SiteJson<'a> {
    #[serde(serialize_with = "slugs")]
    commemorations: &'a [DateRef],
    conflicts: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    coordinates: Option<Option<Coordinates>>,
    /// `exact` or `locality` (a town's centre), where there are coordinates.
    coordinates_precision: Option<&'static str>,
    country: &'a str,
    country_name: &'a str,
    description: &'a str,
    #[serde(serialize_with = "as_text")]
    established: Option<&'a PartialDate>,
    images: Vec<ImageJson<'a>>,
    kind: &'a str,
    locality: &'a str,
    /// By language tag, in the order of the tags.
    names: BTreeMap<&'a str, &'a str>,
    region: &'a Option<String>,
    slug: &'a str,
    sources: Vec<SourceJson<'a>>,
    status: &'a str,
    title: &'a str,
    /// Each translation's title, summary and address, by language code.
    translations: BTreeMap<&'a str, TranslationJson<'a>>,
    #[serde(serialize_with = "as_text")]
    updated: Option<&'a NaiveDate>,
    url: String,
    /// Every fact under its own key, as the model serializes it: a new fact is exported as is.
    #[serde(flatten)]
    facts: &'a SiteFacts,
}

#[derive(Serialize)]
struct TranslationJson<'a> {
    summary: &'a Option<String>,
    title: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Coordinates {
    latitude: f64,
    longitude: f64,
}

#[derive(Serialize)]
struct ImageJson<'a> {
    alt: &'a str,
    caption: &'a Option<String>,
    credit: &'a Option<String>,
    height: Option<u32>,
    license: &'a Option<String>,
    url: String,
    width: Option<u32>,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    #[serde(serialize_with = "as_text")]
    date: Option<&'a PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: &'a Option<String>,
    publisher: &'a Option<String>,
    title: &'a str,
    url: &'a Option<String>,
}

/// Commemorations by their slugs.
fn slugs<S: Serializer>(dates: &[DateRef], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(dates.iter().map(|d| d.slug.as_str()))
}

/// The address of an image of the site.
fn image_url(base: &str, image: &Image) -> String {
    format!("{base}/static/{}", image.file)
}

impl<'a> SiteJson<'a> {
    fn new(s: &'a SiteDetail, base: &str, with_coordinates: bool) -> SiteJson<'a> {
        let sm = &s.summary;
        let coordinates = match (s.latitude, s.longitude) {
            (Some(latitude), Some(longitude)) => Some(Coordinates {
                latitude,
                longitude,
            }),
            _ => None,
        };
        SiteJson {
            commemorations: &s.commemorations,
            conflicts: &s.conflicts,
            coordinates_precision: coordinates.as_ref().map(|_| s.precision.as_str()),
            coordinates: with_coordinates.then_some(coordinates),
            country: &sm.country,
            country_name: &sm.country_name,
            description: &sm.description,
            established: sm.established.as_ref(),
            images: s.images.iter().map(|i| ImageJson::new(base, i)).collect(),
            kind: &sm.kind,
            locality: &sm.locality,
            names: s
                .names
                .iter()
                .map(|n| (n.lang.as_str(), n.name.as_str()))
                .collect(),
            region: &sm.region,
            slug: &sm.slug,
            sources: s.sources.iter().map(SourceJson::new).collect(),
            status: &sm.status,
            title: &sm.title,
            translations: s
                .translations
                .iter()
                .map(|t| {
                    let url = format!("{base}/{}{}", t.lang, urls::site(&sm.slug));
                    (
                        t.lang.as_str(),
                        TranslationJson {
                            summary: &t.summary,
                            title: &t.title,
                            url,
                        },
                    )
                })
                .collect(),
            updated: sm.updated.as_ref(),
            url: format!("{base}{}", urls::site(&sm.slug)),
            facts: &s.facts,
        }
    }

    /// The site as one JSON object with its keys in alphabetical order, the facts among the
    /// others. (serde_json's objects keep their keys sorted unless its `preserve_order` feature
    /// is on; sorting is then free, and keeps the order should that feature ever come in.)
    fn to_value(&self) -> Result<Value, serde_json::Error> {
        let mut v = serde_json::to_value(self)?;
        v.sort_all_objects();
        Ok(v)
    }
}

impl<'a> ImageJson<'a> {
    fn new(base: &str, i: &'a Image) -> ImageJson<'a> {
        ImageJson {
            alt: &i.alt,
            caption: &i.caption,
            credit: &i.credit,
            height: i.height,
            license: &i.license,
            url: image_url(base, i),
            width: i.width,
        }
    }
}

impl<'a> SourceJson<'a> {
    fn new(x: &'a Source) -> SourceJson<'a> {
        SourceJson {
            date: x.date.as_ref(),
            id: &x.id,
            publisher: &x.publisher,
            title: &x.title,
            url: &x.url,
        }
    }
}

/// One site as `sites.json` and `sites.jsonl` hold it. The files are written by
/// `crate::web::exports`, record by record.
pub fn json_record(s: &SiteDetail, base: &str) -> Result<Value, serde_json::Error> {
    SiteJson::new(s, base, true).to_value()
}

/// `sites.geojson`: the sites with coordinates as point features (RFC 7946), written as
/// `{"features":[…],"metadata":…,"type":"FeatureCollection"}`.
#[derive(Serialize)]
struct Feature<'a> {
    geometry: Point,
    id: &'a str,
    properties: Value,
    r#type: &'static str,
}

#[derive(Serialize)]
struct Point {
    /// Longitude first, as GeoJSON has it.
    coordinates: [f64; 2],
    r#type: &'static str,
}

/// A site with coordinates as a GeoJSON feature; `None` for a site without.
pub fn geojson_record<'a>(
    s: &'a SiteDetail,
    base: &str,
) -> Option<Result<impl Serialize + use<'a>, serde_json::Error>> {
    let (lat, lon) = (s.latitude?, s.longitude?);
    Some(
        SiteJson::new(s, base, false)
            .to_value()
            .map(|properties| Feature {
                geometry: Point {
                    coordinates: [lon, lat],
                    r#type: "Point",
                },
                id: &s.summary.slug,
                properties,
                r#type: "Feature",
            }),
    )
}

/// The CSV columns, in order: the fields of [`CsvRow`]. Lists are joined with "; "; names as
/// "lang: name". The header is written from this list so that an empty atlas still has one.
/// These columns are a published contract: they keep their places and formats. The facts that
/// came after them follow as [`FurtherColumns`].
pub const CSV_COLUMNS: &[&str] = &[
    "slug",
    "url",
    "title",
    "names",
    "country",
    "country_name",
    "locality",
    "region",
    "kind",
    "status",
    "honours",
    "conflicts",
    "established",
    "removed",
    "latitude",
    "longitude",
    "commemorations",
    "burials_total",
    "burials_known",
    "burials_unknown",
    "burials_military",
    "caretaker",
    "visiting",
    "wikidata",
    "osm",
    "summary",
    "description",
    "updated",
    "sources",
    "images",
    "coordinates_precision",
    "coordinates_source",
    "events",
];

/// One site as a CSV row, its fields in the order of [`CSV_COLUMNS`].
#[derive(Serialize)]
struct CsvRow<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    names: String,
    country: &'a str,
    country_name: &'a str,
    locality: &'a str,
    region: &'a Option<String>,
    kind: &'a str,
    status: &'a str,
    honours: &'a Option<String>,
    conflicts: String,
    #[serde(serialize_with = "as_text")]
    established: Option<&'a PartialDate>,
    #[serde(serialize_with = "as_text")]
    removed: Option<&'a PartialDate>,
    #[serde(serialize_with = "as_text")]
    latitude: Option<f64>,
    #[serde(serialize_with = "as_text")]
    longitude: Option<f64>,
    commemorations: String,
    burials_total: Option<i64>,
    burials_known: Option<i64>,
    burials_unknown: Option<i64>,
    burials_military: Option<i64>,
    caretaker: &'a Option<String>,
    visiting: &'a Option<String>,
    wikidata: &'a Option<String>,
    osm: &'a Option<String>,
    summary: &'a Option<String>,
    description: &'a str,
    #[serde(serialize_with = "as_text")]
    updated: Option<&'a NaiveDate>,
    sources: String,
    images: String,
    coordinates_precision: Option<&'static str>,
    coordinates_source: &'a Option<String>,
    events: String,
}

/// A value as it prints itself: a number as Rust prints it (`40`, not the `40.0` the CSV
/// writer would), a date as `1945`, `1945-08` or `1945-08-15`.
fn as_text<T: std::fmt::Display, S: Serializer>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

/// A source as "title (publisher, date, url)", with whichever of those it has.
fn source_cell(x: &Source) -> String {
    let date = x.date.map(|d| d.to_string());
    let extra: Vec<&str> = [x.publisher.as_deref(), date.as_deref(), x.url.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if extra.is_empty() {
        x.title.clone()
    } else {
        format!("{} ({})", x.title, extra.join(", "))
    }
}

/// An event as "1976 dismantled: note [source id]".
fn event_cell(e: &SiteEvent) -> String {
    match &e.note {
        Some(n) => format!("{} {}: {n} [{}]", e.date, e.what, e.source),
        None => format!("{} {} [{}]", e.date, e.what, e.source),
    }
}

/// The items of a list, each as `cell` writes it, joined with `separator`.
fn joined<T>(items: &[T], separator: &str, cell: impl Fn(&T) -> String) -> String {
    items.iter().map(cell).collect::<Vec<_>>().join(separator)
}

impl<'a> CsvRow<'a> {
    fn new(s: &'a SiteDetail, base: &str) -> CsvRow<'a> {
        let sm = &s.summary;
        CsvRow {
            slug: &sm.slug,
            url: format!("{base}{}", urls::site(&sm.slug)),
            title: &sm.title,
            names: joined(&s.names, "; ", |n| format!("{}: {}", n.lang, n.name)),
            country: &sm.country,
            country_name: &sm.country_name,
            locality: &sm.locality,
            region: &sm.region,
            kind: &sm.kind,
            status: &sm.status,
            honours: &s.facts.honours,
            conflicts: s.conflicts.join("; "),
            established: sm.established.as_ref(),
            removed: s.facts.removed.as_ref(),
            latitude: s.latitude,
            longitude: s.longitude,
            commemorations: joined(&s.commemorations, "; ", |d| d.slug.clone()),
            burials_total: s.facts.burials.total,
            burials_known: s.facts.burials.known,
            burials_unknown: s.facts.burials.unknown,
            burials_military: s.facts.burials.military,
            caretaker: &s.facts.caretaker,
            visiting: &s.facts.visiting,
            wikidata: &s.facts.wikidata,
            osm: &s.facts.osm,
            summary: &s.facts.summary,
            description: &sm.description,
            updated: sm.updated.as_ref(),
            sources: joined(&s.sources, " | ", source_cell),
            images: joined(&s.images, "; ", |i| image_url(base, i)),
            coordinates_precision: s.latitude.map(|_| s.precision.as_str()),
            coordinates_source: &s.facts.coordinates_source,
            events: joined(&s.facts.events, "; ", event_cell),
        }
    }
}

/// The CSV columns after [`CSV_COLUMNS`]: every other key of a site's facts as the JSON export
/// writes them, in alphabetical order, so that a new fact is exported without an edit here.
/// A nested object's keys become `parent_child` columns; a list is one cell, joined with "; ".
/// The keys are those of the facts' default value, so that every row has the same columns.
struct FurtherColumns(Vec<String>);

impl FurtherColumns {
    /// The columns of facts shaped like `facts`, less those `CSV_COLUMNS` lists.
    fn of(facts: &Value) -> FurtherColumns {
        let mut cells = BTreeMap::new();
        flat_cells("", facts, &mut cells);
        FurtherColumns(
            cells
                .into_keys()
                .filter(|k| !CSV_COLUMNS.contains(&k.as_str()))
                .collect(),
        )
    }

    /// A site's cells in these columns; empty where it has no such value.
    fn cells(&self, facts: &Value) -> Vec<String> {
        let mut cells = BTreeMap::new();
        flat_cells("", facts, &mut cells);
        self.0
            .iter()
            .map(|c| cells.remove(c).unwrap_or_default())
            .collect()
    }
}

/// Each scalar or list in `value` as one cell, under its key; nested objects' keys joined by `_`.
fn flat_cells(key: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let inner = if key.is_empty() {
                    k.clone()
                } else {
                    format!("{key}_{k}")
                };
                flat_cells(&inner, v, out);
            }
        }
        v => {
            out.insert(key.to_string(), cell_text(v));
        }
    }
}

/// A value as a cell: text as it is, a list joined with "; ", nothing for null.
fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => joined(items, "; ", cell_text),
        v => v.to_string(),
    }
}

/// The columns of `sites.csv`: [`CSV_COLUMNS`], then one for every fact they do not name.
pub struct CsvColumns(FurtherColumns);

impl CsvColumns {
    pub fn new() -> Result<CsvColumns, serde_json::Error> {
        let facts = serde_json::to_value(SiteFacts::default())?;
        Ok(CsvColumns(FurtherColumns::of(&facts)))
    }

    pub fn header(&self) -> impl Iterator<Item = &str> {
        let further = self.0.0.iter().map(String::as_str);
        CSV_COLUMNS
            .iter()
            .copied()
            .chain(further)
            .chain(TRANSLATION_COLUMNS.iter().copied())
    }

    /// One site as a row. (The CSV writer writes a struct's fields, then a list's items, as
    /// one record.)
    pub fn record<'a>(
        &self,
        s: &'a SiteDetail,
        base: &str,
    ) -> Result<impl Serialize + use<'a>, serde_json::Error> {
        // The facts are turned into JSON only when there are further columns to fill.
        let cells = if self.0.0.is_empty() {
            Vec::new()
        } else {
            self.0.cells(&serde_json::to_value(&s.facts)?)
        };
        Ok((CsvRow::new(s, base), cells, translation_cells(s)))
    }
}

/// The last CSV columns: each translation's title and summary, empty where there is none.
pub const TRANSLATION_COLUMNS: &[&str] = &[
    "title_ru",
    "summary_ru",
    "title_ko",
    "summary_ko",
    "title_zh",
    "summary_zh",
];

fn translation_cells(s: &SiteDetail) -> Vec<String> {
    let mut out = Vec::with_capacity(TRANSLATION_COLUMNS.len());
    for lang in crate::lang::Lang::TRANSLATED {
        let t = s.translations.iter().find(|t| t.lang == lang.code());
        out.push(t.map(|t| t.title.clone()).unwrap_or_default());
        out.push(t.and_then(|t| t.summary.clone()).unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: &Option<String> = &None;

    /// A row with every cell empty but its slug.
    fn row_of(slug: &str) -> CsvRow<'_> {
        CsvRow {
            slug,
            url: String::new(),
            title: "",
            names: String::new(),
            country: "",
            country_name: "",
            locality: "",
            region: NONE,
            kind: "",
            status: "",
            honours: NONE,
            conflicts: String::new(),
            established: None,
            removed: None,
            latitude: None,
            longitude: None,
            commemorations: String::new(),
            burials_total: None,
            burials_known: None,
            burials_unknown: None,
            burials_military: None,
            caretaker: NONE,
            visiting: NONE,
            wikidata: NONE,
            osm: NONE,
            summary: NONE,
            description: "",
            updated: None,
            sources: String::new(),
            images: String::new(),
            coordinates_precision: None,
            coordinates_source: NONE,
            events: String::new(),
        }
    }

    /// The header row is written from `CSV_COLUMNS`; the rows from `CsvRow`'s fields. They
    /// must name the same columns in the same order.
    #[test]
    fn csv_rows_follow_the_listed_columns() {
        let row = CsvRow {
            latitude: Some(40.0),
            ..row_of("")
        };
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(&row).expect("serializes");
        let bytes = w.into_inner().expect("flushes");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(CSV_COLUMNS.join(",").as_str()));
        assert_eq!(lines.next(), Some(",,,,,,,,,,,,,,40,,,,,,,,,,,,,,,,,,"));
    }

    /// Today every fact has a column of the contract, so nothing is appended.
    #[test]
    fn the_facts_of_today_add_no_csv_column() {
        let facts = serde_json::to_value(SiteFacts::default()).expect("serializes");
        assert!(FurtherColumns::of(&facts).0.is_empty());
    }

    /// A fact that `CSV_COLUMNS` does not list is appended as a column of its own: a scalar as
    /// text, a list joined with "; ", a nested object's keys as `parent_child`.
    #[test]
    fn a_new_fact_is_appended_as_a_csv_column() {
        let mut shape = serde_json::to_value(SiteFacts::default()).expect("serializes");
        let mut facts = serde_json::to_value(SiteFacts {
            caretaker: Some("The city".into()),
            ..SiteFacts::default()
        })
        .expect("serializes");
        let new = [
            ("plot", serde_json::json!(null), serde_json::json!(12)),
            (
                "hours",
                serde_json::json!({"summer": null}),
                serde_json::json!({"summer": "9-18"}),
            ),
            (
                "languages",
                serde_json::json!([]),
                serde_json::json!(["ru", "en"]),
            ),
        ];
        for (key, empty, value) in new {
            shape[key] = empty;
            facts[key] = value;
        }
        let further = FurtherColumns::of(&shape);
        assert_eq!(further.0, ["hours_summer", "languages", "plot"]);
        assert_eq!(further.cells(&facts), ["9-18", "ru; en", "12"]);

        // Appended after the contract's columns, in the same record.
        let row = row_of("s");
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.serialize((row, further.cells(&facts)))
            .expect("serializes");
        let text = String::from_utf8(w.into_inner().expect("flushes")).expect("UTF-8");
        let cells: Vec<&str> = text.trim_end().split(',').collect();
        assert_eq!(cells.len(), CSV_COLUMNS.len() + 3);
        assert_eq!(cells[0], "s");
        assert_eq!(&cells[CSV_COLUMNS.len()..], ["9-18", "ru; en", "12"]);
    }
}
