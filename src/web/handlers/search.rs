//! `/search?q=…`: full-text search over every entry, in every script.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::html;
use crate::content::model::label;
use crate::db::entry_kind::EntryKind;
use crate::db::search::{MAX_QUERY_CHARS, query_terms};
use crate::web::highlight;
use crate::web::views::{Pager, SearchPage, SearchResult, entry_url};
use crate::web::{Ctx, PageError};

pub const PER_PAGE: u32 = 20;

#[derive(Debug, Deserialize)]
pub struct Params {
    #[serde(default)]
    q: String,
    page: Option<String>,
}

/// A `page` parameter: a whole number from 1; anything else is the visitor's mistake.
pub fn page_number(page: Option<&str>) -> Result<u32, PageError> {
    match page {
        None | Some("") => Ok(1),
        Some(p) => p
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .ok_or_else(|| {
                PageError::BadRequest(format!(
                    "`page={p}` is not a page number: use a whole number from 1."
                ))
            }),
    }
}

pub async fn search(ctx: Ctx, params: web::Query<Params>) -> Result<HttpResponse, PageError> {
    let query = params.q.trim().to_string();
    let n = query.chars().count();
    if n > MAX_QUERY_CHARS {
        return Err(PageError::BadRequest(format!(
            "The search text is {n} characters long; searches of up to {MAX_QUERY_CHARS} characters are accepted. Use a few words from the name or place you are looking for."
        )));
    }
    let page = page_number(params.page.as_deref())?;
    let terms = query_terms(&query);
    let results = if terms.is_empty() {
        Default::default()
    } else {
        ctx.db.search(&query, PER_PAGE, (page - 1) * PER_PAGE)?
    };
    let hits = results
        .hits
        .iter()
        .map(|h| SearchResult {
            url: entry_url(h.kind, &h.key),
            title_html: highlight::marked(&h.title, &h.title_matches(&terms)),
            snippet_html: highlight::excerpt(&h.excerpt(&terms, 180)),
            kind_label: match h.kind {
                EntryKind::Site => "Site",
                EntryKind::Country => "Country",
                EntryKind::Date => "Commemoration date",
                EntryKind::Page => "Page",
            },
            site_kind: h.site_kind.as_deref().map(label),
            site_status: h.site_status.clone(),
            status_label: h.site_status.as_deref().map(label),
            place: (!h.place.is_empty()).then(|| h.place.clone()),
            draft: h.draft,
        })
        .collect();
    let title = if query.is_empty() {
        "Search".to_string()
    } else {
        format!("Search: {query}")
    };
    let mut layout = ctx.layout(
        &title,
        "Search the memorial sites, countries and commemoration dates of the atlas, in any language.",
        if query.is_empty() { "/search".into() } else { format!("/search?q={}", urlencode(&query)) },
    );
    layout.section = "search";
    layout.breadcrumbs = vec![("Home".into(), "/".into())];
    let pager = Pager::new(page, results.total, PER_PAGE, |p| {
        format!("/search?q={}&page={p}", urlencode(&query))
    });
    if page > 1 && results.hits.is_empty() && results.total > 0 {
        return Err(PageError::NotFound);
    }
    html(&SearchPage {
        layout,
        query,
        total: results.total,
        partial: results.partial,
        hits,
        pager,
        capped: results.capped,
    })
}

/// Encodes a query value for a link as a browser's form would (a space as `+`).
pub fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
