use actix_web::HttpResponse;

use super::html;
use crate::web::seo;
use crate::web::views::{CountryItem, HomePage, SITE_NAME, SiteItem, Upcoming, items};
use crate::web::{Ctx, PageError};

/// How many commemoration dates the home page lists as coming up.
const UPCOMING: usize = 3;

pub async fn home(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let today = ctx.state.today();
    let mut upcoming: Vec<Upcoming> = ctx
        .db
        .dates()?
        .into_iter()
        .map(|d| Upcoming::new(d.date, today))
        .collect();
    upcoming.sort_by_key(|u| (u.next, u.date.title.clone()));
    upcoming.truncate(UPCOMING);
    let page = HomePage {
        layout: ctx
            .layout(
                SITE_NAME,
                "A sourced register of war memorials, cemeteries and graves, with their commemoration dates.",
                "/".into(),
            )
            .section("home")
            .with_structured(seo::website(&ctx.state.config.base_url)),
        counts: ctx.db.counts()?,
        upcoming,
        countries: items(ctx.db.countries()?, CountryItem),
        recent: items(ctx.db.recently_checked(5)?, SiteItem),
    };
    html(&page)
}
