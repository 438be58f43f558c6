//! HTTP validators: every page gets a weak `ETag` (a hash of its bytes) and a `Last-Modified`
//! (when the database was built), and a matching conditional request gets `304 Not Modified`.
//! Plain HTTP: what the server knows comes in as arguments, and the middleware that passes it is
//! in `cache_middleware`.

use actix_web::body::{BodySize, BoxBody, MessageBody, to_bytes_limited};
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{
    self, EntityTag, Header, HeaderMap, HeaderValue, HttpDate, IfModifiedSince, IfNoneMatch,
    TryIntoHeaderValue,
};
use actix_web::http::{Method, StatusCode};
use actix_web::web::Bytes;
use actix_web::{HttpMessage, HttpRequest, HttpResponse};

use super::fingerprint::fnv1a;

/// Larger bodies are passed through without a validator rather than held in memory twice.
const MAX_BODY: usize = 32 * 1024 * 1024;

/// Gives a finished response its validators, or turns it into `304 Not Modified` when the client
/// holds the same page. `built_at` (when the page's data last changed) is asked only for a
/// response that gets validators.
pub async fn add_validators(
    res: ServiceResponse<impl MessageBody + 'static>,
    built_at: impl FnOnce(&HttpRequest) -> Option<HttpDate>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let cacheable = matches!(*res.request().method(), Method::GET | Method::HEAD);
    // Static files bring their own validators; errors and redirects get none; a very large
    // export is sent as it is rather than held in memory to be hashed.
    if !cacheable
        || is_larger_than(&res, MAX_BODY)
        || res.status() != StatusCode::OK
        || res.headers().contains_key(header::ETAG)
    {
        return Ok(res.map_into_boxed_body());
    }
    let built_at = built_at(res.request());

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
        response(head.status(), headers, bytes)
    };
    Ok(ServiceResponse::new(req, response))
}

/// Whether a response's body is known, before it is read, to be larger than `limit` bytes.
pub fn is_larger_than<B: MessageBody>(res: &ServiceResponse<B>, limit: usize) -> bool {
    matches!(res.response().body().size(), BodySize::Sized(n) if n > limit as u64)
}

/// A response made of a status, its headers and a body already read.
pub fn response(status: StatusCode, headers: HeaderMap, body: Bytes) -> HttpResponse {
    let mut r = HttpResponse::with_body(status, BoxBody::new(body));
    *r.headers_mut() = headers;
    r
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
pub async fn collect(body: impl MessageBody, limit: usize) -> Result<Bytes, actix_web::Error> {
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
