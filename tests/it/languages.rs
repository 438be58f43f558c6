//! The atlas in four languages: addresses under /ru/, /ko/ and /zh/, the interface from the
//! catalogues, dates and numbers from CLDR, the fallback for untranslated entries, hreflang,
//! the switcher, search, feeds and data in each language, and the editors' commands.

use std::collections::{BTreeMap, BTreeSet};

use memorial_atlas::i18n::{I18n, catalogue};
use memorial_atlas::lang::Lang;
use scraper::{Html, Selector};

use crate::support::{BASE_URL, Tree, fixture_app};

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = Selector::parse(css).expect("selector");
    doc.select(&sel).collect()
}

fn attr(doc: &Html, css: &str, name: &str) -> Option<String> {
    select(doc, css)
        .first()
        .and_then(|e| e.value().attr(name))
        .map(str::to_string)
}

/// The page's hreflang alternates: tag → absolute URL.
fn hreflang(doc: &Html) -> BTreeMap<String, String> {
    select(doc, "link[rel=alternate][hreflang]")
        .iter()
        .filter_map(|e| {
            Some((
                e.value().attr("hreflang")?.to_string(),
                e.value().attr("href")?.to_string(),
            ))
        })
        .collect()
}

#[actix_web::test]
async fn every_route_answers_under_each_prefix_and_english_stays_where_it_was() {
    let app = fixture_app(false).await;
    for lang in ["", "/ru", "/ko", "/zh"] {
        for path in [
            "/",
            "/sites/",
            "/sites/?kind=monument&sort=country",
            "/sites/full-site/",
            "/countries/",
            "/countries/kp/",
            "/dates/",
            "/dates/victory-day/",
            "/on-this-day/05-09/",
            "/map/",
            "/search?q=obelisk",
            "/about/",
            "/data/",
            "/feed.xml",
            "/dates.ics",
            "/countries/kp/dates.ics",
        ] {
            let page = app.get(&format!("{lang}{path}")).await;
            assert_eq!(page.status, 200, "{lang}{path}");
        }
        // Old addresses redirect within the language.
        let page = app.get(&format!("{lang}/sites/old-obelisk/")).await;
        assert_eq!(page.status, 301, "{lang} alias");
        assert_eq!(page.header("location"), format!("{lang}/sites/full-site/"));
    }
    // The language's home without its slash, and addresses that only look like a prefix.
    assert_eq!(app.get("/ru").await.header("location"), "/ru/");
    assert_eq!(app.get("/ruins/").await.status, 404);
    assert_eq!(app.get("/fr/").await.status, 404);
}

#[actix_web::test]
async fn the_404_page_is_in_the_language_of_the_address() {
    let app = fixture_app(false).await;
    for (path, lang) in [
        ("/nowhere/", Lang::En),
        ("/ru/nowhere/", Lang::Ru),
        ("/ko/sites/nothing-here/", Lang::Ko),
        ("/zh/dates/nothing-here/", Lang::Zh),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{path}");
        let title = I18n::new(lang).t("error-404-title");
        if !lang.is_english() {
            assert_ne!(title, I18n::new(Lang::En).t("error-404-title"), "{lang}");
        }
        page.assert_has(&[&format!("<html lang=\"{}\">", lang.tag()), &title]);
    }
    let bad = app.get("/ru/sites/?sort=sideways").await;
    assert_eq!(bad.status, 400);
    bad.assert_has(&["<html lang=\"ru\">", "sideways"]);
}

#[test]
fn every_catalogue_has_every_message_english_has() {
    let english: BTreeSet<String> = catalogue::ids(catalogue::SOURCES[0].1)
        .into_iter()
        .collect();
    assert!(
        english.len() > 100,
        "the English catalogue is the interface"
    );
    for (lang, text) in catalogue::SOURCES {
        assert_eq!(
            catalogue::syntax_errors(text),
            Vec::<String>::new(),
            "{lang}.ftl parses"
        );
        let ids: BTreeSet<String> = catalogue::ids(text).into_iter().collect();
        let missing: Vec<&String> = english.difference(&ids).collect();
        assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
    }
}

#[test]
fn russian_counts_take_cldr_plural_forms() {
    let ru = I18n::new(Lang::Ru);
    let one = ru.count("sites-count", 1);
    let few = ru.count("sites-count", 3);
    let many = ru.count("sites-count", 5);
    // 1 объект, 3 объекта, 5 объектов: three different words after the number.
    let word = |s: &str| s.split_whitespace().last().unwrap_or_default().to_string();
    assert_eq!(one.split_whitespace().next(), Some("1"));
    assert_ne!(word(&one), word(&few));
    assert_ne!(word(&few), word(&many));
    assert_ne!(word(&one), word(&many));
    assert_eq!(word(&ru.count("sites-count", 21)), word(&one));
    assert_eq!(word(&ru.count("sites-count", 24)), word(&few));
    assert_eq!(word(&ru.count("sites-count", 11)), word(&many));
    // Korean and Chinese have one form.
    let ko = I18n::new(Lang::Ko);
    assert_eq!(
        ko.count("sites-count", 1).replace('1', "5"),
        ko.count("sites-count", 5)
    );
}

#[actix_web::test]
async fn no_english_is_left_in_the_interface_of_a_translated_page() {
    let app = fixture_app(false).await;
    // Every English message of the catalogue that the site page shows.
    let english = I18n::new(Lang::En);
    let shown = [
        "skip-to-content",
        "nav-sites",
        "nav-countries",
        "nav-about",
        "facts",
        "fact-country",
        "fact-locality",
        "fact-honours",
        "fact-conflicts",
        "fact-burials",
        "fact-commemorated",
        "history",
        "sources",
        "suggest-correction",
        "footer-policy",
        "kind-monument",
        "status-extant",
    ];
    for path in [
        "/ru/sites/full-site/",
        "/ko/sites/full-site/",
        "/zh/sites/full-site/",
    ] {
        let page = app.get(path).await;
        // The entry's own words (English where untranslated) are not the interface.
        let body = &page.body;
        let prose = body.find("<div class=\"prose\"");
        let end = prose.and_then(|a| body[a..].find("</div>").map(|b| a + b));
        let interface = match (prose, end) {
            (Some(a), Some(b)) => format!("{}{}", &body[..a], &body[b..]),
            _ => body.clone(),
        };
        for id in shown {
            let text = english.t(id);
            assert!(
                !interface.contains(&format!(">{text}<")),
                "{path} shows the English {id:?}: {text:?}"
            );
        }
    }
    app.get("/ru/sites/full-site/").await.assert_has(&[
        "<html lang=\"ru\">",
        "Вторая мировая война",
        "<title>Учебный обелиск",
    ]);
}

#[actix_web::test]
async fn dates_and_numbers_are_written_as_each_language_writes_them() {
    let app = fixture_app(false).await;
    app.get("/ru/sites/full-site/")
        .await
        .assert_has(&["1\u{a0}375", "15 августа 1947\u{202f}г."]);
    app.get("/ko/sites/full-site/")
        .await
        .assert_has(&["1,375", "1947년 8월 15일"]);
    app.get("/zh/sites/full-site/")
        .await
        .assert_has(&["1,375", "1947年8月15日"]);
    app.get("/sites/full-site/")
        .await
        .assert_has(&["1,375", "15 August 1947"]);
    // Month names and "in N days" too.
    app.get("/ru/dates/").await.assert_has(&["май", "через"]);
}

#[actix_web::test]
async fn an_untranslated_entry_is_served_in_english_words_with_the_language_interface() {
    let app = fixture_app(false).await;
    let page = app.get("/ko/sites/full-site/").await;
    assert_eq!(page.status, 200);
    let doc = Html::parse_document(&page.body);
    assert_eq!(attr(&doc, "html", "lang").as_deref(), Some("ko"));
    assert_eq!(attr(&doc, "h1", "lang").as_deref(), Some("en"));
    assert_eq!(attr(&doc, "div.prose", "lang").as_deref(), Some("en"));
    assert_eq!(
        attr(&doc, "meta[name=robots]", "content").as_deref(),
        Some("noindex")
    );
    assert_eq!(
        attr(&doc, "link[rel=canonical]", "href").as_deref(),
        Some(format!("{BASE_URL}/sites/full-site/").as_str())
    );
    assert!(
        hreflang(&doc).is_empty(),
        "no alternates on a fallback page"
    );
    assert!(select(&doc, "p.notice").len() == 1, "a notice says so");
    // The translated versions do not list it.
    let ru = Html::parse_document(&app.get("/ru/sites/full-site/").await.body);
    let set = hreflang(&ru);
    assert!(set.contains_key("ru") && set.contains_key("zh-Hans") && set.contains_key("en"));
    assert!(!set.contains_key("ko"));
}

#[actix_web::test]
async fn an_empty_translated_body_shows_the_original_body_marked_english() {
    let app = fixture_app(false).await;
    let page = app.get("/zh/sites/full-site/").await;
    let doc = Html::parse_document(&page.body);
    assert_eq!(attr(&doc, "h1", "lang"), None, "the title is translated");
    page.assert_has(&["示范方尖碑", "The obelisk was raised"]);
    assert_eq!(attr(&doc, "div.prose", "lang").as_deref(), Some("en"));
    assert!(select(&doc, "meta[name=robots]").is_empty(), "indexed");
}

#[actix_web::test]
async fn a_translation_older_than_its_original_says_so_with_the_date() {
    let app = fixture_app(false).await;
    let page = app.get("/ru/sites/dismantled-monument/").await;
    let doc = Html::parse_document(&page.body);
    let notice: String = select(&doc, "p.notice")
        .first()
        .map(|e| e.text().collect())
        .unwrap_or_default();
    assert!(notice.contains("1 октября 2026"), "{notice}");
    let fresh = app.get("/ru/sites/full-site/").await;
    assert!(select(&Html::parse_document(&fresh.body), "p.notice").is_empty());
}

#[actix_web::test]
async fn hreflang_sets_are_reciprocal_over_the_whole_sitemap() {
    let app = fixture_app(false).await;
    let sitemap = app.get("/sitemap.xml").await;
    let xml = roxmltree::Document::parse(&sitemap.body).expect("sitemap is XML");
    let mut checked = 0;
    let mut sets: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for url in xml.descendants().filter(|n| n.has_tag_name("url")) {
        let loc = url
            .children()
            .find(|n| n.has_tag_name("loc"))
            .and_then(|n| n.text())
            .expect("loc")
            .to_string();
        let listed: BTreeMap<String, String> = url
            .children()
            .filter(|n| n.tag_name().name() == "link")
            .map(|n| {
                (
                    n.attribute("hreflang").unwrap_or_default().to_string(),
                    n.attribute("href").unwrap_or_default().to_string(),
                )
            })
            .collect();
        let path = loc.strip_prefix(BASE_URL).expect("absolute");
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{loc}");
        let doc = Html::parse_document(&page.body);
        assert_eq!(hreflang(&doc), listed, "head and sitemap agree on {loc}");
        assert!(
            attr(&doc, "meta[name=robots]", "content").is_none(),
            "an untranslated page is not in the sitemap: {loc}"
        );
        if !listed.is_empty() {
            assert_eq!(listed.get("x-default"), listed.get("en"), "{loc}");
            assert!(listed.values().any(|h| *h == loc), "{loc} lists itself");
            sets.insert(loc, listed);
        }
        checked += 1;
    }
    assert!(checked > 30, "{checked} addresses");
    // Reciprocal: every version lists the same set.
    for (loc, set) in &sets {
        for href in set.values() {
            assert_eq!(sets.get(href), Some(set), "{href}, listed by {loc}");
        }
    }
    // The Korean version of the fixture obelisk is not translated: not in the sitemap.
    assert!(!sitemap.body.contains("/ko/sites/full-site/"));
    assert!(sitemap.body.contains("/zh/sites/full-site/"));
}

#[actix_web::test]
async fn the_switcher_links_the_same_page_in_each_language_named_in_itself() {
    let app = fixture_app(false).await;
    let page = app.get("/ru/sites/full-site/").await;
    let doc = Html::parse_document(&page.body);
    let links = select(&doc, "nav.languages a");
    let by_lang: BTreeMap<String, (String, String, bool)> = links
        .iter()
        .map(|a| {
            (
                a.value().attr("hreflang").unwrap_or_default().to_string(),
                (
                    a.value().attr("href").unwrap_or_default().to_string(),
                    a.text().collect::<String>(),
                    a.value().classes().any(|c| c == "untranslated"),
                ),
            )
        })
        .collect();
    assert_eq!(by_lang["en"].0, "/sites/full-site/");
    assert!(by_lang["en"].1.contains("English"));
    assert!(by_lang["ru"].1.contains("Русский"));
    assert!(
        by_lang["ko"].1.contains("한국어") && by_lang["ko"].2,
        "marked untranslated"
    );
    assert!(by_lang["zh-Hans"].1.contains("中文") && !by_lang["zh-Hans"].2);
    assert_eq!(by_lang["zh-Hans"].0, "/zh/sites/full-site/");
    // No automatic redirect by Accept-Language.
    let req = actix_web::test::TestRequest::get()
        .uri("/")
        .insert_header(("Accept-Language", "ru"));
    let home = app.send(req).await;
    assert_eq!(home.status, 200);
    home.assert_has(&["<html lang=\"en\">"]);
}

#[actix_web::test]
async fn a_word_only_in_a_translation_finds_the_entry_from_any_language() {
    let app = fixture_app(false).await;
    // "сирень" stands only in the Russian body of the fixture obelisk.
    for path in [
        "/ru/search?q=%D1%81%D0%B8%D1%80%D0%B5%D0%BD%D1%8C",
        "/search?q=%D1%81%D0%B8%D1%80%D0%B5%D0%BD%D1%8C",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200);
        let doc = Html::parse_document(&page.body);
        let titles: Vec<String> = select(&doc, ".result-title a")
            .iter()
            .map(|a| a.text().collect())
            .collect();
        assert_eq!(titles.len(), 1, "{path}: {titles:?}");
        let snippet: String = select(&doc, ".snippet")
            .first()
            .map(|e| e.text().collect())
            .unwrap_or_default();
        assert!(snippet.contains("сирень"), "{snippet}");
    }
    // An entry whose texts in two languages both match is one result, shown in the visitor's
    // language where that text matched.
    let both = app.get("/ru/search?q=1947").await;
    let doc = Html::parse_document(&both.body);
    let urls: Vec<String> = select(&doc, ".result-title a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(
        urls.iter().filter(|u| *u == "/ru/sites/full-site/").count(),
        1,
        "{urls:?}"
    );
    both.assert_has(&["году"]);
    // Titles in the visitor's language where translated.
    let ru = app.get("/ru/search?q=obelisk").await;
    ru.assert_has(&["Учебный обелиск"]);
    let en = app
        .get("/search?q=%D1%81%D0%B8%D1%80%D0%B5%D0%BD%D1%8C")
        .await;
    en.assert_has(&["Fixture Obelisk"]);
}

#[actix_web::test]
async fn the_site_list_sorts_by_name_in_each_language_s_own_order() {
    let app = fixture_app(false).await;
    let page = app.get("/ru/sites/").await;
    let doc = Html::parse_document(&page.body);
    let titles: Vec<String> = select(&doc, "table.sites-table th[scope=row] a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by(|a, b| memorial_atlas::i18n::collate::compare(Lang::Ru, a, b));
    assert_eq!(titles, sorted);
    // The Russian titles in the Russian alphabet's order.
    let cyrillic: Vec<&String> = titles
        .iter()
        .filter(|t| t.starts_with(['Д', 'У']))
        .collect();
    assert_eq!(cyrillic, ["Демонтированный памятник", "Учебный обелиск"]);
}

#[actix_web::test]
async fn structured_data_feeds_and_calendars_speak_the_page_s_language() {
    let app = fixture_app(false).await;
    let page = app.get("/ru/sites/full-site/").await;
    page.assert_has(&[
        "\"inLanguage\":\"ru\"",
        "\"name\":\"Учебный обелиск\"",
        "<meta property=\"og:locale\" content=\"ru_RU\">",
        "<meta property=\"og:locale:alternate\" content=\"en_GB\">",
        "<meta property=\"og:locale:alternate\" content=\"zh_CN\">",
    ]);
    page.assert_lacks(&["og:locale:alternate\" content=\"ko_KR"]);
    let feed = app.get("/ru/feed.xml").await;
    feed.assert_has(&[
        "xml:lang=\"ru\"",
        "<title>Учебный обелиск</title>",
        &format!("href=\"{BASE_URL}/ru/sites/full-site/\""),
    ]);
    let ics = app.get("/ru/dates.ics").await;
    ics.assert_has(&["SUMMARY;LANGUAGE=ru:День Победы", "-ru@memorial-atlas"]);
    let en_ics = app.get("/dates.ics").await;
    en_ics.assert_has(&["SUMMARY:Victory Day"]);
}

#[actix_web::test]
async fn the_open_data_carries_every_language_s_title_and_summary() {
    let app = fixture_app(false).await;
    let json = app.get("/data/sites.json").await;
    let v: serde_json::Value = serde_json::from_str(&json.body).expect("json");
    let site = v["sites"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["slug"] == "full-site"))
        .expect("full-site");
    assert_eq!(site["translations"]["ru"]["title"], "Учебный обелиск");
    assert_eq!(
        site["translations"]["ru"]["url"],
        format!("{BASE_URL}/ru/sites/full-site/")
    );
    assert_eq!(site["translations"]["zh"]["title"], "示范方尖碑");
    assert!(site["translations"].get("ko").is_none());
    let csv = app.get("/data/sites.csv").await;
    let header = csv.body.lines().next().unwrap_or_default();
    assert!(header.ends_with("title_ru,summary_ru,title_ko,summary_ko,title_zh,summary_zh"));
    assert!(csv.body.contains("Учебный обелиск"));
    let geojson = app.get("/data/sites.geojson").await;
    assert!(geojson.body.contains("Учебный обелиск"));
}

#[test]
fn new_lang_starts_a_translation_with_the_original_s_words_as_comments() {
    let tree = Tree::fixture();
    let out = tree.run(&["new", "site", "full-site", "--lang", "ko"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(tree.content().join("sites/full-site.ko.md")).expect("file");
    assert!(
        text.contains("# title: \"Fixture Obelisk\"\ntitle = \"\""),
        "{text}"
    );
    assert!(text.contains("#   \"Unveiled on the second anniversary of the liberation.\""));
    assert!(text.contains("<!--\nThe obelisk was raised"));
    assert!(!text.contains("country ="), "no facts");
    // Never overwrites; refuses a language the atlas does not speak and a missing original.
    assert!(
        !tree
            .run(&["new", "site", "full-site", "--lang", "ko"])
            .status
            .success()
    );
    let fr = tree.run(&["new", "site", "full-site", "--lang", "fr"]);
    assert!(String::from_utf8_lossy(&fr.stderr).contains("ru, ko or zh"));
    let none = tree.run(&["new", "page", "nowhere", "--lang", "ru"]);
    assert!(String::from_utf8_lossy(&none.stderr).contains("does not exist"));
    for (kind, slug) in [
        ("country", "kp"),
        ("date", "victory-day"),
        ("page", "editorial-policy"),
    ] {
        let out = tree.run(&["new", kind, slug, "--lang", "zh"]);
        assert!(
            out.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn check_translations_lists_what_is_translated_missing_or_older() {
    let tree = Tree::fixture();
    let out = tree.run(&["check", "--translations"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("ru: 5 translated, 1 older than their original, 6 missing"),
        "{text}"
    );
    assert!(
        text.contains("older: content/sites/dismantled-monument.ru.md"),
        "{text}"
    );
    assert!(text.contains("ko: 0 translated"), "{text}");
    let out = tree.run(&["check", "--translations", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let ru = &v["translations"][0];
    assert_eq!(ru["lang"], "ru");
    assert_eq!(ru["stale"][0]["original_changed"], "2026-10-01");
    assert_eq!(ru["missing"].as_array().map(Vec::len), Some(6));
}

#[test]
fn check_refuses_a_bad_translation_naming_file_line_and_column() {
    let cases = [
        (
            "sites/full-site.ru.md",
            "+++\ntitle = \"Обелиск\"\ncountry = \"kp\"\n+++\n",
            "content/sites/full-site.ru.md:3:1: field `country`: `country` cannot be in a translation",
            "content/sites/full-site.md",
        ),
        (
            "sites/no-such-site.ko.md",
            "+++\ntitle = \"없음\"\n+++\n",
            "content/sites/no-such-site.ko.md: this translation has no original",
            "content/sites/no-such-site.md does not exist",
        ),
        (
            "dates/victory-day.fr.md",
            "+++\ntitle = \"Jour de la Victoire\"\n+++\n",
            "`fr` is not a language the atlas is translated into",
            "ru, ko, zh",
        ),
        (
            "sites/full-site.zh.md",
            "+++\ntitle = \"方尖碑\"\n+++\n\n见报告。[^nothing]\n",
            "content/sites/full-site.zh.md:5:5: `[^nothing]` cites no source",
            "report, second",
        ),
        (
            "sites/full-site.zh.md",
            "+++\ntitle = \"方尖碑\"\nevent_notes = [\"一\", \"二\", \"三\"]\n+++\n",
            "content/sites/full-site.zh.md:3:15: field `event_notes`: has 3 entries",
            "has 2 [[events]]",
        ),
        (
            "countries/kp.ko.md",
            "+++\nofficial_name = \"조선\"\n+++\n",
            "content/countries/kp.ko.md:1:1: field `name`: missing required field `name`",
            "",
        ),
    ];
    for (file, text, error, detail) in cases {
        let tree = Tree::fixture();
        tree.write(file, text);
        let out = tree.run(&["check"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{file}");
        assert!(
            stderr.contains(error),
            "{file}: expected {error:?} in:\n{stderr}"
        );
        assert!(
            stderr.contains(detail),
            "{file}: expected {detail:?} in:\n{stderr}"
        );
        let json = tree.run(&["check", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
        assert!(v["error_count"].as_u64().unwrap_or(0) >= 1, "{file}");
    }
}
