//! Browsing the list of sites: filters that combine, each option with its count, sorting and
//! pages with stable addresses.

use super::error::DbError;
pub use super::facets::{Facet, FacetOption, SiteQuery, Sort};
use super::read::{Database, SiteSummary};

/// A page of the site list with the counts for every facet.
#[derive(Debug, Clone)]
pub struct SiteList {
    pub sites: Vec<SiteSummary>,
    pub total: i64,
    pub facets: Vec<(Facet, Vec<FacetOption>)>,
}

impl Database {
    pub fn browse_sites(&self, q: &SiteQuery) -> Result<SiteList, DbError> {
        let selection = self.site_index()?.select(q, self.drafts());
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
