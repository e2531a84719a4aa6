"""Article text from Markdown, read as Markdown with ``markdown-it-py`` (CommonMark).

The text is what a reader sees: no markup, link text kept but link URLs dropped, images (their paths and alt text),
code blocks and raw HTML dropped; blocks become paragraphs separated by blank lines. A leading ``# Heading`` is the
title, and a YAML-style front matter block (``---`` lines) gives ``title``, ``date``, ``author``, ``source`` and
``url``. Offsets of the pipeline refer to this text.
"""

from __future__ import annotations

import re
from typing import Any

from geo.model import ArticleMeta

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEYS = {
    "title": "title",
    "date": "date",
    "author": "author",
    "byline": "author",
    "source": "source",
    "site": "source",
    "url": "url",
    "lang": "language",
    "language": "language",
}
_BLOCK_ENDS = {
    "paragraph_close",
    "heading_close",
    "list_item_close",
    "blockquote_close",
    "table_close",
    "tr_close",
}
_SKIPPED_BLOCKS = {"fence", "code_block", "html_block", "hr"}


def markdown_to_text(source: str) -> tuple[str, ArticleMeta]:
    """The readable text of a Markdown article and what its front matter and leading heading say.

    >>> markdown_to_text("# Floods\\n\\nRain in **Dhaka** ([map](https://x.org/Paris)).")
    ('Rain in Dhaka (map).', ArticleMeta(title='Floods', source=None, date=None, author=None, url=None, language=None))
    """
    from markdown_it import MarkdownIt

    fields: dict[str, str] = {}
    front = _FRONT_MATTER.match(source)
    if front:
        for line in front.group("body").splitlines():
            key, colon, value = line.partition(":")
            name = _FRONT_KEYS.get(key.strip().lower())
            value = value.strip().strip("\"'").strip()
            if colon and name and value and name not in fields:
                fields[name] = value
        source = source[front.end() :]
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    blocks: list[str] = []
    current: list[str] = []
    heading_level = 0
    for token in tokens:
        if token.type == "inline":
            current.append(_inline_text(token.children or []))
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type in ("th_close", "td_close"):
            current.append(" ")
        elif token.type in _BLOCK_ENDS:
            block = " ".join("".join(current).split())
            current = []
            if not block:
                continue
            if token.type == "heading_close" and heading_level == 1 and not blocks:
                if fields.setdefault("title", block) == block:
                    continue  # the article's own headline, not body text
            blocks.append(block)
        elif token.type in _SKIPPED_BLOCKS:
            continue
    return "\n\n".join(blocks), ArticleMeta(**fields)


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    in_autolink = False
    for child in children:
        if child.type == "link_open" and child.markup in ("autolink", "linkify"):
            in_autolink = True  # <https://…>: the text is the URL itself
        elif child.type == "link_close":
            in_autolink = False
        elif in_autolink or child.type in ("image", "html_inline"):
            continue  # an image's path is not text, nor is its alt text part of the story
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)
