//! Error pages: every failure a visitor can meet answers with the site's own page and the right
//! status, never a bare 500.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use super::views::{ErrorPage, Layout};
use crate::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("page not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("the site's database is not available")]
    Unavailable,
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<DbError> for PageError {
    fn from(e: DbError) -> Self {
        super::state::log_error(&e);
        PageError::Internal(e.to_string())
    }
}

impl From<askama::Error> for PageError {
    fn from(e: askama::Error) -> Self {
        super::state::log_error(&e);
        PageError::Internal(e.to_string())
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let (title, message) = match self {
            PageError::NotFound => (
                "Page not found",
                "There is no page at this address. It may have moved, or the address may be mistyped.".to_string(),
            ),
            PageError::BadRequest(why) => ("Bad request", why.clone()),
            PageError::Unavailable => (
                "Temporarily unavailable",
                "The site's data cannot be read at the moment. Please try again in a minute.".to_string(),
            ),
            // The detail goes to the log, not to the visitor.
            PageError::Internal(_) => ("Something went wrong", "The page could not be built. Please try again later.".to_string()),
        };
        let page = ErrorPage {
            layout: Layout::new(title, &message, None),
            status: status.as_u16(),
            heading: title.to_string(),
            message,
        };
        let body = page
            .render()
            .unwrap_or_else(|_| format!("<!doctype html><title>{title}</title><h1>{title}</h1>"));
        let mut resp = HttpResponse::build(status);
        resp.content_type("text/html; charset=utf-8");
        if status == StatusCode::SERVICE_UNAVAILABLE {
            resp.insert_header((header::RETRY_AFTER, "60"));
        }
        resp.insert_header((header::CACHE_CONTROL, "no-store"));
        resp.body(body)
    }
}
