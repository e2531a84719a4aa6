"""Shared fixtures: the real gazetteer index, the real spaCy model, the seed article — loaded once per session.
Helpers and the tiny gazetteer are in tests/fixtures.py (a plugin, below); geo's heavy modules are imported only
by the fixtures that need them, so `make test-fast` does not pay for spaCy."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

pytest.register_assert_rewrite("tests.fixtures")

from tests.fixtures import ROOT, SEED, occurrences  # noqa: E402, F401 — shared helpers: tests/fixtures.py

if TYPE_CHECKING:
    from geo.gazetteer.index import Gazetteer
    from geo.model import Document
    from geo.pipeline import Geoparser

pytest_plugins = ["tests.fixtures"]


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    from geo.gazetteer.index import open_gazetteer

    return open_gazetteer()


@pytest.fixture(scope="session")
def parser(gazetteer: Gazetteer) -> Geoparser:
    from geo.pipeline import Geoparser

    return Geoparser(gazetteer)


@pytest.fixture(scope="session")
def seed_text() -> str:
    from geo.text import read_article

    return read_article(SEED).text


@pytest.fixture(scope="session")
def seed_doc(parser: Geoparser, seed_text: str) -> Document:
    return parser.parse(seed_text, doc_id=SEED.stem)
