//! A build killed at any moment (SIGKILL, a power cut) leaves the served database as it was, and
//! the next build removes whatever the killed one left beside it.

use std::process::{Command, Stdio};
use std::time::Duration;

use memorial_atlas::db::Database;

use crate::support::{BIN, Tree};

/// The fixture content with `n` more sites, so that a build takes long enough to be cut short.
fn big_tree(n: usize) -> Tree {
    let tree = Tree::fixture();
    let body = "A memorial in a generated town. ".repeat(60);
    for i in 0..n {
        tree.write(
            &format!("sites/generated-{i}.md"),
            format!(
                "+++\ntitle = \"Generated Memorial {i}\"\ncountry = \"kp\"\nlocality = \"Town {i}\"\nkind = \"monument\"\nstatus = \"extant\"\n\n[[sources]]\nid = \"report\"\ntitle = \"A report\"\n+++\n\n{body}[^report]\n"
            ),
        );
    }
    tree
}

fn leftovers(tree: &Tree) -> Vec<String> {
    leftovers_with_sizes(tree)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// The temporary files beside the database, with their sizes.
fn leftovers_with_sizes(tree: &Tree) -> Vec<(String, u64)> {
    let dir = tree.db().parent().expect("db folder").to_path_buf();
    std::fs::read_dir(dir)
        .expect("db folder")
        .flatten()
        .map(|e| {
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            (e.file_name().to_string_lossy().into_owned(), len)
        })
        .filter(|(n, _)| n.contains(".tmp-"))
        .collect()
}

#[test]
fn a_killed_build_leaves_the_database_untouched_and_the_next_removes_its_files() {
    let tree = big_tree(1500);
    // The database being served: built from the fixture's own four sites.
    let first = Tree::fixture();
    first.build();
    std::fs::create_dir_all(tree.db().parent().expect("db folder")).expect("mkdir");
    std::fs::copy(first.db(), tree.db()).expect("copy db");
    let served = Database::open(&tree.db(), false)
        .expect("open")
        .built_at()
        .to_string();

    // Killed at once, as soon as its temporary database exists, once its search index exists,
    // and once the database has grown: points found by watching the files, not by timing, so a
    // busy machine moves them no more than an idle one.
    type Reached = fn(&[(String, u64)]) -> bool;
    let stages: [(&str, Reached); 4] = [
        ("at once", |_| true),
        ("temporary database", |f| {
            f.iter().any(|(n, _)| !n.ends_with(".search"))
        }),
        ("search index", |f| {
            f.iter().any(|(n, _)| n.ends_with(".search"))
        }),
        ("grown", |f| {
            f.iter()
                .any(|(n, len)| !n.ends_with(".search") && *len > 2_000_000)
        }),
    ];
    let mut left_something = false;
    for (stage, reached) in stages {
        let mut child = Command::new(BIN)
            .args(["build"])
            .env("MEMORIAL_ATLAS_CONTENT", tree.content())
            .env("MEMORIAL_ATLAS_DB", tree.db())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start build");
        let tmp = format!(".tmp-{}", child.id());
        let mut finished = false;
        for _ in 0..4000 {
            let files: Vec<(String, u64)> = leftovers_with_sizes(&tree)
                .into_iter()
                .filter(|(n, _)| n.contains(&tmp))
                .collect();
            finished = child.try_wait().expect("wait").is_some();
            if finished || reached(&files) {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().ok();
        child.wait().expect("reap");
        if finished {
            continue;
        }
        // The served database is whole and is still the one it was.
        let db = Database::open(&tree.db(), false).expect("still a database");
        assert_eq!(db.built_at(), served, "killed: {stage}");
        left_something |= !leftovers(&tree).is_empty();
    }
    assert!(
        left_something,
        "a build killed midway leaves its files (the case this guards)"
    );

    let out = tree.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(leftovers(&tree), Vec::<String>::new());
    let db = Database::open(&tree.db(), false).expect("new database");
    assert_ne!(db.built_at(), served);
    assert!(db.site("generated-1499").expect("query").is_some());
}

#[test]
fn a_preview_killed_during_an_update_leaves_the_last_good_database() {
    let tree = big_tree(1500);
    let mut server = crate::support::Running::start(&tree, &["--watch"]);
    // Every generated site saved: updates long enough to be caught in the middle.
    std::thread::sleep(Duration::from_millis(300));
    for i in 0..1500 {
        let rel = format!("sites/generated-{i}.md");
        let text = std::fs::read_to_string(tree.content().join(&rel)).expect("read");
        tree.write(&rel, text.replace("Generated Memorial", "Edited Memorial"));
    }
    // The watcher may take the saves in more than one update. While one is under way (its
    // journal is there), a reader sees the last one committed: that is what the kill, a moment
    // later, must leave.
    let journal = tree.dir.path().join("data/atlas.db-journal");
    let mut committed = None;
    for _ in 0..20_000 {
        if journal.exists() {
            committed = Some(
                Database::open(&tree.db(), false)
                    .expect("readable during the update")
                    .built_at()
                    .to_string(),
            );
            server.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    server.kill();
    let committed = committed.expect("an update's journal never appeared");

    // The next run (`serve` and `build` begin so) rolls the update back: the last good
    // database, whole.
    memorial_atlas::db::recover(&tree.db()).expect("recover");
    assert!(!journal.exists(), "the journal was rolled back and removed");
    let db = Database::open(&tree.db(), false).expect("still a database");
    assert_eq!(db.built_at(), committed);
    let conn = rusqlite::Connection::open(tree.db()).expect("open");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    assert_eq!(check, "ok");
    assert!(db.site("generated-7").expect("query").is_some());
}
