//! Checks across files: slugs, references to countries and dates, aliases.

// Fx hashing: the checks run over every entry after each save of live preview.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use super::error::{ContentError, did_you_mean};
use super::model::{Content, Positioned};
use super::source::SourceFile;
use crate::urls;

/// A file's slug must be usable as an address; a country's must be an ISO 3166-1 alpha-2 code.
pub fn slug_ok(src: &SourceFile, is_country: bool, errors: &mut Vec<ContentError>) -> bool {
    if is_country {
        if src.slug.len() != 2 || !src.slug.chars().all(|c| c.is_ascii_lowercase()) {
            errors.push(ContentError::new(
                &src.display_path,
                format!("`{}` is not a country code: name the file with the ISO 3166-1 alpha-2 code in lower case, such as kp.md", src.slug),
            ));
            return false;
        }
    } else if !urls::is_slug(&src.slug) {
        errors.push(ContentError::new(
            &src.display_path,
            format!("`{}` cannot be a slug: use lower-case ASCII letters, digits and single hyphens in the file name, such as pyongyang-liberation-monument.md", src.slug),
        ));
        return false;
    }
    true
}

/// Every check that needs more than one file: references to countries and dates, page slugs,
/// and aliases.
pub fn cross_references(content: &Content, errors: &mut Vec<ContentError>) {
    references(content, errors);
    page_slugs(content, errors);
    aliases(content, errors);
}

/// Each country and date a site or date names must have its own file.
fn references(content: &Content, errors: &mut Vec<ContentError>) {
    let countries: HashMap<&str, &str> = content
        .countries
        .iter()
        .map(|c| (c.code.as_str(), c.name.as_str()))
        .collect();
    let dates: HashSet<&str> = content.dates.iter().map(|d| d.slug.as_str()).collect();
    let mut country = |file: &Path, field: &str, code: &Positioned<String>| {
        if !countries.contains_key(code.value.as_str()) {
            errors.push(unknown_country(&countries, file, field, code));
        }
    };
    for site in &content.sites {
        country(&site.file, "country", &site.country);
    }
    for date in &content.dates {
        for c in &date.countries {
            country(&date.file, "countries", c);
        }
    }
    for site in &content.sites {
        for d in &site.commemorations {
            if !dates.contains(d.value.as_str()) {
                let hint = did_you_mean(&d.value, dates.iter().copied());
                let msg = format!(
                    "unknown date `{}`: there is no file content/dates/{}.md",
                    d.value, d.value
                );
                errors.push(at(&site.file, d, "commemorations", msg).hint(hint));
            }
        }
    }
}

fn unknown_country(
    countries: &HashMap<&str, &str>,
    file: &Path,
    field: &str,
    code: &Positioned<String>,
) -> ContentError {
    // Suggest by code, or by a country's name when that was written instead of its code.
    let by_name = countries
        .iter()
        .find(|(_, name)| name.eq_ignore_ascii_case(&code.value))
        .map(|(c, _)| format!("did you mean `{c}`?"));
    let hint = by_name.or_else(|| did_you_mean(&code.value, countries.keys().copied()));
    let msg = format!(
        "unknown country `{}`: there is no file content/countries/{}.md",
        code.value, code.value
    );
    at(file, code, field, msg).hint(hint)
}

/// An error about a value written at a known place.
fn at<T>(file: &Path, value: &Positioned<T>, field: &str, msg: String) -> ContentError {
    ContentError::new(file, msg)
        .at(value.line, value.column)
        .field(field)
}

/// Pages take top-level addresses: none may shadow a route of the site.
fn page_slugs(content: &Content, errors: &mut Vec<ContentError>) {
    for page in &content.pages {
        if urls::RESERVED_SEGMENTS.contains(&page.slug.as_str()) {
            errors.push(ContentError::new(
                &page.file,
                format!(
                    "the page slug `{}` is an address the site uses itself (/{}/): rename the file",
                    page.slug, page.slug
                ),
            ));
        }
    }
}

/// Every address an entry answers on, so that an alias can be checked against all of them: the
/// entries' keys by kind, looked up by taking an address apart (not 100,000 addresses made to
/// check a few aliases).
struct Addresses<'c> {
    sites: HashSet<&'c str>,
    countries: HashSet<&'c str>,
    dates: HashSet<&'c str>,
    pages: HashSet<&'c str>,
}

impl<'c> Addresses<'c> {
    fn of(content: &'c Content) -> Self {
        Addresses {
            sites: content.sites.iter().map(|s| s.slug.as_str()).collect(),
            countries: content.countries.iter().map(|c| c.code.as_str()).collect(),
            dates: content.dates.iter().map(|d| d.slug.as_str()).collect(),
            pages: content.pages.iter().map(|p| p.slug.as_str()).collect(),
        }
    }

    fn contains(&self, address: &str) -> bool {
        if address == "/" {
            return true;
        }
        let Some(inner) = address.strip_prefix('/').and_then(|a| a.strip_suffix('/')) else {
            return false;
        };
        match inner.split_once('/') {
            Some(("sites", slug)) => self.sites.contains(slug) && urls::site(slug) == address,
            Some(("countries", code)) => {
                self.countries.contains(code) && urls::country(code) == address
            }
            Some(("dates", slug)) => self.dates.contains(slug) && urls::date(slug) == address,
            Some(_) => false,
            None => urls::RESERVED_SEGMENTS.contains(&inner) || self.pages.contains(inner),
        }
    }
}

/// An alias must be an address nothing else answers on, and lead to one entry only.
fn aliases(content: &Content, errors: &mut Vec<ContentError>) {
    // Most sites have no alias: the entries' keys are gathered only when one has.
    let addresses = std::cell::OnceCell::new();
    let addresses = || addresses.get_or_init(|| Addresses::of(content));
    // Each alias with every place it is written, so that a clash is reported in every file.
    let mut uses: HashMap<&str, Vec<(&Path, &Positioned<String>)>> = HashMap::default();
    for site in &content.sites {
        for a in &site.aliases {
            if addresses().contains(&a.value) {
                let msg = format!(
                    "the alias `{}` is the address of a page that exists: an alias must be an old address that nothing else answers on",
                    a.value
                );
                errors.push(at(&site.file, a, "aliases", msg));
            } else {
                uses.entry(a.value.as_str())
                    .or_default()
                    .push((&site.file, a));
            }
        }
    }
    for (alias, places) in uses.into_iter().filter(|(_, p)| p.len() > 1) {
        for (file, a) in &places {
            let others: Vec<String> = places
                .iter()
                .filter(|(f, _)| f != file)
                .map(|(f, _)| f.display().to_string())
                .collect();
            let others = if others.is_empty() {
                "this file".to_string()
            } else {
                others.join(", ")
            };
            let msg = format!(
                "the alias `{alias}` is also an alias in {others}: each old address can lead to one entry only"
            );
            errors.push(at(file, a, "aliases", msg));
        }
    }
}
