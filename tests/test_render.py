"""Build-time rendering: hostile text stays data, output is self-contained and byte-identical."""

import json
import re

import pytest

from geo.render import build_map, json_for_script, render_html
from tests.common import PAYLOADS, hostile_article


@pytest.fixture(scope="module")
def hostile_html(parser):
    doc = parser.parse(hostile_article(), doc_id="hostile")
    return doc, render_html(build_map(doc))


def embedded_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="geo-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_payloads_are_not_evaluated_at_build_time(hostile_html):
    import os

    doc, html = hostile_html
    text = embedded_data(html)["text"]
    assert text == doc.text  # every payload survives literally, as data
    for payload in PAYLOADS:
        assert payload.replace("\x00", "\x00") in text
    assert os.getcwd() not in html  # {{ cycler...os.getcwd() }} did not run
    assert "looploop" not in html  # {% for %} did not run


def test_payloads_never_appear_raw_in_markup(hostile_html):
    _, html = hostile_html
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in html, payload
    assert html.count("</script>") == html.count("<script")


def test_places_next_to_payloads_are_still_found(hostile_html):
    doc, _ = hostile_html
    assert {"Paris", "Munich", "Baku", "Armenia"} <= {r.mention.text for r in doc.resolutions}


def test_json_for_script_cannot_close_the_script():
    out = json_for_script({"t": "</script><!-- & \u2028"})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out)["t"] == "</script><!-- & \u2028"


def test_no_network_assets_and_no_python_bytes_repr(seed_doc):
    html = render_html(build_map(seed_doc))
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)=["\']?https?:', html)
    assert "<script>b'" not in html and "cdn.jsdelivr" not in html and "code.jquery" not in html
    assert "L.map(" in html  # Leaflet itself is inlined


def test_rebuilds_are_byte_identical(seed_doc):
    assert render_html(build_map(seed_doc)) == render_html(build_map(seed_doc))


def test_map_data_ties_places_to_mentions(seed_doc):
    data = embedded_data(render_html(build_map(seed_doc)))
    names = {p["name"] for p in data["places"]}
    assert {
        "Washington",
        "Munich",
        "Baku",
        "Nagorno-Karabakh",
        "Lachin Corridor",
        "Armenia",
        "Azerbaijan",
        "Russia",
        "United States",
    } <= names
    for i, place in enumerate(data["places"]):
        assert place["mentions"], place["name"]
        assert all(data["mentions"][m]["place"] == i for m in place["mentions"])
    corridor = next(p for p in data["places"] if p["name"] == "Lachin Corridor")
    assert corridor["geometry"]["type"] == "LineString"
    armenia = next(p for p in data["places"] if p["name"] == "Armenia")
    assert armenia["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_tiles_are_opt_in(seed_doc):
    html = render_html(build_map(seed_doc, tiles="osm"))
    assert "tile.openstreetmap.org" in html
