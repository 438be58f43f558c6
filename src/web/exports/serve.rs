//! `/data/sites.*`: the file of the current database's set in the form the client accepts, as a
//! file server sends it (see `file_response`). These answers pass by the page cache (they can be
//! asked for in ranges) and by the compression middleware (they are compressed already, or asked
//! for plain).

use actix_web::http::header::{self, EntityTag, HttpDate};
use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse};

use super::files::{ENCODINGS, Export, FileFacts};
use super::set::ExportSet;
use crate::web::error::PageError;
use crate::web::file_response::{self, Representation};
use crate::web::state::{SharedState, WorkerDb};

/// How long clients and proxies may keep a file before asking whether it changed.
const CACHE_CONTROL: &str = "public, max-age=3600";

pub async fn download(req: HttpRequest, export: Export) -> Result<HttpResponse, PageError> {
    let set = current_set(&req).await?;
    let facts = set.facts(export).ok_or_else(|| {
        PageError::internal(format!(
            "{} has no {}",
            set.dir.display(),
            export.file_name()
        ))
    })?;
    let rep = representation(&set, export, facts, accepted(&req, facts));
    file_response::respond(&req, &rep).map_err(PageError::internal)
}

/// The set of the database this worker reads, written first if it is not there yet.
pub async fn current_set(req: &HttpRequest) -> Result<ExportSet, PageError> {
    let (Some(shared), Some(worker)) = (
        req.app_data::<Data<SharedState>>(),
        req.app_data::<Data<WorkerDb>>(),
    ) else {
        return Err(PageError::internal("the server's state is missing"));
    };
    let config = &shared.config;
    let built_at = worker.get()?.built_at().to_string();
    let dir = super::set_dir(&config.db_path, &built_at, &config.base_url, config.drafts);
    if let Some(set) = ExportSet::read(&dir) {
        return Ok(set);
    }
    let (db, base, drafts) = (
        config.db_path.clone(),
        config.base_url.clone(),
        config.drafts,
    );
    actix_web::web::block(move || super::ensure(&db, &base, drafts))
        .await
        .map_err(PageError::internal)?
        .map_err(PageError::internal)
}

/// The encoding to send, by the client's `Accept-Encoding`: the one it prefers, and of two it
/// likes as well, the smaller file (brotli at the quality it is written at is not always
/// smaller than gzip); none when it accepts neither.
fn accepted(req: &HttpRequest, facts: &FileFacts) -> Option<&'static str> {
    let size = |coding: &str| if coding == "br" { facts.br } else { facts.gzip };
    let accept = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let quality = |coding: &str| {
        accept
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let name = parts.next()?.trim().to_ascii_lowercase();
                let q = parts
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (name == coding || name == "*").then_some(q)
            })
            .fold(None, |best: Option<f32>, q| {
                Some(best.map_or(q, |b| b.max(q)))
            })
            .unwrap_or(0.0)
    };
    ENCODINGS
        .into_iter()
        .map(|(coding, _)| (coding, quality(coding)))
        .filter(|(_, q)| *q > 0.0)
        .fold(None, |best: Option<(&str, f32)>, (c, q)| match best {
            Some((b, bq)) if bq > q || (bq == q && size(b) <= size(c)) => best,
            _ => Some((c, q)),
        })
        .map(|(c, _)| c)
}

fn representation(
    set: &ExportSet,
    export: Export,
    facts: &FileFacts,
    encoding: Option<&'static str>,
) -> Representation {
    let suffix = ENCODINGS
        .into_iter()
        .find(|(c, _)| Some(*c) == encoding)
        .map(|(_, s)| s);
    let (path, tag) = match suffix {
        Some(s) => (
            set.dir.join(format!("{}.{s}", export.file_name())),
            format!("{}-{s}", facts.hash),
        ),
        None => (set.dir.join(export.file_name()), facts.hash.clone()),
    };
    let modified = chrono::DateTime::parse_from_rfc3339(&facts.modified)
        .map(std::time::SystemTime::from)
        .unwrap_or(std::time::UNIX_EPOCH);
    let day = facts.modified.get(..10).unwrap_or("undated");
    Representation {
        path,
        encoding,
        etag: EntityTag::new_strong(tag),
        last_modified: HttpDate::from(modified),
        headers: vec![
            (header::CONTENT_TYPE, export.content_type().into()),
            (header::CACHE_CONTROL, CACHE_CONTROL.into()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "inline; filename=\"memorial-atlas-sites-{day}.{}\"",
                    export.extension()
                ),
            ),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*".into()),
            (
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
                "Content-Disposition, Content-Range, ETag".into(),
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::{FileFacts, accepted};
    use actix_web::test::TestRequest;

    fn sized(accept: &str, gzip: u64, br: u64) -> Option<&'static str> {
        let facts = FileFacts {
            hash: String::new(),
            modified: String::new(),
            size: 100,
            gzip,
            br,
        };
        let req = TestRequest::get()
            .insert_header(("accept-encoding", accept))
            .to_http_request();
        accepted(&req, &facts)
    }

    fn with(accept: &str) -> Option<&'static str> {
        sized(accept, 30, 20)
    }

    #[test]
    fn of_two_liked_as_well_the_smaller_file() {
        assert_eq!(sized("gzip, br", 30, 40), Some("gzip"));
        assert_eq!(sized("gzip, br", 40, 30), Some("br"));
        assert_eq!(sized("gzip;q=1, br;q=0.9", 10, 5), Some("gzip"));
    }

    #[test]
    fn brotli_then_gzip_then_plain() {
        assert_eq!(with("gzip, deflate, br"), Some("br"));
        assert_eq!(with("gzip"), Some("gzip"));
        assert_eq!(with("br;q=0.5, gzip"), Some("gzip"));
        assert_eq!(with("br;q=0, gzip;q=0"), None);
        assert_eq!(with("identity"), None);
        assert_eq!(with("*"), Some("br"));
        assert_eq!(with(""), None);
    }
}
