"""Official GeoNames dumps folded into the index, streamed (bounded memory at allCountries' 12M rows).

``geo gazetteer build --geonames allCountries.zip|cities500.zip [--alternate-names alternateNamesV2.zip]
[--admin-codes admin1CodesASCII.txt admin2Codes.txt] [--countries countryInfo.txt]``

Rows go straight from the (zipped) tab-separated files into SQLite in chunks; nothing is held per row. Feature classes
A (countries, admin units), P (populated places), T (mountains, hills), H (seas, lakes, rivers), L (regions, parks)
and S (buildings, sites) are kept. Only countries, admin-1 units and large towns become names the text matcher may
claim on its own; the rest resolve when NER finds them, so "Mill Creek" or "First Baptist Church" never turn
ordinary words into places.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import InputError
from geo.gazetteer.schema import BUILT_PLACE_COLUMNS
from geo.iterate import chunked
from geo.normalize import is_latin_key, normalize_name

KEEP_CLASSES = frozenset("APTHLS")
SOURCE = "geonames dump"
_SKIP_LANGUAGES = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "wkdt", "unlc", "tcid"})
CHUNK = 50_000


@dataclass
class GeoNamesDumps:
    """Paths of official GeoNames dump files (zipped or tab-separated text) to fold into the gazetteer: the places
    table (``allCountries.zip``, ``cities500.zip``), optional ``alternateNamesV2.zip``, admin code files
    (``admin1CodesASCII.txt``, ``admin2Codes.txt``) and ``countryInfo.txt``."""

    geonames: Path
    alternate_names: Path | None = None
    admin_codes: list[Path] = field(default_factory=list)
    countries: Path | None = None


@contextmanager
def _lines(path: Path) -> Iterator[Iterator[str]]:
    """Text lines of a GeoNames file, plain or zipped (the member named like the zip, else the largest .txt)."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if m.filename.endswith(".txt")]
            if not members:
                raise InputError(f"{path}: no .txt inside")
            wanted = path.stem + ".txt"
            member = next(
                (m for m in members if m.filename == wanted), max(members, key=lambda m: m.file_size)
            )
            with archive.open(member) as raw:
                yield iter(io.TextIOWrapper(raw, encoding="utf-8", newline="\n"))
    else:
        with path.open(encoding="utf-8", newline="\n") as handle:
            yield iter(handle)


def load_dumps(
    con: sqlite3.Connection, dumps: GeoNamesDumps, progress: Callable[[str], None]
) -> dict[str, int]:
    """Stream the dumps into an index being built. Returns counts for the index's metadata."""
    counts = {"geonames": 0, "geonames_names": 0}
    with _lines(dumps.geonames) as lines:
        for chunk in chunked(_places(lines, dumps.geonames, counts), CHUNK):
            con.executemany(
                f"INSERT OR REPLACE INTO places {BUILT_PLACE_COLUMNS} VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (r[0] for r in chunk),
            )
            names = [n for r in chunk for n in r[1]]
            con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
            counts["geonames_names"] += len(names)
            progress(f"  geonames: {counts['geonames']:,} places")
    if dumps.countries:
        counts["geonames_country_names"] = _country_names(con, dumps.countries)
    for admin_file in dumps.admin_codes:
        counts["geonames_admin_names"] = counts.get("geonames_admin_names", 0) + _admin_names(con, admin_file)
    if dumps.alternate_names:
        counts["geonames_alternate_names"] = _alternate_names(con, dumps.alternate_names, progress)
    return counts


def _country_names(con: sqlite3.Connection, path: Path) -> int:
    """countryInfo.txt: each country's name (column 5) as a primary name of its GeoNames id (column 17)."""
    rows = []
    with _lines(path) as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 17 or not fields[16].isdigit():
                continue
            key = normalize_name(fields[4])
            if key:
                rows.append((key, int(fields[16]), 0, int(fields[16])))
    con.executemany(
        "INSERT OR IGNORE INTO names SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM places WHERE id = ?)", rows
    )
    return len(rows)


def _places(
    lines: Iterator[str], path: Path, counts: dict[str, int]
) -> Iterator[tuple[tuple, list[tuple[str, int, int]]]]:
    for number, line in enumerate(lines, start=1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 15:
            if line.strip():
                raise InputError(f"{path}:{number}: {len(fields)} columns, GeoNames rows have 19")
            continue
        gid, name, ascii_name, alternates, lat, lon, fclass, fcode, country = fields[:9]
        if fclass not in KEEP_CLASSES:
            continue
        try:
            place_id, latitude, longitude = int(gid), float(lat), float(lon)
            population = int(fields[14] or 0)
        except ValueError as exc:
            raise InputError(f"{path}:{number}: {exc}") from exc
        admin1 = f"{country}.{fields[10]}" if fields[10] and fields[10] != "00" else ""
        if fclass == "A" and fcode.startswith("PCL"):
            fcode = "PCLI"  # independent, dependent, section: one kind of country for ranking
        row = (
            place_id,
            place_id,
            name,
            fcode,
            country,
            admin1,
            latitude,
            longitude,
            population,
            SOURCE,
            None,
            None,
        )
        keys: dict[str, int] = {}
        for value, kind in [(name, 0), (ascii_name, 1), *((a, 2) for a in alternates.split(",") if a)]:
            key = normalize_name(value)
            if key and is_latin_key(key) and kind < keys.get(key, 3):
                keys[key] = kind
        counts["geonames"] += 1
        yield row, [(key, place_id, kind) for key, kind in keys.items()]


def _admin_names(con: sqlite3.Connection, path: Path) -> int:
    """admin1CodesASCII.txt / admin2Codes.txt: ``code, name, ascii name, geonameid`` — official names of units."""
    rows = []
    with _lines(path) as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 4 and fields[3].isdigit():
                for value in (fields[1], fields[2]):
                    key = normalize_name(value)
                    if key:
                        rows.append((key, int(fields[3]), 1))
    con.executemany(
        "INSERT OR IGNORE INTO names SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM places WHERE id = ?)",
        ((k, p, kind, p) for k, p, kind in rows),
    )
    return len(rows)


def _alternate_names(con: sqlite3.Connection, path: Path, progress: Callable[[str], None]) -> int:
    """alternateNamesV2: ``id, geonameid, language, name, preferred, short, colloquial, historic, from, to``.
    English and unlabelled names of places in the index; preferred or short English names count as official."""
    added = 0

    def rows(lines: Iterator[str]) -> Iterator[tuple]:
        nonlocal added
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4 or not fields[1].isdigit():
                continue
            language = fields[2]
            if language in _SKIP_LANGUAGES or language not in ("", "en", "abbr") or fields[7:8] == ["1"]:
                continue
            key = normalize_name(fields[3])
            if not key or not is_latin_key(key):
                continue
            official = language == "en" and (fields[4:5] == ["1"] or fields[5:6] == ["1"])
            added += 1
            yield key, int(fields[1]), 1 if official else 2, int(fields[1])

    with _lines(path) as lines:
        for chunk in chunked(rows(lines), CHUNK):
            con.executemany(
                "INSERT OR IGNORE INTO names SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM places WHERE id = ?)",
                chunk,
            )
            progress(f"  alternate names: {added:,}")
    return added
