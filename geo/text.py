"""Reading articles, and the text structure the other stages rely on: title, dateline, sentences.

Offsets everywhere refer to the text as read: decoded, with CRLF and lone CR turned into LF; for a web page, its
main text as extracted (:mod:`geo.html_text`); for Markdown, its text without markup (:mod:`geo.markdown_text`).
Nothing else is changed, so U+FFFD, zero-width and RTL characters stay where they are.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geo.errors import InputError
from geo.html_text import extract_article, html_to_text, looks_like_html
from geo.markdown_text import markdown_to_text
from geo.model import ArticleMeta, Sentence

# A news article is tens of kilobytes. Up to this size an article is processed (NER in bounded pieces, see
# geo.pipeline.CHUNK_CHARS); past it, it is refused with this limit named: a 10 MB "article" is a scraping accident,
# would take minutes and make a map nobody can open.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


FORMATS = ("auto", "text", "html", "markdown")
_SUFFIX_FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
ARTICLE_SUFFIXES = tuple(_SUFFIX_FORMATS)  # matched case-insensitively: "STORY.TXT" is an article


@dataclass(frozen=True, slots=True)
class ReadText:
    """An article as read: its text (offsets refer to it), what it says about itself, and warnings to show.

    ``meta`` is ``None`` for plain text (the title may then be its first line, see :func:`find_title`); for a web
    page or Markdown it holds only what the page or front matter declares: a missing headline stays missing.
    """

    text: str
    warnings: tuple[str, ...] = ()
    meta: ArticleMeta | None = None
    format: str = "text"


def format_of(name: str) -> str:
    """The format a file name implies ("auto" when its suffix says nothing)."""
    return _SUFFIX_FORMATS.get(Path(name).suffix.lower(), "auto")


def decode_article(data: bytes, *, name: str = "<bytes>", format: str = "auto") -> ReadText:
    """Decode article bytes: UTF-8 (BOM tolerated), else cp1252 with a warning; CRLF normalised to LF; then read
    as *format* (``"auto"``: from the name's suffix, else HTML when it looks like a page, else plain text)."""
    warnings: list[str] = []
    if not data.strip():
        raise InputError(f"{name}: empty article")
    sample = data[:8192]
    if sample.count(b"\x00") > len(sample) // 10:
        raise InputError(f"{name}: looks binary (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        charset = _declared_charset(sample)
        if charset:  # a saved page in its declared encoding (ISO-8859-1, Shift_JIS, …) is as good as UTF-8
            text = data.decode(charset, errors="replace")
        else:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"{name}: invalid UTF-8 at byte {exc.start}; decoded as cp1252")
    return read_text(text, name=name, format=format, warnings=warnings)


_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _declared_charset(head: bytes) -> str | None:
    """The encoding a page declares in a ``<meta charset>`` (or ``content="…; charset=…"``), if Python knows it."""
    import codecs

    match = _META_CHARSET.search(head)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def read_text(text: str, *, name: str = "<text>", format: str = "auto", warnings: list[str] | None = None) -> ReadText:
    """Read a decoded article as *format* (see :func:`decode_article`); the one path every input takes."""
    if format not in FORMATS:
        raise ValueError(f"format {format!r}: choose one of {', '.join(FORMATS)}")
    warnings = list(warnings or [])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if format == "auto":
        format = format_of(name)
        if format in ("auto", "text"):
            format = "html" if looks_like_html(text) else "text"
    meta: ArticleMeta | None = None
    if format == "html":
        found = extract_article(text)
        if found is None:
            text = html_to_text(text)
            if not text.strip():
                raise InputError(f"{name}: HTML page with no readable text")
            warnings.append(f"{name}: no main article text found in the page; read all of its text instead")
            meta = ArticleMeta()
        else:
            text, meta = found
    elif format == "markdown":
        text, meta = markdown_to_text(text)
        if not text.strip():
            raise InputError(f"{name}: Markdown with no readable text")
    if meta is not None:
        text, meta = _without_lead_lines(text, meta)
    language = meta.language if meta is not None and meta.language else guess_language(text)
    warning = language_warning(language, name)
    if warning:
        warnings.append(warning)
    if meta is not None and meta.language is None and language:
        meta = replace(meta, language=language)
    return ReadText(text, tuple(warnings), meta, format)


def read_article(source: str | Path | bytes, *, name: str | None = None, format: str = "auto") -> ReadText:
    """Read an article from a file path or from bytes, as the CLI, ``geo batch`` and
    :meth:`geo.pipeline.Geoparser.parse_file` do. Raises :class:`InputError` with a one-line reason for unusable
    input. HTML pages give their main text and metadata, Markdown its text without markup.

    >>> read = read_article("tests/pages/national_weather.html")    # doctest: +SKIP
    >>> read.meta.source, read.meta.date, read.meta.author          # doctest: +SKIP
    ('The Daily Courier', '2026-11-12', 'Dana Whitfield')
    """
    if isinstance(source, bytes):
        if len(source) > MAX_ARTICLE_BYTES:
            raise InputError(
                f"{name or '<bytes>'}: {len(source):,} bytes is over the {MAX_ARTICLE_BYTES:,}-byte article limit"
            )
        return decode_article(source, name=name or "<bytes>", format=format)
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"{path}: {size:,} bytes is over the {MAX_ARTICLE_BYTES:,}-byte article limit")
    return decode_article(path.read_bytes(), name=name or str(path), format=format)


def is_article_file(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()


def folder_articles(folder: Path, *, recursive: bool = False) -> list[Path]:
    """The article files of a folder, sorted; an :class:`InputError` naming the folder when it has none."""
    found = sorted(p for p in (folder.rglob("*") if recursive else folder.iterdir()) if is_article_file(p))
    if not found:
        raise InputError(f"{folder}: no articles in this folder ({', '.join(ARTICLE_SUFFIXES)}, any case)")
    return found


def article_paths(inputs: list[str]) -> tuple[list[Path], list[str]]:
    """Article files named on the command line (a folder stands for its article files, sorted by name), and an
    error for each folder that holds none."""
    paths: list[Path] = []
    errors: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            try:
                paths.extend(folder_articles(path))
            except InputError as exc:
                errors.append(str(exc))
        else:
            paths.append(path)
    return paths, errors


# ---------------------------------------------------------------- what a page says besides its story

# "By Dana Whitfield", "BY ADA OBI, Staff Writer", "Written by …": a name after "By", short, not a sentence
# ("By noon, roads were shut." is the story).
_BYLINE = re.compile(r"^(?:By|BY|Written by|Words by)\s+[A-Z][^\n]{0,80}(?<![.!?])$")
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted)(?: on)?:?\s*)?"
    r"(?:\w+day,?\s+)?(?:\d{1,2}\s+\w+\.?\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:[ ,T]+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)


def _without_lead_lines(text: str, meta: ArticleMeta) -> tuple[str, ArticleMeta]:
    """Drop the headline, byline and date lines that open a page's text: the header shows them from the metadata.
    A byline or date found this way becomes the author or date when the metadata has none."""
    paragraphs = text.split("\n\n")
    author, date = meta.author, meta.date
    dropped = 0
    for paragraph in paragraphs[:4]:
        line = paragraph.strip()
        if meta.title and line.casefold() == meta.title.casefold():
            pass
        elif _BYLINE.match(line) and len(line.split()) <= 12:
            author = author or re.sub(r"^(?:By|BY|Written by|Words by)\s+", "", line)
        elif author and line.casefold() in (author.casefold(), f"by {author}".casefold()):
            pass
        elif _DATE_LINE.match(line):
            date = date or line
        else:
            break
        dropped += 1
    if not dropped or dropped == len(paragraphs):
        return text, meta
    return "\n\n".join(paragraphs[dropped:]), replace(meta, author=author, date=date)


def record_language_warning(record: dict[str, Any], meta: ArticleMeta | None, name: str) -> str | None:
    """The language warning for a JSONL record: its declared ``language``, else the light check of its text."""
    return language_warning(meta.language if meta and meta.language else guess_language(record["text"]), name)


def language_warning(language: str | None, name: str) -> str | None:
    """The warning for an article in another language than the NER model's (English), if it is one."""
    if not language or language.lower().startswith("en"):
        return None
    return (
        f"{name}: the article seems to be in another language ({language}); the NER model reads English, "
        "so places may be missed"
    )


# Function words that make up a quarter or more of any English news text and hardly occur in other languages.
_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on was with said by at as from it his her are were has have be an not this "
    "which who their they will after its but had been also".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """``"en"`` when the text reads like English, ``"not English"`` when it clearly does not, ``None`` when it is
    too short to say. A light check (the share of common English function words), enough to warn that the English
    NER model will miss places; not a language identifier."""
    words = _WORD.findall(text[:20_000].lower())
    if len(words) < 40:
        return None
    share = sum(w in _ENGLISH_WORDS for w in words) / len(words)
    return "en" if share >= 0.08 else "not English"


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


def record_meta(record: dict[str, Any]) -> ArticleMeta | None:
    """The metadata fields of a JSONL record (``title``, ``source``, ``date``, ``author``, ``url``, ``language``),
    or ``None`` when it has none (its title may then be read from its first line)."""
    fields = {
        name: " ".join(str(record[name]).split()) or None
        for name in ArticleMeta.FIELDS
        if record.get(name) not in (None, "")
    }
    return ArticleMeta(**fields) if fields else None


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
    """The first non-empty line, when it reads like a headline: short, followed by more text, and not a sentence
    (no final stop, unless title-cased: "… Discussions - State Dept."). A first paragraph is never made a title.

    >>> find_title("Storm Hits Tulsa\n\nRain fell."), find_title("Rain fell in Tulsa.\n\nMore rain.")
    ('Storm Hits Tulsa', None)
    """
    head, newline, rest = text.lstrip().partition("\n")
    head = head.strip()
    if not (newline and rest.strip() and 0 < len(head) <= 200):
        return None
    if re.search(r"[.!?][\"'”’)]*$", head) and not _title_cased(head):
        return None
    return head


def _title_cased(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


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
