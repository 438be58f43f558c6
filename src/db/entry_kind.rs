//! The kinds of entry that have a page of their own, as the database stores them.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Site,
    Country,
    Date,
    Page,
}

impl EntryKind {
    /// The stored name: `site`, `country`, `date` or `page`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Site => "site",
            EntryKind::Country => "country",
            EntryKind::Date => "date",
            EntryKind::Page => "page",
        }
    }
}

impl From<crate::content::model::Kind> for EntryKind {
    fn from(kind: crate::content::model::Kind) -> Self {
        use crate::content::model::Kind;
        match kind {
            Kind::Site => EntryKind::Site,
            Kind::Country => EntryKind::Country,
            Kind::Date => EntryKind::Date,
            Kind::Page => EntryKind::Page,
        }
    }
}

impl FromSql for EntryKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value.as_str()? {
            "site" => Ok(EntryKind::Site),
            "country" => Ok(EntryKind::Country),
            "date" => Ok(EntryKind::Date),
            "page" => Ok(EntryKind::Page),
            other => Err(FromSqlError::Other(
                format!("`{other}` is not a kind of entry").into(),
            )),
        }
    }
}
