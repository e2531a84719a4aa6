"""geo: news articles to offline maps. ``from geo import OfflineGeocoder`` for the geopy geocoder,
``from geo import read_article`` to read an article file or bytes as the CLI does (text, metadata, warnings)."""

from __future__ import annotations

from typing import Any

__all__ = ["OfflineGeocoder", "read_article"]


def __getattr__(name: str) -> Any:  # lazy: `import geo` stays cheap for the CLI
    if name == "OfflineGeocoder":
        from geo.geocoder import OfflineGeocoder

        return OfflineGeocoder
    if name == "read_article":
        from geo.text import read_article

        return read_article
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
