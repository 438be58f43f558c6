-- The database is a build product of content/: it is rebuilt whole, never migrated.
PRAGMA foreign_keys = ON;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE countries (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    official_name TEXT,
    body_html     TEXT NOT NULL,
    body_text     TEXT NOT NULL,
    file          TEXT NOT NULL,
    lastmod       TEXT
);

CREATE TABLE country_names (
    code     TEXT NOT NULL REFERENCES countries(code),
    position INTEGER NOT NULL,
    lang     TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (code, lang)
);

CREATE TABLE dates (
    slug      TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    month     INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day       INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    since     INTEGER,
    body_html TEXT NOT NULL,
    body_text TEXT NOT NULL,
    file      TEXT NOT NULL,
    lastmod   TEXT
);

CREATE TABLE date_countries (
    date_slug TEXT NOT NULL REFERENCES dates(slug),
    position  INTEGER NOT NULL,
    code      TEXT NOT NULL REFERENCES countries(code),
    PRIMARY KEY (date_slug, code)
);

CREATE TABLE date_names (
    date_slug TEXT NOT NULL REFERENCES dates(slug),
    position  INTEGER NOT NULL,
    lang      TEXT NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (date_slug, lang)
);

CREATE TABLE sites (
    slug             TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    country          TEXT NOT NULL REFERENCES countries(code),
    locality         TEXT NOT NULL,
    region           TEXT,
    kind             TEXT NOT NULL,
    status           TEXT NOT NULL,
    established      TEXT,
    latitude         REAL,
    longitude        REAL,
    -- 'exact' or 'locality' (the town's centre), where there are coordinates.
    coordinates_precision TEXT,
    -- The site's facts that no query filters, sorts or indexes on (content::model::SiteFacts),
    -- as one JSON object: a new fact needs no column.
    facts            TEXT NOT NULL,
    description      TEXT NOT NULL,
    updated          TEXT,
    draft            INTEGER NOT NULL DEFAULT 0,
    file             TEXT NOT NULL,
    lastmod          TEXT
);
CREATE INDEX sites_country ON sites(country, locality, title);
CREATE INDEX sites_updated ON sites(updated DESC, title);
-- The maps' markers: located sites by title, in all and per country.
CREATE INDEX sites_located ON sites(title) WHERE latitude IS NOT NULL;
CREATE INDEX sites_located_country ON sites(country, title) WHERE latitude IS NOT NULL;
-- Everything the site index (site_index.rs) reads of a site, so that making it again after a
-- save in live preview reads this index, not every site's whole row.
CREATE INDEX sites_list ON sites(country, slug, title, locality, kind, status, established, draft);
-- The feed's order: most recently changed first.
CREATE INDEX sites_lastmod ON sites(lastmod IS NULL, lastmod DESC, title);

-- A site's body, apart from its fields: lists and counts scan `sites`, and kilobytes of text in
-- each row would make them read the whole body of every site. `id` is the site's rowid. The
-- body as plain text is in search_docs (kind 'site', key the slug), written once.
CREATE TABLE site_bodies (
    id        INTEGER PRIMARY KEY,
    body_html TEXT NOT NULL
);

-- Where the sites with coordinates are, for "nearby" and the maps: id is the site's rowid.
CREATE VIRTUAL TABLE site_locations USING rtree(id, min_lat, max_lat, min_lon, max_lon);

CREATE TABLE site_names (
    site     TEXT NOT NULL REFERENCES sites(slug),
    position INTEGER NOT NULL,
    lang     TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (site, lang)
);

CREATE TABLE site_conflicts (
    site     TEXT NOT NULL REFERENCES sites(slug),
    position INTEGER NOT NULL,
    conflict TEXT NOT NULL,
    PRIMARY KEY (site, conflict)
);
CREATE INDEX site_conflicts_conflict ON site_conflicts(conflict);

CREATE TABLE site_commemorations (
    site      TEXT NOT NULL REFERENCES sites(slug),
    position  INTEGER NOT NULL,
    date_slug TEXT NOT NULL REFERENCES dates(slug),
    PRIMARY KEY (site, date_slug)
);
CREATE INDEX site_commemorations_date ON site_commemorations(date_slug);

CREATE TABLE sources (
    site      TEXT NOT NULL REFERENCES sites(slug),
    position  INTEGER NOT NULL,
    id        TEXT,
    title     TEXT NOT NULL,
    publisher TEXT,
    url       TEXT,
    date      TEXT,
    PRIMARY KEY (site, position)
);

CREATE TABLE images (
    site     TEXT NOT NULL REFERENCES sites(slug),
    position INTEGER NOT NULL,
    file     TEXT NOT NULL,
    alt      TEXT NOT NULL,
    caption  TEXT,
    credit   TEXT,
    license  TEXT,
    width    INTEGER,
    height   INTEGER,
    PRIMARY KEY (site, position)
);

-- Every site's filters and sort orders, packed by `build` for the server to hold in memory
-- (see site_index.rs): one row.
CREATE TABLE site_index (
    id   INTEGER PRIMARY KEY,
    data BLOB NOT NULL
);

-- Old addresses of entries; `target` is the current address.
-- An old address of a site: the site's current address is made from its slug when serving.
CREATE TABLE aliases (
    path   TEXT PRIMARY KEY,
    site   TEXT NOT NULL REFERENCES sites(slug)
);

CREATE TABLE pages (
    slug      TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    summary   TEXT,
    description TEXT NOT NULL,
    draft     INTEGER NOT NULL DEFAULT 0,
    body_html TEXT NOT NULL,
    body_text TEXT NOT NULL,
    file      TEXT NOT NULL,
    lastmod   TEXT
);

-- Search: the documents as written (for results and snippets), and a full-text index over the
-- same text prepared for matching (CJK runs as overlapping bigrams, see search.rs). The index is
-- contentless: its rowid is search_docs.id.
CREATE TABLE search_docs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,      -- site, country, date or page
    key          TEXT NOT NULL,      -- the entry's slug or code
    lang         TEXT NOT NULL DEFAULT 'en', -- an original, or one of its translations
    title        TEXT NOT NULL,
    names        TEXT NOT NULL,
    place        TEXT NOT NULL,
    honours      TEXT NOT NULL,
    body         TEXT NOT NULL,
    draft        INTEGER NOT NULL DEFAULT 0,
    site_kind    TEXT,
    site_status  TEXT,
    country_name TEXT
);

CREATE INDEX search_docs_drafts ON search_docs(id) WHERE draft = 1;
-- An entry's documents, for a live preview that rewrites one entry (db/update.rs).
CREATE INDEX search_docs_entry ON search_docs(kind, key);

-- The full-text index itself (`search` and `search_titles`) is in search_schema.sql: a build
-- writes it into a file of its own on another thread, then copies it in (search_writer.rs).


-- The days of the month on which events of a site's history fell, for anniversaries: only events
-- dated to the day. The event itself is `facts.events[position]` of the site.
CREATE TABLE site_event_days (
    site     TEXT NOT NULL REFERENCES sites(slug),
    position INTEGER NOT NULL,
    month    INTEGER NOT NULL,
    day      INTEGER NOT NULL,
    PRIMARY KEY (site, position)
);
CREATE INDEX site_event_days_day ON site_event_days(month, day);

-- Translations (content/<kind>/<slug>.<lang>.md): the words of an entry in another language.
-- The facts stay in the original's row and are shared by every language. `words` is the JSON of
-- content::model::Words; `body_html` is empty where only the fields are translated so far.
-- `stale_since` is the day the original last changed, where the translation is older.
CREATE TABLE translations (
    kind        TEXT NOT NULL,      -- site, country, date or page
    key         TEXT NOT NULL,      -- the original's slug or code
    lang        TEXT NOT NULL,      -- ru, ko or zh
    title       TEXT NOT NULL,
    words       TEXT NOT NULL,
    description TEXT NOT NULL,
    body_html   TEXT NOT NULL,
    updated     TEXT,
    stale_since TEXT,
    draft       INTEGER NOT NULL DEFAULT 0,
    file        TEXT NOT NULL,
    lastmod     TEXT,
    -- A site's translated locality (also in `words`), which the site list sorts by.
    locality    TEXT,
    PRIMARY KEY (kind, key, lang)
) WITHOUT ROWID;
CREATE INDEX translations_lang ON translations(lang, kind);
-- What the site index reads of each translation (site_index.rs): read from this index alone,
-- not from rows that hold whole bodies.
CREATE INDEX translations_list ON translations(lang, kind, draft, key, title, locality);
