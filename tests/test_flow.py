"""One-way flow (issue 23): one place → record conversion behind every output, a map drawn from the result objects
alone, and the online geocoder as a fallback the resolver consults (never a rewrite of a finished document)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from pathlib import Path

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo import batch, worker
from geo.export import to_csv, to_geojson, to_json, to_jsonl_line
from geo.records import place_record
from geo.render import build_map, map_data, render_html
from tests.fixtures import ROOT

FIELDS = ("geonameid", "name", "country", "admin1", "admin1_code")
ARTICLES = {"seed": None, "huntsville": ROOT / "tests" / "articles" / "huntsville.txt"}


@pytest.fixture(scope="module", params=sorted(ARTICLES))
def document(request, parser, seed_doc):
    path = ARTICLES[request.param]
    if path is None:
        return seed_doc
    return parser.parse(path.read_text(encoding="utf-8"), doc_id=request.param)


@pytest.fixture(scope="module")
def geocoder(gazetteer):
    from geo.geocoder import OfflineGeocoder

    return OfflineGeocoder(gazetteer)


def _value(value):
    """A table cell as the record has it: missing → None, a whole float (CSV, GeoJSON readers) → int."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        import pandas as pd

        if value is pd.NA:
            return None
    except ImportError:  # pragma: no cover — pandas is a dependency
        pass
    return value.item() if hasattr(value, "item") else value


def _batch_tables(document, tmp_path: Path, monkeypatch, parser) -> dict[str, tuple[list[dict], list[dict]]]:
    """The document through the batch worker's rows, written and read back in each format: (mentions, places)."""
    monkeypatch.setattr(
        worker, "_PARSER", parser
    )  # the session's real parser instead of loading a second one
    rows = worker.parse_partition(0, [batch.BatchArticle(document.id, document.text, title=document.title)])
    assert not rows["errors"]
    tables = {}
    for fmt in ("parquet", "csv", "geojson"):
        out = tmp_path / fmt
        batch._write_table(rows["mentions"], out / "mentions" / "part-00000", fmt, point=True)
        batch.write_places(out, fmt)
        mentions = batch.read_table(out, "mentions").to_dict("records")
        places = batch.read_table(out, "places").to_dict("records")
        tables[fmt] = (mentions, places)
    return tables


def test_a_place_carries_the_same_id_name_admin1_and_country_in_every_output(
    document, parser, geocoder, tmp_path, monkeypatch
):
    expected = {place.candidate.id: place_record(place.candidate, FIELDS) for place in document.places()}
    assert expected and any(r["admin1"] for r in expected.values())  # admin-1 names are compared too
    assert all(isinstance(r["geonameid"], int) for r in expected.values() if r["geonameid"] is not None)
    place_of = {(r.mention.start, r.mention.end): r.place.id for r in document.resolutions if r.place}
    seen: dict[str, int] = {}

    def check(output: str, place_id: int, record: dict, fields: tuple[str, ...] = FIELDS) -> None:
        got = {field: _value(record[field]) for field in fields}
        want = {field: expected[place_id][field] for field in fields}
        if output.startswith(("csv", "table csv")):  # CSV cells are text
            got = {k: None if v is None else str(v) for k, v in got.items()}
            want = {k: None if v is None else str(v) for k, v in want.items()}
        assert got == want, f"{output}: place {place_id}"
        seen[output] = seen.get(output, 0) + 1

    by_offsets = {
        "json": json.loads(to_json(document))["mentions"],
        "jsonl": json.loads(to_jsonl_line(document))["mentions"],
        "csv": list(csv.DictReader(io.StringIO(to_csv(document)))),
    }
    for output, records in by_offsets.items():
        for record in records:
            key = (int(record["start"]), int(record["end"]))
            if key in place_of:
                check(output, place_of[key], record)
    for place, feature in zip(document.places(), json.loads(to_geojson(document))["features"], strict=True):
        check("geojson", place.candidate.id, feature["properties"])
    for fmt, (mentions, places) in _batch_tables(document, tmp_path, monkeypatch, parser).items():
        for row in mentions:
            if (row["start"], row["end"]) in place_of:
                assert _value(row["place_id"]) == place_of[row["start"], row["end"]]
                check(f"table {fmt} mentions", place_of[row["start"], row["end"]], row)
        for row in places:
            # The corpus places table has no admin-1 columns: the rest must agree.
            check(f"table {fmt} places", _value(row["place_id"]), row, ("geonameid", "name", "country"))
    for place in document.places():
        c = place.candidate
        found = [loc.raw for loc in geocoder.geocode(c.name, exactly_one=False, limit=100) or []]
        raw = next((r for r in found if r["id"] == c.id), None)
        if raw is not None:
            check("geocoder", c.id, raw)
    cards = map_data(document)["places"]
    for place, card in zip(document.places(), cards, strict=True):
        check("map", place.candidate.id, {**card, "admin1_code": card["admin1Code"]})
    # Every output saw every place (the geocoder: those its bare name finds; the places table: by name only).
    n = len(expected)
    assert seen["json"] >= n and seen["jsonl"] >= n and seen["csv"] >= n and seen["geojson"] == n
    assert seen["map"] == n and seen["geocoder"] >= n // 2
    assert all(seen[f"table {fmt} mentions"] >= n for fmt in ("parquet", "csv", "geojson"))


def test_the_map_is_drawn_from_the_result_objects_alone(document, tmp_path):
    from geo import settings
    from geo.errors import DataNotFoundError
    from geo.gazetteer.index import open_gazetteer

    page = render_html(build_map(document))
    previous = settings._current
    settings.configure(settings.current().replace(gazetteer=tmp_path / "missing.sqlite"))
    try:
        with pytest.raises(DataNotFoundError):
            open_gazetteer()  # no index to be had: rendering must not need one
        assert render_html(build_map(document)) == page
    finally:
        settings.configure(previous)


class TableGeocoder(Geocoder):
    """A geopy geocoder answering from a table, as a network service (Nominatim) would: the stand-in for the
    internet, which tests do not have. It records every query."""

    def __init__(self, known: dict[str, tuple[float, float, str]]) -> None:
        super().__init__(user_agent="geo-tests")
        self.known = known
        self.asked: list[str] = []

    def geocode(self, query, *, exactly_one=True, timeout=None):
        self.asked.append(query)
        if query not in self.known:
            return None
        lat, lon, country = self.known[query]
        raw = {"lat": str(lat), "lon": str(lon), "address": {"country_code": country}}
        return Location(f"{query}, Testland", (lat, lon, 0.0), raw)


FALLBACK_TEXT = (
    "Floods hit Xyzzyville on Monday. Xyzzyville crews worked all night, and Xyzzyville schools closed. "
    "A team from Munich helped. Nothing reached Zzzqqq."
)


def _fallback_parser(gazetteer, tmp_path: Path, mode: str = "missing"):
    from geo.online import OnlineGeocoder, OnlineSettings
    from geo.pipeline import Geoparser

    stub = TableGeocoder({"Xyzzyville": (-41.3, 174.8, "nz"), "Munich": (48.1, 11.6, "de")})
    online = OnlineGeocoder(
        OnlineSettings("testland", mode=mode, cache=tmp_path / f"{mode}.sqlite", delay=0), service=stub
    )
    return Geoparser(gazetteer, fallback=online), stub


def _article(text: str):
    from geo.pipeline import Article

    names = ("Xyzzyville", "Munich", "Zzzqqq")
    spans = [(i, i + len(n)) for n in names for i in range(len(text)) if text.startswith(n, i)]
    return Article("fallback", text, spans=sorted(spans))


def test_the_resolver_asks_its_fallback_geocoder_for_names_the_index_cannot_place(
    parser, gazetteer, tmp_path
):
    offline = next(parser.parse_many([_article(FALLBACK_TEXT)]))
    offline_json = to_json(offline)
    fallback_parser, stub = _fallback_parser(gazetteer, tmp_path)
    doc = next(fallback_parser.parse_many([_article(FALLBACK_TEXT)]))
    by_text = {r.mention.text: r for r in doc.resolutions}
    assert stub.asked == ["Xyzzyville", "Zzzqqq"]  # asked once per name (cached), never about Munich
    found = by_text["Xyzzyville"]
    assert found.via == "geocoder" and not found.approximate and found.place is not None
    assert (found.place.lat, found.place.lon, found.place.country) == (-41.3, 174.8, "NZ")
    assert found.place.country_name == "New Zealand"  # described by the gazetteer at resolve time
    assert found.place.source == "online testland"
    assert by_text["Munich"].via == "name" and by_text["Zzzqqq"].via == "nearby"
    # Resolved before the document was finished: the focus counts it, and every output says how it was found.
    assert "NZ" in [c.code for c in doc.focus.countries]
    mentions = json.loads(to_json(doc))["mentions"]
    assert [m["via"] for m in mentions if m["text"] == "Xyzzyville"] == ["geocoder"] * 3
    card = next(p for p in map_data(doc)["places"] if p["name"] == "Xyzzyville")
    assert card["countryName"] == "New Zealand" and len(card["mentions"]) == 3 and card["nearby"] == []
    # The offline document, finished before, is untouched.
    assert to_json(offline) == offline_json
    assert all(r.via != "geocoder" for r in offline.resolutions)


def test_in_mode_all_the_fallback_answers_every_name_and_the_offline_reading_runs_up(gazetteer, tmp_path):
    fallback_parser, stub = _fallback_parser(gazetteer, tmp_path, mode="all")
    doc = next(fallback_parser.parse_many([_article(FALLBACK_TEXT)]))
    munich = next(r for r in doc.resolutions if r.mention.text == "Munich")
    assert "Munich" in stub.asked and munich.via == "geocoder"
    assert [c.geonameid for c, _score in munich.alternatives] == [2867714]  # the index's Munich


def _set_fields(obj, found: set[str]) -> None:
    """Add the names of *obj*'s dataclass fields that differ from their defaults (a required field always counts)."""
    for field in dataclasses.fields(obj):
        if field.default is not dataclasses.MISSING:
            default = field.default
        elif field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        else:
            found.add(field.name)
            continue
        if getattr(obj, field.name) != default:
            found.add(field.name)


def test_the_pipeline_writes_every_field_of_the_result_objects(parser, tmp_path):
    from geo.model import Candidate, Document, Mention, Resolution

    cp1252 = tmp_path / "talks.txt"  # a stray Windows-1252 quote: a reading warning (Document.warnings)
    cp1252.write_bytes(b"Talks in Munich ended \x93well\x94, officials in Goris, Armenia said.")
    files = [ROOT / "seeds" / "000_11479447b17c9ead.txt", ARTICLES["huntsville"], cp1252]
    files += [ROOT / "tests" / "pages" / name for name in ("national_weather.html", "wire_conflict.html")]
    documents = [parser.parse_file(path) for path in files]
    written: dict[type, set[str]] = {kind: set() for kind in (Document, Mention, Resolution, Candidate)}
    for document in documents:
        _set_fields(document, written[Document])
        for resolution in document.resolutions:
            _set_fields(resolution, written[Resolution])
            _set_fields(resolution.mention, written[Mention])
            if resolution.place is not None:
                _set_fields(resolution.place, written[Candidate])
    for kind, names in written.items():
        assert {f.name for f in dataclasses.fields(kind)} - names == set(), kind.__name__
    assert any("talks.txt" in w for w in documents[2].warnings)
