use actix_web::{HttpResponse, web};

use super::html;
use crate::db::read::EntryKind;
use crate::urls;
use crate::web::views::ContentPage;
use crate::web::{Ctx, PageError};

pub async fn show(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let mut page = ctx.db.page(&slug)?.ok_or(PageError::NotFound)?;
    let translation = ctx.db.localize_page(ctx.lang, &mut page)?;
    let languages = ctx.db.languages(EntryKind::Page, &page.slug)?;
    let layout = ctx
        .layout(&page.title, &page.description, urls::page(&page.slug))
        .section(if page.slug == "about" { "about" } else { "" })
        .crumbs(&[("nav-home", "/")])
        .untranslated(languages)
        .stale(translation.and_then(|t| t.stale_since));
    html(&ContentPage { layout, page })
}
