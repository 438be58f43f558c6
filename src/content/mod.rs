//! The content pipeline's first half: read every file under `content/`, check it against the
//! editors' format, and return typed entries or every error found.

pub mod check;
pub mod error;
pub mod fields;
pub mod history;
pub mod markdown;
pub mod model;
pub mod parse;
pub mod source;

use std::path::{Path, PathBuf};

pub use error::{ContentError, ErrorReport};
pub use model::Content;
use source::SourceFile;

/// The four folders of a content tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Sites,
    Countries,
    Dates,
    Pages,
}

impl Section {
    const ALL: [Section; 4] = [
        Section::Sites,
        Section::Countries,
        Section::Dates,
        Section::Pages,
    ];

    fn folder(self) -> &'static str {
        match self {
            Section::Sites => "sites",
            Section::Countries => "countries",
            Section::Dates => "dates",
            Section::Pages => "pages",
        }
    }
}

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
    for section in Section::ALL {
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
    let static_dir = static_dir_for(content_dir);
    let mut errors = Vec::new();
    let mut content = Content::default();
    let display_base = content_dir.parent().unwrap_or(Path::new(""));

    if !content_dir.is_dir() {
        errors.push(ContentError::new(
            content_dir,
            "the content folder does not exist: create it, or point --content at the right folder",
        ));
        return Err(ErrorReport { errors });
    }

    for section in Section::ALL {
        let dir = content_dir.join(section.folder());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let display = path
                .strip_prefix(display_base)
                .unwrap_or(&path)
                .to_path_buf();
            if path.is_dir()
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
            let src = match SourceFile::read(&path, display.clone()) {
                Ok(s) => s,
                Err(e) => {
                    errors.push(*e);
                    continue;
                }
            };
            if !check::slug_ok(&src, section == Section::Countries, &mut errors) {
                continue;
            }
            match section {
                Section::Sites => content
                    .sites
                    .extend(parse::site(&src, &static_dir, &mut errors)),
                Section::Countries => content.countries.extend(parse::country(&src, &mut errors)),
                Section::Dates => content.dates.extend(parse::date(&src, &mut errors)),
                Section::Pages => content.pages.extend(parse::page(&src, &mut errors)),
            }
        }
    }

    check::cross_references(&content, &mut errors);
    if errors.is_empty() {
        content.last_commit = history::last_commit_dates(content_dir);
        Ok(content)
    } else {
        let mut report = ErrorReport { errors };
        report.sort();
        Err(report)
    }
}
