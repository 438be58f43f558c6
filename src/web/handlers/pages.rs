use actix_web::{HttpResponse, web};

use super::html;
use crate::urls;
use crate::web::views::ContentPage;
use crate::web::{Ctx, PageError};

pub async fn show(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let page = ctx.db.page(&slug)?.ok_or(PageError::NotFound)?;
    let layout = ctx
        .layout(&page.title, &page.description, urls::page(&page.slug))
        .section(if page.slug == "about" { "about" } else { "" })
        .crumbs(&[("Home", "/")]);
    html(&ContentPage { layout, page })
}
