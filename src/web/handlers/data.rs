//! Open data: every site with every field, as JSON, GeoJSON (sites with coordinates) and CSV.
//! The fields are documented in docs/open-data.md.

use actix_web::HttpResponse;
use actix_web::http::header;
use serde_json::{Map, Value, json};

use crate::db::read::SiteDetail;
use crate::urls;
use crate::web::{Ctx, PageError};

pub const LICENCE: &str = "CC BY 4.0";
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";

fn respond(content_type: &str, filename: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .body(body)
}

/// One site's fields as a JSON object; `with_coordinates` is false for GeoJSON, whose geometry
/// holds them.
fn site_json(s: &SiteDetail, base: &str, with_coordinates: bool) -> Map<String, Value> {
    let sm = &s.summary;
    let mut o = Map::new();
    let mut put = |k: &str, v: Value| {
        o.insert(k.to_string(), v);
    };
    put("slug", json!(sm.slug));
    put("url", json!(format!("{base}{}", urls::site(&sm.slug))));
    put("title", json!(sm.title));
    put(
        "names",
        Value::Object(
            s.names
                .iter()
                .map(|n| (n.lang.clone(), json!(n.name)))
                .collect(),
        ),
    );
    put("country", json!(sm.country));
    put("country_name", json!(sm.country_name));
    put("locality", json!(sm.locality));
    put("region", json!(sm.region));
    put("kind", json!(sm.kind));
    put("status", json!(sm.status));
    put("honours", json!(s.honours));
    put("conflicts", json!(s.conflicts));
    put("established", json!(sm.established.map(|d| d.to_string())));
    put("removed", json!(s.removed.map(|d| d.to_string())));
    if with_coordinates {
        put(
            "coordinates",
            match (s.latitude, s.longitude) {
                (Some(lat), Some(lon)) => json!({"latitude": lat, "longitude": lon}),
                _ => Value::Null,
            },
        );
    }
    put(
        "commemorations",
        json!(
            s.commemorations
                .iter()
                .map(|d| d.slug.as_str())
                .collect::<Vec<_>>()
        ),
    );
    put(
        "burials",
        json!({"total": s.burials_total, "known": s.burials_known, "unknown": s.burials_unknown, "military": s.burials_military}),
    );
    put("caretaker", json!(s.caretaker));
    put("visiting", json!(s.visiting));
    put("wikidata", json!(s.wikidata));
    put("osm", json!(s.osm));
    put("summary", json!(s.summary_text));
    put("description", json!(sm.description));
    put("updated", json!(sm.updated.map(|d| d.to_string())));
    put(
        "sources",
        json!(s
            .sources
            .iter()
            .map(|x| json!({"title": x.title, "publisher": x.publisher, "url": x.url, "date": x.date.map(|d| d.to_string())}))
            .collect::<Vec<_>>()),
    );
    put(
        "images",
        json!(
            s.images
                .iter()
                .map(|i| json!({
                    "url": format!("{base}/static/{}", i.file),
                    "alt": i.alt,
                    "caption": i.caption,
                    "credit": i.credit,
                    "license": i.license,
                    "width": i.width,
                    "height": i.height,
                }))
                .collect::<Vec<_>>()
        ),
    );
    o
}

fn about(ctx: &Ctx) -> Value {
    json!({
        "source": format!("{}/", ctx.state.config.base_url),
        "documentation": format!("{}/data/", ctx.state.config.base_url),
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "generated": ctx.db.built_at(),
    })
}

pub async fn json(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let base = &ctx.state.config.base_url;
    let sites: Vec<Value> = ctx
        .db
        .all_sites()?
        .iter()
        .map(|s| Value::Object(site_json(s, base, true)))
        .collect();
    let mut doc = about(&ctx);
    doc["count"] = json!(sites.len());
    doc["sites"] = Value::Array(sites);
    let body = serde_json::to_vec_pretty(&doc).map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(respond(
        "application/json; charset=utf-8",
        "sites.json",
        body,
    ))
}

pub async fn geojson(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let base = &ctx.state.config.base_url;
    let features: Vec<Value> = ctx
        .db
        .all_sites()?
        .iter()
        .filter_map(|s| {
            let (lat, lon) = (s.latitude?, s.longitude?);
            Some(json!({
                "type": "Feature",
                "id": s.summary.slug,
                // GeoJSON puts longitude first (RFC 7946).
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": Value::Object(site_json(s, base, false)),
            }))
        })
        .collect();
    let mut doc = json!({"type": "FeatureCollection", "features": features});
    doc["metadata"] = about(&ctx);
    let body = serde_json::to_vec(&doc).map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(respond(
        "application/geo+json; charset=utf-8",
        "sites.geojson",
        body,
    ))
}

/// The CSV columns, in order. Lists are joined with "; "; names as "lang: name".
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

pub async fn csv(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let base = &ctx.state.config.base_url;
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| PageError::Internal(e.to_string());
    w.write_record(CSV_COLUMNS).map_err(err)?;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    for s in ctx.db.all_sites()? {
        let sm = &s.summary;
        let sources: Vec<String> = s
            .sources
            .iter()
            .map(|x| {
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
            })
            .collect();
        let record: Vec<String> = vec![
            sm.slug.clone(),
            format!("{base}{}", urls::site(&sm.slug)),
            sm.title.clone(),
            s.names
                .iter()
                .map(|n| format!("{}: {}", n.lang, n.name))
                .collect::<Vec<_>>()
                .join("; "),
            sm.country.clone(),
            sm.country_name.clone(),
            sm.locality.clone(),
            opt(&sm.region),
            sm.kind.clone(),
            sm.status.clone(),
            opt(&s.honours),
            s.conflicts.join("; "),
            opt(&sm.established.map(|d| d.to_string())),
            opt(&s.removed.map(|d| d.to_string())),
            s.latitude.map(|v| v.to_string()).unwrap_or_default(),
            s.longitude.map(|v| v.to_string()).unwrap_or_default(),
            s.commemorations
                .iter()
                .map(|d| d.slug.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            num(s.burials_total),
            num(s.burials_known),
            num(s.burials_unknown),
            num(s.burials_military),
            opt(&s.caretaker),
            opt(&s.visiting),
            opt(&s.wikidata),
            opt(&s.osm),
            opt(&s.summary_text),
            sm.description.clone(),
            opt(&sm.updated.map(|d| d.to_string())),
            sources.join(" | "),
            s.images
                .iter()
                .map(|i| format!("{base}/static/{}", i.file))
                .collect::<Vec<_>>()
                .join("; "),
        ];
        w.write_record(&record).map_err(err)?;
    }
    let body = w
        .into_inner()
        .map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(respond(
        "text/csv; charset=utf-8; header=present",
        "sites.csv",
        body,
    ))
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
