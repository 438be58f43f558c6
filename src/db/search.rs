//! Full-text search in every script. Text is indexed with SQLite FTS5's `unicode61` tokenizer,
//! which splits Latin and Cyrillic into words; runs of Korean, Chinese and Japanese characters,
//! which have no spaces between words, are indexed as overlapping two-character pieces
//! (bigrams), so that a two-character name is found inside a longer one. A visitor's query is
//! turned into quoted phrases of the same pieces: nothing they type is FTS5 syntax.

use std::borrow::Cow;
use std::collections::HashSet;

use std::sync::mpsc::SyncSender;

use rusqlite::{Transaction, params};

use super::DbError;
use super::read::{Database, in_order, json_ids};
use super::search_writer::IndexRow;

/// The most matches a search counts and ranks; past this, the visitor is asked for more words.
pub const MAX_MATCHES: i64 = 1000;

/// The longest query the site accepts, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

/// Hangul, CJK ideographs, kana: scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xD7B0..=0xD7FF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Text as the index holds it: CJK runs become space-separated overlapping bigrams.
pub fn index_text(text: &str) -> Cow<'_, str> {
    // Most text has no CJK at all: it is indexed as it is, without a copy.
    if !text.chars().any(is_cjk) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        match run.len() {
            0 => {}
            1 => {
                out.push(' ');
                out.push(run[0]);
                out.push(' ');
            }
            _ => {
                for pair in run.windows(2) {
                    out.push(' ');
                    out.push(pair[0]);
                    out.push(pair[1]);
                }
                out.push(' ');
            }
        }
        run.clear();
    };
    for c in text.chars() {
        if is_cjk(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    Cow::Owned(out)
}

/// The words of a query: letters and digits of any script; everything else separates words.
pub fn query_terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

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

/// One document to index.
#[derive(Default)]
pub struct SearchDoc<'a> {
    pub kind: &'a str,
    pub key: &'a str,
    pub url: String,
    pub title: &'a str,
    pub names: String,
    pub place: String,
    pub honours: &'a str,
    pub body: &'a str,
    pub draft: bool,
    pub site_kind: Option<&'a str>,
    pub site_status: Option<&'a str>,
    pub country_name: Option<&'a str>,
}

/// Writes documents into the stored table, and sends their text to the index's own thread
/// (`search_writer`), during a build.
pub struct Indexer<'t> {
    doc: rusqlite::Statement<'t>,
    index: SyncSender<IndexRow>,
    next_id: i64,
}

impl<'t> Indexer<'t> {
    pub fn new(tx: &'t Transaction, index: SyncSender<IndexRow>) -> rusqlite::Result<Self> {
        Ok(Indexer {
            doc: tx.prepare(
                "INSERT INTO search_docs (id, kind, key, url, title, names, place, honours, body, draft, site_kind, site_status, country_name)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?,
            index,
            next_id: 0,
        })
    }

    pub fn add(&mut self, d: &SearchDoc) -> Result<(), DbError> {
        self.next_id += 1;
        let id = self.next_id;
        self.doc.execute(params![
            id,
            d.kind,
            d.key,
            d.url,
            d.title,
            d.names,
            d.place,
            d.honours,
            d.body,
            d.draft,
            d.site_kind,
            d.site_status,
            d.country_name
        ])?;
        self.index
            .send(IndexRow {
                id,
                title: d.title.to_string(),
                names: d.names.clone(),
                place: d.place.clone(),
                honours: d.honours.to_string(),
                body: d.body.to_string(),
            })
            .map_err(|_| DbError::IndexStopped)
    }
}

/// One search result, with the stored text it matched on.
#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: String,
    pub key: String,
    pub url: String,
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

impl Database {
    /// Runs a visitor's query: entries with every word, ranked with titles and names above
    /// places, whom a site honours, and body text; failing that, entries with any word.
    ///
    /// Whole words are looked up first: that is fast even for a word in every entry, since the
    /// lookup stops at MAX_MATCHES. Only when whole words find fewer than that are words also
    /// matched as prefixes, which merges the lists of every word they begin (slow for a common
    /// word, fast for a rare one).
    pub fn search(&self, query: &str, limit: u32, offset: u32) -> Result<Results, DbError> {
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
                ranked = self.ranked(&expr)?;
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
            let rows = self
                .conn()
                .prepare_cached(
                    "SELECT kind, key, url, title, names, place, honours, body, draft,
                            site_kind, site_status, country_name, id
                     FROM search_docs WHERE id IN (SELECT value FROM json_each(?1))",
                )?
                .query_map([json_ids(&page)], |r| {
                    Ok((
                        r.get(12)?,
                        Hit {
                            kind: r.get(0)?,
                            key: r.get(1)?,
                            url: r.get(2)?,
                            title: r.get(3)?,
                            names: r.get(4)?,
                            place: r.get(5)?,
                            honours: r.get(6)?,
                            body: r.get(7)?,
                            draft: r.get(8)?,
                            site_kind: r.get(9)?,
                            site_status: r.get(10)?,
                            country_name: r.get(11)?,
                        },
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
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
            .conn()
            .prepare_cached("SELECT rowid FROM search WHERE search MATCH ?1 LIMIT ?2")?
            .query_map(params![expr, MAX_MATCHES], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let by_score = |sql: &str| -> Result<Vec<i64>, DbError> {
            let mut scored: Vec<(i64, f64)> = self
                .conn()
                .prepare_cached(sql)?
                .query_map(params![expr, MAX_MATCHES], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
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

/// HTML-escapes text and wraps every occurrence of a term in `<mark>`. The only markup in the
/// result is ours: whatever the text or the query holds is escaped.
pub fn highlight(text: &str, terms: &[String]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let mut marked = vec![false; chars.len()];
    for term in terms {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > lower.len() {
            continue;
        }
        // Latin and Cyrillic words match from their start, as the index does; CJK anywhere.
        let anywhere = t.iter().all(|c| is_cjk(*c));
        for start in 0..=lower.len() - t.len() {
            let at_word_start =
                start == 0 || !lower[start - 1].is_alphanumeric() || is_cjk(lower[start - 1]);
            if (anywhere || at_word_start) && lower[start..start + t.len()] == t[..] {
                marked[start..start + t.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut open = false;
    for (c, m) in chars.iter().zip(&marked) {
        if *m && !open {
            out.push_str("<mark>");
            open = true;
        } else if !*m && open {
            out.push_str("</mark>");
            open = false;
        }
        crate::text::push_escaped(*c, &mut out);
    }
    if open {
        out.push_str("</mark>");
    }
    out
}

/// A short extract of `text` around the first term it holds, highlighted; the start of the text
/// when it holds none.
pub fn snippet(text: &str, terms: &[String], width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lower: String = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let first = terms
        .iter()
        .filter_map(|t| {
            lower
                .find(t.as_str())
                .map(|byte| lower[..byte].chars().count())
        })
        .min()
        .unwrap_or(0);
    let start = first.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    // Start and end at word boundaries where there are any.
    let mut s = start;
    if s > 0 {
        while s < first && !chars[s - 1].is_whitespace() {
            s += 1;
        }
    }
    let mut e = end;
    if e < chars.len() {
        while e > first && !chars[e].is_whitespace() {
            e -= 1;
        }
        if e <= first {
            e = end;
        }
    }
    let piece: String = chars[s..e].iter().collect();
    let mut out = String::new();
    if s > 0 {
        out.push('…');
    }
    out.push_str(&highlight(piece.trim(), terms));
    if e < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_runs_become_bigrams() {
        assert_eq!(
            index_text("해방탑 monument")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["해방", "방탑", "monument"]
        );
        assert_eq!(
            index_text("纪念碑").split_whitespace().collect::<Vec<_>>(),
            ["纪念", "念碑"]
        );
        assert_eq!(index_text("碑").trim(), "碑");
    }

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
        super::super::search_writer::build_with_index(&path, |index| {
            let mut conn = rusqlite::Connection::open(&path)?;
            conn.execute_batch(include_str!("schema.sql"))?;
            conn.execute_batch(include_str!("search_schema.sql"))?;
            let tx = conn.transaction()?;
            tx.execute_batch(&format!(
                "INSERT INTO meta VALUES ('schema_version', '{}'), ('built_at', 'now')",
                super::super::SCHEMA_VERSION
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
                indexer.add(&SearchDoc {
                    kind: "site",
                    key: &key,
                    url: format!("/sites/{key}/"),
                    title: &title,
                    body: "A memorial to the fallen.",
                    ..SearchDoc::default()
                })?;
            }
            drop(indexer);
            tx.commit()?;
            Ok(())
        })
        .expect("build");
        let db = Database::open(&path, false).expect("open");
        let results = db.search("memorial", 20, 0).expect("search");
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

    #[test]
    fn highlighting_escapes_everything_but_its_own_marks() {
        assert_eq!(
            highlight("<b>Pyongyang</b> & co", &["pyong".into()]),
            "&lt;b&gt;<mark>Pyong</mark>yang&lt;/b&gt; &amp; co"
        );
        assert_eq!(
            highlight("Обелиск", &["обел".into()]),
            "<mark>Обел</mark>иск"
        );
        assert_eq!(
            highlight("a banana", &["a".into()]),
            "<mark>a</mark> banana"
        );
        assert_eq!(
            highlight("조국해방의 날", &["해방".into()]),
            "조국<mark>해방</mark>의 날"
        );
    }
}
