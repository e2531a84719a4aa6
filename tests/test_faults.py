"""Faults and bad input (issue 21): every unusable input is named (``PATH: reason``) and the others processed;
encodings by byte-order mark with a per-byte fallback; binary files by signature; non-regular files refused without
hanging; option checks; temporary files beside the output; `geo batch` fingerprints, ids, Ctrl-C, no loopback,
a parsing process killed while it loads. Real files, real devices, real namespaces (``unshare``), no mocks."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import zipfile
import zlib
from pathlib import Path

import pytest

from geo.errors import InputError
from geo.text import MAX_ARTICLE_BYTES, decode_article, read_article
from tests.fixtures import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.index]  # `geo` subprocesses on bad inputs, batch runs

GEO = [sys.executable, "-m", "geo.cli"]
STORY = "Talks in Munich.\n\nOfficials met in Munich on Monday; later they flew to Baku.\n"


def geo(
    *args: str, timeout: float = 600, prefix: tuple[str, ...] = (), cwd: Path = ROOT, env: dict | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**(env or os.environ), "PYTHONPATH": str(ROOT)}  # this tree's geo, from any folder
    return subprocess.run(
        [*prefix, *GEO, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("geo: ")]


def can_unshare(*flags: str) -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", *flags, "true"], capture_output=True).returncode == 0


# ---------------------------------------------------------------- encodings and binary data


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_a_byte_order_mark_decides_the_encoding(encoding):
    text = "Talks in Zürich – and in Genève."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    read = decode_article(data, name="bom.txt")
    assert read.text == text and read.warnings == ()


def test_one_stray_byte_does_not_turn_utf8_into_cp1252():
    data = "Officials in Zürich and Genève met – said Müller".encode().replace("–".encode(), b"\x96")
    read = decode_article(data, name="stray.txt")
    assert read.text == "Officials in Zürich and Genève met – said Müller"
    assert read.warnings == (
        "stray.txt: invalid UTF-8 at byte 37; decoded as cp1252 where it is not UTF-8 (1 byte)",
    )


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    noise = random.Random(0).randbytes(64 * 64 * 3)  # a photo-like picture: it does not compress to NULs
    pixels = zlib.compress(b"".join(b"\x00" + noise[row * 192 : (row + 1) * 192] for row in range(64)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("photo.jpg", random.Random(1).randbytes(4000))
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, kind",
    [
        (_png(), "image/png"),
        (gzip.compress(random.Random(2).randbytes(4000)), "application/gzip"),
        (_zip(), "application/zip"),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + STORY.encode() * 20,
            "application/pdf",
        ),
    ],
    ids=["png", "gzip", "zip", "pdf"],
)
def test_binary_files_renamed_txt_are_refused_by_their_signature(data, kind):
    assert data.count(0) <= len(data[:8192]) // 10  # under the NUL rule: only the signature tells
    with pytest.raises(InputError, match=f"^x.txt: looks binary \\({kind}\\), not a text article$"):
        decode_article(data, name="x.txt")


def test_text_that_begins_like_a_signature_is_still_text():
    assert decode_article(b"FWS officials said the dam in Moab held.", name="fws.txt").text.startswith("FWS")


# ---------------------------------------------------------------- files that are not regular files


def test_a_fifo_without_a_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    done = geo("parse", str(fifo), timeout=120)  # before: waited forever in open()
    assert done.returncode == 1 and error_lines(done.stderr) == [f"geo: {fifo}: empty article"]


def test_a_device_is_refused():
    with pytest.raises(InputError, match="^/dev/zero: is a character device, not an article file$"):
        read_article("/dev/zero")


def test_a_pipe_over_the_limit_is_refused_and_one_under_it_read():
    def feed(data: bytes) -> str:
        reader, writer = os.pipe()

        def write() -> None:
            with os.fdopen(writer, "wb") as handle:
                try:
                    handle.write(data)
                except BrokenPipeError:  # the reader stopped at the limit
                    pass

        threading.Thread(target=write, daemon=True).start()
        try:
            return read_article(f"/dev/fd/{reader}").text
        finally:
            os.close(reader)

    assert feed(STORY.encode()) == STORY
    with pytest.raises(InputError, match=f"more than {MAX_ARTICLE_BYTES:,} bytes, over the article limit"):
        feed(b"Munich. " * (MAX_ARTICLE_BYTES // 8 + 10))


# ---------------------------------------------------------------- folders: every unusable entry named


def test_dangling_and_looping_symlinks_are_named_and_the_rest_mapped(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(STORY, encoding="utf-8")
    (articles / "dangling.txt").symlink_to("gone.txt")
    (articles / "loop.md").symlink_to("loop.md")
    done = geo("map", str(articles), "--out-dir", str(tmp_path / "maps"))
    assert done.returncode == 1
    assert error_lines(done.stderr) == [
        f"geo: {articles / 'dangling.txt'}: dangling symlink (to gone.txt), not an article",
        f"geo: {articles / 'loop.md'}: symlink loop, not an article",
    ]
    assert (tmp_path / "maps" / "good.html").exists()


def _as_nobody() -> tuple[str, ...]:
    """Run as an unprivileged user: root reads every file whatever its mode."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: no way to be refused a read")
    return ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")


def test_files_and_folders_it_may_not_read_are_named_and_the_rest_processed():
    prefix = _as_nobody()
    base = Path(tempfile.mkdtemp(prefix="geo-faults-"))
    env = {**os.environ, "HOME": str(base), "TMPDIR": str(base)}  # places the other user may write
    try:
        base.chmod(0o777)
        articles = base / "articles"
        (articles / "sub").mkdir(parents=True)
        for name in ("a.txt", "b.txt", "c.txt", "sub/d.txt"):
            (articles / name).write_text(STORY, encoding="utf-8")
        (articles / "b.txt").chmod(0)
        (articles / "sub").chmod(0)
        for path in (base, articles):
            path.chmod(0o777)
        done = geo("map", str(articles), "--out-dir", str(base / "maps"), prefix=prefix, env=env, cwd=base)
        assert done.returncode == 1, done.stderr
        assert error_lines(done.stderr) == [f"geo: {articles / 'b.txt'}: permission denied"]
        assert sorted(p.name for p in (base / "maps").iterdir()) == ["a.html", "c.html"]  # c after the bad b
        # geo batch reads a folder the same way (Dask itself will not start as another user here: its resource
        # tracker dies, so the input side is checked on its own).
        read = subprocess.run(
            [
                *prefix,
                sys.executable,
                "-c",
                "import sys, json; from geo.batch import read_inputs; "
                "print(json.dumps([[a.id, a.error] for a in read_inputs(sys.argv[1])]))",
                str(articles),
            ],
            capture_output=True,
            text=True,
            cwd=base,
            env={**env, "PYTHONPATH": str(ROOT)},
            timeout=120,
        )
        assert json.loads(read.stdout) == [
            ["sub", f"{articles / 'sub'}: permission denied"],
            ["a", None],
            ["b", f"{articles / 'b.txt'}: permission denied"],
            ["c", None],
        ], read.stderr
    finally:
        for path in base.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(base)


# ---------------------------------------------------------------- output files: names, disks, file systems


def test_a_long_input_name_needs_no_longer_temporary_name(tmp_path):
    article = tmp_path / f"{'a' * 240}.txt"
    article.write_text(STORY, encoding="utf-8")
    done = geo("map", str(article), "--out-dir", str(tmp_path / "maps"))
    assert done.returncode == 0, done.stderr
    assert [p.name for p in (tmp_path / "maps").iterdir()] == [f"{'a' * 240}.html"]  # and no temporary left


def _on_a_small_tmpfs(folder, size: str, command: str) -> subprocess.CompletedProcess[str]:
    """Run the shell *command* in a mount namespace where *folder* is a tmpfs of *size* (a full disk, for real)."""
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size={size} none {folder} && {command}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.skipif(not can_unshare("-rm"), reason="needs a mount namespace (unshare -rm) for a small tmpfs")
def test_a_full_disk_names_each_output_and_leaves_no_partial_file(tmp_path):
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text(STORY, encoding="utf-8")
    small = tmp_path / "small"
    small.mkdir()
    done = _on_a_small_tmpfs(
        small,
        "64k",
        f"{sys.executable} -m geo.cli map {tmp_path / 'one.txt'} {tmp_path / 'two.txt'} --out-dir {small}; "
        f"echo rc=$?; ls -A {small}",
    )
    assert error_lines(done.stderr) == [
        f"geo: {small / 'one.html'}: cannot write (no space left on device)",
        f"geo: {small / 'two.html'}: cannot write (no space left on device)",
    ]
    assert done.stdout.split() == ["rc=1"]  # exit 1 and nothing left in the folder


@pytest.mark.browser
def test_png_onto_another_file_system_than_tmpdir(tmp_path):
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("needs /dev/shm on another file system than the test folder")
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    with tempfile.TemporaryDirectory(dir=shm) as tmpdir:
        done = geo(
            "map",
            str(article),
            "--png",
            str(tmp_path / "map.png"),
            "--size",
            "400x300",
            env={**os.environ, "TMPDIR": tmpdir},
        )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png", "story.txt"]
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")


# ---------------------------------------------------------------- options


@pytest.mark.parametrize(
    "options, message",
    [
        (["--png", "out.jpg"], "--png 'out.jpg': the picture is a PNG; give a name ending in .png"),
        (
            ["--png", "out.png", "--size", "10x10"],
            "--size '10x10': expected WIDTHxHEIGHT, each 200 to 5000 pixels",
        ),
        (["--tiles", "nonsense"], "--tiles 'nonsense': give osm or a tile URL template"),
        (["--embed"], "--embed writes a fragment to paste elsewhere: give -o FILE (or --out-dir DIR)"),
        (["--overrides", "no-such-overrides.csv"], "--overrides no-such-overrides.csv: no such file"),
    ],
    ids=["png-extension", "size", "tiles", "embed-without-output", "overrides-missing"],
)
def test_bad_options_are_usage_errors_before_anything_is_written(tmp_path, options, message):
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    done = geo("map", str(article), *options, cwd=tmp_path)
    assert done.returncode == 2
    assert error_lines(done.stderr)[0].startswith(f"geo: {message}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_tile_attribution_is_text_not_html(parser):
    from folium import TileLayer

    from geo.render import build_map

    doc = parser.parse("Talks in Munich.")
    m = build_map(doc, tiles="https://<img src=x onerror=alert(1)>/{z}/{x}/{y}.png")
    layer = next(child for child in m._children.values() if isinstance(child, TileLayer))  # noqa: SLF001
    assert layer.options["attribution"] == "Map tiles: &lt;img src=x onerror=alert(1)&gt;"


def test_reverse_geocoding_a_bad_point_is_one_line():
    done = geo("geocode", "--reverse", "91, 200")
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1, (
        done.stderr
    )  # no geopy warning and path
    assert done.stderr.startswith("geo: '91, 200': not a point (")


# ---------------------------------------------------------------- JSONL: bad spans and ids named, the rest parsed


def test_bad_spans_and_ids_are_named_and_every_good_line_is_parsed(tmp_path):
    good = {"text": "Talks in Munich and Baku.", "spans": [[9, 15], [20, 24]]}
    bad = {
        2: {"spans": "9-15"},
        3: {"spans": {"start": 9}},
        4: {"spans": [[15, 9]]},
        5: {"spans": [[-1, 4]]},
        6: {"spans": [[9, 99]]},
        7: {"id": None},
        8: {"id": ""},
        9: {"id": "a\u0000b"},
        10: {"id": ["x"]},
    }
    lines = [json.dumps({**good, "id": f"g{n}", **bad.get(n, {})}) for n in range(1, 13)]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = geo("parse", "--jsonl", str(path))
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["g1", "g11", "g12"]
    errors = error_lines(done.stderr)
    assert [e.split(": ", 2)[1] for e in errors] == [f"{path}:{n}" for n in bad]
    assert errors[0].endswith('"spans" is "9-15"; give a list of [start, end] pairs')
    assert errors[3].endswith('"spans"[0] is [-1, 4]; give [start, end] with 0 <= start < end <= 25')
    assert errors[5].endswith('"id" is null; give a string or an integer, or leave it out')
    assert "Traceback" not in done.stderr


# ---------------------------------------------------------------- geo batch


def _batch_corpus(path: Path) -> Path:
    lines = [
        json.dumps(
            {"id": f"a{i}", "text": f"Talks in Munich on day {i}.", "title": f"Day {i}", "date": "2024-01-02"}
        )
        for i in range(6)
    ]
    lines[2] = json.dumps({"id": "own-id", "title": "no text here"})
    lines.insert(3, json.dumps({"id": None, "text": "Talks in Baku."}))
    lines.insert(4, json.dumps({"id": "", "text": "Talks in Baku."}))
    lines.insert(5, json.dumps({"id": "x\u0000y", "text": "Talks in Baku."}))
    lines.append(json.dumps({"id": 7, "text": "Talks in Baku."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_ids_are_lossless_or_refused_and_a_changed_rerun_is_refused(tmp_path):
    from geo.batch import read_table

    source = _batch_corpus(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    done = geo("batch", str(source), "-o", str(out), "--format", "geojson", "--workers", "1", "-q")
    assert done.returncode == 1, done.stderr
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["id"] for e in errors] == ["own-id", "line-4", "line-5", "line-6"]  # its own id when it has one
    assert sorted(read_table(out, "articles")["article"]) == ["7", "a0", "a1", "a3", "a4", "a5"]

    again = geo("batch", str(source), "-o", str(out), "--format", "geojson", "--workers", "1", "-q")
    assert again.returncode == 1 and "(1 already done)" in again.stderr  # the same input resumes

    retitled = tmp_path / "retitled.jsonl"
    retitled.write_text(source.read_text().replace('"Day 1"', '"Day one"'), encoding="utf-8")
    shutil.copy(retitled, source)
    refused = geo("batch", str(source), "-o", str(out), "--format", "geojson", "--workers", "1", "-q")
    assert refused.returncode == 2
    assert error_lines(refused.stderr) == [
        f"geo: {out}: holds the output of {source} with other articles (ids, texts, titles, dates, urls, sources or "
        "authors); use a new output folder (resuming would mix old and new rows)"
    ]
    _batch_corpus(source)  # the articles as they were, with other corrections
    overrides = tmp_path / "overrides.csv"
    overrides.write_text(
        "action,name,place_id,lat,lon,fcode,country,note\ndrop,Munich,,,,,,test\n", encoding="utf-8"
    )
    corrected = geo(
        "batch", str(source), "-o", str(out), "--format", "geojson", "--overrides", str(overrides)
    )
    assert corrected.returncode == 2
    assert error_lines(corrected.stderr)[0].endswith(
        f"{source} with another overrides file; use a new output folder (resuming would mix old and new rows)"
    )


def _children_running_worker(pid: int) -> list[int]:
    import psutil

    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    found = []
    for child in children:
        try:
            if "geo.worker" in " ".join(child.cmdline()):
                found.append(child.pid)
        except psutil.NoSuchProcess:
            continue
    return found


def test_a_parsing_process_killed_while_it_loads_is_started_again():
    from geo.worker import ParsingProcess

    process = ParsingProcess()
    answer: list[object] = []
    caller = threading.Thread(target=lambda: answer.append(process.call("threads")))
    caller.start()
    killed = None
    while killed is None and caller.is_alive():
        found = _children_running_worker(os.getpid())
        if found:
            killed = found[0]
            os.kill(killed, signal.SIGKILL)  # while it loads: it answers "ready" only once the model is in
    caller.join()
    try:
        assert killed is not None and answer == [1]
        assert process._child is not None and process._child.pid != killed  # noqa: SLF001
    finally:
        process.close()


@pytest.mark.skipif(not can_unshare("-rn"), reason="needs a network namespace (unshare -rn)")
def test_batch_without_loopback_networking_parses_in_process(tmp_path):
    articles = tmp_path / "articles"
    (articles / "2024").mkdir(parents=True)
    (articles / "story.txt").write_text(STORY, encoding="utf-8")
    (articles / "story.md").write_text(
        "# Rome\n\nTalks in Rome.\n", encoding="utf-8"
    )  # same stem: ids differ
    (articles / "2024" / "gone.txt").symlink_to("nowhere.txt")
    out = tmp_path / "out"
    done = geo("batch", str(articles), "-o", str(out), "-q", timeout=300, prefix=("unshare", "-rn"))
    assert done.returncode == 1, done.stderr
    assert "parsing in this process instead" in done.stderr and "Traceback" not in done.stderr
    from geo.batch import read_table

    assert sorted(read_table(out, "articles")["article"]) == ["story", "story.txt"]  # story.md came first
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert errors == [
        {
            "id": "2024/gone.txt",
            "error": f"{articles}/2024/gone.txt: dangling symlink (to nowhere.txt), not an article",
        }
    ]


def test_ctrl_c_is_one_line_and_the_rerun_completes(tmp_path):
    from geo.batch import read_table

    source = tmp_path / "in.jsonl"
    seed = (ROOT / "seeds" / "000_11479447b17c9ead.txt").read_text(encoding="utf-8")
    source.write_text(
        "".join(json.dumps({"id": f"a{i:03d}", "text": f"Day {i}.\n{seed}"}) + "\n" for i in range(96)),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    command = [*GEO, "batch", str(source), "-o", str(out), "--workers", "2", "--partition-size", "8"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen(
        command, cwd=ROOT, stderr=subprocess.PIPE, text=True, start_new_session=True, env=env
    )
    assert run.stderr is not None
    for line in run.stderr:  # the progress bar: partitions are being parsed
        if "articles/s" in line:
            break
    os.killpg(run.pid, signal.SIGINT)  # what a terminal sends the whole process group
    rest = run.stderr.read()
    assert run.wait(timeout=300) == 130
    said = [line for line in rest.splitlines() if not line.startswith("[")]  # progress lines may still come
    assert said == ["geo: interrupted; rerun the same command to resume"]
    rerun = subprocess.run([*command, "-q"], cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(read_table(out, "articles")["article"]) == [f"a{i:03d}" for i in range(96)]


@pytest.mark.parametrize("fmt", ["csv", "geojson", "parquet"])
@pytest.mark.parametrize(
    "ids",
    [["007", "1e3", "12"], ["nan", "NA", "null", "a\tb", "Zürich/2024", " lead"]],
    ids=["numbers", "words"],
)
def test_batch_tables_give_back_the_ids_they_were_given(tmp_path, fmt, ids):
    from geo.batch import _write_table, read_table

    rows = [
        {
            "article": i,
            "title": None,
            "source": None,
            "date": None,
            "author": None,
            "url": None,
            "language": None,
            "mentions": 0,
            "places": 0,
            "partition": 0,
        }
        for i in ids
    ]
    _write_table(rows, tmp_path / "articles" / "part-00000", fmt, point=False)
    assert list(read_table(tmp_path, "articles")["article"]) == ids


@pytest.mark.skipif(not can_unshare("-rm"), reason="needs a mount namespace (unshare -rm) for a small tmpfs")
def test_batch_onto_a_full_disk_is_one_line_that_names_the_folder(tmp_path):
    source = _batch_corpus(tmp_path / "in.jsonl")
    small = tmp_path / "small"
    small.mkdir()
    done = _on_a_small_tmpfs(
        small,
        "48k",
        f"{sys.executable} -m geo.cli batch {source} -o {small / 'out'} --workers 1 --partition-size 2 -q",
    )
    assert done.returncode == 1
    said = error_lines(done.stderr)
    assert len(said) == 1 and said[0].startswith(f"geo: {small / 'out'}"), done.stderr
    assert "no space left on device" in said[0] and "Traceback" not in done.stderr


def test_a_gather_dask_recovers_from_is_not_reported_but_other_client_warnings_are(caplog):
    import logging

    from geo.batch import drop_recovered_gathers

    drop_recovered_gathers()
    drop_recovered_gathers()  # once per process, however often a batch runs in it
    client_log = logging.getLogger("distributed.client")
    assert sum(type(f).__name__ == "_RecoveredGather" for f in client_log.filters) == 1
    with caplog.at_level(logging.WARNING, logger="distributed.client"):
        client_log.warning("Couldn't gather %s keys, rescheduling %s", 1, ("geo-part-1-b53d36a9",))
        client_log.warning("Scheduler at %s is gone", "tcp://127.0.0.1:8786")
    assert [r.getMessage() for r in caplog.records] == ["Scheduler at tcp://127.0.0.1:8786 is gone"]
