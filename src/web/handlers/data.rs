//! Open data: every site with every field, as JSON, GeoJSON (sites with coordinates) and CSV.
//! The fields are documented in docs/open-data.md.

use actix_web::HttpResponse;
use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use chrono::NaiveDate;

use crate::content::model::{Image, PartialDate, Source};
use crate::db::read::{DateRef, SiteDetail};
use crate::urls;
use crate::web::{Ctx, PageError};

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
// their fields in that order so that the output stays as it is.

/// One site with every field; GeoJSON leaves `coordinates` out, since its geometry holds them.
#[derive(Serialize)]
struct SiteJson<'a> {
    burials: Burials,
    caretaker: &'a Option<String>,
    #[serde(serialize_with = "slugs")]
    commemorations: &'a [DateRef],
    conflicts: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    coordinates: Option<Option<Coordinates>>,
    country: &'a str,
    country_name: &'a str,
    description: &'a str,
    #[serde(serialize_with = "as_text")]
    established: Option<&'a PartialDate>,
    honours: &'a Option<String>,
    images: Vec<ImageJson<'a>>,
    kind: &'a str,
    locality: &'a str,
    /// By language tag, in the order of the tags.
    names: BTreeMap<&'a str, &'a str>,
    osm: &'a Option<String>,
    region: &'a Option<String>,
    #[serde(serialize_with = "as_text")]
    removed: Option<&'a PartialDate>,
    slug: &'a str,
    sources: Vec<SourceJson<'a>>,
    status: &'a str,
    summary: &'a Option<String>,
    title: &'a str,
    #[serde(serialize_with = "as_text")]
    updated: Option<&'a NaiveDate>,
    url: String,
    visiting: &'a Option<String>,
    wikidata: &'a Option<String>,
}

#[derive(Serialize)]
struct Burials {
    known: Option<i64>,
    military: Option<i64>,
    total: Option<i64>,
    unknown: Option<i64>,
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
            burials: Burials {
                known: s.burials_known,
                military: s.burials_military,
                total: s.burials_total,
                unknown: s.burials_unknown,
            },
            caretaker: &s.caretaker,
            commemorations: &s.commemorations,
            conflicts: &s.conflicts,
            coordinates: with_coordinates.then_some(coordinates),
            country: &sm.country,
            country_name: &sm.country_name,
            description: &sm.description,
            established: sm.established.as_ref(),
            honours: &s.honours,
            images: s.images.iter().map(|i| ImageJson::new(base, i)).collect(),
            kind: &sm.kind,
            locality: &sm.locality,
            names: s
                .names
                .iter()
                .map(|n| (n.lang.as_str(), n.name.as_str()))
                .collect(),
            osm: &s.osm,
            region: &sm.region,
            removed: s.removed.as_ref(),
            slug: &sm.slug,
            sources: s.sources.iter().map(SourceJson::new).collect(),
            status: &sm.status,
            summary: &s.summary_text,
            title: &sm.title,
            updated: sm.updated.as_ref(),
            url: format!("{base}{}", urls::site(&sm.slug)),
            visiting: &s.visiting,
            wikidata: &s.wikidata,
        }
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
            publisher: &x.publisher,
            title: &x.title,
            url: &x.url,
        }
    }
}

/// One site as `sites.json` and `sites.jsonl` hold it. The files are written by
/// `crate::web::exports`, record by record.
pub fn json_record<'a>(s: &'a SiteDetail, base: &str) -> impl Serialize + use<'a> {
    SiteJson::new(s, base, true)
}

/// `sites.geojson`: the sites with coordinates as point features (RFC 7946), written as
/// `{"features":[…],"metadata":…,"type":"FeatureCollection"}`.
#[derive(Serialize)]
struct Feature<'a> {
    geometry: Point,
    id: &'a str,
    properties: SiteJson<'a>,
    r#type: &'static str,
}

#[derive(Serialize)]
struct Point {
    /// Longitude first, as GeoJSON has it.
    coordinates: [f64; 2],
    r#type: &'static str,
}

/// A site with coordinates as a GeoJSON feature; `None` for a site without.
pub fn geojson_record<'a>(s: &'a SiteDetail, base: &str) -> Option<impl Serialize + use<'a>> {
    let (lat, lon) = (s.latitude?, s.longitude?);
    Some(Feature {
        geometry: Point {
            coordinates: [lon, lat],
            r#type: "Point",
        },
        id: &s.summary.slug,
        properties: SiteJson::new(s, base, false),
        r#type: "Feature",
    })
}

/// The CSV columns, in order: the fields of [`CsvRow`]. Lists are joined with "; "; names as
/// "lang: name". The header is written from this list so that an empty atlas still has one.
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
            honours: &s.honours,
            conflicts: s.conflicts.join("; "),
            established: sm.established.as_ref(),
            removed: s.removed.as_ref(),
            latitude: s.latitude,
            longitude: s.longitude,
            commemorations: joined(&s.commemorations, "; ", |d| d.slug.clone()),
            burials_total: s.burials_total,
            burials_known: s.burials_known,
            burials_unknown: s.burials_unknown,
            burials_military: s.burials_military,
            caretaker: &s.caretaker,
            visiting: &s.visiting,
            wikidata: &s.wikidata,
            osm: &s.osm,
            summary: &s.summary_text,
            description: &sm.description,
            updated: sm.updated.as_ref(),
            sources: joined(&s.sources, " | ", source_cell),
            images: joined(&s.images, "; ", |i| image_url(base, i)),
        }
    }
}

/// One site as a row of `sites.csv`, whose header is [`CSV_COLUMNS`].
pub fn csv_record<'a>(s: &'a SiteDetail, base: &str) -> impl Serialize + use<'a> {
    CsvRow::new(s, base)
}

/// `/data/`: what can be downloaded, and under which licence.
pub async fn index(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let page = crate::web::views::DataPage {
        layout: ctx
            .layout(
                "Open data",
                "Download every site in the atlas as JSON, GeoJSON or CSV, subscribe to new entries, and add the commemoration dates to your calendar.",
                "/data/".into(),
            )
            .crumbs(&[("Home", "/")]),
        sites: ctx.db.counts()?.sites,
        located: ctx.db.located_count()?,
    };
    super::html(&page)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header row is written from `CSV_COLUMNS`; the rows from `CsvRow`'s fields. They
    /// must name the same columns in the same order.
    #[test]
    fn csv_rows_follow_the_listed_columns() {
        let none: Option<String> = None;
        let row = CsvRow {
            slug: "",
            url: String::new(),
            title: "",
            names: String::new(),
            country: "",
            country_name: "",
            locality: "",
            region: &none,
            kind: "",
            status: "",
            honours: &none,
            conflicts: String::new(),
            established: None,
            removed: None,
            latitude: Some(40.0),
            longitude: None,
            commemorations: String::new(),
            burials_total: None,
            burials_known: None,
            burials_unknown: None,
            burials_military: None,
            caretaker: &none,
            visiting: &none,
            wikidata: &none,
            osm: &none,
            summary: &none,
            description: "",
            updated: None,
            sources: String::new(),
            images: String::new(),
        };
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(&row).expect("serializes");
        let bytes = w.into_inner().expect("flushes");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(CSV_COLUMNS.join(",").as_str()));
        assert_eq!(lines.next(), Some(",,,,,,,,,,,,,,40,,,,,,,,,,,,,,,"));
    }
}
