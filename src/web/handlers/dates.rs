use actix_web::{HttpResponse, web};

use super::html;
use crate::urls;
use crate::web::views::{DatePage, DatesPage, Layout, Upcoming};
use crate::web::{PageError, SharedState, WorkerDb};

pub async fn list(
    db: web::Data<WorkerDb>,
    state: web::Data<SharedState>,
) -> Result<HttpResponse, PageError> {
    let db = db.get()?;
    let today = state.today();
    let dates = db
        .dates()?
        .into_iter()
        .map(|d| {
            let next = Upcoming::new(d.date.clone(), today);
            (d, next)
        })
        .collect();
    let page = DatesPage {
        layout: Layout::new(
            "Commemoration dates",
            "The days on which ceremonies are held at memorial sites, in calendar order, with the next time each falls.",
            Some("/dates/".into()),
        )
        .section("dates")
        .crumbs(&[("Home", "/")]),
        dates,
    };
    html(&page)
}

pub async fn show(
    db: web::Data<WorkerDb>,
    state: web::Data<SharedState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let db = db.get()?;
    let date = db.date(&slug)?.ok_or(PageError::NotFound)?;
    let sites = db.date_sites(&date.date.slug)?;
    let next = Upcoming::new(date.date.clone(), state.today());
    let description = if date.body_text.is_empty() {
        format!(
            "{}, {}: the sites where it is commemorated.",
            date.date.title,
            date.date.day_label()
        )
    } else {
        crate::db::build::truncate_words(
            &format!("{}. {}", date.date.day_label(), date.body_text),
            200,
        )
    };
    let page = DatePage {
        layout: Layout::new(
            &format!("{} ({})", date.date.title, date.date.day_label()),
            &description,
            Some(urls::date(&date.date.slug)),
        )
        .section("dates")
        .crumbs(&[("Home", "/"), ("Dates", "/dates/")]),
        date,
        next,
        sites,
    };
    html(&page)
}
