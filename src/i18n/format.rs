//! Dates and numbers as each language writes them, from CLDR data (ICU4X's compiled data):
//! "9 мая 1945\u{202f}г.", "1945년 5월 9일", "1945年5月9日"; "1 373" in Russian, "1,373" elsewhere.

use std::sync::LazyLock;

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{M, MD, Y, YM, YMD, YMDE};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;

use crate::lang::Lang;

/// Every formatter of one language, made once.
struct Formatters {
    day: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, YMDE>,
    day_of_year: FixedCalendarDateTimeFormatter<Gregorian, MD>,
    month_of_year: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    year: FixedCalendarDateTimeFormatter<Gregorian, Y>,
    month: FixedCalendarDateTimeFormatter<Gregorian, M>,
    number: DecimalFormatter,
}

/// The locale whose CLDR data a language's pages use. British English writes "9 May 1945",
/// which is how the English pages have always written dates.
pub fn locale(lang: Lang) -> Locale {
    let tag = match lang {
        Lang::En => "en-GB",
        Lang::Ru => "ru",
        Lang::Ko => "ko",
        Lang::Zh => "zh-Hans",
    };
    // The four tags are constants known to parse.
    tag.parse().unwrap_or(Locale::UNKNOWN)
}

impl Formatters {
    fn new(lang: Lang) -> Formatters {
        let loc = locale(lang);
        // Compiled data holds every one of these for every locale: a failure here is a build
        // of ICU4X without its data, which no input can cause.
        let expect = "ICU4X compiled data has this formatter";
        Formatters {
            day: FixedCalendarDateTimeFormatter::try_new((&loc).into(), YMD::long()).expect(expect),
            weekday: FixedCalendarDateTimeFormatter::try_new((&loc).into(), YMDE::long())
                .expect(expect),
            day_of_year: FixedCalendarDateTimeFormatter::try_new((&loc).into(), MD::long())
                .expect(expect),
            month_of_year: FixedCalendarDateTimeFormatter::try_new((&loc).into(), YM::long())
                .expect(expect),
            year: FixedCalendarDateTimeFormatter::try_new((&loc).into(), Y::long()).expect(expect),
            month: FixedCalendarDateTimeFormatter::try_new((&loc).into(), M::long()).expect(expect),
            number: DecimalFormatter::try_new((&loc).into(), Default::default()).expect(expect),
        }
    }
}

static FORMATTERS: LazyLock<[Formatters; 4]> = LazyLock::new(|| Lang::ALL.map(Formatters::new));

fn of(lang: Lang) -> &'static Formatters {
    &FORMATTERS[lang as usize]
}

fn date(year: i32, month: u32, day: u32) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()
}

/// "9 May 1945" · "9 мая 1945 г." (CLDR puts a narrow no-break space before "г.") · "1945년 5월 9일" · "1945年5月9日".
pub fn day(lang: Lang, year: i32, month: u32, day: u32) -> String {
    match date(year, month, day) {
        Some(d) => of(lang).day.format(&d).to_string(),
        None => format!("{year:04}-{month:02}-{day:02}"),
    }
}

/// The day with its weekday: "Sunday 9 May 2027" · "воскресенье, 9 мая 2027 г.".
pub fn weekday(lang: Lang, year: i32, month: u32, day: u32) -> String {
    match date(year, month, day) {
        Some(d) => of(lang).weekday.format(&d).to_string(),
        None => format!("{year:04}-{month:02}-{day:02}"),
    }
}

/// A day of every year: "9 May" · "9 мая" · "5월 9일" · "5月9日". (2000 is a leap year, so
/// 29 February has a year to stand in.)
pub fn day_of_year(lang: Lang, month: u32, day: u32) -> String {
    match date(2000, month, day) {
        Some(d) => of(lang).day_of_year.format(&d).to_string(),
        None => format!("--{month:02}-{day:02}"),
    }
}

/// "August 1945" · "август 1945 г." · "1945년 8월" · "1945年8月".
pub fn month_of_year(lang: Lang, year: i32, month: u32) -> String {
    match date(year, month, 1) {
        Some(d) => of(lang).month_of_year.format(&d).to_string(),
        None => format!("{year:04}-{month:02}"),
    }
}

/// "1945" · "1945 г." · "1945년" · "1945年".
pub fn year(lang: Lang, year: i32) -> String {
    match date(year, 1, 1) {
        Some(d) => of(lang).year.format(&d).to_string(),
        None => year.to_string(),
    }
}

/// A month's name standing alone, as a heading: "May" · "май" · "5월" · "五月".
pub fn month(lang: Lang, month: u32) -> String {
    match date(2000, month, 1) {
        Some(d) => of(lang).month.format(&d).to_string(),
        None => month.to_string(),
    }
}

/// A whole number: "1,373" · "1 373" (with a no-break space).
pub fn number(lang: Lang, n: i64) -> String {
    of(lang).number.format(&Decimal::from(n)).to_string()
}

/// A number with one decimal: "3.2" · "3,2".
pub fn decimal(lang: Lang, x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    let mut d = Decimal::from(tenths);
    d.multiply_pow10(-1);
    of(lang).number.format(&d).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_follow_each_language() {
        assert_eq!(day(Lang::En, 1945, 5, 9), "9 May 1945");
        assert_eq!(day(Lang::Ru, 1945, 5, 9), "9 мая 1945\u{202f}г.");
        assert_eq!(day(Lang::Ko, 1945, 5, 9), "1945년 5월 9일");
        assert_eq!(day(Lang::Zh, 1945, 5, 9), "1945年5月9日");
        assert_eq!(day_of_year(Lang::Ru, 5, 9), "9 мая");
        assert_eq!(number(Lang::Ru, 1373), "1\u{a0}373");
        assert_eq!(number(Lang::Ko, 1373), "1,373");
        assert_eq!(number(Lang::Zh, 1373), "1,373");
        assert_eq!(number(Lang::En, 1373), "1,373");
        assert_eq!(decimal(Lang::Ru, 3.24), "3,2");
    }
}
