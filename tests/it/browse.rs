//! Browsing: filters with counts, sorting, pages, nearby sites, maps and the calendar.

use crate::support::{Tree, app_for, fixture_app, listed};

#[actix_web::test]
async fn filters_combine_and_show_counts() {
    let app = fixture_app(false).await;
    let all = app.get("/sites/").await;
    all.assert_has(&[
        "3 sites.",
        "<a href=\"/sites/?country=kp\"><span>North Korea</span> <span class=\"count\">(2)</span></a>",
        "<a href=\"/sites/?kind=monument\"><span>Monument</span> <span class=\"count\">(2)</span></a>",
        "<a href=\"/sites/?status=planned\"><span>Planned</span> <span class=\"count\">(1)</span></a>",
        "<a href=\"/sites/?conflict=Second+World+War\"><span>Second World War</span> <span class=\"count\">(1)</span></a>",
        "<a href=\"/sites/?date=victory-day\"><span>Victory Day</span> <span class=\"count\">(2)</span></a>",
    ]);
    let kp = app.get("/sites/?country=kp").await;
    assert_eq!(kp.status, 200);
    assert_eq!(
        listed(&kp.body),
        ["/sites/dismantled-monument/", "/sites/full-site/"]
    );
    kp.assert_has(&[
        "2 sites match the filters.",
        "<a href=\"/sites/\">Clear all filters</a>",
        "noindex, nofollow",
    ]);
    // Counts of the other filters follow the chosen one; the chosen one's link removes it.
    kp.assert_has(&[
        "<a href=\"/sites/?country=kp&#38;status=dismantled\"><span>Dismantled</span> <span class=\"count\">(1)</span></a>",
        "<a href=\"/sites/\" aria-current=\"true\" class=\"facet-active\"><span>North Korea</span>",
    ]);
    let both = app
        .get("/sites/?country=kp&status=dismantled&date=victory-day")
        .await;
    assert_eq!(listed(&both.body), ["/sites/dismantled-monument/"]);
    let none = app.get("/sites/?country=ru&kind=monument").await;
    none.assert_has(&[
        "0 sites match the filters.",
        "No site matches these filters.",
    ]);
}

#[actix_web::test]
async fn unknown_filter_values_answer_400_with_the_valid_values() {
    let app = fixture_app(false).await;
    for (url, valid) in [
        ("/sites/?country=zz", "cn, kp, ru"),
        (
            "/sites/?kind=tower",
            "monument, cemetery, grave, memorial-complex, museum, plaque, street, park",
        ),
        ("/sites/?status=gone", "extant, destroyed"),
        (
            "/sites/?date=nope",
            "leap-day-remembrance, victory-day, korea-liberation-day",
        ),
        (
            "/sites/?conflict=Nope",
            "Second World War, Soviet–Japanese War",
        ),
        ("/sites/?sort=age", "name, country, established"),
        ("/sites/?page=-1", "whole number"),
    ] {
        let page = app.get(url).await;
        assert_eq!(page.status, 400, "{url}");
        page.assert_has(&[valid]);
    }
}

#[actix_web::test]
async fn sorting_and_stable_pages() {
    let tree = Tree::fixture();
    for i in 0..55 {
        tree.write(
            &format!("sites/extra-{i:02}.md"),
            format!("+++\ntitle = \"Extra {i:02}\"\ncountry = \"ru\"\nlocality = \"Moscow\"\nkind = \"plaque\"\nstatus = \"extant\"\nestablished = \"{}\"\n[[sources]]\ntitle = \"S\"\n+++\n", 1900 + i),
        );
    }
    tree.build();
    let app = app_for(tree, false).await;
    let first = app.get("/sites/?sort=established").await;
    let rows = listed(&first.body);
    assert_eq!(rows.len(), 50);
    assert_eq!(rows[0], "/sites/extra-00/", "oldest first");
    first.assert_has(&[
        "Page 1 of 2",
        "<a href=\"/sites/?sort=established&#38;page=2\" rel=\"next\">Next page</a>",
    ]);
    let second = app.get("/sites/?sort=established&page=2").await;
    assert_eq!(second.status, 200);
    let rows2 = listed(&second.body);
    assert_eq!(rows2.len(), 8);
    assert!(
        rows.contains(&"/sites/full-site/".to_string()),
        "1947-08-15 sorts among the years"
    );
    assert!(
        rows2.last().is_some_and(|r| r == "/sites/kursk-plan/"),
        "sites without a date come last: {rows2:?}"
    );
    assert_eq!(app.get("/sites/?sort=established&page=3").await.status, 404);
    let by_name = listed(&app.get("/sites/").await.body);
    assert_eq!(by_name[0], "/sites/dismantled-monument/");
    let by_country = listed(&app.get("/sites/?sort=country").await.body);
    assert_eq!(
        by_country[0], "/sites/dismantled-monument/",
        "North Korea before Russia"
    );
    assert_eq!(
        by_country[2..4],
        ["/sites/kursk-plan/", "/sites/extra-00/"],
        "then by place: Kursk before Moscow"
    );
}

/// The site links of a country's or a date's list.
fn list_items(body: &str) -> usize {
    body.matches("<a class=\"site-link\"").count()
}

#[actix_web::test]
async fn long_country_and_date_lists_stop_at_a_limit_and_link_to_the_paged_list() {
    let tree = Tree::fixture();
    for i in 0..205 {
        tree.write(
            &format!("sites/many-{i:03}.md"),
            format!("+++\ntitle = \"Many {i:03}\"\ncountry = \"cn\"\nlocality = \"Harbin\"\nkind = \"grave\"\nstatus = \"extant\"\ncommemorations = [\"victory-day\"]\n[[sources]]\ntitle = \"S\"\n+++\n"),
        );
    }
    tree.build();
    let app = app_for(tree, false).await;
    let country = app.get("/countries/cn/").await;
    assert_eq!(country.status, 200);
    assert_eq!(list_items(&country.body), 200);
    country.assert_has(&[
        "<h2 id=\"sites-heading\">Sites (205)</h2>",
        "These are the first 200 of 205 sites.",
        "<a href=\"/sites/?country=cn\">All 205 sites in China, page by page</a>",
    ]);
    let date = app.get("/dates/victory-day/").await;
    assert_eq!(list_items(&date.body), 200);
    date.assert_has(&["These are the first 200 of 207 sites."]);
    let day = app.get("/on-this-day/05-09/").await;
    day.assert_has(&["<a href=\"/sites/?date=victory-day\">All 207 sites that mark Victory Day, page by page</a>"]);
    // The list it links to has them all, and counts them the same.
    let all = app.get("/sites/?country=cn").await;
    all.assert_has(&["Page 1 of 5"]);
    // A short list says nothing of a limit.
    app.get("/countries/kp/")
        .await
        .assert_lacks(&["These are the first"]);
}

const NEAR: [(&str, f64, f64); 7] = [
    ("a-two-km", 39.0572, 125.7625),
    ("b-ten-km", 39.1292, 125.7625),
    ("c-fifty-km", 39.4892, 125.7625),
    ("d-hundred-km", 39.9392, 125.7625),
    ("e-far", 45.0, 125.7625),
    ("f-farther", 50.0, 125.7625),
    ("g-other-side", -39.0, -54.0),
];

/// The fixtures plus a site at each of the places in NEAR.
fn tree_with_sites_near_the_obelisk() -> Tree {
    let tree = Tree::fixture();
    for (slug, lat, lon) in NEAR {
        tree.write(
            &format!("sites/{slug}.md"),
            format!("+++\ntitle = \"Near {slug}\"\ncountry = \"kp\"\nlocality = \"X\"\nkind = \"grave\"\nstatus = \"extant\"\ncoordinates = [{lat}, {lon}]\n[[sources]]\ntitle = \"S\"\n+++\n"),
        );
    }
    tree.build();
    tree
}

#[actix_web::test]
async fn site_pages_list_the_five_nearest_sites_with_distances() {
    let tree = tree_with_sites_near_the_obelisk();
    let app = app_for(tree, false).await;
    let page = app.get("/sites/full-site/").await;
    page.assert_has(&[
        "<h2 id=\"nearby-heading\">Nearby sites</h2>",
        "Near a-two-km</a> <span class=\"meta\">2.0 km",
        "Near b-ten-km</a> <span class=\"meta\">10 km",
        "Near d-hundred-km</a> <span class=\"meta\">100 km",
    ]);
    let section = page
        .body
        .split("id=\"nearby-heading\"")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("nearby section");
    let order: Vec<usize> = [
        "a-two-km",
        "b-ten-km",
        "c-fifty-km",
        "d-hundred-km",
        "e-far",
    ]
    .iter()
    .map(|s| {
        section
            .find(&format!("/sites/{s}/"))
            .unwrap_or_else(|| panic!("{s} listed"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "nearest first");
    assert!(
        !section.contains("f-farther") && !section.contains("g-other-side"),
        "five only"
    );
    // A site without coordinates has no such list.
    assert!(
        !app.get("/sites/dismantled-monument/")
            .await
            .body
            .contains("nearby-heading")
    );
}

/// The marker of a site in an SVG map: (cx, cy).
fn marker(body: &str, slug: &str) -> (f64, f64) {
    let start = body
        .find(&format!("<a href=\"/sites/{slug}/\""))
        .unwrap_or_else(|| panic!("no marker for {slug}"));
    let rest = &body[start..];
    let attr = |name: &str| -> f64 {
        let i = rest.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        rest[i..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect("number")
    };
    (attr("cx"), attr("cy"))
}

/// The map that holds a site's marker: where its `<svg` starts, and its viewBox's width and height.
fn map_of(body: &str, slug: &str) -> (usize, f64, f64) {
    let at = body
        .find(&format!("<a href=\"/sites/{slug}/\""))
        .unwrap_or_else(|| panic!("no marker for {slug}"));
    let start = body[..at]
        .rfind("<svg class=\"map\"")
        .expect("a map around the marker");
    let view = body[start..]
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .expect("viewBox");
    let mut wh = view.split(' ').map(|n| n.parse::<f64>().expect("number"));
    let (w, h) = (wh.next().expect("width"), wh.next().expect("height"));
    (start, w, h)
}

#[actix_web::test]
async fn the_map_frames_the_sites_and_puts_each_marker_at_its_coordinates() {
    let tree = tree_with_sites_near_the_obelisk();
    let app = app_for(tree, false).await;
    let page = app.get("/map/").await;
    assert_eq!(page.status, 200);
    page.assert_has(&[
        "<svg class=\"map\"",
        "aria-label=\"Fixture Obelisk, Pyongyang\"",
        "<title>Fixture Obelisk, Pyongyang</title>",
    ]);
    // Every marker lies inside its map's frame.
    for (slug, _, _) in NEAR.iter().chain([("full-site", 0.0, 0.0)].iter()) {
        let (_, w, h) = map_of(&page.body, slug);
        let (cx, cy) = marker(&page.body, slug);
        assert!(
            (0.0..=w).contains(&cx) && (0.0..=h).contains(&cy),
            "{slug}: ({cx}, {cy}) outside 0 0 {w} {h}"
        );
    }
    // Sites half a world apart are framed on maps of their own, not shrunk onto one world map.
    let korea = map_of(&page.body, "full-site").0;
    assert_ne!(korea, map_of(&page.body, "g-other-side").0);
    assert_eq!(korea, map_of(&page.body, "f-farther").0);
    // Within a map the projection is plain: same longitude, same x; latitude linear in y.
    let (x0, y0) = marker(&page.body, "full-site");
    let (x1, y1) = marker(&page.body, "d-hundred-km");
    let (x2, y2) = marker(&page.body, "f-farther");
    assert!(
        (x0 - x1).abs() < 0.2 && (x0 - x2).abs() < 0.2,
        "{x0} {x1} {x2}"
    );
    let ratio = (y0 - y1) / (y0 - y2);
    let expected = (39.9392 - 39.0392) / (50.0 - 39.0392);
    assert!((ratio - expected).abs() < 0.01, "{ratio} vs {expected}");
    assert!(
        page.body.contains("8 of 10 sites have coordinates"),
        "sites without coordinates are counted, not placed"
    );
    assert!(
        !page.body.contains("http://") || page.body.contains("https://www.openstreetmap.org/"),
        "no request to another host"
    );
    // Site and country pages carry their own locator map.
    let site = app.get("/sites/full-site/").await;
    site.assert_has(&[
        "<figure class=\"locator\">",
        "aria-current=\"page\"><circle class=\"map-marker map-marker-current\"",
    ]);
    let country = app.get("/countries/kp/").await;
    country.assert_has(&[
        "<figure class=\"country-map\">",
        "<a href=\"/sites/a-two-km/\"",
    ]);
}

#[actix_web::test]
async fn the_calendar_groups_dates_by_month_and_on_this_day_redirects_to_today() {
    let app = fixture_app(false).await;
    let page = app.get("/dates/").await;
    page.assert_has(&[
        "<h2 id=\"month-1\">January</h2>",
        "<h2 id=\"month-12\">December</h2>",
        "<h2 id=\"month-5\">May</h2>",
    ]);
    let may = page
        .body
        .split("<h2 id=\"month-5\">")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("May");
    assert!(may.contains("Victory Day"));
    assert!(!may.contains("Korea Liberation Day"));

    let redirect = app.get("/on-this-day/").await;
    assert_eq!(redirect.status, 302);
    assert_eq!(redirect.header("location"), "/on-this-day/11-23/");

    let day = app.get("/on-this-day/05-09/").await;
    assert_eq!(day.status, 200);
    day.assert_has(&[
        "<h1>On this day: 9 May</h1>",
        "Victory Day",
        "/sites/full-site/",
        "/sites/dismantled-monument/",
        "href=\"/on-this-day/05-08/\"",
        "href=\"/on-this-day/05-10/\"",
    ]);
    let leap = app.get("/on-this-day/02-29/").await;
    leap.assert_has(&["Leap Day Remembrance", "href=\"/on-this-day/03-01/\""]);
    let quiet = app.get("/on-this-day/11-23/").await;
    quiet.assert_has(&["No commemoration date in the atlas falls on 23 November."]);
    for bad in [
        "/on-this-day/02-30/",
        "/on-this-day/13-01/",
        "/on-this-day/5-9/",
        "/on-this-day/xx/",
    ] {
        assert_eq!(app.get(bad).await.status, 404, "{bad}");
    }
}
