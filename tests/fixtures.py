"""Helpers and fixtures shared by the test modules (registered in conftest.py through ``pytest_plugins``): import
them from here, never from another test module.

Markers (``--strict-markers``): ``browser`` drives Debian chromium, ``slow`` starts processes or clusters (CLI
subprocesses, Dask, index builds), ``index`` needs the full gazetteer index that ``make setup`` builds. ``make
test-fast`` runs what has none of them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_11479447b17c9ead.txt"
GEO = [sys.executable, "-m", "geo.cli"]
CHROMIUM = "/usr/bin/chromium"  # Debian's package; never a downloaded browser
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def run(*args: str, stdin: str | None = None, **kwargs) -> subprocess.CompletedProcess[str]:
    """``geo ARGS…`` as a user runs it: a real subprocess of this checkout's CLI (stdout, stderr as text)."""
    return subprocess.run([*GEO, *args], input=stdin, capture_output=True, text=True, timeout=300, **kwargs)


CITIES = ["Munich", "Baku", "Yerevan", "Tbilisi", "Ankara", "Berlin", "Paris", "Madrid", "Rome", "Vienna"]


def corpus(path: Path, n: int, *, bad_lines: bool = False, long: bool = False) -> Path:
    """A JSONL corpus of *n* short articles (ids a000…, titles, dates; a004 with url and source), the seed text
    appended when *long*, two bad lines (not JSON, no text) when *bad_lines*."""
    seed = SEED.read_text(encoding="utf-8")
    lines = []
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        text = f"Talks in {city}.\nOfficials met in {city} on day {i}; later they flew to Baku."
        if long:
            text += "\n" + seed
        record = {
            "id": f"a{i:03d}",
            "text": text,
            "title": f"Day {i} in {city}",
            "date": f"2023-03-{1 + i % 28:02d}",
        }
        if i == 3:
            record["url"] = "javascript:alert(1)"
        if i == 4:
            record["url"] = "https://example.org/a004"
            record["source"] = "Example Wire"
        lines.append(json.dumps(record))
    if bad_lines:
        lines.insert(2, "{not json")
        lines.insert(5, json.dumps({"id": "no-text"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GEO_BATCH = [sys.executable, "-m", "geo.cli", "batch"]  # the command, for tests that start it themselves


def geo_batch(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """`geo batch ARGS` in a subprocess from the checkout."""
    return subprocess.run(
        [*GEO_BATCH, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        **kwargs,
    )


def occurrences(text: str, word: str) -> list[int]:
    """Start offsets of every whole-word occurrence of *word*."""
    return [m.start() for m in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", text)]


class Page:
    """A page that records console errors, page errors, dialogs and every network request (then aborts it)."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def route(r):
            if r.request.url.startswith(("file:", "data:", "about:")):
                r.continue_()
            else:
                self.requests.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("html[data-geo-ready]", timeout=10_000)


# A tiny gazetteer: the real schema and build code, four places. Tests that need *a* gazetteer (overrides,
# settings, the public API) use it instead of the 60 MB index, so they run in `make test-fast`.
TINY_PLACES = [
    # id, name, fcode, country, admin1, lat, lon, population
    (1, "Armenia", "PCLI", "AM", "", 40.25, 45.0, 2_977_000),
    (2, "Yerevan", "PPLC", "AM", "AM.11", 40.18, 44.51, 1_093_000),
    (3, "Goris", "PPLA", "AM", "AM.09", 39.51, 46.34, 20_000),
    (4, "Munich", "PPLA", "DE", "DE.02", 48.14, 11.58, 1_260_000),
]


def build_tiny_gazetteer(path: Path) -> Path:
    """Write a gazetteer index of :data:`TINY_PLACES` at *path* with geo's own index writer."""
    from geo.gazetteer.build import PlaceRow, write_index

    rows = []
    for place_id, name, fcode, country, admin1, lat, lon, population in TINY_PLACES:
        row = PlaceRow(place_id, name, fcode, country, lat, lon, population, admin1, place_id, "test")
        row.add_name(name, 0)
        rows.append(row)
    write_index(path, rows, {"armenian": "AM"}, {"test": len(rows)}, None)
    return path


@pytest.fixture(scope="session")
def tiny_gazetteer_path(tmp_path_factory) -> Path:
    """Path of a session-wide tiny gazetteer index (see :func:`build_tiny_gazetteer`)."""
    return build_tiny_gazetteer(tmp_path_factory.mktemp("tiny") / "gazetteer.sqlite")


# Fixtures that load the full index (and the model): a test using any of them, directly or through another
# fixture, is marked ``index``.
INDEX_FIXTURES = frozenset({"gazetteer", "parser", "seed_doc", "geocoder"})


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if (
            INDEX_FIXTURES & set(getattr(item, "fixturenames", ()))
            and item.get_closest_marker("index") is None
        ):
            item.add_marker(pytest.mark.index)
