//! Live preview's updates in place (`serve --watch`): after any sequence of saves (edits,
//! additions, renames, deletions, broken saves, several files at once), the database answers
//! every query as a full build of the same files does; a broken save changes nothing.

use std::path::{Path, PathBuf};

use memorial_atlas::content::live::{LiveContent, Seen};
use memorial_atlas::content::{Warnings, load_with};
use memorial_atlas::db::browse::{Facet, SiteQuery, Sort};
use memorial_atlas::db::{self, Database};
use memorial_atlas::lang::Lang;
use rusqlite::Connection;

use crate::support::Tree;

/// A small reproducible random sequence (no crate needed for a test's dice).
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Every table's rows, with rowids that only order rows replaced by what they stand for.
fn tables(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).expect("open");
    let queries = [
        "SELECT key, value FROM meta WHERE key <> 'built_at'",
        "SELECT * FROM countries",
        "SELECT * FROM country_names",
        "SELECT * FROM dates",
        "SELECT * FROM date_countries",
        "SELECT * FROM date_names",
        "SELECT * FROM sites",
        "SELECT s.slug, b.body_html FROM site_bodies b JOIN sites s ON s.rowid = b.id",
        "SELECT s.slug, l.min_lat, l.min_lon FROM site_locations l JOIN sites s ON s.rowid = l.id",
        "SELECT count(*) FROM site_bodies",
        "SELECT count(*) FROM site_locations",
        "SELECT * FROM site_names",
        "SELECT * FROM site_conflicts",
        "SELECT * FROM site_commemorations",
        "SELECT * FROM sources",
        "SELECT * FROM images",
        "SELECT * FROM aliases",
        "SELECT * FROM pages",
        "SELECT kind, key, lang, title, names, place, honours, body, draft, site_kind, site_status, country_name FROM search_docs",
        "SELECT * FROM site_event_days",
        "SELECT * FROM translations",
    ];
    let mut out = Vec::new();
    for q in queries {
        let mut st = conn.prepare(q).expect(q);
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).expect("cell")))
                    .collect();
                Ok(cells.join(" | "))
            })
            .expect(q)
            .map(|r| r.expect("row"))
            .collect();
        rows.sort();
        out.push(format!("{q}\n{}", rows.join("\n")));
    }
    out
}

/// Which entries the full-text index finds for each word: the index itself, not the stored
/// text, so that a word an edit removed must be gone from it.
fn index_answers(path: &Path, words: &[String]) -> Vec<String> {
    let conn = Connection::open(path).expect("open");
    let mut out = Vec::new();
    for table in ["search", "search_titles"] {
        for w in words {
            let sql = format!(
                "SELECT d.kind || '/' || d.key || '/' || d.lang FROM {table} JOIN search_docs d ON d.id = {table}.rowid
                 WHERE {table} MATCH ?1 ORDER BY 1"
            );
            let found: Vec<String> = conn
                .prepare(&sql)
                .expect("query")
                .query_map([format!("\"{w}\"")], |r| r.get(0))
                .expect("rows")
                .map(|r| r.expect("row"))
                .collect();
            out.push(format!("{table} {w}: {}", found.join(" ")));
        }
    }
    out
}

/// What the pages ask: the site list in every language, sort and filter, with its counts, and
/// search in every language.
fn page_answers(path: &Path, words: &[String]) -> Vec<String> {
    let db = Database::open(path, false).expect("open");
    // The values a filter may name: a conflict no site has any more is not one of them.
    let mut out = vec![format!(
        "conflicts {:?}",
        db.facet_values(Facet::Conflict).expect("values")
    )];
    for lang in Lang::ALL {
        for sort in Sort::ALL {
            for filters in [vec![], vec![(Facet::Country, "kp".to_string())]] {
                let q = SiteQuery {
                    filters,
                    sort,
                    page: 1,
                    per_page: 100,
                    lang,
                };
                let list = db.browse_sites(&q).expect("browse");
                let slugs: Vec<&str> = list.sites.iter().map(|s| s.slug.as_str()).collect();
                let facets: Vec<String> = list
                    .facets
                    .iter()
                    .flat_map(|(f, opts)| {
                        opts.iter()
                            .map(move |o| format!("{f:?}:{}:{}:{}", o.value, o.label, o.count))
                    })
                    .collect();
                out.push(format!(
                    "{lang:?} {sort:?} {} {slugs:?} {facets:?}",
                    list.total
                ));
            }
        }
        for w in words {
            let found = db.search(w, lang, 100, 0).expect("search");
            // Equally ranked results may come in another order: compared as sets.
            let mut keys: Vec<String> = found
                .hits
                .iter()
                .map(|h| format!("{:?}/{}", h.kind, h.key))
                .collect();
            keys.sort();
            out.push(format!("search {lang:?} {w}: {} {keys:?}", found.total));
        }
    }
    out
}

fn answers(path: &Path, words: &[String]) -> Vec<String> {
    let mut all = tables(path);
    all.extend(index_answers(path, words));
    all.extend(page_answers(path, words));
    all
}

/// The content folder's files of one kind, originals or translations.
fn files(dir: &Path, folder: &str, translations: bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir.join(folder))
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let stem = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            stem.contains('.') == translations
        })
        .collect();
    out.sort();
    out
}

fn new_site(n: usize, country: &str) -> String {
    format!(
        "+++\ntitle = \"Added Memorial {n}\"\ncountry = \"{country}\"\nlocality = \"Town{n}\"\nkind = \"monument\"\nstatus = \"extant\"\n\n[[sources]]\nid = \"s\"\ntitle = \"A source\"\n+++\n\nIt stands in a square.[^s] quokka{n}\n"
    )
}

/// One random save: what it wrote or removed, and whether it was meant to be broken.
fn random_save(dir: &Path, dice: &mut Dice, n: usize) -> (Vec<PathBuf>, bool) {
    let sites = files(dir, "sites", false);
    let site = &sites[dice.roll(sites.len())];
    let slug = site
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let translations_of = |slug: &str| -> Vec<PathBuf> {
        files(dir, "sites", true)
            .into_iter()
            .filter(|t| {
                t.file_name()
                    .is_some_and(|f| f.to_string_lossy().starts_with(&format!("{slug}.")))
            })
            .collect()
    };
    let edit = |path: &Path, from: &str, to: &str| {
        let text = std::fs::read_to_string(path).expect("read");
        std::fs::write(path, text.replacen(from, to, 1)).expect("write");
    };
    match dice.roll(10) {
        // An edit of a site's body, and sometimes of its title (which moves it in the list).
        0 => {
            if dice.roll(2) == 0 {
                edit(site, "title = \"", &format!("title = \"Edited{n} "));
            }
            let mut text = std::fs::read_to_string(site).expect("read");
            text.push_str(&format!("\nwombat{n}\n"));
            std::fs::write(site, text).expect("write");
            (vec![site.clone()], false)
        }
        // A new site.
        1 => {
            let path = dir.join(format!("sites/added-{n}.md"));
            std::fs::write(&path, new_site(n, ["kp", "ru", "cn"][dice.roll(3)])).expect("write");
            (vec![path], false)
        }
        // A site renamed with its translations, as `git mv` does: several files at once.
        2 => {
            let mut paths = vec![site.clone()];
            let to = dir.join(format!("sites/{slug}-moved{n}.md"));
            std::fs::rename(site, &to).expect("rename");
            paths.push(to);
            for t in translations_of(&slug) {
                let name = t
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .replacen(&slug, &format!("{slug}-moved{n}"), 1);
                let to = dir.join("sites").join(name);
                std::fs::rename(&t, &to).expect("rename");
                paths.extend([t, to]);
            }
            (paths, false)
        }
        // A site deleted with its translations.
        3 => {
            let mut paths = vec![site.clone()];
            paths.extend(translations_of(&slug));
            for p in &paths {
                std::fs::remove_file(p).expect("remove");
            }
            (paths, false)
        }
        // A translation added, edited or removed: one language's rows.
        4 => {
            let lang = ["ru", "ko", "zh"][dice.roll(3)];
            let path = dir.join(format!("sites/{slug}.{lang}.md"));
            if path.exists() && dice.roll(2) == 0 {
                std::fs::remove_file(&path).expect("remove");
            } else if path.exists() {
                edit(&path, "title = \"", &format!("title = \"Правка{n} "));
            } else {
                std::fs::write(
                    &path,
                    format!("+++\ntitle = \"Перевод {n}\"\n+++\n\nТекст ехидна{n}.\n"),
                )
                .expect("write");
            }
            (vec![path], false)
        }
        // A country renamed: its sites' search text names it.
        5 => {
            let path = dir.join("countries/kp.md");
            edit(&path, "name = \"", &format!("name = \"Renamed{n} "));
            (vec![path], false)
        }
        // A date or a page edited.
        6 => {
            let folder = ["dates", "pages"][dice.roll(2)];
            let all = files(dir, folder, false);
            let path = all[dice.roll(all.len())].clone();
            edit(&path, "title = \"", &format!("title = \"Edited{n} "));
            (vec![path], false)
        }
        // A broken save: a site that names a country there is no file for.
        7 => {
            edit(site, "country = \"", "country = \"zz");
            (vec![site.clone()], true)
        }
        // A site's filters changed: a kind, a status or a conflict that may be new to the atlas,
        // or the last of its value.
        8 => {
            let text = std::fs::read_to_string(site).expect("read");
            let kind = ["monument", "museum", "grave"][dice.roll(3)];
            let status = ["extant", "destroyed"][dice.roll(2)];
            let conflicts = ["", "conflicts = [\"Korean War\"]\n"][dice.roll(2)];
            let mut out = String::new();
            for line in text.lines() {
                if line.starts_with("kind = ") {
                    out.push_str(&format!("kind = \"{kind}\"\n"));
                } else if line.starts_with("status = ") {
                    out.push_str(&format!("status = \"{status}\"\n{conflicts}"));
                } else if !line.starts_with("conflicts = ") {
                    out.push_str(line);
                    out.push('\n');
                }
            }
            std::fs::write(site, out).expect("write");
            (vec![site.clone()], false)
        }
        // A broken save: a translation whose original is gone.
        _ => {
            let path = dir.join(format!("sites/nowhere-{n}.ru.md"));
            std::fs::write(&path, "+++\ntitle = \"Сирота\"\n+++\n").expect("write");
            (vec![path], true)
        }
    }
}

#[test]
fn updates_in_place_answer_as_a_full_build_across_random_saves() {
    for seed in [1u64, 7, 42] {
        let tree = Tree::fixture();
        let dir = tree.content();
        let live_db = tree.dir.path().join("live.db");
        let full_db = tree.dir.path().join("full.db");
        let mut live = LiveContent::load(&dir).expect("the fixtures load");
        db::build(live.content(), &live_db).expect("first build");
        let mut dice = Dice(seed);
        let mut keys = db::SortKeys::kept_between_saves();
        let mut words: Vec<String> = vec!["obelisk".into(), "Обелиск".into(), "memorial".into()];
        for n in 0..14 {
            let before = answers(&live_db, &words);
            let (paths, broken) = random_save(&dir, &mut dice, n);
            words.extend(
                [
                    "Edited",
                    "wombat",
                    "quokka",
                    "Правка",
                    "ехидна",
                    "Renamed",
                    "moved",
                ]
                .map(|w| format!("{w}{n}")),
            );
            match live.update(&paths) {
                Ok(Seen::Changes(changes)) => {
                    assert!(!broken, "seed {seed} step {n}: a broken save was taken in");
                    db::update(live.content(), &changes, &live_db, &mut keys).expect("update");
                }
                Ok(other) => panic!("seed {seed} step {n}: {other:?} for {paths:?}"),
                Err(report) => {
                    assert!(broken, "seed {seed} step {n}: {report}");
                    assert_eq!(answers(&live_db, &words[..words.len() - 7]), before);
                    // The editor undoes the broken save; the next look takes it in.
                    for p in &paths {
                        if p.to_string_lossy().contains("nowhere-") {
                            std::fs::remove_file(p).expect("remove");
                        } else {
                            let text = std::fs::read_to_string(p).expect("read");
                            std::fs::write(p, text.replace("country = \"zz", "country = \""))
                                .expect("write");
                        }
                    }
                    match live.update(&[]) {
                        Ok(Seen::Changes(changes)) => {
                            db::update(live.content(), &changes, &live_db, &mut keys)
                                .expect("update")
                        }
                        other => {
                            panic!("seed {seed} step {n}: the fix was not taken in: {other:?}")
                        }
                    };
                }
            }
            let full = load_with(&dir, Warnings::Skip).expect("the files load whole");
            db::build(&full, &full_db).expect("full build");
            let (a, b) = (answers(&live_db, &words), answers(&full_db, &words));
            for (x, y) in a.iter().zip(&b) {
                assert_eq!(
                    x, y,
                    "seed {seed} step {n}: the update differs from a full build"
                );
            }
        }
    }
}

#[test]
fn a_save_that_changes_nothing_writes_nothing() {
    let tree = Tree::fixture();
    let mut live = LiveContent::load(&tree.content()).expect("load");
    let path = tree.content().join("sites/full-site.md");
    assert!(matches!(
        live.update(std::slice::from_ref(&path)),
        Ok(Seen::Nothing)
    ));
    // An editor's scratch file beside it is no entry.
    let swap = tree.content().join("sites/.full-site.md.swp");
    std::fs::write(&swap, "x").expect("write");
    assert!(matches!(live.update(&[swap]), Ok(Seen::Nothing)));
}

#[test]
fn a_translation_saved_alone_rewrites_only_its_language() {
    let tree = Tree::fixture();
    let mut live = LiveContent::load(&tree.content()).expect("load");
    let path = tree.content().join("sites/full-site.ru.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("Учебный обелиск", "Новый обелиск")).expect("write");
    let Ok(Seen::Changes(changes)) = live.update(&[path]) else {
        panic!("the save was not taken in");
    };
    assert!(changes.entries.is_empty(), "{changes:?}");
    assert_eq!(
        changes
            .translations
            .iter()
            .map(|(_, k, l)| (k.as_str(), *l))
            .collect::<Vec<_>>(),
        [("full-site", Lang::Ru)]
    );
}

#[test]
fn a_conflict_no_site_names_any_more_is_no_longer_a_filter_value() {
    let tree = Tree::fixture();
    let dir = tree.content();
    let path = tree.dir.path().join("live.db");
    let mut live = LiveContent::load(&dir).expect("load");
    let mut keys = db::SortKeys::kept_between_saves();
    db::build_keeping(live.content(), &path, &mut keys).expect("build");
    let site = dir.join("sites/full-site.md");
    let text = std::fs::read_to_string(&site).expect("read");
    let one = text.replace("\"Soviet–Japanese War\", ", "");
    assert_ne!(one, text, "the fixture names two conflicts");
    std::fs::write(&site, one).expect("write");
    let Ok(Seen::Changes(changes)) = live.update(std::slice::from_ref(&site)) else {
        panic!("the save was not taken in");
    };
    db::update(live.content(), &changes, &path, &mut keys).expect("update");
    let db = Database::open(&path, false).expect("open");
    assert_eq!(
        db.facet_values(Facet::Conflict).expect("values"),
        ["Second World War"]
    );
}

#[test]
fn an_original_deleted_without_its_translations_is_an_error_in_each() {
    let tree = Tree::fixture();
    let dir = tree.content();
    let mut live = LiveContent::load(&dir).expect("load");
    let site = dir.join("sites/full-site.md");
    std::fs::remove_file(&site).expect("remove");
    let Err(report) = live.update(std::slice::from_ref(&site)) else {
        panic!("the translations left behind were taken in");
    };
    let text = report.to_string();
    for lang in ["ru", "zh"] {
        assert!(
            text.contains(&format!("full-site.{lang}.md")) && text.contains("has no original"),
            "{text}"
        );
    }
}
