"""The optional Natural Earth data pack: disputed and breakaway areas, seas, physical regions, mountains, capes,
rivers and admin-1 label points, folded into the gazetteer and the map.

``geo data install naturalearth [--from DIR_OR_URL]`` copies (or downloads) the layers into ``packs/naturalearth``
beside the gazetteer index (``data/`` by default, git-ignored) and rebuilds the index with them. Without the pack
everything works from the default data; with it, Nagorno-Karabakh is its polygon with Natural Earth's status note,
"Black Sea" is the sea's polygon, and admin-1 regions sit on Natural Earth's label points.

A source folder may hold each layer as GeoJSON (``<layer>.json`` / ``.geojson``) or as Natural Earth's own
shapefile zip (``<layer>.zip``); a URL is read as Natural Earth's download tree (``.../10m/cultural/<layer>.zip``).
"""

from __future__ import annotations

import re
import shutil
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import InputError
from geo.normalize import normalize_name

DEFAULT_URL = "https://naciscdn.org/naturalearth"
PACK = "naturalearth"

# layer -> (Natural Earth theme, what it gives us)
LAYERS: dict[str, str] = {
    "ne_10m_admin_0_disputed_areas": "cultural",
    "ne_10m_admin_1_label_points": "cultural",
    "ne_10m_geography_marine_polys": "physical",
    "ne_10m_geography_regions_polys": "physical",
    "ne_10m_geography_regions_points": "physical",
    "ne_10m_geography_regions_elevation_points": "physical",
    "ne_10m_rivers_lake_centerlines": "physical",
}
_SUFFIXES = (".json", ".geojson", ".zip", ".shp")

# Natural Earth feature classes -> GeoNames feature codes.
_MARINE = {
    "ocean": "OCN",
    "sea": "SEA",
    "gulf": "GULF",
    "bay": "BAY",
    "strait": "STRT",
    "sound": "SD",
    "channel": "CHN",
    "lagoon": "LGN",
    "fjord": "FJD",
    "inlet": "INLT",
    "reef": "RF",
    "river": "STM",
    "generic": "SEA",
}
_REGIONS = {
    "island": "ISL",
    "island group": "ISLS",
    "range/mtn": "MTS",
    "plateau": "PLAT",
    "desert": "DSRT",
    "pen/cape": "PEN",
    "peninsula": "PEN",
    "coast": "CST",
    "plain": "PLN",
    "delta": "DLTA",
    "basin": "BSN",
    "valley": "VAL",
    "lowland": "LWL",
    "tundra": "TUND",
    "isthmus": "ISTH",
    "wetlands": "WTLD",
    "gorge": "GRGE",
    "foothills": "HLLS",
    "lake": "LK",
    "depression": "DPR",
    "geoarea": "RGN",
    "cape": "CAPE",
    "mountain": "MT",
    "pass": "PASS",
    "waterfall": "FLLS",
    "spot elevation": "MT",
    "pole": "RGN",
}
_SKIP_CLASSES = {"continent", "dragons-be-here"}  # continents come from GeoNames; the rest is a joke
# Natural Earth's abbreviations, spelled out for matching ("W. Sahara", "Kuril Is.", "CAUCASUS MTS.").
_EXPANSIONS = [
    (r"\bIs\.", "Islands"),
    (r"\bI\.", "Island"),
    (r"\bMts\.", "Mountains"),
    (r"\bMt\.", "Mount"),
    (r"\bW\.", "Western"),
    (r"\bN\.", "Northern"),
    (r"\bS\.", "South"),
    (r"\bE\.", "East"),
    (r"\bBr\.", "British"),
    (r"\bTer\.", "Territory"),
]

ID_BASE = (
    -2_000_000
)  # pack rows: ID_BASE - 100_000 * layer number - feature number (stable for the same files)


@dataclass
class PackPlace:
    """One place from the pack, before it becomes a gazetteer row."""

    id: int
    name: str
    names: list[str]
    fcode: str
    country: str
    lat: float
    lon: float
    geometry: str  # WKT, simplified
    note: str
    layer: str


def pack_dir(index_path: Path) -> Path:
    """The folder of the Natural Earth data pack next to the gazetteer index at *index_path*
    (``packs/naturalearth``); not checked for existence."""
    return index_path.parent / "packs" / PACK


# ---------------------------------------------------------------- installing


def install(source: str, index_path: Path, progress: Callable[[str], None] = print) -> list[Path]:
    """Copy (folder) or download (URL) the pack's layers next to the index. Returns the installed files."""
    target = pack_dir(index_path)
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    installed: list[Path] = []
    for layer, theme in LAYERS.items():
        if re.match(r"https?://", source):
            url = f"{source.rstrip('/')}/10m/{theme}/{layer}.zip"
            progress(f"  downloading {url}")
            path = staging / f"{layer}.zip"
            with urllib.request.urlopen(url, timeout=120) as response, path.open("wb") as out:  # noqa: S310
                shutil.copyfileobj(response, out)
        else:
            found = _layer_file(Path(source), layer)
            if found is None:
                progress(f"  {layer}: not in {source}, skipped")
                continue
            path = staging / found.name
            shutil.copyfile(found, path)
            if found.suffix == ".shp":  # a shapefile's siblings travel with it
                for sibling in found.parent.glob(f"{layer}.*"):
                    shutil.copyfile(sibling, staging / sibling.name)
        installed.append(target / path.name)
    if not installed:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(f"{source}: none of the Natural Earth layers ({', '.join(LAYERS)}) found")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return installed


def _layer_file(folder: Path, layer: str) -> Path | None:
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder or an http(s) URL")
    for suffix in _SUFFIXES:
        if (folder / f"{layer}{suffix}").exists():
            return folder / f"{layer}{suffix}"
    return None


def installed_layers(index_path: Path) -> dict[str, Path]:
    """The Natural Earth layers of ``LAYERS`` installed for the index at *index_path*: layer name → its file
    in the pack folder; ``{}`` when the pack is not installed."""
    folder = pack_dir(index_path)
    if not folder.is_dir():
        return {}
    return {layer: path for layer in LAYERS if (path := _layer_file(folder, layer)) is not None}


# ---------------------------------------------------------------- reading


def _read(path: Path) -> Any:
    import pyogrio

    return pyogrio.read_dataframe(path, encoding="utf-8" if path.suffix != ".zip" else None)


def _clean_name(name: Any) -> str:
    if not isinstance(name, str):
        return ""
    name = re.sub(r"\s+", " ", name).strip()
    return name.title() if name.isupper() else name


def _all_names(*values: Any) -> list[str]:
    names: list[str] = []
    for value in values:
        for part in re.split(r"\s*[|;/]\s*", _clean_name(value)):
            if not part:
                continue
            names.append(part)
            expanded = part
            for pattern, full in _EXPANSIONS:
                expanded = re.sub(pattern, full, expanded)
            if expanded != part:
                names.append(expanded)
    return list(dict.fromkeys(names))


def _wkt(geometry: Any, tolerance: float) -> str:
    import shapely

    simplified = shapely.simplify(geometry, tolerance, preserve_topology=True)
    return str(shapely.to_wkt(simplified, rounding_precision=4, trim=True))


def _label_point(geometry: Any) -> tuple[float, float]:
    """A point inside the area (the largest part's pole of inaccessibility) or halfway along a line."""
    import shapely
    from shapely.ops import polylabel

    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        part = max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.area)
        point = polylabel(part, tolerance=0.05)
    elif geometry.geom_type in ("LineString", "MultiLineString"):
        line = max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.length)
        point = line.interpolate(0.5, normalized=True)
    else:
        point = shapely.centroid(geometry)
    return round(point.y, 5), round(point.x, 5)


def pack_places(index_path: Path, iso3_to_iso2: dict[str, str]) -> Iterator[PackPlace]:
    """Every place of the installed pack layers (none if the pack is not installed)."""
    layers = installed_layers(index_path)
    for number, (layer, path) in enumerate(sorted(layers.items()), start=1):
        if layer == "ne_10m_admin_1_label_points":
            continue  # not places of their own: see admin1_label_points
        frame = _read(path)
        base = ID_BASE - 100_000 * number
        reader = _READERS[layer]
        yield from reader(frame, base, layer, iso3_to_iso2)


def _disputed(frame: Any, base: int, layer: str, iso3_to_iso2: dict[str, str]) -> Iterator[PackPlace]:
    for i, row in enumerate(frame.itertuples(index=False)):
        names = _all_names(row.BRK_NAME, getattr(row, "NAME_ALT", None))
        if not names or row.geometry is None:
            continue
        status = " ".join(str(v) for v in (row.TYPE, "—", row.NOTE_BRK) if isinstance(v, str) and v)
        lat, lon = _label_point(row.geometry)
        yield PackPlace(
            id=base - i,
            name=names[0],
            names=names,
            fcode="DISP",
            country=iso3_to_iso2.get(str(row.SOV_A3), ""),
            lat=lat,
            lon=lon,
            geometry=_wkt(row.geometry, 0.005),
            note=f"{status.strip(' —')} (Natural Earth {row.featurecla})",
            layer=layer,
        )


def _features(classes: dict[str, str], alt_column: str) -> Callable[..., Iterator[PackPlace]]:
    """Areas (seas, ranges, deserts…) keep their simplified shape; points (capes, peaks) are just points."""

    def read(frame: Any, base: int, layer: str, _iso: dict[str, str]) -> Iterator[PackPlace]:
        for i, row in enumerate(frame.itertuples(index=False)):
            fcode = classes.get(str(row.featurecla).lower())
            names = _all_names(row.name, getattr(row, alt_column, None))
            if fcode is None or not names or row.geometry is None:
                continue
            is_point = row.geometry.geom_type == "Point"
            lat, lon = (
                (round(row.geometry.y, 5), round(row.geometry.x, 5))
                if is_point
                else _label_point(row.geometry)
            )
            yield PackPlace(
                id=base - i,
                name=names[0],
                names=names,
                fcode=fcode,
                country="",
                lat=lat,
                lon=lon,
                geometry="" if is_point else _wkt(row.geometry, 0.02),
                note=f"Natural Earth {row.featurecla}",
                layer=layer,
            )

    return read


def _rivers(frame: Any, base: int, layer: str, _iso: dict[str, str]) -> Iterator[PackPlace]:
    """Rivers come in many pieces per name: one place per name, its pieces joined."""
    import shapely

    pieces: dict[str, list[Any]] = defaultdict(list)
    first: dict[str, tuple[int, Any]] = {}
    for i, row in enumerate(frame.itertuples(index=False)):
        name = _clean_name(row.name)
        if not name or row.geometry is None or str(row.featurecla) != "River":
            continue
        pieces[name].append(row.geometry)
        first.setdefault(name, (i, row))
    for name, geometries in pieces.items():
        i, row = first[name]
        geometry = shapely.line_merge(shapely.union_all(geometries))
        lat, lon = _label_point(geometry)
        names = _all_names(name, getattr(row, "name_alt", None), getattr(row, "name_en", None))
        names += [f"{n} River" for n in names if "river" not in n.lower()]
        yield PackPlace(
            id=base - i,
            name=f"{name} River" if "river" not in name.lower() else name,
            names=names,
            fcode="STM",
            country="",
            lat=lat,
            lon=lon,
            geometry=_wkt(geometry, 0.02),
            note="Natural Earth river",
            layer=layer,
        )


_READERS: dict[str, Callable[..., Iterator[PackPlace]]] = {
    "ne_10m_admin_0_disputed_areas": _disputed,
    "ne_10m_geography_marine_polys": _features(_MARINE, "namealt"),
    "ne_10m_geography_regions_polys": _features(_REGIONS, "namealt"),
    "ne_10m_geography_regions_points": _features(_REGIONS, "name_alt"),
    "ne_10m_geography_regions_elevation_points": _features(_REGIONS, "name_alt"),
    "ne_10m_rivers_lake_centerlines": _rivers,
}


def admin1_label_points(index_path: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO alpha-2, normalised admin-1 name) -> Natural Earth's label point, when the pack is installed."""
    path = installed_layers(index_path).get("ne_10m_admin_1_label_points")
    if path is None:
        return {}
    frame = _read(path)
    # A unit has a label point per part (islands, exclaves); adm0_sr 1 marks the main one.
    best: dict[tuple[str, str], tuple[float, float, float]] = {}
    for row in frame.itertuples(index=False):
        if isinstance(row.iso_a2, str) and isinstance(row.name, str) and row.geometry is not None:
            key = (row.iso_a2, normalize_name(row.name))
            rank = float(row.adm0_sr) if row.adm0_sr is not None else 99.0
            if key not in best or rank < best[key][0]:
                best[key] = (rank, row.geometry.y, row.geometry.x)
    return {key: (lat, lon) for key, (_rank, lat, lon) in best.items()}
