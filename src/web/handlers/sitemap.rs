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

/// Escapes text for XML character data and attribute values.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

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
    let entries = ctx.db.sitemap_entries()?;
    let base = &ctx.state.config.base_url;
    if entries.len() <= MAX_URLS {
        return Ok(xml(urlset(base, &entries)));
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in entries.chunks(MAX_URLS).enumerate() {
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
    Ok(xml(out))
}

/// One part of a sitemap split by the index.
pub async fn part(ctx: Ctx, n: web::Path<String>) -> Result<HttpResponse, PageError> {
    let n: usize = n
        .strip_suffix(".xml")
        .and_then(|n| n.parse().ok())
        .ok_or(PageError::NotFound)?;
    let entries = ctx.db.sitemap_entries()?;
    if entries.len() <= MAX_URLS || n == 0 {
        return Err(PageError::NotFound);
    }
    let chunk = entries
        .chunks(MAX_URLS)
        .nth(n - 1)
        .ok_or(PageError::NotFound)?;
    Ok(xml(urlset(&ctx.state.config.base_url, chunk)))
}

pub async fn robots(ctx: Ctx) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        // Filtered, re-sorted and paged views of the site list are endless combinations of the
        // same entries, which the sitemap lists one by one.
        .body(format!(
            "User-agent: *\nAllow: /\nDisallow: /sites/?\n\nSitemap: {}/sitemap.xml\n",
            ctx.state.config.base_url
        ))
}
