//! Live preview's site index: the sites a save changed are moved to their new places in the
//! index kept from the save before, rather than every site read and sorted again (a second and
//! more at 100,000 sites in four languages). What a move cannot make, a filter value new to the
//! atlas or gone from it, is left to a whole remake.

use std::collections::BTreeSet;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension};
use rustc_hash::FxHashMap;

use super::sorting::Words;
use super::{
    Entry, Kept, SITE_COLUMNS, SiteIndex, SiteIndexError, SortKeys, english_words, localized_words,
    site_row,
};
use crate::lang::Lang;

/// More changed sites than this in one save (a checkout) are sorted whole, which is then as
/// quick.
const MOST_MOVED: usize = 2_000;

/// A site's position, with its conflicts and dates numbered as the index numbers them.
type Placed = (u32, Vec<u16>, Vec<u16>);

/// A named site as the tables now hold it.
enum Now {
    Gone,
    /// It has a kind, status or conflict that no other site has, or its country is unknown.
    Unnumbered,
    Here {
        entry: Entry,
        conflicts: Vec<u16>,
        dates: Vec<u16>,
        established: Option<Box<str>>,
        words: Vec<Words>,
    },
}

impl SiteIndex {
    /// Stores the index kept in `cache` with the named sites moved to where the tables now put
    /// them (or taken out, where they are gone). `Ok(false)` when no index is kept or the
    /// change is not one a move can make: the caller then makes the index whole.
    pub fn store_moved(
        conn: &Connection,
        cache: &mut SortKeys,
        slugs: &BTreeSet<&str>,
    ) -> Result<bool, SiteIndexError> {
        // Taken out while it moves: a move that fails leaves nothing half moved behind.
        let Some(mut kept) = cache.kept.take() else {
            return Ok(false);
        };
        if slugs.len() > MOST_MOVED || !kept.move_sites(conn, &mut cache.made, slugs)? {
            return Ok(false);
        }
        kept.index.store(conn)?;
        cache.kept = Some(kept);
        Ok(true)
    }
}

impl Kept {
    /// Takes the named sites out of every order, updates their entries, and puts them back
    /// where they now sort; `Ok(false)` when a move cannot make the change.
    fn move_sites(
        &mut self,
        conn: &Connection,
        made: &mut [FxHashMap<String, Arc<[u8]>>; 3],
        slugs: &BTreeSet<&str>,
    ) -> Result<bool, SiteIndexError> {
        let mut out = vec![false; self.index.entries.len()];
        let mut placed: Vec<Placed> = Vec::new();
        for slug in slugs {
            let old = self.positions.get(*slug).copied();
            if let Some(p) = old {
                out[p as usize] = true;
            }
            match self.read(conn, made, slug)? {
                Now::Gone => {}
                Now::Unnumbered => return Ok(false),
                Now::Here {
                    entry,
                    conflicts,
                    dates,
                    established,
                    words,
                } => {
                    let p = self.put(old, slug, entry, established, words);
                    placed.push((p, conflicts, dates));
                }
            }
        }
        for order in self.index.orders.iter_mut().flatten() {
            order.retain(|&p| !out.get(p as usize).copied().unwrap_or(false));
        }
        let mut gone = out;
        for (p, _, _) in &placed {
            if let Some(g) = gone.get_mut(*p as usize) {
                *g = false;
            }
        }
        if gone.contains(&true) {
            self.remove(&gone, &mut placed);
        }
        self.lay_out_tags(&placed);
        for (lang, orders) in self.index.orders.iter_mut().enumerate() {
            for (p, _, _) in &placed {
                self.sorting.insert(lang, orders, *p);
            }
        }
        self.index.count_all();
        // A whole remake numbers only the kinds, statuses and conflicts some site has.
        let unused = (1..=3).any(|slot| self.index.counts[1][slot].contains(&0));
        Ok(!unused)
    }

    /// A site's row, tags and translations as the tables now hold them.
    fn read(
        &self,
        conn: &Connection,
        made: &mut [FxHashMap<String, Arc<[u8]>>; 3],
        slug: &str,
    ) -> Result<Now, SiteIndexError> {
        let sql = format!(
            "SELECT {SITE_COLUMNS} FROM sites s JOIN countries c ON c.code = s.country
             WHERE s.slug = ?1"
        );
        let Some(row) = conn
            .prepare_cached(&sql)?
            .query_row([slug], site_row)
            .optional()?
        else {
            return Ok(Now::Gone);
        };
        let lookup = &self.index.lookup;
        let id = |slot: usize, value: &str| lookup[slot].get(value).copied();
        let k = &row.keys;
        let (Some(country), Some(kind), Some(status)) =
            (id(0, &k.country_code), id(1, &row.kind), id(2, &row.status))
        else {
            return Ok(Now::Unnumbered);
        };
        let conflicts: Option<Vec<u16>> = strings(
            conn,
            "SELECT conflict FROM site_conflicts WHERE site = ?1",
            slug,
        )?
        .iter()
        .map(|c| id(3, c))
        .collect();
        let Some(conflicts) = conflicts else {
            return Ok(Now::Unnumbered);
        };
        let sql = "SELECT date_slug FROM site_commemorations WHERE site = ?1";
        let dates = strings(conn, sql, slug)?
            .iter()
            .filter_map(|d| id(4, d))
            .collect();
        let mut translations: FxHashMap<String, (String, Option<String>)> = FxHashMap::default();
        let sql = "SELECT lang, title, locality FROM translations
                   WHERE kind = 'site' AND key = ?1 AND draft = 0";
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([slug])?;
        while let Some(r) = rows.next()? {
            translations.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
        let mut words = vec![english_words(k)];
        for ((lang, countries), made) in Lang::TRANSLATED
            .into_iter()
            .zip(&self.countries)
            .zip(made.iter_mut())
        {
            let translation = translations.get(lang.code());
            words.push(localized_words(lang, k, translation, countries, made));
        }
        Ok(Now::Here {
            entry: Entry {
                rowid: row.rowid,
                draft: row.draft,
                country,
                kind,
                status,
                conflicts: (0, 0),
                dates: (0, 0),
            },
            conflicts,
            dates,
            established: k.established.as_deref().map(Box::from),
            words,
        })
    }

    /// Puts a site's entry and sort keys at its old position, or after the others when it is
    /// new; its position.
    fn put(
        &mut self,
        old: Option<u32>,
        slug: &str,
        entry: Entry,
        established: Option<Box<str>>,
        words: Vec<Words>,
    ) -> u32 {
        let s = &mut self.sorting;
        match old {
            Some(p) => {
                let i = p as usize;
                self.index.entries[i] = entry;
                s.established[i] = established;
                for (w, new) in s.words.iter_mut().zip(words) {
                    w[i] = new;
                }
                p
            }
            None => {
                let p = self.index.entries.len() as u32;
                self.index.entries.push(entry);
                s.slugs.push(Box::from(slug));
                s.established.push(established);
                for (w, new) in s.words.iter_mut().zip(words) {
                    w.push(new);
                }
                self.positions.insert(Box::from(slug), p);
                p
            }
        }
    }

    /// Removes the sites whose position is marked `gone` (none of them in the orders), and
    /// numbers the others, in the orders and in `placed`, as they now stand.
    fn remove(&mut self, gone: &[bool], placed: &mut [Placed]) {
        let is_gone = |i: usize| gone.get(i).copied().unwrap_or(false);
        let mut renumber = Vec::with_capacity(self.index.entries.len());
        let mut next = 0u32;
        for i in 0..self.index.entries.len() {
            renumber.push(next);
            if !is_gone(i) {
                next += 1;
            }
        }
        retain_at(&mut self.index.entries, is_gone);
        retain_at(&mut self.sorting.slugs, is_gone);
        retain_at(&mut self.sorting.established, is_gone);
        for w in &mut self.sorting.words {
            retain_at(w, is_gone);
        }
        let new = |p: &mut u32| *p = renumber[*p as usize];
        self.index
            .orders
            .iter_mut()
            .flatten()
            .flatten()
            .for_each(new);
        placed.iter_mut().for_each(|(p, _, _)| new(p));
        self.number_positions();
    }

    /// Each site's position, by slug, as the entries now stand.
    pub(super) fn number_positions(&mut self) {
        self.positions = self
            .sorting
            .slugs
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i as u32))
            .collect();
    }

    /// Lays the tags out again, one site after another, with the placed sites' new ones.
    fn lay_out_tags(&mut self, placed: &[Placed]) {
        let fresh: FxHashMap<u32, (&[u16], &[u16])> = placed
            .iter()
            .map(|(p, c, d)| (*p, (c.as_slice(), d.as_slice())))
            .collect();
        let old = std::mem::take(&mut self.index.tags);
        let slice = |(a, b): (u32, u32)| old.get(a as usize..b as usize).unwrap_or(&[]);
        let mut tags = Vec::with_capacity(old.len());
        for (i, e) in self.index.entries.iter_mut().enumerate() {
            let (conflicts, dates) = fresh
                .get(&(i as u32))
                .copied()
                .unwrap_or_else(|| (slice(e.conflicts), slice(e.dates)));
            let start = tags.len() as u32;
            tags.extend_from_slice(conflicts);
            e.conflicts = (start, tags.len() as u32);
            let start = tags.len() as u32;
            tags.extend_from_slice(dates);
            e.dates = (start, tags.len() as u32);
        }
        self.index.tags = tags;
    }
}

/// Keeps the items of `v` whose position `gone` does not mark.
fn retain_at<T>(v: &mut Vec<T>, gone: impl Fn(usize) -> bool) {
    let mut i = 0;
    v.retain(|_| {
        i += 1;
        !gone(i - 1)
    });
}

/// The texts a one-column query finds for a site.
fn strings(conn: &Connection, sql: &str, slug: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([slug], |r| r.get(0))?;
    rows.collect()
}
