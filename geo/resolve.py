"""Toponym resolution: one place per mention, with a score and the runners-up.

Order of evidence, strongest first: how the name matches (primary name > official name/alias > alternate name),
what the place is (our curated areas > country > capital > admin-1 > city > district), its population, then the
document: countries and admin-1 regions named by the *other* names (including demonyms and the dateline; a name is
no evidence for its own reading, and an admin-1 unit of a country no other name points to is seldom meant), and
"X, Y" parent patterns ("Paris, Texas"), and nearness to the other places of the document (a local paper's
"Paris" is the Paris near its other towns).

A name the gazetteer does not know (a street, a building, a neighbourhood) is placed approximately: at a place
its name contains that the article also names ("Manila Cathedral" → Manila), else, for a national institution,
at the country, continent or admin-1 unit its first word names ("European Commission", "Mexican Senate",
"Colorado State University"), else at the town the article names nearest before it (else after it; unsure readings
outside the article's admin-1 regions last; else the nearest region, then country). So is a name whose only reading
is a small town far from everything else the article names. Such resolutions say so (``via``) and score low.

A :class:`Fallback` geocoder (off by default; ``--geocoder`` passes the online service of :mod:`geo.online`) is
consulted last, for the names the offline index could not place or placed only approximately: its answer becomes the
resolution (``via="geocoder"``), made before the document is finished.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Generic, Protocol, TypeVar

import numpy as np

from geo.calibration import MAX_MARGIN, load_calibration
from geo.gazetteer.index import Gazetteer
from geo.model import UNIT_HOLDS_TOWN_KM, Candidate, Mention, Resolution, Via, great_circle_km
from geo.normalize import SPELLING_SIMILARITY, census_names, common_in_english, normalize_name
from geo.placestring import (
    APPOSITION,
    APPOSITION_FILLER,
    FEATURE_WORDS,
    LIST_GAP,
    NATURAL_GENERIC,
    OFFICIAL_NAME,
    POSSESSIVE_TRUST,
    POSTAL_COUNTRIES,
    PRESS_ONLY,
    STATE_ABBREVIATION,
    TOWN_NOUN,
    Qualifier,
    QualifierReader,
    official_core,
    official_name,
    official_readings,
    said_before,
    tells_of_the_past,
)

INFER_FROM_TOWNS = 0.97  # only a town read with this much tells the document's country and admin-1 unit
NEARBY_SCORE = 0.25  # an unknown name shown at the nearest named place: where it is, roughly
PART_SCORE = 0.5  # an unknown name containing a place the article names
AIRPORT_TOWN_POPULATION = 50_000  # "Titograd airport": an airport named for a town this big is at the town
_AIRPORT_NAME = re.compile(r"(.+?)(?: [Ii]nternational)? (?:[Aa]irport|[Aa]irfield)")
# A town this many times smaller than the biggest of its name gets no country context from a demonym alone: "Canadian
# firefighters arrived in Sydney" (Nova Scotia's 106,000 against 5.6 million), "the city's Russian-installed mayor"
# of Donetsk (Rostov's 51,000 against Ukraine's 900,000) — people abroad as often as a story at home.
DEMONYM_NAMESAKE_SHARE = 10
# A town this many times smaller than a city of this many people of its name abroad is not pulled to its own country
# by the country's name alone, unless it lies this near (proximity points) the article's other places (see
# _village_of_a_city_abroad)
CITY_ABROAD_SHARE = 10
CITY_ABROAD_POPULATION = 500_000
CITY_ABROAD_NEAR = 1.5
CITY_ABROAD_VILLAGE = 100_000  # … and only a town smaller than this
# What singles a town out beyond its country's name (the text's and the document's points)
# ", a ", ", the once-mighty ": the opening of an apposition right after a name, up to a demonym
_APPOSITION_BEFORE = re.compile(r"\w,\s(?:a|an|the)\s(?:[\w-]+\s){0,2}$")
MINOR_NAMESAKE_SHARE = (
    100  # a town this many times smaller than a major city of its name is a minor namesake …
)
MINOR_NAMESAKE_PROXIMITY = (
    0.3  # … whose nearness to the article's places counts this much (without its state named)
)
COUNTY_SHARE = 0.3  # a county reading this likely (first or second) speaks for the towns in it
OUTSIDE_QUALIFIER_TOWN = (
    50_000  # … and only for a namesake town smaller than this (a town the index may lack)
)
# The qualifier ends its phrase: "Lyme, Connecticut." / ", on Friday" — not "In Moscow, Ukraine said".
_QUALIFIER_ENDS = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:and|or)\s")
_STATE_ABBREVIATION = re.compile(STATE_ABBREVIATION)  # "VT", "Vt.", "N.H."
OUTSIDE_QUALIFIER_SURE = (
    0.5  # "Lyme, Connecticut" is placed in Connecticut only when "Connecticut" is read this surely
)
# What says a name is a unit's, right after it: "central Sao Paulo, Brazil's top cane region", "central Cordoba,
# Argentina's second-biggest grain province", "central Buenos Aires, the country's breadbasket".
_UNIT_APPOSITION = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,5}?(?:region|province|state|breadbasket|heartland|farm belt|"
    r"grain belt|countryside)\b"
)
CENTRE_CITY_POPULATION = (
    1_000_000  # "central X" of a city this big (or a capital) is its centre, not its province …
)
CENTRE_UNIT_KM = (
    500.0  # … when the unit of its name lies this near it (the unit's point; Buenos Aires: 265 km)
)
REMOTE_TOWN_POPULATION = 100_000  # below this, a town far from the article's places is doubtful …
LONE_REMOTE_POPULATION = 5_000  # … and a town this small even when it is its name's only reading
REMOTE_PROXIMITY = 0.3  # … when its proximity bonus is under this (no named place within ≈ 450 km)
REMOTE_KNOWN_NAMES = (
    20  # … and fewer names than this in the gazetteer, unless its name is a word or abbreviation
)
HOST_LEVEL = {"PPL": 0, "ADM2": 1, "ADM1": 2, "PCLI": 3}  # towns first: the finest place is the best guess
MAX_ALTERNATIVES = 4
# Names whose fixed points the resolver remembers between documents (then it starts over): a few MB at most, and
# more than the distinct names of LGL's 588 articles (≈ 3,000).
PRIOR_MEMORY = 8_192
NAMESAKE_TOWN = (
    100_000  # a town this big under its own name is what the name means, not another city's old name
)
OLD_NAME_POPULATION = 20_000  # a town this big or more gets old_name points (see _old_name_points)
# An admin-1 unit this many times a town of its name, in its country, is what the name means …
UNIT_OVER_TOWN = 100
# A province this many times the size of its namesake city that also goes by "X City" is what the bare name means
CITY_SUFFIX_UNIT_LEAD = 10
_TOWN_SINGLED_OUT = (
    "qualifier",
    "in_county",
    "dateline",
    "town_word",
)  # … unless the text singles out the town
# … or a place near it; and, for a village of a big city's name abroad, its country's body or words
_TOWN_PLACED = (*_TOWN_SINGLED_OUT, "relative_place")
_SINGLING_OUT = (*_TOWN_PLACED, "national_body", "country_cue")
MAJOR_CITY_LEAD = (
    8  # a city by another name this many times the biggest town whose own name it is (_major_city)
)
NAMES_LEAD = 3  # … and with this many times its names in the gazetteer (translations, old names)
KNOWN_NAMES = 30  # a town with this many names in the gazetteer (translations, old names) is widely known …
OBSCURE_NAMES = 10  # … and one with fewer than this is little known
CAPITAL_BESIDE_KM = (
    400.0  # a capital of a unit's name this near its point is the name's city ("Buenos Aires")
)
HOST_SURE = 0.5  # a host read with less, outside the article's admin-1 regions, comes after the others
ITERATIONS = 2  # further passes with the context and anchors of the previous one, while the readings change
MAYBE_KM = 100.0  # a "maybe" mention is a place when one of its readings lies this near …
MAYBE_UNIT_POPULATION = 1_000  # … or a town this big in a state or province the article names (NER's person)
# What a person does right after the name: NER's person is one ("Bellingham scored twice", "Gore said")
_A_PERSON_DID = re.compile(
    r",? (?:\w+ly )?(?:said|says|told|added|scored|won|wins|lost|played|signed|joined|denied|admitted|insisted|"
    r"argued|wrote|sang|starred|married|resigned|died|who|whose)\b"
)
MAYBE_ANCHOR = 0.6  # … a place the article names with at least this confidence
ANCHORLESS = ("PCLI", "CONT")
# Features so large that their point says nothing of where in them a town is: like countries, they anchor only seas
# and regions ("the Appalachians" must not pull a "Washington Square" to the range's middle in Pennsylvania).
BROAD_FEATURES = ("MTS", "DSRT", "PLAT", "OCN", "SEA", "RF")
PREFIX_FCODES = ("PCLI", "CONT", "ADM1")
FALLBACK_SCORE = 0.5  # a fallback geocoder's answer: one reading, not ranked against any other
INSTITUTIONS = frozenset(
    "agency army assembly authority bank cabinet college commission committee congress council court department "
    "government ministry navy parliament police reserve senate state university".split()
)


def _default_features() -> Mapping[str, float]:
    return MappingProxyType({"PCLI": 3.2, "PPLC": 3.0, "CONT": 2.6, "ADM1": 2.0, "PPL": 0.0, "ADM2": -0.6})


# What each evidence term says, for readers (the place card's "why"); terms absent here are the priors.
EVIDENCE_LABELS = {
    "qualifier": "named with its state or country (“X, Y”)",
    "contains": "contains the place named just before it (“X, Y”)",
    "admin_word": "called a state, province or region in the text, or its governor or premier named",
    "dateline": "the place of the dateline",
    "country_context": "its country is named elsewhere in the article",
    "country_cue": "the article names its country's currency or institutions (“NHS”, “RCMP”, “₹”)",
    "national_body": "its country's police or service is named after it (“Kingston Mounties”)",
    "admin1_context": "its state or province is named elsewhere in the article",
    "list_peer": "listed with places of its kind",
    "relative_place": "said to lie near a place the text names (“X, south of Y”)",
    "proximity": "near other places the article names",
    "holds_city": "holds a city the article names",
    "in_county": "in a county the article names",
    "town_word": "called a city, town or port in the text",
    "major_city": "a major city, by an old or other name",
    "old_name": "a town by its old name, in a sentence of history",
}


def explain(resolution: Resolution) -> list[str]:
    """Reader-facing reasons for a resolution, strongest first: what the article said for the chosen place.

    >>> explain(Resolution(Mention(0, 5, "Paris", "ner"), None, evidence={"qualifier": 8.0}))
    ['named with its state or country (“X, Y”)']
    """
    said = sorted(
        ((p, t) for t, p in resolution.evidence.items() if p > 0 and t in EVIDENCE_LABELS), reverse=True
    )
    return [EVIDENCE_LABELS[t] for _, t in said]


_DATA_DIR = resources.files("geo") / "data"  # authored word lists: package data (geo/data links to data/)
_NAME_GOES_ON = re.compile(r" ([A-Z][a-z]+)")
# Common words that go on a name rather than name its things: "Far East", "Los Angeles"-like compounds.
_NAME_WORDS = frozenset("East West North South Central Upper Lower New Old Great Little Grand Saint".split())
# A feature or unit named after the city before it: "the Pasig River", "Kiev Oblast".
_FEATURE_WORDS = FEATURE_WORDS | frozenset(
    "Mountain Gulf Canal Plain Plains Dam Reservoir Sea Oblast Region Province Governorate Prefecture District "
    "County".split()
)


def _uncut(text: str, mention: Mention, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """One word of a longer name that only other places' alternate names match keeps only the readings spelt like
    it: "Campi" of "Campi Flegrei" is no Las Vegas, "Los" of "Los Feliz" no Lagos — such a name is one the gazetteer
    does not know, placed approximately like any unknown name — while "Valdai" of "Valdai Discussion Club" stays
    Valday (a spelling, ``SPELLING_SIMILARITY``), "Gwinnett" of "Gwinnett Medical Center" its county, "Pasig" of
    "the Pasig River" its city (a feature named after it) and "Kiev" of "Kiev Region" or "Peking University" its
    city (a common English word goes on: ``COMMON_WORD_ZIPF``)."""
    if (
        " " in mention.text
        or mention.demonym_of
        or not candidates
        or any(c.name_kind <= 1 for c in candidates)
        or not (goes_on := _NAME_GOES_ON.match(text, mention.end))
        or goes_on.group(1) in _FEATURE_WORDS
        # an English word goes on: the city's thing ("Kiev Region", "Peking University", "Bangalore Traffic Police")
        or (goes_on.group(1) not in _NAME_WORDS and common_in_english(goes_on.group(1)))
    ):
        return candidates
    from rapidfuzz.fuzz import ratio

    key = normalize_name(mention.text)
    return tuple(
        c
        for c in candidates
        if normalize_name(c.name).startswith(key + " ")
        or ratio(key, normalize_name(c.name)) >= SPELLING_SIMILARITY
    )


@lru_cache(maxsize=1)
def _country_cue_table() -> Mapping[str, tuple[tuple[str, ...], str]]:
    """Each cue of data/country_cues.csv: its countries, and what voids it when the text says it too ("" none)."""
    import csv

    lines = (_DATA_DIR / "country_cues.csv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if line.strip() and not line.startswith("#"))
    return MappingProxyType(
        {row["cue"]: (tuple(row["country"].split()), row.get("unless") or "") for row in rows}
    )


def _cue_at(text: str, start: int, cue: str) -> bool:
    """Whether *cue* found at *start* stands as written: a whole word ("NHS", not "NHSX"), a sign before a digit
    ("£2m", not "E£20", Egypt's pound)."""
    end = start + len(cue)
    if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return False  # inside a word, or a sign of another currency ("E£20": Egypt's pound)
    if not cue[-1].isalnum():
        return end < len(text) and text[end].isdigit()
    return end == len(text) or not (text[end].isalnum() or text[end] == "_")


def country_cues(text: str) -> dict[str, list[str]]:
    """Country (ISO alpha-2) → the cues of data/country_cues.csv that *text* says: words that place a story in one
    country without naming a place ("Weymouth council tax will rise, the NHS trust said" → ``{"GB": ["NHS",
    "council tax"]}``); a cue the text voids is not said ("£" beside a dollar sum: British news of a US story). Each
    cue is looked for with ``str.find`` (one C scan per cue: a pattern of every cue tried them all at each
    character, 20 × slower)."""
    found: dict[str, list[str]] = {}
    for cue, (countries, unless) in _country_cue_table().items():
        at = text.find(cue)
        while at != -1 and not _cue_at(text, at, cue):
            at = text.find(cue, at + 1)
        if at != -1 and not (unless and unless in text):
            for country in countries:
                found.setdefault(country, []).append(cue)
    return found


_COMPASS_WORD = re.compile(r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central) (?=[A-Z])")
# A college's, university's, bank's or hospital's name ending right before "in": "the University of Mississippi in ",
# "Georgia Highlands College in ", "Washington State University in " (the words of its name, capitalised or joining).
_INSTITUTION_BEFORE = re.compile(
    r"(?<![\w.])(?:[A-Z][\w.'’&-]*\s+|(?:of|and|the|for|at)\s+)*?"
    r"(?:University|College|Institute|Polytechnic|Academy|Seminary|Bank|Hospital|Medical Cent(?:er|re)|Clinic)"
    r"(?:\s+(?:of|for|at)\s+(?:the\s+)?(?:[A-Z][\w.'’&-]*\s+)+)?\s*in\s+$"
)


# The one or two capitalised words right after a name: "Mounties" of "Kingston Mounties", "Met Office".
_WORDS_AFTER = re.compile(r" ([A-Z][\w'’]*)(?: ([A-Z][\w'’]*))?")


def _national_body(words: re.Match[str]) -> tuple[str, ...]:
    """The countries of the national body (a country cue of one or two words, data/country_cues.csv) that *words*
    (a match of :data:`_WORDS_AFTER`) name: "Mounties" → Canada, "Gardaí" → Ireland; () for any other words."""
    table = _country_cue_table()
    if words.group(2) and (two := table.get(f"{words.group(1)} {words.group(2)}")):
        return two[0]
    return table.get(words.group(1), ((), ""))[0]


def _institution_region(name: str) -> str | None:
    """The country, state or continent a national, state or continental institution is named for, as written:
    "Bank of Japan" → "Japan", "University of the Punjab" → "Punjab", "Colorado State University" → "Colorado";
    None for a name of no institution (see :data:`INSTITUTIONS`)."""
    words = name.split()
    if len(words) >= 3 and words[0].casefold() in INSTITUTIONS and words[1] == "of":
        return " ".join(words[3:] if words[2].casefold() == "the" else words[2:])
    if len(words) >= 2 and any(w.casefold().strip(".,") in INSTITUTIONS for w in words[1:]):
        return words[0]
    return None


def _approximate(mention: Mention, host: Resolution, score: float, via: Via) -> Resolution:
    """*mention* shown at *host*'s place with *score* × the host's share, and the host's lead over its runner-up:
    an approximate placement is no surer than the reading of the place it is put at."""
    sure = round(score * (host.share or host.score), 3)
    return Resolution(mention, host.place, sure, [], via=via, margin=host.margin, share=sure)


def _old_name_towns(
    options: tuple[Candidate, ...], config: ResolverConfig
) -> tuple[dict[int, float], frozenset[str]]:
    """What :func:`_old_name_points` reads from a name's readings alone: the points of the towns the name is an old
    or other name of (none when no reading may have them), and the admin-1 codes of the towns whose own name it is."""
    if any(c.name_kind <= 1 and c.fcode in ("PCLI", "ADM1") for c in options):
        # a country's or a state's own name is no old name ("the Portuguese held Goa": not Genoa)
        return {}, frozenset()
    own = [c for c in options if c.name_kind <= 1 and c.fcode.startswith("PPL")]
    biggest = max(own, key=lambda c: c.population, default=None)
    if biggest is not None and (biggest.population >= NAMESAKE_TOWN or biggest.names >= KNOWN_NAMES):
        return {}, frozenset()
    floor = max(config.old_name_lead * (biggest.population if biggest else 0), OLD_NAME_POPULATION)
    points = {
        c.id: config.old_name
        for c in options
        if c.name_kind == 2 and c.fcode.startswith("PPL") and c.population >= floor
    }
    return points, frozenset(c.admin1 for c in own)


def _old_name_points(
    text: str,
    mention: Mention,
    towns: tuple[dict[int, float], frozenset[str]],
    units_named: Callable[[str], frozenset[str]],
) -> dict[int, float]:
    """``old_name`` points, in a sentence that tells of the past (:func:`geo.placestring.tells_of_the_past`), for
    the towns the name is an old or other name of that are ``old_name_lead`` times the biggest town whose own name it
    is — when that town is little known (fewer than ``KNOWN_NAMES`` names, fewer than ``NAMESAKE_TOWN`` people):
    "Copernicus was born in Thorn in 1473" is Toruń, not Thorn in the Netherlands; "the Raj moved its government up
    to Simla" is Shimla. A town of the name the world knows keeps it ("Salisbury Cathedral was finished in 1258"), and
    so does one whose admin-1 unit another name of the text names — its state, a county or a big city of it ("the Hall
    of Fame opened in Canton in 1963 … Ohio fans", "Posen was incorporated in 1900 south of Chicago");
    *units_named* gives the admin-1 codes the text's other names name; *towns*: :func:`_old_name_towns` of the
    name's readings."""
    points, own_units = towns
    if not points or (own_units and own_units & units_named(normalize_name(mention.text))):
        return {}  # (the units named asked last: most names have no such town)
    return dict(points) if tells_of_the_past(text, mention.start, mention.end) else {}


FAR_APART_KM = (
    5_000.0  # a region of no one country this far from a state or country named after it is not in it
)


def _kin_follow(resolutions: list[Resolution]) -> list[Resolution]:
    """A name that is kin to a bare town's name the article reads no less surely (`same_toponym`: "Dublin City",
    "Historic Dublin" beside "Dublin") and read far from that town names the town: "Dublin City Council" in a story
    whose "Dublin" is the Ohio suburb is that suburb's council, not Ireland's capital city. The kin mention takes the
    town's resolution (its place, score, alternatives and evidence)."""
    towns: dict[str, Resolution] = {}
    for r in resolutions:
        if (
            r.place is not None
            and r.via == "name"
            and r.place.fcode.startswith("PPL")
            and not r.mention.demonym_of
        ):
            key = normalize_name(r.mention.text)
            if key not in towns or towns[key].score < r.score:
                towns[key] = r
    if not towns:
        return resolutions
    distinct = _distinct(resolutions)
    out = []
    for r in resolutions:
        key = normalize_name(r.mention.text)
        if key in distinct:
            out.append(r)
            continue
        town = next(
            (
                t
                for name, t in towns.items()
                if name != key and same_toponym(name, key) and len(name) < len(key)
            ),
            None,
        )
        if (
            town is not None
            and town.place is not None
            and town.score >= r.score
            and (r.place is None or _far_apart(r.place, town.place))
        ):
            r = replace(town, mention=r.mention)
        out.append(r)
    return out


# A building's or a ground's word closing a name: the name is likelier a venue of the story's town than a far
# hamlet called so.
_VENUE_SHAPED = re.compile(
    r" (?:Tower|Stadium|Arena|Market|Mall|Palace|Airport|Hospital|Museum|Cathedral|Temple|Mosque|Hotel|Theatre|"
    r"Theater|Pier|Wharf|Terminal)$"
)


def _far_apart(a: Candidate, b: Candidate) -> bool:
    """Whether two places' points are more than ``FAR_APART_KM`` apart (great circle)."""
    from geopy.distance import great_circle

    return great_circle((a.lat, a.lon), (b.lat, b.lon)).km > FAR_APART_KM


class HostIndex:
    """The places of one document that can host its unknown names, indexed so that each unknown name finds its host
    in O(log n): a long article has thousands of unknown names and of hosts, and scanning every host for every name
    made a 5 MB article quadratic. The host is the one with the lowest :meth:`key` (the first of equals in document
    order), as ``min(hosts, key=…)`` would give: the town named right after the name ("Memorial Park in Tulsa"),
    else a dateline town, else the finest place (towns first, then places read with doubt outside the article's
    admin-1 regions) named nearest before the name, or else nearest after it."""

    def __init__(self, hosts: list[Resolution], context: Context) -> None:
        if not hosts:
            raise ValueError("HostIndex needs at least one host")
        self.hosts = hosts
        self.level: list[int] = []
        self.unsure: list[bool] = []
        self.at: dict[int, list[int]] = {}  # mention start → hosts (their numbers in document order)
        classes: dict[tuple[int, bool], list[tuple[int, int]]] = {}
        for i, host in enumerate(hosts):
            assert host.place is not None
            fcode = "PPL" if host.place.fcode.startswith("PPL") else host.place.fcode
            level = HOST_LEVEL.get(fcode, 2)
            # A venue is in the region the article is about: an unsure reading outside it is a poor host.
            unsure = (
                host.score < HOST_SURE and bool(context.admin1) and host.place.admin1 not in context.admin1
            )
            self.level.append(level)
            self.unsure.append(unsure)
            self.at.setdefault(host.mention.start, []).append(i)
            classes.setdefault((level, unsure), []).append((host.mention.start, i))
        self.datelines = [
            i for i, h in enumerate(hosts) if h.mention.source == "dateline" and self.level[i] == 0
        ]
        best = min(classes)  # the hosts every name without a said host takes from: lowest level, sure first
        self.best = sorted(classes[best])
        self.best_starts = [start for start, _ in self.best]

    def key(self, i: int, mention: Mention, following: re.Match[str] | None) -> tuple[int, int, bool, int]:
        """How good host *i* is for *mention* (lowest first): said by the text, level, unsure, distance."""
        host = self.hosts[i]
        if following and host.mention.start == following.end():
            said = 0  # "Memorial Park in Tulsa"
        elif host.mention.source == "dateline" and self.level[i] == 0 and not following:
            said = 1  # a venue of a story filed from Tulsa is in Tulsa
        else:
            said = 2
        before = host.mention.start < mention.start
        return (
            said,
            self.level[i],
            self.unsure[i],
            abs(host.mention.start - mention.start) + (0 if before else 10_000),
        )

    def pick(self, mention: Mention, following: re.Match[str] | None) -> Resolution:
        """The host of *mention*; *following* is the match of "in PLACE" right after it, if any."""
        said = self.at.get(following.end(), []) if following else self.datelines  # said 0 (or 1): few
        if said:
            return self.hosts[min(said, key=lambda i: (self.key(i, mention, following), i))]
        # Every host has said = 2: the best (level, unsure) class, nearest before (or after, 10,000 further).
        options = []
        position = bisect.bisect_left(self.best_starts, mention.start)
        if position:
            start = self.best_starts[position - 1]
            i = self.best[bisect.bisect_left(self.best_starts, start)][1]  # the first host at that start
            options.append((mention.start - start, i))
        if position < len(self.best):
            start, i = self.best[position]
            options.append((start - mention.start + 10_000, i))
        return self.hosts[min(options)[1]]


class AnchorIndex:
    """The points of a document's sure places, for the "maybe" mentions: whether one lies within ``MAYBE_KM`` of a
    point (great-circle distance, geopy). Distinct points sorted by latitude: a point only looks at those within
    ``MAYBE_KM`` of latitude, pre-filtered by a haversine distance with 1 km to spare, and only those are measured
    with geopy; the same answer as measuring every anchor, in O(log n + k) rather than O(n) per point (a 5 MB
    article has thousands of anchors and of "maybe" readings)."""

    WINDOW_DEG = (
        MAYBE_KM / 111.0
    )  # a degree of latitude is ≥ 111.19 km on geopy's sphere: none further is near

    def __init__(self, anchors: list[Candidate]) -> None:
        points = sorted({(a.lat, a.lon) for a in anchors})
        self.points = points
        self.lat = np.array([p[0] for p in points], dtype=float)
        self.lon = np.array([p[1] for p in points], dtype=float)

    def near(self, lat: float, lon: float) -> bool:
        """Whether an anchor lies within ``MAYBE_KM`` km of (lat, lon) (degrees)."""
        lo = int(np.searchsorted(self.lat, lat - self.WINDOW_DEG, side="left"))
        hi = int(np.searchsorted(self.lat, lat + self.WINDOW_DEG, side="right"))
        if lo >= hi:
            return False
        phi, lam = math.radians(lat), math.radians(lon)
        a_phi, a_lam = np.radians(self.lat[lo:hi]), np.radians(self.lon[lo:hi])
        h = np.sin((a_phi - phi) / 2) ** 2 + math.cos(phi) * np.cos(a_phi) * np.sin((a_lam - lam) / 2) ** 2
        km = 2 * 6371.009 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
        # Imported here: geopy imports all its geocoders, ≈ 0.1 s of a cold `geo map` that rarely gets here.
        from geopy.distance import great_circle

        return any(
            great_circle((lat, lon), self.points[lo + int(j)]).km <= MAYBE_KM
            for j in np.flatnonzero(km <= MAYBE_KM + 1)
        )


@dataclass(frozen=True)
class ResolverConfig:
    """Weights of the resolver's evidence terms (points added to a candidate's score; the softmax of the scores
    over a name's candidates is the share each reading gets). ``off`` switches terms off by name (``TERMS``).

    >>> ResolverConfig(off=frozenset({"proximity"})).proximity   # still 3.0; the term is just not computed
    3.0
    """

    name_match: tuple[float, float, float] = (
        2.0,
        1.6,
        1.0,
    )  # primary name, official name/alias, alternate name
    feature: Mapping[str, float] = field(default_factory=_default_features)
    alternate_feature: float = (
        0.5  # share of the feature points a place gets when matched by an alternate name
    )
    curated: float = (
        5.0  # our supplement: regions, seas, corridors — names news uses for exactly these places
    )
    population: float = 0.35  # per power of ten
    country_context: float = 1.5  # another name of the article points to the candidate's country
    country_cue: float = 1.0  # the article's words place it in the candidate's country ("NHS", "RCMP")
    national_body: float = 4.0  # named by a national body's branch right after it ("Kingston Mounties")
    capital_abroad: float = (
        -2.0
    )  # a capital of a country the article does not name, beside one where the name is a town
    admin1_context: float = 2.0  # … to its admin-1 unit
    admin1_away: float = (
        -1.0
    )  # an admin-1 unit of a country the article does not name ("Manchester", Jamaica)
    admin1_outsized: float = (
        -2.0
    )  # … when a town of its name has more people than the whole unit ("Portland")
    qualifier: float = 8.0  # "X, Y": Y names the country or admin-1 unit X's candidate lies in
    namesake_city: float = (
        3.0  # "New York", "Basel": an admin-1 unit that has a city of its name yields to it
    )
    proximity: float = 3.0  # × exp(−km / proximity_km) to the nearest likely place of another name
    proximity_km: float = 200.0
    acronym: float = -3.0  # "EU", "US" written as an acronym are not the towns "Eu", "Us"
    contains: float = (
        3.0  # "Valdosta, Georgia": Y's reading that contains a reading of X (the state, not the country)
    )
    admin_word: float = (
        4.0  # "Kharkiv region", "the province of Herat": the admin unit, not its namesake city
    )
    seat_min_population: int = 50_000  # a city this big in a province of its own name is "the city" ("Herat")
    unit_namesake: float = (
        -3.0  # a town a hundredth of an admin-1 unit of its name, in its country, that the text does not single out
    )
    # a town named like a country, in a list of countries' names ("Mexico and Peru")
    country_namesake: float = -4.0
    country_unit: float = -4.0  # an admin-1 unit named like its own country, not called a unit by the text
    old_name: float = (
        3.0  # in a sentence of history, a town the name is an old name of, … (see _old_name_points)
    )
    old_name_lead: int = 20  # … this many times the biggest town whose own name it is
    major_city: float = (
        1.5  # per power of ten over major_city_population, for an old or other name ("Canton")
    )
    major_city_population: int = 300_000
    exonym_population: int = 200_000  # a city this big by another name, when its namesakes are little known …
    exonym_known_population: int = (
        50_000  # … or this big and widely known (KNOWN_NAMES names: "Bruges", Brugge)
    )
    exonym_floor: int = 30_000  # … gets its lead over the biggest of them (or over this many people)
    list_peer: float = 3.0  # "California, Oregon and Washington": a reading like the list's other members
    relative_place: float = 4.0  # "Vienne, south of Lyon": a reading near the place the words after it name
    dateline: float = 4.0  # a later bare mention of the dateline's name is the dateline's place
    holds_city: float = (
        2.0  # an admin-1 unit that holds a city or county the article names ("Atlanta … Georgia")
    )
    holds_city_population: int = (
        50_000  # … a city this big (or a county), read with a lead of half a point or more
    )
    town_word: float = (
        4.0  # "Santa Cruz, Bolivia's economic hub", "the city of Herat": the town, not the unit
    )
    in_county: float = (
        4.0  # a town within county_km of a county (admin-2 unit) the article names with confidence …
    )
    county_km: float = 40.0  # … ("The Alexander County board met in Cairo": Cairo, Illinois, its seat)
    small_capital: float = 0.5  # share of the capital's feature points for a capital of fewer people than …
    small_capital_population: int = 100_000  # … this ("Victoria", Seychelles; "The Valley", Anguilla)
    area_km: float = 800.0  # proximity scale of seas and regions, which are near the countries around them
    softmax_temperature: float = 1.0
    off: frozenset[str] = frozenset()
    calibrated: bool = True  # scores are probabilities from geo/assets/calibration.json, else softmax shares

    def __post_init__(self) -> None:
        if min(self.softmax_temperature, self.proximity_km, self.area_km) <= 0 or len(self.name_match) != 3:
            raise ValueError(
                "softmax_temperature, proximity_km and area_km must be > 0; name_match has 3 weights"
            )
        unknown = set(self.off) - set(TERMS)
        if unknown:
            raise ValueError(
                f"unknown resolver term(s): {', '.join(sorted(unknown))} (terms: {', '.join(TERMS)})"
            )


# "Kharkiv region", "Idlib governorate", "Washington state"; "the province of Herat", "the canton of Bern".
_ADMIN1_WORDS = (
    "province|region|oblast|governorate|canton|state|prefecture|department|voivodeship|krai|territory|emirate|"
    "division|wilaya|vilayet|okrug"
)
_ADMIN2_WORDS = "district|county|municipality|parish|department"
# Not when the word starts an institution's name ("district court", "State University"); a capitalised "State" after
# a name is a university or a team ("Kent State", "Boise State").
_NOT_AN_AREA = (
    r"(?!\s+(?:court|attorney|judge|school|schools|board|council|sheriff|university|college|line)\b)"
)
# Who governs a state or province: "Quebec's premier", "the governor of Georgia", "Ohio's legislature".
_ADMIN1_OFFICES = (
    r"(?:lieutenant[- ])?governor|premier|statehouse|"
    r"(?:state|provincial) (?:government|senate|assembly|legislature|lawmakers|officials|election)"
)
# What only a US state's government has, said near a name: "state lawmakers", "the State Public Service Commission",
# "state troopers" — not a country's "state media", "state police", "state visit", "head of state".
_STATE_GOVERNMENT = re.compile(
    r"\b(?:[Ss]tate (?:lawmakers|legislat\w+|[Ss]enat\w+|[Rr]epresentatives?|[Hh]ouse|ethics|[Cc]apitol|"
    r"[Aa]ttorney [Gg]eneral|[Pp]ublic [Ss]ervice [Cc]ommission\w*|troopers?|[Hh]ighway [Pp]atrol|regulators?|"
    r"[Dd]epartment of (?:[Tt]ransportation|[Rr]evenue|[Ee]ducation|[Nn]atural [Rr]esources|[Pp]ublic [Hh]ealth)|"
    r"[Bb]oard of (?:[Ee]ducation|[Rr]egents))|[Ll]t\. [Gg]ov\.|statehouse)\b"
)
# The state said again as a land, later in the name's sentence: "New York sent plows across the western part of the
# state", "throughout the state." (not "the state budget", "the state line", "the state's").
_STATE_AGAIN = re.compile(
    r"\b(?:across|throughout|(?:part|parts|corner|half|rest) of) the state"
    r"(?=[,.;:!?)]| (?:and|as|on|in|with|after|before|since|from|by|to|for|where|when|while|over|this|last|until|"
    r"amid)\b)"
)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


# A unit said again by its word later in the name's sentence: "the state's growers", "the department's governor",
# "the provincial energy ministry".
_UNIT_AGAIN = re.compile(
    r"\bthe (?:state|province|department|oblast|governorate|prefecture|canton)['’]s (?!capital)"
    r"|\bthe provincial (?!capital)[a-z]"
)  # (not "40 centimetres fell on the provincial capital": the city)


def _said_again(words: re.Pattern[str], text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether the name's sentence goes on of its unit in *words* (:data:`_UNIT_AGAIN`, :data:`_STATE_AGAIN`) with no
    other name between (in "…in Washington approved aid for Kentucky, where tornadoes tore through the western part
    of the state" the state is Kentucky)."""
    end = min(len(text), mention.end + 200)
    stop = _SENTENCE_END.search(text, mention.end, end)
    said = words.search(text, mention.end, stop.end() if stop else end)
    return said is not None and not any(
        mention.end <= m.start < said.start() for m in mentions if m is not mention
    )


_ADMIN_AFTER = re.compile(
    rf"\s+(?:(?P<adm1>(?i:{_ADMIN1_WORDS.replace('state|', '')})|state|Oblast|Province|Region|Governorate|Canton)"
    rf"|(?P<adm2>(?i:{_ADMIN2_WORDS})))\b{_NOT_AN_AREA}"
    rf"|['’]s\s+(?P<office>{_ADMIN1_OFFICES})\b"
    r"|\s+(?:(?:provincial|state)\s+)?(?P<government>government)\b",  # "the Quebec government"
)
# A member of a list before the plural of a unit's word: "Barrow, Jackson and Madison counties", "Kandahar and
# Helmand provinces" (geo.recognize.unit_list).
_UNIT_PLURAL = r"(?:(?P<adm1>provinces|oblasts|governorates|prefectures|cantons)|(?P<adm2>counties|parishes|boroughs|districts))\b"
_UNITS_LISTED_AFTER = re.compile(
    rf"(?:(?:,? and |,? or |, | & )[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{0,2}})+ {_UNIT_PLURAL}"
)
_UNIT_PLURAL_AFTER = re.compile(rf" {_UNIT_PLURAL}")
_LIST_JOIN_BEFORE = re.compile(r"(?:,| and| or| &) $")
_ADMIN_BEFORE = re.compile(
    # ("the territory of Georgia" is the land of a country: "territory" names a unit only after its name)
    rf"\b(?:(?:(?P<adm1>{_ADMIN1_WORDS.replace('|territory', '')}|(?:lieutenant[- ])?governor|premier)|(?P<adm2>{_ADMIN2_WORDS})) of"
    r"|(?P<upstate>upstate|downstate)|(?P<rural>rural|(?-i:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central)))"
    r"\s+$",
    re.IGNORECASE,
)  # "the province of Herat", "the governor of Georgia", "upstate New York", "rural Quebec", "western New York" (the
# state or province; a part of a country when the name is a country's too: "northern Mexico"). Not "across": "protests
# across Mendoza", "blackouts across São Paulo" are the cities.
# What says a name is a town: an apposition right after it (", Bolivia's economic hub", ", the provincial capital",
# ", a port city") or "the city of" before it.
_TOWN_AFTER = re.compile(
    rf",\s?(?:(?:the|a|an)\s|[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?['’]s\s){APPOSITION_FILLER}{TOWN_NOUN}\b"
    r"(?!\s+of\b|['’])"
)
_TOWN_BEFORE = re.compile(
    r"\b(?:(?<!county )(?:the )?(?:city|town|village) of|(?:the )?(?:mayor|lord mayor|town council|city council|"
    r"town hall|city hall) of)\s+$",
    re.IGNORECASE,
)  # "the city of Mendoza", "the mayor of Sligo" (a town's, not its county's; "the county town of Lincolnshire" is
# the county's)
# The last letters of every match of _ADMIN_BEFORE and of _TOWN_BEFORE (see said_before): "… of", "upstate",
# "rural", "central", "north", "east", "northern".
_ADMIN_BEFORE_ENDS = ("of", "te", "al", "th", "st", "rn")
_TOWN_BEFORE_ENDS = ("of",)
# A people's word before the town word: "the German city of Marburg", "the Mexican port of Veracruz".
_PEOPLES_TOWN_BEFORE = re.compile(r"\b([A-Z][a-z]+) (?:city|town|village|port|capital) of\s+$")
_PLURAL_UNITS = re.compile(
    r"\s+(?:(?P<adm2>counties|parishes)|(?P<adm1>states|provinces|regions|oblasts|governorates|cantons))\b",
    re.IGNORECASE,
)  # after the last member of a list: "Fulton and Cobb counties", "North West and Limpopo provinces"
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
RIVER_CITY_POPULATION = (
    100_000  # a city this big by its own name is what a river's bare name without "the" means
)
# What is done on or to a river, said of its bare name too: "marines crossed Dnipro", "the left bank of Dnipro".
_RIVER_BEFORE_BARE = re.compile(
    r"\b(?:crossed|crossing|crosses|across|along|bank of|banks of|mouth of|waters of) $"
)
# A town's own people or bodies right after a list of names: "Mexico and Peru firefighters", "Norway and Poland schools"
_TOWN_FOLK_AFTER = re.compile(
    r" (?:high )?(?:schools?|firefighters|fire (?:departments?|crews?)|police|residents|officials|councils?|students|"
    r"deputies|villages?|townships?|mayors?|voters|trustees|teams?|churches|libraries|town|towns)\b"
)
# What may stand between "the" and a river's name: "the swollen Ohio", "the lower Mississippi"
_RIVER_ADJECTIVE = r"(?:(?:lower|upper|mighty|muddy|swollen|rising|flooded|frozen|middle) )?"
_THE_BEFORE = re.compile(rf"\b[Tt]he {_RIVER_ADJECTIVE}$")
RIVER_GUESS_NEAR_KM = (
    150.0  # a river's town this near another place of the text keeps its name ("Pasig", Manila)
)
RIVER_CITY_NEAR_KM = (
    500.0  # … a big city this near ("the Memphis river front", Nashville; not Adelaide by Darwin)
)
_DAM_NEXT = re.compile(r" (?:Dam|Reservoir|Barrage|Weir)\b")  # "the Vaal Dam", "Kariba Dam"
# "the Kamo river", "the Kamo River's banks"; not "Riverkeeper", "the Illinois river town"
_RIVER_NEXT = re.compile(
    r" [Rr]iver\b(?! (?:towns?|city|cities|ports?|villages?|communit(?:y|ies)|valleys?|basins?|boats?|barges?|"
    r"cruises?|authorit(?:y|ies)|district|traffic|crossings?|levels?|banks?|system|trade)\b)"
)
_RIVER_WORD_AFTER = re.compile(r" (?:River|river|Basin|basin|Valley|valley|Delta|delta|Estuary|estuary)\b")
# What is done on or to a river, right before "the X": "on the Mississippi", "up the Hudson", "dredging the Ohio".
_RIVER_BEFORE = re.compile(
    r"\b(?:on|along|across|into|up|down|over|under|beside|crossed|crossing|crosses|spans?|spanning|dredg\w+|"
    r"navigat\w+|barges? on|bank of|banks of|mouth of|waters of|floods? on|flooding on|levees? on|from|in|"
    r"meets|joins|enters|empties into|flows into|feeds|feeds into|"
    r"beneath|below|above|past|near|off|onto|through|alongside|beyond|toward|towards) the "
    rf"{_RIVER_ADJECTIVE}$"
)
# … and after it, what ends a river's mention — punctuation, a place's preposition or what a river does — not a
# noun of a state's ("on the Missouri bill", "across the Ohio border", "the Tennessee school shooting").
_RIVER_AFTER = re.compile(
    r"(?:[,.;:!?)]|$| (?:at|near|in|to|from|by|below|above|between|south|north|east|west|downstream|upstream|"
    r"after|before|for|into|was|is|has|had|rose|fell|flooded|floods|froze|ran|runs|flows|flowed|dropped|crested|"
    r"swelled|burst|overflowed|reached|through|past|toward|towards|along|under|over|via|linked|links|separates|"
    r"divides|carried|carries|as|when|while|where|with|on|off|around|would|will|could|can|may|might|should|"
    r"remains?|remained|stays?|stayed|meets?|met|joins?|joined|(?:that|which) (?:flows?|flowed|runs?|ran|links?|"
    r"linked|cuts?|carves?|carved|winds?|wound|passes|passed|snakes?|drains?|feeds?|fed|floods?|flooded|"
    r"supplies|supplied|separates?|divides?|rises?|rose|meets?))\b)"
)
_IN_PLACE = re.compile(r",?\s+(?:in|at|near|outside|of)\s+(?:downtown\s+)?")  # "Memorial Park in Tulsa"
_IN_TOWN = re.compile(
    r"(?:(?: [A-Z][\w'’-]+){0,3} (?:College|School|University|Academy|Institute|Seminary|Hospital|Infirmary|Clinic|"
    r"Medical Cent(?:er|re)|Stadium|Arena|Airport|Cathedral|Museum|Prison))?\s+in\s+(?:(?:downtown|central|"
    r"(?:north|south)?(?:east|west)?(?:ern)?|north|south|northern|southern|greater|suburban|old)\s+)?"
)  # "Eden Park in Auckland", "Heliopolis in eastern Cairo", and a name opening an institution's: "Trinity| College in
# Dublin" (not after a comma: "Valladolid, in Castile" is the city, whatever the index makes of Castile)
_ACRONYM_NAME = re.compile(r"[A-Z.]{2,5}")
SUBJECT_MENTIONS = 3  # a town named this often, first of the article's places, is what the story is about


def _story_subject(resolutions: list[Resolution]) -> str | None:
    """The normalised name of the town a local story is about: the first of the article's names read as a town (by
    its own name; no dateline, no abbreviation), named ``SUBJECT_MENTIONS`` times or more — "the shore of Lake Opechee in Laconia … a Laconia man …
    Laconia police" is Laconia, New Hampshire, however far the Alaska its man once lived in; never doubtful (see
    :meth:`Resolver._doubtful`)."""
    towns = [
        r
        for r in resolutions
        if r.place is not None and r.place.fcode.startswith("PPL") and not r.mention.demonym_of
    ]
    if not towns or towns[0].mention.source == "dateline":
        return None
    lead = towns[0].place
    assert lead is not None  # (towns are placed: see above)
    # by the town's own name, and no abbreviation ("SA" is no other name of Siá, Cyprus, however often it is said)
    if lead.name_kind > 1 or _ACRONYM_NAME.fullmatch(towns[0].mention.text):
        return None
    first = normalize_name(towns[0].mention.text)
    count = sum(normalize_name(r.mention.text) == first for r in resolutions)
    return first if count >= SUBJECT_MENTIONS else None


HOST_FAR_KM = (
    300.0  # "Eden Park in Auckland": a reading this far from the town the text puts it in is another place
)


def _put_in(text: str, name: Mention, town: Mention) -> bool:
    """Whether the words between two mentions put the first "in" the second (``_IN_TOWN``): "Eden Park in
    Auckland", "Trinity College in Dublin"."""
    gap = _IN_TOWN.match(text, name.end)
    return gap is not None and gap.end() == town.start


# GeoNames feature codes of buildings and spots (class S, and parks): the data/supplement.csv venues and landmarks
SPOT_FCODES = frozenset(
    "STDM RECR BLDG MNMT CSTL PAL CH MSQE TMPL ANS SQR ST MKT BDG PRK HSP UNIV MUS OPRA AIRP AREA".split()
)


def _units_by_sentence(resolutions: Iterable[Resolution]) -> dict[int, frozenset[str]]:
    """The admin-1 codes of the places of *resolutions*, by the sentence each is said in."""
    out: dict[int, frozenset[str]] = {}
    for r in resolutions:
        if r.place is not None:
            out[r.mention.sentence] = out.get(r.mention.sentence, frozenset()) | {r.place.admin1}
    return out


def _far_from_its_host(text: str, resolutions: list[Resolution]) -> set[int]:
    """Indices of the names the text puts "in" a town whose reading lies more than ``HOST_FAR_KM`` from it: "Eden
    Park in Auckland" is the ground in Auckland, not Eden Park, Victoria; "Trinity College in Dublin" is no college
    of Trinity, Florida — such a name is placed in its town (see ``_place_unknown``). Only towns and local places
    (not countries or admin-1 units: "Georgia in the Caucasus", "Texas Southern University in Houston")."""
    out = set()
    for i in range(len(resolutions) - 1):
        r, host = resolutions[i], resolutions[i + 1]
        if (
            r.place is None
            or host.place is None
            or r.mention.source == "dateline"
            or r.place.fcode in ("PCLI", "ADM1", "CONT")
            # a curated region is what it says; a curated building or spot is one of its name ("Tahrir Square in
            # Baghdad" is no square of Cairo)
            or (r.place.curated and r.place.fcode not in SPOT_FCODES)
            or not host.place.fcode.startswith(("PPL", "ADM2"))
            or host.score < HOST_SURE
        ):
            continue
        if not _put_in(text, r.mention, host.mention):
            continue
        if great_circle_km(r.place.lat, r.place.lon, host.place.lat, host.place.lon) > HOST_FAR_KM:
            out.add(i)
    return out


OWN_TOWN_FIRM = 100_000  # a town this big is where its name says, whatever town the text then puts it "in"
_FROM_BEFORE = re.compile(r"\b(?:[Ff]rom|[Ff]or|[Tt]o|[Aa]bout)\s+$")


def _outside_their_town(
    text: str, mentions: list[Mention], candidates: list[tuple[Candidate, ...]]
) -> list[tuple[Candidate, ...]]:
    """*candidates* (per mention) without the local readings of a name the text puts "in" a town (``_IN_TOWN``)
    when every one of them lies more than ``HOST_FAR_KM`` from every reading of the town: "Hampton Park in
    Charleston" is no suburb of Melbourne whichever Charleston is meant, so it is left to be placed in its town
    (``_place_unknown``) and its far readings never speak for the article's country. Only when every reading of
    the name is a town, admin-2 unit, spot or one of our curated areas in another country, and every reading of the
    host a town or admin-2 unit ("Georgia in the Caucasus", "Paris in Texas" stay as they are)."""
    out = list(candidates)
    for i in range(len(mentions) - 1):
        own, host = candidates[i], candidates[i + 1]
        if not own or not host or mentions[i].source == "dateline" or mentions[i].demonym_of:
            continue
        if not _put_in(text, mentions[i], mentions[i + 1]):
            continue
        if any(c.fcode in ("PCLI", "ADM1", "CONT") for c in own) or not all(
            c.fcode.startswith("PPL") or c.fcode == "ADM2" for c in host
        ):
            continue
        # our curated areas only when each lies in another country than every reading of the town ("Galilee in
        # Narragansett" is no region of Israel; "the Bekaa valley in Lebanon" is no town of it anyway)
        if any(c.curated for c in own) and not all(
            c.curated and c.country and all(c.country != h.country for h in host) for c in own
        ):
            continue
        # a known town is itself ("Fans from Glasgow in Seville", "a memorial to Lockerbie in Arlington"), and so is
        # a name the words make a visitor's or a subject's ("a fundraiser for Lahaina in Los Angeles")
        if any(c.population >= OWN_TOWN_FIRM or c.names >= KNOWN_NAMES for c in own) or _FROM_BEFORE.search(
            text, max(0, mentions[i].start - 12), mentions[i].start
        ):
            continue
        if all(great_circle_km(c.lat, c.lon, h.lat, h.lon) > HOST_FAR_KM for c in own for h in host):
            out[i] = ()
    return out


FEATURE_ABROAD_KM = 1_000.0  # a feature's town this far from every other place of the story is no town of it


def _feature_part_abroad(text: str, resolutions: list[Resolution]) -> set[int]:
    """Indices of the specific parts of natural features ("Kish" of "Kish River", read as the town the feature is
    named after: ``ner_place_subspan``) whose town lies in a country where none of the article's other places
    is, and more than ``FEATURE_ABROAD_KM`` from each of them: a river of the story's county is no town in Iran.
    Such a part is placed where the story is (``_place_unknown``), its reading kept as the first alternative."""
    parts = [
        i
        for i, r in enumerate(resolutions)
        if r.place is not None
        and r.mention.rule == "ner_place_subspan"
        and r.place.fcode.startswith("PPL")
        and NATURAL_GENERIC.match(text, r.mention.end)
    ]
    out = set()
    for i in parts:
        town = resolutions[i].place
        assert town is not None  # (placed: see above)
        others = [r.place for j, r in enumerate(resolutions) if j != i and r.place is not None]
        if (
            others
            and town.country not in {o.country for o in others}
            # a river on a border runs by its town: "buoys from the Narva River, Moscow said"
            and all(great_circle_km(town.lat, town.lon, o.lat, o.lon) > FEATURE_ABROAD_KM for o in others)
        ):
            out.add(i)
    return out


APPOSITION_FIRM_POPULATION = 1_000_000  # a reading this big stays, whatever an apposition seems to say
_COMPARISON = re.compile(
    r"\b(?:[Ll]ike|[Uu]nlike|[Aa]s with|[Aa]s in|[Cc]ompared (?:with|to)|[Jj]ust as)\s+$"
)
_APPOSITION_GAP = re.compile(APPOSITION)  # "León, the biggest city in Guanajuato": Guanajuato contains León


def _settle(bonus: dict[str, dict[int, float]], full: float) -> None:
    """What the text says of one mention, weighed together (*bonus*: term → candidate id → points, rewritten in
    place). A town named like a country that the story's county, dateline or a place near it singles out keeps no
    ``country_namesake`` points against it ("Miami County deputies patrolled Peru and Mexico"); and "X, Y" says
    where X is more plainly than the story's own places do: a mention whose qualifier holds with full trust gets no
    ``dateline`` or ``in_county`` points for readings outside it ("PARIS, Texas — … jokes about the other Paris, in
    France")."""
    if against := bonus.get("country_namesake"):
        bonus["country_namesake"] = {
            cid: p
            for cid, p in against.items()
            if not any(bonus.get(term, {}).get(cid) for term in _TOWN_PLACED)
        }
    said = bonus.get("qualifier")
    if not said or max(said.values()) < full:
        return
    for term in ("dateline", "in_county"):
        if points := bonus.get(term):
            bonus[term] = {cid: p for cid, p in points.items() if cid in said}


def _river_guess_near_km(resolution: Resolution) -> float:
    """How near another place of the text a name read before "river" must lie to keep its town: farther for a big
    city ("the Memphis river front" in a story of Nashville)."""
    place = resolution.place
    return (
        RIVER_CITY_NEAR_KM
        if place is not None and place.population >= RIVER_CITY_POPULATION
        else RIVER_GUESS_NEAR_KM
    )


def _near_another(resolutions: list[Resolution], i: int, km: float) -> bool:
    """Whether the place read for mention *i* lies within *km* of the place of another name of the text."""
    place = resolutions[i].place
    if place is None:
        return False
    key = normalize_name(resolutions[i].mention.text)
    return any(
        r.place is not None
        and normalize_name(r.mention.text) != key
        and great_circle_km(place.lat, place.lon, r.place.lat, r.place.lon) <= km
        for j, r in enumerate(resolutions)
        if j != i
    )


def _comma_pair(text: str, first: Mention, second: Mention) -> bool:
    """ "X, Y": two mentions joined by a comma alone (a qualifier or a container, not a list)."""
    return text[first.end : second.start] in (", ", ",")


def _level(c: Candidate) -> int:
    """The kind of place a list compares: country, admin-1, local (county or town), other."""
    if c.fcode.startswith("PPL"):
        return 2
    return {"PCLI": 0, "ADM1": 1, "ADM2": 2}.get(c.fcode, 3)


LIST_UNIT_FAR_KM = 1_000.0  # a listed name's admin-1 readings this far from every other member's …
LIST_CITY_NEAR_KM = (
    300.0  # … and a city reading this near each of them: the city amid its neighbouring units …
)
MAJOR_LIST_CITY = (
    300_000  # … a capital or a city this big (not Washington, Missouri, beside Missouri and Illinois)
)


def _city_amid_its_units(
    options: tuple[Candidate, ...], peers: list[list[tuple[Candidate, float]]], points: dict[int, float]
) -> dict[Candidate, float]:
    """A list member's city reading that lies amid the admin-1 units the list names, when the member's own admin-1
    reading is far from all of them: "Maryland, Virginia and Washington" is the capital between its neighbours, not
    the state 3,700 km away ("California, Oregon and Washington" is the state: it borders them; "Texas, Florida and
    Washington" too: no reading is near them; "Missouri, Illinois and Washington": a town of 14,000 is no such city —
    only a capital or a city of ``MAJOR_LIST_CITY``). The city gets the support the list gives the unit reading (*points*,
    candidate id → ``list_peer`` points). Returns city candidate → points."""
    units = [c for c in options if c.fcode == "ADM1" and c.id in points]
    tops = [peer[0][0] for peer in peers if peer]
    if not units or len(tops) != len(peers) or not all(t.fcode == "ADM1" for t in tops):
        return {}
    if any(great_circle_km(u.lat, u.lon, t.lat, t.lon) <= LIST_UNIT_FAR_KM for u in units for t in tops):
        return {}
    best = max(points[u.id] for u in units)
    return {
        c: best
        for c in options
        if (c.fcode == "PPLC" or (c.fcode.startswith("PPL") and c.population >= MAJOR_LIST_CITY))
        and c.name_kind <= 1
        and all(great_circle_km(c.lat, c.lon, t.lat, t.lon) <= LIST_CITY_NEAR_KM for t in tops)
    }


def _lists(text: str, mentions: list[Mention]) -> list[list[int]]:
    """Indices of the mentions forming lists: runs joined by commas, "and", "or", with an "and"/"or" or at least
    three members ("X, Y" alone is a qualifier, not a list)."""
    out: list[list[int]] = []
    run = [0] if mentions else []
    conjunction = False
    for i in range(1, len(mentions) + 1):
        gap = text[mentions[i - 1].end : mentions[i].start] if i < len(mentions) else "."
        if i < len(mentions) and LIST_GAP.fullmatch(gap):
            run.append(i)
            conjunction |= bool(re.search(r"\b(?:and|or)\b|&", gap))
            continue
        if len(run) >= 3 or (len(run) == 2 and conjunction):
            out.append(run)
        run, conjunction = [i], False
    return out


@dataclass(frozen=True, slots=True)
class Context:
    """What the document says about where it is: each country and admin-1 unit with the names that say so."""

    countries: dict[str, frozenset[str]] = field(default_factory=dict)
    admin1: dict[str, frozenset[str]] = field(default_factory=dict)
    # Countries only demonyms name ("Indians in Dubai"): people abroad as often as a story at home.
    by_demonym_only: frozenset[str] = frozenset()
    # Names read as a town by the town's own name ("kansas city", "cebu city"): a toponym of its own, never kin.
    distinct: frozenset[str] = frozenset()
    # Countries a demonym names in an apposition right after a name ("Mwanza, a Malawian border post").
    apposed: frozenset[str] = frozenset()
    # Names read as a national capital: "Wellington has told Canberra" names two governments, no story's country.
    capitals: frozenset[str] = frozenset()
    # The answers of names_country and names_admin1 (with kin) by (code, besides): every candidate of every mention
    # asks, and a context is never changed once made.
    _country_said: dict[tuple[str, str], bool] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _admin1_said: dict[tuple[str, str], bool] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def _other(self, name: str, besides: str) -> bool:
        """Whether *name* is another toponym than *besides*: not equal, and not its kin unless the longer of the two
        is read as a town by its own name ("Kansas City" speaks for "Kansas"; "Dublin City" does not for "Dublin")."""
        if name == besides:
            return False
        if besides not in name and name not in besides:
            return True  # (the common case, without a call)
        return not same_toponym(name, besides) or max(name, besides, key=len) in self.distinct

    def names_country(self, code: str, besides: str = "", kin: bool = True) -> bool:
        """Whether a name other than ``besides`` (and, with *kin*, its kin: `same_toponym`) places the document in
        the country: a name is no evidence for its own reading ("Washington" read as the capital must not pull
        itself into the District; "Dublin City Council" must not pull the "Dublin" of an Ohio story to Ireland)."""
        names = self.countries.get(code)
        if not names:
            return False  # (most candidates' countries: no name says them)
        if not kin:
            return len(names) > 1 or besides not in names  # (no set built per call)
        said = self._country_said.get((code, besides))
        if said is None:
            said = self._country_said[code, besides] = self._any_other(names, besides)
        return said

    def names_admin1(self, code: str, besides: str = "", kin: bool = True) -> bool:
        """Whether a name other than ``besides`` (and, with *kin*, its kin) places the document in the admin-1
        unit *code* (GeoNames ``country.admin1`` code)."""
        names = self.admin1.get(code)
        if not names:
            return False
        if not kin:
            return len(names) > 1 or besides not in names
        said = self._admin1_said.get((code, besides))
        if said is None:
            said = self._admin1_said[code, besides] = self._any_other(names, besides)
        return said

    def _any_other(self, names: Iterable[str], besides: str) -> bool:
        for name in names:
            # `_other`'s common case first, without a call: a name neither in *besides* nor holding it
            if (besides not in name and name not in besides) or self._other(name, besides):
                return True
        return False


def same_toponym(a: str, b: str) -> bool:
    """Whether two normalized names name one place: equal, or one is the other with a word that names the same
    town or a part of it ("dublin" and "dublin city", "city of dublin", "historic dublin", "downtown dublin") or
    with its river or region in brackets ("frankfurt (oder)").
    Such names are read from one prior, so one read as a place is no evidence for the other's reading ("Dublin City
    Council" must not pull the "Dublin" of an Ohio story to Ireland). A county, river or saint's town of the name
    is another place ("DeKalb County", "St. Petersburg") and still counts."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not short or short not in long:
        return False
    return (
        long in (f"{short} city", f"city of {short}")
        or any(long == f"{word} {short}" for word in _SAME_TOWN_WORDS)
        # "frankfurt (oder)": a name with its river or region in brackets is no evidence for the bare one's reading
        or (long.startswith(f"{short} (") and long.endswith(")"))
    )


_SAME_TOWN_WORDS = ("historic", "downtown", "uptown", "old town")


def _other_name(key: str, name: str, distinct: frozenset[str]) -> bool:
    """Whether an anchor read from name *key* is another name's than *name* (not its kin: `same_toponym`, unless
    the longer is a town's own name in *distinct*)."""
    return key != name and (
        (name not in key and key not in name)
        or not same_toponym(key, name)
        or max(key, name, key=len) in distinct
    )


def _distinct(resolutions: Iterable[Resolution]) -> frozenset[str]:
    """The names read as a town by that town's own name ("kansas city", "cebu city", "carson city"): toponyms of
    their own, which `same_toponym`'s kin rule leaves alone."""
    return frozenset(
        normalize_name(r.mention.text)
        for r in resolutions
        if r.place is not None
        and r.via == "name"
        and r.place.fcode.startswith("PPL")
        and r.place.name_kind == 0
        # "Frankfurt (Oder)" brackets what tells it from the bare name's town
        and not r.mention.text.endswith(")")
    )


# What a name's readings alone say, as _Evidence's last fields in order: namesakes, biggest_town, namesake_names,
# own_units, unit_people, own_countries, town_countries (computed once per name by Resolver._prior).
_NameFacts = tuple[set[str], int, int, frozenset[str], Mapping[str, int], frozenset[str], frozenset[str], str]


@dataclass(slots=True)
class _Evidence:
    """What the terms of one mention see: the mention, the document context and the per-candidate bonuses."""

    mention: Mention
    key: str  # normalize_name(mention.text)
    context: Context
    config: ResolverConfig
    bonus: dict[str, dict[int, float]]  # term → candidate id → points, from the text around the mention
    # What the name's readings alone say (``Resolver._prior``'s facts, in this order):
    namesakes: set[str]  # admin-1 codes of the admin-1 units the name names that hold a city of that name
    biggest_town: int  # people in the biggest town the name names (by its own name or an alias)
    namesake_names: int  # names (translations, old names) of that biggest town: how widely it is known
    own_units: frozenset[str]  # admin-1 codes of the admin-1 units whose own name (or alias) it is
    # country code → people in its biggest admin-1 unit whose primary name it is
    unit_people: Mapping[str, int]
    own_countries: frozenset[str] = frozenset()  # countries whose own name (or alias) it is ("guatemala": GT)
    town_countries: frozenset[str] = frozenset()  # countries of the towns whose own name (or alias) it is
    biggest_country: str = ""  # the country of the biggest town the name names


# -- the evidence terms: each takes a candidate and what the mention's document says, returns points ------------


_COUNTY_WORD = re.compile(r"\b(?:County|Parish|Borough)\b")  # a county's name as written: "Henry County"


def _names_word(key: str, name: str) -> bool:
    """Whether normalised name *key* holds the words of *name* ("city of richmond" holds "richmond")."""
    return f" {name} " in f" {key} "


def _within(a: Candidate, b: Candidate, km: float) -> bool:
    """Whether *b* lies within *km* of *a*'s point, in the same country."""
    return (
        a.country == b.country
        and abs(a.lat - b.lat) < 1.0
        and great_circle_km(a.lat, a.lon, b.lat, b.lon) <= km
    )


T = TypeVar("T")


class _UnitsNear(Generic[T]):
    """Units (counties) with payloads, found by the towns :func:`_within` *km* of them: each distinct unit filed once
    by country and band of latitude (``_within`` asks for less than a degree apart), so a town measures only the
    units of its country in its band and the two beside it, each once, not every time the article names it (a long
    article names hundreds of counties, some a hundred times); a town's answer is kept for its next mention."""

    def __init__(self, items: Iterable[tuple[Candidate, T]], km: float) -> None:
        self.km = km
        units: dict[int, tuple[Candidate, list[T]]] = {}
        for unit, payload in items:
            units.setdefault(unit.id, (unit, []))[1].append(payload)
        self.bands: dict[tuple[str, int], list[tuple[Candidate, list[T]]]] = {}
        for unit, payloads in units.values():
            self.bands.setdefault((unit.country, math.floor(unit.lat)), []).append((unit, payloads))
        self.seen: dict[int, list[T]] = {}

    def near(self, town: Candidate) -> list[T]:
        """The payloads of the units within ``km`` of *town* in its country (unit by unit in the order first
        filed, band by band from the south)."""
        found = self.seen.get(town.id)
        if found is None:
            band = math.floor(town.lat)
            found = self.seen[town.id] = [
                payload
                for b in (band - 1, band, band + 1)
                for unit, payloads in self.bands.get((town.country, b), ())
                if _within(unit, town, self.km)
                for payload in payloads
            ]
        return found


def _name_match(c: Candidate, e: _Evidence) -> float:
    """How the name matches: primary name > official name or alias > alternate name."""
    kinds = e.config.name_match
    return kinds[c.name_kind] if 0 <= c.name_kind < len(kinds) else 0.0


def _feature(c: Candidate, e: _Evidence) -> float:
    """What the place is: our curated areas > country > capital > continent > admin-1 > city > district."""
    points = e.config.curated if c.curated else e.config.feature.get(c.fcode, 0.0)
    # By an alternate name, a capital or a country is only as likely as any place ("Delhi" ≠ Dili), and no more than
    # that where a big or widely known town has the name as its own ("Philadelphia" is not Amman by its Greek name,
    # "Salisbury" not Harare by its old one).
    if c.name_kind == 2 and points > 0:
        known = e.biggest_town >= NAMESAKE_TOWN or e.namesake_names >= KNOWN_NAMES
        return 0.0 if known else points * e.config.alternate_feature
    # A small territory's capital is a capital, but not so much that it outweighs a bigger town of the name named
    # beside its neighbours ("Vancouver and Victoria" is British Columbia's, not the Seychelles').
    if c.fcode == "PPLC" and c.population < e.config.small_capital_population:
        return points * e.config.small_capital
    return points


def _population(c: Candidate, e: _Evidence) -> float:
    return e.config.population * math.log10(c.population + 1)


def _country_context(c: Candidate, e: _Evidence) -> float:
    """Another name points to the candidate's country (a country too: "Georgian" for Georgia, not the state) —
    but a demonym alone does not make a town ``DEMONYM_NAMESAKE_SHARE`` times smaller than the biggest of its name
    the one meant:
    "Thousands of Indians in Dubai" are in the Emirates' Dubai, not in an Indian village of that name."""
    if not e.context.names_country(c.country, besides=e.key):
        return 0.0
    if (
        c.country in e.context.by_demonym_only
        and c.fcode.startswith("PPL")
        and c.population * DEMONYM_NAMESAKE_SHARE <= e.biggest_town
    ):
        return 0.0
    if _village_of_a_city_abroad(c, e):
        return 0.0
    return e.config.country_context


def _village_of_a_city_abroad(c: Candidate, e: _Evidence) -> bool:
    """A town ``CITY_ABROAD_SHARE`` times smaller than a city of ``CITY_ABROAD_POPULATION`` people of its name in
    another country, that nothing but its country's name speaks for — no admin-1 unit, county, qualifier, dateline,
    nearby place or the words of its country: "Fighting near Donetsk intensified as Russia moved troops" is
    Ukraine's city of 900,000, not a Russian town of 50,000; "services from Antwerp and Rotterdam" in a story that
    names the US are Belgium's and the Netherlands', not villages of Ohio and New York. Never the country's capital
    ("The central bank in Victoria … Seychelles": no village of Hong Kong's Victoria)."""
    if (
        not c.fcode.startswith("PPL")
        or c.fcode == "PPLC"
        or c.country in e.context.apposed  # "Mwanza, a Malawian border post"
        or e.biggest_country in ("", c.country)
        or e.biggest_town < CITY_ABROAD_POPULATION
        or c.population * CITY_ABROAD_SHARE > e.biggest_town
        or c.population >= CITY_ABROAD_VILLAGE  # a city of its own: "London" with Canada named is Ontario's
        or (c.admin1 and e.context.names_admin1(c.admin1, besides=e.key))
    ):
        return False
    return not any(e.bonus.get(term, {}).get(c.id) for term in _SINGLING_OUT) and (
        e.bonus.get("proximity", {}).get(c.id, 0.0) < CITY_ABROAD_NEAR
    )


def _capital_abroad_idle(c: Candidate, e: _Evidence) -> bool:
    """`_capital_abroad` gives nothing but to a capital by its own name whose name is a town's elsewhere too."""
    return c.fcode != "PPLC" or c.name_kind > 1 or not (e.town_countries - {c.country})


def _capital_abroad(c: Candidate, e: _Evidence) -> float:
    """A capital's name in an article that names other countries, not the capital's, and a country where a town
    of the name lies: "London" with Toronto and Canada named is London, Ontario, "Paris" beside Texas towns no longer
    the capital of France by its fame alone — the capital loses ``capital_abroad`` points (its fame, not its town)."""
    if c.fcode != "PPLC" or c.name_kind > 1 or e.context.names_country(c.country, besides=e.key):
        return 0.0
    # … the country the article names most (by more of its names than any other): "London … Toronto … Canada", not
    # "prices in London rose, while prices in Sydney and Toronto fell, a survey of Australia and Canada showed"
    said = {code: len(names - {e.key}) for code, names in e.context.countries.items()}
    most = max(said.values(), default=0)
    named = [
        code
        for code in e.town_countries
        if code != c.country
        and e.context.names_country(code, besides=e.key)
        and said.get(code, 0) == most
        and sum(n == most for n in said.values()) == 1
        # (a country named by its capital alone is a government's: "Wellington has told Canberra")
        and not e.context.countries.get(code, frozenset()) - {e.key} <= e.context.capitals
    ]
    return e.config.capital_abroad if named else 0.0


def _admin1_context(c: Candidate, e: _Evidence) -> float:
    """The candidate's admin-1 unit is named, or holds a town the article names with confidence — but not for a
    village that only goes by a major city's name as another name (`_minor_by_other_name`)."""
    if not c.admin1 or _minor_by_other_name(c, e):
        return 0.0
    return e.config.admin1_context if e.context.names_admin1(c.admin1, besides=e.key) else 0.0


def _minor_by_other_name(c: Candidate, e: _Evidence) -> bool:
    """A town that goes by the name only as another name (an old or alternate name), ``MINOR_NAMESAKE_SHARE`` times
    smaller than a city of ``major_city_population`` or more whose own name it is: "headquarters in Boston" beside
    Cincinnati is Massachusetts' city, not Owensville, Ohio (once called Boston) — that its state holds the story's
    other towns says nothing for it."""
    return (
        c.name_kind == 2
        and c.fcode.startswith("PPL")
        and e.biggest_town >= e.config.major_city_population
        and c.population * MINOR_NAMESAKE_SHARE < e.biggest_town
    )


def _admin1_away(c: Candidate, e: _Evidence) -> float:
    """An admin-1 unit of a country no other name points to is seldom meant — once the article names a country,
    or at once when a town of the name elsewhere has more people than the whole unit ("Portland", "Manchester"
    are not Jamaican parishes)."""
    if _admin1_away_idle(c, e) or e.context.names_country(c.country, besides=e.key):
        return 0.0
    if e.biggest_town > c.population:
        return e.config.admin1_outsized
    return e.config.admin1_away if e.context.countries else 0.0


def _admin1_away_idle(c: Candidate, e: _Evidence) -> bool:
    """`_admin1_away` gives nothing but to an admin-1 unit not of our curated areas."""
    return c.fcode != "ADM1" or c.curated


def _unit_namesake(c: Candidate, e: _Evidence) -> float:
    """A small town named like an admin-1 unit of its own country ("California", Maryland; "Washington", Georgia;
    "Kansas", Illinois), a hundredth of the unit's size or less, is meant when the text says so — a qualifier
    ("Kansas, Ill."), a county of it named nearby, the dateline, "the town of" — not because the story names the
    town's state or its neighbours: "a space center at Vandenberg Air Force Base in California" in a story about
    Virginia, Maryland and North Carolina is the state. (Points against the town; 0 when the text singles it out.)"""
    if _unit_namesake_idle(c, e):
        return 0.0
    if any(e.bonus.get(term, {}).get(c.id) for term in _TOWN_SINGLED_OUT):
        return 0.0
    return e.config.unit_namesake


def _unit_namesake_idle(c: Candidate, e: _Evidence) -> bool:
    """`_unit_namesake` gives nothing but to a town a hundredth of the size of its country's unit of the name or
    less."""
    unit = e.unit_people.get(c.country, 0)
    return not c.fcode.startswith("PPL") or unit < UNIT_OVER_TOWN * max(c.population, 1)


# What puts a name near the next: ", south of ", ", 40 km north-east of ", ", near ", ", just outside ", and a time
# of travel: ", two hours west of ", ", about an hour's drive from ", ", a 90-minute drive north of ".
_COMPASS_OF = (
    r"(?:to the |due )?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"(?: (?:outskirts|suburbs|edge|side))? of"
)
_TRAVEL_TIME = (
    r"(?:(?P<time>an?|half an|one|two|three|four|five|six|\d+(?:\.\d+)?)(?:[ -]and[ -]a[ -]half)?[ -]"
    r"(?P<time_unit>hours?|minutes?)(?: and a half)?"
    r"(?:['’]s?)?(?: (?P<by>drive|ride|journey|trip|train ride|bus ride|walk|flight|by car|by train|by road))? |"
    r"an? (?P<time2>\d+(?:\.\d+)?|one|two|three|half)(?:[ -]and[ -]a[ -]half)?[ -](?P<time_unit2>hours?|minutes?)"
    r" (?P<by2>drive|ride|journey|trip|train ride|bus ride|walk|flight) )"
)
_RELATIVE_PLACE = re.compile(
    r",? (?:(?:just|some|about|around|roughly|nearly|almost|only|less than|under) )?(?:(?:(?P<distance>\d[\d,.]*) ?"
    r"(?P<unit>km|kilometres|kilometers|miles|mi)\.? )?(?:"
    + _COMPASS_OF
    + r"|near|outside|close to|not far from|across the (?:river|border|bay|lake) from)|"
    + _TRAVEL_TIME
    + r"(?:"
    + _COMPASS_OF
    + r"|from|outside|away from)"
    # "Udaipur, 400 km from Jaipur": a distance said alone puts it that far
    + r"|(?P<distance3>\d[\d,.]*) ?(?P<unit3>km|kilometres|kilometers|miles|mi)\.? (?:away )?from)"
    + r"(?: the (?:city|town|port|capital) of)? "
)
# A journey of a said length from the name before to the next: "a teacher from Jaipur, cycled 400 kilometres to
# Udaipur", "Holt drove 300 miles from Leeds to Inverness" — the destination lies about that far from the start.
_JOURNEY = re.compile(
    r"(?:,| to| and)? (?:[\w'’-]+ ){0,6}?(?:cycled|walked|drove|driven|ran|run|marched|rode|ridden|hiked|trekked|"
    r"paddled|swam|rowed|sailed|travell?ed|journeyed|pedalled|pedaled|flew|flown|trudged|raced|biked|walking|"
    r"cycling|driving|running|marching|hiking|trekking) (?:(?:about|some|nearly|almost|roughly|around|more than|"
    r"over|close to|at least|the|a|an) )?(?P<distance>\d[\d,.]*) ?(?P<unit>km|kilometres|kilometers|miles|mi)\.? "
    r"(?:[\w'’-]+ ){0,2}?to "
)
JOURNEY_NEAREST = 0.5  # a journey's said length puts its end no nearer its start than this share of it
# How many hours or minutes a word says ("an hour", "half an hour", "two hours"; _TRAVEL_TIME's words)
_TIME_WORDS = {
    "a": 1.0, "an": 1.0, "one": 1.0, "half an": 0.5, "half": 0.5, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
    "six": 6.0,
}  # fmt: skip
TRAVEL_KM_PER_HOUR = {"walk": 5.0}  # otherwise a drive's or a train's: ``TRAVEL_KM_PER_HOUR_ROAD``
TRAVEL_KM_PER_HOUR_ROAD = 100.0
TRAVEL_NEAREST = 0.3  # a time of travel puts a name no nearer than this share of the distance it covers
LIST_PEER_UNIT = (
    1.0  # a list peer's likely town or county in the same state or province: this share of list_peer more …
)
LIST_UNIT_SHARE = 10  # … for a town or county at least this share (1/n) of the biggest place of its name
RELATIVE_PLACE_KM = (
    150.0  # a name said to lie "south of" or "near" another lies this near it (plus a distance said)
)


# "nearby Perth", "the neighbouring town of Perth": near a town the text named shortly before (NEARBY_ANCHOR_CHARS)
_NEARBY_BEFORE = re.compile(
    r"\b(?:nearby|neighbou?ring|adjacent|adjoining)(?: (?:town|city|village|suburb|county|borough|community|hamlet|"
    r"port|municipality)s?(?: of)?)? $"
)
NEARBY_ANCHOR_CHARS = 400  # characters from the end of a town's name to the "nearby" name it anchors
_NEARBY_ANCHOR_CODES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLX", "ADM2"})


SAME_SPOT_KM = 50.0  # two readings of a name this near in one country are one place to a reader


def same_spot(a: Candidate, b: Candidate) -> bool:
    """Whether two readings lie within ``SAME_SPOT_KM`` of each other in one country (a city and its namesake
    municipality or county)."""
    return _within(a, b, SAME_SPOT_KM)


def _travel_km(said: re.Match[str]) -> float:
    """The distance a time of travel the text gives covers, in km ("two hours", "a 90-minute drive", "an hour and a
    half"; ``TRAVEL_KM_PER_HOUR``); 0 without one, and ``math.inf`` for a flight's (a flight says far, not where:
    "Perth, a 17-hour flight from London")."""
    time, unit = (
        said.group("time") or said.group("time2"),
        said.group("time_unit") or said.group("time_unit2"),
    )
    if not time or not unit:
        return 0.0
    if (said.group("by") or said.group("by2")) == "flight":
        return math.inf
    amount = _TIME_WORDS.get(time.lower())
    if amount is None:
        try:
            amount = float(time)
        except ValueError:
            return 0.0
    if re.search(r"and[ -]a[ -]half", said.group()):
        amount += 0.5
    hours = amount / 60 if unit.startswith("minute") else amount
    by = said.group("by") or said.group("by2") or ""
    return hours * TRAVEL_KM_PER_HOUR.get(by, TRAVEL_KM_PER_HOUR_ROAD)


def _said_km(distance: str | None, unit: str | None) -> float:
    """The distance a text gives ("40", "km"; "25", "miles") in km; 0 without one."""
    if not distance:
        return 0.0
    try:
        value = float(distance.replace(",", ""))
    except ValueError:
        return 0.0
    return value * (1.609 if unit and unit.startswith("mi") else 1.0)


def _country_unit(c: Candidate, e: _Evidence) -> float:
    """An admin-1 unit named like its own country ("Guatemala", the department; "Taiwan", the old province) is meant
    when the text calls it a unit ("the department of Guatemala"); otherwise the name is the country's, whatever the
    story's cities ("Guatemala City", "Taipei") lend the unit that holds them. (Points against the unit; 0 when the
    text calls it one.)"""
    if _country_unit_idle(c, e):
        return 0.0
    if e.bonus.get("admin_word", {}).get(c.id):
        return 0.0
    return e.config.country_unit


def _country_unit_idle(c: Candidate, e: _Evidence) -> bool:
    """`_country_unit` gives nothing but to an admin-1 unit named like its own country."""
    return c.fcode != "ADM1" or c.country not in e.own_countries


def _from_text(term: str, doc: str) -> Callable[[Candidate, _Evidence], float]:
    """A term whose points the resolver works out from the mention's surroundings (see ``Resolver._bonuses``)."""

    def points(c: Candidate, e: _Evidence) -> float:
        found = e.bonus.get(term)
        return found.get(c.id, 0.0) if found else 0.0

    points.__name__ = f"_{term}"
    points.__doc__ = doc
    points.from_text = True  # type: ignore[attr-defined]
    return points


def _namesake_city(c: Candidate, e: _Evidence) -> float:
    """ "New York", "Basel", "Herat", "Kharkiv", "Córdoba": when a city (≥ ``seat_min_population``, by its own name
    or an alias) lies in an admin-1 unit of the same name, a bare name means the city, so every admin-1 reading
    loses points ("Kharkiv region" still wins through ``admin_word``). Points against the units, not for the city,
    so the city competes with its namesakes elsewhere on its own merits (Saint-Louis, Senegal gains nothing on
    St. Louis, Missouri)."""
    return -e.config.namesake_city if c.fcode == "ADM1" and e.namesakes else 0.0


def _major_city(c: Candidate, e: _Evidence) -> float:
    """ "Canton", "Leningrad", "Danzig": an old or other name of a big city outweighs the small towns whose own name
    it is, per power of ten over ``major_city_population`` (an article's context still brings them back: "Canton" in
    an Ohio story) — unless the biggest of those towns is widely known itself (``KNOWN_NAMES`` names or more in the
    gazetteer: "Salisbury" is the English city before it is Harare's old name).

    "Ghent", "Hanover", "Cologne": GeoNames keeps a city's English name without its language, as just another
    alternate name. When the towns whose own name it is are little known (the biggest has fewer than
    ``OBSCURE_NAMES`` names) and no admin-1 unit of the name holds the city, a city of ``exonym_population`` or more
    (or of ``exonym_known_population`` and ``KNOWN_NAMES`` names: "Bruges", Brugge's 118,000 people and 52 names
    over a French village's one) gets each power of ten of its lead over the biggest of them (or over
    ``exonym_floor`` people).

    Only while no town of ``NAMESAKE_TOWN`` people or more has the name as its own (GeoNames' alternate names include
    translations: "Alexandria" is a name of Mashhad too)."""
    if not (
        c.name_kind == 2
        and c.fcode.startswith("PPL")
        # "Alexandria", "Victoria" are their own cities, not Mashhad's — but a city MAJOR_CITY_LEAD times the biggest
        # town whose own name it is, and NAMES_LEAD times as widely known, still leads it ("Odessa": Odesa's
        # 1,000,000 people and 59 names, Odessa, Texas' 114,000 and 14; not "Pueblo": Puebla's 48 names, Pueblo's 26)
        and (
            e.biggest_town < NAMESAKE_TOWN
            or (c.population >= MAJOR_CITY_LEAD * e.biggest_town and c.names >= NAMES_LEAD * e.namesake_names)
        )
    ):
        return 0.0
    config = e.config
    points = 0.0
    if e.namesake_names < KNOWN_NAMES:
        points = config.major_city * math.log10(max(c.population / config.major_city_population, 1.0))
    if (
        e.namesake_names < OBSCURE_NAMES
        and c.admin1 not in e.own_units  # "New York" in New York is the state's namesake, not an exonym
        and (
            c.population >= config.exonym_population
            or (
                # a written-out name, rare in English: not "Ore." (Oregon), "Dry" (Derry)
                c.population >= config.exonym_known_population
                and c.names >= KNOWN_NAMES
                and "." not in e.mention.text
                and len(e.key) > 3
                and not common_in_english(e.key)
            )
        )
    ):
        lead = c.population / max(e.biggest_town, config.exonym_floor)
        points = max(points, config.major_city * math.log10(max(lead, 1.0)))
    return points


def _acronym(c: Candidate, e: _Evidence) -> float:
    """An acronym ("EU", "US") names what is written as one, not the town "Eu" or "Us"."""
    surface = e.mention.text.replace(".", "")
    if (
        e.mention.source != "dateline"
        and surface.isupper()
        and len(surface) <= 4
        and c.name_kind == 0
        and (
            c.fcode != "ADM1"  # "NSW", "UP": states go by their initials
        )
    ):
        return 0.0 if c.name.replace(".", "").isupper() else e.config.acronym
    return 0.0


TERMS: dict[str, Callable[[Candidate, _Evidence], float]] = {
    "name_match": _name_match,
    "feature": _feature,
    "population": _population,
    "country_context": _country_context,
    "capital_abroad": _capital_abroad,
    "admin1_context": _admin1_context,
    "admin1_away": _admin1_away,
    "qualifier": _from_text(
        "qualifier",
        '"X, Y" ("Paris, Texas", "Eugene, OR", "Windsor, Ont."): X\'s readings inside the country or admin-1 unit Y '
        "names (a name, an alias, an ISO 3166-2 / USPS / postal code).",
    ),
    "contains": _from_text(
        "contains", '"X, Y": Y\'s readings that contain a reading of X ("Valdosta, Georgia" → the US state).'
    ),
    "admin_word": _from_text(
        "admin_word",
        '"Kharkiv region", "Herat province", "the canton of Bern", "Quebec\'s premier", "the governor of '
        'Georgia", "rural Quebec", "upstate New York", "western New York": the admin unit, not the city or the '
        "country.",
    ),
    "country_cue": _from_text(
        "country_cue",
        'Words that place the article in one country without naming a place (data/country_cues.csv: "the NHS", '
        '"council tax", "RCMP", "Lok Sabha", "₹500"): its readings in that country ("Weymouth council tax will '
        "rise\": Dorset's Weymouth, not Massachusetts').",
    ),
    "national_body": _from_text(
        "national_body",
        "A national body's branch named by the town right before it (a cue of data/country_cues.csv after the name: "
        '"Kingston Mounties", "Dundalk Gardaí", "Georgia Medicaid"): its readings in that country.',
    ),
    "town_word": _from_text(
        "town_word",
        '"Santa Cruz, Bolivia\'s economic hub", "Herat, the provincial capital", "the city of Mendoza": a town '
        "(populated place), not the province or country of its name.",
    ),
    "relative_place": _from_text(
        "relative_place",
        '"Vienne, south of Lyon", "Hoorn, 40 km north of Amsterdam": a reading near the place the words after the '
        "name put it by (within RELATIVE_PLACE_KM plus the distance said).",
    ),
    "list_peer": _from_text(
        "list_peer",
        '"California, Oregon and Washington", "Birmingham, Manchester and Leeds": a reading of the same kind '
        "(country, admin-1, town) and country as the likely readings of the list's other members.",
    ),
    "dateline": _from_text("dateline", "A later mention of the dateline's own name is the dateline's place."),
    "proximity": _from_text(
        "proximity",
        "Nearness to the likely places of the other names: weight × exp(−km / proximity_km) (seas and regions: "
        "area_km, and countries count as their neighbours).",
    ),
    "holds_city": _from_text(
        "holds_city",
        "An admin-1 unit holding a city of holds_city_population or more that another name of the article most "
        'likely is ("Atlanta … Georgia": the US state, not the country).',
    ),
    "in_county": _from_text(
        "in_county",
        "A town within county_km of a county (admin-2 unit) another name of the article likely is, times its share "
        '("The Alexander County board met in Cairo": Cairo, Illinois, not Egypt\'s capital).',
    ),
    "old_name": _from_text(
        "old_name",
        "In a sentence of history, a town of which the name is an old or other name, old_name_lead times the biggest "
        'little-known town whose own name it is ("born in Thorn in 1473": Toruń).',
    ),
    "namesake_city": _namesake_city,
    "unit_namesake": _unit_namesake,
    "country_namesake": _from_text(
        "country_namesake",
        'A list of countries\' own names ("soybean sales to Mexico and Peru", "offices in Norway and Poland") names '
        "the countries, not towns named like them (Peru and Mexico, Indiana; Norway and Poland, Maine) that the "
        "story's state and neighbours pull toward: points against such a town, unless the text singles it out.",
    ),
    "country_unit": _country_unit,
    "major_city": _major_city,
    "acronym": _acronym,
}
_TEXT_TERMS = frozenset(name for name, term in TERMS.items() if getattr(term, "from_text", False))
# Terms that give a candidate nothing whatever the document says, as its place and the name alone tell (the fields
# of _Evidence that `Resolver._prior` fills): each is asked once per name, and `_pick` leaves out the idle ones.
_IDLE: dict[str, Callable[[Candidate, _Evidence], bool]] = {
    "admin1_away": _admin1_away_idle,
    "capital_abroad": _capital_abroad_idle,
    "unit_namesake": _unit_namesake_idle,
    "country_unit": _country_unit_idle,
}
# Terms that read only the name and the place: computed once per name and document, not on every pass.
_PRIOR_TERMS = frozenset({"name_match", "feature", "population", "namesake_city", "major_city", "acronym"})


def _same_places(a: list[Resolution], b: list[Resolution]) -> bool:
    """Whether two passes read every mention as the same place (then a further pass changes nothing much)."""
    return [r.place.id if r.place else None for r in a] == [r.place.id if r.place else None for r in b]


@dataclass(frozen=True, slots=True)
class FallbackQuery:
    """What a :class:`Fallback` is told about a toponym: its mention, the document's text (``mention.start`` and
    ``mention.end`` index it) and the offline resolution (unplaced, approximate, or in ``every_toponym`` mode any)."""

    mention: Mention
    text: str
    offline: Resolution


class Fallback(Protocol):
    """A geocoder the resolver consults for the toponyms the offline index cannot place (no reading, or only an
    approximate one), and for every toponym when it has a true ``every_toponym`` attribute.

    Called as ``fallback(toponym, query)`` with the mention's text and a :class:`FallbackQuery`; returns the place as
    a :class:`Candidate` (lat/lon in degrees; its admin-1 and country names are filled in by the gazetteer) or None
    when it knows none. Its errors propagate. :class:`geo.online.OnlineGeocoder` is one (any geopy service)."""

    def __call__(self, toponym: str, query: FallbackQuery, /) -> Candidate | None:
        """The place *toponym* names, or None."""
        ...


class Resolver:
    """Pick one place per mention from the gazetteer's candidates by summing named evidence terms (``TERMS``,
    weighted by a :class:`ResolverConfig`); every :class:`Resolution` carries its evidence. *fallback*: a
    :class:`Fallback` geocoder consulted for the names the index cannot place (default: none, offline)."""

    def __init__(
        self, gazetteer: Gazetteer, config: ResolverConfig | None = None, *, fallback: Fallback | None = None
    ) -> None:
        self.gazetteer = gazetteer
        self.config = config or ResolverConfig()
        self.fallback = fallback
        terms = [(name, term) for name, term in TERMS.items() if name not in self.config.off]
        self._prior_terms = [(n, t) for n, t in terms if n in _PRIOR_TERMS]
        self._context_terms = [(n, t) for n, t in terms if n not in _PRIOR_TERMS]
        # Mention name → its candidates' fixed points: they read only the name and the places, so they hold across
        # documents (the gazetteer hands out the same candidate tuples); at most PRIOR_MEMORY names, then anew.
        self._priors: dict[tuple, tuple] = {}
        # … and, by the same key, its reading with no context and nothing from its surroundings (see _pick).
        self._bare: dict[tuple, tuple] = {}
        self._picked: dict[tuple, list] = {}  # per document: (name, context) → resolutions made (see _pick)
        # … and, by the readings' identity, what they say of old names (see _old_name_towns; at most PRIOR_MEMORY).
        self._old_names: dict[int, tuple] = {}
        # (terms said, countries?, admin-1 units?) → the terms that speak (see _terms_for)
        self._terms: dict[tuple, list] = {}
        self.calibration = load_calibration() if self.config.calibrated else None
        self.qualifiers = QualifierReader(gazetteer)  # "X, Y": shared with the geocoder (geo/placestring.py)
        self._cued: frozenset[str] = frozenset()  # the countries the document's words cue (country_cues)

    def resolve(
        self, text: str, mentions: list[Mention], *, cued: frozenset[str] = frozenset()
    ) -> list[Resolution]:
        """Resolve every mention of one document (passes: priors, then priors + the document context and anchors
        of the previous pass, until the readings settle or ``ITERATIONS`` more passes are done).

        Mentions with source ``"maybe"`` (a name NER gave to a person or organisation) are kept only when a place of
        that name lies within ``MAYBE_KM`` of a place the others confidently name ("Torrington" in a Litchfield
        County story); they then count as NER's. Last, the :class:`Fallback` (when there is one) is asked about
        the names left unplaced or placed approximately. *cued*: countries (ISO alpha-2) the text cues without a
        mention, as data/country_cues.csv's words do (the recognizer's national sides: "England were bowled out")."""
        if len(self._priors) >= PRIOR_MEMORY:
            self._priors.clear()
            self._bare.clear()
        self._picked.clear()
        self._cued = (
            frozenset(country_cues(text)) | cued if "country_cue" not in self.config.off else frozenset()
        )
        resolutions = self._resolve_all(text, mentions)
        if self.calibration is not None:
            for resolution in resolutions:
                # Approximate placements too: the probability that the point shown is within 161 km of the place.
                resolution.score = self.calibration.probability(resolution)
            # … and no surer than the reading of the place it is shown at (the model may rate a "nearby" placement
            # a hair above its host's)
            hosts: dict[int, float] = {}
            for resolution in resolutions:
                if resolution.place is not None and not resolution.approximate:
                    hosts[resolution.place.id] = max(hosts.get(resolution.place.id, 0.0), resolution.score)
            for resolution in resolutions:
                if resolution.approximate and resolution.place is not None and resolution.place.id in hosts:
                    cap = round(hosts[resolution.place.id] - 0.001, 3)
                    resolution.score = max(0.0, min(resolution.score, cap))
        if self.fallback is not None:
            resolutions = [self._fall_back(text, r) for r in resolutions]
        return resolutions

    def _fall_back(self, text: str, resolution: Resolution) -> Resolution:
        """The fallback geocoder's resolution of a mention the index could not place (any mention in
        ``every_toponym`` mode; never a demonym), or *resolution* unchanged when it is not asked or finds nothing.
        A place the index did read from the name stays as the runner-up."""
        assert self.fallback is not None
        offline = resolution.place is not None and not resolution.approximate
        if resolution.mention.demonym_of or (offline and not getattr(self.fallback, "every_toponym", False)):
            return resolution
        found = self.fallback(resolution.mention.text, FallbackQuery(resolution.mention, text, resolution))
        if found is None:
            return resolution
        alternatives = [(resolution.place, resolution.score)] if offline and resolution.place else []
        return Resolution(
            resolution.mention, self.gazetteer.described(found), FALLBACK_SCORE, alternatives, via="geocoder"
        )

    def _resolve_all(self, text: str, mentions: list[Mention]) -> list[Resolution]:
        sure = [m for m in mentions if m.source != "maybe"]
        resolutions = self._resolve(text, sure)
        if len(sure) == len(mentions):
            return resolutions
        anchors = [
            r.place
            for r in resolutions
            if r.place is not None
            and r.via == "name"
            and r.score >= MAYBE_ANCHOR
            and r.place.fcode not in ANCHORLESS
        ]
        near = AnchorIndex(anchors)
        # … or, for NER's person, in a state or province the text names surely: "Gore was cut off" in a story of
        # Southland (NER's organisation is as often a firm or a college of the state: "Clemson's defensive end")
        said = [
            r
            for r in resolutions
            if r.place is not None and r.place.fcode == "ADM1" and r.via == "name" and r.score >= MAYBE_ANCHOR
        ]
        units = frozenset(r.place.admin1 for r in said if r.place is not None)
        # … and a given name or a word ("Jackson", "Lincoln") only in a state the same sentence names, or as a state
        # whose town that sentence names ("Victoria recorded 1,200 cases, the health department in Melbourne said")
        by_sentence = _units_by_sentence(said)
        towns_in = _units_by_sentence(
            r
            for r in resolutions
            if r.place is not None and r.place.fcode.startswith("PPL") and r.via == "name" and r.place.admin1
        )
        kept = [
            replace(m, source="ner")
            for m in mentions
            if m.source == "maybe"
            and (
                (m.rule != "maybe_common_name" and self._near(m, near))
                or (
                    m.label == "PERSON"
                    and m.rule != "maybe_common_name"
                    and not _A_PERSON_DID.match(
                        text, m.end
                    )  # "Bellingham scored twice as England beat Serbia"
                    and self._in_units(m, units)
                )
                or (
                    m.rule == "maybe_common_name"
                    and not _A_PERSON_DID.match(text, m.end)
                    and (
                        self._in_units(m, by_sentence.get(m.sentence, frozenset()))
                        or self._a_unit_of(m, towns_in.get(m.sentence, frozenset()))
                    )
                )
            )
        ]
        return self._resolve(text, sorted([*sure, *kept], key=lambda m: m.start)) if kept else resolutions

    def _in_units(self, mention: Mention, units: frozenset[str]) -> bool:
        return bool(units) and any(
            c.admin1 in units and c.fcode.startswith("PPL") and c.population >= MAYBE_UNIT_POPULATION
            for c in self.gazetteer.candidates(mention.text)
            if c.name_kind <= 1
        )

    def _a_unit_of(self, mention: Mention, units: frozenset[str]) -> bool:
        """Whether the mention's name is, by its own name, one of the admin-1 *units*."""
        return bool(units) and any(
            c.fcode == "ADM1" and c.admin1 in units
            for c in self.gazetteer.candidates(mention.text)
            if c.name_kind <= 1
        )

    def _near(self, mention: Mention, anchors: AnchorIndex) -> bool:
        return any(
            anchors.near(c.lat, c.lon) for c in self.gazetteer.candidates(mention.text) if c.name_kind <= 1
        )

    def _resolve(self, text: str, mentions: list[Mention]) -> list[Resolution]:
        candidates = _outside_their_town(
            text, mentions, [_uncut(text, m, self._candidates(m)) for m in mentions]
        )
        runs = _lists(text, mentions)  # the text's lists, read once for every term that reads them
        if "admin_word" not in self.config.off:
            self._listed_units(text, mentions, candidates, runs)
        if "qualifier" not in self.config.off:
            self._code_readings(text, mentions, candidates)
        river_guesses = self._river_readings(text, mentions, candidates, {i for run in runs for i in run})
        read: dict[int, Qualifier] = {}  # the words after each mention that say where it is, read once
        fixed = self._text_bonuses(
            text, mentions, candidates, runs, read
        )  # what the words around each mention say
        context = Context()
        final = [
            self._pick(m, c, context, fixed.get(i, {}))
            for i, (m, c) in enumerate(zip(mentions, candidates, strict=True))
        ]
        for _ in range(1 + ITERATIONS):
            first = final
            # A context equal to the last pass's is that one: _pick remembers the readings it made with it.
            context = context if (said := self._context(first, text)) == context else said
            bonuses = self._document_bonuses(text, mentions, candidates, first, context, runs)
            for i, found in fixed.items():
                mine = bonuses.setdefault(i, {})
                mine.update(found)
                _settle(mine, self.config.qualifier)
            final = [
                self._pick(m, c, context, bonuses.get(i, {}))
                for i, (m, c) in enumerate(zip(mentions, candidates, strict=True))
            ]
            if _same_places(first, final):
                break
        final = _kin_follow(final)
        # the admin-1 units of the counties the article names: where a local story is
        counties = frozenset(
            r.place.admin1
            for r in final
            if r.place is not None and r.place.fcode == "ADM2" and r.via == "name"
        )
        subject = _story_subject(final)
        doubtful = (
            {
                i
                for i, r in enumerate(final)
                if normalize_name(r.mention.text) != subject
                # a lone reading too when it is a hamlet outside a local story's state: "a compressor station near
                # Howland" in a story of Lamar County, Texas is no village of Maine
                if (
                    len(candidates[i]) > 1
                    or self._lone_hamlet(r, context, counties)
                    # a building's name read as a far hamlet: "the Sky Tower" under an Auckland dateline
                    or _VENUE_SHAPED.search(r.mention.text) is not None
                )
                and self._doubtful(
                    r,
                    context,
                    r.evidence.get("proximity", 0.0)
                    + r.evidence.get("qualifier", 0.0)
                    # a list's peers surely of its country speak for it as nearness does (support over 0.5, which
                    # a sure peer of another country gives: "Uppsala and Lund" is no street; not the floor plans
                    # "Jamison, Norbury, Granville", not "bands from Reykjavik and Harmony")
                    + (
                        peers
                        if (peers := r.evidence.get("list_peer", 0.0)) > self.config.list_peer / 2
                        else 0.0
                    ),
                )
            }
            | _far_from_its_host(text, final)
            | _feature_part_abroad(text, final)
            # a name before "river" read as a town far from the story's places ("the Kamo river" in Kyoto)
            | {i for i in river_guesses if not _near_another(final, i, _river_guess_near_km(final[i]))}
        )
        final = self._place_unknown(text, final, context, doubtful)
        if "qualifier" in self.config.off:
            return final
        placed = {r.mention.start: r.place.id for r in final if r.place is not None and r.via == "name"}
        listed = {i for run in runs for i in run}
        for i, r in enumerate(final):
            # not after "Town, State," ("Mars, Pennsylvania, a borough …"), in a list, or after "Like"
            if not (i and _comma_pair(text, mentions[i - 1], r.mention)) and i not in listed:
                final[i] = self._outside_apposition(text, r, read.get(i), candidates[i], placed)
        for i in range(len(final) - 1):
            if i not in listed and i + 1 not in listed and _comma_pair(text, mentions[i], mentions[i + 1]):
                final[i] = self._outside_qualifier(text, final[i], final[i + 1], candidates[i])
        return final

    @staticmethod
    def _outside_qualifier(
        text: str, resolution: Resolution, qualifier: Resolution, options: tuple[Candidate, ...]
    ) -> Resolution:
        """ "Lyme, Connecticut" when the index knows no Lyme in Connecticut (only one in New Hampshire): the town is
        in the admin-1 unit or country the next mention names, not at a namesake outside it — placed there
        approximately (``via="nearby"``), the namesake kept as the first alternative. Only for "X, Y" alone (not
        in a list: "Boston, Texas and Ohio") where Y is read by its name as a state, province or country. A unit of
        another country is no more in Y than a town is: "Wexford, Pennsylvania" is no Irish county, "Mesopotamia,
        Ohio" no region of Iraq."""
        unit = qualifier.place
        if (
            resolution.via != "name"
            or resolution.place is None
            or resolution.mention.demonym_of
            or unit is None
            or not (
                resolution.place.fcode.startswith("PPL")
                or (
                    (
                        resolution.place.fcode in ("ADM1", "ADM2")
                        or resolution.place.curated
                        or (resolution.place.fcode == "PCLI" and unit.fcode == "ADM1")  # not "China, Canada"
                    )
                    and resolution.place.country  # (not a sea or region of no one country: "the Gulf, Qatar")
                    and resolution.place.country != unit.country
                )
                # … unless it lies far from Y: "Jordan Valley, Oregon" is no valley of the Middle East
                or (
                    resolution.place.curated
                    and not resolution.place.country
                    and _far_apart(resolution.place, unit)
                )
            )  # "the Indiana, Ill., border": two states
            or qualifier.via != "name"
            or unit.fcode not in ("ADM1", "PCLI")
            or qualifier.mention.demonym_of
            or qualifier.score < OUTSIDE_QUALIFIER_SURE
            # Y ends its phrase: not a new clause ("In Kyiv, Poland's president said", "In Moscow, Ukraine said")
            or not _QUALIFIER_ENDS.match(text, qualifier.mention.end)
        ):
            return resolution
        if unit.fcode == "ADM1" and (
            any(c.admin1 == unit.admin1 for c in options)
            # a unit of another country than every reading's ("Kansas City, North"), unless a state's abbreviation
            # says which state: "Dorset, Vt." is no English county
            or not (
                any(c.country == unit.country for c in options)
                or _STATE_ABBREVIATION.fullmatch(qualifier.mention.text)
                # "Mesopotamia, Ohio", "Galilee, Rhode Island": our region abroad is no town of the state
                or resolution.place.curated
                # "Ceylon, Minnesota", a village the index lacks: no country of that old name is in the state
                or (
                    resolution.place.fcode == "PCLI"
                    and normalize_name(qualifier.mention.text) == normalize_name(unit.name)
                )
            )
        ):
            return resolution
        if unit.fcode == "PCLI" and any(c.country == unit.country for c in options):
            return resolution
        alternatives = [(resolution.place, resolution.score), *resolution.alternatives][:MAX_ALTERNATIVES]
        return Resolution(resolution.mention, unit, NEARBY_SCORE, alternatives, via="nearby")

    @staticmethod
    def _outside_apposition(
        text: str,
        resolution: Resolution,
        qualifier: Qualifier | None,
        options: tuple[Candidate, ...],
        placed: dict[int, int],
    ) -> Resolution:
        """ "Gombe, the Kinshasa business district" when the index knows no Gombe near Kinshasa (only Nigeria's):
        the name is in or beside the one town or admin-2 unit its apposition names (see
        :meth:`~geo.placestring.QualifierReader.after`), not at a namesake elsewhere — placed there approximately
        (``via="nearby"``), the namesake kept as the first alternative. Only when the apposition's own name is read
        as that town or unit too (*placed*: mention start → place id of the names read by name): "Hoover, a suburb
        of Birmingham, Alabama" is not moved to England's Birmingham. *qualifier* is what the words after the name
        say (read once by ``_text_bonuses``)."""
        place = resolution.place
        if (
            qualifier is None
            or resolution.via != "name"
            or place is None
            or resolution.mention.demonym_of
            or not text.startswith(",", resolution.mention.end)
            or place.fcode in ("PCLI", "CONT")
            or place.population
            >= APPOSITION_FIRM_POPULATION  # "Ohio, the Cleveland suburb": a typo, not a move
            or _COMPARISON.search(text, max(0, resolution.mention.start - 20), resolution.mention.start)
        ):
            return resolution
        if len(qualifier.areas) != 1 or qualifier.admin1 or qualifier.countries:
            return resolution
        area = qualifier.areas[0]
        if any(qualifier.admits(c) for c in options) or (
            area.fcode == "ADM2" and any(c.admin1 == area.admin1 for c in options)
        ):
            return resolution  # "Blythe, a city in Riverside County": in the county's state, a county is wide
        end = resolution.mention.end + len(qualifier.text)
        if not any(
            resolution.mention.end < start < end and placed_id == area.id
            for start, placed_id in placed.items()
        ):
            return resolution
        alternatives = [(place, resolution.score), *resolution.alternatives][:MAX_ALTERNATIVES]
        return Resolution(resolution.mention, area, NEARBY_SCORE, alternatives, via="nearby")

    @staticmethod
    def _lone_hamlet(resolution: Resolution, context: Context, counties: frozenset[str]) -> bool:
        """A name's only reading, a town of under ``LONE_REMOTE_POPULATION`` in another admin-1 unit of its country
        than a local story's: one whose county (admin-2 unit) the article names (*counties*: their admin-1 codes) —
        "a compressor station near Howland" in a story of Lamar County, Texas is no village of Maine. A state named
        alone says no more than where the news is from ("Texas Governor Greg Abbott sent troops to Rolling Fork"),
        and a hamlet of a country whose units the article does not name is where the story went ("Dunshaughlin"
        beside "London", "Ireland")."""
        c = resolution.place
        if c is None or c.population >= LONE_REMOTE_POPULATION or c.admin1 in counties:
            return False
        key, prefix = normalize_name(resolution.mention.text), c.country + "."
        return any(
            code.startswith(prefix) and code in counties and context.names_admin1(code, key)
            for code in context.admin1
        )

    @staticmethod
    def _doubtful(resolution: Resolution, context: Context, bonus: float) -> bool:
        """A small town outside every admin-1 unit the article names and near none of its places: in a local
        story "Bourbon" or "Lafayette" is likelier a street or square of the story's town than a far-off village."""
        c = resolution.place
        return (
            c is not None
            and c.fcode.startswith("PPL")
            and c.fcode != "PPLC"  # a national capital is what it says, however small (Vatican City)
            and not c.curated
            and c.population < REMOTE_TOWN_POPULATION
            # a widely known town is what it says, however small (Venice, Bethlehem) — and a fairly known one by a
            # name of several words or one rare in English, not an abbreviation ("Palo Alto"; not "Valley", "N.B.")
            and c.names < KNOWN_NAMES
            and (
                c.names < REMOTE_KNOWN_NAMES
                or "." in resolution.mention.text
                or (" " not in resolution.mention.text and common_in_english(resolution.mention.text))
            )
            and bool(context.admin1)
            # "the mayor of Sligo" in a story that names Ireland: called a town, in a country the story names
            and not (
                resolution.evidence.get("town_word")
                and context.names_country(c.country, normalize_name(resolution.mention.text))
            )
            # (a name is no evidence for its own reading: a lone reading puts its own unit in the context)
            # (kin count here: "Galway City Council" names the unit a later bare "Galway" is in)
            and not context.names_admin1(c.admin1, normalize_name(resolution.mention.text), kin=False)
            and bonus < REMOTE_PROXIMITY
            and resolution.mention.source != "dateline"
        )

    def _place_unknown(
        self, text: str, resolutions: list[Resolution], context: Context, doubtful: set[int]
    ) -> list[Resolution]:
        """Place the mentions the gazetteer has no entry for, and the doubtful ones, approximately (see the
        module docstring); a doubtful one keeps its town as the first alternative."""
        if not doubtful and all(r.place is not None or r.mention.demonym_of for r in resolutions):
            return resolutions
        hosts = [
            r
            for i, r in enumerate(resolutions)
            if r.place is not None and r.place.fcode != "CONT" and i not in doubtful
        ]
        # Each named place's surest reading: an approximate placement is as sure as the place it is put at.
        named: dict[int, Resolution] = {}
        for r in hosts:
            if r.place is not None and (r.place.id not in named or named[r.place.id].share < r.share):
                named[r.place.id] = r
        index = HostIndex(hosts, context) if hosts else None
        out = []
        for i, r in enumerate(resolutions):
            if (r.place is not None and i not in doubtful) or r.mention.demonym_of:
                out.append(r)
                continue
            if not hosts:  # nothing named to place it by but its own words: "Flights from Entebbe Airport"
                out.append(
                    (
                        self._by_official_name(r.mention, context)
                        or self._by_airport_town(text, r.mention, context)
                        if r.place is None
                        else None
                    )
                    or r
                )
                continue
            placed = (
                self._by_official_name(r.mention, context)
                or self._by_part(r.mention, named, context)
                or self._by_prefix(r.mention, context)
                or self._by_airport_town(text, r.mention, context)
                or self._nearby(text, r.mention, index)  # type: ignore[arg-type]  # (not None with hosts)
            )
            if r.place is not None:
                placed.alternatives = [(r.place, r.score), *r.alternatives][:MAX_ALTERNATIVES]
            out.append(placed)
        return out

    def _by_part(self, mention: Mention, named: dict[int, Resolution], context: Context) -> Resolution | None:
        """ "Manila Cathedral", "Colorado State University": the longest run of words naming a place of the article,
        as sure as that place's own reading ("Athens Regional Park" is no surer than the story's "Athens")."""
        words = mention.text.split()
        for n in range(len(words) - 1, 0, -1):
            for k in range(len(words) - n + 1):
                found = tuple(
                    c for c in self.gazetteer.candidates(" ".join(words[k : k + n])) if c.id in named
                )
                if found:
                    pick = self._pick(mention, found, context)
                    host = named[pick.place.id]  # type: ignore[union-attr]  # (a pick among found has a place)
                    return _approximate(mention, host, PART_SCORE * pick.score, "part")
        return None

    def _by_official_name(self, mention: Mention, context: Context) -> Resolution | None:
        """ "the Islamic Emirate of Afghanistan", "the Kurdistan Region of Iraq", "the Sahrawi Arab Democratic
        Republic": a long official name the index lacks is the country, admin-1 unit or region (or the demonym's
        country) its words name once the official words are taken out (:func:`geo.placestring.official_core`, the
        longest run first), read as a name is (``via="name"``)."""
        if not (OFFICIAL_NAME.fullmatch(mention.text) and official_name(mention.text)):
            return None
        for core in official_core(mention.text):
            found, code = official_readings(self.gazetteer, core)
            if not found and code and (place := self._demonym_place(code)):
                found = (place,)
            if found:
                return replace(self._pick(replace(mention, text=core), found, context), mention=mention)
        return None

    def _by_prefix(self, mention: Mention, context: Context) -> Resolution | None:
        """ "European Commission", "US Federal Reserve", "Mexican Senate", "Colorado State University", "Bank of
        Japan": a national, continental or state institution is placed at the country, continent or admin-1 unit its
        first word (or the words after "X of") names. Other names stay local: "French Quarter", "Niger Delta",
        "British International School" are where the article is, not in France, Niger or Britain."""
        region = _institution_region(mention.text)
        if region is None:
            return None
        code = self.gazetteer.demonym(region)
        place = self._demonym_place(code) if code else None  # "Scottish Parliament": Scotland
        if place is None:
            found = tuple(
                c for c in self.gazetteer.candidates(region) if c.fcode in PREFIX_FCODES and c.name_kind <= 1
            )
            place = self._pick(mention, found, context).place if found else None
        return Resolution(mention, place, PART_SCORE, [], via="part") if place else None

    def _by_airport_town(self, text: str, mention: Mention, context: Context) -> Resolution | None:
        """ "Titograd airport", "Entebbe International Airport": an airport is named for the town it serves —
        placed at that town (``AIRPORT_TOWN_POPULATION`` or more, by any of its names, old ones too), unless the
        text says where it is ("Logan International Airport in Boston": :meth:`_nearby` reads that) or the name is a
        person's too ("Mitchell International Airport" is no airport of Mitchell, South Dakota). Names of places
        the article names are :meth:`_by_part`'s."""
        if _IN_PLACE.match(text, mention.end) or mention.text.split()[0] in census_names():
            return None
        head = _AIRPORT_NAME.fullmatch(mention.text)
        if head is None:
            return None
        readings = [c for c in self.gazetteer.candidates(head.group(1)) if c.fcode.startswith("PPL")]
        # A town's own name reads as that town: "Midway Airport" is no airport of a city once called Midway.
        own = any(c.name_kind == 0 for c in readings)
        towns = tuple(
            c for c in readings if c.population >= AIRPORT_TOWN_POPULATION and (c.name_kind == 0 or not own)
        )
        if not towns:
            return None
        pick = self._pick(replace(mention, text=head.group(1)), towns, context)
        return Resolution(mention, pick.place, round(PART_SCORE * pick.score, 3), [], via="part")

    @staticmethod
    def _nearby(text: str, mention: Mention, hosts: HostIndex) -> Resolution:
        """The host of an unknown name: the town its own words place it in ("Memorial Park in Tulsa"), else the
        dateline's town, else the finest place named nearest before it (after it, last); see :class:`HostIndex`."""
        following = _IN_PLACE.match(text, mention.end)
        return _approximate(mention, hosts.pick(mention, following), NEARBY_SCORE, "nearby")

    def _proximity(
        self,
        mentions: list[Mention],
        candidates: list[tuple[Candidate, ...]],
        first: list[Resolution],
        distinct: frozenset[str],
    ) -> dict[int, dict[int, float]]:
        """Points for candidates near the likely places of the *other* names in the document; *distinct*: the names
        *first* reads as a town by its own name (`_distinct`, which the context of *first* holds)."""
        # Repeated names give the same anchors: keep each (place, name) once, with its highest probability.
        best: dict[tuple[int, str], tuple[float, float, float, str, str, bool]] = {}
        for resolution in first:
            key = normalize_name(resolution.mention.text)
            likely = [] if resolution.place is None else [(resolution.place, resolution.score)]
            likely += resolution.alternatives[:2]
            for place, probability in likely:
                if place.fcode != "CONT" and probability >= 0.1:
                    old = best.get((place.id, key))
                    if old is None or old[2] < probability:
                        best[place.id, key] = (
                            place.lat,
                            place.lon,
                            probability,
                            key,
                            place.country,
                            place.fcode in ANCHORLESS or place.fcode in BROAD_FEATURES,
                        )
        anchors = list(best.values())  # lat, lon, weight, name key, country, is a country
        if not anchors:
            return {}
        a_lat = np.radians([a[0] for a in anchors])
        a_lon = np.radians([a[1] for a in anchors])
        a_weight = np.array([a[2] for a in anchors])
        a_key = [a[3] for a in anchors]  # a list: read one by one below
        a_country = np.array([a[4] for a in anchors])
        a_is_country = np.array([a[5] for a in anchors])
        # The mentions to score, each name with its options once (by the options' identity: ``candidates`` holds them
        # for the whole call, and hashing them hashed every field), and for each name the anchors of the other names.
        first_of: dict[tuple[str, int], int] = {}
        others_of: dict[str, list[bool]] = {}
        for i, (mention, options) in enumerate(zip(mentions, candidates, strict=True)):
            if len(options) < 2:
                continue
            name = normalize_name(mention.text)
            first_of.setdefault((name, id(options)), i)
            if name not in others_of:
                others_of[name] = [_other_name(key, name, distinct) for key in a_key]
        scored = [
            (i, name, np.array(others_of[name])) for (name, _), i in first_of.items() if any(others_of[name])
        ]
        if not scored:
            return {}
        # One matrix for all of them, every candidate against every anchor (each element as it would be alone).
        rows = [c for i, _, _ in scored for c in candidates[i]]
        c_lat = np.radians([c.lat for c in rows])[:, None]
        c_lon = np.radians([c.lon for c in rows])[:, None]
        # Haversine distance (km) from every candidate to every anchor.
        h = (
            np.sin((a_lat - c_lat) / 2) ** 2
            + np.cos(c_lat) * np.cos(a_lat) * np.sin((a_lon - c_lon) / 2) ** 2
        )
        km = 12_742.0 * np.arcsin(np.sqrt(h.clip(0, 1)))
        # Countries' conventional points say little about where a town is; they anchor seas and regions only.
        towns = a_weight * ~a_is_country
        near = towns * np.exp(-km / self.config.proximity_km)
        # Each row's nearest anchor among the other names' (a name's own anchors left out).
        others = np.repeat(
            np.array([o for _, _, o in scored]), [len(candidates[i]) for i, _, _ in scored], axis=0
        )
        closeness = np.where(others, near, -np.inf).max(axis=1)
        done: dict[tuple[str, int], dict[int, float]] = {}
        row = 0
        for i, name, own_others in scored:
            options = candidates[i]
            mine = closeness[row : row + len(options)]
            for k, c in enumerate(options, start=row):
                if c.fcode == "PCLI":
                    # A country is near the places inside it, however far they are from its conventional point.
                    inside = towns[own_others & (a_country == c.country)]
                    mine[k - row] = inside.max() if inside.size else 0.0
                elif not c.fcode.startswith("PPL") and c.curated:
                    # A sea or region is near the countries and places around it ("the Gulf" with Texas).
                    area = a_weight[own_others] * np.exp(-km[k][own_others] / self.config.area_km)
                    mine[k - row] = float(area.max())
            row += len(options)
            done[name, id(options)] = {
                c.id: self.config.proximity * v
                for c, v in zip(options, mine.tolist(), strict=True)
                if v > 0.01
            }
        out: dict[int, dict[int, float]] = {}
        for i, (mention, options) in enumerate(zip(mentions, candidates, strict=True)):
            if (
                len(options) >= 2
                and (found := done.get((normalize_name(mention.text), id(options)))) is not None
            ):
                out[i] = found
        return out

    def _river_readings(
        self, text: str, mentions: list[Mention], candidates: list[tuple[Candidate, ...]], listed: set[int]
    ) -> set[int]:
        """ "Barges stalled on the Mississippi", "sailing up the Hudson": "the X" after what is done on or to a
        river, where the index holds an "X River", is that river — not the state or the towns whose own name X is
        (a country's name is left alone: "the Congo", "the Niger" name both). And the other way: a river's bare
        name without "the" before it or "River" after it that is a big city's own name is the city ("Russian
        missiles struck Dnipro": the city, not the river; "crossed the Dnipro", "crossed Dnipro" stay the river).
        A name right before "river" is the index's river of that name; else its readings are a guess, and so is a
        name before "Dam", "Reservoir", "Barrage" or "Weir" once its river readings are gone ("the Vaal Dam": a
        river's point is its mouth): the indices of such mentions are returned (placed near the story's places when
        it names any and they lie far from them: "along the Kamo river in Kyoto" is no town of Kamo 400 km away).
        Rewrites ``candidates`` in place."""
        guessed: set[int] = set()
        for i, mention in enumerate(mentions):
            if (
                not mention.demonym_of
                and _RIVER_NEXT.match(text, mention.end)
                and not any(c.fcode in ("STM", "STMS") for c in candidates[i])
            ):
                # "the Ottawa river": the index's "X River"; failing that, the town of the name is only a guess
                # ("along the Kamo river in Kyoto" is no town of Kamo 400 km away): doubtful, placed near the story
                rivers = tuple(
                    c
                    for c in self.gazetteer.candidates(f"{mention.text} River")
                    if c.fcode in ("STM", "STMS") and c.name_kind <= 1
                )
                if rivers:
                    candidates[i] = rivers
                else:
                    # (a big city far from the story's places too: "the Adelaide river near Darwin")
                    guessed.add(i)
                continue
            if _DAM_NEXT.match(text, mention.end) and any(c.fcode in ("STM", "STMS") for c in candidates[i]):
                # "the Vaal Dam": a river's point is its mouth, hundreds of km from a dam on it, nor is the dam at a
                # town of the river's name by an alternate name: the town of its own name, as a guess, else unknown
                candidates[i] = tuple(
                    c for c in candidates[i] if c.fcode not in ("STM", "STMS") and c.name_kind <= 1
                )
                guessed.add(i)
                continue
            if (
                not mention.demonym_of
                and not text.endswith(("the ", "The "), 0, mention.start)
                and not _RIVER_WORD_AFTER.match(text, mention.end)
                and not _RIVER_BEFORE_BARE.search(text, max(0, mention.start - 24), mention.start)
                and any(c.fcode in ("STM", "STMS") for c in candidates[i])
                and any(
                    c.fcode.startswith("PPL") and c.name_kind == 0 and c.population >= RIVER_CITY_POPULATION
                    for c in candidates[i]
                )
            ):
                candidates[i] = tuple(c for c in candidates[i] if c.fcode not in ("STM", "STMS"))
                continue
            if (
                mention.demonym_of
                or i in listed  # "delegates from the Missouri, Kansas and Nebraska parties": states
                or not (
                    _RIVER_BEFORE.search(text, max(0, mention.start - 40), mention.start)
                    # "the Ohio" in a text that names the Ohio River: the river ("barge traffic on the lower Ohio")
                    or (
                        _THE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
                        and f"{mention.text} River" in text
                    )
                )
            ):
                continue
            if not _RIVER_AFTER.match(text, mention.end) or any(c.fcode == "PCLI" for c in candidates[i]):
                continue
            rivers = tuple(
                c
                for c in self.gazetteer.candidates(f"{mention.text} River")
                if c.fcode in ("STM", "STMS") and c.name_kind <= 1
            )
            if rivers:
                candidates[i] = rivers
        return guessed

    def _code_readings(
        self, text: str, mentions: list[Mention], candidates: list[tuple[Candidate, ...]]
    ) -> None:
        """ "Huntsville, AL", "Eugene, OR", "Ballarat, Vic": a state or province code (or a press abbreviation of
        :data:`~geo.placestring.PRESS_ONLY`) after "Town, " is that admin-1 unit when the town has a reading
        there (not "Al", Belgium). Rewrites ``candidates`` in place."""
        for i in range(1, len(mentions)):
            mention, before = mentions[i], mentions[i - 1]
            code = mention.text.replace(".", "")
            press = PRESS_ONLY.get(mention.text)  # "Ballarat, Vic": Victoria, not the Catalan town
            upper = 2 <= len(code) <= 3 and code.isupper()  # "OR", "N.H."
            dotted = not upper and mention.text.endswith(".") and _STATE_ABBREVIATION.fullmatch(mention.text)
            if not ((upper or press or dotted) and _comma_pair(text, before, mention)):
                continue
            inside = {c.admin1 for c in candidates[i - 1]}
            if press or not dotted:
                units = tuple(
                    u
                    for a in ([press] if press else self.qualifiers.postal_units(code))
                    if a in inside and (u := self.gazetteer.admin1(a)) is not None
                )
            else:
                # An AP abbreviation of a state ("Kan.") says the state even where the index knows no such town in
                # it: "Bavaria, Kan." is Kansas (not Kano), the town placed in it by the outside qualifier.
                states = tuple(
                    c
                    for c in candidates[i]
                    if c.fcode == "ADM1" and c.name_kind <= 1 and c.country in POSTAL_COUNTRIES
                )
                units = () if any(c.admin1 in inside for c in states) else states
            if units:
                candidates[i] = units

    def _listed_units(
        self,
        text: str,
        mentions: list[Mention],
        candidates: list[tuple[Candidate, ...]],
        runs: list[list[int]],
    ) -> None:
        """ "Fulton and Cobb counties", "Jefferson and Orleans parishes", "the Kharkiv and Donetsk regions": the
        members of a list before a plural admin word are such units — each is read as "X County" (or Parish) when
        the index has it, or among its admin-1 readings for a plural admin-1 word. Rewrites ``candidates`` in place."""
        for run in runs:
            word = _PLURAL_UNITS.match(text, mentions[run[-1]].end)
            if word is None:
                continue
            found = {}
            for i in run:
                name = mentions[i].text
                if word.group("adm2"):
                    suffix = "Parish" if word.group("adm2").lower() == "parishes" else "County"
                    own = tuple(c for c in candidates[i] if c.fcode == "ADM2" and c.name_kind <= 1)  # "Kent"
                    units = own + tuple(
                        c
                        for c in self.gazetteer.candidates(f"{name} {suffix}")
                        if c.fcode == "ADM2" and c.id not in {o.id for o in own}
                    )
                else:
                    units = tuple(c for c in candidates[i] if c.fcode == "ADM1")
                if units:
                    found[i] = units
            # Counties listed together lie in one state: "Butler, Montgomery and Preble counties" are Ohio's.
            shared = set.intersection(*({c.admin1 for c in u} for u in found.values())) if found else set()
            for i, units in found.items():
                candidates[i] = (
                    tuple(c for c in units if c.admin1 in shared) if word.group("adm2") and shared else units
                )

    def _text_bonuses(
        self,
        text: str,
        mentions: list[Mention],
        candidates: list[tuple[Candidate, ...]],
        runs: list[list[int]],
        read: dict[int, Qualifier],
    ) -> dict[int, dict[str, dict[int, float]]]:
        """Points from the words around each mention: "X, Y" both ways (``qualifier``, ``contains``), an admin
        word after or before it (``admin_word``) and a town word (``town_word``). Fixed for the document: computed
        once; the qualifier read after each mention is kept in *read* (mention index → qualifier)."""
        config = self.config
        out: dict[int, dict[str, dict[int, float]]] = {}
        # "Virginia, Washington, Maryland": in a list of three or more, a name that is a state itself is a member,
        # not a town the next member qualifies ("Springfield, Illinois, and Kansas City" keeps its qualifier).
        listed = {i for run in runs if len(run) >= 3 for i in run}
        by_name: dict[str, set[str]] | None = None
        cued = self._cued  # (empty with the term off: resolve reads none then)

        def units_named(key: str) -> frozenset[str]:
            """The admin-1 codes the text's names other than *key* name: a state, a county or a city of 100,000
            (worked out on first use: few mentions need it)."""
            nonlocal by_name
            if by_name is None:
                by_name = {}
                for m, cs in zip(mentions, candidates, strict=True):
                    by_name.setdefault(normalize_name(m.text), set()).update(
                        c.admin1
                        for c in cs
                        if c.admin1
                        and c.name_kind <= 1
                        and (c.fcode in ("ADM1", "ADM2") or c.population >= NAMESAKE_TOWN)
                    )
            return frozenset(a for k, units in by_name.items() if k != key for a in units)

        for i, (mention, options) in enumerate(zip(mentions, candidates, strict=True)):
            found: dict[str, dict[int, float]] = {}
            town_word = _TOWN_AFTER.match(text, mention.end)
            a_member = i in listed and any(c.fcode in ("ADM1", "PCLI") and c.name_kind == 0 for c in options)
            if "qualifier" not in config.off and not a_member:
                qualifier = read[i] = self.qualifiers.after(text, mention.end)
                admin1, countries, trust = qualifier.admin1, qualifier.countries, qualifier.trust
                points = {
                    c.id: config.qualifier * trust
                    for c in options
                    if c.admin1 in admin1
                    or (c.country in countries and c.fcode != "PCLI")
                    or (qualifier.areas and qualifier.admits(c))  # "Smyrna, a suburb northwest of Atlanta"
                }
                if points:
                    found["qualifier"] = points
                elif (
                    "national_body" not in config.off
                    and (force := _WORDS_AFTER.match(text, mention.end)) is not None
                    and (bodies := _national_body(force))
                ):
                    # "Kingston Mounties", "Dundalk Gardaí": a national body's branch named by its town
                    points = {c.id: config.national_body for c in options if c.country in bodies}
                    if points and len(points) < len(options):
                        found["national_body"] = points
                elif i and (units := self._institution_units(text, mentions, candidates, i)):
                    # "the University of Georgia in Athens": the town is in the state the institution is named for
                    points = {
                        c.id: config.qualifier
                        for c in options
                        if c.fcode not in ("PCLI", "ADM1")
                        and any(
                            c.admin1 == u.admin1 if u.fcode == "ADM1" else c.country == u.country
                            for u in units
                        )
                    }
                    if points:
                        found["qualifier"] = points
            if (
                "contains" not in config.off
                and i
                and (
                    _comma_pair(text, mentions[i - 1], mention)
                    or _APPOSITION_GAP.fullmatch(text, mentions[i - 1].end, mention.start)
                )
            ):
                inner = [c for c in candidates[i - 1] if c.name_kind <= 1 and c.fcode not in ANCHORLESS]
                trust = POSSESSIVE_TRUST if _POSSESSIVE_AFTER.match(text, mention.end) else 1.0
                points = {
                    c.id: config.contains * trust
                    for c in options
                    if (c.fcode == "ADM1" and any(x.admin1 == c.admin1 and x.fcode != "ADM1" for x in inner))
                    or (c.fcode == "PCLI" and any(x.country == c.country for x in inner))
                    # a province holds the town ("Candelaria, Quezon": Quezon province, not a town of the name) —
                    # outside a list, and when no state or country of the name does ("Rego Park, New York")
                    or (
                        c.fcode == "ADM2"
                        and i not in listed
                        and not any(
                            (u.fcode == "ADM1" and any(x.admin1 == u.admin1 for x in inner))
                            or (u.fcode == "PCLI" and any(x.country == u.country for x in inner))
                            for u in options
                        )
                        and any(
                            x.admin1 == c.admin1
                            and x.fcode.startswith("PPL")
                            and great_circle_km(x.lat, x.lon, c.lat, c.lon) <= UNIT_HOLDS_TOWN_KM
                            for x in inner
                        )
                    )
                }
                if points:
                    found["contains"] = points
            word = "admin_word" not in config.off and (
                _ADMIN_AFTER.match(text, mention.end)
                or _UNITS_LISTED_AFTER.match(text, mention.end)
                # the list's last member: "… and Madison counties" (not "Virginia counties": no list)
                or (
                    _LIST_JOIN_BEFORE.search(text, max(0, mention.start - 6), mention.start)
                    and _UNIT_PLURAL_AFTER.match(text, mention.end)
                )
                or said_before(_ADMIN_BEFORE, text, mention.start, 24, _ADMIN_BEFORE_ENDS)
            )
            if word:
                adm1 = any(
                    word.groupdict().get(g) for g in ("adm1", "upstate", "office", "rural", "government")
                )
                levels = {"ADM1"} if adm1 else {"ADM2"}
                if word.groupdict().get("government") and any(
                    c.fcode in ("PCLI", "PPLC") and c.name_kind == 0 for c in options
                ):
                    levels = set()  # "the Kabul government", "the Georgia government": the country's
                if word.groupdict().get("rural") and any(
                    c.fcode == "PCLI" and c.name_kind == 0 for c in options
                ):
                    # "rural Mexico", "northern Mexico" are the country's countryside and part (no points: "north
                    # Georgia" in a Georgia paper is the state's), "rural Quebec", "western New York" the province's
                    # and the state's.
                    levels = set()
                if (
                    word.groupdict().get("rural") == "central"
                    and not _UNIT_APPOSITION.match(text, mention.end)
                    and any(
                        c.fcode.startswith("PPL")
                        and (c.fcode == "PPLC" or c.population >= CENTRE_CITY_POPULATION)
                        # … the city of its own unit's name ("central Washington" is the state: DC lies far from it)
                        and any(
                            u.fcode == "ADM1"
                            and great_circle_km(c.lat, c.lon, u.lat, u.lon) <= CENTRE_UNIT_KM
                            for u in options
                        )
                        for c in options
                    )
                ):
                    # "marched through central Buenos Aires": the capital's centre, not the province
                    levels = set()
                points = {c.id: config.admin_word for c in options if c.fcode in levels}
                if points:
                    found["admin_word"] = points
            elif (
                "admin_word" not in config.off
                and any(c.fcode == "ADM1" and c.name_kind == 0 for c in options)
                and _said_again(_UNIT_AGAIN, text, mention, mentions)
            ):
                # "The harvest in São Paulo is behind, the state's growers' association said", "Oil output from
                # Neuquén's shale fields rose, the provincial energy ministry said": the unit, said again
                points = {c.id: config.admin_word for c in options if c.fcode == "ADM1" and c.name_kind == 0}
                if points:
                    found["admin_word"] = points
            elif (
                "admin_word" not in config.off
                and any(c.fcode == "ADM1" and c.name_kind == 0 and c.country == "US" for c in options)
                and (
                    _STATE_GOVERNMENT.search(
                        text, max(0, mention.start - 200), min(len(text), mention.end + 200)
                    )
                    or _said_again(_STATE_AGAIN, text, mention, mentions)
                )
            ):
                # "Georgia's newest utility regulator … state ethics violations": a state government's words
                # around a name that is a state's own.
                points = {
                    c.id: config.admin_word
                    for c in options
                    if c.fcode == "ADM1" and c.name_kind == 0 and c.country == "US"
                }
                if points:
                    found["admin_word"] = points
            if cued and (points := {c.id: config.country_cue for c in options if c.country in cued}):
                if len(points) < len(options):
                    found["country_cue"] = points
            if "town_word" not in config.off and (
                town_word or said_before(_TOWN_BEFORE, text, mention.start, 20, _TOWN_BEFORE_ENDS)
            ):
                points = {c.id: config.town_word for c in options if c.fcode.startswith("PPL")}
                # "the German city of Marburg": a town of the country the people's word names
                people = _PEOPLES_TOWN_BEFORE.search(text, max(0, mention.start - 40), mention.start)
                code = self.gazetteer.demonym(people.group(1)) if people else None
                if code and any(c.country == code and c.id in points for c in options):
                    points = {c.id: config.town_word for c in options if c.id in points and c.country == code}
                if points and len(points) < len(options):
                    found["town_word"] = points
            if "old_name" not in config.off and (
                points := _old_name_points(text, mention, self._old_name_towns(options), units_named)
            ):
                found["old_name"] = points
            if found:
                out[i] = found
        if "country_namesake" not in config.off:
            for run in runs:
                if _TOWN_FOLK_AFTER.match(text, mentions[run[-1]].end):
                    continue  # "Mexico and Peru firefighters", "Norway and Poland schools": the towns' own
                if all(any(c.fcode == "PCLI" and c.name_kind == 0 for c in candidates[i]) for i in run):
                    for i in run:
                        found = out.setdefault(i, {})
                        if any(found.get(term) for term in _TOWN_PLACED):
                            continue
                        points = {
                            c.id: config.country_namesake for c in candidates[i] if c.fcode.startswith("PPL")
                        }
                        if points:
                            found["country_namesake"] = points
        return out

    def _institution_units(
        self, text: str, mentions: list[Mention], candidates: list[tuple[Candidate, ...]], i: int
    ) -> list[Candidate]:
        """The states and countries (own names) that the institution named right before "in" mention *i* is
        named for: "the University of Georgia in Athens" → Georgia, US and Georgia, the country; "the University
        of Mississippi in Oxford", "Georgia Highlands College in Rome" → the state its words name; none otherwise.
        (Mentions in any order: gold spans come as the corpus lists them.)"""
        mention = mentions[i]
        if not text.endswith(" in ", 0, mention.start):
            return []
        units: list[Candidate] = []
        in_order = (
            mentions[i - 1].start < mention.start
        )  # NER's mentions are; gold spans come as the corpus lists
        before = mentions[i - 1] if mentions[i - 1].end == mention.start - 4 else None
        if before is None and not in_order:  # (a corpus article: a short list)
            before = next((m for m in mentions if m.end == mention.start - 4), None)
        if before is not None and (region := _institution_region(before.text)) not in (None, before.text):
            # the institution is the mention before ("the University of North Georgia": Georgia's)
            units = list(self.gazetteer.candidates(_COMPASS_WORD.sub("", region)))
        elif (
            named := _INSTITUTION_BEFORE.search(text, max(0, mention.start - 120), mention.start)
        ) is not None:
            # the state or country is a mention of its own inside the institution's name
            # (the mentions just before, in text order; any, in gold spans' order)
            near = range(i - 1, -1, -1) if in_order else range(len(mentions))
            units = []
            for j in near:
                other = mentions[j]
                if named.start() <= other.start and other.end <= named.end():
                    units.extend(candidates[j])
                elif near.step == -1 and other.end <= named.start():
                    break
        return [c for c in units if c.fcode in ("ADM1", "PCLI") and c.name_kind <= 1]

    def _relative_places(
        self,
        text: str,
        mentions: list[Mention],
        candidates: list[tuple[Candidate, ...]],
        first: list[Resolution],
    ) -> dict[int, dict[int, float]]:
        """ "Vienne, south of Lyon", "Hoorn, 40 km north of Amsterdam", "Marsa, near Valletta", "London, two hours
        west of Toronto": a name the words after it put near the next name is a reading within ``RELATIVE_PLACE_KM``
        (plus the distance said, or the distance a time of travel covers: :func:`_travel_km`, and then no nearer than
        ``TRAVEL_NEAREST`` of it) of that name's likely reading; a flight's time says nothing. "Nearby Perth", "the
        neighbouring town of Kingston": within ``RELATIVE_PLACE_KM`` of a town named up to ``NEARBY_ANCHOR_CHARS``
        before it, or of the dateline's. Returns mention index → candidate id → ``relative_place`` points."""
        out: dict[int, dict[int, float]] = {}
        for i in range(len(mentions) - 1):
            said = _RELATIVE_PLACE.fullmatch(text, mentions[i].end, mentions[i + 1].start)
            anchor = first[i + 1].place
            if said is None or anchor is None or len(candidates[i]) < 2:
                continue
            travel = _travel_km(said)
            if math.isinf(travel):
                continue
            alone = _said_km(said.group("distance3"), said.group("unit3"))  # "400 km from"
            limit = RELATIVE_PLACE_KM + _said_km(said.group("distance"), said.group("unit")) + alone + travel
            nearest = max(TRAVEL_NEAREST * travel, JOURNEY_NEAREST * alone)
            points = {
                c.id: self.config.relative_place
                for c in candidates[i]
                if nearest <= great_circle_km(c.lat, c.lon, anchor.lat, anchor.lon) <= limit
            }
            if points and len(points) < len(candidates[i]):
                out[i] = points
        # "from Jaipur, cycled 400 kilometres to Udaipur": the journey's end about its length from its start
        for i in range(1, len(mentions)):
            if i in out or len(candidates[i]) < 2 or (start := first[i - 1].place) is None:
                continue
            journey = _JOURNEY.fullmatch(text, mentions[i - 1].end, mentions[i].start)
            if journey is None:
                continue
            length = _said_km(journey.group("distance"), journey.group("unit"))
            points = {
                c.id: self.config.relative_place
                for c in candidates[i]
                if JOURNEY_NEAREST * length
                <= great_circle_km(c.lat, c.lon, start.lat, start.lon)
                <= length + RELATIVE_PLACE_KM
            }
            if points and len(points) < len(candidates[i]):
                out[i] = points
        # "a teacher in Dundee … parents in nearby Perth": near a town the text named shortly before it, or its
        # dateline's ("SEVIERVILLE, Tenn. — … a man of Swanton, Ohio, … died in nearby Knoxville": either)
        for i in range(1, len(mentions)):
            if i in out or len(candidates[i]) < 2:
                continue
            if not _NEARBY_BEFORE.search(text, max(0, mentions[i].start - 40), mentions[i].start):
                continue
            anchors = [
                place
                for j in range(i)
                if (place := first[j].place) is not None
                and place.fcode in _NEARBY_ANCHOR_CODES
                and (
                    mentions[j].source == "dateline"
                    or mentions[i].start - mentions[j].end <= NEARBY_ANCHOR_CHARS
                )
            ]
            points = {
                c.id: self.config.relative_place
                for c in candidates[i]
                if any(great_circle_km(c.lat, c.lon, a.lat, a.lon) <= RELATIVE_PLACE_KM for a in anchors)
            }
            if points and len(points) < len(candidates[i]):
                out[i] = points
        return out

    def _document_bonuses(
        self,
        text: str,
        mentions: list[Mention],
        candidates: list[tuple[Candidate, ...]],
        first: list[Resolution],
        context: Context,
        runs: list[list[int]],
    ) -> dict[int, dict[str, dict[int, float]]]:
        """Points from the document's other readings (previous pass): ``proximity``, ``list_peer``, ``dateline``;
        *runs* are the text's lists (:func:`_lists`).

        Nearness alone does not drag a major city onto a small namesake ("Baltimore, MD … moved to Denver" is
        Colorado's, not Denver, Pennsylvania): a town of less than ``1 / MINOR_NAMESAKE_SHARE`` of the size of a
        city of ``major_city_population`` or more by the same own name gets ``MINOR_NAMESAKE_PROXIMITY`` of its
        proximity points, unless the article names its admin-1 unit (and even then when the name is only another
        name of the town's: `_minor_by_other_name`)."""
        out: dict[int, dict[str, dict[int, float]]] = {}
        off = self.config.off
        if "proximity" not in off:
            named = context.admin1
            for i, points in self._proximity(mentions, candidates, first, context.distinct).items():
                major = max(
                    (c.population for c in candidates[i] if c.name_kind <= 1 and c.fcode.startswith("PPL")),
                    default=0,
                )
                if major >= self.config.major_city_population:
                    points = {
                        c.id: p * MINOR_NAMESAKE_PROXIMITY
                        if c.id in points
                        and c.fcode.startswith("PPL")
                        and c.population * MINOR_NAMESAKE_SHARE < major
                        and (c.admin1 not in named or c.name_kind == 2)
                        else p
                        for c in candidates[i]
                        if (p := points.get(c.id)) is not None
                    }
                out.setdefault(i, {})["proximity"] = points
        if "list_peer" not in off:
            for i, points in self._list_peers(runs, candidates, first).items():
                out.setdefault(i, {})["list_peer"] = points
        if "holds_city" not in off:
            for i, points in self._holds_city(mentions, candidates, first).items():
                out.setdefault(i, {})["holds_city"] = points
        if "in_county" not in off:
            for i, points in self._in_county(mentions, candidates, first).items():
                out.setdefault(i, {})["in_county"] = points
            towns, counties = self._county_pairs(mentions, candidates, context)
            for i, points in towns.items():
                mine = out.setdefault(i, {}).setdefault("in_county", {})
                for cid, value in points.items():
                    mine[cid] = max(mine.get(cid, 0.0), value)
            if "holds_city" not in off:
                for i, points in counties.items():
                    mine = out.setdefault(i, {}).setdefault("holds_city", {})
                    for cid, value in points.items():
                        mine[cid] = max(mine.get(cid, 0.0), value)
        if "relative_place" not in off:
            for i, points in self._relative_places(text, mentions, candidates, first).items():
                out.setdefault(i, {})["relative_place"] = points
        dateline = next((r for r in first if r.mention.source == "dateline" and r.place is not None), None)
        if dateline is not None and "dateline" not in off:
            assert dateline.place is not None
            key = normalize_name(dateline.mention.text)
            for i, mention in enumerate(mentions):
                if mention is not dateline.mention and normalize_name(mention.text) == key:
                    out.setdefault(i, {})["dateline"] = {dateline.place.id: self.config.dateline}
        return out

    def _in_county(
        self, mentions: list[Mention], candidates: list[tuple[Candidate, ...]], first: list[Resolution]
    ) -> dict[int, dict[int, float]]:
        """``in_county`` points: towns within ``county_km`` of a county another name is likely read as (its
        reading or runner-up, with a share of ``COUNTY_SHARE`` or more), times that share."""
        counties = [
            (normalize_name(r.mention.text), place, share)
            for r in first
            if r.via == "name"
            for place, share in ([(r.place, r.score)] if r.place else []) + r.alternatives[:1]
            if place.fcode == "ADM2" and share >= COUNTY_SHARE
        ]
        if not counties:
            return {}
        index = _UnitsNear(((county, (key, share)) for key, county, share in counties), self.config.county_km)
        out: dict[int, dict[int, float]] = {}
        for i, (mention, options) in enumerate(zip(mentions, candidates, strict=True)):
            if len(options) < 2:
                continue
            name = normalize_name(mention.text)
            points = {}
            for c in options:
                if not c.fcode.startswith("PPL") or c.name_kind > 1:
                    continue  # a town by its own name: another town's old name is not in the county for it
                near = index.near(c)
                if not near:
                    continue  # (no county of the article's near: most readings)
                share = max(
                    # "City of Richmond" is no other county holding Richmond
                    (share for key, share in near if not _names_word(key, name)),
                    default=0.0,
                )
                if share:
                    points[c.id] = self.config.in_county * share
            if points:
                out[i] = points
        return out

    def _county_pairs(
        self, mentions: list[Mention], candidates: list[tuple[Candidate, ...]], context: Context
    ) -> tuple[dict[int, dict[int, float]], dict[int, dict[int, float]]]:
        """A town and a county the article both names, read together when exactly one reading of the county holds
        (within ``county_km``) a reading of the town: "residents of Paris and Henry County" (Paris, Tennessee, in
        Henry County, Tennessee — no other Henry County holds a Paris), "the Athens Police Department … the Henderson
        County Jail" (Athens, Texas). Returns ``in_county`` points for those town readings and ``holds_city`` points
        for that county reading, mention index → candidate id → points (whatever either name's likelier reading)."""
        county_readings = {
            j: [c for c in options if c.fcode == "ADM2" and c.name_kind <= 1]
            for j, options in enumerate(candidates)
            if _COUNTY_WORD.search(mentions[j].text) and mentions[j].rule != "maybe_place"
        }
        # Where the article names the state of some readings of a county, only those: "McLean County" in a Kentucky
        # story is Kentucky's, whatever McLean County, Illinois holds.
        county_readings = {
            j: [u for u in units if context.names_admin1(u.admin1, besides=normalize_name(mentions[j].text))]
            or units
            for j, units in county_readings.items()
            if units
        }
        towns: dict[int, dict[int, float]] = {}
        counties: dict[int, dict[int, float]] = {}
        if not county_readings:
            return towns, counties
        index = _UnitsNear(
            ((unit, (j, k)) for j, units in county_readings.items() for k, unit in enumerate(units)),
            self.config.county_km,
        )
        for i, (mention, options) in enumerate(zip(mentions, candidates, strict=True)):
            if len(options) < 2 or mention.demonym_of or mention.rule == "maybe_place":
                continue  # a name NER gave a person or firm ("Clinton, 6 percent": a county's) pairs with nothing
            readings = [c for c in options if c.fcode.startswith("PPL") and c.name_kind <= 1]
            if not readings:
                continue
            units_of_name = {c.country for c in options if c.fcode == "ADM2" and c.name_kind <= 1}
            name = normalize_name(mention.text)
            # county mention → its unit's place in its readings → the town readings that unit holds
            holding: dict[int, dict[int, list[Candidate]]] = {}
            for c in readings:
                for j, k in index.near(c):
                    holding.setdefault(j, {}).setdefault(k, []).append(c)
            for j in sorted(holding):
                units = county_readings[j]
                if normalize_name(mentions[j].text) == name or any(u.country in units_of_name for u in units):
                    continue  # "DeKalb" beside "Fulton County": a county's name too, in that country
                if len(holding[j]) != 1:
                    continue  # several counties of the name hold a town of the name: no pairing
                ((k, held),) = holding[j].items()
                unit = units[k]
                for c in held:
                    towns.setdefault(i, {})[c.id] = self.config.in_county
                if len(units) > 1:
                    counties.setdefault(j, {})[unit.id] = self.config.holds_city
        return towns, counties

    def _holds_city(
        self, mentions: list[Mention], candidates: list[tuple[Candidate, ...]], first: list[Resolution]
    ) -> dict[int, dict[int, float]]:
        """Points for an admin-1 reading whose unit holds a big city that another name of the document most likely
        is (its top reading, half a point ahead of the next or the biggest town of that name): "Atlanta … Georgia",
        "Macon … Georgia" (the state)."""
        cities: dict[str, set[str]] = {}  # admin-1 code → the names of the big cities in it
        for resolution, options in zip(first, candidates, strict=True):
            place = resolution.place
            if place is None or not place.admin1:
                continue
            if not (
                place.fcode == "ADM2"
                or (place.fcode.startswith("PPL") and place.population >= self.config.holds_city_population)
            ):
                continue
            # Read with a lead, or the biggest town of its name: "Macon", "Savannah" are Georgia's before Mâcon's.
            sure = resolution.margin >= 0.5 or (
                place.fcode.startswith("PPL")
                and place.name_kind <= 1
                and place.population
                >= max((c.population for c in options if c.fcode.startswith("PPL")), default=0)
            )
            if sure:
                cities.setdefault(place.admin1, set()).add(normalize_name(resolution.mention.text))
        out: dict[int, dict[int, float]] = {}
        if not cities:
            return out
        for i, (mention, options) in enumerate(zip(mentions, candidates, strict=True)):
            if len(options) < 2:
                continue
            if mention.source == "dateline":
                continue  # a dateline names a town
            if not any(c.fcode == "ADM1" and c.admin1 in cities for c in options):
                continue  # (no reading is a unit that holds a city of the document: most names)
            name = normalize_name(mention.text)
            # "New York": the unit is its city's namesake, and the city is what the bare name means; so is "Mecca"
            # (an other name of both Makkah and its province), a city's name no weaker than the unit's
            seats = {
                (c.admin1, c.name_kind)
                for c in options
                if c.fcode.startswith("PPL") and c.population >= self.config.seat_min_population
            }
            points = {
                c.id: self.config.holds_city
                for c in options
                if c.fcode == "ADM1"
                and not any(a == c.admin1 and k <= max(1, c.name_kind) for a, k in seats)
                and cities.get(c.admin1, {name}) - {name}
            }
            if points:
                out[i] = points
        return out

    def _list_peers(
        self, runs: list[list[int]], candidates: list[tuple[Candidate, ...]], first: list[Resolution]
    ) -> dict[int, dict[int, float]]:
        """Members of a list ("A, B and C", "A and B") read alike: points for a candidate of the same kind and
        country as the likely readings of the other members, and more for a town or a county in the same state or
        province as their likely towns or counties (``LIST_PEER_UNIT``; only for one of ``LIST_UNIT_SHARE`` of the
        biggest place of the name or more): "Portland, Bangor and Augusta" are Maine's, "Vancouver, San Jose and Los
        Angeles" California's; "Cavite, Laguna, Batangas and Rizal" stay provinces."""
        out: dict[int, dict[int, float]] = {}
        for members in runs:
            readings: list[list[tuple[Candidate, float]]] = []
            for j in members:
                top = first[j].place
                readings.append(([(top, first[j].score)] if top is not None else []) + first[j].alternatives)
            for k, i in enumerate(members):
                if len(candidates[i]) < 2:
                    continue
                peers = [r for m, r in enumerate(readings) if m != k]
                points = {}
                biggest = max((c.population for c in candidates[i]), default=0)
                for c in candidates[i]:
                    level, country = _level(c), c.country
                    # Each peer by its likeliest reading of the kind, not the sum of its readings: "Venice and
                    # Genoa" — Genoa's many villages in the US together must not outweigh the Italian city.
                    # (not a far smaller namesake: "Boston" listed with "New York" is no town of New York state)
                    town = (  # (a town's or a county's: a list's local level)
                        c.fcode.startswith(("PPL", "ADM2"))
                        and c.population * LIST_UNIT_SHARE >= biggest
                        and c.admin1
                    )
                    support = sum(
                        max(
                            (
                                p
                                * (
                                    0.5
                                    + 0.5 * bool(country and place.country == country)
                                    + LIST_PEER_UNIT * bool(town and place.admin1 == town)
                                )
                                for place, p in peer
                                if _level(place) == level
                            ),
                            default=0.0,
                        )
                        for peer in peers
                    ) / len(peers)
                    if support > 0.01:
                        points[c.id] = self.config.list_peer * support
                for c, value in _city_amid_its_units(candidates[i], peers, points).items():
                    points[c.id] = value
                if points:
                    out[i] = points
        return out

    def _demonym_place(self, code: str) -> Candidate | None:
        """The country ("AM") or admin-1 unit ("GB.SCT") a demonym names."""
        return self.gazetteer.country(code) or self.gazetteer.admin1(code)

    def _candidates(self, mention: Mention) -> tuple[Candidate, ...]:
        if mention.demonym_of:
            place = self._demonym_place(mention.demonym_of)
            return (place,) if place else ()
        found = self.gazetteer.candidates(mention.text)
        if mention.source == "dateline":
            # A dateline names the town the story was filed from ("NEW YORK" is the city, not the state).
            towns = tuple(c for c in found if c.fcode.startswith("PPL"))
            return towns or found
        return found

    def _prior(
        self, mention: Mention, candidates: tuple[Candidate, ...]
    ) -> tuple[
        tuple[Candidate, ...], list[tuple[list[tuple[str, float]], float, frozenset[str]]], _NameFacts
    ]:
        """What does not change between passes: the candidates kept, each one's points from the terms that read
        only the name and the place (``_PRIOR_TERMS``), and the facts of the name's readings that the terms read
        (:data:`_NameFacts`: the namesake admin-1 units, the biggest town's size and names, the admin-1 units of
        the name, the countries whose own name it is and those of its towns)."""
        config = self.config
        units = {c.admin1 for c in candidates if c.fcode == "ADM1" and c.name_kind <= 1}
        namesakes = {
            c.admin1
            for c in candidates
            if c.admin1 in units
            and c.fcode.startswith("PPL")
            and c.name_kind <= 1
            and c.population >= config.seat_min_population
        }
        if namesakes:
            # … unless the city goes by "X City" too and its unit is CITY_SUFFIX_UNIT_LEAD times its size: a bare
            # "Quebec", "Oaxaca" is the province or the state (the city is "Quebec City", "Oaxaca City")
            suffixed = {c.id for c in self.gazetteer.candidates(f"{mention.text} City")}
            namesakes -= {
                c.admin1
                for c in candidates
                if c.id in suffixed
                and c.fcode.startswith("PPL")
                and any(
                    u.fcode == "ADM1"
                    and u.admin1 == c.admin1
                    and u.population >= CITY_SUFFIX_UNIT_LEAD * max(c.population, 1)
                    for u in candidates
                )
            }
        # A capital of the name in a district of its own beside the unit: "Buenos Aires" (the federal capital is no
        # part of Buenos Aires province) is the city too.
        capitals = [
            c
            for c in candidates
            if c.fcode in ("PPLC", "PPLA") and c.name_kind <= 1 and c.population >= config.seat_min_population
        ]
        namesakes |= {
            u.admin1
            for u in candidates
            if u.fcode == "ADM1"
            and u.name_kind <= 1
            and any(
                c.country == u.country and great_circle_km(c.lat, c.lon, u.lat, u.lon) <= CAPITAL_BESIDE_KM
                for c in capitals
            )
        }
        if any(c.fcode == "PCLI" and c.name_kind == 0 for c in candidates):
            # "Mexico" is the country, not Mexico City by one of its alternate names.
            candidates = tuple(c for c in candidates if c.name_kind < 2) or candidates
        own = [c for c in candidates if c.name_kind <= 1]
        biggest_own = max(
            (c for c in own if c.fcode.startswith("PPL")), key=lambda c: c.population, default=None
        )
        biggest, known = (biggest_own.population, biggest_own.names) if biggest_own else (0, 0)
        unit_people: dict[str, int] = {}
        for c in candidates:
            if c.fcode == "ADM1" and c.name_kind == 0 and c.population > unit_people.get(c.country, 0):
                unit_people[c.country] = c.population
        facts: _NameFacts = (
            namesakes,
            biggest,
            known,
            frozenset(units),
            unit_people,
            frozenset(c.country for c in candidates if c.fcode == "PCLI" and c.name_kind <= 1),
            frozenset(c.country for c in own if c.fcode.startswith("PPL")),
            biggest_own.country if biggest_own else "",
        )
        evidence = _Evidence(mention, normalize_name(mention.text), Context(), config, {}, *facts)
        static = []
        for c in candidates:
            points = [(name, term(c, evidence)) for name, term in self._prior_terms]
            idle = frozenset(name for name, is_idle in _IDLE.items() if is_idle(c, evidence))
            static.append((points, math.fsum(p for _, p in points), idle))
        return candidates, static, facts

    def _pick(
        self,
        mention: Mention,
        candidates: tuple[Candidate, ...],
        context: Context,
        bonus: dict[str, dict[int, float]] | None = None,
    ) -> Resolution:
        if not candidates:
            return Resolution(mention, None, 0.0, [])
        # Keyed by the tuple's identity (hashing every candidate's fields on each call cost more than the terms);
        # the entry holds the tuple, so its id cannot be reused while the entry lives.
        key = (mention.text, mention.source, mention.demonym_of, id(candidates))
        held = self._priors.get(key)
        if held is None or held[0] is not candidates:
            held = self._priors[key] = (candidates, self._prior(mention, candidates))
        # With no country or admin-1 unit in the context and no points from the surroundings (the first pass, for most
        # names) the context terms give what they give for any document: that reading is kept with the fixed points.
        bare = not bonus and not context.countries and not context.admin1
        if bare and (kept := self._bare.get(key)) is not None and kept[0] is candidates:
            place, score, others, why, margin, share = kept[1]
            return Resolution(
                mention, place, score, list(others), evidence=dict(why), margin=margin, share=share
            )
        # The same name read with the same context and surroundings (a name said again) reads alike: the earlier
        # resolution, copied for this mention. The entry holds the context, so its id stays its own too.
        done = self._picked.setdefault((key, id(context)), [])
        for seen_context, seen_bonus, (place, score, others, why, margin, share) in done:
            if seen_context is context and seen_bonus == (bonus or {}):
                return Resolution(
                    mention, place, score, list(others), evidence=dict(why), margin=margin, share=share
                )
        candidates, static, facts = held[1]
        evidence = _Evidence(mention, normalize_name(mention.text), context, self.config, bonus or {}, *facts)
        terms = self._terms_for(frozenset(bonus or ()), bool(context.countries), bool(context.admin1))
        scored = []
        for c, (fixed, fixed_sum, idle) in zip(candidates, static, strict=True):
            # named for the winner only, below
            moving = [0.0 if name in idle else term(c, evidence) for name, term in terms]
            scored.append((c, fixed_sum + math.fsum(moving), fixed, moving))
        scored.sort(key=lambda cs: (-cs[1], cs[0].id))
        top = scored[0][1]
        temperature = self.config.softmax_temperature
        weights = [math.exp((s - top) / temperature) for _, s, _, _ in scored]
        total = sum(weights)
        best, _, fixed, moving = scored[0]
        alternatives: list[tuple[Candidate, float]] = []
        for (c, _, _, _), w in zip(scored[1:], weights[1:], strict=True):
            if len(alternatives) == MAX_ALTERNATIVES:
                break
            if c.id != best.id:
                alternatives.append((c, round(w / total, 3)))
        points = fixed + [(name, p) for (name, _), p in zip(terms, moving, strict=True)]
        why = {name: round(p, 3) for name, p in points if p}
        # A reading at the same spot (a city and the county or municipality of its name, "Montréal" the city and
        # its ADM2) is no rival: the share counts them with the winner, and the lead is over the nearest rival
        # farther away (what a reader is told is whether the place is right within a town's reach).
        together = 0.0  # the weight of the readings at the winner's spot
        rival = None  # the best reading elsewhere
        for (c, s, _, _), w in zip(scored[1:], weights[1:], strict=True):
            if same_spot(best, c):
                together += w
            elif rival is None:
                rival = s
        margin = round(top - rival if rival is not None else MAX_MARGIN, 3)
        share = round((weights[0] + together) / total, 3)
        # (the passes weigh the reading by its own share: a city's county is no proof of the city)
        score = round(weights[0] / total, 3)
        done.append((context, bonus or {}, (best, score, tuple(alternatives), dict(why), margin, share)))
        if bare:
            self._bare[key] = (candidates, done[-1][2])
        return Resolution(mention, best, score, alternatives, evidence=why, margin=margin, share=share)

    def _old_name_towns(self, options: tuple[Candidate, ...]) -> tuple[dict[int, float], frozenset[str]]:
        """:func:`_old_name_towns` of a name's readings, kept with them (the gazetteer hands out the same tuples)."""
        held = self._old_names.get(id(options))
        if held is None or held[0] is not options:
            if len(self._old_names) >= PRIOR_MEMORY:
                self._old_names.clear()
            held = self._old_names[id(options)] = (options, _old_name_towns(options, self.config))
        return held[1]

    def _terms_for(
        self, said: frozenset[str], countries: bool, admin1: bool
    ) -> list[tuple[str, Callable[[Candidate, _Evidence], float]]]:
        """The context terms that speak for a mention whose surroundings gave points of the terms *said*, in a
        context with countries or not, admin-1 units or not (a few combinations, each worked out once)."""
        key = (said, countries, admin1)
        terms = self._terms.get(key)
        if terms is None:
            # Terms read from the surroundings speak only where the surroundings said something.
            terms = [(n, t) for n, t in self._context_terms if n not in _TEXT_TERMS or n in said]
            # The context terms give nothing while their side of the context is empty (the first pass).
            silent = {"country_context", "capital_abroad"} if not countries else set()
            if not admin1:
                silent.add("admin1_context")
            terms = self._terms[key] = [(n, t) for n, t in terms if n not in silent]
        return terms

    def _context(self, first: list[Resolution], text: str = "") -> Context:
        """Countries and admin-1 units the document names with confidence, each with the names that name it. A
        demonym in an apposition right after a name says where that place is ("Mwanza, a Malawian border post"),
        as a country's name would."""
        countries: dict[str, set[str]] = {}
        admin1: dict[str, set[str]] = {}
        said_otherwise: set[str] = set()  # countries some name other than a demonym places the document in
        apposed: set[str] = set()
        for resolution in first:
            place = resolution.place
            if place is None or resolution.score < 0.6 or not place.country:
                continue
            name = normalize_name(resolution.mention.text)
            town = place.fcode not in ("PCLI", "ADM1") and not resolution.mention.demonym_of
            if town and resolution.mention.source != "dateline" and resolution.score < INFER_FROM_TOWNS:
                continue  # only a confidently placed town tells the document's country and admin-1 unit
            countries.setdefault(place.country, set()).add(name)
            if not resolution.mention.demonym_of:
                said_otherwise.add(place.country)
            elif _APPOSITION_BEFORE.search(
                text, max(0, resolution.mention.start - 40), resolution.mention.start
            ):
                said_otherwise.add(place.country)
                apposed.add(place.country)
            if place.admin1 and place.fcode != "PCLI" and not resolution.mention.demonym_of:
                admin1.setdefault(place.admin1, set()).add(name)
        return Context(
            {code: frozenset(names) for code, names in countries.items()},
            {code: frozenset(names) for code, names in admin1.items()},
            frozenset(countries) - said_otherwise,
            _distinct(first),
            frozenset(apposed),
            frozenset(
                normalize_name(r.mention.text)
                for r in first
                if r.place is not None and r.place.fcode == "PPLC"
            ),
        )
