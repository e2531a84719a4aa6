"""One map for a whole corpus (the output folder of ``geo batch``): places sized by how many articles mention them;
a place's card lists its articles (title, source, date, link or id) with the sentences that mention it; filters by date
range and place type, and by focus: "only articles about the place" counts an article for its focus country and
city (geo.focus), not for every place it mentions.

Size budget: every (place, article) pair keeps one sentence, cut to ``SNIPPET_CHARS`` around the mention, and each
place lists at most ``MAX_ARTICLES_PER_PLACE`` articles with their sentence (the count covers all of them). Points
are clustered and drawn from the data by ``corpus.js``; article text goes into the page only as JSON, shown with
``textContent``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo import boundaries
from geo.batch import placed_by_name, read_table
from geo.files import write_atomic
from geo.render import ATTRIBUTION, PLACE_TYPES, page_html, page_map

if TYPE_CHECKING:
    import folium

SNIPPET_CHARS = 240
MAX_ARTICLES_PER_PLACE = 200
# What the map shows, the only columns read from the batch tables (not offsets, scores, admin-1 or language).
ARTICLE_COLUMNS = ("article", "title", "date", "url", "source", "focus_country", "focus_city")
MENTION_COLUMNS = tuple("article place_id via text sentence name feature country lat lon".split())


def _snippet(sentence: str, text: str) -> tuple[str, int, int]:
    """The sentence (cut around the mention when long) and the mention's offsets in it (-1 when not found)."""
    sentence = " ".join(str(sentence).split())
    at = sentence.find(text)
    if len(sentence) > SNIPPET_CHARS:
        centre = at + len(text) // 2 if at >= 0 else 0
        start = max(0, min(len(sentence) - SNIPPET_CHARS, centre - SNIPPET_CHARS // 2))
        sentence = (
            ("…" if start else "")
            + sentence[start : start + SNIPPET_CHARS]
            + ("…" if start + SNIPPET_CHARS < len(sentence) else "")
        )
        at = sentence.find(text)
    return sentence, at, (at + len(text)) if at >= 0 else -1


def corpus_data(out_dir: str | Path) -> dict[str, Any]:
    """The data of a corpus map from the finished partitions of a ``geo batch`` output folder: articles (id,
    title, date YYYY-MM-DD, URL, source) by date, places (sorted by number of articles) with the articles
    naming them and their sentence snippets (≤ 240 characters), the date range, the Natural Earth basemap and
    attribution. Raises ValueError when no partition is finished."""
    articles = read_table(out_dir, "articles", ARTICLE_COLUMNS)
    mentions = read_table(out_dir, "mentions", MENTION_COLUMNS)
    if articles.empty:
        raise ValueError(f"{out_dir}: no finished partitions (run geo batch first)")
    articles = articles.sort_values(["date", "article"], na_position="last").reset_index(drop=True)
    index = {a: i for i, a in enumerate(articles["article"])}
    # Each article's focus (geo.focus; none in outputs written before it): its country and its city's name.
    focus_of = {
        i: (_text(getattr(row, "focus_country", None)), _text(getattr(row, "focus_city", None)))
        for i, row in enumerate(articles.itertuples(index=False))
    }
    out_articles = [
        [
            str(row.article),
            None if _missing(row.title) else str(row.title),
            None if _missing(row.date) else str(row.date)[:10],
            None if _missing(row.url) else str(row.url),
            None
            if _missing(getattr(row, "source", None))
            else str(row.source),  # outputs before sources: none
        ]
        for row in articles.itertuples(index=False)
    ]
    places: list[dict[str, Any]] = []
    if not mentions.empty:
        placed = placed_by_name(mentions)
        for place_id, group in placed.groupby("place_id", sort=False):
            first = group.iloc[0]
            hits: dict[int, list[Any]] = {}
            for row in group.itertuples(index=False):
                a = index.get(row.article)
                if a is None or a in hits:
                    continue
                hits[a] = [a, *_snippet(row.sentence, row.text)]
            ordered = sorted(hits.values(), key=lambda h: h[0], reverse=True)  # latest articles first
            country = None if _missing(first["country"]) else str(first["country"])
            is_country, is_city = first["feature"] == "country", first["feature"] in ("city", "capital")
            places.append(
                {
                    "id": int(place_id),
                    "name": str(first["name"]),
                    "type": str(first["feature"]),
                    "country": None if _missing(first["country"]) else str(first["country"]),
                    "lat": round(float(first["lat"]), 4),
                    "lon": round(float(first["lon"]), 4),
                    "mentions": int(len(group)),
                    "articles": [h[0] for h in ordered],
                    # The articles that are about this place, not only mention it: it is their focus country,
                    # or their focus city.
                    "about": [
                        h[0]
                        for h in ordered
                        if country is not None
                        and focus_of[h[0]][0] == country
                        and (is_country or (is_city and focus_of[h[0]][1] == str(first["name"])))
                    ],
                    "snippets": [h[1:] for h in ordered[:MAX_ARTICLES_PER_PLACE]],
                }
            )
    places.sort(key=lambda p: (-len(p["articles"]), p["name"], p["id"]))
    dates = [a[2] for a in out_articles if a[2]]
    return {
        "articles": out_articles,
        "places": places,
        "dates": [min(dates), max(dates)] if dates else None,
        "types": [{"type": t, "label": label, "color": color} for t, label, color in PLACE_TYPES],
        "basemap": {"type": "FeatureCollection", "features": boundaries.basemap_features()},
        "attribution": ATTRIBUTION,
        "pov": boundaries.POINT_OF_VIEW,
        "maxArticlesPerPlace": MAX_ARTICLES_PER_PLACE,
    }


def _text(value: Any) -> str | None:
    return None if _missing(value) else str(value)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def build_corpus_map(out_dir: str | Path, *, tiles: str | None = None) -> tuple[folium.Map, int]:
    """The folium map of a ``geo batch`` output folder (data as in ``corpus_data``, shown by corpus.js) and
    its number of places; *tiles* adds an online tile layer ('osm' or a URL template). Raises ValueError when
    no partition is finished."""
    title, with_tiles, places = _corpus_page(out_dir)
    return page_map(title, with_tiles, "corpus.js", tiles=tiles), places


def _corpus_page(out_dir: str | Path) -> tuple[str, Callable[[str | None], dict[str, Any]], int]:
    data = corpus_data(out_dir)

    def with_tiles(tiles_name: str | None) -> dict[str, Any]:
        return {**data, "tiles": tiles_name}

    title = f"Corpus: {len(data['articles']):,} articles, {len(data['places']):,} places"
    return title, with_tiles, len(data["places"])


def save_corpus_map(out_dir: str | Path, path: str | Path, *, tiles: str | None = None) -> tuple[Path, int]:
    """Write the corpus map of *out_dir* as a self-contained HTML file at *path* (atomically): the page of
    :func:`build_corpus_map`, written without folium when there is no tile layer (:func:`geo.render.page_html`).
    Returns the path and the number of places. Raises ValueError when no partition is finished, OSError when
    *path* cannot be written."""
    title, with_tiles, places = _corpus_page(out_dir)
    write_atomic(path, page_html(title, with_tiles, "corpus.js", tiles=tiles))
    return Path(path), places
