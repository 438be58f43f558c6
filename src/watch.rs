//! Live preview: rebuild the database when the content or the static files change, swap it in
//! atomically, and keep serving the last good version (with the errors shown) when a change is
//! bad. Templates are compiled into the program: a change to them needs a new build of it.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::rebuild::{Outcome, Pipeline};

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

/// Rebuilds once, then watches the content folder and, where they exist, the `extra` folders
/// (static files), rebuilding on every change and telling the server each outcome.
pub fn start(
    pipeline: Pipeline,
    extra: &[PathBuf],
    tell_server: impl Fn(Outcome) + Send + 'static,
) -> Result<Watch, WatchError> {
    let content_dir = pipeline.content_dir.clone();
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, tx).map_err(|source| WatchError {
        path: content_dir.clone(),
        source,
    })?;
    let mut dirs = vec![content_dir.clone()];
    dirs.extend(extra.iter().cloned());
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        debouncer
            .watcher()
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|source| WatchError {
                path: dir.clone(),
                source,
            })?;
    }
    // Reading the files to rebuild raises events of its own; only a real change of a file's
    // size or modification time (or a file added or removed) leads to a rebuild.
    let mut last = snapshot(&dirs);
    pipeline.rebuild_served(&tell_server);
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
                    pipeline.rebuild_served(&tell_server);
                }
            }
        })
        .map_err(|e| WatchError {
            path: content_dir,
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
