//! One module per kind of page; each handler reads what its page needs and renders a template.

pub mod countries;
pub mod data;
pub mod dates;
pub mod fallback;
pub mod feeds;
pub mod home;
pub mod map;
pub mod pages;
pub mod search;
pub mod sitemap;
pub mod sites;

use actix_web::HttpResponse;
use actix_web::http::header;
use askama::Template;

use super::PageError;

/// A rendered page with status 200.
pub fn html(page: &impl Template) -> Result<HttpResponse, PageError> {
    let body = page.render()?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(body))
}
