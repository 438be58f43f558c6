use std::collections::HashMap;

use actix_web::{HttpResponse, web};

use super::html;
use super::search::{page_number, urlencode};
use crate::db::browse::{Facet, FacetOption, SiteQuery, Sort};
use crate::db::read::EntryKind;
use crate::lang::Lang;
use crate::text::site_title;
use crate::urls;
use crate::web::error::Problem;
use crate::web::seo;
use crate::web::views::{
    FacetView, Nearby, OptionView, Pager, SiteItem, SitePage, SiteView, SitesPage, SortView, items,
};
use crate::web::{Ctx, PageError};

pub const PER_PAGE: u32 = 50;

/// The stable English address of a list page: filters in a fixed order, defaults left out.
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
        lang: ctx.lang,
    };
    let mut list = ctx.db.browse_sites(&query)?;
    if page > 1 && list.sites.is_empty() {
        return Err(PageError::NotFound);
    }
    ctx.db.localize_sites(ctx.lang, &mut list.sites)?;
    let filters = &query.filters;
    let filtered = !filters.is_empty();
    let t = ctx.t;
    let heading = t.t(if filtered {
        "sites-title-filtered"
    } else {
        "sites-heading-all"
    });
    let title = if page > 1 {
        t.count_with("list-title-page", i64::from(page), &[("title", &heading)])
    } else {
        heading
    };
    let facets = facet_views(&ctx, &list.facets, &query)?;
    let mut layout = ctx
        .layout(
            &title,
            &description(&ctx, &facets, list.total),
            list_url(filters, sort, page),
        )
        .section("sites")
        .crumbs(&[("nav-home", "/")]);
    if filtered || sort != Sort::Name {
        // Filtered and re-sorted views repeat the plain list: not indexed, and not followed
        // further, so that crawlers do not walk every combination of filters.
        layout.robots = Some("noindex, nofollow");
    }
    let here = |url: String| t.path(url);
    html(&SitesPage {
        layout,
        facets,
        sorts: Sort::ALL
            .into_iter()
            .map(|s| SortView {
                label: t.t(&format!("sort-{}", s.param())),
                url: here(list_url(filters, s, 1)),
                active: s == sort,
            })
            .collect(),
        filtered,
        clear_url: here(list_url(&[], sort, 1)),
        pager: Pager::new(page, list.total, PER_PAGE, |p| {
            here(list_url(filters, sort, p))
        }),
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
            return Err(PageError::BadRequest(
                Problem::new("error-bad-filter")
                    .arg("value", value.as_str())
                    .arg("facet", facet.param())
                    .arg("valid", valid.join(", ")),
            ));
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
                PageError::BadRequest(
                    Problem::new("error-bad-sort")
                        .arg("value", s)
                        .arg("valid", Sort::ALL.map(Sort::param).join(", ")),
                )
            }),
    }
}

/// The page's description: how many sites, and which filters chose them.
fn description(ctx: &Ctx, facets: &[FacetView], total: i64) -> String {
    let chosen: Vec<String> = facets
        .iter()
        .flat_map(|f| {
            f.options
                .iter()
                .filter(|o| o.active)
                .map(move |o| format!("{}: {}", f.label, o.label))
        })
        .collect();
    if chosen.is_empty() {
        return ctx.t.count("sites-description", total);
    }
    ctx.t.count_with(
        "sites-description-filtered",
        total,
        &[("filters", &chosen.join(", "))],
    )
}

/// An option's label in the page's language, and the language it is in: kinds and statuses
/// from the catalogue, conflicts from it where it has them, countries' and dates' names from
/// their translations.
fn option_label(ctx: &Ctx, facet: Facet, o: &FacetOption) -> Result<(String, Lang), PageError> {
    let t = ctx.t;
    Ok(match facet {
        Facet::Kind => (t.term("kind", &o.value), ctx.lang),
        Facet::Status => (t.term("status", &o.value), ctx.lang),
        Facet::Conflict => t.conflict(&o.value),
        Facet::Country | Facet::Date => {
            let kind = if facet == Facet::Country {
                EntryKind::Country
            } else {
                EntryKind::Date
            };
            match ctx.db.name_in(kind, &o.value, ctx.lang)? {
                Some(name) => (name.to_string(), ctx.lang),
                None => (o.label.clone(), Lang::En),
            }
        }
    })
}

/// Every facet with its options, each linking to the list with that option chosen.
fn facet_views(
    ctx: &Ctx,
    facets: &[(Facet, Vec<FacetOption>)],
    query: &SiteQuery,
) -> Result<Vec<FacetView>, PageError> {
    let mut out = Vec::new();
    for (facet, options) in facets {
        let active = query.value(*facet);
        let mut views = Vec::new();
        for o in options {
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
            let (label, lang) = option_label(ctx, *facet, o)?;
            views.push(OptionView {
                label,
                lang,
                count: o.count,
                url: ctx.t.path(list_url(&next, query.sort, 1)),
                active: is_active,
            });
        }
        out.push(FacetView {
            param: facet.param(),
            label: ctx.t.t(&format!("facet-{}", facet.param())),
            options: views,
        });
    }
    Ok(out)
}

pub async fn show(ctx: Ctx, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let mut site = ctx.db.site(&slug)?.ok_or(PageError::NotFound)?;
    let translation = ctx.db.localize_site(ctx.lang, &mut site)?;
    let languages = ctx.db.languages(EntryKind::Site, &site.summary.slug)?;
    let country_url = urls::country(&site.summary.country);
    let base = &ctx.state.config.base_url;
    let mut layout = ctx
        .layout(
            &site_title(&site.summary.title, &site.summary.locality),
            &site.summary.description,
            urls::site(&site.summary.slug),
        )
        .section("sites")
        .crumbs(&[("nav-home", "/"), ("nav-sites", "/sites/")])
        .crumb(&site.summary.country_name, &country_url)
        .article()
        .untranslated(languages)
        .stale(translation.and_then(|t| t.stale_since));
    let fallback = layout.fallback;
    layout = layout.with_structured(seo::site(&site, base, ctx.lang, fallback));
    layout.og_image = site
        .images
        .first()
        .map(|i| format!("{base}/static/{}", i.file));
    let correction_url = ctx.correction_url(&site.file);
    let mut neighbours = match (site.latitude, site.longitude) {
        (Some(lat), Some(lon)) => ctx.db.nearest(&site.summary.slug, lat, lon, 5)?,
        _ => Vec::new(),
    };
    let mut summaries: Vec<_> = neighbours.iter().map(|(l, _)| l.site.clone()).collect();
    ctx.db.localize_sites(ctx.lang, &mut summaries)?;
    for ((l, _), s) in neighbours.iter_mut().zip(summaries) {
        l.site = s;
    }
    let located: Vec<_> = neighbours.iter().map(|(l, _)| l.clone()).collect();
    let map = crate::web::map::locator(ctx.t, &site, &located)?;
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
