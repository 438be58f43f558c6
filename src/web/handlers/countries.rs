use actix_web::{HttpResponse, web};

use super::html;
use crate::text::truncate_words;
use crate::urls;
use crate::web::views::{
    CountriesPage, CountryItem, CountryPage, DateEntry, LIST_LIMIT, group_by_locality, items,
};
use crate::web::{Ctx, PageError};

pub async fn list(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let countries = ctx.db.countries()?;
    let page = CountriesPage {
        layout: ctx
            .layout(
                "Countries",
                "The countries whose memorial sites the atlas documents.",
                "/countries/".into(),
            )
            .section("countries")
            .crumbs(&[("Home", "/")]),
        countries: items(countries, CountryItem),
    };
    html(&page)
}

pub async fn show(ctx: Ctx, code: web::Path<String>) -> Result<HttpResponse, PageError> {
    let country = ctx.db.country(&code)?.ok_or(PageError::NotFound)?;
    let sites = ctx.db.country_sites(&country.code, LIST_LIMIT)?;
    let dates = ctx
        .db
        .dates()?
        .into_iter()
        .filter(|d| d.countries.iter().any(|(c, _)| *c == country.code))
        .map(DateEntry)
        .collect();
    let description = if country.body_text.is_empty() {
        format!(
            "Memorial sites in {}: {} documented, each with its sources.",
            country.name, country.site_count
        )
    } else {
        truncate_words(&country.body_text, 200)
    };
    let page = CountryPage {
        layout: ctx
            .layout(
                &format!("Memorial sites in {}", country.name),
                &description,
                urls::country(&country.code),
            )
            .section("countries")
            .crumbs(&[("Home", "/"), ("Countries", "/countries/")])
            .alternate(
                "text/calendar",
                &format!("Commemoration dates in {} (iCalendar)", country.name),
                &format!("/countries/{}/dates.ics", country.code),
            ),
        correction_url: ctx.correction_url(&country.file),
        map: crate::web::map::country(&ctx.db, &country.code, &country.name)?,
        groups: group_by_locality(sites),
        dates,
        country,
    };
    html(&page)
}
