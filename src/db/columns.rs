//! Reading rows by column name, at no cost. A query's columns are listed once, as a constant;
//! a row reader names the column it wants (`col!(LIST, "s.title")`) and the compiler finds its
//! position in the list, failing the build when it is not there. So a new column is one entry
//! in its list and one line in its reader, no reader counts columns, and reading stays as fast
//! as reading by number (rusqlite's own lookup by name compares every column name per value).
//!
//! Also the conversions of stored values back into the content's types.

use chrono::NaiveDate;
use rusqlite::ToSql;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};

use crate::content::model::{PartialDate, SiteFacts, Words};

/// The position of `name` in `list`, a comma-separated list of column expressions.
pub const fn position(list: &str, name: &str) -> usize {
    let (list, name) = (list.as_bytes(), name.as_bytes());
    let (mut start, mut index, mut i) = (0, 0, 0);
    while i <= list.len() {
        if i == list.len() || list[i] == b',' {
            if trimmed_eq(list, start, i, name) {
                return index;
            }
            index += 1;
            start = i + 1;
        }
        i += 1;
    }
    panic!("a row reader names a column that its column list does not have");
}

/// Whether `list[start..end]`, without surrounding white space, is `name`.
const fn trimmed_eq(list: &[u8], mut start: usize, mut end: usize, name: &[u8]) -> bool {
    while start < end && list[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && list[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    if end - start != name.len() {
        return false;
    }
    let mut k = 0;
    while k < name.len() {
        if list[start + k] != name[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The position of a column in a column list, found when compiling.
macro_rules! col {
    ($list:expr, $name:expr) => {
        const { $crate::db::columns::position($list, $name) }
    };
}
pub(crate) use col;

/// Builds `$ty` from a row: each listed field from the column of its own name (after `$prefix`,
/// the table's alias) in `$list`, or from the column named after `=`; the fields in the second
/// braces are given as expressions. Written as `from_row! { … }` so that a reader lists its
/// fields as compactly as its column list does.
macro_rules! from_row {
    ($r:ident, $list:expr, $prefix:literal, $ty:ident {
        $($field:ident $(= $name:literal)?),* $(,)?
    } $({ $($other:ident: $value:expr),* $(,)? })?) => {
        $ty {
            $($field: $r.get($crate::db::columns::col!(
                $list,
                $crate::db::columns::column_name!($prefix, $field $(= $name)?)
            ))?,)*
            $($($other: $value,)*)?
        }
    };
}
pub(crate) use from_row;

/// The column a field of [`from_row`] reads.
macro_rules! column_name {
    ($prefix:literal, $field:ident) => {
        concat!($prefix, stringify!($field))
    };
    ($prefix:literal, $field:ident = $name:literal) => {
        $name
    };
}
pub(crate) use column_name;

/// A date of the content, stored as it is written (`1947`, `1947-08`, `1947-08-15`).
impl FromSql for PartialDate {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        PartialDate::parse(text).ok_or_else(|| not_a_date(text))
    }
}

/// A day stored as `YYYY-MM-DD`. (chrono's own conversion would need rusqlite's `chrono`
/// feature for this one use.)
pub struct Day(pub NaiveDate);

impl FromSql for Day {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Day)
            .map_err(|_| not_a_date(text))
    }
}

/// A model type stored as one JSON column: its own serde form, so that a new field needs no
/// column, no parameter and no reader. `$what` names it in the error of a value not so stored.
macro_rules! json_column {
    ($ty:ty, $what:literal) => {
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                serde_json::to_string(self)
                    .map(ToSqlOutput::from)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
            }
        }

        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                serde_json::from_str(value.as_str()?).map_err(|e| {
                    FromSqlError::Other(
                        format!("{} are not as the build stores them: {e}", $what).into(),
                    )
                })
            }
        }
    };
}

json_column!(SiteFacts, "a site's facts");
json_column!(Words, "a translation's words");

fn not_a_date(text: &str) -> FromSqlError {
    FromSqlError::Other(format!("`{text}` is not a date as the build stores them").into())
}

#[cfg(test)]
mod tests {
    use super::position;

    #[test]
    fn columns_are_found_by_name() {
        const LIST: &str = "s.slug, s.title,\n    c.name AS country_name";
        assert_eq!(position(LIST, "s.slug"), 0);
        assert_eq!(position(LIST, "s.title"), 1);
        assert_eq!(position(LIST, "c.name AS country_name"), 2);
    }
}
