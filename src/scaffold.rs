//! `memorial-atlas new`: a new content file with every field of the format, the optional ones
//! commented out, each with a one-line hint.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::urls;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Site,
    Country,
    Date,
    Page,
}

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error(
        "`{0}` cannot be a slug: use lower-case ASCII letters, digits and single hyphens, such as pyongyang-liberation-monument"
    )]
    BadSlug(String),
    #[error(
        "`{0}` is not a country code: use the ISO 3166-1 alpha-2 code in lower case, such as kp"
    )]
    BadCode(String),
    #[error("`{0}` is an address the site uses itself; choose another slug for the page")]
    Reserved(String),
    #[error("{0} already exists: edit it, or choose another slug (nothing was overwritten)")]
    Exists(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Escapes a value for a TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn template(
    kind: Kind,
    slug: &str,
    title: Option<&str>,
    country: Option<&str>,
    today: chrono::NaiveDate,
) -> String {
    let title = quote(title.unwrap_or(""));
    match kind {
        Kind::Site => format!(
            r#"+++
# Required: fill in every value in quotes. `memorial-atlas check` says what is missing.
title = {title}              # the site's name in English
country = {country}          # a country code with a file in content/countries/, such as "kp"
locality = ""              # city, town or district
kind = "monument"          # monument, cemetery, grave, memorial-complex, museum, plaque, street or park
status = "extant"          # extant, destroyed, dismantled, planned, under-construction, restoration-planned or unknown

# Optional: remove the # at the start of a line to use it.
# region = ""                          # province, oblast or state
# honours = ""                         # whom the site commemorates, in one line
# conflicts = ["Second World War"]     # the wars it concerns
# established = "1947"                 # when it was opened: "1947", "1947-08" or "1947-08-15"
# removed = "1976"                     # when it was dismantled or destroyed, where known
# coordinates = [39.0392, 125.7625]    # [latitude, longitude] in decimal degrees, only from a source
# commemorations = ["victory-day"]     # dates with a file in content/dates/
# names = {{ ru = "", ko = "" }}         # the name in other languages, by language tag
# burials = {{ total = 0, known = 0, unknown = 0, military = 0 }}   # figures as a source gives them
# caretaker = ""                       # who looks after the site
# visiting = ""                        # whether and how the public can visit
# wikidata = "Q0"                      # the site's Wikidata item
# osm = "way/0"                        # the site's OpenStreetMap object: node/N, way/N or relation/N
# summary = ""                         # one or two sentences, at most 300 characters
updated = {today}                      # the day you last checked the entry against its sources
# draft = true                         # checked but not published until removed
# aliases = ["/sites/old-name/"]       # earlier addresses of this page

[[sources]]                            # at least one; repeat the block for each source
title = ""                             # required: the title of the article, book or document
# publisher = ""
# url = "https://"
# date = "2025-04-24"                  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"

# [[images]]                           # optional; repeat for each image
# file = "images/{slug}.jpg"           # a file under static/
# alt = ""                             # required: what the image shows, for people who cannot see it
# caption = ""
# credit = ""
# license = ""
+++

Write what the site is and what its sources say about it, in your own words.
"#,
            country = quote(country.unwrap_or("")),
        ),
        Kind::Country => format!(
            r#"+++
name = {title}                # required: the short English name, such as "North Korea"
# official_name = ""          # the official name
# names = {{ ko = "" }}         # the name in other languages, by language tag
+++

Introduce the memorials of this country (optional).
"#
        ),
        Kind::Date => format!(
            r#"+++
title = {title}               # required: the date's name, such as "Victory Day"
month = 1                     # required: 1 to 12
day = 1                       # required: a real day of that month
# countries = ["ru"]          # country codes where the date is observed
# names = {{ ru = "" }}         # the name in other languages, by language tag
# since = 1945                # the year it was first observed
+++

Say what the date marks and how it is observed at memorial sites.
"#
        ),
        Kind::Page => format!(
            r#"+++
title = {title}               # required
# summary = ""                # one or two sentences for search engines
# draft = true                # checked but not published until removed
+++

The text of the page.
"#
        ),
    }
}

/// Writes the new file under `content_dir` and returns its path. Never overwrites.
pub fn create(
    content_dir: &Path,
    kind: Kind,
    slug: &str,
    title: Option<&str>,
    country: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<PathBuf, ScaffoldError> {
    let folder = match kind {
        Kind::Site => "sites",
        Kind::Country => "countries",
        Kind::Date => "dates",
        Kind::Page => "pages",
    };
    if kind == Kind::Country {
        if slug.len() != 2 || !slug.chars().all(|c| c.is_ascii_lowercase()) {
            return Err(ScaffoldError::BadCode(slug.into()));
        }
    } else if !urls::is_slug(slug) {
        return Err(ScaffoldError::BadSlug(slug.into()));
    }
    if kind == Kind::Page && urls::RESERVED_SEGMENTS.contains(&slug) {
        return Err(ScaffoldError::Reserved(slug.into()));
    }
    let dir = content_dir.join(folder);
    std::fs::create_dir_all(&dir).map_err(|source| ScaffoldError::Io {
        path: dir.clone(),
        source,
    })?;
    let path = dir.join(format!("{slug}.md"));
    // `create_new` refuses an existing file atomically, even if two editors race.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                ScaffoldError::Exists(path.clone())
            } else {
                ScaffoldError::Io {
                    path: path.clone(),
                    source,
                }
            }
        })?;
    file.write_all(template(kind, slug, title, country, today).as_bytes())
        .map_err(|source| ScaffoldError::Io {
            path: path.clone(),
            source,
        })?;
    Ok(path)
}
