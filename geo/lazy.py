"""Import-time helpers for a fast cold start (measured with ``python -X importtime -m geo.cli map …``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_module(name: str) -> Iterator[None]:
    """Within the block, ``import name`` raises ImportError, unless the module is already imported (then nothing
    changes). For libraries that import an optional heavy dependency we never use through them: folium imports
    pandas (≈ 0.45 s, a quarter of a cold ``geo map``) only to accept DataFrames as locations. The library keeps
    working without the optional part; a later ``import name`` elsewhere works as usual."""
    if name in sys.modules:
        yield
        return
    sys.modules[name] = None  # type: ignore[assignment]  # the import system's "not importable" mark
    try:
        yield
    finally:
        if sys.modules.get(name, 0) is None:
            del sys.modules[name]
