//! The content pipeline's first half: read every file under `content/`, check it against the
//! editors' format, and return typed entries or every error found.

pub mod check;
pub mod error;
pub mod fields;
pub mod history;
pub mod live;
pub mod markdown;
pub mod model;
pub mod parse;
pub mod site_refs;
pub mod source;
pub mod translation;

use std::path::{Path, PathBuf};

pub use error::{ContentError, ErrorReport};
pub use markdown::render;
pub use model::{Content, Kind};
use rayon::prelude::*;
use source::SourceFile;

/// The `static/` folder that belongs to a content folder: its sibling.
pub fn static_dir_for(content_dir: &Path) -> PathBuf {
    let parent = content_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.join("static")
}

/// Every Markdown file of the content tree, for change detection.
pub fn files(content_dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for section in Kind::ALL {
        if let Ok(entries) = std::fs::read_dir(content_dir.join(section.folder())) {
            for entry in entries.flatten() {
                let p = entry.path();
                if p.extension().is_some_and(|e| e == "md") {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    out
}

/// Reads and checks the whole content folder. Either every file passes every check, or the
/// report names each mistake.
pub fn load(content_dir: &Path) -> Result<Content, ErrorReport> {
    load_with(content_dir, Warnings::Collect)
}

/// Whether a load gathers warnings (`check` shows them) or skips them (a build has no use for
/// them, and at 100,000 sites they cost it tens of megabytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warnings {
    Collect,
    Skip,
}

/// [`load`], gathering warnings or not.
pub fn load_with(content_dir: &Path, warnings: Warnings) -> Result<Content, ErrorReport> {
    let static_dir = static_dir_for(content_dir);
    let mut errors = Vec::new();
    let mut content = Content::default();
    let display_base = content_dir.parent().unwrap_or(Path::new(""));

    if !content_dir.is_dir() {
        errors.push(ContentError::new(
            content_dir,
            "the content folder does not exist: create it, or point --content at the right folder",
        ));
        return Err(ErrorReport {
            errors,
            warnings: Vec::new(),
        });
    }

    for section in Kind::ALL {
        let paths = markdown_files(
            &content_dir.join(section.folder()),
            display_base,
            &mut errors,
        );
        let (paths, translations): (Vec<_>, Vec<_>) = paths
            .into_iter()
            .partition(|(p, _)| translation::split_name(p).1.is_none());
        content
            .translations
            .extend(read_translations(&translations, section, &mut errors));
        let is_country = section == Kind::Country;
        match section {
            Kind::Site => {
                content.sites = read_all(&paths, is_country, &mut errors, |src, e| {
                    parse::site(src, &static_dir, warnings, e)
                })
            }
            Kind::Country => {
                content.countries = read_all(&paths, is_country, &mut errors, parse::country)
            }
            Kind::Date => content.dates = read_all(&paths, is_country, &mut errors, parse::date),
            Kind::Page => content.pages = read_all(&paths, is_country, &mut errors, parse::page),
        }
    }

    check::cross_references(&content, &mut errors);
    translation::check_against_originals(&mut content, None, &mut errors);
    // Taken, not appended: each site's emptied list would keep its memory through the build.
    for site in &mut content.sites {
        content.warnings.extend(std::mem::take(&mut site.warnings));
    }
    if errors.is_empty() {
        content.last_commit = history::last_commit_dates(content_dir);
        Ok(content)
    } else {
        let mut report = ErrorReport {
            errors,
            warnings: std::mem::take(&mut content.warnings),
        };
        report.sort();
        Err(report)
    }
}

/// The Markdown files of one folder, each with the path errors call it by, sorted; any other
/// file is an error. Hidden files and folders are passed over; a missing folder is empty.
fn markdown_files(
    dir: &Path,
    display_base: &Path,
    errors: &mut Vec<ContentError>,
) -> Vec<(PathBuf, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<(PathBuf, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let display = path
            .strip_prefix(display_base)
            .unwrap_or(&path)
            .to_path_buf();
        if entry.file_type().is_ok_and(|t| t.is_dir())
            || path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.extension().is_none_or(|e| e != "md") {
            errors.push(ContentError::new(
                &display,
                "only Markdown files ending in .md belong here: rename or move this file",
            ));
            continue;
        }
        paths.push((path, display));
    }
    paths.sort();
    paths
}

/// One file's entry, read and checked on its own (live preview re-reads only what changed).
/// Few are held at once, so a site is not boxed to make the others smaller.
#[allow(clippy::large_enum_variant)]
pub enum Entry {
    Site(model::Site),
    Country(model::Country),
    Date(model::CommemorationDate),
    Page(model::Page),
    Translation(model::Translation),
}

/// Reads one file of `kind`'s folder as [`load_with`] reads it, without the checks across
/// files; every error found is added to `found`.
pub fn read_one(
    path: &Path,
    display: PathBuf,
    kind: Kind,
    static_dir: &Path,
    found: &mut Vec<ContentError>,
) -> Option<Entry> {
    let src = match SourceFile::read(path, display) {
        Ok(src) => src,
        Err(e) => {
            found.push(*e);
            return None;
        }
    };
    if translation::split_name(&src.path).1.is_some() {
        return read_translation(&src, kind, found).map(Entry::Translation);
    }
    if !check::slug_ok(&src, kind == Kind::Country, found) {
        return None;
    }
    match kind {
        Kind::Site => parse::site(&src, static_dir, Warnings::Skip, found).map(Entry::Site),
        Kind::Country => parse::country(&src, found).map(Entry::Country),
        Kind::Date => parse::date(&src, found).map(Entry::Date),
        Kind::Page => parse::page(&src, found).map(Entry::Page),
    }
}

/// Reads and checks one folder's translations on every core, in the order of `paths`.
fn read_translations(
    paths: &[(PathBuf, PathBuf)],
    kind: Kind,
    errors: &mut Vec<ContentError>,
) -> Vec<model::Translation> {
    read_each(paths, errors, |src, found| {
        read_translation(src, kind, found)
    })
}

/// One translation of `kind`, its language taken from its name.
fn read_translation(
    src: &SourceFile,
    kind: Kind,
    found: &mut Vec<ContentError>,
) -> Option<model::Translation> {
    let (key, suffix) = translation::split_name(&src.path);
    match translation::language(&src.display_path, suffix.as_deref().unwrap_or("")) {
        Ok(lang) => translation::parse(src, kind, lang, &key, found),
        Err(e) => {
            found.push(*e);
            None
        }
    }
}

/// Reads, checks and parses one folder's files on every core. Entries keep the order of
/// `paths`; every error found is added to `errors`.
fn read_all<T: Send>(
    paths: &[(PathBuf, PathBuf)],
    is_country: bool,
    errors: &mut Vec<ContentError>,
    parse: impl Fn(&SourceFile, &mut Vec<ContentError>) -> Option<T> + Sync,
) -> Vec<T> {
    read_each(paths, errors, |src, found| {
        check::slug_ok(src, is_country, found)
            .then(|| parse(src, found))
            .flatten()
    })
}

/// Reads each file on every core and hands it to `parse`; the entries in the order of
/// `paths`, and every error found added to `errors`.
fn read_each<T: Send>(
    paths: &[(PathBuf, PathBuf)],
    errors: &mut Vec<ContentError>,
    parse: impl Fn(&SourceFile, &mut Vec<ContentError>) -> Option<T> + Sync,
) -> Vec<T> {
    // Two lists, not one of pairs: the entries' list then becomes the result in place (an
    // `Option<T>` is the size of a `T`), instead of a second copy of 100,000 sites beside it.
    let (found, entries): (Vec<Vec<ContentError>>, Vec<Option<T>>) = paths
        .par_iter()
        .map(|(path, display)| {
            let mut found = Vec::new();
            let entry = match SourceFile::read(path, display.clone()) {
                Ok(src) => parse(&src, &mut found),
                Err(e) => {
                    found.push(*e);
                    None
                }
            };
            (found, entry)
        })
        .unzip();
    errors.extend(found.into_iter().flatten());
    entries.into_iter().flatten().collect()
}
