# Memorial Atlas: the interface in English, the catalogue every other language follows.
# Fluent syntax (https://projectfluent.org). `$n` is a number already written as the language
# writes it; `$count` is the same number, for choosing the plural form.

## Every page

site-name = Memorial Atlas
page-title = { $title } — { $site }
skip-to-content = Skip to main content
nav-label = Main
nav-home = Home
nav-sites = Sites
nav-countries = Countries
nav-dates = Dates
nav-map = Map
nav-about = About
search-label = Site search
search-field = Search the atlas
search-placeholder = Search sites, places, names
search-button = Search
languages-label = Languages
not-translated = not translated yet
breadcrumb-label = Breadcrumb
build-errors-heading = The content has errors.
build-errors-text = This preview shows the last version that built. Fix these and save again:
footer-about = Memorial Atlas documents war memorial sites with their sources.
footer-policy = Editorial policy
footer-correction = Send a correction
footer-open-data = Open data
footer-subscribe = Subscribe:
footer-feed = Atom feed
footer-calendar = calendar of dates
feed-title = Memorial Atlas: recently added and checked sites
notice-untranslated = This entry has not been translated into this language yet: it is shown in English, as written.
notice-stale = This translation was made before the original entry last changed, on { $date }; it may not show the latest corrections.
draft = Draft

## Error pages

error-404-title = Page not found
error-404-text = There is no page at this address. It may have moved, or the address may be mistyped.
error-400-title = Bad request
error-405-title = Method not allowed
error-405-text = This site only answers requests to read its pages (GET and HEAD).
error-503-title = Temporarily unavailable
error-503-text = The site's data cannot be read at the moment. Please try again in a minute.
error-500-title = Something went wrong
error-500-text = The page could not be built. Please try again later.
error-status = Error { $status }.
error-try = Try one of these:
error-link-home = the home page
error-link-sites = the list of all sites
error-link-countries = the countries
error-not-understood = The request could not be understood.
error-bad-query = The address has a malformed query string ({ $detail }).
error-bad-filter = `{ $value }` is not a valid { $facet } filter. Valid values: { $valid }.
error-bad-sort = `{ $value }` is not a valid sort. Valid values: { $valid }.
error-bad-page = `page={ $page }` is not a page number: use a whole number from 1.
error-query-too-long = The search text is { $length } characters long; searches of up to { $max } characters are accepted. Use a few words from the name or place you are looking for.
error-too-long = The address is too long for this site.
error-headers-too-large = The request's headers are too large.
error-bad-encoding = The address has a malformed percent-encoding.
error-bad-utf8 = The address is not valid UTF-8 text.
error-leaves-site = The address tries to leave the site's folders.
error-query-utf8 = The query string is not valid UTF-8 text.
error-query-encoding = The query string has a malformed percent-encoding.

## The content's vocabularies: kinds, statuses, events, conflicts

kind-monument = Monument
kind-cemetery = Cemetery
kind-grave = Grave
kind-memorial-complex = Memorial complex
kind-museum = Museum
kind-plaque = Plaque
kind-street = Street
kind-park = Park
status-extant = Extant
status-destroyed = Destroyed
status-dismantled = Dismantled
status-planned = Planned
status-under-construction = Under construction
status-restoration-planned = Restoration planned
status-unknown = Unknown
event-built = Built
event-unveiled = Unveiled
event-opened = Opened
event-announced = Announced
event-groundbreaking = Groundbreaking
event-moved = Moved
event-damaged = Damaged
event-restored = Restored
event-renamed = Renamed
event-reburial = Reburial
event-dismantled = Dismantled
event-destroyed = Destroyed
event-other = Other
# An event in a sentence: "unveiled on 15 August 1947".
event-on = { $what ->
    [built] built on { $date }
    [unveiled] unveiled on { $date }
    [opened] opened on { $date }
    [announced] announced on { $date }
    [groundbreaking] ground broken on { $date }
    [moved] moved on { $date }
    [damaged] damaged on { $date }
    [restored] restored on { $date }
    [renamed] renamed on { $date }
    [reburial] reburial on { $date }
    [dismantled] dismantled on { $date }
    [destroyed] destroyed on { $date }
   *[other] an event on { $date }
}
event-on-date = on { $date }
conflict-second-world-war = Second World War
conflict-soviet-japanese-war = Soviet–Japanese War
conflict-russo-japanese-war = Russo-Japanese War
conflict-russian-invasion-of-ukraine = Russian invasion of Ukraine

## The site list

sites-heading-all = All sites
sites-heading-filtered = Sites
sites-title-filtered = Sites (filtered)
list-title-page = { $title }, page { $n }
sites-count = { $count ->
    [one] { $n } site
   *[other] { $n } sites
}
sites-match = { $count ->
    [one] { $n } site matches the filters.
   *[other] { $n } sites match the filters.
}
sites-total = { $count ->
    [one] { $n } site.
   *[other] { $n } sites.
}
sites-description = { $count ->
    [one] { $n } memorial site, cemetery or grave, with its sources.
   *[other] { $n } memorial sites, cemeteries and graves, each with its sources.
}
sites-description-filtered = { $count ->
    [one] { $n } memorial site matching { $filters }, with its sources.
   *[other] { $n } memorial sites matching { $filters }, each with its sources.
}
clear-filters = Clear all filters
filters-label = Filters
facet-country = Country
facet-kind = Kind
facet-status = Status
facet-conflict = Conflict
facet-date = Commemoration date
facet-selected = (selected; follow to remove)
sort-by = Sort by:
sort-name = name
sort-country = country and place
sort-established = date established
no-match = No site matches these filters.
sites-caption = Memorial sites with their place, kind and status
col-site = Site
col-place = Place
col-country = Country
col-kind = Kind
col-status = Status
col-established = Established
pager-label = Pages
pager-prev = Previous page
pager-next = Next page
pager-position = Page { $page } of { $pages }
more-sites = These are the first { $shown } of { $total } sites.
more-sites-link = { $label }, page by page

## A site's page

other-names = Names in other languages
site-meta = { $kind } in { $place }
facts = Facts
fact-country = Country
fact-locality = Locality
fact-region = Region
fact-kind = Kind
fact-status = Status
fact-established = Established
fact-removed = Removed
fact-honours = Honours
fact-conflicts = Conflicts
fact-burials = Burials
burials-total = { $n } buried in total
burials-known = { $n } known by name
burials-unknown = { $n } unknown
burials-military = { $n } military
fact-caretaker = Caretaker
fact-visiting = Visiting
fact-coordinates = Coordinates
coordinates-approximate = approximate: centre of { $place },
view-on-osm = view on OpenStreetMap
open-in-osm = open in OpenStreetMap
fact-osm = OpenStreetMap
fact-wikidata = Wikidata
fact-commemorated = Commemorated on
location-of = Location of { $title }
history = History
nearby-sites = Nearby sites
distance-same-town = in the same town
distance-about-km = about { $km } km
distance-km = { $km } km
sources = Sources
back-to-text = Back to the text
source-n = source { $n }
last-checked = Last checked
sentence-end = .
not-checked = Not yet checked against its sources.
suggest-correction = Suggest a correction
north = N
south = S
east = E
west = W
notes = Notes

## Dates

dates-title = Commemoration dates
dates-description = The days on which ceremonies are held at memorial sites, month by month, with the next time each falls.
dates-intro = The days on which wreaths are laid and ceremonies held at memorial sites, month by month.
dates-add-all = Add them all to your calendar
dates-today = What is commemorated today
dates-none = No commemoration dates have been entered yet.
month-none = No commemoration dates.
calendar-link-title = Commemoration dates (iCalendar)
next-label = next
days-until = { $count ->
    [0] today
    [1] tomorrow
   *[other] in { $n } days
}
date-description = { $title }, { $day }: the sites where it is commemorated.
date-title = { $title } ({ $day })
fact-date = Date
every-year = { $day } every year
observed-since = , observed since { $year }
fact-next = Next
add-to-calendar = add the dates to your calendar
fact-observed-in = Observed in
where-ceremonies = Where ceremonies are held
no-ceremonies = No site in the atlas lists ceremonies on this date yet.
all-sites-marking = { $count ->
    [one] The { $n } site that marks { $title }
   *[other] All { $n } sites that mark { $title }
}
anniversaries-on-date = On this date in the sites' histories
anniversaries-on-day = Anniversaries in the sites' histories
on-this-day-title = On this day: { $day }
other-days = Other days
no-date-on-day = No commemoration date in the atlas falls on { $day }.
see-calendar = See the calendar of all dates.
on-this-day-none = No commemoration date in the atlas falls on { $day }.
on-this-day-some = Commemorated on { $day }: { $titles }.
file-facts = { $size } ({ $gzip } compressed), changed

## Countries

countries-title = Countries
countries-description = The countries with memorial sites in the atlas, with how many each has.
countries-none = No countries have been entered yet.
other-names-country = Other names
country-map = Sites in { $country } with known coordinates.
country-map-none = No site in { $country } has been entered yet.
all-on-map = All sites on the map
country-sites-heading = Sites ({ $n })
country-no-sites = No sites in { $country } have been entered yet.
all-sites-in = { $count ->
    [one] The { $n } site in { $country }
   *[other] All { $n } sites in { $country }
}
dates-observed-in = Dates observed in { $country }
add-country-dates = Add these dates to your calendar
country-description = Memorial sites in { $country }: { $sites }.
calendar-of-country = Commemoration dates in { $country } (iCalendar)

## Map

map-title = Map of memorial sites
map-description = Memorial sites with coordinates from a source, on a map.
map-located = { $located } of { $total } sites have coordinates from a source and are shown here; follow a marker to its page.
map-others = The others are not on the map: the atlas enters a site's position only where a source gives it. They are all in
map-osm = For street-level detail, each site page links to
map-shown = The map shows { $shown } of them, in alphabetical order; for the rest, use the filters of
map-outlines = Country outlines: Natural Earth (public domain).
map-sites-heading = Sites on the map
map-caption-sites = { $count ->
    [one] { $n } site in { $countries }
   *[other] { $n } sites in { $countries }
}
map-legend-exact = the site's own position
map-legend-approximate = approximate: the centre of the site's town
map-legend-group = several sites in one town, listed on this page
map-marker-approximate = { $name } (position approximate: centre of the town)
map-marker-group = { $count ->
    [one] { $n } site in { $place }: see the list of it
   *[other] { $n } sites in { $place }: see the list of them
}
map-where = Map: where { $title } is
map-of-country = Map of the memorial sites in { $country }
map-of = Map of { $caption }
map-world-empty = World map: no site has coordinates yet
list-and = { $rest } and { $last }
country-title = Memorial sites in { $country }

## Home

home-description = A sourced register of war memorials, cemeteries and graves, with their commemoration dates.
home-lead = A register of war memorial sites — monuments, cemeteries, graves and museums — with every fact tied to its source. It begins with the memorials of the 1945 liberation of Korea and the memorials that Russia and North Korea are building now.
home-counts = { $count ->
    [one] { $n } site in { $countries } · { $dates } · { $sources } cited
   *[other] { $n } sites in { $countries } · { $dates } · { $sources } cited
}
countries-count = { $count ->
    [one] { $n } country
   *[other] { $n } countries
}
dates-count = { $count ->
    [one] { $n } commemoration date
   *[other] { $n } commemoration dates
}
sources-count = { $count ->
    [one] { $n } source
   *[other] { $n } sources
}
coming-up = Coming up
all-dates = All commemoration dates
recently-checked = Recently checked
checked = checked

## Open data

data-title = Open data
data-description = Every published site of the atlas as JSON, GeoJSON, CSV and JSON Lines, free to reuse under CC BY 4.0.
data-intro = Every published site in the atlas is also data, free to reuse under the
data-licence = Creative Commons Attribution 4.0 licence
data-credit = Credit “Memorial Atlas”, and cite the sources each site lists where you rely on a fact. Images keep their own licences.
data-downloads = Downloads
data-json = All sites as JSON
data-json-note = { $count ->
    [one] every field of every site ({ $n } site).
   *[other] every field of every site ({ $n } sites).
}
data-geojson = Sites with coordinates as GeoJSON
data-geojson-note = { $count ->
    [one] for maps and GIS tools ({ $n } site).
   *[other] for maps and GIS tools ({ $n } sites).
}
data-csv = All sites as CSV
data-csv-note = for spreadsheets; lists are joined with “; ”.
data-jsonl = All sites as JSON Lines
data-jsonl-note = one site per line, each with its stable id, address and updated day, for streaming tools.
data-languages = Each file holds every language of the atlas: the English words, and the title and summary of every translation (Russian, Korean, Chinese).
data-subscriptions = Subscriptions
data-feed-note = the sites most recently added or checked.
data-calendar-note = for any calendar app (iCalendar); each country's page offers the dates observed there.
data-sitemap = Sitemap
data-sitemap-note = every page in every language, with the day it last changed.
data-caching = The files change when the content does; each answers with an ETag and a Last-Modified date, so fetching again costs nothing when nothing changed, and an interrupted download can resume where it stopped (byte ranges). Browsers and tools that accept gzip or brotli get the compressed file. Drafts are never included.

## Search

search-title = Search: { $query }
search-description = Search the memorial sites, countries and commemoration dates of the atlas, in any language.
search-any-language = Search for a place, a name or a date, in any language
search-tips = Tips
search-tip-place = Search by place, by name in any script, or by whom a site honours, for example:
search-tip-words = Every word must appear; the start of a word is enough: Pyong finds Pyongyang. Words of one letter are left out when there are longer ones.
search-tip-browse = Or browse:
search-none = No results for “{ $query }”.
search-capped = The best of the first { $n } results for “{ $query }” are shown. Add a word or a place to narrow the search.
search-partial = { $count ->
    [one] { $n } result for “{ $query }”, with some of the words.
   *[other] { $n } results for “{ $query }”, with some of the words.
}
search-results = { $count ->
    [one] { $n } result for “{ $query }”.
   *[other] { $n } results for “{ $query }”.
}
search-no-results-help = Check the spelling, try fewer words, or browse
result-site = Site
result-country = Country
result-date = Commemoration date
result-page = Page
size-bytes = { $n } bytes
size-kb = { $n } kB
size-mb = { $n } MB

## Feed and calendars

feed-author = Memorial Atlas editors
calendar-name = Memorial Atlas: commemoration dates
calendar-name-country = Memorial Atlas: commemoration dates in { $country }
calendar-every-year = { $day } every year.
