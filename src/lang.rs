//! The languages the atlas speaks: English, the original, and the three it is translated into.
//! English pages keep their addresses; every other language lives under its own prefix.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Ko,
    Zh,
}

impl Lang {
    /// Every language, English first: the order of the switcher and of the open data's columns.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ru, Lang::Ko, Lang::Zh];
    /// The languages an entry can be translated into.
    pub const TRANSLATED: [Lang; 3] = [Lang::Ru, Lang::Ko, Lang::Zh];

    /// The code in file names, addresses and the database: `en`, `ru`, `ko`, `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Ko => "ko",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `lang` and `hreflang` attributes: Chinese is written in simplified
    /// characters, which `zh-Hans` says.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            other => other.code(),
        }
    }

    /// The Open Graph locale (`og:locale`).
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::En => "en_GB",
            Lang::Ru => "ru_RU",
            Lang::Ko => "ko_KR",
            Lang::Zh => "zh_CN",
        }
    }

    /// The language's name in itself, as the language switcher shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Ko => "한국어",
            Lang::Zh => "中文",
        }
    }

    /// The language with code `code`, if the atlas speaks it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The start of every address in this language: empty for English, `/ru` for Russian.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Ru => "/ru",
            Lang::Ko => "/ko",
            Lang::Zh => "/zh",
        }
    }

    /// The address of an English path (starting with `/`) in this language.
    pub fn path(self, english_path: &str) -> String {
        format!("{}{english_path}", self.prefix())
    }

    /// The language an address is in, and the address as English has it.
    pub fn of_path(path: &str) -> (Lang, &str) {
        for lang in Lang::TRANSLATED {
            if let Some(rest) = path.strip_prefix(lang.prefix())
                && (rest.is_empty() || rest.starts_with('/'))
            {
                return (lang, if rest.is_empty() { "/" } else { rest });
            }
        }
        (Lang::En, path)
    }

    pub fn is_english(self) -> bool {
        self == Lang::En
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_language_and_english_path() {
        assert_eq!(Lang::of_path("/ru/sites/"), (Lang::Ru, "/sites/"));
        assert_eq!(Lang::of_path("/ru"), (Lang::Ru, "/"));
        assert_eq!(Lang::of_path("/ruins/"), (Lang::En, "/ruins/"));
        assert_eq!(Lang::of_path("/sites/"), (Lang::En, "/sites/"));
        assert_eq!(Lang::Zh.path("/map/"), "/zh/map/");
        assert_eq!(Lang::En.path("/map/"), "/map/");
    }
}
