use actix_web::{HttpResponse, web};

use super::html;
use crate::db::build::truncate_words;
use crate::urls;
use crate::web::seo;
use crate::web::views::{DatePage, DatesPage, Upcoming};
use crate::web::{Ctx, PageError};

pub async fn list(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let today = ctx.state.today();
    let dates = ctx
        .db
        .dates()?
        .into_iter()
        .map(|d| {
            let next = Upcoming::new(d.date.clone(), today);
            (d, next)
        })
        .collect();
    let page = DatesPage {
        layout: ctx
            .layout(
                "Commemoration dates",
                "The days on which ceremonies are held at memorial sites, in calendar order, with the next time each falls.",
                "/dates/".into(),
            )
            .section("dates")
            .crumbs(&[("Home", "/")])
            .alternate("text/calendar", "Commemoration dates (iCalendar)", "/dates.ics"),
        dates,
    };
    html(&page)
}

pub async fn show(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let date = ctx.db.date(&slug)?.ok_or(PageError::NotFound)?;
    let sites = ctx.db.date_sites(&date.date.slug)?;
    let next = Upcoming::new(date.date.clone(), ctx.state.today());
    let description = if date.body_text.is_empty() {
        format!(
            "{}, {}: the sites where it is commemorated.",
            date.date.title,
            date.date.day_label()
        )
    } else {
        truncate_words(
            &format!("{}. {}", date.date.day_label(), date.body_text),
            200,
        )
    };
    let page = DatePage {
        layout: ctx
            .layout(
                &format!("{} ({})", date.date.title, date.date.day_label()),
                &description,
                urls::date(&date.date.slug),
            )
            .section("dates")
            .crumbs(&[("Home", "/"), ("Dates", "/dates/")])
            .article()
            .with_structured(seo::date(
                &date,
                &next,
                &description,
                &ctx.state.config.base_url,
            )),
        correction_url: ctx.correction_url(&date.file),
        date,
        next,
        sites,
    };
    html(&page)
}
