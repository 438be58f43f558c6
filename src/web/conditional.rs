//! HTTP validators: every page gets a weak `ETag` (a hash of its bytes) and a `Last-Modified`
//! (when the database was built), and a matching conditional request gets `304 Not Modified`.

use actix_web::body::{BoxBody, MessageBody, to_bytes_limited};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{
    self, EntityTag, Header, HeaderMap, HeaderValue, HttpDate, IfModifiedSince, IfNoneMatch,
    TryIntoHeaderValue,
};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};
use chrono::DateTime;
use std::time::SystemTime;

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
        .map(|d| HttpDate::from(SystemTime::from(d)));

    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let bytes = collect(body, MAX_BODY).await?;
    let etag = EntityTag::new_weak(format!("{:016x}", fnv1a(&bytes)));

    let mut headers = head.headers().clone();
    if let Ok(v) = etag.try_into_value() {
        headers.insert(header::ETAG, v);
    }
    if let Some(v) = built_at.and_then(|d| d.try_into_value().ok()) {
        headers.insert(header::LAST_MODIFIED, v);
    }
    let response = if client_has(&req, &headers) {
        not_modified(&headers)
    } else {
        let mut r = HttpResponse::with_body(head.status(), BoxBody::new(bytes));
        *r.headers_mut() = headers;
        r
    };
    Ok(ServiceResponse::new(req, response))
}

/// Whether a conditional request is answered by the copy the client holds, given the `ETag` and
/// `Last-Modified` of the page: an `If-None-Match` naming its tag or `*`, or else an
/// `If-Modified-Since` no older than its `Last-Modified`. A malformed condition is not met.
pub fn client_has(request: &impl HttpMessage, page: &HeaderMap) -> bool {
    let page_value = |name| page.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    if request.headers().contains_key(header::IF_NONE_MATCH) {
        let etag = page_value(header::ETAG).and_then(|v| v.parse::<EntityTag>().ok());
        return match (IfNoneMatch::parse(request), etag) {
            (Ok(IfNoneMatch::Any), _) => true,
            (Ok(IfNoneMatch::Items(tags)), Some(etag)) => tags.iter().any(|t| t.weak_eq(&etag)),
            _ => false,
        };
    }
    if !request.headers().contains_key(header::IF_MODIFIED_SINCE) {
        return false;
    }
    let modified = page_value(header::LAST_MODIFIED).and_then(|v| v.parse::<HttpDate>().ok());
    match (IfModifiedSince::parse(request), modified) {
        (Ok(IfModifiedSince(since)), Some(modified)) => modified <= since,
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

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn page() -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ETAG,
            HeaderValue::from_static("W/\"00000000000000ab\""),
        );
        h.insert(
            header::LAST_MODIFIED,
            HeaderValue::from_static("Wed, 02 Dec 2026 07:00:00 GMT"),
        );
        h
    }

    fn has(name: header::HeaderName, value: &'static str) -> bool {
        let req = TestRequest::get()
            .insert_header((name, value))
            .to_http_request();
        client_has(&req, &page())
    }

    #[test]
    fn if_none_match_compares_weakly_and_takes_precedence() {
        assert!(has(header::IF_NONE_MATCH, "\"x\", \"00000000000000ab\""));
        assert!(has(header::IF_NONE_MATCH, "*"));
        assert!(!has(header::IF_NONE_MATCH, "W/\"00000000000000ac\""));
        let req = TestRequest::get()
            .insert_header((header::IF_NONE_MATCH, "\"other\""))
            .insert_header((header::IF_MODIFIED_SINCE, "Wed, 02 Dec 2026 08:00:00 GMT"))
            .to_http_request();
        assert!(!client_has(&req, &page()));
    }

    #[test]
    fn if_modified_since_holds_from_the_last_change_on() {
        assert!(has(
            header::IF_MODIFIED_SINCE,
            "Wed, 02 Dec 2026 07:00:00 GMT"
        ));
        assert!(!has(
            header::IF_MODIFIED_SINCE,
            "Wed, 02 Dec 2026 06:59:59 GMT"
        ));
        assert!(!has(header::IF_MODIFIED_SINCE, "yesterday"));
        assert!(!client_has(&TestRequest::get().to_http_request(), &page()));
    }
}
