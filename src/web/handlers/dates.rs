use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::{Datelike, NaiveDate};

use super::html;
use crate::content::model::month_name;
use crate::text::truncate_words;
use crate::urls;
use crate::web::seo;
use crate::web::views::{
    Anniversary, DateEntry, DateItem, DatePage, DatesPage, LIST_LIMIT, Month, OnThisDayPage,
    SiteItem, Upcoming, items,
};
use crate::web::{Ctx, PageError};

pub async fn list(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let today = ctx.state.today();
    // Dates come in calendar order: each month takes the run of its own.
    let mut dates = ctx.db.dates()?.into_iter().peekable();
    let months = (1..=12)
        .map(|m| {
            let mut month = Vec::new();
            while let Some(d) = dates.next_if(|d| d.date.month == m) {
                let next = Upcoming::new(d.date.clone(), today);
                month.push((DateEntry(d), next));
            }
            Month {
                number: m,
                name: month_name(m),
                dates: month,
            }
        })
        .collect();
    let page = DatesPage {
        layout: ctx
            .layout(
                "Commemoration dates",
                "The days on which ceremonies are held at memorial sites, month by month, with the next time each falls.",
                "/dates/".into(),
            )
            .section("dates")
            .crumbs(&[("Home", "/")])
            .alternate("text/calendar", "Commemoration dates (iCalendar)", "/dates.ics"),
        months,
    };
    html(&page)
}

pub async fn show(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let date = ctx.db.date(&slug)?.ok_or(PageError::NotFound)?;
    let sites = ctx.db.date_sites(&date.date.slug, LIST_LIMIT)?;
    let next = Upcoming::new(date.date.clone(), ctx.state.today());
    let anniversaries = ctx
        .db
        .anniversaries(date.date.month, date.date.day, LIST_LIMIT)?
        .into_iter()
        .map(Anniversary::new)
        .collect();
    let day_label = DateItem(&date.date).day_label();
    let description = if date.body_text.is_empty() {
        format!(
            "{}, {}: the sites where it is commemorated.",
            date.date.title, day_label
        )
    } else {
        truncate_words(&format!("{day_label}. {}", date.body_text), 200)
    };
    let page = DatePage {
        layout: ctx
            .layout(
                &format!("{} ({day_label})", date.date.title),
                &description,
                urls::date(&date.date.slug),
            )
            .section("dates")
            .crumbs(&[("Home", "/"), ("Dates", "/dates/")])
            .article()
            .with_structured(seo::date(
                &date,
                &next.iso(),
                &description,
                &ctx.state.config.base_url,
            )),
        correction_url: ctx.correction_url(&date.file),
        date: DateEntry(date),
        next,
        sites: items(sites, SiteItem),
        anniversaries,
    };
    html(&page)
}

/// `/on-this-day/`: today's view. A temporary redirect, since its target changes every day.
pub async fn today(ctx: Ctx) -> HttpResponse {
    let t = ctx.state.today();
    HttpResponse::Found()
        .insert_header((
            header::LOCATION,
            format!("/on-this-day/{:02}-{:02}/", t.month(), t.day()),
        ))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .finish()
}

/// A day of any year, as `MM-DD`; 29 February included.
fn parse_day(s: &str) -> Option<NaiveDate> {
    let (m, d) = s.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(2000, m.parse().ok()?, d.parse().ok()?)
}

pub async fn day(ctx: Ctx, mmdd: web::Path<String>) -> Result<HttpResponse, PageError> {
    let day = parse_day(&mmdd).ok_or(PageError::NotFound)?;
    let label = |d: NaiveDate| format!("{} {}", d.day(), month_name(d.month()));
    let url = |d: NaiveDate| format!("/on-this-day/{:02}-{:02}/", d.month(), d.day());
    // The calendar of a leap year, so that 29 February has neighbours.
    let prev = day
        .pred_opt()
        .filter(|d| d.year() == 2000)
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2000, 12, 31).unwrap_or(day));
    let next = day
        .succ_opt()
        .filter(|d| d.year() == 2000)
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(day));
    let mut dates = Vec::new();
    for d in ctx
        .db
        .dates()?
        .into_iter()
        .filter(|d| d.date.month == day.month() && d.date.day == day.day())
    {
        let sites = ctx.db.date_sites(&d.date.slug, LIST_LIMIT)?;
        dates.push((DateEntry(d), items(sites, SiteItem)));
    }
    let day_label = label(day);
    let description = if dates.is_empty() {
        format!("No commemoration date in the atlas falls on {day_label}.")
    } else {
        format!(
            "Commemorated on {day_label}: {}.",
            dates
                .iter()
                .map(|(d, _)| d.date.title.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let page = OnThisDayPage {
        layout: ctx
            .layout(&format!("On this day: {day_label}"), &description, url(day))
            .section("dates")
            .crumbs(&[("Home", "/"), ("Dates", "/dates/")]),
        anniversaries: ctx
            .db
            .anniversaries(day.month(), day.day(), LIST_LIMIT)?
            .into_iter()
            .map(Anniversary::new)
            .collect(),
        day_label,
        dates,
        prev_url: url(prev),
        prev_label: label(prev),
        next_url: url(next),
        next_label: label(next),
    };
    html(&page)
}
