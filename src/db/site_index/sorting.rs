//! The site list's three sort orders in each language: sorted whole when the index is made, and
//! kept in order site by site when live preview moves the sites a save changed. Both compare
//! sites with the same functions, so an order kept up to date is the order a whole sort makes.

use std::cmp::Ordering;
use std::sync::Arc;

use rustc_hash::FxHashMap;

/// What a site sorts by in one language, as bytes that order as the language orders the
/// texts: its title, its country's name and its locality. In English the title is folded as
/// SQLite's NOCASE folds it; in the other languages each text is its collation sort key.
pub(super) type Words = [Arc<[u8]>; 3];

/// Positions into the entries: by name, by country and place, by date established.
pub(super) type Orders = [Vec<u32>; 3];

/// Every site's sort keys, by its position in the index's entries.
#[derive(Default)]
pub(super) struct Sorting {
    pub slugs: Vec<Box<str>>,
    pub established: Vec<Option<Box<str>>>,
    /// Per language, in the order of [`crate::lang::Lang::ALL`], per site.
    pub words: Vec<Vec<Words>>,
}

impl Sorting {
    fn by_title(&self, lang: usize, a: u32, b: u32) -> Ordering {
        let (a, b) = (a as usize, b as usize);
        let w = &self.words[lang];
        w[a][0]
            .cmp(&w[b][0])
            .then_with(|| self.slugs[a].cmp(&self.slugs[b]))
    }

    /// How sites `a` and `b` compare in language `lang`'s order number `slot`.
    fn cmp(&self, lang: usize, slot: usize, a: u32, b: u32) -> Ordering {
        let (i, j) = (a as usize, b as usize);
        match slot {
            0 => self.by_title(lang, a, b),
            1 => {
                let w = &self.words[lang];
                (&w[i][1], &w[i][2])
                    .cmp(&(&w[j][1], &w[j][2]))
                    .then_with(|| self.by_title(lang, a, b))
            }
            // Sites with no date last.
            _ => {
                let (ea, eb) = (&self.established[i], &self.established[j]);
                ea.is_none()
                    .cmp(&eb.is_none())
                    .then_with(|| ea.cmp(eb))
                    .then_with(|| self.by_title(lang, a, b))
            }
        }
    }

    /// Language `lang`'s three orders, sorted whole.
    pub fn orders(&self, lang: usize) -> Orders {
        let w = &self.words[lang];
        let n = w.len();
        let country = ranks(w.iter().map(|x| &*x[1]));
        let heads: [&dyn Fn(usize) -> u64; 3] = [
            &|i| head(&w[i][0]),
            &|i| country[&*w[i][1]] << 48 | head(&w[i][2]) >> 16,
            &|i| match &self.established[i] {
                None => u64::MAX,
                Some(d) => head(d.as_bytes()) >> 1,
            },
        ];
        [0, 1, 2].map(|slot| sorted(n, heads[slot], |a, b| self.cmp(lang, slot, a, b)))
    }

    /// Puts site `i`, which none of them holds, into language `lang`'s orders, each kept in
    /// order.
    pub fn insert(&self, lang: usize, orders: &mut Orders, i: u32) {
        for (slot, order) in orders.iter_mut().enumerate() {
            let at = order.partition_point(|&p| self.cmp(lang, slot, p, i) == Ordering::Less);
            order.insert(at, i);
        }
    }
}

/// Every position from 0 to `n`, sorted by `cmp`, looking first at `head`: a number that
/// orders positions as `cmp` does as far as it goes, held beside each position, so that most
/// comparisons are settled without reading the keys (100,000 keys spread over the heap).
fn sorted(n: usize, head: impl Fn(usize) -> u64, cmp: impl Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut v: Vec<(u64, u32)> = (0..n).map(|i| (head(i), i as u32)).collect();
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| cmp(a.1, b.1)));
    v.into_iter().map(|(_, i)| i).collect()
}

/// The first eight bytes of a key as a number that orders as the bytes do (a shorter key is
/// padded with zeros, the least byte, as it is the lesser when the rest is equal).
fn head(bytes: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = bytes.len().min(8);
    b[..n].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(b)
}

/// Each distinct key's place in the order of all of them.
fn ranks<'a>(keys: impl Iterator<Item = &'a [u8]>) -> FxHashMap<&'a [u8], u64> {
    let mut distinct: Vec<&[u8]> = keys.collect();
    distinct.sort_unstable();
    distinct.dedup();
    distinct
        .into_iter()
        .enumerate()
        .map(|(i, k)| (k, i as u64))
        .collect()
}
