"""The geoparsing pipeline: text → sentences → mentions → places. Loads the model and the index once."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from geo.errors import InputError
from geo.focus import article_focus
from geo.gazetteer.index import Gazetteer, open_gazetteer
from geo.html_text import looks_like_html
from geo.model import ArticleMeta, Document, Mention, Sentence
from geo.normalize import normalize_name
from geo.recognize import Recognizer, load_nlp
from geo.resolve import Fallback, Resolver, ResolverConfig
from geo.settings import current
from geo.text import (
    ReadText,
    find_dateline,
    find_title,
    plain_spaces,
    read_article,
    read_text,
    split_sentences,
    strip_invisible,
)

# NER runs on pieces of at most this many characters, cut at sentence ends: spaCy refuses texts over
# ``nlp.max_length`` (1M) and its memory grows with the text, so long articles go through in bounded pieces.
CHUNK_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Article:
    """An input article. ``spans``, when given, are the only toponyms to resolve (gold-span mode).

    ``meta``: what the article declares about itself (a page's metadata, a JSONL record's fields). With it, the
    title is ``meta.title`` or none; without it (plain text), ``title`` or the text's first line when it reads
    like a headline.
    """

    id: str
    text: str
    title: str | None = None
    spans: Sequence[tuple[int, int]] | None = None
    meta: ArticleMeta | None = None
    warnings: tuple[str, ...] = ()

    @classmethod
    def from_read(cls, read: ReadText, *, doc_id: str) -> Article:
        """The article to parse from an article file's read text, its metadata and reading warnings, under the
        id *doc_id*."""
        return cls(doc_id, read.text, meta=read.meta, warnings=read.warnings)


class Geoparser:
    """Recognise and resolve the places of articles.

    >>> parser = Geoparser()                                   # doctest: +SKIP
    >>> doc = parser.parse("Talks were held in Munich.")       # doctest: +SKIP
    >>> [(r.mention.text, r.place.name) for r in doc.resolutions]  # doctest: +SKIP
    [('Munich', 'Munich')]
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        model: str | None = None,
        resolver_config: ResolverConfig | None = None,
        disabled_rules: frozenset[str] = frozenset(),
        fallback: Fallback | None = None,
    ) -> None:
        """``resolver_config``: the resolver's weights and switched-off terms (:class:`geo.resolve.ResolverConfig`);
        ``disabled_rules``: names of :data:`geo.recognize.RULES` to switch off (``ValueError`` if unknown);
        ``fallback``: a geocoder the resolver consults for names the index cannot place (:class:`geo.resolve.Fallback`,
        such as :class:`geo.online.OnlineGeocoder`; default none: offline);
        ``gazetteer`` and ``model`` (a spaCy package name or path) default to the settings' (:mod:`geo.settings`:
        ``--gazetteer``/``GEO_GAZETTEER``, ``--model``/``GEO_MODEL``; the index is built on first use).
        Raises :class:`geo.errors.DataError` when the model or the index cannot be loaded."""
        self.gazetteer = gazetteer or open_gazetteer()
        self.nlp = load_nlp(model or current().model)
        self.recognizer = Recognizer(self.gazetteer, disabled=frozenset(disabled_rules))
        self.resolver = Resolver(self.gazetteer, resolver_config, fallback=fallback)
        # The model, vocabulary and index just loaded are shared for the process's life (both are cached): out of
        # the cyclic garbage collector's sight, its full collections no longer walk their ≈ 200,000 objects (≈ 0.12 s
        # of each 588-article LGL pass), as geo.worker does for batch runs. The loading's own garbage goes first.
        gc.collect()
        gc.freeze()

    def parse(
        self, text: str, *, doc_id: str = "document", title: str | None = None, format: str = "auto"
    ) -> Document:
        """Parse an article given as a string. ``format``: ``"text"``, ``"html"`` (main text and metadata of a
        web page), ``"markdown"``, or ``"auto"``: HTML when it looks like a page, else plain text taken as given.
        A page or Markdown is read by :func:`geo.text.read_text`, as in the CLI; its warnings are in
        ``Document.warnings``, and offsets refer to the extracted text (``Document.text``)."""
        if format == "auto":
            format = "html" if looks_like_html(text) else "text"
        if format == "text":  # the string as given: offsets index it exactly
            return next(self.parse_many([Article(doc_id, text, title)]))
        read = read_text(text, name=doc_id, format=format)
        article = Article.from_read(read, doc_id=doc_id)
        if title is not None:
            article = replace(
                article, title=title, meta=replace(read.meta, title=title) if read.meta else None
            )
        return next(self.parse_many([article]))

    def parse_html(self, html: str | bytes, *, doc_id: str = "document") -> Document:
        """Parse a saved web page: its main text (menus, sidebars and footers left out) and its metadata.

        >>> doc = Geoparser().parse_html(open("page.html", "rb").read())   # doctest: +SKIP
        >>> doc.meta.source, doc.meta.date                                 # doctest: +SKIP
        """
        read = (
            read_article(html, name=doc_id, format="html")
            if isinstance(html, bytes)
            else read_text(html, name=doc_id, format="html")
        )
        return next(self.parse_many([Article.from_read(read, doc_id=doc_id)]))

    def parse_file(self, path: str | Path, *, doc_id: str | None = None, format: str = "auto") -> Document:
        """Read an article file as the CLI does (:func:`geo.text.read_article`) and parse it; the document's id is
        the file's stem. Raises :class:`geo.errors.InputError` for unusable files."""
        read = read_article(path, format=format)
        return next(self.parse_many([Article.from_read(read, doc_id=doc_id or Path(path).stem)]))

    def parse_many(self, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[Document]:
        """Parse articles in order, running NER in batches with ``nlp.pipe``."""
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= batch_size:
                yield from self._parse_batch(pending)
                pending = []
        if pending:
            yield from self._parse_batch(pending)

    def _parse_batch(self, articles: list[Article]) -> Iterator[Document]:
        documents = [
            Document(
                id=a.id,
                text=a.text,
                title=a.title or (a.meta.title if a.meta is not None else find_title(a.text)),
                sentences=split_sentences(a.text),
                warnings=list(a.warnings),
                meta=a.meta or ArticleMeta(title=a.title),
            )
            for a in articles
        ]
        pieces = [
            (i, start, end)
            for i, (article, document) in enumerate(zip(articles, documents, strict=True))
            if article.spans is None
            for start, end in _pieces(document.sentences, CHUNK_CHARS)
        ]
        # NER and the rules read each piece without invisible characters ("Ma\u200bdrid"); offsets map back.
        cleaned = [strip_invisible(articles[i].text[s:e]) for i, s, e in pieces]
        ner_docs = self.nlp.pipe((piece for piece, _ in cleaned), batch_size=len(articles))
        found: dict[int, list[Mention]] = {}
        sides: dict[int, set[str]] = {}  # the countries of the national sides each article names (a weak cue)
        for (i, start, _end), (piece, offsets), ner_doc in zip(pieces, cleaned, ner_docs, strict=True):
            dateline = find_dateline(piece) if start == 0 else None
            mentions = self.recognizer.recognize(ner_doc, dateline=dateline, text=piece)
            sides.setdefault(i, set()).update(self.recognizer.side_countries)
            if offsets is not None:
                text = articles[i].text
                for m in mentions:
                    m.start, m.end = offsets[m.start] + start, offsets[m.end - 1] + 1 + start
                    m.text = text[m.start : m.end]
            elif start:
                mentions = [replace(m, start=m.start + start, end=m.end + start) for m in mentions]
            found.setdefault(i, []).extend(mentions)
        for i, (article, document) in enumerate(zip(articles, documents, strict=True)):
            text = article.text
            if article.spans is None:
                mentions = found.get(i, [])
            else:
                mentions = [self._gold_mention(text, start, end) for start, end in article.spans]
            for mention in mentions:
                mention.sentence = document.sentence_at(mention.start).index
            # (the resolver reads the words around a name with plain spaces too: "London,\u00a0two hours west of")
            document.resolutions = self.resolver.resolve(
                plain_spaces(text), mentions, cued=frozenset(sides.get(i, ()))
            )
            document.dateline = next((m for m in mentions if m.source == "dateline"), None)
            document.focus = article_focus(document, self.gazetteer)
            yield document

    def _gold_mention(self, text: str, start: int, end: int) -> Mention:
        if not 0 <= start < end <= len(text):
            raise InputError(f"span [{start}, {end}) is outside the text (length {len(text)})")
        surface = text[start:end]
        return Mention(
            start,
            end,
            surface,
            "gold",
            "GOLD",
            demonym_of=self.gazetteer.demonym(surface)
            if normalize_name(surface) not in self.gazetteer.strong_keys
            else None,
            rule="gold",
        )


def _pieces(sentences: Sequence[Sentence], size: int) -> Iterator[tuple[int, int]]:
    """(start, end) runs of whole sentences of at most ``size`` characters (a longer sentence is cut at ``size``)."""
    start = end = sentences[0].start
    for sentence in sentences:
        if sentence.end - start > size and end > start:
            yield start, end
            start = end
        while sentence.end - start > size:
            yield start, start + size
            start += size
        end = sentence.end
    yield start, end


def start_geoparser(*, model: str | None = None, fallback: Fallback | None = None) -> Geoparser:
    """A :class:`Geoparser` for a one-off command (``geo map``, ``geo parse``): the gazetteer index is opened (its
    country and admin-1 tables read, ≈ 0.1 s; strong and former names are decided per name when asked) in a second
    thread while this one loads the spaCy model. SQLite runs those queries without the GIL. Raises
    :class:`geo.errors.DataError` when the index or the model is missing, as :class:`Geoparser` does. *fallback*:
    as :class:`Geoparser`'s.

    Not for the `geo batch` parsing process, which must never start a thread (see :mod:`geo.worker`)."""
    from concurrent.futures import ThreadPoolExecutor

    model = model or current().model  # the settings' (--model / GEO_MODEL), as Geoparser's

    with ThreadPoolExecutor(max_workers=1) as pool:
        index = pool.submit(open_gazetteer)
        load_nlp(model)  # cached: the Geoparser below takes this one
        gazetteer = index.result()
    return Geoparser(gazetteer, model=model, fallback=fallback)
