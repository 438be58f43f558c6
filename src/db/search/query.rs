//! Querying: a visitor's words are turned into quoted phrases of the pieces the index holds
//! (see `terms`), so nothing they type is FTS5 syntax, and the matches are ranked.

use std::collections::{HashMap, HashSet};

use rusqlite::params;

use super::index::entry_of;
use super::matches::{Excerpt, excerpt, find_matches};
use super::terms::{index_text, is_cjk, query_terms};
use crate::db::columns::{col, from_row};
use crate::db::entry_kind::EntryKind;
use crate::db::error::{DbError, Reading};
use crate::db::read::{Database, in_order, json_ids};
use crate::lang::Lang;

/// The most matches a search counts and ranks; past this, the visitor is asked for more words.
pub const MAX_MATCHES: i64 = 1000;

/// The longest query the site accepts, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

/// The words a query searches for: one-letter Latin or Cyrillic words ("a", "b") are left out
/// when there are longer ones, since they are in nearly every entry and would only slow the
/// search. (A lone CJK character is a word and stays.)
fn significant(terms: Vec<String>) -> Vec<String> {
    let long = |t: &String| t.chars().count() > 1 || t.chars().any(is_cjk);
    if terms.iter().any(long) {
        terms.into_iter().filter(long).collect()
    } else {
        terms
    }
}

/// The FTS5 expression for some terms: each a quoted phrase. With `prefixes`, Latin and
/// Cyrillic words of three letters or more match as prefixes (so that "Pyong" and inflected
/// forms find "Pyongyang", "Пхеньяне"), and a lone CJK character matches the bigrams it starts.
fn match_expression(terms: &[String], joiner: &str, prefixes: bool) -> Option<String> {
    let phrases: Vec<String> = terms
        .iter()
        .filter_map(|t| {
            let pieces = index_text(t);
            let pieces = pieces.split_whitespace().collect::<Vec<_>>().join(" ");
            if pieces.is_empty() {
                return None;
            }
            let prefix = prefixes && can_be_prefix(t);
            Some(format!(
                "\"{}\"{}",
                pieces.replace('"', ""),
                if prefix { "*" } else { "" }
            ))
        })
        .collect();
    (!phrases.is_empty()).then(|| phrases.join(joiner))
}

/// Whether a term is matched as a prefix: shorter words would match nearly everything.
fn can_be_prefix(term: &str) -> bool {
    if term.chars().last().is_some_and(is_cjk) {
        term.chars().count() == 1
    } else {
        term.chars().count() >= 3
    }
}

/// One search result, with the stored text it matched on. `kind` (site, country, date or
/// page) and `key` (its slug or code) say which entry it is.
#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: EntryKind,
    pub key: String,
    /// The language of the text that matched: an original's or a translation's.
    pub lang: Lang,
    pub title: String,
    pub names: String,
    pub place: String,
    pub honours: String,
    pub body: String,
    pub draft: bool,
    pub site_kind: Option<String>,
    pub site_status: Option<String>,
    pub country_name: Option<String>,
}

impl Hit {
    /// Where the words of a query stand in the title.
    pub fn title_matches(&self, terms: &[String]) -> Vec<std::ops::Range<usize>> {
        find_matches(&self.title, terms)
    }

    /// About `width` characters of whichever field matched, body text first.
    pub fn excerpt(&self, terms: &[String], width: usize) -> Excerpt {
        let source = [&self.body, &self.honours, &self.names, &self.place]
            .into_iter()
            .find(|t| {
                terms
                    .iter()
                    .any(|term| t.to_lowercase().contains(term.as_str()))
            })
            .unwrap_or(&self.body);
        excerpt(source, terms, width)
    }
}

/// A page of results and how many there are in all.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub total: i64,
    /// True when no entry had every word, and these results have any of them.
    pub partial: bool,
    /// True when the words matched so many entries that only the first MAX_MATCHES were ranked.
    pub capped: bool,
}

const HIT_COLUMNS: &str = "kind, key, title, names, place, honours, body, draft,
    site_kind, site_status, country_name, id, lang";

fn hit(r: &rusqlite::Row) -> rusqlite::Result<Hit> {
    let lang: String = r.get(col!(HIT_COLUMNS, "lang"))?;
    Ok(from_row! { r, HIT_COLUMNS, "", Hit {
        kind, key, title, names, place, honours, body, draft, site_kind, site_status,
        country_name,
    } {
        lang: Lang::from_code(&lang).unwrap_or_default(),
    } })
}

impl Database {
    /// Runs a visitor's query: entries with every word, ranked with titles and names above
    /// places, whom a site honours, and body text; failing that, entries with any word.
    ///
    /// Whole words are looked up first: that is fast even for a word in every entry, since the
    /// lookup stops at MAX_MATCHES. Only when whole words find fewer than that are words also
    /// matched as prefixes, which merges the lists of every word they begin (slow for a common
    /// word, fast for a rare one).
    pub fn search(
        &self,
        query: &str,
        lang: Lang,
        limit: u32,
        offset: u32,
    ) -> Result<Results, DbError> {
        let terms = significant(query_terms(query));
        let any_prefix = terms.iter().any(|t| can_be_prefix(t));
        for (joiner, partial) in [(" ", false), (" OR ", true)] {
            let mut ranked = Vec::new();
            for prefixes in [false, true] {
                if prefixes && !any_prefix {
                    break;
                }
                let Some(expr) = match_expression(&terms, joiner, prefixes) else {
                    return Ok(Results::default());
                };
                ranked = self.one_per_entry(self.ranked(&expr)?, lang)?;
                if ranked.len() >= MAX_MATCHES as usize {
                    break;
                }
            }
            if ranked.is_empty() {
                if terms.len() > 1 && !partial {
                    continue;
                }
                return Ok(Results::default());
            }
            let total = ranked.len() as i64;
            let page: Vec<i64> = ranked
                .iter()
                .skip(offset as usize)
                .take(limit as usize)
                .copied()
                .collect();
            let sql = format!(
                "SELECT {HIT_COLUMNS} FROM search_docs WHERE id IN (SELECT value FROM json_each(?1))"
            );
            let rows = self
                .rows(&sql, [json_ids(&page)], |r| {
                    Ok((r.get(col!(HIT_COLUMNS, "id"))?, hit(r)?))
                })
                .reading("a page of search results")?;
            let hits = in_order(&page, rows);
            return Ok(Results {
                hits,
                total,
                partial,
                capped: total >= MAX_MATCHES,
            });
        }
        Ok(Results::default())
    }

    /// Documents ranked best first, one per entry: an entry's text in every language is a
    /// document of its own, and the entry takes the place of its best one, with the text in
    /// `lang` where that matched too (so results read in the visitor's language).
    fn one_per_entry(&self, ranked: Vec<i64>, lang: Lang) -> Result<Vec<i64>, DbError> {
        let mut place: HashMap<i64, usize> = HashMap::with_capacity(ranked.len());
        let mut out: Vec<i64> = Vec::with_capacity(ranked.len());
        for id in ranked {
            let (entry, doc_lang) = entry_of(id);
            match place.get(&entry) {
                None => {
                    place.insert(entry, out.len());
                    out.push(id);
                }
                Some(&i) if doc_lang == lang as i64 => out[i] = id,
                Some(_) => {}
            }
        }
        Ok(out)
    }

    /// The first MAX_MATCHES entries matching an expression, drafts left out unless shown,
    /// best first.
    ///
    /// Fewer matches than that are ordered by BM25, title and names weighted above places,
    /// honoured people and body. More, and BM25 would cost milliseconds a word in reading the
    /// whole list of entries that hold it (to weigh how rare it is, which it is not): then the
    /// entries whose title or names hold the words come first, ranked by BM25 over the small
    /// titles index, and the rest follow in the order they were built.
    fn ranked(&self, expr: &str) -> Result<Vec<i64>, DbError> {
        let drafts = self.draft_docs()?;
        let shown = |id: &i64| self.drafts() || !drafts.contains(id);
        let ids: Vec<i64> = self
            .rows(
                "SELECT rowid FROM search WHERE search MATCH ?1 LIMIT ?2",
                params![expr, MAX_MATCHES],
                |r| r.get(0),
            )
            .reading("the entries matching a search")?;
        let by_score = |sql: &str| -> Result<Vec<i64>, DbError> {
            let mut scored: Vec<(i64, f64)> = self
                .rows(sql, params![expr, MAX_MATCHES], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .reading("the ranks of the entries matching a search")?;
            scored.retain(|(id, _)| shown(id));
            scored.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            Ok(scored.into_iter().map(|(id, _)| id).collect())
        };
        if (ids.len() as i64) < MAX_MATCHES {
            return by_score(
                "SELECT rowid, bm25(search, 10.0, 10.0, 4.0, 3.0, 1.0)
                 FROM search WHERE search MATCH ?1 LIMIT ?2",
            );
        }
        let mut ranked = by_score(
            "SELECT rowid, bm25(search_titles) FROM search_titles WHERE search_titles MATCH ?1 LIMIT ?2",
        )?;
        let titled: HashSet<i64> = ranked.iter().copied().collect();
        let room = (MAX_MATCHES as usize).saturating_sub(ranked.len());
        ranked.extend(
            ids.into_iter()
                .filter(|id| shown(id) && !titled.contains(id))
                .take(room),
        );
        Ok(ranked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::error::WriteFailure;
    use crate::db::search::index::{Indexer, SearchDoc, build_with_index};

    #[test]
    fn queries_are_only_ever_quoted_phrases() {
        let t = query_terms("\"NEAR( a* -b :c OR d) 해방탑");
        assert_eq!(
            match_expression(&t, " ", true).as_deref(),
            Some("\"near\"* \"a\" \"b\" \"c\" \"or\" \"d\" \"해방 방탑\"")
        );
        assert_eq!(
            match_expression(&t, " ", false).as_deref(),
            Some("\"near\" \"a\" \"b\" \"c\" \"or\" \"d\" \"해방 방탑\"")
        );
        assert_eq!(
            match_expression(&query_terms("\"\"\" ***"), " ", true),
            None
        );
    }

    #[test]
    fn a_word_in_more_entries_than_are_ranked_still_puts_title_matches_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("db");
        build_with_index(&path, |index| {
            let write = || -> Result<(), WriteFailure> {
                let mut conn = rusqlite::Connection::open(&path)?;
                conn.execute_batch(include_str!("../schema.sql"))?;
                conn.execute_batch(include_str!("../search_schema.sql"))?;
                let tx = conn.transaction()?;
                tx.execute_batch(&format!(
                    "INSERT INTO meta VALUES ('schema_version', '{}'), ('built_at', 'now')",
                    crate::db::SCHEMA_VERSION
                ))?;
                let mut indexer = Indexer::new(&tx, index)?;
                let n = MAX_MATCHES as usize + 20;
                for i in 0..n {
                    // Only the last entry has the word in its title, past the first MAX_MATCHES.
                    let title = if i == n - 1 {
                        "Memorial Hall".to_string()
                    } else {
                        format!("Site {i}")
                    };
                    let key = format!("s{i}");
                    indexer.add(&SearchDoc::new(
                        EntryKind::Site,
                        &key,
                        &title,
                        "A memorial to the fallen.",
                    ))?;
                }
                drop(indexer);
                tx.commit()?;
                Ok(())
            };
            write().map_err(|e| e.in_file(&path))
        })
        .expect("build");
        let db = Database::open(&path, false).expect("open");
        let results = db.search("memorial", Lang::En, 20, 0).expect("search");
        assert!(results.capped);
        assert_eq!(results.total, MAX_MATCHES);
        assert_eq!(results.hits[0].title, "Memorial Hall");
    }

    #[test]
    fn one_letter_words_are_dropped_beside_longer_ones() {
        assert_eq!(significant(query_terms("NEAR(a b")), ["near"]);
        assert_eq!(significant(query_terms("a:b-c")), ["a", "b", "c"]);
        assert_eq!(significant(query_terms("碑 a")), ["碑"]);
    }
}
