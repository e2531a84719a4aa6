"""Online geocoding against a real HTTP server on 127.0.0.1 that answers in Nominatim's JSON format: geopy's real
Nominatim client talks to it. No in-process mocks."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.fixtures import run

pytestmark = [pytest.mark.slow, pytest.mark.index]  # `geo` subprocesses against a local HTTP server

KNOWN = {"Xyzzyville": (41.5, -81.7), "Qwertzburg": (50.1, 8.6)}


@pytest.fixture()
def nominatim():
    calls: list[tuple[float, str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 — http.server's name
            url = urlparse(self.path)
            query = parse_qs(url.query).get("q", [""])[0]
            calls.append((time.monotonic(), query, self.headers.get("User-Agent", "")))
            answer = []
            if url.path == "/search" and query in KNOWN:
                lat, lon = KNOWN[query]
                answer = [
                    {
                        "place_id": 1,
                        "lat": str(lat),
                        "lon": str(lon),
                        "display_name": f"{query}, Testland",
                        "class": "place",
                        "type": "town",
                        "address": {"country_code": "us"},
                    }
                ]
            body = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}", calls
    server.shutdown()


def _corpus(tmp_path: Path) -> Path:
    text = "Floods hit Xyzzyville and Qwertzburg, then Munich. Nothing reached Zzzqqq."
    spans = [
        [text.index(n), text.index(n) + len(n)] for n in ("Xyzzyville", "Qwertzburg", "Munich", "Zzzqqq")
    ]
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "t", "text": text, "spans": spans}) + "\n", encoding="utf-8")
    return path


def _parse(corpus: Path, domain: str, cache: Path, *extra: str):
    return run(
        "parse",
        "--jsonl",
        str(corpus),
        "--geocoder",
        "nominatim",
        "--geocoder-domain",
        domain,
        "--geocoder-scheme",
        "http",
        "--user-agent",
        "geo-tests",
        "--geocoder-cache",
        str(cache),
        *extra,
    )


def test_unknown_names_go_online_once_rate_limited_then_come_from_the_cache(nominatim, tmp_path):
    domain, calls = nominatim
    corpus, cache = _corpus(tmp_path), tmp_path / "cache.sqlite"
    done = _parse(corpus, domain, cache)
    assert done.returncode == 0, done.stderr
    mentions = {m["text"]: m for m in json.loads(done.stdout)["mentions"]}
    assert (mentions["Xyzzyville"]["lat"], mentions["Xyzzyville"]["lon"]) == KNOWN["Xyzzyville"]
    assert mentions["Qwertzburg"]["country"] == "US"
    assert mentions["Munich"]["geonameid"] == 2867714
    assert mentions["Zzzqqq"]["via"] == "nearby"  # not found online either: stays approximate, at Munich
    assert mentions["Xyzzyville"]["via"] == "geocoder" and mentions["Munich"]["via"] == "name"
    asked = [q for _t, q, _ua in calls]
    assert sorted(asked) == ["Qwertzburg", "Xyzzyville", "Zzzqqq"]  # Munich is known offline: never asked
    assert all(ua == "geo-tests" for _t, _q, ua in calls)
    times = [t for t, _q, _ua in calls]
    assert all(b - a >= 0.95 for a, b in zip(times, times[1:], strict=False))  # Nominatim: 1 request/s
    calls.clear()
    again = _parse(corpus, domain, cache)
    assert again.stdout == done.stdout
    assert calls == []  # every answer, "not found" too, came from the cache


def test_mode_all_asks_for_known_names_too(nominatim, tmp_path):
    domain, calls = nominatim
    done = _parse(
        _corpus(tmp_path), domain, tmp_path / "c.sqlite", "--geocoder-mode", "all", "--geocoder-delay", "0"
    )
    assert done.returncode == 0, done.stderr
    assert "Munich" in [q for _t, q, _ua in calls]


def test_nominatim_without_user_agent_is_refused(tmp_path):
    done = run("parse", "--jsonl", str(_corpus(tmp_path)), "--geocoder", "nominatim")
    assert done.returncode == 3 and "--user-agent" in done.stderr
