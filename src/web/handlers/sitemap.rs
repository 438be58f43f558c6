//! `/sitemap.xml` (an index of numbered sitemaps beyond 50,000 addresses) and `/robots.txt`.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::web::{Ctx, PageError};

/// The sitemaps.org limit of addresses in one sitemap file.
pub const MAX_URLS: usize = 50_000;

fn xml(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body)
}

pub use crate::text::escape as escape_xml;

fn urlset(base: &str, entries: &[(String, Option<String>)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in entries {
        out.push_str("<url><loc>");
        out.push_str(&escape_xml(&format!("{base}{path}")));
        out.push_str("</loc>");
        if let Some(d) = lastmod {
            out.push_str("<lastmod>");
            out.push_str(&escape_xml(d));
            out.push_str("</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

pub async fn sitemap(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let entries = crate::web::views::sitemap_paths(ctx.db.sitemap_entries()?);
    Ok(xml(document(
        &ctx.state.config.base_url,
        &entries,
        MAX_URLS,
    )))
}

/// The sitemap: one `urlset`, or past `max` addresses an index of numbered parts.
pub fn document(base: &str, entries: &[(String, Option<String>)], max: usize) -> String {
    if entries.len() <= max {
        return urlset(base, entries);
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in entries.chunks(max).enumerate() {
        let lastmod = chunk.iter().filter_map(|(_, d)| d.as_deref()).max();
        out.push_str(&format!(
            "<sitemap><loc>{}</loc>",
            escape_xml(&format!("{base}/sitemaps/{}.xml", i + 1))
        ));
        if let Some(d) = lastmod {
            out.push_str(&format!("<lastmod>{}</lastmod>", escape_xml(d)));
        }
        out.push_str("</sitemap>\n");
    }
    out.push_str("</sitemapindex>\n");
    out
}

/// Part `n` (from 1) of a sitemap split by the index, if there is such a part.
pub fn part_document(
    base: &str,
    entries: &[(String, Option<String>)],
    max: usize,
    n: usize,
) -> Option<String> {
    if entries.len() <= max || n == 0 {
        return None;
    }
    entries
        .chunks(max)
        .nth(n - 1)
        .map(|chunk| urlset(base, chunk))
}

/// One part of a sitemap split by the index.
pub async fn part(ctx: Ctx, n: web::Path<String>) -> Result<HttpResponse, PageError> {
    let n: usize = n
        .strip_suffix(".xml")
        .and_then(|n| n.parse().ok())
        .ok_or(PageError::NotFound)?;
    let entries = crate::web::views::sitemap_paths(ctx.db.sitemap_entries()?);
    part_document(&ctx.state.config.base_url, &entries, MAX_URLS, n)
        .map(xml)
        .ok_or(PageError::NotFound)
}

pub async fn robots(ctx: Ctx) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        // Filtered, re-sorted and paged views of the site list, and the 366 day views, are
        // endless or thin recombinations of entries that the sitemap lists one by one. The
        // Disallow lines come first: some parsers (Python's, LinkChecker's) take the first match.
        .body(format!(
            "User-agent: *\nDisallow: /sites/?\nDisallow: /on-this-day/\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
            ctx.state.config.base_url
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_limit_the_sitemap_becomes_an_index_of_parts() {
        let entries: Vec<(String, Option<String>)> = (0..7)
            .map(|i| (format!("/sites/s{i}/"), Some(format!("2026-01-0{}", i + 1))))
            .collect();
        assert!(document("https://a.test", &entries[..3], 3).contains("<urlset"));
        let index = document("https://a.test", &entries, 3);
        assert!(index.contains("<sitemapindex"));
        assert_eq!(index.matches("<sitemap>").count(), 3);
        assert!(
            index.contains("<loc>https://a.test/sitemaps/3.xml</loc><lastmod>2026-01-07</lastmod>")
        );
        let last = part_document("https://a.test", &entries, 3, 3).expect("part 3");
        assert_eq!(last.matches("<url>").count(), 1);
        assert!(part_document("https://a.test", &entries, 3, 4).is_none());
        assert!(part_document("https://a.test", &entries[..3], 3, 1).is_none());
    }
}
