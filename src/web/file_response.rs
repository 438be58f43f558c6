//! A file on disk answered as a static file server answers it: `Content-Length`, a strong `ETag`
//! and `Last-Modified` given by the caller, `304` on revalidation, one byte range (`206`, or `416`
//! when it lies past the end), and the body read from the file in small chunks, so that a large
//! file never sits in memory. Plain HTTP: which file and which validators is the caller's choice.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::body::{BodySize, MessageBody};
use actix_web::http::header::{self, EntityTag, HeaderMap, HeaderName, HeaderValue, HttpDate};
use actix_web::http::{Method, StatusCode};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};

use super::conditional::{client_has, not_modified};

/// How much of the file is read at a time (and held per response).
const CHUNK: usize = 64 * 1024;

/// One representation of a resource: the file that holds it and what to say about it.
pub struct Representation {
    pub path: PathBuf,
    /// `gzip` or `br` for a precompressed file; `None` for the plain one.
    pub encoding: Option<&'static str>,
    /// Strong: the same tag means the same bytes, which is what makes ranges safe to resume.
    pub etag: EntityTag,
    pub last_modified: HttpDate,
    /// Further headers (type, disposition, caching), sent on every answer.
    pub headers: Vec<(HeaderName, String)>,
}

/// The answer to a GET or HEAD for `rep`. Fails only when the file cannot be opened or read.
pub fn respond(req: &HttpRequest, rep: &Representation) -> std::io::Result<HttpResponse> {
    let mut file = File::open(&rep.path)?;
    let len = file.metadata()?.len();
    let headers = headers_of(rep);
    if client_has(req, &headers) {
        return Ok(not_modified(&headers));
    }
    let (status, start, count) = match wanted_range(req, rep, len) {
        Wanted::Whole => (StatusCode::OK, 0, len),
        Wanted::Part(start, end) => (StatusCode::PARTIAL_CONTENT, start, end - start + 1),
        Wanted::Unsatisfiable => {
            let mut r = HttpResponse::RangeNotSatisfiable().finish();
            copy(&headers, r.headers_mut());
            set(
                r.headers_mut(),
                header::CONTENT_RANGE,
                format!("bytes */{len}"),
            );
            return Ok(r);
        }
    };
    if start > 0 {
        file.seek(SeekFrom::Start(start))?;
    }
    let mut r = HttpResponse::build(status).body(FileBody {
        file,
        remaining: count,
        size: count,
    });
    copy(&headers, r.headers_mut());
    // The server writes the length from the body's size; the header makes it visible in tests.
    set(r.headers_mut(), header::CONTENT_LENGTH, count.to_string());
    if status == StatusCode::PARTIAL_CONTENT {
        let end = start + count - 1;
        set(
            r.headers_mut(),
            header::CONTENT_RANGE,
            format!("bytes {start}-{end}/{len}"),
        );
    }
    Ok(r)
}

fn headers_of(rep: &Representation) -> HeaderMap {
    let mut h = HeaderMap::new();
    set(&mut h, header::ETAG, rep.etag.to_string());
    set(&mut h, header::LAST_MODIFIED, rep.last_modified.to_string());
    set(&mut h, header::ACCEPT_RANGES, "bytes".into());
    set(&mut h, header::VARY, "Accept-Encoding".into());
    if let Some(coding) = rep.encoding {
        set(&mut h, header::CONTENT_ENCODING, coding.into());
    }
    for (name, value) in &rep.headers {
        set(&mut h, name.clone(), value.clone());
    }
    h
}

fn set(h: &mut HeaderMap, name: HeaderName, value: String) {
    if let Ok(v) = HeaderValue::try_from(value) {
        h.insert(name, v);
    }
}

fn copy(from: &HeaderMap, to: &mut HeaderMap) {
    for (name, value) in from {
        to.insert(name.clone(), value.clone());
    }
}

/// What part of the file a request asks for.
#[derive(Debug, PartialEq, Eq)]
enum Wanted {
    Whole,
    /// First and last byte, inclusive.
    Part(u64, u64),
    Unsatisfiable,
}

/// The range asked for, if it is to be honoured: one range of a GET or HEAD whose `If-Range`
/// (when present) names this very representation. Several ranges, or a malformed header, get
/// the whole file, as RFC 9110 allows.
fn wanted_range(req: &HttpRequest, rep: &Representation, len: u64) -> Wanted {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return Wanted::Whole;
    }
    let Some(range) = req
        .headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Wanted::Whole;
    };
    if let Some(cond) = req
        .headers()
        .get(header::IF_RANGE)
        .and_then(|v| v.to_str().ok())
    {
        let same_tag = cond
            .parse::<EntityTag>()
            .is_ok_and(|t| t.strong_eq(&rep.etag));
        let same_date = cond
            .parse::<HttpDate>()
            .is_ok_and(|d| d == rep.last_modified);
        if !(same_tag || same_date) {
            return Wanted::Whole;
        }
    }
    parse_range(range, len)
}

fn parse_range(range: &str, len: u64) -> Wanted {
    let Some(spec) = range.trim().strip_prefix("bytes=") else {
        return Wanted::Whole;
    };
    if spec.contains(',') {
        return Wanted::Whole;
    }
    let Some((first, last)) = spec.trim().split_once('-') else {
        return Wanted::Whole;
    };
    let number = |s: &str| s.trim().parse::<u64>().ok();
    match (first.trim().is_empty(), number(first), number(last)) {
        // The last `n` bytes.
        (true, _, Some(n)) if n > 0 && len > 0 => Wanted::Part(len.saturating_sub(n), len - 1),
        (true, _, Some(_)) => Wanted::Unsatisfiable,
        (false, Some(start), _) if start >= len => Wanted::Unsatisfiable,
        (false, Some(start), None) if last.trim().is_empty() => Wanted::Part(start, len - 1),
        (false, Some(start), Some(end)) if end >= start => Wanted::Part(start, end.min(len - 1)),
        _ => Wanted::Whole,
    }
}

/// `count` bytes of an open file, read a chunk at a time as the connection takes them. The
/// files are local and usually in the page cache, so a read is short enough for a worker.
struct FileBody {
    file: File,
    remaining: u64,
    size: u64,
}

impl MessageBody for FileBody {
    type Error = std::io::Error;

    fn size(&self) -> BodySize {
        BodySize::Sized(self.size)
    }

    fn poll_next(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        if self.remaining == 0 {
            return Poll::Ready(None);
        }
        let n = CHUNK.min(usize::try_from(self.remaining).unwrap_or(CHUNK));
        let mut buf = vec![0; n];
        if let Err(e) = self.file.read_exact(&mut buf) {
            return Poll::Ready(Some(Err(e)));
        }
        self.remaining -= n as u64;
        Poll::Ready(Some(Ok(Bytes::from(buf))))
    }
}

#[cfg(test)]
mod tests {
    use super::{Wanted, parse_range};

    #[test]
    fn ranges_as_rfc_9110_reads_them() {
        assert_eq!(parse_range("bytes=0-9", 100), Wanted::Part(0, 9));
        assert_eq!(parse_range("bytes=90-", 100), Wanted::Part(90, 99));
        assert_eq!(parse_range("bytes=-10", 100), Wanted::Part(90, 99));
        assert_eq!(parse_range("bytes=-500", 100), Wanted::Part(0, 99));
        assert_eq!(parse_range("bytes=50-500", 100), Wanted::Part(50, 99));
        assert_eq!(parse_range("bytes=100-", 100), Wanted::Unsatisfiable);
        assert_eq!(parse_range("bytes=-0", 100), Wanted::Unsatisfiable);
        assert_eq!(parse_range("bytes=0-", 0), Wanted::Unsatisfiable);
        assert_eq!(parse_range("bytes=9-0", 100), Wanted::Whole);
        assert_eq!(parse_range("bytes=0-1,5-6", 100), Wanted::Whole);
        assert_eq!(parse_range("items=0-1", 100), Wanted::Whole);
        assert_eq!(parse_range("bytes=x-", 100), Wanted::Whole);
    }
}
