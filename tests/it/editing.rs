//! The editors' workflow: scaffolding, drafts, live preview, machine-readable errors, and the
//! "suggest a correction" link.

use std::time::{Duration, Instant};

use actix_web::web::Data;
use memorial_atlas::web::SharedState;

use crate::support::{Running, Tree, app_for, fixture_app, http_get};

#[test]
fn new_writes_every_field_refuses_to_overwrite_and_passes_check_once_filled_in() {
    let tree = Tree::fixture();
    let out = tree.run(&[
        "new",
        "site",
        "new-obelisk",
        "--title",
        "New \"Obelisk\"",
        "--country",
        "kp",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("created"));
    let path = tree.content().join("sites/new-obelisk.md");
    let text = std::fs::read_to_string(&path).expect("new file");
    for field in [
        "title",
        "country",
        "locality",
        "region",
        "kind",
        "status",
        "honours",
        "conflicts",
        "established",
        "removed",
        "coordinates",
        "commemorations",
        "names",
        "burials",
        "caretaker",
        "visiting",
        "wikidata",
        "osm",
        "summary",
        "updated",
        "draft",
        "aliases",
        "[[sources]]",
        "publisher",
        "url",
        "date",
        "[[images]]",
        "alt",
        "caption",
        "credit",
        "license",
    ] {
        assert!(text.contains(field), "the template names `{field}`");
    }
    assert!(text.contains(r#"title = "New \"Obelisk\"""#), "{text}");

    // As written, the empty required values are reported.
    let check = tree.run(&["check"]);
    assert!(!check.status.success());
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("content/sites/new-obelisk.md") && stderr.contains("field `locality`"),
        "{stderr}"
    );
    assert!(stderr.contains("field `sources[1].title`"), "{stderr}");

    // Filled in, it passes.
    let filled = text
        .replacen("locality = \"\"", "locality = \"Pyongyang\"", 1)
        .replacen("title = \"\"", "title = \"A source\"", 1);
    std::fs::write(&path, &filled).expect("write");
    let check = tree.run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // A second `new` with the same slug changes nothing.
    let again = tree.run(&["new", "site", "new-obelisk"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).expect("file"), filled);
}

#[test]
fn new_makes_countries_dates_and_pages_that_pass_once_filled_in() {
    let tree = Tree::fixture();
    for args in [
        ["new", "country", "mn"],
        ["new", "date", "armistice-day"],
        ["new", "page", "contribute"],
    ] {
        let out = tree.run(&[args[0], args[1], args[2], "--title", "Filled"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let check = tree.run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    for (args, why) in [
        (["new", "site", "Bad Slug"], "cannot be a slug"),
        (["new", "country", "mng"], "not a country code"),
        (["new", "page", "sites"], "address the site uses itself"),
    ] {
        let out = tree.run(&args);
        assert!(!out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(why),
            "{args:?}"
        );
    }
}

#[test]
fn check_format_json_lists_every_error_for_tools() {
    let tree = Tree::fixture();
    tree.write("sites/x.md", "+++\ntitle = \"X\"\ncountry = \"kr\"\nlocality = \"Y\"\nkind = \"monument\"\nstatus = \"extant\"\n[[sources]]\ntitle = \"S\"\n+++\n");
    let out = tree.run(&["check", "--format", "json"]);
    assert!(!out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["error_count"], 1);
    let e = &doc["errors"][0];
    assert_eq!(e["file"], "content/sites/x.md");
    assert_eq!(e["line"], 3);
    assert_eq!(e["column"], 11);
    assert_eq!(e["field"], "country");
    assert_eq!(e["hint"], "did you mean `kp`?");
    assert!(out.stderr.is_empty(), "JSON mode prints nothing else");

    tree.remove("sites/x.md");
    let out = tree.run(&["check", "--format", "json"]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(doc["ok"], true);
}

#[actix_web::test]
async fn drafts_are_absent_from_every_list_unless_previewing() {
    let public = fixture_app(false).await;
    for path in ["/", "/sites/", "/countries/cn/", "/countries/"] {
        let page = public.get(path).await;
        page.assert_lacks(&["Unpublished Draft Cemetery"]);
    }
    public
        .get("/countries/")
        .await
        .assert_has(&["<a href=\"/countries/cn/\">China</a> <span class=\"meta\">0 sites</span>"]);

    let preview = fixture_app(true).await;
    for path in ["/sites/", "/countries/cn/"] {
        let page = preview.get(path).await;
        page.assert_has(&[
            "Unpublished Draft Cemetery",
            "<span class=\"badge badge-draft\">Draft</span>",
        ]);
    }
}

#[actix_web::test]
async fn correction_link_goes_to_the_web_editor_when_configured() {
    let app = fixture_app(false).await;
    let page = app.get("/sites/full-site/").await;
    page.assert_has(&["<a href=\"/editorial-policy/#corrections\">Suggest a correction</a>"]);

    let tree = Tree::fixture();
    tree.build();
    let mut config = tree.config(false);
    config.edit_url = Some("https://example.org/atlas/edit/main/".into());
    let shared = Data::new(SharedState::new(config));
    let service = actix_web::test::init_service(memorial_atlas::web::app(shared)).await;
    let resp = actix_web::test::call_service(
        &service,
        actix_web::test::TestRequest::get()
            .uri("/sites/full-site/")
            .to_request(),
    )
    .await;
    let body = String::from_utf8_lossy(&actix_web::test::read_body(resp).await).into_owned();
    assert!(body.contains("<a href=\"https://example.org/atlas/edit/main/content/sites/full-site.md\">Suggest a correction</a>"), "{body}");

    // The same database without the setting: the link goes back to the editorial policy.
    let unconfigured = app_for(tree, false).await;
    unconfigured
        .get("/sites/full-site/")
        .await
        .assert_has(&["<a href=\"/editorial-policy/#corrections\">Suggest a correction</a>"]);
}

/// Polls a page until `pred` holds, for at most `limit`; returns the last response and the time taken.
fn wait_for(
    addr: &str,
    path: &str,
    limit: Duration,
    pred: impl Fn(&str) -> bool,
) -> (String, Duration) {
    let start = Instant::now();
    loop {
        let body = http_get(addr, path);
        if pred(&body) || start.elapsed() > limit {
            return (body, start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn watch_shows_a_change_without_restart_and_keeps_the_last_good_version_on_errors() {
    let tree = Tree::fixture();
    let server = Running::start(&tree, &["--watch"]);
    let addr = server.addr.clone();
    let (first, _) = wait_for(&addr, "/sites/full-site/", Duration::from_secs(5), |b| {
        b.contains("Fixture Obelisk")
    });
    assert!(first.contains("HTTP/1.1 200"), "{first}");

    // Give the watcher a moment to settle after the initial build, then edit a file.
    std::thread::sleep(Duration::from_millis(300));
    let path = tree.content().join("sites/full-site.md");
    let original = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        original.replace("title = \"Fixture Obelisk\"", "title = \"Renamed Obelisk\""),
    )
    .expect("write");
    let (page, took) = wait_for(&addr, "/sites/full-site/", Duration::from_secs(2), |b| {
        b.contains("Renamed Obelisk")
    });
    assert!(
        page.contains("<h1>Renamed Obelisk</h1>"),
        "the change did not show within {took:?}:\n{page}"
    );

    // A broken change: the last good page stays, with the errors shown on it.
    std::fs::write(
        &path,
        original.replace("title = \"Fixture Obelisk\"", "titel = \"Broken\""),
    )
    .expect("write");
    let (page, took) = wait_for(&addr, "/sites/full-site/", Duration::from_secs(2), |b| {
        b.contains("build-errors")
    });
    assert!(page.contains("HTTP/1.1 200"), "{page}");
    assert!(
        page.contains("Renamed Obelisk"),
        "the last good version is still served"
    );
    assert!(
        page.contains("content/sites/full-site.md:2:1"),
        "the banner names file and line (after {took:?}):\n{page}"
    );
    assert!(
        page.contains("unknown field `titel` (did you mean `title`?)"),
        "{page}"
    );
    let home = http_get(&addr, "/");
    assert!(home.contains("build-errors"), "the banner is on every page");

    // Fixed again: the banner goes away.
    std::fs::write(&path, &original).expect("write");
    let (page, _) = wait_for(&addr, "/sites/full-site/", Duration::from_secs(2), |b| {
        !b.contains("build-errors") && b.contains("Fixture Obelisk")
    });
    assert!(!page.contains("build-errors"), "{page}");
}

#[actix_web::test]
async fn a_database_rebuilt_beside_the_running_server_is_served_without_restart() {
    let tree = Tree::fixture();
    tree.build();
    let content = tree.content();
    let db = tree.db();
    let app = app_for(tree, false).await;
    app.get("/sites/full-site/")
        .await
        .assert_has(&["<h1>Fixture Obelisk</h1>"]);

    // What `memorial-atlas build` does in production: a new file renamed over the old one.
    let path = content.join("sites/full-site.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace("title = \"Fixture Obelisk\"", "title = \"Rebuilt Obelisk\""),
    )
    .expect("write");
    let c = memorial_atlas::content::load(&content).expect("content");
    memorial_atlas::db::build(&c, &db).expect("build");

    // Workers look at the file at most once a second.
    let start = Instant::now();
    loop {
        let page = app.get("/sites/full-site/").await;
        if page.body.contains("<h1>Rebuilt Obelisk</h1>") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the new database was never picked up"
        );
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

#[test]
fn watch_takes_in_new_deleted_renamed_translated_and_checked_out_files() {
    let tree = Tree::fixture();
    let server = Running::start(&tree, &["--watch"]);
    let addr = server.addr.clone();
    let within = Duration::from_secs(2);
    std::thread::sleep(Duration::from_millis(300));
    let site = |title: &str, country: &str| {
        format!(
            "+++\ntitle = \"{title}\"\ncountry = \"{country}\"\nlocality = \"Wonsan\"\nkind = \"monument\"\nstatus = \"extant\"\n\n[[sources]]\nid = \"s\"\ntitle = \"A source\"\n+++\n\nIt stands by the sea.[^s]\n"
        )
    };

    // A new file: its page, and its place in the list.
    tree.write("sites/seaside-stone.md", site("Seaside Stone", "kp"));
    let (page, took) = wait_for(&addr, "/sites/seaside-stone/", within, |b| {
        b.contains("HTTP/1.1 200")
    });
    assert!(
        page.contains("<h1>Seaside Stone</h1>"),
        "not there after {took:?}:\n{page}"
    );
    assert!(http_get(&addr, "/sites/").contains("Seaside Stone"));

    // Renamed, with its old address kept as an alias: the old address leads to the new.
    std::fs::remove_file(tree.content().join("sites/seaside-stone.md")).expect("remove");
    tree.write(
        "sites/seaside-obelisk.md",
        site("Seaside Obelisk", "kp").replace(
            "status = \"extant\"\n",
            "status = \"extant\"\naliases = [\"/sites/seaside-stone/\"]\n",
        ),
    );
    let (page, took) = wait_for(&addr, "/sites/seaside-stone/", within, |b| {
        b.contains("HTTP/1.1 301")
    });
    assert!(
        page.contains("location: /sites/seaside-obelisk/")
            || page.contains("Location: /sites/seaside-obelisk/"),
        "no redirect after {took:?}:\n{page}"
    );
    assert!(http_get(&addr, "/sites/seaside-obelisk/").contains("<h1>Seaside Obelisk</h1>"));

    // A translation saved: the Russian page changes, the English one does not.
    tree.write(
        "sites/seaside-obelisk.ru.md",
        "+++\ntitle = \"Приморский обелиск\"\n+++\n\nСтоит у моря.[^s]\n",
    );
    let (page, _) = wait_for(&addr, "/ru/sites/seaside-obelisk/", within, |b| {
        b.contains("Приморский обелиск")
    });
    assert!(page.contains("<h1>Приморский обелиск</h1>"), "{page}");
    assert!(http_get(&addr, "/sites/seaside-obelisk/").contains("<h1>Seaside Obelisk</h1>"));

    // Deleted with its translation: gone.
    std::fs::remove_file(tree.content().join("sites/seaside-obelisk.ru.md")).expect("remove");
    std::fs::remove_file(tree.content().join("sites/seaside-obelisk.md")).expect("remove");
    let (page, took) = wait_for(&addr, "/sites/seaside-obelisk/", within, |b| {
        b.contains("HTTP/1.1 404")
    });
    assert!(page.contains("HTTP/1.1 404"), "still there after {took:?}");

    // A checkout of a branch: a new country and a site in it, written at once, end in one
    // state with both (the site alone would name a country there is no file for).
    tree.write("countries/mn.md", "+++\nname = \"Mongolia\"\n+++\n");
    tree.write("sites/steppe-memorial.md", site("Steppe Memorial", "mn"));
    let (page, took) = wait_for(&addr, "/sites/steppe-memorial/", within, |b| {
        b.contains("HTTP/1.1 200")
    });
    assert!(
        page.contains("Mongolia"),
        "not there after {took:?}:\n{page}"
    );
    let (country, _) = wait_for(&addr, "/countries/mn/", within, |b| {
        b.contains("Steppe Memorial")
    });
    assert!(country.contains("Steppe Memorial"), "{country}");
    assert!(!country.contains("build-errors"), "{country}");
}
