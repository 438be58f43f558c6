use actix_web::HttpResponse;

use super::html;
use crate::web::map::{View, render};
use crate::web::views::{MapPage, SiteItem};
use crate::web::{Ctx, PageError};

pub async fn world(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let sites = ctx.db.located_sites(None, crate::web::map::MAX_MARKERS)?;
    let total = ctx.db.counts()?.sites;
    let located = ctx.db.located_count()?;
    let svg = render(
        &View::world(),
        false,
        None,
        "World map of the memorial sites with known coordinates",
        &sites,
        None,
    )?;
    let page = MapPage {
        layout: ctx
            .layout(
                "Map",
                "A world map of the memorial sites in the atlas whose position a source gives.",
                "/map/".into(),
            )
            .section("map")
            .crumbs(&[("Home", "/")]),
        svg,
        located,
        shown: i64::try_from(sites.len()).unwrap_or(i64::MAX),
        sites: sites.into_iter().map(|l| SiteItem(l.site)).collect(),
        total,
    };
    html(&page)
}
