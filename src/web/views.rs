//! The data each template shows, and the small formatting helpers templates call.

use std::borrow::Borrow;
use std::ops::Deref;

use askama::Template;
use chrono::{Datelike, NaiveDate};

use super::assets;
use crate::content::model::{PartialDate, SiteEvent, Source, label, month_name, next_occurrence};
use crate::db::read::{
    CountryRow, Counts, DateRef, DateRow, EntryKind, PageRow, SiteDetail, SiteSummary, SitemapEntry,
};
use crate::urls;

pub use super::site_name::SITE_NAME;

/// What the base layout needs on every page.
pub struct Layout {
    /// The text of `<title>`.
    pub title: String,
    /// The page's own name, without the site's: for Open Graph and the breadcrumb trail.
    pub heading: String,
    pub description: String,
    /// The page's own path; `None` on error pages, which are not indexed.
    pub path: Option<String>,
    /// The public base URL, without a trailing slash, for absolute links.
    pub base_url: String,
    /// Which top-level section is current, for `aria-current` in the navigation.
    pub section: &'static str,
    pub stylesheet: &'static str,
    pub icon: &'static str,
    pub breadcrumbs: Vec<(String, String)>,
    /// Errors of the last failed rebuild (development mode only).
    pub build_errors: Option<String>,
    /// `og:type`: `website` for lists, `article` for entries.
    pub og_type: &'static str,
    /// Absolute URL of the entry's first image, for `og:image`.
    pub og_image: Option<String>,
    /// Structured data of the page itself (the breadcrumb trail is added to it).
    pub structured: Vec<serde_json::Value>,
    /// Alternate formats of the page (feeds, calendars): (MIME type, title, path).
    pub alternates: Vec<(&'static str, String, String)>,
    /// A `robots` meta value, for pages that should not be indexed.
    pub robots: Option<&'static str>,
}

impl Layout {
    pub fn new(title: &str, description: &str, path: Option<String>) -> Self {
        let full = if title == SITE_NAME {
            title.to_string()
        } else {
            format!("{title} — {SITE_NAME}")
        };
        Layout {
            title: full,
            heading: title.to_string(),
            description: description.to_string(),
            path,
            base_url: String::new(),
            section: "",
            stylesheet: assets::stylesheet_path(),
            icon: assets::icon_path(),
            breadcrumbs: Vec::new(),
            build_errors: None,
            og_type: "website",
            og_image: None,
            structured: Vec::new(),
            alternates: Vec::new(),
            robots: None,
        }
    }

    /// The absolute URL of a path of this site.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    pub fn canonical(&self) -> Option<String> {
        self.path.as_deref().map(|p| self.absolute(p))
    }

    /// Every JSON-LD block of the page, each safe to place inside `<script>`.
    pub fn json_ld(&self) -> Vec<String> {
        let mut blocks: Vec<serde_json::Value> = self.structured.clone();
        let path = self.path.as_deref();
        let heading = &self.heading;
        if let Some(trail) =
            super::seo::breadcrumbs(&self.base_url, &self.breadcrumbs, heading, path)
        {
            blocks.push(trail);
        }
        blocks.iter().map(super::seo::script_json).collect()
    }

    pub fn with_structured(mut self, value: serde_json::Value) -> Self {
        self.structured.push(value);
        self
    }

    pub fn article(mut self) -> Self {
        self.og_type = "article";
        self
    }

    pub fn alternate(mut self, mime: &'static str, title: &str, path: &str) -> Self {
        self.alternates
            .push((mime, title.to_string(), path.to_string()));
        self
    }

    pub fn section(mut self, section: &'static str) -> Self {
        self.section = section;
        self
    }

    /// The trail above the page's own title: (label, path) pairs from the home page down.
    pub fn crumbs(mut self, crumbs: &[(&str, &str)]) -> Self {
        self.breadcrumbs = crumbs
            .iter()
            .map(|(l, p)| (l.to_string(), p.to_string()))
            .collect();
        self
    }

    pub fn current(&self, section: &str) -> &'static str {
        if self.section == section {
            "page"
        } else {
            "false"
        }
    }
}

/// A date on the calendar with the next day it falls on.
pub struct Upcoming {
    pub date: DateItem,
    pub next: NaiveDate,
    pub days: i64,
}

impl Upcoming {
    pub fn new(date: DateRef, today: NaiveDate) -> Self {
        let next = next_occurrence(date.month, date.day, today);
        Upcoming {
            days: (next - today).num_days(),
            date: DateItem(date),
            next,
        }
    }

    pub fn iso(&self) -> String {
        self.next.format("%Y-%m-%d").to_string()
    }

    /// "Sunday 9 May 2027".
    pub fn long(&self) -> String {
        self.next.format("%A %-d %B %Y").to_string()
    }

    pub fn days_label(&self) -> String {
        match self.days {
            0 => "today".into(),
            1 => "tomorrow".into(),
            n => format!("in {n} days"),
        }
    }
}

/// A read-model row wrapped for showing, owned by a page or borrowed where code holds the row:
/// its fields read through, and the wrapper's methods add the links and labels. (The read
/// model itself says nothing of addresses or wording.)
macro_rules! view_of {
    ($(#[$doc:meta])* $view:ident, $row:ty) => {
        $(#[$doc])*
        pub struct $view<R = $row>(pub R);

        impl<R: Borrow<$row>> Deref for $view<R> {
            type Target = $row;
            fn deref(&self) -> &$row {
                self.0.borrow()
            }
        }
    };
}

view_of!(
    /// A commemoration date as pages link it.
    DateItem,
    DateRef
);

impl<R: Borrow<DateRef>> DateItem<R> {
    pub fn url(&self) -> String {
        urls::date(&self.slug)
    }

    /// "9 May".
    pub fn day_label(&self) -> String {
        format!("{} {}", self.day, month_name(self.month))
    }
}

view_of!(
    /// A commemoration date with its text, as its page and the calendars show it.
    DateEntry,
    DateRow
);

impl<R: Borrow<DateRow>> DateEntry<R> {
    pub fn date(&self) -> DateItem<&DateRef> {
        DateItem(&self.0.borrow().date)
    }
}

view_of!(
    /// A site as lists show it: its links and labels.
    SiteItem,
    SiteSummary
);

impl<R: Borrow<SiteSummary>> SiteItem<R> {
    pub fn url(&self) -> String {
        urls::site(&self.slug)
    }

    pub fn kind_label(&self) -> String {
        label(&self.kind)
    }

    pub fn status_label(&self) -> String {
        label(&self.status)
    }

    pub fn country_url(&self) -> String {
        urls::country(&self.country)
    }

    /// "Chongjin, North Hamgyong Province".
    pub fn place(&self) -> String {
        match &self.region {
            Some(r) => format!("{}, {r}", self.locality),
            None => self.locality.clone(),
        }
    }

    /// The day the site was last checked, shown as a date of the content ("22 November 2026").
    pub fn checked_on(&self) -> Option<PartialDate> {
        self.0.borrow().updated.map(whole_day)
    }
}

/// A day as a date known to the day, for showing it as the content's dates are shown.
fn whole_day(d: NaiveDate) -> PartialDate {
    PartialDate {
        year: d.year(),
        month: Some(d.month()),
        day: Some(d.day()),
    }
}

view_of!(
    /// A site with everything its page shows.
    SiteView,
    SiteDetail
);

impl<R: Borrow<SiteDetail>> SiteView<R> {
    pub fn summary(&self) -> SiteItem<&SiteSummary> {
        SiteItem(&self.0.borrow().summary)
    }

    pub fn commemorations(&self) -> impl Iterator<Item = DateItem<&DateRef>> {
        self.0.borrow().commemorations.iter().map(DateItem)
    }

    pub fn has_burials(&self) -> bool {
        !self.facts.burials.is_empty()
    }

    /// "39.0392° N, 125.7625° E".
    pub fn coordinates_label(&self) -> Option<String> {
        let (lat, lon) = (self.latitude?, self.longitude?);
        Some(format!(
            "{:.4}° {}, {:.4}° {}",
            lat.abs(),
            if lat >= 0.0 { "N" } else { "S" },
            lon.abs(),
            if lon >= 0.0 { "E" } else { "W" }
        ))
    }

    pub fn osm_map_url(&self) -> Option<String> {
        let (lat, lon) = (self.latitude?, self.longitude?);
        // A town's centre is shown with the town around it, not one street.
        let zoom = if self.precision.is_approximate() {
            12
        } else {
            16
        };
        Some(format!(
            "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={zoom}/{lat}/{lon}"
        ))
    }

    /// Whether the coordinates are the centre of the site's town rather than its own position.
    pub fn is_approximate(&self) -> bool {
        self.precision.is_approximate()
    }

    /// A link to the source with id `id`, numbered by its place in the list of sources: what an
    /// event or the position cites. Empty where no source has the id.
    pub fn cite(&self, id: &str) -> String {
        match self
            .sources
            .iter()
            .position(|s| s.id.as_deref() == Some(id))
        {
            Some(i) => format!(
                "<sup class=\"citation\"><a href=\"#source-{id}\" aria-label=\"source {n}\">[{n}]</a></sup>",
                n = i + 1
            ),
            None => String::new(),
        }
    }

    /// The citation of the position's source, if it names one.
    pub fn coordinates_cite(&self) -> String {
        self.facts
            .coordinates_source
            .as_deref()
            .map(|id| self.cite(id))
            .unwrap_or_default()
    }

    /// The id of a source's item in the list: its own `id`, else its number.
    pub fn source_anchor(&self, index: &usize, source: &Source) -> String {
        match &source.id {
            Some(id) => format!("source-{id}"),
            None => format!("source-{index}"),
        }
    }

    /// Where the body first cites a source, for the link back from the list of sources.
    pub fn first_citation(&self, source: &Source) -> Option<String> {
        let id = source.id.as_deref()?;
        let anchor = format!("cite-{id}");
        self.body_html
            .contains(&format!("id=\"{anchor}\""))
            .then_some(anchor)
    }

    pub fn osm_object_url(&self) -> Option<String> {
        self.facts.osm.as_ref().map(|o| urls::osm_object(o))
    }

    pub fn wikidata_url(&self) -> Option<String> {
        self.facts.wikidata.as_ref().map(|w| urls::wikidata(w))
    }
}

view_of!(
    /// A country as pages link it.
    CountryItem,
    CountryRow
);

impl<R: Borrow<CountryRow>> CountryItem<R> {
    pub fn url(&self) -> String {
        urls::country(&self.code)
    }
}

/// The address of an entry's page.
pub fn entry_url(kind: EntryKind, key: &str) -> String {
    match kind {
        EntryKind::Site => urls::site(key),
        EntryKind::Country => urls::country(key),
        EntryKind::Date => urls::date(key),
        EntryKind::Page => urls::page(key),
    }
}

/// The lists the sitemap names before its entries, with no date of their own.
pub const SITEMAP_LISTS: [&str; 6] = ["/", "/sites/", "/countries/", "/dates/", "/map/", "/data/"];

/// The sitemap's addresses with their last modification day: the lists first, then every
/// entry's page.
pub fn sitemap_paths(entries: Vec<SitemapEntry>) -> Vec<(String, Option<String>)> {
    let lists = SITEMAP_LISTS;
    let mut out: Vec<(String, Option<String>)> = Vec::with_capacity(lists.len() + entries.len());
    out.extend(lists.iter().map(|p| (p.to_string(), None)));
    out.extend(
        entries
            .into_iter()
            .map(|e| (entry_url(e.kind, &e.key), e.lastmod.map(|d| d.to_string()))),
    );
    out
}

/// Wraps each of `rows` for showing.
pub fn items<R, V>(rows: Vec<R>, view: impl Fn(R) -> V) -> Vec<V> {
    rows.into_iter().map(view).collect()
}

/// Formats a count with thousands separators: 1375 → "1,375".
pub fn thousands(n: &i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if *n < 0 { format!("-{out}") } else { out }
}

/// An event of a site's history that fell on the day a page is about.
pub struct Anniversary {
    pub site: SiteItem,
    pub event: SiteEvent,
}

impl Anniversary {
    pub fn new((site, event): (SiteSummary, SiteEvent)) -> Self {
        Anniversary {
            site: SiteItem(site),
            event,
        }
    }

    /// "unveiled on 15 August 1947"; an event of another kind by its note.
    pub fn phrase(&self) -> String {
        let on = self.event.date.human();
        match (self.event.what.as_str(), &self.event.note) {
            ("other", Some(note)) => format!("on {on}: {note}"),
            ("other", None) => format!("an event on {on}"),
            (what, _) => format!("{what} on {on}"),
        }
    }
}

/// One region's map on the map page.
pub struct RegionMap {
    /// "19 sites in North Korea and China"; empty for the world map of an atlas with no located
    /// site.
    pub caption: String,
    pub svg: String,
}

/// The id of a place's list of sites on a page, which a grouped marker links to.
pub fn place_anchor(country: &str, locality: &str) -> String {
    format!(
        "place-{country}-{}",
        crate::content::markdown::slugify(locality)
    )
}

/// The sites of one town, listed under the map that groups them in one marker.
pub struct Place {
    pub anchor: String,
    pub label: String,
    pub sites: Vec<SiteItem>,
}

/// Sites by country and town, in the order of country name, town and title.
pub fn places(mut sites: Vec<SiteSummary>) -> Vec<Place> {
    sites.sort_by(|a, b| {
        (&a.country_name, &a.locality, &a.title).cmp(&(&b.country_name, &b.locality, &b.title))
    });
    let mut out: Vec<Place> = Vec::new();
    for s in sites {
        let anchor = place_anchor(&s.country, &s.locality);
        match out.last_mut() {
            Some(p) if p.anchor == anchor => p.sites.push(SiteItem(s)),
            _ => out.push(Place {
                label: format!("{}, {}", s.locality, s.country_name),
                anchor,
                sites: vec![SiteItem(s)],
            }),
        }
    }
    out
}

/// Sites that share a locality, for the country page.
pub struct LocalityGroup {
    /// The id a grouped marker of the country's map links to.
    pub anchor: String,
    pub locality: String,
    pub sites: Vec<SiteItem>,
}

pub fn group_by_locality(sites: Vec<SiteSummary>) -> Vec<LocalityGroup> {
    let mut groups: Vec<LocalityGroup> = Vec::new();
    for s in sites {
        match groups.last_mut() {
            Some(g) if g.locality == s.locality => g.sites.push(SiteItem(s)),
            _ => groups.push(LocalityGroup {
                anchor: place_anchor(&s.country, &s.locality),
                locality: s.locality.clone(),
                sites: vec![SiteItem(s)],
            }),
        }
    }
    groups
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub layout: Layout,
    pub counts: Counts,
    pub upcoming: Vec<Upcoming>,
    pub countries: Vec<CountryItem>,
    pub recent: Vec<SiteItem>,
}

#[derive(Template)]
#[template(path = "sites.html")]
pub struct SitesPage {
    pub layout: Layout,
    pub sites: Vec<SiteItem>,
    pub total: i64,
    pub facets: Vec<FacetView>,
    pub sorts: Vec<SortView>,
    pub filtered: bool,
    pub clear_url: String,
    pub pager: Pager,
}

impl SitesPage {
    /// Whether any site listed has a date established: a column empty in every row is left out.
    pub fn shows_established(&self) -> bool {
        self.sites.iter().any(|s| s.established.is_some())
    }
}

/// A filter of the site list with its options.
pub struct FacetView {
    pub param: &'static str,
    pub label: &'static str,
    pub options: Vec<OptionView>,
}

/// One option of a filter: following its link applies it (or, when active, removes it).
pub struct OptionView {
    pub label: String,
    pub count: i64,
    pub url: String,
    pub active: bool,
}

pub struct SortView {
    pub label: &'static str,
    pub url: String,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "site.html")]
pub struct SitePage {
    pub layout: Layout,
    pub site: SiteView,
    pub correction_url: String,
    pub nearby: Vec<Nearby>,
    /// The locator map, as inline SVG markup built from escaped parts.
    pub map: Option<String>,
}

/// Another site near this one.
pub struct Nearby {
    pub site: SiteItem,
    pub km: f64,
    /// Whether either position is only a town's centre, so that the distance is approximate.
    pub approximate: bool,
}

impl Nearby {
    /// "3.2 km", "48 km", "1,204 km"; between approximate positions "about 48 km", or "in the
    /// same town" where both are one town's centre.
    pub fn distance(&self) -> String {
        if self.approximate {
            return if self.km < 1.0 {
                "in the same town".to_string()
            } else {
                format!("about {} km", thousands(&(self.km.round() as i64)))
            };
        }
        if self.km < 10.0 {
            format!("{:.1} km", self.km)
        } else {
            format!("{} km", thousands(&(self.km.round() as i64)))
        }
    }
}

#[derive(Template)]
#[template(path = "countries.html")]
pub struct CountriesPage {
    pub layout: Layout,
    pub countries: Vec<CountryItem>,
}

#[derive(Template)]
#[template(path = "country.html")]
pub struct CountryPage {
    pub layout: Layout,
    pub country: CountryRow,
    pub groups: Vec<LocalityGroup>,
    pub dates: Vec<DateEntry>,
    pub correction_url: String,
    pub map: Option<String>,
}

impl CountryPage {
    /// How many sites the page lists: at most `LIST_LIMIT`.
    pub fn shown(&self) -> usize {
        self.groups.iter().map(|g| g.sites.len()).sum()
    }
}

/// The most sites a country's or a date's page lists; past this it links to the site list,
/// which pages through them all. (A page of thousands of sites is megabytes on a slow link.)
pub const LIST_LIMIT: u32 = 200;

#[derive(Template)]
#[template(path = "dates.html")]
pub struct DatesPage {
    pub layout: Layout,
    pub months: Vec<Month>,
}

impl DatesPage {
    pub fn is_empty(&self) -> bool {
        self.months.iter().all(|m| m.dates.is_empty())
    }
}

/// One month of the year calendar.
pub struct Month {
    pub number: u32,
    pub name: &'static str,
    pub dates: Vec<(DateEntry, Upcoming)>,
}

#[derive(Template)]
#[template(path = "map.html")]
pub struct MapPage {
    pub layout: Layout,
    /// One map per region of sites, each framing its own.
    pub maps: Vec<RegionMap>,
    /// The sites on the map by place, each place with the id its grouped marker links to.
    pub places: Vec<Place>,
    pub located: i64,
    /// How many of the located sites are drawn (at most `map::MAX_MARKERS`).
    pub shown: i64,
    pub total: i64,
}

#[derive(Template)]
#[template(path = "on_this_day.html")]
pub struct OnThisDayPage {
    pub layout: Layout,
    pub day_label: String,
    pub dates: Vec<(DateEntry, Vec<SiteItem>)>,
    /// Events of sites' histories on this day in earlier years.
    pub anniversaries: Vec<Anniversary>,
    pub prev_url: String,
    pub prev_label: String,
    pub next_url: String,
    pub next_label: String,
}

#[derive(Template)]
#[template(path = "date.html")]
pub struct DatePage {
    pub layout: Layout,
    pub date: DateEntry,
    pub next: Upcoming,
    pub sites: Vec<SiteItem>,
    /// Events of sites' histories that fell on this date in earlier years.
    pub anniversaries: Vec<Anniversary>,
    pub correction_url: String,
}

#[derive(Template)]
#[template(path = "page.html")]
pub struct ContentPage {
    pub layout: Layout,
    pub page: PageRow,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: Layout,
    pub status: u16,
    pub heading: String,
    pub message: String,
}

/// One search result as the page shows it; the HTML fields are escaped, with `<mark>` added.
pub struct SearchResult {
    pub url: String,
    pub title_html: String,
    pub snippet_html: String,
    pub kind_label: &'static str,
    pub site_kind: Option<String>,
    pub site_status: Option<String>,
    pub status_label: Option<String>,
    pub place: Option<String>,
    pub draft: bool,
}

/// Links to the other pages of a paged list.
pub struct Pager {
    pub page: u32,
    pub pages: u32,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    pub fn new(page: u32, total: i64, per_page: u32, link: impl Fn(u32) -> String) -> Self {
        let pages = u32::try_from(total.max(0))
            .unwrap_or(u32::MAX)
            .div_ceil(per_page)
            .max(1);
        Pager {
            page,
            pages,
            prev: (page > 1).then(|| link(page - 1)),
            next: (page < pages).then(|| link(page + 1)),
        }
    }

    pub fn is_needed(&self) -> bool {
        self.pages > 1
    }
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub layout: Layout,
    pub query: String,
    pub total: i64,
    pub partial: bool,
    pub hits: Vec<SearchResult>,
    pub pager: Pager,
    pub capped: bool,
}

#[derive(Template)]
#[template(path = "data.html")]
pub struct DataPage {
    pub layout: Layout,
    pub sites: i64,
    pub located: i64,
    /// Each open-data file, by its name (`sites.json`).
    pub files: Vec<DataFile>,
}

/// What a reuser wants to know of a download before fetching it.
pub struct DataFile {
    pub name: &'static str,
    pub size: String,
    pub gzip_size: String,
    /// The day its content last changed, ISO and in words.
    pub changed: String,
    pub changed_label: String,
}

impl DataFile {
    pub fn new(name: &'static str, facts: &crate::web::exports::FileFacts) -> DataFile {
        let day = facts.modified.get(..10).unwrap_or_default();
        let label = NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map(|d| d.format("%-d %B %Y").to_string())
            .unwrap_or_else(|_| day.to_string());
        DataFile {
            name,
            size: file_size(facts.size),
            gzip_size: file_size(facts.gzip),
            changed: day.to_string(),
            changed_label: label,
        }
    }
}

/// A file's size in bytes as people read it: "812 bytes", "24 kB", "1.2 MB" (powers of 1,000).
pub fn file_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} kB", (bytes + 500) / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

impl DataPage {
    /// The facts of the file called `name`, where it has been written.
    pub fn file(&self, name: &str) -> Option<&DataFile> {
        self.files.iter().find(|f| f.name == name)
    }
}
