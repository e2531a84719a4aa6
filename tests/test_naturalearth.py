"""The optional Natural Earth data pack, installed from the local mirror in ../shared into a temporary index."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from geopy.distance import geodesic

from geo.gazetteer.index import Gazetteer
from geo.pipeline import Geoparser
from geo.render import map_data, save_map
from tests.fixtures import ROOT, SEED

pytestmark = [pytest.mark.slow, pytest.mark.index]  # gazetteer builds with the pack

MIRROR = ROOT.parent / "shared" / "naturalearth"


def _geo(*args: str, index: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geo.cli", *args, "--path", str(index)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )


@pytest.fixture(scope="module")
def pack_index(tmp_path_factory) -> Path:
    if not MIRROR.is_dir():
        pytest.skip(f"no Natural Earth mirror at {MIRROR}")
    index = tmp_path_factory.mktemp("pack") / "gazetteer.sqlite"
    done = _geo("data", "install", "naturalearth", "--from", str(MIRROR), index=index)
    assert done.returncode == 0, done.stderr
    assert "Natural Earth pack:" in done.stderr
    return index


@pytest.fixture(scope="module")
def pack_parser(pack_index: Path) -> Geoparser:
    return Geoparser(Gazetteer(pack_index))


@pytest.fixture(scope="module")
def pack_seed(pack_parser: Geoparser, seed_text: str):
    return pack_parser.parse(seed_text, doc_id=SEED.stem)


def _place(data: dict, name: str) -> dict:
    return next(p for p in data["places"] if p["name"] == name)


def test_nagorno_karabakh_is_its_polygon_with_its_status(pack_seed):
    data = map_data(pack_seed)
    nk = _place(data, "Nagorno-Karabakh")
    assert nk["type"] == "disputed area"
    assert nk["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert "Claimed by Azer." in nk["note"] and "Self admin." in nk["note"]
    lon, lat = (
        nk["geometry"]["coordinates"][0][0]
        if nk["geometry"]["type"] == "Polygon"
        else (nk["geometry"]["coordinates"][0][0][0])
    )
    assert geodesic((lat, lon), (39.85, 46.7)).km < 120
    corridor = _place(data, "Lachin Corridor")
    assert corridor["geometry"]["type"] == "LineString"
    assert "disputed and breakaway areas: Natural Earth" in data["pov"]


def test_pack_places_are_resolvable_with_their_shapes(pack_parser):
    doc = pack_parser.parse(
        "Ships left the Black Sea for the Bay of Biscay. Barges sailed down the Mississippi River."
    )
    by_name = {r.mention.text: r.place for r in doc.resolutions if r.place}
    assert by_name["Black Sea"].geometry.startswith(("POLYGON", "MULTIPOLYGON"))
    # Our curated point, with the pack's polygon attached (as for the Black Sea).
    assert by_name["Bay of Biscay"].fcode == "BAY"
    assert by_name["Bay of Biscay"].geometry.startswith(("POLYGON", "MULTIPOLYGON"))
    assert (
        by_name["Mississippi River"].fcode == "STM" and "LINESTRING" in by_name["Mississippi River"].geometry
    )


def test_admin1_units_move_to_natural_earth_label_points(pack_index, gazetteer):
    texas = next(c for c in Gazetteer(pack_index).candidates("Texas") if c.fcode == "ADM1")
    assert "Natural Earth" in texas.source
    assert (
        geodesic((texas.lat, texas.lon), (32.33, -100.09)).km < 5
    )  # the mainland label point, not an island


def test_one_word_pack_names_are_not_claimed_without_ner(pack_index):
    """River and island names such as "Back" or "Bear" must not turn ordinary words into places."""
    gaz = Gazetteer(pack_index)
    assert "back" not in gaz.strong_keys and "bear" not in gaz.strong_keys
    assert "bay of biscay" in gaz.strong_keys


@pytest.mark.browser
def test_seed_map_with_the_pack_in_a_browser_shows_the_disputed_polygon(pack_seed, tmp_path):
    from tests.fixtures import CHROMIUM, FLAGS, Page

    path = save_map(pack_seed, tmp_path / "seed-pack.html")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = Page(browser, path)
        nk = next(i for i, pl in enumerate(pack_seed.places()) if pl.candidate.name == "Nagorno-Karabakh")
        page.page.evaluate("p => window.geoFocusPlace(p, false)", nk)
        card = page.page.locator(".leaflet-popup .geo-card")
        card.wait_for(timeout=5000)
        assert "Claimed by Azer." in card.inner_text()
        # The polygon is an SVG path with the disputed-area colour.
        assert page.page.locator('path.leaflet-interactive[stroke="#be185d"]').count() >= 1
        assert page.errors == [] and page.requests == []
        browser.close()


def test_install_from_a_folder_without_layers_is_a_clear_error(tmp_path):
    index = tmp_path / "gazetteer.sqlite"
    (tmp_path / "empty").mkdir()
    done = _geo("data", "install", "naturalearth", "--from", str(tmp_path / "empty"), index=index)
    assert done.returncode == 1
    assert "none of the Natural Earth layers" in done.stderr and "Traceback" not in done.stderr
    assert not index.exists()


def test_geojson_export_carries_the_shapes(pack_seed):
    from geo.export import to_geojson

    features = {f["properties"]["name"]: f for f in json.loads(to_geojson(pack_seed))["features"]}
    assert features["Nagorno-Karabakh"]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert features["Lachin Corridor"]["geometry"]["type"] == "LineString"
    assert features["Munich"]["geometry"]["type"] == "Point"
    assert features["Nagorno-Karabakh"]["properties"]["lat"] == pytest.approx(39.85)


def test_shapefile_zip_layers_are_read_too(tmp_path):
    """Natural Earth's own downloads are shapefile zips: the reader takes them as well as GeoJSON."""
    import geopandas as gpd

    from geo import naturalearth

    frame = gpd.read_file(MIRROR / "ne_10m_admin_0_disputed_areas.json")
    shp_dir = tmp_path / "shp"
    shp_dir.mkdir()
    frame.to_file(shp_dir / "ne_10m_admin_0_disputed_areas.shp")
    archive = shutil.make_archive(str(tmp_path / "ne_10m_admin_0_disputed_areas"), "zip", shp_dir)
    source = tmp_path / "src"
    source.mkdir()
    shutil.move(archive, source / "ne_10m_admin_0_disputed_areas.zip")
    index = tmp_path / "idx" / "gazetteer.sqlite"
    naturalearth.install(str(source), index, progress=lambda _m: None)
    places = list(naturalearth.pack_places(index, {"AZE": "AZ"}))
    nk = next(p for p in places if p.name == "Nagorno-Karabakh")
    assert nk.country == "AZ" and nk.geometry.startswith(("POLYGON", "MULTIPOLYGON"))


def test_the_card_keeps_the_status_but_not_the_curated_provenance(pack_seed):
    nk = _place(map_data(pack_seed), "Nagorno-Karabakh")
    assert nk["note"].endswith(")") and "Natural Earth" in nk["note"]
    assert "Wikipedia" not in nk["note"] and "supplies the polygon" not in nk["note"]
