"""Admin-1 on every place (issue 18): name and code in geo parse JSON/CSV/GeoJSON, alternatives and the map data;
the map's countries fly to their main extent; cards show only real contenders and no builder notes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from geo import boundaries
from geo.export import to_csv, to_geojson, to_json
from geo.model import Candidate
from geo.records import place_record
from geo.render import main_extent, map_data

ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(scope="module")
def huntsville(parser):
    return parser.parse((ARTICLES / "huntsville.txt").read_text(encoding="utf-8"), doc_id="huntsville")


@pytest.fixture(scope="module")
def pacific(parser):
    return parser.parse((ARTICLES / "pacific.txt").read_text(encoding="utf-8"), doc_id="pacific")


def test_json_csv_and_geojson_name_the_state_and_its_iso_code(huntsville):
    mentions = {m["text"]: m for m in json.loads(to_json(huntsville))["mentions"]}
    assert (mentions["Decatur"]["admin1"], mentions["Decatur"]["admin1_code"]) == ("Alabama", "US-AL")
    assert (mentions["Mississippi"]["admin1"], mentions["Mississippi"]["admin1_code"]) == (
        "Mississippi",
        "US-MS",
    )
    # "across the Tennessee River": the river (no admin-1 unit of its own), not the state
    assert mentions["Tennessee River"]["admin1"] is None
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(to_csv(huntsville)))}
    assert (rows["Athens"]["admin1"], rows["Athens"]["admin1_code"]) == (
        "Alabama",
        "US-AL",
    )  # not Greece, not Georgia
    features = {
        f["properties"]["name"]: f["properties"] for f in json.loads(to_geojson(huntsville))["features"]
    }
    assert features["Montgomery"]["admin1_code"] == "US-AL" and features["Montgomery"]["admin1"] == "Alabama"


def test_countries_have_no_admin1_and_alternatives_carry_theirs(pacific):
    mentions = {m["text"]: m for m in json.loads(to_json(pacific))["mentions"]}
    assert mentions["Fiji"]["admin1"] is None and mentions["Fiji"]["admin1_code"] is None
    brisbane = {(a["name"], a["admin1_code"]) for a in mentions["Brisbane"]["alternatives"]}
    assert ("Brisbane", "US-CA") in brisbane


def test_a_unit_without_an_iso_code_keeps_its_geonames_code():
    nowhere = Candidate(1, 1, "Nowhere", "PPL", "ZZ", "ZZ.99", 0.0, 0.0, 0, "test")
    fields = ("admin1", "admin1_code")
    assert place_record(nowhere, fields) == {"admin1": None, "admin1_code": "ZZ.99"}
    assert place_record(None, fields) == {"admin1": None, "admin1_code": None}


def test_map_cards_say_where_fully_with_real_contenders_only(huntsville, pacific):
    places = {p["name"]: p for p in map_data(huntsville)["places"]}
    assert places["Huntsville"]["where"] == "Huntsville, Alabama, United States"
    assert places["Alabama"]["where"] == "Alabama, United States"
    assert places["Huntsville"]["admin1Code"] == "US-AL"
    places = {p["name"]: p for p in map_data(pacific)["places"]}
    assert places["Fiji"]["where"] == "Fiji"
    assert places["United States"]["alternatives"] == []  # "Us (city, FR)" scored nothing: no contender
    auckland = [a["where"] for a in places["Auckland"]["alternatives"]]
    assert auckland and all(w.endswith("New Zealand") for w in auckland)
    brisbane = [a["where"] for a in places["Brisbane"]["alternatives"]]
    assert "Brisbane, California, United States" in brisbane


def test_builder_notes_stay_out_of_the_map_but_in_the_exports(parser):
    doc = parser.parse("Trucks crossed the Lachin Corridor from Goris on Monday.")
    corridor = next(p for p in map_data(doc)["places"] if p["name"] == "Lachin Corridor")
    assert corridor["note"] is None
    exported = next(
        f for f in json.loads(to_geojson(doc))["features"] if f["properties"]["name"] == "Lachin Corridor"
    )
    assert "vertices" in exported["properties"]["note"]


@pytest.mark.parametrize(
    ("iso", "south", "west", "north", "east"),
    [
        ("RU", 41, 27, 78, 180.1),
        ("US", 24, -125, 50, -66),
        ("FJ", -19, 177, -16, 180.1),
        ("NZ", -47.5, 166, -34, 179),
    ],
)
def test_a_countrys_main_extent_does_not_span_the_world(iso, south, west, north, east):
    (s, w), (n, e) = main_extent(boundaries.country_shapes(0.05)[iso])
    assert south <= s < n <= north and west <= w < e <= east, (s, w, n, e)


def test_types_and_mode_are_sent_once_from_python(huntsville):
    data = map_data(huntsville, mode="png")
    assert (
        data["mode"] == "png"
        and {"type": "city", "label": "Cities, towns", "color": "#1d4ed8"} in data["types"]
    )
    with pytest.raises(ValueError, match="map mode"):
        map_data(huntsville, mode="poster")


def test_state_lines_are_drawn_for_us_stories_only(huntsville, parser):
    from geo.boundaries import us_atlas_path

    US_ATLAS = us_atlas_path()
    if not US_ATLAS.exists():
        pytest.fail(f"{US_ATLAS} missing: `make setup` fetches it with npm")
    data = map_data(huntsville)
    (lines,) = data["admin1Lines"]["features"]
    assert lines["properties"]["country"] == "US" and lines["geometry"]["type"] == "MultiLineString"
    # The Alabama–Mississippi line runs near 88.4° W between 31° and 35° N.
    assert any(
        abs(lon + 88.3) < 0.3 and 31 < lat < 35
        for line in lines["geometry"]["coordinates"]
        for lon, lat in line
    )
    assert "US Census Bureau" in data["attribution"]
    caucasus = parser.parse("Talks between Baku and Yerevan resumed in Tbilisi on Monday.")
    assert map_data(caucasus)["admin1Lines"]["features"] == []  # a story without US places carries none


def test_the_offline_geocoder_gives_the_admin1_code_of_a_place_and_its_alternatives(gazetteer):
    from geo.geocoder import OfflineGeocoder

    location = OfflineGeocoder(gazetteer=gazetteer.path).geocode("Huntsville")
    assert location.raw["admin1_code"] == "US-AL" and location.raw["admin1"] == "Alabama"
    assert {a["admin1_code"] for a in location.raw["alternatives"]} >= {"US-TX"}  # Huntsville, Texas


def test_admin1_units_have_their_english_names_from_iso3166_2(gazetteer):
    """ "Dagestan", "North Ossetia", "Tatarstan": ISO 3166-2 names these units "Dagestan, Respublika" …; their
    English names come from the iso3166-2 package, shown on the card, and no calque or nickname it lists
    ("Holy Spirit" for Espírito Santo, "Tobacco" for Tobago, "Garbo" for Għarb, "The Golden State")."""
    from geo.gazetteer.build import _iso3166_2_english_names

    english = _iso3166_2_english_names()
    assert "Dagestan" in english["RU-DA"] and "North Ossetia" in english["RU-SE"]
    listed = {name for names in english.values() for name in names}
    assert not listed & {"Holy Spirit", "Tobacco", "Garbo", "The Golden State", "Nakhon", "Currents"}
    for name, code in [("Dagestan", "RU.17"), ("North Ossetia", "RU.68"), ("Tatarstan", "RU.73")]:
        units = [c for c in gazetteer.candidates(name) if c.fcode == "ADM1"]
        assert [c.admin1 for c in units] == [code]
        assert "," not in units[0].name  # "Dagestan", not "Dagestan, Respublika"
    assert gazetteer.candidates("Bosnia")[0].country == "BA"
