use std::collections::HashMap;

use actix_web::{HttpResponse, web};

use super::html;
use super::search::{page_number, urlencode};
use crate::content::model::label;
use crate::db::browse::{Facet, FacetOption, SiteQuery, Sort};
use crate::text::site_title;
use crate::urls;
use crate::web::seo;
use crate::web::views::{
    FacetView, Nearby, OptionView, Pager, SiteItem, SitePage, SiteView, SitesPage, SortView, items,
};
use crate::web::{Ctx, PageError};

pub const PER_PAGE: u32 = 50;

/// The stable address of a list page: filters in a fixed order, defaults left out.
fn list_url(filters: &[(Facet, String)], sort: Sort, page: u32) -> String {
    let mut parts: Vec<String> = Vec::new();
    for facet in Facet::ALL {
        if let Some((_, v)) = filters.iter().find(|(f, _)| *f == facet) {
            parts.push(format!("{}={}", facet.param(), urlencode(v)));
        }
    }
    if sort != Sort::Name {
        parts.push(format!("sort={}", sort.param()));
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    if parts.is_empty() {
        "/sites/".into()
    } else {
        format!("/sites/?{}", parts.join("&"))
    }
}

pub async fn list(
    ctx: Ctx,
    params: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, PageError> {
    let filters = filters(&ctx, &params)?;
    let sort = sort(params.get("sort").map(String::as_str))?;
    let page = page_number(params.get("page").map(String::as_str))?;
    let query = SiteQuery {
        filters,
        sort,
        page,
        per_page: PER_PAGE,
    };
    let list = ctx.db.browse_sites(&query)?;
    if page > 1 && list.sites.is_empty() {
        return Err(PageError::NotFound);
    }
    let filters = &query.filters;
    let filtered = !filters.is_empty();
    let heading = if filtered {
        "Sites (filtered)"
    } else {
        "All sites"
    };
    let title = if page > 1 {
        format!("{heading}, page {page}")
    } else {
        heading.to_string()
    };
    let mut layout = ctx
        .layout(
            &title,
            &description(filters, list.total),
            list_url(filters, sort, page),
        )
        .section("sites")
        .crumbs(&[("Home", "/")]);
    if filtered || sort != Sort::Name {
        // Filtered and re-sorted views repeat the plain list: not indexed, and not followed
        // further, so that crawlers do not walk every combination of filters.
        layout.robots = Some("noindex, nofollow");
    }
    html(&SitesPage {
        layout,
        facets: facet_views(&list.facets, &query),
        sorts: Sort::ALL
            .into_iter()
            .map(|s| SortView {
                label: s.label(),
                url: list_url(filters, s, 1),
                active: s == sort,
            })
            .collect(),
        filtered,
        clear_url: list_url(&[], sort, 1),
        pager: Pager::new(page, list.total, PER_PAGE, |p| list_url(filters, sort, p)),
        total: list.total,
        sites: items(list.sites, SiteItem),
    })
}

/// The filters of a request, each checked against the values its facet can take.
fn filters(ctx: &Ctx, params: &HashMap<String, String>) -> Result<Vec<(Facet, String)>, PageError> {
    let mut filters = Vec::new();
    for facet in Facet::ALL {
        let Some(value) = params.get(facet.param()).filter(|v| !v.is_empty()) else {
            continue;
        };
        let valid = ctx.db.facet_values(facet)?;
        if !valid.iter().any(|v| v == value) {
            return Err(PageError::BadRequest(format!(
                "`{}` is not a valid {} filter. Valid values: {}.",
                value,
                facet.param(),
                valid.join(", ")
            )));
        }
        filters.push((facet, value.clone()));
    }
    Ok(filters)
}

/// A `sort` parameter: one of the sort orders, by name by default.
fn sort(param: Option<&str>) -> Result<Sort, PageError> {
    match param {
        None | Some("") => Ok(Sort::Name),
        Some(s) => Sort::ALL
            .into_iter()
            .find(|x| x.param() == s)
            .ok_or_else(|| {
                PageError::BadRequest(format!(
                    "`{s}` is not a valid sort. Valid values: {}.",
                    Sort::ALL.map(Sort::param).join(", ")
                ))
            }),
    }
}

/// The page's description: how many sites, and which filters chose them.
fn description(filters: &[(Facet, String)], total: i64) -> String {
    if filters.is_empty() {
        return format!("{total} memorial sites, cemeteries and graves, each with its sources.");
    }
    let described: Vec<String> = filters
        .iter()
        .map(|(f, v)| format!("{} {v}", f.param()))
        .collect();
    format!(
        "{total} memorial sites matching {}, each with its sources.",
        described.join(", ")
    )
}

/// Every facet with its options, each linking to the list with that option chosen.
fn facet_views(facets: &[(Facet, Vec<FacetOption>)], query: &SiteQuery) -> Vec<FacetView> {
    facets
        .iter()
        .map(|(facet, options)| {
            let active = query.value(*facet);
            let options = options
                .iter()
                .map(|o| {
                    let is_active = active == Some(o.value.as_str());
                    // Choosing an option replaces that facet's value; choosing it again clears it.
                    let mut next: Vec<(Facet, String)> = query
                        .filters
                        .iter()
                        .filter(|(f, _)| f != facet)
                        .cloned()
                        .collect();
                    if !is_active {
                        next.push((*facet, o.value.clone()));
                    }
                    let label = match facet {
                        Facet::Kind | Facet::Status => label(&o.label),
                        _ => o.label.clone(),
                    };
                    OptionView {
                        label,
                        count: o.count,
                        url: list_url(&next, query.sort, 1),
                        active: is_active,
                    }
                })
                .collect();
            FacetView {
                param: facet.param(),
                label: facet.label(),
                options,
            }
        })
        .collect()
}

pub async fn show(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let site = ctx.db.site(&slug)?.ok_or(PageError::NotFound)?;
    let country_url = urls::country(&site.summary.country);
    let base = &ctx.state.config.base_url;
    let mut layout = ctx
        .layout(
            &site_title(&site.summary.title, &site.summary.locality),
            &site.summary.description,
            urls::site(&site.summary.slug),
        )
        .section("sites")
        .crumbs(&[
            ("Home", "/"),
            ("Sites", "/sites/"),
            (site.summary.country_name.as_str(), country_url.as_str()),
        ])
        .article()
        .with_structured(seo::site(&site, base));
    layout.og_image = site
        .images
        .first()
        .map(|i| format!("{base}/static/{}", i.file));
    let correction_url = ctx.correction_url(&site.file);
    let neighbours = match (site.latitude, site.longitude) {
        (Some(lat), Some(lon)) => ctx.db.nearest(&site.summary.slug, lat, lon, 5)?,
        _ => Vec::new(),
    };
    let located: Vec<_> = neighbours.iter().map(|(l, _)| l.clone()).collect();
    let map = crate::web::map::locator(&site, &located)?;
    let nearby = neighbours
        .into_iter()
        .map(|(l, km)| Nearby {
            approximate: l.precision.is_approximate() || site.precision.is_approximate(),
            site: SiteItem(l.site),
            km,
        })
        .collect();
    html(&SitePage {
        layout,
        site: SiteView(site),
        correction_url,
        nearby,
        map,
    })
}
