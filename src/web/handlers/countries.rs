use actix_web::{HttpResponse, web};

use super::html;
use crate::db::read::EntryKind;
use crate::i18n::collate;
use crate::text::truncate_words;
use crate::urls;
use crate::web::views::{
    CountriesPage, CountryItem, CountryPage, DateEntry, LIST_LIMIT, group_by_locality, items,
};
use crate::web::{Ctx, PageError};

pub async fn list(ctx: Ctx) -> Result<HttpResponse, PageError> {
    let mut countries = ctx.db.countries()?;
    ctx.db.localize_countries(ctx.lang, &mut countries, false)?;
    countries.sort_by(|a, b| collate::compare(ctx.lang, &a.name, &b.name));
    let t = ctx.t;
    let page = CountriesPage {
        layout: ctx
            .layout(
                &t.t("countries-title"),
                &t.t("countries-description"),
                "/countries/".into(),
            )
            .section("countries")
            .crumbs(&[("nav-home", "/")]),
        countries: items(countries, CountryItem),
    };
    html(&page)
}

pub async fn show(ctx: Ctx, code: web::Path<String>) -> Result<HttpResponse, PageError> {
    let mut country = ctx.db.country(&code)?.ok_or(PageError::NotFound)?;
    let translation =
        ctx.db
            .localize_countries(ctx.lang, std::slice::from_mut(&mut country), true)?;
    let languages = ctx.db.languages(EntryKind::Country, &country.code)?;
    let mut sites = ctx.db.country_sites(&country.code, LIST_LIMIT)?;
    ctx.db.localize_sites(ctx.lang, &mut sites)?;
    let mut dates = Vec::new();
    for d in ctx.db.dates_in(ctx.lang)? {
        if d.countries.iter().any(|(c, _)| *c == country.code) {
            dates.push(DateEntry(d));
        }
    }
    let t = ctx.t;
    let description = match &translation {
        Some(tr) if !tr.body_html.is_empty() => tr.description.clone(),
        None if ctx.lang.is_english() && !country.body_text.is_empty() => {
            truncate_words(&country.body_text, 200)
        }
        _ => t.with(
            "country-description",
            &[
                ("country", &country.name),
                ("sites", &t.count("sites-count", country.site_count)),
            ],
        ),
    };
    let page = CountryPage {
        layout: ctx
            .layout(
                &t.with("country-title", &[("country", &country.name)]),
                &description,
                urls::country(&country.code),
            )
            .section("countries")
            .crumbs(&[("nav-home", "/"), ("nav-countries", "/countries/")])
            .alternate(
                "text/calendar",
                &t.with("calendar-of-country", &[("country", &country.name)]),
                &t.path(format!("/countries/{}/dates.ics", country.code)),
            )
            .untranslated(languages)
            .stale(translation.and_then(|t| t.stale_since)),
        correction_url: ctx.correction_url(&country.file),
        map: crate::web::map::country(t, &ctx.db, &country.code, &country.name)?,
        groups: group_by_locality(sites, ctx.lang),
        dates,
        country,
    };
    html(&page)
}
