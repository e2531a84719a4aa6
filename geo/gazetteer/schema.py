"""The SQLite layout of the gazetteer index (one file, no server; read-only at run time)."""

SCHEMA_VERSION = 6  # 2: places(lat) index for reverse geocoding; 3: ISO 3166-2 codes of admin-1 units;
# 4: alternate names in every script, ISO 3166-1 alpha-2/alpha-3 country codes; 5: places.names (how well known);
# 6: english_words (how common a word is in English, without importing wordfreq at run time)

# The columns the builders write; places.names is counted from the names table after them.
BUILT_PLACE_COLUMNS = (
    "(id, geonameid, name, fcode, country, admin1, lat, lon, population, source, geometry, note)"
)

SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY,      -- GeoNames id where the source has one; negative for our supplement
    geonameid INTEGER,
    name TEXT NOT NULL,
    fcode TEXT NOT NULL,         -- GeoNames feature code (PCLI, ADM1, ADM2, PPLC, PPL, SEA, RGN, RDCR, ...)
    country TEXT NOT NULL,       -- ISO 3166-1 alpha-2, '' for places across countries
    admin1 TEXT NOT NULL,        -- GeoNames admin-1 code such as 'US.CA'
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL,
    source TEXT NOT NULL,
    geometry TEXT,               -- WKT for lines and areas we author; NULL for points
    note TEXT,                   -- provenance or status note
    names INTEGER NOT NULL DEFAULT 0  -- its number of names (all scripts and kinds): how widely known it is
);
CREATE TABLE names (
    key TEXT NOT NULL,           -- geo.normalize.normalize_name(name)
    place_id INTEGER NOT NULL,
    kind INTEGER NOT NULL,       -- 0 primary, 1 official name or alias, 2 alternate name
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE TABLE codes (code TEXT PRIMARY KEY, admin1 TEXT NOT NULL);  -- ISO 3166-2 ('US-OR', 'CA-ON') → 'US.OR'
CREATE TABLE country_codes (code TEXT PRIMARY KEY, country TEXT NOT NULL);  -- 'USA', 'US' → 'US'
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- wordfreq's English words of frequency (share of words) 0.99e-6 or more: geo.normalize.common_in_english
CREATE TABLE english_words (word TEXT PRIMARY KEY, frequency REAL NOT NULL) WITHOUT ROWID;
"""
