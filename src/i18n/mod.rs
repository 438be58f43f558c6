//! The interface in four languages: the message catalogues ([`catalogue`]), dates and numbers
//! ([`format`]) and alphabetical order ([`collate`]), all from CLDR by maintained libraries
//! (Fluent and ICU4X). Pages reach them through an [`I18n`] for the page's language.

pub mod catalogue;
pub mod collate;
pub mod format;

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
    pub fn count_with(&self, id: &str, count: i64, args: &[(&str, &str)]) -> String {
        let mut fa = FluentArgs::new();
        fa.set("count", FluentValue::from(count));
        fa.set("n", FluentValue::from(format::number(self.lang, count)));
        for (name, value) in args {
            fa.set(*name, FluentValue::from(*value));
        }
        catalogue::message(self.lang, id, Some(&fa))
    }

    /// "3 sites" · "3 памятника".
    pub fn count(&self, id: &str, count: i64) -> String {
        self.count_with(id, count, &[])
    }

    /// A whole number as the language writes it.
    pub fn number(&self, n: i64) -> String {
        format::number(self.lang, n)
    }

    /// A date known to the year, the month or the day, in the language's words.
    pub fn date(&self, year: i32, month: Option<u32>, day: Option<u32>) -> String {
        match (month, day) {
            (Some(m), Some(d)) => format::day(self.lang, year, m, d),
            (Some(m), None) => format::month_of_year(self.lang, year, m),
            _ => format::year(self.lang, year),
        }
    }

    /// A day of every year: "9 May".
    pub fn day_of_year(&self, month: u32, day: u32) -> String {
        format::day_of_year(self.lang, month, day)
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
    pub fn path(&self, english_path: &str) -> String {
        self.lang.path(english_path)
    }

    /// A value from the content's fixed vocabularies (kinds, statuses, what an event was):
    /// `kind-cemetery`, `status-extant`.
    pub fn term(&self, group: &str, value: &str) -> String {
        catalogue::message(self.lang, &format!("{group}-{value}"), None)
    }
}
