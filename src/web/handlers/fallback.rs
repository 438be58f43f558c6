//! Addresses no route matched: old addresses (aliases) and addresses without their trailing slash
//! redirect permanently; everything else is the site's 404 page.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::urls;
use crate::web::{PageError, WorkerDb};

pub async fn not_found() -> Result<HttpResponse, PageError> {
    Err(PageError::NotFound)
}

pub async fn fallback(
    req: HttpRequest,
    db: web::Data<WorkerDb>,
) -> Result<HttpResponse, PageError> {
    if !matches!(
        *req.method(),
        actix_web::http::Method::GET | actix_web::http::Method::HEAD
    ) {
        return Ok(HttpResponse::MethodNotAllowed()
            .insert_header((header::ALLOW, "GET, HEAD"))
            .content_type("text/plain; charset=utf-8")
            .body("Method not allowed: this site answers GET and HEAD only.\n"));
    }
    let path = req.path();
    let db = db.get()?;
    let with_slash = format!("{path}/");
    let target = if let Some(t) = db.alias(path)? {
        Some(t)
    } else if !path.ends_with('/') {
        match db.alias(&with_slash)? {
            Some(t) => Some(t),
            None => exists(&db, &with_slash)?.then_some(with_slash),
        }
    } else {
        None
    };
    match target {
        Some(mut location) => {
            if !req.query_string().is_empty() {
                location.push('?');
                location.push_str(req.query_string());
            }
            Ok(HttpResponse::MovedPermanently()
                .insert_header((header::LOCATION, location))
                .finish())
        }
        None => Err(PageError::NotFound),
    }
}

/// Whether a path with a trailing slash is the address of a page.
fn exists(db: &crate::db::Database, path: &str) -> Result<bool, PageError> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    Ok(match segments.as_slice() {
        [""] | ["sites"] | ["countries"] | ["dates"] => true,
        ["sites", slug] => urls::is_slug(slug) && db.site(slug)?.is_some(),
        ["countries", code] => db.country(code)?.is_some(),
        ["dates", slug] => urls::is_slug(slug) && db.date(slug)?.is_some(),
        [slug] => urls::is_slug(slug) && db.page(slug)?.is_some(),
        _ => false,
    })
}
