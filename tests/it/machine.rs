//! What search engines and reusers read: sitemap, robots.txt, structured data, Open Graph, and
//! HTTP caching, each parsed with a real parser.

use std::io::Read;

use actix_web::http::header;
use actix_web::test::TestRequest;

use crate::support::{BASE_URL, Tree, app_for, fixture_app};

/// The JSON-LD blocks of a page, parsed strictly.
fn json_ld(body: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    body.match_indices(open)
        .map(|(i, _)| {
            let rest = &body[i + open.len()..];
            let end = rest.find("</script>").expect("closed script");
            serde_json::from_str(&rest[..end])
                .unwrap_or_else(|e| panic!("invalid JSON-LD ({e}): {}", &rest[..end]))
        })
        .collect()
}

fn of_type<'a>(blocks: &'a [serde_json::Value], t: &str) -> &'a serde_json::Value {
    blocks
        .iter()
        .find(|b| b["@type"] == t)
        .unwrap_or_else(|| panic!("no {t} in {blocks:#?}"))
}

#[actix_web::test]
async fn sitemap_lists_every_published_page_with_true_lastmod() {
    let app = fixture_app(false).await;
    let page = app.get("/sitemap.xml").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        "application/xml; charset=utf-8"
    );
    let doc = roxmltree::Document::parse(&page.body).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let urls: Vec<(String, Option<String>)> = root
        .children()
        .filter(|n| n.has_tag_name("url"))
        .map(|u| {
            let text = |name| {
                u.children()
                    .find(|c| c.has_tag_name(name))
                    .and_then(|c| c.text())
                    .map(str::to_string)
            };
            (text("loc").expect("loc"), text("lastmod"))
        })
        .collect();
    let find = |path: &str| {
        urls.iter()
            .find(|(l, _)| l == &format!("{BASE_URL}{path}"))
            .map(|(_, m)| m.clone())
    };
    assert_eq!(
        find("/sites/full-site/"),
        Some(Some("2026-11-20".into())),
        "lastmod is the entry's `updated`"
    );
    assert_eq!(
        find("/sites/kursk-plan/"),
        Some(None),
        "no updated and no git history: no lastmod"
    );
    for path in [
        "/",
        "/sites/",
        "/countries/",
        "/dates/",
        "/countries/kp/",
        "/dates/victory-day/",
        "/about/",
        "/editorial-policy/",
    ] {
        assert!(find(path).is_some(), "{path} in the sitemap");
    }
    assert!(
        find("/sites/draft-site/").is_none(),
        "drafts are not in the sitemap"
    );
    // The six lists in four languages; then each entry in English and in each language it is
    // translated into: sites 3 + 2 + 1, countries 2 + 2 + 1, dates 2 + 1 + 1, pages 2 + 1.
    assert_eq!(urls.len(), 6 * 4 + 6 + 5 + 4 + 3);
}

#[test]
fn sitemap_lastmod_falls_back_to_the_last_commit_of_the_file() {
    let tree = Tree::fixture();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(tree.dir.path())
            .env("GIT_AUTHOR_DATE", "2024-03-05T12:00:00Z")
            .env("GIT_COMMITTER_DATE", "2024-03-05T12:00:00Z")
            .env("GIT_AUTHOR_NAME", "Editor")
            .env("GIT_AUTHOR_EMAIL", "editor@example.org")
            .env("GIT_COMMITTER_NAME", "Editor")
            .env("GIT_COMMITTER_EMAIL", "editor@example.org")
            .output()
            .expect("git");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "content"]);
    let content = memorial_atlas::content::load(&tree.content()).expect("content");
    let kursk = content
        .sites
        .iter()
        .find(|s| s.slug == "kursk-plan")
        .expect("site");
    let full = content
        .sites
        .iter()
        .find(|s| s.slug == "full-site")
        .expect("site");
    assert_eq!(
        content
            .lastmod(&kursk.file, kursk.updated)
            .map(|d| d.to_string()),
        Some("2024-03-05".into())
    );
    assert_eq!(
        content
            .lastmod(&full.file, full.updated)
            .map(|d| d.to_string()),
        Some("2026-11-20".into()),
        "updated wins"
    );
}

#[actix_web::test]
async fn robots_txt_points_to_the_sitemap() {
    let app = fixture_app(false).await;
    let page = app.get("/robots.txt").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), "text/plain; charset=utf-8");
    assert!(
        page.body
            .contains("Sitemap: https://atlas.test/sitemap.xml"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Disallow: /sites/?"),
        "filter combinations are not crawled"
    );
}

#[actix_web::test]
async fn every_page_has_canonical_description_open_graph_and_a_unique_title() {
    let app = fixture_app(false).await;
    let mut titles = std::collections::HashSet::new();
    for path in [
        "/",
        "/sites/",
        "/sites/full-site/",
        "/countries/",
        "/countries/kp/",
        "/dates/",
        "/dates/victory-day/",
        "/about/",
    ] {
        let page = app.get(path).await;
        page.assert_has(&[
            &format!("<link rel=\"canonical\" href=\"{BASE_URL}{path}\">"),
            &format!("<meta property=\"og:url\" content=\"{BASE_URL}{path}\">"),
            "<meta name=\"description\" content=\"",
            "<meta property=\"og:title\" content=\"",
            "<meta property=\"og:type\" content=\"",
            "<meta property=\"og:description\" content=\"",
            "<meta property=\"og:site_name\" content=\"Memorial Atlas\">",
        ]);
        let title = page
            .body
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .expect("title")
            .to_string();
        assert!(titles.insert(title.clone()), "duplicate title {title}");
    }
    let site = app.get("/sites/full-site/").await;
    site.assert_has(&[
        "<meta property=\"og:image\" content=\"https://atlas.test/static/images/obelisk.png\">",
        "<meta property=\"og:type\" content=\"article\">",
    ]);
}

#[actix_web::test]
async fn site_pages_carry_strict_json_ld() {
    let app = fixture_app(false).await;
    let blocks = json_ld(&app.get("/sites/full-site/").await.body);
    let site = of_type(&blocks, "LandmarksOrHistoricalBuildings");
    assert_eq!(site["name"], "Fixture Obelisk");
    assert_eq!(site["url"], "https://atlas.test/sites/full-site/");
    assert_eq!(
        site["alternateName"],
        serde_json::json!(["Обелиск освобождения", "해방탑", "解放塔"])
    );
    assert_eq!(
        site["description"],
        "A fixture obelisk with every field of the format filled in."
    );
    assert_eq!(site["geo"]["@type"], "GeoCoordinates");
    assert_eq!(site["geo"]["latitude"], 39.0392);
    assert_eq!(site["geo"]["longitude"], 125.7625);
    assert_eq!(site["address"]["@type"], "PostalAddress");
    assert_eq!(site["address"]["addressLocality"], "Pyongyang");
    assert_eq!(site["address"]["addressRegion"], "Moranbong district");
    assert_eq!(site["address"]["addressCountry"], "KP");
    assert_eq!(
        site["image"][0],
        "https://atlas.test/static/images/obelisk.png"
    );
    let trail = of_type(&blocks, "BreadcrumbList");
    let names: Vec<&str> = trail["itemListElement"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["Home", "Sites", "North Korea", "Fixture Obelisk, Pyongyang"]
    );
}

#[actix_web::test]
async fn home_page_is_a_website_with_search_and_date_pages_are_yearly_events() {
    let app = fixture_app(false).await;
    let home = json_ld(&app.get("/").await.body);
    let site = of_type(&home, "WebSite");
    assert_eq!(site["potentialAction"]["@type"], "SearchAction");
    assert_eq!(
        site["potentialAction"]["target"]["urlTemplate"],
        "https://atlas.test/search?q={search_term_string}"
    );
    assert!(
        home.iter().all(|b| b["@type"] != "BreadcrumbList"),
        "no trail on the home page"
    );

    let date = json_ld(&app.get("/dates/victory-day/").await.body);
    let event = of_type(&date, "Event");
    assert_eq!(event["name"], "Victory Day");
    assert_eq!(event["eventSchedule"]["@type"], "Schedule");
    assert_eq!(event["eventSchedule"]["repeatFrequency"], "P1Y");
    assert_eq!(event["eventSchedule"]["byMonth"], 5);
    assert_eq!(event["eventSchedule"]["byMonthDay"], 9);
    assert_eq!(event["startDate"], "2027-05-09");
    of_type(&date, "BreadcrumbList");
}

#[actix_web::test]
async fn json_ld_stays_valid_whatever_an_entry_holds() {
    let tree = Tree::fixture();
    tree.write(
        "sites/hostile.md",
        "+++\ntitle = \"</script><script>alert(1)</script> \\\"quoted\\\" & <b>bold</b> Памятник 기념비 纪念碑 \\u2028\"\ncountry = \"kp\"\nlocality = \"Line\\nbreak\"\nkind = \"cemetery\"\nstatus = \"extant\"\nsummary = \"It's </SCRIPT> and <!-- a comment\"\nnames = { ko = \"</script>\" }\n[[sources]]\ntitle = \"S\"\n+++\n",
    );
    tree.build();
    let app = app_for(tree, false).await;
    let page = app.get("/sites/hostile/").await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("<script>alert"), "{}", page.body);
    let blocks = json_ld(&page.body);
    let site = of_type(&blocks, "Cemetery");
    assert_eq!(
        site["name"],
        "</script><script>alert(1)</script> \"quoted\" & <b>bold</b> Памятник 기념비 纪念碑 \u{2028}"
    );
    assert_eq!(site["description"], "It's </SCRIPT> and <!-- a comment");
    assert_eq!(site["alternateName"][0], "</script>");
    assert_eq!(site["address"]["addressLocality"], "Line\nbreak");
}

#[actix_web::test]
async fn conditional_requests_get_304_with_no_body() {
    let app = fixture_app(false).await;
    for path in ["/", "/sites/full-site/", "/sitemap.xml", "/robots.txt"] {
        let first = app.get(path).await;
        let etag = first.header("etag").to_string();
        let last_modified = first.header("last-modified").to_string();
        assert!(etag.starts_with("W/\""), "{path}: {etag}");
        assert!(last_modified.ends_with(" GMT"), "{path}: {last_modified}");
        assert!(!first.header("cache-control").is_empty(), "{path}");

        let again = app
            .send(
                TestRequest::get()
                    .uri(path)
                    .insert_header((header::IF_NONE_MATCH, etag.clone())),
            )
            .await;
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty(), "{path}");
        assert_eq!(again.header("etag"), etag);

        let since = app
            .send(
                TestRequest::get()
                    .uri(path)
                    .insert_header((header::IF_MODIFIED_SINCE, last_modified.clone())),
            )
            .await;
        assert_eq!(since.status, 304, "{path}");

        let other = app
            .send(
                TestRequest::get()
                    .uri(path)
                    .insert_header((header::IF_NONE_MATCH, "W/\"0\"")),
            )
            .await;
        assert_eq!(other.status, 200, "{path}");
    }
    let image = app.get("/static/images/obelisk.png").await;
    let etag = image.header("etag").to_string();
    assert!(!etag.is_empty());
    let again = app
        .send(
            TestRequest::get()
                .uri("/static/images/obelisk.png")
                .insert_header((header::IF_NONE_MATCH, etag)),
        )
        .await;
    assert_eq!(again.status, 304);
}

#[actix_web::test]
async fn head_is_answered_like_get_without_a_body() {
    let app = fixture_app(false).await;
    for path in ["/", "/sites/full-site/", "/sitemap.xml"] {
        let get = app.get(path).await;
        let head = app
            .send(
                TestRequest::default()
                    .method(actix_web::http::Method::HEAD)
                    .uri(path),
            )
            .await;
        assert_eq!(head.status, 200, "{path}");
        assert_eq!(head.header("content-type"), get.header("content-type"));
        assert_eq!(head.header("etag"), get.header("etag"));
    }
    let post = app.send(TestRequest::post().uri("/")).await;
    assert_eq!(post.status, 405);
}

#[actix_web::test]
async fn compressed_responses_decode_to_the_same_bytes() {
    let app = fixture_app(false).await;
    let plain = app.get("/sites/full-site/").await;
    let gz = app
        .send(
            TestRequest::get()
                .uri("/sites/full-site/")
                .insert_header((header::ACCEPT_ENCODING, "gzip")),
        )
        .await;
    assert_eq!(gz.header("content-encoding"), "gzip");
    assert!(gz.header("vary").to_lowercase().contains("accept-encoding"));
    let br = app
        .send(
            TestRequest::get()
                .uri("/sites/full-site/")
                .insert_header((header::ACCEPT_ENCODING, "br")),
        )
        .await;
    assert_eq!(br.header("content-encoding"), "br");
    assert_eq!(
        gz.header("etag"),
        plain.header("etag"),
        "one weak validator for every encoding"
    );

    // Fetch raw bytes again to decode them (Page holds text).
    let mut raw = Vec::new();
    for enc in ["gzip", "br"] {
        let req = TestRequest::get()
            .uri("/sites/full-site/")
            .insert_header((header::ACCEPT_ENCODING, enc));
        let resp = actix_web::test::call_service(&app.service, req.to_request()).await;
        raw.push(actix_web::test::read_body(resp).await.to_vec());
    }
    let mut decoded = String::new();
    flate2::read::GzDecoder::new(&raw[0][..])
        .read_to_string(&mut decoded)
        .expect("gunzip");
    assert_eq!(decoded, plain.body);
    let mut decoded = String::new();
    brotli::Decompressor::new(&raw[1][..], 4096)
        .read_to_string(&mut decoded)
        .expect("brotli");
    assert_eq!(decoded, plain.body);
}

#[actix_web::test]
async fn cached_pages_keep_their_encoding_validators_and_conditional_answers() {
    let app = fixture_app(false).await;
    let path = "/sites/full-site/";
    let plain = app.get(path).await;
    // The same page again, now from the worker's cache, is the same page.
    let again = app.get(path).await;
    assert_eq!(again.body, plain.body);
    assert_eq!(again.header("etag"), plain.header("etag"));
    assert!(
        again
            .header("content-security-policy")
            .contains("default-src 'none'")
    );
    // A client that asked for gzip gets gzip; one that did not gets plain text, cache or not.
    for _ in 0..2 {
        let gz = app
            .send(
                TestRequest::get()
                    .uri(path)
                    .insert_header((header::ACCEPT_ENCODING, "gzip")),
            )
            .await;
        assert_eq!(gz.header("content-encoding"), "gzip");
        let id = app.get(path).await;
        assert_eq!(id.header("content-encoding"), "");
        assert_eq!(id.body, plain.body);
    }
    let cond = app
        .send(
            TestRequest::get()
                .uri(path)
                .insert_header((header::IF_NONE_MATCH, plain.header("etag").to_string())),
        )
        .await;
    assert_eq!(cond.status, 304);
    assert!(cond.body.is_empty());
    let head = app
        .send(
            TestRequest::default()
                .method(actix_web::http::Method::HEAD)
                .uri(path),
        )
        .await;
    assert_eq!(head.status, 200);
    assert_eq!(head.header("etag"), plain.header("etag"));
    // Malformed requests are refused even for a cached page.
    let big = app
        .send(
            TestRequest::get()
                .uri(path)
                .insert_header(("x-filler", "c".repeat(20_000))),
        )
        .await;
    assert_eq!(big.status, 431);
}
