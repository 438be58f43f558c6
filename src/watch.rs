//! Live preview: rebuild the database when content, templates or static files change, swap it in
//! atomically, and keep serving the last good version (with the errors shown) when a change is bad.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::content;
use crate::db;
use crate::web::SharedState;

/// How long the folders must be quiet before a rebuild: an editor's save often writes twice.
const DEBOUNCE: Duration = Duration::from_millis(200);

#[derive(Debug, thiserror::Error)]
#[error("cannot watch {path} for changes: {source}")]
pub struct WatchError {
    path: PathBuf,
    source: notify_debouncer_mini::notify::Error,
}

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watch {
    _debouncer: Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>,
}

/// Starts watching `content_dir` and, where they exist, `extra` folders (templates, static).
pub fn start(
    content_dir: &Path,
    extra: &[PathBuf],
    db_path: &Path,
    shared: Arc<SharedState>,
) -> Result<Watch, WatchError> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, tx).map_err(|source| WatchError {
        path: content_dir.to_path_buf(),
        source,
    })?;
    for dir in std::iter::once(&content_dir.to_path_buf())
        .chain(extra.iter())
        .filter(|d| d.is_dir())
    {
        debouncer
            .watcher()
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|source| WatchError {
                path: dir.clone(),
                source,
            })?;
    }
    let watched = content_dir.to_path_buf();
    let content_dir = content_dir.to_path_buf();
    let db_path = db_path.to_path_buf();
    let mut dirs = vec![content_dir.clone()];
    dirs.extend(extra.iter().cloned());
    // Reading the files to rebuild raises events of its own; only a real change of a file's
    // size or modification time (or a file added or removed) leads to a rebuild.
    let mut last = snapshot(&dirs);
    rebuild(&content_dir, &db_path, &shared);
    std::thread::Builder::new()
        .name("watch".into())
        .spawn(move || {
            for events in rx {
                let Ok(events) = events else { continue };
                if events.iter().all(|e| is_editor_scratch(&e.path)) {
                    continue;
                }
                let now = snapshot(&dirs);
                if now != last {
                    last = now;
                    rebuild(&content_dir, &db_path, &shared);
                }
            }
        })
        .map_err(|e| WatchError {
            path: watched,
            source: notify_debouncer_mini::notify::Error::io(e),
        })?;
    Ok(Watch {
        _debouncer: debouncer,
    })
}

type Snapshot = Vec<(PathBuf, Option<std::time::SystemTime>, u64)>;

/// Every file below `dirs` with its modification time and size.
fn snapshot(dirs: &[PathBuf]) -> Snapshot {
    fn walk(dir: &Path, out: &mut Snapshot) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.metadata() {
                Ok(m) if m.is_dir() => walk(&path, out),
                Ok(m) => out.push((path, m.modified().ok(), m.len())),
                Err(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for d in dirs {
        walk(d, &mut out);
    }
    out.sort();
    out
}

/// Editors' swap and backup files (`.x.md.swp`, `x.md~`, `#x.md#`) are not content.
fn is_editor_scratch(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#') || name.ends_with(".swp")
}

/// Rebuilds once; on success the workers switch to the new database at their next request.
pub fn rebuild(content_dir: &Path, db_path: &Path, shared: &SharedState) {
    match content::load(content_dir) {
        Ok(c) => match db::build(&c, db_path) {
            Ok(stats) => {
                shared.set_build_errors(None);
                shared.database_replaced();
                say(format_args!(
                    "rebuilt: {} sites, {} countries, {} dates, {} pages in {:.2} s",
                    stats.sites,
                    stats.countries,
                    stats.dates,
                    stats.pages,
                    stats.elapsed.as_secs_f64()
                ));
            }
            Err(e) => {
                say_err(format_args!("error: {e}"));
                shared.set_build_errors(Some(e.to_string()));
            }
        },
        Err(report) => {
            say_err(format_args!(
                "{report}\nStill serving the last good version."
            ));
            shared.set_build_errors(Some(report.to_string()));
        }
    }
}

// The watcher outlives a closed terminal: a failed write must not stop it (println! would panic).
fn say(args: std::fmt::Arguments) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{args}");
}

fn say_err(args: std::fmt::Arguments) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{args}");
}
