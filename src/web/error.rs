//! Error pages: every failure a visitor can meet answers with the site's own page and the right
//! status, never a bare 500.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use super::views::{ErrorPage, Layout};
use crate::db::DbError;
use crate::i18n::I18n;
use crate::lang::Lang;
use crate::logging::Chain;

/// Gives every error the site's own page: responses made by the framework or the static-file
/// service (a directory, a method not allowed) come as plain text otherwise.
pub async fn own_pages(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    let status = res.status();
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(res.map_into_boxed_body());
    }
    let lang = Lang::of_path(res.request().path()).0;
    if is_html {
        // The site's own error page, made in English when the error was raised: made again in
        // the language of the address.
        let page = match res
            .response()
            .error()
            .and_then(|e| e.as_error::<PageError>())
        {
            Some(e) if !lang.is_english() => e.response_in(lang),
            _ => return Ok(res.map_into_boxed_body()),
        };
        let (req, _) = res.into_parts();
        return Ok(actix_web::dev::ServiceResponse::new(req, page));
    }
    let error = match status {
        StatusCode::NOT_FOUND => PageError::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => PageError::MethodNotAllowed,
        s if s.is_client_error() => PageError::BadRequest(Problem::new("error-not-understood")),
        // The framework's own error, when it kept one, says more than the status.
        _ => PageError::internal(match res.response().error() {
            Some(e) => format!("{status}: {e}"),
            None => status.to_string(),
        }),
    };
    let mut page = error.response_in(lang);
    *page.status_mut() = status;
    for name in [header::ALLOW, header::RETRY_AFTER, header::CONTENT_RANGE] {
        if let Some(v) = res.headers().get(&name) {
            page.headers_mut().insert(name, v.clone());
        }
    }
    let (req, _) = res.into_parts();
    Ok(actix_web::dev::ServiceResponse::new(req, page))
}

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("page not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(Problem),
    #[error("the site's database is not available")]
    Unavailable(#[source] DbError),
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("a database query failed")]
    Query(#[from] DbError),
    #[error("a template could not be rendered")]
    Render(#[from] askama::Error),
    #[error("the page could not be made")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// What is wrong with a request, in words of the catalogue: a message id and its arguments.
#[derive(Debug, Clone)]
pub struct Problem {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub fn new(id: &'static str) -> Problem {
        Problem {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Problem {
        self.args.push((name, value.into()));
        self
    }

    pub fn text(&self, t: I18n) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        t.with(self.id, &args)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(I18n::default()))
    }
}

impl PageError {
    /// Any other failure, with its cause kept for the log.
    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        PageError::Internal(cause.into())
    }

    /// Failures of the site itself are logged, with every cause, when they become a response;
    /// a visitor's mistake (an unknown address, a bad query) is not an error of the site.
    fn log(&self) {
        if self.status_code().is_server_error() {
            tracing::error!("{}", Chain(self));
        }
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            PageError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            PageError::Query(_) | PageError::Render(_) | PageError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.response_in(Lang::En)
    }
}

impl PageError {
    /// The error page in `lang`. (Logged here, once: the middleware that gives error pages
    /// their language makes a response from the error a second time only for another language.)
    pub fn response_in(&self, lang: Lang) -> HttpResponse {
        if lang.is_english() {
            self.log();
        }
        let t = I18n::new(lang);
        let status = self.status_code();
        let (title, message) = match self {
            PageError::NotFound => ("error-404-title", t.t("error-404-text")),
            PageError::BadRequest(why) => ("error-400-title", why.text(t)),
            PageError::MethodNotAllowed => ("error-405-title", t.t("error-405-text")),
            PageError::Unavailable(_) => ("error-503-title", t.t("error-503-text")),
            // The detail goes to the log, not to the visitor.
            PageError::Query(_) | PageError::Render(_) | PageError::Internal(_) => {
                ("error-500-title", t.t("error-500-text"))
            }
        };
        let title = t.t(title);
        let page = ErrorPage {
            layout: Layout::new(t, &title, &message, None),
            status: status.as_u16(),
            heading: title.clone(),
            message,
        };
        let body = page
            .render()
            .unwrap_or_else(|_| format!("<!doctype html><title>{title}</title><h1>{title}</h1>"));
        let mut resp = HttpResponse::build(status);
        resp.content_type("text/html; charset=utf-8");
        if status == StatusCode::METHOD_NOT_ALLOWED {
            resp.insert_header((header::ALLOW, "GET, HEAD"));
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            resp.insert_header((header::RETRY_AFTER, "60"));
        }
        resp.insert_header((header::CACHE_CONTROL, "no-store"));
        resp.body(body)
    }
}

#[cfg(test)]
mod tests {
    use super::PageError;
    use crate::logging::Chain;

    #[test]
    fn an_internal_error_keeps_its_cause_for_the_log() {
        let e = PageError::internal(std::io::Error::other("disk on fire"));
        assert!(std::error::Error::source(&e).is_some());
        assert_eq!(
            Chain(&e).to_string(),
            "the page could not be made: disk on fire"
        );
    }
}
