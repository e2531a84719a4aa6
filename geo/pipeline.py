"""The geoparsing pipeline: text → sentences → mentions → places. Loads the model and the index once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from geo.gazetteer.index import Gazetteer, open_gazetteer
from geo.model import Document, Mention, Sentence
from geo.normalize import normalize_name
from geo.recognize import DEFAULT_MODEL, Recognizer, load_nlp
from geo.resolve import Resolver, ResolverConfig
from geo.text import find_dateline, find_title, split_sentences, strip_invisible

# NER runs on pieces of at most this many characters, cut at sentence ends: spaCy refuses texts over
# ``nlp.max_length`` (1M) and its memory grows with the text, so long articles go through in bounded pieces.
CHUNK_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Article:
    """An input article. ``spans``, when given, are the only toponyms to resolve (gold-span mode)."""

    id: str
    text: str
    title: str | None = None
    spans: Sequence[tuple[int, int]] | None = None


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
        model: str = DEFAULT_MODEL,
        resolver_config: ResolverConfig | None = None,
        disabled_rules: frozenset[str] = frozenset(),
    ) -> None:
        """``resolver_config``: the resolver's weights and switched-off terms (:class:`geo.resolve.ResolverConfig`);
        ``disabled_rules``: names of :data:`geo.recognize.RULES` to switch off (``ValueError`` if unknown)."""
        self.gazetteer = gazetteer or open_gazetteer()
        self.nlp = load_nlp(model)
        self.recognizer = Recognizer(self.gazetteer, disabled=frozenset(disabled_rules))
        self.resolver = Resolver(self.gazetteer, resolver_config)

    def parse(self, text: str, *, doc_id: str = "document", title: str | None = None) -> Document:
        return next(self.parse_many([Article(doc_id, text, title)]))

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
                id=a.id, text=a.text, title=a.title or find_title(a.text), sentences=split_sentences(a.text)
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
        for (i, start, _end), (piece, offsets), ner_doc in zip(pieces, cleaned, ner_docs, strict=True):
            dateline = find_dateline(piece) if start == 0 else None
            mentions = self.recognizer.recognize(ner_doc, dateline=dateline, text=piece)
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
            document.resolutions = self.resolver.resolve(text, mentions)
            document.dateline = next((m for m in mentions if m.source == "dateline"), None)
            yield document

    def _gold_mention(self, text: str, start: int, end: int) -> Mention:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span [{start}, {end}) is outside the text (length {len(text)})")
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
