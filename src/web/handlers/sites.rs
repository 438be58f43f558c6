use actix_web::{HttpResponse, web};

use super::html;
use crate::urls;
use crate::web::views::{Layout, SitePage, SitesPage};
use crate::web::{PageError, WorkerDb};

pub async fn list(db: web::Data<WorkerDb>) -> Result<HttpResponse, PageError> {
    let db = db.get()?;
    let sites = db.sites()?;
    let page = SitesPage {
        layout: Layout::new(
            "All sites",
            &format!(
                "{} memorial sites, cemeteries and graves, each with its sources.",
                sites.len()
            ),
            Some("/sites/".into()),
        )
        .section("sites")
        .crumbs(&[("Home", "/")]),
        sites,
    };
    html(&page)
}

pub async fn show(
    db: web::Data<WorkerDb>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let db = db.get()?;
    let site = db.site(&slug)?.ok_or(PageError::NotFound)?;
    let country_url = urls::country(&site.summary.country);
    let layout = Layout::new(
        &format!("{}, {}", site.summary.title, site.summary.locality),
        &site.summary.description,
        Some(urls::site(&site.summary.slug)),
    )
    .section("sites")
    .crumbs(&[
        ("Home", "/"),
        ("Sites", "/sites/"),
        (site.summary.country_name.as_str(), country_url.as_str()),
    ]);
    html(&SitePage { layout, site })
}
