//! Sends the compiled-in stylesheet and icon under their fingerprinted names.

use actix_web::http::header;
use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse};

use super::assets::{ICON, STYLESHEET, icon_path, stylesheet_path};
use super::error::PageError;
use super::state::SharedState;

/// The site's icon; browsers ask for `/favicon.ico` too, which redirects here.
pub async fn icon(req: HttpRequest) -> Result<HttpResponse, PageError> {
    if req.path() == "/favicon.ico" {
        return Ok(HttpResponse::MovedPermanently()
            .insert_header((header::LOCATION, icon_path()))
            .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
            .finish());
    }
    if req.path() != icon_path() {
        return Err(PageError::NotFound);
    }
    Ok(fingerprinted("image/svg+xml; charset=utf-8", ICON))
}

pub async fn stylesheet(
    req: HttpRequest,
    state: Data<SharedState>,
) -> Result<HttpResponse, PageError> {
    if req.path() != stylesheet_path() {
        return Err(PageError::NotFound);
    }
    // In development the file on disk wins, so that a change to it shows on the next reload.
    if state.config.watch
        && let Ok(css) = std::fs::read_to_string(state.config.static_dir.join("style.css"))
    {
        return Ok(HttpResponse::Ok()
            .content_type("text/css; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .body(css));
    }
    Ok(fingerprinted("text/css; charset=utf-8", STYLESHEET))
}

/// A compiled-in file under its fingerprinted name: that name changes with the content, so the
/// file may be cached for a year.
fn fingerprinted(content_type: &str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(body)
}
