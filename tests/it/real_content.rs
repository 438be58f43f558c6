//! The site's own content: it passes every check, and every page built from it answers.

use std::path::Path;

use crate::support::{Tree, app_for};

#[actix_web::test]
async fn every_page_of_the_real_content_answers_200() {
    let tree = Tree::copy_of(Path::new(env!("CARGO_MANIFEST_DIR")));
    tree.build();
    let content = memorial_atlas::content::load(&tree.content()).expect("real content passes");
    assert!(
        content.sites.len() >= 20,
        "the seed documents give about twenty sites"
    );
    let app = app_for(tree, false).await;

    let mut paths: Vec<String> = vec![
        "/".into(),
        "/sites/".into(),
        "/countries/".into(),
        "/dates/".into(),
    ];
    paths.extend(content.sites.iter().map(|s| format!("/sites/{}/", s.slug)));
    paths.extend(
        content
            .countries
            .iter()
            .map(|c| format!("/countries/{}/", c.code)),
    );
    paths.extend(content.dates.iter().map(|d| format!("/dates/{}/", d.slug)));
    paths.extend(content.pages.iter().map(|p| format!("/{}/", p.slug)));
    for p in &paths {
        let page = app.get(p).await;
        assert_eq!(page.status, 200, "{p}");
        assert_eq!(page.body.matches("<h1").count(), 1, "one h1 on {p}");
        // Every entry is translated whole: in each language, its page is its own, not the
        // English fallback.
        for lang in ["ru", "ko", "zh"] {
            let path = format!("/{lang}{p}");
            let page = app.get(&path).await;
            assert_eq!(page.status, 200, "{path}");
            assert!(
                !page.body.contains("class=\"notice\""),
                "{path} is not translated"
            );
            assert!(!page.body.contains("noindex"), "{path} is indexed");
        }
    }
    let status = memorial_atlas::content::translation::status(&content);
    for lang in status {
        assert!(
            lang.missing.is_empty(),
            "{}: missing {:?}",
            lang.lang,
            lang.missing
        );
    }
    for required in ["about", "editorial-policy"] {
        assert!(
            content.pages.iter().any(|p| p.slug == required),
            "a {required} page exists"
        );
    }
    for code in ["kp", "ru", "cn"] {
        assert!(
            content.countries.iter().any(|c| c.code == code),
            "country {code} exists"
        );
    }
}

#[actix_web::test]
async fn disagreeing_figures_are_shown_with_both_sources() {
    let tree = Tree::copy_of(Path::new(env!("CARGO_MANIFEST_DIR")));
    tree.build();
    let app = app_for(tree, false).await;
    let page = app.get("/sites/pyongyang-soviet-cemetery/").await;
    page.assert_has(&[
        "1,373",
        "1,375",
        "TASS",
        "Soviet Military Memorials in the DPRK",
    ]);
    let kp = app.get("/countries/kp/").await;
    kp.assert_has(&["1,373", "1,375"]);
    // A source's hedge is kept.
    let sailors = app.get("/sites/chongjin-old-town-sailors-monument/").await;
    sailors.assert_has(&["likely destroyed"]);
}
