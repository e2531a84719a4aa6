"""geo: news articles to offline maps.

The public API, imported lazily so that ``import geo`` stays cheap (the CLI's cold start)::

    from geo import Geoparser, save_map
    doc = Geoparser().parse_file("article.txt")   # a Document: resolutions, places(), meta, warnings
    save_map(doc, "article.html")

``Geoparser`` (geo.pipeline), ``Document`` (geo.model), ``read_article`` (geo.text: an article file or bytes read as
the CLI does), ``build_map`` / ``save_map`` (geo.render), ``OfflineGeocoder`` (geo.geocoder: a geopy geocoder over
the offline gazetteer), ``Settings`` (geo.settings: model, data directory, gazetteer, overrides). Errors are in
:mod:`geo.errors`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module that defines it
_EXPORTS = {
    "Geoparser": "geo.pipeline",
    "Document": "geo.model",
    "read_article": "geo.text",
    "build_map": "geo.render",
    "save_map": "geo.render",
    "OfflineGeocoder": "geo.geocoder",
    "Settings": "geo.settings",
}

__all__ = [
    "Document",
    "Geoparser",
    "OfflineGeocoder",
    "Settings",
    "__version__",
    "build_map",
    "read_article",
    "save_map",
]

if TYPE_CHECKING:
    from geo.geocoder import OfflineGeocoder
    from geo.model import Document
    from geo.pipeline import Geoparser
    from geo.render import build_map, save_map
    from geo.settings import Settings
    from geo.text import read_article


def __getattr__(name: str) -> Any:  # lazy: `import geo` stays cheap for the CLI
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # once imported, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
