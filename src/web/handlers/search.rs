//! `/search?q=…`: full-text search over every entry, in every script.

use std::collections::HashMap;

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
    let titles = visitor_titles(&ctx, &results.hits)?;
    let hits = results
        .hits
        .iter()
        .map(|h| result(&ctx, h, &terms, titles.get(&(h.kind, h.key.as_str()))))
        .collect();
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
fn result(ctx: &Ctx, h: &Hit, terms: &[String], title: Option<&String>) -> SearchResult {
    let t = ctx.t;
    let (title_html, title_lang) = match title {
        Some(title) if h.lang != ctx.lang => (crate::text::escape(title), ctx.lang),
        _ => (highlight::marked(&h.title, &h.title_matches(terms)), h.lang),
    };
    SearchResult {
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
    }
}

/// The titles in the visitor's language of the hits whose matching text is in another, where
/// the entry has one: one query per kind of entry on the page.
fn visitor_titles<'h>(
    ctx: &Ctx,
    hits: &'h [Hit],
) -> Result<HashMap<(EntryKind, &'h str), String>, PageError> {
    let mut out = HashMap::new();
    for kind in [
        EntryKind::Site,
        EntryKind::Country,
        EntryKind::Date,
        EntryKind::Page,
    ] {
        let keys: Vec<&str> = hits
            .iter()
            .filter(|h| h.kind == kind && h.lang != ctx.lang)
            .map(|h| h.key.as_str())
            .collect();
        for (key, title) in ctx.db.titles(kind, &keys, ctx.lang)? {
            if let Some(k) = keys.iter().find(|k| **k == key) {
                out.insert((kind, *k), title);
            }
        }
    }
    Ok(out)
}

/// Encodes a query value for a link as a browser's form would (a space as `+`).
pub fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
