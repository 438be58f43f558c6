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
    #[error(
        "`{0}` is not a language the atlas is translated into: use ru, ko or zh (English is the original's language)"
    )]
    BadLang(String),
    #[error(
        "{0} does not exist: a translation starts from its original; create the original first (memorial-atlas new ... without --lang)"
    )]
    NoOriginal(PathBuf),
    #[error("{0}")]
    Original(Box<crate::content::ContentError>),
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

fn folder(kind: Kind) -> &'static str {
    match kind {
        Kind::Site => "sites",
        Kind::Country => "countries",
        Kind::Date => "dates",
        Kind::Page => "pages",
    }
}

fn content_kind(kind: Kind) -> crate::content::Kind {
    match kind {
        Kind::Site => crate::content::Kind::Site,
        Kind::Country => crate::content::Kind::Country,
        Kind::Date => crate::content::Kind::Date,
        Kind::Page => crate::content::Kind::Page,
    }
}

/// Creates `path` and writes `text` into it; never overwrites.
fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| ScaffoldError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    // `create_new` refuses an existing file atomically, even if two editors race.
    let io = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            ScaffoldError::Exists(path.to_path_buf())
        } else {
            ScaffoldError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io)?;
    file.write_all(text.as_bytes()).map_err(io)
}

/// The text of a new translation of `original` (its whole text) into `lang`: each word the
/// format lets a translation have, with the original's value as a comment above an empty one,
/// and the original's body as an HTML comment (which the site never shows) to translate from.
pub fn translation_template(
    kind: Kind,
    original: &str,
    original_path: &Path,
    lang: crate::lang::Lang,
    today: chrono::NaiveDate,
) -> Result<String, ScaffoldError> {
    let src = crate::content::source::SourceFile::from_bytes(
        original.as_bytes().to_vec(),
        original_path,
        original_path.to_path_buf(),
    )
    .map_err(ScaffoldError::Original)?;
    let table: toml::Table = toml::from_str(src.front_matter()).unwrap_or_default();
    let mut out = format!(
        "+++\n# The {} ({}) translation of {}: its words only. The facts stay in the original,\n# which every language shares. Translate each value below the original's (shown as a comment);\n# leave a line out to show the English words there.\n",
        lang.name(),
        lang.code(),
        original_path.display()
    );
    let ckind = content_kind(kind);
    for field in crate::content::translation::allowed(ckind) {
        field_lines(&mut out, &table, field, today);
    }
    out.push_str("+++\n\n");
    let body = src.body().trim();
    if !body.is_empty() {
        out.push_str("<!-- The original's text, to translate; this comment is never shown. Cite the\n     original's sources by the same [^id]. -->\n<!--\n");
        out.push_str(&body.replace("-->", "-- >"));
        out.push_str("\n-->\n");
    }
    Ok(out)
}

/// The lines of one translatable field, from the original's value.
fn field_lines(out: &mut String, table: &toml::Table, field: &str, today: chrono::NaiveDate) {
    use std::fmt::Write as _;
    match field {
        "updated" => {
            let _ = writeln!(
                out,
                "updated = {today}          # the day you checked this translation against its original"
            );
        }
        "draft" => out.push_str("# draft = true                 # not on the public site yet\n"),
        "event_notes" => {
            let notes: Vec<String> = table
                .get("events")
                .and_then(|e| e.as_array())
                .map(|events| {
                    events
                        .iter()
                        .map(|e| {
                            e.get("note")
                                .and_then(|n| n.as_str())
                                .unwrap_or("")
                                .to_string()
                        })
                        .collect()
                })
                .unwrap_or_default();
            if !notes.is_empty() {
                out.push_str(
                    "# event_notes: each event's note, in the order of the original's [[events]]\n",
                );
                for n in &notes {
                    let _ = writeln!(out, "#   {}", quote(n));
                }
                let empty = vec!["\"\""; notes.len()].join(", ");
                let _ = writeln!(out, "event_notes = [{empty}]");
            }
        }
        "images" => {
            let count = table
                .get("images")
                .and_then(|i| i.as_array())
                .map_or(0, Vec::len);
            for i in 0..count {
                let image = &table["images"][i];
                for key in ["alt", "caption"] {
                    if let Some(v) = image.get(key).and_then(|v| v.as_str()) {
                        let _ = writeln!(out, "# images[{}].{key}: {}", i + 1, quote(v));
                    }
                }
                out.push_str("[[images]]\nalt = \"\"\ncaption = \"\"\n");
            }
        }
        _ => {
            let Some(value) = table.get(field).and_then(|v| v.as_str()) else {
                return;
            };
            let _ = writeln!(out, "# {field}: {}", quote(value));
            let _ = writeln!(out, "{field} = \"\"");
        }
    }
}

/// Writes a new translation of the entry `slug` into `lang` beside its original, and returns
/// its path. Never overwrites.
pub fn create_translation(
    content_dir: &Path,
    kind: Kind,
    slug: &str,
    lang: &str,
    today: chrono::NaiveDate,
) -> Result<PathBuf, ScaffoldError> {
    let lang = crate::lang::Lang::from_code(lang)
        .filter(|l| !l.is_english())
        .ok_or_else(|| ScaffoldError::BadLang(lang.to_string()))?;
    let dir = content_dir.join(folder(kind));
    let original_path = dir.join(format!("{slug}.md"));
    let original = std::fs::read_to_string(&original_path)
        .map_err(|_| ScaffoldError::NoOriginal(original_path.clone()))?;
    let text = translation_template(kind, &original, &original_path, lang, today)?;
    let path = dir.join(format!("{slug}.{}.md", lang.code()));
    write_new(&path, &text)?;
    Ok(path)
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
