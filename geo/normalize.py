"""Name normalisation shared by the gazetteer build and lookups.

Both sides of a lookup go through :func:`normalize_name`, so "Nagorno-Karabakh", "nagorno karabakh",
"Nagorno–Karabakh" and "NAGORNO KARABAKH" meet in one key, as do "Côte d'Ivoire" and "Cote dIvoire".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

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
    key = key.replace("œ", "oe").replace("æ", "ae").replace("þ", "th")  # "Cœur d'Alene", "Ærø", "Þingvellir"
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
# wordfreq's frequencies of the English words that can reach COMMON_WORD_ZIPF (a little below it, for its rounding),
# read from the gazetteer index (table english_words, written by the index build from the same package): importing
# wordfreq and reading its whole list costs ≈ 0.2 s of a one-off command. A loader until first use; empty: ask wordfreq.
ENGLISH_WORDS_FLOOR = (
    0.99e-6  # frequency (share of words); the Zipf 3.0 of the rule is 1e-6 before wordfreq's rounding
)
TOWN_WORDS_FLOOR = (
    10**-6.5 * 0.99
)  # … and for one-word town names, down to Zipf 2.5 (:func:`zipf_in_english`)
_english_words: dict[str, float] | Callable[[], dict[str, float]] = {}
_PLAIN_WORDS = re.compile(r"[a-z]+(?: [a-z]+)*")


def use_english_words(loader: Callable[[], dict[str, float]]) -> None:
    """Read the English frequencies from *loader* (word → wordfreq frequency, every word of frequency
    ``ENGLISH_WORDS_FLOOR`` or more) on the first :func:`common_in_english` call, instead of importing wordfreq. The
    answers are the same either way; an empty table keeps wordfreq."""
    global _english_words
    _english_words = loader
    common_in_english.cache_clear()


@lru_cache(maxsize=8192)
def common_in_english(word: str) -> bool:
    """Whether *word* (one word or several) is at least as common in English text as ``COMMON_WORD_ZIPF`` on the
    Zipf scale (log10 of uses per billion words: "time" 6.3, "Robertson" 3.9, "police" 5.3 are; "Morwell" 2.0 and
    unseen words are not): the ``wordfreq`` package's English list (web, news, books, subtitles; data CC BY-SA 4.0),
    several words combined as wordfreq combines them (1/f = 1/f1 + 1/f2 …). Plain lower-case words are answered
    from the gazetteer index's copy of that list (:func:`use_english_words`); anything else, or without the copy,
    by wordfreq itself, imported on first use (≈ 0.2 s with its first lookup)."""
    global _english_words
    if callable(_english_words):
        _english_words = _english_words()
    key = word.casefold()
    if _english_words and _PLAIN_WORDS.fullmatch(key):
        one_over = 0.0
        for token in key.split(" "):
            frequency = _english_words.get(token)
            if frequency is None:
                return False  # rarer than the floor: so is any phrase holding it
            one_over += 1.0 / frequency
        return _zipf(1.0 / one_over) >= COMMON_WORD_ZIPF
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en")) >= COMMON_WORD_ZIPF


def zipf_in_english(word: str) -> float:
    """How common one plain word is in English on the Zipf scale (wordfreq's list, case folded): exact from the index's
    copy for words of Zipf 3 or more and for one-word town names of Zipf 2.5 or more (the index build keeps those:
    "gypsum" 2.93, "selkirk" 2.69); 0.0 for a rarer one ("navan"). Without the copy, wordfreq answers."""
    global _english_words
    if callable(_english_words):
        _english_words = _english_words()
    key = word.casefold()
    if _english_words and _PLAIN_WORDS.fullmatch(key) and " " not in key:
        frequency = _english_words.get(key)
        return _zipf(frequency) if frequency is not None else 0.0
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _zipf(frequency: float) -> float:
    """wordfreq's Zipf value of a frequency: rounded to 3 significant digits, then to hundredths of a Zipf unit."""
    rounded = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


@lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    """The list's lower-case words, kept only where the index's copy of wordfreq's list holds them too (Zipf ≥ 3,
    or a town's name): a few tens of thousands of words held, not the list's 236,000."""
    global _english_words
    from english_words import get_english_words_set

    if callable(_english_words):
        _english_words = _english_words()
    frequent = _english_words
    return frozenset(
        w for w in get_english_words_set(["web2"]) if w.islower() and (not frequent or w in frequent)
    )


def dictionary_word(word: str) -> bool:
    """Whether *word* in lower case is an English dictionary word written in lower case ("unity", "buffalo", "hub",
    "providence"; not "memphis", "sydney", "dallas", whose only entries are capitalised names): Webster's Second
    International's word list (public domain; the ``english-words`` package: ≈ 0.25 s and ≈ 40 MB passing on first use). Case matters
    here as it cannot in wordfreq's case-folded counts, where "dallas" is as common as "unity"."""
    return word.lower() in _dictionary_words()


SPELLING_SIMILARITY = 80  # rapidfuzz ratio (0–100) of two spellings of one name: "Valdai" and "Valday" (83)
CENSUS_SURNAME_RANK = 20_000  # surnames this common in the US census are a person's before a town's


@lru_cache(maxsize=1)
def census_given_names() -> frozenset[str]:
    """Every given name of the US census (1990; 5,494 names), title-cased — "Benito", "Tomas" — from the ``names``
    package's lists (public-domain census data)."""
    folder = resources.files("names")
    return frozenset(
        line.split()[0].title()
        for name in ("dist.male.first", "dist.female.first")
        for line in (folder / name).read_text(encoding="ascii").splitlines()
        if line.strip()
    )


@lru_cache(maxsize=1)
def census_names() -> frozenset[str]:
    """The ``CENSUS_SURNAME_RANK`` commonest surnames and every given name of the US census (1990; 5,494 given names),
    title-cased — "Kobayashi" (7,479th), "Pereira", "Villanueva", "Meredith" — from the ``names`` package's lists
    (public-domain census data). Rarer surnames are as often towns ("Shiloh" is the 54,257th)."""
    lines = (resources.files("names") / "dist.all.last").read_text(encoding="ascii").splitlines()
    surnames = {line.split()[0].title() for line in lines[:CENSUS_SURNAME_RANK] if line.strip()}
    return frozenset(surnames) | census_given_names()
