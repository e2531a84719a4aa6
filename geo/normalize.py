"""Name normalisation shared by the gazetteer build and lookups.

Both sides of a lookup go through :func:`normalize_name`, so "Nagorno-Karabakh", "nagorno karabakh",
"Nagorno–Karabakh" and "NAGORNO KARABAKH" meet in one key, as do "Côte d'Ivoire" and "Cote dIvoire".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_/"
_APOSTROPHES = "'\u2018\u2019\u02bc\u02bb`\u00b4"
_DASH_RE = re.compile(f"[{re.escape(_DASHES)}]")
_APOS_RE = re.compile(f"[{re.escape(_APOSTROPHES)}.]")
_SPACE_RE = re.compile(r"\s+")
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # "Ma\u200bdrid" is Madrid
_LATIN_RE = re.compile(r"^[a-z0-9 ,&()]+$")
# Abbreviations written both ways in place names: "St. Petersburg" / "Saint Petersburg", "Mt. Vernon", "Ft. Worth".
_ABBREVIATED_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


def strip_diacritics(text: str) -> str:
    """Remove combining marks: ``"Laçın"`` → ``"Lacin"``."""
    if text.isascii():  # ASCII decomposes to itself and has no combining marks: most names of English text
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=262_144)
def normalize_name(name: str) -> str:
    """Return the lookup key of a place name.

    >>> normalize_name("Nagorno–Karabakh")
    'nagorno karabakh'
    >>> normalize_name("U.S.")
    'us'
    """
    key = strip_diacritics(_INVISIBLE_RE.sub("", name)).casefold()
    key = key.replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("đ", "d").replace("ł", "l")
    key = _APOS_RE.sub("", key)
    key = _DASH_RE.sub(" ", key)
    words = _SPACE_RE.sub(" ", key).strip().split(" ")
    if len(words) > 1:
        words = [_ABBREVIATED_WORDS.get(w, w) for w in words[:-1]] + words[-1:]
    if words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def is_latin_key(key: str) -> bool:
    """True when a normalised key is written in the Latin alphabet (the only keys English text can match)."""
    return bool(key) and _LATIN_RE.match(key) is not None


COMMON_WORD_ZIPF = (
    3.0  # a word this frequent in English (Zipf scale: 3 = once per million words) is a word or a name
)


@lru_cache(maxsize=8192)
def english_zipf(word: str) -> float:
    """How common *word* is in English text, on the Zipf scale (log10 of uses per billion words: "time" 6.3,
    "Robertson" 3.9, "police" 5.3, "Morwell" 2.0, unseen 0): the ``wordfreq`` package's English list (web, news,
    books, subtitles; data CC BY-SA 4.0). Imported on first use (≈ 0.3 s with its first lookup)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))
