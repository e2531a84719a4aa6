"""The offline gazetteer as a geopy geocoder: ``OfflineGeocoder().geocode("Munich")``.

It ranks a bare name the way the pipeline ranks a mention with no document around it (name kind, feature class,
population, curated places), so "Washington" is the capital and "Goris" the Armenian town; a city of at least
``seat_min_population`` people in an admin-1 unit of its name is what the bare name means ("Tucumán", "Durango").
Place strings as people type them work too:

* "A, B[, C]": B and C are admin-1 names or codes, country names or codes, admin-2 names (read by
  :mod:`geo.placestring`, the reader the text pipeline's "X, Y" patterns use): "Tulsa, OK", "Bern, BE, CH",
  "Windsor, Ont.", "Lyon, FRA". They filter; an impossible combination ("Eugene, Texas") gives no answer.
* structured queries as geopy's Nominatim takes them: ``{"city": "Eugene", "state": "Oregon", "country": "US"}``;
* a typo ("Pittsburg, PA", "Cincinnatti") found by ``rapidfuzz`` when nothing matches exactly, with a lower
  probability and ``raw["match"] == "fuzzy"``;
* names in other scripts ("Санкт-Петербург", "القاهرة", "東京": GeoNames alternate names in the index).

``reverse`` gives the country whose Natural Earth polygon contains the point and the nearest populated places.
It opens no network connection: it works with ``geopy.extra.rate_limiter.RateLimiter`` and
``geopandas.tools.geocode`` like any geopy service, only faster.

>>> from geo import OfflineGeocoder                          # doctest: +SKIP
>>> OfflineGeocoder().geocode("Lachin Corridor").point      # doctest: +SKIP
Point(39.64, 46.55, 0.0)
>>> OfflineGeocoder().geocode("Tulsa, OK").raw["admin1_code"]  # doctest: +SKIP
'US-OK'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from geopy.distance import great_circle
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.gazetteer.index import Gazetteer, open_gazetteer
from geo.model import Candidate, Mention, Resolution
from geo.normalize import is_latin_key, normalize_name
from geo.placestring import Qualifier, QualifierReader, split_place_string
from geo.records import PLACE_FIELDS, place_record
from geo.resolve import Context, Resolver, same_spot

_REVERSE_RADII_DEG = (0.1, 0.3, 1.0, 3.0)
FUZZY_MIN_LENGTH = 5  # shorter names have too many neighbours one letter away ("Pars": Paris, Pau, Parma…)
FUZZY_DISCOUNT = 0.5  # a fuzzy answer's probability: its share among its readings × similarity × this
SEAT_SHARE = (
    1 / 3
)  # a city named the unit's name only by an alternate name: at least this share of its people
STRUCTURED_FIELDS = {"city": "PPL", "county": "ADM2", "state": "ADM1", "country": "PCLI"}
UNSUPPORTED_FIELDS = ("street", "postalcode")  # accepted as Nominatim takes them; no offline data: not used
_POINT = re.compile(
    r"\s*([-+]?\d+(?:\.\d+)?)\s*[,;\s]\s*([-+]?\d+(?:\.\d+)?)"
    r"(?:\s*[,;\s]\s*([-+]?\d+(?:\.\d+)?)\s*(m|km|ft|mi)?)?\s*"
)
# A Location's ``raw`` place fields and an alternative's (geo.records.place_record: the fields of every output).
RAW_FIELDS = tuple(f for f in PLACE_FIELDS if f not in ("lat", "lon"))  # the point is the Location's own
ALTERNATIVE_FIELDS = ("id", "geonameid", "name", "feature", "fcode", "country", "admin1", "admin1_code")
_ALTITUDE_KM = {"m": 0.001, "km": 1.0, "ft": 0.0003048, "mi": 1.609344, None: 0.001}  # bare altitude: metres


def parse_point(query: Any) -> tuple[float, float, float]:
    """``(lat, lon, altitude_km)`` from a geopy ``Point``, a ``(lat, lon[, alt_km])`` sequence or a ``"lat, lon[,
    altitude]"`` string (decimal degrees; an altitude in metres, or with a unit: ``"m"``, ``"km"``, ``"ft"``,
    ``"mi"``). Raises ``ValueError`` naming the input for anything else, and for a latitude outside [-90, 90] or a
    longitude outside [-180, 180] (never silently wrapped)."""
    if isinstance(query, Point):
        lat, lon, alt = query.latitude, query.longitude, query.altitude
    elif isinstance(query, str):
        found = _POINT.fullmatch(query)
        if not found:
            raise ValueError(f"{query!r} is not 'LAT, LON' or 'LAT, LON, ALTITUDE' in decimal degrees")
        lat, lon = float(found.group(1)), float(found.group(2))
        alt = float(found.group(3)) * _ALTITUDE_KM[found.group(4)] if found.group(3) else 0.0
    elif isinstance(query, (tuple, list)) and len(query) in (2, 3):
        try:
            lat, lon, alt = float(query[0]), float(query[1]), float(query[2]) if len(query) == 3 else 0.0
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{query!r} is not (LAT, LON[, ALTITUDE_KM])") from exc
    else:
        raise ValueError(f"{query!r} is not a point: give 'LAT, LON' or (LAT, LON)")
    if not -90 <= lat <= 90:
        raise ValueError(f"{query!r}: latitude {lat} is outside [-90, 90]")
    if not -180 <= lon <= 180:
        raise ValueError(f"{query!r}: longitude {lon} is outside [-180, 180]")
    return lat, lon, alt


class FuzzyNames:
    """Misspelt names → index names within a few edits (``rapidfuzz``'s optimal string alignment distance:
    insertions, deletions, substitutions and transpositions of neighbours count one each), blocked by first letter
    and length (±2) so a lookup compares a few thousand keys, not all of them. Names of ``FUZZY_MIN_LENGTH`` to 7
    letters may be one edit off, longer ones two (the "AUTO" fuzziness of Lucene). Vocabulary: the Latin-script
    primary names and aliases of the index (loaded on first use, ~0.5 s)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._blocks: dict[tuple[str, int], list[str]] = {}
        for key in gazetteer.name_keys(max_kind=1):
            if len(key) >= FUZZY_MIN_LENGTH - 1 and is_latin_key(key):
                self._blocks.setdefault((key[0], len(key)), []).append(key)

    def similar(self, name: str, limit: int = 8) -> list[tuple[str, float]]:
        """Index keys a few edits from *name* with their similarity (0–100: 100 × (1 − edits / length)), most
        similar first; ``[]`` for names shorter than ``FUZZY_MIN_LENGTH``."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        key = normalize_name(name)
        if len(key) < FUZZY_MIN_LENGTH:
            return []
        edits = 1 if len(key) < 8 else 2
        found: list[tuple[str, float]] = []
        for length in range(len(key) - edits, len(key) + edits + 1):
            block = self._blocks.get((key[0], length))
            if block:
                found += [
                    (choice, round(100 * (1 - distance / max(len(key), length)), 1))
                    for choice, distance, _ in process.extract(
                        key, block, scorer=OSA.distance, score_cutoff=edits, limit=limit
                    )
                    if choice != key
                ]
        return sorted(found, key=lambda ks: (-ks[1], ks[0]))[:limit]


class OfflineGeocoder(Geocoder):
    """A geopy geocoder over geo's offline index (no server, no network)."""

    def __init__(
        self,
        gazetteer: Gazetteer | str | None = None,
        *,
        timeout: Any = DEFAULT_SENTINEL,
        user_agent: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(timeout=timeout, user_agent=user_agent or "geo-offline", **kwargs)
        if isinstance(gazetteer, Gazetteer):
            self.gazetteer = gazetteer
        else:
            self.gazetteer = open_gazetteer(str(gazetteer) if gazetteer else None)
        self.resolver = Resolver(self.gazetteer)
        self.qualifiers = QualifierReader(self.gazetteer)
        self._fuzzy: FuzzyNames | None = None

    # -- forward -----------------------------------------------------------------------------------------------

    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        country_codes: str | list[str] | None = None,
        feature: str | list[str] | None = None,
        limit: int = 10,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """Places called *query*, best first.

        *query*: a name ("Munich"), a qualified place string ("Eugene, OR", "Bern, BE, CH"), or a structured
        dict with any of ``city``, ``county``, ``state``, ``country`` (``street`` and ``postalcode`` are accepted
        and not used: the index has no streets or postal codes). ``country_codes``: ISO alpha-2 code(s) to keep;
        ``feature``: feature types ("city", "country", "region", "water"…) or GeoNames codes ("PPLC", "ADM1") to
        keep. Each ``Location.raw`` has the place's ids, feature, country, admin-1 name and code, ``score`` (its
        probability among the readings the query and filters allow), ``match`` ("exact" or "fuzzy") and up to four
        ``alternatives``. Raises ``ValueError`` for a query that is neither a string nor such a dict."""
        if isinstance(query, Mapping):
            name, qualifiers, level = self._structured(query)
        elif isinstance(query, str):
            name, parts = split_place_string(query.strip())
            qualifiers, level = [self.qualifiers.read(p) for p in parts], None
            if qualifiers and not all(qualifiers) and self.gazetteer.candidates(query):
                name, qualifiers = query.strip(), []  # "Korea, Republic of": a name with a comma in it
        else:
            raise ValueError(f"query must be a string or a dict of address parts, not {type(query).__name__}")
        if not name:
            return None if exactly_one else []
        match = "exact"
        if not all(
            qualifiers
        ):  # "Minneapolis, Minesota": a misspelt qualifier, read as the names most like it
            qualifiers = [q or self._fuzzy_qualifier(q.text) for q in qualifiers]
            match = "fuzzy"
        if not all(qualifiers):
            ranked = []  # a qualifier that names no place: no answer, not a guess without it
        else:
            ranked = self._ranked(name, qualifiers, level)
            if ranked and match == "fuzzy":
                ranked = [(c, share * FUZZY_DISCOUNT) for c, share in ranked]
            if not ranked:
                ranked, match = self._fuzzy_ranked(name, qualifiers, level), "fuzzy"
        countries = (
            {country_codes.upper()}
            if isinstance(country_codes, str)
            else ({c.upper() for c in country_codes} if country_codes else None)
        )
        features = {feature} if isinstance(feature, str) else (set(feature) if feature else None)
        kept = [
            (c, score)
            for c, score in ranked
            if (countries is None or c.country in countries)
            and (features is None or c.feature in features or c.fcode in features)
        ]
        total = sum(score for _c, score in kept)
        if total > 0 and len(kept) < len(ranked):  # probabilities among the places the filters keep
            discount = sum(score for _c, score in ranked) if match == "fuzzy" else 1.0
            kept = [(c, discount * score / total) for c, score in kept]
        locations = [
            self._location(c, score, kept, match=match) for c, score in kept[: 1 if exactly_one else limit]
        ]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def rank(self, query: str) -> list[tuple[Candidate, float]]:
        """Every candidate for the bare name with its share among the name's readings (0–1, adding up to 1), best
        first."""
        mention = Mention(0, len(query), query, "query", "GPE")
        demonym = self.gazetteer.demonym(query)
        if demonym and not self.gazetteer.candidates(query):
            mention.demonym_of = demonym
        resolution = self.resolver.resolve(query, [mention])[0]
        if resolution.place is None:
            return []
        # Shares among the name's readings (they add up to 1), not the calibrated score of the winner alone.
        scored = {resolution.place.id: (resolution.place, _own_share(resolution))}
        for candidate, score in resolution.alternatives:
            scored.setdefault(candidate.id, (candidate, score))
        for candidate in self.gazetteer.candidates(query):  # the long tail, in index order
            scored.setdefault(candidate.id, (candidate, 0.0))
        return self._city_first(sorted(scored.values(), key=lambda cs: -cs[1]))

    def _city_first(self, ranked: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
        """City over same-named province for a bare name, as the text pipeline's ``namesake_city`` term has it (a
        city of ``seat_min_population`` in the unit), also when the city has the name only as an alternate name
        ("Tucumán" is San Miguel de Tucumán, "Durango" Victoria de Durango) and holds ``SEAT_SHARE`` of the unit's
        people (Oklahoma City does not: "Oklahoma" stays the state). The two swap places and probabilities."""
        if not ranked or ranked[0][0].fcode != "ADM1":
            return ranked
        unit, share = ranked[0]
        seat = self.resolver.config.seat_min_population
        for i, (c, score) in enumerate(ranked[1:], start=1):
            if (
                c.fcode.startswith("PPL")
                and c.admin1 == unit.admin1
                and c.population >= seat
                and (c.name_kind <= 1 or c.population >= SEAT_SHARE * unit.population)
            ):
                return [(c, share), (unit, score), *(cs for j, cs in enumerate(ranked) if j not in (0, i))]
        return ranked

    def _ranked(
        self, name: str, qualifiers: list[Qualifier], level: str | None
    ) -> list[tuple[Candidate, float]]:
        """The readings of *name* that every qualifier admits, at *level* ("PPL", "ADM1"…) when given, each with
        its share among them, best first."""
        if not qualifiers and level is None:
            return self.rank(name)
        candidates = tuple(
            c
            for c in self.gazetteer.candidates(
                name, 400
            )  # a small namesake ("Washington, IN") is far down the list
            if all(q.admits(c) for q in qualifiers) and (level is None or c.fcode.startswith(level))
        )
        if not candidates:
            return []
        resolution = self.resolver._pick(Mention(0, len(name), name, "query", "GPE"), candidates, Context())
        if resolution.place is None:
            return []
        scored = {resolution.place.id: (resolution.place, _own_share(resolution))}
        for candidate, score in resolution.alternatives:
            scored.setdefault(candidate.id, (candidate, score))
        for candidate in candidates:
            scored.setdefault(candidate.id, (candidate, 0.0))
        return sorted(scored.values(), key=lambda cs: -cs[1])

    def _fuzzy_ranked(
        self, name: str, qualifiers: list[Qualifier], level: str | None
    ) -> list[tuple[Candidate, float]]:
        """Readings of the index names most like *name* that the qualifiers admit: the most similar names with an
        admitted reading, their probabilities discounted by similarity and ``FUZZY_DISCOUNT``."""
        if self._fuzzy is None:
            self._fuzzy = FuzzyNames(self.gazetteer)
        similar = self._fuzzy.similar(name)
        for best in sorted({score for _k, score in similar}, reverse=True):
            keys = [k for k, score in similar if score == best]
            ranked = [
                (c, share / len(keys)) for key in keys for c, share in self._ranked(key, qualifiers, level)
            ]
            if ranked:
                ranked.sort(key=lambda cs: -cs[1])
                return [(c, share * best / 100 * FUZZY_DISCOUNT) for c, share in ranked]
        return []

    def _fuzzy_qualifier(self, text: str) -> Qualifier:
        """What the index names most like a qualifier that names nothing itself (empty when nothing is like it)."""
        if self._fuzzy is None:
            self._fuzzy = FuzzyNames(self.gazetteer)
        similar = self._fuzzy.similar(text)
        for best in sorted({score for _k, score in similar}, reverse=True):
            readings = [self.qualifiers.read(k) for k, score in similar if score == best]
            readings = [q for q in readings if q]
            if readings:
                return Qualifier(
                    text,
                    frozenset().union(*(q.admin1 for q in readings)),
                    frozenset().union(*(q.countries for q in readings)),
                    tuple(a for q in readings for a in q.areas),
                )
        return Qualifier(text)

    def _structured(self, query: Mapping[str, str]) -> tuple[str, list[Qualifier], str | None]:
        """A Nominatim-style dict → (the finest part's name, the coarser parts as qualifiers, its feature level).
        Raises ``ValueError`` for keys Nominatim does not take."""
        unknown = sorted(set(query) - set(STRUCTURED_FIELDS) - set(UNSUPPORTED_FIELDS))
        if unknown:
            raise ValueError(
                f"structured query: unknown field(s) {', '.join(unknown)}; use {', '.join(STRUCTURED_FIELDS)}"
            )
        parts = [
            (field, str(query[field]).strip())
            for field in STRUCTURED_FIELDS
            if str(query.get(field) or "").strip()
        ]
        if not parts:
            return "", [], None
        (field, name), coarser = parts[0], parts[1:]
        return name, [self.qualifiers.read(value) for _f, value in coarser], STRUCTURED_FIELDS[field]

    # -- reverse -----------------------------------------------------------------------------------------------

    def reverse(
        self, query: Any, *, exactly_one: bool = True, limit: int = 5, timeout: Any = DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        """What is at a point: the nearest populated places (within ~3°) with their admin-1 unit and country, those
        in the country whose polygon *contains* the point first (Natural Earth 10m, German point of view; a point
        in San Marino is San Marino even when an Italian town is nearer). Every ``raw`` has ``distance_km`` and
        ``point_country`` (ISO alpha-2 of the containing country, None at sea). A point in a country with no town
        nearby gives the country itself; at sea with no town near, None (``[]``). The admin-1 unit is the nearest
        in-country town's (no admin-1 polygons offline).

        *query*: a geopy ``Point``, ``(lat, lon)`` or ``"lat, lon[, altitude]"`` (see :func:`parse_point`); raises
        ``ValueError`` for anything else or for an out-of-range point."""
        from geo.boundaries import country_at

        lat, lon, _alt = parse_point(query)
        inside = country_at(lat, lon) or None
        rows: list[Candidate] = []
        for radius in _REVERSE_RADII_DEG:
            rows = self.gazetteer.places_near(lat, lon, radius)
            if rows and (inside is None or any(c.country == inside for c in rows)):
                break
        km = {c.id: great_circle((lat, lon), (c.lat, c.lon)).km for c in rows}
        nearest = sorted(
            rows, key=lambda c: (c.country != inside if inside else False, km[c.id], -c.population)
        )
        if inside and not any(c.country == inside for c in nearest):
            country = self.gazetteer.country(inside)
            if country is not None:
                km[country.id] = great_circle((lat, lon), (country.lat, country.lon)).km
                nearest.insert(0, country)
        locations = [self._location(c, None, [], distance_km=km[c.id], point_country=inside) for c in nearest]
        if exactly_one:
            return locations[0] if locations else None
        return locations[:limit]

    # -- shared ------------------------------------------------------------------------------------------------

    def _location(
        self,
        c: Candidate,
        score: float | None,
        ranked: list[tuple[Candidate, float]],
        distance_km: float | None = None,
        match: str = "exact",
        point_country: str | None = None,
    ) -> Location:
        raw = place_record(c, RAW_FIELDS)
        admin1_name, country = raw["admin1"], raw["country_name"]
        parts = [c.name]
        if admin1_name and admin1_name != c.name and c.fcode != "ADM1":
            parts.append(admin1_name)
        if country and not c.is_country:
            parts.append(country)
        if score is not None:
            raw["score"] = round(score, 4)
            raw["match"] = match
            raw["alternatives"] = [
                {**place_record(o, ALTERNATIVE_FIELDS), "score": round(s, 4)}
                for o, s in ranked
                if o.id != c.id
            ][:4]
        if distance_km is not None:
            raw["distance_km"] = round(distance_km, 3)
            raw["point_country"] = point_country
        return Location(", ".join(parts), (c.lat, c.lon, 0.0), raw)


def _own_share(resolution: Resolution) -> float:
    """The winner's own share among the name's readings: its ``share`` counts the readings at the same spot with it
    (a city and its namesake county, :func:`geo.resolve.same_spot`), which the alternatives list on their own."""
    place = resolution.place
    if place is None:
        return 0.0
    same = sum(share for c, share in resolution.alternatives if same_spot(place, c))
    return round(max(0.0, resolution.share - same), 3)
