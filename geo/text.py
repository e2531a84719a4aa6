"""Reading articles, and the text structure the other stages rely on: title, dateline, sentences.

Offsets everywhere refer to the text as read: decoded, with CRLF and lone CR turned into LF; for a web page, its
main text as extracted (:mod:`geo.html_text`); for Markdown, its text without markup (:mod:`geo.markdown_text`).
Nothing else is changed, so U+FFFD, zero-width and RTL characters stay where they are.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import chain
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
_SUFFIX_FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
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
    """Decode article bytes, then read them as *format* (``"auto"``: from the name's suffix, else HTML when it
    looks like a page, else plain text); CRLF and lone CR become LF.

    The encoding: a byte-order mark's (UTF-8, UTF-16, UTF-32); else UTF-8 when the bytes are valid UTF-8; else
    the ``<meta charset>`` a saved page declares; else UTF-8 with each byte that is not UTF-8 read as cp1252 (a
    warning names the first): one stray byte does not turn the rest of a UTF-8 article into mojibake, and a
    wholly cp1252 article reads as cp1252. Raises :class:`InputError` for empty input and for binary data (a
    known file signature such as PNG, gzip, zip or PDF, NUL bytes, or control bytes).
    """
    warnings: list[str] = []
    bom = _byte_order_mark(data)
    if bom is not None:
        mark, encoding = bom
        text = data[len(mark) :].decode(encoding, errors="replace")
    else:
        if not data.strip():
            raise InputError(f"{name}: empty article")
        sample = data[:8192]
        binary = _binary_kind(sample)
        if binary:
            raise InputError(f"{name}: looks binary ({binary}), not a text article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            charset = _declared_charset(sample)
            if (
                charset
            ):  # a saved page in its declared encoding (ISO-8859-1, Shift_JIS, …) is as good as UTF-8
                text = data.decode(charset, errors="replace")
            else:
                text, stray = _utf8_with_cp1252_bytes(data)
                warnings.append(
                    f"{name}: invalid UTF-8 at byte {exc.start}; decoded as cp1252 where it is not UTF-8 "
                    f"({stray:,} byte{'' if stray == 1 else 's'})"
                )
    if not text.strip():
        raise InputError(f"{name}: empty article")
    return read_text(text, name=name, format=format, warnings=warnings)


# Longest first: the UTF-32LE mark begins with the UTF-16LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _byte_order_mark(data: bytes) -> tuple[bytes, str] | None:
    return next(((mark, encoding) for mark, encoding in _BYTE_ORDER_MARKS if data.startswith(mark)), None)


# C0 control bytes that no text article holds (tab, LF, VT, FF, CR and ESC are left out).
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 11, 12, 13, 27))


def _binary_kind(sample: bytes) -> str | None:
    """What makes the first bytes of a file binary rather than text, or ``None`` for text.

    A file signature known to ``filetype`` (PNG, JPEG, gzip, zip, PDF, …) counts only when the bytes are not
    plain text as well (control bytes or invalid UTF-8 among them): an article may begin with "FWS" or "ID3",
    which are also signatures. NUL bytes over 10 % of the sample, or control bytes over 1 %, are binary too.
    """
    import filetype

    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    kind = filetype.guess(sample)
    if kind is not None and (controls or not _is_utf8_prefix(sample)):
        return f"{kind.mime}"
    if sample.count(0) > len(sample) // 10:
        return "NUL bytes"
    if controls > len(sample) // 100:
        return "control bytes"
    return None


def _is_utf8_prefix(sample: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(
            sample, final=False
        )  # a cut character at the end is fine
    except UnicodeDecodeError:
        return False
    return True


# Bytes that are not UTF-8, as Python's "surrogateescape" error handler keeps them (U+DC80 + the byte).
_STRAY_BYTE = re.compile("[\udc80-\udcff]")


def _utf8_with_cp1252_bytes(data: bytes) -> tuple[str, int]:
    """*data* as UTF-8 with each byte that is not UTF-8 read as cp1252 (U+FFFD for its five unused bytes), and
    how many such bytes there were."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = 0

    def as_cp1252(match: re.Match[str]) -> str:
        nonlocal stray
        stray += 1
        return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", errors="replace")

    return _STRAY_BYTE.sub(as_cp1252, escaped), stray


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


def read_text(
    text: str, *, name: str = "<text>", format: str = "auto", warnings: list[str] | None = None
) -> ReadText:
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
    return decode_article(read_bytes(path, name=name), name=name or str(path), format=format)


_READ_CHUNK = 1 << 20


def read_bytes(path: str | Path, *, name: str | None = None) -> bytes:
    """The bytes of an article file, at most :data:`MAX_ARTICLE_BYTES`. Raises :class:`InputError` naming it
    (``PATH: reason``) for what cannot be an article: a directory, a device such as ``/dev/zero``, a socket, a
    dangling or looping symlink, a file it may not read, and anything over the limit. A pipe (``<(cat a.txt)``,
    a FIFO) is read up to the limit; a FIFO that nobody writes to reads as empty instead of waiting forever."""
    path = Path(path)
    name = name or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a FIFO without a writer must not block
    except OSError as exc:
        raise InputError(f"{name}: {os_reason(path, exc)}") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a directory, not an article")
        if stat.S_ISREG(info.st_mode):
            if info.st_size > MAX_ARTICLE_BYTES:
                raise InputError(
                    f"{name}: {info.st_size:,} bytes is over the {MAX_ARTICLE_BYTES:,}-byte article limit"
                )
        elif stat.S_ISFIFO(info.st_mode):
            os.set_blocking(fd, True)
        else:
            kind = (
                "a character device"
                if stat.S_ISCHR(info.st_mode)
                else "a block device"
                if stat.S_ISBLK(info.st_mode)
                else "a socket"
                if stat.S_ISSOCK(info.st_mode)
                else "not a regular file"
            )
            raise InputError(f"{name}: is {kind}, not an article file")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_ARTICLE_BYTES:
            chunk = os.read(fd, _READ_CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"{name}: {os_reason(path, exc)}") from exc
    finally:
        os.close(fd)
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"{name}: more than {MAX_ARTICLE_BYTES:,} bytes, over the article limit")
    return b"".join(chunks)


def os_reason(path: Path, exc: OSError) -> str:
    """A short reason for an :class:`OSError` on *path*: "dangling symlink to X", "symlink loop", "permission
    denied", else the system's own words ("No space left on device")."""
    import errno

    if exc.errno == errno.ELOOP:
        return "symlink loop, not an article"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"dangling symlink (to {os.readlink(path)}), not an article"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read ({(exc.strerror or str(exc)).lower()})"


def is_article_file(path: Path) -> bool:
    """True if *path* is an existing file with an article suffix (``ARTICLE_SUFFIXES``: .txt, .md, .html…, any
    case)."""
    return path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()


def scan_folder(folder: Path, *, recursive: bool = False) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The article files of a folder (sorted), and (path, reason) for each thing in it that cannot be read: the folder itself or a subfolder without permission, a dangling or looping symlink that names an
    article (an article suffix, or none), and the folder when it holds no articles at all. Symlinked subfolders
    are followed once (a link back up is not a loop)."""
    found: list[Path] = []
    errors: list[tuple[Path, str]] = []
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            info = current.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            errors.append((current, os_reason(current, exc).replace("cannot read", "cannot list")))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
                if entry.is_symlink() and not (is_dir or is_file):
                    os.stat(path)  # raises: why the link leads nowhere
            except OSError as exc:
                if path.suffix.lower() in ARTICLE_SUFFIXES or not path.suffix:
                    errors.append((path, os_reason(path, exc)))
                continue
            if is_dir and recursive:
                pending.append(path)
            elif not is_dir and path.suffix.lower() in ARTICLE_SUFFIXES:
                found.append(
                    path
                )  # a file it may not read, a FIFO: named by read_article, with the others read
    if not found and not errors:
        errors.append((folder, f"no articles in this folder ({', '.join(ARTICLE_SUFFIXES)}, any case)"))
    return sorted(found), errors


def folder_articles(folder: Path, *, recursive: bool = False) -> list[Path]:
    """The article files of a folder, sorted; an :class:`InputError` naming the folder when it has none or
    cannot be listed (see :func:`scan_folder` for the reasons reported one by one)."""
    found, errors = scan_folder(folder, recursive=recursive)
    if not found:
        raise InputError("{}: {}".format(*errors[0]))
    return found


def article_paths(inputs: list[str]) -> tuple[list[Path], list[str]]:
    """Article files named on the command line (a folder stands for its article files, sorted by name), and an
    error line for each folder that holds none and each thing in a folder that cannot be read."""
    paths: list[Path] = []
    errors: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found, problems = scan_folder(path)
            paths.extend(found)
            errors.extend(f"{where}: {reason}" for where, reason in problems)
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
    share = sum(map(_ENGLISH_WORDS.__contains__, words)) / len(words)
    return "en" if share >= 0.08 else "not English"


def jsonl_records(path: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, record, error) for each non-blank line of a JSONL file ("-": stdin).

    A record is an object with a ``"text"`` string within the article limit, an ``"id"`` that :func:`record_id`
    accepts (its ``"id"`` is then that string, or the line number when it had none) and ``"spans"`` that
    :func:`record_spans` accepts; lone surrogates (JSON escapes such as ``"\\ud800"``) in its text become U+FFFD
    so it can always be written back as UTF-8. Anything else is an error: the record is then ``None``, or
    ``{"id": ID}`` when the line is an object with a usable id, so the error can name the record.
    """
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="surrogateescape")  # noqa: SIM115
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record: Any = None
            article_id = None
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError('each line needs an object with a "text" string')
                record["id"] = article_id = record_id(record, number)
                if not isinstance(record.get("text"), str):
                    raise ValueError('each line needs an object with a "text" string')
                if len(record["text"].encode("utf-8", errors="surrogatepass")) > MAX_ARTICLE_BYTES:
                    raise ValueError(f'"text" is over the {MAX_ARTICLE_BYTES:,}-byte article limit')
                record["text"] = _without_surrogates(record["text"])
                record_spans(record)
                yield number, record, None
            except ValueError as exc:
                yield number, ({"id": article_id} if article_id is not None else None), str(exc)


# C0 controls and lone surrogates: a GeoJSON reader cuts an id at NUL (two ids would merge), and a surrogate
# cannot be written as UTF-8.
_BAD_ID_CHARS = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


def record_id(record: dict[str, Any], number: int) -> str:
    """A JSONL record's id as a string: its ``"id"`` (a non-empty string or an integer), else the line number
    *number*. Raises :class:`ValueError` for an id that would not come back unchanged from every output: ``null``,
    empty or blank, another type, or with control characters (NUL) or lone surrogates."""
    if "id" not in record:
        return str(number)
    value = record["id"]
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f'"id" is {json.dumps(value)[:40]}; give a string or an integer, or leave it out')
    text = str(value)
    if not text.strip():
        raise ValueError('"id" is empty; give a string or an integer, or leave it out')
    if _BAD_ID_CHARS.search(text):
        raise ValueError(f'"id" {json.dumps(text)[:60]} holds a control character or a lone surrogate')
    return text


def record_spans(record: dict[str, Any]) -> list[tuple[int, int]] | None:
    """A JSONL record's gold ``"spans"`` as (start, end) character offsets into its text, or ``None`` when it has
    none. Raises :class:`ValueError` naming the first span that is not a ``[start, end]`` pair of integers with
    0 ≤ start < end ≤ the text's length."""
    spans = record.get("spans")
    if spans is None:
        return None
    if not isinstance(spans, list):
        raise ValueError(f'"spans" is {json.dumps(spans)[:40]}; give a list of [start, end] pairs')
    length = len(record["text"])
    pairs: list[tuple[int, int]] = []
    for index, span in enumerate(spans):
        good = (
            isinstance(span, list)
            and len(span) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in span)
            and 0 <= span[0] < span[1] <= length
        )
        if not good:
            raise ValueError(
                f'"spans"[{index}] is {json.dumps(span)[:40]}; give [start, end] with 0 <= start < end <= {length}'
            )
        pairs.append((span[0], span[1]))
    return pairs


def record_meta(record: dict[str, Any]) -> ArticleMeta | None:
    """The metadata fields of a JSONL record (``title``, ``source``, ``date``, ``author``, ``url``, ``language``),
    or ``None`` when it has none (its title may then be read from its first line)."""
    fields = {
        name: " ".join(str(record[name]).split()) or None
        for name in ArticleMeta.FIELDS
        if record.get(name) not in (None, "")
    }
    return ArticleMeta(**fields) if fields else None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    # One regex search over the text (a loop over its characters in Python cost ≈ 20 µs per short article).
    return (
        text.encode("utf-8", errors="surrogatepass").decode("utf-8", errors="replace")
        if _SURROGATE.search(text)
        else text
    )


# ---------------------------------------------------------------- invisible characters

# Format characters that print as nothing but cut a word in two for NER and the gazetteer: soft hyphen, zero-width
# space / non-joiner / joiner, word joiner, BOM ("Ma\u200bdrid" is Madrid).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Spaces of another width or that do not break, inside a name as often as between words ("Chiang\u00a0Mai"): NER and
# the rules read them as plain spaces.
ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}{ODD_SPACES}]")
_ODD_SPACE_RE = re.compile(f"[{ODD_SPACES}]")
_AS_SPACE = str.maketrans(dict.fromkeys(ODD_SPACES, " "))


def plain_spaces(text: str) -> str:
    """*text* with a plain space for each of ``ODD_SPACES`` (one for one: offsets stay)."""
    return text.translate(_AS_SPACE) if _ODD_SPACE_RE.search(text) else text


def strip_invisible(text: str) -> tuple[str, list[int] | None]:
    """*text* without invisible characters and with plain spaces for ``ODD_SPACES``, and the offset in *text* of
    each offset of the result (one more entry for its end), or ``None`` when there was nothing to change (the
    common case costs one regex search).

    >>> strip_invisible("Ma\u200bdrid")
    ('Madrid', [0, 1, 3, 4, 5, 6, 7])
    >>> strip_invisible("Chiang\u00a0Mai")[0]
    'Chiang Mai'
    """
    if _INVISIBLE_RE.search(text) is None:
        return text, None
    offsets = [i for i, ch in enumerate(text) if ch not in INVISIBLE]
    offsets.append(len(text))
    return "".join(ch for ch in text if ch not in INVISIBLE).translate(_AS_SPACE), offsets


# ---------------------------------------------------------------- title and dateline

# Where a line or a sentence may open, before a letter a name may open with: after a line break, or after an end mark
# and a space (".", "!", "?", ":"; a match ends there).
_OPENING = re.compile(r"[\n.!?:](?:(?<=\n)|\s)(?=[^\W\d_a-z])")


_last_openings: tuple[str, list[int]] = ("", [])


def opening_with(pattern: re.Pattern[str], text: str, chars: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match opens with one of *chars* (a few characters that
    are rare in text): tried only where those stand, found by ``str.find``. The regex engine's own scan for a set of
    first characters tests every character of the text in turn (≈ 5 × slower for ``_BOUNDARY``)."""
    places = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            places.append(at)
            at = text.find(char, at + 1)
    done = 0
    for at in sorted(places):
        if at >= done and (match := pattern.match(text, at)) is not None:
            done = match.end()  # (never empty: it holds its first character)
            yield match


def _openings(text: str) -> list[int]:
    """Where :data:`_OPENING` ends in *text*, kept for the last text asked about (the same text object: the dateline
    and three rules of the recogniser ask about each piece of text in turn)."""
    global _last_openings
    last = _last_openings
    if last[0] is not text:
        last = _last_openings = (text, [opening.end() for opening in opening_with(_OPENING, text, "\n.!?:")])
    return last[1]


def at_openings(pattern: re.Pattern[str], text: str, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, 0, endpos)`` for a pattern that can match only at the text's start or where
    :data:`_OPENING` ends (its own lookbehinds say which of those places it takes): tried at those places alone — a
    pattern that opens with lookbehinds would otherwise be tried at every character of the text."""
    endpos = len(text) if endpos is None else endpos
    done = 0
    for at in chain((0,), _openings(text)):
        if at < done:
            continue  # the place again, or inside the last match
        if at >= endpos:
            break
        match = pattern.match(text, at, endpos)
        done = at + 1
        if match is not None:
            done = max(done, match.end())
            yield match


# "WASHINGTON (UrduPoint News / Sputnik - 20th March, 2023)", "KYIV, Ukraine (AP) —", "MOSCOW, March 20 (Reuters) -",
# and after a headline run into the text: "Council approves budget. HUDSON -- Officials …", "… FALLS VILLAGE—The board …"
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?] ))(?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3})"
    r"(?:,\s*(?P<parent>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}))?"
    r"(?=\s*(?:\(|-{1,2}\s|[–—]\s?|,\s*\w+\.?\s+\d)|:\s+[A-Z\"“‘'])",  # "LAHORE: The …" (the recogniser
    # keeps a colon's dateline only when it names a town: not "UPDATE:", "WATCH:")
    re.MULTILINE,
)
_HEADLINE_CHARS = (
    300  # a dateline that does not open a line follows the headline, within this many characters
)


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
    """The (start, end) of the dateline place ("WASHINGTON") near the start of the article, if any. A place before
    a colon ("LAHORE: The …") only when no other dateline follows ("UPDATE: …\nWASHINGTON (AP) —") and the text
    is no transcript (two lines or more opening with a name and a colon: "SALINAS: I think…")."""
    window = min(len(text), 4000)
    colon = None
    for match in at_openings(_DATELINE, text, window):
        place = match.group("place")
        if len(place.replace(".", "")) >= 3 and _opens_line_or_follows_headline(text, match.start()):
            if not text.startswith(":", match.end()):
                return match.start("place"), match.end("place")
            colon = colon or (match.start("place"), match.end("place"))
    if colon and len(_SPEAKER.findall(text, 0, window)) < 2:
        return colon
    return None


_SPEAKER = re.compile(r"^[A-Z][A-Z.'’ -]{2,}:\s", re.MULTILINE)  # "TAPPER: …", a transcript's speaker


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
# A run of line breaks (≡ \n+: a literal first character lets the regex engine skip to each one at once).
_LINE_BREAKS = re.compile(r"\n\n*")
_SPACES = re.compile(r"\s*")  # (\s is what str.isspace calls a space)
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."  # what a word before a stop is made of


def _word_before(text: str, end: int) -> str:
    """The letters and full stops just before *end*, at most 40 characters back ("Mr", "U.S"; "" if none): what
    ``[A-Za-z.]+$`` finds searched from ``end - 40`` to *end* (where ``$`` also holds before a final line break),
    without trying each of those 40 places."""
    start = max(0, end - 40)
    if end > start and text[end - 1] == "\n":
        end -= 1
    piece = text[start:end]
    return piece[len(piece.rstrip(_WORD_CHARS)) :]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences that tile the text (each ends where the next starts; whitespace stays with the sentence before).

    A line break always ends a sentence (news paragraphs, headlines and bylines have no final stop). A full stop
    after a known abbreviation ("Mr.", "Dept.", single initials) does not.
    """
    cuts: list[int] = []
    for match in _LINE_BREAKS.finditer(text):
        cuts.append(match.end())
    for match in opening_with(_BOUNDARY, text, ".!?…"):
        # Look only at the few characters before the stop: searching from 0 would be quadratic on long texts.
        token = _word_before(text, match.start()).lower().rstrip(".")
        if match.group().startswith(".") and (token in _ABBREVIATIONS or len(token) == 1):
            continue
        spaces = _SPACES.match(text, match.end())
        assert spaces is not None  # (\s* matches anywhere)
        cuts.append(spaces.end())  # the spaces after the stop stay with its sentence
    sentences: list[Sentence] = []
    start = 0
    for cut in sorted(set(cuts)):
        if start < cut < len(text):
            sentences.append(Sentence(len(sentences), start, cut))
            start = cut
    sentences.append(Sentence(len(sentences), start, len(text)))
    return sentences
