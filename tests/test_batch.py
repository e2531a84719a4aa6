"""`geo batch` on a real local Dask cluster: outputs, resumption after a kill, errors, the corpus map."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from geo.batch import read_table
from tests.fixtures import CITIES, GEO_BATCH, ROOT, corpus, geo_batch

pytestmark = [pytest.mark.slow, pytest.mark.index]  # Dask clusters and `geo batch` subprocesses


def test_batch_outputs_every_article_once_with_errors_reported(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 12, bad_lines=True)
    out = tmp_path / "out"
    done = geo_batch(
        str(source),
        "-o",
        str(out),
        "--workers",
        "1",
        "--partition-size",
        "5",
        "--map",
        str(tmp_path / "corpus.html"),
    )
    assert done.returncode == 1, done.stderr  # two bad lines: reported, not fatal
    assert "12 articles" in done.stderr and "2 errors" in done.stderr and "articles/s" in done.stderr
    articles = read_table(out, "articles")
    assert sorted(articles["article"]) == [f"a{i:03d}" for i in range(12)]
    mentions = read_table(out, "mentions")
    munich = mentions[mentions["text"] == "Munich"]
    assert set(munich["geonameid"]) == {2867714}
    assert set(munich["admin1_code"]) == {"DE-BY"} and set(munich["admin1"]) == {
        "Bayern"
    }  # admin-1 on every row
    assert (mentions["sentence"].str.len() > 0).all()
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert len(errors) == 2 and all("in.jsonl:" in e["error"] for e in errors)
    places = read_table(out, "places")
    baku = places[places["name"] == "Baku"].iloc[0]
    baku_titles = sum(1 for i in range(12) if CITIES[i % len(CITIES)] == "Baku")  # these name it twice more
    assert baku["articles"] == 12 and baku["mentions"] == 12 + 2 * baku_titles
    import geopandas as gpd

    frame = gpd.read_parquet(next((out / "mentions").glob("part-*.parquet")))
    assert frame.crs.to_epsg() == 4326 and frame.geometry.geom_type.isin(["Point"]).any()
    assert (tmp_path / "corpus.html").stat().st_size < 10_000_000


def test_a_killed_run_completes_on_rerun_with_each_article_exactly_once(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 60, long=True)
    out = tmp_path / "out"
    command = [*GEO_BATCH, str(source), "-o", str(out), "--workers", "1", "--partition-size", "2", "-q"]
    run = subprocess.Popen(
        command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 300
    while time.time() < deadline and len(list((out / "articles").glob("part-*"))) < 3:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)  # the driver and its Dask workers, mid-way
    run.wait()
    finished_before = len(list((out / "articles").glob("part-*.parquet")))
    assert 3 <= finished_before < 30, "the kill must land mid-way"
    rerun = geo_batch(str(source), "-o", str(out), "--workers", "1", "--partition-size", "2", "-q")
    assert rerun.returncode == 0, rerun.stderr
    assert "already done" in rerun.stderr
    articles = read_table(out, "articles")
    assert sorted(articles["article"]) == [f"a{i:03d}" for i in range(60)]  # all, each exactly once
    mentions = read_table(out, "mentions")
    assert not mentions.duplicated(["article", "start", "end"]).any()
    assert set(mentions["article"]) == set(articles["article"])
    assert not list(out.rglob("*.tmp"))


def _parsing_processes_of(pid: int) -> list[int]:
    """Process ids of `python -m geo.worker` children below *pid*."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        children = [
            int(c) for f in Path(f"/proc/{parent}").glob("task/*/children") for c in f.read_text().split()
        ]
        for child in children:  # (a child is listed under the thread that started it)
            todo.append(child)
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            if b"geo.worker" in cmdline:
                found.append(child)
    return found


def test_a_killed_parsing_process_loses_no_article(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 40, long=True)
    out = tmp_path / "out"
    command = [*GEO_BATCH, str(source), "-o", str(out), "--workers", "1", "--partition-size", "4", "-q"]
    run = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 300
    while time.time() < deadline and len(list((out / "articles").glob("part-*"))) < 2:
        time.sleep(0.05)
    victims = _parsing_processes_of(run.pid)
    assert len(victims) == 1, victims  # one parsing process per worker
    os.kill(victims[0], signal.SIGKILL)  # mid-partition: the worker retries it in a new parsing process
    _, stderr = run.communicate(timeout=600)
    assert run.returncode == 0, stderr
    assert "0 errors" in stderr
    articles = read_table(out, "articles")
    assert sorted(articles["article"]) == [f"a{i:03d}" for i in range(40)]
    mentions = read_table(out, "mentions")
    assert not mentions.duplicated(["article", "start", "end"]).any()


def test_the_parsing_process_has_one_thread_and_comes_back_after_a_kill():
    from geo.batch import BatchArticle
    from geo.worker import ParsingProcess, ParsingProcessDied

    process = ParsingProcess()
    try:
        assert process.call("threads") == 1  # glibc's single-thread locks: the reason it exists
        article = BatchArticle("x", "Officials met in Munich.")
        rows = process.call("parse", 0, [article])
        assert [m["geonameid"] for m in rows["mentions"]] == [2867714]
        assert rows["articles"][0]["article"] == "x" and rows["errors"] == []
        child = process._child
        assert child is not None
        child.kill()
        child.wait()
        with pytest.raises(ParsingProcessDied, match="exit code -9"):
            process.call("threads")
        assert process.call("parse", 1, [article])["mentions"][0]["text"] == "Munich"  # a new process
        with pytest.raises(RuntimeError, match="KeyError"):
            process.call("no such request")
        assert process.call("threads") == 1  # a failed request leaves the process serving
    finally:
        process.close()


def test_a_parsing_process_spawned_ahead_serves_the_first_call_and_closes_while_it_loads():
    from geo.worker import ParsingProcess

    process = ParsingProcess()
    process.spawn()  # what warm_worker does before its imports
    loading = process._loading
    assert loading is not None
    process.spawn()  # already started: no second child
    assert process._loading is loading
    process.close()  # before it is ready (a Ctrl-C during start-up): it ends, none is left behind
    assert loading.poll() is not None

    process = ParsingProcess()
    try:
        process.spawn()
        ahead = process._loading
        assert ahead is not None
        assert process.call("threads") == 1
        assert process._child is ahead  # the call waited for the child spawned ahead, it started no other
        assert process._loading is None
    finally:
        process.close()

    process = ParsingProcess()
    try:
        process.spawn()
        killed = process._loading
        assert killed is not None
        killed.kill()  # killed while it loads (the OOM killer): the next call starts another
        killed.wait()
        assert process.call("threads") == 1
        assert process._child is not None and process._child.pid != killed.pid
    finally:
        process.close()


def test_other_input_into_the_same_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    assert (
        geo_batch(str(corpus(tmp_path / "a.jsonl", 3)), "-o", str(out), "--workers", "1", "-q").returncode
        == 0
    )
    done = geo_batch(str(corpus(tmp_path / "b.jsonl", 4)), "-o", str(out), "--workers", "1", "-q")
    assert (
        done.returncode == 2 and "use a new output folder" in done.stderr and "Traceback" not in done.stderr
    )


def test_batch_of_a_folder_as_csv(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("Leaders met in Munich.\n", encoding="utf-8")
    (folder / "two.md").write_text("Talks went on in Baku.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    done = geo_batch(str(folder), "-o", str(out), "--workers", "1", "--format", "csv", "-q")
    assert done.returncode == 1 and "empty article" in (out / "errors.jsonl").read_text()
    assert sorted(read_table(out, "articles")["article"]) == ["one", "two"]
    assert (out / "places.csv").exists()


@pytest.mark.browser
def test_corpus_map_in_a_browser(tmp_path):
    from geo.corpus_map import save_corpus_map
    from tests.fixtures import CHROMIUM, FLAGS, Page

    source = corpus(tmp_path / "in.jsonl", 12)
    out = tmp_path / "out"
    assert geo_batch(str(source), "-o", str(out), "--workers", "1", "-q").returncode == 0
    path, places = save_corpus_map(out, tmp_path / "corpus.html")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = Page(browser, path)
        # A legend of the types present with readable names; counts say "1 article", never "1 articles".
        legend = page.page.locator(".geo-legend .geo-legend-row").all_inner_texts()
        assert any(row.strip().startswith("Capitals (") for row in legend), legend
        assert not any(row.strip().startswith("capital") for row in legend)
        assert "1 articles" not in page.page.locator("#geo-panel").inner_text()
        page.page.locator(".geo-top a", has_text="Baku").first.click()
        card = page.page.locator(".leaflet-popup .geo-card")
        card.wait_for(timeout=8000)
        assert "12 articles" in card.inner_text()
        assert card.locator("mark", has_text="Baku").count() >= 1
        hrefs = card.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert "https://example.org/a004" in hrefs and not any(h.startswith("javascript") for h in hrefs)
        assert "Day 4 in " in card.inner_text() and " · Example Wire · 2023-03-05" in card.inner_text()
        # Date filter: only the first three days of March.
        page.page.fill("#geo-to", "2023-03-03")
        page.page.dispatch_event("#geo-to", "change")
        page.page.locator(".leaflet-popup").wait_for(state="detached", timeout=5000)  # redraw closes it
        page.page.locator(".geo-top a", has_text="Baku").first.click()
        page.page.locator(".leaflet-popup .geo-card").wait_for(timeout=8000)
        assert (
            "3 articles in the date range (12 in all)"
            in page.page.locator(".leaflet-popup .geo-card").inner_text()
        )
        assert page.errors == [] and page.requests == []
        browser.close()


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(tmp_path):
    source = tmp_path / "in.jsonl"
    record = {
        "id": '=HYPERLINK("http://x")',
        "text": "Talks were held in Munich.",
        "title": "+SUM(A1)",
        "source": "@evil",
    }
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    done = geo_batch(str(source), "-o", str(out), "--workers", "1", "--format", "csv", "-q")
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.read_text(encoding="utf-8") for p in (out / "articles").glob("*.csv"))
    assert "'=HYPERLINK" in text and "'+SUM(A1)" in text and "'@evil" in text
    assert "\n=" not in text and ",=" not in text and ",+" not in text
    import csv

    rows = [row for p in (out / "mentions").glob("*.csv") for row in csv.DictReader(p.open(encoding="utf-8"))]
    assert [r["text"] for r in rows] == ["Munich"]
    assert abs(float(rows[0]["lat"]) - 48.14) < 0.1  # numbers stay numbers


def test_parse_csv_neutralises_formulas(parser):
    from geo.export import to_csv

    doc = parser.parse("=1+1 was said in Munich.", doc_id="@id")
    text = to_csv(doc)
    assert "'@id" in text and "\n@id" not in text
