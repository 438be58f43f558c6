//! Browsing the list of sites: filters that combine, each option with its count, sorting and
//! pages with stable addresses.

use super::DbError;
use super::read::{Database, SiteSummary};

/// The filters of the site list, by their query-string name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Country,
    Kind,
    Status,
    Conflict,
    Date,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Country,
        Facet::Kind,
        Facet::Status,
        Facet::Conflict,
        Facet::Date,
    ];

    pub fn param(self) -> &'static str {
        match self {
            Facet::Country => "country",
            Facet::Kind => "kind",
            Facet::Status => "status",
            Facet::Conflict => "conflict",
            Facet::Date => "date",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Country => "Country",
            Facet::Kind => "Kind",
            Facet::Status => "Status",
            Facet::Conflict => "Conflict",
            Facet::Date => "Commemoration date",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    Country,
    Established,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Name, Sort::Country, Sort::Established];

    pub fn param(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Country => "country",
            Sort::Established => "established",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Country => "country and place",
            Sort::Established => "date established",
        }
    }
}

/// A request for one page of the site list.
#[derive(Debug, Clone, Default)]
pub struct SiteQuery {
    /// The chosen value of each facet, if any.
    pub filters: Vec<(Facet, String)>,
    pub sort: Sort,
    pub page: u32,
    pub per_page: u32,
}

impl SiteQuery {
    pub fn value(&self, facet: Facet) -> Option<&str> {
        self.filters
            .iter()
            .find(|(f, _)| *f == facet)
            .map(|(_, v)| v.as_str())
    }
}

/// One option of a facet: its value, label and number of matching sites.
#[derive(Debug, Clone)]
pub struct FacetOption {
    pub value: String,
    pub label: String,
    pub count: i64,
}

/// A page of the site list with the counts for every facet.
#[derive(Debug, Clone)]
pub struct SiteList {
    pub sites: Vec<SiteSummary>,
    pub total: i64,
    pub facets: Vec<(Facet, Vec<FacetOption>)>,
}

impl Database {
    pub fn browse_sites(&self, q: &SiteQuery) -> Result<SiteList, DbError> {
        let selection = self.site_index()?.select(
            &q.filters,
            self.drafts(),
            q.sort,
            u64::from(q.page.saturating_sub(1)) * u64::from(q.per_page),
            u64::from(q.per_page),
        );
        Ok(SiteList {
            sites: self.sites_by_rowid(&selection.rowids)?,
            total: selection.total,
            facets: selection.facets,
        })
    }

    /// Every value a facet can take: for telling a visitor which values are valid. Kinds and
    /// statuses are those of the content format, whether or not a site has them now; countries,
    /// dates and conflicts come from the site index, which holds every one the content names.
    pub fn facet_values(&self, facet: Facet) -> Result<Vec<String>, DbError> {
        use crate::content::model::{SITE_KINDS, SITE_STATUSES};
        let mut values: Vec<String> = match facet {
            Facet::Kind => SITE_KINDS.iter().map(|s| s.to_string()).collect(),
            Facet::Status => SITE_STATUSES.iter().map(|s| s.to_string()).collect(),
            _ => self
                .site_index()?
                .values(facet)
                .map(str::to_string)
                .collect(),
        };
        // Country codes are listed in their own order (the index keeps countries by name).
        if facet == Facet::Country {
            values.sort();
        }
        Ok(values)
    }
}
