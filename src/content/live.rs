//! Live preview's content: the checked model of the whole folder, kept between saves with each
//! file's size and modification time, so that a save reads again only the files that changed,
//! checks the whole model across files as a full load does, and says which entries the database
//! must write again ([`Changes`]). A save that fails its checks leaves the model as it was, and
//! its files are read again at the next save until they pass.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::model::{Content, Kind, Translation};
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
    /// Whether anything the site list is sorted or filtered by changed (a title, a country, a
    /// kind…): when only words of a body did, its index stays as it is.
    pub site_list: bool,
    /// Whether the home page's figures (entries and sources counted) may have changed.
    pub figures: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.translations.is_empty()
    }

    /// The kind and key of every entry named, whole or in one language.
    pub fn keys(&self) -> FxHashSet<(Kind, &str)> {
        self.entries
            .iter()
            .map(|(kind, key)| (*kind, key.as_str()))
            .chain(
                self.translations
                    .iter()
                    .map(|(k, key, _)| (*k, key.as_str())),
            )
            .collect()
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
        // Reading the folder raises an event per file: each folder is looked up once.
        let mut folders: HashMap<PathBuf, PathBuf> = HashMap::new();
        for path in paths {
            match self.place(path, &mut folders) {
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

    /// Reads the touched files again, on every core.
    fn read_again(&self, touched: &BTreeSet<(PathBuf, Kind)>) -> Vec<ReadAgain> {
        let display_base = self.dir.parent().unwrap_or(Path::new("")).to_path_buf();
        touched
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
            .collect()
    }

    /// Reads the touched files again, puts them into the model and checks it whole.
    fn apply(&mut self, touched: BTreeSet<(PathBuf, Kind)>) -> Result<Seen, ErrorReport> {
        let read = self.read_again(&touched);
        let mut errors: Vec<ContentError> = Vec::new();
        let mut stamps = Vec::new();
        let mut changes = Changes::default();
        let (mut list_after, mut figures_after) = (BTreeSet::new(), BTreeSet::new());
        let mut names_after = HashMap::new();
        let mut swaps = Vec::new();
        for ((path, now, entry, found), (_, kind)) in read.into_iter().zip(&touched) {
            errors.extend(found);
            if let Some(e) = &entry {
                changes.entry(e);
                list_after.extend(signature(e, list_signature));
                figures_after.extend(signature(e, figures_signature));
                names_after.extend(country_name(e));
            }
            stamps.push((path.clone(), now));
            swaps.push((path, *kind, entry));
        }
        // Each file's entry takes the place of the one read before from the same file.
        let old: Vec<(PathBuf, Kind, Option<Entry>)> = swaps
            .into_iter()
            .map(|(path, kind, entry)| {
                let was = swap(&mut self.content, &path, kind, entry);
                (path, kind, was)
            })
            .collect();
        let was = || old.iter().filter_map(|(_, _, e)| e.as_ref());
        was().for_each(|e| changes.entry(e));
        changes.site_list = was()
            .filter_map(|e| signature(e, list_signature))
            .collect::<BTreeSet<_>>()
            != list_after;
        changes.figures = was()
            .filter_map(|e| signature(e, figures_signature))
            .collect::<BTreeSet<_>>()
            != figures_after;
        let names_before: HashMap<_, _> = was().filter_map(country_name).collect();
        let renamed = dependants(&self.content, &names_before, &names_after);
        check::cross_references(&self.content, &mut errors);
        // The translations of the entries not touched passed before, against originals that
        // have not changed.
        let scope = changes.keys();
        translation::check_against_originals(&mut self.content, Some(&scope), &mut errors);
        if !errors.is_empty() {
            for (path, kind, entry) in old {
                swap(&mut self.content, &path, kind, entry);
            }
            // The failed check lent the translations the new originals' sources.
            translation::check_against_originals(&mut self.content, Some(&scope), &mut Vec::new());
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
    fn place(&self, path: &Path, folders: &mut HashMap<PathBuf, PathBuf>) -> Place {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return Place::Elsewhere;
        };
        let parent = folders
            .entry(parent.to_path_buf())
            .or_insert_with(|| parent.canonicalize().unwrap_or(parent.to_path_buf()))
            .clone();
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

/// An entry's signature by `sign`, with the entry it is of (an entry `sign` ignores has none).
fn signature(e: &Entry, sign: fn(&Entry) -> Option<String>) -> Option<(String, String)> {
    sign(e).map(|s| (identity(e), s))
}

fn identity(e: &Entry) -> String {
    match e {
        Entry::Site(s) => format!("site/{}", s.slug),
        Entry::Country(c) => format!("country/{}", c.code),
        Entry::Date(d) => format!("date/{}", d.slug),
        Entry::Page(p) => format!("page/{}", p.slug),
        Entry::Translation(t) => format!("{}/{}/{}", t.kind.as_str(), t.key, t.lang.code()),
    }
}

/// What the site list's index is made of (db/site_index.rs): a site's sort keys and facets
/// (`established` may come from its events), the names of countries and dates that label the
/// facets, and the translated titles and localities it sorts by in each language.
fn list_signature(e: &Entry) -> Option<String> {
    Some(match e {
        Entry::Site(s) => format!(
            "{:?}",
            (
                &s.title,
                &s.country.value,
                &s.locality,
                s.kind,
                s.status,
                s.established,
                s.facts
                    .events
                    .iter()
                    .map(|e| (e.date, &e.what))
                    .collect::<Vec<_>>(),
                s.draft,
                &s.conflicts,
                s.commemorations
                    .iter()
                    .map(|c| &c.value)
                    .collect::<Vec<_>>(),
            )
        ),
        Entry::Country(c) => c.name.clone(),
        Entry::Date(d) => format!("{:?}", (&d.title, d.month, d.day)),
        Entry::Page(_) => return None,
        Entry::Translation(t) => match t.kind {
            Kind::Site | Kind::Country => {
                format!("{:?}", (&t.title, &t.words.locality, t.draft))
            }
            Kind::Date | Kind::Page => return None,
        },
    })
}

/// What the home page's figures count: countries, dates, and the distinct sources of sites.
fn figures_signature(e: &Entry) -> Option<String> {
    match e {
        Entry::Site(s) => Some(format!(
            "{:?}",
            (
                s.draft,
                s.sources
                    .iter()
                    .map(|x| (&x.url, &x.title))
                    .collect::<Vec<_>>()
            )
        )),
        Entry::Country(_) | Entry::Date(_) => Some(String::new()),
        Entry::Page(_) | Entry::Translation(_) => None,
    }
}

/// Puts `new` where the entry read from `path` is in the model (or would be, in the order of
/// the files, as a full load has it), and returns the entry that was there.
fn swap(content: &mut Content, path: &Path, kind: Kind, new: Option<Entry>) -> Option<Entry> {
    if translation::split_name(path).1.is_some() {
        let new = new.and_then(|e| match e {
            Entry::Translation(t) => Some(t),
            _ => None,
        });
        let at = |t: &Translation| (t.kind, t.body.path.as_path()).cmp(&(kind, path));
        return swap_in(&mut content.translations, at, new).map(Entry::Translation);
    }
    macro_rules! swap_kind {
        ($list:expr, $variant:path) => {{
            let new = new.and_then(|e| match e {
                $variant(x) => Some(x),
                _ => None,
            });
            swap_in(&mut $list, |x| x.body.path.as_path().cmp(path), new).map($variant)
        }};
    }
    match kind {
        Kind::Site => swap_kind!(content.sites, Entry::Site),
        Kind::Country => swap_kind!(content.countries, Entry::Country),
        Kind::Date => swap_kind!(content.dates, Entry::Date),
        Kind::Page => swap_kind!(content.pages, Entry::Page),
    }
}

/// [`swap`] in one list, which is in order by `at`.
fn swap_in<T>(list: &mut Vec<T>, at: impl Fn(&T) -> Ordering, new: Option<T>) -> Option<T> {
    match (list.binary_search_by(at), new) {
        (Ok(i), Some(n)) => Some(std::mem::replace(&mut list[i], n)),
        (Ok(i), None) => Some(list.remove(i)),
        (Err(i), Some(n)) => {
            list.insert(i, n);
            None
        }
        (Err(_), None) => None,
    }
}

/// A country's name in English (no language) or in a translation's language.
fn country_name(e: &Entry) -> Option<((String, Option<Lang>), String)> {
    match e {
        Entry::Country(c) => Some(((c.code.clone(), None), c.name.clone())),
        Entry::Translation(t) if t.kind == Kind::Country => {
            Some(((t.key.clone(), Some(t.lang)), t.title.clone()))
        }
        _ => None,
    }
}

/// What else must be written again when countries change their names: the search text of
/// their sites names the country, in English and in each translation's language.
fn dependants(
    content: &Content,
    before: &HashMap<(String, Option<Lang>), String>,
    after: &HashMap<(String, Option<Lang>), String>,
) -> Changes {
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
