//! The data each template shows, and the small formatting helpers templates call.

use std::borrow::Borrow;
use std::ops::Deref;

use askama::Template;
use chrono::{Datelike, NaiveDate};

use super::assets;
use crate::content::model::{PartialDate, label, month_name, next_occurrence};
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
        Some(format!(
            "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"
        ))
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

/// Sites that share a locality, for the country page.
pub struct LocalityGroup {
    pub locality: String,
    pub sites: Vec<SiteItem>,
}

pub fn group_by_locality(sites: Vec<SiteSummary>) -> Vec<LocalityGroup> {
    let mut groups: Vec<LocalityGroup> = Vec::new();
    for s in sites {
        match groups.last_mut() {
            Some(g) if g.locality == s.locality => g.sites.push(SiteItem(s)),
            _ => groups.push(LocalityGroup {
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
}

impl Nearby {
    /// "3.2 km", "48 km", "1,204 km".
    pub fn distance(&self) -> String {
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
    pub svg: String,
    pub sites: Vec<SiteItem>,
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
