"""Article focus: which countries, admin-1 units and cities a story is *about*, from its resolved places.

CLIFF's rule (``FrequencyOfMentionFocusStrategy``: every resolved place counts toward its country, state and city;
the most mentioned wins, ties kept) weighted the way a reader reads a news story:

- **containment**: a city counts toward its admin-1 unit and its country, an admin-1 unit toward its country;
- **position**: a place named in the headline weighs :attr:`FocusConfig.headline` times a body mention, one in the
  lead (the first :attr:`FocusConfig.lead_sentences` sentences) :attr:`FocusConfig.lead` times;
- **demonyms** ("Armenian officials") count, at :attr:`FocusConfig.demonym` of a name;
- **confidence**: a mention weighs ``0.5 + 0.5 × score`` (a doubtful reading half), an approximate one
  (``via`` ``part`` / ``nearby``) :attr:`FocusConfig.approximate` of that;
- **the dateline is kept apart**: "WASHINGTON —" says where the story was filed from, not what it is about, so it
  adds nothing (``Document.dateline`` is exported on its own as "filed from").

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

from geo.gazetteer.index import Gazetteer
from geo.model import Candidate, Document, Focus, FocusPlace, Place, Resolution


@dataclass(frozen=True, slots=True)
class FocusConfig:
    """Weights of the focus rule (see the module docstring)."""

    headline: float = 3.0
    lead: float = 1.5
    lead_sentences: int = 2
    demonym: float = 0.5
    approximate: float = 0.5
    dateline: float = 0.5
    keep: float = 0.5
    most: int = 3
    minimum: float = 0.6


DEFAULT_CONFIG = FocusConfig()


def mention_weight(
    resolution: Resolution, *, in_headline: bool, config: FocusConfig = DEFAULT_CONFIG
) -> float:
    """How much one resolved mention says about the article's focus (0 for an unplaced mention).

    ``0.5 + 0.5 × score``, times :attr:`FocusConfig.demonym` for a demonym, times the headline or lead factor; an
    approximate placement (``via`` ``part``/``nearby``) weighs :attr:`FocusConfig.approximate` and is never
    boosted by its position (the name is not the place's); the dateline weighs :attr:`FocusConfig.dateline`.
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
    if in_headline:
        weight *= config.headline
    elif mention.sentence < config.lead_sentences:
        weight *= config.lead
    return weight


def _headline_names(title: str | None, text: str, resolutions: Iterable[Resolution]) -> set[str]:
    """Surface forms of the article's mentions that its headline repeats (whole words), when the headline is not
    part of the text (a page's or record's title): the headline itself is not run through recognition."""
    if not title or text.startswith(title):
        return set()
    found = set()
    for resolution in resolutions:
        surface = resolution.mention.text
        if surface not in found and re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", title):
            found.add(surface)
    return found


def _in_title_line(document: Document, resolution: Resolution) -> bool:
    """The mention lies in the headline that opens the text (a plain-text article's first line)."""
    title = document.title
    return bool(title) and document.text.startswith(title or "") and resolution.mention.end <= len(title or "")


def article_focus(
    document: Document, gazetteer: Gazetteer, *, config: FocusConfig = DEFAULT_CONFIG
) -> Focus:
    """The focus of a parsed document, from ``document.resolutions`` and ``document.title``.

    Returns a :class:`geo.model.Focus` of ranked countries (ISO 3166-1 alpha-2 codes), admin-1 units (codes from
    :meth:`Gazetteer.admin1_code`) and cities, each with its share of the weight at its level; empty lists when the
    article is about nowhere in particular. Names and GeoNames ids of countries and admin-1 units come from the
    gazetteer's in-memory tables (no query per mention).
    """
    headline = _headline_names(document.title, document.text, document.resolutions)
    # Per level, a key's weight in each sentence is its best mention there: a sentence that repeats "US" four
    # times, or names "Portland, Oregon", speaks of the United States once. The headline is its own "sentence".
    countries: dict[tuple[str, int], float] = {}
    admin1: dict[tuple[str, int], float] = {}
    cities: dict[tuple[int, int], float] = {}
    city_of: dict[int, Candidate] = {}
    for resolution in document.resolutions:
        place = resolution.place
        if place is None or not place.country:
            continue
        weights = [(resolution.mention.sentence, mention_weight(
            resolution, in_headline=_in_title_line(document, resolution), config=config
        ))]
        if resolution.mention.text in headline and not resolution.approximate:  # the headline: one more "sentence"
            weights.append((-1, mention_weight(resolution, in_headline=True, config=config)))
        for sentence, weight in weights:
            _keep_best(countries, (place.country, sentence), weight)
            if place.is_country or not place.admin1:
                continue
            _keep_best(admin1, (place.admin1, sentence), weight)
            if place.fcode.startswith("PPL") and resolution.mention.source != "dateline":  # filed from, not about
                _keep_best(cities, (place.id, sentence), weight)
                city_of[place.id] = place
    return _select(_summed(countries), _summed(admin1), _summed(cities), city_of, gazetteer, config)


def _keep_best(weights: dict, key: tuple, weight: float) -> None:
    if weight > weights.get(key, 0.0):
        weights[key] = weight


def _summed(weights: dict) -> dict:
    out: dict = {}
    for (key, _sentence), weight in sorted(weights.items(), key=lambda kv: str(kv[0])):
        out[key] = out.get(key, 0.0) + weight
    return out


def _select(
    countries: dict[str, float],
    admin1: dict[str, float],
    cities: dict[int, float],
    city_of: dict[int, Candidate],
    gazetteer: Gazetteer,
    config: FocusConfig,
) -> Focus:
    top_countries = _ranked(countries, config)
    if not top_countries or countries[top_countries[0]] < config.minimum:
        return Focus()
    inside = set(top_countries)
    top_admin1 = _ranked({k: v for k, v in admin1.items() if k.partition(".")[0] in inside}, config)
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
                gazetteer.admin1_code(code),
                unit.name if unit else code,
                unit.geonameid if unit else None,
                share(admin1, code),
            )
        )
    city_entries = [
        FocusPlace("", city_of[k].name, city_of[k].geonameid, share(cities, k)) for k in top_cities
    ]
    return Focus(tuple(country_entries), tuple(admin1_entries), tuple(city_entries))


def _ranked(weights: dict, config: FocusConfig) -> list:
    """Keys by weight (ties by key, so the order is stable), those within ``keep`` of the first, at most ``most``."""
    if not weights:
        return []
    order = sorted(weights, key=lambda k: (-weights[k], str(k)))
    best = weights[order[0]]
    return [k for k in order if weights[k] >= config.keep * best - 1e-9][: config.most]


def focus_places(document: Document) -> list[Place]:
    """The document's places that its focus names (a focus country, admin-1 unit or city), in order of first
    mention; the map's initial view is built around them."""
    focus = document.focus
    countries = {p.code for p in focus.countries}
    cities = {p.geonameid for p in focus.cities if p.geonameid}
    admin1_ids = {p.geonameid for p in focus.admin1 if p.geonameid}
    out = []
    for place in document.places():
        c = place.candidate
        if (c.is_country and c.country in countries) or (c.geonameid and c.geonameid in cities | admin1_ids):
            out.append(place)
    return out
