//! The two middlewares through which finished pages are cached: [`validators`] gives each page
//! its `ETag` and `Last-Modified` (and answers `304`), [`serve_cached`] keeps the pages a worker
//! has sent and sends them again. They join the server's state to the plain HTTP checks of
//! [`super::conditional`] and the store of [`super::page_cache`].

use std::time::SystemTime;

use actix_web::HttpRequest;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HttpDate};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::Data;
use chrono::DateTime;

use super::conditional::{
    add_validators, client_has, collect, is_larger_than, not_modified, response,
};
use super::page_cache::{Entry, MAX_ENTRY};
use super::state::{SharedState, WorkerDb};

/// The most a compressed response is read to be kept; the largest answers (exports) are sized
/// before compression and never compressed past this.
const MAX_COLLECT: usize = 256 * 1024 * 1024;

pub async fn validators(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    add_validators(res, built_at).await
}

/// When the database this worker reads was built: the `Last-Modified` of every page.
fn built_at(req: &HttpRequest) -> Option<HttpDate> {
    req.app_data::<Data<WorkerDb>>()
        .and_then(|db| db.get().ok())
        .and_then(|db| DateTime::parse_from_rfc3339(db.built_at()).ok())
        .map(|d| HttpDate::from(SystemTime::from(d)))
}

fn from_entry(req: ServiceRequest, e: Entry) -> ServiceResponse<BoxBody> {
    if client_has(&req, &e.headers) {
        return req.into_response(not_modified(&e.headers));
    }
    req.into_response(response(StatusCode::OK, e.headers, e.body))
}

pub async fn serve_cached(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let usable = matches!(*req.method(), Method::GET | Method::HEAD)
        && req
            .app_data::<Data<SharedState>>()
            .is_some_and(|s| !s.config.watch);
    let worker = req.app_data::<Data<WorkerDb>>().cloned();
    let (Some(worker), true) = (worker, usable) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    // Reaching the database first empties the cache when the database has been replaced.
    if worker.get().is_err() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let today = req
        .app_data::<Data<SharedState>>()
        .map(|s| s.today().to_string())
        .unwrap_or_default();
    let encoding = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let key = format!("{today}\n{encoding}\n{}", req.uri());
    if let Some(entry) = worker.cache().borrow().get(&key) {
        return Ok(from_entry(req, entry));
    }
    let conditional = req.headers().contains_key(header::IF_NONE_MATCH)
        || req.headers().contains_key(header::IF_MODIFIED_SINCE);
    let res = next.call(req).await?;
    // Only whole pages that carry a validator are kept; a 304 has nothing to keep, and a page
    // known to be large (a data export) is passed through as it is.
    // A response that can be asked for in ranges (a file) is not kept either: the key holds no
    // `Range`, and a file is read from disk as cheaply as from here.
    if conditional
        || res.headers().contains_key(header::ACCEPT_RANGES)
        || is_larger_than(&res, MAX_ENTRY)
        || res.status() != StatusCode::OK
        || !res.headers().contains_key(header::ETAG)
    {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    // A compressed body has no size until it is read; the site's pages compress far below this.
    let entry = Entry {
        headers: head.headers().clone(),
        body: collect(body, MAX_COLLECT).await?,
    };
    if entry.body.len() <= MAX_ENTRY {
        worker.cache().borrow_mut().put(key, entry.clone());
    }
    Ok(ServiceResponse::new(
        req,
        response(head.status(), entry.headers, entry.body),
    ))
}
