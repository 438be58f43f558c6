//! The site list's filters (facets) and sort orders, and a request for one page of it: the
//! vocabulary shared by the site index, which answers such requests, and the pages.

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
    /// The language whose names sort the list by name.
    pub lang: crate::lang::Lang,
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
