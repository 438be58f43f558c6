//! The site's address scheme, shared by the content checks (aliases, page slugs) and the routes.

/// First path segments the site itself uses; a page slug must not take one of them.
pub const RESERVED_SEGMENTS: &[&str] = &[
    "sites",
    "countries",
    "dates",
    "static",
    "search",
    "map",
    "data",
    "on-this-day",
    "feed.xml",
    "dates.ics",
    "sitemap.xml",
    "robots.txt",
    "favicon.ico",
    "healthz",
    "api",
    "admin",
];

pub fn site(slug: &str) -> String {
    format!("/sites/{slug}/")
}

pub fn country(code: &str) -> String {
    format!("/countries/{code}/")
}

pub fn date(slug: &str) -> String {
    format!("/dates/{slug}/")
}

pub fn page(slug: &str) -> String {
    format!("/{slug}/")
}

/// An OpenStreetMap object (`way/123`) on openstreetmap.org.
pub fn osm_object(object: &str) -> String {
    format!("https://www.openstreetmap.org/{object}")
}

/// A Wikidata item (`Q123`) on wikidata.org.
pub fn wikidata(item: &str) -> String {
    format!("https://www.wikidata.org/wiki/{item}")
}

/// Whether a slug is lower-case ASCII letters, digits and single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}
