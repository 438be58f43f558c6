//! One log line per request, as operators expect of a web service: method, path, status and the
//! time taken to answer (until the response starts; a large body may take longer to send).

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

/// The query string is left out: a search is the visitor's business.
pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    // With request lines filtered out (`RUST_LOG=warn`), nothing is copied or timed.
    if !tracing::enabled!(tracing::Level::INFO) {
        return next.call(req).await;
    }
    let started = Instant::now();
    // Copied: the request moves on, and an error answer does not carry it back.
    let (method, path) = (req.method().clone(), req.path().to_owned());
    let res = next.call(req).await;
    let status = match &res {
        Ok(res) => res.status(),
        Err(e) => e.as_response_error().status_code(),
    };
    tracing::info!(
        %method,
        %path,
        status = status.as_u16(),
        time = ?started.elapsed(),
    );
    res
}
