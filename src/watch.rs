//! Live preview: rebuild the database when the content or the static files change, swap it in
//! atomically, and keep serving the last good version (with the errors shown) when a change is
//! bad. Templates are compiled into the program: a change to them needs a new build of it.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::rebuild::{Live, Outcome, Pipeline};

/// How long the folders must be quiet before a change is taken in: an editor's save often
/// writes twice, and a checkout writes many files. Short, since it is part of every preview.
const DEBOUNCE: Duration = Duration::from_millis(50);

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

/// Builds once, then watches the content folder and, where they exist, the `extra` folders
/// (static files), taking in every change and telling the server each outcome.
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
    let mut live = Live::new(pipeline);
    live.rebuild_all(&tell_server);
    std::thread::Builder::new()
        .name("watch".into())
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                // Events that came in during the last update are taken in with these, as one
                // change: a checkout of a branch ends in one state, not a file at a time.
                let mut paths = Vec::new();
                let mut lost = false;
                for events in std::iter::once(first).chain(rx.try_iter()) {
                    match events {
                        Ok(events) => paths.extend(
                            events
                                .into_iter()
                                .map(|e| e.path)
                                .filter(|p| !is_editor_scratch(p)),
                        ),
                        // The watcher lost track (too many events at once): read everything.
                        Err(_) => lost = true,
                    }
                }
                if lost {
                    live.rebuild_all(&tell_server);
                } else if !paths.is_empty() {
                    live.changed(&paths, &tell_server);
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

/// Editors' swap and backup files (`.x.md.swp`, `x.md~`, `#x.md#`) are not content.
fn is_editor_scratch(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#') || name.ends_with(".swp")
}
