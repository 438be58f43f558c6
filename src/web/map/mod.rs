//! Maps drawn on the server as inline SVG: country outlines from Natural Earth (public domain,
//! compiled in from `countries-*.txt`, see `convert.py`) and a marker per site, each marker a
//! link with an accessible name. No tiles, no scripts, no request to another host.

use std::fmt::Write;
use std::sync::LazyLock;

use askama::Template;

use crate::i18n::I18n;

use crate::db::Database;
use crate::db::places::SiteWithCoordinates;
use crate::db::read::SiteDetail;
use crate::urls;
use crate::web::PageError;

struct Outline {
    code: String,
    rings: Vec<Ring>,
}

struct Ring {
    points: Vec<(f64, f64)>,
    /// min lon, min lat, max lon, max lat
    bbox: (f64, f64, f64, f64),
}

fn parse(text: &str) -> Vec<Outline> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            let code = parts.next()?.to_string();
            let _name = parts.next()?;
            let rings = parts
                .next()?
                .split(';')
                .map(|r| {
                    let points: Vec<(f64, f64)> = unwrap(r.split(' ').filter_map(|p| {
                        let (lon, lat) = p.split_once(',')?;
                        Some((lon.parse().ok()?, lat.parse().ok()?))
                    }));
                    let bbox =
                        points
                            .iter()
                            .fold((f64::MAX, 90.0, f64::MIN, -90.0), |b, &(x, y)| {
                                (
                                    f64::min(b.0, x),
                                    f64::min(b.1, y),
                                    f64::max(b.2, x),
                                    f64::max(b.3, y),
                                )
                            });
                    Ring { points, bbox }
                })
                .filter(|r| r.points.len() >= 3)
                .collect();
            Some(Outline { code, rings })
        })
        .collect()
}

/// A ring's points with each longitude moved by whole turns to lie within 180° of the one before:
/// a ring that crosses the antimeridian stays one shape instead of a band across the map.
fn unwrap(points: impl Iterator<Item = (f64, f64)>) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (lon, lat) in points {
        let lon = match out.last() {
            Some(&(prev, _)) => lon + 360.0 * ((prev - lon) / 360.0).round(),
            None => lon,
        };
        out.push((lon, lat));
    }
    out
}

/// Detailed outlines for local maps, and coarse ones for the world map.
static DETAILED: LazyLock<Vec<Outline>> =
    LazyLock::new(|| parse(include_str!("countries-50m.txt")));
static COARSE: LazyLock<Vec<Outline>> = LazyLock::new(|| parse(include_str!("countries-110m.txt")));

/// The part of the earth a map shows, and its size in pixels. Equirectangular, with longitude
/// scaled by the cosine of the middle latitude so that local maps keep their shapes.
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub min_lon: f64,
    pub max_lon: f64,
    pub min_lat: f64,
    pub max_lat: f64,
    pub width: f64,
    pub height: f64,
}

impl View {
    /// The world map's view: every site inside it with a margin, or the whole world where no
    /// site has coordinates.
    pub fn framing(sites: &[SiteWithCoordinates]) -> View {
        match bounds(sites) {
            Some(b) => View::around(b.0, b.1, b.2, b.3, 8.0, 480.0),
            None => View::world(),
        }
    }

    pub fn world() -> View {
        View {
            min_lon: -180.0,
            max_lon: 180.0,
            min_lat: -90.0,
            max_lat: 90.0,
            width: 960.0,
            height: 480.0,
        }
    }

    /// A view around a box, at least `min_span` degrees high, `width` pixels wide.
    pub fn around(
        min_lon: f64,
        min_lat: f64,
        max_lon: f64,
        max_lat: f64,
        min_span: f64,
        width: f64,
    ) -> View {
        let (clat, clon) = ((min_lat + max_lat) / 2.0, (min_lon + max_lon) / 2.0);
        let k = clat.to_radians().cos().max(0.2);
        let lat_span = ((max_lat - min_lat) * 1.2).max(min_span);
        let lon_span = ((max_lon - min_lon) * 1.2).max(lat_span * 4.0 / 3.0 / k);
        // Keep a 4:3 frame: widen whichever side is short.
        let lat_span = lat_span.max(lon_span * k * 3.0 / 4.0);
        let lon_span = lon_span.max(lat_span * 4.0 / 3.0 / k);
        View {
            min_lon: clon - lon_span / 2.0,
            max_lon: clon + lon_span / 2.0,
            min_lat: (clat - lat_span / 2.0).max(-90.0),
            max_lat: (clat + lat_span / 2.0).min(90.0),
            width,
            height: (width * 3.0 / 4.0).round(),
        }
    }

    /// Pixel position of a point.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let x = (lon - self.min_lon) / (self.max_lon - self.min_lon) * self.width;
        let y = (self.max_lat - lat) / (self.max_lat - self.min_lat) * self.height;
        (x, y)
    }

    fn shows(&self, b: (f64, f64, f64, f64)) -> bool {
        b.2 >= self.min_lon && b.0 <= self.max_lon && b.3 >= self.min_lat && b.1 <= self.max_lat
    }
}

/// The outlines inside a view as one path per class: the highlighted country and the rest.
fn land_paths(view: &View, outlines: &[Outline], highlight: Option<&str>) -> (String, String) {
    let (mut other, mut focus) = (String::new(), String::new());
    for o in outlines {
        let target = if Some(o.code.as_str()) == highlight {
            &mut focus
        } else {
            &mut other
        };
        // A ring that reaches past ±180° is drawn again a turn away, where the rest of it shows.
        for shift in [0.0, -360.0, 360.0] {
            for ring in o.rings.iter() {
                let b = ring.bbox;
                if view.shows((b.0 + shift, b.1, b.2 + shift, b.3)) {
                    ring_path(target, view, ring, shift);
                }
            }
        }
    }
    (other, focus)
}

/// One ring as a closed path, clipped to the view; nothing where too little of it is inside
/// (an open path would be stroked as a stray line).
fn ring_path(target: &mut String, view: &View, ring: &Ring, shift: f64) {
    let projected: Vec<(f64, f64)> = ring
        .points
        .iter()
        .map(|&(lon, lat)| view.project(lon + shift, lat))
        .collect();
    // Only what falls inside the frame (and a margin) is drawn: a country beside the view costs
    // nothing.
    let clipped = clip(&projected, -4.0, -4.0, view.width + 4.0, view.height + 4.0);
    let mut path = String::new();
    let mut last: Option<(i64, i64)> = None;
    let mut n = 0;
    for (x, y) in clipped {
        // Half-pixel precision: more is invisible and only adds bytes.
        let p = ((x * 2.0).round() as i64, (y * 2.0).round() as i64);
        if last == Some(p) {
            continue;
        }
        let _ = write!(
            path,
            "{}{},{}",
            if n == 0 { "M" } else { "L" },
            p.0 as f64 / 2.0,
            p.1 as f64 / 2.0
        );
        last = Some(p);
        n += 1;
    }
    if n > 2 {
        target.push_str(&path);
        target.push('Z');
    }
}

/// Sutherland–Hodgman: the part of a closed polygon inside a rectangle.
fn clip(points: &[(f64, f64)], x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<(f64, f64)> {
    type Inside = fn(&(f64, f64), f64) -> bool;
    let edges: [(Inside, f64, bool); 4] = [
        (|p, v| p.0 >= v, x0, true),
        (|p, v| p.0 <= v, x1, true),
        (|p, v| p.1 >= v, y0, false),
        (|p, v| p.1 <= v, y1, false),
    ];
    let mut out: Vec<(f64, f64)> = points.to_vec();
    for (inside, v, vertical) in edges {
        if out.is_empty() {
            break;
        }
        let input = std::mem::take(&mut out);
        let mut prev = input[input.len() - 1];
        for &cur in &input {
            let (cin, pin) = (inside(&cur, v), inside(&prev, v));
            if cin != pin {
                // Where the segment crosses the edge.
                let t = if vertical {
                    (v - prev.0) / (cur.0 - prev.0)
                } else {
                    (v - prev.1) / (cur.1 - prev.1)
                };
                out.push((prev.0 + t * (cur.0 - prev.0), prev.1 + t * (cur.1 - prev.1)));
            }
            if cin {
                out.push(cur);
            }
            prev = cur;
        }
    }
    out
}

/// A map as inline SVG: the land as two paths (computed here), the markers, and a legend where
/// markers differ.
#[derive(Template)]
#[template(path = "map.svg")]
struct Svg<'a> {
    t: I18n,
    view: &'a View,
    label: &'a str,
    other: String,
    focus: String,
    markers: Vec<Marker>,
    legend: Legend,
}

/// Which kinds of marker a map draws, for its legend.
#[derive(Default)]
struct Legend {
    exact: bool,
    approximate: bool,
    groups: bool,
}

impl Legend {
    /// A legend is needed once markers differ in what they mean.
    fn is_needed(&self) -> bool {
        self.approximate || self.groups
    }
}

/// A site inside the view at its pixel position, or several sites at one position (a town's
/// centre); the current site is drawn larger and never grouped.
struct Marker {
    url: String,
    label: String,
    x: f64,
    y: f64,
    lat: f64,
    lon: f64,
    current: bool,
    approximate: bool,
    /// How many sites the marker stands for.
    count: usize,
    /// The town's name, written beside the first marker in it (maps of regions only).
    town: Option<String>,
}

/// Where a map's markers lead: a site's own page, or for a group, the list of its sites.
pub type GroupLink<'a> = &'a dyn Fn(&SiteWithCoordinates) -> String;

/// The markers inside the view, grouped where sites share a position.
fn markers(
    t: I18n,
    view: &View,
    sites: &[SiteWithCoordinates],
    current: Option<&str>,
    group_link: GroupLink,
) -> Vec<Marker> {
    let mut groups: Vec<Vec<&SiteWithCoordinates>> = Vec::new();
    for m in sites {
        let is_current = current == Some(m.site.slug.as_str());
        let same = groups.iter_mut().find(|g| {
            !is_current
                && current != Some(g[0].site.slug.as_str())
                && g[0].lat == m.lat
                && g[0].lon == m.lon
        });
        match same {
            Some(g) => g.push(m),
            None => groups.push(vec![m]),
        }
    }
    groups
        .into_iter()
        .filter_map(|g| {
            let m = g[0];
            let (x, y) = view.project(m.lon, m.lat);
            let inside = x >= 0.0 && y >= 0.0 && x <= view.width && y <= view.height;
            let approximate = m.precision.is_approximate();
            let (url, label) = if g.len() == 1 {
                let name = crate::text::site_title(&m.site.title, &m.site.locality);
                let label = if approximate {
                    t.with("map-marker-approximate", &[("name", &name)])
                } else {
                    name
                };
                (t.path(urls::site(&m.site.slug)), label)
            } else {
                let label = t.count_with(
                    "map-marker-group",
                    g.len() as i64,
                    &[("place", &m.site.locality)],
                );
                (group_link(m), label)
            };
            inside.then(|| Marker {
                url,
                label,
                x,
                y,
                lat: m.lat,
                lon: m.lon,
                current: current == Some(m.site.slug.as_str()),
                approximate,
                count: g.len(),
                town: None,
            })
        })
        .collect()
}

/// Names each town once, beside its first marker, so that a map without place names can be read.
fn name_towns(markers: &mut [Marker], sites: &[SiteWithCoordinates]) {
    let mut named: Vec<(f64, f64)> = Vec::new();
    // The towns with the most sites are named first.
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(markers[i].count));
    for i in order {
        let m = &mut markers[i];
        let Some(s) = sites.iter().find(|s| s.lat == m.lat && s.lon == m.lon) else {
            continue;
        };
        // Towns closer than a label's height would write over each other: the first keeps it.
        if named
            .iter()
            .all(|&(x, y)| (x - m.x).abs() > 60.0 || (y - m.y).abs() > 14.0)
        {
            named.push((m.x, m.y));
            m.town = Some(s.site.locality.clone());
        }
    }
}

/// What a map says: the page's language, and the map's own label for screen readers.
#[derive(Clone, Copy)]
pub struct Caption<'a> {
    pub t: I18n,
    pub label: &'a str,
}

/// A map as inline SVG, with a marker for each site (or each group of sites that share a
/// position); `current` is drawn larger.
pub fn render(
    caption: Caption,
    view: &View,
    outlines_detail: bool,
    highlight: Option<&str>,
    sites: &[SiteWithCoordinates],
    current: Option<&str>,
    group_link: GroupLink,
) -> Result<String, askama::Error> {
    let Caption { t, label } = caption;
    let outlines: &[Outline] = if outlines_detail { &DETAILED } else { &COARSE };
    let (other, focus) = land_paths(view, outlines, highlight);
    let mut markers = markers(t, view, sites, current, group_link);
    if current.is_none() {
        name_towns(&mut markers, sites);
    }
    let legend = Legend {
        exact: markers.iter().any(|m| !m.approximate),
        approximate: markers.iter().any(|m| m.approximate),
        groups: markers.iter().any(|m| m.count > 1),
    };
    Svg {
        t,
        view,
        label,
        other,
        focus,
        markers,
        legend,
    }
    .render()
}

/// How many neighbours a site's locator map shows, and how many markers a country's or the
/// world's map draws at most (each is a link: thousands would outweigh the page).
const LOCATOR_NEIGHBOURS: usize = 5;
pub const MAX_MARKERS: usize = 500;

/// The sites of a map with their words in `t`'s language.
pub fn localize(
    t: I18n,
    db: &Database,
    sites: &mut [SiteWithCoordinates],
) -> Result<(), PageError> {
    let mut summaries: Vec<_> = sites.iter().map(|s| s.site.clone()).collect();
    db.localize_sites(t.lang, &mut summaries)?;
    for (s, summary) in sites.iter_mut().zip(summaries) {
        s.site = summary;
    }
    Ok(())
}

/// The small map on a site page: the site, its nearest neighbours, and the country around it.
pub fn locator(
    t: I18n,
    site: &SiteDetail,
    neighbours: &[SiteWithCoordinates],
) -> Result<Option<String>, askama::Error> {
    let (Some(lat), Some(lon)) = (site.latitude, site.longitude) else {
        return Ok(None);
    };
    let view = View::around(lon, lat, lon, lat, 6.0, 360.0);
    // Only the nearest neighbours: a dense region would otherwise fill the page with markers.
    let mut markers: Vec<SiteWithCoordinates> = neighbours
        .iter()
        .take(LOCATOR_NEIGHBOURS)
        .cloned()
        .collect();
    markers.push(SiteWithCoordinates {
        site: site.summary.clone(),
        lat,
        lon,
        precision: site.precision,
    });
    let label = t.with("map-where", &[("title", &site.summary.title)]);
    render(
        Caption { t, label: &label },
        &view,
        true,
        Some(&site.summary.country),
        &markers,
        Some(&site.summary.slug),
        &|_| "#nearby".to_string(),
    )
    .map(Some)
}

/// The map on a country page: its sites, or the country's largest landmass where none has
/// coordinates.
pub fn country(
    t: I18n,
    db: &Database,
    code: &str,
    name: &str,
) -> Result<Option<String>, PageError> {
    let mut markers = db.located_sites(Some(code), MAX_MARKERS)?;
    localize(t, db, &mut markers)?;
    let bbox = if markers.is_empty() {
        DETAILED
            .iter()
            .find(|o| o.code == code)
            .and_then(|o| {
                o.rings
                    .iter()
                    .max_by(|a, b| area(a.bbox).total_cmp(&area(b.bbox)))
            })
            .map(|r| r.bbox)
    } else {
        bounds(&markers)
    };
    let Some(b) = bbox else { return Ok(None) };
    let view = View::around(b.0, b.1, b.2, b.3, 4.0, 480.0);
    let label = t.with("map-of-country", &[("country", name)]);
    Ok(Some(render(
        Caption { t, label: &label },
        &view,
        true,
        Some(code),
        &markers,
        None,
        &|m| {
            format!(
                "#{}",
                crate::web::views::place_anchor(&m.site.country, &m.site.locality)
            )
        },
    )?))
}

/// How far apart (in degrees of latitude, or of longitude at the equator) two sites may be and
/// still share a map: farther apart, each region gets a map of its own so that neither shrinks to
/// a speck.
const REGION_DEGREES: f64 = 15.0;

/// The sites in regions, each region the sites that lie within `REGION_DEGREES` of another of
/// them (single linkage), largest region first, so that each can be framed legibly.
pub fn regions(sites: Vec<SiteWithCoordinates>) -> Vec<Vec<SiteWithCoordinates>> {
    let n = sites.len();
    let mut region: Vec<usize> = (0..n).collect();
    let near = |a: &SiteWithCoordinates, b: &SiteWithCoordinates| {
        let k = ((a.lat + b.lat) / 2.0).to_radians().cos();
        let dlon = (a.lon - b.lon).abs();
        let dlon = dlon.min(360.0 - dlon) * k;
        (a.lat - b.lat).hypot(dlon) <= REGION_DEGREES
    };
    // Union-find: each site points towards the first site of its region.
    fn root(region: &mut [usize], mut i: usize) -> usize {
        while region[i] != i {
            region[i] = region[region[i]];
            i = region[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            if near(&sites[i], &sites[j]) {
                let (a, b) = (root(&mut region, i), root(&mut region, j));
                region[a.max(b)] = a.min(b);
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| root(&mut region, i)).collect();
    let mut out: Vec<(usize, Vec<SiteWithCoordinates>)> = Vec::new();
    for (site, r) in sites.into_iter().zip(roots) {
        match out.iter_mut().find(|(id, _)| *id == r) {
            Some((_, list)) => list.push(site),
            None => out.push((r, vec![site])),
        }
    }
    let mut out: Vec<Vec<SiteWithCoordinates>> = out.into_iter().map(|(_, l)| l).collect();
    out.sort_by_key(|l| std::cmp::Reverse(l.len()));
    out
}

/// The box around the sites: min lon, min lat, max lon, max lat.
fn bounds(sites: &[SiteWithCoordinates]) -> Option<(f64, f64, f64, f64)> {
    (!sites.is_empty()).then(|| {
        sites.iter().fold((180.0, 90.0, -180.0, -90.0), |b, m| {
            (
                f64::min(b.0, m.lon),
                f64::min(b.1, m.lat),
                f64::max(b.2, m.lon),
                f64::max(b.3, m.lat),
            )
        })
    })
}

fn area(b: (f64, f64, f64, f64)) -> f64 {
    (b.2 - b.0) * (b.3 - b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_parse_and_include_the_first_countries() {
        for code in ["kp", "kr", "ru", "cn"] {
            assert!(DETAILED.iter().any(|o| o.code == code), "{code}");
            assert!(COARSE.iter().any(|o| o.code == code), "{code}");
        }
    }

    #[test]
    fn clipping_keeps_what_is_inside() {
        let square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)];
        let c = clip(&square, 0.0, 0.0, 5.0, 5.0);
        assert!(
            c.iter()
                .all(|&(x, y)| (0.0..=5.0).contains(&x) && (0.0..=5.0).contains(&y)),
            "{c:?}"
        );
        assert_eq!(c.len(), 4);
        assert!(
            clip(
                &[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)],
                0.0,
                0.0,
                5.0,
                5.0
            )
            .is_empty()
        );
    }

    #[test]
    fn a_ring_across_the_antimeridian_is_not_a_band_across_the_map() {
        let points =
            unwrap([(170.0, 60.0), (-170.0, 60.0), (-170.0, 70.0), (170.0, 70.0)].into_iter());
        assert_eq!(points[1].0, 190.0);
        let ring = Ring {
            bbox: (170.0, 60.0, 190.0, 70.0),
            points,
        };
        let outline = Outline {
            code: "xx".into(),
            rings: vec![ring],
        };
        let (path, _) = land_paths(&View::world(), &[outline], None);
        // Drawn twice, each part at its own edge of the map; no segment crosses the map.
        assert_eq!(path.matches('M').count(), 2, "{path}");
        let xs: Vec<f64> = path
            .split(['M', 'L', 'Z'])
            .filter_map(|p| p.split(',').next()?.parse().ok())
            .collect();
        for part in path.split('M').filter(|p| !p.is_empty()) {
            let xs: Vec<f64> = part
                .split(['L', 'Z'])
                .filter_map(|p| p.split(',').next()?.parse().ok())
                .collect();
            let span = xs.iter().cloned().fold(f64::MIN, f64::max)
                - xs.iter().cloned().fold(f64::MAX, f64::min);
            assert!(span < 100.0, "{part}");
        }
        assert!(!xs.is_empty());
    }

    #[test]
    fn the_world_view_projects_plainly() {
        let v = View::world();
        assert_eq!(v.project(-180.0, 90.0), (0.0, 0.0));
        assert_eq!(v.project(0.0, 0.0), (480.0, 240.0));
    }
}
