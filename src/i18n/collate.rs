//! Alphabetical order as each language has it, from CLDR's collation data (ICU4X): the Russian
//! alphabet, Hangul, Chinese by pinyin. Byte order would put "Ё" after "я" and sort Chinese by
//! code point.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

use crate::lang::Lang;

static COLLATORS: LazyLock<[CollatorBorrowed<'static>; 4]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        let loc = super::format::locale(lang);
        // Compiled data has a collation for every locale (the root one at worst).
        Collator::try_new((&loc).into(), CollatorOptions::default())
            .expect("ICU4X compiled data has a collator")
    })
});

/// How two names compare in `lang`'s alphabetical order.
pub fn compare(lang: Lang, a: &str, b: &str) -> Ordering {
    COLLATORS[lang as usize].compare(a, b)
}

/// A name's sort key in `lang`: keys compare as bytes in the order [`compare`] gives, so a long
/// list is sorted once by key rather than by a collation per comparison.
pub fn sort_key(lang: Lang, s: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(s.len() * 2);
    let Ok(()) = COLLATORS[lang as usize].write_sort_key_to(s, &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_sorts_in_its_own_order() {
        // In code points "Ё" comes before "А"; in the alphabet it follows "Е".
        let mut ru = vec!["Яблоново", "Жуково", "Ёлкино", "Абакан"];
        ru.sort_by(|a, b| compare(Lang::Ru, a, b));
        assert_eq!(ru, ["Абакан", "Ёлкино", "Жуково", "Яблоново"]);
        // Pinyin: 北京 (běi) before 平壤 (píng) before 清津 (qīng), not code point order.
        let mut zh = vec!["清津", "平壤", "北京"];
        zh.sort_by(|a, b| compare(Lang::Zh, a, b));
        assert_eq!(zh, ["北京", "平壤", "清津"]);
        let mut keyed = vec!["清津", "平壤", "北京"];
        keyed.sort_by_key(|s| sort_key(Lang::Zh, s));
        assert_eq!(keyed, zh);
        let mut ko = vec!["평양", "가나", "청진"];
        ko.sort_by(|a, b| compare(Lang::Ko, a, b));
        assert_eq!(ko, ["가나", "청진", "평양"]);
    }
}
