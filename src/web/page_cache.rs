//! Each worker keeps the pages it has sent, compressed as they were sent, so that a page asked
//! for again leaves as fast as a static file: no query, no template, no compression. The cache
//! belongs to the worker's database connection and is emptied whenever a new database is opened,
//! and it is keyed by the day, since some pages count the days to the next commemoration. This
//! module is only the store; `cache_middleware` fills it and answers from it.

use std::collections::{HashMap, VecDeque};

use actix_web::http::header::HeaderMap;
use actix_web::web::Bytes;

/// The most bytes one worker keeps, and the largest page it keeps.
const MAX_BYTES: usize = 16 * 1024 * 1024;
pub const MAX_ENTRY: usize = 1024 * 1024;

/// One page as it was sent.
#[derive(Clone)]
pub struct Entry {
    pub headers: HeaderMap,
    pub body: Bytes,
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

    pub fn get(&self, key: &str) -> Option<Entry> {
        self.entries.get(key).cloned()
    }

    pub fn put(&mut self, key: String, entry: Entry) {
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
