//! The stylesheet, compiled into the binary and served under a name that changes with its
//! content, so browsers may cache it for a year.

use std::sync::LazyLock;

use actix_web::HttpResponse;
use actix_web::http::header;

const STYLESHEET: &str = include_str!("../../static/style.css");

pub const STYLESHEET_ROUTE: &str = "/assets/style.{hash}.css";

const ICON: &str = include_str!("../../static/icon.svg");

pub const ICON_ROUTE: &str = "/assets/icon.{hash}.svg";

static ICON_PATH: LazyLock<String> =
    LazyLock::new(|| format!("/assets/icon.{}.svg", fingerprint(ICON)));

pub fn icon_path() -> &'static str {
    ICON_PATH.as_str()
}

/// The site's icon; browsers ask for `/favicon.ico` too, which redirects here.
pub async fn icon(req: actix_web::HttpRequest) -> Result<HttpResponse, super::PageError> {
    if req.path() == "/favicon.ico" {
        return Ok(HttpResponse::MovedPermanently()
            .insert_header((header::LOCATION, icon_path()))
            .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
            .finish());
    }
    if req.path() != icon_path() {
        return Err(super::PageError::NotFound);
    }
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(ICON))
}

static STYLESHEET_PATH: LazyLock<String> =
    LazyLock::new(|| format!("/assets/style.{}.css", fingerprint(STYLESHEET)));

pub fn stylesheet_path() -> &'static str {
    STYLESHEET_PATH.as_str()
}

fn fingerprint(s: &str) -> String {
    format!(
        "{:012x}",
        super::conditional::fnv1a(s.as_bytes()) & 0xffff_ffff_ffff
    )
}

pub async fn stylesheet(
    req: actix_web::HttpRequest,
    state: actix_web::web::Data<super::SharedState>,
) -> Result<HttpResponse, super::PageError> {
    if req.path() != stylesheet_path() {
        return Err(super::PageError::NotFound);
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
    Ok(HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(STYLESHEET))
}
