"""Import-time helpers for a fast cold start (measured with ``python -X importtime -m geo.cli map …``)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any


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


def import_spacy() -> ModuleType:
    """``import spacy`` without its command-line interface: ``spacy/__init__`` imports ``spacy.cli.info`` for
    ``spacy.info()``, and with it the whole CLI (typer, weasel, pydantic models of every command: ≈ 0.2 s, a
    seventh of a cold ``geo map``), which loading and running a pipeline never use. ``spacy.info()`` still works
    (the real one is imported on its first call), and ``spacy.cli`` (or ``import spacy.cli``) imports the real CLI when
    first used.
    When spaCy is imported already, it is returned as it is."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info_module = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info_module.info = info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": cli, "spacy.cli.info": info_module}
    sys.modules.update(stubs)
    try:
        import spacy
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if "__getattr__" not in vars(spacy):

        def __getattr__(name: str) -> Any:  # PEP 562: "spacy.cli" without "import spacy.cli", as before
            if name == "cli":
                return importlib.import_module("spacy.cli")
            raise AttributeError(f"module 'spacy' has no attribute {name!r}")

        spacy.__getattr__ = __getattr__  # type: ignore[method-assign]
    return spacy
