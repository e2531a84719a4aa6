"""Article text from an HTML page, with the standard library's HTML parser (never regular expressions).

Scripts, styles and other non-content elements are dropped; block elements become paragraph breaks; character
references are decoded. Offsets of the pipeline then refer to this extracted text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
