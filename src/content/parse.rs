//! One file's front matter to a typed entry. Every mistake in the file is collected.
//!
//! Each entry is built in one struct literal whose fields are read where they are written: the
//! reads declare the known fields (see [`Fields`]), so a new field is one line here and one in
//! the model (a site's new fact: one line in its `SiteFacts`).

use std::path::Path;

use toml::de::DeTable;

use super::error::ContentError;
use super::fields::Fields;
use super::model::*;
use super::site_refs;
use super::source::SourceFile;

/// Parses the TOML of a file, or reports its syntax error with line and column.
fn parse_toml<'a>(src: &'a SourceFile, errors: &mut Vec<ContentError>) -> Option<DeTable<'a>> {
    match DeTable::parse(src.front_matter()) {
        Ok(t) => Some(t.into_inner()),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let mut msg = e.message().trim().to_string();
            // The parser says "duplicate key" without the key: it is where the error points.
            if msg == "duplicate key" {
                let key = key_at(src.front_matter(), offset);
                msg = format!(
                    "duplicate key `{key}`: each field is written once; remove one of them"
                );
            }
            errors.push(src.error_at(offset, format!("the front matter is not valid TOML: {msg}")));
            None
        }
    }
}

/// The key written at `offset`: a bare key, or a quoted one with its quotes.
fn key_at(text: &str, offset: usize) -> &str {
    let rest = text.get(offset..).unwrap_or_default();
    let end = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map_or(rest.len(), |i| i + 2),
        _ => rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len()),
    };
    &rest[..end]
}

/// Reads one file's front matter with `read`, then reports its unknown fields. The entry is kept
/// only if the file has no error: `read` may fill a field it could not read with a default.
pub(super) fn entry<T>(
    src: &SourceFile,
    errors: &mut Vec<ContentError>,
    read: impl FnOnce(&mut Fields) -> T,
) -> Option<T> {
    let table = parse_toml(src, errors)?;
    let before = errors.len();
    let mut f = Fields::new(src, &table, None, String::new(), errors);
    let entry = read(&mut f);
    f.finish();
    (errors.len() == before).then_some(entry)
}

/// The body's place, rendered later by `content::render`.
fn markdown_file(src: &SourceFile) -> MarkdownFile {
    MarkdownFile {
        path: src.path.clone(),
        display_path: src.display_path.clone(),
        source_ids: Vec::new(),
    }
}

pub fn site(
    src: &SourceFile,
    static_dir: &Path,
    warn: super::Warnings,
    errors: &mut Vec<ContentError>,
) -> Option<Site> {
    entry(src, errors, |f| {
        // Fields are read, and so listed to editors as the known fields, in the format's own
        // order, in which facts and the fields lists filter on take turns: hence the `let`s.
        let title = f.req_string("title", "the site's name in English");
        let country = f.req_positioned("country", "a country code such as kp");
        let locality = f.req_string("locality", "city, town or district");
        let region = f.opt_string("region");
        let kind = f.one_of("kind", SITE_KINDS, true).unwrap_or_default();
        let status = f.one_of("status", SITE_STATUSES, true).unwrap_or_default();
        let honours = f.opt_string("honours");
        let conflicts = f.string_list("conflicts");
        let established = f.opt_partial_date("established");
        let removed = f.opt_partial_date("removed");
        let coordinates = f.coordinates("coordinates");
        let precision = f.one_of("coordinates_precision", Precision::NAMES, false);
        let coordinates_source = f.opt_positioned("coordinates_source");
        let commemorations = f.string_list("commemorations");
        let names = f.lang_table("names");
        let facts = facts(f, honours, removed, coordinates_source.as_ref());
        let (updated, draft, aliases) = (f.opt_day("updated"), f.opt_bool("draft"), aliases(f));
        let (sources, ids) = sources(f);
        let events = site_refs::events(f);
        let claims = site_refs::Claims {
            established,
            removed,
            status,
        };
        let source = coordinates_source.as_ref();
        let warnings = site_refs::check(f, &ids, &events, source, &claims, warn);
        position_fields(
            f,
            coordinates.is_some(),
            precision,
            coordinates_source.as_ref(),
        );
        Site {
            slug: src.slug.clone(),
            file: src.display_path.clone(),
            title: title.unwrap_or_default(),
            country: country.unwrap_or_default(),
            locality: locality.unwrap_or_default(),
            region,
            kind,
            status,
            conflicts: conflicts.into_iter().map(|l| l.value).collect(),
            established,
            coordinates,
            precision: precision.map_or(Precision::Exact, Precision::from_stored),
            commemorations,
            names,
            facts: SiteFacts {
                events: events.into_iter().map(|e| e.event).collect(),
                ..facts
            },
            updated,
            draft: draft.unwrap_or(false),
            aliases,
            sources,
            images: images(f, static_dir),
            warnings,
            body: markdown_file(src),
        }
    })
    .map(|mut site| {
        site.body.source_ids = site.sources.iter().map(|s| s.id.clone()).collect();
        site
    })
}

/// The facts read in the format's order; `events` are added once the sources are read.
fn facts(
    f: &mut Fields,
    honours: Option<String>,
    removed: Option<PartialDate>,
    coordinates_source: Option<&Positioned<String>>,
) -> SiteFacts {
    SiteFacts {
        honours,
        removed,
        burials: burials(f),
        caretaker: f.opt_string("caretaker"),
        visiting: f.opt_string("visiting"),
        wikidata: f.opt_string_where("wikidata", is_wikidata_item, |w| {
            format!("`{w}` is not a Wikidata item: expected Q followed by digits, such as Q12345")
        }),
        osm: f.opt_string_where("osm", is_osm_object, |o| {
            format!("`{o}` is not an OpenStreetMap object: expected node/N, way/N or relation/N")
        }),
        summary: f.opt_string_max("summary", 300),
        coordinates_source: coordinates_source.map(|c| c.value.clone()),
        events: Vec::new(),
    }
}

/// `coordinates_precision` and `coordinates_source` say something about `coordinates` only.
fn position_fields(
    f: &mut Fields,
    has_coordinates: bool,
    precision: Option<&str>,
    source: Option<&Positioned<String>>,
) {
    if has_coordinates {
        return;
    }
    for (name, given) in [
        ("coordinates_precision", precision.is_some()),
        ("coordinates_source", source.is_some()),
    ] {
        if given {
            let at = f.offset(name);
            f.report(at, name, "says something about `coordinates`, which this file does not have: add them or remove this field");
        }
    }
}

fn is_wikidata_item(w: &str) -> bool {
    w.len() > 1 && w.starts_with('Q') && w[1..].chars().all(|c| c.is_ascii_digit())
}

fn is_osm_object(o: &str) -> bool {
    o.split_once('/').is_some_and(|(t, n)| {
        matches!(t, "node" | "way" | "relation")
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
    })
}

fn aliases(f: &mut Fields) -> Vec<Positioned<String>> {
    let aliases = f.string_list("aliases");
    for a in &aliases {
        if !(a.value.starts_with('/') && a.value.ends_with('/'))
            || a.value.contains("//")
            || a.value.contains(char::is_whitespace)
        {
            f.report_positioned(a, "aliases", format!("`{}` is not a path of this site: an alias starts and ends with `/`, such as /sites/old-name/", a.value));
        }
    }
    aliases
}

fn burials(f: &mut Fields) -> Burials {
    let Some((t, off)) = f.table("burials") else {
        return Burials::default();
    };
    let mut b = f.nested(t, off, "burials.".into());
    let max = i64::from(u32::MAX);
    let burials = Burials {
        total: b.opt_int("total", 0, max),
        known: b.opt_int("known", 0, max),
        unknown: b.opt_int("unknown", 0, max),
        military: b.opt_int("military", 0, max),
    };
    b.finish();
    burials
}

/// A source's `id`, with where it is written.
fn source_id(s: &mut Fields) -> Option<Positioned<String>> {
    let id = s.opt_positioned("id")?;
    if is_source_id(&id.value) {
        return Some(id);
    }
    let msg = format!(
        "`{}` cannot be a source id: use lower-case letters, digits and hyphens, such as embassy-2019",
        id.value
    );
    s.report_positioned(&id, "id", msg);
    None
}

/// The `[[sources]]` entries (at least one is required), and where each one's `id` is written.
fn sources(f: &mut Fields) -> (Vec<Source>, Vec<site_refs::SourceAt>) {
    let tables = f.tables("sources");
    match f.get("sources") {
        None => f.missing("sources", "at least one [[sources]] entry with a title"),
        Some(v) if tables.is_empty() && v.get_ref().is_array() => f.report(
            v.span().start,
            "sources",
            "needs at least one [[sources]] entry with a title",
        ),
        Some(_) => {}
    }
    let mut sources = Vec::new();
    let mut ids = Vec::new();
    for (i, (t, off)) in tables.into_iter().enumerate() {
        let (line, column) = f.locate(off);
        let mut s = f.nested(t, off, format!("sources[{}].", i + 1));
        let title = s
            .req_string("title", "the title of the article, book or document")
            .unwrap_or_default();
        let id = source_id(&mut s);
        let source = Source {
            id: id.as_ref().map(|p| p.value.clone()),
            title,
            publisher: s.opt_string("publisher"),
            url: s.opt_string_where("url", is_http_url, |u| {
                format!(
                    "`{u}` is not a web address: expected one starting with http:// or https://"
                )
            }),
            date: s.opt_partial_date("date"),
        };
        s.finish();
        sources.push(source);
        ids.push(site_refs::SourceAt { id, line, column });
    }
    (sources, ids)
}

/// Lower-case ASCII letters, digits and hyphens, as a footnote label and an HTML id can hold.
pub fn is_source_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_http_url(u: &str) -> bool {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// The `[[images]]` entries, each checked to exist under `static_dir` and measured.
fn images(f: &mut Fields, static_dir: &Path) -> Vec<Image> {
    let mut images = Vec::new();
    for (i, (t, off)) in f.tables("images").into_iter().enumerate() {
        let mut im = f.nested(t, off, format!("images[{}].", i + 1));
        let file = im
            .req_string("file", "a path under static/, such as images/x.jpg")
            .unwrap_or_default();
        let alt = im.req_string(
            "alt",
            "a text that describes the image for people who cannot see it",
        );
        let (caption, credit, license) = (
            im.opt_string("caption"),
            im.opt_string("credit"),
            im.opt_string("license"),
        );
        // An empty `file` has been reported already.
        let (width, height) = if file.is_empty() {
            (None, None)
        } else {
            image_size(&mut im, static_dir, &file)
        };
        im.finish();
        images.push(Image {
            file,
            alt: alt.unwrap_or_default(),
            caption,
            credit,
            license,
            width,
            height,
        });
    }
    images
}

/// The width and height of an image file under `static_dir`; reports a file that is not there.
fn image_size(im: &mut Fields, static_dir: &Path, file: &str) -> (Option<u32>, Option<u32>) {
    let path = static_dir.join(file);
    let safe = !file.starts_with('/') && !file.split('/').any(|p| p == ".." || p.is_empty());
    if !safe || !path.is_file() {
        let off = im.offset("file");
        im.report(
            off,
            "file",
            format!("image file `{}` does not exist", path.display()),
        );
        return (None, None);
    }
    match imagesize::size(&path) {
        Ok(s) => (u32::try_from(s.width).ok(), u32::try_from(s.height).ok()),
        Err(_) => (None, None),
    }
}

pub fn country(src: &SourceFile, errors: &mut Vec<ContentError>) -> Option<Country> {
    entry(src, errors, |f| Country {
        code: src.slug.clone(),
        file: src.display_path.clone(),
        name: f
            .req_string("name", "the short English name, such as North Korea")
            .unwrap_or_default(),
        official_name: f.opt_string("official_name"),
        names: f.lang_table("names"),
        body: markdown_file(src),
    })
}

pub fn date(src: &SourceFile, errors: &mut Vec<ContentError>) -> Option<CommemorationDate> {
    entry(src, errors, |f| {
        let title = f
            .req_string("title", "the date's name, such as Victory Day")
            .unwrap_or_default();
        let (month, day) = month_and_day(f);
        CommemorationDate {
            slug: src.slug.clone(),
            file: src.display_path.clone(),
            title,
            month,
            day,
            countries: f.string_list("countries"),
            names: f.lang_table("names"),
            since: f.opt_int("since", 1, 9999).map(|y| y as i32),
            body: markdown_file(src),
        }
    })
}

/// A date's `month` and `day`, which together must name a day of the calendar (29 February too).
fn month_and_day(f: &mut Fields) -> (u32, u32) {
    let month = f.req_int("month", 1, 12);
    let day = f.req_int("day", 1, 31);
    let (Some(m), Some(d)) = (month, day) else {
        return (0, 0);
    };
    // Ranges are checked above, so both fit in a u32.
    let (m, d) = (m as u32, d as u32);
    if chrono::NaiveDate::from_ymd_opt(2000, m, d).is_none() {
        let off = f.offset("day");
        f.report(off, "day", format!("{} has no day {d}", month_name(m)));
    }
    (m, d)
}

pub fn page(src: &SourceFile, errors: &mut Vec<ContentError>) -> Option<Page> {
    entry(src, errors, |f| Page {
        slug: src.slug.clone(),
        file: src.display_path.clone(),
        title: f
            .req_string("title", "the page's title")
            .unwrap_or_default(),
        summary: f.opt_string_max("summary", 300),
        draft: f.opt_bool("draft").unwrap_or(false),
        body: markdown_file(src),
    })
}
