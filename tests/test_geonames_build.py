"""`geo gazetteer build --geonames …` on small files written here in GeoNames' own column formats."""

from __future__ import annotations

import itertools
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from geo.gazetteer.geonames import _places
from geo.gazetteer.index import Gazetteer
from tests.fixtures import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.index]  # gazetteer builds from the registry packages


def row(gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc, admin1="", population=0):
    fields = [
        str(gid),
        name,
        ascii_name,
        alternates,
        str(lat),
        str(lon),
        fclass,
        fcode,
        cc,
        "",
        admin1,
        "",
        "",
        "",
        str(population),
        "",
        "0",
        "Europe/Test",
        "2024-01-01",
    ]
    assert len(fields) == 19
    return "\t".join(fields)


ROWS = [
    row(
        9_000_001,
        "Sea of Testonia",
        "Sea of Testonia",
        "Testonian Sea,Mare Testonium",
        43.0,
        34.0,
        "H",
        "SEA",
        "",
    ),
    row(9_000_002, "Mount Testmore", "Mount Testmore", "", 42.1, 44.2, "T", "MT", "GE", "65"),
    row(9_000_003, "Testland Plain", "Testland Plain", "", 41.0, 45.0, "L", "RGN", "AZ"),
    row(9_000_004, "Testville Hall", "Testville Hall", "", 40.1, 44.5, "S", "BLDG", "AM", "11"),
    row(9_000_005, "Testville", "Testville", "Testvill", 40.2, 44.6, "P", "PPLA2", "AM", "11", 5000),
    row(9_000_006, "Old Test Road", "Old Test Road", "", 40.2, 44.7, "R", "RD", "AM"),
    row(
        2_867_714,
        "Munich",
        "Munich",
        "Muenchen,München",
        48.13743,
        11.57549,
        "P",
        "PPLA",
        "DE",
        "02",
        1260391,
    ),
]


@pytest.fixture(scope="module")
def dump_index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("geonames")
    dump = folder / "allCountries.zip"
    with zipfile.ZipFile(dump, "w") as archive:
        archive.writestr("allCountries.txt", "\n".join(ROWS) + "\n")
    alternate = folder / "alternateNamesV2.txt"
    alternate.write_text(
        "1\t9000001\ten\tTestonia Sea\t1\t\t\t\t\t\n"
        "2\t9000001\tde\tTestonisches Meer\t\t\t\t\t\t\n"
        "3\t9000005\tlink\thttps://en.wikipedia.org/wiki/Testville\t\t\t\t\t\t\n"
        "4\t9999999\ten\tNowhere Town\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    admin1 = folder / "admin1CodesASCII.txt"
    admin1.write_text("AM.11\tTestprovince\tTestprovince\t9000007\n", encoding="utf-8")
    index = folder / "gazetteer.sqlite"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "geo.cli",
            "gazetteer",
            "build",
            "--path",
            str(index),
            "--geonames",
            str(dump),
            "--alternate-names",
            str(alternate),
            "--admin-codes",
            str(admin1),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "geonames: 6 places" in done.stderr  # R (roads) are not kept
    return index


def test_t_h_l_s_features_are_resolvable_from_the_dump(dump_index):
    gaz = Gazetteer(dump_index)
    sea = gaz.candidates("Sea of Testonia")[0]
    assert (sea.fcode, sea.geonameid, sea.source) == ("SEA", 9_000_001, "geonames dump")
    assert gaz.candidates("Testonian Sea")[0].id == 9_000_001  # from the row's alternate names
    assert gaz.candidates("Testonia Sea")[0].id == 9_000_001  # from alternateNamesV2 (English, preferred)
    assert not gaz.candidates("Testonisches Meer")  # German names are not kept
    assert gaz.candidates("Mount Testmore")[0].fcode == "MT"
    assert gaz.candidates("Testland Plain")[0].fcode == "RGN"
    assert gaz.candidates("Testville Hall")[0].fcode == "BLDG"
    assert not gaz.candidates("Old Test Road")
    assert not gaz.candidates("Nowhere Town")  # alternate names of places not in the index are dropped


def test_dump_rows_replace_package_rows_and_resolve_in_text(dump_index):
    from geo.pipeline import Article, Geoparser

    gaz = Gazetteer(dump_index)
    assert gaz.candidates("München")[0].source == "geonames dump"
    # Physical features from a dump resolve where NER finds them but are never claimed from plain text alone.
    assert "sea of testonia" not in gaz.strong_keys and "testville hall" not in gaz.strong_keys
    text = "Ships crossed the Sea of Testonia to reach Munich."
    start = text.index("Sea of Testonia")
    doc = next(Geoparser(gaz).parse_many([Article("t", text, spans=[(start, start + 15)])]))
    assert doc.resolutions[0].place.id == 9_000_001


def test_rows_are_streamed_not_loaded():
    """The reader is lazy: an endless dump yields its first rows at once (bounded memory at 12M rows)."""
    endless = (
        row(i, f"Town {i}", f"Town {i}", "", 1.0, 1.0, "P", "PPL", "AM") + "\n" for i in itertools.count(1)
    )
    first = list(itertools.islice(_places(endless, Path("endless.txt"), {"geonames": 0}), 3))
    assert [r[0][0] for r in first] == [1, 2, 3]


def test_a_malformed_dump_line_is_named(tmp_path):
    bad = tmp_path / "cities.txt"
    bad.write_text(ROWS[0] + "\nnot\ta\tgeonames\trow\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"cities.txt:2: 4 columns"):
        list(_places(iter(bad.read_text().splitlines(keepends=True)), bad, {"geonames": 0}))
