//! `/search?q=…`: full-text search over every entry, in every script.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::html;
use crate::db::entry_kind::EntryKind;
use crate::db::search::{Hit, MAX_QUERY_CHARS, query_terms};
use crate::web::error::Problem;
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
            .ok_or_else(|| PageError::BadRequest(Problem::new("error-bad-page").arg("page", p))),
    }
}

pub async fn search(ctx: Ctx, params: web::Query<Params>) -> Result<HttpResponse, PageError> {
    let query = params.q.trim().to_string();
    let n = query.chars().count();
    if n > MAX_QUERY_CHARS {
        return Err(PageError::BadRequest(
            Problem::new("error-query-too-long")
                .arg("length", n.to_string())
                .arg("max", MAX_QUERY_CHARS.to_string()),
        ));
    }
    let page = page_number(params.page.as_deref())?;
    let terms = query_terms(&query);
    let results = if terms.is_empty() {
        Default::default()
    } else {
        ctx.db
            .search(&query, ctx.lang, PER_PAGE, (page - 1) * PER_PAGE)?
    };
    let t = ctx.t;
    let mut hits = Vec::with_capacity(results.hits.len());
    for h in &results.hits {
        hits.push(result(&ctx, h, &terms)?);
    }
    let title = if query.is_empty() {
        t.t("search-button")
    } else {
        t.with("search-title", &[("query", &query)])
    };
    let mut layout = ctx
        .layout(
            &title,
            &t.t("search-description"),
            if query.is_empty() {
                "/search".into()
            } else {
                format!("/search?q={}", urlencode(&query))
            },
        )
        .crumbs(&[("nav-home", "/")]);
    layout.section = "search";
    let pager = Pager::new(page, results.total, PER_PAGE, |p| {
        t.path(format!("/search?q={}&page={p}", urlencode(&query)))
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

/// One hit as the page shows it: its title in the visitor's language where the entry is
/// translated (highlighted where that is the text that matched), and the matching text, in
/// whichever language it is, marked with that language.
fn result(ctx: &Ctx, h: &Hit, terms: &[String]) -> Result<SearchResult, PageError> {
    let t = ctx.t;
    let (title_html, title_lang) = if h.lang == ctx.lang {
        (highlight::marked(&h.title, &h.title_matches(terms)), h.lang)
    } else {
        match visitor_title(ctx, h)? {
            Some(title) => (crate::text::escape(&title), ctx.lang),
            None => (highlight::marked(&h.title, &h.title_matches(terms)), h.lang),
        }
    };
    Ok(SearchResult {
        url: t.path(entry_url(h.kind, &h.key)),
        title_html,
        title_lang,
        snippet_html: highlight::excerpt(&h.excerpt(terms, 180)),
        snippet_lang: h.lang,
        kind_label: t.t(match h.kind {
            EntryKind::Site => "result-site",
            EntryKind::Country => "result-country",
            EntryKind::Date => "result-date",
            EntryKind::Page => "result-page",
        }),
        site_kind: h.site_kind.as_deref().map(|k| t.term("kind", k)),
        site_status: h.site_status.clone(),
        status_label: h.site_status.as_deref().map(|s| t.term("status", s)),
        place: (!h.place.is_empty()).then(|| h.place.clone()),
        draft: h.draft,
    })
}

/// An entry's title in the visitor's language, where it is translated.
fn visitor_title(ctx: &Ctx, h: &Hit) -> Result<Option<String>, PageError> {
    if ctx.lang.is_english() {
        return Ok(ctx.db.title_of(h.kind, &h.key)?);
    }
    Ok(ctx
        .db
        .translation(h.kind, &h.key, ctx.lang)?
        .map(|tr| tr.title))
}

/// Encodes a query value for a link as a browser's form would (a space as `+`).
pub fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
