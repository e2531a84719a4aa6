"""One place → record conversion for every output: the JSON/JSONL/CSV/GeoJSON exports (geo/export.py), the
``geo batch`` mention tables (geo/worker.py), the geopy geocoder's ``Location.raw`` (geo/geocoder.py) and the map's
place cards (geo/render.py) all take a place's fields from :func:`place_record`, so the same place carries the same
values in each: the GeoNames id an integer (``None`` for places GeoNames lacks), ``country`` ISO 3166-1 alpha-2 or
``None``, ``admin1`` the admin-1 unit's GeoNames name and ``admin1_code`` its ISO 3166-2 code (GeoNames' ``CC.xx``
when no ISO code is known). The names come from the candidate itself (the gazetteer fills them when it makes the
candidate: :meth:`geo.gazetteer.index.Gazetteer.described`): no index is opened here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from geo.model import Candidate

# Every field a place record can carry, in the order of the full record. Outputs choose theirs (and their order).
PLACE_FIELDS = (
    "id",
    "geonameid",
    "name",
    "feature",
    "fcode",
    "country",
    "country_name",
    "admin1",
    "admin1_code",
    "lat",
    "lon",
    "population",
    "source",
)


def place_record(place: Candidate | None, fields: Sequence[str] = PLACE_FIELDS) -> dict[str, Any]:
    """The place's *fields* (names from :data:`PLACE_FIELDS`, in the order given) as a JSON-ready dict; every
    value ``None`` when *place* is None (an unresolved mention).

    ``id``: the index's id (not a GeoNames id; negative for places GeoNames lacks); ``geonameid``: int or None;
    ``feature``: the display type ("city", "country", "water"…) of the GeoNames feature code ``fcode``;
    ``country``: ISO alpha-2 or None; ``country_name``: the country's name (its code when the index has no name
    for it); ``admin1``/``admin1_code``: see the module docstring (both None for a place with no admin-1 unit);
    ``lat``/``lon``: WGS84 degrees; ``population``: people (0 when unknown); ``source``: the data it came from.
    Raises KeyError for a field name not in :data:`PLACE_FIELDS`. Source: the gazetteer candidate alone."""
    if place is None:
        return dict.fromkeys(fields)
    values: dict[str, Any] = {
        "id": place.id,
        "geonameid": place.geonameid or None,
        "name": place.name,
        "feature": place.feature,
        "fcode": place.fcode,
        "country": place.country or None,
        "country_name": place.country_name or place.country or None,
        "admin1": None if place.is_country else place.admin1_name,
        "admin1_code": place.admin1_code,
        "lat": place.lat,
        "lon": place.lon,
        "population": place.population,
        "source": place.source,
    }
    return {name: values[name] for name in fields}
