//! Each worker keeps the pages it has sent, compressed as they were sent, so that a page asked
//! for again leaves as fast as a static file: no query, no template, no compression. The cache
//! belongs to the worker's database connection and is emptied whenever a new database is opened,
//! and it is keyed by the day, since some pages count the days to the next commemoration.

use std::collections::{HashMap, VecDeque};

use actix_web::HttpResponse;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, Data};

use super::conditional::{client_has, not_modified};
use super::{SharedState, WorkerDb};

/// The most bytes one worker keeps, and the largest page it keeps.
const MAX_BYTES: usize = 16 * 1024 * 1024;
const MAX_ENTRY: usize = 1024 * 1024;
/// The most a compressed response is read to be kept; the largest answers (exports) are sized
/// before compression and never compressed past this.
const MAX_COLLECT: usize = 256 * 1024 * 1024;

#[derive(Clone)]
struct Entry {
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Default)]
pub struct PageCache {
    entries: HashMap<String, Entry>,
    order: VecDeque<String>,
    bytes: usize,
}

impl PageCache {
    pub fn clear(&mut self) {
        self.entries.clear();
        self.order.clear();
        self.bytes = 0;
    }

    fn get(&self, key: &str) -> Option<Entry> {
        self.entries.get(key).cloned()
    }

    fn put(&mut self, key: String, entry: Entry) {
        let size = entry.body.len() + key.len() + 512;
        while self.bytes + size > MAX_BYTES {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some(e) = self.entries.remove(&old) {
                self.bytes -= e.body.len() + old.len() + 512;
            }
        }
        if let Some(e) = self.entries.insert(key.clone(), entry) {
            self.bytes -= e.body.len() + key.len() + 512;
        } else {
            self.order.push_back(key);
        }
        self.bytes += size;
    }
}

fn from_entry(req: ServiceRequest, e: &Entry) -> ServiceResponse<BoxBody> {
    if client_has(&req, &e.headers) {
        return req.into_response(not_modified(&e.headers));
    }
    let mut r = HttpResponse::with_body(StatusCode::OK, BoxBody::new(e.body.clone()));
    *r.headers_mut() = e.headers.clone();
    req.into_response(r)
}

pub async fn serve_cached(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let usable = matches!(*req.method(), Method::GET | Method::HEAD)
        && req
            .app_data::<Data<SharedState>>()
            .is_some_and(|s| !s.config.watch);
    let worker = req.app_data::<Data<WorkerDb>>().cloned();
    let (Some(worker), true) = (worker, usable) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    // Reaching the database first empties the cache when the database has been replaced.
    if worker.get().is_err() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let today = req
        .app_data::<Data<SharedState>>()
        .map(|s| s.today().to_string())
        .unwrap_or_default();
    let encoding = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let key = format!("{today}\n{encoding}\n{}", req.uri());
    if let Some(entry) = worker.cache().borrow().get(&key) {
        return Ok(from_entry(req, &entry));
    }
    let conditional = req.headers().contains_key(header::IF_NONE_MATCH)
        || req.headers().contains_key(header::IF_MODIFIED_SINCE);
    let res = next.call(req).await?;
    // Only whole pages that carry a validator are kept; a 304 has nothing to keep, and a page
    // known to be large (a data export) is passed through as it is.
    let too_large = matches!(res.response().body().size(), actix_web::body::BodySize::Sized(n) if n > MAX_ENTRY as u64);
    if conditional
        || too_large
        || res.status() != StatusCode::OK
        || !res.headers().contains_key(header::ETAG)
    {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    // A compressed body has no size until it is read; the site's pages compress far below this.
    let bytes = super::conditional::collect(body, MAX_COLLECT).await?;
    let entry = Entry {
        headers: head.headers().clone(),
        body: bytes,
    };
    if entry.body.len() <= MAX_ENTRY {
        worker.cache().borrow_mut().put(key, entry.clone());
    }
    let mut r = HttpResponse::with_body(head.status(), BoxBody::new(entry.body));
    *r.headers_mut() = entry.headers;
    Ok(ServiceResponse::new(req, r))
}
