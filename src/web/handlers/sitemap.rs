//! `/sitemap.xml` (an index of numbered sitemaps beyond 50,000 addresses) and `/robots.txt`.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::{Database, DbError};
use crate::lang::Lang;
use crate::web::views::{SITEMAP_LISTS, SitemapAddress};
use crate::web::{Ctx, PageError};

/// The sitemaps.org limit of addresses in one sitemap file.
pub const MAX_URLS: usize = 50_000;

/// How many entries one sitemap file lists. Each is up to one address per language, and each
/// address lists every language's version: 500 entries make at most 2,000 addresses and about
/// 1.5 MB, well under the sitemaps.org limits (50,000 addresses, 50 MB). A sitemap is made on
/// each request, so its size is memory the server holds while it answers: measured with 32
/// crawlers at once on 10,000 entries in four languages, parts of 2,000 entries took the
/// server from 20 to 135 MB.
pub const MAX_ENTRIES: usize = 500;

// The limit of addresses per file holds with every language.
const _: () = assert!(MAX_ENTRIES * Lang::ALL.len() <= MAX_URLS);

fn xml(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body)
}

/// An address, its last change and its languages.
type Address = SitemapAddress;

/// Addresses and their last changes, as the database lists them.
type Entries = [Address];

/// One sitemap: the addresses and their last changes.
#[derive(Template)]
#[template(path = "sitemap.xml")]
struct UrlSet<'a> {
    base: &'a str,
    entries: &'a Entries,
}

/// The index of a sitemap split in parts: each part's number and its latest change.
#[derive(Template)]
#[template(path = "sitemap_index.xml")]
struct SitemapIndex<'a> {
    base: &'a str,
    parts: Vec<(usize, Option<&'a str>)>,
}

#[derive(Template)]
#[template(path = "robots.txt")]
struct Robots<'a> {
    base: &'a str,
}

/// The sitemap: its addresses up to the limit; past it, the index of parts.
pub async fn sitemap(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let base = &ctx.state.config.base_url;
    if SITEMAP_LISTS.len() + ctx.db.sitemap_count()? <= MAX_ENTRIES {
        let entries = crate::web::views::sitemap_paths(ctx.db.sitemap_entries()?);
        return Ok(xml(document(base, &entries, MAX_ENTRIES)?));
    }
    Ok(xml(index_document(
        base,
        &parts_latest(&ctx.db, MAX_ENTRIES)?,
    )?))
}

/// The latest change in each part of `max` addresses, from one pass over the entries that keeps
/// nothing else.
pub fn parts_latest(db: &Database, max: usize) -> Result<Vec<Option<String>>, DbError> {
    let mut latest: Vec<Option<String>> = Vec::new();
    let mut at = SITEMAP_LISTS.len();
    db.sitemap_range(0, i64::MAX, false, |e| {
        let part = at / max;
        at += 1;
        if latest.len() <= part {
            latest.resize(part + 1, None);
        }
        if let Some(day) = e.lastmod.map(|d| d.to_string())
            && latest[part].as_ref().is_none_or(|m| day > *m)
        {
            latest[part] = Some(day);
        }
        true
    })?;
    Ok(latest)
}

/// The index of parts, given each part's latest change.
fn index_document(base: &str, latest: &[Option<String>]) -> Result<String, askama::Error> {
    let parts = latest
        .iter()
        .enumerate()
        .map(|(i, d)| (i + 1, d.as_deref()))
        .collect();
    SitemapIndex { base, parts }.render()
}

/// The sitemap: one `urlset`, or past `max` addresses an index of numbered parts.
pub fn document(base: &str, entries: &Entries, max: usize) -> Result<String, askama::Error> {
    if entries.len() <= max {
        return UrlSet { base, entries }.render();
    }
    let latest: Vec<Option<String>> = entries
        .chunks(max)
        .map(|chunk| chunk.iter().filter_map(|a| a.lastmod.clone()).max())
        .collect();
    index_document(base, &latest)
}

/// Part `n` (from 1) of a sitemap split by the index, if there is such a part.
pub fn part_document(
    base: &str,
    entries: &Entries,
    max: usize,
    n: usize,
) -> Option<Result<String, askama::Error>> {
    if entries.len() <= max || n == 0 {
        return None;
    }
    let chunk = entries.chunks(max).nth(n - 1)?;
    Some(
        UrlSet {
            base,
            entries: chunk,
        }
        .render(),
    )
}

/// One part of a sitemap split by the index.
pub async fn part(ctx: Ctx, n: web::Path<String>) -> Result<HttpResponse, PageError> {
    let n: usize = n
        .strip_suffix(".xml")
        .and_then(|n| n.parse().ok())
        .ok_or(PageError::NotFound)?;
    let paths = part_paths(&ctx.db, MAX_ENTRIES, n)?.ok_or(PageError::NotFound)?;
    Ok(xml(UrlSet {
        base: &ctx.state.config.base_url,
        entries: &paths,
    }
    .render()?))
}

/// The addresses of part `n` (from 1) of a sitemap split in parts of `max`, if there is such a
/// part; only that part's entries are kept.
pub fn part_paths(db: &Database, max: usize, n: usize) -> Result<Option<Vec<Address>>, DbError> {
    let total = SITEMAP_LISTS.len() + db.sitemap_count()?;
    let Some(start) = n
        .checked_sub(1)
        .and_then(|i| i.checked_mul(max))
        .filter(|&start| total > max && start < total)
    else {
        return Ok(None);
    };
    let (lists, end) = (SITEMAP_LISTS.len(), start.saturating_add(max));
    let mut entries = Vec::new();
    // The entries of this part, counted after the lists that come first.
    let first = start.saturating_sub(lists);
    let count = end.saturating_sub(lists).saturating_sub(first);
    let as_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    db.sitemap_range(as_i64(first), as_i64(count), true, |e| {
        entries.push(e);
        true
    })?;
    // The lists come first in the whole sitemap: keep those that fall in this part.
    let mut paths = crate::web::views::sitemap_paths(entries);
    paths.drain(end.min(lists)..lists);
    paths.drain(..start.min(lists));
    Ok(Some(paths))
}

pub async fn robots(ctx: Ctx) -> Result<HttpResponse, PageError> {
    // Filtered, re-sorted and paged views of the site list, and the 366 day views, are endless
    // or thin recombinations of entries that the sitemap lists one by one. The Disallow lines
    // come first: some parsers (Python's, LinkChecker's) take the first match.
    let body = Robots {
        base: &ctx.state.config.base_url,
    }
    .render()?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_limit_the_sitemap_becomes_an_index_of_parts() {
        let entries: Vec<SitemapAddress> = (0..7)
            .map(|i| SitemapAddress {
                path: format!("/sites/s{i}/"),
                lastmod: Some(format!("2026-01-0{}", i + 1)),
                langs: vec![Lang::En],
            })
            .collect();
        let document = |entries, max| document("https://a.test", entries, max).expect("renders");
        assert!(document(&entries[..3], 3).contains("<urlset"));
        let index = document(&entries, 3);
        assert!(index.contains("<sitemapindex"));
        assert_eq!(index.matches("<sitemap>").count(), 3);
        assert!(
            index.contains("<loc>https://a.test/sitemaps/3.xml</loc><lastmod>2026-01-07</lastmod>")
        );
        let last = part_document("https://a.test", &entries, 3, 3)
            .expect("part 3")
            .expect("renders");
        assert_eq!(last.matches("<url>").count(), 1);
        assert!(part_document("https://a.test", &entries, 3, 4).is_none());
        assert!(part_document("https://a.test", &entries[..3], 3, 1).is_none());
    }
}
