"""Calibrated confidence: the probability that a resolution is right (within 161 km, Acc@161).

The resolver's softmax share says how a name's readings compare with each other, not how often the winner is right:
a lone reading gets 1.0 however doubtful the name. A logistic model over a few facts of each resolution (its share,
its lead in points over the runner-up, what kind of place won and how, which evidence spoke) turns that into a
probability. The model is fitted on the public dev corpora end to end (``make calibrate``; ``python -m
geo.calibration GOLD.jsonl…``), validated across corpora (fit on one, score the other) and shipped as
``geo/assets/calibration.json`` (coefficients only; no corpus text). Applying it is a dot product: no scikit-learn at
run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from geo.model import Resolution

MAX_MARGIN = 10.0  # the lead in points of a name's only reading (and the cap of the margin feature)
# A probability of this much or more is given only where the winning reading also holds this much of the resolver's
# softmax share: where readings still compete, the logistic model over-reads the other evidence (measured, 5-fold:
# LGL answers it put at ≥ 0.9 with a share under 0.9 were right 90.4 % of the time, not the 94.8 % it gave them).
SURE = 0.9


def capped(probability: float, share: float) -> float:
    """*probability* held just under ``SURE`` while the reading's softmax *share* is under it."""
    return min(probability, round(SURE - 0.001, 3)) if share < SURE else probability


FEATURES = (
    "logit_share",  # log-odds of the softmax share among the name's readings
    "margin",  # lead in points over the runner-up, capped at 10
    "alternatives",  # how many runners-up (0–4)
    "approximate",  # placed at a place the article names (via part or nearby)
    "country",
    "admin1",
    "town",
    "area",  # our curated seas, regions, corridors
    "alias",  # matched by an official name or alias …
    "alternate",  # … or by an alternate name
    "demonym",
    "text_matcher",  # found by the gazetteer text matcher, not by NER
    "dateline",
    "qualifier",  # "X, Y" said where it is
    "context",  # the article names its country or admin-1 unit elsewhere
    "admin1_context",  # … its admin-1 unit (stronger than its country alone)
    "proximity",  # points for nearness to the article's other places (0–3)
    "population",  # log10 of the population / 7
    "small_town",  # a town under 10,000 people
    "admin2",
    "runner_up",  # the runner-up's share
    "other_label",  # NER called it a person, organisation, … (not GPE/LOC/FAC)
    "all_caps",
)


def features(resolution: Resolution) -> list[float]:
    """The model's inputs for one resolution, in the order of ``FEATURES``."""
    place, evidence, mention = resolution.place, resolution.evidence, resolution.mention
    share = min(max(resolution.share or resolution.score, 1e-4), 1 - 1e-4)
    fcode = place.fcode if place else ""
    return [
        math.log(share / (1 - share)),
        min(resolution.margin, MAX_MARGIN),
        float(len(resolution.alternatives)),
        float(resolution.via != "name"),
        float(fcode == "PCLI"),
        float(fcode == "ADM1"),
        float(fcode.startswith("PPL")),
        float(place is not None and place.curated),
        float(place is not None and place.name_kind == 1),
        float(place is not None and place.name_kind == 2),
        float(mention.demonym_of is not None),
        float(mention.source == "gazetteer"),
        float(mention.source == "dateline"),
        float(evidence.get("qualifier", 0.0) > 0 or evidence.get("contains", 0.0) > 0),
        float(evidence.get("country_context", 0.0) > 0 or evidence.get("admin1_context", 0.0) > 0),
        float(evidence.get("admin1_context", 0.0) > 0),
        evidence.get("proximity", 0.0),
        math.log10((place.population if place else 0) + 1) / 7,
        float(fcode.startswith("PPL") and place is not None and place.population < 10_000),
        float(fcode == "ADM2"),
        resolution.alternatives[0][1] if resolution.alternatives else 0.0,
        float(mention.label not in ("GPE", "LOC", "FAC", "GAZ", "DATELINE", "GOLD")),
        float(mention.text.isupper() and len(mention.text) > 3),
    ]


@dataclass(frozen=True)
class Calibration:
    """A fitted logistic model: ``probability = 1 / (1 + exp(−(intercept + coef · features)))``."""

    coef: tuple[float, ...]
    intercept: float
    meta: dict

    def probability(self, resolution: Resolution) -> float:
        """The calibrated probability (0–1, three decimals) that *resolution* is right; 0 without a place."""
        if resolution.place is None:
            return 0.0
        z = self.intercept + sum(w * x for w, x in zip(self.coef, features(resolution), strict=True))
        share = resolution.share or resolution.score
        return capped(round(1 / (1 + math.exp(-max(min(z, 30.0), -30.0))), 3), share)


def config_fingerprint() -> str:
    """A short hash of the default resolver weights: a model fitted under other weights is stale."""
    import dataclasses
    import hashlib

    from geo.resolve import ResolverConfig

    config = ResolverConfig()
    fields = {
        f.name: (dict(v) if isinstance(v := getattr(config, f.name), Mapping) else v)
        for f in dataclasses.fields(config)
        if f.name not in ("off", "calibrated")
    }
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()[:12]


def _model_path() -> Path:
    return Path(str(resources.files("geo").joinpath("assets", "calibration.json")))


@lru_cache(maxsize=1)
def load_calibration() -> Calibration | None:
    """The shipped model, or None when there is none (scores are then the resolver's softmax shares)."""
    path = _model_path()
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None  # fitted for other features: refit with `make calibrate`
    return Calibration(tuple(data["coef"]), float(data["intercept"]), data.get("meta", {}))


# -- fitting (development only: scikit-learn) ----------------------------------------------------------------------


def collect(path: str | Path) -> tuple[list[list[float]], list[int], list[str]]:
    """Features and right@161 labels of every found gold toponym of a gold corpus, resolved end to end with
    uncalibrated scores; and each one's article id (folds keep an article's toponyms together)."""
    from geo.evaluate import read_gold, score_document
    from geo.pipeline import Article, Geoparser
    from geo.resolve import ResolverConfig

    parser = Geoparser(resolver_config=ResolverConfig(calibrated=False))
    articles = list(read_gold(path))
    x: list[list[float]] = []
    y: list[int] = []
    groups: list[str] = []
    for article, document in zip(
        articles, parser.parse_many(Article(a.id, a.text) for a in articles), strict=True
    ):
        scores = score_document(document, article)
        for resolution, (_, correct) in zip(scores.found, scores.confidence, strict=True):
            x.append(features(resolution))
            y.append(int(correct))
            groups.append(article.id)
    return x, y, groups


def fit(corpora: dict[str, tuple[list[list[float]], list[int], list[str]]]) -> tuple[dict, list[str]]:
    """Fit on every corpus together; report each corpus scored by a model fitted on the others."""
    from sklearn.linear_model import LogisticRegression

    from geo.evaluate import expected_calibration_error, wrong_share

    def model(names: list[str]) -> LogisticRegression:
        x = [row for n in names for row in corpora[n][0]]
        y = [label for n in names for label in corpora[n][1]]
        return LogisticRegression(C=1.0, max_iter=2000).fit(x, y)

    lines = ["| scored on | fitted on | found toponyms | ECE share → calibrated | wrong at ≥ 0.9 share → calibrated |",
             "|---|---|---|---|---|"]  # fmt: skip
    for held in corpora:
        others = [n for n in corpora if n != held]
        if not others:
            continue
        x, y, _ = corpora[held]
        raw = [1 / (1 + math.exp(-row[0])) for row in x]
        calibrated = model(others).predict_proba(x)[:, 1]
        before = list(zip(raw, map(bool, y), strict=True))
        after = [(capped(float(p), r), bool(label)) for p, r, label in zip(calibrated, raw, y, strict=True)]
        lines.append(
            f"| {held} | {', '.join(others)} | {len(y):,} | {expected_calibration_error(before)} → "
            f"{expected_calibration_error(after)} | {wrong_share(before, 0.9)} → {wrong_share(after, 0.9)} |"
        )
    # Pooled 5-fold cross-validation by article, reported per corpus: what the shipped model (fitted on all) does
    # on articles it has not seen.
    from sklearn.model_selection import GroupKFold

    x_all = [row for n in corpora for row in corpora[n][0]]
    y_all = [label for n in corpora for label in corpora[n][1]]
    corpus_of = [n for n in corpora for _ in corpora[n][1]]
    groups = [f"{n}/{g}" for n in corpora for g in corpora[n][2]]
    predicted = [0.0] * len(y_all)
    for train, test in GroupKFold(5).split(x_all, y_all, groups):
        fold = LogisticRegression(C=1.0, max_iter=2000).fit(
            [x_all[i] for i in train], [y_all[i] for i in train]
        )
        for i, p in zip(test, fold.predict_proba([x_all[i] for i in test])[:, 1], strict=True):
            predicted[i] = capped(float(p), 1 / (1 + math.exp(-x_all[i][0])))
    for held in corpora:
        pairs = [(predicted[i], bool(y_all[i])) for i in range(len(y_all)) if corpus_of[i] == held]
        shares = [
            (1 / (1 + math.exp(-x_all[i][0])), bool(y_all[i]))
            for i in range(len(y_all))
            if corpus_of[i] == held
        ]
        lines.append(
            f"| {held} | all (5-fold) | {len(pairs):,} | {expected_calibration_error(shares)} → "
            f"{expected_calibration_error(pairs)} | {wrong_share(shares, 0.9)} → {wrong_share(pairs, 0.9)} |"
        )
    final = model(list(corpora))
    data = {
        "features": list(FEATURES),
        "coef": [round(float(c), 5) for c in final.coef_[0]],
        "intercept": round(float(final.intercept_[0]), 5),
        "meta": {
            "fitted_on": {n: len(corpora[n][1]) for n in corpora},
            "model": "LogisticRegression(C=1.0)",
            "resolver_config": config_fingerprint(),
        },
    }
    return data, lines


def main(argv: list[str] | None = None) -> int:
    """Command line of ``python -m geo.calibration``: fit the confidence calibration on the gold JSONL corpora
    in *argv* (one corpus per file) and write the model as JSON (``-o``, default the shipped model file);
    prints the fit's report. Returns the exit status 0; a bad gold file raises ``ValueError``, an unreadable
    one ``OSError``."""
    import argparse

    parser = argparse.ArgumentParser(description="fit the confidence calibration on gold corpora")
    parser.add_argument("gold", nargs="+", help="gold JSONL corpora (one corpus per file)")
    parser.add_argument("-o", "--output", default=str(_model_path()), help="model file to write")
    args = parser.parse_args(argv)
    corpora = {Path(p).stem: collect(p) for p in args.gold}
    data, lines = fit(corpora)
    Path(args.output).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
