use actix_web::HttpResponse;

use super::html;
use crate::i18n::collate;
use crate::web::seo;
use crate::web::views::{CountryItem, HomePage, SITE_NAME, SiteItem, Upcoming, items};
use crate::web::{Ctx, PageError};

/// How many commemoration dates the home page lists as coming up.
const UPCOMING: usize = 3;

pub async fn home(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let today = ctx.state.today();
    let t = ctx.t;
    let mut dates: Vec<_> = ctx.db.dates()?.into_iter().map(|d| d.date).collect();
    ctx.db.localize_dates(ctx.lang, &mut dates)?;
    let mut upcoming: Vec<Upcoming> = dates.into_iter().map(|d| Upcoming::new(d, today)).collect();
    upcoming.sort_by_key(|u| (u.next, u.date.title.clone()));
    upcoming.truncate(UPCOMING);
    let mut countries = ctx.db.countries()?;
    ctx.db.localize_countries(ctx.lang, &mut countries, false)?;
    countries.sort_by(|a, b| collate::compare(ctx.lang, &a.name, &b.name));
    let mut recent = ctx.db.recently_checked(5)?;
    ctx.db.localize_sites(ctx.lang, &mut recent)?;
    let page = HomePage {
        layout: ctx
            .layout(SITE_NAME, &t.t("home-description"), "/".into())
            .section("home")
            .with_structured(seo::website(&ctx.state.config.base_url, &t)),
        counts: ctx.db.counts()?,
        upcoming,
        countries: items(countries, CountryItem),
        recent: items(recent, SiteItem),
    };
    html(&page)
}
