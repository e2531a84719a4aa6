"""The parsing process behind each `geo batch` worker: one thread, so spaCy runs at full speed.

A Dask worker process always runs several threads (its event loop, the task thread, heartbeats). spaCy's NER takes
and releases the GIL for every transition it checks (``PyGILState_Ensure`` in its transition system), and glibc skips
the atomic instructions of a lock only while a process has a single thread: in a process with a second, idle thread
the same NER runs ≈ 18 % slower (``perf``: ``pthread_mutex_lock``/``unlock`` under ``take_gil`` grow from 13 % to 32 %
of the samples). So a worker hands each partition to a child process that never starts a thread and never imports
pandas or pyarrow (whose import starts two): it loads the parser once, parses, and sends back the output rows; the
worker writes them. Requests and answers are pickles over the child's stdin/stdout.
"""

from __future__ import annotations

import gc
import os
import pickle
import resource
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:  # for annotations only: the flow is geo.batch → geo.worker, never back
    from geo.batch import BatchArticle
    from geo.settings import Settings

# Numerical libraries start a thread pool unless told not to; one thread is the point of this process.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class ParsingProcessDied(RuntimeError):
    """The parsing process ended while it held a request (killed, out of memory, crashed)."""


class ParsingProcess:
    """A child Python process that parses on request; started on first use, restarted after it dies. *settings*
    (default: the child's environment) are the first thing the child reads."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings
        self._child: subprocess.Popen[bytes] | None = None
        self._loading: subprocess.Popen[bytes] | None = None  # started by spawn(), not yet ready
        self._lock = threading.Lock()  # one request at a time, whatever the worker's thread count

    def spawn(self) -> None:
        """Start the parsing process now without waiting for it to load the parser (the next :meth:`call` waits),
        so the caller can do other work meanwhile; nothing if it is already started."""
        with self._lock:
            if self._child is None and self._loading is None:
                self._loading = self._spawn()

    def call(self, request: str, *args: Any) -> Any:
        """Send *request* with *args* to the parsing process (starting it if needed) and return its answer.
        Raises ParsingProcessDied if the process ends during the request (it is restarted on the next call),
        RuntimeError carrying the child's error otherwise."""
        with self._lock:
            child = self._child or self._start_with_retry()
            assert child.stdin is not None and child.stdout is not None
            try:
                pickle.dump((request, args), child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                child.stdin.flush()
                status, value = pickle.load(child.stdout)
            except (EOFError, BrokenPipeError, pickle.UnpicklingError) as exc:
                self._child = None
                code = child.wait()
                raise ParsingProcessDied(
                    f"the parsing process ended (exit code {code}) during {request!r}"
                ) from exc
        if status == "error":
            raise RuntimeError(f"in the parsing process: {value}")
        return value

    def close(self) -> None:
        """End the child: it exits once the pipes close; one still busy after 5 s (a Ctrl-C mid-partition) is
        killed rather than waited for."""
        with self._lock:
            child, self._child = self._child or self._loading, None
            self._loading = None
        if child is not None:
            assert child.stdin is not None and child.stdout is not None
            child.stdin.close()  # end of requests: the child exits
            child.stdout.close()  # and an answer nobody will read does not hold it up
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()

    def _start_with_retry(self, attempts: int = 3) -> subprocess.Popen[bytes]:
        """Start the child; one killed while it loads (the OOM killer, a user) is started again, up to
        *attempts* times in all."""
        for attempt in range(1, attempts + 1):
            try:
                return self._start()
            except ParsingProcessDied:
                if attempt == attempts:
                    raise
        raise AssertionError("unreachable")

    def _start(self) -> subprocess.Popen[bytes]:
        child, self._loading = self._loading or self._spawn(), None
        assert child.stdout is not None
        try:
            status, value = pickle.load(child.stdout)  # "ready" once the parser has loaded
        except EOFError as exc:
            raise ParsingProcessDied(f"the parsing process did not start (exit code {child.wait()})") from exc
        if status != "ready":
            child.kill()
            raise RuntimeError(f"the parsing process failed to start: {value}")
        self._child = child
        return child

    def _spawn(self) -> subprocess.Popen[bytes]:
        """The child process, started and sent its settings; it answers "ready" once its parser has loaded."""
        package_root = str(Path(__file__).resolve().parents[1])
        path = os.environ.get("PYTHONPATH")
        env = {**os.environ, "PYTHONPATH": package_root + (os.pathsep + path if path else "")}
        env.update({variable: "1" for variable in THREAD_VARIABLES})
        # glibc's own trimming: Dask's MALLOC_TRIM_THRESHOLD_=65536 (set for its workers) returns memory to the
        # system after every parse and costs spaCy ≈ 8 %.
        env.pop("MALLOC_TRIM_THRESHOLD_", None)
        child = subprocess.Popen(
            [sys.executable, "-m", "geo.worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        assert child.stdin is not None and child.stdout is not None
        try:
            pickle.dump(
                self.settings, child.stdin, protocol=pickle.HIGHEST_PROTOCOL
            )  # the child's settings, first
            child.stdin.flush()
        except BrokenPipeError as exc:
            raise ParsingProcessDied(f"the parsing process did not start (exit code {child.wait()})") from exc
        return child


_PROCESS: ParsingProcess | None = None


def parsing_process(settings: Settings | None = None) -> ParsingProcess:
    """This worker's parsing process (one per worker process), started with *settings* when it is new."""
    global _PROCESS
    if _PROCESS is None:
        _PROCESS = ParsingProcess(settings)
    return _PROCESS


# ---------------------------------------------------------------- the child

_PARSER: Any = None
# A place's fields in a mention row (geo.records.place_record; ``id`` becomes the row's ``place_id``).
PLACE_COLUMNS = ("id", "geonameid", "name", "feature", "country", "admin1", "admin1_code", "lat", "lon")


def worker_parser() -> Any:
    """The Geoparser of this process, loaded on first use (once per process, not per article)."""
    global _PARSER
    if _PARSER is None:
        from geo.pipeline import Geoparser

        _PARSER = Geoparser()
    return _PARSER


def parse_partition(number: int, articles: list[BatchArticle]) -> dict[str, Any]:
    """Parse one partition into its output rows: mentions, articles and errors (in the parsing process)."""
    from geo.export import focus_fields
    from geo.pipeline import Article
    from geo.records import place_record

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
            m = resolution.mention
            sentence = document.sentences[m.sentence]
            place = place_record(resolution.place, PLACE_COLUMNS)
            mention_rows.append(
                {
                    "article": a.id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "sentence": document.text[sentence.start : sentence.end].strip(),
                    "place_id": place.pop("id"),
                    **place,
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


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:  # not Linux
        return threading.active_count()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """Read the settings (a pickled :class:`geo.settings.Settings` or None), then answer requests until the worker
    closes the pipe (or dies)."""
    from geo.settings import configure

    handlers: dict[str, Callable[..., Any]] = {
        "parse": parse_partition,
        "threads": _threads,
        "rss_mb": _rss_mb,
    }
    try:
        configure(pickle.load(requests))
        worker_parser()
        # The model, vocabulary and tables just loaded live as long as this process: out of the cyclic garbage
        # collector's sight, its full collections no longer walk them (≈ 0.3 s per 5,000 short articles). The
        # loading's own garbage (≈ 800 objects in cycles) is collected first rather than kept for good (≈ 0.05 s).
        gc.collect()
        gc.freeze()
        pickle.dump(("ready", None), answers)
    except Exception:  # noqa: BLE001 — the worker shows why
        pickle.dump(("error", traceback.format_exc()), answers)
        return
    answers.flush()
    while True:
        try:
            request, args = pickle.load(requests)
        except EOFError:
            return
        try:
            answer = ("ok", handlers[request](*args))
        except Exception:  # noqa: BLE001 — a failed request is the worker's to report, the process lives on
            answer = ("error", traceback.format_exc())
        try:
            pickle.dump(answer, answers, protocol=pickle.HIGHEST_PROTOCOL)
            answers.flush()
        except BrokenPipeError:  # the worker is gone
            return


def main() -> None:
    """Entry point of the parsing process (``python -m geo.worker``): answer pickled requests on stdin with
    pickled answers on stdout until the pipe closes; stray prints go to stderr and Ctrl-C is left to the
    parent."""
    # Ctrl-C in a terminal reaches the whole process group: the worker that owns this process decides when it
    # ends (it closes the pipe), so a Ctrl-C shows no traceback from here.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not corrupt the answers
    serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
