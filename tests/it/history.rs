//! Positions with a precision, dated histories and citations of sources: what `check` refuses and
//! warns about, and what visitors, search engines and reusers get.

use crate::support::{Tree, app_for};

/// A site in Wonsan placed at the town's centre from a gazetteer, with a history and citations.
const CITED: &str = r#"+++
title = "Soviet Burial Ground, Wonsan"
country = "kp"
locality = "Wonsan"
kind = "cemetery"
status = "dismantled"
removed = "1976"
coordinates = [39.15278, 127.44361]
coordinates_precision = "locality"
coordinates_source = "geonames"

[[sources]]
id = "embassy"
title = "Soviet Military Memorials in the DPRK"

[[sources]]
id = "geonames"
title = "GeoNames: Wonsan"
url = "https://www.geonames.org/1866923"

[[events]]
date = "1947-08-15"
what = "unveiled"
note = "Unveiled on the second anniversary of the liberation."
source = "embassy"

[[events]]
date = "1976"
what = "dismantled"
source = "embassy"
+++

The burial ground holds 40 graves.[^embassy] It was dismantled in 1976.[^embassy]

A note of the atlas's own.[^1]

[^1]: An ordinary footnote.
"#;

/// A second site at the same town centre, so that the maps group the two.
const NEIGHBOUR: &str = r#"+++
title = "Monument to Soviet Soldiers"
country = "kp"
locality = "Wonsan"
kind = "monument"
status = "extant"
coordinates = [39.15278, 127.44361]
coordinates_precision = "locality"
coordinates_source = "geonames"

[[sources]]
id = "geonames"
title = "GeoNames: Wonsan"
+++
"#;

fn tree_with_cited_sites() -> Tree {
    let tree = Tree::fixture();
    tree.write("sites/wonsan-burial-ground.md", CITED);
    tree.write("sites/wonsan-monument.md", NEIGHBOUR);
    tree.build();
    tree
}

/// Every error and warning line `check` prints for the fixtures with `text` as one more site.
fn check_with(text: &str) -> (bool, String) {
    let tree = Tree::fixture();
    tree.write("sites/x.md", text);
    let out = tree.run(&["check"]);
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[track_caller]
fn assert_refused(text: &str, expected: &[&str]) {
    let (ok, out) = check_with(text);
    assert!(!ok, "check passed:\n{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("error: ") && expected.iter().all(|x| l.contains(x))),
        "expected an error line containing {expected:?}, got:\n{out}"
    );
}

#[test]
fn a_cited_site_passes_check() {
    let (ok, out) = check_with(CITED);
    assert!(ok, "{out}");
    assert!(!out.contains("content/sites/x.md"), "{out}");
}

#[test]
fn a_citation_of_an_unknown_id_is_refused_with_the_ids_there_are() {
    let text = CITED.replace(
        "dismantled in 1976.[^embassy]",
        "dismantled in 1976.[^embasy]",
    );
    assert_refused(
        &text,
        &[
            "content/sites/x.md:33:72",
            "no source has the id `embasy`",
            "the ids there are: embassy, geonames",
            "did you mean `embassy`?",
        ],
    );
}

#[test]
fn a_footnote_definition_with_a_source_id_is_refused() {
    let text = CITED.replace("[^1]: An ordinary footnote.", "[^geonames]: A note.");
    assert_refused(
        &text,
        &[
            "content/sites/x.md:37:1",
            "`[^geonames]:` has the id of a source",
        ],
    );
}

#[test]
fn source_ids_must_be_well_formed_and_unique() {
    assert_refused(
        &CITED.replace("id = \"embassy\"", "id = \"Embassy 2\""),
        &["field `sources[1].id`", "`Embassy 2` cannot be a source id"],
    );
    assert_refused(
        &CITED.replace("id = \"geonames\"", "id = \"embassy\""),
        &[
            "content/sites/x.md:17:6",
            "the source id `embassy` is used twice",
        ],
    );
}

#[test]
fn the_position_and_the_events_must_cite_a_source_of_the_file() {
    assert_refused(
        &CITED.replace(
            "coordinates_source = \"geonames\"",
            "coordinates_source = \"gazetteer\"",
        ),
        &[
            "content/sites/x.md:10:22",
            "field `coordinates_source`: no source has the id `gazetteer`",
        ],
    );
    assert_refused(
        &CITED.replace(
            "what = \"dismantled\"\nsource = \"embassy\"",
            "what = \"dismantled\"",
        ),
        &[
            "field `events[2].source`",
            "missing required field `source`",
        ],
    );
    assert_refused(
        &CITED.replace(
            "coordinates_precision = \"locality\"",
            "coordinates_precision = \"town\"",
        ),
        &[
            "field `coordinates_precision`",
            "expected one of: exact, locality",
        ],
    );
}

#[test]
fn events_need_a_date_a_known_kind_and_one_line_of_note() {
    assert_refused(
        &CITED.replace("what = \"unveiled\"", "what = \"inaugurated\""),
        &["field `events[1].what`", "`inaugurated` is not allowed"],
    );
    assert_refused(
        &CITED.replace("date = \"1947-08-15\"\n", ""),
        &["field `events[1].date`", "missing required field `date`"],
    );
    assert_refused(
        &CITED.replace(
            "note = \"Unveiled on the second anniversary of the liberation.\"",
            "note = \"\"\"One\nTwo\"\"\"",
        ),
        &["field `events[1].note`", "must be one line"],
    );
}

#[test]
fn check_says_where_the_events_contradict_the_dates_and_the_status() {
    assert_refused(
        &CITED.replace("removed = \"1976\"", "removed = \"1980\""),
        &[
            "content/sites/x.md:7:11",
            "field `removed`",
            "says 1980",
            "dismantled 1976",
        ],
    );
    assert_refused(
        &CITED.replace("date = \"1976\"", "date = \"1946\""),
        &[
            "the events are out of order",
            "(1946) comes after one of 1947-08-15",
        ],
    );
    assert_refused(
        &CITED.replace("status = \"dismantled\"", "status = \"extant\""),
        &["`status` is extant", "dismantled in 1976"],
    );
    // A status without an event of its kind is no contradiction.
    let (ok, out) = check_with(&CITED.replace(
        "[[events]]\ndate = \"1976\"\nwhat = \"dismantled\"\nsource = \"embassy\"\n",
        "",
    ));
    assert!(ok, "{out}");
}

#[test]
fn sources_without_an_id_get_one_warning_for_them_all() {
    let text = CITED.replace(
        "[[sources]]\nid = \"geonames\"",
        "[[sources]]\ntitle = \"First\"\n\n[[sources]]\ntitle = \"Second\"\n\n[[sources]]\nid = \"geonames\"",
    );
    let (ok, out) = check_with(&text);
    assert!(ok, "{out}");
    assert!(
        out.contains("field `sources`: nothing cites sources 2, 3: give each an `id`"),
        "{out}"
    );
    let about_x = out
        .lines()
        .filter(|l| l.starts_with("warning: content/sites/x.md"));
    assert_eq!(about_x.count(), 1, "{out}");

    // A build has no use for warnings: it gathers none, and says nothing of them.
    let tree = Tree::fixture();
    tree.write("sites/x.md", &text);
    let build = tree.run(&["build"]);
    assert!(build.status.success());
    let said = String::from_utf8_lossy(&build.stdout).to_string()
        + &String::from_utf8_lossy(&build.stderr);
    assert!(!said.contains("warning"), "{said}");
}

#[test]
fn a_source_nothing_cites_is_a_warning_not_an_error() {
    let text = CITED.replace(
        "[[sources]]\nid = \"geonames\"",
        "[[sources]]\nid = \"unused\"\ntitle = \"Unused\"\n\n[[sources]]\nid = \"geonames\"",
    );
    let (ok, out) = check_with(&text);
    assert!(ok, "{out}");
    assert!(
        out.contains("warning: content/sites/x.md:17:6: field `sources[2]`: nothing cites the source `unused`"),
        "{out}"
    );
    assert!(out.contains("no errors"), "{out}");

    let tree = Tree::fixture();
    tree.write("sites/x.md", &text);
    let json = tree.run(&["check", "--format", "json"]);
    assert!(json.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(doc["ok"], true);
    let warnings = doc["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .any(|w| w["file"] == "content/sites/x.md" && w["line"] == 17),
        "{doc:#}"
    );
}

#[test]
fn a_duplicate_key_is_named() {
    assert_refused(
        &CITED.replace(
            "kind = \"cemetery\"",
            "kind = \"cemetery\"\nkind = \"grave\"",
        ),
        &["content/sites/x.md:6:1", "duplicate key `kind`"],
    );
}

#[actix_web::test]
async fn citations_link_to_their_sources_and_back() {
    let app = app_for(tree_with_cited_sites(), false).await;
    let page = app.get("/sites/wonsan-burial-ground/").await;
    assert_eq!(page.status, 200);
    page.assert_has(&[
        // In the body: numbered by the source's place in the list, read as "source 1".
        "40 graves.<sup class=\"citation\"><a href=\"#source-embassy\" id=\"cite-embassy\" aria-label=\"source 1\"",
        ">[1]</a></sup>",
        "id=\"cite-embassy-2\"",
        // The list of sources: stable ids, and a link back to the first citation.
        "<li id=\"source-embassy\"><cite>Soviet Military Memorials in the DPRK</cite>. <a href=\"#cite-embassy\" class=\"footnote-back\"",
        "<li id=\"source-geonames\">",
        // An ordinary footnote still works.
        "href=\"#fn-1\"",
        "An ordinary footnote.",
    ]);
    // The synthetic definitions that make citations footnotes are not shown.
    page.assert_lacks(&["id=\"fn-embassy\"", ">source</"]);
}

#[actix_web::test]
async fn the_site_page_shows_its_history_and_an_approximate_position() {
    let app = app_for(tree_with_cited_sites(), false).await;
    let page = app.get("/sites/wonsan-burial-ground/").await;
    page.assert_has(&[
        "<h2 id=\"site-history-heading\">History</h2>",
        "<li><time datetime=\"1947-08-15\">15 August 1947</time> <span class=\"event-what\">Unveiled</span>: <span>Unveiled on the second anniversary of the liberation.</span><sup class=\"citation\"><a href=\"#source-embassy\" aria-label=\"source 1\">[1]</a></sup></li>",
        "<time datetime=\"1976\">1976</time> <span class=\"event-what\">Dismantled</span>",
        "<dt>Coordinates</dt><dd>approximate: centre of Wonsan, 39.1528° N, 127.4436° E<sup class=\"citation\"><a href=\"#source-geonames\" aria-label=\"source 2\">[2]</a></sup>",
        // The town's centre, not the site: no `geo` for search engines, a town-wide map link.
        "#map=12/39.15278/127.44361",
        // The established date comes from the unveiling.
        "<dt>Established</dt><dd><time datetime=\"1947-08-15\">15 August 1947</time>",
        // Two sites at one town centre: "in the same town", not "0.0 km".
        "Monument to Soviet Soldiers</a> <span class=\"meta\">in the same town",
    ]);
    page.assert_lacks(&["\"geo\"", "GeoCoordinates"]);
    // An exact position keeps its `geo`.
    let exact = app.get("/sites/full-site/").await;
    exact.assert_has(&["\"geo\":{\"@type\":\"GeoCoordinates\""]);
}

#[actix_web::test]
async fn a_title_that_names_its_town_is_not_followed_by_it_again() {
    let app = app_for(tree_with_cited_sites(), false).await;
    let page = app.get("/sites/wonsan-burial-ground/").await;
    page.assert_has(&[
        "<title>Soviet Burial Ground, Wonsan — Memorial Atlas</title>",
        "<meta property=\"og:title\" content=\"Soviet Burial Ground, Wonsan\">",
        "\"name\":\"Soviet Burial Ground, Wonsan\",\"position\":4",
    ]);
    page.assert_lacks(&["Wonsan, Wonsan"]);
    let other = app.get("/sites/wonsan-monument/").await;
    other.assert_has(&["<title>Monument to Soviet Soldiers, Wonsan — Memorial Atlas</title>"]);
}

#[actix_web::test]
async fn exports_carry_the_precision() {
    let app = app_for(tree_with_cited_sites(), false).await;
    let geojson: serde_json::Value =
        serde_json::from_str(&app.get("/data/sites.geojson").await.body).expect("GeoJSON");
    let feature = |id: &str| {
        geojson["features"]
            .as_array()
            .and_then(|f| f.iter().find(|f| f["id"] == id))
            .cloned()
            .unwrap_or_else(|| panic!("no feature {id}"))
    };
    assert_eq!(
        feature("wonsan-burial-ground")["properties"]["coordinates_precision"],
        "locality"
    );
    assert_eq!(
        feature("full-site")["properties"]["coordinates_precision"],
        "exact"
    );
    let csv = app.get("/data/sites.csv").await.body;
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect(name);
    // The columns that were there keep their places; the new ones follow.
    assert_eq!(at("slug"), 0);
    assert_eq!(at("images"), 29);
    assert_eq!(at("coordinates_precision"), 30);
    let row = lines
        .find(|l| l.starts_with("wonsan-monument,"))
        .expect("row");
    assert!(row.contains(",locality,geonames,"), "{row}");
}

#[actix_web::test]
async fn the_map_groups_sites_that_share_a_town_and_keeps_each_reachable() {
    let app = app_for(tree_with_cited_sites(), false).await;
    let page = app.get("/map/").await;
    page.assert_has(&[
        // One marker for both Wonsan sites, linking to their list on the page.
        "<a href=\"#place-kp-wonsan\" aria-label=\"2 sites in Wonsan: see the list of them\">",
        "data-count=\"2\"",
        "<h3 id=\"place-kp-wonsan\">Wonsan, North Korea (2 sites)</h3>",
        "<a class=\"site-link\" href=\"/sites/wonsan-burial-ground/\">",
        "<a class=\"site-link\" href=\"/sites/wonsan-monument/\">",
        // Approximate positions are drawn differently, and the legend says so.
        "class=\"map-group map-approximate\"",
        "<ul class=\"map-legend\">",
        "approximate: the centre of the site&#39;s town",
        "the site&#39;s own position",
    ]);
    // The country page groups them too, linking to its own heading of the town.
    let country = app.get("/countries/kp/").await;
    country.assert_has(&[
        "<a href=\"#place-kp-wonsan\"",
        "<h3 id=\"place-kp-wonsan\">Wonsan</h3>",
    ]);
}

#[actix_web::test]
async fn on_this_day_lists_the_anniversaries_of_events() {
    let app = app_for(tree_with_cited_sites(), false).await;
    let page = app.get("/on-this-day/08-15/").await;
    page.assert_has(&[
        "Anniversaries in the sites&#39; histories",
        "<a class=\"site-link\" href=\"/sites/wonsan-burial-ground/\">Soviet Burial Ground, Wonsan</a> <span class=\"meta\">unveiled on 15 August 1947",
    ]);
    // An event known only to the year has no anniversary.
    let other = app.get("/on-this-day/01-01/").await;
    other.assert_lacks(&["wonsan-burial-ground"]);
}

#[actix_web::test]
async fn the_list_leaves_out_an_established_column_that_is_empty_in_every_row() {
    let app = app_for(tree_with_cited_sites(), false).await;
    let list = app.get("/sites/?country=ru").await;
    assert_eq!(list.status, 200);
    list.assert_lacks(&["<th scope=\"col\">Established</th>"]);
    let all = app.get("/sites/").await;
    all.assert_has(&["<th scope=\"col\">Established</th>", "15 August 1947"]);
}

#[actix_web::test]
async fn sites_in_many_regions_share_one_framed_map() {
    let tree = Tree::fixture();
    for (i, (lat, lon)) in [
        (0.0, 0.0),
        (0.0, 60.0),
        (-10.0, 100.0),
        (50.0, -100.0),
        (-40.0, -60.0),
    ]
    .into_iter()
    .enumerate()
    {
        tree.write(
            &format!("sites/far-{i}.md"),
            format!("+++\ntitle = \"Far {i}\"\ncountry = \"kp\"\nlocality = \"X{i}\"\nkind = \"grave\"\nstatus = \"extant\"\ncoordinates = [{lat}, {lon}]\n[[sources]]\ntitle = \"S\"\n+++\n"),
        );
    }
    tree.build();
    let app = app_for(tree, false).await;
    let page = app.get("/map/").await;
    assert_eq!(
        page.body.matches("<svg class=\"map\"").count(),
        1,
        "one map"
    );
    let view = page
        .body
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .expect("viewBox");
    let (w, h) = view.split_once(' ').expect("w h");
    let (w, h): (f64, f64) = (w.parse().expect("w"), h.parse().expect("h"));
    for slug in ["far-0", "far-1", "far-2", "far-3", "far-4", "full-site"] {
        let at = page
            .body
            .find(&format!("<a href=\"/sites/{slug}/\""))
            .unwrap_or_else(|| panic!("{slug} on the map"));
        let cx: f64 = page.body[at..]
            .split("cx=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .expect("cx");
        assert!((0.0..=w).contains(&cx), "{slug}: {cx} of {w} × {h}");
    }
}
