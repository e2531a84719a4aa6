"""Shared test constants (shapely-style): the hostile payloads every rendering path must treat as data."""

PAYLOADS = [
    "{{7*7}}",
    "{{ cycler.__init__.__globals__.os.getcwd() }}",
    "{# unclosed comment",
    "{% for x in range(3) %}loop{% endfor %}",
    "${alert(1)}",
    "`${document.title='pwned'}`",
    "\\`backslash-backtick",
    "</script><script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "\u202eRTL override\u202c and zero\u200bwidth",
    "replacement \ufffd char",
    "NUL\x00byte",
]


def hostile_article() -> str:
    """Each payload in a sentence next to a real place name, so it reaches popups and the text panel."""
    lines = ["Hostile Payloads Reach Paris", ""]
    for i, payload in enumerate(PAYLOADS):
        place = ["Paris", "Munich", "Baku", "Armenia"][i % 4]
        lines.append(f"Officials in {place} said {payload} on Monday.")
        lines.append("")
    return "\n".join(lines)


def with_gold_spans(parser, text, names):
    """Parse *text* with the first occurrence of each of *names* as a given span (gold-span mode)."""
    from geo.pipeline import Article

    (doc,) = parser.parse_many(
        [Article("x", text, spans=[(text.index(n), text.index(n) + len(n)) for n in names])]
    )
    return doc
