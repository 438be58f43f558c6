//! When each content file last changed, from git, for the sitemap's `lastmod` where an entry has
//! no `updated` date. Outside a git repository (or without git) there is no such date.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;

/// The date of the last commit that touched each file under `content_dir`, keyed by the path
/// relative to the content folder's parent (as errors and the database name files).
pub fn last_commit_dates(content_dir: &Path) -> HashMap<PathBuf, NaiveDate> {
    dates_of(content_dir, None)
}

/// [`last_commit_dates`] of some files only (named as errors name them), for live preview,
/// which reads again only the files that changed.
pub fn last_commit_dates_of(content_dir: &Path, files: &[PathBuf]) -> HashMap<PathBuf, NaiveDate> {
    if files.is_empty() {
        return HashMap::new();
    }
    dates_of(content_dir, Some(files))
}

fn dates_of(content_dir: &Path, files: Option<&[PathBuf]>) -> HashMap<PathBuf, NaiveDate> {
    let mut out = HashMap::new();
    let Some(top) = git(content_dir, &["rev-parse", "--show-toplevel"]) else {
        return out;
    };
    let top = PathBuf::from(top.trim());
    let Ok(abs_content) = content_dir.canonicalize() else {
        return out;
    };
    let Ok(top) = top.canonicalize() else {
        return out;
    };
    let display_base = abs_content.parent().unwrap_or(&abs_content).to_path_buf();
    let mut args: Vec<String> = [
        "log",
        "--format=%x00%cs",
        "--name-only",
        "--no-renames",
        "--",
    ]
    .map(String::from)
    .to_vec();
    match files {
        None => args.push(".".into()),
        Some(files) => args.extend(
            files
                .iter()
                .map(|f| display_base.join(f).to_string_lossy().into_owned()),
        ),
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // One pass over the history, newest first: the first date seen for a file is its last change.
    let Some(log) = git(content_dir, &args) else {
        return out;
    };
    let mut date = None;
    for line in log.lines() {
        if let Some(d) = line.strip_prefix('\0') {
            date = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
        } else if !line.is_empty()
            && let Some(d) = date
        {
            let abs = top.join(line);
            if let Ok(rel) = abs.strip_prefix(&display_base) {
                out.entry(rel.to_path_buf()).or_insert(d);
            }
        }
    }
    out
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
