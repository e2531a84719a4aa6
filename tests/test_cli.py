"""The command line, run as a user runs it: a real subprocess of the installed `geo` entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixtures import SEED, run

pytestmark = [pytest.mark.slow, pytest.mark.index]  # `geo` subprocesses on the real index


@pytest.fixture(scope="module")
def seed_jsonl() -> list[dict]:
    line = json.dumps({"id": "seed", "text": SEED.read_text(encoding="utf-8")})
    bad = "{not json"
    spans = json.dumps({"id": "gold", "text": "Talks in Munich and Baku.", "spans": [[9, 15]]})
    done = run("parse", "--jsonl", "-", stdin="\n".join([line, bad, spans]) + "\n")
    assert done.returncode == 1  # one bad line: reported, the rest processed
    assert "-:2:" in done.stderr
    return [json.loads(x) for x in done.stdout.splitlines()]


def test_jsonl_contract(seed_jsonl):
    seed, gold = seed_jsonl
    text = SEED.read_text(encoding="utf-8")
    assert seed["id"] == "seed"
    for m in seed["mentions"]:
        assert {
            "start",
            "end",
            "text",
            "lat",
            "lon",
            "name",
            "geonameid",
            "feature",
            "country",
            "score",
        } <= m.keys()
        assert text[m["start"] : m["end"]] == m["text"]
    by_text = {m["text"]: m for m in seed["mentions"]}
    assert by_text["Armenia"]["country"] == "AM" and by_text["Armenia"]["geonameid"] == 174982
    assert by_text["Munich"]["geonameid"] == 2867714


def test_jsonl_gold_span_mode_resolves_only_the_spans(seed_jsonl):
    gold = seed_jsonl[1]
    assert [(m["text"], m["name"]) for m in gold["mentions"]] == [("Munich", "Munich")]


@pytest.mark.parametrize("fmt", ["json", "geojson", "csv"])
def test_parse_formats(fmt):
    done = run("parse", str(SEED), "--format", fmt)
    assert done.returncode == 0, done.stderr
    if fmt == "geojson":
        names = {f["properties"]["name"] for f in json.loads(done.stdout)["features"]}
        assert {"Munich", "Baku", "Nagorno-Karabakh", "Lachin Corridor"} <= names
    elif fmt == "csv":
        assert done.stdout.splitlines()[0].startswith("id,start,end,text,lat,lon")
    else:
        assert json.loads(done.stdout)["title"].startswith("Blinken")


def test_map_of_a_folder_processes_good_files_and_names_bad_ones(tmp_path: Path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text("Leaders met in Munich and Baku.\n", encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 500)
    (articles / "latin1.txt").write_bytes("Caf\xe9 owners in Baku protested.\n".encode("latin-1"))
    out = tmp_path / "maps"
    done = run("map", str(articles), "--out-dir", str(out))
    assert done.returncode == 1
    assert "empty.txt: empty article" in done.stderr
    assert "binary.txt: looks binary" in done.stderr
    assert "latin1.txt: invalid UTF-8" in done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good.html", "latin1.html"]


def test_missing_file_is_a_clear_error(tmp_path: Path):
    done = run("map", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.html"))
    assert done.returncode == 1
    assert "nope.txt" in done.stderr and "Traceback" not in done.stderr


def test_gazetteer_info():
    done = run("gazetteer", "info")
    assert done.returncode == 0
    assert "cities500" in done.stdout and "GeoNames" in done.stdout


def test_lone_surrogates_in_jsonl_become_replacement_characters():
    line = '{"id": "s", "text": "Talks in Munich \\ud800 and Baku \\udfff ended."}'
    done = run("parse", "--jsonl", "-", stdin=line + "\n")
    assert done.returncode == 0, done.stderr
    (record,) = [json.loads(x) for x in done.stdout.splitlines()]
    text = "Talks in Munich \ufffd and Baku \ufffd ended."
    assert "Munich" in {m["text"] for m in record["mentions"]}
    assert all(text[m["start"] : m["end"]] == m["text"] for m in record["mentions"])


def test_a_10mb_article_is_refused_with_the_limit_named_and_the_others_processed(tmp_path: Path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text("Leaders met in Munich.\n", encoding="utf-8")
    sentence = "Officials in Munich and Baku met again today. "
    (articles / "huge.txt").write_text(sentence * (10_000_000 // len(sentence) + 1), encoding="utf-8")
    out = tmp_path / "maps"
    done = run("map", str(articles), "--out-dir", str(out))
    assert done.returncode == 1
    assert "huge.txt: 10,000," in done.stderr and "-byte article limit" in done.stderr
    assert "Traceback" not in done.stderr
    assert [p.name for p in out.iterdir()] == ["good.html"]


def test_an_oversized_jsonl_record_is_reported_and_the_rest_parsed(tmp_path: Path):
    corpus = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "big", "text": "Munich. " * 700_000}),
        json.dumps({"id": "ok", "text": "Talks were held in Baku."}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run("parse", "--jsonl", str(corpus))
    assert done.returncode == 1
    assert "in.jsonl:1:" in done.stderr and "article limit" in done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["ok"]


def test_png_is_a_picture_at_device_scale_2(tmp_path: Path):
    import struct

    png = tmp_path / "seed.png"
    done = run("map", str(SEED), "--png", str(png), "--size", "800x500", "--out-dir", str(tmp_path / "m"))
    assert done.returncode == 0, done.stderr
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1600, 1000)
    assert not (tmp_path / "m").exists()  # --png alone writes only the picture
    assert not list(tmp_path.glob(".*.tmp"))


def test_bad_size_is_a_usage_error(tmp_path: Path):
    done = run("map", str(SEED), "--png", str(tmp_path / "x.png"), "--size", "big")
    assert done.returncode == 2 and "WIDTHxHEIGHT" in done.stderr


def test_overrides_option_reaches_the_parser(tmp_path: Path):
    overrides = tmp_path / "o.csv"
    overrides.write_text(
        "action,name,place_id,lat,lon,fcode,country,note\ndrop,Munich,,,,,,\n", encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_text("Leaders met in Munich and Baku.\n", encoding="utf-8")
    done = run("parse", str(article), "--format", "csv", "--overrides", str(overrides))
    assert done.returncode == 0, done.stderr
    assert "Baku" in done.stdout and "Munich" not in done.stdout
