"""Issue 22, costs that grow only with the work: the batch finishing step from per-partition partial tables,
partitions by characters, what the cold `geo map` path imports, and the indexes that keep a long article linear.
Each check compares against the plain way of computing the same thing (no timings here: those are `make bench`)."""

from __future__ import annotations

import ast
import json
import random
import shutil
import subprocess
import sys
from dataclasses import replace
from types import SimpleNamespace

import pytest
from geopy.distance import great_circle

from geo.batch import BatchArticle, partitions, read_table
from geo.gazetteer.index import _FORMER_KEY
from geo.resolve import MAYBE_KM, AnchorIndex, Context, HostIndex
from tests.fixtures import ROOT, SEED, corpus, geo_batch


def test_partitions_follow_characters_and_cap_the_count():
    texts = ["x" * 300] * 10 + ["y" * 5000] + [None] * 7 + ["z" * 300] * 3
    articles = [BatchArticle(f"a{i}", t, error=None if t else "bad") for i, t in enumerate(texts)]
    parts = partitions(articles, partition_size=4, partition_chars=1000)
    assert [a.id for p in parts for a in p] == [a.id for a in articles]  # input order, each once
    assert [len(p) for p in parts] == [3, 3, 3, 1, 1, 4, 4, 2]  # ≤ 1000 characters, ≤ 4 articles; 5000 alone
    assert [len(p) for p in partitions(articles, partition_size=1000, partition_chars=64_000)] == [21]
    with pytest.raises(ValueError):
        partitions(articles, partition_size=0)


def _finish_matches_the_whole_table_way(out, fmt: str) -> None:
    """The places table the run wrote (from partial tables) is the one a groupby over every mention writes."""
    suffix = {"parquet": ".parquet", "csv": ".csv"}[fmt]
    written = (out / f"places{suffix}").read_bytes()
    summary = json.loads((out / "summary.json").read_text())
    errors = (out / "errors.jsonl").read_text()
    assert summary["finish_seconds"] > 0
    assert summary["articles"] == len(read_table(out, "articles"))
    assert summary["mentions"] == len(read_table(out, "mentions")) > 0
    parts = sorted((out / "errors").glob("part-*.jsonl"))
    assert errors == "".join(p.read_text() for p in parts) and summary["errors"] == errors.count("\n") == 2
    # From the mention files, all at once, in a process of its own as a run is (pyproj's state in this test
    # process, after other tests, can change how the CRS is spelled in GeoParquet metadata).
    code = f"from geo.batch import write_places; print(write_places(__import__('pathlib').Path({str(out)!r}), {fmt!r}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert int(done.stdout) == summary["places"] > 3
    assert (out / f"places{suffix}").read_bytes() == written


def _corpus_map_data_is_that_of_whole_tables(out) -> None:
    """The corpus map reads only the columns it shows; its data is what reading every column gives."""
    from geo import corpus_map

    some = corpus_map.corpus_data(out)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(corpus_map, "ARTICLE_COLUMNS", None)
        patch.setattr(corpus_map, "MENTION_COLUMNS", None)
        whole = corpus_map.corpus_data(out)
    assert some == whole and len(whole["places"]) > 3 and any(p["about"] for p in whole["places"])
    # The page written without folium is the one folium renders.
    from geo.render import render_html

    written, _ = corpus_map.save_corpus_map(out, out.parent / "corpus.html")
    assert written.read_text(encoding="utf-8") == render_html(corpus_map.build_corpus_map(out)[0])
    read = read_table(out, "mentions", corpus_map.MENTION_COLUMNS)
    assert sorted(read.columns) == sorted(corpus_map.MENTION_COLUMNS)


@pytest.mark.slow
@pytest.mark.index
@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_the_finishing_step_writes_the_same_tables_fresh_and_resumed(tmp_path, fmt):
    source = corpus(tmp_path / "in.jsonl", 12, bad_lines=True)
    out = tmp_path / "out"
    args = [str(source), "-o", str(out), "--workers", "1", "--partition-size", "4", "--format", fmt, "-q"]
    assert geo_batch(*args).returncode == 1  # the two bad lines
    _finish_matches_the_whole_table_way(out, fmt)
    _corpus_map_data_is_that_of_whole_tables(out)
    places = next(out.glob("places.*")).read_bytes()
    # A rerun after a stop: two partitions to redo, the others read once from their files.
    for part in sorted((out / "articles").glob("part-*"))[1:3]:
        part.unlink()
    next(out.glob("places.*")).unlink()
    (out / "errors.jsonl").unlink()
    rerun = geo_batch(*args)
    assert rerun.returncode == 1 and "already done" in rerun.stderr
    assert next(out.glob("places.*")).read_bytes() == places
    _finish_matches_the_whole_table_way(out, fmt)
    # Another --partition-chars cuts other partitions: refused in one line (faults' fingerprint, "options" part).
    refused = geo_batch(*args, "--partition-chars", "1000")
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [
        f"geo: {out}: holds the output of {source} with another --format, --partition-size or --partition-chars; "
        "use a new output folder (resuming would mix old and new rows)"
    ]


def test_partition_chars_is_part_of_the_batch_fingerprint(tmp_path):
    from geo.batch import OutputInUse, _check_output, _fingerprint

    chunks = partitions([BatchArticle("a1", "Talks in Baku."), BatchArticle("a2", "Talks in Rome.")])
    before = _fingerprint(chunks, 1000, "parquet", 64_000)
    after = _fingerprint(chunks, 1000, "parquet", 32_000)
    assert {k for k in before if before[k] != after[k]} == {"options", "all"}
    manifest = {"source": "in.jsonl", "fingerprint": before["all"], "fingerprints": before}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    _check_output(tmp_path, before)  # the same options: resumes
    with pytest.raises(OutputInUse, match="another --format, --partition-size or --partition-chars;"):
        _check_output(tmp_path, after)


def _can_unshare_network() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


@pytest.mark.slow
@pytest.mark.index
@pytest.mark.skipif(not _can_unshare_network(), reason="needs a network namespace (unshare -rn)")
def test_the_in_process_fallback_finishes_from_partition_summaries_too(tmp_path):
    """Without loopback (faults' fallback, no Dask) the partitions' summaries still make the finishing step's
    tables, the same as the whole-table way."""
    source = corpus(tmp_path / "in.jsonl", 12, bad_lines=True)
    out = tmp_path / "out"
    done = subprocess.run(
        [
            "unshare",
            "-rn",
            sys.executable,
            "-m",
            "geo.cli",
            "batch",
            str(source),
            "-o",
            str(out),
            "--partition-size",
            "4",
            "-q",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr  # the two bad lines
    assert "parsing in this process instead" in done.stderr and "Traceback" not in done.stderr
    assert json.loads((out / "summary.json").read_text())["workers"] == 1
    _finish_matches_the_whole_table_way(out, "parquet")


@pytest.mark.slow
@pytest.mark.index
def test_the_map_path_imports_no_table_cluster_geocoder_or_folium_library(tmp_path):
    """A whole cold `geo map` (without tiles) in a fresh process: the page is written without folium, spaCy's
    command-line interface or wordfreq (the index holds its common English words)."""
    out = tmp_path / "seed.html"
    code = (
        "import sys\nfrom geo.cli import main\n"
        f"status = main(['map', {str(SEED)!r}, '-o', {str(out)!r}])\n"
        "print(status, ' '.join(sorted({m.split('.')[0] for m in sys.modules} | {m for m in sys.modules "
        "if m.startswith('spacy.cli')})))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    status, *loaded = done.stdout.split()
    assert status == "0" and out.stat().st_size > 0 and {"geo", "spacy"} <= set(loaded)
    unused = {
        "pandas",
        "geopandas",
        "pyarrow",
        "dask",
        "distributed",
        "geopy",
        "folium",
        "branca",
        "wordfreq",
    }
    assert not set(loaded) & (unused | {"spacy.cli", "spacy.cli.info", "typer", "weasel"})


def test_spacy_without_its_cli_still_has_its_info_and_cli():
    """`import_spacy` leaves spaCy whole: `spacy.info()` and `spacy.cli` (imported when first used) work as usual."""
    code = (
        "import sys\nfrom geo.lazy import import_spacy\nspacy = import_spacy()\n"
        "assert 'spacy.cli' not in sys.modules\n"
        "print(spacy.info()['spacy_version'])\nprint(spacy.cli.download.__module__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    version, module = done.stdout.split()
    assert version.startswith("3.") and module == "spacy.cli.download"


@pytest.mark.index
def test_common_english_words_from_the_index_are_wordfreqs_answers(gazetteer):
    """The index's copy of wordfreq's English list answers as wordfreq does: one word, several words (combined as
    1/f = 1/f1 + 1/f2), capitals, words at the Zipf-3 edge, words it does not hold, and what it leaves to wordfreq
    (apostrophes, digits, accents)."""
    from wordfreq import get_frequency_dict, zipf_frequency

    from geo.normalize import COMMON_WORD_ZIPF, common_in_english

    frequencies = get_frequency_dict("en")
    edge = [w for w, f in frequencies.items() if 0.9e-6 <= f <= 1.2e-6][:300]
    words = edge + random.Random(7).sample(sorted(frequencies), 2_000) + gazetteer.name_keys()[:2_000]
    words += [
        "Morwell",
        "Time",
        "Robertson",
        "new york",
        "police station",
        "kiev region",
        "o'neill",
        "l'aquila",
    ]
    words += ["x2", "sao paulo", "São Paulo", "St. Louis", "the globe", "ze ze ze", ""]
    common_in_english.cache_clear()
    answers = {w: common_in_english(w) for w in words}
    assert answers == {w: zipf_frequency(w, "en") >= COMMON_WORD_ZIPF for w in words}
    assert answers["Time"] and not answers["Morwell"] and sum(answers.values()) > 300


@pytest.mark.index
@pytest.mark.parametrize("tiles", [None, "osm"])
@pytest.mark.parametrize("mode", ["page", "embed", "png"])
def test_the_page_written_without_folium_is_the_one_folium_renders(seed_doc, mode, tiles):
    from geo.render import build_map, map_html, render_html

    assert map_html(seed_doc, mode=mode, tiles=tiles) == render_html(
        build_map(seed_doc, mode=mode, tiles=tiles)
    )


def test_the_worker_never_imports_the_batch_driver():
    """One-way flow: geo.batch → geo.worker (geo.worker names geo.batch for annotations only)."""
    tree = ast.parse((ROOT / "geo" / "worker.py").read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    imports = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("geo.batch")
        and id(node) not in typing_only
    ]
    assert imports == []


def test_anchor_index_says_what_measuring_every_anchor_says():
    rng = random.Random(22)
    anchors = [SimpleNamespace(lat=rng.uniform(-85, 85), lon=rng.uniform(-180, 180)) for _ in range(300)]
    anchors += [SimpleNamespace(lat=a.lat, lon=a.lon) for a in anchors[:50]]  # the same place named again
    anchors += [
        SimpleNamespace(lat=rng.uniform(-1, 1), lon=rng.uniform(179, 180)) for _ in range(20)
    ]  # date line
    index = AnchorIndex(anchors)  # type: ignore[arg-type]
    points = []
    for a in anchors[:200]:  # just inside and just outside MAYBE_KM of an anchor, any bearing
        for km in (MAYBE_KM - 0.01, MAYBE_KM + 0.01, MAYBE_KM * rng.uniform(0.2, 3)):
            p = great_circle(kilometers=km).destination((a.lat, a.lon), rng.uniform(0, 360))
            points.append((p.latitude, p.longitude))
    points += [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(200)]
    answers = []
    for lat, lon in points:
        every = any(great_circle((lat, lon), (a.lat, a.lon)).km <= MAYBE_KM for a in anchors)
        assert index.near(lat, lon) == every, (lat, lon)
        answers.append(every)
    assert 100 < sum(answers) < len(answers) - 100  # both answers well represented
    assert not AnchorIndex([]).near(0.0, 0.0)


def test_host_index_picks_what_scanning_every_host_picks(seed_doc):
    rng = random.Random(22)
    placed = [r for r in seed_doc.resolutions if r.place is not None]
    regions = Context(admin1={placed[0].place.admin1: frozenset({"x"})})
    for datelines in (0.0, 0.2):
        hosts = []
        for _ in range(400):  # many hosts, often several at one offset; datelines; sure and unsure readings
            r = rng.choice(placed)
            source = "dateline" if rng.random() < datelines else "ner"
            mention = replace(r.mention, start=rng.randrange(0, 2_000, 20), source=source)
            hosts.append(replace(r, mention=mention, score=rng.random()))
        for context in (Context(), regions):
            index = HostIndex(hosts, context)
            for _ in range(300):
                mention = replace(placed[0].mention, start=rng.randrange(0, 2_000, 10))
                said_at = rng.choice(hosts).mention.start
                for following in (
                    None,
                    SimpleNamespace(end=lambda at=said_at: at),
                    SimpleNamespace(end=lambda: -1),
                ):
                    scanned = min(range(len(hosts)), key=lambda i: index.key(i, mention, following))  # type: ignore[arg-type]
                    assert index.pick(mention, following) is hosts[scanned]  # type: ignore[arg-type]


@pytest.mark.index
def test_names_decided_one_at_a_time_are_the_whole_table_sets(gazetteer):
    """Strong and former names, decided per name by an indexed query (no whole-table scan at start-up), are the
    sets the whole-table queries give: every name of those sets is in, and of a sample of other names none."""
    con = gazetteer._con  # noqa: SLF001 — the same index, read the plain way
    strong = {
        key
        for (key,) in con.execute(
            "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place_id WHERE n.kind <= 1 AND ("
            "(p.fcode NOT LIKE 'PPL%' AND p.fcode != 'ADM2' AND "
            "(p.source != 'geonames dump' OR p.fcode IN ('PCLI', 'ADM1', 'CONT'))) "
            "OR (p.fcode LIKE 'PPL%' AND p.population >= 100000) "
            "OR (p.fcode = 'ADM2' AND n.kind = 0 AND instr(n.key, ' ') > 0))"
        )
    }
    strong = (strong - gazetteer.overrides.dropped) | set(gazetteer.overrides.places)

    def former(min_population: int, namesake_population: int) -> set[str]:
        alternate = {
            key
            for (key,) in con.execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place_id WHERE n.kind = 2 "
                "AND p.fcode LIKE 'PPL%' AND p.population >= ?",
                (min_population,),
            )
            if key.isascii() and _FORMER_KEY.fullmatch(key)
        }
        named = {
            key
            for (key,) in con.execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place_id WHERE n.kind <= 1 "
                "AND (p.fcode NOT LIKE 'PPL%' OR p.population >= ?)",
                (namesake_population,),
            )
        }
        return alternate - named - gazetteer.overrides.dropped

    formers = {(300_000, 100_000): former(300_000, 100_000), (1_000_000, 100_000): former(1_000_000, 100_000)}
    assert len(strong) > 30_000 and {"leningrad", "bombay", "breslau"} <= formers[300_000, 100_000]
    every = [key for (key,) in con.execute("SELECT DISTINCT key FROM names")]
    sample = (
        random.Random(22).sample(every, 20_000) + sorted(strong) + ["", "x y", "alma ata", "lourenco marques"]
    )
    sample += sorted(set().union(*formers.values()))
    assert [k for k in sample if k in gazetteer.strong_keys] == [k for k in sample if k in strong]
    for (population, namesakes), whole in formers.items():
        lazy = gazetteer.former_names(population, namesakes)
        assert [k for k in sample if k in lazy] == [k for k in sample if k in whole]


def test_one_country_shape_is_that_of_all_shapes_and_an_older_cache_is_carried_over(tmp_path):
    """`country_shape` parses one line of the cache; the shapes are those of `country_shapes`, and a data directory
    holding only the older one-object cache gets the per-line one from it (no rebuild from Natural Earth)."""
    from geo import boundaries
    from geo.settings import Settings, configure

    shapes = boundaries.country_shapes(0.05)
    assert len(shapes) > 200 and boundaries.country_shape("ZZ") is None
    assert all(boundaries.country_shape(iso) == shape for iso, shape in shapes.items())
    built = tmp_path / "data" / "built"
    built.mkdir(parents=True)
    older = {"FR": shapes["FR"], "NZ": shapes["NZ"]}
    (built / "country_shapes_0.5.json").write_text(json.dumps(older, separators=(",", ":")))
    try:
        configure(Settings.from_env({}, data_dir=tmp_path / "data"))
        assert boundaries.country_shapes(0.5) == older and boundaries.country_shape("NZ", 0.5) == shapes["NZ"]
    finally:
        configure(None)
        boundaries._shape_lines.cache_clear()  # noqa: SLF001 — the tolerance 0.5 lines came from tmp_path
        boundaries.country_shapes.cache_clear()
    assert (built / "country_shapes_0.5.jsonl").read_text().splitlines()[0].startswith('["FR",{')
