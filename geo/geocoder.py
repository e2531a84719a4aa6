"""The offline gazetteer as a geopy geocoder: ``OfflineGeocoder().geocode("Munich")``.

It ranks a bare name the way the pipeline ranks a mention with no document around it (name kind, feature class,
population, curated places), so "Washington" is the capital and "Goris" the Armenian town. It opens no network
connection: it works with ``geopy.extra.rate_limiter.RateLimiter`` and ``geopandas.tools.geocode`` like any geopy
service, only faster.

>>> from geo import OfflineGeocoder                          # doctest: +SKIP
>>> OfflineGeocoder().geocode("Lachin Corridor").point      # doctest: +SKIP
Point(39.64, 46.55, 0.0)
"""

from __future__ import annotations

from typing import Any

from geopy.distance import great_circle
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.export import admin1_fields
from geo.gazetteer.index import Gazetteer, open_gazetteer
from geo.model import Candidate, Mention
from geo.resolve import Resolver

_REVERSE_RADII_DEG = (0.1, 0.3, 1.0, 3.0)


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
        self._country_names = {iso: c.name for iso, c in self.gazetteer.countries().items()}

    # -- forward -----------------------------------------------------------------------------------------------

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | list[str] | None = None,
        feature: str | list[str] | None = None,
        limit: int = 10,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """Places called *query*, best first. ``country_codes``: ISO alpha-2 code(s) to keep; ``feature``: feature
        types ("city", "country", "region", "water"…) or GeoNames codes ("PPLC", "ADM1") to keep."""
        if not isinstance(query, str):
            raise ValueError("query must be a string")
        query = query.strip()
        if not query:
            return None if exactly_one else []
        ranked = self.rank(query)
        countries = {country_codes.upper()} if isinstance(country_codes, str) else (
            {c.upper() for c in country_codes} if country_codes else None
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
            kept = [(c, score / total) for c, score in kept]
        locations = [self._location(c, score, kept) for c, score in kept[: 1 if exactly_one else limit]]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def rank(self, query: str) -> list[tuple[Candidate, float]]:
        """Every candidate for the name with its share among the name's readings (0–1, adding up to 1), best
        first."""
        mention = Mention(0, len(query), query, "query", "GPE")
        demonym = self.gazetteer.demonym(query)
        if demonym and not self.gazetteer.candidates(query):
            mention.demonym_of = demonym
        resolution = self.resolver.resolve(query, [mention])[0]
        if resolution.place is None:
            return []
        # Shares among the name's readings (they add up to 1), not the calibrated score of the winner alone.
        scored = {resolution.place.id: (resolution.place, resolution.share)}
        for candidate, score in resolution.alternatives:
            scored.setdefault(candidate.id, (candidate, score))
        for candidate in self.gazetteer.candidates(query):  # the long tail, in index order
            scored.setdefault(candidate.id, (candidate, 0.0))
        return sorted(scored.values(), key=lambda cs: -cs[1])

    # -- reverse -----------------------------------------------------------------------------------------------

    def reverse(
        self, query: Any, *, exactly_one: bool = True, limit: int = 5, timeout: Any = DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        """The nearest populated places to a point, with their admin-1 region and country."""
        point = Point(query)
        lat, lon = point.latitude, point.longitude
        for radius in _REVERSE_RADII_DEG:
            rows = self.gazetteer.places_near(lat, lon, radius)
            if rows:
                break
        else:
            return None if exactly_one else []
        km = {c.id: great_circle((lat, lon), (c.lat, c.lon)).km for c in rows}
        nearest = sorted(rows, key=lambda c: (km[c.id], -c.population))
        locations = [self._location(c, None, [], distance_km=km[c.id]) for c in nearest]
        return locations[0] if exactly_one else locations[:limit]

    # -- shared ------------------------------------------------------------------------------------------------

    def _location(
        self,
        c: Candidate,
        score: float | None,
        ranked: list[tuple[Candidate, float]],
        distance_km: float | None = None,
    ) -> Location:
        admin1 = self.gazetteer.admin1(c.admin1) if c.admin1 and c.fcode != "ADM1" else None
        country = self._country_names.get(c.country, c.country)
        parts = [c.name]
        if admin1 and admin1.name != c.name:
            parts.append(admin1.name)
        if country and not c.is_country:
            parts.append(country)
        raw: dict[str, Any] = {
            "id": c.id,
            "geonameid": c.geonameid,
            "name": c.name,
            "feature": c.feature,
            "fcode": c.fcode,
            "country": c.country or None,
            "country_name": country or None,
            "admin1": admin1.name if admin1 else None,
            "admin1_code": self.gazetteer.admin1_code(c.admin1) or None,
            "population": c.population,
            "source": c.source,
        }
        if score is not None:
            raw["score"] = round(score, 4)
            raw["alternatives"] = [
                {"name": o.name, "feature": o.feature, "country": o.country or None, **admin1_fields(o, self.gazetteer),
                 "score": round(s, 4)}
                for o, s in ranked
                if o.id != c.id
            ][:4]
        if distance_km is not None:
            raw["distance_km"] = round(distance_km, 3)
        return Location(", ".join(parts), (c.lat, c.lon, 0.0), raw)
