//! Checks across files: slugs, references to countries and dates, aliases.

use std::collections::{HashMap, HashSet};

use super::error::{ContentError, did_you_mean};
use super::model::{Content, Located};
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

pub fn cross_references(content: &Content, errors: &mut Vec<ContentError>) {
    let countries: HashMap<&str, &str> = content
        .countries
        .iter()
        .map(|c| (c.code.as_str(), c.name.as_str()))
        .collect();
    let dates: HashSet<&str> = content.dates.iter().map(|d| d.slug.as_str()).collect();

    let unknown_country = |file: &std::path::Path, field: &str, code: &Located<String>| {
        // Suggest by code, or by a country's name when that was written instead of its code.
        let by_name = countries
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(&code.value))
            .map(|(c, _)| format!("did you mean `{c}`?"));
        let hint = by_name.or_else(|| did_you_mean(&code.value, countries.keys().copied()));
        ContentError::new(
            file,
            format!(
                "unknown country `{}`: there is no file content/countries/{}.md",
                code.value, code.value
            ),
        )
        .at(code.line, code.column)
        .field(field)
        .hint(hint)
    };

    for site in &content.sites {
        if !countries.contains_key(site.country.value.as_str()) {
            errors.push(unknown_country(&site.file, "country", &site.country));
        }
        for d in &site.commemorations {
            if !dates.contains(d.value.as_str()) {
                let hint = did_you_mean(&d.value, dates.iter().copied());
                errors.push(
                    ContentError::new(
                        &site.file,
                        format!(
                            "unknown date `{}`: there is no file content/dates/{}.md",
                            d.value, d.value
                        ),
                    )
                    .at(d.line, d.column)
                    .field("commemorations")
                    .hint(hint),
                );
            }
        }
    }
    for date in &content.dates {
        for c in &date.countries {
            if !countries.contains_key(c.value.as_str()) {
                errors.push(unknown_country(&date.file, "countries", c));
            }
        }
    }

    // Pages take top-level addresses: none may shadow a route of the site.
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

    // Every address an entry answers on, so that an alias can be checked against all of them.
    let mut addresses: HashSet<String> = HashSet::new();
    addresses.insert("/".into());
    for seg in urls::RESERVED_SEGMENTS {
        addresses.insert(format!("/{seg}/"));
    }
    addresses.extend(content.sites.iter().map(|s| urls::site(&s.slug)));
    addresses.extend(content.countries.iter().map(|c| urls::country(&c.code)));
    addresses.extend(content.dates.iter().map(|d| urls::date(&d.slug)));
    addresses.extend(content.pages.iter().map(|p| urls::page(&p.slug)));

    // Each alias with every place it is written, so that a clash is reported in every file.
    let mut uses: HashMap<&str, Vec<(&std::path::Path, &Located<String>)>> = HashMap::new();
    for site in &content.sites {
        for a in &site.aliases {
            if addresses.contains(&a.value) {
                errors.push(
                    ContentError::new(&site.file, format!("the alias `{}` is the address of a page that exists: an alias must be an old address that nothing else answers on", a.value))
                        .at(a.line, a.column)
                        .field("aliases"),
                );
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
            errors.push(
                ContentError::new(*file, format!("the alias `{alias}` is also an alias in {others}: each old address can lead to one entry only"))
                    .at(a.line, a.column)
                    .field("aliases"),
            );
        }
    }
}
