"""OfflineGeocoder, modelled on geopy's own geocoder tests: geocode, reverse, exactly_one, filters, RateLimiter,
geopandas — all on the real index, with no network."""

from __future__ import annotations

import json
import time

import pytest
from geopy.distance import geodesic
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo import OfflineGeocoder
from tests.fixtures import run


@pytest.fixture(scope="module")
def geocoder(gazetteer) -> OfflineGeocoder:
    return OfflineGeocoder(gazetteer)


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)


@pytest.mark.parametrize(
    ("query", "point", "geonameid"),
    [
        ("Munich", (48.137, 11.575), 2867714),
        ("Baku", (40.378, 49.892), 587084),
        ("Goris", (39.511, 46.342), None),  # the Armenian town, not Gori (Georgia)
        ("Washington", (38.895, -77.036), 4140963),
        ("Lachin Corridor", (39.64, 46.55), None),
    ],
)
def test_geocode(geocoder, query, point, geonameid):
    location = geocoder.geocode(query)
    assert isinstance(location, Location)
    assert geodesic((location.latitude, location.longitude), point).km < 5
    assert location.address.startswith(query)
    if geonameid:
        assert location.raw["geonameid"] == geonameid
    assert {"id", "feature", "country", "population", "alternatives", "score"} <= set(location.raw)


def test_geocode_not_exactly_one_lists_the_senses_best_first(geocoder):
    found = geocoder.geocode("Paris", exactly_one=False, limit=6)
    assert isinstance(found, list) and 2 <= len(found) <= 6
    assert found[0].raw["country"] == "FR"
    assert {loc.raw["country"] for loc in found} >= {"FR", "US"}
    scores = [loc.raw["score"] for loc in found]
    assert scores == sorted(scores, reverse=True)


def test_country_and_feature_filters(geocoder):
    assert geocoder.geocode("Paris", country_codes="us").raw["country"] == "US"
    assert geocoder.geocode("Paris", country_codes=["CA"]).raw["country"] == "CA"
    state = geocoder.geocode("Washington", feature="region")
    assert state.raw["fcode"] == "ADM1" and state.raw["score"] > 0.5  # renormalised among the kept places
    assert geocoder.geocode("Georgia", feature=["country"]).raw["country"] == "GE"


def test_no_result(geocoder):
    assert geocoder.geocode("Xyzzyville Qwertz") is None
    assert geocoder.geocode("Xyzzyville Qwertz", exactly_one=False) == []
    assert geocoder.geocode("   ") is None


def test_reverse(geocoder):
    location = geocoder.reverse((48.14, 11.58))
    assert location.raw["name"] == "Munich" and location.raw["admin1"] and location.raw["country"] == "DE"
    assert location.raw["distance_km"] < 2
    several = geocoder.reverse("40.18, 44.51", exactly_one=False, limit=3)
    assert len(several) == 3 and all(loc.raw["country"] == "AM" for loc in several)
    assert geocoder.reverse((0.0, -140.0)) is None  # the middle of the Pacific


def test_rate_limiter_honours_its_delay(geocoder):
    limited = RateLimiter(geocoder.geocode, min_delay_seconds=0.2)
    started = time.perf_counter()
    results = [limited(q) for q in ("Munich", "Baku", "Yerevan")]
    assert time.perf_counter() - started >= 0.4
    assert [r.raw["country"] for r in results] == ["DE", "AZ", "AM"]


@pytest.mark.index
def test_geopandas_geocode():
    import geopandas

    frame = geopandas.tools.geocode(["Munich", "Baku"], provider=OfflineGeocoder)
    assert frame.crs.to_epsg() == 4326
    assert geodesic((frame.geometry[0].y, frame.geometry[0].x), (48.137, 11.575)).km < 5
    assert geodesic((frame.geometry[1].y, frame.geometry[1].x), (40.378, 49.892)).km < 5
    assert frame["address"][0].startswith("Munich")


@pytest.mark.slow
@pytest.mark.index
def test_geocode_command():
    done = run("geocode", "Lachin Corridor")
    assert done.returncode == 0 and done.stdout.startswith("Lachin Corridor, Azerbaijan\t39.64000, 46.55000")
    done = run("geocode", "Paris", "--country", "US", "--json", "--limit", "2")
    rows = json.loads(done.stdout)
    assert len(rows) == 2 and all(r["country"] == "US" for r in rows)
    done = run("geocode", "--reverse", "48.14, 11.58", "--limit", "1")
    assert done.stdout.startswith("Munich, Bayern, Germany")
    done = run("geocode", "--reverse", "north of here")
    assert done.returncode == 2 and "LAT, LON" in done.stderr
    assert run("geocode", "Xyzzyville Qwertz").returncode == 1
