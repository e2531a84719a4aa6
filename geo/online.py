"""Optional online geocoding through geopy, for names the offline index does not know (or for all names).

Only ever used behind ``--geocoder SERVICE`` (or ``Geoparser(fallback=OnlineGeocoder(...))``): the resolver consults
it as its :class:`geo.resolve.Fallback` while it resolves a document, never after. Every answer, "nothing found"
included, is cached on disk (SQLite, keyed by service, endpoint and query), so a rerun makes no request; requests go
through geopy's ``RateLimiter`` with the service's published limit (Nominatim: one per second), and Nominatim requires
a ``--user-agent`` naming the caller.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import DataError
from geo.model import Candidate
from geo.settings import current

if TYPE_CHECKING:
    from geo.resolve import FallbackQuery

# Seconds between requests, from the services' usage policies; others default to DEFAULT_DELAY.
SERVICE_DELAY = {"nominatim": 1.0, "photon": 1.0, "arcgis": 0.2, "geonames": 0.5}
DEFAULT_DELAY = 1.0


@dataclass(frozen=True)
class OnlineSettings:
    """Options of the optional online geocoder: the geopy service name ("nominatim"…), which names to send
    (``mode``: "missing" or "all"), the user agent, the service's domain and scheme, the answer cache (SQLite
    path) and the minimum delay between requests in seconds (None: the service's default)."""

    service: str
    mode: str = (
        "missing"  # "missing": names with no offline place or only an approximate one; "all": every name
    )
    user_agent: str | None = None
    domain: str | None = None
    scheme: str | None = None
    cache: Path | None = None  # None: the settings' cache (geo.settings: data_dir/cache/geocoder.sqlite)
    delay: float | None = None


class OnlineGeocoder:
    """A geopy service wrapped with a disk cache and a rate limiter: the resolver's :class:`geo.resolve.Fallback`.

    *service*: a geopy geocoder object to ask (anything with geopy's ``geocode(query)`` returning a ``Location`` or
    None); default: the one ``settings.service`` names, built from the settings. Raises
    :class:`geo.errors.DataError` for a service geopy does not know, and for Nominatim without a user agent."""

    def __init__(self, settings: OnlineSettings, *, service: Any = None) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        self.settings = settings
        self.service = service if service is not None else _service(settings)
        delay = (
            settings.delay
            if settings.delay is not None
            else SERVICE_DELAY.get(settings.service, DEFAULT_DELAY)
        )
        self.geocode = RateLimiter(
            self.service.geocode, min_delay_seconds=delay, max_retries=1, swallow_exceptions=False
        )
        cache = settings.cache or current().geocoder_cache
        cache.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(cache)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS answers (service TEXT, endpoint TEXT, query TEXT, answer TEXT, at REAL, "
            "PRIMARY KEY (service, endpoint, query))"
        )
        self.requests = 0

    @property
    def _endpoint(self) -> str:
        return self.settings.domain or ""

    def lookup(self, query: str) -> dict[str, Any] | None:
        """``{"address", "lat", "lon", "raw"}`` for the query, from the cache or the service (None: not found)."""
        key = (self.settings.service, self._endpoint, query)
        row = self._db.execute(
            "SELECT answer FROM answers WHERE service = ? AND endpoint = ? AND query = ?", key
        ).fetchone()
        if row is not None:
            return json.loads(row[0])  # type: ignore[no-any-return]
        self.requests += 1
        location = self.geocode(query)
        answer = (
            None
            if location is None
            else {
                "address": location.address,
                "lat": location.latitude,
                "lon": location.longitude,
                "raw": location.raw,
            }
        )
        self._db.execute(
            "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)", (*key, json.dumps(answer), time.time())
        )
        self._db.commit()
        return answer

    def candidate(self, query: str) -> Candidate | None:
        """The service's answer for *query* as a gazetteer ``Candidate`` (a populated place, lat/lon in
        degrees, source "online SERVICE", a negative id that never clashes with the index), or None when the
        service finds nothing. Network and service errors are geopy's exceptions."""
        answer = self.lookup(query)
        if answer is None:
            return None
        raw = answer.get("raw") or {}
        geonameid = raw.get("geonameId") if isinstance(raw, dict) else None
        country = ""
        if isinstance(raw, dict):
            country = str(
                (raw.get("address") or {}).get("country_code") or raw.get("countryCode") or ""
            ).upper()
        return Candidate(
            id=-4_000_000_000 - zlib.crc32(f"{self.settings.service}:{query}".encode()),
            geonameid=int(geonameid) if geonameid else None,
            name=str(answer["address"]).split(",")[0] or query,
            fcode="PPL",
            country=country,
            admin1="",
            lat=float(answer["lat"]),
            lon=float(answer["lon"]),
            population=0,
            source=f"online {self.settings.service}",
            note=f"{self.settings.service}: {answer['address']}",
        )

    @property
    def every_toponym(self) -> bool:
        """True in mode "all": the resolver asks about every name, not only those the index cannot place."""
        return self.settings.mode == "all"

    def __call__(self, toponym: str, query: FallbackQuery) -> Candidate | None:
        """The :class:`geo.resolve.Fallback` call: the service's place for *toponym* (:meth:`candidate`)."""
        return self.candidate(toponym)

    def close(self) -> None:
        """Close the answer cache."""
        self._db.close()


def _service(settings: OnlineSettings) -> Any:
    """The geopy geocoder *settings* name, with their user agent, domain and scheme (10 s timeout)."""
    from geopy.geocoders import get_geocoder_for_service

    try:
        service_class = get_geocoder_for_service(settings.service)
    except Exception as exc:  # noqa: BLE001 — geopy raises its own ConfigurationError
        raise DataError(f"--geocoder {settings.service!r}: not a geopy service ({exc})") from exc
    if settings.service == "nominatim" and not settings.user_agent:
        raise DataError(
            "--geocoder nominatim needs --user-agent naming your application (Nominatim's policy)"
        )
    options: dict[str, Any] = {
        "user_agent": settings.user_agent or "geo (offline geoparser)",
        "timeout": 10,
    }
    if settings.domain:
        options["domain"] = settings.domain
    if settings.scheme:
        options["scheme"] = settings.scheme
    return service_class(**options)
