"""The project's exceptions. Each carries a one-line message fit for a command-line error.

Each also inherits the built-in exception a caller would catch without knowing geo (as geopy's ``exc.py`` does):
``except ValueError`` still catches a bad article, ``except FileNotFoundError`` a missing index.
"""


class GeoError(Exception):
    """Base class of every error geo raises on purpose."""


class InputError(GeoError, ValueError):
    """An article or input file that cannot be used (empty, binary, too large, unreadable), or a bad option value."""


class DataError(GeoError, RuntimeError):
    """Missing or outdated built data or configuration (the gazetteer index, the NER model, an overrides file,
    chromium)."""


class DataNotFoundError(DataError, FileNotFoundError):
    """Data that should exist does not: a gazetteer index or overrides file given by path, a model not installed."""
