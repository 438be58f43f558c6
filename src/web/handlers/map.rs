use actix_web::HttpResponse;

use super::html;
use crate::db::places::SiteWithCoordinates;
use crate::i18n::I18n;
use crate::web::map::{Caption, View, regions, render};
use crate::web::views::{MapPage, RegionMap, place_anchor, places};
use crate::web::{Ctx, PageError};

/// At most this many maps of regions; more regions share one map.
const MAX_REGION_MAPS: usize = 4;

pub async fn world(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let t = ctx.t;
    let mut sites = ctx.db.located_sites(None, crate::web::map::MAX_MARKERS)?;
    crate::web::map::localize(t, &ctx.db, &mut sites)?;
    let total = ctx.db.counts()?.sites;
    let located = ctx.db.located_count()?;
    let shown = i64::try_from(sites.len()).unwrap_or(i64::MAX);
    let summaries = sites.iter().map(|l| l.site.clone()).collect();
    let maps = region_maps(t, sites)?;
    let page = MapPage {
        layout: ctx
            .layout(&t.t("nav-map"), &t.t("map-description"), "/map/".into())
            .section("map")
            .crumbs(&[("nav-home", "/")]),
        maps,
        located,
        shown,
        places: places(summaries, ctx.lang),
        total,
    };
    html(&page)
}

/// A map for each region of sites, each framing its own sites; the world where none is located.
fn region_maps(t: I18n, sites: Vec<SiteWithCoordinates>) -> Result<Vec<RegionMap>, PageError> {
    let link =
        |m: &SiteWithCoordinates| format!("#{}", place_anchor(&m.site.country, &m.site.locality));
    let mut regions = regions(sites);
    // Sites spread over many regions share one map that frames them all: a map per region would
    // outweigh the page.
    if regions.len() > MAX_REGION_MAPS {
        regions = vec![regions.into_iter().flatten().collect()];
    }
    if regions.is_empty() {
        let label = t.t("map-world-empty");
        let caption = Caption { t, label: &label };
        let svg = render(caption, &View::world(), false, None, &[], None, &link)?;
        return Ok(vec![RegionMap {
            caption: String::new(),
            svg,
        }]);
    }
    let mut maps = Vec::new();
    for region in regions {
        let mut countries: Vec<&str> = Vec::new();
        for s in &region {
            if !countries.contains(&s.site.country_name.as_str()) {
                countries.push(&s.site.country_name);
            }
        }
        let caption = t.count_with(
            "map-caption-sites",
            region.len() as i64,
            &[("countries", &and_list(t, &countries))],
        );
        let label = t.with("map-of", &[("caption", &caption)]);
        let view = View::framing(&region);
        // Detailed outlines for a region; the coarse ones where the frame spans a hemisphere.
        let detailed = view.max_lon - view.min_lon < 90.0;
        let words = Caption { t, label: &label };
        let svg = render(words, &view, detailed, None, &region, None, &link)?;
        maps.push(RegionMap { caption, svg });
    }
    Ok(maps)
}

/// "Russia", "North Korea and China", "A, B and C", in the page's language.
fn and_list(t: I18n, items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => t.with("list-and", &[("rest", &rest.join(", ")), ("last", last)]),
    }
}
