//! Live preview's content: the checked model of the whole folder, kept between saves with each
//! file's size and modification time, so that a save reads again only the files that changed,
//! checks the whole model across files as a full load does, and says which entries the database
//! must write again ([`Changes`]). A save that fails its checks leaves the model as it was, and
//! its files are read again at the next save until they pass.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use super::model::{Content, Kind};
use super::{ContentError, Entry, ErrorReport, Warnings, check, history, translation};
use crate::lang::Lang;

/// What identifies one version of a file: a save changes its modification time or its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    Some(Stamp {
        modified: m.modified().ok(),
        len: m.len(),
    })
}

/// The entries a database update writes again. A whole entry is its original and every
/// translation (translations share the original's facts in search, and its date decides whether
/// they are older than it); a translation alone is one language's words. Entries that are gone
/// are named too: an update removes every named entry, then writes those the content still has.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    pub entries: BTreeSet<(Kind, String)>,
    pub translations: BTreeSet<(Kind, String, Lang)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.translations.is_empty()
    }

    fn entry(&mut self, e: &Entry) {
        match e {
            Entry::Site(s) => self.entries.insert((Kind::Site, s.slug.clone())),
            Entry::Country(c) => self.entries.insert((Kind::Country, c.code.clone())),
            Entry::Date(d) => self.entries.insert((Kind::Date, d.slug.clone())),
            Entry::Page(p) => self.entries.insert((Kind::Page, p.slug.clone())),
            Entry::Translation(t) => self.translations.insert((t.kind, t.key.clone(), t.lang)),
        };
    }
}

/// What a look at some changed files found.
#[derive(Debug)]
pub enum Seen {
    /// No file changed (an editor's own files, a save that wrote the same bytes).
    Nothing,
    /// These entries changed; the model holds the new content. Empty when only a static file
    /// that no entry reads changed (the stylesheet), or when files fixed at last are back as
    /// they were: pages are to be made again, no more.
    Changes(Changes),
}

/// The model of the content folder, kept up to date file by file.
pub struct LiveContent {
    dir: PathBuf,
    /// Each kind's folder, as the file system names it (a watcher reports such paths).
    sections: Vec<(Kind, PathBuf)>,
    static_dir: PathBuf,
    content: Content,
    stamps: HashMap<PathBuf, Stamp>,
    /// The static files' stamps: a site is read again when an image it shows changes, not
    /// when reading it raises an event.
    statics: HashMap<PathBuf, Stamp>,
    /// Files changed since the model was last good: a save that failed its checks is read
    /// again with the next one.
    pending: BTreeSet<PathBuf>,
    /// Files in an entries' folder that are not Markdown (as errors name them): a full load
    /// refuses them, and so does every look until they are gone.
    strays: BTreeSet<PathBuf>,
}

impl LiveContent {
    /// Reads and checks the whole folder, as a build does.
    pub fn load(dir: &Path) -> Result<LiveContent, ErrorReport> {
        let content = super::load_with(dir, Warnings::Skip)?;
        let stamps = super::files(dir)
            .into_par_iter()
            .filter_map(|p| stamp(&p).map(|s| (p, s)))
            .collect();
        let canonical = |p: PathBuf| p.canonicalize().unwrap_or(p);
        let static_dir = canonical(super::static_dir_for(dir));
        let mut statics = HashMap::new();
        stamp_all(&static_dir, &mut statics);
        Ok(LiveContent {
            sections: Kind::ALL
                .iter()
                .map(|&k| (k, canonical(dir.join(k.folder()))))
                .collect(),
            static_dir,
            dir: dir.to_path_buf(),
            content,
            stamps,
            statics,
            pending: BTreeSet::new(),
            strays: BTreeSet::new(),
        })
    }

    pub fn content(&self) -> &Content {
        &self.content
    }

    /// Takes in the files a watcher says changed (any path under the content or static
    /// folders): reads those that did, checks the whole model, and says what changed. On an
    /// error the model stays as it was.
    pub fn update(&mut self, paths: &[PathBuf]) -> Result<Seen, ErrorReport> {
        let mut touched: BTreeSet<(PathBuf, Kind)> = BTreeSet::new();
        let mut statics = Vec::new();
        let had_strays = !self.strays.is_empty();
        for path in paths {
            match self.place(path) {
                Place::Entry(kind, p) => {
                    touched.insert((p, kind));
                }
                Place::Static(p) => {
                    let now = stamp(&p);
                    if now != self.statics.get(&p).copied() {
                        match now {
                            Some(s) => self.statics.insert(p.clone(), s),
                            None => self.statics.remove(&p),
                        };
                        statics.push(p);
                    }
                }
                Place::Stray(shown, there) => {
                    match there {
                        true => self.strays.insert(shown),
                        false => self.strays.remove(&shown),
                    };
                }
                Place::Elsewhere => {}
            }
        }
        if !self.strays.is_empty() {
            self.pending.extend(touched.into_iter().map(|(p, _)| p));
            let errors = self
                .strays
                .iter()
                .map(|shown| {
                    ContentError::new(
                        shown,
                        "only Markdown files ending in .md belong here: rename or move this file",
                    )
                })
                .collect();
            return Err(ErrorReport {
                errors,
                warnings: Vec::new(),
            });
        }
        // A site reads its images' sizes from the static folder.
        let forced = self.sites_showing(&statics);
        for p in &self.pending {
            if let Some(kind) = self.kind_of(p) {
                touched.insert((p.clone(), kind));
            }
        }
        // Files that failed their checks are read again whatever their stamps say: an undo
        // can bring back the size and (to the clock's grain) the time of the last good save.
        touched.retain(|(p, _)| {
            forced.contains(p)
                || self.pending.contains(p)
                || stamp(p) != self.stamps.get(p).copied()
        });
        touched.extend(forced.iter().map(|p| (p.clone(), Kind::Site)));
        if touched.is_empty() {
            // A stray file removed, or a static file no entry reads: the pages are made again.
            let again = !statics.is_empty() || !self.pending.is_empty() || had_strays;
            self.pending.clear();
            return Ok(match again {
                false => Seen::Nothing,
                true => Seen::Changes(Changes::default()),
            });
        }
        self.apply(touched)
    }

    /// Reads the touched files again, puts them into the model and checks it whole.
    fn apply(&mut self, touched: BTreeSet<(PathBuf, Kind)>) -> Result<Seen, ErrorReport> {
        let display_base = self.dir.parent().unwrap_or(Path::new("")).to_path_buf();
        let read: Vec<ReadAgain> = touched
            .par_iter()
            .map(|(path, kind)| {
                let mut found = Vec::new();
                let now = stamp(path);
                let display = path.strip_prefix(&display_base).unwrap_or(path);
                let entry = now.and_then(|_| {
                    super::read_one(
                        path,
                        display.to_path_buf(),
                        *kind,
                        &self.static_dir,
                        &mut found,
                    )
                });
                (path.clone(), now, entry, found)
            })
            .collect();
        let paths: HashSet<&Path> = read.iter().map(|(p, ..)| p.as_path()).collect();
        let old = take_out(&mut self.content, &paths);
        let mut errors: Vec<ContentError> = Vec::new();
        let mut added = Vec::new();
        let mut stamps = Vec::new();
        for (path, now, entry, found) in read {
            errors.extend(found);
            stamps.push((path, now));
            added.extend(entry);
        }
        let mut changes = Changes::default();
        for e in old.iter().chain(&added) {
            changes.entry(e);
        }
        let renamed = dependants(&self.content, &old, &added);
        put_in(&mut self.content, added);
        check::cross_references(&self.content, &mut errors);
        translation::check_against_originals(&mut self.content, &mut errors);
        if !errors.is_empty() {
            let paths: HashSet<&Path> = stamps.iter().map(|(p, _)| p.as_path()).collect();
            take_out(&mut self.content, &paths);
            put_in(&mut self.content, old);
            // The failed check lent the translations the new originals' sources.
            translation::check_against_originals(&mut self.content, &mut Vec::new());
            self.pending.extend(stamps.into_iter().map(|(p, _)| p));
            let mut report = ErrorReport {
                errors,
                warnings: Vec::new(),
            };
            report.sort();
            return Err(report);
        }
        self.take_dates(&stamps);
        for (path, now) in stamps {
            match now {
                Some(s) => self.stamps.insert(path, s),
                None => self.stamps.remove(&path),
            };
        }
        self.pending.clear();
        changes.entries.extend(renamed.entries);
        changes.translations.extend(renamed.translations);
        let whole = changes.entries.clone();
        changes
            .translations
            .retain(|(k, key, _)| !whole.contains(&(*k, key.clone())));
        Ok(Seen::Changes(changes))
    }

    /// The files' last commits, as a full load reads them for all.
    fn take_dates(&mut self, files: &[(PathBuf, Option<Stamp>)]) {
        let display_base = self.dir.parent().unwrap_or(Path::new(""));
        let shown: Vec<PathBuf> = files
            .iter()
            .map(|(p, _)| p.strip_prefix(display_base).unwrap_or(p).to_path_buf())
            .collect();
        for f in &shown {
            self.content.last_commit.remove(f);
        }
        self.content
            .last_commit
            .extend(history::last_commit_dates_of(&self.dir, &shown));
    }

    /// Where a changed path is: an entry's file (named as the model names it), a static file,
    /// a file that does not belong in an entries' folder, or somewhere a build does not read
    /// (the folders themselves: reading them is an event too).
    fn place(&self, path: &Path) -> Place {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return Place::Elsewhere;
        };
        let parent = parent.canonicalize().unwrap_or(parent.to_path_buf());
        if parent.starts_with(&self.static_dir) {
            return Place::Static(parent.join(name));
        }
        let Some((kind, _)) = self.sections.iter().find(|(_, s)| *s == parent) else {
            return Place::Elsewhere;
        };
        let here = self.dir.join(kind.folder()).join(name);
        if name.to_string_lossy().starts_with('.') || here.is_dir() {
            return Place::Elsewhere;
        }
        if path.extension().is_none_or(|e| e != "md") {
            let display_base = self.dir.parent().unwrap_or(Path::new(""));
            let shown = here
                .strip_prefix(display_base)
                .unwrap_or(&here)
                .to_path_buf();
            return Place::Stray(shown, here.exists());
        }
        Place::Entry(*kind, here)
    }

    fn kind_of(&self, path: &Path) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| path.parent() == Some(self.dir.join(k.folder()).as_path()))
    }

    /// The files of the sites that show any of the static files `changed`.
    fn sites_showing(&self, changed: &[PathBuf]) -> BTreeSet<PathBuf> {
        if changed.is_empty() {
            return BTreeSet::new();
        }
        self.content
            .sites
            .iter()
            .filter(|s| {
                s.images
                    .iter()
                    .any(|im| changed.contains(&self.static_dir.join(&im.file)))
            })
            .map(|s| s.body.path.clone())
            .collect()
    }
}

/// Every file below `dir` with its stamp.
fn stamp_all(dir: &Path, out: &mut HashMap<PathBuf, Stamp>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            stamp_all(&path, out);
        } else if let Some(s) = stamp(&path) {
            out.insert(path, s);
        }
    }
}

/// A file read again: its path, its stamp (none when it is gone), its entry, its errors.
type ReadAgain = (PathBuf, Option<Stamp>, Option<Entry>, Vec<ContentError>);

enum Place {
    Entry(Kind, PathBuf),
    Static(PathBuf),
    /// As errors name it, and whether it is there.
    Stray(PathBuf, bool),
    Elsewhere,
}

/// Removes the entries read from `paths` from the model, and returns them.
fn take_out(content: &mut Content, paths: &HashSet<&Path>) -> Vec<Entry> {
    fn split<T>(list: &mut Vec<T>, gone: impl Fn(&T) -> bool, wrap: fn(T) -> Entry) -> Vec<Entry> {
        let (out, keep): (Vec<T>, Vec<T>) = std::mem::take(list).into_iter().partition(gone);
        *list = keep;
        out.into_iter().map(wrap).collect()
    }
    let gone = |p: &Path| paths.contains(p);
    let mut out = split(&mut content.sites, |e| gone(&e.body.path), Entry::Site);
    out.extend(split(
        &mut content.countries,
        |e| gone(&e.body.path),
        Entry::Country,
    ));
    out.extend(split(
        &mut content.dates,
        |e| gone(&e.body.path),
        Entry::Date,
    ));
    out.extend(split(
        &mut content.pages,
        |e| gone(&e.body.path),
        Entry::Page,
    ));
    out.extend(split(
        &mut content.translations,
        |e| gone(&e.body.path),
        Entry::Translation,
    ));
    out
}

/// Puts entries into the model, each list kept in the order of its files as a full load has it.
fn put_in(content: &mut Content, entries: Vec<Entry>) {
    for e in entries {
        match e {
            Entry::Site(s) => content.sites.push(s),
            Entry::Country(c) => content.countries.push(c),
            Entry::Date(d) => content.dates.push(d),
            Entry::Page(p) => content.pages.push(p),
            Entry::Translation(t) => content.translations.push(t),
        }
    }
    content.sites.sort_by(|a, b| a.body.path.cmp(&b.body.path));
    content
        .countries
        .sort_by(|a, b| a.body.path.cmp(&b.body.path));
    content.dates.sort_by(|a, b| a.body.path.cmp(&b.body.path));
    content.pages.sort_by(|a, b| a.body.path.cmp(&b.body.path));
    content
        .translations
        .sort_by(|a, b| (a.kind, &a.body.path).cmp(&(b.kind, &b.body.path)));
}

/// What else must be written again when countries change their names: the search text of
/// their sites names the country, in English and in each translation's language.
fn dependants(content: &Content, old: &[Entry], new: &[Entry]) -> Changes {
    let names = |list: &[Entry]| -> HashMap<(String, Option<Lang>), String> {
        list.iter()
            .filter_map(|e| match e {
                Entry::Country(c) => Some(((c.code.clone(), None), c.name.clone())),
                Entry::Translation(t) if t.kind == Kind::Country => {
                    Some(((t.key.clone(), Some(t.lang)), t.title.clone()))
                }
                _ => None,
            })
            .collect()
    };
    let (before, after) = (names(old), names(new));
    let renamed: BTreeSet<&(String, Option<Lang>)> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    let mut out = Changes::default();
    for (code, lang) in renamed {
        for s in content.sites.iter().filter(|s| s.country.value == *code) {
            match lang {
                None => out.entries.insert((Kind::Site, s.slug.clone())),
                Some(l) => out.translations.insert((Kind::Site, s.slug.clone(), *l)),
            };
        }
    }
    out
}
