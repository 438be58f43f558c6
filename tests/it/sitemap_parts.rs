//! The sitemap past its limit reads one part's worth of entries at a time; its index and parts
//! must be those of the whole list cut into pieces. The limit is lowered to a few addresses so
//! that the fixture content has several parts.

use memorial_atlas::db::Database;
use memorial_atlas::web::handlers::sitemap::{document, part_document, part_paths, parts_latest};
use memorial_atlas::web::views::sitemap_paths;

use crate::support::Tree;

#[test]
fn parts_read_one_at_a_time_match_the_whole_list_cut_in_pieces() {
    let tree = Tree::fixture();
    tree.build();
    let db = Database::open(&tree.db(), false).expect("database");
    let whole = sitemap_paths(db.sitemap_entries().expect("entries"));
    assert_eq!(db.sitemap_count().expect("count") + 6, whole.len());
    for max in [1, 3, 5, 7, whole.len() - 1] {
        let index = document("https://a.test", &whole, max).expect("renders");
        let latest = parts_latest(&db, max).expect("latest");
        assert_eq!(latest.len(), whole.len().div_ceil(max), "parts of {max}");
        for (i, day) in latest.iter().enumerate() {
            let loc = format!("<loc>https://a.test/sitemaps/{}.xml</loc>", i + 1);
            let wanted = match day {
                Some(d) => format!("{loc}<lastmod>{d}</lastmod>"),
                None => loc,
            };
            assert!(index.contains(&wanted), "{wanted} in\n{index}");
        }
        for n in 0..=latest.len() + 1 {
            let expected = part_document("https://a.test", &whole, max, n).is_some();
            let part = part_paths(&db, max, n).expect("part");
            assert_eq!(part.is_some(), expected, "part {n} of {max}");
            if let Some(part) = part {
                let cut: Vec<_> = whole.chunks(max).nth(n - 1).expect("chunk").to_vec();
                assert_eq!(part, cut, "part {n} of {max}");
            }
        }
    }
    assert_eq!(part_paths(&db, 3, usize::MAX).expect("no overflow"), None);
    assert_eq!(part_paths(&db, whole.len(), 1).expect("one part"), None);
}
