//! The interface in four languages: the message catalogues ([`catalogue`]), dates and numbers
//! ([`format`]) and alphabetical order ([`collate`]), all from CLDR by maintained libraries
//! (Fluent and ICU4X). Pages reach them through an [`I18n`] for the page's language.

pub mod catalogue;
pub mod collate;
pub mod format;

use std::borrow::Borrow;

use fluent_bundle::{FluentArgs, FluentValue};

use crate::lang::Lang;

/// The interface of one language, as templates and handlers call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    pub fn new(lang: Lang) -> I18n {
        I18n { lang }
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        catalogue::message(self.lang, id, None)
    }

    /// A message with named text arguments.
    pub fn with(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            fa.set(*name, FluentValue::from(*value));
        }
        catalogue::message(self.lang, id, Some(&fa))
    }

    /// A message about a count: `$count` chooses the plural form by CLDR's rules and `$n` is the
    /// number as the language writes it ("1 373"). Further text arguments may follow.
    pub fn count_with(&self, id: &str, count: impl Count, args: &[(&str, &str)]) -> String {
        let count = count.value();
        let mut fa = FluentArgs::new();
        fa.set("count", FluentValue::from(count));
        fa.set("n", FluentValue::from(format::number(self.lang, count)));
        for (name, value) in args {
            fa.set(*name, FluentValue::from(*value));
        }
        catalogue::message(self.lang, id, Some(&fa))
    }

    /// "3 sites" · "3 памятника".
    pub fn count(&self, id: &str, count: impl Count) -> String {
        self.count_with(id, count.value(), &[])
    }

    /// A whole number as the language writes it.
    pub fn number(&self, n: impl Count) -> String {
        format::number(self.lang, n.value())
    }

    /// A date known to the year, the month or the day, in the language's words.
    pub fn date(
        &self,
        year: impl Borrow<i32>,
        month: impl Borrow<Option<u32>>,
        day: impl Borrow<Option<u32>>,
    ) -> String {
        let year = *year.borrow();
        match (*month.borrow(), *day.borrow()) {
            (Some(m), Some(d)) => format::day(self.lang, year, m, d),
            (Some(m), None) => format::month_of_year(self.lang, year, m),
            _ => format::year(self.lang, year),
        }
    }

    /// A day of every year: "9 May".
    pub fn day_of_year(&self, month: impl Borrow<u32>, day: impl Borrow<u32>) -> String {
        format::day_of_year(self.lang, *month.borrow(), *day.borrow())
    }

    /// A month's name as a heading: "May".
    pub fn month(&self, month: u32) -> String {
        format::month(self.lang, month)
    }

    /// The `lang` attribute value of this language.
    pub fn tag(&self) -> &'static str {
        self.lang.tag()
    }

    /// The address of an English path in this language.
    pub fn path(&self, english_path: impl AsRef<str>) -> String {
        self.lang.path(english_path.as_ref())
    }

    /// ` lang="…"` for text in `lang` inside this language's page; empty for text in the
    /// page's own language.
    pub fn attr(&self, lang: &Lang) -> &'static str {
        if *lang == self.lang {
            return "";
        }
        match lang {
            Lang::En => " lang=\"en\"",
            Lang::Ru => " lang=\"ru\"",
            Lang::Ko => " lang=\"ko\"",
            Lang::Zh => " lang=\"zh-Hans\"",
        }
    }

    /// ` lang="en"` on a page in another language: for words shown as the content writes them
    /// (source titles, untranslated text).
    pub fn english_attr(&self) -> &'static str {
        self.attr(&Lang::En)
    }

    /// A conflict's name in this language: through the catalogue (`conflict-` and the name's
    /// letters and digits, lower case, joined by hyphens), else as the content writes it, in
    /// English.
    pub fn conflict(&self, name: &str) -> (String, Lang) {
        let id = format!("conflict-{}", message_key(name));
        match catalogue::lookup(self.lang, &id) {
            Some(text) => (text, self.lang),
            None => (name.to_string(), Lang::En),
        }
    }

    /// A conflict's name, for templates.
    pub fn conflict_name(&self, name: &str) -> String {
        self.conflict(name).0
    }

    /// The ` lang` attribute a conflict's name needs.
    pub fn conflict_attr(&self, name: &str) -> &'static str {
        self.attr(&self.conflict(name).1)
    }

    /// A value from the content's fixed vocabularies (kinds, statuses, what an event was):
    /// `kind-cemetery`, `status-extant`.
    pub fn term(&self, group: &str, value: &str) -> String {
        catalogue::message(self.lang, &format!("{group}-{value}"), None)
    }
}

/// A name as part of a message id: letters and digits in lower case, the rest one hyphen.
pub fn message_key(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A count as templates hold it: a number, or a reference to one however deep.
pub trait Count {
    fn value(&self) -> i64;
}

impl Count for i64 {
    fn value(&self) -> i64 {
        *self
    }
}

impl Count for usize {
    fn value(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl Count for i32 {
    fn value(&self) -> i64 {
        i64::from(*self)
    }
}

impl Count for u32 {
    fn value(&self) -> i64 {
        i64::from(*self)
    }
}

impl<T: Count + ?Sized> Count for &T {
    fn value(&self) -> i64 {
        (**self).value()
    }
}
