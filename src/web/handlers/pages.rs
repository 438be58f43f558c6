use actix_web::{HttpResponse, web};

use super::html;
use crate::urls;
use crate::web::views::{ContentPage, Layout};
use crate::web::{PageError, WorkerDb};

pub async fn show(
    db: web::Data<WorkerDb>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let db = db.get()?;
    let page = db.page(&slug)?.ok_or(PageError::NotFound)?;
    let layout = Layout::new(&page.title, &page.description, Some(urls::page(&page.slug)))
        .section(if page.slug == "about" { "about" } else { "" })
        .crumbs(&[("Home", "/")]);
    html(&ContentPage { layout, page })
}
