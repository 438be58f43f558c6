//! Requests the site refuses before any handler sees them: over-long addresses, bad
//! percent-encoding, text that is not UTF-8, and paths that try to climb out of a folder. Each
//! gets the site's own error page with a 4xx status.

use actix_web::HttpResponse;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;

use super::PageError;
use super::error::Problem;

/// The longest path, and the longest query string, the site answers.
pub const MAX_PATH: usize = 2048;
pub const MAX_QUERY: usize = 8192;
/// The most bytes all request headers together may take.
pub const MAX_HEADERS: usize = 16 * 1024;

/// Percent-decodes, or says why it cannot: a `%` not followed by two hex digits.
fn percent_decode(s: &str) -> Result<Vec<u8>, ()> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3).ok_or(())?;
            let s = std::str::from_utf8(hex).map_err(|_| ())?;
            out.push(u8::from_str_radix(s, 16).map_err(|_| ())?);
            i += 3;
        } else {
            out.push(if b[i] == b'+' { b' ' } else { b[i] });
            i += 1;
        }
    }
    Ok(out)
}

pub async fn screen(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some((status, why)) = refusal(&req) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let lang = crate::lang::Lang::of_path(req.path()).0;
    let mut resp: HttpResponse = PageError::BadRequest(Problem::new(why)).response_in(lang);
    *resp.status_mut() = status;
    Ok(req.into_response(resp))
}

/// Why the site refuses a request (a message id), with the status it answers; `None` for a
/// request it serves.
fn refusal(req: &ServiceRequest) -> Option<(StatusCode, &'static str)> {
    let uri = req.uri();
    let path = uri.path();
    let query = uri.query().unwrap_or("");
    if path.len() > MAX_PATH || query.len() > MAX_QUERY {
        return Some((StatusCode::URI_TOO_LONG, "error-too-long"));
    }
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len() + 4)
        .sum();
    if header_bytes > MAX_HEADERS {
        return Some((
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "error-headers-too-large",
        ));
    }
    let bad = |why| Some((StatusCode::BAD_REQUEST, why));
    let Ok(decoded_path) = percent_decode(path) else {
        return bad("error-bad-encoding");
    };
    let Ok(decoded_path) = String::from_utf8(decoded_path) else {
        return bad("error-bad-utf8");
    };
    // `..` or a backslash in any form is never part of an address of this site.
    if decoded_path
        .split(['/', '\\'])
        .any(|seg| seg == ".." || seg == ".")
        || decoded_path.contains('\\')
        || decoded_path.contains('\0')
    {
        return bad("error-leaves-site");
    }
    for pair in query.split('&') {
        match percent_decode(pair) {
            Ok(b) if std::str::from_utf8(&b).is_ok() => {}
            Ok(_) => return bad("error-query-utf8"),
            Err(()) => return bad("error-query-encoding"),
        }
    }
    None
}
