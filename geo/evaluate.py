"""`geo eval`: score the real pipeline against gold corpora in the shared JSONL format.

Recognition: precision / recall / F1 of predicted mentions against gold toponyms, by span overlap (one-to-one) and
by exact span. Resolution, over gold toponyms that have coordinates and were found: Acc@161 (right when the GeoNames
id equals the gold id, or the point lies within 161 km; where the gold has no id, a country answer is right when the
gold point lies inside that country), mean and median error in km, and the AUC of the log-error curve (0 best,
1 worst). End to end: recall@161 = gold toponyms found *and* placed right, over all gold toponyms with coordinates.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from geopy.distance import great_circle

from geo.model import Document, Resolution
from geo.pipeline import Article, Geoparser

_T = TypeVar("_T")

MAX_ERROR_KM = 20_039.0  # half the Earth's circumference: the error of a toponym found but not placed


@dataclass
class GoldToponym:
    """A gold toponym: character offsets [start, end) in the article text, its name, and its
    latitude/longitude in degrees and GeoNames id when the corpus gives them."""

    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: str | None


@dataclass
class GoldArticle:
    """A gold article: id, corpus name, text and its gold toponyms."""

    id: str
    corpus: str
    text: str
    toponyms: list[GoldToponym]


def _jsonl(path: str | Path, what: str, build: Callable[[dict, str], _T]) -> Iterator[_T]:
    """``build(record, "FILE:LINE")`` for each non-blank line of a JSONL file; a malformed line raises
    ``ValueError`` naming ``FILE:LINE`` and *what* it is not; an unreadable file raises ``OSError``."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield build(json.loads(line), where)
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{where}: not a {what} ({exc})") from exc


def read_gold(path: str | Path) -> Iterator[GoldArticle]:
    """The articles of a gold JSONL corpus (one ``{"id", "text", "toponyms": [{"start", "end", "name", "lat",
    "lon", "geonameid"}]}`` per line; blank lines skipped; corpus defaults to the file's stem). Raises
    ValueError naming the file and line for a malformed record, OSError for an unreadable file."""

    def article(record: dict, where: str) -> GoldArticle:
        toponyms = [
            GoldToponym(
                t["start"], t["end"], t["name"], t.get("lat"), t.get("lon"), t.get("geonameid") or None
            )
            for t in record["toponyms"]
        ]
        return GoldArticle(
            str(record["id"]), record.get("corpus") or Path(path).stem, record["text"], toponyms
        )

    return _jsonl(path, "gold article", article)


@dataclass
class Scores:
    """Counts of toponym recognition and resolution against gold, summed over articles: gold and predicted
    toponyms, overlap and exact matches, Acc@161 hits, errors in km, and (score, right within 161 km) pairs
    for calibration."""

    gold: int = 0
    predicted: int = 0
    matched_overlap: int = 0
    matched_pred_overlap: int = 0
    matched_exact: int = 0
    gold_with_coords: int = 0
    resolved: int = 0  # found gold toponyms with coordinates
    correct: int = 0
    errors_km: list[float] = field(default_factory=list)
    confidence: list[tuple[float, bool]] = field(default_factory=list)  # (score, right@161) per found toponym
    found: list[Resolution] = field(default_factory=list)  # … and its resolution (one document's; not pooled)

    def add(self, other: Scores) -> None:
        """Add another article's or corpus's counts, errors and confidences to these (the ``found``
        resolutions are not pooled)."""
        for name in ("gold", "predicted", "matched_overlap", "matched_pred_overlap", "matched_exact",
                     "gold_with_coords", "resolved", "correct"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors_km.extend(other.errors_km)
        self.confidence.extend(other.confidence)

    def summary(self) -> dict[str, float | int | None]:
        """The metrics as a dict: precision, recall and F1 by overlap, exact-span F1, Acc@161, mean and median
        error in km, AUC of log error, end-to-end recall@161, expected calibration error and the share wrong
        at score ≥ 0.9; None where undefined (no data)."""

        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        precision = ratio(self.matched_pred_overlap, self.predicted)
        recall = ratio(self.matched_overlap, self.gold)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else None
        exact_p, exact_r = ratio(self.matched_exact, self.predicted), ratio(self.matched_exact, self.gold)
        exact_f1 = round(2 * exact_p * exact_r / (exact_p + exact_r), 3) if exact_p and exact_r else None
        errors = sorted(self.errors_km)
        auc = (
            round(statistics.fmean(math.log1p(e) / math.log1p(MAX_ERROR_KM) for e in errors), 3)
            if errors
            else None
        )
        return {
            "articles_gold_toponyms": self.gold,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "exact_f1": exact_f1,
            "acc161": ratio(self.correct, self.resolved),
            "mean_km": round(statistics.fmean(errors), 1) if errors else None,
            "median_km": round(statistics.median(errors), 1) if errors else None,
            "auc": auc,
            "e2e_recall161": ratio(self.correct, self.gold_with_coords),
            "ece": expected_calibration_error(self.confidence),
            "wrong_at_90": wrong_share(self.confidence, 0.9),
        }


def expected_calibration_error(pairs: list[tuple[float, bool]], bins: int = 10) -> float | None:
    """ECE: the mean over 10 equal-width score bins of |mean score − share right|, weighted by the bin's size."""
    if not pairs:
        return None
    total = 0.0
    for b in range(bins):
        inside = [(s, ok) for s, ok in pairs if min(int(s * bins), bins - 1) == b]
        if inside:
            total += abs(
                statistics.fmean(s for s, _ in inside) - statistics.fmean(ok for _, ok in inside)
            ) * len(inside)
    return round(total / len(pairs), 3)


def wrong_share(pairs: list[tuple[float, bool]], threshold: float) -> float | None:
    """Share of wrong answers among those scored at least *threshold*."""
    high = [ok for s, ok in pairs if s >= threshold]
    return round(1 - statistics.fmean(high), 3) if high else None


def _is_correct(resolution: Resolution, gold: GoldToponym, error_km: float) -> bool:
    place = resolution.place
    if place is None:
        return False
    if gold.geonameid and place.geonameid and str(place.geonameid) == str(gold.geonameid):
        return True
    if error_km <= 161:
        return True
    if not gold.geonameid and place.is_country and gold.lat is not None and gold.lon is not None:
        from geo.boundaries import country_at

        return country_at(gold.lat, gold.lon) == place.country
    return False


def score_document(document: Document, gold: GoldArticle) -> Scores:
    """Score one parsed document against its gold article: each gold toponym matches the first unused
    prediction whose span overlaps it; matched toponyms with coordinates count their great-circle error in km
    and whether they are right (same GeoNames id, within 161 km, or the country)."""
    scores = Scores(gold=len(gold.toponyms), predicted=len(document.resolutions))
    predictions = sorted(document.resolutions, key=lambda r: r.mention.start)
    used: set[int] = set()
    for toponym in gold.toponyms:
        has_coords = toponym.lat is not None and toponym.lon is not None
        scores.gold_with_coords += has_coords
        match = None
        for i, r in enumerate(predictions):
            if i not in used and r.mention.start < toponym.end and toponym.start < r.mention.end:
                match = i
                break
        if match is None:
            continue
        used.add(match)
        resolution = predictions[match]
        scores.matched_overlap += 1
        scores.matched_exact += (resolution.mention.start, resolution.mention.end) == (
            toponym.start,
            toponym.end,
        )
        if not has_coords:
            continue
        scores.resolved += 1
        if resolution.place is None:
            error = MAX_ERROR_KM
        else:
            error = great_circle((resolution.place.lat, resolution.place.lon), (toponym.lat, toponym.lon)).km
        correct = _is_correct(resolution, toponym, error)
        scores.correct += correct
        scores.confidence.append((resolution.score, correct))
        scores.found.append(resolution)
        scores.errors_km.append(0.0 if correct and error > 161 else error)
    scores.matched_pred_overlap = len(used)
    return scores


def evaluate(
    paths: Iterable[str | Path], *, gold_spans: bool = False, parser: Geoparser | None = None
) -> dict[str, dict[str, Any]]:
    """Scores per corpus and pooled: ``{"lgl": {...}, "pooled": {...}}``."""
    parser = parser or Geoparser()
    per_corpus: dict[str, Scores] = {}
    pooled = Scores()
    for path in paths:
        articles = list(read_gold(path))
        inputs = (
            Article(a.id, a.text, spans=[(t.start, t.end) for t in a.toponyms] if gold_spans else None)
            for a in articles
        )
        for article, document in zip(articles, parser.parse_many(inputs), strict=True):
            scores = score_document(document, article)
            per_corpus.setdefault(article.corpus, Scores()).add(scores)
            pooled.add(scores)
    result = {name: s.summary() for name, s in per_corpus.items()}
    if len(per_corpus) > 1:
        result["pooled"] = pooled.summary()
    return result


COLUMNS = [
    ("e2e_recall161", "e2e recall@161"),
    ("f1", "F1 (overlap)"),
    ("precision", "P"),
    ("recall", "R"),
    ("exact_f1", "F1 (exact)"),
    ("acc161", "Acc@161"),
    ("mean_km", "mean km"),
    ("median_km", "median km"),
    ("auc", "AUC"),
    ("ece", "ECE"),
    ("wrong_at_90", "wrong at ≥0.9"),
    ("articles_gold_toponyms", "gold toponyms"),
]


def markdown_table(results: dict[str, dict[str, Any]], *, title: str) -> str:
    """A Markdown table of *results* (corpus → ``Scores.summary()``), one row per corpus with the ``COLUMNS``
    metrics ("–" for None), under a bold *title*."""
    lines = [f"**{title}**", "", "| corpus | " + " | ".join(h for _, h in COLUMNS) + " |"]
    lines.append("|---|" + "---|" * len(COLUMNS))
    for corpus, summary in results.items():
        cells = ["–" if summary[k] is None else str(summary[k]) for k, _ in COLUMNS]
        lines.append(f"| {corpus} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# -- the regression case sets (tests/cases/*.jsonl) ----------------------------------------------------------------


@dataclass
class Case:
    """One short case of a kind: places that must be found and placed within 161 km, names that must not be places.

    File format, one JSON object per line (offsets are derived, so cases are written by hand)::

        {"id": "…", "kind": "us_state_codes", "control": false, "text": "… Valdosta, Georgia …",
         "places": [{"name": "Georgia", "lat": 32.7, "lon": -83.4, "occurrence"?: 1, "geonameid"?: "…"}],
         "not_places": ["L.P.N.", {"name": "Ford", "occurrence": 2}]}
    """

    id: str
    kind: str
    control: bool
    text: str
    places: list[GoldToponym]
    not_places: list[GoldToponym]  # spans only (no point)


def _locate(
    text: str, name: str, occurrence: int, where: str, outside: Sequence[tuple[int, int]] = ()
) -> tuple[int, int]:
    """The span of the *occurrence*-th whole-word *name* in *text* ("Kayseri" is not the start of "Kayserispor"),
    or of its *occurrence*-th appearance anywhere when it never stands as a whole word; ``ValueError`` naming
    *where* when there is none. Appearances inside the *outside* spans (the case's non-places: "Montreal" in "Bank
    of Montreal … its head office in Montreal") are not counted, unless the name appears nowhere else."""
    pattern = re.compile(
        rf"(?<!\w){re.escape(name)}(?!\w)" if name[:1].isalnum() and name[-1:].isalnum() else ""
    )
    starts = [m.start() for m in pattern.finditer(text)] if pattern.pattern else []
    if not starts:
        starts = [m.start() for m in re.finditer(re.escape(name), text)]
    free = [s for s in starts if not any(a <= s and s + len(name) <= b for a, b in outside)]
    starts = free or starts
    if len(starts) < occurrence:
        raise ValueError(f"{where}: {name!r} (occurrence {occurrence}) is not in the text")
    start = starts[occurrence - 1]
    return start, start + len(name)


def read_cases(path: str | Path) -> Iterator[Case]:
    """Cases of a case file; a malformed line raises ``ValueError`` naming ``FILE:LINE``."""

    def case(record: dict, where: str) -> Case:
        text = record["text"]
        negatives = []
        for n in record.get("not_places", []):
            name, occurrence = (n, 1) if isinstance(n, str) else (n["name"], int(n.get("occurrence", 1)))
            negatives.append(GoldToponym(*_locate(text, name, occurrence, where), name, None, None, None))
        places = []
        for p in record.get("places", []):
            # a place not given its occurrence is its first appearance outside the case's non-places
            outside = (
                [] if "occurrence" in p else [(n.start, n.end) for n in negatives if n.name != p["name"]]
            )
            start, end = _locate(text, p["name"], int(p.get("occurrence", 1)), where, outside)
            gid = p.get("geonameid")
            places.append(
                GoldToponym(start, end, p["name"], float(p["lat"]), float(p["lon"]), gid and str(gid))
            )
        return Case(
            str(record["id"]), str(record["kind"]), bool(record.get("control")), text, places, negatives
        )

    return _jsonl(path, "case", case)


def case_failures(document: Document, case: Case) -> list[str]:
    """Why a case fails (empty when it passes): a place not found or placed over 161 km off, a non-place found (a
    non-place inside an expected place's name fails only by a mention short of the whole place)."""
    failures = []
    for span in case.places:
        found = [r for r in document.resolutions if r.mention.start < span.end and span.start < r.mention.end]
        if not found:
            failures.append(f"{span.name!r} not found")
            continue
        r = found[0]
        error = (
            MAX_ERROR_KM
            if r.place is None or span.lat is None or span.lon is None
            else great_circle((r.place.lat, r.place.lon), (span.lat, span.lon)).km
        )
        if not _is_correct(r, span, error):
            where = (
                f"{r.place.name}, {r.place.admin1 or r.place.country} ({r.place.fcode})"
                if r.place
                else "nowhere"
            )
            failures.append(f"{span.name!r} → {where}, {error:,.0f} km off")
    for span in case.not_places:
        # "Republic of Congo" inside "Democratic Republic of Congo": only a mention short of the whole place fails.
        around = [p for p in case.places if p.start <= span.start and span.end <= p.end and p != span]
        for r in document.resolutions:
            whole = any(r.mention.start <= p.start and p.end <= r.mention.end for p in around)
            if r.mention.start < span.end and span.start < r.mention.end and not whole:
                failures.append(
                    f"{span.name!r} is not a place, found {r.mention.text!r} ({r.mention.source})"
                )
                break
    return failures


def evaluate_cases(
    paths: Iterable[str | Path], *, parser: Geoparser | None = None
) -> tuple[dict[str, dict[str, Any]], list[tuple[Case, list[str]]]]:
    """Pass rates per kind (cases and controls apart) and every failing case with its reasons."""
    parser = parser or Geoparser()
    cases = [case for path in paths for case in read_cases(path)]
    tally: dict[str, dict[str, Any]] = {}
    failed = []
    documents = parser.parse_many(Article(c.id, c.text) for c in cases)
    for case, document in zip(cases, documents, strict=True):
        failures = case_failures(document, case)
        row = tally.setdefault(
            case.kind, {"cases": 0, "cases_passed": 0, "controls": 0, "controls_passed": 0}
        )
        key = "controls" if case.control else "cases"
        row[key] += 1
        row[f"{key}_passed"] += not failures
        if failures:
            failed.append((case, failures))
    total = {
        k: sum(row[k] for row in tally.values())
        for k in ("cases", "cases_passed", "controls", "controls_passed")
    }
    tally["all"] = total
    return tally, failed


def _cell(passed: int, n: int) -> str:
    return f"{passed}/{n} ({passed / n:.0%})" if n else "–"


def cases_table(tally: dict[str, dict[str, Any]]) -> str:
    """A markdown table of :func:`evaluate_cases`' pass rates: one row per kind, then "all"."""
    lines = ["| kind | cases passed | controls passed |", "|---|---|---|"]
    for kind, row in tally.items():
        cases, controls = (
            _cell(row["cases_passed"], row["cases"]),
            _cell(row["controls_passed"], row["controls"]),
        )
        lines.append(f"| {kind} | {cases} | {controls} |")
    return "\n".join(lines)


# -- article focus (geo.focus) against a focus gold ------------------------------------------------------------------


@dataclass(frozen=True)
class FocusGold:
    """The countries (ISO alpha-2) and admin-1 units (output codes, e.g. ``US-OR``) a reader would file an article
    under, any order; empty ``countries``: about nowhere in particular. File format, one JSON object per line::

        {"id": "gwn-13", "corpus": "geowebnews", "countries": ["VN", "RU"], "admin1": []}
    """

    id: str
    corpus: str
    countries: tuple[str, ...]
    admin1: tuple[str, ...]


def read_focus_gold(path: str | Path) -> dict[str, FocusGold]:
    """A focus gold by article id. Raises ``ValueError`` naming the line for a malformed one."""

    def gold(record: dict, where: str) -> FocusGold:
        return FocusGold(
            str(record["id"]), str(record["corpus"]), tuple(record["countries"]), tuple(record["admin1"])
        )

    return {g.id: g for g in _jsonl(path, "focus gold line", gold)}


@dataclass
class FocusScores:
    """Counts of article focus against gold, summed over articles: articles with a gold country or admin-1
    unit and those whose first (Acc@1) or first two (Acc@2) predicted ones are gold, and articles about
    nowhere whose predicted focus is empty."""

    countries: int = 0  # articles with a gold country
    country_at1: int = 0
    country_at2: int = 0
    admin1: int = 0  # articles with a gold admin-1 unit
    admin1_at1: int = 0
    admin1_at2: int = 0
    nowhere: int = 0  # articles labelled as about nowhere in particular
    nowhere_empty: int = 0  # … whose predicted focus is empty

    def add(self, gold: FocusGold, countries: list[str], admin1: list[str]) -> None:
        """Count one article: its gold focus and the predicted focus countries (ISO alpha-2) and admin-1 units
        (output codes, e.g. ``US-OR``), best first."""
        if gold.countries:
            self.countries += 1
            self.country_at1 += bool(countries) and countries[0] in gold.countries
            self.country_at2 += any(c in gold.countries for c in countries[:2])
        else:
            self.nowhere += 1
            self.nowhere_empty += not countries
        if gold.admin1:
            self.admin1 += 1
            self.admin1_at1 += bool(admin1) and admin1[0] in gold.admin1
            self.admin1_at2 += any(a in gold.admin1 for a in admin1[:2])

    def summary(self) -> dict[str, float | int | None]:
        """The focus metrics as a dict: article counts and country and admin-1 Acc@1 and Acc@2 (None when
        there is no gold article of that kind)."""

        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {
            "articles": self.countries + self.nowhere,
            "country_articles": self.countries,
            "country_acc1": ratio(self.country_at1, self.countries),
            "country_acc2": ratio(self.country_at2, self.countries),
            "admin1_articles": self.admin1,
            "admin1_acc1": ratio(self.admin1_at1, self.admin1),
            "admin1_acc2": ratio(self.admin1_at2, self.admin1),
            "nowhere_articles": self.nowhere,
            "nowhere_empty": self.nowhere_empty,
        }


def evaluate_focus(
    gold_path: str | Path, corpora: Iterable[str | Path], *, parser: Geoparser | None = None
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Score ``Document.focus`` against a focus gold, per corpus and pooled, and the gold ids no corpus holds.

    The texts (and titles) come from *corpora* (JSONL in the shared gold format, only the articles the focus gold
    names are parsed). Accuracy@1: the first focus country (admin-1 unit) is one of the gold's; @2: one of the first
    two is. Articles labelled as about nowhere count in ``nowhere_empty`` when their focus is empty.
    """
    parser = parser or Geoparser()
    gold = read_focus_gold(gold_path)
    per_corpus: dict[str, FocusScores] = {}
    pooled = FocusScores()
    seen: set[str] = set()
    for path in corpora:
        articles = []
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                if str(record.get("id")) in gold:
                    articles.append(Article(str(record["id"]), record["text"], record.get("title") or None))
        for document in parser.parse_many(articles):
            entry = gold[document.id]
            seen.add(entry.id)
            countries = [p.code for p in document.focus.countries]
            admin1 = [p.code for p in document.focus.admin1]
            per_corpus.setdefault(entry.corpus, FocusScores()).add(entry, countries, admin1)
            pooled.add(entry, countries, admin1)
    result = {name: s.summary() for name, s in per_corpus.items()}
    if len(per_corpus) > 1:
        result["pooled"] = pooled.summary()
    return result, sorted(set(gold) - seen)


FOCUS_COLUMNS = [
    ("country_acc1", "country acc@1"),
    ("country_acc2", "country acc@2"),
    ("country_articles", "articles with a country"),
    ("admin1_acc1", "admin-1 acc@1"),
    ("admin1_acc2", "admin-1 acc@2"),
    ("admin1_articles", "articles with an admin-1"),
    ("nowhere_empty", "about nowhere: empty focus"),
    ("nowhere_articles", "about nowhere"),
]


def focus_table(results: dict[str, dict[str, Any]]) -> str:
    """The focus scores as a markdown table, one row per corpus."""
    lines = ["**geo eval — focus**", "", "| corpus | " + " | ".join(h for _, h in FOCUS_COLUMNS) + " |"]
    lines.append("|---|" + "---|" * len(FOCUS_COLUMNS))
    for corpus, summary in results.items():
        cells = ["–" if summary[k] is None else str(summary[k]) for k, _ in FOCUS_COLUMNS]
        lines.append(f"| {corpus} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
