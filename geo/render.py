"""The map: a folium ``Map`` whose layers, place cards and text panel are built in the browser from one JSON block.

Safety: folium/branca compile strings handed to ``Popup``, ``Tooltip``, ``Element`` … as Jinja templates, and
several of their popup paths use ``innerHTML``. Article text therefore never goes through them: it is embedded once
as JSON (``<`` ``>`` ``&`` escaped) in ``<script type="application/json">`` by an element whose ``render()``
returns a plain string, and ``map.js`` shows it with ``textContent``.

Self-contained: Leaflet's JS/CSS come from the ``xstatic-leaflet`` package, inlined (its images as data URIs);
folium's CDN asset lists are cleared on the instance; the basemap is Natural Earth country polygons.
Deterministic: branca's random element ids are replaced by sequential ones, so the same input gives the same bytes.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo import boundaries
from geo.export import wkt_to_geojson
from geo.files import write_atomic
from geo.focus import initial_view
from geo.lazy import without_module
from geo.model import Document
from geo.records import place_record
from geo.resolve import explain

if TYPE_CHECKING:
    import branca.element
    import folium

ATTRIBUTION = (
    "Places: contains data from GeoNames (CC BY 4.0) and geo's curated supplement · "
    "Boundaries: Natural Earth (public domain) · Leaflet"
)
LOW_CONFIDENCE = 0.5
# One table of place types for both scripts (map.js, corpus.js): type, legend label, colour. Order = legend order.
PLACE_TYPES: list[tuple[str, str, str]] = [
    ("country", "Countries", "#c2410c"),
    ("disputed area", "Disputed areas", "#be185d"),
    ("region", "States, provinces", "#7c3aed"),
    ("area", "Areas", "#7c3aed"),
    ("island", "Islands", "#7c3aed"),
    ("continent", "Continents", "#7c3aed"),
    ("mountain", "Mountains", "#92400e"),
    ("water", "Seas, rivers", "#0891b2"),
    ("route", "Routes, corridors", "#b91c1c"),
    ("district", "Districts", "#1d4ed8"),
    ("capital", "Capitals", "#1d4ed8"),
    ("city", "Cities, towns", "#1d4ed8"),
    ("place", "Other places", "#334155"),
]
# Label order: larger kinds of place first, then more mentions, then more people.
_LABEL_KIND = {
    "country": 0,
    "continent": 0,
    "region": 1,
    "disputed area": 1,
    "area": 2,
    "island": 2,
    "water": 2,
    "capital": 3,
    "route": 3,
    "district": 4,
    "city": 4,
}
# A place's fields on its card and an alternative's (geo.records.place_record: the fields of every output).
CARD_FIELDS = (
    "name",
    "feature",
    "geonameid",
    "country",
    "country_name",
    "admin1",
    "admin1_code",
    "lat",
    "lon",
)
# An alternative reading is shown on the card only when it scored at least this (a real contender).
CONTENDER_SCORE = 0.05
MODES = ("page", "embed", "png")
TILES = {
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors"),
}


def _folium() -> Any:
    """folium, imported on first use (a folium ``Map`` for notebooks, a page with a tile layer): the default page
    is written without it (:func:`page_html`). folium imports pandas only for DataFrame locations, which we never
    pass (≈ 0.45 s): imported with pandas blocked."""
    with without_module("pandas"):
        import folium
    return folium


@lru_cache(maxsize=1)
def _elements() -> tuple[type, type]:
    """The two branca elements of our folium pages: ``Verbatim`` and ``PageParts`` (classes made on first use, so
    importing this module imports no folium or branca)."""
    _folium()
    import branca.element

    class Verbatim(branca.element.Element):
        """An element rendered as the exact string given: never compiled as a template."""

        def __init__(self, content: str) -> None:
            super().__init__()
            self._name = "Verbatim"
            self._content = content

        def render(self, **kwargs: Any) -> str:
            """The content, exactly as given."""
            return self._content

    class PageParts(branca.element.MacroElement):
        """Adds CSS to the page head, the panel and data to the body, and the script after the map's own."""

        def __init__(self, *, head: str, data: dict[str, Any], script: str, tiles: Any) -> None:
            super().__init__()
            self._name = "GeoPage"
            self._parts = (head, data, script)
            self._tiles = tiles

        def render(self, **kwargs: Any) -> None:  # type: ignore[override]
            """Add the CSS to the page head, the article panel and the page data (JSON, with the final map and
            tile layer element names) to the body, and the script after the map's own."""
            figure = self.get_root()
            assert isinstance(figure, branca.element.Figure) and self._parent is not None
            head, data, script = self._parts
            # Element names are final only now (render_html makes them deterministic just before rendering).
            body = _page_body(data, self._parent.get_name(), self._tiles.get_name() if self._tiles else None)
            figure.header.add_child(Verbatim(head), name="geo_head")
            figure.html.add_child(Verbatim(body), name="geo_body")
            figure.script.add_child(Verbatim(script), name="geo_script")

    return Verbatim, PageParts


def _page_body(data: dict[str, Any], map_name: str, tiles_name: str | None) -> str:
    """The article panel and the page data as JSON, with the map's and the tile layer's element names."""
    data = {**data, "map": map_name, "tilesLayer": tiles_name}
    return (
        '<aside id="geo-panel" aria-label="Article"></aside>\n'
        f'<script type="application/json" id="geo-data">{json_for_script(data)}</script>'
    )


def _asset(package: str, *parts: str) -> str:
    return resources.files(package).joinpath(*parts).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str]:
    """Leaflet's CSS (images inlined as data URIs) and JS, read as text from the xstatic package."""
    import xstatic.pkg.leaflet as xleaflet

    base = Path(xleaflet.BASE_DIR)
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        image = base / match.group(1)
        return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode()})"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)
    js = (base / "leaflet.js").read_text(encoding="utf-8")
    # Marker clustering for maps with many places (no images: the cluster icons are CSS).
    import xstatic.pkg.leaflet_markercluster as xcluster

    cluster = Path(xcluster.BASE_DIR)
    css += "\n" + "\n".join(
        (cluster / name).read_text(encoding="utf-8")
        for name in ("MarkerCluster.css", "MarkerCluster.Default.css")
    )
    js += "\n" + (cluster / "leaflet.markercluster.js").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    return css, js


def json_for_script(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</script>``, ``<!--`` or ``&`` can form."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def map_data(document: Document, *, tiles_name: str | None = None, mode: str = "page") -> dict[str, Any]:
    """Everything map.js needs, as plain data.

    *mode*: ``"page"`` (a map page), ``"embed"`` (an ``--embed`` fragment or a notebook: legend collapsed) or
    ``"png"`` (a picture: no interactive controls, a small static legend). Each place carries ``where``
    ("Huntsville, Alabama, United States"), its admin-1 ``admin1``/``admin1Code``, ``labelRank`` (0 = labelled
    first) and, for shapes, ``extent`` ``[[south, west], [north, east]]`` of its main part (west/east may pass ±180
    so a country across the antimeridian flies to one piece).
    """
    if mode not in MODES:
        raise ValueError(f"map mode {mode!r}: expected one of {', '.join(MODES)}")
    places = document.places()
    index = {place.candidate.id: i for i, place in enumerate(places)}
    countries = {place.candidate.country for place in places}
    lines = {iso: line for iso, line in boundaries.admin1_lines().items() if iso in countries}
    mentions: list[dict[str, int | str]] = []
    mention_ids: dict[int, list[int]] = {i: [] for i in range(len(places))}
    nearby_ids: dict[int, list[int]] = {i: [] for i in range(len(places))}
    for resolution in document.resolutions:
        m = resolution.mention
        p = index[resolution.place.id] if resolution.place else -1
        if p >= 0:
            (nearby_ids if resolution.approximate else mention_ids)[p].append(len(mentions))
        record: dict[str, int | str] = {"start": m.start, "end": m.end, "place": p, "sentence": m.sentence}
        if resolution.approximate:
            record["via"] = resolution.via  # not in the gazetteer: shown at a place the article names
        mentions.append(record)
    out_places = []
    ranks = _label_ranks(places, {i: len(mention_ids[i]) for i in mention_ids})
    for i, place in enumerate(places):
        c = place.candidate
        geometry = None
        if c.is_country:
            geometry = boundaries.country_shape(c.country)
        elif c.geometry:
            geometry = wkt_to_geojson(c.geometry)
        card = place_record(c, CARD_FIELDS)
        out_places.append(
            {
                "name": card["name"],
                "type": card["feature"],
                "where": _where(
                    c.name,
                    None if c.fcode == "ADM1" else card["admin1"],
                    None if c.is_country else card["country_name"],
                ),
                "admin1": card["admin1"],
                "admin1Code": card["admin1_code"],
                "labelRank": ranks[i],
                "extent": main_extent(geometry) if geometry else None,
                "country": card["country"],
                "countryName": card["country_name"],
                "lat": card["lat"],
                "lon": card["lon"],
                "geonameid": card["geonameid"],
                "score": place.score,
                "low": place.score < LOW_CONFIDENCE,
                "geometry": geometry,
                "note": _reader_note(c),
                "alternatives": _alternatives(place),
                "why": explain(
                    max(
                        (r for r in place.resolutions if not r.approximate),
                        key=lambda r: r.score,
                        default=place.resolutions[0],
                    )
                ),
                "mentions": mention_ids[i],
                "nearby": nearby_ids[i],  # names the gazetteer lacks, shown here approximately
            }
        )
    return {
        "text": document.text,
        "title": document.title,
        # "Source · date · byline" above the text; shown with textContent like the text itself.
        "source": document.meta.source,
        "date": document.meta.date,
        "author": document.meta.author,
        "url": document.meta.url if _is_web_url(document.meta.url) else None,
        "dateline": document.dateline.text if document.dateline else None,
        # The header's "About: … · Filed from: …" (geo.focus) and the bounds the map opens on: the focus and the
        # confident places around it, not every passing mention.
        "about": document.focus.about(),
        "filedFrom": _filed_from(document),
        "view": initial_view(document),
        "sentences": [[s.start, s.end] for s in document.sentences],
        "mentions": mentions,
        "places": out_places,
        "basemap": {"type": "FeatureCollection", "features": boundaries.basemap_features()},
        # State/province lines of the countries the article's places are in (where a source is installed).
        "admin1Lines": {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"country": iso}, "geometry": geometry}
                for iso, geometry in sorted(lines.items())
            ],
        },
        "attribution": ATTRIBUTION + (f" · {boundaries.ADMIN1_LINES_SOURCE}" if lines else ""),
        "pov": boundaries.POINT_OF_VIEW
        + (
            "; disputed and breakaway areas: Natural Earth 10m (de facto lines, status on each place)"
            if any(p.candidate.fcode == "DISP" for p in places)
            else ""
        ),
        "tiles": tiles_name,
        "mode": mode,
        "types": [{"type": t, "label": label, "color": color} for t, label, color in PLACE_TYPES],
    }


def _filed_from(document: Document) -> str | None:
    """The dateline's place name ("Washington" for "WASHINGTON —"), or its text when it was not placed."""
    if document.dateline is None:
        return None
    placed = next((r.place for r in document.resolutions if r.mention is document.dateline and r.place), None)
    return placed.name if placed else document.dateline.text


def _reader_note(c: Any) -> str | None:
    """Natural Earth's status of a place ("Claimed by Azer. Self admin. (Natural Earth Breakaway)"), which a reader
    needs; the provenance of curated rows ("vertices at the three towns' points") is for builders and stays in
    the exports only."""
    if c.source.startswith("Natural Earth"):
        return c.note  # type: ignore[no-any-return]
    found = re.match(
        r"(.*?\(Natural Earth [^)]*\))", c.note or ""
    )  # a curated place given NE's polygon and status
    return found.group(1) if found else None


def _where(name: str, admin1: str | None, country: str | None) -> str:
    """ "Huntsville, Alabama, United States": the name, then each larger unit that adds something."""
    parts = [name]
    for part in (admin1, country):
        if part and part not in parts:
            parts.append(part)
    return ", ".join(parts)


def _label_ranks(places: list[Any], mentions: dict[int, int]) -> dict[int, int]:
    order = sorted(
        range(len(places)),
        key=lambda i: (
            _LABEL_KIND.get(places[i].candidate.feature, 5),
            -mentions[i],
            -places[i].candidate.population,
            i,
        ),
    )
    return {i: rank for rank, i in enumerate(order)}


def main_extent(geometry: dict[str, Any]) -> list[list[float]]:
    """``[[south, west], [north, east]]`` (degrees) of a GeoJSON geometry's main part: its largest polygon and the
    polygons at least half its area, moved by ±360° next to it, so Russia, the US, Fiji and New Zealand give the
    box around their main land rather than one from -180 to 180. Lines and points: their whole bounds."""
    import shapely
    from shapely import affinity
    from shapely.geometry import shape

    geom = shape(geometry)
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.area > 0]
    if not parts:
        w, s, e, n = geom.bounds
        return [[round(s, 3), round(w, 3)], [round(n, 3), round(e, 3)]]
    largest = max(parts, key=lambda g: g.area)
    centre = largest.centroid.x
    kept = []
    for g in parts:
        if g.area < 0.5 * largest.area:
            continue
        shift = 360.0 if g.centroid.x - centre < -180 else -360.0 if g.centroid.x - centre > 180 else 0.0
        kept.append(affinity.translate(g, xoff=shift) if shift else g)
    w, s, e, n = shapely.unary_union(kept).bounds
    return [[round(s, 3), round(w, 3)], [round(n, 3), round(e, 3)]]


def _is_web_url(url: str | None) -> bool:
    """Only http(s) addresses become the source's link (never ``javascript:`` or ``data:``)."""
    return bool(url) and re.match(r"https?://[^\s]+$", url or "", re.IGNORECASE) is not None


def _alternatives(place: Any) -> list[dict[str, str | None]]:
    """Readings that lost but were real contenders (score ≥ ``CONTENDER_SCORE``), each once, with admin-1."""
    seen: dict[tuple[str, str, str | None, str], dict[str, str | None]] = {}
    for resolution in place.resolutions:
        if resolution.approximate:
            continue  # its runners-up are readings of another name, not of this place
        for candidate, score in resolution.alternatives:
            if candidate.id == place.candidate.id or score < CONTENDER_SCORE:
                continue
            record = place_record(candidate, CARD_FIELDS)
            key = (candidate.name, candidate.feature, record["admin1"], candidate.country)
            if key not in seen:
                seen[key] = {
                    "name": record["name"],
                    "type": record["feature"],
                    "where": _where(
                        candidate.name,
                        None if candidate.fcode == "ADM1" else record["admin1"],
                        None if candidate.is_country else record["country_name"],
                    ),
                    "country": record["country"],
                }
    return list(seen.values())[:4]


def build_map(document: Document, *, tiles: str | None = None, mode: str = "page") -> folium.Map:
    """A folium ``Map`` of the document (notebooks display it). ``tiles``: ``"osm"`` or a tile URL template;
    ``mode``: ``"page"``, ``"embed"`` (legend collapsed, for fragments and notebooks) or ``"png"`` (no controls)."""
    return page_map(
        document.title or document.id,
        lambda tiles_name: map_data(document, tiles_name=tiles_name, mode=mode),
        "map.js",
        tiles=tiles,
    )


def map_html(document: Document, *, tiles: str | None = None, mode: str = "page") -> str:
    """The document's map page as a string: ``render_html(build_map(document, …))``, the same bytes, written
    without folium when there is no tile layer (:func:`page_html`)."""
    return page_html(
        document.title or document.id,
        lambda tiles_name: map_data(document, tiles_name=tiles_name, mode=mode),
        "map.js",
        tiles=tiles,
    )


def page_map(
    title: str, data: Callable[[str | None], dict[str, Any]], script: str, *, tiles: str | None = None
) -> folium.Map:
    """The shared page: a folium ``Map`` with inlined Leaflet, our CSS, the data as JSON and one of our scripts."""
    folium = _folium()
    m = folium.Map(location=[20, 0], zoom_start=2, tiles=None, control_scale=True, world_copy_jump=True)
    # Instance-level lists: folium's class-level defaults point at CDNs.
    m.default_js = []
    m.default_css = []
    tiles_name = None
    layer = None
    if tiles:
        url, attribution = TILES.get(
            tiles, (tiles, "Map tiles: " + re.sub(r"https?://([^/]+).*", r"\1", tiles))
        )
        attribution = _html_escape(attribution)  # Leaflet shows attribution as HTML: ours is text
        tiles_name = "OpenStreetMap" if tiles == "osm" else "Tiles"
        layer = folium.TileLayer(url, attr=attribution, name=tiles_name, overlay=False, control=False)
        layer.add_to(m)
    head, code = _page_parts(title, script)
    m.add_child(_elements()[1](head=head, data=data(tiles_name), script=code, tiles=layer))
    return m


def _page_parts(title: str, script: str) -> tuple[str, str]:
    """The page's head (title, inlined Leaflet, our CSS) and its script (common.js and *script*)."""
    css, js = leaflet_assets()
    head = (
        f"<title>{_html_escape(title)} — geo map</title>\n"
        f"<style>{css}</style>\n<script>{js}</script>\n<style>{_asset('geo', 'assets', 'map.css')}</style>"
    )
    return head, _asset("geo", "assets", "common.js") + "\n" + _asset("geo", "assets", script)


# The page folium 0.20 renders for page_map without a tile layer (its Figure and Map templates with page_map's
# options; the map is element 1 of render_html's sequential ids), around our head, body and script: the default
# offline page is written from it without importing folium and branca or compiling their ≈ 50 Jinja templates
# (≈ 0.15 s of a cold `geo map`).
# tests/test_cost.py checks it is byte for byte what folium renders.
_MAP_NAME = f"map_{1:032x}"
_FOLIUM_HEAD = (
    "<!DOCTYPE html>\n"
    "<html>\n"
    "<head>\n"
    "    \n"
    '    <meta http-equiv="content-type" content="text/html; charset=UTF-8" />\n'
    "    \n"
    '            <meta name="viewport" content="width=device-width,\n'
    '                initial-scale=1.0, maximum-scale=1.0, user-scalable=no" />\n'
    "            <style>\n"
    f"                #{_MAP_NAME} {{\n"
    "                    position: relative;\n"
    "                    width: 100.0%;\n"
    "                    height: 100.0%;\n"
    "                    left: 0.0%;\n"
    "                    top: 0.0%;\n"
    "                }\n"
    "                .leaflet-container { font-size: 1rem; }\n"
    "            </style>\n"
    "\n"
    "            <style>html, body {\n"
    "                width: 100%;\n"
    "                height: 100%;\n"
    "                margin: 0;\n"
    "                padding: 0;\n"
    "            }\n"
    "            </style>\n"
    "\n"
    "            <style>#map {\n"
    "                position:absolute;\n"
    "                top:0;\n"
    "                bottom:0;\n"
    "                right:0;\n"
    "                left:0;\n"
    "                }\n"
    "            </style>\n"
    "\n"
    "            <script>\n"
    "                L_NO_TOUCH = false;\n"
    "                L_DISABLE_3D = false;\n"
    "            </script>\n"
    "\n"
    "        \n"
    "    "
)
_FOLIUM_BODY = (
    "\n"
    "</head>\n"
    "<body>\n"
    "    \n"
    "    \n"
    f'            <div class="folium-map" id="{_MAP_NAME}" ></div>\n'
    "        \n"
    "    "
)
_FOLIUM_SCRIPT = (
    "\n"
    "</body>\n"
    "<script>\n"
    "    \n"
    "    \n"
    f"            var {_MAP_NAME} = L.map(\n"
    f'                "{_MAP_NAME}",\n'
    "                {\n"
    "                    center: [20.0, 0.0],\n"
    "                    crs: L.CRS.EPSG3857,\n"
    "                    ...{\n"
    '  "zoom": 2,\n'
    '  "zoomControl": true,\n'
    '  "preferCanvas": false,\n'
    '  "worldCopyJump": true,\n'
    "}\n"
    "\n"
    "                }\n"
    "            );\n"
    f"            L.control.scale().addTo({_MAP_NAME});\n"
    "\n"
    "            \n"
    "\n"
    "        \n"
    "    "
)
_FOLIUM_END = "\n</script>\n</html>"  # Jinja drops the template's last newline


def page_html(
    title: str, data: Callable[[str | None], dict[str, Any]], script: str, *, tiles: str | None = None
) -> str:
    """``render_html(page_map(title, data, script, tiles=tiles))``, the same bytes; without a tile layer written
    from folium's page as text (no folium import), with one rendered by folium."""
    if tiles:
        return render_html(page_map(title, data, script, tiles=tiles))
    head, code = _page_parts(title, script)
    body = _page_body(data(None), _MAP_NAME, None)
    return _FOLIUM_HEAD + head + _FOLIUM_BODY + body + _FOLIUM_SCRIPT + code + _FOLIUM_END


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def _deterministic_ids(root: branca.element.Element) -> None:
    counter = 0
    stack = [root]
    while stack:
        element = stack.pop(0)
        element._id = f"{counter:032x}"  # noqa: SLF001 — branca has no public way to set ids
        counter += 1
        stack.extend(element._children.values())  # noqa: SLF001


def render_html(m: folium.Map) -> str:
    """The map page as a string, identical for identical input."""
    figure = m.get_root()
    _deterministic_ids(figure)
    return figure.render()


def save_map(document: Document, path: str | Path, *, tiles: str | None = None) -> Path:
    """Write the document's self-contained, offline Leaflet map to *path* as HTML (atomically; *tiles* adds an
    online tile layer: 'osm' or a URL template) and return the path. Raises OSError when *path* cannot be
    written."""
    write_atomic(path, map_html(document, tiles=tiles))
    return Path(path)


def embed_html(page: str, *, title: str, height: int = 640) -> str:
    """An HTML fragment to paste into a report or a static site: the whole page in an ``<iframe srcdoc>``.

    The frame is sandboxed (scripts run, but with no access to the host page, its cookies or storage), and the
    page inside is the same self-contained map, so the fragment needs no other file and makes no request.
    """
    import html

    return (
        f'<iframe title="{html.escape(title, quote=True)}" sandbox="allow-scripts allow-popups" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #d0d7de" loading="lazy" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>\n'
    )


def save_embed(document: Document, path: str | Path, *, tiles: str | None = None, height: int = 640) -> Path:
    """Write the document's map as an HTML fragment to paste into a report (an iframe with the page as srcdoc,
    *height* in CSS pixels) to *path* (atomically) and return the path. Raises OSError when *path* cannot be
    written."""
    page = map_html(document, tiles=tiles, mode="embed")
    write_atomic(path, embed_html(page, title=f"Map: {document.title or document.id}", height=height))
    return Path(path)


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path() -> str:
    """Debian's chromium (``make setup`` installs it); the settings' ``chromium`` (``GEO_CHROMIUM``) points
    elsewhere."""
    import shutil

    from geo.errors import DataError
    from geo.settings import current

    found = current().chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise DataError("--png needs chromium (Debian package `chromium`; `make setup` installs it)")
    return found


def save_png(
    document: Document, path: str | Path, *, size: tuple[int, int] = (1400, 900), tiles: str | None = None
) -> Path:
    """A static picture of the map page from headless Chromium, at device scale 2 (sharp at print size)."""
    import os
    import shutil
    import subprocess
    import tempfile

    from geo.errors import GeoError

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geo-png-") as tmp:
        page = Path(tmp) / "map.html"
        write_atomic(page, map_html(document, tiles=tiles, mode="png"))
        shot = Path(tmp) / "map.png"
        command = [
            chromium_path(),
            *CHROMIUM_FLAGS,
            "--hide-scrollbars",
            "--force-device-scale-factor=2",
            f"--window-size={size[0]},{size[1]}",
            "--virtual-time-budget=5000",
            f"--user-data-dir={tmp}/profile",
            f"--screenshot={shot}",
            page.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or not shot.exists():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise GeoError(f"{path}: chromium could not render the map ({last})")
        # Copied to a short-named file beside the output, then renamed: $TMPDIR may be another file system.
        fd, partial = tempfile.mkstemp(prefix=".geo-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle, shot.open("rb") as picture:
                shutil.copyfileobj(picture, handle)
            os.chmod(partial, 0o644)
            os.replace(partial, path)
        finally:
            Path(partial).unlink(missing_ok=True)
    return path
