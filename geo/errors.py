"""The project's exceptions. Each carries a one-line message fit for a command-line error."""


class GeoError(Exception):
    """Base class of every error geo raises on purpose."""


class InputError(GeoError):
    """An article or input file that cannot be used (empty, binary, too large, unreadable)."""


class DataError(GeoError):
    """Missing or outdated built data (the gazetteer index, the NER model)."""
