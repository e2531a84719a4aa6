"""geo: news articles to offline maps. ``from geo import OfflineGeocoder`` for the geopy geocoder."""

from __future__ import annotations

from typing import Any

__all__ = ["OfflineGeocoder"]


def __getattr__(name: str) -> Any:  # lazy: `import geo` stays cheap for the CLI
    if name == "OfflineGeocoder":
        from geo.geocoder import OfflineGeocoder

        return OfflineGeocoder
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
