//! Browsing the list of sites: filters that combine, each option with its count, sorting and
//! pages with stable addresses.

use rusqlite::types::Value;
use rusqlite::{Row, params_from_iter};

use super::DbError;
use super::read::{Database, SITE_SUMMARY_COLUMNS, SiteSummary, site_summary};

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

    /// The condition one chosen value puts on a site `s`.
    fn condition(self) -> &'static str {
        match self {
            Facet::Country => "s.country = ?",
            Facet::Kind => "s.kind = ?",
            Facet::Status => "s.status = ?",
            Facet::Conflict => {
                "EXISTS (SELECT 1 FROM site_conflicts f WHERE f.site = s.slug AND f.conflict = ?)"
            }
            Facet::Date => {
                "EXISTS (SELECT 1 FROM site_commemorations f WHERE f.site = s.slug AND f.date_slug = ?)"
            }
        }
    }

    /// Each value of the facet among the sites matching `filter`, with its label and count.
    fn counts_sql(self, filter: &str) -> String {
        match self {
            Facet::Country => format!(
                "SELECT s.country, c.name, count(*) FROM sites s JOIN countries c ON c.code = s.country WHERE {filter}
                 GROUP BY s.country ORDER BY c.name"
            ),
            Facet::Kind => format!("SELECT s.kind, s.kind, count(*) FROM sites s WHERE {filter} GROUP BY s.kind ORDER BY s.kind"),
            Facet::Status => {
                format!("SELECT s.status, s.status, count(*) FROM sites s WHERE {filter} GROUP BY s.status ORDER BY s.status")
            }
            Facet::Conflict => format!(
                "SELECT x.conflict, x.conflict, count(*) FROM site_conflicts x JOIN sites s ON s.slug = x.site WHERE {filter}
                 GROUP BY x.conflict ORDER BY x.conflict"
            ),
            Facet::Date => format!(
                "SELECT x.date_slug, d.title, count(*) FROM site_commemorations x JOIN sites s ON s.slug = x.site
                 JOIN dates d ON d.slug = x.date_slug WHERE {filter} GROUP BY x.date_slug ORDER BY d.month, d.day"
            ),
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

    fn order_by(self) -> &'static str {
        match self {
            Sort::Name => "s.title COLLATE NOCASE, s.slug",
            Sort::Country => "c.name, s.locality, s.title COLLATE NOCASE",
            Sort::Established => "s.established IS NULL, s.established, s.title COLLATE NOCASE",
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

    /// The WHERE clause and its parameters, leaving out one facet (for that facet's counts).
    fn filter(&self, drafts: bool, except: Option<Facet>) -> (String, Vec<Value>) {
        let mut clauses = vec!["(s.draft = 0 OR ?)".to_string()];
        let mut values = vec![Value::Integer(i64::from(drafts))];
        for (facet, value) in &self.filters {
            if Some(*facet) != except {
                clauses.push(facet.condition().to_string());
                values.push(Value::Text(value.clone()));
            }
        }
        (clauses.join(" AND "), values)
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
        let (filter, values) = q.filter(self.drafts(), None);
        let total: i64 = self
            .conn()
            .prepare_cached(&format!("SELECT count(*) FROM sites s WHERE {filter}"))?
            .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
        let sql = format!(
            "SELECT {SITE_SUMMARY_COLUMNS} FROM sites s JOIN countries c ON c.code = s.country WHERE {filter}
             ORDER BY {} LIMIT {} OFFSET {}",
            q.sort.order_by(),
            q.per_page,
            u64::from(q.page.saturating_sub(1)) * u64::from(q.per_page)
        );
        let sites = self
            .conn()
            .prepare_cached(&sql)?
            .query_map(params_from_iter(values.iter()), site_summary)?
            .collect::<Result<_, _>>()?;
        let mut facets = Vec::new();
        for facet in Facet::ALL {
            let (filter, values) = q.filter(self.drafts(), Some(facet));
            let options = self
                .conn()
                .prepare_cached(&facet.counts_sql(&filter))?
                .query_map(params_from_iter(values.iter()), |r: &Row| {
                    Ok(FacetOption {
                        value: r.get(0)?,
                        label: r.get(1)?,
                        count: r.get(2)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            facets.push((facet, options));
        }
        Ok(SiteList {
            sites,
            total,
            facets,
        })
    }

    /// Every value a facet can take, whether or not a site has it now: for telling a visitor
    /// which values are valid.
    pub fn facet_values(&self, facet: Facet) -> Result<Vec<String>, DbError> {
        let sql = match facet {
            Facet::Country => "SELECT code FROM countries ORDER BY code",
            Facet::Date => "SELECT slug FROM dates ORDER BY month, day",
            Facet::Conflict => "SELECT DISTINCT conflict FROM site_conflicts ORDER BY conflict",
            Facet::Kind => {
                return Ok(crate::content::model::SITE_KINDS
                    .iter()
                    .map(|s| s.to_string())
                    .collect());
            }
            Facet::Status => {
                return Ok(crate::content::model::SITE_STATUSES
                    .iter()
                    .map(|s| s.to_string())
                    .collect());
            }
        };
        Ok(self
            .conn()
            .prepare_cached(sql)?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }
}
