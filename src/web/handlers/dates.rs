use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::{Datelike, NaiveDate};

use super::html;
use crate::db::read::EntryKind;
use crate::text::truncate_words;
use crate::urls;
use crate::web::seo;
use crate::web::views::{
    Anniversary, DateEntry, DatePage, DatesPage, LIST_LIMIT, Month, OnThisDayPage, SiteItem,
    Upcoming, items,
};
use crate::web::{Ctx, PageError};

pub async fn list(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let today = ctx.state.today();
    let t = ctx.t;
    // Dates come in calendar order: each month takes the run of its own.
    let mut dates = ctx.db.dates_in(ctx.lang)?.into_iter().peekable();
    let months = (1..=12)
        .map(|m| {
            let mut month = Vec::new();
            while let Some(d) = dates.next_if(|d| d.date.month == m) {
                let next = Upcoming::new(d.date.clone(), today);
                month.push((DateEntry(d), next));
            }
            Month {
                number: m,
                name: t.month(m),
                dates: month,
            }
        })
        .collect();
    let page = DatesPage {
        layout: ctx
            .layout(
                &t.t("dates-title"),
                &t.t("dates-description"),
                "/dates/".into(),
            )
            .section("dates")
            .crumbs(&[("nav-home", "/")])
            .alternate(
                "text/calendar",
                &t.t("calendar-link-title"),
                &t.path("/dates.ics"),
            ),
        months,
    };
    html(&page)
}

/// Sites' anniversaries on a day, in the page's language.
fn anniversaries(ctx: &Ctx, month: u32, day: u32) -> Result<Vec<Anniversary>, PageError> {
    let found = ctx.db.anniversaries(month, day, LIST_LIMIT)?;
    let (mut sites, events): (Vec<_>, Vec<_>) = found.into_iter().unzip();
    ctx.db.localize_sites(ctx.lang, &mut sites)?;
    Ok(sites
        .into_iter()
        .zip(events)
        .map(Anniversary::new)
        .collect())
}

/// The first sites that hold ceremonies on a date, in the page's language.
fn sites_of(ctx: &Ctx, slug: &str) -> Result<Vec<SiteItem>, PageError> {
    let mut sites = ctx.db.date_sites(slug, LIST_LIMIT, ctx.lang)?;
    ctx.db.localize_sites(ctx.lang, &mut sites)?;
    Ok(items(sites, SiteItem))
}

pub async fn show(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let mut date = ctx.db.date(&slug)?.ok_or(PageError::NotFound)?;
    let translation = ctx.db.localize_date(ctx.lang, &mut date)?;
    let languages = ctx.db.languages(EntryKind::Date, &date.date.slug)?;
    let t = ctx.t;
    let sites = sites_of(&ctx, &date.date.slug)?;
    let next = Upcoming::new(date.date.clone(), ctx.state.today());
    let anniversaries = anniversaries(&ctx, date.date.month, date.date.day)?;
    let day_label = t.day_of_year(date.date.month, date.date.day);
    let description = match &translation {
        Some(tr) if !tr.body_html.is_empty() => {
            truncate_words(&format!("{day_label}. {}", tr.description), 200)
        }
        None if ctx.lang.is_english() && !date.body_text.is_empty() => {
            truncate_words(&format!("{day_label}. {}", date.body_text), 200)
        }
        _ => t.with(
            "date-description",
            &[("title", &date.date.title), ("day", &day_label)],
        ),
    };
    let layout = ctx
        .layout(
            &t.with(
                "date-title",
                &[("title", &date.date.title), ("day", &day_label)],
            ),
            &description,
            urls::date(&date.date.slug),
        )
        .section("dates")
        .crumbs(&[("nav-home", "/"), ("nav-dates", "/dates/")])
        .article()
        .untranslated(languages)
        .stale(translation.and_then(|t| t.stale_since));
    let structured = seo::date(
        &date,
        &next.iso(),
        &description,
        &ctx.state.config.base_url,
        layout.fallback,
    );
    let page = DatePage {
        layout: layout.with_structured(structured),
        correction_url: ctx.correction_url(&date.file),
        date: DateEntry(date),
        next,
        sites,
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
            ctx.lang
                .path(&format!("/on-this-day/{:02}-{:02}/", t.month(), t.day())),
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
    let t = ctx.t;
    let label = |d: NaiveDate| t.day_of_year(d.month(), d.day());
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
        .dates_in(ctx.lang)?
        .into_iter()
        .filter(|d| d.date.month == day.month() && d.date.day == day.day())
    {
        let sites = sites_of(&ctx, &d.date.slug)?;
        dates.push((DateEntry(d), sites));
    }
    let day_label = label(day);
    let description = if dates.is_empty() {
        t.with("on-this-day-none", &[("day", &day_label)])
    } else {
        let titles = dates
            .iter()
            .map(|(d, _)| d.date.title.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        t.with(
            "on-this-day-some",
            &[("day", &day_label), ("titles", &titles)],
        )
    };
    let page = OnThisDayPage {
        layout: ctx
            .layout(
                &t.with("on-this-day-title", &[("day", &day_label)]),
                &description,
                url(day),
            )
            .section("dates")
            .crumbs(&[("nav-home", "/"), ("nav-dates", "/dates/")]),
        anniversaries: anniversaries(&ctx, day.month(), day.day())?,
        day_label,
        dates,
        prev_url: t.path(url(prev)),
        prev_label: label(prev),
        next_url: t.path(url(next)),
        next_label: label(next),
    };
    html(&page)
}
