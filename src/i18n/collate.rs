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
        let mut ko = vec!["평양", "가나", "청진"];
        ko.sort_by(|a, b| compare(Lang::Ko, a, b));
        assert_eq!(ko, ["가나", "청진", "평양"]);
    }
}
