use actix_web::{HttpResponse, web};

use super::html;
use crate::urls;
use crate::web::seo;
use crate::web::views::{SitePage, SitesPage};
use crate::web::{Ctx, PageError};

pub async fn list(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let sites = ctx.db.sites()?;
    let page = SitesPage {
        layout: ctx
            .layout(
                "All sites",
                &format!(
                    "{} memorial sites, cemeteries and graves, each with its sources.",
                    sites.len()
                ),
                "/sites/".into(),
            )
            .section("sites")
            .crumbs(&[("Home", "/")]),
        sites,
    };
    html(&page)
}

pub async fn show(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let site = ctx.db.site(&slug)?.ok_or(PageError::NotFound)?;
    let country_url = urls::country(&site.summary.country);
    let base = &ctx.state.config.base_url;
    let mut layout = ctx
        .layout(
            &format!("{}, {}", site.summary.title, site.summary.locality),
            &site.summary.description,
            urls::site(&site.summary.slug),
        )
        .section("sites")
        .crumbs(&[
            ("Home", "/"),
            ("Sites", "/sites/"),
            (site.summary.country_name.as_str(), country_url.as_str()),
        ])
        .article()
        .with_structured(seo::site(&site, base));
    layout.og_image = site
        .images
        .first()
        .map(|i| format!("{base}/static/{}", i.file));
    let correction_url = ctx.correction_url(&site.file);
    html(&SitePage {
        layout,
        site,
        correction_url,
    })
}
