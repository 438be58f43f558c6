use actix_web::{HttpResponse, web};

use super::html;
use crate::urls;
use crate::web::views::{CountriesPage, CountryPage, Layout, group_by_locality};
use crate::web::{PageError, WorkerDb};

pub async fn list(db: web::Data<WorkerDb>) -> Result<HttpResponse, PageError> {
    let db = db.get()?;
    let countries = db.countries()?;
    let page = CountriesPage {
        layout: Layout::new(
            "Countries",
            "The countries whose memorial sites the atlas documents.",
            Some("/countries/".into()),
        )
        .section("countries")
        .crumbs(&[("Home", "/")]),
        countries,
    };
    html(&page)
}

pub async fn show(
    db: web::Data<WorkerDb>,
    code: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let db = db.get()?;
    let country = db.country(&code)?.ok_or(PageError::NotFound)?;
    let sites = db.country_sites(&country.code)?;
    let dates = db
        .dates()?
        .into_iter()
        .filter(|d| d.countries.iter().any(|(c, _)| *c == country.code))
        .collect();
    let description = if country.body_text.is_empty() {
        format!(
            "Memorial sites in {}: {} documented, each with its sources.",
            country.name,
            sites.len()
        )
    } else {
        crate::db::build::truncate_words(&country.body_text, 200)
    };
    let page = CountryPage {
        layout: Layout::new(
            &format!("Memorial sites in {}", country.name),
            &description,
            Some(urls::country(&country.code)),
        )
        .section("countries")
        .crumbs(&[("Home", "/"), ("Countries", "/countries/")]),
        groups: group_by_locality(sites),
        dates,
        country,
    };
    html(&page)
}
