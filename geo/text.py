"""Reading articles, and the text structure the other stages rely on: title, dateline, sentences.

Offsets everywhere refer to the text as read: decoded, with CRLF and lone CR turned into LF. Nothing else is
changed, so U+FFFD, zero-width and RTL characters stay where they are.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from geo.errors import InputError
from geo.html_text import html_to_text, looks_like_html
from geo.model import Sentence

# A news article is tens of kilobytes. Up to this size an article is processed (NER in bounded pieces, see
# geo.pipeline.CHUNK_CHARS); past it, it is refused with this limit named: a 10 MB "article" is a scraping accident,
# would take minutes and make a map nobody can open.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadText:
    text: str
    warnings: tuple[str, ...] = ()


def decode_article(data: bytes, *, name: str = "<bytes>") -> ReadText:
    """Decode article bytes: UTF-8 (BOM tolerated), else cp1252 with a warning; CRLF normalised to LF."""
    warnings: list[str] = []
    if not data.strip():
        raise InputError(f"{name}: empty article")
    sample = data[:8192]
    if sample.count(b"\x00") > len(sample) // 10:
        raise InputError(f"{name}: looks binary (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        warnings.append(f"{name}: invalid UTF-8 at byte {exc.start}; decoded as cp1252")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        text = html_to_text(text)
        if not text.strip():
            raise InputError(f"{name}: HTML page with no readable text")
    return ReadText(text, tuple(warnings))


def read_article(path: str | Path) -> ReadText:
    """Read an article file; raises :class:`InputError` with a one-line reason for unusable files."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"{path}: {size:,} bytes is over the {MAX_ARTICLE_BYTES:,}-byte article limit")
    return decode_article(path.read_bytes(), name=str(path))


ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def article_paths(inputs: list[str]) -> list[Path]:
    """Article files named on the command line; a folder stands for its article files, sorted by name."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            paths.extend(sorted(p for p in path.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.is_file()))
        else:
            paths.append(path)
    return paths


def jsonl_records(path: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, record, error) for each non-blank line of a JSONL file ("-": stdin).

    A record is an object with a ``"text"`` string within the article limit; lone surrogates (JSON escapes such as
    ``"\\ud800"``) in it become U+FFFD so it can always be written back as UTF-8. Anything else is an error.
    """
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="surrogateescape")  # noqa: SIM115
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError('each line needs an object with a "text" string')
                if len(record["text"].encode("utf-8", errors="surrogatepass")) > MAX_ARTICLE_BYTES:
                    raise ValueError(f'"text" is over the {MAX_ARTICLE_BYTES:,}-byte article limit')
                record["text"] = _without_surrogates(record["text"])
                yield number, record, None
            except ValueError as exc:
                yield number, None, str(exc)


def _without_surrogates(text: str) -> str:
    return (
        text.encode("utf-8", errors="surrogatepass").decode("utf-8", errors="replace")
        if any("\ud800" <= ch <= "\udfff" for ch in text)
        else text
    )


# ---------------------------------------------------------------- invisible characters

# Format characters that print as nothing but cut a word in two for NER and the gazetteer: soft hyphen, zero-width
# space / non-joiner / joiner, word joiner, BOM ("Ma\u200bdrid" is Madrid).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")


def strip_invisible(text: str) -> tuple[str, list[int] | None]:
    """*text* without invisible characters, and the offset in *text* of each offset of the result (one more entry
    for its end), or ``None`` when there was nothing to strip (the common case costs one regex search).

    >>> strip_invisible("Ma\u200bdrid")
    ('Madrid', [0, 1, 3, 4, 5, 6, 7])
    """
    if _INVISIBLE_RE.search(text) is None:
        return text, None
    offsets = [i for i, ch in enumerate(text) if ch not in INVISIBLE]
    offsets.append(len(text))
    return _INVISIBLE_RE.sub("", text), offsets


# ---------------------------------------------------------------- title and dateline

# "WASHINGTON (UrduPoint News / Sputnik - 20th March, 2023)", "KYIV, Ukraine (AP) —", "MOSCOW, March 20 (Reuters) -",
# and after a headline run into the text: "Council approves budget. HUDSON -- Officials …", "… FALLS VILLAGE—The board …"
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?] ))(?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3})"
    r"(?:,\s*(?P<parent>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}))?"
    r"(?=\s*(?:\(|-{1,2}\s|[–—]\s?|,\s*\w+\.?\s+\d))",
    re.MULTILINE,
)
_HEADLINE_CHARS = 300  # a dateline that does not open a line follows the headline, within this many characters


def find_title(text: str) -> str | None:
    """The first non-empty line, when it reads like a headline (short and followed by a line break)."""
    head, newline, _ = text.lstrip().partition("\n")
    head = head.strip()
    return head if newline and 0 < len(head) <= 200 else None


def _opens_line_or_follows_headline(text: str, start: int) -> bool:
    """At the start of a line, or right after the line's first sentence (its headline) near the top."""
    line = text.rfind("\n", 0, start) + 1
    head = text[line:start].rstrip()
    return not head or (start <= _HEADLINE_CHARS and not re.search(r"[.!?]\s", head))


def find_dateline(text: str) -> tuple[int, int] | None:
    """The (start, end) of the dateline place ("WASHINGTON") near the start of the article, if any."""
    for match in _DATELINE.finditer(text, 0, min(len(text), 4000)):
        place = match.group("place")
        if len(place.replace(".", "")) >= 3 and _opens_line_or_follows_headline(text, match.start()):
            return match.start("place"), match.end("place")
    return None


# ---------------------------------------------------------------- sentences

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "maj",
    "st",
    "mt",
    "ft",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "ave",
    "blvd",
    "rd",
    "dept",
    "est",
    "approx",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
    "u.n",
    "d.c",
    "a.m",
    "p.m",
    "calif",
    "tex",
    "fla",
    "wash",
    "mass",
    "pa",
    "va",
    "ga",
    "n.y",
    "n.j",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]\ufffd]*(?=\s+[\"'“‘(\[\ufffd]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences that tile the text (each ends where the next starts; whitespace stays with the sentence before).

    A line break always ends a sentence (news paragraphs, headlines and bylines have no final stop). A full stop
    after a known abbreviation ("Mr.", "Dept.", single initials) does not.
    """
    cuts: list[int] = []
    for match in re.finditer(r"\n+", text):
        cuts.append(match.end())
    for match in _BOUNDARY.finditer(text):
        # Look only at the few characters before the stop: searching from 0 would be quadratic on long texts.
        word = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        token = (word.group(1) if word else "").lower().rstrip(".")
        if match.group().startswith(".") and (token in _ABBREVIATIONS or len(token) == 1):
            continue
        end = match.end()
        while end < len(text) and text[end].isspace():
            end += 1
        cuts.append(end)
    sentences: list[Sentence] = []
    start = 0
    for cut in sorted(set(cuts)):
        if start < cut < len(text):
            sentences.append(Sentence(len(sentences), start, cut))
            start = cut
    sentences.append(Sentence(len(sentences), start, len(text)))
    return sentences
