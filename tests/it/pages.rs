//! Every kind of page answers with the right status, headers and the text a reader sees.

use crate::support::fixture_app;

#[actix_web::test]
async fn home_page_shows_counts_coming_dates_countries_and_recent_checks() {
    let app = fixture_app(false).await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), "text/html; charset=utf-8");
    page.assert_has(&[
        "<html lang=\"en\">",
        "<title>Memorial Atlas</title>",
        "href=\"#main\"",
        "3 sites in 3 countries",
        "3 commemoration dates",
        // Today is 23 November 2026: the next three dates in order, with days remaining.
        "Leap Day Remembrance</a> — <time datetime=\"2028-02-29\">",
        "Victory Day</a> — <time datetime=\"2027-05-09\">Sunday, 9 May 2027</time>, in 167 days",
        "Korea Liberation Day</a> — <time datetime=\"2027-08-15\">",
        "<a href=\"/countries/kp/\">North Korea</a> <span class=\"meta\">2 sites</span>",
        // Most recently checked first.
        "Fixture Obelisk",
    ]);
    let obelisk = page.body.find("Fixture Obelisk").expect("obelisk listed");
    let dismantled = page
        .body
        .find("Dismantled Monument")
        .expect("dismantled listed");
    assert!(
        obelisk < dismantled,
        "the entry checked last should come first"
    );
    // The coming-up list is in date order: Victory Day (May 2027) before the leap day (2028).
    assert!(page.body.find("Victory Day</a> —") < page.body.find("Leap Day Remembrance</a> —"));
    page.assert_lacks(&["Unpublished Draft Cemetery"]);
}

#[actix_web::test]
async fn site_page_shows_every_field_of_its_file() {
    let app = fixture_app(false).await;
    let page = app.get("/sites/full-site/").await;
    assert_eq!(page.status, 200);
    page.assert_has(&[
        "<title>Fixture Obelisk, Pyongyang — Memorial Atlas</title>",
        "<h1>Fixture Obelisk</h1>",
        "<meta name=\"description\" content=\"A fixture obelisk with every field of the format filled in.\">",
        "<link rel=\"canonical\" href=\"https://atlas.test/sites/full-site/\">",
        // Names in other scripts, each marked with its language.
        "<span lang=\"ru\">Обелиск освобождения</span>",
        "<span lang=\"ko\">해방탑</span>",
        "<span lang=\"zh\">解放塔</span>",
        // The facts panel.
        "<dt>Country</dt><dd><a href=\"/countries/kp/\">North Korea</a></dd>",
        "<dt>Locality</dt><dd>Pyongyang</dd>",
        "<dt>Region</dt><dd>Moranbong district</dd>",
        "<dt>Kind</dt><dd>Monument</dd>",
        "<span class=\"status status-extant\">Extant</span>",
        "<time datetime=\"1947-08-15\">15 August 1947</time>",
        "<dt>Honours</dt><dd>Soldiers of the fixture campaign</dd>",
        "<span>Soviet–Japanese War</span>; <span>Second World War</span>",
        "1,375 buried in total",
        "831 known by name",
        "544 unknown",
        "991 military",
        "<dt>Caretaker</dt><dd>The fixture committee</dd>",
        "<dt>Visiting</dt><dd>Open daily</dd>",
        "39.0392° N, 125.7625° E",
        "https://www.openstreetmap.org/?mlat=39.0392&#38;mlon=125.7625",
        "https://www.openstreetmap.org/way/987654",
        "https://www.wikidata.org/wiki/Q12345",
        // Commemoration dates, linked, in calendar order.
        "<a href=\"/dates/victory-day/\">Victory Day</a> (9 May)",
        "<a href=\"/dates/korea-liberation-day/\">Korea Liberation Day</a> (15 August)",
        // The image with its size, alt text, caption, credit and licence.
        "<img src=\"/static/images/obelisk.png\" alt=\"A grey obelisk against the sky\" width=\"4\" height=\"3\"",
        "The obelisk in spring",
        "Fixture Photographer",
        "CC BY 4.0",
        // The body: Markdown with a heading id, a table, strikethrough and a working footnote.
        "<strong>1947</strong>",
        "<h2 id=\"history\">History</h2>",
        "<table>",
        "<del>Once painted red.</del>",
        "href=\"#fn-a\"",
        "id=\"fn-a\"",
        // Numbered sources.
        "<li id=\"source-report\"><a href=\"https://example.org/report\">The Fixture Report</a>, <span>Fixture Press</span>, <time datetime=\"2025-04-24\">24 April 2025</time>. <a href=\"#cite-report\" class=\"footnote-back\" aria-label=\"Back to the text\">↩</a></li>",
        // Citations of the sources, the position's source, and the history.
        "unveiled on 15 August.<sup class=\"citation\"><a href=\"#source-report\" id=\"cite-report\" aria-label=\"source 1\"",
        "39.0392° N, 125.7625° E<sup class=\"citation\"><a href=\"#source-report\" aria-label=\"source 1\">[1]</a></sup>",
        "<time datetime=\"2019-05\">May 2019</time> <span class=\"event-what\">Restored</span><sup class=\"citation\"><a href=\"#source-second\" aria-label=\"source 2\">[2]</a></sup>",
        "<li id=\"source-second\"><cite>A Second Source</cite>. <a href=\"#cite-second\" class=\"footnote-back\" aria-label=\"Back to the text\">↩</a></li>",
        "Last checked <time datetime=\"2026-11-20\">20 November 2026</time>",
    ]);
    assert!(
        page.body.find("Victory Day</a> (9 May)")
            < page.body.find("Korea Liberation Day</a> (15 August)"),
        "dates in calendar order"
    );
    // Raw HTML in the body is removed before it reaches the page.
    page.assert_lacks(&["<script>alert", "alert(\"x\")"]);
    assert_eq!(page.body.matches("<h1").count(), 1, "one h1 per page");
}

#[actix_web::test]
async fn site_page_of_a_dismantled_monument_shows_when() {
    let app = fixture_app(false).await;
    let page = app.get("/sites/dismantled-monument/").await;
    assert_eq!(page.status, 200);
    page.assert_has(&[
        "<span class=\"status status-dismantled\">Dismantled</span>",
        "<dt>Removed</dt><dd><time datetime=\"1976\">1976</time></dd>",
        "<time datetime=\"1948-10\">October 1948</time>",
        "<cite>Photo series</cite>",
    ]);
    page.assert_lacks(&[
        "<dt>Coordinates</dt>",
        "<dt>Burials</dt>",
        "<dt>Caretaker</dt>",
    ]);
}

#[actix_web::test]
async fn site_list_shows_every_published_site_with_kind_and_status() {
    let app = fixture_app(false).await;
    let page = app.get("/sites/").await;
    assert_eq!(page.status, 200);
    page.assert_has(&[
        "<a href=\"/sites/full-site/\">Fixture Obelisk</a>",
        "<a href=\"/sites/kursk-plan/\">Planned Memorial</a>",
        "<td>Park</td>",
        "status-planned\">Planned</span>",
        "<th scope=\"col\">Status</th>",
    ]);
    page.assert_lacks(&["Unpublished Draft Cemetery"]);
}

#[actix_web::test]
async fn country_page_groups_sites_by_locality() {
    let app = fixture_app(false).await;
    let page = app.get("/countries/kp/").await;
    assert_eq!(page.status, 200);
    page.assert_has(&[
        "<h1>North Korea</h1>",
        "Democratic People&#39;s Republic of Korea",
        "<span lang=\"ko\">조선민주주의인민공화국</span>",
        "Fixture introduction to the memorials of North Korea.",
        "<h3 id=\"place-kp-chongjin\">Chongjin</h3>",
        "<h3 id=\"place-kp-pyongyang\">Pyongyang</h3>",
        "Dismantled Monument",
        "Korea Liberation Day",
    ]);
    assert!(
        page.body.find("<h3 id=\"place-kp-chongjin\">Chongjin</h3>")
            < page
                .body
                .find("<h3 id=\"place-kp-pyongyang\">Pyongyang</h3>")
    );
    let list = app.get("/countries/").await;
    assert_eq!(list.status, 200);
    list.assert_has(&[
        "<a href=\"/countries/cn/\">China</a>",
        "<a href=\"/countries/ru/\">Russia</a> <span class=\"meta\">1 site</span>",
    ]);
    // A country with no published sites says so (the draft in China does not count).
    let cn = app.get("/countries/cn/").await;
    cn.assert_has(&["No sites in China have been entered yet."]);
}

#[actix_web::test]
async fn dates_are_in_calendar_order_with_their_next_occurrence() {
    let app = fixture_app(false).await;
    let page = app.get("/dates/").await;
    assert_eq!(page.status, 200);
    let leap = page.body.find("Leap Day Remembrance").expect("leap day");
    let victory = page.body.find(">Victory Day<").expect("victory day");
    let liberation = page
        .body
        .find(">Korea Liberation Day<")
        .expect("liberation day");
    assert!(
        leap < victory && victory < liberation,
        "calendar order: February, May, August"
    );
    // 29 February next falls in 2028.
    page.assert_has(&["<time datetime=\"2028-02-29\">Tuesday, 29 February 2028</time>"]);
}

#[actix_web::test]
async fn date_page_says_what_when_where_and_at_which_sites() {
    let app = fixture_app(false).await;
    let page = app.get("/dates/victory-day/").await;
    assert_eq!(page.status, 200);
    page.assert_has(&[
        "<h1>Victory Day</h1>",
        "<span lang=\"ru\">День Победы</span>",
        "9 May every year, observed since 1945",
        "<time datetime=\"2027-05-09\">Sunday, 9 May 2027</time> (in 167 days)",
        "<a href=\"/countries/ru/\">Russia</a>",
        "Marks the end of the war in Europe.",
        "<a class=\"site-link\" href=\"/sites/full-site/\">Fixture Obelisk</a>",
        "<a class=\"site-link\" href=\"/sites/dismantled-monument/\">Dismantled Monument</a>",
    ]);
}

#[actix_web::test]
async fn free_pages_are_served_at_the_top_level() {
    let app = fixture_app(false).await;
    let page = app.get("/about/").await;
    assert_eq!(page.status, 200);
    page.assert_has(&[
        "<h1>About the fixture atlas</h1>",
        "<h2 id=\"who-we-are\">Who we are</h2>",
        "aria-current=\"page\">About</a>",
    ]);
    let policy = app.get("/editorial-policy/").await;
    policy.assert_has(&["<h2 id=\"corrections\">Corrections</h2>"]);
}

#[actix_web::test]
async fn unknown_addresses_get_the_sites_404_page() {
    let app = fixture_app(false).await;
    for path in [
        "/nothing-here/",
        "/sites/no-such-site/",
        "/countries/zz/",
        "/dates/no-day/",
        "/sites/full-site/extra/",
        "/static/missing.png",
        "/sites/Full-Site/",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{path}");
        assert_eq!(page.header("content-type"), "text/html; charset=utf-8");
        page.assert_has(&[
            "<h1>Page not found</h1>",
            "<a href=\"/sites/\">the list of all sites</a>",
            "noindex",
        ]);
    }
}

#[actix_web::test]
async fn drafts_are_hidden_from_the_public_site() {
    let app = fixture_app(false).await;
    assert_eq!(app.get("/sites/draft-site/").await.status, 404);
    let preview = fixture_app(true).await;
    let page = preview.get("/sites/draft-site/").await;
    assert_eq!(page.status, 200);
    page.assert_has(&["Unpublished Draft Cemetery", "badge-draft"]);
}

#[actix_web::test]
async fn addresses_without_the_trailing_slash_redirect_permanently() {
    let app = fixture_app(false).await;
    for (from, to) in [
        ("/sites", "/sites/"),
        ("/sites/full-site", "/sites/full-site/"),
        ("/countries/kp", "/countries/kp/"),
        ("/dates/victory-day", "/dates/victory-day/"),
        ("/about", "/about/"),
        ("/sites/full-site?x=1", "/sites/full-site/?x=1"),
    ] {
        let page = app.get(from).await;
        assert_eq!(page.status, 301, "{from}");
        assert_eq!(page.header("location"), to, "{from}");
    }
    // Only addresses that exist redirect; others are plain 404s.
    assert_eq!(app.get("/sites/no-such-site").await.status, 404);
}

#[actix_web::test]
async fn aliases_redirect_to_the_current_address() {
    let app = fixture_app(false).await;
    for from in ["/sites/old-obelisk/", "/obelisk/", "/obelisk"] {
        let page = app.get(from).await;
        assert_eq!(page.status, 301, "{from}");
        assert_eq!(page.header("location"), "/sites/full-site/", "{from}");
    }
}

#[actix_web::test]
async fn every_response_carries_the_security_headers() {
    let app = fixture_app(false).await;
    for path in ["/", "/sites/full-site/", "/nothing/"] {
        let page = app.get(path).await;
        assert!(
            page.header("content-security-policy")
                .contains("default-src 'none'"),
            "{path}"
        );
        assert!(
            page.header("content-security-policy")
                .contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(page.header("x-content-type-options"), "nosniff", "{path}");
        assert!(!page.header("referrer-policy").is_empty(), "{path}");
        assert!(page.headers.get("set-cookie").is_none(), "{path}");
    }
}

#[actix_web::test]
async fn the_stylesheet_is_fingerprinted_and_cached_for_a_year() {
    let app = fixture_app(false).await;
    let home = app.get("/").await;
    let start = home.body.find("/assets/style.").expect("stylesheet link");
    let href: String = home.body[start..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let css = app.get(&href).await;
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert!(css.header("cache-control").contains("immutable"));
    assert!(css.body.contains("prefers-color-scheme: dark"));
    assert_eq!(app.get("/assets/style.0000.css").await.status, 404);
}

#[actix_web::test]
async fn images_are_served_from_static() {
    let app = fixture_app(false).await;
    let img = app.get("/static/images/obelisk.png").await;
    assert_eq!(img.status, 200);
    assert_eq!(img.header("content-type"), "image/png");
}
