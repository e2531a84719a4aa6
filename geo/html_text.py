"""Article text from an HTML page.

A saved news page is mostly not the story: edition menus, "most read" sidebars, footers. :func:`extract_article`
takes the main text and the page's own metadata (OpenGraph, JSON-LD, ``<meta>``) with ``trafilatura``, the
reference tool for news boilerplate removal. :func:`html_to_text` (the standard library's HTML parser: scripts,
styles, ``nav``, ``footer`` dropped; blocks become paragraphs) is only the fallback when extraction finds nothing.
Offsets of the pipeline then refer to the extracted text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from geo.model import ArticleMeta


def extract_article(html: str) -> tuple[str, ArticleMeta] | None:
    """The main text of a page (paragraphs separated by blank lines) and its metadata, or ``None`` when
    ``trafilatura`` finds no main text. The metadata come from the page's metadata and markup (the date, failing
    those, from a date written in the page); the title is never made up from the body text."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    found = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        # The first publication date, not the last update; no free search of the page for any date-like string.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None:
        return None
    record = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    lines = [" ".join(line.split()) for line in (record.get("text") or "").split("\n")]
    text = "\n\n".join(line for line in lines if line)
    meta = ArticleMeta(
        title=_clean(record.get("title")),
        source=_clean(record.get("sitename")),
        date=_clean(record.get("date")),
        author=_authors(record.get("author")),
        url=_clean(record.get("url")),
        language=_clean(record.get("language")) or _declared_language(tree),
    )
    return (text, meta) if text else None


def _authors(value: object) -> str | None:
    """trafilatura's "A; B; C" as a byline reads: "A, B and C"."""
    names = [n for n in (_clean(part) for part in str(value or "").split(";")) if n]
    if len(names) < 2:
        return names[0] if names else None
    return ", ".join(names[:-1]) + " and " + names[-1]


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _declared_language(tree: object) -> str | None:
    """``<html lang>``, else ``og:locale`` or ``content-language`` (trafilatura reports a language only when asked
    to filter by one)."""
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")  # type: ignore[attr-defined]
    if not lang:
        for meta in tree.iter("meta"):  # type: ignore[attr-defined]
            key = (meta.get("property") or meta.get("http-equiv") or "").lower()
            if key in ("og:locale", "content-language") and meta.get("content"):
                lang = meta.get("content")
                break
    return _clean(lang.replace("_", "-")) if lang else None


_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "nav",
    "footer",
    "form",
    "iframe",
    "object",
}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "header",
          "blockquote", "pre", "table", "tr", "figure", "figcaption", "main", "aside", "dd", "dt"}  # fmt: skip


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True if *text* looks like an HTML page: it opens with a doctype or ``<html>``, or has a ``<body`` tag in
    its first 512 characters (case-insensitive, leading whitespace skipped) and a closing tag anywhere."""
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def html_to_text(html: str) -> str:
    """Readable text of an HTML page: paragraphs separated by blank lines, whitespace inside them collapsed."""
    extractor = _Extractor()
    extractor.feed(html)
    extractor.close()
    title = " ".join("".join(extractor.title).split())
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n{2,}", "".join(extractor.parts))]
    body = [p for p in paragraphs if p]
    if title and (not body or body[0] != title):
        body.insert(0, title)
    return "\n\n".join(body)
