"""Our per-article work without spaCy's NER: `Geoparser.parse_many` over a corpus with NER's docs computed beforehand.

Every cache warm (as in the second pass of `make bench`), best of *repeats* passes, and the time inside
``Recognizer.recognize`` and ``Resolver.resolve``. The whole-pipeline ratio against bare NER (`make bench`) moves by
more than this part on a shared machine; this isolates it.

    PYTHONPATH=$PWD .venv/bin/python bench/our_work.py --corpus ../shared/eval/dev/lgl.jsonl
    PYTHONPATH=$PWD .venv/bin/python bench/our_work.py --short 5000   # one-paragraph articles cut from LGL
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.pipeline import Article, Geoparser  # noqa: E402


class _DocsOnce:
    """Stands in for the parser's spaCy pipeline: each piece of text is run through NER once, then its Doc kept."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.docs = nlp, {}
        self.pipe_names = nlp.pipe_names

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
        texts = list(texts)
        new = [t for t in texts if t not in self.docs]
        self.docs.update(zip(new, self.nlp.pipe(new, batch_size=32), strict=True))
        return (self.docs[t] for t in texts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "eval" / "dev" / "lgl.jsonl"))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument(
        "--short",
        type=int,
        metavar="N",
        help="N one-paragraph articles cut from the corpus (bench.short_texts)",
    )
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()]
    articles = [Article(str(r["id"]), r["text"]) for r in rows]
    if args.short:
        from bench import short_texts

        articles = [
            Article(f"s{i}", t) for i, t in enumerate(short_texts([r["text"] for r in rows], args.short))
        ]
    parser = Geoparser()
    parser.nlp = _DocsOnce(parser.nlp)  # type: ignore[assignment]
    list(parser.parse_many(articles))  # NER once, caches warm
    spent = {"recognize": 0.0, "resolve": 0.0}

    def timed(obj: Any, name: str) -> None:
        func = getattr(obj, name)

        def wrapper(*a: Any, **k: Any) -> Any:
            started = time.perf_counter()
            try:
                return func(*a, **k)
            finally:
                spent[name] += time.perf_counter() - started

        setattr(obj, name, wrapper)

    whole = float("inf")
    for _ in range(args.repeats):
        started = time.perf_counter()
        list(parser.parse_many(articles))
        whole = min(whole, time.perf_counter() - started)
    timed(parser.recognizer, "recognize")
    timed(parser.resolver, "resolve")
    best = dict.fromkeys(spent, float("inf"))
    for _ in range(args.repeats):
        spent.update(dict.fromkeys(spent, 0.0))
        list(parser.parse_many(articles))
        best = {k: min(best[k], spent[k]) for k in spent}
    print(
        f"{len(articles)} articles: parse_many without NER {whole:.2f} s (best of {args.repeats}); "
        f"recognize {best['recognize']:.2f} s, resolve {best['resolve']:.2f} s"
    )


if __name__ == "__main__":
    main()
