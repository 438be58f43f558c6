//! Structured data (schema.org JSON-LD) for search engines and reusers.

use serde_json::{Value, json};

use super::site_name::SITE_NAME;
use crate::db::read::{DateRow, Name, SiteDetail};
use crate::i18n::I18n;
use crate::lang::Lang;
use crate::urls;

/// JSON that can sit inside `<script type="application/ld+json">` whatever an entry holds:
/// `<`, `>` and `&` become `\u003c`, `\u003e` and `\u0026`, so `</script>` can never close the
/// element, and the text stays valid JSON that decodes to the same strings.
pub fn script_json(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The `BreadcrumbList` of a page below the home page: the trail of (name, path) pairs above it,
/// then the page itself.
pub fn breadcrumbs(
    base_url: &str,
    trail: &[(String, String)],
    heading: &str,
    path: Option<&str>,
) -> Option<Value> {
    let path = path?;
    if path == "/" || trail.is_empty() {
        return None;
    }
    let item = |position: usize, name: &str, path: &str| json!({"@type": "ListItem", "position": position, "name": name, "item": format!("{base_url}{path}")});
    let mut items: Vec<Value> = trail
        .iter()
        .enumerate()
        .map(|(i, (name, href))| item(i + 1, name, href))
        .collect();
    items.push(item(items.len() + 1, heading, path));
    Some(
        json!({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}),
    )
}

/// `alternateName`: an entry's names in other languages, if it has any.
fn alternate_names(v: &mut Value, names: &[Name]) {
    if !names.is_empty() {
        v["alternateName"] = json!(names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>());
    }
}

/// `WebSite` with a `SearchAction`, for the home page of each language.
pub fn website(base_url: &str, t: &I18n) -> Value {
    let home = t.path("/");
    let search = t.path("/search");
    json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": t.t("site-name"),
        "alternateName": SITE_NAME,
        "inLanguage": t.tag(),
        "url": format!("{base_url}{home}"),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": format!("{base_url}{search}?q={{search_term_string}}")},
            "query-input": "required name=search_term_string",
        },
    })
}

/// A site as `Cemetery` (burial grounds) or `LandmarksOrHistoricalBuildings` (everything else),
/// with its names in `lang` where translated (`inLanguage` says which). A page that shows the
/// English words of an untranslated entry describes the English page.
pub fn site(site: &SiteDetail, base_url: &str, lang: Lang, fallback: bool) -> Value {
    let s = &site.summary;
    let page_lang = if fallback { Lang::En } else { lang };
    let url = format!("{base_url}{}", page_lang.path(&urls::site(&s.slug)));
    let kind = if matches!(s.kind.as_str(), "cemetery" | "grave") {
        "Cemetery"
    } else {
        "LandmarksOrHistoricalBuildings"
    };
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": kind,
        "@id": url,
        "url": url,
        "name": s.title,
        "description": s.description,
        "inLanguage": s.lang.tag(),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": s.locality,
            "addressCountry": s.country.to_uppercase(),
        },
    });
    if let Some(r) = &s.region {
        v["address"]["addressRegion"] = json!(r);
    }
    alternate_names(&mut v, &site.names);
    // A town's centre is not the site's position: `geo` only where the position is the site's own.
    if let (Some(lat), Some(lon), false) = (
        site.latitude,
        site.longitude,
        site.precision.is_approximate(),
    ) {
        v["geo"] = json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon});
    }
    if !site.images.is_empty() {
        v["image"] = json!(
            site.images
                .iter()
                .map(|i| format!("{base_url}/static/{}", i.file))
                .collect::<Vec<_>>()
        );
    }
    let same_as: Vec<String> = site
        .facts
        .wikidata
        .as_deref()
        .map(urls::wikidata)
        .into_iter()
        .chain(site.facts.osm.as_deref().map(urls::osm_object))
        .collect();
    if !same_as.is_empty() {
        v["sameAs"] = json!(same_as);
    }
    v
}

/// A commemoration date as a yearly `Event`, from its next occurrence (`start_date`, ISO 8601),
/// named in the page's language where translated.
pub fn date(
    date: &DateRow,
    start_date: &str,
    description: &str,
    base_url: &str,
    fallback: bool,
) -> Value {
    let page_lang = if fallback { Lang::En } else { date.date.lang };
    let url = format!("{base_url}{}", page_lang.path(&urls::date(&date.date.slug)));
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": date.date.title,
        "description": description,
        "inLanguage": date.date.lang.tag(),
        "startDate": start_date,
        "eventSchedule": {
            "@type": "Schedule",
            "repeatFrequency": "P1Y",
            "byMonth": date.date.month,
            "byMonthDay": date.date.day,
        },
    });
    alternate_names(&mut v, &date.names);
    if !date.countries.is_empty() {
        v["location"] = json!(date
            .countries
            .iter()
            .map(|(code, name)| json!({"@type": "Country", "name": name, "identifier": code.to_uppercase()}))
            .collect::<Vec<_>>());
    }
    v
}
