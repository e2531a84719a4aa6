"""Article focus: which countries, admin-1 units and cities a story is *about*, from its resolved places.

CLIFF's rule (``FrequencyOfMentionFocusStrategy``: every resolved place counts toward its country, state and city;
the most mentioned wins, ties kept) weighted the way a reader reads a news story:

- **containment**: a city counts toward its admin-1 unit and its country, an admin-1 unit toward its country;
- **position**: a place named in the headline weighs :attr:`FocusConfig.headline` times a body mention, one in the
  lead (the first :attr:`FocusConfig.lead_sentences` sentences after the headline) :attr:`FocusConfig.lead` times;
  each place counts once per sentence (its best mention there), the headline being one more sentence;
- **demonyms** ("Armenian officials") count, at :attr:`FocusConfig.demonym` of a name, and so does a country or
  capital named as an **actor** rather than a location (Mordecai 3's distinction between who acts and where the
  event happens): "US Secretary of State", "Russian Foreign Ministry", "Washington's help" weigh
  :attr:`FocusConfig.actor`;
- **confidence**: a mention weighs ``0.5 + 0.5 × score`` (a doubtful reading half), an approximate one
  (``via`` ``part`` / ``nearby``) :attr:`FocusConfig.approximate` of that;
- **the dateline is kept apart**: "WASHINGTON —" says where the story was filed from, not what it is about: it
  weighs a flat :attr:`FocusConfig.dateline` (half a mention: enough to settle a story that otherwise names its
  town only approximately, less than any confident mention elsewhere), never makes a focus city, and is exported
  on its own (``Document.dateline``, "filed from").

Entries whose weight is at least :attr:`FocusConfig.keep` of the first's are kept (at most
:attr:`FocusConfig.most`); admin-1 units and cities only inside the focus countries. An article whose best country
weighs under :attr:`FocusConfig.minimum` (one doubtful passing mention) is about nowhere in particular: empty lists.
No gazetteer query is made: country and admin-1 entries come from the index's in-memory tables. Method and
measurements: docs/focus.md.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.model import Candidate, Document, Focus, FocusPlace, Resolution

if TYPE_CHECKING:
    from geo.gazetteer.index import Gazetteer


@dataclass(frozen=True, slots=True)
class FocusConfig:
    """Weights of the focus rule (see the module docstring)."""

    headline: float = 3.0
    lead: float = 1.5
    lead_sentences: int = 2
    demonym: float = 0.5
    actor: float = 0.5
    approximate: float = 0.5
    dateline: float = 0.5
    keep: float = 0.5
    most: int = 3
    minimum: float = 0.6
    local: float = 0.5  # focus admin-1 units carrying this share of their country's weight make a local story


DEFAULT_CONFIG = FocusConfig()


# A country or capital followed by one of these names the government or its people acting, not the place where
# something happens ("US Secretary of State", "U.S. officials", "Moscow's response").
_ACTOR = re.compile(
    r"(?:'s?|’s?)?\s+(?:(?:Foreign|Defen[cs]e|Prime|State|Trade|Interior|Finance|Deputy|Vice|Acting|Special|Chief|"
    r"Supreme|National|Federal|Health|Justice|Energy|Agriculture|Commerce|Economy|Economic|Treasury|Attorney|Army|"
    r"Navy|Air|Central|Home|Security)\s+)*"
    r"(?:Secretary|[Pp]resident|Minister|Ministry|[Oo]fficials?|[Gg]overnment|[Ee]mbassy|[Aa]mbassador|[Ff]orces|"
    r"[Tt]roops|[Mm]ilitary|Department|Congress|Senate|Senators?|[Ll]awmakers|[Dd]elegation|[Ee]nvoys?|"
    r"[Dd]iplomats?|[Aa]uthorities|[Aa]ssistance|[Aa]id|[Ss]anctions|[Pp]olicy|[Rr]epresentatives?|[Cc]ounterparts?|"
    r"[Aa]dministration|[Rr]esponse|[Hh]elp|[Ll]eaders?|[Cc]hancellor|Navy|Army|Treasury|Cabinet|Parliament)\b"
)
_POSSESSIVE = re.compile(r"(?:'s?|’s?)\s")


def is_actor(resolution: Resolution, text: str) -> bool:
    """The mention names a country's or capital's government or people acting ("US Secretary of State", "the U.S.
    delegation", "Washington's help"): a country (``PCLI``) or national capital (``PPLC``) followed by an office,
    body or act of state; a capital's possessive alone ("Moscow's") counts too."""
    place = resolution.place
    if place is None or place.fcode not in ("PCLI", "PPLC"):
        return False
    after = text[resolution.mention.end : resolution.mention.end + 60]
    return bool(_ACTOR.match(after)) or (place.fcode == "PPLC" and bool(_POSSESSIVE.match(after)))


def mention_weight(
    resolution: Resolution,
    *,
    position: str = "body",
    actor: bool = False,
    config: FocusConfig = DEFAULT_CONFIG,
) -> float:
    """How much one resolved mention says about the article's focus (0 for an unplaced mention).

    ``position``: ``"headline"``, ``"lead"`` or ``"body"``. ``0.5 + 0.5 × score``, times
    :attr:`FocusConfig.demonym` for a demonym or :attr:`FocusConfig.actor` for an *actor* (:func:`is_actor`), times
    the headline or lead factor; an approximate placement (``via`` ``part``/``nearby``) weighs
    :attr:`FocusConfig.approximate` of that and is never boosted by its position (the name is not the place's);
    the dateline weighs :attr:`FocusConfig.dateline`.
    """
    mention = resolution.mention
    if resolution.place is None:
        return 0.0
    if mention.source == "dateline":
        return config.dateline
    weight = 0.5 + 0.5 * max(0.0, min(1.0, resolution.score))
    if resolution.approximate:
        return weight * config.approximate
    if mention.demonym_of is not None:
        weight *= config.demonym
    elif actor:
        weight *= config.actor
    if position == "headline":
        weight *= config.headline
    elif position == "lead":
        weight *= config.lead
    return weight


def _headline_names(title: str | None, text: str, resolutions: Iterable[Resolution]) -> set[str]:
    """Surface forms of the article's mentions that its headline repeats (whole words), when the headline is not
    part of the text (a page's or record's title): the headline itself is not run through recognition."""
    if not title or text.startswith(title):
        return set()
    surfaces = {resolution.mention.text for resolution in resolutions}
    return {s for s in surfaces if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", title)}


def article_focus(document: Document, gazetteer: Gazetteer, *, config: FocusConfig = DEFAULT_CONFIG) -> Focus:
    """The focus of a parsed document, from ``document.resolutions`` and ``document.title``.

    Returns a :class:`geo.model.Focus` of ranked countries (ISO 3166-1 alpha-2 codes), admin-1 units (codes from
    :attr:`Candidate.admin1_code`) and cities, each with its share of the weight at its level; empty lists when the
    article is about nowhere in particular. Names and GeoNames ids of countries and admin-1 units come from the
    gazetteer's in-memory tables (no query per mention).
    """
    weights = focus_weights(document, config=config)
    return _select(weights, gazetteer, config)


@dataclass(slots=True)
class FocusWeights:
    """The summed focus weight of every country (ISO alpha-2), admin-1 unit (GeoNames ``CC.xx``) and city (place id)
    the article's mentions name, with the cities' gazetteer entries."""

    countries: dict[str, float]
    admin1: dict[str, float]
    cities: dict[int, float]
    city_of: dict[int, Candidate]

    def top_countries(self, config: FocusConfig = DEFAULT_CONFIG) -> list[str]:
        """The focus countries (empty when the best weighs under ``config.minimum``)."""
        top = _ranked(self.countries, config)
        return top if top and self.countries[top[0]] >= config.minimum else []

    def top_admin1(self, countries: Iterable[str], config: FocusConfig = DEFAULT_CONFIG) -> list[str]:
        """The focus admin-1 units (GeoNames codes) inside *countries*."""
        inside = set(countries)
        return _ranked({k: v for k, v in self.admin1.items() if k.partition(".")[0] in inside}, config)


def focus_weights(document: Document, *, config: FocusConfig = DEFAULT_CONFIG) -> FocusWeights:
    """Every place's focus weight in *document*, summed per country, admin-1 unit and city (see the module doc)."""
    headline = _headline_names(document.title, document.text, document.resolutions)
    # Per level, a key's weight in each sentence is its best mention there: a sentence that repeats "US" four
    # times, or names "Portland, Oregon", speaks of the United States once. The headline is its own "sentence".
    countries: dict[tuple[str, int], float] = {}
    admin1: dict[tuple[str, int], float] = {}
    cities: dict[tuple[int, int], float] = {}
    city_of: dict[int, Candidate] = {}
    title = document.title or ""
    title_line = bool(title) and document.text.startswith(title)  # a plain text's first line
    body_from = next((s.index for s in document.sentences if s.start >= len(title)), 0) if title_line else 0
    for resolution in document.resolutions:
        place = resolution.place
        if place is None or not place.country:
            continue
        mention = resolution.mention
        actor = is_actor(resolution, document.text)
        if title_line and mention.end <= len(title):
            position = "headline"
        elif body_from <= mention.sentence < body_from + config.lead_sentences:
            position = "lead"
        else:
            position = "body"
        weights = [
            (mention.sentence, mention_weight(resolution, position=position, actor=actor, config=config))
        ]
        if mention.text in headline and not resolution.approximate:  # the headline: one more "sentence"
            weights.append((-1, mention_weight(resolution, position="headline", actor=actor, config=config)))
        for sentence, weight in weights:
            _keep_best(countries, (place.country, sentence), weight)
            if place.is_country or not place.admin1:
                continue
            _keep_best(admin1, (place.admin1, sentence), weight)
            # The dateline's town is where the story was filed from, not one it is about.
            if place.fcode.startswith("PPL") and mention.source != "dateline":
                _keep_best(cities, (place.id, sentence), weight)
                city_of[place.id] = place
    return FocusWeights(_summed(countries), _summed(admin1), _summed(cities), city_of)


def _keep_best(weights: dict, key: tuple, weight: float) -> None:
    if weight > weights.get(key, 0.0):
        weights[key] = weight


def _summed(weights: dict) -> dict:
    out: dict = {}
    for (key, _sentence), weight in sorted(weights.items(), key=lambda kv: str(kv[0])):
        out[key] = out.get(key, 0.0) + weight
    return out


def _select(weights: FocusWeights, gazetteer: Gazetteer, config: FocusConfig) -> Focus:
    countries, admin1, cities, city_of = weights.countries, weights.admin1, weights.cities, weights.city_of
    top_countries = weights.top_countries(config)
    if not top_countries:
        return Focus()
    top_admin1 = weights.top_admin1(top_countries, config)
    inside = set(top_countries)
    top_cities = _ranked({k: v for k, v in cities.items() if city_of[k].country in inside}, config)

    def share(weights: dict, key: object) -> float:
        return round(weights[key] / math.fsum(weights.values()), 3)

    country_entries = []
    for iso in top_countries:
        country = gazetteer.country(iso)
        name = country.name if country else iso
        country_entries.append(
            FocusPlace(iso, name, country.geonameid if country else None, share(countries, iso))
        )
    admin1_entries = []
    for code in top_admin1:
        unit = gazetteer.admin1(code)
        admin1_entries.append(
            FocusPlace(
                _output_code(gazetteer, code),
                unit.name if unit else code,
                unit.geonameid if unit else None,
                share(admin1, code),
            )
        )
    city_entries = [
        FocusPlace("", city_of[k].name, city_of[k].geonameid, share(cities, k)) for k in top_cities
    ]
    local = []
    for iso in top_countries:
        units = [code for code in top_admin1 if code.partition(".")[0] == iso]
        if units and math.fsum(admin1[u] for u in units) >= config.local * countries[iso]:
            local += [_output_code(gazetteer, u) for u in units]
    return Focus(tuple(country_entries), tuple(admin1_entries), tuple(city_entries), tuple(local))


def _output_code(gazetteer: Gazetteer, code: str) -> str:
    """The code outputs give the admin-1 unit *code* (:attr:`Candidate.admin1_code`: ISO 3166-2 when known)."""
    unit = gazetteer.admin1(code)
    return (unit.admin1_code if unit else None) or code


def _ranked(weights: dict, config: FocusConfig) -> list:
    """Keys by weight (ties by key, so the order is stable), those within ``keep`` of the first, at most ``most``."""
    if not weights:
        return []
    order = sorted(weights, key=lambda k: (-weights[k], str(k)))
    best = weights[order[0]]
    return [k for k in order if weights[k] >= config.keep * best - 1e-9][: config.most]


# The initial view: a point alone gets a box this many degrees (of latitude) each side, about a city's zoom;
# confident places count as "around" the focus when within the focus box widened by this share of its size (or
# by AROUND_MIN_DEGREES, whichever is more).
POINT_DEGREES = 0.15
AROUND_SHARE = 0.5
AROUND_MIN_DEGREES = 3.0  # ≈ 330 km: the neighbouring states of a local story stay in view
CONFIDENT = 0.5  # the map's own threshold for a low-confidence place (geo.render.LOW_CONFIDENCE)

Bounds = tuple[float, float, float, float]  # south, west, north, east, in degrees


def initial_view(document: Document) -> list[list[float]] | None:
    """The bounds a map of *document* opens on, ``[[south, west], [north, east]]`` in degrees (``None``: no place).

    The focus (``document.focus``) and the confident places around it: for each focus country, the places in its
    local admin-1 units (``Focus.local``) when the story is local, else the country's outline (its largest part,
    from Natural Earth via :func:`geo.boundaries.country_shapes`, so Alaska or French Guiana do not stretch it);
    then every place of confidence ≥ 0.5 within that box widened by half its size. A far place, a passing mention
    or a dateline elsewhere stays reachable from the text. Without a focus: every confident place (every place when
    none is). Reads the result objects only (a place's admin-1 code is :attr:`Candidate.admin1_code`): no index.
    """
    places = [
        p for p in document.places() if any(not r.approximate for r in p.resolutions)
    ] or document.places()
    if not places:
        return None
    confident = [p for p in places if p.score >= CONFIDENT] or places
    focus = document.focus
    box: Bounds | None = None
    for country in focus.countries:
        iso = country.code
        local = {code for code in focus.local if code[:2] == iso}
        if local:
            for place in confident:
                c = place.candidate
                if not c.is_country and c.admin1_code in local:
                    box = _union(box, _point_box(c.lat, c.lon))
            continue
        outline = _country_box(iso)
        named = next(
            (p.candidate for p in places if p.candidate.is_country and p.candidate.country == iso), None
        )
        if outline is not None:
            box = _union(box, outline)
        elif named is not None:
            box = _union(box, _point_box(named.lat, named.lon))
    if box is None:
        for place in confident:
            c = place.candidate
            box = _union(box, (_country_box(c.country) if c.is_country else None) or _point_box(c.lat, c.lon))
    else:
        south, west, north, east = box
        grow_lat = max(AROUND_SHARE * (north - south), AROUND_MIN_DEGREES)
        grow_lon = max(AROUND_SHARE * (east - west), AROUND_MIN_DEGREES)
        for place in confident:
            c = place.candidate
            if c.is_country:
                continue  # a country named in passing does not widen the view to its outline
            if south - grow_lat <= c.lat <= north + grow_lat and west - grow_lon <= c.lon <= east + grow_lon:
                box = _union(box, _point_box(c.lat, c.lon))
    assert box is not None
    south, west, north, east = box
    return [[round(south, 4), round(west, 4)], [round(north, 4), round(east, 4)]]


def _point_box(lat: float, lon: float) -> Bounds:
    widen = POINT_DEGREES / max(0.2, math.cos(math.radians(lat)))
    return (
        max(-85.0, lat - POINT_DEGREES),
        max(-180.0, lon - widen),
        min(85.0, lat + POINT_DEGREES),
        min(180.0, lon + widen),
    )


def _union(a: Bounds | None, b: Bounds) -> Bounds:
    if a is None:
        return b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _country_box(iso: str) -> Bounds | None:
    """The bounds of a country's largest polygon (Natural Earth), or ``None`` when the basemap lacks it."""
    from geo.boundaries import country_shape

    shape = country_shape(iso)
    if not shape:
        return None
    polygons = shape["coordinates"] if shape["type"] == "MultiPolygon" else [shape["coordinates"]]

    def extent(polygon: list) -> Bounds:
        lons = [pt[0] for pt in polygon[0]]
        lats = [pt[1] for pt in polygon[0]]
        return (min(lats), min(lons), max(lats), max(lons))

    def area(bounds: Bounds) -> float:
        return (
            (bounds[2] - bounds[0])
            * (bounds[3] - bounds[1])
            * math.cos(math.radians((bounds[0] + bounds[2]) / 2))
        )

    return max((extent(p) for p in polygons), key=area)
