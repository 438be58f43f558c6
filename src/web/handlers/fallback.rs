//! Addresses no page answers: old addresses (aliases) and addresses without their trailing slash
//! redirect permanently; everything else is the site's 404 page. The redirect check runs as
//! middleware on every 404, so it covers each route the same way.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::db::Database;
use crate::lang::Lang;
use crate::urls;
use crate::web::{PageError, WorkerDb};

/// The default service: unknown addresses are 404, other methods than GET and HEAD are 405.
pub async fn fallback(req: HttpRequest) -> Result<HttpResponse, PageError> {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return Err(PageError::MethodNotAllowed);
    }
    Err(PageError::NotFound)
}

pub async fn not_found() -> Result<HttpResponse, PageError> {
    Err(PageError::NotFound)
}

/// Turns a 404 into a 301 when the address is an alias or lacks only its trailing slash.
pub async fn redirects(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let res = next.call(req).await?;
    if res.status() != StatusCode::NOT_FOUND
        || !matches!(*res.request().method(), Method::GET | Method::HEAD)
    {
        return Ok(res.map_into_left_body());
    }
    let target = match res
        .request()
        .app_data::<web::Data<WorkerDb>>()
        .map(|db| db.get())
    {
        Some(Ok(db)) => redirect_target(&db, res.request().path()).unwrap_or(None),
        _ => None,
    };
    let Some(mut location) = target else {
        return Ok(res.map_into_left_body());
    };
    let query = res.request().query_string();
    if !query.is_empty() {
        location.push('?');
        location.push_str(query);
    }
    let (req, _) = res.into_parts();
    let redirect = HttpResponse::MovedPermanently()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .finish();
    Ok(ServiceResponse::new(req, redirect).map_into_right_body())
}

/// Aliases hold English paths and lead to the same language's page: `/ru/sites/old/` to
/// `/ru/sites/new/`.
fn redirect_target(db: &Database, full_path: &str) -> Result<Option<String>, PageError> {
    let (lang, path) = Lang::of_path(full_path);
    if let Some(slug) = db.alias_site(path)? {
        return Ok(Some(lang.path(&urls::site(&slug))));
    }
    if full_path.ends_with('/') {
        return Ok(None);
    }
    // `/ru` is the Russian home page's address without its slash: its English path is `/`.
    let with_slash = match path {
        "/" => "/".to_string(),
        _ => format!("{path}/"),
    };
    if let Some(slug) = db.alias_site(&with_slash)? {
        return Ok(Some(lang.path(&urls::site(&slug))));
    }
    let exists = with_slash == "/" || exists(db, &with_slash)?;
    Ok(exists.then(|| format!("{full_path}/")))
}

/// Whether a path with a trailing slash is the address of a page.
fn exists(db: &Database, path: &str) -> Result<bool, PageError> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    Ok(match segments.as_slice() {
        ["sites"] | ["countries"] | ["dates"] | ["map"] | ["data"] | ["on-this-day"] => true,
        ["sites", slug] => urls::is_slug(slug) && db.site(slug)?.is_some(),
        ["countries", code] => db.country(code)?.is_some(),
        ["dates", slug] => urls::is_slug(slug) && db.date(slug)?.is_some(),
        [slug] => urls::is_slug(slug) && db.page(slug)?.is_some(),
        _ => false,
    })
}
