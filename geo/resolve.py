"""Toponym resolution: one place per mention, with a score and the runners-up.

Order of evidence, strongest first: how the name matches (primary name > official name/alias > alternate name),
what the place is (country > capital > admin-1 > our curated areas > city > district), its population, then the
document: countries and admin-1 regions mentioned elsewhere (including demonyms and the dateline), and
"X, Y" parent patterns ("Paris, Texas").
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from geo.gazetteer.index import Gazetteer
from geo.model import Candidate, Mention, Resolution

NAME_KIND_WEIGHT = {0: 2.0, 1: 1.6, 2: 0.0}
FEATURE_WEIGHT = {"PCLI": 3.2, "PPLC": 3.0, "CONT": 2.6, "ADM1": 2.0, "PPL": 0.0, "ADM2": -0.6}
CURATED_WEIGHT = 2.4  # our supplement: regions, seas, corridors — names news uses for exactly these places
POPULATION_WEIGHT = 0.35
COUNTRY_CONTEXT = 1.5
ADMIN1_CONTEXT = 1.0
PARENT_PATTERN = 3.0
SOFTMAX_TEMPERATURE = 1.0
MAX_ALTERNATIVES = 4


@dataclass(frozen=True, slots=True)
class Context:
    """What the document says about where it is."""

    countries: frozenset[str] = frozenset()
    admin1: frozenset[str] = frozenset()


def prior(candidate: Candidate) -> float:
    """Score of a candidate before any document context."""
    feature = CURATED_WEIGHT if candidate.id < 0 else FEATURE_WEIGHT.get(candidate.fcode, 0.0)
    return (
        NAME_KIND_WEIGHT.get(candidate.name_kind, 0.0)
        + feature
        + POPULATION_WEIGHT * math.log10(candidate.population + 1)
    )


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def resolve(self, text: str, mentions: list[Mention]) -> list[Resolution]:
        """Resolve every mention of one document (two passes: priors, then priors + document context)."""
        candidates = [self._candidates(m) for m in mentions]
        first = [self._pick(m, c, Context(), {}) for m, c in zip(mentions, candidates, strict=True)]
        context = self._context(first)
        parents = self._parent_patterns(text, mentions, first)
        return [
            self._pick(m, c, context, parents.get(i, {}))
            for i, (m, c) in enumerate(zip(mentions, candidates, strict=True))
        ]

    def _candidates(self, mention: Mention) -> tuple[Candidate, ...]:
        if mention.demonym_of:
            country = self.gazetteer.country(mention.demonym_of)
            return (country,) if country else ()
        return self.gazetteer.candidates(mention.text)

    def _pick(
        self,
        mention: Mention,
        candidates: tuple[Candidate, ...],
        context: Context,
        parent_bonus: dict[int, float],
    ) -> Resolution:
        if not candidates:
            return Resolution(mention, None, 0.0, [])
        scored = sorted(
            ((c, self._score(c, context) + parent_bonus.get(c.id, 0.0)) for c in candidates),
            key=lambda cs: (-cs[1], cs[0].id),
        )
        top = scored[0][1]
        weights = [math.exp((s - top) / SOFTMAX_TEMPERATURE) for _, s in scored]
        total = sum(weights)
        probabilities = [w / total for w in weights]
        best = scored[0][0]
        alternatives = [
            (c, round(p, 3))
            for (c, _), p in zip(scored[1:], probabilities[1:], strict=True)
            if c.id != best.id
        ][:MAX_ALTERNATIVES]
        return Resolution(mention, best, round(probabilities[0], 3), alternatives)

    def _score(self, candidate: Candidate, context: Context) -> float:
        score = prior(candidate)
        if candidate.country in context.countries and candidate.fcode != "PCLI":
            score += COUNTRY_CONTEXT
        if candidate.admin1 and candidate.admin1 in context.admin1 and candidate.fcode != "ADM1":
            score += ADMIN1_CONTEXT
        return score

    def _context(self, first: list[Resolution]) -> Context:
        """Countries and admin-1 units the document names with confidence (the dateline counts twice)."""
        countries: Counter[str] = Counter()
        admin1: set[str] = set()
        for resolution in first:
            place = resolution.place
            if place is None or resolution.score < 0.6:
                continue
            weight = 2 if resolution.mention.source == "dateline" else 1
            if place.fcode == "PCLI" or resolution.mention.demonym_of:
                countries[place.country] += weight
            elif place.fcode == "ADM1":
                admin1.add(place.admin1)
                countries[place.country] += weight
            elif resolution.mention.source == "dateline" and place.country:
                countries[place.country] += weight
        return Context(frozenset(countries), frozenset(admin1))

    def _parent_patterns(
        self, text: str, mentions: list[Mention], first: list[Resolution]
    ) -> dict[int, dict[int, float]]:
        """For "X, Y": bonus to X's candidates that lie in a country or admin-1 unit Y can name."""
        bonuses: dict[int, dict[int, float]] = {}
        for i in range(len(mentions) - 1):
            here, after = mentions[i], mentions[i + 1]
            if text[here.end : after.start] not in (", ", ","):
                continue
            containers = self.gazetteer.candidates(after.text)
            countries = {c.country for c in containers if c.fcode == "PCLI"}
            admin1 = {c.admin1 for c in containers if c.fcode == "ADM1"}
            bonus = {}
            for candidate in self._candidates(here):
                if candidate.admin1 in admin1 or (
                    candidate.country in countries and candidate.fcode != "PCLI"
                ):
                    bonus[candidate.id] = PARENT_PATTERN
            if bonus:
                bonuses[i] = bonus
        return bonuses
