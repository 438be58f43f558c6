//! The open-data files as a reuser fetches them: ranges, revalidation, HEAD, the precompressed
//! forms, the JSON Lines records, the dated file name, and files that change with a rebuild (and
//! only then).

use std::io::Read;

use actix_web::dev::Service;
use actix_web::http::header::HeaderMap;
use actix_web::test::{self, TestRequest};
use actix_web::web::Data;
use memorial_atlas::web::{SharedState, app};

use crate::support::{App, BASE_URL, Tree, fixture_app};

const FILES: [&str; 4] = [
    "/data/sites.json",
    "/data/sites.geojson",
    "/data/sites.csv",
    "/data/sites.jsonl",
];

struct Got {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Got {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

async fn fetch<S, B>(service: &S, req: TestRequest) -> Got
where
    S: Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let res = test::call_service(service, req.to_request()).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = test::read_body(res).await.to_vec();
    Got {
        status,
        headers,
        body,
    }
}

fn get(path: &str) -> TestRequest {
    TestRequest::get().uri(path)
}

#[actix_web::test]
async fn ranges_resume_a_download_and_past_the_end_is_416() {
    let App {
        service,
        tree: _tree,
    } = fixture_app(false).await;
    let whole = fetch(&service, get("/data/sites.csv")).await;
    assert_eq!(whole.status, 200);
    assert_eq!(whole.header("accept-ranges"), "bytes");
    let len = whole.body.len();
    assert_eq!(whole.header("content-length"), len.to_string());
    let etag = whole.header("etag").to_string();
    assert!(etag.starts_with('"'), "a strong tag: {etag}");

    // Asked for after the whole file: the page cache must not answer with the whole again.
    let part = fetch(
        &service,
        get("/data/sites.csv").insert_header(("range", "bytes=0-9")),
    )
    .await;
    assert_eq!(part.status, 206);
    assert_eq!(part.header("content-range"), format!("bytes 0-9/{len}"));
    assert_eq!(part.body, whole.body[..10]);

    let rest = fetch(
        &service,
        get("/data/sites.csv").insert_header(("range", "bytes=10-")),
    )
    .await;
    assert_eq!(rest.status, 206);
    assert_eq!([part.body, rest.body].concat(), whole.body, "resumed");

    let tail = fetch(
        &service,
        get("/data/sites.csv").insert_header(("range", "bytes=-5")),
    )
    .await;
    assert_eq!(tail.body, whole.body[len - 5..]);

    let past = format!("bytes={len}-");
    let none = fetch(
        &service,
        get("/data/sites.csv").insert_header(("range", past)),
    )
    .await;
    assert_eq!(none.status, 416);
    assert_eq!(none.header("content-range"), format!("bytes */{len}"));

    // A range of another version of the file gets the whole of this one.
    let stale = fetch(
        &service,
        get("/data/sites.csv")
            .insert_header(("range", "bytes=0-9"))
            .insert_header(("if-range", "\"0000000000000000\"")),
    )
    .await;
    assert_eq!(stale.status, 200);
    assert_eq!(stale.body, whole.body);
    let same = fetch(
        &service,
        get("/data/sites.csv")
            .insert_header(("range", "bytes=0-9"))
            .insert_header(("if-range", etag)),
    )
    .await;
    assert_eq!(same.status, 206);
}

#[actix_web::test]
async fn revalidation_gets_304_and_head_gets_the_headers() {
    let App {
        service,
        tree: _tree,
    } = fixture_app(false).await;
    for path in FILES {
        let first = fetch(&service, get(path)).await;
        assert_eq!(first.status, 200, "{path}");
        assert_eq!(first.header("access-control-allow-origin"), "*");
        let etag = first.header("etag").to_string();
        let modified = first.header("last-modified").to_string();
        assert!(!modified.is_empty(), "{path} has a Last-Modified");
        let by_tag = fetch(
            &service,
            get(path).insert_header(("if-none-match", etag.clone())),
        )
        .await;
        assert_eq!(by_tag.status, 304, "{path}");
        assert_eq!(by_tag.header("etag"), etag);
        assert!(by_tag.body.is_empty());
        let by_date = fetch(
            &service,
            get(path).insert_header(("if-modified-since", modified)),
        )
        .await;
        assert_eq!(by_date.status, 304, "{path}");
        let head = fetch(
            &service,
            TestRequest::default()
                .method(actix_web::http::Method::HEAD)
                .uri(path),
        )
        .await;
        assert_eq!(head.status, 200);
        assert_eq!(head.header("content-length"), first.body.len().to_string());
        assert_eq!(head.header("etag"), etag);
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("valid brotli");
    out
}

#[actix_web::test]
async fn each_compressed_form_holds_the_plain_file() {
    let App {
        service,
        tree: _tree,
    } = fixture_app(false).await;
    for path in FILES {
        let plain = fetch(&service, get(path)).await;
        assert_eq!(plain.header("content-encoding"), "", "{path}");
        assert_eq!(plain.header("vary"), "Accept-Encoding");
        let gz = fetch(
            &service,
            get(path).insert_header(("accept-encoding", "gzip")),
        )
        .await;
        assert_eq!(gz.header("content-encoding"), "gzip", "{path}");
        assert_eq!(gunzip(&gz.body), plain.body, "{path} as gzip");
        let br = fetch(
            &service,
            get(path).insert_header(("accept-encoding", "gzip, br")),
        )
        .await;
        assert_eq!(br.header("content-encoding"), "br", "{path}");
        assert_eq!(unbrotli(&br.body), plain.body, "{path} as brotli");
        let tags = [plain.header("etag"), gz.header("etag"), br.header("etag")];
        assert!(
            tags[0] != tags[1] && tags[1] != tags[2],
            "each form its own tag: {tags:?}"
        );
        // A range of the compressed form is a range of its bytes.
        let part = fetch(
            &service,
            get(path)
                .insert_header(("accept-encoding", "br"))
                .insert_header(("range", "bytes=0-3")),
        )
        .await;
        assert_eq!(part.status, 206);
        assert_eq!(part.body, br.body[..4]);
    }
}

#[actix_web::test]
async fn json_lines_hold_one_site_a_line_with_id_url_and_updated() {
    let App {
        service,
        tree: _tree,
    } = fixture_app(false).await;
    let got = fetch(&service, get("/data/sites.jsonl")).await;
    assert_eq!(
        got.header("content-type"),
        "application/jsonl; charset=utf-8"
    );
    let text = String::from_utf8(got.body).expect("UTF-8");
    assert!(text.ends_with('\n'));
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let ids: Vec<&str> = records.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(
        ids,
        ["dismantled-monument", "full-site", "kursk-plan"],
        "slug order, no drafts"
    );
    let full = &records[1];
    assert_eq!(full["url"], format!("{BASE_URL}/sites/full-site/"));
    assert_eq!(full["updated"], "2026-11-20");
    assert_eq!(full["slug"], "full-site");
    assert_eq!(full["coordinates"]["latitude"], 39.0392);
}

#[actix_web::test]
async fn the_file_name_carries_the_day_of_the_data() {
    let App {
        service,
        tree: _tree,
    } = fixture_app(false).await;
    let day = chrono::Utc::now().date_naive();
    for (path, ext) in [
        ("/data/sites.csv", "csv"),
        ("/data/sites.geojson", "geojson"),
    ] {
        let got = fetch(&service, get(path)).await;
        let wanted = format!("filename=\"memorial-atlas-sites-{day}.{ext}\"");
        assert!(
            got.header("content-disposition").contains(&wanted),
            "{}",
            got.header("content-disposition")
        );
    }
}

#[actix_web::test]
async fn files_change_with_the_data_and_only_then() {
    let tree = Tree::fixture();
    tree.build();
    let shared = Data::new(SharedState::new(tree.config(false)));
    let service = test::init_service(app(shared.clone())).await;
    let csv = fetch(&service, get("/data/sites.csv")).await;
    let json = fetch(&service, get("/data/sites.json")).await;

    // The same content built again: the CSV is the same bytes, so the same tag and date; the
    // JSON says when it was built, so it changes.
    tree.build();
    shared.rebuilt(Ok(()));
    let csv_again = fetch(&service, get("/data/sites.csv")).await;
    assert_eq!(csv_again.body, csv.body);
    assert_eq!(csv_again.header("etag"), csv.header("etag"));
    assert_eq!(
        csv_again.header("last-modified"),
        csv.header("last-modified")
    );
    let json_again = fetch(&service, get("/data/sites.json")).await;
    assert_ne!(json_again.header("etag"), json.header("etag"));

    let site = tree.content().join("sites/full-site.md");
    let text = std::fs::read_to_string(&site).expect("fixture");
    tree.write(
        "sites/full-site.md",
        text.replace("Fixture Obelisk", "Renamed Obelisk"),
    );
    tree.build();
    shared.rebuilt(Ok(()));
    let changed = fetch(&service, get("/data/sites.csv")).await;
    assert_ne!(changed.header("etag"), csv.header("etag"));
    assert!(String::from_utf8_lossy(&changed.body).contains("Renamed Obelisk"));
    let old_tag = csv.header("etag").to_string();
    let revalidated = fetch(
        &service,
        get("/data/sites.csv").insert_header(("if-none-match", old_tag)),
    )
    .await;
    assert_eq!(revalidated.status, 200, "the old copy is no longer current");

    // Only complete sets are left beside the database: the newest two, nothing half-written.
    let root = memorial_atlas::web::exports::root_for(&tree.db());
    let mut sets: Vec<String> = std::fs::read_dir(&root)
        .expect("exports folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    sets.sort();
    assert_eq!(sets.len(), 2, "{sets:?}");
    assert!(sets.iter().all(|s| !s.starts_with('.')), "{sets:?}");
}

#[test]
fn build_writes_the_files_for_its_address() {
    let tree = Tree::fixture();
    let out = tree.run(&["build", "--exports", "--base-url", "https://example.org/"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("wrote the open-data files for https://example.org"),
        "{stdout}"
    );
    let root = memorial_atlas::web::exports::root_for(&tree.db());
    let set = std::fs::read_dir(&root)
        .expect("exports folder")
        .flatten()
        .next()
        .expect("one set")
        .path();
    for name in ["sites.json", "sites.geojson", "sites.csv", "sites.jsonl"] {
        for suffix in ["", ".gz", ".br"] {
            assert!(
                set.join(format!("{name}{suffix}")).is_file(),
                "{name}{suffix}"
            );
        }
    }
    let csv = std::fs::read_to_string(set.join("sites.csv")).expect("csv");
    assert!(csv.contains("https://example.org/sites/full-site/"));
}

#[actix_web::test]
async fn the_open_data_page_gives_each_file_its_size_and_day() {
    let App {
        service,
        tree: _tree,
    } = fixture_app(false).await;
    let page = fetch(&service, get("/data/")).await;
    assert_eq!(page.status, 200);
    let page = String::from_utf8(page.body).expect("UTF-8");
    for path in FILES {
        let plain = fetch(&service, get(path)).await;
        let gzip = fetch(
            &service,
            get(path).insert_header(("accept-encoding", "gzip")),
        )
        .await;
        let size =
            memorial_atlas::web::views::file_size(plain.body.len() as u64, &Default::default());
        let gzip_size =
            memorial_atlas::web::views::file_size(gzip.body.len() as u64, &Default::default());
        let day = &plain.header("content-disposition")
            ["inline; filename=\"memorial-atlas-sites-".len()..][..10];
        let expected = format!("<a href=\"{path}\">");
        let at = page
            .find(&expected)
            .unwrap_or_else(|| panic!("{path} is listed:\n{page}"));
        let item = &page[at..page[at..].find("</li>").map_or(page.len(), |e| at + e)];
        assert!(
            item.contains(&format!(
                "{size} ({gzip_size} compressed), changed <time datetime=\"{day}\">"
            )),
            "{path}: {size}, {gzip_size}, {day} in {item}"
        );
    }
}

#[actix_web::test]
async fn the_open_data_page_stands_when_the_files_cannot_be_written() {
    let tree = Tree::fixture();
    tree.build();
    // A file where the folder of open-data files must go: nothing can be written there.
    std::fs::write(
        memorial_atlas::web::exports::root_for(&tree.db()),
        b"in the way",
    )
    .expect("block");
    let service = test::init_service(app(Data::new(SharedState::new(tree.config(false))))).await;
    let page = fetch(&service, get("/data/")).await;
    assert_eq!(page.status, 200);
    let page = String::from_utf8(page.body).expect("UTF-8");
    assert!(page.contains("<a href=\"/data/sites.csv\">"), "{page}");
    assert!(!page.contains("compressed), changed"), "{page}");
    let file = fetch(&service, get("/data/sites.csv")).await;
    assert_eq!(file.status, 500);
}
