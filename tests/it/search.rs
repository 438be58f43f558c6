//! Search: ranked, highlighted results in every script, and hostile queries that never break it.

use crate::support::{fixture_app, hrefs_after};

fn urlencode(s: &str) -> String {
    memorial_atlas::web::handlers::search::urlencode(s)
}

/// The result links of a search page, in order.
fn result_urls(body: &str) -> Vec<String> {
    hrefs_after(body, "<h2 class=\"result-title\"><a href=\"")
}

#[actix_web::test]
async fn english_query_ranks_titles_above_body_text_and_highlights() {
    let app = fixture_app(false).await;
    let page = app.get("/search?q=obelisk").await;
    assert_eq!(page.status, 200);
    page.assert_has(&[
        "2 results for “obelisk”",
        "Fixture <mark>Obelisk</mark>",
        "old <mark>obelisk</mark> of the town",
    ]);
    assert_eq!(
        result_urls(&page.body),
        ["/sites/full-site/", "/sites/dismantled-monument/"]
    );
    // Each site result says what it is, where, and its state.
    page.assert_has(&["Site · Monument · <span>Pyongyang, Moranbong district, North Korea</span> · <span class=\"status status-extant\">Extant</span>"]);
}

#[actix_web::test]
async fn russian_korean_and_chinese_names_are_found() {
    let app = fixture_app(false).await;
    for (query, marked) in [
        ("Обелиск", "<mark>Обелиск</mark> освобождения"),
        ("освобождения", "Обелиск <mark>освобождения</mark>"),
        ("해방탑", "<mark>해방탑</mark>"),
        ("해방", "<mark>해방</mark>탑"),
        ("解放塔", "<mark>解放塔</mark>"),
        ("解放", "<mark>解放</mark>塔"),
        ("Победы", "День <mark>Победы</mark>"),
    ] {
        let page = app.get(&format!("/search?q={}", urlencode(query))).await;
        assert_eq!(page.status, 200, "{query}");
        let urls = result_urls(&page.body);
        assert!(!urls.is_empty(), "{query} found nothing:\n{}", page.body);
        page.assert_has(&[marked]);
    }
    let page = app.get(&format!("/search?q={}", urlencode("解放"))).await;
    assert_eq!(result_urls(&page.body), ["/sites/full-site/"]);
}

#[actix_web::test]
async fn prefixes_and_words_in_any_order() {
    let app = fixture_app(false).await;
    let page = app.get("/search?q=pyong+fixture").await;
    assert_eq!(result_urls(&page.body)[0], "/sites/full-site/");
    let none = app.get("/search?q=zzzqqq").await;
    none.assert_has(&["No results for “zzzqqq”."]);
}

#[actix_web::test]
async fn hostile_queries_never_break_and_never_echo_markup() {
    let app = fixture_app(false).await;
    let long = "a".repeat(4096);
    for q in [
        "\"unbalanced",
        "NEAR(a b",
        "*",
        "-",
        ":",
        "a:b",
        "title:x",
        "\"\"",
        "(",
        ")",
        "AND",
        "OR NOT",
        "^",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\u{0}",
        "🙂",
        &long,
    ] {
        let page = app.get(&format!("/search?q={}", urlencode(q))).await;
        assert!(
            page.status == 200 || page.status == 400,
            "{q:?} answered {}",
            page.status
        );
        assert!(!page.body.contains("<script>alert"), "{q:?} echoed markup");
        assert!(!page.body.contains("<img src=x"), "{q:?} echoed markup");
    }
    let too_long = app.get(&format!("/search?q={long}")).await;
    assert_eq!(too_long.status, 400);
    too_long.assert_has(&["4096 characters long", "200 characters"]);
    let bad_page = app.get("/search?q=obelisk&page=zero").await;
    assert_eq!(bad_page.status, 400);
}

#[actix_web::test]
async fn empty_query_shows_the_form_with_tips_and_every_page_has_a_search_box() {
    let app = fixture_app(false).await;
    let page = app.get("/search").await;
    assert_eq!(page.status, 200);
    page.assert_has(&["<h2 id=\"tips-heading\">Tips</h2>", "name=\"q\""]);
    for path in ["/", "/sites/full-site/", "/nothing-here/"] {
        app.get(path).await.assert_has(&[
            "<form class=\"header-search\" role=\"search\" action=\"/search\" method=\"get\" aria-label=\"Site search\">",
        ]);
    }
}

#[actix_web::test]
async fn drafts_are_not_found_unless_previewing() {
    let app = fixture_app(false).await;
    app.get("/search?q=unpublished")
        .await
        .assert_has(&["No results"]);
    let preview = fixture_app(true).await;
    let page = preview.get("/search?q=unpublished").await;
    page.assert_has(&["<mark>Unpublished</mark> Draft Cemetery", "badge-draft"]);
}
