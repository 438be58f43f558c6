use actix_web::{HttpResponse, web};

use super::html;
use crate::web::views::{HomePage, Layout, SITE_NAME, Upcoming};
use crate::web::{PageError, SharedState, WorkerDb};

/// How many commemoration dates the home page lists as coming up.
const UPCOMING: usize = 3;

pub async fn home(
    db: web::Data<WorkerDb>,
    state: web::Data<SharedState>,
) -> Result<HttpResponse, PageError> {
    let db = db.get()?;
    let today = state.today();
    let mut upcoming: Vec<Upcoming> = db
        .dates()?
        .into_iter()
        .map(|d| Upcoming::new(d.date, today))
        .collect();
    upcoming.sort_by_key(|u| (u.next, u.date.title.clone()));
    upcoming.truncate(UPCOMING);
    let page = HomePage {
        layout: Layout::new(
            SITE_NAME,
            "A sourced register of war memorials, cemeteries and graves, with their commemoration dates.",
            Some("/".into()),
        )
        .section("home"),
        counts: db.counts()?,
        upcoming,
        countries: db.countries()?,
        recent: db.recently_checked(5)?,
    };
    html(&page)
}
