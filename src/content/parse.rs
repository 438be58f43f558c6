//! One file's front matter and body to a typed entry. Every mistake in the file is collected.

use std::path::Path;

use toml::de::DeTable;

use super::error::ContentError;
use super::fields::Fields;
use super::markdown;
use super::model::*;
use super::source::SourceFile;

const SITE_FIELDS: &[&str] = &[
    "title",
    "country",
    "locality",
    "region",
    "kind",
    "status",
    "honours",
    "conflicts",
    "established",
    "removed",
    "coordinates",
    "commemorations",
    "names",
    "burials",
    "caretaker",
    "visiting",
    "wikidata",
    "osm",
    "summary",
    "updated",
    "draft",
    "aliases",
    "sources",
    "images",
];
const SOURCE_FIELDS: &[&str] = &["title", "publisher", "url", "date"];
const IMAGE_FIELDS: &[&str] = &["file", "alt", "caption", "credit", "license"];
const BURIAL_FIELDS: &[&str] = &["total", "known", "unknown", "military"];
const COUNTRY_FIELDS: &[&str] = &["name", "official_name", "names"];
const DATE_FIELDS: &[&str] = &["title", "month", "day", "countries", "names", "since"];
const PAGE_FIELDS: &[&str] = &["title", "summary", "draft"];

/// Parses the TOML of a file, or reports its syntax error with line and column.
fn parse_toml<'a>(src: &'a SourceFile, errors: &mut Vec<ContentError>) -> Option<DeTable<'a>> {
    match DeTable::parse(src.front_matter()) {
        Ok(t) => Some(t.into_inner()),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let msg = e.message().trim().to_string();
            errors.push(src.error_at(offset, format!("the front matter is not valid TOML: {msg}")));
            None
        }
    }
}

pub fn site(src: &SourceFile, static_dir: &Path, errors: &mut Vec<ContentError>) -> Option<Site> {
    let table = parse_toml(src, errors)?;
    let before = errors.len();
    let mut f = Fields::new(src, &table, None, String::new(), SITE_FIELDS, errors);

    let title = f.req_string("title", "the site's name in English");
    let country = located_string(&mut f, "country", "a country code such as kp");
    let locality = f.req_string("locality", "city, town or district");
    let region = f.opt_string("region");
    let kind = f.one_of("kind", SITE_KINDS, true);
    let status = f.one_of("status", SITE_STATUSES, true);
    let honours = f.opt_string("honours");
    let conflicts = f
        .string_list("conflicts")
        .into_iter()
        .map(|l| l.value)
        .collect();
    let established = f.opt_partial_date("established");
    let removed = f.opt_partial_date("removed");
    let coordinates = f.coordinates("coordinates");
    let commemorations = f.string_list("commemorations");
    let names = f.lang_table("names");
    let burials = burials(&mut f);
    let caretaker = f.opt_string("caretaker");
    let visiting = f.opt_string("visiting");
    let wikidata = f.opt_string("wikidata");
    if let Some(w) = &wikidata
        && !(w.len() > 1 && w.starts_with('Q') && w[1..].chars().all(|c| c.is_ascii_digit()))
    {
        let off = f.get("wikidata").map_or(0, |v| v.span().start);
        f.report(
            off,
            "wikidata",
            format!("`{w}` is not a Wikidata item: expected Q followed by digits, such as Q12345"),
        );
    }
    let osm = f.opt_string("osm");
    if let Some(o) = &osm {
        let ok = o.split_once('/').is_some_and(|(t, n)| {
            matches!(t, "node" | "way" | "relation")
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
        });
        if !ok {
            let off = f.get("osm").map_or(0, |v| v.span().start);
            f.report(
                off,
                "osm",
                format!(
                    "`{o}` is not an OpenStreetMap object: expected node/N, way/N or relation/N"
                ),
            );
        }
    }
    let summary = f.opt_string_max("summary", 300);
    let updated = f.opt_day("updated");
    let draft = f.opt_bool("draft").unwrap_or(false);
    let aliases = f.string_list("aliases");
    for a in &aliases {
        if !(a.value.starts_with('/') && a.value.ends_with('/'))
            || a.value.contains("//")
            || a.value.contains(char::is_whitespace)
        {
            let e = ContentError::new(&src.display_path, format!("`{}` is not a path of this site: an alias starts and ends with `/`, such as /sites/old-name/", a.value))
                .at(a.line, a.column)
                .field("aliases");
            f.errors.push(e);
        }
    }

    let source_tables = f.tables("sources");
    if f.get("sources").is_none() {
        f.missing("sources", "at least one [[sources]] entry with a title");
    } else if source_tables.is_empty() && f.get("sources").is_some_and(|v| v.get_ref().is_array()) {
        let off = f.get("sources").map_or(0, |v| v.span().start);
        f.report(
            off,
            "sources",
            "needs at least one [[sources]] entry with a title",
        );
    }
    let mut sources = Vec::new();
    for (i, (t, off)) in source_tables.into_iter().enumerate() {
        let mut s = f.nested(t, off, format!("sources[{}].", i + 1), SOURCE_FIELDS);
        let title = s.req_string("title", "the title of the article, book or document");
        let publisher = s.opt_string("publisher");
        let url = s.opt_string("url");
        if let Some(u) = &url
            && !is_http_url(u)
        {
            let off = s.get("url").map_or(0, |v| v.span().start);
            s.report(
                off,
                "url",
                format!(
                    "`{u}` is not a web address: expected one starting with http:// or https://"
                ),
            );
        }
        let date = s.opt_partial_date("date");
        if let Some(title) = title {
            sources.push(Source {
                title,
                publisher,
                url,
                date,
            });
        }
    }

    let mut images = Vec::new();
    for (i, (t, off)) in f.tables("images").into_iter().enumerate() {
        let mut im = f.nested(t, off, format!("images[{}].", i + 1), IMAGE_FIELDS);
        let file = im.req_string("file", "a path under static/, such as images/x.jpg");
        let alt = im.req_string(
            "alt",
            "a text that describes the image for people who cannot see it",
        );
        let caption = im.opt_string("caption");
        let credit = im.opt_string("credit");
        let license = im.opt_string("license");
        let (mut width, mut height) = (None, None);
        if let Some(file) = &file {
            let path = static_dir.join(file);
            let safe =
                !file.starts_with('/') && !file.split('/').any(|p| p == ".." || p.is_empty());
            if !safe || !path.is_file() {
                let off = im.get("file").map_or(0, |v| v.span().start);
                im.report(
                    off,
                    "file",
                    format!("image file `{}` does not exist", path.display()),
                );
            } else if let Ok(size) = imagesize::size(&path) {
                width = u32::try_from(size.width).ok();
                height = u32::try_from(size.height).ok();
            }
        }
        if let (Some(file), Some(alt)) = (file, alt) {
            images.push(Image {
                file,
                alt,
                caption,
                credit,
                license,
                width,
                height,
            });
        }
    }

    let body = BodyRef {
        path: src.path.clone(),
        display_path: src.display_path.clone(),
    };
    if errors.len() > before {
        return None;
    }
    Some(Site {
        slug: src.slug.clone(),
        file: src.display_path.clone(),
        title: title?,
        country: country?,
        locality: locality?,
        region,
        kind: kind?,
        status: status?,
        honours,
        conflicts,
        established,
        removed,
        coordinates,
        commemorations,
        names,
        burials,
        caretaker,
        visiting,
        wikidata,
        osm,
        summary,
        updated,
        draft,
        aliases,
        sources,
        images,
        body,
    })
}

fn located_string(f: &mut Fields, name: &str, what: &str) -> Option<Located<String>> {
    let value = f.req_string(name, what)?;
    let off = f.get(name).map_or(0, |v| v.span().start);
    let (line, column) = f.locate(off);
    Some(Located {
        value,
        line,
        column,
    })
}

fn burials(f: &mut Fields) -> Burials {
    let Some((t, off)) = f.table("burials") else {
        return Burials::default();
    };
    let mut b = f.nested(t, off, "burials.".into(), BURIAL_FIELDS);
    let max = i64::from(u32::MAX);
    Burials {
        total: b.opt_int("total", 0, max),
        known: b.opt_int("known", 0, max),
        unknown: b.opt_int("unknown", 0, max),
        military: b.opt_int("military", 0, max),
    }
}

fn is_http_url(u: &str) -> bool {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

pub fn country(src: &SourceFile, errors: &mut Vec<ContentError>) -> Option<Country> {
    let table = parse_toml(src, errors)?;
    let before = errors.len();
    let mut f = Fields::new(src, &table, None, String::new(), COUNTRY_FIELDS, errors);
    let name = f.req_string("name", "the short English name, such as North Korea");
    let official_name = f.opt_string("official_name");
    let names = f.lang_table("names");
    let body = markdown::render(src.body());
    if errors.len() > before {
        return None;
    }
    Some(Country {
        code: src.slug.clone(),
        file: src.display_path.clone(),
        name: name?,
        official_name,
        names,
        body,
    })
}

pub fn date(src: &SourceFile, errors: &mut Vec<ContentError>) -> Option<CommemorationDate> {
    let table = parse_toml(src, errors)?;
    let before = errors.len();
    let mut f = Fields::new(src, &table, None, String::new(), DATE_FIELDS, errors);
    let title = f.req_string("title", "the date's name, such as Victory Day");
    let month = f.req_int("month", 1, 12);
    let day = f.req_int("day", 1, 31);
    if let (Some(m), Some(d)) = (month, day)
        && chrono::NaiveDate::from_ymd_opt(2000, m as u32, d as u32).is_none()
    {
        let off = f.get("day").map_or(0, |v| v.span().start);
        f.report(
            off,
            "day",
            format!("{} has no day {d}", month_name(m as u32)),
        );
    }
    let countries = f.string_list("countries");
    let names = f.lang_table("names");
    let since = f.opt_int("since", 1, 9999).map(|y| y as i32);
    let body = markdown::render(src.body());
    if errors.len() > before {
        return None;
    }
    Some(CommemorationDate {
        slug: src.slug.clone(),
        file: src.display_path.clone(),
        title: title?,
        month: month? as u32,
        day: day? as u32,
        countries,
        names,
        since,
        body,
    })
}

pub fn page(src: &SourceFile, errors: &mut Vec<ContentError>) -> Option<Page> {
    let table = parse_toml(src, errors)?;
    let before = errors.len();
    let mut f = Fields::new(src, &table, None, String::new(), PAGE_FIELDS, errors);
    let title = f.req_string("title", "the page's title");
    let summary = f.opt_string_max("summary", 300);
    let draft = f.opt_bool("draft").unwrap_or(false);
    let body = markdown::render(src.body());
    if errors.len() > before {
        return None;
    }
    Some(Page {
        slug: src.slug.clone(),
        file: src.display_path.clone(),
        title: title?,
        summary,
        draft,
        body,
    })
}
