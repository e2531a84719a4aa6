"""Shared fixtures: the real gazetteer index, the real spaCy model, the seed article — loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.gazetteer.index import Gazetteer, open_gazetteer
from geo.model import Document
from geo.pipeline import Geoparser
from geo.text import read_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_11479447b17c9ead.txt"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return open_gazetteer()


@pytest.fixture(scope="session")
def parser(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return read_article(SEED).text


@pytest.fixture(scope="session")
def seed_doc(parser: Geoparser, seed_text: str) -> Document:
    return parser.parse(seed_text, doc_id=SEED.stem)


def occurrences(text: str, word: str) -> list[int]:
    """Start offsets of every whole-word occurrence of *word*."""
    import re

    return [m.start() for m in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", text)]
