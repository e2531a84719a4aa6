"""Machine-readable output: the JSON contract the evaluation uses, GeoJSON, CSV.

The per-mention record is stable: ``start, end, text, lat, lon, name, geonameid, feature, country, admin1,
admin1_code, score`` (``geonameid`` an integer; ``country`` is ISO 3166-1 alpha-2; ``admin1`` the name of the place's
first-level unit — state, province, region — and ``admin1_code`` its ISO 3166-2 code such as ``US-AL``, or GeoNames'
``CC.xx`` code when no ISO code is known; ``text == input_text[start:end]``), plus ``source``, ``demonym``, ``rule``
(the recognition rule that found the mention), ``evidence`` (resolver term → points it gave the chosen place, see
:data:`geo.resolve.TERMS`) and ``alternatives`` for people reading it, and ``via``: ``name`` when the gazetteer knows
the name, ``part`` or ``nearby`` when the mention is placed approximately at a place the article names (see
:mod:`geo.resolve`), ``geocoder`` when the resolver's fallback geocoder (``--geocoder``) found it. The place fields of
every output come from one conversion, :func:`geo.records.place_record`.
"""

from __future__ import annotations

import io
import json
from typing import Any

from defusedcsv import csv

from geo.model import Candidate, Document, Resolution
from geo.records import place_record

MENTION_FIELDS = [
    "start",
    "end",
    "text",
    "lat",
    "lon",
    "name",
    "geonameid",
    "feature",
    "country",
    "admin1",
    "admin1_code",
    "score",
]


# A place's fields in a mention, a dateline and a GeoJSON feature; an alternative's (geo.records.place_record).
PLACE_FIELDS = ["lat", "lon", "name", "geonameid", "feature", "country", "admin1", "admin1_code"]
ALTERNATIVE_FIELDS = ["name", "geonameid", "country", "admin1", "admin1_code", "feature"]


def mention_record(resolution: Resolution) -> dict[str, Any]:
    """One resolved toponym as a JSON-ready dict: character offsets [start, end) and text, the chosen place's
    fields (name, GeoNames id, feature, country, admin-1, lat/lon in degrees; None when unresolved), score
    (0–1), source, ``via``, whether it is a demonym, the recognition rule, the resolver evidence and the
    runners-up with their scores."""
    mention = resolution.mention
    record: dict[str, Any] = {"start": mention.start, "end": mention.end, "text": mention.text}
    record.update(place_record(resolution.place, PLACE_FIELDS))
    record["score"] = resolution.score
    record["source"] = mention.source
    record["via"] = resolution.via
    record["demonym"] = mention.demonym_of is not None
    record["rule"] = mention.rule or None
    record["evidence"] = dict(resolution.evidence)
    record["alternatives"] = [
        {**place_record(c, ALTERNATIVE_FIELDS), "score": s} for c, s in resolution.alternatives
    ]
    return record


# What the article says about itself (Document.meta), in every format: JSON keys, GeoJSON's "article" member,
# CSV columns, the batch ``articles`` table. ``title`` is the document's (the page's headline, or a text's first line).
ARTICLE_FIELDS = ["title", "source", "date", "author", "url", "language"]


def article_record(document: Document) -> dict[str, Any]:
    """``{"title", "source", "date", "author", "url", "language"}`` of a document (``None`` where not given)."""
    return {**document.meta.as_dict(), "title": document.title}


def dateline_record(document: Document) -> dict[str, Any] | None:
    """Where the story was filed from: ``{"text", "start", "end", **place fields}`` of the dateline ("WASHINGTON —"),
    or ``None`` when it has none. Kept apart from the focus: a dateline says where, not what about."""
    mention = document.dateline
    if mention is None:
        return None
    resolution = next((r for r in document.resolutions if r.mention is mention), None)
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        **place_record(resolution.place if resolution else None, PLACE_FIELDS),
    }


# The article's focus in flat outputs (CSV columns, batch ``articles`` tables): the first country's ISO alpha-2 code,
# the first admin-1 unit's code, the first city's name (each list in full in JSON).
FOCUS_FIELDS = ["focus_country", "focus_admin1", "focus_city"]


def focus_fields(document: Document) -> dict[str, str | None]:
    """``{"focus_country", "focus_admin1", "focus_city"}``: the most central entry of each focus list, or ``None``."""
    focus = document.focus
    return {
        "focus_country": focus.countries[0].code if focus.countries else None,
        "focus_admin1": focus.admin1[0].code if focus.admin1 else None,
        "focus_city": focus.cities[0].name if focus.cities else None,
    }


def document_record(document: Document) -> dict[str, Any]:
    """``{"id", "mentions", "focus", "dateline"}`` of a document (``focus``: :meth:`geo.model.Focus.as_dict`)."""
    return {
        "id": document.id,
        "mentions": [mention_record(r) for r in document.resolutions],
        "focus": document.focus.as_dict(),
        "dateline": dateline_record(document),
    }


def to_json(document: Document) -> str:
    """The document as an indented JSON string: id, mentions (``mention_record``), focus, dateline, the
    article's metadata, and the sentences as [start, end] character offsets."""
    record = document_record(document)
    record.update(article_record(document))
    record["sentences"] = [[s.start, s.end] for s in document.sentences]
    return json.dumps(record, ensure_ascii=False, indent=2)


def to_jsonl_line(document: Document) -> str:
    """The document as one line of JSON (no newline): as ``to_json`` without the sentences."""
    return json.dumps({**document_record(document), **article_record(document)}, ensure_ascii=False)


def place_note(c: Candidate) -> str | None:
    """The status or provenance note of an authored or Natural Earth place (GeoNames places have none)."""
    return c.note if c.curated or c.source.startswith("Natural Earth") else None


def wkt_to_geojson(wkt: str) -> dict[str, Any]:
    """A GeoJSON geometry dict from a WKT string (lon/lat in degrees), via shapely; raises shapely's
    GEOSException for malformed WKT."""
    import shapely

    return json.loads(shapely.to_geojson(shapely.from_wkt(wkt)))  # type: ignore[no-any-return]


def to_geojson(document: Document) -> str:
    """One feature per place: its line or area when the gazetteer has one (corridors, disputed areas, seas),
    else its point; ``lat``/``lon`` always give the point."""
    features = []
    for place in document.places():
        c = place.candidate
        geometry = (
            wkt_to_geojson(c.geometry) if c.geometry else {"type": "Point", "coordinates": [c.lon, c.lat]}
        )
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    **place_record(c, PLACE_FIELDS),
                    "score": place.score,
                    "note": place_note(c),
                    "mentions": [[r.mention.start, r.mention.end] for r in place.resolutions],
                },
            }
        )
    # The article's metadata as a foreign member of the collection (RFC 7946 §6.1), once rather than per feature.
    collection: dict[str, Any] = {
        "type": "FeatureCollection",
        "article": {
            "id": document.id,
            **article_record(document),
            "focus": document.focus.as_dict(),
            "dateline": dateline_record(document),
        },
    }
    collection["features"] = features
    return json.dumps(collection, ensure_ascii=False, indent=2)


def to_csv(document: Document) -> str:
    """The document as CSV text: a header and one row per resolved toponym (``MENTION_FIELDS``, source, via)
    with the article's metadata, focus and dateline repeated on each row; cells that a spreadsheet would run
    as formulas are quoted (defusedcsv)."""
    out = io.StringIO()
    article = {f"article_{k}": v for k, v in article_record(document).items()}
    dateline = document.dateline
    article.update({**focus_fields(document), "dateline": dateline.text if dateline else None})
    # defusedcsv: a cell starting with = + - @ (not a number) is prefixed with ' so a spreadsheet shows, never runs, it.
    writer = csv.DictWriter(
        out, fieldnames=["id", *MENTION_FIELDS, "source", "via", *article], extrasaction="ignore"
    )
    writer.writeheader()
    for resolution in document.resolutions:
        writer.writerow({"id": document.id, **mention_record(resolution), **article})
    return out.getvalue()


FORMATS = {"json": to_json, "geojson": to_geojson, "csv": to_csv, "jsonl": to_jsonl_line}
