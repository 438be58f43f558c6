//! Where sites are: the nearest sites to a point, and the sites inside a map's bounds, using the
//! R*Tree index of their coordinates.

use rusqlite::params;

use super::columns::col;
use super::error::{DbError, Reading};
use super::read::Database;
use super::rows::{SiteSummary, precision, site_summary, site_summary_columns};
use crate::content::model::Precision;

const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres (haversine).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

/// A site with its coordinates.
#[derive(Debug, Clone)]
pub struct SiteWithCoordinates {
    pub site: SiteSummary,
    pub lat: f64,
    pub lon: f64,
    pub precision: Precision,
}

/// The columns of a `SiteWithCoordinates`, from `sites s JOIN countries c`.
const COLUMNS: &str = concat!(
    site_summary_columns!(),
    ", s.latitude, s.longitude, s.coordinates_precision"
);

fn site_with_coordinates(r: &rusqlite::Row) -> rusqlite::Result<SiteWithCoordinates> {
    Ok(SiteWithCoordinates {
        site: site_summary(r)?,
        lat: r.get(col!(COLUMNS, "s.latitude"))?,
        lon: r.get(col!(COLUMNS, "s.longitude"))?,
        precision: precision(r, col!(COLUMNS, "s.coordinates_precision"))?,
    })
}

impl Database {
    /// The sites (with coordinates) inside a box, `slug` excepted. The R*Tree finds them; their
    /// coordinates come from `sites`, since the tree keeps them only to 32-bit precision.
    pub fn sites_in_box(
        &self,
        min_lat: f64,
        max_lat: f64,
        min_lon: f64,
        max_lon: f64,
        except: &str,
    ) -> Result<Vec<SiteWithCoordinates>, DbError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM site_locations l
             JOIN sites s ON s.rowid = l.id JOIN countries c ON c.code = s.country
             WHERE l.max_lat >= ?1 AND l.min_lat <= ?2 AND l.max_lon >= ?3 AND l.min_lon <= ?4
               AND s.slug != ?5 AND (s.draft = 0 OR ?6)"
        );
        self.rows(
            &sql,
            params![min_lat, max_lat, min_lon, max_lon, except, self.drafts()],
            site_with_coordinates,
        )
        .reading("the sites in an area")
    }

    /// The `n` sites nearest to a point, with their distance, nearest first. The search box
    /// doubles until it holds `n` sites within its inner radius, so that no nearer site can lie
    /// outside it.
    pub fn nearest(
        &self,
        slug: &str,
        lat: f64,
        lon: f64,
        n: usize,
    ) -> Result<Vec<(SiteWithCoordinates, f64)>, DbError> {
        let mut radius_km = 25.0;
        loop {
            let dlat = radius_km / 111.0;
            let coslat = lat.to_radians().cos();
            let whole_world = radius_km >= 20_000.0;
            let (min_lon, max_lon) =
                if whole_world || coslat < 0.01 || (radius_km / (111.0 * coslat)) >= 180.0 {
                    (-180.0, 180.0)
                } else {
                    let dlon = radius_km / (111.0 * coslat);
                    // A box across the antimeridian falls back to every longitude.
                    if lon - dlon < -180.0 || lon + dlon > 180.0 {
                        (-180.0, 180.0)
                    } else {
                        (lon - dlon, lon + dlon)
                    }
                };
            let (min_lat, max_lat) = if whole_world {
                (-90.0, 90.0)
            } else {
                ((lat - dlat).max(-90.0), (lat + dlat).min(90.0))
            };
            let mut found: Vec<(SiteWithCoordinates, f64)> = self
                .sites_in_box(min_lat, max_lat, min_lon, max_lon, slug)?
                .into_iter()
                .map(|l| {
                    let d = distance_km(lat, lon, l.lat, l.lon);
                    (l, d)
                })
                .filter(|(_, d)| whole_world || *d <= radius_km)
                .collect();
            if found.len() >= n || whole_world {
                found.sort_by(|a, b| {
                    a.1.total_cmp(&b.1)
                        .then_with(|| a.0.site.title.cmp(&b.0.site.title))
                });
                found.truncate(n);
                return Ok(found);
            }
            radius_km *= 2.0;
        }
    }

    /// How many published sites have coordinates.
    pub fn located_count(&self) -> Result<i64, DbError> {
        self.conn()
            .prepare_cached(
                "SELECT count(*) FROM sites s WHERE s.latitude IS NOT NULL AND (s.draft = 0 OR ?1)",
            )
            .and_then(|mut st| st.query_row([self.drafts()], |r| r.get(0)))
            .reading("the number of sites with coordinates")
    }

    /// The first `limit` published sites with coordinates by title, optionally of one country.
    /// (Partial indexes keep this a walk of `limit` rows, not a sort of every located site.)
    pub fn located_sites(
        &self,
        country: Option<&str>,
        limit: usize,
    ) -> Result<Vec<SiteWithCoordinates>, DbError> {
        let filter = if country.is_some() {
            "s.country = ?2"
        } else {
            "?2 IS NULL"
        };
        let sql = format!(
            "SELECT {COLUMNS} FROM sites s
             JOIN countries c ON c.code = s.country
             WHERE s.latitude IS NOT NULL AND (s.draft = 0 OR ?1) AND {filter}
             ORDER BY s.title LIMIT ?3"
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.rows(
            &sql,
            params![self.drafts(), country, limit],
            site_with_coordinates,
        )
        .reading("the sites with coordinates")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        // Pyongyang to Seoul is about 195 km.
        let d = distance_km(39.0392, 125.7625, 37.5665, 126.978);
        assert!((190.0..200.0).contains(&d), "{d}");
        assert!(distance_km(10.0, 179.9, 10.0, -179.9) < 25.0);
    }
}
