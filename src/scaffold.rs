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
    #[error("cannot fill in the template of the new file: {0}")]
    Template(#[from] askama::Error),
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

/// A new site: every field of the format, the optional ones commented out.
#[derive(askama::Template)]
#[template(path = "new_site.md", escape = "none")]
struct NewSite<'a> {
    title: &'a str,
    country: &'a str,
    slug: &'a str,
    today: chrono::NaiveDate,
}

#[derive(askama::Template)]
#[template(path = "new_country.md", escape = "none")]
struct NewCountry<'a> {
    title: &'a str,
}

#[derive(askama::Template)]
#[template(path = "new_date.md", escape = "none")]
struct NewDate<'a> {
    title: &'a str,
}

#[derive(askama::Template)]
#[template(path = "new_page.md", escape = "none")]
struct NewPage<'a> {
    title: &'a str,
}

/// The text of a new file of `kind`: the templates `templates/new_*.md`, one line a field, with
/// the values given filled in as TOML strings.
pub fn template(
    kind: Kind,
    slug: &str,
    title: Option<&str>,
    country: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<String, askama::Error> {
    use askama::Template;
    let title = &quote(title.unwrap_or(""));
    let text = match kind {
        Kind::Site => NewSite {
            title,
            country: &quote(country.unwrap_or("")),
            slug,
            today,
        }
        .render(),
        Kind::Country => NewCountry { title }.render(),
        Kind::Date => NewDate { title }.render(),
        Kind::Page => NewPage { title }.render(),
    }?;
    // Askama, like Jinja, drops the last newline of a template file; a text file ends with one.
    Ok(text + "\n")
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
    let text = template(kind, slug, title, country, today)?;
    file.write_all(text.as_bytes())
        .map_err(|source| ScaffoldError::Io {
            path: path.clone(),
            source,
        })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_in_quoted_values_and_end_with_one_newline() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid test date");
        let site =
            template(Kind::Site, "x-y", Some("A \"B\""), Some("kp"), today).expect("site template");
        assert!(site.contains("title = \"A \\\"B\\\"\"              # the site's name"));
        assert!(site.contains("country = \"kp\"          # a country code"));
        assert!(site.contains("updated = 2026-11-23 "));
        assert!(site.contains("# file = \"images/x-y.jpg\""));
        assert!(site.contains("# names = { ru = \"\", ko = \"\" }"));
        for kind in [Kind::Site, Kind::Country, Kind::Date, Kind::Page] {
            let text = template(kind, "x", None, None, today).expect("template");
            assert!(text.starts_with("+++\n"), "{text}");
            assert!(text.ends_with(".\n") && !text.ends_with("\n\n"), "{text:?}");
        }
    }
}
