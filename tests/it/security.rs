//! Nothing an editor writes can run in a visitor's browser, and malformed requests get 4xx pages.
//! The vectors follow the OWASP XSS filter-evasion cheat sheet; every page is parsed with an
//! HTML parser (html5ever, as browsers parse) and checked for scripts, handlers and dangerous URLs.

use actix_web::http::header;
use actix_web::test::TestRequest;
use scraper::{Html, Selector};

use crate::support::{Tree, app_for};

const VECTORS: &[&str] = &[
    "<script>alert(1)</script>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=\"javascript:alert(1)\">x</math>",
    "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
    "<BODY ONLOAD=alert('XSS')>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
    "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(2)\">x</button></form>",
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<img src=x onerror=\"alert(1)\"/>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<link rel=stylesheet href=\"javascript:alert(1)\">",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "<b><i>broken tags <a href=",
    "[md link](javascript:alert(1))",
    "[md data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![md image](javascript:alert(1))",
    "[md entity](&#106;avascript:alert(1))",
    "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
];

/// A TOML basic string holding `s`.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn hostile_tree() -> Tree {
    let tree = Tree::fixture();
    let all = VECTORS.join(" ");
    let body = VECTORS.join("\n\n");
    let v = |i: usize| toml_str(VECTORS[i % VECTORS.len()]);
    let site = format!(
        "+++\ntitle = {}\ncountry = \"kp\"\nlocality = {}\nregion = {}\nkind = \"monument\"\nstatus = \"extant\"\nhonours = {}\nconflicts = [{}, {}]\ncoordinates = [39.1, 125.8]\ncommemorations = [\"victory-day\"]\nnames = {{ ko = {}, ru = {} }}\ncaretaker = {}\nvisiting = {}\nsummary = {}\nupdated = 2026-11-22\n\n[[sources]]\ntitle = {}\npublisher = {}\nurl = \"https://example.org/?q=<script>alert(1)</script>&x=\\\"y\"\n\n[[images]]\nfile = \"images/obelisk.png\"\nalt = {}\ncaption = {}\ncredit = {}\nlicense = {}\n+++\n\n{body}\n",
        v(0),
        v(1),
        v(2),
        v(3),
        v(4),
        v(5),
        v(6),
        v(7),
        v(8),
        v(9),
        toml_str(&all[..all.char_indices().nth(290).map_or(all.len(), |(i, _)| i)]),
        v(10),
        v(11),
        v(12),
        v(13),
        v(14),
        v(15)
    );
    tree.write("sites/xss.md", site);
    tree.write(
        "pages/xss-page.md",
        format!(
            "+++\ntitle = {}\nsummary = {}\n+++\n\n{body}\n",
            v(16),
            v(17)
        ),
    );
    tree.write("dates/victory-day.md", format!("+++\ntitle = {}\nmonth = 5\nday = 9\ncountries = [\"ru\"]\nnames = {{ ru = {} }}\n+++\n\n{body}\n", v(18), v(19)));
    tree.write(
        "countries/kp.md",
        format!(
            "+++\nname = {}\nofficial_name = {}\nnames = {{ ko = {} }}\n+++\n\n{body}\n",
            v(20),
            v(21),
            v(22)
        ),
    );
    tree
}

/// Every way a page could run script, as found by a real HTML parser.
fn dangers(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut found = Vec::new();
    let all = Selector::parse("*").expect("selector");
    for el in doc.select(&all) {
        let name = el.value().name().to_ascii_lowercase();
        match name.as_str() {
            "script" => {
                if el.value().attr("type") != Some("application/ld+json") {
                    found.push(format!("<script> element: {}", el.html()));
                } else {
                    let text: String = el.text().collect();
                    if serde_json::from_str::<serde_json::Value>(&text).is_err() {
                        found.push(format!("JSON-LD that is not JSON: {text}"));
                    }
                }
            }
            "iframe" | "object" | "embed" | "base" | "style" | "frame" | "frameset" | "applet" => {
                found.push(format!("<{name}> element: {}", el.html()));
            }
            "link"
                if !matches!(
                    el.value().attr("rel"),
                    Some("stylesheet" | "canonical" | "alternate" | "icon")
                ) =>
            {
                found.push(format!("<link> element: {}", el.html()));
            }
            "meta" if el.value().attr("http-equiv").is_some() => {
                found.push(format!("meta http-equiv: {}", el.html()))
            }
            _ => {}
        }
        for (attr, value) in el.value().attrs() {
            let a = attr.to_ascii_lowercase();
            if a.starts_with("on") {
                found.push(format!("handler attribute {a} on <{name}>"));
            }
            if a == "style" {
                found.push(format!("style attribute {value:?} on <{name}>"));
            }
            if matches!(
                a.as_str(),
                "href"
                    | "src"
                    | "action"
                    | "formaction"
                    | "xlink:href"
                    | "data"
                    | "srcdoc"
                    | "background"
                    | "poster"
                    | "srcset"
            ) {
                // Browsers ignore whitespace and control characters inside a scheme.
                let compact: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if compact.starts_with("javascript:")
                    || compact.starts_with("vbscript:")
                    || compact.starts_with("data:")
                    || a == "srcdoc"
                {
                    found.push(format!("dangerous {a}={value:?} on <{name}>"));
                }
            }
        }
        if name == "form" && el.value().attr("action") != Some("/search") {
            found.push(format!(
                "a form that is not the site's search: {}",
                el.html()
            ));
        }
    }
    found
}

#[actix_web::test]
async fn no_vector_in_any_field_or_body_reaches_a_page_as_script() {
    let tree = hostile_tree();
    if let Err(e) = memorial_atlas::content::load(&tree.content()) {
        panic!("the hostile content must pass the checks, to reach the pages:\n{e}");
    }
    tree.build();
    let app = app_for(tree, false).await;
    let mut pages: Vec<String> = [
        "/",
        "/sites/",
        "/sites/xss/",
        "/sites/full-site/",
        "/countries/",
        "/countries/kp/",
        "/dates/",
        "/dates/victory-day/",
        "/xss-page/",
        "/map/",
        "/on-this-day/05-09/",
        "/search?q=alert",
        "/search?q=script",
        "/sites/?date=victory-day",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for v in VECTORS {
        pages.push(format!(
            "/search?q={}",
            memorial_atlas::web::handlers::search::urlencode(v)
        ));
        pages.push(format!(
            "/nothing/{}/",
            memorial_atlas::web::handlers::search::urlencode(v)
        ));
    }
    let mut problems = Vec::new();
    for path in &pages {
        let page = app.get(path).await;
        assert!(page.status < 500, "{path} answered {}", page.status);
        for d in dangers(&page.body) {
            problems.push(format!("{path}: {d}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );

    // The hostile text is still there, shown as text.
    let site = app.get("/sites/xss/").await;
    assert!(
        site.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "titles are escaped, not dropped"
    );
}

#[test]
fn the_checker_finds_what_it_looks_for() {
    // A test of the test: each of these must be caught, or the test above proves nothing.
    for bad in [
        "<script>x</script>",
        "<img src=x onerror=y>",
        "<a href=' java\tscript:x'>a</a>",
        "<a href='data:text/html,x'>a</a>",
        "<iframe src=x></iframe>",
        "<div style='background:url(x)'>a</div>",
        "<form action='/x'></form>",
        "<svg><a xlink:href='javascript:x'>a</a></svg>",
        "<script type='application/ld+json'>{bad json</script>",
    ] {
        assert!(
            !dangers(&format!("<!doctype html><html><body>{bad}</body></html>")).is_empty(),
            "{bad}"
        );
    }
    assert!(dangers("<!doctype html><html><body><a href='/x'>a</a><table><tr><td class='align-right'>1</td></tr></table></body></html>").is_empty());
}

#[actix_web::test]
async fn malformed_requests_get_4xx_pages_and_never_a_file_outside_static() {
    let tree = Tree::fixture();
    tree.build();
    // A file beside static/ that must never be served.
    std::fs::write(tree.dir.path().join("secret.txt"), "TOP SECRET").expect("write");
    let app = app_for(tree, false).await;
    let long = "a".repeat(5000);
    for (path, status) in [
        ("/static/../secret.txt", 400),
        ("/static/%2e%2e/secret.txt", 400),
        ("/static/%2E%2E%2Fsecret.txt", 400),
        ("/static/..%2fsecret.txt", 400),
        ("/static/..%5csecret.txt", 400),
        ("/static/.%2e/secret.txt", 400),
        ("/static/images/../../secret.txt", 400),
        ("/static/%00", 400),
        ("/sites/%ff/", 400),
        ("/sites/%zz/", 400),
        ("/sites/%/", 400),
        ("/search?q=%ff%fe", 400),
        ("/search?q=%", 400),
        ("/search?q=%e2%82", 400),
        (&format!("/{long}/"), 414),
        (&format!("/search?q={}", "b".repeat(9000)), 414),
        ("/static/", 404),
        ("/static", 404),
    ] {
        let page = app.send(TestRequest::get().uri(path)).await;
        assert_eq!(page.status, status, "{path}");
        assert!(!page.body.contains("TOP SECRET"), "{path}");
        assert_eq!(
            page.header("content-type"),
            "text/html; charset=utf-8",
            "{path}: the site's error page"
        );
        assert!(page.body.contains("<h1>"), "{path}: the site's error page");
    }
    let big = app
        .send(
            TestRequest::get()
                .uri("/")
                .insert_header(("x-filler", "c".repeat(20_000))),
        )
        .await;
    assert_eq!(big.status, 431);
    let many = app
        .send(
            TestRequest::get()
                .uri("/")
                .insert_header((header::COOKIE, "d".repeat(17_000))),
        )
        .await;
    assert_eq!(many.status, 431);
    let post = app
        .send(TestRequest::post().uri("/sites/").set_payload("x"))
        .await;
    assert!(
        (400..500).contains(&post.status),
        "POST answered {}",
        post.status
    );
}
