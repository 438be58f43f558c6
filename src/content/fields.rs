//! Typed reading of TOML front matter, keeping every value's position so that each mistake is
//! reported with its line and column, and every mistake of a file is reported, not only the first.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::error::{ContentError, did_you_mean};
use super::model::{PartialDate, Positioned};
use super::source::SourceFile;

type Value<'i> = Spanned<DeValue<'i>>;

/// A view of one TOML table (the front matter, or one `[[sources]]` entry) that collects errors.
///
/// The fields a reader is asked for are the table's known fields: reading a field is what
/// declares it, so that a new field is written once. `finish` then reports every other key.
pub struct Fields<'s, 'i> {
    src: &'s SourceFile,
    table: &'s DeTable<'i>,
    /// Where "missing field" errors point: the table's own position, or `None` for line 1.
    anchor: Option<usize>,
    prefix: String,
    /// Every field asked for so far, in the order first asked (the order hints list them in).
    known: Vec<&'static str>,
    /// Keys already reported by [`Fields::refuse`], which `finish` passes over.
    refused: Vec<String>,
    errors: &'s mut Vec<ContentError>,
}

impl<'s, 'i> Fields<'s, 'i> {
    /// Wraps a table; errors go to `errors` under field names that start with `prefix`.
    pub fn new(
        src: &'s SourceFile,
        table: &'s DeTable<'i>,
        anchor: Option<usize>,
        prefix: String,
        errors: &'s mut Vec<ContentError>,
    ) -> Self {
        Fields {
            src,
            table,
            anchor,
            prefix,
            known: Vec::new(),
            refused: Vec::new(),
            errors,
        }
    }

    /// Reports every key that no read asked for as an unknown field, with a suggestion.
    pub fn finish(self) {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if !self.known.contains(&name) && !self.refused.iter().any(|r| r == name) {
                let name = key.get_ref().to_string();
                let hint = did_you_mean(&name, self.known.iter().copied());
                let e = self
                    .error_at(key.span().start, format!("unknown field `{name}`"))
                    .field(self.path(&name))
                    .hint(
                        hint.or_else(|| Some(format!("known fields: {}", self.known.join(", ")))),
                    );
                self.errors.push(e);
            }
        }
    }

    /// Every key of the table, with where it is written.
    pub fn keys(&self) -> Vec<(String, usize)> {
        self.table
            .iter()
            .map(|(k, _)| (k.get_ref().to_string(), k.span().start))
            .collect()
    }

    /// Reports a key that must not be in this table with a message of its own, instead of the
    /// "unknown field" that `finish` would give it.
    pub fn refuse(&mut self, key: &str, offset: usize, msg: String, hint: Option<String>) {
        let e = self.error_at(offset, msg).field(self.path(key)).hint(hint);
        self.errors.push(e);
        self.refused.push(key.to_string());
    }

    /// How many errors have been found so far, in this table and before it.
    pub fn error_count(&self) -> usize {
        self.errors.len()
    }

    fn path(&self, name: &str) -> String {
        format!("{}{}", self.prefix, name)
    }

    fn error_at(
        &self,
        offset: usize,
        msg: impl Into<std::borrow::Cow<'static, str>>,
    ) -> ContentError {
        self.src.error_at(offset, msg)
    }

    /// Records an error about field `name` at `offset`.
    pub fn report(
        &mut self,
        offset: usize,
        name: &str,
        msg: impl Into<std::borrow::Cow<'static, str>>,
    ) {
        let e = self.error_at(offset, msg).field(self.path(name));
        self.errors.push(e);
    }

    fn report_type(&mut self, v: &Value<'i>, name: &str, expected: &str) {
        let found = v.get_ref().type_str();
        self.report(
            v.span().start,
            name,
            format!("expected {expected}, found {}", article(found)),
        );
    }

    /// The value of field `name`, which becomes a known field of this table.
    pub fn get(&mut self, name: &'static str) -> Option<&'s Value<'i>> {
        if !self.known.contains(&name) {
            self.known.push(name);
        }
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == name)
            .map(|(_, v)| v)
    }

    /// Where field `name`'s value starts, as an offset into the front matter.
    pub fn offset(&mut self, name: &'static str) -> usize {
        self.get(name).map_or(0, |v| v.span().start)
    }

    /// The position a value of this field starts at (for later cross-file checks).
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        self.src.position(self.src.front_matter.start + offset)
    }

    pub fn missing(&mut self, name: &str, what: &str) {
        let e = match self.anchor {
            Some(off) => self.error_at(off, format!("missing required field `{name}` ({what})")),
            None => ContentError::new(
                &self.src.display_path,
                format!("missing required field `{name}` ({what})"),
            )
            .at(1, 1),
        };
        let e = e.field(self.path(name));
        self.errors.push(e);
    }

    pub fn opt_string(&mut self, name: &'static str) -> Option<String> {
        let v = self.get(name)?;
        match v.get_ref() {
            DeValue::String(s) => {
                if s.trim().is_empty() {
                    self.report(
                        v.span().start,
                        name,
                        "must not be empty: leave the field out instead",
                    );
                    None
                } else {
                    Some(s.to_string())
                }
            }
            _ => {
                self.report_type(v, name, "a string in quotes");
                None
            }
        }
    }

    pub fn req_string(&mut self, name: &'static str, what: &str) -> Option<String> {
        if self.get(name).is_none() {
            self.missing(name, what);
            return None;
        }
        self.opt_string(name)
    }

    /// A string of at most `max` characters.
    pub fn opt_string_max(&mut self, name: &'static str, max: usize) -> Option<String> {
        let s = self.opt_string(name)?;
        let n = s.chars().count();
        if n > max {
            let off = self.offset(name);
            self.report(
                off,
                name,
                format!("is {n} characters long; at most {max} are allowed"),
            );
            return None;
        }
        Some(s)
    }

    /// A string that must be one of `allowed`.
    pub fn one_of(
        &mut self,
        name: &'static str,
        allowed: &[&'static str],
        required: bool,
    ) -> Option<&'static str> {
        let s = if required {
            self.req_string(name, &format!("one of {}", allowed.join(", ")))?
        } else {
            self.opt_string(name)?
        };
        if let Some(a) = allowed.iter().find(|a| **a == s) {
            return Some(a);
        }
        let off = self.offset(name);
        let hint = did_you_mean(&s, allowed.iter().copied());
        let e = self
            .error_at(
                off,
                format!(
                    "`{s}` is not allowed; expected one of: {}",
                    allowed.join(", ")
                ),
            )
            .field(self.path(name))
            .hint(hint);
        self.errors.push(e);
        None
    }

    /// Field `name`'s value where `pick` accepts its type; one of another type is reported as not
    /// being `expected`.
    fn typed<T>(
        &mut self,
        name: &'static str,
        expected: &str,
        pick: impl FnOnce(&'s DeValue<'i>) -> Option<T>,
    ) -> Option<(T, usize)> {
        let v = self.get(name)?;
        match pick(v.get_ref()) {
            Some(t) => Some((t, v.span().start)),
            None => {
                self.report_type(v, name, expected);
                None
            }
        }
    }

    /// An item of a list or table that must be a string that is not empty.
    fn item_string(&mut self, item: &Value<'i>, field: &str) -> Option<String> {
        match item.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => Some(s.to_string()),
            DeValue::String(_) => {
                self.report(item.span().start, field, "must not be empty");
                None
            }
            _ => {
                self.report_type(item, field, "a string in quotes");
                None
            }
        }
    }

    pub fn opt_bool(&mut self, name: &'static str) -> Option<bool> {
        self.typed(name, "true or false", |v| match v {
            DeValue::Boolean(b) => Some(*b),
            _ => None,
        })
        .map(|(b, _)| b)
    }

    pub fn opt_int(&mut self, name: &'static str, min: i64, max: i64) -> Option<i64> {
        let v = self.get(name)?;
        let Some(n) = int_value(v.get_ref()) else {
            self.report_type(v, name, "a whole number");
            return None;
        };
        self.in_range(v.span().start, name, "", n, (min, max))
            .then_some(n)
    }

    pub fn req_int(&mut self, name: &'static str, min: i64, max: i64) -> Option<i64> {
        if self.get(name).is_none() {
            self.missing(name, &format!("a whole number from {min} to {max}"));
            return None;
        }
        self.opt_int(name, min, max)
    }

    /// A partial ISO 8601 date in quotes: `"1947"`, `"1947-08"` or `"1947-08-15"`.
    pub fn opt_partial_date(&mut self, name: &'static str) -> Option<PartialDate> {
        let v = self.get(name)?;
        let text = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Datetime(d) => d.to_string(),
            DeValue::Integer(i) => i.as_str().to_string(),
            _ => {
                self.report_type(
                    v,
                    name,
                    "a date in quotes such as \"1947\", \"1947-08\" or \"1947-08-15\"",
                );
                return None;
            }
        };
        if !matches!(v.get_ref(), DeValue::String(_)) {
            self.report(
                v.span().start,
                name,
                format!("write the date in quotes: \"{text}\""),
            );
            return None;
        }
        match PartialDate::parse(&text) {
            Some(d) => Some(d),
            None => {
                self.report(
                    v.span().start,
                    name,
                    format!("`{text}` is not a date: expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" of a real calendar day"),
                );
                None
            }
        }
    }

    /// A full day: a TOML date (`2026-11-22`) or the same in quotes.
    pub fn opt_day(&mut self, name: &'static str) -> Option<chrono::NaiveDate> {
        let v = self.get(name)?;
        let text = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Datetime(d) if d.date.is_some() && d.time.is_none() => d.to_string(),
            _ => {
                self.report_type(v, name, "a date such as 2026-11-22");
                return None;
            }
        };
        match chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
            Ok(d) if text.len() == 10 => Some(d),
            _ => {
                self.report(
                    v.span().start,
                    name,
                    format!("`{text}` is not a date: expected YYYY-MM-DD of a real calendar day"),
                );
                None
            }
        }
    }

    /// A list of strings, each with its position.
    pub fn string_list(&mut self, name: &'static str) -> Vec<Positioned<String>> {
        let expected = "a list of strings such as [\"a\", \"b\"]";
        let Some((items, _)) = self.typed(name, expected, DeValue::as_array) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if let Some(value) = self.item_string(item, &format!("{name}[{}]", i + 1)) {
                let (line, column) = self.locate(item.span().start);
                out.push(Positioned {
                    value,
                    line,
                    column,
                });
            }
        }
        out
    }

    /// A table of language tag → name, in file order.
    pub fn lang_table(&mut self, name: &'static str) -> Vec<(String, String)> {
        let expected = "a table such as { ru = \"…\", ko = \"…\" }";
        let Some((t, _)) = self.typed(name, expected, DeValue::as_table) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, val) in t.iter() {
            let tag = k.get_ref().to_string();
            let field = format!("{name}.{tag}");
            if !is_language_tag(&tag) {
                self.report(
                    k.span().start,
                    &field,
                    format!("`{tag}` is not a BCP 47 language tag such as ru, ko, zh or zh-Hans"),
                );
                continue;
            }
            if let Some(value) = self.item_string(val, &field) {
                out.push((tag, value));
            }
        }
        out
    }

    /// `[latitude, longitude]` in decimal degrees.
    pub fn coordinates(&mut self, name: &'static str) -> Option<(f64, f64)> {
        let v = self.get(name)?;
        let pair = match v.get_ref() {
            DeValue::Array(a) if a.len() == 2 => {
                (number_value(a[0].get_ref()), number_value(a[1].get_ref()))
            }
            _ => (None, None),
        };
        let (Some(lat), Some(lon)) = pair else {
            self.report(
                v.span().start,
                name,
                "expected [latitude, longitude] in decimal degrees, such as [39.0392, 125.7625]",
            );
            return None;
        };
        let at = v.span().start;
        (self.in_range(at, name, "latitude ", lat, (-90.0, 90.0))
            && self.in_range(at, name, "longitude ", lon, (-180.0, 180.0)))
        .then_some((lat, lon))
    }

    /// Whether `value` lies within `min..=max`; reports it as out of range where not.
    fn in_range<T: PartialOrd + std::fmt::Display>(
        &mut self,
        offset: usize,
        name: &str,
        what: &str,
        value: T,
        (min, max): (T, T),
    ) -> bool {
        let ok = min <= value && value <= max;
        if !ok {
            self.report(
                offset,
                name,
                format!("{what}{value} is out of range: expected {min} to {max}"),
            );
        }
        ok
    }

    /// An inline table such as `burials = { total = 3, unknown = 1 }`.
    pub fn table(&mut self, name: &'static str) -> Option<(&'s DeTable<'i>, usize)> {
        self.typed(name, "a table", DeValue::as_table)
    }

    /// An array of tables (`[[sources]]`), each with its offset.
    pub fn tables(&mut self, name: &'static str) -> Vec<(&'s DeTable<'i>, usize)> {
        let expected = format!("a list of tables written as [[{name}]]");
        let Some((items, _)) = self.typed(name, &expected, DeValue::as_array) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span().start)),
                _ => self.report_type(item, &format!("{name}[{}]", i + 1), "a table"),
            }
        }
        out
    }

    /// A nested reader over a sub-table, whose fields are named `prefix.field` in errors.
    pub fn nested<'t>(
        &'t mut self,
        table: &'t DeTable<'i>,
        anchor: usize,
        prefix: String,
    ) -> Fields<'t, 'i>
    where
        's: 't,
    {
        Fields::new(self.src, table, Some(anchor), prefix, self.errors)
    }

    /// A required string with the position where it is written, for checks across files.
    pub fn req_positioned(&mut self, name: &'static str, what: &str) -> Option<Positioned<String>> {
        let value = self.req_string(name, what)?;
        Some(self.positioned(name, value))
    }

    /// An optional string with the position where it is written, for checks across fields.
    pub fn opt_positioned(&mut self, name: &'static str) -> Option<Positioned<String>> {
        let value = self.opt_string(name)?;
        Some(self.positioned(name, value))
    }

    /// `value`, read from the field `name`, with the line and column where it is written.
    fn positioned(&mut self, name: &'static str, value: String) -> Positioned<String> {
        let offset = self.offset(name);
        let (line, column) = self.locate(offset);
        Positioned {
            value,
            line,
            column,
        }
    }

    /// The file the fields are read from.
    pub fn source_file(&self) -> &'s SourceFile {
        self.src
    }

    /// Records an error made elsewhere.
    pub fn push(&mut self, e: ContentError) {
        self.errors.push(e);
    }

    /// Records an error that is not about one field, at a line and column of the file.
    pub fn report_at(
        &mut self,
        line: usize,
        column: usize,
        msg: impl Into<std::borrow::Cow<'static, str>>,
    ) {
        let e = ContentError::new(&self.src.display_path, msg).at(line, column);
        self.errors.push(e);
    }

    /// An optional string that must pass `valid`; `problem` says what is wrong with one that does
    /// not.
    pub fn opt_string_where(
        &mut self,
        name: &'static str,
        valid: impl Fn(&str) -> bool,
        problem: impl Fn(&str) -> String,
    ) -> Option<String> {
        let s = self.opt_string(name)?;
        if valid(&s) {
            return Some(s);
        }
        let off = self.offset(name);
        self.report(off, name, problem(&s));
        None
    }

    /// Records an error about field `name` at a value written at `at`.
    pub fn report_positioned<T>(
        &mut self,
        at: &Positioned<T>,
        name: &str,
        msg: impl Into<std::borrow::Cow<'static, str>>,
    ) {
        let e = ContentError::new(&self.src.display_path, msg)
            .at(at.line, at.column)
            .field(self.path(name));
        self.errors.push(e);
    }
}

fn article(type_name: &str) -> String {
    match type_name {
        "integer" => "an integer".into(),
        "array" => "a list".into(),
        "datetime" => "a date without quotes".into(),
        "boolean" => "true or false".into(),
        t => format!("a {t}"),
    }
}

fn int_value(v: &DeValue<'_>) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        _ => None,
    }
}

fn number_value(v: &DeValue<'_>) -> Option<f64> {
    match v {
        DeValue::Integer(_) => int_value(v).map(|n| n as f64),
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite()),
        _ => None,
    }
}

/// A BCP 47 tag of the common shape: a 2–3 letter language, then subtags of 2–8 letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}
