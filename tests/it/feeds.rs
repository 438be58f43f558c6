//! Feeds, calendars and open data, each parsed with a real parser, including an entry whose text
//! holds `</script>`, quotes and non-Latin scripts.

use crate::support::{BASE_URL, Tree, app_for, fixture_app};

const HOSTILE: &str = r#"+++
title = "The \"Quoted\" </script> Памятник 기념비 纪念碑, with; commas"
country = "kp"
locality = "Pyongyang"
kind = "cemetery"
status = "extant"
coordinates = [39.5, 125.25]
names = { ko = "</script>&amp;" }
summary = "Line one & <b>two</b>; three, four"
updated = 2026-11-22

[[sources]]
title = "A \"source\", with a comma"
+++
"#;

async fn hostile_app() -> crate::support::App<
    impl actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
    >,
> {
    let tree = Tree::fixture();
    tree.write("sites/hostile.md", HOSTILE);
    tree.build();
    app_for(tree, false).await
}

#[actix_web::test]
async fn atom_feed_lists_recent_entries_newest_first() {
    let app = hostile_app().await;
    let page = app.get("/feed.xml").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        "application/atom+xml; charset=utf-8"
    );
    let doc = roxmltree::Document::parse(&page.body).expect("well-formed Atom");
    let atom = "http://www.w3.org/2005/Atom";
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().namespace(), Some(atom));
    assert_eq!(feed.tag_name().name(), "feed");
    for required in ["id", "title", "updated", "author"] {
        assert!(
            feed.children().any(|c| c.has_tag_name((atom, required))),
            "feed has {required}"
        );
    }
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.has_tag_name((atom, "entry")))
        .collect();
    let titles: Vec<&str> = entries
        .iter()
        .filter_map(|e| {
            e.children()
                .find(|c| c.has_tag_name((atom, "title")))
                .and_then(|t| t.text())
        })
        .collect();
    assert_eq!(
        titles[0], "The \"Quoted\" </script> Памятник 기념비 纪念碑, with; commas",
        "newest first"
    );
    assert_eq!(titles[1], "Fixture Obelisk");
    assert!(!titles.contains(&"Unpublished Draft Cemetery"));
    let updated = entries[0]
        .children()
        .find(|c| c.has_tag_name((atom, "updated")))
        .and_then(|t| t.text());
    assert_eq!(updated, Some("2026-11-22T00:00:00Z"));
    let link = entries[1]
        .children()
        .find(|c| c.has_tag_name((atom, "link")))
        .and_then(|l| l.attribute("href"));
    assert_eq!(link, Some("https://atlas.test/sites/full-site/"));
}

/// Unfolds an iCalendar text and checks its lines strictly (RFC 5545 §3.1).
fn ics_lines(text: &str) -> Vec<String> {
    assert!(text.ends_with("\r\n"), "lines end with CRLF");
    let raw: Vec<&str> = text
        .strip_suffix("\r\n")
        .unwrap_or(text)
        .split("\r\n")
        .collect();
    for l in &raw {
        assert!(l.len() <= 75, "line longer than 75 octets: {l:?}");
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "bare line break in {l:?}"
        );
    }
    let mut out: Vec<String> = Vec::new();
    for l in raw {
        match l.strip_prefix(' ') {
            Some(cont) => out.last_mut().expect("a line to continue").push_str(cont),
            None => out.push(l.to_string()),
        }
    }
    out
}

#[actix_web::test]
async fn calendar_has_one_yearly_all_day_event_per_date_with_stable_uids() {
    let app = hostile_app().await;
    let page = app.get("/dates.ics").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), "text/calendar; charset=utf-8");
    let lines = ics_lines(&page.body);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    for required in [
        "VERSION:2.0",
        "PRODID:-//Memorial Atlas//Commemoration dates//EN",
    ] {
        assert!(lines.iter().any(|l| l == required), "{required}");
    }
    let events: Vec<&[String]> = lines.split(|l| l == "BEGIN:VEVENT").skip(1).collect();
    assert_eq!(events.len(), 3);
    let victory = events
        .iter()
        .find(|e| e.iter().any(|l| l == "SUMMARY:Victory Day"))
        .expect("victory day");
    for expected in [
        "UID:date-victory-day@memorial-atlas",
        "DTSTART;VALUE=DATE:19450509",
        "DTEND;VALUE=DATE:19450510",
        "RRULE:FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=9",
        "URL:https://atlas.test/dates/victory-day/",
    ] {
        assert!(
            victory.iter().any(|l| l == expected),
            "{expected} in {victory:?}"
        );
    }
    assert!(
        victory
            .iter()
            .any(|l| l.starts_with("DTSTAMP:") && l.ends_with('Z'))
    );
    let leap = events
        .iter()
        .find(|e| e.iter().any(|l| l == "SUMMARY:Leap Day Remembrance"))
        .expect("leap day");
    assert!(
        leap.iter().any(|l| l == "DTSTART;VALUE=DATE:20000229"),
        "29 February starts in a leap year"
    );

    // The same UIDs on a second request: subscriptions update rather than duplicate.
    let again = ics_lines(&app.get("/dates.ics").await.body);
    let uids = |ls: &[String]| {
        ls.iter()
            .filter(|l| l.starts_with("UID:"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&lines), uids(&again));

    let kp = ics_lines(&app.get("/countries/kp/dates.ics").await.body);
    let summaries: Vec<&String> = kp.iter().filter(|l| l.starts_with("SUMMARY:")).collect();
    assert_eq!(summaries, ["SUMMARY:Korea Liberation Day"]);
    assert!(
        kp.iter()
            .any(|l| l == "X-WR-CALNAME:Memorial Atlas: commemoration dates in North Korea")
    );
    assert_eq!(app.get("/countries/zz/dates.ics").await.status, 404);
}

#[actix_web::test]
async fn pages_link_to_their_feeds_and_calendars() {
    let app = fixture_app(false).await;
    app.get("/").await.assert_has(&[
        "type=\"application/atom+xml\"",
        "href=\"/feed.xml\"",
        "href=\"/data/sites.csv\"",
    ]);
    app.get("/dates/")
        .await
        .assert_has(&["href=\"/dates.ics\""]);
    app.get("/dates/victory-day/")
        .await
        .assert_has(&["href=\"/dates.ics\""]);
    app.get("/countries/kp/")
        .await
        .assert_has(&["href=\"/countries/kp/dates.ics\""]);
}

#[actix_web::test]
async fn json_export_has_every_site_and_every_field() {
    let app = hostile_app().await;
    let page = app.get("/data/sites.json").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        "application/json; charset=utf-8"
    );
    let doc: serde_json::Value = serde_json::from_str(&page.body).expect("valid JSON");
    assert_eq!(doc["licence"], "CC BY 4.0");
    assert_eq!(doc["count"], 4);
    let sites = doc["sites"].as_array().expect("sites");
    let full = sites
        .iter()
        .find(|s| s["slug"] == "full-site")
        .expect("full site");
    assert_eq!(full["url"], format!("{BASE_URL}/sites/full-site/"));
    assert_eq!(full["names"]["ko"], "해방탑");
    assert_eq!(full["region"], "Moranbong district");
    assert_eq!(
        full["conflicts"],
        serde_json::json!(["Soviet–Japanese War", "Second World War"])
    );
    assert_eq!(full["established"], "1947-08-15");
    assert_eq!(full["coordinates"]["latitude"], 39.0392);
    assert_eq!(
        full["commemorations"],
        serde_json::json!(["victory-day", "korea-liberation-day"]),
        "calendar order"
    );
    assert_eq!(full["burials"]["total"], 1375);
    assert_eq!(full["burials"]["military"], 991);
    assert_eq!(full["wikidata"], "Q12345");
    assert_eq!(full["osm"], "way/987654");
    assert_eq!(full["updated"], "2026-11-20");
    assert_eq!(full["sources"][0]["publisher"], "Fixture Press");
    assert_eq!(full["sources"][1]["title"], "A Second Source");
    assert_eq!(
        full["images"][0]["url"],
        "https://atlas.test/static/images/obelisk.png"
    );
    assert_eq!(full["images"][0]["width"], 4);
    let hostile = sites
        .iter()
        .find(|s| s["slug"] == "hostile")
        .expect("hostile");
    assert_eq!(
        hostile["title"],
        "The \"Quoted\" </script> Памятник 기념비 纪念碑, with; commas"
    );
    assert_eq!(hostile["names"]["ko"], "</script>&amp;");
    assert!(
        sites.iter().all(|s| s["slug"] != "draft-site"),
        "drafts are not published"
    );
}

#[actix_web::test]
async fn geojson_has_a_point_per_site_with_coordinates_longitude_first() {
    let app = hostile_app().await;
    let page = app.get("/data/sites.geojson").await;
    assert_eq!(
        page.header("content-type"),
        "application/geo+json; charset=utf-8"
    );
    let doc: serde_json::Value = serde_json::from_str(&page.body).expect("valid JSON");
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().expect("features");
    assert_eq!(features.len(), 2, "only sites with coordinates");
    let full = features
        .iter()
        .find(|f| f["id"] == "full-site")
        .expect("full site");
    assert_eq!(full["type"], "Feature");
    assert_eq!(full["geometry"]["type"], "Point");
    assert_eq!(
        full["geometry"]["coordinates"],
        serde_json::json!([125.7625, 39.0392])
    );
    assert_eq!(full["properties"]["title"], "Fixture Obelisk");
}

#[actix_web::test]
async fn csv_export_round_trips_every_site() {
    let app = hostile_app().await;
    let page = app.get("/data/sites.csv").await;
    assert!(
        page.header("content-type")
            .starts_with("text/csv; charset=utf-8")
    );
    let mut reader = csv::Reader::from_reader(page.body.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    let records = memorial_atlas::web::exports::records::CSV_COLUMNS;
    let translations = memorial_atlas::web::exports::records::TRANSLATION_COLUMNS;
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [records, translations].concat()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid row")).collect();
    assert_eq!(rows.len(), 4);
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let hostile = rows
        .iter()
        .find(|r| &r[col("slug")] == "hostile")
        .expect("hostile row");
    assert_eq!(
        &hostile[col("title")],
        "The \"Quoted\" </script> Памятник 기념비 纪念碑, with; commas"
    );
    assert_eq!(&hostile[col("latitude")], "39.5");
    assert_eq!(
        &hostile[col("summary")],
        "Line one & <b>two</b>; three, four"
    );
    let full = rows
        .iter()
        .find(|r| &r[col("slug")] == "full-site")
        .expect("full row");
    assert_eq!(
        &full[col("names")],
        "ru: Обелиск освобождения; ko: 해방탑; zh: 解放塔"
    );
    assert_eq!(&full[col("burials_unknown")], "544");
    assert_eq!(
        &full[col("sources")],
        "The Fixture Report (Fixture Press, 2025-04-24, https://example.org/report) | A Second Source"
    );
}
