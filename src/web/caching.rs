//! HTTP validators: every page gets a weak `ETag` (a hash of its bytes) and a `Last-Modified`
//! (when the database was built), and a matching conditional request gets `304 Not Modified`.

use actix_web::body::{BoxBody, MessageBody, to_bytes_limited};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};

use super::WorkerDb;

/// Larger bodies are passed through without a validator rather than held in memory twice.
const MAX_BODY: usize = 32 * 1024 * 1024;

/// FNV-1a: stable across processes and machines, so replicas agree on every ETag.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

pub async fn validators(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let cacheable = matches!(*req.method(), Method::GET | Method::HEAD);
    let res = next.call(req).await?;
    // Static files bring their own validators; errors and redirects get none; a very large
    // export is sent as it is rather than held in memory to be hashed.
    let too_large = matches!(res.response().body().size(), actix_web::body::BodySize::Sized(n) if n > MAX_BODY as u64);
    if !cacheable
        || too_large
        || res.status() != StatusCode::OK
        || res.headers().contains_key(header::ETAG)
    {
        return Ok(res.map_into_boxed_body());
    }
    let built_at = res
        .request()
        .app_data::<web::Data<WorkerDb>>()
        .and_then(|db| db.get().ok())
        .and_then(|db| DateTime::parse_from_rfc3339(db.built_at()).ok())
        .map(|d| d.with_timezone(&Utc));

    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let bytes = collect(body, MAX_BODY).await?;
    let etag = format!("W/\"{:016x}\"", fnv1a(&bytes));
    let last_modified = built_at.map(|d| d.format("%a, %d %b %Y %H:%M:%S GMT").to_string());

    let mut headers = head.headers().clone();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    if let Some(lm) = last_modified
        .as_deref()
        .and_then(|lm| HeaderValue::from_str(lm).ok())
    {
        headers.insert(header::LAST_MODIFIED, lm);
    }
    let response = if client_has(req.headers(), &etag, last_modified.as_deref()) {
        not_modified(&headers)
    } else {
        let mut r = HttpResponse::with_body(head.status(), BoxBody::new(bytes));
        *r.headers_mut() = headers;
        r
    };
    Ok(ServiceResponse::new(req, response))
}

/// Whether a conditional request is answered by the copy the client holds: an `If-None-Match`
/// naming the page's tag or `*`, or else an `If-Modified-Since` no older than its
/// `Last-Modified`.
pub fn client_has(request: &HeaderMap, etag: &str, last_modified: Option<&str>) -> bool {
    let get = |name| {
        request
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if let Some(tags) = get(header::IF_NONE_MATCH) {
        return tags
            .split(',')
            .map(str::trim)
            .any(|t| t == "*" || weak_eq(t, etag));
    }
    match (get(header::IF_MODIFIED_SINCE), last_modified) {
        (Some(since), Some(modified)) => matches!(
            (DateTime::parse_from_rfc2822(since), DateTime::parse_from_rfc2822(modified)),
            (Ok(since), Ok(modified)) if modified.timestamp() <= since.timestamp()
        ),
        _ => false,
    }
}

/// `304 Not Modified` for a page with these headers: it repeats those a cache needs to refresh
/// its copy.
pub fn not_modified(headers: &HeaderMap) -> HttpResponse {
    let mut r = HttpResponse::NotModified().finish();
    for name in [
        header::ETAG,
        header::LAST_MODIFIED,
        header::CACHE_CONTROL,
        header::CONTENT_TYPE,
        header::VARY,
    ] {
        if let Some(v) = headers.get(&name) {
            r.headers_mut().insert(name, v.clone());
        }
    }
    r
}

/// The whole body of a response, read up to `limit` bytes.
pub async fn collect(
    body: impl MessageBody,
    limit: usize,
) -> Result<actix_web::web::Bytes, actix_web::Error> {
    match to_bytes_limited(body, limit).await {
        Ok(Ok(b)) => Ok(b),
        Ok(Err(e)) => {
            let e: Box<dyn std::error::Error> = e.into();
            Err(actix_web::error::ErrorInternalServerError(e.to_string()))
        }
        Err(_) => Err(actix_web::error::ErrorInternalServerError(
            "response larger than expected",
        )),
    }
}

/// Weak comparison (RFC 9110 §8.8.3.2): equal opaque tags, ignoring the `W/` prefix.
fn weak_eq(a: &str, b: &str) -> bool {
    a.trim_start_matches("W/") == b.trim_start_matches("W/")
}
