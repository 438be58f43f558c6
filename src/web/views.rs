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
use crate::i18n::{I18n, collate};
use crate::lang::Lang;
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
    /// The interface of the page's language.
    pub t: I18n,
    /// The languages the page can be read in: every one for the lists, an entry's own and its
    /// translations' for an entry.
    pub languages: Vec<Lang>,
    /// Whether the page shows an entry's English words, the entry having no translation into
    /// the page's language: then it is not indexed and names the English page as canonical.
    pub fallback: bool,
    /// A notice above the content: not translated yet, or translated from an older version.
    pub notice: Option<String>,
}

impl Layout {
    pub fn new(t: I18n, title: &str, description: &str, path: Option<String>) -> Self {
        let site_name = t.t("site-name");
        let full = if title == SITE_NAME || title == site_name {
            site_name
        } else {
            t.with("page-title", &[("title", title), ("site", &site_name)])
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
            t,
            languages: Lang::ALL.to_vec(),
            fallback: false,
            notice: None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.t.lang
    }

    /// This page in `lang`: the same address under that language's prefix.
    pub fn in_lang(&self, lang: &Lang) -> String {
        lang.path(self.path.as_deref().unwrap_or("/"))
    }

    pub fn is_current(&self, lang: &Lang) -> bool {
        *lang == self.lang()
    }

    /// Whether the page is translated into `lang`.
    pub fn has(&self, lang: &Lang) -> bool {
        self.languages.contains(lang)
    }

    /// `hreflang` alternates (tag, absolute URL): every translated version, this one included,
    /// and `x-default` for the English page. None on a page that is not translated, which
    /// points to its original instead, nor on error pages.
    pub fn hreflang(&self) -> Vec<(&'static str, String)> {
        if self.fallback || self.languages.len() < 2 {
            return Vec::new();
        }
        let Some(path) = self.path.as_deref() else {
            return Vec::new();
        };
        let mut out: Vec<(&'static str, String)> = self
            .languages
            .iter()
            .map(|l| (l.tag(), self.absolute(&l.path(path))))
            .collect();
        out.push(("x-default", self.absolute(path)));
        out
    }

    /// `og:locale:alternate`: the other languages the page is translated into.
    pub fn other_locales(&self) -> Vec<&'static str> {
        if self.fallback {
            return Vec::new();
        }
        self.languages
            .iter()
            .filter(|l| **l != self.lang())
            .map(|l| l.og_locale())
            .collect()
    }

    /// Marks the page as showing an entry without a translation into its language.
    pub fn untranslated(mut self, languages: Vec<Lang>) -> Self {
        let lang = self.lang();
        if !lang.is_english() && !languages.contains(&lang) {
            self.fallback = true;
            self.robots = Some("noindex");
            self.notice = Some(self.t.t("notice-untranslated"));
        }
        self.languages = languages;
        self
    }

    /// Notes that the translation shown is older than its original's last change.
    pub fn stale(mut self, since: Option<NaiveDate>) -> Self {
        if let Some(d) = since {
            let day = self.t.date(d.year(), Some(d.month()), Some(d.day()));
            self.notice = Some(self.t.with("notice-stale", &[("date", &day)]));
        }
        self
    }

    /// The absolute URL of a path of this site.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// The canonical URL: this page's, or the English original's where the page only shows
    /// the original's words.
    pub fn canonical(&self) -> Option<String> {
        let path = self.path.as_deref()?;
        Some(if self.fallback {
            self.absolute(path)
        } else {
            self.absolute(&self.lang().path(path))
        })
    }

    /// Every JSON-LD block of the page, each safe to place inside `<script>`.
    pub fn json_ld(&self) -> Vec<String> {
        let mut blocks: Vec<serde_json::Value> = self.structured.clone();
        let path = self.path.as_deref().map(|p| self.lang().path(p));
        let heading = &self.heading;
        if let Some(trail) =
            super::seo::breadcrumbs(&self.base_url, &self.breadcrumbs, heading, path.as_deref())
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

    /// One more step of the trail, with a label of the content's (a country's name).
    pub fn crumb(mut self, label: &str, english_path: &str) -> Self {
        let path = self.lang().path(english_path);
        self.breadcrumbs.push((label.to_string(), path));
        self
    }

    pub fn section(mut self, section: &'static str) -> Self {
        self.section = section;
        self
    }

    /// The trail above the page's own title: (message id, English path) pairs from the home
    /// page down.
    pub fn crumbs(mut self, crumbs: &[(&str, &str)]) -> Self {
        let lang = self.lang();
        self.breadcrumbs = crumbs
            .iter()
            .map(|(id, p)| (self.t.t(id), lang.path(p)))
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

    /// "Sunday 9 May 2027", as the page's language writes a day with its weekday.
    pub fn long(&self, t: &I18n) -> String {
        let d = self.next;
        crate::i18n::format::weekday(t.lang, d.year(), d.month(), d.day())
    }

    /// "today", "tomorrow", "in 70 days".
    pub fn days_label(&self, t: &I18n) -> String {
        t.count("days-until", self.days)
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

    /// "39.0392° N, 125.7625° E" (the letters in the page's language).
    pub fn coordinates_label(&self, t: &I18n) -> Option<String> {
        let (lat, lon) = (self.latitude?, self.longitude?);
        Some(format!(
            "{:.4}° {}, {:.4}° {}",
            lat.abs(),
            t.t(if lat >= 0.0 { "north" } else { "south" }),
            lon.abs(),
            t.t(if lon >= 0.0 { "east" } else { "west" })
        ))
    }

    /// [`SiteView::attr_of`] for the `index`th entry of a list field: `event_notes[0]`.
    pub fn attr_of_nth(&self, t: &I18n, list: &str, index: &usize, rest: &str) -> &'static str {
        self.attr_of(t, &format!("{list}[{index}]{rest}"))
    }

    /// ` lang="en"` for a word of the entry that the page shows in English: the translation
    /// lacks it, or there is no translation.
    pub fn attr_of(&self, t: &I18n, field: &str) -> &'static str {
        let site = self.0.borrow();
        if site.summary.lang != t.lang || site.english.iter().any(|f| f == field) {
            t.english_attr()
        } else {
            ""
        }
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
    pub fn cite(&self, id: &str, t: &I18n) -> String {
        match self
            .sources
            .iter()
            .position(|s| s.id.as_deref() == Some(id))
        {
            Some(i) => format!(
                "<sup class=\"citation\"><a href=\"#source-{id}\" aria-label=\"{label}\">[{n}]</a></sup>",
                n = i + 1,
                label = crate::text::escape(&t.count("source-n", i as i64 + 1)),
            ),
            None => String::new(),
        }
    }

    /// The citation of the position's source, if it names one.
    pub fn coordinates_cite(&self, t: &I18n) -> String {
        self.facts
            .coordinates_source
            .as_deref()
            .map(|id| self.cite(id, t))
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

/// One address of the sitemap (its English path), its last modification day, and the languages
/// it is translated into (English first): each language's version is a `<url>` of its own,
/// listing all of them as alternates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapAddress {
    pub path: String,
    pub lastmod: Option<String>,
    pub langs: Vec<Lang>,
}

impl SitemapAddress {
    /// Whether the sitemap lists alternates: only an address in more than one language.
    pub fn has_alternates(&self) -> bool {
        self.langs.len() > 1
    }
}

/// The sitemap's addresses with their last modification day: the lists first (in every
/// language), then every entry's page.
pub fn sitemap_paths(entries: Vec<SitemapEntry>) -> Vec<SitemapAddress> {
    let lists = SITEMAP_LISTS;
    let mut out: Vec<SitemapAddress> = Vec::with_capacity(lists.len() + entries.len());
    out.extend(lists.iter().map(|p| SitemapAddress {
        path: p.to_string(),
        lastmod: None,
        langs: Lang::ALL.to_vec(),
    }));
    out.extend(entries.into_iter().map(|e| SitemapAddress {
        path: entry_url(e.kind, &e.key),
        lastmod: e.lastmod.map(|d| d.to_string()),
        langs: e.langs,
    }));
    out
}

/// Wraps each of `rows` for showing.
pub fn items<R, V>(rows: Vec<R>, view: impl Fn(R) -> V) -> Vec<V> {
    rows.into_iter().map(view).collect()
}

/// A stored body shown in `t`'s language: the words the renderer wrote into it for screen
/// readers ("source 2", "Notes", "Back to the text") in that language.
pub fn localize_body(html: &str, t: &I18n) -> String {
    if t.lang.is_english() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    const SOURCE: &str = "aria-label=\"source ";
    while let Some(i) = rest.find(SOURCE) {
        out.push_str(&rest[..i]);
        let after = &rest[i + SOURCE.len()..];
        let digits = after.find('"').unwrap_or(0);
        match after[..digits].parse::<i64>() {
            Ok(n) => {
                out.push_str("aria-label=\"");
                out.push_str(&crate::text::escape(&t.count("source-n", n)));
            }
            Err(_) => out.push_str(&rest[i..i + SOURCE.len() + digits]),
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out.replace(
        "aria-label=\"Back to the text\"",
        &format!(
            "aria-label=\"{}\"",
            crate::text::escape(&t.t("back-to-text"))
        ),
    )
    .replace(
        "aria-label=\"Notes\"",
        &format!("aria-label=\"{}\"", crate::text::escape(&t.t("notes"))),
    )
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

    /// "unveiled on 15 August 1947"; for an event of another kind with a note, "on 15 August
    /// 1947", which [`Anniversary::note`] follows.
    pub fn phrase(&self, t: &I18n) -> String {
        let d = self.event.date;
        let on = t.date(d.year, d.month, d.day);
        match (self.event.what.as_str(), &self.event.note) {
            ("other", Some(_)) => t.with("event-on-date", &[("date", &on)]),
            (what, _) => t.with("event-on", &[("what", what), ("date", &on)]),
        }
    }

    /// The note of an event of another kind, told after [`Anniversary::phrase`].
    pub fn note(&self) -> Option<&str> {
        match self.event.what.as_str() {
            "other" => self.event.note.as_deref(),
            _ => None,
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
    /// The language of the town's name.
    pub lang: Lang,
    pub sites: Vec<SiteItem>,
}

/// Sites by country and town, in the order of country name, town and title in `lang`'s
/// alphabetical order.
pub fn places(mut sites: Vec<SiteSummary>, lang: Lang) -> Vec<Place> {
    sites.sort_by(|a, b| {
        collate::compare(lang, &a.country_name, &b.country_name)
            .then_with(|| collate::compare(lang, &a.locality, &b.locality))
            .then_with(|| collate::compare(lang, &a.title, &b.title))
    });
    let mut out: Vec<Place> = Vec::new();
    for s in sites {
        let anchor = place_anchor(&s.country, &s.locality);
        match out.last_mut() {
            Some(p) if p.anchor == anchor => p.sites.push(SiteItem(s)),
            _ => out.push(Place {
                label: format!("{}, {}", s.locality, s.country_name),
                lang: s.lang,
                anchor,
                sites: vec![SiteItem(s)],
            }),
        }
    }
    out
}

/// Sites that share a locality, for the country page. (Anchors are made from the locality's
/// name as the page shows it, as the map's links to them are.)
pub struct LocalityGroup {
    /// The id a grouped marker of the country's map links to.
    pub anchor: String,
    pub locality: String,
    /// The language of the locality's name.
    pub lang: Lang,
    pub sites: Vec<SiteItem>,
}

/// Sites (in the order of their English locality, which the anchors are made from) grouped by
/// locality, the groups and the sites in each in `lang`'s alphabetical order.
pub fn group_by_locality(sites: Vec<SiteSummary>, lang: Lang) -> Vec<LocalityGroup> {
    let mut groups: Vec<LocalityGroup> = Vec::new();
    for s in sites {
        let anchor = place_anchor(&s.country, &s.locality);
        match groups.last_mut() {
            Some(g) if g.anchor == anchor => g.sites.push(SiteItem(s)),
            _ => groups.push(LocalityGroup {
                anchor,
                locality: s.locality.clone(),
                lang: s.lang,
                sites: vec![SiteItem(s)],
            }),
        }
    }
    if !lang.is_english() {
        groups.sort_by(|a, b| collate::compare(lang, &a.locality, &b.locality));
        for g in &mut groups {
            g.sites
                .sort_by(|a, b| collate::compare(lang, &a.title, &b.title));
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
    pub label: String,
    pub options: Vec<OptionView>,
}

/// One option of a filter: following its link applies it (or, when active, removes it).
pub struct OptionView {
    pub label: String,
    /// The language of the label: the page's, or English where it has no translation.
    pub lang: Lang,
    pub count: i64,
    pub url: String,
    pub active: bool,
}

pub struct SortView {
    pub label: String,
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
    pub fn distance(&self, t: &I18n) -> String {
        let whole = || t.number(self.km.round() as i64);
        if self.approximate {
            return if self.km < 1.0 {
                t.t("distance-same-town")
            } else {
                t.with("distance-about-km", &[("km", &whole())])
            };
        }
        let km = if self.km < 10.0 {
            crate::i18n::format::decimal(t.lang, self.km)
        } else {
            whole()
        };
        t.with("distance-km", &[("km", &km)])
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
    pub name: String,
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
    pub title_lang: Lang,
    pub snippet_html: String,
    /// The language of the text that matched.
    pub snippet_lang: Lang,
    pub kind_label: String,
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
    pub fn new(name: &'static str, facts: &crate::web::exports::FileFacts, t: &I18n) -> DataFile {
        let day = facts.modified.get(..10).unwrap_or_default();
        let label = NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map(|d| t.date(d.year(), Some(d.month()), Some(d.day())))
            .unwrap_or_else(|_| day.to_string());
        DataFile {
            name,
            size: file_size(facts.size, t),
            gzip_size: file_size(facts.gzip, t),
            changed: day.to_string(),
            changed_label: label,
        }
    }
}

/// A file's size in bytes as people read it: "812 bytes", "24 kB", "1.2 MB" (powers of 1,000),
/// the number written as the page's language writes it.
pub fn file_size(bytes: u64, t: &I18n) -> String {
    let n = |x: u64| t.number(i64::try_from(x).unwrap_or(i64::MAX));
    match bytes {
        0..1_000 => t.with("size-bytes", &[("n", &n(bytes))]),
        1_000..1_000_000 => t.with("size-kb", &[("n", &n((bytes + 500) / 1_000))]),
        _ => t.with(
            "size-mb",
            &[(
                "n",
                &crate::i18n::format::decimal(t.lang, bytes as f64 / 1e6),
            )],
        ),
    }
}

impl DataPage {
    /// The facts of the file called `name`, where it has been written.
    pub fn file(&self, name: &str) -> Option<&DataFile> {
        self.files.iter().find(|f| f.name == name)
    }
}
