//! Every kind of page and every output, byte for byte, on the fixture content: the guard that
//! shows each byte a change to the code alters. Review a difference with `cargo insta review`
//! (or read the `.snap.new` file beside the snapshot) and keep it only when it is meant.

use crate::support::fixture_app;

/// The pages and outputs recorded, each under a name that says what it is.
const ADDRESSES: &[(&str, &str)] = &[
    ("home", "/"),
    ("site", "/sites/full-site/"),
    ("site_dismantled", "/sites/dismantled-monument/"),
    ("countries", "/countries/"),
    ("country", "/countries/kp/"),
    ("dates_calendar", "/dates/"),
    ("date", "/dates/victory-day/"),
    ("on_this_day", "/on-this-day/05-09/"),
    ("on_this_day_today", "/on-this-day/11-23/"),
    ("sites_list", "/sites/"),
    (
        "sites_list_filtered",
        "/sites/?country=kp&status=dismantled&date=victory-day",
    ),
    ("sites_list_sorted", "/sites/?sort=established"),
    ("search", "/search?q=obelisk"),
    ("search_empty", "/search"),
    ("search_none", "/search?q=zzzqqq"),
    ("map", "/map/"),
    ("page", "/about/"),
    ("not_found", "/sites/no-such-site/"),
    ("feed_atom", "/feed.xml"),
    ("sitemap_index", "/sitemap.xml"),
    ("robots", "/robots.txt"),
    ("calendar_ics", "/dates.ics"),
    ("country_calendar_ics", "/countries/kp/dates.ics"),
    ("open_data", "/data/"),
    ("data_json", "/data/sites.json"),
    ("data_geojson", "/data/sites.geojson"),
    ("data_csv", "/data/sites.csv"),
];

#[actix_web::test]
async fn every_page_and_output_is_unchanged() {
    let app = fixture_app(false).await;
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    // The build's own time is the one thing that differs between two builds of the same files.
    settings.add_filter(
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})",
        "[TIMESTAMP]",
    );
    settings.add_filter(r"\d{8}T\d{6}Z", "[ICS-STAMP]");
    // The open-data files' sizes vary by a byte with the build time they hold; the day they
    // changed is the build's.
    settings.add_filter(
        r#"<span class="meta">[^<(]+\([^)]+ compressed\), changed <time datetime="[^"]+">[^<]+</time></span>"#,
        r#"<span class="meta">[SIZE] ([SIZE] compressed), changed [BUILD DAY]</span>"#,
    );
    for (name, path) in ADDRESSES {
        let page = app.get(path).await;
        let shown = format!(
            "GET {path}\nstatus: {}\ncontent-type: {}\n\n{}",
            page.status,
            page.header("content-type"),
            page.body
        );
        settings.bind(|| insta::assert_snapshot!(*name, shown));
    }
}
